//! Exploring like an analyst, in the real window: search, filters, focus, paths,
//! measures, undo and redo, the keyboard, Help, sessions, and the entity list.

use crate::common;

use backchannel::graph::{Adjacency, shortest_paths};
use backchannel::ui::{AppOptions, Command, Selection};
use backchannel::view::FocusMode;
use common::{LINK, drag, harness, harness_with, run_until, select_in_entity_list};
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
    // The status line says where the walk is, and by which relations.
    let qatar = model.node_position("qatar").unwrap();
    let mut via: Vec<String> = (0..model.edges.len())
        .filter(|&edge| {
            model.edge_ends(edge).is_some_and(|(a, b)| {
                (a == qatar && b == neighbours[1]) || (b == qatar && a == neighbours[1])
            })
        })
        .map(|edge| model.edges[edge].relation.words())
        .collect();
    via.sort_unstable();
    via.dedup();
    assert!(
        harness.state().status().starts_with(&format!(
            "Neighbour 2 of {} of Qatar, via {}",
            neighbours.len(),
            via.join(" and ")
        )),
        "{}",
        harness.state().status()
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
fn a_session_restores_the_layout_that_was_on_screen_once_it_settled() {
    let folder = tempfile::tempdir().unwrap();
    let options = AppOptions {
        session_folder: Some(folder.path().to_path_buf()),
        ..AppOptions::default()
    };
    let mut first = harness_with(options.clone());
    for layout in ["Timeline", "Force-directed"] {
        first.get_by_label("View").click();
        first.run_steps(2);
        first.get_by_label(layout).click();
        first.run_steps(2);
    }
    run_until(&mut first, |app| !app.document().canvas.is_animating());
    // No command after the layout settled: the session is saved all the same, within
    // its interval.
    std::thread::sleep(std::time::Duration::from_millis(1_100));
    first.run_steps(3);
    let shown = first.state().document().canvas.positions().to_vec();
    drop(first);

    let second = harness_with(options);
    let canvas = &second.state().document().canvas;
    assert_eq!(canvas.layout_kind(), backchannel::view::LayoutKind::Force);
    assert_eq!(canvas.positions(), shown.as_slice());
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
