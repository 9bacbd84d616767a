//! Node positions, computed without any GUI: a force-directed layout that settles and
//! then stops.

mod force;

pub use force::{ForceLayout, ForceSettings};
