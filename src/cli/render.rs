//! `backchannel render`: a figure of a dataset, with no window.

use std::io::Write;
use std::path::PathBuf;

use super::{resolve_node, with_model};
use crate::export::{
    Background, FigureFormat, PngSize, RenderRequest, SceneOptions, render_scene, write_figure,
};
use crate::model::{Model, NodeKind};
use crate::view::LayoutKind;
use crate::view::colouring::{self, ColourBy};
use crate::view::edge_colour::EdgeColourBy;
use crate::view::label_by::{LabelBy, label_choices};

/// The options of `render`, as clap reads them, before checking.
#[derive(Debug, Clone, clap::Args)]
pub struct RenderSettings {
    /// The figure to write (.svg or .png); never one of the dataset's input files.
    #[arg(short, long)]
    pub output: PathBuf,
    /// Show only the neighbourhood of this node (id, or a label naming one node).
    #[arg(long)]
    pub focus: Option<String>,
    /// Hops around --focus, 1 to 3.
    #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u8).range(1..=3))]
    pub hops: u8,
    /// Show only these kinds, comma-separated (actor,mediator,meeting,demand).
    #[arg(long, value_delimiter = ',')]
    pub kinds: Vec<String>,
    /// force, circular, kind (grouped by what nodes are coloured by), timeline or file
    /// (where the graph file placed the nodes). Default: file when the file places every
    /// node, else force.
    #[arg(long)]
    pub layout: Option<String>,
    /// Colour nodes by: kind, file (the colours the graph file gives) or the name of a
    /// node attribute (e.g. modularity_class). Default: file when the file gives
    /// colours, else kind.
    #[arg(long)]
    pub colour_by: Option<String>,
    /// Label nodes by: label (the default), id, or the name of a node attribute (e.g. an
    /// airport code).
    #[arg(long)]
    pub label_by: Option<String>,
    /// Start of the force layout; 0 gives the window's arrangement.
    #[arg(long, default_value_t = 0)]
    pub seed: u64,
    /// Colour edges by: relation (the default) or source (who said it: the outlet's own
    /// reporting, a named or unnamed source, state or other media).
    #[arg(long, default_value = "relation")]
    pub edge_colour_by: String,
    /// Write each edge's relation along it.
    #[arg(long)]
    pub relation_names: bool,
    /// Size, title, caption and background.
    #[command(flatten)]
    pub look: FigureLook,
}

/// What every figure the command line writes takes: its size, title, caption and
/// background.
#[derive(Debug, Clone, clap::Args)]
pub struct FigureLook {
    /// Width in pixels: of the PNG (16 to 8000), or the displayed width of the SVG.
    #[arg(long)]
    pub width: Option<u32>,
    /// PNG scale, 1 to 4 (when --width is not given).
    #[arg(long, default_value_t = 2.0)]
    pub scale: f32,
    /// A title above the figure.
    #[arg(long)]
    pub title: Option<String>,
    /// List the articles that support what the figure shows.
    #[arg(long)]
    pub caption: bool,
    /// white, transparent or dark.
    #[arg(long, default_value = "white")]
    pub background: String,
}

impl FigureLook {
    /// The background named, and every problem with the settings (added to `problems`).
    pub fn checked(&self, problems: &mut Vec<String>) -> Option<Background> {
        let background = Background::parse(&self.background);
        if background.is_none() {
            problems.push(format!(
                "unknown background \"{}\"; expected white, transparent or dark",
                self.background
            ));
        }
        if !(1.0..=4.0).contains(&self.scale) {
            problems.push(format!("--scale {} is outside 1 to 4", self.scale));
        }
        if let Some(width) = self.width
            && !(16..=crate::export::MAX_WIDTH).contains(&width)
        {
            problems.push(format!(
                "--width {width} is outside 16 to {}",
                crate::export::MAX_WIDTH
            ));
        }
        background
    }

    /// The size of a PNG: `--width`, else `--scale`.
    pub fn png_size(&self, format: FigureFormat) -> PngSize {
        match (format, self.width) {
            (FigureFormat::Png, Some(width)) => PngSize::Width(width),
            _ => PngSize::Scale(self.scale),
        }
    }

    /// The width an SVG is shown at, when `--width` gives one.
    pub fn display_width(&self, format: FigureFormat) -> Option<f32> {
        match (format, self.width) {
            (FigureFormat::Svg, Some(width)) => Some(width as f32),
            _ => None,
        }
    }

    /// Title, caption and `background` as a figure's options.
    pub fn options(&self, background: Background, relation_names: bool) -> SceneOptions {
        SceneOptions {
            title: self.title.clone(),
            caption: self.caption,
            background,
            relation_names,
        }
    }
}

/// The format `output` names by its extension, or a problem (added to `problems`).
pub fn figure_format(output: &std::path::Path, problems: &mut Vec<String>) -> Option<FigureFormat> {
    let format = FigureFormat::of(output);
    if format.is_none() {
        problems.push(format!(
            "{}: the output must end in .svg or .png",
            output.display()
        ));
    }
    format
}

/// Checks the settings, renders and writes the figure; false when something is wrong.
pub fn run_render(
    file: &std::path::Path,
    options: &crate::interchange::ReadOptions,
    settings: RenderSettings,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<bool> {
    let CheckedSettings {
        format,
        edge_colour_by,
        layout,
        background,
        kinds,
    } = match checked_settings(&settings) {
        Ok(checked) => checked,
        Err(problems) => {
            for problem in problems {
                writeln!(err, "error: {problem}")?;
            }
            return Ok(false);
        }
    };
    with_model(file, options, err, |model, err| {
        let has_positions = colouring::file_positions(model).is_some();
        let layout = layout.unwrap_or(if has_positions {
            LayoutKind::File
        } else {
            LayoutKind::Force
        });
        if layout == LayoutKind::File && !has_positions {
            writeln!(
                err,
                "error: --layout file: {} does not give every node a position",
                file.display()
            )?;
            return Ok(false);
        }
        let Some(colour_by) = colour_by_named(model, settings.colour_by.as_deref(), err)? else {
            return Ok(false);
        };
        let Some(label_by) = label_by_named(model, settings.label_by.as_deref(), err)? else {
            return Ok(false);
        };
        let focus = match &settings.focus {
            None => None,
            Some(name) => match resolve_node(model, name) {
                Ok(position) => model.nodes.get(position).map(|node| node.id.clone()),
                Err(message) => {
                    writeln!(err, "error: {message}")?;
                    return Ok(false);
                }
            },
        };
        // The dataset and its articles are inputs: never written over.
        let inputs = crate::interchange::input_files(file, model);
        let request = RenderRequest {
            focus,
            hops: usize::from(settings.hops),
            kinds,
            layout,
            colour_by,
            label_by,
            edge_colour_by,
            seed: settings.seed,
            room: [
                settings
                    .look
                    .width
                    .map_or(1200.0, |w| (w as f32).clamp(400.0, 4000.0)),
                800.0,
            ],
            options: settings.look.options(background, settings.relation_names),
        };
        let mut scene = render_scene(model, &request);
        let size = settings.look.png_size(format);
        scene.display_width = settings.look.display_width(format);
        match write_figure(&scene, &settings.output, size, &inputs) {
            Ok(()) => {
                writeln!(
                    out,
                    "wrote {} ({} nodes, {} edges)",
                    settings.output.display(),
                    scene.nodes.len(),
                    scene.edges.len()
                )?;
                Ok(true)
            }
            Err(error) => {
                writeln!(err, "error: {error}")?;
                Ok(false)
            }
        }
    })
}

/// What the settings ask for, checked.
struct CheckedSettings {
    format: FigureFormat,
    edge_colour_by: EdgeColourBy,
    /// `None`: as the file places nodes, else force.
    layout: Option<LayoutKind>,
    background: Background,
    kinds: Vec<NodeKind>,
}

/// The settings checked, or every problem with them.
fn checked_settings(settings: &RenderSettings) -> Result<CheckedSettings, Vec<String>> {
    let mut problems = Vec::new();
    let format = figure_format(&settings.output, &mut problems);
    let layout = match &settings.layout {
        None => Some(None),
        Some(name) => {
            let found = LayoutKind::ALL
                .iter()
                .copied()
                .find(|kind| kind.as_str() == name);
            if found.is_none() {
                problems.push(format!(
                    "unknown layout \"{name}\"; expected force, circular, kind, timeline or file"
                ));
            }
            found.map(Some)
        }
    };
    let background = settings.look.checked(&mut problems);
    let edge_colour_by = EdgeColourBy::parse(&settings.edge_colour_by);
    if edge_colour_by.is_none() {
        problems.push(format!(
            "unknown --edge-colour-by \"{}\"; expected relation or source",
            settings.edge_colour_by
        ));
    }
    let mut kinds = Vec::new();
    for name in &settings.kinds {
        match NodeKind::parse(name.trim()) {
            Some(kind) => kinds.push(kind),
            None => problems.push(format!(
                "unknown kind \"{name}\"; expected one of {}",
                NodeKind::expected()
            )),
        }
    }
    match (format, layout, background, edge_colour_by) {
        (Some(format), Some(layout), Some(background), Some(edge_colour_by))
            if problems.is_empty() =>
        {
            Ok(CheckedSettings {
                format,
                edge_colour_by,
                layout,
                background,
                kinds,
            })
        }
        _ => Err(problems),
    }
}

/// What `--label-by NAME` labels by; `None` after writing the error when no node has
/// that attribute.
fn label_by_named(
    model: &Model,
    name: Option<&str>,
    err: &mut dyn Write,
) -> anyhow::Result<Option<LabelBy>> {
    let choice = match name {
        None | Some("label") => LabelBy::Label,
        Some("id") => LabelBy::Id,
        Some(name) => LabelBy::Attribute(name.to_owned()),
    };
    let choices = label_choices(model);
    if choices.contains(&choice) {
        return Ok(Some(choice));
    }
    let names: Vec<&str> = choices
        .iter()
        .filter_map(|choice| match choice {
            LabelBy::Attribute(name) => Some(name.as_str()),
            _ => None,
        })
        .collect();
    writeln!(
        err,
        "error: --label-by {}: no node has that attribute; choose label, id{}{}",
        name.unwrap_or_default(),
        if names.is_empty() { "" } else { " or one of: " },
        names.join(", ")
    )?;
    Ok(None)
}

/// What `--colour-by NAME` colours by (`None`: the model's default); `None` after
/// writing the error when no node has that attribute.
fn colour_by_named(
    model: &Model,
    name: Option<&str>,
    err: &mut dyn Write,
) -> anyhow::Result<Option<ColourBy>> {
    let colour_by = match name {
        None => colouring::default_colour_by(model),
        Some("kind") => ColourBy::Kind,
        Some("file") => ColourBy::File,
        Some(name) => {
            let choice = ColourBy::Attribute(name.to_owned());
            if !colouring::colour_choices(model).contains(&choice) {
                writeln!(
                    err,
                    "error: --colour-by {name}: no node has that attribute; choose kind, file or one of: {}",
                    colouring::colour_choices(model)
                        .iter()
                        .filter_map(|choice| match choice {
                            ColourBy::Attribute(name) => Some(name.as_str()),
                            _ => None,
                        })
                        .collect::<Vec<_>>()
                        .join(", ")
                )?;
                return Ok(None);
            }
            choice
        }
    };
    Ok(Some(colour_by))
}
