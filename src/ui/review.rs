//! The review queue: what `ingest` extracted and no one has checked yet, lowest
//! confidence first, each with its sentence, accepted (A), rejected (R) or edited (E)
//! from the keyboard, J and K to move on and back.

use egui::{Key, RichText};

use super::command::Command;
use super::edit_form::EditForm;
use super::state::Selection;
use super::style::highlighted_text;
use crate::edit::{EditOp, Review, Verdict};
use crate::model::{Evidence, Model};

/// Where the queue is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReviewState {
    /// The position in the queue of the element shown.
    pub index: usize,
    /// The element last selected on the canvas for the user, so it is selected once.
    shown: Option<String>,
}

/// One element waiting for review.
#[derive(Debug, Clone, PartialEq)]
pub struct Waiting {
    /// Its id.
    pub id: String,
    /// Whether it is a node (else an edge).
    pub is_node: bool,
    /// How sure the extractor was: its best evidence's confidence.
    pub confidence: f32,
}

/// The extracted elements not yet reviewed, lowest confidence first (then nodes before
/// edges, then by id).
pub fn review_queue(model: &Model) -> Vec<Waiting> {
    let confidence = |evidence: &[Evidence]| {
        evidence
            .iter()
            .filter_map(|record| record.confidence)
            .fold(0.0f32, f32::max)
    };
    let mut queue: Vec<Waiting> = model
        .nodes
        .iter()
        .filter(|node| node.audit.awaits_review())
        .map(|node| Waiting {
            id: node.id.clone(),
            is_node: true,
            confidence: confidence(&node.evidence),
        })
        .chain(
            model
                .edges
                .iter()
                .filter(|edge| edge.audit.awaits_review())
                .map(|edge| Waiting {
                    id: edge.id.clone(),
                    is_node: false,
                    confidence: confidence(&edge.evidence),
                }),
        )
        .collect();
    queue.sort_by(|a, b| {
        a.confidence
            .total_cmp(&b.confidence)
            .then(b.is_node.cmp(&a.is_node))
            .then_with(|| a.id.cmp(&b.id))
    });
    queue
}

/// Shows the queue; returns false when the user closed it. Its keys work while
/// `keys_enabled`.
pub fn review_ui(
    ctx: &egui::Context,
    model: &Model,
    state: &mut ReviewState,
    keys_enabled: bool,
    commands: &mut Vec<Command>,
) -> bool {
    let queue = review_queue(model);
    state.index = state.index.min(queue.len().saturating_sub(1));
    let current = queue.get(state.index);
    if let Some(waiting) = current
        && state.shown.as_ref() != Some(&waiting.id)
    {
        let selection = if waiting.is_node {
            Selection::Node(waiting.id.clone())
        } else {
            Selection::Edge(waiting.id.clone())
        };
        commands.push(Command::Select(Some(selection)));
        state.shown = Some(waiting.id.clone());
    }
    // Keys act only while nothing else (a form, a question, a text field) wants them.
    let keys_free = keys_enabled && !ctx.egui_wants_keyboard_input();
    let pressed = |key: Key| {
        keys_free && ctx.input(|input| input.key_pressed(key) && input.modifiers.is_none())
    };
    let mut open = true;
    egui::Window::new("Review extracted elements")
        .id(egui::Id::new("review-queue"))
        .open(&mut open)
        .default_size([520.0, 360.0])
        .default_pos([300.0, 120.0])
        .collapsible(false)
        .show(ctx, |ui| {
            let Some(waiting) = current else {
                ui.label("Nothing left to review: every extracted element has been accepted or rejected.");
                return;
            };
            ui.label(
                RichText::new(format!(
                    "{} left to review · {} of {}",
                    queue.len(),
                    state.index + 1,
                    queue.len()
                ))
                .strong(),
            );
            ui.label(RichText::new(format!("confidence {:.2}", waiting.confidence)).weak());
            ui.separator();
            waiting_ui(ui, model, waiting);
            ui.separator();
            ui.horizontal(|ui| {
                let verdict = |verdict| {
                    Command::Edit(EditOp::Review(Review {
                        id: waiting.id.clone(),
                        verdict,
                        note: None,
                    }))
                };
                if ui.button("Accept (A)").clicked() || pressed(Key::A) {
                    commands.push(verdict(Verdict::Accept));
                }
                if ui.button("Reject (R)").clicked() || pressed(Key::R) {
                    commands.push(verdict(Verdict::Reject));
                }
                if (ui.button("Edit (E)").clicked() || pressed(Key::E))
                    && let Some(form) = EditForm::update(model, &waiting.id)
                {
                    commands.push(Command::OpenForm(Box::new(form)));
                }
                if ui.button("Previous (K)").clicked() || pressed(Key::K) {
                    state.index = state.index.saturating_sub(1);
                }
                if ui.button("Next (J)").clicked() || pressed(Key::J) {
                    state.index = (state.index + 1).min(queue.len().saturating_sub(1));
                }
            });
        });
    open
}

/// The element waiting for review: its name (a relation with its ends and modality) and
/// up to three of its quotes, each in its sentence.
fn waiting_ui(ui: &mut egui::Ui, model: &Model, waiting: &Waiting) {
    let evidence = if waiting.is_node {
        model.node(&waiting.id).map(|node| {
            ui.heading(format!("{} ({})", node.label, node.kind.as_str()));
            &node.evidence
        })
    } else {
        model.edge(&waiting.id).map(|edge| {
            ui.heading(format!(
                "{} {} {}",
                model.node_label(&edge.source),
                edge.relation.words(),
                model.node_label(&edge.target)
            ));
            if edge.modality.as_str() != "asserted" {
                ui.label(format!("modality: {}", edge.modality.as_str()));
            }
            &edge.evidence
        })
    };
    for record in evidence.into_iter().flatten().take(3) {
        if let Some(article) = model.article(&record.article_id) {
            let (from, to) = article.text.sentence_around(record.start, record.end);
            let job = highlighted_text(ui, &article.text, (from, to), (record.start, record.end));
            ui.label(job);
            ui.label(RichText::new(article.byline()).weak());
        }
    }
}
