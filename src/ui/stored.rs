//! Small JSON files the window keeps in the user's config folder (File > Recent, which
//! panels are shown): read once at start, written atomically on every change. A store of
//! `None` keeps the value in memory only, as tests do.

use std::path::{Path, PathBuf};

use serde::Serialize;
use serde::de::DeserializeOwned;

/// `name` in the user's config folder for Backchannel.
pub fn config_file(name: &str) -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "backchannel").map(|dirs| dirs.config_dir().join(name))
}

/// The value kept at `store`, if there is one and it parses.
pub fn load<T: DeserializeOwned>(store: Option<&Path>) -> Option<T> {
    let bytes = std::fs::read(store?).ok()?;
    serde_json::from_slice(&bytes).ok()
}

/// Writes `value` to `store` atomically; nothing without a store.
pub fn save<T: Serialize>(store: Option<&Path>, value: &T) -> std::io::Result<()> {
    let Some(store) = store else {
        return Ok(());
    };
    let json = serde_json::to_vec_pretty(value).map_err(std::io::Error::other)?;
    crate::atomic::write_atomically(store, &json)
}
