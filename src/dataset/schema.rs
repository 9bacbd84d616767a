//! The `backchannel/1` file format as serde reads and writes it, before any checking.
//!
//! Closed vocabularies (kinds, relations, …) and dates are plain strings here so that
//! validation can report every bad value with its place, instead of serde stopping at
//! the first. The format is documented in `docs/dataset-format.md`; its JSON Schema is
//! `assets/backchannel-1.schema.json`.

use std::fmt;

use serde::de::{SeqAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize};

use crate::model::Attributes;

/// The `format` value of files this build reads and writes.
pub const FORMAT_VERSION: &str = "backchannel/1";

/// The top-level fields of a dataset file, as [`RawDataset`] has them.
pub const TOP_LEVEL_FIELDS: [&str; 6] = [
    "format",
    "title",
    "description",
    "articles",
    "nodes",
    "edges",
];

/// A whole dataset file.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDataset {
    /// Always [`FORMAT_VERSION`].
    pub format: String,
    /// The dataset's title.
    pub title: String,
    /// What it covers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The articles evidence quotes from.
    #[serde(default)]
    pub articles: Vec<RawArticle>,
    /// Actors, mediators, meetings and demands.
    #[serde(default)]
    pub nodes: Vec<RawNode>,
    /// Relations between nodes.
    #[serde(default)]
    pub edges: Vec<RawEdge>,
}

/// An article, with its text inline or in a file beside the dataset.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawArticle {
    /// Identifier, unique among articles.
    pub id: String,
    /// Headline.
    pub title: String,
    /// Publication or agency.
    pub outlet: String,
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; absent for an article that gives no date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// Where it was published online.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The text itself (exclusive with `path`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// A UTF-8 text file, relative to the dataset's folder (exclusive with `text`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// Lower-case hex sha256 of the file's bytes (or of the inline text's UTF-8).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sha256: Option<String>,
}

/// A node as written in the file.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawNode {
    /// Identifier, unique among nodes.
    pub id: String,
    /// Display name.
    pub label: String,
    /// actor, mediator, meeting or demand.
    pub kind: String,
    /// Finer classification.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subtype: Option<String>,
    /// Other names.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Id of the node it belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub affiliation: Option<String>,
    /// Meetings only: the city or venue.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// Meetings only: when.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Meetings only: held, planned, reported or denied.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// A curator's remark.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Supporting passages.
    #[serde(default, deserialize_with = "evidence_list")]
    pub evidence: Vec<RawEvidence>,
    /// Attributes carried over from an imported graph file.
    #[serde(default, skip_serializing_if = "Attributes::is_empty")]
    pub attributes: Attributes,
    /// Position given by an imported graph file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<RawPoint>,
    /// Fill colour given by an imported graph file, `#rrggbb` or `#rrggbbaa`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub colour: Option<String>,
    /// Size given by an imported graph file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size: Option<f32>,
    /// Where it came from and what was done to it; implied from its evidence when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audit: Option<RawAudit>,
}

/// A position as written in the file.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPoint {
    /// Horizontal.
    pub x: f32,
    /// Vertical, growing downwards.
    pub y: f32,
}

/// An edge as written in the file.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawEdge {
    /// Identifier, unique among edges.
    pub id: String,
    /// Id of the node that acts.
    pub source: String,
    /// Id of the node acted on.
    pub target: String,
    /// One of the closed set of relations.
    pub relation: String,
    /// When.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Who said so.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attributed_to: Option<String>,
    /// asserted (the default), expected, denied or hypothetical.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub modality: Option<String>,
    /// A curator's remark.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Supporting passages.
    #[serde(default, deserialize_with = "evidence_list")]
    pub evidence: Vec<RawEvidence>,
    /// The edge's own label, from an imported graph file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// Weight, from an imported graph file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weight: Option<f64>,
    /// `false` for an undirected edge; directed when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub directed: Option<bool>,
    /// Attributes carried over from an imported graph file.
    #[serde(default, skip_serializing_if = "Attributes::is_empty")]
    pub attributes: Attributes,
    /// Where it came from and what was done to it; implied from its evidence when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audit: Option<RawAudit>,
}

/// The audit trail of a node or an edge as written in the file.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAudit {
    /// `curated` (by hand) or `extracted`.
    pub origin: String,
    /// For an extracted element: whether a researcher accepted it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub reviewed: bool,
    /// The edits made to it, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub edits: Vec<RawEditRecord>,
}

/// One edit made to an element, as written in the file.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawEditRecord {
    /// The operation (`add_node`, `update`, `merge`, …).
    pub op: String,
    /// When, RFC 3339 UTC.
    pub at: String,
    /// The researcher's note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// An evidence record: W3C Web Annotation TextQuoteSelector plus TextPositionSelector.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawEvidence {
    /// Id of the article quoted.
    pub article: String,
    /// The exact text quoted.
    pub quote: String,
    /// Char (Unicode scalar value) offset of the quote's first char.
    pub start: usize,
    /// Char offset just past the quote.
    pub end: usize,
    /// Up to 32 chars before the quote.
    #[serde(default)]
    pub prefix: String,
    /// Up to 32 chars after the quote.
    #[serde(default)]
    pub suffix: String,
    /// For extracted evidence: how sure the extractor was, 0 to 1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<f32>,
    /// For extracted evidence: the extractor's name and version.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extractor: Option<String>,
    /// For extracted evidence: whether a researcher has checked it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub reviewed: bool,
}

/// Reads a list of evidence records into a vector with room for about as many as it
/// holds. serde's own reading of a list of unknown length makes room for four records
/// at once, and most elements cite one: on a file of 500,000 elements that was 200 MB
/// allocated and never used.
fn evidence_list<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<RawEvidence>, D::Error> {
    struct ListVisitor;

    impl<'de> Visitor<'de> for ListVisitor {
        type Value = Vec<RawEvidence>;

        fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
            formatter.write_str("a list of evidence records")
        }

        fn visit_seq<A: SeqAccess<'de>>(self, mut list: A) -> Result<Self::Value, A::Error> {
            let mut records = Vec::with_capacity(list.size_hint().unwrap_or(1).min(64));
            while let Some(record) = list.next_element()? {
                records.push(record);
            }
            Ok(records)
        }
    }

    deserializer.deserialize_seq(ListVisitor)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn evidence_lists_read_whole_and_take_only_the_room_they_need() {
        let record = r#"{"article":"a","quote":"q","start":0,"end":1}"#;
        for count in [0, 1, 2, 5] {
            let list = vec![record; count].join(",");
            let edge: RawEdge = serde_json::from_str(&format!(
                r#"{{"id":"e","source":"a","target":"b","relation":"link","evidence":[{list}]}}"#
            ))
            .unwrap();
            assert_eq!(edge.evidence.len(), count);
            assert!(edge.evidence.iter().all(|record| record.quote == "q"));
            if count == 1 {
                assert_eq!(edge.evidence.capacity(), 1);
            }
        }
        let no_list: RawNode =
            serde_json::from_str(r#"{"id":"n","label":"N","kind":"entity"}"#).unwrap();
        assert!(no_list.evidence.is_empty());
        let error = serde_json::from_str::<RawNode>(
            r#"{"id":"n","label":"N","kind":"entity","evidence":"none"}"#,
        )
        .unwrap_err();
        assert!(
            error.to_string().contains("a list of evidence records"),
            "{error}"
        );
    }
}
