//! Places in what a sentence says: a capital that acts stands for its state ("Kyiv
//! warned"), and a state after "in" is a place ("the talks in Egypt").

use super::cues;
use super::lexicon::Lexicon;
use super::mentions::{Mention, Origin, PlaceMention, Registry};
use crate::model::ArticleText;

/// "Kyiv warned", "Moscow has not accepted": a capital that acts is its state. A place
/// just before a verb (a relation word, a speech verb, an auxiliary) becomes a mention of
/// the state that hosts it.
pub fn capitals_as_states(
    text: &ArticleText,
    mut mentions: Vec<Mention>,
    places: Vec<PlaceMention>,
    registry: &mut Registry,
    lexicon: &Lexicon,
) -> (Vec<Mention>, Vec<PlaceMention>) {
    const VERBS: &[&str] = &[
        "has",
        "have",
        "had",
        "is",
        "was",
        "will",
        "would",
        "did",
        "does",
        "also",
        "said",
        "says",
        "say",
        "insisted",
        "denied",
        "agreed",
        "wants",
        "wanted",
        "warned",
        "called",
        "urged",
        "accused",
        "blamed",
        "announced",
        "announces",
    ];
    let mut kept = Vec::with_capacity(places.len());
    for place in places {
        let next: String = text
            .after(place.end, 16)
            .trim_start()
            .chars()
            .take_while(|c| c.is_alphabetic())
            .collect::<String>()
            .to_lowercase();
        let previous = text
            .before(place.start, 12)
            .split_whitespace()
            .next_back()
            .unwrap_or("")
            .to_lowercase();
        let located = matches!(
            previous.as_str(),
            "in" | "at"
                | "to"
                | "from"
                | "near"
                | "into"
                | "of"
                | "outside"
                | "via"
                | "across"
                | "through"
                | "around"
                | "for"
                | "on"
                | "between"
                | "toward"
                | "towards"
        );
        // "between Riyadh and Sanaa": the capitals stand for their sides.
        let between = previous == "between"
            || (previous == "and" && text.before(place.start, 40).contains("between "));
        // "Teheran and Riyadh announced": the first of two capitals acts with the second.
        let verb_after_pair = {
            let words: Vec<String> = text
                .after(place.end, 60)
                .split_whitespace()
                .take(3)
                .map(|word| word.trim_matches(|c: char| !c.is_alphabetic()).to_owned())
                .collect();
            matches!(words.as_slice(), [and, other, verb]
                if and == "and"
                    && other.chars().next().is_some_and(char::is_uppercase)
                    && (VERBS.contains(&verb.to_lowercase().as_str())
                        || cues::relation_cue(&verb.to_lowercase()).is_some()))
        };
        let verb_next = VERBS.contains(&next.as_str()) || cues::relation_cue(&next).is_some();
        // "Kigali-backed M23": a capital glued to a participle backs, leads or brokers as
        // its state.
        let after = text.after(place.end, 14);
        let mut after = after.chars();
        let glued_participle = after.next().map(cues::as_hyphen) == Some('-') && {
            let participle: String = after.take_while(|c| c.is_alphabetic()).collect();
            matches!(
                participle.as_str(),
                "backed" | "led" | "brokered" | "mediated" | "sponsored" | "supported"
            )
        };
        // "has pressed Kinshasa and …", "accused Moscow": the object of a relation
        // between parties is a party.
        let party_object = matches!(
            cues::relation_cue(&previous),
            Some(
                crate::model::Relation::Pressures
                    | crate::model::Relation::Blames
                    | crate::model::Relation::Opposes
                    | crate::model::Relation::Supports
            )
        );
        let acts = between
            || glued_participle
            || party_object
            || (!located && (verb_next || verb_after_pair));
        let host = lexicon
            .entries
            .get(place.entry)
            .and_then(|entry| entry.host.as_deref())
            .and_then(|host| lexicon.find(host))
            .and_then(|entry| super::mentions::entry_entity(registry, lexicon, entry));
        match host {
            Some(state) if acts => mentions.push(Mention {
                start: place.start,
                end: place.end,
                entity: state,
                confidence: super::mentions::DESCRIPTION_CONFIDENCE,
            }),
            _ => kept.push(place),
        }
    }
    mentions.sort_by_key(|mention| mention.start);
    (mentions, kept)
}

/// `places`, with the states named as places: "talks in Egypt" are talks at a place as
/// much as "talks in Cairo" are. A state counts where "in" comes just before it.
pub fn with_countries_as_places(
    text: &ArticleText,
    mentions: &[Mention],
    mut places: Vec<PlaceMention>,
    registry: &Registry,
    lexicon: &Lexicon,
) -> Vec<PlaceMention> {
    for mention in mentions {
        let Some(entity) = registry.entities.get(mention.entity) else {
            continue;
        };
        let Origin::Lexicon(entry) = entity.origin else {
            continue;
        };
        let state = lexicon
            .entries
            .get(entry)
            .is_some_and(|item| item.subtype == Some(crate::model::Subtype::State));
        let before = text.before(mention.start, 4).to_lowercase();
        // "in Washington-mediated talks" names no place.
        let follows = text.after(mention.end, 2);
        let compound = follows.starts_with('-') || follows == "'s" || follows == "’s";
        // "in the Caribbean island of Barbados".
        let described = {
            let longer = text.before(mention.start, 60).to_lowercase();
            longer.strip_suffix(" of ").is_some_and(|head| {
                head.rsplit_once(" in the ").is_some_and(|(_, words)| {
                    let words: Vec<&str> = words.split_whitespace().collect();
                    (1..=3).contains(&words.len())
                        && words.last().is_some_and(|noun| {
                            matches!(
                                *noun,
                                "island" | "islands" | "nation" | "state" | "kingdom" | "country"
                            )
                        })
                })
            })
        };
        let surface = text.slice(mention.start, mention.end).unwrap_or("");
        // "WASHINGTON, USA –": a dateline in capitals, where the article was written.
        let dateline = matches!(text.before(mention.start, 1), "" | "\n")
            && surface.chars().filter(|c| c.is_alphabetic()).count() > 2
            && !surface.chars().any(char::is_lowercase);
        // "Iraq, a neighbour to both countries, had hosted several rounds of talks": the
        // host's own country, where the meeting rules find a host verb after it.
        let hosting = {
            let after = text.after(mention.end, 80);
            let clause = after.split(['.', ';']).next().unwrap_or("");
            [" hosted ", " hosts ", " has hosted ", " had hosted "]
                .iter()
                .any(|verb| clause.contains(verb))
        };
        // "Yemen's Houthis": a state's possessive before a movement of its own names
        // where the movement is, not a party ("Yemen's government" still is one).
        let movement_of = (follows == "'s" || follows == "’s")
            && mentions.iter().any(|other| {
                other.start == mention.end + 3
                    && registry.entities.get(other.entity).is_some_and(|party| {
                        party.subtype == Some(crate::model::Subtype::Organisation)
                    })
            });
        // "in Geneva, Switzerland": the state after a city's comma is where the city is.
        let apposed = places.iter().any(|city| {
            city.end < mention.start && text.slice(city.end, mention.start) == Some(", ")
        });
        if state
            && (!compound || movement_of)
            && (movement_of
                || before == " in "
                || before.ends_with(" in ")
                || described
                || dateline
                || hosting
                || apposed)
        {
            // "in Washington", where the lexicon gives the state that name too: the city.
            let city = lexicon.entries.iter().position(|item| {
                item.kind == super::lexicon::EntryKind::Place
                    && (item.name.eq_ignore_ascii_case(surface)
                        || item
                            .aliases
                            .iter()
                            .any(|alias| alias.eq_ignore_ascii_case(surface)))
            });
            places.push(PlaceMention {
                start: mention.start,
                end: mention.end,
                entry: city.unwrap_or(entry),
            });
        }
    }
    places.sort_by_key(|place| place.start);
    places
}

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
    "town", "city", "village", "resort", "port", "island", "capital", "region", "province",
];

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
                .take_while(|(word, _)| !word.ends_with(['.', '!', '?']))
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
                .any(|word| super::dates::is_date_word(&bare(word)));
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
                    PLACE_FOLLOWERS.contains(&next.as_str()) || super::dates::is_date_word(&next)
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
        extended.entries.push(super::lexicon::Entry {
            kind: super::lexicon::EntryKind::Place,
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
    use crate::ingest::mentions::entry_entity;

    #[test]
    fn a_capital_that_acts_is_its_state_and_a_state_after_in_is_a_place() {
        let lexicon = Lexicon::parse(
            "l",
            "actor | Ukraine | Ukrainian | state |\nactor | Egypt | | state |\nplace | Kyiv | | Ukraine |\n",
        )
        .unwrap();
        let text = ArticleText::new(
            "Kyiv warned Moscow. Talks in Kyiv went on. The talks in Egypt ended.".to_owned(),
        );
        let kyiv = |from: usize| {
            let at = text.as_str()[from..].find("Kyiv").unwrap() + from;
            PlaceMention {
                start: at,
                end: at + 4,
                entry: 2,
            }
        };
        let mut registry = Registry::default();
        let egypt = entry_entity(&mut registry, &lexicon, 1).unwrap();
        let egypt_at = text.as_str().find("Egypt").unwrap();
        let mentions = vec![Mention {
            start: egypt_at,
            end: egypt_at + 5,
            entity: egypt,
            confidence: 0.9,
        }];
        let (mentions, places) = capitals_as_states(
            &text,
            mentions,
            vec![kyiv(0), kyiv(20)],
            &mut registry,
            &lexicon,
        );
        // "Kyiv warned": Ukraine; "Talks in Kyiv": still the place.
        let ukraine = registry.find("ukraine").unwrap();
        assert!(mentions.iter().any(|m| m.entity == ukraine && m.start == 0));
        assert_eq!(places.len(), 1);
        assert_eq!(places[0].start, text.as_str().find("in Kyiv").unwrap() + 3);
        let places = with_countries_as_places(&text, &mentions, places, &registry, &lexicon);
        assert_eq!(places.len(), 2);
        assert_eq!((places[1].start, places[1].entry), (egypt_at, 1));
    }

    #[test]
    fn a_capital_pressed_or_glued_to_a_participle_is_its_state() {
        let lexicon = Lexicon::parse(
            "l",
            "actor | Ukraine | Ukrainian | state |
place | Kyiv | | Ukraine |
",
        )
        .unwrap();
        let text = ArticleText::new(
            "The US has pressed Kyiv to talk. Kyiv\u{2011}backed rebels spoke. The envoy visited Kyiv.".to_owned(),
        );
        let places: Vec<PlaceMention> = text
            .as_str()
            .match_indices("Kyiv")
            .map(|(at, _)| {
                let start = text.as_str()[..at].chars().count();
                PlaceMention {
                    start,
                    end: start + 4,
                    entry: 1,
                }
            })
            .collect();
        let mut registry = Registry::default();
        let (mentions, places) =
            capitals_as_states(&text, Vec::new(), places, &mut registry, &lexicon);
        // The pressed and the backing capital are Ukraine; the one visited a place.
        assert_eq!(mentions.len(), 2, "{mentions:?}");
        assert_eq!(places.len(), 1);
    }

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

    #[test]
    fn a_state_described_as_an_island_is_a_place() {
        let lexicon = Lexicon::parse("l", "actor | Barbados | | state |\n").unwrap();
        let text = ArticleText::new(
            "Talks were held in the Caribbean island of Barbados. Barbados said so.".to_owned(),
        );
        let mut registry = Registry::default();
        let barbados = entry_entity(&mut registry, &lexicon, 0).unwrap();
        let mentions: Vec<Mention> = text
            .as_str()
            .match_indices("Barbados")
            .map(|(at, _)| Mention {
                start: at,
                end: at + 8,
                entity: barbados,
                confidence: 0.9,
            })
            .collect();
        let places = with_countries_as_places(&text, &mentions, Vec::new(), &registry, &lexicon);
        let starts: Vec<usize> = places.iter().map(|place| place.start).collect();
        assert_eq!(starts, [mentions[0].start], "the island, not the speaker");
    }
}
