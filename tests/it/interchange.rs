//! Opening other tools' graph files, and handing ours to them: real files from Gephi,
//! networkx and d3, round trips, and bad or hostile files.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use backchannel::dataset::{self, Location, ProblemKind, Severity};
use backchannel::interchange::{self, GraphFormat};
use backchannel::model::{Model, NodeKind, Relation};
use serde_json::{Value, json};

fn fixture(name: &str) -> PathBuf {
    Path::new("tests/fixtures/graphs").join(name)
}

fn load(path: &Path) -> Model {
    match interchange::load_file(path) {
        Ok(loaded) => std::sync::Arc::unwrap_or_clone(loaded.model),
        Err(error) => panic!("{} does not load: {:#?}", path.display(), error.problems),
    }
}

fn node<'a>(model: &'a Model, id: &str) -> &'a backchannel::model::Node {
    model.node(id).unwrap_or_else(|| panic!("no node {id}"))
}

/// The model as our file format's JSON: what a round trip must keep.
fn as_dataset(model: &Model) -> Value {
    serde_json::to_value(interchange::to_raw_dataset(model)).unwrap()
}

#[test]
fn gephi_gexf_keeps_labels_attributes_positions_colours_and_sizes() {
    let model = load(&fixture("Les_Miserables.gexf"));
    assert_eq!((model.nodes.len(), model.edges.len()), (77, 254));
    assert_eq!(model.title, "Les Miserables.gexf");
    let valjean = node(&model, "11");
    assert_eq!(valjean.label, "Valjean");
    assert_eq!(valjean.kind, NodeKind::Entity);
    assert_eq!(valjean.attributes.get("modularity_class"), Some(&json!(1)));
    assert_eq!(valjean.look.colour.map(|c| c.rgb), Some([245, 91, 91]));
    assert_eq!(valjean.look.size, Some(100.0));
    let position = valjean.look.position.expect("a position");
    // Gephi's y grows upwards; the screen's downwards.
    assert!((position.x - -87.93029).abs() < 1e-3 && (position.y - -6.812_056_5).abs() < 1e-3);
    assert!(valjean.evidence.is_empty());
    let weighted = model.edge("geid_138_1").expect("edge geid_138_1");
    assert_eq!(
        (weighted.source.as_str(), weighted.target.as_str()),
        ("2", "0")
    );
    assert_eq!(weighted.weight, Some(8.0));
    assert_eq!(weighted.relation, Relation::Link);
    assert!(
        model.edges.iter().all(|edge| !edge.directed),
        "defaultedgetype is undirected"
    );
    assert!(model.nodes.iter().all(|node| node.look.position.is_some()));
}

#[test]
fn graphml_keeps_parallel_edges_and_typed_data() {
    let model = load(&fixture("airlines.graphml"));
    assert_eq!((model.nodes.len(), model.edges.len()), (235, 2101));
    // The graph is undirected: a pair is unordered.
    let pairs: BTreeSet<(&str, &str)> = model
        .edges
        .iter()
        .map(|edge| {
            let (a, b) = (edge.source.as_str(), edge.target.as_str());
            (a.min(b), a.max(b))
        })
        .collect();
    assert_eq!(pairs.len(), 1297, "parallel edges are kept, not merged");
    let first = node(&model, "0");
    assert_eq!(
        first.attributes.get("tooltip"),
        Some(&json!("LIT(lngx=-92.224444,laty=34.729444)"))
    );
    let position = first.look.position.expect("x and y data make a position");
    assert!((position.x - -922.24444).abs() < 1e-3 && (position.y - -347.29444).abs() < 1e-3);
    assert!(!first.attributes.contains_key("x"), "x became the position");
    assert!(model.edges.iter().all(|edge| !edge.directed));
}

#[test]
fn d3_node_link_json_links_by_index() {
    let model = load(&fixture("miserables.json"));
    assert_eq!((model.nodes.len(), model.edges.len()), (77, 254));
    // d3's nodes have no ids: they are numbered from 0, and links count from 0.
    let myriel = node(&model, "0");
    assert_eq!(myriel.label, "Myriel");
    assert_eq!(myriel.attributes.get("group"), Some(&json!(1)));
    let second = model.edges.get(1).expect("a second link");
    assert_eq!((second.source.as_str(), second.target.as_str()), ("2", "0"));
    assert_eq!(second.attributes.get("value"), Some(&json!(8)));
    assert_eq!(model.node_label(&second.source), "Mlle.Baptistine");
}

#[test]
fn networkx_node_link_json_links_by_id_with_direction_and_graph_name() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("nx.json");
    let document = json!({
        "directed": true, "multigraph": true, "graph": {"name": "Talks"},
        "nodes": [{"id": "egypt", "label": "Egypt", "x": 1.0, "y": 2.0, "color": "#112233"}, {"id": 7}],
        "edges": [{"source": "egypt", "target": 7, "key": 0}, {"source": "egypt", "target": 7, "key": 1, "weight": 0.5}]
    });
    std::fs::write(&path, document.to_string()).unwrap();
    let model = load(&path);
    assert_eq!(model.title, "Talks");
    let egypt = node(&model, "egypt");
    assert_eq!(egypt.look.position.map(|p| (p.x, p.y)), Some((1.0, 2.0)));
    assert_eq!(
        egypt.look.colour.map(|c| c.to_hex()).as_deref(),
        Some("#112233")
    );
    assert_eq!(node(&model, "7").label, "7");
    assert_eq!(model.edges.len(), 2);
    assert!(
        model
            .edges
            .iter()
            .all(|edge| edge.directed && edge.target == "7")
    );
    assert_eq!(model.edges.get(1).and_then(|edge| edge.weight), Some(0.5));
}

#[test]
fn gml_keeps_graphics_attributes_parallel_edges_and_self_loops() {
    let model = load(&fixture("triad.gml"));
    assert_eq!(model.title, "Triad");
    assert_eq!((model.nodes.len(), model.edges.len()), (3, 4));
    let cairo = node(&model, "0");
    assert_eq!(cairo.label, "Cairo");
    assert_eq!(cairo.attributes.get("region"), Some(&json!("Africa")));
    assert_eq!(cairo.look.position.map(|p| (p.x, p.y)), Some((10.0, 20.0)));
    assert_eq!(cairo.look.size, Some(30.0));
    assert_eq!(node(&model, "2").label, "Washington & partners");
    let hosts = model.edges.first().expect("an edge");
    assert_eq!(
        (hosts.label.as_deref(), hosts.weight),
        (Some("hosts"), Some(2.5))
    );
    assert!(model.edges.iter().all(|edge| edge.directed));
    assert!(
        model.edges.iter().any(|edge| edge.source == edge.target),
        "the self-loop stays"
    );
}

#[test]
fn csv_edge_list_with_node_table_types_columns_and_adds_missing_nodes() {
    let loaded = interchange::load_file(&fixture("mediators.csv")).expect("loads");
    let model = &loaded.model;
    assert_eq!((model.nodes.len(), model.edges.len()), (5, 4));
    let qatar = node(model, "qatar");
    assert_eq!(qatar.label, "Qatar");
    assert_eq!(
        qatar.attributes.get("seats"),
        Some(&json!(2)),
        "a numeric column is numbers"
    );
    assert_eq!(qatar.attributes.get("continent"), Some(&json!("Asia")));
    let m3 = model.edge("m3").expect("edge m3");
    assert!(!m3.directed, "Gephi's Type column");
    assert_eq!((m3.label.as_deref(), m3.weight), (Some("talks"), Some(1.0)));
    assert_eq!(
        model.edge("m1").and_then(|e| e.attributes.get("round")),
        Some(&json!(1))
    );
    // "israel" is only in the edge list: added, with a warning naming the row.
    assert_eq!(node(model, "israel").label, "israel");
    let warning = loaded
        .warnings
        .iter()
        .find(|problem| problem.kind == ProblemKind::MissingNode)
        .expect("a warning for the added node");
    assert_eq!(
        warning.location,
        Location::LineColumn { line: 4, column: 1 }
    );
    // Opening the node table opens the same graph.
    let again = load(&fixture("mediators.nodes.csv"));
    assert_eq!(as_dataset(&again), as_dataset(model));
}

#[test]
fn every_export_of_the_seed_comes_back_unchanged() {
    let seed = dataset::load_seed().unwrap().model;
    let folder = tempfile::tempdir().unwrap();
    let expected = as_dataset(&seed);
    for (format, name) in [
        (GraphFormat::Backchannel, "seed.json"),
        (GraphFormat::Gexf, "seed.gexf"),
        (GraphFormat::GraphMl, "seed.graphml"),
        (GraphFormat::NodeLink, "seed-links.json"),
        (GraphFormat::Csv, "seed.csv"),
    ] {
        let out = folder.path().join(name);
        let written = interchange::write_graph(&seed, format, &out, &[]).unwrap();
        assert_eq!(
            written.len(),
            if format == GraphFormat::Csv { 3 } else { 1 }
        );
        let back = load(&out);
        assert_eq!(as_dataset(&back), expected, "{} round trip", format.name());
        assert!(back.nodes.iter().all(|node| !node.evidence.is_empty()));
    }
}

#[test]
fn a_foreign_graph_survives_our_format_and_back_through_every_export() {
    let original = load(&fixture("Les_Miserables.gexf"));
    let expected = as_dataset(&original);
    let folder = tempfile::tempdir().unwrap();
    for (format, name) in [
        (GraphFormat::Backchannel, "lm.json"),
        (GraphFormat::Gexf, "lm.gexf"),
        (GraphFormat::GraphMl, "lm.graphml"),
        (GraphFormat::NodeLink, "lm-links.json"),
        (GraphFormat::Csv, "lm.csv"),
    ] {
        let out = folder.path().join(name);
        interchange::write_graph(&original, format, &out, &[]).unwrap();
        let back = load(&out);
        assert_eq!(as_dataset(&back), expected, "{} round trip", format.name());
    }
}

#[test]
fn gexf_export_is_gexf_1_3_with_typed_columns_and_viz() {
    let original = load(&fixture("Les_Miserables.gexf"));
    let text = backchannel::interchange::gexf::write(&original);
    let document = roxmltree::Document::parse(&text).unwrap();
    let root = document.root_element();
    assert_eq!(root.tag_name().name(), "gexf");
    assert_eq!(root.attribute("version"), Some("1.3"));
    let declared: Vec<(&str, &str)> = document
        .descendants()
        .filter(|n| n.has_tag_name(("http://gexf.net/1.3", "attribute")))
        .map(|n| (n.attribute("title").unwrap(), n.attribute("type").unwrap()))
        .collect();
    assert!(
        declared.contains(&("modularity_class", "long")),
        "{declared:?}"
    );
    // Plain entities and links carry no bc_ fields: nothing of ours to keep.
    assert!(
        declared.iter().all(|(title, _)| !title.starts_with("bc_")),
        "{declared:?}"
    );
    let viz = "http://gexf.net/1.3/viz";
    assert_eq!(
        document
            .descendants()
            .filter(|n| n.has_tag_name((viz, "position")))
            .count(),
        77
    );
    assert_eq!(
        document
            .descendants()
            .filter(|n| n.has_tag_name((viz, "color")))
            .count(),
        77
    );
    assert_eq!(
        document
            .descendants()
            .filter(|n| n.has_tag_name(("http://gexf.net/1.3", "edge")))
            .count(),
        254
    );
}

#[test]
fn dot_export_draws_every_node_and_edge() {
    let seed = dataset::load_seed().unwrap().model;
    let text = backchannel::interchange::dot::write(&seed);
    assert!(text.starts_with("digraph \"Gaza ceasefire"));
    assert_eq!(text.matches(" -> ").count(), seed.edges.len());
    assert_eq!(text.matches("\"bc_kind\"=").count(), seed.nodes.len());
    let hamas = seed.node("hamas").unwrap();
    assert!(text.contains(&format!("\"hamas\" [\"label\"=\"{}\"", hamas.label)));
}

fn problems_of(name: &str, content: &[u8]) -> Vec<dataset::Problem> {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join(name);
    std::fs::write(&path, content).unwrap();
    match interchange::load_file(&path) {
        Ok(_) => panic!("{name} should not load"),
        Err(error) => {
            assert!(
                error
                    .problems
                    .iter()
                    .all(|p| p.file == path.display().to_string())
            );
            error.problems
        }
    }
}

fn only_error(name: &str, content: &[u8]) -> dataset::Problem {
    let problems = problems_of(name, content);
    let errors: Vec<_> = problems
        .into_iter()
        .filter(|p| p.severity == Severity::Error)
        .collect();
    assert_eq!(errors.len(), 1, "{errors:#?}");
    errors.into_iter().next().unwrap()
}

#[test]
fn malformed_files_name_line_and_column() {
    let xml = only_error(
        "broken.gexf",
        b"<gexf version=\"1.3\">\n  <graph>\n    <nodes>\n  </graph>\n</gexf>\n",
    );
    assert_eq!(xml.kind, ProblemKind::MalformedXml);
    assert!(
        matches!(xml.location, Location::LineColumn { line: 4, .. }),
        "{xml:?}"
    );

    let csv = only_error("broken.csv", b"source,target\na,b\nc,d,e\n");
    assert_eq!(csv.kind, ProblemKind::MalformedCsv);
    assert_eq!(csv.location, Location::LineColumn { line: 3, column: 1 });
    assert!(csv.message.contains("3 fields"), "{}", csv.message);

    let json_problem = only_error("broken.json", b"{\"nodes\": [\n  {\"id\": 1},\n  ]\n}");
    assert_eq!(json_problem.kind, ProblemKind::MalformedJson);
    assert!(matches!(
        json_problem.location,
        Location::LineColumn { line: 3, .. }
    ));

    let gml = only_error("broken.gml", b"graph [\n  node [ id 0 label \"a\" \n]\n");
    assert_eq!(gml.kind, ProblemKind::MalformedGml);
    assert!(matches!(gml.location, Location::LineColumn { .. }));
}

#[test]
fn graph_errors_point_at_the_element_in_the_file() {
    let text = b"<?xml version=\"1.0\"?>\n<gexf version=\"1.3\">\n<graph>\n<nodes>\n  <node id=\"a\"/>\n</nodes>\n<edges>\n  <edge source=\"a\" target=\"ghost\"/>\n</edges>\n</graph>\n</gexf>\n";
    let problem = only_error("dangling.gexf", text);
    assert_eq!(problem.kind, ProblemKind::MissingNode);
    assert_eq!(
        problem.location,
        Location::LineColumn { line: 8, column: 3 }
    );
    assert!(problem.message.contains("ghost"));

    let links =
        br#"{"nodes": [{"name": "a"}, {"name": "b"}], "links": [{"source": 0, "target": 5}]}"#;
    let problem = only_error("d3.json", links);
    assert_eq!(
        problem.location,
        Location::JsonPath("$.links[0].target".into())
    );
    assert!(
        problem.message.contains("from 0 to 1"),
        "{}",
        problem.message
    );
}

#[test]
fn a_file_that_is_not_what_its_extension_says_is_refused_clearly() {
    let graphml = std::fs::read(fixture("airlines.graphml")).unwrap();
    let problem = only_error("airlines.gexf", &graphml);
    assert_eq!(problem.kind, ProblemKind::FormatMismatch);
    assert!(
        problem
            .message
            .contains("says GEXF, but the content is GraphML"),
        "{}",
        problem.message
    );
    let json_text = std::fs::read(fixture("miserables.json")).unwrap();
    let problem = only_error("miserables.gml", &json_text);
    assert_eq!(problem.kind, ProblemKind::FormatMismatch);
    let problem = only_error("notes.txt", b"just some words");
    assert_eq!(problem.kind, ProblemKind::FormatMismatch);
    assert!(problem.message.contains(".gexf"));
}

#[test]
fn xml_entities_are_never_expanded() {
    let mut bomb =
        String::from("<?xml version=\"1.0\"?>\n<!DOCTYPE graphml [\n <!ENTITY a \"aaaaaaaaaa\">\n");
    for level in 1..10 {
        let previous = if level == 1 {
            "a".to_owned()
        } else {
            format!("a{}", level - 1)
        };
        bomb.push_str(&format!(
            " <!ENTITY a{level} \"{}\">\n",
            format!("&{previous};").repeat(10)
        ));
    }
    bomb.push_str("]>\n<graphml><key id=\"d0\" for=\"node\" attr.name=\"label\"/><graph><node id=\"n\"><data key=\"d0\">&a9;</data></node></graph></graphml>\n");
    let problem = only_error("bomb.graphml", bomb.as_bytes());
    assert_eq!(problem.kind, ProblemKind::MalformedXml);
    assert!(
        problem.message.contains("undefined entity &a9;"),
        "{}",
        problem.message
    );
    assert!(
        matches!(problem.location, Location::LineColumn { line: 14, .. }),
        "{problem:?}"
    );
}

#[test]
fn exports_never_replace_the_files_a_dataset_came_from() {
    let folder = tempfile::tempdir().unwrap();
    let input = folder.path().join("talks.csv");
    std::fs::copy(fixture("mediators.csv"), &input).unwrap();
    std::fs::copy(
        fixture("mediators.nodes.csv"),
        folder.path().join("talks.nodes.csv"),
    )
    .unwrap();
    let model = load(&input);
    let inputs = interchange::input_files(&input, &model);
    let before = std::fs::read(folder.path().join("talks.nodes.csv")).unwrap();
    // Writing CSV over the same name would replace the node table too.
    let error = interchange::write_graph(&model, GraphFormat::Csv, &input, &inputs).unwrap_err();
    assert!(error.to_string().contains("talks"), "{error}");
    assert_eq!(
        std::fs::read(folder.path().join("talks.nodes.csv")).unwrap(),
        before
    );
    let error = interchange::write_graph(
        &model,
        GraphFormat::Gexf,
        &folder.path().join("talks.nodes.csv"),
        &inputs,
    );
    assert!(error.is_err());
}
