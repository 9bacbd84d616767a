//! Adding an ingest to an existing dataset (`--into`) without touching its curated
//! records: extracted entities that an existing node names (by label or alias) merge
//! into it, articles already there (same text) are reused, relations the dataset already
//! states are skipped, and everything else is added.

use std::collections::{BTreeMap, BTreeSet};

use crate::dataset::schema::RawDataset;
use crate::dataset::sha256_hex;
use crate::model::Model;
use crate::model::search::fold;

/// What a merge did.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct MergeReport {
    /// Ids of the nodes added.
    pub added_nodes: Vec<String>,
    /// Extracted labels merged into existing nodes, with the existing id.
    pub merged_nodes: Vec<(String, String)>,
    /// Ids of the edges added.
    pub added_edges: Vec<String>,
    /// Relations the dataset already had: "source relation target".
    pub skipped_edges: Vec<String>,
    /// Ids of the articles added.
    pub added_articles: Vec<String>,
    /// Articles the dataset already had: new id, existing id.
    pub reused_articles: Vec<(String, String)>,
}

fn unique(id: &str, taken: &mut BTreeSet<String>) -> String {
    let mut candidate = id.to_owned();
    let mut counter = 2;
    while taken.contains(&candidate) {
        candidate = format!("{id}-{counter}");
        counter += 1;
    }
    taken.insert(candidate.clone());
    candidate
}

/// Adds `new` to `existing` (whose checked model is `model`); returns the report.
pub fn merge_into(existing: &mut RawDataset, model: &Model, new: RawDataset) -> MergeReport {
    let mut report = MergeReport::default();
    // Articles by text.
    let by_hash: BTreeMap<String, String> = model
        .articles
        .iter()
        .map(|article| {
            (
                sha256_hex(article.text.as_str().as_bytes()),
                article.id.clone(),
            )
        })
        .collect();
    let mut article_ids: BTreeSet<String> =
        existing.articles.iter().map(|a| a.id.clone()).collect();
    let mut article_map: BTreeMap<String, String> = BTreeMap::new();
    for mut article in new.articles {
        let hash = sha256_hex(article.text.as_deref().unwrap_or("").as_bytes());
        if let Some(existing_id) = by_hash.get(&hash) {
            report
                .reused_articles
                .push((article.id.clone(), existing_id.clone()));
            article_map.insert(article.id, existing_id.clone());
            continue;
        }
        let id = unique(&format!("ingest-{}", article.id), &mut article_ids);
        article_map.insert(article.id.clone(), id.clone());
        article.id = id.clone();
        report.added_articles.push(id);
        existing.articles.push(article);
    }
    // Nodes by name.
    let mut names: BTreeMap<String, String> = BTreeMap::new();
    for node in &model.nodes {
        for name in std::iter::once(&node.label).chain(&node.aliases) {
            names.entry(fold(name)).or_insert_with(|| node.id.clone());
        }
    }
    let mut node_ids: BTreeSet<String> = existing.nodes.iter().map(|n| n.id.clone()).collect();
    let mut node_map: BTreeMap<String, String> = BTreeMap::new();
    for mut node in new.nodes {
        let known = std::iter::once(&node.label)
            .chain(&node.aliases)
            .find_map(|name| names.get(&fold(name)).cloned());
        if let Some(existing_id) = known {
            report
                .merged_nodes
                .push((node.label.clone(), existing_id.clone()));
            node_map.insert(node.id, existing_id);
            continue;
        }
        let id = unique(&node.id, &mut node_ids);
        node_map.insert(node.id.clone(), id.clone());
        node.id = id.clone();
        for record in &mut node.evidence {
            if let Some(mapped) = article_map.get(&record.article) {
                record.article = mapped.clone();
            }
        }
        report.added_nodes.push(id);
        existing.nodes.push(node);
    }
    // Edges, unless the dataset states them already.
    let mut triples: BTreeSet<(String, String, String)> = model
        .edges
        .iter()
        .map(|edge| {
            (
                edge.source.clone(),
                edge.relation.as_str().to_owned(),
                edge.target.clone(),
            )
        })
        .collect();
    let mut edge_ids: BTreeSet<String> = existing.edges.iter().map(|e| e.id.clone()).collect();
    for mut edge in new.edges {
        let (Some(source), Some(target)) = (node_map.get(&edge.source), node_map.get(&edge.target))
        else {
            continue;
        };
        let triple = (source.clone(), edge.relation.clone(), target.clone());
        if !triples.insert(triple) {
            report
                .skipped_edges
                .push(format!("{source} {} {target}", edge.relation));
            continue;
        }
        edge.source = source.clone();
        edge.target = target.clone();
        edge.id = unique(&edge.id, &mut edge_ids);
        for record in &mut edge.evidence {
            if let Some(mapped) = article_map.get(&record.article) {
                record.article = mapped.clone();
            }
        }
        report.added_edges.push(edge.id.clone());
        existing.edges.push(edge);
    }
    report
}
