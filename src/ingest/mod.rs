//! Building a dataset from raw articles, offline and deterministically: sentences,
//! entities from a lexicon and from titles, meetings, relations, each with exact spans.

pub mod dates;
pub mod lexicon;
pub mod sentences;
