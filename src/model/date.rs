//! Calendar dates known to a day, a month or a year (ISO 8601 reduced precision).

use std::fmt;

/// How much of a [`PartialDate`] is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum DatePrecision {
    /// Only the year: `2024`.
    Year,
    /// Year and month: `2024-05`.
    Month,
    /// A calendar day: `2024-05-28`.
    Day,
}

impl DatePrecision {
    /// `"year"`, `"month"` or `"day"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Year => "year",
            Self::Month => "month",
            Self::Day => "day",
        }
    }
}

/// A date written `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; the form is its precision.
///
/// Ordering is chronological, with a less precise date before the more precise dates it
/// contains (`2024-05` < `2024-05-01`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    /// The year, 1 to 9999.
    pub year: u16,
    /// The month, 1 to 12, when known.
    pub month: Option<u8>,
    /// The day of the month, when known (then `month` is known too).
    pub day: Option<u8>,
}

/// Why a date string is not a [`PartialDate`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("\"{text}\" is not a date: {reason} (write YYYY, YYYY-MM or YYYY-MM-DD)")]
pub struct DateError {
    text: String,
    reason: &'static str,
}

impl PartialDate {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, checking month and day ranges (leap years
    /// included).
    pub fn parse(text: &str) -> Result<Self, DateError> {
        let error = |reason| DateError {
            text: text.to_owned(),
            reason,
        };
        let mut parts = text.split('-');
        let year = parts.next().ok_or_else(|| error("empty"))?;
        let month = parts.next();
        let day = parts.next();
        if parts.next().is_some() {
            return Err(error("too many parts"));
        }
        let number = |part: &str, digits: usize, what| -> Result<u16, DateError> {
            if part.len() != digits || !part.bytes().all(|b| b.is_ascii_digit()) {
                return Err(error(what));
            }
            part.parse::<u16>().map_err(|_| error(what))
        };
        let year = number(year, 4, "the year must have four digits")?;
        if year == 0 {
            return Err(error("there is no year 0"));
        }
        let month = match month {
            None => None,
            Some(month) => {
                let month = number(month, 2, "the month must have two digits")?;
                if !(1..=12).contains(&month) {
                    return Err(error("the month must be 01 to 12"));
                }
                Some(month as u8)
            }
        };
        let day = match (month, day) {
            (_, None) => None,
            (None, Some(_)) => return Err(error("a day needs a month")),
            (Some(month), Some(day)) => {
                let day = number(day, 2, "the day must have two digits")?;
                if day == 0 || day > u16::from(days_in_month(year, month)) {
                    return Err(error("no such day in that month"));
                }
                Some(day as u8)
            }
        };
        Ok(Self { year, month, day })
    }

    /// How much of the date is known.
    pub fn precision(&self) -> DatePrecision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => DatePrecision::Day,
            (Some(_), None) => DatePrecision::Month,
            _ => DatePrecision::Year,
        }
    }

    /// The first calendar day the date covers, as `(year, month, day)`.
    pub fn first_day(&self) -> (u16, u8, u8) {
        (self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    /// The last calendar day the date covers, as `(year, month, day)`.
    pub fn last_day(&self) -> (u16, u8, u8) {
        let month = self.month.unwrap_or(12);
        let day = self.day.unwrap_or_else(|| days_in_month(self.year, month));
        (self.year, month, day)
    }

    /// Whether the days this date covers meet the days from `from` to `to` (inclusive).
    pub fn overlaps(&self, from: &PartialDate, to: &PartialDate) -> bool {
        self.last_day() >= from.first_day() && self.first_day() <= to.last_day()
    }

    /// The date for people: "28 May 2024", "May 2024" or "2024".
    pub fn human(&self) -> String {
        const MONTHS: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        let month_name = self
            .month
            .and_then(|month| MONTHS.get(usize::from(month).saturating_sub(1)));
        match (self.day, month_name) {
            (Some(day), Some(month)) => format!("{day} {month} {}", self.year),
            (None, Some(month)) => format!("{month} {}", self.year),
            _ => self.year.to_string(),
        }
    }
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(month) = self.month {
            write!(f, "-{month:02}")?;
        }
        if let Some(day) = self.day {
            write!(f, "-{day:02}")?;
        }
        Ok(())
    }
}

impl<'de> serde::Deserialize<'de> for PartialDate {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Self::parse(&text).map_err(serde::de::Error::custom)
    }
}

impl serde::Serialize for PartialDate {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_each_precision_and_prints_it_back() {
        for text in ["2024", "2024-05", "2024-05-28", "2024-02-29"] {
            let date = PartialDate::parse(text).unwrap();
            assert_eq!(date.to_string(), text);
        }
        assert_eq!(
            PartialDate::parse("2024").unwrap().precision(),
            DatePrecision::Year
        );
        assert_eq!(
            PartialDate::parse("2024-05").unwrap().precision(),
            DatePrecision::Month
        );
        assert_eq!(
            PartialDate::parse("2024-05-28").unwrap().human(),
            "28 May 2024"
        );
    }

    #[test]
    fn rejects_impossible_dates() {
        for text in [
            "",
            "24",
            "2024-5",
            "2024-13",
            "2023-02-29",
            "2024-04-31",
            "2024-05-28T10:00",
            "0000",
            "2024-05-28-01",
            "2024--01",
        ] {
            assert!(
                PartialDate::parse(text).is_err(),
                "{text} should be rejected"
            );
        }
    }

    #[test]
    fn overlap_respects_precision() {
        let may = PartialDate::parse("2024-05").unwrap();
        let may_28 = PartialDate::parse("2024-05-28").unwrap();
        let june = PartialDate::parse("2024-06-01").unwrap();
        let year = PartialDate::parse("2024").unwrap();
        assert!(may.overlaps(&may_28, &june));
        assert!(may_28.overlaps(&may, &may));
        assert!(!june.overlaps(&may, &may_28));
        assert!(year.overlaps(&june, &june));
        assert_eq!(
            PartialDate::parse("2024-02").unwrap().last_day(),
            (2024, 2, 29)
        );
    }

    #[test]
    fn orders_chronologically() {
        let year = PartialDate::parse("2024").unwrap();
        let month = PartialDate::parse("2024-05").unwrap();
        let day = PartialDate::parse("2024-05-01").unwrap();
        let later = PartialDate::parse("2024-06").unwrap();
        assert!(year < month && month < day && day < later);
    }
}
