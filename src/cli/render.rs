//! `backchannel render`: a figure of a dataset, with no window.

use std::io::Write;
use std::path::PathBuf;

use super::{resolve_node, with_model};
use crate::export::{
    Background, FigureFormat, PngSize, RenderRequest, SceneOptions, render_scene, write_figure,
};
use crate::model::NodeKind;
use crate::view::LayoutKind;

/// The command line of `render`, before checking.
#[derive(Debug, Clone)]
pub struct RenderSettings {
    /// Output path.
    pub output: PathBuf,
    /// Focus node.
    pub focus: Option<String>,
    /// Hops around the focus.
    pub hops: u8,
    /// Kinds to show.
    pub kinds: Vec<String>,
    /// Layout name.
    pub layout: String,
    /// Force layout seed.
    pub seed: u64,
    /// Width in pixels.
    pub width: Option<u32>,
    /// PNG scale.
    pub scale: f32,
    /// Title.
    pub title: Option<String>,
    /// Caption of sources.
    pub caption: bool,
    /// Background name.
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
