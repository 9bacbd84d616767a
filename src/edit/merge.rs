//! Merging nodes that are one actor: relations re-pointed, relations that become the
//! same merged with their evidence, labels kept as aliases, self-relations dropped with
//! a note. Undo splits them back exactly (it reverts the recorded changes).

use super::EditError;
use super::apply::{positions, same_passage};
use super::change::Editor;
use crate::model::{Edge, EditRecord, Evidence, Node};

pub(super) fn merge(
    editor: &mut Editor<'_>,
    into: &str,
    from: &[String],
    record: EditRecord,
) -> Result<(), EditError> {
    let model = editor.model();
    let into_at = model
        .node_position(into)
        .ok_or_else(|| EditError::UnknownNode(into.to_owned()))?;
    let merged = merged_nodes(model, into, from)?;
    let Some(mut kept) = model.nodes.get(into_at).cloned() else {
        return Err(EditError::UnknownNode(into.to_owned()));
    };
    let is_merged = |id: &str| is_named(from, id);

    // The kept node takes the merged ones' names and evidence.
    for node in &merged {
        for name in std::iter::once(&node.label).chain(&node.aliases) {
            if name != &kept.label && !kept.aliases.contains(name) {
                kept.aliases.push(name.clone());
            }
        }
        add_evidence(&mut kept.evidence, &node.evidence);
    }
    if kept.affiliation.as_deref().is_some_and(is_merged) {
        kept.affiliation = None;
    }
    kept.audit.edits.push(EditRecord {
        note: Some(match &record.note {
            Some(note) => format!("merged {}: {note}", from.join(", ")),
            None => format!("merged {}", from.join(", ")),
        }),
        ..record.clone()
    });
    editor.replace_node(into_at, kept);

    repoint_affiliations(editor, into, from);

    let (joined, self_relations) = repoint_relations(editor, into, from, &record);
    let merged_positions: Vec<usize> = {
        let model = editor.model();
        let mut found: Vec<usize> = from
            .iter()
            .filter_map(|id| model.node_position(id))
            .collect();
        found.sort_unstable();
        found
    };
    for at in merged_positions.into_iter().rev() {
        editor.remove_node(at);
    }
    if joined > 0 {
        editor.note(format!(
            "{joined} relation(s) became the same as another and were joined with their evidence"
        ));
    }
    if !self_relations.is_empty() {
        editor.note(format!(
            "dropped {} relation(s) that would join \"{into}\" to itself: {}",
            self_relations.len(),
            self_relations.join("; ")
        ));
    }
    Ok(())
}

/// The nodes named in `from`, each once, none of them `into`.
fn merged_nodes(
    model: &crate::model::Model,
    into: &str,
    from: &[String],
) -> Result<Vec<Node>, EditError> {
    if from.is_empty() {
        return Err(EditError::BadMerge(
            "\"from\" names no node to merge".to_owned(),
        ));
    }
    let mut merged: Vec<Node> = Vec::with_capacity(from.len());
    for id in from {
        if id == into {
            return Err(EditError::BadMerge(format!(
                "node \"{into}\" cannot be merged into itself"
            )));
        }
        if merged.iter().any(|node| &node.id == id) {
            return Err(EditError::BadMerge(format!("node \"{id}\" is named twice")));
        }
        let node = model
            .node(id)
            .ok_or_else(|| EditError::UnknownNode(id.clone()))?;
        merged.push(node.clone());
    }
    Ok(merged)
}

/// Affiliations with a merged node now name the kept one.
fn repoint_affiliations(editor: &mut Editor<'_>, into: &str, from: &[String]) {
    let is_merged = |id: &str| is_named(from, id);
    let model = editor.model();
    let affiliated = positions(&model.nodes, |node: &Node| {
        node.affiliation.as_deref().is_some_and(is_merged)
            && node.id != into
            && !is_merged(&node.id)
    });
    for at in affiliated {
        if let Some(mut node) = editor.model().nodes.get(at).cloned() {
            node.affiliation = Some(into.to_owned());
            editor.replace_node(at, node);
        }
    }
}

/// Relations of merged nodes now end at the kept one; one that joins the kept node to
/// itself is dropped, one that becomes the same as an earlier one gives it its evidence
/// and is dropped. Returns how many were joined, and the self-relations dropped.
fn repoint_relations(
    editor: &mut Editor<'_>,
    into: &str,
    from: &[String],
    record: &EditRecord,
) -> (usize, Vec<String>) {
    let is_merged = |id: &str| is_named(from, id);
    let model = editor.model();
    let mut dropped: Vec<usize> = Vec::new();
    let mut repointed: Vec<(usize, Edge)> = Vec::new();
    let mut self_relations = Vec::new();
    let mut joined = 0usize;
    let end = |id: &str| {
        if is_merged(id) {
            into.to_owned()
        } else {
            id.to_owned()
        }
    };
    for (at, edge) in model.edges.iter().enumerate() {
        if !is_merged(&edge.source) && !is_merged(&edge.target) {
            continue;
        }
        let mut moved = edge.clone();
        moved.source = end(&edge.source);
        moved.target = end(&edge.target);
        if moved.source == moved.target && edge.source != edge.target {
            self_relations.push(format!(
                "{} {} {}",
                edge.source,
                edge.relation.words(),
                edge.target
            ));
            dropped.push(at);
            continue;
        }
        moved.audit.edits.push(record.clone());
        repointed.push((at, moved));
    }
    // Same relation: same ends, relation and modality. The first in file order stays.
    let mut survivors: Vec<(usize, Edge)> = Vec::new();
    for (at, edge) in repointed {
        let twin = survivors
            .iter_mut()
            .map(|(_, kept)| kept)
            .find(|kept| same_relation(kept, &edge))
            .map(|kept| {
                add_evidence(&mut kept.evidence, &edge.evidence);
                true
            });
        if twin.is_some() {
            joined += 1;
            dropped.push(at);
            continue;
        }
        // A relation the kept node already had.
        let existing = model.edges.iter().position(|other| {
            !is_merged(&other.source) && !is_merged(&other.target) && same_relation(other, &edge)
        });
        if let Some(existing_at) = existing {
            if let Some((_, kept)) = survivors.iter_mut().find(|(at, _)| *at == existing_at) {
                add_evidence(&mut kept.evidence, &edge.evidence);
            } else if let Some(mut kept) = model.edges.get(existing_at).cloned() {
                add_evidence(&mut kept.evidence, &edge.evidence);
                kept.audit.edits.push(record.clone());
                survivors.push((existing_at, kept));
            }
            joined += 1;
            dropped.push(at);
            continue;
        }
        survivors.push((at, edge));
    }
    for (at, edge) in survivors {
        editor.replace_edge(at, edge);
    }
    editor.remove_edges(dropped);
    (joined, self_relations)
}

/// Whether `id` is one of the nodes named in `from`.
fn is_named(from: &[String], id: &str) -> bool {
    from.iter().any(|named| named == id)
}

/// Whether two relations say the same: same ends, relation and modality.
fn same_relation(a: &Edge, b: &Edge) -> bool {
    a.source == b.source
        && a.target == b.target
        && a.relation == b.relation
        && a.modality == b.modality
}

/// Adds the records `more` has that `list` lacks.
fn add_evidence(list: &mut Vec<Evidence>, more: &[Evidence]) {
    for record in more {
        if !list.iter().any(|old| same_passage(old, record)) {
            list.push(record.clone());
        }
    }
}
