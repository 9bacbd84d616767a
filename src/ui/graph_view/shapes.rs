//! How egui_graphs draws each node and edge: nodes by kind with their labels, edges
//! with arrowheads where directed, and the layout that leaves positions to Backchannel.

use super::*;

/// A node drawn with its kind's shape and colour, its label below it at a readable
/// size; faint when dimmed, outlined when on a highlighted path.
#[derive(Debug, Clone)]
pub struct KindNodeShape {
    position: Pos2,
    payload: NodePayload,
    pub(super) label: String,
    selected: bool,
    hovered: bool,
    dragged: bool,
}

impl KindNodeShape {
    fn radius(&self) -> f32 {
        NODE_RADIUS * self.payload.scale.clamp(0.3, 4.0)
    }
}

impl From<NodeProps<NodePayload>> for KindNodeShape {
    fn from(props: NodeProps<NodePayload>) -> Self {
        Self {
            position: props.location(),
            payload: props.payload,
            label: props.label.clone(),
            selected: props.selected,
            hovered: props.hovered,
            dragged: props.dragged,
        }
    }
}

impl DisplayNode<NodePayload, EdgePayload, Directed, DefaultIx> for KindNodeShape {
    fn closest_boundary_point(&self, direction: Vec2) -> Pos2 {
        self.position + unit(direction) * self.radius()
    }

    fn shapes(&mut self, ctx: &DrawContext) -> Vec<Shape> {
        let center = ctx.meta.canvas_to_screen_pos(self.position);
        let zoom = ctx.meta.zoom;
        let emphasised = self.selected || self.hovered || self.dragged;
        if in_far_batch(&self.payload, emphasised, zoom) {
            // Drawn with the other plain discs in one mesh (`GraphCanvas::far_nodes`).
            return Vec::new();
        }
        let radius = screen_radius(self.payload.scale, zoom);
        // Level of detail: nothing is drawn for a node outside the view (with room for
        // its label).
        let visible = ctx
            .painter
            .clip_rect()
            .expand(radius + 200.0 * zoom.max(1.0));
        if !visible.contains(center) {
            return Vec::new();
        }
        let faint = (self.payload.dimmed || self.payload.receding) && !emphasised;
        let (fill, stroke) = node_colours(&self.payload, self.selected, emphasised);
        let mut shapes = vec![kind_shapes(self.payload.kind, center, radius, fill, stroke)];
        // Labels never grow past their size at zoom 1 nor shrink below a readable floor.
        // Zoomed far out, only an emphasised node labels itself; the canvas places the
        // others' labels. Nearer, a label is drawn whole or not at all: one that would
        // overlap a more important label at this zoom is left out (`choose_labels`).
        if (zoom < FAR_ZOOM || !self.payload.label_shown)
            && !emphasised
            && !self.payload.highlighted
        {
            return shapes;
        }
        let highlighted = emphasised || self.payload.highlighted;
        shapes.extend(
            NodeLabel::new(ctx.ctx, &self.label, center, radius, zoom, highlighted).shapes(faint),
        );
        shapes
    }

    fn update(&mut self, props: &NodeProps<NodePayload>) {
        self.position = props.location();
        self.payload = props.payload;
        self.label.clone_from(&props.label);
        self.selected = props.selected;
        self.hovered = props.hovered;
        self.dragged = props.dragged;
    }

    fn is_inside(&self, position: Pos2) -> bool {
        (position - self.position).length() <= self.radius() * 1.2
    }
}

/// A node's radius on screen: its size scaled by the zoom, never below a floor that
/// keeps it visible and clickable.
pub(super) fn screen_radius(scale: f32, zoom: f32) -> f32 {
    (NODE_RADIUS * scale.clamp(0.3, 4.0) * zoom).max(MIN_SCREEN_RADIUS)
}

/// The smallest radius a node is drawn with, in screen points: big enough to see and to
/// click, small enough that a big graph zoomed out shows its edges between the nodes.
const MIN_SCREEN_RADIUS: f32 = 2.5;

/// Whether a display node is emphasised: selected, hovered or dragged.
pub(super) fn is_emphasised(node: &DisplayNodeOf) -> bool {
    node.selected() || node.hovered() || node.dragged()
}

/// A node's fill and outline: red and thick when selected or on a highlighted path, dark
/// when emphasised, thin grey otherwise; both faint when the node is dimmed or recedes
/// behind a selection, and is not emphasised.
pub(super) fn node_colours(
    payload: &NodePayload,
    selected: bool,
    emphasised: bool,
) -> (Color32, Stroke) {
    let mut stroke = if selected || payload.highlighted {
        Stroke::new(3.0, Color32::from_rgb(200, 40, 40))
    } else if emphasised {
        Stroke::new(2.0, Color32::from_gray(30))
    } else {
        Stroke::new(1.0, Color32::from_gray(70))
    };
    let mut fill = crate::ui::style::rgb(payload.fill);
    if (payload.dimmed || payload.receding) && !emphasised {
        fill = fade(fill);
        stroke.color = fade(stroke.color);
    }
    (fill, stroke)
}

/// A node's label, centred under it on a light backdrop.
pub(super) struct NodeLabel {
    galley: std::sync::Arc<egui::Galley>,
    top_left: Pos2,
    /// The backdrop, which is also the room the label takes.
    pub(super) backdrop: Rect,
    highlighted: bool,
}

impl NodeLabel {
    /// Lays out `text` under a node at `centre` of `radius` (screen), at the label size
    /// for `zoom`; `highlighted` labels get a yellow backdrop.
    pub(super) fn new(
        ctx: &egui::Context,
        text: &str,
        centre: Pos2,
        radius: f32,
        zoom: f32,
        highlighted: bool,
    ) -> Self {
        let galley = ctx.fonts_mut(|fonts| {
            fonts.layout_no_wrap(
                text.to_owned(),
                FontId::proportional(labelling::label_font_size(zoom)),
                Color32::from_gray(20),
            )
        });
        let size = galley.size();
        let top_left = Pos2::new(centre.x - size.x / 2.0, centre.y + radius + 3.0);
        let backdrop = Rect::from_min_size(top_left, size).expand2(Vec2::new(3.0, 1.0));
        Self {
            galley,
            top_left,
            backdrop,
            highlighted,
        }
    }

    /// The backdrop and the text; grey text when `faint`.
    pub(super) fn shapes(self, faint: bool) -> [Shape; 2] {
        let text_color = if faint {
            Color32::from_gray(170)
        } else {
            Color32::from_gray(20)
        };
        let fill = if self.highlighted {
            Color32::from_rgba_unmultiplied(255, 248, 200, 240)
        } else {
            Color32::from_rgba_unmultiplied(255, 255, 255, 200)
        };
        [
            Shape::rect_filled(self.backdrop, 3.0, fill),
            TextShape::new(self.top_left, self.galley, text_color).into(),
        ]
    }
}

/// A node's colour made faint: mostly transparent.
pub(super) fn fade(color: Color32) -> Color32 {
    color.gamma_multiply(0.25)
}

/// egui_graphs' layout slot, left empty: positions come from our own layouts.
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

/// egui_graphs' edge, with no arrowhead for an undirected edge (the display graph is
/// directed, so egui_graphs would draw one on every edge).
#[derive(Clone)]
pub struct ArrowEdgeShape {
    inner: DefaultEdgeShape,
    directed: bool,
    self_loop: bool,
    relation: Relation,
    named: bool,
    /// Hidden by the filters: not drawn, not clickable.
    hidden: bool,
    /// Drawn faintly: the selection lights up other edges, or a focus dims an end.
    receding: bool,
    /// A report another report contradicts: marked at its middle.
    contested: bool,
    /// Its colour instead of its relation's, when edges are coloured by who said it.
    tint: Option<Rgb>,
}

impl ArrowEdgeShape {
    /// Hides or shows the edge at once (the payload reaches the shape only when it is
    /// next drawn, and a click may come first).
    pub(super) fn set_hidden(&mut self, hidden: bool) {
        self.hidden = hidden;
    }

    fn apply_direction(&mut self) {
        if !self.directed {
            self.inner.tip_size = 0.0;
        }
    }
}

impl From<EdgeProps<EdgePayload>> for ArrowEdgeShape {
    fn from(props: EdgeProps<EdgePayload>) -> Self {
        let EdgePayload {
            directed,
            self_loop,
            relation,
            named,
            hidden,
            receding,
            contested,
            tint,
            ..
        } = props.payload;
        let mut shape = Self {
            inner: DefaultEdgeShape::from(props),
            directed,
            self_loop,
            relation,
            named,
            hidden,
            receding,
            contested,
            tint,
        };
        shape.apply_direction();
        shape
    }
}

pub(super) type DisplayNodeOf =
    egui_graphs::Node<NodePayload, EdgePayload, Directed, DefaultIx, KindNodeShape>;

/// Below this zoom relation names are not written along edges: they would not fit.
const NAMES_ZOOM: f32 = 0.6;

/// egui_graphs' shapes of an unselected edge, in its relation's colour and dashes: lines
/// and curves broken into dashes where the style says so, the arrowhead filled alike.
/// An edge style made faint: its colour mostly the canvas's, its dashes kept.
fn faint_style(style: EdgeStyle) -> EdgeStyle {
    let blend = |channel: u8| ((u16::from(channel) + 3 * 246) / 4) as u8;
    EdgeStyle {
        rgb: style.rgb.map(blend),
        ..style
    }
}

fn restyle(shapes: Vec<Shape>, style: EdgeStyle) -> Vec<Shape> {
    let color = crate::ui::style::rgb(style.rgb);
    let mut restyled = Vec::with_capacity(shapes.len());
    for shape in shapes {
        match shape {
            Shape::LineSegment { points, stroke } => {
                restyled.extend(styled_line(&points, stroke.width, style));
            }
            Shape::CubicBezier(curve) => {
                restyled.extend(styled_line(
                    &curve.flatten(Some(0.5)),
                    curve.stroke.width,
                    style,
                ));
            }
            Shape::QuadraticBezier(curve) => {
                restyled.extend(styled_line(
                    &curve.flatten(Some(0.5)),
                    curve.stroke.width,
                    style,
                ));
            }
            Shape::Path(mut path) if path.closed => {
                if path.fill != Color32::TRANSPARENT {
                    path.fill = color;
                }
                path.stroke = PathStroke::new(path.stroke.width, color);
                restyled.push(Shape::Path(path));
            }
            Shape::Path(path) => {
                restyled.extend(styled_line(&path.points, path.stroke.width, style))
            }
            other => restyled.push(other),
        }
    }
    restyled
}

/// A relation's name written along the middle of its edge (bent edges: beside it),
/// turned to read left to right, on a light backdrop.
fn relation_name_shape(
    ctx: &DrawContext,
    from: Pos2,
    to: Pos2,
    relation: Relation,
    order: usize,
) -> Vec<Shape> {
    let along = to - from;
    if along.length() < 40.0 {
        return Vec::new();
    }
    let style = relation_style(relation);
    let [r, g, b] = style.rgb;
    let galley = ctx.ctx.fonts_mut(|fonts| {
        fonts.layout_no_wrap(
            relation.words(),
            FontId::proportional(11.0),
            Color32::from_rgb(r, g, b),
        )
    });
    if galley.size().x > along.length() * 0.8 {
        return Vec::new();
    }
    let mut angle = along.angle();
    let mut direction = along.normalized();
    if direction.x < 0.0 {
        angle += std::f32::consts::PI;
        direction = -direction;
    }
    let normal = Vec2::new(-direction.y, direction.x);
    let bend = ctx.meta.canvas_to_screen_size(12.0) * order as f32;
    let middle = from + along / 2.0 + normal * bend;
    let size = galley.size();
    // The text's top-left corner, so that its centre sits on the line.
    let corner = middle - direction * (size.x / 2.0) - normal * (size.y / 2.0);
    vec![
        TextShape::new(corner, galley, Color32::from_rgb(r, g, b))
            .with_angle(angle)
            .into(),
    ]
}

/// An edge's width at zoom 1 and below, in points (egui_graphs' default).
const EDGE_WIDTH: f32 = 2.0;
/// An arrowhead's length at zoom 1 and below, in points (egui_graphs' default).
const TIP_SIZE: f32 = 15.0;

/// Level of detail: whether an edge between `from` and `to` (screen) may reach the view;
/// nothing is drawn for an edge whose box misses it (room left for curves and loops).
fn reaches_view(from: Pos2, to: Pos2, ctx: &DrawContext) -> bool {
    let reach = ctx.meta.canvas_to_screen_size(NODE_RADIUS * 6.0).max(30.0);
    Rect::from_two_pos(from, to)
        .expand(reach)
        .intersects(ctx.painter.clip_rect())
}

/// The mark of a contested report: an orange disc with "!" at the middle of its edge (a
/// bent edge: beside it), the same size at every zoom.
fn contested_mark(ctx: &DrawContext, from: Pos2, to: Pos2, order: usize) -> Vec<Shape> {
    let along = to - from;
    let normal = Vec2::new(-along.y, along.x).normalized();
    let bend = ctx.meta.canvas_to_screen_size(12.0) * order as f32;
    let middle = from + along / 2.0 + normal * bend;
    let orange = Color32::from_rgb(238, 119, 51);
    let galley = ctx.ctx.fonts_mut(|fonts| {
        fonts.layout_no_wrap("!".to_owned(), FontId::proportional(11.0), Color32::WHITE)
    });
    let corner = middle - galley.size() / 2.0;
    vec![
        Shape::circle_filled(middle, 7.0, orange),
        Shape::circle_stroke(middle, 7.0, Stroke::new(1.0, Color32::WHITE)),
        TextShape::new(corner, galley, Color32::WHITE).into(),
    ]
}

/// The line of an edge that is not selected, from egui_graphs' width for it.
pub(super) fn unselected_edge_stroke(width: f32) -> Stroke {
    Stroke::new(width.min(1.5), Color32::from_gray(150))
}

impl DisplayEdge<NodePayload, EdgePayload, Directed, DefaultIx, KindNodeShape> for ArrowEdgeShape {
    fn shapes(
        &mut self,
        start: &DisplayNodeOf,
        end: &DisplayNodeOf,
        ctx: &DrawContext,
    ) -> Vec<Shape> {
        if !DisplayEdge::<NodePayload, EdgePayload, Directed, DefaultIx, KindNodeShape>::is_drawn(
            self, ctx,
        ) {
            return Vec::new();
        }
        let from = ctx.meta.canvas_to_screen_pos(start.location());
        let to = ctx.meta.canvas_to_screen_pos(end.location());
        if !reaches_view(from, to, ctx) {
            return Vec::new();
        }
        // Zoomed in past 1, lines and arrowheads keep their size on screen, as labels do.
        let damp = ctx.meta.zoom.max(1.0);
        self.inner.width = EDGE_WIDTH / damp;
        if self.directed {
            self.inner.tip_size = TIP_SIZE / damp;
        }
        let mut shapes =
            DisplayEdge::<NodePayload, EdgePayload, Directed, DefaultIx, KindNodeShape>::shapes(
                &mut self.inner,
                start,
                end,
                ctx,
            );
        if self.inner.selected {
            // Selected: red and solid, as egui_graphs drew it, with its label.
            if self.contested {
                shapes.extend(contested_mark(ctx, from, to, self.inner.order));
            }
            return shapes;
        }
        let mut style = relation_style(self.relation);
        if let Some(rgb) = self.tint {
            style.rgb = rgb;
        }
        let style = if self.receding {
            faint_style(style)
        } else {
            style
        };
        let mut shapes = restyle(shapes, style);
        // A relation's name is written along the edge where there is room for it.
        if self.named && !self.self_loop && !self.receding && ctx.meta.zoom >= NAMES_ZOOM {
            shapes.extend(relation_name_shape(
                ctx,
                from,
                to,
                self.relation,
                self.inner.order,
            ));
        }
        if self.contested {
            shapes.extend(contested_mark(ctx, from, to, self.inner.order));
        }
        shapes
    }

    fn update(&mut self, state: &EdgeProps<EdgePayload>) {
        // Called for every edge on every frame: only what changed is copied, and the
        // label (drawn only on a selected edge) only when it shows, so that neither this
        // nor egui_graphs' copy of the shape allocates.
        self.inner.order = state.order;
        self.inner.selected = state.selected;
        if state.selected {
            if self.inner.label_text != state.label {
                self.inner.label_text.clone_from(&state.label);
            }
        } else {
            self.inner.label_text.clear();
        }
        self.directed = state.payload.directed;
        self.relation = state.payload.relation;
        self.named = state.payload.named;
        self.hidden = state.payload.hidden;
        self.receding = state.payload.receding;
        self.contested = state.payload.contested;
        self.tint = state.payload.tint;
        self.apply_direction();
    }

    fn draws_unselected(ctx: &DrawContext) -> bool {
        // Zoomed far out, or where many edges reach the view, the canvas draws every
        // unselected edge itself in one batch, so egui_graphs visits only the selected
        // ones.
        let batched = ctx
            .ctx
            .data(|data| data.get_temp::<bool>(far::edges_batched_id()))
            .unwrap_or(false);
        !batched && ctx.meta.zoom >= FAR_ZOOM
    }

    fn may_show(&self, start: Pos2, end: Pos2, ctx: &DrawContext) -> bool {
        reaches_view(
            ctx.meta.canvas_to_screen_pos(start),
            ctx.meta.canvas_to_screen_pos(end),
            ctx,
        )
    }

    fn is_drawn(&self, _ctx: &DrawContext) -> bool {
        // Where unselected edges are batched (`GraphCanvas::far_edges`), egui_graphs
        // visits only the selected ones (`draws_unselected`).
        !self.hidden
    }

    fn is_inside(&self, start: &DisplayNodeOf, end: &DisplayNodeOf, pos: Pos2) -> bool {
        !self.hidden
            && DisplayEdge::<NodePayload, EdgePayload, Directed, DefaultIx, KindNodeShape>::is_inside(
                &self.inner,
                start,
                end,
                pos,
            )
    }

    fn extends_bounds(&self) -> bool {
        // A straight edge lies between its ends, inside the nodes' bounds.
        !self.hidden && (self.self_loop || self.inner.order > 0)
    }

    fn extra_bounds(&self, start: &DisplayNodeOf, end: &DisplayNodeOf) -> Option<(Pos2, Pos2)> {
        DisplayEdge::<NodePayload, EdgePayload, Directed, DefaultIx, KindNodeShape>::extra_bounds(
            &self.inner,
            start,
            end,
        )
    }
}
