//! Tests of `mentions`.
use super::*;
use crate::ingest::people::discover_people;

fn lexicon() -> Lexicon {
    Lexicon::parse(
        "test",
        "actor | Hamas | | organisation |\nactor | Israel | Israeli | state |\nmediator | Egypt | Egyptian | state |\nactor | Benjamin Netanyahu | Netanyahu | person | Israeli prime minister\nplace | Cairo | | Egypt |\ntitle | official | | |\ntitle | Prime Minister | | |\nactor | US | | state |\nactor | Joe Biden | | person | US president\ntitle | chief negotiator | | |\ntitle | head | | |\n",
    )
    .unwrap()
}

fn run(texts: &[&str]) -> (Registry, Vec<Vec<(String, String)>>) {
    let lexicon = lexicon();
    let mut registry = Registry::default();
    let articles: Vec<ArticleText> = texts.iter().map(|t| ArticleText::new(*t)).collect();
    let search = super::super::matcher::LexiconSearch::new(&lexicon);
    let first = Matcher::new(&search, &lexicon, &registry);
    for (index, text) in articles.iter().enumerate() {
        let sentences = super::super::sentences::split(text.as_str());
        discover_people(index, text, &sentences, &first, &lexicon, &mut registry);
    }
    let second = Matcher::new(&search, &lexicon, &registry);
    let mut all = Vec::new();
    for (index, text) in articles.iter().enumerate() {
        let sentences = super::super::sentences::split(text.as_str());
        let (mentions, _) =
            find_mentions(index, text, &sentences, &second, &lexicon, &mut registry);
        all.push(
            mentions
                .iter()
                .map(|m| {
                    (
                        text.slice(m.start, m.end).unwrap().to_owned(),
                        registry.entities[m.entity].label.clone(),
                    )
                })
                .collect(),
        );
    }
    (registry, all)
}

#[test]
fn titled_people_are_found_with_their_party_and_later_by_surname() {
    let (registry, mentions) = run(&[
        "Hamas official Osama Hamdan said no. Hamdan added that talks must end the war.",
        "Later, Hamdan spoke again.",
    ]);
    let hamdan = registry
        .find("osama hamdan")
        .expect("found after the title");
    let person = &registry.entities[hamdan];
    assert_eq!(person.kind, NodeKind::Actor);
    let (party, article, _, _) = person.affiliations[0];
    assert_eq!(
        (registry.entities[party].label.as_str(), article),
        ("Hamas", 0)
    );
    assert_eq!(
        mentions[0],
        [
            ("Hamas".to_owned(), "Hamas".to_owned()),
            ("Osama Hamdan".to_owned(), "Osama Hamdan".to_owned()),
            ("Hamdan".to_owned(), "Osama Hamdan".to_owned())
        ]
    );
    assert_eq!(
        mentions[1],
        [("Hamdan".to_owned(), "Osama Hamdan".to_owned())]
    );
}

#[test]
fn a_given_name_in_brackets_before_a_surname_is_no_one_else() {
    let (_, mentions) = run(&["A man called (Netanyahu) Cohen spoke. Netanyahu spoke too."]);
    assert_eq!(
        mentions[0],
        [("Netanyahu".to_owned(), "Benjamin Netanyahu".to_owned())]
    );
}

/// The party each of `names` was found with, by label ("-" for none, "?" when the
/// person was not found).
fn parties_of(registry: &Registry, names: &[&str]) -> Vec<String> {
    names
        .iter()
        .map(|name| {
            registry.find(&fold(name)).map_or("?".to_owned(), |person| {
                registry.entities[person]
                    .affiliations
                    .first()
                    .map_or("-".to_owned(), |&(party, _, _, _)| {
                        registry.entities[party].label.clone()
                    })
            })
        })
        .collect()
}

#[test]
fn people_named_before_their_title_or_listed_after_a_plural_one() {
    let (registry, _) = run(&[
        "Talks went on. Osama Hamdan, chief negotiator of Hamas, said no. \
         Gen. Taban Deng Gai, head of the rebels' delegation, signed. \
         Foreign Ministers of Israel, Egypt and Hamas Eli Cohen, Sameh Shoukry and Ismail Haniyeh met. \
         The leaders of Israel and Egypt Eli Cohen met. \
         The Big Three, official sources say, met.",
    ]);
    assert_eq!(
        parties_of(
            &registry,
            &[
                "Osama Hamdan",
                "Taban Deng Gai",
                "Eli Cohen",
                "Sameh Shoukry",
                "Ismail Haniyeh"
            ]
        ),
        ["Hamas", "-", "Israel", "Egypt", "Hamas"]
    );
    // Not a name: "The Big Three" starts with an article.
    assert!(registry.find("the big three").is_none());
    assert!(registry.find("big three").is_none());
}

#[test]
fn descriptions_groups_and_case_rules() {
    let (registry, mentions) =
        run(&["The Israeli prime minister met the Egyptian delegation in Cairo. Tell us more."]);
    let found: Vec<&str> = mentions[0]
        .iter()
        .map(|(_, label)| label.as_str())
        .collect();
    // "us" is not the acronym US.
    assert_eq!(found, ["Benjamin Netanyahu", "Egyptian delegation"]);
    let group = registry.find("egypt delegation").unwrap();
    assert_eq!(registry.entities[group].kind, NodeKind::Mediator);
    assert_eq!(registry.entities[group].subtype, Some(Subtype::Delegation));
    assert_eq!(
        registry.entities[group].affiliations.len(),
        1,
        "a delegation's party"
    );
    // An army is a group of its own, of no party: whose army it is can be the question.
    let (registry, _) = run(&["The Israeli army said so."]);
    let army = registry.find("israel army").expect("a group");
    assert_eq!(registry.entities[army].subtype, Some(Subtype::Military));
    assert!(registry.entities[army].affiliations.is_empty());
}

#[test]
fn a_description_before_the_name_it_describes_gives_the_party() {
    let (registry, mentions) = run(&[
        "Israeli Prime Minister Benjamin Netanyahu spoke.",
        "Israeli Prime Minister Benjamin Netanyahu’s office said no. Hamas official Sheikh Ali bin Omar bin Khalid Al-Masri spoke.",
    ]);
    let found: Vec<&str> = mentions[0]
        .iter()
        .map(|(_, label)| label.as_str())
        .collect();
    assert_eq!(found, ["Israel", "Benjamin Netanyahu"]);
    // A longer pattern that is no whole word ("US president" in "US Presidential")
    // leaves the shorter one found.
    let (_, mentions) = run(&["US Presidential Envoy Ali Omar spoke."]);
    assert_eq!(
        mentions[0].first().map(|(text, _)| text.as_str()),
        Some("US")
    );
    let netanyahu = registry.find("benjamin netanyahu").unwrap();
    let said: Vec<(&str, usize)> = registry.entities[netanyahu]
        .affiliations
        .iter()
        .map(|&(party, article, _, _)| (registry.entities[party].label.as_str(), article))
        .collect();
    assert_eq!(said, [("Israel", 0), ("Israel", 1)], "once per article");
    // The possessive is no part of a name, an honorific neither, and particles do not
    // count among a name's four words.
    assert!(registry.find("benjamin netanyahu’s").is_none());
    let person = registry
        .find("ali bin omar bin khalid al masri")
        .expect("the whole name after the title");
    assert_eq!(
        registry.entities[person].label,
        "Ali bin Omar bin Khalid Al-Masri"
    );
    // A standalone "Al" is a particle, an initial is part of the name, and a comma may
    // stand between the title and the name.
    let (registry, _) = run(&[
        "Hamas official Mariam Al Sadig Al Mahdi spoke. Israeli official Enrique V. Iglesias spoke. Hamas official, Osama Hamdan said so.",
    ]);
    for key in [
        "mariam al sadig al mahdi",
        "enrique v iglesias",
        "osama hamdan",
    ] {
        let person = registry.find(key).unwrap_or_else(|| panic!("{key}"));
        assert_eq!(registry.entities[person].affiliations.len(), 1, "{key}");
    }
}
