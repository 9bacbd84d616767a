//! CSV edge lists with an optional node table, as spreadsheets and Gephi's data
//! laboratory write them: read and write.
//!
//! The edge list `NAME.csv` has a source and a target column, recognised by their names
//! in any case as Gephi's import does ([`SOURCE_NAMES`], [`TARGET_NAMES`]: source/target,
//! from/to, src/dst, origin/destination, tail/head), optionally `id`, `label`, a weight
//! (`weight`, else `count`, else `value`), `directed` (true/false) or Gephi's `type`
//! (directed/undirected); edges are directed unless a row says otherwise. Fields are
//! separated by commas, tabs or semicolons, whichever the header line uses most. The node table
//! `NAME.nodes.csv` beside it has `id`, optionally `label`, `x`, `y`, `color`, `size`.
//! Every other column is an attribute; a column whose values are all numbers (or all
//! true/false) is read as numbers (booleans). Our exports add `NAME.dataset.json`, the
//! dataset record with the articles.

use std::collections::HashSet;

use serde_json::Value;

use super::graph_file::{FileEdge, FileNode, GraphFile};
use super::xml::LineIndex;
use crate::dataset::{Location, ProblemKind};
use crate::model::Attributes;

mod write;

pub use write::{CsvFiles, write};

/// A problem in a CSV file: which file, where and what.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvProblem {
    /// Line and column.
    pub location: Location,
    /// What is wrong.
    pub message: String,
}

/// A CSV file read into a header and rows, each row with its place.
struct Table {
    header: Vec<String>,
    rows: Vec<(Location, Vec<String>)>,
}

/// The columns of an edge list that hold each edge's source, target and weight, as the
/// user named them (where the header's names are not ones Backchannel recognises, or
/// name more than one pair).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct CsvColumns {
    /// The source column's name.
    pub source: String,
    /// The target column's name.
    pub target: String,
    /// The weight column's name, if any.
    pub weight: Option<String>,
}

/// Names of an edge list's source column, in the order they are looked for.
pub const SOURCE_NAMES: [&str; 5] = ["source", "from", "src", "origin", "tail"];
/// Names of an edge list's target column, in the order they are looked for ("head" and
/// "tail" as in graph theory: an arc runs from its tail to its head).
pub const TARGET_NAMES: [&str; 5] = ["target", "to", "dst", "destination", "head"];
/// Names of an edge list's weight column, in the order they are looked for.
pub const WEIGHT_NAMES: [&str; 3] = ["weight", "count", "value"];

/// The field separator of a CSV file: whichever of comma, tab and semicolon its first line
/// holds most of, outside quotes; a comma where it holds none.
fn delimiter(bytes: &[u8]) -> u8 {
    let first_line = bytes.split(|&byte| byte == b'\n').next().unwrap_or(&[]);
    let mut counts = [(b',', 0_usize), (b'\t', 0), (b';', 0)];
    let mut quoted = false;
    for &byte in first_line {
        if byte == b'"' {
            quoted = !quoted;
        } else if !quoted && let Some(slot) = counts.iter_mut().find(|(sep, _)| *sep == byte) {
            slot.1 += 1;
        }
    }
    // The first of the most frequent wins, so a tie (or none) keeps the comma.
    counts
        .iter()
        .fold(
            (b',', 0),
            |best, &(sep, count)| if count > best.1 { (sep, count) } else { best },
        )
        .0
}

impl Table {
    fn read(bytes: &[u8]) -> Result<Self, CsvProblem> {
        let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
        let lines = LineIndex::new(bytes);
        let mut reader = csv::ReaderBuilder::new()
            .flexible(false)
            .delimiter(delimiter(bytes))
            .from_reader(bytes);
        let problem = |error: csv::Error| {
            let location = error.position().map_or(Location::File, |position| {
                lines.location(usize::try_from(position.byte()).unwrap_or(usize::MAX))
            });
            let message = match error.kind() {
                csv::ErrorKind::UnequalLengths {
                    expected_len, len, ..
                } => format!("this row has {len} fields; the header has {expected_len}"),
                csv::ErrorKind::Utf8 { .. } => "the file is not UTF-8 text".to_owned(),
                _ => format!("malformed CSV: {error}"),
            };
            CsvProblem { location, message }
        };
        let header: Vec<String> = reader
            .headers()
            .map_err(problem)?
            .iter()
            .map(|name| name.trim().to_owned())
            .collect();
        let mut rows = Vec::new();
        for record in reader.records() {
            let record = record.map_err(problem)?;
            let location = record.position().map_or(Location::File, |position| {
                lines.location(usize::try_from(position.byte()).unwrap_or(usize::MAX))
            });
            rows.push((location, record.iter().map(str::to_owned).collect()));
        }
        Ok(Self { header, rows })
    }

    /// The index of the first column named one of `names`, in any case.
    fn column(&self, names: &[&str]) -> Option<usize> {
        self.header
            .iter()
            .position(|column| names.iter().any(|name| column.eq_ignore_ascii_case(name)))
    }

    /// How each column's values are typed: numbers, booleans or text.
    fn typing(&self) -> Vec<fn(&str) -> Value> {
        (0..self.header.len())
            .map(|column| {
                let values = || {
                    self.rows
                        .iter()
                        .filter_map(move |(_, row)| row.get(column))
                        .map(|value| value.trim())
                        .filter(|value| !value.is_empty())
                };
                let carried = self
                    .header
                    .get(column)
                    .is_some_and(|name| name.starts_with("bc_"));
                if carried || values().next().is_none() {
                    text
                } else if values().all(|value| value.parse::<i64>().is_ok()) {
                    integer
                } else if values().all(|value| value.parse::<f64>().is_ok_and(f64::is_finite)) {
                    double
                } else if values().all(|value| matches!(value, "true" | "false")) {
                    boolean
                } else {
                    text
                }
            })
            .collect()
    }
}

fn text(value: &str) -> Value {
    Value::from(value)
}

fn integer(value: &str) -> Value {
    value
        .trim()
        .parse::<i64>()
        .map_or_else(|_| Value::from(value), Value::from)
}

fn double(value: &str) -> Value {
    value
        .trim()
        .parse::<f64>()
        .ok()
        .and_then(serde_json::Number::from_f64)
        .map_or_else(|| Value::from(value), Value::Number)
}

fn boolean(value: &str) -> Value {
    match value.trim() {
        "true" => Value::Bool(true),
        "false" => Value::Bool(false),
        _ => Value::from(value),
    }
}

/// Which file of a CSV graph a problem is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CsvPart {
    /// The edge list.
    Edges,
    /// The node table.
    Nodes,
}

/// The header and first rows of an edge list, for a user choosing its columns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Preview {
    /// The column names.
    pub header: Vec<String>,
    /// Up to [`PREVIEW_ROWS`] rows.
    pub rows: Vec<Vec<String>>,
}

/// Rows a [`Preview`] shows.
pub const PREVIEW_ROWS: usize = 5;

/// The header and first rows of the edge list `bytes`.
pub fn preview(bytes: &[u8]) -> Result<Preview, CsvProblem> {
    let table = Table::read(bytes)?;
    Ok(Preview {
        header: table.header,
        rows: table
            .rows
            .into_iter()
            .take(PREVIEW_ROWS)
            .map(|(_, row)| row)
            .collect(),
    })
}

/// The message of the problem that asks for the columns: the window knows it by this
/// start and offers to choose them.
pub const CHOOSE_COLUMNS: &str = "choose the edge list's";

/// The columns that make an edge list an events file (`convert --to events`, in the
/// layout of GDELT and ICEWS): read back as a graph, its actors' names as labels and its
/// relation, modality, attribution and date as the relations' own.
const EVENT_COLUMNS: [&str; 4] = ["event_id", "source_id", "target_id", "relation"];

/// An events file's columns read as the edge's own fields (carried as `bc_` attributes):
/// (column, field).
const EVENT_FIELDS: [(&str, &str); 4] = [
    ("relation", "bc_relation"),
    ("modality", "bc_modality"),
    ("attribution", "bc_attributed_to"),
    ("date", "bc_date"),
];

/// Where an events file keeps its ends' names, by end.
struct EventColumns {
    source_name: Option<usize>,
    target_name: Option<usize>,
}

impl EventColumns {
    /// The events columns of `table`, when its header has them all.
    fn of(table: &Table) -> Option<Self> {
        EVENT_COLUMNS
            .iter()
            .all(|name| table.column(&[name]).is_some())
            .then(|| Self {
                source_name: table.column(&["source_name"]),
                target_name: table.column(&["target_name"]),
            })
    }
}

/// Reads an edge list and, when there is one, its node table; `columns` names the source,
/// target and weight columns where the header does not say them plainly.
pub fn read(
    edges: &[u8],
    nodes: Option<&[u8]>,
    columns: Option<&CsvColumns>,
) -> Result<GraphFile, (CsvPart, CsvProblem)> {
    let edge_table = Table::read(edges).map_err(|problem| (CsvPart::Edges, problem))?;
    let mut graph = GraphFile::default();
    let mut known: HashSet<String> = HashSet::new();
    if let Some(bytes) = nodes {
        read_node_table(bytes, &mut graph, &mut known)?;
    }
    let events = match columns {
        Some(_) => None,
        None => EventColumns::of(&edge_table),
    };
    let (source_column, target_column, weight_column) = match (columns, &events) {
        (Some(chosen), _) => chosen_columns(&edge_table, chosen)?,
        (None, Some(_)) => (
            edge_table.column(&["source_id"]).unwrap_or_default(),
            edge_table.column(&["target_id"]).unwrap_or_default(),
            None,
        ),
        (None, None) => recognised_columns(&edge_table)?,
    };
    let id_column = match events {
        Some(_) => edge_table.column(&["event_id"]),
        None => edge_table.column(&["id"]),
    };
    let (source_name, target_name) = events.as_ref().map_or((None, None), |events| {
        (events.source_name, events.target_name)
    });
    let directed_column = edge_table.column(&["directed"]);
    let type_column = edge_table.column(&["type"]);
    let typing = edge_table.typing();
    let has_node_table = nodes.is_some();
    for (place, row) in &edge_table.rows {
        let cell = |column: Option<usize>| column.and_then(|column| row.get(column));
        let source = cell(Some(source_column)).cloned().unwrap_or_default();
        let target = cell(Some(target_column)).cloned().unwrap_or_default();
        for (end, name) in [(&source, source_name), (&target, target_name)] {
            if known.insert(end.clone()) {
                if has_node_table {
                    graph.warnings.push((
                        ProblemKind::MissingNode,
                        place.clone(),
                        format!("node \"{end}\" is not in the node table; it is added"),
                    ));
                }
                let mut node = FileNode::new(end.clone(), place.clone());
                node.label = cell(name).filter(|name| !name.is_empty()).cloned();
                graph.nodes.push(node);
            }
        }
        let directed = match (cell(directed_column), cell(type_column)) {
            (Some(value), _) if !value.is_empty() => !value.trim().eq_ignore_ascii_case("false"),
            (_, Some(value)) if !value.is_empty() => {
                !value.trim().eq_ignore_ascii_case("undirected")
            }
            _ => true,
        };
        let mut edge = FileEdge::new(source, target, directed, place.clone());
        edge.id = cell(id_column).filter(|id| !id.is_empty()).cloned();
        let skipped = [
            Some(source_column),
            Some(target_column),
            id_column,
            directed_column,
            type_column,
            source_name,
            target_name,
        ];
        edge.attributes = row_attributes(&edge_table, &typing, row, &skipped, weight_column);
        if events.is_some() {
            as_event_fields(&mut edge.attributes);
        }
        edge.promote_common_attributes();
        graph.edges.push(edge);
    }
    Ok(graph)
}

/// An events row's relation, modality, attribution and date as the edge's own fields,
/// as text whatever the column's typing made of them (a year alone reads as a number).
fn as_event_fields(attributes: &mut Attributes) {
    for (column, field) in EVENT_FIELDS {
        if let Some(value) = attributes.remove(column) {
            let text = match value {
                Value::String(text) => text,
                other => other.to_string(),
            };
            attributes.insert(field.to_owned(), Value::String(text));
        }
    }
}

/// Reads the node table into `graph`: a node per row, its columns typed as attributes;
/// each id goes into `known`.
fn read_node_table(
    bytes: &[u8],
    graph: &mut GraphFile,
    known: &mut HashSet<String>,
) -> Result<(), (CsvPart, CsvProblem)> {
    let table = Table::read(bytes).map_err(|problem| (CsvPart::Nodes, problem))?;
    let id_column = table.column(&["id"]).ok_or_else(|| {
        (
            CsvPart::Nodes,
            CsvProblem {
                location: Location::LineColumn { line: 1, column: 1 },
                message: "the node table has no \"id\" column".to_owned(),
            },
        )
    })?;
    let typing = table.typing();
    for (place, row) in &table.rows {
        let id = row.get(id_column).cloned().unwrap_or_default();
        let mut node = FileNode::new(id.clone(), place.clone());
        node.attributes = row_attributes(&table, &typing, row, &[Some(id_column)], None);
        node.promote_common_attributes();
        known.insert(id);
        graph.nodes.push(node);
    }
    graph.node_table_rows = graph.nodes.len();
    Ok(())
}

/// The attributes of an edge list's row: every non-empty cell outside the `skipped`
/// columns, typed as its column; the weight column is named `weight`, any spelling of
/// `label` is `label`, and a label that reads as a number stays text.
fn row_attributes(
    table: &Table,
    typing: &[fn(&str) -> Value],
    row: &[String],
    skipped: &[Option<usize>],
    weight_column: Option<usize>,
) -> Attributes {
    let mut attributes = Attributes::default();
    for (column, value) in row.iter().enumerate() {
        if skipped.contains(&Some(column)) || value.is_empty() {
            continue;
        }
        let (Some(name), Some(typed)) = (table.header.get(column), typing.get(column)) else {
            continue;
        };
        let name = if Some(column) == weight_column {
            "weight".to_owned()
        } else if name.eq_ignore_ascii_case("label") {
            "label".to_owned()
        } else {
            name.clone()
        };
        attributes.insert(name, typed(value));
    }
    if let Some(Value::Number(label)) = attributes.get("label") {
        let label = label.to_string();
        attributes.insert("label".into(), Value::from(label));
    }
    attributes
}

/// The header's end and weight columns as the user named them, or a problem naming the
/// column that is not there.
fn chosen_columns(
    table: &Table,
    chosen: &CsvColumns,
) -> Result<(usize, usize, Option<usize>), (CsvPart, CsvProblem)> {
    let find = |role: &str, name: &str| {
        table.column(&[name]).ok_or_else(|| {
            header_problem(format!(
                "the {role} column \"{name}\" is not in the header ({})",
                table.header.join(", ")
            ))
        })
    };
    let weight = match &chosen.weight {
        Some(name) => Some(find("weight", name)?),
        None => None,
    };
    Ok((
        find("source", &chosen.source)?,
        find("target", &chosen.target)?,
        weight,
    ))
}

/// The end and weight columns the header names by their common names; a problem that asks
/// for them when it names no pair, or more than one.
fn recognised_columns(
    table: &Table,
) -> Result<(usize, usize, Option<usize>), (CsvPart, CsvProblem)> {
    let candidates = |names: &[&str]| -> Vec<usize> {
        (0..table.header.len())
            .filter(|&column| {
                table.header.get(column).is_some_and(|header| {
                    names.iter().any(|name| header.eq_ignore_ascii_case(name))
                })
            })
            .collect()
    };
    let (sources, targets) = (candidates(&SOURCE_NAMES), candidates(&TARGET_NAMES));
    let (source, target) = match (sources.as_slice(), targets.as_slice()) {
        ([source], [target]) => (*source, *target),
        ([], _) | (_, []) => {
            let role = if sources.is_empty() {
                "source"
            } else {
                "target"
            };
            let names = if sources.is_empty() {
                SOURCE_NAMES
            } else {
                TARGET_NAMES
            };
            return Err(header_problem(format!(
                "{CHOOSE_COLUMNS} columns: an edge list needs a {role} column, named one of {} (the header is: {}); or name the columns with --source and --target",
                names.join(", "),
                table.header.join(", ")
            )));
        }
        _ => {
            let named = |columns: &[usize]| {
                columns
                    .iter()
                    .filter_map(|&column| table.header.get(column).map(String::as_str))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            return Err(header_problem(format!(
                "{CHOOSE_COLUMNS} columns: the header names more than one source or target column (sources: {}; targets: {}), so Backchannel does not guess; name them with --source and --target",
                named(&sources),
                named(&targets)
            )));
        }
    };
    // The weight: the first of its names the header has.
    let weight = WEIGHT_NAMES.iter().find_map(|name| table.column(&[name]));
    Ok((source, target, weight))
}

/// A problem with the edge list's header.
fn header_problem(message: String) -> (CsvPart, CsvProblem) {
    (
        CsvPart::Edges,
        CsvProblem {
            location: Location::LineColumn { line: 1, column: 1 },
            message,
        },
    )
}

#[cfg(test)]
mod tests;
