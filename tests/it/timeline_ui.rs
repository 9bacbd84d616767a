//! The timeline and the date filter at the precision the data has: meetings at the middle
//! of their dates with calendar ticks, undated nodes in titled columns by kind, and
//! sliders that step by day through a month and say what a range keeps and hides.

use crate::common;

use common::harness;
use egui::accesskit::Role;
use egui::epaint::ClippedShape;
use egui::{Key, Shape};
use egui_kittest::kittest::Queryable;

/// The texts painted in the last frame, each with the middle of its top edge.
fn painted_texts(
    harness: &egui_kittest::Harness<'static, backchannel::ui::BackchannelApp>,
) -> Vec<(String, egui::Pos2)> {
    fn open(shape: &Shape, into: &mut Vec<(String, egui::Pos2)>) {
        match shape {
            Shape::Vec(inner) => inner.iter().for_each(|s| open(s, into)),
            Shape::Text(text) => into.push((
                text.galley.text().to_owned(),
                text.pos + egui::vec2(text.galley.size().x / 2.0, 0.0),
            )),
            _ => {}
        }
    }
    let mut texts = Vec::new();
    for ClippedShape { shape, .. } in &harness.output().shapes {
        open(shape, &mut texts);
    }
    texts
}

#[test]
fn the_timeline_titles_undated_columns_and_ticks_the_calendar() {
    let mut harness = harness();
    harness.get_by_label("View").click();
    harness.run_steps(2);
    harness.get_by_label("Timeline").click();
    harness.run_steps(4);
    let view = harness.state().document().canvas.view_rect().unwrap();
    let texts = painted_texts(&harness);
    let top_band = |text: &str| {
        texts
            .iter()
            .find(|(painted, place)| {
                painted == text && view.contains(*place) && place.y < view.top() + 20.0
            })
            .map(|(_, place)| place.x)
    };
    for title in ["Actors", "Mediators", "Meetings", "Demands"] {
        assert!(top_band(title).is_some(), "the {title} column is titled");
    }
    // Seen whole, May 2024 is ticked at its start and at its end.
    let may = top_band("May 2024").expect("a May 2024 tick");
    let june = top_band("June 2024").expect("a June 2024 tick");
    assert!(may < june);
    let x = |id: &str| harness.state().node_screen_position(id).unwrap().x;
    // Hamas has no date of its own: with the actors, left of the axis.
    assert!(x("hamas") < may, "Hamas stands left of the axis");
    // A month-level meeting sits between the ticks, 28 May near the end.
    let cairo = x("cairo-talks-early-may");
    assert!(may < cairo && cairo < june);
    let resume = x("talks-resume-may-28");
    assert!(resume > cairo && resume < june);
}

#[test]
fn the_date_sliders_step_by_day_and_say_what_they_keep_and_hide() {
    let mut harness = harness();
    harness.get_by_label("Filters").click();
    harness.run_steps(2);
    // The date filter is at the foot of the tab: scrolled to, as a user does.
    harness
        .get_by_label("Only dated elements in this range (undated stay)")
        .scroll_to_me();
    harness.run_steps(3);
    harness
        .get_by_label("Only dated elements in this range (undated stay)")
        .click();
    harness.run_steps(2);
    assert!(
        harness
            .query_by_label_contains("1 May 2024 to 31 May 2024 keeps 8 dated meetings")
            .is_some()
    );
    assert!(harness.query_by_label_contains("hides none").is_some());
    // Four steps down on "to": 27 May.
    let to = harness
        .get_all_by_role(Role::Slider)
        .nth(1)
        .expect("the second slider");
    to.focus();
    harness.run_steps(1);
    for _ in 0..4 {
        harness.key_press(Key::ArrowLeft);
        harness.run_steps(1);
    }
    harness.run_steps(2);
    assert!(
        harness
            .query_by_label_contains("1 May 2024 to 27 May 2024 keeps 5 dated meetings")
            .is_some()
    );
    assert!(
        harness
            .query_by_label_contains("hides 3, dated 28 May 2024 (3)")
            .is_some()
    );
    let model = harness.state().model().clone();
    let shown = &harness.state().document().canvas.visibility().nodes;
    assert!(!shown[model.node_position("talks-resume-may-28").unwrap()]);
    assert!(shown[model.node_position("cairo-talks-early-may").unwrap()]);
}
