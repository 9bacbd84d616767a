//! File > Recent: the datasets opened lately, kept in a small JSON file (`stored`).

use std::path::{Path, PathBuf};

/// How many recent files are remembered.
pub const MAX_RECENT: usize = 10;

/// The recently opened dataset files, newest first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RecentFiles {
    paths: Vec<PathBuf>,
    /// Where the list is kept; `None` keeps it in memory only.
    store: Option<PathBuf>,
}

impl RecentFiles {
    /// The list kept at `store` (read now, if it exists and parses; otherwise empty).
    pub fn load(store: Option<PathBuf>) -> Self {
        let paths = super::stored::load::<Vec<PathBuf>>(store.as_deref())
            .unwrap_or_default()
            .into_iter()
            .take(MAX_RECENT)
            .collect();
        Self { paths, store }
    }

    /// The default place for the list: `recent.json` in the user's config folder.
    pub fn default_store() -> Option<PathBuf> {
        super::stored::config_file("recent.json")
    }

    /// Newest first.
    pub fn paths(&self) -> &[PathBuf] {
        &self.paths
    }

    /// Puts `path` first (absolute when it can be made so), keeps at most [`MAX_RECENT`],
    /// and saves the list. A failure to save is returned, and the list in memory is
    /// still updated.
    pub fn push(&mut self, path: &Path) -> std::io::Result<()> {
        let path = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        self.paths.retain(|known| known != &path);
        self.paths.insert(0, path);
        self.paths.truncate(MAX_RECENT);
        self.save()
    }

    fn save(&self) -> std::io::Result<()> {
        super::stored::save(self.store.as_deref(), &self.paths)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn newest_first_without_repeats_and_persisted() {
        let folder = tempfile::tempdir().unwrap();
        let store = folder.path().join("config").join("recent.json");
        let mut recent = RecentFiles::load(Some(store.clone()));
        assert!(recent.paths().is_empty());
        let a = folder.path().join("a.json");
        let b = folder.path().join("b.json");
        recent.push(&a).unwrap();
        recent.push(&b).unwrap();
        recent.push(&a).unwrap();
        assert_eq!(recent.paths(), [a.clone(), b.clone()]);
        let reloaded = RecentFiles::load(Some(store));
        assert_eq!(reloaded.paths(), [a, b]);
    }

    #[test]
    fn keeps_at_most_the_limit() {
        let mut recent = RecentFiles::load(None);
        for index in 0..(MAX_RECENT + 5) {
            recent
                .push(Path::new(&format!("/data/{index}.json")))
                .unwrap();
        }
        assert_eq!(recent.paths().len(), MAX_RECENT);
        assert_eq!(
            recent.paths()[0],
            PathBuf::from(format!("/data/{}.json", MAX_RECENT + 4))
        );
    }
}
