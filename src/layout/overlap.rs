//! Label overlap removal: nodes whose boxes (node and label) overlap are pushed apart
//! along the axis where they overlap least, with a grid so that each round compares only
//! neighbours. A force layout bounds how far a node may move, so that labels never wreck
//! its shape; a label still overlapping then is hidden by whoever draws it.

use foldhash::HashMap;

/// Along which axes nodes may move.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Axes {
    /// Either axis, whichever overlaps least.
    Both,
    /// Only up and down (layouts whose x means something, such as a timeline).
    Vertical,
}

/// How overlap removal may move nodes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Separation {
    /// Space kept between two boxes.
    pub gap: f32,
    /// Most passes.
    pub max_rounds: usize,
    /// Along which axes.
    pub axes: Axes,
    /// How far a node may end from where it started; `None`: as far as it takes.
    pub most_move: Option<f32>,
}

/// Pushes nodes apart until no two of their boxes overlap (or the passes or the allowed
/// movement are spent), moving each pair along the axis where they overlap least; pinned
/// nodes stay. A box is `extents[i] = [left, top, right, bottom]` relative to node `i`'s
/// position. Returns how many overlapping pairs were left.
///
/// Complexity: O(n) per pass for boxes of similar size (each node meets its grid
/// neighbours only).
pub fn remove_overlaps(
    positions: &mut [[f32; 2]],
    pinned: &[bool],
    extents: &[[f32; 4]],
    separation: Separation,
) -> usize {
    let Separation {
        gap,
        max_rounds,
        axes,
        most_move,
    } = separation;
    let vertical_only = axes == Axes::Vertical;
    let start: Vec<[f32; 2]> = positions.to_vec();
    let is_pinned = |node: usize| pinned.get(node).copied().unwrap_or(false);
    let count = positions.len().min(extents.len());
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
        let mut grid: HashMap<(i64, i64), Vec<usize>> = HashMap::default();
        for node in 0..count {
            grid.entry(key(node, positions)).or_default().push(node);
        }
        for a in 0..count {
            let (x, y) = key(a, positions);
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
                let (pa, pb) = (positions[a], positions[b]);
                let (ea, eb) = (extents[a], extents[b]);
                let overlap_x =
                    (pa[0] + ea[2]).min(pb[0] + eb[2]) - (pa[0] + ea[0]).max(pb[0] + eb[0]) + gap;
                let overlap_y =
                    (pa[1] + ea[3]).min(pb[1] + eb[3]) - (pa[1] + ea[1]).max(pb[1] + eb[1]) + gap;
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
                let (share_a, share_b) = match (is_pinned(a), is_pinned(b)) {
                    (true, true) => continue,
                    (true, false) => (0.0, 1.0),
                    (false, true) => (1.0, 0.0),
                    (false, false) => (0.5, 0.5),
                };
                positions[a][axis] += direction * amount * share_a;
                positions[b][axis] -= direction * amount * share_b;
                if let Some(most) = most_move {
                    for node in [a, b] {
                        bound_move(&mut positions[node], start[node], most);
                    }
                }
            }
        }
        if overlapping == 0 {
            break;
        }
    }
    overlapping
}

/// Brings `position` back within `most` of `start`, along the line between them.
fn bound_move(position: &mut [f32; 2], start: [f32; 2], most: f32) {
    let (dx, dy) = (position[0] - start[0], position[1] - start[1]);
    let moved = (dx * dx + dy * dy).sqrt();
    if moved > most && moved.is_finite() {
        let keep = most / moved;
        *position = [start[0] + dx * keep, start[1] + dy * keep];
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unbounded() -> Separation {
        Separation {
            gap: 2.0,
            max_rounds: 500,
            axes: Axes::Both,
            most_move: None,
        }
    }

    #[test]
    fn overlap_removal_separates_every_box_and_keeps_pins() {
        let mut positions: Vec<[f32; 2]> = (0..12)
            .map(|index| [index as f32 * 3.0, (index % 3) as f32])
            .collect();
        positions[0] = [0.0, 0.0];
        let mut pinned = vec![false; 12];
        pinned[0] = true;
        let extents = vec![[-40.0, -10.0, 40.0, 25.0]; 12];
        let left = remove_overlaps(&mut positions, &pinned, &extents, unbounded());
        assert_eq!(left, 0);
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
    fn a_bounded_removal_moves_no_node_farther_than_allowed() {
        // Forty boxes on one spot cannot all be separated by moving 20 units each.
        let start = vec![[100.0f32, 50.0]; 40];
        let mut positions = start.clone();
        let extents = vec![[-40.0, -10.0, 40.0, 10.0]; 40];
        let bounded = Separation {
            most_move: Some(20.0),
            ..unbounded()
        };
        let left = remove_overlaps(&mut positions, &[], &extents, bounded);
        assert!(left > 0, "some overlaps must be left to hide");
        for (now, was) in positions.iter().zip(&start) {
            let moved = (now[0] - was[0]).hypot(now[1] - was[1]);
            assert!(moved <= 20.001, "moved {moved}");
        }
        // Unbounded, the same boxes come further apart.
        let mut free = start.clone();
        let left_free = remove_overlaps(&mut free, &[], &extents, unbounded());
        assert!(
            left_free < left,
            "{left_free} left unbounded, {left} bounded"
        );
    }

    #[test]
    fn vertical_removal_keeps_x() {
        let mut positions = vec![[0.0f32, 0.0], [5.0, 1.0], [10.0, 2.0]];
        let extents = vec![[-40.0, -10.0, 40.0, 10.0]; 3];
        let vertical = Separation {
            axes: Axes::Vertical,
            ..unbounded()
        };
        assert_eq!(remove_overlaps(&mut positions, &[], &extents, vertical), 0);
        assert_eq!(
            positions.iter().map(|p| p[0]).collect::<Vec<_>>(),
            vec![0.0, 5.0, 10.0]
        );
    }
}
