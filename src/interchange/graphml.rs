//! GraphML: read and write.
//!
//! Read: `<key>` declarations with types and defaults, nodes (those of nested graphs
//! too), edges with `directed`, `<data>` values typed by their key. Data named `label`
//! (or `name`), `x`/`y`, `r`/`g`/`b` (or a hex `color`) and `size` become the node's
//! label, position, colour and size; `label` and `weight` on edges likewise. Positions
//! are screen coordinates, y growing downwards.

use std::collections::HashMap;
use std::fmt::Write as _;

use serde_json::Value;

use super::carry::{self, Column, DATASET_RECORD};
use super::gexf::typed_value;
use super::graph_file::{FileEdge, FileNode, GraphFile};
use super::xml::{Element, Item, XmlProblem, XmlReader};
use crate::model::Model;

#[derive(Debug, Clone)]
struct Key {
    name: String,
    kind: String,
    domain: String,
    default: Option<String>,
}

#[derive(Debug, Clone, Copy)]
enum Owner {
    Graph,
    Node(usize),
    Edge(usize),
}

/// Reads a GraphML file.
pub fn read(bytes: &[u8]) -> Result<GraphFile, XmlProblem> {
    let mut reader = XmlReader::new(bytes);
    reader.root("graphml")?;
    let mut graph = GraphFile::default();
    let mut keys: HashMap<String, Key> = HashMap::new();
    let mut last_key: Option<String> = None;
    let mut owners: Vec<Owner> = Vec::new();
    let mut directed_default: Vec<bool> = Vec::new();
    loop {
        let element = match reader.next_item()? {
            Item::Eof => break,
            Item::End(name) => {
                match name.as_str() {
                    "node" | "edge" => {
                        owners.pop();
                    }
                    "graph" => {
                        owners.pop();
                        directed_default.pop();
                    }
                    _ => {}
                }
                continue;
            }
            Item::Text(_) => continue,
            Item::Start(element) => element,
        };
        match element.name.as_str() {
            "key" => {
                let id = element.required("id")?;
                keys.insert(
                    id.clone(),
                    Key {
                        name: element.attribute("attr.name").unwrap_or(&id).to_owned(),
                        kind: element
                            .attribute("attr.type")
                            .unwrap_or("string")
                            .to_owned(),
                        domain: element.attribute("for").unwrap_or("all").to_owned(),
                        default: None,
                    },
                );
                last_key = Some(id);
            }
            "default" if !element.empty => {
                let text = reader.text_until_end()?;
                if let Some(key) = last_key.as_ref().and_then(|id| keys.get_mut(id)) {
                    key.default = Some(text);
                }
            }
            "graph" => {
                let inherited = directed_default.last().copied().unwrap_or(false);
                let directed = match element.attribute("edgedefault") {
                    Some(value) => value == "directed",
                    None => inherited,
                };
                if !element.empty {
                    directed_default.push(directed);
                    owners.push(Owner::Graph);
                }
            }
            "node" => {
                let id = element.required("id")?;
                graph.nodes.push(FileNode::new(id, element.place.clone()));
                if !element.empty {
                    owners.push(Owner::Node(graph.nodes.len() - 1));
                }
            }
            "edge" => {
                let source = element.required("source")?;
                let target = element.required("target")?;
                let directed = match element.attribute("directed") {
                    Some(value) => value == "true",
                    None => directed_default.last().copied().unwrap_or(false),
                };
                let mut edge = FileEdge::new(source, target, directed, element.place.clone());
                edge.id = element.attribute("id").map(str::to_owned);
                graph.edges.push(edge);
                if !element.empty {
                    owners.push(Owner::Edge(graph.edges.len() - 1));
                }
            }
            "data" => {
                let key_id = element.required("key")?;
                let text = if element.empty {
                    String::new()
                } else {
                    reader.text_until_end()?
                };
                let (name, value) = match keys.get(&key_id) {
                    Some(key) => (key.name.clone(), typed_value(&key.kind, &text)),
                    None => (key_id.clone(), Value::from(text.clone())),
                };
                match owners.last() {
                    Some(Owner::Node(index)) => {
                        if let Some(node) = graph.nodes.get_mut(*index) {
                            node.attributes.insert(name, value);
                        }
                    }
                    Some(Owner::Edge(index)) => {
                        if let Some(edge) = graph.edges.get_mut(*index) {
                            edge.attributes.insert(name, value);
                        }
                    }
                    Some(Owner::Graph) | None => {
                        read_graph_data(&mut graph, &name, &text, &element)?;
                    }
                }
            }
            _ => {}
        }
    }
    let mut defaults: Vec<(&Key, Value)> = keys
        .values()
        .filter_map(|key| {
            let text = key.default.as_deref()?;
            Some((key, typed_value(&key.kind, text)))
        })
        .collect();
    defaults.sort_by(|a, b| a.0.name.cmp(&b.0.name));
    for node in &mut graph.nodes {
        for (key, value) in &defaults {
            if matches!(key.domain.as_str(), "node" | "all") {
                node.attributes
                    .insert_if_absent(&key.name, || value.clone());
            }
        }
        node.promote_common_attributes();
    }
    for edge in &mut graph.edges {
        for (key, value) in &defaults {
            if matches!(key.domain.as_str(), "edge" | "all") {
                edge.attributes
                    .insert_if_absent(&key.name, || value.clone());
            }
        }
        edge.promote_common_attributes();
    }
    Ok(graph)
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
