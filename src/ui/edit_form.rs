//! The small forms that add a node or a relation (prefilled from a quote), change an
//! element's fields, or merge nodes. A form only builds an [`EditOp`]; the app applies
//! it, and the form stays open with the reason when it is refused.

use egui::{ComboBox, RichText, Ui};
use serde_json::{Map, Value};

use super::command::Command;
use crate::edit::{EditOp, EvidenceSpec, Merge, NewEdge, NewNode, Update};
use crate::interchange::carry::{raw_edge, raw_node};
use crate::model::{MeetingStatus, Modality, Model, NodeKind, Relation, Subtype};

/// The most nodes a choice lists at once; typing narrows it.
const MOST_CHOICES_LISTED: usize = 200;

/// What a form makes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormPurpose {
    /// A new node.
    NewNode,
    /// A new relation.
    NewRelation,
    /// New values for the fields of this node or edge (by id).
    Update(String),
    /// Other nodes merged into this one (by id).
    Merge(String),
}

/// A form's fields, as text the user edits.
#[derive(Debug, Clone, PartialEq)]
pub struct EditForm {
    /// What it makes.
    pub purpose: FormPurpose,
    /// Node: kind.
    pub kind: String,
    /// Node: the name shown.
    pub label: String,
    /// Node: other names, comma-separated.
    pub aliases: String,
    /// Node: subtype (empty for none).
    pub subtype: String,
    /// Node: the id of the node it belongs to.
    pub affiliation: String,
    /// Meeting: where.
    pub place: String,
    /// Meeting or relation: when, `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub date: String,
    /// Meeting: status.
    pub status: String,
    /// Relation: the node that acts.
    pub source: String,
    /// Relation: what it does.
    pub relation: String,
    /// Relation: the node acted on.
    pub target: String,
    /// Relation: how firmly the text states it.
    pub modality: String,
    /// Relation: who said so.
    pub attributed_to: String,
    /// The element's remark.
    pub remark: String,
    /// Merge: the node to merge into the kept one.
    pub merge_from: String,
    /// The quote it is made from, with its article.
    pub evidence: Option<EvidenceSpec>,
    /// Why the change is made, kept in the audit trail.
    pub note: String,
    /// Why the last try was refused.
    pub error: Option<String>,
    /// The values it was opened with (for an update: only changed fields are set).
    original: Option<Box<EditForm>>,
}

impl Default for EditForm {
    fn default() -> Self {
        Self {
            purpose: FormPurpose::NewNode,
            kind: NodeKind::Actor.as_str().to_owned(),
            label: String::new(),
            aliases: String::new(),
            subtype: String::new(),
            affiliation: String::new(),
            place: String::new(),
            date: String::new(),
            status: MeetingStatus::ALL
                .first()
                .map_or("", |s| s.as_str())
                .to_owned(),
            source: String::new(),
            relation: Relation::Demands.as_str().to_owned(),
            target: String::new(),
            modality: Modality::Asserted.as_str().to_owned(),
            attributed_to: String::new(),
            remark: String::new(),
            merge_from: String::new(),
            evidence: None,
            note: String::new(),
            error: None,
            original: None,
        }
    }
}

impl EditForm {
    /// A new node from a quote: the label starts as the quote when it is short.
    pub fn new_node(evidence: Option<EvidenceSpec>) -> Self {
        let label = evidence
            .as_ref()
            .filter(|spec| spec.quote.chars().count() <= 60)
            .map(|spec| spec.quote.trim().to_owned())
            .unwrap_or_default();
        Self {
            purpose: FormPurpose::NewNode,
            label,
            evidence,
            ..Self::default()
        }
    }

    /// A new relation from a quote, from `source` when a node is selected.
    pub fn new_relation(evidence: Option<EvidenceSpec>, source: Option<String>) -> Self {
        Self {
            purpose: FormPurpose::NewRelation,
            source: source.unwrap_or_default(),
            evidence,
            ..Self::default()
        }
    }

    /// Merging another node into `into`.
    pub fn merge_into(into: &str) -> Self {
        Self {
            purpose: FormPurpose::Merge(into.to_owned()),
            ..Self::default()
        }
    }

    /// The fields of the node or edge `id`, to change.
    pub fn update(model: &Model, id: &str) -> Option<Self> {
        let mut form = Self {
            purpose: FormPurpose::Update(id.to_owned()),
            ..Self::default()
        };
        if let Some(node) = model.node(id) {
            let raw = raw_node(node);
            form.kind = raw.kind;
            form.label = raw.label;
            form.aliases = raw.aliases.join(", ");
            form.subtype = raw.subtype.unwrap_or_default();
            form.affiliation = raw.affiliation.unwrap_or_default();
            form.place = raw.place.unwrap_or_default();
            form.date = raw.date.unwrap_or_default();
            form.status = raw.status.unwrap_or_default();
            form.remark = raw.note.unwrap_or_default();
        } else {
            let edge = model.edge(id)?;
            let raw = raw_edge(edge);
            form.source = raw.source;
            form.relation = raw.relation;
            form.target = raw.target;
            form.modality = raw.modality.unwrap_or_default();
            form.attributed_to = raw.attributed_to.unwrap_or_default();
            form.date = raw.date.unwrap_or_default();
            form.remark = raw.note.unwrap_or_default();
        }
        form.original = Some(Box::new(form.clone()));
        Some(form)
    }

    /// Whether the form is about a node (else a relation), given the model.
    fn is_node(&self, model: &Model) -> bool {
        match &self.purpose {
            FormPurpose::NewNode | FormPurpose::Merge(_) => true,
            FormPurpose::NewRelation => false,
            FormPurpose::Update(id) => model.node(id).is_some(),
        }
    }

    /// The operation the form asks for.
    pub fn op(&self, model: &Model) -> EditOp {
        let text = |value: &str| Some(value.trim().to_owned()).filter(|value| !value.is_empty());
        let note = text(&self.note);
        let meeting = self.kind == NodeKind::Meeting.as_str();
        match &self.purpose {
            FormPurpose::NewNode => EditOp::AddNode(NewNode {
                id: None,
                kind: self.kind.clone(),
                label: self.label.trim().to_owned(),
                aliases: split_list(&self.aliases),
                subtype: text(&self.subtype),
                affiliation: text(&self.affiliation),
                place: text(&self.place).filter(|_| meeting),
                date: text(&self.date).filter(|_| meeting),
                status: text(&self.status).filter(|_| meeting),
                evidence: self.evidence.iter().cloned().collect(),
                note,
            }),
            FormPurpose::NewRelation => EditOp::AddEdge(NewEdge {
                id: None,
                source: self.source.trim().to_owned(),
                relation: self.relation.clone(),
                target: self.target.trim().to_owned(),
                modality: text(&self.modality).filter(|m| m != Modality::Asserted.as_str()),
                attributed_to: text(&self.attributed_to),
                date: text(&self.date),
                evidence: self.evidence.iter().cloned().collect(),
                note,
            }),
            FormPurpose::Merge(into) => EditOp::Merge(Merge {
                into: into.clone(),
                from: vec![self.merge_from.trim().to_owned()],
                note,
            }),
            FormPurpose::Update(id) => {
                let fields: Vec<(&str, &str)> = if self.is_node(model) {
                    vec![
                        ("label", &self.label),
                        ("kind", &self.kind),
                        ("subtype", &self.subtype),
                        ("aliases", &self.aliases),
                        ("affiliation", &self.affiliation),
                        ("place", &self.place),
                        ("date", &self.date),
                        ("status", &self.status),
                        ("note", &self.remark),
                    ]
                } else {
                    vec![
                        ("source", &self.source),
                        ("relation", &self.relation),
                        ("target", &self.target),
                        ("modality", &self.modality),
                        ("attributed_to", &self.attributed_to),
                        ("date", &self.date),
                        ("note", &self.remark),
                    ]
                };
                let original = self.original.as_deref();
                let mut set = Map::new();
                for (field, value) in fields {
                    let before = original.map(|form| form.field(field));
                    if before == Some(value) {
                        continue;
                    }
                    let value = value.trim();
                    let json = if field == "aliases" {
                        Value::from(split_list(value))
                    } else if value.is_empty() {
                        Value::Null
                    } else {
                        Value::from(value)
                    };
                    set.insert(field.to_owned(), json);
                }
                EditOp::Update(Update {
                    id: id.clone(),
                    set,
                    note,
                })
            }
        }
    }

    fn field(&self, name: &str) -> &str {
        match name {
            "label" => &self.label,
            "kind" => &self.kind,
            "subtype" => &self.subtype,
            "aliases" => &self.aliases,
            "affiliation" => &self.affiliation,
            "place" => &self.place,
            "date" => &self.date,
            "status" => &self.status,
            "note" => &self.remark,
            "source" => &self.source,
            "relation" => &self.relation,
            "target" => &self.target,
            "modality" => &self.modality,
            "attributed_to" => &self.attributed_to,
            _ => "",
        }
    }

    fn title(&self, model: &Model) -> String {
        match &self.purpose {
            FormPurpose::NewNode => "New node".to_owned(),
            FormPurpose::NewRelation => "New relation".to_owned(),
            FormPurpose::Update(id) => format!(
                "Edit \"{}\"",
                model
                    .node(id)
                    .map_or(id.as_str(), |node| node.label.as_str())
            ),
            FormPurpose::Merge(into) => format!("Merge into \"{}\"", model.node_label(into)),
        }
    }
}

fn split_list(text: &str) -> Vec<String> {
    text.split(',')
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .map(str::to_owned)
        .collect()
}

/// Shows the form; returns false when the user closed it.
pub fn edit_form_ui(
    ctx: &egui::Context,
    model: &Model,
    form: &mut EditForm,
    commands: &mut Vec<Command>,
) -> bool {
    let mut open = true;
    let mut cancelled = false;
    egui::Window::new(form.title(model))
        .id(egui::Id::new("edit-form"))
        .default_pos([300.0, 120.0])
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .default_width(440.0)
        .show(ctx, |ui| {
            if let Some(spec) = &form.evidence {
                let title = model
                    .article(&spec.article)
                    .map_or(spec.article.as_str(), |a| a.title.as_str());
                ui.label(RichText::new("Evidence").strong());
                ui.label(RichText::new(format!("“{}”", spec.quote)).italics());
                ui.label(RichText::new(format!("from {title}")).weak());
                ui.separator();
            }
            egui::Grid::new("edit-form-grid")
                .num_columns(2)
                .spacing([10.0, 6.0])
                .show(ui, |ui| {
                    fields_ui(ui, model, form);
                });
            ui.horizontal(|ui| {
                ui.label("Why (kept in the audit trail):");
                ui.add(
                    egui::TextEdit::singleline(&mut form.note)
                        .desired_width(220.0)
                        .hint_text("optional"),
                );
            });
            if let Some(error) = &form.error {
                ui.colored_label(egui::Color32::from_rgb(190, 30, 30), error);
            }
            ui.horizontal(|ui| {
                let verb = match form.purpose {
                    FormPurpose::NewNode | FormPurpose::NewRelation => "Add",
                    FormPurpose::Update(_) => "Apply",
                    FormPurpose::Merge(_) => "Merge",
                };
                if ui.button(verb).clicked() {
                    commands.push(Command::SubmitForm(form.op(model)));
                }
                if ui.button("Cancel").clicked() {
                    cancelled = true;
                }
            });
        });
    open && !cancelled
}

fn fields_ui(ui: &mut Ui, model: &Model, form: &mut EditForm) {
    if let FormPurpose::Merge(into) = &form.purpose {
        ui.label("Merge this node");
        node_choice(
            ui,
            "Merge this node",
            model,
            &mut form.merge_from,
            Some(into),
        );
        ui.end_row();
        ui.label("");
        ui.label(
            RichText::new(
                "Its relations move over; its names become aliases. Ctrl+Z splits them again.",
            )
            .weak(),
        );
        ui.end_row();
        return;
    }
    if form.is_node(model) {
        ui.label("Kind");
        vocabulary_choice(
            ui,
            "Kind",
            &mut form.kind,
            NodeKind::ALL.iter().map(|k| k.as_str()),
        );
        ui.end_row();
        text_row(ui, "Label", &mut form.label);
        text_row(ui, "Aliases", &mut form.aliases);
        ui.label("Subtype");
        vocabulary_choice(
            ui,
            "Subtype",
            &mut form.subtype,
            std::iter::once("").chain(Subtype::ALL.iter().map(|s| s.as_str())),
        );
        ui.end_row();
        ui.label("Belongs to");
        node_choice(ui, "Belongs to", model, &mut form.affiliation, None);
        ui.end_row();
        if form.kind == NodeKind::Meeting.as_str() {
            text_row(ui, "Place", &mut form.place);
            text_row(ui, "Date", &mut form.date);
            ui.label("Status");
            vocabulary_choice(
                ui,
                "Status",
                &mut form.status,
                MeetingStatus::ALL.iter().map(|s| s.as_str()),
            );
            ui.end_row();
        }
    } else {
        ui.label("Source");
        node_choice(ui, "Source", model, &mut form.source, None);
        ui.end_row();
        ui.label("Relation");
        vocabulary_choice(
            ui,
            "Relation",
            &mut form.relation,
            Relation::ALL.iter().map(|r| r.as_str()),
        );
        ui.end_row();
        ui.label("Target");
        node_choice(ui, "Target", model, &mut form.target, None);
        ui.end_row();
        ui.label("Modality");
        vocabulary_choice(
            ui,
            "Modality",
            &mut form.modality,
            Modality::ALL.iter().map(|m| m.as_str()),
        );
        ui.end_row();
        text_row(ui, "Said by", &mut form.attributed_to);
        text_row(ui, "Date", &mut form.date);
    }
    text_row(ui, "Remark", &mut form.remark);
}

fn text_row(ui: &mut Ui, name: &str, value: &mut String) {
    let hint = match name {
        "Aliases" => "other names, comma-separated",
        "Date" => "2024-05-28, 2024-05 or 2024",
        "Said by" => "who the article attributes it to",
        _ => "",
    };
    let label = ui.label(name);
    ui.add(
        egui::TextEdit::singleline(value)
            .desired_width(280.0)
            .hint_text(hint),
    )
    .labelled_by(label.id);
    ui.end_row();
}

fn vocabulary_choice<'a>(
    ui: &mut Ui,
    id: &str,
    value: &mut String,
    choices: impl Iterator<Item = &'a str>,
) {
    ComboBox::from_id_salt(id)
        .selected_text(if value.is_empty() {
            "(none)".to_owned()
        } else {
            value.replace('_', " ")
        })
        .width(280.0)
        .show_ui(ui, |ui| {
            for choice in choices {
                let shown = if choice.is_empty() {
                    "(none)".to_owned()
                } else {
                    choice.replace('_', " ")
                };
                ui.selectable_value(value, choice.to_owned(), shown);
            }
        })
        .response
        .widget_info(|| egui::WidgetInfo::labeled(egui::WidgetType::ComboBox, true, id));
}

/// A node, chosen from a list filtered by what is typed (its id or its label). `id` is
/// also the list's accessible name.
fn node_choice(ui: &mut Ui, id: &str, model: &Model, value: &mut String, except: Option<&str>) {
    let shown = if value.is_empty() {
        "(none)".to_owned()
    } else {
        format!("{} ({value})", model.node_label(value))
    };
    ComboBox::from_id_salt(id)
        .selected_text(shown)
        .width(280.0)
        .height(320.0)
        .show_ui(ui, |ui| {
            let filter_id = ui.make_persistent_id(("node-filter", id));
            let mut filter: String =
                ui.data_mut(|data| data.get_temp(filter_id).unwrap_or_default());
            let typed = ui.add(
                egui::TextEdit::singleline(&mut filter)
                    .hint_text("type to filter")
                    .desired_width(260.0),
            );
            // Typing goes to the filter as soon as the list opens.
            if !typed.has_focus() {
                typed.request_focus();
            }
            ui.data_mut(|data| data.insert_temp(filter_id, filter.clone()));
            if id == "Belongs to" {
                ui.selectable_value(value, String::new(), "(none)");
            }
            let folded = crate::model::search::fold(&filter);
            let mut nodes: Vec<_> = model
                .nodes
                .iter()
                .filter(|node| Some(node.id.as_str()) != except)
                .filter(|node| {
                    folded.is_empty()
                        || crate::model::search::fold(&node.label).contains(&folded)
                        || node.id.contains(&folded)
                })
                .take(MOST_CHOICES_LISTED * 4)
                .collect();
            nodes.sort_by_cached_key(|node| node.label.to_lowercase());
            let hidden = nodes.len().saturating_sub(MOST_CHOICES_LISTED);
            for node in nodes.into_iter().take(MOST_CHOICES_LISTED) {
                ui.selectable_value(
                    value,
                    node.id.clone(),
                    format!("{} ({})", node.label, node.id),
                );
            }
            if hidden > 0 {
                ui.label(RichText::new("More: type to filter").weak());
            }
        })
        .response
        .widget_info(|| egui::WidgetInfo::labeled(egui::WidgetType::ComboBox, true, id));
}
