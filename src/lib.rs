//! Backchannel: a desktop knowledge-graph explorer for diplomatic negotiations, in which
//! every node and every edge is backed by the exact article sentences that support it.
//!
//! Data flows one way: file -> [`dataset`] (checked) -> [`model`] -> [`graph`] ->
//! [`layout`] -> [`ui`] or [`export`]. The [`cli`] runs the same pipeline with no window.

pub mod atomic;
pub mod background;
pub mod claims;
pub mod cli;
pub mod dataset;
pub mod document;
pub mod edit;
pub mod export;
pub mod graph;
pub mod ingest;
pub mod interchange;
pub mod layout;
pub mod model;
pub(crate) mod parallel;
#[cfg(feature = "gui")]
pub mod ui;
pub mod view;
