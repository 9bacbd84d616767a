//! The reading loop GEXF and GraphML share: the XML is walked once, the innermost open
//! graph, node or edge receives the values read inside it, attributes are declared with
//! a type and a default, and the defaults fill what no element gave once the file ends.
//! Each format says only what its own tags mean ([`Dialect`]).

use std::collections::HashMap;

use serde_json::Value;

use super::graph_file::{FileEdge, FileNode, GraphFile};
use super::xml::{Element, Item, XmlProblem, XmlReader};

/// Which elements a declared attribute applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Domain {
    /// Nodes only.
    Nodes,
    /// Edges only.
    Edges,
    /// Nodes and edges.
    All,
    /// Neither (a GraphML key for graphs or ports).
    Neither,
}

/// An attribute a file declares (GEXF's `<attribute>`, GraphML's `<key>`).
#[derive(Debug, Clone)]
pub(super) struct Declared {
    /// The name its values are kept under.
    pub name: String,
    /// Its type, as the file spells it (`integer`, `double`, `boolean`, `string`…).
    pub kind: String,
    /// What it applies to.
    pub domain: Domain,
    /// The value of elements that give none.
    pub default: Option<String>,
}

/// Where the values being read go: the innermost open element.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Owner {
    /// A graph (GraphML's `<data>` on a graph, our dataset record).
    Graph,
    /// The node at this index of the file's nodes.
    Node(usize),
    /// The edge at this index of the file's edges.
    Edge(usize),
}

/// What the loop keeps while a file is read.
#[derive(Debug, Default)]
pub(super) struct GraphReading {
    /// The graph read so far.
    pub graph: GraphFile,
    /// Open graphs, nodes and edges, innermost last.
    owners: Vec<Owner>,
    /// Whether edges of each open graph are directed unless they say otherwise.
    directed: Vec<bool>,
    /// Declared attributes by the class of element they were declared for (GEXF
    /// declares node and edge attributes apart, and their ids may repeat) and the id
    /// values refer to them with.
    declared: HashMap<Domain, HashMap<String, Declared>>,
    /// The attribute declared last, which a following `<default>` belongs to.
    last_declared: Option<(Domain, String)>,
    /// How many declarations and defaults were read: what a reader that hands elements
    /// on before the end watches for (one after the elements it handed on changes them).
    declarations: usize,
}

impl GraphReading {
    /// The innermost open element, if any.
    pub fn owner(&self) -> Option<Owner> {
        self.owners.last().copied()
    }

    /// Whether the innermost open graph's edges are directed by default.
    pub fn directed_by_default(&self) -> bool {
        self.directed.last().copied().unwrap_or(false)
    }

    /// A graph begins; its edges are `directed` by default when it says, else as the
    /// graph around it.
    pub fn open_graph(&mut self, element: &Element, directed: Option<bool>) {
        if !element.empty {
            let directed = directed.unwrap_or_else(|| self.directed_by_default());
            self.directed.push(directed);
            self.owners.push(Owner::Graph);
        }
    }

    /// A node begins: what follows inside it is its own.
    pub fn open_node(&mut self, element: &Element, node: FileNode) {
        self.graph.nodes.push(node);
        if !element.empty {
            self.owners.push(Owner::Node(self.graph.nodes.len() - 1));
        }
    }

    /// An edge begins: what follows inside it is its own.
    pub fn open_edge(&mut self, element: &Element, edge: FileEdge) {
        self.graph.edges.push(edge);
        if !element.empty {
            self.owners.push(Owner::Edge(self.graph.edges.len() - 1));
        }
    }

    /// The node being read, if a node is the innermost open element.
    pub fn node_mut(&mut self) -> Option<&mut FileNode> {
        match self.owner() {
            Some(Owner::Node(index)) => self.graph.nodes.get_mut(index),
            _ => None,
        }
    }

    /// Declares an attribute under `id` for a class of elements: [`Domain::Nodes`] or
    /// [`Domain::Edges`] where ids are per class (GEXF), [`Domain::All`] where they are
    /// unique in the file (GraphML).
    pub fn declare(&mut self, class: Domain, id: String, declared: Declared) {
        self.declared
            .entry(class)
            .or_default()
            .insert(id.clone(), declared);
        self.last_declared = Some((class, id));
        self.declarations += 1;
    }

    /// How many declarations and defaults were read so far.
    pub fn declarations(&self) -> usize {
        self.declarations
    }

    /// The default of the attribute declared last.
    pub fn set_default(&mut self, text: String) {
        if let Some(declared) = self
            .last_declared
            .as_ref()
            .and_then(|(class, id)| self.declared.get_mut(class)?.get_mut(id))
        {
            declared.default = Some(text);
        }
        self.declarations += 1;
    }

    /// A value, for the innermost open element, of the attribute declared as `key` (or
    /// named `key`, undeclared), typed as declared: its name and value.
    pub fn typed(&self, key: &str, text: &str) -> (String, Value) {
        let class = match self.owner() {
            Some(Owner::Node(_)) => Some(Domain::Nodes),
            Some(Owner::Edge(_)) => Some(Domain::Edges),
            Some(Owner::Graph) | None => None,
        };
        let declared_for = |class: Domain| self.declared.get(&class)?.get(key);
        let declared = class
            .and_then(declared_for)
            .or_else(|| declared_for(Domain::All));
        match declared {
            Some(declared) => (declared.name.clone(), typed_value(&declared.kind, text)),
            None => (key.to_owned(), Value::from(text)),
        }
    }

    /// Gives the innermost open node or edge the value of attribute `key`; false when
    /// the innermost open element is a graph, or none is open.
    pub fn set_attribute(&mut self, key: &str, text: &str) -> bool {
        let (name, value) = self.typed(key, text);
        match self.owner() {
            Some(Owner::Node(index)) => {
                if let Some(node) = self.graph.nodes.get_mut(index) {
                    node.attributes.insert(name, value);
                }
                true
            }
            Some(Owner::Edge(index)) => {
                if let Some(edge) = self.graph.edges.get_mut(index) {
                    edge.attributes.insert(name, value);
                }
                true
            }
            Some(Owner::Graph) | None => false,
        }
    }

    fn close(&mut self, name: &str) {
        match name {
            "node" | "edge" => {
                if matches!(self.owner(), Some(Owner::Node(_) | Owner::Edge(_))) {
                    self.owners.pop();
                }
            }
            "graph" if self.owner() == Some(Owner::Graph) => {
                self.owners.pop();
                self.directed.pop();
            }
            _ => {}
        }
    }

    /// The declared defaults: the domain, the attribute's name and its value, in the
    /// order of the names.
    fn defaults(&self) -> Vec<(Domain, String, Value)> {
        let mut defaults: Vec<(Domain, String, Value)> = self
            .declared
            .values()
            .flat_map(HashMap::values)
            .filter_map(|declared| {
                let text = declared.default.as_deref()?;
                Some((
                    declared.domain,
                    declared.name.clone(),
                    typed_value(&declared.kind, text),
                ))
            })
            .collect();
        defaults.sort_by(|a, b| a.1.cmp(&b.1));
        defaults
    }

    /// Gives `nodes` the declared defaults they lack.
    pub fn default_nodes(&self, nodes: &mut [FileNode]) {
        let defaults = self.defaults();
        for node in nodes {
            for (domain, name, value) in &defaults {
                if matches!(domain, Domain::Nodes | Domain::All) {
                    node.attributes.insert_if_absent(name, || value.clone());
                }
            }
        }
    }

    /// Gives `edges` the declared defaults they lack.
    pub fn default_edges(&self, edges: &mut [FileEdge]) {
        let defaults = self.defaults();
        for edge in edges {
            for (domain, name, value) in &defaults {
                if matches!(domain, Domain::Edges | Domain::All) {
                    edge.attributes.insert_if_absent(name, || value.clone());
                }
            }
        }
    }

    /// The graph, with every declared default given to the elements that lack its value
    /// (in the order of the attributes' names).
    fn finish(mut self) -> GraphFile {
        let mut nodes = std::mem::take(&mut self.graph.nodes);
        let mut edges = std::mem::take(&mut self.graph.edges);
        self.default_nodes(&mut nodes);
        self.default_edges(&mut edges);
        self.graph.nodes = nodes;
        self.graph.edges = edges;
        self.graph
    }
}

/// What a graph file format's tags mean.
pub(super) trait Dialect {
    /// The name of the root element.
    const ROOT: &'static str;

    /// An element begins (an empty one too). Nodes, edges and graphs are opened on
    /// `reading`; the loop closes them at their end tags.
    fn start(
        &mut self,
        element: Element,
        reader: &mut XmlReader<'_>,
        reading: &mut GraphReading,
    ) -> Result<(), XmlProblem>;
}

/// Reads a graph file in `dialect`.
pub(super) fn read_graph<D: Dialect>(
    bytes: &[u8],
    dialect: &mut D,
) -> Result<GraphFile, XmlProblem> {
    read_graph_with(bytes, dialect, |_| true).map(GraphReading::finish)
}

/// Reads a graph file in `dialect`, calling `after_item` after each item with what has
/// been read (it may take the elements read so far); it stops early when `after_item`
/// says so. The declared defaults are not given yet.
pub(super) fn read_graph_with<D: Dialect>(
    bytes: &[u8],
    dialect: &mut D,
    mut after_item: impl FnMut(&mut GraphReading) -> bool,
) -> Result<GraphReading, XmlProblem> {
    let mut reader = XmlReader::new(bytes);
    reader.root(D::ROOT)?;
    let mut reading = GraphReading::default();
    loop {
        match reader.next_item()? {
            Item::Eof => break,
            Item::End(name) => reading.close(&name),
            Item::Text(_) => {}
            Item::Start(element) => dialect.start(element, &mut reader, &mut reading)?,
        }
        if !after_item(&mut reading) {
            break;
        }
    }
    Ok(reading)
}

/// A value of a GEXF or GraphML attribute type; text that does not parse stays text.
fn typed_value(kind: &str, text: &str) -> Value {
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
