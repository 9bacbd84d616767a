//! The domain: articles, the entities and relations they report, and the evidence that
//! ties each element to article text. Pure data: no I/O, no GUI.
//!
//! A [`Model`] is only ever built from a dataset that passed validation
//! ([`crate::dataset`]), so every reference in it resolves and every evidence record
//! points at the exact text it quotes.

mod date;
pub mod search;
mod text;
mod vocabulary;

use std::collections::HashMap;

pub use date::{DateError, DatePrecision, PartialDate};
pub use text::ArticleText;
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
    /// When it was published, as precisely as known.
    pub published: PartialDate,
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
        format!("{} · {}", self.outlet, self.published.human())
    }
}

/// One passage of an article that supports a node or an edge.
#[derive(Debug, Clone, PartialEq, Eq)]
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

/// An actor, mediator, meeting or demand.
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
    /// The passages that support it; never empty.
    pub evidence: Vec<Evidence>,
}

/// A relation reported between two nodes.
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
    /// The passages that support it; never empty.
    pub evidence: Vec<Evidence>,
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
    article_index: HashMap<String, usize>,
    node_index: HashMap<String, usize>,
    edge_index: HashMap<String, usize>,
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
        let article_index = index_by(&articles, |article| &article.id);
        let node_index = index_by(&nodes, |node| &node.id);
        let edge_index = index_by(&edges, |edge| &edge.id);
        Self {
            title,
            description,
            articles,
            nodes,
            edges,
            article_index,
            node_index,
            edge_index,
        }
    }

    /// The article with this id.
    pub fn article(&self, id: &str) -> Option<&Article> {
        self.article_index
            .get(id)
            .and_then(|&index| self.articles.get(index))
    }

    /// The node with this id.
    pub fn node(&self, id: &str) -> Option<&Node> {
        self.node_index
            .get(id)
            .and_then(|&index| self.nodes.get(index))
    }

    /// The position of the node with this id in [`Model::nodes`].
    pub fn node_position(&self, id: &str) -> Option<usize> {
        self.node_index.get(id).copied()
    }

    /// The edge with this id.
    pub fn edge(&self, id: &str) -> Option<&Edge> {
        self.edge_index
            .get(id)
            .and_then(|&index| self.edges.get(index))
    }

    /// The label of the node with this id, or the id itself when there is no such node.
    pub fn node_label<'a>(&'a self, id: &'a str) -> &'a str {
        self.node(id).map_or(id, |node| node.label.as_str())
    }
}

fn index_by<T>(items: &[T], id: impl Fn(&T) -> &String) -> HashMap<String, usize> {
    items
        .iter()
        .enumerate()
        .map(|(index, item)| (id(item).clone(), index))
        .collect()
}
