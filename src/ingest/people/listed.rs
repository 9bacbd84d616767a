//! People named in a list after a plural title and a list of as many parties: "Foreign
//! Ministers of Russia, Azerbaijan and Armenia Sergei Lavrov, Jeyhun Bayramov and Zohrab
//! Mnatsakanyan".

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
    article: usize,
    text: &ArticleText,
    sentences: &[(usize, usize)],
    matches: &[(usize, usize, Target)],
    lexicon: &Lexicon,
    registry: &mut Registry,
) {
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
            let covered = matches
                .iter()
                .any(|&(s, e, _)| s < name.end && e > name.start);
            let (Some(label), false) = (text.slice(name.start, name.end), covered) else {
                continue;
            };
            let Some(party) = entry_entity(registry, lexicon, *entry) else {
                continue;
            };
            let person = registry.person(
                label,
                NodeKind::Actor,
                super::surname_aliases(label, lexicon),
            );
            let span = sentence_of(sentences, name.start).and_then(|at| sentences.get(at));
            if let (Some(&span), Some(entity)) = (span, registry.entities.get_mut(person))
                && party != person
                && !former
            {
                entity.affiliate(party, article, span, TITLE_MEMBERSHIP_CONFIDENCE);
            }
        }
    }
}
