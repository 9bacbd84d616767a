//! Membership a sentence states without a title: an alliance "made up of" its members,
//! members "collectively known as" it, the groups "that make up" it, a faction "one of
//! the three factions constituting the alliance", "the military wing of" a party.

use super::lists::{list_ending_at, list_starting_at, past_the};
use super::{Sentence, SentenceReading, fits, loose_relation};
use crate::ingest::relations::End;
use crate::ingest::tokens::{Piece, Token};
use crate::model::{Modality, Relation};

/// Nouns for the parts of an alliance: "one of the three factions constituting it".
const PART_NOUNS: &[&str] = &[
    "factions",
    "members",
    "groups",
    "organisations",
    "organizations",
    "parties",
    "armies",
];

/// Reads a membership phrase at `index`. True when it read one.
pub(super) fn read_membership(
    sentence: &Sentence<'_>,
    index: usize,
    token: &Token,
    reading: &mut SentenceReading,
) -> bool {
    let Some((parts, whole)) = membership_at(sentence.tokens, index, token) else {
        return false;
    };
    if !(sentence.kind_of)(whole).is_some_and(|kind| fits(Relation::MemberOf, kind)) {
        return false;
    }
    for part in parts {
        reading.add(loose_relation(
            part,
            Relation::MemberOf,
            End::Entity(whole),
            Modality::Asserted,
            &sentence.attributed_to,
        ));
    }
    true
}

/// The parts and the whole of a membership phrase at `index`.
fn membership_at(tokens: &[Token], index: usize, token: &Token) -> Option<(Vec<usize>, usize)> {
    if let Some(after) = members_after(tokens, index, token) {
        // "the alliance, made up of A, B and C".
        party_before(tokens, index)
            .and_then(|whole| Some((list_starting_at(tokens, past_the(tokens, after))?.0, whole)))
    } else if token.is("collectively") && is_word(tokens, index + 1, "known") {
        // "A, B and C—collectively known as the Brotherhood Alliance".
        let whole = tokens.get(past_the(tokens, index + 3))?.party();
        let mut before = index.checked_sub(1);
        if before
            .and_then(|at| tokens.get(at))
            .is_some_and(|t| matches!(t.piece, Piece::Punct(',' | '—' | '–')))
        {
            before = before.and_then(|at| at.checked_sub(1));
        }
        before
            .and_then(|last| list_ending_at(tokens, last))
            .zip(whole)
            .map(|((parts, _), whole)| (parts, whole))
    } else if let Some(after) = whole_after(tokens, index, token) {
        // "the groups that make up the alliance, A, B and C"; "A, one of the three
        // factions constituting the alliance"; "A, the military wing of B".
        tokens.get(after).and_then(Token::party).and_then(|whole| {
            let appositive = tokens
                .get(after + 1)
                .is_some_and(|t| t.piece == Piece::Punct(','))
                .then(|| list_starting_at(tokens, past_the(tokens, after + 2)))
                .flatten()
                .filter(|(parts, _)| parts.len() > 1);
            match appositive {
                Some((parts, _)) => Some((parts, whole)),
                None => part_before(tokens, index).map(|parts| (parts, whole)),
            }
        })
    } else {
        None
    }
}

/// Whether token `at` is the word `word`.
fn is_word(tokens: &[Token], at: usize, word: &str) -> bool {
    tokens.get(at).is_some_and(|t| t.is(word))
}

/// Where the members start after "made up of", "composed of", "consisting of",
/// "comprising" at `index`.
fn members_after(tokens: &[Token], index: usize, token: &Token) -> Option<usize> {
    if token.is("comprising") {
        return Some(index + 1);
    }
    if token.is("made") && is_word(tokens, index + 1, "up") && is_word(tokens, index + 2, "of") {
        return Some(index + 3);
    }
    (token.is_any(&["composed", "comprised", "consisting"]) && is_word(tokens, index + 1, "of"))
        .then_some(index + 2)
}

/// The party the phrase at `index` qualifies: just before it, past a comma.
fn party_before(tokens: &[Token], index: usize) -> Option<usize> {
    let mut at = index.checked_sub(1)?;
    if tokens.get(at)?.piece == Piece::Punct(',') {
        at = at.checked_sub(1)?;
    }
    tokens.get(at)?.party()
}

/// Where the whole stands after "that make up", "constituting", "making up", "the
/// military wing of", "members of" at `index`.
fn whole_after(tokens: &[Token], index: usize, token: &Token) -> Option<usize> {
    let after = if token.is("constituting") {
        index + 1
    } else if (token.is_any(&["make", "makes", "making"]) && is_word(tokens, index + 1, "up"))
        || (token.is_any(&["wing", "members", "member"]) && is_word(tokens, index + 1, "of"))
    {
        index + 2
    } else {
        return None;
    };
    Some(past_the(tokens, after))
}

/// The parts before an appositive that opens with "one of the three factions", "the
/// other two members", "the military wing": the list before its comma.
fn part_before(tokens: &[Token], index: usize) -> Option<Vec<usize>> {
    let comma = (index.saturating_sub(7)..index)
        .rev()
        .find(|&at| tokens.get(at).is_some_and(|t| t.piece == Piece::Punct(',')))?;
    let inside = tokens.get(comma + 1..=index)?;
    let opens = inside
        .first()
        .is_some_and(|t| t.is_any(&["one", "the", "a", "an", "both"]));
    let all_words = inside.iter().all(|t| t.word().is_some());
    let names_parts = inside
        .iter()
        .any(|t| t.is_any(PART_NOUNS) || t.is_any(&["wing", "member", "members"]));
    if !(opens && all_words && names_parts) {
        return None;
    }
    let (parts, _) = list_ending_at(tokens, past_acronym(tokens, comma.checked_sub(1)?)?)?;
    Some(parts)
}

/// The token before a bracketed acronym that ends at `at` ("the New People's Army
/// (NPA)"), or `at` itself.
fn past_acronym(tokens: &[Token], at: usize) -> Option<usize> {
    let closes = tokens.get(at)?.piece == Piece::Punct(')');
    let opens = at
        .checked_sub(2)
        .and_then(|open| tokens.get(open))
        .is_some_and(|t| t.piece == Piece::Punct('('));
    if closes && opens {
        at.checked_sub(3)
    } else {
        Some(at)
    }
}
