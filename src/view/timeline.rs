//! The timeline at the precision the data has: which nodes sit on the axis (those with a
//! date of their own, a meeting's), the span of days each date covers (a month-level
//! date is the whole month, drawn as a bar with its node in the middle), the columns of
//! undated nodes by kind, calendar ticks that stay readable at any zoom, and the steps of
//! the date filter.

use crate::layout::day_number;
use crate::model::{Model, NodeKind, PartialDate};

use super::arrangement::{LABEL_GAP, Room};

/// The days a date covers, as day numbers: its first day and the day after its last.
pub fn date_days(date: &PartialDate) -> (f64, f64) {
    let (year, month, day) = date.first_day();
    let (last_year, last_month, last_day) = date.last_day();
    (
        day_number(year, month, day),
        day_number(last_year, last_month, last_day) + 1.0,
    )
}

/// The date a node has of its own, which places it on the timeline: a meeting's date.
/// Actors, mediators and demands have none (a relation's date belongs to the relation),
/// and sit in the undated columns.
pub fn own_date(model: &Model, node: usize) -> Option<PartialDate> {
    model
        .nodes
        .get(node)?
        .meeting
        .as_ref()
        .and_then(|meeting| meeting.date)
}

/// Where days fall along the timeline: `x = origin + (day - first_day) * units_per_day`,
/// in canvas units. Days from `first_day` to `end_day` (exclusive) are the axis.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TimelineAxis {
    /// The first day of the earliest date shown.
    pub first_day: f64,
    /// The day after the last day of the latest date shown.
    pub end_day: f64,
    /// Where the first day starts, in canvas units.
    pub origin: f32,
    /// Canvas units a day takes.
    pub units_per_day: f32,
}

impl TimelineAxis {
    /// Where `day` falls (its start), in canvas units.
    pub fn x_of(&self, day: f64) -> f32 {
        self.origin + ((day - self.first_day) as f32) * self.units_per_day
    }

    /// The day at canvas position `x` (fractional).
    pub fn day_at(&self, x: f32) -> f64 {
        self.first_day + f64::from((x - self.origin) / self.units_per_day.max(f32::EPSILON))
    }

    /// The axis that nodes already placed on a timeline follow (a session restored, a
    /// step undone: places kept without arranging): read off the shown dated nodes at
    /// the earliest and the latest middle day (the median place of each, so that one
    /// node dragged aside does not bend it). `None` with fewer than two distinct dates.
    pub fn fitted(model: &Model, shown: &[bool], positions: &[[f32; 2]]) -> Option<Self> {
        let mut by_middle: std::collections::BTreeMap<i64, Vec<f32>> = Default::default();
        let (mut first_day, mut end_day) = (f64::INFINITY, f64::NEG_INFINITY);
        for (node, _) in shown.iter().enumerate().filter(|(_, shown)| **shown) {
            let (Some(date), Some(place)) = (own_date(model, node), positions.get(node)) else {
                continue;
            };
            let (first, end) = date_days(&date);
            first_day = first_day.min(first);
            end_day = end_day.max(end);
            // Middles are whole or half days: doubled, they key the map exactly.
            by_middle
                .entry((first + end) as i64)
                .or_default()
                .push(place[0]);
        }
        let median = |places: &Vec<f32>| {
            let mut sorted = places.clone();
            sorted.sort_by(f32::total_cmp);
            sorted.get(sorted.len() / 2).copied()
        };
        let (&early, early_places) = by_middle.first_key_value()?;
        let (&late, late_places) = by_middle.last_key_value()?;
        if late == early {
            return None;
        }
        let (early_x, late_x) = (median(early_places)?, median(late_places)?);
        let units_per_day = (late_x - early_x) / ((late - early) as f32 / 2.0);
        if !units_per_day.is_finite() || units_per_day <= 0.0 {
            return None;
        }
        let origin = early_x - ((early as f64 / 2.0 - first_day) as f32) * units_per_day;
        Some(Self {
            first_day,
            end_day,
            origin,
            units_per_day,
        })
    }
}

/// The timeline of the shown nodes (`slots`, model positions, with their label boxes):
/// where each sits, and the axis. Undated nodes stand in columns left of the axis, one
/// kind after another (actors, mediators, meetings, demands, entities), each column as
/// tall as the view and as wide as its widest label; within a kind in `order`. Dated
/// nodes stand at the middle of the days their date covers, the axis sharing what width
/// the columns leave (at least half the view).
pub fn timeline_places(
    model: &Model,
    slots: &[usize],
    order: &[usize],
    slot_extents: &[[f32; 4]],
    room: Room,
) -> (Vec<[f32; 2]>, Option<TimelineAxis>) {
    let tallest = slot_extents
        .iter()
        .map(|e| e[3] - e[1])
        .fold(20.0f32, f32::max);
    let row_height = tallest + LABEL_GAP * 2.0;
    let rows = ((room.size[1] / row_height).floor() as usize).max(1);
    let spans: Vec<Option<(f64, f64)>> = slots
        .iter()
        .map(|&node| own_date(model, node).map(|date| date_days(&date)))
        .collect();
    let mut placed = vec![[0.0f32; 2]; slots.len()];
    let mut right_edge = 0.0f32;
    // Undated nodes, kind by kind; each kind starts a column of its own.
    for kind in NodeKind::ALL {
        let undated: Vec<usize> = order
            .iter()
            .copied()
            .filter(|&slot| spans.get(slot).is_some_and(Option::is_none))
            .filter(|&slot| {
                slots
                    .get(slot)
                    .and_then(|&node| model.nodes.get(node))
                    .is_some_and(|node| node.kind == *kind)
            })
            .collect();
        for column in undated.chunks(rows) {
            let width = column
                .iter()
                .filter_map(|&slot| slot_extents.get(slot))
                .map(|extent| extent[2] - extent[0])
                .fold(60.0f32, f32::max)
                + 20.0;
            let x = right_edge - width / 2.0;
            for (row, &slot) in column.iter().enumerate() {
                if let Some(place) = placed.get_mut(slot) {
                    *place = [x, row as f32 * row_height];
                }
            }
            right_edge -= width;
        }
    }
    let dated = spans.iter().flatten();
    let first_day = dated
        .clone()
        .map(|span| span.0)
        .fold(f64::INFINITY, f64::min);
    let end_day = dated.map(|span| span.1).fold(f64::NEG_INFINITY, f64::max);
    if !first_day.is_finite() || !end_day.is_finite() || end_day <= first_day {
        return (placed, None);
    }
    let widest_dated = spans
        .iter()
        .zip(slot_extents)
        .filter(|(span, _)| span.is_some())
        .map(|(_, extent)| extent[2] - extent[0])
        .fold(40.0f32, f32::max);
    // The dated nodes share what width the columns leave, at least half the view.
    let width = (room.size[0] + right_edge - widest_dated).max(room.size[0] / 2.0);
    let axis = TimelineAxis {
        first_day,
        end_day,
        origin: widest_dated / 2.0 + 10.0,
        units_per_day: width / (end_day - first_day) as f32,
    };
    for (place, span) in placed.iter_mut().zip(&spans) {
        if let Some((first, end)) = span {
            *place = [axis.x_of((first + end) / 2.0), 0.0];
        }
    }
    (placed, Some(axis))
}

/// A calendar day from its day number ([`day_number`]): `(year, month, day)`.
pub fn calendar_day(day: f64) -> (u16, u8, u8) {
    let day = day.floor();
    let mut year = ((day / 365.2425).floor() as i64).clamp(1, 9999) as u16;
    while year > 1 && day_number(year, 1, 1) > day {
        year -= 1;
    }
    while year < 9999 && day_number(year + 1, 1, 1) <= day {
        year += 1;
    }
    let mut month = 1u8;
    while month < 12 && day_number(year, month + 1, 1) <= day {
        month += 1;
    }
    let date = (day - day_number(year, month, 1)) as u8 + 1;
    (year, month, date)
}

/// The unit calendar ticks step by, finest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TickStep {
    /// Every day.
    Day,
    /// Every Monday.
    Week,
    /// The first of every month.
    Month,
    /// The first of January, April, July and October.
    Quarter,
    /// The first of January.
    Year,
}

impl TickStep {
    /// About how many days one step takes.
    fn days(self) -> f64 {
        match self {
            Self::Day => 1.0,
            Self::Week => 7.0,
            Self::Month => 30.4,
            Self::Quarter => 91.3,
            Self::Year => 365.25,
        }
    }
}

/// Calendar ticks from day `from` to day `to` (inclusive), by the finest step whose ticks
/// are at least `min_gap_days` apart, or a finer one where that step leaves fewer than two
/// ticks in the range: `(day, label)`, by day. Days and weeks are labelled
/// "28 May" (with the year on the first tick and on every change of year), months and
/// quarters "May 2024", years "2024". At most a few hundred ticks whatever is asked.
pub fn calendar_ticks(from: f64, to: f64, min_gap_days: f64) -> (TickStep, Vec<(f64, String)>) {
    const STEPS: [TickStep; 5] = [
        TickStep::Day,
        TickStep::Week,
        TickStep::Month,
        TickStep::Quarter,
        TickStep::Year,
    ];
    let readable = STEPS
        .iter()
        .position(|step| step.days() >= min_gap_days)
        .unwrap_or(STEPS.len() - 1);
    // A range shorter than the readable step would show one tick or none: finer steps
    // then, down to days (the caller leaves out labels that would overlap).
    let mut chosen = (TickStep::Year, Vec::new());
    for &step in STEPS[..=readable].iter().rev() {
        chosen = ticks_by(step, from, to, min_gap_days);
        if chosen.1.len() >= 2 {
            break;
        }
    }
    chosen
}

/// Calendar ticks from day `from` to day `to` by `step` (see [`calendar_ticks`]).
fn ticks_by(
    step: TickStep,
    from: f64,
    to: f64,
    min_gap_days: f64,
) -> (TickStep, Vec<(f64, String)>) {
    let mut ticks = Vec::new();
    if !(from.is_finite() && to.is_finite()) || to < from {
        return (step, ticks);
    }
    let (first_year, first_month, _) = calendar_day(from.ceil());
    match step {
        TickStep::Day | TickStep::Week => {
            let mut day = from.ceil();
            let mut last_year = None;
            while day <= to && ticks.len() < 400 {
                // Day numbers count from 1 January of year 0, a Saturday: Mondays are 2
                // mod 7.
                if step == TickStep::Day || (day as i64).rem_euclid(7) == 2 {
                    let (year, month, date) = calendar_day(day);
                    let human = PartialDate {
                        year,
                        month: Some(month),
                        day: Some(date),
                    }
                    .human();
                    let label = match human.rsplit_once(' ') {
                        Some((head, _)) if last_year == Some(year) => head.to_owned(),
                        _ => human,
                    };
                    last_year = Some(year);
                    ticks.push((day, label));
                }
                day += 1.0;
            }
        }
        TickStep::Month | TickStep::Quarter => {
            let stride = if step == TickStep::Month { 1 } else { 3 };
            let (mut year, mut month) = (first_year, first_month);
            while ticks.len() < 400 {
                let day = day_number(year, month, 1);
                if day > to {
                    break;
                }
                if day >= from && (month - 1) % stride == 0 {
                    let label = PartialDate {
                        year,
                        month: Some(month),
                        day: None,
                    }
                    .human();
                    ticks.push((day, label));
                }
                (year, month) = if month == 12 {
                    (year.saturating_add(1), 1)
                } else {
                    (year, month + 1)
                };
                if year == 9999 && month == 12 {
                    break;
                }
            }
        }
        TickStep::Year => {
            // Coarser still where even years would crowd (centuries on a screen).
            let stride = ((min_gap_days / 365.25).ceil() as u16).max(1);
            let mut year = first_year.div_ceil(stride) * stride;
            while year <= 9999 && ticks.len() < 400 {
                let day = day_number(year, 1, 1);
                if day > to {
                    break;
                }
                if day >= from {
                    ticks.push((day, year.to_string()));
                }
                year += stride;
            }
        }
    }
    (step, ticks)
}

/// The finest precision among `dates`, and every date of that precision from the
/// earliest first day to the latest last day: the stops of the date filter's sliders.
/// Dates known to the day over more than `MOST_DAY_STOPS` days step by month instead.
pub fn date_stops(dates: &[PartialDate]) -> Vec<PartialDate> {
    use crate::model::DatePrecision;
    const MOST_DAY_STOPS: f64 = 5_000.0;
    let (Some(first), Some(last)) = (
        dates.iter().map(PartialDate::first_day).min(),
        dates.iter().map(PartialDate::last_day).max(),
    ) else {
        return Vec::new();
    };
    let finest = dates
        .iter()
        .map(PartialDate::precision)
        .max()
        .unwrap_or(DatePrecision::Year);
    let (first_day, last_day) = (
        day_number(first.0, first.1, first.2),
        day_number(last.0, last.1, last.2),
    );
    let mut stops = Vec::new();
    match finest {
        DatePrecision::Day if last_day - first_day <= MOST_DAY_STOPS => {
            let mut day = first_day;
            while day <= last_day {
                let (year, month, date) = calendar_day(day);
                stops.push(PartialDate {
                    year,
                    month: Some(month),
                    day: Some(date),
                });
                day += 1.0;
            }
        }
        DatePrecision::Day | DatePrecision::Month => {
            let (mut year, mut month) = (first.0, first.1);
            while (year, month) <= (last.0, last.1) {
                stops.push(PartialDate {
                    year,
                    month: Some(month),
                    day: None,
                });
                (year, month) = if month == 12 {
                    (year + 1, 1)
                } else {
                    (year, month + 1)
                };
            }
        }
        DatePrecision::Year => {
            for year in first.0..=last.0 {
                stops.push(PartialDate {
                    year,
                    month: None,
                    day: None,
                });
            }
        }
    }
    stops
}

/// The title over the undated columns of nodes of `kind` (left of the axis, which says
/// they have no date of their own).
pub fn undated_column_title(kind: NodeKind) -> &'static str {
    kind.plural()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> PartialDate {
        PartialDate::parse(text).unwrap()
    }

    #[test]
    fn calendar_days_invert_day_numbers() {
        for (year, month, day) in [(2024, 2, 29), (2024, 3, 1), (2023, 12, 31), (1999, 1, 1)] {
            assert_eq!(
                calendar_day(day_number(year, month, day)),
                (year, month, day)
            );
        }
    }

    #[test]
    fn a_month_covers_its_days_and_a_day_one() {
        let (first, end) = date_days(&date("2024-05"));
        assert_eq!(end - first, 31.0);
        let (first, end) = date_days(&date("2024-05-28"));
        assert_eq!(end - first, 1.0);
        assert_eq!(first, day_number(2024, 5, 28));
    }

    #[test]
    fn ticks_step_by_the_finest_unit_that_stays_readable() {
        let (from, to) = (day_number(2024, 5, 1), day_number(2024, 5, 31));
        let (step, days) = calendar_ticks(from, to, 0.8);
        assert_eq!(step, TickStep::Day);
        assert_eq!(days.len(), 31);
        assert_eq!(days[0].1, "1 May 2024");
        assert_eq!(days[1].1, "2 May");
        let (step, weeks) = calendar_ticks(from, to, 5.0);
        assert_eq!(step, TickStep::Week);
        // The Mondays of May 2024: 6, 13, 20 and 27.
        let labels: Vec<&str> = weeks.iter().map(|(_, label)| label.as_str()).collect();
        assert_eq!(labels, ["6 May 2024", "13 May", "20 May", "27 May"]);
        let (step, months) = calendar_ticks(day_number(2024, 1, 1), day_number(2024, 12, 31), 20.0);
        assert_eq!(step, TickStep::Month);
        assert_eq!(months.len(), 12);
        assert_eq!(months[4].1, "May 2024");
        let (step, years) = calendar_ticks(day_number(2000, 1, 1), day_number(2024, 12, 31), 300.0);
        assert_eq!(step, TickStep::Year);
        assert_eq!(years.len(), 25);
        // A month seen whole asks for a quarter's gap: its two ends are ticks still.
        let (step, ends) = calendar_ticks(from, day_number(2024, 6, 1), 31.0);
        assert_eq!(step, TickStep::Month);
        let labels: Vec<&str> = ends.iter().map(|(_, label)| label.as_str()).collect();
        assert_eq!(labels, ["May 2024", "June 2024"]);
        let (_, sparse) = calendar_ticks(day_number(1000, 1, 1), day_number(2024, 12, 31), 3650.0);
        assert!(
            sparse.len() <= 103 && sparse.len() >= 100,
            "{}",
            sparse.len()
        );
    }

    #[test]
    fn filter_stops_step_by_the_finest_precision() {
        let stops = date_stops(&[date("2024-05"), date("2024-05-28")]);
        assert_eq!(stops.len(), 31);
        assert_eq!(stops[0], date("2024-05-01"));
        assert_eq!(stops[30], date("2024-05-31"));
        let stops = date_stops(&[date("2023-11"), date("2024-02")]);
        let texts: Vec<String> = stops.iter().map(ToString::to_string).collect();
        assert_eq!(texts, ["2023-11", "2023-12", "2024-01", "2024-02"]);
        assert_eq!(date_stops(&[date("2020"), date("2022")]).len(), 3);
        assert!(date_stops(&[]).is_empty());
    }
}
