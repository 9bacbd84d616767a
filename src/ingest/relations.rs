//! Relations from the structure of a sentence, precision first: a relation word with its
//! subject just before it (a party, or a list of parties: "Egypt and Qatar have
//! mediated"), its object just after it, of a kind the relation takes ("accepted a
//! ceasefire proposal", "mediated between Israel and Hamas"), or in the passive the
//! subject after "by". Where the structure is not there, no relation: a party merely
//! named in the same sentence is never taken for the subject.
//!
//! The modality comes from the words around the relation word, never from the sentence
//! as a whole: negation in its verb group ("did not take part", "refused to accept"), a
//! condition ("if", "unless"), a wish or a request ("wants B to press D", "called on Qatar
//! to pressure Hamas": B, Qatar and D act only hypothetically), the future ("will",
//! "is expected to") and a reported denial.

use super::cues;
use super::tokens::{Piece, Token};
use crate::model::{Modality, NodeKind, Relation};

/// Confidence of a relation read from a strict pattern: subject and object next to the
/// relation word.
pub const STRICT_CONFIDENCE: f32 = 0.8;
/// Confidence of a relation whose ends are a few words away, or come from a list.
pub const LOOSE_CONFIDENCE: f32 = 0.65;
/// Confidence of a relation whose subject was carried over (a pronoun, "but demanded").
pub const CARRIED_CONFIDENCE: f32 = 0.5;

/// What a relation points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum End {
    /// An entity of the registry.
    Entity(usize),
    /// The meeting the sentence names.
    Meeting,
}

/// A relation a sentence states.
#[derive(Debug, Clone, PartialEq)]
pub struct RelationFound {
    /// The entity that acts.
    pub subject: usize,
    /// The relation.
    pub relation: Relation,
    /// What it acts on.
    pub object: End,
    /// How firmly.
    pub modality: Modality,
    /// Who says so.
    pub attributed_to: Option<String>,
    /// How sure the rule is.
    pub confidence: f32,
}

/// What one sentence says: its relations, and the parties it presents as mediating.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SentenceReading {
    /// The relations.
    pub relations: Vec<RelationFound>,
    /// Parties the sentence presents as mediators, brokers, facilitators or hosts.
    pub mediators: Vec<usize>,
}

/// The kinds an end of `relation` may have: its signature. `Meeting` stands for the
/// sentence's meeting.
pub fn object_kinds(relation: Relation) -> &'static [NodeKind] {
    match relation {
        Relation::Demands
        | Relation::Rejects
        | Relation::Accepts
        | Relation::Proposes
        | Relation::Offers => &[NodeKind::Demand],
        Relation::Supports | Relation::Opposes => {
            &[NodeKind::Demand, NodeKind::Actor, NodeKind::Mediator]
        }
        Relation::Mediates => &[
            NodeKind::Meeting,
            NodeKind::Actor,
            NodeKind::Mediator,
            NodeKind::Demand,
        ],
        Relation::Hosts | Relation::Attends => &[NodeKind::Meeting],
        Relation::Pressures | Relation::Blames | Relation::Leads | Relation::MemberOf => {
            &[NodeKind::Actor, NodeKind::Mediator]
        }
        Relation::Link => &[],
    }
}

/// Whether `relation` may point at an entity of `kind` (or at the sentence's meeting).
pub fn fits(relation: Relation, kind: NodeKind) -> bool {
    object_kinds(relation).contains(&kind)
}

/// Words that name talks: an object that stands for the sentence's meeting.
const TALK_NOUNS: &[&str] = &[
    "talks",
    "negotiations",
    "meeting",
    "meetings",
    "round",
    "summit",
    "ceremony",
    "signing",
    "discussions",
    "consultations",
];
/// Nouns that make the parties before them mediators ("Egyptian mediators").
const MEDIATOR_NOUNS: &[&str] = &[
    "mediator",
    "mediators",
    "intermediary",
    "intermediaries",
    "facilitator",
    "facilitators",
    "guarantor",
    "guarantors",
    "brokers",
];
/// Nouns that may follow a party in a subject without changing who acts ("Egyptian and
/// Qatari officials said").
const PARTY_NOUNS: &[&str] = &[
    "officials",
    "official",
    "negotiators",
    "negotiator",
    "delegates",
    "leaders",
    "leader",
    "leadership",
    "authorities",
    "diplomats",
    "envoys",
    "envoy",
    "representatives",
    "counterparts",
    "team",
    "side",
    "sources",
    "source",
];
/// Words of a verb group, between a subject and its verb, that change nothing.
const VERB_GROUP: &[&str] = &[
    "has",
    "have",
    "had",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "did",
    "does",
    "do",
    "also",
    "already",
    "still",
    "now",
    "then",
    "later",
    "jointly",
    "formally",
    "officially",
    "again",
    "repeatedly",
    "finally",
    "previously",
    "initially",
    "reportedly",
    "so",
    "far",
    "to",
    "yet",
    "both",
    "all",
    "swiftly",
    "quickly",
    "publicly",
    "separately",
    "first",
    "on",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "yesterday",
    "today",
    "tonight",
    "earlier",
    "late",
    "last",
    "this",
    "week",
    "night",
    "month",
    "long",
    "since",
    "ever",
    "efforts",
    "effort",
    "leading",
    "trying",
    "working",
    "attempting",
    "helping",
    "help",
    "continue",
    "continued",
    "continues",
    "been",
    "once",
    "again",
    "apparently",
    "unsuccessfully",
    "successfully",
];
/// Words of a verb group that negate it.
const NEGATING: &[&str] = &[
    "not", "never", "no", "cannot", "refused", "refuses", "refuse", "declined", "declines",
    "failed", "fails", "longer",
];
/// Words of a verb group that make it hypothetical.
const CONDITIONAL: &[&str] = &["would", "could", "might", "may", "can", "should"];
/// Words of a verb group that make it expected.
const FUTURE: &[&str] = &[
    "will",
    "shall",
    "expected",
    "set",
    "due",
    "going",
    "plans",
    "planned",
    "plan",
    "scheduled",
    "poised",
    "ready",
    "hoped",
    "hopes",
    "intends",
    "aims",
];
/// Words that open a condition.
const CONDITIONS: &[&str] = &["if", "unless", "whether", "provided"];
/// Verbs of wishing and asking: "A wants B to VERB": B's VERB is hypothetical.
const WISHES: &[&str] = &[
    "wants",
    "want",
    "wanted",
    "urged",
    "urges",
    "urge",
    "urging",
    "asked",
    "asks",
    "ask",
    "called",
    "calls",
    "call",
    "calling",
    "pressed",
    "press",
    "presses",
    "pressing",
    "pushed",
    "pushing",
    "pushes",
    "invited",
    "invites",
    "encouraged",
    "encourages",
    "told",
    "tells",
    "pressure",
    "pressured",
    "pressuring",
    "wished",
    "hopes",
    "hoped",
    "demanded",
    "demanding",
    "demands",
];
/// Words that end an object phrase.
const OBJECT_STOPS: &[&str] = &[
    "without", "except", "but", "while", "although", "because", "after", "before", "if", "unless",
    "which", "who", "that", "and", "or", "as", "than", "until", "when", "since", "said", "says",
];
/// Words an object phrase may start with.
const OBJECT_LEAD: &[&str] = &[
    "the", "a", "an", "its", "their", "his", "her", "our", "both", "all", "any", "to", "on", "for",
    "with", "in", "of", "this", "that", "these", "those", "new", "latest", "revised", "updated",
    "final", "part", "up",
];
/// Speech verbs: their subject is who "it" or "they" means later in the sentence.
const SPEECH: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "announced",
    "stated",
    "added",
    "confirmed",
    "insisted",
    "warned",
    "signalled",
    "signaled",
    "indicated",
];

/// The relation a word (with the word after it) is a cue for.
fn cue_at(tokens: &[Token], index: usize) -> Option<Relation> {
    let word = tokens.get(index)?.word()?;
    let next = tokens.get(index + 1).and_then(Token::word).unwrap_or("");
    match (word, next) {
        ("took" | "take" | "takes" | "taking", "part") => Some(Relation::Attends),
        ("held" | "hold" | "holds" | "holding", "talks") => Some(Relation::Attends),
        ("called" | "calls" | "call" | "calling", "on") => Some(Relation::Pressures),
        ("called" | "calls" | "call" | "calling", "for") => Some(Relation::Demands),
        ("put" | "puts", "forward") => Some(Relation::Proposes),
        ("head", "of") | ("leader", _) => None,
        _ => cues::relation_cue(word),
    }
}

/// Who the parties are in a list ending at token `last` (inclusive), reading left:
/// "Egypt, Qatar and the United States", "Egypt, along with Qatar". Returns the parties in
/// text order and the index of the list's first token.
fn list_ending_at(tokens: &[Token], last: usize) -> Option<(Vec<usize>, usize)> {
    let mut parties = vec![tokens.get(last)?.party()?];
    let mut first = last;
    loop {
        let mut k = first;
        // Connectors: "and", ",", "or", "along with", "as well as", "together with".
        let mut connected = false;
        while k > 0 {
            let Some(token) = tokens.get(k - 1) else {
                break;
            };
            if token.is_any(&[
                "and", "or", "the", "with", "along", "together", "as", "well",
            ]) || token.piece == Piece::Punct(',')
            {
                connected |= !token.is("the");
                k -= 1;
            } else {
                break;
            }
        }
        if !connected || k == 0 {
            break;
        }
        let Some(party) = tokens.get(k - 1).and_then(Token::party) else {
            break;
        };
        parties.insert(0, party);
        first = k - 1;
    }
    Some((parties, first))
}

/// The parties of a list starting at token `first`, reading right.
fn list_starting_at(tokens: &[Token], first: usize) -> Option<(Vec<usize>, usize)> {
    let mut parties = vec![tokens.get(first)?.party()?];
    let mut last = first;
    loop {
        let mut k = last + 1;
        let mut connected = false;
        while let Some(token) = tokens.get(k) {
            if token.is_any(&[
                "and", "or", "the", "along", "with", "as", "well", "together",
            ]) || token.piece == Piece::Punct(',')
            {
                connected |= !token.is("the");
                k += 1;
            } else {
                break;
            }
        }
        match tokens.get(k).and_then(Token::party) {
            Some(party) if connected => {
                parties.push(party);
                last = k;
            }
            _ => break,
        }
    }
    Some((parties, last))
}

/// How a subject was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Found {
    /// Next to the verb group.
    Adjacent,
    /// Across an appositive or a relative pronoun, or in a list.
    Near,
    /// Carried over from earlier in the sentence.
    Carried,
}

/// A subject: its parties, the index of its first token, how it was found, and the
/// modality its frame imposes (a wish: hypothetical).
struct Subject {
    parties: Vec<usize>,
    first: usize,
    found: Found,
    frame: Option<Modality>,
}

/// The subject of the verb at `verb`, reading left over its verb group.
fn subject_of(tokens: &[Token], verb: usize, carried: &[usize]) -> Option<Subject> {
    let mut k = verb;
    let mut skipped = 0;
    while k > 0 {
        let Some(token) = tokens.get(k - 1) else {
            break;
        };
        // "the National Liberation Army (ELN) agreed": past the bracket.
        if token.piece == Piece::Punct(')')
            && let Some(open) = (k.saturating_sub(5)..k - 1)
                .rev()
                .find(|&i| tokens.get(i).is_some_and(|t| t.piece == Piece::Punct('(')))
        {
            k = open;
            continue;
        }
        let skippable = token.is_any(VERB_GROUP)
            || token.is_any(NEGATING)
            || token.is_any(CONDITIONAL)
            || token.is_any(FUTURE)
            || token.word().is_some_and(|w| w.ends_with("n't"));
        if skippable && skipped < 8 {
            k -= 1;
            skipped += 1;
        } else {
            break;
        }
    }
    let at = k.checked_sub(1)?;
    let token = tokens.get(at)?;
    // "B to VERB" after a wish: "wants Qatar and Egypt to press Hamas".
    let wished = tokens
        .get(k)
        .is_some_and(|t| t.is("to"))
        .then(|| wish_before(tokens, at))
        .flatten();
    if token.party().is_some() {
        let (parties, first) = list_ending_at(tokens, at)?;
        if let Some(frame) = wished {
            return Some(Subject {
                parties,
                first,
                found: Found::Adjacent,
                frame: Some(frame),
            });
        }
        let found = if parties.len() > 1 {
            Found::Near
        } else {
            Found::Adjacent
        };
        return Some(Subject {
            parties,
            first,
            found,
            frame: None,
        });
    }
    // "Egyptian and Qatari officials said", "the Qatari and Egyptian mediators".
    if token.is_any(PARTY_NOUNS) || token.is_any(MEDIATOR_NOUNS) {
        let before = at.checked_sub(1)?;
        let (parties, first) = list_ending_at(tokens, before)?;
        return Some(Subject {
            parties,
            first,
            found: Found::Near,
            frame: None,
        });
    }
    // "Egypt, which hosted", "Burns, who arrived".
    if token.is_any(&["which", "who"]) {
        let mut before = at.checked_sub(1)?;
        if tokens.get(before)?.piece == Piece::Punct(',') {
            before = before.checked_sub(1)?;
        }
        let (parties, first) = list_ending_at(tokens, before)?;
        return Some(Subject {
            parties,
            first,
            found: Found::Near,
            frame: None,
        });
    }
    // "Egypt, along with Qatar and the United States, has been leading efforts".
    if token.piece == Piece::Punct(',')
        && let Some(before) = at.checked_sub(1)
        && tokens.get(before).is_some_and(|t| t.party().is_some())
    {
        let (parties, first) = list_ending_at(tokens, before)?;
        return Some(Subject {
            parties,
            first,
            found: Found::Near,
            frame: None,
        });
    }
    // "Hamas, the group that runs Gaza, rejected": one appositive between commas.
    if token.piece == Piece::Punct(',') {
        let open = (at.saturating_sub(10)..at)
            .rev()
            .find(|&i| tokens.get(i).is_some_and(|t| t.piece == Piece::Punct(',')))?;
        let before = open.checked_sub(1)?;
        if tokens.get(before)?.party().is_some()
            && tokens.get(open + 1..at).is_some_and(|inside| {
                inside
                    .iter()
                    .all(|t| t.party().is_none() && t.word().is_some())
            })
        {
            let (parties, first) = list_ending_at(tokens, before)?;
            return Some(Subject {
                parties,
                first,
                found: Found::Near,
                frame: None,
            });
        }
        return None;
    }
    // "it", "they", or a second verb ("said it was ready but demanded"): the sentence's
    // speaker or last subject.
    if (token.is_any(&["it", "they", "and", "but"])) && !carried.is_empty() {
        return Some(Subject {
            parties: carried.to_vec(),
            first: at,
            found: Found::Carried,
            frame: None,
        });
    }
    None
}

/// Whether a wish or a request governs the party list ending at `last`: "wants B and C",
/// "called on Qatar", "urged Israel".
fn wish_before(tokens: &[Token], last: usize) -> Option<Modality> {
    let (_, first) = list_ending_at(tokens, last)?;
    let mut k = first.checked_sub(1)?;
    if tokens.get(k)?.is_any(&["on", "the"]) {
        k = k.checked_sub(1)?;
    }
    tokens
        .get(k)?
        .is_any(WISHES)
        .then_some(Modality::Hypothetical)
}

/// The modality of the relation word at `verb` whose subject starts at `subject_first`.
fn modality_of(
    tokens: &[Token],
    subject_first: usize,
    verb: usize,
    frame: Option<Modality>,
) -> Modality {
    let group = tokens.get(subject_first..verb).unwrap_or(&[]);
    let before_verb = tokens.get(..verb).unwrap_or(&[]);
    if before_verb.iter().any(|t| {
        t.word()
            .is_some_and(|w| matches!(w, "denied" | "deny" | "denies" | "denying"))
    }) {
        return Modality::Denied;
    }
    let negated = group
        .iter()
        .any(|t| t.is_any(NEGATING) || t.word().is_some_and(|w| w.ends_with("n't")));
    if negated {
        return Modality::Negated;
    }
    // A condition opened earlier in the same clause.
    let clause_start = tokens
        .get(..subject_first)
        .unwrap_or(&[])
        .iter()
        .rposition(|t| t.piece == Piece::Punct(',') || t.is_hard_break())
        .map_or(0, |at| at + 1);
    let clause = tokens.get(clause_start..verb).unwrap_or(&[]);
    if clause.iter().any(|t| t.is_any(CONDITIONS)) || frame == Some(Modality::Hypothetical) {
        return Modality::Hypothetical;
    }
    if group.iter().any(|t| t.is_any(CONDITIONAL)) {
        return Modality::Hypothetical;
    }
    if group.iter().any(|t| t.is_any(FUTURE)) {
        return Modality::Expected;
    }
    Modality::Asserted
}

/// The objects of `relation` after the word at `verb`: entities of a kind it takes, a
/// list of them, or the sentence's meeting. With the number of tokens skipped.
fn objects_after(
    tokens: &[Token],
    verb: usize,
    relation: Relation,
    kind_of: &dyn Fn(usize) -> Option<NodeKind>,
    has_meeting: bool,
) -> Option<(Vec<End>, usize)> {
    let takes_meeting = fits(relation, NodeKind::Meeting);
    let fits_entity = |entity: usize| kind_of(entity).is_some_and(|kind| fits(relation, kind));
    // "mediated between Israel and Hamas".
    if relation == Relation::Mediates {
        let between = (verb + 1..(verb + 9).min(tokens.len()))
            .take_while(|&i| tokens.get(i).is_some_and(|t| !t.is_hard_break()))
            .find(|&i| tokens.get(i).is_some_and(|t| t.is("between")));
        if let Some(between) = between {
            let first = (between + 1..tokens.len())
                .find(|&i| tokens.get(i).is_some_and(|t| !t.is("the")))?;
            let (parties, _) = list_starting_at(tokens, first)?;
            return Some((parties.into_iter().map(End::Entity).collect(), 1));
        }
    }
    let mut skipped = 0;
    let mut k = verb + 1;
    // The second word of a two-word cue ("took part", "called on").
    if tokens
        .get(k)
        .is_some_and(|t| t.is_any(&["part", "on", "for", "forward", "talks"]))
    {
        if tokens.get(k).is_some_and(|t| t.is("talks")) && takes_meeting && has_meeting {
            return Some((vec![End::Meeting], 0));
        }
        k += 1;
    }
    while let Some(token) = tokens.get(k) {
        if token.is_hard_break() || token.piece == Piece::Punct(',') || skipped > 4 {
            break;
        }
        match &token.piece {
            Piece::Party(entity) | Piece::Thing(entity) => {
                if !fits_entity(*entity) {
                    break;
                }
                let ends = if token.party().is_some() {
                    list_starting_at(tokens, k)
                        .map(|(parties, _)| parties)
                        .unwrap_or_else(|| vec![*entity])
                } else {
                    things_starting_at(tokens, k)
                };
                return Some((
                    ends.into_iter()
                        .filter(|&entity| fits_entity(entity))
                        .map(End::Entity)
                        .collect(),
                    skipped,
                ));
            }
            Piece::Place(_) if takes_meeting && has_meeting => {
                return Some((vec![End::Meeting], skipped));
            }
            Piece::Word(word) => {
                if TALK_NOUNS.contains(&word.as_str()) || word == "mediation" {
                    if takes_meeting && has_meeting {
                        return Some((vec![End::Meeting], skipped));
                    }
                    break;
                }
                if OBJECT_STOPS.contains(&word.as_str()) || cues::relation_cue(word).is_some() {
                    break;
                }
                if !OBJECT_LEAD.contains(&word.as_str()) {
                    skipped += 1;
                }
            }
            _ => skipped += 1,
        }
        k += 1;
    }
    if matches!(relation, Relation::Hosts | Relation::Attends) && has_meeting {
        return Some((vec![End::Meeting], 3));
    }
    None
}

/// The things of a list starting at token `first`: "a permanent ceasefire and the
/// withdrawal".
fn things_starting_at(tokens: &[Token], first: usize) -> Vec<usize> {
    let mut things: Vec<usize> = tokens
        .get(first)
        .and_then(Token::thing)
        .into_iter()
        .collect();
    let mut k = first + 1;
    loop {
        let mut connected = false;
        while let Some(token) = tokens.get(k) {
            if token.is_any(&["and", "the", "a", "an", "its", "their", "full", "complete"])
                || token.piece == Piece::Punct(',')
            {
                connected |= token.is("and") || token.piece == Piece::Punct(',');
                k += 1;
            } else {
                break;
            }
        }
        match tokens.get(k).and_then(Token::thing) {
            Some(thing) if connected => {
                things.push(thing);
                k += 1;
            }
            _ => break,
        }
    }
    things
}

/// In the passive ("was brokered by Turkey and the UN", "talks mediated by Egyptian and
/// Qatari officials"): the subjects after "by", and what stands before the verb.
fn passive(
    tokens: &[Token],
    verb: usize,
    relation: Relation,
    kind_of: &dyn Fn(usize) -> Option<NodeKind>,
    has_meeting: bool,
) -> Option<(Vec<usize>, End, Modality)> {
    if !tokens.get(verb + 1)?.is("by") {
        return None;
    }
    // The first party within a title's reach ("by Defence Minister Sergei Shoigu"); a
    // party that only qualifies the title ("former Nigerian president X") gives way to
    // the person after it.
    let mut first = (verb + 2..(verb + 7).min(tokens.len()))
        .find(|&i| tokens.get(i).is_some_and(|t| t.party().is_some()))?;
    if let Some(person) = (first + 1..(first + 4).min(tokens.len()))
        .take_while(|&i| {
            tokens
                .get(i)
                .is_some_and(|t| t.word().is_some() || t.party().is_some())
        })
        .find(|&i| tokens.get(i).is_some_and(|t| t.party().is_some()))
        && tokens
            .get(first + 1)
            .is_some_and(|t| t.word().is_some_and(|w| !matches!(w, "and" | "or")))
    {
        first = person;
    }
    let (subjects, _) = list_starting_at(tokens, first)?;
    let mut k = verb;
    let mut negated = false;
    while k > 0 {
        let Some(token) = tokens.get(k - 1) else {
            break;
        };
        if token.is_any(&[
            "was",
            "were",
            "is",
            "are",
            "been",
            "being",
            "be",
            "has",
            "have",
            "had",
            "also",
            "jointly",
            "reportedly",
            "formally",
            "now",
            "being",
            "not",
            "never",
        ]) {
            negated |= token.is_any(&["not", "never"]);
            k -= 1;
        } else {
            break;
        }
    }
    let before = tokens.get(k.checked_sub(1)?)?;
    let object = match &before.piece {
        Piece::Party(entity) | Piece::Thing(entity)
            if kind_of(*entity).is_some_and(|kind| fits(relation, kind)) =>
        {
            End::Entity(*entity)
        }
        Piece::Word(word)
            if TALK_NOUNS.contains(&word.as_str())
                && has_meeting
                && fits(relation, NodeKind::Meeting) =>
        {
            End::Meeting
        }
        _ => return None,
    };
    let modality = if negated {
        Modality::Negated
    } else {
        Modality::Asserted
    };
    Some((subjects, object, modality))
}

/// Reads one sentence. `kind_of` gives an entity's kind; `has_meeting` says whether the
/// sentence names a meeting.
pub fn read_sentence(
    sentence: &str,
    tokens: &[Token],
    kind_of: &dyn Fn(usize) -> Option<NodeKind>,
    has_meeting: bool,
) -> SentenceReading {
    let attributed_to = cues::attribution(sentence);
    let mut reading = SentenceReading::default();
    let mut carried: Vec<usize> = Vec::new();
    let push = |reading: &mut SentenceReading, found: RelationFound| {
        if !reading.relations.contains(&found) && End::Entity(found.subject) != found.object {
            reading.relations.push(found);
        }
    };
    for (index, token) in tokens.iter().enumerate() {
        // Speakers, for "it" later in the sentence.
        if token.is_any(SPEECH)
            && let Some(subject) = subject_of(tokens, index, &carried)
            && subject.found != Found::Carried
        {
            carried = subject.parties;
        }
        // "Egyptian mediators", "Cuba and Norway are guarantors", "acting as intermediaries".
        if token.is_any(MEDIATOR_NOUNS) {
            let mut k = index;
            while k > 0
                && tokens.get(k - 1).is_some_and(|t| {
                    t.is_any(&[
                        "are", "is", "were", "was", "as", "acting", "act", "acted", "serve",
                        "serves", "served", "the", "joint", "main", "key", "two", "other",
                    ]) || t.piece == Piece::Punct(',')
                })
            {
                k -= 1;
            }
            let parties = k
                .checked_sub(1)
                .and_then(|last| list_ending_at(tokens, last))
                .map(|(parties, _)| parties)
                .or_else(|| {
                    // "mediators Egypt and Qatar".
                    list_starting_at(tokens, index + 1).map(|(parties, _)| parties)
                })
                .unwrap_or_default();
            for &party in &parties {
                if !reading.mediators.contains(&party) {
                    reading.mediators.push(party);
                }
                if has_meeting {
                    push(
                        &mut reading,
                        RelationFound {
                            subject: party,
                            relation: Relation::Mediates,
                            object: End::Meeting,
                            modality: Modality::Asserted,
                            attributed_to: attributed_to.clone(),
                            confidence: LOOSE_CONFIDENCE,
                        },
                    );
                }
            }
            continue;
        }
        // "saw no Israeli delegation in Cairo": that party did not attend.
        if token.is("no")
            && has_meeting
            && let Some(party) = tokens.get(index + 1).and_then(Token::party)
        {
            push(
                &mut reading,
                RelationFound {
                    subject: party,
                    relation: Relation::Attends,
                    object: End::Meeting,
                    modality: Modality::Negated,
                    attributed_to: attributed_to.clone(),
                    confidence: LOOSE_CONFIDENCE,
                },
            );
            continue;
        }
        let Some(mut relation) = cue_at(tokens, index) else {
            continue;
        };
        // "refused to accept", "agreed to send": the verb after "to" is the one to read.
        if tokens.get(index + 1).is_some_and(|t| t.is("to"))
            && tokens
                .get(index + 2)
                .is_some_and(|t| t.word().is_some_and(|w| !OBJECT_LEAD.contains(&w)))
            && relation != Relation::Pressures
        {
            continue;
        }
        // "joined the mediation".
        if relation == Relation::Attends
            && tokens
                .get(index + 1..(index + 4).min(tokens.len()))
                .is_some_and(|next| next.iter().any(|t| t.is_any(&["mediation", "mediators"])))
        {
            relation = Relation::Mediates;
        }
        let by = tokens.get(index + 1).is_some_and(|t| t.is("by"));
        if let Some((subjects, object, modality)) =
            passive(tokens, index, relation, kind_of, has_meeting)
        {
            if matches!(relation, Relation::Mediates | Relation::Hosts)
                && modality == Modality::Asserted
            {
                for &party in &subjects {
                    if !reading.mediators.contains(&party) {
                        reading.mediators.push(party);
                    }
                }
            }
            for subject in subjects {
                if kind_of(subject)
                    .is_some_and(|kind| matches!(kind, NodeKind::Actor | NodeKind::Mediator))
                {
                    push(
                        &mut reading,
                        RelationFound {
                            subject,
                            relation,
                            object,
                            modality,
                            attributed_to: attributed_to.clone(),
                            confidence: LOOSE_CONFIDENCE,
                        },
                    );
                }
            }
            continue;
        }
        // A passive whose ends the rules cannot read is no active sentence either.
        if by {
            continue;
        }
        let Some(subject) = subject_of(tokens, index, &carried) else {
            continue;
        };
        let Some((objects, skipped)) = objects_after(tokens, index, relation, kind_of, has_meeting)
        else {
            continue;
        };
        let modality = modality_of(tokens, subject.first, index, subject.frame);
        let confidence = match subject.found {
            Found::Carried => CARRIED_CONFIDENCE,
            Found::Near => LOOSE_CONFIDENCE,
            Found::Adjacent if skipped <= 1 && objects.len() == 1 => STRICT_CONFIDENCE,
            Found::Adjacent => LOOSE_CONFIDENCE,
        };
        for &party in &subject.parties {
            for &object in &objects {
                push(
                    &mut reading,
                    RelationFound {
                        subject: party,
                        relation,
                        object,
                        modality,
                        attributed_to: attributed_to.clone(),
                        confidence,
                    },
                );
            }
        }
        if matches!(relation, Relation::Mediates | Relation::Hosts)
            && matches!(modality, Modality::Asserted | Modality::Expected)
        {
            for &party in &subject.parties {
                if !reading.mediators.contains(&party) {
                    reading.mediators.push(party);
                }
            }
        }
        if subject.found != Found::Carried {
            carried = subject.parties;
        }
    }
    reading
}

#[cfg(test)]
mod tests;
