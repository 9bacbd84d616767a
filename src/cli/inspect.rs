//! `backchannel inspect`: the nodes and edges of a dataset with their evidence.

use std::io::Write;
use std::path::Path;

use serde::Serialize;

use crate::model::{Evidence, Model, NodeKind, Relation};

/// Everything `inspect --json` prints.
#[derive(Debug, Serialize)]
pub struct InspectReport {
    /// The file as named.
    pub file: String,
    /// The dataset's title.
    pub title: String,
    /// Every node, in file order.
    pub nodes: Vec<InspectNode>,
    /// Every edge, in file order.
    pub edges: Vec<InspectEdge>,
}

/// A node as `inspect` prints it.
#[derive(Debug, Serialize)]
pub struct InspectNode {
    /// Its id.
    pub id: String,
    /// Its label.
    pub label: String,
    /// Its kind.
    pub kind: NodeKind,
    /// Its aliases.
    pub aliases: Vec<String>,
    /// Its evidence.
    pub evidence: Vec<InspectEvidence>,
}

/// An edge as `inspect` prints it.
#[derive(Debug, Serialize)]
pub struct InspectEdge {
    /// Its id.
    pub id: String,
    /// Source node id.
    pub source: String,
    /// Target node id.
    pub target: String,
    /// Its relation.
    pub relation: Relation,
    /// Its evidence.
    pub evidence: Vec<InspectEvidence>,
}

/// An evidence record as `inspect` prints it.
#[derive(Debug, Serialize)]
pub struct InspectEvidence {
    /// The article's id.
    pub article: String,
    /// The article's path relative to the dataset, for file articles.
    pub article_path: Option<String>,
    /// The article's title.
    pub article_title: String,
    /// Char offset of the quote.
    pub start: usize,
    /// Char offset just past the quote.
    pub end: usize,
    /// The quote.
    pub quote: String,
}

/// The report of a loaded model.
pub fn inspect_report(file: &str, model: &Model) -> InspectReport {
    let evidence = |records: &[Evidence]| -> Vec<InspectEvidence> {
        records
            .iter()
            .map(|record| {
                let article = model.article(&record.article_id);
                InspectEvidence {
                    article: record.article_id.clone(),
                    article_path: article.and_then(|article| article.path.clone()),
                    article_title: article
                        .map(|article| article.title.clone())
                        .unwrap_or_default(),
                    start: record.start,
                    end: record.end,
                    quote: record.quote.clone(),
                }
            })
            .collect()
    };
    InspectReport {
        file: file.to_owned(),
        title: model.title.clone(),
        nodes: model
            .nodes
            .iter()
            .map(|node| InspectNode {
                id: node.id.clone(),
                label: node.label.clone(),
                kind: node.kind,
                aliases: node.aliases.clone(),
                evidence: evidence(&node.evidence),
            })
            .collect(),
        edges: model
            .edges
            .iter()
            .map(|edge| InspectEdge {
                id: edge.id.clone(),
                source: edge.source.clone(),
                target: edge.target.clone(),
                relation: edge.relation,
                evidence: evidence(&edge.evidence),
            })
            .collect(),
    }
}

/// Prints the report of `file` as JSON or text; false (problems on `err`) when it does
/// not load.
pub fn inspect(
    file: &Path,
    options: &crate::interchange::ReadOptions,
    json: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<bool> {
    super::with_model(file, options, err, |model, _| {
        write_report(
            &inspect_report(&file.display().to_string(), model),
            json,
            out,
        )?;
        Ok(true)
    })
}

fn write_report(report: &InspectReport, json: bool, out: &mut dyn Write) -> anyhow::Result<()> {
    if json {
        serde_json::to_writer_pretty(&mut *out, report)?;
        writeln!(out)?;
        return Ok(());
    }
    writeln!(out, "{} ({})", report.title, report.file)?;
    writeln!(out, "\n{} nodes", report.nodes.len())?;
    for node in &report.nodes {
        let aliases = if node.aliases.is_empty() {
            String::new()
        } else {
            format!(" (also: {})", node.aliases.join(", "))
        };
        writeln!(out, "  {} [{}] {}{aliases}", node.id, node.kind, node.label)?;
        write_evidence(out, &node.evidence)?;
    }
    writeln!(out, "\n{} edges", report.edges.len())?;
    for edge in &report.edges {
        writeln!(
            out,
            "  {}: {} {} {}",
            edge.id, edge.source, edge.relation, edge.target
        )?;
        write_evidence(out, &edge.evidence)?;
    }
    Ok(())
}

fn write_evidence(out: &mut dyn Write, evidence: &[InspectEvidence]) -> std::io::Result<()> {
    for record in evidence {
        let source = record
            .article_path
            .as_deref()
            .unwrap_or(&record.article_title);
        writeln!(
            out,
            "      {} {}..{}: \"{}\"",
            source, record.start, record.end, record.quote
        )?;
    }
    Ok(())
}
