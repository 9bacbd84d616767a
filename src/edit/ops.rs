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

/// One change to a dataset.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case", deny_unknown_fields)]
pub enum EditOp {
    /// Add a node.
    AddNode(NewNode),
    /// Add a relation.
    AddEdge(NewEdge),
    /// Add evidence to a node or an edge.
    AddEvidence {
        /// The node or edge.
        id: String,
        /// The passages.
        evidence: Vec<EvidenceSpec>,
        /// The researcher's note.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        note: Option<String>,
    },
    /// Remove one evidence record of a node or an edge, by its 0-based index.
    RemoveEvidence {
        /// The node or edge.
        id: String,
        /// Which record, 0-based as the details panel lists them.
        index: usize,
        /// The researcher's note.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        note: Option<String>,
    },
    /// Set fields of a node or an edge; `null` clears an optional field.
    Update {
        /// The node or edge.
        id: String,
        /// Field names and their new values.
        set: Map<String, Value>,
        /// The researcher's note.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        note: Option<String>,
    },
    /// Merge nodes that are one actor into one of them.
    Merge {
        /// The node that stays.
        into: String,
        /// The nodes merged into it.
        from: Vec<String>,
        /// The researcher's note.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        note: Option<String>,
    },
    /// Delete a node (with its relations) or a relation.
    Delete {
        /// The node or edge; a node when both have the id.
        id: String,
        /// The researcher's note.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        note: Option<String>,
    },
    /// Accept or reject an extracted element.
    Review {
        /// The node or edge.
        id: String,
        /// accept or reject.
        verdict: Verdict,
        /// The researcher's note.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        note: Option<String>,
    },
    /// Add an article that evidence can quote.
    AddArticle(NewArticle),
}

impl EditOp {
    /// The operation's name in the format (`add_node`, …).
    pub fn name(&self) -> &'static str {
        match self {
            Self::AddNode(_) => "add_node",
            Self::AddEdge(_) => "add_edge",
            Self::AddEvidence { .. } => "add_evidence",
            Self::RemoveEvidence { .. } => "remove_evidence",
            Self::Update { .. } => "update",
            Self::Merge { .. } => "merge",
            Self::Delete { .. } => "delete",
            Self::Review { .. } => "review",
            Self::AddArticle(_) => "add_article",
        }
    }

    /// The researcher's note, if the operation has one.
    pub fn note(&self) -> Option<&str> {
        match self {
            Self::AddNode(node) => node.note.as_deref(),
            Self::AddEdge(edge) => edge.note.as_deref(),
            Self::AddArticle(article) => article.note.as_deref(),
            Self::AddEvidence { note, .. }
            | Self::RemoveEvidence { note, .. }
            | Self::Update { note, .. }
            | Self::Merge { note, .. }
            | Self::Delete { note, .. }
            | Self::Review { note, .. } => note.as_deref(),
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
