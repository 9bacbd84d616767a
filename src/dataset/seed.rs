//! The seed dataset and its five articles, compiled into the binary so that the app opens
//! on them from any working directory.

use super::store::EmbeddedStore;

/// How problems and the title bar name the built-in dataset.
pub const SEED_LABEL: &str = "seeds/negotiations.json (built in)";

/// The seed dataset file.
pub const SEED_DATASET: &str = include_str!("../../seeds/negotiations.json");

/// The seed articles, by their path relative to `seeds/`.
pub const SEED_ARTICLES: &[(&str, &str)] = &[
    (
        "000_4f34b04a299b5df1.txt",
        include_str!("../../seeds/000_4f34b04a299b5df1.txt"),
    ),
    (
        "001_1a273a131703e182.txt",
        include_str!("../../seeds/001_1a273a131703e182.txt"),
    ),
    (
        "002_01f7d1bb75bbb616.txt",
        include_str!("../../seeds/002_01f7d1bb75bbb616.txt"),
    ),
    (
        "003_e3389f4aefd411e0.txt",
        include_str!("../../seeds/003_e3389f4aefd411e0.txt"),
    ),
    (
        "004_b2b95cfc99eaff20.txt",
        include_str!("../../seeds/004_b2b95cfc99eaff20.txt"),
    ),
];

/// The store that serves [`SEED_ARTICLES`].
pub fn seed_store() -> EmbeddedStore {
    EmbeddedStore::new(SEED_ARTICLES)
}
