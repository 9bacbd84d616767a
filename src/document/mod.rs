//! The open document without a window: the dataset, where it came from, the view state
//! undo restores, the selection, one history of view actions and edits with undo and
//! redo, whether there are unsaved changes, and the journal that keeps every edit safe
//! from a crash. The window drives it; tests drive it alone.

mod journal;
mod save;
#[cfg(test)]
mod tests;

use std::path::{Path, PathBuf};
use std::sync::Arc;

pub use journal::{
    JOURNAL_FORMAT, Journal, JournalEntry, JournalError, JournalHeader, Pending, journal_path,
    read_pending,
};
pub use save::{SaveError, Saved, dataset_bytes, raw_dataset, save_dataset};

use crate::dataset::{Loaded, SEED_DATASET, sha256_hex};

use crate::edit::{ChangeSet, EditError, EditOp, Stamp};
use crate::graph::Measure;
use crate::interchange::reads_as_ours;
pub use crate::view::Selection;
use crate::view::colouring::ColourBy;
use crate::view::{HISTORY_LIMIT, LayoutKind, ViewFilter};

/// Everything undoing a view action restores: the view, not the data.
#[derive(Debug, Clone, PartialEq)]
pub struct ViewSnapshot {
    /// Filters and focus.
    pub filter: ViewFilter,
    /// The layout.
    pub layout: LayoutKind,
    /// The measure that sizes nodes.
    pub size_by: Option<Measure>,
    /// Every node's position, in model order.
    pub positions: Vec<[f32; 2]>,
    /// Every node's pin, in model order.
    pub pinned: Vec<bool>,
}

/// Where the open dataset came from, which decides where Save writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// The built-in seed: Save goes through Save As.
    Seed,
    /// A dataset file of ours: Save writes it.
    Dataset(PathBuf),
    /// Another tool's file (GEXF, GraphML, …): Save goes through Save As, and the file
    /// itself is never overwritten.
    Foreign(PathBuf),
    /// Made in the window (an ingest): Save goes through Save As.
    New,
}

impl Source {
    /// The file Save writes without asking, if any.
    pub fn save_target(&self) -> Option<&Path> {
        match self {
            Self::Dataset(path) => Some(path),
            _ => None,
        }
    }

    /// The file the dataset was read from, if any.
    pub fn path(&self) -> Option<&Path> {
        match self {
            Self::Dataset(path) | Self::Foreign(path) => Some(path),
            _ => None,
        }
    }
}

/// An edit as the history keeps it.
#[derive(Debug, Clone)]
pub struct EditStep {
    /// The operation, as applied.
    pub op: EditOp,
    /// Its time.
    pub at: String,
    /// What it changed, to undo and redo it.
    pub changes: ChangeSet,
    /// The view before it, so that undoing it puts every node back where it was.
    pub view_before: Option<ViewSnapshot>,
    /// The model's state before and after (for unsaved-changes tracking).
    states: (u64, u64),
}

/// One entry of the history.
#[derive(Debug, Clone)]
pub enum Step {
    /// A view action: the view before it.
    View(Box<ViewSnapshot>),
    /// An edit.
    Edit(Box<EditStep>),
}

/// What an undo or redo did, for the window to show.
#[derive(Debug, Clone)]
pub enum Reverted {
    /// A view action was undone or redone: show this view.
    View(ViewSnapshot),
    /// An edit was undone or redone; the model changed. When undone, the view before it.
    Edit {
        /// The operation.
        op: Box<EditOp>,
        /// The view to show, when known.
        view: Option<ViewSnapshot>,
    },
}

/// An open dataset and everything about it that is not drawing.
#[derive(Debug)]
pub struct Document {
    /// The dataset, its warnings and its name.
    pub loaded: Loaded,
    /// Where it came from.
    pub source: Source,
    /// What is selected.
    pub selection: Option<Selection>,
    /// Filters and focus.
    pub filter: ViewFilter,
    /// The measure that sizes nodes, if any.
    pub size_by: Option<Measure>,
    /// What nodes are coloured and grouped by.
    pub colour_by: ColourBy,
    /// What node labels say.
    pub label_by: crate::view::label_by::LabelBy,
    /// What edges are coloured by.
    pub edge_colour_by: crate::view::edge_colour::EdgeColourBy,
    undo: Vec<Step>,
    redo: Vec<Step>,
    /// The model's state: 0 as read, a new number after every edit.
    state: u64,
    next_state: u64,
    /// The state last saved to (or read from) `source`; `None` when no file of ours
    /// holds any state of it.
    saved_state: Option<u64>,
    /// The folder journals are kept in; `None` keeps none (tests, scripts).
    journal_folder: Option<PathBuf>,
    journal: Option<Journal>,
    /// The sha256 of the file the edits are made on top of.
    base_sha256: String,
}

impl Document {
    /// A document on a loaded dataset from `source`. `base_sha256` is the sha256 of the
    /// file's bytes (the journal is checked against it).
    pub fn new(loaded: Loaded, source: Source, base_sha256: String, colour_by: ColourBy) -> Self {
        let saved_state = matches!(source, Source::Dataset(_)).then_some(0);
        Self {
            loaded,
            source,
            selection: None,
            filter: ViewFilter::default(),
            size_by: None,
            colour_by,
            label_by: crate::view::label_by::LabelBy::Label,
            edge_colour_by: crate::view::edge_colour::EdgeColourBy::Relation,
            undo: Vec::new(),
            redo: Vec::new(),
            state: 0,
            next_state: 1,
            saved_state,
            journal_folder: None,
            journal: None,
            base_sha256,
        }
    }

    /// The sha256 of the built-in seed, as its journal names it.
    pub fn seed_sha256() -> String {
        sha256_hex(SEED_DATASET.as_bytes())
    }

    /// Keeps a journal of edits in `folder` from now on.
    pub fn keep_journal_in(&mut self, folder: Option<PathBuf>) {
        self.journal_folder = folder;
    }

    /// The journal file of this dataset, if journals are kept.
    pub fn journal_file(&self) -> Option<PathBuf> {
        let folder = self.journal_folder.as_ref()?;
        Some(journal_path(folder, &self.loaded.file))
    }

    /// Unsaved edits a journal holds for this dataset from an earlier run, if any.
    /// Refuses a journal made on top of another version of the file.
    pub fn pending_journal(&self) -> Result<Option<Pending>, JournalError> {
        let Some(path) = self.journal_file() else {
            return Ok(None);
        };
        let pending = read_pending(&path)?;
        match pending {
            Some(pending) if pending.header.sha256 != self.base_sha256 => {
                Err(JournalError::FileChanged {
                    path: path.display().to_string(),
                    edits: pending.edits.len(),
                    dataset: self.loaded.file.clone(),
                })
            }
            other => Ok(other),
        }
    }

    /// Applies the edits of a journal from an earlier run, as if made now (each keeps
    /// its time). Stops at the first that no longer applies and says which.
    pub fn restore(&mut self, pending: &Pending) -> Result<usize, String> {
        let folder = self.source_folder();
        for (number, (at, op)) in pending.edits.iter().enumerate() {
            let stamp = Stamp {
                at: at.clone(),
                folder: &folder,
            };
            if let Err(error) = self.edit_stamped(op.clone(), &stamp, None) {
                return Err(format!(
                    "edit {} of {} ({}) no longer applies: {error}",
                    number + 1,
                    pending.edits.len(),
                    op.name()
                ));
            }
        }
        Ok(pending.edits.len())
    }

    /// Sets a journal found at start aside (the user discarded it, or it was refused):
    /// it is renamed, never deleted, so nothing is lost.
    pub fn set_journal_aside(&self, path: &Path) -> Option<PathBuf> {
        let aside = path.with_extension(format!(
            "set-aside-{}.jsonl",
            crate::edit::now_rfc3339().replace(':', "-")
        ));
        std::fs::rename(path, &aside).ok().map(|()| aside)
    }

    /// The folder added articles' relative paths are read from.
    fn source_folder(&self) -> PathBuf {
        self.source
            .path()
            .and_then(Path::parent)
            .filter(|folder| !folder.as_os_str().is_empty())
            .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
    }

    /// Whether there are edits no file of ours holds.
    pub fn has_unsaved_edits(&self) -> bool {
        self.saved_state != Some(self.state) && (self.state != 0 || self.saved_state.is_some())
    }

    /// Records the view before a view action, for undo.
    pub fn record_view(&mut self, before: ViewSnapshot) {
        self.push_undo(Step::View(Box::new(before)));
    }

    fn push_undo(&mut self, step: Step) {
        self.undo.push(step);
        if self.undo.len() > HISTORY_LIMIT {
            self.undo.remove(0);
        }
        self.redo.clear();
    }

    /// Applies an edit now, recording it for undo and in the journal. `view_before` is
    /// the view at the time, which undoing the edit restores.
    /// Returns what the researcher should know about it (the merge's notes).
    pub fn edit(
        &mut self,
        op: EditOp,
        view_before: Option<ViewSnapshot>,
    ) -> Result<Vec<String>, EditError> {
        let folder = self.source_folder();
        let stamp = Stamp::now(&folder);
        self.edit_stamped(op, &stamp, view_before)
    }

    fn edit_stamped(
        &mut self,
        mut op: EditOp,
        stamp: &Stamp<'_>,
        view_before: Option<ViewSnapshot>,
    ) -> Result<Vec<String>, EditError> {
        let changes = crate::edit::apply(Arc::make_mut(&mut self.loaded.model), &mut op, stamp)?;
        let before = self.state;
        self.state = self.next_state;
        self.next_state += 1;
        let mut notes = changes.notes.clone();
        notes.extend(self.write_journal(JournalEntry::Do {
            at: stamp.at.clone(),
            op: Box::new(op.clone()),
        }));
        self.push_undo(Step::Edit(Box::new(EditStep {
            op,
            at: stamp.at.clone(),
            changes,
            view_before,
            states: (before, self.state),
        })));
        Ok(notes)
    }

    /// Appends to the journal (starting it at the first edit); the problem, when it
    /// cannot be written, for the researcher to see.
    fn write_journal(&mut self, entry: JournalEntry) -> Option<String> {
        if self.journal.is_none()
            && let Some(path) = self.journal_file()
        {
            let header = JournalHeader {
                journal: JOURNAL_FORMAT.to_owned(),
                dataset: self.loaded.file.clone(),
                sha256: self.base_sha256.clone(),
            };
            match Journal::start(&path, &header) {
                Ok(journal) => self.journal = Some(journal),
                Err(error) => return Some(journal_warning(&error)),
            }
        }
        let journal = self.journal.as_mut()?;
        journal
            .append(&entry)
            .err()
            .map(|error| journal_warning(&error))
    }

    /// Whether there is something to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether there is something to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// What Undo would undo, for the menu: "Undo merge", "Undo view change".
    pub fn undo_label(&self) -> Option<String> {
        self.undo.last().map(step_label)
    }

    /// What Redo would redo.
    pub fn redo_label(&self) -> Option<String> {
        self.redo.last().map(step_label)
    }

    /// Undoes the last view action or edit. `current_view` gives the view now, which a
    /// redo of a view action restores.
    pub fn undo(&mut self, current_view: impl FnOnce() -> ViewSnapshot) -> Option<Reverted> {
        let step = self.undo.pop()?;
        Some(match step {
            Step::View(before) => {
                self.redo.push(Step::View(Box::new(current_view())));
                Reverted::View(*before)
            }
            Step::Edit(step) => {
                step.changes.undo(Arc::make_mut(&mut self.loaded.model));
                self.state = step.states.0;
                if let Some(warning) = self.write_journal(JournalEntry::Undo) {
                    log::error!("{warning}");
                }
                let reverted = Reverted::Edit {
                    op: Box::new(step.op.clone()),
                    view: step.view_before.clone(),
                };
                self.redo.push(Step::Edit(step));
                reverted
            }
        })
    }

    /// Redoes the last undone view action or edit.
    pub fn redo(&mut self, current_view: impl FnOnce() -> ViewSnapshot) -> Option<Reverted> {
        let step = self.redo.pop()?;
        Some(match step {
            Step::View(after) => {
                self.undo.push(Step::View(Box::new(current_view())));
                Reverted::View(*after)
            }
            Step::Edit(step) => {
                step.changes.redo(Arc::make_mut(&mut self.loaded.model));
                self.state = step.states.1;
                if let Some(warning) = self.write_journal(JournalEntry::Redo) {
                    log::error!("{warning}");
                }
                let reverted = Reverted::Edit {
                    op: Box::new(step.op.clone()),
                    view: None,
                };
                self.undo.push(Step::Edit(step));
                reverted
            }
        })
    }

    /// Saves to the file the dataset was read from (ours only); `None` when there is
    /// none and Save As must ask where.
    pub fn save(&mut self) -> Option<Result<PathBuf, SaveError>> {
        let target = self.source.save_target()?.to_path_buf();
        Some(self.save_as(&target))
    }

    /// Saves to `path` in our format; from then on Save writes there. Refuses to write
    /// over the foreign file the dataset was read from.
    pub fn save_as(&mut self, path: &Path) -> Result<PathBuf, SaveError> {
        if let Source::Foreign(input) = &self.source
            && same_file(input, path)
        {
            return Err(SaveError::Io {
                path: path.display().to_string(),
                source: std::io::Error::other(
                    "this is the file the graph was read from, in another tool's format; save under a new name ending in .json",
                ),
            });
        }
        let saved = save_dataset(&self.loaded.model, path)?;
        let old_journal = self.journal_file();
        if let Some(journal) = self.journal.take() {
            journal.remove();
        } else if let Some(old) = old_journal {
            let _ = std::fs::remove_file(old);
        }
        self.base_sha256 = saved.sha256;
        self.source = Source::Dataset(path.to_path_buf());
        self.loaded.file = path.display().to_string();
        self.saved_state = Some(self.state);
        Ok(path.to_path_buf())
    }

    /// Drops the journal of unsaved edits (the user chose to discard them).
    pub fn discard_journal(&mut self) {
        if let Some(journal) = self.journal.take() {
            journal.remove();
        }
    }

    /// The dataset's name as the title shows it, with a mark when there are unsaved
    /// edits.
    pub fn title(&self) -> String {
        let mark = if self.has_unsaved_edits() { "● " } else { "" };
        format!(
            "{mark}{} · {} · Backchannel",
            self.loaded.model.title, self.loaded.file
        )
    }
}

/// Reads the dataset or graph file at `path`: the loaded dataset, where it came from
/// (ours or another tool's) and the sha256 of its bytes.
pub fn open_file(path: &Path) -> Result<(Loaded, Source, String), crate::dataset::LoadError> {
    open_file_with(path, &crate::interchange::ReadOptions::default())
}

/// Reads the file at `path` as [`open_file`] does, as `options` say.
pub fn open_file_with(
    path: &Path,
    options: &crate::interchange::ReadOptions,
) -> Result<(Loaded, Source, String), crate::dataset::LoadError> {
    let bytes = crate::interchange::read_file(path)?;
    let source = if reads_as_ours(path, &bytes) {
        Source::Dataset(path.to_path_buf())
    } else {
        Source::Foreign(path.to_path_buf())
    };
    let sha256 = sha256_hex(&bytes);
    // The bytes go to the loader, which frees them once they are parsed.
    let loaded = crate::interchange::load_owned(path, bytes, options)?;
    Ok((loaded, source, sha256))
}

/// What the researcher is told when the journal cannot be written.
fn journal_warning(error: &JournalError) -> String {
    log::error!("{error}");
    format!("{error}: this edit is not safe from a crash until you save")
}

fn step_label(step: &Step) -> String {
    match step {
        Step::View(_) => "view change".to_owned(),
        Step::Edit(step) => step.op.name().replace('_', " "),
    }
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}
