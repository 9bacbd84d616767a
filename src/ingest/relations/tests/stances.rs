//! Stances named by nouns, demonstrative objects, participle and absolute clauses, and
//! attendance by being at the place of talks or leaving them.

use super::{read, read_with_places};

#[test]
fn a_stance_noun_belongs_to_its_possessor_or_to_whoever_expresses_it() {
    assert_eq!(
        read(
            "Hamas's insistence on a permanent ceasefire could derail everything.",
            false
        ),
        ["Hamas demands a permanent ceasefire asserted"]
    );
    assert_eq!(
        read("Israel expressed support for the proposal.", false),
        ["Israel supports the proposal asserted"]
    );
    assert_eq!(
        read("Israel did not express support for the proposal.", false),
        ["Israel supports the proposal negated"]
    );
    assert_eq!(
        read(
            "Hamas's previous acceptance of the proposal was noted.",
            false
        ),
        ["Hamas accepts the proposal asserted"]
    );
    // Support nobody named here holds, and a verb that is itself the cue.
    assert!(read("The proposal was drafted with the support of Qatar.", false).is_empty());
    assert_eq!(
        read(
            "Hamas reiterated its demands for a permanent ceasefire.",
            false
        ),
        ["Hamas demands a permanent ceasefire asserted"]
    );
}

#[test]
fn this_is_the_one_thing_the_sentence_named_before() {
    assert_eq!(
        read(
            "Hamas demands a permanent ceasefire, though Israel opposes this.",
            false
        ),
        [
            "Hamas demands a permanent ceasefire asserted",
            "Israel opposes a permanent ceasefire asserted"
        ]
    );
    // Nothing named before, or two things: no object.
    assert!(read("Israel opposes this.", false).is_empty());
    assert_eq!(
        read(
            "Hamas wants a permanent ceasefire and the withdrawal, but Israel rejects this.",
            false
        ),
        [
            "Hamas demands a permanent ceasefire asserted",
            "Hamas demands the withdrawal asserted"
        ]
    );
}

#[test]
fn participle_and_absolute_clauses_have_their_party() {
    assert_eq!(
        read(
            "Hamas remains firm in its stance, rejecting the proposal.",
            false
        ),
        ["Hamas rejects the proposal asserted"]
    );
    assert_eq!(
        read(
            "Talks stalled, with Hamas insisting on a permanent ceasefire.",
            false
        ),
        ["Hamas demands a permanent ceasefire asserted"]
    );
    // A party after "with" before a finite verb is still no subject.
    assert!(read("Talks with Hamas rejected the proposal.", false).is_empty());
}

#[test]
fn being_at_the_place_of_talks_or_leaving_them_is_taking_part() {
    assert_eq!(
        read_with_places(
            "Israel, which was in Cairo, was also in Doha for an emergency meeting.",
            true,
            &["Cairo", "Doha"]
        ),
        ["Israel attends meeting asserted"]
    );
    assert_eq!(
        read("A Hamas delegation left the talks on Sunday.", true),
        ["Hamas attends meeting asserted"]
    );
    // Being somewhere, or leaving a city, says nothing of talks.
    assert!(read_with_places("Hamas was in Cairo on Sunday.", true, &["Cairo"]).is_empty());
    assert!(read_with_places("Hamas left Cairo after a week.", true, &["Cairo"]).is_empty());
}

#[test]
fn who_refuses_to_sign_or_accept_a_thing_rejects_it() {
    assert_eq!(
        read(
            "The truce failed because of the refusal of Hamas to sign the deal.",
            false
        ),
        ["Hamas rejects the deal asserted"]
    );
    assert_eq!(
        read(
            "Israel's refusal to accept the proposal angered Egypt.",
            false
        ),
        ["Israel rejects the proposal asserted"]
    );
    // A refusal of something else, or to do something else, rejects no thing.
    assert!(read("The refusal of Hamas to meet delayed the deal.", false).is_empty());
}

#[test]
fn who_announces_a_deal_between_others_is_no_side_to_it() {
    assert_eq!(
        read("Israel and Hamas announced the deal on Sunday.", false),
        [
            "Hamas accepts the deal asserted",
            "Israel accepts the deal asserted"
        ]
    );
    assert!(
        !read("Qatar announced the deal between Israel and Hamas.", false)
            .iter()
            .any(|line| line.starts_with("Qatar accepts")),
    );
}

#[test]
fn a_relative_clause_s_verb_is_said_of_the_thing_before_it() {
    // "the deal that Egypt had presented": Egypt proposes the deal named before "that".
    assert_eq!(
        read("Hamas rejected the deal that Egypt had presented.", false),
        [
            "Egypt proposes the deal asserted",
            "Hamas rejects the deal asserted"
        ]
    );
    assert_eq!(
        read("Israel accepted the proposal which Qatar drafted.", false),
        [
            "Israel accepts the proposal asserted",
            "Qatar proposes the proposal asserted"
        ]
    );
    // Without the relative pronoun the verb has no object to say it of.
    assert_eq!(
        read("Hamas rejected the deal. Egypt had presented.", false),
        ["Hamas rejects the deal asserted"]
    );
}

#[test]
fn what_something_is_presented_on_the_basis_of_is_not_presented() {
    // "presented on the basis of a Franco-German proposal": what was presented is unnamed.
    let lines = read(
        "Qatar presented on the basis of a permanent ceasefire.",
        false,
    );
    assert!(lines.is_empty(), "{lines:?}");
    assert_eq!(
        read("Qatar presented the proposal.", false),
        ["Qatar proposes the proposal asserted"]
    );
}

#[test]
fn refusing_every_deal_that_lacks_something_demands_it_and_adverbs_keep_the_subject() {
    assert_eq!(
        read(
            "Hamas rejected any deal that does not include a permanent ceasefire.",
            false
        ),
        ["Hamas demands a permanent ceasefire asserted"]
    );
    assert_eq!(
        read(
            "Hamas has steadfastly refused all proposals that do not include a permanent ceasefire.",
            false
        ),
        ["Hamas demands a permanent ceasefire asserted"]
    );
    // A deal refused as such is still rejected, and an adverb of manner is no break.
    assert_eq!(
        read("Israel flatly rejected the proposal.", false),
        ["Israel rejects the proposal asserted"]
    );
    // Chairing a body mediates nothing.
    assert!(
        read(
            "Qatar, which currently chairs the Brotherhood Alliance, spoke.",
            false
        )
        .is_empty()
    );
}

#[test]
fn what_a_party_asks_in_exchange_for_its_offer_it_demands() {
    let mut read_offer = read(
        "Israel offered the proposal in exchange for the withdrawal.",
        false,
    );
    read_offer.sort();
    assert_eq!(
        read_offer,
        [
            "Israel demands the withdrawal asserted",
            "Israel offers the proposal asserted"
        ]
    );
    // Two parties bargaining: whose the exchange is, the sentence does not say.
    assert!(
        !read(
            "Israel offered the proposal and Hamas demanded a permanent ceasefire in exchange for the withdrawal.",
            false
        )
        .iter()
        .any(|relation| relation.contains("demands the withdrawal"))
    );
}
