//! One frame of the canvas: egui_graphs draws it, far-out batches draw it when zoomed
//! far out, and what the user did (clicks, drags, drops) comes back as events.

use super::*;

impl GraphCanvas {
    /// Draws the canvas into all of `ui`'s remaining space and returns what happened.
    pub fn ui(&mut self, ui: &mut Ui, model: &Model) -> Vec<CanvasEvent> {
        let room = ui.available_size();
        self.room = Some(room);
        if self.label_sizes.is_none() {
            let sizes = self.measure_labels(ui, model);
            // Layouts keep labels apart as they are drawn at zoom 1.
            self.label_extents = Some(
                sizes
                    .iter()
                    .map(|&size| labelling::label_box(size, 1.0, 1.0))
                    .collect(),
            );
            self.label_sizes = Some(sizes);
        }
        if matches!(self.layout, LayoutPhase::Pending) {
            // Spread the layout over the view at zoom 1, where labels have their full
            // size, then move nodes until no two labels overlap.
            self.layout = LayoutPhase::Settled;
            self.arrange(model, false);
            self.rebuild(model);
        }
        self.step_animation();
        self.choose_labels();

        self.decide_edge_batching(ui);
        let (interactions, navigations, styles) = view_settings();
        let top_left = ui.available_rect_before_wrap().min;
        // Zoomed far out, unselected edges are drawn as one mesh, under everything
        // egui_graphs draws; its place in the paint order is kept here.
        let far_edges_slot = ui.painter().add(Shape::Noop);
        let far_nodes_slot = ui.painter().add(Shape::Noop);
        // A timeline's spans (month- and year-level dates) go under the nodes.
        let spans_slot = ui.painter().add(Shape::Noop);
        let response = GraphView::<NoLayoutState, NoLayout>::new()
            .with_id(Some(self.view_id.clone()))
            .with_interactions(&interactions)
            .with_navigations(&navigations)
            .with_styles(&styles)
            .with_continuous_repaint(self.is_animating())
            .show(ui, &mut self.display);
        let size = response.response.rect.size();
        self.view_rect = Some(response.response.rect);
        // A drag, a scroll or a pinch on the view is the user's own framing: kept.
        let framed_by_user = response.response.dragged()
            || (response.response.hovered()
                && ui.input(|input| {
                    input.zoom_delta() != 1.0 || input.smooth_scroll_delta != Vec2::ZERO
                }));
        if framed_by_user {
            self.fitted = None;
        }
        let mut metadata = egui_graphs::MetadataFrame::new(Some(self.view_id.clone())).load(ui);
        if metadata.zoom < FAR_ZOOM || self.edges_batched {
            self.draw_far(
                ui,
                response.response.rect,
                &metadata,
                (far_edges_slot, far_nodes_slot),
            );
        }
        if let Some(progress) = self.layout_progress() {
            layout_progress_ui(ui, response.response.rect, progress);
        }
        wheel_zoom(ui, &response.response, &mut metadata);
        self.move_camera(ui, size, &mut metadata);
        self.last_local_transform = Some((metadata.zoom, metadata.pan));
        self.last_transform = Some((metadata.zoom, metadata.pan + top_left.to_vec2()));
        if self.layout_kind == LayoutKind::Timeline {
            self.timeline_axis_ui(
                ui,
                model,
                response.response.rect,
                (metadata.zoom, metadata.pan),
                spans_slot,
            );
        }

        self.events(ui, model, &response.response, &response.changes)
    }

    /// Zoomed far out: the unselected edges and the plain nodes as one mesh each, in the
    /// slots kept for them under egui_graphs' drawing, and the labels that overlap nothing;
    /// nearer in, where many edges reach the view, the unselected edges alone.
    fn draw_far(
        &mut self,
        ui: &Ui,
        rect: Rect,
        metadata: &egui_graphs::MetadataFrame,
        (far_edges_slot, far_nodes_slot): (egui::layers::ShapeIdx, egui::layers::ShapeIdx),
    ) {
        let painter = ui.painter_at(rect);
        let screen = ScreenTransform {
            zoom: metadata.zoom,
            pan: metadata.pan + rect.left_top().to_vec2(),
            clip: painter.clip_rect(),
        };
        let key = self.far_scene_key(&screen);
        let scene = match self.far_scene.take() {
            Some(scene) if scene.key == key => scene,
            previous => {
                let textures = self.far_textures.get_or_insert_with(|| FarTextures {
                    disc: load_disc_texture(ui.ctx()),
                    line: load_line_texture(ui.ctx()),
                });
                let (disc, line) = (textures.disc.id(), textures.line.id());
                // The edge mesh is kept where only emphasis changed (a hover). A big
                // graph's edges are an image instead, drawn below.
                let edges_key = self.far_edges_key(&screen);
                let edges = match previous {
                    _ if self.draws_far_image() => Shape::Noop,
                    Some(previous) if previous.edges_key == edges_key => previous.edges,
                    _ => self.far_edges(ui, line, &screen),
                };
                // Nearer in, only the edges are batched: nodes and labels are drawn as
                // at any zoom.
                let far = screen.zoom < FAR_ZOOM;
                FarScene {
                    key,
                    edges_key,
                    edges,
                    nodes: if self.draws_far_image() || !far {
                        Shape::Noop
                    } else {
                        self.far_nodes(disc, &screen)
                    },
                    labels: if far {
                        self.far_labels(ui.ctx(), &screen)
                    } else {
                        Vec::new()
                    },
                }
            }
        };
        // The meshes are shared, not copied: a shape holds its mesh behind an `Arc`.
        if self.draws_far_image() {
            let edges = self.far_image_shape(ui, &screen, scene.edges_key);
            painter.set(far_edges_slot, edges);
        } else {
            painter.set(far_edges_slot, scene.edges.clone());
        }
        painter.set(far_nodes_slot, scene.nodes.clone());
        painter.extend(scene.labels.iter().cloned());
        self.far_scene = Some(scene);
    }

    /// Whether the graph is drawn far out as an image: it shows more than
    /// `far_image_from` edges, a node counting as two (its disc is two quads of the mesh,
    /// a line one), so that a filter that hides every edge of a big graph leaves its nodes
    /// in the image (100,000 nodes as a mesh took 40 ms a frame).
    pub(super) fn draws_far_image(&self) -> bool {
        self.edge_ends.len() + 2 * self.display.node_count() > self.limits.far_image_from
    }

    /// Carries out the camera request, if any: zoom and pan as asked, fitted or centred.
    /// Where the view was fitted last and the user has not zoomed or panned since, a
    /// change of the view's size (a resized window or side panel) fits it again.
    fn move_camera(&mut self, ui: &mut Ui, size: Vec2, metadata: &mut egui_graphs::MetadataFrame) {
        let request = self.camera.take().or_else(|| {
            // egui_graphs moves the pan itself when the view is resized; the zoom stays.
            let (fitted_size, zoom, _) = self.fitted?;
            let untouched = metadata.zoom == zoom;
            (untouched && (size - fitted_size).length() > 0.5).then_some(CameraRequest::Fit)
        });
        let fitting = request == Some(CameraRequest::Fit);
        let camera = match request {
            Some(CameraRequest::Transform(zoom, pan)) => Some((zoom, pan)),
            Some(CameraRequest::Fit) => self.fit(size),
            Some(CameraRequest::Centre(node)) => self.positions.get(node).map(|place| {
                let pan = size / 2.0 - Vec2::new(place[0], place[1]) * metadata.zoom;
                (metadata.zoom, pan)
            }),
            None => None,
        };
        if let Some((zoom, pan)) = camera {
            metadata.zoom = zoom;
            metadata.pan = pan;
            metadata.clone().save(ui);
            ui.ctx().request_repaint();
            self.fitted = fitting.then_some((size, zoom, pan));
        }
    }

    /// What the user did on the graph this frame: clicks, and drags that pinned a node
    /// (whose neighbourhood then follows it).
    fn events(
        &mut self,
        ui: &Ui,
        model: &Model,
        response: &egui::Response,
        changes: &[GraphChange],
    ) -> Vec<CanvasEvent> {
        let mut events = Vec::new();
        let mut dropped = Vec::new();
        for change in changes {
            match change {
                GraphChange::NodeClicked { node } => {
                    if let Some(display_node) = self.display.node(*node) {
                        events.push(CanvasEvent::NodeClicked(
                            display_node.payload().model_position,
                        ));
                    }
                }
                GraphChange::EdgeClicked { edge } => {
                    if let Some(display_edge) = self.display.edge(*edge) {
                        events.push(CanvasEvent::EdgeClicked(
                            display_edge.payload().model_position,
                        ));
                    }
                }
                GraphChange::NodeMoved {
                    node, new_position, ..
                } => {
                    if let Some(position) =
                        self.display.node(*node).map(|n| n.payload().model_position)
                        && let (Some(place), Some(pin)) = (
                            self.positions.get_mut(position),
                            self.pinned.get_mut(position),
                        )
                    {
                        *place = [new_position.x, new_position.y];
                        *pin = true;
                    }
                }
                GraphChange::NodeDragStarted { .. } => {
                    self.drag_origin = Some((self.positions.clone(), self.pinned.clone()));
                }
                GraphChange::NodeDragEnded { node } => {
                    if let Some(origin) = self.drag_origin.take() {
                        let position = self.display.node(*node).map(|n| n.payload().model_position);
                        dropped.push((origin, position));
                    }
                }
                _ => {}
            }
        }
        let double_clicked = changes
            .iter()
            .any(|change| matches!(change, GraphChange::NodeDoubleClicked { .. }));
        if response.clicked() && events.is_empty() && !double_clicked {
            events.push(CanvasEvent::BackgroundClicked);
        }
        if !dropped.is_empty() {
            // The dropped node stays pinned where the user put it; its neighbourhood
            // follows it (a local refinement), and labels move aside where they overlap.
            for ((before, _), node) in &dropped {
                let Some(node) = *node else { continue };
                let moved_by = match (before.get(node), self.positions.get(node)) {
                    (Some(from), Some(to)) => [to[0] - from[0], to[1] - from[1]],
                    _ => [0.0, 0.0],
                };
                self.settle_around(model, node, moved_by);
            }
            events.extend(dropped.into_iter().map(|((before, pinned_before), _)| {
                CanvasEvent::NodePinned {
                    before,
                    pinned_before,
                }
            }));
            ui.ctx().request_repaint();
        }
        events
    }
}

/// How the canvas lets egui_graphs behave: nodes dragged, clicked and selected, edges
/// clicked and selected, zoom and pan (fitting is ours), labels drawn by our shapes, a
/// selected edge red and thick.
fn view_settings() -> (SettingsInteraction, SettingsNavigation, SettingsStyle) {
    let interactions = SettingsInteraction::new()
        .with_dragging_enabled(true)
        .with_hover_enabled(true)
        .with_node_clicking_enabled(true)
        .with_node_selection_enabled(true)
        .with_edge_clicking_enabled(true)
        .with_edge_selection_enabled(true);
    // Ctrl + wheel (and a pinch) zoom through egui_graphs, by a small step a frame: a
    // smooth-scrolled notch spans several frames (0.1 a frame made a notch 1.6 times).
    let navigations = SettingsNavigation::new()
        .with_fit_to_screen_enabled(false)
        .with_zoom_and_pan_enabled(true)
        .with_zoom_speed(0.02);
    let styles = SettingsStyle::new()
        .with_labels_always(false)
        .with_edge_stroke_hook(|selected, _order, stroke, _style| {
            if selected {
                // Half as thick again as an edge's width (which zoomed in stays the same
                // on screen).
                Stroke::new(stroke.width * 1.5, Color32::from_rgb(200, 40, 40))
            } else {
                unselected_edge_stroke(stroke.width)
            }
        });
    (interactions, navigations, styles)
}

/// How much a point of plain wheel scrolling zooms: a notch (about 50 points) by a
/// tenth, as in Gephi.
const WHEEL_ZOOM_PER_POINT: f32 = 0.002;

/// The mouse wheel alone zooms the view about the pointer (egui_graphs zooms only with
/// Ctrl held), in small steps.
fn wheel_zoom(ui: &mut Ui, response: &egui::Response, metadata: &mut egui_graphs::MetadataFrame) {
    let Some(pointer) = response.hover_pos() else {
        return;
    };
    let scrolled = ui.input(|input| {
        (input.zoom_delta() == 1.0 && !input.modifiers.command)
            .then_some(input.smooth_scroll_delta.y)
    });
    let Some(scrolled) = scrolled.filter(|&delta| delta != 0.0) else {
        return;
    };
    let factor = (scrolled * WHEEL_ZOOM_PER_POINT).exp();
    let zoom = (metadata.zoom * factor).clamp(MIN_FIT_ZOOM, 50.0);
    // The canvas point under the pointer stays under it.
    let local = pointer - response.rect.min;
    let under_pointer = (local - metadata.pan) / metadata.zoom;
    metadata.pan = local - under_pointer * zoom;
    metadata.zoom = zoom;
    metadata.clone().save(ui);
    ui.ctx().request_repaint();
}
