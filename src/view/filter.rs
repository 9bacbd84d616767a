//! What the user has chosen to see: filters by kind, relation, modality, article and date,
//! and a focus on the neighbourhood of one node. Pure: turns a model into per-element
//! visibility, with no GUI.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::claims::attribution::{Attribution, SourceReader};
use crate::graph::{Adjacency, neighborhood};
use crate::model::{Evidence, Modality, Model, NodeKind, PartialDate, Relation};

/// What happens to what lies outside the focus.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FocusMode {
    /// Left out of the view and the layout.
    #[default]
    Hide,
    /// Drawn faintly, in place.
    Dim,
}

/// The neighbourhood of one node, and what to do with the rest.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Focus {
    /// The node at the centre, by id.
    pub node: String,
    /// How many hops around it, 1 to 3.
    pub hops: usize,
    /// Hide or dim the rest.
    pub mode: FocusMode,
}

/// The filters of a view. The default shows everything.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct ViewFilter {
    /// Node kinds left out.
    pub hidden_kinds: BTreeSet<NodeKind>,
    /// Relations left out.
    pub hidden_relations: BTreeSet<Relation>,
    /// Modalities left out.
    pub hidden_modalities: BTreeSet<Modality>,
    /// Kinds of source left out (who a relation is attributed to).
    pub hidden_attributions: BTreeSet<Attribution>,
    /// When not empty: only what these articles (by id) support.
    pub articles: BTreeSet<String>,
    /// When set: only dated meetings and edges whose dates meet this range (inclusive);
    /// undated elements stay.
    pub dates: Option<(PartialDate, PartialDate)>,
    /// When set: the neighbourhood of one node.
    pub focus: Option<Focus>,
    /// Only the reports in a conflict (`crate::claims`): contested relations with their
    /// ends, and nodes whose figures conflict.
    pub contested_only: bool,
}

/// Per-element result of a [`ViewFilter`], by model position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Visibility {
    /// Whether each node is shown.
    pub nodes: Vec<bool>,
    /// Whether each edge is shown.
    pub edges: Vec<bool>,
    /// Whether each shown node is drawn faintly (outside a dimming focus).
    pub dimmed_nodes: Vec<bool>,
}

impl Visibility {
    /// How many nodes are hidden.
    pub fn hidden_nodes(&self) -> usize {
        self.nodes.iter().filter(|&&shown| !shown).count()
    }

    /// How many edges are hidden.
    pub fn hidden_edges(&self) -> usize {
        self.edges.iter().filter(|&&shown| !shown).count()
    }
}

/// Narrows `nodes` and `edges` to the reports in a conflict: contested edges, their ends,
/// and nodes that are reports themselves (figures that differ).
fn keep_contested(model: &Model, nodes: &mut [bool], edges: &mut [bool]) {
    let mut contested_nodes = vec![false; nodes.len()];
    let mut contested_edges = vec![false; edges.len()];
    for report in crate::claims::find_conflicts(model)
        .iter()
        .flat_map(|conflict| &conflict.reports)
    {
        let slot = match model.edge_position(&report.element) {
            Some(edge) => contested_edges.get_mut(edge),
            None => model
                .node_position(&report.element)
                .and_then(|node| contested_nodes.get_mut(node)),
        };
        if let Some(slot) = slot {
            *slot = true;
        }
    }
    for (shown, contested) in edges.iter_mut().zip(&contested_edges) {
        *shown = *shown && *contested;
    }
    for (position, &shown) in edges.iter().enumerate() {
        if shown && let Some((source, target)) = model.edge_ends(position) {
            for node in [source, target] {
                if let Some(slot) = contested_nodes.get_mut(node) {
                    *slot = true;
                }
            }
        }
    }
    for (shown, keep) in nodes.iter_mut().zip(&contested_nodes) {
        *shown = *shown && *keep;
    }
}

fn cites(evidence: &[Evidence], articles: &BTreeSet<String>) -> bool {
    articles.is_empty()
        || evidence
            .iter()
            .any(|record| articles.contains(&record.article_id))
}

impl ViewFilter {
    /// Whether this filter shows everything.
    pub fn is_empty(&self) -> bool {
        self == &Self::default()
    }

    /// Which nodes and edges of `model` this filter shows.
    ///
    /// An edge is shown when its relation and modality are not hidden, its date (if any)
    /// meets the range, a chosen article supports it, and both ends are shown. A node is
    /// shown when its kind is not hidden, its meeting date (if any) meets the range, and a
    /// chosen article supports it or one of its shown edges. Focus applies last, within
    /// what the other filters show.
    ///
    /// Complexity: O(nodes + edges + evidence).
    pub fn visibility(&self, model: &Model) -> Visibility {
        let in_range = |date: Option<PartialDate>| match (&self.dates, date) {
            (Some((from, to)), Some(date)) => date.overlaps(from, to),
            _ => true,
        };
        let node_allowed: Vec<bool> = model
            .nodes
            .iter()
            .map(|node| {
                !self.hidden_kinds.contains(&node.kind)
                    && in_range(node.meeting.as_ref().and_then(|meeting| meeting.date))
            })
            .collect();
        let mut nodes: Vec<bool> = model
            .nodes
            .iter()
            .zip(&node_allowed)
            .map(|(node, &allowed)| allowed && cites(&node.evidence, &self.articles))
            .collect();
        let allowed = |node: usize| node_allowed.get(node).copied().unwrap_or(false);
        let sources = (!self.hidden_attributions.is_empty()).then(|| SourceReader::new(model));
        let mut edges: Vec<bool> = model
            .edges
            .iter()
            .enumerate()
            .map(|(position, edge)| {
                !self.hidden_relations.contains(&edge.relation)
                    && !self.hidden_modalities.contains(&edge.modality)
                    && in_range(edge.date)
                    && cites(&edge.evidence, &self.articles)
                    && sources.as_ref().is_none_or(|sources| {
                        !self
                            .hidden_attributions
                            .contains(&sources.attribution(edge))
                    })
                    && model
                        .edge_ends(position)
                        .is_some_and(|(source, target)| allowed(source) && allowed(target))
            })
            .collect();
        // The ends of a supported edge are shown, so that the edge is.
        for (position, &shown) in edges.iter().enumerate() {
            if shown && let Some((source, target)) = model.edge_ends(position) {
                for node in [source, target] {
                    if let Some(slot) = nodes.get_mut(node) {
                        *slot = true;
                    }
                }
            }
        }
        if self.contested_only {
            keep_contested(model, &mut nodes, &mut edges);
        }
        let mut dimmed_nodes = vec![false; nodes.len()];
        if let Some(focus) = &self.focus
            && let Some(centre) = model.node_position(&focus.node)
        {
            let adjacency = Adjacency::new(
                model,
                |node| nodes.get(node).copied().unwrap_or(false),
                |edge| edges.get(edge).copied().unwrap_or(false),
            );
            let mut inside = vec![false; nodes.len()];
            for (node, _) in neighborhood(&adjacency, centre, focus.hops) {
                if let Some(slot) = inside.get_mut(node) {
                    *slot = true;
                }
            }
            match focus.mode {
                FocusMode::Hide => {
                    for (shown, &inside) in nodes.iter_mut().zip(&inside) {
                        *shown = *shown && inside;
                    }
                }
                FocusMode::Dim => {
                    for ((dim, &shown), &inside) in dimmed_nodes.iter_mut().zip(&nodes).zip(&inside)
                    {
                        *dim = shown && !inside;
                    }
                }
            }
        }
        // An edge shows only between shown nodes (ends by position: looking 400,000 edges'
        // ends up by id took 80 ms).
        let shown = |node: usize| nodes.get(node).copied().unwrap_or(false);
        for (position, visible) in edges.iter_mut().enumerate() {
            *visible = *visible
                && model
                    .edge_ends(position)
                    .is_some_and(|(source, target)| shown(source) && shown(target));
        }
        Visibility {
            nodes,
            edges,
            dimmed_nodes,
        }
    }
}

/// How many elements each filter choice covers, and the dates the date filter steps
/// through: counted once per model, since the filter panel shows them on every frame
/// (counting 200,000 edges once per relation, modality and article on every frame cost
/// milliseconds each).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FilterCounts {
    /// Nodes of each kind, in [`NodeKind::ALL`] order.
    pub kinds: Vec<(NodeKind, usize)>,
    /// Edges of each relation, in [`Relation::ALL`] order.
    pub relations: Vec<(Relation, usize)>,
    /// Edges of each modality, in [`Modality::ALL`] order.
    pub modalities: Vec<(Modality, usize)>,
    /// Edges by the kind of source they are attributed to, in [`Attribution::ALL`] order.
    pub attributions: Vec<(Attribution, usize)>,
    /// Nodes and edges with at least one quote from each article, by article id.
    pub articles: BTreeMap<String, usize>,
    /// The dates of meetings and relations, sorted, each once ([`timeline_dates`]), with
    /// how many meetings and relations carry each.
    pub dates: Vec<(PartialDate, usize)>,
    /// The stops of the date filter's sliders: every date at the finest precision the
    /// data has, from the earliest to the latest ([`super::timeline::date_stops`]).
    pub date_stops: Vec<PartialDate>,
}

impl FilterCounts {
    /// Counts what each filter choice covers in `model`.
    pub fn of(model: &Model) -> Self {
        let kinds = NodeKind::ALL
            .iter()
            .map(|kind| {
                let count = model.nodes.iter().filter(|node| node.kind == *kind).count();
                (*kind, count)
            })
            .collect();
        let mut relations: Vec<(Relation, usize)> = Relation::ALL
            .iter()
            .map(|relation| (*relation, 0))
            .collect();
        let mut modalities: Vec<(Modality, usize)> = Modality::ALL
            .iter()
            .map(|modality| (*modality, 0))
            .collect();
        for edge in &model.edges {
            for (relation, count) in &mut relations {
                if *relation == edge.relation {
                    *count += 1;
                }
            }
            for (modality, count) in &mut modalities {
                if *modality == edge.modality {
                    *count += 1;
                }
            }
        }
        let mut articles: BTreeMap<String, usize> = model
            .articles
            .iter()
            .map(|article| (article.id.clone(), 0))
            .collect();
        let evidence = model
            .nodes
            .iter()
            .map(|node| &node.evidence)
            .chain(model.edges.iter().map(|edge| &edge.evidence));
        for records in evidence {
            let cited: BTreeSet<&str> = records
                .iter()
                .map(|record| record.article_id.as_str())
                .collect();
            for article in cited {
                if let Some(count) = articles.get_mut(article) {
                    *count += 1;
                }
            }
        }
        let mut dates: BTreeMap<PartialDate, usize> = BTreeMap::new();
        let dated = model
            .nodes
            .iter()
            .filter_map(|node| node.meeting.as_ref().and_then(|meeting| meeting.date))
            .chain(model.edges.iter().filter_map(|edge| edge.date));
        for date in dated {
            *dates.entry(date).or_default() += 1;
        }
        let distinct: Vec<PartialDate> = dates.keys().copied().collect();
        let mut attributions: Vec<(Attribution, usize)> =
            Attribution::ALL.iter().map(|kind| (*kind, 0)).collect();
        let sources = SourceReader::new(model);
        for edge in &model.edges {
            let kind = sources.attribution(edge);
            if let Some((_, count)) = attributions.iter_mut().find(|(k, _)| *k == kind) {
                *count += 1;
            }
        }
        Self {
            kinds,
            relations,
            modalities,
            attributions,
            articles,
            dates: dates.into_iter().collect(),
            date_stops: super::timeline::date_stops(&distinct),
        }
    }

    /// How many dated meetings and relations a date range keeps (their dates meet it),
    /// and the dates it hides with how many carry each.
    pub fn dated_in(
        &self,
        from: &PartialDate,
        to: &PartialDate,
    ) -> (usize, Vec<(PartialDate, usize)>) {
        let mut kept = 0;
        let mut hidden = Vec::new();
        for (date, count) in &self.dates {
            if date.overlaps(from, to) {
                kept += count;
            } else {
                hidden.push((*date, *count));
            }
        }
        (kept, hidden)
    }

    /// The nodes of `kind`.
    pub fn kind(&self, kind: NodeKind) -> usize {
        count_of(&self.kinds, &kind)
    }

    /// The edges of `relation`.
    pub fn relation(&self, relation: Relation) -> usize {
        count_of(&self.relations, &relation)
    }

    /// The edges of `modality`.
    pub fn modality(&self, modality: Modality) -> usize {
        count_of(&self.modalities, &modality)
    }

    /// The nodes and edges quoting the article with this id.
    pub fn article(&self, id: &str) -> usize {
        self.articles.get(id).copied().unwrap_or(0)
    }
}

fn count_of<T: PartialEq>(counts: &[(T, usize)], value: &T) -> usize {
    counts
        .iter()
        .find(|(candidate, _)| candidate == value)
        .map_or(0, |(_, count)| *count)
}

/// Every distinct date of a meeting or an edge, sorted: the stops of the timeline slider.
pub fn timeline_dates(model: &Model) -> Vec<PartialDate> {
    let dates: BTreeSet<PartialDate> = model
        .nodes
        .iter()
        .filter_map(|node| node.meeting.as_ref().and_then(|meeting| meeting.date))
        .chain(model.edges.iter().filter_map(|edge| edge.date))
        .collect();
    dates.into_iter().collect()
}
