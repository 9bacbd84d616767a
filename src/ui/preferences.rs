//! What the window remembers between runs that belongs to no dataset: which side panels
//! are shown. Kept in a small JSON file beside File > Recent (`stored`).

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

/// The window's remembered layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PanelsShown {
    /// The side panel on the left: entities, filters, measures.
    pub sidebar: bool,
    /// The details panel on the right: what is selected and its evidence.
    pub details: bool,
}

impl Default for PanelsShown {
    fn default() -> Self {
        Self {
            sidebar: true,
            details: true,
        }
    }
}

/// The remembered layout and where it is kept.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Preferences {
    panels: PanelsShown,
    /// Where it is kept; `None` keeps it in memory only.
    store: Option<PathBuf>,
}

impl Preferences {
    /// The preferences kept at `store` (read now, if it exists and parses; otherwise the
    /// defaults).
    pub fn load(store: Option<PathBuf>) -> Self {
        let panels = super::stored::load(store.as_deref()).unwrap_or_default();
        Self { panels, store }
    }

    /// The default place: `window.json` in the user's config folder.
    pub fn default_store() -> Option<PathBuf> {
        super::stored::config_file("window.json")
    }

    /// Which panels are shown.
    pub fn panels(&self) -> PanelsShown {
        self.panels
    }

    /// Remembers `panels` and saves them when they changed. A failure to save is
    /// returned; the preferences in memory are updated all the same.
    pub fn set_panels(&mut self, panels: PanelsShown) -> std::io::Result<()> {
        if panels == self.panels {
            return Ok(());
        }
        self.panels = panels;
        super::stored::save(self.store.as_deref(), &self.panels)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn panels_shown_are_remembered_and_a_bad_file_gives_the_defaults() {
        let folder = tempfile::tempdir().unwrap();
        let store = folder.path().join("config").join("window.json");
        let mut preferences = Preferences::load(Some(store.clone()));
        assert_eq!(preferences.panels(), PanelsShown::default());
        let hidden = PanelsShown {
            sidebar: false,
            details: true,
        };
        preferences.set_panels(hidden).unwrap();
        assert_eq!(Preferences::load(Some(store.clone())).panels(), hidden);
        std::fs::write(&store, b"{ not json").unwrap();
        assert_eq!(
            Preferences::load(Some(store)).panels(),
            PanelsShown::default()
        );
    }
}
