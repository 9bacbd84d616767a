//! Groups and people as `ingest` finds them in articles written like wire copy about
//! juntas, rebel alliances and facilitated talks: the text's own names, short references
//! back to them, membership stated without a title.

use backchannel::model::Model;

use super::ingest::{edge_strings, ingested_model, labels_of_kind, model_of};

fn has_edge(model: &Model, source: &str, relation: &str, target: &str) -> bool {
    model.edges.iter().any(|e| {
        model.node_label(&e.source) == source
            && e.relation.as_str() == relation
            && model.node_label(&e.target) == target
    })
}

const JUNTA: &str = "No agreement at talks\n\nPublished 2024-03-06\n\nRepresentatives from the armed groups that make up the Three Brotherhood Alliance, the Ta’ang National Liberation Army (TNLA), the Arakan Army (AA), and the Myanmar National Democratic Alliance Army (MNDAA) attended the talks with the Myanmar junta. The talks took place in Kunming, China on Monday. The Three Brotherhood Alliance said little. In a significant development in Myanmar, the junta accepted the ceasefire. The AA deputy commander-in-chief, Dr. Nyo Twan Aung, said the Movement for Democracy and Justice in Myanmar backed it.\nChinese Envoy Facilitates Ceasefire\nThe Chadian sides were not there.\n";

#[test]
fn a_junta_its_references_and_an_alliance_s_members() {
    let model = model_of(JUNTA);
    let labels: Vec<&str> = model.nodes.iter().map(|n| n.label.as_str()).collect();
    // "the talks" before the article names them are the talks it names next.
    let talks = "Talks in Kunming (4 March 2024)";
    for member in [
        "Ta’ang National Liberation Army",
        "Arakan Army",
        "Myanmar National Democratic Alliance Army",
    ] {
        assert!(
            has_edge(&model, member, "member_of", "Three Brotherhood Alliance"),
            "{member}: {labels:?}"
        );
        assert!(has_edge(&model, member, "attends", talks), "{member}");
    }
    assert!(has_edge(&model, "Myanmar junta", "member_of", "Myanmar"));
    // "the junta" is the Myanmar junta; "in Myanmar," is where, not who.
    let accepting: Vec<&str> = model
        .edges
        .iter()
        .filter(|e| e.relation.as_str() == "accepts")
        .map(|e| model.node_label(&e.source))
        .collect();
    assert_eq!(accepting, ["Myanmar junta"]);
    // A title and a comma before the name; an organisation named once, past "for" and
    // "in".
    assert!(has_edge(
        &model,
        "Nyo Twan Aung",
        "member_of",
        "Arakan Army"
    ));
    assert!(labels.contains(&"Movement for Democracy and Justice in Myanmar"));
    // A heading's words after a title are no one's name; a state's sides are not it.
    assert!(
        !labels.iter().any(|l| l.contains("Facilitates")),
        "{labels:?}"
    );
    assert!(!labels.contains(&"Chad"), "{labels:?}");
}

const FACILITATED: &str = "Norway hosts talks in Oslo\n\nPublished 2023-11-29\n\nThe talks between the Philippine government and the National Democratic Front of the Philippines (NDFP) were held in Oslo on Monday. The NDFP delegation was led by Jose Maria Sison and Luis Jalandoni. Special Envoy Elisabeth Slåttum, the Norwegian facilitator for the talks, hosted the meetings in Oslo. Norway is committed, stated Erik Førner, the Norwegian Ambassador to the Philippines. The government and the NDFP signed the “Oslo Joint Communique” on Nov. 23 at Oslo City Hall. Diplomats hope the NDFP will sign a deal in Oslo.\n";

#[test]
fn delegation_leaders_appositive_titles_the_government_and_a_communique() {
    let model = model_of(FACILITATED);
    let labels: Vec<&str> = model.nodes.iter().map(|n| n.label.as_str()).collect();
    let front = "National Democratic Front of the Philippines";
    // The name spelled out and its acronym are one party.
    assert!(!labels.contains(&"NDFP"), "{labels:?}");
    assert!(has_edge(&model, "NDFP delegation", "member_of", front));
    // Named once, after "led by": people who lead.
    for leader in ["Jose Maria Sison", "Luis Jalandoni"] {
        assert!(
            has_edge(&model, leader, "leads", "NDFP delegation"),
            "{leader}: {labels:?}"
        );
    }
    // Undated, in a city the article names two dated meetings in: neither of them.
    assert!(has_edge(
        &model,
        "Elisabeth Slåttum",
        "hosts",
        "Talks in Oslo"
    ));
    assert!(has_edge(&model, "Erik Førner", "member_of", "Norway"));
    // "the government" is the one government the article named.
    for party in ["Philippine government", front] {
        assert!(
            has_edge(&model, party, "accepts", "Oslo Joint Communique"),
            "{party}"
        );
        assert!(has_edge(
            &model,
            party,
            "attends",
            "Talks in Oslo (23 November 2023)"
        ));
    }
    // A hope that a party will act is no fact, nor a forecast.
    let hoped = model
        .edges
        .iter()
        .find(|e| {
            e.relation.as_str() == "accepts"
                && model.node_label(&e.target) != "Oslo Joint Communique"
        })
        .expect("the deal hoped for");
    assert_eq!(hoped.modality.as_str(), "hypothetical");
}

/// The confidence of a relation between `source` and `target`, from its evidence.
fn confidence_of(model: &Model, source: &str, relation: &str, target: &str) -> Option<f32> {
    model
        .edges
        .iter()
        .find(|e| {
            model.node_label(&e.source) == source
                && e.relation.as_str() == relation
                && model.node_label(&e.target) == target
        })
        .and_then(|e| {
            e.evidence
                .iter()
                .filter_map(|r| r.confidence)
                .reduce(f32::max)
        })
}

const TITLED: &str = "Talks go on\n\nPublished 2024-03-06\n\nUkrainian Foreign Minister Dmytro Kuleba met Moldovan Prime Minister Dorin Recean in Bender on Monday. Moldovan Deputy Prime Minister Oleg Serebrian was there too. The Moldovan delegation left on Tuesday.\n";

#[test]
fn a_member_s_title_is_surer_evidence_of_membership_than_a_head_s_or_a_group_s_name() {
    let model = model_of(TITLED);
    let member = confidence_of(&model, "Dmytro Kuleba", "member_of", "Ukraine");
    let deputy = confidence_of(&model, "Oleg Serebrian", "member_of", "Moldova");
    let head = confidence_of(&model, "Dorin Recean", "member_of", "Moldova");
    let group = confidence_of(&model, "Moldovan delegation", "member_of", "Moldova");
    assert_eq!(member, Some(0.8), "{:?}", model.edges);
    assert_eq!(deputy, Some(0.8));
    assert_eq!(head, Some(0.7));
    assert_eq!(group, Some(0.7));
}

/// Wire copy about the Transnistria 5+2 format and the Colombia–FARC talks, written in
/// their style: mediators named by a description, by a relative clause, and countries
/// named as whose talks.
const GUARANTORS: &str = "Guarantors arrive\n\nPublished 2016-02-25\n\nNegotiations known as the 5+2 format talks involve Moldova and Transnistria as parties to the conflict, and Russia, Ukraine and the European security watchdog OSCE as mediators. Delegates from Cuba and Norway, who are guarantor nations in the peace talks between the Revolutionary Armed Forces of Colombia (FARC) and Colombia, arrived in Havana on Monday. Venezuela said the guarantors of the Colombian talks would meet again.\n";

#[test]
fn mediators_named_by_a_description_or_a_relative_clause_mediate_between_the_sides_named() {
    let model = model_of(GUARANTORS);
    let mediators = labels_of_kind(&model, "mediator");
    let edges = edge_strings(&model);
    // "the European security watchdog OSCE" joins the list read leftwards.
    for mediator in ["Russia", "Ukraine", "OSCE"] {
        assert!(mediators.contains(&mediator), "{mediator}: {mediators:?}");
        for side in ["Moldova", "Transnistria"] {
            assert!(
                has_edge(&model, mediator, "mediates", side),
                "{mediator} mediates {side}: {edges:?}"
            );
        }
    }
    // "Cuba and Norway, who are guarantor nations in the peace talks between the FARC
    // and Colombia": both guarantors, between both sides.
    for mediator in ["Cuba", "Norway"] {
        for side in ["Revolutionary Armed Forces of Colombia", "Colombia"] {
            assert!(
                has_edge(&model, mediator, "mediates", side),
                "{mediator} mediates {side}: {edges:?}"
            );
        }
    }
    // "guarantors of the Colombian talks" says whose talks, not who guarantees them.
    assert!(!mediators.contains(&"Colombia"), "{mediators:?}");
    assert!(!mediators.contains(&"Moldova"), "{mediators:?}");
    assert!(!mediators.contains(&"Transnistria"), "{mediators:?}");
}

const SUMMIT: &str = "Summit ends early\n\nPublished 2019-02-28\n\nUS President Donald Trump and North Korean leader Kim Jong Un met at the Metropole hotel in downtown Hanoi on Thursday. Kim meets Trump again later. Trump cut short the summit.\n";

#[test]
fn leaders_who_met_in_a_city_s_downtown_attend_a_summit_there() {
    let model = model_of(SUMMIT);
    let meetings = labels_of_kind(&model, "meeting");
    let hanoi = meetings
        .iter()
        .find(|label| label.contains("Hanoi"))
        .unwrap_or_else(|| panic!("no meeting in Hanoi: {meetings:?}"));
    assert!(hanoi.contains("28 February 2019"), "{hanoi}");
    for leader in ["Donald Trump", "Kim Jong Un"] {
        assert!(has_edge(&model, leader, "attends", hanoi), "{leader}");
    }
    // "downtown" describes where in Hanoi, it is no place of its own.
    assert!(
        !meetings.iter().any(|label| label.contains("downtown")),
        "{meetings:?}"
    );
}

const TWO_SIDES: &str = "Ceasefire agreed in Doha\n\nPublished 2025-10-19\n\nThe Qatari Foreign Ministry announced on Sunday a ceasefire agreement between Afghanistan and Pakistan. The two sides agreed to an immediate ceasefire. Clashes continued on both sides of the border.\n";

#[test]
fn the_two_sides_are_the_pair_the_article_named_before() {
    let model = model_of(TWO_SIDES);
    let edges = edge_strings(&model);
    let ceasefire = model
        .nodes
        .iter()
        .map(|node| node.label.as_str())
        .find(|label| label.to_lowercase().contains("ceasefire"))
        .unwrap_or_else(|| panic!("no ceasefire: {edges:?}"));
    for side in ["Afghanistan", "Pakistan"] {
        assert!(
            has_edge(&model, side, "accepts", ceasefire),
            "{side} accepts {ceasefire}: {edges:?}"
        );
    }
    // The mediator's ministry is no side.
    assert!(
        !edges
            .iter()
            .any(|edge| edge.contains("Qatar") && edge.contains("accepts")),
        "{edges:?}"
    );
}

const MINISTRY: &str = "Ceasefire announced\n\nPublished 2025-10-19\n\nThe Qatari Foreign Ministry announced a ceasefire agreement between Afghanistan and Pakistan. Qatar hosted the talks. Russia's defence ministry said the exchange with Ukraine was done. Russia sent a delegation.\n";

#[test]
fn a_ministry_named_after_its_state_is_part_of_it_and_announcing_a_deal_is_no_side_to_it() {
    let model = model_of(MINISTRY);
    let edges = edge_strings(&model);
    for (ministry, state) in [
        ("Qatari foreign ministry", "Qatar"),
        ("Russia's defence ministry", "Russia"),
    ] {
        assert!(
            has_edge(&model, ministry, "member_of", state),
            "{ministry} member_of {state}: {edges:?}"
        );
    }
    assert!(
        !edges
            .iter()
            .any(|edge| edge.contains("ministry accepts") || edge.starts_with("Qatar accepts")),
        "{edges:?}"
    );
}

const HONORIFIC: &str = "Talks in Doha\n\nPublished 2025-10-18\n\nThe Afghan side was headed by Defence Minister Mullah Yaqoob in Doha on Saturday. Pakistan's Directors General of Military Operations (DGMO) called later. India's National Security Advisor (NSA) Ajit Doval spoke.\n";

#[test]
fn one_name_after_an_honorific_or_a_title_s_acronym_is_a_person_and_an_office_is_no_party() {
    let model = model_of(HONORIFIC);
    let actors = labels_of_kind(&model, "actor");
    assert!(actors.contains(&"Mullah Yaqoob"), "{actors:?}");
    // The title's acronym in brackets between the title and the name.
    assert!(actors.contains(&"Ajit Doval"), "{actors:?}");
    assert!(
        !actors.iter().any(|label| label.contains("Directors")),
        "{actors:?}"
    );
}

const BODIES: &str = "Envoys meet\n\nPublished 2025-02-18\n\nTammy Bruce, State Department spokeswoman, said the meeting would be narrow. Russia sent Russian Direct Investment Fund chief Kirill Dmitriev to Riyadh.\n";

#[test]
fn a_body_named_once_before_a_title_is_an_organisation_with_its_officer() {
    let model = model_of(BODIES);
    // In an apposition, the body qualifies the title after the comma.
    assert!(has_edge(
        &model,
        "Tammy Bruce",
        "member_of",
        "State Department"
    ));
    assert!(has_edge(
        &model,
        "Kirill Dmitriev",
        "member_of",
        "Russian Direct Investment Fund"
    ));
}

#[test]
fn each_article_that_names_a_group_by_its_party_supports_the_membership() {
    let articles = [
        ("one.txt", "Envoys meet\n\nPublished 2025-02-18\n\nThe U.S. delegation arrived in Riyadh on Tuesday.\n"),
        ("two.txt", "Envoys talk\n\nPublished 2025-02-19\n\nThe US delegation included Secretary of State Marco Rubio.\n"),
    ]
    .map(|(name, text)| backchannel::ingest::SourceArticle {
        name: name.into(),
        text: text.into(),
    });
    let model = ingested_model(&articles);
    let membership = model
        .edges
        .iter()
        .find(|e| {
            e.relation.as_str() == "member_of" && model.node_label(&e.target) == "United States"
        })
        .expect("the delegation is the United States'");
    let mut cited: Vec<&str> = membership
        .evidence
        .iter()
        .map(|evidence| evidence.article_id.as_str())
        .collect();
    cited.sort();
    cited.dedup();
    assert_eq!(cited, ["a000", "a001"]);
}

#[test]
fn a_contingent_is_a_group_of_its_party_and_who_is_heading_it_leads_it() {
    let model = model_of(
        "Envoys meet\n\nPublished 2025-11-23\n\nTalks were held in Geneva. Chief of staff Andrii Yermak attended the talks. Yermak, heading the Ukrainian contingent, struck an optimistic tone.\n",
    );
    assert!(has_edge(
        &model,
        "Ukrainian contingent",
        "member_of",
        "Ukraine"
    ));
    let leads: Vec<(&str, &str)> = model
        .edges
        .iter()
        .filter(|e| e.relation.as_str() == "leads")
        .map(|e| (model.node_label(&e.source), e.modality.as_str()))
        .collect();
    // Heading a group is leading it now, not travelling.
    assert_eq!(leads, [("Andrii Yermak", "asserted")]);
}
