//! Graphs whose shape is known, generated deterministically, for judging layouts in tests
//! and benchmarks: grids, random geometric graphs, planted communities, many components
//! and scale-free graphs. Each is a node count and a list of edges (pairs of node indices).

/// A generated graph.
#[derive(Debug, Clone, PartialEq)]
pub struct SampleGraph {
    /// How many nodes.
    pub node_count: usize,
    /// Edges as pairs of node indices.
    pub edges: Vec<(usize, usize)>,
    /// A group per node where the graph has planted groups (communities, components).
    pub groups: Vec<usize>,
}

/// A small, fast, seeded generator (xorshift64*): the same seed gives the same graph on
/// every machine.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator from `seed` (any value, zero included).
    pub fn new(seed: u64) -> Self {
        Self(seed ^ 0x2545_F491_4F6C_DD1D | 1)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..bound` (0 when `bound` is 0).
    pub fn below(&mut self, bound: usize) -> usize {
        if bound == 0 {
            return 0;
        }
        (self.next_u64() % bound as u64) as usize
    }

    /// A number in `[0, 1)`.
    pub fn unit(&mut self) -> f32 {
        (self.next_u64() >> 40) as f32 / (1u64 << 24) as f32
    }
}

/// A `rows` x `columns` grid, nodes row by row.
pub fn grid(rows: usize, columns: usize) -> SampleGraph {
    let mut edges = Vec::with_capacity(rows * columns * 2);
    for row in 0..rows {
        for column in 0..columns {
            let node = row * columns + column;
            if column + 1 < columns {
                edges.push((node, node + 1));
            }
            if row + 1 < rows {
                edges.push((node, node + columns));
            }
        }
    }
    SampleGraph {
        node_count: rows * columns,
        edges,
        groups: Vec::new(),
    }
}

/// `count` points thrown into the unit square, each joined to every point within
/// `radius`; the points come back too.
pub fn random_geometric(count: usize, radius: f32, seed: u64) -> (SampleGraph, Vec<[f32; 2]>) {
    let mut rng = Rng::new(seed);
    let points: Vec<[f32; 2]> = (0..count).map(|_| [rng.unit(), rng.unit()]).collect();
    let cells = ((1.0 / radius.max(1e-3)).floor() as usize).clamp(1, 4_096);
    let cell_of = |p: [f32; 2]| {
        let x = ((p[0] * cells as f32) as usize).min(cells - 1);
        let y = ((p[1] * cells as f32) as usize).min(cells - 1);
        (x, y)
    };
    let mut buckets = vec![Vec::new(); cells * cells];
    for (index, &point) in points.iter().enumerate() {
        let (x, y) = cell_of(point);
        buckets[y * cells + x].push(index);
    }
    let mut edges = Vec::new();
    for (a, &point) in points.iter().enumerate() {
        let (x, y) = cell_of(point);
        for cy in y.saturating_sub(1)..=(y + 1).min(cells - 1) {
            for cx in x.saturating_sub(1)..=(x + 1).min(cells - 1) {
                for &b in &buckets[cy * cells + cx] {
                    let other = points[b];
                    if b > a && (point[0] - other[0]).hypot(point[1] - other[1]) <= radius {
                        edges.push((a, b));
                    }
                }
            }
        }
    }
    let graph = SampleGraph {
        node_count: count,
        edges,
        groups: Vec::new(),
    };
    (graph, points)
}

/// `count` communities of `size` nodes, each pair inside a community joined with
/// probability `inside`, plus `between` edges joining random nodes of random communities.
pub fn communities(
    count: usize,
    size: usize,
    inside: f32,
    between: usize,
    seed: u64,
) -> SampleGraph {
    let mut rng = Rng::new(seed);
    let mut edges = Vec::new();
    for community in 0..count {
        let first = community * size;
        for a in 0..size {
            for b in (a + 1)..size {
                if rng.unit() < inside {
                    edges.push((first + a, first + b));
                }
            }
        }
    }
    let node_count = count * size;
    for _ in 0..between {
        edges.push((rng.below(node_count), rng.below(node_count)));
    }
    SampleGraph {
        node_count,
        edges,
        groups: (0..node_count).map(|node| node / size.max(1)).collect(),
    }
}

/// `count` components: random trees of 1 to `most_size` nodes, each with a few extra
/// edges inside it.
pub fn components(count: usize, most_size: usize, seed: u64) -> SampleGraph {
    let mut rng = Rng::new(seed);
    let mut edges = Vec::new();
    let mut groups = Vec::new();
    for component in 0..count {
        let first = groups.len();
        let size = 1 + rng.below(most_size.max(1));
        for node in 1..size {
            edges.push((first + node, first + rng.below(node)));
        }
        for _ in 0..size / 4 {
            edges.push((first + rng.below(size), first + rng.below(size)));
        }
        groups.extend(std::iter::repeat_n(component, size));
    }
    SampleGraph {
        node_count: groups.len(),
        edges,
        groups,
    }
}

/// A scale-free graph by preferential attachment (Barabási-Albert): each new node joins
/// `links` existing nodes chosen in proportion to their degree.
pub fn scale_free(count: usize, links: usize, seed: u64) -> SampleGraph {
    let mut rng = Rng::new(seed);
    let links = links.max(1);
    let mut edges = Vec::with_capacity(count * links);
    // Every edge end once: picking a random end picks a node by its degree.
    let mut ends: Vec<usize> = Vec::with_capacity(count * links * 2);
    for node in 1..count.min(links + 1) {
        edges.push((node, 0));
        ends.extend([node, 0]);
    }
    for node in (links + 1)..count {
        for _ in 0..links {
            let other = ends.get(rng.below(ends.len())).copied().unwrap_or(0);
            edges.push((node, other));
            ends.extend([node, other]);
        }
    }
    SampleGraph {
        node_count: count,
        edges,
        groups: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generators_give_the_graphs_they_promise() {
        let g = grid(3, 4);
        assert_eq!((g.node_count, g.edges.len()), (12, 3 * 3 + 2 * 4));
        let (rgg, points) = random_geometric(500, 0.08, 1);
        assert_eq!(points.len(), 500);
        for &(a, b) in &rgg.edges {
            let d = (points[a][0] - points[b][0]).hypot(points[a][1] - points[b][1]);
            assert!(d <= 0.08);
        }
        assert!(rgg.edges.len() > 500, "{} edges", rgg.edges.len());
        let c = communities(4, 10, 1.0, 0, 2);
        assert_eq!(c.edges.len(), 4 * 45);
        assert_eq!(c.groups[39], 3);
        let parts = components(30, 5, 3);
        assert_eq!(parts.groups.len(), parts.node_count);
        assert_eq!(parts.groups.last(), Some(&29));
        let sf = scale_free(1_000, 2, 4);
        assert_eq!(sf.edges.len(), 2 + 997 * 2);
        assert_eq!(sf, scale_free(1_000, 2, 4), "the same seed, the same graph");
    }
}
