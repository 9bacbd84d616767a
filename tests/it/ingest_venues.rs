//! Where talks are, and who mediates them, as `ingest` reads wire copy that names other
//! places in the same sentences: a cartel's country, an absent party's capital, a
//! state's policy, embassies, concessions to a capital; a mediator's role announced
//! ahead ("will act as a mediator"); and who takes part, listed after a delegation,
//! "represented by" or a title.

use backchannel::model::Model;

use super::ingest::{edge_strings, labels_of_kind, model_of};

const RIYADH: &str = "Envoys meet in Riyadh\n\nPublished 2025-02-18\n\nRussian Foreign Minister Sergey Lavrov and US Secretary of State Marco Rubio held talks in Riyadh on Tuesday. Saudi Arabia will actively act as a mediator during the discussions. The talks marked a turn in U.S. foreign policy. Ukraine rejected any deal reached in Kyiv's absence during the talks. After the talks, both sides agreed to restore staff at their embassies in Washington and Moscow. Critics said the plan discussed at the talks made concessions to Moscow. Dmitry Peskov, Kremlin spokesman, said the talks went well.\n";

const DOHA: &str = "Cartel pauses talks\n\nPublished 2026-02-04\n\nThe Colombian government opened peace talks with Clan del Golfo last year. The largest cartel in Colombia said it would suspend the talks being held in Qatar. Officials of both sides had convened in Geneva on 23 November 2025 as well.\n";

fn meetings(model: &Model) -> Vec<&str> {
    let mut labels = labels_of_kind(model, "meeting");
    labels.sort();
    labels
}

#[test]
fn places_named_for_other_things_in_a_sentence_about_talks_are_not_where_the_talks_are() {
    let model = model_of(RIYADH);
    // Not Kyiv (a possessive), the United States (a state before its policy), Washington
    // (embassies there) nor Moscow (concessions to it).
    assert_eq!(meetings(&model), ["Talks in Riyadh (18 February 2025)"]);
}

#[test]
fn a_mediator_s_role_announced_ahead_is_expected_mediation() {
    let model = model_of(RIYADH);
    let mediation: Vec<(String, String)> = model
        .edges
        .iter()
        .filter(|e| e.relation.as_str() == "mediates")
        .map(|e| {
            (
                format!(
                    "{} {}",
                    model.node_label(&e.source),
                    model.node_label(&e.target)
                ),
                e.modality.as_str().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        mediation,
        [(
            "Saudi Arabia Talks in Riyadh (18 February 2025)".to_owned(),
            "expected".to_owned()
        )]
    );
    assert!(labels_of_kind(&model, "mediator").contains(&"Saudi Arabia"));
}

#[test]
fn a_name_before_a_comma_and_a_party_s_title_is_that_party_s() {
    let model = model_of(RIYADH);
    let edges = edge_strings(&model);
    assert!(
        edges.contains(&"Dmitry Peskov member_of Russia".to_owned()),
        "the Kremlin stands for Russia: {edges:?}"
    );
}

#[test]
fn talks_are_where_they_are_held_not_where_a_party_is_and_convening_is_meeting() {
    let model = model_of(DOHA);
    assert_eq!(
        meetings(&model),
        ["Talks in Geneva (23 November 2025)", "Talks in Qatar"]
    );
    let parties = labels_of_kind(&model, "actor");
    // A Spanish name joined by "del", named once.
    assert!(parties.contains(&"Clan del Golfo"), "{parties:?}");
}

const LISTED: &str = "Envoys meet in Riyadh\n\nPublished 2025-02-18\n\nUS Secretary of State Marco Rubio and Russian Foreign Minister Sergey Lavrov held nearly five hours of talks in Riyadh on Tuesday. The US delegation included Secretary of State Marco Rubio, National Security Advisor Mike Waltz, and Special Envoy Steve Witkoff. Russia was represented by Putin’s aide Yuri Ushakov and Foreign Minister Sergey Lavrov. Saudi Foreign Minister Faisal bin Farhan Al Saud and National Security Advisor Musaid bin Mohammed Al Aiban also participated in the meeting.\n";

#[test]
fn who_holds_hours_of_talks_makes_up_a_delegation_or_represents_a_state_takes_part() {
    let model = model_of(LISTED);
    let edges = edge_strings(&model);
    let talks = "Talks in Riyadh (18 February 2025)";
    for expected in [
        // "held nearly five hours of talks".
        format!("Marco Rubio attends {talks}"),
        format!("Sergey Lavrov attends {talks}"),
        // "The US delegation included …".
        "Mike Waltz member_of US delegation".to_owned(),
        "Steve Witkoff member_of US delegation".to_owned(),
        // "represented by Putin’s aide Yuri Ushakov": past the possessive and the title.
        "Yuri Ushakov member_of Russia".to_owned(),
        // Reading left past a title: both of "X and National Security Advisor Y".
        format!("Faisal bin Farhan Al Saud attends {talks}"),
        format!("Musaid bin Mohammed Al Aiban attends {talks}"),
    ] {
        assert!(edges.contains(&expected), "{expected}: {edges:?}");
    }
}

const ONLY_PLACES: &str = "Talks resume\n\nPublished 2025-09-18\n\nIsrael and Hamas held talks in Egypt on Monday. Envoys later met in Geneva, Switzerland. The peace talks between the Colombian government and Clan del Golfo formally began in September 2025 in Doha, mediated by Qatar and other countries. The Colombian delegation will be led by Alvaro Jimenez.\n";

#[test]
fn a_state_named_only_as_a_place_is_no_party_and_a_passive_keeps_its_modal() {
    let model = model_of(ONLY_PLACES);
    let parties = labels_of_kind(&model, "actor");
    for place in ["Egypt", "Switzerland"] {
        assert!(!parties.contains(&place), "{place}: {parties:?}");
    }
    assert!(parties.contains(&"Israel") && parties.contains(&"Hamas"));
    let edges = edge_strings(&model);
    // A participle after the talks' place: "began … in Doha, mediated by Qatar".
    assert!(
        edges.contains(&"Qatar mediates Talks in Doha (September 2025)".to_owned()),
        "{edges:?}"
    );
    // "will be led by": the passive with its modal is expected.
    let led: Vec<&str> = model
        .edges
        .iter()
        .filter(|e| e.relation.as_str() == "leads")
        .map(|e| e.modality.as_str())
        .collect();
    assert_eq!(led, ["expected"]);
}

const BROUGHT: &str = "Envoys gather\n\nPublished 2025-11-23\n\nThe talks in Geneva on Sunday brought together Ukrainian presidential chief of staff Andrii Yermak, national security advisers from the United Kingdom, France, and Germany, and a high-level American delegation.\n";

#[test]
fn officers_in_the_plural_in_a_list_stand_for_their_states() {
    let model = model_of(BROUGHT);
    let edges = edge_strings(&model);
    let talks = "Talks in Geneva (23 November 2025)";
    // "chief of staff" is a title; "advisers from A, B, and C" after a comma are theirs.
    for party in ["Andrii Yermak", "United Kingdom", "France", "Germany"] {
        let expected = format!("{party} attends {talks}");
        assert!(edges.contains(&expected), "{expected}: {edges:?}");
    }
}

const CAPTION: &str = "Envoys meet\n\nPublished 2025-02-19\n\nU.S. Secretary of State Marco Rubio, second left, meets with U.S. Middle East envoy Steve Witkoff, left, Russian Foreign Minister Sergei Lavrov, right, and Russian President Vladimir Putin’s foreign policy advisor Yuri Ushakov, second right, at Diriyah Palace, in Riyadh, Saudi Arabia, Tuesday Feb. 18, 2025.\n";

#[test]
fn a_photo_caption_s_positions_and_a_possessive_office_do_not_break_its_list() {
    let model = model_of(CAPTION);
    let mut attending: Vec<&str> = model
        .edges
        .iter()
        .filter(|e| e.relation.as_str() == "attends")
        .map(|e| model.node_label(&e.source))
        .collect();
    attending.sort();
    // Not Putin, whose adviser Ushakov is.
    assert_eq!(
        attending,
        [
            "Marco Rubio",
            "Sergei Lavrov",
            "Steve Witkoff",
            "Yuri Ushakov"
        ]
    );
}
