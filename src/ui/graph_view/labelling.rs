//! Which node labels the canvas draws. A label never grows past its size at zoom 1 nor
//! shrinks below a readable floor (`label_font_size`), so the room it takes on the canvas
//! grows as the view zooms out past the floor and shrinks as it zooms in past zoom 1; a
//! label is drawn whole or not at all, a less important one giving way where
//! two would overlap. The choice is made again when the zoom has moved by a step, when
//! another node is hovered, when the drawing changes, and in a big graph when the view
//! leaves the region the last choice covered.

use super::*;
use crate::view::label_by::node_label;

/// Graphs of at most this many nodes have each label shaped to measure it; larger ones
/// sum the widths of their characters.
const SHAPE_EVERY_LABEL_UP_TO: usize = 2_000;

/// The factor by which the zoom may move before the labels are chosen again: within it a
/// label's room on the canvas changes by less than a tenth.
const ZOOM_STEP: f32 = 1.08;

/// Up to this many shown nodes, labels are chosen over the whole graph; above, over the
/// region around the view (the view and as much again on every side), which is chosen
/// again when the view leaves it.
const CHOOSE_EVERYWHERE_UP_TO: usize = 5_000;

/// What the labels in force were chosen for.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct LabelChoice {
    /// The zoom the labels' room was measured at.
    zoom: f32,
    /// The canvas region (`[left, top, right, bottom]`) whose nodes were considered;
    /// `None` for the whole graph.
    region: Option<[f32; 4]>,
    /// The hovered node (model position), whose label claims its room first.
    hovered: Option<usize>,
}

/// The room a node's label and the node take, around the node in canvas units, when the
/// view is at `zoom`: the label (of `size` in screen points at [`LABEL_FONT_SIZE`], with
/// its backdrop's margins) under the node's disc, whose radius follows the node's size
/// factor `scale` as the canvas draws it.
pub(super) fn label_box(size: [f32; 2], scale: f32, zoom: f32) -> [f32; 4] {
    let zoom = zoom.max(MIN_FIT_ZOOM);
    let radius = screen_radius(scale, zoom) / zoom;
    let shrink = label_font_size(zoom) / LABEL_FONT_SIZE;
    let half_width = ((size[0] * shrink / 2.0 + 3.0) / zoom).max(radius * 1.2);
    [
        -half_width,
        -radius * 1.2,
        half_width,
        radius + (4.0 + size[1] * shrink) / zoom,
    ]
}

/// The size of labels' text on screen at `zoom`: [`LABEL_FONT_SIZE`] from zoom 1 in,
/// never growing further; zoomed out it shrinks with the drawing (so labels that fit at
/// zoom 1 still fit) down to [`MIN_LABEL_FONT_SIZE`], and keeps that size further out.
pub(super) fn label_font_size(zoom: f32) -> f32 {
    (LABEL_FONT_SIZE * zoom).clamp(MIN_LABEL_FONT_SIZE, LABEL_FONT_SIZE)
}

/// The smallest text size of a label, in points: still read without effort.
const MIN_LABEL_FONT_SIZE: f32 = 10.0;

impl GraphCanvas {
    /// The boxes (node and label, `[left, top, right, bottom]` in canvas units, at the
    /// zoom the labels were chosen for) of the shown nodes whose labels are drawn, by
    /// model position; empty before the first frame measured the labels.
    pub fn drawn_label_boxes(&self) -> Vec<(usize, [f32; 4])> {
        let Some(sizes) = self.label_sizes.as_deref() else {
            return Vec::new();
        };
        let zoom = self.label_choice.map_or(1.0, |choice| choice.zoom);
        self.display
            .nodes_iter()
            .map(|(_, node)| node.payload())
            .filter(|payload| payload.label_shown)
            .filter_map(|payload| {
                let position = payload.model_position;
                let (p, size) = (self.positions.get(position)?, sizes.get(position)?);
                let e = label_box(*size, payload.scale, zoom);
                Some((
                    position,
                    [p[0] + e[0], p[1] + e[1], p[0] + e[2], p[1] + e[3]],
                ))
            })
            .collect()
    }

    /// Chooses again, where the drawing, the zoom, the hovered node or the view asks for
    /// it, which nodes' labels are drawn: the selected and hovered nodes first, then what
    /// the selection lights up, a highlighted path, and the rest, most connected first
    /// (ties by model order), each only where it overlaps no label chosen before it and
    /// no other node. Skipped while zoomed far out, where the canvas places labels itself.
    pub(super) fn choose_labels(&mut self) {
        // The camera of this frame: the last one, or the one a waiting request sets (a
        // graph just opened is fitted before its first frame is drawn: at 100,000 nodes
        // that is far out, where these labels are not drawn and choosing them took 0.14 s).
        let waiting = match self.camera {
            Some(CameraRequest::Transform(zoom, pan)) => Some((zoom, pan)),
            Some(CameraRequest::Fit) => self.room.and_then(|room| self.fit(room)),
            Some(CameraRequest::Centre(_)) | None => None,
        };
        let Some((zoom, pan)) = waiting.or(self.last_local_transform) else {
            // Before the first frame: labels as they would be at zoom 1.
            return self.choose_labels_for(1.0, None, None);
        };
        if zoom < FAR_ZOOM || !zoom.is_finite() {
            return;
        }
        let view = self.room.map(|room| {
            [
                -pan.x / zoom,
                -pan.y / zoom,
                (room.x - pan.x) / zoom,
                (room.y - pan.y) / zoom,
            ]
        });
        let hovered = self
            .display
            .nodes_iter()
            .find(|(_, node)| node.hovered())
            .map(|(_, node)| node.payload().model_position);
        let wanted_everywhere = self.display.node_count() <= CHOOSE_EVERYWHERE_UP_TO;
        let current = self.label_choice;
        let still_good = current.is_some_and(|choice| {
            let covers_view = match (choice.region, view) {
                (None, _) => true,
                (Some(region), Some(view)) => {
                    !wanted_everywhere
                        && region[0] <= view[0]
                        && region[1] <= view[1]
                        && region[2] >= view[2]
                        && region[3] >= view[3]
                }
                (Some(_), None) => false,
            };
            (choice.zoom / zoom).max(zoom / choice.zoom) < ZOOM_STEP
                && choice.hovered == hovered
                && covers_view
        });
        if self.labels_stale || !still_good {
            let region = if wanted_everywhere {
                None
            } else {
                view.map(|[left, top, right, bottom]| {
                    let (width, height) = (right - left, bottom - top);
                    [left - width, top - height, right + width, bottom + height]
                })
            };
            self.choose_labels_for(zoom, region, hovered);
        }
    }

    /// Chooses the labels drawn at `zoom` among the shown nodes placed in `region` (every
    /// shown node when `None`); the others draw none.
    fn choose_labels_for(&mut self, zoom: f32, region: Option<[f32; 4]>, hovered: Option<usize>) {
        let Some(sizes) = self.label_sizes.as_deref() else {
            return;
        };
        self.labels_stale = false;
        self.label_choice = Some(LabelChoice {
            zoom,
            region,
            hovered,
        });
        let inside = |place: [f32; 2]| {
            region.is_none_or(|[left, top, right, bottom]| {
                (left..=right).contains(&place[0]) && (top..=bottom).contains(&place[1])
            })
        };
        // The nodes considered, by model position: their place, the room their label
        // takes, and their claim to it (lower claims first).
        let mut claims: std::collections::HashMap<usize, ([f32; 2], [f32; 4], u8)> =
            std::collections::HashMap::new();
        let lit = self.selection_lit();
        for (_, node) in self.display.nodes_iter() {
            let payload = node.payload();
            let position = payload.model_position;
            let Some(&place) = self.positions.get(position).filter(|&&place| inside(place)) else {
                continue;
            };
            let size = sizes.get(position).copied().unwrap_or_default();
            let claim = if Some(position) == self.selected.0 || Some(position) == hovered {
                0
            } else if lit && !payload.receding {
                1
            } else if payload.highlighted {
                2
            } else {
                3
            };
            claims.insert(
                position,
                (place, label_box(size, payload.scale, zoom), claim),
            );
        }
        let mut order: Vec<usize> = self
            .nodes_by_degree()
            .into_iter()
            .filter(|position| claims.contains_key(position))
            .collect();
        order.sort_by_key(|position| claims.get(position).map_or(3, |claim| claim.2));
        // Slots of the considered nodes, in that order.
        let places: Vec<[f32; 2]> = order
            .iter()
            .filter_map(|position| claims.get(position).map(|claim| claim.0))
            .collect();
        let boxes: Vec<[f32; 4]> = order
            .iter()
            .filter_map(|position| claims.get(position).map(|claim| claim.1))
            .collect();
        let slots: Vec<usize> = (0..order.len()).collect();
        let shown = shown_labels(&places, &boxes, NODE_RADIUS, &slots);
        let shown_at: std::collections::HashMap<usize, bool> =
            order.iter().copied().zip(shown).collect();
        for node in self.display.g_mut().node_weights_mut() {
            let position = node.payload().model_position;
            node.payload_mut().label_shown = shown_at.get(&position).copied().unwrap_or(false);
        }
    }

    /// The size of every model node's label (as [`crate::view::label_by::LabelBy`] says) in screen points at
    /// [`LABEL_FONT_SIZE`].
    pub(super) fn measure_labels(&self, ui: &Ui, model: &Model) -> Vec<[f32; 2]> {
        let font = FontId::proportional(LABEL_FONT_SIZE);
        let layout = |text: String| {
            ui.fonts_mut(|fonts| {
                fonts
                    .layout_no_wrap(text, font.clone(), Color32::BLACK)
                    .size()
            })
        };
        let label = |position: usize| node_label(model, position, &self.label_by);
        if model.nodes.len() <= SHAPE_EVERY_LABEL_UP_TO {
            return (0..model.nodes.len())
                .map(|position| {
                    let size = layout(label(position).into_owned());
                    [size.x, size.y]
                })
                .collect();
        }
        // Shaping 100,000 labels took a second of the window's thread: above the limit a
        // label's width is the sum of its characters' widths, each shaped once (kerning
        // and ligatures aside, which move a label's width by a pixel or two).
        let height = layout("Ag".to_owned()).y;
        let mut widths: std::collections::HashMap<char, f32> = std::collections::HashMap::new();
        (0..model.nodes.len())
            .map(|position| {
                let width = label(position)
                    .chars()
                    .map(|character| {
                        *widths
                            .entry(character)
                            .or_insert_with(|| layout(character.to_string()).x)
                    })
                    .sum();
                [width, height]
            })
            .collect()
    }
}
