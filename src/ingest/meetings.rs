//! Meetings: a sentence with a talk or travel word and a place ("talks in Cairo", "the
//! delegation left Cairo", "met in Doha") names a meeting at that place, dated by the
//! sentence ("on Tuesday", "May 28th") against the article's date, with a status:
//! denied when the sentence reports a denial, planned when it looks ahead, else held.

use super::cues::{self, Word};
use super::dates::mentioned_date;
use super::mentions::PlaceMention;
use crate::model::{MeetingStatus, PartialDate};

/// A meeting a sentence names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingFound {
    /// The place's lexicon entry.
    pub place_entry: usize,
    /// The place's name.
    pub place: String,
    /// When, if the sentence says.
    pub date: Option<PartialDate>,
    /// Whether it took place.
    pub status: MeetingStatus,
}

impl MeetingFound {
    /// What meetings merge on: the place and the date.
    pub fn key(&self) -> String {
        match self.date {
            Some(date) => format!("{} {date}", self.place.to_lowercase()),
            None => self.place.to_lowercase(),
        }
    }

    /// The name shown: "Talks in Cairo (28 May 2024)".
    pub fn label(&self) -> String {
        match self.date {
            Some(date) => format!("Talks in {} ({})", self.place, date.human()),
            None => format!("Talks in {}", self.place),
        }
    }
}

/// The meeting a sentence names, if any: it needs a talk word and a place after "in",
/// "to", "from" or "at", or a travel word and a place.
pub fn find_meeting(
    sentence: &str,
    words: &[Word],
    places: &[PlaceMention],
    place_names: &dyn Fn(usize) -> Option<String>,
    article_date: Option<PartialDate>,
) -> Option<MeetingFound> {
    let talk = words.iter().any(|word| cues::is_talk_word(&word.text));
    let travel = words.iter().any(|word| cues::is_travel_word(&word.text));
    if !(talk || travel) {
        return None;
    }
    let place = places.iter().find(|place| {
        let before: Vec<&Word> = words
            .iter()
            .filter(|word| word.end <= place.start)
            .collect();
        let preposition = before
            .last()
            .is_some_and(|word| matches!(word.text.as_str(), "in" | "to" | "from" | "at"));
        preposition || travel
    })?;
    let name = place_names(place.entry)?;
    let ahead = cues::looks_ahead(words);
    let status = if cues::denies(words) {
        MeetingStatus::Denied
    } else if ahead {
        MeetingStatus::Planned
    } else {
        MeetingStatus::Held
    };
    let date = article_date.and_then(|date| mentioned_date(sentence, &date, ahead));
    Some(MeetingFound {
        place_entry: place.entry,
        place: name,
        date,
        status,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meeting(sentence: &str) -> Option<MeetingFound> {
        let words = cues::words(sentence, 0);
        let start = sentence.find("Cairo")?;
        let start = sentence[..start].chars().count();
        let places = [PlaceMention {
            start,
            end: start + 5,
            entry: 7,
        }];
        find_meeting(
            sentence,
            &words,
            &places,
            &|_| Some("Cairo".to_owned()),
            PartialDate::parse("2024-05-26").ok(),
        )
    }

    #[test]
    fn talk_and_travel_words_with_a_place_make_a_meeting() {
        let held = meeting("The delegation arrived in Cairo on Tuesday for talks.").unwrap();
        assert_eq!(held.status, MeetingStatus::Held);
        assert_eq!(
            held.date.map(|d| d.to_string()).as_deref(),
            Some("2024-05-21")
        );
        assert_eq!(held.label(), "Talks in Cairo (21 May 2024)");
        let planned = meeting("Talks are expected to resume in Cairo on May 28th.").unwrap();
        assert_eq!(planned.status, MeetingStatus::Planned);
        assert_eq!(planned.key(), "cairo 2024-05-28");
        let denied = meeting("Egypt denied that talks in Cairo took place.").unwrap();
        assert_eq!(denied.status, MeetingStatus::Denied);
        assert!(meeting("Cairo is a large city.").is_none());
    }
}
