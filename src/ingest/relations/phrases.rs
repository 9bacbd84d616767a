//! Readers of fixed phrases that say who mediates, backs or stays away: "Egyptian
//! mediators", "Iran-backed", "under the aegis of", "no Israeli delegation" (talks named
//! with their parties are in `talks.rs`). Each reads at one token and says whether it
//! did.

use super::lists::{compound_relation, glued, list_ending_at, list_starting_at, past_the};
use super::words::{MEDIATOR_NOUNS, TALK_NOUNS};
use super::{End, Sentence, SentenceReading, fits, meeting_relation};
use crate::ingest::tokens::{Piece, Token};
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
