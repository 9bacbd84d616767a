//! Parse, then validate, then build the model: every problem of a file is collected,
//! each with its place, and no input can make this panic.

use foldhash::HashMap;

use super::element::IdPositions;

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};
use std::sync::atomic::{AtomicBool, Ordering};

use crate::background::{self, CANCELLED, Stage};
use crate::model::index::IdIndex;

use super::batches::{EdgeSource, NotRead, check_on_every_core, in_batches, in_index_order};
use super::problem::{Location, ProblemKind, Problems, at};
use super::read::{indexed, read_records};
use super::records::{EvidenceRule, check_articles, check_edge, check_node};
use super::schema::{FORMAT_VERSION, RawArticle, RawEdge, RawNode, TOP_LEVEL_FIELDS};
use super::store::ArticleStore;
use crate::model::{ArticleText, Model};

/// How strictly evidence is checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Evidenced {
    /// A `backchannel/1` file: every typed node and edge (all but `entity` nodes and
    /// `link` edges) needs evidence, and evidence must cite an article of the file.
    Required,
    /// A graph imported from another format: elements may go without evidence, and
    /// evidence citing an article the file does not carry is dropped with a warning
    /// (Gephi and other tools keep our evidence attributes but not our articles).
    Optional,
}

/// Validates the bytes of a dataset file and builds its model.
///
/// Returns the model when there is no error (warnings are recorded in `problems`), or
/// `None` when there is at least one.
pub fn validate(bytes: &[u8], store: &dyn ArticleStore, problems: &mut Problems) -> Option<Model> {
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    // Fast path: a well-formed file of the current format reads straight into its
    // records. Anything else takes the slower path that names every problem's place.
    if let Some(records) = read_records(bytes) {
        let edge_count = records.edges.iter().map(|(_, batch)| batch.len()).sum();
        let edges = in_batches(indexed(records.edges));
        let records = Records {
            title: records.title,
            description: records.description,
            articles: records.articles,
            nodes: records.nodes,
            edges: (edge_count, edges),
        };
        let mut checking = problems.part();
        if let Ok(model) = check_records(records, store, Evidenced::Required, &mut checking) {
            problems.append(checking);
            return model;
        }
    }
    let value: Value = match serde_json::from_slice(bytes) {
        Ok(value) => value,
        Err(error) => {
            let location = if error.line() == 0 {
                Location::File
            } else {
                Location::LineColumn {
                    line: error.line(),
                    column: error.column().max(1),
                }
            };
            problems.error(
                ProblemKind::MalformedJson,
                location,
                format!("malformed JSON: {}", strip_position(&error.to_string())),
            );
            return None;
        }
    };
    validate_value(value, store, Evidenced::Required, problems)
}

/// Validates a dataset already parsed as JSON (a `backchannel/1` file, or a graph file
/// converted to that shape) and builds its model.
pub fn validate_value(
    value: Value,
    store: &dyn ArticleStore,
    evidenced: Evidenced,
    problems: &mut Problems,
) -> Option<Model> {
    let Value::Object(top) = value else {
        problems.error(
            ProblemKind::WrongShape,
            at("$"),
            format!("a dataset is a JSON object, not {}", describe(&value)),
        );
        return None;
    };
    if !check_format(&top, problems) {
        return None;
    }
    for key in top.keys() {
        if !TOP_LEVEL_FIELDS.contains(&key.as_str()) {
            problems.error(
                ProblemKind::WrongShape,
                at(format!("$.{key}")),
                format!(
                    "unknown field \"{key}\"; a dataset has {}",
                    TOP_LEVEL_FIELDS.join(", ")
                ),
            );
        }
    }
    let title = match top.get("title") {
        Some(Value::String(title)) => title.clone(),
        Some(other) => {
            problems.error(
                ProblemKind::WrongShape,
                at("$.title"),
                format!("the title must be a string, not {}", describe(other)),
            );
            String::new()
        }
        None => {
            problems.error(
                ProblemKind::WrongShape,
                at("$.title"),
                "missing field \"title\"",
            );
            String::new()
        }
    };
    let description = match top.get("description") {
        Some(Value::String(text)) => Some(text.clone()),
        None | Some(Value::Null) => None,
        Some(other) => {
            problems.error(
                ProblemKind::WrongShape,
                at("$.description"),
                format!("the description must be a string, not {}", describe(other)),
            );
            None
        }
    };

    let articles = elements(&top, "articles", problems);
    let nodes = elements(&top, "nodes", problems);
    let edges: Vec<(usize, RawEdge)> = elements(&top, "edges", problems);
    let records = Records {
        title,
        description,
        articles,
        nodes,
        edges: (edges.len(), std::iter::once(edges)),
    };
    check_records(records, store, evidenced, problems).unwrap_or_default()
}

/// An element of a graph file on its way to its record: the record itself (a plain
/// element, made directly), or the dataset's JSON shape of it (an element that carries
/// our own fields back, read as a file's element is, its problems placed at its path).
#[derive(Debug, Clone)]
pub enum Given<T> {
    /// The record.
    Record(T),
    /// The element as JSON.
    Json(Value),
}

impl<T: DeserializeOwned> Given<T> {
    /// The record; `None`, with the problem placed at `$.{field}[{index}]`, when the
    /// JSON does not read as one.
    fn read(self, field: &str, index: usize, problems: &mut Problems) -> Option<T> {
        match self {
            Self::Record(record) => Some(record),
            Self::Json(value) => element(value, field, index, problems),
        }
    }
}

/// A dataset given element by element (a graph file converted to the dataset's shape as
/// it is read): each element is read into its record and dropped before the next.
pub struct Elements<N, E> {
    /// The title.
    pub title: String,
    /// The description.
    pub description: Option<String>,
    /// The articles, a JSON array.
    pub articles: Value,
    /// How many nodes, and the nodes.
    pub nodes: (usize, N),
    /// How many edges, and the edges.
    pub edges: (usize, E),
}

/// Validates a dataset given element by element and builds its model; the problems are
/// placed as [`validate_value`] places them (`$.nodes[3].kind`).
pub fn validate_elements(
    elements: Elements<impl Iterator<Item = Given<RawNode>>, impl Iterator<Item = Given<RawEdge>>>,
    store: &dyn ArticleStore,
    evidenced: Evidenced,
    problems: &mut Problems,
) -> Option<Model> {
    let Elements {
        title,
        description,
        articles,
        nodes: (node_count, nodes),
        edges: (edge_count, edges),
    } = elements;
    let articles = match articles {
        Value::Array(items) => items,
        other => {
            problems.error(
                ProblemKind::WrongShape,
                at("$.articles"),
                format!("\"articles\" must be an array, not {}", describe(&other)),
            );
            Vec::new()
        }
    };
    fn read_all<T: DeserializeOwned>(
        field: &str,
        items: impl Iterator<Item = Given<T>>,
        count: usize,
        problems: &mut Problems,
    ) -> Vec<(usize, T)> {
        let mut parsed = Vec::with_capacity(count);
        for (index, item) in items.enumerate() {
            if let Some(element) = item.read(field, index, problems) {
                parsed.push((index, element));
            }
        }
        parsed
    }
    let article_count = articles.len();
    let articles = read_all(
        "articles",
        articles.into_iter().map(Given::Json),
        article_count,
        problems,
    );
    let nodes = read_all("nodes", nodes, node_count, problems);
    // Each batch of edges is read into its records and checked before the next is read.
    let mut reading = problems.part();
    let edges = in_batches(edges.enumerate().filter_map(|(index, item)| {
        item.read("edges", index, &mut reading)
            .map(|edge| (index, edge))
    }));
    let records = Records {
        title,
        description,
        articles,
        nodes,
        edges: (edge_count, edges),
    };
    let mut checking = problems.part();
    let model = check_records(records, store, evidenced, &mut checking).unwrap_or_default();
    problems.append(reading);
    problems.append(checking);
    model.filter(|_| !problems.has_errors())
}

/// Records read from a file: the edges come batch by batch (with how many there are),
/// each element with its index in the file.
struct Records<Edges> {
    title: String,
    description: Option<String>,
    articles: Vec<(usize, RawArticle)>,
    nodes: Vec<(usize, RawNode)>,
    edges: (usize, Edges),
}

/// Checks records read from a file and builds the model; `Ok(None)` when there is an
/// error, `Err` when an edge given as text does not read. The problems come as one pass
/// over the file would find them: the articles', the duplicate node ids, the duplicate
/// edge ids, then each node's and each edge's.
fn check_records(
    records: Records<impl Iterator<Item = Vec<(usize, impl EdgeSource)>>>,
    store: &dyn ArticleStore,
    evidenced: Evidenced,
    problems: &mut Problems,
) -> Result<Option<Model>, NotRead> {
    let Records {
        title,
        description,
        articles: raw_articles,
        nodes: mut raw_nodes,
        edges: (edge_count, edge_batches),
    } = records;

    let articles = check_articles(&raw_articles, store, problems);
    let article_texts: HashMap<&str, &ArticleText> = articles
        .iter()
        .map(|article| (article.id.as_str(), &article.text))
        .collect();
    let evidence_rule = EvidenceRule {
        articles: &article_texts,
        rule: evidenced,
    };
    // The records' text is moved into the model rather than copied; the node ids are
    // taken out first, as every node and edge is checked against them.
    let node_id_list: Vec<String> = raw_nodes
        .iter_mut()
        .map(|(_, node)| std::mem::take(&mut node.id))
        .collect();
    let mut node_duplicates = problems.part();
    let node_ids = unique_ids(
        raw_nodes
            .iter()
            .zip(&node_id_list)
            .map(|((index, _), id)| (*index, id.as_str())),
        "nodes",
        "node",
        &mut node_duplicates,
    );

    background::report(Stage::Checking, (raw_nodes.len() + edge_count) as u64);
    let mut node_work: Vec<(usize, &str, RawNode)> = raw_nodes
        .into_iter()
        .zip(&node_id_list)
        .map(|((index, raw), id)| (index, id.as_str(), raw))
        .collect();
    let mut node_problems = problems.part();
    let nodes = check_on_every_core(
        &mut node_work,
        &mut node_problems,
        |(index, id, raw), found| {
            check_node(
                *index,
                id,
                std::mem::take(raw),
                evidence_rule,
                &node_ids,
                found,
            )
        },
    );
    drop(node_work);
    let cancelled = |problems: &mut Problems| {
        let cancelled = background::cancelled();
        if cancelled {
            problems.error(ProblemKind::Unreadable, Location::File, CANCELLED);
        }
        cancelled
    };
    if cancelled(problems) {
        return Ok(None);
    }
    // The edges batch by batch: a batch's records are freed once its edges are built.
    let mut edge_problems = problems.part();
    let mut edges = Vec::with_capacity(edge_count);
    // Compact: twelve bytes an edge while the edges are checked.
    let mut edge_ends: Vec<Option<(u32, u32)>> = Vec::with_capacity(edge_count);
    let mut edge_indexes = Vec::with_capacity(edge_count);
    let mut unbuilt: Vec<(usize, String)> = Vec::new();
    let not_read = AtomicBool::new(false);
    for mut batch in edge_batches {
        let checked =
            check_on_every_core(&mut batch, &mut edge_problems, |(index, source), found| {
                let Some(raw) = source.take_record() else {
                    not_read.store(true, Ordering::Relaxed);
                    return None;
                };
                let edge = check_edge(*index, raw, evidence_rule, &node_ids, found);
                Some((*index, edge))
            });
        drop(batch);
        if not_read.load(Ordering::Relaxed) {
            return Err(NotRead);
        }
        for (index, edge) in checked {
            match edge {
                Ok((edge, ends)) => {
                    edge_indexes.push(index);
                    edges.push(edge);
                    let compact = |position: usize| u32::try_from(position).ok();
                    edge_ends.push(
                        ends.and_then(|(source, target)| {
                            Some((compact(source)?, compact(target)?))
                        }),
                    );
                }
                Err(id) => unbuilt.push((index, id)),
            }
        }
        if cancelled(problems) {
            return Ok(None);
        }
    }
    let mut edge_duplicates = problems.part();
    // Where every edge was built with an id, the model's index of edge ids finds the
    // duplicates as it is built (one pass over the ids, not two); otherwise, the
    // problems are in, and the ids are checked among those that could not be built.
    let edge_index = if unbuilt.is_empty() && edges.iter().all(|edge| !edge.id.is_empty()) {
        let index = IdIndex::reporting(&edges, |position, first| {
            let (Some(index), Some(first), Some(edge)) = (
                edge_indexes.get(position),
                edge_indexes.get(first),
                edges.get(position),
            ) else {
                return;
            };
            edge_duplicates.error(
                ProblemKind::DuplicateId,
                at(format!("$.edges[{index}].id")),
                format!(
                    "duplicate edge id \"{}\" (first used at $.edges[{first}])",
                    edge.id
                ),
            );
        });
        Some(index)
    } else {
        let built = edge_indexes
            .iter()
            .zip(&edges)
            .map(|(index, edge)| (*index, edge.id.as_str()));
        let unbuilt = unbuilt.iter().map(|(index, id)| (*index, id.as_str()));
        unique_ids(
            in_index_order(built, unbuilt),
            "edges",
            "edge",
            &mut edge_duplicates,
        );
        None
    };
    drop(edge_indexes);
    problems.append(node_duplicates);
    problems.append(edge_duplicates);
    problems.append(node_problems);
    problems.append(edge_problems);

    if problems.has_errors() {
        return Ok(None);
    }
    // The node ids' positions are the model's: with no error, every node was built, in
    // the file's order.
    let ends = edge_ends
        .into_iter()
        .map(|ends| ends.map(|(source, target)| (source as usize, target as usize)))
        .collect();
    Ok(Some(Model::with_edge_ends(
        title,
        description,
        articles,
        nodes,
        (edges, ends, edge_index),
    )))
}

/// Checks `$.format`; false when the rest of the file cannot be read.
fn check_format(top: &Map<String, Value>, problems: &mut Problems) -> bool {
    match top.get("format") {
        Some(Value::String(format)) if format == FORMAT_VERSION => true,
        Some(Value::String(format)) => {
            problems.error(
                ProblemKind::UnknownFormat,
                at("$.format"),
                format!(
                    "unknown format version \"{format}\"; this build of Backchannel reads \"{FORMAT_VERSION}\""
                ),
            );
            false
        }
        Some(other) => {
            problems.error(
                ProblemKind::UnknownFormat,
                at("$.format"),
                format!(
                    "the format must be the string \"{FORMAT_VERSION}\", not {}",
                    describe(other)
                ),
            );
            false
        }
        None => {
            problems.error(
                ProblemKind::UnknownFormat,
                at("$.format"),
                format!("missing field \"format\"; expected \"{FORMAT_VERSION}\""),
            );
            false
        }
    }
}

/// Deserializes each element of the array `$.{field}` on its own, so that one bad
/// element does not hide the problems of the others. Returns `(index, element)` pairs.
fn elements<T: DeserializeOwned>(
    top: &Map<String, Value>,
    field: &str,
    problems: &mut Problems,
) -> Vec<(usize, T)> {
    let items = match top.get(field) {
        None => return Vec::new(),
        Some(Value::Array(items)) => items,
        Some(other) => {
            problems.error(
                ProblemKind::WrongShape,
                at(format!("$.{field}")),
                format!("\"{field}\" must be an array, not {}", describe(other)),
            );
            return Vec::new();
        }
    };
    let mut parsed = Vec::with_capacity(items.len());
    for (index, item) in items.iter().enumerate() {
        if let Some(element) = element(item, field, index, problems) {
            parsed.push((index, element));
        }
    }
    parsed
}

/// Reads element `index` of the array `$.{field}`; its problem is placed at its path.
fn element<'de, T: serde::Deserialize<'de>>(
    item: impl serde::Deserializer<'de, Error = serde_json::Error>,
    field: &str,
    index: usize,
    problems: &mut Problems,
) -> Option<T> {
    match serde_path_to_error::deserialize::<_, T>(item) {
        Ok(element) => Some(element),
        Err(error) => {
            let inner = error.path().to_string();
            let path = if inner == "." || inner.is_empty() {
                format!("$.{field}[{index}]")
            } else {
                format!("$.{field}[{index}].{inner}")
            };
            problems.error(
                ProblemKind::WrongShape,
                at(path),
                error.into_inner().to_string(),
            );
            None
        }
    }
}

/// Reports duplicate ids in one collection; returns every id seen.
pub(super) fn unique_ids<'a>(
    ids: impl Iterator<Item = (usize, &'a str)>,
    collection: &str,
    what: &str,
    problems: &mut Problems,
) -> IdPositions<'a> {
    let mut seen = IdPositions::default();
    for (index, id) in ids {
        if id.is_empty() {
            problems.error(
                ProblemKind::WrongShape,
                at(format!("$.{collection}[{index}].id")),
                format!("the {what} id is empty"),
            );
            continue;
        }
        if let Some(first) = seen.insert_first(id, index) {
            problems.error(
                ProblemKind::DuplicateId,
                at(format!("$.{collection}[{index}].id")),
                format!("duplicate {what} id \"{id}\" (first used at $.{collection}[{first}])"),
            );
        }
    }
    seen
}

fn describe(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// serde_json appends " at line L column C" to its messages; the location is shown
/// separately.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(position) => message.get(..position).unwrap_or(message).to_owned(),
        None => message.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::{EmbeddedStore, synthetic_dataset};

    /// A dataset large enough for the fast reader to split, changed by `change`, and the
    /// errors its validation finds (and whether it built a model).
    fn validated(change: impl Fn(&mut Value)) -> (bool, Vec<(ProblemKind, String)>) {
        let mut value: Value = serde_json::from_str(&synthetic_dataset(8_000, 4)).unwrap();
        change(&mut value);
        let mut problems = Problems::new("big.json");
        let store = EmbeddedStore::new(&[]);
        let model = validate(value.to_string().as_bytes(), &store, &mut problems);
        let found = problems
            .into_vec()
            .into_iter()
            .filter(|problem| problem.severity == crate::dataset::Severity::Error)
            .map(|problem| (problem.kind, problem.location.to_string()))
            .collect();
        (model.is_some(), found)
    }

    #[test]
    fn an_edge_that_does_not_read_is_named_at_its_place() {
        let (built, problems) = validated(|value| {
            let last = value["edges"].as_array().unwrap().len() - 1;
            value["edges"][last]["evidence"][0]["start"] = "x".into();
        });
        assert!(!built);
        assert_eq!(
            problems,
            vec![(
                ProblemKind::WrongShape,
                "$.edges[31999].evidence[0].start".to_owned()
            )]
        );
    }

    #[test]
    fn duplicate_edge_ids_are_found_among_edges_built_and_not_built() {
        let (built, problems) = validated(|value| {
            let first_id = value["edges"][20_000]["id"].clone();
            value["edges"][20_000]["relation"] = "befriends".into();
            value["edges"][30_000]["id"] = first_id.clone();
            value["edges"][5]["id"] = first_id;
        });
        assert!(!built);
        assert_eq!(
            problems,
            vec![
                (ProblemKind::DuplicateId, "$.edges[20000].id".to_owned()),
                (ProblemKind::DuplicateId, "$.edges[30000].id".to_owned()),
                (
                    ProblemKind::UnknownRelation,
                    "$.edges[20000].relation".to_owned()
                ),
            ]
        );
    }
}
