//! The article reader: the full text of one article with the quoted span highlighted and
//! scrolled into view.

use egui::text::CCursor;
use egui::{Align, RichText};

use super::state::ReaderState;
use super::style::highlighted_text;
use crate::model::Model;

/// Shows the reader window; returns false when the user closed it.
pub fn reader_ui(ctx: &egui::Context, model: &Model, state: &mut ReaderState) -> bool {
    let Some(article) = model.article(&state.article_id) else {
        return false;
    };
    let mut open = true;
    egui::Window::new(format!("Article: {}", article.title))
        .id(egui::Id::new("article-reader"))
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
            ui.separator();
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    let text = &article.text;
                    let end = state.end.min(text.char_len());
                    let start = state.start.min(end);
                    let job = highlighted_text(ui, text, (0, text.char_len()), (start, end));
                    let galley = ui.fonts_mut(|fonts| fonts.layout_job(job));
                    let response = ui.label(galley.clone());
                    if state.scroll_pending {
                        let span = galley
                            .pos_from_cursor(CCursor::new(start))
                            .union(galley.pos_from_cursor(CCursor::new(end)))
                            .translate(response.rect.min.to_vec2());
                        ui.scroll_to_rect(span, Some(Align::Center));
                        state.scroll_pending = false;
                    }
                });
        });
    open
}
