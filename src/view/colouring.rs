//! What nodes are coloured and grouped by: their kind, the colours their file gives, or
//! any attribute (Gephi's `modularity_class`, a CSV column). Also the positions and sizes
//! an imported file gives, scaled for the canvas. Plain data: the window, the SVG and
//! the PNG all colour from here.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::style::{Rgb, kind_rgb};
use crate::model::{Model, NodeKind};

/// Colour of values past the palette's end, and of nodes without the attribute.
pub const OTHER_RGB: Rgb = [170, 170, 170];

/// A categorical palette: Okabe-Ito's colour-blind-safe hues, then Tableau's.
pub const PALETTE: [Rgb; 12] = [
    [0, 114, 178],
    [230, 159, 0],
    [0, 158, 115],
    [204, 121, 167],
    [86, 180, 233],
    [213, 94, 0],
    [240, 228, 66],
    [100, 100, 100],
    [148, 103, 189],
    [140, 86, 75],
    [188, 189, 34],
    [23, 190, 207],
];

/// What nodes are coloured (and grouped) by.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ColourBy {
    /// Their kind: actor, mediator, meeting, demand, entity.
    #[default]
    Kind,
    /// The colours their file gives (Gephi's `viz:color`); kind colour where none.
    File,
    /// The value of this attribute: one palette colour per value.
    Attribute(String),
}

impl ColourBy {
    /// Its name in menus.
    pub fn title(&self) -> String {
        match self {
            Self::Kind => "Kind".to_owned(),
            Self::File => "Colours from the file".to_owned(),
            Self::Attribute(name) => format!("Attribute: {name}"),
        }
    }
}

/// What nodes can be coloured by in `model`: kind, the file's colours when any node has
/// one, and every node attribute, by name.
pub fn colour_choices(model: &Model) -> Vec<ColourBy> {
    let mut choices = vec![ColourBy::Kind];
    if model.nodes.iter().any(|node| node.look.colour.is_some()) {
        choices.push(ColourBy::File);
    }
    let names: std::collections::BTreeSet<&String> = model
        .nodes
        .iter()
        .flat_map(|node| node.attributes.keys())
        .collect();
    choices.extend(
        names
            .into_iter()
            .map(|name| ColourBy::Attribute(name.clone())),
    );
    choices
}

/// What a graph opens coloured by: its file's colours when it has them, else kinds.
pub fn default_colour_by(model: &Model) -> ColourBy {
    if model.nodes.iter().any(|node| node.look.colour.is_some()) {
        ColourBy::File
    } else {
        ColourBy::Kind
    }
}

/// One legend line: a value, its colour and how many nodes have it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LegendEntry {
    /// The value, as text ("(none)" for nodes without it, "other" past the palette).
    pub value: String,
    /// Its colour.
    pub rgb: Rgb,
    /// How many nodes have it.
    pub count: usize,
}

/// The fill of every model node and the legend, by `by`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Colouring {
    /// Fill per model node.
    pub fills: Vec<Rgb>,
    /// Group index per model node (for the grouped layout), in legend order.
    pub groups: Vec<usize>,
    /// The values, most common first.
    pub legend: Vec<LegendEntry>,
}

/// Text for an attribute value.
fn value_text(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

/// Colours `model`'s nodes by `by`.
pub fn colouring(model: &Model, by: &ColourBy) -> Colouring {
    match by {
        ColourBy::Kind => by_values(
            model,
            |node| Some(node.kind.as_str().to_owned()),
            |value| NodeKind::parse(value).map(kind_rgb),
        ),
        ColourBy::File => {
            let mut colouring = by_values(
                model,
                |node| node.look.colour.map(|colour| colour.to_hex()),
                |value| crate::model::Colour::from_hex(value).map(|colour| colour.rgb),
            );
            // Nodes without a colour of their own keep their kind's.
            for (fill, node) in colouring.fills.iter_mut().zip(&model.nodes) {
                if node.look.colour.is_none() {
                    *fill = kind_rgb(node.kind);
                }
            }
            colouring
        }
        ColourBy::Attribute(name) => by_values(
            model,
            |node| node.attributes.get(name).map(value_text),
            |_| None,
        ),
    }
}

/// Groups nodes by `value_of` (most common value first, ties by value), colouring each
/// value by `fixed` or else the palette.
fn by_values(
    model: &Model,
    value_of: impl Fn(&crate::model::Node) -> Option<String>,
    fixed: impl Fn(&str) -> Option<Rgb>,
) -> Colouring {
    let values: Vec<Option<String>> = model.nodes.iter().map(&value_of).collect();
    let mut counts: BTreeMap<&Option<String>, usize> = BTreeMap::new();
    for value in &values {
        *counts.entry(value).or_default() += 1;
    }
    let mut order: Vec<(&Option<String>, usize)> = counts.into_iter().collect();
    // Numbers sort as numbers ("2" before "10"); absent values last.
    order.sort_by(|a, b| {
        b.1.cmp(&a.1).then_with(|| match (a.0, b.0) {
            (Some(x), Some(y)) => match (x.parse::<f64>(), y.parse::<f64>()) {
                (Ok(p), Ok(q)) => p.total_cmp(&q),
                _ => x.cmp(y),
            },
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, None) => std::cmp::Ordering::Equal,
        })
    });
    let mut palette = PALETTE.iter().copied();
    let mut legend: Vec<LegendEntry> = Vec::new();
    let mut index_of: BTreeMap<&Option<String>, usize> = BTreeMap::new();
    for (value, count) in order {
        let rgb = match value {
            None => OTHER_RGB,
            Some(text) => fixed(text).or_else(|| palette.next()).unwrap_or(OTHER_RGB),
        };
        index_of.insert(value, legend.len());
        legend.push(LegendEntry {
            value: value.clone().unwrap_or_else(|| "(none)".to_owned()),
            rgb,
            count,
        });
    }
    let groups: Vec<usize> = values
        .iter()
        .map(|value| index_of.get(value).copied().unwrap_or(0))
        .collect();
    let fills = groups
        .iter()
        .map(|&group| legend.get(group).map_or(OTHER_RGB, |entry| entry.rgb))
        .collect();
    Colouring {
        fills,
        groups,
        legend,
    }
}

/// Canvas room per node when a file's positions are scaled: the side of the square each
/// node gets on average.
const ROOM_PER_NODE: f32 = 90.0;

/// The positions the file gives, scaled uniformly (shape kept) so that nodes have about
/// [`ROOM_PER_NODE`] of room each; `None` unless every node has one.
pub fn file_positions(model: &Model) -> Option<Vec<[f32; 2]>> {
    let points: Vec<[f32; 2]> = model
        .nodes
        .iter()
        .map(|node| node.look.position.map(|point| [point.x, point.y]))
        .collect::<Option<_>>()?;
    if points.is_empty() {
        return None;
    }
    let (mut min, mut max) = ([f32::MAX; 2], [f32::MIN; 2]);
    for point in &points {
        for axis in 0..2 {
            min[axis] = min[axis].min(point[axis]);
            max[axis] = max[axis].max(point[axis]);
        }
    }
    let width = (max[0] - min[0]).max(1e-6);
    let height = (max[1] - min[1]).max(1e-6);
    // Count-based: n nodes get n squares of ROOM_PER_NODE.
    let wanted_area = points.len() as f32 * ROOM_PER_NODE * ROOM_PER_NODE;
    // A graph laid out along a line gets room as if it were a tenth as deep as long.
    let area = (width * height).max(width.max(height).powi(2) * 0.1);
    let factor = (wanted_area / area).sqrt();
    let factor = if factor.is_finite() && factor > 0.0 {
        factor
    } else {
        1.0
    };
    let centre = [(min[0] + max[0]) / 2.0, (min[1] + max[1]) / 2.0];
    Some(
        points
            .into_iter()
            .map(|[x, y]| [(x - centre[0]) * factor, (y - centre[1]) * factor])
            .collect(),
    )
}

/// Size factors from the sizes the file gives (the median size is 1, within 0.4 to 4);
/// `None` when no node has a size.
pub fn file_scales(model: &Model) -> Option<Vec<f32>> {
    let mut sizes: Vec<f32> = model
        .nodes
        .iter()
        .filter_map(|node| node.look.size)
        .collect();
    if sizes.is_empty() {
        return None;
    }
    sizes.sort_by(f32::total_cmp);
    let median = sizes.get(sizes.len() / 2).copied().unwrap_or(1.0);
    if median <= 0.0 {
        return None;
    }
    Some(
        model
            .nodes
            .iter()
            .map(|node| {
                node.look
                    .size
                    .map_or(1.0, |size| (size / median).clamp(0.4, 4.0))
            })
            .collect(),
    )
}
