//! Dates in article text: an article's own date from its first lines, and the dates a
//! sentence mentions ("May 28th", "28 May", "on Tuesday", "yesterday"), resolved
//! against the article's date.

use crate::model::{DatePrecision, PartialDate};

/// The months' names, in lower case.
pub(super) const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
/// The weekdays' names, in lower case.
pub(super) const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Whether `word` is part of a written date: a number, a month, a weekday, "yesterday".
pub fn is_date_word(word: &str) -> bool {
    word.chars().all(|c| c.is_ascii_digit())
        || month(word).is_some()
        || is_weekday(word)
        || matches!(word, "yesterday" | "today")
}

/// Whether `word` names a month, in full or abbreviated ("March", "Dec.").
pub fn is_month(word: &str) -> bool {
    month(word).is_some()
}

/// Whether `word` (lower-case) names a day of the week.
pub fn is_weekday(word: &str) -> bool {
    WEEKDAYS.contains(&word)
}

/// A checked day date (none for 31 April and the like).
fn ymd(year: u16, month: u8, day: u8) -> Option<PartialDate> {
    PartialDate::parse(&format!("{year:04}-{month:02}-{day:02}")).ok()
}

/// A checked month date.
fn ym(year: u16, month: u8) -> Option<PartialDate> {
    PartialDate::parse(&format!("{year:04}-{month:02}")).ok()
}

/// The month (1-12) a word names, in full or as a three-letter abbreviation.
fn month(word: &str) -> Option<u8> {
    let word = word.trim_end_matches('.').to_lowercase();
    MONTHS
        .iter()
        .position(|name| {
            *name == word
                || (word.len() == 3 && name.starts_with(word.as_str()))
                || (word == "sept" && *name == "september")
        })
        .and_then(|index| u8::try_from(index + 1).ok())
}

/// A day of the month written as "28", "28th", "1st", "26th’s".
fn day(word: &str) -> Option<u8> {
    let digits: String = word.chars().take_while(char::is_ascii_digit).collect();
    let rest: String = word.chars().skip(digits.len()).collect();
    // "December 8-9": a range of days starts on its first.
    let range = rest
        .strip_prefix('-')
        .is_some_and(|end| !end.is_empty() && end.chars().all(|c| c.is_ascii_digit()));
    let suffix_ok = rest.is_empty()
        || range
        || ["st", "nd", "rd", "th"]
            .iter()
            .any(|suffix| rest.to_lowercase().starts_with(suffix));
    let day: u8 = digits.parse().ok()?;
    ((1..=31).contains(&day) && suffix_ok).then_some(day)
}

/// The day written before the month at `month_at` ("28 May"); of a range written out,
/// its first ("from 10 to 11 January", "1 and 2 March").
fn day_before_month(words: &[&str], month_at: usize) -> Option<u8> {
    let word = |back: usize| {
        month_at
            .checked_sub(back)
            .and_then(|at| words.get(at))
            .copied()
            .unwrap_or("")
    };
    let last = day(word(1))?;
    let joined = matches!(word(2).to_lowercase().as_str(), "to" | "and" | "until");
    Some(day(word(3)).filter(|_| joined).unwrap_or(last))
}

fn year(word: &str) -> Option<u16> {
    // "2015", "2015." — not "20-21", a range of days.
    let digits: String = word.chars().filter(char::is_ascii_digit).collect();
    let bare = word.trim_end_matches(['.', ',', ';', ':', ')']);
    if digits.len() != 4 || !bare.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    digits
        .parse()
        .ok()
        .filter(|year| (1900..=2100).contains(year))
}

fn words(text: &str) -> Vec<&str> {
    text.split(|c: char| c.is_whitespace() || c == ',' || c == '|' || c == '(' || c == ')')
        .filter(|word| !word.is_empty())
        .collect()
}

/// An article's date from its first lines ("Sunday, May 19, 2024", "Sun May 26 2024",
/// "26 May 2024", "2024-05-26", or "May 2024"), or else from a "Published …" or
/// "Updated …" line among its last five.
pub fn article_date(text: &str) -> Option<PartialDate> {
    for line in text.lines().take(15) {
        // A dateline before the story's first sentence: "JEDDAH, Saudi Arabia, Oct. 29,
        // 2023 — Delegations of …".
        let dateline = line
            .split_once(['—', '–'])
            .map(|(head, _)| head)
            .filter(|head| words(head).len() <= 10);
        let date = if is_date_line(line) {
            full_date_in(line)
        } else {
            dateline.and_then(full_date_in)
        };
        if date.is_some() {
            return date;
        }
    }
    let lines: Vec<&str> = text.lines().collect();
    lines
        .iter()
        .rev()
        .take(5)
        .map(|line| line.trim())
        .filter(|line| {
            let lower = line.to_lowercase();
            ["published", "updated", "posted", "first published"]
                .iter()
                .any(|lead| lower.starts_with(lead))
        })
        .find_map(full_date_in)
}

/// Whether a line among an article's first may print its date: a short line (a dateline,
/// a byline, a title with a date), or one that starts with the date. A date inside a
/// sentence of the body ("Hamas has ruled Gaza since November 2022, …") is what the
/// article tells, not when it was published.
fn is_date_line(line: &str) -> bool {
    let words = words(line);
    let starts_with_date = words.first().is_some_and(|first| {
        let first = first.trim_end_matches(['.', ':']);
        PartialDate::parse(first).is_ok()
            || month(first).is_some()
            || is_weekday(&first.to_lowercase())
            || day(first).is_some()
    });
    words.len() <= 12 || starts_with_date
}

/// The first full date (day, month and year) written in `line`, or a month and year.
pub(super) fn full_date_in(line: &str) -> Option<PartialDate> {
    for word in words(line) {
        if let Ok(date) = PartialDate::parse(word)
            && date.precision() == DatePrecision::Day
        {
            return Some(date);
        }
    }
    let words = words(line);
    for (index, word) in words.iter().enumerate() {
        let Some(month) = month(word) else { continue };
        let next = words.get(index + 1).copied().unwrap_or("");
        let after = words.get(index + 2).copied().unwrap_or("");
        let before = index
            .checked_sub(1)
            .and_then(|at| words.get(at))
            .copied()
            .unwrap_or("");
        // "May 19, 2024" / "May 26 2024"
        if let (Some(day), Some(year)) = (day(next), year(after)) {
            return ymd(year, month, day);
        }
        // "26 May 2024"
        if let (Some(day), Some(year)) = (day(before), year(next)) {
            return ymd(year, month, day);
        }
        // "May 2024"
        if let Some(year) = year(next) {
            return ym(year, month);
        }
    }
    None
}

/// The date a sentence mentions, resolved against the article's date: an explicit day
/// and month ("May 28th", "28 May") takes the article's year; a weekday ("on Tuesday")
/// is the nearest such day before the article's date (after it when the sentence looks
/// ahead, `ahead`); "yesterday", "today" and "tomorrow" count from it.
pub fn mentioned_date(sentence: &str, article: &PartialDate, ahead: bool) -> Option<PartialDate> {
    let words = words(sentence);
    let article_year = article.year;
    for (index, word) in words.iter().enumerate() {
        if of_fighting(&words, index) {
            continue;
        }
        if let Some(month) = month(word) {
            // Only full month names ("May", "June"), or an abbreviation with a day.
            let next = words.get(index + 1).copied().unwrap_or("");
            let before = index
                .checked_sub(1)
                .and_then(|at| words.get(at))
                .copied()
                .unwrap_or("");
            // "Dec. 05, 2018", "5 December 2018": a year printed with the day is the
            // date's, whatever the article's.
            if let Some(day) = day(next) {
                let printed = words.get(index + 2).and_then(|word| year(word));
                return ymd(printed.unwrap_or(article_year), month, day);
            }
            if let Some(day) = day_before_month(&words, index) {
                return ymd(year(next).unwrap_or(article_year), month, day);
            }
            // "in March 2022".
            if let Some(year) = year(next) {
                return ym(year, month);
            }
            // "in March": that month, of the article's year (the next one when the
            // sentence looks ahead to a month already past).
            let full = MONTHS
                .get(usize::from(month) - 1)
                .is_some_and(|name| *name == word.trim_end_matches(['.', ',']).to_lowercase());
            if full && before.eq_ignore_ascii_case("in") {
                let year = match article.month {
                    Some(current) if ahead && month < current => article_year + 1,
                    _ => article_year,
                };
                return ym(year, month);
            }
        }
    }
    // "next week", "next month", "last week": the month they fall in.
    for pair in words.windows(2) {
        let [first, second] = pair else { continue };
        let (first, second) = (first.to_lowercase(), second.to_lowercase());
        let days = match (first.as_str(), second.trim_end_matches(['.', ','])) {
            ("next", "week") => Some(7),
            ("last", "week") => Some(-7),
            ("this", "week") => Some(0),
            _ => None,
        };
        if let (Some(days), Some(month), Some(day)) = (days, article.month, article.day) {
            let date = from_day_number(days_from_civil(article.year, month, day) + days)?;
            return ym(date.year, date.month?);
        }
        if let (Some(month), "month") = (article.month, second.trim_end_matches(['.', ','])) {
            let shift: i32 = match first.as_str() {
                "next" => 1,
                "last" => -1,
                "this" => 0,
                _ => continue,
            };
            let index = i32::from(article.year) * 12 + i32::from(month) - 1 + shift;
            let year = u16::try_from(index.div_euclid(12)).ok()?;
            let month = u8::try_from(index.rem_euclid(12) + 1).ok()?;
            return ym(year, month);
        }
    }
    let (year, Some(month), Some(day)) = (article.year, article.month, article.day) else {
        return None;
    };
    let today = days_from_civil(year, month, day);
    // "On Wednesday, the government said they will meet the following day": the day after
    // the day the sentence names, which was when it was said.
    let following_day = words.windows(2).any(|pair| {
        matches!(pair, [first, second]
            if matches!(first.to_lowercase().as_str(), "following" | "next")
                && second.trim_end_matches(['.', ',']).eq_ignore_ascii_case("day"))
    });
    let (ahead, after) = if following_day {
        (false, 1)
    } else {
        (ahead, 0)
    };
    // "will meet this weekend", "met over the weekend": its Saturday, the coming one
    // where the sentence looks ahead ("last weekend" never does).
    let weekend = words.windows(2).find_map(|pair| match pair {
        [first, second]
            if second
                .trim_end_matches(['.', ','])
                .eq_ignore_ascii_case("weekend") =>
        {
            match first.to_lowercase().as_str() {
                "this" | "the" => Some(ahead),
                "last" => Some(false),
                _ => None,
            }
        }
        _ => None,
    });
    if let Some(coming) = weekend {
        // Saturday is weekday 5.
        return from_day_number(today + weekday_offset(today, 5, coming));
    }
    for (index, word) in words.iter().enumerate() {
        if of_fighting(&words, index) {
            continue;
        }
        let lower = word.to_lowercase();
        let lower = lower.trim_matches(|c: char| !c.is_alphabetic());
        let offset = match lower {
            "yesterday" => Some(-1),
            "today" => Some(0),
            "tomorrow" => Some(1),
            _ => WEEKDAYS
                .iter()
                .position(|name| *name == lower)
                .map(|weekday| weekday_offset(today, i64::try_from(weekday).unwrap_or(0), ahead)),
        };
        if let Some(offset) = offset {
            return from_day_number(today + offset + after);
        }
    }
    None
}

/// Whether the date word at `index` of `words` is the fighting's: "the start of fighting
/// on April 15", "the war of August 2008" — the date of the war, not of talks.
fn of_fighting(words: &[&str], index: usize) -> bool {
    words
        .get(index.saturating_sub(4)..index)
        .is_some_and(|before| {
            before.iter().any(|word| {
                matches!(
                    word.to_lowercase()
                        .trim_matches(|c: char| !c.is_alphabetic()),
                    "fighting"
                        | "war"
                        | "clashes"
                        | "attack"
                        | "attacks"
                        | "offensive"
                        | "erupted"
                        | "conflict"
                )
            })
        })
}

/// The date `sentence` gives against the article's date (`ahead` when it looks ahead);
/// in an undated article, only one printed with its year.
pub fn sentence_date(
    sentence: &str,
    article: Option<PartialDate>,
    ahead: bool,
) -> Option<PartialDate> {
    match article {
        Some(date) => mentioned_date(sentence, &date, ahead),
        None => absolute_date(sentence),
    }
}

/// A date a sentence gives with its year ("in November 2022", "on 7 November 2023",
/// "November 7, 2023"), for articles that print no date of their own.
pub fn absolute_date(sentence: &str) -> Option<PartialDate> {
    let words = words(sentence);
    for (index, word) in words.iter().enumerate() {
        let Some(month) = month(word) else { continue };
        if of_fighting(&words, index) {
            continue;
        }
        let full = MONTHS
            .get(usize::from(month) - 1)
            .is_some_and(|name| *name == word.trim_end_matches(['.', ',']).to_lowercase());
        let at = |offset: usize| words.get(index + offset).copied().unwrap_or("");
        // An abbreviation only with its day and year: "Dec. 05, 2018".
        if !full {
            if let (Some(day), Some(year)) = (day(at(1)), year(at(2))) {
                return ymd(year, month, day);
            }
            continue;
        }
        if let (Some(day), Some(year)) = (day(at(1)), year(at(2))) {
            return ymd(year, month, day);
        }
        if let Some(year) = year(at(1)) {
            return match day_before_month(&words, index) {
                Some(day) => ymd(year, month, day),
                None => ym(year, month),
            };
        }
    }
    None
}

/// Days since 1970-01-01 (Howard Hinnant's days-from-civil).
fn days_from_civil(year: u16, month: u8, day: u8) -> i64 {
    let (month, day) = (i64::from(month), i64::from(day));
    let year = i64::from(year) - i64::from(month <= 2);
    let era = year.div_euclid(400);
    let yoe = year - era * 400;
    let doy = (153 * (month + if month > 2 { -3 } else { 9 }) + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date of a day number (days since 1970-01-01; civil-from-days).
/// Days from day number `today` to the weekday `wanted` (Monday 0): the coming one
/// (today itself included: "would start in Jeddah on Saturday", printed on a Saturday)
/// where `ahead`, else the last one.
fn weekday_offset(today: i64, wanted: i64, ahead: bool) -> i64 {
    // Day 0 (1970-01-01) was a Thursday.
    let today_weekday = (today + 3).rem_euclid(7);
    if ahead {
        (wanted - today_weekday).rem_euclid(7)
    } else {
        -(today_weekday - wanted).rem_euclid(7)
    }
}

fn from_day_number(number: i64) -> Option<PartialDate> {
    let z = number + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    ymd(
        u16::try_from(year).ok()?,
        u8::try_from(month).ok()?,
        u8::try_from(day).ok()?,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn article_dates_in_the_forms_outlets_print() {
        assert_eq!(
            article_date("22.9 C\nNew York\nSunday, May 19, 2024\n\nTitle"),
            ymd(2024, 5, 19)
        );
        assert_eq!(article_date("Title\n\nSun May 26 2024\n"), ymd(2024, 5, 26));
        assert_eq!(article_date("Published 26 May 2024"), ymd(2024, 5, 26));
        assert_eq!(article_date("no date here"), None);
        // A date in a sentence of the body is no publication date.
        assert_eq!(
            article_date(
                "Gaza talks\n\nIsrael has long called for the disarmament of Hamas, which has ruled Gaza since November 2022, officials said on Sunday.\n"
            ),
            None
        );
        // So does a dateline before the story.
        assert_eq!(
            article_date(
                "Title\n\nJEDDAH, Saudi Arabia, Oct. 29, 2023 — Delegations of the Sudanese army and the RSF arrived in Jeddah on Sunday for talks since November 2022.\n"
            ),
            ymd(2023, 10, 29)
        );
        // A line that starts with its date still gives it.
        assert_eq!(
            article_date(
                "Title\n\nMay 26, 2024 — Israel and Hamas resumed talks in Cairo on Sunday with the mediators of Egypt and Qatar.\n"
            ),
            ymd(2024, 5, 26)
        );
    }

    #[test]
    fn the_following_day_is_the_day_after_the_day_the_sentence_names() {
        let article = ymd(2025, 7, 10).unwrap(); // a Thursday
        let said = "On Wednesday, the government said the leaders will meet the following day";
        // Said on Wednesday 9 July, looking ahead: Thursday 10 July, not a week on.
        assert_eq!(mentioned_date(said, &article, true), ymd(2025, 7, 10));
        assert_eq!(
            mentioned_date("They will meet on Wednesday", &article, true),
            ymd(2025, 7, 16)
        );
    }

    #[test]
    fn a_weekend_is_its_saturday_the_coming_one_when_the_sentence_looks_ahead() {
        let wednesday = ymd(2025, 5, 7).unwrap();
        assert_eq!(
            mentioned_date("they will meet this weekend in Geneva", &wednesday, true),
            ymd(2025, 5, 10)
        );
        assert_eq!(
            mentioned_date("they met over the weekend in Geneva", &wednesday, false),
            ymd(2025, 5, 3)
        );
        assert_eq!(
            mentioned_date("talks last weekend in Geneva", &wednesday, true),
            ymd(2025, 5, 3)
        );
    }

    #[test]
    fn sentence_dates_resolve_against_the_article() {
        let article = ymd(2024, 5, 26).unwrap(); // a Sunday
        assert_eq!(
            mentioned_date("talks are expected to resume on May 28th", &article, true),
            ymd(2024, 5, 28)
        );
        assert_eq!(
            mentioned_date(
                "the delegation arrived in Cairo on Tuesday",
                &article,
                false
            ),
            ymd(2024, 5, 21)
        );
        assert_eq!(
            mentioned_date("they will meet on Tuesday", &article, true),
            ymd(2024, 5, 28)
        );
        assert_eq!(
            mentioned_date("talks resume next week", &article, true),
            ym(2024, 6)
        );
        assert_eq!(
            mentioned_date("officials meet in Abu Dhabi next month", &article, true),
            ym(2024, 6)
        );
        assert_eq!(
            mentioned_date(
                "The next round is expected in Caracas in March.",
                &article,
                true
            ),
            ym(2025, 3)
        );
        assert_eq!(
            mentioned_date(
                "A round in Jeddah collapsed in June.",
                &ymd(2023, 10, 29).unwrap(),
                false
            ),
            ym(2023, 6)
        );
        assert_eq!(
            mentioned_date("Hamas left Cairo yesterday", &article, false),
            ymd(2024, 5, 25)
        );
        assert_eq!(
            mentioned_date("on Tuesday", &ym(2024, 5).unwrap(), false),
            None
        );
        assert_eq!(
            mentioned_date("on 6 May", &ym(2024, 5).unwrap(), false),
            ymd(2024, 5, 6)
        );
        assert_eq!(
            mentioned_date("in Geneva, Wednesday, Dec. 05, 2018.", &article, false),
            ymd(2018, 12, 5),
            "a year printed with the day is the date's"
        );
        assert_eq!(
            mentioned_date("signed on 5 December 2018", &article, false),
            ymd(2018, 12, 5)
        );
        assert_eq!(
            mentioned_date(
                "talks in Jeddah would not cover what led to the fighting on April 15",
                &article,
                false
            ),
            None,
            "the war's date is no date of talks"
        );
        // Printed on a Sunday, "on Sunday" ahead is that day.
        assert_eq!(
            mentioned_date("talks will start on Sunday", &article, true),
            Some(article)
        );
    }

    #[test]
    fn an_undated_article_s_sentences_give_the_dates_they_print_with_a_year() {
        assert_eq!(
            absolute_date("they resumed in November 2022 in Caracas"),
            ym(2022, 11)
        );
        assert_eq!(
            absolute_date("signed on 7 November 2023 in Jeddah"),
            ymd(2023, 11, 7)
        );
        assert_eq!(
            absolute_date("signed on November 7, 2023 in Jeddah"),
            ymd(2023, 11, 7)
        );
        assert_eq!(absolute_date("they met on Tuesday in May"), None);
        assert_eq!(
            absolute_date("arrives in Geneva, Wednesday, Dec. 05, 2018."),
            ymd(2018, 12, 5)
        );
        assert_eq!(absolute_date("talks in Dec. resumed"), None);
        assert_eq!(
            absolute_date("held in Kunming from 10 to 11 January 2024"),
            ymd(2024, 1, 10),
            "a range written out starts on its first day"
        );
        assert_eq!(
            absolute_date("The next round will be held on June 20-21."),
            None,
            "a range of days is no year"
        );
        assert_eq!(
            absolute_date("to address the consequences of the war of August 2008"),
            None,
            "the war's date is no date of talks"
        );
        assert_eq!(
            absolute_date("the next round will be held on December 8-9, 2015"),
            ymd(2015, 12, 8),
            "a range of days starts on its first"
        );
    }
}
