//! Node positions, computed without any GUI: a multilevel force layout that settles and
//! then stops, rule-based layouts (circle, columns, timeline), label overlap removal, and
//! the figures that say how much of a graph's shape a drawing shows.

mod arrange;
mod barnes_hut;
mod multilevel;
mod overlap;
pub mod quality;
pub mod sample;
mod worker;

pub use arrange::{circular, columns, day_number};
pub use barnes_hut::QuadTree;
pub use multilevel::{
    Adjacency, CirclePacker, ForceLayout, ForceSettings, Progress, median_edge_length,
};
pub use overlap::{Axes, Separation, remove_overlaps};
pub use worker::{LayoutWorker, Snapshot};
