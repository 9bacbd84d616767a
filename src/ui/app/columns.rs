//! Choosing a CSV edge list's columns when its header does not name them plainly (no
//! source/target pair Backchannel recognises, or more than one): the first rows shown,
//! a choice for source, target and weight, then the file opens with them.

use super::*;
use crate::interchange::ReadOptions;
use crate::interchange::table::{self, CHOOSE_COLUMNS, CsvColumns, Preview};

/// Bytes read from the start of an edge list for its preview.
const PREVIEW_BYTES: usize = 64 * 1024;

/// The column choice for one edge list, while it is asked.
pub(crate) struct ColumnChoice {
    /// The file the user opened.
    path: PathBuf,
    /// Its header and first rows.
    preview: Preview,
    /// The chosen source, target and weight columns, by index in the header.
    source: usize,
    target: usize,
    weight: Option<usize>,
}

impl ColumnChoice {
    /// The choice to offer for `path`, whose load failed with `error`, when the failure
    /// is that the edge list's columns must be chosen.
    pub(super) fn for_failure(path: &Path, error: &LoadError) -> Option<Self> {
        let asked = error
            .problems
            .iter()
            .find(|problem| problem.message.starts_with(CHOOSE_COLUMNS))?;
        let edge_list = PathBuf::from(&asked.file);
        let bytes = read_start(&edge_list)?;
        let preview = table::preview(&bytes).ok()?;
        let columns = preview.header.len();
        (columns >= 2).then(|| Self {
            path: path.to_path_buf(),
            preview,
            source: 0,
            target: 1,
            weight: None,
        })
    }

    fn name(&self, column: usize) -> String {
        self.preview.header.get(column).cloned().unwrap_or_default()
    }

    /// What the loader is told.
    fn read_options(&self) -> ReadOptions {
        ReadOptions {
            csv_columns: Some(CsvColumns {
                source: self.name(self.source),
                target: self.name(self.target),
                weight: self.weight.map(|column| self.name(column)),
            }),
        }
    }
}

/// The first bytes of the file at `path`, cut at the last whole line.
fn read_start(path: &Path) -> Option<Vec<u8>> {
    use std::io::Read as _;
    let mut bytes = Vec::with_capacity(PREVIEW_BYTES);
    std::fs::File::open(path)
        .ok()?
        .take(PREVIEW_BYTES as u64)
        .read_to_end(&mut bytes)
        .ok()?;
    if bytes.len() == PREVIEW_BYTES
        && let Some(end) = bytes.iter().rposition(|&byte| byte == b'\n')
    {
        bytes.truncate(end + 1);
    }
    Some(bytes)
}

impl BackchannelApp {
    /// The column choice, while it is asked: the first rows, a choice per role, Open.
    pub(super) fn column_choice_ui(&mut self, ctx: &egui::Context) {
        let Some(choice) = &mut self.column_choice else {
            return;
        };
        let mut open = true;
        let mut chosen = None;
        let name = choice
            .path
            .file_name()
            .map_or_else(String::new, |name| name.to_string_lossy().into_owned());
        egui::Window::new(format!("Choose the columns of {name}"))
            .id(egui::Id::new("csv-columns"))
            .open(&mut open)
            .default_width(640.0)
            .collapsible(false)
            .show(ctx, |ui| {
                ui.label(
                    "Backchannel cannot tell which columns hold each edge's ends. The first rows:",
                );
                egui::ScrollArea::horizontal().show(ui, |ui| {
                    egui::Grid::new("csv-preview").striped(true).show(ui, |ui| {
                        for column in &choice.preview.header {
                            ui.label(RichText::new(column).strong());
                        }
                        ui.end_row();
                        for row in &choice.preview.rows {
                            for cell in row {
                                ui.label(cell);
                            }
                            ui.end_row();
                        }
                    });
                });
                ui.separator();
                let header = choice.preview.header.clone();
                egui::Grid::new("csv-roles").show(ui, |ui| {
                    for (role, slot) in [
                        ("Source", &mut choice.source),
                        ("Target", &mut choice.target),
                    ] {
                        ui.label(role);
                        egui::ComboBox::from_id_salt(role)
                            .selected_text(header.get(*slot).cloned().unwrap_or_default())
                            .show_ui(ui, |ui| {
                                for (index, column) in header.iter().enumerate() {
                                    ui.selectable_value(slot, index, column);
                                }
                            });
                        ui.end_row();
                    }
                    ui.label("Weight");
                    let weight_text = choice
                        .weight
                        .and_then(|column| header.get(column).cloned())
                        .unwrap_or_else(|| "none".to_owned());
                    egui::ComboBox::from_id_salt("Weight")
                        .selected_text(weight_text)
                        .show_ui(ui, |ui| {
                            ui.selectable_value(&mut choice.weight, None, "none");
                            for (index, column) in header.iter().enumerate() {
                                ui.selectable_value(&mut choice.weight, Some(index), column);
                            }
                        });
                    ui.end_row();
                });
                let distinct = choice.source != choice.target;
                if !distinct {
                    ui.label(RichText::new("Source and target must be different columns.").weak());
                }
                if ui
                    .add_enabled(distinct, egui::Button::new("Open with these columns"))
                    .clicked()
                {
                    chosen = Some((choice.path.clone(), choice.read_options()));
                }
            });
        if let Some((path, options)) = chosen {
            self.column_choice = None;
            self.open_with(&path, options);
        } else if !open {
            self.column_choice = None;
        }
    }
}
