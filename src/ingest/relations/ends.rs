//! Finding a relation's ends in a sentence's tokens: the subject before the verb group
//! (lists, appositives, relative pronouns, a carried speaker), the objects after the verb
//! of the kinds the relation takes, the passive, and the modality of the verb group.

use super::super::cues;
use super::super::dates::is_date_word;
use super::super::tokens::{Piece, Token};
use super::lists::{COMPOUND_PARTICIPLES, glued, list_ending_at, list_starting_at};
use super::words::*;
use super::{End, fits};
use crate::model::{Modality, NodeKind, Relation};

/// How a subject was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Found {
    /// Next to the verb group.
    Adjacent,
    /// Across an appositive or a relative pronoun, or in a list.
    Near,
    /// Carried over from earlier in the sentence.
    Carried,
}

/// A subject: its parties, the index of its first token, how it was found, and the
/// modality its frame imposes (a wish: hypothetical).
pub(super) struct Subject {
    pub(super) parties: Vec<usize>,
    pub(super) first: usize,
    pub(super) found: Found,
    pub(super) frame: Option<Modality>,
}

/// A subject found across a word or a comma: the list of parties ending at `last`.
fn near_list(tokens: &[Token], last: usize) -> Option<Subject> {
    let (parties, first) = list_ending_at(tokens, last)?;
    Some(Subject {
        parties,
        first,
        found: Found::Near,
        frame: None,
    })
}

/// The subject of the verb at `verb`, reading left over its verb group.
pub(super) fn subject_of(tokens: &[Token], verb: usize, carried: &[usize]) -> Option<Subject> {
    let k = verb_group_start(tokens, verb);
    let at = k.checked_sub(1)?;
    let token = tokens.get(at)?;
    // "B to VERB" after a wish: "wants Qatar and Egypt to press Hamas".
    let wished = tokens
        .get(k)
        .is_some_and(|t| t.is("to"))
        .then(|| wish_before(tokens, at))
        .flatten();
    if token.party().is_some() {
        return party_subject(tokens, at, wished);
    }
    // "Egyptian and Qatari officials said", "the Qatari and Egyptian mediators".
    if token.is_any(PARTY_NOUNS) || token.is_any(MEDIATOR_NOUNS) {
        // "Armenia's top diplomats", "Egyptian senior officials".
        let mut before = at.checked_sub(1)?;
        loop {
            let token = tokens.get(before)?;
            if token.is_any(&[
                "top",
                "senior",
                "chief",
                "lead",
                "s",
                "rebel",
                "armed",
                "militant",
                "paramilitary",
                "guerrilla",
            ]) {
                before = before.checked_sub(1)?;
            } else if token.is("and") && index_is_bare_noun(tokens, before) {
                // "The South Sudanese government and rebels signed": the named party.
                before = before.checked_sub(1)?;
                break;
            } else if token.piece == Piece::Punct(')') {
                // "the National Liberation Army (ELN) rebel group".
                before = (before.saturating_sub(5)..before)
                    .rev()
                    .find(|&i| tokens.get(i).is_some_and(|t| t.piece == Piece::Punct('(')))?
                    .checked_sub(1)?;
            } else {
                break;
            }
        }
        return near_list(tokens, before);
    }
    // "Egypt, which hosted", "Burns, who arrived".
    if token.is_any(&["which", "who"]) {
        let mut before = at.checked_sub(1)?;
        if tokens.get(before)?.piece == Piece::Punct(',') {
            before = before.checked_sub(1)?;
        }
        return near_list(tokens, before);
    }
    if token.piece == Piece::Punct(',') {
        return subject_before_commas(tokens, at);
    }
    // "it", "they", or a second verb ("said it was ready but demanded"): the sentence's
    // speaker or last subject.
    if (token.is_any(&["it", "they", "and", "but"])) && !carried.is_empty() {
        return Some(Subject {
            parties: carried.to_vec(),
            first: at,
            found: Found::Carried,
            frame: None,
        });
    }
    None
}

/// Where the verb group of the verb at `verb` starts: left over auxiliaries, negations,
/// dates, brackets and dashes.
fn verb_group_start(tokens: &[Token], verb: usize) -> usize {
    let mut k = verb;
    let mut skipped = 0;
    while k > 0 {
        let Some(token) = tokens.get(k - 1) else {
            break;
        };
        // "the National Liberation Army (ELN) agreed": past the bracket.
        if token.piece == Piece::Punct(')')
            && let Some(open) = (k.saturating_sub(5)..k - 1)
                .rev()
                .find(|&i| tokens.get(i).is_some_and(|t| t.piece == Piece::Punct('(')))
        {
            k = open;
            continue;
        }
        // "Israeli and Qatari delegations — including … — arrived": past the dashes.
        if matches!(token.piece, Piece::Punct('—' | '–'))
            && let Some(open) = (k.saturating_sub(40)..k - 1)
                .rev()
                .find(|&i| tokens.get(i).is_some_and(|t| t.piece == token.piece))
        {
            k = open;
            continue;
        }
        // "Qatar yesterday, July 19, 2025, hosted": a date between commas.
        let date_comma = token.piece == Piece::Punct(',')
            && k.checked_sub(2)
                .and_then(|at| tokens.get(at))
                .and_then(Token::word)
                .is_some_and(is_date_word);
        let skippable = token.is_any(VERB_GROUP)
            || token.word().is_some_and(is_date_word)
            || date_comma
            || token.is_any(NEGATING)
            || token.is_any(CONDITIONAL)
            || token.is_any(FUTURE)
            || (token.is_any(CATENATIVE) && tokens.get(k).is_some_and(|next| next.is("to")))
            || token.word().is_some_and(|w| w.ends_with("n't"));
        if skippable && skipped < 10 {
            k -= 1;
            skipped += 1;
        } else {
            break;
        }
    }
    k
}

/// The parties ending at `at` as the subject (after a wish, with its frame); `None` when
/// a preposition governs them ("between Israel and Hamas to broker a deal").
fn party_subject(tokens: &[Token], at: usize, wished: Option<Modality>) -> Option<Subject> {
    let (parties, first) = list_ending_at(tokens, at)?;
    // "between Israel and Hamas to broker a deal": a list after a preposition is no
    // subject.
    // "travelling to Egypt to lead": "to" before a party is a preposition.
    let governed = first
        .checked_sub(1)
        .and_then(|before| tokens.get(before))
        .is_some_and(|before| before.is_any(PREPOSITIONS) || before.is("to"));
    if governed && wished.is_none() {
        return represented(tokens, first, parties);
    }
    if let Some(frame) = wished {
        return Some(Subject {
            parties,
            first,
            found: Found::Adjacent,
            frame: Some(frame),
        });
    }
    let found = if parties.len() > 1 {
        Found::Near
    } else {
        Found::Adjacent
    };
    Some(Subject {
        parties,
        first,
        found,
        frame: None,
    })
}

/// Whether the party noun after the "and" at `and` stands alone ("… and rebels
/// signed"), with no party of its own before it.
fn index_is_bare_noun(tokens: &[Token], and: usize) -> bool {
    tokens.get(and + 1).is_some_and(|t| t.is_any(PARTY_NOUNS))
        && and
            .checked_sub(1)
            .and_then(|at| tokens.get(at))
            .is_some_and(|t| t.party().is_some())
}

/// "Representatives of Yemen's government and the Houthis kicked off talks", "the
/// Colombian government and the guerrillas of the ELN began": parties after "of", "from"
/// or "for" act through the party noun before it, with any parties listed before that.
fn represented(tokens: &[Token], first: usize, parties: Vec<usize>) -> Option<Subject> {
    let mut k = first.checked_sub(1)?;
    if tokens.get(k)?.is("the") {
        k = k.checked_sub(1)?;
    }
    if !tokens.get(k)?.is_any(&["of", "from", "for"]) {
        return None;
    }
    let noun = k.checked_sub(1)?;
    if !tokens.get(noun)?.is_any(PARTY_NOUNS) {
        return None;
    }
    let mut start = noun;
    while start > 0
        && tokens
            .get(start - 1)
            .is_some_and(|t| t.is_any(&["the", "top", "senior", "chief"]))
    {
        start -= 1;
    }
    let mut subject = Subject {
        parties,
        first: start,
        found: Found::Near,
        frame: None,
    };
    // "the Colombian government and the guerrillas of the ELN".
    if let Some(joiner) = start.checked_sub(1)
        && tokens
            .get(joiner)
            .is_some_and(|t| t.is("and") || t.piece == Piece::Punct(','))
        && let Some(before) = joiner.checked_sub(1)
        && tokens.get(before).is_some_and(|t| t.party().is_some())
        && let Some((earlier, far)) = list_ending_at(tokens, before)
    {
        let mut all = earlier;
        for party in subject.parties {
            if !all.contains(&party) {
                all.push(party);
            }
        }
        subject.parties = all;
        subject.first = far;
    }
    // "Talks between representatives of X and Y": a preposition before the noun
    // governs it too.
    let governed = subject
        .first
        .checked_sub(1)
        .and_then(|at| tokens.get(at))
        .is_some_and(|t| t.is_any(PREPOSITIONS) || t.is("to"));
    (!governed).then_some(subject)
}

/// The subject before a comma at `at`: past an adverbial ("Aliyev and Pashinyan, in the
/// presence of Donald Trump, signed"), a list ("Egypt, along with Qatar and the United
/// States, has been leading") or an appositive ("Hamas, the group that runs Gaza,
/// rejected").
fn subject_before_commas(tokens: &[Token], at: usize) -> Option<Subject> {
    // "Aliyev and Pashinyan, in the presence of Donald Trump, signed": an adverbial
    // between commas is passed over, whoever it names.
    if let Some(open) = (at.saturating_sub(10)..at)
        .rev()
        .find(|&i| tokens.get(i).is_some_and(|t| t.piece == Piece::Punct(',')))
        && tokens.get(open + 1).is_some_and(|t| {
            t.is_any(&[
                "in",
                "at",
                "under",
                "during",
                "after",
                "following",
                "amid",
                "despite",
                "on",
            ])
        })
        && let Some(before) = open.checked_sub(1)
        && tokens.get(before).is_some_and(|t| t.party().is_some())
    {
        return near_list(tokens, before);
    }
    // "Egypt, along with Qatar and the United States, has been leading efforts".
    // Not "Dermer, … a close confidant of Netanyahu, will join": the list must be the
    // whole phrase after its comma, or join several parties.
    if let Some(before) = at.checked_sub(1)
        && tokens.get(before).is_some_and(|t| t.party().is_some())
        && let Some(subject) = near_list(tokens, before)
        && (subject.parties.len() > 1
            || subject
                .first
                .checked_sub(1)
                .and_then(|at| tokens.get(at))
                .is_none_or(|t| t.piece == Piece::Punct(',') || t.is_hard_break()))
    {
        return Some(subject);
    }
    // "Hamas, the group that runs Gaza, rejected", "Ron Dermer, the head of Israel's
    // team, will join": one appositive between commas, naming parties only after "of".
    let open = (at.saturating_sub(16)..at)
        .rev()
        .find(|&i| tokens.get(i).is_some_and(|t| t.piece == Piece::Punct(',')))?;
    let before = open.checked_sub(1)?;
    let inside = tokens.get(open + 1..at)?;
    let plain = inside.iter().enumerate().all(|(i, t)| {
        t.word().is_some()
            || (t.party().is_some()
                && i.checked_sub(1)
                    .and_then(|previous| inside.get(previous))
                    .is_some_and(|previous| previous.is_any(&["of", "to", "for"])))
    });
    if tokens.get(before)?.party().is_some() && plain {
        return near_list(tokens, before);
    }
    None
}

/// Whether a wish or a request governs the party list ending at `last`: "wants B and C",
/// "called on Qatar", "urged Israel".
pub(super) fn wish_before(tokens: &[Token], last: usize) -> Option<Modality> {
    let (_, first) = list_ending_at(tokens, last)?;
    let mut k = first.checked_sub(1)?;
    if tokens.get(k)?.is_any(&["on", "the"]) {
        k = k.checked_sub(1)?;
    }
    // "it is up to Russia to accept".
    let up_to = tokens.get(k)?.is("to")
        && k.checked_sub(1)
            .and_then(|at| tokens.get(at))
            .is_some_and(|t| t.is("up"));
    (up_to || tokens.get(k)?.is_any(WISHES)).then_some(Modality::Hypothetical)
}

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
    let on_the_way = tokens
        .get(verb)
        .is_some_and(|t| t.is_any(&["sending", "traveling", "travelling", "heading", "flying"]));
    if group.iter().any(|t| t.is_any(FUTURE)) || headline_future || on_the_way {
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
                if !fits_entity(*entity) || opens_clause(tokens, k) {
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

/// "mediated between Israel and Hamas": the parties after "between" within a few words
/// of the verb (`Some(None)` when "between" names none); `None` without "between".
fn mediated_between(tokens: &[Token], verb: usize) -> Option<Option<(Vec<End>, usize)>> {
    let between = (verb + 1..(verb + 9).min(tokens.len()))
        .take_while(|&i| tokens.get(i).is_some_and(|t| !t.is_hard_break()))
        .find(|&i| tokens.get(i).is_some_and(|t| t.is("between")))?;
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

/// In the passive ("was brokered by Turkey and the UN", "talks mediated by Egyptian and
/// Qatari officials"): the subjects after "by", and what stands before the verb.
pub(super) fn passive(
    tokens: &[Token],
    verb: usize,
    relation: Relation,
    kind_of: &dyn Fn(usize) -> Option<NodeKind>,
    has_meeting: bool,
) -> Option<(Vec<usize>, End, Modality)> {
    if !tokens.get(verb + 1)?.is("by") {
        return None;
    }
    let subjects = agents_after_by(tokens, verb)?;
    let (k, negated) = passive_group_start(tokens, verb);
    let before = tokens.get(k.checked_sub(1)?)?;
    // "talks in Saudi Arabia, mediated by the United States": the country is the place.
    let placed = k
        .checked_sub(2)
        .and_then(|at| tokens.get(at))
        .is_some_and(|t| t.is_any(&["in", "at"]));
    let meeting_fits = has_meeting && fits(relation, NodeKind::Meeting);
    let object = match &before.piece {
        Piece::Party(_) if placed => {
            if !meeting_fits {
                return None;
            }
            End::Meeting
        }
        Piece::Party(entity) | Piece::Thing(entity)
            if kind_of(*entity).is_some_and(|kind| fits(relation, kind)) =>
        {
            End::Entity(*entity)
        }
        Piece::Word(word) if TALK_NOUNS.contains(&word.as_str()) && meeting_fits => End::Meeting,
        // "talks … held in Barbados and mediated by Norway".
        Piece::Place(_) | Piece::Word(_)
            if meeting_fits
                && (before.is("and") || matches!(before.piece, Piece::Place(_)))
                && tokens.get(..k).is_some_and(|earlier| {
                    earlier.iter().any(|t| t.is_any(&["held", "hosted"]))
                }) =>
        {
            End::Meeting
        }
        _ => return None,
    };
    let modality = if negated {
        Modality::Negated
    } else {
        Modality::Asserted
    };
    Some((subjects, object, modality))
}

/// The agents after "by": the first party within a title's reach ("by Defence Minister
/// Sergei Shoigu") and the list it starts; a party that only qualifies the title
/// ("former Nigerian president X") gives way to the person after it.
fn agents_after_by(tokens: &[Token], verb: usize) -> Option<Vec<usize>> {
    let mut first = (verb + 2..(verb + 7).min(tokens.len()))
        .find(|&i| tokens.get(i).is_some_and(|t| t.party().is_some()))?;
    if let Some(person) = (first + 1..(first + 4).min(tokens.len()))
        .take_while(|&i| {
            tokens
                .get(i)
                .is_some_and(|t| t.word().is_some() || t.party().is_some())
        })
        .find(|&i| tokens.get(i).is_some_and(|t| t.party().is_some()))
        && tokens
            .get(first + 1)
            .is_some_and(|t| t.word().is_some_and(|w| !matches!(w, "and" | "or")))
    {
        first = person;
    }
    list_starting_at(tokens, first).map(|(subjects, _)| subjects)
}

/// Where a passive's verb group starts, left over auxiliaries, adverbs and commas ("This
/// Declaration of Principles, signed by"); and whether "not" or "never" is among them.
fn passive_group_start(tokens: &[Token], verb: usize) -> (usize, bool) {
    let mut k = verb;
    let mut negated = false;
    while k > 0 {
        let Some(token) = tokens.get(k - 1) else {
            break;
        };
        if token.is_any(&[
            "was",
            "were",
            "is",
            "are",
            "been",
            "being",
            "be",
            "has",
            "have",
            "had",
            "also",
            "first",
            "later",
            "then",
            "jointly",
            "reportedly",
            "formally",
            "now",
            "being",
            "not",
            "never",
        ]) || token.piece == Piece::Punct(',')
        {
            // "This Declaration of Principles, signed by": past the comma too.
            negated |= token.is_any(&["not", "never"]);
            k -= 1;
        } else {
            break;
        }
    }
    (k, negated)
}
