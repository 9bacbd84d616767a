//! Communities named by two demonyms: "Greek Cypriot leader Nicos Anastasiades",
//! "Turkish Cyprus", "Bosnian Serb". The pair is a party of its own, neither state: a
//! Turkish Cypriot leader is no leader of Turkey, nor of the Republic of Cyprus.

use std::collections::BTreeSet;

use super::lexicon::Lexicon;
use super::mentions::{Entity, Origin, Registry};
use crate::model::search::fold;
use crate::model::{NodeKind, Subtype};

/// Endings of demonyms ("Greek", "Turkish", "Cypriot", "Bosnian", "Congolese").
const DEMONYM_ENDINGS: &[&str] = &["ish", "ian", "an", "ese", "ot", "ek", "ic", "i"];

/// The state entry `word` names and whether it is its demonym rather than its name.
fn state_named(lexicon: &Lexicon, word: &str) -> Option<(usize, bool)> {
    let entry = lexicon.find(word)?;
    let found = lexicon.entries.get(entry)?;
    if found.subtype != Some(Subtype::State) {
        return None;
    }
    let demonym = !found.name.eq_ignore_ascii_case(word)
        && DEMONYM_ENDINGS.iter().any(|ending| word.ends_with(ending));
    Some((entry, demonym))
}

/// Adds to `registry` each community `text` names by a state's demonym right before
/// another state's demonym or name ("Greek Cypriot", "Turkish Cyprus"): a party labelled
/// "Greek Cypriots", found by the pair as written and its plural, so that the longer name
/// wins over "Cypriot" alone and a title's party after it is the community.
pub fn discover_communities(text: &str, lexicon: &Lexicon, registry: &mut Registry) {
    let words: Vec<&str> = text.split_whitespace().collect();
    for pair in words.windows(2) {
        let [lead, named] = pair else { continue };
        // "Greek Cypriot," ends the pair; "Greek," does not start one.
        if lead.ends_with(|c: char| !c.is_alphanumeric()) {
            continue;
        }
        let named = named.trim_end_matches(|c: char| !c.is_alphanumeric());
        let capitalised = |word: &str| word.chars().next().is_some_and(char::is_uppercase);
        // Only a demonym leads a pair: the ending is looked at before the lexicon is.
        let demonym_shaped = DEMONYM_ENDINGS.iter().any(|ending| lead.ends_with(ending));
        if !capitalised(lead) || !capitalised(named) || !demonym_shaped {
            continue;
        }
        let (Some((first, true)), Some((second, second_demonym))) =
            (state_named(lexicon, lead), state_named(lexicon, named))
        else {
            continue;
        };
        let Some(second_entry) = lexicon.entries.get(second) else {
            continue;
        };
        if first == second {
            continue;
        }
        let surface = format!("{lead} {named}");
        let plural = format!("{surface}s");
        let label = if second_demonym {
            plural.clone()
        } else {
            surface.clone()
        };
        let key = format!("{} {}", fold(lead), fold(&second_entry.name));
        let community = registry.get_or_add(&key, || Entity {
            key: key.clone(),
            label: label.clone(),
            kind: NodeKind::Actor,
            subtype: None,
            aliases: BTreeSet::new(),
            origin: Origin::Defined,
            affiliations: Vec::new(),
        });
        registry.also_named(community, &surface);
        if second_demonym {
            registry.also_named(community, &plural);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_demonyms_name_a_community_of_its_own() {
        let lexicon = Lexicon::parse(
            "l",
            "actor | Greece | Greek | state |\nactor | Turkey | Turkish | state |\nactor | Cyprus | Cypriot | state |\nactor | Hamas | | organisation |\n",
        )
        .unwrap();
        let mut registry = Registry::default();
        discover_communities(
            "Greek Cypriot leader Nicos Anastasiades met. Turkish Cyprus and the Turkish Cypriot side \
             agreed. Greek, Cypriot and Turkish officials spoke. Turkish Hamas is no pair. Greece Turkey neither.",
            &lexicon,
            &mut registry,
        );
        let found: Vec<(&str, Vec<&str>)> = registry
            .entities
            .iter()
            .map(|e| {
                (
                    e.label.as_str(),
                    e.aliases.iter().map(String::as_str).collect(),
                )
            })
            .collect();
        assert_eq!(
            found,
            [
                ("Greek Cypriots", vec!["Greek Cypriot"]),
                (
                    "Turkish Cyprus",
                    vec!["Turkish Cypriot", "Turkish Cypriots"]
                ),
            ],
            "a comma parts a list; a state's name first is no demonym; an organisation is no state"
        );
    }
}
