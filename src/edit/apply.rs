//! Each operation, carried out change by change through an [`Editor`].

use serde_json::{Map, Value};

use super::change::{ChangeSet, Editor};
use super::evidence::resolve;
use super::ops::{
    EDGE_UPDATE_FIELDS, EditOp, NODE_UPDATE_FIELDS, NewArticle, NewEdge, NewNode, Verdict,
};
use super::{EditError, Stamp, merge};
use crate::dataset::schema::{RawEdge, RawNode};
use crate::dataset::{Problem, check_edge_record, check_node_record};
use crate::interchange::carry::{raw_edge, raw_evidence, raw_node};
use crate::model::{
    Article, ArticleText, Audit, Edge, EditRecord, Evidence, Model, NodeKind, Origin, PartialDate,
    Relation,
};

/// The most bytes an added article may have.
const MAX_ARTICLE_BYTES: u64 = 16 * 1024 * 1024;

pub(super) fn apply(
    model: &mut Model,
    op: &mut EditOp,
    stamp: &Stamp<'_>,
) -> Result<ChangeSet, EditError> {
    if let EditOp::AddArticle(article) = op {
        read_article_text(article, stamp)?;
    }
    let record = EditRecord {
        operation: op.name().to_owned(),
        at: stamp.at.clone(),
        note: op.note().map(str::to_owned),
    };
    let mut editor = Editor::new(model);
    let outcome = match &*op {
        EditOp::AddNode(new) => add_node(&mut editor, new, record),
        EditOp::AddEdge(new) => add_edge(&mut editor, new, record),
        EditOp::AddEvidence(super::ops::AddEvidence { id, evidence, .. }) => {
            let mut records = Vec::with_capacity(evidence.len());
            for spec in evidence {
                records.push(resolve(editor.model(), spec)?);
            }
            change_evidence(&mut editor, id, record, |list| {
                for evidence in records {
                    if list.iter().any(|old| same_passage(old, &evidence)) {
                        return Err(EditError::DuplicateEvidence {
                            id: id.clone(),
                            article: evidence.article_id,
                        });
                    }
                    list.push(evidence);
                }
                Ok(())
            })
        }
        EditOp::RemoveEvidence(super::ops::RemoveEvidence { id, index, .. }) => {
            change_evidence(&mut editor, id, record, |list| {
                if *index >= list.len() {
                    return Err(EditError::NoSuchEvidence {
                        id: id.clone(),
                        index: *index,
                        count: list.len(),
                    });
                }
                list.remove(*index);
                Ok(())
            })
        }
        EditOp::Update(super::ops::Update { id, set, .. }) => update(&mut editor, id, set, record),
        EditOp::Merge(super::ops::Merge { into, from, .. }) => {
            merge::merge(&mut editor, into, from, record)
        }
        EditOp::Delete(super::ops::Delete { id, .. }) => delete(&mut editor, id),
        EditOp::Review(super::ops::Review { id, verdict, .. }) => {
            review(&mut editor, id, *verdict, record)
        }
        EditOp::AddArticle(new) => add_article(&mut editor, new),
    };
    match outcome {
        Ok(()) => Ok(editor.finish()),
        Err(error) => {
            editor.abandon();
            Err(error)
        }
    }
}

/// Whether two records cite the same passage.
pub(super) fn same_passage(a: &Evidence, b: &Evidence) -> bool {
    a.article_id == b.article_id && a.start == b.start && a.end == b.end
}

/// A new element's audit: made by hand, with its first edit.
fn curated(record: EditRecord) -> Audit {
    Audit {
        origin: Origin::Curated,
        reviewed: false,
        edits: vec![record],
    }
}

/// The first problem of a check, as an edit error.
fn invalid(problems: Vec<Problem>) -> EditError {
    EditError::Invalid(problems.into_iter().next().map_or_else(
        || "the element is not valid".to_owned(),
        |problem| problem.message,
    ))
}

/// An id made from `words`, with `-2`, `-3`… when taken.
pub(super) fn unique_id(words: &str, taken: impl Fn(&str) -> bool) -> String {
    let base = crate::model::search::slug(words).unwrap_or_else(|| "element".to_owned());
    if !taken(&base) {
        return base;
    }
    (2..)
        .map(|count| format!("{base}-{count}"))
        .find(|id| !taken(id))
        .unwrap_or(base)
}

/// The id a new element gets: the one given (unless taken or empty), or one made from
/// `words`.
fn new_id(
    given: Option<&str>,
    words: &str,
    what: &str,
    taken: impl Fn(&str) -> bool,
) -> Result<String, EditError> {
    match given {
        Some(id) if taken(id) => Err(EditError::TakenId(id.to_owned())),
        Some(id) if id.trim().is_empty() => Err(EditError::WrongValue(format!(
            "{what}'s id cannot be empty"
        ))),
        Some(id) => Ok(id.to_owned()),
        None => Ok(unique_id(words, taken)),
    }
}

fn add_node(editor: &mut Editor<'_>, new: &NewNode, record: EditRecord) -> Result<(), EditError> {
    let model = editor.model();
    let id = new_id(new.id.as_deref(), &new.label, "a node", |id| {
        model.node(id).is_some()
    })?;
    let evidence = new
        .evidence
        .iter()
        .map(|spec| resolve(model, spec))
        .collect::<Result<Vec<_>, _>>()?;
    let raw = RawNode {
        id,
        label: new.label.clone(),
        kind: new.kind.clone(),
        subtype: new.subtype.clone(),
        aliases: new.aliases.clone(),
        affiliation: new.affiliation.clone(),
        place: new.place.clone(),
        date: new.date.clone(),
        status: new.status.clone(),
        evidence: evidence.iter().map(raw_evidence).collect(),
        ..RawNode::default()
    };
    let mut node = check_node_record(model, model.nodes.len(), raw).map_err(invalid)?;
    node.audit = curated(record);
    if node.label.trim().is_empty() {
        return Err(EditError::WrongValue(
            "a node's label cannot be empty".to_owned(),
        ));
    }
    editor.push_node(node);
    Ok(())
}

/// Refuses a typed element without evidence, as a file with one would not open.
fn ensure_evidence(
    evidence: &[Evidence],
    typed: bool,
    what: &str,
    id: &str,
) -> Result<(), EditError> {
    if typed && evidence.is_empty() {
        return Err(EditError::Invalid(format!(
            "{what} \"{id}\" has no evidence; give at least one quote"
        )));
    }
    Ok(())
}

fn add_edge(editor: &mut Editor<'_>, new: &NewEdge, record: EditRecord) -> Result<(), EditError> {
    let model = editor.model();
    let words = format!("{} {} {}", new.source, new.relation, new.target);
    let id = new_id(new.id.as_deref(), &words, "an edge", |id| {
        model.edge(id).is_some()
    })?;
    for end in [&new.source, &new.target] {
        if model.node(end).is_none() {
            return Err(EditError::UnknownNode(end.clone()));
        }
    }
    let evidence = new
        .evidence
        .iter()
        .map(|spec| resolve(model, spec))
        .collect::<Result<Vec<_>, _>>()?;
    let raw = RawEdge {
        id,
        source: new.source.clone(),
        target: new.target.clone(),
        relation: new.relation.clone(),
        date: new.date.clone(),
        attributed_to: new.attributed_to.clone(),
        modality: new.modality.clone(),
        evidence: evidence.iter().map(raw_evidence).collect(),
        ..RawEdge::default()
    };
    let mut edge = check_edge_record(model, model.edges.len(), raw).map_err(invalid)?;
    if let Some(twin) = model.edges.iter().find(|other| {
        other.source == edge.source
            && other.target == edge.target
            && other.relation == edge.relation
            && other.modality == edge.modality
            && other.attributed_to == edge.attributed_to
    }) {
        return Err(EditError::SameRelation(twin.id.clone()));
    }
    edge.audit = curated(record);
    editor.push_edge(edge);
    Ok(())
}

/// Where an id is: a node's position (nodes first) or an edge's.
enum Found {
    Node(usize),
    Edge(usize),
}

fn find(model: &Model, id: &str) -> Result<Found, EditError> {
    if let Some(at) = model.node_position(id) {
        Ok(Found::Node(at))
    } else if let Some(at) = model.edge_position(id) {
        Ok(Found::Edge(at))
    } else {
        Err(EditError::UnknownId(id.to_owned()))
    }
}

fn change_evidence(
    editor: &mut Editor<'_>,
    id: &str,
    record: EditRecord,
    change: impl FnOnce(&mut Vec<Evidence>) -> Result<(), EditError>,
) -> Result<(), EditError> {
    match find(editor.model(), id)? {
        Found::Node(at) => {
            let Some(mut node) = editor.model().nodes.get(at).cloned() else {
                return Err(EditError::UnknownId(id.to_owned()));
            };
            change(&mut node.evidence)?;
            ensure_evidence(&node.evidence, node.kind != NodeKind::Entity, "node", id)?;
            node.audit.edits.push(record);
            editor.replace_node(at, node);
        }
        Found::Edge(at) => {
            let Some(mut edge) = editor.model().edges.get(at).cloned() else {
                return Err(EditError::UnknownId(id.to_owned()));
            };
            change(&mut edge.evidence)?;
            ensure_evidence(&edge.evidence, edge.relation != Relation::Link, "edge", id)?;
            edge.audit.edits.push(record);
            editor.replace_edge(at, edge);
        }
    }
    Ok(())
}

/// Sets fields on a record as JSON: `null` removes an optional field.
fn set_fields<T: serde::Serialize + serde::de::DeserializeOwned>(
    record: &T,
    set: &Map<String, Value>,
    allowed: &[&str],
    what: &'static str,
    id: &str,
) -> Result<T, EditError> {
    let mut value =
        serde_json::to_value(record).map_err(|error| EditError::WrongValue(error.to_string()))?;
    let Value::Object(object) = &mut value else {
        return Err(EditError::WrongValue(format!(
            "{what} \"{id}\" cannot be updated"
        )));
    };
    for (field, new) in set {
        if !allowed.contains(&field.as_str()) {
            return Err(EditError::FieldNotSettable {
                field: field.clone(),
                what,
                id: id.to_owned(),
                allowed: allowed.join(", "),
            });
        }
        if new.is_null() {
            object.remove(field);
        } else {
            object.insert(field.clone(), new.clone());
        }
    }
    serde_path_to_error::deserialize(value).map_err(|error| {
        let path = error.path().to_string();
        EditError::WrongValue(format!("{path}: {}", error.into_inner()))
    })
}

fn update(
    editor: &mut Editor<'_>,
    id: &str,
    set: &Map<String, Value>,
    record: EditRecord,
) -> Result<(), EditError> {
    if set.is_empty() {
        return Err(EditError::WrongValue("\"set\" names no field".to_owned()));
    }
    match find(editor.model(), id)? {
        Found::Node(at) => {
            let model = editor.model();
            let Some(node) = model.nodes.get(at) else {
                return Err(EditError::UnknownId(id.to_owned()));
            };
            let raw: RawNode = set_fields(&raw_node(node), set, &NODE_UPDATE_FIELDS, "node", id)?;
            if raw.label.trim().is_empty() {
                return Err(EditError::WrongValue(
                    "a node's label cannot be empty".to_owned(),
                ));
            }
            if raw.affiliation.as_deref() == Some(id) {
                return Err(EditError::WrongValue(format!(
                    "node \"{id}\" cannot belong to itself"
                )));
            }
            let mut audit = node.audit.clone();
            let mut updated = check_node_record(model, at, raw).map_err(invalid)?;
            audit.edits.push(record);
            updated.audit = audit;
            editor.replace_node(at, updated);
        }
        Found::Edge(at) => {
            let model = editor.model();
            let Some(edge) = model.edges.get(at) else {
                return Err(EditError::UnknownId(id.to_owned()));
            };
            let raw: RawEdge = set_fields(&raw_edge(edge), set, &EDGE_UPDATE_FIELDS, "edge", id)?;
            let mut audit = edge.audit.clone();
            let mut updated = check_edge_record(model, at, raw).map_err(invalid)?;
            audit.edits.push(record);
            updated.audit = audit;
            editor.replace_edge(at, updated);
        }
    }
    Ok(())
}

/// Deletes a node with its relations (and the affiliations that name it), or an edge.
fn delete(editor: &mut Editor<'_>, id: &str) -> Result<(), EditError> {
    match find(editor.model(), id)? {
        Found::Node(at) => {
            let model = editor.model();
            let edges = touching(model, id);
            let affiliated: Vec<usize> =
                positions(&model.nodes, |node| node.affiliation.as_deref() == Some(id));
            for position in affiliated {
                if let Some(mut node) = editor.model().nodes.get(position).cloned() {
                    node.affiliation = None;
                    editor.replace_node(position, node);
                }
            }
            editor.remove_edges(edges);
            editor.remove_node(at);
        }
        Found::Edge(at) => editor.remove_edge(at),
    }
    Ok(())
}

/// The positions of the items `keep` picks.
pub(super) fn positions<T>(items: &[T], keep: impl Fn(&T) -> bool) -> Vec<usize> {
    items
        .iter()
        .enumerate()
        .filter_map(|(at, item)| keep(item).then_some(at))
        .collect()
}

/// The positions of the edges that start or end at node `id`.
pub(super) fn touching(model: &Model, id: &str) -> Vec<usize> {
    positions(&model.edges, |edge: &Edge| {
        edge.source == id || edge.target == id
    })
}

/// What deleting a node takes with it: its relations and the affiliations that name
/// it (the window's confirmation says so).
pub fn deletion_reach(model: &Model, id: &str) -> (usize, usize) {
    let affiliated = model
        .nodes
        .iter()
        .filter(|node| node.affiliation.as_deref() == Some(id))
        .count();
    (touching(model, id).len(), affiliated)
}

fn review(
    editor: &mut Editor<'_>,
    id: &str,
    verdict: Verdict,
    record: EditRecord,
) -> Result<(), EditError> {
    let found = find(editor.model(), id)?;
    let model = editor.model();
    let audit = match found {
        Found::Node(at) => model.nodes.get(at).map(|node| &node.audit),
        Found::Edge(at) => model.edges.get(at).map(|edge| &edge.audit),
    };
    if audit.is_none_or(|audit| audit.origin != Origin::Extracted) {
        return Err(EditError::NotExtracted(id.to_owned()));
    }
    if verdict == Verdict::Reject {
        return delete(editor, id);
    }
    let accept = |audit: &mut Audit, evidence: &mut Vec<Evidence>| {
        audit.reviewed = true;
        audit.edits.push(record.clone());
        for record in evidence
            .iter_mut()
            .filter(|record| record.extractor.is_some())
        {
            record.reviewed = true;
        }
    };
    match found {
        Found::Node(at) => {
            if let Some(mut node) = editor.model().nodes.get(at).cloned() {
                accept(&mut node.audit, &mut node.evidence);
                editor.replace_node(at, node);
            }
        }
        Found::Edge(at) => {
            if let Some(mut edge) = editor.model().edges.get(at).cloned() {
                accept(&mut edge.audit, &mut edge.evidence);
                editor.replace_edge(at, edge);
            }
        }
    }
    Ok(())
}

/// Reads an added article's file into the op (once; the journal keeps the text).
fn read_article_text(article: &mut NewArticle, stamp: &Stamp<'_>) -> Result<(), EditError> {
    if article.text.is_some() {
        return Ok(());
    }
    let path = stamp.folder.join(&article.path);
    let failure = |reason: String| EditError::ArticleFile {
        path: path.display().to_string(),
        reason,
    };
    let size = std::fs::metadata(&path)
        .map_err(|error| failure(error.to_string()))?
        .len();
    if size > MAX_ARTICLE_BYTES {
        return Err(failure(format!(
            "it has {size} bytes; an article has at most {MAX_ARTICLE_BYTES}"
        )));
    }
    let bytes = std::fs::read(&path).map_err(|error| failure(error.to_string()))?;
    let text = String::from_utf8(bytes).map_err(|_| failure("it is not UTF-8 text".to_owned()))?;
    article.text = Some(text);
    Ok(())
}

/// The file name an added article is saved under, beside the dataset.
pub fn article_file_name(new: &NewArticle) -> String {
    std::path::Path::new(&new.path)
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .filter(|name| !name.is_empty())
        .unwrap_or_else(|| format!("{}.txt", new.id))
}

fn add_article(editor: &mut Editor<'_>, new: &NewArticle) -> Result<(), EditError> {
    let model = editor.model();
    if new.id.trim().is_empty() {
        return Err(EditError::WrongValue(
            "an article's id cannot be empty".to_owned(),
        ));
    }
    if model.article(&new.id).is_some() {
        return Err(EditError::TakenId(new.id.clone()));
    }
    let published = PartialDate::parse(&new.published)
        .map_err(|error| EditError::WrongValue(format!("published: {error}")))?;
    let text = new.text.clone().unwrap_or_default();
    if text.trim().is_empty() {
        return Err(EditError::ArticleFile {
            path: new.path.clone(),
            reason: "it is empty".to_owned(),
        });
    }
    let file_name = article_file_name(new);
    if let Some(other) = model
        .articles
        .iter()
        .find(|article| article.path.as_deref() == Some(file_name.as_str()))
    {
        return Err(EditError::ArticleFile {
            path: new.path.clone(),
            reason: format!(
                "article \"{}\" is already saved as {file_name}; rename the file",
                other.id
            ),
        });
    }
    editor.push_article(Article {
        id: new.id.clone(),
        title: new.title.clone(),
        outlet: new.outlet.clone(),
        published: Some(published),
        url: new.url.clone(),
        path: Some(file_name),
        text: ArticleText::new(text),
    });
    Ok(())
}
