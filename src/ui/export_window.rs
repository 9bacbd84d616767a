//! File > Export figure: the shown graph as PNG or SVG, or to the clipboard.

use std::path::PathBuf;

use egui::Ui;

use super::state::Document;
use super::style::outcome_label;
use crate::background::{Job, Outcome};
use crate::export::{
    Background, ColourLegend, EDGE_COLOUR_HEADING, EdgeColours, FigureFormat, GraphLook, PngSize,
    Scene, SceneOptions, svg_to_rgba, to_svg, write_figure,
};
use crate::view::colouring::ColourBy;

/// The export window's fields, kept while the app runs.
#[derive(Debug)]
pub struct ExportState {
    /// Where to write (.png or .svg).
    pub path: String,
    /// PNG size by width in pixels instead of by scale.
    pub by_width: bool,
    /// PNG scale, 1 to 4.
    pub scale: f32,
    /// PNG width in pixels.
    pub width: u32,
    /// Background.
    pub background: Background,
    /// Title; empty for none.
    pub title: String,
    /// List the sources below the legend.
    pub caption: bool,
    /// Write each edge's relation along it.
    pub relation_names: bool,
    /// The outcome of the last action.
    pub message: Option<(bool, String)>,
    /// The figure being written on a worker, while it is (a figure of 100,000 nodes
    /// takes seconds to draw).
    job: Option<Job<(bool, String)>>,
}

impl Default for ExportState {
    fn default() -> Self {
        Self {
            path: "figure.png".to_owned(),
            by_width: false,
            scale: 2.0,
            width: 2400,
            background: Background::White,
            title: String::new(),
            caption: true,
            relation_names: false,
            message: None,
            job: None,
        }
    }
}

impl ExportState {
    /// Whether a figure is being written or copied.
    pub fn is_running(&self) -> bool {
        self.job.is_some()
    }

    /// Takes the outcome of the figure being written, once it is.
    fn poll(&mut self) {
        if let Some(outcome) = figure_outcome(&mut self.job) {
            self.message = Some(outcome);
        }
    }

    fn size(&self) -> PngSize {
        if self.by_width {
            PngSize::Width(self.width)
        } else {
            PngSize::Scale(self.scale)
        }
    }

    fn options(&self) -> SceneOptions {
        SceneOptions {
            title: (!self.title.trim().is_empty()).then(|| self.title.trim().to_owned()),
            caption: self.caption,
            background: self.background,
            relation_names: self.relation_names,
        }
    }
}

/// The outcome of the figure `job` writes, once it has (the job is then dropped); `None`
/// while it runs or when there is none.
pub(super) fn figure_outcome(job: &mut Option<Job<(bool, String)>>) -> Option<(bool, String)> {
    let outcome = match job.as_ref()?.poll() {
        Outcome::Running => return None,
        Outcome::Done(outcome) => outcome,
        Outcome::Failed => (
            false,
            "Drawing the figure stopped on an internal error; nothing was written.".to_owned(),
        ),
    };
    *job = None;
    Some(outcome)
}

/// The scene of what the window shows: the shown nodes and edges at their places, sized,
/// dimmed and highlighted as on screen.
pub fn document_scene(document: &Document, options: &SceneOptions) -> Scene {
    SceneInputs::of(document, false).scene(&document.doc.loaded.model, options)
}

/// What a figure of the window's graph is built from, owned, so that a worker can build
/// it (at 100,000 nodes building the scene takes a second and a half).
pub struct SceneInputs {
    /// The model, when it is shared with a worker (an edit meanwhile copies it).
    model: Option<std::sync::Arc<crate::model::Model>>,
    visibility: crate::view::Visibility,
    positions: Vec<[f32; 2]>,
    fills: Vec<crate::view::style::Rgb>,
    scales: Vec<f32>,
    highlighted_nodes: Vec<usize>,
    highlighted_edges: Vec<usize>,
    /// The colour legend's heading and entries, when nodes are not coloured by kind.
    legend: Option<(String, Vec<crate::view::colouring::LegendEntry>)>,
    /// What node labels say.
    label_by: crate::view::label_by::LabelBy,
    /// Every edge's colour and the legend of the shown ones, when not by relation.
    edge_colours: Option<(
        Vec<crate::view::style::Rgb>,
        Vec<crate::view::colouring::LegendEntry>,
    )>,
}

impl SceneInputs {
    /// What `document` shows; with `share_model`, its model too (shared, not copied).
    pub fn of(document: &Document, share_model: bool) -> Self {
        let canvas = &document.canvas;
        let (highlighted_nodes, highlighted_edges) = canvas.highlighted();
        Self {
            model: share_model.then(|| std::sync::Arc::clone(&document.doc.loaded.model)),
            visibility: canvas.visibility().clone(),
            positions: canvas.positions().to_vec(),
            fills: canvas.fills().to_vec(),
            scales: canvas.scales().to_vec(),
            highlighted_nodes,
            highlighted_edges,
            label_by: document.doc.label_by.clone(),
            edge_colours: crate::view::edge_colour::edge_colours(
                &document.doc.loaded.model,
                document.doc.edge_colour_by,
                &canvas.visibility().edges,
            ),
            legend: (document.doc.colour_by != ColourBy::Kind).then(|| {
                (
                    format!("Colour: {}", document.doc.colour_by.title()),
                    document.colours.legend.clone(),
                )
            }),
        }
    }

    /// The scene of `model` as these inputs show it.
    fn scene(&self, model: &crate::model::Model, options: &SceneOptions) -> Scene {
        let look = GraphLook {
            visibility: &self.visibility,
            positions: &self.positions,
            fills: Some(&self.fills),
            colour_legend: self
                .legend
                .as_ref()
                .map(|(heading, entries)| ColourLegend { heading, entries }),
            scales: Some(&self.scales),
            highlighted_nodes: &self.highlighted_nodes,
            highlighted_edges: &self.highlighted_edges,
            label_by: &self.label_by,
            edge_colours: self
                .edge_colours
                .as_ref()
                .map(|(rgb, entries)| EdgeColours {
                    rgb,
                    legend: ColourLegend {
                        heading: EDGE_COLOUR_HEADING,
                        entries,
                    },
                }),
        };
        Scene::build(model, look, options)
    }

    /// The scene of the shared model.
    pub fn owned_scene(&self, options: &SceneOptions) -> Option<Scene> {
        self.model.as_ref().map(|model| self.scene(model, options))
    }
}

/// Shows the window; returns false when the user closed it.
pub fn export_window_ui(ctx: &egui::Context, state: &mut ExportState, document: &Document) -> bool {
    let mut open = true;
    egui::Window::new("Export figure")
        .id(egui::Id::new("export-figure"))
        .open(&mut open)
        .collapsible(false)
        .default_width(460.0)
        .show(ctx, |ui| form_ui(ui, state, document));
    state.poll();
    if state.is_running() {
        ctx.request_repaint_after(std::time::Duration::from_millis(100));
    }
    open
}

fn form_ui(ui: &mut Ui, state: &mut ExportState, document: &Document) {
    ui.label("The shown graph, whole (never cut at the border), with a legend of the kinds and relations shown.");
    ui.horizontal(|ui| {
        ui.label("File");
        ui.add(
            egui::TextEdit::singleline(&mut state.path)
                .desired_width(280.0)
                .hint_text("figure.png or figure.svg"),
        );
        if ui.button("Choose…").clicked()
            && let Some(path) = rfd::FileDialog::new()
                .add_filter("PNG image", &["png"])
                .add_filter("SVG drawing", &["svg"])
                .set_file_name("figure.png")
                .save_file()
        {
            state.path = path.display().to_string();
        }
    });
    ui.horizontal(|ui| {
        ui.label("PNG size");
        ui.radio_value(&mut state.by_width, false, "scale");
        ui.add_enabled(
            !state.by_width,
            egui::Slider::new(&mut state.scale, 1.0..=4.0)
                .step_by(0.5)
                .suffix("×"),
        );
        ui.radio_value(&mut state.by_width, true, "width");
        ui.add_enabled(
            state.by_width,
            egui::DragValue::new(&mut state.width)
                .range(16..=crate::export::MAX_WIDTH)
                .suffix(" px"),
        );
    });
    ui.horizontal(|ui| {
        ui.label("Background");
        ui.radio_value(&mut state.background, Background::White, "white");
        ui.radio_value(
            &mut state.background,
            Background::Transparent,
            "transparent",
        );
        ui.radio_value(&mut state.background, Background::Dark, "dark");
    });
    ui.horizontal(|ui| {
        ui.label("Title");
        ui.add(
            egui::TextEdit::singleline(&mut state.title)
                .desired_width(320.0)
                .hint_text("optional"),
        );
    });
    ui.checkbox(
        &mut state.caption,
        "Caption: the articles that support the shown edges",
    );
    ui.checkbox(&mut state.relation_names, "Relation names along the edges");
    if state.is_running() {
        ui.horizontal(|ui| {
            ui.spinner();
            ui.label("Drawing the figure…");
        });
        return;
    }
    ui.horizontal(|ui| {
        if ui.button("Export").clicked() {
            start(state, export(state, document));
        }
        if ui.button("Copy figure to clipboard").clicked() {
            start(state, copy(state, document));
        }
    });
    outcome_label(ui, state.message.as_ref());
}

/// Draws and writes (or copies) the figure on a worker; the window's thread builds only
/// the scene, from what it shows.
fn start(state: &mut ExportState, work: Result<Work, String>) {
    match work {
        Ok(work) => {
            state.message = None;
            state.job = Some(Job::spawn("export a figure", work, || {}));
        }
        Err(message) => state.message = Some((false, message)),
    }
}

/// What a worker does to write or copy a figure: its outcome, as the window says it.
type Work = Box<dyn FnOnce() -> (bool, String) + Send>;

fn export(state: &ExportState, document: &Document) -> Result<Work, String> {
    let path = PathBuf::from(state.path.trim());
    if FigureFormat::of(&path).is_none() {
        return Err(format!(
            "{}: give a file name ending in .png or .svg",
            path.display()
        ));
    }
    let scene = document_scene(document, &state.options());
    let inputs = crate::interchange::input_files(
        std::path::Path::new(&document.doc.loaded.file),
        &document.doc.loaded.model,
    );
    let size = state.size();
    Ok(Box::new(move || {
        match write_figure(&scene, &path, size, &inputs) {
            Ok(()) => {
                let bytes = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
                (
                    true,
                    format!(
                        "Wrote {} ({} nodes, {} edges, {bytes} bytes).",
                        path.display(),
                        scene.nodes.len(),
                        scene.edges.len()
                    ),
                )
            }
            Err(error) => (false, error.to_string()),
        }
    }))
}

fn copy(state: &ExportState, document: &Document) -> Result<Work, String> {
    let shown = SceneInputs::of(document, true);
    let options = state.options();
    let size = state.size();
    Ok(Box::new(move || {
        let Some(scene) = shown.owned_scene(&options) else {
            return (false, "There is no graph to draw.".to_owned());
        };
        let (width, height, pixels) = match svg_to_rgba(&to_svg(&scene, false), scene.width, size) {
            Ok(image) => image,
            Err(error) => return (false, error.to_string()),
        };
        let copied = arboard::Clipboard::new().and_then(|mut clipboard| {
            clipboard.set_image(arboard::ImageData {
                width: width as usize,
                height: height as usize,
                bytes: pixels.into(),
            })
        });
        match copied {
            Ok(()) => (true, format!("Copied a {width} x {height} px image.")),
            Err(error) => (false, format!("The clipboard is not available: {error}")),
        }
    }))
}
