//! The graph canvas: the one module that talks to egui_graphs. It shows the nodes and
//! edges the view's filters leave, at positions kept for every model node (so hiding and
//! showing keeps places), arranged by the chosen layout; draws nodes by kind, faint when
//! dimmed, sized by a measure; and reports clicks and drags back as model positions.
//!
//! The force layout settles and then stops, and the canvas then asks egui for no more
//! frames, so an idle window costs no CPU.

use std::collections::BTreeSet;

use egui::epaint::{PathStroke, TextShape};
use egui::{Color32, FontId, Pos2, Rect, Shape, Stroke, Ui, Vec2};
use egui_graphs::{
    DefaultEdgeShape, DisplayEdge, DisplayNode, DrawContext, EdgeProps, GraphChange, GraphView,
    Layout, LayoutState, NodeProps, SettingsInteraction, SettingsNavigation, SettingsStyle,
};
use petgraph::Directed;
use petgraph::stable_graph::{DefaultIx, EdgeIndex, NodeIndex};
use petgraph::visit::NodeIndexable;

use super::batch::{DiscBatch, LineBatch, load_disc_texture, load_line_texture, unit};
use super::style::{kind_shapes, styled_line};
use crate::layout::{
    Adjacency, ForceLayout, ForceSettings, LayoutWorker, Progress, median_edge_length,
};
use crate::model::{Model, NodeKind, Relation};
use crate::view::arrangement::{
    Arrangement, FORCE_STEPS, NodeFacts, Room, arrange_now, extents_of_slots, finish_force,
    force_layout, separate, settle_into_room, shown_slots, slot_edges,
};
use crate::view::colouring::{self, Colouring};
use crate::view::labels::shown_labels;
use crate::view::style::{
    EdgeStyle, LABEL_FONT_SIZE, NODE_RADIUS, Outline, Rgb, kind_outline, kind_rgb, relation_style,
};
use crate::view::{LayoutKind, Visibility};

mod arranging;
mod display;
mod far;
mod frame;
mod labelling;
mod placing;
mod shapes;
mod timeline_axis;

pub use far::{BATCH_EDGES_FROM, FAR_IMAGE_FROM_EDGES};
use far::{
    FAR_ZOOM, FarImage, FarScene, FarTextures, MAX_FAR_LABELS, ScreenTransform, in_far_batch,
};
use labelling::LabelChoice;
use placing::layout_progress_ui;
pub use shapes::{ArrowEdgeShape, KindNodeShape, NoLayout, NoLayoutState};
use shapes::{NodeLabel, is_emphasised, node_colours, screen_radius, unselected_edge_stroke};

/// Up to this many shown nodes, the force layout settles before the next frame; above,
/// it runs on its own thread and streams positions.
const SYNC_LAYOUT_LIMIT: usize = 500;
/// Most shown nodes for which dropping a node refines its neighbourhood at once.
const LOCAL_REFINE_LIMIT: usize = 10_000;
/// The smallest zoom a fit to the view goes to: a big graph keeps its edges at the
/// layout's ideal length (120 units), so 100,000 nodes span tens of thousands of units.
const MIN_FIT_ZOOM: f32 = 0.001;
/// Screen margin kept around the graph when it is fitted to the view, in points.
const FIT_MARGIN: f32 = 12.0;

/// What a display node carries.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NodePayload {
    /// Position in `model.nodes`.
    pub model_position: usize,
    /// Its kind, which sets its shape.
    pub kind: NodeKind,
    /// Its fill colour (by kind, the file's colour or an attribute).
    pub fill: Rgb,
    /// Drawn faintly (outside a dimming focus).
    pub dimmed: bool,
    /// Size factor (by a measure), 1 by default.
    pub scale: f32,
    /// On a highlighted path.
    pub highlighted: bool,
    /// Its label is drawn: it overlaps no more important label (see
    /// [`crate::view::labels::shown_labels`]).
    pub label_shown: bool,
    /// Drawn faintly because something else is selected: neither the selection nor one
    /// of its neighbours or ends.
    pub receding: bool,
}

/// What a display edge carries: where it is in the model, and whether it has an arrow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EdgePayload {
    /// Position in `model.edges`.
    pub model_position: usize,
    /// Drawn with an arrowhead; false for edges of undirected graphs.
    pub directed: bool,
    /// Both ends are the same node (drawn as a loop).
    pub self_loop: bool,
    /// Its relation, which sets its colour and dashes.
    pub relation: Relation,
    /// Its relation's name is written along it.
    pub named: bool,
    /// Hidden by the filters: kept in the display graph (so that a filter that shows it
    /// again need not rebuild the graph), neither drawn nor clickable.
    pub hidden: bool,
    /// Drawn faintly: something else is selected and this is none of its relations, or
    /// an end of it is dimmed by a focus.
    pub receding: bool,
    /// A report in a conflict (another report contradicts it): marked on the canvas.
    pub contested: bool,
    /// Its colour when edges are coloured by something other than their relation
    /// (who said it); `None`: its relation's colour.
    pub tint: Option<Rgb>,
}

/// When a big graph's drawing changes from a shape per element to batches and images.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DrawingLimits {
    /// How many nodes and edges a graph shows above which it is drawn far out as an
    /// image (see [`FAR_IMAGE_FROM_EDGES`]).
    pub far_image_from: usize,
    /// How many edges reaching the view make the canvas batch them at any zoom (see
    /// [`BATCH_EDGES_FROM`]).
    pub batch_edges_from: usize,
}

impl Default for DrawingLimits {
    fn default() -> Self {
        Self {
            far_image_from: FAR_IMAGE_FROM_EDGES,
            batch_edges_from: BATCH_EDGES_FROM,
        }
    }
}

type DisplayGraph = egui_graphs::Graph<
    NodePayload,
    EdgePayload,
    Directed,
    DefaultIx,
    KindNodeShape,
    ArrowEdgeShape,
>;

/// What the user did on the canvas this frame.
#[derive(Debug, Clone, PartialEq)]
pub enum CanvasEvent {
    /// A node was clicked (by model position).
    NodeClicked(usize),
    /// An edge was clicked (by model position).
    EdgeClicked(usize),
    /// Empty space was clicked.
    BackgroundClicked,
    /// A node was dropped after a drag, and is now pinned; with every position and pin
    /// from before the drag, for undo.
    NodePinned {
        /// Positions before the drag.
        before: Vec<[f32; 2]>,
        /// Pins before the drag.
        pinned_before: Vec<bool>,
    },
}

/// A force layout running on its own thread (the window never waits for it), over the
/// shown nodes (`slots`, by model position).
struct Animation {
    worker: LayoutWorker,
    slots: Vec<usize>,
    /// How far the layout had come at the last snapshot.
    progress: Progress,
}

/// Where the canvas's layout stands, as rerun's graph view keeps its layout state.
enum LayoutPhase {
    /// Not arranged yet: the next frame arranges the shown nodes, once fonts and the
    /// view's size are known.
    Pending,
    /// The force layout runs on its own thread; positions stream in frame by frame.
    Running(Animation),
    /// The nodes stay where they are until something moves them.
    Settled,
    /// The layout thread stopped on an internal error; the nodes keep the places it had
    /// reached. Reported once ([`GraphCanvas::take_layout_failure`]), then settled.
    Failed,
}

/// How the next frame moves the camera. One request at a time: a later one replaces an
/// earlier one not yet carried out.
#[derive(Debug, Clone, Copy, PartialEq)]
enum CameraRequest {
    /// Show every shown node and its whole label.
    Fit,
    /// Centre this model node, at the same zoom.
    Centre(usize),
    /// This zoom and pan (pan relative to the canvas), as saved or undone.
    Transform(f32, Vec2),
}

/// The interactive graph view of one open dataset.
pub struct GraphCanvas {
    display: DisplayGraph,
    /// Position of every model node, shown or not, in canvas units.
    positions: Vec<[f32; 2]>,
    /// Whether each model node stays where the user put it.
    pinned: Vec<bool>,
    visibility: Visibility,
    scales: Vec<f32>,
    /// Size factors when no measure sizes the nodes: the file's sizes, or 1.
    default_scales: Vec<f32>,
    /// Fill of every model node.
    fills: Vec<Rgb>,
    /// Group of every model node, for the grouped layout.
    groups: Vec<usize>,
    highlighted_nodes: BTreeSet<usize>,
    highlighted_edges: BTreeSet<usize>,
    selected: (Option<usize>, Option<usize>),
    layout_kind: LayoutKind,
    /// Whether a layout is pending, running, settled or failed.
    layout: LayoutPhase,
    /// Box of each model node and its label (`[left, top, right, bottom]`, canvas units
    /// at zoom 1), measured on the first frame, when fonts are known.
    label_extents: Option<Vec<[f32; 4]>>,
    /// Size of each model node's label in screen points, measured with the extents.
    label_sizes: Option<Vec<[f32; 2]>>,
    /// What the labels drawn now were chosen for (zoom, region, hovered node).
    label_choice: Option<LabelChoice>,
    /// What node labels say.
    label_by: crate::view::label_by::LabelBy,
    /// Edges (model positions) that are reports in a conflict, sorted.
    contested_edges: Vec<usize>,
    /// Every model edge's colour when edges are coloured by who said it; `None`: by
    /// relation.
    edge_tints: Option<Vec<Rgb>>,
    /// The timeline's axis as last arranged; `None` when places were kept without
    /// arranging (the axis is then read off them).
    timeline_axis: Option<crate::view::timeline::TimelineAxis>,
    /// Size of the view at the last frame.
    room: Option<Vec2>,
    /// Where the view was drawn at the last frame, in screen points.
    view_rect: Option<egui::Rect>,
    /// Whether some shown node or edge is drawn receding (see `light_up_selection`).
    receding_set: bool,
    /// egui id of this canvas: new for every dataset, so zoom and pan start fresh.
    view_id: String,
    /// How the next frame moves the camera, if at all.
    camera: Option<CameraRequest>,
    /// The view's size, zoom and pan when it was last fitted, while no other camera
    /// move has followed: a change of size then fits it again.
    fitted: Option<(Vec2, f32, Vec2)>,
    /// The canvas-to-screen transform of the last frame: zoom, then pan (screen).
    last_transform: Option<(f32, Vec2)>,
    /// Zoom and pan relative to the widget, as egui_graphs keeps them.
    last_local_transform: Option<(f32, Vec2)>,
    /// Positions and pins when the current drag began.
    drag_origin: Option<(Vec<[f32; 2]>, Vec<bool>)>,
    /// Rank of each model node among the prominent ones (0 = most connected), for the
    /// order in which labels are placed zoomed far out; `usize::MAX` for the others. Set
    /// with each display graph (it depends on nothing else).
    prominence_rank: Vec<usize>,
    /// Every edge of the display graph with its two ends and its relation's colour, set
    /// with the display graph: zoomed far out all of them are drawn on every frame the
    /// layout moves, and this list is a small fraction of the memory a walk of the
    /// graph's edges reads.
    edge_ends: Vec<(EdgeIndex, NodeIndex, NodeIndex, Color32)>,
    /// The textures of the far-out meshes, loaded on first use.
    far_textures: Option<FarTextures>,
    /// The far-out drawing of the last frame, reused while nothing it shows changed.
    far_scene: Option<FarScene>,
    /// Zoomed far out, the edges and plain nodes drawn as an image, when more than
    /// `far_image_from` of them are shown.
    far_image: FarImage,
    /// When a big graph's drawing changes from shapes to batches and images.
    pub limits: DrawingLimits,
    /// Whether this frame draws the unselected edges as one batch (decided before
    /// egui_graphs draws it).
    edges_batched: bool,
    /// What `edges_batched` was decided for (view and display), so that it is decided
    /// again only when they change.
    batching_key: Option<u64>,
    /// Counts the display graphs built ([`Self::rebuild`]), for the far-out drawing's key.
    display_generation: u64,
    /// Whether the choice of labels to draw must be made again (positions or the shown
    /// nodes changed since it was made).
    labels_stale: bool,
    /// Whether each edge's relation is written along it.
    relation_names: bool,
}

impl GraphCanvas {
    /// A canvas showing every node of `model`, laid out on the first frame.
    /// `generation` distinguishes datasets opened one after another; `colours` fill the
    /// nodes (and group them for the grouped layout).
    pub fn new(model: &Model, generation: u64, colours: &Colouring) -> Self {
        let count = model.nodes.len();
        let visibility = Visibility {
            nodes: vec![true; count],
            edges: vec![true; model.edges.len()],
            dimmed_nodes: vec![false; count],
        };
        let default_scales = colouring::file_scales(model).unwrap_or_else(|| vec![1.0; count]);
        let mut canvas = Self {
            display: egui_graphs::Graph::new(),
            positions: vec![[0.0, 0.0]; count],
            pinned: vec![false; count],
            visibility,
            scales: default_scales.clone(),
            default_scales,
            fills: colours.fills.clone(),
            groups: colours.groups.clone(),
            highlighted_nodes: BTreeSet::new(),
            highlighted_edges: BTreeSet::new(),
            selected: (None, None),
            layout_kind: LayoutKind::Force,
            layout: LayoutPhase::Pending,
            label_extents: None,
            label_sizes: None,
            label_choice: None,
            timeline_axis: None,
            label_by: crate::view::label_by::LabelBy::Label,
            contested_edges: Vec::new(),
            edge_tints: None,
            room: None,
            view_id: format!("backchannel-graph-{generation}"),
            camera: Some(CameraRequest::Fit),
            fitted: None,
            view_rect: None,
            receding_set: false,
            last_transform: None,
            last_local_transform: None,
            drag_origin: None,
            prominence_rank: Vec::new(),
            edge_ends: Vec::new(),
            far_textures: None,
            far_scene: None,
            far_image: FarImage::default(),
            limits: DrawingLimits::default(),
            edges_batched: false,
            batching_key: None,
            display_generation: 0,
            labels_stale: true,
            relation_names: false,
        };
        // A graph file that places every node is shown as placed: no layout runs.
        if let Some(given) = colouring::file_positions(model) {
            canvas.positions = given;
            canvas.layout_kind = LayoutKind::File;
            canvas.layout = LayoutPhase::Settled;
            canvas.rebuild(model);
            return canvas;
        }
        // A first force layout, before fonts are known; the first frame refines it.
        let slots = shown_slots(&canvas.visibility.nodes);
        let mut layout = canvas.shown_force_layout(model, &slots, false);
        // Small graphs settle now; large ones start from the spiral and settle on a
        // thread from the first frame on.
        if slots.len() <= SYNC_LAYOUT_LIMIT {
            layout.run(FORCE_STEPS);
            finish_force(&mut layout, &slots, &[], None, &mut canvas.positions);
        } else {
            for (&node, &place) in slots.iter().zip(layout.positions()) {
                if let Some(slot) = canvas.positions.get_mut(node) {
                    *slot = place;
                }
            }
        }
        canvas.rebuild(model);
        canvas
    }

    /// Position of every model node, in canvas units.
    pub fn positions(&self) -> &[[f32; 2]] {
        &self.positions
    }

    /// Whether each model node is pinned.
    pub fn pinned(&self) -> &[bool] {
        &self.pinned
    }

    /// The layout in use.
    pub fn layout_kind(&self) -> LayoutKind {
        self.layout_kind
    }

    /// What is shown.
    pub fn visibility(&self) -> &Visibility {
        &self.visibility
    }

    /// Size factor of every model node.
    pub fn scales(&self) -> &[f32] {
        &self.scales
    }

    /// Highlighted nodes and edges (model positions), sorted.
    pub fn highlighted(&self) -> (Vec<usize>, Vec<usize>) {
        (
            self.highlighted_nodes.iter().copied().collect(),
            self.highlighted_edges.iter().copied().collect(),
        )
    }

    /// Zoom and pan of the last frame (pan relative to the canvas' top left).
    pub fn zoom_and_pan(&self) -> Option<(f32, [f32; 2])> {
        self.last_local_transform
            .map(|(zoom, pan)| (zoom, [pan.x, pan.y]))
    }

    /// Asks for the view to be fitted to the graph on the next frame.
    pub fn request_fit(&mut self) {
        self.camera = Some(CameraRequest::Fit);
    }

    /// Asks for the view to be centred on a node (by model position) on the next frame.
    pub fn request_centre(&mut self, node: usize) {
        self.camera = Some(CameraRequest::Centre(node));
    }

    /// Whether a layout is moving nodes (the canvas then repaints continuously).
    pub fn is_animating(&self) -> bool {
        self.animation()
            .is_some_and(|animation| !animation.worker.is_paused())
    }

    /// The force layout running on its thread, if one runs.
    fn animation(&self) -> Option<&Animation> {
        match &self.layout {
            LayoutPhase::Running(animation) => Some(animation),
            _ => None,
        }
    }

    /// Whether relation names are written along the edges.
    pub fn relation_names(&self) -> bool {
        self.relation_names
    }

    /// Writes relation names along the edges, or stops.
    pub fn set_relation_names(&mut self, shown: bool) {
        self.relation_names = shown;
        let indices: Vec<EdgeIndex> = self.display.edges_iter().map(|(index, _)| index).collect();
        for index in indices {
            if let Some(edge) = self.display.edge_mut(index) {
                edge.payload_mut().named = shown;
            }
        }
    }

    /// How far a force layout running on its thread has come (`None` when none runs).
    pub fn layout_progress(&self) -> Option<Progress> {
        self.animation().map(|animation| animation.progress)
    }

    /// Whether an animated force layout is paused.
    pub fn is_paused(&self) -> bool {
        self.animation()
            .is_some_and(|animation| animation.worker.is_paused())
    }

    /// Pauses or resumes an animated force layout.
    pub fn set_paused(&mut self, paused: bool) {
        if let Some(animation) = self.animation() {
            animation.worker.set_paused(paused);
        }
    }

    /// Whether the layout thread stopped on an internal error since the last call; the
    /// positions it had reached are kept.
    pub fn take_layout_failure(&mut self) -> bool {
        let failed = matches!(self.layout, LayoutPhase::Failed);
        if failed {
            self.layout = LayoutPhase::Settled;
        }
        failed
    }

    /// Where the view was drawn at the last frame, in screen points; `None` before the
    /// first.
    pub fn view_rect(&self) -> Option<egui::Rect> {
        self.view_rect
    }

    /// The model positions of the shown nodes and edges drawn faintly because of the
    /// selection or a dimming focus, in order.
    pub fn receding(&self) -> (Vec<usize>, Vec<usize>) {
        let graph = self.display.g();
        let mut nodes: Vec<usize> = graph
            .node_weights()
            .filter(|node| node.payload().receding)
            .map(|node| node.payload().model_position)
            .collect();
        let mut edges: Vec<usize> = graph
            .edge_weights()
            .filter(|edge| !edge.payload().hidden && edge.payload().receding)
            .map(|edge| edge.payload().model_position)
            .collect();
        nodes.sort_unstable();
        edges.sort_unstable();
        (nodes, edges)
    }

    /// The fill of every model node.
    pub fn fills(&self) -> &[Rgb] {
        &self.fills
    }

    /// Where the node at this model position was drawn in the last frame, in screen
    /// points; `None` when it is hidden or nothing was drawn yet.
    pub fn node_screen_position(&self, model_position: usize) -> Option<Pos2> {
        let (zoom, pan) = self.last_transform?;
        if !self
            .visibility
            .nodes
            .get(model_position)
            .copied()
            .unwrap_or(false)
        {
            return None;
        }
        let position = self.positions.get(model_position)?;
        Some((Vec2::new(position[0], position[1]) * zoom + pan).to_pos2())
    }
}
