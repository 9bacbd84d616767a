//! Turning an evidence spec (article, quote, occurrence) into an anchored record.

use super::EditError;
use super::ops::EvidenceSpec;
use crate::dataset::{abbreviate, context_of};
use crate::model::{Evidence, Model};

/// Finds the quote in its article and anchors it: offsets and context are computed.
pub(super) fn resolve(model: &Model, spec: &EvidenceSpec) -> Result<Evidence, EditError> {
    let article = model
        .article(&spec.article)
        .ok_or_else(|| EditError::UnknownArticle(spec.article.clone()))?;
    if spec.quote.trim().is_empty() {
        return Err(EditError::EmptyQuote);
    }
    let found = article.text.find_all(&spec.quote);
    let (start, end) = match (found.as_slice(), spec.occurrence) {
        ([], _) => {
            return Err(EditError::QuoteNotFound {
                article: spec.article.clone(),
                quote: abbreviate(&spec.quote),
            });
        }
        ([only], None | Some(1)) => *only,
        (_, None) => {
            return Err(EditError::AmbiguousQuote {
                article: spec.article.clone(),
                quote: abbreviate(&spec.quote),
                count: found.len(),
            });
        }
        (all, Some(occurrence)) => *occurrence
            .checked_sub(1)
            .and_then(|index| all.get(index))
            .ok_or_else(|| EditError::NoSuchOccurrence {
                article: spec.article.clone(),
                quote: abbreviate(&spec.quote),
                occurrence,
                count: all.len(),
            })?,
    };
    let (prefix, suffix) = context_of(&article.text, start, end);
    Ok(Evidence {
        article_id: spec.article.clone(),
        quote: spec.quote.clone(),
        start,
        end,
        prefix,
        suffix,
        confidence: None,
        extractor: None,
        reviewed: false,
    })
}

/// The spec that finds the text at chars `start..end` of an article again: its quote,
/// and which occurrence it is when the quote occurs more than once (as a selection in
/// the reader becomes evidence).
pub fn spec_at(model: &Model, article_id: &str, start: usize, end: usize) -> Option<EvidenceSpec> {
    let article = model.article(article_id)?;
    let quote = article.text.slice(start, end)?.to_owned();
    if quote.trim().is_empty() {
        return None;
    }
    let found = article.text.find_all(&quote);
    let index = found.iter().position(|&(at, _)| at == start)?;
    Some(EvidenceSpec {
        article: article_id.to_owned(),
        quote,
        occurrence: (found.len() > 1).then_some(index + 1),
    })
}
