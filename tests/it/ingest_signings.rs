//! Declarations signed between parties as agency copy from Doha reports them: a
//! declaration of principles signed somewhere between two parties, a signing ceremony
//! for it, its signatories after "signed by" in an aside, a deal's broker in an aside
//! before its signatories, and a meeting placed before the parties it is between.

use super::ingest::{edge_strings, labels_of_kind, model_of};

#[test]
fn a_declaration_signed_somewhere_between_two_parties_is_accepted_there_by_both() {
    let model = model_of(
        "Declaration welcomed\n\nPublished 2025-07-21\n\nThe declaration of principles signed in Doha between Israel and Hamas was welcomed.\n",
    );
    let edges = edge_strings(&model);
    for party in ["Israel", "Hamas"] {
        assert!(
            edges.contains(&format!("{party} accepts Declaration of principles")),
            "{party}: {edges:#?}"
        );
        assert!(
            edges
                .iter()
                .any(|e| e.starts_with(&format!("{party} attends Talks in Doha"))),
            "{party}: {edges:#?}"
        );
    }
}

#[test]
fn the_parties_a_declaration_being_signed_is_between_accept_it_and_its_signatories_too() {
    let model = model_of(
        "Doha signing\n\nPublished 2025-07-20\n\nQatar yesterday hosted a signing ceremony for a Declaration of Principles between the Government of the Democratic Republic of the Congo and the Congo River Alliance/March 23 Movement. This Declaration of Principles, signed by the Congolese Presidential Envoy Sumbu Sita Mambu and M23 Permanent Secretary Benjamin Mbonimpa, is regarded as a significant advancement.\n",
    );
    let edges = edge_strings(&model);
    for party in ["DR Congo", "M23", "Sumbu Sita Mambu", "Benjamin Mbonimpa"] {
        assert!(
            edges.contains(&format!("{party} accepts Declaration of Principles")),
            "{party}: {edges:#?}"
        );
    }
    assert!(edges.contains(&"Benjamin Mbonimpa member_of M23".to_owned()));
    // The Congo River Alliance is M23's coalition, not the Republic of the Congo.
    let mut actors = labels_of_kind(&model, "actor");
    actors.sort();
    assert_eq!(
        actors,
        ["Benjamin Mbonimpa", "DR Congo", "M23", "Sumbu Sita Mambu"],
        "{edges:#?}"
    );
    // Hoping for a deal between parties is no signing of it.
    let edges = edge_strings(&model_of(
        "Hopes\n\nPublished 2025-07-20\n\nEgypt hopes for a deal between Israel and Hamas.\n",
    ));
    assert!(!edges.iter().any(|e| e.contains(" accepts ")), "{edges:#?}");
}

#[test]
fn a_broker_in_an_aside_does_not_hide_what_the_signatories_signed() {
    let edges = edge_strings(&model_of(
        "Deal signed\n\nPublished 2025-07-20\n\nThe deal, brokered by Qatar, was signed by Israel and Hamas in Doha.\n",
    ));
    for expected in [
        "Qatar mediates Deal",
        "Israel accepts Deal",
        "Hamas accepts Deal",
    ] {
        assert!(
            edges.iter().any(|e| e.starts_with(expected)),
            "{expected}: {edges:#?}"
        );
    }
}

#[test]
fn a_meeting_placed_before_the_parties_it_is_between_is_attended_by_them() {
    let edges = edge_strings(&model_of(
        "Surprise meeting\n\nPublished 2025-03-19\n\nQatar hosted a surprise meeting in Doha between Israel and Hamas.\n",
    ));
    for party in ["Israel", "Hamas"] {
        assert!(
            edges
                .iter()
                .any(|e| e.starts_with(&format!("{party} attends Talks in Doha"))),
            "{party}: {edges:#?}"
        );
    }
    assert!(
        edges
            .iter()
            .any(|e| e.starts_with("Qatar hosts Talks in Doha")),
        "{edges:#?}"
    );
}

#[test]
fn bodies_that_endorse_a_framework_support_it_without_becoming_its_parties() {
    let edges = edge_strings(&model_of(
        "Framework\n\nPublished 2025-07-20\n\nBoth sides agreed to talk within the existing peace framework endorsed by the East African Community (EAC) and the African Union (AU).\n",
    ));
    for body in ["East African Community", "African Union"] {
        assert!(
            edges.contains(&format!("{body} supports Peace framework")),
            "{body}: {edges:#?}"
        );
    }
    assert!(!edges.iter().any(|e| e.contains(" accepts ")), "{edges:#?}");
}

#[test]
fn pressing_for_things_demands_each_of_them() {
    let edges = edge_strings(&model_of(
        "Paris\n\nPublished 2025-08-20\n\nEgyptian Foreign Minister Sameh Shoukry pressed for a sustainable ceasefire, the release of kidnapped civilians, and a safe land corridor for aid.\n",
    ));
    for thing in [
        "Sustainable ceasefire",
        "Release of kidnapped civilians",
        "Safe land corridor",
    ] {
        assert!(
            edges.contains(&format!("Sameh Shoukry demands {thing}")),
            "{thing}: {edges:#?}"
        );
    }
}

#[test]
fn capitals_that_act_are_pressed_or_back_a_group_relate_as_their_states() {
    let edges = edge_strings(&model_of(
        "Pressure\n\nPublished 2025-07-20\n\nKyiv warned Moscow against new attacks. The US has pressed Kinshasa to talk with Kigali\u{2011}backed M23.\n",
    ));
    for expected in [
        "Ukraine pressures Russia",
        "United States pressures DR Congo",
        "Rwanda supports M23",
    ] {
        assert!(
            edges.contains(&expected.to_owned()),
            "{expected}: {edges:#?}"
        );
    }
}
