//! Backchannel's integration tests, one binary with a module per area (as ripgrep's
//! `tests/integration.rs`): each module links the library and egui once instead of once
//! per file. Run one area with `cargo test --test it AREA::`, e.g. `cargo test --test it
//! ingest::`.
//!
//! Test helpers may unwrap: a failing fixture is a failing test.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod analysis;
mod architecture;
mod canvas_ui;
mod claims;
mod cli;
mod common;
mod edit_ui;
mod explore_ui;
mod far_view;
mod hostile;
mod import_ui;
mod ingest;
mod ingest_attendance;
mod ingest_delegations;
mod ingest_facilitators;
mod ingest_factions;
mod ingest_groups;
mod ingest_hosts;
mod ingest_ministers;
mod ingest_parties;
mod ingest_signings;
mod ingest_state_visits;
mod ingest_trade_talks;
mod ingest_venues;
mod interchange;
mod labels_ui;
mod layout_quality;
mod panels;
mod positions;
mod render;
mod schema;
mod seed;
mod streamed;
mod timeline_ui;
mod ui;
mod validation;
