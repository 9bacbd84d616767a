//! The sidebar's Filters tab: how much is shown, colour and label choices, and every
//! filter with its count (kinds, relations, modalities, who said it, articles, dates).

use egui::{RichText, Ui};

use super::Command;
use super::state::Document;
use super::style::paint_swatch;
use crate::model::{Modality, Model, NodeKind, PartialDate, Relation, capitalised};
use crate::view::colouring::{self, ColourBy};
use crate::view::{FilterCounts, ViewFilter, Visibility};

/// The Filters tab: what is shown, colours and labels, every filter with its count.
pub(super) fn filters_ui(ui: &mut Ui, document: &Document, commands: &mut Vec<Command>) {
    let model = &document.doc.loaded.model;
    let counts = &document.filter_counts;
    let current = &document.doc.filter;
    let mut filter = current.clone();
    let visibility = document.canvas.visibility();
    egui::ScrollArea::vertical()
        // Each tab keeps its own scroll: the Measures table opens at its top.
        .id_salt("filters-tab")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            filter_summary_ui(ui, model, visibility, current, &mut filter);
            ui.separator();
            colour_ui(ui, document, commands);
            label_by_ui(ui, document, commands);
            edge_colour_ui(ui, document, commands);
            ui.separator();
            let conflicts = document.conflicts.len();
            ui.add_enabled(
                conflicts > 0 || filter.contested_only,
                egui::Checkbox::new(
                    &mut filter.contested_only,
                    format!(
                        "Only contested claims ({conflicts} conflict{})",
                        if conflicts == 1 { "" } else { "s" }
                    ),
                ),
            )
            .on_hover_text("Reports another report contradicts (View > Conflicts)");
            checkbox_filters_ui(ui, model, counts, &mut filter);
            date_filter_ui(ui, counts, &mut filter);
        });
    if &filter != current {
        commands.push(Command::SetFilter(filter));
    }
}

/// How much is shown, Show everything, and the focus with Clear focus.
fn filter_summary_ui(
    ui: &mut Ui,
    model: &Model,
    visibility: &Visibility,
    current: &ViewFilter,
    filter: &mut ViewFilter,
) {
    ui.label(format!(
        "Showing {} of {} nodes and {} of {} edges.",
        model.nodes.len() - visibility.hidden_nodes(),
        model.nodes.len(),
        model.edges.len() - visibility.hidden_edges(),
        model.edges.len()
    ));
    if ui
        .add_enabled(!current.is_empty(), egui::Button::new("Show everything"))
        .clicked()
    {
        *filter = ViewFilter::default();
    }
    if let Some(focus) = &current.focus {
        ui.horizontal_wrapped(|ui| {
            ui.label(format!(
                "Focus: {} hop(s) around {} ({})",
                focus.hops,
                model.node_label(&focus.node),
                if focus.mode == crate::view::FocusMode::Hide {
                    "rest hidden"
                } else {
                    "rest dimmed"
                }
            ));
            if ui.small_button("Clear focus").clicked() {
                filter.focus = None;
            }
        });
    }
}

/// A checkbox, with its count, for each kind, relation, modality and article.
fn checkbox_filters_ui(ui: &mut Ui, model: &Model, counts: &FilterCounts, filter: &mut ViewFilter) {
    ui.label(RichText::new("Kinds").strong());
    for kind in NodeKind::ALL {
        let count = counts.kind(*kind);
        let mut shown = !filter.hidden_kinds.contains(kind);
        if count == 0 && shown {
            continue;
        }
        if ui
            .checkbox(
                &mut shown,
                format!("{} ({count})", capitalised(kind.as_str())),
            )
            .changed()
        {
            toggle(&mut filter.hidden_kinds, *kind, !shown);
        }
    }
    ui.label(RichText::new("Relations").strong());
    for relation in Relation::ALL {
        let count = counts.relation(*relation);
        if count == 0 {
            continue;
        }
        let mut shown = !filter.hidden_relations.contains(relation);
        if ui
            .checkbox(&mut shown, format!("{} ({count})", relation.words()))
            .changed()
        {
            toggle(&mut filter.hidden_relations, *relation, !shown);
        }
    }
    ui.label(RichText::new("Modality").strong());
    for modality in Modality::ALL {
        let count = counts.modality(*modality);
        let mut shown = !filter.hidden_modalities.contains(modality);
        if ui
            .checkbox(&mut shown, format!("{} ({count})", modality.as_str()))
            .changed()
        {
            toggle(&mut filter.hidden_modalities, *modality, !shown);
        }
    }
    ui.label(RichText::new("Who said it").strong())
        .on_hover_text("Whom each relation is attributed to (docs/claims.md)");
    for (kind, count) in &counts.attributions {
        let mut shown = !filter.hidden_attributions.contains(kind);
        if ui
            .checkbox(&mut shown, format!("{} ({count})", kind.title()))
            .changed()
        {
            toggle(&mut filter.hidden_attributions, *kind, !shown);
        }
    }
    ui.label(RichText::new("Only what these articles support").strong());
    for article in &model.articles {
        let count = counts.article(&article.id);
        let mut chosen = filter.articles.contains(&article.id);
        let text = format!("{} · {} ({count})", article.outlet, article.title);
        if ui
            .checkbox(&mut chosen, text)
            .on_hover_text(article.published_human())
            .changed()
        {
            toggle(&mut filter.articles, article.id.clone(), chosen);
        }
    }
}

/// Two sliders over the dates of meetings and relations, stepping by the finest precision
/// the data has (undated elements stay), and what the range keeps and hides.
fn date_filter_ui(ui: &mut Ui, counts: &FilterCounts, filter: &mut ViewFilter) {
    ui.label(RichText::new("Dates").strong());
    let stops = &counts.date_stops;
    let (Some(first), Some(latest)) = (stops.first(), stops.last()) else {
        ui.label("No meeting or relation is dated.");
        return;
    };
    let last = stops.len() - 1;
    let mut limited = filter.dates.is_some();
    if ui
        .checkbox(
            &mut limited,
            "Only dated elements in this range (undated stay)",
        )
        .changed()
    {
        filter.dates = limited.then_some((*first, *latest));
    }
    let Some((from, to)) = filter.dates else {
        return;
    };
    // The stop a date falls on (a range saved at another precision: the stop it starts
    // in, or ends in).
    let stop_of = |date: PartialDate, at_end: bool| {
        let day = if at_end {
            date.last_day()
        } else {
            date.first_day()
        };
        stops
            .iter()
            .position(|stop| stop.first_day() <= day && day <= stop.last_day())
            .unwrap_or(if at_end { last } else { 0 })
    };
    let (mut start, mut end) = (stop_of(from, false), stop_of(to, true));
    end = end.max(start);
    let human = |v: f64| {
        stops
            .get(v as usize)
            .map_or(String::new(), PartialDate::human)
    };
    let from_slider = ui.add(
        egui::Slider::new(&mut start, 0..=last)
            .text("from")
            .custom_formatter(|v, _| human(v)),
    );
    let to_slider = ui.add(
        egui::Slider::new(&mut end, 0..=last)
            .text("to")
            .custom_formatter(|v, _| human(v)),
    );
    if from_slider.changed() || to_slider.changed() {
        let (start, end) = (start.min(end), end.max(start));
        if let (Some(from), Some(to)) = (stops.get(start), stops.get(end)) {
            filter.dates = Some((*from, *to));
        }
    }
    let (from, to) = filter.dates.unwrap_or((from, to));
    let (kept, hidden) = counts.dated_in(&from, &to);
    let hidden_count: usize = hidden.iter().map(|(_, count)| count).sum();
    let mut summary = format!(
        "{} to {} keeps {kept} dated meeting{} and relation{} (a date less precise than \
         the range, such as a month, stays if any of its days is in it)",
        from.human(),
        to.human(),
        if kept == 1 { "" } else { "s" },
        if kept == 1 { "" } else { "s" },
    );
    if hidden_count == 0 {
        summary.push_str("; hides none.");
    } else {
        const NAMED: usize = 3;
        let named: Vec<String> = hidden
            .iter()
            .take(NAMED)
            .map(|(date, count)| format!("{} ({count})", date.human()))
            .collect();
        let more = if hidden.len() > NAMED { ", …" } else { "" };
        summary.push_str(&format!(
            "; hides {hidden_count}, dated {}{more}.",
            named.join(", ")
        ));
    }
    ui.label(RichText::new(summary).small());
}

/// What node labels say: label, id or an attribute (offered when the nodes have any).
fn label_by_ui(ui: &mut Ui, document: &Document, commands: &mut Vec<Command>) {
    let model = &document.doc.loaded.model;
    let choices = crate::view::label_by::label_choices(model);
    ui.horizontal(|ui| {
        ui.label(RichText::new("Label by").strong());
        egui::ComboBox::from_id_salt("label-by")
            .selected_text(document.doc.label_by.title())
            .show_ui(ui, |ui| {
                for choice in choices {
                    let title = choice.title();
                    if ui
                        .selectable_label(choice == document.doc.label_by, title)
                        .clicked()
                    {
                        commands.push(Command::LabelBy(choice));
                    }
                }
            });
    });
}

/// What edges are coloured by: their relation, or who said it.
fn edge_colour_ui(ui: &mut Ui, document: &Document, commands: &mut Vec<Command>) {
    use crate::view::edge_colour::EdgeColourBy;
    let current = document.doc.edge_colour_by;
    ui.horizontal(|ui| {
        ui.label(RichText::new("Colour relations by").strong());
        egui::ComboBox::from_id_salt("edge-colour-by")
            .selected_text(current.title())
            .show_ui(ui, |ui| {
                for choice in EdgeColourBy::ALL {
                    if ui
                        .selectable_label(choice == current, choice.title())
                        .clicked()
                    {
                        commands.push(Command::EdgeColourBy(choice));
                    }
                }
            });
    })
    .response
    .on_hover_text("Who said it: the outlet's own reporting, a named source, an unnamed one, state media or other media. Dashes still tell the relation.");
}

/// What nodes are coloured by, and the legend of its values.
fn colour_ui(ui: &mut Ui, document: &Document, commands: &mut Vec<Command>) {
    let model = &document.doc.loaded.model;
    ui.horizontal(|ui| {
        ui.label(RichText::new("Colour by").strong());
        egui::ComboBox::from_id_salt("colour-by")
            .selected_text(document.doc.colour_by.title())
            .show_ui(ui, |ui| {
                for choice in colouring::colour_choices(model) {
                    let title = choice.title();
                    if ui
                        .selectable_label(choice == document.doc.colour_by, title)
                        .clicked()
                    {
                        commands.push(Command::ColourBy(choice));
                    }
                }
            });
    });
    if document.doc.colour_by == ColourBy::Kind {
        return;
    }
    const SHOWN: usize = 12;
    for entry in document.colours.legend.iter().take(SHOWN) {
        ui.horizontal(|ui| {
            let (rect, _) = ui.allocate_exact_size(egui::vec2(16.0, 16.0), egui::Sense::hover());
            paint_swatch(ui.painter(), entry.rgb, rect);
            ui.label(format!("{} ({})", entry.value, entry.count));
        });
    }
    let rest = document.colours.legend.len().saturating_sub(SHOWN);
    if rest > 0 {
        ui.label(RichText::new(format!("and {rest} more values, in grey")).weak());
    }
}

fn toggle<T: Ord>(set: &mut std::collections::BTreeSet<T>, value: T, present: bool) {
    if present {
        set.insert(value);
    } else {
        set.remove(&value);
    }
}
