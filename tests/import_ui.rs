//! Opening other tools' graph files in the window: as the file draws them, with their
//! attributes and the absence of evidence said plainly, coloured and grouped by any
//! attribute.

mod common;

use std::path::PathBuf;

use backchannel::ui::{AppOptions, Command, Selection};
use backchannel::view::LayoutKind;
use backchannel::view::colouring::{ColourBy, PALETTE};
use common::{harness_with, replace_field_text};
use egui_kittest::kittest::Queryable;

fn open(file: &str) -> egui_kittest::Harness<'static, backchannel::ui::BackchannelApp> {
    harness_with(AppOptions {
        initial_file: Some(PathBuf::from(file)),
        ..AppOptions::default()
    })
}

#[test]
fn a_gephi_file_opens_as_gephi_laid_it_out_and_coloured_it() {
    let mut harness = open("tests/fixtures/graphs/Les_Miserables.gexf");
    harness.run_steps(4);
    let app = harness.state();
    assert!(app.open_failure().is_none());
    assert_eq!(app.model().nodes.len(), 77);
    let document = app.document();
    assert_eq!(
        document.canvas.layout_kind(),
        LayoutKind::File,
        "no layout ran"
    );
    assert_eq!(document.doc.colour_by, ColourBy::File);
    // The drawing keeps the file's geometry: one uniform scale, no rotation or shuffle.
    let model = app.model();
    let canvas = document.canvas.positions();
    let given = |id: &str| {
        let point = model.node(id).unwrap().look.position.unwrap();
        [point.x, point.y]
    };
    let drawn = |id: &str| canvas[model.node_position(id).unwrap()];
    let (valjean, gavroche, myriel) = (given("11"), given("48"), given("0"));
    let (valjean_drawn, gavroche_drawn, myriel_drawn) = (drawn("11"), drawn("48"), drawn("0"));
    let scale = (gavroche_drawn[0] - valjean_drawn[0]) / (gavroche[0] - valjean[0]);
    assert!(scale > 0.0);
    for axis in 0..2 {
        let expected = valjean_drawn[axis] + (myriel[axis] - valjean[axis]) * scale;
        assert!((myriel_drawn[axis] - expected).abs() < 0.5, "axis {axis}");
    }
    // Valjean is drawn in Gephi's red, and larger than Myriel (size 100 against 28).
    let valjean_fill = document.canvas.fills()[model.node_position("11").unwrap()];
    assert_eq!(valjean_fill, [245, 91, 91]);
    let scales = document.canvas.scales();
    assert!(scales[model.node_position("11").unwrap()] > scales[model.node_position("0").unwrap()]);
}

#[test]
fn the_details_panel_shows_file_attributes_and_says_there_is_no_evidence() {
    let mut harness = open("tests/fixtures/graphs/Les_Miserables.gexf");
    harness
        .state_mut()
        .apply_command(Command::Select(Some(Selection::Node("11".into()))));
    harness.run_steps(3);
    harness.get_by_label("modularity_class");
    harness.get_by_label("#f55b5b");
    harness.get_by_label_contains("No evidence: the file this comes from quotes no article");
    harness.get_by_label("Evidence (0)");
}

#[test]
fn nodes_can_be_coloured_and_grouped_by_any_attribute() {
    let mut harness = open("tests/fixtures/graphs/Les_Miserables.gexf");
    harness.run_steps(2);
    harness
        .state_mut()
        .apply_command(Command::ColourBy(ColourBy::Attribute(
            "modularity_class".into(),
        )));
    harness
        .state_mut()
        .apply_command(Command::SetLayout(LayoutKind::Kind));
    harness.run_steps(3);
    let app = harness.state();
    let model = app.model();
    let document = app.document();
    let class_of = |position: usize| model.nodes[position].attributes["modularity_class"].clone();
    let fills = document.canvas.fills();
    let positions = document.canvas.positions();
    // Same class, same colour and same column; different classes, different ones.
    for a in 0..model.nodes.len() {
        for b in 0..model.nodes.len() {
            let same = class_of(a) == class_of(b);
            assert_eq!(fills[a] == fills[b], same, "colours of {a} and {b}");
            assert_eq!(
                (positions[a][0] - positions[b][0]).abs() < 1.0,
                same,
                "columns of {a} and {b}"
            );
        }
    }
    assert!(fills.iter().all(|fill| PALETTE.contains(fill)));
    // The legend lists each class with its count; 9 classes.
    assert_eq!(document.colours.legend.len(), 9);
    let counted: usize = document
        .colours
        .legend
        .iter()
        .map(|entry| entry.count)
        .sum();
    assert_eq!(counted, 77);
}

#[test]
fn a_broken_graph_file_keeps_the_open_graph() {
    let mut harness = open("tests/fixtures/graphs/miserables.json");
    let before = harness.state().model().nodes.len();
    assert_eq!(before, 77);
    let folder = tempfile::tempdir().unwrap();
    let broken = folder.path().join("broken.graphml");
    std::fs::write(&broken, "<graphml><graph><node id=\"a\"></graph></graphml>").unwrap();
    harness.state_mut().apply_command(Command::Open(broken));
    harness.run_steps(2);
    let app = harness.state();
    assert_eq!(app.model().nodes.len(), before);
    let failure = app.open_failure().expect("the failure is shown");
    let problem = &failure.problems[0];
    // Where `</graph>` closes a `<node>` that is still open.
    assert_eq!(problem.location.to_string(), "1:30");
    assert!(
        harness
            .query_all_by_label_contains("broken.graphml")
            .count()
            >= 1
    );
}

#[test]
fn export_graph_writes_the_open_dataset_for_other_tools() {
    let mut harness = harness_with(AppOptions::default());
    harness.get_by_label("File").click();
    harness.run_steps(2);
    harness.get_by_label("Export graph…").click();
    harness.run_steps(2);
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("talks.gexf");
    replace_field_text(&mut harness, "graph.gexf", &path.display().to_string());
    harness.get_by_label("Export").click();
    harness.run_steps(3);
    harness.get_by_label_contains("Wrote");
    // Opening the export again gives the seed back, evidence and all.
    let seed = backchannel::dataset::load_seed().unwrap().model;
    let back = backchannel::dataset::load_file(&path).unwrap().model;
    let as_json = |model: &backchannel::model::Model| {
        serde_json::to_value(backchannel::interchange::to_raw_dataset(model)).unwrap()
    };
    assert_eq!(as_json(&back), as_json(&seed));
}
