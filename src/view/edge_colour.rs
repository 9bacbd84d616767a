//! What relations are coloured by: their relation (the default, `style::relation_style`)
//! or who said it (`claims::attribution`), so that claims resting on unnamed officials
//! stand out on the canvas and in figures. Dashes always say the relation.

use serde::{Deserialize, Serialize};

use super::colouring::LegendEntry;
use super::style::Rgb;
use crate::claims::attribution::{Attribution, SourceReader};
use crate::model::Model;

/// What edges are coloured by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EdgeColourBy {
    /// Each relation its colour.
    #[default]
    Relation,
    /// Each kind of source its colour: own reporting, named, unnamed, state or other media.
    Source,
}

impl EdgeColourBy {
    /// Both choices.
    pub const ALL: [EdgeColourBy; 2] = [Self::Relation, Self::Source];

    /// Its name for people.
    pub fn title(self) -> &'static str {
        match self {
            Self::Relation => "relation",
            Self::Source => "who said it",
        }
    }

    /// Parses `relation` or `source`.
    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "relation" => Some(Self::Relation),
            "source" => Some(Self::Source),
            _ => None,
        }
    }
}

/// The colour of a kind of source (Okabe-Ito hues; unnamed sources in vermilion, the
/// colour that stands out most; the outlet's own reporting a quiet grey).
pub fn attribution_rgb(attribution: Attribution) -> Rgb {
    match attribution {
        Attribution::OwnReporting => [150, 150, 150],
        Attribution::Named => [0, 114, 178],
        Attribution::Unnamed => [213, 94, 0],
        Attribution::StateMedia => [204, 121, 167],
        Attribution::OtherMedia => [0, 158, 115],
    }
}

/// Every edge's colour and the legend of the colours among `shown` edges, when edges are
/// coloured by something other than their relation; `None` for relation colours.
pub fn edge_colours(
    model: &Model,
    by: EdgeColourBy,
    shown: &[bool],
) -> Option<(Vec<Rgb>, Vec<LegendEntry>)> {
    if by == EdgeColourBy::Relation {
        return None;
    }
    let sources = SourceReader::new(model);
    let kinds: Vec<Attribution> = model
        .edges
        .iter()
        .map(|edge| sources.attribution(edge))
        .collect();
    let legend = Attribution::ALL
        .iter()
        .map(|&kind| LegendEntry {
            value: kind.title().to_owned(),
            rgb: attribution_rgb(kind),
            count: kinds
                .iter()
                .zip(shown.iter().chain(std::iter::repeat(&true)))
                .filter(|(of, shown)| **of == kind && **shown)
                .count(),
        })
        .filter(|entry| entry.count > 0)
        .collect();
    let colours = kinds.into_iter().map(attribution_rgb).collect();
    Some((colours, legend))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_of_source_has_a_colour_of_its_own() {
        let mut seen = std::collections::BTreeSet::new();
        for kind in Attribution::ALL {
            assert!(seen.insert(attribution_rgb(kind)), "{kind:?}");
        }
        assert_eq!(EdgeColourBy::parse("source"), Some(EdgeColourBy::Source));
        assert_eq!(EdgeColourBy::parse("who"), None);
    }
}
