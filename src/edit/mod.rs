//! Editing a dataset: the operations a researcher makes (add a node or a relation,
//! attach evidence, update, merge, delete, review what `ingest` found, add an article),
//! each checked as a file's records are checked and each undoable exactly.
//!
//! No GUI here: the window, `backchannel edit` and the crash journal all speak
//! [`EditOp`], and [`apply`] is the one place an operation changes a [`Model`]. The
//! format is documented in `docs/editing.md`.

mod apply;
mod change;
mod evidence;
mod merge;
mod ops;
#[cfg(test)]
mod tests;

use std::path::Path;

pub use apply::{article_file_name, deletion_reach};
pub use change::{Change, ChangeSet};
pub use evidence::spec_at;
pub use ops::{
    AddEvidence, Delete, EDGE_UPDATE_FIELDS, EditOp, EvidenceSpec, Merge, NODE_UPDATE_FIELDS,
    NewArticle, NewEdge, NewNode, OP_NAMES, RemoveEvidence, Review, Update, Verdict,
};

use crate::model::Model;

/// Why an operation was refused. The model is left as it was.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum EditError {
    /// No node or edge has the id.
    #[error("no node or edge has id \"{0}\"")]
    UnknownId(String),
    /// No node has the id.
    #[error("no node has id \"{0}\"")]
    UnknownNode(String),
    /// No article has the id.
    #[error("no article has id \"{0}\"")]
    UnknownArticle(String),
    /// The id is taken.
    #[error("the id \"{0}\" is already taken")]
    TakenId(String),
    /// The quote is empty.
    #[error("the quote is empty")]
    EmptyQuote,
    /// The quote is not in the article.
    #[error("the quote \"{quote}\" is nowhere in article \"{article}\"")]
    QuoteNotFound {
        /// The article.
        article: String,
        /// The quote, cut short.
        quote: String,
    },
    /// The quote occurs more than once and no occurrence was given.
    #[error(
        "the quote \"{quote}\" occurs {count} times in article \"{article}\"; say which with \"occurrence\" (1 to {count})"
    )]
    AmbiguousQuote {
        /// The article.
        article: String,
        /// The quote, cut short.
        quote: String,
        /// How many times it occurs.
        count: usize,
    },
    /// The occurrence asked for does not exist.
    #[error(
        "occurrence {occurrence} of \"{quote}\" was asked for, but article \"{article}\" has {count}"
    )]
    NoSuchOccurrence {
        /// The article.
        article: String,
        /// The quote, cut short.
        quote: String,
        /// The occurrence asked for.
        occurrence: usize,
        /// How many there are.
        count: usize,
    },
    /// The element already cites this passage.
    #[error("\"{id}\" already cites this passage of article \"{article}\"")]
    DuplicateEvidence {
        /// The node or edge.
        id: String,
        /// The article.
        article: String,
    },
    /// No evidence record has that index.
    #[error("\"{id}\" has {count} evidence record(s); there is no record {index} (0-based)")]
    NoSuchEvidence {
        /// The node or edge.
        id: String,
        /// The index asked for.
        index: usize,
        /// How many it has.
        count: usize,
    },
    /// A field that `update` cannot set.
    #[error("\"{field}\" cannot be set on {what} \"{id}\"; these can: {allowed}")]
    FieldNotSettable {
        /// The field.
        field: String,
        /// "node" or "edge".
        what: &'static str,
        /// The element.
        id: String,
        /// The settable fields.
        allowed: String,
    },
    /// A field's value has the wrong type.
    #[error("{0}")]
    WrongValue(String),
    /// The element would not be valid (a file holding it would not open).
    #[error("{0}")]
    Invalid(String),
    /// The relation is already there.
    #[error(
        "relation \"{0}\" already says this (same source, relation, target, modality and attribution); add the quote to it as evidence instead"
    )]
    SameRelation(String),
    /// A merge that makes no sense.
    #[error("{0}")]
    BadMerge(String),
    /// Only extracted elements are reviewed.
    #[error("\"{0}\" was added by hand; only extracted elements are reviewed")]
    NotExtracted(String),
    /// An article file that cannot be used.
    #[error("cannot add article from {path}: {reason}")]
    ArticleFile {
        /// The file.
        path: String,
        /// Why.
        reason: String,
    },
}

/// An operation of a list that was refused, named by its number (1-based).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{}", self.describe())]
pub struct OpError {
    /// Its number in the list, from 1.
    pub number: usize,
    /// The operation's name, or `?` when it could not be read.
    pub name: String,
    /// What is wrong.
    pub error: EditError,
}

impl OpError {
    fn describe(&self) -> String {
        if self.number == 0 {
            self.error.to_string()
        } else {
            format!("operation {} ({}): {}", self.number, self.name, self.error)
        }
    }
}

/// When and from where an operation is applied: the time its audit record gets, and
/// the folder that an added article's path is relative to.
#[derive(Debug, Clone)]
pub struct Stamp<'a> {
    /// RFC 3339 UTC time.
    pub at: String,
    /// The folder relative paths are read from.
    pub folder: &'a Path,
}

impl<'a> Stamp<'a> {
    /// Now, reading relative paths from `folder`.
    pub fn now(folder: &'a Path) -> Self {
        Self {
            at: now_rfc3339(),
            folder,
        }
    }
}

/// The current time, RFC 3339 UTC to the second.
pub fn now_rfc3339() -> String {
    humantime::format_rfc3339_seconds(std::time::SystemTime::now()).to_string()
}

/// Applies one operation to `model`; on success the model holds it and the change set
/// undoes it, on failure the model is as it was. An `add_article` op comes back with the
/// file's text in it (`resolved`), so the journal can replay it without the file.
pub fn apply(
    model: &mut Model,
    op: &mut EditOp,
    stamp: &Stamp<'_>,
) -> Result<ChangeSet, EditError> {
    apply::apply(model, op, stamp)
}

/// Applies operations in order, all or nothing: on the first refusal every earlier one
/// is undone and the refusal names the operation by its number.
pub fn apply_all(
    model: &mut Model,
    ops: &mut [EditOp],
    stamp: &Stamp<'_>,
) -> Result<Vec<ChangeSet>, OpError> {
    let mut done: Vec<ChangeSet> = Vec::with_capacity(ops.len());
    for (index, op) in ops.iter_mut().enumerate() {
        match apply(model, op, stamp) {
            Ok(set) => done.push(set),
            Err(error) => {
                for set in done.iter().rev() {
                    set.undo(model);
                }
                return Err(OpError {
                    number: index + 1,
                    name: op.name().to_owned(),
                    error,
                });
            }
        }
    }
    Ok(done)
}

/// Reads an operations file: a JSON array of operations. A refusal names the operation
/// by its number and, for a wrong field, the field.
pub fn parse_ops(text: &str) -> Result<Vec<EditOp>, OpError> {
    let unreadable = |number: usize, message: String| OpError {
        number,
        name: "?".to_owned(),
        error: EditError::WrongValue(message),
    };
    let values: Vec<serde_json::Value> = serde_json::from_str(text).map_err(|error| {
        unreadable(
            0,
            format!("the operations are not a JSON array of objects: {error}"),
        )
    })?;
    values
        .into_iter()
        .enumerate()
        .map(|(index, value)| {
            let name = value
                .get("op")
                .and_then(serde_json::Value::as_str)
                .unwrap_or("?")
                .to_owned();
            ops::read_op(value).map_err(|message| OpError {
                number: index + 1,
                name,
                error: EditError::WrongValue(message),
            })
        })
        .collect()
}
