//! A big GEXF file is read and checked at once, on two threads: whatever the file, the
//! result is the one reading it whole gives — the same model, the same problems in the
//! same places — including files that do not suit it (an edge without an id, a
//! declaration after the first edge) and files that break after their first edges.

use backchannel::dataset::{LoadError, Loaded, Location, ProblemKind};
use backchannel::interchange::{self, synthetic_gexf};
use serde_json::Value;

/// A GEXF file big enough to be read and checked at once (over 4 MiB).
fn big_gexf() -> String {
    let text = synthetic_gexf(12_000, 4);
    assert!(text.len() > 4 << 20, "{} bytes", text.len());
    text
}

/// The file loaded from disk (read and checked at once) and from its bytes (read whole).
fn both_ways(text: &str) -> (Result<Loaded, LoadError>, Result<Loaded, LoadError>) {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("big.gexf");
    std::fs::write(&path, text).unwrap();
    let at_once = interchange::load_file(&path);
    let whole = interchange::load_read(&path, text.as_bytes());
    (at_once, whole)
}

fn dataset(loaded: &Loaded) -> Value {
    serde_json::to_value(interchange::to_raw_dataset(&loaded.model)).unwrap()
}

#[test]
fn a_big_gexf_read_and_checked_at_once_is_the_graph_read_whole() {
    let (at_once, whole) = both_ways(&big_gexf());
    let (at_once, whole) = (at_once.unwrap(), whole.unwrap());
    assert_eq!(at_once.model.nodes.len(), 12_000);
    assert_eq!(at_once.model.edges.len(), 48_000);
    assert_eq!(dataset(&at_once), dataset(&whole));
    // Declared defaults and typed values came over with the elements.
    let first = &at_once.model.nodes[0];
    assert_eq!(
        first.attributes.get("modularity_class"),
        Some(&Value::from(0))
    );
    assert_eq!(at_once.model.edge_ends(0), whole.model.edge_ends(0));
}

#[test]
fn files_that_do_not_suit_reading_at_once_still_load_as_read_whole() {
    let text = big_gexf();
    // An edge without an id: made-up ids must avoid every id of the file.
    let no_id = text.replacen("<edge id=\"e40000\" ", "<edge ", 1);
    // A declaration with a default after the first edge.
    let late = text.replacen(
        "</edges>",
        "</edges>\n<attributes class=\"edge\"><attribute id=\"w\" title=\"late\" type=\"string\"><default>yes</default></attribute></attributes>",
        1,
    );
    for (name, text) in [("no id", no_id), ("late declaration", late)] {
        let (at_once, whole) = both_ways(&text);
        let (at_once, whole) = (at_once.unwrap(), whole.unwrap());
        assert_eq!(dataset(&at_once), dataset(&whole), "{name}");
    }
}

#[test]
fn a_big_gexf_broken_after_its_first_edges_is_refused_where_it_breaks() {
    let text = big_gexf();
    let cut = text.find("<edge id=\"e30000\"").unwrap();
    let broken = format!("{}<edge id=\"x\" source=\"1\"", &text[..cut]);
    let (at_once, whole) = both_ways(&broken);
    let (at_once, whole) = (at_once.unwrap_err(), whole.unwrap_err());
    assert_eq!(at_once.problems, whole.problems);
    let problem = &at_once.problems[0];
    assert_eq!(problem.kind, ProblemKind::MalformedXml);
    assert!(matches!(problem.location, Location::LineColumn { .. }));
    // An edge to a node that does not exist: the same problem, placed where the edge is.
    let dangling = text.replacen("target=\"", "target=\"nowhere", 1);
    let (at_once, whole) = both_ways(&dangling);
    let (at_once, whole) = (at_once.unwrap_err(), whole.unwrap_err());
    assert_eq!(at_once.problems, whole.problems);
    assert!(
        at_once.problems[0].message.contains("nowhere"),
        "{:?}",
        at_once.problems[0]
    );
    assert!(
        matches!(at_once.problems[0].location, Location::LineColumn { line, .. } if line > 12_000),
        "the edge's place in the file: {:?}",
        at_once.problems[0].location
    );
}
