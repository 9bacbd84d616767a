//! Headless commands for scripts and CI: no window, plain text or JSON on stdout, and an
//! exit code that says whether the file was good.
//!
//! Arguments are parsed in two steps: clap reads them into [`Cli`], then each command
//! checks what it was given.

mod analysis;
mod anchor;
mod claims;
mod convert;
mod edit;
mod ingest;
mod inspect;
pub mod render;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::dataset::{self, Severity};
use crate::interchange::table::CsvColumns;
use crate::interchange::{ReadOptions, load_file_with};

pub use analysis::{
    MAX_PATHS, Neighbour, PathReport, StatsReport, neighbour_report, path_reports, resolve_node,
    stats_report,
};
pub use convert::run_convert;
pub use ingest::{IngestSettings, run_ingest};
pub use inspect::{InspectReport, inspect_report};

/// Backchannel: explore who demands what, who mediates, and who met whom, with the
/// article sentences behind every claim.
///
/// With no command, opens the window on FILE, or on the built-in seed dataset.
#[derive(Debug, Parser)]
#[command(name = "backchannel", version, args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// What to do; with none, the window opens.
    #[command(subcommand)]
    pub command: Option<CliCommand>,
    /// A dataset file to open in the window (default: the built-in seed dataset).
    pub file: Option<PathBuf>,
    /// The columns of a CSV edge list whose header does not name them plainly.
    #[command(flatten)]
    pub columns: ColumnArgs,
}

/// The columns of a CSV edge list, for a header whose names Backchannel does not
/// recognise (or that names more than one source or target).
#[derive(Debug, Clone, Default, clap::Args)]
pub struct ColumnArgs {
    /// The CSV edge list's source column.
    #[arg(long, global = true, value_name = "COL", requires = "target")]
    pub source: Option<String>,
    /// The CSV edge list's target column.
    #[arg(long, global = true, value_name = "COL", requires = "source")]
    pub target: Option<String>,
    /// The CSV edge list's weight column.
    #[arg(long, global = true, value_name = "COL", requires = "source")]
    pub weight: Option<String>,
}

impl ColumnArgs {
    /// What the loaders are told.
    pub fn read_options(&self) -> ReadOptions {
        let csv_columns = match (&self.source, &self.target) {
            (Some(source), Some(target)) => Some(CsvColumns {
                source: source.clone(),
                target: target.clone(),
                weight: self.weight.clone(),
            }),
            _ => None,
        };
        ReadOptions { csv_columns }
    }
}

/// The headless commands.
#[derive(Debug, Subcommand)]
pub enum CliCommand {
    /// Check a dataset file: print every problem, exit 0 when it is valid, 1 when not.
    ///
    /// Warnings (a quote re-anchored by its context, a changed article hash) are printed
    /// but do not make the file invalid.
    Check {
        /// The dataset file (`backchannel/1` JSON).
        file: PathBuf,
    },
    /// Print the nodes and edges of a dataset with their evidence.
    ///
    /// Nodes carry id, label, kind and aliases; edges id, source, target and relation;
    /// each evidence record its article id, article path and title, start, end (char
    /// offsets) and quote. Exits 1 when the file does not load.
    Inspect {
        /// The dataset file.
        file: PathBuf,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// All shortest paths between two nodes (edge direction ignored), with each hop's
    /// edges and their quotes. Nodes are given by id, or by a label or alias that names
    /// one node. Exits 1 when the file does not load or a node is unknown.
    Path {
        /// The dataset file.
        file: PathBuf,
        /// The first node.
        from: String,
        /// The last node.
        to: String,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// The nodes within N hops of a node (edge direction ignored), nearest first.
    Neighbors {
        /// The dataset file.
        file: PathBuf,
        /// The node at the centre (id, or a label or alias naming one node).
        id: String,
        /// How many hops, 1 to 10.
        #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u8).range(1..=10))]
        hops: u8,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Reports that contradict each other: a claim affirmed by one report and denied by
    /// another, a meeting given dates that share no day, articles giving different
    /// figures for the same element; each with its quotes, outlets, dates and
    /// attributions. Exits 0 (1 when the file does not load).
    Conflicts {
        /// The dataset file.
        file: PathBuf,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Positions over time. With --actor: every stance the actor took (demands,
    /// proposes, offers, supports, accepts, opposes, rejects), earliest first, undated
    /// last, and each shift of stance on the same thing with both quotes. Without: the
    /// latest stance of every actor on every thing. With --figure, the same as a figure
    /// (.svg or .png): the actor's stances along a time axis, or the matrix. Exits 1 when
    /// the file does not load or the actor is unknown.
    Positions {
        /// The dataset file.
        file: PathBuf,
        /// The actor (id, or a label or alias naming one node).
        #[arg(long)]
        actor: Option<String>,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
        /// Write the positions as a figure (.svg or .png) instead; never one of the
        /// dataset's input files.
        #[arg(long)]
        figure: Option<PathBuf>,
        /// The figure's size, title, caption and background.
        #[command(flatten)]
        look: render::FigureLook,
    },
    /// Counts by kind and relation, and every node ranked by degree, betweenness and
    /// eigenvector centrality.
    Stats {
        /// The dataset file.
        file: PathBuf,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Draw the graph as a figure for reports: SVG or PNG by OUT's extension, with a
    /// legend of the kinds and relations shown. No display needed; the same inputs give
    /// the same bytes.
    Render {
        /// The dataset file.
        file: PathBuf,
        /// What to draw and how.
        #[command(flatten)]
        settings: render::RenderSettings,
    },
    /// Convert a dataset or graph file to another format, for Gephi, Cytoscape, networkx
    /// or Graphviz, or back into ours.
    ///
    /// Reads what the window opens (our JSON, GEXF, GraphML, GML, node-link JSON, CSV);
    /// writes our JSON, GEXF 1.3, GraphML, node-link JSON, CSV (OUT is the edge list;
    /// NAME.nodes.csv and NAME.dataset.json are written beside it) or DOT. The format is
    /// --to, or OUT's extension (.json is ours). Kinds, relations and evidence travel as
    /// bc_ attributes and the articles as a bc_dataset record, so converting back loses
    /// nothing. Written atomically; never over a file the input was read from.
    Convert {
        /// The file to read.
        input: PathBuf,
        /// The file to write.
        output: PathBuf,
        /// The output format.
        #[arg(long, value_parser = convert::FORMAT_IDS)]
        to: Option<String>,
    },
    /// Build a dataset from plain-text articles: parties, proposals and deals, meetings,
    /// relations with modality and attribution, every element anchored in the sentence
    /// it came from, with a confidence and the extractor's name (docs/extraction.md).
    ///
    /// Deterministic and offline. With --into, adds to an existing dataset without
    /// touching its records, and reports what was added, merged and skipped. The output
    /// is checked like any dataset and written atomically.
    Ingest {
        /// What to read and write.
        #[command(flatten)]
        settings: ingest::IngestSettings,
    },
    /// Apply edit operations to a dataset, in order, all or nothing: add nodes,
    /// relations, evidence and articles, update fields, merge, delete, review what
    /// `ingest` extracted (the format is in docs/editing.md).
    ///
    /// Evidence is an article and an exact quote (with "occurrence" when it occurs more
    /// than once); offsets and context are computed. A refused operation is named by its
    /// number, exit 1, and nothing is written. FILE is never changed unless --in-place.
    Edit {
        /// The dataset file.
        file: PathBuf,
        /// The operations: a JSON array.
        #[arg(long)]
        ops: PathBuf,
        /// Where to write the edited dataset.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Replace FILE itself.
        #[arg(long)]
        in_place: bool,
    },
    /// Compute every evidence record's offsets and context from its quote, and every
    /// article's sha256, for curators who write quotes by hand.
    ///
    /// A quote that occurs more than once must be told apart by its prefix or suffix, or
    /// by approximate offsets. Writes OUT atomically; never overwrites FILE unless OUT is
    /// FILE and --in-place is given.
    Anchor {
        /// The dataset file.
        file: PathBuf,
        /// Where to write the anchored dataset.
        #[arg(short, long)]
        output: PathBuf,
        /// Allow OUT to be FILE itself.
        #[arg(long)]
        in_place: bool,
    },
}

/// Runs a headless command, reading files as `options` say, writing to stdout and
/// stderr; returns the exit code.
pub fn run(command: CliCommand, options: &ReadOptions) -> ExitCode {
    let stdout = std::io::stdout();
    let stderr = std::io::stderr();
    let result = match command {
        CliCommand::Check { file } => check(&file, options, &mut stdout.lock()),
        CliCommand::Inspect { file, json } => {
            inspect::inspect(&file, options, json, &mut stdout.lock(), &mut stderr.lock())
        }
        CliCommand::Path {
            file,
            from,
            to,
            json,
        } => with_model(&file, options, &mut stderr.lock(), |model, err| {
            let (from, to) = match (resolve_node(model, &from), resolve_node(model, &to)) {
                (Ok(from), Ok(to)) => (from, to),
                (from, to) => {
                    for message in [from.err(), to.err()].into_iter().flatten() {
                        writeln!(err, "error: {message}")?;
                    }
                    return Ok(false);
                }
            };
            let adjacency = crate::graph::Adjacency::full(model);
            let paths = path_reports(model, &adjacency, from, to);
            let mut out = stdout.lock();
            if json {
                serde_json::to_writer_pretty(&mut out, &paths)?;
                writeln!(out)?;
            } else {
                analysis::write_paths(&mut out, &paths)?;
            }
            Ok(true)
        }),
        CliCommand::Neighbors {
            file,
            id,
            hops,
            json,
        } => with_model(&file, options, &mut stderr.lock(), |model, err| {
            let centre = match resolve_node(model, &id) {
                Ok(centre) => centre,
                Err(message) => {
                    writeln!(err, "error: {message}")?;
                    return Ok(false);
                }
            };
            let adjacency = crate::graph::Adjacency::full(model);
            let found = neighbour_report(model, &adjacency, centre, usize::from(hops));
            let mut out = stdout.lock();
            if json {
                serde_json::to_writer_pretty(&mut out, &found)?;
                writeln!(out)?;
            } else {
                for neighbour in &found {
                    writeln!(
                        out,
                        "{} {} [{}] {}",
                        neighbour.distance,
                        neighbour.node.id,
                        neighbour.node.kind,
                        neighbour.node.label
                    )?;
                }
            }
            Ok(true)
        }),
        CliCommand::Positions {
            file,
            actor,
            json,
            figure,
            look,
        } => with_model(&file, options, &mut stderr.lock(), |model, err| {
            let mut out = stdout.lock();
            match &figure {
                Some(output) => {
                    let figure = claims::PositionsFigure {
                        input: &file,
                        output,
                        look: &look,
                    };
                    claims::write_positions_figure(model, actor.as_deref(), &figure, &mut out, err)
                }
                None => claims::write_positions(model, actor.as_deref(), json, &mut out, err),
            }
        }),
        CliCommand::Conflicts { file, json } => {
            with_model(&file, options, &mut stderr.lock(), |model, _| {
                let conflicts = crate::claims::find_conflicts(model);
                let mut out = stdout.lock();
                if json {
                    serde_json::to_writer_pretty(&mut out, &conflicts)?;
                    writeln!(out)?;
                } else {
                    claims::write_conflicts(&mut out, &conflicts)?;
                }
                Ok(true)
            })
        }
        CliCommand::Stats { file, json } => {
            with_model(&file, options, &mut stderr.lock(), |model, _| {
                let report = stats_report(model);
                let mut out = stdout.lock();
                if json {
                    serde_json::to_writer_pretty(&mut out, &report)?;
                    writeln!(out)?;
                } else {
                    writeln!(
                        out,
                        "{} nodes, {} edges, {} articles",
                        report.nodes, report.edges, report.articles
                    )?;
                    for (kind, count) in &report.kinds {
                        writeln!(out, "  {kind}: {count}")?;
                    }
                    for (relation, count) in &report.relations {
                        writeln!(out, "  {relation}: {count}")?;
                    }
                    for (what, counts) in &report.provenance {
                        writeln!(
                            out,
                            "{what}: {} curated, {} extracted and reviewed, {} extracted and not yet reviewed",
                            counts.curated, counts.extracted_reviewed, counts.extracted_unreviewed
                        )?;
                    }
                    for (measure, ranked) in &report.measures {
                        writeln!(out, "top 10 by {measure}:")?;
                        for entry in ranked.iter().take(10) {
                            writeln!(
                                out,
                                "  {:.4} {} ({})",
                                entry.value, entry.node.id, entry.node.label
                            )?;
                        }
                    }
                }
                Ok(true)
            })
        }
        CliCommand::Render { file, settings } => render::run_render(
            &file,
            options,
            settings,
            &mut stdout.lock(),
            &mut stderr.lock(),
        ),
        CliCommand::Ingest { settings } => {
            ingest::run_ingest(&settings, &mut stdout.lock(), &mut stderr.lock())
        }
        CliCommand::Convert { input, output, to } => convert::run_convert(
            &input,
            options,
            &output,
            to.as_deref(),
            &mut stdout.lock(),
            &mut stderr.lock(),
        ),
        CliCommand::Edit {
            file,
            ops,
            output,
            in_place,
        } => edit::run_edit(
            &file,
            &ops,
            output.as_deref(),
            in_place,
            &mut stdout.lock(),
            &mut stderr.lock(),
        ),
        CliCommand::Anchor {
            file,
            output,
            in_place,
        } => anchor::run_anchor(
            &file,
            &output,
            in_place,
            &mut stdout.lock(),
            &mut stderr.lock(),
        ),
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(error) => {
            let _ = writeln!(stderr.lock(), "error: {error:#}");
            ExitCode::from(2)
        }
    }
}

/// Loads `file`, printing its warnings to `err`; on a failure prints every problem and
/// a summary, and returns `None`.
pub(crate) fn load_reporting(
    file: &std::path::Path,
    options: &ReadOptions,
    err: &mut dyn Write,
) -> std::io::Result<Option<dataset::Loaded>> {
    match load_file_with(file, options) {
        Ok(loaded) => {
            for warning in &loaded.warnings {
                writeln!(err, "{warning}")?;
            }
            Ok(Some(loaded))
        }
        Err(error) => {
            for problem in &error.problems {
                writeln!(err, "{problem}")?;
            }
            writeln!(err, "{error}")?;
            Ok(None)
        }
    }
}

/// Loads `file` and runs `work` on its model; on a load failure prints the problems to
/// `err` and returns false.
fn with_model(
    file: &std::path::Path,
    options: &ReadOptions,
    err: &mut dyn Write,
    work: impl FnOnce(&crate::model::Model, &mut dyn Write) -> anyhow::Result<bool>,
) -> anyhow::Result<bool> {
    match load_reporting(file, options, err)? {
        Some(loaded) => work(&loaded.model, err),
        None => Ok(false),
    }
}

/// `backchannel check`: prints every problem, then a summary; true when valid.
pub fn check(
    file: &std::path::Path,
    options: &ReadOptions,
    out: &mut dyn Write,
) -> anyhow::Result<bool> {
    let (problems, summary, valid) = match load_file_with(file, options) {
        Ok(loaded) => {
            let summary = format!(
                "{}: valid: {} nodes, {} edges, {} articles, {} warning(s)",
                loaded.file,
                loaded.model.nodes.len(),
                loaded.model.edges.len(),
                loaded.model.articles.len(),
                loaded.warnings.len()
            );
            (loaded.warnings, summary, true)
        }
        Err(error) => {
            let errors = error.error_count();
            let warnings = error.problems.len() - errors;
            let summary = format!(
                "{}: invalid: {errors} error(s), {warnings} warning(s)",
                error.file
            );
            (error.problems, summary, false)
        }
    };
    for problem in &problems {
        writeln!(out, "{problem}")?;
    }
    writeln!(out, "{summary}")?;
    debug_assert_eq!(
        valid,
        !problems.iter().any(|p| p.severity == Severity::Error)
    );
    Ok(valid)
}
