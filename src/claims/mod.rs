//! Claims read as claims, not only as edges: who said them (`attribution`), reports that
//! contradict each other (`conflicts`, about meetings in `meetings`), the figures quotes give (`figures`), positions
//! over time (`positions`), and event data for political scientists (`events`). No GUI.

pub mod attribution;
pub mod conflicts;
pub mod events;
pub mod figures;
mod meetings;
pub mod positions;

pub use conflicts::{Conflict, ConflictKind, Quote, Report, find_conflicts};
