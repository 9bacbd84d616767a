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

/// Ids, each with its position. An id of up to 15 bytes is kept in the table itself,
/// so that looking it up reads no string elsewhere in memory: a big file's edges look up
/// two node ids each, and a string behind a pointer is a cache miss per lookup.
#[derive(Debug, Default)]
pub(super) struct IdPositions<'a> {
    short: HashMap<u128, usize>,
    long: HashMap<&'a str, usize>,
}

impl<'a> IdPositions<'a> {
    /// An id of up to 15 bytes as one number: its bytes, zeros, then its length.
    fn inline(id: &str) -> Option<u128> {
        let bytes = id.as_bytes();
        let mut key = [0u8; 16];
        key.get_mut(..bytes.len())?.copy_from_slice(bytes);
        let length = u8::try_from(bytes.len())
            .ok()
            .filter(|&length| length < 16)?;
        *key.last_mut()? = length;
        Some(u128::from_le_bytes(key))
    }

    /// The position of `id`, if it has one.
    pub(super) fn get(&self, id: &str) -> Option<usize> {
        match Self::inline(id) {
            Some(key) => self.short.get(&key).copied(),
            None => self.long.get(id).copied(),
        }
    }

    /// Gives `id` its `position`, unless it has one already; returns the one it had.
    pub(super) fn insert_first(&mut self, id: &'a str, position: usize) -> Option<usize> {
        use std::collections::hash_map::Entry;
        fn first<K>(entry: Entry<'_, K, usize>, position: usize) -> Option<usize> {
            match entry {
                Entry::Occupied(had) => Some(*had.get()),
                Entry::Vacant(free) => {
                    free.insert(position);
                    None
                }
            }
        }
        match Self::inline(id) {
            Some(key) => first(self.short.entry(key), position),
            None => first(self.long.entry(id), position),
        }
    }
}

/// A file's node ids, each with its node's position (the file's order, which is the
/// model's where the model is built: a file whose nodes do not all build has none).
impl NodeIds for IdPositions<'_> {
    fn position(&self, id: &str) -> Option<usize> {
        self.get(id)
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

#[cfg(test)]
mod id_tests {
    use super::IdPositions;

    #[test]
    fn ids_short_and_long_keep_their_first_position() {
        let mut ids = IdPositions::default();
        let long = "an id of more than fifteen bytes";
        for (position, id) in ["n1", "n10", "", "a\0", "a", long, "fifteen bytes!!"]
            .into_iter()
            .enumerate()
        {
            assert_eq!(ids.insert_first(id, position), None, "{id:?} is new");
        }
        assert_eq!(
            ids.insert_first("n10", 9),
            Some(1),
            "the first position stays"
        );
        assert_eq!(ids.insert_first(long, 9), Some(5));
        assert_eq!(ids.get("n1"), Some(0));
        assert_eq!(ids.get("a\0"), Some(3), "a zero byte is part of the id");
        assert_eq!(ids.get("a"), Some(4));
        assert_eq!(ids.get(""), Some(2));
        assert_eq!(ids.get("fifteen bytes!!"), Some(6));
        assert_eq!(ids.get(long), Some(5));
        assert_eq!(ids.get("n2"), None);
        assert_eq!(ids.get("an id of more than fifteen byteS"), None);
    }
}
