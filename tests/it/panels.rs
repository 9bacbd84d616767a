//! The graph keeps its room at any window size: side panels within bounds, collapsible and
//! remembered, the bar above the graph wrapping, and the graph fitted again when its room
//! changes unless the user has moved it.

use crate::common;

use backchannel::ui::{AppOptions, BackchannelApp};
use common::{drag, harness_sized};
use egui::Vec2;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// The least share of the window the graph keeps (`GRAPH_SHARE`), less the panels'
/// separators and margins.
const LEAST_SHARE: f32 = 0.42;

/// Every shown node's screen position lies inside the view.
fn all_nodes_in_view(harness: &Harness<'static, BackchannelApp>) -> bool {
    let canvas = &harness.state().document().canvas;
    let view = canvas.view_rect().expect("the canvas was drawn");
    (0..canvas.positions().len())
        .filter_map(|node| canvas.node_screen_position(node))
        .all(|place| view.contains(place))
}

#[test]
fn the_graph_keeps_its_room_and_is_fitted_at_every_window_size() {
    for (width, height) in [(900.0, 600.0), (1280.0, 800.0), (2560.0, 1440.0)] {
        let mut harness = harness_sized(AppOptions::default(), Vec2::new(width, height));
        harness.run_steps(4);
        let view = harness
            .state()
            .document()
            .canvas
            .view_rect()
            .expect("the canvas was drawn");
        assert!(
            view.width() >= LEAST_SHARE * width,
            "at {width}x{height} the graph is {} points wide",
            view.width()
        );
        assert!(
            view.height() >= 0.5 * height,
            "at {width}x{height} the graph is {} points high (the bar above it wraps too much)",
            view.height()
        );
        assert!(all_nodes_in_view(&harness), "at {width}x{height}");
    }
}

#[test]
fn a_resize_fits_the_graph_again_unless_the_user_has_moved_it() {
    let mut harness = harness_sized(AppOptions::default(), Vec2::new(1600.0, 1000.0));
    harness.run_steps(4);
    let before = harness.state().document().canvas.zoom_and_pan();
    harness.set_size(Vec2::new(900.0, 600.0));
    harness.run_steps(4);
    assert!(
        all_nodes_in_view(&harness),
        "the graph was fitted to its smaller room"
    );
    assert_ne!(harness.state().document().canvas.zoom_and_pan(), before);

    // The user pans: a resize now leaves the view where the user put it.
    let view = harness.state().document().canvas.view_rect().unwrap();
    let from = view.left_bottom() + Vec2::new(12.0, -12.0);
    drag(&mut harness, from, from + Vec2::new(80.0, -30.0));
    let zoom = |harness: &Harness<'static, BackchannelApp>| {
        harness
            .state()
            .document()
            .canvas
            .zoom_and_pan()
            .map(|(zoom, _)| zoom)
    };
    let moved = zoom(&harness);
    harness.set_size(Vec2::new(1280.0, 800.0));
    harness.run_steps(4);
    // A fit to the larger room would zoom in; the user's framing keeps its zoom.
    assert_eq!(zoom(&harness), moved);
    // Fit to view fits it again, and from then on a resize does too.
    harness.get_by_label("Fit to view").click();
    harness.run_steps(3);
    let fitted = zoom(&harness);
    assert_ne!(fitted, moved);
    harness.set_size(Vec2::new(1600.0, 1000.0));
    harness.run_steps(4);
    assert_ne!(zoom(&harness), fitted);
    assert!(all_nodes_in_view(&harness));
}

#[test]
fn side_panels_hide_from_the_view_menu_and_stay_hidden_next_time() {
    let folder = tempfile::tempdir().unwrap();
    let options = || AppOptions {
        preferences_store: Some(folder.path().join("window.json")),
        ..AppOptions::default()
    };
    let size = Vec2::new(1280.0, 800.0);
    let mut harness = harness_sized(options(), size);
    harness.run_steps(2);
    let with_panels = harness.state().document().canvas.view_rect().unwrap();
    for panel in ["Details and evidence", "Entities, filters and measures"] {
        harness.get_by_label("View").click();
        harness.run_steps(2);
        harness.get_by_label(panel).click();
        harness.run_steps(2);
        harness.key_press(egui::Key::Escape);
        harness.run_steps(12);
    }
    let without = harness.state().document().canvas.view_rect().unwrap();
    assert!(
        without.width() > with_panels.width() + 400.0,
        "{} -> {}",
        with_panels.width(),
        without.width()
    );
    assert!(all_nodes_in_view(&harness));
    drop(harness);

    let mut next = harness_sized(options(), size);
    next.run_steps(12);
    let next_view = next.state().document().canvas.view_rect().unwrap();
    assert!((next_view.width() - without.width()).abs() < 2.0);
}

#[test]
fn the_mouse_wheel_alone_zooms_about_the_pointer_in_small_steps() {
    let mut harness = harness_sized(AppOptions::default(), Vec2::new(1280.0, 800.0));
    harness.run_steps(4);
    let canvas = |harness: &Harness<'static, BackchannelApp>| {
        let canvas = &harness.state().document().canvas;
        (
            canvas.zoom_and_pan().expect("drawn"),
            canvas.view_rect().expect("drawn"),
        )
    };
    let ((zoom, pan), view) = canvas(&harness);
    let pointer = view.center() + Vec2::new(40.0, -30.0);
    // Zoom and pan are the view's own (its top left corner is 0, 0).
    let local = pointer - view.min;
    let under_pointer = [(local.x - pan[0]) / zoom, (local.y - pan[1]) / zoom];
    harness.event(egui::Event::PointerMoved(pointer));
    harness.step();
    // One notch of the wheel, no key held.
    harness.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Line,
        delta: Vec2::new(0.0, 1.0),
        phase: egui::TouchPhase::Move,
        modifiers: egui::Modifiers::NONE,
    });
    harness.run_steps(20);
    let ((zoomed, pan), _) = canvas(&harness);
    let factor = zoomed / zoom;
    assert!(
        (1.03..=1.25).contains(&factor),
        "a notch zoomed by {factor}"
    );
    // The canvas point under the pointer stays under it.
    let now = [
        pan[0] + under_pointer[0] * zoomed,
        pan[1] + under_pointer[1] * zoomed,
    ];
    assert!(
        (now[0] - local.x).abs() < 1.0 && (now[1] - local.y).abs() < 1.0,
        "{now:?} vs {local:?}"
    );
}

#[test]
fn dialogs_speak_to_researchers_not_to_developers() {
    for (item, own_words) in [
        (
            "New dataset from articles…",
            "Reads every .txt article in a folder",
        ),
        (
            "Export graph…",
            "for Gephi, Cytoscape, networkx or Graphviz",
        ),
    ] {
        let mut harness = harness_sized(AppOptions::default(), Vec2::new(1600.0, 1000.0));
        harness.get_by_label("File").click();
        harness.run_steps(2);
        harness.get_by_label(item).click();
        harness.run_steps(3);
        // The window is open: its own words are there, and no developer's.
        assert!(harness.query_by_label_contains(own_words).is_some());
        for jargon in ["--lexicon", "bc_", "`"] {
            assert!(
                harness.query_by_label_contains(jargon).is_none(),
                "{item} says {jargon:?}"
            );
        }
    }
}
