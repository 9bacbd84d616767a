//! How kinds look: one colour and one shape per node kind, shared by the graph, the legend
//! and the details panel so they always agree.

use egui::epaint::{CircleShape, PathShape, RectShape};
use egui::{Color32, CornerRadius, Painter, Pos2, Rect, Shape, Stroke, StrokeKind, Vec2};

use crate::model::NodeKind;

/// The fill colour of a node kind (colour-blind-safe hues from the Okabe-Ito palette).
pub fn kind_color(kind: NodeKind) -> Color32 {
    match kind {
        NodeKind::Actor => Color32::from_rgb(0, 114, 178),
        NodeKind::Mediator => Color32::from_rgb(0, 158, 115),
        NodeKind::Meeting => Color32::from_rgb(230, 159, 0),
        NodeKind::Demand => Color32::from_rgb(204, 121, 167),
    }
}

/// The name of a kind's shape, for the legend and accessibility.
pub fn kind_shape_name(kind: NodeKind) -> &'static str {
    match kind {
        NodeKind::Actor => "circle",
        NodeKind::Mediator => "diamond",
        NodeKind::Meeting => "square",
        NodeKind::Demand => "triangle",
    }
}

/// The shapes that draw a node of `kind` centred on `center`, fitting in a circle of
/// `radius`.
pub fn kind_shapes(kind: NodeKind, center: Pos2, radius: f32, stroke: Stroke) -> Shape {
    let fill = kind_color(kind);
    match kind {
        NodeKind::Actor => CircleShape {
            center,
            radius,
            fill,
            stroke,
        }
        .into(),
        NodeKind::Mediator => PathShape::convex_polygon(
            vec![
                center + Vec2::new(0.0, -radius * 1.15),
                center + Vec2::new(radius * 1.15, 0.0),
                center + Vec2::new(0.0, radius * 1.15),
                center + Vec2::new(-radius * 1.15, 0.0),
            ],
            fill,
            stroke,
        )
        .into(),
        NodeKind::Meeting => RectShape::new(
            Rect::from_center_size(center, Vec2::splat(radius * 1.7)),
            CornerRadius::same(2),
            fill,
            stroke,
            StrokeKind::Middle,
        )
        .into(),
        NodeKind::Demand => PathShape::convex_polygon(
            vec![
                center + Vec2::new(0.0, -radius * 1.2),
                center + Vec2::new(radius * 1.1, radius * 0.75),
                center + Vec2::new(-radius * 1.1, radius * 0.75),
            ],
            fill,
            stroke,
        )
        .into(),
    }
}

/// Paints a small kind marker (legend, lists) in `rect`.
pub fn paint_kind_marker(painter: &Painter, kind: NodeKind, rect: Rect) {
    let radius = rect.height().min(rect.width()) * 0.38;
    painter.add(kind_shapes(
        kind,
        rect.center(),
        radius,
        Stroke::new(1.0, Color32::from_gray(60)),
    ));
}

/// The background colour that marks a quote inside its sentence.
pub const QUOTE_HIGHLIGHT: Color32 = Color32::from_rgb(255, 236, 140);

/// Chars `from..to` of `text` as a wrapped paragraph with chars `start..end` (clamped
/// into it) highlighted: how the evidence panel and the reader show a quote.
pub fn highlighted_text(
    ui: &egui::Ui,
    text: &crate::model::ArticleText,
    (from, to): (usize, usize),
    (start, end): (usize, usize),
) -> egui::text::LayoutJob {
    let to = to.min(text.char_len());
    let from = from.min(to);
    let end = end.clamp(from, to);
    let start = start.clamp(from, end);
    let body = egui::FontId::proportional(15.0);
    let plain = egui::TextFormat {
        font_id: body.clone(),
        color: ui.visuals().text_color(),
        ..Default::default()
    };
    let highlighted = egui::TextFormat {
        font_id: body,
        color: Color32::BLACK,
        background: QUOTE_HIGHLIGHT,
        ..Default::default()
    };
    let mut job = egui::text::LayoutJob::default();
    job.wrap.max_width = ui.available_width();
    job.append(text.slice(from, start).unwrap_or(""), 0.0, plain.clone());
    job.append(text.slice(start, end).unwrap_or(""), 0.0, highlighted);
    job.append(text.slice(end, to).unwrap_or(""), 0.0, plain);
    job
}
