//! Anchoring evidence in article text: check a quote against its offsets, and find it
//! again by quote and context when the offsets are stale.

use crate::model::{ArticleText, CONTEXT_CHARS};

/// Where a quote was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchoring {
    /// The quote is at its offsets.
    Exact,
    /// The quote is elsewhere; these are its offsets.
    Moved {
        /// Char offset of its first char.
        start: usize,
        /// Char offset just past it.
        end: usize,
    },
    /// The quote is nowhere in the text.
    NotFound,
}

/// Checks that `quote` is at `start..end` of `text`; when it is not, finds the occurrence
/// whose surrounding text best matches `prefix` and `suffix` (ties: the one nearest
/// `start`).
///
/// Complexity: O(text) to find the occurrences, O(occurrences x context) to rank them.
pub fn anchor_quote(
    text: &ArticleText,
    quote: &str,
    start: usize,
    end: usize,
    prefix: &str,
    suffix: &str,
) -> Anchoring {
    if quote.is_empty() {
        return Anchoring::NotFound;
    }
    if text.slice(start, end) == Some(quote) {
        return Anchoring::Exact;
    }
    let best = text
        .find_all(quote)
        .into_iter()
        .max_by_key(|&(found_start, found_end)| {
            let context_score =
                common_suffix_chars(text.before(found_start, CONTEXT_CHARS), prefix)
                    + common_prefix_chars(text.after(found_end, CONTEXT_CHARS), suffix);
            // Higher is better: more shared context, then less distance (negated).
            (
                context_score,
                std::cmp::Reverse(found_start.abs_diff(start)),
            )
        });
    match best {
        Some((start, end)) => Anchoring::Moved { start, end },
        None => Anchoring::NotFound,
    }
}

/// The W3C context of chars `start..end`: up to [`CONTEXT_CHARS`] chars before and after.
pub fn context_of(text: &ArticleText, start: usize, end: usize) -> (String, String) {
    (
        text.before(start, CONTEXT_CHARS).to_owned(),
        text.after(end, CONTEXT_CHARS).to_owned(),
    )
}

fn common_prefix_chars(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

fn common_suffix_chars(a: &str, b: &str) -> usize {
    a.chars()
        .rev()
        .zip(b.chars().rev())
        .take_while(|(x, y)| x == y)
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "Hamas said no. Israel said no. Qatar said yes.";

    #[test]
    fn exact_when_the_quote_is_at_its_offsets() {
        let text = ArticleText::new(TEXT);
        assert_eq!(
            anchor_quote(&text, "Israel said no", 15, 29, "", ""),
            Anchoring::Exact
        );
    }

    #[test]
    fn moved_quote_is_found_by_its_context() {
        let text = ArticleText::new(TEXT);
        // "said no" occurs twice; the prefix picks the second occurrence.
        assert_eq!(
            anchor_quote(&text, "said no", 0, 7, "Israel ", ". Qatar"),
            Anchoring::Moved { start: 22, end: 29 }
        );
        assert_eq!(
            anchor_quote(&text, "said no", 40, 47, "Hamas ", ""),
            Anchoring::Moved { start: 6, end: 13 }
        );
    }

    #[test]
    fn without_context_the_nearest_occurrence_wins() {
        let text = ArticleText::new(TEXT);
        assert_eq!(
            anchor_quote(&text, "said no", 20, 27, "", ""),
            Anchoring::Moved { start: 22, end: 29 }
        );
    }

    #[test]
    fn missing_or_empty_quote_is_not_found() {
        let text = ArticleText::new(TEXT);
        assert_eq!(
            anchor_quote(&text, "Egypt said", 0, 10, "", ""),
            Anchoring::NotFound
        );
        assert_eq!(anchor_quote(&text, "", 0, 0, "", ""), Anchoring::NotFound);
    }

    #[test]
    fn offsets_count_chars_not_bytes() {
        let text = ArticleText::new("May 26th’s attack on a camp");
        assert_eq!(
            anchor_quote(&text, "attack", 11, 17, "", ""),
            Anchoring::Exact
        );
        assert_eq!(
            context_of(&text, 11, 17),
            ("May 26th’s ".to_owned(), " on a camp".to_owned())
        );
    }
}
