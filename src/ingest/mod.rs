//! Building a dataset from raw articles, offline and deterministically: sentences,
//! entities from a lexicon and from titles, meetings, relations, each anchored in the
//! exact sentence it came from, with a confidence and the extractor's name.
//!
//! Stages, one module each: [`sentences`] → [`mentions`] (two passes: people found after
//! titles in any article are then found by name everywhere) → [`meetings`] and
//! [`relations`] per sentence (with [`cues`] and [`dates`]) → a `backchannel/1` dataset
//! ([`build`]); [`merge`] adds one to an existing dataset.

mod assemble;
pub mod build;
pub mod communities;
pub mod cues;
pub mod dates;
pub mod evaluate;
pub mod files;
pub mod lexicon;
pub mod matcher;
pub mod meetings;
pub mod mentions;
pub mod merge;
pub mod organisations;
pub mod outlets;
pub mod people;
pub mod places;
pub mod references;
pub mod relations;
pub mod sentences;
pub mod sides;
pub mod things;
pub mod tokens;
pub mod untitled;

pub use build::{Ingested, SourceArticle, ingest};
pub use files::{article_files, read_articles};
pub use lexicon::{Lexicon, LexiconError};
pub use merge::{MergeReport, merge_into};

/// The extractor's name and version, recorded on every evidence record it writes.
pub const EXTRACTOR: &str = concat!("backchannel-ingest/", env!("CARGO_PKG_VERSION"));

/// Why an ingest stopped.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IngestError {
    /// The user cancelled it.
    #[error("cancelled")]
    Cancelled,
    /// No article was given.
    #[error("no articles to read")]
    NoArticles,
}
