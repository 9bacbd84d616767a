//! `backchannel convert IN OUT`: a dataset or graph file in another format.

use std::io::Write;
use std::path::Path;

use crate::dataset;
use crate::interchange::{self, GraphFormat, WriteError};

/// The formats `--to` accepts.
pub const FORMAT_IDS: [&str; 7] = [
    "backchannel",
    "gexf",
    "graphml",
    "node-link",
    "csv",
    "dot",
    "events",
];

/// Converts `input` to `output`; the format is `to`, or `output`'s extension. True when
/// written.
pub fn run_convert(
    input: &Path,
    options: &crate::interchange::ReadOptions,
    output: &Path,
    to: Option<&str>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<bool> {
    let events = to == Some("events")
        || (to.is_none() && output.extension().is_some_and(|ext| ext == "tsv"));
    if events {
        return write_events(input, options, output, out, err);
    }
    let format = match to {
        Some(id) => GraphFormat::from_id(id),
        None => GraphFormat::by_extension(output),
    };
    let Some(format) = format.filter(|format| GraphFormat::WRITTEN.contains(format)) else {
        writeln!(
            err,
            "error: cannot tell the output format from {}; name it with --to ({})",
            output.display(),
            FORMAT_IDS.join(", ")
        )?;
        return Ok(false);
    };
    let Some(loaded) = super::load_reporting(input, options, err)? else {
        return Ok(false);
    };
    let model = &loaded.model;
    let inputs = interchange::input_files(input, model);
    let written = match interchange::write_graph(model, format, output, &inputs) {
        Ok(written) => written,
        Err(WriteError::WouldNotReopen(problems)) => {
            writeln!(
                err,
                "error: the converted dataset would not open as a {} file; nothing was written:",
                dataset::schema::FORMAT_VERSION
            )?;
            for problem in problems.iter().take(20) {
                writeln!(err, "  {problem}")?;
            }
            return Ok(false);
        }
        Err(error) => return Err(error.into()),
    };
    for path in written {
        writeln!(
            out,
            "wrote {} ({}: {} nodes, {} edges, {} articles)",
            path.display(),
            format.name(),
            model.nodes.len(),
            model.edges.len(),
            model.articles.len()
        )?;
    }
    Ok(true)
}

/// Writes the dated relations of `input` as an events file (`crate::claims::events`).
fn write_events(
    input: &Path,
    options: &crate::interchange::ReadOptions,
    output: &Path,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<bool> {
    let Some(loaded) = super::load_reporting(input, options, err)? else {
        return Ok(false);
    };
    let model = &loaded.model;
    let bytes = crate::claims::events::events_tsv(model)?;
    let rows = bytes
        .iter()
        .filter(|&&byte| byte == b'\n')
        .count()
        .saturating_sub(1);
    let inputs = interchange::input_files(input, model);
    match interchange::write_files(vec![(output.to_path_buf(), bytes)], &inputs) {
        Ok(_) => {
            writeln!(
                out,
                "wrote {} (events: {rows} dated relations of {})",
                output.display(),
                model.edges.len()
            )?;
            Ok(true)
        }
        Err(WriteError::WouldOverwriteInput(path)) => {
            writeln!(err, "error: {path} is an input file; nothing was written")?;
            Ok(false)
        }
        Err(error) => Err(error.into()),
    }
}
