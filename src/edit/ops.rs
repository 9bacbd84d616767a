//! The edit operations as the `--ops` file, the window and the journal write them.
//! Documented in `docs/editing.md`; schema in `assets/backchannel-edit-1.schema.json`.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// A passage of an article given as evidence: the article and the exact quote, with
/// which occurrence (1-based) when the quote occurs more than once. Offsets and context
/// are computed, never typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EvidenceSpec {
    /// The article's id.
    pub article: String,
    /// The exact text quoted.
    pub quote: String,
    /// Which occurrence of the quote, 1-based; needed only when it occurs more than once.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub occurrence: Option<usize>,
}

/// A researcher's verdict on an extracted element.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// It is right: it becomes reviewed, and stays.
    Accept,
    /// It is wrong: it is removed (a node with its relations).
    Reject,
}

/// A new node.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewNode {
    /// Its id; made from the label when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// actor, mediator, meeting, demand (or entity).
    pub kind: String,
    /// The name shown.
    pub label: String,
    /// Other names.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Finer classification.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subtype: Option<String>,
    /// The id of the node it belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub affiliation: Option<String>,
    /// Meetings: where.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// Meetings: when (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`, as precisely as known).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Meetings: held, planned, reported or denied.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// Evidence, at least one passage for every typed node.
    #[serde(default)]
    pub evidence: Vec<EvidenceSpec>,
    /// The researcher's note, kept in the audit trail.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A new relation.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewEdge {
    /// Its id; made from source, relation and target when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The node that acts.
    pub source: String,
    /// One of the relation vocabulary.
    pub relation: String,
    /// The node acted on.
    pub target: String,
    /// asserted (the default), expected, denied or hypothetical.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modality: Option<String>,
    /// Who said so.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attributed_to: Option<String>,
    /// When.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Evidence, at least one passage for every typed relation.
    #[serde(default)]
    pub evidence: Vec<EvidenceSpec>,
    /// The researcher's note, kept in the audit trail.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A new article.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewArticle {
    /// Its id, unique among articles.
    pub id: String,
    /// A UTF-8 plain-text file, relative to the operations file (or absolute). Saving
    /// copies it beside the dataset, under its file name.
    pub path: String,
    /// Headline.
    pub title: String,
    /// Publication or agency.
    pub outlet: String,
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub published: String,
    /// Where it was published online.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The file's text, once read: the journal keeps it, so that restoring does not
    /// depend on the file still being there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// The researcher's note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Evidence added to a node or an edge.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AddEvidence {
    /// The node or edge.
    pub id: String,
    /// The passages.
    pub evidence: Vec<EvidenceSpec>,
    /// The researcher's note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// One evidence record removed, by its 0-based index as the details panel lists them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RemoveEvidence {
    /// The node or edge.
    pub id: String,
    /// Which record, from 0.
    pub index: usize,
    /// The researcher's note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Fields of a node or an edge set; `null` clears an optional field.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Update {
    /// The node or edge.
    pub id: String,
    /// Field names and their new values.
    pub set: Map<String, Value>,
    /// The researcher's note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Nodes that are one actor merged into one of them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Merge {
    /// The node that stays.
    pub into: String,
    /// The nodes merged into it.
    pub from: Vec<String>,
    /// The researcher's note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A node (with its relations) or a relation deleted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Delete {
    /// The node or edge; a node when both have the id.
    pub id: String,
    /// The researcher's note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A verdict on an extracted element.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Review {
    /// The node or edge.
    pub id: String,
    /// accept or reject.
    pub verdict: Verdict,
    /// The researcher's note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// One change to a dataset, as `{"op": "<name>", …fields}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum EditOp {
    /// Add a node.
    AddNode(NewNode),
    /// Add a relation.
    AddEdge(NewEdge),
    /// Add evidence to a node or an edge.
    AddEvidence(AddEvidence),
    /// Remove one evidence record of a node or an edge.
    RemoveEvidence(RemoveEvidence),
    /// Set fields of a node or an edge.
    Update(Update),
    /// Merge nodes that are one actor.
    Merge(Merge),
    /// Delete a node (with its relations) or a relation.
    Delete(Delete),
    /// Accept or reject an extracted element.
    Review(Review),
    /// Add an article that evidence can quote.
    AddArticle(NewArticle),
}

/// The operations' names, as the format spells them.
pub const OP_NAMES: [&str; 9] = [
    "add_node",
    "add_edge",
    "add_evidence",
    "remove_evidence",
    "update",
    "merge",
    "delete",
    "review",
    "add_article",
];

/// Reads one operation from its JSON object; a wrong field is named by its path.
pub(super) fn read_op(value: Value) -> Result<EditOp, String> {
    let Value::Object(mut object) = value else {
        return Err("an operation is a JSON object".to_owned());
    };
    let name = match object.remove("op") {
        Some(Value::String(name)) => name,
        Some(_) => return Err("\"op\" must be a string".to_owned()),
        None => {
            return Err(format!(
                "missing field \"op\"; one of {}",
                OP_NAMES.join(", ")
            ));
        }
    };
    fn read<T: serde::de::DeserializeOwned>(object: Map<String, Value>) -> Result<T, String> {
        serde_path_to_error::deserialize(Value::Object(object)).map_err(|error| {
            let path = error.path().to_string();
            let inner = error.into_inner();
            if path == "." {
                inner.to_string()
            } else {
                format!("at {path}: {inner}")
            }
        })
    }
    match name.as_str() {
        "add_node" => read(object).map(EditOp::AddNode),
        "add_edge" => read(object).map(EditOp::AddEdge),
        "add_evidence" => read(object).map(EditOp::AddEvidence),
        "remove_evidence" => read(object).map(EditOp::RemoveEvidence),
        "update" => read(object).map(EditOp::Update),
        "merge" => read(object).map(EditOp::Merge),
        "delete" => read(object).map(EditOp::Delete),
        "review" => read(object).map(EditOp::Review),
        "add_article" => read(object).map(EditOp::AddArticle),
        other => Err(format!(
            "unknown operation \"{other}\"; expected one of {}",
            OP_NAMES.join(", ")
        )),
    }
}

impl EditOp {
    /// The operation's name in the format (`add_node`, …).
    pub fn name(&self) -> &'static str {
        match self {
            Self::AddNode(_) => "add_node",
            Self::AddEdge(_) => "add_edge",
            Self::AddEvidence(_) => "add_evidence",
            Self::RemoveEvidence(_) => "remove_evidence",
            Self::Update(_) => "update",
            Self::Merge(_) => "merge",
            Self::Delete(_) => "delete",
            Self::Review(_) => "review",
            Self::AddArticle(_) => "add_article",
        }
    }

    /// What it does, in words for the status line: "merged hamas-delegation into hamas".
    pub fn summary(&self) -> String {
        match self {
            Self::AddNode(node) => format!("added node \"{}\"", node.label),
            Self::AddEdge(edge) => format!(
                "added relation {} {} {}",
                edge.source,
                edge.relation.replace('_', " "),
                edge.target
            ),
            Self::AddEvidence(op) => format!("added evidence to {}", op.id),
            Self::RemoveEvidence(op) => {
                format!("removed evidence record {} of {}", op.index + 1, op.id)
            }
            Self::Update(op) => format!(
                "updated {} ({})",
                op.id,
                op.set.keys().cloned().collect::<Vec<_>>().join(", ")
            ),
            Self::Merge(op) => format!("merged {} into {}", op.from.join(", "), op.into),
            Self::Delete(op) => format!("deleted {}", op.id),
            Self::Review(op) => match op.verdict {
                Verdict::Accept => format!("accepted {}", op.id),
                Verdict::Reject => format!("rejected {}", op.id),
            },
            Self::AddArticle(article) => format!("added article {}", article.id),
        }
    }

    /// The researcher's note, if the operation has one.
    pub fn note(&self) -> Option<&str> {
        match self {
            Self::AddNode(node) => node.note.as_deref(),
            Self::AddEdge(edge) => edge.note.as_deref(),
            Self::AddArticle(article) => article.note.as_deref(),
            Self::AddEvidence(op) => op.note.as_deref(),
            Self::RemoveEvidence(op) => op.note.as_deref(),
            Self::Update(op) => op.note.as_deref(),
            Self::Merge(op) => op.note.as_deref(),
            Self::Delete(op) => op.note.as_deref(),
            Self::Review(op) => op.note.as_deref(),
        }
    }
}

/// The node fields `update` sets.
pub const NODE_UPDATE_FIELDS: [&str; 9] = [
    "label",
    "kind",
    "subtype",
    "aliases",
    "affiliation",
    "place",
    "date",
    "status",
    "note",
];

/// The edge fields `update` sets.
pub const EDGE_UPDATE_FIELDS: [&str; 8] = [
    "source",
    "relation",
    "target",
    "modality",
    "attributed_to",
    "date",
    "note",
    "label",
];
