//! `backchannel ingest PATHS… -o OUT`: a dataset from plain-text articles.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::dataset::schema::RawDataset;
use crate::dataset::{self, FolderStore};
use crate::ingest::{self, Lexicon, article_files, read_articles};
use crate::model::PartialDate;

/// The options of `ingest`, as clap reads them.
#[derive(Debug, Clone, clap::Args)]
pub struct IngestSettings {
    /// Plain-text articles (UTF-8), or folders of them (their .txt files, by name).
    #[arg(required = true)]
    pub paths: Vec<PathBuf>,
    /// The dataset to write.
    #[arg(short, long)]
    pub output: PathBuf,
    /// A lexicon file (docs/lexicon.md); default: the built-in one. Either is followed by
    /// the world lexicon of states, capitals and international bodies.
    #[arg(long)]
    pub lexicon: Option<PathBuf>,
    /// Add to this existing dataset instead of starting a new one; its records are kept
    /// as they are. OUT may be this file.
    #[arg(long)]
    pub into: Option<PathBuf>,
    /// The date of articles that print none (YYYY, YYYY-MM or YYYY-MM-DD); without it
    /// they are read as undated, with a warning.
    #[arg(long)]
    pub published: Option<String>,
    /// The new dataset's title.
    #[arg(long, default_value = "Dataset extracted from articles")]
    pub title: String,
}

/// Runs `ingest`; true when the dataset was written.
pub fn run_ingest(
    settings: &IngestSettings,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<bool> {
    let fail = |err: &mut dyn Write, message: String| -> anyhow::Result<bool> {
        writeln!(err, "error: {message}")?;
        Ok(false)
    };
    let lexicon = match &settings.lexicon {
        None => Lexicon::built_in(),
        Some(path) => {
            let text = match std::fs::read_to_string(path) {
                Ok(text) => text,
                Err(error) => {
                    return fail(err, format!("{}: cannot read: {error}", path.display()));
                }
            };
            match Lexicon::parse(&path.display().to_string(), &text) {
                Ok(lexicon) => lexicon.with_world(),
                Err(error) => return fail(err, error.to_string()),
            }
        }
    };
    let published = match settings.published.as_deref().map(PartialDate::parse) {
        None => None,
        Some(Ok(date)) => Some(date),
        Some(Err(error)) => return fail(err, format!("--published: {error}")),
    };
    let files = article_files(&settings.paths)?;
    if files.is_empty() {
        return fail(err, "no .txt articles in the paths given".to_owned());
    }
    if files.iter().any(|file| same_file(file, &settings.output)) {
        return fail(
            err,
            format!(
                "{} is one of the articles; choose another output",
                settings.output.display()
            ),
        );
    }
    let articles = match read_articles(&files) {
        Ok(articles) => articles,
        Err(message) => return fail(err, message),
    };
    let ingested = match ingest::ingest(
        &articles,
        &lexicon,
        &settings.title,
        published,
        &mut |_, _| true,
    ) {
        Ok(ingested) => ingested,
        Err(error) => return fail(err, error.to_string()),
    };
    for warning in &ingested.warnings {
        writeln!(err, "warning: {warning}")?;
    }
    let (dataset, report) = match &settings.into {
        None => (ingested.dataset, None),
        Some(into) => {
            let loaded = match crate::interchange::load_file(into) {
                Ok(loaded) => loaded,
                Err(error) => {
                    for problem in &error.problems {
                        writeln!(err, "{problem}")?;
                    }
                    return fail(
                        err,
                        format!("{} does not load; nothing was added", into.display()),
                    );
                }
            };
            let text = std::fs::read_to_string(into)?;
            let mut existing: RawDataset = match serde_json::from_str(&text) {
                Ok(existing) => existing,
                Err(error) => return fail(err, format!("{}: {error}", into.display())),
            };
            let report = ingest::merge_into(&mut existing, &loaded.model, ingested.dataset);
            (existing, Some(report))
        }
    };
    let mut bytes = serde_json::to_vec_pretty(&dataset)?;
    bytes.push(b'\n');
    let name = settings.output.display().to_string();
    match dataset::load_bytes(&name, &bytes, &FolderStore::beside(&settings.output)) {
        Ok(loaded) => {
            crate::atomic::write_atomically(&settings.output, &bytes)?;
            writeln!(
                out,
                "wrote {name}: {} nodes, {} edges, {} articles ({} read)",
                loaded.model.nodes.len(),
                loaded.model.edges.len(),
                loaded.model.articles.len(),
                articles.len()
            )?;
            if let Some(report) = report {
                writeln!(
                    out,
                    "added {} nodes, {} edges, {} articles; merged {} nodes into existing ones; skipped {} relations already there; reused {} articles",
                    report.added_nodes.len(),
                    report.added_edges.len(),
                    report.added_articles.len(),
                    report.merged_nodes.len(),
                    report.skipped_edges.len(),
                    report.reused_articles.len()
                )?;
                for (label, id) in &report.merged_nodes {
                    writeln!(out, "  merged \"{label}\" into {id}")?;
                }
                for id in &report.added_nodes {
                    writeln!(out, "  added node {id}")?;
                }
                for triple in &report.skipped_edges {
                    writeln!(out, "  skipped {triple}")?;
                }
            }
            Ok(true)
        }
        Err(error) => {
            for problem in error.problems.iter().take(20) {
                writeln!(err, "{problem}")?;
            }
            fail(
                err,
                format!("the dataset would not load from {name}; nothing was written"),
            )
        }
    }
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}
