//! The relation cue of a word with the words after it: "took part", "held talks",
//! "shook hands", "called on", a visit paid, talks opened or being at the place of talks.

use super::super::cues;
use super::super::dates::is_date_word;
use super::super::tokens::{Piece, Token};
use super::words::{PARTY_NOUNS, TALK_NOUNS};
use crate::model::Relation;

/// The relation a word (with the word after it) is a cue for.
pub(super) fn cue_at(tokens: &[Token], index: usize) -> Option<Relation> {
    let word = tokens.get(index)?.word()?;
    let next = tokens.get(index + 1).and_then(Token::word).unwrap_or("");
    match (word, next) {
        ("took" | "take" | "takes" | "taking", "part") => Some(Relation::Attends),
        // "Al-Sharaa and Abdi shook hands in Damascus": a handshake is a meeting.
        (verb, "hands") if cues::HANDSHAKE_VERBS.contains(&verb) => Some(Relation::Attends),
        ("held" | "hold" | "holds" | "holding", "talks") => Some(Relation::Attends),
        // "held nearly five hours of talks", "held a second round of talks".
        ("held" | "hold" | "holds" | "holding", _)
            if tokens
                .get(index + 1..(index + 7).min(tokens.len()))
                .is_some_and(|next| {
                    next.iter()
                        .take_while(|t| t.word().is_some())
                        .any(|t| {
                            t.is_any(&["talks", "negotiations", "consultations", "meeting"])
                        })
                }) =>
        {
            Some(Relation::Attends)
        }
        ("lead" | "leads" | "led" | "leading", "talks" | "negotiations") => Some(Relation::Attends),
        (
            "resumed" | "resume" | "resumes" | "resuming",
            "talks" | "negotiations" | "their" | "the" | "peace",
        ) => Some(Relation::Attends),
        // "began their meeting", "concluded the talks".
        (
            "began" | "begin" | "begins" | "started" | "opened" | "concluded" | "resumed",
            "their" | "the" | "talks" | "negotiations" | "a" | "peace" | "direct" | "indirect",
        ) => Some(Relation::Attends),
        (
            "conduct" | "conducted" | "conducting" | "hold" | "held" | "holding",
            "discussions" | "negotiations" | "consultations",
        ) => Some(Relation::Attends),
        // "resumed trade negotiations", "began indirect nuclear talks".
        (
            "resumed" | "resume" | "resumes" | "resuming" | "began" | "begin" | "begins"
            | "started" | "opened" | "concluded" | "launched",
            _,
        ) if tokens
            .get(index + 1..(index + 4).min(tokens.len()))
            .is_some_and(|next| {
                next.iter()
                    .take_while(|t| t.word().is_some())
                    .any(|t| t.is_any(&["talks", "negotiations", "discussions", "consultations"]))
            }) =>
        {
            Some(Relation::Attends)
        }
        ("aligned", "on" | "behind") => Some(Relation::Supports),
        // "Rubio expressed hope for a swift peace deal", "signaled its hopes for a deal".
        (
            "expressed" | "expresses" | "voiced" | "signaled" | "signalled" | "signals",
            "hope" | "hopes" | "its" | "their" | "his" | "her",
        ) if tokens
            .get(index + 1..(index + 4).min(tokens.len()))
            .is_some_and(|next| {
                next.windows(2)
                    .any(|pair| matches!(pair, [hope, for_] if hope.is_any(&["hope", "hopes"]) && for_.is("for")))
            }) =>
        {
            Some(Relation::Supports)
        }
        ("argued" | "argues" | "argue" | "arguing", "for") => Some(Relation::Supports),
        // "he pressed for a sustainable ceasefire", "pushed for the release of".
        (
            "pressed" | "presses" | "press" | "pressing" | "pushed" | "pushes" | "push" | "pushing",
            "for",
        ) => Some(Relation::Demands),
        ("shuttle" | "shuttles" | "shuttled" | "shuttling", "between") => Some(Relation::Mediates),
        // "EU and Iranian officials meeting in Tehran": a participle of parties.
        // "Koehler is meeting with foreign ministers": after an auxiliary too.
        ("meeting", "in" | "at" | "with")
            if index
                .checked_sub(1)
                .and_then(|at| tokens.get(at))
                .is_some_and(|before| {
                    before.party().is_some()
                        || before.is_any(PARTY_NOUNS)
                        || before.is_any(&["is", "are", "was", "were"])
                }) =>
        {
            Some(Relation::Attends)
        }
        // "Mora has convened six rounds of talks in Vienna": who convenes talks brings
        // the parties together; parties that convene somewhere attend.
        ("convened" | "convene" | "convenes", next)
            if !matches!(next, "in" | "at")
                && tokens
                    .get(index + 1..(index + 5).min(tokens.len()))
                    .is_some_and(|after| after.iter().any(|t| t.is_any(TALK_NOUNS))) =>
        {
            Some(Relation::Mediates)
        }
        // "coordinates indirect talks between Tehran and Washington": only of talks.
        ("coordinates" | "coordinated" | "coordinating" | "coordinate", _) => tokens
            .get(index + 1..(index + 5).min(tokens.len()))
            .is_some_and(|next| next.iter().any(|t| t.is_any(TALK_NOUNS)))
            .then_some(Relation::Mediates),
        // "Burhan, who controls the Sudanese military,": the party ends its clause (not
        // "controls the Egyptian border", a demonym before a noun).
        ("controls" | "controlled", _) => {
            let party = (index + 1..(index + 4).min(tokens.len()))
                .find(|&at| tokens.get(at).is_some_and(|t| t.party().is_some()))?;
            tokens
                .get(index + 1..party)?
                .iter()
                .all(|t| t.is_any(&["the", "paramilitary", "armed"]))
                .then_some(())?;
            tokens
                .get(party + 1)
                .is_none_or(|t| t.piece == Piece::Punct(',') || t.is_hard_break() || t.is("and"))
                .then_some(Relation::Leads)
        }
        // "Bourita joined the talks": taking part ("joined the mediation" is read apart).
        ("joined" | "joins" | "join" | "joining", _)
            if tokens
                .get(index + 1..(index + 4).min(tokens.len()))
                .is_some_and(|next| {
                    next.iter()
                        .take_while(|t| t.word().is_some())
                        .any(|t| t.is_any(TALK_NOUNS))
                }) =>
        {
            Some(Relation::Attends)
        }
        ("called" | "calls" | "call" | "calling", "on") => Some(Relation::Pressures),
        ("called" | "calls" | "call" | "calling", "for") => Some(Relation::Demands),
        ("put" | "puts", "forward") => Some(Relation::Proposes),
        // "Teheran and Riyadh announced an agreement": those who announce a deal they
        // made accept it.
        // "announced on Monday an agreement to integrate …".
        ("announced" | "announce" | "announces", _)
            if tokens
                .get(index + 1..(index + 5).min(tokens.len()))
                .is_some_and(|next| {
                    next.iter().any(|t| {
                        t.thing().is_some()
                            || t.is_any(&["agreement", "deal", "accord", "truce", "ceasefire"])
                    })
                }) =>
        {
            Some(Relation::Accepts)
        }
        ("head", "of") | ("leader", _) => None,
        // "Anwar, who currently chairs the Association of Southeast Asian Nations": to
        // chair a body is no mediation.
        ("chair" | "chairs" | "chaired" | "chairing", _)
            if tokens
                .get(index + 1..(index + 3).min(tokens.len()))
                .and_then(|next| next.iter().find(|t| !t.is("the")))
                .is_some_and(|object| object.party().is_some()) =>
        {
            None
        }
        // "Syrian Transitional Administration head Ahmad al-Shara": a title, no verb.
        ("head", _)
            if index
                .checked_sub(1)
                .and_then(|at| tokens.get(at))
                .is_some_and(|before| before.party().is_some()) =>
        {
            None
        }
        // "have headed to Switzerland to launch talks": travel, no leading.
        (
            "headed" | "heads" | "head" | "heading",
            "to" | "for" | "toward" | "towards" | "back" | "home",
        ) => Some(Relation::Attends),
        // "Press Secretary Caroline Levitt", "a press conference": a noun.
        (
            "press",
            "secretary" | "conference" | "office" | "release" | "briefing" | "statement"
            | "officer" | "freedom" | "corps" | "agency",
        ) => None,
        _ => cues::relation_cue(word)
            .or_else(|| opens_talks(tokens, index))
            .or_else(|| there_for_talks(tokens, index))
            .or_else(|| on_a_visit(tokens, index)),
    }
}

/// "Burns was also in Doha for an emergency meeting", "the envoys are in Cairo for talks":
/// being at a place for talks is taking part in them (the cue is the verb "be").
fn there_for_talks(tokens: &[Token], index: usize) -> Option<Relation> {
    if !tokens
        .get(index)?
        .is_any(&["was", "were", "is", "are", "been", "be"])
    {
        return None;
    }
    let mut k = index + 1;
    while tokens
        .get(k)
        .is_some_and(|t| t.is_any(&["also", "already", "still", "now", "then"]))
    {
        k += 1;
    }
    if !tokens.get(k)?.is("in") || !matches!(tokens.get(k + 1)?.piece, Piece::Place(_)) {
        return None;
    }
    let after_place = tokens.get(k + 2..(k + 4).min(tokens.len()))?;
    let for_at = after_place.iter().position(|t| t.is("for"))? + k + 2;
    tokens
        .get(for_at + 1..(for_at + 5).min(tokens.len()))?
        .iter()
        .any(|t| t.is_any(TALK_NOUNS))
        .then_some(Relation::Attends)
}

/// "Rahmon, who was on a state visit to Bishkek, signed …", "will pay a state visit to
/// Kyrgyzstan": a visit to a place is being there (the cue is "be" or "pay").
fn on_a_visit(tokens: &[Token], index: usize) -> Option<Relation> {
    let verb = tokens.get(index)?;
    let mut k = index + 1;
    if verb.is_any(&["was", "were", "is", "are", "been", "be"]) {
        if !tokens.get(k)?.is("on") {
            return None;
        }
        k += 1;
    } else if !verb.is_any(&["paid", "pay", "pays", "paying"]) {
        return None;
    }
    // "a state visit", "an official two-day visit": a few words up to "visit".
    let visit = (k..k + 4).find(|&at| tokens.get(at).is_some_and(|t| t.is("visit")))?;
    let plain_words = tokens.get(k..visit)?.iter().all(|t| t.word().is_some());
    let to_a_place = tokens.get(visit + 1)?.is("to")
        && tokens
            .get(visit + 2)
            .is_some_and(|t| matches!(t.piece, Piece::Place(_)) || t.party().is_some());
    (plain_words && to_a_place).then_some(Relation::Attends)
}

/// Verbs that open, hold or close talks when talks follow them: "kicked off talks",
/// "resumed in Kinshasa negotiations", "began this Monday in Mexico City the second
/// round of peace negotiations", "re-established contact".
const TALK_VERBS: &[&str] = &[
    "began",
    "begin",
    "begins",
    "started",
    "start",
    "starts",
    "opened",
    "open",
    "opens",
    "concluded",
    "conclude",
    "concludes",
    "ended",
    "end",
    "ends",
    "cut",
    "resumed",
    "resume",
    "resumes",
    "resuming",
    "kicked",
    "launched",
    "launch",
    "held",
    "hold",
    "holds",
    "holding",
    "wrapped",
    "exits",
    "exited",
    "exit",
    "left",
    "leaves",
    "leaving",
    "quit",
    "quits",
    "walked",
    "re-established",
    "reestablished",
    "restarted",
    "reopened",
];

/// Words between a talk verb and its talks that say when, where or which round.
const BEFORE_TALKS: &[&str] = &[
    "this",
    "last",
    "on",
    "in",
    "at",
    "the",
    "their",
    "a",
    "an",
    "off",
    "up",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "new",
    "latest",
    "another",
    "next",
    "peace",
    "direct",
    "indirect",
    "formal",
    "informal",
    "of",
    "city",
    "capital",
    "week",
    "two",
    "three",
    "trilateral",
    "bilateral",
    "tripartite",
    "high-level",
    "face-to-face",
    "fresh",
    "out",
    // "cut short their summit".
    "short",
    // "held bilateral and trilateral meetings".
    "and",
];

/// Attends, where the verb at `index` opens, holds or closes talks named a few words on
/// (past dates, "in" and a place, "the second round of").
fn opens_talks(tokens: &[Token], index: usize) -> Option<Relation> {
    if !tokens.get(index)?.is_any(TALK_VERBS) {
        return None;
    }
    for token in tokens.iter().skip(index + 1).take(10) {
        match &token.piece {
            Piece::Place(_) => continue,
            Piece::Word(word) => {
                if TALK_NOUNS.contains(&word.as_str())
                    || matches!(word.as_str(), "contact" | "contacts")
                {
                    return Some(Relation::Attends);
                }
                if !(BEFORE_TALKS.contains(&word.as_str()) || is_date_word(word)) {
                    return None;
                }
            }
            _ => return None,
        }
    }
    None
}
