//! How kinds look, as plain data: one colour and one shape per node kind. The window
//! (egui), the SVG and the PNG all draw from these, so a figure looks like the screen.

use crate::model::{Model, NodeKind, Relation};

/// An sRGB colour.
pub type Rgb = [u8; 3];

/// Fill colour of a node kind (colour-blind-safe hues from the Okabe-Ito palette).
pub fn kind_rgb(kind: NodeKind) -> Rgb {
    match kind {
        NodeKind::Actor => [0, 114, 178],
        NodeKind::Mediator => [0, 158, 115],
        NodeKind::Meeting => [230, 159, 0],
        NodeKind::Demand => [204, 121, 167],
        NodeKind::Entity => [86, 180, 233],
    }
}

/// The name of a kind's shape, for legends and accessibility.
pub fn kind_shape_name(kind: NodeKind) -> &'static str {
    match kind {
        NodeKind::Actor => "circle",
        NodeKind::Mediator => "diamond",
        NodeKind::Meeting => "square",
        NodeKind::Demand => "triangle",
        NodeKind::Entity => "circle",
    }
}

/// The outline of a node, relative to its centre.
#[derive(Debug, Clone, PartialEq)]
pub enum Outline {
    /// A circle of this radius.
    Circle(f32),
    /// A convex polygon through these points.
    Polygon(Vec<[f32; 2]>),
}

/// The outline of a node of `kind` that fits a circle of `radius`.
pub fn kind_outline(kind: NodeKind, radius: f32) -> Outline {
    match kind {
        NodeKind::Actor | NodeKind::Entity => Outline::Circle(radius),
        NodeKind::Mediator => {
            let r = radius * 1.15;
            Outline::Polygon(vec![[0.0, -r], [r, 0.0], [0.0, r], [-r, 0.0]])
        }
        NodeKind::Meeting => {
            let h = radius * 0.85;
            Outline::Polygon(vec![[-h, -h], [h, -h], [h, h], [-h, h]])
        }
        NodeKind::Demand => Outline::Polygon(vec![
            [0.0, -radius * 1.2],
            [radius * 1.1, radius * 0.75],
            [-radius * 1.1, radius * 0.75],
        ]),
    }
}

/// How an edge's line is broken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Dash {
    /// An unbroken line.
    Solid,
    /// Long dashes.
    Dashed,
    /// Dots.
    Dotted,
}

impl Dash {
    /// Lengths of a dash and of the gap after it, for a line of `width`; `None` for a
    /// solid line.
    pub fn pattern(self, width: f32) -> Option<[f32; 2]> {
        let width = width.max(1.0);
        match self {
            Self::Solid => None,
            Self::Dashed => Some([6.0 * width, 4.0 * width]),
            Self::Dotted => Some([1.5 * width, 2.5 * width]),
        }
    }

    /// The name, for legends and accessibility.
    pub fn name(self) -> &'static str {
        match self {
            Self::Solid => "solid",
            Self::Dashed => "dashed",
            Self::Dotted => "dotted",
        }
    }
}

/// How edges of one relation are drawn: a colour and a dash pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct EdgeStyle {
    /// The line's colour.
    pub rgb: Rgb,
    /// How the line is broken.
    pub dash: Dash,
}

/// The style of a relation's edges: colours from Paul Tol's colour-blind-safe "bright"
/// scheme, related relations sharing a hue told apart by dashes (demands solid red,
/// pressures dashed red; accepts solid green, supports dashed, leads dotted; opposes solid
/// purple, rejects dashed, blames dotted), so that no two relations look alike. Imported
/// links stay plain grey.
pub fn relation_style(relation: Relation) -> EdgeStyle {
    const RED: Rgb = [238, 102, 119];
    const GREEN: Rgb = [34, 136, 51];
    const PURPLE: Rgb = [170, 51, 119];
    const BLUE: Rgb = [68, 119, 170];
    const CYAN: Rgb = [51, 170, 204];
    const OCHRE: Rgb = [187, 153, 34];
    const GREY: Rgb = [119, 119, 119];
    let (rgb, dash) = match relation {
        Relation::Demands => (RED, Dash::Solid),
        Relation::Pressures => (RED, Dash::Dashed),
        Relation::Accepts => (GREEN, Dash::Solid),
        Relation::Supports => (GREEN, Dash::Dashed),
        Relation::Leads => (GREEN, Dash::Dotted),
        Relation::Opposes => (PURPLE, Dash::Solid),
        Relation::Rejects => (PURPLE, Dash::Dashed),
        Relation::Blames => (PURPLE, Dash::Dotted),
        Relation::Proposes => (BLUE, Dash::Solid),
        Relation::Attends => (BLUE, Dash::Dotted),
        Relation::Offers => (CYAN, Dash::Solid),
        Relation::Mediates => (OCHRE, Dash::Solid),
        Relation::Hosts => (OCHRE, Dash::Dashed),
        Relation::MemberOf => (GREY, Dash::Dotted),
        Relation::Link => (EDGE_RGB, Dash::Solid),
    };
    EdgeStyle { rgb, dash }
}

/// How many edges of each relation `model` has among those `shown` (an edge without an
/// entry in `shown` counts), in the vocabulary's order, leaving out relations with none.
pub fn relation_counts(model: &Model, shown: &[bool]) -> Vec<(Relation, usize)> {
    let mut counts = vec![0usize; Relation::ALL.len()];
    for (index, edge) in model.edges.iter().enumerate() {
        if shown.get(index).copied().unwrap_or(true)
            && let Some(slot) = Relation::ALL
                .iter()
                .position(|&r| r == edge.relation)
                .and_then(|at| counts.get_mut(at))
        {
            *slot += 1;
        }
    }
    Relation::ALL
        .iter()
        .copied()
        .zip(counts)
        .filter(|&(_, count)| count > 0)
        .collect()
}

/// Grey of ordinary edges.
pub const EDGE_RGB: Rgb = [150, 150, 150];
/// Red of selected and highlighted elements.
pub const HIGHLIGHT_RGB: Rgb = [200, 40, 40];
/// Outline of nodes.
pub const OUTLINE_RGB: Rgb = [70, 70, 70];
/// Label text.
pub const LABEL_RGB: Rgb = [20, 20, 20];
/// Green of a stance for something (demands, proposes, offers, supports, accepts).
pub const STANCE_FOR_RGB: Rgb = [34, 136, 51];
/// Red of a stance against something (opposes, rejects).
pub const STANCE_AGAINST_RGB: Rgb = [204, 51, 17];
/// Canvas radius of a node at scale 1.
pub const NODE_RADIUS: f32 = 11.0;
/// Font size of node labels at zoom 1.
pub const LABEL_FONT_SIZE: f32 = 14.0;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_relation_has_a_style_of_its_own() {
        let mut seen = std::collections::HashSet::new();
        for &relation in Relation::ALL {
            let style = relation_style(relation);
            assert!(
                seen.insert(style),
                "{relation:?} looks like another relation"
            );
        }
        assert_eq!(
            relation_style(Relation::Demands).dash,
            Dash::Solid,
            "demands and rejects differ in colour and dash"
        );
        assert_eq!(relation_style(Relation::Rejects).dash, Dash::Dashed);
        assert_ne!(
            relation_style(Relation::Demands).rgb,
            relation_style(Relation::Rejects).rgb
        );
    }
}
