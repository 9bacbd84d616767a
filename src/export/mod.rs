//! Figures for reports: the shown graph as SVG and PNG, from the window or headless.
//!
//! One [`Scene`] describes a figure; [`to_svg`] writes it and [`svg_to_png`] rasterises
//! that SVG with the font shipped in assets/, so the two always agree, and both use the
//! shapes and colours the window draws with.

mod chart;
mod edges;
mod font;
mod legend;
mod png;
mod positions;
mod scene;
mod svg;

use std::path::{Path, PathBuf};

pub use chart::{Chart, ChartShape, ChartText, Shape};
pub use font::{FONT_BYTES, FONT_FAMILY, text_size};
pub use legend::wrap;
pub use png::{MAX_WIDTH, PngError, PngSize, svg_to_png, svg_to_rgba};
pub use positions::{NO_MATRIX, NO_STANCE, matrix_chart, positions_chart, stance_rgb};
pub use scene::{
    Background, ColourLegend, EdgeColours, GraphLook, LegendKind, LegendSwatch, MAX_LEGEND_COLOURS,
    Scene, SceneEdge, SceneNode, SceneOptions, SceneText,
};
pub use svg::{FONT_STACK, escape, to_svg};

use crate::layout::ForceSettings;
use crate::model::{Model, NodeKind};
use crate::view::arrangement::{Arrangement, NodeFacts, Room, arrange_now, shown_slots};
use crate::view::colouring::{ColourBy, colouring, file_scales};
use crate::view::style::{LABEL_FONT_SIZE, NODE_RADIUS};
use crate::view::{Focus, FocusMode, LayoutKind, ViewFilter};

/// The file type of a figure, from its extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FigureFormat {
    /// `.svg`
    Svg,
    /// `.png`
    Png,
}

impl FigureFormat {
    /// The format a path's extension names, if it names one.
    pub fn of(path: &Path) -> Option<Self> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "svg" => Some(Self::Svg),
            "png" => Some(Self::Png),
            _ => None,
        }
    }
}

/// Why a figure was not written.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The extension is neither .svg nor .png.
    #[error("{0}: give a file name ending in .svg or .png")]
    UnknownFormat(String),
    /// The path is one of the files the open dataset was read from.
    #[error("{0} is an input file of the open dataset; Backchannel never overwrites it")]
    WouldOverwriteInput(String),
    /// Rasterising failed or the size is out of range.
    #[error(transparent)]
    Png(#[from] PngError),
    /// Writing failed.
    #[error("cannot write {path}: {source}")]
    Io {
        /// The path.
        path: String,
        /// The reason.
        source: std::io::Error,
    },
}

/// A figure that can be written: a graph's [`Scene`] or a [`Chart`].
pub trait Figure {
    /// The figure as SVG; with `embed_font`, the shipped font is included.
    fn svg(&self, embed_font: bool) -> String;
    /// Its width in pixels at scale 1.
    fn width(&self) -> f32;
}

impl Figure for Scene {
    fn svg(&self, embed_font: bool) -> String {
        to_svg(self, embed_font)
    }

    fn width(&self) -> f32 {
        self.width
    }
}

impl Figure for Chart {
    fn svg(&self, embed_font: bool) -> String {
        self.to_svg(embed_font)
    }

    fn width(&self) -> f32 {
        self.width
    }
}

/// The bytes of `figure` as `format`.
pub fn figure_bytes(
    figure: &dyn Figure,
    format: FigureFormat,
    size: PngSize,
) -> Result<Vec<u8>, PngError> {
    match format {
        FigureFormat::Svg => Ok(figure.svg(true).into_bytes()),
        // The PNG is drawn from the SVG without the embedded font: resvg uses the same
        // shipped font directly.
        FigureFormat::Png => svg_to_png(&figure.svg(false), figure.width(), size),
    }
}

/// Writes `figure` to `path` (format by extension) atomically, unless `path` is one of
/// `inputs` (the dataset and article files, which are never overwritten).
pub fn write_figure(
    figure: &dyn Figure,
    path: &Path,
    size: PngSize,
    inputs: &[PathBuf],
) -> Result<(), ExportError> {
    let format = FigureFormat::of(path)
        .ok_or_else(|| ExportError::UnknownFormat(path.display().to_string()))?;
    let target = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let target = target.canonicalize().unwrap_or(target);
    if inputs
        .iter()
        .any(|input| input.canonicalize().is_ok_and(|input| input == target))
    {
        return Err(ExportError::WouldOverwriteInput(path.display().to_string()));
    }
    let bytes = figure_bytes(figure, format, size)?;
    crate::atomic::write_atomically(path, &bytes).map_err(|source| ExportError::Io {
        path: path.display().to_string(),
        source,
    })
}

/// The box of a node and its label at zoom 1 (`[left, top, right, bottom]` around its
/// position), measured with the shipped font: what layouts keep apart.
pub fn label_extents(model: &Model) -> Vec<[f32; 4]> {
    model
        .nodes
        .iter()
        .map(|node| {
            let [width, height] = text_size(&node.label, LABEL_FONT_SIZE);
            let half = (width / 2.0 + 3.0).max(NODE_RADIUS * 1.2);
            [-half, -NODE_RADIUS * 1.2, half, NODE_RADIUS + 4.0 + height]
        })
        .collect()
}

/// The legend's heading of edge colours by who said it.
pub const EDGE_COLOUR_HEADING: &str = "Relations coloured by who said it:";

/// What `backchannel render` draws.
#[derive(Debug, Clone, PartialEq)]
pub struct RenderRequest {
    /// Show only this node's neighbourhood (by id).
    pub focus: Option<String>,
    /// Hops around the focus, 1 to 3.
    pub hops: usize,
    /// Show only these kinds (all when empty).
    pub kinds: Vec<NodeKind>,
    /// The layout.
    pub layout: LayoutKind,
    /// What nodes are coloured (and grouped) by.
    pub colour_by: ColourBy,
    /// What node labels say.
    pub label_by: crate::view::label_by::LabelBy,
    /// What edges are coloured by.
    pub edge_colour_by: crate::view::edge_colour::EdgeColourBy,
    /// Start of the force layout (0: the window's).
    pub seed: u64,
    /// Width of the room the layout fills, in pixels.
    pub room: [f32; 2],
    /// Title, caption and background.
    pub options: SceneOptions,
}

impl Default for RenderRequest {
    fn default() -> Self {
        Self {
            focus: None,
            hops: 1,
            kinds: Vec::new(),
            layout: LayoutKind::Force,
            colour_by: ColourBy::Kind,
            label_by: crate::view::label_by::LabelBy::Label,
            edge_colour_by: crate::view::edge_colour::EdgeColourBy::Relation,
            seed: 0,
            room: [1200.0, 800.0],
            options: SceneOptions::default(),
        }
    }
}

/// Lays out and places the graph of `model` as `request` says, with no window.
/// Deterministic: the same model and request give the same scene.
pub fn render_scene(model: &Model, request: &RenderRequest) -> Scene {
    let mut filter = ViewFilter::default();
    if !request.kinds.is_empty() {
        filter.hidden_kinds = NodeKind::ALL
            .iter()
            .copied()
            .filter(|kind| !request.kinds.contains(kind))
            .collect();
    }
    filter.focus = request.focus.as_ref().map(|node| Focus {
        node: node.clone(),
        hops: request.hops.clamp(1, 3),
        mode: FocusMode::Hide,
    });
    let visibility = filter.visibility(model);
    let slots = shown_slots(&visibility.nodes);
    let extents = label_extents(model);
    let mut positions = vec![[0.0f32, 0.0]; model.nodes.len()];
    let pinned = vec![false; model.nodes.len()];
    let room = Room { size: request.room };
    let colours = colouring(model, &request.colour_by);
    let colour_heading = format!("Colour: {}", request.colour_by.title());
    let scales = file_scales(model);
    arrange_now(
        model,
        Arrangement {
            kind: request.layout,
            slots: &slots,
            shown_edges: &visibility.edges,
            facts: NodeFacts {
                extents: &extents,
                pinned: &pinned,
                groups: &colours.groups,
            },
            room: Some(room),
            force: ForceSettings {
                seed: request.seed,
                ..ForceSettings::default()
            },
            warm: false,
        },
        &mut positions,
    );
    let edge_colours =
        crate::view::edge_colour::edge_colours(model, request.edge_colour_by, &visibility.edges);
    let look = GraphLook {
        visibility: &visibility,
        positions: &positions,
        fills: Some(&colours.fills),
        colour_legend: (request.colour_by != ColourBy::Kind).then_some(ColourLegend {
            heading: &colour_heading,
            entries: &colours.legend,
        }),
        scales: scales.as_deref(),
        highlighted_nodes: &[],
        highlighted_edges: &[],
        label_by: &request.label_by,
        edge_colours: edge_colours.as_ref().map(|(rgb, entries)| EdgeColours {
            rgb,
            legend: ColourLegend {
                heading: EDGE_COLOUR_HEADING,
                entries,
            },
        }),
    };
    Scene::build(model, look, &request.options)
}
