//! Finding a relation's objects in a sentence's tokens: those after the verb of the kinds
//! the relation takes, the passive, and the modality of the verb group (its subject is
//! found in `subjects`).

use super::super::cues;
use super::super::tokens::{Piece, Token};
use super::lists::{COMPOUND_PARTICIPLES, glued, list_starting_at, past_the};
use super::words::*;
use super::{End, fits};
use crate::model::{Modality, NodeKind, Relation};

/// The modality of the relation word at `verb` whose subject starts at `subject_first`.
pub(super) fn modality_of(
    tokens: &[Token],
    subject_first: usize,
    verb: usize,
    frame: Option<Modality>,
) -> Modality {
    let group = tokens.get(subject_first..verb).unwrap_or(&[]);
    let before_verb = tokens.get(..verb).unwrap_or(&[]);
    if before_verb.iter().any(|t| {
        t.word()
            .is_some_and(|w| matches!(w, "denied" | "deny" | "denies" | "denying"))
    }) {
        return Modality::Denied;
    }
    let negated = group
        .iter()
        .any(|t| t.is_any(NEGATING) || t.word().is_some_and(|w| w.ends_with("n't")));
    if negated {
        return Modality::Negated;
    }
    // A condition opened earlier in the same clause.
    let clause_start = tokens
        .get(..subject_first)
        .unwrap_or(&[])
        .iter()
        .rposition(|t| t.piece == Piece::Punct(',') || t.is_hard_break())
        .map_or(0, |at| at + 1);
    let clause = tokens.get(clause_start..verb).unwrap_or(&[]);
    // "it was not clear that Israeli negotiators were attending".
    let in_doubt = clause.iter().any(|t| t.is_any(&["unclear", "uncertain"]))
        || clause.windows(2).any(|pair| {
            matches!(pair, [first, second] if first.is("not") && second.is_any(&["clear", "certain", "known", "confirmed"]))
        });
    if clause.iter().any(|t| t.is_any(CONDITIONS))
        || frame == Some(Modality::Hypothetical)
        || in_doubt
    {
        return Modality::Hypothetical;
    }
    if group.iter().any(|t| t.is_any(CONDITIONAL)) {
        return Modality::Hypothetical;
    }
    // "Sudan to send team to Jeddah" (a headline's future), "was sending a delegation",
    // "are traveling to Cairo".
    let headline_future = matches!(group, [_, to] if to.is("to"));
    // Not "heading the Ukrainian contingent", which leads it now.
    let on_the_way = tokens
        .get(verb)
        .is_some_and(|t| t.is_any(&["sending", "traveling", "travelling", "heading", "flying"]))
        && !(tokens.get(verb).is_some_and(|t| t.is("heading"))
            && tokens
                .get(verb + 1)
                .is_some_and(|t| t.is("the") || t.party().is_some()));
    // "mediators will review the outcomes before Witkoff joins the dialogue": a clause
    // of time under a future one is to come too.
    let under_future = subject_first
        .checked_sub(1)
        .and_then(|at| tokens.get(at))
        .is_some_and(|t| t.is_any(&["before", "until", "once"]))
        && before_verb.iter().any(|t| t.is_any(FUTURE));
    if group.iter().any(|t| t.is_any(FUTURE)) || headline_future || on_the_way || under_future {
        return Modality::Expected;
    }
    Modality::Asserted
}

/// The objects of `relation` after the word at `verb`: entities of a kind it takes, a
/// list of them, or the sentence's meeting. With the number of tokens skipped.
pub(super) fn objects_after(
    tokens: &[Token],
    verb: usize,
    relation: Relation,
    kind_of: &dyn Fn(usize) -> Option<NodeKind>,
    has_meeting: bool,
) -> Option<(Vec<End>, usize)> {
    let takes_meeting = fits(relation, NodeKind::Meeting);
    let fits_entity = |entity: usize| kind_of(entity).is_some_and(|kind| fits(relation, kind));
    // "mediated between Israel and Hamas".
    if relation == Relation::Mediates
        && let Some(between) = mediated_between(tokens, verb)
    {
        return between;
    }
    // "as Thai Prime Minister Prayuth visited the region": a visit to somewhere that is
    // no place of talks is no attending of the sentence's meeting.
    if relation == Relation::Attends
        && tokens
            .get(verb)
            .is_some_and(|t| t.is_any(&["visited", "visit", "visits", "visiting", "toured"]))
    {
        let object = past_the(tokens, verb + 1);
        if tokens
            .get(object)
            .and_then(Token::word)
            .is_some_and(|word| !TALK_NOUNS.contains(&word) && word.chars().all(char::is_lowercase))
        {
            return None;
        }
    }
    let mut skipped = 0;
    let mut k = verb + 1;
    // The second word of a two-word cue ("took part", "called on").
    if tokens
        .get(k)
        .is_some_and(|t| t.is_any(&["part", "on", "for", "forward", "talks", "behind"]))
    {
        if tokens.get(k).is_some_and(|t| t.is("talks")) {
            // "held talks": the meeting; for a relation that takes none, nothing after it.
            return (takes_meeting && has_meeting).then(|| (vec![End::Meeting], 0));
        }
        k += 1;
    }
    while let Some(token) = tokens.get(k) {
        if token.is_hard_break() || token.piece == Piece::Punct(',') || skipped > 4 {
            break;
        }
        match &token.piece {
            Piece::Party(entity) | Piece::Thing(entity) => {
                // "supports Venezuelan-led negotiations": a modifier, not the object.
                if tokens
                    .get(k + 1)
                    .is_some_and(|next| glued(token, next) && next.is_any(COMPOUND_PARTICIPLES))
                {
                    k += 2;
                    skipped += 1;
                    continue;
                }
                // "US President Donald Trump's plan": the party qualifies the title of
                // the person whose thing follows.
                let mut after_title = k + 1;
                while tokens
                    .get(after_title)
                    .is_some_and(|t| t.is_any(super::lists::TITLE_WORDS) && !t.is("of"))
                {
                    after_title += 1;
                }
                if after_title > k + 1 && tokens.get(after_title).and_then(Token::thing).is_some() {
                    k = after_title;
                    continue;
                }
                if !fits_entity(*entity) || opens_clause(tokens, k) || possessed_before(tokens, k) {
                    break;
                }
                let ends = if token.party().is_some() {
                    list_starting_at(tokens, k)
                        .map(|(parties, _)| parties)
                        .unwrap_or_else(|| vec![*entity])
                } else {
                    things_starting_at(tokens, k)
                };
                let ends = ends.into_iter().filter(|&entity| fits_entity(entity));
                return Some((ends.map(End::Entity).collect(), skipped));
            }
            Piece::Place(_) if takes_meeting && has_meeting => {
                return Some((vec![End::Meeting], skipped));
            }
            Piece::Word(word) => {
                // "welcomed the signing of the declaration": the thing signed.
                let of_thing = matches!(relation, Relation::Supports | Relation::Opposes)
                    && tokens.get(k + 1).is_some_and(|t| t.is("of"));
                if (TALK_NOUNS.contains(&word.as_str()) || word == "mediation") && of_thing {
                    k += 2;
                    continue;
                }
                if TALK_NOUNS.contains(&word.as_str()) || word == "mediation" {
                    if takes_meeting && has_meeting {
                        return Some((vec![End::Meeting], skipped));
                    }
                    break;
                }
                // "reiterates its demands for an end to …", "renewed its call for".
                let noun_for = matches!(word.as_str(), "demand" | "demands" | "call" | "calls")
                    && tokens.get(k + 1).is_some_and(|t| t.is("for"));
                if noun_for {
                    k += 2;
                    continue;
                }
                if OBJECT_STOPS.contains(&word.as_str()) || cues::relation_cue(word).is_some() {
                    break;
                }
                // "urge both parties to take … the interests of the Sudanese nation": whom
                // one presses comes before "to".
                if relation == Relation::Pressures && word == "to" {
                    break;
                }
                if !OBJECT_LEAD.contains(&word.as_str()) {
                    skipped += 1;
                }
            }
            _ => skipped += 1,
        }
        k += 1;
    }
    if matches!(relation, Relation::Hosts | Relation::Attends) && has_meeting {
        return Some((vec![End::Meeting], 3));
    }
    None
}

/// Whether the party at `at` only possesses the noun before it: "welcomed the gesture of
/// the Ethiopian government" welcomes a gesture, not the government ("the leaders of
/// Hamas", "the President of Egypt" are still the party).
fn possessed_before(tokens: &[Token], at: usize) -> bool {
    let mut k = at;
    if k.checked_sub(1)
        .and_then(|before| tokens.get(before))
        .is_some_and(|t| t.is("the"))
    {
        k -= 1;
    }
    let Some(of) = k.checked_sub(1) else {
        return false;
    };
    if !tokens.get(of).is_some_and(|t| t.is("of")) {
        return false;
    }
    of.checked_sub(1)
        .and_then(|noun| tokens.get(noun))
        .and_then(Token::word)
        .is_some_and(|noun| {
            !(OBJECT_LEAD.contains(&noun)
                || PARTY_NOUNS.contains(&noun)
                || super::lists::TITLE_WORDS.contains(&noun)
                || matches!(
                    noun,
                    "members"
                        | "member"
                        | "government"
                        | "people"
                        | "forces"
                        | "army"
                        | "behalf"
                        | "part"
                        | "both"
                        | "each"
                        | "one"
                        | "two"
                        | "all"
                        // "agreed on the text of the peace deal": a deal's own parts.
                        | "text"
                        | "draft"
                        | "terms"
                        | "details"
                        | "signing"
                        // "endorsed the overarching principles of the plan".
                        | "principles"
                        | "provisions"
                        | "outlines"
                        | "elements"
                ))
        })
}

/// "mediated between Israel and Hamas": the parties after "between" within a few words
/// of the verb (`Some(None)` when "between" names none); `None` without "between", or
/// where a thing stands before it.
fn mediated_between(tokens: &[Token], verb: usize) -> Option<Option<(Vec<End>, usize)>> {
    let between = (verb + 1..(verb + 9).min(tokens.len()))
        .take_while(|&i| tokens.get(i).is_some_and(|t| !t.is_hard_break()))
        .find(|&i| tokens.get(i).is_some_and(|t| t.is("between")))?;
    // "mediated a ceasefire deal between Yemen's Houthis and the US": the deal is what
    // was mediated; its parties are the deal's.
    if tokens
        .get(verb + 1..between)
        .is_some_and(|object| object.iter().any(|t| t.thing().is_some()))
    {
        return None;
    }
    let parties = (between + 1..tokens.len())
        .find(|&i| tokens.get(i).is_some_and(|t| !t.is("the")))
        .and_then(|first| list_starting_at(tokens, first))
        .map(|(parties, _)| (parties.into_iter().map(End::Entity).collect(), 1));
    Some(parties)
}

/// "insists any deal would include …": the entity at `at` is the subject of a clause of
/// its own, not an object.
fn opens_clause(tokens: &[Token], at: usize) -> bool {
    tokens.get(at + 1).is_some_and(|next| {
        next.is_any(&[
            "would", "will", "must", "should", "could", "can", "may", "might", "is", "was", "are",
            "were", "has", "had",
        ])
    })
}

/// The things of a list starting at token `first`: "a permanent ceasefire and the
/// withdrawal".
pub(super) fn things_starting_at(tokens: &[Token], first: usize) -> Vec<usize> {
    let mut things: Vec<usize> = tokens
        .get(first)
        .and_then(Token::thing)
        .into_iter()
        .collect();
    let mut k = first + 1;
    loop {
        let mut connected = false;
        while let Some(token) = tokens.get(k) {
            if token.is_any(&["and", "the", "a", "an", "its", "their", "full", "complete"])
                || token.piece == Piece::Punct(',')
            {
                connected |= token.is("and") || token.piece == Piece::Punct(',');
                k += 1;
            } else {
                break;
            }
        }
        match tokens.get(k).and_then(Token::thing) {
            Some(thing) if connected => {
                things.push(thing);
                k += 1;
            }
            _ => break,
        }
    }
    things
}
