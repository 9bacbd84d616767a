//! People an article names without a title: "met the European Union's Enrique Mora",
//! "Ali Bagheri Kani held a meeting". A run of two or three capitalised words that no
//! lexicon entry, title or place covers is taken for a person's name only where the
//! article goes on to call them by their surname alone ("Mora will shuttle between"),
//! as news style does with people: a building, a newspaper or a plan is not called by
//! its last word. A party's possessive before the name ("the European Union's Enrique
//! Mora") is the person's party.

use std::collections::BTreeSet;

use super::lexicon::Lexicon;
use super::matcher::{Matcher, Target};
use super::mentions::{NAME_PARTICLES, Registry, entry_entity, sentence_of};
use super::relations::HEAD_MEMBERSHIP_CONFIDENCE;
use crate::model::{ArticleText, NodeKind};

/// Capitalised words that start sentences or clauses, or stand for titles and common
/// nouns: never part of a person's name (nor are honorifics, months and weekdays).
const NOT_NAMES: &[&str] = &[
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "As",
    "But",
    "And",
    "For",
    "If",
    "It",
    "He",
    "She",
    "They",
    "We",
    "I",
    "This",
    "That",
    "These",
    "Those",
    "Mr",
    "Ms",
    "Mrs",
    "Dr",
    "His",
    "Her",
    "Their",
    "Its",
    "Our",
    "After",
    "Before",
    "While",
    "When",
    "Since",
    "Both",
    "Neither",
    "Meanwhile",
    "However",
    "Also",
    "Under",
    "With",
    "From",
    "By",
    "To",
    "Of",
    "Upon",
    "Despite",
    "Following",
    "According",
    "Amid",
    "During",
    "Earlier",
    "Later",
    "Last",
    "Next",
    "New",
    "Former",
    "Then",
    "There",
    "Here",
    "What",
    "Who",
    "Why",
    "How",
    "Where",
    "Which",
    "Read",
    "More",
    "Most",
    "Some",
    "Many",
    "All",
    "No",
    "Not",
    "Yes",
    "President",
    "Prime",
    "Minister",
    "Foreign",
    "Secretary",
    "General",
    "Special",
    "Envoy",
    "Chief",
    "Deputy",
    "Senior",
    "State",
    "Security",
    "National",
    "Defence",
    "Defense",
    "Affairs",
    "Office",
    "Ministry",
    "Council",
    "Committee",
    "Commission",
    "Agency",
    "Court",
    "Union",
    "Party",
    "Army",
    "Forces",
    "Front",
    "Movement",
    "Group",
    "Brigades",
    "Authority",
    "Republic",
    "Kingdom",
    "Federation",
    "Community",
    "Organization",
    "Organisation",
    "Association",
    "Declaration",
    "Agreement",
    "Plan",
    "Accord",
    "Deal",
    "Action",
    "Treaty",
    "Conference",
    "Summit",
    "Talks",
    "Initiative",
    "Process",
    "Consensus",
    "Communique",
    "Mission",
    "Round",
    "House",
    "Palace",
    "Building",
    "Hall",
    "Hotel",
    "Airport",
    "Street",
    "Square",
    "University",
    "Center",
    "Centre",
    "Bank",
    "Times",
    "News",
    "Post",
    "Media",
    "Channel",
    "Television",
    "Radio",
    "Press",
    "Journal",
    "Daily",
    "Herald",
    "Tribune",
    "Gazette",
    "Sea",
    "Gulf",
    "River",
    "Strip",
    "Province",
    "Region",
    "Island",
    "Islands",
    "City",
    "Capital",
    "Gate",
    "North",
    "South",
    "East",
    "West",
    "Northern",
    "Southern",
    "Eastern",
    "Western",
    "Middle",
    "Central",
    "Islamic",
    "Muslim",
    "Christian",
    "Jewish",
    "Arab",
    "International",
    "United",
    "European",
    "African",
    "Asian",
    "American",
    "World",
    "Global",
    "Joint",
    "Comprehensive",
    "Peace",
    "Ceasefire",
    "Truce",
    "War",
    "Crisis",
    "Conflict",
    "Lord",
    "Lady",
];

/// A word of the text with its char span.
struct Word<'a> {
    text: &'a str,
    start: usize,
    end: usize,
}

/// The whitespace-separated words of `text` with their char spans, trimmed of the
/// punctuation around them (a word that ended in punctuation is marked).
fn words_of(text: &ArticleText) -> Vec<(Word<'_>, bool)> {
    let source = text.as_str();
    let mut words = Vec::new();
    let mut byte = 0;
    for raw in source.split_inclusive(char::is_whitespace) {
        let trimmed_start =
            raw.len() - raw.trim_start_matches(|c: char| !c.is_alphanumeric()).len();
        let core = raw.trim_matches(|c: char| !c.is_alphanumeric());
        // Punctuation after the word, or a possessive ("the European Union's Enrique
        // Mora"), ends a name.
        let ends_clause = raw.trim_end().len() > trimmed_start + core.len()
            || core.ends_with("'s")
            || core.ends_with("’s");
        // "Kayragach (Road)": a bracket opening the next word ends a name too.
        if raw.starts_with(['(', '['])
            && let Some((_, ended)) = words.last_mut()
        {
            *ended = true;
        }
        if !core.is_empty() {
            let start = text.char_offset(byte + trimmed_start);
            words.push((
                Word {
                    text: core,
                    start,
                    end: start + core.chars().count(),
                },
                ends_clause,
            ));
        }
        byte += raw.len();
    }
    words
}

/// Whether `word` may be part of a person's name: capitalised, the rest lower-case
/// (hyphens and apostrophes allowed), not a word that starts sentences or names things.
fn name_word(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase)
        && word.chars().count() >= 2
        && chars.all(|c| c.is_lowercase() || matches!(c, '-' | '\'' | '’'))
        && !NOT_NAMES.contains(&word)
        && !super::people::HONORIFICS.contains(&word)
        && !super::dates::is_date_word(&word.to_lowercase())
}

fn particle(word: &str) -> bool {
    NAME_PARTICLES.contains(&word.to_lowercase().as_str())
}

/// Adds to `registry` the people article number `article` names without a title and
/// later calls by one of their last two names alone.
pub(crate) fn discover_untitled_people(
    article: usize,
    text: &ArticleText,
    sentences: &[(usize, usize)],
    matcher: &Matcher,
    lexicon: &Lexicon,
    registry: &mut Registry,
) {
    let matches = matcher.matches(text);
    let covered = |start: usize, end: usize| matches.iter().any(|&(s, e, _)| s < end && e > start);
    let words = words_of(text);
    let word_is = |at: Option<usize>, wanted: &[&str]| {
        at.and_then(|at| words.get(at))
            .is_some_and(|(word, _)| wanted.contains(&word.text))
    };
    // The last word of the last name read after "led by" ("led by A and B").
    let mut led_name_end: Option<usize> = None;
    let mut at = 0;
    while let Some((first, _)) = words.get(at) {
        // A name starts after a word that is no part of it.
        let after_name_word = at
            .checked_sub(1)
            .and_then(|before| words.get(before))
            .is_some_and(|(before, ended)| !ended && name_word(before.text));
        if !name_word(first.text) || after_name_word {
            at += 1;
            continue;
        }
        // Two or three name words (particles between them), ending at punctuation or
        // before a word that is not capitalised.
        let mut last = at;
        let mut counted = 1;
        let mut ended = words.get(at).is_some_and(|(_, ended)| *ended);
        while !ended && counted < 4 {
            let Some((next, next_ended)) = words.get(last + 1) else {
                break;
            };
            if name_word(next.text) {
                counted += 1;
            } else if !particle(next.text) {
                break;
            }
            last += 1;
            ended = *next_ended;
        }
        let (Some((end_word, _)), true) = (words.get(last), (2..=3).contains(&counted)) else {
            at = last + 1;
            continue;
        };
        let (start, end) = (first.start, end_word.end);
        if covered(start, end) || particle(end_word.text) {
            at = last + 1;
            continue;
        }
        if names_part_of_a_title(&words, at, last) {
            at = last + 1;
            continue;
        }
        let names: Vec<&str> = (at..=last)
            .filter_map(|i| words.get(i).map(|(word, _)| word.text))
            .collect();
        // "The NDFP delegation was led by Jose Maria Sison and Luis Jalandoni": whoever
        // leads a delegation is a person, though the article names them once.
        let led = (word_is(at.checked_sub(1), &["by"])
            && word_is(at.checked_sub(2), &["led", "headed", "chaired"]))
            || (word_is(at.checked_sub(1), &["and"]) && led_name_end == at.checked_sub(2));
        let short = short_form(&words, at, last, &names)
            .or_else(|| led.then(|| names.last().copied()).flatten());
        if let Some(short) = short {
            let found = Found {
                span: (start, end),
                short,
            };
            add_person(article, text, sentences, &matches, lexicon, registry, found);
        }
        led_name_end = led.then_some(last);
        at = last + 1;
    }
}

/// Words that head the title of a document: "the Beijing Declaration on Ending Division
/// and Strengthening Palestinian National Unity".
const DOCUMENT_HEADS: &[&str] = &[
    "Declaration",
    "Statement",
    "Treaty",
    "Agreement",
    "Accord",
    "Memorandum",
    "Protocol",
    "Charter",
    "Convention",
    "Resolution",
    "Plan",
    "Initiative",
    "Roadmap",
    "Framework",
    "Communique",
];

/// Lower-case words inside a document's title.
const TITLE_CONNECTORS: &[&str] = &["on", "of", "and", "for", "to", "the", "in"];

/// Whether the capitalised words `first..=last` belong to a longer name, not a person's:
/// a body's that goes on after them ("Palestinian People's Party", "Palestinian Popular
/// Struggle Front") or a document's title they stand in ("Declaration on Ending Division
/// and Strengthening Palestinian National Unity").
fn names_part_of_a_title(words: &[(Word<'_>, bool)], first: usize, last: usize) -> bool {
    let head_follows = match (words.get(last), words.get(last + 1)) {
        (Some((end, _)), Some((next, _))) => {
            next.start == end.end + 1
                && (super::organisations::ends_a_body_s_name(next.text)
                    || DOCUMENT_HEADS.contains(&next.text))
        }
        _ => false,
    };
    let mut at = first;
    while let Some((before, ended)) = at.checked_sub(1).and_then(|before| words.get(before)) {
        if *ended {
            break;
        }
        if DOCUMENT_HEADS.contains(&before.text) {
            return true;
        }
        let capitalised = before.text.chars().next().is_some_and(char::is_uppercase);
        if !(capitalised || TITLE_CONNECTORS.contains(&before.text)) || first - at >= 8 {
            break;
        }
        at -= 1;
    }
    head_follows
}

/// The surname the article calls the person by alone, elsewhere than in the name: one
/// of its last two words, or the first of three where the family name comes first
/// ("Kim Jong Un", then "Kim"), standing between words that are not capitalised (or
/// punctuation), not after "the".
fn short_form<'a>(
    words: &[(Word<'a>, bool)],
    first: usize,
    last: usize,
    names: &[&'a str],
) -> Option<&'a str> {
    let family_first = names.first().filter(|_| names.len() == 3);
    let candidates: Vec<&str> = names
        .iter()
        .rev()
        .take(2)
        .chain(family_first)
        .copied()
        .filter(|name| name_word(name))
        .collect();
    candidates.into_iter().find(|&candidate| {
        words.iter().enumerate().any(|(i, (word, ended))| {
            if (first..=last).contains(&i) || word.text != candidate {
                return false;
            }
            let before = i.checked_sub(1).and_then(|b| words.get(b));
            let standalone_before = before.is_none_or(|(b, b_ended)| {
                *b_ended || (!name_word(b.text) && !b.text.eq_ignore_ascii_case("the"))
            });
            // "for Hostage Affairs": a capitalised word after it makes a phrase of it.
            let standalone_after = *ended
                || words.get(i + 1).is_none_or(|(next, _)| {
                    !next.text.chars().next().is_some_and(char::is_uppercase)
                });
            standalone_before && standalone_after
        })
    })
}

/// A name found: its chars and the surname it is called by alone.
struct Found<'a> {
    span: (usize, usize),
    short: &'a str,
}

/// Registers the person found with their surname as an alias, and the party of a
/// possessive right before the name as their party.
fn add_person(
    article: usize,
    text: &ArticleText,
    sentences: &[(usize, usize)],
    matches: &[(usize, usize, Target)],
    lexicon: &Lexicon,
    registry: &mut Registry,
    found: Found<'_>,
) {
    let Found { span, short } = found;
    let Some(name) = text.slice(span.0, span.1) else {
        return;
    };
    let person = registry.person(name, NodeKind::Actor, BTreeSet::from([short.to_owned()]));
    // "the European Union's Enrique Mora".
    let before = text.before(span.0, 3);
    let possessive = before == "'s " || before == "’s ";
    let party = matches
        .iter()
        .find(|&&(_, end, _)| possessive && end + 3 == span.0)
        .and_then(|&(_, _, target)| match target {
            Target::Entry(entry, _) => Some(entry),
            _ => None,
        });
    let Some(entry) = party else {
        return;
    };
    let party = entry_entity(registry, lexicon, entry);
    let sentence = sentence_of(sentences, span.0).and_then(|at| sentences.get(at));
    if let (Some(party), Some(&sentence), Some(entity)) =
        (party, sentence, registry.entities.get_mut(person))
        && party != person
    {
        entity.affiliate(party, article, sentence, HEAD_MEMBERSHIP_CONFIDENCE);
    }
}
