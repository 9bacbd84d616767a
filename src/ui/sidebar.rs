//! The sidebar: entities with search, filters with counts and a timeline, and the
//! measures table.

use std::collections::BTreeMap;

use egui::{Key, RichText, Ui};

use super::Command;
use super::state::{Document, Selection};
use crate::background::grouped;
use crate::graph::{Measure, MeasureTable};
use crate::model::capitalised;
use crate::model::search::SearchHit;
use crate::model::{Model, NodeKind};
use crate::view::Visibility;

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
    /// Entity groups the user opened or closed (the others are open when short).
    pub groups_open: BTreeMap<NodeKind, bool>,
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
        SidebarTab::Filters => super::filters_tab::filters_ui(ui, document, commands),
        SidebarTab::Measures => measures_ui(ui, state, document, commands),
    }
}

/// One row of the entity list.
enum EntityRow {
    /// A kind's heading, which opens and closes its group: the kind, its count, open.
    Group(NodeKind, usize, bool),
    /// A kind's heading over search hits: the kind and its count.
    HitGroup(NodeKind, usize),
    /// A search hit, by its index in the hits.
    Hit(usize),
    /// A node of the list, by model position.
    Node(usize),
}

fn entities_ui(
    ui: &mut Ui,
    state: &mut SidebarState,
    document: &mut Document,
    selection: Option<&Selection>,
    commands: &mut Vec<Command>,
) {
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
    let searching = !state.query.trim().is_empty();
    let hits = if searching {
        document.search(&state.query).unwrap_or_default()
    } else {
        Default::default()
    };
    let model = &document.doc.loaded.model;
    if field.lost_focus()
        && ui.input(|input| input.key_pressed(Key::Enter))
        && let Some(node) = hits.first().and_then(|hit| model.nodes.get(hit.node))
    {
        commands.push(Command::SelectAndCentre(node.id.clone()));
    }
    let rows = if searching {
        if document.is_searching() {
            ui.label(
                RichText::new(format!(
                    "Searching {} names…",
                    grouped(model.nodes.len() as u64)
                ))
                .weak(),
            );
        } else if hits.is_empty() {
            ui.label("No entity matches.");
        }
        hit_rows(model, &hits)
    } else {
        group_rows(model, &document.entity_order, &state.groups_open)
    };
    let list = EntityList {
        model,
        hits: &hits,
        visibility: document.canvas.visibility(),
        selection,
    };
    let row_height = ui.spacing().interact_size.y;
    // Only the rows in view are laid out: a list of 100,000 entities costs what one
    // screenful does.
    egui::ScrollArea::vertical()
        // Each tab keeps its own scroll: the Measures table opens at its top.
        .id_salt("entity-list")
        .auto_shrink([false, false])
        .show_rows(ui, row_height, rows.len(), |ui, range| {
            for row in rows.iter().skip(range.start).take(range.len()) {
                entity_row_ui(ui, row, &list, state, commands);
            }
        });
}

/// Search hits as rows: a heading per kind with its count, then its hits, best first.
fn hit_rows(model: &Model, hits: &[SearchHit]) -> Vec<EntityRow> {
    let mut rows = Vec::new();
    for kind in NodeKind::ALL {
        let of_kind = |hit: &&SearchHit| {
            model
                .nodes
                .get(hit.node)
                .is_some_and(|node| node.kind == *kind)
        };
        let count = hits.iter().filter(of_kind).count();
        if count == 0 {
            continue;
        }
        rows.push(EntityRow::HitGroup(*kind, count));
        rows.extend(
            hits.iter()
                .enumerate()
                .filter(|(_, hit)| of_kind(hit))
                .map(|(index, _)| EntityRow::Hit(index)),
        );
    }
    rows
}

/// Every entity as rows: a heading per kind with its count, open or folded (long groups
/// fold unless opened), then its members in `order`.
fn group_rows(
    model: &Model,
    order: &[usize],
    groups_open: &BTreeMap<NodeKind, bool>,
) -> Vec<EntityRow> {
    let mut rows = Vec::new();
    let mut order = order.iter().copied().peekable();
    for kind in NodeKind::ALL {
        let first = rows.len();
        rows.push(EntityRow::Group(*kind, 0, false));
        let mut count = 0;
        let mut members = Vec::new();
        while let Some(&position) = order.peek() {
            match model.nodes.get(position) {
                Some(node) if node.kind == *kind => {
                    members.push(EntityRow::Node(position));
                    count += 1;
                    order.next();
                }
                _ => break,
            }
        }
        if count == 0 {
            rows.pop();
            continue;
        }
        let open = groups_open
            .get(kind)
            .copied()
            .unwrap_or(count <= LONG_GROUP);
        if let Some(heading) = rows.get_mut(first) {
            *heading = EntityRow::Group(*kind, count, open);
        }
        if open {
            rows.extend(members);
        }
    }
    rows
}

/// What the rows of the entity list are drawn from.
#[derive(Clone, Copy)]
struct EntityList<'a> {
    model: &'a Model,
    hits: &'a [SearchHit],
    visibility: &'a Visibility,
    selection: Option<&'a Selection>,
}

/// One row of the entity list: a group heading (a click opens or folds it), a hit
/// heading, a search hit, or an entity (dimmed when the filters hide it).
fn entity_row_ui(
    ui: &mut Ui,
    row: &EntityRow,
    list: &EntityList<'_>,
    state: &mut SidebarState,
    commands: &mut Vec<Command>,
) {
    let EntityList {
        model,
        hits,
        visibility,
        selection,
    } = *list;
    let is_selected =
        |id: &str| matches!(selection, Some(Selection::Node(selected)) if selected == id);
    match row {
        EntityRow::Group(kind, count, open) => {
            let arrow = if *open { "⏷" } else { "⏵" };
            let heading = egui::Button::new(
                RichText::new(format!("{arrow} {} ({count})", kind.plural())).strong(),
            )
            .frame(false);
            if ui.add(heading).clicked() {
                state.groups_open.insert(*kind, !open);
            }
        }
        EntityRow::HitGroup(kind, count) => {
            ui.label(RichText::new(format!("{} ({count})", kind.plural())).strong());
        }
        EntityRow::Hit(index) => {
            let Some((hit, node)) = hits
                .get(*index)
                .and_then(|hit| model.nodes.get(hit.node).map(|node| (hit, node)))
            else {
                return;
            };
            let text = if hit.matched == node.label {
                node.label.clone()
            } else {
                format!("{} ({})", node.label, hit.matched)
            };
            if ui.selectable_label(is_selected(&node.id), text).clicked() {
                commands.push(Command::SelectAndCentre(node.id.clone()));
            }
        }
        EntityRow::Node(position) => {
            let Some(node) = model.nodes.get(*position) else {
                return;
            };
            let shown = visibility.nodes.get(*position).copied().unwrap_or(false);
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
                commands.push(Command::Select(Some(Selection::Node(node.id.clone()))));
            }
        }
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
    let Some(table) = document.measure_table(measure) else {
        measure_progress_ui(ui, document, measure);
        return;
    };
    measure_table_ui(ui, &document.doc.loaded.model, measure, &table, commands);
}

/// The progress of a measure being computed on a worker.
fn measure_progress_ui(ui: &mut Ui, document: &Document, measure: Measure) {
    if let Some((_, reading)) = document.measure_progress() {
        ui.label(format!(
            "Computing {} on the shown graph…",
            measure.as_str()
        ));
        let bar = match reading.fraction() {
            Some(fraction) => egui::ProgressBar::new(fraction),
            None => egui::ProgressBar::new(0.0).animate(true),
        };
        ui.add(bar.text(reading.describe()));
        ui.label(
            RichText::new("The graph stays usable meanwhile; the table shows when it is ready.")
                .weak(),
        );
    }
}

/// The ranked table of `measure`, highest first, each name a link that selects and
/// centres its node; only the rows in view are laid out.
fn measure_table_ui(
    ui: &mut Ui,
    model: &Model,
    measure: Measure,
    table: &MeasureTable,
    commands: &mut Vec<Command>,
) {
    ui.label(RichText::new(format!("{} shown nodes, highest first", table.ranked.len())).weak());
    if let Some(estimate) = &table.estimate {
        ui.label(
            RichText::new(format!(
                "Estimated from {} of {} nodes' shortest paths (Brandes and Pich 2007); ± is each value's 95% interval.",
                grouped(estimate.sources as u64),
                grouped(estimate.nodes as u64)
            ))
            .weak(),
        );
    }
    let value_text = |node: usize, value: f64| match (&table.estimate, measure) {
        (_, Measure::Degree) => format!("{value:.0}"),
        (Some(estimate), _) => {
            let margin = estimate.margins.get(node).copied().unwrap_or(0.0);
            format!("{value:.0} ± {margin:.0}")
        }
        (None, _) => format!("{value:.3}"),
    };
    let row_height = ui.spacing().interact_size.y;
    let rank_width = 8.0 * (table.ranked.len().max(1).ilog10() as f32 + 2.0);
    let value_width = 110.0;
    ui.horizontal(|ui| {
        ui.add_sized(
            [rank_width, row_height],
            egui::Label::new(RichText::new("#").strong()),
        );
        ui.label(RichText::new("Node").strong());
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            ui.label(RichText::new(capitalised(measure.as_str())).strong());
        });
    });
    // Only the rows in view are laid out: the table of 100,000 nodes costs what one
    // screenful does.
    egui::ScrollArea::vertical()
        // Each tab keeps its own scroll: the Measures table opens at its top.
        .id_salt("measures-table")
        .auto_shrink([false, false])
        .show_rows(ui, row_height, table.ranked.len(), |ui, rows| {
            for (rank, (node, value)) in table
                .ranked
                .iter()
                .enumerate()
                .skip(rows.start)
                .take(rows.len())
            {
                let Some(model_node) = model.nodes.get(*node) else {
                    continue;
                };
                ui.horizontal(|ui| {
                    ui.set_height(row_height);
                    ui.add_sized(
                        [rank_width, row_height],
                        egui::Label::new((rank + 1).to_string()),
                    );
                    let label_width = (ui.available_width() - value_width).max(40.0);
                    let link_colour = ui.visuals().hyperlink_color;
                    let link = ui
                        .allocate_ui_with_layout(
                            egui::vec2(label_width, row_height),
                            egui::Layout::left_to_right(egui::Align::Center),
                            |ui| {
                                ui.add(
                                    egui::Label::new(
                                        RichText::new(&model_node.label).color(link_colour),
                                    )
                                    .truncate()
                                    .sense(egui::Sense::click()),
                                )
                            },
                        )
                        .inner
                        .on_hover_cursor(egui::CursorIcon::PointingHand);
                    if link.clicked() {
                        commands.push(Command::SelectAndCentre(model_node.id.clone()));
                    }
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                        ui.label(value_text(*node, *value));
                    });
                });
            }
        });
}
