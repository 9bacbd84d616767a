//! `backchannel render`: a figure of a dataset, with no window.

use std::io::Write;
use std::path::PathBuf;

use super::{resolve_node, with_model};
use crate::export::{
    Background, FigureFormat, PngSize, RenderRequest, SceneOptions, render_scene, write_figure,
};
use crate::model::NodeKind;
use crate::view::LayoutKind;

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
    /// force, circular, kind or timeline.
    #[arg(long, default_value = "force")]
    pub layout: String,
    /// Start of the force layout; 0 gives the window's arrangement.
    #[arg(long, default_value_t = 0)]
    pub seed: u64,
    /// Width in pixels: of the PNG (16 to 8000), or the displayed width of the SVG.
    #[arg(long)]
    pub width: Option<u32>,
    /// PNG scale, 1 to 4 (when --width is not given).
    #[arg(long, default_value_t = 2.0)]
    pub scale: f32,
    /// A title above the graph.
    #[arg(long)]
    pub title: Option<String>,
    /// List the articles that support the shown edges.
    #[arg(long)]
    pub caption: bool,
    /// white, transparent or dark.
    #[arg(long, default_value = "white")]
    pub background: String,
}

/// Checks the settings, renders and writes the figure; false when something is wrong.
pub fn run_render(
    file: &std::path::Path,
    settings: RenderSettings,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<bool> {
    let mut problems = Vec::new();
    let format = FigureFormat::of(&settings.output);
    if format.is_none() {
        problems.push(format!(
            "{}: the output must end in .svg or .png",
            settings.output.display()
        ));
    }
    let layout = LayoutKind::ALL
        .iter()
        .copied()
        .find(|kind| kind.as_str() == settings.layout);
    if layout.is_none() {
        problems.push(format!(
            "unknown layout \"{}\"; expected force, circular, kind or timeline",
            settings.layout
        ));
    }
    let background = Background::parse(&settings.background);
    if background.is_none() {
        problems.push(format!(
            "unknown background \"{}\"; expected white, transparent or dark",
            settings.background
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
    if !(1.0..=4.0).contains(&settings.scale) {
        problems.push(format!("--scale {} is outside 1 to 4", settings.scale));
    }
    if let Some(width) = settings.width
        && !(16..=crate::export::MAX_WIDTH).contains(&width)
    {
        problems.push(format!(
            "--width {width} is outside 16 to {}",
            crate::export::MAX_WIDTH
        ));
    }
    if !problems.is_empty() {
        for problem in problems {
            writeln!(err, "error: {problem}")?;
        }
        return Ok(false);
    }
    let (Some(layout), Some(background)) = (layout, background) else {
        return Ok(false);
    };
    // The dataset and its articles are inputs: never written over.
    let mut inputs = vec![file.to_path_buf()];
    with_model(file, err, |model, err| {
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
        let folder = file.parent().map(PathBuf::from).unwrap_or_default();
        inputs.extend(
            model
                .articles
                .iter()
                .filter_map(|a| a.path.as_ref())
                .map(|path| folder.join(path)),
        );
        let request = RenderRequest {
            focus,
            hops: usize::from(settings.hops),
            kinds,
            layout,
            seed: settings.seed,
            room: [
                settings
                    .width
                    .map_or(1200.0, |w| (w as f32).clamp(400.0, 4000.0)),
                800.0,
            ],
            options: SceneOptions {
                title: settings.title.clone(),
                caption: settings.caption,
                background,
            },
        };
        let mut scene = render_scene(model, &request);
        let size = match (format, settings.width) {
            (Some(FigureFormat::Png), Some(width)) => PngSize::Width(width),
            _ => PngSize::Scale(settings.scale),
        };
        if let (Some(FigureFormat::Svg), Some(width)) = (format, settings.width) {
            scene.display_width = Some(width as f32);
        }
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
