//! GraphML: read and write.
//!
//! Read: `<key>` declarations with types and defaults, nodes (those of nested graphs
//! too), edges with `directed`, `<data>` values typed by their key. Data named `label`
//! (or `name`), `x`/`y`, `r`/`g`/`b` (or a hex `color`) and `size` become the node's
//! label, position, colour and size; `label` and `weight` on edges likewise. Positions
//! are screen coordinates, y growing downwards.

use std::fmt::Write as _;

use serde_json::Value;

use super::carry::{self, Column, DATASET_RECORD};
use super::graph_file::{FileEdge, FileNode, GraphFile};
use super::xml::{Element, XmlProblem, XmlReader};
use super::xml_graph::{Declared, Dialect, Domain, GraphReading, read_graph};
use crate::model::Model;

/// Reads a GraphML file.
pub fn read(bytes: &[u8]) -> Result<GraphFile, XmlProblem> {
    let mut graph = read_graph(bytes, &mut GraphMl)?;
    for node in &mut graph.nodes {
        node.promote_common_attributes();
    }
    for edge in &mut graph.edges {
        edge.promote_common_attributes();
    }
    Ok(graph)
}

/// What GraphML's tags mean.
struct GraphMl;

impl Dialect for GraphMl {
    const ROOT: &'static str = "graphml";

    fn start(
        &mut self,
        mut element: Element,
        reader: &mut XmlReader<'_>,
        reading: &mut GraphReading,
    ) -> Result<(), XmlProblem> {
        match element.name.as_ref() {
            "key" => {
                let id = element.required("id")?;
                let domain = match element.attribute("for").unwrap_or("all") {
                    "node" => Domain::Nodes,
                    "edge" => Domain::Edges,
                    "all" => Domain::All,
                    _ => Domain::Neither,
                };
                let declared = Declared {
                    name: element.attribute("attr.name").unwrap_or(&id).to_owned(),
                    kind: element
                        .attribute("attr.type")
                        .unwrap_or("string")
                        .to_owned(),
                    domain,
                    default: None,
                };
                // Key ids are unique in a file, whatever they are for.
                reading.declare(Domain::All, id, declared);
            }
            "default" if !element.empty => {
                let text = reader.text_until_end()?;
                reading.set_default(text);
            }
            "graph" => {
                let directed = element
                    .attribute("edgedefault")
                    .map(|value| value == "directed");
                reading.open_graph(&element, directed);
            }
            "node" => {
                let id = element.take_required("id")?;
                reading.open_node(&element, FileNode::new(id, element.place.clone()));
            }
            "edge" => {
                let source = element.take_required("source")?;
                let target = element.take_required("target")?;
                let directed = match element.attribute("directed") {
                    Some(value) => value == "true",
                    None => reading.directed_by_default(),
                };
                let mut edge = FileEdge::new(source, target, directed, element.place.clone());
                edge.id = element.take("id");
                reading.open_edge(&element, edge);
            }
            "data" => {
                let key = element.required("key")?;
                let text = if element.empty {
                    String::new()
                } else {
                    reader.text_until_end()?
                };
                if !reading.set_attribute(&key, &text) {
                    let (name, _) = reading.typed(&key, &text);
                    read_graph_data(&mut reading.graph, &name, &text, &element)?;
                }
            }
            _ => {}
        }
        Ok(())
    }
}

fn read_graph_data(
    graph: &mut GraphFile,
    name: &str,
    text: &str,
    element: &Element,
) -> Result<(), XmlProblem> {
    match name {
        DATASET_RECORD => {
            graph.carried = Some(serde_json::from_str(text).map_err(|error| XmlProblem {
                location: element.place.clone(),
                message: format!("the {DATASET_RECORD} record is not JSON: {error}"),
            })?);
        }
        "name" | "title" => graph.title = Some(text.trim().to_owned()),
        "description" => graph.description = Some(text.trim().to_owned()),
        _ => {}
    }
    Ok(())
}

/// Writes a model as GraphML, with a key per attribute.
pub fn write(model: &Model) -> String {
    let escape = |text: &str| quick_xml::escape::escape(text).into_owned();
    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str("<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n");
    let node_rows: Vec<Vec<(String, Value)>> = model
        .nodes
        .iter()
        .map(|node| {
            let mut row = vec![("label".to_owned(), Value::from(node.label.clone()))];
            if let Some(point) = node.look.position {
                row.push(("x".into(), Value::from(f64::from(point.x))));
                row.push(("y".into(), Value::from(f64::from(point.y))));
            }
            if let Some(colour) = node.look.colour {
                let [r, g, b] = colour.rgb;
                row.push(("r".into(), Value::from(r)));
                row.push(("g".into(), Value::from(g)));
                row.push(("b".into(), Value::from(b)));
            }
            if let Some(size) = node.look.size {
                row.push(("size".into(), Value::from(f64::from(size))));
            }
            row.extend(carry::node_row(node));
            row
        })
        .collect();
    let edge_rows: Vec<Vec<(String, Value)>> = model
        .edges
        .iter()
        .map(|edge| {
            let mut row: Vec<(String, Value)> = edge
                .shown_label()
                .map(|label| ("label".to_owned(), Value::from(label)))
                .into_iter()
                .collect();
            if let Some(weight) = edge.weight {
                row.push(("weight".into(), Value::from(weight)));
            }
            row.extend(carry::edge_row(edge));
            row
        })
        .collect();
    let node_columns = carry::columns(node_rows.iter().map(Vec::as_slice));
    let edge_columns = carry::columns(edge_rows.iter().map(Vec::as_slice));
    let _ = writeln!(
        out,
        "  <key id=\"g0\" for=\"graph\" attr.name=\"name\" attr.type=\"string\"/>\n  <key id=\"g1\" for=\"graph\" attr.name=\"{DATASET_RECORD}\" attr.type=\"string\"/>"
    );
    let node_ids = write_keys(&mut out, "node", "n", &node_columns);
    let edge_ids = write_keys(&mut out, "edge", "e", &edge_columns);
    let all_directed = model.edges.iter().all(|edge| edge.directed);
    let _ = writeln!(
        out,
        "  <graph id=\"G\" edgedefault=\"{}\">",
        if all_directed {
            "directed"
        } else {
            "undirected"
        }
    );
    let _ = writeln!(out, "    <data key=\"g0\">{}</data>", escape(&model.title));
    let _ = writeln!(
        out,
        "    <data key=\"g1\">{}</data>",
        escape(&carry::dataset_record(model).to_string())
    );
    for (node, row) in model.nodes.iter().zip(&node_rows) {
        let _ = writeln!(out, "    <node id=\"{}\">", escape(&node.id));
        write_data(&mut out, &node_columns, &node_ids, row);
        out.push_str("    </node>\n");
    }
    for (edge, row) in model.edges.iter().zip(&edge_rows) {
        let _ = write!(
            out,
            "    <edge id=\"{}\" source=\"{}\" target=\"{}\"",
            escape(&edge.id),
            escape(&edge.source),
            escape(&edge.target)
        );
        if edge.directed != all_directed {
            let _ = write!(out, " directed=\"{}\"", edge.directed);
        }
        out.push_str(">\n");
        write_data(&mut out, &edge_columns, &edge_ids, row);
        out.push_str("    </edge>\n");
    }
    out.push_str("  </graph>\n</graphml>\n");
    out
}

fn write_keys(out: &mut String, domain: &str, prefix: &str, columns: &[Column]) -> Vec<String> {
    columns
        .iter()
        .enumerate()
        .map(|(index, column)| {
            let id = format!("{prefix}{index}");
            let kind = column.kind.xml_type();
            let _ = writeln!(
                out,
                "  <key id=\"{id}\" for=\"{domain}\" attr.name=\"{}\" attr.type=\"{kind}\"/>",
                quick_xml::escape::escape(column.name.as_str())
            );
            id
        })
        .collect()
}

fn write_data(out: &mut String, columns: &[Column], ids: &[String], row: &[(String, Value)]) {
    for (column, id) in columns.iter().zip(ids) {
        if let Some(value) = carry::row_value(row, &column.name) {
            let _ = writeln!(
                out,
                "      <data key=\"{id}\">{}</data>",
                quick_xml::escape::escape(carry::as_text(value).as_str())
            );
        }
    }
}
