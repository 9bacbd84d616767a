//! Within an article, the words that point back at a party: "he", "she" or "him" for the one
//! person of the last two sentences, "the group" or "the movement" for the organisation
//! last named. Conservative: where two people could be meant, "he" stays unresolved
//! and gives no relation.

use super::cues::Word;
use super::mentions::{Mention, Registry};
use crate::model::Subtype;

/// Confidence of a party found through a pronoun or a short reference.
pub const REFERENCE_CONFIDENCE: f32 = 0.55;

/// Short references to an organisation, as word sequences.
const GROUP_REFERENCES: &[&[&str]] = &[
    &["the", "group"],
    &["the", "movement"],
    &["the", "militant", "group"],
    &["the", "palestinian", "group"],
    &["the", "islamist", "group"],
    &["the", "militants"],
    &["the", "rebels"],
    &["the", "rebel", "group"],
    &["the", "paramilitary", "group"],
    &["the", "paramilitaries"],
    &["the", "organisation"],
    &["the", "organization"],
];

/// Short references to the ruling military the article named ("the Myanmar junta"), as
/// word sequences, the longest first.
const JUNTA_REFERENCES: &[&[&str]] = &[
    &["the", "ruling", "military", "junta"],
    &["the", "ruling", "military", "council"],
    &["the", "military", "junta"],
    &["the", "military", "council"],
    &["the", "military", "government"],
    &["the", "junta"],
    &["the", "regime"],
];

/// The length in words of the phrase of `phrases` that `words` spell from `at`, if any.
fn phrase_at(words: &[Word], at: usize, phrases: &[&[&str]]) -> Option<usize> {
    phrases
        .iter()
        .find(|phrase| {
            phrase.iter().enumerate().all(|(offset, part)| {
                words
                    .get(at + offset)
                    .is_some_and(|word| word.text == *part)
            })
        })
        .map(|phrase| phrase.len())
}

/// Nouns a located reference to an organisation ends with: "the Yemeni group".
const LOCATED_GROUP_NOUNS: &[&str] = &["group", "movement", "militia", "rebels", "militants"];

/// "the Yemeni group", "the Lebanese movement": "the", a capitalised word that names no
/// party (a demonym before a group noun locates it), and a group noun, from `at`; the
/// phrase's length in words.
fn located_group_at(
    words: &[Word],
    at: usize,
    plain_capitalised: &dyn Fn(&Word) -> bool,
) -> Option<usize> {
    let [the, located, noun] = words.get(at..at + 3)? else {
        return None;
    };
    (the.text == "the"
        && plain_capitalised(located)
        && located.text.chars().all(char::is_alphabetic)
        && LOCATED_GROUP_NOUNS.contains(&noun.text.as_str()))
    .then_some(3)
}

/// Common words that open sentences with a capital: no part of a name.
const SENTENCE_OPENERS: &[&str] = &[
    "the",
    "in",
    "at",
    "on",
    "a",
    "an",
    "but",
    "and",
    "after",
    "as",
    "when",
    "while",
    "with",
    "for",
    "from",
    "by",
    "to",
    "of",
    "this",
    "that",
    "it",
    "he",
    "she",
    "they",
    "we",
    "i",
    "during",
    "under",
    "before",
    "since",
    "meanwhile",
    "however",
];

/// What the article has said so far that references may point back to.
#[derive(Debug, Clone, Default)]
pub struct ReferenceContext {
    /// People named in the last two sentences, the latest last.
    recent_people: Vec<Vec<usize>>,
    /// The organisation named last.
    last_organisation: Option<usize>,
    /// The ruling military named last ("the Myanmar junta").
    junta: Option<usize>,
    /// The governments the article has named ("the Philippine government"), for "the
    /// government" where there is one.
    governments: Vec<usize>,
}

impl ReferenceContext {
    /// The parties `words` point back to, as mentions at the pointing words. `mentions`
    /// are the sentence's own (a pronoun inside a name is no pronoun). `capitalised`
    /// says whether the word at a char offset starts with a capital in the text: a name
    /// no one knows, before "he" in the same sentence ("Josep Borrell is in Washington
    /// where he is meeting"), may be whom "he" means, so "he" is left alone.
    pub fn resolve(
        &self,
        words: &[Word],
        mentions: &[Mention],
        registry: &Registry,
        capitalised: &dyn Fn(usize) -> bool,
    ) -> Vec<Mention> {
        let is_person = |entity: usize| registry.subtype(entity) == Some(Subtype::Person);
        // The people "he" may mean at `at`: those of the last two sentences and those this
        // sentence names before it; "him" not the one just before it, who acts on him
        // ("Haniyeh accused him").
        let people_before = |at: usize, object: bool| {
            let named: Vec<usize> = mentions
                .iter()
                .filter(|mention| mention.end <= at && is_person(mention.entity))
                .map(|mention| mention.entity)
                .collect();
            let acting = named.last().copied().filter(|_| object);
            let mut all: Vec<usize> = self.recent_people.iter().flatten().copied().collect();
            all.extend(named);
            all.retain(|&person| Some(person) != acting);
            all.sort_unstable();
            all.dedup();
            all
        };
        let free = |start: usize, end: usize| {
            !mentions
                .iter()
                .any(|mention| mention.start < end && start < mention.end)
        };
        // Two capitalised words in a row that name no one known ("In Doha" is no name:
        // a sentence's first word is one only where it is no common word; "Prime
        // Minister" is a title).
        let unknown_name_before = |at: usize| {
            words.get(..at).is_some_and(|before| {
                before.windows(2).enumerate().any(|(position, pair)| {
                    let opener = position == 0
                        && pair
                            .first()
                            .is_some_and(|word| SENTENCE_OPENERS.contains(&word.text.as_str()));
                    !opener
                        && pair.iter().all(|word| {
                            capitalised(word.start)
                                && free(word.start, word.end)
                                && word.text.chars().all(char::is_alphabetic)
                                && !super::relations::TITLE_WORDS.contains(&word.text.as_str())
                        })
                })
            })
        };
        let mut found = Vec::new();
        let mut index = 0;
        while let Some(word) = words.get(index) {
            index += 1;
            if matches!(word.text.as_str(), "he" | "she" | "him")
                && free(word.start, word.end)
                && !unknown_name_before(index - 1)
                && let [person] = people_before(word.start, word.text == "him").as_slice()
            {
                found.push(Mention {
                    start: word.start,
                    end: word.end,
                    entity: *person,
                    confidence: REFERENCE_CONFIDENCE,
                });
                continue;
            }
            let government = match self.governments.as_slice() {
                [government] => Some(*government),
                _ => None,
            };
            let referred = self
                .junta
                .and_then(|junta| Some((junta, phrase_at(words, index - 1, JUNTA_REFERENCES)?)))
                .or_else(|| {
                    Some((
                        government?,
                        phrase_at(words, index - 1, &[&["the", "government"]])?,
                    ))
                })
                .or_else(|| {
                    let organisation = self.last_organisation?;
                    let length = phrase_at(words, index - 1, GROUP_REFERENCES).or_else(|| {
                        located_group_at(words, index - 1, &|word: &Word| {
                            capitalised(word.start) && free(word.start, word.end)
                        })
                    })?;
                    Some((organisation, length))
                });
            if let Some((organisation, length)) = referred
                && let (Some(first), Some(last)) =
                    (words.get(index - 1), words.get(index + length - 2))
                && free(first.start, last.end)
            {
                found.push(Mention {
                    start: first.start,
                    end: last.end,
                    entity: organisation,
                    confidence: REFERENCE_CONFIDENCE,
                });
                index += length - 1;
            }
        }
        found
    }

    /// Remembers what a sentence named (its own mentions and resolved references).
    pub fn update(&mut self, mentions: &[Mention], registry: &Registry) {
        let subtype = |entity: usize| registry.subtype(entity);
        let mut people: Vec<usize> = mentions
            .iter()
            .map(|mention| mention.entity)
            .filter(|&entity| subtype(entity) == Some(Subtype::Person))
            .collect();
        people.dedup();
        self.recent_people.push(people);
        if self.recent_people.len() > 2 {
            self.recent_people.remove(0);
        }
        for mention in mentions {
            // A ministry is part of a government, not what "the government" means.
            let government = registry.entities.get(mention.entity).is_some_and(|item| {
                item.subtype == Some(Subtype::Government)
                    && matches!(item.origin, super::mentions::Origin::Group(_))
                    && !item.key.ends_with("ministry")
            }) && !registry.is_junta(mention.entity);
            if government && !self.governments.contains(&mention.entity) {
                self.governments.push(mention.entity);
            }
        }
        if let Some(junta) = mentions
            .iter()
            .rev()
            .map(|mention| mention.entity)
            .find(|&entity| registry.is_junta(entity))
        {
            self.junta = Some(junta);
        }
        if let Some(organisation) =
            mentions
                .iter()
                .rev()
                .map(|mention| mention.entity)
                .find(|&entity| {
                    matches!(
                        subtype(entity),
                        Some(Subtype::Organisation | Subtype::Military)
                    )
                })
        {
            self.last_organisation = Some(organisation);
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use crate::ingest::cues::words;
    use crate::ingest::mentions::{Entity, Origin};
    use crate::model::NodeKind;

    fn registry() -> Registry {
        let mut registry = Registry::default();
        for (name, subtype) in [
            ("Haniyeh", Subtype::Person),
            ("Hamas", Subtype::Organisation),
            ("Netanyahu", Subtype::Person),
        ] {
            registry.get_or_add(name, || Entity {
                key: name.into(),
                label: name.into(),
                kind: NodeKind::Actor,
                subtype: Some(subtype),
                aliases: BTreeSet::new(),
                origin: Origin::Titled,
                affiliations: Vec::new(),
            });
        }
        registry
    }

    fn mention(sentence: &str, name: &str, entity: usize) -> Mention {
        let start = sentence.find(name).unwrap();
        Mention {
            start,
            end: start + name.len(),
            entity,
            confidence: 0.9,
        }
    }

    #[test]
    fn he_is_the_one_person_named_just_before_and_the_group_the_last_organisation() {
        let registry = registry();
        let mut context = ReferenceContext::default();
        let first = "Haniyeh spoke for Hamas.";
        context.update(
            &[mention(first, "Haniyeh", 0), mention(first, "Hamas", 1)],
            &registry,
        );
        let second = "He said the group would study the offer.";
        let found = context.resolve(&words(second, 0), &[], &registry, &capitals(second));
        let resolved: Vec<(usize, &str)> = found
            .iter()
            .map(|m| (m.entity, &second[m.start..m.end]))
            .collect();
        assert_eq!(resolved, [(0, "He"), (1, "the group")]);

        // Two people just named: "he" is left alone.
        let third = "Netanyahu met Haniyeh.";
        context.update(
            &[mention(third, "Netanyahu", 2), mention(third, "Haniyeh", 0)],
            &registry,
        );
        assert!(
            context
                .resolve(&words("He left.", 0), &[], &registry, &capitals("He left."))
                .is_empty()
        );
    }

    /// Whether the char at an offset of `sentence` is a capital.
    fn capitals(sentence: &str) -> impl Fn(usize) -> bool + '_ {
        |at| sentence.chars().nth(at).is_some_and(char::is_uppercase)
    }

    #[test]
    fn he_is_left_alone_after_a_name_no_one_knows() {
        let registry = registry();
        let mut context = ReferenceContext::default();
        let first = "Haniyeh spoke.";
        context.update(&[mention(first, "Haniyeh", 0)], &registry);
        let second = "Josep Borrell is in Washington where he is meeting Blinken.";
        assert!(
            context
                .resolve(&words(second, 0), &[], &registry, &capitals(second))
                .is_empty(),
            "Josep Borrell may be whom he means"
        );
        let third = "In Doha, Foreign Minister Ali said he met Qatar.";
        assert_eq!(
            context
                .resolve(&words(third, 0), &[], &registry, &capitals(third))
                .len(),
            1,
            "one capitalised word is a place, a title no name"
        );
        let fourth = "Netanyahu is in Washington where he is meeting Blinken.";
        assert!(
            context
                .resolve(
                    &words(fourth, 0),
                    &[mention(fourth, "Netanyahu", 2)],
                    &registry,
                    &capitals(fourth)
                )
                .is_empty(),
            "Netanyahu, named before \"he\" in the sentence, may be whom it means"
        );
        let mut context = ReferenceContext::default();
        let before = "Netanyahu spoke.";
        context.update(&[mention(before, "Netanyahu", 2)], &registry);
        let fifth = "Haniyeh accused him of aggression.";
        let found = context.resolve(
            &words(fifth, 0),
            &[mention(fifth, "Haniyeh", 0)],
            &registry,
            &capitals(fifth),
        );
        assert_eq!(
            found.iter().map(|m| m.entity).collect::<Vec<_>>(),
            [2],
            "\"him\" is not who acts on him: Netanyahu, named just before"
        );
    }

    #[test]
    fn a_group_located_by_a_demonym_is_the_last_organisation() {
        let registry = registry();
        let mut context = ReferenceContext::default();
        let first = "Hamas spoke.";
        context.update(&[mention(first, "Hamas", 1)], &registry);
        let second = "Later the Yemeni group accepted.";
        let found = context.resolve(&words(second, 0), &[], &registry, &capitals(second));
        let resolved: Vec<(usize, &str)> = found
            .iter()
            .map(|m| (m.entity, &second[m.start..m.end]))
            .collect();
        assert_eq!(resolved, [(1, "the Yemeni group")]);
        // Not a lower-case word, nor a government, nor a name the sentence knows.
        for sentence in [
            "Later the armed group accepted.",
            "Later the Yemeni government accepted.",
        ] {
            let found = context.resolve(&words(sentence, 0), &[], &registry, &capitals(sentence));
            assert!(found.is_empty(), "{sentence}");
        }
        let third = "Later the Hamas group accepted.";
        let known = [mention(third, "Hamas", 1)];
        assert!(
            context
                .resolve(&words(third, 0), &known, &registry, &capitals(third))
                .is_empty()
        );
    }
}
