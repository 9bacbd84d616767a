//! The canvas zoomed far out (below [`FAR_ZOOM`]): unselected edges as one mesh of
//! lines and plain disc nodes as one mesh of discs (for a big graph, both in one image
//! drawn on a worker), labels only where they overlap nothing; all kept between frames
//! while a fingerprint of what they show is unchanged. Nearer in, the unselected edges
//! alone are batched so while more than [`BATCH_EDGES_FROM`] of them reach the view.

use super::*;
use crate::background::{self, Job, Outcome};
use crate::ui::line_raster::{RasterDisc, RasterLine, draw_scene};

impl GraphCanvas {
    /// A fingerprint of what the far-out nodes and labels show: the transform, the
    /// display graph, every node's place, look and emphasis (selected, hovered, dragged)
    /// and every edge's selection. Equal keys draw the same picture, so the drawing is
    /// kept while nothing changes (a paused layout, or between the layout's snapshots).
    pub(super) fn far_scene_key(&self, screen: &ScreenTransform) -> u64 {
        self.far_key(screen, FarPart::Scene)
    }

    /// What the far-out edges (and, in a big graph's image, the plain nodes) depend on:
    /// the same but a node's hover and drag (an edge under an emphasised node's disc is
    /// hidden by the disc either way; an emphasised node is drawn over the image by its
    /// own shape), and, for the mesh, the selected edges, which leave it. Hovering over
    /// nodes of a 400,000-edge graph no longer builds the mesh again; selecting draws no
    /// new image (the image keeps the selected edges under their own, wider drawing).
    pub(super) fn far_edges_key(&self, screen: &ScreenTransform) -> u64 {
        let part = if self.draws_far_image() {
            FarPart::EdgeImage
        } else {
            FarPart::EdgeMesh
        };
        self.far_key(screen, part)
    }

    /// A fingerprint of the display graph's generation and the view: what a drawing
    /// made for the view depends on before the nodes' places.
    fn view_key(&self, screen: &ScreenTransform) -> FingerPrint {
        let mut key = FingerPrint::default();
        key.add(self.display_generation);
        for value in [
            screen.zoom,
            screen.pan.x,
            screen.pan.y,
            screen.clip.min.x,
            screen.clip.min.y,
            screen.clip.max.x,
            screen.clip.max.y,
        ] {
            key.add(u64::from(value.to_bits()));
        }
        key
    }

    fn far_key(&self, screen: &ScreenTransform, part: FarPart) -> u64 {
        let with_emphasis = matches!(part, FarPart::Scene);
        let mut key = self.view_key(screen);
        for (index, node) in self.display.nodes_iter() {
            let payload = node.payload();
            let location = node.location();
            key.add(index.index() as u64);
            key.add(u64::from(location.x.to_bits()) << 32 | u64::from(location.y.to_bits()));
            key.add(u64::from_le_bytes([
                payload.fill[0],
                payload.fill[1],
                payload.fill[2],
                payload.kind as u8,
                u8::from(payload.dimmed)
                    | u8::from(payload.highlighted) << 1
                    | u8::from(with_emphasis && node.selected()) << 2
                    | u8::from(with_emphasis && node.hovered()) << 3
                    | u8::from(with_emphasis && node.dragged()) << 4,
                0,
                0,
                0,
            ]));
            key.add(u64::from(payload.scale.to_bits()));
        }
        // (egui_graphs lists the selected edges on every frame.)
        if !matches!(part, FarPart::EdgeImage) {
            for index in self.display.selected_edges() {
                key.add(index.index() as u64);
            }
        }
        key.finish()
    }

    /// The unselected edges as one mesh of plain lines over the line `texture`, for a
    /// view zoomed out below [`FAR_ZOOM`] (the edge shapes leave them out there).
    pub(super) fn far_edges(
        &self,
        ui: &Ui,
        texture: egui::TextureId,
        screen: &ScreenTransform,
    ) -> Shape {
        let feathering = feathering(ui);
        let mut batch = LineBatch::new(
            texture,
            unselected_edge_stroke(FAR_EDGE_WIDTH),
            feathering,
            screen.clip,
            self.display.edge_count(),
        );
        self.far_lines(screen, feathering, true, |from, to, colour| {
            batch.add_coloured(from, to, colour);
        });
        batch.into_shape()
    }

    /// Each edge drawn zoomed far out (the unselected ones, when `skip_selected`), as
    /// `line(from, to, colour)` on screen: all but those short enough to lie wholly under
    /// their two end discs (which are drawn over them), a line being `FAR_EDGE_WIDTH` wide
    /// with `feathering` on each side.
    fn far_lines(
        &self,
        screen: &ScreenTransform,
        feathering: f32,
        skip_selected: bool,
        mut line: impl FnMut(Pos2, Pos2, Color32),
    ) {
        // Each node's place on screen, and the radius of the opaque disc drawn over it (0
        // where the node is not such a disc), by node index.
        let mut ends: Vec<Option<(Pos2, f32)>> = vec![None; self.display.g().node_bound()];
        for (index, node) in self.display.nodes_iter() {
            let payload = node.payload();
            // As if no node were emphasised, so that hovering builds no new mesh.
            let cover = if in_far_batch(payload, false, screen.zoom) && !payload.dimmed {
                screen_radius(payload.scale, screen.zoom)
            } else {
                0.0
            };
            if let Some(slot) = ends.get_mut(index.index()) {
                *slot = Some((screen.place(node.location()), cover));
            }
        }
        let end = |index: NodeIndex| ends.get(index.index()).copied().flatten();
        let selected = self.display.selected_edges();
        let half_width = (FAR_EDGE_WIDTH + feathering) / 2.0;
        for &(index, start, end_node, colour) in &self.edge_ends {
            if skip_selected && selected.contains(&index) {
                continue;
            }
            let (Some((from, from_cover)), Some((to, to_cover))) = (end(start), end(end_node))
            else {
                continue;
            };
            // Level of detail: a line short enough to lie wholly under its two end discs
            // (which are drawn over it) is left out.
            let hidden_within = from_cover + to_cover - 2.0 * half_width;
            if hidden_within > 0.0 && from.distance_sq(to) < hidden_within * hidden_within {
                continue;
            }
            line(from, to, colour);
        }
    }

    /// The edges and plain disc nodes drawn far out as an image (for a graph showing
    /// more than [`GraphCanvas::far_image_from`] nodes and edges): the last image drawn,
    /// fitted to the view as it is now; a new one is drawn on a worker when what it shows has changed,
    /// and replaces it when done. The very first is of the nodes alone, which takes a
    /// fraction of the time the edges take.
    pub(super) fn far_image_shape(&mut self, ui: &Ui, screen: &ScreenTransform, key: u64) -> Shape {
        let image = &mut self.far_image;
        if let Some((view, job)) = &image.drawing {
            match job.poll() {
                Outcome::Running => {}
                Outcome::Done(Some(drawn)) => {
                    let view = *view;
                    // Shared with the texture's upload, not copied.
                    let drawn = std::sync::Arc::new(drawn);
                    let data = egui::ImageData::Color(std::sync::Arc::clone(&drawn));
                    match &mut image.shown {
                        Some((texture, shown_view, shown_image)) => {
                            texture.set(data, egui::TextureOptions::LINEAR);
                            *shown_view = view;
                            *shown_image = drawn;
                        }
                        None => {
                            let texture = ui.ctx().load_texture(
                                "backchannel-far-edges",
                                data,
                                egui::TextureOptions::LINEAR,
                            );
                            image.shown = Some((texture, view, drawn));
                        }
                    }
                    image.drawing = None;
                }
                Outcome::Done(None) | Outcome::Failed => image.drawing = None,
            }
        }
        image.wanted = Some(key);
        let up_to_date = |view: &ImageView| view.key == key;
        let wanted = !image
            .shown
            .as_ref()
            .is_some_and(|(_, view, _)| up_to_date(view))
            && !image
                .drawing
                .as_ref()
                .is_some_and(|(view, _)| up_to_date(view));
        if wanted && self.far_image.drawing.is_none() {
            let first = self.far_image.shown.is_none();
            self.start_far_image(ui, screen, key, !first);
        }
        let Some((texture, drawn, _)) = &self.far_image.shown else {
            return Shape::Noop;
        };
        let rect = image_rect(drawn, screen);
        Shape::image(
            texture.id(),
            rect,
            Rect::from_min_max(Pos2::ZERO, Pos2::new(1.0, 1.0)),
            Color32::WHITE,
        )
    }

    /// The far-out image shown last, with its texture, when a graph is drawn far out as
    /// one ([`Self::far_image_from`]) and that image shows the view as it was last drawn
    /// (no newer one is wanted).
    pub fn far_image(&self) -> Option<(egui::TextureId, std::sync::Arc<egui::ColorImage>)> {
        let (texture, view, image) = self.far_image.shown.as_ref()?;
        (Some(view.key) == self.far_image.wanted)
            .then(|| (texture.id(), std::sync::Arc::clone(image)))
    }

    /// Starts drawing the far-out nodes, and the edges under them when `with_edges`, of
    /// the view as it is now into an image, on a worker that asks for a frame when it is
    /// done. An image without its edges is never up to date: the next one has them.
    fn start_far_image(&mut self, ui: &Ui, screen: &ScreenTransform, key: u64, with_edges: bool) {
        let pixels_per_point = ui.ctx().pixels_per_point();
        let size = screen.clip.size() * pixels_per_point;
        let size = [
            size.x.ceil().max(1.0) as usize,
            size.y.ceil().max(1.0) as usize,
        ];
        let origin = screen.clip.min;
        let pixel = |point: Pos2| ((point - origin) * pixels_per_point).to_pos2();
        let mut lines = Vec::new();
        if with_edges {
            lines.reserve(self.edge_ends.len());
            self.far_lines(screen, feathering(ui), false, |from, to, colour| {
                lines.push(RasterLine {
                    from: pixel(from),
                    to: pixel(to),
                    colour,
                });
            });
        }
        // Every plain disc node, as if none were emphasised (an emphasised node is drawn
        // over the image by its own shape): its outline, then its fill.
        let mut discs = Vec::with_capacity(2 * self.display.node_count());
        for (centre, radius, fill, stroke) in self.far_discs(screen, false) {
            let centre = pixel(centre);
            let radius = radius * pixels_per_point;
            if stroke.width > 0.0 {
                discs.push(RasterDisc {
                    centre,
                    radius: radius + stroke.width * pixels_per_point,
                    colour: stroke.color,
                });
            }
            discs.push(RasterDisc {
                centre,
                radius,
                colour: fill,
            });
        }
        let ctx = ui.ctx().clone();
        let job = Job::spawn(
            "draw the graph far out",
            move || draw_scene(size, &lines, &discs, background::cancelled),
            move || ctx.request_repaint(),
        );
        let view = ImageView {
            key: if with_edges { key } else { !key },
            zoom: screen.zoom,
            pan: screen.pan,
            clip: screen.clip,
        };
        self.far_image.drawing = Some((view, job));
    }

    /// The nodes drawn as plain discs zoomed far out (see [`in_far_batch`]), as one mesh
    /// over the disc `texture`.
    pub(super) fn far_nodes(&self, texture: egui::TextureId, screen: &ScreenTransform) -> Shape {
        let mut batch = DiscBatch::new(texture, screen.clip, 2 * self.display.node_count());
        for (centre, radius, fill, stroke) in self.far_discs(screen, true) {
            batch.add_outlined(centre, radius, fill, stroke);
        }
        batch.into_shape()
    }

    /// Each node drawn far out as a plain disc (see [`in_far_batch`]; an emphasised node
    /// is left out only when `leave_out_emphasised`), with its place and radius on screen,
    /// its fill and its outline.
    fn far_discs(
        &self,
        screen: &ScreenTransform,
        leave_out_emphasised: bool,
    ) -> impl Iterator<Item = (Pos2, f32, Color32, Stroke)> {
        self.display.nodes_iter().filter_map(move |(_, node)| {
            let payload = node.payload();
            let emphasised = leave_out_emphasised && is_emphasised(node);
            in_far_batch(payload, emphasised, screen.zoom).then(|| {
                let (fill, stroke) = node_colours(payload, false, false);
                let radius = screen_radius(payload.scale, screen.zoom);
                (screen.place(node.location()), radius, fill, stroke)
            })
        })
    }

    /// Labels zoomed far out: of the best-connected nodes, most connected first, each
    /// where it overlaps no label already placed and no emphasised node's label (those
    /// nodes draw their own); never a wall of overlapping text.
    pub(super) fn far_labels(&self, ctx: &egui::Context, screen: &ScreenTransform) -> Vec<Shape> {
        let mut taken: Vec<Rect> = Vec::new();
        let mut candidates = Vec::new();
        for (_, node) in self.display.nodes_iter() {
            let payload = node.payload();
            let centre = screen.place(node.location());
            let radius = screen_radius(payload.scale, screen.zoom);
            if is_emphasised(node) || payload.highlighted {
                let label = NodeLabel::new(
                    ctx,
                    &node.display().label,
                    centre,
                    radius,
                    screen.zoom,
                    true,
                );
                taken.push(label.backdrop);
            } else if self.is_prominent(payload.model_position)
                && screen.clip.expand(radius).contains(centre)
            {
                candidates.push((
                    payload.model_position,
                    centre,
                    radius,
                    node.display().label.as_str(),
                ));
            }
        }
        candidates.sort_by_key(|&(position, ..)| {
            self.prominence_rank
                .get(position)
                .copied()
                .unwrap_or(usize::MAX)
        });
        let mut shapes = Vec::new();
        for (position, centre, radius, text) in candidates.into_iter().take(MAX_FAR_LABELS) {
            let label = NodeLabel::new(ctx, text, centre, radius, screen.zoom, false);
            if taken.iter().any(|rect| rect.intersects(label.backdrop)) {
                continue;
            }
            taken.push(label.backdrop);
            let faint = self
                .visibility
                .dimmed_nodes
                .get(position)
                .copied()
                .unwrap_or(false);
            shapes.extend(label.shapes(faint));
        }
        shapes
    }
}

/// The canvas-to-screen transform of one frame, and the part of the screen drawn on.
pub(super) struct ScreenTransform {
    pub(super) zoom: f32,
    /// Screen position of the canvas origin.
    pub(super) pan: Vec2,
    pub(super) clip: Rect,
}

impl ScreenTransform {
    /// Where a canvas position is on screen.
    pub(super) fn place(&self, canvas: Pos2) -> Pos2 {
        (canvas.to_vec2() * self.zoom + self.pan).to_pos2()
    }
}

/// Above this many edges reaching the view, the unselected edges are drawn as one batch
/// (the mesh, or a big graph's image) at any zoom, not as one shape each: at 100,000
/// nodes and 400,000 random edges, drawing each edge that reached the view took 95–134
/// ms a frame near in.
pub const BATCH_EDGES_FROM: usize = 20_000;

/// Where the canvas tells its edge shapes whether this frame batches the unselected
/// edges (`ArrowEdgeShape::draws_unselected` reads it once a frame).
pub(super) fn edges_batched_id() -> egui::Id {
    egui::Id::new("backchannel-edges-batched")
}

impl GraphCanvas {
    /// Decides, before egui_graphs draws the frame in `ui`, whether the unselected edges
    /// are drawn as one batch: zoomed far out, or when at least `batch_edges_from` of them
    /// reach the view; and tells the edge shapes.
    pub(super) fn decide_edge_batching(&mut self, ui: &Ui) {
        let metadata = egui_graphs::MetadataFrame::new(Some(self.view_id.clone())).load(ui);
        let rect = ui.available_rect_before_wrap();
        let screen = ScreenTransform {
            zoom: metadata.zoom,
            pan: metadata.pan + rect.left_top().to_vec2(),
            clip: rect,
        };
        // Counted again only when the view, the display or the nodes' places (a running
        // layout) may have changed it.
        let key = self.view_key(&screen).finish();
        if self.batching_key != Some(key) || self.is_animating() {
            self.edges_batched = screen.zoom < FAR_ZOOM
                || (self.edge_ends.len() >= self.limits.batch_edges_from
                    && self.edges_reaching(&screen, self.limits.batch_edges_from)
                        >= self.limits.batch_edges_from);
            self.batching_key = Some(key);
        }
        let batched = self.edges_batched;
        ui.ctx()
            .data_mut(|data| data.insert_temp(edges_batched_id(), batched));
    }

    /// Whether the last frame drew the unselected edges as one batch.
    pub fn edges_batched(&self) -> bool {
        self.edges_batched
    }

    /// How many shown edges have a box that reaches the view, counted up to `enough`.
    fn edges_reaching(&self, screen: &ScreenTransform, enough: usize) -> usize {
        let mut places: Vec<Option<Pos2>> = vec![None; self.display.g().node_bound()];
        for (index, node) in self.display.nodes_iter() {
            if let Some(slot) = places.get_mut(index.index()) {
                *slot = Some(screen.place(node.location()));
            }
        }
        let place = |index: NodeIndex| places.get(index.index()).copied().flatten();
        let mut count = 0;
        for &(_, start, end, _) in &self.edge_ends {
            if let (Some(a), Some(b)) = (place(start), place(end))
                && screen.clip.intersects(Rect::from_two_pos(a, b))
            {
                count += 1;
                if count >= enough {
                    break;
                }
            }
        }
        count
    }
}

/// Above this many shown nodes and edges together, the edges and plain disc nodes zoomed
/// far out are drawn as an image on a worker, not as meshes on the window's thread: a mesh costs the window about
/// 100 bytes an edge or a node, and the graphics driver, which bins every triangle of
/// every frame, several times that (470 MB for 400,000 edges and 185 MB for 100,000
/// nodes on a software driver).
pub const FAR_IMAGE_FROM_EDGES: usize = 100_000;

/// What a far-out fingerprint covers ([`GraphCanvas::far_scene_key`],
/// [`GraphCanvas::far_edges_key`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FarPart {
    /// The nodes and labels.
    Scene,
    /// The mesh of unselected edges.
    EdgeMesh,
    /// The image of every edge.
    EdgeImage,
}

/// A big graph's far-out edges and plain disc nodes drawn as an image
/// ([`GraphCanvas::far_image_shape`]).
#[derive(Default)]
pub(super) struct FarImage {
    /// The image shown: its texture, the view it was drawn for, and its pixels.
    shown: Option<(
        egui::TextureHandle,
        ImageView,
        std::sync::Arc<egui::ColorImage>,
    )>,
    /// The image being drawn on a worker, and the view it is drawn for.
    drawing: Option<(ImageView, Job<Option<egui::ColorImage>>)>,
    /// What the last frame wanted the image to show ([`GraphCanvas::far_edges_key`]).
    wanted: Option<u64>,
}

impl Drop for FarImage {
    fn drop(&mut self) {
        if let Some((_, job)) = &self.drawing {
            job.cancel();
        }
    }
}

/// The view an image of the far-out edges is drawn for.
#[derive(Debug, Clone, Copy, PartialEq)]
struct ImageView {
    /// What it shows ([`GraphCanvas::far_edges_key`]).
    key: u64,
    zoom: f32,
    /// Screen position of the canvas origin.
    pan: Vec2,
    /// The part of the screen it covers.
    clip: Rect,
}

/// Where an image drawn for the view `drawn` lies in the view `screen`: a point drawn at
/// `p` on screen is the canvas point `(p - pan) / zoom` then, and that point's place on
/// screen now. (Between an image and the next, a pan or zoom moves the old one with the
/// graph.)
fn image_rect(drawn: &ImageView, screen: &ScreenTransform) -> Rect {
    let scale = screen.zoom / drawn.zoom;
    let now = |point: Pos2| screen.pan.to_pos2() + (point - drawn.pan.to_pos2()) * scale;
    Rect::from_min_max(now(drawn.clip.min), now(drawn.clip.max))
}

/// The width of the anti-aliasing fringe of a line, in points (0 without one).
fn feathering(ui: &Ui) -> f32 {
    // (Two separate reads: egui's context lock is not re-entrant.)
    let pixels_per_point = ui.ctx().pixels_per_point();
    ui.ctx().tessellation_options(|options| {
        if options.feathering {
            options.feathering_size_in_pixels / pixels_per_point
        } else {
            0.0
        }
    })
}

/// The textures the far-out meshes draw from.
pub(super) struct FarTextures {
    /// See [`load_disc_texture`].
    pub(super) disc: egui::TextureHandle,
    /// See [`load_line_texture`].
    pub(super) line: egui::TextureHandle,
}

/// The far-out drawing of one frame, kept for the next while its key is the same.
pub(super) struct FarScene {
    pub(super) key: u64,
    /// What the edge mesh was built for ([`GraphCanvas::far_edges_key`]).
    pub(super) edges_key: u64,
    pub(super) edges: Shape,
    pub(super) nodes: Shape,
    pub(super) labels: Vec<Shape>,
}

/// A fast, non-cryptographic fingerprint of a sequence of words (the multiply-rotate
/// mix of rustc's FxHasher).
#[derive(Default)]
pub(super) struct FingerPrint(u64);

impl FingerPrint {
    pub(super) fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }

    pub(super) fn finish(&self) -> u64 {
        self.0
    }
}

/// At most this many labels are tried zoomed far out: the best-connected nodes'.
pub(super) const MAX_FAR_LABELS: usize = 300;

/// Whether a node is drawn in the far-out disc mesh rather than by its own shape: zoomed
/// far out, a disc-shaped node that is neither emphasised (selected, hovered, dragged)
/// nor on a highlighted path.
pub(super) fn in_far_batch(payload: &NodePayload, emphasised: bool, zoom: f32) -> bool {
    zoom < FAR_ZOOM
        && !emphasised
        && !payload.highlighted
        && matches!(kind_outline(payload.kind, 1.0), Outline::Circle(_))
}

/// The width of an unselected edge zoomed far out: one pixel, where thousands of edges
/// at egui_graphs' width would merge into a grey mass (and cost a third more to draw).
pub(super) const FAR_EDGE_WIDTH: f32 = 1.0;

/// Below this zoom the canvas draws the graph for overview: unselected edges as plain
/// straight lines (no curve, no arrowhead: at that scale arrowheads are specks and curves
/// cost the most to draw) in one mesh, plain disc nodes in another, and labels only where
/// they fit (the best-connected nodes first) or where a node is emphasised.
pub(super) const FAR_ZOOM: f32 = 0.4;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_image_drawn_for_one_view_lands_where_its_points_are_in_another() {
        let drawn = ImageView {
            key: 0,
            zoom: 0.1,
            pan: Vec2::new(100.0, 50.0),
            clip: Rect::from_min_max(Pos2::new(20.0, 10.0), Pos2::new(420.0, 310.0)),
        };
        let screen = ScreenTransform {
            zoom: 0.25,
            pan: Vec2::new(-30.0, 70.0),
            clip: Rect::from_min_max(Pos2::ZERO, Pos2::new(800.0, 600.0)),
        };
        let rect = image_rect(&drawn, &screen);
        for canvas in [
            Pos2::ZERO,
            Pos2::new(1_000.0, -200.0),
            Pos2::new(-150.0, 2_500.0),
        ] {
            let then = (canvas.to_vec2() * drawn.zoom + drawn.pan).to_pos2();
            let across = (then - drawn.clip.min) / drawn.clip.size();
            let now = rect.min + across * rect.size();
            assert!((now - screen.place(canvas)).length() < 1e-3, "{canvas:?}");
        }
    }
}
