//! The details panel: what the selected node or edge is, its relations, and the article
//! passages that support it.

use egui::text::LayoutJob;
use egui::{Color32, RichText, Sense, Ui, Vec2};

use super::Command;
use super::provenance::{Element, provenance_ui};
use super::state::{Document, Selection};
use super::style::{highlighted_text, kind_color, paint_kind_marker};
use crate::edit::{EditOp, RemoveEvidence};
use crate::graph::NegotiationGraph;
use crate::model::{Edge, Evidence, Model, Node, NodeKind, Relation};
use crate::view::{Focus, FocusMode};

/// Longest sentence context shown around a quote, in chars on each side.
const SENTENCE_CONTEXT_CHARS: usize = 320;

/// Draws the details of `selection`, or a hint when nothing is selected.
pub fn details_ui(
    ui: &mut Ui,
    document: &Document,
    selection: Option<&Selection>,
    commands: &mut Vec<Command>,
) {
    let model = &document.doc.loaded.model;
    let graph = &document.graph;
    match selection {
        None => {
            ui.heading("Nothing selected");
            ui.label(
                "Click a node or an edge in the graph, or an entity in the list on the left, \
                 to see what it is, how it relates to the others, and the article sentences \
                 that support it.",
            );
        }
        Some(Selection::Node(id)) => match model.node(id) {
            Some(node) => {
                node_ui(ui, model, graph, node, commands);
                ui.separator();
                explore_ui(ui, document, node, commands);
            }
            None => {
                ui.label(format!("No node \"{id}\" in this dataset."));
            }
        },
        Some(Selection::Edge(id)) => match model.edge(id) {
            Some(edge) => edge_ui(ui, model, edge, commands),
            None => {
                ui.label(format!("No edge \"{id}\" in this dataset."));
            }
        },
    }
}

fn node_ui(
    ui: &mut Ui,
    model: &Model,
    graph: &NegotiationGraph,
    node: &Node,
    commands: &mut Vec<Command>,
) {
    ui.horizontal(|ui| {
        let (rect, _) = ui.allocate_exact_size(Vec2::splat(22.0), Sense::hover());
        paint_kind_marker(ui.painter(), node.kind, rect);
        ui.heading(RichText::new(&node.label).strong());
    });
    egui::Grid::new("node-attributes")
        .num_columns(2)
        .spacing([12.0, 4.0])
        .show(ui, |ui| {
            ui.label(RichText::new("Kind").weak());
            ui.label(
                RichText::new(node.kind.as_str())
                    .color(kind_color(node.kind))
                    .strong(),
            );
            ui.end_row();
            if let Some(subtype) = node.subtype {
                ui.label(RichText::new("Subtype").weak());
                ui.label(subtype.words());
                ui.end_row();
            }
            if let Some(affiliation) = &node.affiliation {
                ui.label(RichText::new("Affiliation").weak());
                if ui.link(model.node_label(affiliation)).clicked() {
                    commands.push(Command::Select(Some(Selection::Node(affiliation.clone()))));
                }
                ui.end_row();
            }
            if !node.aliases.is_empty() {
                ui.label(RichText::new("Aliases").weak());
                ui.label(node.aliases.join(", "));
                ui.end_row();
            }
            if let Some(meeting) = &node.meeting {
                ui.label(RichText::new("Place").weak());
                ui.label(&meeting.place);
                ui.end_row();
                ui.label(RichText::new("Date").weak());
                ui.label(meeting.date.map_or_else(
                    || "not given".to_owned(),
                    |date| format!("{} ({} precision)", date.human(), date.precision().as_str()),
                ));
                ui.end_row();
                ui.label(RichText::new("Status").weak());
                ui.label(meeting.status.as_str());
                ui.end_row();
            }
            if let Some(degree) = graph.degree(model, &node.id) {
                ui.label(RichText::new("Relations").weak());
                ui.label(degree.to_string());
                ui.end_row();
            }
            ui.label(RichText::new("Id").weak());
            ui.label(RichText::new(&node.id).monospace());
            ui.end_row();
            if let Some(colour) = node.look.colour {
                ui.label(RichText::new("Colour").weak());
                ui.label(RichText::new(colour.to_hex()).monospace());
                ui.end_row();
            }
            if let Some(size) = node.look.size {
                ui.label(RichText::new("Size").weak());
                ui.label(format!("{size}"));
                ui.end_row();
            }
            if let Some(point) = node.look.position {
                ui.label(RichText::new("Position").weak());
                ui.label(format!("{}, {}", point.x, point.y));
                ui.end_row();
            }
        });
    attributes_ui(ui, "node-file-attributes", &node.attributes);
    if let Some(note) = &node.note {
        ui.label(RichText::new(note).italics());
    }

    ui.separator();
    provenance_ui(ui, model, Element::Node(&node.id), &node.audit, commands);
    ui.separator();
    evidence_list_ui(ui, model, &node.id, &node.evidence, None, commands);
    ui.separator();
    relations_ui(ui, model, graph, node, commands);
}

/// Focus on the node's neighbourhood, and find paths from it.
/// Lists of at most this many nodes lay out every row (so that a row can be scrolled
/// to); longer ones only the rows in view.
const LIST_EVERY_ROW_UP_TO: usize = 500;

fn explore_ui(ui: &mut Ui, document: &Document, node: &Node, commands: &mut Vec<Command>) {
    let model = &document.doc.loaded.model;
    ui.heading("Explore");
    if matches!(node.kind, NodeKind::Actor | NodeKind::Mediator)
        && ui
            .button("Positions over time")
            .on_hover_text("What it demanded, proposed, accepted and rejected, and when")
            .clicked()
    {
        commands.push(Command::ShowPositions(node.id.clone()));
    }
    let focus = document
        .doc
        .filter
        .focus
        .as_ref()
        .filter(|focus| focus.node == node.id);
    let dim_id = egui::Id::new("focus-dims");
    let mut dim = ui
        .data(|data| data.get_temp::<bool>(dim_id))
        .unwrap_or(false);
    ui.horizontal(|ui| {
        ui.label("Focus on its neighbourhood:");
        for hops in 1..=3usize {
            let current = focus.is_some_and(|focus| focus.hops == hops);
            let text = if hops == 1 {
                "1 hop".to_owned()
            } else {
                format!("{hops} hops")
            };
            if ui.selectable_label(current, text).clicked() {
                let mut filter = document.doc.filter.clone();
                filter.focus = Some(Focus {
                    node: node.id.clone(),
                    hops,
                    mode: if dim { FocusMode::Dim } else { FocusMode::Hide },
                });
                commands.push(Command::SetFilter(filter));
            }
        }
        if document.doc.filter.focus.is_some() && ui.button("Clear focus").clicked() {
            let mut filter = document.doc.filter.clone();
            filter.focus = None;
            commands.push(Command::SetFilter(filter));
        }
    });
    if ui
        .checkbox(&mut dim, "Dim the rest instead of hiding it")
        .changed()
    {
        ui.data_mut(|data| data.insert_temp(dim_id, dim));
        if let Some(focus) = &document.doc.filter.focus {
            let mut filter = document.doc.filter.clone();
            filter.focus = Some(Focus {
                mode: if dim { FocusMode::Dim } else { FocusMode::Hide },
                ..focus.clone()
            });
            commands.push(Command::SetFilter(filter));
        }
    }
    ui.horizontal(|ui| {
        ui.label("Shortest paths to:");
        egui::ComboBox::from_id_salt("path-target")
            .selected_text("choose a node…")
            .width(220.0)
            .height(400.0)
            .show_ui(ui, |ui| {
                // Built only while the list is open, in the entity list's order (kind,
                // then label), and only the rows in view laid out: at 100,000 nodes,
                // sorting them on every frame of a selection cost 100 ms.
                let others: Vec<&Node> = document
                    .entity_order
                    .iter()
                    .filter_map(|&position| model.nodes.get(position))
                    .filter(|other| other.id != node.id)
                    .collect();
                let mut row = |ui: &mut Ui, other: &Node| {
                    if ui
                        .selectable_label(false, format!("{} ({})", other.label, other.kind))
                        .clicked()
                    {
                        commands.push(Command::FindPaths(node.id.clone(), other.id.clone()));
                    }
                };
                if others.len() <= LIST_EVERY_ROW_UP_TO {
                    for other in &others {
                        row(ui, other);
                    }
                    return;
                }
                let row_height = ui.spacing().interact_size.y;
                egui::ScrollArea::vertical().max_height(400.0).show_rows(
                    ui,
                    row_height,
                    others.len(),
                    |ui, rows| {
                        for other in others.iter().skip(rows.start).take(rows.len()) {
                            row(ui, other);
                        }
                    },
                );
            });
    });
}

/// The node's relations, grouped by relation type in vocabulary order; within a group,
/// sorted by the other node's label.
fn relations_ui(
    ui: &mut Ui,
    model: &Model,
    graph: &NegotiationGraph,
    node: &Node,
    commands: &mut Vec<Command>,
) {
    let edges: Vec<&Edge> = graph
        .incident_edges(model, &node.id)
        .into_iter()
        .filter_map(|position| model.edges.get(position))
        .collect();
    ui.heading(format!("Relations ({})", edges.len()));
    if edges.is_empty() {
        ui.label("None.");
        return;
    }
    for relation in Relation::ALL {
        let mut group: Vec<&Edge> = edges
            .iter()
            .copied()
            .filter(|edge| edge.relation == *relation)
            .collect();
        if group.is_empty() {
            continue;
        }
        group.sort_by(|a, b| {
            let other = |edge: &Edge| {
                let id = if edge.source == node.id {
                    &edge.target
                } else {
                    &edge.source
                };
                model.node_label(id).to_lowercase()
            };
            other(a).cmp(&other(b)).then_with(|| a.id.cmp(&b.id))
        });
        ui.label(RichText::new(format!("{} ({})", relation.words(), group.len())).strong());
        ui.indent(relation.as_str(), |ui| {
            for edge in group {
                ui.horizontal_wrapped(|ui| {
                    let outgoing = edge.source == node.id;
                    let other = if outgoing { &edge.target } else { &edge.source };
                    let verb = edge.verb().replace('_', " ");
                    // An undirected edge reads the same from either end.
                    let (left, right) = if outgoing || !edge.directed {
                        (verb, String::new())
                    } else {
                        (String::new(), format!("{verb} this"))
                    };
                    if !left.is_empty()
                        && ui
                            .link(left)
                            .on_hover_text("Show this relation and its evidence")
                            .clicked()
                    {
                        commands.push(Command::Select(Some(Selection::Edge(edge.id.clone()))));
                    }
                    if ui
                        .link(RichText::new(model.node_label(other)).strong())
                        .clicked()
                    {
                        commands.push(Command::Select(Some(Selection::Node(other.clone()))));
                    }
                    if !right.is_empty()
                        && ui
                            .link(right)
                            .on_hover_text("Show this relation and its evidence")
                            .clicked()
                    {
                        commands.push(Command::Select(Some(Selection::Edge(edge.id.clone()))));
                    }
                    let qualifiers = edge_qualifiers(edge);
                    if !qualifiers.is_empty() {
                        ui.label(RichText::new(qualifiers).weak().italics());
                    }
                });
            }
        });
    }
}

/// "(expected, 28 May 2024, per Al-Kahera News)": what qualifies an edge, or "".
fn edge_qualifiers(edge: &Edge) -> String {
    let mut parts = Vec::new();
    if edge.modality != crate::model::Modality::Asserted {
        parts.push(edge.modality.as_str().to_owned());
    }
    if let Some(date) = edge.date {
        parts.push(date.human());
    }
    if let Some(source) = &edge.attributed_to {
        parts.push(format!("per {source}"));
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!("({})", parts.join(", "))
    }
}

fn edge_ui(ui: &mut Ui, model: &Model, edge: &Edge, commands: &mut Vec<Command>) {
    ui.horizontal_wrapped(|ui| {
        if ui
            .link(
                RichText::new(model.node_label(&edge.source))
                    .heading()
                    .strong(),
            )
            .clicked()
        {
            commands.push(Command::Select(Some(Selection::Node(edge.source.clone()))));
        }
        let arrow = if edge.directed { "" } else { " (undirected)" };
        ui.label(RichText::new(format!("{}{arrow}", edge.verb().replace('_', " "))).heading());
        if ui
            .link(
                RichText::new(model.node_label(&edge.target))
                    .heading()
                    .strong(),
            )
            .clicked()
        {
            commands.push(Command::Select(Some(Selection::Node(edge.target.clone()))));
        }
    });
    egui::Grid::new("edge-attributes")
        .num_columns(2)
        .spacing([12.0, 4.0])
        .show(ui, |ui| {
            ui.label(RichText::new("Relation").weak());
            ui.label(edge.relation.as_str());
            ui.end_row();
            ui.label(RichText::new("Modality").weak());
            ui.label(edge.modality.as_str());
            ui.end_row();
            if let Some(date) = edge.date {
                ui.label(RichText::new("Date").weak());
                ui.label(format!(
                    "{} ({} precision)",
                    date.human(),
                    date.precision().as_str()
                ));
                ui.end_row();
            }
            if let Some(source) = &edge.attributed_to {
                ui.label(RichText::new("Attributed to").weak());
                ui.label(source);
                ui.end_row();
            }
            let attribution = crate::claims::attribution::attribution_of(model, edge);
            ui.label(RichText::new("Source").weak());
            if attribution == crate::claims::attribution::Attribution::Unnamed {
                ui.label(
                    RichText::new("Rests only on unnamed sources")
                        .color(egui::Color32::from_rgb(170, 80, 20)),
                );
            } else {
                ui.label(attribution.title());
            }
            ui.end_row();
            if let Some(label) = &edge.label {
                ui.label(RichText::new("Label").weak());
                ui.label(label);
                ui.end_row();
            }
            if let Some(weight) = edge.weight {
                ui.label(RichText::new("Weight").weak());
                ui.label(format!("{weight}"));
                ui.end_row();
            }
            ui.label(RichText::new("Direction").weak());
            ui.label(if edge.directed {
                "directed, source to target"
            } else {
                "undirected"
            });
            ui.end_row();
            ui.label(RichText::new("Id").weak());
            ui.label(RichText::new(&edge.id).monospace());
            ui.end_row();
        });
    attributes_ui(ui, "edge-file-attributes", &edge.attributes);
    if let Some(note) = &edge.note {
        ui.label(RichText::new(note).italics());
    }
    ui.separator();
    provenance_ui(ui, model, Element::Edge(&edge.id), &edge.audit, commands);
    ui.separator();
    evidence_list_ui(
        ui,
        model,
        &edge.id,
        &edge.evidence,
        edge.attributed_to.as_deref(),
        commands,
    );
}

/// The attributes a graph file gives an element, in name order.
fn attributes_ui(ui: &mut Ui, id: &str, attributes: &crate::model::Attributes) {
    if attributes.is_empty() {
        return;
    }
    ui.label(RichText::new(format!("Attributes from the file ({})", attributes.len())).strong());
    egui::Grid::new(id)
        .num_columns(2)
        .spacing([12.0, 4.0])
        .show(ui, |ui| {
            for (name, value) in attributes {
                ui.label(RichText::new(name).weak());
                let text = match value {
                    serde_json::Value::String(text) => text.clone(),
                    other => other.to_string(),
                };
                ui.add(egui::Label::new(text).wrap());
                ui.end_row();
            }
        });
}

fn evidence_list_ui(
    ui: &mut Ui,
    model: &Model,
    owner: &str,
    evidence: &[Evidence],
    attributed_to: Option<&str>,
    commands: &mut Vec<Command>,
) {
    ui.heading(format!("Evidence ({})", evidence.len()));
    if evidence.is_empty() {
        ui.label(
            RichText::new(
                "No evidence: the file this comes from quotes no article for it. \
                 Treat it as the file's claim, not a sourced one.",
            )
            .italics(),
        );
    }
    for (index, record) in evidence.iter().enumerate() {
        let Some(article) = model.article(&record.article_id) else {
            ui.label(format!("Article \"{}\" is missing.", record.article_id));
            continue;
        };
        let frame = egui::Frame::group(ui.style()).fill(Color32::from_gray(250));
        frame.show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new(article.byline()).strong());
            ui.label(RichText::new(&article.title).italics());
            if let Some(source) = attributed_to {
                ui.label(RichText::new(format!("Attributed to: {source}")).weak());
            }
            if let Some(extractor) = record.extractor.as_ref().filter(|_| !record.reviewed) {
                let confidence = record
                    .confidence
                    .map_or_else(String::new, |c| format!(", confidence {c:.2}"));
                ui.label(
                    RichText::new(format!(
                        "Extracted by {extractor}{confidence}: check before citing"
                    ))
                    .color(Color32::from_rgb(150, 80, 0)),
                );
            }
            let sentence = ui
                .add(
                    egui::Label::new(sentence_job(ui, &article.text, record)).sense(Sense::click()),
                )
                .on_hover_cursor(egui::CursorIcon::PointingHand);
            if sentence.clicked() {
                commands.push(Command::OpenReader {
                    article_id: record.article_id.clone(),
                    start: record.start,
                    end: record.end,
                });
            }
            ui.horizontal(|ui| {
                let open = ui
                    .button("Read in article")
                    .on_hover_text("Open the full article, scrolled to this passage");
                if open.clicked() {
                    commands.push(Command::OpenReader {
                        article_id: record.article_id.clone(),
                        start: record.start,
                        end: record.end,
                    });
                }
                ui.label(
                    RichText::new(format!("chars {}–{}", record.start, record.end))
                        .weak()
                        .small(),
                );
                if ui
                    .small_button("Remove")
                    .on_hover_text("Remove this passage from the evidence (Ctrl+Z brings it back)")
                    .clicked()
                {
                    commands.push(Command::Edit(EditOp::RemoveEvidence(RemoveEvidence {
                        id: owner.to_owned(),
                        index,
                        note: None,
                    })));
                }
            });
        });
    }
}

/// The sentence around an evidence quote, with the quote highlighted.
fn sentence_job(ui: &Ui, text: &crate::model::ArticleText, record: &Evidence) -> LayoutJob {
    let (sentence_start, sentence_end) = text.sentence_around(record.start, record.end);
    let sentence_start = sentence_start.max(record.start.saturating_sub(SENTENCE_CONTEXT_CHARS));
    let sentence_end = sentence_end.min(record.end + SENTENCE_CONTEXT_CHARS);
    highlighted_text(
        ui,
        text,
        (sentence_start, sentence_end),
        (record.start, record.end),
    )
}
