//! Entity mentions: lexicon names, aliases and descriptions found with one multi-pattern
//! search ([`super::matcher`]), people the lexicon lacks found after titles ("Hamas official
//! Osama Hamdan", in [`super::people`]), and groups named after a party ("the Hamas delegation"). Mentions of
//! one entity are merged by its names: a person found by full name is found again by
//! surname.

use std::collections::{BTreeSet, HashMap};

use super::lexicon::{EntryKind, Lexicon};
use super::matcher::{Matcher, Target};
use super::relations::GROUP_MEMBERSHIP_CONFIDENCE;
use crate::model::search::fold;
use crate::model::{ArticleText, NodeKind, Subtype};

/// Confidence of a mention by an entry's name or alias.
pub const NAME_CONFIDENCE: f32 = 0.9;
/// Confidence of a mention by one of an entry's descriptions.
pub const DESCRIPTION_CONFIDENCE: f32 = 0.7;
/// Confidence of a person found after a title, and of their later mentions.
pub const TITLED_CONFIDENCE: f32 = 0.75;
/// Confidence of a group named after a party.
pub const GROUP_CONFIDENCE: f32 = 0.8;

/// The key word of a ruling military's group: "the Myanmar junta", "Chad's ruling
/// military council", "Chad's military government" are one group of their state, which
/// "the junta" and "the regime" point back to.
pub(super) const JUNTA: &str = "junta";

/// Words after a party's name that make a group of it, with the group's subtype. A
/// junta's label keeps the text's own words ("Chad's ruling military council").
const GROUP_WORDS: [(&str, &str, Subtype); 28] = [
    (" ruling military council", JUNTA, Subtype::Government),
    (" transitional military council", JUNTA, Subtype::Government),
    (" military council", JUNTA, Subtype::Government),
    (" military government", JUNTA, Subtype::Government),
    (" military junta", JUNTA, Subtype::Government),
    (" junta", JUNTA, Subtype::Government),
    (" delegation", "delegation", Subtype::Delegation),
    (
        " government delegation",
        "government delegation",
        Subtype::Delegation,
    ),
    (" negotiating team", "negotiating team", Subtype::Delegation),
    (" contingent", "contingent", Subtype::Delegation),
    (" team", "team", Subtype::Delegation),
    (" negotiators", "negotiating team", Subtype::Delegation),
    // "the Syrian interim government", "the Syrian Transitional Administration", "the
    // Syrian administration": the state's government, named in the text's own words.
    (" interim government", "government", Subtype::Government),
    (
        " transitional government",
        "government",
        Subtype::Government,
    ),
    (" interim administration", "government", Subtype::Government),
    (
        " transitional administration",
        "government",
        Subtype::Government,
    ),
    (" administration", "government", Subtype::Government),
    // "Ethiopia's federal government", "the Ethiopian regime has accepted our terms".
    (" federal government", "government", Subtype::Government),
    (" regime", "government", Subtype::Government),
    (" government", "government", Subtype::Government),
    // "the Kyrgyz presidency said in a statement".
    (" presidency", "presidency", Subtype::Government),
    (" foreign ministry", "foreign ministry", Subtype::Government),
    (
        " ministry of foreign affairs",
        "foreign ministry",
        Subtype::Government,
    ),
    (" defence ministry", "defence ministry", Subtype::Government),
    (" defense ministry", "defence ministry", Subtype::Government),
    (" armed forces", "army", Subtype::Military),
    (" army", "army", Subtype::Military),
    (" military", "army", Subtype::Military),
];

/// Nouns for an armed or political group that a state's demonym before them only
/// locates: "the Yemeni group", "Syrian rebels", "the Palestinian militant group".
const GROUP_OF_PEOPLE_NOUNS: [&str; 12] = [
    "group",
    "groups",
    "rebels",
    "rebel group",
    "militants",
    "militant group",
    "militia",
    "militias",
    "insurgents",
    "fighters",
    "armed group",
    "movement",
];

/// Whether a group named by `words` is labelled in the text's own words: a junta ("Chad's
/// ruling military council") and a government called otherwise ("Syrian interim
/// government", "Syrian Transitional Administration"), which stay one group with the
/// state's "government" all the same.
fn keeps_own_words(words: &str, name: &str) -> bool {
    name == JUNTA || (name == "government" && words != " government")
}

/// Whether `text` starts with `words` as whole words: the next char, if any, is no
/// letter or digit ("group" in "group said", not in "grouped").
fn starts_with_words(text: &str, words: &str) -> bool {
    text.strip_prefix(words)
        .is_some_and(|rest| !rest.chars().next().is_some_and(char::is_alphanumeric))
}

/// Whether the words after a state's mention at `end` make it a group of its people:
/// " group", " militant group" and the like, each a whole word.
fn names_a_group_of_its_people(text: &ArticleText, end: usize) -> bool {
    let after = text.after(end, 20);
    let Some(after) = after.strip_prefix(' ') else {
        return false;
    };
    GROUP_OF_PEOPLE_NOUNS
        .iter()
        .any(|noun| starts_with_words(after, noun))
}

/// Lower-case words that may start a part of a name ("Khalil al-Hayya").
pub(super) const NAME_PARTICLES: [&str; 9] =
    ["al-", "el-", "al", "el", "bin", "bint", "ibn", "abu", "abd"];

/// How an entity came to be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// A lexicon entry.
    Lexicon(usize),
    /// A person found after a title.
    Titled,
    /// A group named after a party (the party's entity).
    Group(usize),
    /// A proposal, deal or ceasefire named by its noun phrase.
    Thing,
    /// An organisation the text defines with its acronym ("the Rapid Support Forces
    /// (RSF)").
    Defined,
}

/// Something the articles mention: a future node.
#[derive(Debug, Clone, PartialEq)]
pub struct Entity {
    /// Folded name, unique: what mentions merge on.
    pub key: String,
    /// The name shown.
    pub label: String,
    /// Its kind.
    pub kind: NodeKind,
    /// Its subtype.
    pub subtype: Option<Subtype>,
    /// The other names it was found by.
    pub aliases: BTreeSet<String>,
    /// How it was found.
    pub origin: Origin,
    /// The party it belongs to (a titled person's organisation, a group's party), with
    /// the article and sentence that say so (the first of each article that says so)
    /// and how sure the rule is.
    pub affiliations: Vec<(usize, usize, (usize, usize), f32)>,
}

impl Entity {
    /// Records that `party` is this entity's party, as sentence `span` of `article`
    /// says with `confidence`, unless that article said so already (or names another
    /// party first).
    pub fn affiliate(
        &mut self,
        party: usize,
        article: usize,
        span: (usize, usize),
        confidence: f32,
    ) {
        if !self
            .affiliations
            .iter()
            .any(|&(_, said_in, _, _)| said_in == article)
        {
            self.affiliations.push((party, article, span, confidence));
        }
    }
}

/// All entities found so far, by key.
#[derive(Debug, Clone, Default)]
pub struct Registry {
    /// The entities, in the order found.
    pub entities: Vec<Entity>,
    by_key: HashMap<String, usize>,
}

impl Registry {
    /// The entity with `key`, adding it as `make` builds it when new.
    pub fn get_or_add(&mut self, key: &str, make: impl FnOnce() -> Entity) -> usize {
        if let Some(&index) = self.by_key.get(key) {
            return index;
        }
        let index = self.entities.len();
        self.entities.push(make());
        self.by_key.insert(key.to_owned(), index);
        index
    }

    /// The person named `name` (a titled or otherwise found person, of `kind`), adding
    /// them with `aliases` when new; `name` is recorded as one of their spellings.
    /// A person known so far by their surname alone ("President Trump") takes the full
    /// name when it comes ("Donald Trump").
    pub fn person(&mut self, name: &str, kind: NodeKind, aliases: BTreeSet<String>) -> usize {
        let key = fold(name);
        if !self.by_key.contains_key(&key)
            && let Some((_, surname)) = name.rsplit_once(' ')
            && let Some(&known) = self.by_key.get(&fold(surname))
            && let Some(entity) = self.entities.get_mut(known)
            && entity.subtype == Some(Subtype::Person)
            && entity.origin == Origin::Titled
            && !entity.label.contains(' ')
        {
            entity.label = name.to_owned();
            entity.key.clone_from(&key);
            entity.aliases.extend(aliases);
            entity.aliases.insert(surname.to_owned());
            self.by_key.insert(key, known);
            return known;
        }
        let person = self.get_or_add(&key, || Entity {
            key: key.clone(),
            label: name.to_owned(),
            kind,
            subtype: Some(Subtype::Person),
            aliases,
            origin: Origin::Titled,
            affiliations: Vec::new(),
        });
        self.also_named(person, name);
        person
    }

    /// Records that `entity` is also written `name` (and, for a person, by its last
    /// word): "Recep Tayyip Erdogan" in one article, "Erdoğan" in another are one person,
    /// found by either spelling.
    pub fn also_named(&mut self, entity: usize, name: &str) {
        let Some(entity) = self.entities.get_mut(entity) else {
            return;
        };
        if entity.label == name || entity.aliases.contains(name) {
            return;
        }
        entity.aliases.insert(name.to_owned());
        if entity.subtype == Some(Subtype::Person)
            && let Some(surname) = name.split(' ').next_back()
        {
            entity.aliases.insert(surname.to_owned());
        }
    }

    /// Whether entity number `entity` is a state's ruling military ("the Myanmar
    /// junta", "Chad's ruling military council").
    pub fn is_junta(&self, entity: usize) -> bool {
        self.entities.get(entity).is_some_and(|item| {
            item.key
                .strip_suffix(JUNTA)
                .is_some_and(|party| party.ends_with(' '))
        })
    }

    /// The subtype of entity number `entity`, if it has one.
    pub fn subtype(&self, entity: usize) -> Option<Subtype> {
        self.entities.get(entity).and_then(|e| e.subtype)
    }

    /// The entity with `key`.
    pub fn find(&self, key: &str) -> Option<usize> {
        self.by_key.get(key).copied()
    }
}

/// A span of an article that names an entity.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Mention {
    /// First char.
    pub start: usize,
    /// Just past the last char.
    pub end: usize,
    /// The entity (in the registry).
    pub entity: usize,
    /// How sure the match is.
    pub confidence: f32,
}

/// A span of an article that names a place (a lexicon entry of kind place).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlaceMention {
    /// First char.
    pub start: usize,
    /// Just past the last char.
    pub end: usize,
    /// The lexicon entry.
    pub entry: usize,
}

/// The entity of a lexicon entry, added to the registry when first mentioned.
pub fn entry_entity(registry: &mut Registry, lexicon: &Lexicon, entry: usize) -> Option<usize> {
    let item = lexicon.entries.get(entry)?;
    let kind = match item.kind {
        EntryKind::Actor => NodeKind::Actor,
        EntryKind::Mediator => NodeKind::Mediator,
        EntryKind::Demand => NodeKind::Demand,
        EntryKind::Place | EntryKind::Title => return None,
    };
    let key = fold(&item.name);
    Some(registry.get_or_add(&key, || Entity {
        key: key.clone(),
        label: item.name.clone(),
        kind,
        subtype: item.subtype,
        aliases: item.aliases.iter().cloned().collect(),
        origin: Origin::Lexicon(entry),
        affiliations: Vec::new(),
    }))
}

/// The sentence (by index into `sentences`) that holds char `offset`.
pub fn sentence_of(sentences: &[(usize, usize)], offset: usize) -> Option<usize> {
    let index = sentences.partition_point(|&(start, _)| start <= offset);
    let candidate = index.checked_sub(1)?;
    let (start, end) = *sentences.get(candidate)?;
    (start <= offset && offset < end.max(start + 1)).then_some(candidate)
}

/// Whether the name at `start..end` follows a place and a comma and ends its clause: "in
/// Geneva, Switzerland, on Monday", "arrived in Nairobi, Kenya." (not "In Doha, Qatar
/// said").
/// "Israeli and Lebanese delegations": each of two parties named before a plural
/// "delegations" has a delegation of its own. `follows` is the lower-cased text after the
/// party's mention, which starts at char `start`.
fn shared_delegations(
    text: &ArticleText,
    start: usize,
    follows: &str,
) -> Option<(&'static str, &'static str, Subtype)> {
    let delegation = GROUP_WORDS
        .iter()
        .find(|(words, _, _)| *words == " delegation")
        .copied()?;
    // The first: " and lebanese delegations".
    let first = follows.strip_prefix(" and ").is_some_and(|rest| {
        let mut words = rest.split_whitespace();
        words
            .next()
            .is_some_and(|word| word.chars().all(char::is_alphabetic))
            && words.next() == Some("delegations")
    }) && text
        .after(start, 80)
        .split_whitespace()
        .nth(2)
        .is_some_and(|second| second.chars().next().is_some_and(char::is_uppercase));
    // The second: "Israeli and " before, " delegations" after.
    let second = starts_with_words(follows, " delegations")
        && text
            .before(start, 40)
            .strip_suffix(" and ")
            .and_then(|head| head.split_whitespace().next_back())
            .is_some_and(|word| word.chars().next().is_some_and(char::is_uppercase));
    (first || second).then_some(delegation)
}

/// Whether the words between chars `start` and `end` stand in brackets right before a
/// capitalised name: "(Abbas) Araghchi", "[Abbas] Araghchi".
fn inserted_given_name(text: &ArticleText, start: usize, end: usize) -> bool {
    let close = match text.before(start, 1) {
        "(" => ')',
        "[" => ']',
        _ => return false,
    };
    let mut after = text.after(end, 3).chars();
    after.next() == Some(close)
        && after.next() == Some(' ')
        && after.next().is_some_and(char::is_uppercase)
}

fn country_of_place(text: &ArticleText, places: &[PlaceMention], start: usize, end: usize) -> bool {
    let after_place = places
        .last()
        .is_some_and(|place| place.end + 2 == start && text.slice(place.end, start) == Some(", "));
    let ends_clause = text
        .after(end, 1)
        .chars()
        .next()
        .is_none_or(|c| matches!(c, ',' | '.' | ';' | ')' | '\n'));
    after_place && ends_clause
}

/// Whether the words after `end` make the name an agency's: "Kuwait News Agency",
/// "Saudi Press Agency", "Anadolu Agency".
fn names_an_agency(text: &ArticleText, end: usize) -> bool {
    let after = text.after(end, 14);
    [" News Agency", " Press Agency", " Agency", " News Service"]
        .iter()
        .any(|name| after.starts_with(name))
}

/// Second pass over an article: every mention of an entity, and every mention of a
/// place. Groups ("the Egyptian delegation") become entities of their own.
pub fn find_mentions(
    article: usize,
    text: &ArticleText,
    sentences: &[(usize, usize)],
    matcher: &Matcher,
    lexicon: &Lexicon,
    registry: &mut Registry,
) -> (Vec<Mention>, Vec<PlaceMention>) {
    let mut mentions = Vec::new();
    let mut places: Vec<PlaceMention> = Vec::new();
    let outlet_lines = super::outlets::outlet_lines(text);
    for (start, end, target) in matcher.matches(text) {
        // "Daily News Egypt" printed as the outlet: no mention of Egypt.
        if outlet_lines
            .iter()
            .any(|&(from, to)| from <= start && end <= to)
        {
            continue;
        }
        let (entity, confidence) = match target {
            Target::Title => continue,
            Target::Place(entry) => {
                places.push(PlaceMention { start, end, entry });
                continue;
            }
            // "the Special Representative for the UN Secretary-General": an office named
            // inside another's title is no one taking part.
            Target::Entry(_, confidence)
                if confidence <= DESCRIPTION_CONFIDENCE && {
                    let before = text.before(start, 9).to_lowercase();
                    [" of the ", " for the ", " to the "]
                        .iter()
                        .any(|ending| before.ends_with(ending))
                } =>
            {
                continue;
            }
            // "in the UAE capital, Abu Dhabi": the state names the city, no party.
            Target::Entry(entry, _)
                if starts_with_words(text.after(end, 9), " capital")
                    && lexicon
                        .entries
                        .get(entry)
                        .is_some_and(|item| item.subtype == Some(Subtype::State)) =>
            {
                continue;
            }
            // "Foreign Minister (Abbas) Araghchi": a given name an editor put in, not
            // the person the lexicon calls "Abbas".
            Target::Entry(..) if inserted_given_name(text, start, end) => continue,
            // "in Geneva, Switzerland, on Monday": the place's country, no party.
            Target::Entry(..) if country_of_place(text, &places, start, end) => continue,
            // "Kuwait News Agency", "Saudi Press Agency": an outlet's name, no party.
            Target::Entry(..) if names_an_agency(text, end) => continue,
            Target::Person(entity) => (Some(entity), TITLED_CONFIDENCE),
            // "a former German president", "the former Spanish colony": a state of the
            // past is no party of the article.
            Target::Entry(..) if text.before(start, 7).to_lowercase().ends_with("former ") => {
                continue;
            }
            // "the Chadian sides", "all Chadian parties": the state's factions, not the
            // state.
            Target::Entry(..)
                if [" sides", " parties", " factions"]
                    .iter()
                    .any(|words| starts_with_words(text.after(end, 10), words)) =>
            {
                continue;
            }
            // "the Yemeni group", "Syrian rebels": a group of the state's people, not the
            // state (the group's own name, "the Houthi group", is the group).
            Target::Entry(entry, _)
                if lexicon
                    .entries
                    .get(entry)
                    .is_some_and(|item| item.subtype == Some(Subtype::State))
                    && names_a_group_of_its_people(text, end) =>
            {
                continue;
            }
            Target::Entry(entry, confidence) => {
                (entry_entity(registry, lexicon, entry), confidence)
            }
        };
        let Some(entity) = entity else { continue };
        // "the Israeli delegation", "Ukraine's delegation".
        let after = text.after(end, 40).to_lowercase();
        let (follows, possessive) = match after
            .strip_prefix("'s")
            .or_else(|| after.strip_prefix("’s"))
        {
            Some(rest) => (rest.to_owned(), 2),
            None => (after, 0),
        };
        let named_group = GROUP_WORDS
            .iter()
            .find(|(words, _, _)| starts_with_words(&follows, words))
            .copied();
        let shared = named_group
            .is_none()
            .then(|| shared_delegations(text, start, &follows))
            .flatten();
        let group = named_group.or(shared);
        let base = registry.entities.get(entity).cloned();
        match (group, base) {
            // "the GRU military intelligence agency": an agency has no army of its own.
            (Some((words, name, subtype)), Some(base))
                if base.kind != NodeKind::Demand
                    && base.subtype != Some(Subtype::Person)
                    && !(base.subtype == Some(Subtype::Agency) && subtype == Subtype::Military) =>
            {
                // The group as the text names it: "Israeli delegation", "Ukraine's delegation".
                let surface = text
                    .slice(start, end + possessive)
                    .unwrap_or(&base.label)
                    .to_owned();
                let key = format!("{} {name}", base.key);
                // "Israeli and Lebanese delegations": the first party's mention stays its
                // own word; the second takes the plural noun.
                let group_end = match shared {
                    Some(_) if starts_with_words(&follows, " delegations") => {
                        end + " delegations".chars().count()
                    }
                    Some(_) => end,
                    None => end + possessive + words.chars().count(),
                };
                let label = match text.slice(start, group_end) {
                    Some(own) if keeps_own_words(words, name) => own.to_owned(),
                    _ => format!("{surface} {name}"),
                };
                let sentence =
                    sentence_of(sentences, start).and_then(|at| sentences.get(at).copied());
                let group = registry.get_or_add(&key, || Entity {
                    key: key.clone(),
                    label: label.clone(),
                    kind: base.kind,
                    subtype: Some(subtype),
                    aliases: BTreeSet::new(),
                    origin: Origin::Group(entity),
                    // Said once: a group's party is in its name. Not an army's: whose
                    // army it is can be the very question ("Sudan's army").
                    affiliations: sentence
                        .filter(|_| subtype != Subtype::Military)
                        .map(|span| vec![(entity, article, span, GROUP_MEMBERSHIP_CONFIDENCE)])
                        .unwrap_or_default(),
                });
                if let Some(group_entity) = registry.entities.get_mut(group) {
                    if group_entity.label != label {
                        group_entity.aliases.insert(label);
                    }
                    // Said once per article: each article that names the group names its
                    // party with it.
                    let said_here = group_entity
                        .affiliations
                        .iter()
                        .any(|&(_, said_in, _, _)| said_in == article);
                    if let Some(span) =
                        sentence.filter(|_| subtype != Subtype::Military && !said_here)
                    {
                        group_entity.affiliations.push((
                            entity,
                            article,
                            span,
                            GROUP_MEMBERSHIP_CONFIDENCE,
                        ));
                    }
                }
                mentions.push(Mention {
                    start,
                    end: group_end,
                    entity: group,
                    confidence: GROUP_CONFIDENCE,
                });
            }
            _ => mentions.push(Mention {
                start,
                end,
                entity,
                confidence,
            }),
        }
    }
    (mentions, places)
}

#[cfg(test)]
mod tests;
