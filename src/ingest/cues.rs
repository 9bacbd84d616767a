//! The words a sentence's meaning turns on: relation verbs, talk and travel words,
//! modality and attribution. General English cues, never one sentence's words.

use crate::model::{Modality, Relation};

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

/// The words of `sentence`, which starts at char `offset` of its article.
pub fn words(sentence: &str, offset: usize) -> Vec<Word> {
    let mut words = Vec::new();
    let mut start: Option<usize> = None;
    let mut current = String::new();
    for (index, character) in sentence.chars().chain(std::iter::once(' ')).enumerate() {
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

/// The relation a word is a cue for, if any.
pub fn relation_cue(word: &str) -> Option<Relation> {
    const CUES: &[(Relation, &[&str])] = &[
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
                "endorsed",
                "endorses",
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
                "brokered",
                "brokering",
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
    CUES.iter()
        .find(|(_, words)| words.contains(&word))
        .map(|(relation, _)| *relation)
}

/// Words that say a meeting is talked about.
pub fn is_talk_word(word: &str) -> bool {
    matches!(
        word,
        "talks"
            | "negotiations"
            | "meeting"
            | "meetings"
            | "met"
            | "meet"
            | "round"
            | "summit"
            | "negotiating"
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
            | "headed"
            | "visit"
            | "visited"
            | "sent"
            | "send"
            | "return"
            | "returned"
    )
}

/// Words before a cue that make it expected.
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
/// Words before a cue that make it hypothetical.
const HYPOTHETICAL: &[&str] = &[
    "if",
    "could",
    "might",
    "may",
    "possible",
    "potential",
    "potentially",
    "reportedly",
    "unless",
    "whether",
];
/// Words before a cue that negate it.
const NEGATIONS: &[&str] = &[
    "not", "no", "never", "n't", "didn't", "don't", "doesn't", "won't", "wouldn't", "cannot",
    "without",
];
/// Words anywhere in a sentence that report a denial.
const DENIALS: &[&str] = &["denied", "deny", "denies", "denying"];

/// The modality of the cue at `cue` (an index into `words`): denied when the sentence
/// reports a denial, negated, hypothetical or expected by the four words before it.
pub fn modality(words: &[Word], cue: usize) -> Modality {
    if words
        .iter()
        .any(|word| DENIALS.contains(&word.text.as_str()))
    {
        return Modality::Denied;
    }
    let before: Vec<&str> = words
        .get(cue.saturating_sub(4)..cue)
        .unwrap_or(&[])
        .iter()
        .map(|word| word.text.as_str())
        .collect();
    let has = |list: &[&str]| {
        before
            .iter()
            .any(|word| list.contains(word) || word.ends_with("n't"))
    };
    if before
        .iter()
        .any(|word| NEGATIONS.contains(word) || word.ends_with("n't"))
    {
        Modality::Negated
    } else if before.iter().any(|word| HYPOTHETICAL.contains(word)) {
        Modality::Hypothetical
    } else if has(EXPECTED) && !before.iter().any(|word| word.ends_with("n't")) {
        Modality::Expected
    } else {
        Modality::Asserted
    }
}

/// Whether a sentence looks ahead (for meetings: planned; for weekdays: the next one).
pub fn looks_ahead(words: &[Word]) -> bool {
    words.windows(2).any(|pair| match pair {
        [first, second] => {
            EXPECTED.contains(&first.text.as_str()) && !matches!(second.text.as_str(), "not")
                || (first.text == "to"
                    && matches!(second.text.as_str(), "resume" | "return" | "meet" | "hold"))
        }
        _ => false,
    })
}

/// Whether the party named at chars `start..end` of a sentence is said to be absent:
/// "no Israeli delegation", or a negation within the three words after it ("did not
/// travel", "never went", "refused to attend").
pub fn absent(words: &[Word], start: usize, end: usize) -> bool {
    let before = words.iter().rev().find(|word| word.end <= start);
    if before.is_some_and(|word| word.text == "no") {
        return true;
    }
    words
        .iter()
        .filter(|word| word.start >= end)
        .take(3)
        .any(|word| {
            NEGATIONS.contains(&word.text.as_str())
                || word.text.ends_with("n't")
                || matches!(word.text.as_str(), "refused" | "declined" | "skipped")
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

    fn modality_of(sentence: &str, cue: &str) -> Modality {
        let words = words(sentence, 0);
        let at = words.iter().position(|word| word.text == cue).unwrap();
        modality(&words, at)
    }

    #[test]
    fn modality_follows_the_words_before_the_cue() {
        assert_eq!(
            modality_of("Hamas rejected the plan", "rejected"),
            Modality::Asserted
        );
        assert_eq!(
            modality_of("Israel did not accept the offer", "accept"),
            Modality::Negated
        );
        assert_eq!(
            modality_of("Israel is expected to accept", "accept"),
            Modality::Expected
        );
        assert_eq!(
            modality_of("Israel might accept", "accept"),
            Modality::Hypothetical
        );
        assert_eq!(
            modality_of("An official denied that Hamas accepted", "accepted"),
            Modality::Denied
        );
    }

    #[test]
    fn absence_is_read_next_to_the_party() {
        let absent_in = |sentence: &str, party: &str| {
            let found = words(sentence, 0);
            let start = sentence.find(party).unwrap();
            absent(&found, start, start + party.len())
        };
        assert!(absent_in(
            "Qatar did not take part in the talks in Doha.",
            "Qatar"
        ));
        assert!(absent_in(
            "The round saw no Israeli delegation in Cairo.",
            "Israeli delegation"
        ));
        assert!(absent_in(
            "Israeli officials refused to travel to Cairo.",
            "Israeli officials"
        ));
        assert!(!absent_in("Qatar took part in the talks in Doha.", "Qatar"));
        assert!(
            !absent_in("Hamas, which did not sign, met Egypt in Cairo.", "Egypt"),
            "the negation belongs to another party"
        );
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
