//! Which place a sentence's talks are at: after "in", "at" or a travel word's "to",
//! before "talks", or the host's own country; not a possessive, a state before its own
//! noun, embassies' cities, where a conflict is or where people are.

use super::super::cues::{self, Word};
use super::super::mentions::PlaceMention;

/// Nouns a state's name qualifies ("U.S. foreign policy", "Russian forces"): after
/// them, the state is no place.
const STATE_NOUNS: &[&str] = &[
    "foreign",
    "policy",
    "officials",
    "official",
    "forces",
    "troops",
    "government",
    "territory",
    "side",
    "delegation",
    "embassy",
    "military",
    "army",
    "authorities",
    "president",
    "leader",
    "leaders",
    "envoy",
    "diplomats",
    "interests",
    "relations",
];

/// Whether `place` is where the sentence's talks are: after "in", "to" or "at" (past
/// "the Qatari capital"), before "talks" ("the Doha talks"), or just after a travel
/// word. A place in capitals is a dateline's.
pub(super) fn is_meeting_place(
    sentence: &str,
    offset: usize,
    words: &[Word],
    places: &[PlaceMention],
    place: &PlaceMention,
    talk: bool,
) -> bool {
    let surface: String = sentence
        .chars()
        .skip(place.start.saturating_sub(offset))
        .take(place.end - place.start)
        .collect();
    if surface.chars().filter(|c| c.is_alphabetic()).count() > 2
        && surface.chars().all(|c| !c.is_lowercase())
    {
        return false;
    }
    let before: Vec<&Word> = words
        .iter()
        .filter(|word| word.end <= place.start)
        .collect();
    // "the team left Kabul for Doha": the place left is not where the talks are.
    let departed = before.last().is_some_and(|word| {
        matches!(
            word.text.as_str(),
            "left" | "leaving" | "leaves" | "departed" | "departing"
        )
    }) && words
        .iter()
        .find(|word| word.start >= place.end)
        .is_some_and(|word| word.text == "for");
    if departed {
        return false;
    }
    // "an agreement reached in Kyiv's absence": a possessive is no place of talks.
    let after_place: String = sentence
        .chars()
        .skip(place.end.saturating_sub(offset))
        .take(2)
        .collect();
    if after_place == "'s" || after_place == "’s" {
        return false;
    }
    // "an about-face in U.S. foreign policy": a state before a noun of its own is no place.
    let modifies = words
        .iter()
        .find(|word| word.start >= place.end)
        .is_some_and(|next| STATE_NOUNS.contains(&next.text.as_str()));
    if modifies {
        return false;
    }
    // "Prior to the delegation's trip to Nairobi, Kiir met the team": what happened
    // before a journey there happened elsewhere.
    let before_journey = before.len() <= 8
        && before.iter().any(|word| {
            matches!(
                word.text.as_str(),
                "trip" | "visit" | "journey" | "travel" | "departure"
            )
        })
        && matches!(
            before.first().map(|word| word.text.as_str()),
            Some("prior" | "before" | "ahead" | "Prior" | "Before" | "Ahead")
        );
    if before_journey {
        return false;
    }
    // "Acting Ambassador of the Islamic Emirate of Afghanistan in Qatar": where an
    // ambassador is posted, not the talks.
    let posted = before
        .iter()
        .rev()
        .take(8)
        .take_while(|word| !cues::is_talk_word(&word.text))
        .any(|word| matches!(word.text.as_str(), "ambassador" | "ambassadors" | "consul"));
    if posted {
        return false;
    }
    // Whether a word starts with a capital in the text.
    let capitalised = |word: &Word| word.is_capitalised_in(sentence, offset);
    // "in Doha", "in the Qatari capital Doha", "in the Caribbean island of Barbados", "in
    // the North Macedonian lakeside resort of Ohrid".
    let mut leading = before.iter().rev().peekable();
    let mut skipped = 0;
    while skipped < 7
        && leading.peek().is_some_and(|word| {
            matches!(
                word.text.as_str(),
                "the"
                    | "of"
                    | "island"
                    | "islands"
                    | "archipelago"
                    | "district"
                    | "province"
                    | "city"
                    | "capital"
                    | "resort"
                    | "lakeside"
                    | "seaside"
                    | "coastal"
                    | "border"
                    | "village"
                    | "town"
                    | "port"
                    | "downtown"
                    | "central"
                    | "northern"
                    | "southern"
                    | "eastern"
                    | "western"
            ) || places.iter().any(|other| {
                other.end <= place.start && other.start <= word.start && word.end <= other.end
            }) || (word.text.chars().all(char::is_alphabetic) && capitalised(word) && skipped > 0)
        })
    {
        leading.next();
        skipped += 1;
    }
    // "in Switzerland's Geneva", "in North Macedonia’s Ohrid": a possessive state before
    // the place.
    if leading.peek().is_some_and(|word| {
        (word.text.ends_with("'s") || word.text.ends_with("’s")) && capitalised(word)
    }) {
        leading.next();
        let mut named = 0;
        while named < 2
            && leading
                .peek()
                .is_some_and(|word| word.text.chars().all(char::is_alphabetic) && capitalised(word))
        {
            leading.next();
            named += 1;
        }
    }
    let preposition_word = leading.next();
    // "flew to Doha", "invited to Cairo", "the delegation to Cairo" go somewhere;
    // "concessions to Moscow" do not.
    let goes_to = |word: &Word| {
        cues::is_travel_word(&word.text)
            || word.text.ends_with("ed")
            || word.text.ends_with("ing")
            || matches!(
                word.text.as_str(),
                "return"
                    | "returns"
                    | "come"
                    | "comes"
                    | "go"
                    | "goes"
                    | "head"
                    | "heads"
                    | "back"
                    | "trip"
                    | "delegation"
                    | "delegations"
                    | "mission"
                    | "team"
                    | "envoy"
                    | "journey"
            )
    };
    let preposition = preposition_word.is_some_and(|word| match word.text.as_str() {
        "in" | "at" => true,
        "to" => leading.peek().is_some_and(|before_to| goes_to(before_to)),
        _ => false,
    });
    // "the situation in Nagorno-Karabakh", "the crisis in South Sudan", "a ceasefire in
    // Karabakh": where a conflict is, not where talks are.
    let of_conflict = preposition_word.is_some_and(|word| word.text == "in")
        && leading.next().is_some_and(|word| {
            matches!(
                word.text.as_str(),
                "situation"
                    | "crisis"
                    | "conflict"
                    | "war"
                    | "fighting"
                    | "hostilities"
                    | "violence"
                    | "peace"
                    | "settlement"
                    | "ceasefire"
                    | "cease-fire"
                    | "truce"
                    | "clashes"
                    | "offensive"
                    | "stability"
                    | "security"
            )
        });
    // "since the crisis erupted last week in Sweida": where the conflict broke out.
    let broke_out = before.iter().rev().take(5).any(|word| {
        matches!(
            word.text.as_str(),
            "erupted" | "broke" | "flared" | "killed" | "clashed" | "fought" | "struck"
        )
    });
    // "Government sources in India", "officials in Kabul": where people are, not talks.
    let of_people = preposition_word.is_some_and(|word| word.text == "in")
        && before
            .iter()
            .rev()
            .skip_while(|word| word.text != "in")
            .nth(1)
            .is_some_and(|word| {
                matches!(
                    word.text.as_str(),
                    "sources"
                        | "officials"
                        | "people"
                        | "residents"
                        | "analysts"
                        | "observers"
                        | "diplomats"
                        | "journalists"
                        | "reporters"
                        | "citizens"
                        | "civilians"
                        // "to restore staffing at their embassies in Washington".
                        | "embassies"
                        | "embassy"
                )
            });
    // "talks by Serbian President Aleksandar Vučić, … and EU officials in Ohrid": the
    // people of the talks are where the talks are.
    let talks_of_people = before
        .iter()
        .rev()
        .take(16)
        .collect::<Vec<_>>()
        .windows(2)
        .any(|pair| {
            matches!(pair, [joiner, talk] if cues::is_talk_word(&talk.text)
                && matches!(joiner.text.as_str(), "by" | "between" | "among"))
        })
        // "met US officials in Oslo", "talks with US officials in Vienna": the people
        // met are where they meet.
        || before
            .iter()
            .rev()
            .skip_while(|word| word.text != "in")
            .skip(2)
            .take(2)
            .any(|word| matches!(word.text.as_str(), "met" | "meet" | "meets" | "with"));
    let of_people = of_people && !talks_of_people;
    let preposition = preposition && !of_conflict && !broke_out && !of_people;
    // "the Brussels meeting", "the Doha talks", "the Geneva International Discussions".
    let named_before_talks = words
        .iter()
        .filter(|word| word.start >= place.end)
        .take(3)
        .enumerate()
        .find(|(_, word)| cues::is_talk_word(&word.text))
        .is_some_and(|(at, talk)| {
            let capitalised_between = words
                .iter()
                .filter(|word| word.start >= place.end && word.end <= talk.start)
                .all(capitalised);
            (at == 0 && talk.start <= place.end + 1) || (capitalised_between && capitalised(talk))
        });
    let near_travel = before
        .iter()
        .rev()
        .take(4)
        .any(|word| cues::is_travel_word(&word.text));
    (talk && (preposition || named_before_talks)) || near_travel
}

/// "Iraq, a neighbour to both countries, had hosted several rounds of talks": the place
/// is the subject of a host verb whose object, a few words on, is talks.
pub(super) fn hosts_talks_after(words: &[Word], place: &PlaceMention) -> bool {
    let after: Vec<&Word> = words
        .iter()
        .filter(|word| word.start >= place.end)
        .take(12)
        .collect();
    let Some(host) = after
        .iter()
        .position(|word| matches!(word.text.as_str(), "hosted" | "hosts"))
    else {
        return false;
    };
    // No talk word between the place and the verb: "talks in Doha, which Qatar hosted".
    let before_verb = after.get(..host).unwrap_or(&[]);
    let object = after
        .get(host + 1..(host + 5).min(after.len()))
        .unwrap_or(&[]);
    !before_verb
        .iter()
        .any(|word| cues::is_talk_word(&word.text))
        && object
            .iter()
            .any(|word| cues::is_talk_word(&word.text) || word.text == "rounds")
}
