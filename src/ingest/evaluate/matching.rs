//! Matching a model's nodes to one article's gold: parties by any shared name, things by
//! a shared name, a gold name inside theirs or the place they stand in the text, meetings
//! by place.

use super::Gold;
use crate::model::search::fold;
use crate::model::{Node, NodeKind};

/// What a model node stands for in one article's gold.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum GoldEnd {
    Party(usize),
    Thing(usize),
    Meeting(usize),
}

pub(super) fn node_names(node: &Node) -> Vec<String> {
    std::iter::once(&node.label)
        .chain(&node.aliases)
        .map(|name| fold(name))
        .collect()
}

/// Whether `phrase` occurs in `text` as whole words (both folded).
pub(super) fn contains_words(text: &str, phrase: &str) -> bool {
    !phrase.is_empty() && format!(" {text} ").contains(&format!(" {phrase} ")) && !text.is_empty()
}

/// The words of a name worth comparing: longer than three letters.
pub(super) fn content_words(name: &str) -> Vec<String> {
    fold(name)
        .split(' ')
        .filter(|word| word.len() > 3)
        .map(str::to_owned)
        .collect()
}

/// The curated thing a node stands for by where it stands: among those with evidence
/// overlapping the node's in `article_id`, the one sharing most words with its name.
pub(super) fn thing_by_place(node: &Node, gold: &Gold, article_id: &str) -> Option<usize> {
    // Words of the parties' names ("Israeli") say nothing of which thing it is.
    let party_words: Vec<String> = gold
        .parties
        .iter()
        .flat_map(|party| &party.names)
        .flat_map(|name| content_words(name))
        .collect();
    let ours: Vec<String> = node_names(node)
        .iter()
        .flat_map(|name| content_words(name))
        .filter(|word| {
            !party_words.iter().any(|party| {
                party == word
                    || (party.len() >= 5 && word.starts_with(party.as_str()))
                    || (word.len() >= 5 && party.starts_with(word.as_str()))
            })
        })
        .collect();
    let spans: Vec<(usize, usize)> = node
        .evidence
        .iter()
        .filter(|record| record.article_id == article_id)
        .map(|record| (record.start, record.end))
        .collect();
    let mut best: Option<(usize, usize)> = None;
    for (index, theirs) in gold.thing_spans.iter().enumerate() {
        let overlaps = theirs
            .iter()
            .any(|&(s, e)| spans.iter().any(|&(start, end)| s < end && start < e));
        if !overlaps {
            continue;
        }
        let shared = gold.things.get(index).map_or(0, |names| {
            names
                .iter()
                .flat_map(|name| content_words(name))
                .filter(|word| ours.contains(word))
                .count()
        });
        if shared > 0 && best.is_none_or(|(_, most)| shared > most) {
            best = Some((index, shared));
        }
    }
    best.map(|(index, _)| index)
}

pub(super) fn match_node(node: &Node, gold: &Gold, article_id: &str) -> Option<GoldEnd> {
    let names = node_names(node);
    match node.kind {
        NodeKind::Actor | NodeKind::Mediator | NodeKind::Entity => gold
            .parties
            .iter()
            .position(|party| party.names.iter().any(|name| names.contains(&fold(name))))
            .map(GoldEnd::Party),
        NodeKind::Demand => {
            let exact = gold
                .things
                .iter()
                .position(|thing| thing.iter().any(|name| names.contains(&fold(name))));
            exact
                .or_else(|| {
                    // The longest gold name found inside one of the node's names.
                    let mut best: Option<(usize, usize)> = None;
                    for (index, thing) in gold.things.iter().enumerate() {
                        for name in thing {
                            let name = fold(name);
                            if names.iter().any(|ours| contains_words(ours, &name))
                                && best.is_none_or(|(_, length)| name.len() > length)
                            {
                                best = Some((index, name.len()));
                            }
                        }
                    }
                    best.map(|(index, _)| index)
                })
                .or_else(|| thing_by_place(node, gold, article_id))
                .map(GoldEnd::Thing)
        }
        NodeKind::Meeting => {
            let details = node.meeting.as_ref()?;
            // "Sana'a" and "Sanaa" are one place: compared by their letters.
            let letters = |name: &str| -> String {
                fold(name).chars().filter(|c| c.is_alphanumeric()).collect()
            };
            let place = letters(&details.place);
            let at_place: Vec<usize> = gold
                .meetings
                .iter()
                .enumerate()
                .filter(|(_, meeting)| letters(&meeting.place) == place)
                .map(|(index, _)| index)
                .collect();
            let dated = at_place.iter().copied().find(|&index| {
                match (
                    details.date,
                    gold.meetings.get(index).and_then(|meeting| meeting.date),
                ) {
                    (Some(ours), Some(theirs)) => ours.overlaps(&theirs, &theirs),
                    _ => false,
                }
            });
            dated.or(at_place.first().copied()).map(GoldEnd::Meeting)
        }
    }
}

pub(super) fn key_of(gold: &Gold, end: &GoldEnd) -> Option<String> {
    match end {
        GoldEnd::Party(index) => gold
            .parties
            .get(*index)
            .and_then(|party| party.names.first().cloned()),
        GoldEnd::Thing(index) => gold
            .things
            .get(*index)
            .and_then(|thing| thing.first().cloned()),
        GoldEnd::Meeting(index) => gold.meetings.get(*index).map(|meeting| meeting.key.clone()),
    }
}
