//! Exploring like an analyst, in the real window: search, filters, focus, paths,
//! measures, layouts, pins, undo and redo, the keyboard, and sessions.

use crate::common;

use backchannel::graph::{Adjacency, shortest_paths};
use backchannel::ui::{AppOptions, Command, Selection};
use backchannel::view::{FocusMode, LayoutKind};
use common::{
    LINK, drag, harness, harness_with, replace_field_text, run_until, select_in_entity_list,
};
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

#[test]
fn search_tolerates_typos_and_enter_selects_and_centres() {
    let mut harness = harness();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run_steps(2);
    harness
        .get_by_role(egui::accesskit::Role::TextInput)
        .type_text("Haniyah");
    harness.run_steps(2);
    assert!(harness.query_by_label_contains("Ismail Haniyeh").is_some());
    harness.key_press(Key::Enter);
    harness.run_steps(3);
    assert_eq!(
        harness.state().selection(),
        Some(&Selection::Node("ismail-haniyeh".into()))
    );
    // Centred: the node is drawn in the middle of the canvas.
    let position = harness
        .state()
        .node_screen_position("ismail-haniyeh")
        .unwrap();
    assert!((position.x - 800.0).abs() < 200.0, "{position:?}");
}

#[test]
fn search_is_case_and_accent_insensitive_and_groups_by_kind() {
    let mut harness = harness();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::F);
    harness.run_steps(2);
    harness
        .get_by_role(egui::accesskit::Role::TextInput)
        .type_text("QATÁR");
    harness.run_steps(2);
    assert!(harness.query_by_label_contains("Mediators (").is_some());
    assert!(harness.query_by_label("Qatar").is_some());
}

#[test]
fn unchecking_a_kind_hides_its_nodes_and_says_how_many() {
    let mut harness = harness();
    harness.get_by_label("Filters").click();
    harness.run_steps(2);
    harness
        .get_by_role_and_label(Role::CheckBox, "Demand (16)")
        .click();
    harness.run_steps(3);
    let state = harness.state();
    assert!(state.node_screen_position("halt-rafah").is_none());
    assert!(state.node_screen_position("hamas").is_some());
    let visibility = state.document().canvas.visibility();
    let demands = state
        .model()
        .nodes
        .iter()
        .filter(|node| node.kind == backchannel::model::NodeKind::Demand)
        .count();
    assert_eq!(visibility.hidden_nodes(), demands);
    let message = format!(
        "{demands} nodes and {} edges hidden",
        visibility.hidden_edges()
    );
    assert!(harness.query_by_label(&message).is_some(), "{message}");
}

#[test]
fn focus_hides_or_dims_the_rest_and_undo_redo_restore_it() {
    let mut harness = harness();
    select_in_entity_list(&mut harness, "Qatar");
    harness.get_by_label("1 hop").click();
    harness.run_steps(3);
    let model = harness.state().model().clone();
    let adjacency = Adjacency::full(&model);
    let qatar = model.node_position("qatar").unwrap();
    let inside: Vec<usize> = backchannel::graph::neighborhood(&adjacency, qatar, 1)
        .iter()
        .map(|&(n, _)| n)
        .collect();
    for (position, node) in model.nodes.iter().enumerate() {
        let drawn = harness.state().node_screen_position(&node.id).is_some();
        assert_eq!(drawn, inside.contains(&position), "{}", node.id);
    }

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run_steps(3);
    assert!(harness.state().document().doc.filter.focus.is_none());
    assert!(harness.state().node_screen_position("israel").is_some());
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    harness.run_steps(3);
    assert!(harness.state().document().doc.filter.focus.is_some());
    assert!(harness.state().node_screen_position("israel").is_none());

    harness
        .get_by_label("Dim the rest instead of hiding it")
        .click();
    harness.run_steps(3);
    let focus = harness.state().document().doc.filter.focus.clone().unwrap();
    assert_eq!(focus.mode, FocusMode::Dim);
    assert!(
        harness.state().node_screen_position("israel").is_some(),
        "dimmed, not hidden"
    );
    let visibility = harness.state().document().canvas.visibility();
    assert!(visibility.dimmed_nodes[model.node_position("israel").unwrap()]);
}

#[test]
fn paths_between_two_entities_are_highlighted_with_each_hops_evidence() {
    let mut harness = harness();
    select_in_entity_list(&mut harness, "Mousa Abu Marzouk");
    harness.get_by_role(Role::ComboBox).click();
    harness.run_steps(2);
    harness.get_by_label("Qatar (mediator)").scroll_to_me();
    harness.run_steps(2);
    harness.get_by_label("Qatar (mediator)").hover();
    harness.run_steps(1);
    harness.get_by_label("Qatar (mediator)").click();
    harness.run_steps(3);
    let model = harness.state().model().clone();
    let expected = shortest_paths(
        &Adjacency::full(&model),
        model.node_position("abu-marzouk").unwrap(),
        model.node_position("qatar").unwrap(),
        20,
    );
    let result = harness
        .state()
        .document()
        .path
        .clone()
        .expect("paths are shown");
    assert_eq!(result.paths, expected);
    assert!(
        harness
            .query_by_label("Paths from Mousa Abu Marzouk to Qatar")
            .is_some()
    );
    let hops = expected[0].len() - 1;
    assert!(
        harness
            .query_by_label_contains(&format!("Path 1 ({hops} hops)"))
            .is_some()
    );
    // The first hop's evidence is listed.
    let first_edge = model
        .edges
        .iter()
        .find(|edge| {
            let ends = [edge.source.as_str(), edge.target.as_str()];
            ends.contains(&"abu-marzouk") && ends.contains(&model.nodes[expected[0][1]].id.as_str())
        })
        .unwrap();
    let listed = format!("“{}”", first_edge.evidence[0].quote);
    assert!(
        harness.query_by_label_contains(&listed).is_some(),
        "{listed}"
    );
}

#[test]
fn measures_table_ranks_and_sizes_nodes() {
    let mut harness = harness();
    harness.get_by_label("Measures").click();
    harness.run_steps(2);
    harness.get_by_role_and_label(LINK, "Hamas").click();
    harness.run_steps(3);
    assert_eq!(
        harness.state().selection(),
        Some(&Selection::Node("hamas".into()))
    );
    harness.get_by_label("Betweenness").click();
    harness.run_steps(2);
    // Move the pointer there first, as a person does.
    harness
        .get_by_role_and_label(Role::CheckBox, "Size nodes by this measure")
        .hover();
    harness.run_steps(1);
    harness
        .get_by_role_and_label(Role::CheckBox, "Size nodes by this measure")
        .click();
    harness.run_steps(3);
    assert_eq!(
        harness.state().document().doc.size_by,
        Some(backchannel::graph::Measure::Betweenness)
    );
    // The table ranks by the measure, computed here on its own, highest first; the
    // largest node is the most central one.
    let document = harness.state().document();
    let truth = backchannel::graph::betweenness(&document.shown_adjacency());
    let most_central = (0..truth.len())
        .max_by(|&a, &b| truth[a].total_cmp(&truth[b]).then(b.cmp(&a)))
        .unwrap();
    let label = &harness.state().model().nodes[most_central].label;
    let header = harness.get_by_label("#").rect();
    let first_row = harness
        .query_all_by_role_and_label(LINK, label)
        .map(|node| node.rect())
        .any(|row| {
            row.top() >= header.bottom() - 1.0 && row.top() < header.bottom() + row.height()
        });
    assert!(first_row, "{label} is not the first row");
    let scales = document.canvas.scales();
    let largest = (0..scales.len())
        .max_by(|&a, &b| scales[a].total_cmp(&scales[b]))
        .unwrap();
    assert_eq!(truth[largest], truth[most_central]);
}

#[test]
fn a_measure_of_a_large_graph_runs_on_a_worker_while_the_window_stays_usable() {
    let folder = tempfile::tempdir().unwrap();
    let path = common::write_large_dataset(folder.path(), 3_000);
    let mut harness = harness_with(AppOptions {
        initial_file: Some(path),
        ..AppOptions::default()
    });
    // The synthetic dataset's one warning is shown first; the user closes it.
    harness.get_by_label("Close window").click();
    harness.run_steps(1);
    harness.get_by_label("Measures").click();
    harness.run_steps(2);
    harness.get_by_label("Betweenness").click();
    // One frame takes the click, the next starts the worker.
    harness.run_steps(2);
    // Frames keep coming while it runs, with its progress, and the graph can be used.
    let (measure, reading) = harness
        .state()
        .document()
        .measure_progress()
        .expect("computing on a worker");
    assert_eq!(measure, backchannel::graph::Measure::Betweenness);
    // Just started (the thread may not have begun yet), counted in nodes.
    assert!([0, 3_000].contains(&reading.total), "{reading:?}");
    assert!(
        harness
            .query_by_label_contains("Computing betweenness on the shown graph")
            .is_some()
    );
    harness.get_by_label("Entities").click();
    harness.run_steps(1);
    let first = harness.state().model().nodes[0].id.clone();
    harness
        .state_mut()
        .apply_command(Command::Select(Some(Selection::Node(first.clone()))));
    harness.run_steps(1);
    assert_eq!(harness.state().selection(), Some(&Selection::Node(first)));
    harness.get_by_label("Measures").click();
    run_until(&mut harness, |app| {
        app.document().measure_progress().is_none()
    });
    harness.run_steps(2);
    // Exact at this size, and as the function computes it.
    let document = harness.state().document();
    let table = document
        .computed_measure(backchannel::graph::Measure::Betweenness)
        .expect("ready");
    assert!(table.estimate.is_none());
    assert_eq!(
        table.values,
        backchannel::graph::betweenness(&document.shown_adjacency())
    );
    assert!(
        harness
            .query_by_label("3000 shown nodes, highest first")
            .is_some()
    );
}

fn choose_layout(
    harness: &mut egui_kittest::Harness<'static, backchannel::ui::BackchannelApp>,
    title: &str,
) {
    harness.get_by_label("View").click();
    harness.run_steps(2);
    harness.get_by_label(title).click();
    harness.run_steps(3);
}

#[test]
fn layouts_arrange_without_overlapping_labels_and_timeline_follows_dates() {
    let mut harness = harness();
    for (title, kind) in [
        ("Circular", LayoutKind::Circular),
        ("Grouped (by colour)", LayoutKind::Kind),
        ("Timeline", LayoutKind::Timeline),
    ] {
        choose_layout(&mut harness, title);
        assert_eq!(harness.state().document().canvas.layout_kind(), kind);
        let positions = harness.state().document().canvas.positions().to_vec();
        for a in 0..positions.len() {
            for b in (a + 1)..positions.len() {
                let apart = (positions[a][0] - positions[b][0]).abs() > 1.0
                    || (positions[a][1] - positions[b][1]).abs() > 1.0;
                assert!(apart, "{title}: nodes {a} and {b} share a spot");
            }
        }
    }
    let model = harness.state().model().clone();
    let positions = harness.state().document().canvas.positions().to_vec();
    let x = |id: &str| positions[model.node_position(id).unwrap()][0];
    // Paris (May 2024, month precision) starts on 1 May, before 28 May.
    assert!(x("paris-talks") < x("talks-resume-may-28"));
    // Force-directed again: it animates, and settles.
    choose_layout(&mut harness, "Force-directed");
    run_until(&mut harness, |app| !app.document().canvas.is_animating());
}

#[test]
fn dragging_pins_a_node_and_unpin_all_releases_it_with_undo() {
    let mut harness = harness();
    let from = harness
        .state()
        .node_screen_position("palestinian-authority")
        .unwrap();
    drag(&mut harness, from, from + egui::vec2(60.0, -40.0));
    let model = harness.state().model().clone();
    let position = model.node_position("palestinian-authority").unwrap();
    assert!(harness.state().document().canvas.pinned()[position]);
    let moved = harness
        .state()
        .node_screen_position("palestinian-authority")
        .unwrap();
    assert!((moved - from).length() > 30.0);
    choose_layout(&mut harness, "Unpin all");
    assert!(
        harness
            .state()
            .document()
            .canvas
            .pinned()
            .iter()
            .all(|&p| !p)
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run_steps(2);
    assert!(
        harness.state().document().canvas.pinned()[position],
        "undo pins it again"
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run_steps(2);
    let back = harness
        .state()
        .node_screen_position("palestinian-authority")
        .unwrap();
    assert!(
        (back - from).length() < 2.0,
        "undo puts it back: {back:?} vs {from:?}"
    );
}

#[test]
fn arrow_keys_walk_the_neighbours_and_escape_clears() {
    let mut harness = harness();
    select_in_entity_list(&mut harness, "Qatar");
    let model = harness.state().model().clone();
    let adjacency = Adjacency::full(&model);
    let mut neighbours = adjacency.distinct_neighbours(model.node_position("qatar").unwrap());
    neighbours.sort_by_key(|&n| model.nodes[n].label.to_lowercase());
    harness.key_press(Key::ArrowRight);
    harness.run_steps(2);
    assert_eq!(
        harness.state().selection(),
        Some(&Selection::Node(model.nodes[neighbours[0]].id.clone()))
    );
    harness.key_press(Key::ArrowRight);
    harness.run_steps(2);
    assert_eq!(
        harness.state().selection(),
        Some(&Selection::Node(model.nodes[neighbours[1]].id.clone()))
    );
    harness.key_press(Key::ArrowLeft);
    harness.run_steps(2);
    assert_eq!(
        harness.state().selection(),
        Some(&Selection::Node(model.nodes[neighbours[0]].id.clone()))
    );
    harness.key_press(Key::Escape);
    harness.run_steps(2);
    assert_eq!(harness.state().selection(), None);
}

#[test]
fn shortcuts_are_listed_under_help() {
    let mut harness = harness();
    harness.get_by_label("Help").click();
    harness.run_steps(2);
    // Written here, not taken from the list Help is drawn from: the shortcuts the window
    // handles (each is exercised by its own test: the keyboard walk, undo and redo, Save,
    // the review queue, search).
    let handled = [
        "Ctrl+F",
        "Enter",
        "Right / Down",
        "Left / Up",
        "Esc",
        "Ctrl+Z",
        "Ctrl+Shift+Z, Ctrl+Y",
        "Ctrl+S",
        "Ctrl+Shift+S",
        "Ctrl+O",
        "A / R / E",
        "J / K",
    ];
    for keys in handled {
        assert!(
            harness.query_by_label(keys).is_some(),
            "{keys} is not listed under Help"
        );
    }
    assert_eq!(
        backchannel::ui::SHORTCUTS.len(),
        handled.len(),
        "Help lists a shortcut this test does not know"
    );
}

#[test]
fn a_session_round_trip_restores_positions_filters_selection_and_zoom() {
    let folder = tempfile::tempdir().unwrap();
    let options = AppOptions {
        session_folder: Some(folder.path().to_path_buf()),
        ..AppOptions::default()
    };
    let mut first = harness_with(options.clone());
    let from = first
        .state()
        .node_screen_position("palestinian-authority")
        .unwrap();
    drag(&mut first, from, from + egui::vec2(50.0, 30.0));
    first.get_by_label("Filters").click();
    first.run_steps(2);
    first
        .get_by_role_and_label(Role::CheckBox, "blames (7)")
        .click();
    first.run_steps(2);
    first.get_by_label("Entities").click();
    first.run_steps(2);
    select_in_entity_list(&mut first, "Qatar");
    first.state_mut().save_session();
    let saved_positions = first.state().document().canvas.positions().to_vec();
    let saved_filter = first.state().document().doc.filter.clone();
    let saved_view = first.state().document().canvas.zoom_and_pan();
    let saved_files = std::fs::read_dir(folder.path()).unwrap().count();
    assert_eq!(saved_files, 1);

    let second = harness_with(options);
    let document = second.state().document();
    assert_eq!(document.doc.filter, saved_filter);
    assert_eq!(document.canvas.positions(), saved_positions.as_slice());
    let pa = second
        .state()
        .model()
        .node_position("palestinian-authority")
        .unwrap();
    assert!(document.canvas.pinned()[pa]);
    assert_eq!(
        second.state().selection(),
        Some(&Selection::Node("qatar".into()))
    );
    assert_eq!(document.canvas.zoom_and_pan(), saved_view);
}

#[test]
fn a_session_of_a_changed_dataset_keeps_what_still_applies() {
    let folder = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    std::fs::copy(
        "tests/fixtures/valid/minimal/article.txt",
        data.path().join("article.txt"),
    )
    .unwrap();
    let dataset = data.path().join("dataset.json");
    std::fs::copy("tests/fixtures/valid/minimal/dataset.json", &dataset).unwrap();
    let options = AppOptions {
        initial_file: Some(dataset.clone()),
        session_folder: Some(folder.path().to_path_buf()),
        ..AppOptions::default()
    };
    let mut first = harness_with(options.clone());
    assert_eq!(first.state().model().title, "Minimal talks");
    select_in_entity_list(&mut first, "Doha talks");
    first.get_by_label("1 hop").click();
    first.run_steps(3);
    first.state_mut().save_session();
    let qatar_place = first.state().document().canvas.positions()
        [first.state().model().node_position("qatar").unwrap()];

    // The dataset changes: the meeting the focus and selection were on is gone.
    let mut value: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&dataset).unwrap()).unwrap();
    value["nodes"]
        .as_array_mut()
        .unwrap()
        .retain(|node| node["id"] != "doha-talks");
    value["edges"]
        .as_array_mut()
        .unwrap()
        .retain(|edge| edge["target"] != "doha-talks");
    std::fs::write(&dataset, serde_json::to_vec(&value).unwrap()).unwrap();

    let second = harness_with(options);
    assert_eq!(second.state().model().nodes.len(), 3);
    assert!(second.state().open_failure().is_none());
    assert!(
        second.state().document().doc.filter.focus.is_none(),
        "the focus node is gone"
    );
    assert_eq!(second.state().selection(), None);
    let qatar = second.state().model().node_position("qatar").unwrap();
    assert_eq!(
        second.state().document().canvas.positions()[qatar],
        qatar_place
    );
}

#[test]
fn a_large_graph_lays_out_on_its_own_thread_and_pauses_and_resumes() {
    let folder = tempfile::tempdir().unwrap();
    let path = common::write_large_dataset(folder.path(), 800);
    let mut harness = harness_with(AppOptions {
        initial_file: Some(path),
        ..AppOptions::default()
    });
    assert_eq!(harness.state().model().nodes.len(), 800);
    // The window draws while the layout runs: frames keep coming and positions stream in.
    assert!(harness.state().document().canvas.is_animating());
    let start = harness.state().document().canvas.positions().to_vec();
    run_until(&mut harness, |app| {
        app.document().canvas.positions() != start.as_slice()
    });
    choose_layout(&mut harness, "Pause layout");
    assert!(harness.state().document().canvas.is_paused());
    let before = harness.state().document().canvas.positions().to_vec();
    for _ in 0..20 {
        harness.step();
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    assert_eq!(
        harness.state().document().canvas.positions(),
        before.as_slice(),
        "paused: nothing moves"
    );
    choose_layout(&mut harness, "Resume layout");
    run_until(&mut harness, |app| {
        app.document().canvas.positions() != before.as_slice()
    });
    run_until(&mut harness, |app| !app.document().canvas.is_animating());
    let positions = harness.state().document().canvas.positions();
    assert!(
        positions
            .iter()
            .all(|p| p[0].is_finite() && p[1].is_finite())
    );
}

#[test]
fn export_figure_writes_what_the_window_shows() {
    let mut harness = harness();
    // Hide the demands first: the figure shows what the window shows.
    harness.get_by_label("Filters").click();
    harness.run_steps(2);
    harness
        .get_by_role_and_label(Role::CheckBox, "Demand (16)")
        .click();
    harness.run_steps(3);
    harness.get_by_label("File").click();
    harness.run_steps(2);
    harness.get_by_label("Export figure…").click();
    harness.run_steps(2);
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("talks.svg");
    replace_field_text(&mut harness, "figure.png", &path.display().to_string());
    harness.get_by_label("Export").click();
    harness.run_steps(1);
    // Drawn and written on a worker; the outcome shows when it is done.
    run_until(&mut harness, |app| !app.is_exporting());
    harness.run_steps(2);
    assert!(harness.query_by_label_contains("Wrote").is_some());
    let svg = std::fs::read_to_string(&path).expect("the figure was written");
    let document = roxmltree::Document::parse(&svg).unwrap();
    let nodes = document
        .descendants()
        .filter(|n| n.attribute("class") == Some("node"))
        .count();
    let shown = harness
        .state()
        .document()
        .canvas
        .visibility()
        .nodes
        .iter()
        .filter(|&&s| s)
        .count();
    assert_eq!(nodes, shown);
    let demands = harness
        .state()
        .model()
        .nodes
        .iter()
        .filter(|node| node.kind == backchannel::model::NodeKind::Demand)
        .count();
    assert_eq!(shown, harness.state().model().nodes.len() - demands);
    assert!(harness.query_by_label_contains("Wrote").is_some());
}

#[test]
fn the_figure_scene_agrees_with_the_screen() {
    let mut harness = harness();
    select_in_entity_list(&mut harness, "Qatar");
    harness.get_by_label("2 hops").click();
    harness.run_steps(3);
    let state = harness.state();
    let document = state.document();
    let scene = backchannel::ui::document_scene(document, &Default::default());
    let model = state.model();
    let shown: Vec<usize> = (0..model.nodes.len())
        .filter(|&n| document.canvas.visibility().nodes[n])
        .collect();
    assert_eq!(scene.nodes.len(), shown.len());
    // The figure is the screen's layout, moved: every node keeps its offset from the first.
    let first = &scene.nodes[0];
    let first_canvas = document.canvas.positions()[model.node_position(&first.id).unwrap()];
    let zoom = document.canvas.zoom_and_pan().unwrap().0;
    for node in &scene.nodes {
        let position = model.node_position(&node.id).unwrap();
        let canvas = document.canvas.positions()[position];
        let figure = [
            node.center[0] - first.center[0],
            node.center[1] - first.center[1],
        ];
        let screen = [canvas[0] - first_canvas[0], canvas[1] - first_canvas[1]];
        assert!(
            (figure[0] - screen[0]).abs() < 0.01 && (figure[1] - screen[1]).abs() < 0.01,
            "{}",
            node.id
        );
        // Drawn where the screen draws it, at the screen's zoom.
        let on_screen = state.node_screen_position(&node.id).unwrap();
        let first_on_screen = state.node_screen_position(&first.id).unwrap();
        assert!(((on_screen.x - first_on_screen.x) - figure[0] * zoom).abs() < 0.5);
        assert_eq!(node.fill, backchannel::view::style::kind_rgb(node.kind));
    }
}

#[test]
fn dropping_a_node_pulls_its_neighbours_and_leaves_the_rest() {
    let mut harness = harness();
    let model = harness.state().model().clone();
    let place = |harness: &egui_kittest::Harness<'static, backchannel::ui::BackchannelApp>,
                 id: &str| {
        let position = model.node_position(id).unwrap();
        harness.state().document().canvas.positions()[position]
    };
    let abbas_before = place(&harness, "mahmoud-abbas");
    let far_before = place(&harness, "icc");
    let from = harness
        .state()
        .node_screen_position("palestinian-authority")
        .unwrap();
    drag(&mut harness, from, from + egui::vec2(-150.0, 120.0));
    let authority = place(&harness, "palestinian-authority");
    let abbas_after = place(&harness, "mahmoud-abbas");
    let distance = |a: [f32; 2], b: [f32; 2]| (a[0] - b[0]).hypot(a[1] - b[1]);
    assert!(
        distance(abbas_after, authority) < distance(abbas_before, authority),
        "the neighbour follows the dropped node"
    );
    assert_eq!(
        place(&harness, "icc"),
        far_before,
        "a node far from the dropped one stays"
    );
}

#[test]
fn labels_are_drawn_whole_or_not_at_all() {
    let mut harness = harness();
    harness.run_steps(3);
    let boxes = harness.state().document().canvas.drawn_label_boxes();
    let shown = harness.state().model().nodes.len();
    assert!(
        boxes.len() * 10 >= shown * 8,
        "{} of {shown} labels drawn",
        boxes.len()
    );
    for (i, (a_node, a)) in boxes.iter().enumerate() {
        for (b_node, b) in &boxes[i + 1..] {
            let overlap = a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
            assert!(!overlap, "labels of nodes {a_node} and {b_node} overlap");
        }
    }
}

#[test]
fn the_relation_legend_counts_each_relation_and_names_can_go_on_edges() {
    let mut harness = harness();
    let model = harness.state().model().clone();
    for relation in ["demands", "rejects", "member of"] {
        let count = model
            .edges
            .iter()
            .filter(|e| e.relation.as_str().replace('_', " ") == relation)
            .count();
        assert!(count > 0);
        harness.get_by_label(&format!("{relation} ({count})"));
    }
    assert!(!harness.state().document().canvas.relation_names());
    harness.get_by_label("Names on edges").click();
    harness.run_steps(2);
    assert!(harness.state().document().canvas.relation_names());
}

#[test]
fn a_running_layout_shows_its_progress_and_settles_by_itself() {
    let folder = tempfile::tempdir().unwrap();
    let path = common::write_large_dataset(folder.path(), 3_000);
    let mut harness = harness_with(AppOptions {
        initial_file: Some(path),
        ..AppOptions::default()
    });
    let mut fractions = Vec::new();
    let mut bar_seen = false;
    run_until(&mut harness, |app| {
        if let Some(progress) = app.document().canvas.layout_progress() {
            fractions.push(progress.fraction());
        }
        !app.document().canvas.is_animating()
    });
    // While it ran, the bar said so (checked on a fresh run: the first one may be over).
    choose_layout(&mut harness, "Force-directed (re-run)");
    for _ in 0..200 {
        harness.step();
        if harness.query_by_label_contains("Laying out").is_some() {
            bar_seen = true;
            break;
        }
        if !harness.state().document().canvas.is_animating() {
            break;
        }
    }
    assert!(bar_seen, "no progress bar while the layout ran");
    run_until(&mut harness, |app| !app.document().canvas.is_animating());
    assert!(
        harness
            .state()
            .document()
            .canvas
            .layout_progress()
            .is_none()
    );
    assert!(harness.query_by_label_contains("Laying out").is_none());
    assert!(
        fractions.windows(2).all(|w| w[0] <= w[1]),
        "progress never goes back: {fractions:?}"
    );
}

#[test]
fn a_large_entity_list_opens_by_group_and_is_searched_on_a_worker() {
    let folder = tempfile::tempdir().unwrap();
    let path = common::write_large_dataset(folder.path(), 6_000);
    let mut harness = harness_with(AppOptions {
        initial_file: Some(path),
        ..AppOptions::default()
    });
    harness.get_by_label("Close window").click();
    harness.run_steps(1);
    // A long group starts closed; opened, only the rows in view are drawn.
    assert!(harness.query_by_label("Party 0").is_none());
    harness.get_by_label_contains("Actors (6000)").click();
    harness.run_steps(2);
    assert!(harness.query_by_label("Party 0").is_some());
    let drawn = harness.query_all_by_label_contains("Party ").count();
    assert!((10..200).contains(&drawn), "{drawn} rows drawn");
    // A search of 6,000 names runs on a worker; its hits come when it is done.
    let field = harness.get_by_role(Role::TextInput);
    field.click();
    field.type_text("party 5999");
    harness.run_steps(1);
    run_until(&mut harness, |app| !app.document().is_searching());
    harness.run_steps(2);
    assert!(harness.query_by_label("Party 5999").is_some());
    assert!(harness.query_by_label("Party 0").is_none());
}
