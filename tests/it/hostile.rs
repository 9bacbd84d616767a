//! Hostile and broken input: every loader gives a graph or a clear error, never a panic,
//! a hang or unbounded memory. Crashes found by fuzzing (fuzz/) become tests here.

use std::path::Path;

use backchannel::dataset::{self, EmbeddedStore, LoadError, Loaded, Location, ProblemKind};
use backchannel::interchange::{GraphFormat, load_bytes_as};
use backchannel::model::Model;
use serde_json::json;

fn load(format: GraphFormat, bytes: &[u8]) -> Result<Loaded, LoadError> {
    load_bytes_as(format, "input", bytes, &EmbeddedStore::new(&[]))
}

/// A refusal that says what and where.
fn assert_clear(error: &LoadError) {
    assert!(!error.problems.is_empty());
    for problem in &error.problems {
        assert!(!problem.message.trim().is_empty(), "{problem:?}");
        assert_eq!(problem.file, "input");
        if let Location::LineColumn { line, column } = problem.location {
            assert!(line >= 1 && column >= 1, "{problem:?}");
        }
    }
}

/// Every evidence record's quote is its article's text at its offsets.
fn assert_quotes_verbatim(model: &Model, what: &str) {
    let records = model
        .nodes
        .iter()
        .flat_map(|node| &node.evidence)
        .chain(model.edges.iter().flat_map(|edge| &edge.evidence));
    for record in records {
        let article = model.article(&record.article_id).unwrap_or_else(|| {
            panic!(
                "{what}: evidence cites {}, which is not there",
                record.article_id
            )
        });
        assert_eq!(
            article.text.slice(record.start, record.end),
            Some(record.quote.as_str()),
            "{what}: a quote is not its article's text at its offsets"
        );
    }
}

fn fixtures() -> Vec<(GraphFormat, Vec<u8>)> {
    let read = |path: &str| std::fs::read(path).unwrap();
    let mut inline =
        serde_json::from_slice::<serde_json::Value>(&read("seeds/negotiations.json")).unwrap();
    // The seed with its articles inline, so that it loads from bytes alone.
    for article in inline["articles"].as_array_mut().unwrap() {
        let path = article["path"].as_str().unwrap().to_owned();
        article["text"] = json!(std::fs::read_to_string(Path::new("seeds").join(path)).unwrap());
        article.as_object_mut().unwrap().remove("path");
    }
    vec![
        (
            GraphFormat::Backchannel,
            serde_json::to_vec_pretty(&inline).unwrap(),
        ),
        (
            GraphFormat::Gexf,
            read("tests/fixtures/graphs/Les_Miserables.gexf"),
        ),
        (
            GraphFormat::GraphMl,
            read("tests/fixtures/graphs/airlines.graphml"),
        ),
        (GraphFormat::Gml, read("tests/fixtures/graphs/triad.gml")),
        (
            GraphFormat::NodeLink,
            read("tests/fixtures/graphs/miserables.json"),
        ),
        (
            GraphFormat::Csv,
            read("tests/fixtures/graphs/mediators.csv"),
        ),
    ]
}

#[test]
fn every_fixture_loads_whole() {
    for (format, bytes) in fixtures() {
        let loaded =
            load(format, &bytes).unwrap_or_else(|e| panic!("{}: {:#?}", format.name(), e.problems));
        assert!(!loaded.model.nodes.is_empty());
    }
}

#[test]
fn truncated_files_give_a_graph_or_a_clear_error() {
    for (format, bytes) in fixtures() {
        let mut cuts: Vec<usize> = (1..60).map(|step| bytes.len() * step / 60).collect();
        // Cuts inside multi-byte characters too.
        cuts.extend(
            bytes
                .iter()
                .enumerate()
                .filter(|(_, byte)| **byte >= 0x80)
                .map(|(index, _)| index + 1)
                .take(20),
        );
        let whole = load(format, &bytes).unwrap().model;
        for cut in cuts {
            let truncated = bytes.get(..cut).unwrap_or(&bytes);
            match load(format, truncated) {
                // A file cut short never gains elements, and what it keeps still quotes
                // its articles verbatim.
                Ok(loaded) => {
                    let what = format!("{} cut at byte {cut}", format.name());
                    assert!(loaded.model.nodes.len() <= whole.nodes.len(), "{what}");
                    assert!(loaded.model.edges.len() <= whole.edges.len(), "{what}");
                    assert_quotes_verbatim(&loaded.model, &what);
                }
                Err(error) => assert_clear(&error),
            }
        }
    }
}

#[test]
fn invalid_utf8_is_refused_with_its_place() {
    let cases: [(GraphFormat, &[u8]); 5] = [
        (
            GraphFormat::Backchannel,
            b"{\"format\": \"backchannel/1\", \"title\": \"\xff\"}",
        ),
        (
            GraphFormat::Gexf,
            b"<gexf><graph><nodes><node id=\"a\" label=\"\xff\"/></nodes></graph></gexf>",
        ),
        (
            GraphFormat::Gml,
            b"graph [\n node [ id 1 label \"\xff\" ]\n]",
        ),
        (GraphFormat::Csv, b"source,target\na,\xff\n"),
        (
            GraphFormat::NodeLink,
            b"{\"nodes\": [{\"id\": \"\xff\"}], \"links\": []}",
        ),
    ];
    for (format, bytes) in cases {
        match load(format, bytes) {
            Err(error) => assert_clear(&error),
            Ok(_) if format == GraphFormat::Gexf => {
                // quick-xml decodes lossily inside attribute values; the label is kept
                // with a replacement character rather than refused.
            }
            Ok(_) => panic!("{} accepted invalid UTF-8", format.name()),
        }
    }
}

#[test]
fn a_byte_order_mark_is_skipped_by_every_reader() {
    for (format, bytes) in fixtures() {
        let mut with_bom = "\u{feff}".as_bytes().to_vec();
        with_bom.extend_from_slice(&bytes);
        let plain = load(format, &bytes).unwrap().model;
        let marked = load(format, &with_bom)
            .unwrap_or_else(|e| panic!("{} with a BOM: {:#?}", format.name(), e.problems))
            .model;
        assert_eq!(plain.nodes.len(), marked.nodes.len(), "{}", format.name());
        assert_eq!(plain.edges.len(), marked.edges.len(), "{}", format.name());
    }
}

fn one_article_dataset(text: &str, quote: &str, start: usize) -> serde_json::Value {
    json!({
        "format": "backchannel/1",
        "title": "t",
        "articles": [{"id": "a", "title": "A", "outlet": "O", "published": "2024-05", "text": text}],
        "nodes": [{"id": "n", "label": "N", "kind": "actor", "evidence": [
            {"article": "a", "quote": quote, "start": start, "end": start + quote.chars().count()}
        ]}]
    })
}

#[test]
fn crlf_articles_and_offsets_across_multibyte_characters() {
    let text = "Día uno — “Hamas” 🎉 said:\r\nThe talks in Cairo ended.\r\n";
    let quote = "The talks in Cairo";
    let start = text
        .chars()
        .take_while(|_| true)
        .collect::<String>()
        .find(quote)
        .map(|byte| text[..byte].chars().count())
        .unwrap();
    let dataset = one_article_dataset(text, quote, start);
    let loaded = dataset::load_bytes(
        "input",
        &serde_json::to_vec(&dataset).unwrap(),
        &EmbeddedStore::new(&[]),
    )
    .unwrap();
    let evidence = &loaded.model.nodes[0].evidence[0];
    assert_eq!(
        (evidence.start, evidence.end),
        (start, start + quote.chars().count())
    );
    assert!(
        loaded
            .warnings
            .iter()
            .all(|w| w.kind != ProblemKind::QuoteMoved),
        "{:?}",
        loaded.warnings
    );
    // Offsets given in bytes instead of chars land elsewhere: the quote is found again.
    let byte_start = text.find(quote).unwrap();
    let dataset = one_article_dataset(text, quote, byte_start);
    let loaded = dataset::load_bytes(
        "input",
        &serde_json::to_vec(&dataset).unwrap(),
        &EmbeddedStore::new(&[]),
    )
    .unwrap();
    assert_eq!(loaded.model.nodes[0].evidence[0].start, start);
    assert!(
        loaded
            .warnings
            .iter()
            .any(|w| w.kind == ProblemKind::QuoteMoved)
    );
}

#[test]
fn a_fifty_megabyte_label_loads() {
    let label = "x".repeat(50 * 1024 * 1024);
    let document = json!({"nodes": [{"id": "a", "label": label}, {"id": "b"}], "links": [{"source": "a", "target": "b"}]});
    let loaded = load(
        GraphFormat::NodeLink,
        &serde_json::to_vec(&document).unwrap(),
    )
    .unwrap();
    assert_eq!(loaded.model.nodes[0].label.len(), 50 * 1024 * 1024);
}

#[test]
fn nesting_ten_thousand_deep_is_refused_or_read_without_recursion() {
    let deep_json = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    let error = load(GraphFormat::Backchannel, deep_json.as_bytes()).unwrap_err();
    assert_clear(&error);
    assert!(
        error.problems[0].message.contains("recursion limit"),
        "{:?}",
        error.problems
    );
    let deep_gml = format!("graph {}{}", "[ x ".repeat(10_000), "]".repeat(10_000));
    let error = load(GraphFormat::Gml, deep_gml.as_bytes()).unwrap_err();
    assert!(error.problems[0].message.contains("nest more than 64"));
    // XML is streamed: ten thousand nested nodes are ten thousand nodes.
    let deep_xml = format!(
        "<gexf><graph><nodes>{}{}</nodes></graph></gexf>",
        (0..10_000)
            .map(|i| format!("<node id=\"n{i}\"><nodes>"))
            .collect::<String>(),
        "</nodes></node>".repeat(10_000)
    );
    let loaded = load(GraphFormat::Gexf, deep_xml.as_bytes()).unwrap();
    assert_eq!(loaded.model.nodes.len(), 10_000);
}

#[test]
fn external_xml_entities_are_never_resolved() {
    let xxe = br#"<?xml version="1.0"?>
<!DOCTYPE graphml [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<graphml><key id="l" for="node" attr.name="label"/><graph><node id="a"><data key="l">&secret;</data></node></graph></graphml>"#;
    let error = load(GraphFormat::GraphMl, xxe).unwrap_err();
    assert_clear(&error);
    assert!(
        error.problems[0]
            .message
            .contains("undefined entity &secret;")
    );
    assert_eq!(
        error.problems[0].location,
        Location::LineColumn {
            line: 3,
            column: 86
        }
    );
}

#[test]
fn huge_numbers_and_nan_positions_are_refused_at_their_place() {
    let document = br#"{"format": "backchannel/1", "title": "t", "nodes": [
  {"id": "a", "label": "A", "kind": "entity", "position": {"x": 1e400, "y": 0}}]}"#;
    let error = load(GraphFormat::Backchannel, document).unwrap_err();
    assert_clear(&error);
    assert!(
        matches!(
            error.problems[0].location,
            Location::LineColumn { line: 2, .. }
        ),
        "{:?}",
        error.problems
    );
    let gexf = b"<gexf><graph><nodes>\n<node id=\"a\"><viz:position x=\"NaN\" y=\"0\"/></node></nodes></graph></gexf>";
    let error = load(GraphFormat::Gexf, gexf).unwrap_err();
    assert!(error.problems[0].message.contains("not a finite number"));
    assert!(matches!(
        error.problems[0].location,
        Location::LineColumn { line: 2, .. }
    ));
    let gml = b"graph [ node [ id 1 graphics [ x NaN y 0 ] ] ]";
    assert_clear(&load(GraphFormat::Gml, gml).unwrap_err());
    let csv = b"source,target,weight\na,b,inf\n";
    let loaded = load(GraphFormat::Csv, csv).unwrap();
    assert_eq!(
        loaded.model.edges[0].weight, None,
        "an infinite weight is no weight"
    );
}

#[test]
fn empty_files_and_empty_graphs() {
    for format in [
        GraphFormat::Backchannel,
        GraphFormat::Gexf,
        GraphFormat::GraphMl,
        GraphFormat::Gml,
        GraphFormat::Csv,
    ] {
        assert_clear(&load(format, b"").unwrap_err());
    }
    let empty = [
        (
            GraphFormat::Backchannel,
            &br#"{"format": "backchannel/1", "title": "empty"}"#[..],
        ),
        (GraphFormat::Gexf, b"<gexf><graph/></gexf>"),
        (GraphFormat::GraphMl, b"<graphml><graph/></graphml>"),
        (GraphFormat::Gml, b"graph [ ]"),
        (GraphFormat::NodeLink, br#"{"nodes": [], "links": []}"#),
        (GraphFormat::Csv, b"source,target\n"),
    ];
    for (format, bytes) in empty {
        let loaded =
            load(format, bytes).unwrap_or_else(|e| panic!("{}: {:#?}", format.name(), e.problems));
        assert_eq!(
            (loaded.model.nodes.len(), loaded.model.edges.len()),
            (0, 0),
            "{}",
            format.name()
        );
    }
}

#[test]
fn wrong_types_name_their_json_path() {
    let document =
        br#"{"format": "backchannel/1", "title": 5, "nodes": {"a": 1}, "edges": [{"id": 3}]}"#;
    let error = load(GraphFormat::Backchannel, document).unwrap_err();
    let places: Vec<String> = error
        .problems
        .iter()
        .map(|p| p.location.to_string())
        .collect();
    assert!(places.contains(&"$.title".to_owned()), "{places:?}");
    assert!(places.contains(&"$.nodes".to_owned()), "{places:?}");
    assert!(
        places.iter().any(|p| p.starts_with("$.edges[0]")),
        "{places:?}"
    );
}

#[test]
fn self_loops_parallel_and_duplicate_edges() {
    let csv = b"id,source,target\ne1,a,a\ne2,a,b\ne3,a,b\n";
    let loaded = load(GraphFormat::Csv, csv).unwrap();
    assert_eq!(loaded.model.edges.len(), 3);
    // A self-loop counts twice in its node's degree, as each parallel edge counts once;
    // each edge is listed once among its node's relations.
    let model = &loaded.model;
    let graph = backchannel::graph::NegotiationGraph::new(model);
    assert_eq!(graph.degree(model, "a"), Some(4));
    assert_eq!(graph.degree(model, "b"), Some(2));
    assert_eq!(graph.degree(model, "c"), None);
    assert_eq!(graph.incident_edges(model, "a"), vec![0, 1, 2]);
    assert_eq!(graph.incident_edges(model, "b"), vec![1, 2]);
    assert_eq!(graph.neighbors(model, "a"), vec!["a", "b"]);
    assert_eq!(graph.neighbors(model, "b"), vec!["a"]);
    let duplicate = b"id,source,target\ne1,a,b\ne1,b,a\n";
    let error = load(GraphFormat::Csv, duplicate).unwrap_err();
    assert_eq!(error.problems[0].kind, ProblemKind::DuplicateId);
    assert_eq!(
        error.problems[0].location,
        Location::LineColumn { line: 3, column: 1 }
    );
}

/// Found by fuzzing (fuzz/artifacts/dataset_json, an empty input): serde_json places the
/// end of an empty file at column 0; a place is counted from 1.
#[test]
fn fuzz_regression_an_empty_file_is_placed_at_line_1_column_1() {
    let error = load(GraphFormat::Backchannel, b"").unwrap_err();
    assert_eq!(error.problems[0].kind, ProblemKind::MalformedJson);
    assert_eq!(
        error.problems[0].location,
        Location::LineColumn { line: 1, column: 1 }
    );
}

#[test]
fn a_hundred_thousand_nodes_load() {
    let mut csv = String::from("source,target\n");
    for node in 0..100_000 {
        csv.push_str(&format!("n{node},n{}\n", (node + 1) % 100_000));
    }
    let loaded = load(GraphFormat::Csv, csv.as_bytes()).unwrap();
    assert_eq!(
        (loaded.model.nodes.len(), loaded.model.edges.len()),
        (100_000, 100_000)
    );
}

#[test]
fn files_over_the_size_limit_are_refused_before_reading() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("big.json");
    std::fs::write(&path, vec![b' '; 4096]).unwrap();
    let output = assert_cmd::Command::cargo_bin("backchannel")
        .unwrap()
        .env("BACKCHANNEL_MAX_FILE_BYTES", "1000")
        .args(["check", path.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(
        stdout.contains("4096 bytes") && stdout.contains("at most 1000 bytes"),
        "{stdout}"
    );
}

#[test]
fn backchannel_has_no_network_code() {
    // No HTTP client or TLS stack in the dependency tree (tokio appears only as a wasm
    // target's dependency, with no networking features): Backchannel
    // never fetches anything, and a link in a dataset only opens on the user's click.
    let lock = std::fs::read_to_string("Cargo.lock").unwrap();
    for forbidden in [
        "reqwest",
        "hyper",
        "ureq",
        "curl",
        "isahc",
        "attohttpc",
        "native-tls",
        "rustls",
        "openssl",
    ] {
        assert!(
            !lock.contains(&format!("name = \"{forbidden}\"")),
            "{forbidden} is in Cargo.lock"
        );
    }
}
