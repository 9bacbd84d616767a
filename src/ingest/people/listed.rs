//! People named in a list after a plural title and a list of as many parties: "Foreign
//! Ministers of Russia, Azerbaijan and Armenia Sergei Lavrov, Jeyhun Bayramov and Zohrab
//! Mnatsakanyan"; and after one party's plural title: "US envoys Steve Witkoff and Jared
//! Kushner".

use super::super::lexicon::Lexicon;
use super::super::matcher::Target;
use super::super::mentions::{Registry, entry_entity, sentence_of};
use super::super::relations::TITLE_MEMBERSHIP_CONFIDENCE;
use super::{NameAfter, name_after};
use crate::model::{ArticleText, NodeKind};

/// Plural titles before "of" and a list of parties: "Foreign Ministers of Russia,
/// Azerbaijan and Armenia Sergei Lavrov, Jeyhun Bayramov and Zohrab Mnatsakanyan".
const PLURAL_TITLES: [&str; 10] = [
    "Foreign Ministers",
    "foreign ministers",
    "Ministers of Foreign Affairs",
    "ministers of foreign affairs",
    "Defence Ministers",
    "Defense Ministers",
    "Prime Ministers",
    "Presidents",
    "presidents",
    "leaders",
];

/// An article as the people rules read it: its index, text, sentences and matches.
pub(super) struct ArticleMatches<'a> {
    /// The article's index.
    pub article: usize,
    /// Its text.
    pub text: &'a ArticleText,
    /// Its sentences, as char spans.
    pub sentences: &'a [(usize, usize)],
    /// The matcher's matches in it.
    pub matches: &'a [(usize, usize, Target)],
}

impl ArticleMatches<'_> {
    /// Adds the person `name` names to `registry`, of `party` where given, unless a
    /// match of the lexicon's covers the name.
    fn add_person(
        &self,
        name: &NameAfter,
        party: Option<usize>,
        lexicon: &Lexicon,
        registry: &mut Registry,
    ) {
        let covered = self
            .matches
            .iter()
            .any(|&(s, e, _)| s < name.end && e > name.start);
        let (Some(label), false) = (self.text.slice(name.start, name.end), covered) else {
            return;
        };
        let person = registry.person(
            label,
            NodeKind::Actor,
            super::surname_aliases(label, lexicon),
        );
        let span = sentence_of(self.sentences, name.start).and_then(|at| self.sentences.get(at));
        if let (Some(&span), Some(entity), Some(party)) =
            (span, registry.entities.get_mut(person), party)
            && party != person
        {
            entity.affiliate(party, self.article, span, TITLE_MEMBERSHIP_CONFIDENCE);
        }
    }
}

/// The separator between two items of a list: ", ", " and ", ", and ". Its length in
/// chars, if `between` is one.
fn list_separator(between: &str) -> Option<usize> {
    matches!(between, ", " | " and " | ", and ").then(|| between.chars().count())
}

/// People named in a list after a plural title and
/// a list of as many parties ("Foreign Ministers of Russia, Azerbaijan and Armenia
/// Sergei Lavrov, Jeyhun Bayramov and Zohrab Mnatsakanyan"), each of the party in the
/// same place in its list. Lists of different lengths are left alone.
pub(super) fn discover_listed_people(
    found: &ArticleMatches<'_>,
    lexicon: &Lexicon,
    registry: &mut Registry,
) {
    let (text, matches) = (found.text, found.matches);
    let mut index = 0;
    while let Some(&(start, _, _)) = matches.get(index) {
        let before = text.before(start, 40);
        let title_end = before
            .strip_suffix(" of the ")
            .or_else(|| before.strip_suffix(" of "));
        let plural_title = title_end.and_then(|head| {
            PLURAL_TITLES
                .iter()
                .find(|title| head.ends_with(**title))
                .map(|title| &head[..head.len() - title.len()])
        });
        let after_plural_title = plural_title.is_some();
        // "the former presidents of Nigeria and Kenya": people, of no party now.
        let former = plural_title.is_some_and(|before| {
            let before = before.to_lowercase();
            before.ends_with("former ") || before.ends_with("ex-")
        });
        if !after_plural_title {
            index += 1;
            continue;
        }
        // The parties, joined by commas and "and".
        let mut parties: Vec<usize> = Vec::new();
        let mut last_end = start;
        let mut at = index;
        while let Some(&(party_start, party_end, Target::Entry(entry, _))) = matches.get(at) {
            if at > index
                && text
                    .slice(last_end, party_start)
                    .and_then(list_separator)
                    .is_none()
            {
                break;
            }
            parties.push(entry);
            last_end = party_end;
            at += 1;
        }
        index = at.max(index + 1);
        if parties.len() < 2 {
            continue;
        }
        // As many names after them.
        let mut names: Vec<NameAfter> = Vec::new();
        let mut from = last_end;
        while names.len() < parties.len() {
            let Some(found) = name_after(text, from) else {
                break;
            };
            from = found.end;
            names.push(found);
            let rest = text.after(from, 6);
            if let Some(separator) = [", and ", " and ", ", "]
                .iter()
                .find(|separator| rest.starts_with(**separator))
            {
                // Leave the space before the next name for `name_after`.
                from += separator.chars().count() - 1;
            } else {
                break;
            }
        }
        if names.len() != parties.len() {
            continue;
        }
        for (name, entry) in names.iter().zip(&parties) {
            let Some(party) = entry_entity(registry, lexicon, *entry) else {
                continue;
            };
            found.add_person(name, (!former).then_some(party), lexicon, registry);
        }
    }
}

/// Plural titles right after one party, before the names of its people: "US envoys
/// Steve Witkoff and Jared Kushner".
const PLURAL_TITLES_OF_ONE: [&str; 6] = [
    "envoys",
    "negotiators",
    "officials",
    "ministers",
    "diplomats",
    "leaders",
];

/// People named in a list after one party's plural title ("US envoys Steve Witkoff and
/// Jared Kushner"): two or more names, the last after "and", each of that party.
pub(super) fn discover_people_of_one_party(
    found: &ArticleMatches<'_>,
    lexicon: &Lexicon,
    registry: &mut Registry,
) {
    let (text, matches) = (found.text, found.matches);
    for &(_, party_end, target) in matches {
        let Target::Entry(entry, _) = target else {
            continue;
        };
        let after = text.after(party_end, 16);
        let Some(title) = PLURAL_TITLES_OF_ONE.iter().find(|title| {
            after
                .strip_prefix(' ')
                .and_then(|rest| rest.strip_prefix(**title))
                .is_some_and(|rest| rest.starts_with(' '))
        }) else {
            continue;
        };
        let mut from = party_end + 1 + title.chars().count();
        let mut names: Vec<NameAfter> = Vec::new();
        let mut closed = false;
        while let Some(found) = name_after(text, from) {
            from = found.end;
            names.push(found);
            let rest = text.after(from, 6);
            if closed {
                break;
            }
            let Some(separator) = [", and ", " and ", ", "]
                .iter()
                .find(|separator| rest.starts_with(**separator))
            else {
                break;
            };
            closed = separator.ends_with("and ");
            from += separator.chars().count() - 1;
        }
        if names.len() < 2 || !closed {
            continue;
        }
        let Some(party) = entry_entity(registry, lexicon, entry) else {
            continue;
        };
        for name in &names {
            found.add_person(name, Some(party), lexicon, registry);
        }
    }
}
