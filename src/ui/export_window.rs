//! File > Export figure: the shown graph as PNG or SVG, or to the clipboard.

use std::path::PathBuf;

use egui::Ui;

use super::state::Document;
use super::style::outcome_label;
use crate::export::{
    Background, ColourLegend, FigureFormat, GraphLook, PngSize, Scene, SceneOptions, svg_to_rgba,
    to_svg, write_figure,
};
use crate::view::colouring::ColourBy;

/// The export window's fields, kept while the app runs.
#[derive(Debug, Clone)]
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
        }
    }
}

impl ExportState {
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

/// The scene of what the window shows: the shown nodes and edges at their places, sized,
/// dimmed and highlighted as on screen.
pub fn document_scene(document: &Document, options: &SceneOptions) -> Scene {
    let canvas = &document.canvas;
    let (highlighted_nodes, highlighted_edges) = canvas.highlighted();
    let heading = format!("Colour: {}", document.doc.colour_by.title());
    let look = GraphLook {
        visibility: canvas.visibility(),
        positions: canvas.positions(),
        fills: Some(canvas.fills()),
        colour_legend: (document.doc.colour_by != ColourBy::Kind).then_some(ColourLegend {
            heading: &heading,
            entries: &document.colours.legend,
        }),
        scales: Some(canvas.scales()),
        highlighted_nodes: &highlighted_nodes,
        highlighted_edges: &highlighted_edges,
    };
    Scene::build(&document.doc.loaded.model, look, options)
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
    ui.horizontal(|ui| {
        if ui.button("Export").clicked() {
            state.message = Some(export(state, document));
        }
        if ui.button("Copy figure to clipboard").clicked() {
            state.message = Some(copy(state, document));
        }
    });
    outcome_label(ui, state.message.as_ref());
}

fn export(state: &ExportState, document: &Document) -> (bool, String) {
    let path = PathBuf::from(state.path.trim());
    if FigureFormat::of(&path).is_none() {
        return (
            false,
            format!(
                "{}: give a file name ending in .png or .svg",
                path.display()
            ),
        );
    }
    let scene = document_scene(document, &state.options());
    let inputs = crate::interchange::input_files(
        std::path::Path::new(&document.doc.loaded.file),
        &document.doc.loaded.model,
    );
    match write_figure(&scene, &path, state.size(), &inputs) {
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
}

fn copy(state: &ExportState, document: &Document) -> (bool, String) {
    let scene = document_scene(document, &state.options());
    let (width, height, pixels) =
        match svg_to_rgba(&to_svg(&scene, false), scene.width, state.size()) {
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
}
