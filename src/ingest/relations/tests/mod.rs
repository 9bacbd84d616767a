//! The relation rules on sentences of the kinds that went wrong before: negation,
//! absence, wishes, conditions, the future, lists and the passive.

use super::*;
use crate::ingest::mentions::{Mention, PlaceMention};
use crate::ingest::tokens::tokenize;

/// Entities by name, with their kinds.
const ENTITIES: &[(&str, NodeKind)] = &[
    ("Hamas", NodeKind::Actor),
    ("Israel", NodeKind::Actor),
    ("Egypt", NodeKind::Mediator),
    ("Qatar", NodeKind::Mediator),
    ("the proposal", NodeKind::Demand),
    ("a permanent ceasefire", NodeKind::Demand),
    ("the withdrawal", NodeKind::Demand),
    ("United States", NodeKind::Actor),
    ("Turkey", NodeKind::Actor),
    ("the deal", NodeKind::Demand),
    ("Ilham Aliyev", NodeKind::Actor),
    ("Nikol Pashinyan", NodeKind::Actor),
    ("Azerbaijan", NodeKind::Actor),
    ("deal", NodeKind::Demand),
    ("Russian", NodeKind::Actor),
    ("Vladimir Putin", NodeKind::Actor),
    ("Brotherhood Alliance", NodeKind::Actor),
    ("Arakan Army", NodeKind::Actor),
    ("TNLA", NodeKind::Actor),
    ("MNDAA", NodeKind::Actor),
    ("New People's Army", NodeKind::Actor),
    ("Communist Party", NodeKind::Actor),
];

fn kind(entity: usize) -> Option<NodeKind> {
    ENTITIES.get(entity).map(|(_, kind)| *kind)
}

fn name(entity: usize) -> &'static str {
    ENTITIES.get(entity).map_or("?", |(name, _)| name)
}

/// Reads `sentence` with every entity name found in it, and a meeting if `meeting`;
/// returns "subject relation object modality" lines, sorted.
fn read(sentence: &str, meeting: bool) -> Vec<String> {
    read_with_places(sentence, meeting, &[])
}

/// As `read`, with `places` named in the sentence as places.
fn read_with_places(sentence: &str, meeting: bool, places: &[&str]) -> Vec<String> {
    let mut mentions = Vec::new();
    for (entity, (text, _)) in ENTITIES.iter().enumerate() {
        let mut from = 0;
        while let Some(at) = sentence[from..].find(text) {
            let start = sentence[..from + at].chars().count();
            mentions.push(Mention {
                start,
                end: start + text.chars().count(),
                entity,
                confidence: 0.9,
            });
            from += at + text.len();
        }
    }
    mentions.sort_by_key(|m| m.start);
    let places: Vec<PlaceMention> = places
        .iter()
        .enumerate()
        .filter_map(|(entry, place)| {
            let at = sentence.find(place)?;
            let start = sentence[..at].chars().count();
            Some(PlaceMention {
                start,
                end: start + place.chars().count(),
                entry,
            })
        })
        .collect();
    let tokens = tokenize(sentence, 0, &mentions, &places, &kind);
    let reading = read_sentence(sentence, &tokens, &kind, meeting, &[]);
    let mut lines: Vec<String> = reading
        .relations
        .iter()
        .map(|r| {
            let object = match r.object {
                End::Entity(entity) => name(entity).to_owned(),
                End::Meeting => "meeting".to_owned(),
            };
            format!(
                "{} {} {} {}",
                name(r.subject),
                r.relation.as_str(),
                object,
                r.modality.as_str()
            )
        })
        .collect();
    lines.sort();
    lines
}

#[test]
fn negation_and_absence_are_never_asserted() {
    assert_eq!(
        read("Israel did not accept the proposal.", false),
        ["Israel accepts the proposal negated"]
    );
    assert_eq!(
        read("Hamas did not take part in the talks in Doha.", true),
        ["Hamas attends meeting negated"]
    );
    assert_eq!(
        read("Hamas refused to accept the proposal.", false),
        ["Hamas accepts the proposal negated"]
    );
    assert!(
        read(
            "Israel agreed to talks without a permanent ceasefire.",
            false
        )
        .is_empty(),
        "what comes after 'without' is not accepted"
    );
    assert!(
        read(
            "As Hamas refuses to hold direct talks with Israel, Egypt will shuttle between them.",
            true
        )
        .iter()
        .all(|line| !line.starts_with("Hamas attends")),
        "refusing direct talks is no absence from the talks held otherwise"
    );
    assert_eq!(
        read("Hamas refused to hold talks in Cairo.", true),
        ["Hamas attends meeting negated"]
    );
}

#[test]
fn wishes_conditions_and_the_future_are_not_facts() {
    assert_eq!(
        read(
            "Israel wants Qatar and Egypt to press Hamas to accept the proposal before talks resume next week.",
            false
        ),
        [
            "Egypt pressures Hamas hypothetical",
            "Hamas accepts the proposal hypothetical",
            "Qatar pressures Hamas hypothetical",
        ]
    );
    assert_eq!(
        read(
            "If Hamas rejects the proposal, Israel will press on.",
            false
        ),
        ["Hamas rejects the proposal hypothetical"]
    );
    assert_eq!(
        read(
            "United States called on Qatar to pressure Hamas to accept the deal.",
            false
        ),
        [
            "Hamas accepts the deal hypothetical",
            "Qatar pressures Hamas hypothetical",
            "United States pressures Qatar asserted",
        ]
    );
    assert_eq!(
        read("Israel is expected to accept the proposal.", false),
        ["Israel accepts the proposal expected"]
    );
    assert_eq!(
        read(
            "An official denied that Hamas accepted the proposal.",
            false
        ),
        ["Hamas accepts the proposal denied"]
    );
}

#[test]
fn lists_between_and_the_passive() {
    assert_eq!(
        read(
            "Egypt and Qatar have mediated between Israel and Hamas for months.",
            false
        ),
        [
            "Egypt mediates Hamas asserted",
            "Egypt mediates Israel asserted",
            "Qatar mediates Hamas asserted",
            "Qatar mediates Israel asserted",
        ]
    );
    assert_eq!(
        read(
            "Hamas demands a permanent ceasefire and the withdrawal.",
            false
        ),
        [
            "Hamas demands a permanent ceasefire asserted",
            "Hamas demands the withdrawal asserted",
        ]
    );
    assert_eq!(
        read(
            "the deal was brokered by Turkey and the United States.",
            false
        ),
        [
            "Turkey mediates the deal asserted",
            "United States mediates the deal asserted",
        ]
    );
    assert_eq!(
        read(
            "Egypt, which hosted the last round in Cairo, said it was in contact.",
            true
        ),
        ["Egypt hosts meeting asserted"]
    );
}

#[test]
fn a_party_only_named_in_the_sentence_is_not_a_subject() {
    assert!(read("After talks with Qatar, the proposal was accepted.", false).is_empty());
    assert!(
        read(
            "Israel said the proposal was far from its requirements.",
            false
        )
        .is_empty(),
        "a country that speaks accepts nothing"
    );
}

#[test]
fn agreeing_obligations_and_lists_of_titled_people() {
    assert_eq!(
        read("In return, Israel agreed to accept the proposal.", false),
        ["Israel accepts the proposal asserted"],
        "'agreed to' hands its subject to the verb after it"
    );
    assert_eq!(
        read("It now falls on Hamas to accept the proposal.", false),
        ["Hamas accepts the proposal hypothetical"]
    );
    assert_eq!(
        read("It is up to Hamas to accept the proposal.", false),
        ["Hamas accepts the proposal hypothetical"]
    );
    assert_eq!(
        read(
            "Azerbaijan President Ilham Aliyev and Turkey Prime Minister Nikol Pashinyan, in the presence of Qatar, signed the deal.",
            true
        ),
        [
            "Ilham Aliyev accepts the deal asserted",
            "Nikol Pashinyan accepts the deal asserted",
            "Qatar attends meeting asserted",
        ],
        "the titles' parties sign nothing; the party present attends"
    );
}

#[test]
fn attendance_from_a_meeting_of_parties_and_from_an_opening_clause() {
    assert_eq!(
        read(
            "Israel will lift the siege, according to a statement issued after a meeting of the Egypt and Qatar delegations in Doha.",
            true
        ),
        [
            "Egypt attends meeting asserted",
            "Qatar attends meeting asserted"
        ],
        "the future of the main clause is not the meeting's"
    );
    assert_eq!(
        read(
            "Following talks in Doha, Israel and Hamas have agreed on the deal.",
            true
        ),
        [
            "Hamas accepts the deal asserted",
            "Hamas attends meeting asserted",
            "Israel accepts the deal asserted",
            "Israel attends meeting asserted",
        ]
    );
    assert!(
        read("Following talks in Doha, the deal was signed.", true).is_empty(),
        "no party acts after the opening clause"
    );
}

#[test]
fn those_who_represent_a_party_are_its_own() {
    assert_eq!(
        read(
            "Azerbaijan was represented by Deputy Foreign Minister Ilham Aliyev and Defense Minister Nikol Pashinyan.",
            false
        ),
        [
            "Ilham Aliyev member_of Azerbaijan asserted",
            "Nikol Pashinyan member_of Azerbaijan asserted",
        ]
    );
}

#[test]
fn mediation_phrases_and_parties_used_as_modifiers() {
    assert_eq!(
        read("Talks were held in Doha under Qatar's mediation.", true),
        ["Qatar mediates meeting asserted"]
    );
    assert_eq!(
        read(
            "The talks began with the mediation of Egypt and Qatar.",
            true
        ),
        [
            "Egypt mediates meeting asserted",
            "Qatar mediates meeting asserted"
        ]
    );
    assert_eq!(
        read("Israel and Hamas began their Qatar-mediated meeting.", true),
        [
            "Hamas attends meeting asserted",
            "Israel attends meeting asserted",
            "Qatar mediates meeting asserted",
        ]
    );
    assert!(
        read("Turkey supports Qatar-led negotiations.", false).is_empty(),
        "'Qatar-led' qualifies the negotiations; Qatar is not what is supported"
    );
    assert!(
        read("Israel press secretary Ilham Aliyev spoke.", false).is_empty(),
        "a press secretary is no pressure"
    );
}

#[test]
fn appositives_with_parties_and_travel_to_a_party() {
    assert_eq!(
        read(
            "Ilham Aliyev, a close confidant of Israel, will join the talks in Doha.",
            true
        ),
        ["Ilham Aliyev attends meeting expected"]
    );
    assert_eq!(
        read(
            "Ilham Aliyev and Nikol Pashinyan are traveling to Qatar to lead the talks.",
            true
        ),
        [
            "Ilham Aliyev attends meeting expected",
            "Nikol Pashinyan attends meeting expected",
        ],
        "Qatar, after 'to', leads nothing"
    );
}

#[test]
fn gatherings_presses_and_places_in_the_passive() {
    assert_eq!(
        read(
            "Israel and Hamas top diplomats are set to convene in Doha on Friday.",
            true
        ),
        [
            "Hamas attends meeting expected",
            "Israel attends meeting expected",
        ]
    );
    assert_eq!(
        read("Israel and Hamas will conduct discussions in Doha.", true),
        [
            "Hamas attends meeting expected",
            "Israel attends meeting expected",
        ]
    );
    assert_eq!(
        read(
            "Qatar and Egypt urge both parties to take in consideration the interests of Hamas.",
            false
        ),
        Vec::<String>::new(),
        "whom one urges comes before 'to'"
    );
    assert_eq!(
        read(
            "Israel and Hamas agreed to a truce after talks in Qatar, mediated by Turkey and Egypt.",
            true
        ),
        [
            "Egypt mediates meeting asserted",
            "Turkey mediates meeting asserted",
        ],
        "Qatar, after 'in', is the place mediated, not a party"
    );
}

#[test]
fn parties_glued_to_participles_and_acting_after_talks() {
    assert_eq!(
        read(
            "Israel and Qatar-backed Hamas accepted the deal after ten days of talks in Doha.",
            true
        ),
        [
            "Hamas accepts the deal asserted",
            "Hamas attends meeting asserted",
            "Israel accepts the deal asserted",
            "Israel attends meeting asserted",
            "Qatar supports Hamas asserted",
        ],
        "'Qatar-backed' qualifies Hamas and says Qatar backs it; Qatar accepts nothing"
    );
    assert_eq!(
        read("Officials met at the Egypt-mediated talks in Doha.", true),
        ["Egypt mediates meeting asserted"]
    );
    assert_eq!(
        read("Officials praised the Turkey-brokered deal.", false),
        ["Turkey mediates deal asserted"]
    );
}

#[test]
fn guarantors_and_the_aegis_of_parties() {
    assert_eq!(
        read(
            "Qatar is one of the guarantor nations for the talks in Doha.",
            true
        ),
        ["Qatar mediates meeting asserted"]
    );
    assert_eq!(
        read(
            "Talks resumed in Doha under the aegis of Egypt and Turkey as guarantors.",
            true
        ),
        [
            "Egypt mediates meeting asserted",
            "Turkey mediates meeting asserted"
        ]
    );
}

#[test]
fn finalising_and_alignment() {
    assert_eq!(
        read("Israel and Hamas on Thursday finalized the deal.", false),
        [
            "Hamas accepts the deal asserted",
            "Israel accepts the deal asserted",
        ]
    );
    assert_eq!(
        read("Egypt and Qatar were aligned on the proposal.", false),
        [
            "Egypt supports the proposal asserted",
            "Qatar supports the proposal asserted",
        ]
    );
}

#[test]
fn talks_opened_resumed_or_held_a_few_words_on_are_attended() {
    let cairo = ["Cairo"];
    assert_eq!(
        read_with_places(
            "Egypt, Israel and Hamas resumed in Cairo negotiations on the deal.",
            true,
            &cairo
        ),
        [
            "Egypt attends meeting asserted",
            "Hamas attends meeting asserted",
            "Israel attends meeting asserted"
        ]
    );
    assert_eq!(
        read_with_places(
            "Hamas began this Monday in Cairo the second round of talks.",
            true,
            &cairo
        ),
        ["Hamas attends meeting asserted"]
    );
    assert_eq!(
        read_with_places("Hamas kicked off talks in Cairo.", true, &cairo),
        ["Hamas attends meeting asserted"]
    );
    // Holding hostages is no holding of talks.
    assert!(read_with_places("Hamas held hostages in Cairo.", true, &cairo).is_empty());
}

#[test]
fn those_who_represent_parties_act_for_them() {
    assert_eq!(
        read(
            "Representatives of Israel and Hamas kicked off talks on Saturday.",
            true
        ),
        [
            "Hamas attends meeting asserted",
            "Israel attends meeting asserted"
        ]
    );
    assert_eq!(
        read(
            "The leaders of Egypt, Qatar and Turkey will meet on Monday.",
            true
        ),
        [
            "Egypt attends meeting expected",
            "Qatar attends meeting expected",
            "Turkey attends meeting expected"
        ]
    );
    // "the guerrillas of" after a listed party: both sides.
    assert_eq!(
        read("Israel and the negotiators of Hamas resumed talks.", true),
        [
            "Hamas attends meeting asserted",
            "Israel attends meeting asserted"
        ]
    );
    // A party noun governed by a preposition is no subject.
    assert!(read("Pressure on the leaders of Hamas began to rise.", true).is_empty());
}

#[test]
fn signing_or_acting_at_the_place_of_talks_is_attending_them() {
    let cairo = ["Cairo"];
    assert_eq!(
        read_with_places("Israel and Hamas signed the deal in Cairo.", true, &cairo),
        [
            "Hamas accepts the deal asserted",
            "Hamas attends meeting asserted",
            "Israel accepts the deal asserted",
            "Israel attends meeting asserted"
        ]
    );
    assert_eq!(
        read_with_places("Hamas agreed in Cairo to free the hostages.", true, &cairo),
        ["Hamas attends meeting asserted"]
    );
    // Signing with no place or ceremony after it says nothing of where.
    assert_eq!(
        read("Israel and Hamas signed the deal.", true),
        [
            "Hamas accepts the deal asserted",
            "Israel accepts the deal asserted"
        ]
    );
}

#[test]
fn talks_with_parties_and_talks_involving_them() {
    let places = ["Doha", "Cairo"];
    assert_eq!(
        read_with_places(
            "Qatar held talks with Hamas and Israel in Doha.",
            true,
            &places
        ),
        [
            "Hamas attends meeting asserted",
            "Israel attends meeting asserted",
            "Qatar attends meeting asserted"
        ]
    );
    assert!(
        read_with_places("Israel rejected talks with Hamas in Cairo.", true, &places)
            .iter()
            .all(|line| !line.starts_with("Hamas attends"))
    );
    // Other talks, placed after their parties, are not the sentence's.
    assert_eq!(
        read_with_places(
            "Egypt sent a team to Cairo for talks with Qatar before negotiations with Hamas in Doha.",
            true,
            &places
        ),
        [
            "Egypt attends meeting asserted",
            "Qatar attends meeting asserted"
        ]
    );
    assert_eq!(
        read_with_places(
            "Turkey recalled two rounds of talks in Cairo involving Israel and Hamas.",
            true,
            &places
        ),
        [
            "Hamas attends meeting asserted",
            "Israel attends meeting asserted"
        ]
    );
}

#[test]
fn opening_clauses_about_the_talks_and_a_party_with_unnamed_partners() {
    assert_eq!(
        read(
            "At the end of week-long talks in Sweden, Israel and Hamas shook hands.",
            true
        ),
        [
            "Hamas attends meeting asserted",
            "Israel attends meeting asserted"
        ]
    );
    assert_eq!(
        read("Israel and rebels signed the deal on Thursday.", false),
        ["Israel accepts the deal asserted"]
    );
}

#[test]
fn a_chief_mediator_in_apposition_is_a_mediator() {
    let sentence = "\"We are here,\" said Turkey, chief mediator of the talks.";
    let tokens = {
        let at = sentence.find("Turkey").unwrap();
        let mentions = [Mention {
            start: at,
            end: at + 6,
            entity: 8,
            confidence: 0.9,
        }];
        tokenize(sentence, 0, &mentions, &[], &kind)
    };
    let reading = read_sentence(sentence, &tokens, &kind, false, &[]);
    assert_eq!(reading.mediators, [8]);
}

mod gatherings;
mod mediators;
mod memberships;
mod passives;
mod stances;
