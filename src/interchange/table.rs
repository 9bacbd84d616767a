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

use super::carry::{self, Column};
use super::graph_file::{FileEdge, FileNode, GraphFile};
use super::xml::LineIndex;
use crate::dataset::{Location, ProblemKind};
use crate::model::Model;

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

/// Reads an edge list and, when there is one, its node table.
pub fn read(edges: &[u8], nodes: Option<&[u8]>) -> Result<GraphFile, (CsvPart, CsvProblem)> {
    let edge_table = Table::read(edges).map_err(|problem| (CsvPart::Edges, problem))?;
    let mut graph = GraphFile::default();
    let mut known: HashSet<String> = HashSet::new();
    if let Some(bytes) = nodes {
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
            for (column, value) in row.iter().enumerate() {
                if column == id_column || value.is_empty() {
                    continue;
                }
                let (Some(name), Some(typed)) = (table.header.get(column), typing.get(column))
                else {
                    continue;
                };
                let name = if name.eq_ignore_ascii_case("label") {
                    "label".to_owned()
                } else {
                    name.clone()
                };
                node.attributes.insert(name, typed(value));
            }
            if let Some(Value::Number(label)) = node.attributes.get("label") {
                let label = label.to_string();
                node.attributes.insert("label".into(), Value::from(label));
            }
            node.promote_common_attributes();
            known.insert(id);
            graph.nodes.push(node);
        }
        graph.node_table_rows = graph.nodes.len();
    }
    // An end column: the first of its names the header has, or a problem naming them all.
    let end_column = |role: &str, names: &[&str]| {
        edge_table.column(names).ok_or_else(|| {
            (
                CsvPart::Edges,
                CsvProblem {
                    location: Location::LineColumn { line: 1, column: 1 },
                    message: format!(
                        "an edge list needs a {role} column, named one of {} (the header is: {})",
                        names.join(", "),
                        edge_table.header.join(", ")
                    ),
                },
            )
        })
    };
    let source_column = end_column("source", &SOURCE_NAMES)?;
    let target_column = end_column("target", &TARGET_NAMES)?;
    // The weight: the first of its names the header has.
    let weight_column = WEIGHT_NAMES
        .iter()
        .find_map(|name| edge_table.column(&[name]));
    let id_column = edge_table.column(&["id"]);
    let directed_column = edge_table.column(&["directed"]);
    let type_column = edge_table.column(&["type"]);
    let typing = edge_table.typing();
    let has_node_table = nodes.is_some();
    for (place, row) in &edge_table.rows {
        let cell = |column: Option<usize>| column.and_then(|column| row.get(column));
        let source = cell(Some(source_column)).cloned().unwrap_or_default();
        let target = cell(Some(target_column)).cloned().unwrap_or_default();
        for end in [&source, &target] {
            if known.insert(end.clone()) {
                if has_node_table {
                    graph.warnings.push((
                        ProblemKind::MissingNode,
                        place.clone(),
                        format!("node \"{end}\" is not in the node table; it is added"),
                    ));
                }
                graph.nodes.push(FileNode::new(end.clone(), place.clone()));
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
        for (column, value) in row.iter().enumerate() {
            let skipped = [
                Some(source_column),
                Some(target_column),
                id_column,
                directed_column,
                type_column,
            ];
            if skipped.contains(&Some(column)) || value.is_empty() {
                continue;
            }
            let (Some(name), Some(typed)) = (edge_table.header.get(column), typing.get(column))
            else {
                continue;
            };
            let name = if Some(column) == weight_column {
                "weight".to_owned()
            } else if name.eq_ignore_ascii_case("label") {
                "label".to_owned()
            } else {
                name.clone()
            };
            edge.attributes.insert(name, typed(value));
        }
        if let Some(Value::Number(label)) = edge.attributes.get("label") {
            let label = label.to_string();
            edge.attributes.insert("label".into(), Value::from(label));
        }
        edge.promote_common_attributes();
        graph.edges.push(edge);
    }
    Ok(graph)
}

/// The three files of a CSV export: edge list, node table, dataset record.
pub struct CsvFiles {
    /// `NAME.csv`.
    pub edges: Vec<u8>,
    /// `NAME.nodes.csv`.
    pub nodes: Vec<u8>,
    /// `NAME.dataset.json`.
    pub dataset: Vec<u8>,
}

/// Writes a model as an edge list, a node table and the dataset record.
pub fn write(model: &Model) -> Result<CsvFiles, csv::Error> {
    let node_rows: Vec<Vec<(String, Value)>> = model.nodes.iter().map(carry::node_row).collect();
    let edge_rows: Vec<Vec<(String, Value)>> = model.edges.iter().map(carry::edge_row).collect();
    let node_columns = carry::columns(node_rows.iter().map(Vec::as_slice));
    let edge_columns = carry::columns(edge_rows.iter().map(Vec::as_slice));

    let mut nodes = csv::Writer::from_writer(Vec::new());
    let mut header: Vec<String> = ["id", "label", "x", "y", "color", "size"]
        .map(str::to_owned)
        .to_vec();
    header.extend(node_columns.iter().map(|column| column.name.clone()));
    nodes.write_record(&header)?;
    for (node, row) in model.nodes.iter().zip(&node_rows) {
        let mut record = vec![
            node.id.clone(),
            node.label.clone(),
            node.look
                .position
                .map(|point| point.x.to_string())
                .unwrap_or_default(),
            node.look
                .position
                .map(|point| point.y.to_string())
                .unwrap_or_default(),
            node.look
                .colour
                .map(|colour| colour.to_hex())
                .unwrap_or_default(),
            node.look
                .size
                .map(|size| size.to_string())
                .unwrap_or_default(),
        ];
        record.extend(cells(&node_columns, row));
        nodes.write_record(&record)?;
    }

    let mut edges = csv::Writer::from_writer(Vec::new());
    let mut header: Vec<String> = ["id", "source", "target", "label", "weight", "directed"]
        .map(str::to_owned)
        .to_vec();
    header.extend(edge_columns.iter().map(|column| column.name.clone()));
    edges.write_record(&header)?;
    for (edge, row) in model.edges.iter().zip(&edge_rows) {
        let mut record = vec![
            edge.id.clone(),
            edge.source.clone(),
            edge.target.clone(),
            edge.shown_label().unwrap_or_default().to_owned(),
            edge.weight
                .map(|weight| weight.to_string())
                .unwrap_or_default(),
            edge.directed.to_string(),
        ];
        record.extend(cells(&edge_columns, row));
        edges.write_record(&record)?;
    }
    let into_bytes = |writer: csv::Writer<Vec<u8>>| {
        writer
            .into_inner()
            .map_err(|error| csv::Error::from(error.into_error()))
    };
    let mut dataset = serde_json::to_string_pretty(&carry::dataset_record(model))
        .unwrap_or_default()
        .into_bytes();
    dataset.push(b'\n');
    Ok(CsvFiles {
        edges: into_bytes(edges)?,
        nodes: into_bytes(nodes)?,
        dataset,
    })
}

fn cells(columns: &[Column], row: &[(String, Value)]) -> Vec<String> {
    columns
        .iter()
        .map(|column| {
            carry::row_value(row, &column.name)
                .map(carry::as_text)
                .unwrap_or_default()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The edges of an edge list as "source>target weight" lines.
    fn edges(bytes: &[u8]) -> Vec<String> {
        let graph = read(bytes, None).expect("reads");
        graph
            .edges
            .iter()
            .map(|edge| format!("{}>{} {:?}", edge.source, edge.target, edge.weight))
            .collect()
    }

    #[test]
    fn source_and_target_are_found_by_their_common_names() {
        for header in [
            "Source,Target",
            "from,to",
            "SRC,dst",
            "origin,destination",
            "tail,head",
        ] {
            assert_eq!(
                edges(format!("{header}\na,b\n").as_bytes()),
                ["a>b None"],
                "{header}"
            );
        }
    }

    #[test]
    fn the_weight_comes_from_weight_count_or_value() {
        assert_eq!(
            edges(b"origin,destination,count\na,b,3\n"),
            ["a>b Some(3.0)"]
        );
        assert_eq!(edges(b"source,target,value\na,b,2.5\n"), ["a>b Some(2.5)"]);
        // Weight first, where a file has both.
        assert_eq!(
            edges(b"source,target,count,weight\na,b,7,2\n"),
            ["a>b Some(2.0)"]
        );
    }

    #[test]
    fn tabs_and_semicolons_are_separators() {
        assert_eq!(edges(b"source\ttarget\ttitle\na\tb\tx, y\n"), ["a>b None"]);
        assert_eq!(edges(b"source;target;weight\na;b;4\n"), ["a>b Some(4.0)"]);
        // A separator inside quotes does not count.
        assert_eq!(edges(b"\"a;b\",source,target\nx,a,b\n"), ["a>b None"]);
    }

    #[test]
    fn an_edge_list_without_a_source_says_which_names_it_takes() {
        let Err((CsvPart::Edges, problem)) = read(b"a,b\n1,2\n", None) else {
            panic!("an edge list without a source column is refused");
        };
        assert!(problem.message.contains("origin"), "{}", problem.message);
        assert!(
            problem.message.contains("the header is: a, b"),
            "{}",
            problem.message
        );
    }
}
