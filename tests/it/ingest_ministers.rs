//! Ministers and heads of state as agency copy from Luanda, Ohrid and Muscat names them:
//! listed with their portfolios between commas, a mediator's phrase before the parties
//! that act, a head of state absent, places of talks described at length, a deal
//! mediated between a state's movement and another party, and people whose surname is
//! joined to a particle.

use backchannel::model::Model;

use super::ingest::{
    assert_accept_and_attend, assert_members_attend, edge_strings, edges_with_modality,
    labels_of_kind, model_of,
};

const LUANDA: &str = "Ministers agree plan in Luanda\n\nPublished 2024-10-14\n\nAt the fourth ministerial meeting held in Luanda on Saturday, under the mediation of Angola, the DRC and Rwanda reached an agreement on a plan to disarm the militia. The delegations were led by Thérèse Kayikwamba Wagner, Minister of State, Foreign Affairs and Francophonie of the DRC, Olivier Nduhungirehe, Minister of Foreign Affairs and International Cooperation of Rwanda, and Téte António, Angolan Minister of Foreign Affairs.\n";

const SUMMIT: &str = "Summit held without Kagame\n\nPublished 2024-12-16\n\nThe summit in Luanda on Sunday took place in the absence of the President of Rwanda, Paul Kagame. The summit was also attended by the Kenya former head of state, Uhuru Kenyatta, as facilitator of another process.\n";

fn meetings(model: &Model) -> Vec<&str> {
    let mut labels = labels_of_kind(model, "meeting");
    labels.sort();
    labels
}

#[test]
fn a_mediation_phrase_before_the_parties_is_the_mediator_s_alone() {
    let model = model_of(LUANDA);
    let edges = edge_strings(&model);
    let talks = "Talks in Luanda (12 October 2024)";
    assert!(
        edges.contains(&format!("Angola mediates {talks}")),
        "{edges:#?}"
    );
    // "Angola, the DRC and Rwanda reached": the phrase ends at its comma.
    assert_eq!(labels_of_kind(&model, "mediator"), ["Angola"], "{edges:#?}");
    // "At the fourth ministerial meeting …, the DRC and Rwanda reached": they were there.
    assert_accept_and_attend(&edges, talks, "Agreement", &["DR Congo", "Rwanda"]);
}

#[test]
fn people_listed_with_their_portfolios_are_each_their_state_s_and_attend() {
    let model = model_of(LUANDA);
    let edges = edge_strings(&model);
    let talks = "Talks in Luanda (12 October 2024)";
    // Who leads the delegations takes part in the talks.
    assert_members_attend(
        &edges,
        talks,
        &[
            ("Thérèse Kayikwamba Wagner", "DR Congo"),
            ("Olivier Nduhungirehe", "Rwanda"),
            ("Téte António", "Angola"),
        ],
    );
    // "Angolan Minister" ends the list: Angola is a title's party, not one more delegate.
    assert!(
        !edges.contains(&format!("Angola attends {talks}")),
        "{edges:#?}"
    );
}

#[test]
fn a_head_of_state_absent_did_not_attend_and_a_former_one_is_his_own() {
    let model = model_of(SUMMIT);
    let edges = edges_with_modality(&model);
    let summit = "Talks in Luanda (15 December 2024)";
    assert!(
        edges.contains(&format!("Paul Kagame attends {summit} (negated)")),
        "{edges:#?}"
    );
    assert!(
        edges.contains(&"Paul Kagame member_of Rwanda (asserted)".to_owned()),
        "{edges:#?}"
    );
    assert!(
        edges.contains(&format!("Uhuru Kenyatta attends {summit} (asserted)")),
        "{edges:#?}"
    );
    // A former office is no membership, and the state of a title attends nothing.
    assert!(
        !edges
            .iter()
            .any(|e| e.starts_with("Kenya ") || e.contains("member_of Kenya"))
    );
}

#[test]
fn places_of_talks_described_at_length_or_after_a_state_s_possessive_are_found_and_one_negotiation_is_talks()
 {
    let cases = [
        (
            "Talks in a lakeside resort\n\nPublished 2023-03-18\n\nEU foreign policy chief Josep Borrell spoke after nearly 12 hours of talks in the North Macedonian lakeside resort of Ohrid on Saturday.\n",
            "Talks in Ohrid (18 March 2023)",
        ),
        (
            "Talks in Ohrid\n\nPublished 2023-03-18\n\nBorrell tweeted after 12 hours of talks by Serbian President Aleksandar Vucic, Kosovo Prime Minister Albin Kurti and EU officials in Ohrid, North Macedonia.\n",
            "Talks in Ohrid",
        ),
        (
            "Marathon in Ohrid\n\nPublished 2023-03-18\n\nThe envoy spoke after twelve hours of marathon negotiations in North Macedonia’s Ohrid by the lake.\n",
            "Talks in Ohrid",
        ),
        (
            "Talks extended\n\nThe ministerial delegations, under the mediation of Angola, will continue this Thursday in Luanda the negotiation of the peace agreement.\n",
            "Talks in Luanda",
        ),
    ];
    for (text, meeting) in cases {
        let model = model_of(text);
        assert_eq!(meetings(&model), [meeting], "{text}");
    }
    // The first names the EU's foreign policy chief; the second the talks' parties, by
    // whom the talks were held, where EU officials were too.
    let model = model_of(cases[0].0);
    assert!(edge_strings(&model).contains(&"Josep Borrell member_of European Union".to_owned()));
    let model = model_of(cases[1].0);
    let edges = edge_strings(&model);
    for person in ["Aleksandar Vucic", "Albin Kurti"] {
        assert!(
            edges.contains(&format!("{person} attends Talks in Ohrid")),
            "{edges:#?}"
        );
    }
}

#[test]
fn a_deal_mediated_between_parties_is_what_is_mediated_and_a_state_s_movement_names_no_party() {
    let model = model_of(
        "Oman brokers truce\n\nPublished 2025-05-06\n\nOman said it mediated a ceasefire deal between Yemen's Houthis and the United States.\n",
    );
    let edges = edge_strings(&model);
    // The deal (and the headline's truce, "Oman brokers truce") is what is mediated,
    // never the parties between which it was made.
    let mediated: Vec<&String> = edges.iter().filter(|e| e.contains(" mediates ")).collect();
    assert!(
        mediated.contains(&&"Oman mediates Ceasefire deal".to_owned()),
        "{edges:#?}"
    );
    assert!(
        mediated
            .iter()
            .all(|e| e.starts_with("Oman mediates Ceasefire deal")
                || e.starts_with("Oman mediates Truce")),
        "{edges:#?}"
    );
    // "Yemen's Houthis": Yemen is where the Houthis are, no party of the article.
    let mut actors = labels_of_kind(&model, "actor");
    actors.sort();
    assert_eq!(actors, ["Houthis", "United States"]);
}

#[test]
fn a_surname_joined_to_a_particle_and_a_body_after_head_of_the_are_found() {
    let model = model_of(
        "Houthis weigh truce\n\nPublished 2025-05-07\n\nIn a post on X, Mohammed Ali al-Houthi, head of the Houthi Revolutionary Committee, said the halt would be evaluated. Josep Borrell, the EU foreign policy chief, said talks should go on.\n",
    );
    let edges = edge_strings(&model);
    assert!(
        edges.contains(
            &"Mohammed Ali al-Houthi member_of Houthi Revolutionary Committee".to_owned()
        ),
        "{edges:#?}"
    );
    assert!(
        edges.contains(&"Josep Borrell member_of European Union".to_owned()),
        "{edges:#?}"
    );
}

#[test]
fn a_delegation_led_past_where_it_went_is_led_by_its_head() {
    let model = model_of(
        "Mossad chief in Cairo\n\nPublished 2024-05-06\n\nThe Israeli delegation to the talks in Cairo was led by David Barnea.\n",
    );
    let edges = edge_strings(&model);
    assert!(
        edges.contains(&"David Barnea leads Israeli delegation".to_owned()),
        "{edges:#?}"
    );
}

#[test]
fn a_state_s_demonym_before_a_group_of_its_people_names_no_state() {
    let model = model_of(
        "Houthis halt attacks\n\nPublished 2025-05-07\n\nThe Houthis accepted the ceasefire deal. The Yemeni group said it would stop attacks on US ships, and Syrian rebels welcomed it. The Yemeni government rejected the deal.\n",
    );
    let mut actors = labels_of_kind(&model, "actor");
    actors.sort();
    // Yemen stands only as the Yemeni government's state; Syria not at all.
    assert_eq!(
        actors,
        ["Houthis", "United States", "Yemen", "Yemeni government"],
        "{:#?}",
        edge_strings(&model)
    );
    let edges = edge_strings(&model);
    assert!(edges.contains(&"Yemeni government member_of Yemen".to_owned()));
    assert!(!edges.iter().any(|e| e.starts_with("Yemen ")), "{edges:#?}");
}

#[test]
fn they_opening_a_sentence_are_the_two_the_sentence_before_named_as_its_subject() {
    let model = model_of(
        "Serbia and Kosovo agree\n\nPublished 2023-03-18\n\nSerbian President Aleksandar Vucic and Kosovo Prime Minister Albin Kurti have reached an agreement. They agreed last month to the EU plan.\n",
    );
    let edges = edge_strings(&model);
    for person in ["Aleksandar Vucic", "Albin Kurti"] {
        assert!(
            edges.contains(&format!("{person} accepts EU plan")),
            "{person}: {edges:#?}"
        );
    }
    // The sentence right before names the two as its subject: they accept.
    let edges = edge_strings(&model_of(
        "Talks in Cairo\n\nPublished 2024-05-06\n\nIsrael and Hamas held talks in Cairo. They accepted the ceasefire proposal.\n",
    ));
    for party in ["Israel", "Hamas"] {
        assert!(
            edges.contains(&format!("{party} accepts Ceasefire proposal")),
            "{party}: {edges:#?}"
        );
    }
    // One party, or a sentence between, leaves "They" unresolved.
    for text in [
        "Talks in Cairo\n\nPublished 2024-05-06\n\nHamas rejected the deal. They accepted the ceasefire proposal.\n",
        "Talks in Cairo\n\nPublished 2024-05-06\n\nIsrael and Hamas held talks in Cairo. Egypt spoke. They accepted the ceasefire proposal.\n",
    ] {
        let edges = edge_strings(&model_of(text));
        assert!(
            !edges
                .iter()
                .any(|e| e.contains(" accepts Ceasefire proposal")),
            "{text}: {edges:#?}"
        );
    }
}
