//! The menu bar and the keyboard shortcuts.

use super::*;
use crate::ui::edit_form::EditForm;

/// The keyboard shortcuts, as Help lists them.
pub const SHORTCUTS: &[(&str, &str)] = &[
    ("Ctrl+F", "search entities by name or alias"),
    ("Enter", "in search: select the best match and centre on it"),
    (
        "Right / Down",
        "select the next neighbour of the selected node",
    ),
    ("Left / Up", "select the previous neighbour"),
    ("Esc", "clear the selection"),
    (
        "Ctrl+Z",
        "undo an edit or a view action (filters, focus, pins, layout)",
    ),
    ("Ctrl+S", "save the dataset"),
    ("Ctrl+Shift+S", "save the dataset under another name"),
    ("A / R / E", "in the review queue: accept, reject, edit"),
    ("J / K", "in the review queue: next, previous"),
    ("Ctrl+Shift+Z, Ctrl+Y", "redo"),
    ("Ctrl+O", "open a dataset"),
];

impl BackchannelApp {
    pub(super) fn menu_ui(&mut self, ui: &mut Ui, commands: &mut Vec<Command>) {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| self.file_menu_ui(ui, commands));
            ui.menu_button("Edit", |ui| self.edit_menu_ui(ui, commands));
            ui.menu_button("View", |ui| self.view_menu_ui(ui, commands));
            ui.menu_button("Help", help_menu_ui);
        });
    }

    /// Undo and redo, and the edits: add, change, merge, delete, review.
    /// File: open, recent files, save, exports, new dataset from articles, quit.
    fn file_menu_ui(&mut self, ui: &mut Ui, commands: &mut Vec<Command>) {
        if ui
            .add(egui::Button::new("Open…").shortcut_text("Ctrl+O"))
            .clicked()
        {
            commands.push(Command::OpenDialog);
            ui.close();
        }
        if ui
            .add(egui::Button::new("Save").shortcut_text("Ctrl+S"))
            .on_hover_text(match self.document.doc.source.save_target() {
                Some(path) => format!("Write {}", path.display()),
                None => "Choose where: the dataset came from no file of ours".to_owned(),
            })
            .clicked()
        {
            commands.push(Command::Save);
            ui.close();
        }
        if ui
            .add(egui::Button::new("Save As…").shortcut_text("Ctrl+Shift+S"))
            .clicked()
        {
            commands.push(Command::SaveAs);
            ui.close();
        }
        if ui.button("Open path…").clicked() {
            self.show_open_path = true;
            ui.close();
        }
        ui.menu_button("Recent", |ui| {
            if self.recent.paths().is_empty() {
                ui.label("No recent files");
            }
            for path in self.recent.paths() {
                if ui.button(path.display().to_string()).clicked() {
                    commands.push(Command::Open(path.clone()));
                    ui.close();
                }
            }
        });
        if ui.button("New dataset from articles…").clicked() {
            self.ingest.get_or_insert_with(IngestState::default);
            ui.close();
        }
        if ui.button("Export figure…").clicked() {
            // A new figure names relations on its edges as the canvas does.
            let relation_names = self.document.canvas.relation_names();
            self.export.get_or_insert_with(|| {
                let mut state = ExportState::default();
                state.relation_names = relation_names;
                state
            });
            ui.close();
        }
        if ui
            .button("Export graph…")
            .on_hover_text("GEXF, GraphML, node-link JSON, CSV, DOT or our format")
            .clicked()
        {
            self.graph_export
                .get_or_insert_with(GraphExportState::default);
            ui.close();
        }
        if ui.button("Open the built-in seed dataset").clicked() {
            commands.push(Command::OpenSeed);
            ui.close();
        }
        ui.separator();
        if ui.button("Quit").clicked() {
            commands.push(Command::Quit);
            ui.close();
        }
    }

    /// View: layouts and their controls, fitting, the selection, pins.
    fn view_menu_ui(&mut self, ui: &mut Ui, commands: &mut Vec<Command>) {
        ui.label(RichText::new("Panels").weak());
        let mut shown = self.preferences.panels();
        let sidebar = ui
            .checkbox(&mut shown.sidebar, "Entities, filters and measures")
            .on_hover_text("The panel on the left; its edge can also be dragged shut and open");
        let details = ui
            .checkbox(&mut shown.details, "Details and evidence")
            .on_hover_text("The panel on the right; its edge can also be dragged shut and open");
        if sidebar.changed() || details.changed() {
            self.set_panels_shown(shown);
        }
        ui.separator();
        ui.label(RichText::new("Layout").weak());
        let has_positions = self
            .document
            .doc
            .loaded
            .model
            .nodes
            .iter()
            .all(|node| node.look.position.is_some());
        for kind in LayoutKind::ALL {
            let current = self.document.canvas.layout_kind() == kind;
            let title = if kind == LayoutKind::Force && current {
                "Force-directed (re-run)"
            } else {
                kind.title()
            };
            if kind == LayoutKind::File && !has_positions {
                continue;
            }
            if ui.radio(current, title).clicked() {
                commands.push(Command::SetLayout(kind));
                ui.close();
            }
        }
        let paused = self.document.canvas.is_paused();
        let running = self.document.canvas.is_animating() || paused;
        if ui
            .add_enabled(
                running,
                egui::Button::new(if paused {
                    "Resume layout"
                } else {
                    "Pause layout"
                }),
            )
            .clicked()
        {
            commands.push(Command::PauseLayout(!paused));
            ui.close();
        }
        if ui
            .add_enabled(
                self.document.canvas.pinned().iter().any(|&p| p),
                egui::Button::new("Unpin all"),
            )
            .clicked()
        {
            commands.push(Command::UnpinAll);
            ui.close();
        }
        ui.separator();
        if ui.button("Fit graph to view").clicked() {
            commands.push(Command::FitView);
            ui.close();
        }
        if ui.button("Clear selection").on_hover_text("Esc").clicked() {
            commands.push(Command::Select(None));
            ui.close();
        }
        let conflicts = self.document.conflicts.len();
        if ui
            .button(format!("Conflicts ({conflicts})…"))
            .on_hover_text("Reports that contradict each other, side by side")
            .clicked()
        {
            self.show_conflicts = true;
            ui.close();
        }
        if ui
            .button("Positions: who stands where…")
            .on_hover_text("Each actor's latest stance on each demand, proposal and deal")
            .clicked()
        {
            self.positions.matrix = true;
            ui.close();
        }
        let warnings = self.document.warnings().len();
        if ui
            .add_enabled(
                warnings > 0,
                egui::Button::new(format!("Load warnings ({warnings})")),
            )
            .clicked()
        {
            self.show_warnings = true;
            ui.close();
        }
    }

    fn edit_menu_ui(&mut self, ui: &mut Ui, commands: &mut Vec<Command>) {
        let doc = &self.document.doc;
        let undo = doc
            .undo_label()
            .map_or_else(|| "Undo".to_owned(), |what| format!("Undo {what}"));
        if ui
            .add_enabled(
                doc.can_undo(),
                egui::Button::new(undo).shortcut_text("Ctrl+Z"),
            )
            .clicked()
        {
            commands.push(Command::Undo);
            ui.close();
        }
        let redo = doc
            .redo_label()
            .map_or_else(|| "Redo".to_owned(), |what| format!("Redo {what}"));
        if ui
            .add_enabled(
                doc.can_redo(),
                egui::Button::new(redo).shortcut_text("Ctrl+Shift+Z"),
            )
            .clicked()
        {
            commands.push(Command::Redo);
            ui.close();
        }
        ui.separator();
        let selected_node = match &doc.selection {
            Some(Selection::Node(id)) => Some(id.clone()),
            _ => None,
        };
        if ui.button("New node…").clicked() {
            commands.push(Command::OpenForm(Box::new(EditForm::new_node(None))));
            ui.close();
        }
        if ui.button("New relation…").clicked() {
            commands.push(Command::OpenForm(Box::new(EditForm::new_relation(
                None,
                selected_node.clone(),
            ))));
            ui.close();
        }
        if ui
            .button("Add article…")
            .on_hover_text("A plain-text file that evidence can quote")
            .clicked()
        {
            commands.push(Command::OpenArticleForm);
            ui.close();
        }
        ui.set_max_width(300.0);
        ui.add(
            egui::Label::new(
                RichText::new(
                    "New elements need evidence: select words in an article, then use the buttons above the text.",
                )
                .weak(),
            )
            .wrap(),
        );
        ui.separator();
        let selected = match &doc.selection {
            Some(Selection::Node(id) | Selection::Edge(id)) => Some(id.clone()),
            None => None,
        };
        if ui
            .add_enabled(selected.is_some(), egui::Button::new("Edit selected…"))
            .clicked()
            && let Some(form) = selected
                .as_deref()
                .and_then(|id| EditForm::update(self.model(), id))
        {
            commands.push(Command::OpenForm(Box::new(form)));
            ui.close();
        }
        if ui
            .add_enabled(
                selected_node.is_some(),
                egui::Button::new("Merge another node into selected…"),
            )
            .clicked()
            && let Some(id) = &selected_node
        {
            commands.push(Command::OpenForm(Box::new(EditForm::merge_into(id))));
            ui.close();
        }
        if ui
            .add_enabled(selected.is_some(), egui::Button::new("Delete selected…"))
            .clicked()
        {
            match &self.document.doc.selection {
                Some(Selection::Node(id)) => commands.push(Command::AskDelete(id.clone())),
                Some(Selection::Edge(id)) => commands.push(Command::Edit(
                    crate::edit::EditOp::Delete(crate::edit::Delete {
                        id: id.clone(),
                        note: None,
                    }),
                )),
                None => {}
            }
            ui.close();
        }
        ui.separator();
        let waiting = crate::ui::review::review_queue(self.model()).len();
        if ui
            .button(format!("Review extracted elements ({waiting} left)…"))
            .clicked()
        {
            commands.push(Command::OpenReview);
            ui.close();
        }
    }

    pub(super) fn keyboard(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        let shortcut = |modifiers, key| KeyboardShortcut::new(modifiers, key);
        if ctx.input_mut(|input| input.consume_shortcut(&shortcut(Modifiers::COMMAND, Key::O))) {
            commands.push(Command::OpenDialog);
        }
        if ctx.input_mut(|input| {
            input.consume_shortcut(&shortcut(Modifiers::COMMAND | Modifiers::SHIFT, Key::S))
        }) {
            commands.push(Command::SaveAs);
        }
        if ctx.input_mut(|input| input.consume_shortcut(&shortcut(Modifiers::COMMAND, Key::S))) {
            commands.push(Command::Save);
        }
        if ctx.input_mut(|input| input.consume_shortcut(&shortcut(Modifiers::COMMAND, Key::F))) {
            self.sidebar.focus_search();
        }
        if ctx.input_mut(|input| {
            input.consume_shortcut(&shortcut(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z))
        }) || ctx
            .input_mut(|input| input.consume_shortcut(&shortcut(Modifiers::COMMAND, Key::Y)))
        {
            commands.push(Command::Redo);
        }
        if ctx.input_mut(|input| input.consume_shortcut(&shortcut(Modifiers::COMMAND, Key::Z))) {
            commands.push(Command::Undo);
        }
        let typing = ctx.egui_wants_keyboard_input();
        if typing {
            return;
        }
        if ctx.input(|input| input.key_pressed(Key::Escape))
            && self.reader.is_none()
            && self.open_failure.is_none()
        {
            commands.push(Command::Select(None));
        }
        if ctx
            .input(|input| input.key_pressed(Key::ArrowRight) || input.key_pressed(Key::ArrowDown))
        {
            commands.push(Command::StepNeighbour(1));
        }
        if ctx.input(|input| input.key_pressed(Key::ArrowLeft) || input.key_pressed(Key::ArrowUp)) {
            commands.push(Command::StepNeighbour(-1));
        }
    }
}

/// Help: the keyboard shortcuts.
fn help_menu_ui(ui: &mut Ui) {
    ui.label(RichText::new("Mouse").strong());
    ui.label("Click a node or edge to see its evidence; click empty space to clear.");
    ui.label("Drag a node to move and pin it; drag the background to pan.");
    ui.label("Mouse wheel: zoom about the pointer.");
    ui.label(RichText::new("Keyboard").strong());
    for (keys, what) in SHORTCUTS {
        ui.horizontal(|ui| {
            ui.label(RichText::new(*keys).monospace());
            ui.label(*what);
        });
    }
    ui.label("Drop a dataset file on the window to open it.");
}
