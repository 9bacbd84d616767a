//! Who said it: each relation's attribution read as one of a few kinds of source, so that
//! a researcher can filter by it and see which claims rest only on unnamed sources.

use serde::{Deserialize, Serialize};

use crate::model::{Edge, Model, Subtype};

/// The kind of source a relation is attributed to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Attribution {
    /// No attribution: the outlet reports it in its own voice.
    OwnReporting,
    /// A person named in the attribution ("Benjamin Netanyahu", "NDMT's Bernard Smith").
    Named,
    /// An official or source left unnamed ("a Hamas official", "Israeli sources").
    Unnamed,
    /// State media ("Egyptian state media").
    StateMedia,
    /// Other outlets' reports ("Israeli media reports").
    OtherMedia,
}

impl Attribution {
    /// Every kind, in the order filters list them.
    pub const ALL: [Attribution; 5] = [
        Self::OwnReporting,
        Self::Named,
        Self::Unnamed,
        Self::StateMedia,
        Self::OtherMedia,
    ];

    /// Its name for people.
    pub fn title(self) -> &'static str {
        match self {
            Self::OwnReporting => "outlet's own reporting",
            Self::Named => "named source",
            Self::Unnamed => "unnamed source",
            Self::StateMedia => "state media",
            Self::OtherMedia => "other media",
        }
    }
}

/// Words that leave a source unnamed.
const UNNAMED: [&str; 12] = [
    "unnamed",
    "anonymous",
    "official",
    "officials",
    "source",
    "sources",
    "diplomat",
    "diplomats",
    "people familiar",
    "person familiar",
    "insiders",
    "aides",
];

/// Words that name state media.
const STATE_MEDIA: [&str; 6] = [
    "state media",
    "state tv",
    "state television",
    "state-run",
    "state news",
    "official news agency",
];

/// Words that name other outlets' reporting.
const OTHER_MEDIA: [&str; 6] = [
    "media",
    "reports",
    "report",
    "newspaper",
    "channel",
    "outlet",
];

/// The kind of source `edge` is attributed to ([`SourceReader::attribution`]). To read
/// many edges, make one [`SourceReader`].
pub fn attribution_of(model: &Model, edge: &Edge) -> Attribution {
    SourceReader::new(model).attribution(edge)
}

/// Reads attributions as kinds of source, knowing the dataset's people by name.
#[derive(Debug, Clone)]
pub struct SourceReader<'a> {
    /// The labels and aliases of the dataset's people, longer than three letters.
    person_names: Vec<&'a str>,
}

impl<'a> SourceReader<'a> {
    /// A reader that knows the people of `model`.
    pub fn new(model: &'a Model) -> Self {
        let person_names = model
            .nodes
            .iter()
            .filter(|node| node.subtype == Some(Subtype::Person))
            .flat_map(|node| std::iter::once(&node.label).chain(&node.aliases))
            .map(String::as_str)
            .filter(|name| name.len() > 3)
            .collect();
        Self { person_names }
    }

    /// The kind of source `edge` is attributed to. In order: no attribution is the
    /// outlet's own reporting; a person of the dataset (by label or alias) is named; then
    /// state media, unnamed sources, other media by their words; what is left names
    /// someone ("NDMT's Bernard Smith").
    pub fn attribution(&self, edge: &Edge) -> Attribution {
        let Some(text) = edge.attributed_to.as_deref().map(str::trim) else {
            return Attribution::OwnReporting;
        };
        if text.is_empty() {
            return Attribution::OwnReporting;
        }
        if self.person_names.iter().any(|name| text.contains(name)) {
            return Attribution::Named;
        }
        kind_by_words(text)
    }
}

/// The kind of source an attribution that names none of the dataset's people is, by its
/// words.
fn kind_by_words(text: &str) -> Attribution {
    let lower = text.to_lowercase();
    let has_words = |phrase: &str| {
        lower
            .match_indices(phrase)
            .any(|(start, _)| is_word_at(&lower, start, phrase.len()))
    };
    if STATE_MEDIA.iter().any(|phrase| has_words(phrase)) {
        Attribution::StateMedia
    } else if UNNAMED.iter().any(|phrase| has_words(phrase)) {
        Attribution::Unnamed
    } else if OTHER_MEDIA.iter().any(|phrase| has_words(phrase)) {
        Attribution::OtherMedia
    } else {
        Attribution::Named
    }
}

/// Whether `text[start..start + length]` is whole words (no letter just before or after).
fn is_word_at(text: &str, start: usize, length: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text
        .get(start + length..)
        .and_then(|rest| rest.chars().next());
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_seeds_attributions_read_as_kinds_of_source() {
        let loaded = crate::dataset::load_seed().unwrap();
        let model = &loaded.model;
        let kind_of = |text: &str| {
            let mut edge = model.edges[0].clone();
            edge.attributed_to = Some(text.to_owned());
            attribution_of(model, &edge)
        };
        for (text, kind) in [
            ("Benjamin Netanyahu", Attribution::Named),
            ("NDMT’s Bernard Smith", Attribution::Named),
            (
                "an unnamed Israeli official, cited by Yedioth Ahronoth",
                Attribution::Unnamed,
            ),
            ("an official, to Reuters", Attribution::Unnamed),
            ("Israeli sources", Attribution::Unnamed),
            ("a top Hamas official", Attribution::Unnamed),
            ("Channel 12, citing an unnamed source", Attribution::Unnamed),
            (
                "Arab media sources citing Israeli officials",
                Attribution::Unnamed,
            ),
            ("Egyptian state media", Attribution::StateMedia),
            ("Israeli media reports", Attribution::OtherMedia),
        ] {
            assert_eq!(kind_of(text), kind, "{text}");
        }
        let mut own = model.edges[0].clone();
        own.attributed_to = None;
        assert_eq!(attribution_of(model, &own), Attribution::OwnReporting);
    }
}
