//! Tests of `meetings`.
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
        0,
        &words,
        &places,
        &Places {
            name_of: &|_| Some("Cairo".to_owned()),
            host_of: &|_| Some("Egypt".to_owned()),
        },
        PartialDate::parse("2024-05-26").ok(),
    )
}

/// The meeting key of each sentence of an article published `published`, where
/// "Cairo" (entry 7) and "Egypt" (entry 8, Cairo's country) are places.
fn article_meetings(sentences: &[&str], published: Option<&str>) -> Vec<Option<String>> {
    let mut offset = 0;
    let inputs: Vec<(String, usize, Vec<cues::Word>, Vec<PlaceMention>)> = sentences
        .iter()
        .map(|sentence| {
            let start = offset;
            offset += sentence.chars().count() + 1;
            let cairo = sentence
                .find("Cairo")
                .or_else(|| sentence.find("CAIRO"))
                .map(|at| PlaceMention {
                    start: start + at,
                    end: start + at + 5,
                    entry: 7,
                });
            let egypt = sentence.find("Egypt").map(|at| PlaceMention {
                start: start + at,
                end: start + at + 5,
                entry: 8,
            });
            let places = cairo.into_iter().chain(egypt).collect();
            (
                sentence.to_string(),
                start,
                cues::words(sentence, start),
                places,
            )
        })
        .collect();
    let inputs: Vec<SentenceInput<'_>> = inputs
        .iter()
        .map(|(text, start, words, places)| SentenceInput {
            text,
            start: *start,
            words,
            places,
        })
        .collect();
    let found = meetings_of_article(
        &inputs,
        &|entry| Some(if entry == 7 { "Cairo" } else { "Egypt" }.to_owned()),
        &|entry| (entry == 7).then(|| "Egypt".to_owned()),
        published.and_then(|date| PartialDate::parse(date).ok()),
    );
    found
        .iter()
        .map(|m| m.as_ref().map(MeetingFound::key))
        .collect()
}

#[test]
fn the_talks_before_the_article_names_them_are_the_first_it_names() {
    let keys = article_meetings(
        &[
            "Peace talks rarely succeed there.",
            "Representatives of the three armed groups attended the talks.",
            "Fighting went on in the north.",
            "The talks took place in Cairo on Monday.",
        ],
        Some("2024-03-06"),
    );
    assert_eq!(
        keys,
        [
            None, // talks in general, before any are named
            Some("cairo 2024-03-04".to_owned()),
            None,
            Some("cairo 2024-03-04".to_owned()),
        ]
    );
}

#[test]
fn an_article_s_meetings_are_dated_together_and_referred_back_to() {
    let keys = article_meetings(
        &[
            "CAIRO — Hamas said it would send a delegation.",
            "The delegation will arrive in Cairo on Tuesday for talks.",
            "The talks will focus on the hostages.",
            "Talks in Cairo are expected to be long.",
            "Soldiers were flown to a base.",
            "The talks in Egypt will be the last.",
        ],
        Some("2024-05-26"),
    );
    assert_eq!(
        keys,
        [
            None, // a dateline is no meeting
            Some("cairo 2024-05-28".to_owned()),
            Some("cairo 2024-05-28".to_owned()), // "the talks"
            Some("cairo 2024-05-28".to_owned()), // undated: the article's date for Cairo
            None,
            Some("cairo 2024-05-28".to_owned()), // the country of the article's city
        ]
    );
}

#[test]
fn a_sentence_that_refers_back_dates_talks_the_article_dates_nowhere_else() {
    let keys = article_meetings(
        &[
            "Talks will resume in Cairo.",
            "The talks will resume on Monday, 18th November 2024, at a hotel.",
        ],
        None,
    );
    let dated = Some("cairo 2024-11-18".to_owned());
    assert_eq!(keys, [dated.clone(), dated]);
    let keys = article_meetings(
        &[
            "A round of talks was held in Cairo.",
            "The next round will be held in Cairo on December 8-9, 2015.",
        ],
        None,
    );
    assert_eq!(
        keys,
        [
            Some("cairo".to_owned()),
            Some("cairo 2015-12-08".to_owned())
        ],
        "a planned round's date is not the held one's"
    );
    let keys = article_meetings(
        &[
            "Hamas met in Cairo on Sunday.",
            "The talks, paused in March, resumed.",
        ],
        Some("2024-05-28"),
    );
    let sunday = Some("cairo 2024-05-26".to_owned());
    assert_eq!(keys, [sunday.clone(), sunday], "March is when they paused");
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
    // The future of another clause is not the meeting's.
    let past = meeting(
        "Israel will reopen the crossing, according to a statement issued after a meeting in Cairo on Tuesday.",
    )
    .unwrap();
    assert_eq!(past.status, MeetingStatus::Held);
    assert_eq!(
        past.date.map(|d| d.to_string()).as_deref(),
        Some("2024-05-21")
    );
}

#[test]
fn places_named_before_titled_talks_or_after_a_possessive_and_not_where_a_crisis_erupted() {
    let named = meeting("Issues were discussed at the Cairo International Discussions.");
    assert!(named.is_some(), "talks named with their place first");
    assert!(meeting("Talks were held in Egypt's Cairo.").is_some());
    assert!(
        meeting("It was the first meeting since the crisis erupted last week in Cairo.").is_none(),
        "where the crisis broke out is no place of talks"
    );
    assert!(
        meeting("The Cairo Tower has long hosted a talk.").is_none(),
        "a name between is no talks' name unless the talks are named in capitals"
    );
}

#[test]
fn a_signing_is_held_where_it_was_signed_whatever_the_deal_looks_ahead_to() {
    let signed = meeting("Israel and Hamas signed a deal in Cairo to resume aid.").unwrap();
    assert_eq!(signed.status, MeetingStatus::Held);
    let to_sign = meeting("Israel and Hamas are expected to sign the deal in Cairo.").unwrap();
    assert_eq!(to_sign.status, MeetingStatus::Planned);
    // Where a conflict is, is no place of talks.
    assert!(meeting("Talks aim at a settlement of the crisis in Cairo.").is_none());
    // Signing a letter is no signing of an agreement.
    assert!(meeting("Hamas signed a letter in Cairo.").is_none());
}

#[test]
fn a_dateline_in_a_party_s_country_and_people_in_a_place_are_no_place_of_talks() {
    assert!(
        meeting("Cairo: Egypt and Hamas agreed after negotiations brokered by Qatar.").is_none(),
        "the dateline's country is a party: the reporter is there, not the talks"
    );
    assert!(
        meeting("Cairo: Egypt hosted talks between Israel and Hamas.").is_some(),
        "a host at the dateline holds the talks there"
    );
    assert!(
        meeting("Cairo: The sides ended their talks.").is_some(),
        "with no party of the dateline's country, the talks are at the dateline"
    );
    assert!(
        meeting("Government sources in Cairo said the talks were continuing.").is_none(),
        "where sources are is no place of talks"
    );
}

#[test]
fn talks_at_a_place_the_lexicon_lacks_are_no_earlier_meeting() {
    let keys = article_meetings(
        &[
            "The talks took place in Cairo on Monday.",
            "The negotiations stalled after a meeting at the White House.",
            "The talks in May went better.",
        ],
        Some("2024-03-06"),
    );
    assert_eq!(
        keys,
        [
            Some("cairo 2024-03-04".to_owned()),
            None, // somewhere the lexicon does not know, not Cairo
            Some("cairo 2024-03-04".to_owned()), // a month is no place
        ]
    );
}

#[test]
fn a_date_in_a_since_clause_is_another_event_s() {
    // Published on Sunday 26 May 2024.
    let encounter = meeting(
        "The meeting in Cairo on Thursday was their first encounter since they agreed on the text in March.",
    )
    .unwrap();
    assert_eq!(encounter.date, PartialDate::parse("2024-05-23").ok());
    let undated = meeting(
        "The meeting in Cairo was their first encounter since they agreed on the text in March.",
    )
    .unwrap();
    assert_eq!(undated.date, None);
    // "since March" is no clause of its own.
    let since = "Talks in Cairo have gone on since March.";
    assert_eq!(before_since_clause(since), since);
    assert_eq!(before_since_clause("the first since they met"), "the first");
}

#[test]
fn a_meeting_ahead_of_the_talks_is_not_the_talks() {
    let keys = article_meetings(
        &[
            "Talks began in Cairo on Saturday.",
            "The minister met his counterpart ahead of the talks.",
            "An aide spoke before the talks.",
            "The talks went on all day.",
        ],
        Some("2024-05-26"),
    );
    assert_eq!(
        keys,
        [
            Some("cairo 2024-05-25".to_owned()),
            None,
            None,
            Some("cairo 2024-05-25".to_owned()),
        ]
    );
}

#[test]
fn a_dateline_s_date_is_the_report_s_and_an_agreement_reached_there_was_held() {
    // Published on Sunday 26 May 2024; the dateline is a day later than the talks.
    let reached = meeting(
        "CAIRO – 26 May 2024: Israel and Hamas reached an agreement Saturday in Cairo to resume talks.",
    )
    .unwrap();
    assert_eq!(reached.date, PartialDate::parse("2024-05-25").ok());
    assert_eq!(reached.status, MeetingStatus::Held);
    assert_eq!(past_dateline("Talks: a history"), "Talks: a history");
}
