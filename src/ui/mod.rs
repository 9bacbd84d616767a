//! The eframe window and its panels. This is the only part of the crate that uses egui,
//! and [`graph_view`] is the only module that uses egui_graphs.

mod app;
pub mod article_form;
mod batch;
mod chart_export;
mod chart_view;
pub mod command;
mod conflicts_window;
mod details;
pub mod edit_form;
mod export_window;
mod filters_tab;
mod graph_export_window;
pub mod graph_view;
mod ingest_window;
pub mod line_raster;
mod positions_window;
mod preferences;
mod provenance;
mod reader;
mod recent;
pub mod review;
mod sidebar;
mod state;
mod stored;
mod style;

use std::path::PathBuf;

pub use app::{AppOptions, BackchannelApp, SHORTCUTS};
pub use command::{Command, UnsavedAnswer};
pub use edit_form::{EditForm, FormPurpose};
pub use export_window::{ExportState, SceneInputs, document_scene};
pub use graph_export_window::{GraphExportState, export as export_graph};
pub use ingest_window::IngestState;
pub use reader::{reader_text_id, select_in_reader};
pub use recent::{MAX_RECENT, RecentFiles};
pub use review::{ReviewState, review_queue};
pub use sidebar::{SidebarState, SidebarTab};
pub use state::{Document, PathResult, ReaderState, Selection, ViewSnapshot};

/// Opens the window; returns when it is closed.
pub fn run_window(
    initial_file: Option<PathBuf>,
    read_options: crate::interchange::ReadOptions,
) -> anyhow::Result<()> {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Backchannel")
            .with_inner_size([1600.0, 1000.0])
            .with_min_inner_size([900.0, 600.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    let app_options = AppOptions {
        initial_file,
        recent_store: RecentFiles::default_store(),
        preferences_store: preferences::Preferences::default_store(),
        session_folder: RecentFiles::default_store()
            .and_then(|store| store.parent().map(|folder| folder.join("sessions"))),
        read_options,
        far_image_from: None,
        batch_edges_from: None,
    };
    eframe::run_native(
        "Backchannel",
        options,
        Box::new(move |creation| {
            creation.egui_ctx.set_visuals(egui::Visuals::light());
            Ok(Box::new(BackchannelApp::new(app_options)))
        }),
    )
    .map_err(|error| anyhow::anyhow!("the window could not be opened: {error}"))
}
