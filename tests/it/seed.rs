//! The seed dataset: it loads with no problem, every quote is the article text at its
//! offsets, and it covers what the five articles report.

use std::collections::BTreeSet;
use std::path::Path;

use backchannel::dataset::{self, SEED_ARTICLES};
use backchannel::graph::NegotiationGraph;
use backchannel::model::{MeetingStatus, Modality, Model, NodeKind, Relation};

fn seed() -> Model {
    let loaded = dataset::load_seed().expect("the seed dataset loads");
    assert!(loaded.warnings.is_empty(), "{:#?}", loaded.warnings);
    std::sync::Arc::unwrap_or_clone(loaded.model)
}

#[test]
fn the_seed_file_on_disk_loads_with_no_problem() {
    let loaded = backchannel::interchange::load_file(Path::new("seeds/negotiations.json")).unwrap();
    assert!(loaded.warnings.is_empty(), "{:#?}", loaded.warnings);
    assert_eq!(loaded.model.nodes.len(), seed().nodes.len());
}

#[test]
fn every_quote_is_the_article_text_at_its_offsets() {
    let model = seed();
    let mut records = 0;
    let evidence = model
        .nodes
        .iter()
        .flat_map(|node| &node.evidence)
        .chain(model.edges.iter().flat_map(|edge| &edge.evidence));
    for record in evidence {
        let article = model.article(&record.article_id).unwrap();
        let path = article.path.as_deref().unwrap();
        // Read the file again, independently of the loader, and count chars.
        let text = std::fs::read_to_string(Path::new("seeds").join(path)).unwrap();
        let at_offsets: String = text
            .chars()
            .skip(record.start)
            .take(record.end - record.start)
            .collect();
        assert_eq!(
            at_offsets, record.quote,
            "{} {}..{}",
            record.article_id, record.start, record.end
        );
        let before: String = text
            .chars()
            .take(record.start)
            .collect::<Vec<_>>()
            .iter()
            .rev()
            .take(32)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        assert_eq!(before, record.prefix);
        records += 1;
    }
    assert!(records > 150, "only {records} evidence records");
}

#[test]
fn every_node_and_edge_has_evidence_from_the_articles() {
    let model = seed();
    assert!(model.nodes.iter().all(|node| !node.evidence.is_empty()));
    assert!(model.edges.iter().all(|edge| !edge.evidence.is_empty()));
    let cited: BTreeSet<&str> = model
        .edges
        .iter()
        .flat_map(|edge| &edge.evidence)
        .map(|record| record.article_id.as_str())
        .collect();
    assert_eq!(
        cited.len(),
        5,
        "every article supports some edge: {cited:?}"
    );
}

#[test]
fn seed_articles_are_byte_identical_to_the_shared_seeds() {
    let shared = Path::new("../shared/seeds");
    let local: Vec<String> = std::fs::read_dir("seeds")
        .unwrap()
        .filter_map(|entry| entry.ok())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".txt"))
        .collect();
    assert_eq!(local.len(), 5);
    for (name, embedded) in SEED_ARTICLES {
        let on_disk = std::fs::read(Path::new("seeds").join(name)).unwrap();
        assert_eq!(
            on_disk,
            embedded.as_bytes(),
            "{name} differs from the built-in copy"
        );
        if shared.is_dir() {
            assert_eq!(
                on_disk,
                std::fs::read(shared.join(name)).unwrap(),
                "{name} differs from ../shared/seeds"
            );
        }
    }
}

#[test]
fn the_seed_names_the_parties_mediators_and_meetings() {
    let model = seed();
    let kind_of = |id: &str| model.node(id).map(|node| node.kind);
    for mediator in ["egypt", "qatar", "united-states", "burns", "al-thani"] {
        assert_eq!(kind_of(mediator), Some(NodeKind::Mediator), "{mediator}");
    }
    for actor in [
        "israel",
        "hamas",
        "netanyahu",
        "khalil-al-hayya",
        "osama-hamdan",
        "ismail-haniyeh",
        "gallant",
        "katz",
        "ben-gvir",
        "smotrich",
        "gantz",
    ] {
        assert_eq!(kind_of(actor), Some(NodeKind::Actor), "{actor}");
    }
    let places: BTreeSet<&str> = model
        .nodes
        .iter()
        .filter_map(|node| node.meeting.as_ref())
        .map(|meeting| meeting.place.as_str())
        .collect();
    for place in ["Cairo", "Doha", "Paris"] {
        assert!(places.contains(place), "no meeting in {place}: {places:?}");
    }
    let statuses: BTreeSet<MeetingStatus> = model
        .nodes
        .iter()
        .filter_map(|node| node.meeting.as_ref())
        .map(|meeting| meeting.status)
        .collect();
    assert!(
        statuses.contains(&MeetingStatus::Held)
            && statuses.contains(&MeetingStatus::Planned)
            && statuses.contains(&MeetingStatus::Reported)
    );
    let demands = model
        .nodes
        .iter()
        .filter(|node| node.kind == NodeKind::Demand)
        .count();
    assert!(demands >= 10, "{demands} demands");
    let relations: BTreeSet<Relation> = model.edges.iter().map(|edge| edge.relation).collect();
    for relation in [
        Relation::Demands,
        Relation::Rejects,
        Relation::Accepts,
        Relation::Proposes,
        Relation::Mediates,
        Relation::Attends,
        Relation::Hosts,
        Relation::Leads,
        Relation::MemberOf,
        Relation::Opposes,
        Relation::Supports,
        Relation::Pressures,
        Relation::Blames,
    ] {
        assert!(relations.contains(&relation), "no {relation} edge");
    }
}

#[test]
fn disagreeing_reports_stay_separate_edges() {
    let model = seed();
    // Whether talks resume on 28 May: Israeli sources expect it, a Hamas official denies it.
    let reports: Vec<_> = model
        .edges
        .iter()
        .filter(|edge| {
            edge.source == "hamas"
                && edge.target == "talks-resume-may-28"
                && edge.relation == Relation::Attends
        })
        .collect();
    let modalities: BTreeSet<Modality> = reports.iter().map(|edge| edge.modality).collect();
    assert_eq!(
        modalities,
        BTreeSet::from([Modality::Expected, Modality::Denied])
    );
    assert!(reports.iter().all(|edge| edge.attributed_to.is_some()));
    // Hostage figures: 121 in one article, "more than 100" in another.
    let hostage_reports: Vec<_> = model
        .edges
        .iter()
        .filter(|edge| edge.source == "israel" && edge.target == "hostage-release")
        .collect();
    assert_eq!(hostage_reports.len(), 2);
    let articles: BTreeSet<&str> = hostage_reports
        .iter()
        .map(|edge| edge.evidence[0].article_id.as_str())
        .collect();
    assert_eq!(articles.len(), 2);
}

#[test]
fn graph_lists_each_nodes_edges_and_sorted_neighbours() {
    let model = seed();
    let graph = NegotiationGraph::new(&model);
    assert_eq!(graph.node_count(), model.nodes.len());
    assert_eq!(graph.edge_count(), model.edges.len());
    for node in &model.nodes {
        let expected = model
            .edges
            .iter()
            .filter(|edge| edge.source == node.id || edge.target == node.id)
            .count();
        assert_eq!(graph.incident_edges(&model, &node.id).len(), expected);
    }
    let neighbours = graph.neighbors(&model, "qatar");
    let mut sorted = neighbours.clone();
    sorted.sort_unstable();
    assert_eq!(neighbours, sorted);
    assert!(neighbours.contains(&"al-thani") && neighbours.contains(&"mediators-proposal"));
    let expected_degree = model
        .edges
        .iter()
        .filter(|edge| edge.source == "qatar" || edge.target == "qatar")
        .count();
    assert_eq!(graph.degree(&model, "qatar"), Some(expected_degree));
    assert_eq!(graph.degree(&model, "nobody"), None);
}
