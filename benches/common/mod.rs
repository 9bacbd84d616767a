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

/// networkx's `read_gexf` of `path` in its own process: seconds and peak resident MiB.
/// The peak is the process's own (`VmHWM`): Linux carries `ru_maxrss` over from the
/// forking process across `exec`, so a benchmark that had a big graph in memory when it
/// started python would count that graph as python's.
pub fn networkx(path: &Path) -> Option<(f64, f64)> {
    let script = "import re, sys, time\nimport networkx\nstart = time.perf_counter()\ngraph = networkx.read_gexf(sys.argv[1])\nseconds = time.perf_counter() - start\npeak = int(re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read()).group(1)) / 1024\nprint(seconds, peak, graph.number_of_nodes(), graph.number_of_edges())";
    let output = std::process::Command::new("python3")
        .args(["-c", script])
        .arg(path)
        .output()
        .ok()?;
    let text = String::from_utf8_lossy(&output.stdout).into_owned();
    let mut fields = text.split_whitespace().map(str::parse::<f64>);
    match (fields.next(), fields.next()) {
        (Some(Ok(seconds)), Some(Ok(mib))) => Some((seconds, mib)),
        _ => None,
    }
}
