//! Node positions, computed without any GUI: a force-directed layout that settles and
//! then stops, rule-based layouts (circle, columns, timeline), and label overlap removal.

mod arrange;
mod barnes_hut;
mod force;
mod worker;

pub use arrange::{circular, columns, day_number, timeline};
pub use barnes_hut::QuadTree;
pub use force::{ForceLayout, ForceSettings};
pub use worker::{LayoutWorker, Snapshot};
