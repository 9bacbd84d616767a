//! The Conflicts window: every conflict the dataset holds (`crate::claims`), each with its
//! reports side by side, each report's quotes with outlet, date and attribution, and a
//! link that selects the element on the graph.

use egui::{RichText, Ui};

use crate::claims::{Conflict, Report};
use crate::model::Model;
use crate::view::Selection;

use super::command::Command;
use super::state::Document;

/// Shows the window while `open`; clicking a report's element selects it.
pub fn conflicts_window_ui(
    ctx: &egui::Context,
    open: &mut bool,
    document: &Document,
    commands: &mut Vec<Command>,
) {
    let conflicts = &document.conflicts;
    let model = &document.doc.loaded.model;
    egui::Window::new(format!("Conflicts ({})", conflicts.len()))
        .id(egui::Id::new("conflicts"))
        .open(open)
        .default_width(760.0)
        .show(ctx, |ui| {
            if conflicts.is_empty() {
                ui.label("No report here contradicts another.");
                return;
            }
            ui.label(
                RichText::new(
                    "Reports that cannot all be true, found in the data (docs/claims.md). \
                     Contested relations are marked ! on the graph.",
                )
                .weak(),
            );
            egui::ScrollArea::vertical()
                .id_salt("conflicts-list")
                .max_height(ctx.content_rect().height() * 0.6)
                .auto_shrink([false, true])
                .show(ui, |ui| {
                    for conflict in conflicts {
                        conflict_ui(ui, model, conflict, commands);
                        ui.separator();
                    }
                });
        });
}

fn conflict_ui(ui: &mut Ui, model: &Model, conflict: &Conflict, commands: &mut Vec<Command>) {
    ui.label(RichText::new(format!("{}: {}", conflict.kind.title(), conflict.about)).strong());
    let columns = conflict.reports.len().clamp(1, 3);
    ui.columns(columns, |columns| {
        for (index, report) in conflict.reports.iter().enumerate() {
            if let Some(column) = columns.get_mut(index % columns.len().max(1)) {
                report_ui(column, model, report, commands);
            }
        }
    });
}

fn report_ui(ui: &mut Ui, model: &Model, report: &Report, commands: &mut Vec<Command>) {
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(&report.says).strong());
        let selection = if model.edge_position(&report.element).is_some() {
            Selection::Edge(report.element.clone())
        } else {
            Selection::Node(report.element.clone())
        };
        if ui
            .link("Select")
            .on_hover_text(format!("Select {} on the graph", report.element))
            .clicked()
        {
            commands.push(Command::Select(Some(selection)));
        }
    });
    quotes_ui(ui, &report.quotes);
}

/// Each quote under its source line (outlet, date, attribution), in italics.
pub(super) fn quotes_ui(ui: &mut Ui, quotes: &[crate::claims::Quote]) {
    for quote in quotes {
        ui.label(RichText::new(quote.source_line()).small());
        ui.label(RichText::new(format!("“{}”", quote.quote)).italics());
    }
}
