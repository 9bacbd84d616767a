//! Frame CPU time of the real window (app logic plus egui tessellation, headless,
//! 1600x1000) at 1,000, 10,000 and 50,000 nodes with four edges per node, with the force
//! layout running on its thread and paused; and, side by side, a bare egui_graphs view
//! running egui_graphs' own force layout (Fruchterman-Reingold with centre gravity, on
//! the UI thread) on the same graph sizes (1,000 and 10,000: at 50,000 one frame takes
//! minutes). Run alone with `cargo bench --bench frame`.

// A benchmark is a harness: a fixture that fails to build is a failed run.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use backchannel::dataset::synthetic_dataset;
use backchannel::ui::{AppOptions, BackchannelApp, Command};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use egui_kittest::Harness;

/// The allocator the app itself uses (see `src/main.rs`).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
    harness.state_mut().wait_for_loading();
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
        // Each harness is built inside its benchmark, so a filtered run builds only
        // the ones it measures.
        for paused in [false, true] {
            let name = if paused {
                "layout_paused"
            } else {
                "layout_running"
            };
            group.bench_with_input(BenchmarkId::new(name, count), &count, |bencher, &count| {
                let mut harness = app(count, folder.path());
                harness
                    .state_mut()
                    .apply_command(Command::SetLayout(backchannel::view::LayoutKind::Force));
                if paused {
                    harness
                        .state_mut()
                        .apply_command(Command::PauseLayout(true));
                }
                bencher.iter(|| frame(&mut harness));
            });
        }
    }
    group.finish();
}

/// A bare egui_graphs view of `count` nodes and `4 × count` edges at scattered places,
/// with egui_graphs' own force layout.
fn egui_graphs_view(count: usize) -> Harness<'static, EguiGraph> {
    let mut source: petgraph::stable_graph::StableGraph<(), ()> = Default::default();
    let nodes: Vec<_> = (0..count).map(|_| source.add_node(())).collect();
    let mut state: u64 = 7;
    let mut next = move || {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (state >> 33) as usize
    };
    for index in 0..count * 4 {
        let (from, to) = (nodes[index / 4], nodes[next() % count]);
        source.add_edge(from, to, ());
    }
    let mut graph: EguiGraph = egui_graphs::to_graph(&source);
    let indices: Vec<_> = graph.nodes_iter().map(|(index, _)| index).collect();
    for index in indices {
        let place = egui::Pos2::new((next() % 4000) as f32, (next() % 4000) as f32);
        if let Some(node) = graph.node_mut(index) {
            node.set_location(place);
        }
    }
    let mut harness = Harness::builder()
        .with_size(egui::Vec2::new(1600.0, 1000.0))
        .build_ui_state(
            |ui, graph: &mut EguiGraph| {
                egui_graphs::GraphView::<
                    egui_graphs::FruchtermanReingoldWithCenterGravityState,
                    egui_graphs::LayoutForceDirected<
                        egui_graphs::FruchtermanReingoldWithCenterGravity,
                    >,
                >::new()
                .show(ui, graph);
            },
            graph,
        );
    harness.run_steps(2);
    harness
}

type EguiGraph = egui_graphs::Graph<(), (), petgraph::Directed>;

fn egui_graphs_frames(c: &mut Criterion) {
    let mut group = c.benchmark_group("egui_graphs_fr_frame");
    group.sample_size(10);
    for count in [1_000usize, 10_000] {
        group.bench_with_input(
            BenchmarkId::new("layout_running", count),
            &count,
            |bencher, &count| {
                let mut harness = egui_graphs_view(count);
                bencher.iter(|| {
                    harness.step();
                    let shapes = harness.output().shapes.clone();
                    harness.ctx.tessellate(shapes, 1.0).len()
                });
            },
        );
    }
    group.finish();
}

criterion_group!(benches, frames, egui_graphs_frames);
criterion_main!(benches);
