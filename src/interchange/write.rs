//! Writing a model as another tool's file (or ours), atomically and never over a file
//! the open dataset was read from.

use super::*;

/// Why a graph could not be written.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// The format is read, never written.
    #[error("Backchannel does not write {0} files")]
    NotWritten(&'static str),
    /// The output would replace a file the dataset was read from.
    #[error("{0} is a file the open dataset was read from; choose another name")]
    WouldOverwriteInput(String),
    /// Writing a file failed.
    #[error("cannot write {path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The operating system's reason.
        source: std::io::Error,
    },
    /// The CSV writer failed.
    #[error("cannot write CSV: {0}")]
    Csv(#[from] csv::Error),
    /// Written in our format, the dataset would not open again (typed elements without
    /// evidence, from a file that lost our articles): nothing was written.
    #[error("the dataset would not open again as a {}: {}", crate::dataset::schema::FORMAT_VERSION, .0.first().map(ToString::to_string).unwrap_or_default())]
    WouldNotReopen(Vec<Problem>),
}

/// The files a model becomes in `format`: one file, or three for CSV (`out` names the
/// edge list). Bytes only; see [`write_graph`].
pub fn graph_files(
    model: &Model,
    format: GraphFormat,
    out: &Path,
) -> Result<Vec<(PathBuf, Vec<u8>)>, WriteError> {
    let one = |text: String| Ok(vec![(out.to_path_buf(), text.into_bytes())]);
    match format {
        GraphFormat::Backchannel => {
            let mut text = serde_json::to_string_pretty(&to_raw_dataset(model)).unwrap_or_default();
            text.push('\n');
            one(text)
        }
        GraphFormat::Gexf => one(gexf::write(model)),
        GraphFormat::GraphMl => one(graphml::write(model)),
        GraphFormat::NodeLink => one(node_link::write(model)),
        GraphFormat::Dot => one(dot::write(model)),
        GraphFormat::Csv => {
            let files = table::write(model)?;
            let paths = CsvPaths::of(out);
            Ok(vec![
                (paths.edges, files.edges),
                (paths.nodes, files.nodes),
                (paths.dataset, files.dataset),
            ])
        }
        GraphFormat::Gml => Err(WriteError::NotWritten("GML")),
    }
}

/// Writes a model in `format` to `out` (and, for CSV, the node table and dataset record
/// beside it), each file atomically. Refuses to replace any of `inputs`, the files the
/// dataset was read from, and to write in our format a dataset that would not open
/// again. Returns the files written.
pub fn write_graph(
    model: &Model,
    format: GraphFormat,
    out: &Path,
    inputs: &[PathBuf],
) -> Result<Vec<PathBuf>, WriteError> {
    let files = graph_files(model, format, out)?;
    if format == GraphFormat::Backchannel {
        // A dataset of ours must open again: evidence the input lacked is not made up.
        for (path, bytes) in &files {
            if let Err(error) = dataset::load_bytes(
                &path.display().to_string(),
                bytes,
                &dataset::EmbeddedStore::new(&[]),
            ) {
                return Err(WriteError::WouldNotReopen(error.into_errors()));
            }
        }
    }
    write_files(files, inputs)
}

/// Writes each of `files` atomically, refusing (before writing any) to replace one of
/// the `inputs` the dataset was read from.
pub fn write_files(
    files: Vec<(PathBuf, Vec<u8>)>,
    inputs: &[PathBuf],
) -> Result<Vec<PathBuf>, WriteError> {
    let canonical_inputs: Vec<PathBuf> = inputs
        .iter()
        .filter_map(|input| std::fs::canonicalize(input).ok())
        .collect();
    for (path, _) in &files {
        if let Ok(canonical) = std::fs::canonicalize(path)
            && canonical_inputs.contains(&canonical)
        {
            return Err(WriteError::WouldOverwriteInput(path.display().to_string()));
        }
    }
    let mut written = Vec::with_capacity(files.len());
    for (path, bytes) in files {
        crate::atomic::write_atomically(&path, &bytes).map_err(|source| WriteError::Io {
            path: path.display().to_string(),
            source,
        })?;
        written.push(path);
    }
    Ok(written)
}

/// The files a dataset opened from `path` was read from (with a CSV graph's node table
/// and dataset record, and a dataset's article files), which an export must not replace.
pub fn input_files(path: &Path, model: &Model) -> Vec<PathBuf> {
    let mut inputs = vec![path.to_path_buf()];
    if GraphFormat::by_extension(path) == Some(GraphFormat::Csv) {
        let paths = CsvPaths::of(path);
        inputs.extend([paths.edges, paths.nodes, paths.dataset]);
    }
    let folder = path.parent().unwrap_or(Path::new("."));
    inputs.extend(
        model
            .articles
            .iter()
            .filter_map(|article| article.path.as_ref())
            .map(|relative| folder.join(relative)),
    );
    inputs
}
