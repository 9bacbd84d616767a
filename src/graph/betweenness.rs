//! Betweenness centrality (Brandes' algorithm), undirected and unweighted.

use std::collections::VecDeque;

use super::Adjacency;

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
    let count = adjacency.len();
    let neighbours: Vec<Vec<usize>> = (0..count)
        .map(|node| adjacency.distinct_neighbours(node))
        .collect();
    let mut centrality = vec![0.0f64; count];
    let mut sigma = vec![0.0f64; count];
    let mut distance = vec![usize::MAX; count];
    let mut delta = vec![0.0f64; count];
    let mut predecessors: Vec<Vec<usize>> = vec![Vec::new(); count];
    for source in (0..count).filter(|&node| adjacency.is_included(node)) {
        sigma.iter_mut().for_each(|value| *value = 0.0);
        distance.iter_mut().for_each(|value| *value = usize::MAX);
        delta.iter_mut().for_each(|value| *value = 0.0);
        predecessors.iter_mut().for_each(Vec::clear);
        sigma[source] = 1.0;
        distance[source] = 0;
        let mut order = Vec::new();
        let mut queue = VecDeque::from([source]);
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
                centrality[node] += delta[node];
            }
        }
    }
    // Each undirected pair was counted from both ends.
    centrality.iter_mut().for_each(|value| *value /= 2.0);
    centrality
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
}
