//! The crash journal: every edit appended to a file beside the session as it is made,
//! flushed and synced, so that a crash or a kill loses nothing. The next start replays
//! the unsaved edits on top of the file, but only onto the very file they were made to.
//!
//! The file is JSON lines: a header naming the dataset and the sha256 of its bytes, then
//! one entry per edit, undo or redo of an edit.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::edit::EditOp;

/// The `journal` value of the header.
pub const JOURNAL_FORMAT: &str = "backchannel-journal/1";

/// The first line: which dataset, in which version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JournalHeader {
    /// Always [`JOURNAL_FORMAT`].
    pub journal: String,
    /// The dataset as the user named it (or the seed's label).
    pub dataset: String,
    /// The sha256 of the dataset file's bytes the edits were made on top of.
    pub sha256: String,
}

/// One line after the header.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "entry", rename_all = "snake_case", deny_unknown_fields)]
pub enum JournalEntry {
    /// An edit, with the time its audit record got.
    Do {
        /// RFC 3339 UTC.
        at: String,
        /// The operation, as applied (an added article's text included).
        op: Box<EditOp>,
    },
    /// The last edit was undone.
    Undo,
    /// The last undone edit was redone.
    Redo,
}

/// Edits a journal holds that the file lacks.
#[derive(Debug, Clone, PartialEq)]
pub struct Pending {
    /// Where the journal is.
    pub path: PathBuf,
    /// Its header.
    pub header: JournalHeader,
    /// The edits in effect (undone ones left out), oldest first, with their times.
    pub edits: Vec<(String, EditOp)>,
}

/// Why a journal could not be used.
#[derive(Debug, thiserror::Error)]
pub enum JournalError {
    /// Reading or writing it failed.
    #[error("the journal {path} cannot be used: {reason}")]
    Io {
        /// The journal.
        path: String,
        /// Why.
        reason: String,
    },
    /// The dataset file changed on disk since the edits were made.
    #[error(
        "the journal {path} holds {edits} unsaved edit(s) made to a version of {dataset} that has changed on disk since; they were not applied"
    )]
    FileChanged {
        /// The journal.
        path: String,
        /// How many edits it holds.
        edits: usize,
        /// The dataset.
        dataset: String,
    },
    /// Its first line is not a header of this format.
    #[error("{0} is not a Backchannel journal")]
    NotAJournal(String),
}

/// The journal file of a dataset in `folder` (named from the dataset's absolute path).
pub fn journal_path(folder: &Path, dataset: &str) -> PathBuf {
    crate::view::session_path(folder, dataset).with_extension("journal.jsonl")
}

/// A journal open for appending.
#[derive(Debug)]
pub struct Journal {
    path: PathBuf,
    file: std::fs::File,
}

impl Journal {
    /// Starts a journal at `path` with `header`, replacing any there.
    pub fn start(path: &Path, header: &JournalHeader) -> Result<Self, JournalError> {
        let io = |error: std::io::Error| JournalError::Io {
            path: path.display().to_string(),
            reason: error.to_string(),
        };
        let mut line = serde_json::to_string(header).unwrap_or_default();
        line.push('\n');
        crate::atomic::write_atomically(path, line.as_bytes()).map_err(io)?;
        let file = std::fs::OpenOptions::new()
            .append(true)
            .open(path)
            .map_err(io)?;
        Ok(Self {
            path: path.to_path_buf(),
            file,
        })
    }

    /// Appends an entry, flushed and synced before it returns.
    pub fn append(&mut self, entry: &JournalEntry) -> Result<(), JournalError> {
        let mut line = serde_json::to_string(entry).unwrap_or_default();
        line.push('\n');
        let io = |error: std::io::Error| JournalError::Io {
            path: self.path.display().to_string(),
            reason: error.to_string(),
        };
        self.file.write_all(line.as_bytes()).map_err(io)?;
        self.file.flush().map_err(io)?;
        self.file.sync_data().map_err(io)
    }

    /// Where it is.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Removes the journal (the edits are saved, or the user discarded them).
    pub fn remove(self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

/// Reads the journal at `path`: `None` when there is none or it holds no edit in
/// effect. A last line cut short by a crash is left out; any other bad line is an
/// error, so that nothing is replayed half-understood.
pub fn read_pending(path: &Path) -> Result<Option<Pending>, JournalError> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(error) => {
            return Err(JournalError::Io {
                path: path.display().to_string(),
                reason: error.to_string(),
            });
        }
    };
    let mut lines = text.lines();
    let header: JournalHeader = lines
        .next()
        .and_then(|line| serde_json::from_str(line).ok())
        .filter(|header: &JournalHeader| header.journal == JOURNAL_FORMAT)
        .ok_or_else(|| JournalError::NotAJournal(path.display().to_string()))?;
    let lines: Vec<&str> = lines.filter(|line| !line.trim().is_empty()).collect();
    let complete_until = if text.ends_with('\n') {
        lines.len()
    } else {
        lines.len().saturating_sub(1)
    };
    let mut done: Vec<(String, EditOp)> = Vec::new();
    let mut undone: Vec<(String, EditOp)> = Vec::new();
    for (number, line) in lines.iter().enumerate().take(complete_until) {
        let entry: JournalEntry = serde_json::from_str(line).map_err(|error| JournalError::Io {
            path: path.display().to_string(),
            reason: format!("line {}: {error}", number + 2),
        })?;
        match entry {
            JournalEntry::Do { at, op } => {
                done.push((at, *op));
                undone.clear();
            }
            JournalEntry::Undo => undone.extend(done.pop()),
            JournalEntry::Redo => done.extend(undone.pop()),
        }
    }
    if done.is_empty() {
        return Ok(None);
    }
    Ok(Some(Pending {
        path: path.to_path_buf(),
        header,
        edits: done,
    }))
}
