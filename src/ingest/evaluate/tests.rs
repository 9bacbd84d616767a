//! Tests of `evaluate`.
use super::*;

#[test]
fn gold_lines_read_and_refuse_what_is_wrong() {
    let gold = Gold::parse(
        "a.gold",
        "published 2024-05-06\noutlet Nile Courier\nactor Hamas | Hamas movement\nmediator Egypt\nthing proposal | truce proposal\nmeeting cairo | Cairo | none | planned\nrelation Hamas | accepts | proposal | negated\n",
    )
    .unwrap();
    assert_eq!(gold.parties.len(), 2);
    assert!(gold.parties[1].mediator);
    assert_eq!(gold.relations[0].modality, Modality::Negated);
    assert_eq!(gold.meetings[0].date, None);
    let error = Gold::parse(
        "a.gold",
        "actor Hamas\nrelation Hamas | likes | x | asserted\n",
    )
    .unwrap_err();
    assert_eq!(
        (error.line, error.message.as_str()),
        (2, "unknown relation \"likes\"")
    );
    let error = Gold::parse("a.gold", "relation Hamas | accepts | x | asserted\n").unwrap_err();
    assert!(error.message.contains("\"Hamas\""), "{error}");
    // An undefined end is reported at its relation's line.
    let error = Gold::parse(
        "a.gold",
        "actor Hamas\n# a note\nthing proposal\nrelation Hamas | accepts | proposal | asserted\nrelation Hamas | rejects | deal | asserted\n",
    )
    .unwrap_err();
    assert_eq!(error.line, 5, "{error}");
    assert!(error.message.contains("\"deal\""), "{error}");
}

#[test]
fn an_outlet_matches_any_of_the_gold_s_names() {
    assert!(outlet_matches("The Associated Press | AP", "AP"));
    assert!(outlet_matches(
        "The Associated Press | AP",
        "the associated press"
    ));
    assert!(!outlet_matches("The Associated Press | AP", "AFP"));
    assert!(!outlet_matches("Doha News", "unknown outlet"));
}

#[test]
fn tallies_score_as_documented() {
    let tally = Tally {
        found: 4,
        correct: 3,
        expected: 6,
        recalled: 3,
    };
    assert_eq!(tally.precision(), 0.75);
    assert_eq!(tally.recall(), 0.5);
    assert!((tally.f1() - 0.6).abs() < 1e-9);
    assert_eq!(band(0.85), 4);
    assert_eq!(band(0.6), 2);
    assert_eq!(band(0.1), 0);
}

#[test]
fn a_gold_place_is_read_by_the_lexicon_s_name_for_it() {
    let lexicon = Lexicon::built_in().with_world();
    let gold = Gold::parse(
        "a.gold",
        "meeting turkiye | Türkiye | none | held\nmeeting washington | Washington | none | held\nmeeting naqoura | Naqoura | none | held\n",
    )
    .unwrap();
    let places: Vec<String> = with_lexicon_places(&gold, &lexicon)
        .meetings
        .into_iter()
        .map(|meeting| meeting.place)
        .collect();
    // A state's other name is the state; a city stays a city, though a state shares its
    // name as an alias; a place the lexicon lacks keeps the gold's name.
    assert_eq!(places, ["Turkey", "Washington", "Naqoura"]);
}
