//! Barnes-Hut approximation of all-pairs repulsion: a quadtree of weighted points, and
//! the push on each point from all the others in O(log n) instead of O(n).

/// Depth at which cells stop splitting: points that close share a leaf, which keeps
/// coincident points from recursing forever.
const MAX_DEPTH: usize = 24;

/// Marks a cell without a point, or without a crowd.
const NONE: u32 = u32::MAX;

/// One square of the tree, kept small (32 bytes) because finding the push on a point
/// visits a hundred or more of them: half of a 10,000-node layout step went to waiting
/// for cells of 72 bytes.
#[derive(Debug, Clone)]
struct Cell {
    /// Weighted centre of the points below.
    centre: [f32; 2],
    /// Sum of the weights below.
    weight: f32,
    /// Side of the square.
    side: f32,
    /// Lower corner of the square.
    corner: [f32; 2],
    /// Index of the first of four children in the arena, or 0 for a leaf.
    children: u32,
    /// The point of a leaf, or [`NONE`].
    point: u32,
    /// For a leaf at the depth limit holding more than one point (coincident points):
    /// the index of its other points in [`QuadTree::crowds`], else [`NONE`].
    crowd: u32,
}

/// A quadtree over weighted points.
#[derive(Debug, Clone)]
pub struct QuadTree {
    cells: Vec<Cell>,
    /// The further points of crowded leaves; rarely used, so it rarely allocates.
    crowds: Vec<Vec<u32>>,
}

impl QuadTree {
    /// Builds the tree of `positions` weighted by `weights` (points that are not finite
    /// are left out).
    ///
    /// Complexity: O(n log n) for spread-out points.
    pub fn new(positions: &[[f32; 2]], weights: &[f32]) -> Self {
        let finite = |p: &[f32; 2]| p[0].is_finite() && p[1].is_finite();
        let (mut min, mut max) = ([f32::MAX; 2], [f32::MIN; 2]);
        for position in positions.iter().filter(|p| finite(p)) {
            for axis in 0..2 {
                min[axis] = min[axis].min(position[axis]);
                max[axis] = max[axis].max(position[axis]);
            }
        }
        if min[0] > max[0] {
            (min, max) = ([0.0, 0.0], [1.0, 1.0]);
        }
        let side = (max[0] - min[0]).max(max[1] - min[1]).max(1e-3) * 1.001;
        let mut tree = Self {
            cells: Vec::with_capacity(positions.len() * 2 + 1),
            crowds: Vec::new(),
        };
        tree.cells.push(leaf(min, side));
        for (point, position) in positions.iter().enumerate() {
            if let Ok(point) = u32::try_from(point)
                && point != NONE
                && finite(position)
                && weights.get(point as usize).is_some_and(|w| w.is_finite())
            {
                tree.insert(point, positions, weights);
            }
        }
        tree
    }

    fn insert(&mut self, point: u32, positions: &[[f32; 2]], weights: &[f32]) {
        let (Some(&position), Some(&weight)) =
            (positions.get(point as usize), weights.get(point as usize))
        else {
            return;
        };
        let mut cell = 0;
        let mut depth = 0;
        loop {
            add_weight(&mut self.cells[cell], position, weight);
            if self.cells[cell].children == 0 {
                if self.cells[cell].point == NONE {
                    self.cells[cell].point = point;
                    return;
                }
                let first = self.cells.len();
                let Some(first_child) = u32::try_from(first).ok().filter(|_| depth < MAX_DEPTH)
                else {
                    self.crowd(cell, point);
                    return;
                };
                // A leaf with one point splits; that point moves one level down.
                let existing = std::mem::replace(&mut self.cells[cell].point, NONE);
                let (corner, half) = (self.cells[cell].corner, self.cells[cell].side / 2.0);
                for quadrant in 0..4 {
                    let offset = [(quadrant & 1) as f32 * half, (quadrant >> 1) as f32 * half];
                    self.cells
                        .push(leaf([corner[0] + offset[0], corner[1] + offset[1]], half));
                }
                self.cells[cell].children = first_child;
                if let (Some(&moved_position), Some(&moved_weight)) = (
                    positions.get(existing as usize),
                    weights.get(existing as usize),
                ) {
                    let child = self.child_for(cell, moved_position);
                    add_weight(&mut self.cells[child], moved_position, moved_weight);
                    self.cells[child].point = existing;
                }
            }
            cell = self.child_for(cell, position);
            depth += 1;
        }
    }

    /// Adds `point` to the crowd of the leaf `cell`.
    fn crowd(&mut self, cell: usize, point: u32) {
        let crowd = self.cells[cell].crowd;
        if let Some(points) = self.crowds.get_mut(crowd as usize) {
            points.push(point);
        } else if let Ok(index) = u32::try_from(self.crowds.len()) {
            self.crowds.push(vec![point]);
            self.cells[cell].crowd = index;
        }
    }

    fn child_for(&self, cell: usize, position: [f32; 2]) -> usize {
        let node = &self.cells[cell];
        let half = node.side / 2.0;
        let right = usize::from(position[0] >= node.corner[0] + half);
        let below = usize::from(position[1] >= node.corner[1] + half);
        node.children as usize + right + 2 * below
    }

    /// The push on `point` from every other point: the sum of `strength * w_point * w_other
    /// / distance` along the line from the other, with cells that look smaller than
    /// `theta` (side / distance) taken as one point at their weighted centre.
    /// `stack` is scratch space, kept between calls to save allocations.
    #[allow(clippy::too_many_arguments)]
    pub fn push_on(
        &self,
        point: usize,
        positions: &[[f32; 2]],
        weights: &[f32],
        strength: f32,
        theta: f32,
        stack: &mut Vec<u32>,
    ) -> [f32; 2] {
        let (Some(&position), Some(&weight)) = (positions.get(point), weights.get(point)) else {
            return [0.0, 0.0];
        };
        // strength * w * w_other / distance, along the unit vector (dx, dy) / distance.
        let push_from = |from: [f32; 2], other_weight: f32, salt: usize| {
            let (dx, dy, distance) = apart(position, from, point, salt);
            let scale = strength * weight * other_weight / (distance * distance);
            [dx * scale, dy * scale]
        };
        let push_from_point = |other: u32| {
            let other = other as usize;
            match (positions.get(other), weights.get(other)) {
                (Some(&from), Some(&other_weight)) if other != point => {
                    push_from(from, other_weight, other)
                }
                _ => [0.0, 0.0],
            }
        };
        let mut force = [0.0f32, 0.0];
        let mut add = |[x, y]: [f32; 2]| {
            force[0] += x;
            force[1] += y;
        };
        // side / distance < theta, without a square root.
        let theta_squared = theta * theta;
        stack.clear();
        stack.push(0);
        while let Some(cell) = stack.pop() {
            let Some(node) = self.cells.get(cell as usize) else {
                continue;
            };
            if node.weight <= 0.0 {
                continue;
            }
            if node.children == 0 {
                add(push_from_point(node.point));
                if let Some(crowd) = self.crowds.get(node.crowd as usize) {
                    crowd.iter().for_each(|&other| add(push_from_point(other)));
                }
                continue;
            }
            let dx = position[0] - node.centre[0];
            let dy = position[1] - node.centre[1];
            let distance_squared = dx * dx + dy * dy;
            if distance_squared > 0.0 && node.side * node.side < theta_squared * distance_squared {
                add(push_from(node.centre, node.weight, cell as usize));
            } else {
                stack.extend(node.children..node.children + 4);
            }
        }
        force
    }
}

fn leaf(corner: [f32; 2], side: f32) -> Cell {
    Cell {
        centre: [0.0, 0.0],
        weight: 0.0,
        side,
        corner,
        children: 0,
        point: NONE,
        crowd: NONE,
    }
}

fn add_weight(cell: &mut Cell, position: [f32; 2], weight: f32) {
    let total = cell.weight + weight;
    if total > 0.0 {
        cell.centre = [
            (cell.centre[0] * cell.weight + position[0] * weight) / total,
            (cell.centre[1] * cell.weight + position[1] * weight) / total,
        ];
    }
    cell.weight = total;
}

/// The vector from `from` to `at` and its length, never zero: points on one spot are
/// pushed apart along a direction fixed by their indices.
pub fn apart(at: [f32; 2], from: [f32; 2], a: usize, b: usize) -> (f32, f32, f32) {
    let (dx, dy) = (at[0] - from[0], at[1] - from[1]);
    let distance = (dx * dx + dy * dy).sqrt();
    if distance > 0.01 {
        return (dx, dy, distance);
    }
    let angle = (a.wrapping_mul(7).wrapping_add(b.wrapping_mul(13)) % 360) as f32;
    (angle.cos() * 0.01, angle.sin() * 0.01, 0.01)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn exact(point: usize, positions: &[[f32; 2]], weights: &[f32]) -> [f32; 2] {
        let mut force = [0.0, 0.0];
        for other in 0..positions.len() {
            if other != point {
                let (dx, dy, d) = apart(positions[point], positions[other], point, other);
                let push = weights[point] * weights[other] / d;
                force[0] += dx / d * push;
                force[1] += dy / d * push;
            }
        }
        force
    }

    #[test]
    fn approximates_the_exact_push_closely() {
        // A deterministic scatter of 2,000 points in clusters.
        let mut state = 12345u64;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % 10_000) as f32 / 10.0
        };
        let positions: Vec<[f32; 2]> = (0..2_000)
            .map(|i| [next() + (i % 3) as f32 * 2_000.0, next()])
            .collect();
        let weights: Vec<f32> = (0..2_000).map(|i| 1.0 + (i % 5) as f32).collect();
        let tree = QuadTree::new(&positions, &weights);
        let mut worst = 0.0f32;
        for point in (0..2_000).step_by(97) {
            let [ex, ey] = exact(point, &positions, &weights);
            let [ax, ay] = tree.push_on(point, &positions, &weights, 1.0, 0.5, &mut Vec::new());
            let error = ((ex - ax).powi(2) + (ey - ay).powi(2)).sqrt()
                / (ex * ex + ey * ey).sqrt().max(1e-6);
            worst = worst.max(error);
        }
        assert!(worst < 0.05, "relative error {worst}");
    }

    #[test]
    fn coincident_and_non_finite_points_are_safe() {
        let positions = vec![[1.0, 1.0]; 50]
            .into_iter()
            .chain([[f32::NAN, 0.0], [5.0, 5.0]])
            .collect::<Vec<_>>();
        let weights = vec![1.0; positions.len()];
        let tree = QuadTree::new(&positions, &weights);
        for point in 0..positions.len() {
            let force = tree.push_on(point, &positions, &weights, 1.0, 0.8, &mut Vec::new());
            if point != 50 {
                assert!(
                    force[0].is_finite() && force[1].is_finite(),
                    "{point}: {force:?}"
                );
            }
        }
    }
}
