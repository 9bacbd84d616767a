//! How much of a graph's shape a drawing shows, the figures of
//! `shared/tools/layout_quality.py`, computed here so that tests and benchmarks can hold a
//! layout to them:
//! - **distance correlation**: Spearman rank correlation between the graph distance and
//!   the drawn distance of sampled node pairs in the largest component (a grid drawn as a
//!   grid: about 0.97; a random drawing: 0);
//! - **edge ratio**: median edge length over the median distance between random node
//!   pairs (lower is better: neighbours sit close);
//! - **neighbour agreement**: the share of nodes whose nearest drawn node is in their own
//!   group (community, component).

use super::multilevel::Adjacency;
use super::sample::Rng;

/// The figures of one drawing.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Quality {
    /// Spearman correlation of graph and drawn distance (higher is better).
    pub distance_correlation: f32,
    /// Median edge length / median random-pair distance (lower is better).
    pub edge_ratio: f32,
}

/// The distance correlation and edge ratio of `positions` (one per node) for the graph of
/// `node_count` nodes and `edges`, from pairs sampled with `seed`.
///
/// Complexity: O(s (n + m)) for s = 80 sampled sources.
pub fn quality(
    node_count: usize,
    edges: &[(usize, usize)],
    positions: &[[f32; 2]],
    seed: u64,
) -> Quality {
    let graph = Adjacency::new(node_count, edges.iter().copied());
    let mut rng = Rng::new(seed);
    let distance = |a: usize, b: usize| -> f32 {
        match (positions.get(a), positions.get(b)) {
            (Some(pa), Some(pb)) => (pa[0] - pb[0]).hypot(pa[1] - pb[1]),
            _ => f32::NAN,
        }
    };
    let edge_lengths: Vec<f32> = graph
        .edges()
        .iter()
        .map(|&(a, b)| distance(a as usize, b as usize))
        .collect();
    let pair_lengths: Vec<f32> = (0..20_000)
        .map(|_| distance(rng.below(node_count), rng.below(node_count)))
        .collect();
    let edge_ratio = median(edge_lengths) / median(pair_lengths).max(1e-9);
    let largest = graph.components().into_iter().next().unwrap_or_default();
    let mut graph_distances = Vec::new();
    let mut drawn_distances = Vec::new();
    let samples = largest.len().min(80);
    for _ in 0..samples {
        let source = largest[rng.below(largest.len())] as usize;
        let hops = breadth_first(&graph, source);
        for _ in 0..samples {
            let target = largest[rng.below(largest.len())] as usize;
            if target != source
                && let Some(&hops) = hops.get(target)
                && hops != u32::MAX
            {
                graph_distances.push(hops as f32);
                drawn_distances.push(distance(source, target));
            }
        }
    }
    Quality {
        distance_correlation: spearman(&graph_distances, &drawn_distances),
        edge_ratio,
    }
}

/// The share of nodes whose nearest other drawn node has the same group.
///
/// Complexity: O(n²).
pub fn neighbour_agreement(positions: &[[f32; 2]], groups: &[usize]) -> f32 {
    let count = positions.len().min(groups.len());
    if count < 2 {
        return 1.0;
    }
    let agreeing = (0..count)
        .filter(|&a| {
            let nearest = (0..count).filter(|&b| b != a).min_by(|&b, &c| {
                let d = |o: usize| {
                    (positions[a][0] - positions[o][0]).hypot(positions[a][1] - positions[o][1])
                };
                d(b).total_cmp(&d(c))
            });
            nearest.is_some_and(|b| groups[b] == groups[a])
        })
        .count();
    agreeing as f32 / count as f32
}

/// Hops from `source` to every node (`u32::MAX` where unreachable).
fn breadth_first(graph: &Adjacency, source: usize) -> Vec<u32> {
    let mut hops = vec![u32::MAX; graph.node_count()];
    let mut queue = std::collections::VecDeque::new();
    if let Some(slot) = hops.get_mut(source) {
        *slot = 0;
        queue.push_back(source);
    }
    while let Some(node) = queue.pop_front() {
        let next = hops[node] + 1;
        for &other in graph.neighbours(node) {
            if let Some(slot) = hops.get_mut(other as usize)
                && *slot == u32::MAX
            {
                *slot = next;
                queue.push_back(other as usize);
            }
        }
    }
    hops
}

/// The median of the finite values (NaN when there are none).
fn median(mut values: Vec<f32>) -> f32 {
    values.retain(|v| v.is_finite());
    if values.is_empty() {
        return f32::NAN;
    }
    let middle = values.len() / 2;
    *values.select_nth_unstable_by(middle, f32::total_cmp).1
}

/// Spearman's rank correlation (ties share their mean rank); 0 without variation.
pub fn spearman(a: &[f32], b: &[f32]) -> f32 {
    let (ra, rb) = (ranks(a), ranks(b));
    let count = ra.len().min(rb.len()) as f64;
    if count < 2.0 {
        return 0.0;
    }
    let mean_a = ra.iter().sum::<f64>() / count;
    let mean_b = rb.iter().sum::<f64>() / count;
    let (mut cov, mut var_a, mut var_b) = (0.0, 0.0, 0.0);
    for (x, y) in ra.iter().zip(&rb) {
        cov += (x - mean_a) * (y - mean_b);
        var_a += (x - mean_a) * (x - mean_a);
        var_b += (y - mean_b) * (y - mean_b);
    }
    if var_a <= 0.0 || var_b <= 0.0 {
        return 0.0;
    }
    (cov / (var_a * var_b).sqrt()) as f32
}

/// The rank of each value (1-based; ties share their mean rank; NaN ranks last).
fn ranks(values: &[f32]) -> Vec<f64> {
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by(|&x, &y| values[x].total_cmp(&values[y]));
    let mut ranks = vec![0.0; values.len()];
    let mut start = 0;
    while start < order.len() {
        let mut end = start + 1;
        while end < order.len() && values[order[end]] == values[order[start]] {
            end += 1;
        }
        let mean = (start + end + 1) as f64 / 2.0;
        for &index in &order[start..end] {
            ranks[index] = mean;
        }
        start = end;
    }
    ranks
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::sample::grid;

    #[test]
    fn a_grid_drawn_as_a_grid_scores_high_and_a_scramble_scores_nothing() {
        let g = grid(30, 30);
        let drawn: Vec<[f32; 2]> = (0..900)
            .map(|node| [(node % 30) as f32, (node / 30) as f32])
            .collect();
        let good = quality(g.node_count, &g.edges, &drawn, 1);
        assert!(good.distance_correlation > 0.9, "{good:?}");
        assert!(good.edge_ratio < 0.1, "{good:?}");
        let mut rng = Rng::new(5);
        let scrambled: Vec<[f32; 2]> = (0..900).map(|_| [rng.unit(), rng.unit()]).collect();
        let bad = quality(g.node_count, &g.edges, &scrambled, 1);
        assert!(bad.distance_correlation.abs() < 0.1, "{bad:?}");
        assert!(bad.edge_ratio > 0.7, "{bad:?}");
    }

    #[test]
    fn spearman_handles_ties_and_order() {
        assert!((spearman(&[1.0, 2.0, 3.0], &[10.0, 20.0, 30.0]) - 1.0).abs() < 1e-6);
        assert!((spearman(&[1.0, 2.0, 3.0], &[3.0, 2.0, 1.0]) + 1.0).abs() < 1e-6);
        assert_eq!(spearman(&[1.0, 1.0], &[2.0, 3.0]), 0.0);
        assert_eq!(ranks(&[5.0, 1.0, 5.0]), vec![2.5, 1.0, 2.5]);
    }

    #[test]
    fn neighbour_agreement_counts_nearest_neighbours() {
        let positions = [[0.0, 0.0], [1.0, 0.0], [10.0, 0.0], [11.0, 0.0]];
        assert_eq!(neighbour_agreement(&positions, &[0, 0, 1, 1]), 1.0);
        assert_eq!(neighbour_agreement(&positions, &[0, 1, 0, 1]), 0.0);
    }
}
