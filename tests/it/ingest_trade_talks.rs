//! Talks as reports of the US–China trade talks in Geneva, the Iran–E3 talks in Istanbul
//! and the Gaza talks in Sharm el-Sheikh name them: a vice premier and a trade
//! representative by their titles, officials met in a city, a delegation that includes
//! people after the parties it represents, a coordinator who mediates nothing, talks
//! welcomed, and a declaration that stays itself after another deal is named (written
//! in the style of set 24's articles, not copied from them).

use super::ingest::{edge_strings, edges_with_modality, labels_of_kind, model_of};

#[test]
fn a_vice_premier_and_a_trade_representative_are_their_states_people_who_meet_officials() {
    let model = model_of(
        "Geneva talks\n\nPublished 2025-05-10\n\nChinese Vice Premier He Lifeng met US officials in Geneva on Saturday. U.S. Trade Representative Jamieson Greer also took part in the talks in Geneva.\n",
    );
    let edges = edge_strings(&model);
    for (person, party) in [("He Lifeng", "China"), ("Jamieson Greer", "United States")] {
        assert!(
            edges.contains(&format!("{person} member_of {party}")),
            "{person}: {edges:#?}"
        );
        assert!(
            edges.contains(&format!("{person} attends Talks in Geneva (10 May 2025)")),
            "{person}: {edges:#?}"
        );
    }
    // The officials met stand where they meet: the United States takes part too.
    assert!(
        edges.contains(&"United States attends Talks in Geneva (10 May 2025)".to_owned()),
        "{edges:#?}"
    );
    // Officials who only live somewhere hold no talks there.
    let model = model_of(
        "Kabul\n\nPublished 2025-05-10\n\nThe talks angered residents in Kabul on Saturday.\n",
    );
    assert!(labels_of_kind(&model, "meeting").is_empty());
}

#[test]
fn a_delegation_includes_the_people_after_the_parties_it_represents() {
    let model = model_of(
        "Sharm talks\n\nPublished 2025-10-07\n\nThe Israeli delegation includes representatives from Mossad and Shin Bet, foreign policy adviser Ophir Falk, and hostages coordinator Gal Hirsch.\n",
    );
    let edges = edge_strings(&model);
    for person in ["Ophir Falk", "Gal Hirsch"] {
        assert!(
            edges.contains(&format!("{person} member_of Israeli delegation")),
            "{person}: {edges:#?}"
        );
    }
    // The services it represents are no members of it, and a hostages coordinator is
    // nobody's mediator.
    for service in ["Mossad", "Shin Bet"] {
        assert!(
            !edges.contains(&format!("{service} member_of Israeli delegation")),
            "{service}: {edges:#?}"
        );
    }
    assert!(labels_of_kind(&model, "mediator").is_empty(), "{edges:#?}");
}

#[test]
fn talks_welcomed_are_supported_and_a_declaration_welcomed_is_the_declaration() {
    let edges = edge_strings(&model_of(
        "Geneva talks\n\nPublished 2025-05-11\n\nWTO Director-General Ngozi Okonjo-Iweala welcomed the talks in Geneva on Saturday.\n",
    ));
    assert!(
        edges.contains(&"Ngozi Okonjo-Iweala member_of World Trade Organization".to_owned()),
        "{edges:#?}"
    );
    assert!(
        edges.contains(&"Ngozi Okonjo-Iweala supports Talks in Geneva (10 May 2025)".to_owned()),
        "{edges:#?}"
    );
    let edges = edge_strings(&model_of(
        "Doha signing\n\nPublished 2025-07-20\n\nThe declaration of principles signed in Doha marks a step toward a comprehensive agreement. Mahmoud Ali Youssouf, chairperson of the AU Commission, welcomed the signing of the declaration.\n",
    ));
    assert!(
        edges.contains(&"Mahmoud Ali Youssouf supports Declaration of principles".to_owned()),
        "{edges:#?}"
    );
    assert!(
        !edges
            .iter()
            .any(|edge| edge.starts_with("Mahmoud Ali Youssouf supports Comprehensive")),
        "{edges:#?}"
    );
}

#[test]
fn talks_resumed_a_meeting_held_and_a_meeting_to_come_with_someone_are_attended() {
    let edges = edges_with_modality(&model_of(
        "Geneva talks\n\nPublished 2025-05-07\n\nChinese Vice Premier He Lifeng and U.S. Treasury Secretary Scott Bessent resumed trade negotiations on Saturday in Geneva. Jamieson Greer will meet this weekend in Oslo with Chinese Vice Premier Liu Jian. Liu Jian held an eight-hour meeting with US Trade Representative Jamieson Greer in Rome on Sunday.\n",
    ));
    for expected in [
        "He Lifeng attends Talks in Geneva (3 May 2025) (asserted)",
        "Scott Bessent attends Talks in Geneva (3 May 2025) (asserted)",
        "Liu Jian attends Talks in Oslo (10 May 2025) (expected)",
        "Liu Jian attends Talks in Rome (4 May 2025) (asserted)",
        "Jamieson Greer attends Talks in Rome (4 May 2025) (asserted)",
    ] {
        assert!(
            edges.contains(&expected.to_owned()),
            "{expected}: {edges:#?}"
        );
    }
}

#[test]
fn someone_who_joins_before_a_future_review_is_expected_and_a_ministry_is_no_person() {
    let model = model_of(
        "Sharm talks\n\nPublished 2025-10-07\n\nEgyptian and Qatari mediators will review the outcomes in Sharm el-Sheikh before US Special Envoy to the Middle East Steve Witkoff joins the dialogue. The spokesman of the Iranian Foreign Ministry confirmed the talks in Sharm el-Sheikh.\n",
    );
    let edges = edges_with_modality(&model);
    assert!(
        edges.contains(&"Steve Witkoff attends Talks in Sharm el-Sheikh (expected)".to_owned()),
        "{edges:#?}"
    );
    assert!(
        !labels_of_kind(&model, "actor").contains(&"Foreign Ministry"),
        "{edges:#?}"
    );
}

#[test]
fn a_plan_accepted_by_one_and_agreed_to_by_another_and_captives_one_agrees_to_release() {
    let edges = edge_strings(&model_of(
        "Sharm talks\n\nPublished 2025-10-07\n\nThe talks center around the 20-point Gaza plan, which has been accepted by Israel and partially agreed to by Hamas. Hamas has agreed to release Israeli captives in exchange for Palestinian detainees. President Trump responded by urging Israel to immediately stop bombing Gaza.\n",
    ));
    for party in ["Israel", "Hamas"] {
        assert!(
            edges.contains(&format!("{party} accepts Gaza plan")),
            "{party}: {edges:#?}"
        );
    }
    assert!(
        edges.contains(&"Hamas accepts Release Israeli captives".to_owned()),
        "{edges:#?}"
    );
    assert!(
        edges.contains(&"Trump pressures Israel".to_owned()),
        "{edges:#?}"
    );
}

#[test]
fn those_representing_a_state_are_its_people_a_son_in_law_too() {
    let edges = edge_strings(&model_of(
        "Sharm talks\n\nPublished 2025-10-08\n\nRepresenting the United States are Trump's special Middle East envoy Steve Witkoff and his son-in-law Jared Kushner.\n",
    ));
    for person in ["Steve Witkoff", "Jared Kushner"] {
        assert!(
            edges.contains(&format!("{person} member_of United States")),
            "{person}: {edges:#?}"
        );
    }
}

#[test]
fn talks_of_another_time_are_not_the_article_s_and_the_e3_is_a_party() {
    let edges = edge_strings(&model_of(
        "Istanbul talks\n\nPublished 2025-05-16\n\nIran and the E3 held talks in Istanbul on Friday. Until recently, talks between Tehran and Washington were conducted through Omani intermediaries.\n",
    ));
    for party in ["Iran", "E3"] {
        assert!(
            edges.contains(&format!("{party} attends Talks in Istanbul (16 May 2025)")),
            "{party}: {edges:#?}"
        );
    }
    assert!(
        !edges
            .iter()
            .any(|edge| edge.starts_with("United States attends")),
        "{edges:#?}"
    );
    assert!(
        edges.contains(&"Oman mediates United States".to_owned()),
        "{edges:#?}"
    );
}

#[test]
fn both_parties_after_their_delegations_opened_talks_back_the_principles_of_a_plan() {
    let edges = edge_strings(&model_of(
        "Sharm talks\n\nPublished 2025-10-07\n\nSharm El-Sheikh, Oct 7: Delegations from Israel and Hamas on Monday began indirect negotiations in Egypt. Both parties have endorsed the overarching principles of US President Donald Trump's plan.\n",
    ));
    for party in ["Israel", "Hamas"] {
        assert!(
            edges.contains(&format!("{party} supports Donald Trump's plan")),
            "{party}: {edges:#?}"
        );
    }
    // The state in the proposer's title is no object of theirs.
    assert!(
        !edges
            .iter()
            .any(|edge| edge.ends_with("supports United States")),
        "{edges:#?}"
    );
}

#[test]
fn those_also_participating_take_part_in_the_article_s_one_meeting() {
    let edges = edge_strings(&model_of(
        "Sharm talks\n\nPublished 2025-10-08\n\nSenior envoys from the United States arrived in Sharm el-Sheikh to join ongoing indirect talks between Israel and Hamas. Turkey's intelligence chief Ibrahim Kalin is also participating.\n",
    ));
    assert!(
        edges.contains(&"Ibrahim Kalin attends Talks in Sharm el-Sheikh".to_owned()),
        "{edges:#?}"
    );
}
