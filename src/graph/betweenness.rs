//! Betweenness centrality (Brandes' algorithm), undirected and unweighted.

use std::collections::VecDeque;

use super::Adjacency;
use crate::background::{self, Stage};

/// For each node, the number of shortest paths between other pairs of nodes that pass
/// through it, each pair's paths sharing one unit (undirected, unnormalised; parallel
/// edges count once). Nodes that are not included get 0.
///
/// Complexity: O(nodes x edges) time, O(nodes + edges) memory.
///
/// ```
/// use backchannel::graph::{Adjacency, betweenness};
/// // A star with four leaves: the centre lies on all 6 leaf-to-leaf paths.
/// let star = Adjacency::from_pairs(5, &[(0, 1), (0, 2), (0, 3), (0, 4)]);
/// assert_eq!(betweenness(&star), vec![6.0, 0.0, 0.0, 0.0, 0.0]);
/// ```
pub fn betweenness(adjacency: &Adjacency) -> Vec<f64> {
    accumulate(adjacency, &included_nodes(adjacency)).sums
}

/// The most included nodes for which [`betweenness_of_shown`] is exact; above it is
/// estimated from [`SAMPLED_SOURCES`] sources.
pub const EXACT_BETWEENNESS_LIMIT: usize = 4_000;

/// Sources a betweenness estimate is computed from.
pub const SAMPLED_SOURCES: usize = 1_000;

/// Betweenness as [`betweenness`] computes it, or estimated.
#[derive(Debug, Clone, PartialEq)]
pub struct BetweennessValues {
    /// A value per node slot, as [`betweenness`] gives it.
    pub values: Vec<f64>,
    /// How it was estimated, when it was not computed exactly.
    pub estimate: Option<BetweennessEstimate>,
}

/// How a betweenness estimate was made, and how far each value may be off.
#[derive(Debug, Clone, PartialEq)]
pub struct BetweennessEstimate {
    /// Sources whose shortest paths were counted.
    pub sources: usize,
    /// Nodes that could have been sources.
    pub nodes: usize,
    /// For each node slot, the half-width of the 95% interval around its value (normal
    /// approximation, with the correction for sampling without replacement).
    pub margins: Vec<f64>,
}

/// Betweenness, exact up to [`EXACT_BETWEENNESS_LIMIT`] included nodes; above, the
/// estimate of Brandes and Pich (2007, "Centrality estimation in large networks"):
/// Brandes' accumulation from [`SAMPLED_SOURCES`] sources drawn at random without
/// replacement (a fixed seed, so the same graph gives the same figures), scaled by
/// nodes / sources. The error bound is Hoeffding's: each source's dependency on a node,
/// divided by `nodes - 2`, lies in `[0, 1]`, so with `k` sources the mean is within
/// `sqrt(ln(2 / 0.05) / 2k)` of its expectation with probability 0.95.
///
/// In a job ([`crate::background`]) the sources done are its progress, and cancelling
/// stops the count (the values are then incomplete, and nobody reads them).
pub fn betweenness_of_shown(adjacency: &Adjacency) -> BetweennessValues {
    let included = included_nodes(adjacency);
    let nodes = included.len();
    if nodes <= EXACT_BETWEENNESS_LIMIT {
        return BetweennessValues {
            values: accumulate(adjacency, &included).sums,
            estimate: None,
        };
    }
    let sources = sample(included, SAMPLED_SOURCES);
    let drawn = sources.len() as f64;
    let population = nodes as f64;
    let Dependencies { sums, squares } = accumulate(adjacency, &sources);
    // Each value is nodes x the mean dependency of a source; its standard error is
    // nodes x the sample deviation / sqrt(sources), times sqrt((N - k) / (N - 1)).
    let correction = ((population - drawn) / (population - 1.0)).max(0.0);
    let margins = sums
        .iter()
        .zip(&squares)
        .map(|(&sum, &square)| {
            let mean = sum / drawn;
            let variance = ((square - drawn * mean * mean) / (drawn - 1.0)).max(0.0);
            1.96 * population * (variance / drawn * correction).sqrt()
        })
        .collect();
    BetweennessValues {
        values: sums.iter().map(|&sum| population * sum / drawn).collect(),
        estimate: Some(BetweennessEstimate {
            sources: sources.len(),
            nodes,
            margins,
        }),
    }
}

fn included_nodes(adjacency: &Adjacency) -> Vec<usize> {
    (0..adjacency.len())
        .filter(|&node| adjacency.is_included(node))
        .collect()
}

/// `count` of `nodes` drawn at random without replacement (a partial Fisher–Yates
/// shuffle driven by SplitMix64 from a fixed seed), in the order drawn.
fn sample(mut nodes: Vec<usize>, count: usize) -> Vec<usize> {
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = || {
        state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut mixed = state;
        mixed = (mixed ^ (mixed >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        mixed = (mixed ^ (mixed >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        mixed ^ (mixed >> 31)
    };
    let count = count.min(nodes.len());
    for drawn in 0..count {
        let remaining = (nodes.len() - drawn) as u64;
        // The modulo's bias is below 2^-40 for any graph that fits in memory.
        let pick = drawn + usize::try_from(next() % remaining).unwrap_or(0);
        nodes.swap(drawn, pick);
    }
    nodes.truncate(count);
    nodes
}

/// Every node's dependencies on the shortest paths from a set of sources, halved (each
/// undirected pair is reached from both its ends).
struct Dependencies {
    /// Their sum per node.
    sums: Vec<f64>,
    /// The sum of their squares per node.
    squares: Vec<f64>,
}

/// Brandes' accumulation of every node's dependency on the shortest paths from each of
/// `sources`.
fn accumulate(adjacency: &Adjacency, sources: &[usize]) -> Dependencies {
    let count = adjacency.len();
    let neighbours: Vec<Vec<usize>> = (0..count)
        .map(|node| adjacency.distinct_neighbours(node))
        .collect();
    background::report(Stage::Measuring, sources.len() as u64);
    let mut centrality = vec![0.0f64; count];
    let mut squares = vec![0.0f64; count];
    let mut sigma = vec![0.0f64; count];
    let mut distance = vec![usize::MAX; count];
    let mut delta = vec![0.0f64; count];
    let mut predecessors: Vec<Vec<usize>> = vec![Vec::new(); count];
    let mut order: Vec<usize> = Vec::with_capacity(count);
    let mut queue: VecDeque<usize> = VecDeque::with_capacity(count);
    for &source in sources {
        if background::cancelled() {
            break;
        }
        // Only the nodes the last search reached need resetting.
        for &node in &order {
            sigma[node] = 0.0;
            distance[node] = usize::MAX;
            delta[node] = 0.0;
            predecessors[node].clear();
        }
        order.clear();
        sigma[source] = 1.0;
        distance[source] = 0;
        queue.push_back(source);
        while let Some(node) = queue.pop_front() {
            order.push(node);
            for &neighbour in &neighbours[node] {
                if distance[neighbour] == usize::MAX {
                    distance[neighbour] = distance[node] + 1;
                    queue.push_back(neighbour);
                }
                if distance[neighbour] == distance[node] + 1 {
                    sigma[neighbour] += sigma[node];
                    predecessors[neighbour].push(node);
                }
            }
        }
        for &node in order.iter().rev() {
            for &previous in &predecessors[node] {
                delta[previous] += sigma[previous] / sigma[node] * (1.0 + delta[node]);
            }
            if node != source {
                let dependency = delta[node] / 2.0;
                centrality[node] += dependency;
                squares[node] += dependency * dependency;
            }
        }
        background::advance(1);
    }
    Dependencies {
        sums: centrality,
        squares,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_graph() {
        let path = Adjacency::from_pairs(5, &[(0, 1), (1, 2), (2, 3), (3, 4)]);
        assert_eq!(betweenness(&path), vec![0.0, 3.0, 4.0, 3.0, 0.0]);
    }

    #[test]
    fn star_of_n_gives_the_centre_n_minus_1_choose_2() {
        for leaves in 2..8usize {
            let pairs: Vec<(usize, usize)> = (1..=leaves).map(|leaf| (0, leaf)).collect();
            let star = Adjacency::from_pairs(leaves + 1, &pairs);
            let centrality = betweenness(&star);
            assert_eq!(centrality[0], (leaves * (leaves - 1) / 2) as f64);
            assert!(centrality[1..].iter().all(|&value| value == 0.0));
        }
    }

    #[test]
    fn a_square_shares_paths_between_two_routes() {
        let square = Adjacency::from_pairs(4, &[(0, 1), (1, 2), (2, 3), (3, 0)]);
        assert_eq!(betweenness(&square), vec![0.5, 0.5, 0.5, 0.5]);
    }

    /// A random graph of `nodes` nodes, each joined to `per_node` others.
    fn random_graph(nodes: usize, per_node: usize) -> Adjacency {
        let mut state = 7u64;
        let pairs: Vec<(usize, usize)> = (0..nodes * per_node)
            .map(|edge| {
                state = state
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                (edge / per_node, (state >> 33) as usize % nodes)
            })
            .collect();
        Adjacency::from_pairs(nodes, &pairs)
    }

    #[test]
    fn small_graphs_are_exact_and_large_ones_estimated_within_the_stated_bound() {
        let small = random_graph(300, 3);
        let exact = betweenness_of_shown(&small);
        assert_eq!(exact.estimate, None);
        assert_eq!(exact.values, betweenness(&small));

        let nodes = EXACT_BETWEENNESS_LIMIT + 1_000;
        let large = random_graph(nodes, 3);
        let estimated = betweenness_of_shown(&large);
        let estimate = estimated.estimate.clone().expect("estimated");
        assert_eq!(estimate.sources, SAMPLED_SOURCES);
        assert_eq!(estimate.nodes, nodes);
        let truth = betweenness(&large);
        // The 95% intervals hold the true value about 95% of the time for the hundred
        // most central nodes, those a reader looks at. (For peripheral nodes, which few
        // sources' paths cross, the normal approximation is poorer.)
        let mut order: Vec<usize> = (0..nodes).collect();
        order.sort_by(|&a, &b| truth[b].total_cmp(&truth[a]));
        let held = |nodes: &[usize]| {
            let inside = nodes
                .iter()
                .filter(|&&node| {
                    (estimated.values[node] - truth[node]).abs() <= estimate.margins[node]
                })
                .count();
            inside as f64 / nodes.len() as f64
        };
        let top = held(&order[..100]);
        assert!((0.88..=1.0).contains(&top), "top hundred: {top}");
        // The intervals are narrow enough to tell the most central nodes: under 40% of
        // their value even in a random graph, where betweenness is spread evenly.
        let widest = order[..10]
            .iter()
            .map(|&node| estimate.margins[node] / truth[node])
            .fold(0.0, f64::max);
        assert!(widest < 0.4, "a top-ten margin is {widest} of its value");
        // The same graph gives the same figures.
        assert_eq!(betweenness_of_shown(&large), estimated);
    }
}
