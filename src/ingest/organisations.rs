//! Organisations the lexicon lacks, found where the text defines them with their acronym:
//! "the Rapid Support Forces (RSF)", "the Tigray People's Liberation Front (TPLF)". They
//! become parties, found later by name or acronym in every article.

mod connected;
mod titled;

use std::collections::BTreeSet;

use super::lexicon::Lexicon;
use super::mentions::{Entity, Origin, Registry};
use crate::model::search::fold;
use crate::model::{NodeKind, Subtype};

pub use connected::discover_connected_organisations;
pub use titled::discover_titled_organisations;

/// Adds the organisation named `label`, with `aliases`, unless it is there already.
fn add_organisation(registry: &mut Registry, label: String, aliases: BTreeSet<String>) {
    let key = fold(&label);
    registry.get_or_add(&key, || Entity {
        key: key.clone(),
        label,
        kind: NodeKind::Actor,
        subtype: Some(Subtype::Organisation),
        aliases,
        origin: Origin::Defined,
        affiliations: Vec::new(),
    });
}

/// Lower-case words that may stand inside an organisation's name.
const CONNECTORS: &[&str] = &["of", "for", "on", "in", "de", "del", "la", "des", "du"];

/// Last words of a news outlet's name, which quotes the parties but is none: "the
/// Athens-Macedonian News Agency (AMNA)", "Saudi Press Agency (SPA)".
const OUTLET_WORDS: &[&str] = &[
    "News",
    "Agency",
    "Press",
    "Television",
    "Radio",
    "Broadcasting",
];

/// Adds to `registry` every organisation `text` defines with its acronym — in brackets,
/// "the Rapid Support Forces (RSF)", "the National Liberation Army [ELN]", or after "or",
/// "the National Liberation Army, or ELN," — unless the lexicon already knows its name or
/// acronym.
pub fn discover_organisations(text: &str, lexicon: &Lexicon, registry: &mut Registry) {
    for (before, acronym) in definitions(text) {
        let letters = acronym.chars().count();
        if !(2..=6).contains(&letters) || !acronym.chars().all(|c| c.is_ascii_uppercase()) {
            continue;
        }
        if NOT_PARTIES.contains(&acronym) {
            continue;
        }
        let Some(name) = name_before(before).and_then(|name| name_defined(&name, acronym)) else {
            continue;
        };
        // "Sheikh Mohamed bin Zayed Al Nahyan (MBZ)": the rest of a person's name, past a
        // particle, is no organisation.
        let particle_before = before
            .trim_end()
            .strip_suffix(name.as_str())
            .and_then(|rest| rest.split_whitespace().next_back())
            .is_some_and(|word| super::mentions::NAME_PARTICLES.contains(&word));
        if particle_before {
            continue;
        }
        if names_no_party(&name) || lexicon.find(&name).is_some() || lexicon.find(acronym).is_some()
        {
            continue;
        }
        add_organisation(registry, name, BTreeSet::from([acronym.to_owned()]));
    }
}

/// Last words of the name of a forum or a mechanism of talks, which is no party: "the
/// Geneva International Discussions (GID)", "the Incident Prevention and Response
/// Mechanism (IPRM)".
const FORUM_WORDS: &[&str] = &[
    "Discussions",
    "Talks",
    "Conference",
    "Dialogue",
    "Forum",
    "Process",
    "Mechanism",
    "Initiative",
    "Format",
];

/// Whether `name` ends in a forum's word ("Discussions", "Mechanism").
fn names_forum(name: &str) -> bool {
    name.rsplit(' ')
        .next()
        .is_some_and(|last| FORUM_WORDS.contains(&last))
}

/// First words of the name of an office, which is a title, not a party: "Directors
/// General of Military Operations (DGMO)", "Special Envoy for Yemen".
const OFFICE_FIRST_WORDS: &[&str] = &[
    "Director",
    "Directors",
    "Minister",
    "Secretary",
    "Adviser",
    "Advisor",
    "President",
    "Commander",
    "Ambassador",
    "Envoy",
];

/// Last words of the name of an office: "National Security Advisor (NSA)".
const OFFICE_LAST_WORDS: &[&str] = &[
    "Adviser",
    "Advisor",
    "Secretary",
    "Minister",
    "Envoy",
    "Representative",
    "Director",
    "Spokesperson",
    "Spokesman",
];

/// Whether a name defined by an acronym names no party: a forum of talks ("the Geneva
/// International Discussions (GID)"), an outlet ("Kuwait News Agency (KUNA)") or an
/// office ("National Security Advisor (NSA)").
fn names_no_party(name: &str) -> bool {
    let mut words: Vec<&str> = name.split(' ').collect();
    // "Pakistan's Directors General of Military Operations": whose office it is says
    // nothing of what it is.
    if words
        .first()
        .is_some_and(|first| first.ends_with("'s") || first.ends_with("’s"))
    {
        words.remove(0);
    }
    let office = words
        .first()
        .is_some_and(|first| OFFICE_FIRST_WORDS.contains(first))
        || words
            .last()
            .is_some_and(|last| OFFICE_LAST_WORDS.contains(last));
    names_forum(name) || office || words.iter().any(|word| OUTLET_WORDS.contains(word))
}

/// Each place `text` may define a name's acronym: the text before it and the acronym.
fn definitions(text: &str) -> Vec<(&str, &str)> {
    let mut found = Vec::new();
    for (open, close) in [('(', ')'), ('[', ']')] {
        for (at, _) in text.match_indices(open) {
            let before = text.get(..at).unwrap_or("");
            let after = text.get(at + open.len_utf8()..).unwrap_or("");
            if let Some(acronym) = after.find(close).and_then(|end| after.get(..end)) {
                found.push((before, acronym));
            }
        }
    }
    for (at, marker) in text.match_indices(", or ") {
        let before = text.get(..at).unwrap_or("");
        let after = text.get(at + marker.len()..).unwrap_or("");
        let end = after
            .find(|c: char| !c.is_alphanumeric())
            .unwrap_or(after.len());
        let (acronym, rest) = after.split_at_checked(end).unwrap_or((after, ""));
        // The acronym closes its clause: "…Army, or ELN, announced", "…, or ELN."
        if rest.is_empty() || rest.starts_with([',', '.', ';', ')']) {
            found.push((before, acronym));
        }
    }
    found.sort_unstable_by_key(|(before, _)| before.len());
    found
}

/// The name a definition gives: as read, where it holds no "in"; where it does, only if
/// the acronym starts with the name's initial ("United Nations Support Mission in Libya
/// (UNSMIL)", not "President Erdogan in Ankara (AA)": then only what follows "in", if
/// that is a name). Acronyms of names in another language keep their own order
/// ("Revolutionary Armed Forces of Colombia (FARC)").
fn name_defined(name: &str, acronym: &str) -> Option<String> {
    let Some((_, after_in)) = name.rsplit_once(" in ") else {
        return Some(name.to_owned());
    };
    if name.chars().next() == acronym.chars().next() {
        return Some(name.to_owned());
    }
    let capitals = after_in
        .split(' ')
        .filter(|word| word.chars().next().is_some_and(char::is_uppercase))
        .count();
    (capitals >= 2).then(|| after_in.to_owned())
}

/// The last words of an organisation's name: "the Polisario Front", "the Sahrawi
/// National Council".
const ORGANISATION_HEADS: &[&str] = &[
    "Front",
    "Movement",
    "Army",
    "Forces",
    "Party",
    "Council",
    "Alliance",
    "Brigades",
    "Committee",
    "Coalition",
    "Union",
    "Clan",
    "Cartel",
];

/// Heads that end an organisation's name of three words or more wherever it stands
/// ("Palestinian People's Party"); the other heads also end a body's or a force's
/// description ("the Kenyan Defence Forces Council").
const LONG_NAME_HEADS: &[&str] = &["Front", "Movement", "Party"];

/// Whether `word` ends the name of an outlet or an organisation, never a person's:
/// "Agency", "Council", "Front".
pub(super) fn ends_a_body_s_name(word: &str) -> bool {
    OUTLET_WORDS.contains(&word) || ORGANISATION_HEADS.contains(&word)
}

/// Adds to `registry` the organisations an article names at least twice by a capitalised
/// name after "the" that ends in an organisation's word ("the Polisario Front"), unless
/// the lexicon knows the name. A first word the lexicon does not know is an alias too
/// ("a top Polisario envoy").
pub fn discover_named_organisations(text: &str, lexicon: &Lexicon, registry: &mut Registry) {
    let mut names: std::collections::BTreeSet<String> = std::collections::BTreeSet::new();
    let articles = text.match_indices("the ").chain(text.match_indices("The "));
    for (at, marker) in articles {
        let after = text.get(at + marker.len()..).unwrap_or("");
        let mut words: Vec<&str> = Vec::new();
        for word in after.split(' ').take(5) {
            let bare = word.trim_end_matches(|c: char| !c.is_alphanumeric());
            if !bare.chars().next().is_some_and(char::is_uppercase) {
                break;
            }
            words.push(bare);
            if bare.len() != word.len() {
                break;
            }
        }
        let Some(head) = words
            .iter()
            .rposition(|word| ORGANISATION_HEADS.contains(word))
        else {
            continue;
        };
        let name = words
            .get(..=head)
            .map(|name| name.join(" "))
            .unwrap_or_default();
        if head >= 1 {
            names.insert(name);
        }
    }
    // Each name counted once, however often "the" comes before it.
    for name in names {
        let named_twice = text.matches(name.as_str()).count() >= 2;
        let known = lexicon.find(&name).is_some()
            || name.split(' ').all(|word| lexicon.find(word).is_some());
        if !named_twice || known {
            continue;
        }
        let first = name.split(' ').next().unwrap_or("");
        let alias = (name.split(' ').count() == 2
            && lexicon.find(first).is_none()
            && !ORGANISATION_HEADS.contains(&first))
        .then(|| first.to_owned());
        add_organisation(registry, name, alias.into_iter().collect());
    }
}

/// Capitalised abbreviations that are no party: agencies quoted, times, units,
/// honorifics.
const NOT_PARTIES: &[&str] = &[
    "AP", "AFP", "TV", "CNN", "BBC", "UTC", "GMT", "AM", "PM", "MNA", "TNA", "PDF", "CEO", "GDP",
    "NGO", "NGOS", "ID", "OK", "II", "III", "IV", "VI", "COVID", "AI", "SMS", "PR", "DC",
    // Honorifics: "HE Mr Celso Amorim" (His Excellency).
    "HE", "HRH", "HM",
    // State news agencies and broadcasters, quoted: "the official news agency IRNA".
    "IRNA", "ISNA", "IRIB", "SPA", "QNA", "WAM", "KCNA", "SANA", "CCTV", "PBS", "NHK", "KBS",
    "MENA", "WAFA", "SUNA", "ENA",
];

/// Adds to `registry` the abbreviations an article uses at least twice that the lexicon
/// does not know ("M23", "GRU"): organisations the text takes for granted.
pub fn discover_abbreviations(text: &str, lexicon: &Lexicon, registry: &mut Registry) {
    let mut counts: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
    for word in text.split(|c: char| !c.is_alphanumeric()) {
        let letters = word.chars().filter(char::is_ascii_alphabetic).count();
        let shaped = (2..=6).contains(&word.chars().count())
            && letters >= 1
            && word
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
            && word.chars().next().is_some_and(|c| c.is_ascii_uppercase());
        if shaped && !NOT_PARTIES.contains(&word) {
            *counts.entry(word).or_insert(0) += 1;
        }
    }
    // The article's own outlet ("confirmed to JNS") is no party, nor a forum, an outlet
    // or an office the text defines by its acronym ("the Geneva International Discussions
    // (GID)", "Kuwait News Agency (KUNA)").
    let outlet = super::outlets::article_outlet(text);
    let forums: Vec<&str> = definitions(text)
        .into_iter()
        .filter(|(before, _)| name_before(before).is_some_and(|name| names_no_party(&name)))
        .map(|(_, acronym)| acronym)
        .collect();
    for (word, count) in counts {
        if count < 2
            || lexicon.find(word).is_some()
            || outlet.as_deref() == Some(word)
            || forums.contains(&word)
        {
            continue;
        }
        let key = fold(word);
        if registry.find(&key).is_some()
            || registry.entities.iter().any(|e| e.aliases.contains(word))
        {
            continue;
        }
        add_organisation(registry, word.to_owned(), BTreeSet::new());
    }
}

/// The capitalised name that ends just before an opening bracket: two to seven words,
/// lower-case connectors inside it, starting and ending with a capital.
fn name_before(text: &str) -> Option<String> {
    // A name never runs over a line break ("By Alperen Aktas\nISTANBUL (AA)").
    let line = text.rsplit('\n').next().unwrap_or(text);
    let words: Vec<&str> = line.trim_end().split(' ').collect();
    let mut taken: Vec<&str> = Vec::new();
    for (at, word) in words.iter().enumerate().rev() {
        if taken.len() >= 8 || word.is_empty() {
            break;
        }
        let capital = word.chars().next().is_some_and(char::is_uppercase);
        // "Forces for the Liberation of Rwanda": "the" after "for" is inside the name
        // (after "of" it starts one: "Delegations of the Sudanese Armed Forces").
        let for_the = *word == "the"
            && at
                .checked_sub(1)
                .and_then(|before| words.get(before))
                .is_some_and(|before| *before == "for");
        let connector = CONNECTORS.contains(word) || for_the;
        if !(capital || connector) || word.ends_with([',', '.', ';', ':']) {
            break;
        }
        taken.push(word);
    }
    while taken
        .last()
        .is_some_and(|word| CONNECTORS.contains(word) || *word == "the")
    {
        taken.pop();
    }
    taken.reverse();
    // A sentence's "The" is no part of the name.
    if taken.first().is_some_and(|word| *word == "The") {
        taken.remove(0);
    }
    let capitals = taken
        .iter()
        .filter(|word| word.chars().next().is_some_and(char::is_uppercase))
        .count();
    (capitals >= 2).then(|| taken.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each entity found: its label and aliases.
    fn labels_and_aliases(registry: &Registry) -> Vec<(&str, Vec<&String>)> {
        registry
            .entities
            .iter()
            .map(|e| (e.label.as_str(), e.aliases.iter().collect()))
            .collect()
    }

    #[test]
    fn names_that_go_on_past_of_for_and_in_are_organisations_named_once() {
        let mut registry = Registry::default();
        discover_connected_organisations(
            "The rebel groups included the Front for Change and Concord in Chad (FACT, by its \
             French acronym), Movement for Democracy and Justice in Chad and the Union of Forces \
             for Democracy and Development. The Israeli Army in Gaza fired. The National \
             Democratic Front of the Philippines met the Minister of Foreign Affairs. The \
             Geneva International Discussions for Peace in Georgia resumed. Chad's Transitional \
             Military Council ruled.",
            &Lexicon::default(),
            &mut registry,
        );
        let labels: Vec<&str> = registry.entities.iter().map(|e| e.label.as_str()).collect();
        assert_eq!(
            labels,
            [
                "Front for Change and Concord in Chad",
                "Movement for Democracy and Justice in Chad",
                "Union of Forces for Democracy and Development",
                "National Democratic Front of the Philippines",
            ],
            "an army somewhere, a title, a forum and a name without a connector are none"
        );
    }

    #[test]
    fn spanish_names_joined_by_de_or_del_are_organisations_named_once() {
        let mut registry = Registry::default();
        discover_connected_organisations(
            "The Colombian government has launched peace talks with Clan del Golfo, the \
             country's largest criminal organization. The Clan said so.",
            &Lexicon::default(),
            &mut registry,
        );
        let labels: Vec<&str> = registry.entities.iter().map(|e| e.label.as_str()).collect();
        assert_eq!(labels, ["Clan del Golfo"]);
    }

    #[test]
    fn abbreviations_used_twice_are_parties() {
        let mut registry = Registry::default();
        discover_organisations(
            "The Rapid Support Forces (RSF) attacked. The RSF said so.",
            &Lexicon::default(),
            &mut registry,
        );
        discover_abbreviations(
            "( May 2, 2024 / JNS)\nCongo and M23 signed. M23 agreed (AP). The AP said AP things. The RSF left. RSF. GRU once. JNS was told. \
             The Geneva International Discussions (GID) met; the GID will meet again. \
             (MENAFN- Kuwait News Agency (KUNA)) KUNA said. The Pakistani DGMO called the Indian \
             DGMO, the Directors General of Military Operations (DGMO) agreed.",
            &Lexicon::default(),
            &mut registry,
        );
        let labels: Vec<&str> = registry.entities.iter().map(|e| e.label.as_str()).collect();
        assert_eq!(
            labels,
            ["Rapid Support Forces", "M23"],
            "RSF is known by its name; AP is an agency; JNS is the article's outlet; GID a forum; \
             KUNA an agency; DGMO an office"
        );
    }

    #[test]
    fn organisations_defined_by_their_acronym_are_found() {
        let mut registry = Registry::default();
        discover_organisations(
            "Delegations of the Sudanese Armed Forces (SAF) and the Rapid Support Forces (RSF) met. \
             Ethiopia and the Tigray People's Liberation Front (TPLF) agreed. The talks (UN) ended. \
             He said (AP) nothing, the Athens-Macedonian News Agency (AMNA) said. The Geneva \
             International Discussions (GID) met. Rwanda fought \
             another armed group, the Democratic Forces for the Liberation of Rwanda (FDLR). \
             The Directors General of Military Operations (DGMO) talked, and National Security \
             Advisor (NSA) Ajit Doval spoke. Pakistan's Directors General of Military Operations \
             (DGMO) called.\nBy Alperen Aktas\nISTANBUL (AA) - Talks ended.",
            &Lexicon::default(),
            &mut registry,
        );
        let found = labels_and_aliases(&registry);
        assert_eq!(
            found,
            [
                ("Sudanese Armed Forces", vec![&"SAF".to_owned()]),
                ("Rapid Support Forces", vec![&"RSF".to_owned()]),
                ("Tigray People's Liberation Front", vec![&"TPLF".to_owned()]),
                (
                    "Democratic Forces for the Liberation of Rwanda",
                    vec![&"FDLR".to_owned()]
                ),
            ]
        );
    }

    #[test]
    fn a_name_may_hold_in_where_its_acronym_starts_with_its_initial() {
        let mut registry = Registry::default();
        discover_organisations(
            "The talks were led by the Acting Head of the United Nations Support Mission in Libya \
             (UNSMIL). President Erdogan in Ankara (AA) spoke. Officials in Tripoli (AFP) left. \
             The Revolutionary Armed Forces of Colombia (FARC) signed.",
            &Lexicon::default(),
            &mut registry,
        );
        let found = labels_and_aliases(&registry);
        assert_eq!(
            found,
            [
                (
                    "United Nations Support Mission in Libya",
                    vec![&"UNSMIL".to_owned()]
                ),
                (
                    "Revolutionary Armed Forces of Colombia",
                    vec![&"FARC".to_owned()]
                )
            ],
            "a place after \"in\" is no organisation, nor is an agency"
        );
    }

    #[test]
    fn acronyms_in_square_brackets_or_after_or_define_an_organisation() {
        let mut registry = Registry::default();
        for text in [
            "Colombia and the National Liberation Army [ELN] guerrilla group agreed.",
            "The government and the Popular Liberation Front, or PLF, announced the accord. \
             Talks with the Union of Workers, or most of them, failed.",
            "Sheikh Mohamed bin Zayed Al Nahyan (MBZ) welcomed both leaders.",
        ] {
            discover_organisations(text, &Lexicon::default(), &mut registry);
        }
        let found = labels_and_aliases(&registry);
        assert_eq!(
            found,
            [
                ("National Liberation Army", vec![&"ELN".to_owned()]),
                ("Popular Liberation Front", vec![&"PLF".to_owned()]),
            ],
            "\"or most of them\" defines nothing, nor does the rest of a person's name"
        );
    }

    #[test]
    fn organisations_named_twice_by_an_organisation_s_word_are_found() {
        let mut registry = Registry::default();
        discover_named_organisations(
            "Morocco and the Polisario Front met. A top Polisario envoy said the Polisario Front was ready. \
             The Security Council spoke once. The Front said so. The Front agreed.",
            &Lexicon::default(),
            &mut registry,
        );
        let found = labels_and_aliases(&registry);
        assert_eq!(
            found,
            [("Polisario Front", vec![&"Polisario".to_owned()])],
            "named once, or by its head alone: no organisation"
        );
    }
}
