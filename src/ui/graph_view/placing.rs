//! After a layout: which labels to draw, the label boxes they take, a dragged node's
//! neighbourhood following it, and the bar that shows a running layout's progress.

use super::*;

/// Graphs of at most this many nodes have each label shaped to measure it; larger ones
/// sum the widths of their characters.
const SHAPE_EVERY_LABEL_UP_TO: usize = 2_000;

/// The share of a dropped node's move its direct neighbours make before the local
/// refinement (nodes two hops away make half of it).
const NEIGHBOUR_FOLLOWS: f32 = 0.6;

/// A bar along the bottom of the canvas saying how far the running layout has come.
pub(super) fn layout_progress_ui(ui: &mut Ui, canvas: Rect, progress: Progress) {
    let text = if progress.levels > 1 {
        format!(
            "Laying out: level {} of {} · {} of {} nodes placed",
            progress.levels - progress.level,
            progress.levels,
            progress.laid_out,
            progress.total
        )
    } else {
        format!(
            "Laying out: {} of {} nodes placed",
            progress.laid_out, progress.total
        )
    };
    let width = canvas.width().clamp(120.0, 420.0);
    let rect = Rect::from_min_size(
        canvas.left_bottom() + Vec2::new(8.0, -30.0),
        Vec2::new(width, 22.0),
    );
    ui.put(rect, egui::ProgressBar::new(progress.fraction()).text(text));
}

impl GraphCanvas {
    /// The boxes (node and label, `[left, top, right, bottom]` in canvas units) of the
    /// shown nodes whose labels are drawn, by model position; empty before the first frame
    /// measured the labels.
    pub fn drawn_label_boxes(&self) -> Vec<(usize, [f32; 4])> {
        let Some(extents) = self.label_extents.as_deref() else {
            return Vec::new();
        };
        self.display
            .nodes_iter()
            .map(|(_, node)| node.payload())
            .filter(|payload| payload.label_shown)
            .filter_map(|payload| {
                let position = payload.model_position;
                let (p, e) = (self.positions.get(position)?, extents.get(position)?);
                Some((
                    position,
                    [p[0] + e[0], p[1] + e[1], p[0] + e[2], p[1] + e[3]],
                ))
            })
            .collect()
    }
    /// Chooses again which nodes' labels are drawn: most connected first (ties by model
    /// order), each only where it overlaps no label chosen before it. Skipped while zoomed
    /// far out, where the canvas places labels itself.
    pub(super) fn choose_labels(&mut self) {
        // The zoom of this frame: the last one, or the one a waiting camera request sets
        // (a graph just opened is fitted before its first frame is drawn: at 100,000 nodes
        // that is far out, where these labels are not drawn and choosing them took 0.14 s).
        let waiting = match self.camera {
            Some(CameraRequest::Transform(zoom, _)) => Some(zoom),
            Some(CameraRequest::Fit) => self
                .room
                .and_then(|room| self.fit(room))
                .map(|(zoom, _)| zoom),
            Some(CameraRequest::Centre(_)) | None => None,
        };
        let zoom = waiting.or(self.last_transform.map(|(zoom, _)| zoom));
        let far = zoom.is_some_and(|zoom| zoom < FAR_ZOOM);
        let Some(extents) = self.label_extents.as_deref() else {
            return;
        };
        if !self.labels_stale || far {
            return;
        }
        self.labels_stale = false;
        // The selected node, what the selection lights up and a highlighted path claim
        // their labels' room first; then the rest, most connected first.
        let mut rank = vec![3u8; self.positions.len()];
        for (_, node) in self.display.nodes_iter() {
            let payload = node.payload();
            let claim = if Some(payload.model_position) == self.selected.0 {
                0
            } else if self.selection_lit() && !payload.receding {
                1
            } else if payload.highlighted {
                2
            } else {
                3
            };
            if let Some(slot) = rank.get_mut(payload.model_position) {
                *slot = claim;
            }
        }
        let mut order = self.nodes_by_degree();
        order.sort_by_key(|&position| rank.get(position).copied().unwrap_or(3));
        let shown = shown_labels(&self.positions, extents, NODE_RADIUS, &order);
        let indices: Vec<NodeIndex> = self.display.nodes_iter().map(|(index, _)| index).collect();
        for index in indices {
            if let Some(node) = self.display.node_mut(index) {
                let position = node.payload().model_position;
                node.payload_mut().label_shown = shown.get(position).copied().unwrap_or(true);
            }
        }
    }
    /// The box of every model node with its label below it, in canvas units at zoom 1.
    pub(super) fn measure_labels(&self, ui: &Ui, model: &Model) -> Vec<[f32; 4]> {
        let font = FontId::proportional(LABEL_FONT_SIZE);
        let layout = |text: String| {
            ui.fonts_mut(|fonts| {
                fonts
                    .layout_no_wrap(text, font.clone(), Color32::BLACK)
                    .size()
            })
        };
        let extents = |size: Vec2| {
            let half_width = (size.x / 2.0 + 3.0).max(NODE_RADIUS * 1.2);
            [
                -half_width,
                -NODE_RADIUS * 1.2,
                half_width,
                NODE_RADIUS + 4.0 + size.y,
            ]
        };
        if model.nodes.len() <= SHAPE_EVERY_LABEL_UP_TO {
            return model
                .nodes
                .iter()
                .map(|node| extents(layout(node.label.clone())))
                .collect();
        }
        // Shaping 100,000 labels took a second of the window's thread: above the limit a
        // label's width is the sum of its characters' widths, each shaped once (kerning
        // and ligatures aside, which move a label's width by a pixel or two).
        let height = layout("Ag".to_owned()).y;
        let mut widths: std::collections::HashMap<char, f32> = std::collections::HashMap::new();
        model
            .nodes
            .iter()
            .map(|node| {
                let width = node
                    .label
                    .chars()
                    .map(|character| {
                        *widths
                            .entry(character)
                            .or_insert_with(|| layout(character.to_string()).x)
                    })
                    .sum();
                extents(Vec2::new(width, height))
            })
            .collect()
    }

    /// After a node (by model position) was dropped: the nodes within two hops of it
    /// follow it (a local refinement of a force layout, up to [`LOCAL_REFINE_LIMIT`] shown
    /// nodes: each step builds a quadtree of every shown node, and above that the window
    /// would wait) and move apart where their labels overlap; every other node stays
    /// where it is.
    ///
    /// `moved_by` is how far the user dragged the node: its neighbours are first carried
    /// part of the way (those one hop away more than those two hops away), so that the
    /// refinement starts from where a rubber band would have pulled them.
    pub(super) fn settle_around(&mut self, model: &Model, node: usize, moved_by: [f32; 2]) {
        let slots = shown_slots(&self.visibility.nodes);
        if let Ok(centre) = slots.binary_search(&node) {
            let edges = slot_edges(model, &slots, &self.visibility.edges);
            let mut placed: Vec<[f32; 2]> = slots
                .iter()
                .map(|&n| self.positions.get(n).copied().unwrap_or_default())
                .collect();
            let pinned: Vec<bool> = slots
                .iter()
                .map(|&n| self.pinned.get(n).copied().unwrap_or(false))
                .collect();
            let adjacency = Adjacency::new(slots.len(), edges.iter().copied());
            let near = adjacency.within_hops(centre, 2);
            let next_to = adjacency.within_hops(centre, 1);
            for (slot, place) in placed.iter_mut().enumerate() {
                let pinned_here = pinned.get(slot).copied().unwrap_or(true);
                let share = match (next_to.get(slot), near.get(slot)) {
                    _ if pinned_here || slot == centre => 0.0,
                    (Some(true), _) => NEIGHBOUR_FOLLOWS,
                    (_, Some(true)) => NEIGHBOUR_FOLLOWS / 2.0,
                    _ => 0.0,
                };
                place[0] += share * moved_by[0];
                place[1] += share * moved_by[1];
            }
            if self.layout_kind == LayoutKind::Force && slots.len() <= LOCAL_REFINE_LIMIT {
                let start = placed.clone();
                let mut layout = ForceLayout::around(
                    placed,
                    pinned.clone(),
                    edges.clone(),
                    ForceSettings::default(),
                    centre,
                    2,
                );
                layout.run(FORCE_STEPS);
                placed = layout.positions().to_vec();
                // The refinement may move each node at most one edge length from where
                // the rubber band put it: repulsion from the rest of the drawing must not
                // fling a neighbour across the canvas.
                let reach = median_edge_length(&start, edges.iter().copied()).unwrap_or(0.0);
                for (place, from) in placed.iter_mut().zip(&start) {
                    let (dx, dy) = (place[0] - from[0], place[1] - from[1]);
                    let moved = dx.hypot(dy);
                    if moved > reach && moved > 0.0 {
                        let scale = reach / moved;
                        *place = [from[0] + dx * scale, from[1] + dy * scale];
                    }
                }
            }
            let extents = self.label_extents.as_deref().unwrap_or_default();
            let slot_extents = extents_of_slots(&slots, extents);
            // Out of reach counts as pinned.
            let fixed: Vec<bool> = pinned
                .iter()
                .zip(&near)
                .map(|(&pinned, &near)| pinned || !near)
                .collect();
            let edge_length = median_edge_length(&placed, edges);
            separate(
                self.layout_kind,
                &mut placed,
                &fixed,
                &slot_extents,
                edge_length,
            );
            for (&n, &place) in slots.iter().zip(&placed) {
                if let Some(slot) = self.positions.get_mut(n) {
                    *slot = place;
                }
            }
        }
        self.copy_positions_to_display();
    }
}
