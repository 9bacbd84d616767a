//! Places in what a sentence says: a capital that acts stands for its state ("Kyiv
//! warned"), and a state after "in" is a place ("the talks in Egypt").

use super::cues;
use super::lexicon::Lexicon;
use super::mentions::{Mention, Origin, PlaceMention, Registry};
use crate::model::ArticleText;
pub(crate) use of_talks::describes_a_place;
use of_talks::ends_cleanly;
pub use of_talks::with_places_of_talks;

mod of_talks;

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
        // "Baku and Yerevan fought two wars": capitals at war are their states.
        "fought",
        "clashed",
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
        // "in the United Arab Emirates (UAE)": the abbreviation of a state named as a place.
        let abbreviation = text.before(mention.start, 1) == "("
            && places
                .iter()
                .any(|place| place.end + 2 == mention.start && place.entry == entry);
        // "in the United Arab Emirates on Thursday": "the" between, where the state's name
        // ends cleanly (not "in the UAE capital", "in the US election").
        let after_the = text
            .before(mention.start, 8)
            .to_lowercase()
            .ends_with(" in the ")
            && ends_cleanly(text.after(mention.end, 16));
        // "will pay a state visit to Kyrgyzstan", "Rahmon visited Kyrgyzstan".
        let visited = {
            let longer = text.before(mention.start, 10).to_lowercase();
            [" visit to ", " visited ", " visiting "]
                .iter()
                .any(|words| longer.ends_with(words))
        };
        if state
            && (!compound || movement_of)
            && (movement_of
                || visited
                || before == " in "
                || before.ends_with(" in ")
                || after_the
                || abbreviation
                || described
                || dateline
                || hosting
                || apposed)
        {
            // "in Washington", where the lexicon gives the state that name too: the city.
            let city = lexicon.entries.iter().position(|item| {
                item.kind == super::lexicon::EntryKind::Place && item.is_named(surface)
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
    fn a_state_after_in_the_and_its_abbreviation_are_places_where_its_name_ends_cleanly() {
        let lexicon = Lexicon::parse(
            "l",
            "actor | United Arab Emirates | UAE | state |\nactor | United States | US | state |\n",
        )
        .unwrap();
        let text = ArticleText::new(
            "They met in the United Arab Emirates (UAE) on Thursday. They met in the UAE capital. Talks in the US election year stalled. They met in the US."
                .to_owned(),
        );
        let mut registry = Registry::default();
        let uae = entry_entity(&mut registry, &lexicon, 0).unwrap();
        let us = entry_entity(&mut registry, &lexicon, 1).unwrap();
        let mention = |name: &str, nth: usize, entity: usize| {
            let (at, _) = text.as_str().match_indices(name).nth(nth).unwrap();
            let start = text.as_str()[..at].chars().count();
            Mention {
                start,
                end: start + name.chars().count(),
                entity,
                confidence: 0.9,
            }
        };
        let mentions = vec![
            mention("United Arab Emirates", 0, uae),
            mention("UAE", 0, uae),
            mention("UAE", 1, uae),
            mention("US", 0, us),
            mention("US", 1, us),
        ];
        let places = with_countries_as_places(&text, &mentions, Vec::new(), &registry, &lexicon);
        let named: Vec<usize> = places.iter().map(|place| place.start).collect();
        // The state, its abbreviation and the one at the sentence's end; not the state
        // before "capital" or "election".
        assert_eq!(
            named,
            vec![mentions[0].start, mentions[1].start, mentions[4].start]
        );
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
