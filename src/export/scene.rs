//! The scene: everything a figure shows, placed in figure pixels (at scale 1) — nodes with
//! their shapes, colours and labels, edges with arrows, a title, a legend of the kinds and
//! relations shown, and a caption of the articles behind the edges. The SVG is written
//! from it and the PNG rasterised from that SVG, and both use the shapes and colours the
//! window draws with (`view::style`), so screen, SVG and PNG agree.

use crate::view::colouring::LegendEntry;

use std::collections::BTreeMap;

use crate::model::{Model, NodeKind, Relation};
use crate::view::Visibility;
use crate::view::labels::shown_labels;
use crate::view::style::{Dash, EdgeStyle, LABEL_FONT_SIZE, NODE_RADIUS, Rgb, kind_rgb};

use super::edges::place_edges;
use super::font::text_size;
use super::legend::{LegendFlow, place_caption, place_legend};

/// Space around everything, in pixels.
pub const MARGIN: f32 = 24.0;
/// Font size of the title.
pub const TITLE_SIZE: f32 = 22.0;
/// Font size of the legend and caption.
pub const SMALL_SIZE: f32 = 13.0;
/// Least figure width, so the legend has room.
pub const MIN_WIDTH: f32 = 640.0;

/// The figure's background.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Background {
    /// White, for print.
    #[default]
    White,
    /// None: the page shows through.
    Transparent,
    /// Dark grey, for slides.
    Dark,
}

impl Background {
    /// Parses `white`, `transparent` or `dark`.
    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "white" => Some(Self::White),
            "transparent" => Some(Self::Transparent),
            "dark" => Some(Self::Dark),
            _ => None,
        }
    }

    /// The colour of text on it.
    pub fn text_rgb(self) -> Rgb {
        match self {
            Self::Dark => [235, 235, 235],
            _ => [20, 20, 20],
        }
    }
}

/// What a figure shows besides the graph.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SceneOptions {
    /// A title above the graph.
    pub title: Option<String>,
    /// List the articles that support the visible edges below the legend.
    pub caption: bool,
    /// The background.
    pub background: Background,
    /// Write each edge's relation along it.
    pub relation_names: bool,
}

/// A node as drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct SceneNode {
    /// Its id.
    pub id: String,
    /// Its label.
    pub label: String,
    /// Its kind (shape and colour).
    pub kind: NodeKind,
    /// Its centre.
    pub center: [f32; 2],
    /// Radius of the circle its shape fits in.
    pub radius: f32,
    /// Fill colour.
    pub fill: Rgb,
    /// Drawn faintly.
    pub dimmed: bool,
    /// Outlined in red (on a highlighted path, or selected).
    pub highlighted: bool,
    /// Where the label's text starts (left, baseline) and its size.
    pub label_origin: [f32; 2],
    /// Width and height of the label text.
    pub label_size: [f32; 2],
    /// Whether the label is drawn: a label that would overlap a more important one (or
    /// another node) is left out whole rather than drawn cut.
    pub label_shown: bool,
}

/// An edge as drawn: a line or a curve (parallel edges) from `start` to `end` with an
/// arrowhead at `end`.
#[derive(Debug, Clone, PartialEq)]
pub struct SceneEdge {
    /// Its id.
    pub id: String,
    /// Its relation.
    pub relation: Relation,
    /// Where it leaves the source's outline.
    pub start: [f32; 2],
    /// Where it meets the target's outline.
    pub end: [f32; 2],
    /// Control point of a quadratic curve, for parallel edges and self-loops.
    pub control: Option<[f32; 2]>,
    /// The arrowhead's three corners; `None` for an undirected edge.
    pub arrow: Option<[[f32; 2]; 3]>,
    /// Colour.
    pub stroke: Rgb,
    /// How the line is broken (by relation; solid when highlighted).
    pub dash: Dash,
    /// Line width.
    pub width: f32,
    /// Where its relation's name is written, when figures name relations: the centre of
    /// the text and its angle in degrees (turned to read left to right).
    pub name_at: Option<([f32; 2], f32)>,
}

/// A legend entry for a relation: its line sample and its name with its count.
#[derive(Debug, Clone, PartialEq)]
pub struct LegendRelation {
    /// The relation.
    pub relation: Relation,
    /// How its edges are drawn.
    pub style: EdgeStyle,
    /// Centre of its line sample.
    pub marker: [f32; 2],
    /// Its name and count, placed.
    pub text: SceneText,
}

/// A line of text placed in the figure.
#[derive(Debug, Clone, PartialEq)]
pub struct SceneText {
    /// The text.
    pub text: String,
    /// Left end of its baseline.
    pub origin: [f32; 2],
    /// Font size.
    pub size: f32,
}

/// A legend entry for a kind: its marker and name.
#[derive(Debug, Clone, PartialEq)]
pub struct LegendKind {
    /// The kind.
    pub kind: NodeKind,
    /// The marker's fill: the kind's colour, or grey when nodes are coloured otherwise.
    pub fill: Rgb,
    /// Centre of its marker.
    pub marker: [f32; 2],
    /// Its name, placed.
    pub text: SceneText,
}

/// A legend entry for a colour: its swatch and the value it stands for.
#[derive(Debug, Clone, PartialEq)]
pub struct LegendSwatch {
    /// The colour.
    pub rgb: Rgb,
    /// Centre of its swatch.
    pub marker: [f32; 2],
    /// The value and its count, placed.
    pub text: SceneText,
}

/// What the nodes are coloured by, for the legend: a heading and the values.
#[derive(Debug, Clone, Copy)]
pub struct ColourLegend<'a> {
    /// "Colour: modularity_class".
    pub heading: &'a str,
    /// The values, most common first.
    pub entries: &'a [LegendEntry],
}

/// Edges coloured by something other than their relation (who said it): each model
/// edge's colour, and what the colours stand for.
#[derive(Debug, Clone, Copy)]
pub struct EdgeColours<'a> {
    /// The colour of every model edge.
    pub rgb: &'a [Rgb],
    /// "Relations coloured by who said it:" and the values.
    pub legend: ColourLegend<'a>,
}

/// Width of a relation's line sample in the legend.
pub const RELATION_MARKER_WIDTH: f32 = 26.0;

/// The most colour values a figure's legend lists.
pub const MAX_LEGEND_COLOURS: usize = 13;

/// Decides which nodes' labels a figure draws (see [`shown_labels`]): highlighted nodes
/// first, then the most connected, ties by model order.
fn choose_labels(
    model: &Model,
    look: GraphLook<'_>,
    nodes: &mut [SceneNode],
    index_of: &BTreeMap<usize, usize>,
) {
    let mut degree = vec![0usize; nodes.len()];
    for (edge, _) in model
        .edges
        .iter()
        .zip(&look.visibility.edges)
        .filter(|(_, shown)| **shown)
    {
        for end in [&edge.source, &edge.target] {
            if let Some(slot) = model
                .node_position(end)
                .and_then(|position| index_of.get(&position))
                .and_then(|&index| degree.get_mut(index))
            {
                *slot += 1;
            }
        }
    }
    let mut order: Vec<usize> = (0..nodes.len()).collect();
    order.sort_by_key(|&index| {
        let highlighted = nodes.get(index).is_some_and(|n| n.highlighted);
        (
            !highlighted,
            std::cmp::Reverse(degree.get(index).copied()),
            index,
        )
    });
    let centres: Vec<[f32; 2]> = nodes.iter().map(|n| n.center).collect();
    let extents: Vec<[f32; 4]> = nodes
        .iter()
        .map(|n| {
            [
                n.label_origin[0] - 3.0 - n.center[0],
                n.label_origin[1] - LABEL_FONT_SIZE - n.center[1],
                n.label_origin[0] + n.label_size[0] + 3.0 - n.center[0],
                n.label_origin[1] + 5.0 - n.center[1],
            ]
        })
        .collect();
    let shown = shown_labels(&centres, &extents, NODE_RADIUS, &order);
    for (node, shown) in nodes.iter_mut().zip(shown) {
        node.label_shown = shown;
    }
}

/// Everything a figure shows, in pixels at scale 1.
#[derive(Debug, Clone, PartialEq)]
pub struct Scene {
    /// Width of the figure.
    pub width: f32,
    /// Height of the figure.
    pub height: f32,
    /// The background.
    pub background: Background,
    /// The title, if any.
    pub title: Option<SceneText>,
    /// Edges, drawn first.
    pub edges: Vec<SceneEdge>,
    /// Nodes, drawn over the edges, in model order.
    pub nodes: Vec<SceneNode>,
    /// The kinds shown.
    pub legend_kinds: Vec<LegendKind>,
    /// The colours shown, when nodes are not coloured by kind: a heading, then swatches.
    pub legend_colours: Vec<LegendSwatch>,
    /// The heading of `legend_colours`.
    pub legend_colour_heading: Option<SceneText>,
    /// "Relations (arrow from subject to object):", before the relations shown.
    pub legend_relation_heading: Option<SceneText>,
    /// The relations shown, each with its line style and count.
    pub legend_relations: Vec<LegendRelation>,
    /// The heading of `legend_edge_colours`, when edges are coloured by who said it.
    pub legend_edge_colour_heading: Option<SceneText>,
    /// What the edge colours stand for, each with its count among the shown edges.
    pub legend_edge_colours: Vec<LegendSwatch>,
    /// The sources, as wrapped lines ("Sources:" first).
    pub caption: Vec<SceneText>,
    /// Width an SVG viewer should show the figure at (the drawing scales); `None`: its
    /// own width.
    pub display_width: Option<f32>,
}

/// What the graph looks like: per model node and edge, as the window shows it.
#[derive(Debug, Clone, Copy)]
pub struct GraphLook<'a> {
    /// What is shown and dimmed.
    pub visibility: &'a Visibility,
    /// Canvas position of every node.
    pub positions: &'a [[f32; 2]],
    /// Fill of every node, or `None` for kind colours.
    pub fills: Option<&'a [Rgb]>,
    /// What the fills stand for, when not for kinds.
    pub colour_legend: Option<ColourLegend<'a>>,
    /// Size factor of every node (by a measure), or `None` for all alike.
    pub scales: Option<&'a [f32]>,
    /// Nodes outlined in red.
    pub highlighted_nodes: &'a [usize],
    /// Edges drawn in red.
    pub highlighted_edges: &'a [usize],
    /// What node labels say.
    pub label_by: &'a crate::view::label_by::LabelBy,
    /// Edge colours, when not by relation.
    pub edge_colours: Option<EdgeColours<'a>>,
}

impl Scene {
    /// Places the shown graph of `model`, as `look` says, with a title, legend and
    /// caption. Canvas units become pixels at scale 1; the graph is moved so that every
    /// node and every label lies inside the figure.
    pub fn build(model: &Model, look: GraphLook<'_>, options: &SceneOptions) -> Self {
        let (mut nodes, index_of) = scene_nodes(model, look);
        choose_labels(model, look, &mut nodes, &index_of);

        // Bounds of every node and drawn label, then move the graph to the figure's origin.
        let (min, max) = bounds(&nodes);
        let graph_size = [max[0] - min[0], max[1] - min[1]];
        let title = options
            .title
            .as_ref()
            .filter(|t| !t.trim().is_empty())
            .map(|text| {
                let size = text_size(text, TITLE_SIZE);
                (text.clone(), size)
            });
        let title_height = title.as_ref().map_or(0.0, |(_, size)| size[1] + 12.0);

        // Legend and caption texts, to size the figure.
        let kinds: Vec<NodeKind> = NodeKind::ALL
            .iter()
            .copied()
            .filter(|k| nodes.iter().any(|n| n.kind == *k))
            .collect();
        let widest_title = title.as_ref().map_or(0.0, |(_, size)| size[0]);
        let width = (graph_size[0] + 2.0 * MARGIN)
            .max(MIN_WIDTH)
            .max(widest_title + 2.0 * MARGIN);
        let offset = [
            MARGIN + (width - 2.0 * MARGIN - graph_size[0]) / 2.0 - min[0],
            MARGIN + title_height - min[1],
        ];
        for node in &mut nodes {
            node.center = [node.center[0] + offset[0], node.center[1] + offset[1]];
            node.label_origin = [
                node.label_origin[0] + offset[0],
                node.label_origin[1] + offset[1],
            ];
        }

        let edges = place_edges(model, look, &nodes, &index_of, options.relation_names);

        let mut y = MARGIN + title_height + graph_size[1] + 20.0;
        let line_height = SMALL_SIZE * 1.5;
        let flow = LegendFlow {
            x: MARGIN,
            y,
            right: width - MARGIN,
            line_height,
        };
        let legend = place_legend(model, look, kinds, flow, width);
        y = legend.bottom;
        let mut caption = Vec::new();
        if options.caption {
            (caption, y) = place_caption(model, &look.visibility.edges, y, width);
        }
        let height = y + MARGIN;
        let title = title.map(|(text, size)| SceneText {
            text,
            origin: [(width - size[0]) / 2.0, MARGIN + TITLE_SIZE * 0.9],
            size: TITLE_SIZE,
        });
        Self {
            width: width.ceil(),
            height: height.ceil(),
            background: options.background,
            title,
            edges,
            nodes,
            legend_kinds: legend.kinds,
            legend_colours: legend.colours,
            legend_colour_heading: legend.colour_heading,
            legend_relation_heading: legend.relation_heading,
            legend_relations: legend.relations,
            legend_edge_colour_heading: legend.edge_colour_heading,
            legend_edge_colours: legend.edge_colours,
            caption,
            display_width: None,
        }
    }
}

/// The shown nodes of `model` placed where `look` puts them, with their labels below
/// them, and each model position's index among them.
fn scene_nodes(model: &Model, look: GraphLook<'_>) -> (Vec<SceneNode>, BTreeMap<usize, usize>) {
    let shown = |node: usize| look.visibility.nodes.get(node).copied().unwrap_or(false);
    let mut nodes: Vec<SceneNode> = Vec::new();
    let mut index_of = BTreeMap::new();
    for (position, node) in model.nodes.iter().enumerate().filter(|(p, _)| shown(*p)) {
        let center = look.positions.get(position).copied().unwrap_or([0.0, 0.0]);
        let scale = look
            .scales
            .and_then(|s| s.get(position))
            .copied()
            .unwrap_or(1.0);
        let radius = NODE_RADIUS * scale.clamp(0.3, 4.0);
        let label = crate::view::label_by::node_label(model, position, look.label_by);
        let label_size = text_size(&label, LABEL_FONT_SIZE);
        index_of.insert(position, nodes.len());
        nodes.push(SceneNode {
            id: node.id.clone(),
            label: label.into_owned(),
            kind: node.kind,
            center,
            radius,
            fill: look
                .fills
                .and_then(|fills| fills.get(position))
                .copied()
                .unwrap_or_else(|| kind_rgb(node.kind)),
            dimmed: look
                .visibility
                .dimmed_nodes
                .get(position)
                .copied()
                .unwrap_or(false),
            highlighted: look.highlighted_nodes.contains(&position),
            label_origin: [
                center[0] - label_size[0] / 2.0,
                center[1] + radius + 3.0 + LABEL_FONT_SIZE,
            ],
            label_size,
            label_shown: true,
        });
    }
    (nodes, index_of)
}

/// The corners of the box around every node and every drawn label.
fn bounds(nodes: &[SceneNode]) -> ([f32; 2], [f32; 2]) {
    let (mut min, mut max) = ([f32::MAX; 2], [f32::MIN; 2]);
    for node in nodes {
        let boxes = [
            [
                node.center[0] - node.radius * 1.2,
                node.center[1] - node.radius * 1.2,
            ],
            [
                node.center[0] + node.radius * 1.2,
                node.center[1] + node.radius * 1.2,
            ],
            [
                node.label_origin[0] - 3.0,
                node.label_origin[1] - LABEL_FONT_SIZE,
            ],
            [
                node.label_origin[0] + node.label_size[0] + 3.0,
                node.label_origin[1] + 5.0,
            ],
        ];
        let drawn = if node.label_shown { 4 } else { 2 };
        for point in boxes.into_iter().take(drawn) {
            for axis in 0..2 {
                min[axis] = min[axis].min(point[axis]);
                max[axis] = max[axis].max(point[axis]);
            }
        }
    }
    if nodes.is_empty() {
        (min, max) = ([0.0, 0.0], [0.0, 0.0]);
    }
    (min, max)
}
