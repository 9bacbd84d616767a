//! Organisations named by a capitalised name that holds an organisation's word and goes
//! on past "of", "for" or "and" ("the Front for Change and Concord in Chad"), or by three
//! capitalised words or more before a party's head ("Palestinian Popular Struggle
//! Front"), though the article names them once.

use super::super::lexicon::Lexicon;
use super::super::mentions::Registry;
use super::{LONG_NAME_HEADS, ORGANISATION_HEADS, add_organisation, names_forum};

/// Adds to `registry` the organisations an article names with a capitalised name that
/// holds an organisation's word and goes on past "of", "for", "and" or "in" ("the Front
/// for Change and Concord in Chad", "the Union of Forces for Democracy and Development",
/// "the Communist Party of the Philippines"): a name of that shape is one even where the
/// article names it once. "in" goes on only after another connector ("the Army in Gaza"
/// is an army somewhere).
pub fn discover_connected_organisations(text: &str, lexicon: &Lexicon, registry: &mut Registry) {
    // Each word bare, with whether punctuation cuts it from the next one.
    let tokens: Vec<&str> = text.split([' ', '\n']).collect();
    let words: Vec<(&str, bool)> = tokens
        .iter()
        .enumerate()
        .map(|(at, word)| {
            let bare = word.trim_matches(|c: char| !c.is_alphanumeric());
            let opens_next = tokens
                .get(at + 1)
                .is_some_and(|next| next.starts_with(|c: char| !c.is_alphanumeric()));
            (
                bare,
                word.ends_with(|c: char| !c.is_alphanumeric()) || opens_next,
            )
        })
        .collect();
    // "People's" and "Real-Sudan" are words of a name; "Israel's" before one is whose
    // it is.
    let capitalised = |at: usize| {
        words.get(at).is_some_and(|(word, _)| {
            let base = word
                .strip_suffix("'s")
                .or_else(|| word.strip_suffix("’s"))
                .unwrap_or(word);
            word.chars().next().is_some_and(char::is_uppercase)
                && word
                    .chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
                && (base.len() == word.len() || lexicon.find(base).is_none())
        })
    };
    // The end of the last name found: a head inside it starts none of its own.
    let mut covered = None;
    for (head, (word, _)) in words.iter().enumerate() {
        if !ORGANISATION_HEADS.contains(word) || covered.is_some_and(|end| head <= end) {
            continue;
        }
        // Back over the capitalised words of the name ("National Democratic Front"),
        // not over a sentence's "The", a title or a possessive.
        let mut start = head;
        while start > 0
            && capitalised(start - 1)
            && words.get(start - 1).is_some_and(|(word, cut)| {
                !cut && !matches!(*word, "The" | "A" | "An")
                    && !super::super::relations::TITLE_WORDS.contains(word)
            })
        {
            start -= 1;
        }
        // On over each connector and the capitalised words after it.
        let mut end = head;
        let mut connected = false;
        loop {
            if words.get(end).is_none_or(|(_, cut)| *cut) {
                break;
            }
            let Some((connector, _)) = words.get(end + 1) else {
                break;
            };
            let mut next = end + 2;
            match *connector {
                "of" | "for" if words.get(next).is_some_and(|(word, _)| *word == "the") => {
                    next += 1;
                }
                // "the Clan del Golfo": Spanish names join with "de" and "del".
                "of" | "for" | "de" | "del" => {}
                // "and" right after the head joins a list ("… Struggle Front and
                // Palestinian National Initiative"), after a connected part a name.
                "and" | "in" if connected => {}
                _ => break,
            }
            if !capitalised(next) {
                break;
            }
            let mut run_end = next;
            while words.get(run_end).is_some_and(|(_, cut)| !cut) && capitalised(run_end + 1) {
                run_end += 1;
            }
            // "… of Palestine and Palestinian People's Party": a head after "and" starts
            // a name of its own.
            let own_head = (next..=run_end).any(|at| {
                words
                    .get(at)
                    .is_some_and(|(word, _)| ORGANISATION_HEADS.contains(word))
            });
            if *connector == "and" && own_head {
                break;
            }
            end = run_end;
            connected = true;
            if *connector == "in" {
                break;
            }
        }
        // "… collectively known as the Brotherhood Alliance": a name the text gives.
        let given = start
            .checked_sub(3)
            .and_then(|at| words.get(at..start))
            .is_some_and(|before| {
                matches!(before, [(known, _), (as_, _), (the, _)]
                    if *known == "known" && *as_ == "as" && *the == "the")
            });
        // "Palestinian Popular Struggle Front", "Real-Sudan People's Liberation
        // Movement": three capitalised words or more before a party's head name one,
        // though the article names it once.
        let long_party_name = head >= start + 2 && LONG_NAME_HEADS.contains(word);
        if !(connected || long_party_name || given && start < head) {
            continue;
        }
        covered = Some(end);
        let name = words
            .get(start..=end)
            .map(|name| {
                name.iter()
                    .map(|(word, _)| *word)
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .unwrap_or_default();
        if lexicon.find(&name).is_some() || names_forum(&name) {
            continue;
        }
        // "the National Democratic Front of the Philippines (NDFP)": its acronym, where
        // its letters are the name's initials.
        let initials: String = name
            .split(' ')
            .filter_map(|word| word.chars().next().filter(|c| c.is_uppercase()))
            .collect();
        let acronym = tokens
            .get(end + 1)
            .filter(|next| next.starts_with('('))
            .map(|next| next.trim_matches(|c: char| !c.is_alphanumeric()))
            .filter(|inner| *inner == initials && inner.chars().count() >= 2);
        let aliases = acronym.map(str::to_owned).into_iter().collect();
        add_organisation(registry, name, aliases);
    }
}
