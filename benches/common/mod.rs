//! What the window benchmarks share: the app in a window of the size they all measure.

// Each benchmark is its own crate and uses what it needs of this module.
#![allow(dead_code)]

use std::path::Path;

use backchannel::ui::{AppOptions, BackchannelApp};
use egui_kittest::Harness;

/// The app in a 1600x1000 window, as `options` say (a file they name loads on a worker).
pub fn window(options: AppOptions) -> Harness<'static, BackchannelApp> {
    Harness::builder()
        .with_size(egui::Vec2::new(1600.0, 1000.0))
        .build_eframe(move |_| BackchannelApp::new(options))
}

/// The app in that window with the file at `path` open, its load waited for.
pub fn window_on(path: &Path) -> Harness<'static, BackchannelApp> {
    let mut harness = window(AppOptions {
        initial_file: Some(path.to_path_buf()),
        ..AppOptions::default()
    });
    harness.state_mut().wait_for_loading();
    harness
}
