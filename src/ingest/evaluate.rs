//! Scoring an extraction against gold annotations made by reading the articles: parties,
//! mediators, the things demanded or proposed, meetings (found and dated), relations with
//! their modality (per relation), articles' dates and outlets, and how well confidence
//! predicts correctness. The gold format and what counts are in `docs/extraction.md`.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::lexicon::{EntryKind, Lexicon};
use crate::model::search::fold;
use crate::model::{Modality, Model, Node, NodeKind, Relation, Subtype};

mod gold;
mod matching;

pub use gold::{Gold, GoldError, GoldMeeting, GoldParty, GoldRelation};
use matching::{GoldEnd, key_of, match_node};

/// Found, correct, expected and recalled counts, with precision, recall and F1.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    /// How many the extractor gave.
    pub found: usize,
    /// How many of those are right.
    pub correct: usize,
    /// How many the gold has.
    pub expected: usize,
    /// How many of the gold's were found.
    pub recalled: usize,
}

impl Tally {
    fn add(&mut self, other: Tally) {
        self.found += other.found;
        self.correct += other.correct;
        self.expected += other.expected;
        self.recalled += other.recalled;
    }

    /// Correct over found (1 when nothing was found: nothing wrong was said).
    pub fn precision(&self) -> f64 {
        if self.found == 0 {
            1.0
        } else {
            self.correct as f64 / self.found as f64
        }
    }

    /// Recalled over expected (1 when nothing was expected).
    pub fn recall(&self) -> f64 {
        if self.expected == 0 {
            1.0
        } else {
            self.recalled as f64 / self.expected as f64
        }
    }

    /// The harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

/// Confidence bands of the calibration table: relations whose confidence is at least the
/// band's floor and below the next one.
pub const CONFIDENCE_BANDS: [f32; 5] = [0.0, 0.5, 0.6, 0.7, 0.8];

/// An extraction's scores over a gold set.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Evaluation {
    /// Actors and mediators, whatever kind the extractor gave them.
    pub parties: Tally,
    /// Mediators over the whole dataset (a node's kind is the dataset's): found counts
    /// the extractor's mediator nodes, correct those the gold presents as mediating in
    /// some article.
    pub mediators: Tally,
    /// Demands, proposals, deals.
    pub things: Tally,
    /// Meetings found (by place and, where several share one, date).
    pub meetings: Tally,
    /// Gold meetings with a date, and how many of those were found with that date.
    pub meetings_dated: (usize, usize),
    /// Relations with their modality, all together.
    pub relations: Tally,
    /// Relations per relation.
    pub per_relation: BTreeMap<Relation, Tally>,
    /// Relations ignoring modality (source, relation, target).
    pub triples: Tally,
    /// Per confidence band (see [`CONFIDENCE_BANDS`]): relations given, relations right.
    pub calibration: [(usize, usize); 5],
    /// Articles whose date the gold gives, and how many the extraction dated so.
    pub dates: (usize, usize),
    /// Articles whose outlet the gold gives, and how many the extraction named so.
    pub outlets: (usize, usize),
    /// Every relation given that the gold lacks ("a001 wrong: …") and every gold relation
    /// not given ("a001 missed: …"), for people improving the rules.
    pub mistakes: Vec<String>,
}

impl Evaluation {
    /// Relations given confidence of at least 0.8, and how many of them are right.
    pub fn confident(&self) -> (usize, usize) {
        self.calibration.last().copied().unwrap_or((0, 0))
    }

    /// Meetings dated right over gold meetings with a date.
    pub fn dated_share(&self) -> f64 {
        match self.meetings_dated {
            (0, _) => 1.0,
            (total, dated) => dated as f64 / total as f64,
        }
    }

    /// The tables, for people.
    pub fn report(&self) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "{:<20} {:>5} {:>7} {:>8} {:>9} {:>6} {:>5}",
            "", "found", "correct", "expected", "precision", "recall", "F1"
        );
        let mut row = |name: &str, tally: &Tally| {
            let _ = writeln!(
                out,
                "{name:<20} {:>5} {:>7} {:>8} {:>9.2} {:>6.2} {:>5.2}",
                tally.found,
                tally.correct,
                tally.expected,
                tally.precision(),
                tally.recall(),
                tally.f1()
            );
        };
        row("parties", &self.parties);
        row("mediators", &self.mediators);
        row("things", &self.things);
        row("meetings", &self.meetings);
        row("relations", &self.relations);
        row("triples (any mod.)", &self.triples);
        for (relation, tally) in &self.per_relation {
            row(&format!("  {}", relation.as_str()), tally);
        }
        let _ = writeln!(
            out,
            "meetings dated: {} of {} gold meetings with a date ({:.2})",
            self.meetings_dated.1,
            self.meetings_dated.0,
            self.dated_share()
        );
        let _ = writeln!(
            out,
            "article dates right: {} of {}; outlets right: {} of {}",
            self.dates.1, self.dates.0, self.outlets.1, self.outlets.0
        );
        let _ = writeln!(out, "calibration (relation confidence -> share right):");
        for (index, (given, right)) in self.calibration.iter().enumerate() {
            let floor = CONFIDENCE_BANDS.get(index).copied().unwrap_or(0.0);
            let ceiling = CONFIDENCE_BANDS.get(index + 1).copied().unwrap_or(1.0);
            let share = if *given == 0 {
                "-".to_owned()
            } else {
                format!("{:.2}", *right as f64 / *given as f64)
            };
            let _ = writeln!(
                out,
                "  [{floor:.1}, {ceiling:.1}{}  {given:>4} given  {right:>4} right  {share}",
                if index + 1 == CONFIDENCE_BANDS.len() {
                    "]"
                } else {
                    ")"
                }
            );
        }
        out
    }
}

fn band(confidence: f32) -> usize {
    CONFIDENCE_BANDS
        .iter()
        .rposition(|floor| confidence >= *floor)
        .unwrap_or(0)
}

/// `gold` with each meeting's place under the name `lexicon` gives it, where the lexicon
/// knows it by another ("Türkiye" is Turkey).
fn with_lexicon_places(gold: &Gold, lexicon: &Lexicon) -> Gold {
    let mut gold = gold.clone();
    for meeting in &mut gold.meetings {
        // A city first ("Washington" is no United States), then a state.
        let entry = lexicon
            .entries
            .iter()
            .filter(|entry| entry.kind == EntryKind::Place)
            .find(|entry| entry.is_named(&meeting.place))
            .or_else(|| {
                lexicon
                    .entries
                    .iter()
                    .filter(|entry| entry.subtype == Some(Subtype::State))
                    .find(|entry| entry.is_named(&meeting.place))
            });
        if let Some(entry) = entry {
            meeting.place.clone_from(&entry.name);
        }
    }
    gold
}

/// Scores `model` against `golds`, each given with the id of the article it annotates.
/// A node or relation counts in an article when it has evidence there.
pub fn evaluate(model: &Model, golds: &[(String, Gold)]) -> Evaluation {
    let mut evaluation = Evaluation::default();
    // "Türkiye" in a gold file and "Turkey" in the dataset are one place: a gold place
    // is read by the name the built-in lexicon gives it, as the extractor names places.
    let lexicon = Lexicon::built_in().with_world();
    let golds: Vec<(String, Gold)> = golds
        .iter()
        .map(|(article_id, gold)| (article_id.clone(), with_lexicon_places(gold, &lexicon)))
        .collect();
    let golds = golds.as_slice();
    // Gold mediators by name, and each mediator node with the gold mediator it is.
    let mut mediators = Mediators::default();
    for (article_id, gold) in golds {
        score_byline(&mut evaluation, model, article_id, gold);
        let article = ArticleMatch::new(model, article_id, gold);
        article.score_nodes(&mut evaluation, &mut mediators);
        article.score_relations(&mut evaluation, model);
    }
    let recalled: std::collections::BTreeSet<&String> =
        mediators.nodes.values().flatten().collect();
    evaluation.mediators = Tally {
        found: mediators.nodes.len(),
        correct: mediators
            .nodes
            .values()
            .filter(|gold| gold.is_some())
            .count(),
        expected: mediators.gold.len(),
        recalled: recalled.len(),
    };
    evaluation
}

/// Mediators are a node's kind for the whole dataset: counted once, over all articles.
#[derive(Default)]
struct Mediators {
    /// Gold mediators, by folded name.
    gold: std::collections::BTreeSet<String>,
    /// Each mediator node, with the gold mediator it is, if any.
    nodes: BTreeMap<String, Option<String>>,
}

/// The article's date and outlet against the gold's.
fn score_byline(evaluation: &mut Evaluation, model: &Model, article_id: &str, gold: &Gold) {
    if let Some(article) = model.article(article_id) {
        if let Some(date) = gold.published {
            evaluation.dates.0 += 1;
            if article.published.map(|ours| ours.to_string()) == Some(date.to_string()) {
                evaluation.dates.1 += 1;
            }
        }
        if let Some(outlet) = &gold.outlet {
            evaluation.outlets.0 += 1;
            if outlet_matches(outlet, &article.outlet) {
                evaluation.outlets.1 += 1;
            }
        }
    }
}

/// Whether the outlet named `ours` is the gold's: any of its names ("The Associated
/// Press | AP").
fn outlet_matches(gold: &str, ours: &str) -> bool {
    gold.split('|').any(|name| fold(name.trim()) == fold(ours))
}

/// The kinds of node a gold party can match.
const PARTY_KINDS: &[NodeKind] = &[NodeKind::Actor, NodeKind::Mediator, NodeKind::Entity];

/// One article's nodes (those with evidence there, and the ends of its relations), each
/// with the gold element it matches.
struct ArticleMatch<'a> {
    article_id: &'a str,
    gold: &'a Gold,
    nodes: Vec<&'a Node>,
    ends: Vec<&'a Node>,
    matched: BTreeMap<&'a str, GoldEnd>,
}

/// Whether `evidence` has a record in the article.
fn in_article(evidence: &[crate::model::Evidence], article_id: &str) -> bool {
    evidence
        .iter()
        .any(|record| record.article_id == article_id)
}

impl<'a> ArticleMatch<'a> {
    fn new(model: &'a Model, article_id: &'a str, gold: &'a Gold) -> Self {
        let nodes: Vec<&Node> = model
            .nodes
            .iter()
            .filter(|node| in_article(&node.evidence, article_id))
            .collect();
        // Matched: those, and the ends of the article's relations.
        let ends: Vec<&Node> = model
            .edges
            .iter()
            .filter(|edge| in_article(&edge.evidence, article_id))
            .flat_map(|edge| [&edge.source, &edge.target])
            .filter_map(|id| model.node(id))
            .collect();
        let matched: BTreeMap<&str, GoldEnd> = nodes
            .iter()
            .chain(&ends)
            .filter_map(|node| {
                match_node(node, gold, article_id).map(|end| (node.id.as_str(), end))
            })
            .collect();
        Self {
            article_id,
            gold,
            nodes,
            ends,
            matched,
        }
    }

    /// Of the article's nodes of `kinds`: how many, how many match a gold element that
    /// is `wanted`, and how many different gold elements they match.
    fn tally(
        &self,
        kinds: &[NodeKind],
        wanted: &dyn Fn(&GoldEnd) -> bool,
    ) -> (usize, usize, usize) {
        let (nodes, matched) = (&self.nodes, &self.matched);
        let ours: Vec<&&Node> = nodes
            .iter()
            .filter(|node| kinds.contains(&node.kind))
            .collect();
        let correct = ours
            .iter()
            .filter(|node| matched.get(node.id.as_str()).is_some_and(wanted))
            .count();
        let mut recalled: Vec<&GoldEnd> = ours
            .iter()
            .filter_map(|node| matched.get(node.id.as_str()))
            .filter(|end| wanted(end))
            .collect();
        recalled.sort();
        recalled.dedup();
        (ours.len(), correct, recalled.len())
    }

    /// The gold parties no node of the article matches, and the article's party nodes
    /// that match no gold party, as mistakes ("a003 missed party: Russian delegation").
    fn party_mistakes(&self, evaluation: &mut Evaluation) {
        let party_nodes = self
            .nodes
            .iter()
            .filter(|node| PARTY_KINDS.contains(&node.kind));
        let mut recalled = std::collections::BTreeSet::new();
        for node in party_nodes {
            match self.matched.get(node.id.as_str()) {
                Some(GoldEnd::Party(index)) => {
                    recalled.insert(*index);
                }
                _ => evaluation.mistakes.push(format!(
                    "{} extra party: {} ({})",
                    self.article_id, node.label, node.id
                )),
            }
        }
        for (index, party) in self.gold.parties.iter().enumerate() {
            if !recalled.contains(&index) {
                evaluation.mistakes.push(format!(
                    "{} missed party: {}",
                    self.article_id,
                    party.names.first().map_or("?", String::as_str)
                ));
            }
        }
    }

    /// Parties, mediators, things and meetings found, right and recalled; meetings dated.
    fn score_nodes(&self, evaluation: &mut Evaluation, mediators: &mut Mediators) {
        let (gold, nodes, ends, matched) = (self.gold, &self.nodes, &self.ends, &self.matched);
        let (found, correct, recalled) =
            self.tally(PARTY_KINDS, &|end| matches!(end, GoldEnd::Party(_)));
        evaluation.parties.add(Tally {
            found,
            correct,
            expected: gold.parties.len(),
            recalled,
        });
        self.party_mistakes(evaluation);
        // Mediators are a node's kind for the whole dataset: counted once, over all
        // articles (see below).
        for party in gold.parties.iter().filter(|party| party.mediator) {
            if let Some(name) = party.names.first() {
                mediators.gold.insert(fold(name));
            }
        }
        for node in nodes.iter().chain(ends.iter()) {
            let Some(GoldEnd::Party(index)) = matched.get(node.id.as_str()) else {
                if node.kind == NodeKind::Mediator {
                    mediators.nodes.entry(node.id.clone()).or_insert(None);
                }
                continue;
            };
            let Some(party) = gold.parties.get(*index) else {
                continue;
            };
            let key = party
                .names
                .first()
                .map(|name| fold(name))
                .unwrap_or_default();
            if node.kind == NodeKind::Mediator {
                let slot = mediators.nodes.entry(node.id.clone()).or_insert(None);
                if party.mediator {
                    *slot = Some(key.clone());
                }
            }
        }
        let (found, correct, recalled) =
            self.tally(&[NodeKind::Demand], &|end| matches!(end, GoldEnd::Thing(_)));
        evaluation.things.add(Tally {
            found,
            correct,
            expected: gold.things.len(),
            recalled,
        });
        let (found, correct, recalled) = self.tally(&[NodeKind::Meeting], &|end| {
            matches!(end, GoldEnd::Meeting(_))
        });
        evaluation.meetings.add(Tally {
            found,
            correct,
            expected: gold.meetings.len(),
            recalled,
        });
        for (index, meeting) in gold.meetings.iter().enumerate() {
            let Some(date) = meeting.date else { continue };
            evaluation.meetings_dated.0 += 1;
            let dated = nodes.iter().any(|node| {
                matched.get(node.id.as_str()) == Some(&GoldEnd::Meeting(index))
                    && node
                        .meeting
                        .as_ref()
                        .and_then(|details| details.date)
                        .is_some_and(|ours| ours.overlaps(&date, &date))
            });
            if dated {
                evaluation.meetings_dated.1 += 1;
            }
        }
    }

    /// Relations found, right (with their modality) and recalled, per relation and as
    /// triples (without modality); each mistake and miss listed; confidence calibrated.
    fn score_relations(&self, evaluation: &mut Evaluation, model: &Model) {
        let (article_id, gold, matched) = (self.article_id, self.gold, &self.matched);
        // Relations, with their modality.
        let gold_set: Vec<(&str, Relation, &str, Modality)> = gold
            .relations
            .iter()
            .map(|r| (r.source.as_str(), r.relation, r.target.as_str(), r.modality))
            .collect();
        let mut recalled: Vec<usize> = Vec::new();
        let mut recalled_triples: Vec<usize> = Vec::new();
        let mut per_relation: BTreeMap<Relation, Tally> = BTreeMap::new();
        let mut triples = Tally::default();
        for relation in &gold.relations {
            per_relation.entry(relation.relation).or_default().expected += 1;
        }
        for edge in model
            .edges
            .iter()
            .filter(|edge| in_article(&edge.evidence, article_id))
        {
            let end = |id: &str| {
                matched
                    .get(id)
                    .and_then(|end| key_of(gold, end))
                    .unwrap_or_default()
            };
            let (source, target) = (end(&edge.source), end(&edge.target));
            // A group the gold counts as its own party ("Yemeni government" an alias of
            // Yemen) is no member of itself: not scored either way.
            if !source.is_empty() && source == target {
                continue;
            }
            let tally = per_relation.entry(edge.relation).or_default();
            tally.found += 1;
            triples.found += 1;
            let exact = gold_set.iter().position(|&(s, r, t, m)| {
                s == source && r == edge.relation && t == target && m == edge.modality
            });
            let loose = gold_set
                .iter()
                .position(|&(s, r, t, _)| s == source && r == edge.relation && t == target);
            if let Some(index) = exact {
                tally.correct += 1;
                recalled.push(index);
            }
            if let Some(index) = loose {
                triples.correct += 1;
                recalled_triples.push(index);
            }
            let confidence = edge
                .evidence
                .iter()
                .filter(|record| record.article_id == article_id)
                .filter_map(|record| record.confidence)
                .fold(0.0_f32, f32::max);
            if exact.is_none() {
                evaluation.mistakes.push(format!(
                    "{article_id} wrong: {} {} {} {} ({confidence:.2}; {} -> {})",
                    if source.is_empty() { "?" } else { &source },
                    edge.relation.as_str(),
                    if target.is_empty() { "?" } else { &target },
                    edge.modality.as_str(),
                    edge.source,
                    edge.target
                ));
            }
            if let Some(slot) = evaluation.calibration.get_mut(band(confidence)) {
                slot.0 += 1;
                slot.1 += usize::from(exact.is_some());
            }
        }
        recalled.sort_unstable();
        recalled.dedup();
        recalled_triples.sort_unstable();
        recalled_triples.dedup();
        for index in &recalled {
            if let Some(relation) = gold.relations.get(*index) {
                per_relation.entry(relation.relation).or_default().recalled += 1;
            }
        }
        list_missed(evaluation, article_id, gold, &recalled);
        triples.expected = gold.relations.len();
        triples.recalled = recalled_triples.len();
        evaluation.triples.add(triples);
        for (relation, tally) in per_relation {
            evaluation.relations.add(tally);
            evaluation
                .per_relation
                .entry(relation)
                .or_default()
                .add(tally);
        }
    }
}

/// Every gold relation of the article not recalled, as a mistake.
fn list_missed(evaluation: &mut Evaluation, article_id: &str, gold: &Gold, recalled: &[usize]) {
    for (index, relation) in gold.relations.iter().enumerate() {
        if !recalled.contains(&index) {
            evaluation.mistakes.push(format!(
                "{article_id} missed: {} {} {} {}",
                relation.source,
                relation.relation.as_str(),
                relation.target,
                relation.modality.as_str()
            ));
        }
    }
}

#[cfg(test)]
mod tests;
