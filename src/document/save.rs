//! Saving a model in our format: article files stay files (copied beside the dataset
//! when saved elsewhere), everything is written atomically, and a file of the user's is
//! never overwritten unless it is the dataset being saved.

use std::path::{Path, PathBuf};

use crate::dataset::schema::RawDataset;
use crate::dataset::{ArticlePathError, ArticleStore, Problem, load_bytes, sha256_hex};
use crate::interchange::carry::to_raw_dataset;
use crate::model::Model;

/// Why a dataset could not be saved. Nothing was written, or only article files that
/// were missing.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    /// An article file of the same name, with other text, is already there.
    #[error(
        "{path} already exists with other text than article \"{article}\"; save into another folder"
    )]
    ArticleClash {
        /// The file.
        path: String,
        /// The article.
        article: String,
    },
    /// The dataset would not open again (it holds what a file cannot).
    #[error("the dataset would not open again: {}", .0.first().map(ToString::to_string).unwrap_or_default())]
    WouldNotReopen(Vec<Problem>),
    /// Writing failed.
    #[error("cannot write {path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The operating system's reason.
        source: std::io::Error,
    },
}

/// The model as a `backchannel/1` record: articles read from files keep their path and
/// hash, the others are written inline.
pub fn raw_dataset(model: &Model) -> RawDataset {
    let mut raw = to_raw_dataset(model);
    for (record, article) in raw.articles.iter_mut().zip(&model.articles) {
        if let Some(path) = &article.path {
            record.text = None;
            record.path = Some(path.clone());
            record.sha256 = Some(sha256_hex(article.text.as_str().as_bytes()));
        }
    }
    raw
}

/// The bytes of the dataset file.
pub fn dataset_bytes(model: &Model) -> Vec<u8> {
    let mut text = serde_json::to_string_pretty(&raw_dataset(model)).unwrap_or_default();
    text.push('\n');
    text.into_bytes()
}

/// The model's own article texts, by path, as a store: the saved file is checked against
/// them before anything is written.
struct ModelStore<'a>(&'a Model);

impl ArticleStore for ModelStore<'_> {
    fn read(&self, relative: &str) -> Result<Vec<u8>, ArticlePathError> {
        self.0
            .articles
            .iter()
            .find(|article| article.path.as_deref() == Some(relative))
            .map(|article| article.text.as_str().as_bytes().to_vec())
            .ok_or_else(|| ArticlePathError::Unreadable {
                path: relative.to_owned(),
                reason: "no article of the dataset has this path".to_owned(),
            })
    }
}

/// What a save wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Saved {
    /// The files written: article files the folder lacked, then the dataset.
    pub files: Vec<PathBuf>,
    /// The sha256 of the dataset file's bytes (what a journal is checked against).
    pub sha256: String,
}

/// Saves `model` to `out` in our format: checks that it opens again, writes the article
/// files `out`'s folder lacks, then the dataset, each atomically.
pub fn save_dataset(model: &Model, out: &Path) -> Result<Saved, SaveError> {
    let bytes = dataset_bytes(model);
    if let Err(error) = load_bytes(&out.display().to_string(), &bytes, &ModelStore(model)) {
        return Err(SaveError::WouldNotReopen(error.into_errors()));
    }
    let folder = out
        .parent()
        .filter(|parent| !parent.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let io = |path: &Path| {
        let path = path.display().to_string();
        move |source| SaveError::Io { path, source }
    };
    let mut missing = Vec::new();
    for article in &model.articles {
        let Some(relative) = &article.path else {
            continue;
        };
        let target = folder.join(relative);
        match std::fs::read(&target) {
            Ok(existing) if same_text(&existing, article.text.as_str()) => {}
            Ok(_) => {
                return Err(SaveError::ArticleClash {
                    path: target.display().to_string(),
                    article: article.id.clone(),
                });
            }
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
                missing.push((target, article.text.as_str().as_bytes()));
            }
            Err(error) => return Err(io(&target)(error)),
        }
    }
    let mut written = Vec::with_capacity(missing.len() + 1);
    for (target, text) in missing {
        crate::atomic::write_atomically(&target, text).map_err(io(&target))?;
        written.push(target);
    }
    crate::atomic::write_atomically(out, &bytes).map_err(io(out))?;
    written.push(out.to_path_buf());
    Ok(Saved {
        files: written,
        sha256: sha256_hex(&bytes),
    })
}

/// Whether a file holds this text (a leading byte-order mark, which the text drops, aside).
fn same_text(bytes: &[u8], text: &str) -> bool {
    bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes) == text.as_bytes()
}
