//! Mediators: who a sentence presents as mediating, named by their demonyms too.

use super::*;
use crate::ingest::mentions::Mention;
use crate::ingest::tokens::tokenize;

#[test]
fn mediators_are_who_the_sentence_presents_as_mediating() {
    let sentence = "Barnea discussed the deal with Qatari and Egyptian mediators.";
    // Demonyms as the entities' mentions.
    let at = |text: &str| sentence.find(text).unwrap();
    let mentions = [
        Mention {
            start: at("Qatari"),
            end: at("Qatari") + 6,
            entity: 3,
            confidence: 0.9,
        },
        Mention {
            start: at("Egyptian"),
            end: at("Egyptian") + 8,
            entity: 2,
            confidence: 0.9,
        },
    ];
    let tokens = tokenize(sentence, 0, &mentions, &[], &kind);
    let reading = read_sentence(sentence, &tokens, &kind, true, &[]);
    assert_eq!(reading.mediators, [3, 2]);
    assert!(
        read("Egypt and Qatar urged Hamas to accept the proposal.", false)
            .iter()
            .all(|line| !line.contains("mediates"))
    );
}

/// `sentence` read with its demonyms ("Qatari" for Qatar, "Egyptian" for Egypt) as the
/// states' mentions: the parties it presents as mediators.
fn mediators_with_demonyms(sentence: &str) -> Vec<usize> {
    let mentions: Vec<Mention> = [("Qatari", 3), ("Egyptian", 2)]
        .iter()
        .filter_map(|&(demonym, entity)| {
            let start = sentence.find(demonym)?;
            Some(Mention {
                start,
                end: start + demonym.len(),
                entity,
                confidence: 0.9,
            })
        })
        .collect();
    let tokens = tokenize(sentence, 0, &mentions, &[], &kind);
    read_sentence(sentence, &tokens, &kind, true, &[]).mediators
}

#[test]
fn talks_under_demonyms_mediation_have_those_states_as_mediators() {
    assert_eq!(
        mediators_with_demonyms("Talks in Doha under Qatari and Egyptian mediation ended."),
        [3, 2]
    );
    assert_eq!(
        mediators_with_demonyms("Talks went on with Egyptian mediation."),
        [2]
    );
    // Mediation refused or merely named is not presented as taking place.
    assert!(mediators_with_demonyms("Hamas rejected Egyptian mediation.").is_empty());
}
