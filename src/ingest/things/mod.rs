//! Proposals, deals, ceasefires, offers and conditions as things: the noun phrase a
//! sentence names them with ("a ceasefire proposal from Egypt and Qatar", "the grain
//! deal", "a permanent cessation of hostilities") becomes a demand node, whoever the
//! phrase says put it forward proposes (or offers) it, and a later "the proposal" in the
//! same article is the same thing. Phrases with the same words merge across articles.

use std::collections::BTreeSet;

use super::mentions::{Entity, Mention, Origin, Registry};
use super::relations::{End, RelationFound};
use super::tokens::{Piece, Token};
use crate::model::search::fold;
use crate::model::{ArticleText, Modality, NodeKind, capitalised};

mod words;

use words::{
    CONFINED_HEADS, FAMILIES, MODIFIERS, PASSING, VERB_MAKERS, complement_prepositions, family_of,
};

/// Confidence of a thing found by its noun phrase.
pub const THING_CONFIDENCE: f32 = 0.75;
/// Confidence of a proposer read from "a proposal from X" or "the Egyptian proposal".
pub const PROPOSER_CONFIDENCE: f32 = 0.75;

/// A thing named in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct ThingFound {
    /// The mention of its entity, for the relation rules.
    pub mention: Mention,
    /// Relations the phrase itself states (its proposers).
    pub relations: Vec<RelationFound>,
}

/// The things of the article read so far, by family: what "the proposal" refers to.
#[derive(Debug, Clone, Default)]
pub struct ThingContext {
    last: Vec<Option<usize>>,
    /// The last thing by its head noun: "the declaration" is the last declaration
    /// before it is the last deal of any name.
    last_by_head: std::collections::BTreeMap<String, usize>,
}

impl ThingContext {
    /// A fresh context, for a new article.
    pub fn new() -> Self {
        Self {
            last: vec![None; FAMILIES.len()],
            last_by_head: std::collections::BTreeMap::new(),
        }
    }
}

/// The things named in a sentence's `tokens` (which carry its parties) of article number
/// `article`, added to `registry` as demand entities. A bare "the proposal" is the last
/// proposal the article named (or else the last of its family: "the deal" after "the
/// agreement"), or else one of this article's own.
pub fn find_things(
    article: usize,
    text: &ArticleText,
    tokens: &[Token],
    registry: &mut Registry,
    context: &mut ThingContext,
) -> Vec<ThingFound> {
    let mut found = Vec::new();
    let mut index = 0;
    while let Some(token) = tokens.get(index) {
        index += 1;
        let Some(word) = token.word() else { continue };
        let Some(family) = family_of(word) else {
            continue;
        };
        let head = index - 1;
        // A head followed by another head or a modifier is itself a modifier
        // ("ceasefire proposal", "truce deal").
        if tokens
            .get(head + 1)
            .and_then(Token::word)
            .is_some_and(|next| {
                family_of(next).is_some()
                    || matches!(next, "talks" | "negotiations" | "deadline" | "violations")
            })
        {
            continue;
        }
        // "Hamas has agreed to release Israeli captives": the verb and its object name
        // the thing its noun would ("the release of Israeli captives").
        if let Some(object_end) = verb_with_confined_object(tokens, head, word)
            && let (Some(start), Some(end)) = (tokens.get(head), tokens.get(object_end))
            && let Some(surface) = text.slice(start.start, end.end)
        {
            let entity = thing_named(article, surface, None, registry, context);
            found.push(ThingFound {
                mention: Mention {
                    start: start.start,
                    end: end.end,
                    entity,
                    confidence: THING_CONFIDENCE,
                },
                relations: Vec::new(),
            });
            index = object_end + 1;
            continue;
        }
        let (first, parties, content_modifiers) = left_modifiers(tokens, head);
        let singular = word.strip_suffix('s').unwrap_or(word);
        let phrase = Phrase {
            first,
            head,
            singular,
            content_modifiers,
            has_parties: !parties.is_empty(),
        };
        if !names_a_thing(text, tokens, &phrase) {
            continue;
        }
        let last = complement_end(tokens, head, singular, family);
        // "the release of …", "an end to …": no complement, no thing.
        if last == head && CONFINED_HEADS.iter().any(|(h, _)| *h == singular) {
            continue;
        }
        let (proposers, end_token) = proposers_after(tokens, last);
        // Where the name starts: after words that say only that it is new.
        let name_first = (first..=head)
            .find(|&i| {
                tokens
                    .get(i)
                    .is_some_and(|t| !t.is_any(PASSING) && !t.is("s"))
            })
            .unwrap_or(head);
        let (Some(start_token), Some(last_token), Some(end_of_phrase)) = (
            tokens.get(name_first),
            tokens.get(last),
            tokens.get(end_token),
        ) else {
            continue;
        };
        let name_end = if proposers.is_empty() {
            last_token.end
        } else {
            end_of_phrase.end
        };
        let Some(surface) = text.slice(start_token.start, name_end) else {
            continue;
        };
        let specific = content_modifiers > 0 || last > head || !proposers.is_empty();
        let plural = word.ends_with('s')
            && !matches!(
                word,
                "conditions" | "guarantees" | "assurances" | "arrangements"
            );
        // "a new framework" is one not named before; "the framework" may be.
        let indefinite = first
            .checked_sub(1)
            .and_then(|at| tokens.get(at))
            .is_some_and(|before| before.is_any(&["a", "an", "another"]));
        let entity = if plural && !specific {
            None
        } else if indefinite && !specific {
            Some(thing_entity(
                registry,
                format!(
                    "thing: {article}: {} at {}",
                    fold(surface),
                    start_token.start
                ),
                surface,
            ))
        } else {
            Some(thing_named(
                article,
                surface,
                (!specific).then_some((family, singular)),
                registry,
                context,
            ))
        };
        let Some(entity) = entity else { continue };
        if let Some(slot) = context.last.get_mut(family) {
            *slot = Some(entity);
        }
        context.last_by_head.insert(singular.to_owned(), entity);
        let named: Vec<usize> = proposers.iter().chain(&parties).copied().collect();
        let relations = proposals_of(family, &named, entity);
        found.push(ThingFound {
            mention: Mention {
                start: start_token.start,
                end: name_end,
                entity,
                confidence: THING_CONFIDENCE,
            },
            relations,
        });
        index = end_token + 1;
    }
    found
}

/// Where the object ends of a confined head used as a verb after "to" ("to release
/// Israeli captives"): the confined noun within four words, with nothing but words and
/// parties between.
fn verb_with_confined_object(tokens: &[Token], head: usize, word: &str) -> Option<usize> {
    let (_, objects) = CONFINED_HEADS
        .iter()
        .find(|(confined, _)| *confined == word)?;
    if !head
        .checked_sub(1)
        .and_then(|at| tokens.get(at))
        .is_some_and(|t| t.is("to"))
    {
        return None;
    }
    (head + 1..(head + 5).min(tokens.len()))
        .take_while(|&at| {
            tokens
                .get(at)
                .is_some_and(|t| t.word().is_some() || t.party().is_some())
        })
        .find(|&at| tokens.get(at).is_some_and(|t| t.is_any(objects)))
}

/// A length of time as a modifier: "six-month", "60-day", "three-year".
fn is_duration(word: &str) -> bool {
    word.split_once('-').is_some_and(|(count, unit)| {
        matches!(unit, "day" | "week" | "month" | "year" | "hour")
            && (count.chars().all(|c| c.is_ascii_digit())
                || matches!(
                    count,
                    "one"
                        | "two"
                        | "three"
                        | "four"
                        | "five"
                        | "six"
                        | "seven"
                        | "eight"
                        | "nine"
                        | "ten"
                        | "twelve"
                        | "thirty"
                        | "forty"
                        | "sixty"
                        | "ninety"
                ))
    })
}

/// The modifiers left of the head at `head`: where the phrase starts, the parties among
/// them ("the Egyptian proposal", "Hamas's offer"), and how many say what it is.
fn left_modifiers(tokens: &[Token], head: usize) -> (usize, Vec<usize>, usize) {
    let mut first = head;
    let mut parties: Vec<usize> = Vec::new();
    let mut content_modifiers = 0;
    while first > 0 {
        let Some(before) = tokens.get(first - 1) else {
            break;
        };
        match &before.piece {
            Piece::Word(word)
                if MODIFIERS.contains(&word.as_str())
                    || family_of(word).is_some()
                    || is_duration(word) =>
            {
                content_modifiers += 1;
                first -= 1;
            }
            Piece::Word(word) if PASSING.contains(&word.as_str()) => first -= 1,
            Piece::Party(party) => {
                // "the Egyptian proposal", "Hamas's offer", "Egyptian-Qatari".
                parties.push(*party);
                content_modifiers += 1;
                first -= 1;
            }
            Piece::Word(word) if word == "s" => first -= 1,
            Piece::Place(_) => {
                // "the Jeddah Declaration".
                content_modifiers += 1;
                first -= 1;
            }
            _ => break,
        }
    }
    (first, parties, content_modifiers)
}

/// A candidate noun phrase: where it starts, its head and what modifies it.
struct Phrase<'a> {
    first: usize,
    head: usize,
    /// The head word, singular.
    singular: &'a str,
    content_modifiers: usize,
    has_parties: bool,
}

/// Whether the phrase names a thing rather than being a verb ("Israel offers to", "the
/// PA plans to govern"), an idiom ("in exchange for") or a pause of something else
/// than the fighting.
fn names_a_thing(text: &ArticleText, tokens: &[Token], phrase: &Phrase<'_>) -> bool {
    let Phrase {
        first,
        head,
        singular,
        content_modifiers,
        has_parties,
    } = *phrase;
    if first > 0
        && tokens
            .get(first - 1)
            .is_some_and(|before| before.is_any(VERB_MAKERS))
        && !has_parties
    {
        return false;
    }
    // "Russia and Ukraine exchange prisoners": a party named (not a demonym, no
    // determiner) right before the head is the subject of a verb.
    // "Hamas-Fatah unity deal": a pair joined by a hyphen modifies the head.
    let hyphened_pair = |lead: &Token| {
        tokens.get(first + 1).is_some_and(|next| {
            next.party().is_some()
                && matches!(text.slice(lead.end, next.start), Some("-" | "–" | "‑"))
        })
    };
    if let Some(lead) = tokens.get(first)
        && lead.party().is_some()
        && tokens.get(first + 1).is_some_and(|next| !next.is("s"))
        && !hyphened_pair(lead)
    {
        let surface = text.slice(lead.start, lead.end).unwrap_or("");
        let demonym = ["an", "i", "ese", "ish", "ch"]
            .iter()
            .any(|ending| surface.ends_with(ending));
        let determined = first
            .checked_sub(1)
            .and_then(|at| tokens.get(at))
            .is_some_and(|before| {
                before.is_any(&[
                    "the", "a", "an", "its", "their", "this", "that", "new", "latest",
                ])
            });
        if !demonym && !determined {
            return false;
        }
    }
    // "the PA plans to govern", "Israel offers to", "to deal with": a verb. Not where a
    // party or an article follows "to": "relay an Israeli proposal to Hamas".
    let before_head = head.checked_sub(1).and_then(|at| tokens.get(at));
    let addressed = tokens.get(head + 2).is_some_and(|after| {
        after.party().is_some() || after.is_any(&["the", "a", "an", "its", "their"])
    });
    if before_head.is_some_and(|t| t.party().is_some())
        && !addressed
        && tokens
            .get(head + 1)
            .is_some_and(|next| next.is_any(&["to", "with"]))
    {
        return false;
    }
    // "the United Nations' current plans envisioned the session lasting": plans in the
    // plural are intentions, no plan put forward.
    if singular == "plan" && tokens.get(head).is_some_and(|t| t.is("plans")) {
        return false;
    }
    // "at the invitation of Egypt", "at Qatar's invitation": who hosts, no thing.
    // Past "the" or a party's possessive ("at Qatar's invitation").
    let mut lead = first;
    if lead
        .checked_sub(1)
        .and_then(|at| tokens.get(at))
        .is_some_and(|before| before.is("the"))
    {
        lead -= 1;
    } else if lead
        .checked_sub(2)
        .and_then(|at| tokens.get(at..lead))
        .is_some_and(|before| matches!(before, [party, s] if party.party().is_some() && s.is("s")))
    {
        lead -= 2;
    }
    if singular == "invitation"
        && lead
            .checked_sub(1)
            .and_then(|at| tokens.get(at))
            .is_some_and(|before| before.is_any(&["at", "upon"]))
    {
        return false;
    }
    // "wants freed in exchange for hostages": an idiom, no exchange deal.
    if singular == "exchange"
        && content_modifiers == 0
        && head
            .checked_sub(1)
            .and_then(|at| tokens.get(at))
            .is_some_and(|before| before.is("in"))
    {
        return false;
    }
    // "the pause in intelligence sharing" is no truce: a bare pause or halt is one only
    // of the fighting ("a pause in the fighting", "a humanitarian pause").
    if matches!(singular, "pause" | "halt") && content_modifiers == 0 {
        let of_fighting = tokens
            .get(head + 1..(head + 5).min(tokens.len()))
            .is_some_and(|after| {
                after.iter().any(|t| {
                    t.is_any(&[
                        "fighting",
                        "hostilities",
                        "war",
                        "attacks",
                        "strikes",
                        "bombing",
                        "bombardment",
                        "combat",
                        "offensive",
                    ])
                })
            });
        if !of_fighting {
            return false;
        }
    }
    confined_head_fits(tokens, head, singular, content_modifiers)
}

/// Whether a head of `CONFINED_HEADS` has the complement that makes it a thing: a
/// preposition it takes, then one of its words within five tokens ("withdrawal from"
/// any place; "disarmament of" anyone); a hostage release or a full withdrawal named by
/// its modifiers needs none. Other heads always fit.
fn confined_head_fits(
    tokens: &[Token],
    head: usize,
    singular: &str,
    content_modifiers: usize,
) -> bool {
    let Some((_, words)) = CONFINED_HEADS.iter().find(|(h, _)| *h == singular) else {
        return true;
    };
    if content_modifiers > 0 && matches!(singular, "release" | "withdrawal") {
        return true;
    }
    let Some(preposition) = tokens
        .get(head + 1)
        .filter(|t| t.is_any(complement_prepositions(singular)))
    else {
        return false;
    };
    if words.is_empty() || preposition.is("from") {
        return true;
    }
    tokens
        .get(head + 2..(head + 7).min(tokens.len()))
        .is_some_and(|after| after.iter().any(|t| t.is_any(words)))
}

/// The last token of the phrase: the head, or the end of its complement ("cessation of
/// hostilities", "a proposal for a full withdrawal").
fn complement_end(tokens: &[Token], head: usize, singular: &str, family: usize) -> usize {
    let mut last = head;
    let complement = tokens
        .get(head + 1)
        .is_some_and(|t| t.is_any(complement_prepositions(singular)))
        || (family == 0 && tokens.get(head + 1).is_some_and(|t| t.is("for")));
    if complement {
        let mut k = head + 2;
        while let Some(next) = tokens.get(k) {
            let is_word = next.thing().is_some()
                || next.party().is_some()
                || next.word().is_some_and(|w| {
                    !matches!(
                        w,
                        "and"
                            | "but"
                            | "which"
                            | "that"
                            | "as"
                            | "after"
                            | "before"
                            | "on"
                            | "in"
                            | "at"
                            | "with"
                            | "by"
                            | "to"
                            | "from"
                            | "under"
                            | "within"
                            | "during"
                            | "still"
                            | "held"
                            | "who"
                            | "was"
                            | "is"
                            | "were"
                            | "will"
                            | "would"
                            // "the declaration of principles signed in Doha between …".
                            | "between"
                            | "signed"
                            | "reached"
                            | "agreed"
                            | "brokered"
                            | "mediated"
                            | "announced"
                    )
                });
            if !is_word || k > head + 7 {
                break;
            }
            last = k;
            k += 1;
        }
    }
    last
}

/// "a proposal from Egypt and Qatar": the proposers after `last`, and the last token of
/// the phrase with them.
fn proposers_after(tokens: &[Token], last: usize) -> (Vec<usize>, usize) {
    let mut proposers: Vec<usize> = Vec::new();
    let mut end_token = last;
    if tokens.get(last + 1).is_some_and(|t| t.is("from")) {
        let mut k = last + 2;
        if tokens.get(k).is_some_and(|t| t.is("the")) {
            k += 1;
        }
        while let Some(party) = tokens.get(k).and_then(Token::party) {
            proposers.push(party);
            end_token = k;
            k += 1;
            while tokens
                .get(k)
                .is_some_and(|t| t.is_any(&["and", "the"]) || t.piece == Piece::Punct(','))
            {
                k += 1;
            }
        }
    }
    (proposers, end_token)
}

/// The entity a thing's name stands for: a specific one (`bare_family` `None`) by its
/// name, across articles; a bare "the proposal" the last of its family in this article,
/// or else one of this article's own.
fn thing_named(
    article: usize,
    surface: &str,
    bare_family: Option<(usize, &str)>,
    registry: &mut Registry,
    context: &ThingContext,
) -> usize {
    match bare_family {
        None => thing_entity(registry, format!("thing: {}", fold(surface)), surface),
        Some((family, head)) => context
            .last_by_head
            .get(head)
            .copied()
            .or_else(|| context.last.get(family).copied().flatten())
            .unwrap_or_else(|| {
                thing_entity(
                    registry,
                    format!("thing: {article}: {}", fold(surface)),
                    surface,
                )
            }),
    }
}

/// What the parties named with a thing do to it: propose a proposal, offer an offer,
/// and so on by its family (nothing for families without a relation).
fn proposals_of(family: usize, named: &[usize], entity: usize) -> Vec<RelationFound> {
    let Some(relation) = FAMILIES.get(family).and_then(|(_, relation)| *relation) else {
        return Vec::new();
    };
    named
        .iter()
        .map(|&party| RelationFound {
            subject: party,
            relation,
            object: End::Entity(entity),
            modality: Modality::Asserted,
            attributed_to: None,
            confidence: PROPOSER_CONFIDENCE,
        })
        .collect()
}

/// The article a bare thing ("the proposal" with nothing before it) belongs to, from its
/// key; `None` for a thing named in full.
pub fn bare_thing_article(key: &str) -> Option<usize> {
    let rest = key.strip_prefix("thing: ")?;
    let (number, _) = rest.split_once(": ")?;
    number.parse().ok()
}

/// The thing entity with `key`, named by `surface`, added when new.
fn thing_entity(registry: &mut Registry, key: String, surface: &str) -> usize {
    registry.get_or_add(&key, || Entity {
        key: key.clone(),
        label: capitalised(surface),
        kind: NodeKind::Demand,
        subtype: None,
        aliases: BTreeSet::new(),
        origin: Origin::Thing,
        affiliations: Vec::new(),
    })
}

#[cfg(test)]
mod tests;
