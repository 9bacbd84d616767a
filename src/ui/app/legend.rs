//! The bar above the graph: the layout's name, Fit to view and what is hidden; each kind
//! with its shape and count, each relation with its line and count.

use egui::{Color32, RichText, Sense, Ui, Vec2};

use super::BackchannelApp;
use crate::model::NodeKind;
use crate::model::capitalised;
use crate::ui::command::Command;
use crate::ui::style::{kind_shape_name, paint_kind_marker, paint_relation_marker};
use crate::view::ViewFilter;
use crate::view::colouring::ColourBy;
use crate::view::style::{relation_counts, relation_style};

impl BackchannelApp {
    /// The bar above the graph: the layout's name, Fit to view and what is hidden on one
    /// line, then the kinds and the relations, each wrapping at the graph's width so that
    /// nothing is drawn over anything at any window size.
    pub(super) fn legend_ui(&self, ui: &mut Ui, commands: &mut Vec<Command>) {
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(self.document().canvas.layout_kind().title()).weak());
            if ui.small_button("Fit to view").clicked() {
                commands.push(Command::FitView);
            }
            let visibility = self.document().canvas.visibility();
            let (hidden_nodes, hidden_edges) =
                (visibility.hidden_nodes(), visibility.hidden_edges());
            if hidden_nodes + hidden_edges > 0 {
                ui.add_space(8.0);
                ui.label(
                    RichText::new(format!(
                        "{hidden_nodes} nodes and {hidden_edges} edges hidden"
                    ))
                    .color(Color32::from_rgb(170, 60, 0)),
                );
                if ui.small_button("Show all").clicked() {
                    commands.push(Command::SetFilter(ViewFilter::default()));
                }
            }
        });
        ui.horizontal_wrapped(|ui| {
            for kind in NodeKind::ALL {
                let count = self
                    .model()
                    .nodes
                    .iter()
                    .filter(|node| node.kind == *kind)
                    .count();
                if count == 0 {
                    continue;
                }
                let (rect, marker) = legend_item(
                    ui,
                    Vec2::splat(18.0),
                    format!("{} ({count})", capitalised(kind.as_str())),
                );
                paint_kind_marker(ui.painter(), *kind, rect);
                marker.on_hover_text(format!("{}: {}", kind.as_str(), kind_shape_name(*kind)));
                ui.add_space(8.0);
            }
            if self.document().doc.colour_by != ColourBy::Kind {
                ui.label(
                    RichText::new(format!(
                        "Coloured by {}",
                        self.document().doc.colour_by.title().to_lowercase()
                    ))
                    .weak(),
                )
                .on_hover_text("The colours are listed under Filters; the shapes stay by kind.");
            }
        });
        self.relation_legend_ui(ui, commands);
    }

    /// The relations in the dataset, each with its line style and count, and the choice
    /// of writing their names along the edges.
    fn relation_legend_ui(&self, ui: &mut Ui, commands: &mut Vec<Command>) {
        let counts = relation_counts(self.model(), &[]);
        if counts.is_empty() {
            return;
        }
        let by_source = self.document().edge_colour_legend.as_ref();
        ui.horizontal_wrapped(|ui| {
            for (relation, count) in counts {
                let mut style = relation_style(relation);
                if by_source.is_some() {
                    // Coloured by who said it: the dashes alone tell the relation here.
                    style.rgb = crate::view::style::EDGE_RGB;
                }
                let (rect, marker) = legend_item(
                    ui,
                    Vec2::new(26.0, 12.0),
                    format!("{} ({count})", relation.words()),
                );
                paint_relation_marker(ui.painter(), style, rect);
                marker.on_hover_text(format!(
                    "{}: {} line, arrow from subject to object",
                    relation.words(),
                    style.dash.name()
                ));
                ui.add_space(6.0);
            }
            let mut named = self.document().canvas.relation_names();
            if ui
                .checkbox(&mut named, "Names on edges")
                .on_hover_text("Write each relation's name along its edge")
                .changed()
            {
                commands.push(Command::ShowRelationNames(named));
            }
        });
        if let Some(legend) = by_source {
            ui.horizontal_wrapped(|ui| {
                ui.label(RichText::new("Who said it:").weak());
                for entry in legend {
                    let (rect, _) = legend_item(
                        ui,
                        Vec2::new(26.0, 12.0),
                        format!("{} ({})", entry.value, entry.count),
                    );
                    let style = crate::view::style::EdgeStyle {
                        rgb: entry.rgb,
                        dash: crate::view::style::Dash::Solid,
                    };
                    paint_relation_marker(ui.painter(), style, rect);
                    ui.add_space(6.0);
                }
            });
        }
    }
}

/// One item of a wrapping legend: room for a marker of `marker_size`, then `text` on one
/// line; the item starts a new row when it would not fit whole on this one. Returns the
/// marker's rectangle (to paint in) and its response.
fn legend_item(ui: &mut Ui, marker_size: Vec2, text: String) -> (egui::Rect, egui::Response) {
    let galley = egui::WidgetText::from(text).into_galley(
        ui,
        Some(egui::TextWrapMode::Extend),
        f32::INFINITY,
        egui::TextStyle::Body,
    );
    let width = marker_size.x + ui.spacing().item_spacing.x + galley.size().x;
    let left_on_row = ui.max_rect().max.x - ui.cursor().min.x;
    if left_on_row < width && ui.cursor().min.x > ui.max_rect().min.x + 1.0 {
        ui.end_row();
    }
    let marker = ui.allocate_exact_size(marker_size, Sense::hover());
    ui.add(egui::Label::new(galley));
    marker
}
