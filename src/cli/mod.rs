//! Headless commands for scripts and CI: no window, plain text or JSON on stdout, and an
//! exit code that says whether the file was good.
//!
//! Arguments are parsed in two steps: clap reads them into [`Cli`], then each command
//! checks what it was given.

mod anchor;
mod inspect;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::dataset::{self, Severity};

pub use anchor::anchor_file;
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

/// Runs a headless command, writing to stdout and stderr; returns the exit code.
pub fn run(command: CliCommand) -> ExitCode {
    let stdout = std::io::stdout();
    let stderr = std::io::stderr();
    let result = match command {
        CliCommand::Check { file } => check(&file, &mut stdout.lock()),
        CliCommand::Inspect { file, json } => {
            inspect::inspect(&file, json, &mut stdout.lock(), &mut stderr.lock())
        }
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

/// `backchannel check`: prints every problem, then a summary; true when valid.
pub fn check(file: &std::path::Path, out: &mut dyn Write) -> anyhow::Result<bool> {
    let (problems, summary, valid) = match dataset::load_file(file) {
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
