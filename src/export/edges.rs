//! Where a figure's edges go: straight between their nodes' outlines, parallel edges
//! fanned out, self-loops over the node, arrowheads at the target, and relation names
//! along the middle where they fit.

use std::collections::BTreeMap;

use super::font::text_size;
use super::scene::{GraphLook, SceneEdge, SceneNode};
use crate::model::{Model, Relation};
use crate::view::style::{Dash, HIGHLIGHT_RGB, relation_style};

/// Font size of relation names written along edges.
pub const EDGE_NAME_SIZE: f32 = 10.0;

/// Edges between shown nodes, clipped to the outlines, parallel ones curved apart.
pub(super) fn place_edges(
    model: &Model,
    look: GraphLook<'_>,
    nodes: &[SceneNode],
    index_of: &BTreeMap<usize, usize>,
    named: bool,
) -> Vec<SceneEdge> {
    let mut edges = Vec::new();
    let mut parallel: BTreeMap<(usize, usize), usize> = BTreeMap::new();
    let mut seen: BTreeMap<(usize, usize), usize> = BTreeMap::new();
    let ends = |edge: &crate::model::Edge| -> Option<(usize, usize)> {
        let a = *index_of.get(&model.node_position(&edge.source)?)?;
        let b = *index_of.get(&model.node_position(&edge.target)?)?;
        Some((a, b))
    };
    let shown_edges: Vec<(usize, &crate::model::Edge)> = model
        .edges
        .iter()
        .enumerate()
        .filter(|(p, _)| look.visibility.edges.get(*p).copied().unwrap_or(false))
        .collect();
    for (_, edge) in &shown_edges {
        if let Some((a, b)) = ends(edge) {
            *parallel.entry((a.min(b), a.max(b))).or_insert(0) += 1;
        }
    }
    for (position, edge) in shown_edges {
        let (Some((a, b)), true) = (ends(edge), true) else {
            continue;
        };
        let (Some(source), Some(target)) = (nodes.get(a), nodes.get(b)) else {
            continue;
        };
        let key = (a.min(b), a.max(b));
        let count = parallel.get(&key).copied().unwrap_or(1);
        let order = seen.entry(key).or_insert(0);
        let index = *order;
        *order += 1;
        let highlighted = look.highlighted_edges.contains(&position);
        let (stroke, dash, width) = if highlighted {
            (HIGHLIGHT_RGB, Dash::Solid, 3.0)
        } else {
            let style = relation_style(edge.relation);
            let rgb = look
                .edge_colours
                .and_then(|colours| colours.rgb.get(position).copied())
                .unwrap_or(style.rgb);
            (rgb, style.dash, 1.5)
        };
        if a == b {
            // A self-loop: a curve out of the top of the node and back.
            let (start, end, control) = self_loop(source, index);
            edges.push(SceneEdge {
                id: edge.id.clone(),
                relation: edge.relation,
                start,
                end,
                control: Some(control),
                arrow: edge.directed.then(|| arrowhead(control, end)),
                stroke,
                dash,
                width,
                name_at: None,
            });
            continue;
        }
        let bend = bend_of(index, count, a < b);
        let (start, end, control) = curve_between(source, target, bend);
        edges.push(SceneEdge {
            id: edge.id.clone(),
            relation: edge.relation,
            start,
            end,
            control,
            arrow: edge
                .directed
                .then(|| arrowhead(control.unwrap_or(start), end)),
            stroke,
            dash,
            width,
            name_at: (named && fits_name(start, end, edge.relation))
                .then(|| name_place(start, end, control)),
        });
    }
    edges
}

/// A self-loop's ends and control point: a curve out of the top of the node and back,
/// the `index`th of its loops further out.
fn self_loop(node: &SceneNode, index: usize) -> ([f32; 2], [f32; 2], [f32; 2]) {
    let c = node.center;
    let r = node.radius;
    let start = [c[0] - r * 0.6, c[1] - r * 0.8];
    let end = [c[0] + r * 0.6, c[1] - r * 0.8];
    let control = [c[0], c[1] - r * (3.5 + index as f32)];
    (start, end, control)
}

/// How far the `index`th of `count` parallel edges bends from the straight line;
/// `forward` (from the lower node to the higher) keeps A->B and B->A on their own sides.
fn bend_of(index: usize, count: usize, forward: bool) -> f32 {
    let sign = if forward { 1.0 } else { -1.0 };
    (index as f32 - (count as f32 - 1.0) / 2.0) * 26.0 * sign
}

/// An edge's ends on the borders of its two nodes and, when it bends, the control point
/// of its curve through the point `bend` off the middle.
fn curve_between(
    source: &SceneNode,
    target: &SceneNode,
    bend: f32,
) -> ([f32; 2], [f32; 2], Option<[f32; 2]>) {
    let (from, to) = (source.center, target.center);
    let direction = normalise([to[0] - from[0], to[1] - from[1]]);
    let normal = [-direction[1], direction[0]];
    let middle = [
        (from[0] + to[0]) / 2.0 + normal[0] * bend,
        (from[1] + to[1]) / 2.0 + normal[1] * bend,
    ];
    let towards_start = normalise([middle[0] - from[0], middle[1] - from[1]]);
    let towards_end = normalise([middle[0] - to[0], middle[1] - to[1]]);
    let start = [
        from[0] + towards_start[0] * source.radius * 1.1,
        from[1] + towards_start[1] * source.radius * 1.1,
    ];
    let end = [
        to[0] + towards_end[0] * target.radius * 1.15,
        to[1] + towards_end[1] * target.radius * 1.15,
    ];
    let control = (bend != 0.0).then(|| {
        [
            2.0 * middle[0] - (start[0] + end[0]) / 2.0,
            2.0 * middle[1] - (start[1] + end[1]) / 2.0,
        ]
    });
    (start, end, control)
}

/// Whether a relation's name fits along an edge from `start` to `end`, with room to
/// spare at both ends.
fn fits_name(start: [f32; 2], end: [f32; 2], relation: Relation) -> bool {
    let name = relation.words();
    let length = (end[0] - start[0]).hypot(end[1] - start[1]);
    text_size(&name, EDGE_NAME_SIZE)[0] + 16.0 <= length
}

/// Where a relation's name goes on an edge from `start` to `end` (bent through
/// `control`): its middle, and the angle in degrees that reads left to right.
fn name_place(start: [f32; 2], end: [f32; 2], control: Option<[f32; 2]>) -> ([f32; 2], f32) {
    let middle = match control {
        // The point of the quadratic curve halfway along.
        Some(c) => [
            0.25 * start[0] + 0.5 * c[0] + 0.25 * end[0],
            0.25 * start[1] + 0.5 * c[1] + 0.25 * end[1],
        ],
        None => [(start[0] + end[0]) / 2.0, (start[1] + end[1]) / 2.0],
    };
    let (dx, dy) = (end[0] - start[0], end[1] - start[1]);
    let mut angle = dy.atan2(dx).to_degrees();
    if angle > 90.0 {
        angle -= 180.0;
    } else if angle < -90.0 {
        angle += 180.0;
    }
    (middle, if angle.is_finite() { angle } else { 0.0 })
}

fn arrowhead(from: [f32; 2], tip: [f32; 2]) -> [[f32; 2]; 3] {
    let direction = normalise([tip[0] - from[0], tip[1] - from[1]]);
    let normal = [-direction[1], direction[0]];
    let base = [tip[0] - direction[0] * 10.0, tip[1] - direction[1] * 10.0];
    [
        tip,
        [base[0] + normal[0] * 4.0, base[1] + normal[1] * 4.0],
        [base[0] - normal[0] * 4.0, base[1] - normal[1] * 4.0],
    ]
}

fn normalise(vector: [f32; 2]) -> [f32; 2] {
    let length = (vector[0] * vector[0] + vector[1] * vector[1]).sqrt();
    if length > 1e-6 && length.is_finite() {
        [vector[0] / length, vector[1] / length]
    } else {
        [1.0, 0.0]
    }
}
