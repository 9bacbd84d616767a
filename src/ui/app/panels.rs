//! The panels around the graph: the status bar, the sidebar (entities, filters,
//! measures) and the details panel, each side panel bounded by the window's width so
//! that the graph keeps its room, collapsible, and remembered.

use egui::Ui;

use super::BackchannelApp;
use crate::ui::command::Command;
use crate::ui::details::details_ui;
use crate::ui::preferences::PanelsShown;
use crate::ui::sidebar::sidebar_ui;

impl BackchannelApp {
    /// The status bar, the sidebar and the details panel.
    pub(super) fn side_panels_ui(&mut self, ui: &mut Ui, commands: &mut Vec<Command>) {
        egui::Panel::bottom("status").show(ui, |ui| {
            self.loading_ui(ui);
            ui.horizontal(|ui| {
                ui.label(&self.status);
                if !self.document.warnings().is_empty() && ui.link("show warnings").clicked() {
                    self.show_warnings = true;
                }
            });
        });
        let widths = PanelWidths::for_window(ui.max_rect().width());
        let mut shown = self.preferences.panels();
        egui::Panel::left("sidebar")
            .default_size(widths.sidebar_default)
            .size_range(widths.sidebar_min..=widths.sidebar_max)
            .resizable(true)
            .show_collapsible(ui, &mut shown.sidebar, |ui| {
                let selection = self.document.doc.selection.clone();
                sidebar_ui(
                    ui,
                    &mut self.sidebar,
                    &mut self.document,
                    selection.as_ref(),
                    commands,
                );
            });
        egui::Panel::right("details")
            .default_size(widths.details_default)
            .size_range(widths.details_min..=widths.details_max)
            .resizable(true)
            .show_collapsible(ui, &mut shown.details, |ui| {
                egui::ScrollArea::vertical()
                    .auto_shrink([false, false])
                    .show(ui, |ui| {
                        self.paths_ui(ui, commands);
                        details_ui(
                            ui,
                            &self.document,
                            self.document.doc.selection.as_ref(),
                            commands,
                        );
                    });
            });
        self.set_panels_shown(shown);
    }

    /// Shows or hides the side panels, and remembers it for the next run.
    pub(super) fn set_panels_shown(&mut self, shown: PanelsShown) {
        if let Err(error) = self.preferences.set_panels(shown) {
            self.status = format!("Could not remember which panels are shown: {error}");
        }
    }
}

/// The side panels' widths for a window `width` points wide: each with a default, a
/// minimum and a maximum, so that the graph between them keeps at least
/// [`GRAPH_SHARE`] of the window however the panels are dragged or filled.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct PanelWidths {
    sidebar_default: f32,
    sidebar_min: f32,
    sidebar_max: f32,
    details_default: f32,
    details_min: f32,
    details_max: f32,
}

/// The least share of the window's width the graph keeps beside the side panels.
pub const GRAPH_SHARE: f32 = 0.45;

impl PanelWidths {
    /// The widths for a window `width` points wide.
    pub(crate) fn for_window(width: f32) -> Self {
        // What the panels may take together, split 2 : 3 between the sidebar and the
        // details (which hold quotes).
        let panels = width * (1.0 - GRAPH_SHARE);
        let sidebar_max = (panels * 0.4).clamp(140.0, 420.0);
        let details_max = (panels * 0.6).clamp(200.0, 640.0);
        Self {
            sidebar_default: sidebar_max.min(260.0),
            sidebar_min: sidebar_max.min(160.0),
            sidebar_max,
            details_default: details_max.min(400.0),
            details_min: details_max.min(240.0),
            details_max,
        }
    }
}
