//! The form that adds an article (a plain-text file) so that evidence can quote it. The
//! file is read when the form is submitted, and copied beside the dataset, with its
//! sha256, when the dataset is saved.

use egui::RichText;

use super::command::Command;
use crate::edit::{EditOp, NewArticle};
use crate::model::Model;

/// The article form's fields, as text the user edits.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ArticleForm {
    /// The text file.
    pub path: String,
    /// The article's id.
    pub id: String,
    /// Headline.
    pub title: String,
    /// Publication or agency.
    pub outlet: String,
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub published: String,
    /// Where it was published online.
    pub url: String,
    /// Why the refused try was refused.
    pub error: Option<String>,
}

impl ArticleForm {
    /// An empty form with the next free id (`a005` after `a004`).
    pub fn new(model: &Model) -> Self {
        let id = (model.articles.len()..)
            .map(|number| format!("a{number:03}"))
            .find(|id| model.article(id).is_none())
            .unwrap_or_default();
        Self {
            id,
            ..Self::default()
        }
    }

    /// The operation the form asks for.
    pub fn op(&self) -> EditOp {
        let url = Some(self.url.trim().to_owned()).filter(|url| !url.is_empty());
        EditOp::AddArticle(NewArticle {
            id: self.id.trim().to_owned(),
            path: self.path.trim().to_owned(),
            title: self.title.trim().to_owned(),
            outlet: self.outlet.trim().to_owned(),
            published: self.published.trim().to_owned(),
            url,
            text: None,
            note: None,
        })
    }
}

/// Shows the form; returns false when the user closed it.
pub fn article_form_ui(
    ctx: &egui::Context,
    form: &mut ArticleForm,
    commands: &mut Vec<Command>,
) -> bool {
    let mut open = true;
    let mut cancelled = false;
    egui::Window::new("Add an article")
        .id(egui::Id::new("article-form"))
        .default_pos([300.0, 120.0])
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .default_width(460.0)
        .show(ctx, |ui| {
            ui.label(
                RichText::new(
                    "A plain-text (UTF-8) file. It is copied beside the dataset when you save, with its sha256, so that every quote can be checked against it.",
                )
                .weak(),
            );
            egui::Grid::new("article-form-grid")
                .num_columns(2)
                .spacing([10.0, 6.0])
                .show(ui, |ui| {
                    let label = ui.label("File");
                    ui.horizontal(|ui| {
                        ui.add(egui::TextEdit::singleline(&mut form.path).desired_width(240.0))
                            .labelled_by(label.id);
                        if ui.button("Browse…").clicked()
                            && let Some(path) = rfd::FileDialog::new()
                                .set_title("Choose the article's text file")
                                .add_filter("Text", &["txt"])
                                .add_filter("All files", &["*"])
                                .pick_file()
                        {
                            form.path = path.display().to_string();
                        }
                    });
                    ui.end_row();
                    for (name, value, hint) in [
                        ("Id", &mut form.id, "a005"),
                        ("Title", &mut form.title, "the headline"),
                        ("Outlet", &mut form.outlet, "Reuters"),
                        ("Published", &mut form.published, "2024-05-28"),
                        ("Address", &mut form.url, "optional"),
                    ] {
                        let label = ui.label(name);
                        ui.add(
                            egui::TextEdit::singleline(value)
                                .desired_width(320.0)
                                .hint_text(hint),
                        )
                        .labelled_by(label.id);
                        ui.end_row();
                    }
                });
            if let Some(error) = &form.error {
                ui.colored_label(egui::Color32::from_rgb(190, 30, 30), error);
            }
            ui.horizontal(|ui| {
                if ui.button("Add article").clicked() {
                    commands.push(Command::SubmitForm(form.op()));
                }
                if ui.button("Cancel").clicked() {
                    cancelled = true;
                }
            });
        });
    open && !cancelled
}
