//! Given names as aliases: Malay, Indonesian and Thai names shortened to the given name
//! ("Zulkifli", "Gen Wallop"), where an article uses it alone.

use std::collections::{BTreeSet, HashMap, HashSet};

use crate::ingest::lexicon::Lexicon;
use crate::ingest::mentions::{Origin, Registry};
use crate::model::{ArticleText, NodeKind};

/// `word` without the punctuation around it: "Zulkifli," is "Zulkifli".
fn bare(word: &str) -> &str {
    word.trim_matches(|c: char| !c.is_alphanumeric())
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
    if candidates.is_empty() {
        return;
    }
    let mut added: BTreeSet<(usize, String)> = BTreeSet::new();
    for text in texts {
        let words: Vec<&str> = text.as_str().split_whitespace().collect();
        let lower_case: HashSet<&str> = words
            .iter()
            .map(|word| bare(word))
            .filter(|word| !capitalised(word))
            .collect();
        for (at, word) in words.iter().enumerate() {
            let given = bare(word);
            let Some(&person) = candidates.get(given) else {
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
            if after_ok && before_ok && !lower_case.contains(given.to_lowercase().as_str()) {
                added.insert((person, given.to_owned()));
            }
        }
    }
    for (person, given) in added {
        if let Some(entity) = registry.entities.get_mut(person) {
            entity.aliases.insert(given);
        }
    }
}
