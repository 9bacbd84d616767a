//! The force layout: multilevel, as sfdp and FM3 are. Each connected component is
//! coarsened level by level ([`coarsen`]), its coarsest graph laid out from a spiral, and
//! the positions carried down level by level, each refined by spring-electrical force
//! steps with an adaptive step length ([`refine`], Hu 2005). Components are then packed
//! around the biggest ([`pack`]). The layout runs step by step, so a window can show it
//! as it goes (coarse levels first), and stops by itself when settled. Deterministic for a
//! given graph and seed.

mod coarsen;
mod pack;
mod refine;

pub use coarsen::Adjacency;
pub use pack::CirclePacker;

use coarsen::coarsen;
use refine::{REPULSION, Refiner};

/// Components up to this many nodes are laid out whole within one step.
const WHOLE_IN_ONE_STEP: usize = 200;
/// Coarsening stops at this many nodes.
const COARSEST: usize = 24;
/// Coarsening stops when a level keeps more than this share of the nodes (stars).
const POOR_SHRINK: f32 = 0.8;
/// Node-steps a level may take: bigger levels get fewer steps, so that the layout of
/// 100,000 nodes ends in seconds.
const LEVEL_BUDGET: usize = 4_000_000;

/// Tuning of [`ForceLayout`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ForceSettings {
    /// The length connected nodes settle at, in canvas units (the median edge length of
    /// each finished component).
    pub ideal_distance: f32,
    /// Barnes-Hut accuracy: a cell counts as one point when side / distance is below it.
    pub theta: f32,
    /// Which start: 0 puts each coarsest graph's nodes on a spiral in order; another
    /// value shuffles them (deterministically), giving another arrangement.
    pub seed: u64,
    /// Most threads a step may use; 0: one per core. A window leaves a core to itself
    /// (see [`ForceSettings::beside_a_window`]); the result is the same either way.
    pub threads: usize,
}

impl ForceSettings {
    /// The settings for a layout running beside a window: one core fewer than the
    /// machine has (at least one), so that frames keep coming while it runs.
    pub fn beside_a_window() -> Self {
        let cores = std::thread::available_parallelism().map_or(1, usize::from);
        Self {
            threads: cores.saturating_sub(1).max(1),
            ..Self::default()
        }
    }

    fn repulsion(&self) -> (f32, usize) {
        (self.theta, self.threads)
    }
}

impl Default for ForceSettings {
    fn default() -> Self {
        Self {
            ideal_distance: 120.0,
            theta: 1.2,
            seed: 0,
            threads: 0,
        }
    }
}

/// How far a layout has come, for a progress bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Progress {
    /// Nodes in components already laid out.
    pub laid_out: usize,
    /// All nodes.
    pub total: usize,
    /// The level being refined in the current component (0 is the graph itself).
    pub level: usize,
    /// Levels of the current component.
    pub levels: usize,
    /// Nodes of the current component.
    pub current: usize,
}

impl Progress {
    /// The share of the work done, from 0 to 1 (a level counts as an equal share of its
    /// component).
    pub fn fraction(&self) -> f32 {
        if self.total == 0 {
            return 1.0;
        }
        let levels_done = if self.levels == 0 {
            0.0
        } else {
            (self.levels - self.level.min(self.levels)) as f32 / (self.levels + 1) as f32
        };
        ((self.laid_out as f32 + self.current as f32 * levels_done) / self.total as f32)
            .clamp(0.0, 1.0)
    }
}

/// Positions of `n` nodes, laid out from scratch (multilevel) or refined from given
/// places (warm); pinned nodes never move.
#[derive(Debug, Clone)]
pub struct ForceLayout {
    settings: ForceSettings,
    positions: Vec<[f32; 2]>,
    /// Where each pinned node is pinned.
    pins: Vec<Option<[f32; 2]>>,
    /// The spring length in canvas units, once the biggest component is laid out (scaled
    /// with the drawing), so that a refinement keeps the drawing's size; before that, it
    /// is estimated from the drawn edges.
    spring: Option<f32>,
    graph: Adjacency,
    phase: Phase,
    laid_out: usize,
}

#[derive(Debug, Clone)]
enum Phase {
    /// Laying out components one after another, then packing them.
    Multilevel(Box<Components>),
    /// Force steps on the whole graph from the current places, moving only `movable`.
    Refine {
        refiner: Refiner,
        movable: Vec<bool>,
        edges: Vec<(u32, u32)>,
    },
    Settled,
}

#[derive(Debug, Clone)]
struct Components {
    /// Node lists, biggest first.
    list: Vec<Vec<u32>>,
    /// The next component to start.
    next: usize,
    current: Option<ComponentJob>,
    packer: CirclePacker,
}

/// One component's hierarchy and the level being refined.
#[derive(Debug, Clone)]
struct ComponentJob {
    /// Its nodes (graph positions), sorted.
    nodes: Vec<u32>,
    /// Its graph at each level; 0 is the component itself.
    levels: Vec<Adjacency>,
    /// `parents[l][i]`: the node of level `l + 1` that node `i` of level `l` joined.
    parents: Vec<Vec<u32>>,
    /// The level being refined.
    level: usize,
    /// Its edges, each once.
    edges: Vec<(u32, u32)>,
    /// Positions of its nodes, in units of the spring length.
    positions: Vec<[f32; 2]>,
    refiner: Refiner,
}

impl ForceLayout {
    /// A layout of `node_count` nodes joined by `edges` (pairs of node positions; pairs
    /// out of range, self-loops and repeats exert no force), from scratch.
    pub fn new(node_count: usize, edges: Vec<(usize, usize)>, settings: ForceSettings) -> Self {
        let graph = Adjacency::new(node_count, edges);
        let list = graph.components();
        // Until its component is laid out, a node waits on a spiral as wide as the
        // finished drawing will be, so that a window showing the layout as it goes
        // never sees every node on one spot.
        let positions = seeded_order(node_count, settings.seed)
            .into_iter()
            .map(|index| spiral_position(index, settings.ideal_distance))
            .collect();
        Self {
            settings,
            positions,
            pins: vec![None; node_count],
            spring: None,
            graph,
            phase: Phase::Multilevel(Box::new(Components {
                list,
                next: 0,
                current: None,
                packer: CirclePacker::new(),
            })),
            laid_out: 0,
        }
    }

    /// A layout that starts from `positions` (one per node), with `pinned` nodes fixed,
    /// warm: it refines the places it was given and settles soon.
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
        for (index, pinned) in pinned.into_iter().enumerate() {
            if pinned && let Some(&place) = layout.positions.get(index) {
                layout.pin(index, place);
            }
        }
        layout.reheat();
        layout
    }

    /// Like [`ForceLayout::from_positions`], moving only the nodes within `hops` of
    /// `centre` (a node the user just dropped): the rest of the drawing stays as it is.
    pub fn around(
        positions: Vec<[f32; 2]>,
        pinned: Vec<bool>,
        edges: Vec<(usize, usize)>,
        settings: ForceSettings,
        centre: usize,
        hops: usize,
    ) -> Self {
        let mut layout = Self::from_positions(positions, pinned, edges, settings);
        let near = layout.graph.within_hops(centre, hops);
        let k = layout.spring_length();
        if let Phase::Refine {
            movable, refiner, ..
        } = &mut layout.phase
        {
            for (slot, near) in movable.iter_mut().zip(near) {
                *slot &= near;
            }
            // A few steps: the neighbourhood follows, the rest of the drawing is kept.
            *refiner = Refiner::new(k, 0.1 * k, 40, settings.repulsion());
        }
        layout
    }

    /// Current positions, by node.
    pub fn positions(&self) -> &[[f32; 2]] {
        &self.positions
    }

    /// Whether the layout has settled.
    pub fn is_settled(&self) -> bool {
        matches!(self.phase, Phase::Settled)
    }

    /// How far the layout has come.
    pub fn progress(&self) -> Progress {
        let (level, levels, current) = match &self.phase {
            Phase::Multilevel(components) => components.current.as_ref().map_or((0, 0, 0), |job| {
                (job.level, job.levels.len(), job.nodes.len())
            }),
            _ => (0, 0, 0),
        };
        Progress {
            laid_out: self.laid_out,
            total: self.positions.len(),
            level,
            levels,
            current,
        }
    }

    /// Whether node `index` is pinned.
    pub fn is_pinned(&self, index: usize) -> bool {
        self.pins.get(index).is_some_and(Option::is_some)
    }

    /// Puts node `index` at `position` and pins it there (a user dragged it). Ignored for
    /// an index out of range or a position that is not finite.
    pub fn pin(&mut self, index: usize, position: [f32; 2]) {
        if !(position[0].is_finite() && position[1].is_finite()) {
            return;
        }
        if let (Some(slot), Some(pin)) = (self.positions.get_mut(index), self.pins.get_mut(index)) {
            *slot = position;
            *pin = Some(position);
        }
    }

    /// Moves node `index` to `position` without pinning it (ignored out of range or for a
    /// position that is not finite).
    pub fn place(&mut self, index: usize, position: [f32; 2]) {
        if position[0].is_finite()
            && position[1].is_finite()
            && let Some(slot) = self.positions.get_mut(index)
        {
            *slot = position;
        }
    }

    /// Multiplies every position by `factor` (about the origin), to make the layout fill
    /// a view, and the ideal distance with them, so that the layout keeps that size when
    /// it runs again. Ignored for a factor that is not finite and positive.
    pub fn scale(&mut self, factor: f32) {
        if !(factor.is_finite() && factor > 0.0) {
            return;
        }
        self.settings.ideal_distance *= factor;
        if let Some(spring) = &mut self.spring {
            *spring *= factor;
        }
        for position in self
            .positions
            .iter_mut()
            .chain(self.pins.iter_mut().flatten())
        {
            position[0] *= factor;
            position[1] *= factor;
        }
    }

    /// Multiplies x by `factors[0]` and y by `factors[1]` (about the origin), and the
    /// ideal distance by their geometric mean. Ignored unless both are finite and positive.
    pub fn stretch(&mut self, factors: [f32; 2]) {
        if !factors.iter().all(|f| f.is_finite() && *f > 0.0) {
            return;
        }
        let mean = (factors[0] * factors[1]).sqrt();
        self.settings.ideal_distance *= mean;
        if let Some(spring) = &mut self.spring {
            *spring *= mean;
        }
        for position in self
            .positions
            .iter_mut()
            .chain(self.pins.iter_mut().flatten())
        {
            position[0] *= factors[0];
            position[1] *= factors[1];
        }
    }

    /// Refines the current places again (after pins or edges changed): a few gentle force
    /// steps that move what must move and leave the drawing's shape alone.
    pub fn reheat(&mut self) {
        let k = self.spring_length();
        let movable: Vec<bool> = self.pins.iter().map(Option::is_none).collect();
        self.phase = Phase::Refine {
            refiner: Refiner::new(k, 0.05 * k, 100, self.settings.repulsion()),
            movable,
            edges: self.graph.edges(),
        };
    }

    /// The spring length of the drawing in canvas units: the one its layout used, or else
    /// the one that gives its median edge length (or the ideal distance without edges).
    fn spring_length(&self) -> f32 {
        if let Some(spring) = self.spring {
            return spring;
        }
        let edges = self.graph.edges();
        let pairs = edges.iter().map(|&(a, b)| (a as usize, b as usize));
        median_edge_length(&self.positions, pairs).unwrap_or(self.settings.ideal_distance)
            / REPULSION.cbrt()
    }

    /// The median length of the drawn edges (`None` without edges).
    pub fn median_edge_length(&self) -> Option<f32> {
        let edges = self.graph.edges();
        median_edge_length(
            &self.positions,
            edges.iter().map(|&(a, b)| (a as usize, b as usize)),
        )
    }

    /// One unit of work: a force step of the level being refined (a small component is
    /// laid out whole). Returns whether the layout settled with it.
    pub fn step(&mut self) -> bool {
        match &mut self.phase {
            Phase::Settled => {}
            Phase::Refine {
                refiner,
                movable,
                edges,
            } => {
                if refiner.is_done() || !movable.iter().any(|&m| m) {
                    self.phase = Phase::Settled;
                } else {
                    refiner.iterate(&mut self.positions, edges, Some(movable));
                }
            }
            Phase::Multilevel(components) => {
                let Some(job) = components.current.as_mut() else {
                    self.start_next_component();
                    return self.is_settled();
                };
                job.step(self.settings);
                if job.is_finished() {
                    self.finish_component();
                } else {
                    self.show_current_component();
                }
            }
        }
        self.is_settled()
    }

    /// Starts the next component, or, when none is left, ends the multilevel phase.
    fn start_next_component(&mut self) {
        let Phase::Multilevel(components) = &mut self.phase else {
            return;
        };
        let Some(nodes) = components.list.get(components.next).cloned() else {
            // Every component is placed: refine around pins, if any, else done.
            if self.pins.iter().any(Option::is_some) {
                self.align_with_pins();
                self.reheat();
            } else {
                self.phase = Phase::Settled;
            }
            return;
        };
        components.next += 1;
        let mut job = ComponentJob::new(&self.graph, nodes, self.settings);
        if job.nodes.len() <= WHOLE_IN_ONE_STEP {
            while !job.is_finished() {
                job.step(self.settings);
            }
            components.current = Some(job);
            self.finish_component();
        } else {
            components.current = Some(job);
            self.show_current_component();
        }
    }

    /// Scales the current component's finished layout to the ideal distance, packs it
    /// beside those before it and writes its positions.
    fn finish_component(&mut self) {
        let Phase::Multilevel(components) = &mut self.phase else {
            return;
        };
        let Some(job) = components.current.take() else {
            return;
        };
        let (local, radius, scale) = job.finished_positions(self.settings.ideal_distance);
        // The biggest component sets the spring length of later refinements.
        self.spring.get_or_insert(scale);
        let centre = components.packer.add(radius);
        for (&node, place) in job.nodes.iter().zip(local) {
            if let Some(slot) = self.positions.get_mut(node as usize) {
                *slot = [place[0] + centre[0], place[1] + centre[1]];
            }
        }
        self.laid_out += job.nodes.len();
    }

    /// Writes where the current component's nodes are now (each at its coarse node's
    /// place while coarse levels are refined), where it would be packed now.
    fn show_current_component(&mut self) {
        let Phase::Multilevel(components) = &self.phase else {
            return;
        };
        let Some(job) = components.current.as_ref() else {
            return;
        };
        let (local, radius) = job.current_positions(self.settings.ideal_distance);
        let centre = components.packer.clone().add(radius);
        for (&node, place) in job.nodes.iter().zip(local) {
            if let Some(slot) = self.positions.get_mut(node as usize) {
                *slot = [place[0] + centre[0], place[1] + centre[1]];
            }
        }
    }

    /// Moves the packed drawing so that the pinned nodes' laid-out places sit, on
    /// average, where they are pinned; then puts them there.
    fn align_with_pins(&mut self) {
        let (mut shift, mut count) = ([0.0f32; 2], 0.0f32);
        for (position, pin) in self.positions.iter().zip(&self.pins) {
            if let Some(pin) = pin {
                shift[0] += pin[0] - position[0];
                shift[1] += pin[1] - position[1];
                count += 1.0;
            }
        }
        if count == 0.0 {
            return;
        }
        let shift = [shift[0] / count, shift[1] / count];
        for (position, pin) in self.positions.iter_mut().zip(&self.pins) {
            *position = pin.unwrap_or([position[0] + shift[0], position[1] + shift[1]]);
        }
    }

    /// Steps until settled or `max_steps` have run; returns the steps run.
    pub fn run(&mut self, max_steps: usize) -> usize {
        for steps in 0..max_steps {
            if self.is_settled() {
                return steps;
            }
            self.step();
        }
        max_steps
    }
}

impl ComponentJob {
    /// The hierarchy of the component on `nodes` and its coarsest level on a spiral.
    fn new(graph: &Adjacency, nodes: Vec<u32>, settings: ForceSettings) -> Self {
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
        Self {
            nodes,
            levels,
            parents,
            level,
            edges,
            positions,
            refiner: Refiner::new(1.0, 1.0, iterations_for(count, true), settings.repulsion()),
        }
    }

    /// A force step at the current level; when the level is done, carries the positions
    /// down to the next finer level.
    fn step(&mut self, settings: ForceSettings) {
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
    fn is_finished(&self) -> bool {
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
        self.refiner = Refiner::new(
            1.0,
            0.3,
            iterations_for(graph.node_count(), false),
            settings.repulsion(),
        );
    }

    /// The place of every node of the component now, each at its coarse node's place,
    /// scaled as the finished layout will be, centred; and the radius around them.
    fn current_positions(&self, ideal_distance: f32) -> (Vec<[f32; 2]>, f32) {
        let mut ancestor: Vec<u32> = (0..self.nodes.len() as u32).collect();
        for parent in self.parents.iter().take(self.level) {
            for node in &mut ancestor {
                *node = parent.get(*node as usize).copied().unwrap_or(0);
            }
        }
        let spread = (self.nodes.len() as f32 / self.positions.len().max(1) as f32).sqrt();
        let scale = ideal_distance / REPULSION.cbrt() * spread;
        let places: Vec<[f32; 2]> = ancestor
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
    /// `ideal_distance` long, centred; the radius around them; and the factor from spring lengths to canvas units.
    fn finished_positions(&self, ideal_distance: f32) -> (Vec<[f32; 2]>, f32, f32) {
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

/// Turns centred `places` so that their long axis (the principal axis of their spread)
/// lies along x: windows and figures are wider than tall, so a drawing turned this way
/// fills them at a larger scale. A turn keeps every distance.
fn lay_long_axis_flat(places: &mut [[f32; 2]]) {
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

/// The median length of the `edges` drawn at `positions` (edges of zero length, out of
/// range or not finite left out); `None` when none is left.
pub fn median_edge_length(
    positions: &[[f32; 2]],
    edges: impl IntoIterator<Item = (usize, usize)>,
) -> Option<f32> {
    let mut lengths: Vec<f32> = edges
        .into_iter()
        .filter_map(|(a, b)| {
            let (pa, pb) = (positions.get(a)?, positions.get(b)?);
            let length = (pa[0] - pb[0]).hypot(pa[1] - pb[1]);
            (length.is_finite() && length > 0.0).then_some(length)
        })
        .collect();
    if lengths.is_empty() {
        return None;
    }
    let middle = lengths.len() / 2;
    Some(*lengths.select_nth_unstable_by(middle, f32::total_cmp).1)
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

/// The place of the `index`-th node on a golden-angle spiral of the given spacing.
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
        (positions[a][0] - positions[b][0]).hypot(positions[a][1] - positions[b][1])
    }

    fn finite(positions: &[[f32; 2]]) -> bool {
        positions
            .iter()
            .all(|p| p[0].is_finite() && p[1].is_finite())
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

    fn settled(node_count: usize, edges: Vec<(usize, usize)>) -> ForceLayout {
        let mut layout = ForceLayout::new(node_count, edges, ForceSettings::default());
        let steps = layout.run(100_000);
        assert!(layout.is_settled(), "not settled after {steps} steps");
        layout
    }

    #[test]
    fn cliques_come_apart_and_edges_get_the_ideal_length() {
        let layout = settled(10, two_clique_edges());
        let positions = layout.positions();
        let within: f32 = [0, 2, 3, 4].map(|b| distance(positions, 1, b)).iter().sum();
        let across: f32 = (6..10).map(|b| distance(positions, 1, b)).sum();
        assert!(within * 1.5 < across, "within {within}, across {across}");
        let median = layout.median_edge_length().unwrap_or_default();
        assert!((median - 120.0).abs() < 1.0, "median edge {median}");
    }

    #[test]
    fn a_big_component_is_laid_out_level_by_level_and_reports_progress() {
        // A ring of 1,000 with chords: several levels, more than one step.
        let edges: Vec<(usize, usize)> = (0..1_000)
            .flat_map(|n| [(n, (n + 1) % 1_000), (n, (n + 7) % 1_000)])
            .collect();
        let mut layout = ForceLayout::new(1_000, edges, ForceSettings::default());
        layout.step();
        let first = layout.progress();
        assert!(first.levels > 3, "{first:?}");
        assert_eq!(
            (first.laid_out, first.total, first.current),
            (0, 1_000, 1_000)
        );
        let mut fractions = vec![first.fraction()];
        while !layout.step() {
            fractions.push(layout.progress().fraction());
        }
        assert!(
            fractions.windows(2).all(|w| w[0] <= w[1]),
            "progress never goes back"
        );
        assert_eq!(layout.progress().laid_out, 1_000);
        assert_eq!(layout.progress().fraction(), 1.0);
        assert!(finite(layout.positions()));
    }

    #[test]
    fn components_are_packed_apart_biggest_in_the_middle() {
        // A path of 30, then twenty pairs and ten isolated nodes.
        let mut edges: Vec<(usize, usize)> = (0..29).map(|n| (n, n + 1)).collect();
        edges.extend((0..20).map(|i| (30 + 2 * i, 31 + 2 * i)));
        let layout = settled(80, edges);
        let positions = layout.positions();
        let centre_of_path = positions[..30]
            .iter()
            .fold([0.0f32; 2], |c, p| [c[0] + p[0] / 30.0, c[1] + p[1] / 30.0]);
        assert!(centre_of_path[0].hypot(centre_of_path[1]) < 1.0);
        // Every node's nearest other node is in its own component, isolates aside.
        for a in 30..70 {
            let partner = if a % 2 == 0 { a + 1 } else { a - 1 };
            let nearest = (0..80)
                .filter(|&b| b != a)
                .min_by(|&b, &c| distance(positions, a, b).total_cmp(&distance(positions, a, c)));
            assert_eq!(nearest, Some(partner), "node {a}");
        }
    }

    #[test]
    fn odd_graphs_give_finite_layouts() {
        for (count, edges) in [
            (0, vec![]),
            (1, vec![(0, 0)]),
            (2, vec![(0, 1), (0, 1), (1, 0), (1, 1), (5, 9)]),
            (50, vec![]),
            (2_001, (1..2_001).map(|leaf| (0, leaf)).collect()),
        ] {
            let layout = settled(count, edges);
            assert_eq!(layout.positions().len(), count);
            assert!(finite(layout.positions()), "{count} nodes");
        }
        // Nodes given the same spot come apart.
        let mut layout = ForceLayout::from_positions(
            vec![[5.0, 5.0]; 6],
            vec![false; 6],
            vec![(0, 1), (1, 2)],
            ForceSettings::default(),
        );
        layout.run(10_000);
        assert!(finite(layout.positions()));
        assert!(distance(layout.positions(), 0, 1) > 1.0);
    }

    #[test]
    fn pinned_nodes_stay_where_they_were_put() {
        let mut layout = ForceLayout::new(10, two_clique_edges(), ForceSettings::default());
        layout.pin(3, [400.0, -250.0]);
        layout.run(100_000);
        assert_eq!(layout.positions()[3], [400.0, -250.0]);
        assert!(layout.is_pinned(3));
        // The others sit around it, not around the origin.
        assert!(distance(layout.positions(), 3, 1) < 300.0);
        layout.pin(4, [f32::NAN, 0.0]);
        assert!(!layout.is_pinned(4));
    }

    #[test]
    fn a_refinement_around_a_node_moves_only_its_neighbourhood() {
        // A path 0-1-2-3-4-5: dropping 0 far away moves 1 and 2 toward it, 3-5 stay.
        let start: Vec<[f32; 2]> = (0..6).map(|n| [n as f32 * 120.0, 0.0]).collect();
        let mut pins = vec![false; 6];
        pins[0] = true;
        let mut moved = start.clone();
        moved[0] = [-400.0, 300.0];
        let edges: Vec<(usize, usize)> = (0..5).map(|n| (n, n + 1)).collect();
        let mut layout = ForceLayout::around(moved, pins, edges, ForceSettings::default(), 0, 2);
        layout.run(10_000);
        let after = layout.positions();
        assert_eq!(after[0], [-400.0, 300.0]);
        assert!(distance(after, 0, 1) < distance(&start, 0, 1) + 500.0 - 1.0);
        assert_ne!(after[1], start[1]);
        for n in 3..6 {
            assert_eq!(after[n], start[n], "node {n} is out of reach");
        }
    }

    #[test]
    fn a_scaled_layout_keeps_its_size_when_it_runs_again() {
        let mut layout = settled(10, two_clique_edges());
        layout.scale(2.0);
        let before = distance(layout.positions(), 0, 9);
        layout.reheat();
        layout.run(10_000);
        let after = distance(layout.positions(), 0, 9);
        assert!((after / before - 1.0).abs() < 0.15, "{before} -> {after}");
    }

    #[test]
    fn the_same_graph_and_seed_give_the_same_positions() {
        let edges: Vec<(usize, usize)> = (0..3_000)
            .flat_map(|n| [(n, (n + 1) % 3_000), (n, (n * 7 + 3) % 3_000)])
            .collect();
        let run = |seed| {
            let settings = ForceSettings {
                seed,
                ..ForceSettings::default()
            };
            let mut layout = ForceLayout::new(3_000, edges.clone(), settings);
            layout.run(100_000);
            layout.positions().to_vec()
        };
        let first = run(0);
        assert_eq!(first, run(0));
        assert_ne!(first, run(7));
    }

    #[test]
    fn the_long_axis_is_laid_flat() {
        let mut places = vec![[0.0, -50.0], [1.0, 0.0], [0.0, 50.0], [-1.0, 0.0]];
        lay_long_axis_flat(&mut places);
        let width = places.iter().map(|p| p[0].abs()).fold(0.0f32, f32::max);
        let height = places.iter().map(|p| p[1].abs()).fold(0.0f32, f32::max);
        assert!(width > 49.0 && height < 2.0, "{places:?}");
    }
}
