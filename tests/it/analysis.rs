//! Graph answers: the library's filters, paths, neighbourhoods and measures on the seed,
//! and the headless commands giving the same answers.

use std::collections::BTreeSet;

use assert_cmd::Command;
use backchannel::cli::{neighbour_report, path_reports, resolve_node, stats_report};
use backchannel::dataset;
use backchannel::graph::{Adjacency, Measure, ranking, shortest_paths};
use backchannel::model::{Modality, Model, NodeKind, Relation};
use backchannel::view::{FilterCounts, Focus, FocusMode, ViewFilter, timeline_dates};
use serde_json::Value;

fn seed() -> Model {
    std::sync::Arc::unwrap_or_clone(dataset::load_seed().unwrap().model)
}

fn position(model: &Model, id: &str) -> usize {
    model.node_position(id).unwrap()
}

/// Equal JSON, numbers within a relative 1e-12 (JSON float parsing may round the last bit).
fn assert_same(printed: &Value, expected: &Value) {
    match (printed, expected) {
        (Value::Number(a), Value::Number(b)) => {
            let (a, b) = (a.as_f64().unwrap(), b.as_f64().unwrap());
            assert!(
                (a - b).abs() <= 1e-12 * a.abs().max(b.abs()).max(1.0),
                "{a} != {b}"
            );
        }
        (Value::Array(a), Value::Array(b)) => {
            assert_eq!(a.len(), b.len());
            a.iter().zip(b).for_each(|(a, b)| assert_same(a, b));
        }
        (Value::Object(a), Value::Object(b)) => {
            assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
            a.iter()
                .zip(b)
                .for_each(|((_, a), (_, b))| assert_same(a, b));
        }
        _ => assert_eq!(printed, expected),
    }
}

fn run_json(args: &[&str]) -> Value {
    let output = Command::cargo_bin("backchannel")
        .unwrap()
        .args(args)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

#[test]
fn path_command_gives_the_library_answer() {
    let model = seed();
    let adjacency = Adjacency::full(&model);
    let expected = path_reports(
        &model,
        &adjacency,
        position(&model, "abu-marzouk"),
        position(&model, "qatar"),
    );
    assert!(!expected.is_empty());
    let printed = run_json(&[
        "path",
        "seeds/negotiations.json",
        "abu-marzouk",
        "qatar",
        "--json",
    ]);
    assert_eq!(printed, serde_json::to_value(&expected).unwrap());
    // Every path is shortest: the same number of hops, each hop a real edge.
    let hops = expected[0].hops.len();
    for path in &expected {
        assert_eq!(path.hops.len(), hops);
        assert!(path.hops.iter().all(|hop| !hop.is_empty()));
        assert_eq!(path.nodes.first().unwrap().id, "abu-marzouk");
        assert_eq!(path.nodes.last().unwrap().id, "qatar");
    }
}

#[test]
fn path_accepts_labels_and_reports_unknown_nodes() {
    let printed = run_json(&[
        "path",
        "seeds/negotiations.json",
        "Mousa Abu Marzouk",
        "Qatar",
        "--json",
    ]);
    assert!(!printed.as_array().unwrap().is_empty());
    let output = Command::cargo_bin("backchannel")
        .unwrap()
        .args(["path", "seeds/negotiations.json", "Haniyah", "qatar"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(
        stderr.contains("no node \"Haniyah\"; did you mean ismail-haniyeh"),
        "{stderr}"
    );
}

#[test]
fn neighbors_command_gives_the_library_answer() {
    let model = seed();
    let adjacency = Adjacency::full(&model);
    for hops in ["1", "2"] {
        let expected = neighbour_report(
            &model,
            &adjacency,
            position(&model, "qatar"),
            hops.parse().unwrap(),
        );
        let printed = run_json(&[
            "neighbors",
            "seeds/negotiations.json",
            "qatar",
            "--hops",
            hops,
            "--json",
        ]);
        assert_eq!(printed, serde_json::to_value(&expected).unwrap());
    }
    let one_hop = neighbour_report(&model, &adjacency, position(&model, "qatar"), 1);
    assert_eq!(one_hop[0].node.id, "qatar");
    assert_eq!(one_hop[0].distance, 0);
    let direct: BTreeSet<&str> = model
        .edges
        .iter()
        .filter_map(|edge| match (edge.source.as_str(), edge.target.as_str()) {
            ("qatar", other) | (other, "qatar") => Some(other),
            _ => None,
        })
        .collect();
    assert_eq!(one_hop.len(), direct.len() + 1);
}

#[test]
fn stats_command_gives_the_library_answer() {
    let model = seed();
    let printed = run_json(&["stats", "seeds/negotiations.json", "--json"]);
    assert_same(
        &printed,
        &serde_json::to_value(stats_report(&model)).unwrap(),
    );
    assert_eq!(printed["nodes"], 55);
    assert_eq!(printed["kinds"]["mediator"], 7);
    // Hamas has the most relations in the seed.
    assert_eq!(printed["measures"]["degree"][0]["id"], "hamas");
}

/// What `stats` prints agrees with the file itself, counted here from its JSON: every
/// node's degree is the edges that touch it, and every betweenness is the paths counted
/// one pair at a time.
#[test]
fn stats_command_agrees_with_the_file_counted_by_hand() {
    let printed = run_json(&["stats", "seeds/negotiations.json", "--json"]);
    let file: Value =
        serde_json::from_slice(&std::fs::read("seeds/negotiations.json").unwrap()).unwrap();
    let edges = file["edges"].as_array().unwrap();
    assert_eq!(printed["edges"], edges.len());
    let degree_rows = printed["measures"]["degree"].as_array().unwrap();
    assert_eq!(degree_rows.len(), file["nodes"].as_array().unwrap().len());
    for row in degree_rows {
        let id = row["id"].as_str().unwrap();
        let touching = edges
            .iter()
            .filter(|edge| edge["source"] == id || edge["target"] == id)
            .count();
        assert_eq!(
            row["value"].as_f64(),
            Some(touching as f64),
            "degree of {id}"
        );
    }
    let model = seed();
    let counted = betweenness_by_counting_paths(&model);
    for row in printed["measures"]["betweenness"].as_array().unwrap() {
        let id = row["id"].as_str().unwrap();
        let value = row["value"].as_f64().unwrap();
        let expected = counted[position(&model, id)];
        assert!(
            (value - expected).abs() < 1e-6,
            "betweenness of {id}: {value}, counted {expected}"
        );
    }
}

/// Betweenness by definition, independently of Brandes' algorithm: for every pair of
/// nodes, the share of their shortest paths (edge direction ignored, parallel edges
/// counted once) that pass through each other node.
fn betweenness_by_counting_paths(model: &Model) -> Vec<f64> {
    let count = model.nodes.len();
    let mut neighbours = vec![BTreeSet::new(); count];
    for edge in &model.edges {
        let (a, b) = (position(model, &edge.source), position(model, &edge.target));
        if a != b {
            neighbours[a].insert(b);
            neighbours[b].insert(a);
        }
    }
    // Distances and numbers of shortest paths from every node, by breadth-first search.
    let mut distance = vec![vec![usize::MAX; count]; count];
    let mut paths = vec![vec![0.0f64; count]; count];
    for source in 0..count {
        distance[source][source] = 0;
        paths[source][source] = 1.0;
        let mut frontier = vec![source];
        while !frontier.is_empty() {
            let mut next = Vec::new();
            for &node in &frontier {
                for &neighbour in &neighbours[node] {
                    if distance[source][neighbour] == usize::MAX {
                        distance[source][neighbour] = distance[source][node] + 1;
                        next.push(neighbour);
                    }
                    if distance[source][neighbour] == distance[source][node] + 1 {
                        paths[source][neighbour] += paths[source][node];
                    }
                }
            }
            frontier = next;
        }
    }
    let mut betweenness = vec![0.0; count];
    for s in 0..count {
        for t in s + 1..count {
            if distance[s][t] == usize::MAX {
                continue;
            }
            for (v, value) in betweenness.iter_mut().enumerate() {
                if v != s
                    && v != t
                    && distance[s][v] != usize::MAX
                    && distance[v][t] != usize::MAX
                    && distance[s][v] + distance[v][t] == distance[s][t]
                {
                    *value += paths[s][v] * paths[v][t] / paths[s][t];
                }
            }
        }
    }
    betweenness
}

#[test]
fn resolve_node_by_id_label_and_alias() {
    let model = seed();
    assert_eq!(resolve_node(&model, "hamas"), Ok(position(&model, "hamas")));
    assert_eq!(
        resolve_node(&model, "bill burns"),
        Ok(position(&model, "burns"))
    );
    assert_eq!(
        resolve_node(&model, "Ismail Hanyahu"),
        Ok(position(&model, "ismail-haniyeh"))
    );
    assert!(resolve_node(&model, "nobody at all").is_err());
}

#[test]
fn filters_hide_by_kind_relation_modality_article_and_date() {
    let model = seed();
    let mut filter = ViewFilter::default();
    assert!(filter.visibility(&model).nodes.iter().all(|&shown| shown));

    filter.hidden_kinds.insert(NodeKind::Demand);
    let visibility = filter.visibility(&model);
    for (node, &shown) in model.nodes.iter().zip(&visibility.nodes) {
        assert_eq!(shown, node.kind != NodeKind::Demand, "{}", node.id);
    }
    for (edge, &shown) in model.edges.iter().zip(&visibility.edges) {
        let touches_demand = [&edge.source, &edge.target]
            .iter()
            .any(|id| model.node(id).unwrap().kind == NodeKind::Demand);
        assert_eq!(shown, !touches_demand, "{}", edge.id);
    }
    let demands = model
        .nodes
        .iter()
        .filter(|node| node.kind == NodeKind::Demand)
        .count();
    assert_eq!(visibility.hidden_nodes(), demands);

    let mut filter = ViewFilter::default();
    filter.hidden_relations.insert(Relation::Blames);
    filter
        .hidden_modalities
        .insert(backchannel::model::Modality::Denied);
    let visibility = filter.visibility(&model);
    for (edge, &shown) in model.edges.iter().zip(&visibility.edges) {
        assert_eq!(
            shown,
            edge.relation != Relation::Blames && edge.modality.as_str() != "denied"
        );
    }

    // Only what article a003 supports: every shown edge cites it.
    let mut filter = ViewFilter::default();
    filter.articles.insert("a003".into());
    let visibility = filter.visibility(&model);
    for (edge, &shown) in model.edges.iter().zip(&visibility.edges) {
        assert_eq!(
            shown,
            edge.evidence.iter().any(|r| r.article_id == "a003"),
            "{}",
            edge.id
        );
    }
    assert!(visibility.hidden_nodes() > 0);

    // Dates: only 28 May 2024; undated elements stay, dated ones outside go.
    let mut filter = ViewFilter::default();
    let day = backchannel::model::PartialDate::parse("2024-05-28").unwrap();
    filter.dates = Some((day, day));
    let visibility = filter.visibility(&model);
    let talks = position(&model, "talks-resume-may-28");
    assert!(visibility.nodes[talks]);
    let paris = position(&model, "paris-talks");
    assert!(
        visibility.nodes[paris],
        "a May-precision date overlaps 28 May"
    );
    let al_hayya_round = position(&model, "cairo-round-al-hayya");
    assert!(visibility.nodes[al_hayya_round], "undated meetings stay");
}

#[test]
fn focus_hides_or_dims_beyond_k_hops() {
    let model = seed();
    let adjacency = Adjacency::full(&model);
    let centre = position(&model, "qatar");
    for hops in 1..=3usize {
        let mut filter = ViewFilter {
            focus: Some(Focus {
                node: "qatar".into(),
                hops,
                mode: FocusMode::Hide,
            }),
            ..ViewFilter::default()
        };
        let visibility = filter.visibility(&model);
        let expected = backchannel::graph::neighborhood(&adjacency, centre, hops);
        let shown: Vec<usize> = (0..model.nodes.len())
            .filter(|&n| visibility.nodes[n])
            .collect();
        let mut expected_nodes: Vec<usize> = expected.iter().map(|&(n, _)| n).collect();
        expected_nodes.sort_unstable();
        assert_eq!(shown, expected_nodes, "{hops} hops");

        filter.focus = Some(Focus {
            node: "qatar".into(),
            hops,
            mode: FocusMode::Dim,
        });
        let visibility = filter.visibility(&model);
        assert!(visibility.nodes.iter().all(|&s| s));
        let dimmed = visibility.dimmed_nodes.iter().filter(|&&d| d).count();
        assert_eq!(dimmed, model.nodes.len() - expected_nodes.len());
    }
}

#[test]
fn measures_rank_the_seed() {
    let model = seed();
    let adjacency = Adjacency::full(&model);
    let degree = Measure::Degree.compute(&adjacency);
    let ranked = ranking(&model, &adjacency, &degree);
    assert_eq!(model.nodes[ranked[0].0].id, "hamas");
    let hamas_edges = model
        .edges
        .iter()
        .filter(|e| e.source == "hamas" || e.target == "hamas")
        .count();
    assert_eq!(ranked[0].1, hamas_edges as f64);
    let betweenness = Measure::Betweenness.compute(&adjacency);
    let counted = betweenness_by_counting_paths(&model);
    for (node, (computed, counted)) in betweenness.iter().zip(&counted).enumerate() {
        assert!(
            (computed - counted).abs() < 1e-9,
            "{}: {computed} computed, {counted} counted",
            model.nodes[node].id
        );
    }
    assert!(counted.iter().any(|&value| value > 0.0));
    let eigenvector = Measure::Eigenvector.compute(&adjacency);
    let length: f64 = eigenvector.iter().map(|v| v * v).sum::<f64>().sqrt();
    assert!((length - 1.0).abs() < 1e-6);
    let paths = shortest_paths(
        &adjacency,
        position(&model, "hamas"),
        position(&model, "hamas"),
        5,
    );
    assert_eq!(paths, vec![vec![position(&model, "hamas")]]);
}

#[test]
fn timeline_places_nodes_at_the_middle_of_their_own_dates_and_the_undated_by_kind() {
    use backchannel::view::LayoutKind;
    use backchannel::view::arrangement::{NodeFacts, Room, arrange_by_rule};
    use backchannel::view::timeline::{TimelineAxis, date_days, own_date};
    let model = seed();
    let slots: Vec<usize> = (0..model.nodes.len()).collect();
    let extents = vec![[-60.0, -12.0, 60.0, 30.0]; model.nodes.len()];
    let mut positions = vec![[0.0f32, 0.0]; model.nodes.len()];
    let pinned = vec![false; model.nodes.len()];
    let room = Room {
        size: [900.0, 800.0],
    };
    let axis = arrange_by_rule(
        &model,
        LayoutKind::Timeline,
        &slots,
        NodeFacts {
            extents: &extents,
            pinned: &pinned,
            groups: &[],
        },
        room,
        &mut positions,
    )
    .expect("the seed's meetings are dated");
    // The axis runs from 1 May to the end of May 2024.
    assert_eq!(axis.end_day - axis.first_day, 31.0);
    let mut undated_columns: std::collections::BTreeMap<NodeKind, Vec<i64>> = Default::default();
    for (node, place) in positions.iter().enumerate() {
        let id = &model.nodes[node].id;
        match own_date(&model, node) {
            Some(date) => {
                // A month-level meeting in the middle of May, 28 May in the middle of
                // its day.
                let (first, end) = date_days(&date);
                let middle = axis.x_of((first + end) / 2.0);
                assert!((place[0] - middle).abs() < 0.5, "{id} at {place:?}");
            }
            None => {
                assert!(place[0] < axis.origin, "{id} is undated, left of the axis");
                undated_columns
                    .entry(model.nodes[node].kind)
                    .or_default()
                    .push(place[0].round() as i64);
            }
        }
    }
    // Hamas has a dated relation (it attends the talks of 28 May) but no date of its
    // own: it stands with the actors, not at a meeting's date.
    assert!(own_date(&model, model.node_position("hamas").unwrap()).is_none());
    // Each kind has columns of its own.
    let kinds: Vec<&NodeKind> = undated_columns.keys().collect();
    for (i, a) in kinds.iter().enumerate() {
        for b in &kinds[i + 1..] {
            let shared = undated_columns[a]
                .iter()
                .any(|x| undated_columns[b].contains(x));
            assert!(!shared, "{a:?} and {b:?} share a column");
        }
    }
    // The axis read back off the places is the one arranged.
    let shown = vec![true; model.nodes.len()];
    let fitted = TimelineAxis::fitted(&model, &shown, &positions).unwrap();
    let day = axis.first_day + 27.5;
    assert!((fitted.x_of(day) - axis.x_of(day)).abs() < 0.5);
}

#[test]
fn filter_counts_are_what_each_filter_choice_covers_in_the_seed() {
    let model = seed();
    let counts = FilterCounts::of(&model);
    for kind in NodeKind::ALL {
        let nodes = model.nodes.iter().filter(|node| node.kind == *kind).count();
        assert_eq!(counts.kind(*kind), nodes, "{kind:?}");
    }
    for relation in Relation::ALL {
        let edges = model
            .edges
            .iter()
            .filter(|e| e.relation == *relation)
            .count();
        assert_eq!(counts.relation(*relation), edges, "{relation:?}");
    }
    for modality in Modality::ALL {
        let edges = model
            .edges
            .iter()
            .filter(|e| e.modality == *modality)
            .count();
        assert_eq!(counts.modality(*modality), edges, "{modality:?}");
    }
    assert_eq!(
        counts.kinds.iter().map(|(_, n)| n).sum::<usize>(),
        model.nodes.len()
    );
    assert_eq!(
        counts.relations.iter().map(|(_, n)| n).sum::<usize>(),
        model.edges.len()
    );
    // An element quoting an article twice counts once for it.
    for article in &model.articles {
        let cites = |evidence: &[backchannel::model::Evidence]| {
            evidence
                .iter()
                .any(|record| record.article_id == article.id)
        };
        let elements = model.nodes.iter().filter(|n| cites(&n.evidence)).count()
            + model.edges.iter().filter(|e| cites(&e.evidence)).count();
        assert!(elements > 0, "every seed article supports something");
        assert_eq!(counts.article(&article.id), elements, "{}", article.id);
    }
    assert_eq!(counts.article("no such article"), 0);
    let dates: Vec<_> = counts.dates.iter().map(|(date, _)| *date).collect();
    assert_eq!(dates, timeline_dates(&model));
    assert!(dates.windows(2).all(|pair| pair[0] < pair[1]));
    // Six dated meetings and two dated relations; the sliders step by day through May
    // 2024, as the finest date (28 May) is known to the day.
    let dated: usize = counts.dates.iter().map(|(_, count)| count).sum();
    assert_eq!(dated, 8);
    assert_eq!(counts.date_stops.len(), 31);
    let day = |d: u8| backchannel::model::PartialDate {
        year: 2024,
        month: Some(5),
        day: Some(d),
    };
    // 1 to 27 May keeps the month-level meetings and hides what is dated 28 May.
    let (kept, hidden) = counts.dated_in(&day(1), &day(27));
    assert_eq!(kept, 5);
    assert_eq!(hidden, vec![(day(28), 3)]);
}
