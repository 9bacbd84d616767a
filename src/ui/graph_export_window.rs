//! File > Export graph: the open dataset in another tool's format (GEXF, GraphML,
//! node-link JSON, CSV, DOT) or in ours, as `backchannel convert` writes it.

use std::path::{Path, PathBuf};

use egui::{RichText, Ui};

use super::state::Document;
use super::style::outcome_label;
use crate::interchange::{self, GraphFormat};

/// The graph export window's fields, kept while the app runs.
#[derive(Debug, Clone)]
pub struct GraphExportState {
    /// Where to write.
    pub path: String,
    /// The format.
    pub format: GraphFormat,
    /// The outcome of the last export: success, and what to say.
    pub message: Option<(bool, String)>,
}

impl Default for GraphExportState {
    fn default() -> Self {
        Self {
            path: "graph.gexf".to_owned(),
            format: GraphFormat::Gexf,
            message: None,
        }
    }
}

/// Shows the window; returns false when the user closed it.
pub fn graph_export_window_ui(
    ctx: &egui::Context,
    state: &mut GraphExportState,
    document: &Document,
) -> bool {
    let mut open = true;
    egui::Window::new("Export graph")
        .id(egui::Id::new("export-graph"))
        .open(&mut open)
        .collapsible(false)
        .default_width(460.0)
        .show(ctx, |ui| form_ui(ui, state, document));
    open
}

/// `path` with its extension changed to `format`'s (CSV keeps `NAME.csv`).
fn with_extension(path: &str, format: GraphFormat) -> String {
    let extension = format.extensions().first().copied().unwrap_or("txt");
    Path::new(path.trim())
        .with_extension(extension)
        .display()
        .to_string()
}

fn form_ui(ui: &mut Ui, state: &mut GraphExportState, document: &Document) {
    ui.label(
        "The whole dataset, for Gephi, Cytoscape, networkx or Graphviz. Kinds, relations, \
         evidence and the articles travel with it as extra attributes those tools keep, so \
         opening the file again in Backchannel loses nothing.",
    );
    ui.horizontal(|ui| {
        ui.label("Format");
        egui::ComboBox::from_id_salt("graph-export-format")
            .selected_text(state.format.name())
            .show_ui(ui, |ui| {
                for format in GraphFormat::WRITTEN {
                    if ui
                        .selectable_value(&mut state.format, format, format.name())
                        .changed()
                    {
                        state.path = with_extension(&state.path, format);
                    }
                }
            });
    });
    ui.horizontal(|ui| {
        ui.label("File");
        ui.add(egui::TextEdit::singleline(&mut state.path).desired_width(300.0));
        if ui.button("Choose…").clicked()
            && let Some(path) = rfd::FileDialog::new()
                .add_filter(state.format.name(), state.format.extensions())
                .set_file_name(state.path.trim())
                .save_file()
        {
            state.path = path.display().to_string();
        }
    });
    if state.format == GraphFormat::Csv {
        ui.label(
            RichText::new("Writes NAME.csv (edges), NAME.nodes.csv and NAME.dataset.json.").weak(),
        );
    }
    if ui.button("Export").clicked() {
        state.message = Some(export(state, document));
    }
    outcome_label(ui, state.message.as_ref());
}

/// Writes the open dataset as `state` says; what to tell the user.
pub fn export(state: &GraphExportState, document: &Document) -> (bool, String) {
    let path = PathBuf::from(state.path.trim());
    if path.as_os_str().is_empty() {
        return (false, "Give a file name.".to_owned());
    }
    let model = &document.doc.loaded.model;
    let inputs = interchange::input_files(Path::new(&document.doc.loaded.file), model);
    match interchange::write_graph(model, state.format, &path, &inputs) {
        Ok(written) => (
            true,
            format!(
                "Wrote {} ({}: {} nodes, {} edges, {} articles).",
                written
                    .iter()
                    .map(|path| path.display().to_string())
                    .collect::<Vec<_>>()
                    .join(", "),
                state.format.name(),
                model.nodes.len(),
                model.edges.len(),
                model.articles.len()
            ),
        ),
        Err(error) => (false, error.to_string()),
    }
}
