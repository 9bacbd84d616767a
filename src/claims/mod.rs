//! Claims read as claims, not only as edges: who said them (`attribution`), reports that
//! contradict each other (`conflicts`), the figures quotes give (`figures`), and event
//! data for political scientists (`events`). No GUI.

pub mod attribution;
pub mod conflicts;
pub mod events;
pub mod figures;

pub use conflicts::{Conflict, ConflictKind, Quote, Report, find_conflicts};
