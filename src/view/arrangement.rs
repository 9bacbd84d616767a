//! Placing the shown nodes by the chosen layout: the pure part of the canvas, with no GUI.
//! Positions are kept for every model node, so hiding and showing nodes keeps their place.

use crate::layout::{
    Axes, ForceLayout, ForceSettings, Separation, circular, columns, remove_overlaps,
};
use crate::model::{Model, NodeKind};

use super::LayoutKind;
use super::timeline::{TimelineAxis, timeline_places};

/// Space kept between two nodes' boxes (node and label), in canvas units.
pub const LABEL_GAP: f32 = 6.0;
/// Most force-layout steps run at once: a guard only, as the layout ends by itself (its
/// levels each take a bounded number of steps).
pub const FORCE_STEPS: usize = 1_000_000;
/// Most passes of label overlap removal.
pub const OVERLAP_ROUNDS: usize = 300;

/// Up to this many nodes a graph is read label by label (a curated dataset): label
/// overlap removal may move a node up to two edge lengths to give every label room.
/// Bigger graphs keep their shape, and labels that collide are hidden instead.
pub const READ_EVERY_LABEL_UP_TO: usize = 150;

/// Most shown nodes whose labels are moved apart. Above, nobody reads the labels one by
/// one, and the drawing hides each label that would overlap another; moving 100,000
/// nodes apart took 18 s on the window's thread.
pub const SEPARATE_LABELS_UP_TO: usize = 5_000;

/// Most a drawing is stretched along one axis more than along the other to fill the room.
const MOST_STRETCH: f32 = 1.5;

/// What arranging needs to know about the view.
#[derive(Debug, Clone, Copy)]
pub struct Room {
    /// Width and height of the view at zoom 1, in canvas units.
    pub size: [f32; 2],
}

/// The model positions of the shown nodes, in model order.
pub fn shown_slots(shown: &[bool]) -> Vec<usize> {
    shown
        .iter()
        .enumerate()
        .filter(|&(_, &s)| s)
        .map(|(p, _)| p)
        .collect()
}

/// Edges between shown nodes, as pairs of slot indices into `slots`.
pub fn slot_edges(model: &Model, slots: &[usize], shown_edges: &[bool]) -> Vec<(usize, usize)> {
    let mut slot_of = vec![usize::MAX; model.nodes.len()];
    for (slot, &node) in slots.iter().enumerate() {
        if let Some(entry) = slot_of.get_mut(node) {
            *entry = slot;
        }
    }
    shown_edges
        .iter()
        .enumerate()
        .filter(|(_, shown)| **shown)
        .filter_map(|(position, _)| {
            let (source, target) = model.edge_ends(position)?;
            let a = *slot_of.get(source)?;
            let b = *slot_of.get(target)?;
            (a != usize::MAX && b != usize::MAX).then_some((a, b))
        })
        .collect()
}

/// A force layout of the shown nodes, from `positions` (warm) or from scratch (cold),
/// pinned nodes fixed, with `settings` (its seed, the threads it may use).
pub fn force_layout(
    model: &Model,
    slots: &[usize],
    shown_edges: &[bool],
    positions: &[[f32; 2]],
    pinned: &[bool],
    warm: bool,
    settings: ForceSettings,
) -> ForceLayout {
    let edges = slot_edges(model, slots, shown_edges);
    let pins: Vec<bool> = slots
        .iter()
        .map(|&node| pinned.get(node).copied().unwrap_or(false))
        .collect();
    if warm {
        let start: Vec<[f32; 2]> = slots
            .iter()
            .map(|&node| positions.get(node).copied().unwrap_or([0.0, 0.0]))
            .collect();
        ForceLayout::from_positions(start, pins, edges, settings)
    } else {
        let mut layout = ForceLayout::new(slots.len(), edges, settings);
        for (slot, &node) in slots.iter().enumerate() {
            if pins.get(slot).copied().unwrap_or(false)
                && let Some(&position) = positions.get(node)
            {
                layout.pin(slot, position);
            }
        }
        layout
    }
}

/// Scales a settled force layout so that it fills `room` (unless nodes are pinned, whose
/// places must not move), then removes label overlaps; writes the result to `positions`.
pub fn finish_force(
    layout: &mut ForceLayout,
    slots: &[usize],
    extents: &[[f32; 4]],
    room: Option<Room>,
    positions: &mut [[f32; 2]],
) {
    let slot_extents = extents_of_slots(slots, extents);
    settle_into_room(layout, &slot_extents, room);
    write_back(layout.positions(), slots, positions);
}

/// The label box of each slot's node, from every model node's box.
pub fn extents_of_slots(slots: &[usize], extents: &[[f32; 4]]) -> Vec<[f32; 4]> {
    slots
        .iter()
        .map(|&node| extents.get(node).copied().unwrap_or_default())
        .collect()
}

/// The work [`finish_force`] does on the layout itself, by slot: scale it to fill `room`
/// (unless a node is pinned) and remove label overlaps. For a layout worker's finishing
/// step.
pub fn settle_into_room(layout: &mut ForceLayout, slot_extents: &[[f32; 4]], room: Option<Room>) {
    let any_pinned = (0..layout.positions().len()).any(|slot| layout.is_pinned(slot));
    if let (Some(room), false) = (room, any_pinned) {
        // A quarter turn keeps every distance: take it where the turned drawing fills the
        // room at a larger scale (a tall room and a wide drawing, or the reverse).
        let turned: Vec<[f32; 2]> = layout.positions().iter().map(|p| [-p[1], p[0]]).collect();
        let as_is = fill_factor(layout.positions(), slot_extents, room);
        let when_turned = fill_factor(&turned, slot_extents, room);
        if let (Some(as_is), Some(when_turned)) = (as_is, when_turned)
            && when_turned > as_is * 1.05
        {
            for (slot, place) in turned.into_iter().enumerate() {
                layout.place(slot, place);
            }
        }
        if let Some([x, y]) = fill_factors(layout.positions(), slot_extents, room) {
            // Only ever spread out: a big graph keeps its edges at the ideal length and
            // the view zooms out, rather than squeezing nodes on top of each other. The
            // longer side of the room may stretch the drawing a little more, at most by
            // half, so that a drawing of another shape than the room still uses it.
            let even = x.min(y).max(1.0);
            let stretch = |f: f32| f.clamp(even, even * MOST_STRETCH);
            layout.stretch([stretch(x), stretch(y)]);
        }
    }
    let pins: Vec<bool> = (0..layout.positions().len())
        .map(|slot| layout.is_pinned(slot))
        .collect();
    let mut positions = layout.positions().to_vec();
    let edge_length = layout.median_edge_length();
    separate(
        LayoutKind::Force,
        &mut positions,
        &pins,
        slot_extents,
        edge_length,
    );
    for (slot, position) in positions.into_iter().enumerate() {
        if !layout.is_pinned(slot) {
            layout.place(slot, position);
        }
    }
}

/// Moves nodes (by slot) apart where their labels overlap, as the layout `kind` allows.
/// A force layout moves each node a bounded distance, so that labels never wreck the
/// drawing's shape (a label still overlapping is hidden where it is drawn): in a graph
/// small enough to be read label by label (up to [`READ_EVERY_LABEL_UP_TO`] nodes), up to
/// two of the drawing's median `edge_length`s; in a bigger one, about two label heights.
/// A timeline moves nodes only up and down; other layouts as far as it takes. Pinned
/// nodes stay. Above [`SEPARATE_LABELS_UP_TO`] shown nodes nothing moves.
pub fn separate(
    kind: LayoutKind,
    positions: &mut [[f32; 2]],
    pinned: &[bool],
    slot_extents: &[[f32; 4]],
    edge_length: Option<f32>,
) {
    if positions.len() > SEPARATE_LABELS_UP_TO {
        return;
    }
    let tallest = slot_extents
        .iter()
        .map(|e| e[3] - e[1])
        .filter(|height| height.is_finite())
        .fold(0.0f32, f32::max);
    let separation = Separation {
        gap: LABEL_GAP,
        max_rounds: OVERLAP_ROUNDS,
        axes: if kind == LayoutKind::Timeline {
            Axes::Vertical
        } else {
            Axes::Both
        },
        most_move: (kind == LayoutKind::Force).then(|| {
            let label_heights = 2.0 * tallest.max(1.0) + LABEL_GAP;
            if positions.len() <= READ_EVERY_LABEL_UP_TO {
                label_heights.max(2.0 * edge_length.unwrap_or(0.0))
            } else {
                label_heights
            }
        }),
    };
    remove_overlaps(positions, pinned, slot_extents, separation);
}

/// How to arrange the shown nodes at once: the layout, what is shown, and for the force
/// layout its settings and whether it starts from the nodes' current places.
#[derive(Debug, Clone, Copy)]
pub struct Arrangement<'a> {
    /// The layout.
    pub kind: LayoutKind,
    /// The shown nodes' model positions ([`shown_slots`]).
    pub slots: &'a [usize],
    /// Whether each model edge is shown.
    pub shown_edges: &'a [bool],
    /// Label boxes, pins and groups of every model node.
    pub facts: NodeFacts<'a>,
    /// The view's size at zoom 1; `None` before a window has shown it (a rule-based layout
    /// then waits, a force layout keeps its own scale).
    pub room: Option<Room>,
    /// The force layout's settings (its seed, the cores it may take).
    pub force: ForceSettings,
    /// Start the force layout from the current places and keep their scale.
    pub warm: bool,
}

/// Arranges the shown nodes at once, as the window does below its threaded size and a
/// figure always does: the force layout run until it settles (fitted to the room unless
/// warm), or a rule-based layout over the room. Pinned nodes stay where they are. A
/// timeline returns its axis.
pub fn arrange_now(
    model: &Model,
    arrangement: Arrangement<'_>,
    positions: &mut [[f32; 2]],
) -> Option<TimelineAxis> {
    let Arrangement {
        kind,
        slots,
        shown_edges,
        facts,
        room,
        force,
        warm,
    } = arrangement;
    if kind == LayoutKind::Force {
        let mut layout = force_layout(
            model,
            slots,
            shown_edges,
            positions,
            facts.pinned,
            warm,
            force,
        );
        layout.run(FORCE_STEPS);
        let room = if warm { None } else { room };
        finish_force(&mut layout, slots, facts.extents, room, positions);
        None
    } else if let Some(room) = room {
        arrange_by_rule(model, kind, slots, facts, room, positions)
    } else {
        None
    }
}

/// What a rule-based layout knows of every model node besides the model.
#[derive(Debug, Clone, Copy)]
pub struct NodeFacts<'a> {
    /// Box of each node and its label (`[left, top, right, bottom]`, around its centre).
    pub extents: &'a [[f32; 4]],
    /// Whether each node stays where it is.
    pub pinned: &'a [bool],
    /// Group of each node for the grouped layout; empty: group by kind.
    pub groups: &'a [usize],
}

/// Places the shown nodes by a rule-based layout (not force), keeps pinned nodes where
/// they are, and removes label overlaps. A timeline returns its axis.
pub fn arrange_by_rule(
    model: &Model,
    kind: LayoutKind,
    slots: &[usize],
    facts: NodeFacts<'_>,
    room: Room,
    positions: &mut [[f32; 2]],
) -> Option<TimelineAxis> {
    let NodeFacts {
        extents,
        pinned,
        groups,
    } = facts;
    if kind == LayoutKind::File {
        // As given: no overlap removal, no pins; nodes without a place stay put.
        if let Some(given) = super::colouring::file_positions(model) {
            for &node in slots {
                if let (Some(slot), Some(&place)) = (positions.get_mut(node), given.get(node)) {
                    *slot = place;
                }
            }
        }
        return None;
    }
    let slot_extents: Vec<[f32; 4]> = slots
        .iter()
        .map(|&node| extents.get(node).copied().unwrap_or_default())
        .collect();
    let widest = slot_extents
        .iter()
        .map(|e| e[2] - e[0])
        .fold(40.0f32, f32::max);
    let tallest = slot_extents
        .iter()
        .map(|e| e[3] - e[1])
        .fold(20.0f32, f32::max);
    // Nodes ordered by kind, then label: the order of circles and columns.
    let mut order: Vec<usize> = (0..slots.len()).collect();
    let key = |slot: usize| {
        slots
            .get(slot)
            .and_then(|&node| model.nodes.get(node))
            .map(|n| (n.kind, n.label.to_lowercase(), n.id.clone()))
    };
    order.sort_by_key(|&slot| key(slot));
    let mut placed = vec![[0.0f32; 2]; slots.len()];
    let mut axis = None;
    match kind {
        LayoutKind::Force | LayoutKind::File => {}
        LayoutKind::Circular => {
            let spacing = (widest * 0.6).max(tallest * 1.6);
            for (position, &slot) in circular(order.len(), spacing).into_iter().zip(&order) {
                placed[slot] = position;
            }
        }
        LayoutKind::Kind => {
            let spacing = [widest + 40.0, tallest + LABEL_GAP * 2.0];
            for (position, slot) in grouped_places(model, slots, groups, &mut order, spacing) {
                placed[slot] = position;
            }
        }
        LayoutKind::Timeline => {
            (placed, axis) = timeline_places(model, slots, &order, &slot_extents, room);
        }
    }
    let pins: Vec<bool> = slots
        .iter()
        .map(|&node| pinned.get(node).copied().unwrap_or(false))
        .collect();
    for (slot, &node) in slots.iter().enumerate() {
        if pins.get(slot).copied().unwrap_or(false)
            && let (Some(place), Some(&kept)) = (placed.get_mut(slot), positions.get(node))
        {
            *place = kept;
        }
    }
    separate(kind, &mut placed, &pins, &slot_extents, None);
    write_back(&placed, slots, positions);
    axis
}

/// The grouped layout: one column per group (the node's group, else its kind), nodes
/// ordered by group and then as `order` had them; each place with its slot.
fn grouped_places(
    model: &Model,
    slots: &[usize],
    groups: &[usize],
    order: &mut [usize],
    [column_width, row_height]: [f32; 2],
) -> Vec<([f32; 2], usize)> {
    let kinds: Vec<NodeKind> = NodeKind::ALL.to_vec();
    // Ordered by group, then as before.
    order.sort_by_key(|&slot| slots.get(slot).and_then(|&n| groups.get(n)).copied());
    let groups: Vec<usize> = order
        .iter()
        .map(|&slot| {
            let node = slots.get(slot).copied();
            if let Some(&group) = node.and_then(|n| groups.get(n)) {
                return group;
            }
            let node_kind = node.and_then(|n| model.nodes.get(n)).map(|n| n.kind);
            kinds
                .iter()
                .position(|k| Some(*k) == node_kind)
                .unwrap_or(0)
        })
        .collect();
    columns(&groups, column_width, row_height)
        .into_iter()
        .zip(order.iter().copied())
        .collect()
}

/// The factor that makes `positions` (with their boxes) fill `room`.
fn fill_factor(positions: &[[f32; 2]], extents: &[[f32; 4]], room: Room) -> Option<f32> {
    fill_factors(positions, extents, room).map(|[x, y]| x.min(y))
}

/// The factors, along x and along y, that make `positions` (with their boxes) fill `room`.
fn fill_factors(positions: &[[f32; 2]], extents: &[[f32; 4]], room: Room) -> Option<[f32; 2]> {
    if positions.len() < 2 {
        return None;
    }
    let (mut min, mut max) = ([f32::MAX; 2], [f32::MIN; 2]);
    let mut margin = [0.0f32; 2];
    for (position, extent) in positions.iter().zip(extents) {
        for axis in 0..2 {
            min[axis] = min[axis].min(position[axis]);
            max[axis] = max[axis].max(position[axis]);
        }
        margin[0] = margin[0].max(extent[2] - extent[0]);
        margin[1] = margin[1].max(extent[3] - extent[1]);
    }
    let factors = [
        (room.size[0] - margin[0]) / (max[0] - min[0]).max(1.0),
        (room.size[1] - margin[1]) / (max[1] - min[1]).max(1.0),
    ];
    factors
        .iter()
        .all(|f| f.is_finite() && *f > 0.0)
        .then_some(factors)
}

fn write_back(slot_positions: &[[f32; 2]], slots: &[usize], positions: &mut [[f32; 2]]) {
    for (&node, &position) in slots.iter().zip(slot_positions) {
        if let Some(slot) = positions.get_mut(node) {
            *slot = position;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `count` nodes with labels 100 wide and 20 tall, all on one spot.
    fn stacked(count: usize) -> (Vec<[f32; 2]>, Vec<[f32; 4]>) {
        (
            vec![[0.0, 0.0]; count],
            vec![[-50.0, -10.0, 50.0, 10.0]; count],
        )
    }

    fn farthest(positions: &[[f32; 2]]) -> f32 {
        positions
            .iter()
            .map(|p| p[0].hypot(p[1]))
            .fold(0.0, f32::max)
    }

    #[test]
    fn a_force_layout_moves_nodes_a_bounded_distance_for_their_labels() {
        // A small graph, read label by label: up to two edge lengths (2 x 150).
        let (mut small, extents) = stacked(40);
        separate(LayoutKind::Force, &mut small, &[], &extents, Some(150.0));
        let reach = farthest(&small);
        assert!(reach > 2.0 * 20.0 + LABEL_GAP + 1.0, "{reach}");
        assert!(reach <= 300.0 + 0.01, "{reach}");
        // A big graph keeps its shape: about two label heights, whatever the edges.
        let (mut big, extents) = stacked(READ_EVERY_LABEL_UP_TO + 1);
        separate(LayoutKind::Force, &mut big, &[], &extents, Some(150.0));
        let reach = farthest(&big);
        assert!(reach <= 2.0 * 20.0 + LABEL_GAP + 0.01, "{reach}");
        // Rule-based layouts separate every label, as far as it takes.
        let (mut circle, extents) = stacked(40);
        separate(LayoutKind::Circular, &mut circle, &[], &extents, None);
        assert!(farthest(&circle) > 300.0);
    }

    #[test]
    fn a_layout_turns_and_stretches_to_fill_its_room() {
        // A tall, thin drawing in a wide room is turned a quarter and fills it.
        let positions: Vec<[f32; 2]> = (0..10).map(|i| [0.0, i as f32 * 20.0]).collect();
        let edges: Vec<(usize, usize)> = (0..9).map(|i| (i, i + 1)).collect();
        let mut layout = ForceLayout::from_positions(
            positions,
            vec![false; 10],
            edges,
            ForceSettings::default(),
        );
        let extents = vec![[-5.0, -5.0, 5.0, 5.0]; 10];
        settle_into_room(
            &mut layout,
            &extents,
            Some(Room {
                size: [1000.0, 300.0],
            }),
        );
        let placed = layout.positions();
        let width = placed.iter().map(|p| p[0]).fold(f32::MIN, f32::max)
            - placed.iter().map(|p| p[0]).fold(f32::MAX, f32::min);
        let height = placed.iter().map(|p| p[1]).fold(f32::MIN, f32::max)
            - placed.iter().map(|p| p[1]).fold(f32::MAX, f32::min);
        assert!(width > 900.0 && height < 300.0, "{width} x {height}");
    }
}
