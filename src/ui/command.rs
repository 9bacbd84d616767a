//! What widgets ask the app to do: each widget pushes a [`Command`] during a frame, and
//! the app carries them out in one place (`ui::app::commands`) after the frame's
//! widgets have run. Widgets import this module, never the app.

use std::path::PathBuf;

use crate::edit::EditOp;
use crate::graph::Measure;
use crate::ui::edit_form::EditForm;
use crate::ui::state::Selection;
use crate::view::colouring::ColourBy;
use crate::view::{LayoutKind, ViewFilter};

/// What the user asked for during a frame.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Select a node or an edge, or clear the selection.
    Select(Option<Selection>),
    /// Open the positions window of the node with this id.
    ShowPositions(String),
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
    /// Label nodes by their label, id or an attribute.
    LabelBy(crate::view::label_by::LabelBy),
    /// Colour edges by their relation or by who said it.
    EdgeColourBy(crate::view::edge_colour::EdgeColourBy),
    /// Show the shortest paths between two nodes (by id).
    FindPaths(String, String),
    /// Stop showing paths.
    ClearPaths,
    /// Undo the last view action or edit.
    Undo,
    /// Redo the last undone view action or edit.
    Redo,
    /// Apply an edit to the dataset (undoable).
    Edit(EditOp),
    /// Apply the open form's edit; the form closes once it applies.
    SubmitForm(EditOp),
    /// Ask before deleting a node, saying how many relations go with it.
    AskDelete(String),
    /// Open a form to add or change an element.
    OpenForm(Box<EditForm>),
    /// Open the form that adds an article.
    OpenArticleForm,
    /// Open the review queue of extracted elements.
    OpenReview,
    /// Save to the file the dataset came from (Save As when there is none of ours).
    Save,
    /// Choose where to save.
    SaveAs,
    /// Save to this file, in our format.
    SaveTo(PathBuf),
    /// Close the window, asking first when there are unsaved edits.
    Quit,
    /// The answer to "save your changes?".
    AnswerUnsaved(UnsavedAnswer),
    /// The answer to "restore the unsaved edits of the last session?".
    AnswerRestore(bool),
    /// Select the next (+1) or previous (-1) neighbour of the node the walk started at.
    StepNeighbour(i32),
}

/// The answers to "save your changes?".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnsavedAnswer {
    /// Save, then go on.
    Save,
    /// Go on without saving.
    Discard,
    /// Stay.
    Cancel,
}
