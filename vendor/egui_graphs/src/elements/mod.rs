mod edge;
mod node;

pub use edge::{Edge, EdgeProps};
pub use node::{Node, NodeProps};
