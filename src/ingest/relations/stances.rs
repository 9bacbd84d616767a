//! Stances named by a noun rather than a verb: "Hamas's insistence on a permanent halt",
//! "the war cabinet expressed support for an end to the offensive", "voiced opposition
//! to the plan", "a top Hamas official expressed optimism about the latest offer". The
//! party that holds the stance is the possessor of the noun or the subject of the verb
//! that expresses it; its object comes after the noun's preposition, of a kind the
//! relation takes. And "opposes this": a demonstrative object is the thing the same
//! sentence named just before.

use super::super::cues;
use super::ends::{modality_of, things_starting_at};
use super::lists::{list_ending_at, list_starting_at, officials_of, past_the};
use super::subjects::{Found, subject_of};
use super::words::OBJECT_LEAD;
use super::{End, Sentence, SentenceReading, fits};
use crate::ingest::tokens::{Piece, Token, before};
use crate::model::{Modality, NodeKind, Relation};

/// Stance nouns, the preposition that introduces what they are about, and the relation.
const STANCE_NOUNS: &[(&str, &[&str], Relation)] = &[
    ("insistence", &["on", "upon"], Relation::Demands),
    ("demand", &["for"], Relation::Demands),
    ("demands", &["for"], Relation::Demands),
    ("call", &["for"], Relation::Demands),
    ("calls", &["for"], Relation::Demands),
    ("rejection", &["of"], Relation::Rejects),
    ("acceptance", &["of"], Relation::Accepts),
    ("approval", &["of"], Relation::Accepts),
    ("openness", &["to"], Relation::Accepts),
    ("support", &["for", "of"], Relation::Supports),
    ("backing", &["for", "of"], Relation::Supports),
    ("optimism", &["about", "over"], Relation::Supports),
    ("opposition", &["to"], Relation::Opposes),
    ("objection", &["to"], Relation::Opposes),
    ("objections", &["to"], Relation::Opposes),
];

/// Verbs that express a stance noun as their subject's own: "expressed support for".
const EXPRESSING: &[&str] = &[
    "expressed",
    "expresses",
    "express",
    "expressing",
    "voiced",
    "voices",
    "voicing",
    "reiterated",
    "reiterates",
    "reiterating",
    "reaffirmed",
    "reaffirms",
    "renewed",
    "renews",
    "repeated",
    "repeats",
    "declared",
    "declares",
    "signalled",
    "signaled",
    "signals",
    "stated",
    "restated",
    "announced",
    "pledged",
    "pledges",
    "offered",
];

/// Words that may stand between the possessor or the expressing verb and the noun.
const BEFORE_NOUN: &[&str] = &[
    "its",
    "their",
    "his",
    "her",
    "strong",
    "full",
    "firm",
    "continued",
    "repeated",
    "renewed",
    "steadfast",
    "unwavering",
    "public",
    "cautious",
    "some",
    "previous",
    "earlier",
    "initial",
];

/// A stance noun at `index` with its holder and its object: true when it read one.
pub(super) fn read_stance_noun(
    sentence: &Sentence<'_>,
    index: usize,
    token: &Token,
    carried: &[usize],
    reading: &mut SentenceReading,
) -> bool {
    let tokens = sentence.tokens;
    let Some(word) = token.word() else {
        return false;
    };
    let Some((_, prepositions, relation)) = STANCE_NOUNS.iter().find(|(noun, _, _)| *noun == word)
    else {
        return false;
    };
    if !tokens
        .get(index + 1)
        .is_some_and(|next| next.is_any(prepositions))
    {
        return false;
    }
    let mut k = index;
    while k > 0 && tokens.get(k - 1).is_some_and(|t| t.is_any(BEFORE_NOUN)) {
        k -= 1;
    }
    let Some(before) = k.checked_sub(1).and_then(|at| tokens.get(at)) else {
        return false;
    };
    // "Hamas's insistence on", "Israel's rejection of": the possessor.
    let holder = if before.is("s") {
        possessor(tokens, k - 1).map(|(parties, first)| (parties, first, k - 1))
    } else if before.is_any(EXPRESSING)
        && before.word().and_then(cues::relation_cue) != Some(*relation)
    {
        // "expressed support for": the expressing verb's subject ("reiterated its
        // demands for" is read at the verb).
        subject_of(tokens, k - 1, carried)
            .filter(|subject| subject.found != Found::Carried)
            .map(|subject| (subject.parties, subject.first, k - 1))
    } else {
        None
    };
    let Some((parties, first, verb)) = holder else {
        return false;
    };
    let modality = modality_of(tokens, first, verb, None);
    let objects = objects_of_noun(tokens, index + 2, *relation, sentence.kind_of);
    for &party in &parties {
        for &object in &objects {
            reading.relate(
                party,
                *relation,
                End::Entity(object),
                modality,
                &sentence.attributed_to,
            );
        }
    }
    true
}

/// "Hamas placed blame for the lack of progress on Netanyahu": the subject of the verb
/// that places the blame blames the party after "on". True when it read one.
pub(super) fn read_blame_on(
    sentence: &Sentence<'_>,
    index: usize,
    token: &Token,
    carried: &[usize],
    reading: &mut SentenceReading,
) -> bool {
    let tokens = sentence.tokens;
    if !token.is("blame") {
        return false;
    }
    let verb = match index.checked_sub(1).and_then(|at| tokens.get(at)) {
        Some(before) if before.is("the") => index.checked_sub(2),
        Some(_) => index.checked_sub(1),
        None => None,
    };
    let Some(verb) = verb.filter(|&verb| {
        tokens.get(verb).is_some_and(|t| {
            t.is_any(&[
                "placed", "places", "put", "puts", "laid", "lays", "pinned", "pins",
            ])
        })
    }) else {
        return false;
    };
    let Some(on) = (index + 1..(index + 10).min(tokens.len()))
        .take_while(|&at| {
            tokens
                .get(at)
                .is_some_and(|t| !t.is_hard_break() && t.piece != Piece::Punct(','))
        })
        .find(|&at| tokens.get(at).is_some_and(|t| t.is("on")))
    else {
        return false;
    };
    let target = tokens
        .get(on + 1)
        .filter(|t| !t.is("the"))
        .or_else(|| tokens.get(on + 2))
        .and_then(Token::party);
    let (Some(target), Some(subject)) = (target, subject_of(tokens, verb, carried)) else {
        return false;
    };
    let modality = modality_of(tokens, subject.first, verb, None);
    // A party that blames itself is dropped where relations are added.
    for &party in &subject.parties {
        reading.relate(
            party,
            Relation::Blames,
            End::Entity(target),
            modality,
            &sentence.attributed_to,
        );
    }
    true
}

/// "Both countries blamed each other", "the sides accused one another": each of the two
/// parties of the subject stands in the relation to the other. True when it read one.
pub(super) fn read_each_other(
    sentence: &Sentence<'_>,
    index: usize,
    token: &Token,
    carried: &[usize],
    reading: &mut SentenceReading,
) -> bool {
    let tokens = sentence.tokens;
    let reciprocal = matches!(
        (tokens.get(index + 1), tokens.get(index + 2)),
        (Some(first), Some(second))
            if (first.is("each") && second.is("other")) || (first.is("one") && second.is("another"))
    );
    let relation = token.word().and_then(cues::relation_cue);
    let Some(relation) = relation.filter(|relation| {
        reciprocal
            && matches!(
                relation,
                Relation::Blames | Relation::Pressures | Relation::Opposes
            )
    }) else {
        return false;
    };
    let Some(subject) = subject_of(tokens, index, carried) else {
        return false;
    };
    let [first, second] = subject.parties.as_slice() else {
        return false;
    };
    let modality = modality_of(tokens, subject.first, index, None);
    for (party, other) in [(*first, *second), (*second, *first)] {
        reading.relate(
            party,
            relation,
            End::Entity(other),
            modality,
            &sentence.attributed_to,
        );
    }
    true
}

/// What a stance noun is about: the things (or parties) starting within a few words of
/// `from`, past determiners, of a kind `relation` takes. The phrase may itself be the
/// subject of what follows ("Hamas's insistence on a ceasefire could derail
/// everything"), so a verb after the object does not matter here.
fn objects_of_noun(
    tokens: &[Token],
    from: usize,
    relation: Relation,
    kind_of: &dyn Fn(usize) -> Option<NodeKind>,
) -> Vec<usize> {
    let fits_entity = |entity: usize| kind_of(entity).is_some_and(|kind| fits(relation, kind));
    let mut k = from;
    while tokens
        .get(k)
        .is_some_and(|t| t.is_any(OBJECT_LEAD) || t.is_any(BEFORE_NOUN))
        && k < from + 3
    {
        k += 1;
    }
    let Some(token) = tokens.get(k) else {
        return Vec::new();
    };
    let ends = match token.piece {
        Piece::Thing(_) => things_starting_at(tokens, k),
        Piece::Party(party) => list_starting_at(tokens, k)
            .map(|(parties, _)| parties)
            .unwrap_or_else(|| vec![party]),
        _ => Vec::new(),
    };
    ends.into_iter()
        .filter(|&entity| fits_entity(entity))
        .collect()
}

/// The parties that own the noun after the possessive "s" at `s`: "Hamas's", "Egypt and
/// Qatar's". With the index of the first.
fn possessor(tokens: &[Token], s: usize) -> Option<(Vec<usize>, usize)> {
    let last = s.checked_sub(1)?;
    tokens.get(last)?.party()?;
    list_ending_at(tokens, last)
}

/// "Netanyahu opposes this", "rejects that": a demonstrative object stands for the one
/// thing the sentence named before the verb at `verb` (none, or several: no object).
pub(super) fn demonstrative_object(
    tokens: &[Token],
    verb: usize,
    relation: Relation,
    kind_of: &dyn Fn(usize) -> Option<NodeKind>,
) -> Option<End> {
    let next = tokens.get(verb + 1)?;
    if !next.is_any(&["this", "that", "it"]) {
        return None;
    }
    // "this proposal", "that it would": a determiner or a clause, not an object.
    let after = tokens.get(verb + 2);
    if after.is_some_and(|t| t.word().is_some() || t.thing().is_some() || t.party().is_some()) {
        return None;
    }
    let mut things = tokens.get(..verb)?.iter().filter_map(|t| match t.piece {
        Piece::Thing(entity) => Some(entity),
        _ => None,
    });
    let first = things.next()?;
    if things.any(|other| other != first) {
        return None;
    }
    kind_of(first)
        .is_some_and(|kind| fits(relation, kind))
        .then_some(End::Entity(first))
}

/// Verbs one refuses to do to a thing, each of which would accept it.
const ACCEPTING: &[&str] = &[
    "sign",
    "accept",
    "approve",
    "endorse",
    "ratify",
    "initial",
    "implement",
];

/// "the refusal of Haftar to sign the agreement", "Hamas's refusal to accept the plan":
/// who refuses to sign or accept a thing rejects it. True when it read one.
pub(super) fn read_refusal(
    sentence: &Sentence<'_>,
    index: usize,
    token: &Token,
    reading: &mut SentenceReading,
) -> bool {
    let tokens = sentence.tokens;
    if !token.is("refusal") {
        return false;
    }
    let holder = if tokens.get(index + 1).is_some_and(|t| t.is("of")) {
        let first = past_the(tokens, index + 2);
        list_starting_at(tokens, first).map(|(parties, last)| (parties, last + 1))
    } else if index
        .checked_sub(1)
        .and_then(|at| tokens.get(at))
        .is_some_and(|t| t.is("s"))
    {
        possessor(tokens, index - 1).map(|(parties, _)| (parties, index + 1))
    } else {
        None
    };
    let Some((parties, to)) = holder else {
        return false;
    };
    if !tokens.get(to).is_some_and(|t| t.is("to"))
        || !tokens.get(to + 1).is_some_and(|t| t.is_any(ACCEPTING))
    {
        return false;
    }
    let objects = objects_of_noun(tokens, to + 2, Relation::Rejects, sentence.kind_of);
    for &party in &parties {
        for &object in &objects {
            reading.relate(
                party,
                Relation::Rejects,
                End::Entity(object),
                Modality::Asserted,
                &sentence.attributed_to,
            );
        }
    }
    true
}

/// "hosted a signing ceremony for a Declaration of Principles between the Government of
/// the DRC and M23": the parties a thing being signed is between accept it. Only where
/// the clause speaks of signing: "hopes for a deal between" accepts nothing. True when it
/// read one.
pub(super) fn read_signed_between(
    sentence: &Sentence<'_>,
    index: usize,
    token: &Token,
    reading: &mut SentenceReading,
) -> bool {
    let tokens = sentence.tokens;
    let Some(thing) = before(tokens, index, 1).and_then(Token::thing) else {
        return false;
    };
    if !token.is("between")
        || !(sentence.kind_of)(thing).is_some_and(|kind| fits(Relation::Accepts, kind))
    {
        return false;
    }
    let clause = tokens
        .get(..index)
        .unwrap_or(&[])
        .iter()
        .rev()
        .take_while(|t| t.piece != Piece::Punct(',') && !t.is_hard_break());
    let mut signing = false;
    let mut future = false;
    for t in clause {
        signing |= t.is_any(&["signing", "signed", "signs", "sign"]);
        future |= t.is_any(&["will", "would", "to", "could", "may", "might"]);
    }
    // "between the Government of the Democratic Republic of the Congo and …".
    let mut first = past_the(tokens, index + 1);
    if tokens.get(first).is_some_and(|t| t.is("government"))
        && tokens.get(first + 1).is_some_and(|t| t.is("of"))
    {
        first = past_the(tokens, first + 2);
    }
    let first = officials_of(tokens, first).unwrap_or(first);
    let Some((parties, _)) = list_starting_at(tokens, first) else {
        return false;
    };
    if !signing {
        return false;
    }
    let modality = if future {
        Modality::Expected
    } else {
        Modality::Asserted
    };
    for party in parties {
        reading.relate(
            party,
            Relation::Accepts,
            End::Entity(thing),
            modality,
            &sentence.attributed_to,
        );
    }
    true
}
