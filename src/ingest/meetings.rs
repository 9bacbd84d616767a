//! Meetings: a sentence with a talk or travel word and a place ("talks in Cairo", "the
//! delegation left Cairo", "met in Doha") names a meeting at that place, dated by the
//! sentence ("on Tuesday", "May 28th") against the article's date, with a status:
//! denied when the sentence reports a denial, planned when it looks ahead, else held.

use super::cues::{self, Word};
use super::dates::sentence_date;
use super::mentions::PlaceMention;
use crate::model::{MeetingStatus, PartialDate};
use place_of_talks::{hosts_talks_after, is_meeting_place};

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

/// What the lexicon says of a place entry: its name, and a city's country.
pub struct Places<'a> {
    /// A place entry's name.
    pub name_of: &'a dyn Fn(usize) -> Option<String>,
    /// A city's country ("India" for New Delhi).
    pub host_of: &'a dyn Fn(usize) -> Option<String>,
}

/// Nouns that refer back to the article's last meeting ("the talks").
const REFERRING: &[&str] = &[
    "talks",
    "negotiations",
    "meeting",
    "round",
    "summit",
    "ceremony",
    "signing",
    "mediation",
    // "The delegations were led by …": the parties' delegations to the talks.
    "delegations",
    "consultations",
    // "the U.S. participants included": those at the talks.
    "participants",
    "attendees",
];

/// Whether the word at `at` modifies the noun after it ("the mediation team", "directives
/// on the talks resumption") rather than naming talks.
fn modifies_a_noun(words: &[Word], at: usize) -> bool {
    words.get(at + 1).is_some_and(|after| {
        matches!(
            after.text.as_str(),
            "team"
                | "teams"
                | "committee"
                | "role"
                | "efforts"
                | "resumption"
                | "process"
                | "agenda"
        )
    })
}

/// A sentence as the meeting rules read it.
pub struct SentenceInput<'a> {
    /// Its text.
    pub text: &'a str,
    /// The article offset of its first char.
    pub start: usize,
    /// Its words.
    pub words: &'a [Word],
    /// The places it names.
    pub places: &'a [PlaceMention],
}

/// The meeting each sentence of an article is about: the one it names, or for "the
/// talks" the last one named before. An undated mention of a place takes the date of the
/// article's one dated meeting there.
pub fn meetings_of_article(
    sentences: &[SentenceInput<'_>],
    place_names: &dyn Fn(usize) -> Option<String>,
    host_of: &dyn Fn(usize) -> Option<String>,
    article_date: Option<PartialDate>,
) -> Vec<Option<MeetingFound>> {
    let mut found: Vec<Option<MeetingFound>> = sentences
        .iter()
        .map(|sentence| {
            find_meeting(
                sentence.text,
                sentence.start,
                sentence.words,
                sentence.places,
                &Places {
                    name_of: place_names,
                    host_of,
                },
                article_date,
            )
        })
        .collect();
    // "Talks in Egypt" in an article about talks in Sharm el-Sheikh are those talks: a
    // country stands for the one city of it where the article's meetings are.
    let cities: Vec<(usize, String, String)> = found
        .iter()
        .flatten()
        .filter_map(|m| host_of(m.place_entry).map(|host| (m.place_entry, m.place.clone(), host)))
        .collect();
    for meeting in found.iter_mut().flatten() {
        let mut in_country: Vec<&(usize, String, String)> = cities
            .iter()
            .filter(|(_, _, host)| *host == meeting.place)
            .collect();
        in_country.dedup_by_key(|(entry, _, _)| *entry);
        if let [(entry, place, _)] = in_country.as_slice() {
            meeting.place_entry = *entry;
            meeting.place.clone_from(place);
        }
    }
    // Places the article dates a meeting at: a sentence that refers back to talks there
    // dates nothing ("The talks, paused in March, resumed").
    let dated_places: Vec<usize> = found
        .iter()
        .flatten()
        .filter(|m| m.date.is_some())
        .map(|m| m.place_entry)
        .collect();
    // "the talks" before the article names any: the talks it names first ("Representatives
    // … attended the talks. The talks took place in Kunming").
    // Those sentences take it once it is dated, below.
    let mut forward: Vec<usize> = Vec::new();
    let first_named = found.iter().position(Option::is_some);
    let mut last: Option<MeetingFound> = None;
    // Whether every meeting named so far is at one place: then "two days of talks" with
    // no place of their own are those talks too.
    let mut one_place = true;
    for (index, (slot, sentence)) in found.iter_mut().zip(sentences).enumerate() {
        match slot {
            Some(meeting) => {
                one_place &= last
                    .as_ref()
                    .is_none_or(|before| before.place_entry == meeting.place_entry);
                last = Some(meeting.clone());
            }
            None => {
                // "met ahead of the talks": a meeting of its own, not at the talks.
                if sentence
                    .words
                    .iter()
                    .enumerate()
                    .any(|(at, word)| word.text == "the" && before_the_talks(sentence.words, at))
                {
                    continue;
                }
                // "the talks", "the Ethiopian peace talks".
                // "the newly restructured mediation team": a noun after it makes the
                // word a team's, not the talks.
                let refers = sentence.words.iter().enumerate().any(|(at, word)| {
                    word.text == "the"
                        && (at + 1..(at + 4).min(sentence.words.len())).any(|next| {
                            sentence
                                .words
                                .get(next)
                                .is_some_and(|w| REFERRING.contains(&w.text.as_str()))
                                && !modifies_a_noun(sentence.words, next)
                        })
                }) || sentence.words.windows(2).any(|pair| {
                    // "were also in attendance": at the talks the article is about.
                    matches!(pair, [in_, attendance] if in_.text == "in" && attendance.text == "attendance")
                });
                let bare_talks = one_place
                    && sentence.words.iter().enumerate().any(|(at, word)| {
                        !modifies_a_noun(sentence.words, at)
                            && matches!(
                                word.text.as_str(),
                                "talks"
                                | "negotiations"
                                | "meetings"
                                | "discussions"
                                | "attendees"
                                | "participants"
                                // "X and Y are also participating": in the talks the
                                // article is about, where it names one place.
                                | "participating"
                                | "participated"
                                // "Wang Yi, who hosted A and B", "signed with the
                                // participation of", "took part in the dialogue".
                                | "hosted"
                                | "participation"
                                | "dialogue"
                            )
                    });
                if held_elsewhere(sentence) || of_another_time(sentence.words) {
                    continue;
                }
                if refers && last.is_none() {
                    forward.push(index);
                } else if refers || (bare_talks && last.is_some()) {
                    slot.clone_from(&last);
                    // "the peace talks will resume on Monday, 18th November 2024": the
                    // talks referred to, dated by the sentence where the article dates
                    // none there.
                    if let Some(meeting) = slot.as_mut()
                        && meeting.date.is_none()
                        && !dated_places.contains(&meeting.place_entry)
                    {
                        let ahead = meeting.status == MeetingStatus::Planned;
                        meeting.date = sentence_date(sentence.text, article_date, ahead);
                    }
                }
            }
        }
    }
    let dated: Vec<MeetingFound> = found
        .iter()
        .flatten()
        .filter(|m| m.date.is_some())
        .cloned()
        .collect();
    for (slot, sentence) in found.iter_mut().zip(sentences) {
        let Some(meeting) = slot.as_mut().filter(|meeting| meeting.date.is_none()) else {
            continue;
        };
        // "took place in Kunming from 1 to 3 March" in an undated article: a day of its
        // own, though no year, is no other meeting's.
        let own_day = sentence.words.windows(2).any(|pair| {
            pair.iter()
                .any(|word| word.text.chars().all(|c| c.is_ascii_digit()))
                && pair
                    .iter()
                    .any(|word| crate::ingest::dates::is_month(&word.text))
        });
        if own_day {
            continue;
        }
        // "The round held in Geneva" is not "the next round, in Geneva on 8 December".
        let mut dates: Vec<PartialDate> = dated
            .iter()
            .filter(|other| other.place == meeting.place && other.status == meeting.status)
            .filter_map(|other| other.date)
            .collect();
        dates.sort();
        dates.dedup();
        if let [date] = dates.as_slice() {
            meeting.date = Some(*date);
        }
    }
    let first = first_named.and_then(|at| found.get(at)).cloned().flatten();
    for index in forward {
        if let Some(slot) = found.get_mut(index) {
            slot.clone_from(&first);
        }
    }
    found
}

/// Whether the words around index `the` say the sentence's event came before the talks
/// named right after it: "ahead of the talks", "before the talks", "prior to the talks".
fn before_the_talks(words: &[Word], the: usize) -> bool {
    let word = |back: usize| {
        the.checked_sub(back)
            .and_then(|at| words.get(at))
            .map_or("", |word| word.text.as_str())
    };
    let talks = words
        .get(the + 1)
        .is_some_and(|next| REFERRING.contains(&next.text.as_str()));
    talks
        && matches!(
            (word(2), word(1)),
            ("ahead", "of") | ("prior", "to") | (_, "before")
        )
}

/// Whether the sentence puts its talks at a named place the lexicon does not know as
/// one: "agreed during a meeting at the White House" is no other meeting of the
/// article's.
fn held_elsewhere(sentence: &SentenceInput<'_>) -> bool {
    let capitalised = |word: &Word| word.is_capitalised_in(sentence.text, sentence.start);
    sentence.words.windows(4).any(|window| {
        let [talk, at, next, after] = window else {
            return false;
        };
        // "the talks in May" are dated, not placed.
        let name = if next.text == "the" { after } else { next };
        let named = capitalised(name) && !crate::ingest::dates::is_date_word(&name.text);
        matches!(
            talk.text.as_str(),
            "meeting" | "meetings" | "talks" | "summit"
        ) && matches!(at.text.as_str(), "at" | "in")
            && named
    })
}

/// Whether the sentence opens in another time than the article's talks: "Until
/// recently, talks between Tehran and Washington were conducted through Omani
/// intermediaries" tells of earlier talks.
fn of_another_time(words: &[Word]) -> bool {
    let opening: Vec<&str> = words
        .iter()
        .take(3)
        .map(|word| word.text.as_str())
        .collect();
    matches!(
        opening.as_slice(),
        ["until", "recently", ..]
            | ["previously", ..]
            | ["in", "the", "past"]
            | ["last", "year", ..]
            | ["in", "previous", ..]
    )
}

/// Whether the sentence tells of a plan that was set aside: "It had initially been
/// thought that the talks would take place in Baku" places no talks there (while "the
/// talks, initially planned for July, took place in Baku" does).
fn set_aside(words: &[Word]) -> bool {
    words.iter().enumerate().any(|(at, word)| {
        let next = words.get(at + 1..(at + 4).min(words.len())).unwrap_or(&[]);
        let later = words.get(at + 1..(at + 15).min(words.len())).unwrap_or(&[]);
        matches!(word.text.as_str(), "initially" | "originally")
            && next.iter().any(|word| {
                matches!(
                    word.text.as_str(),
                    "thought" | "expected" | "planned" | "scheduled" | "supposed" | "meant"
                )
            })
            && later.iter().any(|word| word.text == "would")
    })
}

/// The meeting a sentence names, if any: it needs a talk word and a place after "in",
/// "to", "from" or "at", or a travel word with a place just after it ("flew to Doha",
/// "left Cairo"). A dateline's place ("CAIRO —") is no meeting.
pub fn find_meeting(
    sentence: &str,
    offset: usize,
    words: &[Word],
    places: &[PlaceMention],
    lookup: &Places<'_>,
    article_date: Option<PartialDate>,
) -> Option<MeetingFound> {
    // "within 135 days of signing the deal": a verb, no ceremony.
    let talk = words.iter().enumerate().any(|(at, word)| {
        cues::is_talk_word(&word.text)
            && !(word.text == "signing"
                && words
                    .get(at + 1)
                    .is_some_and(|next| matches!(next.text.as_str(), "the" | "a" | "an" | "it")))
    });
    // "Russia and Ukraine signed a deal in Istanbul": a signing of an agreement is held
    // somewhere too.
    // "Iran and the IAEA reached an agreement in Cairo": reaching one is signing it.
    let signed = words.iter().any(|word| {
        cues::SIGNING.contains(&word.text.as_str())
            || matches!(word.text.as_str(), "reached" | "reach" | "reaches")
    }) && words.iter().any(|word| {
        matches!(
            word.text.as_str(),
            "deal"
                | "agreement"
                | "accord"
                | "declaration"
                | "communique"
                | "communiqué"
                | "treaty"
                | "truce"
                | "ceasefire"
                | "memorandum"
                | "protocol"
        )
    });
    // "Al-Sharaa and Abdi shook hands in Damascus to seal the agreement".
    let handshake = words.windows(2).any(|pair| {
        matches!(pair, [verb, hands] if hands.text == "hands"
            && cues::HANDSHAKE_VERBS.contains(&verb.text.as_str()))
    });
    let talk = talk || signed || handshake;
    let travel = words.iter().any(|word| cues::is_travel_word(&word.text));
    if !(talk || travel) || set_aside(words) {
        return None;
    }
    // "the cartel in Colombia announced it will suspend talks being held in Qatar": of
    // the places that could be the talks', the one nearest a talk or travel word.
    let distance = |place: &PlaceMention| {
        words
            .iter()
            .filter(|word| cues::is_talk_word(&word.text) || cues::is_travel_word(&word.text))
            .map(|word| {
                if word.end <= place.start {
                    place.start - word.end
                } else {
                    word.start.saturating_sub(place.end)
                }
            })
            .min()
            .unwrap_or(usize::MAX)
    };
    let place = places
        .iter()
        .filter(|place| is_meeting_place(sentence, offset, words, places, place, talk))
        .min_by_key(|place| distance(place));
    // "Doha: Qatar hosted a signing ceremony": with talks and no other place, the
    // dateline's place is where they are.
    // Only where the sentence names no other place for them: "talks in the Malaysian city
    // of Putrajaya" under an "Amman" dateline are not in Amman.
    let names_a_place = words.iter().any(|word| word.text == "in");
    // "JOHANNESBURG (AP) —": an agency's dateline is where its bureau is, not the talks.
    let agency_dateline = |place: &PlaceMention| {
        sentence
            .chars()
            .skip(place.end.saturating_sub(offset))
            .take(2)
            .eq(" (".chars())
    };
    // "New Delhi: India and Pakistan agreed … following negotiations brokered by the
    // United States": where the dateline's country is a party of the sentence, the
    // dateline is where the reporter is, not the talks ("Doha: Qatar hosted" still is).
    let hosts = words.iter().any(|word| word.text.starts_with("host"));
    // The dateline's own country is not the sentence's ("Damascus, Syria— On Monday, …"):
    // only words after the dash or colon that ends it count.
    let dateline_end = sentence
        .char_indices()
        .find(|&(_, c)| matches!(c, '—' | '–' | ':'))
        .map_or(offset, |(byte, _)| {
            offset + sentence.get(..byte).map_or(0, |head| head.chars().count())
        });
    let country_acts = |place: &PlaceMention| {
        !hosts
            && (lookup.host_of)(place.entry).is_some_and(|country| {
                let country = country.to_lowercase();
                words
                    .iter()
                    .any(|word| word.text == country && word.start > dateline_end)
            })
    };
    let place = place
        .or_else(|| {
            places.iter().find(|place| {
                talk && !names_a_place
                    && place.start.saturating_sub(offset) <= 1
                    && !agency_dateline(place)
                    && !country_acts(place)
            })
        })
        // Failing all else, the host's own country: "Iraq had hosted several rounds of
        // talks".
        .or_else(|| {
            places
                .iter()
                .find(|place| talk && hosts_talks_after(words, place))
        })?;
    let name = (lookup.name_of)(place.entry)?;
    let ahead = place_clause_looks_ahead(sentence, offset, words, place);
    let status = if cues::denies(words) {
        MeetingStatus::Denied
    } else if ahead {
        MeetingStatus::Planned
    } else {
        MeetingStatus::Held
    };
    // "U.S. officials expressed hope Thursday, after it was announced that the talks will
    // begin Saturday in Doha": the date in the place's own clause first.
    let dated = |text| before_since_clause(past_dateline(text));
    let date = sentence_date(
        dated(place_clause(sentence, offset, place)),
        article_date,
        ahead,
    )
    .or_else(|| sentence_date(dated(sentence), article_date, ahead));
    Some(MeetingFound {
        place_entry: place.entry,
        place: name,
        date,
        status,
    })
}

/// `text` past a dateline that opens it ("CAIRO – 10 September 2025: Iran and the IAEA
/// reached an agreement Tuesday"): the date the report was filed, not the talks'.
fn past_dateline(text: &str) -> &str {
    let Some((head, rest)) = text.split_once(": ") else {
        return text;
    };
    let place_in_capitals = head
        .split([' ', ','])
        .next()
        .is_some_and(|word| word.chars().count() >= 3 && word.chars().all(|c| c.is_uppercase()));
    let dashed = [" – ", " — ", " - "].iter().any(|dash| head.contains(dash));
    let dated = head.chars().any(|c| c.is_ascii_digit());
    if place_in_capitals && dashed && dated && head.chars().count() <= 40 {
        rest
    } else {
        text
    }
}

/// `text` up to a "since" clause: "their first encounter since they agreed on the text
/// in March" dates the agreement, not the encounter. "Since March" itself is kept.
fn before_since_clause(text: &str) -> &str {
    let mut searched = 0;
    while let Some(found) = text.get(searched..).and_then(|rest| rest.find(" since ")) {
        let at = searched + found;
        let rest = text.get(at + " since ".len()..).unwrap_or("");
        let next = rest
            .split_whitespace()
            .next()
            .unwrap_or("")
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        let dated = super::dates::is_date_word(&next)
            || next.chars().next().is_some_and(|c| c.is_ascii_digit())
            || matches!(next.as_str(), "early" | "late" | "mid" | "last");
        if !dated {
            return text.get(..at).unwrap_or(text);
        }
        searched = at + " since ".len();
    }
    text
}

/// The chars of `sentence` (starting at char `offset` of the article) of the clause that
/// names `place`: from just past the comma or semicolon before it to the one after it
/// (or the sentence's end, `usize::MAX`).
fn clause_bounds(sentence: &str, offset: usize, place: &PlaceMention) -> (usize, usize) {
    let relative = |at: usize| at.saturating_sub(offset);
    let chars: Vec<char> = sentence.chars().collect();
    let clause_start = chars
        .get(..relative(place.start).min(chars.len()))
        .and_then(|before| before.iter().rposition(|&c| c == ',' || c == ';'))
        .map_or(0, |at| at + 1);
    let clause_end = chars
        .get(relative(place.end).min(chars.len())..)
        .and_then(|after| after.iter().position(|&c| c == ',' || c == ';'))
        .map_or(usize::MAX, |at| relative(place.end) + at);
    (clause_start, clause_end)
}

/// The text of the clause of `sentence` that names `place` ([`clause_bounds`]).
fn place_clause<'a>(sentence: &'a str, offset: usize, place: &PlaceMention) -> &'a str {
    let (start, end) = clause_bounds(sentence, offset, place);
    let byte_at = |char_at: usize| {
        sentence
            .char_indices()
            .nth(char_at)
            .map_or(sentence.len(), |(at, _)| at)
    };
    sentence
        .get(byte_at(start)..byte_at(end))
        .unwrap_or(sentence)
}

/// Whether the place's own clause looks ahead: "will lift the pause, according to a
/// statement issued after a meeting … in Jeddah" is about a meeting held.
fn place_clause_looks_ahead(
    sentence: &str,
    offset: usize,
    words: &[Word],
    place: &PlaceMention,
) -> bool {
    let relative = |at: usize| at.saturating_sub(offset);
    let (clause_start, clause_end) = clause_bounds(sentence, offset, place);
    let clause: Vec<Word> = words
        .iter()
        .filter(|word| relative(word.start) >= clause_start && relative(word.end) <= clause_end)
        .cloned()
        .collect();
    let clause_past = clause.iter().any(|word| {
        matches!(
            word.text.as_str(),
            "after"
                | "following"
                | "held"
                | "issued"
                | "earlier"
                | "ago"
                | "last"
                | "failed"
                | "was"
                | "were"
                | "had"
                | "did"
                | "recent"
                | "recently"
                | "ended"
                | "concluded"
        )
    });
    // "signed a deal in Istanbul … to resume grain shipments": what a past verb before
    // the place did there is done; only what comes before the place may look ahead.
    let done_there = clause.iter().any(|word| {
        word.end <= place.start
            && matches!(
                word.text.as_str(),
                "signed"
                    | "finalized"
                    | "finalised"
                    | "formalized"
                    | "formalised"
                    | "concluded"
                    | "met"
                    | "began"
                    | "started"
                    | "opened"
                    | "resumed"
                    | "gathered"
                    | "convened"
                    | "arrived"
                    | "reached"
            )
    });
    if done_there {
        let before_place: Vec<Word> = clause
            .iter()
            .filter(|word| word.end <= place.start)
            .cloned()
            .collect();
        return cues::looks_ahead(&before_place);
    }
    // "has invited … to peace talks in South Africa": talks one is invited to are ahead.
    let invited = words.iter().any(|word| {
        matches!(
            word.text.as_str(),
            "invited" | "invites" | "invite" | "inviting" | "invitation"
        ) && word.end <= place.start
    });
    invited || cues::looks_ahead(&clause) || (cues::looks_ahead(words) && !clause_past)
}

mod place_of_talks;
#[cfg(test)]
mod tests;
