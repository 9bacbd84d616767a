//! Where the selected element came from and what was done to it (its audit trail), with
//! the edits a researcher makes to it from the details panel.

use egui::{Color32, RichText, Ui};

use super::Command;
use super::edit_form::EditForm;
use crate::edit::{Delete, EditOp, Review, Verdict};
use crate::model::{Audit, Model, Origin};

/// Whether the element is a node or an edge, with its id.
pub enum Element<'a> {
    /// A node.
    Node(&'a str),
    /// An edge.
    Edge(&'a str),
}

impl Element<'_> {
    fn id(&self) -> &str {
        match self {
            Self::Node(id) | Self::Edge(id) => id,
        }
    }
}

/// The audit trail, then Edit, Merge (nodes), Delete, and Accept or Reject while an
/// extracted element waits for review.
pub fn provenance_ui(
    ui: &mut Ui,
    model: &Model,
    element: Element<'_>,
    audit: &Audit,
    commands: &mut Vec<Command>,
) {
    ui.heading("Provenance");
    let colour = match (audit.origin, audit.reviewed) {
        (Origin::Extracted, false) => Color32::from_rgb(150, 80, 0),
        _ => ui.visuals().text_color(),
    };
    ui.label(RichText::new(audit.describe()).color(colour).strong());
    for record in &audit.edits {
        let note = record
            .note
            .as_deref()
            .map_or_else(String::new, |note| format!(" · {note}"));
        ui.label(
            RichText::new(format!(
                "{} {}{note}",
                record.at,
                record.operation.replace('_', " ")
            ))
            .weak()
            .small(),
        );
    }
    let id = element.id().to_owned();
    ui.horizontal_wrapped(|ui| {
        if audit.awaits_review() {
            for (verdict, label) in [(Verdict::Accept, "Accept"), (Verdict::Reject, "Reject")] {
                if ui.button(label).clicked() {
                    commands.push(Command::Edit(EditOp::Review(Review {
                        id: id.clone(),
                        verdict,
                        note: None,
                    })));
                }
            }
        }
        if ui.button("Edit fields…").clicked()
            && let Some(form) = EditForm::update(model, &id)
        {
            commands.push(Command::OpenForm(Box::new(form)));
        }
        match element {
            Element::Node(_) => {
                if ui
                    .button("Merge another node into this…")
                    .on_hover_text("For two nodes that are one actor")
                    .clicked()
                {
                    commands.push(Command::OpenForm(Box::new(EditForm::merge_into(&id))));
                }
                if ui.button("Delete node…").clicked() {
                    commands.push(Command::AskDelete(id.clone()));
                }
            }
            Element::Edge(_) => {
                if ui.button("Delete relation").clicked() {
                    commands.push(Command::Edit(EditOp::Delete(Delete {
                        id: id.clone(),
                        note: None,
                    })));
                }
            }
        }
    });
}
