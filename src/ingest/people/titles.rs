//! A title's context: the titles joined before it, the party it names (before it, after
//! "of", or a possessive owner), and how sure the membership it gives is.

use crate::ingest::lexicon::Lexicon;
use crate::ingest::matcher::Target;
use crate::ingest::mentions::{Registry, entry_entity};
use crate::ingest::relations::{HEAD_MEMBERSHIP_CONFIDENCE, TITLE_MEMBERSHIP_CONFIDENCE};
use crate::model::{ArticleText, NodeKind, Subtype};

/// Lower-case words between a party and its title: "Thailand's acting Prime Minister".
pub(super) const TITLE_MODIFIERS: [&str; 24] = [
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
    // "EU foreign policy chief Josep Borrell".
    "policy",
    "chief",
    "peacekeeping",
    "humanitarian",
    "nuclear",
    // "White House hostage envoy Adam Boehler", "US trade envoy".
    "hostage",
    "hostages",
    "trade",
    "economic",
    "defence",
    "defense",
];

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

/// "Thai Deputy Prime Minister and Acting Prime Minister Phumtham": a second title
/// joined by "and" takes the party of the first. Where the titles start, and the match
/// before them.
pub(super) fn first_joined_title(
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
pub(super) struct TitleContext<'a> {
    pub(super) text: &'a ArticleText,
    pub(super) matches: &'a [(usize, usize, Target)],
    pub(super) lexicon: &'a Lexicon,
    /// Where the (first of the joined) titles starts.
    pub(super) title_start: usize,
    /// The match before the titles.
    pub(super) previous_index: Option<usize>,
    /// The party after the title ("Prime Minister of Kosovo"): a lexicon entry or an
    /// organisation the text defined.
    pub(super) party_of: Option<Target>,
}

impl TitleContext<'_> {
    /// How sure the membership a title gives is, the name starting at char `name_start`:
    /// a member's title ("Foreign Minister", "official") says plainly whose member the
    /// person is; a head's ("Prime Minister", "leader") is read by careful readers as
    /// leading the party or its government as often as being its member.
    pub(super) fn confidence(&self, name_start: usize) -> f32 {
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
    pub(super) fn party(&self, registry: &mut Registry) -> Option<usize> {
        let TitleContext {
            text,
            matches,
            lexicon,
            title_start,
            previous_index,
            party_of,
        } = *self;
        if let Some(target) = party_of {
            let party = match target {
                Target::Entry(entry, _) => entry_entity(registry, lexicon, entry),
                Target::Person(entity) => Some(entity),
                _ => None,
            };
            return party.filter(|&party| {
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
                // "International Criminal Court (ICC) prosecutor": past the bracket
                // that closes the party's acronym.
                let between = between.strip_prefix(')').unwrap_or(between);
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

/// Regions an envoy is posted to: "US special envoy to the Middle East Steve Witkoff".
const REGIONS: &[&str] = &[
    "Middle East",
    "Horn of Africa",
    "Great Lakes Region",
    "Great Lakes",
    "Sahel",
    "Gulf",
    "Western Balkans",
    "Balkans",
    "South Caucasus",
    "Caucasus",
    "Indo-Pacific",
];

/// Where the region after the envoy's or ambassador's title between chars `start` and
/// `end` ends: "special envoy to the Middle East".
pub(super) fn posted_to_region(text: &ArticleText, start: usize, end: usize) -> Option<usize> {
    let title = text.slice(start, end)?.to_lowercase();
    if !(title.ends_with("envoy") || title.ends_with("ambassador")) {
        return None;
    }
    let after = text.after(end, 40);
    if let Some(portfolio) = after.strip_prefix(" for ").and_then(portfolio_length) {
        return Some(end + " for ".len() + portfolio);
    }
    let rest = [" to the ", " for the "]
        .iter()
        .find_map(|lead| after.strip_prefix(lead))?;
    let lead = after.chars().count() - rest.chars().count();
    REGIONS
        .iter()
        .find(|region| {
            rest.strip_prefix(**region)
                .is_some_and(|next| next.starts_with(' '))
        })
        .map(|region| end + lead + region.chars().count())
}

/// Last words of an envoy's portfolio: "Special Envoy for Hostage Affairs".
const PORTFOLIO_ENDS: &[&str] = &[
    "Affairs",
    "Relations",
    "Issues",
    "Negotiations",
    "Reconciliation",
];

/// How many chars of `text` are an envoy's portfolio: one to three capitalised words, the
/// last from [`PORTFOLIO_ENDS`] ("Hostage Affairs Adam Boehler": "Hostage Affairs").
fn portfolio_length(text: &str) -> Option<usize> {
    let mut length = 0;
    for word in text.split(' ').take(3) {
        if !word.chars().next().is_some_and(char::is_uppercase) {
            return None;
        }
        length += word.chars().count();
        if PORTFOLIO_ENDS.contains(&word) {
            return Some(length);
        }
        length += 1;
    }
    None
}
