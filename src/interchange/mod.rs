//! The graph files other tools read and write: GEXF (Gephi), GraphML, GML, node-link
//! JSON (d3, networkx), CSV edge lists with a node table, and DOT (Graphviz, written
//! only).
//!
//! Reading: the format is found by extension and confirmed by content; each reader
//! gives a [`GraphFile`], which becomes a `backchannel/1` dataset checked by the same
//! validator as our own files, every problem named by file and line:column (or JSON
//! path). Writing: our fields travel as `bc_` attributes and the articles as a dataset
//! record, so that a round trip back into our format loses nothing.

pub(crate) mod carry;
mod checked;
pub mod dot;
pub mod gexf;
pub mod gml;
mod graph_file;
pub mod graphml;
pub mod node_link;
mod streamed;
mod synthetic;
pub mod table;
mod write;
pub mod xml;
mod xml_graph;

use std::path::{Path, PathBuf};

use serde_json::Value;

pub use carry::{DATASET_RECORD, EDGE_FIELDS, NODE_FIELDS, to_raw_dataset};
use checked::{finish, from_xml, single};
pub use graph_file::{FileEdge, FileNode, GraphFile};
pub use synthetic::synthetic_gexf;
pub use write::{WriteError, graph_files, input_files, write_files, write_graph};

use crate::background::{self, Stage};
use crate::dataset::{self, FolderStore, LoadError, Loaded, Location, Problem, ProblemKind};
use crate::model::Model;

/// A file format Backchannel reads or writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum GraphFormat {
    /// Our own `backchannel/1` JSON.
    Backchannel,
    /// GEXF 1.2 or 1.3 (Gephi).
    Gexf,
    /// GraphML.
    GraphMl,
    /// GML.
    Gml,
    /// Node-link JSON (d3, networkx).
    NodeLink,
    /// A CSV edge list with an optional node table.
    Csv,
    /// Graphviz DOT (written only).
    Dot,
}

impl GraphFormat {
    /// Every format, in menu order.
    pub const ALL: [GraphFormat; 7] = [
        Self::Backchannel,
        Self::Gexf,
        Self::GraphMl,
        Self::Gml,
        Self::NodeLink,
        Self::Csv,
        Self::Dot,
    ];

    /// The formats Backchannel writes.
    pub const WRITTEN: [GraphFormat; 6] = [
        Self::Backchannel,
        Self::Gexf,
        Self::GraphMl,
        Self::NodeLink,
        Self::Csv,
        Self::Dot,
    ];

    /// Its name for people.
    pub fn name(self) -> &'static str {
        match self {
            Self::Backchannel => "Backchannel dataset",
            Self::Gexf => "GEXF",
            Self::GraphMl => "GraphML",
            Self::Gml => "GML",
            Self::NodeLink => "node-link JSON",
            Self::Csv => "CSV",
            Self::Dot => "DOT",
        }
    }

    /// Its name on the command line (`--to`).
    pub fn id(self) -> &'static str {
        match self {
            Self::Backchannel => "backchannel",
            Self::Gexf => "gexf",
            Self::GraphMl => "graphml",
            Self::Gml => "gml",
            Self::NodeLink => "node-link",
            Self::Csv => "csv",
            Self::Dot => "dot",
        }
    }

    /// The format named `id` on the command line.
    pub fn from_id(id: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|format| format.id() == id)
    }

    /// The file extensions it uses; the first is written.
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            Self::Backchannel | Self::NodeLink => &["json"],
            Self::Gexf => &["gexf"],
            Self::GraphMl => &["graphml"],
            Self::Gml => &["gml"],
            Self::Csv => &["csv", "tsv"],
            Self::Dot => &["dot", "gv"],
        }
    }

    /// Whether Backchannel reads it.
    pub fn readable(self) -> bool {
        self != Self::Dot
    }

    /// The format a file's extension names (`.json` names ours; node-link JSON is told
    /// apart by content when read, and asked for by name when written).
    pub fn by_extension(path: &Path) -> Option<Self> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        Self::ALL
            .into_iter()
            .find(|format| format.extensions().contains(&extension.as_str()))
    }
}

/// Every extension Backchannel opens, for file dialogs.
pub const OPENED_EXTENSIONS: [&str; 6] = ["json", "gexf", "graphml", "gml", "csv", "tsv"];

/// What a file's first bytes look like.
fn sniff(bytes: &[u8]) -> Option<GraphFormat> {
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    let first = bytes.iter().find(|byte| !byte.is_ascii_whitespace())?;
    match first {
        b'<' => match xml::root_name(bytes).as_deref() {
            Some("gexf") => Some(GraphFormat::Gexf),
            Some("graphml") => Some(GraphFormat::GraphMl),
            _ => None,
        },
        b'{' | b'[' => Some(GraphFormat::Backchannel),
        _ => None,
    }
}

/// Whether the file at `path` with these bytes is a dataset of ours (a `.json` file that
/// is not node-link JSON), which Save may write back; any other file is another tool's.
pub fn reads_as_ours(path: &Path, bytes: &[u8]) -> bool {
    let trimmed = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    GraphFormat::by_extension(path) == Some(GraphFormat::Backchannel)
        && sniff(trimmed) == Some(GraphFormat::Backchannel)
        && !node_link::top_level_keys_say_node_link(trimmed)
}

/// What the user told Backchannel about a file it reads.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReadOptions {
    /// A CSV edge list's source, target and weight columns, where the user named them.
    pub csv_columns: Option<table::CsvColumns>,
}

/// Loads the graph or dataset file at `path`, whatever its format.
pub fn load_file(path: &Path) -> Result<Loaded, LoadError> {
    load_file_with(path, &ReadOptions::default())
}

/// Loads the graph or dataset file at `path`, whatever its format, as `options` say.
pub fn load_file_with(path: &Path, options: &ReadOptions) -> Result<Loaded, LoadError> {
    load_owned(path, read_file(path)?, options)
}

/// Reads the bytes of the file at `path`, refusing folders and files over the size
/// limit; in a job, the bytes read are its progress, and cancelling stops the read.
pub fn read_file(path: &Path) -> Result<Vec<u8>, LoadError> {
    read_limited(path).map_err(|message| {
        single(
            &path.display().to_string(),
            ProblemKind::Unreadable,
            Location::File,
            message,
        )
    })
}

/// Loads `bytes`, read from the file at `path`, whatever its format (a CSV edge list
/// with its node table beside it, article paths resolving beside the file).
pub fn load_read(path: &Path, bytes: &[u8]) -> Result<Loaded, LoadError> {
    load_read_with(path, bytes, &ReadOptions::default())
}

/// Loads `bytes`, read from the file at `path`, as [`load_read`] does, as `options` say.
pub fn load_read_with(
    path: &Path,
    bytes: &[u8],
    options: &ReadOptions,
) -> Result<Loaded, LoadError> {
    let file = path.display().to_string();
    match format_of(path, bytes)? {
        GraphFormat::Csv => load_csv(path, &file, bytes, options.csv_columns.as_ref()),
        other => load_bytes_as(other, &file, bytes, &FolderStore::beside(path)),
    }
}

/// Loads `bytes`, read from the file at `path`, as [`load_read_with`] does, freeing them
/// as soon as the file is parsed (an XML file's elements no longer need its text).
pub fn load_owned(path: &Path, bytes: Vec<u8>, options: &ReadOptions) -> Result<Loaded, LoadError> {
    let file = path.display().to_string();
    let read = match format_of(path, &bytes)? {
        // A big GEXF file is read and checked at once, on two threads, where two cores
        // are free for it (in the window's job, one is left to the window).
        GraphFormat::Gexf
            if bytes.len() >= streamed::FROM_BYTES && crate::parallel::cores() >= 2 =>
        {
            match streamed::load_gexf(&file, &bytes) {
                Some(loaded) => return loaded,
                None => gexf::read(&bytes),
            }
        }
        GraphFormat::Gexf => gexf::read(&bytes),
        GraphFormat::GraphMl => graphml::read(&bytes),
        _ => return load_read_with(path, &bytes, options),
    };
    drop(bytes);
    from_xml(&file, read)
}

/// The format of `bytes`, read from `path`: by the extension, checked against the
/// content, or by the content alone.
fn format_of(path: &Path, bytes: &[u8]) -> Result<GraphFormat, LoadError> {
    let file = path.display().to_string();
    let mismatch =
        |message: String| single(&file, ProblemKind::FormatMismatch, Location::File, message);
    let format = match GraphFormat::by_extension(path) {
        Some(GraphFormat::Dot) => {
            return Err(mismatch(
                "Backchannel writes DOT files but does not read them; open GEXF, GraphML, GML, node-link JSON or CSV".to_owned(),
            ));
        }
        Some(format) => {
            let sniffed = sniff(bytes);
            let json_like = matches!(format, GraphFormat::Backchannel | GraphFormat::NodeLink);
            let agrees = match sniffed {
                Some(GraphFormat::Backchannel) => json_like,
                Some(other) => other == format,
                // Text that is neither XML nor JSON: GML or CSV, or broken XML/JSON that
                // the reader will locate.
                None => !matches!(format, GraphFormat::Gexf | GraphFormat::GraphMl)
                    || bytes.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'<'),
            };
            if !agrees {
                let content = match sniffed {
                    Some(GraphFormat::Backchannel) => "JSON".to_owned(),
                    Some(other) => other.name().to_owned(),
                    None => "not XML".to_owned(),
                };
                return Err(mismatch(format!(
                    "the extension says {}, but the content is {content}",
                    format.name()
                )));
            }
            format
        }
        None => sniff(bytes).ok_or_else(|| {
            mismatch(format!(
                "Backchannel cannot tell this file's format from its extension or content; it opens .{}",
                OPENED_EXTENSIONS.join(", .")
            ))
        })?,
    };
    Ok(format)
}

/// Loads `bytes` as a file of `format` named `file` (a CSV edge list alone, without its
/// node table), article paths resolving through `store`: the loaders without the file
/// system, for tests and fuzzing.
pub fn load_bytes_as(
    format: GraphFormat,
    file: &str,
    bytes: &[u8],
    store: &dyn dataset::ArticleStore,
) -> Result<Loaded, LoadError> {
    match format {
        GraphFormat::Backchannel | GraphFormat::NodeLink => load_json(file, bytes, store),
        GraphFormat::Gexf => from_xml(file, gexf::read(bytes)),
        GraphFormat::GraphMl => from_xml(file, graphml::read(bytes)),
        GraphFormat::Gml => match gml::read(bytes) {
            Ok(graph) => finish(file, graph, 0, None),
            Err(problem) => Err(single(
                file,
                ProblemKind::MalformedGml,
                problem.location,
                problem.message,
            )),
        },
        GraphFormat::Csv => match table::read(bytes, None, None) {
            Ok(graph) => finish(file, graph, 0, None),
            Err((_, problem)) => Err(single(
                file,
                ProblemKind::MalformedCsv,
                problem.location,
                problem.message,
            )),
        },
        GraphFormat::Dot => Err(single(
            file,
            ProblemKind::FormatMismatch,
            Location::File,
            "DOT files are written, not read".to_owned(),
        )),
    }
}

fn read_limited(path: &Path) -> Result<Vec<u8>, String> {
    use std::io::Read as _;
    /// Bytes read between two progress reports.
    const CHUNK: usize = 1 << 20;
    let unreadable = |error: std::io::Error| format!("cannot read the file: {error}");
    let metadata = std::fs::metadata(path).map_err(unreadable)?;
    if metadata.is_dir() {
        return Err("this is a folder, not a dataset file".to_owned());
    }
    let limit = dataset::max_file_bytes();
    if metadata.len() > limit {
        return Err(format!(
            "the file has {} bytes; Backchannel reads files of at most {limit} bytes (set {} to change the limit)",
            metadata.len(),
            dataset::MAX_FILE_BYTES_VARIABLE
        ));
    }
    background::report(Stage::Reading, metadata.len());
    let mut file = std::fs::File::open(path).map_err(unreadable)?;
    // The size is a hint (the file may change meanwhile); the limit holds whatever it
    // grows to.
    let mut bytes = Vec::with_capacity(usize::try_from(metadata.len()).unwrap_or(0));
    let mut buffer = vec![0; CHUNK];
    loop {
        let read = match file.read(&mut buffer) {
            Ok(read) => read,
            Err(error) if error.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(error) => return Err(unreadable(error)),
        };
        let Some(chunk) = buffer.get(..read).filter(|chunk| !chunk.is_empty()) else {
            return Ok(bytes);
        };
        if (bytes.len() + chunk.len()) as u64 > limit {
            return Err(format!(
                "the file grew past {limit} bytes while it was read (set {} to change the limit)",
                dataset::MAX_FILE_BYTES_VARIABLE
            ));
        }
        bytes.extend_from_slice(chunk);
        background::advance(chunk.len() as u64);
        if background::cancelled() {
            return Err(background::CANCELLED.to_owned());
        }
    }
}

fn load_json(
    file: &str,
    bytes: &[u8],
    store: &dyn dataset::ArticleStore,
) -> Result<Loaded, LoadError> {
    let trimmed = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    // Which JSON it is, from its top-level keys alone (no tree is built for our format,
    // whose loader reads the records directly).
    if node_link::top_level_keys_say_node_link(trimmed) {
        let value: Value = match serde_json::from_slice(trimmed) {
            Ok(value) => value,
            Err(_) => return dataset::load_bytes(file, bytes, store),
        };
        return match node_link::read(&value) {
            Ok(graph) => finish(file, graph, 0, None),
            Err(problem) => Err(single(
                file,
                ProblemKind::WrongShape,
                problem.location,
                problem.message,
            )),
        };
    }
    dataset::load_bytes(file, bytes, store)
}

/// The files of a CSV graph: edge list, node table and dataset record, by the naming
/// convention `NAME.csv`, `NAME.nodes.csv`, `NAME.dataset.json`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvPaths {
    /// The edge list.
    pub edges: PathBuf,
    /// The node table.
    pub nodes: PathBuf,
    /// The dataset record.
    pub dataset: PathBuf,
}

impl CsvPaths {
    /// The three files of the CSV graph `path` belongs to (the edge list or the node
    /// table may be named); a `.tsv` edge list's node table is `NAME.nodes.tsv`.
    pub fn of(path: &Path) -> Self {
        let name = path
            .file_name()
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or_default();
        let lower = name.to_ascii_lowercase();
        let extension = if lower.ends_with(".tsv") {
            ".tsv"
        } else {
            ".csv"
        };
        let nodes_suffix = format!(".nodes{extension}");
        let stem = if lower.ends_with(&nodes_suffix) {
            name.get(..name.len() - nodes_suffix.len())
                .unwrap_or(&name)
                .to_owned()
        } else if lower.ends_with(extension) {
            name.get(..name.len() - extension.len())
                .unwrap_or(&name)
                .to_owned()
        } else {
            name
        };
        let beside = |suffix: &str| path.with_file_name(format!("{stem}{suffix}"));
        Self {
            edges: beside(extension),
            nodes: beside(&nodes_suffix),
            dataset: beside(".dataset.json"),
        }
    }
}

fn load_csv(
    path: &Path,
    file: &str,
    bytes: &[u8],
    columns: Option<&table::CsvColumns>,
) -> Result<Loaded, LoadError> {
    let paths = CsvPaths::of(path);
    let optional = |sidecar: &Path| -> Result<Option<Vec<u8>>, LoadError> {
        if sidecar == path {
            return Ok(Some(bytes.to_vec()));
        }
        if !sidecar.exists() {
            return Ok(None);
        }
        let name = sidecar.display().to_string();
        read_limited(sidecar)
            .map(Some)
            .map_err(|message| single(&name, ProblemKind::Unreadable, Location::File, message))
    };
    let edges = optional(&paths.edges)?;
    let nodes = optional(&paths.nodes)?;
    let Some(edges) = edges else {
        return Err(single(
            file,
            ProblemKind::Unreadable,
            Location::File,
            format!(
                "this node table has no edge list {} beside it",
                paths.edges.display()
            ),
        ));
    };
    let edges_name = paths.edges.display().to_string();
    let nodes_name = paths.nodes.display().to_string();
    let mut graph = match table::read(&edges, nodes.as_deref(), columns) {
        Ok(graph) => graph,
        Err((part, problem)) => {
            let name = match part {
                table::CsvPart::Edges => &edges_name,
                table::CsvPart::Nodes => &nodes_name,
            };
            return Err(single(
                name,
                ProblemKind::MalformedCsv,
                problem.location,
                problem.message,
            ));
        }
    };
    if let Some(record) = optional(&paths.dataset)? {
        graph.carried = Some(serde_json::from_slice(&record).map_err(|error| {
            single(
                &paths.dataset.display().to_string(),
                ProblemKind::MalformedJson,
                Location::LineColumn {
                    line: error.line().max(1),
                    column: error.column().max(1),
                },
                format!("malformed JSON: {error}"),
            )
        })?);
    }
    let from_node_table = nodes.map_or(0, |_| graph.node_table_rows);
    finish(&edges_name, graph, from_node_table, Some(&nodes_name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_load_in_a_job_reports_every_stage_to_its_end() {
        use crate::background::{Progress, Reading, with_progress};
        use std::sync::Arc;
        let path = Path::new("tests/fixtures/graphs/Les_Miserables.gexf");
        let progress = Arc::new(Progress::default());
        let size = std::fs::metadata(path).unwrap().len();
        let bytes = with_progress(Some(Arc::clone(&progress)), || read_file(path)).unwrap();
        assert_eq!(
            progress.read(),
            Reading {
                stage: Stage::Reading,
                done: size,
                total: size
            }
        );
        let loaded =
            with_progress(Some(Arc::clone(&progress)), || load_read(path, &bytes)).unwrap();
        let elements = (loaded.model.nodes.len() + loaded.model.edges.len()) as u64;
        assert_eq!(
            progress.read(),
            Reading {
                stage: Stage::Checking,
                done: elements,
                total: elements
            }
        );
        // Cancelled, the same load stops with an error and no model.
        progress.cancel();
        let cancelled = with_progress(Some(progress), || load_file(path));
        assert!(cancelled.is_err());
        assert!(
            load_file(path).is_ok(),
            "outside the job nothing is cancelled"
        );
    }

    #[test]
    fn csv_paths_follow_the_naming_convention() {
        let paths = CsvPaths::of(Path::new("data/talks.nodes.csv"));
        assert_eq!(paths.edges, Path::new("data/talks.csv"));
        assert_eq!(paths.dataset, Path::new("data/talks.dataset.json"));
        assert_eq!(
            CsvPaths::of(Path::new("talks.CSV")).nodes,
            Path::new("talks.nodes.csv")
        );
    }
}
