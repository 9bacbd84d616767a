//! View state that lives while the app runs: the open document with its view (filters,
//! layout, sizes, path, history), the selection and the reader.

use crate::view::colouring::{self, ColourBy, Colouring};
use std::collections::BTreeMap;

use crate::dataset::{Loaded, Problem};
use crate::document::Source;
use crate::graph::{Adjacency, Measure, NegotiationGraph};
use crate::model::Model;
use crate::view::FilterCounts;

use super::graph_view::GraphCanvas;

pub use crate::document::{Selection, ViewSnapshot};

/// Where nodes are drawn and whether they are pinned, by id.
pub type Places = std::collections::HashMap<String, ([f32; 2], bool)>;

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

/// An open dataset and the drawing of it.
pub struct Document {
    /// The dataset, its view state, selection and history: all but the drawing.
    pub doc: crate::document::Document,
    /// The model's graph.
    pub graph: NegotiationGraph,
    /// The interactive view.
    pub canvas: GraphCanvas,
    /// The colours of `colour_by`, with their legend.
    pub colours: Colouring,
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
    /// Builds the graph and canvas of a document.
    pub fn new(doc: crate::document::Document, generation: u64) -> Self {
        let model = &doc.loaded.model;
        let graph = NegotiationGraph::new(model);
        let colours = colouring::colouring(model, &doc.colour_by);
        let canvas = GraphCanvas::new(model, generation, &colours);
        let filter_counts = FilterCounts::of(model);
        let entity_order = entity_order(model);
        Self {
            doc,
            graph,
            canvas,
            colours,
            path: None,
            measures: BTreeMap::new(),
            filter_counts,
            entity_order,
        }
    }

    /// Builds a document on a loaded dataset, coloured by its default.
    pub fn of_loaded(loaded: Loaded, source: Source, sha256: String, generation: u64) -> Self {
        let colour_by = colouring::default_colour_by(&loaded.model);
        Self::new(
            crate::document::Document::new(loaded, source, sha256, colour_by),
            generation,
        )
    }

    /// The model.
    pub fn model(&self) -> &Model {
        &self.doc.loaded.model
    }

    /// Where each node is drawn and whether it is pinned, by id (taken before an edit,
    /// while the drawing still matches the model).
    pub fn places_by_id(&self) -> Places {
        self.model()
            .nodes
            .iter()
            .zip(self.canvas.positions().iter().zip(self.canvas.pinned()))
            .map(|(node, (place, pinned))| (node.id.clone(), (*place, *pinned)))
            .collect()
    }

    /// Places by id from a view snapshot of the model as it is now.
    pub fn places_of(&self, view: &ViewSnapshot) -> Places {
        self.model()
            .nodes
            .iter()
            .zip(view.positions.iter().zip(&view.pinned))
            .map(|(node, (place, pinned))| (node.id.clone(), (*place, *pinned)))
            .collect()
    }

    /// Draws the model again after an edit changed it: every node that was there stays
    /// at its place in `old_places`, a new node appears beside its neighbours, and the
    /// zoom stays.
    pub fn redraw_after_edit(&mut self, generation: u64, old_places: &Places) {
        let transform = self.canvas.zoom_and_pan();
        let layout = self.canvas.layout_kind();
        let model = &self.doc.loaded.model;
        let mut places: Vec<Option<([f32; 2], bool)>> = model
            .nodes
            .iter()
            .map(|node| old_places.get(&node.id).copied())
            .collect();
        place_new_nodes(model, &mut places);
        self.graph = NegotiationGraph::new(model);
        self.colours = colouring::colouring(model, &self.doc.colour_by);
        self.canvas = GraphCanvas::new(model, generation, &self.colours);
        self.filter_counts = FilterCounts::of(model);
        self.entity_order = entity_order(model);
        self.path = None;
        let visibility = self.doc.filter.visibility(model);
        self.canvas
            .restore(model, visibility, layout, &places, transform);
        self.measures.clear();
        self.apply_sizes();
    }

    /// Colours (and groups) nodes by `by`.
    pub fn set_colour_by(&mut self, by: ColourBy) {
        self.colours = colouring::colouring(&self.doc.loaded.model, &by);
        self.doc.colour_by = by;
        self.canvas
            .set_colouring(&self.doc.loaded.model, self.colours.clone());
    }

    /// The warnings of the load.
    pub fn warnings(&self) -> &[Problem] {
        &self.doc.loaded.warnings
    }

    /// The adjacency of what is shown.
    pub fn shown_adjacency(&self) -> Adjacency {
        let visibility = self.canvas.visibility();
        Adjacency::new(
            &self.doc.loaded.model,
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
            filter: self.doc.filter.clone(),
            layout: self.canvas.layout_kind(),
            size_by: self.doc.size_by,
            positions: self.canvas.positions().to_vec(),
            pinned: self.canvas.pinned().to_vec(),
        }
    }

    /// Shows what the filter leaves, and sizes nodes again.
    pub fn apply_filter(&mut self) {
        let visibility = self.doc.filter.visibility(&self.doc.loaded.model);
        self.canvas
            .set_visibility(&self.doc.loaded.model, visibility);
        self.measures.clear();
        self.apply_sizes();
    }

    /// Sizes nodes by the chosen measure (relative to its largest value), or all alike.
    pub fn apply_sizes(&mut self) {
        let scales = self.doc.size_by.map(|measure| {
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
        self.doc.filter = snapshot.filter;
        self.doc.size_by = snapshot.size_by;
        let model = &self.doc.loaded.model;
        let visibility = self.doc.filter.visibility(model);
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

/// Model positions of the nodes, by kind, then label, then id: the entity list's order.
fn entity_order(model: &Model) -> Vec<usize> {
    let mut order: Vec<usize> = (0..model.nodes.len()).collect();
    order.sort_by_cached_key(|&position| {
        model
            .nodes
            .get(position)
            .map(|node| (node.kind, node.label.to_lowercase(), node.id.clone()))
    });
    order
}

/// Gives each node without a place one beside its placed neighbours (around the middle
/// of the drawing when it has none), on a small ring so that new nodes do not stack.
fn place_new_nodes(model: &Model, places: &mut [Option<([f32; 2], bool)>]) {
    let placed: Vec<[f32; 2]> = places.iter().flatten().map(|(place, _)| *place).collect();
    let middle = if placed.is_empty() {
        [0.0, 0.0]
    } else {
        let count = placed.len() as f32;
        [
            placed.iter().map(|p| p[0]).sum::<f32>() / count,
            placed.iter().map(|p| p[1]).sum::<f32>() / count,
        ]
    };
    let missing: Vec<usize> = (0..places.len())
        .filter(|&at| places.get(at).is_some_and(Option::is_none))
        .collect();
    for (turn, at) in missing.into_iter().enumerate() {
        let Some(node) = model.nodes.get(at) else {
            continue;
        };
        let neighbours: Vec<[f32; 2]> = model
            .edges
            .iter()
            .filter_map(|edge| {
                let other = if edge.source == node.id {
                    &edge.target
                } else if edge.target == node.id {
                    &edge.source
                } else {
                    return None;
                };
                let position = model.node_position(other)?;
                places
                    .get(position)
                    .copied()
                    .flatten()
                    .map(|(place, _)| place)
            })
            .collect();
        let centre = if neighbours.is_empty() {
            middle
        } else {
            let count = neighbours.len() as f32;
            [
                neighbours.iter().map(|p| p[0]).sum::<f32>() / count,
                neighbours.iter().map(|p| p[1]).sum::<f32>() / count,
            ]
        };
        let angle = turn as f32 * 2.4;
        let place = [
            centre[0] + 90.0 * angle.cos(),
            centre[1] + 90.0 * angle.sin(),
        ];
        if let Some(slot) = places.get_mut(at) {
            *slot = Some((place, false));
        }
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
    /// The chars the user has selected, if any.
    pub selection: Option<(usize, usize)>,
}
