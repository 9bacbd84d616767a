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

/// One multi-pattern search: the automaton and what each of its patterns stands for.
#[derive(Debug, Clone, Default)]
struct Search {
    automaton: Option<AhoCorasick>,
    patterns: Vec<Pattern>,
}

impl Search {
    /// The search for `lexicon`'s names, aliases, places and titles, its descriptions
    /// where `with_descriptions`, and the names of the registry's titled people.
    fn new(lexicon: &Lexicon, registry: &Registry, with_descriptions: bool) -> Self {
        let mut texts: Vec<String> = Vec::new();
        let mut patterns: Vec<Pattern> = Vec::new();
        let mut seen: HashMap<String, usize> = HashMap::new();
        let mut add = |text: &str, target: Target| {
            let text = text.trim();
            if text.is_empty() {
                return;
            }
            let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
            let demand = matches!(target, Target::Entry(entry, _) if lexicon.entries.get(entry).is_some_and(|e| e.kind == EntryKind::Demand));
            let exact_case = letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase());
            // Demands are phrases: "Permanent ceasefire" is found mid-sentence too.
            let capitalised = !demand && text.chars().next().is_some_and(char::is_uppercase);
            // The same words twice (a name and its lower-case alias): the laxer rule wins,
            // since the search reports only the first of equal patterns.
            if let Some(&index) = seen.get(&text.to_ascii_lowercase()) {
                if let Some(existing) = patterns.get_mut(index)
                    && existing.target == target
                {
                    existing.exact_case &= exact_case;
                    existing.capitalised &= capitalised;
                }
                return;
            }
            seen.insert(text.to_ascii_lowercase(), texts.len());
            texts.push(text.to_owned());
            patterns.push(Pattern {
                target,
                exact_case,
                capitalised,
            });
        };
        for (index, entry) in lexicon.entries.iter().enumerate() {
            let names = std::iter::once(&entry.name).chain(&entry.aliases);
            match entry.kind {
                EntryKind::Title => {
                    for name in names {
                        add(name, Target::Title);
                    }
                }
                EntryKind::Place => {
                    // "the Qatari capital" and "Oman's capital" name the place as well as
                    // its name does.
                    for name in names.chain(&entry.descriptions) {
                        add(name, Target::Place(index));
                    }
                    let capital = entry
                        .descriptions
                        .iter()
                        .any(|description| description.ends_with(" capital"));
                    if let (Some(host), true) = (&entry.host, capital) {
                        add(&format!("{host}'s capital"), Target::Place(index));
                        add(&format!("{host}’s capital"), Target::Place(index));
                    }
                }
                EntryKind::Actor | EntryKind::Mediator | EntryKind::Demand => {
                    for name in names {
                        add(name, Target::Entry(index, NAME_CONFIDENCE));
                    }
                    if !with_descriptions {
                        continue;
                    }
                    for description in &entry.descriptions {
                        add(description, Target::Entry(index, DESCRIPTION_CONFIDENCE));
                        if let Some(rest) = description.strip_prefix("the ") {
                            add(rest, Target::Entry(index, DESCRIPTION_CONFIDENCE));
                        }
                    }
                }
            }
        }
        for (index, entity) in registry.entities.iter().enumerate() {
            if matches!(entity.origin, Origin::Titled | Origin::Defined) {
                add(&entity.label, Target::Person(index));
                for alias in &entity.aliases {
                    add(alias, Target::Person(index));
                }
            }
        }
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .build(&texts)
            .ok();
        Self {
            automaton,
            patterns,
        }
    }

    /// Every match in `text` between bytes `from` and `to` that stands as whole words and
    /// fits its pattern's case: `(start char, end char, target)`.
    fn matches(&self, text: &ArticleText, from: usize, to: usize) -> Vec<(usize, usize, Target)> {
        let Some(automaton) = &self.automaton else {
            return Vec::new();
        };
        let source = text.as_str();
        let Some(range) = source.get(from..to) else {
            return Vec::new();
        };
        // Every hit, overlapping, so that a longer pattern that fails the word rules
        // ("US President" in "US Presidential") does not hide a shorter one ("US"); then
        // the leftmost longest of those that pass.
        let mut hits: Vec<(usize, usize, Target)> = Vec::new();
        for hit in automaton.find_overlapping_iter(range) {
            let Some(pattern) = self.patterns.get(hit.pattern().as_usize()) else {
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
}

/// The multi-pattern search over a lexicon (and the people found so far).
pub struct Matcher {
    /// Names, aliases and descriptions.
    full: Search,
    /// The same without descriptions: what a description's own words name.
    plain: Search,
    /// The lexicon entries that are people.
    people: BTreeSet<usize>,
}

impl Matcher {
    /// A matcher for `lexicon`'s names, aliases, descriptions, places and titles, and the
    /// names and surnames of the registry's titled people.
    pub fn new(lexicon: &Lexicon, registry: &Registry) -> Self {
        Self {
            full: Search::new(lexicon, registry, true),
            plain: Search::new(lexicon, registry, false),
            people: lexicon
                .entries
                .iter()
                .enumerate()
                .filter(|(_, entry)| entry.subtype == Some(Subtype::Person))
                .map(|(index, _)| index)
                .collect(),
        }
    }

    /// Every match in `text` that stands as whole words and fits its pattern's case:
    /// `(start char, end char, target)`. A description followed by the name it describes
    /// ("Israeli Prime Minister Benjamin Netanyahu") is read as its own words: the
    /// party, the title and the name, so that the person's party is found.
    pub(super) fn matches(&self, text: &ArticleText) -> Vec<(usize, usize, Target)> {
        let found = self.full.matches(text, 0, text.as_str().len());
        let mut out = Vec::with_capacity(found.len());
        for (index, &(start, end, target)) in found.iter().enumerate() {
            // A person's description before someone's name is a title: "US President
            // Donald Trump" is not the president the lexicon describes.
            let before_a_name = |entry: usize| {
                self.people.contains(&entry) && {
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
                out.extend(self.plain.matches(text, from, to));
            } else {
                out.push((start, end, target));
            }
        }
        out
    }
}
