//! Hosts, facilitators, visits and departures as `ingest` reads them in wire copy about
//! talks brokered by third states (written in the style of the Saudi–Iran, Thai–BRN and
//! intra-Afghan reports, not copied from them).

use super::ingest::{edge_strings as edges, labels_of_kind, model_of};

const HOSTS: &str = "Rivals restore ties\n\nPublished 2023-03-10\n\nIraq, a neighbour of both countries, had hosted several rounds of talks between Iran and Saudi Arabia since April 2021. In their statement the two countries thanked Oman for hosting talks in 2022. The official news agency IRNA said the statement was signed. IRNA added that embassies would reopen. The official Saudi Press Agency also published the statement.\n";

#[test]
fn a_state_that_hosted_talks_is_their_place_and_one_thanked_for_hosting_is_a_mediator() {
    let model = model_of(HOSTS);
    let edges = edges(&model);
    let meetings = labels_of_kind(&model, "meeting");
    assert_eq!(meetings, ["Talks in Iraq (April 2021)"], "{edges:?}");
    for expected in [
        "Iraq hosts Talks in Iraq (April 2021)",
        "Iran attends Talks in Iraq (April 2021)",
        "Saudi Arabia attends Talks in Iraq (April 2021)",
    ] {
        assert!(edges.iter().any(|e| e == expected), "{expected}: {edges:?}");
    }
    let mediators = labels_of_kind(&model, "mediator");
    assert_eq!(mediators, ["Iraq", "Oman"], "{edges:?}");
    // Thanked for talks the sentence places nowhere: Oman hosts none of the meetings.
    assert!(
        !edges.iter().any(|e| e.starts_with("Oman hosts")),
        "{edges:?}"
    );
    // News agencies quote the parties; they are none.
    let labels: Vec<&str> = model.nodes.iter().map(|n| n.label.as_str()).collect();
    assert!(!labels.contains(&"IRNA"), "{labels:?}");
    assert!(!labels.iter().any(|l| l.contains("Agency")), "{labels:?}");
}

const FACILITATOR: &str = "Rebels agree\n\n11 July 2024\n\nMore separatist groups will be invited to join the BRN in peace talks with the Thai government, the Malaysian facilitator of the peace process said on Wednesday. A news site quoted former Malaysian military chief Zulkifli Zainal Abidin as saying the BRN had agreed. Zulkifli chaired the recent two-day peace talks in Kuala Lumpur, attended by Gen Wallop Raksanoh who headed the Thai delegation. Gen Wallop said the talks ended on Wednesday.\n";

#[test]
fn a_facilitator_called_by_his_given_name_mediates_the_talks_he_chaired() {
    let model = model_of(FACILITATOR);
    let edges = edges(&model);
    let meeting = "Talks in Kuala Lumpur (10 July 2024)";
    assert!(
        edges
            .iter()
            .any(|e| *e == format!("Zulkifli Zainal Abidin mediates {meeting}")),
        "{edges:?}"
    );
    assert!(
        edges
            .iter()
            .any(|e| *e == format!("Wallop Raksanoh attends {meeting}")),
        "{edges:?}"
    );
    let mediators = labels_of_kind(&model, "mediator");
    assert!(
        mediators.contains(&"Zulkifli Zainal Abidin"),
        "{mediators:?}"
    );
    // "talks with the Thai government, the Malaysian facilitator said": the comma parts
    // the talks' party from the facilitator.
    assert!(!mediators.contains(&"Thai government"), "{mediators:?}");
    let wallop = model
        .nodes
        .iter()
        .find(|n| n.label == "Wallop Raksanoh")
        .expect("Gen Wallop Raksanoh is a person");
    assert!(
        wallop.aliases.iter().any(|a| a == "Wallop"),
        "{:?}",
        wallop.aliases
    );
}

const TRAVEL: &str = "Talks to start\n\nThe Washington Times - Thursday, September 10, 2020\n\nU.S. officials expressed hope Thursday, after it was announced that the talks will begin Saturday in Doha, Qatar. The negotiating team left Kabul for Doha. The meeting took place in the Qatari capital as Afghan President Ashraf Ghani visited the region. Washington's Afghanistan special envoy Zalmay Khalilzad and Admiral Ali Shamkhani, Secretary of Iran's Supreme National Security Council, were there.\n";

#[test]
fn the_place_s_own_clause_dates_talks_and_a_visit_or_a_departure_is_no_attending() {
    let model = model_of(TRAVEL);
    let edges = edges(&model);
    let meetings = labels_of_kind(&model, "meeting");
    // Saturday after the Thursday the article is dated, not the Thursday itself; the
    // city the team left is no place of talks.
    assert!(
        meetings.contains(&"Talks in Doha (12 September 2020)"),
        "{meetings:?}"
    );
    assert!(
        meetings
            .iter()
            .all(|label| label.starts_with("Talks in Doha")),
        "{meetings:?}"
    );
    assert!(
        !edges.iter().any(|e| e.starts_with("Ashraf Ghani attends")),
        "{edges:?}"
    );
    // The possessive before the office's field is the envoy's party; a body of Iran's is
    // the Secretary's, not Iran itself.
    assert!(
        edges
            .iter()
            .any(|e| e == "Zalmay Khalilzad member_of United States"),
        "{edges:?}"
    );
    assert!(
        !edges
            .iter()
            .any(|e| e == "Zalmay Khalilzad member_of Afghanistan"),
        "{edges:?}"
    );
    assert!(
        !edges.iter().any(|e| e == "Ali Shamkhani member_of Iran"),
        "{edges:?}"
    );
    let article = model.articles.first().expect("one article");
    assert_eq!(article.outlet, "The Washington Times");
}

const ANNOUNCED: &str = "Ties restored\n\nPublished 2023-04-06\n\nIran and Saudi Arabia announced an agreement last month to restore relations. Tehran and Riyadh announced the agreement after talks in Beijing. The Afghan delegation will be in Doha for the talks on Saturday.\n";

#[test]
fn those_who_announce_an_agreement_accept_it_and_being_in_a_city_for_talks_is_attending() {
    let model = model_of(ANNOUNCED);
    let edges = edges(&model);
    for party in ["Iran", "Saudi Arabia"] {
        assert!(
            edges
                .iter()
                .any(|e| e.starts_with(&format!("{party} accepts Agreement"))),
            "{party}: {edges:?}"
        );
    }
    let attending = model
        .edges
        .iter()
        .find(|e| {
            model.node_label(&e.source) == "Afghan delegation"
                && e.relation.as_str() == "attends"
                && model.node_label(&e.target).starts_with("Talks in Doha")
        })
        .unwrap_or_else(|| panic!("the delegation attends the Doha talks: {edges:?}"));
    assert_eq!(attending.modality.as_str(), "expected", "it will be there");
}

const SPEAKERS: &str = "Talks open\n\nPublished 2020-09-12\n\nPeace talks between the Afghan government and the Taliban opened in Doha on Saturday. Key speakers at the opening ceremony at a hotel in Doha included Abdullah Abdullah, chairperson of Afghanistan's High Council for National Reconciliation, Taliban deputy leader Mullah Abdul Ghani Baradar and US Secretary of State Mike Pompeo.\n";

#[test]
fn a_speaker_a_ceremony_s_speakers_include_attends_it() {
    let model = model_of(SPEAKERS);
    let edges = edges(&model);
    // The first speaker, named before an appositive title; the list past the appositive
    // ("…, Taliban deputy leader Mullah Abdul Ghani Baradar and …") is not read yet.
    assert!(
        edges
            .iter()
            .any(|e| e == "Abdullah Abdullah attends Talks in Doha (12 September 2020)"),
        "{edges:?}"
    );
}
