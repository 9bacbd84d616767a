//! Opening other tools' graph files in the window: as the file draws them, with their
//! attributes and the absence of evidence said plainly, coloured and grouped by any
//! attribute.

use crate::common;

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
    let class_of = |position: usize| {
        model.nodes[position]
            .attributes
            .get("modularity_class")
            .cloned()
            .unwrap()
    };
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
    common::run_until_loaded(&mut harness);
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
    let back = backchannel::interchange::load_file(&path).unwrap().model;
    let as_json = |model: &backchannel::model::Model| {
        serde_json::to_value(backchannel::interchange::to_raw_dataset(model)).unwrap()
    };
    assert_eq!(as_json(&back), as_json(&seed));
}

/// A named pipe at `path`: opening it blocks until the test writes, so a load lasts
/// exactly as long as the test wants.
#[cfg(unix)]
fn named_pipe(path: &std::path::Path) {
    let made = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
}

#[cfg(unix)]
#[test]
fn a_file_opens_on_a_worker_while_the_open_graph_stays_usable_and_cancel_keeps_it() {
    use std::io::Write as _;
    let mut harness = common::harness();
    let folder = tempfile::tempdir().unwrap();
    let pipe = folder.path().join("slow.json");
    named_pipe(&pipe);
    harness
        .state_mut()
        .apply_command(Command::Open(pipe.clone()));
    harness.run_steps(2);
    // The load waits on the pipe; the window goes on drawing the seed, with the
    // progress and Cancel in the status bar.
    assert!(harness.state().is_loading());
    assert!(harness.query_by_label("Opening slow.json").is_some());
    assert!(harness.query_by_label("Cancel").is_some());
    common::select_in_entity_list(&mut harness, "Hamas");
    assert_eq!(
        harness.state().selection(),
        Some(&Selection::Node("hamas".into()))
    );
    // Half a dataset arrives: the bytes read are the progress.
    let dataset = std::fs::read_to_string("tests/fixtures/valid/minimal/dataset.json").unwrap();
    let (first_half, _) = dataset.split_at(dataset.len() / 2);
    let mut writer = std::fs::OpenOptions::new().write(true).open(&pipe).unwrap();
    writer.write_all(first_half.as_bytes()).unwrap();
    writer.flush().unwrap();
    common::run_until(&mut harness, |app| {
        app.loading_progress()
            .is_some_and(|reading| reading.done > 0)
    });
    let reading = harness.state().loading_progress().unwrap();
    assert_eq!(reading.done, first_half.len() as u64);
    assert!(reading.describe().starts_with("Reading"));
    harness.get_by_label("Cancel").click();
    harness.run_steps(2);
    assert!(!harness.state().is_loading());
    assert!(harness.query_by_label("Opening slow.json").is_none());
    // The rest arrives after the cancel: the worker finishes, nobody takes its result.
    writer
        .write_all(&dataset.as_bytes()[first_half.len()..])
        .unwrap();
    drop(writer);
    std::thread::sleep(std::time::Duration::from_millis(300));
    harness.run_steps(3);
    let app = harness.state();
    assert_eq!(
        app.model().title,
        "Gaza ceasefire and hostage talks, May 2024"
    );
    assert_eq!(app.selection(), Some(&Selection::Node("hamas".into())));
    assert!(app.open_failure().is_none());
    assert!(
        harness
            .query_by_label_contains("was cancelled; the graph that was open is unchanged")
            .is_some()
    );
}

#[cfg(unix)]
#[test]
fn a_file_that_arrives_slowly_opens_once_it_is_read_and_one_cut_short_keeps_the_graph() {
    use std::io::Write as _;
    let folder = tempfile::tempdir().unwrap();
    let dataset = std::fs::read_to_string("tests/fixtures/valid/minimal/dataset.json").unwrap();
    let source = "tests/fixtures/valid/minimal/article.txt";
    std::fs::copy(source, folder.path().join("article.txt")).unwrap();
    for (name, text, opens) in [
        ("whole.json", dataset.as_str(), true),
        ("cut.json", &dataset[..dataset.len() * 2 / 3], false),
    ] {
        let mut harness = common::harness();
        let pipe = folder.path().join(name);
        named_pipe(&pipe);
        harness
            .state_mut()
            .apply_command(Command::Open(pipe.clone()));
        harness.run_steps(1);
        let mut writer = std::fs::OpenOptions::new().write(true).open(&pipe).unwrap();
        writer.write_all(text.as_bytes()).unwrap();
        drop(writer);
        common::run_until_loaded(&mut harness);
        let app = harness.state();
        if opens {
            assert_eq!(app.model().title, "Minimal talks");
            assert!(app.open_failure().is_none());
        } else {
            assert_eq!(
                app.model().title,
                "Gaza ceasefire and hostage talks, May 2024"
            );
            let failure = app.open_failure().expect("the failure is shown");
            assert!(failure.problems[0].message.contains("malformed JSON"));
        }
        std::fs::remove_file(&pipe).unwrap();
    }
}

#[test]
fn an_edge_list_whose_columns_are_not_named_plainly_asks_for_them_with_a_preview() {
    let mut harness = common::harness();
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("trade.csv");
    std::fs::write(
        &path,
        "exporter;importer;tonnes;year\nChile;China;12.5;2020\nPeru;China;3;2021\n",
    )
    .unwrap();
    harness
        .state_mut()
        .apply_command(Command::Open(path.clone()));
    common::run_until_loaded(&mut harness);
    // Asked, with the first rows; the open graph stays.
    assert!(
        harness
            .query_by_label("Choose the columns of trade.csv")
            .is_some()
    );
    assert!(harness.query_by_label("Chile").is_some());
    assert!(harness.state().open_failure().is_none());
    assert_eq!(
        harness.state().model().title,
        "Gaza ceasefire and hostage talks, May 2024"
    );
    harness.get_by_label("Open with these columns").click();
    harness.run_steps(1);
    common::run_until_loaded(&mut harness);
    let model = harness.state().model();
    assert_eq!(model.nodes.len(), 3);
    assert_eq!(model.edges.len(), 2);
    assert_eq!(
        (
            model.edges[0].source.as_str(),
            model.edges[0].target.as_str()
        ),
        ("Chile", "China")
    );
    assert!(
        harness
            .query_by_label("Choose the columns of trade.csv")
            .is_none()
    );
}
