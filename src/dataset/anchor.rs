//! Anchoring evidence in article text: check a quote against its offsets, and find it
//! again by quote and context when the offsets are stale.

use std::collections::HashMap;

use super::schema::{RawDataset, RawEvidence};
use super::{ArticleStore, sha256_hex};
use crate::model::{ArticleText, CONTEXT_CHARS};

/// Where a quote was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchoring {
    /// The quote is at its offsets.
    Exact,
    /// The quote is elsewhere; these are its offsets.
    Moved {
        /// Char offset of its first char.
        start: usize,
        /// Char offset just past it.
        end: usize,
    },
    /// The quote is nowhere in the text.
    NotFound,
}

/// Checks that `quote` is at `start..end` of `text`; when it is not, finds the occurrence
/// whose surrounding text best matches `prefix` and `suffix` (ties: the one nearest
/// `start`).
///
/// Complexity: O(text) to find the occurrences, O(occurrences x context) to rank them.
pub fn anchor_quote(
    text: &ArticleText,
    quote: &str,
    start: usize,
    end: usize,
    prefix: &str,
    suffix: &str,
) -> Anchoring {
    if quote.is_empty() {
        return Anchoring::NotFound;
    }
    if text.slice(start, end) == Some(quote) {
        return Anchoring::Exact;
    }
    let best = text
        .find_all(quote)
        .into_iter()
        .max_by_key(|&(found_start, found_end)| {
            let context_score =
                common_suffix_chars(text.before(found_start, CONTEXT_CHARS), prefix)
                    + common_prefix_chars(text.after(found_end, CONTEXT_CHARS), suffix);
            // Higher is better: more shared context, then less distance (negated).
            (
                context_score,
                std::cmp::Reverse(found_start.abs_diff(start)),
            )
        });
    match best {
        Some((start, end)) => Anchoring::Moved { start, end },
        None => Anchoring::NotFound,
    }
}

/// The W3C context of chars `start..end`: up to [`CONTEXT_CHARS`] chars before and after.
pub fn context_of(text: &ArticleText, start: usize, end: usize) -> (String, String) {
    (
        text.before(start, CONTEXT_CHARS).to_owned(),
        text.after(end, CONTEXT_CHARS).to_owned(),
    )
}

fn common_prefix_chars(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

fn common_suffix_chars(a: &str, b: &str) -> usize {
    a.chars()
        .rev()
        .zip(b.chars().rev())
        .take_while(|(x, y)| x == y)
        .count()
}

/// Anchors every evidence record of `dataset` against the articles in `store`; returns
/// the problems (with JSON paths) that stop it, leaving `dataset` partly updated.
pub fn anchor_dataset(dataset: &mut RawDataset, store: &dyn ArticleStore) -> Vec<String> {
    let mut problems = Vec::new();
    let mut texts: HashMap<String, ArticleText> = HashMap::new();
    for (index, article) in dataset.articles.iter_mut().enumerate() {
        let bytes = match (&article.text, &article.path) {
            (Some(text), None) => text.as_bytes().to_vec(),
            (None, Some(path)) => match store.read(path) {
                Ok(bytes) => bytes,
                Err(error) => {
                    problems.push(format!("$.articles[{index}].path: {error}"));
                    continue;
                }
            },
            _ => {
                problems.push(format!(
                    "$.articles[{index}]: give exactly one of \"text\" and \"path\""
                ));
                continue;
            }
        };
        article.sha256 = Some(sha256_hex(&bytes));
        match String::from_utf8(bytes) {
            Ok(text) => {
                texts.insert(article.id.clone(), ArticleText::new(text));
            }
            Err(_) => problems.push(format!("$.articles[{index}]: the text is not UTF-8")),
        }
    }
    let mut anchor_all = |owner: String, records: &mut [RawEvidence]| {
        for (index, record) in records.iter_mut().enumerate() {
            let path = format!("{owner}.evidence[{index}]");
            let Some(text) = texts.get(&record.article) else {
                problems.push(format!("{path}.article: no article \"{}\"", record.article));
                continue;
            };
            let occurrences = text.find_all(&record.quote).len();
            let has_hint = record.start != 0
                || record.end != 0
                || !record.prefix.is_empty()
                || !record.suffix.is_empty();
            if occurrences > 1 && !has_hint {
                problems.push(format!(
                    "{path}.quote: \"{}\" occurs {occurrences} times; give a prefix, a suffix or approximate offsets",
                    record.quote
                ));
                continue;
            }
            let (start, end) = match anchor_quote(
                text,
                &record.quote,
                record.start,
                record.end,
                &record.prefix,
                &record.suffix,
            ) {
                Anchoring::Exact => (record.start, record.end),
                Anchoring::Moved { start, end } => (start, end),
                Anchoring::NotFound => {
                    problems.push(format!(
                        "{path}.quote: \"{}\" is not in article \"{}\"",
                        record.quote, record.article
                    ));
                    continue;
                }
            };
            let (prefix, suffix) = context_of(text, start, end);
            record.start = start;
            record.end = end;
            record.prefix = prefix;
            record.suffix = suffix;
        }
    };
    for (index, node) in dataset.nodes.iter_mut().enumerate() {
        anchor_all(format!("$.nodes[{index}]"), &mut node.evidence);
    }
    for (index, edge) in dataset.edges.iter_mut().enumerate() {
        anchor_all(format!("$.edges[{index}]"), &mut edge.evidence);
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "Hamas said no. Israel said no. Qatar said yes.";

    #[test]
    fn exact_when_the_quote_is_at_its_offsets() {
        let text = ArticleText::new(TEXT);
        assert_eq!(
            anchor_quote(&text, "Israel said no", 15, 29, "", ""),
            Anchoring::Exact
        );
    }

    #[test]
    fn moved_quote_is_found_by_its_context() {
        let text = ArticleText::new(TEXT);
        // "said no" occurs twice; the prefix picks the second occurrence.
        assert_eq!(
            anchor_quote(&text, "said no", 0, 7, "Israel ", ". Qatar"),
            Anchoring::Moved { start: 22, end: 29 }
        );
        assert_eq!(
            anchor_quote(&text, "said no", 40, 47, "Hamas ", ""),
            Anchoring::Moved { start: 6, end: 13 }
        );
    }

    #[test]
    fn without_context_the_nearest_occurrence_wins() {
        let text = ArticleText::new(TEXT);
        assert_eq!(
            anchor_quote(&text, "said no", 20, 27, "", ""),
            Anchoring::Moved { start: 22, end: 29 }
        );
    }

    #[test]
    fn missing_or_empty_quote_is_not_found() {
        let text = ArticleText::new(TEXT);
        assert_eq!(
            anchor_quote(&text, "Egypt said", 0, 10, "", ""),
            Anchoring::NotFound
        );
        assert_eq!(anchor_quote(&text, "", 0, 0, "", ""), Anchoring::NotFound);
    }

    #[test]
    fn offsets_count_chars_not_bytes() {
        let text = ArticleText::new("May 26th’s attack on a camp");
        assert_eq!(
            anchor_quote(&text, "attack", 11, 17, "", ""),
            Anchoring::Exact
        );
        assert_eq!(
            context_of(&text, 11, 17),
            ("May 26th’s ".to_owned(), " on a camp".to_owned())
        );
    }
}
