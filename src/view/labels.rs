//! Which labels to draw: a label is drawn whole or not at all. Labels are tried in order of
//! importance and one that would overlap a label already placed is left out, so that no
//! two drawn labels overlap and no label is cut by another's backdrop. The boxes are in
//! canvas units at one zoom: the window, whose labels keep one size on screen, chooses
//! again when the zoom moves.

use std::collections::HashMap;

/// Boxes (`[left, top, right, bottom]`) by grid cell, each with what it belongs to.
type Grid<T> = HashMap<(i64, i64), Vec<T>>;

/// Whether each node's label is drawn, for nodes at `positions` whose label boxes are
/// `extents` (`[left, top, right, bottom]` around the node), tried in `order` (most
/// important first; nodes not in it get no label). A label is also left out where it
/// would cover another node's disc (a square of half side `disc` around the node); a
/// label box that is not finite is left out.
///
/// Complexity: O(n) for boxes of similar size (each box meets its grid neighbours only).
pub fn shown_labels(
    positions: &[[f32; 2]],
    extents: &[[f32; 4]],
    disc: f32,
    order: &[usize],
) -> Vec<bool> {
    let mut shown = vec![false; positions.len()];
    let boxes: Vec<Option<[f32; 4]>> = positions
        .iter()
        .zip(extents)
        .map(|(p, e)| {
            let b = [p[0] + e[0], p[1] + e[1], p[0] + e[2], p[1] + e[3]];
            (b.iter().all(|v| v.is_finite()) && b[0] <= b[2] && b[1] <= b[3]).then_some(b)
        })
        .collect();
    // Grid cells as big as the typical box: a box spans few cells.
    let mut sizes: Vec<f32> = boxes
        .iter()
        .flatten()
        .map(|b| (b[2] - b[0]).max(b[3] - b[1]))
        .collect();
    let cell = if sizes.is_empty() {
        1.0
    } else {
        let middle = sizes.len() / 2;
        sizes
            .select_nth_unstable_by(middle, f32::total_cmp)
            .1
            .max(1.0)
    };
    let span = |b: [f32; 4]| {
        let first = ((b[0] / cell).floor() as i64, (b[1] / cell).floor() as i64);
        let last = ((b[2] / cell).floor() as i64, (b[3] / cell).floor() as i64);
        (first, last)
    };
    let mut grid: Grid<[f32; 4]> = HashMap::new();
    // Every node's disc, by node, to keep labels off other nodes.
    let mut discs: Grid<(usize, [f32; 4])> = HashMap::new();
    if disc > 0.0 {
        for (node, p) in positions.iter().enumerate() {
            let b = [p[0] - disc, p[1] - disc, p[0] + disc, p[1] + disc];
            if b.iter().all(|v| v.is_finite()) {
                let ((x0, y0), (x1, y1)) = span(b);
                for x in x0..=x1.min(x0 + 4) {
                    for y in y0..=y1.min(y0 + 4) {
                        discs.entry((x, y)).or_default().push((node, b));
                    }
                }
            }
        }
    }
    let overlap =
        |p: &[f32; 4], b: &[f32; 4]| p[0] < b[2] && b[0] < p[2] && p[1] < b[3] && b[1] < p[3];
    for &node in order {
        let Some(Some(b)) = boxes.get(node).copied() else {
            continue;
        };
        let ((x0, y0), (x1, y1)) = span(b);
        // A box spanning very many cells (a huge label) is checked against its corners'
        // neighbourhood only; such boxes are rare and the cost stays bounded.
        let cells = || {
            let (x1, y1) = (x1.min(x0 + 64), y1.min(y0 + 64));
            (x0..=x1).flat_map(move |x| (y0..=y1).map(move |y| (x, y)))
        };
        let overlaps = cells().any(|key| {
            grid.get(&key)
                .is_some_and(|placed| placed.iter().any(|p| overlap(p, &b)))
                || discs.get(&key).is_some_and(|nearby| {
                    nearby
                        .iter()
                        .any(|(other, d)| *other != node && overlap(d, &b))
                })
        });
        if overlaps {
            continue;
        }
        for key in cells() {
            grid.entry(key).or_default().push(b);
        }
        if let Some(slot) = shown.get_mut(node) {
            *slot = true;
        }
    }
    shown
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overlapping_labels_give_way_to_the_more_important() {
        let positions = [[0.0, 0.0], [10.0, 0.0], [200.0, 0.0], [205.0, 5.0]];
        let extents = [[-40.0, 5.0, 40.0, 20.0]; 4];
        // Node 1 comes first, so node 0 (overlapping it) gives way; 3 beats 2.
        let shown = shown_labels(&positions, &extents, 0.0, &[1, 3, 0, 2]);
        assert_eq!(shown, vec![false, true, false, true]);
        // Touching is not overlapping.
        let apart = [[0.0, 0.0], [80.0, 0.0]];
        assert_eq!(
            shown_labels(&apart, &extents[..2], 0.0, &[0, 1]),
            vec![true, true]
        );
    }

    #[test]
    fn no_two_shown_labels_overlap_in_a_crowd() {
        let positions: Vec<[f32; 2]> = (0..400)
            .map(|i| [(i % 20) as f32 * 13.0, (i / 20) as f32 * 7.0])
            .collect();
        let extents: Vec<[f32; 4]> = (0..400)
            .map(|i| [-30.0 - (i % 3) as f32 * 10.0, 4.0, 30.0, 18.0])
            .collect();
        let order: Vec<usize> = (0..400).rev().collect();
        let shown = shown_labels(&positions, &extents, 0.0, &order);
        let boxes: Vec<[f32; 4]> = (0..400)
            .filter(|&i| shown[i])
            .map(|i| {
                let (p, e) = (positions[i], extents[i]);
                [p[0] + e[0], p[1] + e[1], p[0] + e[2], p[1] + e[3]]
            })
            .collect();
        assert!(boxes.len() > 10, "{} shown", boxes.len());
        assert!(boxes.len() < 400);
        for (i, a) in boxes.iter().enumerate() {
            for b in &boxes[i + 1..] {
                let overlap = a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
                assert!(!overlap, "{a:?} overlaps {b:?}");
            }
        }
    }

    #[test]
    fn a_label_never_covers_another_node() {
        // Node 1 sits where node 0's label would go: that label is left out, while node
        // 1's own label (below it, clear of node 0) is drawn.
        let positions = [[0.0, 0.0], [0.0, 20.0]];
        let extents = [[-30.0, -8.0, 30.0, 20.0]; 2];
        assert_eq!(
            shown_labels(&positions, &extents, 8.0, &[0, 1]),
            vec![false, true]
        );
        assert_eq!(
            shown_labels(&positions, &extents, 0.0, &[0, 1]),
            vec![true, false],
            "without discs, the first label wins"
        );
    }

    #[test]
    fn odd_boxes_and_unknown_nodes_are_safe() {
        let positions = [[f32::NAN, 0.0], [0.0, 0.0]];
        let extents = [[-1.0, -1.0, 1.0, 1.0]; 2];
        assert_eq!(
            shown_labels(&positions, &extents, 0.0, &[0, 1, 7]),
            vec![false, true]
        );
    }
}
