//! GEXF 1.2 and 1.3 (Gephi): read and write.
//!
//! Read: nodes (nested ones too), edges with their type, label, weight and id (optional
//! in 1.3), typed attributes with defaults, `viz:color`, `viz:position` and `viz:size`;
//! dynamics, shapes and hierarchies are not used. Gephi's y axis grows upwards, the
//! screen's downwards, so y changes sign both ways.

use std::fmt::Write as _;

use serde_json::Value;

use super::carry::{self, Column, DATASET_RECORD};
use super::graph_file::{FileEdge, FileNode, GraphFile};
use super::xml::{Element, XmlProblem, XmlReader};
use super::xml_graph::{Declared, Dialect, Domain, GraphReading, read_graph};
use crate::model::{Colour, Model};

/// The namespace of the `bc:dataset` element our exports put in `<meta>`.
pub const BACKCHANNEL_NAMESPACE: &str = "urn:backchannel:1";

/// Reads a GEXF file.
pub fn read(bytes: &[u8]) -> Result<GraphFile, XmlProblem> {
    read_graph(bytes, &mut Gexf::default())
}

/// Reads a GEXF file, calling `after_item` after each item (see
/// [`super::xml_graph::read_graph_with`]).
pub(super) fn read_with(
    bytes: &[u8],
    after_item: impl FnMut(&mut GraphReading) -> bool,
) -> Result<GraphReading, XmlProblem> {
    super::xml_graph::read_graph_with(bytes, &mut Gexf::default(), after_item)
}

/// What GEXF's tags mean.
#[derive(Debug, Default)]
struct Gexf {
    /// Whether the `<attributes>` being read declare edge attributes.
    declaring_edges: bool,
}

impl Dialect for Gexf {
    const ROOT: &'static str = "gexf";

    fn start(
        &mut self,
        mut element: Element,
        reader: &mut XmlReader<'_>,
        reading: &mut GraphReading,
    ) -> Result<(), XmlProblem> {
        let class = if self.declaring_edges {
            Domain::Edges
        } else {
            Domain::Nodes
        };
        match element.name.as_ref() {
            "title" | "description" | "dataset" if reading.owner().is_none() && !element.empty => {
                let text = reader.text_until_end()?;
                read_meta(&mut reading.graph, &element, text)?;
            }
            "graph" => {
                let directed = element.attribute("defaultedgetype") == Some("directed");
                reading.open_graph(&element, Some(directed));
            }
            "attributes" => self.declaring_edges = element.attribute("class") == Some("edge"),
            "attribute" => {
                let id = element.required("id")?;
                let declared = Declared {
                    name: element.attribute("title").unwrap_or(&id).to_owned(),
                    kind: element.attribute("type").unwrap_or("string").to_owned(),
                    domain: class,
                    default: None,
                };
                reading.declare(class, id, declared);
            }
            "default" if !element.empty => {
                let text = reader.text_until_end()?;
                reading.set_default(text);
            }
            "node" => {
                let id = element.take_required("id")?;
                let mut node = FileNode::new(id, element.place.clone());
                node.label = element.take("label");
                reading.open_node(&element, node);
            }
            "edge" => {
                let edge = edge(&mut element, reading.directed_by_default())?;
                reading.open_edge(&element, edge);
            }
            "attvalue" => {
                let key = element.attribute("for").or_else(|| element.attribute("id"));
                let (Some(key), Some(text)) = (key, element.attribute("value")) else {
                    return Err(XmlProblem {
                        location: element.place,
                        message: "an <attvalue> needs \"for\" and \"value\"".to_owned(),
                    });
                };
                reading.set_attribute(key, text);
            }
            "color" => {
                if let Some(node) = reading.node_mut() {
                    node.colour = Some(colour(&element)?);
                }
            }
            "position" => {
                if let Some(node) = reading.node_mut() {
                    let x = number(&element, "x", element.attribute("x").unwrap_or("0"))?;
                    let y = number(&element, "y", element.attribute("y").unwrap_or("0"))?;
                    node.position = Some((x, -y));
                }
            }
            "size" => {
                if let Some(node) = reading.node_mut() {
                    let size = number(&element, "value", element.attribute("value").unwrap_or(""))?;
                    node.size = Some(size);
                }
            }
            _ => {}
        }
        Ok(())
    }
}

/// The graph's title, description or our dataset record, from `<meta>`.
fn read_meta(graph: &mut GraphFile, element: &Element, text: String) -> Result<(), XmlProblem> {
    match element.name.as_ref() {
        "title" => graph.title = Some(text.trim().to_owned()),
        "description" => graph.description = Some(text.trim().to_owned()),
        _ => {
            graph.carried = Some(serde_json::from_str(&text).map_err(|error| XmlProblem {
                location: element.place.clone(),
                message: format!("the {DATASET_RECORD} record is not JSON: {error}"),
            })?);
        }
    }
    Ok(())
}

/// An `<edge>`: its ends, direction (`type`, else the graph's default), id, label,
/// weight and kind.
fn edge(element: &mut Element, directed_by_default: bool) -> Result<FileEdge, XmlProblem> {
    let source = element.take_required("source")?;
    let target = element.take_required("target")?;
    let directed = match element.attribute("type") {
        Some("directed") => true,
        Some(_) => false,
        None => directed_by_default,
    };
    let mut edge = FileEdge::new(source, target, directed, element.place.clone());
    edge.id = element.take("id");
    edge.label = element.take("label");
    edge.weight = match element.attribute("weight") {
        Some(text) => Some(number(element, "weight", text)?),
        None => None,
    };
    if let Some(kind) = element.attribute("kind") {
        edge.attributes.insert("kind".into(), Value::from(kind));
    }
    Ok(edge)
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
