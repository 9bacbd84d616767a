//! How long the window's thread is busy for each thing a user does on a graph of
//! 100,000 nodes and 400,000 edges (a GEXF as Gephi writes it, with positions): opening
//! it, its first frames, a steady frame, a selection, a filter and its undoing, a layout
//! switch, sizing by a measure. Each is the command's own time plus the worst of the
//! frames after it (app logic, without painting). The target is 50 ms for every one;
//! the figures say which are over. Run alone with `cargo bench --bench respond`.

// A benchmark is a harness: a fixture that fails to build is a failed run.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::time::{Duration, Instant};

use backchannel::graph::Measure;
use backchannel::interchange::synthetic_gexf;
use backchannel::model::Relation;
use backchannel::ui::{AppOptions, BackchannelApp, Command, Selection};
use backchannel::view::{LayoutKind, ViewFilter};
use criterion::{Criterion, criterion_group, criterion_main};
use egui_kittest::Harness;

/// The allocator the app itself uses (see `src/main.rs`).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Frames run after each action, of which the worst counts.
const FRAMES_AFTER: usize = 5;

/// Runs `action`, then frames; the action's time plus the worst frame.
fn busy(
    harness: &mut Harness<'static, BackchannelApp>,
    action: impl FnOnce(&mut BackchannelApp),
) -> Duration {
    let start = Instant::now();
    action(harness.state_mut());
    let mut worst = start.elapsed();
    let action_time = worst;
    for _ in 0..FRAMES_AFTER {
        let frame = Instant::now();
        harness.step();
        worst = worst.max(action_time + frame.elapsed());
    }
    worst
}

fn respond(c: &mut Criterion) {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let path = folder.path().join("100000.gexf");
    std::fs::write(&path, synthetic_gexf(100_000, 4)).expect("the GEXF is written");
    let options = AppOptions {
        initial_file: Some(path),
        ..AppOptions::default()
    };
    let mut harness = common::window(options);
    let mut worst_while_loading = Duration::ZERO;
    while harness.state().is_loading() {
        let frame = Instant::now();
        harness.step();
        worst_while_loading = worst_while_loading.max(frame.elapsed());
        std::thread::sleep(Duration::from_millis(20));
    }
    let mut figures = vec![("a frame while the file loads", worst_while_loading)];
    let image_start = Instant::now();
    figures.push(("the graph's first frames", busy(&mut harness, |_| {})));
    // Far out, a graph this big has its edges drawn into one image on a worker.
    let mut worst_while_drawing = Duration::ZERO;
    while harness.state().document().canvas.far_image().is_none() {
        let frame = Instant::now();
        harness.step();
        worst_while_drawing = worst_while_drawing.max(frame.elapsed());
        std::thread::sleep(Duration::from_millis(5));
    }
    println!(
        "quality: the far-out image of {} edges arrived {:.0} ms after the first frame (drawn on a worker; the worst frame meanwhile {:.0} ms)",
        harness.state().model().edges.len(),
        image_start.elapsed().as_secs_f64() * 1000.0,
        worst_while_drawing.as_secs_f64() * 1000.0
    );
    figures.push(("a steady frame", busy(&mut harness, |_| {})));
    let first = harness.state().model().nodes[5].id.clone();
    figures.push((
        "selecting a node",
        busy(&mut harness, |app| {
            app.apply_command(Command::Select(Some(Selection::Node(first))));
        }),
    ));
    // Zoomed in past the far-out view, labels are chosen around the view; a notch of the
    // wheel that moves the zoom by a step chooses them again.
    let view = harness
        .state()
        .document()
        .canvas
        .view_rect()
        .expect("a drawn canvas");
    harness.event(egui::Event::PointerMoved(view.center()));
    harness.step();
    let notch = |harness: &mut Harness<'static, BackchannelApp>, lines: f32| {
        harness.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Line,
            delta: egui::vec2(0.0, lines),
            phase: egui::TouchPhase::Move,
            modifiers: egui::Modifiers::NONE,
        });
    };
    let zoom = |harness: &Harness<'static, BackchannelApp>| {
        harness
            .state()
            .document()
            .canvas
            .zoom_and_pan()
            .map_or(0.0, |(zoom, _)| zoom)
    };
    while zoom(&harness) < 0.45 {
        notch(&mut harness, 4.0);
        harness.step();
    }
    harness.run_steps(3);
    notch(&mut harness, 1.0);
    figures.push((
        "a notch of the wheel near in (labels chosen again around the view)",
        busy(&mut harness, |_| {}),
    ));
    println!(
        "quality: at zoom {:.2}, {} labels drawn whole around the view",
        zoom(&harness),
        harness.state().document().canvas.drawn_label_boxes().len()
    );
    figures.push(("a steady frame near in", busy(&mut harness, |_| {})));
    println!(
        "quality: at zoom {:.2}, the unselected edges drawn as one image: {}",
        zoom(&harness),
        harness.state().document().canvas.edges_batched()
    );
    // Near in, the image of the edges follows the view: how long after a notch the
    // image of the new view is shown (until then the last one, moved and scaled).
    notch(&mut harness, 1.0);
    let notch_start = Instant::now();
    harness.step();
    while harness.state().document().canvas.far_image().is_none() {
        harness.step();
        std::thread::sleep(Duration::from_millis(5));
    }
    println!(
        "quality: near in (zoom {:.2}), the image of the edges in the new view arrived {:.0} ms after a notch of the wheel",
        zoom(&harness),
        notch_start.elapsed().as_secs_f64() * 1000.0
    );
    while zoom(&harness) < 2.0 {
        notch(&mut harness, 4.0);
        harness.step();
    }
    harness.run_steps(3);
    figures.push((
        "a steady frame close in (zoom 2)",
        busy(&mut harness, |_| {}),
    ));
    println!(
        "quality: at zoom {:.2}, the unselected edges drawn as one image: {}",
        zoom(&harness),
        harness.state().document().canvas.edges_batched()
    );
    notch(&mut harness, -80.0);
    harness.run_steps(3);
    let mut hide_links = ViewFilter::default();
    hide_links.hidden_relations.insert(Relation::Link);
    figures.push((
        "a filter that hides every edge",
        busy(&mut harness, |app| {
            app.apply_command(Command::SetFilter(hide_links));
        }),
    ));
    figures.push((
        "the filter undone",
        busy(&mut harness, |app| {
            app.apply_command(Command::SetFilter(ViewFilter::default()));
        }),
    ));
    figures.push((
        "switching to the circular layout",
        busy(&mut harness, |app| {
            app.apply_command(Command::SetLayout(LayoutKind::Circular));
        }),
    ));
    figures.push((
        "sizing nodes by degree (computed on a worker)",
        busy(&mut harness, |app| {
            app.apply_command(Command::SizeBy(Some(Measure::Degree)));
        }),
    ));
    // An export builds, draws and writes the figure on a worker; the window's thread
    // copies what it shows and shares the model with it.
    let copy_start = Instant::now();
    let inputs = backchannel::ui::SceneInputs::of(harness.state().document(), true);
    figures.push((
        "an export (the model is shared with the worker, what is shown is copied; the figure is built and written there)",
        copy_start.elapsed(),
    ));
    let scene_start = Instant::now();
    let scene = inputs.owned_scene(&backchannel::export::SceneOptions::default());
    println!(
        "quality: the export's worker builds the scene of {} nodes in {:.0} ms",
        scene.map_or(0, |scene| scene.nodes.len()),
        scene_start.elapsed().as_secs_f64() * 1000.0
    );
    for (what, time) in &figures {
        let verdict = if *time <= Duration::from_millis(50) {
            "within 50 ms"
        } else {
            "over 50 ms"
        };
        println!(
            "quality: {what}: the window's thread busy {:.0} ms ({verdict})",
            time.as_secs_f64() * 1000.0
        );
    }
    let mut group = c.benchmark_group("respond");
    group.sample_size(10);
    group.bench_function("steady_frame_100000_nodes", |bencher| {
        bencher.iter(|| harness.step());
    });
    group.finish();
}

criterion_group!(benches, respond);
criterion_main!(benches);
