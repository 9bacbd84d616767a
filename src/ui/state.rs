//! View state that lives only while the app runs: the open document and what is selected.

use crate::dataset::{Loaded, Problem};
use crate::graph::NegotiationGraph;

use super::graph_view::GraphCanvas;

/// What the user has selected.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Selection {
    /// A node, by id.
    Node(String),
    /// An edge, by id.
    Edge(String),
}

/// An open dataset: its model, its graph and the canvas that shows it.
pub struct Document {
    /// The loaded dataset and its warnings.
    pub loaded: Loaded,
    /// The model's graph.
    pub graph: NegotiationGraph,
    /// The interactive view.
    pub canvas: GraphCanvas,
}

impl Document {
    /// Builds the graph and canvas of a loaded dataset.
    pub fn new(loaded: Loaded, generation: u64) -> Self {
        let graph = NegotiationGraph::new(&loaded.model);
        let canvas = GraphCanvas::new(&loaded.model, &graph, generation);
        Self {
            loaded,
            graph,
            canvas,
        }
    }

    /// The warnings of the load.
    pub fn warnings(&self) -> &[Problem] {
        &self.loaded.warnings
    }
}

/// The article reader: which article, which span to highlight, whether to scroll to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReaderState {
    /// The article shown.
    pub article_id: String,
    /// Char offset where the highlight begins.
    pub start: usize,
    /// Char offset where the highlight ends.
    pub end: usize,
    /// Scroll the highlight into view on the next frame.
    pub scroll_pending: bool,
}
