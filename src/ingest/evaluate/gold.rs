//! Gold annotations: the line format a reader writes for one article
//! (`docs/extraction.md`), and the gold a curated dataset gives for its own articles.

use std::collections::BTreeMap;

use crate::model::{MeetingStatus, Modality, Model, Node, NodeKind, PartialDate, Relation};

/// A gold annotation line the reader could not take.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}: {message}")]
pub struct GoldError {
    /// The gold file.
    pub file: String,
    /// Its line, from 1.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

/// A party a careful reader finds, with every name the text gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldParty {
    /// Names, the first being how relations refer to it.
    pub names: Vec<String>,
    /// Whether the text presents it as mediating, brokering or hosting talks.
    pub mediator: bool,
}

/// A meeting a careful reader finds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldMeeting {
    /// How relations refer to it.
    pub key: String,
    /// Where.
    pub place: String,
    /// When, where the text says.
    pub date: Option<PartialDate>,
    /// Held, planned or denied.
    pub status: MeetingStatus,
}

/// A relation a careful reader finds, between keys of parties, things or meetings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldRelation {
    /// The acting party's key.
    pub source: String,
    /// The relation.
    pub relation: Relation,
    /// What it acts on: a key.
    pub target: String,
    /// How firmly the text states it.
    pub modality: Modality,
}

/// One article's gold annotations.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Gold {
    /// The article's date, `None` where it gives none.
    pub published: Option<PartialDate>,
    /// The outlet, `None` where the text names none.
    pub outlet: Option<String>,
    /// Actors and mediators.
    pub parties: Vec<GoldParty>,
    /// Demands, proposals, deals, offers, conditions: names, the first being the key.
    pub things: Vec<Vec<String>>,
    /// For gold taken from a curated dataset: each thing's evidence spans in the article,
    /// so that a thing the extractor named differently is still recognised where it
    /// stands in the same sentence and shares a word with the curated name.
    pub thing_spans: Vec<Vec<(usize, usize)>>,
    /// Meetings.
    pub meetings: Vec<GoldMeeting>,
    /// Relations.
    pub relations: Vec<GoldRelation>,
}

fn names(text: &str) -> Vec<String> {
    text.split('|')
        .map(str::trim)
        .filter(|name| !name.is_empty())
        .map(str::to_owned)
        .collect()
}

impl Gold {
    /// Reads the line format of `docs/extraction.md`.
    pub fn parse(file: &str, text: &str) -> Result<Self, GoldError> {
        let mut gold = Self::default();
        // The line of each relation, for an error about its ends.
        let mut relation_lines = Vec::new();
        for (number, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let error = |message: String| GoldError {
                file: file.to_owned(),
                line: number + 1,
                message,
            };
            let (keyword, rest) = line.split_once(' ').unwrap_or((line, ""));
            let rest = rest.trim();
            let date = |text: &str| -> Result<Option<PartialDate>, GoldError> {
                match text {
                    "none" | "" => Ok(None),
                    text => PartialDate::parse(text)
                        .map(Some)
                        .map_err(|problem| error(problem.to_string())),
                }
            };
            match keyword {
                "published" => gold.published = date(rest)?,
                "outlet" => gold.outlet = (rest != "none").then(|| rest.to_owned()),
                "actor" | "mediator" => gold.parties.push(GoldParty {
                    names: names(rest),
                    mediator: keyword == "mediator",
                }),
                "thing" => gold.things.push(names(rest)),
                "meeting" => {
                    let fields = names(rest);
                    let [key, place, when, status] = fields.as_slice() else {
                        return Err(error(
                            "a meeting is: key | place | date or none | status".to_owned(),
                        ));
                    };
                    gold.meetings.push(GoldMeeting {
                        key: key.clone(),
                        place: place.clone(),
                        date: date(when)?,
                        status: MeetingStatus::parse(status)
                            .ok_or_else(|| error(format!("unknown status \"{status}\"")))?,
                    });
                }
                "relation" => {
                    let fields = names(rest);
                    let [source, relation, target, modality] = fields.as_slice() else {
                        return Err(error(
                            "a relation is: source | relation | target | modality".to_owned(),
                        ));
                    };
                    relation_lines.push(number + 1);
                    gold.relations.push(GoldRelation {
                        source: source.clone(),
                        relation: Relation::parse(relation)
                            .ok_or_else(|| error(format!("unknown relation \"{relation}\"")))?,
                        target: target.clone(),
                        modality: Modality::parse(modality)
                            .ok_or_else(|| error(format!("unknown modality \"{modality}\"")))?,
                    });
                }
                other => return Err(error(format!("unknown line \"{other}\""))),
            }
        }
        let keys: Vec<&str> = gold
            .parties
            .iter()
            .filter_map(|party| party.names.first())
            .chain(gold.things.iter().filter_map(|thing| thing.first()))
            .map(String::as_str)
            .chain(gold.meetings.iter().map(|meeting| meeting.key.as_str()))
            .collect();
        for (relation, line) in gold.relations.iter().zip(relation_lines) {
            for end in [&relation.source, &relation.target] {
                if !keys.contains(&end.as_str()) {
                    return Err(GoldError {
                        file: file.to_owned(),
                        line,
                        message: format!("a relation names \"{end}\", which no line defines"),
                    });
                }
            }
        }
        Ok(gold)
    }
}

impl Gold {
    /// The gold a curated dataset gives for one of its articles: the nodes and edges
    /// with evidence there (and the nodes those edges join). Dates and outlets are left
    /// out: a curated dataset may give them less precisely than the article does.
    pub fn from_model(model: &Model, article_id: &str) -> Self {
        let in_article = |evidence: &[crate::model::Evidence]| {
            evidence
                .iter()
                .any(|record| record.article_id == article_id)
        };
        let edges: Vec<&crate::model::Edge> = model
            .edges
            .iter()
            .filter(|edge| in_article(&edge.evidence))
            .collect();
        let wanted = |node: &Node| {
            in_article(&node.evidence)
                || edges
                    .iter()
                    .any(|edge| edge.source == node.id || edge.target == node.id)
        };
        let mut gold = Self::default();
        let mut keys: BTreeMap<&str, String> = BTreeMap::new();
        for node in model.nodes.iter().filter(|node| wanted(node)) {
            let names: Vec<String> = std::iter::once(node.label.clone())
                .chain(node.aliases.iter().cloned())
                .collect();
            match node.kind {
                NodeKind::Actor | NodeKind::Mediator | NodeKind::Entity => {
                    gold.parties.push(GoldParty {
                        names,
                        mediator: node.kind == NodeKind::Mediator,
                    });
                    keys.insert(&node.id, node.label.clone());
                }
                NodeKind::Demand => {
                    gold.things.push(names);
                    // Where the article names it: its own evidence and that of the
                    // relations that end at it ("rejecting temporary arrangements").
                    let relations_at = edges
                        .iter()
                        .filter(|edge| edge.target == node.id)
                        .flat_map(|edge| &edge.evidence);
                    gold.thing_spans.push(
                        node.evidence
                            .iter()
                            .chain(relations_at)
                            .filter(|record| record.article_id == article_id)
                            .map(|record| (record.start, record.end))
                            .collect(),
                    );
                    keys.insert(&node.id, node.label.clone());
                }
                NodeKind::Meeting => {
                    let Some(details) = &node.meeting else {
                        continue;
                    };
                    gold.meetings.push(GoldMeeting {
                        key: node.id.clone(),
                        place: details.place.clone(),
                        date: details.date,
                        status: details.status,
                    });
                    keys.insert(&node.id, node.id.clone());
                }
            }
        }
        for edge in edges {
            if let (Some(source), Some(target)) = (
                keys.get(edge.source.as_str()),
                keys.get(edge.target.as_str()),
            ) {
                gold.relations.push(GoldRelation {
                    source: source.clone(),
                    relation: edge.relation,
                    target: target.clone(),
                    modality: edge.modality,
                });
            }
        }
        gold
    }
}
