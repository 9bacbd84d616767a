//! Talks named with their parties: "talks between Israel and Hamas", "a meeting with
//! Lapid", "in the presence of Trump", "Following talks in Jeddah, the United States and
//! Ukraine agreed".

use super::lists::{glued, list_starting_at, past_the};
use super::words::{FUTURE, NEGATING, TALK_NOUNS};
use super::{Sentence, SentenceReading};
use crate::ingest::tokens::{Piece, Token, before};
use crate::model::Modality;

/// Verbs that refuse what follows them: "rejected talks with Hamas".
const REFUSING: &[&str] = &[
    "rejected",
    "rejects",
    "refused",
    "refuses",
    "ruled",
    "boycotted",
    "boycott",
];

/// "talks between Israel and Hamas", "a meeting of the Ukrainian and U.S. delegations",
/// "in the presence of Trump": those named take part ("in the absence of": they do not).
/// True when it read them.
pub(super) fn read_talks_between(
    sentence: &Sentence<'_>,
    index: usize,
    token: &Token,
    reading: &mut SentenceReading,
) -> bool {
    let tokens = sentence.tokens;
    let has_meeting = sentence.has_meeting;
    let attributed_to = &sentence.attributed_to;
    // "talks between Israel and Hamas", "a meeting involving UN and Turkish officials":
    // those named take part.
    let talks_before = |back: usize| {
        index
            .checked_sub(back)
            .and_then(|at| tokens.get(at))
            .is_some_and(|before| before.is_any(TALK_NOUNS))
    };
    let comma_before = index
        .checked_sub(1)
        .and_then(|at| tokens.get(at))
        .is_some_and(|before| before.piece == Piece::Punct(','));
    // "a meeting of the Ukrainian and U.S. delegations", "in the presence of Trump".
    let meeting_of = token.is("of") && talks_before(1);
    let presence = token.is("of")
        && index
            .checked_sub(1)
            .and_then(|at| tokens.get(at))
            // "was signed with the participation of Foreign Minister Wang Yi".
            .is_some_and(|before| before.is_any(&["presence", "participation"]));
    // "took place in the absence of the President of Rwanda, Paul Kagame": those named
    // did not take part.
    let absence = token.is("of")
        && index
            .checked_sub(1)
            .and_then(|at| tokens.get(at))
            .is_some_and(|before| before.is("absence"));
    // "talks with Houthi leaders", "a meeting with Lapid": those met take part, unless
    // the talks are refused ("rejected talks with Hamas").
    let talks_with = token.is("with")
        && talks_before(1)
        && !tokens
            .get(index.saturating_sub(4)..index)
            .is_some_and(|before| {
                before
                    .iter()
                    .any(|t| t.is_any(NEGATING) || t.is_any(REFUSING))
            });
    // "two rounds of talks in Abu Dhabi involving Russia, Ukraine and the United States",
    // "a meeting in Doha between Tshisekedi and Kagame", "meetings took place in Doha
    // between Hamas leaders and U.S. special envoy Adam Boehler".
    let involving_after_place = token.is_any(&["involving", "between"])
        && (2..=7).any(|back| {
            talks_before(back)
                && tokens.get(index + 1 - back..index).is_some_and(|between| {
                    between.iter().all(|t| {
                        matches!(t.piece, Piece::Place(_))
                            || t.is_any(&[
                                "in", "at", "the", "took", "place", "were", "was", "held",
                            ])
                    })
                })
        });
    // "Shaibani met in Amman with Safadi and Barrack", "held a meeting in Cairo with
    // Araghchi": those met there take part.
    let met_with_after_place = token.is("with")
        && (3..=5).any(|back| {
            (before(tokens, index, back).is_some_and(|verb| verb.is_any(&["met", "meets", "meet"]))
                || talks_before(back))
                && tokens.get(index + 1 - back..index).is_some_and(|between| {
                    between.iter().all(|t| {
                        matches!(t.piece, Piece::Place(_))
                            || t.is_any(&["met", "meets", "meet", "in", "at", "the"])
                    })
                })
        });
    if has_meeting
        && (meeting_of
            || met_with_after_place
            || presence
            || absence
            || talks_with
            || involving_after_place
            || (token.is_any(&["between", "involving"])
                && (talks_before(1) || (comma_before && talks_before(2))))
            // "12 hours of talks by Serbian President Aleksandar Vučić, … and EU officials".
            || (token.is("by") && talks_before(1)))
    {
        let mut first = past_the(tokens, index + 1);
        // "between the warring Sudanese army and …".
        while tokens.get(first).is_some_and(|t| {
            t.is_any(&[
                "warring",
                "rival",
                "two",
                "paramilitary",
                "opposing",
                "feuding",
                "a",
                "top",
                "senior",
            ])
        }) {
            first += 1;
        }
        // The future of the talks' own clause ("will lift …, after a meeting of").
        let clause_start = tokens
            .get(..index)
            .unwrap_or(&[])
            .iter()
            .rposition(|t| t.piece == Piece::Punct(',') || t.is_hard_break())
            .map_or(0, |at| at + 1);
        let clause = tokens.get(clause_start..).unwrap_or(&[]);
        let clause_end = clause
            .iter()
            .position(|t| t.piece == Piece::Punct(',') || t.is_hard_break())
            .unwrap_or(clause.len());
        let modality = if absence {
            Modality::Negated
        } else if clause
            .get(..clause_end)
            .unwrap_or(&[])
            .iter()
            .any(|t| t.is_any(FUTURE))
        {
            Modality::Expected
        } else {
            Modality::Asserted
        };
        // "a round of Kenya-led talks": read as the participle says.
        if let (Some(party), Some(next)) = (tokens.get(first), tokens.get(first + 1))
            && party.party().is_some()
            && glued(party, next)
        {
            return false;
        }
        let (parties, last) = list_starting_at(tokens, first).unwrap_or_default();
        // "talks in Jeddah with US officials before negotiations with the RSF in Geneva":
        // talks placed after their parties, with another place before them, are other
        // talks than the sentence's.
        let placed_after = {
            let mut k = last + 1;
            // "with the Rapid Support Forces (RSF) in Geneva".
            if tokens.get(k).is_some_and(|t| t.piece == Piece::Punct('('))
                && let Some(close) = (k + 1..k + 6)
                    .find(|&i| tokens.get(i).is_some_and(|t| t.piece == Piece::Punct(')')))
            {
                k = close + 1;
            }
            while tokens
                .get(k)
                .is_some_and(|t| t.is_any(&["in", "at", "the"]))
            {
                k += 1;
            }
            k > last + 1
                && tokens
                    .get(k)
                    .is_some_and(|t| matches!(t.piece, Piece::Place(_)))
        };
        let placed_before = tokens
            .get(..index)
            .is_some_and(|before| before.iter().any(|t| matches!(t.piece, Piece::Place(_))));
        if talks_with && placed_after && placed_before {
            return true;
        }
        // "The meeting between Ruto and Kiir resolved to resume talks in Nairobi": a
        // meeting that opens the sentence and decides on talks is another meeting than
        // the talks it decides on.
        let opens_sentence = index <= 3
            && tokens
                .get(..index)
                .is_some_and(|before| before.iter().all(|t| t.word().is_some()));
        let decides = tokens.get(last + 1).is_some_and(|verb| {
            verb.is_any(&[
                "resolved", "agreed", "decided", "directed", "called", "urged",
            ])
        });
        if opens_sentence && decides {
            return true;
        }
        reading.attending(parties, modality, attributed_to);
        return true;
    }
    false
}

/// "Following talks in Jeddah, the United States and Ukraine agreed": the parties that
/// act after the talks took part in them.
pub(super) fn read_following_talks(
    sentence: &Sentence<'_>,
    index: usize,
    token: &Token,
    reading: &mut SentenceReading,
) {
    let tokens = sentence.tokens;
    let has_meeting = sentence.has_meeting;
    let attributed_to = &sentence.attributed_to;
    let opens_sentence = index == 0
        || index
            .checked_sub(1)
            .and_then(|at| tokens.get(at))
            .is_some_and(|before| before.piece == Piece::Punct(':'));
    // "At the end of week-long peace talks in Sweden, A and B shook hands", "During
    // the talks in Doha, …".
    // "At the 4th ministerial meeting held in Luanda on October 12, …".
    let opening = token.is_any(&["after", "following", "during"])
        || (token.is("at")
            && tokens.get(index + 1).is_some_and(|t| t.is("the"))
            && tokens
                .get(index + 2..(index + 6).min(tokens.len()))
                .is_some_and(|next| {
                    next.iter()
                        .any(|t| t.is_any(&["end", "close", "start"]) || t.is_any(TALK_NOUNS))
                }));
    if opens_sentence && has_meeting && opening {
        let comma = tokens
            .iter()
            .take(12)
            .position(|t| t.piece == Piece::Punct(','));
        let talks = comma.is_some_and(|comma| {
            tokens
                .get(..comma)
                .is_some_and(|opening| opening.iter().any(|t| t.is_any(TALK_NOUNS)))
        });
        if let (Some(comma), true) = (comma, talks) {
            // "…, under the mediation of Angola, the DRC and Rwanda reached": past a
            // phrase between commas that opens with a preposition.
            let comma = if tokens
                .get(comma + 1)
                .is_some_and(|t| t.is_any(&["under", "with", "in", "at", "amid"]))
            {
                (comma + 2..(comma + 10).min(tokens.len()))
                    .find(|&at| tokens.get(at).is_some_and(|t| t.piece == Piece::Punct(',')))
                    .unwrap_or(comma)
            } else {
                comma
            };
            let first = past_the(tokens, comma + 1);
            if let Some((parties, last)) = list_starting_at(tokens, first)
                && tokens
                    .get(last + 1)
                    .is_some_and(|next| next.word().is_some() && !next.is_any(TALK_NOUNS))
            {
                // "…, Witkoff and Kushner are traveling to Egypt": not there yet.
                let verb_group = tokens.get(last + 1..(last + 4).min(tokens.len()));
                let ahead = verb_group.is_some_and(|group| {
                    group.iter().any(|t| {
                        t.is_any(FUTURE)
                            || t.is_any(&["traveling", "travelling", "heading", "flying"])
                    })
                });
                let modality = if ahead {
                    Modality::Expected
                } else {
                    Modality::Asserted
                };
                reading.attending(parties, modality, attributed_to);
            }
        }
    }
}
