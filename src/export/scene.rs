//! The scene: everything a figure shows, placed in figure pixels (at scale 1) — nodes with
//! their shapes, colours and labels, edges with arrows, a title, a legend of the kinds and
//! relations shown, and a caption of the articles behind the edges. The SVG is written
//! from it and the PNG rasterised from that SVG, and both use the shapes and colours the
//! window draws with (`view::style`), so screen, SVG and PNG agree.

use crate::view::colouring::LegendEntry;

/// Marker fill of kinds in the legend when nodes are coloured by something else.
const LEGEND_GREY: Rgb = [200, 200, 200];
use std::collections::BTreeMap;

use crate::model::{Model, NodeKind, Relation, capitalised};
use crate::view::Visibility;
use crate::view::labels::shown_labels;
use crate::view::style::{
    Dash, EdgeStyle, LABEL_FONT_SIZE, NODE_RADIUS, Rgb, kind_rgb, relation_counts, relation_style,
};

use super::edges::place_edges;
use super::font::text_size;

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

/// Legend entries (a marker, then its name) placed left to right, wrapping to a new line
/// at the right margin.
struct LegendFlow {
    /// Where the next entry starts.
    x: f32,
    /// The baseline of the current line.
    y: f32,
    /// The right margin.
    right: f32,
    line_height: f32,
}

impl LegendFlow {
    /// A heading at the left margin on the line at `y` of a figure `width` wide, and the
    /// flow of entries that follows it on that line.
    fn after_heading(heading: String, y: f32, width: f32, line_height: f32) -> (SceneText, Self) {
        let heading_width = text_size(&heading, SMALL_SIZE)[0];
        let flow = Self {
            x: MARGIN + heading_width + 14.0,
            y,
            right: width - MARGIN,
            line_height,
        };
        let heading = SceneText {
            text: heading,
            origin: [MARGIN, y],
            size: SMALL_SIZE,
        };
        (heading, flow)
    }

    /// Places an entry named `name`: the centre of its marker and its placed name.
    fn place(&mut self, name: String) -> ([f32; 2], SceneText) {
        self.place_wide(name, 14.0)
    }

    /// Places an entry named `name` after a marker `marker_width` wide.
    fn place_wide(&mut self, name: String, marker_width: f32) -> ([f32; 2], SceneText) {
        let size = text_size(&name, SMALL_SIZE);
        if self.x + marker_width + 8.0 + size[0] > self.right && self.x > MARGIN {
            self.x = MARGIN;
            self.y += self.line_height;
        }
        let marker = [self.x + marker_width / 2.0, self.y - SMALL_SIZE * 0.35];
        let text = SceneText {
            text: name,
            origin: [self.x + marker_width + 6.0, self.y],
            size: SMALL_SIZE,
        };
        self.x += marker_width + 6.0 + size[0] + 18.0;
        (marker, text)
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
            (caption, y) = place_caption(model, look, y, width);
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

/// The legend below the graph, from `y` down: each kind shown, the colours (when nodes
/// are coloured by something else than kind) and each relation shown, with its count.
fn place_legend(
    model: &Model,
    look: GraphLook<'_>,
    kinds: Vec<NodeKind>,
    mut flow: LegendFlow,
    width: f32,
) -> Legend {
    let line_height = flow.line_height;
    let mut legend_kinds = Vec::new();
    for kind in kinds {
        let (marker, text) = flow.place(capitalised(kind.as_str()));
        legend_kinds.push(LegendKind {
            kind,
            fill: if look.colour_legend.is_some() {
                LEGEND_GREY
            } else {
                kind_rgb(kind)
            },
            marker,
            text,
        });
    }
    let mut y = flow.y;
    let mut legend_colours = Vec::new();
    let mut legend_colour_heading = None;
    if let Some(legend) = look.colour_legend {
        y += line_height;
        let (heading, mut flow) =
            LegendFlow::after_heading(legend.heading.to_owned(), y, width, line_height);
        legend_colour_heading = Some(heading);
        for entry in legend.entries.iter().take(MAX_LEGEND_COLOURS) {
            let (marker, text) = flow.place(format!("{} ({})", entry.value, entry.count));
            legend_colours.push(LegendSwatch {
                rgb: entry.rgb,
                marker,
                text,
            });
        }
        y = flow.y;
    }
    let relations = relation_counts(model, &look.visibility.edges);
    let mut legend_relations = Vec::new();
    let mut legend_relation_heading = None;
    if !relations.is_empty() {
        y += line_height;
        let (heading, mut flow) = LegendFlow::after_heading(
            "Relations (arrow from subject to object):".to_owned(),
            y,
            width,
            line_height,
        );
        legend_relation_heading = Some(heading);
        for (relation, count) in relations {
            let name = format!("{} ({count})", relation.words());
            let (marker, text) = flow.place_wide(name, RELATION_MARKER_WIDTH);
            legend_relations.push(LegendRelation {
                relation,
                style: relation_style(relation),
                marker,
                text,
            });
        }
        y = flow.y;
    }
    Legend {
        kinds: legend_kinds,
        colour_heading: legend_colour_heading,
        colours: legend_colours,
        relation_heading: legend_relation_heading,
        relations: legend_relations,
        bottom: y,
    }
}

/// The parts of a figure's legend, and where it ends.
struct Legend {
    kinds: Vec<LegendKind>,
    colour_heading: Option<SceneText>,
    colours: Vec<LegendSwatch>,
    relation_heading: Option<SceneText>,
    relations: Vec<LegendRelation>,
    bottom: f32,
}

/// "Sources:" and every article that supports a shown edge, wrapped to `width`, from `y`
/// down; and where the caption ends.
fn place_caption(
    model: &Model,
    look: GraphLook<'_>,
    mut y: f32,
    width: f32,
) -> (Vec<SceneText>, f32) {
    let line_height = SMALL_SIZE * 1.5;
    let mut caption = Vec::new();
    y += line_height * 1.4;
    caption.push(SceneText {
        text: "Sources:".to_owned(),
        origin: [MARGIN, y],
        size: SMALL_SIZE,
    });
    for source in sources(model, look.visibility) {
        for line in wrap(&source, SMALL_SIZE, width - 2.0 * MARGIN - 12.0) {
            y += line_height;
            caption.push(SceneText {
                text: line,
                origin: [MARGIN + 12.0, y],
                size: SMALL_SIZE,
            });
        }
    }
    // How much of what is shown rests only on unnamed sources.
    let shown: Vec<&crate::model::Edge> = model
        .edges
        .iter()
        .zip(&look.visibility.edges)
        .filter(|(_, shown)| **shown)
        .map(|(edge, _)| edge)
        .collect();
    let sources = crate::claims::attribution::SourceReader::new(model);
    let unnamed = shown
        .iter()
        .filter(|edge| {
            sources.attribution(edge) == crate::claims::attribution::Attribution::Unnamed
        })
        .count();
    if unnamed > 0 {
        let note = format!(
            "{unnamed} of {} relations shown rest only on unnamed sources.",
            shown.len()
        );
        for line in wrap(&note, SMALL_SIZE, width - 2.0 * MARGIN) {
            y += line_height;
            caption.push(SceneText {
                text: line,
                origin: [MARGIN, y],
                size: SMALL_SIZE,
            });
        }
    }
    (caption, y)
}

/// "Outlet, “Title”, date" for every article that supports a shown edge, by date then
/// title.
fn sources(model: &Model, visibility: &Visibility) -> Vec<String> {
    let mut cited: Vec<&crate::model::Article> = model
        .articles
        .iter()
        .filter(|article| {
            model
                .edges
                .iter()
                .zip(&visibility.edges)
                .any(|(edge, shown)| {
                    *shown && edge.evidence.iter().any(|r| r.article_id == article.id)
                })
        })
        .collect();
    cited.sort_by(|a, b| {
        a.published
            .cmp(&b.published)
            .then_with(|| a.title.cmp(&b.title))
    });
    cited
        .iter()
        .map(|article| {
            format!(
                "{}, “{}”, {}",
                article.outlet,
                article.title,
                article.published_human()
            )
        })
        .collect()
}

/// Splits `text` into lines no wider than `width` at `size`, at spaces (a single word
/// wider than the line stays whole on its own line).
pub fn wrap(text: &str, size: f32, width: f32) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() {
            word.to_owned()
        } else {
            format!("{line} {word}")
        };
        if !line.is_empty() && text_size(&candidate, size)[0] > width {
            lines.push(std::mem::take(&mut line));
            line = word.to_owned();
        } else {
            line = candidate;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}
