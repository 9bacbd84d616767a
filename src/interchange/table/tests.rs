//! Reading edge lists: column names, separators, weights, events files.

use super::*;

/// The edges of an edge list as "source>target weight" lines.
fn edges(bytes: &[u8]) -> Vec<String> {
    let graph = read(bytes, None, None).expect("reads");
    graph
        .edges
        .iter()
        .map(|edge| format!("{}>{} {:?}", edge.source, edge.target, edge.weight))
        .collect()
}

#[test]
fn source_and_target_are_found_by_their_common_names() {
    for header in [
        "Source,Target",
        "from,to",
        "SRC,dst",
        "origin,destination",
        "tail,head",
    ] {
        assert_eq!(
            edges(format!("{header}\na,b\n").as_bytes()),
            ["a>b None"],
            "{header}"
        );
    }
}

#[test]
fn the_weight_comes_from_weight_count_or_value() {
    assert_eq!(
        edges(b"origin,destination,count\na,b,3\n"),
        ["a>b Some(3.0)"]
    );
    assert_eq!(edges(b"source,target,value\na,b,2.5\n"), ["a>b Some(2.5)"]);
    // Weight first, where a file has both.
    assert_eq!(
        edges(b"source,target,count,weight\na,b,7,2\n"),
        ["a>b Some(2.0)"]
    );
}

#[test]
fn an_events_file_gives_its_ends_names_and_its_relations_fields_as_text() {
    let tsv = b"event_id\tdate\tsource_id\tsource_name\ttarget_id\ttarget_name\trelation\tmodality\tattribution\tcameo_code\n\
                e1\t2024\thamas\tHamas\tdeal\tThe deal\trejects\tdenied\ta Hamas official\t120\n";
    let Ok(graph) = read(tsv, None, None) else {
        panic!("an events file is read");
    };
    let labels: Vec<Option<&str>> = graph.nodes.iter().map(|n| n.label.as_deref()).collect();
    assert_eq!(labels, [Some("Hamas"), Some("The deal")]);
    let edge = &graph.edges[0];
    assert_eq!(edge.id.as_deref(), Some("e1"));
    assert_eq!(edge.attributes.get("bc_date"), Some(&Value::from("2024")));
    assert_eq!(
        edge.attributes.get("bc_relation"),
        Some(&Value::from("rejects"))
    );
    assert_eq!(
        edge.attributes.get("bc_attributed_to"),
        Some(&Value::from("a Hamas official"))
    );
    assert_eq!(edge.attributes.get("cameo_code"), Some(&Value::from(120)));
    assert!(!edge.attributes.contains_key("source_name"));
}

#[test]
fn tabs_and_semicolons_are_separators() {
    assert_eq!(edges(b"source\ttarget\ttitle\na\tb\tx, y\n"), ["a>b None"]);
    assert_eq!(edges(b"source;target;weight\na;b;4\n"), ["a>b Some(4.0)"]);
    // A separator inside quotes does not count.
    assert_eq!(edges(b"\"a;b\",source,target\nx,a,b\n"), ["a>b None"]);
}

#[test]
fn an_edge_list_without_a_source_says_which_names_it_takes() {
    let Err((CsvPart::Edges, problem)) = read(b"a,b\n1,2\n", None, None) else {
        panic!("an edge list without a source column is refused");
    };
    assert!(problem.message.contains("origin"), "{}", problem.message);
    assert!(
        problem.message.contains("the header is: a, b"),
        "{}",
        problem.message
    );
    assert!(problem.message.starts_with(CHOOSE_COLUMNS));
}

#[test]
fn two_candidate_pairs_are_asked_not_guessed() {
    for header in [
        "source,target,from,to",
        "from,to,tail",
        "src,dst,destination",
    ] {
        let text = format!(
            "{header}\n{}\n",
            vec!["x"; header.split(',').count()].join(",")
        );
        let Err((CsvPart::Edges, problem)) = read(text.as_bytes(), None, None) else {
            panic!("{header}: guessed");
        };
        assert!(
            problem.message.starts_with(CHOOSE_COLUMNS),
            "{}",
            problem.message
        );
        assert!(
            problem.message.contains("does not guess"),
            "{}",
            problem.message
        );
    }
}

#[test]
fn columns_named_by_the_user_are_read_whatever_the_header_says() {
    let columns = CsvColumns {
        source: "Exporter".to_owned(),
        target: "importer".to_owned(),
        weight: Some("tonnes".to_owned()),
    };
    let text = b"year;exporter;importer;tonnes\n2020;a;b;12.5\n2021;b;c;3\n";
    let graph = read(text, None, Some(&columns)).expect("reads");
    let found: Vec<String> = graph
        .edges
        .iter()
        .map(|edge| format!("{}>{} {:?}", edge.source, edge.target, edge.weight))
        .collect();
    assert_eq!(found, ["a>b Some(12.5)", "b>c Some(3.0)"]);
    // The other columns stay attributes.
    assert_eq!(
        graph.edges[0].attributes.get("year"),
        Some(&Value::from(2020))
    );
    // The user's choice holds even where the header has a recognised pair.
    let chosen = CsvColumns {
        source: "to".to_owned(),
        target: "from".to_owned(),
        weight: None,
    };
    let graph = read(b"from,to\na,b\n", None, Some(&chosen)).expect("reads");
    assert_eq!(
        (
            graph.edges[0].source.as_str(),
            graph.edges[0].target.as_str()
        ),
        ("b", "a")
    );
    let missing = CsvColumns {
        source: "exporter".to_owned(),
        target: "buyer".to_owned(),
        weight: None,
    };
    let Err((_, problem)) = read(text, None, Some(&missing)) else {
        panic!("a column that is not there is refused");
    };
    assert_eq!(
        problem.message,
        "the target column \"buyer\" is not in the header (year, exporter, importer, tonnes)"
    );
}

#[test]
fn a_preview_shows_the_header_and_the_first_rows() {
    let rows: String = (0..20).map(|row| format!("{row},{}\n", row + 1)).collect();
    let preview = preview(format!("a,b\n{rows}").as_bytes()).unwrap();
    assert_eq!(preview.header, ["a", "b"]);
    assert_eq!(preview.rows.len(), PREVIEW_ROWS);
    assert_eq!(preview.rows[0], ["0", "1"]);
}
