//! Parties as `ingest` names them across articles: an organisation one article spells
//! out and another abbreviates is one party.

use backchannel::ingest;

use super::ingest::ingested_model;

#[test]
fn an_acronym_one_article_defines_is_the_same_party_in_every_article() {
    let articles = [
        (
            "a.txt",
            "Rebels attack\n\nPublished 2023-06-02\n\nELN fighters attacked a base on Monday. The ELN said it was ready for talks.\n",
        ),
        (
            "b.txt",
            "Ceasefire signed\n\nPublished 2023-06-09\n\nColombia's government and the National Liberation Army, or ELN, agreed to a ceasefire deal at talks in Havana on Friday. ELN leader Antonio Garcia said the accord was procedural.\n",
        ),
    ]
    .map(|(name, text)| ingest::SourceArticle {
        name: name.into(),
        text: text.into(),
    });
    let model = ingested_model(&articles);
    let labels: Vec<&str> = model.nodes.iter().map(|n| n.label.as_str()).collect();
    let army = model
        .nodes
        .iter()
        .find(|n| n.label == "National Liberation Army")
        .unwrap_or_else(|| panic!("the defined name is the label: {labels:?}"));
    assert!(
        army.aliases.iter().any(|a| a == "ELN"),
        "{:?}",
        army.aliases
    );
    assert!(!labels.contains(&"ELN"), "no second party: {labels:?}");
    assert!(
        army.evidence.iter().any(|e| e.article_id == "a000"),
        "the first article's \"ELN\" is the army"
    );
    let edge = |source: &str, relation: &str, target: &str| {
        model.edges.iter().any(|e| {
            model.node_label(&e.source) == source
                && e.relation.as_str() == relation
                && model.node_label(&e.target) == target
        })
    };
    assert!(edge(
        "Antonio Garcia",
        "member_of",
        "National Liberation Army"
    ));
    assert!(
        edge("National Liberation Army", "accepts", "Ceasefire deal"),
        "\", or ELN,\" leaves the subject list whole"
    );
    assert!(edge("Colombia's government", "accepts", "Ceasefire deal"));
}

/// A lexicon's surname inside a longer titled name is part of someone else's name; a
/// thing is named with its length of time.
#[test]
fn a_known_surname_inside_a_titled_name_is_someone_else_s() {
    let articles = [ingest::SourceArticle {
        name: "a.txt".into(),
        text: "Sudan talks\n\nPublished 2023-05-06\n\nFighting broke out between the army and Lieutenant General Mohammed Hamdan Dagalo, who leads the Rapid Support Forces (RSF). The RSF has agreed to a six-month ceasefire.\n".into(),
    }];
    let model = ingested_model(&articles);
    let labels: Vec<&str> = model.nodes.iter().map(|n| n.label.as_str()).collect();
    assert!(labels.contains(&"Mohammed Hamdan Dagalo"), "{labels:?}");
    assert!(
        !labels.contains(&"Osama Hamdan"),
        "the lexicon's Hamdan is another man: {labels:?}"
    );
    assert!(labels.contains(&"Six-month ceasefire"), "{labels:?}");
    assert!(model.edges.iter().any(|e| {
        model.node_label(&e.source) == "Mohammed Hamdan Dagalo"
            && e.relation.as_str() == "leads"
            && model.node_label(&e.target) == "Rapid Support Forces"
    }));
}

/// A person's party after their name ("President Irfaan Ali of Guyana") or after a
/// lower-case field of their office ("UN peacekeeping chief").
#[test]
fn a_title_s_party_may_follow_the_name_or_a_field_of_the_office() {
    let articles = [ingest::SourceArticle {
        name: "a.txt".into(),
        text: "Talks\n\nPublished 2023-12-14\n\nPresident Irfaan Ali of Guyana arrived in Kingstown for talks. UN peacekeeping chief Jean-Pierre Lacroix attended the talks in Kingstown. Hamas leader Ismail Haniyeh of Gaza City spoke.\n".into(),
    }];
    let model = ingested_model(&articles);
    let member_of = |person: &str| -> Vec<&str> {
        model
            .edges
            .iter()
            .filter(|e| model.node_label(&e.source) == person && e.relation.as_str() == "member_of")
            .map(|e| model.node_label(&e.target))
            .collect()
    };
    assert_eq!(member_of("Irfaan Ali"), ["Guyana"]);
    assert_eq!(member_of("Jean-Pierre Lacroix"), ["United Nations"]);
    assert_eq!(
        member_of("Ismail Haniyeh"),
        ["Hamas"],
        "the party before the title wins over a place after the name"
    );
}

/// Talks "in Washington" (or under a "WASHINGTON, USA –" dateline) are in the city,
/// though "Washington" also names the United States; the Democratic Republic of Congo is not Congo-Brazzaville; an organisation
/// named twice by its name ("the Polisario Front") is a party; a round table is talks.
#[test]
fn cities_named_like_states_states_named_alike_and_fronts_are_told_apart() {
    let articles = [
        (
            "a.txt",
            "Deal signed\n\nPublished 2025-06-27\n\nRwanda and the Democratic Republic of Congo signed a peace agreement in Washington on Friday. Washington said it would help.\n",
        ),
        (
            "c.txt",
            "Signing\n\nWASHINGTON, USA – The United States hosted the signing of the accord between Rwanda and Burundi.\n",
        ),
        (
            "b.txt",
            "Round table\n\nPublished 2018-12-05\n\nThe roundtable discussion opened in Geneva on Wednesday with Morocco and the Polisario Front taking part. A top Polisario envoy said the Polisario Front was ready. Koehler spoke after two days of talks involving a top Polisario envoy and the foreign ministers of Morocco and Algeria.\n",
        ),
    ]
    .map(|(name, text)| ingest::SourceArticle {
        name: name.into(),
        text: text.into(),
    });
    let model = ingested_model(&articles);
    let labels: Vec<&str> = model.nodes.iter().map(|n| n.label.as_str()).collect();
    let places: Vec<&str> = model
        .nodes
        .iter()
        .filter_map(|n| n.meeting.as_ref().map(|m| m.place.as_str()))
        .collect();
    // The third article's talks are where its dateline in capitals says.
    assert_eq!(places, ["Geneva", "Washington", "Washington"], "{labels:?}");
    assert!(labels.contains(&"DR Congo"), "{labels:?}");
    assert!(!labels.contains(&"Congo"), "{labels:?}");
    assert!(
        labels.contains(&"United States"),
        "Washington still speaks for it"
    );
    let edge = |source: &str, relation: &str, target: &str| {
        model.edges.iter().any(|e| {
            model.node_label(&e.source) == source
                && e.relation.as_str() == relation
                && model.node_label(&e.target).starts_with(target)
        })
    };
    assert!(edge("DR Congo", "accepts", "Peace agreement"));
    // "talks" with no place of their own, in an article whose talks are all in Geneva.
    assert!(edge("Algeria", "attends", "Talks in Geneva"));
    assert!(
        edge("Polisario Front", "attends", "Talks in Geneva"),
        "{:?}",
        model
            .edges
            .iter()
            .map(|e| (&e.source, e.relation.as_str(), &e.target))
            .collect::<Vec<_>>()
    );
}

/// A state named only as a thing of the past ("the former Spanish colony", "a former
/// German president") is no party of the article.
#[test]
fn a_former_state_or_office_names_no_party() {
    let articles = [ingest::SourceArticle {
        name: "a.txt".into(),
        text: "Sahara\n\nPublished 2018-12-05\n\nMorocco annexed the former Spanish colony in 1975. Former German president Horst Koehler hosted talks in Geneva with Morocco and Algeria. Spain was not there.\n".into(),
    }];
    let model = ingested_model(&articles);
    let labels: Vec<&str> = model.nodes.iter().map(|n| n.label.as_str()).collect();
    assert!(!labels.contains(&"Germany"), "{labels:?}");
    assert!(
        labels.contains(&"Spain"),
        "named for itself later: {labels:?}"
    );
    assert!(
        labels.contains(&"Morocco") && labels.contains(&"Algeria"),
        "{labels:?}"
    );
    let spain = model.nodes.iter().find(|n| n.label == "Spain");
    assert!(
        spain.is_some_and(|n| n.evidence.iter().all(|e| !e.quote.contains("colony"))),
        "the colony is no evidence for Spain"
    );
}

/// What stands around a party's name may make it no party of the article: the outlet's
/// own name, a place's country, an office inside another's title, a rank, a language.
#[test]
fn outlets_places_countries_offices_ranks_and_languages_are_told_from_parties() {
    let articles = [ingest::SourceArticle {
        name: "a.txt".into(),
        text: "Fourth round commences in Geneva\n\nDaily News Egypt\n\nPublished 2020-10-19\n\n\
               The fourth round of the Libyan Joint Military Commission (JMC) commenced in Geneva, Switzerland, on Monday. \
               The head of the United Nations Support Mission in Libya (UNSMIL), who is also the Special Representative of the UN Secretary-General, said the talks went well. \
               The Commander of the Libyan National Army (LNA), Marshal Khalifa Haftar, confirmed the participation of his forces. \
               Haftar sent a government delegation; the Libyan government delegation arrived in Geneva. \
               The talks, dubbed Tumaini meaning hope in Swahili, ended on Friday.\n"
            .into(),
    }];
    let model = ingested_model(&articles);
    let labels: Vec<&str> = model.nodes.iter().map(|n| n.label.as_str()).collect();
    assert_eq!(
        model.articles.first().map(|a| a.outlet.as_str()),
        Some("Daily News Egypt")
    );
    for absent in [
        "Egypt",
        "Switzerland",
        "Antonio Guterres",
        "Marshal Khalifa Haftar",
    ] {
        assert!(!labels.contains(&absent), "{absent}: {labels:?}");
    }
    for present in [
        "United Nations Support Mission in Libya",
        "Libyan Joint Military Commission",
        "Khalifa Haftar",
        "Libyan government delegation",
    ] {
        assert!(labels.contains(&present), "{present}: {labels:?}");
    }
    assert!(
        !labels.iter().any(|label| label.contains("Swahili")),
        "a language is no place of talks: {labels:?}"
    );
    let attends = |source: &str| {
        model.edges.iter().any(|e| {
            model.node_label(&e.source) == source
                && e.relation.as_str() == "attends"
                && model.node_label(&e.target).contains("Geneva")
        })
    };
    assert!(
        attends("Libyan Joint Military Commission"),
        "the round is the commission's"
    );
    assert!(
        !attends("Libya"),
        "\"Libyan\" only qualifies the commission"
    );
}

/// A person written with and without diacritics in two articles is one person, found by
/// either spelling.
#[test]
fn a_name_spelled_two_ways_across_articles_is_one_person() {
    let articles = [
        (
            "a.txt",
            "Summit\n\nPublished 2024-12-11\n\nThe summit in Ankara was hosted by Turkish President Recep Tayyip Erdoğan.\n",
        ),
        (
            "b.txt",
            "Declaration\n\nPublished 2024-12-12\n\nAt the invitation of Turkish President Recep Tayyip Erdogan, the leaders met in Ankara.\n",
        ),
    ]
    .map(|(name, text)| ingest::SourceArticle {
        name: name.into(),
        text: text.into(),
    });
    let model = ingested_model(&articles);
    let people: Vec<&str> = model
        .nodes
        .iter()
        .map(|n| n.label.as_str())
        .filter(|label| label.starts_with("Recep"))
        .collect();
    assert_eq!(people, ["Recep Tayyip Erdoğan"], "one person");
    let hosts_in = |article: &str| {
        model.edges.iter().any(|e| {
            model.node_label(&e.source) == "Recep Tayyip Erdoğan"
                && e.relation.as_str() == "hosts"
                && e.evidence.iter().any(|ev| ev.article_id == article)
        })
    };
    assert!(hosts_in("a000") && hosts_in("a001"), "{:?}", model.edges);
}

/// Non-state parties often at the table are in the world lexicon, by name or acronym,
/// though an article never spells them out.
#[test]
fn well_known_armed_groups_are_parties_by_their_acronyms() {
    let model = super::ingest::model_of(
        "Talks resume\n\nPublished 2025-09-18\n\nThe group grew after the peace agreement with the now-defunct FARC guerrilla group in 2016. ELN rebels and the RSF were not invited.\n",
    );
    let mut parties = super::ingest::labels_of_kind(&model, "actor");
    parties.sort();
    assert_eq!(
        parties,
        [
            "National Liberation Army",
            "Rapid Support Forces",
            "Revolutionary Armed Forces of Colombia"
        ]
    );
}
