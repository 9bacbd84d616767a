//! The multi-pattern search over a lexicon and the parties found so far: every name,
//! alias, description, place and title an article mentions, leftmost-longest, with the
//! word rules a name must pass (whole words, an acronym in its own case).

use std::collections::{BTreeSet, HashMap};

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use super::lexicon::{EntryKind, Lexicon};
use super::mentions::{DESCRIPTION_CONFIDENCE, NAME_CONFIDENCE, Origin, Registry};
use crate::model::{ArticleText, Subtype};

#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Target {
    Entry(usize, f32),
    Place(usize),
    Title,
    Person(usize),
}

#[derive(Debug, Clone)]
struct Pattern {
    target: Target,
    /// An acronym: matched only in its own case.
    exact_case: bool,
    /// Starts with a capital: matched only where the text has one.
    capitalised: bool,
}

/// One multi-pattern search: one automaton read through one or more views. A view
/// holds its own patterns (a pattern may be in one view and not another: a description
/// is in the full view, not the plain one), each standing for the first target its
/// words were added with there, and the lower-cased texts of those patterns (a search
/// built after it skips those).
#[derive(Debug, Clone, Default)]
struct Search {
    automaton: Option<AhoCorasick>,
    views: Vec<View>,
}

/// What the patterns of a search stand for in one view.
#[derive(Debug, Clone, Default)]
struct View {
    /// By pattern: what it stands for here, if it is in this view.
    patterns: Vec<Option<Pattern>>,
    /// The lower-cased texts of this view's patterns.
    texts: HashMap<String, usize>,
}

/// The full view of the lexicon's search: names, aliases and descriptions.
const FULL: usize = 0;
/// The plain view: the same without descriptions, what a description's own words name.
const PLAIN: usize = 1;

/// The patterns of a search being built: each text once, and in each view the first
/// target it was added with there.
struct SearchBuilder<'a> {
    lexicon: &'a Lexicon,
    /// Texts an earlier search holds already: it reports them first.
    taken: Option<&'a HashMap<String, usize>>,
    texts: Vec<String>,
    all: HashMap<String, usize>,
    views: Vec<View>,
}

impl<'a> SearchBuilder<'a> {
    fn new(lexicon: &'a Lexicon, views: usize, taken: Option<&'a HashMap<String, usize>>) -> Self {
        Self {
            lexicon,
            taken,
            texts: Vec::new(),
            all: HashMap::new(),
            views: vec![View::default(); views],
        }
    }

    /// Adds `text` for `target` to the views `in_views`.
    fn add(&mut self, text: &str, target: Target, in_views: &[usize]) {
        let text = text.trim();
        if text.is_empty() {
            return;
        }
        let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
        let demand = matches!(target, Target::Entry(entry, _) if self.lexicon.entries.get(entry).is_some_and(|e| e.kind == EntryKind::Demand));
        let exact_case = letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase());
        // Demands are phrases: "Permanent ceasefire" is found mid-sentence too.
        let capitalised = !demand && text.chars().next().is_some_and(char::is_uppercase);
        let lowered = text.to_ascii_lowercase();
        if self.taken.is_some_and(|taken| taken.contains_key(&lowered)) {
            return;
        }
        let index = match self.all.get(&lowered) {
            Some(&index) => index,
            None => {
                let index = self.texts.len();
                self.texts.push(text.to_owned());
                self.all.insert(lowered.clone(), index);
                for view in &mut self.views {
                    view.patterns.push(None);
                }
                index
            }
        };
        for &in_view in in_views {
            let Some(view) = self.views.get_mut(in_view) else {
                continue;
            };
            match view.patterns.get_mut(index) {
                // The same words twice (a name and its lower-case alias): the laxer rule
                // wins, since the search reports only the first of equal patterns.
                Some(Some(existing)) if existing.target == target => {
                    existing.exact_case &= exact_case;
                    existing.capitalised &= capitalised;
                }
                Some(slot @ None) => {
                    *slot = Some(Pattern {
                        target,
                        exact_case,
                        capitalised,
                    });
                    view.texts.insert(lowered.clone(), index);
                }
                _ => {}
            }
        }
    }

    fn build(self) -> Search {
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .build(&self.texts)
            .ok();
        Search {
            automaton,
            views: self.views,
        }
    }
}

impl Search {
    /// The search for `lexicon`'s names, aliases, places and titles, in both views, and
    /// its descriptions, in the full view.
    fn of_lexicon(lexicon: &Lexicon) -> Self {
        const BOTH: &[usize] = &[FULL, PLAIN];
        let mut builder = SearchBuilder::new(lexicon, 2, None);
        for (index, entry) in lexicon.entries.iter().enumerate() {
            let names = std::iter::once(&entry.name).chain(&entry.aliases);
            match entry.kind {
                EntryKind::Title => {
                    for name in names {
                        builder.add(name, Target::Title, BOTH);
                    }
                }
                EntryKind::Place => {
                    // "the Qatari capital" and "Oman's capital" name the place as well as
                    // its name does.
                    for name in names.chain(&entry.descriptions) {
                        builder.add(name, Target::Place(index), BOTH);
                    }
                    let capital = entry
                        .descriptions
                        .iter()
                        .any(|description| description.ends_with(" capital"));
                    if let (Some(host), true) = (&entry.host, capital) {
                        builder.add(&format!("{host}'s capital"), Target::Place(index), BOTH);
                        builder.add(&format!("{host}’s capital"), Target::Place(index), BOTH);
                    }
                }
                EntryKind::Actor | EntryKind::Mediator | EntryKind::Demand => {
                    for name in names {
                        builder.add(name, Target::Entry(index, NAME_CONFIDENCE), BOTH);
                    }
                    let described = Target::Entry(index, DESCRIPTION_CONFIDENCE);
                    for description in &entry.descriptions {
                        builder.add(description, described, &[FULL]);
                        if let Some(rest) = description.strip_prefix("the ") {
                            builder.add(rest, described, &[FULL]);
                        }
                    }
                }
            }
        }
        builder.build()
    }

    /// The search, in one view, for the names and aliases of the registry's titled
    /// people that `lexicon_search`'s view `view` does not hold already.
    fn of_people(
        lexicon: &Lexicon,
        registry: &Registry,
        lexicon_search: &Search,
        view: usize,
    ) -> Self {
        let taken = lexicon_search.views.get(view).map(|view| &view.texts);
        let mut builder = SearchBuilder::new(lexicon, 1, taken);
        for (index, entity) in registry.entities.iter().enumerate() {
            if matches!(entity.origin, Origin::Titled | Origin::Defined) {
                builder.add(&entity.label, Target::Person(index), &[0]);
                for alias in &entity.aliases {
                    builder.add(alias, Target::Person(index), &[0]);
                }
            }
        }
        builder.build()
    }

    /// Every match of view `view` in `text` between bytes `from` and `to` that stands as
    /// whole words and fits its pattern's case, added to `hits`: `(start byte, end byte,
    /// target)`.
    fn hits(
        &self,
        text: &ArticleText,
        (from, to): (usize, usize),
        view: usize,
        hits: &mut Vec<(usize, usize, Target)>,
    ) {
        let (Some(automaton), Some(view)) = (&self.automaton, self.views.get(view)) else {
            return;
        };
        let source = text.as_str();
        let Some(range) = source.get(from..to) else {
            return;
        };
        // Every hit, overlapping, so that a longer pattern that fails the word rules
        // ("US President" in "US Presidential") does not hide a shorter one ("US").
        for hit in automaton.find_overlapping_iter(range) {
            let Some(Some(pattern)) = view.patterns.get(hit.pattern().as_usize()) else {
                continue;
            };
            let (start, end) = (from + hit.start(), from + hit.end());
            let matched = source.get(start..end).unwrap_or("");
            let before = source.get(..start).and_then(|s| s.chars().next_back());
            let after = source.get(end..).and_then(|s| s.chars().next());
            if before.is_some_and(char::is_alphanumeric) || after.is_some_and(char::is_alphanumeric)
            {
                continue;
            }
            if pattern.exact_case && matched.chars().any(char::is_lowercase) {
                continue;
            }
            if pattern.capitalised && !matched.chars().next().is_some_and(char::is_uppercase) {
                continue;
            }
            hits.push((start, end, pattern.target));
        }
    }
}

/// The leftmost longest of `hits` (byte offsets), as char offsets.
fn leftmost_longest(
    text: &ArticleText,
    mut hits: Vec<(usize, usize, Target)>,
) -> Vec<(usize, usize, Target)> {
    hits.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    let mut found = Vec::new();
    let mut taken_to = 0;
    for (start, end, target) in hits {
        if start >= taken_to {
            found.push((text.char_offset(start), text.char_offset(end), target));
            taken_to = end;
        }
    }
    found
}

/// The searches over a lexicon's own words: built once per ingest, shared by the
/// matchers of its passes (the automata over a lexicon are most of a matcher's cost).
pub struct LexiconSearch {
    /// Names, aliases and descriptions (view [`FULL`]); without descriptions ([`PLAIN`]).
    search: Search,
    /// The lexicon entries that are people.
    people: BTreeSet<usize>,
}

impl LexiconSearch {
    /// The searches for `lexicon`'s names, aliases, descriptions, places and titles.
    pub fn new(lexicon: &Lexicon) -> Self {
        Self {
            search: Search::of_lexicon(lexicon),
            people: lexicon
                .entries
                .iter()
                .enumerate()
                .filter(|(_, entry)| entry.subtype == Some(Subtype::Person))
                .map(|(index, _)| index)
                .collect(),
        }
    }
}

/// The multi-pattern search over a lexicon and the people found so far.
pub struct Matcher<'a> {
    lexicon: &'a LexiconSearch,
    /// The registry's people the full lexicon search lacks.
    full_people: Search,
    /// The registry's people the plain lexicon search lacks.
    plain_people: Search,
}

impl<'a> Matcher<'a> {
    /// A matcher for the lexicon `search` was built from (`lexicon`) and the names and
    /// surnames of the registry's titled people.
    pub fn new(search: &'a LexiconSearch, lexicon: &Lexicon, registry: &Registry) -> Self {
        Self {
            lexicon: search,
            full_people: Search::of_people(lexicon, registry, &search.search, FULL),
            plain_people: Search::of_people(lexicon, registry, &search.search, PLAIN),
        }
    }

    /// Every match between bytes `from` and `to` of the full search (names and
    /// descriptions) or of the plain one.
    fn search(
        &self,
        text: &ArticleText,
        from: usize,
        to: usize,
        full: bool,
    ) -> Vec<(usize, usize, Target)> {
        let (view, people) = if full {
            (FULL, &self.full_people)
        } else {
            (PLAIN, &self.plain_people)
        };
        let mut hits = Vec::new();
        self.lexicon.search.hits(text, (from, to), view, &mut hits);
        people.hits(text, (from, to), 0, &mut hits);
        leftmost_longest(text, hits)
    }

    /// Every match in `text` that stands as whole words and fits its pattern's case:
    /// `(start char, end char, target)`. A description followed by the name it describes
    /// ("Israeli Prime Minister Benjamin Netanyahu") is read as its own words: the
    /// party, the title and the name, so that the person's party is found.
    pub(super) fn matches(&self, text: &ArticleText) -> Vec<(usize, usize, Target)> {
        let found = self.search(text, 0, text.as_str().len(), true);
        let mut out = Vec::with_capacity(found.len());
        for (index, &(start, end, target)) in found.iter().enumerate() {
            // A person's description before someone's name is a title: "US President
            // Donald Trump" is not the president the lexicon describes.
            let before_a_name = |entry: usize| {
                self.lexicon.people.contains(&entry) && {
                    let after = text.after(end, 2);
                    let mut chars = after.chars();
                    chars.next() == Some(' ') && chars.next().is_some_and(char::is_uppercase)
                }
            };
            let described = match target {
                Target::Entry(entry, confidence)
                    if confidence < NAME_CONFIDENCE && before_a_name(entry) =>
                {
                    true
                }
                Target::Entry(entry, confidence) if confidence < NAME_CONFIDENCE => found
                    .get(index + 1)
                    .filter(|&&(next_start, _, next)| {
                        // Only capitalised words between: the rest of the name ("Egyptian
                        // President Abdel Fattah el-Sisi").
                        let between = text.slice(end, next_start).unwrap_or("x");
                        next == Target::Entry(entry, NAME_CONFIDENCE)
                            && between.starts_with(' ')
                            && between.split_whitespace().count() <= 3
                            && between
                                .split_whitespace()
                                .all(|word| word.chars().next().is_some_and(char::is_uppercase))
                    })
                    .is_some(),
                _ => false,
            };
            if described {
                let (from, to) = (text.byte_offset(start), text.byte_offset(end));
                out.extend(self.search(text, from, to, false));
            } else {
                out.push((start, end, target));
            }
        }
        out
    }
}
