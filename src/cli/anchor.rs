//! `backchannel anchor`: fill in evidence offsets, context and article hashes from the
//! quotes a curator wrote ([`crate::dataset::anchor_dataset`] does the work).

use std::io::Write;
use std::path::Path;

use anyhow::Context as _;

use crate::dataset::schema::RawDataset;
use crate::dataset::{FolderStore, anchor_dataset};

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
    let problems = anchor_dataset(&mut dataset, &FolderStore::beside(file));
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
