//! Positions in the window (`crate::claims::positions`): one actor's stances along a time
//! axis, a row per thing it took a stance on (undated stances in a row of their own), each
//! mark green for, red against, clickable to its relation; shifts with both quotes side by
//! side. And the matrix of the whole dataset: actors by things, each cell the latest
//! stance and its date, the history on hover. Each can be written as a figure.

use egui::{Color32, Pos2, Rect, RichText, Sense, Stroke, Ui, Vec2};

use crate::claims::positions::{Positions, Stance, positions_of};
use crate::export::{matrix_chart, positions_chart, stance_rgb};
use crate::layout::day_number;
use crate::view::Selection;

use super::chart_export::{ChartExportState, chart_export_ui};
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

/// The two positions windows: which are open, the open actor's positions (read once per
/// model state) and each window's figure row.
#[derive(Debug)]
pub struct PositionsWindows {
    /// The actor whose positions window is open, by id.
    pub actor: Option<String>,
    /// Whether the matrix window is open.
    pub matrix: bool,
    /// The open actor's positions, with the model generation they were read at.
    cached: Option<(u64, Positions)>,
    actor_figure: ChartExportState,
    matrix_figure: ChartExportState,
}

impl Default for PositionsWindows {
    fn default() -> Self {
        Self {
            actor: None,
            matrix: false,
            cached: None,
            actor_figure: ChartExportState::new("positions.png"),
            matrix_figure: ChartExportState::new("positions-matrix.png"),
        }
    }
}

impl PositionsWindows {
    /// Shows the open windows; `generation` names the model's state, so that positions are
    /// read again only when it changes.
    pub fn ui(
        &mut self,
        ctx: &egui::Context,
        document: &Document,
        generation: u64,
        commands: &mut Vec<Command>,
    ) {
        self.actor_window_ui(ctx, document, generation, commands);
        if self.matrix {
            let mut open = true;
            matrix_window_ui(ctx, &mut open, document, &mut self.matrix_figure, commands);
            self.matrix = open;
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
            self.cached = None;
            return;
        };
        let model = &document.doc.loaded.model;
        let fresh = self
            .cached
            .as_ref()
            .is_some_and(|(at, positions)| *at == generation && positions.actor == actor);
        if !fresh {
            self.cached = positions_of(model, &actor).map(|positions| (generation, positions));
        }
        let Some((_, positions)) = &self.cached else {
            self.actor = None;
            return;
        };
        let figure = &mut self.actor_figure;
        let mut still_open = true;
        egui::Window::new(format!("Positions of {}", positions.label))
            .id(egui::Id::new("positions"))
            .open(&mut still_open)
            .default_width(720.0)
            .show(ctx, |ui| {
                if positions.stances.is_empty() {
                    ui.label("No stance: this node demands, proposes, accepts or rejects nothing.");
                    return;
                }
                timeline_ui(ui, positions, commands);
                shifts_ui(ui, positions, commands);
                chart_export_ui(ui, figure, document, |options| {
                    positions_chart(model, positions, options)
                });
            });
        if !still_open {
            self.actor = None;
        }
    }
}

/// The stances along a time axis, a row per thing.
fn timeline_ui(ui: &mut Ui, positions: &Positions, commands: &mut Vec<Command>) {
    let span = |stance: &Stance| {
        stance.date.map(|date| {
            let (y, m, d) = date.first_day();
            let (ly, lm, ld) = date.last_day();
            (day_number(y, m, d), day_number(ly, lm, ld) + 1.0)
        })
    };
    let first = positions
        .stances
        .iter()
        .filter_map(span)
        .map(|s| s.0)
        .fold(f64::INFINITY, f64::min);
    let end = positions
        .stances
        .iter()
        .filter_map(span)
        .map(|s| s.1)
        .fold(f64::NEG_INFINITY, f64::max);
    // Rows: each thing once, in order of its first stance; undated last.
    let mut rows: Vec<&str> = Vec::new();
    for stance in positions.stances.iter().filter(|s| s.date.is_some()) {
        if !rows.contains(&stance.on_label.as_str()) {
            rows.push(&stance.on_label);
        }
    }
    let undated = positions.stances.iter().any(|s| s.date.is_none());
    let row_height = 22.0;
    let label_width = 220.0;
    let count = rows.len() + usize::from(undated);
    let width = ui.available_width().max(label_width + 200.0);
    let (rect, _) = ui.allocate_exact_size(
        Vec2::new(width, row_height * count as f32 + 24.0),
        Sense::hover(),
    );
    let painter = ui.painter_at(rect);
    let axis = Rect::from_min_max(
        Pos2::new(rect.left() + label_width, rect.top() + 20.0),
        Pos2::new(rect.right() - 12.0, rect.bottom()),
    );
    let x_of = |day: f64| {
        let share = if end > first {
            ((day - first) / (end - first)) as f32
        } else {
            0.5
        };
        axis.left() + share * axis.width()
    };
    let font = egui::FontId::proportional(12.0);
    let grey = Color32::from_gray(90);
    if first.is_finite() {
        let (y, m, d) = crate::view::timeline::calendar_day(first);
        let (ly, lm, ld) = crate::view::timeline::calendar_day(end - 1.0);
        let human = |y, m, d| {
            crate::model::PartialDate {
                year: y,
                month: Some(m),
                day: Some(d),
            }
            .human()
        };
        painter.text(
            axis.left_top() - Vec2::new(0.0, 18.0),
            egui::Align2::LEFT_TOP,
            human(y, m, d),
            font.clone(),
            grey,
        );
        painter.text(
            axis.right_top() - Vec2::new(0.0, 18.0),
            egui::Align2::RIGHT_TOP,
            human(ly, lm, ld),
            font.clone(),
            grey,
        );
    }
    let row_y = |row: usize| axis.top() + row_height * (row as f32 + 0.5);
    let all_rows = rows
        .iter()
        .map(|label| (*label).to_owned())
        .chain(undated.then(|| "Undated".to_owned()));
    for (row, label) in all_rows.enumerate() {
        painter.text(
            Pos2::new(rect.left(), row_y(row)),
            egui::Align2::LEFT_CENTER,
            label,
            font.clone(),
            Color32::from_gray(30),
        );
        painter.line_segment(
            [
                Pos2::new(axis.left(), row_y(row)),
                Pos2::new(axis.right(), row_y(row)),
            ],
            Stroke::new(1.0, Color32::from_gray(225)),
        );
    }
    let mut undated_x = axis.left();
    for stance in &positions.stances {
        let (centre, bar) = match span(stance) {
            Some((from, to)) => {
                let row = rows.iter().position(|r| *r == stance.on_label).unwrap_or(0);
                let (a, b) = (x_of(from), x_of(to));
                (Pos2::new((a + b) / 2.0, row_y(row)), Some((a, b)))
            }
            None => {
                undated_x += 16.0;
                (Pos2::new(undated_x, row_y(rows.len())), None)
            }
        };
        let colour = stance_colour(stance);
        if let Some((a, b)) = bar {
            painter.rect_filled(
                Rect::from_x_y_ranges(a..=b, (centre.y - 3.0)..=(centre.y + 3.0)),
                3.0,
                colour.gamma_multiply(0.3),
            );
        }
        painter.circle_filled(centre, 6.0, colour);
        let response = ui
            .interact(
                Rect::from_center_size(centre, Vec2::splat(14.0)),
                ui.id().with(("stance", &stance.edge)),
                Sense::click(),
            )
            .on_hover_text(format!(
                "{}\n{}",
                stance_words(stance),
                stance
                    .quotes
                    .first()
                    .map(|q| format!("“{}” ({})", q.quote, q.source_line()))
                    .unwrap_or_default()
            ));
        if response.clicked() {
            commands.push(Command::Select(Some(Selection::Edge(stance.edge.clone()))));
        }
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

/// The matrix window while `open`: a row per actor or mediator, a column per thing, each
/// cell its latest stance.
fn matrix_window_ui(
    ctx: &egui::Context,
    open: &mut bool,
    document: &Document,
    figure: &mut ChartExportState,
    commands: &mut Vec<Command>,
) {
    let model = &document.doc.loaded.model;
    let matrix = &document.position_matrix;
    // Each cell by actor and thing, looked up once per grid position.
    let cells: std::collections::BTreeMap<(&str, &str), &crate::claims::positions::Cell> = matrix
        .iter()
        .map(|cell| ((cell.actor.as_str(), cell.on.as_str()), cell))
        .collect();
    egui::Window::new("Positions: who stands where")
        .id(egui::Id::new("position-matrix"))
        .open(open)
        .default_width(760.0)
        .show(ctx, |ui| {
            if matrix.is_empty() {
                ui.label("No actor demands, proposes, accepts or rejects anything here.");
                return;
            }
            let mut things: Vec<&str> = matrix.iter().map(|cell| cell.on.as_str()).collect();
            things.sort_unstable();
            things.dedup();
            let mut actors: Vec<&str> = matrix.iter().map(|cell| cell.actor.as_str()).collect();
            actors.dedup();
            egui::ScrollArea::both()
                .id_salt("position-matrix-scroll")
                .show(ui, |ui| {
                    egui::Grid::new("position-matrix-grid")
                        .striped(true)
                        .show(ui, |ui| {
                            ui.label("");
                            for thing in &things {
                                ui.label(RichText::new(model.node_label(thing)).small().strong());
                            }
                            ui.end_row();
                            for actor in &actors {
                                if ui.link(model.node_label(actor)).clicked() {
                                    commands.push(Command::Select(Some(Selection::Node(
                                        (*actor).to_owned(),
                                    ))));
                                }
                                for thing in &things {
                                    let cell = cells.get(&(*actor, *thing));
                                    match cell {
                                        Some(cell) => {
                                            let history = cell
                                                .history
                                                .iter()
                                                .map(stance_words)
                                                .collect::<Vec<_>>()
                                                .join("\n");
                                            let words = stance_words(&cell.latest);
                                            let response = ui
                                                .add(
                                                    egui::Label::new(
                                                        RichText::new(words)
                                                            .small()
                                                            .color(stance_colour(&cell.latest)),
                                                    )
                                                    .sense(Sense::click()),
                                                )
                                                .on_hover_text(history);
                                            if response.clicked() {
                                                commands.push(Command::Select(Some(
                                                    Selection::Edge(cell.latest.edge.clone()),
                                                )));
                                            }
                                        }
                                        None => {
                                            ui.label("");
                                        }
                                    }
                                }
                                ui.end_row();
                            }
                        });
                });
            chart_export_ui(ui, figure, document, |options| {
                matrix_chart(model, matrix, options)
            });
        });
}
