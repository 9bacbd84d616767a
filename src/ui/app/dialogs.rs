//! The windows that ask or tell: problems of a failed open, load warnings, the path
//! field.

use super::*;
use crate::edit::EditOp;

impl BackchannelApp {
    pub(super) fn open_failure_ui(&mut self, ctx: &egui::Context) {
        let Some(failure) = &self.open_failure else {
            return;
        };
        let mut open = true;
        egui::Window::new(format!("Could not open {}", failure.file))
            .id(egui::Id::new("open-failure"))
            .open(&mut open)
            .default_width(640.0)
            .collapsible(false)
            .show(ctx, |ui| {
                ui.label(
                    RichText::new(format!(
                        "{} error(s) and {} warning(s). The graph that was open is unchanged.",
                        failure.error_count(),
                        failure.problems.len() - failure.error_count()
                    ))
                    .strong(),
                );
                ui.separator();
                problem_list_ui(ui, &failure.problems);
            });
        if !open {
            self.open_failure = None;
        }
    }

    pub(super) fn warnings_ui(&mut self, ctx: &egui::Context) {
        if !self.show_warnings {
            return;
        }
        let mut open = true;
        let warnings = self.document.warnings();
        egui::Window::new(format!(
            "Opened {} with {} warning(s)",
            self.file(),
            warnings.len()
        ))
        .id(egui::Id::new("load-warnings"))
        .open(&mut open)
        .default_width(640.0)
        .show(ctx, |ui| problem_list_ui(ui, warnings));
        self.show_warnings = open;
    }

    pub(super) fn open_path_ui(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        if !self.show_open_path {
            return;
        }
        let mut open = true;
        egui::Window::new("Open a dataset by path")
            .id(egui::Id::new("open-path"))
            .open(&mut open)
            .collapsible(false)
            .show(ctx, |ui| {
                ui.label("Path of a Backchannel dataset file (.json):");
                let field = ui.add(
                    egui::TextEdit::singleline(&mut self.open_path_input)
                        .desired_width(480.0)
                        .hint_text("/path/to/dataset.json"),
                );
                let entered = field.lost_focus() && ui.input(|input| input.key_pressed(Key::Enter));
                if (ui.button("Open").clicked() || entered)
                    && !self.open_path_input.trim().is_empty()
                {
                    commands.push(Command::Open(PathBuf::from(self.open_path_input.trim())));
                    self.show_open_path = false;
                }
            });
        if !open {
            self.show_open_path = false;
        }
    }
}

/// Every problem, errors first, each with its place.
/// Lists of at most this many problems wrap each problem's message; longer ones show
/// one line per problem and lay out only the lines in view.
const WRAP_PROBLEMS_UP_TO: usize = 300;

fn problem_list_ui(ui: &mut Ui, problems: &[crate::dataset::Problem]) {
    let mut sorted: Vec<&crate::dataset::Problem> = problems.iter().collect();
    sorted.sort_by_key(|problem| std::cmp::Reverse(problem.severity));
    let line = |ui: &mut Ui, problem: &crate::dataset::Problem| {
        let (tag, color) = match problem.severity {
            Severity::Error => ("error", Color32::from_rgb(190, 30, 30)),
            Severity::Warning => ("warning", Color32::from_rgb(170, 110, 0)),
        };
        ui.label(RichText::new(tag).color(color).strong());
        let place = problem.location.to_string();
        if !place.is_empty() {
            ui.label(RichText::new(place).monospace());
        }
    };
    let area = egui::ScrollArea::vertical().max_height(420.0);
    if sorted.len() <= WRAP_PROBLEMS_UP_TO {
        area.show(ui, |ui| {
            for problem in sorted {
                ui.horizontal_wrapped(|ui| {
                    line(ui, problem);
                    ui.label(&problem.message);
                });
            }
        });
        return;
    }
    let row_height = ui.spacing().interact_size.y;
    area.show_rows(ui, row_height, sorted.len(), |ui, rows| {
        for problem in sorted.iter().skip(rows.start).take(rows.len()) {
            ui.horizontal(|ui| {
                line(ui, problem);
                ui.add(egui::Label::new(&problem.message).truncate())
                    .on_hover_text(&problem.message);
            });
        }
    });
}

/// A question or notice that waits for the user.
pub(super) enum Prompt {
    /// Unsaved edits would be lost by what the user asked for.
    Unsaved(Then),
    /// A journal from an earlier run holds unsaved edits.
    Restore(crate::document::Pending),
    /// Something the user must read (a refused journal, a failed save).
    Notice(String),
    /// Deleting a node takes its relations with it.
    ConfirmDelete {
        /// The node.
        id: String,
        /// Its label.
        label: String,
        /// How many relations go with it.
        relations: usize,
        /// How many nodes lose their affiliation with it.
        affiliated: usize,
    },
}

/// What waits on the answer to "save your changes?".
pub(super) enum Then {
    /// Show a dataset opened on a worker.
    Install(Box<super::loading::Ready>),
    /// Open the built-in seed.
    OpenSeed,
    /// Show a dataset made in the window.
    Replace(Box<Loaded>),
    /// Close the window.
    Quit,
}

impl BackchannelApp {
    /// The open question, if any, as a modal window.
    pub(super) fn prompt_ui(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        let Some(prompt) = &self.prompt else {
            return;
        };
        let title = match prompt {
            Prompt::Unsaved(_) => "Unsaved changes",
            Prompt::Restore(_) => "Restore unsaved edits?",
            Prompt::Notice(_) => "Backchannel",
            Prompt::ConfirmDelete { .. } => "Delete node?",
        };
        let mut dismissed = false;
        egui::Modal::new(egui::Id::new("prompt")).show(ctx, |ui| {
            ui.set_max_width(460.0);
            ui.heading(title);
            ui.add_space(6.0);
            match prompt {
                Prompt::Unsaved(then) => {
                    let what = match then {
                        Then::Quit => "before closing",
                        _ => "before opening another dataset",
                    };
                    ui.label(format!(
                        "{} has edits that are not saved. Save them {what}?",
                        self.document.doc.loaded.file
                    ));
                    ui.add_space(8.0);
                    ui.horizontal(|ui| {
                        if ui.button("Save").clicked() {
                            commands.push(Command::AnswerUnsaved(UnsavedAnswer::Save));
                        }
                        if ui.button("Discard").clicked() {
                            commands.push(Command::AnswerUnsaved(UnsavedAnswer::Discard));
                        }
                        if ui.button("Cancel").clicked() {
                            commands.push(Command::AnswerUnsaved(UnsavedAnswer::Cancel));
                        }
                    });
                }
                Prompt::Restore(pending) => {
                    ui.label(format!(
                        "The last session ended with {} unsaved edit(s) to {}. Restore them on top of the file, or discard them?",
                        pending.edits.len(),
                        pending.header.dataset
                    ));
                    for (at, op) in pending.edits.iter().rev().take(5) {
                        ui.label(RichText::new(format!("{at}  {}", op.name().replace('_', " "))).weak().monospace());
                    }
                    ui.add_space(8.0);
                    ui.horizontal(|ui| {
                        if ui.button("Restore").clicked() {
                            commands.push(Command::AnswerRestore(true));
                        }
                        if ui.button("Discard").clicked() {
                            commands.push(Command::AnswerRestore(false));
                        }
                    });
                }
                Prompt::Notice(message) => {
                    ui.label(message);
                    ui.add_space(8.0);
                    if ui.button("OK").clicked() {
                        dismissed = true;
                    }
                }
                Prompt::ConfirmDelete {
                    id,
                    label,
                    relations,
                    affiliated,
                } => {
                    let mut message = format!("Delete \"{label}\" and its {relations} relation(s)?");
                    if *affiliated > 0 {
                        message.push_str(&format!(
                            " {affiliated} node(s) affiliated with it lose that affiliation."
                        ));
                    }
                    message.push_str(" Ctrl+Z brings them back.");
                    ui.label(message);
                    ui.add_space(8.0);
                    ui.horizontal(|ui| {
                        if ui.button("Delete").clicked() {
                            commands.push(Command::Edit(EditOp::Delete(crate::edit::Delete {
                                id: id.clone(),
                                note: None,
                            })));
                            dismissed = true;
                        }
                        if ui.button("Cancel").clicked() {
                            dismissed = true;
                        }
                    });
                }
            }
        });
        if dismissed {
            self.prompt = None;
        }
    }

    /// The path field Save As falls back to when there is no file dialog.
    pub(super) fn save_path_ui(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        if !self.show_save_path {
            return;
        }
        let mut open = true;
        egui::Window::new("Save as")
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .show(ctx, |ui| {
                ui.label("Save the dataset (Backchannel JSON) to:");
                let response = ui.add(
                    egui::TextEdit::singleline(&mut self.save_path_input)
                        .desired_width(420.0)
                        .hint_text("/path/to/dataset.json"),
                );
                let entered =
                    response.lost_focus() && ui.input(|input| input.key_pressed(Key::Enter));
                if (ui.button("Save").clicked() || entered)
                    && !self.save_path_input.trim().is_empty()
                {
                    commands.push(Command::SaveTo(PathBuf::from(self.save_path_input.trim())));
                    self.show_save_path = false;
                }
            });
        if !open {
            self.show_save_path = false;
        }
    }
}
