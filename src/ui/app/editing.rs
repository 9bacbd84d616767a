//! Edits, undo and redo, Save and Save As, and asking before unsaved edits are lost.

use super::dialogs::{Prompt, Then};
use super::*;
use crate::document::Reverted;
use crate::edit::{EditError, EditOp};
use crate::ui::command::UnsavedAnswer;

impl BackchannelApp {
    /// Applies an edit to the open document and draws the result: nodes stay where they
    /// were, new ones appear beside their neighbours.
    pub(super) fn apply_edit(&mut self, op: EditOp) -> Result<(), EditError> {
        let places = self.document.places_by_id();
        let view = self.document.snapshot();
        let selected_after = match &op {
            EditOp::AddNode(node) => node.id.clone().map(Selection::Node),
            EditOp::Merge(merge) => Some(Selection::Node(merge.into.clone())),
            _ => None,
        };
        let name = op.summary();
        let notes = self.document.doc.edit(op, Some(view))?;
        self.redraw(&places);
        if let Some(selection) = selected_after {
            self.document.doc.selection = Some(selection);
        }
        self.keep_selection_valid();
        self.status = if notes.is_empty() {
            format!("Done: {name}. Ctrl+Z undoes it.")
        } else {
            format!("Done: {name}. {}. Ctrl+Z undoes it.", notes.join(". "))
        };
        Ok(())
    }

    fn redraw(&mut self, places: &crate::ui::state::Places) {
        self.generation += 1;
        self.document.redraw_after_edit(self.generation, places);
        self.titled_generation = None;
        self.session_dirty = true;
    }

    /// Clears a selection whose element an edit removed, and shows the selection.
    fn keep_selection_valid(&mut self) {
        let model = self.model();
        let exists = match &self.document.doc.selection {
            Some(Selection::Node(id)) => model.node(id).is_some(),
            Some(Selection::Edge(id)) => model.edge(id).is_some(),
            None => true,
        };
        if !exists {
            self.document.doc.selection = None;
        }
        self.neighbour_walk = None;
        self.show_selection();
    }

    /// Undoes the last view action or edit.
    pub(super) fn undo(&mut self) {
        let places = self.document.places_by_id();
        let snapshot = self.document.snapshot();
        match self.document.doc.undo(|| snapshot) {
            Some(Reverted::View(previous)) => self.document.restore(previous),
            Some(Reverted::Edit { op, view }) => {
                let places = match &view {
                    Some(view) if view.positions.len() == self.model().nodes.len() => {
                        self.document.places_of(view)
                    }
                    _ => places,
                };
                self.redraw(&places);
                self.keep_selection_valid();
                self.status = format!("Undone: {}.", op.summary());
            }
            None => return,
        }
        self.refresh_paths();
        self.session_dirty = true;
    }

    /// Redoes the last undone view action or edit.
    pub(super) fn redo(&mut self) {
        let places = self.document.places_by_id();
        let snapshot = self.document.snapshot();
        match self.document.doc.redo(|| snapshot) {
            Some(Reverted::View(next)) => self.document.restore(next),
            Some(Reverted::Edit { op, .. }) => {
                self.redraw(&places);
                self.keep_selection_valid();
                self.status = format!("Redone: {}.", op.summary());
            }
            None => return,
        }
        self.refresh_paths();
        self.session_dirty = true;
    }

    /// Saves where the dataset came from, or asks where when it came from no file of
    /// ours. True when it was saved.
    pub(super) fn save(&mut self) -> bool {
        match self.document.doc.save() {
            Some(result) => self.saved(result),
            None => self.save_as_dialog(),
        }
    }

    /// Asks where to save with the system dialog (or the path field when there is
    /// none). True when it was saved.
    pub(super) fn save_as_dialog(&mut self) -> bool {
        let suggested = self
            .document
            .doc
            .source
            .path()
            .and_then(|path| path.file_stem())
            .map_or_else(
                || "dataset.json".to_owned(),
                |stem| format!("{}.json", stem.to_string_lossy()),
            );
        let picked = rfd::FileDialog::new()
            .set_title("Save the dataset as")
            .add_filter("Backchannel dataset", &["json"])
            .set_file_name(suggested.as_str())
            .save_file();
        match picked {
            Some(path) => self.save_to(&path),
            None => {
                // No portal and no zenity: offer the path field instead.
                self.save_path_input = suggested;
                self.show_save_path = true;
                false
            }
        }
    }

    /// Saves to `path` in our format. True when it was saved.
    pub(super) fn save_to(&mut self, path: &Path) -> bool {
        let result = self.document.doc.save_as(path);
        let saved = self.saved(result);
        if saved {
            if let Err(error) = self.recent.push(path) {
                log::warn!("could not save the recent files list: {error}");
            }
            self.session_dirty = true;
        }
        saved
    }

    fn saved(&mut self, result: Result<PathBuf, crate::document::SaveError>) -> bool {
        self.titled_generation = None;
        match result {
            Ok(path) => {
                self.status = format!("Saved {}.", path.display());
                true
            }
            Err(error) => {
                self.status = format!("Not saved: {error}");
                self.prompt = Some(Prompt::Notice(format!(
                    "The dataset was not saved: {error}"
                )));
                false
            }
        }
    }

    /// Does `then` now when nothing unsaved would be lost, else asks first.
    pub(super) fn unless_unsaved(&mut self, then: Then) {
        if self.document.doc.has_unsaved_edits() {
            self.prompt = Some(Prompt::Unsaved(then));
        } else {
            self.carry_out(then);
        }
    }

    /// The user answered "save your changes?".
    pub(super) fn answer_unsaved(&mut self, answer: UnsavedAnswer) {
        let Some(Prompt::Unsaved(then)) = self.prompt.take() else {
            return;
        };
        match answer {
            UnsavedAnswer::Cancel => {}
            UnsavedAnswer::Discard => {
                self.document.doc.discard_journal();
                self.carry_out(then);
            }
            UnsavedAnswer::Save => {
                if self.save() {
                    self.carry_out(then);
                } else if self.show_save_path {
                    // Saved once a path is given; the action waits for the user to
                    // choose again.
                    self.status = "Choose where to save, then try again.".to_owned();
                }
            }
        }
    }

    /// The user answered "restore the unsaved edits of the last session?".
    pub(super) fn answer_restore(&mut self, restore: bool) {
        let Some(Prompt::Restore(pending)) = self.prompt.take() else {
            return;
        };
        if !restore {
            let aside = self.document.doc.set_journal_aside(&pending.path);
            self.status = aside.map_or_else(
                || "The unsaved edits were discarded.".to_owned(),
                |path| format!("The unsaved edits were set aside in {}.", path.display()),
            );
            return;
        }
        // The journal is set aside first: restoring starts a new one, and if an edit no
        // longer applies, the ones after it stay in the old journal, never lost.
        let aside = self.document.doc.set_journal_aside(&pending.path);
        let places = self.document.places_by_id();
        let outcome = self.document.doc.restore(&pending);
        self.redraw(&places);
        self.keep_selection_valid();
        match outcome {
            Ok(count) => {
                // The new journal holds every one of them.
                if let Some(path) = &aside {
                    let _ = std::fs::remove_file(path);
                }
                self.status = format!("Restored {count} unsaved edit(s); Save keeps them.");
            }
            Err(message) => {
                let kept = aside.map_or_else(String::new, |path| {
                    format!(" All of them are kept in {}.", path.display())
                });
                self.prompt = Some(Prompt::Notice(format!(
                    "Not every unsaved edit could be restored: {message}. The edits before it are restored.{kept}"
                )));
            }
        }
    }

    fn carry_out(&mut self, then: Then) {
        match then {
            Then::Install(ready) => self.install_ready(*ready),
            Then::OpenSeed => self.open_seed(),
            Then::Replace(loaded) => {
                self.replace_document(*loaded, crate::document::Source::New, String::new())
            }
            Then::Quit => {
                self.allow_close = true;
                self.quit_requested = true;
            }
        }
    }
}
