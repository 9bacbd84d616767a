//! Reports of factions reconciled by a host, a rebel group's talks mediated by two
//! states, and a government's delegation meeting holdout groups name parties in ways
//! the earlier sets did not: long faction names listed once ("Palestinian Popular
//! Struggle Front", "the Popular Front for the Liberation of Palestine"), a document's
//! title that reads like a name (written in the style of set 26's articles, not copied
//! from them).

use super::ingest::{edge_strings, labels_of_kind, model_of};

#[test]
fn factions_listed_once_by_their_long_names_are_parties_and_a_declaration_s_title_is_no_person() {
    let model = model_of(
        "Unity talks\n\nPublished 2024-07-23\n\nThe \"Cairo Declaration on Ending Division and Strengthening Palestinian National Unity\" was signed on Tuesday by representatives of the factions, including the Popular Front for the Liberation of Palestine, Palestinian People's Party, Palestinian Popular Struggle Front and Palestinian National Initiative. Palestinian officials welcomed it. Pagan Amum, the Chairperson of the Real-Sudan People's Liberation Movement, also spoke.\n",
    );
    let parties = labels_of_kind(&model, "actor");
    for faction in [
        "Popular Front for the Liberation of Palestine",
        "Palestinian People's Party",
        "Palestinian Popular Struggle Front",
        "Real-Sudan People's Liberation Movement",
    ] {
        assert!(parties.contains(&faction), "{faction}: {parties:?}");
    }
    // Neither a title's words nor a faction's first words are a person called
    // "Palestinian", and the "and" after a faction's name joins a list, not a name.
    for wrong in [
        "Strengthening Palestinian",
        "Palestinian People's",
        "Palestinian Popular Struggle",
        "Palestinian Popular Struggle Front and Palestinian National Initiative",
    ] {
        assert!(!parties.contains(&wrong), "{wrong}: {parties:?}");
    }
    let edges = edge_strings(&model);
    assert!(
        edges.contains(&"Pagan Amum member_of Real-Sudan People's Liberation Movement".to_owned()),
        "{edges:#?}"
    );
}
