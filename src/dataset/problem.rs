//! Problems found while loading a dataset, each naming the file, the place and what is
//! wrong, collected rather than stopping at the first.

use std::fmt;

/// How serious a [`Problem`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The dataset still loads; the problem was repaired or does not matter for display.
    Warning,
    /// The dataset cannot be loaded.
    Error,
}

/// Where in a file a problem is.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Location {
    /// The file as a whole (it cannot be read, or it is empty).
    File,
    /// A line and column, both counted from 1.
    LineColumn {
        /// Line, from 1.
        line: usize,
        /// Column, from 1.
        column: usize,
    },
    /// A JSON path such as `$.edges[3].target`.
    JsonPath(String),
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::File => Ok(()),
            Self::LineColumn { line, column } => write!(f, "{line}:{column}"),
            Self::JsonPath(path) => f.write_str(path),
        }
    }
}

/// The class of a problem: one per thing that can be wrong, stable for scripts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ProblemKind {
    /// The file could not be read.
    Unreadable,
    /// The file is not well-formed JSON.
    MalformedJson,
    /// The file is not well-formed XML (GEXF, GraphML).
    MalformedXml,
    /// The file is not well-formed CSV.
    MalformedCsv,
    /// The file is not well-formed GML.
    MalformedGml,
    /// The file's content is not the format its extension names, or the extension is
    /// not one Backchannel reads.
    FormatMismatch,
    /// The `format` field is missing or names a version this build does not read.
    UnknownFormat,
    /// A value has the wrong type, a required field is missing or a field is unknown.
    WrongShape,
    /// A node kind outside the closed set.
    UnknownKind,
    /// A subtype outside the closed set.
    UnknownSubtype,
    /// A relation outside the closed set.
    UnknownRelation,
    /// A modality outside the closed set.
    UnknownModality,
    /// A meeting status outside the closed set.
    UnknownStatus,
    /// A date that is not `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    InvalidDate,
    /// Two elements of one collection share an id.
    DuplicateId,
    /// An edge or affiliation names a node that does not exist.
    MissingNode,
    /// Evidence names an article that does not exist.
    MissingArticle,
    /// A meeting lacks its place or status, or a non-meeting has them.
    MeetingFields,
    /// A node or edge has no evidence.
    NoEvidence,
    /// An article has both inline text and a path, or neither.
    ArticleSource,
    /// An article path is absolute, leaves the dataset's folder, or cannot be read.
    ArticlePath,
    /// An article's text does not match its sha256.
    HashMismatch,
    /// An article has no sha256, so changes to its text go unnoticed.
    MissingHash,
    /// A quote was not at its offsets and was found again by quote and context.
    QuoteMoved,
    /// A quote is nowhere in its article.
    QuoteNotFound,
    /// A quote is empty, or its context is longer than allowed.
    QuoteShape,
    /// An article read by `ingest` gives no date; its relative dates stay unresolved.
    Undated,
}

/// One thing wrong with a dataset file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Error or warning.
    pub severity: Severity,
    /// What class of problem it is.
    pub kind: ProblemKind,
    /// The file, as the user named it.
    pub file: String,
    /// Where in the file.
    pub location: Location,
    /// What is wrong, in a sentence.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        match &self.location {
            Location::File => write!(f, "{}: {severity}: {}", self.file, self.message),
            Location::LineColumn { .. } => write!(
                f,
                "{}:{}: {severity}: {}",
                self.file, self.location, self.message
            ),
            Location::JsonPath(_) => write!(
                f,
                "{}: {}: {severity}: {}",
                self.file, self.location, self.message
            ),
        }
    }
}

/// Collects the problems of one load (a "warning reporter").
#[derive(Debug, Clone, Default)]
pub struct Problems {
    file: String,
    list: Vec<Problem>,
}

impl Problems {
    /// An empty report for `file`.
    pub fn new(file: impl Into<String>) -> Self {
        Self {
            file: file.into(),
            list: Vec::new(),
        }
    }

    /// Records an error.
    pub fn error(&mut self, kind: ProblemKind, location: Location, message: impl Into<String>) {
        self.push(Severity::Error, kind, location, message.into());
    }

    /// Records a warning.
    pub fn warning(&mut self, kind: ProblemKind, location: Location, message: impl Into<String>) {
        self.push(Severity::Warning, kind, location, message.into());
    }

    fn push(&mut self, severity: Severity, kind: ProblemKind, location: Location, message: String) {
        self.list.push(Problem {
            severity,
            kind,
            file: self.file.clone(),
            location,
            message,
        });
    }

    /// An empty report for the same file, for a part of a load done on its own (see
    /// [`Problems::append`]).
    pub fn part(&self) -> Self {
        Self::new(self.file.clone())
    }

    /// Adds the problems of `part`, in its order, after the ones recorded so far.
    pub fn append(&mut self, part: Problems) {
        self.list.extend(part.list);
    }

    /// Whether any error was recorded.
    pub fn has_errors(&self) -> bool {
        self.list
            .iter()
            .any(|problem| problem.severity == Severity::Error)
    }

    /// The problems in the order they were found.
    pub fn into_vec(self) -> Vec<Problem> {
        self.list
    }
}

/// Shorthand for a JSON path location.
pub fn at(path: impl Into<String>) -> Location {
    Location::JsonPath(path.into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn displays_file_place_and_message() {
        let mut problems = Problems::new("data/talks.json");
        problems.error(
            ProblemKind::MissingNode,
            at("$.edges[2].target"),
            "no node has id \"qatar\"",
        );
        problems.warning(
            ProblemKind::HashMismatch,
            Location::LineColumn { line: 3, column: 9 },
            "hash differs",
        );
        assert!(problems.has_errors());
        let lines: Vec<String> = problems
            .into_vec()
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            lines,
            [
                "data/talks.json: $.edges[2].target: error: no node has id \"qatar\"",
                "data/talks.json:3:9: warning: hash differs",
            ]
        );
    }
}
