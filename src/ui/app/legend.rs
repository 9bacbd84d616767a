//! The legend above the graph: each kind with its shape and count, each relation with its
//! line and count, what is hidden, and the layout's name.

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
    pub(super) fn legend_ui(&self, ui: &mut Ui, commands: &mut Vec<Command>) {
        ui.horizontal(|ui| {
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
                let (rect, marker) = ui.allocate_exact_size(Vec2::splat(18.0), Sense::hover());
                paint_kind_marker(ui.painter(), *kind, rect);
                marker.on_hover_text(format!("{}: {}", kind.as_str(), kind_shape_name(*kind)));
                ui.label(format!("{} ({count})", capitalised(kind.as_str())));
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
                ui.add_space(8.0);
            }
            let visibility = self.document().canvas.visibility();
            let (hidden_nodes, hidden_edges) =
                (visibility.hidden_nodes(), visibility.hidden_edges());
            if hidden_nodes + hidden_edges > 0 {
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
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui.button("Fit to view").clicked() {
                    commands.push(Command::FitView);
                }
                ui.label(RichText::new(self.document().canvas.layout_kind().title()).weak());
            });
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
        ui.horizontal_wrapped(|ui| {
            for (relation, count) in counts {
                let style = relation_style(relation);
                let (rect, marker) = ui.allocate_exact_size(Vec2::new(26.0, 12.0), Sense::hover());
                paint_relation_marker(ui.painter(), style, rect);
                marker.on_hover_text(format!(
                    "{}: {} line, arrow from subject to object",
                    relation.words(),
                    style.dash.name()
                ));
                ui.label(format!("{} ({count})", relation.words()));
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
    }
}
