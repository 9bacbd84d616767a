//! The force layout: multilevel, as sfdp and FM3 are. Each connected component is
//! coarsened level by level ([`coarsen`]), its coarsest graph laid out from a spiral, and
//! the positions carried down level by level, each refined by spring-electrical force
//! steps with an adaptive step length ([`refine`], Hu 2005). Components are then packed
//! around the biggest ([`pack`]). The layout runs step by step, so a window can show it
//! as it goes (coarse levels first), and stops by itself when settled. Deterministic for a
//! given graph and seed.

mod coarsen;
mod component;
mod pack;
mod refine;

pub use coarsen::Adjacency;
pub use pack::CirclePacker;

use component::{ComponentJob, seeded_order, spiral_position};
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
        self.stretch([factor, factor]);
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
        self.median_edge_length()
            .unwrap_or(self.settings.ideal_distance)
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
        // Each component is laid out once: its node list is taken, not copied.
        let Some(nodes) = components.list.get_mut(components.next).map(std::mem::take) else {
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

#[cfg(test)]
mod tests;
