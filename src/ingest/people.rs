//! People the lexicon lacks, found after titles ("Hamas official Osama Hamdan"), with the
//! party named before the title; and the party of a known person after a title ("CIA
//! Director William Burns").

use std::collections::{BTreeSet, HashMap, HashSet};

use super::lexicon::Lexicon;
use super::matcher::{Matcher, Target};
use super::mentions::{Entity, NAME_PARTICLES, Origin, Registry, entry_entity, sentence_of};
use super::relations::{HEAD_MEMBERSHIP_CONFIDENCE, TITLE_MEMBERSHIP_CONFIDENCE};
use crate::model::search::fold;
use crate::model::{ArticleText, NodeKind, Subtype};

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
/// Lower-case words between a party and its title: "Thailand's acting Prime Minister".
const TITLE_MODIFIERS: [&str; 17] = [
    "acting",
    "deputy",
    "interim",
    "caretaker",
    "vice",
    "senior",
    "top",
    "special",
    "political",
    "intelligence",
    "military",
    "security",
    "foreign",
    "chief",
    "peacekeeping",
    "humanitarian",
    "nuclear",
];

/// The name that follows a title at char `from`: two to four capitalised words (name
/// particles allowed), or `None`.
fn name_after(text: &ArticleText, from: usize) -> Option<NameAfter> {
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
        let particle = NAME_PARTICLES.iter().any(|particle| {
            lower == *particle || (particle.ends_with('-') && lower.starts_with(particle))
        });
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
    if super::organisations::ends_a_body_s_name(last) {
        return None;
    }
    let last_ok = last.chars().next().is_some_and(char::is_uppercase)
        || last
            .split('-')
            .next_back()
            .is_some_and(|part| part.chars().next().is_some_and(char::is_uppercase));
    let shift = from + usize::from(comma);
    (words >= 2 && last_ok && end > begin).then_some(NameAfter {
        with_honorific: shift + 1,
        start: shift + begin,
        end: shift + end,
    })
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
    // "Erik Førner, the Norwegian Ambassador": past the party that qualifies the title.
    let qualified = matches
        .iter()
        .find(|&&(_, end, target)| end + 1 == title_start && matches!(target, Target::Entry(..)))
        .map_or(title_start, |&(start, _, _)| start);
    let lead = text.before(qualified, 6);
    let comma_at = if lead.ends_with(", ") && qualified == title_start {
        qualified - 2
    } else if lead.ends_with(", the ") {
        qualified - 6
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
        let particle = NAME_PARTICLES.contains(&word.to_lowercase().as_str());
        let capitalised = word.chars().next().is_some_and(char::is_uppercase)
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
    let leads = preceding.is_none_or(|word| {
        word.is_empty() || word.ends_with(['.', '\n', ':']) || BEFORE_APPOSED_NAME.contains(word)
    }) || text.before(start, 1).ends_with('\n');
    let covered = matches.iter().any(|&(s, e, _)| s < comma_at && e > start);
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

/// Ranks and honorifics that may stand before a given name used alone: "Gen Wallop".
const BEFORE_GIVEN_NAME: &[&str] = &["Gen", "Gen.", "General", "Dr", "Dr.", "Datuk", "Tan"];

/// Adds to each person found after a title the first word of their name as an alias,
/// where an article calls them by it alone ("former military chief Zulkifli Zainal
/// Abidin", then "Zulkifli said"; "Gen Wallop Raksanoh", then "Gen Wallop"): Malay,
/// Indonesian and Thai names are shortened to the given name. A word that starts another
/// entity's name, is an alias already, is known to the lexicon or is written in lower
/// case in the same article ("Will", "Said") is left alone. One pass over each article's
/// words.
pub fn add_given_name_aliases(texts: &[ArticleText], lexicon: &Lexicon, registry: &mut Registry) {
    let capitalised = |word: &str| word.chars().next().is_some_and(char::is_uppercase);
    let mut first_words: HashMap<&str, usize> = HashMap::new();
    let mut aliases: HashSet<&str> = HashSet::new();
    for entity in &registry.entities {
        if let Some(first) = entity.label.split(' ').next() {
            *first_words.entry(first).or_insert(0) += 1;
        }
        aliases.extend(entity.aliases.iter().map(String::as_str));
    }
    // Each candidate given name, with its person.
    let candidates: HashMap<String, usize> = registry
        .entities
        .iter()
        .enumerate()
        .filter(|(_, entity)| entity.kind == NodeKind::Actor && entity.origin == Origin::Titled)
        .filter_map(|(index, entity)| {
            let names: Vec<&str> = entity.label.split(' ').collect();
            let given = *names.first().filter(|_| names.len() >= 2)?;
            let shaped = given.chars().count() >= 3
                && capitalised(given)
                && given.chars().all(char::is_alphabetic)
                && !names.iter().skip(1).any(|name| *name == given);
            let free = first_words.get(given) == Some(&1)
                && !aliases.contains(given)
                && lexicon.find(given).is_none();
            (shaped && free).then(|| (given.to_owned(), index))
        })
        .collect();
    let mut added: BTreeSet<(usize, String)> = BTreeSet::new();
    for text in texts {
        let words: Vec<&str> = text.as_str().split_whitespace().collect();
        let bare = |word: &str| word.trim_matches(|c: char| !c.is_alphanumeric()).to_owned();
        let lower_case: HashSet<String> = words
            .iter()
            .map(|word| bare(word))
            .filter(|word| !capitalised(word))
            .collect();
        for (at, word) in words.iter().enumerate() {
            let given = bare(word);
            let Some(&person) = candidates.get(&given) else {
                continue;
            };
            // Alone: not followed by another capitalised word, and after a lower-case
            // word, a stop or a rank.
            let ended = word.ends_with(|c: char| !c.is_alphanumeric());
            let after_ok = ended
                || words
                    .get(at + 1)
                    .is_none_or(|next| !capitalised(next) || next.starts_with(['(', '“', '"']));
            let before_ok = at
                .checked_sub(1)
                .and_then(|b| words.get(b))
                .is_none_or(|b| {
                    !capitalised(b)
                        || b.ends_with(['.', ',', ':', '”', '"'])
                        || BEFORE_GIVEN_NAME.contains(b)
                });
            if after_ok && before_ok && !lower_case.contains(&given.to_lowercase()) {
                added.insert((person, given));
            }
        }
    }
    for (person, given) in added {
        if let Some(entity) = registry.entities.get_mut(person) {
            entity.aliases.insert(given);
        }
    }
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
        // "Prime Minister of Kosovo Albin Kurti": the party after the title.
        let party_of = matches
            .get(index + 1)
            .filter(|&&(party_start, _, _)| {
                text.slice(end, party_start)
                    .is_some_and(|between| matches!(between, " of " | " of the "))
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
            .and_then(|&(_, party_end, party_target)| match party_target {
                Target::Entry(entry, _) => Some((party_end, entry)),
                _ => None,
            });
        // "Nhial Deng Nhial, chief negotiator of the South Sudanese government
        // delegation": the name before the title, its party only after it.
        let appositive = name_before_title(text, &matches, start);
        let (found, party_of) = match (appositive, name_after(text, end), party_of) {
            (Some(found), _, party) => (found, party.map(|(_, entry)| entry)),
            (None, Some(found), _) => (found, None),
            (None, None, Some((party_end, entry))) => match name_after(text, party_end) {
                Some(found) => (found, Some(entry)),
                None => continue,
            },
            (None, None, None) => continue,
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
            matches!(t, Target::Entry(..) | Target::Person(_)) && s < name_end && e > name_start
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
        let key = fold(name);
        let surname = name.split(' ').next_back().unwrap_or(name).to_owned();
        let sentence = sentence_of(sentences, name_start)
            .and_then(|at| sentences.get(at).map(|&span| (at, span)));
        let person = registry.get_or_add(&key, || Entity {
            key: key.clone(),
            label: name.to_owned(),
            kind,
            subtype: Some(Subtype::Person),
            aliases: BTreeSet::from([surname]),
            origin: Origin::Titled,
            affiliations: Vec::new(),
        });
        registry.also_named(person, name);
        if let (Some(party), Some((_, span)), Some(entity)) =
            (party, sentence, registry.entities.get_mut(person))
            && party != person
        {
            entity.affiliate(party, article, span, title.confidence(name_start));
        }
    }
    discover_listed_people(article, text, sentences, &matches, lexicon, registry);
}

/// How far before a title (chars) its rank may start ("Deputy", "Vice").
const RANK_REACH: usize = 12;

/// Titles of a party's head, whose membership is less certain than a member's.
const HEAD_TITLES: [&str; 11] = [
    "president",
    "prime minister",
    "premier",
    "leader",
    "chairman",
    "chairperson",
    "emir",
    "king",
    "head",
    "chief",
    "secretary-general",
];

/// Plural titles before "of" and a list of parties: "Foreign Ministers of Russia,
/// Azerbaijan and Armenia Sergei Lavrov, Jeyhun Bayramov and Zohrab Mnatsakanyan".
const PLURAL_TITLES: [&str; 10] = [
    "Foreign Ministers",
    "foreign ministers",
    "Ministers of Foreign Affairs",
    "ministers of foreign affairs",
    "Defence Ministers",
    "Defense Ministers",
    "Prime Ministers",
    "Presidents",
    "presidents",
    "leaders",
];

/// The separator between two items of a list: ", ", " and ", ", and ". Its length in
/// chars, if `between` is one.
fn list_separator(between: &str) -> Option<usize> {
    matches!(between, ", " | " and " | ", and ").then(|| between.chars().count())
}

/// People named in a list after a plural title and
/// a list of as many parties ("Foreign Ministers of Russia, Azerbaijan and Armenia
/// Sergei Lavrov, Jeyhun Bayramov and Zohrab Mnatsakanyan"), each of the party in the
/// same place in its list. Lists of different lengths are left alone.
fn discover_listed_people(
    article: usize,
    text: &ArticleText,
    sentences: &[(usize, usize)],
    matches: &[(usize, usize, Target)],
    lexicon: &Lexicon,
    registry: &mut Registry,
) {
    let mut index = 0;
    while let Some(&(start, _, _)) = matches.get(index) {
        let before = text.before(start, 40);
        let title_end = before
            .strip_suffix(" of the ")
            .or_else(|| before.strip_suffix(" of "));
        let plural_title = title_end.and_then(|head| {
            PLURAL_TITLES
                .iter()
                .find(|title| head.ends_with(**title))
                .map(|title| &head[..head.len() - title.len()])
        });
        let after_plural_title = plural_title.is_some();
        // "the former presidents of Nigeria and Kenya": people, of no party now.
        let former = plural_title.is_some_and(|before| {
            let before = before.to_lowercase();
            before.ends_with("former ") || before.ends_with("ex-")
        });
        if !after_plural_title {
            index += 1;
            continue;
        }
        // The parties, joined by commas and "and".
        let mut parties: Vec<usize> = Vec::new();
        let mut last_end = start;
        let mut at = index;
        while let Some(&(party_start, party_end, Target::Entry(entry, _))) = matches.get(at) {
            if at > index
                && text
                    .slice(last_end, party_start)
                    .and_then(list_separator)
                    .is_none()
            {
                break;
            }
            parties.push(entry);
            last_end = party_end;
            at += 1;
        }
        index = at.max(index + 1);
        if parties.len() < 2 {
            continue;
        }
        // As many names after them.
        let mut names: Vec<NameAfter> = Vec::new();
        let mut from = last_end;
        while names.len() < parties.len() {
            let Some(found) = name_after(text, from) else {
                break;
            };
            from = found.end;
            names.push(found);
            let rest = text.after(from, 6);
            if let Some(separator) = [", and ", " and ", ", "]
                .iter()
                .find(|separator| rest.starts_with(**separator))
            {
                // Leave the space before the next name for `name_after`.
                from += separator.chars().count() - 1;
            } else {
                break;
            }
        }
        if names.len() != parties.len() {
            continue;
        }
        for (name, entry) in names.iter().zip(&parties) {
            let covered = matches
                .iter()
                .any(|&(s, e, _)| s < name.end && e > name.start);
            let (Some(label), false) = (text.slice(name.start, name.end), covered) else {
                continue;
            };
            let Some(party) = entry_entity(registry, lexicon, *entry) else {
                continue;
            };
            let key = fold(label);
            let surname = label.split(' ').next_back().unwrap_or(label).to_owned();
            let person = registry.get_or_add(&key, || Entity {
                key: key.clone(),
                label: label.to_owned(),
                kind: NodeKind::Actor,
                subtype: Some(Subtype::Person),
                aliases: BTreeSet::from([surname]),
                origin: Origin::Titled,
                affiliations: Vec::new(),
            });
            registry.also_named(person, label);
            let span = sentence_of(sentences, name.start).and_then(|at| sentences.get(at));
            if let (Some(&span), Some(entity)) = (span, registry.entities.get_mut(person))
                && party != person
                && !former
            {
                entity.affiliate(party, article, span, TITLE_MEMBERSHIP_CONFIDENCE);
            }
        }
    }
}

/// "Thai Deputy Prime Minister and Acting Prime Minister Phumtham": a second title
/// joined by "and" takes the party of the first. Where the titles start, and the match
/// before them.
fn first_joined_title(
    text: &ArticleText,
    matches: &[(usize, usize, Target)],
    index: usize,
    start: usize,
) -> (usize, Option<usize>) {
    let mut title_start = start;
    let mut previous_index = index.checked_sub(1);
    while let Some(previous) = previous_index
        && let Some(&(previous_start, previous_end, Target::Title)) = matches.get(previous)
        && text
            .slice(previous_end, title_start)
            .is_some_and(|between| {
                let words: Vec<&str> = between.split_whitespace().collect();
                words.first() == Some(&"and") && words.len() <= 2
            })
    {
        title_start = previous_start;
        previous_index = previous.checked_sub(1);
    }
    (title_start, previous_index)
}

/// A title and what surrounds it, to find the party of the person it introduces.
struct TitleContext<'a> {
    text: &'a ArticleText,
    matches: &'a [(usize, usize, Target)],
    lexicon: &'a Lexicon,
    /// Where the (first of the joined) titles starts.
    title_start: usize,
    /// The match before the titles.
    previous_index: Option<usize>,
    /// The party after the title ("Prime Minister of Kosovo"), as a lexicon entry.
    party_of: Option<usize>,
}

impl TitleContext<'_> {
    /// How sure the membership a title gives is, the name starting at char `name_start`:
    /// a member's title ("Foreign Minister", "official") says plainly whose member the
    /// person is; a head's ("Prime Minister", "leader") is read by careful readers as
    /// leading the party or its government as often as being its member.
    fn confidence(&self, name_start: usize) -> f32 {
        let title = self
            .text
            .slice(self.title_start, name_start)
            .unwrap_or("")
            .to_lowercase();
        let title = title.trim_end();
        // The lexicon's title may start after its rank: "Deputy Prime Minister".
        let rank = self
            .text
            .slice(
                self.title_start.saturating_sub(RANK_REACH),
                self.title_start,
            )
            .unwrap_or("")
            .split_whitespace()
            .last()
            .unwrap_or("")
            .to_lowercase();
        let deputy = ["deputy", "vice", "assistant"]
            .iter()
            .any(|word| title.contains(word) || rank.contains(word));
        let head = HEAD_TITLES.iter().any(|head| title.ends_with(head));
        if head && !deputy {
            HEAD_MEMBERSHIP_CONFIDENCE
        } else {
            TITLE_MEMBERSHIP_CONFIDENCE
        }
    }

    /// The party of the person the title introduces: the one after it ("of Kosovo"), or
    /// the one named just before it ("Hamas official", "Qatari minister", "Ukraine's
    /// President"), never a former office's, a thing or a person.
    fn party(&self, registry: &mut Registry) -> Option<usize> {
        let TitleContext {
            text,
            matches,
            lexicon,
            title_start,
            previous_index,
            party_of,
        } = *self;
        if let Some(entry) = party_of {
            return entry_entity(registry, lexicon, entry).filter(|&party| {
                registry.entities.get(party).is_some_and(|entity| {
                    entity.kind != NodeKind::Demand && entity.subtype != Some(Subtype::Person)
                })
            });
        }
        previous_index
            .and_then(|previous| matches.get(previous))
            .filter(|&&(previous_start, previous_end, _)| {
                // A former office is no membership: "former Nigerian president".
                let before = text.before(previous_start, 8).to_lowercase();
                if before.ends_with("former ") || before.ends_with("ex-") {
                    return false;
                }
                // "Hamas official", "Ukraine's President", "Ukrainian Infrastructure
                // Minister": at most two capitalised words of the title between.
                let between = text.slice(previous_end, title_start).unwrap_or("x");
                let between = between
                    .strip_prefix("'s")
                    .or_else(|| between.strip_prefix("’s"))
                    .unwrap_or(between);
                let words: Vec<&str> = between.split_whitespace().collect();
                between.starts_with(' ')
                    && between.ends_with(' ')
                    && words.len() <= 2
                    && words.iter().all(|word| {
                        word.chars().next().is_some_and(char::is_uppercase)
                            || TITLE_MODIFIERS.contains(word)
                    })
            })
            .map(|&(previous_start, _, target)| {
                // "Washington's Afghanistan special envoy": the possessive before the
                // field of the office is the party (where it names one at all).
                let owner = previous_index
                    .and_then(|previous| previous.checked_sub(1))
                    .and_then(|owner| matches.get(owner))
                    .filter(|&&(_, owner_end, _)| {
                        text.slice(owner_end, previous_start)
                            .is_some_and(|between| matches!(between, "'s " | "’s "))
                    });
                owner.map_or(target, |&(_, _, owner_target)| owner_target)
            })
            .and_then(|target| match target {
                Target::Entry(entry, _) => entry_entity(registry, lexicon, entry),
                // An organisation the text defined: "ELN leader Antonio Garcia".
                Target::Person(entity) => Some(entity),
                _ => None,
            })
            .filter(|&party| {
                registry.entities.get(party).is_some_and(|entity| {
                    entity.kind != NodeKind::Demand && entity.subtype != Some(Subtype::Person)
                })
            })
    }
}
