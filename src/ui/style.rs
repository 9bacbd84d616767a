//! How kinds look: one colour and one shape per node kind, shared by the graph, the legend
//! and the details panel so they always agree.

use egui::epaint::{CircleShape, PathShape};
use egui::{Color32, Painter, Pos2, Rect, Shape, Stroke, Vec2};

use crate::model::NodeKind;
pub use crate::view::style::kind_shape_name;
use crate::view::style::{EdgeStyle, Outline, Rgb, kind_outline, kind_rgb};

/// The fill colour of a node kind, as egui draws it.
pub fn kind_color(kind: NodeKind) -> Color32 {
    rgb(kind_rgb(kind))
}

/// An sRGB triple as an egui colour.
pub fn rgb([r, g, b]: Rgb) -> Color32 {
    Color32::from_rgb(r, g, b)
}

/// The shapes that draw a node of `kind` centred on `center`, fitting in a circle of
/// `radius` (screen points), from the shared outline, filled with `fill`.
pub fn kind_shapes(
    kind: NodeKind,
    center: Pos2,
    radius: f32,
    fill: Color32,
    stroke: Stroke,
) -> Shape {
    match kind_outline(kind, radius) {
        Outline::Circle(radius) if is_thin_opaque_outline(fill, stroke) => {
            // The same picture as a disc with its outline drawn outside it, but egui draws
            // a filled disc as one pre-rasterised quad, where an outline is a feathered
            // ring of many triangles: at thousands of nodes that is most of a frame.
            Shape::Vec(vec![
                CircleShape::filled(center, radius + stroke.width, stroke.color).into(),
                CircleShape::filled(center, radius, fill).into(),
            ])
        }
        Outline::Circle(radius) => CircleShape {
            center,
            radius,
            fill,
            stroke,
        }
        .into(),
        Outline::Polygon(points) => PathShape::convex_polygon(
            points
                .into_iter()
                .map(|[x, y]| center + Vec2::new(x, y))
                .collect(),
            fill,
            stroke,
        )
        .into(),
    }
}

/// Whether a node outlined with `stroke` can be drawn as a darker disc under its fill:
/// only when both are opaque (the outline would show through a translucent fill) and the
/// outline is thin (a wide one is drawn as a ring either way).
fn is_thin_opaque_outline(fill: Color32, stroke: Stroke) -> bool {
    stroke.width > 0.0 && stroke.width <= 1.0 && fill.is_opaque() && stroke.color.is_opaque()
}

/// Paints a small kind marker (legend, lists) in `rect`.
pub fn paint_kind_marker(painter: &Painter, kind: NodeKind, rect: Rect) {
    let radius = rect.height().min(rect.width()) * 0.38;
    painter.add(kind_shapes(
        kind,
        rect.center(),
        radius,
        kind_color(kind),
        Stroke::new(1.0, Color32::from_gray(60)),
    ));
}

/// The shapes of a line through `points` of `width`, in `style`'s colour and dashes.
pub fn styled_line(points: &[Pos2], width: f32, style: EdgeStyle) -> Vec<Shape> {
    let stroke = Stroke::new(width, rgb(style.rgb));
    match style.dash.pattern(width) {
        Some([dash, gap]) => Shape::dashed_line(points, stroke, dash, gap),
        None => vec![Shape::line(points.to_vec(), stroke)],
    }
}

/// Paints a relation's legend marker in `rect`: a short arrow in its colour and dashes.
pub fn paint_relation_marker(painter: &Painter, style: EdgeStyle, rect: Rect) {
    let (left, right) = (
        rect.left_center(),
        rect.right_center() - Vec2::new(5.0, 0.0),
    );
    painter.extend(styled_line(&[left, right], 2.0, style));
    let tip = rect.right_center();
    painter.add(PathShape::convex_polygon(
        vec![tip, tip + Vec2::new(-6.0, -3.5), tip + Vec2::new(-6.0, 3.5)],
        rgb(style.rgb),
        Stroke::NONE,
    ));
}

/// Paints a colour swatch (legend of an attribute's values) in `rect`.
pub fn paint_swatch(painter: &Painter, fill: Rgb, rect: Rect) {
    let radius = rect.height().min(rect.width()) * 0.38;
    painter.circle(
        rect.center(),
        radius,
        rgb(fill),
        Stroke::new(1.0, Color32::from_gray(60)),
    );
}

/// The outcome of a window's last action: green when it worked, red when it did not.
pub fn outcome_label(ui: &mut egui::Ui, outcome: Option<&(bool, String)>) {
    if let Some((ok, message)) = outcome {
        let color = if *ok {
            Color32::from_rgb(0, 110, 40)
        } else {
            Color32::from_rgb(190, 30, 30)
        };
        ui.label(egui::RichText::new(message).color(color));
    }
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
