//! Attendance as agency copy from Putrajaya and Paris reports it without a verb of
//! meeting: ambassadors posted to a state, "were also in attendance", "Also attending the
//! meeting were", a minister who "represented Damascus at the meeting", and broker
//! participles joined by a non-breaking hyphen.

use super::ingest::{assert_members_attend, edge_strings, model_of};

const PUTRAJAYA: &str = "Talks in Putrajaya\n\nPublished 2025-07-28\n\nCeasefire talks between Thailand and Cambodia began in Putrajaya on Monday. Also attending the meeting were US Ambassador to Malaysia Edgard Kagan and Chinese Ambassador to Malaysia Ouyang Yujing. US official Mike Lee and Chinese envoy Li Ming were also in attendance.\n";

#[test]
fn ambassadors_posted_to_a_state_are_their_own_state_s_and_attend() {
    let model = model_of(PUTRAJAYA);
    let edges = edge_strings(&model);
    let talks = "Talks in Putrajaya (28 July 2025)";
    assert_members_attend(
        &edges,
        talks,
        &[
            ("Edgard Kagan", "United States"),
            ("Ouyang Yujing", "China"),
            ("Mike Lee", "United States"),
            ("Li Ming", "China"),
        ],
    );
    // The state an ambassador is posted to is none of theirs.
    assert!(
        !edges.iter().any(|e| e.contains("member_of Malaysia")),
        "{edges:#?}"
    );
}

#[test]
fn who_represented_a_capital_at_the_meeting_attended_it() {
    let edges = edge_strings(&model_of(
        "Paris talks\n\nPublished 2025-07-25\n\nSyrian and Israeli officials met in Paris on Thursday. Syrian Foreign Minister Assad Al Shibani represented Damascus at the meeting.\n",
    ));
    assert!(
        edges.contains(&"Assad Al Shibani attends Talks in Paris (24 July 2025)".to_owned()),
        "{edges:#?}"
    );
}

#[test]
fn a_broker_joined_by_a_non_breaking_hyphen_mediates() {
    // U+2011 between "Qatari" and "brokered", as some outlets print it.
    let edges = edge_strings(&model_of(
        "Declaration\n\nPublished 2025-07-20\n\nThe document was reached after three months of Qatari\u{2011}brokered talks in Doha.\n",
    ));
    assert!(
        edges
            .iter()
            .any(|e| e.starts_with("Qatar mediates Talks in Doha")),
        "{edges:#?}"
    );
}

#[test]
fn talks_once_thought_to_be_elsewhere_are_no_meeting_there() {
    let edges = edge_strings(&model_of(
        "Paris talks\n\nPublished 2025-07-25\n\nIt had initially been thought that the talks between Israel and Syria would take place in the Azerbaijani capital of Baku.\n",
    ));
    assert!(!edges.iter().any(|e| e.contains("Baku")), "{edges:#?}");
    // A plan that went ahead places its talks.
    let edges = edge_strings(&model_of(
        "Baku talks\n\nPublished 2025-07-25\n\nThe talks between Israel and Syria, initially planned for July, took place in Baku.\n",
    ));
    assert!(
        edges
            .iter()
            .any(|e| e.starts_with("Israel attends Talks in Baku")),
        "{edges:#?}"
    );
}

#[test]
fn an_envoy_for_a_state_and_a_surname_without_its_particle_are_read_as_news_style_writes_them() {
    let model = model_of(
        "Amman talks\n\nPublished 2025-08-20\n\nSyrian Foreign Minister Asaad al-Shaibani spoke on Monday. Shaibani met in Amman with Jordanian Foreign Minister Ayman Safadi and US Special Envoy for Syria Thomas Barrack. The pact was facilitated by Prime Minister Datuk Seri Anwar Ibrahim.\n",
    );
    let edges = edge_strings(&model);
    for person in ["Asaad al-Shaibani", "Ayman Safadi", "Thomas Barrack"] {
        assert!(
            edges.contains(&format!("{person} attends Talks in Amman")),
            "{person}: {edges:#?}"
        );
    }
    assert!(edges.contains(&"Thomas Barrack member_of United States".to_owned()));
    assert!(
        !edges
            .iter()
            .any(|e| e.contains("member_of Syria") && e.starts_with("Thomas"))
    );
    // "Datuk Seri" is an honour, no part of the name.
    assert!(
        edges
            .iter()
            .any(|e| e.starts_with("Anwar Ibrahim mediates")),
        "{edges:#?}"
    );
    // A surname whose bare form names a party keeps its particle: "al-Houthi" is never
    // the Houthis.
    let edges = edge_strings(&model_of(
        "Houthis\n\nPublished 2025-05-07\n\nHouthi leader Abdul-Malik al-Houthi spoke. The Houthi rebels accepted the deal.\n",
    ));
    assert!(
        edges.iter().any(|e| e.starts_with("Houthis accepts Deal")),
        "{edges:#?}"
    );
    assert!(
        !edges
            .iter()
            .any(|e| e.starts_with("Abdul-Malik al-Houthi accepts"))
    );
}
