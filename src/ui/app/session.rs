//! Opening datasets and keeping each one's session (view, selection) between runs.

use super::dialogs::Prompt;
use super::*;

impl BackchannelApp {
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
            filter: self.document.doc.filter.clone(),
            layout: canvas.layout_kind(),
            size_by: self.document.doc.size_by,
            colour_by: Some(self.document.doc.colour_by.clone()),
            label_by: Some(self.document.doc.label_by.clone()),
            edge_colour_by: Some(self.document.doc.edge_colour_by),
            selection: self.document.doc.selection.clone(),
            zoom_and_pan: canvas.zoom_and_pan(),
        };
        if let Err(error) = session.save(&path) {
            self.status = format!("Could not save the session: {error}");
        }
        self.session_dirty = false;
        self.last_session_save = Some(Instant::now());
    }

    pub(super) fn session_file(&self) -> Option<PathBuf> {
        session_file_for(self.session_folder.as_deref(), self.file())
    }

    /// Opens the built-in seed dataset.
    pub(super) fn open_seed(&mut self) {
        match dataset::load_seed() {
            Ok(loaded) => self.replace_document(loaded, Source::Seed, DocumentCore::seed_sha256()),
            Err(error) => self.open_failure = Some(error),
        }
    }

    /// Replaces the open document (whose unsaved edits the user saved or discarded) by
    /// one built here from `loaded`.
    pub(super) fn replace_document(&mut self, loaded: Loaded, source: Source, sha256: String) {
        self.generation += 1;
        let mut document = Document::of_loaded(loaded, source, sha256, self.generation);
        let session_file =
            session_file_for(self.session_folder.as_deref(), &document.doc.loaded.file);
        let restore_problem = restore_view(&mut document, session_file.as_deref());
        self.install(document, restore_problem);
    }

    /// Shows `document` (built and given its saved view, on a worker or here) in place
    /// of the open one, whose unsaved edits the user saved or discarded.
    pub(super) fn install(&mut self, document: Document, restore_problem: Option<String>) {
        if self.session_dirty {
            self.save_session();
        }
        self.document.doc.discard_journal();
        self.generation += 1;
        self.document = document;
        self.document.canvas.limits = self.drawing_limits;
        self.document
            .doc
            .keep_journal_in(self.session_folder.clone());
        self.edit_form = None;
        self.article_form = None;
        self.review = None;
        self.reader = None;
        self.open_failure = None;
        self.neighbour_walk = None;
        self.sidebar = SidebarState::default();
        self.show_warnings = !self.document.warnings().is_empty();
        self.show_selection();
        self.status = self.opened_status();
        if let Some(problem) = restore_problem {
            self.status = format!("{} · {problem}", self.status);
        }
        self.check_journal();
    }

    /// Offers to restore the unsaved edits a journal kept from an earlier run, or says
    /// why they cannot be.
    pub(super) fn check_journal(&mut self) {
        match self.document.doc.pending_journal() {
            Ok(Some(pending)) => self.prompt = Some(Prompt::Restore(pending)),
            Ok(None) => {}
            Err(error) => {
                let aside = self
                    .document
                    .doc
                    .journal_file()
                    .and_then(|path| self.document.doc.set_journal_aside(&path));
                let kept = aside.map_or_else(String::new, |path| {
                    format!(" The journal is kept at {}.", path.display())
                });
                self.prompt = Some(Prompt::Notice(format!("{error}.{kept}")));
            }
        }
    }

    pub(super) fn opened_status(&self) -> String {
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
}

/// The file a dataset's session is saved in, in `folder` (none saves no session).
pub(super) fn session_file_for(folder: Option<&Path>, file: &str) -> Option<PathBuf> {
    let key = if file == SEED_LABEL {
        "builtin-seed"
    } else {
        file
    };
    Some(session_path(folder?, key))
}

/// Restores the view saved in `session_file` (places, filter, layout, sizes, colours,
/// selection) on `document`; what the status line says when it could not.
pub(super) fn restore_view(document: &mut Document, session_file: Option<&Path>) -> Option<String> {
    let path = session_file?;
    let session = match Session::load(path) {
        Ok(Some(session)) => session.applicable_to(document.model()),
        Ok(None) => return None,
        Err(error) => {
            return Some(format!("The saved view was not restored: {error}"));
        }
    };
    let model = &document.doc.loaded.model;
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
    document.doc.filter = session.filter.clone();
    document.doc.size_by = session.size_by;
    let visibility = document.doc.filter.visibility(model);
    document.canvas.restore(
        model,
        visibility,
        session.layout,
        &places,
        session.zoom_and_pan,
    );
    document.apply_sizes();
    if let Some(by) = session.colour_by
        && crate::view::colouring::colour_choices(document.model()).contains(&by)
    {
        document.set_colour_by(by);
    }
    if let Some(by) = session.label_by
        && crate::view::label_by::label_choices(document.model()).contains(&by)
    {
        document.set_label_by(by);
    }
    if let Some(by) = session.edge_colour_by {
        document.set_edge_colour_by(by);
    }
    document.doc.selection = session.selection;
    None
}
