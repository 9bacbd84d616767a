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
        "has", "have", "had", "is", "was", "will", "would", "did", "does", "also", "said", "says",
        "say", "insisted", "denied", "agreed", "wants", "wanted", "warned", "called", "urged",
        "accused", "blamed",
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
        let acts = between
            || (!located
                && (VERBS.contains(&next.as_str()) || cues::relation_cue(&next).is_some()));
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
        if state && !compound && (before == " in " || before.ends_with(" in ") || described) {
            places.push(PlaceMention {
                start: mention.start,
                end: mention.end,
                entry,
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
    "convened",
    "convene",
    "ceremony",
];

/// `lexicon` with the places the articles hold talks at that it lacks: a capitalised
/// name of one to three words right after "talks in", "met at" and the like ("talks in
/// Almaty"), which is neither an entry's name nor holds one, nor a date. Such a place
/// lies in no known country.
pub fn with_places_of_talks(lexicon: &Lexicon, texts: &[ArticleText]) -> Lexicon {
    let mut extended = lexicon.clone();
    let mut found: std::collections::BTreeSet<String> = Default::default();
    for text in texts {
        let words: Vec<&str> = text.as_str().split_whitespace().collect();
        for (at, window) in words.windows(3).enumerate() {
            let [talk, preposition, _] = window else {
                continue;
            };
            let talk = talk
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase();
            if !TALKS_AT.contains(&talk.as_str()) || !matches!(*preposition, "in" | "at") {
                continue;
            }
            let mut name: Vec<&str> = Vec::new();
            for word in words.iter().skip(at + 2).take(3) {
                let bare = word.trim_end_matches(|c: char| !c.is_alphanumeric());
                let capitalised = bare.chars().next().is_some_and(char::is_uppercase)
                    && bare.chars().skip(1).all(|c| c.is_lowercase() || c == '-');
                if !capitalised || bare.chars().count() < 3 {
                    break;
                }
                name.push(bare);
                // A word ending in punctuation ends the name.
                if bare.len() != word.len() {
                    break;
                }
            }
            let name = name.join(" ");
            let date = name
                .split(' ')
                .any(|word| super::dates::is_date_word(&word.to_lowercase()));
            if name.is_empty() || date || lexicon.find(&name).is_some() {
                continue;
            }
            // A name the lexicon holds inside it ("Cairo Declaration") is not new either.
            let known_inside = name.split(' ').any(|word| lexicon.find(word).is_some());
            if !known_inside {
                found.insert(name);
            }
        }
    }
    for name in found {
        extended.entries.push(super::lexicon::Entry {
            kind: super::lexicon::EntryKind::Place,
            name,
            aliases: Vec::new(),
            subtype: None,
            host: None,
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
    fn places_of_talks_the_lexicon_lacks_are_found() {
        let lexicon = Lexicon::parse("l", "actor | Hamas | | organisation |\nactor | Egypt | | state |\nplace | Cairo | | Egypt |\n").unwrap();
        let texts = [ArticleText::new(
            "Talks in Almaty began. They met at Davao City. Talks in Cairo, talks in Hamas and talks in May went on. In Geneva, nothing."
                .to_owned(),
        )];
        let extended = with_places_of_talks(&lexicon, &texts);
        let added: Vec<&str> = extended
            .entries
            .iter()
            .skip(lexicon.entries.len())
            .map(|entry| entry.name.as_str())
            .collect();
        assert_eq!(added, ["Almaty", "Davao City"]);
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
