//! Things from noun phrases: proposers, back-references, confined heads.

use super::*;
use crate::ingest::tokens::tokenize;

fn things(sentences: &[&str]) -> Vec<(String, Vec<String>)> {
    let mut registry = Registry::default();
    let egypt = registry.get_or_add("egypt", || Entity {
        key: "egypt".into(),
        label: "Egypt".into(),
        kind: NodeKind::Actor,
        subtype: None,
        aliases: BTreeSet::new(),
        origin: Origin::Titled,
        affiliations: Vec::new(),
    });
    let mut context = ThingContext::new();
    let mut out = Vec::new();
    for sentence in sentences {
        let text = ArticleText::new(sentence.to_string());
        let mentions: Vec<Mention> = ["Egypt", "Egyptian"]
            .iter()
            .filter_map(|name| {
                let at = sentence.find(&format!("{name} "))?;
                Some(Mention {
                    start: at,
                    end: at + name.len(),
                    entity: egypt,
                    confidence: 0.9,
                })
            })
            .take(1)
            .collect();
        let kinds: Vec<NodeKind> = registry.entities.iter().map(|e| e.kind).collect();
        let tokens = tokenize(sentence, 0, &mentions, &[], &|e| kinds.get(e).copied());
        for thing in find_things(0, &text, &tokens, &mut registry, &mut context) {
            let label = registry.entities[thing.mention.entity].label.clone();
            let relations = thing
                .relations
                .iter()
                .map(|r| {
                    format!(
                        "{} {}",
                        registry.entities[r.subject].label,
                        r.relation.as_str()
                    )
                })
                .collect();
            out.push((label, relations));
        }
    }
    out
}

#[test]
fn noun_phrases_become_things_with_their_proposers() {
    assert_eq!(
        things(&["Hamas accepted a ceasefire proposal from Egypt and Qatar."]),
        [(
            "Ceasefire proposal from Egypt".to_owned(),
            vec!["Egypt proposes".to_owned()]
        )]
    );
    assert_eq!(
        things(&["They agreed to a permanent cessation of hostilities on Wednesday."]),
        [("Permanent cessation of hostilities".to_owned(), vec![])]
    );
    assert_eq!(
        things(&["The Egyptian proposal was rejected."]),
        [(
            "Egyptian proposal".to_owned(),
            vec!["Egypt proposes".to_owned()]
        )]
    );
}

#[test]
fn the_proposal_is_the_last_one_named_and_verbs_are_not_things() {
    let found = things(&[
        "Israel sent a new framework on Monday.",
        "Hamas said it would study the framework.",
        "Israel wants to deal with it and to offer more.",
        "At the invitation of Egypt, Hamas met.",
        "Egypt's current plans envisioned the talks lasting a week.",
    ]);
    assert_eq!(
        found
            .iter()
            .map(|(label, _)| label.as_str())
            .collect::<Vec<_>>(),
        ["Framework", "Framework"],
        "an invitation one comes at names who hosts, no thing"
    );
    assert_eq!(
        things(&["Hamas accepted the Egyptian invitation."]),
        [("Egyptian invitation".to_owned(), vec![])]
    );
}

#[test]
fn a_pause_is_a_truce_only_of_the_fighting() {
    let found = things(&[
        "The United States will lift the pause in intelligence sharing.",
        "Israel agreed to a pause in the fighting.",
        "Hamas wants a humanitarian pause.",
        "Hamas wants prisoners freed in exchange for hostages.",
    ]);
    assert_eq!(
        found
            .iter()
            .map(|(label, _)| label.as_str())
            .collect::<Vec<_>>(),
        ["Pause", "Humanitarian pause"]
    );
}

#[test]
fn releases_ends_and_withdrawals_are_things_only_of_captives_wars_and_troops() {
    let found = things(&[
        "Israel seeks the release of the 121 hostages still in Gaza.",
        "Talks should resume by the end of the month.",
        "The release of the report was delayed.",
        "Hamas wants an end to Egyptian attacks.",
        "They want the withdrawal of foreign troops and a withdrawal from Gaza.",
        "Hamas wants the withdrawal.",
    ]);
    assert_eq!(
        found
            .iter()
            .map(|(label, _)| label.as_str())
            .collect::<Vec<_>>(),
        [
            "Release of the 121 hostages",
            "End to Egyptian attacks",
            "Withdrawal of foreign troops",
            "Withdrawal from Gaza"
        ]
    );
}

#[test]
fn a_new_proposal_is_not_the_one_named_before() {
    let found = things(&[
        "Hamas accepted a ceasefire proposal from Egypt on Monday.",
        "Israel drafted a new framework.",
        "Egypt welcomed the framework.",
    ]);
    let labels: Vec<&str> = found.iter().map(|(label, _)| label.as_str()).collect();
    assert_eq!(labels.len(), 3);
    assert_eq!(labels[0], "Ceasefire proposal from Egypt");
    // Not the proposal named before: a framework of its own, which "the framework"
    // then refers to.
    assert_eq!(labels[1], "Framework");
    assert_eq!(labels[2], "Framework", "the framework is the new one");
}
