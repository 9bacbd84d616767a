//! The graph a layout works on, and its coarsening: neighbours matched in pairs (and a
//! few unmatched nodes joined to a neighbouring pair), level by level, until the graph is
//! small or stops shrinking (Hu 2005, after Walshaw 2003).

/// An undirected simple graph in compressed rows: the neighbours of node `i` are
/// `targets[offsets[i]..offsets[i + 1]]`, sorted, without self-loops or repeats.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Adjacency {
    offsets: Vec<u32>,
    targets: Vec<u32>,
}

impl Adjacency {
    /// The graph of `node_count` nodes and `edges`; self-loops, repeated edges (either
    /// way round) and ends out of range are left out.
    ///
    /// Complexity: O(n + m log m).
    pub fn new(node_count: usize, edges: impl IntoIterator<Item = (usize, usize)>) -> Self {
        let mut pairs: Vec<(u32, u32)> = Vec::new();
        for (a, b) in edges {
            if a == b || a >= node_count || b >= node_count {
                continue;
            }
            let (Ok(a), Ok(b)) = (u32::try_from(a), u32::try_from(b)) else {
                continue;
            };
            pairs.push((a, b));
            pairs.push((b, a));
        }
        pairs.sort_unstable();
        pairs.dedup();
        let mut offsets = vec![0u32; node_count + 1];
        for &(a, _) in &pairs {
            offsets[a as usize + 1] += 1;
        }
        for index in 0..node_count {
            offsets[index + 1] += offsets[index];
        }
        Self {
            offsets,
            targets: pairs.into_iter().map(|(_, b)| b).collect(),
        }
    }

    /// How many nodes.
    pub fn node_count(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }

    /// The neighbours of `node` (none for a node out of range).
    pub fn neighbours(&self, node: usize) -> &[u32] {
        let (Some(&start), Some(&end)) = (self.offsets.get(node), self.offsets.get(node + 1))
        else {
            return &[];
        };
        self.targets
            .get(start as usize..end as usize)
            .unwrap_or(&[])
    }

    /// Each edge once, as `(a, b)` with `a < b`.
    pub fn edges(&self) -> Vec<(u32, u32)> {
        (0..self.node_count())
            .flat_map(|a| {
                self.neighbours(a)
                    .iter()
                    .filter(move |&&b| (b as usize) > a)
                    .map(move |&b| (a as u32, b))
            })
            .collect()
    }

    /// The connected components, biggest first (ties by their smallest node), each a
    /// sorted list of nodes.
    ///
    /// Complexity: O(n + m).
    pub fn components(&self) -> Vec<Vec<u32>> {
        let count = self.node_count();
        let mut component = vec![u32::MAX; count];
        let mut components: Vec<Vec<u32>> = Vec::new();
        let mut stack = Vec::new();
        for start in 0..count {
            if component[start] != u32::MAX {
                continue;
            }
            let id = components.len() as u32;
            let mut members = vec![start as u32];
            component[start] = id;
            stack.push(start as u32);
            while let Some(node) = stack.pop() {
                for &next in self.neighbours(node as usize) {
                    if let Some(slot) = component.get_mut(next as usize)
                        && *slot == u32::MAX
                    {
                        *slot = id;
                        members.push(next);
                        stack.push(next);
                    }
                }
            }
            members.sort_unstable();
            components.push(members);
        }
        components.sort_by(|a, b| b.len().cmp(&a.len()).then(a.first().cmp(&b.first())));
        components
    }

    /// Whether each node is within `hops` edges of `centre` (`centre` itself included;
    /// none for a centre out of range).
    ///
    /// Complexity: O(n + m).
    pub fn within_hops(&self, centre: usize, hops: usize) -> Vec<bool> {
        let mut near = vec![false; self.node_count()];
        let mut frontier = Vec::new();
        if let Some(slot) = near.get_mut(centre) {
            *slot = true;
            frontier.push(centre);
        }
        for _ in 0..hops {
            let mut next = Vec::new();
            for node in frontier {
                for &other in self.neighbours(node) {
                    if let Some(slot) = near.get_mut(other as usize)
                        && !*slot
                    {
                        *slot = true;
                        next.push(other as usize);
                    }
                }
            }
            frontier = next;
        }
        near
    }

    /// The subgraph on `nodes` (sorted), renumbered `0..nodes.len()` in their order.
    pub fn subgraph(&self, nodes: &[u32]) -> Self {
        let local = |node: u32| nodes.binary_search(&node).ok();
        let edges = nodes.iter().enumerate().flat_map(|(a, &node)| {
            self.neighbours(node as usize)
                .iter()
                .filter_map(move |&b| local(b).map(|b| (a, b)))
        });
        Self::new(nodes.len(), edges)
    }
}

/// One coarsening step: the coarser graph and, for each node of the finer one, the
/// coarse node it became part of.
#[derive(Debug, Clone)]
pub struct Coarsening {
    /// The coarser graph.
    pub graph: Adjacency,
    /// `parent[i]`: the coarse node that fine node `i` belongs to.
    pub parent: Vec<u32>,
    /// How many original nodes each coarse node stands for.
    pub weights: Vec<u32>,
}

/// Most members of a coarse node: a matched pair and one unmatched neighbour.
const MOST_MEMBERS: u8 = 3;

/// Matches each node with its lightest neighbour (fewest original nodes), visiting nodes
/// from the fewest neighbours up; a node left
/// unmatched joins its lightest neighbouring pair. `weights` says how many original
/// nodes each node stands for.
///
/// Complexity: O(n log n + m).
pub fn coarsen(graph: &Adjacency, weights: &[u32]) -> Coarsening {
    let count = graph.node_count();
    let weight = |node: usize| weights.get(node).copied().unwrap_or(1);
    let degree = |node: usize| graph.neighbours(node).len();
    // Ties are broken by a scramble of the node number: matching always toward the
    // lowest number would pair a grid's nodes along its rows at every level, so that it
    // coarsens into a strip and the drawing folds.
    let mut order: Vec<usize> = (0..count).collect();
    order.sort_by_key(|&node| (degree(node), scramble(node)));
    let mut parent = vec![u32::MAX; count];
    let mut members: Vec<u8> = Vec::new();
    let mut coarse_weights: Vec<u32> = Vec::new();
    for &node in &order {
        if parent[node] != u32::MAX {
            continue;
        }
        let partner = graph
            .neighbours(node)
            .iter()
            .map(|&b| b as usize)
            .filter(|&b| parent.get(b) == Some(&u32::MAX))
            .min_by_key(|&b| (weight(b), scramble(b)));
        if let Some(partner) = partner {
            let id = members.len() as u32;
            parent[node] = id;
            parent[partner] = id;
            members.push(2);
            coarse_weights.push(weight(node) + weight(partner));
        }
    }
    for &node in &order {
        if parent[node] != u32::MAX {
            continue;
        }
        let pair = graph
            .neighbours(node)
            .iter()
            .filter_map(|&b| parent.get(b as usize).copied())
            .filter(|&p| {
                p != u32::MAX && members.get(p as usize).is_some_and(|&m| m < MOST_MEMBERS)
            })
            .min_by_key(|&p| (coarse_weights.get(p as usize).copied(), p));
        let id = match pair {
            Some(pair) => {
                if let Some(m) = members.get_mut(pair as usize) {
                    *m += 1;
                }
                if let Some(w) = coarse_weights.get_mut(pair as usize) {
                    *w += weight(node);
                }
                pair
            }
            None => {
                members.push(1);
                coarse_weights.push(weight(node));
                (members.len() - 1) as u32
            }
        };
        parent[node] = id;
    }
    let coarse_edges = graph.edges().into_iter().filter_map(|(a, b)| {
        let (pa, pb) = (parent[a as usize], parent[b as usize]);
        (pa != pb).then_some((pa as usize, pb as usize))
    });
    Coarsening {
        graph: Adjacency::new(members.len(), coarse_edges),
        parent,
        weights: coarse_weights,
    }
}

/// A fixed scramble of a node number (a 64-bit mix): the same on every machine.
fn scramble(node: usize) -> u64 {
    let mut state = (node as u64).wrapping_add(0x9E37_79B9_7F4A_7C15);
    state = (state ^ (state >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    state = (state ^ (state >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    state ^ (state >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grid(side: usize) -> Adjacency {
        let grid = crate::layout::sample::grid(side, side);
        Adjacency::new(grid.node_count, grid.edges)
    }

    #[test]
    fn adjacency_drops_loops_repeats_and_strays() {
        let graph = Adjacency::new(4, [(0, 1), (1, 0), (0, 1), (2, 2), (3, 9), (1, 2)]);
        assert_eq!(graph.neighbours(0), &[1]);
        assert_eq!(graph.neighbours(1), &[0, 2]);
        assert_eq!(graph.neighbours(2), &[1]);
        assert_eq!(graph.neighbours(3), &[] as &[u32]);
        assert_eq!(graph.neighbours(99), &[] as &[u32]);
        assert_eq!(graph.edges(), vec![(0, 1), (1, 2)]);
    }

    #[test]
    fn components_come_biggest_first() {
        let graph = Adjacency::new(7, [(5, 6), (0, 1), (1, 2), (3, 4)]);
        assert_eq!(
            graph.components(),
            vec![vec![0, 1, 2], vec![3, 4], vec![5, 6]]
        );
        let sub = graph.subgraph(&[0, 1, 2]);
        assert_eq!(sub.edges(), vec![(0, 1), (1, 2)]);
        assert_eq!(
            graph.within_hops(0, 1),
            vec![true, true, false, false, false, false, false]
        );
        assert_eq!(graph.within_hops(0, 5)[..3], [true, true, true]);
        assert!(graph.within_hops(99, 2).iter().all(|&near| !near));
    }

    #[test]
    fn a_grid_halves_and_keeps_its_weight() {
        let graph = grid(20);
        let step = coarsen(&graph, &vec![1; 400]);
        let coarse = step.graph.node_count();
        assert!((150..=220).contains(&coarse), "{coarse} coarse nodes");
        assert_eq!(step.weights.iter().sum::<u32>(), 400);
        // Every fine node has a parent, and every coarse node has one to three members.
        let mut members = vec![0; coarse];
        for &p in &step.parent {
            members[p as usize] += 1;
        }
        assert!(members.iter().all(|&m| (1..=3).contains(&m)));
        // Matched nodes are neighbours: members of a coarse node are connected.
        for (node, &p) in step.parent.iter().enumerate() {
            if members[p as usize] > 1 {
                assert!(
                    graph
                        .neighbours(node)
                        .iter()
                        .any(|&b| step.parent[b as usize] == p),
                    "{node} shares its coarse node with no neighbour"
                );
            }
        }
    }

    #[test]
    fn a_star_barely_shrinks_so_coarsening_can_stop() {
        let graph = Adjacency::new(1_001, (1..=1_000).map(|leaf| (0, leaf)));
        let step = coarsen(&graph, &vec![1; 1_001]);
        assert!(step.graph.node_count() >= 990);
    }
}
