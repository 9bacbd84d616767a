//! A graph as another tool's file gives it, before it becomes a dataset: nodes and edges
//! with ids, labels, attributes and looks, each remembering where in the file it was.
//!
//! Every reader produces a [`GraphFile`]; [`GraphFile::into_model`] turns it into the
//! `backchannel/1` shape, reading back the `bc_` attributes our own exports carry, and the
//! dataset validator checks it like any dataset.

use serde_json::{Map, Value, json};

use super::carry::{DATASET_RECORD, EDGE_FIELDS, NODE_FIELDS};
use crate::dataset::schema::{RawEdge, RawNode, RawPoint};
use crate::dataset::{Given, Location, ProblemKind, Problems};
use crate::model::{Attributes, Colour};

/// A graph read from a file of another format.
#[derive(Debug, Clone, Default)]
pub struct GraphFile {
    /// The graph's title, when the file names one.
    pub title: Option<String>,
    /// What it is, when the file says.
    pub description: Option<String>,
    /// The dataset record a Backchannel export carries (title, description, articles).
    pub carried: Option<Value>,
    /// Nodes in file order.
    pub nodes: Vec<FileNode>,
    /// Edges in file order.
    pub edges: Vec<FileEdge>,
    /// How many of the first nodes came from a separate node table (CSV).
    pub node_table_rows: usize,
    /// Things the reader repaired on the way, reported as warnings.
    pub warnings: Vec<(ProblemKind, Location, String)>,
}

/// A node as a graph file gives it.
#[derive(Debug, Clone)]
pub struct FileNode {
    /// Its id in the file.
    pub id: String,
    /// Its label, when it has one.
    pub label: Option<String>,
    /// Every other value the file gives it, `bc_` fields included.
    pub attributes: Attributes,
    /// Its position, y growing downwards.
    pub position: Option<(f64, f64)>,
    /// Its colour.
    pub colour: Option<Colour>,
    /// Its size.
    pub size: Option<f64>,
    /// Where it is in the file.
    pub place: Location,
}

impl FileNode {
    /// A node with only an id, found at `place`.
    pub fn new(id: impl Into<String>, place: Location) -> Self {
        Self {
            id: id.into(),
            label: None,
            attributes: Attributes::new(),
            position: None,
            colour: None,
            size: None,
            place,
        }
    }
}

impl FileNode {
    /// Moves the attributes that tools commonly use for a node's label and looks into
    /// their fields: `label` (or `name`), `x` and `y`, `r`, `g` and `b` (or `color`,
    /// `colour` as hex), `size`. Values that do not fit stay attributes.
    pub fn promote_common_attributes(&mut self) {
        if self.label.is_none() {
            for name in ["label", "name"] {
                if let Some(Value::String(label)) = self.attributes.get(name) {
                    self.label = Some(label.clone());
                    self.attributes.remove(name);
                    break;
                }
            }
        }
        if self.position.is_none()
            && let (Some(x), Some(y)) = (
                finite(self.attributes.get("x")),
                finite(self.attributes.get("y")),
            )
        {
            self.position = Some((x, y));
            self.attributes.remove("x");
            self.attributes.remove("y");
        }
        if self.colour.is_none() {
            let channel = |name: &str| {
                finite(self.attributes.get(name))
                    .filter(|value| (0.0..=255.0).contains(value) && value.fract() == 0.0)
                    // In 0..=255 and whole, so the cast is exact.
                    .map(|value| value as u8)
            };
            if let (Some(r), Some(g), Some(b)) = (channel("r"), channel("g"), channel("b")) {
                self.colour = Some(Colour {
                    rgb: [r, g, b],
                    alpha: 255,
                });
                for name in ["r", "g", "b"] {
                    self.attributes.remove(name);
                }
            } else {
                for name in ["color", "colour"] {
                    if let Some(colour) = self
                        .attributes
                        .get(name)
                        .and_then(Value::as_str)
                        .and_then(Colour::from_hex)
                    {
                        self.colour = Some(colour);
                        self.attributes.remove(name);
                        break;
                    }
                }
            }
        }
        if self.size.is_none()
            && let Some(size) = finite(self.attributes.get("size")).filter(|size| *size >= 0.0)
        {
            self.size = Some(size);
            self.attributes.remove("size");
        }
    }
}

/// A finite number, from a JSON number or a string holding one.
pub fn finite(value: Option<&Value>) -> Option<f64> {
    let number = match value? {
        Value::Number(number) => number.as_f64()?,
        Value::String(text) => text.trim().parse::<f64>().ok()?,
        _ => return None,
    };
    number.is_finite().then_some(number)
}

/// An edge as a graph file gives it.
#[derive(Debug, Clone)]
pub struct FileEdge {
    /// Its id, when the file gives one (one is made up otherwise).
    pub id: Option<String>,
    /// The id of the node it leaves.
    pub source: String,
    /// The id of the node it reaches.
    pub target: String,
    /// Whether it has a direction.
    pub directed: bool,
    /// Its label.
    pub label: Option<String>,
    /// Its weight.
    pub weight: Option<f64>,
    /// Every other value the file gives it, `bc_` fields included.
    pub attributes: Attributes,
    /// Where it is in the file.
    pub place: Location,
}

impl FileEdge {
    /// An edge from `source` to `target`, found at `place`.
    pub fn new(source: String, target: String, directed: bool, place: Location) -> Self {
        Self {
            id: None,
            source,
            target,
            directed,
            label: None,
            weight: None,
            attributes: Attributes::new(),
            place,
        }
    }
}

impl FileEdge {
    /// Moves `label` and `weight` attributes into their fields.
    pub fn promote_common_attributes(&mut self) {
        if self.label.is_none()
            && let Some(Value::String(label)) = self.attributes.get("label")
        {
            self.label = Some(label.clone());
            self.attributes.remove("label");
        }
        if self.weight.is_none()
            && let Some(weight) = finite(self.attributes.get("weight"))
        {
            self.weight = Some(weight);
            self.attributes.remove("weight");
        }
    }
}

/// A graph file's dataset record: what stays once its nodes and edges are taken out.
struct Head {
    title: String,
    description: Option<String>,
    articles: Value,
}

/// A graph file turned into a model: the model (`None` when the file has an error), and
/// where each node and edge was in the file.
pub struct Checked {
    /// The model.
    pub model: Option<crate::model::Model>,
    /// Where each node was in the file.
    pub node_places: Vec<Location>,
    /// Where each edge was in the file.
    pub edge_places: Vec<Location>,
}

impl GraphFile {
    /// Reports the reader's warnings and reads the dataset record our exports carry.
    fn take_head(&mut self, fallback_title: &str, problems: &mut Problems) -> Head {
        for (kind, location, message) in std::mem::take(&mut self.warnings) {
            problems.warning(kind, location, message);
        }
        let carried = match self.carried.take() {
            Some(Value::Object(record)) => record,
            Some(_) => {
                problems.warning(
                    ProblemKind::WrongShape,
                    Location::File,
                    format!("the {DATASET_RECORD} record is not a JSON object; it is ignored"),
                );
                Map::new()
            }
            None => Map::new(),
        };
        let title = carried
            .get("title")
            .and_then(Value::as_str)
            .map(str::to_owned)
            .or(self.title.take())
            .unwrap_or_else(|| fallback_title.to_owned());
        let description = carried
            .get("description")
            .and_then(Value::as_str)
            .map(str::to_owned)
            .or(self.description.take());
        let articles = carried.get("articles").cloned().unwrap_or(json!([]));
        Head {
            title,
            description,
            articles,
        }
    }

    /// Gives each edge without an id one made up that no edge of the file uses.
    fn make_up_edge_ids(&mut self) {
        if self.edges.iter().all(|edge| edge.id.is_some()) {
            return;
        }
        let mut made_up: Vec<String> = {
            let given: std::collections::HashSet<&str> = self
                .edges
                .iter()
                .filter_map(|edge| edge.id.as_deref())
                .collect();
            self.edges
                .iter()
                .enumerate()
                .filter(|(_, edge)| edge.id.is_none())
                .map(|(index, _)| made_up_id(index, &given))
                .rev()
                .collect()
        };
        for edge in &mut self.edges {
            if edge.id.is_none() {
                edge.id = made_up.pop();
            }
        }
    }

    /// The graph checked as a dataset and built into a model, one element at a time:
    /// each node and edge goes from the file's shape to the dataset's and on to its
    /// record before the next, so no JSON tree of the whole graph is ever built.
    /// Problems with the carried `bc_` fields come first in `problems`, then the
    /// dataset's.
    pub fn into_model(
        mut self,
        fallback_title: &str,
        store: &dyn crate::dataset::ArticleStore,
        problems: &mut Problems,
    ) -> Checked {
        self.make_up_edge_ids();
        let edges = std::mem::take(&mut self.edges);
        let edge_count = edges.len();
        // The edges go in chunks, each freed once converted, so that the file's edges
        // are given back as the model's grow rather than all at the end.
        let chunks = in_chunks(edges, EDGE_CHUNK).into_iter().flatten();
        self.into_model_with_edges(fallback_title, store, problems, (edge_count, chunks))
    }

    /// As [`Self::into_model`], with the edges given apart, as many as the count says
    /// (a count that is only an estimate does no harm): they may still be being read
    /// while the nodes are checked. The edges must have their ids.
    pub(super) fn into_model_with_edges(
        mut self,
        fallback_title: &str,
        store: &dyn crate::dataset::ArticleStore,
        problems: &mut Problems,
        (edge_count, edges): (usize, impl Iterator<Item = FileEdge>),
    ) -> Checked {
        let head = self.take_head(fallback_title, problems);
        let node_places = self.nodes.iter().map(|node| node.place.clone()).collect();
        let edge_places = std::cell::RefCell::new(Vec::with_capacity(edge_count));
        let mut conversion = problems.part();
        let mut checking = problems.part();
        let node_count = self.nodes.len();
        let conversion_problems = std::cell::RefCell::new(&mut conversion);
        let nodes = self
            .nodes
            .into_iter()
            .map(|node| node_record(node, &mut conversion_problems.borrow_mut()));
        let edges = edges.map(|edge| {
            edge_places.borrow_mut().push(edge.place.clone());
            edge_record(edge, &mut conversion_problems.borrow_mut())
        });
        let model = crate::dataset::validate_elements(
            crate::dataset::Elements {
                title: head.title,
                description: head.description,
                articles: head.articles,
                nodes: (node_count, nodes),
                edges: (edge_count, edges),
            },
            store,
            crate::dataset::Evidenced::Optional,
            &mut checking,
        );
        problems.append(conversion);
        problems.append(checking);
        Checked {
            model,
            node_places,
            edge_places: edge_places.into_inner(),
        }
    }
}

/// Edges of a file converted between two returns of memory.
pub(super) const EDGE_CHUNK: usize = 16_384;

/// `items` as consecutive chunks of at most `len` items, in order, each with a buffer of
/// its own (the list's own buffer is shrunk to its first chunk).
fn in_chunks<T>(mut items: Vec<T>, len: usize) -> Vec<Vec<T>> {
    let len = len.max(1);
    let mut tails = Vec::with_capacity(items.len() / len + 1);
    while items.len() > len {
        let start = (items.len() - 1) / len * len;
        tails.push(items.split_off(start));
    }
    items.shrink_to_fit();
    tails.push(items);
    tails.reverse();
    tails
}

/// An id for the edge at `index` that no edge of the file uses.
fn made_up_id(index: usize, given: &std::collections::HashSet<&str>) -> String {
    let mut id = format!("e{index}");
    while given.contains(id.as_str()) {
        id.push('_');
    }
    id
}

/// Whether an element carries back fields of ours (`bc_` attributes).
fn carries_fields(attributes: &Attributes) -> bool {
    attributes.keys().any(|name| name.starts_with("bc_"))
}

/// A node's record: made directly for a plain node, read from its JSON shape for one
/// that carries our fields back (or has a number JSON cannot hold, which the JSON shape
/// turns into the problem a file with it would have).
fn node_record(node: FileNode, problems: &mut Problems) -> Given<RawNode> {
    let finite = node
        .position
        .is_none_or(|(x, y)| x.is_finite() && y.is_finite())
        && node.size.is_none_or(f64::is_finite);
    if carries_fields(&node.attributes) || !finite {
        return Given::Json(node_json(node, problems));
    }
    let FileNode {
        id,
        label,
        attributes,
        position,
        colour,
        size,
        place: _,
    } = node;
    Given::Record(RawNode {
        label: label.unwrap_or_else(|| id.clone()),
        id,
        kind: "entity".to_owned(),
        attributes,
        // As JSON reads a number into a single-precision field.
        position: position.map(|(x, y)| RawPoint {
            x: x as f32,
            y: y as f32,
        }),
        colour: colour.map(Colour::to_hex),
        size: size.map(|size| size as f32),
        ..RawNode::default()
    })
}

/// An edge's record: made directly for a plain edge, read from its JSON shape for one
/// that carries our fields back.
fn edge_record(edge: FileEdge, problems: &mut Problems) -> Given<RawEdge> {
    if carries_fields(&edge.attributes) {
        return Given::Json(edge_json(edge, problems));
    }
    let FileEdge {
        id,
        source,
        target,
        directed,
        label,
        weight,
        attributes,
        place: _,
    } = edge;
    Given::Record(RawEdge {
        // Every edge has an id by now (made up where the file gives none).
        id: id.unwrap_or_default(),
        source,
        target,
        relation: "link".to_owned(),
        label,
        // JSON has no number that is not finite: such a weight is no weight.
        weight: weight.filter(|weight| weight.is_finite()),
        directed: (!directed).then_some(false),
        attributes,
        ..RawEdge::default()
    })
}

fn node_json(node: FileNode, problems: &mut Problems) -> Value {
    let FileNode {
        id,
        label,
        mut attributes,
        position,
        colour,
        size,
        place,
    } = node;
    let mut object = Map::new();
    object.insert(
        "label".into(),
        Value::String(label.unwrap_or_else(|| id.clone())),
    );
    object.insert("kind".into(), json!("entity"));
    take_carried(
        &mut attributes,
        NODE_FIELDS,
        &mut object,
        &id,
        &place,
        problems,
    );
    object.insert("id".into(), Value::String(id));
    if !attributes.is_empty() {
        object.insert("attributes".into(), json!(attributes));
    }
    if let Some((x, y)) = position {
        object.insert("position".into(), json!({ "x": x, "y": y }));
    }
    if let Some(colour) = colour {
        object.insert("colour".into(), json!(colour.to_hex()));
    }
    if let Some(size) = size {
        object.insert("size".into(), json!(size));
    }
    Value::Object(object)
}

fn edge_json(edge: FileEdge, problems: &mut Problems) -> Value {
    let FileEdge {
        id,
        source,
        target,
        directed,
        label,
        weight,
        mut attributes,
        place,
    } = edge;
    // Every edge has an id by now (made up where the file gives none).
    let id = id.unwrap_or_default();
    let mut object = Map::new();
    object.insert("relation".into(), json!("link"));
    take_carried(
        &mut attributes,
        EDGE_FIELDS,
        &mut object,
        &id,
        &place,
        problems,
    );
    // Our exports name the relation as the label for other tools; it is no label of its own.
    let label = label.filter(|label| {
        object.get("relation").and_then(Value::as_str) != Some(label.as_str())
            || object.get("relation") == Some(&json!("link"))
    });
    object.insert("id".into(), Value::String(id));
    object.insert("source".into(), Value::String(source));
    object.insert("target".into(), Value::String(target));
    if let Some(label) = label {
        object.insert("label".into(), Value::String(label));
    }
    if let Some(weight) = weight {
        object.insert("weight".into(), json!(weight));
    }
    if !directed {
        object.insert("directed".into(), json!(false));
    }
    if !attributes.is_empty() {
        object.insert("attributes".into(), json!(attributes));
    }
    Value::Object(object)
}

/// Moves the `bc_` attributes our exports write back into the dataset fields they came
/// from. Lists (aliases, evidence) and records (audit) travel as JSON text in formats
/// without them.
fn take_carried(
    attributes: &mut Attributes,
    fields: &[&str],
    object: &mut Map<String, Value>,
    id: &str,
    place: &Location,
    problems: &mut Problems,
) {
    if !attributes.keys().any(|name| name.starts_with("bc_")) {
        return;
    }
    for field in fields {
        let name = format!("bc_{field}");
        let Some(value) = attributes.remove(&name) else {
            continue;
        };
        let json_field = matches!(*field, "aliases" | "evidence" | "audit");
        let value = match value {
            Value::String(text) if json_field => match serde_json::from_str::<Value>(&text) {
                Ok(list) => list,
                Err(error) => {
                    let what = if *field == "audit" { "record" } else { "list" };
                    problems.error(
                        ProblemKind::WrongShape,
                        place.clone(),
                        format!("\"{id}\": {name} is not a JSON {what}: {error}"),
                    );
                    continue;
                }
            },
            Value::String(text) if text.is_empty() => continue,
            other => other,
        };
        object.insert((*field).to_owned(), value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A plain element's record, made directly, is the record its JSON shape reads into.
    #[test]
    fn records_made_directly_are_those_read_from_json() {
        fn same<T: serde::Serialize + serde::de::DeserializeOwned>(direct: Given<T>, json: Value) {
            let Given::Record(direct) = direct else {
                panic!("a plain element is made directly");
            };
            let read: T = serde_json::from_value(json).unwrap();
            assert_eq!(
                serde_json::to_value(direct).unwrap(),
                serde_json::to_value(read).unwrap()
            );
        }
        let place = Location::LineColumn { line: 3, column: 5 };
        let mut nodes = vec![FileNode::new("plain", place.clone())];
        let mut full = FileNode::new("full", place.clone());
        full.label = Some("Full node".into());
        full.position = Some((1.25, -1e7));
        full.colour = Some(Colour {
            rgb: [1, 2, 3],
            alpha: 128,
        });
        full.size = Some(0.1);
        full.attributes.insert("class".into(), json!(3));
        nodes.push(full);
        for node in nodes {
            let mut problems = Problems::new("f");
            same(
                node_record(node.clone(), &mut problems),
                node_json(node, &mut problems),
            );
            assert!(problems.into_vec().is_empty());
        }
        let mut edges = vec![FileEdge::new("a".into(), "b".into(), true, place.clone())];
        let mut full = FileEdge::new("b".into(), "a".into(), false, place.clone());
        full.label = Some("ties".into());
        full.weight = Some(2.5);
        full.attributes.insert("year".into(), json!("2024"));
        edges.push(full);
        let mut odd = FileEdge::new("a".into(), "a".into(), true, place);
        odd.weight = Some(f64::NAN);
        edges.push(odd);
        for mut edge in edges {
            edge.id = Some("e1".into());
            let mut problems = Problems::new("f");
            same(
                edge_record(edge.clone(), &mut problems),
                edge_json(edge, &mut problems),
            );
            assert!(problems.into_vec().is_empty());
        }
        // A node with a number JSON cannot hold, or our fields, goes through JSON.
        let mut infinite = FileNode::new("far", Location::File);
        infinite.position = Some((f64::INFINITY, 0.0));
        assert!(matches!(
            node_record(infinite, &mut Problems::new("f")),
            Given::Json(_)
        ));
        let mut carried = FileEdge::new("a".into(), "b".into(), true, Location::File);
        carried
            .attributes
            .insert("bc_relation".into(), json!("demands"));
        assert!(matches!(
            edge_record(carried, &mut Problems::new("f")),
            Given::Json(_)
        ));
    }

    #[test]
    fn chunks_keep_every_item_once_in_order() {
        for (count, len) in [(0, 4), (1, 4), (4, 4), (5, 4), (17, 4), (9, 1), (3, 0)] {
            let chunks = in_chunks((0..count).collect::<Vec<usize>>(), len);
            assert!(chunks.iter().all(|chunk| chunk.len() <= len.max(1)));
            assert!(chunks.iter().all(|chunk| chunk.capacity() == chunk.len()));
            let joined: Vec<usize> = chunks.into_iter().flatten().collect();
            assert_eq!(joined, (0..count).collect::<Vec<_>>(), "{count} in {len}");
        }
    }

    #[test]
    fn a_plain_graph_becomes_entities_and_links_with_made_up_edge_ids() {
        let mut file = GraphFile::default();
        let mut node = FileNode::new("a", Location::File);
        node.attributes.insert("group".into(), json!(3));
        file.nodes.push(node);
        file.nodes.push(FileNode::new("b", Location::File));
        let mut named = FileEdge::new("a".into(), "b".into(), true, Location::File);
        named.id = Some("e1".into());
        file.edges
            .push(FileEdge::new("a".into(), "b".into(), false, Location::File));
        file.edges.push(named);
        let mut problems = Problems::new("g.gml");
        let store = crate::dataset::EmbeddedStore::new(&[]);
        let model = file.into_model("g", &store, &mut problems).model.unwrap();
        assert_eq!(model.title, "g");
        assert_eq!(model.nodes[0].kind, crate::model::NodeKind::Entity);
        assert_eq!(model.nodes[0].label, "a");
        assert_eq!(model.nodes[0].attributes.get("group"), Some(&json!(3)));
        assert_eq!(model.edges[0].relation, crate::model::Relation::Link);
        assert!(!model.edges[0].directed);
        // "e1" is taken by the second edge, so the first gets another id.
        assert_eq!(model.edges[0].id, "e0");
        assert_eq!(model.edges[1].id, "e1");
        assert!(!problems.has_errors());
    }

    #[test]
    fn carried_fields_return_to_their_places() {
        let mut file = GraphFile::default();
        let mut node = FileNode::new("hamas", Location::File);
        node.attributes.insert("bc_kind".into(), json!("actor"));
        node.attributes
            .insert("bc_aliases".into(), json!("[\"Hamas movement\"]"));
        node.attributes.insert("bc_note".into(), json!(""));
        file.nodes.push(node);
        let mut problems = Problems::new("g.gexf");
        let store = crate::dataset::EmbeddedStore::new(&[]);
        let model = file.into_model("g", &store, &mut problems).model.unwrap();
        assert_eq!(model.nodes[0].kind, crate::model::NodeKind::Actor);
        assert_eq!(model.nodes[0].aliases, ["Hamas movement"]);
        assert_eq!(model.nodes[0].note, None);
        assert!(model.nodes[0].attributes.is_empty());
    }
}
