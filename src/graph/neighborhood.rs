//! The k-hop neighbourhood of a node, ignoring edge direction.

use std::collections::VecDeque;

use super::Adjacency;

/// Nodes within `hops` edges of `start` (itself included, at distance 0), as `(node,
/// distance)` sorted by distance, then node. Empty when `start` is not included.
///
/// Complexity: O(nodes + edges) (breadth-first search).
///
/// ```
/// use backchannel::graph::{Adjacency, neighborhood};
/// let path = Adjacency::from_pairs(4, &[(0, 1), (1, 2), (2, 3)]);
/// assert_eq!(neighborhood(&path, 0, 2), vec![(0, 0), (1, 1), (2, 2)]);
/// ```
pub fn neighborhood(adjacency: &Adjacency, start: usize, hops: usize) -> Vec<(usize, usize)> {
    if !adjacency.is_included(start) {
        return Vec::new();
    }
    let mut distance = vec![usize::MAX; adjacency.len()];
    distance[start] = 0;
    let mut queue = VecDeque::from([start]);
    let mut found = vec![(start, 0)];
    while let Some(node) = queue.pop_front() {
        let next = distance[node] + 1;
        if next > hops {
            continue;
        }
        for &(neighbour, _) in adjacency.neighbours(node) {
            if distance[neighbour] == usize::MAX {
                distance[neighbour] = next;
                found.push((neighbour, next));
                queue.push_back(neighbour);
            }
        }
    }
    found.sort_unstable_by_key(|&(node, distance)| (distance, node));
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn star_and_path_neighbourhoods() {
        let star = Adjacency::from_pairs(5, &[(0, 1), (0, 2), (0, 3), (0, 4)]);
        assert_eq!(neighborhood(&star, 1, 1), vec![(1, 0), (0, 1)]);
        assert_eq!(
            neighborhood(&star, 1, 2),
            vec![(1, 0), (0, 1), (2, 2), (3, 2), (4, 2)]
        );
        let path = Adjacency::from_pairs(5, &[(0, 1), (1, 2), (2, 3), (3, 4)]);
        assert_eq!(neighborhood(&path, 2, 0), vec![(2, 0)]);
        assert_eq!(neighborhood(&path, 2, 3).len(), 5);
        assert!(neighborhood(&path, 9, 1).is_empty());
    }
}
