//! Claims read as claims, not only as edges: reports that contradict each other
//! (`conflicts`), and the figures quotes give (`figures`). No GUI.

pub mod conflicts;
pub mod figures;

pub use conflicts::{Conflict, ConflictKind, Quote, Report, find_conflicts};
