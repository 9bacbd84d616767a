//! The sidebar: entities with search, filters with counts and a timeline, and the
//! measures table.

use super::style::paint_swatch;
use crate::view::colouring::{self, ColourBy};
use egui::{Key, RichText, Ui};

use super::Command;
use super::app::capitalised;
use super::state::{Document, Selection};
use crate::graph::{Measure, ranking};
use crate::model::search::search;
use crate::model::{Modality, NodeKind, Relation};
use crate::view::ViewFilter;

/// Groups longer than this start folded, so that a large dataset's list costs nothing
/// until opened (search finds any entity).
const LONG_GROUP: usize = 200;

/// Which sidebar tab is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SidebarTab {
    /// Entities and search.
    #[default]
    Entities,
    /// Filters.
    Filters,
    /// Measures.
    Measures,
}

/// What the sidebar remembers between frames.
#[derive(Debug, Clone, Default)]
pub struct SidebarState {
    /// The tab shown.
    pub tab: SidebarTab,
    /// The search text.
    pub query: String,
    focus_search: bool,
    /// The measure the table ranks by.
    pub measure: Option<Measure>,
}

impl SidebarState {
    /// Shows the entities tab and puts the keyboard in the search field.
    pub fn focus_search(&mut self) {
        self.tab = SidebarTab::Entities;
        self.focus_search = true;
    }
}

/// Draws the sidebar.
pub fn sidebar_ui(
    ui: &mut Ui,
    state: &mut SidebarState,
    document: &mut Document,
    selection: Option<&Selection>,
    commands: &mut Vec<Command>,
) {
    ui.heading(&document.doc.loaded.model.title);
    ui.horizontal(|ui| {
        ui.selectable_value(&mut state.tab, SidebarTab::Entities, "Entities");
        ui.selectable_value(&mut state.tab, SidebarTab::Filters, "Filters");
        ui.selectable_value(&mut state.tab, SidebarTab::Measures, "Measures");
    });
    ui.separator();
    match state.tab {
        SidebarTab::Entities => entities_ui(ui, state, document, selection, commands),
        SidebarTab::Filters => filters_ui(ui, document, commands),
        SidebarTab::Measures => measures_ui(ui, state, document, commands),
    }
}

fn entities_ui(
    ui: &mut Ui,
    state: &mut SidebarState,
    document: &Document,
    selection: Option<&Selection>,
    commands: &mut Vec<Command>,
) {
    let model = &document.doc.loaded.model;
    let field = ui.add(
        egui::TextEdit::singleline(&mut state.query)
            .id(egui::Id::new("entity-search"))
            .hint_text("Search names and aliases (Ctrl+F)")
            .desired_width(f32::INFINITY),
    );
    if state.focus_search {
        field.request_focus();
        state.focus_search = false;
    }
    let hits = search(model, &state.query);
    if field.lost_focus()
        && ui.input(|input| input.key_pressed(Key::Enter))
        && let Some(node) = hits.first().and_then(|hit| model.nodes.get(hit.node))
    {
        commands.push(Command::SelectAndCentre(node.id.clone()));
    }
    let is_selected =
        |id: &str| matches!(selection, Some(Selection::Node(selected)) if selected == id);
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            if !state.query.trim().is_empty() {
                if hits.is_empty() {
                    ui.label("No entity matches.");
                }
                for kind in NodeKind::ALL {
                    let group: Vec<_> = hits
                        .iter()
                        .filter_map(|hit| model.nodes.get(hit.node).map(|node| (hit, node)))
                        .filter(|(_, node)| node.kind == *kind)
                        .collect();
                    if group.is_empty() {
                        continue;
                    }
                    ui.label(
                        RichText::new(format!("{} ({})", kind.plural(), group.len())).strong(),
                    );
                    for (hit, node) in group {
                        let text = if hit.matched == node.label {
                            node.label.clone()
                        } else {
                            format!("{} ({})", node.label, hit.matched)
                        };
                        if ui.selectable_label(is_selected(&node.id), text).clicked() {
                            commands.push(Command::SelectAndCentre(node.id.clone()));
                        }
                    }
                }
                return;
            }
            let visibility = document.canvas.visibility();
            let mut order = document.entity_order.iter().copied().peekable();
            for kind in NodeKind::ALL {
                let mut nodes = Vec::new();
                while let Some(&position) = order.peek() {
                    match model.nodes.get(position) {
                        Some(node) if node.kind == *kind => {
                            nodes.push((position, node));
                            order.next();
                        }
                        _ => break,
                    }
                }
                if nodes.is_empty() {
                    continue;
                }
                let title = format!("{} ({})", kind.plural(), nodes.len());
                egui::CollapsingHeader::new(title)
                    .id_salt(kind.as_str())
                    .default_open(nodes.len() <= LONG_GROUP)
                    .show(ui, |ui| {
                        for (position, node) in nodes {
                            let shown = visibility.nodes.get(position).copied().unwrap_or(false);
                            let text = if shown {
                                RichText::new(&node.label)
                            } else {
                                RichText::new(&node.label).weak()
                            };
                            let response = ui.selectable_label(is_selected(&node.id), text);
                            let response = if shown {
                                response
                            } else {
                                response.on_hover_text("hidden by the filters")
                            };
                            if response.clicked() {
                                commands
                                    .push(Command::Select(Some(Selection::Node(node.id.clone()))));
                            }
                        }
                    });
            }
        });
}

fn filters_ui(ui: &mut Ui, document: &Document, commands: &mut Vec<Command>) {
    let model = &document.doc.loaded.model;
    let counts = &document.filter_counts;
    let current = &document.doc.filter;
    let mut filter = current.clone();
    let visibility = document.canvas.visibility();
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
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
                filter = ViewFilter::default();
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
            ui.separator();
            colour_ui(ui, document, commands);
            ui.separator();
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
            ui.label(RichText::new("Dates").strong());
            let dates = &counts.dates;
            if dates.is_empty() {
                ui.label("No meeting or relation is dated.");
            } else {
                let last = dates.len() - 1;
                let mut limited = filter.dates.is_some();
                if ui
                    .checkbox(
                        &mut limited,
                        "Only dated elements in this range (undated stay)",
                    )
                    .changed()
                {
                    filter.dates = limited.then(|| (dates[0], dates[last]));
                }
                if let Some((from, to)) = filter.dates {
                    let index_of = |date| dates.iter().position(|d| *d == date).unwrap_or(0);
                    let (mut start, mut end) = (index_of(from), index_of(to).max(index_of(from)));
                    let from_slider = ui.add(
                        egui::Slider::new(&mut start, 0..=last)
                            .text("from")
                            .custom_formatter(|v, _| {
                                dates.get(v as usize).map_or(String::new(), |d| d.human())
                            }),
                    );
                    let to_slider = ui.add(
                        egui::Slider::new(&mut end, 0..=last)
                            .text("to")
                            .custom_formatter(|v, _| {
                                dates.get(v as usize).map_or(String::new(), |d| d.human())
                            }),
                    );
                    if from_slider.changed() || to_slider.changed() {
                        let (start, end) = (start.min(end), end.max(start));
                        if let (Some(from), Some(to)) = (dates.get(start), dates.get(end)) {
                            filter.dates = Some((*from, *to));
                        }
                    }
                }
            }
        });
    if &filter != current {
        commands.push(Command::SetFilter(filter));
    }
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

fn measures_ui(
    ui: &mut Ui,
    state: &mut SidebarState,
    document: &mut Document,
    commands: &mut Vec<Command>,
) {
    let measure = *state.measure.get_or_insert(Measure::Degree);
    ui.horizontal(|ui| {
        for candidate in Measure::ALL {
            if ui
                .selectable_label(measure == candidate, capitalised(candidate.as_str()))
                .clicked()
            {
                state.measure = Some(candidate);
            }
        }
    });
    let mut sized = document.doc.size_by == Some(measure);
    if ui
        .checkbox(&mut sized, "Size nodes by this measure")
        .changed()
    {
        commands.push(Command::SizeBy(sized.then_some(measure)));
    }
    let adjacency = document.shown_adjacency();
    let values = document.measure(measure).to_vec();
    let model = &document.doc.loaded.model;
    let ranked = ranking(model, &adjacency, &values);
    ui.label(RichText::new(format!("{} shown nodes, highest first", ranked.len())).weak());
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            egui::Grid::new("measure-table")
                .striped(true)
                .num_columns(3)
                .show(ui, |ui| {
                    ui.label(RichText::new("#").strong());
                    ui.label(RichText::new("Node").strong());
                    ui.label(RichText::new(capitalised(measure.as_str())).strong());
                    ui.end_row();
                    for (rank, (node, value)) in ranked.iter().enumerate() {
                        let Some(node) = model.nodes.get(*node) else {
                            continue;
                        };
                        ui.label((rank + 1).to_string());
                        if ui.link(&node.label).clicked() {
                            commands.push(Command::SelectAndCentre(node.id.clone()));
                        }
                        ui.label(if measure == Measure::Degree {
                            format!("{value:.0}")
                        } else {
                            format!("{value:.3}")
                        });
                        ui.end_row();
                    }
                });
        });
}
