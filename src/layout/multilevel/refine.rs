//! Force steps of the spring-electrical model with an adaptive step length (Hu 2005):
//! every pair of nodes repels with `C K² / d`, every edge attracts with `d² / K`, and
//! each node moves one step length along its force. The step grows while the energy keeps
//! falling and shrinks when it rises; a level is done when the step is a small fraction
//! of `K`. Repulsion is exact for small graphs and Barnes-Hut above, split over the cores.

use crate::layout::barnes_hut::{QuadTree, apart};

/// Relative strength of repulsion (Hu's C): edges settle at about `C^(1/3) K`.
pub const REPULSION: f32 = 0.2;
/// Above this many nodes repulsion is approximated by a quadtree.
const EXACT_UP_TO: usize = 600;
/// Below this many nodes a step runs on one core (threads cost more than they save).
const ONE_CORE_BELOW: usize = 2_000;
/// The step length is multiplied by this after a rise in energy, divided by it after
/// five falls in a row.
const STEP_FACTOR: f32 = 0.9;
/// A level is done when the step length falls below this fraction of `K`.
const TOLERANCE: f32 = 0.02;

/// The state of one run of force steps on one graph.
#[derive(Debug, Clone)]
pub struct Refiner {
    /// Natural spring length.
    k: f32,
    step: f32,
    energy: f32,
    progress: u32,
    iterations: usize,
    max_iterations: usize,
    theta: f32,
    /// Most threads a step uses (0: one per core).
    threads: usize,
}

impl Refiner {
    /// Force steps with spring length `k`, a first step of `first_step`, at most
    /// `max_iterations`, Barnes-Hut accuracy `theta`, on at most `threads` threads (0: one
    /// per core).
    pub fn new(
        k: f32,
        first_step: f32,
        max_iterations: usize,
        (theta, threads): (f32, usize),
    ) -> Self {
        Self {
            k,
            step: first_step,
            energy: f32::INFINITY,
            progress: 0,
            iterations: 0,
            max_iterations,
            theta,
            threads,
        }
    }

    /// Whether this run is over: the step is small or the iterations are spent.
    pub fn is_done(&self) -> bool {
        self.iterations >= self.max_iterations || self.step < TOLERANCE * self.k
    }

    /// Iterations run so far.
    #[cfg(test)]
    pub fn iterations(&self) -> usize {
        self.iterations
    }

    /// One force step: moves every node that `movable` allows (all when it is `None`)
    /// one step length along its force.
    ///
    /// Complexity: O(n log n + m) (O(n² + m) below a few hundred nodes).
    pub fn iterate(
        &mut self,
        positions: &mut [[f32; 2]],
        edges: &[(u32, u32)],
        movable: Option<&[bool]>,
    ) {
        self.iterations += 1;
        let forces = forces(
            positions,
            edges,
            self.k,
            (self.theta, self.threads),
            movable,
        );
        let mut energy = 0.0f32;
        for (node, (position, force)) in positions.iter_mut().zip(&forces).enumerate() {
            if movable.is_some_and(|movable| !movable.get(node).copied().unwrap_or(false)) {
                continue;
            }
            let length = (force[0] * force[0] + force[1] * force[1]).sqrt();
            if !length.is_finite() || length <= 0.0 {
                continue;
            }
            energy += length * length;
            position[0] += force[0] / length * self.step;
            position[1] += force[1] / length * self.step;
        }
        if energy < self.energy {
            self.progress += 1;
            if self.progress >= 5 {
                self.progress = 0;
                self.step /= STEP_FACTOR;
            }
        } else {
            self.progress = 0;
            self.step *= STEP_FACTOR;
        }
        self.energy = energy;
    }
}

/// The force on every node (zero on those `movable` leaves fixed).
fn forces(
    positions: &[[f32; 2]],
    edges: &[(u32, u32)],
    k: f32,
    (theta, threads): (f32, usize),
    movable: Option<&[bool]>,
) -> Vec<[f32; 2]> {
    let count = positions.len();
    let strength = REPULSION * k * k;
    let is_movable = |node: usize| movable.is_none_or(|m| m.get(node).copied().unwrap_or(false));
    let mut forces = vec![[0.0f32; 2]; count];
    if count <= EXACT_UP_TO {
        for a in 0..count {
            for b in (a + 1)..count {
                let (dx, dy, distance) = apart(positions[a], positions[b], a, b);
                let push = strength / (distance * distance);
                forces[a][0] += dx * push;
                forces[a][1] += dy * push;
                forces[b][0] -= dx * push;
                forces[b][1] -= dy * push;
            }
        }
    } else {
        let weights = vec![1.0f32; count];
        let tree = QuadTree::new(positions, &weights);
        let push_chunk = |start: usize, chunk: &mut [[f32; 2]]| {
            let mut stack = Vec::with_capacity(64);
            for (offset, force) in chunk.iter_mut().enumerate() {
                let node = start + offset;
                if is_movable(node) {
                    *force = tree.push_on(node, positions, &weights, strength, theta, &mut stack);
                }
            }
        };
        let cores = std::thread::available_parallelism().map_or(1, usize::from);
        let cores = if threads == 0 {
            cores
        } else {
            cores.min(threads)
        };
        if count < ONE_CORE_BELOW || cores < 2 {
            push_chunk(0, &mut forces);
        } else {
            let chunk_len = count.div_ceil(cores);
            let push_chunk = &push_chunk;
            std::thread::scope(|scope| {
                for (index, chunk) in forces.chunks_mut(chunk_len).enumerate() {
                    scope.spawn(move || push_chunk(index * chunk_len, chunk));
                }
            });
        }
    }
    for &(a, b) in edges {
        let (a, b) = (a as usize, b as usize);
        let (Some(&pa), Some(&pb)) = (positions.get(a), positions.get(b)) else {
            continue;
        };
        let (dx, dy, distance) = apart(pa, pb, a, b);
        // d² / K along the unit vector: (dx, dy) * d / K.
        let pull = distance / k;
        if let Some(force) = forces.get_mut(a) {
            force[0] -= dx * pull;
            force[1] -= dy * pull;
        }
        if let Some(force) = forces.get_mut(b) {
            force[0] += dx * pull;
            force[1] += dy * pull;
        }
    }
    forces
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_nodes_settle_at_the_spring_length() {
        let mut positions = vec![[0.0, 0.0], [5.0, 0.0]];
        let mut refiner = Refiner::new(1.0, 0.5, 500, (0.9, 0));
        while !refiner.is_done() {
            refiner.iterate(&mut positions, &[(0, 1)], None);
        }
        let d = (positions[0][0] - positions[1][0]).hypot(positions[0][1] - positions[1][1]);
        // Pull d² / K meets push C K² / d at d = C^(1/3) K (0.585), within a step.
        assert!((d - REPULSION.cbrt()).abs() < 0.1, "distance {d}");
        assert!(refiner.iterations() < 500);
    }

    #[test]
    fn fixed_nodes_stay_and_the_quadtree_agrees_with_exact_forces() {
        let positions: Vec<[f32; 2]> = (0..1_000)
            .map(|i| [(i % 40) as f32 * 0.7, (i / 40) as f32 * 0.9])
            .collect();
        let exact = {
            let mut total = [0.0f32; 2];
            for b in 1..1_000 {
                let (dx, dy, d) = apart(positions[0], positions[b], 0, b);
                total[0] += dx * REPULSION / (d * d);
                total[1] += dy * REPULSION / (d * d);
            }
            total
        };
        let approximate = forces(&positions, &[], 1.0, (0.5, 0), None)[0];
        let error =
            (exact[0] - approximate[0]).hypot(exact[1] - approximate[1]) / exact[0].hypot(exact[1]);
        assert!(error < 0.05, "relative error {error}");
        let mut moved = positions.clone();
        let movable: Vec<bool> = (0..1_000).map(|i| i % 2 == 0).collect();
        Refiner::new(1.0, 0.3, 10, (0.9, 0)).iterate(&mut moved, &[(0, 1)], Some(&movable));
        for i in (1..1_000).step_by(2) {
            assert_eq!(moved[i], positions[i]);
        }
        assert_ne!(moved[0], positions[0]);
    }
}
