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
use petgraph::stable_graph::{DefaultIx, EdgeIndex, NodeIndex, StableGraph};
use petgraph::visit::{EdgeRef, IntoEdgeReferences, NodeIndexable};

use super::batch::{DiscBatch, LineBatch, load_disc_texture, load_line_texture, unit};
use super::style::{kind_shapes, styled_line};
use crate::layout::{
    Adjacency, ForceLayout, ForceSettings, LayoutWorker, Progress, median_edge_length,
};
use crate::model::{Model, NodeKind, Relation};
use crate::view::arrangement::{
    FORCE_STEPS, NodeFacts, Room, arrange_by_rule, extents_of_slots, finish_force, force_layout,
    separate, settle_into_room, shown_slots, slot_edges, timeline_ticks,
};
use crate::view::colouring::{self, Colouring};
use crate::view::labels::shown_labels;
use crate::view::style::{
    EdgeStyle, LABEL_FONT_SIZE, NODE_RADIUS, Outline, Rgb, kind_outline, kind_rgb, relation_style,
};
use crate::view::{LayoutKind, Visibility};

mod far;
mod placing;
mod shapes;

use far::{FAR_ZOOM, FarScene, FarTextures, MAX_FAR_LABELS, ScreenTransform, in_far_batch};
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
    animation: Option<Animation>,
    /// Box of each model node and its label (`[left, top, right, bottom]`, canvas units
    /// at zoom 1), measured on the first frame, when fonts are known.
    label_extents: Option<Vec<[f32; 4]>>,
    /// Whether the first frame should arrange the nodes (not after a restore).
    needs_arrangement: bool,
    /// Size of the view at the last frame.
    room: Option<Vec2>,
    /// egui id of this canvas: new for every dataset, so zoom and pan start fresh.
    view_id: String,
    fit_requested: bool,
    centre_requested: Option<usize>,
    transform_requested: Option<(f32, Vec2)>,
    /// The canvas-to-screen transform of the last frame: zoom, then pan (screen).
    last_transform: Option<(f32, Vec2)>,
    /// Zoom and pan relative to the widget, as egui_graphs keeps them.
    last_local_transform: Option<(f32, Vec2)>,
    /// Positions and pins when the current drag began.
    drag_origin: Option<(Vec<[f32; 2]>, Vec<bool>)>,
    /// The layout thread stopped on an internal error (not yet reported).
    layout_failed: bool,
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
            animation: None,
            label_extents: None,
            needs_arrangement: true,
            room: None,
            view_id: format!("backchannel-graph-{generation}"),
            fit_requested: true,
            centre_requested: None,
            transform_requested: None,
            last_transform: None,
            last_local_transform: None,
            drag_origin: None,
            layout_failed: false,
            prominence_rank: Vec::new(),
            edge_ends: Vec::new(),
            far_textures: None,
            far_scene: None,
            display_generation: 0,
            labels_stale: true,
            relation_names: false,
        };
        // A graph file that places every node is shown as placed: no layout runs.
        if let Some(given) = colouring::file_positions(model) {
            canvas.positions = given;
            canvas.layout_kind = LayoutKind::File;
            canvas.needs_arrangement = false;
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
        self.animation = None;
        self.layout_kind = layout;
        self.visibility = visibility;
        self.needs_arrangement = false;
        if let Some((zoom, pan)) = transform
            && zoom.is_finite()
            && zoom > 0.0
            && pan.iter().all(|v| v.is_finite())
        {
            self.transform_requested = Some((zoom, Vec2::new(pan[0], pan[1])));
            self.fit_requested = false;
        } else {
            self.fit_requested = true;
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
        self.animation = None;
        self.layout_kind = layout;
        self.visibility = visibility;
        for (slot, place) in self.positions.iter_mut().zip(positions) {
            *slot = *place;
        }
        self.set_pins(pinned);
        self.rebuild(model);
    }

    /// Asks for the view to be fitted to the graph on the next frame.
    pub fn request_fit(&mut self) {
        self.fit_requested = true;
    }

    /// Asks for the view to be centred on a node (by model position) on the next frame.
    pub fn request_centre(&mut self, node: usize) {
        self.centre_requested = Some(node);
    }

    /// Whether a layout is moving nodes (the canvas then repaints continuously).
    pub fn is_animating(&self) -> bool {
        self.animation
            .as_ref()
            .is_some_and(|animation| !animation.worker.is_paused())
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
        self.animation.as_ref().map(|animation| animation.progress)
    }

    /// Whether an animated force layout is paused.
    pub fn is_paused(&self) -> bool {
        self.animation
            .as_ref()
            .is_some_and(|animation| animation.worker.is_paused())
    }

    /// Pauses or resumes an animated force layout.
    pub fn set_paused(&mut self, paused: bool) {
        if let Some(animation) = &self.animation {
            animation.worker.set_paused(paused);
        }
    }

    /// A force layout of the shown nodes (`slots`), from scratch or warm from their
    /// current places, with their pins.
    fn shown_force_layout(&self, model: &Model, slots: &[usize], warm: bool) -> ForceLayout {
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
    fn current_room(&self) -> Option<Room> {
        self.room.map(|size| Room {
            size: [size.x, size.y],
        })
    }

    /// Starts the force layout of the shown nodes on its own thread, from scratch (or
    /// warm, from the current places); positions stream in frame by frame.
    fn start_animation(&mut self, model: &Model, warm: bool) {
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
        self.animation = Some(Animation {
            worker: LayoutWorker::start_with_finish(layout, FORCE_STEPS, || {}, finish),
            slots,
            progress,
        });
    }

    /// Shows what `visibility` says; the shown nodes are arranged again by the current
    /// layout over the whole view, keeping pins.
    pub fn set_visibility(&mut self, model: &Model, visibility: Visibility) {
        if visibility == self.visibility {
            return;
        }
        let shown_changed =
            visibility.nodes != self.visibility.nodes || visibility.edges != self.visibility.edges;
        self.visibility = visibility;
        if shown_changed {
            // Lay the shown nodes out afresh over the whole view, so that they stay
            // legible; pinned nodes keep their places.
            self.animation = None;
            self.arrange(model, false);
            self.fit_requested = true;
        }
        self.rebuild(model);
    }

    /// Arranges the shown nodes by `kind`. The force layout starts afresh and animates
    /// (it can be paused); the others place nodes at once. Pinned nodes stay.
    pub fn set_layout(&mut self, model: &Model, kind: LayoutKind) {
        self.layout_kind = kind;
        self.animation = None;
        if kind == LayoutKind::Force {
            self.start_animation(model, false);
        } else {
            self.arrange(model, false);
        }
        self.fit_requested = true;
        self.rebuild(model);
    }

    /// Colours nodes as `colours` says; the grouped layout regroups by it.
    pub fn set_colouring(&mut self, model: &Model, colours: Colouring) {
        self.fills = colours.fills;
        self.groups = colours.groups;
        if self.layout_kind == LayoutKind::Kind {
            self.arrange(model, false);
            self.fit_requested = true;
            self.rebuild(model);
        } else {
            self.refresh_payloads();
        }
    }

    /// Whether the layout thread stopped on an internal error since the last call; the
    /// positions it had reached are kept.
    pub fn take_layout_failure(&mut self) -> bool {
        std::mem::take(&mut self.layout_failed)
    }

    /// The fill of every model node.
    pub fn fills(&self) -> &[Rgb] {
        &self.fills
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

    /// Sizes nodes by these factors (by model position), or all alike for `None`.
    pub fn set_scales(&mut self, scales: Option<Vec<f32>>) {
        self.scales = scales.unwrap_or_else(|| self.default_scales.clone());
        self.refresh_payloads();
    }

    /// Highlights a path: these nodes and edges (by model position).
    pub fn set_highlight(&mut self, nodes: BTreeSet<usize>, edges: BTreeSet<usize>) {
        self.highlighted_nodes = nodes;
        self.highlighted_edges = edges;
        self.refresh_payloads();
        self.apply_selection();
    }

    /// Marks the node or edge at this model position as selected in the display.
    pub fn show_selection(&mut self, node: Option<usize>, edge: Option<usize>) {
        self.selected = (node, edge);
        self.apply_selection();
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

    /// Arranges the shown nodes by the current layout, at once.
    fn arrange(&mut self, model: &Model, warm: bool) {
        let slots = shown_slots(&self.visibility.nodes);
        let extents = self.label_extents.clone().unwrap_or_default();
        let room = self.current_room();
        if self.layout_kind == LayoutKind::Force && slots.len() > SYNC_LAYOUT_LIMIT {
            // Too big to settle before the next frame: lay out on a thread, streaming.
            self.start_animation(model, warm);
        } else if self.layout_kind == LayoutKind::Force {
            let mut layout = self.shown_force_layout(model, &slots, warm);
            layout.run(FORCE_STEPS);
            let room = if warm { None } else { room };
            finish_force(&mut layout, &slots, &extents, room, &mut self.positions);
        } else if let Some(room) = room {
            arrange_by_rule(
                model,
                self.layout_kind,
                &slots,
                NodeFacts {
                    extents: &extents,
                    pinned: &self.pinned,
                    groups: &self.groups,
                },
                room,
                &mut self.positions,
            );
        }
    }

    /// Builds the display graph of the shown nodes and edges.
    fn rebuild(&mut self, model: &Model) {
        self.display_generation += 1;
        self.labels_stale = true;
        let mut source: StableGraph<NodePayload, EdgePayload, Directed> = StableGraph::default();
        let mut index_of = vec![None; model.nodes.len()];
        for (position, node) in model.nodes.iter().enumerate() {
            if !self
                .visibility
                .nodes
                .get(position)
                .copied()
                .unwrap_or(false)
            {
                continue;
            }
            index_of[position] = Some(
                source.add_node(NodePayload {
                    model_position: position,
                    kind: node.kind,
                    fill: self
                        .fills
                        .get(position)
                        .copied()
                        .unwrap_or(kind_rgb(node.kind)),
                    dimmed: false,
                    scale: 1.0,
                    highlighted: false,
                    label_shown: true,
                }),
            );
        }
        for (position, edge) in model.edges.iter().enumerate() {
            if !self
                .visibility
                .edges
                .get(position)
                .copied()
                .unwrap_or(false)
            {
                continue;
            }
            let ends = model
                .node_position(&edge.source)
                .and_then(|a| index_of.get(a).copied().flatten())
                .zip(
                    model
                        .node_position(&edge.target)
                        .and_then(|b| index_of.get(b).copied().flatten()),
                );
            if let Some((a, b)) = ends {
                source.add_edge(
                    a,
                    b,
                    EdgePayload {
                        model_position: position,
                        directed: edge.directed,
                        self_loop: a == b,
                        relation: edge.relation,
                        named: self.relation_names,
                    },
                );
            }
        }
        let positions = &self.positions;
        self.display = egui_graphs::to_graph_custom(
            &source,
            |node| {
                let position = node.payload().model_position;
                node.set_label(
                    model
                        .nodes
                        .get(position)
                        .map(|n| n.label.clone())
                        .unwrap_or_default(),
                );
                if let Some(place) = positions.get(position) {
                    node.set_location(Pos2::new(place[0], place[1]));
                }
            },
            |edge| {
                let label = model
                    .edges
                    .get(edge.payload().model_position)
                    .and_then(|edge| edge.shown_label())
                    .map(|label| label.replace('_', " "))
                    .unwrap_or_default();
                edge.set_label(label);
            },
        );
        self.edge_ends = self
            .display
            .g()
            .edge_references()
            .map(|edge| {
                let [r, g, b] = relation_style(edge.weight().payload().relation).rgb;
                let colour = Color32::from_rgb(r, g, b);
                (edge.id(), edge.source(), edge.target(), colour)
            })
            .collect();
        // Which nodes are best connected depends only on the display graph.
        self.prominence_rank = vec![usize::MAX; self.positions.len()];
        for (rank, position) in self.prominent_nodes().into_iter().enumerate() {
            if let Some(slot) = self.prominence_rank.get_mut(position) {
                *slot = rank;
            }
        }
        self.refresh_payloads();
        self.apply_selection();
    }

    fn refresh_payloads(&mut self) {
        let indices: Vec<NodeIndex> = self.display.nodes_iter().map(|(index, _)| index).collect();
        for index in indices {
            if let Some(node) = self.display.node_mut(index) {
                let position = node.payload().model_position;
                let payload = node.payload_mut();
                payload.dimmed = self
                    .visibility
                    .dimmed_nodes
                    .get(position)
                    .copied()
                    .unwrap_or(false);
                payload.scale = self.scales.get(position).copied().unwrap_or(1.0);
                if let Some(&fill) = self.fills.get(position) {
                    payload.fill = fill;
                }
                payload.highlighted = self.highlighted_nodes.contains(&position);
            }
        }
    }

    /// Whether a model node is among the best-connected ([`Self::prominent_nodes`]), whose
    /// labels are tried zoomed far out.
    fn is_prominent(&self, position: usize) -> bool {
        self.prominence_rank
            .get(position)
            .is_some_and(|&rank| rank != usize::MAX)
    }

    /// The best-connected shown nodes, most connected first (ties by model order): the
    /// labels tried zoomed far out, where there is no room for every label.
    fn prominent_nodes(&self) -> Vec<usize> {
        let mut nodes = self.nodes_by_degree();
        nodes.truncate(MAX_FAR_LABELS);
        nodes
    }

    /// The shown nodes (by model position), most connected first, ties by model order.
    fn nodes_by_degree(&self) -> Vec<usize> {
        let mut degrees: Vec<(usize, usize)> = self
            .display
            .nodes_iter()
            .map(|(index, node)| (self.display.edges_num(index), node.payload().model_position))
            .collect();
        degrees.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        degrees.into_iter().map(|(_, position)| position).collect()
    }

    fn apply_selection(&mut self) {
        let (node, edge) = self.selected;
        let node_indices: Vec<NodeIndex> =
            self.display.nodes_iter().map(|(index, _)| index).collect();
        for index in node_indices {
            if let Some(display_node) = self.display.node_mut(index) {
                let selected = Some(display_node.payload().model_position) == node;
                display_node.set_selected(selected);
            }
        }
        let edge_indices: Vec<EdgeIndex> =
            self.display.edges_iter().map(|(index, _)| index).collect();
        for index in edge_indices {
            if let Some(display_edge) = self.display.edge_mut(index) {
                let position = display_edge.payload().model_position;
                let selected = Some(position) == edge || self.highlighted_edges.contains(&position);
                display_edge.set_selected(selected);
            }
        }
    }

    /// Draws the canvas into all of `ui`'s remaining space and returns what happened.
    pub fn ui(&mut self, ui: &mut Ui, model: &Model) -> Vec<CanvasEvent> {
        let room = ui.available_size();
        self.room = Some(room);
        if self.label_extents.is_none() {
            self.label_extents = Some(self.measure_labels(ui, model));
        }
        if self.needs_arrangement {
            // Spread the layout over the view at zoom 1, where labels have their full
            // size, then move nodes until no two labels overlap.
            self.needs_arrangement = false;
            self.arrange(model, false);
            self.rebuild(model);
        }
        self.step_animation();
        self.choose_labels();

        let interactions = SettingsInteraction::new()
            .with_dragging_enabled(true)
            .with_hover_enabled(true)
            .with_node_clicking_enabled(true)
            .with_node_selection_enabled(true)
            .with_edge_clicking_enabled(true)
            .with_edge_selection_enabled(true);
        let navigations = SettingsNavigation::new()
            .with_fit_to_screen_enabled(false)
            .with_zoom_and_pan_enabled(true);
        let styles = SettingsStyle::new()
            .with_labels_always(false)
            .with_edge_stroke_hook(|selected, _order, stroke, _style| {
                if selected {
                    Stroke::new(3.0, Color32::from_rgb(200, 40, 40))
                } else {
                    unselected_edge_stroke(stroke.width)
                }
            });
        let top_left = ui.available_rect_before_wrap().min;
        // Zoomed far out, unselected edges are drawn as one mesh, under everything
        // egui_graphs draws; its place in the paint order is kept here.
        let far_edges_slot = ui.painter().add(Shape::Noop);
        let far_nodes_slot = ui.painter().add(Shape::Noop);
        let response = GraphView::<NoLayoutState, NoLayout>::new()
            .with_id(Some(self.view_id.clone()))
            .with_interactions(&interactions)
            .with_navigations(&navigations)
            .with_styles(&styles)
            .with_continuous_repaint(self.is_animating())
            .show(ui, &mut self.display);
        let size = response.response.rect.size();
        let mut metadata = egui_graphs::MetadataFrame::new(Some(self.view_id.clone())).load(ui);
        if metadata.zoom < FAR_ZOOM {
            let painter = ui.painter_at(response.response.rect);
            let screen = ScreenTransform {
                zoom: metadata.zoom,
                pan: metadata.pan + response.response.rect.left_top().to_vec2(),
                clip: painter.clip_rect(),
            };
            let key = self.far_scene_key(&screen);
            let scene = match self.far_scene.take() {
                Some(scene) if scene.key == key => scene,
                _ => {
                    let textures = self.far_textures.get_or_insert_with(|| FarTextures {
                        disc: load_disc_texture(ui.ctx()),
                        line: load_line_texture(ui.ctx()),
                    });
                    let (disc, line) = (textures.disc.id(), textures.line.id());
                    FarScene {
                        key,
                        edges: self.far_edges(ui, line, &screen),
                        nodes: self.far_nodes(disc, &screen),
                        labels: self.far_labels(ui.ctx(), &screen),
                    }
                }
            };
            // The meshes are shared, not copied: a shape holds its mesh behind an `Arc`.
            painter.set(far_edges_slot, scene.edges.clone());
            painter.set(far_nodes_slot, scene.nodes.clone());
            painter.extend(scene.labels.iter().cloned());
            self.far_scene = Some(scene);
        }
        if let Some(progress) = self.layout_progress() {
            layout_progress_ui(ui, response.response.rect, progress);
        }
        let mut changed_view = false;
        if let Some((zoom, pan)) = self.transform_requested.take() {
            metadata.zoom = zoom;
            metadata.pan = pan;
            changed_view = true;
        } else if self.fit_requested
            && let Some((zoom, pan)) = self.fit(size)
        {
            metadata.zoom = zoom;
            metadata.pan = pan;
            changed_view = true;
        }
        self.fit_requested = false;
        if let Some(node) = self.centre_requested.take()
            && let Some(place) = self.positions.get(node)
        {
            metadata.pan = size / 2.0 - Vec2::new(place[0], place[1]) * metadata.zoom;
            changed_view = true;
        }
        if changed_view {
            metadata.clone().save(ui);
            ui.ctx().request_repaint();
        }
        self.last_local_transform = Some((metadata.zoom, metadata.pan));
        self.last_transform = Some((metadata.zoom, metadata.pan + top_left.to_vec2()));
        if self.layout_kind == LayoutKind::Timeline {
            self.timeline_axis_ui(
                ui,
                model,
                response.response.rect,
                metadata.zoom,
                metadata.pan,
            );
        }

        let mut events = Vec::new();
        let mut dropped = Vec::new();
        for change in &response.changes {
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
        let double_clicked = response
            .changes
            .iter()
            .any(|change| matches!(change, GraphChange::NodeDoubleClicked { .. }));
        if response.response.clicked() && events.is_empty() && !double_clicked {
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

    /// Date labels along the top of the canvas, with a faint line down each date.
    fn timeline_axis_ui(&self, ui: &Ui, model: &Model, rect: Rect, zoom: f32, pan: Vec2) {
        let painter = ui.painter_at(rect);
        for (x, label) in timeline_ticks(model, &self.visibility.nodes, &self.positions) {
            let screen_x = rect.left() + pan.x + x * zoom;
            painter.line_segment(
                [
                    Pos2::new(screen_x, rect.top() + 22.0),
                    Pos2::new(screen_x, rect.bottom()),
                ],
                Stroke::new(1.0, Color32::from_rgba_unmultiplied(0, 0, 0, 30)),
            );
            painter.text(
                Pos2::new(screen_x, rect.top() + 4.0),
                egui::Align2::CENTER_TOP,
                label,
                FontId::proportional(13.0),
                Color32::from_gray(60),
            );
        }
    }

    fn step_animation(&mut self) {
        let Some(animation) = &mut self.animation else {
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
            self.animation = None;
            self.layout_failed = true;
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
            self.animation = None;
            self.fit_requested = true;
        }
        self.copy_positions_to_display();
    }

    /// The zoom and pan that show every shown node and its whole label in a view of
    /// `size`.
    fn fit(&self, size: Vec2) -> Option<(f32, Vec2)> {
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

    fn copy_positions_to_display(&mut self) {
        self.labels_stale = true;
        let indices: Vec<NodeIndex> = self.display.nodes_iter().map(|(index, _)| index).collect();
        for index in indices {
            if let Some(node) = self.display.node_mut(index)
                && !node.dragged()
                && let Some(place) = self.positions.get(node.payload().model_position)
            {
                node.set_location(Pos2::new(place[0], place[1]));
            }
        }
    }
}
