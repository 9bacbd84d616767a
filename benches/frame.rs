//! Frame CPU time of the real window (app logic plus egui tessellation, headless,
//! 1600x1000) at 1,000, 10,000 and 50,000 nodes with four edges per node, with the force
//! layout running on its thread and paused. Run alone with `cargo bench --bench frame`.

use backchannel::dataset::synthetic_dataset;
use backchannel::ui::{AppOptions, BackchannelApp, Command};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use egui_kittest::Harness;

fn app(count: usize, folder: &std::path::Path) -> Harness<'static, BackchannelApp> {
    let path = folder.join(format!("synthetic-{count}.json"));
    std::fs::write(&path, synthetic_dataset(count, 4)).expect("the benchmark dataset is written");
    let mut harness = Harness::builder()
        .with_size(egui::Vec2::new(1600.0, 1000.0))
        .build_eframe(move |creation| {
            creation.egui_ctx.set_visuals(egui::Visuals::light());
            BackchannelApp::new(AppOptions {
                initial_file: Some(path),
                ..AppOptions::default()
            })
        });
    harness.run_steps(2);
    harness
}

/// One frame: the app's logic, then tessellation of what it drew.
fn frame(harness: &mut Harness<'static, BackchannelApp>) -> usize {
    harness.step();
    let shapes = harness.output().shapes.clone();
    harness.ctx.tessellate(shapes, 1.0).len()
}

fn frames(c: &mut Criterion) {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let mut group = c.benchmark_group("frame");
    group.sample_size(10);
    for count in [1_000usize, 10_000, 50_000] {
        let mut harness = app(count, folder.path());
        harness
            .state_mut()
            .apply_command(Command::SetLayout(backchannel::view::LayoutKind::Force));
        group.bench_with_input(
            BenchmarkId::new("layout_running", count),
            &count,
            |bencher, _| {
                bencher.iter(|| frame(&mut harness));
            },
        );
        harness
            .state_mut()
            .apply_command(Command::PauseLayout(true));
        group.bench_with_input(
            BenchmarkId::new("layout_paused", count),
            &count,
            |bencher, _| {
                bencher.iter(|| frame(&mut harness));
            },
        );
    }
    group.finish();
}

criterion_group!(benches, frames);
criterion_main!(benches);
