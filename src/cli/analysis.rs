//! `backchannel path`, `neighbors` and `stats`: the UI's graph answers for scripts. They
//! call the same functions as the window, on the whole dataset.

use std::collections::BTreeMap;
use std::io::Write;

use serde::Serialize;

use crate::graph::{Adjacency, Measure, neighborhood, ranking, shortest_paths};
use crate::model::search::{fold, search};
use crate::model::{AuditCounts, Model, NodeKind, Relation};

/// Most shortest paths listed.
pub const MAX_PATHS: usize = 20;

/// Finds a node by id, or by a label or alias that names exactly one node (ignoring case
/// and accents). The error names the closest matches.
pub fn resolve_node(model: &Model, text: &str) -> Result<usize, String> {
    if let Some(position) = model.node_position(text) {
        return Ok(position);
    }
    let wanted = fold(text);
    let named: Vec<usize> = model
        .nodes
        .iter()
        .enumerate()
        .filter(|(_, node)| {
            std::iter::once(&node.label)
                .chain(&node.aliases)
                .any(|name| fold(name) == wanted)
        })
        .map(|(position, _)| position)
        .collect();
    if let [position] = named.as_slice() {
        return Ok(*position);
    }
    let suggestions: Vec<String> = search(model, text)
        .iter()
        .take(3)
        .filter_map(|hit| model.nodes.get(hit.node))
        .map(|node| format!("{} ({})", node.id, node.label))
        .collect();
    let mut message = format!("no node \"{text}\"");
    if named.len() > 1 {
        message = format!("\"{text}\" names {} nodes; give an id", named.len());
    }
    if !suggestions.is_empty() {
        message.push_str(&format!("; did you mean {}?", suggestions.join(", ")));
    }
    Err(message)
}

/// A node as the analysis commands print it.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct NodeSummary {
    /// Its id.
    pub id: String,
    /// Its label.
    pub label: String,
    /// Its kind.
    pub kind: NodeKind,
}

fn summary(model: &Model, node: usize) -> Option<NodeSummary> {
    model.nodes.get(node).map(|n| NodeSummary {
        id: n.id.clone(),
        label: n.label.clone(),
        kind: n.kind,
    })
}

/// One edge of a hop, with its evidence.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct HopEdge {
    /// Edge id.
    pub id: String,
    /// Source node id.
    pub source: String,
    /// Target node id.
    pub target: String,
    /// Relation.
    pub relation: Relation,
    /// Quotes, as `article id: quote`.
    pub evidence: Vec<String>,
}

/// A shortest path: its nodes and, for each hop, the edges that join its ends.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct PathReport {
    /// The nodes, from first to last.
    pub nodes: Vec<NodeSummary>,
    /// One list of edges per hop.
    pub hops: Vec<Vec<HopEdge>>,
}

/// All shortest paths between two nodes (at most [`MAX_PATHS`]), with each hop's edges.
pub fn path_reports(
    model: &Model,
    adjacency: &Adjacency,
    from: usize,
    to: usize,
) -> Vec<PathReport> {
    shortest_paths(adjacency, from, to, MAX_PATHS)
        .into_iter()
        .map(|path| PathReport {
            nodes: path
                .iter()
                .filter_map(|&node| summary(model, node))
                .collect(),
            hops: path
                .windows(2)
                .map(|pair| match pair {
                    [a, b] => adjacency
                        .edges_between(*a, *b)
                        .into_iter()
                        .filter_map(|position| model.edges.get(position))
                        .map(|edge| HopEdge {
                            id: edge.id.clone(),
                            source: edge.source.clone(),
                            target: edge.target.clone(),
                            relation: edge.relation,
                            evidence: edge
                                .evidence
                                .iter()
                                .map(|record| format!("{}: {}", record.article_id, record.quote))
                                .collect(),
                        })
                        .collect(),
                    _ => Vec::new(),
                })
                .collect(),
        })
        .collect()
}

/// A node within some hops of another.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Neighbour {
    /// The node.
    #[serde(flatten)]
    pub node: NodeSummary,
    /// Hops from the centre.
    pub distance: usize,
}

/// The nodes within `hops` of `centre`, the centre first, then by distance and id.
pub fn neighbour_report(
    model: &Model,
    adjacency: &Adjacency,
    centre: usize,
    hops: usize,
) -> Vec<Neighbour> {
    let mut found: Vec<Neighbour> = neighborhood(adjacency, centre, hops)
        .into_iter()
        .filter_map(|(node, distance)| {
            summary(model, node).map(|node| Neighbour { node, distance })
        })
        .collect();
    found.sort_by(|a, b| {
        a.distance
            .cmp(&b.distance)
            .then_with(|| a.node.id.cmp(&b.node.id))
    });
    found
}

/// A node's value under a measure.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Ranked {
    /// The node.
    #[serde(flatten)]
    pub node: NodeSummary,
    /// Its value.
    pub value: f64,
}

/// Counts and every node ranked by every measure.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct StatsReport {
    /// Number of nodes.
    pub nodes: usize,
    /// Number of edges.
    pub edges: usize,
    /// Number of articles.
    pub articles: usize,
    /// Nodes per kind.
    pub kinds: BTreeMap<String, usize>,
    /// Edges per relation.
    pub relations: BTreeMap<String, usize>,
    /// Every node ranked by each measure, highest first.
    pub measures: BTreeMap<String, Vec<Ranked>>,
    /// Where the nodes and the edges came from: `nodes` and `edges`.
    pub provenance: BTreeMap<String, Provenance>,
}

/// How many elements were curated by hand, extracted and reviewed, and extracted and
/// not yet reviewed: the figures a methods section cites.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
pub struct Provenance {
    /// Added by hand.
    pub curated: usize,
    /// Extracted, then accepted by a researcher.
    pub extracted_reviewed: usize,
    /// Extracted and not yet reviewed.
    pub extracted_unreviewed: usize,
}

impl From<AuditCounts> for Provenance {
    fn from(counts: AuditCounts) -> Self {
        Self {
            curated: counts.curated,
            extracted_reviewed: counts.reviewed,
            extracted_unreviewed: counts.unreviewed,
        }
    }
}

/// The statistics of a whole model.
pub fn stats_report(model: &Model) -> StatsReport {
    let adjacency = Adjacency::full(model);
    let mut kinds = BTreeMap::new();
    for node in &model.nodes {
        *kinds.entry(node.kind.as_str().to_owned()).or_insert(0) += 1;
    }
    let mut relations = BTreeMap::new();
    for edge in &model.edges {
        *relations
            .entry(edge.relation.as_str().to_owned())
            .or_insert(0) += 1;
    }
    let measures = Measure::ALL
        .iter()
        .map(|measure| {
            let values = measure.compute(&adjacency);
            let ranked = ranking(model, &adjacency, &values)
                .into_iter()
                .filter_map(|(node, value)| summary(model, node).map(|node| Ranked { node, value }))
                .collect();
            (measure.as_str().to_owned(), ranked)
        })
        .collect();
    StatsReport {
        nodes: model.nodes.len(),
        edges: model.edges.len(),
        articles: model.articles.len(),
        kinds,
        relations,
        measures,
        provenance: BTreeMap::from([
            (
                "edges".to_owned(),
                AuditCounts::of(model.edges.iter().map(|edge| &edge.audit)).into(),
            ),
            (
                "nodes".to_owned(),
                AuditCounts::of(model.nodes.iter().map(|node| &node.audit)).into(),
            ),
        ]),
    }
}

/// Prints paths as text.
pub fn write_paths(out: &mut dyn Write, paths: &[PathReport]) -> std::io::Result<()> {
    if paths.is_empty() {
        return writeln!(out, "no path");
    }
    for (index, path) in paths.iter().enumerate() {
        let names: Vec<&str> = path.nodes.iter().map(|node| node.id.as_str()).collect();
        writeln!(
            out,
            "path {} ({} hops): {}",
            index + 1,
            path.hops.len(),
            names.join(" - ")
        )?;
        for hop in &path.hops {
            for edge in hop {
                writeln!(
                    out,
                    "  {} {} {} [{}]",
                    edge.source, edge.relation, edge.target, edge.id
                )?;
                for quote in &edge.evidence {
                    writeln!(out, "    \"{quote}\"")?;
                }
            }
        }
    }
    Ok(())
}
