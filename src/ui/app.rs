//! The Backchannel window: menus, the entity list, the graph canvas, the details panel,
//! the article reader, and opening datasets without ever losing the one that is open.
//!
//! Widgets only ask for changes by pushing a [`Command`]; `apply` carries them out once,
//! at the end of the frame.

use std::path::{Path, PathBuf};

use egui::{Color32, Key, KeyboardShortcut, Modifiers, RichText, Sense, Ui, Vec2};

use super::details::details_ui;
use super::graph_view::CanvasEvent;
use super::reader::reader_ui;
use super::recent::RecentFiles;
use super::state::{Document, ReaderState, Selection};
use super::style::{kind_shape_name, paint_kind_marker};
use crate::dataset::{self, LoadError, Loaded, Severity};
use crate::model::{Model, NodeKind};

/// What the user asked for during a frame.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// Select a node or an edge, or clear the selection.
    Select(Option<Selection>),
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
}

/// How the app starts.
#[derive(Debug, Clone, Default)]
pub struct AppOptions {
    /// A dataset to open after the seed (from the command line).
    pub initial_file: Option<PathBuf>,
    /// Where File > Recent is kept; `None` keeps it in memory only.
    pub recent_store: Option<PathBuf>,
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
    /// The generation whose file name the window title shows.
    titled_generation: Option<u64>,
}

impl BackchannelApp {
    /// Opens the seed dataset, then `options.initial_file` if given (a failure to open it
    /// is shown, with the seed still open).
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
        };
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

    /// Where the node with this id was drawn in the last frame, in screen points.
    pub fn node_screen_position(&self, id: &str) -> Option<egui::Pos2> {
        let position = self.model().node_position(id)?;
        self.document.canvas.node_screen_position(position)
    }

    /// Loads `path`; on success it replaces the open dataset, on failure the open dataset
    /// stays untouched and the problems are shown.
    pub fn open(&mut self, path: &Path) {
        match dataset::load_file(path) {
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

    fn replace_document(&mut self, loaded: Loaded) {
        self.generation += 1;
        self.document = Document::new(loaded, self.generation);
        self.selection = None;
        self.reader = None;
        self.open_failure = None;
        self.show_warnings = !self.document.warnings().is_empty();
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

    fn apply(&mut self, commands: Vec<Command>) {
        for command in commands {
            match command {
                Command::Select(selection) => {
                    self.selection = selection;
                    let model = &self.document.loaded.model;
                    let (node, edge) = match &self.selection {
                        Some(Selection::Node(id)) => (model.node_position(id), None),
                        Some(Selection::Edge(id)) => {
                            (None, model.edges.iter().position(|edge| &edge.id == id))
                        }
                        None => (None, None),
                    };
                    self.document.canvas.show_selection(node, edge);
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
                        .set_title("Open a Backchannel dataset")
                        .add_filter("Backchannel dataset", &["json"])
                        .add_filter("All files", &["*"])
                        .pick_file();
                    match picked {
                        Some(path) => self.open(&path),
                        // No portal and no zenity: offer the path field instead.
                        None => self.show_open_path = true,
                    }
                }
                Command::FitView => self.document.canvas.request_fit(),
            }
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
                if ui.button("Open the built-in seed dataset").clicked() {
                    commands.push(Command::OpenSeed);
                    ui.close();
                }
                ui.separator();
                if ui.button("Quit").clicked() {
                    ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
                }
            });
            ui.menu_button("View", |ui| {
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
                ui.label("Click a node or edge to see its evidence.");
                ui.label("Drag nodes to move (and pin) them; drag the background to pan;");
                ui.label("Ctrl + scroll wheel to zoom.");
                ui.label("Ctrl+O: open a dataset. Esc: clear the selection.");
                ui.label("Drop a dataset file on the window to open it.");
            });
        });
    }

    /// The entity list: every node, grouped by kind, sorted by label.
    fn entities_ui(&self, ui: &mut Ui, commands: &mut Vec<Command>) {
        let model = self.model();
        ui.heading(&model.title);
        ui.label(
            RichText::new(format!(
                "{} nodes · {} edges",
                model.nodes.len(),
                model.edges.len()
            ))
            .weak(),
        );
        ui.separator();
        egui::ScrollArea::vertical()
            .auto_shrink([false, false])
            .show(ui, |ui| {
                for kind in NodeKind::ALL {
                    let mut nodes: Vec<_> = model
                        .nodes
                        .iter()
                        .filter(|node| node.kind == *kind)
                        .collect();
                    if nodes.is_empty() {
                        continue;
                    }
                    nodes.sort_by_key(|node| (node.label.to_lowercase(), node.id.clone()));
                    let title = format!("{}s ({})", capitalised(kind.as_str()), nodes.len());
                    egui::CollapsingHeader::new(title)
                        .id_salt(kind.as_str())
                        .default_open(true)
                        .show(ui, |ui| {
                            for node in nodes {
                                let selected = self.selection.as_ref()
                                    == Some(&Selection::Node(node.id.clone()));
                                if ui.selectable_label(selected, &node.label).clicked() {
                                    commands.push(Command::Select(Some(Selection::Node(
                                        node.id.clone(),
                                    ))));
                                }
                            }
                        });
                }
            });
    }

    fn legend_ui(&self, ui: &mut Ui, commands: &mut Vec<Command>) {
        ui.horizontal(|ui| {
            for kind in NodeKind::ALL {
                let count = self
                    .model()
                    .nodes
                    .iter()
                    .filter(|node| node.kind == *kind)
                    .count();
                let (rect, marker) = ui.allocate_exact_size(Vec2::splat(18.0), Sense::hover());
                paint_kind_marker(ui.painter(), *kind, rect);
                marker.on_hover_text(format!("{}: {}", kind.as_str(), kind_shape_name(*kind)));
                ui.label(format!("{} ({count})", capitalised(kind.as_str())));
                ui.add_space(8.0);
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui.button("Fit to view").clicked() {
                    commands.push(Command::FitView);
                }
                ui.label(
                    RichText::new("Drag nodes · drag background to pan · Ctrl+wheel to zoom")
                        .weak(),
                );
            });
        });
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
}

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
        if ctx.input_mut(|input| {
            input.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, Key::O))
        }) {
            commands.push(Command::OpenDialog);
        }
        if ctx.input(|input| input.key_pressed(Key::Escape))
            && self.reader.is_none()
            && self.open_failure.is_none()
        {
            commands.push(Command::Select(None));
        }

        egui::Panel::top("menu").show(ui, |ui| self.menu_ui(ui, &mut commands));
        egui::Panel::bottom("status").show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.label(&self.status);
                if !self.document.warnings().is_empty() && ui.link("show warnings").clicked() {
                    self.show_warnings = true;
                }
            });
        });
        egui::Panel::left("entities")
            .default_size(230.0)
            .resizable(true)
            .show(ui, |ui| self.entities_ui(ui, &mut commands));
        egui::Panel::right("details")
            .default_size(430.0)
            .min_size(320.0)
            .resizable(true)
            .show(ui, |ui| {
                egui::ScrollArea::vertical()
                    .auto_shrink([false, false])
                    .show(ui, |ui| {
                        details_ui(
                            ui,
                            &self.document.loaded.model,
                            &self.document.graph,
                            self.selection.as_ref(),
                            &mut commands,
                        );
                    });
            });
        egui::CentralPanel::default().show(ui, |ui| {
            self.legend_ui(ui, &mut commands);
            ui.separator();
            let events = self.document.canvas.ui(ui);
            let model = &self.document.loaded.model;
            for event in events {
                let selection = match event {
                    CanvasEvent::NodeClicked(position) => model
                        .nodes
                        .get(position)
                        .map(|node| Selection::Node(node.id.clone())),
                    CanvasEvent::EdgeClicked(position) => model
                        .edges
                        .get(position)
                        .map(|edge| Selection::Edge(edge.id.clone())),
                    CanvasEvent::BackgroundClicked => None,
                };
                commands.push(Command::Select(selection));
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
        self.open_failure_ui(&ctx);
        self.warnings_ui(&ctx);
        self.open_path_ui(&ctx, &mut commands);

        if !commands.is_empty() {
            ctx.request_repaint();
        }
        self.apply(commands);
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

fn capitalised(word: &str) -> String {
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
