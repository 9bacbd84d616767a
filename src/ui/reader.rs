//! The article reader: the full text of one article with the quoted span highlighted and
//! scrolled into view. Selecting text offers to make it evidence: for the selected node
//! or edge, or for a new node or relation; offsets and context are computed, never typed.

use std::sync::Arc;

use egui::text::{CCursor, CCursorRange};
use egui::{Align, RichText};

use super::command::Command;
use super::edit_form::EditForm;
use super::state::{ReaderState, Selection};
use super::style::highlighted_text;
use crate::edit::{AddEvidence, EditOp, spec_at};
use crate::model::Model;

/// The height the menu bar takes at the top of the window, which the reader stays below.
const MENU_BAR_ROOM: f32 = 28.0;

/// The id of the reader's text, whose selection becomes evidence.
pub fn reader_text_id() -> egui::Id {
    egui::Id::new("article-reader-text")
}

/// Selects chars `start..end` of the reader's text, as dragging across it does (for
/// scripts and tests).
pub fn select_in_reader(ctx: &egui::Context, start: usize, end: usize) {
    let id = reader_text_id();
    ctx.memory_mut(|memory| memory.request_focus(id));
    let mut state = egui::text_edit::TextEditState::load(ctx, id).unwrap_or_default();
    state.cursor.set_char_range(Some(CCursorRange::two(
        CCursor::new(start),
        CCursor::new(end),
    )));
    state.store(ctx, id);
}

/// Shows the reader window; returns false when the user closed it.
pub fn reader_ui(
    ctx: &egui::Context,
    model: &Model,
    state: &mut ReaderState,
    selected: Option<&Selection>,
    commands: &mut Vec<Command>,
) -> bool {
    let Some(article) = model.article(&state.article_id) else {
        return false;
    };
    let mut open = true;
    // Below the menu bar, never over it.
    let below_menu = {
        let screen = ctx.content_rect();
        egui::Rect::from_min_max(screen.min + egui::vec2(0.0, MENU_BAR_ROOM), screen.max)
    };
    egui::Window::new(format!("Article: {}", article.title))
        .id(egui::Id::new("article-reader"))
        .default_pos(below_menu.min + egui::vec2(40.0, 40.0))
        .constrain_to(below_menu)
        .open(&mut open)
        .default_size([620.0, 560.0])
        .resizable(true)
        .collapsible(false)
        .show(ctx, |ui| {
            ui.label(RichText::new(article.byline()).strong());
            if let Some(path) = &article.path {
                ui.label(RichText::new(path).weak().monospace());
            }
            if let Some(url) = &article.url {
                ui.hyperlink_to(url, url);
            }
            selection_bar_ui(ui, model, state, selected, commands);
            ui.separator();
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    let text = &article.text;
                    let end = state.end.min(text.char_len());
                    let start = state.start.min(end);
                    let mut layouter = |ui: &egui::Ui, _: &dyn egui::TextBuffer, width: f32| {
                        let mut job =
                            highlighted_text(ui, text, (0, text.char_len()), (start, end));
                        job.wrap.max_width = width;
                        ui.fonts_mut(|fonts| fonts.layout_job(job))
                    };
                    let mut shown: &str = text.as_str();
                    let output = egui::TextEdit::multiline(&mut shown)
                        .id(reader_text_id())
                        .frame(egui::Frame::NONE)
                        .desired_width(f32::INFINITY)
                        .layouter(&mut layouter)
                        .show(ui);
                    // The selection is read while the text has the focus; clicking a
                    // button takes the focus away, and the selection stays for it.
                    // A click in the text clears it.
                    if let Some(range) = output.cursor_range {
                        let [first, last] = range.sorted_cursors();
                        let text_response = &output.response.response;
                        if first.index < last.index {
                            state.selection = Some((first.index.0, last.index.0));
                        } else if text_response.clicked() || text_response.drag_started() {
                            state.selection = None;
                        }
                    }
                    if state.scroll_pending {
                        let galley: &Arc<egui::Galley> = &output.galley;
                        let span = galley
                            .pos_from_cursor(CCursor::new(start))
                            .union(galley.pos_from_cursor(CCursor::new(end)))
                            .translate(output.galley_pos.to_vec2());
                        ui.scroll_to_rect(span, Some(Align::Center));
                        state.scroll_pending = false;
                    }
                });
        });
    open
}

/// What a selection of the text can become. The bar keeps its height whether or not
/// text is selected (one line for the quote, one row of buttons), so that the text never
/// moves under the pointer while the user drags across it.
fn selection_bar_ui(
    ui: &mut egui::Ui,
    model: &Model,
    state: &ReaderState,
    selected: Option<&Selection>,
    commands: &mut Vec<Command>,
) {
    let spec = state
        .selection
        .and_then(|(start, end)| spec_at(model, &state.article_id, start, end));
    let line = match &spec {
        Some(spec) => RichText::new(format!(
            "Selected: “{}”",
            spec.quote.split_whitespace().collect::<Vec<_>>().join(" ")
        ))
        .italics(),
        None => RichText::new("Select text below to use it as evidence.").weak(),
    };
    ui.add(egui::Label::new(line).truncate());
    let target = match selected {
        Some(Selection::Node(id) | Selection::Edge(id)) => Some(id),
        None => None,
    };
    let name = target.map(|id| match selected {
        Some(Selection::Node(_)) => model.node_label(id).to_owned(),
        _ => model.edge(id).map_or_else(
            || id.clone(),
            |edge| {
                format!(
                    "{} {} {}",
                    model.node_label(&edge.source),
                    edge.relation.words(),
                    model.node_label(&edge.target)
                )
            },
        ),
    });
    ui.add_enabled_ui(spec.is_some(), |ui| {
        ui.horizontal(|ui| {
            let short: String = name.as_deref().unwrap_or("").chars().take(28).collect();
            let cut = if name.as_ref().is_some_and(|name| name.chars().count() > 28) {
                "…"
            } else {
                ""
            };
            let add = ui
                .add_enabled(
                    target.is_some(),
                    egui::Button::new(format!("Evidence for {short}{cut}")),
                )
                .on_hover_text(name.as_ref().map_or_else(
                    || "Select a node or an edge first".to_owned(),
                    |name| format!("Add the selected text to the evidence of {name}"),
                ))
                .on_disabled_hover_text("Select a node or an edge, and text in the article");
            if add.clicked()
                && let (Some(id), Some(spec)) = (target, &spec)
            {
                commands.push(Command::Edit(EditOp::AddEvidence(AddEvidence {
                    id: id.clone(),
                    evidence: vec![spec.clone()],
                    note: None,
                })));
            }
            if ui.button("New node from this quote…").clicked() {
                commands.push(Command::OpenForm(Box::new(EditForm::new_node(
                    spec.clone(),
                ))));
            }
            if ui.button("New relation from this quote…").clicked() {
                let source = match selected {
                    Some(Selection::Node(id)) => Some(id.clone()),
                    _ => None,
                };
                commands.push(Command::OpenForm(Box::new(EditForm::new_relation(
                    spec.clone(),
                    source,
                ))));
            }
        });
    });
}
