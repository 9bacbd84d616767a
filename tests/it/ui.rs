//! The window, driven as a user drives it, with egui_kittest and no display.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use crate::common;
use backchannel::ui::{AppOptions, BackchannelApp, Selection};

use common::{LINK, click_at, harness, harness_with, select_in_entity_list};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

#[test]
fn selecting_hamas_lists_quotes_from_the_seed_articles() {
    let mut harness = harness();
    select_in_entity_list(&mut harness, "Hamas");
    assert_eq!(
        harness.state().selection(),
        Some(&Selection::Node("hamas".into()))
    );
    let model = harness.state().model().clone();
    let hamas = model.node("hamas").unwrap();
    assert!(
        harness
            .query_by_label(&format!("Evidence ({})", hamas.evidence.len()))
            .is_some()
    );
    for record in &hamas.evidence {
        // Each record shows its sentence, which contains the quote.
        assert!(
            harness.query_by_label_contains(&record.quote).is_some(),
            "quote {:?} is not shown",
            record.quote
        );
        let article = model.article(&record.article_id).unwrap();
        assert!(harness.query_by_label_contains(&article.title).is_some());
    }
    // Its relations are listed, grouped by type.
    let demands = model
        .edges
        .iter()
        .filter(|edge| edge.source == "hamas" && edge.relation.as_str() == "demands")
        .count();
    assert!(
        harness
            .query_by_label(&format!("demands ({demands})"))
            .is_some()
    );
    assert_eq!(
        harness.query_all_by_role_and_label(LINK, "demands").count(),
        demands
    );
    assert!(
        harness
            .query_by_role_and_label(LINK, "Permanent ceasefire, end of the war")
            .is_some()
    );
}

#[test]
fn clicking_a_node_in_the_graph_selects_it() {
    let mut harness = harness();
    let position = harness
        .state()
        .node_screen_position("qatar")
        .expect("qatar is drawn");
    click_at(&mut harness, position);
    assert_eq!(
        harness.state().selection(),
        Some(&Selection::Node("qatar".into()))
    );
    assert!(
        harness
            .query_by_label_contains("proposed by mediators from Qatar and Egypt")
            .is_some()
    );
}

/// A filter hides an edge without taking it out of the canvas's graph: hidden, it is
/// neither drawn nor clickable; shown again, it is clickable again.
#[test]
fn an_edge_hidden_by_a_filter_cannot_be_clicked_until_shown_again() {
    let mut harness = harness();
    let edge = Selection::Edge("mahmoud-abbas--leads--palestinian-authority".into());
    let midpoint = |harness: &Harness<'static, BackchannelApp>| {
        let app = harness.state();
        let from = app.node_screen_position("mahmoud-abbas").unwrap();
        let to = app.node_screen_position("palestinian-authority").unwrap();
        from + (to - from) / 2.0
    };
    let mut hide_leads = backchannel::view::ViewFilter::default();
    hide_leads
        .hidden_relations
        .insert(backchannel::model::Relation::Leads);
    harness
        .state_mut()
        .apply_command(backchannel::ui::Command::SetFilter(hide_leads));
    harness.run_steps(3);
    let at = midpoint(&harness);
    click_at(&mut harness, at);
    assert_ne!(harness.state().selection(), Some(&edge));

    harness
        .state_mut()
        .apply_command(backchannel::ui::Command::SetFilter(
            backchannel::view::ViewFilter::default(),
        ));
    harness.run_steps(3);
    let at = midpoint(&harness);
    click_at(&mut harness, at);
    assert_eq!(harness.state().selection(), Some(&edge));
}

#[test]
fn clicking_an_edge_in_the_graph_selects_it() {
    let mut harness = harness();
    let from = harness
        .state()
        .node_screen_position("mahmoud-abbas")
        .unwrap();
    let to = harness
        .state()
        .node_screen_position("palestinian-authority")
        .unwrap();
    click_at(&mut harness, from + (to - from) / 2.0);
    assert_eq!(
        harness.state().selection(),
        Some(&Selection::Edge(
            "mahmoud-abbas--leads--palestinian-authority".into()
        ))
    );
    // The edge's details: its ends as links, and its evidence.
    assert!(
        harness
            .query_by_role_and_label(LINK, "Palestinian Authority")
            .is_some()
    );
    assert!(
        harness
            .query_by_label_contains("Palestinian Authority President Mahmoud Abbas")
            .is_some()
    );
}

#[test]
fn clicking_a_relation_moves_the_selection_there() {
    let mut harness = harness();
    select_in_entity_list(&mut harness, "Khalil al-Hayya");
    harness
        .get_by_role_and_label(LINK, "Hamas delegation")
        .click();
    harness.run_steps(3);
    assert_eq!(
        harness.state().selection(),
        Some(&Selection::Node("hamas-delegation".into()))
    );
    // The relation itself: its evidence is the quote that supports it.
    harness
        .get_all_by_role_and_label(LINK, "attends")
        .next()
        .unwrap()
        .click();
    harness.run_steps(3);
    let Some(Selection::Edge(id)) = harness.state().selection().cloned() else {
        panic!("an edge is selected");
    };
    let edge = harness.state().model().edge(&id).unwrap().clone();
    assert_eq!(edge.source, "hamas-delegation");
    assert!(
        harness
            .query_by_label_contains(&edge.evidence[0].quote)
            .is_some()
    );
}

#[test]
fn escape_clears_the_selection() {
    let mut harness = harness();
    select_in_entity_list(&mut harness, "Qatar");
    assert!(harness.state().selection().is_some());
    harness.key_press(egui::Key::Escape);
    harness.run_steps(2);
    assert_eq!(harness.state().selection(), None);
    assert!(harness.query_by_label("Nothing selected").is_some());
}

#[test]
fn clicking_an_evidence_record_opens_the_reader_at_the_quote() {
    let mut harness = harness();
    select_in_entity_list(&mut harness, "Osama Hamdan");
    harness
        .get_all_by_label("Read in article")
        .next()
        .unwrap()
        .click();
    harness.run_steps(4);
    let reader = harness
        .state()
        .reader()
        .cloned()
        .expect("the reader is open");
    let model = harness.state().model().clone();
    let record = &model.node("osama-hamdan").unwrap().evidence[0];
    assert_eq!(
        (reader.article_id.as_str(), reader.start, reader.end),
        (record.article_id.as_str(), record.start, record.end)
    );
    assert!(!reader.scroll_pending, "the reader scrolled to the quote");
    let article = model.article(&record.article_id).unwrap();
    let title_text = format!("Article: {}", article.title);
    let title = harness.get_by_label(&title_text);
    // The reader opens below the menu bar, never over it.
    let menu = harness.get_by_label("File").rect();
    assert!(
        title.rect().top() >= menu.bottom(),
        "reader at {:?}, menu at {:?}",
        title.rect(),
        menu
    );
}

fn open_path_through_the_menu(harness: &mut Harness<'static, BackchannelApp>, path: &Path) {
    harness.get_by_label("File").click();
    harness.run_steps(2);
    harness.get_by_label("Open path…").click();
    harness.run_steps(2);
    // The path field, in the window drawn over the panels (the search field is first).
    let field = harness
        .get_all_by_role(egui::accesskit::Role::TextInput)
        .last()
        .unwrap();
    field.click();
    field.type_text(&path.display().to_string());
    harness.run_steps(1);
    harness.get_by_label("Open").click();
    harness.run_steps(1);
    common::run_until_loaded(harness);
}

#[test]
fn opening_an_invalid_file_shows_every_problem_and_keeps_the_graph() {
    let mut harness = harness();
    select_in_entity_list(&mut harness, "Hamas");
    let before_nodes = harness.state().model().nodes.len();
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("broken.json");
    std::fs::write(
        &path,
        r#"{"format": "backchannel/1", "title": "Broken", "nodes": [
            {"id": "a", "label": "A", "kind": "villain", "evidence": []}],
            "edges": [{"id": "e", "source": "a", "target": "ghost", "relation": "demands", "evidence": []}]}"#,
    )
    .unwrap();
    open_path_through_the_menu(&mut harness, &path);

    let failure = harness
        .state()
        .open_failure()
        .expect("the failure is shown");
    assert_eq!(failure.error_count(), 4);
    assert!(
        harness
            .query_by_label(&format!("Could not open {}", path.display()))
            .is_some()
    );
    assert!(
        harness
            .query_by_label_contains("unknown kind \"villain\"")
            .is_some()
    );
    assert!(
        harness
            .query_by_label_contains("edge \"e\" has target \"ghost\"")
            .is_some()
    );
    assert!(harness.query_by_label("$.edges[0].target").is_some());
    assert!(
        harness
            .query_by_label_contains("The graph that was open is unchanged")
            .is_some()
    );
    // The seed graph, and the selection in it, are untouched.
    assert_eq!(harness.state().model().nodes.len(), before_nodes);
    assert_eq!(
        harness.state().model().title,
        "Gaza ceasefire and hostage talks, May 2024"
    );
    assert_eq!(
        harness.state().selection(),
        Some(&Selection::Node("hamas".into()))
    );
    assert!(harness.state().node_screen_position("hamas").is_some());
}

#[derive(Debug)]
struct DroppedPath(PathBuf);

impl egui::DroppedFile for DroppedPath {
    fn path(&self) -> &Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|error| error.to_string())
    }
}

#[test]
fn dropping_a_second_valid_dataset_replaces_the_graph_and_is_remembered() {
    let recent = tempfile::tempdir().unwrap();
    let store = recent.path().join("recent.json");
    let mut harness = harness_with(AppOptions {
        recent_store: Some(store.clone()),
        ..AppOptions::default()
    });
    let path = std::fs::canonicalize("tests/fixtures/valid/minimal/dataset.json").unwrap();
    harness
        .input_mut()
        .dropped_files
        .push(Arc::new(DroppedPath(path.clone())));
    harness.run_steps(1);
    common::run_until_loaded(&mut harness);
    assert_eq!(harness.state().model().title, "Minimal talks");
    assert_eq!(harness.state().model().nodes.len(), 4);
    assert!(harness.state().open_failure().is_none());
    assert!(harness.query_by_label("Doha talks").is_some());
    assert!(harness.query_by_label("Benjamin Netanyahu").is_none());
    assert_eq!(
        harness.state().recent().paths(),
        std::slice::from_ref(&path)
    );
    let saved: Vec<PathBuf> = serde_json::from_slice(&std::fs::read(&store).unwrap()).unwrap();
    assert_eq!(saved, [path]);
}

#[test]
fn a_file_named_on_the_command_line_opens_after_the_seed() {
    let harness = harness_with(AppOptions {
        initial_file: Some(PathBuf::from("tests/fixtures/valid/inline-second.json")),
        ..AppOptions::default()
    });
    assert_eq!(harness.state().model().title, "Second dataset");
    let bad = harness_with(AppOptions {
        initial_file: Some(PathBuf::from("tests/fixtures/invalid/future-format.json")),
        ..AppOptions::default()
    });
    assert_eq!(
        bad.state().model().title,
        "Gaza ceasefire and hostage talks, May 2024"
    );
    assert!(bad.state().open_failure().is_some());
}

#[test]
fn recent_files_reopen_from_the_menu() {
    let recent = tempfile::tempdir().unwrap();
    let store = recent.path().join("recent.json");
    let path = std::fs::canonicalize("tests/fixtures/valid/inline-second.json").unwrap();
    std::fs::write(&store, serde_json::to_vec(&[&path]).unwrap()).unwrap();
    let mut harness = harness_with(AppOptions {
        recent_store: Some(store),
        ..AppOptions::default()
    });
    harness.get_by_label("File").click();
    harness.run_steps(2);
    harness.get_by_label_contains("Recent").hover();
    harness.run_steps(3);
    harness.get_by_label(&path.display().to_string()).click();
    harness.run_steps(1);
    common::run_until_loaded(&mut harness);
    assert_eq!(harness.state().model().title, "Second dataset");
}

#[test]
fn the_window_stops_repainting_once_the_layout_has_settled() {
    let mut harness = harness();
    harness.run_steps(3);
    let repaint_delay = harness
        .output()
        .viewport_output
        .get(&egui::ViewportId::ROOT)
        .map(|viewport| viewport.repaint_delay)
        .unwrap();
    assert!(
        repaint_delay > Duration::from_secs(60),
        "repaints again after {repaint_delay:?}"
    );
}
