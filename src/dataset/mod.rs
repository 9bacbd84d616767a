//! Dataset files: the versioned `backchannel/1` JSON format, read, checked and turned
//! into a [`Model`](crate::model::Model).
//!
//! Loading is parse, then validate, then model. It never panics; every problem found is
//! returned, each naming the file, the JSON path or line:column, and what is wrong.

mod anchor;
mod audit;
mod batches;
mod element;
mod problem;
mod read;
mod records;
pub mod schema;
mod seed;
mod store;
mod synthetic;
mod validate;

use std::sync::Arc;

pub use anchor::{Anchoring, anchor_dataset, anchor_quote, context_of};
pub use audit::raw_audit;
pub use element::{check_edge_record, check_node_record};
pub use problem::{Location, Problem, ProblemKind, Problems, Severity};
pub(crate) use records::abbreviate;
pub use records::sha256_hex;
pub use seed::{SEED_ARTICLES, SEED_DATASET, SEED_LABEL, seed_store};
pub use store::{ArticlePathError, ArticleStore, EmbeddedStore, FolderStore};
pub use synthetic::synthetic_dataset;
pub use validate::{Elements, Evidenced, Given, validate, validate_elements, validate_value};

use crate::model::Model;

/// The largest file read by default, in bytes; larger files are refused before reading.
pub const MAX_DATASET_BYTES: u64 = 512 * 1024 * 1024;

/// The environment variable that sets another limit, in bytes.
pub const MAX_FILE_BYTES_VARIABLE: &str = "BACKCHANNEL_MAX_FILE_BYTES";

/// The largest file Backchannel reads: `BACKCHANNEL_MAX_FILE_BYTES` when it holds a whole
/// number of bytes, else [`MAX_DATASET_BYTES`]. It bounds memory: every file is checked
/// against it before it is read.
pub fn max_file_bytes() -> u64 {
    std::env::var(MAX_FILE_BYTES_VARIABLE)
        .ok()
        .and_then(|value| value.trim().parse().ok())
        .unwrap_or(MAX_DATASET_BYTES)
}

/// A dataset that loaded, with the warnings found on the way.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The checked model, shared with the workers that read it (a figure being built);
    /// an edit copies it only while such a worker still holds it (`Arc::make_mut`).
    pub model: Arc<Model>,
    /// Problems that did not stop the load (moved quotes, hash mismatches).
    pub warnings: Vec<Problem>,
    /// The file as the user named it, or the built-in seed's label.
    pub file: String,
}

/// A dataset that did not load: every problem found, errors and warnings.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{file} cannot be opened: {} error(s)", self.error_count())]
pub struct LoadError {
    /// The file as the user named it.
    pub file: String,
    /// Every problem, in the order found.
    pub problems: Vec<Problem>,
}

impl LoadError {
    /// The problems that are errors, in the order found.
    pub fn into_errors(self) -> Vec<Problem> {
        self.problems
            .into_iter()
            .filter(|problem| problem.severity == Severity::Error)
            .collect()
    }

    /// How many of the problems are errors.
    pub fn error_count(&self) -> usize {
        self.problems
            .iter()
            .filter(|problem| problem.severity == Severity::Error)
            .count()
    }
}

/// Loads a dataset from `bytes`, naming it `file` in problems; article paths resolve
/// through `store`.
pub fn load_bytes(file: &str, bytes: &[u8], store: &dyn ArticleStore) -> Result<Loaded, LoadError> {
    let mut problems = Problems::new(file);
    match validate(bytes, store, &mut problems) {
        Some(model) => Ok(Loaded {
            model: Arc::new(model),
            warnings: problems.into_vec(),
            file: file.to_owned(),
        }),
        None => Err(LoadError {
            file: file.to_owned(),
            problems: problems.into_vec(),
        }),
    }
}

/// Loads the seed dataset built into the binary.
pub fn load_seed() -> Result<Loaded, LoadError> {
    load_bytes(SEED_LABEL, SEED_DATASET.as_bytes(), &seed_store())
}
