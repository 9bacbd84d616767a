//! Helpers for driving the window in tests.

use backchannel::ui::{AppOptions, BackchannelApp};
use egui::accesskit::Role;
use egui::{Event, Modifiers, PointerButton, Pos2, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

/// egui exposes `ui.link` to accessibility as a clickable label.
pub const LINK: Role = Role::Label;

/// The real app in a 1600x1000 window, after a few frames.
pub fn harness_with(options: AppOptions) -> Harness<'static, BackchannelApp> {
    harness_sized(options, Vec2::new(1600.0, 1000.0))
}

/// The real app in a window of `size`, after a few frames.
pub fn harness_sized(options: AppOptions, size: Vec2) -> Harness<'static, BackchannelApp> {
    let mut harness = Harness::builder()
        .with_size(size)
        .build_eframe(move |creation| {
            creation.egui_ctx.set_visuals(egui::Visuals::light());
            BackchannelApp::new(options)
        });
    // A file named on the command line opens on a worker; tests start once it is open.
    harness.state_mut().wait_for_loading();
    harness.run_steps(3);
    harness
}

/// Runs frames until the file being opened is shown or has failed, as a user waits
/// watching the progress bar (at most a minute).
pub fn run_until_loaded(harness: &mut Harness<'static, BackchannelApp>) {
    let start = std::time::Instant::now();
    while harness.state().is_loading() {
        assert!(
            start.elapsed() < std::time::Duration::from_secs(60),
            "the file did not open within a minute"
        );
        harness.step();
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    harness.run_steps(2);
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

/// Writes a valid dataset of `count` actors (two edges each) to `folder`, for tests that
/// need a large graph.
pub fn write_large_dataset(folder: &std::path::Path, count: usize) -> std::path::PathBuf {
    let path = folder.join("large.json");
    std::fs::write(&path, backchannel::dataset::synthetic_dataset(count, 2)).unwrap();
    path
}

/// Replaces the text of the text field that holds `current` with `text`, as a user does:
/// focus it, select all, type.
pub fn replace_field_text(
    harness: &mut Harness<'static, BackchannelApp>,
    current: &str,
    text: &str,
) {
    let holds = |field: &egui_kittest::Node<'_>| field.value().as_deref() == Some(current);
    harness
        .get_all_by_role(Role::TextInput)
        .find(holds)
        .expect("a text field holds the text")
        .focus();
    harness.run_steps(1);
    harness.key_press_modifiers(Modifiers::COMMAND, egui::Key::A);
    harness.run_steps(1);
    harness
        .get_all_by_role(Role::TextInput)
        .find(holds)
        .expect("the text field still holds the text, selected")
        .type_text(text);
    harness.run_steps(2);
}

/// Turns the mouse wheel over the middle of the canvas, a notch at a time, until the
/// zoom has passed `target` (in or out); returns the zoom reached.
pub fn wheel_to_zoom(harness: &mut Harness<'static, BackchannelApp>, target: f32) -> f32 {
    let zoom = |harness: &Harness<'static, BackchannelApp>| {
        harness.state().document().canvas.zoom_and_pan().unwrap().0
    };
    let centre = harness
        .state()
        .document()
        .canvas
        .view_rect()
        .unwrap()
        .center();
    harness.event(egui::Event::PointerMoved(centre));
    harness.step();
    let inward = zoom(harness) < target;
    for _ in 0..60 {
        if (zoom(harness) >= target) == inward {
            break;
        }
        harness.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Line,
            delta: egui::vec2(0.0, if inward { 1.0 } else { -1.0 }),
            phase: egui::TouchPhase::Move,
            modifiers: Modifiers::NONE,
        });
        harness.run_steps(3);
    }
    harness.run_steps(3);
    zoom(harness)
}
