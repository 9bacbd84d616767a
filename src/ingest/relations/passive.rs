//! The passive: its agents after "by" (past titles, asides and the talks' place and
//! date), its object before the verb, and the agents of a participle that opens the
//! sentence ("Hosted by the Kenyan Government, the talks …").

use super::super::tokens::{Piece, Token};
use super::lists::{list_starting_at, past_the};
use super::words::*;
use super::{End, fits};
use crate::model::{Modality, NodeKind, Relation};

/// "The peace process brokered by the African Union and the Sudanese government": the
/// agents of a passive of mediation whose object is talks or a process the sentence
/// places nowhere. They mediate, though the sentence names no meeting to relate them to.
pub(super) fn passive_mediators(tokens: &[Token], verb: usize) -> Option<Vec<usize>> {
    let by = by_at(tokens, verb)?;
    let (k, negated) = passive_group_start(tokens, verb);
    let before = tokens.get(k.checked_sub(1)?)?;
    let talks = before.is_any(TALK_NOUNS) || before.is_any(&["process", "efforts", "initiative"]);
    // "are co-chaired by representatives of OSCE, EU and UN", "It is chaired by the OSCE":
    // who chairs talks mediates them, whatever the sentence calls them.
    let chaired = tokens
        .get(verb)
        .is_some_and(|t| t.is_any(&["chaired", "co-chaired"]));
    if negated || !(talks || chaired) {
        return None;
    }
    agents_after_by(tokens, by)
}

/// Where the agent's "by" of a passive verb at `verb` stands: right after it, past a
/// second participle ("hosted and facilitated by"), or past when and where it happened
/// ("signed on Wednesday by Somalia and Ethiopia", "signed in Ankara in 2018 by").
pub(super) fn by_at(tokens: &[Token], verb: usize) -> Option<usize> {
    if tokens.get(verb + 1)?.is("by") {
        return Some(verb + 1);
    }
    // "agreed to by Hamas": a verb's own preposition first.
    if tokens.get(verb + 1)?.is("to") && tokens.get(verb + 2).is_some_and(|t| t.is("by")) {
        return Some(verb + 2);
    }
    // "hosted and facilitated by the UAE": past a second participle.
    let second_participle = tokens.get(verb + 1)?.is("and")
        && tokens
            .get(verb + 2)
            .and_then(Token::word)
            .is_some_and(|word| word.ends_with("ed"));
    if second_participle && tokens.get(verb + 3).is_some_and(|t| t.is("by")) {
        return Some(verb + 3);
    }
    if !tokens.get(verb + 1)?.is_any(&["on", "in", "last", "this"]) {
        return None;
    }
    let mut k = verb + 2;
    while k < verb + 6
        && tokens.get(k).is_some_and(|t| {
            matches!(t.piece, Piece::Punct(',') | Piece::Place(_))
                || t.is_any(&["on", "in"])
                || t.word().is_some_and(super::super::dates::is_date_word)
        })
    {
        k += 1;
    }
    (k > verb + 2 && tokens.get(k)?.is("by")).then_some(k)
}

/// "A peace deal has been reached between the government and 14 armed groups", "the
/// declaration signed in Doha between the DRC and M23": the parties after "between"
/// stand in `relation` to the thing before the passive verb. Returns them, the thing, the
/// modality and whether a place stood between the verb and "between" (where they met).
pub(super) fn passive_between(
    tokens: &[Token],
    verb: usize,
    relation: Relation,
    kind_of: &dyn Fn(usize) -> Option<NodeKind>,
) -> Option<(Vec<usize>, usize, Modality, bool)> {
    // Past where and when: "signed in Doha on Saturday between".
    let mut between = verb + 1;
    while between < verb + 6
        && tokens.get(between).is_some_and(|t| {
            matches!(t.piece, Piece::Place(_))
                || t.is_any(&["on", "in", "the"])
                || t.word().is_some_and(super::super::dates::is_date_word)
        })
    {
        between += 1;
    }
    if !tokens.get(between)?.is("between") {
        return None;
    }
    let placed = tokens
        .get(verb + 1..between)?
        .iter()
        .any(|t| matches!(t.piece, Piece::Place(_)));
    let (k, negated) = passive_group_start(tokens, verb);
    let thing = tokens.get(k.checked_sub(1)?)?.thing()?;
    // A passive has its auxiliary ("has been reached", "was signed"), or follows its
    // thing as a reduced relative ("the declaration signed in Doha between").
    let reduced = k == verb && tokens.get(verb)?.word()?.ends_with("ed");
    if (k == verb && !reduced) || !kind_of(thing).is_some_and(|kind| fits(relation, kind)) {
        return None;
    }
    let first =
        (between + 1..tokens.len()).find(|&at| tokens.get(at).is_some_and(|t| !t.is("the")))?;
    let (parties, _) = list_starting_at(tokens, first)?;
    let modality = if negated {
        Modality::Negated
    } else {
        Modality::Asserted
    };
    Some((parties, thing, modality, placed))
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
    let by = by_at(tokens, verb)?;
    let subjects = agents_after_by(tokens, by)?;
    let (mut k, mut negated) = passive_group_start(tokens, verb);
    // "The deal, brokered by Qatar, was signed by": past the aside to what it interrupts.
    if let Some(open) = passive_aside_ending_at(tokens, k) {
        k = open;
    }
    // "The U.S. delegation will be led by Marco Rubio": a modal before the auxiliary
    // gives the passive's modality.
    let modal = k
        .checked_sub(1)
        .and_then(|at| tokens.get(at))
        .and_then(Token::word)
        .filter(|word| matches!(*word, "will" | "would" | "could" | "may" | "might"));
    if modal.is_some() {
        let (start, negated_before) = passive_group_start(tokens, k - 1);
        k = start;
        negated |= negated_before;
    }
    // "Hosted by the Kenyan Government, the talks resumed": the participle opens the
    // sentence, and what it says of follows the agents.
    if k == 0 {
        let object = after_opening_participle(tokens, by, relation, kind_of, has_meeting)?;
        return Some((subjects, object, Modality::Asserted));
    }
    // "accepted by Israel and partially agreed to by Hamas": a second passive joined to
    // the first says of what the first does.
    if let Some(first_verb) = joined_passive_before(tokens, k)
        && let Some((_, object, modality)) =
            passive(tokens, first_verb, relation, kind_of, has_meeting)
    {
        let modality = if negated { Modality::Negated } else { modality };
        return Some((subjects, object, modality));
    }
    // "the 20-point plan, which has been accepted by Israel": the relative pronoun's
    // antecedent.
    if tokens
        .get(k.checked_sub(1)?)
        .is_some_and(|t| t.is_any(&["which", "that"]))
    {
        let antecedent = k.checked_sub(2)?;
        let antecedent = if tokens.get(antecedent)?.piece == Piece::Punct(',') {
            antecedent.checked_sub(1)?
        } else {
            antecedent
        };
        k = antecedent + 1;
    }
    let before = tokens.get(k.checked_sub(1)?)?;
    // "talks in Saudi Arabia, mediated by the United States": the country is the place.
    let placed = k
        .checked_sub(2)
        .and_then(|at| tokens.get(at))
        .is_some_and(|t| t.is_any(&["in", "at"]));
    let meeting_fits = has_meeting && fits(relation, NodeKind::Meeting);
    // "The Israeli delegation to the talks in Cairo was led by": past where the group
    // went, to the group itself.
    let placed_group = (relation == Relation::Leads)
        .then(|| {
            group_before_place(tokens, k - 1, &|entity| {
                kind_of(entity).is_some_and(|kind| fits(relation, kind))
            })
        })
        .flatten();
    if let Some(group) = placed_group {
        let modality = if negated {
            Modality::Negated
        } else if modal == Some("will") {
            Modality::Expected
        } else if modal.is_some() {
            Modality::Hypothetical
        } else {
            Modality::Asserted
        };
        return Some((subjects, End::Entity(group), modality));
    }
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
        // "a ceremony in Havana on Friday attended by": talks placed and dated.
        Piece::Place(_) | Piece::Word(_) if meeting_fits && placed_talks_end_at(tokens, k - 1) => {
            End::Meeting
        }
        // "talks … held in Barbados and mediated by Norway", "met in Crans-Montana,
        // joined by senior U.N. officials".
        Piece::Place(_) | Piece::Word(_)
            if meeting_fits
                && (before.is("and") || matches!(before.piece, Piece::Place(_)))
                && tokens.get(..k).is_some_and(|earlier| {
                    earlier.iter().any(|t| {
                        t.is_any(&[
                            "held",
                            "hosted",
                            "met",
                            "gathered",
                            "convened",
                            // "talks … began in Doha, mediated by Qatar".
                            "began",
                            "opened",
                            "started",
                            "resumed",
                            "continued",
                        ])
                    })
                }) =>
        {
            End::Meeting
        }
        _ => return None,
    };
    let modality = match modal {
        _ if negated => Modality::Negated,
        Some("will") => Modality::Expected,
        Some(_) => Modality::Hypothetical,
        None => Modality::Asserted,
    };
    Some((subjects, object, modality))
}

/// The verb of a passive joined by "and" to the one whose group starts at token `start`:
/// "accepted by Israel and partially agreed to by Hamas" (reading left from "partially"
/// over "and" and the first one's agents to its "by").
fn joined_passive_before(tokens: &[Token], start: usize) -> Option<usize> {
    if !tokens.get(start.checked_sub(1)?)?.is("and") {
        return None;
    }
    let mut k = start.checked_sub(2)?;
    while tokens.get(k).is_some_and(|t| {
        t.party().is_some() || t.is_any(&["the", "and"]) || t.piece == Piece::Punct(',')
    }) {
        k = k.checked_sub(1)?;
    }
    if !tokens.get(k)?.is("by") || tokens.get(k + 1).is_none_or(|t| t.party().is_none()) {
        return None;
    }
    let verb = k.checked_sub(1)?;
    let verb = if tokens.get(verb)?.is("to") {
        verb.checked_sub(1)?
    } else {
        verb
    };
    tokens
        .get(verb)?
        .word()
        .is_some_and(|word| word.ends_with("ed"))
        .then_some(verb)
}

/// "The Israeli delegation to the talks in Cairo": reading left from `last` over where a
/// group went or is (places, talks, "in", "to", "the"), the group `fits` takes, if one.
fn group_before_place(
    tokens: &[Token],
    last: usize,
    fits: &dyn Fn(usize) -> bool,
) -> Option<usize> {
    let mut k = last;
    let mut placed = false;
    for _ in 0..7 {
        let token = tokens.get(k)?;
        match token.piece {
            Piece::Party(entity) if placed => return fits(entity).then_some(entity),
            Piece::Place(_) => {}
            _ if token.is_any(&["in", "at", "to"]) => placed = true,
            _ if token.is("the") || token.is_any(TALK_NOUNS) => {}
            _ => return None,
        }
        k = k.checked_sub(1)?;
    }
    None
}

/// "The delegations were led by A, B and C": in a sentence about the article's talks,
/// who leads the unnamed delegations takes part in them. The leaders, if so.
pub(super) fn leaders_of_delegations(tokens: &[Token], verb: usize) -> Option<Vec<usize>> {
    if !tokens.get(verb)?.is_any(&["led", "headed"]) {
        return None;
    }
    let by = by_at(tokens, verb)?;
    let agents = agents_after_by(tokens, by)?;
    let (k, negated) = passive_group_start(tokens, verb);
    let noun = tokens.get(k.checked_sub(1)?)?;
    let article = tokens.get(k.checked_sub(2)?)?;
    (!negated && noun.is_any(&["delegations", "delegation"]) && article.is("the")).then_some(agents)
}

/// What a participle that opens the sentence says of: the talks or the thing just after
/// the comma that closes its agents ("Brokered by Qatar, the deal …", "Hosted by Kenya,
/// the high-level mediation process …").
fn after_opening_participle(
    tokens: &[Token],
    by: usize,
    relation: Relation,
    kind_of: &dyn Fn(usize) -> Option<NodeKind>,
    has_meeting: bool,
) -> Option<End> {
    let comma = (by + 1..(by + 14).min(tokens.len()))
        .find(|&at| tokens.get(at).is_some_and(|t| t.piece == Piece::Punct(',')))?;
    for token in tokens.get(comma + 1..(comma + 6).min(tokens.len()))? {
        match &token.piece {
            Piece::Thing(entity) if kind_of(*entity).is_some_and(|kind| fits(relation, kind)) => {
                return Some(End::Entity(*entity));
            }
            Piece::Word(word)
                if has_meeting
                    && fits(relation, NodeKind::Meeting)
                    && (TALK_NOUNS.contains(&word.as_str())
                        || matches!(word.as_str(), "process" | "initiative")) =>
            {
                return Some(End::Meeting);
            }
            Piece::Word(_) => {}
            _ => return None,
        }
    }
    None
}

/// Whether talks end at token `last` with their place or date after them: "talks in
/// Jeddah", "a ceremony in Havana on Friday", "the meeting on 5 May".
fn placed_talks_end_at(tokens: &[Token], last: usize) -> bool {
    let mut k = last;
    let mut steps = 0;
    while steps < 6 {
        let Some(token) = tokens.get(k) else {
            return false;
        };
        let qualifier = matches!(token.piece, Piece::Place(_))
            || token.is_any(&["in", "at", "on", "the", "this", "last", "of"])
            || token.word().is_some_and(super::super::dates::is_date_word);
        if !qualifier {
            return steps > 0 && token.is_any(TALK_NOUNS);
        }
        let Some(before) = k.checked_sub(1) else {
            return false;
        };
        k = before;
        steps += 1;
    }
    false
}

/// The agents after "by": the first party within a title's reach ("by Defence Minister
/// Sergei Shoigu") and the list it starts; a party that only qualifies the title
/// ("former Nigerian president X") gives way to the person after it.
fn agents_after_by(tokens: &[Token], by: usize) -> Option<Vec<usize>> {
    let mut first = (by + 1..(by + 6).min(tokens.len()))
        .find(|&i| tokens.get(i).is_some_and(|t| t.party().is_some()))?;
    // "by the Prime Minister of Saint Vincent and the Grenadines … Ralph Gonsalves": the
    // party only says whose office it is; the agent is its holder, named further on.
    let of_office = tokens.get(by + 1..first).is_some_and(|between| {
        let between = match between {
            [rest @ .., the] if the.is("the") => rest,
            all => all,
        };
        matches!(between, [.., title, of] if of.is("of") && title.is_any(super::lists::TITLE_WORDS))
    });
    if of_office {
        return None;
    }
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
    let (mut subjects, last) = list_starting_at(tokens, first)?;
    subjects.extend(included_after_list(tokens, last));
    if let Some(stop) = aside_interrupting_between(tokens, by, first) {
        let inside: Vec<usize> = tokens
            .get(first..stop)?
            .iter()
            .filter_map(Token::party)
            .collect();
        subjects.retain(|subject| inside.contains(subject));
    }
    Some(subjects)
}

/// "attended by A, B and representatives of 12 other factions, including C and D": the
/// parties a list's last, unnamed item includes, where the list ends at `last`.
fn included_after_list(tokens: &[Token], last: usize) -> Vec<usize> {
    if !tokens.get(last + 1).is_some_and(|t| t.is("and")) {
        return Vec::new();
    }
    let including = (last + 2..(last + 12).min(tokens.len()))
        .take_while(|&at| {
            tokens.get(at).is_some_and(|t| {
                t.party().is_none() && (t.word().is_some() || t.piece == Piece::Punct(','))
            })
        })
        .find(|&at| tokens.get(at).is_some_and(|t| t.is("including")));
    let named_group = including.is_some_and(|including| {
        tokens.get(last + 2..including).is_some_and(|between| {
            between.iter().any(|t| {
                t.is_any(&[
                    "representatives",
                    "delegates",
                    "envoys",
                    "factions",
                    "groups",
                ])
            })
        })
    });
    match including {
        Some(including) if named_group => list_starting_at(tokens, past_the(tokens, including + 1))
            .map(|(parties, _)| parties)
            .unwrap_or_default(),
        _ => Vec::new(),
    }
}

/// "talks between the Ukrainian delegation, headed by Umerov, and the Russian
/// delegation": where the aside whose "by" is at `by` ends, at the ", and" that goes on
/// with the list of sides it interrupts — a "between" before it with no "and" yet. None
/// where the passive is no such aside ("talks between A and B, mediated by Qatar, Egypt,
/// and the US" keeps its three mediators).
fn aside_interrupting_between(tokens: &[Token], by: usize, first: usize) -> Option<usize> {
    let comma = |at: usize| tokens.get(at).is_some_and(|t| t.piece == Piece::Punct(','));
    if !comma(by.checked_sub(2)?) {
        return None;
    }
    let between = (0..by)
        .rev()
        .find(|&at| tokens.get(at).is_some_and(|t| t.is("between")))?;
    if tokens.get(between..by)?.iter().any(|t| t.is("and")) {
        return None;
    }
    (first..tokens.len()).find(|&at| comma(at) && tokens.get(at + 1).is_some_and(|t| t.is("and")))
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
            // "partially agreed to by": an adverb in the group.
            || token.word().is_some_and(super::words::is_manner_adverb)
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

/// Where ", brokered by Qatar," opens when it ends right before token `end` (its closing
/// comma already passed): the opening comma's index, if an aside of a participle and its
/// agents stands there.
fn passive_aside_ending_at(tokens: &[Token], end: usize) -> Option<usize> {
    if tokens.get(end)?.piece != Piece::Punct(',') {
        return None;
    }
    let open = (end.saturating_sub(10)..end)
        .rev()
        .find(|&at| tokens.get(at).is_some_and(|t| t.piece == Piece::Punct(',')))?;
    let participle = tokens.get(open + 1)?.word()?;
    let by = tokens.get(open + 2)?;
    let agents_only = tokens
        .get(open + 3..end)?
        .iter()
        .all(|t| t.party().is_some() || t.is_any(&["and", "the"]) || t.piece == Piece::Punct(','));
    (participle.ends_with("ed") && by.is("by") && agents_only).then_some(open)
}
