//! The passive as news prints it: the agent after when and where it happened, a
//! participle that opens the sentence, and agents named with their office.

use super::{read, read_with_places};

#[test]
fn the_agent_may_follow_when_and_where_it_happened() {
    assert_eq!(
        read(
            "The deal, signed on Wednesday by Hamas and Israel, is a beacon of hope.",
            false
        ),
        [
            "Hamas accepts deal asserted",
            "Israel accepts deal asserted"
        ]
    );
    assert_eq!(
        read_with_places(
            "The deal was signed in Doha on 3 May by Hamas.",
            true,
            &["Doha"]
        ),
        ["Hamas accepts deal asserted"]
    );
    // Not a passive's agent: "by" far from the verb, or after other words.
    assert!(read("The deal signed on Wednesday was praised by Hamas.", false).is_empty());
    assert!(read("The deal was signed in secret by Hamas.", false).is_empty());
}

#[test]
fn a_participle_that_opens_the_sentence_says_of_what_follows_its_agents() {
    assert_eq!(
        read_with_places(
            "Hosted by Qatar, the talks in Doha resumed on Monday.",
            true,
            &["Doha"]
        ),
        ["Qatar hosts meeting asserted"]
    );
    assert_eq!(
        read("Brokered by Egypt and Qatar, the deal took effect.", false),
        [
            "Egypt mediates the deal asserted",
            "Qatar mediates the deal asserted"
        ]
    );
    // What follows is no talks and no thing: nothing to relate.
    assert!(read("Hosted by Qatar, Hamas spoke.", true).is_empty());
}

#[test]
fn agents_named_with_their_office_are_the_people() {
    assert_eq!(
        read(
            "The deal was brokered by the Russian President, Vladimir Putin, and Turkey.",
            false
        ),
        [
            "Turkey mediates deal asserted",
            "Vladimir Putin mediates deal asserted"
        ]
    );
    assert_eq!(
        read(
            "The deal was brokered by Azerbaijan's President Ilham Aliyev and Turkey.",
            false
        ),
        [
            "Ilham Aliyev mediates deal asserted",
            "Turkey mediates deal asserted"
        ]
    );
    // The party only says whose office brokered it: no agent named.
    assert!(
        read(
            "The deal was brokered by the President of Egypt, Dr Tom Kay.",
            false
        )
        .is_empty()
    );
}

/// "between A, headed by X, and B, headed by Y": each aside's agent is its own; the
/// second side is no agent of the first aside.
#[test]
fn an_aside_s_agent_stops_at_the_list_it_interrupts() {
    let lines = read(
        "Negotiations between Turkey, headed by Vladimir Putin, and Azerbaijan, headed by Ilham Aliyev, concluded.",
        true,
    );
    assert!(
        lines.contains(&"Vladimir Putin leads Turkey asserted".to_owned()),
        "{lines:?}"
    );
    assert!(
        !lines
            .iter()
            .any(|line| line.starts_with("Azerbaijan leads")),
        "{lines:?}"
    );
}
