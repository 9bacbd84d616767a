//! Positions over time: what each actor demanded, proposed, offered, supported, accepted,
//! opposed or rejected, and when; a change of stance on the same thing is a shift; and
//! for the whole dataset the latest stance of each actor on each thing.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::model::{Edge, Modality, Model, NodeKind, PartialDate, Relation};

use super::conflicts::Quote;

/// The relations that state a position on something.
const STANCES: [Relation; 7] = [
    Relation::Demands,
    Relation::Proposes,
    Relation::Offers,
    Relation::Supports,
    Relation::Accepts,
    Relation::Opposes,
    Relation::Rejects,
];

/// One position an actor took, with when and where it was reported.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Stance {
    /// The edge that states it.
    pub edge: String,
    /// The actor.
    pub actor: String,
    /// What the position is on (a demand, a proposal, a deal), by id.
    pub on: String,
    /// Its label.
    pub on_label: String,
    /// The relation: demands, accepts, rejects…
    pub relation: Relation,
    /// How firmly it is stated.
    pub modality: Modality,
    /// For (`true`: demands, proposes, offers, supports, accepts) or against (opposes,
    /// rejects); a negated or denied stance counts the other way.
    pub in_favour: bool,
    /// When: the relation's date, else its earliest article's; `None` when undated.
    pub date: Option<PartialDate>,
    /// The passages it rests on.
    pub quotes: Vec<Quote>,
}

impl Stance {
    /// What the stance does, with its modality when not asserted: "rejects (denied)".
    pub fn action(&self) -> String {
        let how = match self.modality {
            Modality::Asserted => String::new(),
            other => format!(" ({})", other.as_str()),
        };
        format!("{}{how}", self.relation.as_str().replace('_', " "))
    }

    /// Its date for people, or "undated".
    pub fn when(&self) -> String {
        self.date
            .map_or_else(|| "undated".to_owned(), |date| date.human())
    }
}

/// A change of stance on the same thing: for, then against, or the reverse.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Shift {
    /// The stance before.
    pub from: Stance,
    /// The stance after.
    pub to: Stance,
}

/// An actor's positions, earliest first (undated last), and its shifts.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Positions {
    /// The actor, by id.
    pub actor: String,
    /// Its label.
    pub label: String,
    /// Every stance it took.
    pub stances: Vec<Stance>,
    /// Every change of stance on the same thing, between two dated stances.
    pub shifts: Vec<Shift>,
}

fn stance_of(model: &Model, edge: &Edge) -> Option<Stance> {
    if !STANCES.contains(&edge.relation) || edge.modality == Modality::Hypothetical {
        return None;
    }
    let target = model
        .node_position(&edge.target)
        .and_then(|position| model.nodes.get(position))?;
    let favour = !matches!(edge.relation, Relation::Opposes | Relation::Rejects);
    let flipped = matches!(edge.modality, Modality::Negated | Modality::Denied);
    let date = super::events::event_date(model, edge).map(|(date, _)| date);
    Some(Stance {
        edge: edge.id.clone(),
        actor: edge.source.clone(),
        on: target.id.clone(),
        on_label: target.label.clone(),
        relation: edge.relation,
        modality: edge.modality,
        in_favour: favour != flipped,
        date,
        quotes: super::conflicts::quotes(model, &edge.evidence, edge.attributed_to.as_deref()),
    })
}

/// Earliest first by first day, then by last day (a month before a day in it ends
/// later), undated last; ties by edge id.
fn by_time(a: &Stance, b: &Stance) -> std::cmp::Ordering {
    let key = |s: &Stance| s.date.map(|d| (d.first_day(), d.last_day()));
    match (key(a), key(b)) {
        (Some(x), Some(y)) => x.cmp(&y),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    }
    .then_with(|| a.edge.cmp(&b.edge))
}

/// The positions of the actor with id `actor`; `None` when no node has that id.
pub fn positions_of(model: &Model, actor: &str) -> Option<Positions> {
    let node = model
        .node_position(actor)
        .and_then(|position| model.nodes.get(position))?;
    let mut stances: Vec<Stance> = model
        .edges
        .iter()
        .filter(|edge| edge.source == actor)
        .filter_map(|edge| stance_of(model, edge))
        .collect();
    stances.sort_by(by_time);
    // Shifts: consecutive dated stances on the same thing that change sides, the later
    // one dated after the earlier one's last day.
    let mut by_thing: BTreeMap<&str, Vec<&Stance>> = BTreeMap::new();
    for stance in &stances {
        by_thing.entry(stance.on.as_str()).or_default().push(stance);
    }
    let mut shifts = Vec::new();
    for (_, on_it) in by_thing {
        for pair in on_it.windows(2) {
            let [before, after] = pair else { continue };
            let later = match (before.date, after.date) {
                (Some(a), Some(b)) => b.first_day() > a.last_day(),
                _ => false,
            };
            if later && before.in_favour != after.in_favour {
                shifts.push(Shift {
                    from: (*before).clone(),
                    to: (*after).clone(),
                });
            }
        }
    }
    Some(Positions {
        actor: node.id.clone(),
        label: node.label.clone(),
        stances,
        shifts,
    })
}

/// One cell of the matrix: an actor's latest stance on one thing, and every stance it
/// took on it, earliest first.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cell {
    /// The actor, by id.
    pub actor: String,
    /// What the stance is on, by id.
    pub on: String,
    /// The latest stance (the last dated one; the last undated where none is dated).
    pub latest: Stance,
    /// Every stance, earliest first.
    pub history: Vec<Stance>,
}

/// The matrix of the whole dataset: for every actor or mediator and every thing it took a
/// stance on, the latest stance; by actor id, then by what it is on.
pub fn position_matrix(model: &Model) -> Vec<Cell> {
    let mut cells: BTreeMap<(String, String), Vec<Stance>> = BTreeMap::new();
    for edge in &model.edges {
        let Some(stance) = stance_of(model, edge) else {
            continue;
        };
        let is_party = model
            .node_position(&edge.source)
            .and_then(|position| model.nodes.get(position))
            .is_some_and(|node| matches!(node.kind, NodeKind::Actor | NodeKind::Mediator));
        if is_party {
            cells
                .entry((stance.actor.clone(), stance.on.clone()))
                .or_default()
                .push(stance);
        }
    }
    cells
        .into_iter()
        .filter_map(|((actor, on), mut history)| {
            history.sort_by(by_time);
            let latest = history
                .iter()
                .rev()
                .find(|stance| stance.date.is_some())
                .or(history.last())?
                .clone();
            Some(Cell {
                actor,
                on,
                latest,
                history,
            })
        })
        .collect()
}
