//! Undirected adjacency lists over model positions: the input of every graph algorithm.

use crate::model::Model;

/// For each node (by its position in `model.nodes`), its neighbours as `(neighbour,
/// edge position)` pairs, sorted, in either direction. Self-loops are counted but kept
/// out of the lists.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Adjacency {
    neighbours: Vec<Vec<(usize, usize)>>,
    self_loops: Vec<usize>,
    included: Vec<bool>,
}

impl Adjacency {
    /// The adjacency of the nodes and edges for which `include_node` and `include_edge`
    /// hold; an edge is left out when either end is.
    ///
    /// Complexity: O(nodes + edges log edges).
    pub fn new(
        model: &Model,
        include_node: impl Fn(usize) -> bool,
        include_edge: impl Fn(usize) -> bool,
    ) -> Self {
        let count = model.nodes.len();
        let included: Vec<bool> = (0..count).map(&include_node).collect();
        let edges = model
            .edges
            .iter()
            .enumerate()
            .filter(|&(position, _)| include_edge(position))
            .filter_map(|(position, _)| {
                let (source, target) = model.edge_ends(position)?;
                Some((source, target, position))
            });
        Self::build(included, edges)
    }

    /// Adjacency of `included.len()` nodes from `(source, target, edge position)` triples;
    /// triples with an end out of range or not included are left out.
    pub(super) fn build(
        included: Vec<bool>,
        edges: impl Iterator<Item = (usize, usize, usize)>,
    ) -> Self {
        let count = included.len();
        let mut neighbours = vec![Vec::new(); count];
        let mut self_loops = vec![0; count];
        for (source, target, position) in edges {
            if !(included.get(source).copied().unwrap_or(false)
                && included.get(target).copied().unwrap_or(false))
            {
                continue;
            }
            if source == target {
                self_loops[source] += 1;
                continue;
            }
            neighbours[source].push((target, position));
            neighbours[target].push((source, position));
        }
        for list in &mut neighbours {
            list.sort_unstable();
        }
        Self {
            neighbours,
            self_loops,
            included,
        }
    }

    /// Every node and edge of `model`.
    pub fn full(model: &Model) -> Self {
        Self::new(model, |_| true, |_| true)
    }

    /// Number of node slots (all model nodes, included or not).
    pub fn len(&self) -> usize {
        self.neighbours.len()
    }

    /// Whether there are no nodes.
    pub fn is_empty(&self) -> bool {
        self.neighbours.is_empty()
    }

    /// Whether node `node` takes part.
    pub fn is_included(&self, node: usize) -> bool {
        self.included.get(node).copied().unwrap_or(false)
    }

    /// `(neighbour, edge)` pairs of `node`, sorted; parallel edges appear once each.
    pub fn neighbours(&self, node: usize) -> &[(usize, usize)] {
        self.neighbours.get(node).map_or(&[], Vec::as_slice)
    }

    /// The distinct neighbours of `node`, sorted.
    pub fn distinct_neighbours(&self, node: usize) -> Vec<usize> {
        let mut nodes: Vec<usize> = self.neighbours(node).iter().map(|&(n, _)| n).collect();
        nodes.dedup();
        nodes
    }

    /// Edges touching `node`, a self-loop counting twice.
    pub fn degree(&self, node: usize) -> usize {
        self.neighbours(node).len() + 2 * self.self_loops.get(node).copied().unwrap_or(0)
    }

    /// Positions of the edges between `a` and `b`, in either direction, sorted.
    pub fn edges_between(&self, a: usize, b: usize) -> Vec<usize> {
        self.neighbours(a)
            .iter()
            .filter(|&&(neighbour, _)| neighbour == b)
            .map(|&(_, edge)| edge)
            .collect()
    }

    /// Builds adjacency directly from undirected edge pairs over `count` nodes (edge
    /// positions are the pair's index); for tests and benchmarks.
    pub fn from_pairs(count: usize, pairs: &[(usize, usize)]) -> Self {
        let edges = pairs
            .iter()
            .enumerate()
            .map(|(position, &(a, b))| (a, b, position));
        Self::build(vec![true; count], edges)
    }
}
