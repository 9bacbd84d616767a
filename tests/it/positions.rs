//! Positions over time, headless and in the window: an actor's stances earliest first
//! with its shifts, the matrix of latest stances, and both as figures (SVG and PNG, with
//! legend and sources, the same bytes on every run, never over an input file).

use assert_cmd::Command;
use serde_json::{Value, json};

use crate::claims::{evidence, seed};

/// Hamas rejects the Egyptian proposal on 10 May and accepts it on 2 June: one shift;
/// Israel is expected to propose a new one (a hollow mark).
fn shift_dataset(folder: &std::path::Path) -> std::path::PathBuf {
    let before = "Hamas rejected the Egyptian proposal on Friday.";
    let after = "Hamas accepted the Egyptian proposal, its negotiators said. \
                 Israel is expected to accept the Egyptian proposal.";
    let dataset = json!({
        "format": "backchannel/1",
        "title": "A change of stance",
        "articles": [
            {"id": "may", "title": "May", "outlet": "Wire", "published": "2024-05-10", "text": before},
            {"id": "june", "title": "June", "outlet": "Paper", "published": "2024-06-02", "text": after},
        ],
        "nodes": [
            {"id": "hamas", "label": "Hamas", "kind": "actor",
             "evidence": [evidence("may", before, "Hamas")]},
            {"id": "proposal", "label": "Egyptian proposal", "kind": "demand",
             "evidence": [evidence("may", before, "the Egyptian proposal")]},
            {"id": "israel", "label": "Israel", "kind": "actor",
             "evidence": [evidence("june", after, "Israel")]},
        ],
        "edges": [
            {"id": "rejects", "source": "hamas", "target": "proposal", "relation": "rejects",
             "evidence": [evidence("may", before, "Hamas rejected the Egyptian proposal")]},
            {"id": "accepts", "source": "hamas", "target": "proposal", "relation": "accepts",
             "evidence": [evidence("june", after, "Hamas accepted the Egyptian proposal")]},
            {"id": "expected-accept", "source": "israel", "target": "proposal",
             "relation": "accepts", "modality": "expected",
             "evidence": [evidence("june", after, "Israel is expected to accept the Egyptian proposal")]},
        ],
    });
    let path = folder.join("shift.json");
    std::fs::write(&path, serde_json::to_string_pretty(&dataset).unwrap()).unwrap();
    path
}

#[test]
fn positions_run_earliest_first_and_the_matrix_keeps_each_latest_stance() {
    use backchannel::claims::positions::{position_matrix, positions_of};
    use backchannel::model::Relation;
    let model = seed();
    let hamas = positions_of(&model, "hamas").unwrap();
    assert_eq!(hamas.stances.len(), 12);
    assert!(
        hamas.shifts.is_empty(),
        "the seed's Hamas never changes sides"
    );
    // Month-level stances (May 2024) before those of 26 May.
    let days: Vec<String> = hamas
        .stances
        .iter()
        .map(|s| s.date.unwrap().human())
        .collect();
    assert_eq!(days.iter().filter(|d| *d == "May 2024").count(), 10);
    assert_eq!(&days[10..], ["26 May 2024", "26 May 2024"]);
    let matrix = position_matrix(&model);
    let cell = matrix
        .iter()
        .find(|cell| cell.actor == "israel" && cell.on == "permanent-ceasefire")
        .unwrap();
    assert_eq!(cell.history.len(), 2);
    assert_eq!(cell.latest.relation, Relation::Rejects);
    assert_eq!(cell.latest.date.unwrap().human(), "26 May 2024");
    // Actors and mediators only, by actor then by what on.
    let keys: Vec<(&str, &str)> = matrix
        .iter()
        .map(|cell| (cell.actor.as_str(), cell.on.as_str()))
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
}

#[test]
fn a_change_of_stance_is_a_shift_with_both_quotes_headless() {
    let folder = tempfile::tempdir().unwrap();
    let path = shift_dataset(folder.path());
    let output = Command::cargo_bin("backchannel")
        .unwrap()
        .arg("positions")
        .arg(&path)
        .args(["--actor", "Hamas", "--json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let positions: Value = serde_json::from_slice(&output.stdout).unwrap();
    let shifts = positions["shifts"].as_array().unwrap();
    assert_eq!(shifts.len(), 1);
    assert_eq!(shifts[0]["from"]["edge"], "rejects");
    assert_eq!(shifts[0]["to"]["edge"], "accepts");
    assert_eq!(shifts[0]["from"]["in_favour"], false);
    assert_eq!(shifts[0]["to"]["in_favour"], true);
    assert_eq!(
        shifts[0]["to"]["quotes"][0]["quote"],
        "Hamas accepted the Egyptian proposal"
    );
    let text = Command::cargo_bin("backchannel")
        .unwrap()
        .arg("positions")
        .arg(&path)
        .args(["--actor", "hamas"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.starts_with("Hamas: 2 stances, 1 shift\n"), "{text}");
    assert!(text.contains("Shift on Egyptian proposal:"), "{text}");
    assert!(text.contains("Wire · 10 May 2024 (may): \"Hamas rejected the Egyptian proposal\""));
    // An unknown actor is an error.
    let unknown = Command::cargo_bin("backchannel")
        .unwrap()
        .arg("positions")
        .arg(&path)
        .args(["--actor", "Fatah"])
        .output()
        .unwrap();
    assert_eq!(unknown.status.code(), Some(1));
}

#[test]
fn the_positions_window_and_the_matrix_show_stances_select_them_and_export_figures() {
    use crate::common::{harness, replace_field_text};
    use egui_kittest::kittest::Queryable;
    let mut harness = harness();
    harness
        .state_mut()
        .apply_command(backchannel::ui::Command::Select(Some(
            backchannel::ui::Selection::Node("hamas".to_owned()),
        )));
    harness.run_steps(2);
    harness.get_by_label("Positions over time").scroll_to_me();
    harness.run_steps(10);
    harness.get_by_label("Positions over time").click();
    harness.run_steps(3);
    assert!(harness.query_by_label("Positions of Hamas").is_some());
    assert!(harness.query_by_label("No shift of stance.").is_some());
    // A mark selects the relation it stands for.
    harness
        .get_by_label("Hamas rejects Temporary ceasefire only, 26 May 2024")
        .click();
    harness.run_steps(2);
    let Some(backchannel::ui::Selection::Edge(selected)) = harness.state().selection().cloned()
    else {
        panic!("a mark selects its relation");
    };
    let model = seed();
    let edge = model.edge(&selected).unwrap();
    assert_eq!(
        (edge.source.as_str(), edge.relation.as_str()),
        ("hamas", "rejects")
    );
    assert_eq!(model.node_label(&edge.target), "Temporary ceasefire only");
    // The window writes its figure: the same chart as the command line's.
    let folder = tempfile::tempdir().unwrap();
    let figure = folder.path().join("hamas.svg");
    replace_field_text(&mut harness, "positions.png", &figure.display().to_string());
    harness.get_by_label("Export figure").click();
    let svg = wait_for_file(&mut harness, &figure);
    assert_eq!(svg.matches("class=\"stance\"").count(), 12);
    assert!(svg.contains("Positions of Hamas"));
    harness.get_by_label("Close window").click();
    harness.run_steps(2);
    harness.get_by_label("View").click();
    harness.run_steps(2);
    harness.get_by_label("Positions: who stands where…").click();
    harness.run_steps(3);
    assert!(
        harness
            .query_by_label("Positions: who stands where")
            .is_some()
    );
    // Israel's latest stance on a permanent ceasefire is there: rejects, 26 May 2024; a
    // cell selects the relation it shows. One cell per actor and thing.
    assert!(
        harness
            .query_by_label("Israel rejects Permanent ceasefire, end of the war, 26 May 2024")
            .is_some()
    );
    let matrix = backchannel::claims::positions::position_matrix(&seed());
    let cells = matrix
        .iter()
        .filter(|cell| {
            harness
                .query_by_label(&format!(
                    "{} {} {}, {}",
                    seed().node_label(&cell.actor),
                    cell.latest.action(),
                    cell.latest.on_label,
                    cell.latest.when()
                ))
                .is_some()
        })
        .count();
    assert_eq!(cells, matrix.len());
    harness
        .get_by_label("Benny Gantz opposes Itamar Ben-Gvir, 2024")
        .scroll_to_me();
    harness.run_steps(10);
    harness
        .get_by_label("Benny Gantz opposes Itamar Ben-Gvir, 2024")
        .click();
    harness.run_steps(2);
    assert_eq!(
        harness.state().selection(),
        Some(&backchannel::ui::Selection::Edge(
            "gantz--opposes--ben-gvir".to_owned()
        ))
    );
    let figure = folder.path().join("matrix.png");
    replace_field_text(
        &mut harness,
        "positions-matrix.png",
        &figure.display().to_string(),
    );
    harness.get_by_label("Export figure").click();
    wait_for_file(&mut harness, &figure);
    let png = std::fs::read(&figure).unwrap();
    assert!(png.starts_with(b"\x89PNG"));
    let headless = backchannel::export::figure_bytes(
        &backchannel::export::matrix_chart(
            &seed(),
            &backchannel::claims::positions::position_matrix(&seed()),
            &backchannel::export::SceneOptions {
                caption: true,
                ..Default::default()
            },
        ),
        backchannel::export::FigureFormat::Png,
        backchannel::export::PngSize::Scale(2.0),
    )
    .unwrap();
    assert!(
        png == headless,
        "the window's matrix figure is the headless one"
    );
}

/// Steps the window until the worker has written `path`; its text (lossy for a PNG).
fn wait_for_file(
    harness: &mut egui_kittest::Harness<'static, backchannel::ui::BackchannelApp>,
    path: &std::path::Path,
) -> String {
    for _ in 0..300 {
        harness.run_steps(1);
        if let Ok(bytes) = std::fs::read(path) {
            harness.run_steps(2);
            return String::from_utf8_lossy(&bytes).into_owned();
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    panic!("{} was not written", path.display());
}

fn positions_cli(args: &[&str]) -> std::process::Output {
    Command::cargo_bin("backchannel")
        .unwrap()
        .arg("positions")
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn an_actors_positions_as_a_figure_mark_every_stance_with_legend_and_sources_byte_for_byte() {
    use backchannel::claims::positions::positions_of;
    let folder = tempfile::tempdir().unwrap();
    let out = |name: &str| folder.path().join(name).display().to_string();
    let seed_file = "seeds/negotiations.json";
    let run = positions_cli(&[
        seed_file,
        "--actor",
        "Hamas",
        "--caption",
        "--figure",
        &out("a.svg"),
    ]);
    assert_eq!(run.status.code(), Some(0), "{run:?}");
    assert!(String::from_utf8_lossy(&run.stdout).contains("(12 stances)"));
    let svg = std::fs::read_to_string(out("a.svg")).unwrap();
    // Every stance is a mark carrying its relation's id, with its quote on hover.
    let hamas = positions_of(&seed(), "hamas").unwrap();
    assert_eq!(svg.matches("class=\"stance\"").count(), hamas.stances.len());
    for stance in &hamas.stances {
        assert!(
            svg.contains(&format!("data-id=\"{}\"", stance.edge)),
            "{}",
            stance.edge
        );
    }
    assert!(svg.contains("<title>Hamas rejects Temporary ceasefire only, 26 May 2024"));
    // A row per thing, the calendar, the legend and the sources.
    assert!(svg.contains(">Permanent ceasefire, end of the war<"));
    assert!(svg.contains(">13 May<"), "weekly ticks over May 2024");
    assert!(svg.contains(">for: demands, proposes, offers, supports, accepts<"));
    assert!(svg.contains(">Sources:<"));
    assert!(svg.contains("NDMT, “Hamas delegation leaves Cairo"));
    // The same bytes on every run, SVG and PNG.
    positions_cli(&[
        seed_file,
        "--actor",
        "Hamas",
        "--caption",
        "--figure",
        &out("b.svg"),
    ]);
    assert!(std::fs::read(out("a.svg")).unwrap() == std::fs::read(out("b.svg")).unwrap());
    for name in ["a.png", "b.png"] {
        let run = positions_cli(&[seed_file, "--actor", "hamas", "--figure", &out(name)]);
        assert_eq!(run.status.code(), Some(0), "{run:?}");
    }
    let png = std::fs::read(out("a.png")).unwrap();
    assert!(png.starts_with(b"\x89PNG"));
    assert!(png == std::fs::read(out("b.png")).unwrap());
    // Wrong settings are errors, and nothing is written.
    let wrong = positions_cli(&[seed_file, "--figure", &out("c.pdf")]);
    assert_eq!(wrong.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&wrong.stderr).contains("must end in .svg or .png"));
    // A node without stances gives a figure that says so.
    let run = positions_cli(&[
        seed_file,
        "--actor",
        "paris-talks",
        "--figure",
        &out("none.svg"),
    ]);
    assert!(String::from_utf8_lossy(&run.stdout).contains("(0 stances)"));
    let svg = std::fs::read_to_string(out("none.svg")).unwrap();
    assert!(svg.contains(backchannel::export::NO_STANCE));
    assert_eq!(svg.matches("class=\"stance\"").count(), 0);
    let wrong = positions_cli(&[seed_file, "--background", "pink", "--figure", &out("c.svg")]);
    assert_eq!(wrong.status.code(), Some(1));
    assert!(!folder.path().join("c.svg").exists());
}

#[test]
fn a_shift_is_drawn_as_a_dashed_line_and_a_stance_not_stated_as_fact_is_hollow() {
    let folder = tempfile::tempdir().unwrap();
    let path = shift_dataset(folder.path());
    let path = path.display().to_string();
    let figure = folder.path().join("hamas.svg").display().to_string();
    let run = positions_cli(&[&path, "--actor", "hamas", "--figure", &figure]);
    assert_eq!(run.status.code(), Some(0), "{run:?}");
    let svg = std::fs::read_to_string(&figure).unwrap();
    assert_eq!(svg.matches("class=\"shift\"").count(), 1);
    assert!(
        svg.contains("Shift on Egyptian proposal: rejects, 10 May 2024 → accepts, 2 June 2024")
    );
    assert!(svg.contains(">shift of stance<"));
    // Israel's acceptance is only expected: a hollow mark, a dashed cell in the matrix.
    let figure = folder.path().join("israel.svg").display().to_string();
    positions_cli(&[&path, "--actor", "israel", "--figure", &figure]);
    let svg = std::fs::read_to_string(&figure).unwrap();
    let mark = svg
        .lines()
        .find(|line| line.contains("data-id=\"expected-accept\""))
        .unwrap();
    assert!(mark.contains("fill=\"#ffffff\""), "{mark}");
    let figure = folder.path().join("matrix.svg").display().to_string();
    let run = positions_cli(&[&path, "--figure", &figure]);
    assert!(String::from_utf8_lossy(&run.stdout).contains("(2 cells)"));
    let svg = std::fs::read_to_string(&figure).unwrap();
    assert_eq!(svg.matches("class=\"cell\"").count(), 2);
    let cell = svg
        .lines()
        .find(|line| line.contains("class=\"cell\" data-id=\"expected-accept\""))
        .unwrap();
    assert!(cell.contains("stroke-dasharray"), "{cell}");
    // Hamas's cell: its latest stance, the earlier one counted, the history on hover.
    assert!(svg.contains(">1 earlier stance<"));
    assert!(svg.contains("Hamas rejects Egyptian proposal, 10 May 2024"));
}
