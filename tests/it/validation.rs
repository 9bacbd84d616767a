//! One test per class of problem a dataset file can have: each breaks the minimal valid
//! fixture in one way and checks the message names the file, the place and the problem.

use std::path::{Path, PathBuf};

use backchannel::dataset::{self, LoadError, Loaded, Location, Problem, ProblemKind, Severity};
use serde_json::{Value, json};

const FIXTURE: &str = "tests/fixtures/valid/minimal";

fn fixture_value() -> Value {
    let text = std::fs::read_to_string(Path::new(FIXTURE).join("dataset.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

/// Writes the fixture, changed by `change`, into a fresh folder with its article and
/// loads it.
fn load_changed(
    change: impl FnOnce(&mut Value),
) -> (tempfile::TempDir, PathBuf, Result<Loaded, LoadError>) {
    let mut value = fixture_value();
    change(&mut value);
    let folder = tempfile::tempdir().unwrap();
    std::fs::copy(
        Path::new(FIXTURE).join("article.txt"),
        folder.path().join("article.txt"),
    )
    .unwrap();
    let path = folder.path().join("dataset.json");
    std::fs::write(&path, serde_json::to_vec_pretty(&value).unwrap()).unwrap();
    let result = backchannel::interchange::load_file(&path);
    (folder, path, result)
}

fn errors_of(change: impl FnOnce(&mut Value)) -> (PathBuf, Vec<Problem>) {
    let (_folder, path, result) = load_changed(change);
    match result {
        Ok(_) => panic!("the changed dataset loaded"),
        Err(error) => (path, error.problems),
    }
}

/// The only problem of `kind`, checked to name the file.
fn the_problem(path: &Path, problems: &[Problem], kind: ProblemKind) -> Problem {
    let matching: Vec<&Problem> = problems
        .iter()
        .filter(|problem| problem.kind == kind)
        .collect();
    assert_eq!(
        matching.len(),
        1,
        "expected one {kind:?}, got {problems:#?}"
    );
    let problem = matching[0].clone();
    assert_eq!(problem.file, path.display().to_string());
    assert!(problem.to_string().starts_with(&path.display().to_string()));
    problem
}

fn path_of(problem: &Problem) -> String {
    match &problem.location {
        Location::JsonPath(path) => path.clone(),
        other => panic!("expected a JSON path, got {other:?}"),
    }
}

#[test]
fn the_fixture_itself_is_valid() {
    let (_folder, _path, result) = load_changed(|_| {});
    let loaded = result.unwrap();
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    assert_eq!(loaded.model.nodes.len(), 4);
    assert_eq!(loaded.model.edges.len(), 2);
}

#[test]
fn malformed_json_gives_line_and_column() {
    let path = Path::new("tests/fixtures/invalid/malformed.json");
    let error = backchannel::interchange::load_file(path).unwrap_err();
    let problem = the_problem(path, &error.problems, ProblemKind::MalformedJson);
    assert_eq!(
        problem.location,
        Location::LineColumn {
            line: 5,
            column: 30
        }
    );
    assert_eq!(
        problem.to_string(),
        "tests/fixtures/invalid/malformed.json:5:30: error: malformed JSON: expected `,` or `}`"
    );
}

#[test]
fn truncated_json_is_malformed_not_a_panic() {
    let bytes = std::fs::read(Path::new(FIXTURE).join("dataset.json")).unwrap();
    for cut in (0..bytes.len()).step_by(97) {
        let store = dataset::FolderStore::new(FIXTURE);
        let error = dataset::load_bytes("cut.json", &bytes[..cut], &store).unwrap_err();
        assert!(
            error
                .problems
                .iter()
                .any(|p| p.kind == ProblemKind::MalformedJson),
            "cut at {cut}"
        );
    }
}

#[test]
fn unknown_format_version() {
    let path = Path::new("tests/fixtures/invalid/future-format.json");
    let error = backchannel::interchange::load_file(path).unwrap_err();
    let problem = the_problem(path, &error.problems, ProblemKind::UnknownFormat);
    assert_eq!(path_of(&problem), "$.format");
    assert!(
        problem
            .message
            .contains("unknown format version \"backchannel/9\""),
        "{}",
        problem.message
    );

    let (path, problems) = errors_of(|value| {
        value.as_object_mut().unwrap().remove("format");
    });
    let problem = the_problem(&path, &problems, ProblemKind::UnknownFormat);
    assert!(problem.message.contains("missing field \"format\""));
}

#[test]
fn unknown_kind() {
    let (path, problems) = errors_of(|value| value["nodes"][1]["kind"] = json!("broker"));
    let problem = the_problem(&path, &problems, ProblemKind::UnknownKind);
    assert_eq!(path_of(&problem), "$.nodes[1].kind");
    assert_eq!(
        problem.message,
        "unknown kind \"broker\"; expected one of actor, mediator, meeting, demand, entity"
    );
}

#[test]
fn unknown_relation() {
    let (path, problems) = errors_of(|value| value["edges"][0]["relation"] = json!("wants"));
    let problem = the_problem(&path, &problems, ProblemKind::UnknownRelation);
    assert_eq!(path_of(&problem), "$.edges[0].relation");
    assert!(
        problem
            .message
            .starts_with("unknown relation \"wants\"; expected one of demands, rejects")
    );
}

#[test]
fn duplicate_ids() {
    let (path, problems) = errors_of(|value| value["nodes"][2]["id"] = json!("hamas"));
    let problem = the_problem(&path, &problems, ProblemKind::DuplicateId);
    assert_eq!(path_of(&problem), "$.nodes[2].id");
    assert_eq!(
        problem.message,
        "duplicate node id \"hamas\" (first used at $.nodes[0])"
    );

    let (path, problems) = errors_of(|value| value["edges"][1]["id"] = json!("e-demands"));
    let problem = the_problem(&path, &problems, ProblemKind::DuplicateId);
    assert_eq!(path_of(&problem), "$.edges[1].id");
    assert!(
        problem
            .message
            .starts_with("duplicate edge id \"e-demands\" (first used at $.edges["),
        "{}",
        problem.message
    );
}

#[test]
fn edge_to_a_missing_node() {
    let (path, problems) = errors_of(|value| value["edges"][1]["target"] = json!("cairo-talks"));
    let problem = the_problem(&path, &problems, ProblemKind::MissingNode);
    assert_eq!(path_of(&problem), "$.edges[1].target");
    assert_eq!(
        problem.message,
        "edge \"e-mediates\" has target \"cairo-talks\", but no node has that id"
    );
}

#[test]
fn evidence_pointing_at_a_missing_article() {
    let (path, problems) =
        errors_of(|value| value["nodes"][0]["evidence"][0]["article"] = json!("gone"));
    let problem = the_problem(&path, &problems, ProblemKind::MissingArticle);
    assert_eq!(path_of(&problem), "$.nodes[0].evidence[0].article");
    assert_eq!(
        problem.message,
        "evidence cites article \"gone\", but no article has that id"
    );
}

#[test]
fn article_path_that_is_missing() {
    let (path, problems) = errors_of(|value| value["articles"][0]["path"] = json!("missing.txt"));
    let problem = the_problem(&path, &problems, ProblemKind::ArticlePath);
    assert_eq!(path_of(&problem), "$.articles[0].path");
    assert!(
        problem
            .message
            .starts_with("article file \"missing.txt\" cannot be read"),
        "{}",
        problem.message
    );
}

#[test]
fn article_path_that_escapes_the_folder() {
    for (escaping, expected) in [
        (
            "../article.txt",
            "article path \"../article.txt\" leaves the dataset's folder",
        ),
        (
            "/etc/passwd",
            "article path \"/etc/passwd\" is absolute; give it relative to the dataset's folder",
        ),
    ] {
        let (path, problems) = errors_of(|value| value["articles"][0]["path"] = json!(escaping));
        let problem = the_problem(&path, &problems, ProblemKind::ArticlePath);
        assert_eq!(path_of(&problem), "$.articles[0].path");
        assert_eq!(problem.message, expected);
    }
}

#[test]
fn quote_moved_is_reanchored_with_a_warning() {
    let (_folder, path, result) = load_changed(|value| {
        let evidence = &mut value["edges"][0]["evidence"][0];
        let start = evidence["start"].as_u64().unwrap();
        evidence["start"] = json!(start + 5);
        evidence["end"] = json!(evidence["end"].as_u64().unwrap() + 5);
    });
    let loaded = result.expect("a moved quote is only a warning");
    let problem = the_problem(&path, &loaded.warnings, ProblemKind::QuoteMoved);
    assert_eq!(problem.severity, Severity::Warning);
    assert_eq!(path_of(&problem), "$.edges[0].evidence[0]");
    assert!(
        problem
            .message
            .contains("found it at 62..97 by quote and context"),
        "{}",
        problem.message
    );
    let evidence = &loaded.model.edges[0].evidence[0];
    assert_eq!((evidence.start, evidence.end), (62, 97));
    let article = loaded.model.article("art").unwrap();
    assert_eq!(
        article.text.slice(evidence.start, evidence.end),
        Some(evidence.quote.as_str())
    );
}

#[test]
fn quote_nowhere_in_the_text_is_an_error() {
    let (path, problems) =
        errors_of(|value| value["nodes"][3]["evidence"][0]["quote"] = json!("a temporary truce"));
    let problem = the_problem(&path, &problems, ProblemKind::QuoteNotFound);
    assert_eq!(path_of(&problem), "$.nodes[3].evidence[0].quote");
    assert_eq!(
        problem.message,
        "the quote \"a temporary truce\" is nowhere in article \"art\""
    );
}

#[test]
fn hash_mismatch_is_a_warning() {
    let (_folder, path, result) =
        load_changed(|value| value["articles"][0]["sha256"] = json!("00ff"));
    let loaded = result.expect("a hash mismatch is only a warning");
    let problem = the_problem(&path, &loaded.warnings, ProblemKind::HashMismatch);
    assert_eq!(path_of(&problem), "$.articles[0].sha256");
    assert!(
        problem
            .message
            .starts_with("the text of article \"art\" has changed: its sha256 is ")
    );
}

#[test]
fn wrong_types_and_unknown_fields_give_their_paths() {
    let (path, problems) = errors_of(|value| {
        value["nodes"][0]["evidence"][0]["start"] = json!("twelve");
        value["edges"][1]["aliasses"] = json!([]);
    });
    let shapes: Vec<&Problem> = problems
        .iter()
        .filter(|p| p.kind == ProblemKind::WrongShape)
        .collect();
    assert_eq!(shapes.len(), 2, "{problems:#?}");
    assert_eq!(path_of(shapes[0]), "$.nodes[0].evidence[0].start");
    assert!(
        shapes[0]
            .message
            .contains("invalid type: string \"twelve\"")
    );
    assert_eq!(path_of(shapes[1]), "$.edges[1].aliasses");
    assert!(shapes[1].message.starts_with("unknown field `aliasses`"));
    assert!(
        problems
            .iter()
            .all(|p| p.file == path.display().to_string())
    );
}

#[test]
fn every_problem_is_reported_not_only_the_first() {
    let (_path, problems) = errors_of(|value| {
        value["nodes"][0]["kind"] = json!("villain");
        value["edges"][0]["relation"] = json!("loves");
        value["edges"][1]["source"] = json!("nobody");
        value["nodes"][2]["date"] = json!("2024-02-30");
        value["nodes"][3]["evidence"] = json!([]);
        value["nodes"][2].as_object_mut().unwrap().remove("place");
    });
    let kinds: Vec<ProblemKind> = problems.iter().map(|p| p.kind).collect();
    for kind in [
        ProblemKind::UnknownKind,
        ProblemKind::UnknownRelation,
        ProblemKind::MissingNode,
        ProblemKind::InvalidDate,
        ProblemKind::NoEvidence,
        ProblemKind::MeetingFields,
    ] {
        assert!(kinds.contains(&kind), "{kind:?} missing from {kinds:?}");
    }
}

#[test]
fn article_with_both_text_and_path() {
    let (path, problems) = errors_of(|value| value["articles"][0]["text"] = json!("inline"));
    let problem = the_problem(&path, &problems, ProblemKind::ArticleSource);
    assert_eq!(path_of(&problem), "$.articles[0]");
}

/// A file large enough to be read and checked on every core (thousands of nodes, four
/// edges each) with a problem in each part of the nodes and of the edges and a
/// duplicate edge id: the load finds every one, in the order one pass would (ids first,
/// then elements in file order), and keeps each element's own evidence.
#[test]
fn a_large_file_gives_every_problem_in_file_order_and_each_element_its_evidence() {
    let count = 12_000;
    let mut value: Value =
        serde_json::from_str(&dataset::synthetic_dataset(count, 4)).expect("synthetic JSON");
    let store = dataset::EmbeddedStore::new(&[]);
    let clean = dataset::load_bytes("large.json", value.to_string().as_bytes(), &store)
        .expect("the synthetic dataset loads");
    for (index, node) in clean.model.nodes.iter().enumerate() {
        assert_eq!(node.id, format!("n{index}"));
        assert_eq!(node.evidence.len(), 1);
        assert_eq!(
            node.evidence[0].quote,
            format!("Party {index} met its neighbours.")
        );
    }
    for edge in &clean.model.edges {
        let source = edge.source.trim_start_matches('n');
        assert_eq!(
            edge.evidence[0].quote,
            format!("Party {source} met its neighbours.")
        );
    }

    let bad_nodes = [3, count / 2 + 1, count - 1];
    let bad_edges = [0, 4 * count / 3, 4 * count - 2];
    for index in bad_nodes {
        value["nodes"][index]["kind"] = json!("warlord");
    }
    for index in bad_edges {
        value["edges"][index]["evidence"][0]["quote"] = json!("nowhere in the article");
    }
    let duplicate_edge = 4 * count - 1;
    value["edges"][duplicate_edge]["id"] = value["edges"][0]["id"].clone();
    let problems = dataset::load_bytes("large.json", value.to_string().as_bytes(), &store)
        .expect_err("the broken dataset does not load")
        .problems;
    let errors: Vec<String> = problems
        .iter()
        .filter(|problem| problem.severity == Severity::Error)
        .map(path_of)
        .collect();
    let expected: Vec<String> = std::iter::once(format!("$.edges[{duplicate_edge}].id"))
        .chain(
            bad_nodes
                .iter()
                .map(|index| format!("$.nodes[{index}].kind")),
        )
        .chain(
            bad_edges
                .iter()
                .map(|index| format!("$.edges[{index}].evidence[0].quote")),
        )
        .collect();
    assert_eq!(errors, expected);
}

/// The check looks each edge's ends up once and hands their positions to the model: they
/// are the positions the ids give, for the seed and for a graph file.
#[test]
fn a_checked_model_s_edge_ends_are_those_its_ids_give() {
    let seed = backchannel::dataset::load_seed().unwrap().model;
    let gexf = backchannel::interchange::load_file(std::path::Path::new(
        "tests/fixtures/graphs/Les_Miserables.gexf",
    ))
    .unwrap()
    .model;
    for model in [seed, gexf] {
        assert!(!model.edges.is_empty());
        for (position, edge) in model.edges.iter().enumerate() {
            assert_eq!(
                model.edge_ends(position),
                model
                    .node_position(&edge.source)
                    .zip(model.node_position(&edge.target)),
                "edge {}",
                edge.id
            );
        }
    }
}
