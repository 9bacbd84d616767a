//! Article text addressed by Unicode scalar values (chars), the offset unit of the
//! dataset format, with the sentence lookup the evidence panel uses.

/// The text with its first letter in capitals: "actor" -> "Actor", "ceasefire proposal"
/// -> "Ceasefire proposal"; the rest keeps its case.
pub fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The text of one article, indexed so that char offsets map to byte offsets in O(1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ArticleText {
    text: String,
    /// Byte offset of every char, followed by `text.len()`: `char_starts[i]` is where
    /// char `i` begins, so char range `a..b` is bytes `char_starts[a]..char_starts[b]`.
    char_starts: Vec<usize>,
}

impl ArticleText {
    /// Indexes `text`. A leading byte-order mark is not part of the text.
    pub fn new(text: impl Into<String>) -> Self {
        let mut text: String = text.into();
        if text.starts_with('\u{feff}') {
            text.drain(..'\u{feff}'.len_utf8());
        }
        let mut char_starts: Vec<usize> = text.char_indices().map(|(byte, _)| byte).collect();
        char_starts.push(text.len());
        Self { text, char_starts }
    }

    /// The whole text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Number of chars (Unicode scalar values) in the text.
    pub fn char_len(&self) -> usize {
        self.char_starts.len() - 1
    }

    /// The text of chars `start..end`, or `None` when the range is reversed or out of bounds.
    pub fn slice(&self, start: usize, end: usize) -> Option<&str> {
        if start > end {
            return None;
        }
        let from = *self.char_starts.get(start)?;
        let to = *self.char_starts.get(end)?;
        self.text.get(from..to)
    }

    /// Byte offset of char `char_offset`, clamped to the end of the text.
    pub fn byte_offset(&self, char_offset: usize) -> usize {
        self.char_starts
            .get(char_offset)
            .copied()
            .unwrap_or(self.text.len())
    }

    /// Char offset of the char that starts at or contains byte `byte_offset`.
    pub fn char_offset(&self, byte_offset: usize) -> usize {
        match self.char_starts.binary_search(&byte_offset) {
            Ok(index) => index,
            Err(index) => index.saturating_sub(1),
        }
    }

    /// Every place `quote` occurs, as char ranges, in order. An empty quote occurs nowhere.
    pub fn find_all(&self, quote: &str) -> Vec<(usize, usize)> {
        if quote.is_empty() {
            return Vec::new();
        }
        let quote_chars = quote.chars().count();
        let mut found = Vec::new();
        let mut from = 0;
        while let Some(relative) = self.text.get(from..).and_then(|rest| rest.find(quote)) {
            let byte = from + relative;
            let start = self.char_offset(byte);
            found.push((start, start + quote_chars));
            // Step one char forward so overlapping occurrences are found too.
            from = self.byte_offset(start + 1);
        }
        found
    }

    /// Up to `max_chars` chars that end where char `offset` begins.
    pub fn before(&self, offset: usize, max_chars: usize) -> &str {
        let end = offset.min(self.char_len());
        self.slice(end.saturating_sub(max_chars), end).unwrap_or("")
    }

    /// Up to `max_chars` chars that begin at char `offset`.
    pub fn after(&self, offset: usize, max_chars: usize) -> &str {
        let start = offset.min(self.char_len());
        let end = (start + max_chars).min(self.char_len());
        self.slice(start, end).unwrap_or("")
    }

    /// The char range of the sentence (or sentences) that contain chars `start..end`.
    ///
    /// A sentence ends at `.`, `!` or `?` (and any closing quotes or brackets after it)
    /// followed by white space, or at a line break. The result always contains
    /// `start..end` (clamped to the text) and never begins or ends with white space.
    pub fn sentence_around(&self, start: usize, end: usize) -> (usize, usize) {
        let chars: Vec<char> = self.text.chars().collect();
        let len = chars.len();
        let start = start.min(len);
        let end = end.clamp(start, len);

        let mut sentence_start = start;
        while sentence_start > 0 {
            let previous = sentence_start - 1;
            if chars[previous] == '\n' || ends_sentence_at(&chars, previous) {
                break;
            }
            sentence_start = previous;
        }
        let mut sentence_end = end;
        while sentence_end < len {
            if chars[sentence_end] == '\n' {
                break;
            }
            if sentence_end > 0 && ends_sentence_at(&chars, sentence_end - 1) && sentence_end > end
            {
                break;
            }
            sentence_end += 1;
        }
        while sentence_start < start && chars[sentence_start].is_whitespace() {
            sentence_start += 1;
        }
        while sentence_end > end && chars[sentence_end - 1].is_whitespace() {
            sentence_end -= 1;
        }
        (sentence_start, sentence_end)
    }
}

/// Whether a sentence ends right after char `index`: terminal punctuation (with closing
/// quotes or brackets) at `index`, followed by white space.
fn ends_sentence_at(chars: &[char], index: usize) -> bool {
    let is_closer = |c: char| matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»');
    let Some(&next) = chars.get(index + 1) else {
        return false;
    };
    if !next.is_whitespace() {
        return false;
    }
    let mut cursor = index;
    while is_closer(chars[cursor]) {
        if cursor == 0 {
            return false;
        }
        cursor -= 1;
    }
    matches!(chars[cursor], '.' | '!' | '?')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slices_by_chars_across_multibyte_text() {
        let text = ArticleText::new("May 26th’s attack — near Rafah");
        assert_eq!(text.slice(4, 10), Some("26th’s"));
        assert_eq!(text.slice(18, 30), Some("— near Rafah"));
        assert_eq!(text.slice(3, 2), None);
        assert_eq!(text.slice(0, 31), None);
    }

    #[test]
    fn strips_byte_order_mark() {
        let text = ArticleText::new("\u{feff}Hamas");
        assert_eq!(text.as_str(), "Hamas");
        assert_eq!(text.char_len(), 5);
    }

    #[test]
    fn finds_every_occurrence_in_char_offsets() {
        let text = ArticleText::new("’Cairo, Cairo’s talks, cairo");
        assert_eq!(text.find_all("Cairo"), vec![(1, 6), (8, 13)]);
        assert!(text.find_all("").is_empty());
        assert_eq!(ArticleText::new("aaa").find_all("aa"), vec![(0, 2), (1, 3)]);
    }

    #[test]
    fn context_before_and_after_is_clamped() {
        let text = ArticleText::new("abcdef");
        assert_eq!(text.before(3, 32), "abc");
        assert_eq!(text.before(3, 2), "bc");
        assert_eq!(text.after(3, 32), "def");
        assert_eq!(text.after(10, 5), "");
    }

    #[test]
    fn sentence_around_a_quote() {
        let text = ArticleText::new(
            "First one. Hamas said “no.” Then Israel spoke! Last line\nNext paragraph.",
        );
        let quote = text.find_all("Israel")[0];
        let (s, e) = text.sentence_around(quote.0, quote.1);
        assert_eq!(text.slice(s, e), Some("Then Israel spoke!"));

        let quote = text.find_all("Hamas")[0];
        let (s, e) = text.sentence_around(quote.0, quote.1);
        assert_eq!(text.slice(s, e), Some("Hamas said “no.”"));

        let quote = text.find_all("Last")[0];
        let (s, e) = text.sentence_around(quote.0, quote.1);
        assert_eq!(text.slice(s, e), Some("Last line"));
    }

    #[test]
    fn sentence_around_spans_two_sentences_when_the_quote_does() {
        let text = ArticleText::new("A b. C d. E f.");
        let (s, e) = text.sentence_around(2, 7);
        assert_eq!(text.slice(s, e), Some("A b. C d."));
    }
}
