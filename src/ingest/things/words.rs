//! The words things are named with: head nouns in families, the complements they take,
//! the modifiers that belong in a name and the words that make a head a verb.

use crate::model::Relation;

/// The head nouns of things, in families whose members refer to one another ("the
/// agreement" after "the deal"), with the relation a party named in the phrase has to it.
pub(super) const FAMILIES: &[(&[&str], Option<Relation>)] = &[
    (
        &[
            "proposal",
            "plan",
            "framework",
            "initiative",
            "roadmap",
            "blueprint",
        ],
        Some(Relation::Proposes),
    ),
    (&["offer"], Some(Relation::Offers)),
    (
        &[
            "deal",
            "agreement",
            "accord",
            "settlement",
            "declaration",
            "arrangement",
            "treaty",
            "pact",
            "communique",
            "communiqué",
        ],
        None,
    ),
    (
        &[
            "ceasefire",
            "cease-fire",
            "truce",
            "cessation",
            "pause",
            "halt",
        ],
        None,
    ),
    (&["exchange", "swap"], None),
    (&["release"], None),
    (&["withdrawal"], None),
    (&["end", "disarmament"], None),
    (
        &[
            "extension",
            "guarantees",
            "assurances",
            "invitation",
            "corridor",
            "conditions",
        ],
        None,
    ),
];

/// Heads that take a prepositional phrase into their name ("cessation of hostilities",
/// "halt to the offensive", "withdrawal from Gaza"), with the prepositions.
pub(super) const COMPLEMENTS: &[(&str, &[&str])] = &[
    ("cessation", &["of"]),
    ("exchange", &["of"]),
    ("halt", &["of", "to"]),
    ("suspension", &["of"]),
    ("extension", &["of"]),
    ("release", &["of"]),
    ("withdrawal", &["of", "from"]),
    ("end", &["to", "of"]),
    ("disarmament", &["of"]),
    // "a declaration of principles".
    ("declaration", &["of"]),
];

/// Heads that name a thing only with a complement about one of these words within a
/// few words of their preposition ("the release of 121 hostages", "an end to the war",
/// "the withdrawal of foreign troops"): elsewhere they are common words ("the end of the
/// month", "the release of the report"). "withdrawal from" and "disarmament of" need no
/// particular word.
pub(super) const CONFINED_HEADS: &[(&str, &[&str])] = &[
    (
        "release",
        &[
            "hostages",
            "hostage",
            "captives",
            "prisoners",
            "detainees",
            "abductees",
            // "the release of kidnapped civilians".
            "civilians",
        ],
    ),
    (
        "withdrawal",
        &[
            "troops", "forces", "soldiers", "army", "military", "fighters",
        ],
    ),
    (
        "end",
        &[
            "war",
            "fighting",
            "hostilities",
            "conflict",
            "occupation",
            "siege",
            "offensive",
            "blockade",
            "violence",
            "attacks",
            "aggression",
            "operation",
            "bombardment",
        ],
    ),
    ("disarmament", &[]),
];

/// The prepositions `singular` takes into its name.
pub(super) fn complement_prepositions(singular: &str) -> &'static [&'static str] {
    COMPLEMENTS
        .iter()
        .find(|(head, _)| *head == singular)
        .map_or(&[], |(_, prepositions)| prepositions)
}

/// Words that may modify a head and belong in the thing's name.
pub(super) const MODIFIERS: &[&str] = &[
    "ceasefire",
    "cease-fire",
    "truce",
    "hostage",
    "hostages",
    "peace",
    "grain",
    "prisoner",
    "prisoners",
    "framework",
    "comprehensive",
    "bilateral",
    "humanitarian",
    "permanent",
    "temporary",
    "final",
    "initial",
    "interim",
    "partial",
    "phased",
    "written",
    "draft",
    "amended",
    "security",
    "political",
    "military",
    "nationwide",
    "lasting",
    "full",
    "complete",
    "sustainable",
    "long-term",
    "short-term",
    "regional",
    "trilateral",
    "joint",
    "separate",
    "formal",
    "preliminary",
    "three-phase",
    "two-phase",
    "weekslong",
    "all-for-all",
    "gaza",
    "truce-for-hostages",
    "swap",
    "exchange",
    "shipment",
    // "a safe land corridor for aid".
    "safe",
    "land",
    // "the Hamas-Fatah unity deal", "a reconciliation agreement", "a border treaty".
    "unity",
    "reconciliation",
    "border",
    "normalisation",
    "normalization",
    "power-sharing",
];
/// Words that may precede a head without belonging in its name.
pub(super) const PASSING: &[&str] = &["new", "latest", "revised", "updated", "fresh", "current"];
/// Words before a phrase that make the head a verb ("to offer", "would deal").
pub(super) const VERB_MAKERS: &[&str] = &[
    "to", "will", "would", "could", "can", "may", "might", "should", "it", "they", "we", "i",
    "not", "did", "does", "also",
];

pub(super) fn family_of(word: &str) -> Option<usize> {
    let singular = word.strip_suffix('s').unwrap_or(word);
    FAMILIES
        .iter()
        .position(|(heads, _)| heads.contains(&word) || heads.contains(&singular))
}
