//! Helpers for driving the window in tests.
#![allow(dead_code)]

use backchannel::ui::{AppOptions, BackchannelApp};
use egui::accesskit::Role;
use egui::{Event, Modifiers, PointerButton, Pos2, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// egui exposes `ui.link` to accessibility as a clickable label.
pub const LINK: Role = Role::Label;

/// The real app in a 1600x1000 window, after a few frames.
pub fn harness_with(options: AppOptions) -> Harness<'static, BackchannelApp> {
    let mut harness = Harness::builder()
        .with_size(Vec2::new(1600.0, 1000.0))
        .build_eframe(move |creation| {
            creation.egui_ctx.set_visuals(egui::Visuals::light());
            BackchannelApp::new(options)
        });
    harness.run_steps(3);
    harness
}

/// The app on the seed dataset, with no files written.
pub fn harness() -> Harness<'static, BackchannelApp> {
    harness_with(AppOptions::default())
}

/// A press and release of the primary button at `position`.
pub fn click_at(harness: &mut Harness<'static, BackchannelApp>, position: Pos2) {
    harness.event(Event::PointerMoved(position));
    harness.step();
    for pressed in [true, false] {
        harness.event(Event::PointerButton {
            pos: position,
            button: PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
        harness.step();
    }
    harness.run_steps(2);
}

/// Drags with the primary button from `from` to `to` in small steps.
pub fn drag(harness: &mut Harness<'static, BackchannelApp>, from: Pos2, to: Pos2) {
    harness.event(Event::PointerMoved(from));
    harness.step();
    harness.event(Event::PointerButton {
        pos: from,
        button: PointerButton::Primary,
        pressed: true,
        modifiers: Modifiers::NONE,
    });
    harness.step();
    for step in 1..=10 {
        let point = from + (to - from) * (step as f32 / 10.0);
        harness.event(Event::PointerMoved(point));
        harness.step();
    }
    harness.event(Event::PointerButton {
        pos: to,
        button: PointerButton::Primary,
        pressed: false,
        modifiers: Modifiers::NONE,
    });
    harness.step();
    harness.run_steps(2);
}

/// Clicks an entity in the sidebar list.
pub fn select_in_entity_list(harness: &mut Harness<'static, BackchannelApp>, label: &str) {
    harness
        .get_all_by_label(label)
        .next()
        .expect("the entity is listed")
        .click();
    harness.run_steps(3);
}

/// Runs frames until `done` holds (the force layout streams from its own thread), for at
/// most 60 seconds.
pub fn run_until(
    harness: &mut Harness<'static, BackchannelApp>,
    mut done: impl FnMut(&BackchannelApp) -> bool,
) {
    let start = std::time::Instant::now();
    while !done(harness.state()) {
        assert!(
            start.elapsed() < std::time::Duration::from_secs(60),
            "timed out"
        );
        harness.step();
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
}

/// Writes a valid dataset of `count` actors in a ring with chords (each backed by a quote
/// from one inline article) to `folder`, for tests that need a large graph.
pub fn write_large_dataset(folder: &std::path::Path, count: usize) -> std::path::PathBuf {
    let mut text = String::new();
    let mut spans = Vec::new();
    for node in 0..count {
        let start = text.chars().count();
        let sentence = format!("Party {node} met its neighbours.");
        let end = start + sentence.chars().count();
        text.push_str(&sentence);
        text.push(' ');
        spans.push((sentence, start, end));
    }
    let evidence = |node: usize| {
        let (quote, start, end) = &spans[node];
        serde_json::json!([{ "article": "a", "quote": quote, "start": start, "end": end }])
    };
    let nodes: Vec<serde_json::Value> = (0..count)
        .map(|node| serde_json::json!({ "id": format!("n{node}"), "label": format!("Party {node}"), "kind": "actor", "evidence": evidence(node) }))
        .collect();
    let mut edges = Vec::new();
    for node in 0..count {
        for step in [1, 7] {
            let target = (node + step) % count;
            edges.push(serde_json::json!({
                "id": format!("e{node}-{target}"),
                "source": format!("n{node}"),
                "target": format!("n{target}"),
                "relation": "supports",
                "evidence": evidence(node),
            }));
        }
    }
    let dataset = serde_json::json!({
        "format": "backchannel/1",
        "title": format!("{count} parties"),
        "articles": [{ "id": "a", "title": "Many parties", "outlet": "Test Wire", "published": "2024", "text": text }],
        "nodes": nodes,
        "edges": edges,
    });
    let path = folder.join("large.json");
    std::fs::write(&path, serde_json::to_vec(&dataset).unwrap_or_default()).unwrap_or(());
    path
}
