//! Claims read as claims. Conflicts found in the data: on the seed the talks of 28 May
//! (expected per Israeli sources, denied per a Hamas official) and nothing invented; on a
//! fixture made for it, exactly one conflict of each kind. Event data out, column by
//! column.

use assert_cmd::Command;
use backchannel::claims::{ConflictKind, find_conflicts};
use backchannel::model::Model;
use serde_json::{Value, json};

pub fn seed() -> Model {
    (*backchannel::dataset::load_seed().unwrap().model).clone()
}

/// Evidence for `quote`, which must occur in `text` of article `article`.
pub fn evidence(article: &str, text: &str, quote: &str) -> Value {
    let start_byte = text.find(quote).expect("the quote is in the article");
    let start = text[..start_byte].chars().count();
    json!({
        "article": article,
        "quote": quote,
        "start": start,
        "end": start + quote.chars().count(),
    })
}

/// Three articles that disagree: on whether Israel attends, on the date of the talks,
/// and on how many hostages the deal frees (a third article's "more than 30" agrees with
/// both counts).
fn disagreeing_dataset(folder: &std::path::Path) -> std::path::PathBuf {
    let one = "Israel will attend the talks in Cairo on 28 May. The deal frees 33 hostages. \
               Egypt hosts the talks.";
    let two = "Israel denied it would attend the talks. The deal frees 40 hostages. The talks \
               open on 30 May.";
    let three = "The deal frees more than 30 hostages, Qatar said.";
    let dataset = json!({
        "format": "backchannel/1",
        "title": "Disagreeing reports",
        "articles": [
            {"id": "one", "title": "One", "outlet": "Outlet One", "published": "2024-05-20", "text": one},
            {"id": "two", "title": "Two", "outlet": "Outlet Two", "published": "2024-05-21", "text": two},
            {"id": "three", "title": "Three", "outlet": "Outlet Three", "published": "2024-05-22", "text": three},
        ],
        "nodes": [
            {"id": "israel", "label": "Israel", "kind": "actor",
             "evidence": [evidence("one", one, "Israel")]},
            {"id": "egypt", "label": "Egypt", "kind": "mediator",
             "evidence": [evidence("one", one, "Egypt")]},
            {"id": "talks", "label": "Cairo talks", "kind": "meeting", "place": "Cairo",
             "date": "2024-05-28", "status": "planned",
             "evidence": [evidence("one", one, "the talks in Cairo on 28 May")]},
            {"id": "deal", "label": "The deal", "kind": "demand",
             "evidence": [
                 evidence("one", one, "The deal frees 33 hostages"),
                 evidence("two", two, "The deal frees 40 hostages"),
                 evidence("three", three, "The deal frees more than 30 hostages"),
             ]},
        ],
        "edges": [
            {"id": "israel-attends", "source": "israel", "target": "talks",
             "relation": "attends", "modality": "expected",
             "evidence": [evidence("one", one, "Israel will attend the talks")]},
            {"id": "israel-attends-denied", "source": "israel", "target": "talks",
             "relation": "attends", "modality": "denied", "attributed_to": "Israeli officials",
             "evidence": [evidence("two", two, "Israel denied it would attend the talks")]},
            {"id": "egypt-hosts", "source": "egypt", "target": "talks", "relation": "hosts",
             "date": "2024-05-30",
             "evidence": [evidence("one", one, "Egypt hosts the talks")]},
        ],
    });
    let path = folder.join("disagreeing.json");
    std::fs::write(&path, serde_json::to_string_pretty(&dataset).unwrap()).unwrap();
    path
}

#[test]
fn meetings_put_in_two_places_or_denied_while_held_elsewhere_and_nothing_invented() {
    // One: Hamas at the talks in Cairo, Qatar hosting the summit in Doha, the round in
    // Cairo and Doha. Two: the talks in Doha, the summit denied, Israel absent from the
    // round. Three: the visit in Egypt, a country (it holds its cities).
    let one = "Hamas attended the talks in Cairo on Monday. Qatar hosted the summit in Doha. \
               The round in Cairo and Doha went on.";
    let two = "The talks were held in Doha, a diplomat said. Officials denied that the summit \
               took place. Israel did not attend the round in Doha.";
    let three = "The visit went on in Egypt. The round went on in Egypt.";
    let dataset = json!({
        "format": "backchannel/1",
        "title": "Meetings in dispute",
        "articles": [
            {"id": "one", "title": "One", "outlet": "Outlet One", "published": "2024-05-20", "text": one},
            {"id": "two", "title": "Two", "outlet": "Outlet Two", "published": "2024-05-21", "text": two},
            {"id": "three", "title": "Three", "outlet": "Outlet Three", "published": "2024-05-22", "text": three},
        ],
        "nodes": [
            {"id": "hamas", "label": "Hamas", "kind": "actor", "evidence": [evidence("one", one, "Hamas")]},
            {"id": "qatar", "label": "Qatar", "kind": "mediator", "subtype": "state",
             "evidence": [evidence("one", one, "Qatar")]},
            {"id": "israel", "label": "Israel", "kind": "actor", "subtype": "state",
             "evidence": [evidence("two", two, "Israel")]},
            {"id": "egypt", "label": "Egypt", "kind": "actor", "subtype": "state",
             "evidence": [evidence("three", three, "Egypt")]},
            {"id": "talks", "label": "Cairo talks", "kind": "meeting", "place": "Cairo", "status": "held",
             "evidence": [evidence("one", one, "the talks in Cairo"),
                          evidence("two", two, "The talks were held in Doha")]},
            {"id": "summit", "label": "Doha summit", "kind": "meeting", "place": "Doha", "status": "denied",
             "evidence": [evidence("two", two, "Officials denied that the summit took place")]},
            {"id": "round", "label": "The round", "kind": "meeting", "place": "Cairo and Doha", "status": "held",
             "evidence": [evidence("one", one, "The round in Cairo and Doha went on"),
                          evidence("three", three, "The round went on in Egypt")]},
            {"id": "visit", "label": "The visit", "kind": "meeting", "place": "Egypt", "status": "held",
             "evidence": [evidence("three", three, "The visit went on in Egypt")]},
        ],
        "edges": [
            {"id": "hamas-attends", "source": "hamas", "target": "talks", "relation": "attends",
             "evidence": [evidence("one", one, "Hamas attended the talks in Cairo")]},
            {"id": "qatar-hosts", "source": "qatar", "target": "summit", "relation": "hosts",
             "evidence": [evidence("one", one, "Qatar hosted the summit in Doha")]},
            {"id": "israel-absent", "source": "israel", "target": "round", "relation": "attends",
             "modality": "negated",
             "evidence": [evidence("two", two, "Israel did not attend the round in Doha")]},
        ],
    });
    let bytes = serde_json::to_vec(&dataset).unwrap();
    let loaded = backchannel::dataset::load_bytes(
        "meetings.json",
        &bytes,
        &backchannel::dataset::EmbeddedStore::new(&[]),
    )
    .unwrap();
    let conflicts = find_conflicts(&loaded.model);
    let summary: Vec<(ConflictKind, &str, Vec<String>)> = conflicts
        .iter()
        .map(|conflict| {
            (
                conflict.kind,
                conflict.about.as_str(),
                conflict
                    .reports
                    .iter()
                    .map(|r| format!("{}: {}", r.element, r.says))
                    .collect(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            (
                ConflictKind::MeetingPlaces,
                "Cairo talks",
                vec!["talks: in Cairo".to_owned(), "talks: in Doha".to_owned()]
            ),
            (
                ConflictKind::MeetingStatus,
                "Doha summit",
                vec![
                    "qatar-hosts: held: Qatar hosts Doha summit".to_owned(),
                    "summit: denied".to_owned()
                ]
            ),
        ]
    );
    // Each place comes with the quotes that name it, from their articles.
    let places = &conflicts[0].reports;
    let sources: Vec<(&str, &str)> = places
        .iter()
        .flat_map(|r| {
            r.quotes
                .iter()
                .map(|q| (q.article.as_str(), q.quote.as_str()))
        })
        .collect();
    assert_eq!(
        sources,
        [
            ("one", "the talks in Cairo"),
            ("one", "Hamas attended the talks in Cairo"),
            ("two", "The talks were held in Doha"),
        ]
    );
}

#[test]
fn the_seed_has_the_disputed_talks_of_28_may_and_nothing_invented() {
    let conflicts = find_conflicts(&seed());
    assert_eq!(conflicts.len(), 1, "{conflicts:#?}");
    let talks = &conflicts[0];
    assert_eq!(talks.kind, ConflictKind::DisputedClaim);
    assert_eq!(talks.about, "Hamas attends Talks to resume on 28 May");
    let says: Vec<(&str, &str)> = talks
        .reports
        .iter()
        .map(|r| (r.element.as_str(), r.says.as_str()))
        .collect();
    assert_eq!(
        says,
        [
            ("hamas--attends--talks-resume-may-28", "expected"),
            ("hamas--attends--talks-resume-may-28--denied", "denied"),
        ]
    );
    let attributions: Vec<Option<&str>> = talks
        .reports
        .iter()
        .map(|r| r.quotes[0].attributed_to.as_deref())
        .collect();
    assert_eq!(
        attributions,
        [Some("Israeli sources"), Some("a Hamas official")]
    );
}

#[test]
fn a_fixture_gives_exactly_one_conflict_of_each_kind_headless_as_json() {
    let folder = tempfile::tempdir().unwrap();
    let path = disagreeing_dataset(folder.path());
    let output = Command::cargo_bin("backchannel")
        .unwrap()
        .arg("conflicts")
        .arg(&path)
        .arg("--json")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let conflicts: Value = serde_json::from_slice(&output.stdout).unwrap();
    let summary: Vec<(String, String, Vec<String>)> = conflicts
        .as_array()
        .unwrap()
        .iter()
        .map(|conflict| {
            (
                conflict["kind"].as_str().unwrap().to_owned(),
                conflict["about"].as_str().unwrap().to_owned(),
                conflict["reports"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|r| {
                        format!(
                            "{}: {}",
                            r["element"].as_str().unwrap(),
                            r["says"].as_str().unwrap()
                        )
                    })
                    .collect(),
            )
        })
        .collect();
    let expected = vec![
        (
            "disputed_claim".to_owned(),
            "Israel attends Cairo talks".to_owned(),
            vec![
                "israel-attends: expected".to_owned(),
                "israel-attends-denied: denied".to_owned(),
            ],
        ),
        (
            "meeting_dates".to_owned(),
            "Cairo talks".to_owned(),
            vec![
                "egypt-hosts: 30 May 2024".to_owned(),
                "talks: 28 May 2024".to_owned(),
            ],
        ),
        (
            "figures".to_owned(),
            "The deal: hostages".to_owned(),
            vec![
                "deal: 33 hostages".to_owned(),
                "deal: 40 hostages".to_owned(),
                "deal: more than 30 hostages".to_owned(),
            ],
        ),
    ];
    assert_eq!(summary, expected);
    // Each quote comes with its outlet, date and attribution.
    let denied = &conflicts[0]["reports"][1]["quotes"][0];
    assert_eq!(denied["outlet"], "Outlet Two");
    assert_eq!(denied["published"], "21 May 2024");
    assert_eq!(denied["attributed_to"], "Israeli officials");
    assert_eq!(denied["quote"], "Israel denied it would attend the talks");
    // For people: the same, as text.
    let output = Command::cargo_bin("backchannel")
        .unwrap()
        .arg("conflicts")
        .arg(&path)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.starts_with("3 conflicts\n"), "{text}");
    assert!(text.contains(
        "Outlet Two · 21 May 2024, per Israeli officials (two): \"Israel denied it would attend the talks\""
    ));
}

/// The seed written as an events file in `folder` by `convert --to events`.
fn seed_as_events(folder: &std::path::Path) -> std::path::PathBuf {
    let out = folder.join("events.tsv");
    let output = Command::cargo_bin("backchannel")
        .unwrap()
        .args(["convert", "seeds/negotiations.json"])
        .arg(&out)
        .args(["--to", "events"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    out
}

#[test]
fn the_seed_as_event_data_has_a_row_per_dated_relation_column_by_column() {
    let folder = tempfile::tempdir().unwrap();
    let out = seed_as_events(folder.path());
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b'\t')
        .from_path(&out)
        .unwrap();
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_owned)
        .collect();
    assert_eq!(header, backchannel::claims::events::EVENT_COLUMNS);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    // Every seed relation is dated, by itself or by the articles that report it.
    let model = seed();
    assert_eq!(rows.len(), model.edges.len());
    let row = |id: &str| {
        let row = rows.iter().find(|row| &row[0] == id).unwrap();
        header
            .iter()
            .map(String::as_str)
            .zip(row.iter())
            .collect::<std::collections::BTreeMap<&str, &str>>()
    };
    let expected = row("hamas--attends--talks-resume-may-28");
    let want = [
        ("date", "2024-05-28"),
        ("date_precision", "day"),
        ("date_source", "relation"),
        ("source_id", "hamas"),
        ("source_name", "Hamas"),
        ("target_id", "talks-resume-may-28"),
        ("target_name", "Talks to resume on 28 May"),
        ("relation", "attends"),
        ("cameo_code", "040"),
        ("cameo_name", "Consult, not specified below"),
        ("modality", "expected"),
        ("attribution", "Israeli sources"),
        ("article", "a000"),
        ("outlet", "The New Arab and agencies"),
        ("published", "2024-05"),
        (
            "quote",
            "Israeli sources revealed that peace talks between Israel and Hamas are expected to resume on May 28th",
        ),
        ("other_articles", ""),
    ];
    for (column, value) in want {
        assert_eq!(expected[column], value, "{column}");
    }
    // Dated by its article; mediation is CAMEO 045; membership has no CAMEO code.
    let denied = row("hamas--attends--talks-resume-may-28--denied");
    assert_eq!(
        (denied["date"], denied["date_source"], denied["modality"]),
        ("2024-05-26", "article", "denied")
    );
    let mediation = rows.iter().find(|row| &row[8] == "mediates").unwrap();
    assert_eq!(&mediation[9], "045");
    let membership = rows.iter().find(|row| &row[8] == "member_of").unwrap();
    assert_eq!((&membership[9], &membership[10]), ("", ""));
    // The input is never written over (a copy of the seed, in case it were).
    for entry in std::fs::read_dir("seeds").unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, folder.path().join(path.file_name().unwrap())).unwrap();
    }
    let copy = folder.path().join("negotiations.json");
    let before = std::fs::read(&copy).unwrap();
    let output = Command::cargo_bin("backchannel")
        .unwrap()
        .arg("convert")
        .arg(&copy)
        .arg(&copy)
        .args(["--to", "events"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(std::fs::read(&copy).unwrap(), before);
}

#[test]
fn an_events_file_reads_back_as_a_graph_with_relations_modalities_attributions_and_dates() {
    use backchannel::model::{Modality, Relation};
    let folder = tempfile::tempdir().unwrap();
    let out = seed_as_events(folder.path());
    let loaded = backchannel::interchange::load_file(&out).unwrap();
    let events = &loaded.model;
    let model = seed();
    assert_eq!(events.edges.len(), model.edges.len());
    // Every relation keeps its ends, relation, modality and attribution; its date is the
    // event's (its own, else its first article's).
    for edge in &model.edges {
        let read = events.edge(&edge.id).unwrap();
        assert_eq!(
            (&read.source, &read.target, read.relation, read.modality),
            (&edge.source, &edge.target, edge.relation, edge.modality),
            "{}",
            edge.id
        );
        assert_eq!(read.attributed_to, edge.attributed_to, "{}", edge.id);
        let (date, _) = backchannel::claims::events::event_date(&model, edge).unwrap();
        assert_eq!(read.date, Some(date), "{}", edge.id);
    }
    // The actors by their names; what event data adds stays as attributes.
    assert_eq!(events.node("hamas").unwrap().label, "Hamas");
    let denied = events
        .edge("hamas--attends--talks-resume-may-28--denied")
        .unwrap();
    assert_eq!(denied.relation, Relation::Attends);
    assert_eq!(denied.modality, Modality::Denied);
    assert_eq!(
        denied.attributes.get("cameo_code"),
        Some(&serde_json::json!(40))
    );
    // Read back, the disagreement is still found.
    let conflicts = find_conflicts(events);
    assert_eq!(conflicts.len(), 1);
    assert_eq!(
        conflicts[0].about,
        "Hamas attends Talks to resume on 28 May"
    );
}

#[test]
fn the_window_lists_conflicts_side_by_side_marks_them_and_filters_to_them() {
    use crate::common::harness;
    use egui_kittest::kittest::Queryable;
    let mut harness = harness();
    let model = harness.state().model().clone();
    let edge = |id: &str| model.edge_position(id).unwrap();
    let expected = "hamas--attends--talks-resume-may-28";
    let denied = "hamas--attends--talks-resume-may-28--denied";
    // The contested reports are marked on the canvas.
    assert_eq!(
        harness.state().document().canvas.contested_edges(),
        [edge(expected), edge(denied)]
    );
    harness.get_by_label("View").click();
    harness.run_steps(2);
    harness.get_by_label("Conflicts (1)…").click();
    harness.run_steps(3);
    assert!(
        harness
            .query_by_label("Disputed claim: Hamas attends Talks to resume on 28 May")
            .is_some()
    );
    assert!(
        harness
            .query_by_label("The New Arab and agencies · May 2024, per Israeli sources")
            .is_some()
    );
    assert!(
        harness
            .query_by_label_contains("a Hamas official denied reports of Gaza ceasefire talks")
            .is_some()
    );
    // The second report's Select selects the denial on the graph.
    harness
        .get_all_by_label("Select")
        .nth(1)
        .expect("a Select link per report")
        .click();
    harness.run_steps(2);
    assert_eq!(
        harness.state().selection(),
        Some(&backchannel::ui::Selection::Edge(denied.to_owned()))
    );
    // Only contested claims: the two reports and their ends.
    harness.get_by_label("Close window").click();
    harness.run_steps(2);
    harness.get_by_label("Filters").click();
    harness.run_steps(2);
    harness
        .get_by_label("Only contested claims (1 conflict)")
        .click();
    harness.run_steps(3);
    let visibility = harness.state().document().canvas.visibility().clone();
    let shown_edges: Vec<usize> = (0..model.edges.len())
        .filter(|&e| visibility.edges[e])
        .collect();
    assert_eq!(shown_edges, [edge(expected), edge(denied)]);
    let shown_nodes: Vec<&str> = (0..model.nodes.len())
        .filter(|&n| visibility.nodes[n])
        .map(|n| model.nodes[n].id.as_str())
        .collect();
    assert_eq!(shown_nodes, ["hamas", "talks-resume-may-28"]);
}

#[test]
fn who_said_it_is_counted_filtered_and_shown_on_claims_from_unnamed_sources() {
    use crate::common::harness;
    use backchannel::claims::attribution::Attribution;
    use egui_kittest::kittest::Queryable;
    let model = seed();
    let counts = backchannel::view::FilterCounts::of(&model);
    assert_eq!(
        counts.attributions,
        [
            (Attribution::OwnReporting, 85),
            (Attribution::Named, 6),
            (Attribution::Unnamed, 16),
            (Attribution::StateMedia, 2),
            (Attribution::OtherMedia, 2),
        ]
    );
    let mut harness = harness();
    let denied = "hamas--attends--talks-resume-may-28--denied";
    harness
        .state_mut()
        .apply_command(backchannel::ui::Command::Select(Some(
            backchannel::ui::Selection::Edge(denied.to_owned()),
        )));
    harness.run_steps(2);
    assert!(
        harness
            .query_by_label("Rests only on unnamed sources")
            .is_some()
    );
    // Leaving out unnamed sources hides the denial and keeps the outlets' own reporting.
    harness.get_by_label("Filters").click();
    harness.run_steps(2);
    harness.get_by_label("unnamed source (16)").scroll_to_me();
    harness.run_steps(10);
    harness.get_by_label("unnamed source (16)").click();
    harness.run_steps(3);
    let visibility = harness.state().document().canvas.visibility().clone();
    assert!(!visibility.edges[model.edge_position(denied).unwrap()]);
    let shown = visibility.edges.iter().filter(|&&shown| shown).count();
    assert_eq!(shown, 111 - 16);
}

#[test]
fn colouring_relations_by_who_said_it_shows_unnamed_sources_on_canvas_legend_figure_and_session() {
    use crate::common::harness_with;
    use backchannel::claims::attribution::Attribution;
    use backchannel::ui::AppOptions;
    use backchannel::view::edge_colour::{EdgeColourBy, attribution_rgb};
    use egui_kittest::kittest::Queryable;
    let model = seed();
    let denied = "hamas--attends--talks-resume-may-28--denied";
    let denied_at = model.edge_position(denied).unwrap();
    let sessions = tempfile::tempdir().unwrap();
    let options = AppOptions {
        session_folder: Some(sessions.path().to_path_buf()),
        ..AppOptions::default()
    };
    let mut harness = harness_with(options.clone());
    harness.run_steps(3);
    assert!(harness.state().document().canvas.edge_tints().is_none());
    harness.get_by_label("Filters").click();
    harness.run_steps(2);
    // The third choice box of the tab, after Colour by and Label by.
    harness
        .get_all_by_role(egui::accesskit::Role::ComboBox)
        .nth(2)
        .expect("the Colour relations by box")
        .click();
    harness.run_steps(2);
    harness.get_by_label("who said it").click();
    harness.run_steps(4);
    let document = harness.state().document();
    assert_eq!(document.doc.edge_colour_by, EdgeColourBy::Source);
    let tints = document
        .canvas
        .edge_tints()
        .expect("edges coloured by source");
    assert_eq!(tints[denied_at], attribution_rgb(Attribution::Unnamed));
    let own = model
        .edges
        .iter()
        .position(|edge| edge.attributed_to.is_none())
        .unwrap();
    assert_eq!(tints[own], attribution_rgb(Attribution::OwnReporting));
    // The bar above the graph says what the colours mean, beside the filter's own entry.
    assert_eq!(harness.query_all_by_label("unnamed source (16)").count(), 2);
    // The figure is coloured and explained the same way.
    let scene = backchannel::ui::SceneInputs::of(harness.state().document(), true)
        .owned_scene(&backchannel::export::SceneOptions::default())
        .unwrap();
    let edge = scene.edges.iter().find(|edge| edge.id == denied).unwrap();
    assert_eq!(edge.stroke, attribution_rgb(Attribution::Unnamed));
    let legend: Vec<&str> = scene
        .legend_edge_colours
        .iter()
        .map(|swatch| swatch.text.text.as_str())
        .collect();
    assert_eq!(
        legend,
        [
            "outlet's own reporting (85)",
            "named source (6)",
            "unnamed source (16)",
            "state media (2)",
            "other media (2)"
        ]
    );
    // The session keeps the choice.
    harness.state_mut().save_session();
    let again = harness_with(options);
    assert_eq!(
        again.state().document().doc.edge_colour_by,
        EdgeColourBy::Source
    );
    assert!(again.state().document().canvas.edge_tints().is_some());
    // Headless: render --edge-colour-by source.
    let folder = tempfile::tempdir().unwrap();
    let figure = folder.path().join("sources.svg");
    let run = Command::cargo_bin("backchannel")
        .unwrap()
        .args([
            "render",
            "seeds/negotiations.json",
            "--edge-colour-by",
            "source",
            "-o",
        ])
        .arg(&figure)
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(0), "{run:?}");
    let svg = std::fs::read_to_string(&figure).unwrap();
    let line = svg
        .lines()
        .find(|line| line.contains(&format!("data-id=\"{denied}\"")))
        .unwrap();
    assert!(line.contains("stroke=\"#d55e00\""), "{line}");
    assert!(svg.contains(">Relations coloured by who said it:<"));
    let wrong = Command::cargo_bin("backchannel")
        .unwrap()
        .args([
            "render",
            "seeds/negotiations.json",
            "--edge-colour-by",
            "outlet",
            "-o",
        ])
        .arg(folder.path().join("x.svg"))
        .output()
        .unwrap();
    assert_eq!(wrong.status.code(), Some(1));
}
