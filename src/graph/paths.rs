//! All shortest paths between two nodes, ignoring edge direction.

use std::collections::VecDeque;

use super::Adjacency;

/// Every shortest path from `from` to `to` as node sequences (both ends included),
/// sorted, at most `limit` of them. Parallel edges do not make separate paths: see
/// [`Adjacency::edges_between`] for the edges of each hop. Empty when there is no path;
/// `[[from]]` when `from == to`.
///
/// Complexity: O(nodes + edges) for the search, plus the paths listed.
///
/// ```
/// use backchannel::graph::{Adjacency, shortest_paths};
/// // A square 0-1-2-3-0: two shortest paths from 0 to 2.
/// let square = Adjacency::from_pairs(4, &[(0, 1), (1, 2), (2, 3), (3, 0)]);
/// assert_eq!(shortest_paths(&square, 0, 2, 10), vec![vec![0, 1, 2], vec![0, 3, 2]]);
/// ```
pub fn shortest_paths(
    adjacency: &Adjacency,
    from: usize,
    to: usize,
    limit: usize,
) -> Vec<Vec<usize>> {
    if !adjacency.is_included(from) || !adjacency.is_included(to) || limit == 0 {
        return Vec::new();
    }
    let count = adjacency.len();
    let mut distance = vec![usize::MAX; count];
    let mut predecessors: Vec<Vec<usize>> = vec![Vec::new(); count];
    distance[from] = 0;
    let mut queue = VecDeque::from([from]);
    while let Some(node) = queue.pop_front() {
        if node == to {
            break;
        }
        for neighbour in adjacency.distinct_neighbours(node) {
            let next = distance[node] + 1;
            if distance[neighbour] == usize::MAX {
                distance[neighbour] = next;
                queue.push_back(neighbour);
            }
            if distance[neighbour] == next {
                predecessors[neighbour].push(node);
            }
        }
    }
    if distance[to] == usize::MAX {
        return Vec::new();
    }
    // Walk back from `to`, depth first, in sorted order, until `limit` paths are found.
    let mut paths = Vec::new();
    let mut stack = vec![vec![to]];
    while let Some(partial) = stack.pop() {
        let Some(&head) = partial.last() else {
            continue;
        };
        if head == from {
            let mut path = partial;
            path.reverse();
            paths.push(path);
            if paths.len() >= limit {
                break;
            }
            continue;
        }
        let mut previous = predecessors[head].clone();
        previous.sort_unstable();
        previous.dedup();
        for node in previous.into_iter().rev() {
            let mut longer = partial.clone();
            longer.push(node);
            stack.push(longer);
        }
    }
    paths.sort();
    paths
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn path_lengths_on_small_graphs() {
        let path = Adjacency::from_pairs(5, &[(0, 1), (1, 2), (2, 3), (3, 4)]);
        assert_eq!(shortest_paths(&path, 0, 4, 10), vec![vec![0, 1, 2, 3, 4]]);
        assert_eq!(shortest_paths(&path, 3, 3, 10), vec![vec![3]]);
        let split = Adjacency::from_pairs(6, &[(0, 1), (0, 2), (1, 3), (2, 3), (3, 4)]);
        assert_eq!(
            shortest_paths(&split, 0, 4, 10),
            vec![vec![0, 1, 3, 4], vec![0, 2, 3, 4]]
        );
        assert_eq!(shortest_paths(&split, 0, 4, 1).len(), 1);
        assert!(shortest_paths(&split, 0, 5, 10).is_empty(), "5 is isolated");
    }

    #[test]
    fn parallel_edges_do_not_multiply_paths() {
        let doubled = Adjacency::from_pairs(3, &[(0, 1), (0, 1), (1, 2)]);
        assert_eq!(shortest_paths(&doubled, 0, 2, 10), vec![vec![0, 1, 2]]);
        assert_eq!(doubled.edges_between(0, 1), vec![0, 1]);
    }
}
