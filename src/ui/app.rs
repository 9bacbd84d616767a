//! The Backchannel window: menus, the sidebar (entities and search, filters, measures),
//! the graph canvas, the details panel, the article reader, and opening datasets without
//! ever losing the one that is open.
//!
//! Widgets only ask for changes by pushing a [`Command`]; `apply` carries them out once,
//! at the end of the frame. View actions are recorded for undo and saved in the session.

use crate::view::colouring::ColourBy;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use egui::{Color32, Key, KeyboardShortcut, Modifiers, RichText, Ui};

use super::details::details_ui;
use super::export_window::{ExportState, export_window_ui};
use super::graph_export_window::{GraphExportState, graph_export_window_ui};
use super::graph_view::CanvasEvent;
use super::ingest_window::{IngestState, ingest_window_ui};
use super::reader::reader_ui;
use super::recent::RecentFiles;
use super::sidebar::{SidebarState, sidebar_ui};
use super::state::{Document, PathResult, ReaderState, Selection, ViewSnapshot};
use crate::dataset::{self, LoadError, Loaded, SEED_LABEL, Severity};
use crate::graph::{Measure, shortest_paths};
use crate::model::Model;
use crate::view::{
    LayoutKind, SESSION_FORMAT, SavedNode, SavedSelection, Session, ViewFilter, session_path,
};

/// Most shortest paths shown.
const MAX_PATHS_SHOWN: usize = 20;
/// Least time between two session saves while the user works.
const SESSION_SAVE_INTERVAL: Duration = Duration::from_secs(1);

/// What the user asked for during a frame.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Select a node or an edge, or clear the selection.
    Select(Option<Selection>),
    /// Select a node and centre the view on it.
    SelectAndCentre(String),
    /// Open the reader on an article with a span highlighted.
    OpenReader {
        /// The article.
        article_id: String,
        /// Char offset where the highlight begins.
        start: usize,
        /// Char offset where it ends.
        end: usize,
    },
    /// Open a dataset file.
    Open(PathBuf),
    /// Open the built-in seed dataset.
    OpenSeed,
    /// Ask for a file with the system dialog.
    OpenDialog,
    /// Fit the graph to the view.
    FitView,
    /// Change the filters or focus (a view action).
    SetFilter(ViewFilter),
    /// Change the layout (a view action; the force layout runs again).
    SetLayout(LayoutKind),
    /// Pause or resume the force layout.
    PauseLayout(bool),
    /// Write relation names along the edges, or stop (a view action).
    ShowRelationNames(bool),
    /// Unpin every node (a view action).
    UnpinAll,
    /// Size nodes by a measure, or all alike (a view action).
    SizeBy(Option<Measure>),
    /// Colour (and group) nodes by kind, the file's colours or an attribute.
    ColourBy(ColourBy),
    /// Show the shortest paths between two nodes (by id).
    FindPaths(String, String),
    /// Stop showing paths.
    ClearPaths,
    /// Undo the last view action.
    Undo,
    /// Redo the last undone view action.
    Redo,
    /// Select the next (+1) or previous (-1) neighbour of the node the walk started at.
    StepNeighbour(i32),
}

/// How the app starts.
#[derive(Debug, Clone, Default)]
pub struct AppOptions {
    /// A dataset to open after the seed (from the command line).
    pub initial_file: Option<PathBuf>,
    /// Where File > Recent is kept; `None` keeps it in memory only.
    pub recent_store: Option<PathBuf>,
    /// The folder of saved sessions; `None` saves none.
    pub session_folder: Option<PathBuf>,
}

/// The eframe application.
pub struct BackchannelApp {
    document: Document,
    generation: u64,
    selection: Option<Selection>,
    reader: Option<ReaderState>,
    open_failure: Option<LoadError>,
    show_warnings: bool,
    show_open_path: bool,
    open_path_input: String,
    recent: RecentFiles,
    status: String,
    titled_generation: Option<u64>,
    sidebar: SidebarState,
    session_folder: Option<PathBuf>,
    session_dirty: bool,
    last_session_save: Option<Instant>,
    /// The node whose neighbours the arrow keys walk, and where the walk is.
    neighbour_walk: Option<(String, usize)>,
    /// The export window, while it is open.
    export: Option<ExportState>,
    graph_export: Option<GraphExportState>,
    ingest: Option<IngestState>,
}

impl BackchannelApp {
    /// Opens the seed dataset, then `options.initial_file` if given (a failure to open it
    /// is shown, with the seed still open). Restores each dataset's saved session.
    pub fn new(options: AppOptions) -> Self {
        let (document, open_failure) = match dataset::load_seed() {
            Ok(loaded) => (Document::new(loaded, 0), None),
            Err(error) => (Document::new(empty_dataset(), 0), Some(error)),
        };
        let mut app = Self {
            document,
            generation: 0,
            selection: None,
            reader: None,
            open_failure,
            show_warnings: false,
            show_open_path: false,
            open_path_input: String::new(),
            recent: RecentFiles::load(options.recent_store),
            status: String::new(),
            titled_generation: None,
            sidebar: SidebarState::default(),
            session_folder: options.session_folder,
            session_dirty: false,
            last_session_save: None,
            neighbour_walk: None,
            export: None,
            graph_export: None,
            ingest: None,
        };
        app.restore_session();
        app.status = app.opened_status();
        if let Some(path) = options.initial_file {
            app.open(&path);
        }
        app
    }

    /// The open dataset's model.
    pub fn model(&self) -> &Model {
        &self.document.loaded.model
    }

    /// The open document and its view.
    pub fn document(&self) -> &Document {
        &self.document
    }

    /// The open dataset's file, as the user named it.
    pub fn file(&self) -> &str {
        &self.document.loaded.file
    }

    /// What is selected.
    pub fn selection(&self) -> Option<&Selection> {
        self.selection.as_ref()
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

    /// Loads `path`; on success it replaces the open dataset (after saving the session of
    /// the one open), on failure the open dataset stays untouched and the problems are
    /// shown.
    pub fn open(&mut self, path: &Path) {
        // A loader that panics (a bug, never the file's fault) must not take the open
        // graph with it.
        let loaded = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| dataset::load_file(path)))
            .unwrap_or_else(|_| {
                let file = path.display().to_string();
                Err(LoadError {
                    file: file.clone(),
                    problems: vec![dataset::Problem {
                        severity: dataset::Severity::Error,
                        kind: dataset::ProblemKind::Unreadable,
                        file,
                        location: dataset::Location::File,
                        message: "Backchannel stopped reading this file on an internal error; please report it with the file".to_owned(),
                    }],
                })
            });
        match loaded {
            Ok(loaded) => {
                if let Err(error) = self.recent.push(path) {
                    log::warn!("could not save the recent files list: {error}");
                }
                self.replace_document(loaded);
            }
            Err(error) => {
                self.status = format!(
                    "Could not open {}: the graph that was open is unchanged.",
                    error.file
                );
                self.open_failure = Some(error);
            }
        }
    }

    /// Carries out `command` as if a widget had asked for it (for scripts, tests and
    /// benchmarks).
    pub fn apply_command(&mut self, command: Command) {
        self.apply(vec![command]);
    }

    /// Saves the open dataset's session now.
    pub fn save_session(&mut self) {
        let Some(path) = self.session_file() else {
            return;
        };
        let canvas = &self.document.canvas;
        let model = self.model();
        let nodes = model
            .nodes
            .iter()
            .zip(canvas.positions().iter().zip(canvas.pinned()))
            .map(|(node, (place, &pinned))| {
                (
                    node.id.clone(),
                    SavedNode {
                        x: place[0],
                        y: place[1],
                        pinned,
                    },
                )
            })
            .collect();
        let session = Session {
            format: SESSION_FORMAT.to_owned(),
            dataset: self.file().to_owned(),
            nodes,
            filter: self.document.filter.clone(),
            layout: canvas.layout_kind(),
            size_by: self.document.size_by,
            colour_by: Some(self.document.colour_by.clone()),
            selection: self.selection.as_ref().map(|selection| match selection {
                Selection::Node(id) => SavedSelection::Node(id.clone()),
                Selection::Edge(id) => SavedSelection::Edge(id.clone()),
            }),
            zoom_and_pan: canvas.zoom_and_pan(),
        };
        if let Err(error) = session.save(&path) {
            self.status = format!("Could not save the session: {error}");
        }
        self.session_dirty = false;
        self.last_session_save = Some(Instant::now());
    }

    fn session_file(&self) -> Option<PathBuf> {
        let folder = self.session_folder.as_ref()?;
        let key = if self.file() == SEED_LABEL {
            "builtin-seed"
        } else {
            self.file()
        };
        Some(session_path(folder, key))
    }

    fn restore_session(&mut self) {
        let Some(path) = self.session_file() else {
            return;
        };
        let session = match Session::load(&path) {
            Ok(Some(session)) => session.applicable_to(self.model()),
            Ok(None) => return,
            Err(error) => {
                self.status = format!("The saved view was not restored: {error}");
                return;
            }
        };
        let model = &self.document.loaded.model;
        let places: Vec<Option<([f32; 2], bool)>> = model
            .nodes
            .iter()
            .map(|node| {
                session
                    .nodes
                    .get(&node.id)
                    .map(|saved| ([saved.x, saved.y], saved.pinned))
            })
            .collect();
        self.document.filter = session.filter.clone();
        self.document.size_by = session.size_by;
        let visibility = self.document.filter.visibility(model);
        self.document.canvas.restore(
            model,
            visibility,
            session.layout,
            &places,
            session.zoom_and_pan,
        );
        self.document.apply_sizes();
        if let Some(by) = session.colour_by
            && crate::view::colouring::colour_choices(self.model()).contains(&by)
        {
            self.document.set_colour_by(by);
        }
        self.selection = session.selection.map(|selection| match selection {
            SavedSelection::Node(id) => Selection::Node(id),
            SavedSelection::Edge(id) => Selection::Edge(id),
        });
        self.show_selection();
    }

    fn replace_document(&mut self, loaded: Loaded) {
        if self.session_dirty {
            self.save_session();
        }
        self.generation += 1;
        self.document = Document::new(loaded, self.generation);
        self.selection = None;
        self.reader = None;
        self.open_failure = None;
        self.neighbour_walk = None;
        self.sidebar = SidebarState::default();
        self.show_warnings = !self.document.warnings().is_empty();
        self.restore_session();
        self.status = self.opened_status();
    }

    fn opened_status(&self) -> String {
        let model = self.model();
        let warnings = self.document.warnings().len();
        let mut status = format!(
            "{}: {} nodes, {} edges, {} articles",
            self.file(),
            model.nodes.len(),
            model.edges.len(),
            model.articles.len()
        );
        if warnings > 0 {
            status.push_str(&format!(", {warnings} warning(s)"));
        }
        status
    }

    fn show_selection(&mut self) {
        let model = &self.document.loaded.model;
        let (node, edge) = match &self.selection {
            Some(Selection::Node(id)) => (model.node_position(id), None),
            Some(Selection::Edge(id)) => (None, model.edges.iter().position(|edge| &edge.id == id)),
            None => (None, None),
        };
        self.document.canvas.show_selection(node, edge);
    }

    /// Records the view for undo before a view action.
    fn record(&mut self, before: ViewSnapshot) {
        self.document.history.record(before);
        self.session_dirty = true;
    }

    fn apply(&mut self, commands: Vec<Command>) {
        for command in commands {
            match command {
                Command::Select(selection) => {
                    if !matches!(&selection, Some(Selection::Node(id)) if self.neighbour_walk.as_ref().is_some_and(|(anchor, _)| anchor != id))
                    {
                        self.neighbour_walk = None;
                    }
                    self.selection = selection;
                    self.show_selection();
                    self.session_dirty = true;
                }
                Command::SelectAndCentre(id) => {
                    self.neighbour_walk = None;
                    if let Some(position) = self.model().node_position(&id) {
                        self.document.canvas.request_centre(position);
                    }
                    self.selection = Some(Selection::Node(id));
                    self.show_selection();
                    self.session_dirty = true;
                }
                Command::OpenReader {
                    article_id,
                    start,
                    end,
                } => {
                    self.reader = Some(ReaderState {
                        article_id,
                        start,
                        end,
                        scroll_pending: true,
                    });
                }
                Command::Open(path) => self.open(&path),
                Command::OpenSeed => match dataset::load_seed() {
                    Ok(loaded) => self.replace_document(loaded),
                    Err(error) => self.open_failure = Some(error),
                },
                Command::OpenDialog => {
                    let picked = rfd::FileDialog::new()
                        .set_title("Open a dataset or graph file")
                        .add_filter(
                            "Datasets and graphs (JSON, GEXF, GraphML, GML, CSV)",
                            &crate::interchange::OPENED_EXTENSIONS,
                        )
                        .add_filter("Backchannel dataset or node-link JSON", &["json"])
                        .add_filter("GEXF (Gephi)", &["gexf"])
                        .add_filter("GraphML", &["graphml"])
                        .add_filter("GML", &["gml"])
                        .add_filter("CSV edge list", &["csv"])
                        .add_filter("All files", &["*"])
                        .pick_file();
                    match picked {
                        Some(path) => self.open(&path),
                        // No portal and no zenity: offer the path field instead.
                        None => self.show_open_path = true,
                    }
                }
                Command::FitView => self.document.canvas.request_fit(),
                Command::SetFilter(filter) => {
                    if filter != self.document.filter {
                        self.record(self.document.snapshot());
                        self.document.filter = filter;
                        self.document.apply_filter();
                        self.refresh_paths();
                    }
                }
                Command::SetLayout(kind) => {
                    self.record(self.document.snapshot());
                    let model = &self.document.loaded.model;
                    self.document.canvas.set_layout(model, kind);
                }
                Command::PauseLayout(paused) => self.document.canvas.set_paused(paused),
                Command::ShowRelationNames(shown) => {
                    self.document.canvas.set_relation_names(shown);
                }
                Command::UnpinAll => {
                    self.record(self.document.snapshot());
                    self.document.canvas.unpin_all();
                }
                Command::ColourBy(by) => {
                    if by != self.document.colour_by {
                        self.document.set_colour_by(by);
                        self.session_dirty = true;
                    }
                }
                Command::SizeBy(measure) => {
                    if measure != self.document.size_by {
                        self.record(self.document.snapshot());
                        self.document.size_by = measure;
                        self.document.apply_sizes();
                    }
                }
                Command::FindPaths(from, to) => {
                    let model = self.model();
                    if let (Some(from), Some(to)) =
                        (model.node_position(&from), model.node_position(&to))
                    {
                        let paths = shortest_paths(
                            &self.document.shown_adjacency(),
                            from,
                            to,
                            MAX_PATHS_SHOWN,
                        );
                        self.document.path = Some(PathResult { from, to, paths });
                        self.highlight_paths();
                    }
                }
                Command::ClearPaths => {
                    self.document.path = None;
                    self.highlight_paths();
                }
                Command::Undo => {
                    let current = self.document.snapshot();
                    if let Some(previous) = self.document.history.undo(current) {
                        self.document.restore(previous);
                        self.refresh_paths();
                        self.session_dirty = true;
                    }
                }
                Command::Redo => {
                    let current = self.document.snapshot();
                    if let Some(next) = self.document.history.redo(current) {
                        self.document.restore(next);
                        self.refresh_paths();
                        self.session_dirty = true;
                    }
                }
                Command::StepNeighbour(step) => self.step_neighbour(step),
            }
        }
    }

    /// Finds the shown paths again (after the filters changed).
    fn refresh_paths(&mut self) {
        if let Some(path) = &self.document.path {
            let (from, to) = (path.from, path.to);
            let paths = shortest_paths(&self.document.shown_adjacency(), from, to, MAX_PATHS_SHOWN);
            self.document.path = Some(PathResult { from, to, paths });
        }
        self.highlight_paths();
    }

    fn highlight_paths(&mut self) {
        let mut nodes = std::collections::BTreeSet::new();
        let mut edges = std::collections::BTreeSet::new();
        if let Some(result) = &self.document.path {
            let adjacency = self.document.shown_adjacency();
            for path in &result.paths {
                nodes.extend(path.iter().copied());
                for pair in path.windows(2) {
                    if let [a, b] = pair {
                        edges.extend(adjacency.edges_between(*a, *b));
                    }
                }
            }
        }
        self.document.canvas.set_highlight(nodes, edges);
    }

    /// Moves the selection to the next or previous shown neighbour (by label) of the node
    /// where the walk started.
    fn step_neighbour(&mut self, step: i32) {
        let anchor = match (&self.neighbour_walk, &self.selection) {
            (Some((anchor, _)), _) => anchor.clone(),
            (None, Some(Selection::Node(id))) => id.clone(),
            _ => return,
        };
        let model = &self.document.loaded.model;
        let Some(anchor_position) = model.node_position(&anchor) else {
            return;
        };
        let mut neighbours = self
            .document
            .shown_adjacency()
            .distinct_neighbours(anchor_position);
        neighbours.sort_by_key(|&node| {
            model
                .nodes
                .get(node)
                .map(|n| (n.label.to_lowercase(), n.id.clone()))
        });
        if neighbours.is_empty() {
            return;
        }
        let count = neighbours.len() as i64;
        let index = match &self.neighbour_walk {
            Some((_, index)) => (*index as i64 + i64::from(step)).rem_euclid(count),
            None if step >= 0 => 0,
            None => count - 1,
        } as usize;
        if let Some(node) = neighbours.get(index).and_then(|&n| model.nodes.get(n)) {
            self.selection = Some(Selection::Node(node.id.clone()));
            self.neighbour_walk = Some((anchor, index));
            self.show_selection();
        }
    }

    fn menu_ui(&mut self, ui: &mut Ui, commands: &mut Vec<Command>) {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                if ui.button("Open…").on_hover_text("Ctrl+O").clicked() {
                    commands.push(Command::OpenDialog);
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
                    self.export.get_or_insert_with(|| ExportState {
                        relation_names,
                        ..ExportState::default()
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
                    ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
                }
            });
            ui.menu_button("Edit", |ui| {
                let history = &self.document.history;
                if ui
                    .add_enabled(
                        history.can_undo(),
                        egui::Button::new("Undo").shortcut_text("Ctrl+Z"),
                    )
                    .clicked()
                {
                    commands.push(Command::Undo);
                    ui.close();
                }
                if ui
                    .add_enabled(
                        history.can_redo(),
                        egui::Button::new("Redo").shortcut_text("Ctrl+Shift+Z"),
                    )
                    .clicked()
                {
                    commands.push(Command::Redo);
                    ui.close();
                }
            });
            ui.menu_button("View", |ui| {
                ui.label(RichText::new("Layout").weak());
                let has_positions = self
                    .document
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
            });
            ui.menu_button("Help", |ui| {
                ui.label(RichText::new("Mouse").strong());
                ui.label("Click a node or edge to see its evidence; click empty space to clear.");
                ui.label("Drag a node to move and pin it; drag the background to pan.");
                ui.label("Ctrl + scroll wheel: zoom.");
                ui.label(RichText::new("Keyboard").strong());
                for (keys, what) in SHORTCUTS {
                    ui.horizontal(|ui| {
                        ui.label(RichText::new(*keys).monospace());
                        ui.label(*what);
                    });
                }
                ui.label("Drop a dataset file on the window to open it.");
            });
        });
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

    fn open_failure_ui(&mut self, ctx: &egui::Context) {
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

    fn warnings_ui(&mut self, ctx: &egui::Context) {
        if !self.show_warnings {
            return;
        }
        let mut open = true;
        let warnings = self.document.warnings().to_vec();
        egui::Window::new(format!(
            "Opened {} with {} warning(s)",
            self.file(),
            warnings.len()
        ))
        .id(egui::Id::new("load-warnings"))
        .open(&mut open)
        .default_width(640.0)
        .show(ctx, |ui| problem_list_ui(ui, &warnings));
        self.show_warnings = open;
    }

    fn open_path_ui(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) {
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

    fn keyboard(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        let shortcut = |modifiers, key| KeyboardShortcut::new(modifiers, key);
        if ctx.input_mut(|input| input.consume_shortcut(&shortcut(Modifiers::COMMAND, Key::O))) {
            commands.push(Command::OpenDialog);
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
        "undo a view action (filters, focus, pins, layout)",
    ),
    ("Ctrl+Shift+Z, Ctrl+Y", "redo"),
    ("Ctrl+O", "open a dataset"),
];

impl eframe::App for BackchannelApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        let mut commands = Vec::new();
        if self.titled_generation != Some(self.generation) {
            let title = format!("{} · {} · Backchannel", self.model().title, self.file());
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title));
            self.titled_generation = Some(self.generation);
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
        self.keyboard(&ctx, &mut commands);

        egui::Panel::top("menu").show(ui, |ui| self.menu_ui(ui, &mut commands));
        egui::Panel::bottom("status").show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.label(&self.status);
                if !self.document.warnings().is_empty() && ui.link("show warnings").clicked() {
                    self.show_warnings = true;
                }
            });
        });
        egui::Panel::left("sidebar")
            .default_size(260.0)
            .resizable(true)
            .show(ui, |ui| {
                sidebar_ui(
                    ui,
                    &mut self.sidebar,
                    &mut self.document,
                    self.selection.as_ref(),
                    &mut commands,
                );
            });
        egui::Panel::right("details")
            .default_size(430.0)
            .min_size(320.0)
            .resizable(true)
            .show(ui, |ui| {
                egui::ScrollArea::vertical()
                    .auto_shrink([false, false])
                    .show(ui, |ui| {
                        self.paths_ui(ui, &mut commands);
                        details_ui(ui, &self.document, self.selection.as_ref(), &mut commands);
                    });
            });
        egui::CentralPanel::default().show(ui, |ui| {
            self.legend_ui(ui, &mut commands);
            ui.separator();
            let events = self.document.canvas.ui(ui, &self.document.loaded.model);
            let model = &self.document.loaded.model;
            for event in events {
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
                        self.document.history.record(snapshot);
                        self.session_dirty = true;
                    }
                }
            }
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

        if let Some(reader) = &mut self.reader
            && !reader_ui(&ctx, &self.document.loaded.model, reader)
        {
            self.reader = None;
        }
        if let Some(export) = &mut self.export
            && !export_window_ui(&ctx, export, &self.document)
        {
            self.export = None;
        }
        if let Some(ingest) = &mut self.ingest {
            let keep = ingest_window_ui(&ctx, ingest);
            if let Some(loaded) = ingest.poll() {
                self.replace_document(loaded);
            }
            if !keep && !self.ingest.as_ref().is_some_and(IngestState::is_running) {
                self.ingest = None;
            }
        }
        if let Some(export) = &mut self.graph_export
            && !graph_export_window_ui(&ctx, export, &self.document)
        {
            self.graph_export = None;
        }
        if self.document.canvas.take_layout_failure() {
            self.status = "The layout stopped on an internal error; the graph keeps the places it had reached. Choose a layout in View to run it again.".to_owned();
        }
        self.open_failure_ui(&ctx);
        self.warnings_ui(&ctx);
        self.open_path_ui(&ctx, &mut commands);

        if !commands.is_empty() {
            ctx.request_repaint();
        }
        self.apply(commands);
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

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        if self.session_dirty {
            self.save_session();
        }
    }
}

/// Every problem, errors first, each with its place.
fn problem_list_ui(ui: &mut Ui, problems: &[crate::dataset::Problem]) {
    egui::ScrollArea::vertical()
        .max_height(420.0)
        .show(ui, |ui| {
            let mut sorted: Vec<_> = problems.iter().collect();
            sorted.sort_by_key(|problem| std::cmp::Reverse(problem.severity));
            for problem in sorted {
                let (tag, color) = match problem.severity {
                    Severity::Error => ("error", Color32::from_rgb(190, 30, 30)),
                    Severity::Warning => ("warning", Color32::from_rgb(170, 110, 0)),
                };
                ui.horizontal_wrapped(|ui| {
                    ui.label(RichText::new(tag).color(color).strong());
                    let place = problem.location.to_string();
                    if !place.is_empty() {
                        ui.label(RichText::new(place).monospace());
                    }
                    ui.label(&problem.message);
                });
            }
        });
}

/// "actor" -> "Actor".
pub fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The dataset shown when even the built-in seed fails to load (never in a correct build).
fn empty_dataset() -> Loaded {
    Loaded {
        model: Model::new(
            "No dataset".to_owned(),
            None,
            Vec::new(),
            Vec::new(),
            Vec::new(),
        ),
        warnings: Vec::new(),
        file: "(none)".to_owned(),
    }
}
