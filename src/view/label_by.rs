//! What each node's label says: its label (the default), its id, or the value of one of
//! its attributes (an imported airport network labelled by its airport codes), as Gephi's
//! "Label by" offers. The window and its figures say the same.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::model::Model;

/// What nodes are labelled by.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LabelBy {
    /// Their label.
    #[default]
    Label,
    /// Their id.
    Id,
    /// The value of this attribute; the label where a node has none.
    Attribute(String),
}

impl LabelBy {
    /// Its name in menus.
    pub fn title(&self) -> String {
        match self {
            Self::Label => "Label".to_owned(),
            Self::Id => "Id".to_owned(),
            Self::Attribute(name) => format!("Attribute: {name}"),
        }
    }
}

/// What nodes can be labelled by in `model`: label, id, and every node attribute, by name.
pub fn label_choices(model: &Model) -> Vec<LabelBy> {
    let names: std::collections::BTreeSet<&String> = model
        .nodes
        .iter()
        .flat_map(|node| node.attributes.keys())
        .collect();
    [LabelBy::Label, LabelBy::Id]
        .into_iter()
        .chain(
            names
                .into_iter()
                .map(|name| LabelBy::Attribute(name.clone())),
        )
        .collect()
}

/// The label node `position` of `model` shows by `by`: an attribute's text as written (a
/// string without its quotes, a number or a flag as JSON writes it); the node's label
/// where it has no such attribute. Empty for a position out of range.
pub fn node_label<'a>(model: &'a Model, position: usize, by: &LabelBy) -> Cow<'a, str> {
    let Some(node) = model.nodes.get(position) else {
        return Cow::Borrowed("");
    };
    match by {
        LabelBy::Label => Cow::Borrowed(node.label.as_str()),
        LabelBy::Id => Cow::Borrowed(node.id.as_str()),
        LabelBy::Attribute(name) => match node.attributes.get(name) {
            Some(serde_json::Value::String(text)) => Cow::Borrowed(text.as_str()),
            Some(serde_json::Value::Null) | None => Cow::Borrowed(node.label.as_str()),
            Some(other) => Cow::Owned(other.to_string()),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two airports, one with a code and a hub rank, one with a flag only.
    fn airports() -> Model {
        let graphml = r#"<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="label" for="node" attr.name="label" attr.type="string"/>
  <key id="code" for="node" attr.name="code" attr.type="string"/>
  <key id="hub" for="node" attr.name="hub" attr.type="int"/>
  <key id="big" for="node" attr.name="big" attr.type="boolean"/>
  <graph edgedefault="directed">
    <node id="0"><data key="label">Little Rock</data><data key="code">LIT</data><data key="hub">3</data></node>
    <node id="1"><data key="label">Akron</data><data key="big">true</data></node>
    <edge source="0" target="1"/>
  </graph>
</graphml>"#;
        crate::interchange::load_read(std::path::Path::new("airports.graphml"), graphml.as_bytes())
            .map(|loaded| (*loaded.model).clone())
            .unwrap()
    }

    #[test]
    fn labels_come_from_the_label_the_id_or_an_attribute_as_written() {
        let model = airports();
        assert_eq!(model.nodes.len(), 2);
        assert_eq!(node_label(&model, 0, &LabelBy::Label), "Little Rock");
        assert_eq!(node_label(&model, 0, &LabelBy::Id), "0");
        let code = LabelBy::Attribute("code".to_owned());
        assert_eq!(node_label(&model, 0, &code), "LIT");
        // Without the attribute: the label.
        assert_eq!(node_label(&model, 1, &code), "Akron");
        let hub = LabelBy::Attribute("hub".to_owned());
        assert_eq!(node_label(&model, 0, &hub), "3");
        let big = LabelBy::Attribute("big".to_owned());
        assert_eq!(node_label(&model, 1, &big), "true");
        assert_eq!(node_label(&model, 7, &hub), "");
        assert_eq!(
            label_choices(&model),
            vec![LabelBy::Label, LabelBy::Id, big, code, hub]
        );
    }
}
