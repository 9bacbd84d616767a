//! Reports that contradict each other, found in the dataset rather than marked by hand:
//! the same claim (source, relation, target) affirmed by one report and denied or negated
//! by another; a meeting given dates that cannot both hold; a figure (hostages,
//! prisoners, days of truce) given as different numbers by different articles about the
//! same element.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::model::{Evidence, Modality, Model};

use super::figures::{Figure, counted_figures};

/// What kind of contradiction a [`Conflict`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ConflictKind {
    /// One report affirms a claim (asserted or expected) that another denies or negates.
    DisputedClaim,
    /// A meeting is given dates that share no day.
    MeetingDates,
    /// Articles put a meeting in different places.
    MeetingPlaces,
    /// A meeting's reports were denied, and another article has a party take part in it.
    MeetingStatus,
    /// Articles give different numbers of the same thing about the same element.
    Figures,
}

impl ConflictKind {
    /// Its name for people.
    pub fn title(self) -> &'static str {
        match self {
            Self::DisputedClaim => "Disputed claim",
            Self::MeetingDates => "Meeting dates differ",
            Self::MeetingPlaces => "Meeting places differ",
            Self::MeetingStatus => "Meeting status disputed",
            Self::Figures => "Figures differ",
        }
    }
}

/// A passage a report rests on, with where it was published and who it is attributed to.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quote {
    /// The article's id.
    pub article: String,
    /// The article's outlet.
    pub outlet: String,
    /// When the article was published, for people; `None` when undated.
    pub published: Option<String>,
    /// Who the report is attributed to, when the dataset says.
    pub attributed_to: Option<String>,
    /// The quoted text.
    pub quote: String,
}

impl Quote {
    /// Where and from whom, for people: "Outlet Two · 21 May 2024, per Israeli officials".
    pub fn source_line(&self) -> String {
        let when = self.published.as_deref().unwrap_or("undated");
        match &self.attributed_to {
            Some(who) => format!("{} · {when}, per {who}", self.outlet),
            None => format!("{} · {when}", self.outlet),
        }
    }
}

/// One side of a conflict: an element of the dataset, what it says, and its quotes.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// The node or edge id.
    pub element: String,
    /// What this report says: a modality ("expected", "denied"), a date, a figure.
    pub says: String,
    /// The passages it rests on.
    pub quotes: Vec<Quote>,
}

/// Reports that cannot all be true.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Conflict {
    /// What kind of contradiction it is.
    pub kind: ConflictKind,
    /// What the reports are about, for people ("Hamas attends Talks to resume on 28 May").
    pub about: String,
    /// The reports, two or more, by element id.
    pub reports: Vec<Report>,
}

impl Conflict {
    /// The ids of the elements involved, sorted, each once.
    pub fn elements(&self) -> Vec<&str> {
        let mut ids: Vec<&str> = self.reports.iter().map(|r| r.element.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    }
}

/// Every conflict in `model`: disputed claims, then meetings' dates, places and statuses,
/// then figures, each by what it is about.
pub fn find_conflicts(model: &Model) -> Vec<Conflict> {
    let mut conflicts = disputed_claims(model);
    conflicts.extend(super::meetings::meeting_dates(model));
    conflicts.extend(super::meetings::meeting_places(model));
    conflicts.extend(super::meetings::meeting_statuses(model));
    conflicts.extend(differing_figures(model));
    conflicts
}

/// The quotes of `evidence`, each with its article's outlet and date and `attributed_to`.
pub(super) fn quotes(
    model: &Model,
    evidence: &[Evidence],
    attributed_to: Option<&str>,
) -> Vec<Quote> {
    evidence
        .iter()
        .map(|record| {
            let article = model.article(&record.article_id);
            Quote {
                article: record.article_id.clone(),
                outlet: article.map_or_else(String::new, |a| a.outlet.clone()),
                published: article.and_then(|a| a.published).map(|date| date.human()),
                attributed_to: attributed_to.map(str::to_owned),
                quote: record.quote.clone(),
            }
        })
        .collect()
}

pub(super) fn label_of<'a>(model: &'a Model, id: &'a str) -> &'a str {
    model
        .node_position(id)
        .and_then(|position| model.nodes.get(position))
        .map_or(id, |node| node.label.as_str())
}

/// The same (source, relation, target) affirmed by one edge and denied or negated by
/// another. Hypothetical edges affirm nothing.
fn disputed_claims(model: &Model) -> Vec<Conflict> {
    let mut claims: BTreeMap<(&str, &str, &str), Vec<usize>> = BTreeMap::new();
    for (position, edge) in model.edges.iter().enumerate() {
        claims
            .entry((&edge.source, edge.relation.as_str(), &edge.target))
            .or_default()
            .push(position);
    }
    let mut conflicts = Vec::new();
    for ((source, relation, target), edges) in claims {
        let modality = |&position: &usize| model.edges.get(position).map(|e| e.modality);
        let affirmed = edges
            .iter()
            .any(|e| matches!(modality(e), Some(Modality::Asserted | Modality::Expected)));
        let denied = edges
            .iter()
            .any(|e| matches!(modality(e), Some(Modality::Denied | Modality::Negated)));
        if !(affirmed && denied) {
            continue;
        }
        let mut reports: Vec<Report> = edges
            .iter()
            .filter_map(|&position| model.edges.get(position))
            .filter(|edge| edge.modality != Modality::Hypothetical)
            .map(|edge| Report {
                element: edge.id.clone(),
                says: edge.modality.as_str().to_owned(),
                quotes: quotes(model, &edge.evidence, edge.attributed_to.as_deref()),
            })
            .collect();
        reports.sort_by(|a, b| a.element.cmp(&b.element));
        conflicts.push(Conflict {
            kind: ConflictKind::DisputedClaim,
            about: format!(
                "{} {} {}",
                label_of(model, source),
                relation.replace('_', " "),
                label_of(model, target)
            ),
            reports,
        });
    }
    conflicts
}

/// An element whose quotes from different articles count the same thing differently
/// ("33 hostages" in one, "40 hostages" in another).
fn differing_figures(model: &Model) -> Vec<Conflict> {
    let elements = model
        .nodes
        .iter()
        .map(|node| (node.id.as_str(), node.label.clone(), &node.evidence, None))
        .chain(model.edges.iter().map(|edge| {
            (
                edge.id.as_str(),
                format!(
                    "{} {} {}",
                    label_of(model, &edge.source),
                    edge.verb().replace('_', " "),
                    label_of(model, &edge.target)
                ),
                &edge.evidence,
                edge.attributed_to.as_deref(),
            )
        }));
    let mut conflicts = Vec::new();
    for (id, about, evidence, attributed_to) in elements {
        // For each counted thing: every figure given, with its record.
        let mut counts: BTreeMap<&'static str, Vec<(Figure, &Evidence)>> = BTreeMap::new();
        for record in evidence {
            for figure in counted_figures(&record.quote) {
                counts
                    .entry(figure.thing)
                    .or_default()
                    .push((figure, record));
            }
        }
        for (thing, figures) in counts {
            // Two figures no number fits both, from different articles.
            let clash = figures.iter().enumerate().any(|(i, (a, a_record))| {
                figures.iter().skip(i + 1).any(|(b, b_record)| {
                    a_record.article_id != b_record.article_id && !a.agrees_with(b)
                })
            });
            if !clash {
                continue;
            }
            // One report per figure as written, with the records that give it.
            let mut by_words: BTreeMap<String, Vec<Evidence>> = BTreeMap::new();
            for (figure, record) in figures {
                by_words
                    .entry(figure.words())
                    .or_default()
                    .push(record.clone());
            }
            let reports = by_words
                .into_iter()
                .map(|(says, records)| Report {
                    element: id.to_owned(),
                    says,
                    quotes: quotes(model, &records, attributed_to),
                })
                .collect();
            conflicts.push(Conflict {
                kind: ConflictKind::Figures,
                about: format!("{about}: {thing}"),
                reports,
            });
        }
    }
    conflicts
}
