//! Arranging the canvas: running a layout (on its own thread for big graphs), showing
//! what the filters leave, restoring a saved or undone view, and fitting it to the view.

use super::*;

impl GraphCanvas {
    /// A force layout of the shown nodes (`slots`), from scratch or warm from their
    /// current places, with their pins.
    pub(super) fn shown_force_layout(
        &self,
        model: &Model,
        slots: &[usize],
        warm: bool,
    ) -> ForceLayout {
        force_layout(
            model,
            slots,
            &self.visibility.edges,
            &self.positions,
            &self.pinned,
            warm,
            ForceSettings::beside_a_window(),
        )
    }

    /// The view's size at zoom 1, once a frame has shown it.
    pub(super) fn current_room(&self) -> Option<Room> {
        self.room.map(|size| Room {
            size: [size.x, size.y],
        })
    }

    /// Starts the force layout of the shown nodes on its own thread, from scratch (or
    /// warm, from the current places); positions stream in frame by frame.
    pub(super) fn start_animation(&mut self, model: &Model, warm: bool) {
        let slots = shown_slots(&self.visibility.nodes);
        let layout = self.shown_force_layout(model, &slots, warm);
        // Once settled, the worker also fits the layout to the view and separates the
        // labels, so that the window never waits for either.
        let slot_extents =
            extents_of_slots(&slots, self.label_extents.as_deref().unwrap_or_default());
        let room = self.current_room();
        let finish = move |layout: &mut ForceLayout| settle_into_room(layout, &slot_extents, room);
        // The progress as it stands before the worker's first report: nothing done yet
        // (a default progress of no nodes would read as all done).
        let progress = layout.progress();
        self.layout = LayoutPhase::Running(Animation {
            worker: LayoutWorker::start_with_finish(layout, FORCE_STEPS, || {}, finish),
            slots,
            progress,
        });
    }

    /// Shows what `visibility` says. With the force layout (or the file's places), the
    /// reader keeps their bearings: nodes shown before and after stay where they are,
    /// nodes that come back are placed among their shown neighbours on free spots, and
    /// the view is fitted only when some came back. A rule-based layout (circular,
    /// grouped, timeline) keeps every place while nodes are only hidden, and arranges the
    /// shown nodes again by its rule when some come back. Pins are kept either way.
    pub fn set_visibility(&mut self, model: &Model, visibility: Visibility) {
        if visibility == self.visibility {
            return;
        }
        let nodes_changed = visibility.nodes != self.visibility.nodes;
        let shown_changed = nodes_changed || visibility.edges != self.visibility.edges;
        let was_shown = std::mem::replace(&mut self.visibility, visibility).nodes;
        if shown_changed {
            self.layout = LayoutPhase::Settled;
            if matches!(self.layout_kind, LayoutKind::Force | LayoutKind::File) {
                if self.place_returning_nodes(model, &was_shown) {
                    self.camera = Some(CameraRequest::Fit);
                }
            } else {
                // A rule-based layout keeps every place while nodes are only hidden; nodes
                // that come back are placed by its rule, which puts those that stayed
                // where they were when what is shown is what was shown when it ran.
                let returning = self
                    .visibility
                    .nodes
                    .iter()
                    .zip(&was_shown)
                    .any(|(&now, &before)| now && !before);
                if returning {
                    self.arrange(model, false);
                    self.camera = Some(CameraRequest::Fit);
                }
            }
        }
        if nodes_changed {
            self.rebuild(model);
        } else {
            // The same nodes: edges are shown or hidden by flags, nodes moved in place.
            self.display_changed();
            self.copy_positions_to_display();
        }
    }

    /// Places the nodes shown now that were not (`was_shown`) next to the middle of their
    /// shown neighbours that stayed (or of the graph, when they have none), each on the
    /// nearest spot free of other nodes; every node that stayed keeps its place. Returns
    /// whether any came back.
    fn place_returning_nodes(&mut self, model: &Model, was_shown: &[bool]) -> bool {
        let shown = &self.visibility.nodes;
        let stayed = |node: usize| {
            shown.get(node).copied().unwrap_or(false)
                && was_shown.get(node).copied().unwrap_or(false)
        };
        let is_returning = |node: usize| {
            shown.get(node).copied().unwrap_or(false)
                && !was_shown.get(node).copied().unwrap_or(false)
        };
        let returning: Vec<usize> = (0..self.positions.len())
            .filter(|&node| is_returning(node))
            .collect();
        if returning.is_empty() {
            return false;
        }
        // The sum of each returning node's neighbours that stayed, and how many.
        let mut sums = vec![([0.0f32; 2], 0u32); self.positions.len()];
        for edge in 0..model.edges.len() {
            let Some((a, b)) = model.edge_ends(edge) else {
                continue;
            };
            for (node, other) in [(a, b), (b, a)] {
                if is_returning(node)
                    && stayed(other)
                    && let (Some(place), Some(sum)) =
                        (self.positions.get(other).copied(), sums.get_mut(node))
                {
                    sum.0[0] += place[0];
                    sum.0[1] += place[1];
                    sum.1 += 1;
                }
            }
        }
        let stayed_places: Vec<[f32; 2]> = (0..self.positions.len())
            .filter(|&node| stayed(node))
            .filter_map(|node| self.positions.get(node).copied())
            .collect();
        let middle = if stayed_places.is_empty() {
            [0.0, 0.0]
        } else {
            let n = stayed_places.len() as f32;
            let sum = stayed_places.iter().fold([0.0f32, 0.0], |sum, place| {
                [sum[0] + place[0], sum[1] + place[1]]
            });
            [sum[0] / n, sum[1] / n]
        };
        // Each on the first spot of a sunflower spiral around its centre where its box
        // with its label overlaps no shown node's (checked against the others only
        // while that stays cheap: up to 10^7 pairs), so that labels stay whole.
        const GOLDEN_ANGLE: f32 = 2.399_963;
        let step = NODE_RADIUS * 2.0;
        let extents = self.label_extents.as_deref().unwrap_or_default();
        let extent = |node: usize| {
            extents.get(node).copied().unwrap_or([
                -NODE_RADIUS,
                -NODE_RADIUS,
                NODE_RADIUS,
                NODE_RADIUS,
            ])
        };
        let shown_count = self.visibility.nodes.iter().filter(|&&shown| shown).count();
        let check = returning.len().saturating_mul(shown_count) <= 10_000_000;
        let mut placed: Vec<[f32; 4]> = if check {
            (0..self.positions.len())
                .filter(|&node| stayed(node))
                .filter_map(|node| {
                    let place = self.positions.get(node)?;
                    let [left, top, right, bottom] = extent(node);
                    Some([
                        place[0] + left,
                        place[1] + top,
                        place[0] + right,
                        place[1] + bottom,
                    ])
                })
                .collect()
        } else {
            Vec::new()
        };
        for &node in &returning {
            let centre = match sums.get(node) {
                Some(&(sum, count)) if count > 0 => [sum[0] / count as f32, sum[1] / count as f32],
                _ => middle,
            };
            let [left, top, right, bottom] = extent(node);
            let box_at = |spot: [f32; 2]| {
                [
                    spot[0] + left,
                    spot[1] + top,
                    spot[0] + right,
                    spot[1] + bottom,
                ]
            };
            let free = |boxed: [f32; 4], placed: &[[f32; 4]]| {
                placed.iter().all(|other| {
                    boxed[0] >= other[2]
                        || boxed[2] <= other[0]
                        || boxed[1] >= other[3]
                        || boxed[3] <= other[1]
                })
            };
            let spot = (1..5_000)
                .map(|turn| {
                    let radius = step * (turn as f32).sqrt();
                    let angle = GOLDEN_ANGLE * turn as f32;
                    [
                        centre[0] + radius * angle.cos(),
                        centre[1] + radius * angle.sin(),
                    ]
                })
                .find(|&spot| !check || free(box_at(spot), &placed))
                .unwrap_or(centre);
            if check {
                placed.push(box_at(spot));
            }
            if let Some(place) = self.positions.get_mut(node) {
                *place = spot;
            }
        }
        true
    }

    /// Arranges the shown nodes by `kind`. The force layout starts afresh and animates
    /// (it can be paused); the others place nodes at once. Pinned nodes stay.
    pub fn set_layout(&mut self, model: &Model, kind: LayoutKind) {
        self.layout_kind = kind;
        self.layout = LayoutPhase::Settled;
        if kind == LayoutKind::Force {
            self.start_animation(model, false);
        } else {
            self.arrange(model, false);
        }
        self.camera = Some(CameraRequest::Fit);
        // What is shown is the same: the display graph keeps its nodes and edges, which
        // only move (rebuilding it took a third of a second at 400,000 edges).
        self.copy_positions_to_display();
    }

    /// Restores a saved view: what is shown, the layout, nodes at saved places (by
    /// model position; `None` keeps a node where it is) with their pins, and a saved zoom
    /// and pan on the next frame. Nothing is arranged.
    pub fn restore(
        &mut self,
        model: &Model,
        visibility: Visibility,
        layout: LayoutKind,
        places: &[Option<([f32; 2], bool)>],
        transform: Option<(f32, [f32; 2])>,
    ) {
        for ((place, position), pinned) in places
            .iter()
            .zip(self.positions.iter_mut())
            .zip(self.pinned.iter_mut())
        {
            if let Some((saved, pin)) = place
                && saved[0].is_finite()
                && saved[1].is_finite()
            {
                *position = *saved;
                *pinned = *pin;
            }
        }
        self.layout = LayoutPhase::Settled;
        self.layout_kind = layout;
        self.visibility = visibility;
        self.timeline_axis = None;
        if let Some((zoom, pan)) = transform
            && zoom.is_finite()
            && zoom > 0.0
            && pan.iter().all(|v| v.is_finite())
        {
            self.camera = Some(CameraRequest::Transform(zoom, Vec2::new(pan[0], pan[1])));
        } else {
            self.camera = Some(CameraRequest::Fit);
        }
        self.rebuild(model);
    }

    /// Shows `visibility` with nodes exactly at `positions` and `pinned` (undo and redo):
    /// nothing is arranged.
    pub fn restore_view(
        &mut self,
        model: &Model,
        visibility: Visibility,
        layout: LayoutKind,
        positions: &[[f32; 2]],
        pinned: &[bool],
    ) {
        self.layout = LayoutPhase::Settled;
        self.layout_kind = layout;
        self.visibility = visibility;
        self.timeline_axis = None;
        for (slot, place) in self.positions.iter_mut().zip(positions) {
            *slot = *place;
        }
        self.set_pins(pinned);
        self.rebuild(model);
    }

    /// Arranges the shown nodes by the current layout, at once.
    pub(super) fn arrange(&mut self, model: &Model, warm: bool) {
        let slots = shown_slots(&self.visibility.nodes);
        let extents = self.label_extents.clone().unwrap_or_default();
        let room = self.current_room();
        self.timeline_axis = None;
        if self.layout_kind == LayoutKind::Force && slots.len() > SYNC_LAYOUT_LIMIT {
            // Too big to settle before the next frame: lay out on a thread, streaming.
            self.start_animation(model, warm);
        } else {
            self.timeline_axis = arrange_now(
                model,
                Arrangement {
                    kind: self.layout_kind,
                    slots: &slots,
                    shown_edges: &self.visibility.edges,
                    facts: NodeFacts {
                        extents: &extents,
                        pinned: &self.pinned,
                        groups: &self.groups,
                    },
                    room,
                    force: ForceSettings::beside_a_window(),
                    warm,
                },
                &mut self.positions,
            );
        }
    }

    pub(super) fn step_animation(&mut self) {
        let LayoutPhase::Running(animation) = &mut self.layout else {
            return;
        };
        // While paused nothing moves, even a step that was under way.
        if animation.worker.is_paused() {
            return;
        }
        if animation.worker.panicked() {
            // Keep the last positions it streamed; say so once.
            if let Some(snapshot) = animation.worker.take() {
                for (&node, &place) in animation.slots.iter().zip(&snapshot.positions) {
                    if let Some(slot) = self.positions.get_mut(node) {
                        *slot = place;
                    }
                }
            }
            self.layout = LayoutPhase::Failed;
            self.copy_positions_to_display();
            return;
        }
        let Some(snapshot) = animation.worker.take() else {
            return;
        };
        for (&node, &place) in animation.slots.iter().zip(&snapshot.positions) {
            if let Some(slot) = self.positions.get_mut(node) {
                *slot = place;
            }
        }
        animation.progress = snapshot.progress;
        if snapshot.settled {
            // The worker has fitted and separated the settled layout (see
            // `start_animation`); its positions were copied above.
            self.layout = LayoutPhase::Settled;
            self.camera = Some(CameraRequest::Fit);
        }
        self.copy_positions_to_display();
    }

    /// The zoom and pan that show every shown node and its whole label in a view of
    /// `size`.
    pub(super) fn fit(&self, size: Vec2) -> Option<(f32, Vec2)> {
        let extents = self.label_extents.as_ref()?;
        let mut bounds = Rect::NOTHING;
        let mut margin = [0.0f32; 4];
        for (node, position) in self.positions.iter().enumerate() {
            if !self.visibility.nodes.get(node).copied().unwrap_or(false) {
                continue;
            }
            bounds.extend_with(Pos2::new(position[0], position[1]));
            if let Some(extent) = extents.get(node) {
                margin[0] = margin[0].max(-extent[0]);
                margin[1] = margin[1].max(-extent[1]);
                margin[2] = margin[2].max(extent[2]);
                margin[3] = margin[3].max(extent[3]);
            }
        }
        if !bounds.is_finite() {
            return None;
        }
        let room = Vec2::new(
            size.x - margin[0] - margin[2] - 2.0 * FIT_MARGIN,
            size.y - margin[1] - margin[3] - 2.0 * FIT_MARGIN,
        )
        .max(Vec2::splat(10.0));
        let zoom = (room.x / bounds.width().max(1.0))
            .min(room.y / bounds.height().max(1.0))
            .clamp(MIN_FIT_ZOOM, 1.5);
        let target = Pos2::new(
            FIT_MARGIN + margin[0] + room.x / 2.0,
            FIT_MARGIN + margin[1] + room.y / 2.0,
        );
        Some((zoom, target.to_vec2() - bounds.center().to_vec2() * zoom))
    }

    /// Unpins every node.
    pub fn unpin_all(&mut self) {
        self.pinned.iter_mut().for_each(|pin| *pin = false);
    }

    /// Pins or unpins nodes by model position.
    pub fn set_pins(&mut self, pinned: &[bool]) {
        for (slot, &pin) in self.pinned.iter_mut().zip(pinned) {
            *slot = pin;
        }
    }
}
