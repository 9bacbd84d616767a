//! The model as a petgraph [`StableGraph`]: nodes and edges carry their position in the
//! model (a node's graph index is its model position), with neighbours and degree; and
//! the graph algorithms (neighbourhoods, shortest paths, centrality), one per file, over
//! [`Adjacency`].
//! Output is sorted.

mod adjacency;
mod betweenness;
mod eigenvector;
mod measure;
mod neighborhood;
mod paths;

pub use adjacency::Adjacency;
pub use betweenness::{
    BetweennessEstimate, BetweennessValues, EXACT_BETWEENNESS_LIMIT, SAMPLED_SOURCES, betweenness,
    betweenness_of_shown,
};
pub use eigenvector::eigenvector;
pub use measure::{Measure, MeasureBasis, MeasureTable, measure_table, ranking};
pub use neighborhood::neighborhood;
pub use paths::shortest_paths;

use petgraph::Direction;
use petgraph::stable_graph::{NodeIndex, StableDiGraph};

use crate::model::Model;

/// A directed multigraph over a [`Model`]: node weights index `model.nodes`, edge weights
/// index `model.edges`. Node `i` of the graph is node `i` of the model, so that a node is
/// found by id through the model's own index: the graph keeps no second copy of the ids.
#[derive(Debug, Clone, Default)]
pub struct NegotiationGraph {
    graph: StableDiGraph<usize, usize>,
}

impl NegotiationGraph {
    /// Builds the graph of `model`. Edges whose ends are missing (impossible in a
    /// validated model) are left out.
    ///
    /// Complexity: O(nodes + edges).
    pub fn new(model: &Model) -> Self {
        let mut graph = StableDiGraph::with_capacity(model.nodes.len(), model.edges.len());
        for position in 0..model.nodes.len() {
            graph.add_node(position);
        }
        for position in 0..model.edges.len() {
            if let Some((source, target)) = model.edge_ends(position) {
                graph.add_edge(NodeIndex::new(source), NodeIndex::new(target), position);
            }
        }
        Self { graph }
    }

    /// The petgraph graph: node weights index `model.nodes`, edge weights `model.edges`.
    pub fn graph(&self) -> &StableDiGraph<usize, usize> {
        &self.graph
    }

    /// The graph index of the node of `model` (the model the graph was built from) with
    /// this id.
    pub fn node_index(&self, model: &Model, id: &str) -> Option<NodeIndex> {
        model
            .node_position(id)
            .map(NodeIndex::new)
            .filter(|&index| self.graph.contains_node(index))
    }

    /// Number of nodes.
    pub fn node_count(&self) -> usize {
        self.graph.node_count()
    }

    /// Number of edges.
    pub fn edge_count(&self) -> usize {
        self.graph.edge_count()
    }

    /// Edges in and out of the node of `model` with this id (self-loops count twice), or
    /// `None` for an unknown id.
    pub fn degree(&self, model: &Model, id: &str) -> Option<usize> {
        let index = self.node_index(model, id)?;
        Some(
            self.graph
                .edges_directed(index, Direction::Outgoing)
                .count()
                + self
                    .graph
                    .edges_directed(index, Direction::Incoming)
                    .count(),
        )
    }

    /// Ids of the nodes joined to this one by an edge in either direction, sorted and
    /// without repeats. Empty for an unknown id.
    pub fn neighbors<'m>(&self, model: &'m Model, id: &str) -> Vec<&'m str> {
        let Some(index) = self.node_index(model, id) else {
            return Vec::new();
        };
        let mut ids: Vec<&str> = self
            .graph
            .neighbors_undirected(index)
            .filter_map(|neighbor| self.graph.node_weight(neighbor))
            .filter_map(|&position| model.nodes.get(position))
            .map(|node| node.id.as_str())
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    }

    /// Positions in `model.edges` of the edges touching this node, sorted by edge id.
    pub fn incident_edges(&self, model: &Model, id: &str) -> Vec<usize> {
        let Some(index) = self.node_index(model, id) else {
            return Vec::new();
        };
        let mut positions: Vec<usize> = self
            .graph
            .edges_directed(index, Direction::Outgoing)
            .chain(self.graph.edges_directed(index, Direction::Incoming))
            .map(|edge| *edge.weight())
            .collect();
        positions.sort_unstable();
        positions.dedup();
        positions.sort_by(|&a, &b| {
            let id_of = |position: usize| model.edges.get(position).map(|edge| edge.id.as_str());
            id_of(a).cmp(&id_of(b))
        });
        positions
    }
}
