//! Which layout arranges the graph.

use serde::{Deserialize, Serialize};

/// The layouts a user can choose.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LayoutKind {
    /// Force-directed: connected nodes near, others apart.
    #[default]
    Force,
    /// Every node on a circle, grouped by kind.
    Circular,
    /// One column per kind.
    Kind,
    /// x is the date of a meeting, or of a node's earliest dated relation.
    Timeline,
}

impl LayoutKind {
    /// Every layout, in menu order.
    pub const ALL: [LayoutKind; 4] = [Self::Force, Self::Circular, Self::Kind, Self::Timeline];

    /// Its name, lower case (also the `--layout` value).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Force => "force",
            Self::Circular => "circular",
            Self::Kind => "kind",
            Self::Timeline => "timeline",
        }
    }

    /// Its name in menus.
    pub fn title(self) -> &'static str {
        match self {
            Self::Force => "Force-directed",
            Self::Circular => "Circular",
            Self::Kind => "Grouped by kind",
            Self::Timeline => "Timeline",
        }
    }
}
