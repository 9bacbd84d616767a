//! Where article files come from: a folder on disk beside the dataset, or the texts
//! built into the binary. Paths never leave the dataset's folder.

use std::path::{Component, Path, PathBuf};

/// Why an article path was refused or could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ArticlePathError {
    /// The path is absolute.
    #[error("article path \"{0}\" is absolute; give it relative to the dataset's folder")]
    Absolute(String),
    /// The path climbs out with `..` or resolves (through a link) outside the folder.
    #[error("article path \"{0}\" leaves the dataset's folder")]
    Escapes(String),
    /// The file is missing or unreadable.
    #[error("article file \"{path}\" cannot be read: {reason}")]
    Unreadable {
        /// The path as written.
        path: String,
        /// The operating system's reason.
        reason: String,
    },
}

/// A source of article files, addressed by paths relative to the dataset's folder.
pub trait ArticleStore {
    /// The bytes of the file at `relative`.
    fn read(&self, relative: &str) -> Result<Vec<u8>, ArticlePathError>;
}

/// Article files in a folder on disk: the folder that holds the dataset file.
#[derive(Debug, Clone)]
pub struct FolderStore {
    folder: PathBuf,
}

impl FolderStore {
    /// Reads articles from `folder`.
    pub fn new(folder: impl Into<PathBuf>) -> Self {
        Self {
            folder: folder.into(),
        }
    }

    /// The folder of `dataset_file` (the current folder for a bare file name).
    pub fn beside(dataset_file: &Path) -> Self {
        let folder = dataset_file
            .parent()
            .filter(|parent| !parent.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        Self::new(folder)
    }
}

impl ArticleStore for FolderStore {
    fn read(&self, relative: &str) -> Result<Vec<u8>, ArticlePathError> {
        let path = checked_relative_path(relative)?;
        let unreadable = |error: std::io::Error| ArticlePathError::Unreadable {
            path: relative.to_owned(),
            reason: error.to_string(),
        };
        let full = self.folder.join(path);
        // Resolve links on both sides so that a link pointing out of the folder is refused.
        let folder = self.folder.canonicalize().map_err(unreadable)?;
        let resolved = full.canonicalize().map_err(unreadable)?;
        if !resolved.starts_with(&folder) {
            return Err(ArticlePathError::Escapes(relative.to_owned()));
        }
        std::fs::read(&resolved).map_err(unreadable)
    }
}

/// Article files compiled into the binary, by relative path.
#[derive(Debug, Clone, Copy)]
pub struct EmbeddedStore {
    files: &'static [(&'static str, &'static str)],
}

impl EmbeddedStore {
    /// A store over `(relative path, text)` pairs.
    pub const fn new(files: &'static [(&'static str, &'static str)]) -> Self {
        Self { files }
    }
}

impl ArticleStore for EmbeddedStore {
    fn read(&self, relative: &str) -> Result<Vec<u8>, ArticlePathError> {
        checked_relative_path(relative)?;
        self.files
            .iter()
            .find(|(path, _)| *path == relative)
            .map(|(_, text)| text.as_bytes().to_vec())
            .ok_or_else(|| ArticlePathError::Unreadable {
                path: relative.to_owned(),
                reason: "no such article is built in".to_owned(),
            })
    }
}

/// Refuses absolute paths and paths with `..`; returns the path otherwise.
fn checked_relative_path(relative: &str) -> Result<&Path, ArticlePathError> {
    let path = Path::new(relative);
    if relative.starts_with('/') || relative.starts_with('\\') || path.has_root() {
        return Err(ArticlePathError::Absolute(relative.to_owned()));
    }
    for component in path.components() {
        match component {
            Component::Normal(_) | Component::CurDir => {}
            Component::ParentDir => return Err(ArticlePathError::Escapes(relative.to_owned())),
            Component::RootDir | Component::Prefix(_) => {
                return Err(ArticlePathError::Absolute(relative.to_owned()));
            }
        }
    }
    if relative.trim().is_empty() {
        return Err(ArticlePathError::Unreadable {
            path: relative.to_owned(),
            reason: "the path is empty".to_owned(),
        });
    }
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_paths_that_leave_the_folder() {
        let store = FolderStore::new(".");
        assert_eq!(
            store.read("/etc/passwd"),
            Err(ArticlePathError::Absolute("/etc/passwd".into()))
        );
        assert_eq!(
            store.read("../secret.txt"),
            Err(ArticlePathError::Escapes("../secret.txt".into()))
        );
        assert_eq!(
            store.read("seeds/../../x"),
            Err(ArticlePathError::Escapes("seeds/../../x".into()))
        );
    }

    #[cfg(unix)]
    #[test]
    fn refuses_a_symbolic_link_out_of_the_folder() {
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(outside.path().join("secret.txt"), "secret").unwrap();
        let folder = tempfile::tempdir().unwrap();
        std::os::unix::fs::symlink(
            outside.path().join("secret.txt"),
            folder.path().join("article.txt"),
        )
        .unwrap();
        std::fs::write(folder.path().join("inside.txt"), "inside").unwrap();
        let store = FolderStore::new(folder.path());
        assert_eq!(
            store.read("article.txt"),
            Err(ArticlePathError::Escapes("article.txt".into()))
        );
        assert_eq!(store.read("inside.txt").unwrap(), b"inside");
        assert!(matches!(
            store.read("missing.txt"),
            Err(ArticlePathError::Unreadable { .. })
        ));
    }

    #[test]
    fn embedded_store_reads_by_path() {
        let store = EmbeddedStore::new(&[("a.txt", "alpha")]);
        assert_eq!(store.read("a.txt").unwrap(), b"alpha");
        assert!(store.read("b.txt").is_err());
    }
}
