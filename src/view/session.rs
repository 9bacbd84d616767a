//! Sessions: what a user saw of a dataset (positions, pins, filters, layout, selection,
//! zoom), saved per dataset file and restored when it is opened again. A dataset that
//! changed since keeps what still applies.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::{LayoutKind, ViewFilter};
use crate::graph::Measure;
use crate::model::Model;

/// The `format` of session files.
pub const SESSION_FORMAT: &str = "backchannel-session/1";

/// A node's saved place.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct SavedNode {
    /// Canvas x.
    pub x: f32,
    /// Canvas y.
    pub y: f32,
    /// Whether the user pinned it.
    #[serde(default)]
    pub pinned: bool,
}

/// What the user has selected: in the window, in a document, and in a saved session
/// (`{"node": ID}` or `{"edge": ID}`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Selection {
    /// A node, by id.
    Node(String),
    /// An edge, by id.
    Edge(String),
}

/// One dataset's saved view.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Session {
    /// Always [`SESSION_FORMAT`].
    pub format: String,
    /// The dataset file the session belongs to.
    pub dataset: String,
    /// Node places by node id, sorted.
    #[serde(default)]
    pub nodes: BTreeMap<String, SavedNode>,
    /// The filters and focus.
    #[serde(default)]
    pub filter: ViewFilter,
    /// The layout.
    #[serde(default)]
    pub layout: LayoutKind,
    /// The measure nodes are sized by.
    #[serde(default)]
    pub size_by: Option<Measure>,
    /// What nodes are coloured by; `None` in sessions from before colouring.
    #[serde(default)]
    pub colour_by: Option<crate::view::colouring::ColourBy>,
    /// What node labels say; `None` in sessions from before it could be chosen.
    #[serde(default)]
    pub label_by: Option<crate::view::label_by::LabelBy>,
    /// What edges are coloured by; `None` in sessions from before it could be chosen.
    #[serde(default)]
    pub edge_colour_by: Option<crate::view::edge_colour::EdgeColourBy>,
    /// The selection.
    #[serde(default)]
    pub selection: Option<Selection>,
    /// Zoom and pan of the canvas.
    #[serde(default)]
    pub zoom_and_pan: Option<(f32, [f32; 2])>,
}

/// Why a session could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum SessionError {
    /// Reading or writing failed.
    #[error("session file {path}: {source}")]
    Io {
        /// The session file.
        path: String,
        /// The reason.
        source: std::io::Error,
    },
    /// The file is not a session.
    #[error("session file {path}:{line}:{column}: {message}")]
    Malformed {
        /// The session file.
        path: String,
        /// Line, from 1.
        line: usize,
        /// Column, from 1.
        column: usize,
        /// What is wrong.
        message: String,
    },
}

impl Session {
    /// Keeps only what applies to `model`: places and selection of nodes and edges that
    /// exist, filters on articles that exist, a focus on a node that exists.
    pub fn applicable_to(mut self, model: &Model) -> Self {
        self.nodes.retain(|id, node| {
            model.node(id).is_some() && node.x.is_finite() && node.y.is_finite()
        });
        self.filter
            .articles
            .retain(|id| model.article(id).is_some());
        if self
            .filter
            .focus
            .as_ref()
            .is_some_and(|focus| model.node(&focus.node).is_none())
        {
            self.filter.focus = None;
        }
        if let Some(focus) = &mut self.filter.focus {
            focus.hops = focus.hops.clamp(1, 3);
        }
        let selection_exists = match &self.selection {
            Some(Selection::Node(id)) => model.node(id).is_some(),
            Some(Selection::Edge(id)) => model.edge(id).is_some(),
            None => true,
        };
        if !selection_exists {
            self.selection = None;
        }
        self
    }

    /// Reads a session file; `Ok(None)` when there is none.
    pub fn load(path: &Path) -> Result<Option<Self>, SessionError> {
        let bytes = match std::fs::read(path) {
            Ok(bytes) => bytes,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(source) => {
                return Err(SessionError::Io {
                    path: path.display().to_string(),
                    source,
                });
            }
        };
        Self::from_bytes(&path.display().to_string(), &bytes).map(Some)
    }

    /// Reads a session from the bytes of the file `name`.
    pub fn from_bytes(name: &str, bytes: &[u8]) -> Result<Self, SessionError> {
        let session: Session =
            serde_json::from_slice(bytes).map_err(|error| SessionError::Malformed {
                path: name.to_owned(),
                line: error.line().max(1),
                column: error.column().max(1),
                message: error.to_string(),
            })?;
        if session.format != SESSION_FORMAT {
            return Err(SessionError::Malformed {
                path: name.to_owned(),
                line: 1,
                column: 1,
                message: format!("unknown session format \"{}\"", session.format),
            });
        }
        Ok(session)
    }

    /// Writes the session atomically.
    pub fn save(&self, path: &Path) -> Result<(), SessionError> {
        let io = |source| SessionError::Io {
            path: path.display().to_string(),
            source,
        };
        let json =
            serde_json::to_vec_pretty(self).map_err(|error| io(std::io::Error::other(error)))?;
        crate::atomic::write_atomically(path, &json).map_err(io)
    }
}

/// Where the session of `dataset` is kept in `folder`: a file named by the sha256 of the
/// dataset's absolute path.
pub fn session_path(folder: &Path, dataset: &str) -> PathBuf {
    let absolute = std::path::absolute(dataset)
        .map_or_else(|_| dataset.to_owned(), |path| path.display().to_string());
    let digest = crate::dataset::sha256_hex(absolute.as_bytes());
    folder.join(format!("{}.json", digest.get(..32).unwrap_or(&digest)))
}
