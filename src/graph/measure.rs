//! The centrality measures offered to users, and rankings by them.

use serde::{Deserialize, Serialize};

use std::sync::Arc;

use super::{Adjacency, BetweennessEstimate, betweenness, betweenness_of_shown, eigenvector};
use crate::background::{self, Stage};
use crate::model::{EdgeEnds, Model};

/// A centrality measure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Measure {
    /// Edges touching the node.
    Degree,
    /// Shortest paths through the node ([`betweenness`]).
    Betweenness,
    /// Principal eigenvector entry ([`eigenvector`]).
    Eigenvector,
}

impl Measure {
    /// Every measure, in menu order.
    pub const ALL: [Measure; 3] = [Measure::Degree, Measure::Betweenness, Measure::Eigenvector];

    /// Its name, lower case.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Degree => "degree",
            Self::Betweenness => "betweenness",
            Self::Eigenvector => "eigenvector",
        }
    }

    /// Its value for every node slot of `adjacency`.
    pub fn compute(self, adjacency: &Adjacency) -> Vec<f64> {
        match self {
            Self::Degree => (0..adjacency.len())
                .map(|node| adjacency.degree(node) as f64)
                .collect(),
            Self::Betweenness => betweenness(adjacency),
            Self::Eigenvector => eigenvector(adjacency),
        }
    }
}

/// Included nodes with their values, highest first; ties by label, then id.
pub fn ranking(model: &Model, adjacency: &Adjacency, values: &[f64]) -> Vec<(usize, f64)> {
    ranked(adjacency, values, &model.label_ranks())
}

/// The nodes `adjacency` includes with their `values`, highest first; ties in the order
/// of `label_rank` (each node's rank by label, then id).
fn ranked(adjacency: &Adjacency, values: &[f64], label_rank: &[usize]) -> Vec<(usize, f64)> {
    let mut ranked: Vec<(usize, f64)> = values
        .iter()
        .copied()
        .enumerate()
        .filter(|&(node, _)| adjacency.is_included(node))
        .collect();
    let rank = |node: usize| label_rank.get(node).copied().unwrap_or(usize::MAX);
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1).then_with(|| rank(a.0).cmp(&rank(b.0))));
    ranked
}

/// What the measures need of a model, cheap to share with the worker that computes
/// them: each edge's end positions and each node's place in label order.
#[derive(Debug, Clone, Default)]
pub struct MeasureBasis {
    /// Model positions of each edge's source and target (`None` for an end that is
    /// missing, never in a validated model).
    ends: EdgeEnds,
    /// Each node's rank by lower-case label, then id: how ties are ordered.
    label_rank: Arc<[usize]>,
}

impl MeasureBasis {
    /// The basis of `model`.
    ///
    /// Complexity: O(edges + nodes log nodes).
    pub fn of(model: &Model) -> Self {
        let ends = model.all_edge_ends();
        let label_rank = model.label_ranks();
        Self {
            ends,
            label_rank: label_rank.into(),
        }
    }
}

/// A measure of the shown graph, with the shown nodes ranked by it.
#[derive(Debug, Clone, PartialEq)]
pub struct MeasureTable {
    /// The measure.
    pub measure: Measure,
    /// Its value for every node slot (0 for hidden nodes).
    pub values: Vec<f64>,
    /// The shown nodes with their values, highest first; ties by label, then id.
    pub ranked: Vec<(usize, f64)>,
    /// How betweenness was estimated on a large graph, with each value's margin.
    pub estimate: Option<BetweennessEstimate>,
}

/// `measure` of the graph of the shown nodes and edges (`nodes_shown` and `edges_shown`
/// by model position), ranked. In a job ([`crate::background`]) it reports its
/// progress, and stops early (with values nobody reads) when cancelled.
pub fn measure_table(
    basis: &MeasureBasis,
    measure: Measure,
    nodes_shown: &[bool],
    edges_shown: &[bool],
) -> MeasureTable {
    background::report(Stage::Measuring, nodes_shown.len() as u64);
    let edges = basis
        .ends
        .iter()
        .enumerate()
        .filter(|&(edge, _)| edges_shown.get(edge).copied().unwrap_or(false))
        .filter_map(|(edge, ends)| ends.map(|(source, target)| (source, target, edge)));
    let adjacency = Adjacency::build(nodes_shown.to_vec(), edges);
    let (values, estimate) = match measure {
        Measure::Betweenness => {
            let computed = betweenness_of_shown(&adjacency);
            (computed.values, computed.estimate)
        }
        other => (other.compute(&adjacency), None),
    };
    let ranked = ranked(&adjacency, &values, &basis.label_rank);
    MeasureTable {
        measure,
        values,
        ranked,
        estimate,
    }
}
