//! The lexicon: what the extractor knows by name. A plain-text file, one entry per line,
//! documented in docs/lexicon.md:
//!
//! ```text
//! # kind | name | aliases | subtype, or host for a place | descriptions
//! actor | Benjamin Netanyahu | Netanyahu; Bibi | person | Israeli prime minister
//! place | Cairo | | Egypt |
//! title | Foreign Minister | | |
//! ```
//!
//! Kinds: `actor`, `mediator` and `demand` become nodes; `place` names where meetings
//! happen (and, optionally, the country they lie in); `title` words introduce a
//! person's name ("Hamas official Osama Hamdan") and let the extractor find people the
//! lexicon lacks. Aliases and descriptions are separated by `;`.

use crate::model::Subtype;

/// The lexicon built into the binary (assets/lexicon/negotiations.lexicon).
pub const BUILT_IN: &str = include_str!("../../assets/lexicon/negotiations.lexicon");

/// The world's states, their capitals, venues of talks and international bodies: read
/// after the built-in lexicon or a researcher's own, which win where both name something.
pub const WORLD: &str = include_str!("../../assets/lexicon/world.lexicon");

/// What an entry names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EntryKind {
    /// A party with interests of its own.
    Actor,
    /// A party that brokers between others.
    Mediator,
    /// A demand or position.
    Demand,
    /// A place where meetings happen.
    Place,
    /// A title or role that introduces a person's name.
    Title,
}

impl EntryKind {
    fn parse(text: &str) -> Option<Self> {
        match text {
            "actor" => Some(Self::Actor),
            "mediator" => Some(Self::Mediator),
            "demand" => Some(Self::Demand),
            "place" => Some(Self::Place),
            "title" => Some(Self::Title),
            _ => None,
        }
    }
}

/// One line of the lexicon.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// What it names.
    pub kind: EntryKind,
    /// The canonical name, used as the node's label.
    pub name: String,
    /// Other names, matched like the name.
    pub aliases: Vec<String>,
    /// For actors and mediators, their subtype.
    pub subtype: Option<Subtype>,
    /// For places, the name of the country entry they lie in (no evidence of hosting).
    pub host: Option<String>,
    /// Descriptions that refer to it ("the Israeli prime minister"), matched with less
    /// confidence than names.
    pub descriptions: Vec<String>,
}

/// A lexicon: its entries in file order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Lexicon {
    /// The entries.
    pub entries: Vec<Entry>,
}

/// A line of a lexicon file that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}:{column}: {message}")]
pub struct LexiconError {
    /// The file.
    pub file: String,
    /// Line, from 1.
    pub line: usize,
    /// Column, from 1.
    pub column: usize,
    /// What is wrong.
    pub message: String,
}

fn list(field: &str) -> Vec<String> {
    field
        .split(';')
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .map(str::to_owned)
        .collect()
}

impl Lexicon {
    /// The built-in lexicon.
    pub fn built_in() -> Self {
        // The built-in file is checked by a test; a broken one would give an empty lexicon.
        Self::parse("built-in lexicon", BUILT_IN)
            .unwrap_or_default()
            .with_world()
    }

    /// This lexicon with the world's states, capitals, venues and international bodies
    /// ([`WORLD`]) after it. Where a world entry has the name of one of ours of the same
    /// kind, ours takes the aliases and descriptions it lacks; a place named like one of
    /// our parties is kept beside it; any other world entry whose name is taken is left
    /// out, and an alias that is taken, or that two world entries share ("Congolese"), is
    /// no alias of the world entry: this lexicon always wins, and no name is ambiguous.
    pub fn with_world(mut self) -> Self {
        let mut world = Self::parse("world lexicon", WORLD).unwrap_or_default();
        // A name two world entries share ("Congolese": Congo and DR Congo) is neither's.
        let mut uses: std::collections::BTreeMap<String, usize> = Default::default();
        for entry in &world.entries {
            let names: std::collections::BTreeSet<String> = entry
                .aliases
                .iter()
                .map(|alias| alias.to_lowercase())
                .collect();
            for name in names {
                *uses.entry(name).or_default() += 1;
            }
        }
        for entry in &mut world.entries {
            entry.aliases.retain(|alias| {
                uses.get(&alias.to_lowercase())
                    .is_none_or(|&count| count < 2)
            });
        }
        for mut entry in world.entries {
            match self.find(&entry.name) {
                Some(index) => {
                    let Some(ours) = self.entries.get_mut(index) else {
                        continue;
                    };
                    // A city named like a party's alias ("Washington", the United
                    // States): the place is kept too, for "talks in Washington".
                    if entry.kind == EntryKind::Place && ours.kind != EntryKind::Place {
                        self.entries.push(entry);
                        continue;
                    }
                    if ours.kind != entry.kind
                        && !(ours.kind == EntryKind::Mediator && entry.kind == EntryKind::Actor)
                    {
                        continue;
                    }
                    for alias in entry.aliases {
                        if !ours.aliases.iter().any(|a| a.eq_ignore_ascii_case(&alias))
                            && !ours.name.eq_ignore_ascii_case(&alias)
                        {
                            ours.aliases.push(alias);
                        }
                    }
                    for description in entry.descriptions {
                        if !ours.descriptions.contains(&description) {
                            ours.descriptions.push(description);
                        }
                    }
                }
                None => {
                    // An alias one of ours has is ours: the entry keeps its other names.
                    entry.aliases.retain(|alias| self.find(alias).is_none());
                    self.entries.push(entry);
                }
            }
        }
        self
    }

    /// Reads a lexicon from `text`, naming it `file` in errors. Every line is checked;
    /// the first problem is returned.
    pub fn parse(file: &str, text: &str) -> Result<Self, LexiconError> {
        let mut entries = Vec::new();
        for (number, line) in text.lines().enumerate() {
            let trimmed = line.trim();
            if trimmed.is_empty() || trimmed.starts_with('#') {
                continue;
            }
            entries.push(parse_entry(file, number + 1, line)?);
        }
        let lexicon = Self { entries };
        for entry in &lexicon.entries {
            if let Some(host) = &entry.host
                && lexicon.find(host).is_none()
            {
                return Err(LexiconError {
                    file: file.to_owned(),
                    line: text
                        .lines()
                        .position(|line| line.contains(host.as_str()))
                        .map_or(1, |index| index + 1),
                    column: 1,
                    message: format!(
                        "place \"{}\" is hosted by \"{host}\", which no entry names",
                        entry.name
                    ),
                });
            }
        }
        Ok(lexicon)
    }

    /// The entry whose name or alias is `name` (case-insensitive).
    pub fn find(&self, name: &str) -> Option<usize> {
        self.entries.iter().position(|entry| entry.is_named(name))
    }
}

impl Entry {
    /// Whether `name` is the entry's name or one of its aliases (case-insensitive).
    pub fn is_named(&self, name: &str) -> bool {
        self.name.eq_ignore_ascii_case(name)
            || self
                .aliases
                .iter()
                .any(|alias| alias.eq_ignore_ascii_case(name))
    }
}

/// One line of a lexicon file, line number `line`: an entry, or where it is wrong.
fn parse_entry(file: &str, line_number: usize, line: &str) -> Result<Entry, LexiconError> {
    let error = |column: usize, message: String| LexiconError {
        file: file.to_owned(),
        line: line_number,
        column,
        message,
    };
    let fields: Vec<&str> = line.split('|').map(str::trim).collect();
    if fields.len() < 2 || fields.len() > 5 {
        return Err(error(
            1,
            format!(
                "an entry has 2 to 5 fields separated by \"|\" (kind | name | aliases | subtype or host | descriptions), not {}",
                fields.len()
            ),
        ));
    }
    let field = |index: usize| fields.get(index).copied().unwrap_or("");
    // The column where field `index`'s text starts.
    let column_of = |index: usize| {
        let before: usize = line
            .split('|')
            .take(index)
            .map(|part| part.chars().count() + 1)
            .sum();
        let leading = line.split('|').nth(index).map_or(0, |part| {
            part.chars().take_while(|c| c.is_whitespace()).count()
        });
        before + leading + 1
    };
    let kind = EntryKind::parse(field(0)).ok_or_else(|| {
        error(
            column_of(0),
            format!(
                "unknown kind \"{}\"; expected actor, mediator, demand, place or title",
                field(0)
            ),
        )
    })?;
    let name = field(1).to_owned();
    if name.is_empty() {
        return Err(error(column_of(1), "the name is empty".to_owned()));
    }
    let (subtype, host) = match (kind, field(3)) {
        (_, "") => (None, None),
        (EntryKind::Actor | EntryKind::Mediator, text) => {
            let subtype = Subtype::parse(text).ok_or_else(|| {
                error(
                    column_of(3),
                    format!(
                        "unknown subtype \"{text}\"; expected one of {}",
                        Subtype::expected()
                    ),
                )
            })?;
            (Some(subtype), None)
        }
        (EntryKind::Place, text) => (None, Some(text.to_owned())),
        (_, text) => {
            return Err(error(
                column_of(3),
                format!(
                    "\"{text}\": only actors, mediators (subtype) and places (host) take a fourth field"
                ),
            ));
        }
    };
    Ok(Entry {
        kind,
        name,
        aliases: list(field(2)),
        subtype,
        host,
        descriptions: list(field(4)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_lexicon_reads() {
        let lexicon = Lexicon::parse("negotiations.lexicon", BUILT_IN).unwrap();
        assert!(lexicon.entries.len() > 50);
        let cairo = lexicon
            .find("Cairo")
            .map(|at| &lexicon.entries[at])
            .unwrap();
        assert_eq!(cairo.kind, EntryKind::Place);
        assert_eq!(cairo.host.as_deref(), Some("Egypt"));
    }

    #[test]
    fn the_world_follows_and_ours_wins() {
        let world = Lexicon::parse("world", WORLD).unwrap();
        assert!(world.entries.len() > 300, "every state and its capital");
        let ours = Lexicon::parse(
            "ours.lexicon",
            "mediator | Egypt | Egyptian | state |\nplace | Cairo | | Egypt |\nactor | Sudan | Khartoum government | state |\n",
        )
        .unwrap()
        .with_world();
        let entry = |name: &str| ours.find(name).map(|at| &ours.entries[at]).unwrap();
        // Ours keeps its kind and takes the world's aliases and descriptions.
        let egypt = entry("Egypt");
        assert_eq!(egypt.kind, EntryKind::Mediator);
        assert!(egypt.aliases.iter().any(|a| a == "Arab Republic of Egypt"));
        assert!(
            entry("Cairo")
                .descriptions
                .iter()
                .any(|d| d == "Egyptian capital")
        );
        assert!(
            entry("Doha")
                .descriptions
                .iter()
                .any(|d| d == "Qatari capital")
        );
        // A world entry appears once.
        assert_eq!(ours.entries.iter().filter(|e| e.name == "Sudan").count(), 1);
        assert_eq!(entry("Jeddah").host.as_deref(), Some("Saudi Arabia"));
        assert_eq!(
            entry("IGAD").name,
            "Intergovernmental Authority on Development"
        );
    }

    #[test]
    fn a_shared_or_taken_alias_costs_the_world_entry_only_that_alias() {
        let lexicon = Lexicon::built_in();
        let named = |name: &str| {
            lexicon
                .entries
                .iter()
                .filter(|entry| entry.name == name)
                .collect::<Vec<_>>()
        };
        // DR Congo shares "Congolese" with Congo: both keep every other name.
        let dr_congo = named("DR Congo");
        assert_eq!(dr_congo.len(), 1, "DR Congo is in the lexicon");
        assert!(
            dr_congo
                .iter()
                .all(|e| e.aliases.iter().any(|a| a == "DRC"))
        );
        assert!(lexicon.find("Congolese").is_none(), "ambiguous: no one's");
        assert!(lexicon.find("Congo-Brazzaville").is_some());
        // Washington is the United States' alias in ours, and a city in the world's.
        assert!(
            named("Washington")
                .iter()
                .any(|e| e.kind == EntryKind::Place && e.host.as_deref() == Some("United States"))
        );
    }

    #[test]
    fn errors_name_line_and_column() {
        let error =
            Lexicon::parse("l.lexicon", "# comment\nactor | Hamas | | movement |\n").unwrap_err();
        assert_eq!((error.line, error.column), (2, 19));
        assert!(error.message.contains("unknown subtype \"movement\""));
        let error = Lexicon::parse("l.lexicon", "villain | X\n").unwrap_err();
        assert_eq!((error.line, error.column), (1, 1));
        let error = Lexicon::parse("l.lexicon", "place | Doha | | Qatar |\n").unwrap_err();
        assert!(error.message.contains("no entry names"));
    }
}
