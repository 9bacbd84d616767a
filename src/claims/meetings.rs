//! Conflicts about meetings: dates that cannot both hold, places that differ between
//! articles, and a meeting one article has take place (or planned) while another denies
//! it. Found in the data: a meeting's own details, the quotes about it and the
//! relations that take part in it.

use std::collections::{BTreeMap, BTreeSet};

use crate::model::{Edge, Evidence, MeetingStatus, Modality, Model, NodeKind, Relation, Subtype};

use super::conflicts::{Conflict, ConflictKind, Quote, Report, label_of, quotes};

/// Every edge touching each meeting, by the meeting's position, found in one pass.
fn edges_at_meetings(model: &Model) -> BTreeMap<usize, Vec<usize>> {
    let is_meeting = |node: usize| {
        model
            .nodes
            .get(node)
            .is_some_and(|node| node.kind == NodeKind::Meeting)
    };
    let mut at: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for edge in 0..model.edges.len() {
        let Some((a, b)) = model.edge_ends(edge) else {
            continue;
        };
        if is_meeting(a) {
            at.entry(a).or_default().push(edge);
        }
        if b != a && is_meeting(b) {
            at.entry(b).or_default().push(edge);
        }
    }
    at
}

/// The meetings of `model` with the edges touching each, in model order.
fn meetings(model: &Model) -> impl Iterator<Item = (usize, &crate::model::Node, Vec<&Edge>)> {
    let mut at = edges_at_meetings(model);
    model
        .nodes
        .iter()
        .enumerate()
        .filter(|(_, node)| node.kind == NodeKind::Meeting)
        .map(move |(position, node)| {
            let edges = at
                .remove(&position)
                .unwrap_or_default()
                .into_iter()
                .filter_map(|edge| model.edges.get(edge))
                .collect();
            (position, node, edges)
        })
}

/// A meeting whose own date and the dates of the relations about it share no day.
pub(super) fn meeting_dates(model: &Model) -> Vec<Conflict> {
    let mut conflicts = Vec::new();
    for (_, node, edges) in meetings(model) {
        let mut dated = Vec::new();
        if let Some(date) = node.meeting.as_ref().and_then(|meeting| meeting.date) {
            dated.push((node.id.clone(), date, quotes(model, &node.evidence, None)));
        }
        for edge in edges {
            if let Some(date) = edge.date {
                dated.push((
                    edge.id.clone(),
                    date,
                    quotes(model, &edge.evidence, edge.attributed_to.as_deref()),
                ));
            }
        }
        let apart = dated
            .iter()
            .enumerate()
            .any(|(i, (_, a, _))| dated.iter().skip(i + 1).any(|(_, b, _)| !a.overlaps(b, b)));
        if !apart {
            continue;
        }
        let mut reports: Vec<Report> = dated
            .into_iter()
            .map(|(element, date, quotes)| Report {
                element,
                says: date.human(),
                quotes,
            })
            .collect();
        reports.sort_by(|a, b| a.element.cmp(&b.element));
        conflicts.push(Conflict {
            kind: ConflictKind::MeetingDates,
            about: node.label.clone(),
            reports,
        });
    }
    conflicts
}

/// The places a meeting can be said to be in: every meeting's place in the dataset, split
/// at "and" and commas; countries (the label or alias of a state) are left out, as a
/// country contains its cities ("in Egypt" does not contradict "in Cairo").
fn known_places(model: &Model) -> Vec<String> {
    let countries: BTreeSet<&str> = model
        .nodes
        .iter()
        .filter(|node| node.subtype == Some(Subtype::State))
        .flat_map(|node| std::iter::once(&node.label).chain(&node.aliases))
        .map(String::as_str)
        .collect();
    let mut places: Vec<String> = model
        .nodes
        .iter()
        .filter_map(|node| node.meeting.as_ref())
        .flat_map(|meeting| place_parts(&meeting.place))
        .filter(|place| !countries.contains(place.as_str()))
        .collect();
    places.sort();
    places.dedup();
    places
}

/// "Cairo and Doha" -> Cairo, Doha.
fn place_parts(place: &str) -> Vec<String> {
    place
        .split(',')
        .flat_map(|part| part.split(" and "))
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The known places `quote` puts something in: each named after "in" or "at" ("talks
/// in Cairo", "at the Doha"), as a whole word.
fn places_named(quote: &str, places: &[String]) -> BTreeSet<String> {
    let mut named = BTreeSet::new();
    for place in places {
        for (at, _) in quote.match_indices(place.as_str()) {
            let before = quote.get(..at).unwrap_or("").trim_end();
            let before = before.strip_suffix(" the").unwrap_or(before);
            let after = quote.get(at + place.len()..).unwrap_or("");
            let whole = !after.chars().next().is_some_and(char::is_alphanumeric);
            let placed = [" in", " at"]
                .iter()
                .any(|word| before.ends_with(word) || before == word.trim());
            if whole && placed {
                named.insert(place.clone());
            }
        }
    }
    named
}

/// A meeting that two articles put in different places: each names a place after "in"
/// or "at" in its quotes about the meeting (the meeting's own or its relations'), neither
/// names the other's, and the meeting is not held in both ("Cairo and Doha").
pub(super) fn meeting_places(model: &Model) -> Vec<Conflict> {
    let places = known_places(model);
    let mut conflicts = Vec::new();
    for (_, node, edges) in meetings(model) {
        let Some(meeting) = &node.meeting else {
            continue;
        };
        let own = place_parts(&meeting.place);
        // Each element's quotes, with who they are attributed to.
        let records = std::iter::once((node.id.as_str(), None, &node.evidence)).chain(
            edges.iter().map(|edge| {
                (
                    edge.id.as_str(),
                    edge.attributed_to.as_deref(),
                    &edge.evidence,
                )
            }),
        );
        // By article: the places it names; by place: the first element naming it and
        // the quotes that do.
        let mut by_article: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
        let mut by_place: BTreeMap<String, (String, Vec<Quote>)> = BTreeMap::new();
        for (element, attributed_to, evidence) in records {
            for record in evidence {
                for place in places_named(&record.quote, &places) {
                    by_article
                        .entry(&record.article_id)
                        .or_default()
                        .insert(place.clone());
                    let entry = by_place
                        .entry(place)
                        .or_insert_with(|| (element.to_owned(), Vec::new()));
                    entry.1.extend(quotes(
                        model,
                        std::slice::from_ref::<Evidence>(record),
                        attributed_to,
                    ));
                }
            }
        }
        let mut differing: BTreeSet<&String> = BTreeSet::new();
        for (a, a_places) in &by_article {
            for (b, b_places) in &by_article {
                if a >= b {
                    continue;
                }
                for p in a_places.difference(b_places) {
                    for q in b_places.difference(a_places) {
                        let both_held = own.contains(p) && own.contains(q);
                        if p != q && !both_held {
                            differing.insert(p);
                            differing.insert(q);
                        }
                    }
                }
            }
        }
        if differing.is_empty() {
            continue;
        }
        let reports = by_place
            .iter()
            .filter(|(place, _)| differing.contains(place))
            .map(|(place, (element, quotes))| Report {
                element: element.clone(),
                says: format!("in {place}"),
                quotes: quotes.clone(),
            })
            .collect();
        conflicts.push(Conflict {
            kind: ConflictKind::MeetingPlaces,
            about: node.label.clone(),
            reports,
        });
    }
    conflicts
}

/// What a relation taking part in a meeting (attends, hosts, mediates) says of it: that
/// it took place (asserted) or is planned (expected). Nothing else: a relation denied or
/// negated ("no Israeli delegation in Cairo") says a party was absent, not that the
/// meeting did not take place.
fn affirmed_status(edge: &Edge) -> Option<MeetingStatus> {
    if !matches!(
        edge.relation,
        Relation::Attends | Relation::Hosts | Relation::Mediates
    ) {
        return None;
    }
    match edge.modality {
        Modality::Asserted => Some(MeetingStatus::Held),
        Modality::Expected => Some(MeetingStatus::Planned),
        _ => None,
    }
}

/// A meeting whose reports were denied (its status) while another article has a party
/// take part in it, held or planned. Only articles the meeting's own evidence does not
/// cite count against it: an article may report a plan and its denial together.
pub(super) fn meeting_statuses(model: &Model) -> Vec<Conflict> {
    let mut conflicts = Vec::new();
    for (_, node, edges) in meetings(model) {
        if node.meeting.as_ref().map(|meeting| meeting.status) != Some(MeetingStatus::Denied) {
            continue;
        }
        let denying: BTreeSet<&str> = node
            .evidence
            .iter()
            .map(|record| record.article_id.as_str())
            .collect();
        let mut reports: Vec<Report> = edges
            .iter()
            .filter_map(|edge| Some((edge, affirmed_status(edge)?)))
            .filter_map(|(edge, status)| {
                let elsewhere: Vec<Evidence> = edge
                    .evidence
                    .iter()
                    .filter(|record| !denying.contains(record.article_id.as_str()))
                    .cloned()
                    .collect();
                (!elsewhere.is_empty()).then(|| Report {
                    element: edge.id.clone(),
                    says: format!(
                        "{}: {} {} {}",
                        status.as_str(),
                        label_of(model, &edge.source),
                        edge.verb().replace('_', " "),
                        label_of(model, &edge.target)
                    ),
                    quotes: quotes(model, &elsewhere, edge.attributed_to.as_deref()),
                })
            })
            .collect();
        if reports.is_empty() {
            continue;
        }
        reports.push(Report {
            element: node.id.clone(),
            says: MeetingStatus::Denied.as_str().to_owned(),
            quotes: quotes(model, &node.evidence, None),
        });
        reports.sort_by(|a, b| a.element.cmp(&b.element));
        conflicts.push(Conflict {
            kind: ConflictKind::MeetingStatus,
            about: node.label.clone(),
            reports,
        });
    }
    conflicts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_are_read_after_in_and_at_as_whole_words() {
        let places = vec!["Cairo".to_owned(), "Doha".to_owned()];
        let named = |quote: &str| places_named(quote, &places).into_iter().collect::<Vec<_>>();
        assert_eq!(named("talks in Cairo on Monday"), ["Cairo"]);
        assert_eq!(named("the meeting at the Doha venue"), ["Doha"]);
        assert!(named("flew from Cairo to Doha").is_empty());
        assert!(named("talks in Cairoville").is_empty());
        assert_eq!(
            place_parts("Cairo and Doha, Paris"),
            ["Cairo", "Doha", "Paris"]
        );
    }
}
