//! View state that lives while the app runs: the open document with its view (filters,
//! layout, sizes, path, history), the selection and the reader.

use crate::view::colouring::{self, ColourBy, Colouring};
use std::collections::BTreeMap;

use crate::dataset::{Loaded, Problem};
use crate::graph::{Adjacency, Measure, NegotiationGraph};
use crate::view::{FilterCounts, History, LayoutKind, ViewFilter};

use super::graph_view::GraphCanvas;

/// What the user has selected.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Selection {
    /// A node, by id.
    Node(String),
    /// An edge, by id.
    Edge(String),
}

/// Everything undo and redo restore: the view, not the data.
#[derive(Debug, Clone, PartialEq)]
pub struct ViewSnapshot {
    /// Filters and focus.
    pub filter: ViewFilter,
    /// The layout.
    pub layout: LayoutKind,
    /// The measure that sizes nodes.
    pub size_by: Option<Measure>,
    /// Every node's position.
    pub positions: Vec<[f32; 2]>,
    /// Every node's pin.
    pub pinned: Vec<bool>,
}

/// Shortest paths found between two nodes (model positions).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathResult {
    /// First node.
    pub from: usize,
    /// Last node.
    pub to: usize,
    /// The paths, as node sequences.
    pub paths: Vec<Vec<usize>>,
}

/// An open dataset and the view of it.
pub struct Document {
    /// The loaded dataset and its warnings.
    pub loaded: Loaded,
    /// The model's graph.
    pub graph: NegotiationGraph,
    /// The interactive view.
    pub canvas: GraphCanvas,
    /// Filters and focus.
    pub filter: ViewFilter,
    /// The measure that sizes nodes, if any.
    pub size_by: Option<Measure>,
    /// What nodes are coloured and grouped by.
    pub colour_by: ColourBy,
    /// The colours of `colour_by`, with their legend.
    pub colours: Colouring,
    /// Undo and redo.
    pub history: History<ViewSnapshot>,
    /// The paths shown, if any.
    pub path: Option<PathResult>,
    /// Measures of the shown graph, computed when first asked for.
    measures: BTreeMap<Measure, Vec<f64>>,
    /// Model positions of the nodes, by kind, then label, then id: the entity list's order.
    pub entity_order: Vec<usize>,
    /// What each filter choice covers (the model does not change once loaded).
    pub filter_counts: FilterCounts,
}

impl Document {
    /// Builds the graph and canvas of a loaded dataset.
    pub fn new(loaded: Loaded, generation: u64) -> Self {
        let graph = NegotiationGraph::new(&loaded.model);
        let colour_by = colouring::default_colour_by(&loaded.model);
        let colours = colouring::colouring(&loaded.model, &colour_by);
        let canvas = GraphCanvas::new(&loaded.model, generation, &colours);
        let filter_counts = FilterCounts::of(&loaded.model);
        let mut entity_order: Vec<usize> = (0..loaded.model.nodes.len()).collect();
        entity_order.sort_by_cached_key(|&position| {
            loaded
                .model
                .nodes
                .get(position)
                .map(|node| (node.kind, node.label.to_lowercase(), node.id.clone()))
        });
        Self {
            loaded,
            graph,
            canvas,
            filter: ViewFilter::default(),
            size_by: None,
            colour_by,
            colours,
            history: History::default(),
            path: None,
            measures: BTreeMap::new(),
            filter_counts,
            entity_order,
        }
    }

    /// Colours (and groups) nodes by `by`.
    pub fn set_colour_by(&mut self, by: ColourBy) {
        self.colours = colouring::colouring(&self.loaded.model, &by);
        self.colour_by = by;
        self.canvas
            .set_colouring(&self.loaded.model, self.colours.clone());
    }

    /// The warnings of the load.
    pub fn warnings(&self) -> &[Problem] {
        &self.loaded.warnings
    }

    /// The adjacency of what is shown.
    pub fn shown_adjacency(&self) -> Adjacency {
        let visibility = self.canvas.visibility();
        Adjacency::new(
            &self.loaded.model,
            |node| visibility.nodes.get(node).copied().unwrap_or(false),
            |edge| visibility.edges.get(edge).copied().unwrap_or(false),
        )
    }

    /// `measure` of every node of the shown graph (0 for hidden nodes).
    pub fn measure(&mut self, measure: Measure) -> &[f64] {
        if !self.measures.contains_key(&measure) {
            let values = measure.compute(&self.shown_adjacency());
            self.measures.insert(measure, values);
        }
        self.measures.get(&measure).map_or(&[], Vec::as_slice)
    }

    /// The view as undo restores it.
    pub fn snapshot(&self) -> ViewSnapshot {
        ViewSnapshot {
            filter: self.filter.clone(),
            layout: self.canvas.layout_kind(),
            size_by: self.size_by,
            positions: self.canvas.positions().to_vec(),
            pinned: self.canvas.pinned().to_vec(),
        }
    }

    /// Shows what the filter leaves, and sizes nodes again.
    pub fn apply_filter(&mut self) {
        let visibility = self.filter.visibility(&self.loaded.model);
        self.canvas.set_visibility(&self.loaded.model, visibility);
        self.measures.clear();
        self.apply_sizes();
    }

    /// Sizes nodes by the chosen measure (relative to its largest value), or all alike.
    pub fn apply_sizes(&mut self) {
        let scales = self.size_by.map(|measure| {
            let values = self.measure(measure).to_vec();
            let largest = values.iter().copied().fold(0.0f64, f64::max);
            values
                .iter()
                .map(|&value| {
                    if largest > 0.0 {
                        0.6 + 1.6 * (value / largest) as f32
                    } else {
                        1.0
                    }
                })
                .collect()
        });
        self.canvas.set_scales(scales);
    }

    /// Restores a snapshot exactly (no re-layout).
    pub fn restore(&mut self, snapshot: ViewSnapshot) {
        self.filter = snapshot.filter;
        self.size_by = snapshot.size_by;
        let model = &self.loaded.model;
        let visibility = self.filter.visibility(model);
        self.canvas.restore_view(
            model,
            visibility,
            snapshot.layout,
            &snapshot.positions,
            &snapshot.pinned,
        );
        self.measures.clear();
        self.apply_sizes();
    }
}

/// The article reader: which article, which span to highlight, whether to scroll to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReaderState {
    /// The article shown.
    pub article_id: String,
    /// Char offset where the highlight begins.
    pub start: usize,
    /// Char offset where the highlight ends.
    pub end: usize,
    /// Scroll the highlight into view on the next frame.
    pub scroll_pending: bool,
}
