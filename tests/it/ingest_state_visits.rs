//! Talks as reports of a border treaty signed on a state visit, a handshake that seals an
//! agreement and envoys' meetings in a capital name them: Central Asian demonyms, a visit
//! to a city or a state, "shook hands in", meetings that "took place in" a city between
//! the parties, a government or a presidency named in the text's own words, and a title
//! "head" after its body (written in the style of set 25's articles, not copied from
//! them); and two forms the seed articles use: a body's acronym in brackets before a
//! title, and a proposal named with its proposer's demonym before "to" its addressee.

use super::ingest::{
    assert_members_attend, edge_strings, edges_with_modality, labels_of_kind, model_of,
};

#[test]
fn central_asian_presidents_are_their_states_people_and_a_state_visit_is_being_there() {
    let model = model_of(
        "Border treaty\n\nPublished 2025-03-13\n\nUzbek President Shavkat Mirziyoyev and Kazakh President Kassym-Jomart Tokayev, who was on a state visit to Tashkent, signed a border treaty on Thursday. Kyrgyz and Tajik ministers attended.\n",
    );
    let edges = edge_strings(&model);
    for (person, party) in [
        ("Shavkat Mirziyoyev", "Uzbekistan"),
        ("Kassym-Jomart Tokayev", "Kazakhstan"),
    ] {
        assert!(
            edges.contains(&format!("{person} member_of {party}")),
            "{person}: {edges:#?}"
        );
    }
    assert!(
        edges.contains(
            &"Kassym-Jomart Tokayev attends Talks in Tashkent (13 March 2025)".to_owned()
        ),
        "{edges:#?}"
    );
    let parties = labels_of_kind(&model, "actor");
    for state in ["Kyrgyzstan", "Tajikistan"] {
        assert!(parties.contains(&state), "{state}: {parties:?}");
    }
}

#[test]
fn a_state_visit_to_a_state_to_hold_talks_is_a_planned_meeting_there() {
    let model = model_of(
        "State visit\n\nPublished 2025-03-11\n\nKazakh President Kassym-Jomart Tokayev will pay a state visit to Uzbekistan on Wednesday to hold talks with Uzbek President Shavkat Mirziyoyev.\n",
    );
    let edges = edges_with_modality(&model);
    for person in ["Kassym-Jomart Tokayev", "Shavkat Mirziyoyev"] {
        assert!(
            edges.contains(&format!(
                "{person} attends Talks in Uzbekistan (12 March 2025) (expected)"
            )),
            "{person}: {edges:#?}"
        );
    }
    // A visit to a state that is not paid is none: "the visit was cancelled" names no
    // place, and "visitors to Uzbekistan" none either.
    let model = model_of(
        "Tourism\n\nPublished 2025-03-11\n\nVisitors to Uzbekistan rose last year, the ministry said.\n",
    );
    assert!(labels_of_kind(&model, "meeting").is_empty());
}

#[test]
fn a_handshake_in_a_city_is_a_meeting_there() {
    let model = model_of(
        "Deal\n\nPublished 2025-03-10\n\nPhotos showed Syria's interim President Ahmed al-Sharaa and SDF commander Mazloum Abdi shaking hands in Damascus on the agreement.\n",
    );
    assert_members_attend(
        &edge_strings(&model),
        "Talks in Damascus",
        &[
            ("Ahmed al-Sharaa", "Syria"),
            ("Mazloum Abdi", "Syrian Democratic Forces"),
        ],
    );
    // Shaking hands there to seal an agreement is accepting it.
    let model = model_of(
        "Deal\n\nPublished 2025-03-10\n\nSyrian President Ahmed al-Sharaa and SDF commander Mazloum Abdi shook hands in Damascus to seal the agreement.\n",
    );
    let edges = edge_strings(&model);
    for person in ["Ahmed al-Sharaa", "Mazloum Abdi"] {
        assert!(
            edges
                .iter()
                .any(|edge| edge.starts_with(&format!("{person} accepts "))),
            "{person}: {edges:#?}"
        );
    }
    // Hands shaken by a blast are none.
    let model = model_of(
        "Blast\n\nPublished 2025-03-10\n\nA blast shook buildings in Damascus on Monday.\n",
    );
    assert!(labels_of_kind(&model, "meeting").is_empty());
}

#[test]
fn meetings_that_took_place_in_a_city_between_parties_are_attended_by_them() {
    let model = model_of(
        "Doha\n\nPublished 2025-03-09\n\nHamas official Taher al-Nono said meetings took place in Doha between Hamas leaders and U.S. special envoy Adam Boehler in recent days.\n",
    );
    let edges = edge_strings(&model);
    for party in ["Hamas", "Adam Boehler"] {
        assert!(
            edges.contains(&format!("{party} attends Talks in Doha")),
            "{party}: {edges:#?}"
        );
    }
    assert!(
        edges.contains(&"Adam Boehler member_of United States".to_owned()),
        "{edges:#?}"
    );
}

#[test]
fn a_government_or_presidency_is_named_in_the_texts_words_and_a_head_after_a_body_is_a_title() {
    let model = model_of(
        "Deal\n\nPublished 2025-03-10\n\nSyrian Transitional Administration head Ahmad al-Shara reached a deal with the Syrian Democratic Forces, the Kyrgyz presidency said. The Syrian interim government will implement it.\n",
    );
    let edges = edge_strings(&model);
    for group in ["Syrian Transitional Administration", "Kyrgyz presidency"] {
        let party = if group.starts_with("Syrian") {
            "Syria"
        } else {
            "Kyrgyzstan"
        };
        assert!(
            edges.contains(&format!("{group} member_of {party}")),
            "{group}: {edges:#?}"
        );
    }
    // "head" is a title here, not a verb: the administration leads no one.
    assert!(
        !edges.iter().any(|edge| edge.contains(" leads ")),
        "{edges:#?}"
    );
    assert!(
        edges
            .iter()
            .any(|edge| edge.starts_with("Ahmad al-Shara accepts Deal")),
        "{edges:#?}"
    );
    // The interim government and the transitional administration are one government of
    // Syria, labelled as the text first names it.
    let parties = labels_of_kind(&model, "actor");
    assert!(
        !parties.contains(&"Syrian interim government"),
        "{parties:?}"
    );
}

#[test]
fn an_envoy_for_a_portfolio_and_an_adviser_to_a_leader_are_their_parties_people() {
    let model = model_of(
        "Envoy\n\nPublished 2025-03-09\n\nU.S. Special Envoy for Hostage Affairs Adam Boehler met Hamas officials. Mahmoud Mardawi, a political adviser to Hamas's leader, confirmed the meeting. White House hostage envoy Ann Keller said it went well.\n",
    );
    let edges = edge_strings(&model);
    for (person, party) in [
        ("Adam Boehler", "United States"),
        ("Mahmoud Mardawi", "Hamas"),
        ("Ann Keller", "United States"),
    ] {
        assert!(
            edges.contains(&format!("{person} member_of {party}")),
            "{person}: {edges:#?}"
        );
    }
    // The portfolio's words are nobody's name.
    let people = labels_of_kind(&model, "actor");
    assert!(
        !people.iter().any(|label| label.contains("Hostage")),
        "{people:?}"
    );
}

#[test]
fn a_suggested_swap_is_proposed_and_a_bracketed_road_is_no_one() {
    let model = model_of(
        "Swap\n\nPublished 2025-03-09\n\nBoehler said that Hamas had suggested a prisoners-for-hostages swap.\n",
    );
    let edges = edge_strings(&model);
    assert!(
        edges
            .iter()
            .any(|edge| edge.starts_with("Hamas proposes ") && edge.contains("wap")),
        "{edges:#?}"
    );
    // Checkpoints listed with their kind in brackets, one of them named again alone.
    let model = model_of(
        "Checkpoints\n\nPublished 2025-03-13\n\nThe presidents opened two checkpoints:\nKyzyl-Bel (Road)\nKayragach (Road)\nKayragach had been closed since 2021.\n",
    );
    let people: Vec<&str> = model
        .nodes
        .iter()
        .filter(|node| node.subtype == Some(backchannel::model::Subtype::Person))
        .map(|node| node.label.as_str())
        .collect();
    assert!(people.is_empty(), "{people:?}");
}

#[test]
fn a_sealed_agreement_and_one_announced_on_a_weekday_are_accepted() {
    let model = model_of(
        "Deal\n\nPublished 2025-03-10\n\nSyrian President Ahmed al-Sharaa and SDF commander Mazloum Abdi sealed the agreement in Damascus. The Kurdish-led Syrian Democratic Forces announced on Monday an agreement to integrate their institutions.\n",
    );
    let edges = edge_strings(&model);
    for party in [
        "Ahmed al-Sharaa",
        "Mazloum Abdi",
        "Syrian Democratic Forces",
    ] {
        assert!(
            edges
                .iter()
                .any(|edge| edge.starts_with(&format!("{party} accepts "))),
            "{party}: {edges:#?}"
        );
    }
    // Sealing it there is meeting there.
    assert!(
        edges.contains(&"Ahmed al-Sharaa attends Talks in Damascus".to_owned()),
        "{edges:#?}"
    );
}

#[test]
fn a_title_after_a_body_s_acronym_and_a_proposal_relayed_to_a_party() {
    let model = model_of(
        "Warrants\n\nPublished 2024-05-27\n\nInternational Criminal Court (ICC) prosecutor Karim Khan seeks arrest warrants. Mediators will relay an Israeli proposal to Hamas.\n",
    );
    let edges = edge_strings(&model);
    assert!(
        edges.contains(&"Karim Khan member_of International Criminal Court".to_owned()),
        "{edges:#?}"
    );
    assert!(
        edges.contains(&"Israel proposes Israeli proposal".to_owned()),
        "{edges:#?}"
    );
    // "Israel offers to …" is still a verb, no offer.
    let model = model_of(
        "Offer\n\nPublished 2024-05-27\n\nThe Israeli offer to Hamas was rejected. Israel offers to pause the fighting.\n",
    );
    let things = labels_of_kind(&model, "demand");
    assert_eq!(things.len(), 1, "{things:?}");
}

#[test]
fn the_leaders_opening_a_sentence_are_the_parties_the_sentence_before_had_as_subject() {
    let model = model_of(
        "Treaty\n\nPublished 2025-03-13\n\nKyrgyz President Sadyr Japarov and Tajik President Emomali Rahmon have signed a border treaty. The two leaders also signed a declaration.\n",
    );
    let edges = edge_strings(&model);
    for person in ["Sadyr Japarov", "Emomali Rahmon"] {
        assert!(
            edges
                .iter()
                .any(|edge| edge.starts_with(&format!("{person} accepts Declaration"))),
            "{person}: {edges:#?}"
        );
    }
    // With one party before, "the leaders" stand for no one.
    let model = model_of(
        "Treaty\n\nPublished 2025-03-13\n\nKyrgyz President Sadyr Japarov signed a border treaty. The leaders also signed a declaration.\n",
    );
    let edges = edge_strings(&model);
    assert!(
        !edges
            .iter()
            .any(|edge| edge.contains("accepts Declaration")),
        "{edges:#?}"
    );
}

#[test]
fn a_dateline_naming_its_country_still_places_the_lead_s_deal() {
    let model = model_of(
        "Deal\n\nPublished 2025-03-10\n\nDamascus, Syria— On Monday, the Syrian Democratic Forces reached a deal with the government.\n",
    );
    assert_eq!(
        labels_of_kind(&model, "meeting"),
        ["Talks in Damascus (10 March 2025)"]
    );
    // Where the country acts after the dateline, the dateline is the reporter's.
    let model = model_of(
        "Deal\n\nPublished 2025-03-10\n\nDamascus, Syria— On Monday, the Syrian Democratic Forces reached a deal with Syria.\n",
    );
    assert!(labels_of_kind(&model, "meeting").is_empty());
}

#[test]
fn a_person_and_his_counterpart_are_both_the_subject() {
    let model = model_of(
        "Treaty\n\nPublished 2025-03-11\n\nTajikistan's President Emomali Rahmon and his Kyrgyz counterpart Sadyr Japarov will sign a border agreement on March 12.\n",
    );
    let edges = edges_with_modality(&model);
    for (person, party) in [
        ("Emomali Rahmon", "Tajikistan"),
        ("Sadyr Japarov", "Kyrgyzstan"),
    ] {
        assert!(
            edges
                .iter()
                .any(|edge| edge.starts_with(&format!("{person} accepts "))
                    && edge.ends_with("(expected)")),
            "{person}: {edges:#?}"
        );
        assert!(
            edges.contains(&format!("{person} member_of {party} (asserted)")),
            "{person}: {edges:#?}"
        );
    }
}
