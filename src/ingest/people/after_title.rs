//! Names after a title that the two-word rule misses: after the body the title is of
//! ("Deputy Chief of the Defense Intelligence Directorate Lt. Gen. Vadym Skibitsky"),
//! and a surname alone after a capitalised title ("President Trump").

use super::NameAfter;
use crate::ingest::dates::{MONTHS, WEEKDAYS};
use crate::ingest::mentions::Registry;
use crate::ingest::organisations::ends_a_body_s_name;
use crate::model::{ArticleText, Subtype};

/// The last words of a state body's name that a title may be of: "Deputy Chief of the
/// Defense Intelligence Directorate", "Head of the Presidential Office".
const BODY_HEADS: [&str; 16] = [
    "Directorate",
    "Ministry",
    "Office",
    "Agency",
    "Service",
    "Staff",
    "Department",
    "Council",
    "Committee",
    "Commission",
    "Authority",
    "Bureau",
    "Administration",
    "Command",
    "Intelligence",
    "Guard",
];

/// Whether `word` ends a body's name, never a person's: "Agency", "Front", "Ministry".
pub(super) fn ends_a_body_s_name_or_office(word: &str) -> bool {
    ends_a_body_s_name(word) || BODY_HEADS.contains(&word)
}

/// Where the body a title is of ends, the title ending at char `end`: " of the Defense
/// Intelligence Directorate" (capitalised words, "of" and "and" between them, the last a
/// body's word), or `None`.
pub(super) fn body_after_title(text: &ArticleText, end: usize) -> Option<usize> {
    let after = text.after(end, 90);
    let rest = [" of the ", " of "]
        .iter()
        .find_map(|lead| after.strip_prefix(lead))?;
    let lead = after.chars().count() - rest.chars().count();
    let mut length = 0;
    let mut body_end = None;
    for word in rest.split(' ').take(8) {
        let connector = matches!(word, "of" | "and" | "for" | "the");
        let capitalised = word.chars().next().is_some_and(char::is_uppercase)
            && word.chars().all(|c| c.is_alphabetic() || c == '-');
        if !(connector || capitalised) {
            break;
        }
        length += word.chars().count();
        if BODY_HEADS.contains(&word) {
            body_end = Some(end + lead + length);
        }
        length += 1;
    }
    body_end
}

/// A surname alone after a capitalised title ending at char `end`: "President Trump
/// said", "Foreign Minister Lavrov's visit". The word is capitalised but not in capitals,
/// at least three letters, no month, weekday or body's word, and the clause goes on in
/// lower case or ends after it.
pub(super) fn surname_after(
    text: &ArticleText,
    title_start: usize,
    end: usize,
) -> Option<NameAfter> {
    let title = text.slice(title_start, end)?;
    if !title.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    let after = text.after(end, 40);
    let rest = after.strip_prefix(' ')?;
    let word: String = rest
        .chars()
        .take_while(|c| c.is_alphabetic() || *c == '-')
        .collect();
    let letters = word.chars().count();
    let shaped = letters >= 3
        && word.chars().next().is_some_and(char::is_uppercase)
        && word.chars().skip(1).any(char::is_lowercase);
    let lower = word.to_lowercase();
    // "the Secretary General said": a second title, no name.
    let a_title = crate::ingest::relations::TITLE_WORDS.contains(&lower.as_str())
        || super::HONORIFICS.contains(&word.as_str());
    if !shaped
        || a_title
        || MONTHS.contains(&lower.as_str())
        || WEEKDAYS.contains(&lower.as_str())
        || ends_a_body_s_name_or_office(&word)
    {
        return None;
    }
    let next = rest.get(word.len()..).unwrap_or("");
    let ends_clause = next.is_empty()
        || next.starts_with(['.', ',', ';', ':', '!', '?', ')', '”', '"'])
        || next.starts_with("'s ")
        || next.starts_with("’s ");
    let goes_on = next
        .strip_prefix(' ')
        .is_some_and(|following| following.chars().next().is_some_and(char::is_lowercase));
    (ends_clause || goes_on).then_some(NameAfter {
        with_honorific: end + 1,
        start: end + 1,
        end: end + 1 + letters,
    })
}

/// Who a name found after a title is, where it is one word.
pub(super) enum OneName {
    /// The one person found before who is called by it or has it in their name ("Gen
    /// Wallop" after "Gen Wallop Raksanoh").
    Known(usize),
    /// Two such people: it names neither.
    Ambiguous,
    /// Nobody yet, or the name has more than one word.
    New,
}

/// Who `name`, found after a title, is when it is one word ("President Trump").
pub(super) fn person_called_by_one_name(registry: &Registry, name: &str) -> OneName {
    if name.contains(' ') {
        return OneName::New;
    }
    let mut called = registry.entities.iter().enumerate().filter(|(_, entity)| {
        entity.subtype == Some(Subtype::Person)
            && (entity.aliases.contains(name) || entity.label.split(' ').any(|word| word == name))
    });
    match (called.next(), called.next()) {
        (Some((person, _)), None) => OneName::Known(person),
        (Some(_), Some(_)) => OneName::Ambiguous,
        (None, _) => OneName::New,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> ArticleText {
        ArticleText::new(s)
    }

    #[test]
    fn a_body_after_the_title_ends_at_its_last_body_word() {
        let article =
            text("Deputy Chief of the Defense Intelligence Directorate Lt. Gen. Vadym Skibitsky");
        let end = "Deputy Chief".chars().count();
        let body_end = body_after_title(&article, end).unwrap();
        assert_eq!(
            article.slice(end, body_end),
            Some(" of the Defense Intelligence Directorate")
        );
        // No body's word: no body.
        let article = text("Minister of Sport Tom Smith");
        assert_eq!(body_after_title(&article, "Minister".len()), None);
    }

    #[test]
    fn a_surname_alone_after_a_capitalised_title() {
        let article = text("President Trump said so.");
        let found = surname_after(&article, 0, "President".len()).unwrap();
        assert_eq!(article.slice(found.start, found.end), Some("Trump"));
        let article = text("Foreign Minister Lavrov's visit");
        let found = surname_after(&article, 0, "Foreign Minister".len()).unwrap();
        assert_eq!(article.slice(found.start, found.end), Some("Lavrov"));
        // Not a month, a capitalised phrase, a lower-case title or capitals.
        for (sentence, title) in [
            ("President Monday said", "President"),
            ("President Trump Tower", "President"),
            ("the president Trump said", "the president"),
            ("President NATO said", "President"),
            ("Prime Minister Office said", "Prime Minister"),
            ("Secretary General said", "Secretary"),
        ] {
            let article = text(sentence);
            let start = sentence.find(title.trim_start_matches("the ")).unwrap_or(0);
            assert!(
                surname_after(&article, start, title.len()).is_none(),
                "{sentence}"
            );
        }
    }
}
