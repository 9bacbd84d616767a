//! Opening a file without blocking the window: the file is read, checked and drawn on
//! a worker ([`crate::background::Job`]) while the open graph stays on screen and
//! usable; a progress bar with Cancel shows in the status bar. A load that fails, panics
//! or is cancelled leaves the open graph exactly as it was.

use std::time::Duration;

use super::columns::ColumnChoice;
use super::dialogs::Then;
use super::session::{restore_view, session_file_for};
use super::*;
use crate::background::{self, Job, Outcome, Reading, Stage};
use crate::interchange::ReadOptions;

/// How often the window looks at a load's progress.
const PROGRESS_INTERVAL: Duration = Duration::from_millis(100);

/// A dataset read, checked and drawn on a worker, ready to be shown.
pub(crate) struct Ready {
    /// The file it was read from.
    path: PathBuf,
    /// The document, with its saved view restored.
    document: Document,
    /// Why its saved view could not be restored, if it could not.
    restore_problem: Option<String>,
}

/// A file being opened on a worker.
pub(super) struct Loading {
    path: PathBuf,
    job: Job<Result<Box<Ready>, LoadError>>,
}

impl BackchannelApp {
    /// Starts opening `path` on a worker (a load already under way is cancelled). When
    /// it is ready it replaces the open dataset (after the question about unsaved edits,
    /// if there are any); when it fails the open dataset stays and the problems are shown.
    pub fn open(&mut self, path: &Path) {
        self.open_with(path, ReadOptions::default());
    }

    /// Starts opening `path` as [`Self::open`] does, read as `options` say.
    pub fn open_with(&mut self, path: &Path, options: ReadOptions) {
        self.cancel_loading();
        // The session of the open dataset is saved first, so that a dataset opened again
        // finds the view it had.
        if self.session_dirty {
            self.save_session();
        }
        self.generation += 1;
        let generation = self.generation;
        let session_folder = self.session_folder.clone();
        let work_path = path.to_path_buf();
        let job = Job::spawn(
            "open a dataset",
            move || {
                let (loaded, source, sha256) =
                    crate::document::open_file_with(&work_path, &options)?;
                if background::cancelled() {
                    return Err(failure(&work_path, background::CANCELLED));
                }
                // No count to follow while drawing: the bar moves, the line says how many.
                background::report(Stage::Drawing, 0);
                background::advance(loaded.model.nodes.len() as u64);
                let mut document = Document::of_loaded(loaded, source, sha256, generation);
                let session_file =
                    session_file_for(session_folder.as_deref(), &document.doc.loaded.file);
                let restore_problem = restore_view(&mut document, session_file.as_deref());
                Ok(Box::new(Ready {
                    path: work_path,
                    document,
                    restore_problem,
                }))
            },
            || {},
        );
        self.loading = Some(Loading {
            path: path.to_path_buf(),
            job,
        });
    }

    /// Whether a file is being opened.
    pub fn is_loading(&self) -> bool {
        self.loading.is_some()
    }

    /// How far the file being opened has come.
    pub fn loading_progress(&self) -> Option<Reading> {
        self.loading.as_ref().map(|loading| loading.job.progress())
    }

    /// Stops opening the file being opened; the open dataset stays as it is.
    pub fn cancel_loading(&mut self) {
        if let Some(loading) = self.loading.take() {
            loading.job.cancel();
            self.status = format!(
                "Opening {} was cancelled; the graph that was open is unchanged.",
                loading.path.display()
            );
        }
    }

    /// Waits until the file being opened is ready or has failed, and shows the outcome
    /// (for tests and benchmarks, which cannot wait for frames).
    pub fn wait_for_loading(&mut self) {
        if let Some(loading) = self.loading.take() {
            let path = loading.path.clone();
            let outcome = match loading.job.wait() {
                Some(result) => Outcome::Done(result),
                None => Outcome::Failed,
            };
            self.finish_loading(&path, outcome);
        }
    }

    /// Takes the result of the load under way if it has ended; asks for frames while
    /// it runs, so that its progress shows.
    pub(super) fn poll_loading(&mut self, ctx: &egui::Context) {
        let Some(loading) = &self.loading else {
            return;
        };
        match loading.job.poll() {
            Outcome::Running => ctx.request_repaint_after(PROGRESS_INTERVAL),
            outcome => {
                let path = loading.path.clone();
                self.loading = None;
                self.finish_loading(&path, outcome);
                ctx.request_repaint();
            }
        }
    }

    fn finish_loading(&mut self, path: &Path, outcome: Outcome<Result<Box<Ready>, LoadError>>) {
        match outcome {
            Outcome::Running => {}
            Outcome::Done(Ok(ready)) => self.unless_unsaved(Then::Install(ready)),
            Outcome::Done(Err(error)) => {
                // A CSV edge list whose columns must be named: the user chooses them.
                self.column_choice = ColumnChoice::for_failure(path, &error);
                if self.column_choice.is_some() {
                    self.status = format!("Choose the columns of {}.", path.display());
                } else {
                    self.show_open_failure(error);
                }
            }
            // A loader that panics (a bug, never the file's fault) must not take the
            // open graph with it.
            Outcome::Failed => self.show_open_failure(failure(
                path,
                "Backchannel stopped reading this file on an internal error; please report it with the file",
            )),
        }
    }

    fn show_open_failure(&mut self, error: LoadError) {
        self.status = format!(
            "Could not open {}: the graph that was open is unchanged.",
            error.file
        );
        self.open_failure = Some(error);
    }

    /// Shows a dataset a worker made ready, in place of the open one.
    pub(super) fn install_ready(&mut self, ready: Ready) {
        if let Err(error) = self.recent.push(&ready.path) {
            log::warn!("could not save the recent files list: {error}");
        }
        self.install(ready.document, ready.restore_problem);
    }

    /// The progress of the load under way, with Cancel, above the status line.
    pub(super) fn loading_ui(&mut self, ui: &mut Ui) {
        let Some(loading) = &self.loading else {
            return;
        };
        let reading = loading.job.progress();
        let name = loading.path.file_name().map_or_else(
            || loading.path.display().to_string(),
            |name| name.to_string_lossy().into_owned(),
        );
        let mut cancel = false;
        ui.horizontal(|ui| {
            ui.label(format!("Opening {name}"));
            let bar = match reading.fraction() {
                Some(fraction) => egui::ProgressBar::new(fraction),
                None => egui::ProgressBar::new(0.0).animate(true),
            };
            ui.add(bar.desired_width(280.0).text(reading.describe()));
            cancel = ui
                .button("Cancel")
                .on_hover_text("Stop opening it; the graph that is open stays")
                .clicked();
        });
        if cancel {
            self.cancel_loading();
        }
    }
}

/// A load's failure with one problem: `message` about the whole file at `path`.
fn failure(path: &Path, message: &str) -> LoadError {
    let file = path.display().to_string();
    LoadError {
        file: file.clone(),
        problems: vec![dataset::Problem {
            severity: dataset::Severity::Error,
            kind: dataset::ProblemKind::Unreadable,
            file,
            location: dataset::Location::File,
            message: message.to_owned(),
        }],
    }
}
