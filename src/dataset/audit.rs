//! Reading and writing the audit trail of nodes and edges (`audit` in the file).

use super::problem::{Location, ProblemKind, Problems};
use super::schema::{RawAudit, RawEditRecord};
use crate::model::{Audit, EditRecord, Evidence, Origin};

/// The audit a record gives, or the one implied by its evidence when it gives none.
pub(crate) fn check_audit(
    raw: Option<RawAudit>,
    evidence: &[Evidence],
    location: impl Fn() -> Location,
    problems: &mut Problems,
) -> Audit {
    let Some(raw) = raw else {
        return Audit::implied(evidence);
    };
    let origin = Origin::parse(&raw.origin).unwrap_or_else(|| {
        problems.error(
            ProblemKind::WrongShape,
            location(),
            format!(
                "unknown origin \"{}\"; expected one of curated, extracted",
                raw.origin
            ),
        );
        Origin::Curated
    });
    Audit {
        origin,
        reviewed: raw.reviewed,
        edits: raw
            .edits
            .into_iter()
            .map(|record| EditRecord {
                operation: record.op,
                at: record.at,
                note: record.note,
            })
            .collect(),
    }
}

/// The audit as the file writes it; `None` when it is what the evidence implies, so
/// files that were never edited stay as they were.
pub fn raw_audit(audit: &Audit, evidence: &[Evidence]) -> Option<RawAudit> {
    if *audit == Audit::implied(evidence) {
        return None;
    }
    Some(RawAudit {
        origin: audit.origin.as_str().to_owned(),
        reviewed: audit.reviewed,
        edits: audit
            .edits
            .iter()
            .map(|record| RawEditRecord {
                op: record.operation.clone(),
                at: record.at.clone(),
                note: record.note.clone(),
            })
            .collect(),
    })
}
