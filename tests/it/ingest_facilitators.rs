//! Facilitators, agreements reached at a place, meetings held with others, regional
//! envoys, hope for a deal, "the arch foes", blame placed on a party or on each other,
//! and states named as places, as reports of talks in Cairo, Abu Dhabi and Rome put them
//! (written in the style of set 22's articles, not copied from them).

use super::ingest::{assert_accept_and_attend, edge_strings, labels_of_kind, model_of};

const CAIRO: &str = "Agreement in Cairo\n\nPublished 2025-09-10\n\nCAIRO – 10 September 2025: Iran and the UN nuclear watchdog reached an agreement on Tuesday in Cairo under Egyptian facilitation. President Abdel Fattah El-Sisi hailed the agreement. Foreign Minister (Abbas) Araghchi called it a step.\n";

#[test]
fn an_agreement_reached_at_a_place_under_a_state_s_facilitation() {
    let model = model_of(CAIRO);
    let edges = edge_strings(&model);
    let talks = "Talks in Cairo (9 September 2025)";
    assert_accept_and_attend(
        &edges,
        talks,
        "Agreement",
        &["Iran", "International Atomic Energy Agency"],
    );
    assert!(
        edges.contains(&format!("Egypt mediates {talks}")),
        "{edges:#?}"
    );
    assert!(
        edges
            .iter()
            .any(|e| e.starts_with("Abdel Fattah al-Sisi supports Agreement")),
        "hailing is supporting: {edges:#?}"
    );
    // "UN nuclear watchdog" names the IAEA, not the UN; "(Abbas)" is no Mahmoud Abbas.
    let mut parties = labels_of_kind(&model, "actor");
    parties.sort();
    assert!(!parties.contains(&"United Nations"), "{parties:?}");
    assert!(!parties.contains(&"Mahmoud Abbas"), "{parties:?}");
}

#[test]
fn a_meeting_hosted_and_facilitated_by_a_state_in_the_state_named_with_the_and_its_abbreviation() {
    let model = model_of(
        "Leaders meet\n\nPublished 2025-07-10\n\nAzerbaijani President Ilham Aliyev and Armenian Prime Minister Nikol Pashinyan held a meeting in the United Arab Emirates (UAE) on Thursday. The meeting, hosted and facilitated by the UAE, was their first since they agreed on the text in March. The leaders flew on from the UAE capital.\n",
    );
    let edges = edge_strings(&model);
    let talks = "Talks in United Arab Emirates (10 July 2025)";
    for person in ["Ilham Aliyev", "Nikol Pashinyan"] {
        assert!(
            edges.contains(&format!("{person} attends {talks}")),
            "{person}: {edges:#?}"
        );
    }
    assert!(
        edges.contains(&format!("United Arab Emirates hosts {talks}")),
        "{edges:#?}"
    );
    assert!(
        edges.contains(&format!("United Arab Emirates mediates {talks}")),
        "{edges:#?}"
    );
    // One state, by name and abbreviation; no meeting dated by the "since" clause.
    assert_eq!(labels_of_kind(&model, "meeting"), [talks]);
    assert!(!labels_of_kind(&model, "actor").contains(&"UAE"));
}

#[test]
fn an_envoy_to_a_region_is_of_the_state_before_the_title_and_pushing_for_is_demanding() {
    let edges = edge_strings(&model_of(
        "Rome round\n\nPublished 2025-04-19\n\nUS special envoy to the Middle East Steve Witkoff met Iranian officials on Saturday in Rome. President Donald Trump has been pushing for a rapid deal.\n",
    ));
    assert!(
        edges.contains(&"Steve Witkoff member_of United States".to_owned()),
        "{edges:#?}"
    );
    assert!(
        edges.contains(&"Steve Witkoff attends Talks in Rome (19 April 2025)".to_owned()),
        "{edges:#?}"
    );
    assert!(
        edges
            .iter()
            .any(|e| e.starts_with("Donald Trump demands Deal")),
        "{edges:#?}"
    );
}

#[test]
fn a_minister_met_ahead_of_the_talks_is_not_at_them() {
    let edges = edge_strings(&model_of(
        "Rome round\n\nPublished 2025-04-19\n\nIran and the US began talks in Rome on Saturday. Italian Foreign Minister Antonio Tajani met his Iranian counterpart ahead of the talks.\n",
    ));
    assert!(
        !edges
            .iter()
            .any(|e| e.starts_with("Antonio Tajani attends")),
        "{edges:#?}"
    );
    assert!(
        edges.contains(&"Antonio Tajani member_of Italy".to_owned()),
        "{edges:#?}"
    );
}

#[test]
fn those_a_meeting_at_a_place_was_held_with_attend_it() {
    let edges = edge_strings(&model_of(
        "Cairo meeting\n\nPublished 2025-09-09\n\nEgyptian Foreign Minister Badr Abdelatty held a meeting in Cairo with Iranian Foreign Minister Abbas Araghchi on Tuesday.\n",
    ));
    let talks = "Talks in Cairo (9 September 2025)";
    for person in ["Badr Abdelatty", "Abbas Araghchi"] {
        assert!(
            edges.contains(&format!("{person} attends {talks}")),
            "{person}: {edges:#?}"
        );
    }
}

#[test]
fn hope_expressed_for_a_deal_supports_it_and_arch_foes_are_the_pair_named_before() {
    let edges = edge_strings(&model_of(
        "Peace deal\n\nPublished 2025-07-09\n\nU.S. Secretary of State Marco Rubio expressed hope for a swift peace deal. The United States has also recently signaled hope for a peace deal. Baku and Yerevan fought two wars. The arch foes agreed on the text of the peace deal in March.\n",
    ));
    for party in ["Marco Rubio", "United States"] {
        assert!(
            edges.contains(&format!("{party} supports Peace deal")),
            "{party}: {edges:#?}"
        );
    }
    for party in ["Armenia", "Azerbaijan"] {
        assert!(
            edges.contains(&format!("{party} accepts Peace deal")),
            "{party}: {edges:#?}"
        );
    }
}

#[test]
fn blame_placed_on_a_party_and_blame_each_other_are_blames() {
    let edges = edge_strings(&model_of(
        "Impasse\n\nPublished 2024-05-06\n\nHamas placed blame for the lack of progress on Netanyahu. Israel and Hamas met in Cairo on Sunday. On Monday, both sides blamed each other for the impasse.\n",
    ));
    for blame in [
        "Hamas blames Benjamin Netanyahu",
        "Israel blames Hamas",
        "Hamas blames Israel",
    ] {
        assert!(edges.contains(&blame.to_owned()), "{blame}: {edges:#?}");
    }
}
