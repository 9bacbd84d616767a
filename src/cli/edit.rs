//! `backchannel edit`: apply a list of edit operations to a dataset, all or nothing.

use std::io::Write;
use std::path::Path;

use anyhow::Context as _;

use crate::document::save_dataset;
use crate::edit::{Stamp, apply_all, parse_ops};
use crate::interchange::GraphFormat;

/// Applies the operations in `ops_file` to `file` and writes the result to `output`
/// (or over `file` with `in_place`). Prints each refusal and returns false; writes
/// nothing unless every operation applies.
pub fn run_edit(
    file: &Path,
    ops_file: &Path,
    output: Option<&Path>,
    in_place: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<bool> {
    let target = match (output, in_place) {
        (Some(_), true) => {
            writeln!(err, "error: give either -o OUT or --in-place, not both")?;
            return Ok(false);
        }
        (None, false) => {
            writeln!(
                err,
                "error: say where to write: -o OUT, or --in-place to replace {}",
                file.display()
            )?;
            return Ok(false);
        }
        (Some(output), false) => output.to_path_buf(),
        (None, true) => file.to_path_buf(),
    };
    if in_place && GraphFormat::by_extension(file) != Some(GraphFormat::Backchannel) {
        writeln!(
            err,
            "error: {} is not a Backchannel dataset; --in-place would overwrite another tool's file. Use -o OUT.json",
            file.display()
        )?;
        return Ok(false);
    }
    if !in_place && same_file(file, &target) {
        writeln!(
            err,
            "error: {} is the input; give --in-place to replace it",
            target.display()
        )?;
        return Ok(false);
    }
    let text = std::fs::read_to_string(ops_file)
        .with_context(|| format!("cannot read {}", ops_file.display()))?;
    let mut ops = match parse_ops(&text) {
        Ok(ops) => ops,
        Err(error) => {
            writeln!(err, "{}: {error}", ops_file.display())?;
            return Ok(false);
        }
    };
    let Some(mut loaded) = super::load_reporting(file, &Default::default(), err)? else {
        return Ok(false);
    };
    let folder = ops_file
        .parent()
        .filter(|parent| !parent.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let stamp = Stamp::now(folder);
    let sets = match apply_all(
        std::sync::Arc::make_mut(&mut loaded.model),
        &mut ops,
        &stamp,
    ) {
        Ok(sets) => sets,
        Err(error) => {
            writeln!(err, "{}: {error}; nothing was written", ops_file.display())?;
            return Ok(false);
        }
    };
    match save_dataset(&loaded.model, &target) {
        Ok(_) => {}
        Err(error) => {
            writeln!(err, "error: {error}")?;
            return Ok(false);
        }
    }
    for note in sets.iter().flat_map(|set| &set.notes) {
        writeln!(out, "note: {note}")?;
    }
    writeln!(
        out,
        "applied {} operation(s); wrote {} ({} nodes, {} edges, {} articles)",
        ops.len(),
        target.display(),
        loaded.model.nodes.len(),
        loaded.model.edges.len(),
        loaded.model.articles.len()
    )?;
    Ok(true)
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}
