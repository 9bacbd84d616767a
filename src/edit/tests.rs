use std::path::Path;

use serde_json::json;

use super::*;
use crate::dataset::load_seed;
use crate::document::dataset_bytes;
use crate::model::{Model, Origin};

fn seed() -> Model {
    std::sync::Arc::unwrap_or_clone(load_seed().unwrap().model)
}

fn stamp() -> Stamp<'static> {
    Stamp {
        at: "2026-11-29T12:00:00Z".to_owned(),
        folder: Path::new("."),
    }
}

fn op(value: serde_json::Value) -> EditOp {
    serde_json::from_value(value).unwrap()
}

/// Applies `op`, checks that undo restores the model byte for byte and redo gives the
/// edited model again, and returns the change set (the model left edited).
fn apply_checked(model: &mut Model, value: serde_json::Value) -> ChangeSet {
    let before = dataset_bytes(model);
    let set = apply(model, &mut op(value), &stamp()).unwrap();
    let after = dataset_bytes(model);
    assert_ne!(before, after, "the operation changed something");
    set.undo(model);
    assert_eq!(
        dataset_bytes(model),
        before,
        "undo restores the model exactly"
    );
    set.redo(model);
    assert_eq!(
        dataset_bytes(model),
        after,
        "redo gives the edited model again"
    );
    set
}

fn refused(model: &mut Model, value: serde_json::Value) -> EditError {
    let before = dataset_bytes(model);
    let error = apply(model, &mut op(value), &stamp()).unwrap_err();
    assert_eq!(
        dataset_bytes(model),
        before,
        "a refused operation changes nothing"
    );
    error
}

#[test]
fn add_node_anchors_its_quote_and_undo_removes_it() {
    let mut model = seed();
    apply_checked(
        &mut model,
        json!({"op": "add_node", "id": "prisoners", "kind": "demand",
               "label": "Release of Palestinian prisoners",
               "evidence": [{"article": "a002", "quote": "a number of Palestinian prisoners"}]}),
    );
    let node = model.node("prisoners").unwrap();
    let record = &node.evidence[0];
    let text = &model.article("a002").unwrap().text;
    assert_eq!(
        text.slice(record.start, record.end),
        Some("a number of Palestinian prisoners")
    );
    assert!(!record.prefix.is_empty() && !record.suffix.is_empty());
    assert_eq!(node.audit.origin, Origin::Curated);
    assert_eq!(node.audit.edits[0].operation, "add_node");
    assert_eq!(node.audit.edits[0].at, "2026-11-29T12:00:00Z");
}

#[test]
fn add_node_without_id_takes_one_from_its_label() {
    let mut model = seed();
    apply_checked(
        &mut model,
        json!({"op": "add_node", "kind": "actor", "label": "Hamas",
               "evidence": [{"article": "a002", "quote": "A Hamas delegation", "occurrence": 1}]}),
    );
    assert!(
        model.node("hamas-2").is_some(),
        "hamas is taken, so hamas-2"
    );
}

#[test]
fn typed_elements_need_evidence_and_a_known_vocabulary() {
    let mut model = seed();
    let error = refused(
        &mut model,
        json!({"op": "add_node", "id": "x", "kind": "actor", "label": "X"}),
    );
    assert!(error.to_string().contains("no evidence"), "{error}");
    let error = refused(
        &mut model,
        json!({"op": "add_node", "id": "x", "kind": "villain", "label": "X",
               "evidence": [{"article": "a002", "quote": "prisoners", "occurrence": 1}]}),
    );
    assert!(
        error.to_string().contains("unknown kind \"villain\""),
        "{error}"
    );
    let error = refused(
        &mut model,
        json!({"op": "add_edge", "source": "hamas", "relation": "hates", "target": "israel",
               "evidence": [{"article": "a002", "quote": "Hamas", "occurrence": 1}]}),
    );
    assert!(
        error.to_string().contains("unknown relation \"hates\""),
        "{error}"
    );
    let error = refused(
        &mut model,
        json!({"op": "add_edge", "source": "hamas", "relation": "demands", "target": "nobody",
               "evidence": [{"article": "a002", "quote": "Hamas", "occurrence": 1}]}),
    );
    assert_eq!(error, EditError::UnknownNode("nobody".to_owned()));
    let error = refused(
        &mut model,
        json!({"op": "add_edge", "source": "hamas", "relation": "demands", "target": "permanent-ceasefire",
               "evidence": [{"article": "a002", "quote": "Hamas", "occurrence": 1}]}),
    );
    assert_eq!(
        error,
        EditError::SameRelation("hamas--demands--permanent-ceasefire".to_owned())
    );
    let error = refused(
        &mut model,
        json!({"op": "add_node", "id": "hamas", "kind": "actor", "label": "Hamas again",
               "evidence": [{"article": "a002", "quote": "Hamas", "occurrence": 1}]}),
    );
    assert_eq!(error, EditError::TakenId("hamas".to_owned()));
}

#[test]
fn quotes_must_be_in_the_article_and_say_which_occurrence() {
    let mut model = seed();
    let add = |quote: &str, occurrence: Option<usize>| {
        let mut evidence = json!({"article": "a002", "quote": quote});
        if let Some(occurrence) = occurrence {
            evidence["occurrence"] = json!(occurrence);
        }
        json!({"op": "add_edge", "source": "hamas", "relation": "demands",
               "target": "hostage-release", "evidence": [evidence]})
    };
    let error = refused(&mut model, add("words no article has", None));
    assert!(matches!(error, EditError::QuoteNotFound { .. }), "{error}");
    let count = model.article("a002").unwrap().text.find_all("Hamas").len();
    assert!(count > 1);
    let error = refused(&mut model, add("Hamas", None));
    assert_eq!(
        error.to_string(),
        format!(
            "the quote \"Hamas\" occurs {count} times in article \"a002\"; say which with \"occurrence\" (1 to {count})"
        )
    );
    let error = refused(&mut model, add("Hamas", Some(count + 1)));
    assert!(
        matches!(error, EditError::NoSuchOccurrence { .. }),
        "{error}"
    );
    let error = refused(&mut model, add("Hamas", Some(0)));
    assert!(
        matches!(error, EditError::NoSuchOccurrence { .. }),
        "{error}"
    );
    apply_checked(&mut model, add("Hamas", Some(2)));
    let edge = model.edge("hamas-demands-hostage-release").unwrap();
    let second = model.article("a002").unwrap().text.find_all("Hamas")[1];
    assert_eq!((edge.evidence[0].start, edge.evidence[0].end), second);
    assert_eq!(edge.modality.as_str(), "asserted");
}

#[test]
fn evidence_is_added_once_and_removed_while_some_is_left() {
    let mut model = seed();
    let before = model.node("qatar").unwrap().evidence.len();
    let spec = json!({"article": "a000", "quote": "Qatar", "occurrence": 1});
    apply_checked(
        &mut model,
        json!({"op": "add_evidence", "id": "qatar", "evidence": [spec.clone()]}),
    );
    assert_eq!(model.node("qatar").unwrap().evidence.len(), before + 1);
    let error = refused(
        &mut model,
        json!({"op": "add_evidence", "id": "qatar", "evidence": [spec]}),
    );
    assert!(
        matches!(error, EditError::DuplicateEvidence { .. }),
        "{error}"
    );
    apply_checked(
        &mut model,
        json!({"op": "remove_evidence", "id": "qatar", "index": 0}),
    );
    assert_eq!(model.node("qatar").unwrap().evidence.len(), before);
    let error = refused(
        &mut model,
        json!({"op": "remove_evidence", "id": "qatar", "index": 99}),
    );
    assert!(matches!(error, EditError::NoSuchEvidence { .. }), "{error}");
    // Removing every record would leave a typed node unsupported.
    let mut error = None;
    for _ in 0..=before {
        match apply(
            &mut model,
            &mut op(json!({"op": "remove_evidence", "id": "qatar", "index": 0})),
            &stamp(),
        ) {
            Ok(_) => {}
            Err(refusal) => {
                error = Some(refusal);
                break;
            }
        }
    }
    assert!(error.unwrap().to_string().contains("no evidence"));
    assert_eq!(
        model.node("qatar").unwrap().evidence.len(),
        1,
        "the last record stays"
    );
}

#[test]
fn update_sets_clears_and_checks_fields() {
    let mut model = seed();
    apply_checked(
        &mut model,
        json!({"op": "update", "id": "hamas", "set": {"aliases": ["the movement"], "label": "Hamas movement"},
               "note": "as the Reuters piece names it"}),
    );
    let hamas = model.node("hamas").unwrap();
    assert_eq!(hamas.aliases, ["the movement"]);
    assert_eq!(hamas.label, "Hamas movement");
    let last = hamas.audit.edits.last().unwrap();
    assert_eq!(
        (last.operation.as_str(), last.note.as_deref()),
        ("update", Some("as the Reuters piece names it"))
    );
    apply_checked(
        &mut model,
        json!({"op": "update", "id": "hamas-delegation", "set": {"affiliation": null}}),
    );
    assert_eq!(model.node("hamas-delegation").unwrap().affiliation, None);
    let edge_id = "hamas--demands--permanent-ceasefire";
    apply_checked(
        &mut model,
        json!({"op": "update", "id": edge_id, "set": {"modality": "denied", "attributed_to": "Netanyahu"}}),
    );
    let edge = model.edge(edge_id).unwrap();
    assert_eq!(
        (edge.modality.as_str(), edge.attributed_to.as_deref()),
        ("denied", Some("Netanyahu"))
    );
    let error = refused(
        &mut model,
        json!({"op": "update", "id": "hamas", "set": {"kind": "villain"}}),
    );
    assert!(error.to_string().contains("unknown kind"), "{error}");
    let error = refused(
        &mut model,
        json!({"op": "update", "id": "hamas", "set": {"id": "h"}}),
    );
    assert!(
        matches!(error, EditError::FieldNotSettable { .. }),
        "{error}"
    );
    let error = refused(
        &mut model,
        json!({"op": "update", "id": "hamas", "set": {"aliases": "one"}}),
    );
    assert!(error.to_string().contains("aliases"), "{error}");
    let error = refused(
        &mut model,
        json!({"op": "update", "id": "hamas", "set": {"affiliation": "nobody"}}),
    );
    assert!(error.to_string().contains("no node has that id"), "{error}");
    let error = refused(
        &mut model,
        json!({"op": "update", "id": "ghost", "set": {"label": "G"}}),
    );
    assert_eq!(error, EditError::UnknownId("ghost".to_owned()));
}

#[test]
fn merge_repoints_joins_and_drops_self_relations_and_undo_splits_exactly() {
    let mut model = seed();
    let delegation = model.node("hamas-delegation").unwrap().clone();
    let set = apply_checked(
        &mut model,
        json!({"op": "merge", "into": "hamas", "from": ["hamas-delegation"]}),
    );
    assert!(model.node("hamas-delegation").is_none());
    let hamas = model.node("hamas").unwrap();
    assert!(hamas.aliases.contains(&"Hamas delegation".to_owned()));
    for record in &delegation.evidence {
        assert!(
            hamas
                .evidence
                .iter()
                .any(|kept| kept.start == record.start && kept.article_id == record.article_id)
        );
    }
    assert!(
        model
            .edges
            .iter()
            .all(|edge| edge.source != "hamas-delegation" && edge.target != "hamas-delegation")
    );
    assert!(
        model.edge("hamas-delegation--member_of--hamas").is_none(),
        "the self-relation is dropped"
    );
    assert!(
        set.notes
            .iter()
            .any(|note| note.contains("hamas-delegation member of hamas")),
        "{:?}",
        set.notes
    );
    // The delegation's demand became the movement's, joined with its evidence.
    assert!(
        model
            .edge("hamas-delegation--demands--permanent-ceasefire")
            .is_none()
    );
    let demand = model.edge("hamas--demands--permanent-ceasefire").unwrap();
    assert!(demand.evidence.len() >= 2);
    assert!(
        set.notes.iter().any(|note| note.contains("joined")),
        "{:?}",
        set.notes
    );
    let leads = model
        .edge("khalil-al-hayya--leads--hamas-delegation")
        .unwrap();
    assert_eq!(leads.target, "hamas");
    let error = refused(
        &mut model,
        json!({"op": "merge", "into": "hamas", "from": ["hamas"]}),
    );
    assert!(matches!(error, EditError::BadMerge(_)), "{error}");
    let error = refused(
        &mut model,
        json!({"op": "merge", "into": "hamas", "from": ["ghost"]}),
    );
    assert_eq!(error, EditError::UnknownNode("ghost".to_owned()));
}

#[test]
fn delete_takes_a_nodes_relations_and_affiliations_and_undo_brings_them_back() {
    let mut model = seed();
    let (relations, affiliated) = deletion_reach(&model, "hamas");
    assert!(relations > 10 && affiliated > 0, "{relations} {affiliated}");
    let edges_before = model.edges.len();
    apply_checked(&mut model, json!({"op": "delete", "id": "hamas"}));
    assert!(model.node("hamas").is_none());
    assert_eq!(model.edges.len(), edges_before - relations);
    assert!(
        model
            .nodes
            .iter()
            .all(|node| node.affiliation.as_deref() != Some("hamas"))
    );
    apply_checked(
        &mut model,
        json!({"op": "delete", "id": "netanyahu--leads--israeli-government"}),
    );
    assert!(model.edge("netanyahu--leads--israeli-government").is_none());
    assert!(matches!(
        refused(&mut model, json!({"op": "delete", "id": "hamas"})),
        EditError::UnknownId(_)
    ));
}

/// The seed with one extracted relation, as `ingest` makes them.
fn with_extracted(model: &mut Model) -> String {
    let id = "hamas--rejects--temporary-ceasefire";
    let at = model.edge_position(id).unwrap();
    let edge = &mut model.edges[at];
    for record in &mut edge.evidence {
        record.extractor = Some("backchannel-ingest test".to_owned());
        record.confidence = Some(0.4);
    }
    edge.audit = crate::model::Audit::implied(&edge.evidence);
    id.to_owned()
}

#[test]
fn review_accepts_or_rejects_only_extracted_elements() {
    let mut model = seed();
    let id = with_extracted(&mut model);
    assert!(model.edge(&id).unwrap().audit.awaits_review());
    apply_checked(
        &mut model,
        json!({"op": "review", "id": id, "verdict": "accept"}),
    );
    let edge = model.edge(&id).unwrap();
    assert!(edge.audit.reviewed && edge.evidence.iter().all(|record| record.reviewed));
    assert_eq!(edge.audit.origin, Origin::Extracted);
    apply_checked(
        &mut model,
        json!({"op": "review", "id": id, "verdict": "reject"}),
    );
    assert!(model.edge(&id).is_none());
    let error = refused(
        &mut model,
        json!({"op": "review", "id": "hamas", "verdict": "accept"}),
    );
    assert_eq!(error, EditError::NotExtracted("hamas".to_owned()));
}

#[test]
fn a_list_applies_all_or_nothing_and_names_the_refused_operation() {
    let mut model = seed();
    let before = dataset_bytes(&model);
    let mut ops = parse_ops(
        r#"[{"op": "update", "id": "hamas", "set": {"label": "H"}},
            {"op": "delete", "id": "qatar"},
            {"op": "add_edge", "source": "hamas", "relation": "demands", "target": "qatar",
             "evidence": [{"article": "a002", "quote": "Hamas", "occurrence": 1}]}]"#,
    )
    .unwrap();
    let error = apply_all(&mut model, &mut ops, &stamp()).unwrap_err();
    assert_eq!(error.number, 3);
    assert_eq!(
        error.to_string(),
        "operation 3 (add_edge): no node has id \"qatar\""
    );
    assert_eq!(dataset_bytes(&model), before, "the first two are undone");
}

#[test]
fn unreadable_operations_are_named_by_number_and_field() {
    let error = parse_ops(r#"{"op": "delete"}"#).unwrap_err();
    assert!(error.to_string().contains("not a JSON array"), "{error}");
    let error =
        parse_ops(r#"[{"op": "delete", "id": "a"}, {"op": "add_edge", "source": 3}]"#).unwrap_err();
    assert_eq!(error.number, 2);
    assert!(
        error.to_string().starts_with("operation 2 (add_edge): "),
        "{error}"
    );
    let error = parse_ops(r#"[{"op": "explode", "id": "a"}]"#).unwrap_err();
    assert!(
        error.to_string().contains("unknown operation \"explode\""),
        "{error}"
    );
    let error = parse_ops(r#"[{"op": "delete", "id": "a", "colour": "red"}]"#).unwrap_err();
    assert!(error.to_string().contains("colour"), "{error}");
    let error = parse_ops(r#"[{"op": "add_node", "kind": "actor", "label": "X", "evidence": [{"article": "a", "quote": "q", "offset": 3}]}]"#).unwrap_err();
    assert!(error.to_string().contains("offset"), "{error}");
}

#[test]
fn the_audit_trail_survives_saving_and_opening_again() {
    let mut model = seed();
    let id = with_extracted(&mut model);
    let mut ops = vec![
        op(json!({"op": "review", "id": id, "verdict": "accept", "note": "checked against AP"})),
        op(json!({"op": "update", "id": "qatar", "set": {"note": "emir's office"}})),
    ];
    apply_all(&mut model, &mut ops, &stamp()).unwrap();
    let bytes = dataset_bytes(&model);
    let folder = tempfile::tempdir().unwrap();
    for article in &model.articles {
        std::fs::write(
            folder.path().join(article.path.as_ref().unwrap()),
            article.text.as_str(),
        )
        .unwrap();
    }
    let path = folder.path().join("saved.json");
    std::fs::write(&path, &bytes).unwrap();
    let reopened = crate::interchange::load_file(&path).unwrap().model;
    let edge = reopened.edge(&id).unwrap();
    assert!(edge.audit.reviewed && edge.audit.origin == Origin::Extracted);
    assert_eq!(
        edge.audit.edits[0].note.as_deref(),
        Some("checked against AP")
    );
    assert!(edge.evidence.iter().all(|record| record.reviewed));
    assert_eq!(
        reopened.node("qatar").unwrap().audit.edits[0].operation,
        "update"
    );
    assert_eq!(
        dataset_bytes(&reopened),
        bytes,
        "nothing is lost on the way"
    );
}

#[test]
fn an_added_article_is_read_once_and_can_be_quoted() {
    let folder = tempfile::tempdir().unwrap();
    std::fs::write(
        folder.path().join("new-article.txt"),
        "Egypt said on Monday that talks would resume in Cairo.",
    )
    .unwrap();
    let mut model = seed();
    let stamp = Stamp {
        at: "2026-11-29T12:00:00Z".to_owned(),
        folder: folder.path(),
    };
    let mut ops = vec![
        op(
            json!({"op": "add_article", "id": "a005", "path": "new-article.txt", "title": "Talks to resume",
                  "outlet": "Test", "published": "2024-05"}),
        ),
        op(
            json!({"op": "add_evidence", "id": "egypt", "evidence": [{"article": "a005", "quote": "Egypt said on Monday"}]}),
        ),
    ];
    let sets = apply_all(&mut model, &mut ops, &stamp).unwrap();
    let EditOp::AddArticle(added) = &ops[0] else {
        unreachable!()
    };
    assert!(
        added.text.as_deref().unwrap().starts_with("Egypt said"),
        "the op keeps the text for the journal"
    );
    assert_eq!(
        model.article("a005").unwrap().path.as_deref(),
        Some("new-article.txt")
    );
    let out = folder.path().join("out").join("edited.json");
    crate::document::save_dataset(&model, &out).unwrap();
    assert!(
        folder.path().join("out").join("new-article.txt").exists(),
        "the article travels with the dataset"
    );
    assert!(
        folder
            .path()
            .join("out")
            .join("000_4f34b04a299b5df1.txt")
            .exists()
    );
    let reopened = crate::interchange::load_file(&out).unwrap();
    assert!(reopened.warnings.is_empty(), "{:?}", reopened.warnings);
    assert_eq!(reopened.model.articles.len(), 6);
    for set in sets.iter().rev() {
        set.undo(&mut model);
    }
    assert!(model.article("a005").is_none());
    let mut bad = op(
        json!({"op": "add_article", "id": "a006", "path": "missing.txt", "title": "T", "outlet": "O", "published": "2024"}),
    );
    assert!(matches!(
        apply(&mut model, &mut bad, &stamp),
        Err(EditError::ArticleFile { .. })
    ));
}
