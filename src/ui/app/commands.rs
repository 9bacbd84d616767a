//! The one place what widgets ask for (a [`Command`]) is carried out.

use super::dialogs::{Prompt, Then};
use super::*;
use crate::edit::EditOp;
use crate::ui::article_form::ArticleForm;
use crate::ui::command::Command;

use crate::ui::review::ReviewState;

impl BackchannelApp {
    pub(super) fn show_selection(&mut self) {
        let model = &self.document.doc.loaded.model;
        let (node, edge) = match &self.document.doc.selection {
            Some(Selection::Node(id)) => (model.node_position(id), None),
            Some(Selection::Edge(id)) => (None, model.edges.iter().position(|edge| &edge.id == id)),
            None => (None, None),
        };
        self.document.canvas.show_selection(node, edge);
    }

    /// Records the view for undo before a view action.
    pub(super) fn record(&mut self, before: ViewSnapshot) {
        self.document.doc.record_view(before);
        self.session_dirty = true;
    }

    /// Asks for a file with the system dialog, or offers the path field.
    pub(super) fn open_dialog(&mut self) {
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

    pub(super) fn apply(&mut self, commands: Vec<Command>) {
        for command in commands {
            match command {
                Command::Select(selection) => {
                    if !matches!(&selection, Some(Selection::Node(id)) if self.neighbour_walk.as_ref().is_some_and(|(anchor, _)| anchor != id))
                    {
                        self.neighbour_walk = None;
                    }
                    self.document.doc.selection = selection;
                    self.show_selection();
                    self.session_dirty = true;
                }
                Command::SelectAndCentre(id) => {
                    self.neighbour_walk = None;
                    if let Some(position) = self.model().node_position(&id) {
                        self.document.canvas.request_centre(position);
                    }
                    self.document.doc.selection = Some(Selection::Node(id));
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
                        selection: None,
                    });
                }
                // A file opens on a worker; the question about unsaved edits waits until
                // it is ready (edits made meanwhile count too).
                Command::Open(path) => self.open(&path),
                Command::OpenSeed => self.unless_unsaved(Then::OpenSeed),
                Command::OpenDialog => self.open_dialog(),
                Command::FitView => self.document.canvas.request_fit(),
                Command::SetFilter(filter) => {
                    if filter != self.document.doc.filter {
                        self.record(self.document.snapshot());
                        self.document.doc.filter = filter;
                        self.document.apply_filter();
                        self.refresh_paths();
                    }
                }
                Command::SetLayout(kind) => {
                    self.record(self.document.snapshot());
                    let model = &self.document.doc.loaded.model;
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
                Command::ShowPositions(actor) => self.positions.actor = Some(actor),
                Command::EdgeColourBy(by) => {
                    if by != self.document.doc.edge_colour_by {
                        self.document.set_edge_colour_by(by);
                        self.session_dirty = true;
                    }
                }
                Command::LabelBy(by) => {
                    if by != self.document.doc.label_by {
                        self.document.set_label_by(by);
                        self.session_dirty = true;
                    }
                }
                Command::ColourBy(by) => {
                    if by != self.document.doc.colour_by {
                        self.document.set_colour_by(by);
                        self.session_dirty = true;
                    }
                }
                Command::SizeBy(measure) => {
                    if measure != self.document.doc.size_by {
                        self.record(self.document.snapshot());
                        self.document.doc.size_by = measure;
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
                Command::Undo => self.undo(),
                Command::Redo => self.redo(),
                Command::Edit(op) => {
                    if let Err(error) = self.apply_edit(op) {
                        self.status = format!("Not done: {error}");
                    }
                }
                Command::SubmitForm(op) => {
                    let article = matches!(op, EditOp::AddArticle(_));
                    match self.apply_edit(op) {
                        Ok(()) if article => self.article_form = None,
                        Ok(()) => self.edit_form = None,
                        Err(error) if article => {
                            if let Some(form) = &mut self.article_form {
                                form.error = Some(error.to_string());
                            }
                        }
                        Err(error) => {
                            if let Some(form) = &mut self.edit_form {
                                form.error = Some(error.to_string());
                            }
                        }
                    }
                }
                Command::OpenArticleForm => {
                    let form = ArticleForm::new(self.model());
                    self.article_form = Some(form);
                }
                Command::AskDelete(id) => {
                    let (relations, affiliated) = crate::edit::deletion_reach(self.model(), &id);
                    let label = self.model().node_label(&id).to_owned();
                    self.prompt = Some(Prompt::ConfirmDelete {
                        id,
                        label,
                        relations,
                        affiliated,
                    });
                }
                Command::OpenForm(form) => self.edit_form = Some(*form),
                Command::OpenReview => {
                    self.review.get_or_insert_with(ReviewState::default);
                }
                Command::Save => {
                    self.save();
                }
                Command::SaveAs => {
                    self.save_as_dialog();
                }
                Command::SaveTo(path) => {
                    self.save_to(&path);
                }
                Command::Quit => self.unless_unsaved(Then::Quit),
                Command::AnswerUnsaved(answer) => self.answer_unsaved(answer),
                Command::AnswerRestore(restore) => self.answer_restore(restore),
                Command::StepNeighbour(step) => self.step_neighbour(step),
            }
        }
    }

    /// Finds the shown paths again (after the filters changed).
    pub(super) fn refresh_paths(&mut self) {
        if let Some(path) = &self.document.path {
            let (from, to) = (path.from, path.to);
            let paths = shortest_paths(&self.document.shown_adjacency(), from, to, MAX_PATHS_SHOWN);
            self.document.path = Some(PathResult { from, to, paths });
        }
        self.highlight_paths();
    }

    pub(super) fn highlight_paths(&mut self) {
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
    pub(super) fn step_neighbour(&mut self, step: i32) {
        let anchor = match (&self.neighbour_walk, &self.document.doc.selection) {
            (Some((anchor, _)), _) => anchor.clone(),
            (None, Some(Selection::Node(id))) => id.clone(),
            _ => return,
        };
        let model = &self.document.doc.loaded.model;
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
        let Some(&position) = neighbours.get(index) else {
            return;
        };
        let Some(node) = model.nodes.get(position) else {
            return;
        };
        // "Neighbour 2 of 22 of Hamas, via demands": where the walk is.
        let mut via: Vec<String> = (0..model.edges.len())
            .filter(|&edge| {
                model.edge_ends(edge).is_some_and(|(a, b)| {
                    (a, b) == (anchor_position, position) || (a, b) == (position, anchor_position)
                })
            })
            .filter_map(|edge| model.edges.get(edge).map(|edge| edge.relation.words()))
            .collect();
        via.sort_unstable();
        via.dedup();
        let anchor_label = model
            .nodes
            .get(anchor_position)
            .map_or(anchor.as_str(), |node| node.label.as_str());
        self.status = format!(
            "Neighbour {} of {count} of {anchor_label}, via {} (Right and Left walk on)",
            index + 1,
            via.join(" and ")
        );
        self.document.doc.selection = Some(Selection::Node(node.id.clone()));
        self.neighbour_walk = Some((anchor, index));
        self.show_selection();
    }
}
