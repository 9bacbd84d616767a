//! A Fruchterman-Reingold force layout (Barnes-Hut repulsion on large graphs) with gravity toward the centre, deterministic for a
//! given graph, that cools until it settles and then reports itself settled so the view
//! can stop repainting.

use super::barnes_hut::QuadTree;

/// Tuning of [`ForceLayout`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ForceSettings {
    /// The distance, in canvas units, that connected nodes settle at.
    pub ideal_distance: f32,
    /// Pull toward the centre per unit of distance from it (forces grow linearly with
    /// the scale of the layout, so a scaled layout keeps its shape).
    pub gravity: f32,
    /// How far a node may move in the first step, in canvas units.
    pub initial_temperature: f32,
    /// Factor the temperature is multiplied by after each step.
    pub cooling: f32,
    /// The layout is settled once no node moves farther than this in a step.
    pub settle_distance: f32,
    /// Above this many nodes, repulsion is approximated with a Barnes-Hut quadtree
    /// (O(n log n) a step) instead of computed for every pair (O(n²)).
    pub barnes_hut_above: usize,
    /// Barnes-Hut accuracy: a cell counts as one point when side / distance is below it.
    pub theta: f32,
    /// Which start: 0 puts nodes on the spiral in order; another value shuffles them
    /// (deterministically), giving another arrangement.
    pub seed: u64,
}

impl Default for ForceSettings {
    fn default() -> Self {
        Self {
            ideal_distance: 120.0,
            gravity: 2.4,
            initial_temperature: 120.0,
            cooling: 0.97,
            settle_distance: 0.3,
            seed: 0,
            barnes_hut_above: 500,
            theta: 1.0,
        }
    }
}

/// Positions of `n` nodes, moved step by step by repulsion between all nodes, attraction
/// along edges and gravity toward the origin. Pinned nodes never move.
#[derive(Debug, Clone)]
pub struct ForceLayout {
    settings: ForceSettings,
    positions: Vec<[f32; 2]>,
    pinned: Vec<bool>,
    edges: Vec<(usize, usize)>,
    /// Repulsion weight of each node: its degree plus one (as in ForceAtlas2), so that
    /// hubs push harder and their many neighbours get room for their labels.
    masses: Vec<f32>,
    temperature: f32,
    settled: bool,
}

impl ForceLayout {
    /// A layout of `node_count` nodes joined by `edges` (pairs of node positions; pairs
    /// out of range and self-loops exert no force), starting on a golden-angle spiral.
    pub fn new(node_count: usize, edges: Vec<(usize, usize)>, settings: ForceSettings) -> Self {
        let order = seeded_order(node_count, settings.seed);
        let positions = order
            .into_iter()
            .map(|index| spiral_position(index, settings.ideal_distance))
            .collect();
        let edges: Vec<(usize, usize)> = edges
            .into_iter()
            .filter(|&(a, b)| a != b && a < node_count && b < node_count)
            .collect();
        let mut masses = vec![1.0f32; node_count];
        for &(a, b) in &edges {
            masses[a] += 1.0;
            masses[b] += 1.0;
        }
        Self {
            settings,
            positions,
            pinned: vec![false; node_count],
            edges,
            masses,
            temperature: settings.initial_temperature,
            settled: node_count == 0,
        }
    }

    /// A layout that starts from `positions` (one per node), with `pinned` nodes fixed,
    /// warm: it moves nodes only a little before it settles.
    pub fn from_positions(
        positions: Vec<[f32; 2]>,
        pinned: Vec<bool>,
        edges: Vec<(usize, usize)>,
        settings: ForceSettings,
    ) -> Self {
        let count = positions.len();
        let mut layout = Self::new(count, edges, settings);
        for (slot, position) in layout.positions.iter_mut().zip(positions) {
            if position[0].is_finite() && position[1].is_finite() {
                *slot = position;
            }
        }
        for (slot, pin) in layout.pinned.iter_mut().zip(pinned) {
            *slot = pin;
        }
        layout.reheat();
        layout
    }

    /// Current positions, by node.
    pub fn positions(&self) -> &[[f32; 2]] {
        &self.positions
    }

    /// Whether the last step moved no node farther than the settle distance.
    pub fn is_settled(&self) -> bool {
        self.settled
    }

    /// Whether node `index` is pinned.
    pub fn is_pinned(&self, index: usize) -> bool {
        self.pinned.get(index).copied().unwrap_or(false)
    }

    /// Puts node `index` at `position` and pins it there (a user dragged it). Ignored for
    /// an index out of range or a position that is not finite.
    pub fn pin(&mut self, index: usize, position: [f32; 2]) {
        if !(position[0].is_finite() && position[1].is_finite()) {
            return;
        }
        if let (Some(slot), Some(pinned)) =
            (self.positions.get_mut(index), self.pinned.get_mut(index))
        {
            *slot = position;
            *pinned = true;
        }
    }

    /// Multiplies every position by `factor` (about the origin, where gravity pulls), to
    /// make the layout fill a view, and the ideal distance with them, so that the layout
    /// keeps that size when it runs again. Ignored for a factor that is not finite and
    /// positive.
    pub fn scale(&mut self, factor: f32) {
        if !(factor.is_finite() && factor > 0.0) {
            return;
        }
        self.settings.ideal_distance *= factor;
        self.settings.initial_temperature *= factor;
        for position in &mut self.positions {
            position[0] *= factor;
            position[1] *= factor;
        }
    }

    /// Warms the layout up again so that it moves (after pins or edges changed).
    pub fn reheat(&mut self) {
        // Gently: a dragged node should move its neighbours, not redraw the whole graph.
        self.temperature = self.settings.initial_temperature * 0.1;
        self.settled = self.positions.is_empty();
    }

    /// Moves every unpinned node once; returns the largest distance a node moved.
    ///
    /// Complexity: O(n² + edges).
    pub fn step(&mut self) -> f32 {
        let count = self.positions.len();
        let k = self.settings.ideal_distance;
        let mut forces = vec![[0.0f32; 2]; count];
        let weights: Vec<f32> = self.masses.iter().map(|mass| mass.sqrt()).collect();
        if count > self.settings.barnes_hut_above {
            let tree = QuadTree::new(&self.positions, &weights);
            let mut stack = Vec::with_capacity(64);
            for (point, force) in forces.iter_mut().enumerate() {
                *force = tree.push_on(
                    point,
                    &self.positions,
                    &weights,
                    k * k,
                    self.settings.theta,
                    &mut stack,
                );
            }
        } else {
            for a in 0..count {
                for b in (a + 1)..count {
                    let (dx, dy, distance) = separation(&self.positions, a, b);
                    let push = k * k * weights[a] * weights[b] / distance;
                    let (fx, fy) = (dx / distance * push, dy / distance * push);
                    forces[a][0] += fx;
                    forces[a][1] += fy;
                    forces[b][0] -= fx;
                    forces[b][1] -= fy;
                }
            }
        }
        for &(a, b) in &self.edges {
            let (dx, dy, distance) = separation(&self.positions, a, b);
            let pull = distance * distance / k;
            let (fx, fy) = (dx / distance * pull, dy / distance * pull);
            forces[a][0] -= fx;
            forces[a][1] -= fy;
            forces[b][0] += fx;
            forces[b][1] += fy;
        }
        let mut largest_move = 0.0f32;
        for ((position, force), &pinned) in self.positions.iter_mut().zip(&forces).zip(&self.pinned)
        {
            if pinned {
                continue;
            }
            let fx = force[0] - position[0] * self.settings.gravity;
            let fy = force[1] - position[1] * self.settings.gravity;
            let length = (fx * fx + fy * fy).sqrt();
            if !length.is_finite() || length == 0.0 {
                continue;
            }
            let moved = length.min(self.temperature);
            position[0] += fx / length * moved;
            position[1] += fy / length * moved;
            largest_move = largest_move.max(moved);
        }
        self.temperature = (self.temperature * self.settings.cooling).max(0.01);
        self.settled = largest_move <= self.settings.settle_distance;
        largest_move
    }

    /// Pushes nodes apart until no two of their boxes overlap (or `max_rounds` passes
    /// have run), moving each pair along the axis where they overlap least; pinned nodes
    /// stay. A box is `extents[i] = [left, top, right, bottom]` relative to node `i`'s
    /// position (a node and its label). Returns how many overlapping pairs were left.
    ///
    /// Complexity: O(n²) per pass.
    pub fn remove_overlaps(&mut self, extents: &[[f32; 4]], gap: f32, max_rounds: usize) -> usize {
        self.separate(extents, gap, max_rounds, false)
    }

    /// Like [`ForceLayout::remove_overlaps`], moving nodes only up and down (for layouts
    /// whose x means something, such as a timeline).
    pub fn remove_overlaps_vertically(
        &mut self,
        extents: &[[f32; 4]],
        gap: f32,
        max_rounds: usize,
    ) -> usize {
        self.separate(extents, gap, max_rounds, true)
    }

    fn separate(
        &mut self,
        extents: &[[f32; 4]],
        gap: f32,
        max_rounds: usize,
        vertical_only: bool,
    ) -> usize {
        let count = self.positions.len().min(extents.len());
        // Boxes can only overlap when their centres lie in neighbouring cells of a grid
        // as coarse as the largest box: each round compares neighbours only.
        let cell = extents
            .iter()
            .take(count)
            .map(|e| (e[2] - e[0]).max(e[3] - e[1]))
            .filter(|size| size.is_finite())
            .fold(1.0f32, f32::max)
            + gap;
        let mut overlapping = 0;
        for _ in 0..max_rounds {
            overlapping = 0;
            let key = |node: usize, positions: &[[f32; 2]]| {
                let (p, e) = (positions[node], extents[node]);
                let centre = [p[0] + (e[0] + e[2]) / 2.0, p[1] + (e[1] + e[3]) / 2.0];
                (
                    (centre[0] / cell).floor() as i64,
                    (centre[1] / cell).floor() as i64,
                )
            };
            let mut grid: std::collections::HashMap<(i64, i64), Vec<usize>> =
                std::collections::HashMap::new();
            for node in 0..count {
                grid.entry(key(node, &self.positions))
                    .or_default()
                    .push(node);
            }
            for a in 0..count {
                let (x, y) = key(a, &self.positions);
                let mut neighbours: Vec<usize> = Vec::new();
                for dx in -1..=1 {
                    for dy in -1..=1 {
                        if let Some(bucket) = grid.get(&(x + dx, y + dy)) {
                            neighbours.extend(bucket.iter().copied().filter(|&b| b > a));
                        }
                    }
                }
                neighbours.sort_unstable();
                for b in neighbours {
                    let (pa, pb) = (self.positions[a], self.positions[b]);
                    let (ea, eb) = (extents[a], extents[b]);
                    let overlap_x = (pa[0] + ea[2]).min(pb[0] + eb[2])
                        - (pa[0] + ea[0]).max(pb[0] + eb[0])
                        + gap;
                    let overlap_y = (pa[1] + ea[3]).min(pb[1] + eb[3])
                        - (pa[1] + ea[1]).max(pb[1] + eb[1])
                        + gap;
                    // Overlaps under half a unit are rounding, not overlaps.
                    if overlap_x <= 0.5
                        || overlap_y <= 0.5
                        || !overlap_x.is_finite()
                        || !overlap_y.is_finite()
                    {
                        continue;
                    }
                    overlapping += 1;
                    let (axis, amount) = if overlap_x < overlap_y && !vertical_only {
                        (0, overlap_x)
                    } else {
                        (1, overlap_y)
                    };
                    let direction = if pa[axis] < pb[axis] || (pa[axis] == pb[axis] && a < b) {
                        -1.0
                    } else {
                        1.0
                    };
                    let (share_a, share_b) = match (self.pinned[a], self.pinned[b]) {
                        (true, true) => continue,
                        (true, false) => (0.0, 1.0),
                        (false, true) => (1.0, 0.0),
                        (false, false) => (0.5, 0.5),
                    };
                    self.positions[a][axis] += direction * amount * share_a;
                    self.positions[b][axis] -= direction * amount * share_b;
                }
            }
            if overlapping == 0 {
                break;
            }
        }
        overlapping
    }

    /// Steps until settled or `max_steps` have run; returns the steps run.
    pub fn run(&mut self, max_steps: usize) -> usize {
        for steps in 0..max_steps {
            if self.settled {
                return steps;
            }
            self.step();
        }
        max_steps
    }
}

/// The vector from node `b` to node `a` and its length, never zero: nodes on one spot are
/// pushed apart along a direction fixed by their indices.
fn separation(positions: &[[f32; 2]], a: usize, b: usize) -> (f32, f32, f32) {
    let (Some(pa), Some(pb)) = (positions.get(a), positions.get(b)) else {
        return (1.0, 0.0, 1.0);
    };
    let (dx, dy) = (pa[0] - pb[0], pa[1] - pb[1]);
    let distance = (dx * dx + dy * dy).sqrt();
    if distance > 0.01 {
        return (dx, dy, distance);
    }
    let angle = (a * 7 + b * 13) as f32;
    (angle.cos() * 0.01, angle.sin() * 0.01, 0.01)
}

/// `0..count` in order for seed 0, otherwise shuffled by a xorshift generator seeded with
/// `seed` (Fisher-Yates): the same seed, the same order, on every machine.
fn seeded_order(count: usize, seed: u64) -> Vec<usize> {
    let mut order: Vec<usize> = (0..count).collect();
    if seed == 0 {
        return order;
    }
    let mut state = seed ^ 0x9E37_79B9_7F4A_7C15;
    for index in (1..count).rev() {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let other = (state % (index as u64 + 1)) as usize;
        order.swap(index, other);
    }
    order
}

fn spiral_position(index: usize, spacing: f32) -> [f32; 2] {
    const GOLDEN_ANGLE: f32 = 2.399_963;
    let radius = spacing * 0.5 * (index as f32 + 0.5).sqrt();
    let angle = index as f32 * GOLDEN_ANGLE;
    [radius * angle.cos(), radius * angle.sin()]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn distance(positions: &[[f32; 2]], a: usize, b: usize) -> f32 {
        separation(positions, a, b).2
    }

    /// The edges of two cliques of five (nodes 0-4 and 5-9) joined by one edge.
    fn two_clique_edges() -> Vec<(usize, usize)> {
        let mut edges = Vec::new();
        for offset in [0, 5] {
            for a in 0..5 {
                for b in (a + 1)..5 {
                    edges.push((offset + a, offset + b));
                }
            }
        }
        edges.push((0, 5));
        edges
    }

    /// Node 1 is on average at least 1.5 times nearer its own clique (0, 2, 3, 4) than
    /// the other (6 to 9).
    fn assert_cliques_apart(positions: &[[f32; 2]]) {
        let within: f32 = [0, 2, 3, 4]
            .map(|b| distance(positions, 1, b))
            .iter()
            .sum::<f32>()
            / 4.0;
        let across: f32 = (6..10).map(|b| distance(positions, 1, b)).sum::<f32>() / 4.0;
        assert!(within * 1.5 < across, "within {within}, across {across}");
    }

    /// Two cliques of five joined by one edge.
    fn two_clusters() -> ForceLayout {
        ForceLayout::new(10, two_clique_edges(), ForceSettings::default())
    }

    #[test]
    fn settles_within_a_bounded_number_of_steps() {
        let mut layout = two_clusters();
        let steps = layout.run(2_000);
        assert!(layout.is_settled(), "not settled after {steps} steps");
        assert!(steps < 2_000);
    }

    #[test]
    fn connected_nodes_end_nearer_than_unconnected_ones() {
        let mut layout = two_clusters();
        layout.run(2_000);
        let positions = layout.positions();
        assert_cliques_apart(positions);
    }

    #[test]
    fn never_produces_nan_with_stacked_nodes_loops_and_isolates() {
        let mut layout = ForceLayout::new(
            6,
            vec![(0, 0), (0, 1), (1, 2), (7, 1)],
            ForceSettings::default(),
        );
        for index in 0..6 {
            layout.pin(index, [5.0, 5.0]);
        }
        layout.pinned = vec![false; 6];
        layout.reheat();
        layout.run(500);
        assert!(
            layout
                .positions()
                .iter()
                .all(|p| p[0].is_finite() && p[1].is_finite())
        );
        let spread = distance(layout.positions(), 0, 1);
        assert!(spread > 1.0, "stacked nodes stayed stacked: {spread}");
    }

    #[test]
    fn overlap_removal_separates_every_box() {
        let mut layout = ForceLayout::new(12, Vec::new(), ForceSettings::default());
        for index in 0..12 {
            layout.pin(index, [index as f32 * 3.0, (index % 3) as f32]);
        }
        layout.pinned = vec![false; 12];
        layout.pin(0, [0.0, 0.0]);
        let extents = vec![[-40.0, -10.0, 40.0, 25.0]; 12];
        let left = layout.remove_overlaps(&extents, 2.0, 500);
        assert_eq!(left, 0);
        let positions = layout.positions();
        assert_eq!(positions[0], [0.0, 0.0], "the pinned node stayed");
        for a in 0..12 {
            for b in (a + 1)..12 {
                let apart_x = (positions[a][0] - positions[b][0]).abs() >= 80.0;
                let apart_y = (positions[a][1] - positions[b][1]).abs() >= 35.0;
                assert!(apart_x || apart_y, "{a} and {b} overlap");
            }
        }
    }

    #[test]
    fn pinned_nodes_stay_where_they_were_put() {
        let mut layout = two_clusters();
        layout.pin(3, [400.0, -250.0]);
        layout.reheat();
        layout.run(300);
        assert_eq!(layout.positions()[3], [400.0, -250.0]);
        assert!(layout.is_pinned(3));
        layout.pin(4, [f32::NAN, 0.0]);
        assert!(!layout.is_pinned(4));
    }

    #[test]
    fn a_scaled_layout_keeps_its_size_when_it_runs_again() {
        let mut layout = two_clusters();
        layout.run(2_000);
        layout.scale(2.0);
        let spread = |layout: &ForceLayout| distance(layout.positions(), 0, 9);
        let before = spread(&layout);
        layout.reheat();
        layout.run(2_000);
        let after = spread(&layout);
        assert!(
            (after / before - 1.0).abs() < 0.15,
            "spread went from {before} to {after}"
        );
    }

    #[test]
    fn barnes_hut_layout_separates_clusters_and_stays_finite() {
        // Two cliques of five joined by one edge, plus stacked isolates, laid out with the
        // quadtree (forced on at any size).
        let settings = ForceSettings {
            barnes_hut_above: 0,
            ..ForceSettings::default()
        };
        let mut edges = two_clique_edges();
        edges.push((3, 3));
        let mut layout = ForceLayout::new(14, edges, settings);
        for index in 10..14 {
            layout.positions[index] = [7.0, 7.0];
        }
        let steps = layout.run(3_000);
        assert!(layout.is_settled(), "not settled after {steps} steps");
        let positions = layout.positions();
        assert!(
            positions
                .iter()
                .all(|p| p[0].is_finite() && p[1].is_finite())
        );
        assert_cliques_apart(positions);
        assert!(
            distance(positions, 10, 11) > 1.0,
            "stacked isolates were pushed apart"
        );
    }

    #[test]
    fn seeds_give_other_but_repeatable_starts() {
        let settings = |seed| ForceSettings {
            seed,
            ..ForceSettings::default()
        };
        let start = |seed| {
            ForceLayout::new(10, Vec::new(), settings(seed))
                .positions()
                .to_vec()
        };
        assert_eq!(start(7), start(7));
        assert_ne!(start(7), start(8));
        assert_eq!(
            start(0),
            ForceLayout::new(10, Vec::new(), ForceSettings::default()).positions()
        );
        let mut sorted = seeded_order(50, 3);
        sorted.sort_unstable();
        assert_eq!(sorted, (0..50).collect::<Vec<_>>(), "a permutation");
    }

    #[test]
    fn same_graph_same_positions() {
        let mut first = two_clusters();
        let mut second = two_clusters();
        first.run(100);
        second.run(100);
        assert_eq!(first.positions(), second.positions());
    }
}
