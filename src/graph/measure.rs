//! The centrality measures offered to users, and rankings by them.

use serde::{Deserialize, Serialize};

use super::{Adjacency, betweenness, eigenvector};
use crate::model::Model;

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
    let mut ranked: Vec<(usize, f64)> = values
        .iter()
        .copied()
        .enumerate()
        .filter(|&(node, _)| adjacency.is_included(node))
        .collect();
    ranked.sort_by(|a, b| {
        b.1.total_cmp(&a.1).then_with(|| {
            let key = |node: usize| {
                model
                    .nodes
                    .get(node)
                    .map(|n| (n.label.to_lowercase(), n.id.clone()))
            };
            key(a.0).cmp(&key(b.0))
        })
    });
    ranked
}
