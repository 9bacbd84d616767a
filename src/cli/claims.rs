//! The claims commands' text: `conflicts` and `positions`.

use std::io::Write;

use crate::claims::Quote;
use crate::claims::positions::{Stance, position_matrix, positions_of};
use crate::model::Model;

use super::analysis::resolve_node;
use super::render::{FigureLook, figure_format};

/// The conflicts for people: each with what it is about, then each report's reading and
/// its quotes with outlet, date and attribution.
pub fn write_conflicts(
    out: &mut dyn Write,
    conflicts: &[crate::claims::Conflict],
) -> anyhow::Result<()> {
    let count = conflicts.len();
    writeln!(out, "{count} conflict{}", if count == 1 { "" } else { "s" })?;
    for conflict in conflicts {
        writeln!(out, "\n{}: {}", conflict.kind.title(), conflict.about)?;
        for report in &conflict.reports {
            writeln!(out, "  {} ({})", report.says, report.element)?;
            write_quotes(out, &report.quotes)?;
        }
    }
    Ok(())
}

/// A stance on one line: "26 May 2024: rejects Temporary ceasefire only".
fn stance_line(stance: &Stance) -> String {
    format!("{}: {} {}", stance.when(), stance.action(), stance.on_label)
}

/// Each quote on a line of its own, indented: source, article, the quote.
fn write_quotes(out: &mut dyn Write, quotes: &[Quote]) -> anyhow::Result<()> {
    for quote in quotes {
        writeln!(
            out,
            "    {} ({}): \"{}\"",
            quote.source_line(),
            quote.article,
            quote.quote
        )?;
    }
    Ok(())
}

/// `positions`: one actor's stances and shifts, or the matrix of latest stances; as JSON
/// with `json`. False (after the error) when the actor is unknown.
pub fn write_positions(
    model: &Model,
    actor: Option<&str>,
    json: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<bool> {
    let Some(actor) = actor else {
        let matrix = position_matrix(model);
        if json {
            serde_json::to_writer_pretty(&mut *out, &matrix)?;
            writeln!(out)?;
            return Ok(true);
        }
        let mut current = None;
        for cell in &matrix {
            if current != Some(cell.actor.as_str()) {
                writeln!(out, "{}", model.node_label(&cell.actor))?;
                current = Some(cell.actor.as_str());
            }
            let earlier = cell.history.len() - 1;
            let history = if earlier == 0 {
                String::new()
            } else {
                format!(" [{earlier} earlier]")
            };
            writeln!(out, "  {}{history}", stance_line(&cell.latest))?;
        }
        return Ok(true);
    };
    let position = match resolve_node(model, actor) {
        Ok(position) => position,
        Err(message) => {
            writeln!(err, "error: {message}")?;
            return Ok(false);
        }
    };
    let Some(positions) = model
        .nodes
        .get(position)
        .and_then(|node| positions_of(model, &node.id))
    else {
        return Ok(false);
    };
    if json {
        serde_json::to_writer_pretty(&mut *out, &positions)?;
        writeln!(out)?;
        return Ok(true);
    }
    writeln!(
        out,
        "{}: {} stance{}, {} shift{}",
        positions.label,
        positions.stances.len(),
        if positions.stances.len() == 1 {
            ""
        } else {
            "s"
        },
        positions.shifts.len(),
        if positions.shifts.len() == 1 { "" } else { "s" },
    )?;
    for stance in &positions.stances {
        writeln!(out, "  {}", stance_line(stance))?;
    }
    for shift in &positions.shifts {
        writeln!(out, "\nShift on {}:", shift.from.on_label)?;
        for stance in [&shift.from, &shift.to] {
            writeln!(out, "  {}", stance_line(stance))?;
            write_quotes(out, &stance.quotes)?;
        }
    }
    Ok(true)
}

/// Where `positions --figure` writes, and how the figure looks.
pub struct PositionsFigure<'a> {
    /// The dataset file, never written over.
    pub input: &'a std::path::Path,
    /// The figure to write (.svg or .png).
    pub output: &'a std::path::Path,
    /// Size, title, caption and background.
    pub look: &'a FigureLook,
}

/// `positions --figure`: one actor's positions along a time axis, or the matrix, as a
/// figure. False (after the error) when a setting is wrong, the actor unknown or the
/// figure cannot be written.
pub fn write_positions_figure(
    model: &Model,
    actor: Option<&str>,
    figure: &PositionsFigure<'_>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> anyhow::Result<bool> {
    let mut problems = Vec::new();
    let format = figure_format(figure.output, &mut problems);
    let background = figure.look.checked(&mut problems);
    let (format, background) = match (format, background) {
        (Some(format), Some(background)) if problems.is_empty() => (format, background),
        _ => {
            for problem in problems {
                writeln!(err, "error: {problem}")?;
            }
            return Ok(false);
        }
    };
    let options = figure.look.options(background, false);
    let (mut chart, what) = match actor {
        None => {
            let matrix = position_matrix(model);
            let count = matrix.len();
            (
                crate::export::matrix_chart(model, &matrix, &options),
                format!("{count} cell{}", if count == 1 { "" } else { "s" }),
            )
        }
        Some(actor) => {
            let positions = match resolve_node(model, actor) {
                Ok(position) => model
                    .nodes
                    .get(position)
                    .and_then(|node| positions_of(model, &node.id)),
                Err(message) => {
                    writeln!(err, "error: {message}")?;
                    return Ok(false);
                }
            };
            let Some(positions) = positions else {
                return Ok(false);
            };
            let count = positions.stances.len();
            (
                crate::export::positions_chart(model, &positions, &options),
                format!("{count} stance{}", if count == 1 { "" } else { "s" }),
            )
        }
    };
    chart.display_width = figure.look.display_width(format);
    let inputs = crate::interchange::input_files(figure.input, model);
    match crate::export::write_figure(&chart, figure.output, figure.look.png_size(format), &inputs)
    {
        Ok(()) => {
            writeln!(out, "wrote {} ({what})", figure.output.display())?;
            Ok(true)
        }
        Err(error) => {
            writeln!(err, "error: {error}")?;
            Ok(false)
        }
    }
}
