//! People the lexicon lacks, found after titles ("Hamas official Osama Hamdan"), with the
//! party named before the title; and the party of a known person after a title ("CIA
//! Director William Burns").

mod after_title;
mod given_names;
mod listed;
mod titles;

use std::collections::BTreeSet;

use super::lexicon::Lexicon;
use super::matcher::{Matcher, Target};
use super::mentions::{NAME_PARTICLES, Registry, entry_entity, sentence_of};
use crate::model::{ArticleText, NodeKind, Subtype};
use after_title::{
    OneName, body_after_title, ends_a_body_s_name_or_office, person_called_by_one_name,
    surname_after,
};
use listed::{ArticleMatches, discover_listed_people, discover_people_of_one_party};
use titles::{TITLE_MODIFIERS, TitleContext, first_joined_title, posted_to_region};

pub use given_names::add_given_name_aliases;

/// Words of respect and ranks before a name that are no part of it (one or two of them:
/// "Dr. Seyed Abbas Araghchi").
pub(super) const HONORIFICS: &[&str] = &[
    "Sheikh",
    "Sheikha",
    "Sir",
    "Dame",
    "Dr.",
    "Dr",
    "Seyed",
    "Sayyid",
    "Sayed",
    "Mullah",
    // Longest first: "Datuk Seri Anwar Ibrahim".
    "Datuk Seri",
    "Dato' Seri",
    "Dato' Sri",
    "Dato Seri",
    "Dato Sri",
    "Dato",
    "Dato'",
    "Datuk",
    // Malaysian honours: "Tan Sri Abdul Rahim Noor", "Tun Mahathir".
    "Tan Sri",
    "Puan Sri",
    "Tun",
    "Prince",
    "Princess",
    "His Excellency",
    "Her Excellency",
    "HE",
    "H.E.",
    "The Honourable",
    "the Honourable",
    "Honourable",
    "Mr",
    "Mr.",
    "Ms",
    "Ms.",
    "Mrs",
    "Mrs.",
    // Ranks: "Marshal Khalifa Haftar", "Gen. Lazaro Sumbeiywo".
    "Field Marshal",
    "Marshal",
    "Lt. Gen.",
    "Maj. Gen.",
    "Lieutenant General",
    "Major General",
    "Brigadier General",
    "General",
    "Gen.",
    "Colonel",
    "Col.",
    "Admiral",
    "Hon.",
    "Professor",
    "Prof.",
];

/// How many chars of honorifics `name` opens with ("His Excellency Nicolas Maduro",
/// "HE Mr Celso Amorim"), each with the space after it.
fn honorifics_length(name: &str) -> usize {
    let mut length = 0;
    while let Some(honorific) = HONORIFICS.iter().find(|honorific| {
        name.get(length..)
            .is_some_and(|rest| rest.starts_with(&format!("{honorific} ")))
    }) {
        length += honorific.len() + 1;
    }
    length
}

/// Whether `between`, the text from a title to a party, is the title's portfolio and
/// "of": " of State, Foreign Affairs, International Cooperation and Francophonie of the "
/// (capitalised words, "and", "for" and commas; at most twelve words).
fn is_portfolio(between: &str) -> bool {
    let Some(portfolio) = between.strip_prefix(" of ").and_then(|rest| {
        rest.strip_suffix(" of ")
            .or_else(|| rest.strip_suffix(" of the "))
    }) else {
        return false;
    };
    let words: Vec<&str> = portfolio.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 12
        && words.iter().all(|word| {
            let word = word.trim_end_matches(',');
            matches!(word, "and" | "for" | "of" | "the" | "&")
                || (word.chars().next().is_some_and(char::is_uppercase)
                    && word.chars().all(|c| c.is_alphabetic() || c == '-'))
        })
}

/// Whether a match at char `start` is inside a surname joined to a particle: "Houthi" of
/// "Mohammed Ali al-Houthi" names the person, not the Houthis.
fn in_joined_surname(text: &ArticleText, start: usize) -> bool {
    let before = text.before(start, 4).to_lowercase();
    ["al-", "el-"]
        .iter()
        .any(|particle| before.ends_with(particle))
}

/// The names a person is called by alone in news style: the surname ("al-Shaibani"),
/// and the surname without its particle ("Shaibani") where that names nothing in the
/// lexicon ("al-Houthi" is never "Houthi", the movement).
pub(super) fn surname_aliases(name: &str, lexicon: &Lexicon) -> BTreeSet<String> {
    let surname = name.split(' ').next_back().unwrap_or(name);
    let mut aliases = BTreeSet::from([surname.to_owned()]);
    let bare = ["al-", "Al-", "el-", "El-"]
        .iter()
        .find_map(|particle| surname.strip_prefix(particle))
        .filter(|bare| bare.chars().next().is_some_and(char::is_uppercase));
    if let Some(bare) = bare {
        let taken = lexicon
            .entries
            .iter()
            .any(|entry| entry.name == bare || entry.aliases.iter().any(|alias| alias == bare));
        if !taken {
            aliases.insert(bare.to_owned());
        }
    }
    aliases
}

/// Whether a lower-case word is a name particle ("bin", "al") or a surname joined to one
/// ("al-houthi").
fn is_name_particle(lower: &str) -> bool {
    NAME_PARTICLES.iter().any(|particle| {
        lower == *particle || (particle.ends_with('-') && lower.starts_with(particle))
    })
}

/// The name that follows a title at char `from`: two to four capitalised words (name
/// particles allowed), or one after an honorific ("Mullah Yaqoob"), or `None`.
fn name_after(text: &ArticleText, from: usize) -> Option<NameAfter> {
    let from = from + acronym_length(text.after(from, 14));
    let mut chars: Vec<char> = text.after(from, 80).chars().collect();
    // "Hezbollah leader, Hassan Nasrallah": an appositive comma before the name.
    let comma = chars.first() == Some(&',');
    if comma {
        chars.remove(0);
    }
    if chars.first() != Some(&' ') {
        return None;
    }
    let mut position = 1;
    // An honorific is no part of the name: "Sheikh Mohammed bin Abdulrahman".
    let mut begin = 1;
    for _ in 0..2 {
        let Some(honorific) = HONORIFICS.iter().find(|honorific| {
            let rest: String = chars
                .iter()
                .skip(position)
                .take(honorific.chars().count() + 1)
                .collect();
            rest == format!("{honorific} ")
        }) else {
            break;
        };
        position += honorific.chars().count() + 1;
        begin = position;
    }
    let mut words = 0;
    let mut end = 1;
    while words < 4 {
        let word_start = position;
        while chars
            .get(position)
            .is_some_and(|c| c.is_alphabetic() || *c == '-' || *c == '\'' || *c == '’')
        {
            position += 1;
        }
        let mut word: String = chars
            .get(word_start..position)
            .unwrap_or(&[])
            .iter()
            .collect();
        // "Benjamin Netanyahu’s office": the possessive ends the name.
        let possessive = word.ends_with("'s") || word.ends_with("’s");
        if possessive {
            word.truncate(word.len() - if word.ends_with("'s") { 2 } else { 4 });
            position -= 2;
        }
        if word.is_empty() {
            break;
        }
        let lower = word.to_lowercase();
        let particle = is_name_particle(&lower);
        let capital = word.chars().next().is_some_and(char::is_uppercase);
        if !(capital || particle) {
            break;
        }
        // An initial ("Enrique V. Iglesias") neither counts nor ends the name.
        let initial = word.chars().count() == 1
            && capital
            && chars.get(position) == Some(&'.')
            && chars.get(position + 1) == Some(&' ');
        if initial {
            position += 2;
            continue;
        }
        // Particles standing alone do not count: "Mohammed bin Abdulrahman bin Jassim
        // Al-Thani"; a surname joined to one does ("Taher al-Nunu").
        if !particle || word.contains('-') {
            words += 1;
        }
        end = position;
        if possessive || chars.get(position) != Some(&' ') {
            break;
        }
        position += 1;
    }
    // The last word must be capitalised or a particle-joined surname ("al-Hayya"), and
    // no outlet's or organisation's word ("the official Saudi Press Agency").
    let name: String = chars.get(begin..end).unwrap_or(&[]).iter().collect();
    let last = name.split(' ').next_back().unwrap_or("");
    if ends_a_body_s_name_or_office(last) {
        return None;
    }
    let last_ok = last.chars().next().is_some_and(char::is_uppercase)
        || last
            .split('-')
            .next_back()
            .is_some_and(|part| part.chars().next().is_some_and(char::is_uppercase));
    let shift = from + usize::from(comma);
    // "Defence Minister Mullah Yaqoob": after an honorific one name is enough, and the
    // honorific stays in it, as the text calls him.
    let after_honorific = words == 1 && begin > 1;
    let start = if after_honorific { 1 } else { begin };
    ((words >= 2 || after_honorific) && last_ok && end > begin).then_some(NameAfter {
        with_honorific: shift + 1,
        start: shift + start,
        end: shift + end,
    })
}

/// How many chars of `after`, the text after a title, are the title's acronym in
/// brackets ("National Security Advisor (NSA) Ajit Doval": " (NSA)"); 0 where none.
fn acronym_length(after: &str) -> usize {
    let Some(inside) = after.strip_prefix(" (") else {
        return 0;
    };
    let Some(close) = inside.find(')') else {
        return 0;
    };
    let acronym = inside.get(..close).unwrap_or("");
    let is_acronym = (2..=8).contains(&acronym.chars().count())
        && acronym.chars().all(|c| c.is_ascii_uppercase() || c == '.');
    if is_acronym {
        2 + acronym.chars().count() + 1
    } else {
        0
    }
}

/// Words that may stand just before a name followed by its title between commas: "said
/// Seyoum Mesfin, chief mediator of IGAD", "Gen. Taban Deng Gai, head of".
const BEFORE_APPOSED_NAME: [&str; 15] = [
    "said",
    "says",
    "stated",
    "added",
    "told",
    "and",
    "by",
    "with",
    "Gen.",
    "Mr",
    "Mr.",
    "Ms",
    "included",
    "including",
    "includes",
];

/// The name just before ", chief negotiator" (or ", the head of") at the title starting
/// at `title_start`: two to four capitalised words (name particles allowed) that no
/// lexicon name or title covers, at the start of a sentence or after "said", "and" and
/// the like.
fn name_before_title(
    text: &ArticleText,
    matches: &[(usize, usize, Target)],
    title_start: usize,
) -> Option<NameAfter> {
    // "Erik Førner, the Norwegian Ambassador": past the party that qualifies the title,
    // and the words between them ("Josep Borrell, the EU foreign policy chief").
    let mut modified = title_start;
    // "Suhail Shaheen, Acting Ambassador of …": a modifier may open the title in capitals.
    while let Some(word) = text.before(modified, 30).split(' ').rev().nth(1)
        && TITLE_MODIFIERS.contains(&word.to_lowercase().as_str())
    {
        modified -= word.chars().count() + 1;
    }
    let qualified = matches
        .iter()
        .find(|&&(_, end, target)| {
            // "Demeke Mekonnen, Ethiopia's foreign minister", "the OLA's spokesperson".
            let possessive =
                end + 3 == modified && matches!(text.slice(end, end + 3), Some("'s " | "’s "));
            (end + 1 == modified || possessive)
                && matches!(target, Target::Entry(..) | Target::Person(_))
        })
        // "Mohammad Yaqoob, acting Defence Minister of …": past the modifiers alone.
        .map_or(modified, |&(start, _, _)| start);
    let lead = text.before(qualified, 6);
    // "Dmitry Peskov, Kremlin spokesman": the qualified title right after the comma.
    // "Anas Haqqani, a senior member of …": an indefinite article before it too.
    let comma_at = if lead.ends_with(", ") {
        qualified - 2
    } else if lead.ends_with(", the ") {
        qualified - 6
    } else if lead.ends_with(", a ") {
        qualified - 4
    } else {
        return None;
    };
    let before = text.before(comma_at, 80);
    // A line break parts words too: a name may open a line.
    let before = before.rsplit('\n').next().unwrap_or(before);
    let words: Vec<&str> = before.split(' ').collect();
    let mut taken = 0;
    let mut counted = 0;
    let mut length = 0;
    for word in words.iter().rev() {
        let lower = word.to_lowercase();
        // "al-Houthi" counts as a surname; "bin" alone does not.
        let joined = lower.contains('-') && is_name_particle(&lower);
        let particle = is_name_particle(&lower) && !joined;
        let capitalised = (joined || word.chars().next().is_some_and(char::is_uppercase))
            && word
                .chars()
                .all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '’');
        if taken == 4 || !(capitalised || particle) || BEFORE_APPOSED_NAME.contains(word) {
            break;
        }
        taken += 1;
        counted += usize::from(!particle);
        length += word.chars().count() + 1;
    }
    let start = comma_at.checked_sub(length.checked_sub(1)?)?;
    // "His Excellency Irfaan Ali, president of": the honorifics are no part of the name.
    let honorifics = text.slice(start, comma_at).map_or(0, |name| {
        name.get(..honorifics_length(name))
            .map_or(0, |h| h.chars().count())
    });
    let with_honorific = start;
    let start = start + honorifics;
    // The name stands at the start of its sentence or after a word that may lead it.
    let preceding = words
        .len()
        .checked_sub(taken + 1)
        .and_then(|at| words.get(at));
    // After a comma too: the next of a list of people with their titles ("led by A,
    // Minister of …, B, Minister of …"), or after an opening phrase ("In a post on X,
    // Mohammed Ali al-Houthi, head of …").
    let leads = preceding.is_none_or(|word| {
        word.is_empty()
            || word.ends_with(['.', '\n', ':', ','])
            || BEFORE_APPOSED_NAME.contains(word)
    }) || text.before(start, 1).ends_with('\n');
    let covered = matches
        .iter()
        .any(|&(s, e, _)| s < comma_at && e > start && !in_joined_surname(text, s));
    let first_word = words.get(words.len() - taken).copied().unwrap_or("");
    let article_first = matches!(first_word, "The" | "A" | "An" | "In" | "On" | "At");
    (counted >= 2 && leads && !covered && !article_first).then_some(NameAfter {
        with_honorific,
        start,
        end: comma_at,
    })
}

/// Whether char `at` is in a heading: a line whose every word starts with a capital and
/// that ends in no full stop ("Chinese Envoy Facilitates Ceasefire"), where a title is
/// followed by words of the heading, not by a name.
fn in_heading(text: &ArticleText, at: usize) -> bool {
    let start = text.before(at, 200).rsplit('\n').next().unwrap_or("");
    let end = text.after(at, 200).split('\n').next().unwrap_or("");
    let line = format!("{start}{end}");
    let line = line.trim();
    let words: Vec<&str> = line.split_whitespace().collect();
    words.len() >= 3
        && !line.ends_with(['.', '"', '”', ':'])
        && words.iter().all(|word| {
            word.chars()
                .find(|c| c.is_alphanumeric())
                .is_none_or(|c| c.is_uppercase() || c.is_numeric())
        })
}

/// A name after a title: where it starts (with and without an honorific) and ends.
#[derive(Debug, Clone, Copy)]
struct NameAfter {
    with_honorific: usize,
    start: usize,
    end: usize,
}

/// First pass over an article: people introduced by a title whom the lexicon lacks are
/// added to `registry` (with their surname as an alias, and the party named just before
/// the title as their affiliation); so are people listed after a plural title.
pub fn discover_people(
    article: usize,
    text: &ArticleText,
    sentences: &[(usize, usize)],
    matcher: &Matcher,
    lexicon: &Lexicon,
    registry: &mut Registry,
) {
    let matches = matcher.matches(text);
    for (index, &(start, end, target)) in matches.iter().enumerate() {
        if target != Target::Title || in_heading(text, start) {
            continue;
        }
        // "Prime Minister of Kosovo Albin Kurti": the party after the title, or after its
        // portfolio ("Minister of Foreign Affairs and International Cooperation of
        // Rwanda").
        let party_of = matches
            .get(index + 1)
            .filter(|&&(party_start, _, _)| {
                text.slice(end, party_start).is_some_and(|between| {
                    matches!(between, " of " | " of the ")
                        || is_portfolio(between)
                        // "a political adviser to Hamas's leader".
                        || (matches!(between, " to " | " to the ")
                            && text.slice(start, end).is_some_and(|title| {
                                let title = title.to_lowercase();
                                title.ends_with("adviser") || title.ends_with("advisor")
                            }))
                })
            })
            // "Secretary of Iran's Supreme National Security Council": a body of the
            // party's, which the title is of, not the party itself.
            .filter(|&&(_, party_end, _)| {
                let after = text.after(party_end, 4);
                let possessive = after.starts_with("'s ") || after.starts_with("’s ");
                !(possessive
                    && text
                        .after(party_end, 8)
                        .split(' ')
                        .nth(1)
                        .is_some_and(|word| word.chars().next().is_some_and(char::is_uppercase)))
            })
            // A lexicon's party or one the text defined ("head of the Houthi
            // Revolutionary Committee").
            .filter(|&&(_, _, party_target)| {
                matches!(party_target, Target::Entry(..) | Target::Person(_))
            })
            .map(|&(_, party_end, party_target)| (party_end, party_target));
        // "US Ambassador to Malaysia Edgard Kagan", "US Special Envoy for Syria Thomas
        // Barrack": the state an ambassador or envoy is posted to is no party of theirs;
        // the name follows it.
        let posted_to_end = matches
            .get(index + 1)
            .filter(|&&(posted_start, _, posted_target)| {
                matches!(text.slice(end, posted_start), Some(" to " | " for "))
                    && matches!(posted_target, Target::Entry(..))
                    && text.slice(start, end).is_some_and(|title| {
                        let title = title.to_lowercase();
                        title.ends_with("ambassador") || title.ends_with("envoy")
                    })
            })
            .map(|&(_, posted_end, _)| posted_end)
            .or_else(|| posted_to_region(text, start, end));
        // "Nhial Deng Nhial, chief negotiator of the South Sudanese government
        // delegation": the name before the title, its party only after it.
        let appositive = name_before_title(text, &matches, start);
        let (found, party_of) = match (appositive, name_after(text, end), party_of) {
            (Some(found), _, party) => (found, party.map(|(_, entry)| entry)),
            (None, Some(found), _) => (found, None),
            (None, None, _) if let Some(posted_end) = posted_to_end => {
                match name_after(text, posted_end) {
                    Some(found) => (found, None),
                    None => continue,
                }
            }
            (None, None, Some((party_end, entry))) => match name_after(text, party_end) {
                Some(found) => (found, Some(entry)),
                None => continue,
            },
            (None, None, None) => {
                let after_body =
                    body_after_title(text, end).and_then(|body| name_after(text, body));
                match after_body.or_else(|| surname_after(text, start, end)) {
                    Some(found) => (found, None),
                    None => continue,
                }
            }
        };
        let (name_start, name_end) = (found.start, found.end);
        // "Prime Minister Ralph Gonsalves of Saint Vincent and the Grenadines": the party
        // after the name, where none stands before the title.
        let party_after_name = matches
            .iter()
            .find(|&&(party_start, _, _)| {
                party_start > name_end
                    && text
                        .slice(name_end, party_start)
                        .is_some_and(|between| matches!(between, " of " | " of the "))
            })
            .and_then(|&(_, _, party_target)| match party_target {
                Target::Entry(entry, _) => Some(entry),
                _ => None,
            });
        // The party named just before the title ("Hamas official", "Qatari minister",
        // "Ukraine's President").
        // "Thai Deputy Prime Minister and Acting Prime Minister Phumtham": a second title
        // joined by "and" takes the party of the first.
        let (title_start, previous_index) = first_joined_title(text, &matches, index, start);
        // After an appositive's comma, the party before the title is the title's own
        // ("Erik Førner, the Norwegian Ambassador"); before it, the name's.
        let previous_index = previous_index.filter(|&previous| {
            appositive.is_none_or(|name| {
                matches
                    .get(previous)
                    .is_some_and(|&(previous_start, _, _)| previous_start > name.end)
            })
        });
        let title = TitleContext {
            text,
            matches: &matches,
            lexicon,
            title_start,
            previous_index,
            party_of,
        };
        // Known already: the name is (part of) a lexicon match. A known person after a
        // title still takes the party before it ("CIA Director William Burns").
        let known = matches.iter().find(|&&(s, e, t)| {
            matches!(t, Target::Entry(..) | Target::Person(_))
                && s < name_end
                && e > name_start
                && !in_joined_surname(text, s)
        });
        // A lexicon name that stops short of the name's end is part of someone else's
        // ("Abbas" of Mahmoud Abbas in "Foreign Minister Abbas Araghchi", "Hamdan" of
        // Osama Hamdan in "Lieutenant General Mohammed Hamdan Dagalo"): a new person.
        let known = known.filter(|&&(known_start, known_end, _)| {
            known_start < name_start.min(found.with_honorific) || known_end >= name_end
        });
        if let Some(&(known_start, _, target)) = known {
            let person = match target {
                Target::Entry(entry, _)
                    if (known_start == name_start || known_start == found.with_honorific)
                        && lexicon
                            .entries
                            .get(entry)
                            .is_some_and(|item| item.subtype == Some(Subtype::Person)) =>
                {
                    entry_entity(registry, lexicon, entry)
                }
                _ => None,
            };
            let sentence = sentence_of(sentences, name_start).and_then(|at| sentences.get(at));
            let party = title.party(registry).or_else(|| {
                party_after_name.and_then(|entry| entry_entity(registry, lexicon, entry))
            });
            if let (Some(person), Some(party), Some(&span)) = (person, party, sentence)
                && let Some(entity) = registry.entities.get_mut(person)
                && party != person
            {
                entity.affiliate(party, article, span, title.confidence(name_start));
            }
            continue;
        }
        let Some(name) = text.slice(name_start, name_end) else {
            continue;
        };
        let party = title
            .party(registry)
            .or_else(|| party_after_name.and_then(|entry| entry_entity(registry, lexicon, entry)));
        let kind = party
            .and_then(|party| registry.entities.get(party))
            .map_or(NodeKind::Actor, |entity| entity.kind);
        let sentence = sentence_of(sentences, name_start)
            .and_then(|at| sentences.get(at).map(|&span| (at, span)));
        let known_by_one_name = match person_called_by_one_name(registry, name) {
            OneName::Known(person) => Some(person),
            OneName::Ambiguous => continue,
            OneName::New => None,
        };
        let person = known_by_one_name
            .unwrap_or_else(|| registry.person(name, kind, surname_aliases(name, lexicon)));
        if let (Some(party), Some((_, span)), Some(entity)) =
            (party, sentence, registry.entities.get_mut(person))
            && party != person
        {
            entity.affiliate(party, article, span, title.confidence(name_start));
        }
    }
    let found = ArticleMatches {
        article,
        text,
        sentences,
        matches: &matches,
    };
    discover_listed_people(&found, lexicon, registry);
    discover_people_of_one_party(&found, lexicon, registry);
}
