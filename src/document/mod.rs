//! The open document without a window: the model, where it was read from, its edit
//! history with undo and redo, whether it has unsaved changes, and the journal that
//! keeps every edit safe from a crash. The window drives it; tests drive it alone.

mod save;

pub use save::{SaveError, dataset_bytes, raw_dataset, save_dataset};
