//! GML (Graph Modelling Language, as networkx, igraph, Cytoscape and yEd write it): read.
//!
//! No well-kept Rust crate reads GML, and its grammar is four rules: a list of `key
//! value` pairs, a value being an integer, a real, a `"string"` or a `[ list ]`. Lines
//! starting with `#` are comments; strings may hold `&quot;`-style references (networkx
//! writes them). Lists nest at most [`MAX_DEPTH`] deep, so hostile nesting cannot
//! exhaust the stack. Node `graphics` give position (`x`, `y`), colour (`fill`) and size
//! (`w`).

use serde_json::{Map, Value};

use super::graph_file::{FileEdge, FileNode, GraphFile};
use super::xml::LineIndex;
use crate::dataset::Location;
use crate::model::Colour;

/// How deep lists may nest.
pub const MAX_DEPTH: usize = 64;

/// A problem in a GML file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GmlProblem {
    /// Line and column.
    pub location: Location,
    /// What is wrong.
    pub message: String,
}

/// A GML value.
#[derive(Debug, Clone, PartialEq)]
enum Gml {
    Integer(i64),
    Real(f64),
    Text(String),
    List(Vec<Pair>),
}

/// A key, its value and where the key starts.
#[derive(Debug, Clone, PartialEq)]
struct Pair {
    key: String,
    value: Gml,
    offset: usize,
}

struct Parser<'a> {
    text: &'a str,
    at: usize,
    lines: LineIndex<'a>,
}

impl<'a> Parser<'a> {
    fn problem(&self, offset: usize, message: impl Into<String>) -> GmlProblem {
        GmlProblem {
            location: self.lines.location(offset),
            message: message.into(),
        }
    }

    fn rest(&self) -> &'a str {
        self.text.get(self.at..).unwrap_or("")
    }

    fn skip_space(&mut self) {
        loop {
            let rest = self.rest();
            let trimmed = rest.trim_start();
            self.at += rest.len() - trimmed.len();
            if trimmed.starts_with('#') {
                let line = trimmed.find('\n').unwrap_or(trimmed.len());
                self.at += line;
            } else {
                return;
            }
        }
    }

    /// Pairs up to the end of the file (`depth` 0) or to the `]` closing a list.
    fn pairs(&mut self, depth: usize) -> Result<Vec<Pair>, GmlProblem> {
        let mut pairs = Vec::new();
        loop {
            self.skip_space();
            let rest = self.rest();
            if rest.is_empty() {
                if depth > 0 {
                    return Err(
                        self.problem(self.at, "the file ends inside a list; a \"]\" is missing")
                    );
                }
                return Ok(pairs);
            }
            if rest.starts_with(']') {
                if depth == 0 {
                    return Err(self.problem(self.at, "a \"]\" closes no list"));
                }
                self.at += 1;
                return Ok(pairs);
            }
            let offset = self.at;
            let key_length = rest
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .unwrap_or(rest.len());
            if key_length == 0 || rest.starts_with(|c: char| c.is_ascii_digit()) {
                let found: String = rest.chars().take(12).collect();
                return Err(self.problem(offset, format!("expected a key, found \"{found}\"")));
            }
            let key = rest.get(..key_length).unwrap_or("").to_owned();
            self.at += key_length;
            self.skip_space();
            let value = self.value(depth, &key)?;
            pairs.push(Pair { key, value, offset });
        }
    }

    fn value(&mut self, depth: usize, key: &str) -> Result<Gml, GmlProblem> {
        let rest = self.rest();
        let start = self.at;
        if rest.starts_with('[') {
            if depth >= MAX_DEPTH {
                return Err(self.problem(start, format!("lists nest more than {MAX_DEPTH} deep")));
            }
            self.at += 1;
            return Ok(Gml::List(self.pairs(depth + 1)?));
        }
        if let Some(body) = rest.strip_prefix('"') {
            let Some(end) = body.find('"') else {
                return Err(self.problem(start, "a string is not closed"));
            };
            let raw = body.get(..end).unwrap_or("");
            self.at += end + 2;
            return Ok(Gml::Text(unescape(raw)));
        }
        let length = rest
            .find(|c: char| c.is_whitespace() || c == ']' || c == '[')
            .unwrap_or(rest.len());
        let token = rest.get(..length).unwrap_or("");
        if token.is_empty() {
            return Err(self.problem(start, format!("\"{key}\" has no value")));
        }
        self.at += length;
        if let Ok(integer) = token.parse::<i64>() {
            return Ok(Gml::Integer(integer));
        }
        match token.parse::<f64>() {
            Ok(real) if real.is_finite() => Ok(Gml::Real(real)),
            _ => Err(self.problem(
                start,
                format!(
                    "\"{key}\" has value \"{token}\"; expected a number, a \"string\" or a [ list ]"
                ),
            )),
        }
    }
}

/// Resolves the character references networkx writes into GML strings.
fn unescape(raw: &str) -> String {
    if !raw.contains('&') {
        return raw.to_owned();
    }
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(amp) = rest.find('&') {
        out.push_str(rest.get(..amp).unwrap_or(""));
        let after = rest.get(amp..).unwrap_or("");
        let resolved = after.find(';').filter(|&end| end <= 10).and_then(|end| {
            let name = after.get(1..end)?;
            let character = match name {
                "quot" => '"',
                "amp" => '&',
                "lt" => '<',
                "gt" => '>',
                "apos" => '\'',
                _ => {
                    let code = match name.strip_prefix("#x").or_else(|| name.strip_prefix("#X")) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                        None => name.strip_prefix('#')?.parse::<u32>().ok()?,
                    };
                    char::from_u32(code)?
                }
            };
            Some((character, end + 1))
        });
        match resolved {
            Some((character, length)) => {
                out.push(character);
                rest = after.get(length..).unwrap_or("");
            }
            None => {
                out.push('&');
                rest = after.get(1..).unwrap_or("");
            }
        }
    }
    out.push_str(rest);
    out
}

fn json(value: &Gml) -> Value {
    match value {
        Gml::Integer(integer) => Value::from(*integer),
        Gml::Real(real) => serde_json::Number::from_f64(*real).map_or(Value::Null, Value::Number),
        Gml::Text(text) => Value::from(text.clone()),
        Gml::List(pairs) => {
            let mut object = Map::new();
            for pair in pairs {
                object.insert(pair.key.clone(), json(&pair.value));
            }
            Value::Object(object)
        }
    }
}

fn scalar_text(value: &Gml) -> Option<String> {
    match value {
        Gml::Integer(integer) => Some(integer.to_string()),
        Gml::Text(text) => Some(text.clone()),
        Gml::Real(real) => Some(real.to_string()),
        Gml::List(_) => None,
    }
}

fn number(value: &Gml) -> Option<f64> {
    match value {
        // GML integers are small in practice; a huge one loses precision, not sense.
        Gml::Integer(integer) => Some(*integer as f64),
        Gml::Real(real) => Some(*real),
        Gml::Text(text) => text.trim().parse().ok(),
        Gml::List(_) => None,
    }
}

/// Reads a GML file.
pub fn read(bytes: &[u8]) -> Result<GraphFile, GmlProblem> {
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    let lines = LineIndex::new(bytes);
    let text = std::str::from_utf8(bytes).map_err(|error| GmlProblem {
        location: lines.location(error.valid_up_to()),
        message: "the file is not UTF-8 text".to_owned(),
    })?;
    let mut parser = Parser {
        text,
        at: 0,
        lines: LineIndex::new(bytes),
    };
    let top = parser.pairs(0)?;
    let Some(graph_pairs) = top
        .iter()
        .find_map(|pair| match (&pair.key[..], &pair.value) {
            ("graph", Gml::List(pairs)) => Some(pairs),
            _ => None,
        })
    else {
        return Err(GmlProblem {
            location: Location::LineColumn { line: 1, column: 1 },
            message: "the file has no \"graph [ ... ]\"".to_owned(),
        });
    };
    let directed = graph_pairs
        .iter()
        .any(|pair| pair.key == "directed" && pair.value == Gml::Integer(1));
    let mut graph = GraphFile::default();
    for pair in graph_pairs {
        let place = lines.location(pair.offset);
        match (pair.key.as_str(), &pair.value) {
            ("label" | "name", value) => graph.title = scalar_text(value),
            ("node", Gml::List(fields)) => graph.nodes.push(node(fields, place)?),
            ("edge", Gml::List(fields)) => graph.edges.push(edge(fields, place, directed)?),
            _ => {}
        }
    }
    Ok(graph)
}

fn node(fields: &[Pair], place: Location) -> Result<FileNode, GmlProblem> {
    let id = fields
        .iter()
        .find(|pair| pair.key == "id")
        .and_then(|pair| scalar_text(&pair.value))
        .ok_or_else(|| GmlProblem {
            location: place.clone(),
            message: "a node has no id".to_owned(),
        })?;
    let mut node = FileNode::new(id, place);
    for pair in fields {
        match (pair.key.as_str(), &pair.value) {
            ("id", _) => {}
            ("label", value) => node.label = scalar_text(value),
            ("graphics", Gml::List(graphics)) => {
                let get = |key: &str| graphics.iter().find(|pair| pair.key == key);
                if let (Some(x), Some(y)) = (
                    get("x").and_then(|pair| number(&pair.value)),
                    get("y").and_then(|pair| number(&pair.value)),
                ) {
                    node.position = Some((x, y));
                }
                node.colour = get("fill")
                    .and_then(|pair| scalar_text(&pair.value))
                    .and_then(|text| Colour::from_hex(&text));
                node.size = get("w").and_then(|pair| number(&pair.value));
            }
            (key, value) => {
                node.attributes.insert(key.to_owned(), json(value));
            }
        }
    }
    node.promote_common_attributes();
    Ok(node)
}

fn edge(fields: &[Pair], place: Location, directed: bool) -> Result<FileEdge, GmlProblem> {
    let end = |key: &str| {
        fields
            .iter()
            .find(|pair| pair.key == key)
            .and_then(|pair| scalar_text(&pair.value))
            .ok_or_else(|| GmlProblem {
                location: place.clone(),
                message: format!("an edge has no {key}"),
            })
    };
    let mut edge = FileEdge::new(end("source")?, end("target")?, directed, place.clone());
    for pair in fields {
        match (pair.key.as_str(), &pair.value) {
            ("source" | "target" | "graphics", _) => {}
            ("id", value) => edge.id = scalar_text(value),
            ("label", value) => edge.label = scalar_text(value),
            (key, value) => {
                edge.attributes.insert(key.to_owned(), json(value));
            }
        }
    }
    edge.promote_common_attributes();
    Ok(edge)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_networkx_gml_with_graphics_and_references() {
        let text = "# written by hand\ngraph [\n  directed 1\n  node [ id 0 label \"Caf&#233; &quot;A&quot;\" group 2 graphics [ x 1.5 y -2 w 10 fill \"#ff0000\" ] ]\n  node [ id 1 label \"B\" ]\n  edge [ source 0 target 1 weight 2.5 ]\n  edge [ source 1 target 1 ]\n]\n";
        let graph = read(text.as_bytes()).unwrap();
        assert_eq!(graph.nodes.len(), 2);
        let first = &graph.nodes[0];
        assert_eq!(first.label.as_deref(), Some("Café \"A\""));
        assert_eq!(first.position, Some((1.5, -2.0)));
        assert_eq!(first.colour.map(Colour::to_hex).as_deref(), Some("#ff0000"));
        assert_eq!(first.attributes.get("group"), Some(&Value::from(2)));
        assert_eq!(graph.edges.len(), 2);
        assert_eq!(graph.edges[0].weight, Some(2.5));
        assert!(graph.edges[0].directed);
        assert_eq!(graph.edges[1].source, graph.edges[1].target);
    }

    #[test]
    fn malformed_gml_names_line_and_column() {
        let problem = read(b"graph [\n  node [ id 0 label \"open ]\n]\n").unwrap_err();
        assert_eq!(
            problem.location,
            Location::LineColumn {
                line: 2,
                column: 21
            }
        );
        assert!(problem.message.contains("not closed"));
        let problem = read(b"graph [\n  node [ id 0 ]\n").unwrap_err();
        assert!(problem.message.contains("\"]\" is missing"), "{problem:?}");
    }

    #[test]
    fn hostile_nesting_is_refused_not_followed() {
        let text = format!("graph {}", "[ x ".repeat(100_000));
        let problem = read(text.as_bytes()).unwrap_err();
        assert!(problem.message.contains("nest more than"), "{problem:?}");
    }
}
