//! The timeline's furniture on the canvas: calendar ticks along the top that stay
//! readable at any zoom, a bar under each node whose date covers more than a day (a
//! month-level date spans its month), and a title over each column of undated nodes.

use super::*;
use crate::view::timeline::{
    TimelineAxis, calendar_ticks, date_days, own_date, undated_column_title,
};

/// Ticks are at least this far apart on screen, in points: a label fits between two.
const TICK_GAP: f32 = 90.0;

/// Height of the band along the top of the canvas that holds tick labels and titles.
const BAND: f32 = 22.0;

impl GraphCanvas {
    /// The timeline's axis: as arranged, or read off the places kept (a session, undo).
    pub(super) fn current_timeline_axis(&self, model: &Model) -> Option<TimelineAxis> {
        self.timeline_axis
            .or_else(|| TimelineAxis::fitted(model, &self.visibility.nodes, &self.positions))
    }

    /// Ticks, spans (into `spans_slot`, under the nodes) and column titles, for the view
    /// at `rect` with `(zoom, pan)` (pan relative to `rect`).
    pub(super) fn timeline_axis_ui(
        &self,
        ui: &Ui,
        model: &Model,
        rect: Rect,
        (zoom, pan): (f32, Vec2),
        spans_slot: egui::layers::ShapeIdx,
    ) {
        let painter = ui.painter_at(rect);
        let screen_x = |x: f32| rect.left() + pan.x + x * zoom;
        let screen_y = |y: f32| rect.top() + pan.y + y * zoom;
        let text_colour = Color32::from_gray(60);
        let font = FontId::proportional(13.0);
        if let Some(axis) = self.current_timeline_axis(model) {
            // Ticks over the days in view, no further than the axis goes.
            let from = axis.day_at(-pan.x / zoom);
            let to = axis.day_at((rect.width() - pan.x) / zoom);
            let min_gap_days = f64::from(TICK_GAP / (axis.units_per_day * zoom).max(1e-6));
            let (_, ticks) =
                calendar_ticks(from.max(axis.first_day), to.min(axis.end_day), min_gap_days);
            let mut right_of_last = f32::NEG_INFINITY;
            for (day, label) in ticks {
                let x = screen_x(axis.x_of(day));
                painter.line_segment(
                    [Pos2::new(x, rect.top() + BAND), Pos2::new(x, rect.bottom())],
                    Stroke::new(1.0, Color32::from_rgba_unmultiplied(0, 0, 0, 30)),
                );
                // A label that would overlap the one before is left out.
                let galley = painter.layout_no_wrap(label, font.clone(), text_colour);
                let left = x - galley.size().x / 2.0;
                if left >= right_of_last + 8.0 {
                    right_of_last = left + galley.size().x;
                    painter.galley(Pos2::new(left, rect.top() + 4.0), galley, text_colour);
                }
            }
            // Spans: a bar from the first to the last day a date covers.
            let mut bars = Vec::new();
            for (_, node) in self.display.nodes_iter() {
                let payload = node.payload();
                let Some(date) = own_date(model, payload.model_position) else {
                    continue;
                };
                let (first, end) = date_days(&date);
                if end - first <= 1.0 {
                    continue;
                }
                let y = screen_y(node.location().y);
                let span = Rect::from_x_y_ranges(
                    screen_x(axis.x_of(first))..=screen_x(axis.x_of(end)),
                    (y - 4.0)..=(y + 4.0),
                );
                let [r, g, b] = payload.fill;
                let alpha = if payload.dimmed || payload.receding {
                    25
                } else {
                    70
                };
                bars.push(Shape::rect_filled(
                    span,
                    4.0,
                    Color32::from_rgba_unmultiplied(r, g, b, alpha),
                ));
            }
            painter.set(spans_slot, Shape::Vec(bars));
        }
        // A title over each kind's columns of undated nodes, centred over them.
        let mut columns: std::collections::BTreeMap<NodeKind, (f32, f32)> = Default::default();
        for (_, node) in self.display.nodes_iter() {
            let position = node.payload().model_position;
            if own_date(model, position).is_some() {
                continue;
            }
            if let (Some(place), Some(model_node)) =
                (self.positions.get(position), model.nodes.get(position))
            {
                let span = columns
                    .entry(model_node.kind)
                    .or_insert((place[0], place[0]));
                *span = (span.0.min(place[0]), span.1.max(place[0]));
            }
        }
        let mut titles: Vec<(f32, NodeKind)> = columns
            .into_iter()
            .map(|(kind, (left, right))| (screen_x((left + right) / 2.0), kind))
            .collect();
        titles.sort_by(|a, b| a.0.total_cmp(&b.0));
        let mut right_of_last = f32::NEG_INFINITY;
        for (centre, kind) in titles {
            let galley = painter.layout_no_wrap(
                undated_column_title(kind).to_owned(),
                font.clone(),
                text_colour,
            );
            let left = centre - galley.size().x / 2.0;
            // A title that would overlap the one before is left out (at a small zoom).
            if left < right_of_last + 8.0 {
                continue;
            }
            right_of_last = left + galley.size().x;
            painter.galley(Pos2::new(left, rect.top() + 4.0), galley, text_colour);
        }
    }
}
