//! Delegations and their people as reports of the Naqoura, Istanbul and Abu Dhabi talks
//! name them: two parties' delegations named together, one party's envoys listed after a
//! plural title, a name apposed before a modified title, and the chief of a general staff
//! (written in the style of set 23's articles, not copied from them); a delegation list
//! with a senior member, an intelligence agency's head, a general after the body his
//! title is of, a president by surname.

use super::ingest::{edge_strings, labels_of_kind, model_of};

#[test]
fn two_parties_named_before_delegations_each_have_one_that_attends() {
    let edges = edge_strings(&model_of(
        "Naqoura meeting\n\nPublished 2025-12-04\n\nCivilian-led Israeli and Lebanese delegations took part in a meeting in Naqoura on Wednesday.\n",
    ));
    for (delegation, party) in [
        ("Israeli delegation", "Israel"),
        ("Lebanese delegation", "Lebanon"),
    ] {
        assert!(
            edges.contains(&format!("{delegation} member_of {party}")),
            "{delegation}: {edges:#?}"
        );
        assert!(
            edges.contains(&format!(
                "{delegation} attends Talks in Naqoura (3 December 2025)"
            )),
            "{delegation}: {edges:#?}"
        );
    }
}

#[test]
fn envoys_listed_after_one_party_s_plural_title_are_its_people() {
    let edges = edge_strings(&model_of(
        "Moscow talks\n\nPublished 2026-01-20\n\nRussian President Vladimir Putin met US envoys Steve Witkoff and Jared Kushner in Moscow on Monday.\n",
    ));
    for person in ["Steve Witkoff", "Jared Kushner"] {
        assert!(
            edges.contains(&format!("{person} member_of United States")),
            "{person}: {edges:#?}"
        );
    }
}

#[test]
fn a_name_apposed_before_a_modified_title_and_a_general_staff_chief_are_people() {
    let model = model_of(
        "Doha meeting\n\nPublished 2025-10-20\n\nA meeting was held in Doha on Sunday with Mohammad Yaqoob, acting Defence Minister of the Taliban administration. The delegation includes General Staff Chief Andrey Gnatov.\n",
    );
    let edges = edge_strings(&model);
    assert!(
        edges.contains(&"Mohammad Yaqoob member_of Taliban".to_owned()),
        "{edges:#?}"
    );
    let people = labels_of_kind(&model, "actor");
    assert!(people.contains(&"Andrey Gnatov"), "{people:?}");
    assert!(
        !people.iter().any(|label| label.starts_with("Staff")),
        "{people:?}"
    );
}

#[test]
fn participants_a_sentence_says_the_talks_included_attend_them() {
    let edges = edge_strings(&model_of(
        "Abu Dhabi talks\n\nPublished 2026-01-24\n\nTrilateral talks are taking place in Abu Dhabi. The U.S. participants in the consultations included special envoy Steve Witkoff and Gen. Alexus Grynkewich.\n",
    ));
    assert!(
        edges.contains(&"Steve Witkoff attends Talks in Abu Dhabi".to_owned()),
        "{edges:#?}"
    );
}

#[test]
fn an_ambassador_s_posting_is_no_place_of_talks_and_a_capitalised_modifier_opens_a_title() {
    let model = model_of(
        "Istanbul talks\n\nPublished 2025-10-26\n\nTalks began in Istanbul on Saturday. Suhail Shaheen, Acting Ambassador of Afghanistan in Qatar, took part in the talks.\n",
    );
    assert_eq!(
        labels_of_kind(&model, "meeting"),
        ["Talks in Istanbul (25 October 2025)"]
    );
    let edges = edge_strings(&model);
    assert!(
        edges.contains(&"Suhail Shaheen member_of Afghanistan".to_owned()),
        "{edges:#?}"
    );
}

#[test]
fn a_senior_member_apposed_in_a_delegation_list_is_the_emirate_s_person() {
    let edges = edge_strings(&model_of(
        "Istanbul talks\n\nPublished 2025-10-26\n\nA delegation led by Rahmatullah Najib, Deputy Minister of Interior, Suhail Shaheen, Acting Ambassador of the Islamic Emirate of Afghanistan in Qatar, and Anas Haqqani, a senior member of the Islamic Emirate, held talks in Istanbul on Saturday.\n",
    ));
    for person in ["Suhail Shaheen", "Anas Haqqani"] {
        assert!(
            edges.contains(&format!(
                "{person} member_of Islamic Emirate of Afghanistan"
            )),
            "{person}: {edges:#?}"
        );
        // The Islamic Emirate is the Taliban's state, not Afghanistan's republic.
        assert!(
            !edges.contains(&format!("{person} member_of Afghanistan")),
            "{person}: {edges:#?}"
        );
    }
}

#[test]
fn an_intelligence_agency_s_head_is_its_member_and_the_agency_no_army() {
    let model = model_of(
        "Abu Dhabi talks\n\nPublished 2026-01-24\n\nRussia's delegation is led by General Igor Kostyukov, head of the GRU military intelligence agency.\n",
    );
    let edges = edge_strings(&model);
    assert!(
        edges.contains(&"Igor Kostyukov member_of GRU".to_owned()),
        "{edges:#?}"
    );
    let actors = labels_of_kind(&model, "actor");
    assert!(!actors.contains(&"GRU army"), "{actors:?}");
}

#[test]
fn a_general_after_the_body_his_title_is_of_and_a_president_by_surname() {
    let model = model_of(
        "Abu Dhabi talks\n\nPublished 2026-01-24\n\nUkraine's delegation will be joined by Deputy Chief of the Defense Intelligence Directorate Lt. Gen. Vadym Skibitsky. The talks follow a call by President Trump, who said they went well. US President Donald Trump has pressed both sides.\n",
    );
    let actors = labels_of_kind(&model, "actor");
    assert!(actors.contains(&"Vadym Skibitsky"), "{actors:?}");
    // "President Trump" first, "Donald Trump" after: one person, by the full name.
    assert!(actors.contains(&"Donald Trump"), "{actors:?}");
    assert!(!actors.contains(&"Trump"), "{actors:?}");
    assert!(
        !actors.iter().any(|label| label.starts_with("Lt")),
        "{actors:?}"
    );
}
