//! Finding and reading plain-text articles: folders' .txt files, UTF-8 only, size-capped.

use std::path::PathBuf;

use super::SourceArticle;
use crate::dataset::max_file_bytes;

/// The .txt files `paths` name: files as given, folders' .txt files sorted by name.
pub fn article_files(paths: &[PathBuf]) -> std::io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for path in paths {
        if path.is_dir() {
            let mut inside: Vec<PathBuf> = std::fs::read_dir(path)?
                .filter_map(Result::ok)
                .map(|entry| entry.path())
                .filter(|file| {
                    file.is_file()
                        && file
                            .extension()
                            .is_some_and(|extension| extension.eq_ignore_ascii_case("txt"))
                })
                .collect();
            inside.sort();
            files.extend(inside);
        } else {
            files.push(path.clone());
        }
    }
    Ok(files)
}

/// Reads the articles at `files`, refusing what is too large or not UTF-8.
pub fn read_articles(files: &[PathBuf]) -> Result<Vec<SourceArticle>, String> {
    files
        .iter()
        .map(|file| {
            let name = file.display().to_string();
            let size = std::fs::metadata(file)
                .map_err(|error| format!("{name}: cannot read: {error}"))?
                .len();
            let limit = max_file_bytes();
            if size > limit {
                return Err(format!(
                    "{name}: {size} bytes is more than the {limit} read (BACKCHANNEL_MAX_FILE_BYTES)"
                ));
            }
            let bytes =
                std::fs::read(file).map_err(|error| format!("{name}: cannot read: {error}"))?;
            let text = String::from_utf8(bytes).map_err(|error| {
                format!(
                    "{name}: not UTF-8 text (invalid byte at offset {})",
                    error.utf8_error().valid_up_to()
                )
            })?;
            Ok(SourceArticle {
                name: file
                    .file_name()
                    .map_or_else(|| name.clone(), |n| n.to_string_lossy().into_owned()),
                text,
            })
        })
        .collect()
}
