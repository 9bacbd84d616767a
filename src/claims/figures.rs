//! Figures in quotes: a number (in digits, "1,200", or in words up to twenty) followed,
//! within two words, by a thing negotiations count (hostages, prisoners, days of a truce,
//! people killed). "33 hostages", "three Israeli hostages", "42 days". A qualifier before
//! the number makes it a range: "more than 100 hostages" is any number above 100, and
//! does not contradict "121 hostages".

/// The things counted, each with the word forms that name it (plural and singular).
const COUNTED: [(&str, &[&str]); 8] = [
    ("hostages", &["hostages", "hostage", "captives", "captive"]),
    (
        "prisoners",
        &["prisoners", "prisoner", "detainees", "detainee"],
    ),
    ("days", &["days", "day"]),
    ("weeks", &["weeks", "week"]),
    ("killed", &["killed", "dead", "deaths"]),
    ("soldiers", &["soldiers", "soldier"]),
    ("trucks", &["trucks", "truck", "lorries"]),
    (
        "people",
        &["people", "civilians", "palestinians", "israelis"],
    ),
];

/// Numbers written as words.
const NUMBER_WORDS: [(&str, u64); 20] = [
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
];

/// A figure a quote gives: how many of what, as the range of numbers its words allow.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Figure {
    /// The number written.
    pub number: u64,
    /// The words before it that make it a range ("more than"), if any.
    pub qualifier: Option<&'static str>,
    /// What it counts ("hostages").
    pub thing: &'static str,
    /// The smallest and largest numbers the words allow.
    pub range: (f64, f64),
}

impl Figure {
    /// Whether some number fits both figures' ranges.
    pub fn agrees_with(&self, other: &Figure) -> bool {
        self.range.0 <= other.range.1 && other.range.0 <= self.range.1
    }

    /// The figure as written: "more than 100 hostages".
    pub fn words(&self) -> String {
        match self.qualifier {
            Some(qualifier) => format!("{qualifier} {} {}", self.number, self.thing),
            None => format!("{} {}", self.number, self.thing),
        }
    }
}

/// The smallest and largest numbers a qualifier allows for the number it qualifies.
type RangeOf = fn(f64) -> (f64, f64);

/// Words before a number that make it a range, with the range they make of `n` (a tenth
/// either side for an estimate).
const QUALIFIERS: [(&str, RangeOf); 14] = [
    ("more than", |n| (n + 1.0, f64::INFINITY)),
    ("over", |n| (n + 1.0, f64::INFINITY)),
    ("at least", |n| (n, f64::INFINITY)),
    ("fewer than", |n| (0.0, n - 1.0)),
    ("less than", |n| (0.0, n - 1.0)),
    ("under", |n| (0.0, n - 1.0)),
    ("up to", |n| (0.0, n)),
    ("at most", |n| (0.0, n)),
    ("nearly", |n| (0.9 * n, n)),
    ("almost", |n| (0.9 * n, n)),
    ("about", |n| (0.9 * n, 1.1 * n)),
    ("around", |n| (0.9 * n, 1.1 * n)),
    ("some", |n| (0.9 * n, 1.1 * n)),
    ("roughly", |n| (0.9 * n, 1.1 * n)),
];

/// The figures in `text`, in text order. A number with no counted thing just after it (a
/// date's day, a year) gives none.
pub fn counted_figures(text: &str) -> Vec<Figure> {
    let words: Vec<String> = text
        .split(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | '"' | '“' | '”'))
        .map(|word| {
            word.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|word| !word.is_empty())
        .collect();
    let mut figures = Vec::new();
    for (index, word) in words.iter().enumerate() {
        let Some(number) = number_of(word) else {
            continue;
        };
        let thing = words.iter().skip(index + 1).take(3).find_map(|next| {
            COUNTED
                .iter()
                .find(|(_, forms)| forms.contains(&next.as_str()))
                .map(|(thing, _)| *thing)
        });
        let Some(thing) = thing else {
            continue;
        };
        let before = |back: usize| {
            index
                .checked_sub(back)
                .and_then(|start| words.get(start..index))
                .map(|slice| slice.join(" "))
        };
        let qualifier = QUALIFIERS.iter().find(|(words, _)| {
            let length = words.split(' ').count();
            before(length).as_deref() == Some(*words)
        });
        let n = number as f64;
        figures.push(Figure {
            number,
            qualifier: qualifier.map(|(words, _)| *words),
            thing,
            range: qualifier.map_or((n, n), |(_, range)| range(n)),
        });
    }
    figures
}

fn number_of(word: &str) -> Option<u64> {
    let digits: String = word.chars().filter(|c| *c != ',').collect();
    if !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()) {
        return digits.parse().ok();
    }
    NUMBER_WORDS
        .iter()
        .find(|(name, _)| *name == word)
        .map(|(_, value)| *value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_digits_or_words_count_what_follows_them() {
        let counted = |text: &str| -> Vec<(u64, &str)> {
            counted_figures(text)
                .into_iter()
                .map(|figure| (figure.number, figure.thing))
                .collect()
        };
        assert_eq!(
            counted("the release of 33 hostages in the first phase"),
            vec![(33, "hostages")]
        );
        assert_eq!(
            counted("three Israeli hostages for 1,200 Palestinian prisoners"),
            vec![(3, "hostages"), (1_200, "prisoners")]
        );
        assert_eq!(counted("a truce of 42 days"), vec![(42, "days")]);
        // A date or a year counts nothing.
        assert!(counted("on 28 May 2024 in Cairo").is_empty());
        assert!(counted("talks resumed").is_empty());
    }

    #[test]
    fn a_qualified_figure_is_a_range_that_agrees_with_what_falls_in_it() {
        let figure = |text: &str| counted_figures(text)[0];
        let more_than = figure("the release of more than 100 hostages");
        assert_eq!(more_than.words(), "more than 100 hostages");
        assert!(more_than.agrees_with(&figure("the 121 hostages still in Gaza")));
        assert!(!more_than.agrees_with(&figure("the 100 hostages")));
        assert!(!figure("33 hostages").agrees_with(&figure("40 hostages")));
        assert!(figure("about 40 hostages").agrees_with(&figure("42 hostages")));
        assert!(!figure("nearly 40 hostages").agrees_with(&figure("41 hostages")));
    }
}
