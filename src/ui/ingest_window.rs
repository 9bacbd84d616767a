//! File > New dataset from articles: the ingest pipeline on a folder of plain-text
//! articles, on its own thread, with a progress bar and a cancel button. The result
//! opens like any dataset; the graph that was open stays until it is ready.

use std::path::PathBuf;

use egui::{RichText, Ui};

use super::style::outcome_label;
use crate::background::{self, Job, Outcome, Stage};
use crate::dataset::{self, EmbeddedStore, Loaded, Location, Problem, ProblemKind, Severity};
use crate::ingest::{self, IngestError, Lexicon, article_files, read_articles};

/// The window's fields and its running job, kept while the app runs.
#[derive(Default)]
pub struct IngestState {
    /// The folder of .txt articles.
    pub folder: String,
    /// The date of articles that print none (YYYY, YYYY-MM or YYYY-MM-DD); may be empty.
    pub published: String,
    job: Option<Job<Result<Loaded, String>>>,
    /// The outcome of the last run.
    pub message: Option<(bool, String)>,
    /// Choose… gave no folder: no chooser may exist on this system.
    no_folder_chosen: bool,
}

impl IngestState {
    /// Whether an ingest is running.
    pub fn is_running(&self) -> bool {
        self.job.is_some()
    }

    /// Starts the ingest of the folder's articles on its own thread.
    pub fn start(&mut self) {
        let folder = PathBuf::from(self.folder.trim());
        let published = self.published.trim().to_owned();
        self.message = None;
        self.job = Some(Job::spawn(
            "ingest articles",
            move || run(&folder, &published),
            || {},
        ));
    }

    /// Asks the running ingest to stop.
    pub fn cancel(&self) {
        if let Some(job) = &self.job {
            job.cancel();
        }
    }

    /// The finished ingest's dataset, once; `None` while running or after a failure
    /// (whose message is kept). A panic in the thread is caught and reported.
    pub fn poll(&mut self) -> Option<Loaded> {
        let outcome = self.job.as_ref()?.poll();
        if matches!(outcome, Outcome::Running) {
            return None;
        }
        self.job = None;
        match outcome {
            Outcome::Running => None,
            Outcome::Done(Ok(loaded)) => {
                self.message = Some((
                    true,
                    format!(
                        "Built {} nodes and {} edges from {} articles.",
                        loaded.model.nodes.len(),
                        loaded.model.edges.len(),
                        loaded.model.articles.len()
                    ),
                ));
                Some(loaded)
            }
            Outcome::Done(Err(message)) => {
                self.message = Some((false, message));
                None
            }
            Outcome::Failed => {
                self.message = Some((
                    false,
                    "The ingest stopped on an internal error; the open graph is unchanged."
                        .to_owned(),
                ));
                None
            }
        }
    }
}

/// Ingests the articles of `folder` in the job it runs in, whose progress counts the
/// ingest's steps and whose cancelling stops it between articles.
fn run(folder: &std::path::Path, published: &str) -> Result<Loaded, String> {
    let published = if published.is_empty() {
        None
    } else {
        Some(crate::model::PartialDate::parse(published).map_err(|error| error.to_string())?)
    };
    let files = article_files(&[folder.to_path_buf()])
        .map_err(|error| format!("{}: {error}", folder.display()))?;
    if files.is_empty() {
        return Err(format!("{} holds no .txt articles", folder.display()));
    }
    let articles = read_articles(&files)?;
    let title = format!("Extracted from {}", folder.display());
    let ingested = ingest::ingest(
        &articles,
        &Lexicon::built_in(),
        &title,
        published,
        &mut |now, all| {
            if let Some(progress) = background::current() {
                progress.set(Stage::Extracting, now as u64, all as u64);
            }
            !background::cancelled()
        },
    )
    .map_err(|error| match error {
        IngestError::Cancelled => "Cancelled; the open graph is unchanged.".to_owned(),
        other => other.to_string(),
    })?;
    let bytes = serde_json::to_vec(&ingested.dataset).map_err(|error| error.to_string())?;
    let label = format!(
        "{} articles from {} (not saved: File > Export graph… saves it)",
        articles.len(),
        folder.display()
    );
    let loaded = dataset::load_bytes(&label, &bytes, &EmbeddedStore::new(&[])).map_err(|error| {
        format!(
            "The extracted dataset does not load: {}",
            error
                .problems
                .first()
                .map(ToString::to_string)
                .unwrap_or_default()
        )
    });
    loaded.map(|mut loaded| {
        loaded
            .warnings
            .extend(ingested.warnings.into_iter().map(|message| Problem {
                severity: Severity::Warning,
                kind: ProblemKind::Undated,
                file: label.clone(),
                location: Location::File,
                message,
            }));
        loaded
    })
}

/// Shows the window; returns false when the user closed it.
pub fn ingest_window_ui(ctx: &egui::Context, state: &mut IngestState) -> bool {
    let mut open = true;
    egui::Window::new("New dataset from articles")
        .id(egui::Id::new("ingest"))
        .open(&mut open)
        .collapsible(false)
        .default_width(480.0)
        .show(ctx, |ui| form_ui(ui, state));
    if state.is_running() {
        ctx.request_repaint_after(std::time::Duration::from_millis(100));
    }
    if !open {
        state.cancel();
    }
    open
}

fn form_ui(ui: &mut Ui, state: &mut IngestState) {
    ui.label(
        "Reads every .txt article in a folder and builds a graph of actors, mediators, meetings \
         and demands, each element anchored in the sentence it came from. Names are recognised \
         with the built-in list of parties and places (the guide tells how to use your own).",
    );
    let running = state.is_running();
    ui.add_enabled_ui(!running, |ui| {
        ui.horizontal(|ui| {
            ui.label("Folder");
            ui.add(egui::TextEdit::singleline(&mut state.folder).desired_width(300.0));
            if ui.button("Choose…").clicked() {
                match rfd::FileDialog::new().pick_folder() {
                    Some(folder) => {
                        state.folder = folder.display().to_string();
                        state.no_folder_chosen = false;
                    }
                    None => state.no_folder_chosen = true,
                }
            }
        });
        if state.no_folder_chosen {
            ui.label(
                RichText::new(
                    "No folder was chosen. If no folder chooser appeared, this system has none: \
                     type or paste the folder's path in the field above.",
                )
                .weak(),
            );
        }
        ui.horizontal(|ui| {
            ui.label("Date of undated articles");
            ui.add(
                egui::TextEdit::singleline(&mut state.published)
                    .desired_width(110.0)
                    .hint_text("YYYY-MM"),
            );
        });
    });
    if let Some(job) = &state.job {
        let reading = job.progress();
        ui.add(
            egui::ProgressBar::new(reading.fraction().unwrap_or(0.0))
                .show_percentage()
                .text(reading.describe()),
        );
        if ui.button("Cancel").clicked() {
            state.cancel();
        }
    } else if ui
        .add_enabled(
            !state.folder.trim().is_empty(),
            egui::Button::new("Build the dataset"),
        )
        .clicked()
    {
        state.start();
    }
    outcome_label(ui, state.message.as_ref());
}
