//! The words a sentence's meaning turns on: relation verbs, talk and travel words,
//! modality and attribution. General English cues, never one sentence's words.

use crate::model::Relation;

/// A word of a sentence with its char span in the article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// Lower-case text, trimmed of punctuation.
    pub text: String,
    /// First char in the article.
    pub start: usize,
    /// Just past its last char.
    pub end: usize,
}

impl Word {
    /// Whether the word starts with a capital in `sentence`, the text that starts at
    /// char `offset` of the article.
    pub fn is_capitalised_in(&self, sentence: &str, offset: usize) -> bool {
        sentence
            .chars()
            .nth(self.start.saturating_sub(offset))
            .is_some_and(char::is_uppercase)
    }
}

/// A hyphen for the typographic hyphens ("Qatari‑brokered" with U+2011, the
/// non-breaking hyphen some outlets print), the character itself otherwise: words are
/// joined by either alike.
pub fn as_hyphen(character: char) -> char {
    match character {
        '\u{2010}' | '\u{2011}' => '-',
        other => other,
    }
}

/// The words of `sentence`, which starts at char `offset` of its article.
pub fn words(sentence: &str, offset: usize) -> Vec<Word> {
    let mut words = Vec::new();
    let mut start: Option<usize> = None;
    let mut current = String::new();
    for (index, character) in sentence.chars().chain(std::iter::once(' ')).enumerate() {
        let character = as_hyphen(character);
        if character.is_alphanumeric() || character == '\'' || character == '’' || character == '-'
        {
            if start.is_none() {
                start = Some(index);
            }
            current.extend(character.to_lowercase());
        } else if let Some(first) = start.take() {
            let text = current
                .trim_matches(|c: char| !c.is_alphanumeric())
                .to_owned();
            if !text.is_empty() {
                words.push(Word {
                    text,
                    start: offset + first,
                    end: offset + index,
                });
            }
            current.clear();
        }
    }
    words
}

/// The words that are cues for each relation.
const RELATION_CUES: &[(Relation, &[&str])] = &[
    (
        Relation::Demands,
        &[
            "demand",
            "demands",
            "demanded",
            "demanding",
            "insist",
            "insists",
            "insisted",
            "insisting",
            "seek",
            "seeks",
            "sought",
            "seeking",
            "reiterates",
            "reiterated",
            "wants",
            "want",
            "wanted",
        ],
    ),
    (
        Relation::Rejects,
        &[
            "reject",
            "rejects",
            "rejected",
            "rejecting",
            "refuse",
            "refuses",
            "refused",
            "refusing",
            "dismiss",
            "dismissed",
            "dismisses",
        ],
    ),
    (
        Relation::Accepts,
        &[
            "accept",
            "accepts",
            "accepted",
            "accepting",
            "agreed",
            "agrees",
            "approve",
            "approves",
            "approved",
            "ratified",
            // "Central African parties have reached a peace agreement": only of things.
            "reached",
            "reach",
            "reaches",
        ],
    ),
    (
        Relation::Proposes,
        &[
            "propose",
            "proposes",
            "proposed",
            "proposing",
            "submit",
            "submits",
            "submitted",
            "presented",
            "tabled",
            "drafted",
            // "Hamas had suggested a prisoners-for-hostages swap".
            "suggested",
            "suggest",
            "suggests",
            "floated",
        ],
    ),
    (
        Relation::Offers,
        &["offer", "offers", "offered", "offering"],
    ),
    (
        Relation::Mediates,
        &[
            "mediate",
            "mediates",
            "mediated",
            "mediating",
            "broker",
            "brokers",
            "brokered",
            "brokering",
            "facilitate",
            "facilitated",
            "facilitates",
            "facilitating",
            "chaired",
            "chairs",
            "chairing",
            "co-chaired",
            "co-chairs",
            "co-chairing",
            "presided",
            "presides",
        ],
    ),
    (Relation::Hosts, &["host", "hosts", "hosted", "hosting"]),
    (
        Relation::Attends,
        &[
            "attend",
            "attends",
            "attended",
            "attending",
            "arrive",
            "arrives",
            "arrived",
            "joined",
            "joins",
            "join",
            "flew",
            "fly",
            "flies",
            "travelled",
            "traveled",
            "travelling",
            "traveling",
            "went",
            "met",
            "meet",
            "meets",
            "visited",
            "landed",
            "sending",
            "sent",
            "send",
            "accompanied",
            "accompany",
            "accompanies",
            "convene",
            "convened",
            "convenes",
            "gathered",
            "gather",
            "participated",
            "participate",
            "participates",
            "participating",
        ],
    ),
    (
        Relation::Supports,
        &[
            "support",
            "supports",
            "supported",
            "backed",
            "backs",
            "welcomed",
            "welcomes",
            // "Sisi hailed the Egypt-mediated agreement".
            "hailed",
            "hails",
            "praised",
            "praises",
            // "the peace framework endorsed by the EAC, SADC and the AU": endorsing a
            // text is backing it, not becoming its party.
            "endorsed",
            "endorses",
        ],
    ),
    (
        Relation::Leads,
        &[
            "led",
            "leads",
            "lead",
            "leading",
            "headed",
            "heads",
            "head",
            "heading",
            "commands",
            "commanded",
        ],
    ),
    (
        Relation::Opposes,
        &["oppose", "opposes", "opposed", "opposing"],
    ),
    (
        Relation::Pressures,
        &[
            "pressure",
            "pressures",
            "pressured",
            "pressuring",
            "press",
            "presses",
            "pressed",
            "urge",
            "urges",
            "urged",
            "urging",
            "warn",
            "warns",
            "warned",
            "threaten",
            "threatens",
            "threatened",
        ],
    ),
    (
        Relation::Blames,
        &[
            "blame", "blames", "blamed", "blaming", "accuse", "accuses", "accused", "accusing",
        ],
    ),
];

/// The relation a word is a cue for, if any.
pub fn relation_cue(word: &str) -> Option<Relation> {
    if SIGNING.contains(&word) {
        return Some(Relation::Accepts);
    }
    RELATION_CUES
        .iter()
        .find(|(_, words)| words.contains(&word))
        .map(|(relation, _)| *relation)
}

/// Verbs of signing an agreement: each accepts what is signed, and signing somewhere is
/// a meeting there ("Russia and Ukraine signed a deal in Istanbul").
pub const SIGNING: &[&str] = &[
    "signed",
    "sign",
    "signs",
    "finalized",
    "finalised",
    "formalized",
    "formalised",
    "inked",
    "initialled",
    "initialed",
    // "shook hands in Damascus to seal the agreement".
    "sealed",
    "seal",
    "seals",
];

/// Verbs of shaking hands: "shook hands in Damascus" is a meeting there, attended by
/// those who shook them.
pub const HANDSHAKE_VERBS: &[&str] = &["shook", "shake", "shakes", "shaking"];

/// Words that say a meeting is talked about.
pub fn is_talk_word(word: &str) -> bool {
    matches!(
        word,
        "talks"
            | "negotiations"
            | "negotiation"
            | "meeting"
            | "meetings"
            | "met"
            | "meet"
            | "meets"
            | "round"
            | "summit"
            | "negotiating"
            | "ceremony"
            | "signing"
            | "conference"
            | "consultations"
            | "discussions"
            | "discussion"
            | "roundtable"
            | "round-table"
            | "dialogue"
            | "gathered"
            | "gathering"
            | "convened"
            | "convene"
            | "convenes"
    )
}

/// Words that say someone travels to or from a meeting place.
pub fn is_travel_word(word: &str) -> bool {
    matches!(
        word,
        "arrived"
            | "arrive"
            | "arrives"
            | "left"
            | "leave"
            | "leaves"
            | "leaving"
            | "exits"
            | "exited"
            | "travelled"
            | "traveled"
            | "travelling"
            | "traveling"
            | "flew"
            | "fly"
            | "went"
            | "landed"
            | "sending"
            | "headed"
            | "visit"
            | "visited"
            | "sent"
            | "send"
            | "return"
            | "returned"
    )
}

/// Words that make a sentence look ahead.
const EXPECTED: &[&str] = &[
    "expected",
    "will",
    "would",
    "set",
    "plans",
    "planned",
    "plan",
    "scheduled",
    "going",
    "poised",
    "due",
];
/// Words anywhere in a sentence that report a denial.
const DENIALS: &[&str] = &["denied", "deny", "denies", "denying"];

/// Whether a sentence looks ahead (for meetings: planned; for weekdays: the next one).
pub fn looks_ahead(words: &[Word]) -> bool {
    // "agreed on a plan": a noun, no looking ahead.
    let noun = |at: usize| {
        at.checked_sub(1)
            .and_then(|before| words.get(before))
            .is_some_and(|before| {
                matches!(
                    before.text.as_str(),
                    "a" | "an" | "the" | "its" | "their" | "this"
                )
            })
    };
    words.windows(2).enumerate().any(|(at, pair)| match pair {
        [first, second] => {
            EXPECTED.contains(&first.text.as_str())
                && !matches!(second.text.as_str(), "not")
                && !noun(at)
                || (first.text == "to"
                    && matches!(second.text.as_str(), "resume" | "return" | "meet" | "hold"))
        }
        _ => false,
    })
}

/// Whether a sentence reports a denial.
pub fn denies(words: &[Word]) -> bool {
    words
        .iter()
        .any(|word| DENIALS.contains(&word.text.as_str()))
}

/// Who a sentence says the report comes from: "according to X", or the speaker of
/// "X said" / "said X", or `None`.
pub fn attribution(sentence: &str) -> Option<String> {
    let lower = sentence.to_lowercase();
    let clause_end = |text: &str| {
        text.find([',', '.', ';', ':', '“', '”', '"', '(', ')'])
            .unwrap_or(text.len())
    };
    let limit_words = |text: &str, max: usize| -> Option<String> {
        let words: Vec<&str> = text.split_whitespace().collect();
        (!words.is_empty() && words.len() <= max).then(|| words.join(" "))
    };
    if let Some(at) = lower.find("according to ") {
        let rest = sentence.get(at + "according to ".len()..).unwrap_or("");
        let rest = rest.get(..clause_end(rest)).unwrap_or(rest);
        return limit_words(rest, 10);
    }
    for verb in [
        " said",
        " told",
        " says",
        " stated",
        " confirmed",
        " reported",
    ] {
        let Some(at) = lower.find(verb) else { continue };
        let before = sentence.get(..at).unwrap_or("");
        let start = before
            .rfind([',', ';', ':', '”', '"', '.'])
            .map_or(0, |position| position + 1);
        let speaker = before.get(start..).unwrap_or("").trim();
        if let Some(speaker) = limit_words(speaker, 8)
            && speaker.chars().next().is_some_and(|c| c.is_alphabetic())
        {
            return Some(speaker);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plan_after_a_determiner_is_a_noun_not_the_future() {
        assert!(!looks_ahead(&words(
            "They agreed on a plan to implement the deal.",
            0
        )));
        assert!(looks_ahead(&words("They plan to meet in Cairo.", 0)));
        assert!(looks_ahead(&words("Talks are expected to resume.", 0)));
    }

    #[test]
    fn attribution_finds_sources_and_speakers() {
        assert_eq!(
            attribution("Talks stalled, according to Al-Kahera News.").as_deref(),
            Some("Al-Kahera News")
        );
        assert_eq!(
            attribution("Talks will resume, an unnamed Israeli official said on Sunday.")
                .as_deref(),
            Some("an unnamed Israeli official")
        );
        assert_eq!(attribution("Hamas rejected the plan."), None);
    }

    #[test]
    fn words_carry_article_offsets() {
        let found = words("Hamas’ demands, met.", 10);
        assert_eq!(found[0].text, "hamas", "trimmed of its apostrophe");
        assert_eq!((found[1].start, found[1].end), (17, 24));
        assert_eq!(relation_cue(&found[1].text), Some(Relation::Demands));
    }
}
