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
    /// One column per group: per kind, or per value of what nodes are coloured by.
    Kind,
    /// x is the date of a meeting, or of a node's earliest dated relation.
    Timeline,
    /// Where the graph file placed the nodes (Gephi's, d3's or yEd's layout), scaled.
    File,
}

impl LayoutKind {
    /// Every layout, in menu order.
    pub const ALL: [LayoutKind; 5] = [
        Self::Force,
        Self::Circular,
        Self::Kind,
        Self::Timeline,
        Self::File,
    ];

    /// Its name, lower case (also the `--layout` value).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Force => "force",
            Self::Circular => "circular",
            Self::Kind => "kind",
            Self::Timeline => "timeline",
            Self::File => "file",
        }
    }

    /// Its name in menus.
    pub fn title(self) -> &'static str {
        match self {
            Self::Force => "Force-directed",
            Self::Circular => "Circular",
            Self::Kind => "Grouped (by colour)",
            Self::Timeline => "Timeline",
            Self::File => "As in the file",
        }
    }
}
