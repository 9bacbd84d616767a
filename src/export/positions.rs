//! Positions as figures (`crate::claims::positions`): an actor's stances along a time
//! axis, a row per thing it took a stance on, and the matrix of the whole dataset, a row
//! per thing and a column per actor, each cell the latest stance. Both with a title, a
//! legend and a caption of the articles behind the stances shown, like graph figures.

use super::chart::{Chart, ChartShape, ChartText, Shape};
use super::font::text_size;
use super::legend::{LegendFlow, place_caption, wrap};
use super::scene::{MARGIN, MIN_WIDTH, SMALL_SIZE, SceneOptions, SceneText, TITLE_SIZE};
use crate::claims::positions::{Cell, Positions, Stance};
use crate::model::{Modality, Model};
use crate::view::style::{Rgb, STANCE_AGAINST_RGB, STANCE_FOR_RGB};
use crate::view::timeline::{calendar_ticks, date_days};

/// The widest a row's label may be before it wraps.
const ROW_LABEL_WIDTH: f32 = 260.0;
/// Width of the time axis.
const PLOT_WIDTH: f32 = 720.0;
/// Radius of a stance's mark.
const MARK_RADIUS: f32 = 6.0;
/// Height of one lane of marks in a row (marks that would overlap take the next lane).
const LANE_HEIGHT: f32 = 18.0;
/// Width of a matrix column.
const CELL_WIDTH: f32 = 124.0;
/// Font size of the text in a matrix cell.
const CELL_TEXT_SIZE: f32 = 11.0;
/// Light grey of grid lines.
const GRID_RGB: Rgb = [215, 215, 215];
/// Grey of marks in the legend that stand for any colour.
const NEUTRAL_RGB: Rgb = [110, 110, 110];
/// Dark text on light cells, whatever the background.
const CELL_TEXT_RGB: Rgb = [25, 25, 25];
/// White, inside hollow marks.
const WHITE: Rgb = [255, 255, 255];

/// Draws a legend entry's marker at the centre it is given.
type Marker = Box<dyn Fn([f32; 2]) -> ChartShape>;

/// The colour of a stance: green for, red against.
pub fn stance_rgb(stance: &Stance) -> Rgb {
    if stance.in_favour {
        STANCE_FOR_RGB
    } else {
        STANCE_AGAINST_RGB
    }
}

/// `rgb` mixed with white, `share` of white (0 to 1).
fn tint(rgb: Rgb, share: f32) -> Rgb {
    rgb.map(|channel| (f32::from(channel) * (1.0 - share) + 255.0 * share).round() as u8)
}

/// A stance in words: "Hamas rejects Temporary ceasefire only, 26 May 2024".
fn stance_summary(model: &Model, stance: &Stance) -> String {
    format!(
        "{} {} {}, {}",
        model.node_label(&stance.actor),
        stance.action(),
        stance.on_label,
        stance.when()
    )
}

/// What a stance's mark or cell says on hover: its summary, then its first quote and
/// where it is from.
fn stance_tooltip(model: &Model, stance: &Stance) -> String {
    let mut words = stance_summary(model, stance);
    if let Some(quote) = stance.quotes.first() {
        words.push_str(&format!("\n“{}” ({})", quote.quote, quote.source_line()));
    }
    words
}

/// An empty chart at least `content_width` wide (and as wide as its title needs), with
/// the title `options` give (else `default`) placed at its top centre.
fn framed_chart(options: &SceneOptions, default: String, content_width: f32) -> Chart {
    let text = options
        .title
        .clone()
        .filter(|title| !title.trim().is_empty())
        .unwrap_or(default);
    let size = text_size(&text, TITLE_SIZE);
    let width = content_width.max(MIN_WIDTH).max(size[0] + 2.0 * MARGIN);
    let title = SceneText {
        text,
        origin: [
            ((width - size[0]) / 2.0).max(MARGIN),
            MARGIN + TITLE_SIZE * 0.9,
        ],
        size: TITLE_SIZE,
    };
    Chart {
        width,
        height: 0.0,
        background: options.background,
        title: Some(title),
        shapes: Vec::new(),
        texts: Vec::new(),
        caption: Vec::new(),
        display_width: None,
        title_height: size[1] + 12.0,
    }
}

/// Lines of text from `top` down, `line_height` apart, at `x`.
fn text_lines(
    class: &'static str,
    lines: &[String],
    [x, top]: [f32; 2],
    size: f32,
    rgb: Option<Rgb>,
) -> Vec<ChartText> {
    let line_height = size * 1.3;
    lines
        .iter()
        .enumerate()
        .map(|(at, line)| ChartText {
            class,
            text: SceneText {
                text: line.clone(),
                origin: [x, top + line_height * at as f32 + size],
                size,
            },
            rgb,
        })
        .collect()
}

/// The width of the row labels' column: the widest label, at most [`ROW_LABEL_WIDTH`].
fn label_column(labels: &[&str]) -> f32 {
    labels
        .iter()
        .map(|label| text_size(label, SMALL_SIZE)[0])
        .fold(60.0, f32::max)
        .min(ROW_LABEL_WIDTH)
}

/// The legend below a chart from `y`, its entries flowing left to right: each a shape
/// (placed by the function given the marker's centre) and its words. Returns where it
/// ends.
fn place_chart_legend(chart: &mut Chart, y: f32, entries: Vec<(String, Marker)>) -> f32 {
    let mut flow = LegendFlow {
        x: MARGIN,
        y: y + SMALL_SIZE,
        right: chart.width - MARGIN,
        line_height: SMALL_SIZE * 1.5,
    };
    for (words, marker) in entries {
        let (centre, text) = flow.place(words);
        chart.shapes.push(marker(centre));
        chart.texts.push(ChartText {
            class: "legend",
            text,
            rgb: None,
        });
    }
    flow.y
}

/// What an actor's chart says when it has no stance.
pub const NO_STANCE: &str = "No stance: this node demands, proposes, accepts or rejects nothing.";
/// What the matrix says when no actor took a stance.
pub const NO_MATRIX: &str = "No actor demands, proposes, accepts or rejects anything here.";

/// A line of text saying why a chart is empty, from `y` down; where it ends.
fn note_line(chart: &mut Chart, words: &str, y: f32) -> f32 {
    chart.texts.push(ChartText {
        class: "note",
        text: SceneText {
            text: words.to_owned(),
            origin: [MARGIN, y + SMALL_SIZE],
            size: SMALL_SIZE,
        },
        rgb: None,
    });
    y + SMALL_SIZE * 2.0
}

/// A dot of `rgb` at `centre`: filled, or hollow (white inside a thicker ring).
fn dot(class: &'static str, rgb: Rgb, hollow: bool, centre: [f32; 2]) -> ChartShape {
    ChartShape {
        class,
        id: None,
        shape: Shape::Circle {
            centre,
            radius: MARK_RADIUS,
        },
        fill: Some(if hollow { WHITE } else { rgb }),
        stroke: Some((rgb, if hollow { 2.0 } else { 1.0 })),
        dashed: false,
        fill_opacity: 1.0,
        name: None,
        tooltip: None,
    }
}

/// A stance's mark: filled when stated as fact, hollow when expected, negated or denied.
fn stance_mark(model: &Model, stance: &Stance, centre: [f32; 2]) -> ChartShape {
    let hollow = stance.modality != Modality::Asserted;
    ChartShape {
        id: Some(stance.edge.clone()),
        name: Some(stance_summary(model, stance)),
        tooltip: Some(stance_tooltip(model, stance)),
        ..dot("stance", stance_rgb(stance), hollow, centre)
    }
}

/// The legend entries every positions figure has: for, against, not stated as fact.
fn stance_legend() -> Vec<(String, Marker)> {
    let dot = |rgb: Rgb, hollow: bool| -> Marker {
        Box::new(move |centre| dot("legend-marker", rgb, hollow, centre))
    };
    vec![
        (
            "for: demands, proposes, offers, supports, accepts".to_owned(),
            dot(STANCE_FOR_RGB, false),
        ),
        (
            "against: opposes, rejects".to_owned(),
            dot(STANCE_AGAINST_RGB, false),
        ),
        (
            "hollow: expected, negated or denied (negated and denied count the other way)"
                .to_owned(),
            dot(NEUTRAL_RGB, true),
        ),
    ]
}

/// Ends the chart at `y`: the caption of the articles behind `edges` when asked, and the
/// height.
fn finish(chart: &mut Chart, model: &Model, edges: &[&str], mut y: f32, caption: bool) {
    if caption {
        let edges: std::collections::BTreeSet<&str> = edges.iter().copied().collect();
        let shown: Vec<bool> = model
            .edges
            .iter()
            .map(|edge| edges.contains(edge.id.as_str()))
            .collect();
        (chart.caption, y) = place_caption(model, &shown, y, chart.width);
    }
    chart.height = (y + MARGIN).ceil();
    chart.width = chart.width.ceil();
}

/// A row of the positions chart: what the stances are on, and the stances.
struct Row<'a> {
    label: String,
    stances: Vec<&'a Stance>,
}

/// The positions of one actor as a figure: a row per thing it took a stance on (in order
/// of its first stance on it; undated stances in a row of their own), each stance a mark
/// over the days its date covers along a calendar axis, shifts joined by a dashed line.
/// Deterministic: the same positions give the same chart.
pub fn positions_chart(model: &Model, positions: &Positions, options: &SceneOptions) -> Chart {
    let mut rows: Vec<Row<'_>> = Vec::new();
    for stance in positions.stances.iter().filter(|s| s.date.is_some()) {
        match rows.iter_mut().find(|row| row.label == stance.on_label) {
            Some(row) => row.stances.push(stance),
            None => rows.push(Row {
                label: stance.on_label.clone(),
                stances: vec![stance],
            }),
        }
    }
    let undated: Vec<&Stance> = positions
        .stances
        .iter()
        .filter(|s| s.date.is_none())
        .collect();
    let dated_rows = rows.len();
    if !undated.is_empty() {
        rows.push(Row {
            label: "Undated".to_owned(),
            stances: undated,
        });
    }
    let labels: Vec<&str> = rows.iter().map(|row| row.label.as_str()).collect();
    let label_width = label_column(&labels);
    let plot_left = MARGIN + label_width + 16.0;
    let mut chart = framed_chart(
        options,
        format!("Positions of {}", positions.label),
        plot_left + PLOT_WIDTH + MARGIN,
    );
    let (width, title_height) = (chart.width, chart.title_height);
    let plot_right = width - MARGIN;

    // The calendar: from the first day of the earliest stance to the end of the last.
    let spans: Vec<(f64, f64)> = positions
        .stances
        .iter()
        .filter_map(|stance| stance.date.as_ref().map(date_days))
        .collect();
    let first = spans.iter().map(|s| s.0).fold(f64::INFINITY, f64::min);
    let end = spans.iter().map(|s| s.1).fold(f64::NEG_INFINITY, f64::max);
    let x_of = |day: f64| {
        let share = if end > first {
            ((day - first) / (end - first)) as f32
        } else {
            0.5
        };
        plot_left + share * (plot_right - plot_left)
    };
    let mut y = MARGIN + title_height;
    let mut ticks = Vec::new();
    if first.is_finite() {
        let min_gap_days = 90.0 * (end - first) / f64::from(plot_right - plot_left);
        let (_, all) = calendar_ticks(first, end, min_gap_days);
        // Labels that would overlap the one before are left out.
        let mut last_right = f32::MIN;
        for (day, label) in all
            .into_iter()
            .filter(|(day, _)| (first..=end).contains(day))
        {
            let x = x_of(day);
            let label_width = text_size(&label, SMALL_SIZE)[0];
            let left = (x - label_width / 2.0).clamp(plot_left - 20.0, plot_right - label_width);
            ticks.push(x);
            if left > last_right + 8.0 {
                chart.texts.push(ChartText {
                    class: "tick",
                    text: SceneText {
                        text: label,
                        origin: [left, y + SMALL_SIZE],
                        size: SMALL_SIZE,
                    },
                    rgb: None,
                });
                last_right = left + label_width;
            }
        }
        y += SMALL_SIZE + 10.0;
    }
    if positions.stances.is_empty() {
        y = note_line(&mut chart, NO_STANCE, y);
    }
    let plot_top = y;

    // Rows: marks in lanes so that none covers another; the label wrapped beside them.
    let mut marks = Vec::new();
    let mut centres: Vec<(&str, [f32; 2])> = Vec::new();
    let line_height = SMALL_SIZE * 1.3;
    for (index, row) in rows.iter().enumerate() {
        let undated_row = index >= dated_rows;
        let mut lanes: Vec<f32> = Vec::new();
        let mut placed = Vec::new();
        for (at, stance) in row.stances.iter().enumerate() {
            let (left, right, centre_x) = match stance.date.as_ref().map(date_days) {
                Some((from, to)) if !undated_row => {
                    let (a, b) = (x_of(from), x_of(to));
                    let centre = (a + b) / 2.0;
                    (
                        a.min(centre - MARK_RADIUS),
                        b.max(centre + MARK_RADIUS),
                        centre,
                    )
                }
                _ => {
                    let centre = plot_left + MARK_RADIUS + 4.0 + at as f32 * 20.0;
                    (centre - MARK_RADIUS, centre + MARK_RADIUS, centre)
                }
            };
            let lane = match lanes.iter().position(|&end| end + 3.0 < left) {
                Some(lane) => lane,
                None => {
                    lanes.push(f32::MIN);
                    lanes.len() - 1
                }
            };
            if let Some(end) = lanes.get_mut(lane) {
                *end = right;
            }
            placed.push((*stance, lane, centre_x));
        }
        let lines = wrap(&row.label, SMALL_SIZE, label_width);
        let row_height =
            (lines.len() as f32 * line_height + 10.0).max(lanes.len() as f32 * LANE_HEIGHT + 8.0);
        chart.texts.extend(text_lines(
            "row-label",
            &lines,
            [MARGIN, y + 5.0],
            SMALL_SIZE,
            None,
        ));
        for (stance, lane, centre_x) in placed {
            let centre = [centre_x, y + 4.0 + LANE_HEIGHT * (lane as f32 + 0.5)];
            if let Some((from, to)) = stance.date.as_ref().map(date_days).filter(|_| !undated_row) {
                let (a, b) = (x_of(from), x_of(to));
                let mut span = ChartShape::filled(
                    "stance-span",
                    Shape::Rect {
                        min: [a, centre[1] - 3.0],
                        size: [(b - a).max(2.0), 6.0],
                        corner: 3.0,
                    },
                    stance_rgb(stance),
                );
                span.fill_opacity = 0.3;
                marks.push(span);
            }
            marks.push(stance_mark(model, stance, centre));
            centres.push((stance.edge.as_str(), centre));
        }
        y += row_height;
        chart.shapes.push(ChartShape::line(
            "grid",
            [MARGIN, y],
            [plot_right, y],
            GRID_RGB,
            1.0,
        ));
    }
    for x in ticks {
        chart.shapes.push(ChartShape::line(
            "grid",
            [x, plot_top],
            [x, y],
            GRID_RGB,
            1.0,
        ));
    }
    chart.shapes.extend(marks);
    let centre_of = |edge: &str| {
        centres
            .iter()
            .find(|(id, _)| *id == edge)
            .map(|(_, centre)| *centre)
    };
    for shift in &positions.shifts {
        if let (Some(from), Some(to)) = (centre_of(&shift.from.edge), centre_of(&shift.to.edge)) {
            let mut line = ChartShape::line("shift", from, to, NEUTRAL_RGB, 1.5);
            line.dashed = true;
            line.tooltip = Some(format!(
                "Shift on {}: {}, {} → {}, {}",
                shift.from.on_label,
                shift.from.action(),
                shift.from.when(),
                shift.to.action(),
                shift.to.when()
            ));
            chart.shapes.push(line);
        }
    }

    let mut legend = stance_legend();
    if !positions.shifts.is_empty() {
        legend.push((
            "shift of stance".to_owned(),
            Box::new(|[x, y]: [f32; 2]| {
                let mut line = ChartShape::line(
                    "legend-marker",
                    [x - 7.0, y],
                    [x + 7.0, y],
                    NEUTRAL_RGB,
                    1.5,
                );
                line.dashed = true;
                line
            }),
        ));
    }
    let y = place_chart_legend(&mut chart, y + 12.0, legend);
    let edges: Vec<&str> = positions.stances.iter().map(|s| s.edge.as_str()).collect();
    finish(&mut chart, model, &edges, y, options.caption);
    chart
}

/// The matrix of the whole dataset as a figure: a row per thing (by label), a column per
/// actor or mediator (by label), each cell the latest stance, its date and how many
/// stances came before it; the whole history on hover in the SVG. Deterministic.
pub fn matrix_chart(model: &Model, matrix: &[Cell], options: &SceneOptions) -> Chart {
    fn by_label<'a>(model: &Model, ids: Vec<&'a str>) -> Vec<(String, &'a str)> {
        let mut ids: Vec<(String, &str)> = ids
            .into_iter()
            .map(|id| (model.node_label(id).to_owned(), id))
            .collect();
        ids.sort_by(|a, b| {
            a.0.to_lowercase()
                .cmp(&b.0.to_lowercase())
                .then_with(|| a.1.cmp(b.1))
        });
        ids.dedup_by(|a, b| a.1 == b.1);
        ids
    }
    let things = by_label(model, matrix.iter().map(|cell| cell.on.as_str()).collect());
    let actors = by_label(
        model,
        matrix.iter().map(|cell| cell.actor.as_str()).collect(),
    );
    let labels: Vec<&str> = things.iter().map(|(label, _)| label.as_str()).collect();
    let label_width = label_column(&labels);
    let grid_left = MARGIN + label_width + 16.0;
    let mut chart = framed_chart(
        options,
        "Positions: who stands where".to_owned(),
        grid_left + CELL_WIDTH * actors.len() as f32 + MARGIN,
    );
    let (width, title_height) = (chart.width, chart.title_height);
    let line_height = SMALL_SIZE * 1.3;
    let cell_line = CELL_TEXT_SIZE * 1.3;
    let mut y = MARGIN + title_height;

    if matrix.is_empty() {
        y = note_line(&mut chart, NO_MATRIX, y);
    }
    // Column heads: each actor's label, wrapped to its column.
    let heads: Vec<Vec<String>> = actors
        .iter()
        .map(|(label, _)| wrap(label, SMALL_SIZE, CELL_WIDTH - 8.0))
        .collect();
    let head_lines = heads.iter().map(Vec::len).max().unwrap_or(1);
    for (column, lines) in heads.iter().enumerate() {
        let x = grid_left + CELL_WIDTH * column as f32 + 4.0;
        let top = y + (head_lines - lines.len()) as f32 * line_height;
        chart.texts.extend(text_lines(
            "column-label",
            lines,
            [x, top],
            SMALL_SIZE,
            None,
        ));
    }
    y += head_lines as f32 * line_height + 8.0;
    chart.shapes.push(ChartShape::line(
        "grid",
        [MARGIN, y],
        [width - MARGIN, y],
        GRID_RGB,
        1.0,
    ));

    // The matrix comes sorted by actor, then thing.
    let cell_at = |actor: &str, thing: &str| {
        matrix
            .binary_search_by(|cell| (cell.actor.as_str(), cell.on.as_str()).cmp(&(actor, thing)))
            .ok()
            .and_then(|at| matrix.get(at))
    };
    for (label, thing) in &things {
        let lines = wrap(label, SMALL_SIZE, label_width);
        let mut row_lines = lines.len() as f32 * line_height;
        let mut cells = Vec::new();
        for (column, (_, actor)) in actors.iter().enumerate() {
            let Some(cell) = cell_at(actor, thing) else {
                continue;
            };
            let mut words = wrap(&cell.latest.action(), CELL_TEXT_SIZE, CELL_WIDTH - 12.0);
            words.push(cell.latest.when());
            let earlier = cell.history.len().saturating_sub(1);
            if earlier > 0 {
                words.push(format!(
                    "{earlier} earlier stance{}",
                    if earlier == 1 { "" } else { "s" }
                ));
            }
            row_lines = row_lines.max(words.len() as f32 * cell_line);
            cells.push((column, cell, words));
        }
        let row_height = row_lines + 12.0;
        chart.texts.extend(text_lines(
            "row-label",
            &lines,
            [MARGIN, y + 6.0],
            SMALL_SIZE,
            None,
        ));
        for (column, cell, words) in cells {
            let x = grid_left + CELL_WIDTH * column as f32;
            let rgb = stance_rgb(&cell.latest);
            let history: Vec<String> = cell
                .history
                .iter()
                .map(|stance| stance_tooltip(model, stance))
                .collect();
            chart.shapes.push(ChartShape {
                class: "cell",
                id: Some(cell.latest.edge.clone()),
                shape: Shape::Rect {
                    min: [x + 2.0, y + 2.0],
                    size: [CELL_WIDTH - 4.0, row_height - 4.0],
                    corner: 3.0,
                },
                fill: Some(tint(rgb, 0.8)),
                stroke: Some((rgb, 1.0)),
                dashed: cell.latest.modality != Modality::Asserted,
                fill_opacity: 1.0,
                name: Some(stance_summary(model, &cell.latest)),
                tooltip: Some(history.join("\n\n")),
            });
            chart.texts.extend(text_lines(
                "cell-text",
                &words,
                [x + 7.0, y + 5.0],
                CELL_TEXT_SIZE,
                Some(CELL_TEXT_RGB),
            ));
        }
        y += row_height;
        chart.shapes.push(ChartShape::line(
            "grid",
            [MARGIN, y],
            [width - MARGIN, y],
            GRID_RGB,
            1.0,
        ));
    }

    let swatch = |rgb: Rgb, dashed: bool| -> Marker {
        Box::new(move |[x, y]: [f32; 2]| ChartShape {
            class: "legend-marker",
            id: None,
            shape: Shape::Rect {
                min: [x - 7.0, y - 6.0],
                size: [14.0, 12.0],
                corner: 2.0,
            },
            fill: Some(tint(rgb, 0.8)),
            stroke: Some((rgb, 1.0)),
            dashed,
            fill_opacity: 1.0,
            name: None,
            tooltip: None,
        })
    };
    let legend: Vec<(String, Marker)> = vec![
        (
            "latest stance for: demands, proposes, offers, supports, accepts".to_owned(),
            swatch(STANCE_FOR_RGB, false),
        ),
        (
            "against: opposes, rejects".to_owned(),
            swatch(STANCE_AGAINST_RGB, false),
        ),
        (
            "dashed: expected, negated or denied (negated and denied count the other way)"
                .to_owned(),
            swatch(NEUTRAL_RGB, true),
        ),
    ];
    let y = place_chart_legend(&mut chart, y + 12.0, legend);
    let edges: Vec<&str> = matrix
        .iter()
        .flat_map(|cell| cell.history.iter().map(|stance| stance.edge.as_str()))
        .collect();
    finish(&mut chart, model, &edges, y, options.caption);
    chart
}
