//! Node-link JSON, as d3 and networkx write it: read and write.
//!
//! `{"nodes": [...], "links": [...]}` (networkx also says `"edges"`), with links pointing
//! at nodes by id, or by array index when the nodes have no ids (d3's default). An
//! endpoint d3 has replaced by its node object is read through that object's id or
//! index. `directed` and `graph` (networkx) are read when present; a file without
//! `directed` is undirected, as d3 draws it.

use serde_json::{Map, Value, json};

use super::carry::{self, DATASET_RECORD};
use super::graph_file::{FileEdge, FileNode, GraphFile};
use crate::dataset::Location;
use crate::model::Model;

/// A problem in a node-link file, at a JSON path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NodeLinkProblem {
    /// Where: line and column for malformed JSON, else a JSON path.
    pub location: Location,
    /// What is wrong.
    pub message: String,
}

fn at(path: String, message: String) -> NodeLinkProblem {
    NodeLinkProblem {
        location: Location::JsonPath(path),
        message,
    }
}

/// The top-level keys of a JSON object, read without building it.
#[derive(Debug, Default, serde::Deserialize)]
struct TopLevelKeys {
    format: Option<serde::de::IgnoredAny>,
    title: Option<serde::de::IgnoredAny>,
    articles: Option<serde::de::IgnoredAny>,
    nodes: Option<serde::de::IgnoredAny>,
    links: Option<serde::de::IgnoredAny>,
    edges: Option<serde::de::IgnoredAny>,
}

/// Whether a JSON file's top-level keys say node-link data rather than a `backchannel/1`
/// dataset: nodes and links (or edges), and none of our top-level fields. False for
/// malformed JSON, which our loader then reports.
pub fn top_level_keys_say_node_link(bytes: &[u8]) -> bool {
    match serde_json::from_slice::<TopLevelKeys>(bytes) {
        Ok(keys) => {
            keys.format.is_none()
                && keys.title.is_none()
                && keys.articles.is_none()
                && keys.nodes.is_some()
                && (keys.links.is_some() || keys.edges.is_some())
        }
        Err(_) => false,
    }
}

/// Reads node-link JSON already parsed.
pub fn read(value: &Value) -> Result<GraphFile, NodeLinkProblem> {
    let Value::Object(top) = value else {
        return Err(at(
            "$".into(),
            "node-link JSON is an object with \"nodes\" and \"links\"".into(),
        ));
    };
    let (links_field, links) = match (top.get("links"), top.get("edges")) {
        (Some(Value::Array(links)), _) => ("links", links),
        (None, Some(Value::Array(links))) => ("edges", links),
        _ => {
            return Err(at(
                "$.links".into(),
                "node-link JSON needs a \"links\" (or \"edges\") array".into(),
            ));
        }
    };
    let Some(Value::Array(nodes)) = top.get("nodes") else {
        return Err(at(
            "$.nodes".into(),
            "node-link JSON needs a \"nodes\" array".into(),
        ));
    };
    let directed = top
        .get("directed")
        .and_then(Value::as_bool)
        .unwrap_or(false);
    let mut graph = GraphFile::default();
    if let Some(Value::Object(meta)) = top.get("graph") {
        graph.title = meta.get("name").and_then(Value::as_str).map(str::to_owned);
        graph.description = meta
            .get("description")
            .and_then(Value::as_str)
            .map(str::to_owned);
        graph.carried = match meta.get(DATASET_RECORD) {
            Some(Value::String(text)) => serde_json::from_str(text).ok(),
            Some(other) => Some(other.clone()),
            None => None,
        };
    }
    let by_index = read_nodes(nodes, &mut graph)?;
    let ids: Vec<String> = graph.nodes.iter().map(|node| node.id.clone()).collect();
    for (index, item) in links.iter().enumerate() {
        let path = format!("$.{links_field}[{index}]");
        graph
            .edges
            .push(read_link(item, path, &ids, by_index, directed)?);
    }
    Ok(graph)
}

/// Reads the nodes into `graph`; true when they have no ids and links count them from 0.
fn read_nodes(nodes: &[Value], graph: &mut GraphFile) -> Result<bool, NodeLinkProblem> {
    let with_ids = nodes.iter().filter(|node| node.get("id").is_some()).count();
    if with_ids != 0 && with_ids != nodes.len() {
        let missing = nodes
            .iter()
            .position(|node| node.get("id").is_none())
            .unwrap_or(0);
        return Err(at(
            format!("$.nodes[{missing}]"),
            "some nodes have an \"id\" and this one has none; give every node an id, or none (links then count nodes from 0)".into(),
        ));
    }
    let by_index = with_ids == 0;
    for (index, item) in nodes.iter().enumerate() {
        let path = format!("$.nodes[{index}]");
        let Value::Object(fields) = item else {
            return Err(at(path, "a node is a JSON object".into()));
        };
        let id = if by_index {
            index.to_string()
        } else {
            match fields.get("id") {
                Some(Value::String(id)) => id.clone(),
                Some(Value::Number(number)) => number.to_string(),
                _ => {
                    return Err(at(
                        format!("{path}.id"),
                        "a node id is a string or a number".into(),
                    ));
                }
            }
        };
        let mut node = FileNode::new(id, Location::JsonPath(path));
        for (name, value) in fields {
            if name != "id" {
                node.attributes.insert(name.clone(), value.clone());
            }
        }
        node.promote_common_attributes();
        graph.nodes.push(node);
    }
    Ok(by_index)
}

/// One link, at `path`: its ends by node id (or by index when nodes have no ids; d3's
/// simulated node objects too), direction (its own, else the graph's), id and
/// attributes.
fn read_link(
    item: &Value,
    path: String,
    ids: &[String],
    by_index: bool,
    directed: bool,
) -> Result<FileEdge, NodeLinkProblem> {
    let Value::Object(fields) = item else {
        return Err(at(path, "a link is a JSON object".into()));
    };
    let endpoint = |end: &str| -> Result<String, NodeLinkProblem> {
        let value = match fields.get(end) {
            // d3 replaces endpoints by their node objects once simulated.
            Some(Value::Object(node)) => node.get("id").or_else(|| node.get("index")),
            other => other,
        };
        let found = match value {
            Some(Value::String(id)) if !by_index => Some(id.clone()),
            Some(Value::Number(number)) if by_index => number
                .as_u64()
                .and_then(|at| usize::try_from(at).ok())
                .and_then(|at| ids.get(at).cloned()),
            Some(Value::Number(number)) => Some(number.to_string()),
            _ => None,
        };
        found.ok_or_else(|| {
            let how = if by_index {
                format!("an index from 0 to {}", ids.len().saturating_sub(1))
            } else {
                "a node id".to_owned()
            };
            at(
                format!("{path}.{end}"),
                format!("the link's {end} is {}; expected {how}", describe(value)),
            )
        })
    };
    let source = endpoint("source")?;
    let target = endpoint("target")?;
    let edge_directed = fields
        .get("directed")
        .and_then(Value::as_bool)
        .unwrap_or(directed);
    let mut edge = FileEdge::new(source, target, edge_directed, Location::JsonPath(path));
    edge.id = match fields.get("id") {
        Some(Value::String(id)) => Some(id.clone()),
        Some(Value::Number(number)) => Some(number.to_string()),
        _ => None,
    };
    for (name, value) in fields {
        if !matches!(name.as_str(), "id" | "source" | "target" | "directed") {
            edge.attributes.insert(name.clone(), value.clone());
        }
    }
    edge.promote_common_attributes();
    Ok(edge)
}

fn describe(value: Option<&Value>) -> String {
    match value {
        None => "missing".to_owned(),
        Some(Value::String(text)) => format!("\"{text}\""),
        Some(other) => other.to_string(),
    }
}

/// Writes a model as networkx-style node-link JSON (links by id).
pub fn write(model: &Model) -> String {
    let all_directed = model.edges.iter().all(|edge| edge.directed);
    let nodes: Vec<Value> = model
        .nodes
        .iter()
        .map(|node| {
            let mut object = Map::new();
            object.insert("id".into(), json!(node.id));
            object.insert("label".into(), json!(node.label));
            if let Some(point) = node.look.position {
                object.insert("x".into(), json!(point.x));
                object.insert("y".into(), json!(point.y));
            }
            if let Some(colour) = node.look.colour {
                object.insert("color".into(), json!(colour.to_hex()));
            }
            if let Some(size) = node.look.size {
                object.insert("size".into(), json!(size));
            }
            for (name, value) in carry::node_row(node) {
                object.entry(name).or_insert(value);
            }
            Value::Object(object)
        })
        .collect();
    let links: Vec<Value> = model
        .edges
        .iter()
        .map(|edge| {
            let mut object = Map::new();
            object.insert("id".into(), json!(edge.id));
            object.insert("source".into(), json!(edge.source));
            object.insert("target".into(), json!(edge.target));
            if let Some(label) = edge.shown_label() {
                object.insert("label".into(), json!(label));
            }
            if let Some(weight) = edge.weight {
                object.insert("weight".into(), json!(weight));
            }
            if edge.directed != all_directed {
                object.insert("directed".into(), json!(edge.directed));
            }
            for (name, value) in carry::edge_row(edge) {
                object.entry(name).or_insert(value);
            }
            Value::Object(object)
        })
        .collect();
    let document = json!({
        "directed": all_directed,
        "multigraph": true,
        "graph": { "name": model.title, DATASET_RECORD: carry::dataset_object(model) },
        "nodes": nodes,
        "links": links,
    });
    let mut text = serde_json::to_string_pretty(&document).unwrap_or_default();
    text.push('\n');
    text
}
