//! The primitive changes every operation is made of, and their exact undo.
//!
//! An operation is carried out change by change on the model itself (so each step looks
//! things up in the model as it is by then); the changes are recorded, and undoing the
//! operation reverts them in reverse order. Nothing is ever rebuilt from scratch, so
//! undo restores the model exactly: same elements, same order, same fields.

use crate::model::{Article, Edge, Model, Node};

/// One element inserted, removed or replaced at a position of its list.
#[derive(Debug, Clone)]
pub enum Change {
    /// An article: inserted (`before` empty), removed (`after` empty) or replaced.
    Article {
        /// Its position in [`Model::articles`].
        at: usize,
        /// What was there.
        before: Option<Box<Article>>,
        /// What is there now.
        after: Option<Box<Article>>,
    },
    /// A node.
    Node {
        /// Its position in [`Model::nodes`].
        at: usize,
        /// What was there.
        before: Option<Box<Node>>,
        /// What is there now.
        after: Option<Box<Node>>,
    },
    /// An edge.
    Edge {
        /// Its position in [`Model::edges`].
        at: usize,
        /// What was there.
        before: Option<Box<Edge>>,
        /// What is there now.
        after: Option<Box<Edge>>,
    },
}

impl Change {
    /// The change that undoes this one.
    fn inverse(&self) -> Self {
        match self {
            Self::Article { at, before, after } => Self::Article {
                at: *at,
                before: after.clone(),
                after: before.clone(),
            },
            Self::Node { at, before, after } => Self::Node {
                at: *at,
                before: after.clone(),
                after: before.clone(),
            },
            Self::Edge { at, before, after } => Self::Edge {
                at: *at,
                before: after.clone(),
                after: before.clone(),
            },
        }
    }

    /// Whether the change only replaces an element with one of the same id.
    fn keeps_ids(&self) -> bool {
        match self {
            Self::Article { before, after, .. } => same_id(before, after, |a| &a.id),
            Self::Node { before, after, .. } => same_id(before, after, |n| &n.id),
            Self::Edge { before, after, .. } => same_id(before, after, |e| &e.id),
        }
    }
}

fn same_id<T>(before: &Option<Box<T>>, after: &Option<Box<T>>, id: impl Fn(&T) -> &String) -> bool {
    matches!((before, after), (Some(b), Some(a)) if id(b) == id(a))
}

/// Inserts (`before` empty), removes (`after` empty) or replaces at `at`; true when
/// positions moved. A position out of range, which a recorded change never has, changes
/// nothing.
fn place<T: Clone>(
    list: &mut Vec<T>,
    at: usize,
    before: &Option<Box<T>>,
    after: &Option<Box<T>>,
) -> bool {
    match (before, after) {
        (None, Some(element)) if at <= list.len() => {
            list.insert(at, (**element).clone());
            true
        }
        (Some(_), None) if at < list.len() => {
            list.remove(at);
            true
        }
        (Some(_), Some(element)) => {
            if let Some(slot) = list.get_mut(at) {
                *slot = (**element).clone();
            }
            false
        }
        _ => false,
    }
}

/// The changes one operation made, with what it has to say about them.
#[derive(Debug, Clone, Default)]
pub struct ChangeSet {
    /// The changes, in the order they were made.
    pub changes: Vec<Change>,
    /// Things the researcher should know ("dropped 1 relation that would join Hamas to
    /// itself").
    pub notes: Vec<String>,
}

impl ChangeSet {
    /// Carries the changes out again (redo).
    pub fn redo(&self, model: &mut Model) {
        run(model, self.changes.iter().cloned());
    }

    /// Reverts the changes, newest first (undo).
    pub fn undo(&self, model: &mut Model) {
        run(model, self.changes.iter().rev().map(Change::inverse));
    }
}

fn run(model: &mut Model, changes: impl Iterator<Item = Change>) {
    let mut moved = false;
    for change in changes {
        moved |= apply_one(model, &change);
    }
    if moved {
        model.reindex();
    }
}

/// Carries out one change; true when the id indexes need rebuilding.
fn apply_one(model: &mut Model, change: &Change) -> bool {
    let moved = match change {
        Change::Article { at, before, after } => place(&mut model.articles, *at, before, after),
        Change::Node { at, before, after } => place(&mut model.nodes, *at, before, after),
        Change::Edge { at, before, after } => place(&mut model.edges, *at, before, after),
    };
    moved || !change.keeps_ids()
}

/// Makes changes to a model one at a time, recording each, so that an operation that
/// fails half-way is undone whole.
pub(super) struct Editor<'a> {
    model: &'a mut Model,
    set: ChangeSet,
    stale_index: bool,
}

impl<'a> Editor<'a> {
    pub(super) fn new(model: &'a mut Model) -> Self {
        Self {
            model,
            set: ChangeSet::default(),
            stale_index: false,
        }
    }

    /// The model as changed so far, its indexes up to date.
    pub(super) fn model(&mut self) -> &Model {
        if self.stale_index {
            self.model.reindex();
            self.stale_index = false;
        }
        self.model
    }

    fn record(&mut self, change: Change) {
        self.stale_index |= apply_one(self.model, &change);
        self.set.changes.push(change);
    }

    /// Adds a note for the researcher.
    pub(super) fn note(&mut self, note: String) {
        self.set.notes.push(note);
    }

    pub(super) fn push_node(&mut self, node: Node) {
        let at = self.model.nodes.len();
        self.record(Change::Node {
            at,
            before: None,
            after: Some(Box::new(node)),
        });
    }

    pub(super) fn push_edge(&mut self, edge: Edge) {
        let at = self.model.edges.len();
        self.record(Change::Edge {
            at,
            before: None,
            after: Some(Box::new(edge)),
        });
    }

    pub(super) fn push_article(&mut self, article: Article) {
        let at = self.model.articles.len();
        self.record(Change::Article {
            at,
            before: None,
            after: Some(Box::new(article)),
        });
    }

    pub(super) fn replace_node(&mut self, at: usize, node: Node) {
        if let Some(before) = self.model.nodes.get(at).cloned() {
            self.record(Change::Node {
                at,
                before: Some(Box::new(before)),
                after: Some(Box::new(node)),
            });
        }
    }

    pub(super) fn replace_edge(&mut self, at: usize, edge: Edge) {
        if let Some(before) = self.model.edges.get(at).cloned() {
            self.record(Change::Edge {
                at,
                before: Some(Box::new(before)),
                after: Some(Box::new(edge)),
            });
        }
    }

    pub(super) fn remove_node(&mut self, at: usize) {
        if let Some(before) = self.model.nodes.get(at).cloned() {
            self.record(Change::Node {
                at,
                before: Some(Box::new(before)),
                after: None,
            });
        }
    }

    pub(super) fn remove_edge(&mut self, at: usize) {
        if let Some(before) = self.model.edges.get(at).cloned() {
            self.record(Change::Edge {
                at,
                before: Some(Box::new(before)),
                after: None,
            });
        }
    }

    /// Removes the edges at these positions (any order, repeats ignored).
    pub(super) fn remove_edges(&mut self, mut positions: Vec<usize>) {
        positions.sort_unstable();
        positions.dedup();
        for at in positions.into_iter().rev() {
            self.remove_edge(at);
        }
    }

    /// The changes made; the model keeps them.
    pub(super) fn finish(mut self) -> ChangeSet {
        self.model();
        self.set
    }

    /// Undoes every change made, leaving the model as it was.
    pub(super) fn abandon(self) {
        self.set.undo(self.model);
    }
}
