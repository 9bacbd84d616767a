//! Places of talks the lexicon lacks: a capitalised name after "in" or "at" just after
//! talks, or a few words after them where the name ends as a place's does ("in Naqoura
//! on the border"), each added to the ingest's lexicon with the state that hosts it.

use super::super::cues;
use super::super::lexicon::Lexicon;
use crate::model::ArticleText;

/// Words after which "in X" or "at X" names where talks are: "negotiations in Almaty",
/// "met in Davao City".
const TALKS_AT: &[&str] = &[
    "talks",
    "negotiations",
    "negotiation",
    "meeting",
    "meetings",
    "summit",
    "round",
    "discussions",
    "dialogue",
    "consultations",
    "met",
    "meet",
    "meets",
    "convened",
    "convene",
    "ceremony",
    "conference",
];

/// Words that may follow a place's name: "in Naqoura on the border", "at Naqura, …".
const PLACE_FOLLOWERS: &[&str] = &[
    "on", "to", "and", "for", "with", "where", "after", "before", "last", "this", "next", "near",
    "between", "earlier", "in", "at", "from", "during", "under", "as", "amid",
];

/// Whether the text `after` a place's name ends the name: punctuation, the end, or a
/// word from [`PLACE_FOLLOWERS`] or of a date.
pub(super) fn ends_cleanly(after: &str) -> bool {
    let Some(next) = after.split_whitespace().next() else {
        return true;
    };
    if !after.starts_with(' ') {
        return after.starts_with([',', '.', ';', ':', '(', ')', '!', '?']);
    }
    // "in the United Arab Emirates (UAE) on Thursday": past its abbreviation.
    if next.starts_with('(') {
        return true;
    }
    let word = next
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    PLACE_FOLLOWERS.contains(&word.as_str()) || super::super::dates::is_date_word(&word)
}

/// Words of a venue's name: a building, not a place of its own.
const VENUE_WORDS: &[&str] = &[
    "Hotel",
    "Palace",
    "Palais",
    "Hall",
    "Centre",
    "Center",
    "House",
    "Building",
    "Resort",
    "Residence",
    "Lodge",
    "Villa",
    "Complex",
    "Headquarters",
];

/// Capitalised words after "in" that name no place: "talks in Arabic", "in Congress".
const NOT_PLACES: &[&str] = &[
    "arabic",
    "english",
    "hebrew",
    "persian",
    "farsi",
    "french",
    "spanish",
    "russian",
    "swahili",
    "amharic",
    "turkish",
    "portuguese",
    "chinese",
    "urdu",
    "pashto",
    "dari",
    "ukrainian",
    "congress",
    "parliament",
    "private",
    "public",
    "person",
    "principle",
    "response",
    "return",
    "total",
    "part",
    "order",
    "time",
];

/// Nouns that describe a place before its name: "the Lebanese town of Naqoura".
const PLACE_NOUNS: &[&str] = &[
    "town",
    "city",
    "village",
    "resort",
    "port",
    "island",
    "capital",
    "region",
    "province",
    // "the Tanzanian island archipelago of Zanzibar".
    "archipelago",
    "islands",
    "district",
];

/// Whether the text right `after` a demonym describes a place by it: "(the Lebanese)
/// town of Naqoura", "(the Tanzanian) island archipelago of Zanzibar", "(the Kenyan)
/// capital, Nairobi".
pub(crate) fn describes_a_place(after: &str) -> bool {
    // Most mentions are followed by a verb or punctuation: no words to gather.
    if !after.starts_with(' ') {
        return false;
    }
    let mut words = [""; 4];
    for (slot, word) in words.iter_mut().zip(after.split_whitespace()) {
        *slot = word.trim_matches(|c: char| !c.is_alphanumeric());
    }
    let noun = |word: &str| {
        PLACE_NOUNS
            .iter()
            .any(|noun| word.eq_ignore_ascii_case(noun))
    };
    if words[0].eq_ignore_ascii_case("capital") {
        return true;
    }
    (1..=3).any(|of| {
        words.get(of).is_some_and(|word| *word == "of")
            && words.get(of - 1).is_some_and(|word| noun(word))
            && words.iter().take(of).all(|word| *word != "and")
    })
}

/// Where "the Lebanese town of" ends (the index of its "of"), if the words from `first`
/// describe a place before naming it.
fn described_place(words: &[&str], first: usize) -> Option<usize> {
    if words.get(first)?.to_lowercase() != "the" {
        return None;
    }
    // Up to four words between: "the North Macedonian lakeside resort of Ohrid".
    (first + 2..=first + 5).find(|&of| {
        words.get(of).is_some_and(|word| *word == "of")
            && words
                .get(of - 1)
                .is_some_and(|noun| PLACE_NOUNS.contains(&noun.to_lowercase().as_str()))
    })
}

/// Where the words from `first` name a known state in the possessive ("North
/// Macedonia’s"): the index of the word after it, and the state's name.
fn possessive_state(lexicon: &Lexicon, words: &[&str], first: usize) -> Option<(usize, String)> {
    (first..first + 3).find_map(|last| {
        let word = words.get(last)?;
        let base = word
            .strip_suffix("’s")
            .or_else(|| word.strip_suffix("'s"))?;
        let name = words
            .get(first..last)?
            .iter()
            .copied()
            .chain([base])
            .collect::<Vec<_>>()
            .join(" ");
        let entry = lexicon.entries.get(lexicon.find(&name)?)?;
        (entry.subtype == Some(crate::model::Subtype::State))
            .then(|| (last + 1, entry.name.clone()))
    })
}

/// The capitalised name of one to three words from `first` (its last word with any
/// punctuation that ends it), and the word after it.
fn capitalised_name<'a>(words: &[&'a str], first: usize) -> (String, Option<&'a str>) {
    let mut name: Vec<&str> = Vec::new();
    let mut next = first;
    for word in words.iter().skip(first).take(3) {
        let bare = word.trim_end_matches(|c: char| !c.is_alphanumeric());
        // "Crans-Montana", "Sharm el-Sheikh": each part after a hyphen may be capitalised.
        let capitalised = bare.chars().next().is_some_and(char::is_uppercase)
            && bare.split('-').all(|part| {
                part.chars().skip(1).all(char::is_lowercase)
                    && part.chars().next().is_some_and(char::is_alphabetic)
            });
        if !capitalised || bare.chars().count() < 3 {
            break;
        }
        name.push(word);
        next += 1;
        // A word ending in punctuation ends the name.
        if bare.len() != word.len() {
            break;
        }
    }
    (name.join(" "), words.get(next).copied())
}

/// `lexicon` with the places the articles hold talks at that it lacks: a capitalised
/// name of one to three words right after "talks in", "met at" and the like ("talks in
/// Almaty"), or after "in the Lebanese town of" a few words after talks or a signing,
/// which is neither an entry's name nor holds one, nor a date. Such a place lies in the
/// state named after its comma ("in Crans-Montana, Switzerland"), or in no known country.
pub fn with_places_of_talks(lexicon: &Lexicon, texts: &[ArticleText]) -> Lexicon {
    let mut extended = lexicon.clone();
    // Each new place, with the state that hosts it where the text says.
    let mut found: std::collections::BTreeMap<String, Option<String>> = Default::default();
    for text in texts {
        // "last year—met with …": a dash without spaces parts words too.
        let words: Vec<&str> = text
            .as_str()
            .split(|c: char| c.is_whitespace() || matches!(c, '—' | '–'))
            .filter(|word| !word.is_empty())
            .collect();
        let bare = |word: &str| {
            word.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        };
        // Each word lower-cased once: the look-back below reads each many times.
        let lowered: Vec<String> = words.iter().map(|word| bare(word)).collect();
        for (at, preposition) in words.iter().enumerate() {
            if !matches!(*preposition, "in" | "at") {
                continue;
            }
            let right_after_talks = at
                .checked_sub(1)
                .and_then(|before| lowered.get(before))
                .is_some_and(|talk| TALKS_AT.contains(&talk.as_str()));
            // "a joint ceremony at the UN base in Naqoura", "signed … at Naqura": talks
            // a few words before, in the same sentence.
            // "talks by Serbian President Aleksandar Vučić, Kosovo Prime Minister Albin
            // Kurti and EU officials in Ohrid": the talks' parties may stand between.
            let talks_nearby = (1..=16)
                .map_while(|back| {
                    let before = at.checked_sub(back)?;
                    Some((words.get(before)?, lowered.get(before)?))
                })
                // A sentence ends at its stop, inside a closing quote too ("… for
                // peace negotiations.\"").
                .take_while(|(word, _)| {
                    !word
                        .trim_end_matches(['"', '”', '’', '\'', ')'])
                        .ends_with(['.', '!', '?'])
                })
                .any(|(_, word)| {
                    TALKS_AT.contains(&word.as_str())
                        || cues::SIGNING.contains(&word.as_str())
                        || word == "signing"
                });
            if !(right_after_talks || talks_nearby) {
                continue;
            }
            let mut first = at + 1;
            // "in the Lebanese town of Naqoura".
            if let Some(of) = described_place(&words, first) {
                first = of + 1;
            }
            // "in North Macedonia’s Ohrid": past a known state's possessive, which hosts it.
            let owner = possessive_state(lexicon, &words, first);
            if let Some((past, _)) = owner {
                first = past;
            }
            let (name, next) = capitalised_name(&words, first);
            let date = name
                .split(' ')
                .any(|word| super::super::dates::is_date_word(&bare(word)));
            let not_a_place = NOT_PLACES.contains(
                &name
                    .trim_end_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
                    .as_str(),
            );
            if name.is_empty() || date || not_a_place || lexicon.find(&name).is_some() {
                continue;
            }
            // Farther from the talks, a name must end where a place's does: at
            // punctuation, or before "on", "to", "and" or a date ("in Naqoura on the
            // border"), not before a noun ("in Christian areas").
            let ends_cleanly = name.ends_with(|c: char| !c.is_alphanumeric())
                || next.is_none_or(|next| {
                    let next = bare(next);
                    PLACE_FOLLOWERS.contains(&next.as_str())
                        || super::super::dates::is_date_word(&next)
                });
            let raw_name_ends_with_comma = name.ends_with(',');
            let name = name
                .trim_end_matches(|c: char| !c.is_alphanumeric())
                .to_owned();
            if !right_after_talks && !ends_cleanly {
                continue;
            }
            // A venue ("Glee Hotel", "Palais des Nations") is in a city the article names
            // for the talks: the city is their place.
            let venue = name.split(' ').any(|word| VENUE_WORDS.contains(&word));
            if venue {
                continue;
            }
            // A name the lexicon holds inside it ("Cairo Declaration") is not new either.
            let known_inside = name.split(' ').any(|word| lexicon.find(word).is_some());
            if !known_inside && !name.is_empty() {
                // "in Crans-Montana, Switzerland": the state after the comma hosts it.
                let host = next
                    .map(|next| next.trim_end_matches(|c: char| !c.is_alphanumeric()))
                    .filter(|_| raw_name_ends_with_comma)
                    .and_then(|next| lexicon.find(next))
                    .and_then(|entry| lexicon.entries.get(entry))
                    .filter(|entry| entry.subtype == Some(crate::model::Subtype::State))
                    .map(|entry| entry.name.clone());
                let host = host.or_else(|| owner.map(|(_, state)| state));
                let slot = found.entry(name).or_insert(None);
                if slot.is_none() {
                    *slot = host;
                }
            }
        }
    }
    for (name, host) in found {
        extended.entries.push(super::super::lexicon::Entry {
            kind: super::super::lexicon::EntryKind::Place,
            name,
            aliases: Vec::new(),
            subtype: None,
            host,
            descriptions: Vec::new(),
        });
    }
    extended
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The places `with_places_of_talks` adds to `lexicon` from `text`.
    fn places_added(lexicon: &Lexicon, text: &str) -> Vec<String> {
        let extended = with_places_of_talks(lexicon, &[ArticleText::new(text.to_owned())]);
        extended
            .entries
            .iter()
            .skip(lexicon.entries.len())
            .map(|entry| entry.name.clone())
            .collect()
    }

    #[test]
    fn places_of_talks_the_lexicon_lacks_are_found() {
        let lexicon = Lexicon::parse("l", "actor | Hamas | | organisation |\nactor | Egypt | | state |\nplace | Cairo | | Egypt |\n").unwrap();
        let added = places_added(
            &lexicon,
            "Talks in Almaty began. They met at Davao City. Talks in Cairo, talks in Hamas and talks in May went on. Talks, paused in March, resumed. In Geneva, nothing. \
             Talks resume at Glee Hotel. The talks, dubbed hope in Swahili, ended. \
             They met in the Swiss Alpine resort of Crans-Montana, Switzerland.",
        );
        assert_eq!(
            added,
            ["Almaty", "Crans-Montana", "Davao City"],
            "a venue is in a city, a language is no place, a hyphen may join capitals"
        );
        let lexicon = Lexicon::parse(
            "l",
            "actor | Switzerland | Swiss | state |
",
        )
        .unwrap();
        let extended = with_places_of_talks(
            &lexicon,
            &[ArticleText::new(
                "They met in Crans-Montana, Switzerland. Talks in Almaty, Monday, ended.",
            )],
        );
        let hosts: Vec<(&str, Option<&str>)> = extended
            .entries
            .iter()
            .skip(1)
            .map(|entry| (entry.name.as_str(), entry.host.as_deref()))
            .collect();
        assert_eq!(
            hosts,
            [("Almaty", None), ("Crans-Montana", Some("Switzerland"))],
            "the state after a new place's comma hosts it"
        );
    }

    #[test]
    fn places_a_few_words_after_talks_or_a_signing_are_found_where_a_name_ends() {
        let lexicon = Lexicon::parse("l", "actor | Israel | | state |\n").unwrap();
        let added = places_added(
            &lexicon,
            "Israel finalized the agreement in a joint ceremony at the UN base in Naqoura on the border. \
             The deal was signed during a ceremony in the Lebanese town of Ras Naqoura. \
             The talks also touched on aid in Christian areas. \
             Israel signed the deal, which was printed in Arabic. \
             Aid reached Rafah in Gaza.",
        );
        // Not "Christian" (a noun follows), not "Arabic", not "Gaza" (no talks near it).
        assert_eq!(added, ["Naqoura", "Ras Naqoura"]);
    }
}
