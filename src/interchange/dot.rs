//! DOT (Graphviz): write only. One `digraph`; undirected edges get `dir=none`. Positions
//! are written as `pos="x,y!"` (pinned, y up as Graphviz has it), colours as
//! `fillcolor`, and every attribute and carried `bc_` field as a quoted attribute.

use std::fmt::Write as _;

use serde_json::Value;

use super::carry;
use crate::model::Model;

/// A DOT string literal: quoted, with `"` and `\` escaped and line breaks as `\n`.
pub fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for character in text.chars() {
        match character {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            other => out.push(other),
        }
    }
    out.push('"');
    out
}

fn attribute_list(pairs: &[(String, Value)]) -> String {
    pairs
        .iter()
        .map(|(name, value)| format!("{}={}", quoted(name), quoted(&carry::as_text(value))))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Writes a model as a Graphviz digraph.
pub fn write(model: &Model) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "digraph {} {{", quoted(&model.title));
    out.push_str("  node [style=filled];\n");
    for node in &model.nodes {
        let mut pairs: Vec<(String, Value)> =
            vec![("label".into(), Value::from(node.label.clone()))];
        if let Some(point) = node.look.position {
            pairs.push((
                "pos".into(),
                Value::from(format!("{},{}!", point.x, -point.y)),
            ));
        }
        if let Some(colour) = node.look.colour {
            pairs.push(("fillcolor".into(), Value::from(colour.to_hex())));
        }
        pairs.extend(carry::node_row(node));
        let _ = writeln!(out, "  {} [{}];", quoted(&node.id), attribute_list(&pairs));
    }
    for edge in &model.edges {
        let mut pairs: Vec<(String, Value)> = vec![("id".into(), Value::from(edge.id.clone()))];
        if let Some(label) = edge.shown_label() {
            pairs.push(("label".into(), Value::from(label)));
        }
        if !edge.directed {
            pairs.push(("dir".into(), Value::from("none")));
        }
        if let Some(weight) = edge.weight {
            pairs.push(("weight".into(), Value::from(weight)));
        }
        pairs.extend(carry::edge_row(edge));
        let _ = writeln!(
            out,
            "  {} -> {} [{}];",
            quoted(&edge.source),
            quoted(&edge.target),
            attribute_list(&pairs)
        );
    }
    out.push_str("}\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_escape_what_dot_reads_specially() {
        assert_eq!(quoted("a \"b\" \\ c\nd"), "\"a \\\"b\\\" \\\\ c\\nd\"");
    }
}
