//! A figure's legend and caption, placed below the graph: the kinds, colours and
//! relations shown (entries flowing left to right, wrapping at the margin), and the
//! articles behind the shown edges.

use super::font::text_size;
use super::scene::{
    GraphLook, LegendKind, LegendRelation, LegendSwatch, MARGIN, MAX_LEGEND_COLOURS,
    RELATION_MARKER_WIDTH, SMALL_SIZE, SceneText,
};
use crate::model::{Model, NodeKind, capitalised};
use crate::view::style::{Rgb, kind_rgb, relation_counts, relation_style};

/// Marker fill of kinds in the legend when nodes are coloured by something else.
const LEGEND_GREY: Rgb = [200, 200, 200];

/// Legend entries (a marker, then its name) placed left to right, wrapping to a new line
/// at the right margin.
pub(super) struct LegendFlow {
    /// Where the next entry starts.
    pub(super) x: f32,
    /// The baseline of the current line.
    pub(super) y: f32,
    /// The right margin.
    pub(super) right: f32,
    pub(super) line_height: f32,
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
    pub(super) fn place(&mut self, name: String) -> ([f32; 2], SceneText) {
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

/// The legend below the graph, from `y` down: each kind shown, the colours (when nodes
/// are coloured by something else than kind) and each relation shown, with its count.
pub(super) fn place_legend(
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
            let mut style = relation_style(relation);
            if look.edge_colours.is_some() {
                // Coloured by who said it: the dashes alone tell the relation.
                style.rgb = crate::view::style::EDGE_RGB;
            }
            legend_relations.push(LegendRelation {
                relation,
                style,
                marker,
                text,
            });
        }
        y = flow.y;
    }
    let mut edge_colours = Vec::new();
    let mut edge_colour_heading = None;
    if let Some(colours) = look.edge_colours {
        y += line_height;
        let (heading, mut flow) =
            LegendFlow::after_heading(colours.legend.heading.to_owned(), y, width, line_height);
        edge_colour_heading = Some(heading);
        for entry in colours.legend.entries {
            let name = format!("{} ({})", entry.value, entry.count);
            let (marker, text) = flow.place_wide(name, RELATION_MARKER_WIDTH);
            edge_colours.push(LegendSwatch {
                rgb: entry.rgb,
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
        edge_colour_heading,
        edge_colours,
        bottom: y,
    }
}

/// The parts of a figure's legend, and where it ends.
pub(super) struct Legend {
    pub(super) kinds: Vec<LegendKind>,
    pub(super) colour_heading: Option<SceneText>,
    pub(super) colours: Vec<LegendSwatch>,
    pub(super) relation_heading: Option<SceneText>,
    pub(super) relations: Vec<LegendRelation>,
    pub(super) edge_colour_heading: Option<SceneText>,
    pub(super) edge_colours: Vec<LegendSwatch>,
    pub(super) bottom: f32,
}

/// "Sources:" and every article that supports a shown edge (`shown_edges`, per model
/// edge), wrapped to `width`, from `y` down, then how many of them rest only on unnamed
/// sources; and where the caption ends.
pub(super) fn place_caption(
    model: &Model,
    shown_edges: &[bool],
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
    for source in sources(model, shown_edges) {
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
        .zip(shown_edges)
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
fn sources(model: &Model, shown_edges: &[bool]) -> Vec<String> {
    let mut cited: Vec<&crate::model::Article> = model
        .articles
        .iter()
        .filter(|article| {
            model.edges.iter().zip(shown_edges).any(|(edge, shown)| {
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
