//! GEXF 1.2 and 1.3 (Gephi): read and write.
//!
//! Read: nodes (nested ones too), edges with their type, label, weight and id (optional
//! in 1.3), typed attributes with defaults, `viz:color`, `viz:position` and `viz:size`;
//! dynamics, shapes and hierarchies are not used. Gephi's y axis grows upwards, the
//! screen's downwards, so y changes sign both ways.

use std::collections::HashMap;
use std::fmt::Write as _;

use serde_json::Value;

use super::carry::{self, Column, DATASET_RECORD};
use super::graph_file::{FileEdge, FileNode, GraphFile};
use super::xml::{Element, Item, XmlProblem, XmlReader};
use crate::model::{Colour, Model};

/// The namespace of the `bc:dataset` element our exports put in `<meta>`.
pub const BACKCHANNEL_NAMESPACE: &str = "urn:backchannel:1";

/// A declared attribute: its title and type.
#[derive(Debug, Clone)]
struct Declared {
    title: String,
    kind: String,
    default: Option<String>,
}

/// Where attribute values being read go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Owner {
    Node(usize),
    Edge(usize),
}

/// Reads a GEXF file.
pub fn read(bytes: &[u8]) -> Result<GraphFile, XmlProblem> {
    let mut reader = XmlReader::new(bytes);
    reader.root("gexf")?;
    let mut graph = GraphFile::default();
    let mut node_attributes: HashMap<String, Declared> = HashMap::new();
    let mut edge_attributes: HashMap<String, Declared> = HashMap::new();
    let mut class_is_edge = false;
    let mut last_declared: Option<String> = None;
    let mut owners: Vec<Owner> = Vec::new();
    let mut directed_default = false;
    loop {
        let element = match reader.next_item()? {
            Item::Eof => break,
            Item::End(name) => {
                if matches!(name.as_str(), "node" | "edge") {
                    owners.pop();
                }
                continue;
            }
            Item::Text(_) => continue,
            Item::Start(element) => element,
        };
        let closes = |owners: &mut Vec<Owner>| {
            if element.empty && matches!(element.name.as_str(), "node" | "edge") {
                owners.pop();
            }
        };
        match element.name.as_str() {
            "title" | "description" | "dataset" if owners.is_empty() && !element.empty => {
                let text = reader.text_until_end()?;
                match element.name.as_str() {
                    "title" => graph.title = Some(text.trim().to_owned()),
                    "description" => graph.description = Some(text.trim().to_owned()),
                    _ => {
                        graph.carried =
                            Some(serde_json::from_str(&text).map_err(|error| XmlProblem {
                                location: element.place.clone(),
                                message: format!(
                                    "the {DATASET_RECORD} record is not JSON: {error}"
                                ),
                            })?);
                    }
                }
            }
            "graph" => {
                directed_default = element.attribute("defaultedgetype") == Some("directed");
            }
            "attributes" => class_is_edge = element.attribute("class") == Some("edge"),
            "attribute" => {
                let id = element.required("id")?;
                let declared = Declared {
                    title: element.attribute("title").unwrap_or(&id).to_owned(),
                    kind: element.attribute("type").unwrap_or("string").to_owned(),
                    default: None,
                };
                let table = if class_is_edge {
                    &mut edge_attributes
                } else {
                    &mut node_attributes
                };
                table.insert(id.clone(), declared);
                last_declared = Some(id);
            }
            "default" if !element.empty => {
                let text = reader.text_until_end()?;
                let table = if class_is_edge {
                    &mut edge_attributes
                } else {
                    &mut node_attributes
                };
                if let Some(declared) = last_declared.as_ref().and_then(|id| table.get_mut(id)) {
                    declared.default = Some(text);
                }
            }
            "node" => {
                let id = element.required("id")?;
                let mut node = FileNode::new(id, element.place.clone());
                node.label = element.attribute("label").map(str::to_owned);
                graph.nodes.push(node);
                owners.push(Owner::Node(graph.nodes.len() - 1));
                closes(&mut owners);
            }
            "edge" => {
                let source = element.required("source")?;
                let target = element.required("target")?;
                let directed = match element.attribute("type") {
                    Some("directed") => true,
                    Some(_) => false,
                    None => directed_default,
                };
                let mut edge = FileEdge::new(source, target, directed, element.place.clone());
                edge.id = element.attribute("id").map(str::to_owned);
                edge.label = element.attribute("label").map(str::to_owned);
                edge.weight = match element.attribute("weight") {
                    Some(text) => Some(number(&element, "weight", text)?),
                    None => None,
                };
                if let Some(kind) = element.attribute("kind") {
                    edge.attributes.insert("kind".into(), Value::from(kind));
                }
                graph.edges.push(edge);
                owners.push(Owner::Edge(graph.edges.len() - 1));
                closes(&mut owners);
            }
            "attvalue" => {
                let key = element
                    .attribute("for")
                    .or_else(|| element.attribute("id"))
                    .map(str::to_owned);
                let (Some(key), Some(text)) = (key, element.attribute("value")) else {
                    return Err(XmlProblem {
                        location: element.place,
                        message: "an <attvalue> needs \"for\" and \"value\"".to_owned(),
                    });
                };
                match owners.last() {
                    Some(Owner::Node(index)) => {
                        let (name, value) = typed(&node_attributes, &key, text);
                        if let Some(node) = graph.nodes.get_mut(*index) {
                            node.attributes.insert(name, value);
                        }
                    }
                    Some(Owner::Edge(index)) => {
                        let (name, value) = typed(&edge_attributes, &key, text);
                        if let Some(edge) = graph.edges.get_mut(*index) {
                            edge.attributes.insert(name, value);
                        }
                    }
                    None => {}
                }
            }
            "color" => {
                if let Some(Owner::Node(index)) = owners.last() {
                    let colour = colour(&element)?;
                    if let Some(node) = graph.nodes.get_mut(*index) {
                        node.colour = Some(colour);
                    }
                }
            }
            "position" => {
                if let Some(Owner::Node(index)) = owners.last() {
                    let x = number(&element, "x", element.attribute("x").unwrap_or("0"))?;
                    let y = number(&element, "y", element.attribute("y").unwrap_or("0"))?;
                    if let Some(node) = graph.nodes.get_mut(*index) {
                        node.position = Some((x, -y));
                    }
                }
            }
            "size" => {
                if let Some(Owner::Node(index)) = owners.last() {
                    let size = number(&element, "value", element.attribute("value").unwrap_or(""))?;
                    if let Some(node) = graph.nodes.get_mut(*index) {
                        node.size = Some(size);
                    }
                }
            }
            _ => {}
        }
    }
    apply_defaults(
        &node_attributes,
        graph.nodes.iter_mut().map(|n| &mut n.attributes),
    );
    apply_defaults(
        &edge_attributes,
        graph.edges.iter_mut().map(|e| &mut e.attributes),
    );
    Ok(graph)
}

fn apply_defaults<'a>(
    declared: &HashMap<String, Declared>,
    rows: impl Iterator<Item = &'a mut crate::model::Attributes>,
) {
    let defaults: Vec<(String, Value)> = {
        let mut defaults: Vec<(String, Value)> = declared
            .iter()
            .filter_map(|(id, attribute)| {
                let text = attribute.default.as_deref()?;
                Some(typed(declared, id, text))
            })
            .collect();
        defaults.sort_by(|a, b| a.0.cmp(&b.0));
        defaults
    };
    if defaults.is_empty() {
        return;
    }
    for row in rows {
        for (name, value) in &defaults {
            row.insert_if_absent(name, || value.clone());
        }
    }
}

/// An attribute value with its declared title and type.
fn typed(declared: &HashMap<String, Declared>, key: &str, text: &str) -> (String, Value) {
    let Some(attribute) = declared.get(key) else {
        return (key.to_owned(), Value::from(text));
    };
    (attribute.title.clone(), typed_value(&attribute.kind, text))
}

/// A value of a GEXF or GraphML attribute type; text that does not parse stays text.
pub fn typed_value(kind: &str, text: &str) -> Value {
    let trimmed = text.trim();
    match kind {
        "integer" | "int" | "long" | "short" | "byte" | "biginteger" => trimmed
            .parse::<i64>()
            .map(Value::from)
            .unwrap_or_else(|_| Value::from(text)),
        "float" | "double" | "bigdecimal" => trimmed
            .parse::<f64>()
            .ok()
            .and_then(serde_json::Number::from_f64)
            .map(Value::Number)
            .unwrap_or_else(|| Value::from(text)),
        "boolean" => match trimmed {
            "true" | "1" => Value::Bool(true),
            "false" | "0" => Value::Bool(false),
            _ => Value::from(text),
        },
        _ => Value::from(text),
    }
}

fn number(element: &Element, name: &str, text: &str) -> Result<f64, XmlProblem> {
    text.trim()
        .parse::<f64>()
        .ok()
        .filter(|value| value.is_finite())
        .ok_or_else(|| XmlProblem {
            location: element.place.clone(),
            message: format!(
                "{name} of <{}> is \"{text}\", not a finite number",
                element.name
            ),
        })
}

fn colour(element: &Element) -> Result<Colour, XmlProblem> {
    if let Some(hex) = element.attribute("hex") {
        return Colour::from_hex(hex).ok_or_else(|| XmlProblem {
            location: element.place.clone(),
            message: format!("colour \"{hex}\" is not #rrggbb"),
        });
    }
    let channel = |name: &str| -> Result<u8, XmlProblem> {
        let text = element.attribute(name).unwrap_or("0");
        text.trim().parse::<u8>().map_err(|_| XmlProblem {
            location: element.place.clone(),
            message: format!("{name} of <color> is \"{text}\", not a whole number from 0 to 255"),
        })
    };
    let alpha = match element.attribute("a") {
        Some(text) => {
            let alpha = number(element, "a", text)?;
            // Rounded into 0..=255 first, so the cast cannot truncate.
            (alpha.clamp(0.0, 1.0) * 255.0).round() as u8
        }
        None => 255,
    };
    Ok(Colour {
        rgb: [channel("r")?, channel("g")?, channel("b")?],
        alpha,
    })
}

/// Writes a model as GEXF 1.3.
pub fn write(model: &Model) -> String {
    let escape = |text: &str| quick_xml::escape::escape(text).into_owned();
    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" xmlns:bc=\"{BACKCHANNEL_NAMESPACE}\" version=\"1.3\">"
    );
    out.push_str("  <meta>\n    <creator>Backchannel</creator>\n");
    let _ = writeln!(out, "    <title>{}</title>", escape(&model.title));
    if let Some(description) = &model.description {
        let _ = writeln!(
            out,
            "    <description>{}</description>",
            escape(description)
        );
    }
    let record = carry::dataset_record(model).to_string();
    let _ = writeln!(out, "    <bc:dataset>{}</bc:dataset>", escape(&record));
    out.push_str("  </meta>\n");
    let all_directed = model.edges.iter().all(|edge| edge.directed);
    let default_type = if all_directed {
        "directed"
    } else {
        "undirected"
    };
    let _ = writeln!(
        out,
        "  <graph mode=\"static\" defaultedgetype=\"{default_type}\">"
    );
    let node_rows: Vec<Vec<(String, Value)>> = model.nodes.iter().map(carry::node_row).collect();
    let edge_rows: Vec<Vec<(String, Value)>> = model.edges.iter().map(carry::edge_row).collect();
    let node_columns = carry::columns(node_rows.iter().map(Vec::as_slice));
    let edge_columns = carry::columns(edge_rows.iter().map(Vec::as_slice));
    write_declarations(&mut out, "node", &node_columns);
    write_declarations(&mut out, "edge", &edge_columns);
    out.push_str("    <nodes>\n");
    for (node, row) in model.nodes.iter().zip(&node_rows) {
        let _ = writeln!(
            out,
            "      <node id=\"{}\" label=\"{}\">",
            escape(&node.id),
            escape(&node.label)
        );
        write_values(&mut out, &node_columns, row);
        if let Some(colour) = node.look.colour {
            let [r, g, b] = colour.rgb;
            if colour.alpha == 255 {
                let _ = writeln!(out, "        <viz:color r=\"{r}\" g=\"{g}\" b=\"{b}\"/>");
            } else {
                let alpha = f32::from(colour.alpha) / 255.0;
                let _ = writeln!(
                    out,
                    "        <viz:color r=\"{r}\" g=\"{g}\" b=\"{b}\" a=\"{alpha}\"/>"
                );
            }
        }
        if let Some(point) = node.look.position {
            let _ = writeln!(
                out,
                "        <viz:position x=\"{}\" y=\"{}\" z=\"0\"/>",
                point.x, -point.y
            );
        }
        if let Some(size) = node.look.size {
            let _ = writeln!(out, "        <viz:size value=\"{size}\"/>");
        }
        out.push_str("      </node>\n");
    }
    out.push_str("    </nodes>\n    <edges>\n");
    for (edge, row) in model.edges.iter().zip(&edge_rows) {
        let _ = write!(
            out,
            "      <edge id=\"{}\" source=\"{}\" target=\"{}\"",
            escape(&edge.id),
            escape(&edge.source),
            escape(&edge.target),
        );
        if let Some(label) = edge.shown_label() {
            let _ = write!(out, " label=\"{}\"", escape(label));
        }
        if edge.directed != all_directed {
            out.push_str(if edge.directed {
                " type=\"directed\""
            } else {
                " type=\"undirected\""
            });
        }
        if let Some(weight) = edge.weight {
            let _ = write!(out, " weight=\"{weight}\"");
        }
        out.push_str(">\n");
        write_values(&mut out, &edge_columns, row);
        out.push_str("      </edge>\n");
    }
    out.push_str("    </edges>\n  </graph>\n</gexf>\n");
    out
}

fn write_declarations(out: &mut String, class: &str, columns: &[Column]) {
    if columns.is_empty() {
        return;
    }
    let _ = writeln!(out, "    <attributes class=\"{class}\" mode=\"static\">");
    for column in columns {
        let kind = column.kind.xml_type();
        let name = quick_xml::escape::escape(column.name.as_str());
        let _ = writeln!(
            out,
            "      <attribute id=\"{name}\" title=\"{name}\" type=\"{kind}\"/>"
        );
    }
    out.push_str("    </attributes>\n");
}

fn write_values(out: &mut String, columns: &[Column], row: &[(String, Value)]) {
    if row.is_empty() {
        return;
    }
    out.push_str("        <attvalues>\n");
    for column in columns {
        if let Some(value) = carry::row_value(row, &column.name) {
            let _ = writeln!(
                out,
                "          <attvalue for=\"{}\" value=\"{}\"/>",
                quick_xml::escape::escape(column.name.as_str()),
                quick_xml::escape::escape(carry::as_text(value).as_str())
            );
        }
    }
    out.push_str("        </attvalues>\n");
}
