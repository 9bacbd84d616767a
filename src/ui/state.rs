//! View state that lives while the app runs: the open document with its view (filters,
//! layout, sizes, path, history), the selection and the reader.

use crate::view::colouring::{self, ColourBy, Colouring};
use std::collections::BTreeMap;

use crate::dataset::{Loaded, Problem};
use crate::document::Source;
use std::sync::Arc;

use crate::background::{Job, Outcome, Reading};
use crate::graph::{
    Adjacency, Measure, MeasureBasis, MeasureTable, NegotiationGraph, measure_table,
};
use crate::model::Model;
use crate::model::search::{SearchHit, SearchIndex};
use crate::view::FilterCounts;

use super::graph_view::GraphCanvas;

pub use crate::document::{Selection, ViewSnapshot};

/// Shown graphs of at most this many nodes have their measures computed at once; larger
/// ones on a worker.
const INLINE_MEASURE_LIMIT: usize = 1_000;

/// Datasets of at most this many nodes are searched at once; larger ones on a worker.
const INLINE_SEARCH_LIMIT: usize = 5_000;

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
    measures: BTreeMap<Measure, Arc<MeasureTable>>,
    /// The measure being computed on a worker, while it is.
    measure_job: Option<(Measure, Job<MeasureTable>)>,
    /// What the measures need of the model, shared with their workers.
    measure_basis: MeasureBasis,
    /// Every node's names, folded once for search.
    search_index: Arc<SearchIndex>,
    /// The last search's query and hits.
    search_hits: Option<(String, Arc<Vec<SearchHit>>)>,
    /// The search running on a worker, with its query, while it runs.
    search_job: Option<(String, Job<Vec<SearchHit>>)>,
    /// Model positions of the nodes, by kind, then label, then id: the entity list's order.
    pub entity_order: Vec<usize>,
    /// What each filter choice covers (the model does not change once loaded).
    pub filter_counts: FilterCounts,
    /// Reports that contradict each other, found once per model.
    pub conflicts: Vec<crate::claims::Conflict>,
    /// Every actor's latest stance on every thing, read once per model.
    pub position_matrix: Vec<crate::claims::positions::Cell>,
    /// What the edge colours stand for, with counts, when edges are not coloured by
    /// relation; made with the colours.
    pub edge_colour_legend: Option<Vec<crate::view::colouring::LegendEntry>>,
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
        let measure_basis = MeasureBasis::of(model);
        let search_index = Arc::new(SearchIndex::of(model));
        let mut document = Self {
            doc,
            graph,
            canvas,
            colours,
            path: None,
            measures: BTreeMap::new(),
            measure_job: None,
            measure_basis,
            search_index,
            search_hits: None,
            search_job: None,
            filter_counts,
            entity_order,
            conflicts: Vec::new(),
            position_matrix: Vec::new(),
            edge_colour_legend: None,
        };
        document.read_claims();
        document
    }

    /// Finds the conflicts and positions of the model, and marks contested edges.
    fn read_claims(&mut self) {
        let model = &self.doc.loaded.model;
        self.conflicts = crate::claims::find_conflicts(model);
        self.position_matrix = crate::claims::positions::position_matrix(model);
        self.canvas.set_contested(model, &self.conflicts);
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
        let limits = self.canvas.limits;
        self.canvas = GraphCanvas::new(model, generation, &self.colours);
        self.canvas.limits = limits;
        self.filter_counts = FilterCounts::of(model);
        self.entity_order = entity_order(model);
        self.measure_basis = MeasureBasis::of(model);
        self.search_index = Arc::new(SearchIndex::of(model));
        self.search_hits = None;
        self.search_job = None;
        self.path = None;
        self.read_claims();
        self.apply_edge_colours();
        let model = &self.doc.loaded.model;
        let visibility = self.doc.filter.visibility(model);
        self.canvas
            .restore(model, visibility, layout, &places, transform);
        self.forget_measures();
        self.apply_sizes();
    }

    /// Colours edges by `by`, in the window and its figures.
    pub fn set_edge_colour_by(&mut self, by: crate::view::edge_colour::EdgeColourBy) {
        self.doc.edge_colour_by = by;
        self.apply_edge_colours();
    }

    /// Gives the canvas the edge colours the document's choice makes.
    fn apply_edge_colours(&mut self) {
        let model = &self.doc.loaded.model;
        let (tints, legend) =
            crate::view::edge_colour::edge_colours(model, self.doc.edge_colour_by, &[]).unzip();
        self.edge_colour_legend = legend;
        self.canvas.set_edge_tints(model, tints);
    }

    /// Labels nodes by `by`, in the window and its figures.
    pub fn set_label_by(&mut self, by: crate::view::label_by::LabelBy) {
        self.canvas.set_label_by(&self.doc.loaded.model, by.clone());
        self.doc.label_by = by;
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

    /// `measure` of the shown graph, ranked, once it is computed: at once on a small
    /// graph, on a worker on a large one (`None` until it is ready; [`Self::poll_measures`]
    /// takes it).
    pub fn measure_table(&mut self, measure: Measure) -> Option<Arc<MeasureTable>> {
        if let Some(table) = self.measures.get(&measure) {
            return Some(Arc::clone(table));
        }
        let visibility = self.canvas.visibility();
        let shown = visibility.nodes.iter().filter(|shown| **shown).count();
        if shown <= INLINE_MEASURE_LIMIT {
            let table = Arc::new(measure_table(
                &self.measure_basis,
                measure,
                &visibility.nodes,
                &visibility.edges,
            ));
            self.measures.insert(measure, Arc::clone(&table));
            return Some(table);
        }
        if self
            .measure_job
            .as_ref()
            .is_none_or(|(running, _)| *running != measure)
        {
            if let Some((_, job)) = self.measure_job.take() {
                job.cancel();
            }
            let basis = self.measure_basis.clone();
            let (nodes, edges) = (visibility.nodes.clone(), visibility.edges.clone());
            let job = Job::spawn(
                "compute a measure",
                move || measure_table(&basis, measure, &nodes, &edges),
                || {},
            );
            self.measure_job = Some((measure, job));
        }
        None
    }

    /// The nodes that match `query`, best first: at once on a small dataset, on a worker
    /// on a large one, where the hits of the last finished search stand in (`None`
    /// before the first) until [`Self::poll_workers`] takes the new ones.
    pub fn search(&mut self, query: &str) -> Option<Arc<Vec<SearchHit>>> {
        let stale = match &self.search_hits {
            Some((done, hits)) if done == query => return Some(Arc::clone(hits)),
            Some((_, hits)) => Some(Arc::clone(hits)),
            None => None,
        };
        if self.search_index.len() <= INLINE_SEARCH_LIMIT {
            let hits = Arc::new(self.search_index.search(query));
            self.search_hits = Some((query.to_owned(), Arc::clone(&hits)));
            return Some(hits);
        }
        if self
            .search_job
            .as_ref()
            .is_none_or(|(running, _)| running != query)
        {
            if let Some((_, job)) = self.search_job.take() {
                job.cancel();
            }
            let index = Arc::clone(&self.search_index);
            let owned = query.to_owned();
            let job = Job::spawn("search", move || index.search(&owned), || {});
            self.search_job = Some((query.to_owned(), job));
        }
        stale
    }

    /// Whether a search runs on a worker.
    pub fn is_searching(&self) -> bool {
        self.search_job.is_some()
    }

    /// `measure` of the shown graph, if it has been computed.
    pub fn computed_measure(&self, measure: Measure) -> Option<Arc<MeasureTable>> {
        self.measures.get(&measure).cloned()
    }

    /// The measure being computed on a worker, and how far it has come.
    pub fn measure_progress(&self) -> Option<(Measure, Reading)> {
        self.measure_job
            .as_ref()
            .map(|(measure, job)| (*measure, job.progress()))
    }

    /// Takes what the workers finished (a measure, a search), sizing nodes by the
    /// measure if they are sized by it; true when something changed.
    pub fn poll_workers(&mut self) -> bool {
        let searched = self.poll_search();
        self.poll_measures() || searched
    }

    /// Whether a worker computes something for this document.
    pub fn workers_busy(&self) -> bool {
        self.measure_job.is_some() || self.search_job.is_some()
    }

    fn poll_search(&mut self) -> bool {
        let Some((query, job)) = &self.search_job else {
            return false;
        };
        let query = query.clone();
        match job.poll() {
            Outcome::Running => false,
            Outcome::Done(hits) => {
                self.search_job = None;
                self.search_hits = Some((query, Arc::new(hits)));
                true
            }
            Outcome::Failed => {
                log::error!("the search for {query:?} stopped on an internal error");
                self.search_job = None;
                true
            }
        }
    }

    fn poll_measures(&mut self) -> bool {
        let Some((measure, job)) = &self.measure_job else {
            return false;
        };
        let measure = *measure;
        match job.poll() {
            Outcome::Running => false,
            Outcome::Done(table) => {
                self.measure_job = None;
                self.measures.insert(measure, Arc::new(table));
                if self.doc.size_by == Some(measure) {
                    self.apply_sizes();
                }
                true
            }
            Outcome::Failed => {
                log::error!(
                    "computing {} stopped on an internal error",
                    measure.as_str()
                );
                self.measure_job = None;
                true
            }
        }
    }

    /// Waits for the measure being computed (for tests and benchmarks).
    pub fn wait_for_measures(&mut self) {
        if let Some((measure, job)) = self.measure_job.take() {
            if let Some(table) = job.wait() {
                self.measures.insert(measure, Arc::new(table));
            }
            if self.doc.size_by == Some(measure) {
                self.apply_sizes();
            }
        }
    }

    /// Drops the measures of a graph that changed, and stops computing one.
    fn forget_measures(&mut self) {
        self.measures.clear();
        if let Some((_, job)) = self.measure_job.take() {
            job.cancel();
        }
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
        self.forget_measures();
        self.apply_sizes();
    }

    /// Sizes nodes by the chosen measure (relative to its largest value), or all alike;
    /// a measure still being computed sizes them once it is ready.
    pub fn apply_sizes(&mut self) {
        let scales = match self.doc.size_by {
            None => None,
            Some(measure) => match self.measure_table(measure) {
                Some(table) => Some(table),
                None => return,
            },
        };
        let scales = scales.map(|table| {
            let values = &table.values;
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
        self.forget_measures();
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
