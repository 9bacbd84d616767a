//! What our exports carry so that a round trip loses nothing: a model turned back into
//! the `backchannel/1` records, each field of ours written as a `bc_` attribute, and the
//! dataset's title, description and articles as one dataset record.

use serde_json::{Map, Value};

use crate::dataset::schema::{
    FORMAT_VERSION, RawArticle, RawDataset, RawEdge, RawEvidence, RawNode, RawPoint,
};
use crate::dataset::{raw_audit, sha256_hex};
use crate::model::{Edge, Evidence, Modality, Model, Node};

/// The name of the dataset record (graph data in GraphML and node-link JSON, a
/// `bc:dataset` element in GEXF's meta, a `.dataset.json` file beside CSV).
pub const DATASET_RECORD: &str = "bc_dataset";

/// The node fields of ours carried as `bc_` attributes, in column order.
pub const NODE_FIELDS: &[&str] = &[
    "kind",
    "subtype",
    "aliases",
    "affiliation",
    "place",
    "date",
    "status",
    "note",
    "evidence",
    "audit",
];

/// The edge fields of ours carried as `bc_` attributes, in column order.
pub const EDGE_FIELDS: &[&str] = &[
    "relation",
    "date",
    "attributed_to",
    "modality",
    "note",
    "evidence",
    "audit",
];

/// The model as a `backchannel/1` dataset; article texts are written inline (with their
/// sha256), so the file stands on its own wherever it is saved.
pub fn to_raw_dataset(model: &Model) -> RawDataset {
    RawDataset {
        format: FORMAT_VERSION.to_owned(),
        title: model.title.clone(),
        description: model.description.clone(),
        articles: model
            .articles
            .iter()
            .map(|article| RawArticle {
                id: article.id.clone(),
                title: article.title.clone(),
                outlet: article.outlet.clone(),
                published: article.published.map(|date| date.to_string()),
                url: article.url.clone(),
                text: Some(article.text.as_str().to_owned()),
                path: None,
                sha256: Some(sha256_hex(article.text.as_str().as_bytes())),
            })
            .collect(),
        nodes: model.nodes.iter().map(raw_node).collect(),
        edges: model.edges.iter().map(raw_edge).collect(),
    }
}

/// The dataset record: everything of a dataset but its nodes and edges.
pub fn dataset_record(model: &Model) -> Value {
    let mut raw = to_raw_dataset(model);
    raw.nodes.clear();
    raw.edges.clear();
    let mut record = serde_json::to_value(raw).unwrap_or(Value::Null);
    if let Value::Object(object) = &mut record {
        object.remove("nodes");
        object.remove("edges");
    }
    record
}

/// A node as its `backchannel/1` record.
pub fn raw_node(node: &Node) -> RawNode {
    RawNode {
        id: node.id.clone(),
        label: node.label.clone(),
        kind: node.kind.as_str().to_owned(),
        subtype: node.subtype.map(|subtype| subtype.as_str().to_owned()),
        aliases: node.aliases.clone(),
        affiliation: node.affiliation.clone(),
        place: node.meeting.as_ref().map(|meeting| meeting.place.clone()),
        date: node
            .meeting
            .as_ref()
            .and_then(|meeting| meeting.date.map(|date| date.to_string())),
        status: node
            .meeting
            .as_ref()
            .map(|meeting| meeting.status.as_str().to_owned()),
        note: node.note.clone(),
        evidence: node.evidence.iter().map(raw_evidence).collect(),
        attributes: node.attributes.clone(),
        position: node.look.position.map(|point| RawPoint {
            x: point.x,
            y: point.y,
        }),
        colour: node.look.colour.map(|colour| colour.to_hex()),
        size: node.look.size,
        audit: raw_audit(&node.audit, &node.evidence),
    }
}

/// An edge as its `backchannel/1` record.
pub fn raw_edge(edge: &Edge) -> RawEdge {
    RawEdge {
        id: edge.id.clone(),
        source: edge.source.clone(),
        target: edge.target.clone(),
        relation: edge.relation.as_str().to_owned(),
        date: edge.date.map(|date| date.to_string()),
        attributed_to: edge.attributed_to.clone(),
        // Asserted is what an edge without a modality means: left out, as files write it.
        modality: (edge.modality != Modality::Asserted).then(|| edge.modality.as_str().to_owned()),
        note: edge.note.clone(),
        evidence: edge.evidence.iter().map(raw_evidence).collect(),
        label: edge.label.clone(),
        weight: edge.weight,
        directed: (!edge.directed).then_some(false),
        attributes: edge.attributes.clone(),
        audit: raw_audit(&edge.audit, &edge.evidence),
    }
}

/// An evidence record as the file writes it.
pub fn raw_evidence(evidence: &Evidence) -> RawEvidence {
    RawEvidence {
        article: evidence.article_id.clone(),
        quote: evidence.quote.clone(),
        start: evidence.start,
        end: evidence.end,
        prefix: evidence.prefix.clone(),
        suffix: evidence.suffix.clone(),
        confidence: evidence.confidence,
        extractor: evidence.extractor.clone(),
        reviewed: evidence.reviewed,
    }
}

/// The `bc_` attributes of a record (a [`RawNode`] or [`RawEdge`] as JSON), in `fields`
/// order, leaving out absent and empty fields. Lists stay lists; [`as_text`] flattens them
/// for formats whose values are text.
pub fn carried_fields(record: &Value, fields: &[&str]) -> Vec<(String, Value)> {
    let Value::Object(object) = record else {
        return Vec::new();
    };
    fields
        .iter()
        .filter_map(|field| {
            let value = object.get(*field)?;
            let empty = match value {
                Value::Null => true,
                Value::Array(items) => items.is_empty(),
                Value::String(text) => text.is_empty(),
                _ => false,
            };
            (!empty).then(|| (format!("bc_{field}"), value.clone()))
        })
        .collect()
}

/// Values an import assumes when a `bc_` attribute is absent; not written.
const IMPLIED: [(&str, &str); 3] = [
    ("bc_kind", "entity"),
    ("bc_relation", "link"),
    ("bc_modality", "asserted"),
];

fn without_implied(fields: Vec<(String, Value)>) -> Vec<(String, Value)> {
    fields
        .into_iter()
        .filter(|(name, value)| {
            !IMPLIED
                .iter()
                .any(|(implied_name, implied)| name == implied_name && value == *implied)
        })
        .collect()
}

/// A node's `bc_` attributes (a plain `entity` has none).
pub fn node_carried(node: &Node) -> Vec<(String, Value)> {
    without_implied(carried_fields(
        &serde_json::to_value(raw_node(node)).unwrap_or(Value::Null),
        NODE_FIELDS,
    ))
}

/// An edge's `bc_` attributes (a plain asserted `link` has none).
pub fn edge_carried(edge: &Edge) -> Vec<(String, Value)> {
    without_implied(carried_fields(
        &serde_json::to_value(raw_edge(edge)).unwrap_or(Value::Null),
        EDGE_FIELDS,
    ))
}

/// A value as text: strings as they are, everything else as JSON.
pub fn as_text(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

impl ColumnKind {
    /// Its attribute type in GEXF and GraphML (the two share these names).
    pub fn xml_type(self) -> &'static str {
        match self {
            Self::Integer => "long",
            Self::Double => "double",
            Self::Boolean => "boolean",
            Self::Text => "string",
        }
    }
}

/// One column of attributes: its name and the value type every present value fits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Column {
    /// The attribute's name.
    pub name: String,
    /// The narrowest type that holds every value.
    pub kind: ColumnKind,
}

/// The value type of a column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnKind {
    /// Whole numbers.
    Integer,
    /// Numbers.
    Double,
    /// true or false.
    Boolean,
    /// Anything else, as text.
    Text,
}

/// The columns of a table of attribute lists: the carried ones first, in `carried`
/// order, then the element's own attributes in name order.
pub fn columns<'a>(rows: impl Iterator<Item = &'a [(String, Value)]>) -> Vec<Column> {
    let mut order: Vec<String> = Vec::new();
    let mut kinds: std::collections::BTreeMap<String, Option<ColumnKind>> =
        std::collections::BTreeMap::new();
    for row in rows {
        for (name, value) in row {
            let kind = match value {
                Value::Bool(_) => ColumnKind::Boolean,
                Value::Number(number) if number.is_i64() || number.is_u64() => ColumnKind::Integer,
                Value::Number(_) => ColumnKind::Double,
                _ => ColumnKind::Text,
            };
            let slot = kinds.entry(name.clone()).or_insert_with(|| {
                order.push(name.clone());
                None
            });
            *slot = Some(match (*slot, kind) {
                (None, kind) => kind,
                (Some(a), b) if a == b => a,
                (Some(ColumnKind::Integer), ColumnKind::Double)
                | (Some(ColumnKind::Double), ColumnKind::Integer) => ColumnKind::Double,
                _ => ColumnKind::Text,
            });
        }
    }
    let (mut carried, mut own): (Vec<String>, Vec<String>) =
        order.into_iter().partition(|name| name.starts_with("bc_"));
    own.sort();
    let field_order = |name: &String| {
        let field = name.trim_start_matches("bc_");
        NODE_FIELDS
            .iter()
            .chain(EDGE_FIELDS)
            .position(|known| *known == field)
            .unwrap_or(usize::MAX)
    };
    carried.sort_by_key(field_order);
    carried.append(&mut own);
    carried
        .into_iter()
        .map(|name| Column {
            kind: kinds
                .get(&name)
                .copied()
                .flatten()
                .unwrap_or(ColumnKind::Text),
            name,
        })
        .collect()
}

/// A node's attribute row: carried fields, then its own attributes.
pub fn node_row(node: &Node) -> Vec<(String, Value)> {
    let mut row = node_carried(node);
    row.extend(
        node.attributes
            .iter()
            .map(|(name, value)| (name.clone(), value.clone())),
    );
    row
}

/// An edge's attribute row: carried fields, then its own attributes.
pub fn edge_row(edge: &Edge) -> Vec<(String, Value)> {
    let mut row = edge_carried(edge);
    row.extend(
        edge.attributes
            .iter()
            .map(|(name, value)| (name.clone(), value.clone())),
    );
    row
}

/// The value of `name` in a row.
pub fn row_value<'a>(row: &'a [(String, Value)], name: &str) -> Option<&'a Value> {
    row.iter()
        .find(|(column, _)| column == name)
        .map(|(_, value)| value)
}

/// A JSON object of the dataset record, for formats that hold JSON natively.
pub fn dataset_object(model: &Model) -> Map<String, Value> {
    match dataset_record(model) {
        Value::Object(object) => object,
        _ => Map::new(),
    }
}
