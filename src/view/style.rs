//! How kinds look, as plain data: one colour and one shape per node kind. The window
//! (egui), the SVG and the PNG all draw from these, so a figure looks like the screen.

use crate::model::NodeKind;

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

/// Grey of ordinary edges.
pub const EDGE_RGB: Rgb = [150, 150, 150];
/// Red of selected and highlighted elements.
pub const HIGHLIGHT_RGB: Rgb = [200, 40, 40];
/// Outline of nodes.
pub const OUTLINE_RGB: Rgb = [70, 70, 70];
/// Label text.
pub const LABEL_RGB: Rgb = [20, 20, 20];
/// Canvas radius of a node at scale 1.
pub const NODE_RADIUS: f32 = 11.0;
/// Font size of node labels at zoom 1.
pub const LABEL_FONT_SIZE: f32 = 14.0;
