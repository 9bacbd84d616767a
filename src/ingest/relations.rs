//! Relations from sentence-level cues: a relation verb with a party before it and what
//! it concerns after it ("Hamas rejected the proposal"), or, in the passive, the party
//! after "by" ("talks mediated by Qatar"). Each carries the cue's modality and the
//! sentence's attribution.

use super::cues::{self, Word};
use super::mentions::Mention;
use crate::model::{Modality, NodeKind, Relation};

/// Base confidence of a relation; less when its ends are far from the cue.
pub const RELATION_CONFIDENCE: f32 = 0.6;

/// What a relation points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum End {
    /// An entity of the registry.
    Entity(usize),
    /// The meeting the sentence names.
    Meeting,
}

/// A relation a sentence states.
#[derive(Debug, Clone, PartialEq)]
pub struct RelationFound {
    /// The entity that acts.
    pub subject: usize,
    /// The relation.
    pub relation: Relation,
    /// What it acts on.
    pub object: End,
    /// How firmly.
    pub modality: Modality,
    /// Who says so.
    pub attributed_to: Option<String>,
    /// How sure the rule is.
    pub confidence: f32,
}

/// The kinds a relation's object may have (besides the sentence's meeting).
fn object_kinds(relation: Relation) -> &'static [NodeKind] {
    match relation {
        Relation::Demands => &[NodeKind::Demand, NodeKind::Actor, NodeKind::Mediator],
        Relation::Rejects | Relation::Accepts | Relation::Proposes | Relation::Offers => {
            &[NodeKind::Demand]
        }
        Relation::Mediates => &[NodeKind::Actor],
        Relation::Hosts | Relation::Attends => &[],
        Relation::Opposes => &[NodeKind::Demand, NodeKind::Actor, NodeKind::Mediator],
        Relation::Pressures | Relation::Blames => &[NodeKind::Actor, NodeKind::Mediator],
        _ => &[],
    }
}

/// Whether a relation may point at the sentence's meeting.
fn takes_meeting(relation: Relation) -> bool {
    matches!(
        relation,
        Relation::Mediates
            | Relation::Hosts
            | Relation::Attends
            | Relation::Rejects
            | Relation::Accepts
    )
}

fn is_party(kind: NodeKind) -> bool {
    matches!(kind, NodeKind::Actor | NodeKind::Mediator)
}

/// The relations `sentence` states. `mentions` are the sentence's mentions in order;
/// `kind_of` gives an entity's kind; `has_meeting` says whether the sentence names one.
pub fn find_relations(
    sentence: &str,
    words: &[Word],
    mentions: &[Mention],
    kind_of: &dyn Fn(usize) -> Option<NodeKind>,
    has_meeting: bool,
) -> Vec<RelationFound> {
    let attributed_to = cues::attribution(sentence);
    let mut found: Vec<RelationFound> = Vec::new();
    for (index, word) in words.iter().enumerate() {
        let Some(relation) = cues::relation_cue(&word.text) else {
            continue;
        };
        let passive = words.get(index + 1).is_some_and(|next| next.text == "by");
        let before = mentions.iter().rev().filter(|m| m.end <= word.start);
        let after = mentions.iter().filter(|m| m.start >= word.end);
        let allowed = |entity: usize| {
            kind_of(entity).is_some_and(|kind| object_kinds(relation).contains(&kind))
        };
        let party = |entity: usize| kind_of(entity).is_some_and(is_party);
        let (subject, object) = if passive {
            let subject = after.clone().find(|m| party(m.entity));
            let object = before
                .clone()
                .find(|m| allowed(m.entity))
                .map(|m| (End::Entity(m.entity), m.end.abs_diff(word.start)));
            let object =
                object.or((has_meeting && takes_meeting(relation)).then_some((End::Meeting, 0)));
            (subject, object)
        } else {
            let subject = before.clone().find(|m| party(m.entity));
            let object = after
                .clone()
                .find(|m| allowed(m.entity))
                .map(|m| (End::Entity(m.entity), m.start.abs_diff(word.end)));
            let object =
                object.or((has_meeting && takes_meeting(relation)).then_some((End::Meeting, 0)));
            (subject, object)
        };
        let (Some(subject), Some((object, distance))) = (subject, object) else {
            continue;
        };
        if object == End::Entity(subject.entity) {
            continue;
        }
        let gap = subject.end.abs_diff(word.start).max(distance);
        let confidence = if gap > 80 {
            RELATION_CONFIDENCE - 0.2
        } else if gap > 40 {
            RELATION_CONFIDENCE - 0.1
        } else {
            RELATION_CONFIDENCE
        };
        let relation_found = RelationFound {
            subject: subject.entity,
            relation,
            object,
            modality: cues::modality(words, index),
            attributed_to: attributed_to.clone(),
            confidence,
        };
        if !found.contains(&relation_found) {
            found.push(relation_found);
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Entities: 0 Hamas (actor), 1 Qatar (mediator), 2 withdrawal (demand).
    fn kind(entity: usize) -> Option<NodeKind> {
        [NodeKind::Actor, NodeKind::Mediator, NodeKind::Demand]
            .get(entity)
            .copied()
    }

    fn mention(sentence: &str, text: &str, entity: usize) -> Mention {
        let start = sentence[..sentence.find(text).unwrap()].chars().count();
        Mention {
            start,
            end: start + text.chars().count(),
            entity,
            confidence: 0.9,
        }
    }

    #[test]
    fn active_and_passive_cues_find_subject_and_object() {
        let sentence = "Hamas demanded a full withdrawal, according to Qatar.";
        let mentions = [
            mention(sentence, "Hamas", 0),
            mention(sentence, "withdrawal", 2),
            mention(sentence, "Qatar", 1),
        ];
        let found = find_relations(sentence, &cues::words(sentence, 0), &mentions, &kind, false);
        assert_eq!(found.len(), 1);
        assert_eq!(
            (found[0].subject, found[0].relation, found[0].object),
            (0, Relation::Demands, End::Entity(2))
        );
        assert_eq!(found[0].attributed_to.as_deref(), Some("Qatar"));

        let sentence = "The talks are being mediated by Qatar.";
        let mentions = [mention(sentence, "Qatar", 1)];
        let found = find_relations(sentence, &cues::words(sentence, 0), &mentions, &kind, true);
        assert_eq!(
            (found[0].subject, found[0].relation, found[0].object),
            (1, Relation::Mediates, End::Meeting)
        );
    }

    #[test]
    fn no_relation_without_both_ends() {
        let sentence = "Hamas rejected it.";
        let mentions = [mention(sentence, "Hamas", 0)];
        assert!(
            find_relations(sentence, &cues::words(sentence, 0), &mentions, &kind, false).is_empty()
        );
    }
}
