//! The figure row of the positions windows: a chart (an actor's positions, the matrix)
//! written as PNG or SVG through the same pipeline as graph figures, on a worker.

use std::path::PathBuf;

use egui::Ui;

use super::state::Document;
use super::style::outcome_label;
use crate::background::Job;
use crate::export::{Background, Chart, FigureFormat, PngSize, SceneOptions, write_figure};

/// A chart figure's fields, kept while the app runs.
#[derive(Debug)]
pub struct ChartExportState {
    /// Where to write (.png or .svg).
    pub path: String,
    /// List the articles behind the stances shown.
    pub caption: bool,
    /// The outcome of the last export.
    pub message: Option<(bool, String)>,
    /// The figure being written, while it is.
    job: Option<Job<(bool, String)>>,
}

impl ChartExportState {
    /// Fields for a figure written to `path` by default.
    pub fn new(path: &str) -> Self {
        Self {
            path: path.to_owned(),
            caption: true,
            message: None,
            job: None,
        }
    }

    fn poll(&mut self) {
        if let Some(outcome) = super::export_window::figure_outcome(&mut self.job) {
            self.message = Some(outcome);
        }
    }
}

/// A row to write the chart `build` makes as a figure: file, caption, Export. The chart
/// is built here (it is small); rasterising and writing run on a worker.
pub fn chart_export_ui(
    ui: &mut Ui,
    state: &mut ChartExportState,
    document: &Document,
    build: impl FnOnce(&SceneOptions) -> Chart,
) {
    state.poll();
    ui.separator();
    ui.horizontal(|ui| {
        ui.label("Figure");
        ui.add(
            egui::TextEdit::singleline(&mut state.path)
                .desired_width(220.0)
                .hint_text("positions.png or positions.svg"),
        );
        ui.checkbox(&mut state.caption, "Sources");
        let running = state.job.is_some();
        if ui
            .add_enabled(!running, egui::Button::new("Export figure"))
            .clicked()
        {
            let path = PathBuf::from(state.path.trim());
            if FigureFormat::of(&path).is_none() {
                state.message = Some((
                    false,
                    format!(
                        "{}: give a file name ending in .png or .svg",
                        path.display()
                    ),
                ));
                return;
            }
            let options = SceneOptions {
                title: None,
                caption: state.caption,
                background: Background::White,
                relation_names: false,
            };
            let chart = build(&options);
            let inputs = crate::interchange::input_files(
                std::path::Path::new(&document.doc.loaded.file),
                &document.doc.loaded.model,
            );
            state.message = None;
            state.job = Some(Job::spawn(
                "export a chart",
                move || match write_figure(&chart, &path, PngSize::Scale(2.0), &inputs) {
                    Ok(()) => {
                        let bytes = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
                        (true, format!("Wrote {} ({bytes} bytes).", path.display()))
                    }
                    Err(error) => (false, error.to_string()),
                },
                || {},
            ));
        }
        if running {
            ui.spinner();
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_millis(100));
        }
    });
    outcome_label(ui, state.message.as_ref());
}
