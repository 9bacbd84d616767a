//! The domain: articles, the entities and relations they report, and the evidence that
//! ties each element to article text. Pure data: no I/O, no GUI.
//!
//! A [`Model`] is only ever built from a dataset that passed validation
//! ([`crate::dataset`]), so every reference in it resolves and every evidence record
//! points at the exact text it quotes.

mod attributes;
mod audit;
mod date;
pub(crate) mod index;
pub mod search;
mod text;
mod vocabulary;

use index::{HasId, IdIndex};

pub use attributes::Attributes;
pub use audit::{Audit, AuditCounts, EditRecord, Origin};
pub use date::{DateError, DatePrecision, PartialDate};
pub use text::{ArticleText, capitalised};
pub use vocabulary::{MeetingStatus, Modality, NodeKind, Relation, Subtype};

/// The most chars of context kept before and after a quote (W3C TextQuoteSelector).
pub const CONTEXT_CHARS: usize = 32;

/// A news article that evidence quotes from.
#[derive(Debug, Clone)]
pub struct Article {
    /// Identifier, unique among the dataset's articles.
    pub id: String,
    /// Headline.
    pub title: String,
    /// The publication or agency.
    pub outlet: String,
    /// When it was published, as precisely as known; `None` when the article gives no
    /// date (ingest then leaves its relative dates unresolved).
    pub published: Option<PartialDate>,
    /// Where it was published online, when known. Shown, never fetched.
    pub url: Option<String>,
    /// The file it was read from, relative to the dataset's folder; `None` for inline text.
    pub path: Option<String>,
    /// Its full text.
    pub text: ArticleText,
}

impl Article {
    /// "Outlet · date", as the evidence panel and the reader head an article.
    pub fn byline(&self) -> String {
        format!("{} · {}", self.outlet, self.published_human())
    }

    /// The date as people write it, or "undated".
    pub fn published_human(&self) -> String {
        self.published
            .map_or_else(|| "undated".to_owned(), |date| date.human())
    }
}

/// One passage of an article that supports a node or an edge.
#[derive(Debug, Clone, PartialEq)]
pub struct Evidence {
    /// The article quoted.
    pub article_id: String,
    /// The exact quoted text.
    pub quote: String,
    /// Char offset where the quote begins in the article text.
    pub start: usize,
    /// Char offset just past the quote's end.
    pub end: usize,
    /// Up to [`CONTEXT_CHARS`] chars of text before the quote.
    pub prefix: String,
    /// Up to [`CONTEXT_CHARS`] chars of text after the quote.
    pub suffix: String,
    /// How sure the extractor that found it was, 0 to 1; `None` for curated evidence.
    pub confidence: Option<f32>,
    /// The extractor that found it, with its version; `None` for curated evidence.
    pub extractor: Option<String>,
    /// For extracted evidence: whether a researcher has checked it.
    pub reviewed: bool,
}

/// Where and when a meeting took place, and whether it did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingDetails {
    /// The city or venue.
    pub place: String,
    /// When, as precisely as known; `None` when the sources give no date.
    pub date: Option<PartialDate>,
    /// Whether it took place.
    pub status: MeetingStatus,
}

/// Where a graph file placed a node, in its own units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    /// Horizontal, growing to the right.
    pub x: f32,
    /// Vertical, growing downwards as on screen.
    pub y: f32,
}

/// A colour a graph file gives a node: sRGB and opacity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Colour {
    /// Red, green and blue.
    pub rgb: [u8; 3],
    /// Opacity, 255 opaque.
    pub alpha: u8,
}

impl Colour {
    /// `#rrggbb`, or `#rrggbbaa` when not opaque.
    pub fn to_hex(self) -> String {
        let [r, g, b] = self.rgb;
        if self.alpha == 255 {
            format!("#{r:02x}{g:02x}{b:02x}")
        } else {
            format!("#{r:02x}{g:02x}{b:02x}{:02x}", self.alpha)
        }
    }

    /// Parses `#rgb`, `#rrggbb` or `#rrggbbaa` (the `#` optional).
    pub fn from_hex(text: &str) -> Option<Self> {
        let hex = text.trim().trim_start_matches('#');
        if !hex.is_ascii() {
            return None;
        }
        let byte = |at: usize| u8::from_str_radix(hex.get(at..at + 2)?, 16).ok();
        match hex.len() {
            3 => {
                let mut rgb = [0u8; 3];
                for (slot, digit) in rgb.iter_mut().zip(hex.chars()) {
                    let value = u8::try_from(digit.to_digit(16)?).ok()?;
                    *slot = value * 17;
                }
                Some(Self { rgb, alpha: 255 })
            }
            6 => Some(Self {
                rgb: [byte(0)?, byte(2)?, byte(4)?],
                alpha: 255,
            }),
            8 => Some(Self {
                rgb: [byte(0)?, byte(2)?, byte(4)?],
                alpha: byte(6)?,
            }),
            _ => None,
        }
    }
}

/// How an imported graph file draws a node, used as given.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NodeLook {
    /// Its position, when the file lays the graph out.
    pub position: Option<Point>,
    /// Its fill colour.
    pub colour: Option<Colour>,
    /// Its size, in the file's units (Gephi's viz:size; relative sizes are what count).
    pub size: Option<f32>,
}

/// An actor, mediator, meeting or demand, or an entity of an imported graph.
#[derive(Debug, Clone)]
pub struct Node {
    /// Identifier, unique among the dataset's nodes.
    pub id: String,
    /// The name shown in the graph.
    pub label: String,
    /// What it stands for.
    pub kind: NodeKind,
    /// Finer classification, for actors and mediators.
    pub subtype: Option<Subtype>,
    /// Other names it goes by in the sources.
    pub aliases: Vec<String>,
    /// The node it belongs to (a minister's government, a negotiator's movement).
    pub affiliation: Option<String>,
    /// Place, date and status, for meetings only.
    pub meeting: Option<MeetingDetails>,
    /// A curator's remark.
    pub note: Option<String>,
    /// The passages that support it; empty only for elements of imported graphs.
    pub evidence: Vec<Evidence>,
    /// Attributes from an imported graph file.
    pub attributes: Attributes,
    /// Position, colour and size from an imported graph file.
    pub look: NodeLook,
    /// Where it came from and what was done to it.
    pub audit: Audit,
}

/// A relation reported between two nodes, or an edge of an imported graph.
#[derive(Debug, Clone)]
pub struct Edge {
    /// Identifier, unique among the dataset's edges.
    pub id: String,
    /// The node that acts.
    pub source: String,
    /// The node acted on.
    pub target: String,
    /// What the source does to the target.
    pub relation: Relation,
    /// When, as precisely as known.
    pub date: Option<PartialDate>,
    /// Who said so, when the article attributes it ("an unnamed Israeli official").
    pub attributed_to: Option<String>,
    /// How firmly the text states it.
    pub modality: Modality,
    /// A curator's remark.
    pub note: Option<String>,
    /// The passages that support it; empty only for elements of imported graphs.
    pub evidence: Vec<Evidence>,
    /// The file's own name for the edge (an imported graph's edge label).
    pub label: Option<String>,
    /// Its weight, when the file gives one.
    pub weight: Option<f64>,
    /// `false` for an edge of an undirected graph: source and target are then only the
    /// order the file lists them in.
    pub directed: bool,
    /// Attributes from an imported graph file.
    pub attributes: Attributes,
    /// Where it came from and what was done to it.
    pub audit: Audit,
}

impl Edge {
    /// The words that name the edge: its own label, or its relation.
    pub fn verb(&self) -> &str {
        self.label.as_deref().unwrap_or(self.relation.as_str())
    }

    /// The label other tools should show: its own, or its relation's name; `None` for
    /// an unlabelled edge of an imported graph.
    pub fn shown_label(&self) -> Option<&str> {
        match (&self.label, self.relation) {
            (Some(label), _) => Some(label),
            (None, Relation::Link) => None,
            (None, relation) => Some(relation.as_str()),
        }
    }
}

/// A checked dataset: articles, nodes and edges whose references all resolve.
#[derive(Debug, Clone)]
pub struct Model {
    /// The dataset's title.
    pub title: String,
    /// What it covers.
    pub description: Option<String>,
    /// The articles, in file order.
    pub articles: Vec<Article>,
    /// The nodes, in file order.
    pub nodes: Vec<Node>,
    /// The edges, in file order.
    pub edges: Vec<Edge>,
    article_index: IdIndex,
    node_index: IdIndex,
    edge_index: IdIndex,
    /// The model positions of each edge's source and target.
    edge_ends: EdgeEnds,
}

/// The model positions of every edge's source and target, eight bytes an edge, shared by
/// whoever needs them all (a measure's worker) without a copy.
#[derive(Debug, Clone, Default)]
pub struct EdgeEnds(std::sync::Arc<[[u32; 2]]>);

impl EdgeEnds {
    /// Marks an end that is missing (never in a validated model).
    const MISSING: u32 = u32::MAX;

    /// The ends of the edge at `edge`, `None` where one is missing.
    pub fn get(&self, edge: usize) -> Option<(usize, usize)> {
        let [source, target] = *self.0.get(edge)?;
        (source != Self::MISSING && target != Self::MISSING)
            .then_some((source as usize, target as usize))
    }

    /// How many edges.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are no edges.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Every edge's ends, by edge position.
    pub fn iter(&self) -> impl Iterator<Item = Option<(usize, usize)>> + '_ {
        (0..self.len()).map(|edge| self.get(edge))
    }
}

impl FromIterator<Option<(usize, usize)>> for EdgeEnds {
    fn from_iter<T: IntoIterator<Item = Option<(usize, usize)>>>(ends: T) -> Self {
        let compact =
            |position: usize| u32::try_from(position).ok().filter(|&p| p != Self::MISSING);
        Self(
            ends.into_iter()
                .map(|ends| {
                    ends.and_then(|(source, target)| Some([compact(source)?, compact(target)?]))
                        .unwrap_or([Self::MISSING; 2])
                })
                .collect(),
        )
    }
}

impl Model {
    /// Builds a model and its id indexes. Later duplicates of an id shadow earlier ones;
    /// validation rejects duplicates before a model is built.
    pub fn new(
        title: String,
        description: Option<String>,
        articles: Vec<Article>,
        nodes: Vec<Node>,
        edges: Vec<Edge>,
    ) -> Self {
        let mut model = Self::indexed(title, description, articles, nodes, (edges, None));
        model.edge_ends = model.find_edge_ends();
        model
    }

    /// As [`Self::new`], with every edge's ends already found (by a check that looked
    /// each end up) and, where the check built it, the index of the edges' ids: `ends`
    /// must hold, for each edge in order, the model positions of its source and target.
    pub(crate) fn with_edge_ends(
        title: String,
        description: Option<String>,
        articles: Vec<Article>,
        nodes: Vec<Node>,
        (edges, ends, edge_index): (Vec<Edge>, EdgeEnds, Option<IdIndex>),
    ) -> Self {
        let mut model = Self::indexed(title, description, articles, nodes, (edges, edge_index));
        model.edge_ends = if ends.len() == model.edges.len() {
            ends
        } else {
            model.find_edge_ends()
        };
        model
    }

    /// The model with its id indexes (the edges' given, or built here), its edges'
    /// ends not yet found.
    fn indexed(
        title: String,
        description: Option<String>,
        articles: Vec<Article>,
        nodes: Vec<Node>,
        (edges, edge_index): (Vec<Edge>, Option<IdIndex>),
    ) -> Self {
        let article_index = IdIndex::new(&articles);
        let node_index = IdIndex::new(&nodes);
        let edge_index = edge_index.unwrap_or_else(|| IdIndex::new(&edges));
        Self {
            title,
            description,
            articles,
            nodes,
            edges,
            article_index,
            node_index,
            edge_index,
            edge_ends: EdgeEnds::default(),
        }
    }

    /// Every edge's ends, found by id; a big model's on every core (each lookup waits on
    /// memory more than it computes).
    fn find_edge_ends(&self) -> EdgeEnds {
        /// Edges from which the lookups are split over the cores.
        const SPLIT_FROM: usize = 100_000;
        let ends_of = |edges: &mut [&Edge]| -> Vec<Option<(usize, usize)>> {
            edges
                .iter()
                .map(|edge| {
                    Some((
                        self.node_position(&edge.source)?,
                        self.node_position(&edge.target)?,
                    ))
                })
                .collect()
        };
        let mut edges: Vec<&Edge> = self.edges.iter().collect();
        let workers = if self.edges.len() < SPLIT_FROM {
            1
        } else {
            crate::parallel::workers_for(self.edges.len())
        };
        let parts = crate::parallel::map_chunks(&mut edges, workers, |edges| ends_of(edges));
        parts.into_iter().flatten().collect()
    }

    /// Each node's rank (by model position) in the order of lower-case labels, then ids:
    /// how lists order nodes that tie.
    ///
    /// Complexity: O(nodes log nodes).
    pub fn label_ranks(&self) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.nodes.len()).collect();
        order.sort_by_cached_key(|&position| {
            self.nodes
                .get(position)
                .map(|node| (node.label.to_lowercase(), node.id.clone()))
        });
        let mut ranks = vec![0; order.len()];
        for (rank, position) in order.into_iter().enumerate() {
            if let Some(slot) = ranks.get_mut(position) {
                *slot = rank;
            }
        }
        ranks
    }

    /// The model positions of the source and target of the edge at `edge`, without a
    /// lookup by id (`None` for an end that is missing, never in a validated model).
    pub fn edge_ends(&self, edge: usize) -> Option<(usize, usize)> {
        self.edge_ends.get(edge)
    }

    /// Every edge's ends, shared.
    pub fn all_edge_ends(&self) -> EdgeEnds {
        self.edge_ends.clone()
    }

    /// Rebuilds the id indexes after articles, nodes or edges were inserted, removed or
    /// renamed in place (as [`crate::edit`] does). O(elements).
    pub fn reindex(&mut self) {
        self.article_index = IdIndex::new(&self.articles);
        self.node_index = IdIndex::new(&self.nodes);
        self.edge_index = IdIndex::new(&self.edges);
        self.edge_ends = self.find_edge_ends();
    }

    /// The position of the edge with this id in [`Model::edges`].
    pub fn edge_position(&self, id: &str) -> Option<usize> {
        self.edge_index.find(&self.edges, id)
    }

    /// The position of the article with this id in [`Model::articles`].
    pub fn article_position(&self, id: &str) -> Option<usize> {
        self.article_index.find(&self.articles, id)
    }

    /// The article with this id.
    pub fn article(&self, id: &str) -> Option<&Article> {
        self.article_index
            .find(&self.articles, id)
            .and_then(|index| self.articles.get(index))
    }

    /// The node with this id.
    pub fn node(&self, id: &str) -> Option<&Node> {
        self.node_position(id)
            .and_then(|index| self.nodes.get(index))
    }

    /// The position of the node with this id in [`Model::nodes`].
    pub fn node_position(&self, id: &str) -> Option<usize> {
        self.node_index.find(&self.nodes, id)
    }

    /// The edge with this id.
    pub fn edge(&self, id: &str) -> Option<&Edge> {
        self.edge_index
            .find(&self.edges, id)
            .and_then(|index| self.edges.get(index))
    }

    /// The label of the node with this id, or the id itself when there is no such node.
    pub fn node_label<'a>(&'a self, id: &'a str) -> &'a str {
        self.node(id).map_or(id, |node| node.label.as_str())
    }
}

impl HasId for Article {
    fn id(&self) -> &str {
        &self.id
    }
}

impl HasId for Node {
    fn id(&self) -> &str {
        &self.id
    }
}

impl HasId for Edge {
    fn id(&self) -> &str {
        &self.id
    }
}
