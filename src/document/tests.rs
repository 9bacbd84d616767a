use std::path::{Path, PathBuf};

use serde_json::json;

use super::*;
use crate::edit::EditOp;
use crate::view::colouring::ColourBy;

fn op(value: serde_json::Value) -> EditOp {
    serde_json::from_value(value).unwrap()
}

/// The seed dataset copied into a folder, opened as a file of ours, journals kept in
/// `journals`.
fn open_copy(folder: &Path, journals: &Path) -> Document {
    for entry in std::fs::read_dir("seeds").unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, folder.join(path.file_name().unwrap())).unwrap();
    }
    reopen(&folder.join("negotiations.json"), journals)
}

fn reopen(path: &Path, journals: &Path) -> Document {
    let (loaded, source, sha) = open_file(path).unwrap();
    let mut document = Document::new(loaded, source, sha, ColourBy::Kind);
    document.keep_journal_in(Some(journals.to_path_buf()));
    document
}

/// The built-in seed, open as the app opens it.
fn seed_document() -> Document {
    let loaded = crate::dataset::load_seed().unwrap();
    Document::new(
        loaded,
        Source::Seed,
        Document::seed_sha256(),
        ColourBy::Kind,
    )
}

fn view(nodes: usize) -> ViewSnapshot {
    ViewSnapshot {
        filter: ViewFilter::default(),
        layout: LayoutKind::default(),
        size_by: None,
        positions: vec![[0.0, 0.0]; nodes],
        pinned: vec![false; nodes],
    }
}

#[test]
fn one_history_undoes_view_actions_and_edits_in_order_and_tracks_unsaved_edits() {
    let folder = tempfile::tempdir().unwrap();
    let journals = tempfile::tempdir().unwrap();
    let mut document = open_copy(folder.path(), journals.path());
    assert!(matches!(document.source, Source::Dataset(_)));
    assert!(!document.has_unsaved_edits());
    let nodes = document.loaded.model.nodes.len();
    document.record_view(view(nodes));
    document
        .edit(
            op(json!({"op": "update", "id": "qatar", "set": {"label": "State of Qatar"}})),
            None,
        )
        .unwrap();
    assert!(document.has_unsaved_edits());
    assert_eq!(document.undo_label().as_deref(), Some("update"));
    assert!(matches!(
        document.undo(|| view(nodes)),
        Some(Reverted::Edit { .. })
    ));
    assert_eq!(document.loaded.model.node("qatar").unwrap().label, "Qatar");
    assert!(!document.has_unsaved_edits(), "undone back to the file");
    assert!(matches!(
        document.undo(|| view(nodes)),
        Some(Reverted::View(_))
    ));
    assert!(document.undo(|| view(nodes)).is_none());
    assert!(matches!(
        document.redo(|| view(nodes)),
        Some(Reverted::View(_))
    ));
    assert!(matches!(
        document.redo(|| view(nodes)),
        Some(Reverted::Edit { .. })
    ));
    assert_eq!(
        document.loaded.model.node("qatar").unwrap().label,
        "State of Qatar"
    );
    assert!(document.has_unsaved_edits());
    let refused = document.edit(op(json!({"op": "delete", "id": "ghost"})), None);
    assert!(refused.is_err());
    assert_eq!(
        document.undo_label().as_deref(),
        Some("update"),
        "a refused edit is not recorded"
    );
}

#[test]
fn save_writes_the_file_it_came_from_and_the_journal_goes() {
    let folder = tempfile::tempdir().unwrap();
    let journals = tempfile::tempdir().unwrap();
    let mut document = open_copy(folder.path(), journals.path());
    document
        .edit(op(json!({"op": "delete", "id": "qatar"})), None)
        .unwrap();
    let journal = document.journal_file().unwrap();
    assert!(journal.exists(), "the edit is journaled as it is made");
    let saved = document.save().unwrap().unwrap();
    assert_eq!(saved, folder.path().join("negotiations.json"));
    assert!(!document.has_unsaved_edits());
    assert!(!journal.exists(), "saved edits need no journal");
    let reopened = reopen(&saved, journals.path());
    assert!(reopened.loaded.model.node("qatar").is_none());
    assert!(
        reopened.loaded.warnings.is_empty(),
        "{:?}",
        reopened.loaded.warnings
    );
    assert!(reopened.pending_journal().unwrap().is_none());
}

#[test]
fn a_foreign_file_is_saved_in_our_format_elsewhere_and_never_overwritten() {
    let folder = tempfile::tempdir().unwrap();
    let gexf = folder.path().join("graph.gexf");
    std::fs::copy("tests/fixtures/graphs/Les_Miserables.gexf", &gexf).unwrap();
    let before = std::fs::read(&gexf).unwrap();
    let (loaded, source, sha) = open_file(&gexf).unwrap();
    assert_eq!(source, Source::Foreign(gexf.clone()));
    let mut document = Document::new(loaded, source, sha, ColourBy::Kind);
    assert!(document.save().is_none(), "Save asks where");
    assert!(document.save_as(&gexf).is_err());
    assert_eq!(std::fs::read(&gexf).unwrap(), before);
    let out = folder.path().join("graph.json");
    document.save_as(&out).unwrap();
    assert_eq!(document.source, Source::Dataset(out.clone()));
    assert!(crate::interchange::load_file(&out).is_ok());
}

#[test]
fn the_journal_restores_edits_after_a_crash_and_only_onto_the_same_file() {
    let folder = tempfile::tempdir().unwrap();
    let journals = tempfile::tempdir().unwrap();
    let path = folder.path().join("negotiations.json");
    let expected = {
        let mut document = open_copy(folder.path(), journals.path());
        document
            .edit(op(json!({"op": "delete", "id": "qatar"})), None)
            .unwrap();
        document
            .edit(
                op(json!({"op": "update", "id": "hamas", "set": {"aliases": ["the movement"]}})),
                None,
            )
            .unwrap();
        document
            .edit(op(json!({"op": "delete", "id": "egypt"})), None)
            .unwrap();
        document.undo(|| view(0));
        dataset_bytes(&document.loaded.model)
        // Dropped without saving: as a crash leaves it.
    };
    let mut restarted = reopen(&path, journals.path());
    let pending = restarted
        .pending_journal()
        .unwrap()
        .expect("edits to restore");
    assert_eq!(pending.edits.len(), 2, "the undone edit is not restored");
    assert_eq!(restarted.restore(&pending), Ok(2));
    assert_eq!(
        dataset_bytes(&restarted.loaded.model),
        expected,
        "the same edits, the same times"
    );
    assert!(restarted.has_unsaved_edits());

    // A last line cut short by the crash is left out.
    let journal = restarted.journal_file().unwrap();
    let mut text = std::fs::read_to_string(&journal).unwrap();
    text.push_str(r#"{"entry":"do","at":"2026-"#);
    std::fs::write(&journal, text).unwrap();
    assert_eq!(
        reopen(&path, journals.path())
            .pending_journal()
            .unwrap()
            .unwrap()
            .edits
            .len(),
        2
    );

    // The file changed on disk since: the journal is refused, not applied.
    let mut changed = std::fs::read_to_string(&path).unwrap();
    changed = changed.replacen("\"title\": \"", "\"title\": \"Edited elsewhere: ", 1);
    std::fs::write(&path, changed).unwrap();
    let other = reopen(&path, journals.path());
    let error = other.pending_journal().unwrap_err();
    assert!(error.to_string().contains("changed on disk"), "{error}");
    let aside = other.set_journal_aside(&journal).unwrap();
    assert!(
        aside.exists() && !journal.exists(),
        "set aside, never deleted"
    );
}

#[test]
fn the_seed_is_saved_through_save_as_with_its_articles() {
    let folder = tempfile::tempdir().unwrap();
    let mut document = seed_document();
    document
        .edit(op(json!({"op": "delete", "id": "qatar"})), None)
        .unwrap();
    assert!(document.title().starts_with("● "), "{}", document.title());
    assert!(document.save().is_none());
    let out: PathBuf = folder.path().join("mine.json");
    document.save_as(&out).unwrap();
    assert!(!document.title().starts_with("● "));
    assert!(folder.path().join("000_4f34b04a299b5df1.txt").exists());
    let reopened = crate::interchange::load_file(&out).unwrap();
    assert!(reopened.warnings.is_empty(), "{:?}", reopened.warnings);
}

#[test]
fn an_edit_says_so_when_its_journal_cannot_be_written() {
    let folder = tempfile::tempdir().unwrap();
    let not_a_folder = folder.path().join("journals");
    std::fs::write(&not_a_folder, "a file where the journal folder should be").unwrap();
    let mut document = seed_document();
    document.keep_journal_in(Some(not_a_folder));
    let notes = document
        .edit(op(json!({"op": "delete", "id": "qatar"})), None)
        .unwrap();
    assert!(
        notes
            .iter()
            .any(|note| note.contains("not safe from a crash until you save")),
        "{notes:?}"
    );
    assert!(
        document.loaded.model.node("qatar").is_none(),
        "the edit itself is made"
    );
}

/// A worker that reads the model (a figure being built) keeps the model as it was when
/// it started; an edit meanwhile changes the document's own copy, and undo restores it.
#[test]
fn an_edit_while_a_worker_reads_the_model_leaves_the_worker_its_model() {
    let mut document = seed_document();
    let held = std::sync::Arc::clone(&document.loaded.model);
    document
        .edit(op(json!({"op": "delete", "id": "qatar"})), None)
        .unwrap();
    assert!(
        held.node("qatar").is_some(),
        "the worker's model changed under it"
    );
    assert!(document.loaded.model.node("qatar").is_none());
    assert!(!std::sync::Arc::ptr_eq(&held, &document.loaded.model));
    let nodes = document.loaded.model.nodes.len();
    assert!(document.undo(|| view(nodes)).is_some());
    assert!(document.loaded.model.node("qatar").is_some());
    assert_eq!(held.nodes.len(), document.loaded.model.nodes.len());
}
