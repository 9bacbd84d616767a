//! Finding nodes by label or alias, tolerant of case, accents and typing mistakes
//! ("haniyah" finds Ismail Haniyeh).

use strsim::jaro_winkler;
use unicode_normalization::UnicodeNormalization;

use super::Model;

/// Least score a match needs.
const MIN_SCORE: f64 = 0.82;
/// Least Jaro-Winkler similarity for a query word to count as a typo of a name word.
const MIN_WORD_SIMILARITY: f64 = 0.86;

/// One node found by [`search`].
#[derive(Debug, Clone, PartialEq)]
pub struct SearchHit {
    /// Position of the node in `model.nodes`.
    pub node: usize,
    /// How well it matched, from 0 to 1 (1: the whole name).
    pub score: f64,
    /// The label or alias that matched best.
    pub matched: String,
}

/// Lower case, accents removed, punctuation as spaces, single spaces.
pub fn fold(text: &str) -> String {
    let folded: String = text
        .nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        // Letters that carry their mark inside them: "Akıncı" is "Akinci".
        .map(|c| match c {
            'ı' => 'i',
            'ł' => 'l',
            'ø' => 'o',
            'đ' => 'd',
            c => c,
        })
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// An id made from words: folded, words joined by `-` (`"Hamas delegation"` ->
/// `hamas-delegation`); `None` when no letter or digit is left.
pub fn slug(words: &str) -> Option<String> {
    let base = fold(words).replace(' ', "-");
    (!base.is_empty()).then_some(base)
}

/// How well `query` (folded) matches `name` (folded), from 0 to 1.
fn score(query: &str, name: &str) -> f64 {
    if query.is_empty() || name.is_empty() {
        return 0.0;
    }
    if name == query {
        return 1.0;
    }
    if name.starts_with(query) {
        return 0.97;
    }
    if name.split(' ').any(|word| word.starts_with(query)) {
        return 0.95;
    }
    if name.contains(query) {
        return 0.92;
    }
    // Every query word must be a near-spelling of some name word.
    let words: Vec<&str> = name.split(' ').collect();
    let mut total = 0.0;
    let mut count = 0.0;
    for query_word in query.split(' ') {
        let best = words
            .iter()
            .map(|word| {
                let whole = jaro_winkler(query_word, word);
                // A short query word may be the start of a longer name word ("hani").
                let prefix = word
                    .get(..query_word.len().min(word.len()))
                    .map_or(0.0, |start| jaro_winkler(query_word, start) * 0.95);
                whole.max(prefix)
            })
            .fold(0.0, f64::max);
        if best < MIN_WORD_SIMILARITY {
            return 0.0;
        }
        total += best;
        count += 1.0;
    }
    0.9 * total / count
}

/// Nodes whose label or an alias matches `query`, best first (ties: by label, then id).
///
/// Complexity: O(nodes x names x name length).
pub fn search(model: &Model, query: &str) -> Vec<SearchHit> {
    SearchIndex::of(model).search(query)
}

/// Every node's names folded once, so that a search folds only its query: what the
/// window keeps for a dataset and hands to the worker that searches a large one.
#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    /// `(node, folded name, name)` for every label and alias.
    names: Vec<(usize, String, String)>,
    /// Each node's rank by lower-case label, then id: how ties are ordered.
    label_rank: Vec<usize>,
}

impl SearchIndex {
    /// The index of `model`'s names.
    ///
    /// Complexity: O(names x name length + nodes log nodes).
    pub fn of(model: &Model) -> Self {
        let names = model
            .nodes
            .iter()
            .enumerate()
            .flat_map(|(position, node)| {
                std::iter::once(&node.label)
                    .chain(&node.aliases)
                    .map(move |name| (position, fold(name), name.clone()))
            })
            .collect();
        let label_rank = model.label_ranks();
        Self { names, label_rank }
    }

    /// How many nodes it covers.
    pub fn len(&self) -> usize {
        self.label_rank.len()
    }

    /// Whether it covers no node.
    pub fn is_empty(&self) -> bool {
        self.label_rank.is_empty()
    }

    /// Nodes whose label or an alias matches `query`, best first (ties: by label, then
    /// id), each with its best-matching name.
    ///
    /// Complexity: O(names x name length).
    pub fn search(&self, query: &str) -> Vec<SearchHit> {
        let query = fold(query);
        if query.is_empty() {
            return Vec::new();
        }
        // The best name of each node, names coming node after node.
        let mut hits: Vec<SearchHit> = Vec::new();
        for (node, folded, name) in &self.names {
            let score = score(&query, folded);
            if score < MIN_SCORE {
                continue;
            }
            match hits.last_mut() {
                Some(last) if last.node == *node => {
                    if score > last.score {
                        last.score = score;
                        last.matched.clone_from(name);
                    }
                }
                _ => hits.push(SearchHit {
                    node: *node,
                    score,
                    matched: name.clone(),
                }),
            }
        }
        let rank = |node: usize| self.label_rank.get(node).copied().unwrap_or(usize::MAX);
        hits.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then_with(|| rank(a.node).cmp(&rank(b.node)))
        });
        hits
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_accents_and_punctuation() {
        assert_eq!(fold("  Ḥaniyeh, ISMAIL "), "haniyeh ismail");
        assert_eq!(fold("al-Hayya"), "al hayya");
        assert_eq!(fold("Égypte"), "egypte");
        assert_eq!(fold("Mustafa Akıncı"), "mustafa akinci");
        assert_eq!(fold("Łódź"), "lodz");
    }

    #[test]
    fn scores_exact_prefix_substring_and_typos() {
        assert_eq!(score("hamas", "hamas"), 1.0);
        assert!(score("ham", "hamas delegation") > 0.9);
        assert!(score("delegation", "hamas delegation") > 0.9);
        assert!(score("haniyah", "ismail haniyeh") >= MIN_SCORE);
        assert!(score("netanyhau", "benjamin netanyahu") >= MIN_SCORE);
        assert_eq!(score("qatar", "israel"), 0.0);
        assert_eq!(score("", "israel"), 0.0);
    }
}
