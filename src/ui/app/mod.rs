//! The Backchannel window: menus, the sidebar (entities and search, filters, measures),
//! the graph canvas, the details panel, the article reader, and opening datasets without
//! ever losing the one that is open.
//!
//! Widgets only ask for changes by pushing a [`Command`]; `apply` carries them out once,
//! at the end of the frame. View actions are recorded for undo and saved in the session.

mod columns;
mod commands;
mod dialogs;
mod editing;
mod legend;
mod loading;
mod menu;
mod panels;
mod session;

pub use crate::ui::command::{Command, UnsavedAnswer};
pub use menu::SHORTCUTS;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use egui::{Color32, Key, KeyboardShortcut, Modifiers, RichText, Ui};

use super::article_form::{ArticleForm, article_form_ui};
use super::edit_form::{EditForm, edit_form_ui};
use super::export_window::{ExportState, export_window_ui};
use super::graph_export_window::{GraphExportState, graph_export_window_ui};
use super::graph_view::CanvasEvent;
use super::ingest_window::{IngestState, ingest_window_ui};
use super::preferences::Preferences;
use super::reader::reader_ui;
use super::recent::RecentFiles;
use super::review::{ReviewState, review_ui};
use super::sidebar::SidebarState;
use super::state::{Document, PathResult, ReaderState, Selection, ViewSnapshot};
use crate::dataset::{self, LoadError, Loaded, SEED_LABEL, Severity};
use crate::document::{Document as DocumentCore, Source};
use crate::graph::shortest_paths;
use crate::model::Model;
use crate::view::{LayoutKind, SESSION_FORMAT, SavedNode, Session, session_path};

/// Most shortest paths shown.
const MAX_PATHS_SHOWN: usize = 20;
/// Least time between two session saves while the user works.
const SESSION_SAVE_INTERVAL: Duration = Duration::from_secs(1);

/// How the app starts.
#[derive(Debug, Clone, Default)]
pub struct AppOptions {
    /// A dataset to open after the seed (from the command line).
    pub initial_file: Option<PathBuf>,
    /// Where File > Recent is kept; `None` keeps it in memory only.
    pub recent_store: Option<PathBuf>,
    /// Where the window's layout (which side panels are shown) is kept; `None` keeps
    /// it in memory only.
    pub preferences_store: Option<PathBuf>,
    /// The folder of saved sessions; `None` saves none.
    pub session_folder: Option<PathBuf>,
    /// How `initial_file` is read (a CSV edge list's columns).
    pub read_options: crate::interchange::ReadOptions,
    /// Zoomed far out, a graph's edges and plain nodes are drawn as one image (on a
    /// worker) rather than meshes when it shows more than this many nodes and edges
    /// together; `None` for
    /// [`crate::ui::graph_view::FAR_IMAGE_FROM_EDGES`].
    pub far_image_from: Option<usize>,
    /// Above this many edges reaching the view, they are drawn as one batch at any zoom;
    /// `None` for [`crate::ui::graph_view::BATCH_EDGES_FROM`].
    pub batch_edges_from: Option<usize>,
}

/// What a frame showed, as far as a session keeps it: whether a layout was running, and
/// the zoom and pan.
type ViewOnScreen = (bool, Option<(f32, [f32; 2])>);

/// The eframe application.
pub struct BackchannelApp {
    document: Document,
    generation: u64,
    reader: Option<ReaderState>,
    open_failure: Option<LoadError>,
    show_warnings: bool,
    /// Whether the Conflicts window is open.
    show_conflicts: bool,
    /// The positions windows: an actor's, and the matrix.
    positions: crate::ui::positions_window::PositionsWindows,
    show_open_path: bool,
    open_path_input: String,
    recent: RecentFiles,
    preferences: Preferences,
    status: String,
    titled_generation: Option<u64>,
    sidebar: SidebarState,
    session_folder: Option<PathBuf>,
    session_dirty: bool,
    last_session_save: Option<Instant>,
    /// The node whose neighbours the arrow keys walk, and where the walk is.
    neighbour_walk: Option<(String, usize)>,
    /// Whether a layout was running, and the zoom and pan, at the last frame.
    last_view: Option<ViewOnScreen>,
    /// The export window, while it is open.
    export: Option<ExportState>,
    graph_export: Option<GraphExportState>,
    ingest: Option<IngestState>,
    /// The question or notice waiting for the user.
    prompt: Option<dialogs::Prompt>,
    /// The form that adds or changes an element, while it is open.
    edit_form: Option<EditForm>,
    /// The form that adds an article, while it is open.
    article_form: Option<ArticleForm>,
    /// The review queue, while it is open.
    review: Option<ReviewState>,
    /// Save As's path field, when there is no file dialog.
    show_save_path: bool,
    save_path_input: String,
    /// The user chose to close with nothing left unsaved (or discarded it).
    allow_close: bool,
    /// Close the window on the next frame.
    quit_requested: bool,
    /// The file being opened on a worker, while it is.
    loading: Option<loading::Loading>,
    /// See [`AppOptions::far_image_from`] and [`AppOptions::batch_edges_from`].
    drawing_limits: crate::ui::graph_view::DrawingLimits,
    /// The column choice of a CSV edge list, while it is asked.
    column_choice: Option<columns::ColumnChoice>,
}

impl BackchannelApp {
    /// Opens the seed dataset, then `options.initial_file` if given (a failure to open it
    /// is shown, with the seed still open). Restores each dataset's saved session.
    pub fn new(options: AppOptions) -> Self {
        let (document, open_failure) = match dataset::load_seed() {
            Ok(loaded) => (
                Document::of_loaded(loaded, Source::Seed, DocumentCore::seed_sha256(), 0),
                None,
            ),
            Err(error) => (
                Document::of_loaded(empty_dataset(), Source::New, String::new(), 0),
                Some(error),
            ),
        };
        let mut app = Self {
            document,
            generation: 0,
            reader: None,
            open_failure,
            show_warnings: false,
            show_conflicts: false,
            positions: Default::default(),
            show_open_path: false,
            open_path_input: String::new(),
            recent: RecentFiles::load(options.recent_store),
            preferences: Preferences::load(options.preferences_store),
            status: String::new(),
            titled_generation: None,
            sidebar: SidebarState::default(),
            session_folder: options.session_folder,
            session_dirty: false,
            last_session_save: None,
            neighbour_walk: None,
            last_view: None,
            export: None,
            graph_export: None,
            ingest: None,
            prompt: None,
            edit_form: None,
            article_form: None,
            review: None,
            show_save_path: false,
            save_path_input: String::new(),
            allow_close: false,
            quit_requested: false,
            loading: None,
            drawing_limits: crate::ui::graph_view::DrawingLimits {
                far_image_from: options
                    .far_image_from
                    .unwrap_or(crate::ui::graph_view::FAR_IMAGE_FROM_EDGES),
                batch_edges_from: options
                    .batch_edges_from
                    .unwrap_or(crate::ui::graph_view::BATCH_EDGES_FROM),
            },
            column_choice: None,
        };
        app.document.canvas.limits = app.drawing_limits;
        app.document.doc.keep_journal_in(app.session_folder.clone());
        let session_file = app.session_file();
        let restore_problem = session::restore_view(&mut app.document, session_file.as_deref());
        app.show_selection();
        app.status = app.opened_status();
        if let Some(problem) = restore_problem {
            app.status = format!("{} · {problem}", app.status);
        }
        app.check_journal();
        if let Some(path) = options.initial_file {
            app.open_with(&path, options.read_options);
        }
        app
    }

    /// The open dataset's model.
    pub fn model(&self) -> &Model {
        &self.document.doc.loaded.model
    }

    /// The open document and its view.
    pub fn document(&self) -> &Document {
        &self.document
    }

    /// The open dataset's file, as the user named it.
    pub fn file(&self) -> &str {
        &self.document.doc.loaded.file
    }

    /// What is selected.
    pub fn selection(&self) -> Option<&Selection> {
        self.document.doc.selection.as_ref()
    }

    /// Whether the window asked to close (after the unsaved-changes question, if any).
    pub fn quit_requested(&self) -> bool {
        self.quit_requested
    }

    /// Whether a question or notice waits for the user.
    pub fn has_prompt(&self) -> bool {
        self.prompt.is_some()
    }

    /// The edit form, while it is open.
    pub fn edit_form(&self) -> Option<&EditForm> {
        self.edit_form.as_ref()
    }

    /// Whether a figure is being drawn and written on a worker.
    pub fn is_exporting(&self) -> bool {
        self.export.as_ref().is_some_and(ExportState::is_running)
    }

    /// The review queue's state, while it is open.
    pub fn review(&self) -> Option<&ReviewState> {
        self.review.as_ref()
    }

    /// The problems of the last failed open, while they are shown.
    pub fn open_failure(&self) -> Option<&LoadError> {
        self.open_failure.as_ref()
    }

    /// The reader's state, while it is open.
    pub fn reader(&self) -> Option<&ReaderState> {
        self.reader.as_ref()
    }

    /// The recently opened files.
    pub fn recent(&self) -> &RecentFiles {
        &self.recent
    }

    /// The status line.
    pub fn status(&self) -> &str {
        &self.status
    }

    /// Where the node with this id was drawn in the last frame, in screen points; `None`
    /// when it is hidden.
    pub fn node_screen_position(&self, id: &str) -> Option<egui::Pos2> {
        let position = self.model().node_position(id)?;
        self.document.canvas.node_screen_position(position)
    }

    /// Carries out `command` as if a widget had asked for it (for scripts, tests and
    /// benchmarks).
    pub fn apply_command(&mut self, command: Command) {
        self.apply(vec![command]);
    }

    fn paths_ui(&self, ui: &mut Ui, commands: &mut Vec<Command>) {
        let Some(result) = &self.document.path else {
            return;
        };
        let model = self.model();
        let name = |node: usize| model.nodes.get(node).map_or("?", |n| n.label.as_str());
        ui.horizontal(|ui| {
            ui.heading(format!(
                "Paths from {} to {}",
                name(result.from),
                name(result.to)
            ));
            if ui.button("Clear").clicked() {
                commands.push(Command::ClearPaths);
            }
        });
        if result.paths.is_empty() {
            ui.label("No path joins them in what is shown.");
            ui.separator();
            return;
        }
        let adjacency = self.document.shown_adjacency();
        for (index, path) in result.paths.iter().enumerate() {
            let hops = path.len().saturating_sub(1);
            egui::CollapsingHeader::new(format!("Path {} ({hops} hops)", index + 1))
                .id_salt(("path", index))
                .default_open(index == 0)
                .show(ui, |ui| {
                    for pair in path.windows(2) {
                        let [a, b] = pair else { continue };
                        for edge in adjacency
                            .edges_between(*a, *b)
                            .into_iter()
                            .filter_map(|e| model.edges.get(e))
                        {
                            ui.horizontal_wrapped(|ui| {
                                ui.label(RichText::new(model.node_label(&edge.source)).strong());
                                if ui.link(edge.relation.words()).clicked() {
                                    commands.push(Command::Select(Some(Selection::Edge(
                                        edge.id.clone(),
                                    ))));
                                }
                                ui.label(RichText::new(model.node_label(&edge.target)).strong());
                            });
                            for record in &edge.evidence {
                                let outlet = model
                                    .article(&record.article_id)
                                    .map_or("", |a| a.outlet.as_str());
                                ui.label(
                                    RichText::new(format!("“{}” ({outlet})", record.quote))
                                        .italics(),
                                );
                            }
                        }
                    }
                });
        }
        ui.separator();
    }
}

impl BackchannelApp {
    /// What the window itself tells the app: its title, a request to close, dropped
    /// files, and the keyboard.
    fn window_input(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        if self.titled_generation != Some(self.generation) {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(self.document.doc.title()));
            self.titled_generation = Some(self.generation);
        }
        if ctx.input(|input| input.viewport().close_requested()) && !self.allow_close {
            if self.document.doc.has_unsaved_edits() {
                ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
                commands.push(Command::Quit);
            } else {
                self.allow_close = true;
            }
        }

        let dropped: Vec<PathBuf> = ctx.input(|input| {
            input
                .raw
                .dropped_files
                .iter()
                .map(|file| file.path().to_path_buf())
                .collect()
        });
        // Only the first dropped file is opened: one dataset is open at a time.
        if let Some(path) = dropped.into_iter().next() {
            commands.push(Command::Open(path));
        }
        self.keyboard(ctx, commands);
    }

    /// What the canvas reports: clicks select, a drag that pinned a node is recorded.
    fn canvas_events(&mut self, events: Vec<CanvasEvent>, commands: &mut Vec<Command>) {
        for event in events {
            let model = &self.document.doc.loaded.model;
            match event {
                CanvasEvent::NodeClicked(position) => {
                    let selection = model
                        .nodes
                        .get(position)
                        .map(|node| Selection::Node(node.id.clone()));
                    commands.push(Command::Select(selection));
                }
                CanvasEvent::EdgeClicked(position) => {
                    let selection = model
                        .edges
                        .get(position)
                        .map(|edge| Selection::Edge(edge.id.clone()));
                    commands.push(Command::Select(selection));
                }
                CanvasEvent::BackgroundClicked => commands.push(Command::Select(None)),
                CanvasEvent::NodePinned {
                    before,
                    pinned_before,
                } => {
                    let mut snapshot = self.document.snapshot();
                    snapshot.positions = before;
                    snapshot.pinned = pinned_before;
                    self.document.doc.record_view(snapshot);
                    self.session_dirty = true;
                }
            }
        }
    }

    /// The windows over the main view: reader, exports, ingest, forms, review, and the
    /// questions and lists the app may have open.
    fn windows_ui(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        if let Some(reader) = &mut self.reader
            && !reader_ui(
                ctx,
                &self.document.doc.loaded.model,
                reader,
                self.document.doc.selection.as_ref(),
                commands,
            )
        {
            self.reader = None;
        }
        // A figure still being written keeps its window (and its outcome) open.
        if let Some(export) = &mut self.export
            && !export_window_ui(ctx, export, &self.document)
            && !export.is_running()
        {
            self.export = None;
        }
        if let Some(ingest) = &mut self.ingest {
            let keep = ingest_window_ui(ctx, ingest);
            if let Some(loaded) = ingest.poll() {
                self.unless_unsaved(dialogs::Then::Replace(Box::new(loaded)));
            }
            if !keep && !self.ingest.as_ref().is_some_and(IngestState::is_running) {
                self.ingest = None;
            }
        }
        if let Some(export) = &mut self.graph_export
            && !graph_export_window_ui(ctx, export, &self.document)
        {
            self.graph_export = None;
        }
        if self.document.canvas.take_layout_failure() {
            self.status = "The layout stopped on an internal error; the graph keeps the places it had reached. Choose a layout in View to run it again.".to_owned();
        }
        if let Some(form) = &mut self.edit_form
            && !edit_form_ui(ctx, &self.document.doc.loaded.model, form, commands)
        {
            self.edit_form = None;
        }
        if let Some(form) = &mut self.article_form
            && !article_form_ui(ctx, form, commands)
        {
            self.article_form = None;
        }
        let review_keys =
            self.prompt.is_none() && self.edit_form.is_none() && self.article_form.is_none();
        if let Some(review) = &mut self.review
            && !review_ui(
                ctx,
                &self.document.doc.loaded.model,
                review,
                review_keys,
                commands,
            )
        {
            self.review = None;
        }
        self.open_failure_ui(ctx);
        self.column_choice_ui(ctx);
        self.warnings_ui(ctx);
        if self.show_conflicts {
            let mut open = true;
            crate::ui::conflicts_window::conflicts_window_ui(
                ctx,
                &mut open,
                &self.document,
                commands,
            );
            self.show_conflicts = open;
        }
        self.positions
            .ui(ctx, &self.document, self.generation, commands);
        self.open_path_ui(ctx, commands);
        self.save_path_ui(ctx, commands);
        self.prompt_ui(ctx, commands);
    }

    /// Carries out the frame's commands, then closes the window or saves the session
    /// when due.
    fn end_frame(&mut self, ctx: &egui::Context, commands: Vec<Command>) {
        if !commands.is_empty() {
            ctx.request_repaint();
        }
        self.apply(commands);
        if self.quit_requested {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        // A session restores what was on screen: a layout that settles, a pan or a zoom
        // marks it for saving as a command does.
        let view = (
            self.document.canvas.is_animating(),
            self.document.canvas.zoom_and_pan(),
        );
        if self.last_view.is_some_and(|last| last != view) && !view.0 {
            self.session_dirty = true;
        }
        self.last_view = Some(view);
        if self.session_dirty {
            let due = self
                .last_session_save
                .is_none_or(|last| last.elapsed() >= SESSION_SAVE_INTERVAL);
            if due {
                self.save_session();
            } else {
                ctx.request_repaint_after(SESSION_SAVE_INTERVAL);
            }
        }
    }
}

impl eframe::App for BackchannelApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        let mut commands = Vec::new();
        self.window_input(&ctx, &mut commands);
        egui::Panel::top("menu").show(ui, |ui| self.menu_ui(ui, &mut commands));
        self.poll_loading(&ctx);
        if self.document.poll_workers() {
            ctx.request_repaint();
        }
        if self.document.workers_busy() {
            ctx.request_repaint_after(Duration::from_millis(100));
        }
        self.side_panels_ui(ui, &mut commands);
        egui::CentralPanel::default().show(ui, |ui| {
            self.legend_ui(ui, &mut commands);
            ui.separator();
            let events = self.document.canvas.ui(ui, &self.document.doc.loaded.model);
            self.canvas_events(events, &mut commands);
            if ctx.input(|input| !input.raw.hovered_files.is_empty()) {
                let rect = ui.max_rect();
                ui.painter().rect_filled(
                    rect,
                    0.0,
                    Color32::from_rgba_unmultiplied(0, 80, 160, 60),
                );
                ui.painter().text(
                    rect.center(),
                    egui::Align2::CENTER_CENTER,
                    "Drop a dataset file to open it",
                    egui::FontId::proportional(24.0),
                    Color32::from_rgb(0, 60, 120),
                );
            }
        });

        self.windows_ui(&ctx, &mut commands);
        self.end_frame(&ctx, commands);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        if self.session_dirty {
            self.save_session();
        }
        // Edits that were saved, undone or discarded leave nothing to restore; unsaved
        // ones stay in the journal (the user can only get here with none, unless the
        // window was killed).
        if !self.document.doc.has_unsaved_edits() {
            self.document.doc.discard_journal();
        }
    }
}

/// The dataset shown when even the built-in seed fails to load (never in a correct build).
fn empty_dataset() -> Loaded {
    Loaded {
        model: std::sync::Arc::new(Model::new(
            "No dataset".to_owned(),
            None,
            Vec::new(),
            Vec::new(),
            Vec::new(),
        )),
        warnings: Vec::new(),
        file: "(none)".to_owned(),
    }
}
