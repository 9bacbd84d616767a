//! One connected component's layout: its hierarchy of coarser graphs, the level being
//! refined, and carrying positions down to the next finer level.

use super::coarsen::{Adjacency, coarsen};
use super::refine::{REPULSION, Refiner};
use super::{COARSEST, ForceSettings, LEVEL_BUDGET, POOR_SHRINK, median_edge_length};

/// One component's hierarchy and the level being refined.
#[derive(Debug, Clone)]
pub(super) struct ComponentJob {
    /// Its nodes (graph positions), sorted.
    pub(super) nodes: Vec<u32>,
    /// Its graph at each level; 0 is the component itself.
    pub(super) levels: Vec<Adjacency>,
    /// `parents[l][i]`: the node of level `l + 1` that node `i` of level `l` joined.
    parents: Vec<Vec<u32>>,
    /// The level being refined.
    pub(super) level: usize,
    /// For each of its nodes, the node of the level being refined that it belongs to
    /// (set when the level changes, read on every step the layout is shown).
    ancestor: Vec<u32>,
    /// Its edges, each once.
    edges: Vec<(u32, u32)>,
    /// Positions of its nodes, in units of the spring length.
    positions: Vec<[f32; 2]>,
    refiner: Refiner,
}

impl ComponentJob {
    /// The hierarchy of the component on `nodes` and its coarsest level on a spiral.
    pub(super) fn new(graph: &Adjacency, nodes: Vec<u32>, settings: ForceSettings) -> Self {
        let seed = settings.seed;
        let mut levels = vec![graph.subgraph(&nodes)];
        let mut parents = Vec::new();
        let mut weights = vec![1u32; nodes.len()];
        while let Some(finest) = levels.last()
            && finest.node_count() > COARSEST
        {
            let step = coarsen(finest, &weights);
            let (fine, coarse) = (finest.node_count(), step.graph.node_count());
            if coarse as f32 > POOR_SHRINK * fine as f32 || coarse == 0 {
                break;
            }
            levels.push(step.graph);
            parents.push(step.parent);
            weights = step.weights;
        }
        let level = levels.len() - 1;
        let count = levels[level].node_count();
        let positions = seeded_order(count, seed)
            .into_iter()
            .map(|index| spiral_position(index, 1.0))
            .collect();
        let edges = levels[level].edges();
        let ancestor = ancestors(nodes.len(), &parents, level);
        Self {
            nodes,
            levels,
            parents,
            level,
            ancestor,
            edges,
            positions,
            refiner: Refiner::new(1.0, 1.0, iterations_for(count, true), settings.repulsion()),
        }
    }

    /// A force step at the current level; when the level is done, carries the positions
    /// down to the next finer level.
    pub(super) fn step(&mut self, settings: ForceSettings) {
        if self.refiner.is_done() {
            self.carry_down(settings);
            return;
        }
        self.refiner.iterate(&mut self.positions, &self.edges, None);
        if self.refiner.is_done() && self.level > 0 {
            self.carry_down(settings);
        }
    }

    /// Whether the finest level is done.
    pub(super) fn is_finished(&self) -> bool {
        self.level == 0 && self.refiner.is_done()
    }

    /// Puts each node of the next finer level at its coarse node's place (spread out as
    /// the finer graph is bigger, and a little apart from its partners).
    fn carry_down(&mut self, settings: ForceSettings) {
        if self.level == 0 {
            return;
        }
        let finer = self.level - 1;
        let (Some(parent), Some(graph)) = (self.parents.get(finer), self.levels.get(finer)) else {
            return;
        };
        let spread = (graph.node_count() as f32 / self.positions.len().max(1) as f32).sqrt();
        let positions = parent
            .iter()
            .enumerate()
            .map(|(node, &coarse)| {
                let at = self
                    .positions
                    .get(coarse as usize)
                    .copied()
                    .unwrap_or_default();
                let angle = jitter_angle(node, settings.seed);
                [
                    at[0] * spread + 0.1 * angle.cos(),
                    at[1] * spread + 0.1 * angle.sin(),
                ]
            })
            .collect();
        self.positions = positions;
        self.edges = graph.edges();
        self.level = finer;
        self.ancestor = ancestors(self.nodes.len(), &self.parents, finer);
        self.refiner = Refiner::new(
            1.0,
            0.3,
            iterations_for(graph.node_count(), false),
            settings.repulsion(),
        );
    }

    /// The place of every node of the component now, each at its coarse node's place,
    /// scaled as the finished layout will be, centred; and the radius around them.
    pub(super) fn current_positions(&self, ideal_distance: f32) -> (Vec<[f32; 2]>, f32) {
        let spread = (self.nodes.len() as f32 / self.positions.len().max(1) as f32).sqrt();
        let scale = ideal_distance / REPULSION.cbrt() * spread;
        let places: Vec<[f32; 2]> = self
            .ancestor
            .iter()
            .map(|&node| {
                self.positions
                    .get(node as usize)
                    .copied()
                    .unwrap_or_default()
            })
            .collect();
        centred(places, scale, ideal_distance)
    }

    /// The finished places of the component's nodes, scaled so that the median edge is
    /// `ideal_distance` long, centred; the radius around them; and the factor from spring
    /// lengths to canvas units.
    pub(super) fn finished_positions(&self, ideal_distance: f32) -> (Vec<[f32; 2]>, f32, f32) {
        let pairs = self.edges.iter().map(|&(a, b)| (a as usize, b as usize));
        let scale = ideal_distance
            / median_edge_length(&self.positions, pairs)
                .unwrap_or(REPULSION.cbrt())
                .max(1e-6);
        let (mut places, radius) = centred(self.positions.clone(), scale, ideal_distance);
        lay_long_axis_flat(&mut places);
        (places, radius, scale)
    }
}

/// For each of `count` nodes of a component, the node of level `level` it belongs to,
/// following `parents` (see `ComponentJob::parents`).
fn ancestors(count: usize, parents: &[Vec<u32>], level: usize) -> Vec<u32> {
    let mut ancestor: Vec<u32> = (0..count as u32).collect();
    for parent in parents.iter().take(level) {
        for node in &mut ancestor {
            *node = parent.get(*node as usize).copied().unwrap_or(0);
        }
    }
    ancestor
}

/// Turns centred `places` so that their long axis (the principal axis of their spread)
/// lies along x: windows and figures are wider than tall, so a drawing turned this way
/// fills them at a larger scale. A turn keeps every distance.
pub(super) fn lay_long_axis_flat(places: &mut [[f32; 2]]) {
    let (mut xx, mut xy, mut yy) = (0.0f64, 0.0f64, 0.0f64);
    for p in places.iter() {
        let (x, y) = (f64::from(p[0]), f64::from(p[1]));
        xx += x * x;
        xy += x * y;
        yy += y * y;
    }
    // The angle of the principal axis of the covariance [[xx, xy], [xy, yy]].
    let angle = 0.5 * (2.0 * xy).atan2(xx - yy);
    if !angle.is_finite() {
        return;
    }
    let (sin, cos) = ((-angle).sin() as f32, (-angle).cos() as f32);
    for p in places.iter_mut() {
        *p = [p[0] * cos - p[1] * sin, p[0] * sin + p[1] * cos];
    }
}

/// `places` scaled by `scale` about their centroid, which goes to the origin, and the
/// radius of the circle around them with half `margin` to spare.
fn centred(mut places: Vec<[f32; 2]>, scale: f32, margin: f32) -> (Vec<[f32; 2]>, f32) {
    let count = places.len().max(1) as f32;
    let (sx, sy) = places
        .iter()
        .fold((0.0f32, 0.0f32), |(x, y), p| (x + p[0], y + p[1]));
    let centre = [sx / count, sy / count];
    let mut radius = 0.0f32;
    for place in &mut places {
        *place = [
            (place[0] - centre[0]) * scale,
            (place[1] - centre[1]) * scale,
        ];
        if !(place[0].is_finite() && place[1].is_finite()) {
            *place = [0.0, 0.0];
        }
        radius = radius.max(place[0].hypot(place[1]));
    }
    (places, radius + margin / 2.0)
}

/// Force steps a level of `count` nodes may take: more for the coarsest level, which
/// starts from nothing, and fewer for big levels (see [`LEVEL_BUDGET`]).
fn iterations_for(count: usize, coarsest: bool) -> usize {
    let most = if coarsest { 300 } else { 100 };
    (LEVEL_BUDGET / count.max(1)).clamp(20, most)
}

/// A direction fixed by a node and the seed, to set partners apart when carried down.
fn jitter_angle(node: usize, seed: u64) -> f32 {
    let mut state =
        (node as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ seed ^ 0xD1B5_4A32_D192_ED03;
    state ^= state >> 29;
    state = state.wrapping_mul(0xBF58_476D_1CE4_E5B9);
    state ^= state >> 32;
    (state % 3_600) as f32 / 3_600.0 * std::f32::consts::TAU
}

/// `0..count` in order for seed 0, otherwise shuffled by a xorshift generator seeded with
/// `seed` (Fisher-Yates): the same seed, the same order, on every machine.
pub(super) fn seeded_order(count: usize, seed: u64) -> Vec<usize> {
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

/// The place of the `index`-th node on a golden-angle spiral of the given spacing.
pub(super) fn spiral_position(index: usize, spacing: f32) -> [f32; 2] {
    const GOLDEN_ANGLE: f32 = 2.399_963;
    let radius = spacing * 0.5 * (index as f32 + 0.5).sqrt();
    let angle = index as f32 * GOLDEN_ANGLE;
    [radius * angle.cos(), radius * angle.sin()]
}
