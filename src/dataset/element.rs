//! Checking one node or edge record against an open model, exactly as a file's records
//! are checked: an edit can make nothing that a file could not hold.

use foldhash::HashMap;

use super::problem::{Problem, Problems, Severity};
use super::records::{EvidenceRule, check_edge, check_node};
use super::schema::{RawEdge, RawNode};
use super::validate::Evidenced;
use crate::model::{ArticleText, Edge, Model, Node};

/// Checks a node record against `model`'s nodes and articles; its errors when it fails.
/// `index` is where the node is (or will be) in the model, for the problems' paths.
pub fn check_node_record(
    model: &Model,
    index: usize,
    mut raw: RawNode,
) -> Result<Node, Vec<Problem>> {
    let mut problems = Problems::new("");
    let id = std::mem::take(&mut raw.id);
    let rule = EvidenceRule {
        articles: model,
        rule: Evidenced::Required,
    };
    let node = check_node(index, &id, raw, rule, model, &mut problems);
    finish(node, problems)
}

/// Checks an edge record against `model`'s nodes and articles; its errors when it fails.
pub fn check_edge_record(model: &Model, index: usize, raw: RawEdge) -> Result<Edge, Vec<Problem>> {
    let mut problems = Problems::new("");
    let rule = EvidenceRule {
        articles: model,
        rule: Evidenced::Required,
    };
    let edge = check_edge(index, raw, rule, model, &mut problems)
        .ok()
        .map(|(edge, _)| edge);
    finish(edge, problems)
}

fn finish<T>(checked: Option<T>, problems: Problems) -> Result<T, Vec<Problem>> {
    let errors: Vec<Problem> = problems
        .into_vec()
        .into_iter()
        .filter(|problem| problem.severity == Severity::Error)
        .collect();
    match checked {
        Some(element) if errors.is_empty() => Ok(element),
        _ => Err(errors),
    }
}

/// The node ids an element's references are checked against.
pub(super) trait NodeIds: Sync {
    /// The model position of the node with this id, if a node has it.
    fn position(&self, id: &str) -> Option<usize>;

    /// Whether a node has this id.
    fn has_node(&self, id: &str) -> bool {
        self.position(id).is_some()
    }
}

/// A file's node ids, each with its node's position (the file's order, which is the
/// model's where the model is built: a file whose nodes do not all build has none).
impl NodeIds for HashMap<&str, usize> {
    fn position(&self, id: &str) -> Option<usize> {
        self.get(id).copied()
    }
}

impl NodeIds for Model {
    fn position(&self, id: &str) -> Option<usize> {
        self.node_position(id)
    }
}

/// The article texts evidence is checked against.
pub(super) trait ArticleTexts: Sync {
    /// The text of the article with this id.
    fn article_text(&self, id: &str) -> Option<&ArticleText>;
}

impl ArticleTexts for HashMap<&str, &ArticleText> {
    fn article_text(&self, id: &str) -> Option<&ArticleText> {
        self.get(id).copied()
    }
}

impl ArticleTexts for Model {
    fn article_text(&self, id: &str) -> Option<&ArticleText> {
        self.article(id).map(|article| &article.text)
    }
}
