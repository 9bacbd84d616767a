//! Editing in the window, as a researcher does it: evidence from a selection in the
//! reader, a relation from a quote, merge and undo, delete after a confirmation, Save
//! and Save As, the unsaved-changes question, the review queue from the keyboard, and
//! unsaved edits restored after a crash.

use crate::common;

use backchannel::document::dataset_bytes;
use backchannel::edit::EditOp;
use backchannel::ui::{AppOptions, Command, Selection, review_queue, select_in_reader};
use common::{harness, harness_with};
use egui::{Key, Modifiers};
use egui_kittest::kittest::{NodeT, Queryable};

/// Opens the form's list named `name` and picks `choice`, as a user does.
fn choose(
    harness: &mut egui_kittest::Harness<'static, backchannel::ui::BackchannelApp>,
    name: &str,
    choice: &str,
) {
    harness
        .get_all_by_label(name)
        .find(|node| node.accesskit_node().role() == egui::accesskit::Role::ComboBox)
        .unwrap_or_else(|| panic!("no list named {name}"))
        .click();
    harness.run_steps(2);
    // The open list is drawn last, over the panels that may show the same words.
    harness
        .get_all_by_label(choice)
        .last()
        .unwrap_or_else(|| panic!("no choice {choice}"))
        .scroll_to_me();
    harness.run_steps(2);
    harness.get_all_by_label(choice).last().unwrap().hover();
    harness.run_steps(1);
    harness.get_all_by_label(choice).last().unwrap().click();
    harness.run_steps(2);
}

/// In the open relation form: opposes, the withdrawal, Add.
fn fill_israel_opposes_withdrawal(
    harness: &mut egui_kittest::Harness<'static, backchannel::ui::BackchannelApp>,
) {
    choose(harness, "Relation", "opposes");
    choose(
        harness,
        "Target",
        "Full Israeli withdrawal from Gaza (israeli-withdrawal)",
    );
    harness.get_by_label("Add").click();
    harness.run_steps(3);
}

fn op(value: serde_json::Value) -> EditOp {
    serde_json::from_value(value).unwrap()
}

/// Selects node `node`, opens article `a000` in the reader and returns where `quote`
/// first occurs in it (nothing selected in the text yet).
fn read_a000(
    harness: &mut egui_kittest::Harness<'static, backchannel::ui::BackchannelApp>,
    node: &str,
    quote: &str,
) -> (usize, usize) {
    harness
        .state_mut()
        .apply_command(Command::SelectAndCentre(node.to_owned()));
    let found = harness
        .state()
        .model()
        .article("a000")
        .unwrap()
        .text
        .find_all(quote)[0];
    harness.state_mut().apply_command(Command::OpenReader {
        article_id: "a000".to_owned(),
        start: 0,
        end: 0,
    });
    harness.run_steps(2);
    found
}

#[test]
fn selected_text_in_the_reader_becomes_evidence_and_undo_takes_it_back() {
    let mut harness = harness();
    let quote = "Egyptian and Qatari mediators";
    let (start, end) = read_a000(&mut harness, "qatar", quote);
    assert!(
        harness
            .query_by_label_contains("Select text below")
            .is_some()
    );
    select_in_reader(&harness.ctx, start, end);
    harness.run_steps(2);
    assert!(
        harness
            .query_by_label_contains(&format!("Selected: “{quote}”"))
            .is_some()
    );
    let before = harness
        .state()
        .model()
        .node("qatar")
        .unwrap()
        .evidence
        .len();
    harness.get_by_label("Evidence for Qatar").click();
    harness.run_steps(2);
    let qatar = harness.state().model().node("qatar").unwrap();
    assert_eq!(qatar.evidence.len(), before + 1);
    let added = qatar.evidence.last().unwrap();
    assert_eq!(
        (added.article_id.as_str(), added.start, added.end),
        ("a000", start, end)
    );
    assert_eq!(added.quote, quote);
    assert!(!added.prefix.is_empty(), "context is computed");
    assert!(harness.state().document().doc.has_unsaved_edits());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run_steps(2);
    assert_eq!(
        harness
            .state()
            .model()
            .node("qatar")
            .unwrap()
            .evidence
            .len(),
        before
    );
}

#[test]
fn a_new_relation_is_made_from_a_quote_with_the_form() {
    let mut harness = harness();
    let quote = "withdrawal of Israeli forces from the territory";
    let (start, end) = read_a000(&mut harness, "israel", quote);
    select_in_reader(&harness.ctx, start, end);
    harness.run_steps(2);
    harness
        .get_by_label("New relation from this quote…")
        .click();
    harness.run_steps(2);
    let form = harness.state().edit_form().expect("the form is open");
    assert_eq!(form.source, "israel", "the selected node is the source");
    assert_eq!(form.evidence.as_ref().unwrap().quote, quote);
    // Choose the relation and the target as a user does, from the lists.
    fill_israel_opposes_withdrawal(&mut harness);
    assert!(
        harness.state().edit_form().is_none(),
        "the form closes once the relation is added"
    );
    let edge = harness
        .state()
        .model()
        .edge("israel-opposes-israeli-withdrawal")
        .expect("the relation is added");
    assert_eq!(
        (edge.source.as_str(), edge.target.as_str()),
        ("israel", "israeli-withdrawal")
    );
    assert_eq!(edge.evidence[0].start, start);
    assert_eq!(edge.audit.edits[0].operation, "add_edge");
    // The same relation again is refused, and the form says why.
    select_in_reader(&harness.ctx, start, end);
    harness.run_steps(2);
    harness
        .get_by_label("New relation from this quote…")
        .click();
    harness.run_steps(2);
    fill_israel_opposes_withdrawal(&mut harness);
    let error = harness
        .state()
        .edit_form()
        .and_then(|form| form.error.clone());
    assert!(error.unwrap().contains("already says this"));
}

#[test]
fn merging_two_nodes_and_undoing_splits_them_exactly() {
    let mut harness = harness();
    let before = dataset_bytes(harness.state().model());
    harness
        .state_mut()
        .apply_command(Command::SelectAndCentre("hamas".to_owned()));
    harness.run_steps(2);
    harness
        .get_by_label("Merge another node into this…")
        .click();
    harness.run_steps(2);
    assert!(
        harness.state().edit_form().is_some(),
        "the merge form is open"
    );
    // Typing narrows the list to the nodes whose name has the words.
    harness
        .get_all_by_label("Merge this node")
        .find(|node| node.accesskit_node().role() == egui::accesskit::Role::ComboBox)
        .unwrap()
        .click();
    harness.run_steps(2);
    assert!(harness.query_by_label("Qatar (qatar)").is_some());
    harness
        .get_all_by_role(egui::accesskit::Role::TextInput)
        .find(|field| field.is_focused())
        .expect("the list's filter has the keyboard as soon as it opens")
        .type_text("deleg");
    harness.run_steps(2);
    assert!(
        harness.query_by_label("Qatar (qatar)").is_none(),
        "filtered out"
    );
    assert!(
        harness
            .query_by_label("Hamas delegation (hamas-delegation)")
            .is_some()
    );
    harness.key_press(Key::Escape);
    harness.run_steps(2);

    choose(
        &mut harness,
        "Merge this node",
        "Hamas delegation (hamas-delegation)",
    );
    harness.get_by_label("Merge").click();
    harness.run_steps(3);
    let model = harness.state().model();
    assert!(
        model.node("hamas-delegation").is_none(),
        "{:?} {}",
        harness
            .state()
            .edit_form()
            .map(|form| (&form.merge_from, &form.error)),
        harness.state().status()
    );
    assert!(
        model
            .node("hamas")
            .unwrap()
            .aliases
            .contains(&"Hamas delegation".to_owned())
    );
    assert!(
        harness.state().status().contains("to itself"),
        "{}",
        harness.state().status()
    );
    assert_eq!(
        harness.state().selection(),
        Some(&Selection::Node("hamas".to_owned()))
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run_steps(2);
    assert_eq!(
        dataset_bytes(harness.state().model()),
        before,
        "undo splits them exactly"
    );
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    harness.run_steps(2);
    assert!(
        harness.state().model().node("hamas-delegation").is_none(),
        "redo merges again"
    );
}

#[test]
fn deleting_a_node_asks_first_and_says_how_many_relations_go() {
    let mut harness = harness();
    harness
        .state_mut()
        .apply_command(Command::SelectAndCentre("qatar".to_owned()));
    harness.run_steps(2);
    let relations = harness
        .state()
        .model()
        .edges
        .iter()
        .filter(|edge| edge.source == "qatar" || edge.target == "qatar")
        .count();
    harness.get_by_label("Delete node…").click();
    harness.run_steps(2);
    assert!(
        harness
            .query_by_label_contains(&format!(
                "Delete \"Qatar\" and its {relations} relation(s)?"
            ))
            .is_some()
    );
    harness.get_by_label("Cancel").click();
    harness.run_steps(2);
    assert!(
        harness.state().model().node("qatar").is_some(),
        "cancel keeps it"
    );
    harness.get_by_label("Delete node…").click();
    harness.run_steps(2);
    harness.get_by_label("Delete").click();
    harness.run_steps(3);
    assert!(harness.state().model().node("qatar").is_none());
    assert_eq!(
        harness.state().selection(),
        None,
        "the selection goes with it"
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run_steps(2);
    assert!(harness.state().model().node("qatar").is_some());
}

#[test]
fn save_as_then_save_writes_our_format_and_opens_again() {
    let folder = tempfile::tempdir().unwrap();
    let mut harness = harness();
    harness.state_mut().apply_command(Command::Edit(op(
        serde_json::json!({"op": "delete", "id": "qatar"}),
    )));
    assert!(harness.state().document().doc.title().starts_with("● "));
    let path = folder.path().join("mine.json");
    harness
        .state_mut()
        .apply_command(Command::SaveTo(path.clone()));
    harness.run_steps(2);
    assert!(!harness.state().document().doc.has_unsaved_edits());
    assert!(!harness.state().document().doc.title().starts_with("● "));
    let saved = backchannel::interchange::load_file(&path).unwrap();
    assert!(saved.model.node("qatar").is_none());
    harness.state_mut().apply_command(Command::Edit(op(
        serde_json::json!({"op": "delete", "id": "egypt"}),
    )));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run_steps(2);
    assert!(
        !harness.state().document().doc.has_unsaved_edits(),
        "Ctrl+S saved"
    );
    let saved = backchannel::interchange::load_file(&path).unwrap();
    assert!(
        saved.model.node("egypt").is_none(),
        "Save writes the file Save As chose"
    );
    assert!(harness.state().status().starts_with("Saved"));
}

#[test]
fn unsaved_edits_are_never_dropped_without_asking() {
    let mut harness = harness();
    harness.state_mut().apply_command(Command::Edit(op(
        serde_json::json!({"op": "delete", "id": "qatar"}),
    )));
    harness.state_mut().apply_command(Command::OpenSeed);
    harness.run_steps(2);
    assert!(harness.state().has_prompt());
    assert!(
        harness
            .query_by_label_contains("has edits that are not saved")
            .is_some()
    );
    harness.get_by_label("Cancel").click();
    harness.run_steps(2);
    assert!(
        harness.state().model().node("qatar").is_none(),
        "cancel keeps the edits"
    );
    harness.state_mut().apply_command(Command::Quit);
    harness.run_steps(2);
    assert!(harness.state().has_prompt());
    assert!(!harness.state().quit_requested());
    harness.get_by_label("Cancel").click();
    harness.run_steps(2);
    harness.state_mut().apply_command(Command::OpenSeed);
    harness.run_steps(2);
    harness.get_by_label("Discard").click();
    harness.run_steps(2);
    assert!(
        harness.state().model().node("qatar").is_some(),
        "the seed again, as built in"
    );
    assert!(!harness.state().has_prompt());
    harness.state_mut().apply_command(Command::Quit);
    harness.run_steps(1);
    assert!(
        harness.state().quit_requested(),
        "nothing unsaved: it closes at once"
    );
}

/// The seed with every relation marked as extracted (as `ingest` makes them), written
/// with its articles into `folder`.
fn extracted_dataset(folder: &std::path::Path) -> std::path::PathBuf {
    for entry in std::fs::read_dir("seeds").unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, folder.join(path.file_name().unwrap())).unwrap();
    }
    let path = folder.join("negotiations.json");
    let mut value: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    for (index, edge) in value["edges"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .enumerate()
    {
        // As ingest writes them: no audit record, so the evidence says who made them.
        if let Some(edge) = edge.as_object_mut() {
            edge.remove("audit");
        }
        for record in edge["evidence"].as_array_mut().unwrap() {
            record["extractor"] = "backchannel-ingest test".into();
            record["confidence"] = serde_json::json!(0.5 + (index % 5) as f64 / 10.0);
        }
    }
    std::fs::write(&path, serde_json::to_vec_pretty(&value).unwrap()).unwrap();
    path
}

#[test]
fn the_review_queue_is_driven_from_the_keyboard_lowest_confidence_first() {
    let folder = tempfile::tempdir().unwrap();
    let path = extracted_dataset(folder.path());
    let mut harness = harness_with(AppOptions {
        initial_file: Some(path),
        ..AppOptions::default()
    });
    let queue = review_queue(harness.state().model());
    let total = harness.state().model().edges.len();
    assert_eq!(queue.len(), total, "every relation was extracted");
    assert!(
        queue
            .windows(2)
            .all(|pair| pair[0].confidence <= pair[1].confidence)
    );
    harness.state_mut().apply_command(Command::OpenReview);
    harness.run_steps(3);
    assert!(
        harness
            .query_by_label_contains(&format!("{total} left to review"))
            .is_some()
    );
    let first = queue[0].id.clone();
    assert_eq!(
        harness.state().selection(),
        Some(&Selection::Edge(first.clone()))
    );
    harness.key_press(Key::A);
    harness.run_steps(3);
    let accepted = harness.state().model().edge(&first).unwrap();
    assert!(accepted.audit.reviewed);
    assert!(
        harness
            .query_by_label_contains(&format!("{} left to review", total - 1))
            .is_some()
    );
    let second = review_queue(harness.state().model())[0].id.clone();
    harness.key_press(Key::J);
    harness.run_steps(2);
    harness.key_press(Key::K);
    harness.run_steps(2);
    harness.key_press(Key::R);
    harness.run_steps(3);
    assert!(
        harness.state().model().edge(&second).is_none(),
        "rejected: removed"
    );
    assert!(
        harness
            .query_by_label_contains(&format!("{} left to review", total - 2))
            .is_some()
    );
    harness.key_press(Key::E);
    harness.run_steps(2);
    assert!(
        harness.state().edit_form().is_some(),
        "E opens the edit form"
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run_steps(2);
    assert!(
        harness.state().model().edge(&second).is_some(),
        "undo brings a rejected one back"
    );
}

#[test]
fn unsaved_edits_come_back_after_a_crash() {
    let sessions = tempfile::tempdir().unwrap();
    let options = || AppOptions {
        session_folder: Some(sessions.path().to_path_buf()),
        ..AppOptions::default()
    };
    {
        let mut harness = harness_with(options());
        for id in ["qatar", "egypt"] {
            harness.state_mut().apply_command(Command::Edit(op(
                serde_json::json!({"op": "delete", "id": id}),
            )));
        }
        harness.run_steps(2);
        // Dropped here without saving or quitting: as a killed process leaves it.
    }
    let mut harness = harness_with(options());
    assert!(harness.state().has_prompt());
    assert!(
        harness
            .query_by_label_contains("2 unsaved edit(s)")
            .is_some()
    );
    harness.get_by_label("Restore").click();
    harness.run_steps(3);
    let model = harness.state().model();
    assert!(
        model.node("qatar").is_none() && model.node("egypt").is_none(),
        "both edits are back"
    );
    assert!(harness.state().document().doc.has_unsaved_edits());
    drop(harness);

    // Discarding sets the journal aside: the next start asks nothing.
    let mut harness = harness_with(options());
    harness.get_by_label("Discard").click();
    harness.run_steps(2);
    assert!(harness.state().model().node("qatar").is_some());
    drop(harness);
    let harness = harness_with(options());
    assert!(!harness.state().has_prompt());
}

#[test]
fn an_article_added_in_the_window_can_be_quoted_and_travels_with_the_dataset() {
    let folder = tempfile::tempdir().unwrap();
    let article = folder.path().join("wire.txt");
    std::fs::write(
        &article,
        "Egypt said on Monday that talks would resume in Cairo.",
    )
    .unwrap();
    let mut harness = harness();
    harness.state_mut().apply_command(Command::OpenArticleForm);
    harness.run_steps(2);
    let field = |harness: &egui_kittest::Harness<'static, backchannel::ui::BackchannelApp>,
                 name: &str| {
        harness
            .get_all_by_label(name)
            .find(|node| node.accesskit_node().role() == egui::accesskit::Role::TextInput)
            .unwrap_or_else(|| panic!("no field {name}"))
            .focus();
    };
    for (name, text) in [
        ("File", article.display().to_string()),
        ("Title", "Talks to resume".to_owned()),
        ("Outlet", "Test wire".to_owned()),
        ("Published", "2024-05-27".to_owned()),
    ] {
        field(&harness, name);
        harness.run_steps(1);
        harness
            .get_all_by_label(name)
            .find(|node| node.accesskit_node().role() == egui::accesskit::Role::TextInput)
            .unwrap()
            .type_text(&text);
        harness.run_steps(1);
    }
    harness.get_by_label("Add article").click();
    harness.run_steps(2);
    let added = harness
        .state()
        .model()
        .article("a005")
        .expect("the article is added");
    assert_eq!(added.path.as_deref(), Some("wire.txt"));
    assert!(added.text.as_str().starts_with("Egypt said on Monday"));
    harness.state_mut().apply_command(Command::Edit(op(serde_json::json!(
        {"op": "add_evidence", "id": "egypt", "evidence": [{"article": "a005", "quote": "Egypt said on Monday"}]}
    ))));
    let out = folder.path().join("saved").join("mine.json");
    harness
        .state_mut()
        .apply_command(Command::SaveTo(out.clone()));
    assert_eq!(
        std::fs::read_to_string(folder.path().join("saved").join("wire.txt")).unwrap(),
        "Egypt said on Monday that talks would resume in Cairo."
    );
    let reopened = backchannel::interchange::load_file(&out).unwrap();
    assert!(reopened.warnings.is_empty(), "{:?}", reopened.warnings);
    assert_eq!(
        reopened
            .model
            .node("egypt")
            .unwrap()
            .evidence
            .last()
            .unwrap()
            .article_id,
        "a005"
    );
}

#[test]
fn the_fields_of_a_node_are_changed_through_its_form() {
    let mut harness = harness();
    harness
        .state_mut()
        .apply_command(Command::SelectAndCentre("qatar".to_owned()));
    harness.run_steps(2);
    harness.get_by_label("Edit fields…").click();
    harness.run_steps(2);
    let aliases = harness
        .get_all_by_label("Aliases")
        .find(|node| node.accesskit_node().role() == egui::accesskit::Role::TextInput)
        .expect("the aliases field");
    aliases.focus();
    harness.run_steps(1);
    harness
        .get_all_by_label("Aliases")
        .find(|node| node.accesskit_node().role() == egui::accesskit::Role::TextInput)
        .unwrap()
        .type_text("State of Qatar, Doha");
    harness.run_steps(1);
    harness.get_by_label("Apply").click();
    harness.run_steps(2);
    let qatar = harness.state().model().node("qatar").unwrap();
    assert_eq!(qatar.aliases, ["State of Qatar", "Doha"]);
    assert_eq!(qatar.label, "Qatar", "only what changed is set");
    let last = qatar.audit.edits.last().unwrap();
    assert_eq!(last.operation, "update");
}
