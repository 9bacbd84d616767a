//! Eigenvector centrality by power iteration, undirected.

use super::Adjacency;

/// Most power iterations before giving up on convergence.
const MAX_ITERATIONS: usize = 1_000;

/// Each node's entry in the principal eigenvector of the undirected adjacency matrix
/// (parallel edges count once), scaled to unit Euclidean length as networkx does.
/// Iterates with `A + I`, which has the same eigenvectors and also converges on bipartite
/// graphs such as stars. Isolated and excluded nodes get 0 (or all nodes do, when there is
/// no edge).
///
/// Complexity: O(iterations x edges).
///
/// ```
/// use backchannel::graph::{Adjacency, eigenvector};
/// let path = Adjacency::from_pairs(3, &[(0, 1), (1, 2)]);
/// let centrality = eigenvector(&path);
/// assert!((centrality[1] - 0.5f64.sqrt()).abs() < 1e-6);
/// assert!((centrality[0] - 0.5).abs() < 1e-6);
/// ```
pub fn eigenvector(adjacency: &Adjacency) -> Vec<f64> {
    let count = adjacency.len();
    let neighbours: Vec<Vec<usize>> = (0..count)
        .map(|node| adjacency.distinct_neighbours(node))
        .collect();
    let has_edge: Vec<bool> = neighbours.iter().map(|list| !list.is_empty()).collect();
    let active = has_edge.iter().filter(|&&flag| flag).count();
    if active == 0 {
        return vec![0.0; count];
    }
    let mut vector: Vec<f64> = has_edge
        .iter()
        .map(|&flag| if flag { 1.0 } else { 0.0 })
        .collect();
    normalise(&mut vector);
    for _ in 0..MAX_ITERATIONS {
        let mut next = vector.clone();
        for (node, list) in neighbours.iter().enumerate() {
            for &neighbour in list {
                next[node] += vector[neighbour];
            }
        }
        normalise(&mut next);
        let change: f64 = next.iter().zip(&vector).map(|(a, b)| (a - b).abs()).sum();
        vector = next;
        if change < 1e-10 * active as f64 {
            break;
        }
    }
    vector
}

fn normalise(vector: &mut [f64]) {
    let length = vector.iter().map(|value| value * value).sum::<f64>().sqrt();
    if length > 0.0 {
        vector.iter_mut().for_each(|value| *value /= length);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-6
    }

    #[test]
    fn star_centre_and_leaves() {
        let leaves = 4usize;
        let pairs: Vec<(usize, usize)> = (1..=leaves).map(|leaf| (0, leaf)).collect();
        let centrality = eigenvector(&Adjacency::from_pairs(leaves + 1, &pairs));
        assert!(close(centrality[0], 0.5f64.sqrt()), "{centrality:?}");
        let leaf = 1.0 / (2.0 * leaves as f64).sqrt();
        assert!(
            centrality[1..].iter().all(|&value| close(value, leaf)),
            "{centrality:?}"
        );
    }

    #[test]
    fn a_cycle_is_uniform_and_isolates_get_zero() {
        let centrality = eigenvector(&Adjacency::from_pairs(5, &[(0, 1), (1, 2), (2, 3), (3, 0)]));
        assert!(centrality[..4].iter().all(|&value| close(value, 0.5)));
        assert_eq!(centrality[4], 0.0);
        assert_eq!(eigenvector(&Adjacency::from_pairs(3, &[])), vec![0.0; 3]);
    }
}
