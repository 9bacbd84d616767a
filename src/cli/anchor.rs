//! `backchannel anchor`: fill in evidence offsets, context and article hashes from the
//! quotes a curator wrote.

use std::collections::HashMap;
use std::io::Write;
use std::path::Path;

use anyhow::Context as _;

use crate::dataset::schema::{RawDataset, RawEvidence};
use crate::dataset::{Anchoring, ArticleStore, FolderStore, anchor_quote, context_of, sha256_hex};
use crate::model::ArticleText;

/// Anchors every evidence record of `dataset` against the articles in `store`; returns
/// the problems (with JSON paths) that stop it, leaving `dataset` partly updated.
pub fn anchor_file(dataset: &mut RawDataset, store: &dyn ArticleStore) -> Vec<String> {
    let mut problems = Vec::new();
    let mut texts: HashMap<String, ArticleText> = HashMap::new();
    for (index, article) in dataset.articles.iter_mut().enumerate() {
        let bytes = match (&article.text, &article.path) {
            (Some(text), None) => text.as_bytes().to_vec(),
            (None, Some(path)) => match store.read(path) {
                Ok(bytes) => bytes,
                Err(error) => {
                    problems.push(format!("$.articles[{index}].path: {error}"));
                    continue;
                }
            },
            _ => {
                problems.push(format!(
                    "$.articles[{index}]: give exactly one of \"text\" and \"path\""
                ));
                continue;
            }
        };
        article.sha256 = Some(sha256_hex(&bytes));
        match String::from_utf8(bytes) {
            Ok(text) => {
                texts.insert(article.id.clone(), ArticleText::new(text));
            }
            Err(_) => problems.push(format!("$.articles[{index}]: the text is not UTF-8")),
        }
    }
    let mut anchor_all = |owner: String, records: &mut [RawEvidence]| {
        for (index, record) in records.iter_mut().enumerate() {
            let path = format!("{owner}.evidence[{index}]");
            let Some(text) = texts.get(&record.article) else {
                problems.push(format!("{path}.article: no article \"{}\"", record.article));
                continue;
            };
            let occurrences = text.find_all(&record.quote).len();
            let has_hint = record.start != 0
                || record.end != 0
                || !record.prefix.is_empty()
                || !record.suffix.is_empty();
            if occurrences > 1 && !has_hint {
                problems.push(format!(
                    "{path}.quote: \"{}\" occurs {occurrences} times; give a prefix, a suffix or approximate offsets",
                    record.quote
                ));
                continue;
            }
            let (start, end) = match anchor_quote(
                text,
                &record.quote,
                record.start,
                record.end,
                &record.prefix,
                &record.suffix,
            ) {
                Anchoring::Exact => (record.start, record.end),
                Anchoring::Moved { start, end } => (start, end),
                Anchoring::NotFound => {
                    problems.push(format!(
                        "{path}.quote: \"{}\" is not in article \"{}\"",
                        record.quote, record.article
                    ));
                    continue;
                }
            };
            let (prefix, suffix) = context_of(text, start, end);
            record.start = start;
            record.end = end;
            record.prefix = prefix;
            record.suffix = suffix;
        }
    };
    for (index, node) in dataset.nodes.iter_mut().enumerate() {
        anchor_all(format!("$.nodes[{index}]"), &mut node.evidence);
    }
    for (index, edge) in dataset.edges.iter_mut().enumerate() {
        anchor_all(format!("$.edges[{index}]"), &mut edge.evidence);
    }
    problems
}

/// Reads `file`, anchors it and writes `output` atomically; false when problems stop it.
pub fn run_anchor(
    file: &Path,
    output: &Path,
    in_place: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<bool> {
    let same_file = match (file.canonicalize(), output.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    };
    if same_file && !in_place {
        anyhow::bail!(
            "{} is the input file; pass --in-place to overwrite it",
            output.display()
        );
    }
    let bytes = std::fs::read(file).with_context(|| format!("cannot read {}", file.display()))?;
    let mut dataset: RawDataset = match serde_json::from_slice(&bytes) {
        Ok(dataset) => dataset,
        Err(error) => {
            writeln!(err, "{}: {error}", file.display())?;
            return Ok(false);
        }
    };
    let problems = anchor_file(&mut dataset, &FolderStore::beside(file));
    if !problems.is_empty() {
        for problem in &problems {
            writeln!(err, "{}: {problem}", file.display())?;
        }
        writeln!(
            err,
            "{}: nothing written: {} problem(s)",
            file.display(),
            problems.len()
        )?;
        return Ok(false);
    }
    let mut json = serde_json::to_vec_pretty(&dataset)?;
    json.push(b'\n');
    crate::atomic::write_atomically(output, &json)
        .with_context(|| format!("cannot write {}", output.display()))?;
    writeln!(out, "wrote {}", output.display())?;
    Ok(true)
}
