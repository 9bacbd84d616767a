//! Membership a sentence states without a title: an alliance "made up of" its members,
//! members "collectively known as" it, the groups "that make up" it, a faction "one of
//! the three factions constituting the alliance", "the military wing of" a party; and
//! those a party is "represented by", a group "included", who acts "on behalf of" one.

use super::lists::{TITLE_WORDS, list_ending_at, list_starting_at, past_the};
use super::subjects::{Found, subject_of};
use super::{Sentence, SentenceReading, fits};
use crate::ingest::relations::End;
use crate::ingest::tokens::{Piece, Token, before};
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
        reading.relate(
            part,
            Relation::MemberOf,
            End::Entity(whole),
            Modality::Asserted,
            &sentence.attributed_to,
        );
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

/// "Foreign minister Olivier Nduhungirehe signed on behalf of the government of Rwanda":
/// who acts on a party's behalf is its member. True when it read one.
pub(super) fn read_on_behalf_of(
    sentence: &Sentence<'_>,
    index: usize,
    token: &Token,
    carried: &[usize],
    reading: &mut SentenceReading,
) -> bool {
    let tokens = sentence.tokens;
    if !token.is("behalf")
        || !index
            .checked_sub(1)
            .and_then(|at| tokens.get(at))
            .is_some_and(|t| t.is("on"))
        || !tokens.get(index + 1).is_some_and(|t| t.is("of"))
    {
        return false;
    }
    let Some(verb) = index.checked_sub(2) else {
        return false;
    };
    let Some(subject) = subject_of(tokens, verb, carried).filter(|s| s.found != Found::Carried)
    else {
        return false;
    };
    // "of the government of Rwanda", "of Rwanda".
    let mut first = index + 2;
    while tokens
        .get(first)
        .is_some_and(|t| t.is_any(&["the", "government", "governments", "of"]))
    {
        first += 1;
    }
    // The party right after: a list may run on into the next clause ("…of the DRC, and
    // foreign minister Olivier Nduhungirehe signed").
    let Some(party) = tokens.get(first).and_then(Token::party) else {
        return false;
    };
    for &member in &subject.parties {
        reading.relate(
            member,
            Relation::MemberOf,
            End::Entity(party),
            Modality::Asserted,
            &sentence.attributed_to,
        );
    }
    true
}

/// "Russia was represented by Deputy Foreign Minister Mikhail Galuzin, …": those named
/// are the party's. True when it read them.
pub(super) fn read_represented_by(
    sentence: &Sentence<'_>,
    index: usize,
    token: &Token,
    carried: &[usize],
    reading: &mut SentenceReading,
) -> bool {
    let tokens = sentence.tokens;
    let attributed_to = &sentence.attributed_to;
    // "Representing the United States are envoy Steve Witkoff and Jared Kushner": the
    // inverted clause, the party first.
    let opens = index == 0 || before(tokens, index, 1).is_some_and(Token::is_hard_break);
    let party_at = super::lists::past_the(tokens, index + 1);
    if token.is("representing")
        && opens
        && let Some(party) = tokens.get(party_at).and_then(Token::party)
        && tokens
            .get(party_at + 1)
            .is_some_and(|t| t.is_any(&["are", "is", "were", "was"]))
    {
        let members = members_listed(tokens, party_at + 2);
        add_members(sentence, &members, party, reading);
        return !members.is_empty();
    }
    if token.is("represented")
        && tokens.get(index + 1).is_some_and(|t| t.is("by"))
        && let Some(subject) = subject_of(tokens, index, carried)
        && subject.found != Found::Carried
    {
        let members = members_listed(tokens, index + 2);
        for member in members {
            for &party in &subject.parties {
                reading.relate(
                    member,
                    Relation::MemberOf,
                    End::Entity(party),
                    Modality::Asserted,
                    attributed_to,
                );
            }
        }
        return true;
    }
    false
}

/// The people listed from token `first`, past a title ("Deputy Foreign Minister …") or a
/// possessive and its noun ("Putin’s aide Yuri Ushakov, …").
pub(super) fn members_listed(tokens: &[Token], first: usize) -> Vec<usize> {
    let mut first = first;
    if tokens.get(first).is_some_and(|t| t.party().is_some())
        && tokens
            .get(first + 1)
            .is_some_and(|t| t.is_any(&["’s", "'s", "s", "’", "'"]))
    {
        first += 2;
    } else if tokens
        .get(first)
        .and_then(Token::word)
        .is_some_and(|w| w.ends_with("’s") || w.ends_with("'s"))
    {
        first += 1;
    }
    while tokens.get(first).is_some_and(|t| t.is_any(TITLE_WORDS)) {
        first += 1;
    }
    list_starting_at(tokens, first)
        .map(|(parties, _)| parties)
        .unwrap_or_default()
}

/// "The US delegation included Secretary of State Marco Rubio, …", "the alliance
/// includes Hamas": those listed are members of the party right before the verb, and
/// take part in the sentence's meeting where it names one. True when it read them.
pub(super) fn read_included(
    sentence: &Sentence<'_>,
    index: usize,
    token: &Token,
    reading: &mut SentenceReading,
) -> bool {
    let tokens = sentence.tokens;
    let Some(group) = before(tokens, index, 1).and_then(Token::party) else {
        return false;
    };
    // The group opens its clause ("The US delegation included"), not a list after "by"
    // ("the process brokered by Egypt and Qatar includes Hamas").
    let opens_clause = index < 2
        || tokens
            .get(index - 2)
            .is_some_and(|t| t.is("the") || t.piece == Piece::Punct(',') || t.is_hard_break());
    if !token.is_any(&["included", "includes", "include"]) || !opens_clause {
        return false;
    }
    // "The Israeli delegation includes representatives from Mossad and Shin Bet, foreign
    // policy adviser Ophir Falk, …": the parties represented are no members; the people
    // after them are.
    let first = match super::lists::officials_of(tokens, index + 1) {
        Some(represented) => (represented..tokens.len())
            .take_while(|&at| {
                tokens
                    .get(at)
                    .is_some_and(|t| t.party().is_some() || t.is_any(&["and", "the"]))
            })
            .last()
            .map_or(represented, |last| last + 1),
        None => index + 1,
    };
    let first = if tokens
        .get(first)
        .is_some_and(|t| t.piece == Piece::Punct(','))
    {
        first + 1
    } else {
        first
    };
    let members = members_listed(tokens, first);
    add_members(sentence, &members, group, reading);
    !members.is_empty()
}

/// `members` are members of `party`, and take part in the sentence's meeting where it
/// names one.
fn add_members(
    sentence: &Sentence<'_>,
    members: &[usize],
    party: usize,
    reading: &mut SentenceReading,
) {
    for &member in members {
        reading.relate(
            member,
            Relation::MemberOf,
            End::Entity(party),
            Modality::Asserted,
            &sentence.attributed_to,
        );
    }
    if sentence.has_meeting {
        reading.attending(
            members.iter().copied(),
            Modality::Asserted,
            &sentence.attributed_to,
        );
    }
}
