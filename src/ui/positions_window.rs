//! Positions in the window (`crate::claims::positions`): one actor's stances along a time
//! axis and the matrix of the whole dataset, each drawn as the chart its figure is
//! (`crate::export::positions_chart`, `matrix_chart`), every mark and cell selecting its
//! relation, with its words and quote on hover; shifts with both quotes side by side; and
//! a row that writes the chart as a figure.

use egui::{Color32, RichText, Ui};

use crate::claims::positions::{Positions, Stance, positions_of};
use crate::export::{Chart, SceneOptions, matrix_chart, positions_chart, stance_rgb};
use crate::view::Selection;

use super::chart_export::{ChartExportState, chart_export_ui};
use super::chart_view::chart_ui;
use super::command::Command;
use super::state::Document;

/// The colour of a stance: green for, red against.
fn stance_colour(stance: &Stance) -> Color32 {
    let [r, g, b] = stance_rgb(stance);
    Color32::from_rgb(r, g, b)
}

/// Words for a stance: "rejects (denied), 26 May 2024".
fn stance_words(stance: &Stance) -> String {
    format!("{}, {}", stance.action(), stance.when())
}

/// The two positions windows: which are open, what they show (read and laid out once per
/// model state) and each window's figure row.
#[derive(Debug)]
pub struct PositionsWindows {
    /// The actor whose positions window is open, by id.
    pub actor: Option<String>,
    /// Whether the matrix window is open.
    pub matrix: bool,
    /// The open actor's positions and their chart, with the model generation they were
    /// read at.
    actor_view: Option<(u64, Positions, Chart)>,
    /// The matrix's chart, with the model generation it was laid out at.
    matrix_view: Option<(u64, Chart)>,
    actor_figure: ChartExportState,
    matrix_figure: ChartExportState,
}

impl Default for PositionsWindows {
    fn default() -> Self {
        Self {
            actor: None,
            matrix: false,
            actor_view: None,
            matrix_view: None,
            actor_figure: ChartExportState::new("positions.png"),
            matrix_figure: ChartExportState::new("positions-matrix.png"),
        }
    }
}

/// How a chart is drawn in a window: no title (the window has it), no caption.
fn window_options() -> SceneOptions {
    SceneOptions::default()
}

impl PositionsWindows {
    /// Shows the open windows; `generation` names the model's state, so that positions are
    /// read and laid out again only when it changes.
    pub fn ui(
        &mut self,
        ctx: &egui::Context,
        document: &Document,
        generation: u64,
        commands: &mut Vec<Command>,
    ) {
        self.actor_window_ui(ctx, document, generation, commands);
        if self.matrix {
            self.matrix_window_ui(ctx, document, generation, commands);
        }
    }

    fn actor_window_ui(
        &mut self,
        ctx: &egui::Context,
        document: &Document,
        generation: u64,
        commands: &mut Vec<Command>,
    ) {
        let Some(actor) = self.actor.clone() else {
            self.actor_view = None;
            return;
        };
        let model = &document.doc.loaded.model;
        let fresh = self
            .actor_view
            .as_ref()
            .is_some_and(|(at, positions, _)| *at == generation && positions.actor == actor);
        if !fresh {
            self.actor_view = positions_of(model, &actor).map(|positions| {
                let chart = positions_chart(model, &positions, &window_options()).untitled();
                (generation, positions, chart)
            });
        }
        let Some((_, positions, chart)) = &self.actor_view else {
            self.actor = None;
            return;
        };
        let figure = &mut self.actor_figure;
        let mut still_open = true;
        egui::Window::new(format!("Positions of {}", positions.label))
            .id(egui::Id::new("positions"))
            .open(&mut still_open)
            .default_width(chart.width.min(1400.0) + 24.0)
            .show(ctx, |ui| {
                if positions.stances.is_empty() {
                    ui.label(crate::export::NO_STANCE);
                    return;
                }
                egui::ScrollArea::both()
                    .id_salt("positions-chart")
                    .max_height(480.0)
                    .show(ui, |ui| chart_ui(ui, chart, commands));
                shifts_ui(ui, positions, commands);
                chart_export_ui(ui, figure, document, |options| {
                    positions_chart(model, positions, options)
                });
            });
        if !still_open {
            self.actor = None;
        }
    }

    /// The matrix window: a row per thing, a column per actor or mediator, each cell its
    /// latest stance.
    fn matrix_window_ui(
        &mut self,
        ctx: &egui::Context,
        document: &Document,
        generation: u64,
        commands: &mut Vec<Command>,
    ) {
        let model = &document.doc.loaded.model;
        let matrix = &document.position_matrix;
        if self
            .matrix_view
            .as_ref()
            .is_none_or(|(at, _)| *at != generation)
        {
            let chart = matrix_chart(model, matrix, &window_options()).untitled();
            self.matrix_view = Some((generation, chart));
        }
        let Some((_, chart)) = &self.matrix_view else {
            return;
        };
        let figure = &mut self.matrix_figure;
        let mut open = true;
        egui::Window::new("Positions: who stands where")
            .id(egui::Id::new("position-matrix"))
            .open(&mut open)
            .default_width(chart.width.min(1400.0) + 24.0)
            .show(ctx, |ui| {
                if matrix.is_empty() {
                    ui.label(crate::export::NO_MATRIX);
                    return;
                }
                egui::ScrollArea::both()
                    .id_salt("position-matrix-scroll")
                    .max_height(560.0)
                    .show(ui, |ui| chart_ui(ui, chart, commands));
                chart_export_ui(ui, figure, document, |options| {
                    matrix_chart(model, matrix, options)
                });
            });
        self.matrix = open;
    }
}

/// Each shift with its two stances' quotes side by side.
fn shifts_ui(ui: &mut Ui, positions: &Positions, commands: &mut Vec<Command>) {
    if positions.shifts.is_empty() {
        ui.label(RichText::new("No shift of stance.").weak());
        return;
    }
    for shift in &positions.shifts {
        ui.separator();
        ui.label(RichText::new(format!("Shift on {}", shift.from.on_label)).strong());
        ui.columns(2, |columns| {
            for (column, stance) in columns.iter_mut().zip([&shift.from, &shift.to]) {
                column.horizontal_wrapped(|ui| {
                    ui.label(RichText::new(stance_words(stance)).color(stance_colour(stance)));
                    if ui.link("Select").clicked() {
                        commands.push(Command::Select(Some(Selection::Edge(stance.edge.clone()))));
                    }
                });
                super::conflicts_window::quotes_ui(column, &stance.quotes);
            }
        });
    }
}
