//! Organisations an article names once, in front of a title or after one: "Russian Direct
//! Investment Fund chief Kirill Dmitriev", "Tammy Bruce, State Department spokeswoman,
//! said", "head of the Houthi Revolutionary Committee". The title says the name is a body
//! that has officers; once found, the title's rules make the person its member.

use super::super::lexicon::Lexicon;
use super::super::mentions::Registry;
use super::super::relations::TITLE_WORDS;
use super::{ORGANISATION_HEADS, add_organisation, names_no_party};

/// Last words of a body's name that only a title shows to be one: "Fund", "Department".
const BODY_HEADS: &[&str] = &[
    "Fund",
    "Department",
    "Commission",
    "Office",
    "Service",
    "Bank",
    "Authority",
    "Bureau",
];

/// Lower-case words that may stand inside a body's name.
const CONNECTORS: &[&str] = &["and", "of", "for"];

/// Titles after a body's name besides the words of `TITLE_WORDS`.
const MORE_TITLES: &[&str] = &["spokeswoman", "spokesperson", "aide", "head"];

/// Whether `word` (bare) is a word of a title.
fn is_title_word(word: &str) -> bool {
    let lower = word.to_lowercase();
    lower != "of"
        && (TITLE_WORDS.contains(&lower.as_str()) || MORE_TITLES.contains(&lower.as_str()))
}

/// Whether `word` starts with a capital and is all letters (hyphens allowed).
fn capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
        && word
            .chars()
            .all(|c| c.is_alphabetic() || c == '-' || c == '.')
}

/// Adds to `registry` each body `text` names right before a title and either a person's
/// name ("Fund chief Kirill Dmitriev") or, in an apposition, the comma that closes it
/// ("Tammy Bruce, State Department spokeswoman, said"), unless the lexicon knows it.
pub fn discover_titled_organisations(text: &str, lexicon: &Lexicon, registry: &mut Registry) {
    let words: Vec<&str> = text.split([' ', '\n']).collect();
    for (head, raw) in words.iter().enumerate() {
        // A name after a title may end its clause: "head of the … Committee, said".
        let word = &raw.trim_end_matches([',', '.', ';']);
        let is_head = ORGANISATION_HEADS.contains(word) || BODY_HEADS.contains(word);
        if !is_head {
            continue;
        }
        // One to three title words, then a name or an apposition's closing comma.
        let mut after = head + 1;
        let mut closes_apposition = false;
        while after < head + 4 {
            let Some(title) = words.get(after) else {
                break;
            };
            let bare = title.trim_end_matches(',');
            if !is_title_word(bare) {
                break;
            }
            after += 1;
            if bare.len() != title.len() {
                closes_apposition = true;
                break;
            }
        }
        // Titles after the name count only where nothing parts them from it.
        let titled = after > head + 1 && raw.len() == word.len();
        let named_after = titled
            && words
                .get(after)
                .zip(words.get(after + 1))
                .is_some_and(|(first, second)| {
                    capitalised(first) && second.starts_with(char::is_uppercase)
                });
        // Back over the capitalised words and connectors of the name.
        let mut start = head;
        while start > 0 && head - start < 7 {
            let Some(previous) = words.get(start - 1) else {
                break;
            };
            // "French President Emmanuel Macron and European Council President": a
            // person's title before the name; the body starts after their "and".
            // Only a name between the title and "and": "National Security and Defense
            // Council" is the body's own.
            let name_end = (start..head)
                .find(|&at| {
                    words
                        .get(at)
                        .is_none_or(|word| !capitalised(word) || is_title_word(word))
                })
                .unwrap_or(head);
            let and_after_a_name =
                (name_end > start && words.get(name_end) == Some(&"and")).then_some(name_end);
            if capitalised(previous)
                && is_title_word(previous)
                && let Some(and) = and_after_a_name
            {
                start = and + 1;
                break;
            }
            let joins = CONNECTORS.contains(previous)
                && start >= 2
                && words.get(start - 2).is_some_and(|w| capitalised(w));
            if !(capitalised(previous) || joins) || matches!(*previous, "The" | "A" | "An") {
                break;
            }
            start -= 1;
        }
        let opens_apposition = start
            .checked_sub(1)
            .and_then(|at| words.get(at))
            .is_some_and(|before| before.ends_with(','));
        // "Mohammed Ali al-Houthi, head of the Houthi Revolutionary Committee": a body's
        // name right after a title and "of the".
        let after_title_of = start >= 3
            && words.get(start - 1) == Some(&"the")
            && words.get(start - 2) == Some(&"of")
            && words
                .get(start - 3)
                .is_some_and(|title| is_title_word(title))
            && ORGANISATION_HEADS.contains(word);
        if !(named_after || titled && closes_apposition && opens_apposition || after_title_of)
            || head == start
        {
            continue;
        }
        let name = words
            .get(start..head)
            .map(|name| format!("{} {word}", name.join(" ")))
            .unwrap_or_default();
        if lexicon.find(&name).is_some()
            || names_no_party(&name)
            || name
                .split(' ')
                .all(|word| lexicon.find(word).is_some() || CONNECTORS.contains(&word))
        {
            continue;
        }
        add_organisation(registry, name, Default::default());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_body_named_before_a_title_and_a_name_or_in_an_apposition_is_an_organisation() {
        let mut registry = Registry::default();
        discover_titled_organisations(
            "Russia sent Putin's aide and Russian Direct Investment Fund chief Kirill Dmitriev. \
             Tammy Bruce, State Department spokeswoman, said so. Input came from Ukrainian \
             National Security and Defense Council Secretary Rustem Umerov. The Peace Fund \
             grew. A Development Bank official said so. Voters backed the Security Council. \
             French President Emmanuel Macron and European Council President Antonio Costa \
             called.",
            &Lexicon::default(),
            &mut registry,
        );
        let labels: Vec<&str> = registry.entities.iter().map(|e| e.label.as_str()).collect();
        assert_eq!(
            labels,
            [
                "Russian Direct Investment Fund",
                "State Department",
                "Ukrainian National Security and Defense Council",
                "European Council",
            ],
            "no title after it, or a title and no name: none"
        );
    }
}
