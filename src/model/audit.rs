//! Where each element came from and what was done to it: the audit trail a methods
//! section cites ("412 relations curated by hand, 96 extracted and reviewed").

/// Who made an element.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum Origin {
    /// Added by a researcher (by hand, in the window or with `edit`).
    #[default]
    Curated,
    /// Found by an extractor (`ingest`); its evidence names the extractor and how sure
    /// it was.
    Extracted,
}

impl Origin {
    /// The word the file format uses.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Curated => "curated",
            Self::Extracted => "extracted",
        }
    }

    /// Parses the file format's word.
    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "curated" => Some(Self::Curated),
            "extracted" => Some(Self::Extracted),
            _ => None,
        }
    }
}

/// One edit made to an element: what, when, and the researcher's optional note.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditRecord {
    /// The operation, as the edit format names it (`add_node`, `update`, `merge`, …).
    pub operation: String,
    /// When, as an RFC 3339 UTC time (`2026-11-29T22:47:37Z`).
    pub at: String,
    /// Why, when the researcher said.
    pub note: Option<String>,
}

/// The audit trail of a node or an edge.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Audit {
    /// Who made it.
    pub origin: Origin,
    /// For an extracted element: whether a researcher accepted it. Curated elements
    /// need no review.
    pub reviewed: bool,
    /// The edits made to it, oldest first.
    pub edits: Vec<EditRecord>,
}

impl Audit {
    /// The audit of an element a file gives none for: extracted when every one of its
    /// evidence records names an extractor, else curated; never reviewed, never edited.
    pub fn implied(evidence: &[super::Evidence]) -> Self {
        let extracted =
            !evidence.is_empty() && evidence.iter().all(|record| record.extractor.is_some());
        Self {
            origin: if extracted {
                Origin::Extracted
            } else {
                Origin::Curated
            },
            reviewed: false,
            edits: Vec::new(),
        }
    }

    /// Whether it still waits for a researcher's verdict.
    pub fn awaits_review(&self) -> bool {
        self.origin == Origin::Extracted && !self.reviewed
    }

    /// "Curated by hand", "Extracted, reviewed" or "Extracted, not yet reviewed".
    pub fn describe(&self) -> &'static str {
        match (self.origin, self.reviewed) {
            (Origin::Curated, _) => "Curated by hand",
            (Origin::Extracted, true) => "Extracted, reviewed and accepted",
            (Origin::Extracted, false) => "Extracted, not yet reviewed",
        }
    }
}

/// How many elements are curated, extracted and reviewed, and extracted and waiting.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct AuditCounts {
    /// Added by hand.
    pub curated: usize,
    /// Extracted and accepted by a researcher.
    pub reviewed: usize,
    /// Extracted and not yet reviewed.
    pub unreviewed: usize,
}

impl AuditCounts {
    /// Counts the audits given.
    pub fn of<'a>(audits: impl IntoIterator<Item = &'a Audit>) -> Self {
        let mut counts = Self::default();
        for audit in audits {
            match (audit.origin, audit.reviewed) {
                (Origin::Curated, _) => counts.curated += 1,
                (Origin::Extracted, true) => counts.reviewed += 1,
                (Origin::Extracted, false) => counts.unreviewed += 1,
            }
        }
        counts
    }
}
