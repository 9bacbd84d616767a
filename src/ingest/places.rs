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
        let acts =
            !located && (VERBS.contains(&next.as_str()) || cues::relation_cue(&next).is_some());
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
        if state && (before == " in " || before.ends_with(" in ")) {
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
