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

type DisplayGraph =
    egui_graphs::Graph<NodePayload, EdgePayload, Directed, DefaultIx, KindNodeShape, DefaultEdgeShape>;

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
}

impl GraphCanvas {
    /// Builds the display graph of `model` and runs the layout until it settles.
    /// `generation` distinguishes datasets opened one after another.
    pub fn new(model: &Model, graph: &NegotiationGraph, generation: u64) -> Self {
        let domain = graph.graph();
        let positions_by_index: Vec<usize> = domain.node_indices().map(|index| index.index()).collect();
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
            let Some(&position) = domain.node_weight(index) else { continue };
            let Some(node) = model.nodes.get(position) else { continue };
            let display_index = display_source.add_node(NodePayload {
                model_position: position,
                kind: node.kind,
            });
            mapping.insert(index, display_index);
        }
        for edge in domain.edge_indices() {
            let (Some((a, b)), Some(&position)) = (domain.edge_endpoints(edge), domain.edge_weight(edge)) else {
                continue;
            };
            if let (Some(&a), Some(&b)) = (mapping.get(&a), mapping.get(&b)) {
                display_source.add_edge(a, b, EdgePayload { model_position: position });
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
            if let (Some(node), Some(position)) =
                (display.node_mut(display_index), layout.positions().get(slot))
            {
                node.set_location(Pos2::new(position[0], position[1]));
            }
        }
        Self {
            display,
            layout,
            view_id: format!("backchannel-graph-{generation}"),
            fit_requested: true,
            last_transform: None,
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
        let node_indices: Vec<NodeIndex> = self.display.nodes_iter().map(|(index, _)| index).collect();
        for index in node_indices {
            if let Some(display_node) = self.display.node_mut(index) {
                let selected = Some(display_node.payload().model_position) == node;
                display_node.set_selected(selected);
            }
        }
        let edge_indices: Vec<EdgeIndex> = self.display.edges_iter().map(|(index, _)| index).collect();
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
        if !self.layout.is_settled() {
            for _ in 0..STEPS_PER_FRAME {
                self.layout.step();
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
            .with_fit_to_screen_enabled(self.fit_requested)
            .with_fit_to_screen_padding(0.25)
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
        self.fit_requested = false;
        let metadata = egui_graphs::MetadataFrame::new(Some(self.view_id.clone())).load(ui);
        self.last_transform = Some((metadata.zoom, metadata.pan + top_left.to_vec2()));

        let mut events = Vec::new();
        let mut released_drag = false;
        for change in &response.changes {
            match change {
                GraphChange::NodeClicked { node } => {
                    if let Some(display_node) = self.display.node(*node) {
                        events.push(CanvasEvent::NodeClicked(display_node.payload().model_position));
                    }
                }
                GraphChange::EdgeClicked { edge } => {
                    if let Some(display_edge) = self.display.edge(*edge) {
                        events.push(CanvasEvent::EdgeClicked(display_edge.payload().model_position));
                    }
                }
                GraphChange::NodeMoved { node, new_position, .. } => {
                    self.layout.pin(node.index(), [new_position.x, new_position.y]);
                }
                GraphChange::NodeDragEnded { .. } => released_drag = true,
                _ => {}
            }
        }
        if response.response.clicked() && events.is_empty() && !response.changes.iter().any(|change| matches!(change, GraphChange::NodeDoubleClicked { .. })) {
            events.push(CanvasEvent::BackgroundClicked);
        }
        if released_drag {
            self.layout.reheat();
            ui.ctx().request_repaint();
        }
        events
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
        if zoom < 0.3 && !emphasised {
            return shapes;
        }
        let font_size = (14.0 * zoom.sqrt()).clamp(12.0, 20.0);
        let text_color = if emphasised {
            Color32::BLACK
        } else {
            Color32::from_gray(25)
        };
        let galley = ctx.ctx.fonts_mut(|fonts| {
            fonts.layout_no_wrap(self.label.clone(), FontId::proportional(font_size), text_color)
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

    fn next<N, E, Ty, Ix, Dn, De>(&mut self, _graph: &mut egui_graphs::Graph<N, E, Ty, Ix, Dn, De>, _ui: &egui::Ui)
    where
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
