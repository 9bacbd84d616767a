//! The headless commands, run as a user runs them: the real binary on fixtures.

use assert_cmd::Command;
use serde_json::Value;

fn backchannel() -> Command {
    Command::cargo_bin("backchannel").unwrap()
}

#[test]
fn check_accepts_a_valid_file() {
    let output = backchannel()
        .args(["check", "seeds/negotiations.json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(
        stdout.starts_with(
            "seeds/negotiations.json: valid: 55 nodes, 111 edges, 5 articles, 0 warning(s)"
        ),
        "{stdout}"
    );
}

#[test]
fn check_prints_every_problem_and_exits_1() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("broken.json");
    std::fs::write(
        &path,
        r#"{"format": "backchannel/1", "title": "t", "nodes": [
            {"id": "a", "label": "A", "kind": "villain", "evidence": []},
            {"id": "a", "label": "B", "kind": "actor", "evidence": []}
        ], "edges": [{"id": "e", "source": "a", "target": "zz", "relation": "loves", "evidence": []}]}"#,
    )
    .unwrap();
    let output = backchannel().arg("check").arg(&path).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8(output.stdout).unwrap();
    let file = path.display().to_string();
    for expected in [
        format!("{file}: $.nodes[0].kind: error: unknown kind \"villain\""),
        format!("{file}: $.nodes[1].id: error: duplicate node id \"a\""),
        format!("{file}: $.edges[0].target: error: edge \"e\" has target \"zz\""),
        format!("{file}: $.edges[0].relation: error: unknown relation \"loves\""),
        format!("{file}: $.nodes[0].evidence: error: node \"a\" has no evidence"),
        format!("{file}: invalid: 7 error(s), 0 warning(s)"),
    ] {
        assert!(
            stdout.contains(&expected),
            "missing {expected:?} in\n{stdout}"
        );
    }
}

#[test]
fn check_a_missing_file_exits_1_with_the_reason() {
    let output = backchannel()
        .args(["check", "no/such/file.json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(
        stdout.contains("no/such/file.json: error: cannot read the file"),
        "{stdout}"
    );
}

#[test]
fn inspect_json_lists_nodes_and_edges_with_evidence() {
    let output = backchannel()
        .args(["inspect", "seeds/negotiations.json", "--json"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    let nodes = report["nodes"].as_array().unwrap();
    let edges = report["edges"].as_array().unwrap();
    assert_eq!((nodes.len(), edges.len()), (55, 111));
    let hamas = nodes.iter().find(|node| node["id"] == "hamas").unwrap();
    assert_eq!(hamas["label"], "Hamas");
    assert_eq!(hamas["kind"], "actor");
    let record = &hamas["evidence"][0];
    assert_eq!(record["article"], "a000");
    assert_eq!(record["article_path"], "000_4f34b04a299b5df1.txt");
    let text = std::fs::read_to_string("seeds/000_4f34b04a299b5df1.txt").unwrap();
    let start = record["start"].as_u64().unwrap() as usize;
    let end = record["end"].as_u64().unwrap() as usize;
    let quoted: String = text.chars().skip(start).take(end - start).collect();
    assert_eq!(record["quote"], quoted.as_str());
    let edge = edges
        .iter()
        .find(|edge| edge["source"] == "hamas" && edge["relation"] == "demands")
        .unwrap();
    assert!(!edge["evidence"].as_array().unwrap().is_empty());
    assert!(edge["target"].is_string() && edge["id"].is_string());
}

#[test]
fn inspect_text_and_inspect_of_an_invalid_file() {
    let output = backchannel()
        .args(["inspect", "tests/fixtures/valid/minimal/dataset.json"])
        .output()
        .unwrap();
    assert!(output.status.success());
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(
        stdout.contains("e-demands: hamas demands ceasefire"),
        "{stdout}"
    );
    assert!(stdout.contains("article.txt"), "{stdout}");

    let output = backchannel()
        .args(["inspect", "tests/fixtures/invalid/malformed.json", "--json"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
    assert!(
        String::from_utf8(output.stderr)
            .unwrap()
            .contains("malformed.json:5:30: error")
    );
}

#[test]
fn help_documents_every_command() {
    let output = backchannel().arg("--help").output().unwrap();
    assert!(output.status.success());
    let help = String::from_utf8(output.stdout).unwrap();
    for command in ["check", "inspect", "anchor", "edit", "ingest", "[FILE]"] {
        assert!(
            help.contains(command),
            "--help does not mention {command}:\n{help}"
        );
    }
    // Every command says what it does, and only its own doc: one line each, never empty.
    let commands: Vec<&str> = help
        .lines()
        .skip_while(|line| !line.starts_with("Commands:"))
        .skip(1)
        .take_while(|line| line.starts_with("  "))
        .collect();
    assert!(commands.len() >= 10, "{help}");
    for line in commands {
        let mut parts = line.split_whitespace();
        let name = parts.next().unwrap_or_default();
        let description: Vec<&str> = parts.collect();
        assert!(
            !description.is_empty(),
            "{name} has no description:\n{help}"
        );
    }
    let anchor = help
        .lines()
        .find(|line| line.trim_start().starts_with("anchor"))
        .unwrap();
    assert!(anchor.contains("offsets"), "{anchor}");
    let edit = help
        .lines()
        .find(|line| line.trim_start().starts_with("edit"))
        .unwrap();
    assert!(edit.contains("edit operations"), "{edit}");
}

#[test]
fn anchor_fills_offsets_and_never_overwrites_its_input_unasked() {
    let folder = tempfile::tempdir().unwrap();
    std::fs::copy(
        "tests/fixtures/valid/minimal/article.txt",
        folder.path().join("article.txt"),
    )
    .unwrap();
    let mut value: Value = serde_json::from_str(
        &std::fs::read_to_string("tests/fixtures/valid/minimal/dataset.json").unwrap(),
    )
    .unwrap();
    for node in value["nodes"].as_array_mut().unwrap() {
        for record in node["evidence"].as_array_mut().unwrap() {
            record["start"] = 0.into();
            record["end"] = 0.into();
            record["prefix"] = "".into();
            record["suffix"] = "".into();
        }
    }
    value["articles"][0]
        .as_object_mut()
        .unwrap()
        .remove("sha256");
    let input = folder.path().join("draft.json");
    std::fs::write(&input, serde_json::to_vec(&value).unwrap()).unwrap();
    let before = std::fs::read(&input).unwrap();

    let refused = backchannel()
        .arg("anchor")
        .arg(&input)
        .arg("-o")
        .arg(&input)
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(2));
    assert_eq!(
        std::fs::read(&input).unwrap(),
        before,
        "the input was changed"
    );

    let output_path = folder.path().join("anchored.json");
    let output = backchannel()
        .arg("anchor")
        .arg(&input)
        .arg("-o")
        .arg(&output_path)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let anchored: Value = serde_json::from_slice(&std::fs::read(&output_path).unwrap()).unwrap();
    let original: Value = serde_json::from_str(
        &std::fs::read_to_string("tests/fixtures/valid/minimal/dataset.json").unwrap(),
    )
    .unwrap();
    assert_eq!(anchored["nodes"], original["nodes"]);
    assert_eq!(
        anchored["articles"][0]["sha256"],
        original["articles"][0]["sha256"]
    );
    let check = backchannel()
        .arg("check")
        .arg(&output_path)
        .output()
        .unwrap();
    assert!(check.status.success());
}

#[test]
fn convert_writes_each_format_and_converting_back_gives_the_same_dataset() {
    let folder = tempfile::tempdir().unwrap();
    let out = |name: &str| folder.path().join(name).to_str().unwrap().to_owned();
    let reference = out("seed.json");
    let status = backchannel()
        .args(["convert", "seeds/negotiations.json", &reference])
        .output()
        .unwrap();
    assert_eq!(status.status.code(), Some(0), "{status:?}");
    let expected = std::fs::read(&reference).unwrap();
    for (name, to) in [
        ("seed.gexf", None),
        ("seed.graphml", None),
        ("seed.links.json", Some("node-link")),
        ("seed.csv", None),
    ] {
        let mut command = backchannel();
        command.args(["convert", "seeds/negotiations.json", &out(name)]);
        if let Some(to) = to {
            command.args(["--to", to]);
        }
        let output = command.output().unwrap();
        assert_eq!(output.status.code(), Some(0), "{name}: {output:?}");
        let back = out(&format!("back-{name}.json"));
        let output = backchannel()
            .args(["convert", &out(name), &back, "--to", "backchannel"])
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(0), "{name}: {output:?}");
        assert_eq!(std::fs::read(&back).unwrap(), expected, "{name} round trip");
    }
    let listing = String::from_utf8(
        backchannel()
            .args(["convert", "seeds/negotiations.json", &out("figure.dot")])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    assert!(listing.contains("DOT: 55 nodes, 111 edges"), "{listing}");
    assert!(folder.path().join("seed.nodes.csv").exists());
    assert!(folder.path().join("seed.dataset.json").exists());
}

#[test]
fn convert_refuses_what_would_lose_evidence_or_overwrite_its_input() {
    let folder = tempfile::tempdir().unwrap();
    // A GEXF that kept our kinds but lost our articles (re-saved by another tool).
    let gexf = folder.path().join("resaved.gexf");
    std::fs::write(
        &gexf,
        r#"<gexf version="1.3"><graph><attributes class="node"><attribute id="k" title="bc_kind" type="string"/></attributes>
<nodes><node id="hamas" label="Hamas"><attvalues><attvalue for="k" value="actor"/></attvalues></node></nodes><edges/></graph></gexf>"#,
    )
    .unwrap();
    let output = backchannel()
        .args(["check", gexf.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(0),
        "it opens: evidence is optional in imports"
    );
    let target = folder.path().join("out.json");
    let output = backchannel()
        .args(["convert", gexf.to_str().unwrap(), target.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("would not open") && stderr.contains("no evidence"),
        "{stderr}"
    );
    assert!(!target.exists());

    let input = folder.path().join("graph.gexf");
    std::fs::copy("tests/fixtures/graphs/Les_Miserables.gexf", &input).unwrap();
    let before = std::fs::read(&input).unwrap();
    let output = backchannel()
        .args(["convert", input.to_str().unwrap(), input.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        String::from_utf8(output.stderr)
            .unwrap()
            .contains("choose another name")
    );
    assert_eq!(std::fs::read(&input).unwrap(), before);

    let output = backchannel()
        .args([
            "convert",
            input.to_str().unwrap(),
            folder.path().join("x.gml").to_str().unwrap(),
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8(output.stderr).unwrap().contains("--to"));
}

#[test]
fn headless_commands_read_graph_files() {
    let output = backchannel()
        .args([
            "stats",
            "tests/fixtures/graphs/Les_Miserables.gexf",
            "--json",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["nodes"], 77);
    assert_eq!(report["edges"], 254);
    let folder = tempfile::tempdir().unwrap();
    let figure = folder.path().join("lm.svg");
    let output = render_les_miserables(&figure, ["--colour-by", "modularity_class"]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let svg = std::fs::read_to_string(&figure).unwrap();
    // Undirected: no arrowheads; coloured by class from the palette.
    assert!(!svg.contains("class=\"arrow\""));
    assert!(svg.contains("#0072b2"), "the first palette colour is used");
    // The legend says what the colours stand for: the 9 classes, with their counts.
    assert!(svg.contains("Colour: Attribute: modularity_class"));
    assert_eq!(svg.matches("class=\"legend-swatch\"").count(), 9);
    assert!(svg.contains(">Valjean<"));
    // Labelled by id: Valjean is node 11.
    let output = render_les_miserables(&figure, ["--label-by", "id"]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let svg = std::fs::read_to_string(&figure).unwrap();
    assert!(!svg.contains(">Valjean<"));
    assert!(svg.contains(">11<"));
    // An attribute no node has: refused, with the choices.
    let output = render_les_miserables(&figure, ["--label-by", "airport_code"]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("--label-by airport_code: no node has that attribute")
            && stderr.contains("modularity_class"),
        "{stderr}"
    );
}

/// `render` of the Les Misérables fixture to `figure` with one more option.
fn render_les_miserables(figure: &std::path::Path, option: [&str; 2]) -> std::process::Output {
    backchannel()
        .args(["render", "tests/fixtures/graphs/Les_Miserables.gexf", "-o"])
        .arg(figure)
        .args(option)
        .output()
        .unwrap()
}

/// A copy of the seed dataset with its articles in a folder of its own.
fn seed_copy() -> (tempfile::TempDir, std::path::PathBuf) {
    let folder = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir("seeds").unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, folder.path().join(path.file_name().unwrap())).unwrap();
    }
    let dataset = folder.path().join("negotiations.json");
    (folder, dataset)
}

fn run_edit(dataset: &std::path::Path, ops: &str, extra: &[&str]) -> std::process::Output {
    let ops_path = dataset.with_file_name("ops.json");
    std::fs::write(&ops_path, ops).unwrap();
    backchannel()
        .arg("edit")
        .arg(dataset)
        .arg("--ops")
        .arg(&ops_path)
        .args(extra)
        .output()
        .unwrap()
}

#[test]
fn edit_applies_operations_and_writes_a_dataset_that_checks() {
    let (folder, dataset) = seed_copy();
    let before = std::fs::read(&dataset).unwrap();
    let out = folder.path().join("edited.json");
    let ops = r#"[
      {"op": "add_node", "id": "prisoners", "kind": "demand", "label": "Release of Palestinian prisoners",
       "evidence": [{"article": "a002", "quote": "a number of Palestinian prisoners"}]},
      {"op": "add_edge", "source": "hamas", "relation": "demands", "target": "prisoners",
       "evidence": [{"article": "a002", "quote": "release of prisoners"}], "note": "AP, 5 May"},
      {"op": "update", "id": "hamas", "set": {"aliases": ["the movement"]}},
      {"op": "merge", "into": "hamas", "from": ["hamas-delegation"]},
      {"op": "delete", "id": "netanyahu--leads--israeli-government"}
    ]"#;
    let output = run_edit(&dataset, ops, &["-o", out.to_str().unwrap()]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(stdout.contains("applied 5 operation(s)"), "{stdout}");
    assert!(
        stdout.contains("note: dropped 1 relation(s) that would join \"hamas\" to itself"),
        "{stdout}"
    );
    assert_eq!(
        std::fs::read(&dataset).unwrap(),
        before,
        "the input is untouched"
    );
    let check = backchannel().arg("check").arg(&out).output().unwrap();
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
    let edited: Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    let edge = edited["edges"]
        .as_array()
        .unwrap()
        .iter()
        .find(|edge| edge["id"] == "hamas-demands-prisoners")
        .expect("an id made from source, relation and target");
    assert_eq!(edge["audit"]["origin"], "curated");
    assert_eq!(edge["audit"]["edits"][0]["op"], "add_edge");
    assert_eq!(edge["audit"]["edits"][0]["note"], "AP, 5 May");
    assert_eq!(
        edited["articles"][0]["path"], "000_4f34b04a299b5df1.txt",
        "article files stay files"
    );

    let in_place = run_edit(
        &dataset,
        r#"[{"op": "delete", "id": "qatar"}]"#,
        &["--in-place"],
    );
    assert!(
        in_place.status.success(),
        "{}",
        String::from_utf8_lossy(&in_place.stderr)
    );
    let replaced: Value = serde_json::from_slice(&std::fs::read(&dataset).unwrap()).unwrap();
    assert!(
        replaced["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .all(|node| node["id"] != "qatar")
    );
}

#[test]
fn edit_refuses_bad_operations_by_number_and_writes_nothing() {
    let (folder, dataset) = seed_copy();
    let before = std::fs::read(&dataset).unwrap();
    let out = folder.path().join("edited.json");
    let out_arg = ["-o", out.to_str().unwrap()];
    let cases: [(&str, &str); 8] = [
        (
            r#"[{"op": "delete", "id": "qatar"}, {"op": "add_node", "id": "x", "kind": "demand", "label": "X", "evidence": [{"article": "a002", "quote": "no such words anywhere"}]}]"#,
            "operation 2 (add_node): the quote \"no such words anywhere\" is nowhere in article \"a002\"",
        ),
        (
            r#"[{"op": "add_evidence", "id": "qatar", "evidence": [{"article": "a002", "quote": "Hamas"}]}]"#,
            "operation 1 (add_evidence): the quote \"Hamas\" occurs",
        ),
        (
            r#"[{"op": "delete", "id": "ghost"}]"#,
            "operation 1 (delete): no node or edge has id \"ghost\"",
        ),
        (
            r#"[{"op": "add_edge", "source": "hamas", "relation": "hates", "target": "israel", "evidence": [{"article": "a002", "quote": "Hamas", "occurrence": 1}]}]"#,
            "operation 1 (add_edge): unknown relation \"hates\"",
        ),
        (r#"[{"op": "delete", "id": "qatar"}, "#, "not a JSON array"),
        (
            r#"[{"op": "delete", "id": 7}]"#,
            "operation 1 (delete): at id: invalid type",
        ),
        (
            r#"[{"op": "merge", "into": "hamas"}]"#,
            "operation 1 (merge): missing field `from`",
        ),
        (
            r#"[{"op": "review", "id": "hamas", "verdict": "accept"}]"#,
            "only extracted elements are reviewed",
        ),
    ];
    for (ops, expected) in cases {
        let output = run_edit(&dataset, ops, &out_arg);
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{ops}: {stderr}");
        assert!(stderr.contains(expected), "{ops}:\n{stderr}");
        assert!(!out.exists(), "{ops}: nothing is written");
        assert_eq!(std::fs::read(&dataset).unwrap(), before);
    }
    let nowhere = run_edit(&dataset, "[]", &[]);
    assert_eq!(nowhere.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&nowhere.stderr).contains("--in-place"));
    let itself = run_edit(&dataset, "[]", &["-o", dataset.to_str().unwrap()]);
    assert_eq!(itself.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&itself.stderr).contains("is the input"));
    let gexf = folder.path().join("graph.gexf");
    std::fs::copy("tests/fixtures/graphs/Les_Miserables.gexf", &gexf).unwrap();
    let gexf_before = std::fs::read(&gexf).unwrap();
    let foreign = run_edit(&gexf, "[]", &["--in-place"]);
    assert_eq!(foreign.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&foreign.stderr).contains("another tool's file"));
    assert_eq!(std::fs::read(&gexf).unwrap(), gexf_before);
    assert_eq!(std::fs::read(&dataset).unwrap(), before);
}

#[test]
fn stats_counts_curated_reviewed_and_unreviewed_elements() {
    let folder = tempfile::tempdir().unwrap();
    let extracted = folder.path().join("extracted.json");
    let ingest = backchannel()
        .args(["ingest", "seeds", "--published", "2024-05", "-o"])
        .arg(&extracted)
        .output()
        .unwrap();
    assert!(
        ingest.status.success(),
        "{}",
        String::from_utf8_lossy(&ingest.stderr)
    );
    let value: Value = serde_json::from_slice(&std::fs::read(&extracted).unwrap()).unwrap();
    let edges = value["edges"].as_array().unwrap();
    let first = edges[0]["id"].as_str().unwrap();
    let second = edges[1]["id"].as_str().unwrap();
    let ops = format!(
        r#"[{{"op": "review", "id": "{first}", "verdict": "accept"}},
            {{"op": "review", "id": "{second}", "verdict": "reject"}}]"#
    );
    let reviewed = folder.path().join("reviewed.json");
    let edit = run_edit(&extracted, &ops, &["-o", reviewed.to_str().unwrap()]);
    assert!(
        edit.status.success(),
        "{}",
        String::from_utf8_lossy(&edit.stderr)
    );
    let stats = backchannel()
        .arg("stats")
        .arg(&reviewed)
        .arg("--json")
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&stats.stdout).unwrap();
    let provenance = &report["provenance"]["edges"];
    assert_eq!(provenance["curated"], 0);
    assert_eq!(provenance["extracted_reviewed"], 1);
    assert_eq!(provenance["extracted_unreviewed"], edges.len() - 2);
    let text = backchannel().arg("stats").arg(&reviewed).output().unwrap();
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(
        text.contains(&format!(
            "edges: 0 curated, 1 extracted and reviewed, {} extracted and not yet reviewed",
            edges.len() - 2
        )),
        "{text}"
    );
}

#[test]
fn edit_applies_the_documented_example_with_an_added_article() {
    let (folder, dataset) = seed_copy();
    let out = folder.path().join("out").join("edited.json");
    let output = backchannel()
        .arg("edit")
        .arg(&dataset)
        .args(["--ops", "tests/fixtures/edit/ops.json", "-o"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(
        std::fs::read(folder.path().join("out").join("new-article.txt")).unwrap(),
        std::fs::read("tests/fixtures/edit/new-article.txt").unwrap(),
        "the added article is copied beside the dataset"
    );
    let check = backchannel().arg("check").arg(&out).output().unwrap();
    let stdout = String::from_utf8_lossy(&check.stdout);
    assert!(
        check.status.success() && stdout.contains("6 articles, 0 warning(s)"),
        "{stdout}"
    );
}

#[test]
fn a_csv_edge_list_with_unusual_column_names_is_read_with_the_columns_named() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("trade.csv");
    std::fs::write(
        &path,
        "year;exporter;importer;tonnes\n2020;Chile;China;12.5\n2021;Peru;China;3\n",
    )
    .unwrap();
    // Unnamed, the columns are asked for, never guessed.
    let output = backchannel().arg("check").arg(&path).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(stdout.contains("--source and --target"), "{stdout}");
    // Named, they are read, the weight with them.
    let output = backchannel()
        .arg("check")
        .arg(&path)
        .args([
            "--source", "exporter", "--target", "importer", "--weight", "tonnes",
        ])
        .output()
        .unwrap();
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert_eq!(output.status.code(), Some(0), "{stdout}");
    assert!(stdout.contains("valid: 3 nodes, 2 edges"), "{stdout}");
    let json = folder.path().join("trade.json");
    let output = backchannel()
        .arg("convert")
        .arg(&path)
        .arg(&json)
        .args([
            "--source", "exporter", "--target", "importer", "--weight", "tonnes",
        ])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let dataset: Value = serde_json::from_slice(&std::fs::read(&json).unwrap()).unwrap();
    let weights: Vec<f64> = dataset["edges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|edge| edge["weight"].as_f64().unwrap())
        .collect();
    assert_eq!(weights, [12.5, 3.0]);
    // A weight alone names no pair.
    let output = backchannel()
        .arg("check")
        .arg(&path)
        .args(["--weight", "tonnes"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
}
