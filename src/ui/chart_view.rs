//! A chart (`crate::export::Chart`) drawn in the window exactly as its figure lays it out,
//! in the same face: what the window shows is what Export figure writes. Each shape that
//! stands for a relation is named for it (hover shows its words and quote) and selects it
//! on a click.

use egui::{Color32, Pos2, Rect, Sense, Stroke, Ui, Vec2};

use crate::export::{Chart, ChartShape, Shape};
use crate::view::Selection;

use super::command::Command;

fn colour([r, g, b]: crate::view::style::Rgb, opacity: f32) -> Color32 {
    Color32::from_rgba_unmultiplied(r, g, b, (opacity.clamp(0.0, 1.0) * 255.0).round() as u8)
}

/// The box around a shape, in chart pixels.
fn bounds(shape: &Shape) -> Rect {
    match shape {
        Shape::Rect { min, size, .. } => {
            Rect::from_min_size(Pos2::new(min[0], min[1]), Vec2::new(size[0], size[1]))
        }
        Shape::Circle { centre, radius } => {
            Rect::from_center_size(Pos2::new(centre[0], centre[1]), Vec2::splat(radius * 2.0))
        }
        Shape::Line { from, to } => {
            Rect::from_two_pos(Pos2::new(from[0], from[1]), Pos2::new(to[0], to[1]))
        }
    }
}

/// The shapes that draw `shape` at `offset` (dashed outlines as dashes).
fn paint(shape: &ChartShape, offset: Vec2) -> Vec<egui::Shape> {
    let fill = shape.fill.map_or(Color32::TRANSPARENT, |fill| {
        colour(fill, shape.fill_opacity)
    });
    let stroke = shape.stroke.map_or(Stroke::NONE, |(rgb, width)| {
        Stroke::new(width, colour(rgb, 1.0))
    });
    let dashes = |points: &[Pos2]| {
        egui::Shape::dashed_line(points, stroke, stroke.width * 3.0, stroke.width * 2.0)
    };
    let area = bounds(&shape.shape).translate(offset);
    match &shape.shape {
        Shape::Rect { corner, .. } if shape.dashed => {
            let mut shapes = vec![egui::Shape::rect_filled(area, *corner, fill)];
            let corners = [
                area.left_top(),
                area.right_top(),
                area.right_bottom(),
                area.left_bottom(),
                area.left_top(),
            ];
            shapes.extend(dashes(&corners));
            shapes
        }
        Shape::Rect { corner, .. } => vec![
            egui::Shape::rect_filled(area, *corner, fill),
            egui::Shape::rect_stroke(area, *corner, stroke, egui::StrokeKind::Inside),
        ],
        Shape::Circle { centre, radius } => vec![egui::Shape::Circle(egui::epaint::CircleShape {
            center: Pos2::new(centre[0], centre[1]) + offset,
            radius: *radius,
            fill,
            stroke,
        })],
        Shape::Line { from, to } => {
            let ends = [
                Pos2::new(from[0], from[1]) + offset,
                Pos2::new(to[0], to[1]) + offset,
            ];
            if shape.dashed {
                dashes(&ends)
            } else {
                vec![egui::Shape::line_segment(ends, stroke)]
            }
        }
    }
}

/// Draws `chart` at the cursor, its own size; a click on a shape that stands for a
/// relation selects it.
pub fn chart_ui(ui: &mut Ui, chart: &Chart, commands: &mut Vec<Command>) {
    let (area, _) = ui.allocate_exact_size(Vec2::new(chart.width, chart.height), Sense::hover());
    let offset = area.min.to_vec2();
    let painter = ui.painter_at(area);
    for shape in &chart.shapes {
        painter.extend(paint(shape, offset));
    }
    let text_colour = ui.visuals().text_color();
    for placed in &chart.texts {
        let text = &placed.text;
        // The chart places text by its baseline; egui by its top.
        let top = Pos2::new(text.origin[0], text.origin[1] - text.size * 0.95) + offset;
        painter.text(
            top,
            egui::Align2::LEFT_TOP,
            &text.text,
            egui::FontId::proportional(text.size),
            placed.rgb.map_or(text_colour, |rgb| colour(rgb, 1.0)),
        );
    }
    for shape in &chart.shapes {
        let (Some(edge), Some(name)) = (&shape.id, &shape.name) else {
            continue;
        };
        let hit = bounds(&shape.shape).translate(offset).expand(2.0);
        let response = ui
            .interact(hit, ui.id().with(("chart-shape", edge)), Sense::click())
            .on_hover_text(shape.tooltip.as_deref().unwrap_or(name));
        response.widget_info(|| {
            egui::WidgetInfo::labeled(egui::WidgetType::Button, true, name.as_str())
        });
        if response.clicked() {
            commands.push(Command::Select(Some(Selection::Edge(edge.clone()))));
        }
    }
}
