//! Sentence splitting that survives abbreviations ("Mr. Burns", "the U.S. delegation"),
//! initials, decimals ("22.9"), quotes that close after the full stop and titles.
//!
//! A sentence ends at `.`, `!` or `?` (with any closing quotes or brackets after it)
//! followed by white space and then an upper-case letter, a digit or an opening quote;
//! never after a known abbreviation or a single capital initial. A line break always ends
//! one: headlines and datelines stand alone.

/// Abbreviations after which a full stop does not end a sentence (compared without the
/// stop, case-sensitively).
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Lt", "Col", "Maj", "Capt", "Sgt", "Adm", "Gov", "Sen",
    "Rep", "Rev", "St", "Jr", "Sr", "No", "Nos", "Vol", "vs", "etc", "approx", "Jan", "Feb", "Mar",
    "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "U.S", "U.N", "U.K", "E.U",
    "a.m", "p.m", "Inc", "Ltd", "Co", "Corp", "Mt", "Ft", "Hon", "Amb",
];

const CLOSERS: &[char] = &['"', '\'', '”', '’', ')', ']', '»'];
const OPENERS: &[char] = &['"', '\'', '“', '‘', '(', '[', '«'];

/// The sentences of `text` as `(start, end)` char offsets, trimmed of white space, in
/// order; empty lines give none.
pub fn split(text: &str) -> Vec<(usize, usize)> {
    let chars: Vec<char> = text.chars().collect();
    let mut sentences = Vec::new();
    let mut start = 0usize;
    let mut index = 0usize;
    while index < chars.len() {
        let character = chars.get(index).copied().unwrap_or(' ');
        if character == '\n' {
            push_trimmed(&chars, start, index, &mut sentences);
            start = index + 1;
        } else if matches!(character, '.' | '!' | '?') {
            let mut end = index + 1;
            while chars.get(end).is_some_and(|c| CLOSERS.contains(c)) {
                end += 1;
            }
            if ends_sentence(&chars, index, end) {
                push_trimmed(&chars, start, end, &mut sentences);
                start = end;
                index = end;
                continue;
            }
        }
        index += 1;
    }
    push_trimmed(&chars, start, chars.len(), &mut sentences);
    sentences
}

/// Whether the stop at `stop` (its closers running to `after`) ends a sentence.
fn ends_sentence(chars: &[char], stop: usize, after: usize) -> bool {
    // White space must follow, then a capital, digit or opening quote.
    let mut next = after;
    if !chars.get(next).is_some_and(|c| c.is_whitespace()) {
        return false;
    }
    while chars
        .get(next)
        .is_some_and(|c| c.is_whitespace() && *c != '\n')
    {
        next += 1;
    }
    let Some(&first) = chars.get(next) else {
        return true;
    };
    if first == '\n' {
        return true;
    }
    if !(first.is_uppercase() || first.is_ascii_digit() || OPENERS.contains(&first)) {
        return false;
    }
    if chars.get(stop) != Some(&'.') {
        return true;
    }
    // The word before the full stop.
    let mut word_start = stop;
    while word_start > 0
        && chars
            .get(word_start - 1)
            .is_some_and(|c| c.is_alphanumeric() || *c == '.')
    {
        word_start -= 1;
    }
    let word: String = chars.get(word_start..stop).unwrap_or(&[]).iter().collect();
    if ABBREVIATIONS.contains(&word.as_str()) {
        return false;
    }
    // Dotted capitals ("H.E. Recep Tayyip Erdoğan", "the D.R.C. delegation").
    let dotted = word.split('.').count() > 1
        && word
            .split('.')
            .all(|part| part.chars().count() == 1 && part.chars().all(char::is_uppercase));
    if dotted {
        return false;
    }
    // A single capital initial ("George W. Bush").
    let mut letters = word.chars();
    if let (Some(letter), None) = (letters.next(), letters.next())
        && letter.is_uppercase()
    {
        return false;
    }
    true
}

fn push_trimmed(chars: &[char], start: usize, end: usize, out: &mut Vec<(usize, usize)>) {
    let mut from = start;
    let mut to = end.min(chars.len());
    while from < to && chars.get(from).is_some_and(|c| c.is_whitespace()) {
        from += 1;
    }
    while to > from && chars.get(to - 1).is_some_and(|c| c.is_whitespace()) {
        to -= 1;
    }
    if to > from {
        out.push((from, to));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        split(text)
            .into_iter()
            .map(|(start, end)| chars[start..end].iter().collect())
            .collect()
    }

    #[test]
    fn abbreviations_initials_and_decimals_do_not_end_sentences() {
        assert_eq!(
            sentences(
                "Mr. Burns met the U.S. envoy in Doha. It was 22.9 degrees. George W. Bush left. \
                 It was hosted by H.E. Recep Tayyip Erdoğan and Hon. Lual Dau. Talks ended."
            ),
            [
                "Mr. Burns met the U.S. envoy in Doha.",
                "It was 22.9 degrees.",
                "George W. Bush left.",
                "It was hosted by H.E. Recep Tayyip Erdoğan and Hon. Lual Dau.",
                "Talks ended."
            ]
        );
    }

    #[test]
    fn quotes_closing_after_the_stop_stay_with_their_sentence() {
        assert_eq!(
            sentences("He called it a “crisis.” Talks stalled. “We do not see a need,” he said."),
            [
                "He called it a “crisis.”",
                "Talks stalled.",
                "“We do not see a need,” he said."
            ]
        );
    }

    #[test]
    fn line_breaks_end_headlines_and_offsets_are_chars() {
        let text = "Talks — día uno\n\nHamas left Cairo. Israel stayed.";
        let spans = split(text);
        assert_eq!(spans.len(), 3);
        let chars: Vec<char> = text.chars().collect();
        let (start, end) = spans[0];
        assert_eq!(
            chars[start..end].iter().collect::<String>(),
            "Talks — día uno"
        );
        assert_eq!(spans[1].0, 17, "counted in chars, not bytes");
    }

    #[test]
    fn a_lower_case_word_after_a_stop_continues_the_sentence() {
        assert_eq!(
            sentences("The talks in St. Petersburg ended. is that so"),
            ["The talks in St. Petersburg ended. is that so"]
        );
    }
}
