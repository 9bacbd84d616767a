//! The graph canvas: the one module that talks to egui_graphs. It turns the model's graph
//! into an egui_graphs display graph, drives our own [`ForceLayout`] (which settles and
//! then stops, so the app stops repainting), draws nodes by kind, and reports clicks and
//! drags back as model positions.

use egui::epaint::TextShape;
use egui::{Color32, FontId, Pos2, Rect, Shape, Stroke, Ui, Vec2};
use egui_graphs::{
    DefaultEdgeShape, DisplayNode, DrawContext, GraphChange, GraphView, Layout, LayoutState,
    NodeProps, SettingsInteraction, SettingsNavigation, SettingsStyle,
};
use petgraph::Directed;
use petgraph::stable_graph::{DefaultIx, EdgeIndex, NodeIndex, StableGraph};

use super::style::kind_shapes;
use crate::graph::NegotiationGraph;
use crate::layout::{ForceLayout, ForceSettings};
use crate::model::{Model, NodeKind};

/// Canvas radius of a node.
const NODE_RADIUS: f32 = 11.0;
/// Most layout steps run before the first frame.
const INITIAL_LAYOUT_STEPS: usize = 2_000;
/// Layout steps per frame while the layout animates after a drag.
const STEPS_PER_FRAME: usize = 4;
/// Font size of node labels at zoom 1, in points.
const LABEL_FONT_SIZE: f32 = 14.0;
/// Space kept between the boxes of two nodes and their labels, in canvas units.
const LABEL_GAP: f32 = 6.0;
/// Screen margin kept around the graph when it is fitted to the view, in points.
const FIT_MARGIN: f32 = 12.0;

/// What a display node carries: where it is in the model and its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NodePayload {
    /// Position in `model.nodes`.
    pub model_position: usize,
    /// Its kind, which sets its shape and colour.
    pub kind: NodeKind,
}

/// What a display edge carries: where it is in the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EdgePayload {
    /// Position in `model.edges`.
    pub model_position: usize,
}

type DisplayGraph = egui_graphs::Graph<
    NodePayload,
    EdgePayload,
    Directed,
    DefaultIx,
    KindNodeShape,
    DefaultEdgeShape,
>;

/// What the user did on the canvas this frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CanvasEvent {
    /// A node was clicked (by model position).
    NodeClicked(usize),
    /// An edge was clicked (by model position).
    EdgeClicked(usize),
    /// Empty space was clicked.
    BackgroundClicked,
}

/// The interactive graph view of one open dataset.
pub struct GraphCanvas {
    display: DisplayGraph,
    layout: ForceLayout,
    /// egui id of this canvas: new for every dataset, so zoom and pan start fresh.
    view_id: String,
    fit_requested: bool,
    /// The canvas-to-screen transform of the last frame: zoom, then pan.
    last_transform: Option<(f32, Vec2)>,
    /// Box of each layout slot and its label, relative to its position
    /// (`[left, top, right, bottom]`), measured on the first frame.
    label_extents: Option<Vec<[f32; 4]>>,
}

impl GraphCanvas {
    /// Builds the display graph of `model` and runs the layout until it settles.
    /// `generation` distinguishes datasets opened one after another.
    pub fn new(model: &Model, graph: &NegotiationGraph, generation: u64) -> Self {
        let domain = graph.graph();
        let positions_by_index: Vec<usize> =
            domain.node_indices().map(|index| index.index()).collect();
        let edges: Vec<(usize, usize)> = domain
            .edge_indices()
            .filter_map(|edge| domain.edge_endpoints(edge))
            .map(|(a, b)| (a.index(), b.index()))
            .collect();
        let slots = positions_by_index.iter().max().map_or(0, |max| max + 1);
        let mut layout = ForceLayout::new(slots, edges, ForceSettings::default());
        layout.run(INITIAL_LAYOUT_STEPS);

        let mut display_source: StableGraph<NodePayload, EdgePayload, Directed> =
            StableGraph::with_capacity(domain.node_count(), domain.edge_count());
        let mut mapping = std::collections::HashMap::new();
        for index in domain.node_indices() {
            let Some(&position) = domain.node_weight(index) else {
                continue;
            };
            let Some(node) = model.nodes.get(position) else {
                continue;
            };
            let display_index = display_source.add_node(NodePayload {
                model_position: position,
                kind: node.kind,
            });
            mapping.insert(index, display_index);
        }
        for edge in domain.edge_indices() {
            let (Some((a, b)), Some(&position)) =
                (domain.edge_endpoints(edge), domain.edge_weight(edge))
            else {
                continue;
            };
            if let (Some(&a), Some(&b)) = (mapping.get(&a), mapping.get(&b)) {
                display_source.add_edge(
                    a,
                    b,
                    EdgePayload {
                        model_position: position,
                    },
                );
            }
        }
        let mut display: DisplayGraph = egui_graphs::to_graph_custom(
            &display_source,
            |node| {
                let position = node.payload().model_position;
                let label = model
                    .nodes
                    .get(position)
                    .map(|node| node.label.clone())
                    .unwrap_or_default();
                node.set_label(label);
            },
            |edge| {
                let label = model
                    .edges
                    .get(edge.payload().model_position)
                    .map(|edge| edge.relation.as_str().replace('_', " "))
                    .unwrap_or_default();
                edge.set_label(label);
            },
        );
        // Display nodes were added in domain order, so layout slot i is domain index i.
        let slots_by_display: Vec<(NodeIndex, usize)> = mapping
            .iter()
            .map(|(domain_index, display_index)| (*display_index, domain_index.index()))
            .collect();
        for (display_index, slot) in slots_by_display {
            if let (Some(node), Some(position)) = (
                display.node_mut(display_index),
                layout.positions().get(slot),
            ) {
                node.set_location(Pos2::new(position[0], position[1]));
            }
        }
        Self {
            display,
            layout,
            view_id: format!("backchannel-graph-{generation}"),
            fit_requested: true,
            last_transform: None,
            label_extents: None,
        }
    }

    /// Asks for the view to be fitted to the graph on the next frame.
    pub fn request_fit(&mut self) {
        self.fit_requested = true;
    }

    /// Whether the layout is still moving nodes (the canvas then repaints continuously).
    pub fn is_animating(&self) -> bool {
        !self.layout.is_settled()
    }

    /// Marks the node or edge at this model position as selected in the display (or
    /// nothing, for `None`).
    pub fn show_selection(&mut self, node: Option<usize>, edge: Option<usize>) {
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
                let selected = Some(display_edge.payload().model_position) == edge;
                display_edge.set_selected(selected);
            }
        }
    }

    /// Where the node at this model position was drawn in the last frame, in screen
    /// points.
    pub fn node_screen_position(&self, model_position: usize) -> Option<Pos2> {
        let (zoom, pan) = self.last_transform?;
        self.display
            .nodes_iter()
            .find(|(_, node)| node.payload().model_position == model_position)
            .map(|(_, node)| (node.location().to_vec2() * zoom + pan).to_pos2())
    }

    /// Draws the canvas into all of `ui`'s remaining space and returns what was clicked.
    pub fn ui(&mut self, ui: &mut Ui) -> Vec<CanvasEvent> {
        if self.label_extents.is_none() {
            self.label_extents = Some(self.measure_labels(ui));
            // Spread the layout over the view at zoom 1, where labels have their full
            // size, then move nodes until no two labels overlap.
            let room = ui.available_size();
            if let Some(factor) = self.fit(room).map(|(zoom, _)| zoom) {
                self.layout.scale(factor);
            }
            self.separate_labels();
        }
        if !self.layout.is_settled() {
            for _ in 0..STEPS_PER_FRAME {
                self.layout.step();
            }
            if self.layout.is_settled() {
                self.separate_labels();
            }
            self.copy_layout_positions();
        }
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
                    Stroke::new(stroke.width.min(1.5), Color32::from_gray(150))
                }
            });
        let top_left = ui.available_rect_before_wrap().min;
        let response = GraphView::<NoLayoutState, NoLayout>::new()
            .with_id(Some(self.view_id.clone()))
            .with_interactions(&interactions)
            .with_navigations(&navigations)
            .with_styles(&styles)
            .with_continuous_repaint(!self.layout.is_settled())
            .show(ui, &mut self.display);
        let mut metadata = egui_graphs::MetadataFrame::new(Some(self.view_id.clone())).load(ui);
        if self.fit_requested {
            if let Some((zoom, pan)) = self.fit(response.response.rect.size()) {
                metadata.zoom = zoom;
                metadata.pan = pan;
                metadata.clone().save(ui);
                ui.ctx().request_repaint();
            }
            self.fit_requested = false;
        }
        self.last_transform = Some((metadata.zoom, metadata.pan + top_left.to_vec2()));

        let mut events = Vec::new();
        let mut released_drag = false;
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
                    self.layout
                        .pin(node.index(), [new_position.x, new_position.y]);
                }
                GraphChange::NodeDragEnded { .. } => released_drag = true,
                _ => {}
            }
        }
        if response.response.clicked()
            && events.is_empty()
            && !response
                .changes
                .iter()
                .any(|change| matches!(change, GraphChange::NodeDoubleClicked { .. }))
        {
            events.push(CanvasEvent::BackgroundClicked);
        }
        if released_drag {
            // The dropped node stays pinned where the user put it; others only move
            // aside where its label now overlaps theirs.
            self.separate_labels();
            ui.ctx().request_repaint();
        }
        events
    }

    /// The box of every node with its label below it, in canvas units at zoom 1.
    fn measure_labels(&self, ui: &Ui) -> Vec<[f32; 4]> {
        let mut extents = vec![
            [-NODE_RADIUS, -NODE_RADIUS, NODE_RADIUS, NODE_RADIUS];
            self.layout.positions().len()
        ];
        for (index, node) in self.display.nodes_iter() {
            let size = ui.fonts_mut(|fonts| {
                fonts
                    .layout_no_wrap(
                        node.label(),
                        FontId::proportional(LABEL_FONT_SIZE),
                        Color32::BLACK,
                    )
                    .size()
            });
            if let Some(extent) = extents.get_mut(index.index()) {
                let half_width = (size.x / 2.0 + 3.0).max(NODE_RADIUS * 1.2);
                *extent = [
                    -half_width,
                    -NODE_RADIUS * 1.2,
                    half_width,
                    NODE_RADIUS + 4.0 + size.y,
                ];
            }
        }
        extents
    }

    /// Moves nodes apart until no labels overlap, then shows the new positions.
    fn separate_labels(&mut self) {
        if let Some(extents) = &self.label_extents {
            self.layout.remove_overlaps(extents, LABEL_GAP, 300);
        }
        self.copy_layout_positions();
    }

    /// The zoom and pan that show every node and its whole label in a view of `size`.
    fn fit(&self, size: Vec2) -> Option<(f32, Vec2)> {
        let positions = self.layout.positions();
        let extents = self.label_extents.as_ref()?;
        let mut bounds = Rect::NOTHING;
        let mut margin = [0.0f32; 4];
        for (position, extent) in positions.iter().zip(extents) {
            bounds.extend_with(Pos2::new(position[0], position[1]));
            margin[0] = margin[0].max(-extent[0]);
            margin[1] = margin[1].max(-extent[1]);
            margin[2] = margin[2].max(extent[2]);
            margin[3] = margin[3].max(extent[3]);
        }
        if !bounds.is_finite() || !bounds.is_positive() && positions.len() > 1 {
            return None;
        }
        let room = Vec2::new(
            size.x - margin[0] - margin[2] - 2.0 * FIT_MARGIN,
            size.y - margin[1] - margin[3] - 2.0 * FIT_MARGIN,
        )
        .max(Vec2::splat(10.0));
        let zoom = (room.x / bounds.width().max(1.0))
            .min(room.y / bounds.height().max(1.0))
            .clamp(0.05, 4.0);
        let target = Pos2::new(
            FIT_MARGIN + margin[0] + room.x / 2.0,
            FIT_MARGIN + margin[1] + room.y / 2.0,
        );
        Some((zoom, target.to_vec2() - bounds.center().to_vec2() * zoom))
    }

    fn copy_layout_positions(&mut self) {
        let indices: Vec<NodeIndex> = self.display.nodes_iter().map(|(index, _)| index).collect();
        for index in indices {
            let Some(position) = self.layout.positions().get(index.index()).copied() else {
                continue;
            };
            if let Some(node) = self.display.node_mut(index)
                && !node.dragged()
            {
                node.set_location(Pos2::new(position[0], position[1]));
            }
        }
    }
}

/// A node drawn with its kind's shape and colour, its label always shown below it at a
/// size that stays legible whatever the zoom.
#[derive(Debug, Clone)]
pub struct KindNodeShape {
    position: Pos2,
    kind: NodeKind,
    label: String,
    selected: bool,
    hovered: bool,
    dragged: bool,
}

impl From<NodeProps<NodePayload>> for KindNodeShape {
    fn from(props: NodeProps<NodePayload>) -> Self {
        Self {
            position: props.location(),
            kind: props.payload.kind,
            label: props.label.clone(),
            selected: props.selected,
            hovered: props.hovered,
            dragged: props.dragged,
        }
    }
}

impl DisplayNode<NodePayload, EdgePayload, Directed, DefaultIx> for KindNodeShape {
    fn closest_boundary_point(&self, direction: Vec2) -> Pos2 {
        self.position + direction.normalized() * NODE_RADIUS
    }

    fn shapes(&mut self, ctx: &DrawContext) -> Vec<Shape> {
        let center = ctx.meta.canvas_to_screen_pos(self.position);
        let zoom = ctx.meta.zoom;
        let radius = ctx.meta.canvas_to_screen_size(NODE_RADIUS).max(4.0);
        let emphasised = self.selected || self.hovered || self.dragged;
        let stroke = if self.selected {
            Stroke::new(3.0, Color32::from_rgb(200, 40, 40))
        } else if emphasised {
            Stroke::new(2.0, Color32::from_gray(30))
        } else {
            Stroke::new(1.0, Color32::from_gray(70))
        };
        let mut shapes = vec![kind_shapes(self.kind, center, radius, stroke)];
        // Labels shrink with the zoom only down to a legible floor; when zoomed far out
        // they are left to the selected and hovered nodes.
        if zoom < 0.5 && !emphasised {
            return shapes;
        }
        // Labels are part of the drawing: they scale with it, so that labels that do not
        // overlap at zoom 1 never overlap, down to a legible floor.
        let font_size = (LABEL_FONT_SIZE * zoom).clamp(10.0, 28.0);
        let text_color = if emphasised {
            Color32::BLACK
        } else {
            Color32::from_gray(25)
        };
        let galley = ctx.ctx.fonts_mut(|fonts| {
            fonts.layout_no_wrap(
                self.label.clone(),
                FontId::proportional(font_size),
                text_color,
            )
        });
        let size = galley.size();
        let top_left = Pos2::new(center.x - size.x / 2.0, center.y + radius + 3.0);
        let background = Rect::from_min_size(top_left, size).expand2(Vec2::new(3.0, 1.0));
        let fill = if emphasised {
            Color32::from_rgba_unmultiplied(255, 248, 200, 240)
        } else {
            Color32::from_rgba_unmultiplied(255, 255, 255, 200)
        };
        shapes.push(Shape::rect_filled(background, 3.0, fill));
        shapes.push(TextShape::new(top_left, galley, text_color).into());
        shapes
    }

    fn update(&mut self, props: &NodeProps<NodePayload>) {
        self.position = props.location();
        self.kind = props.payload.kind;
        self.label.clone_from(&props.label);
        self.selected = props.selected;
        self.hovered = props.hovered;
        self.dragged = props.dragged;
    }

    fn is_inside(&self, position: Pos2) -> bool {
        (position - self.position).length() <= NODE_RADIUS * 1.2
    }
}

/// egui_graphs' layout slot, left empty: positions come from [`ForceLayout`].
#[derive(Debug, Default, Clone, serde::Serialize, serde::Deserialize)]
pub struct NoLayoutState;

impl LayoutState for NoLayoutState {}

/// A layout that never moves nodes.
#[derive(Debug, Default)]
pub struct NoLayout;

impl Layout<NoLayoutState> for NoLayout {
    fn from_state(_state: NoLayoutState) -> impl Layout<NoLayoutState> {
        NoLayout
    }

    fn next<N, E, Ty, Ix, Dn, De>(
        &mut self,
        _graph: &mut egui_graphs::Graph<N, E, Ty, Ix, Dn, De>,
        _ui: &egui::Ui,
    ) where
        N: Clone,
        E: Clone,
        Ty: petgraph::EdgeType,
        Ix: petgraph::stable_graph::IndexType,
        Dn: DisplayNode<N, E, Ty, Ix>,
        De: egui_graphs::DisplayEdge<N, E, Ty, Ix, Dn>,
    {
    }

    fn state(&self) -> NoLayoutState {
        NoLayoutState
    }
}
