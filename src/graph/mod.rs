//! Which edges touch each node ([`NegotiationGraph`], with neighbours and degree), and
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

use crate::model::Model;

/// Which edges touch each node of a [`Model`]: a compact incidence list (each edge
/// listed under its source and its target, a self-loop twice), four bytes an entry, for
/// the details panel's relations and degree. Nodes and edges are model positions, so a
/// node is found by id through the model's own index.
#[derive(Debug, Clone, Default)]
pub struct NegotiationGraph {
    /// Where each node's entries begin in `incident`; one more than there are nodes.
    offsets: Vec<u32>,
    /// Edge positions, grouped by node.
    incident: Vec<u32>,
    edge_count: usize,
}

impl NegotiationGraph {
    /// Builds the incidence list of `model`. Edges whose ends are missing (impossible in
    /// a validated model) are left out.
    ///
    /// Complexity: O(nodes + edges).
    pub fn new(model: &Model) -> Self {
        let ends = || {
            (0..model.edges.len())
                .filter_map(|edge| Some((edge, model.edge_ends(edge)?)))
                .filter(|&(edge, (source, target))| {
                    u32::try_from(edge).is_ok()
                        && source < model.nodes.len()
                        && target < model.nodes.len()
                })
        };
        let mut counts = vec![0u32; model.nodes.len() + 1];
        let mut edge_count = 0;
        for (_, (source, target)) in ends() {
            edge_count += 1;
            for end in [source, target] {
                if let Some(count) = counts.get_mut(end + 1) {
                    *count += 1;
                }
            }
        }
        for node in 1..counts.len() {
            let before = counts.get(node - 1).copied().unwrap_or(0);
            if let Some(count) = counts.get_mut(node) {
                *count += before;
            }
        }
        let offsets = counts;
        let mut next: Vec<u32> = offsets.clone();
        let mut incident = vec![0u32; offsets.last().copied().unwrap_or(0) as usize];
        for (edge, (source, target)) in ends() {
            for end in [source, target] {
                if let Some(slot) = next.get_mut(end) {
                    if let Some(entry) = incident.get_mut(*slot as usize) {
                        // Checked to fit when the ends were listed.
                        *entry = edge as u32;
                    }
                    *slot += 1;
                }
            }
        }
        Self {
            offsets,
            incident,
            edge_count,
        }
    }

    /// Number of nodes.
    pub fn node_count(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }

    /// Number of edges.
    pub fn edge_count(&self) -> usize {
        self.edge_count
    }

    /// The positions of the edges touching the node at `node` (a self-loop twice).
    fn incident(&self, node: usize) -> &[u32] {
        let start = self.offsets.get(node).copied().unwrap_or(0) as usize;
        let end = self.offsets.get(node + 1).copied().unwrap_or(0) as usize;
        self.incident.get(start..end).unwrap_or(&[])
    }

    /// The model position of the node of `model` (the model the list was built from)
    /// with this id.
    fn position(&self, model: &Model, id: &str) -> Option<usize> {
        model
            .node_position(id)
            .filter(|&position| position < self.node_count())
    }

    /// Edges in and out of the node of `model` with this id (self-loops count twice), or
    /// `None` for an unknown id.
    pub fn degree(&self, model: &Model, id: &str) -> Option<usize> {
        Some(self.incident(self.position(model, id)?).len())
    }

    /// Ids of the nodes joined to this one by an edge in either direction, sorted and
    /// without repeats. Empty for an unknown id.
    pub fn neighbors<'m>(&self, model: &'m Model, id: &str) -> Vec<&'m str> {
        let Some(node) = self.position(model, id) else {
            return Vec::new();
        };
        let mut ids: Vec<&str> = self
            .incident(node)
            .iter()
            .filter_map(|&edge| model.edge_ends(edge as usize))
            .map(|(source, target)| if source == node { target } else { source })
            .filter_map(|position| model.nodes.get(position))
            .map(|node| node.id.as_str())
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    }

    /// Positions in `model.edges` of the edges touching this node, sorted by edge id.
    pub fn incident_edges(&self, model: &Model, id: &str) -> Vec<usize> {
        let Some(node) = self.position(model, id) else {
            return Vec::new();
        };
        let mut positions: Vec<usize> = self
            .incident(node)
            .iter()
            .map(|&edge| edge as usize)
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
