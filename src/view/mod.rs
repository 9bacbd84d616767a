//! View state that is not drawing: filters and focus, and their effect on what is shown;
//! the choice of layout. The window keeps one of each per open dataset.

pub mod arrangement;
pub mod colouring;
pub mod edge_colour;
mod filter;
mod history;
pub mod label_by;
pub mod labels;
mod layout_kind;
mod session;
pub mod style;
pub mod timeline;

pub use filter::{FilterCounts, Focus, FocusMode, ViewFilter, Visibility, timeline_dates};
pub use history::{HISTORY_LIMIT, History};
pub use layout_kind::LayoutKind;
pub use session::{SESSION_FORMAT, SavedNode, Selection, Session, SessionError, session_path};
