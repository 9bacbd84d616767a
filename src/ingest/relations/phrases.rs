//! Readers of fixed phrases that say who takes part, mediates or belongs: "Egyptian
//! mediators", "talks between X and Y", "Iran-backed", "under the
//! aegis of", "no Israeli delegation". Each reads at one token and says whether it did.

use super::lists::{compound_relation, glued, list_ending_at, list_starting_at, past_the};
use super::words::{FUTURE, MEDIATOR_NOUNS, NEGATING, TALK_NOUNS};

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
use super::{End, Sentence, SentenceReading, fits, meeting_relation};
use crate::ingest::tokens::{Piece, Token, before};
use crate::model::{Modality, NodeKind, Relation};

/// "Egyptian mediators", "Cuba and Norway are guarantors", "acting as intermediaries":
/// the parties before (or after) a mediator noun mediate. True when `token` is one.
pub(super) fn read_mediator_noun(
    sentence: &Sentence<'_>,
    index: usize,
    token: &Token,
    reading: &mut SentenceReading,
) -> bool {
    let tokens = sentence.tokens;
    let has_meeting = sentence.has_meeting;
    let attributed_to = &sentence.attributed_to;
    // "China brokers Hamas-Fatah unity deal": with an object, "brokers" is a verb.
    let verb = token.is("brokers")
        && tokens.get(index + 1).is_some_and(|next| {
            next.thing().is_some() || next.party().is_some() || next.is_any(&["the", "a", "an"])
        });
    if token.is_any(MEDIATOR_NOUNS) && !verb {
        let mut k = index;
        while let Some(before) = k.checked_sub(1).and_then(|at| tokens.get(at)) {
            if before.is_any(&[
                "are",
                "is",
                "were",
                "was",
                "as",
                "acting",
                "act",
                "acted",
                "serve",
                "serves",
                "served",
                "the",
                "joint",
                "main",
                "key",
                "two",
                "other",
                "played",
                "play",
                "plays",
                "role",
                "roles",
                "central",
                "crucial",
                "leading",
                "important",
                "major",
                "a",
                "one",
                "of",
                "chief",
                "lead",
                "senior",
                "top",
                "who",
                "so-called",
                "nations",
                "countries",
                "states",
            ]) || before.piece == Piece::Punct(',')
                // "will actively act as a mediator": a modal or an adverb in the verb
                // group; the modality is read below.
                || before.is_any(&["will", "would", "could", "may", "might", "also"])
                || before.word().is_some_and(super::words::is_manner_adverb)
            {
                k -= 1;
            } else if before.piece == Piece::Punct(')')
                && let Some(open) = (k.saturating_sub(6)..k - 1)
                    .rev()
                    .find(|&i| tokens.get(i).is_some_and(|t| t.piece == Piece::Punct('(')))
            {
                // "IGAD (the Intergovernmental Authority on Development), acting as".
                k = open;
            } else {
                break;
            }
        }
        // "talks in Barbados, mediator Norway says": a place before the comma is
        // no mediator.
        // "Delegates from Cuba and Norway, who are guarantors": a relative clause's
        // parties are those before it, wherever they stand.
        let crossed_comma = tokens.get(k..index).is_some_and(|walked| {
            walked.iter().any(|t| t.piece == Piece::Punct(','))
                && !walked.iter().any(|t| t.is("who"))
        });
        let parties = k
            .checked_sub(1)
            .and_then(|last| list_ending_at(tokens, last))
            .filter(|(_, first)| {
                !crossed_comma
                    || !first
                        .checked_sub(1)
                        .and_then(|at| tokens.get(at))
                        .is_some_and(|t| t.is_any(&["in", "at", "to", "from"]))
            })
            .map(|(parties, first)| {
                // "talks with the Thai government, the Malaysian facilitator said": commas
                // with no "and" part clauses, not a list's parties.
                let joined = tokens
                    .get(first..k)
                    .is_some_and(|list| list.iter().any(|t| t.is_any(&["and", "or", "&"])));
                if joined {
                    parties
                } else {
                    parties.last().copied().into_iter().collect()
                }
            })
            .or_else(|| {
                // "mediators Egypt and Qatar", "the co-chairs from the UN, the EU and …";
                // not "hostages coordinator Gal Hirsch", a title before a name.
                if token.is("coordinator") {
                    return None;
                }
                let after = index + 1;
                let preposition = tokens.get(after).is_some_and(|t| t.is_any(&["from", "of"]));
                let first = past_the(tokens, after + usize::from(preposition));
                list_starting_at(tokens, first)
                    // "guarantors of the Colombian talks": whose talks, no mediator.
                    .filter(|(_, last)| !tokens.get(last + 1).is_some_and(|t| t.is_any(TALK_NOUNS)))
                    .map(|(parties, _)| parties)
            })
            .unwrap_or_default();
        // "guarantors in the peace talks between the FARC and Colombia": they mediate
        // between the sides the sentence names, rather than its meeting.
        let sides: Vec<usize> = sides_named(tokens)
            .into_iter()
            .filter(|side| !parties.contains(side))
            .collect();
        if sides.len() >= 2 {
            for &party in &parties {
                reading.add_mediator(party);
                for &side in &sides {
                    reading.relate(
                        party,
                        Relation::Mediates,
                        End::Entity(side),
                        Modality::Asserted,
                        attributed_to,
                    );
                }
            }
        } else {
            // "Saudi Arabia will act as a mediator": the verb group's modality.
            let modality = match parties.first() {
                Some(_) => {
                    let first = tokens
                        .get(..k)
                        .and_then(|before| {
                            before
                                .iter()
                                .rposition(|t| t.piece == Piece::Punct(',') || t.is_hard_break())
                        })
                        .map_or(0, |at| at + 1);
                    super::ends::modality_of(tokens, first, index, None)
                }
                None => Modality::Asserted,
            };
            reading.mediating(&parties, has_meeting, modality, attributed_to);
        }
        return true;
    }
    false
}

/// The sides of the talks or conflict a sentence names: "the peace talks between the
/// FARC and Colombia", "Moldova and Transnistria as parties to the conflict". Empty
/// where it names fewer than two.
fn sides_named(tokens: &[Token]) -> Vec<usize> {
    for (at, token) in tokens.iter().enumerate() {
        let sides = if token.is("between")
            && at
                .checked_sub(1)
                .and_then(|before| tokens.get(before))
                .is_some_and(|t| {
                    t.is_any(TALK_NOUNS)
                        // "a mediator in easing tensions between Iran and Saudi Arabia".
                        || t.is_any(&[
                            "conflict", "war", "tensions", "rift", "dispute", "mediator",
                        ])
                }) {
            list_starting_at(tokens, past_the(tokens, at + 1)).map(|(sides, _)| sides)
        } else if token.is("as")
            && tokens
                .get(past_the(tokens, at + 1))
                .is_some_and(|t| t.is_any(&["parties", "sides"]))
        {
            at.checked_sub(1)
                .and_then(|last| list_ending_at(tokens, last))
                .map(|(sides, _)| sides)
        } else {
            None
        };
        if let Some(sides) = sides.filter(|sides| sides.len() >= 2) {
            return sides;
        }
    }
    Vec::new()
}

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

/// "Iran-backed Houthis", "a UN-mediated agreement", "EU-mediated talks": the party
/// glued to the participle stands in that relation to what follows. True when it did.
pub(super) fn read_glued_participle(
    sentence: &Sentence<'_>,
    index: usize,
    token: &Token,
    reading: &mut SentenceReading,
) -> bool {
    let tokens = sentence.tokens;
    let kind_of = sentence.kind_of;
    let has_meeting = sentence.has_meeting;
    let attributed_to = &sentence.attributed_to;
    if let Some(glued_party) = index
        .checked_sub(1)
        .and_then(|at| tokens.get(at))
        .filter(|before| glued(before, token))
        .and_then(Token::party)
        && let Some(relation) = compound_relation(token)
    {
        // "Kenya-led peace talks", "a US-led mediation": who leads talks mediates them.
        let talks_after = tokens
            .get(index + 1..(index + 4).min(tokens.len()))
            .is_some_and(|after| {
                after
                    .iter()
                    .take_while(|t| t.word().is_some())
                    .any(|t| t.is_any(TALK_NOUNS) || t.is_any(&["mediation", "process"]))
            });
        let relation = if relation == Relation::Leads && talks_after {
            Relation::Mediates
        } else {
            relation
        };
        let next = if tokens
            .get(index + 1)
            .is_some_and(|t| t.is_any(&["the", "a", "an"]))
        {
            index + 2
        } else {
            index + 1
        };
        let object = match tokens.get(next).map(|t| &t.piece) {
            Some(Piece::Party(entity) | Piece::Thing(entity))
                if kind_of(*entity).is_some_and(|kind| fits(relation, kind)) =>
            {
                Some(End::Entity(*entity))
            }
            Some(Piece::Word(word))
                if (TALK_NOUNS.contains(&word.as_str()) || talks_after)
                    && has_meeting
                    && fits(relation, NodeKind::Meeting) =>
            {
                Some(End::Meeting)
            }
            _ => None,
        };
        if relation == Relation::Mediates {
            reading.add_mediator(glued_party);
        }
        if let Some(object) = object {
            reading.relate(
                glued_party,
                relation,
                object,
                Modality::Asserted,
                attributed_to,
            );
        }
        return true;
    }
    false
}

/// "under Norway's mediation", "with the mediation of Egypt", "under the aegis of Cuba",
/// "under Egyptian facilitation":
/// the party mediates the sentence's meeting. True when it read one.
pub(super) fn read_mediation_of(
    sentence: &Sentence<'_>,
    index: usize,
    token: &Token,
    reading: &mut SentenceReading,
) -> bool {
    let tokens = sentence.tokens;
    let has_meeting = sentence.has_meeting;
    let attributed_to = &sentence.attributed_to;
    // "under Norway's mediation", "with the mediation of Egypt": the party mediates
    // the sentence's meeting.
    // "under Egyptian facilitation" as much as "under Egyptian mediation".
    const MEDIATION: &[&str] = &["mediation", "facilitation"];
    let possessive_mediation = token.is_any(MEDIATION)
        && index
            .checked_sub(1)
            .and_then(|at| tokens.get(at))
            .is_some_and(|before| before.is("s"))
        && index
            .checked_sub(2)
            .and_then(|at| tokens.get(at))
            .and_then(Token::party)
            .is_some();
    // "under the aegis of Cuba, Norway and Venezuela", "under the auspices of the UN".
    let mediation_of = token.is_any(&["mediation", "facilitation", "aegis", "auspices"])
        && tokens.get(index + 1).is_some_and(|t| t.is("of"));
    // "under Qatari and Turkish mediation", "with Egyptian mediation": the demonyms'
    // states mediate, where the phrase says the talks went on under or with it.
    let demonyms = token
        .is_any(MEDIATION)
        .then(|| list_ending_at(tokens, index.checked_sub(1)?))
        .flatten()
        .filter(|(_, first)| {
            first
                .checked_sub(1)
                .and_then(|before| tokens.get(before))
                .is_some_and(|before| before.is_any(&["under", "with", "through", "via"]))
        });
    if let Some((parties, _)) = demonyms {
        reading.mediating(&parties, has_meeting, Modality::Asserted, attributed_to);
        return true;
    }
    if possessive_mediation || mediation_of {
        let parties = if mediation_of {
            let first = past_the(tokens, index + 2);
            list_starting_at(tokens, first)
                .map(|(parties, end)| inserted_list(tokens, first, parties, end))
        } else {
            list_ending_at(tokens, index - 2).map(|(parties, _)| parties)
        };
        reading.mediating(
            &parties.unwrap_or_default(),
            has_meeting,
            Modality::Asserted,
            attributed_to,
        );
        return true;
    }
    false
}

/// The parties of the list that starts at token `first` and ends at token `end`, read
/// right from a phrase set off by commas: where a word follows the list, the phrase ended
/// at its first comma and the rest is the clause's subject ("under the mediation of
/// Angola, the DRC and Rwanda reached …" is Angola's alone; "under the aegis of Cuba,
/// Norway and Venezuela, the parties met" is all three's).
fn inserted_list(tokens: &[Token], first: usize, parties: Vec<usize>, end: usize) -> Vec<usize> {
    let followed_by_word = tokens.get(end + 1).is_some_and(|t| t.word().is_some());
    let inserted = tokens
        .get(first..end)
        .and_then(|list| list.iter().position(|t| t.piece == Piece::Punct(',')))
        .and_then(|comma| tokens.get(first..first + comma));
    match inserted {
        Some(inserted) if followed_by_word => parties
            .into_iter()
            .filter(|&party| inserted.iter().any(|t| t.party() == Some(party)))
            .collect(),
        _ => parties,
    }
}

/// "saw no Israeli delegation in Cairo": that party did not attend. True when it read one.
pub(super) fn read_no_delegation(
    sentence: &Sentence<'_>,
    index: usize,
    token: &Token,
    reading: &mut SentenceReading,
) -> bool {
    let tokens = sentence.tokens;
    let has_meeting = sentence.has_meeting;
    let attributed_to = &sentence.attributed_to;
    // Not "no US president would abandon the deal": a party before a verb is a subject.
    let before_verb = tokens.get(index + 2).is_some_and(|t| {
        t.is_any(&[
            "would", "will", "could", "can", "should", "may", "might", "must", "has", "have",
            "had", "is", "was", "ever",
        ])
    });
    if token.is("no")
        && has_meeting
        && !before_verb
        && let Some(party) = tokens.get(index + 1).and_then(Token::party)
    {
        reading.add(meeting_relation(
            party,
            Relation::Attends,
            Modality::Negated,
            attributed_to,
        ));
        return true;
    }
    false
}
