//! Parse, then validate, then build the model: every problem of a file is collected,
//! each with its place, and no input can make this panic.

use std::fmt;

use foldhash::HashMap;

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

use crate::background::{self, CANCELLED, Stage};

use super::anchor::{Anchoring, anchor_quote};
use super::audit::check_audit;
use super::element::{ArticleTexts, NodeIds};
use super::parallel::{join, map_chunks, workers_for};
use super::problem::{Location, ProblemKind, Problems, at};
use super::read::{Records, read_records};
use super::schema::{FORMAT_VERSION, RawArticle, RawEdge, RawEvidence, RawNode, TOP_LEVEL_FIELDS};
use super::store::ArticleStore;
use crate::model::{
    Article, ArticleText, CONTEXT_CHARS, Colour, Edge, Evidence, MeetingDetails, MeetingStatus,
    Modality, Model, Node, NodeKind, NodeLook, PartialDate, Point, Relation, Subtype,
};

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
        return check_records(records, store, Evidenced::Required, problems);
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

    let records = Records {
        title,
        description,
        articles: elements(&top, "articles", problems),
        nodes: elements(&top, "nodes", problems),
        edges: elements(&top, "edges", problems),
    };
    check_records(records, store, evidenced, problems)
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
    elements: Elements<impl Iterator<Item = Value>, impl Iterator<Item = Value>>,
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
        items: impl Iterator<Item = Value>,
        count: usize,
        problems: &mut Problems,
    ) -> Vec<(usize, T)> {
        let mut parsed = Vec::with_capacity(count);
        for (index, item) in items.enumerate() {
            if let Some(element) = element(item, field, index, problems) {
                parsed.push((index, element));
            }
        }
        parsed
    }
    let article_count = articles.len();
    let records = Records {
        title,
        description,
        articles: read_all("articles", articles.into_iter(), article_count, problems),
        nodes: read_all("nodes", nodes, node_count, problems),
        edges: read_all("edges", edges, edge_count, problems),
    };
    check_records(records, store, evidenced, problems)
}

/// Checks records read from a file and builds the model; `None` when there is an error.
fn check_records(
    records: Records,
    store: &dyn ArticleStore,
    evidenced: Evidenced,
    problems: &mut Problems,
) -> Option<Model> {
    let Records {
        title,
        description,
        articles: raw_articles,
        nodes: mut raw_nodes,
        edges: mut raw_edges,
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
    // Each collection's ids are checked for duplicates on a core of its own; the
    // problems come back nodes first, as one pass would find them.
    let mut node_problems = problems.part();
    let mut edge_problems = problems.part();
    let (node_ids, ()) = join(
        workers_for(raw_edges.len()) > 1,
        || {
            unique_ids(
                raw_nodes
                    .iter()
                    .zip(&node_id_list)
                    .map(|((index, _), id)| (*index, id.as_str())),
                "nodes",
                "node",
                &mut node_problems,
            )
        },
        || {
            unique_ids(
                raw_edges
                    .iter()
                    .map(|(index, edge)| (*index, edge.id.as_str())),
                "edges",
                "edge",
                &mut edge_problems,
            );
        },
    );
    problems.append(node_problems);
    problems.append(edge_problems);

    background::report(Stage::Checking, (raw_nodes.len() + raw_edges.len()) as u64);
    let mut node_work: Vec<(usize, &str, RawNode)> = raw_nodes
        .into_iter()
        .zip(&node_id_list)
        .map(|((index, raw), id)| (index, id.as_str(), raw))
        .collect();
    let nodes = check_on_every_core(&mut node_work, problems, |(index, id, raw), found| {
        check_node(
            *index,
            id,
            std::mem::take(raw),
            evidence_rule,
            &node_ids,
            found,
        )
    });
    if background::cancelled() {
        problems.error(ProblemKind::Unreadable, Location::File, CANCELLED);
        return None;
    }
    let edges = check_on_every_core(&mut raw_edges, problems, |(index, raw), found| {
        check_edge(*index, std::mem::take(raw), evidence_rule, &node_ids, found)
    });

    if problems.has_errors() {
        return None;
    }
    Some(Model::new(title, description, articles, nodes, edges))
}

/// Checks elements on every core, and returns the ones that passed in file order; the
/// problems found are added to `problems` in file order too, as one pass over the
/// elements would find them. `check` may take what it needs out of each element.
fn check_on_every_core<Raw: Send, Checked: Send>(
    elements: &mut [Raw],
    problems: &mut Problems,
    check: impl Fn(&mut Raw, &mut Problems) -> Option<Checked> + Sync,
) -> Vec<Checked> {
    /// Elements checked between two progress reports.
    const REPORT_EVERY: usize = 4_096;
    let report = &*problems;
    let progress = background::current();
    let workers = workers_for(elements.len());
    let chunks = map_chunks(elements, workers, |chunk| {
        let mut found = report.part();
        let mut checked = Vec::with_capacity(chunk.len());
        for part in chunk.chunks_mut(REPORT_EVERY) {
            checked.extend(
                part.iter_mut()
                    .filter_map(|element| check(element, &mut found)),
            );
            if let Some(progress) = &progress {
                progress.advance(part.len() as u64);
            }
        }
        (checked, found)
    });
    let mut all = Vec::with_capacity(elements.len());
    for (checked, found) in chunks {
        all.extend(checked);
        problems.append(found);
    }
    all
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
fn unique_ids<'a>(
    ids: impl Iterator<Item = (usize, &'a str)>,
    collection: &str,
    what: &str,
    problems: &mut Problems,
) -> HashMap<&'a str, usize> {
    let mut seen: HashMap<&str, usize> = HashMap::default();
    for (index, id) in ids {
        if id.is_empty() {
            problems.error(
                ProblemKind::WrongShape,
                at(format!("$.{collection}[{index}].id")),
                format!("the {what} id is empty"),
            );
            continue;
        }
        if let Some(first) = seen.get(id) {
            problems.error(
                ProblemKind::DuplicateId,
                at(format!("$.{collection}[{index}].id")),
                format!("duplicate {what} id \"{id}\" (first used at $.{collection}[{first}])"),
            );
        } else {
            seen.insert(id, index);
        }
    }
    seen
}

fn check_articles(
    raw_articles: &[(usize, RawArticle)],
    store: &dyn ArticleStore,
    problems: &mut Problems,
) -> Vec<Article> {
    unique_ids(
        raw_articles
            .iter()
            .map(|(index, article)| (*index, article.id.as_str())),
        "articles",
        "article",
        problems,
    );
    let mut articles = Vec::new();
    for (index, raw) in raw_articles {
        let path = ElementPath::new("articles", *index);
        let published = match &raw.published {
            Some(text) => match date(text, path, "published", problems) {
                Some(date) => Some(date),
                None => continue,
            },
            None => None,
        };
        let bytes = match (&raw.text, &raw.path) {
            (Some(text), None) => Some(text.as_bytes().to_vec()),
            (None, Some(file)) => match store.read(file) {
                Ok(bytes) => Some(bytes),
                Err(error) => {
                    problems.error(
                        ProblemKind::ArticlePath,
                        path.field("path"),
                        error.to_string(),
                    );
                    None
                }
            },
            (Some(_), Some(_)) => {
                problems.error(
                    ProblemKind::ArticleSource,
                    path.whole(),
                    format!(
                        "article \"{}\" has both \"text\" and \"path\"; give one",
                        raw.id
                    ),
                );
                None
            }
            (None, None) => {
                problems.error(
                    ProblemKind::ArticleSource,
                    path.whole(),
                    format!(
                        "article \"{}\" has neither \"text\" nor \"path\"; give one",
                        raw.id
                    ),
                );
                None
            }
        };
        let Some(bytes) = bytes else { continue };
        check_hash(raw, &bytes, path, problems);
        let text = match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(error) => {
                problems.error(
                    ProblemKind::ArticlePath,
                    path.field("path"),
                    format!(
                        "article \"{}\" is not UTF-8 text (invalid byte at offset {})",
                        raw.id,
                        error.utf8_error().valid_up_to()
                    ),
                );
                continue;
            }
        };
        articles.push(Article {
            id: raw.id.clone(),
            title: raw.title.clone(),
            outlet: raw.outlet.clone(),
            published,
            url: raw.url.clone(),
            path: raw.path.clone(),
            text: ArticleText::new(text),
        });
    }
    articles
}

fn check_hash(raw: &RawArticle, bytes: &[u8], path: ElementPath, problems: &mut Problems) {
    let actual = sha256_hex(bytes);
    match &raw.sha256 {
        None => problems.warning(
            ProblemKind::MissingHash,
            path.field("sha256"),
            format!(
                "article \"{}\" has no sha256, so a change to its text would go unnoticed (its sha256 is {actual})",
                raw.id
            ),
        ),
        Some(expected) if !expected.eq_ignore_ascii_case(&actual) => problems.warning(
            ProblemKind::HashMismatch,
            path.field("sha256"),
            format!(
                "the text of article \"{}\" has changed: its sha256 is {actual}, the dataset says {expected}",
                raw.id
            ),
        ),
        Some(_) => {}
    }
}

/// Lower-case hex sha256 of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

pub(super) fn check_node(
    index: usize,
    id: &str,
    mut raw: RawNode,
    evidence_rule: EvidenceRule<'_>,
    node_ids: &dyn NodeIds,
    problems: &mut Problems,
) -> Option<Node> {
    let path = ElementPath::new("nodes", index);
    let kind = vocabulary(
        &raw.kind,
        (path, "kind"),
        "kind",
        ProblemKind::UnknownKind,
        NodeKind::parse,
        NodeKind::expected,
        problems,
    );
    let subtype = raw.subtype.as_deref().and_then(|subtype| {
        vocabulary(
            subtype,
            (path, "subtype"),
            "subtype",
            ProblemKind::UnknownSubtype,
            Subtype::parse,
            Subtype::expected,
            problems,
        )
    });
    if let Some(affiliation) = &raw.affiliation
        && !node_ids.has_node(affiliation.as_str())
    {
        problems.error(
            ProblemKind::MissingNode,
            path.field("affiliation"),
            format!("node \"{id}\" is affiliated with \"{affiliation}\", but no node has that id"),
        );
    }
    let date = raw
        .date
        .as_deref()
        .and_then(|text| date(text, path, "date", problems));
    let status = raw.status.as_deref().and_then(|status| {
        vocabulary(
            status,
            (path, "status"),
            "meeting status",
            ProblemKind::UnknownStatus,
            MeetingStatus::parse,
            MeetingStatus::expected,
            problems,
        )
    });
    let meeting = match kind {
        Some(NodeKind::Meeting) => {
            for (field, present) in [
                ("place", raw.place.is_some()),
                ("status", raw.status.is_some()),
            ] {
                if !present {
                    problems.error(
                        ProblemKind::MeetingFields,
                        path.field(field),
                        format!("meeting \"{id}\" has no {field}"),
                    );
                }
            }
            match (raw.place.take(), status) {
                (Some(place), Some(status)) => Some(MeetingDetails {
                    place,
                    date,
                    status,
                }),
                _ => None,
            }
        }
        Some(kind) => {
            for (field, present) in [
                ("place", raw.place.is_some()),
                ("date", raw.date.is_some()),
                ("status", raw.status.is_some()),
            ] {
                if present {
                    problems.error(
                        ProblemKind::MeetingFields,
                        path.field(field),
                        format!("only meetings have a {field}; \"{id}\" is a {kind}"),
                    );
                }
            }
            None
        }
        None => None,
    };
    let owner = Owner {
        path,
        id,
        what: "node",
        needs_evidence: evidence_rule.rule == Evidenced::Required && kind != Some(NodeKind::Entity),
    };
    let evidence = check_evidence(
        std::mem::take(&mut raw.evidence),
        evidence_rule,
        &owner,
        problems,
    );
    let look = check_look(&raw, id, path, problems);
    let audit = check_audit(
        raw.audit.take(),
        &evidence,
        || path.field("audit"),
        problems,
    );
    Some(Node {
        id: id.to_owned(),
        label: raw.label,
        kind: kind?,
        subtype,
        aliases: raw.aliases,
        affiliation: raw.affiliation,
        meeting,
        note: raw.note,
        evidence,
        attributes: raw.attributes,
        look,
        audit,
    })
}

pub(super) fn check_edge(
    index: usize,
    raw: RawEdge,
    evidence_rule: EvidenceRule<'_>,
    node_ids: &dyn NodeIds,
    problems: &mut Problems,
) -> Option<Edge> {
    let path = ElementPath::new("edges", index);
    let relation = vocabulary(
        &raw.relation,
        (path, "relation"),
        "relation",
        ProblemKind::UnknownRelation,
        Relation::parse,
        Relation::expected,
        problems,
    );
    let modality = match raw.modality.as_deref() {
        None => Some(Modality::Asserted),
        Some(modality) => vocabulary(
            modality,
            (path, "modality"),
            "modality",
            ProblemKind::UnknownModality,
            Modality::parse,
            Modality::expected,
            problems,
        ),
    };
    for (end, id) in [("source", &raw.source), ("target", &raw.target)] {
        if !node_ids.has_node(id.as_str()) {
            problems.error(
                ProblemKind::MissingNode,
                path.field(end),
                format!(
                    "edge \"{}\" has {end} \"{id}\", but no node has that id",
                    raw.id
                ),
            );
        }
    }
    let date = raw
        .date
        .as_deref()
        .and_then(|text| date(text, path, "date", problems));
    let owner = Owner {
        path,
        id: &raw.id,
        what: "edge",
        needs_evidence: evidence_rule.rule == Evidenced::Required
            && relation != Some(Relation::Link),
    };
    let evidence = check_evidence(raw.evidence, evidence_rule, &owner, problems);
    let audit = check_audit(raw.audit, &evidence, || path.field("audit"), problems);
    if let Some(weight) = raw.weight
        && !weight.is_finite()
    {
        problems.error(
            ProblemKind::WrongShape,
            path.field("weight"),
            format!(
                "edge \"{}\" has weight {weight}; a weight is a finite number",
                raw.id
            ),
        );
    }
    Some(Edge {
        id: raw.id,
        source: raw.source,
        target: raw.target,
        relation: relation?,
        date,
        attributed_to: raw.attributed_to,
        modality: modality?,
        note: raw.note,
        evidence,
        label: raw.label,
        weight: raw.weight.filter(|weight| weight.is_finite()),
        directed: raw.directed.unwrap_or(true),
        attributes: raw.attributes,
        audit,
    })
}

/// Checks the position, colour and size an imported graph gave a node.
fn check_look(raw: &RawNode, id: &str, path: ElementPath, problems: &mut Problems) -> NodeLook {
    let position = raw.position.and_then(|point| {
        if point.x.is_finite() && point.y.is_finite() {
            Some(Point {
                x: point.x,
                y: point.y,
            })
        } else {
            problems.error(
                ProblemKind::WrongShape,
                path.field("position"),
                format!("node \"{}\" has a position that is not a finite number", id),
            );
            None
        }
    });
    let colour = raw.colour.as_deref().and_then(|text| {
        let colour = Colour::from_hex(text);
        if colour.is_none() {
            problems.error(
                ProblemKind::WrongShape,
                path.field("colour"),
                format!(
                    "node \"{}\" has colour \"{text}\"; expected #rrggbb or #rrggbbaa",
                    id
                ),
            );
        }
        colour
    });
    let size = raw.size.and_then(|size| {
        if size.is_finite() && size >= 0.0 {
            Some(size)
        } else {
            problems.error(
                ProblemKind::WrongShape,
                path.field("size"),
                format!(
                    "node \"{}\" has size {size}; a size is a finite number of at least 0",
                    id
                ),
            );
            None
        }
    });
    NodeLook {
        position,
        colour,
        size,
    }
}

/// The node or edge whose evidence is checked.
struct Owner<'a> {
    /// Its JSON path.
    path: ElementPath,
    /// Its id.
    id: &'a str,
    /// "node" or "edge".
    what: &'a str,
    /// Whether it must have at least one record.
    needs_evidence: bool,
}

/// What evidence records are checked against.
#[derive(Clone, Copy)]
pub(super) struct EvidenceRule<'a> {
    /// The file's articles by id.
    pub(super) articles: &'a dyn ArticleTexts,
    /// How strictly they are checked.
    pub(super) rule: Evidenced,
}

fn check_evidence(
    records: Vec<RawEvidence>,
    evidence_rule: EvidenceRule<'_>,
    owner: &Owner<'_>,
    problems: &mut Problems,
) -> Vec<Evidence> {
    let EvidenceRule {
        articles,
        rule: evidenced,
    } = evidence_rule;
    let owner_path = owner.path;
    if records.is_empty() && owner.needs_evidence {
        problems.error(
            ProblemKind::NoEvidence,
            owner_path.field("evidence"),
            format!(
                "{} \"{}\" has no evidence; give at least one quote",
                owner.what, owner.id
            ),
        );
    }
    let mut checked = Vec::with_capacity(records.len());
    for (index, raw) in records.into_iter().enumerate() {
        let path = owner_path.evidence(index);
        if raw.quote.is_empty() {
            problems.error(
                ProblemKind::QuoteShape,
                path.field("quote"),
                "the quote is empty",
            );
            continue;
        }
        for (field, context) in [("prefix", &raw.prefix), ("suffix", &raw.suffix)] {
            let length = context.chars().count();
            if length > CONTEXT_CHARS {
                problems.error(
                    ProblemKind::QuoteShape,
                    path.field(field),
                    format!("the {field} has {length} chars; at most {CONTEXT_CHARS} are allowed"),
                );
            }
        }
        let Some(text) = articles.article_text(&raw.article) else {
            if evidenced == Evidenced::Optional {
                problems.warning(
                    ProblemKind::MissingArticle,
                    path.field("article"),
                    format!(
                        "evidence cites article \"{}\", which the file does not carry; the record is left out",
                        raw.article
                    ),
                );
                continue;
            }
            problems.error(
                ProblemKind::MissingArticle,
                path.field("article"),
                format!(
                    "evidence cites article \"{}\", but no article has that id",
                    raw.article
                ),
            );
            continue;
        };
        let (start, end) = match anchor_quote(
            text,
            &raw.quote,
            raw.start,
            raw.end,
            &raw.prefix,
            &raw.suffix,
        ) {
            Anchoring::Exact => (raw.start, raw.end),
            Anchoring::Moved { start, end } => {
                problems.warning(
                    ProblemKind::QuoteMoved,
                    path.whole(),
                    format!(
                        "the quote \"{}\" is not at {}..{} of article \"{}\"; found it at {start}..{end} by quote and context",
                        abbreviate(&raw.quote),
                        raw.start,
                        raw.end,
                        raw.article
                    ),
                );
                (start, end)
            }
            Anchoring::NotFound => {
                problems.error(
                    ProblemKind::QuoteNotFound,
                    path.field("quote"),
                    format!(
                        "the quote \"{}\" is nowhere in article \"{}\"",
                        abbreviate(&raw.quote),
                        raw.article
                    ),
                );
                continue;
            }
        };
        checked.push(Evidence {
            article_id: raw.article,
            quote: raw.quote,
            start,
            end,
            prefix: raw.prefix,
            suffix: raw.suffix,
            confidence: raw
                .confidence
                .filter(|c| c.is_finite())
                .map(|c| c.clamp(0.0, 1.0)),
            extractor: raw.extractor,
            reviewed: raw.reviewed,
        });
    }
    checked
}

/// Parses a value of a closed vocabulary, reporting an unknown one.
fn vocabulary<T>(
    text: &str,
    (path, field): (ElementPath, &str),
    what: &str,
    kind: ProblemKind,
    parse: fn(&str) -> Option<T>,
    expected: fn() -> String,
    problems: &mut Problems,
) -> Option<T> {
    let parsed = parse(text);
    if parsed.is_none() {
        problems.error(
            kind,
            path.field(field),
            format!("unknown {what} \"{text}\"; expected one of {}", expected()),
        );
    }
    parsed
}

fn date(
    text: &str,
    path: ElementPath,
    field: &str,
    problems: &mut Problems,
) -> Option<PartialDate> {
    PartialDate::parse(text)
        .map_err(|error| {
            problems.error(
                ProblemKind::InvalidDate,
                path.field(field),
                error.to_string(),
            )
        })
        .ok()
}

/// The JSON path of an element of the file (`$.nodes[3]`) or of one of its evidence
/// records (`$.nodes[3].evidence[0]`), formatted only when a problem names it: a file of
/// 100,000 nodes has no use for half a million path strings.
#[derive(Debug, Clone, Copy)]
struct ElementPath {
    /// `articles`, `nodes` or `edges`.
    collection: &'static str,
    /// The element's index in its collection.
    index: usize,
    /// The index of one of its evidence records.
    evidence: Option<usize>,
}

impl ElementPath {
    fn new(collection: &'static str, index: usize) -> Self {
        Self {
            collection,
            index,
            evidence: None,
        }
    }

    /// The path of one of the element's evidence records.
    fn evidence(self, index: usize) -> Self {
        Self {
            evidence: Some(index),
            ..self
        }
    }

    /// The place of the element (or evidence record) itself.
    fn whole(self) -> Location {
        at(self.to_string())
    }

    /// The place of one of its fields, such as `$.nodes[3].kind`.
    fn field(self, name: &str) -> Location {
        at(format!("{self}.{name}"))
    }
}

impl fmt::Display for ElementPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "$.{}[{}]", self.collection, self.index)?;
        match self.evidence {
            Some(evidence) => write!(f, ".evidence[{evidence}]"),
            None => Ok(()),
        }
    }
}

/// The first 60 chars of a quote, for messages.
/// A quote cut to 60 chars, to fit in a message.
pub(crate) fn abbreviate(quote: &str) -> String {
    const MAX: usize = 60;
    if quote.chars().count() <= MAX {
        quote.to_owned()
    } else {
        let head: String = quote.chars().take(MAX).collect();
        format!("{head}…")
    }
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
