//! The findings as a `backchannel/1` dataset: ids from labels, evidence from the
//! supporting sentences, a mediator only where the text presents one.

use std::collections::{BTreeMap, HashMap};

use super::EXTRACTOR;
use super::build::{EdgeEnd, EdgeKey, Findings, MAX_NODE_EVIDENCE, SourceArticle, Support};
use super::dates::article_date;
use super::mentions::Registry;
use crate::dataset::context_of;
use crate::dataset::schema::{
    FORMAT_VERSION, RawArticle, RawDataset, RawEdge, RawEvidence, RawNode,
};
use crate::dataset::sha256_hex;
use crate::model::{ArticleText, Modality, NodeKind, PartialDate};

/// A party is a mediator where a sentence presents it as one, never by the lexicon's
/// say-so: the lexicon's `mediator` is a party like any other until the text says more.
fn node_kind(kind: NodeKind, presented_as_mediator: bool) -> NodeKind {
    match kind {
        NodeKind::Actor | NodeKind::Mediator if presented_as_mediator => NodeKind::Mediator,
        NodeKind::Mediator => NodeKind::Actor,
        other => other,
    }
}

/// A unique, readable id from a label.
fn slug(label: &str, taken: &mut HashMap<String, usize>) -> String {
    let base = crate::model::search::slug(label).unwrap_or_else(|| "node".to_owned());
    let count = taken.entry(base.clone()).or_insert(0);
    *count += 1;
    if *count == 1 {
        base
    } else {
        format!("{base}-{count}")
    }
}

fn evidence(
    support: &Support,
    texts: &[ArticleText],
    limit_per_article: usize,
) -> Vec<RawEvidence> {
    let mut per_article: BTreeMap<usize, usize> = BTreeMap::new();
    support
        .sentences
        .iter()
        .filter(|(place, _)| {
            let count = per_article.entry(place.article).or_insert(0);
            *count += 1;
            *count <= limit_per_article
        })
        .filter_map(|(place, (confidence, stage))| {
            let text = texts.get(place.article)?;
            let quote = text.slice(place.start, place.end)?.to_owned();
            let (prefix, suffix) = context_of(text, place.start, place.end);
            Some(RawEvidence {
                article: article_id(place.article),
                quote,
                start: place.start,
                end: place.end,
                prefix,
                suffix,
                confidence: Some((confidence * 100.0).round() / 100.0),
                extractor: Some(format!("{EXTRACTOR} {stage}")),
                reviewed: false,
            })
        })
        .collect()
}

fn article_id(index: usize) -> String {
    format!("a{index:03}")
}

/// How a node's label names article number `index`: its outlet and date, or its
/// headline where the outlet is unknown.
fn raw_articles_label(
    articles: &[SourceArticle],
    texts: &[ArticleText],
    dates: &[Option<PartialDate>],
    index: usize,
) -> Option<String> {
    let text = texts.get(index)?;
    let date = dates
        .get(index)
        .copied()
        .flatten()
        .map_or_else(|| "undated".to_owned(), |date| date.human());
    let name = &articles.get(index)?.name;
    let source = super::outlets::article_outlet(text.as_str()).unwrap_or_else(|| {
        let title = headline(text.as_str(), name);
        let short: String = title.chars().take(40).collect();
        if short.len() < title.len() {
            format!("“{}…”", short.trim_end())
        } else {
            format!("“{short}”")
        }
    });
    Some(format!("{source}, {date}"))
}

/// The first line of at least four words that is not a dateline: the headline.
fn headline(text: &str, fallback: &str) -> String {
    text.lines()
        .map(str::trim)
        .find(|line| line.split_whitespace().count() >= 4 && article_date(line).is_none())
        .map(|line| line.chars().take(200).collect())
        .unwrap_or_else(|| fallback.to_owned())
}

/// The dataset: the articles, a node for every entity and meeting found, an edge for
/// every relation, each with the sentences that support it.
pub(super) fn assemble(
    articles: &[SourceArticle],
    texts: &[ArticleText],
    dates: &[Option<PartialDate>],
    title: &str,
    registry: &Registry,
    findings: &Findings,
) -> RawDataset {
    let Findings {
        nodes: node_support,
        meetings,
        edges,
        mediators,
        ..
    } = findings;
    let raw_articles = raw_articles(articles, texts, dates);
    let mut taken = HashMap::new();
    let mut entity_ids: BTreeMap<usize, String> = BTreeMap::new();
    let mut nodes = Vec::new();
    // Every entity some relation involves, gathered once rather than per node.
    let related = findings.related_entities();
    let in_a_relation = |entity: usize| related.contains(&entity);
    for (entity, support) in node_support {
        let Some(item) = registry.entities.get(*entity) else {
            continue;
        };
        // A bare "the proposal" of one article: kept only where something is said of it,
        // and named with its article, so that two articles' "Proposal" are told apart.
        let label = match super::things::bare_thing_article(&item.key) {
            Some(_) if !in_a_relation(*entity) => continue,
            Some(article) => match raw_articles_label(articles, texts, dates, article) {
                Some(source) => format!("{} ({source})", item.label),
                None => item.label.clone(),
            },
            None => item.label.clone(),
        };
        let id = slug(&label, &mut taken);
        entity_ids.insert(*entity, id.clone());
        nodes.push(RawNode {
            id,
            label,
            kind: node_kind(item.kind, mediators.contains_key(entity))
                .as_str()
                .to_owned(),
            subtype: item.subtype.map(|s| s.as_str().to_owned()),
            aliases: item
                .aliases
                .iter()
                .filter(|a| **a != item.label)
                .cloned()
                .collect(),
            evidence: evidence(support, texts, MAX_NODE_EVIDENCE),
            ..RawNode::default()
        });
    }
    let mut meeting_ids: BTreeMap<&str, String> = BTreeMap::new();
    for (key, (meeting, support)) in meetings {
        let id = slug(&meeting.label(), &mut taken);
        meeting_ids.insert(key.as_str(), id.clone());
        nodes.push(RawNode {
            id,
            label: meeting.label(),
            kind: NodeKind::Meeting.as_str().to_owned(),
            place: Some(meeting.place.clone()),
            date: meeting.date.map(|date| date.to_string()),
            status: Some(meeting.status.as_str().to_owned()),
            evidence: evidence(support, texts, MAX_NODE_EVIDENCE),
            ..RawNode::default()
        });
    }
    let raw_edges = raw_edges(edges, &entity_ids, &meeting_ids, texts);
    RawDataset {
        format: FORMAT_VERSION.to_owned(),
        title: title.to_owned(),
        description: Some(format!(
            "Extracted by {EXTRACTOR} from {} article(s); every element is anchored in the sentence it came from. Check before citing.",
            articles.len()
        )),
        articles: raw_articles,
        nodes,
        edges: raw_edges,
    }
}

/// An edge for every relation whose two ends became nodes, each with all its sentences.
fn raw_edges(
    edges: &BTreeMap<EdgeKey, Support>,
    entity_ids: &BTreeMap<usize, String>,
    meeting_ids: &BTreeMap<&str, String>,
    texts: &[ArticleText],
) -> Vec<RawEdge> {
    let end_id = |end: &EdgeEnd| match end {
        EdgeEnd::Entity(entity) => entity_ids.get(entity).cloned(),
        EdgeEnd::Meeting(key) => meeting_ids.get(key.as_str()).cloned(),
    };
    let mut edge_taken = HashMap::new();
    let mut raw_edges = Vec::new();
    for ((subject, relation, object, modality, attributed_to), support) in edges {
        let (Some(source), Some(target)) = (end_id(&EdgeEnd::Entity(*subject)), end_id(object))
        else {
            continue;
        };
        let id = slug(
            &format!("{source} {} {target}", relation.as_str()),
            &mut edge_taken,
        );
        raw_edges.push(RawEdge {
            id,
            source,
            target,
            relation: relation.as_str().to_owned(),
            attributed_to: attributed_to.clone(),
            modality: (*modality != Modality::Asserted).then(|| modality.as_str().to_owned()),
            evidence: evidence(support, texts, usize::MAX),
            ..RawEdge::default()
        });
    }
    raw_edges
}

/// The articles as dataset records, with their text, outlet, date and hash.
fn raw_articles(
    articles: &[SourceArticle],
    texts: &[ArticleText],
    dates: &[Option<PartialDate>],
) -> Vec<RawArticle> {
    articles
        .iter()
        .zip(texts)
        .zip(dates)
        .enumerate()
        .map(|(index, ((article, text), date))| RawArticle {
            id: article_id(index),
            title: headline(text.as_str(), &article.name),
            outlet: super::outlets::article_outlet(text.as_str())
                .unwrap_or_else(|| "unknown outlet".to_owned()),
            published: date.map(|date| date.to_string()),
            url: None,
            text: Some(text.as_str().to_owned()),
            path: None,
            sha256: Some(sha256_hex(text.as_str().as_bytes())),
        })
        .collect()
}
