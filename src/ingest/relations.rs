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

mod ends;
mod lists;
mod words;

use ends::{Found, Subject, modality_of, objects_after, passive, subject_of};
use lists::{TITLE_WORDS, compound_relation, glued, list_ending_at, list_starting_at};
use words::{FUTURE, MEDIATOR_NOUNS, OBJECT_LEAD, SPEECH, TALK_NOUNS, cue_at};

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

impl SentenceReading {
    /// Adds `found` unless it is there already or relates a party to itself.
    fn add(&mut self, found: RelationFound) {
        if !self.relations.contains(&found) && End::Entity(found.subject) != found.object {
            self.relations.push(found);
        }
    }

    /// `parties` are presented as mediating: mediators, and mediating the sentence's
    /// meeting where it names one.
    fn mediating(&mut self, parties: &[usize], has_meeting: bool, attributed_to: &Option<String>) {
        for &party in parties {
            if !self.mediators.contains(&party) {
                self.mediators.push(party);
            }
            if has_meeting {
                self.add(meeting_relation(
                    party,
                    Relation::Mediates,
                    Modality::Asserted,
                    attributed_to,
                ));
            }
        }
    }
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

/// `subject` has `relation` to the sentence's meeting, read from a looser pattern.
fn meeting_relation(
    subject: usize,
    relation: Relation,
    modality: Modality,
    attributed_to: &Option<String>,
) -> RelationFound {
    RelationFound {
        subject,
        relation,
        object: End::Meeting,
        modality,
        attributed_to: attributed_to.clone(),
        confidence: LOOSE_CONFIDENCE,
    }
}

/// A sentence being read: its tokens, the kinds of the entities they name, whether it
/// names a meeting, and whom it attributes what it says to.
struct Sentence<'a> {
    tokens: &'a [Token],
    kind_of: &'a dyn Fn(usize) -> Option<NodeKind>,
    has_meeting: bool,
    attributed_to: Option<String>,
}

/// Reads one sentence. `kind_of` gives an entity's kind; `has_meeting` says whether the
/// sentence names a meeting.
pub fn read_sentence(
    sentence: &str,
    tokens: &[Token],
    kind_of: &dyn Fn(usize) -> Option<NodeKind>,
    has_meeting: bool,
) -> SentenceReading {
    let sentence = Sentence {
        tokens,
        kind_of,
        has_meeting,
        attributed_to: cues::attribution(sentence),
    };
    let mut reading = SentenceReading::default();
    // The parties of the last subject read, for "it" and "he" later in the sentence.
    let mut carried: Vec<usize> = Vec::new();
    for (index, token) in tokens.iter().enumerate() {
        // Speakers, for "it" later in the sentence.
        if token.is_any(SPEECH)
            && let Some(subject) = subject_of(tokens, index, &carried)
            && subject.found != Found::Carried
        {
            carried = subject.parties;
        }
        let reader = &sentence;
        if read_mediator_noun(reader, index, token, &mut reading)
            || read_talks_between(reader, index, token, &mut reading)
        {
            continue;
        }
        read_following_talks(reader, index, token, &mut reading);
        if read_represented_by(reader, index, token, &carried, &mut reading)
            || read_glued_participle(reader, index, token, &mut reading)
            || read_mediation_of(reader, index, token, &mut reading)
            || read_no_delegation(reader, index, token, &mut reading)
        {
            continue;
        }
        if let Some(subject) = read_relation(reader, index, token, &carried, &mut reading)
            && subject.found != Found::Carried
        {
            carried = subject.parties;
        }
    }
    reading
}

/// "Egyptian mediators", "Cuba and Norway are guarantors", "acting as intermediaries":
/// the parties before (or after) a mediator noun mediate. True when `token` is one.
fn read_mediator_noun(
    sentence: &Sentence<'_>,
    index: usize,
    token: &Token,
    reading: &mut SentenceReading,
) -> bool {
    let tokens = sentence.tokens;
    let has_meeting = sentence.has_meeting;
    let attributed_to = &sentence.attributed_to;
    // "Egyptian mediators", "Cuba and Norway are guarantors", "acting as intermediaries".
    if token.is_any(MEDIATOR_NOUNS) {
        let mut k = index;
        while let Some(before) = k.checked_sub(1).and_then(|at| tokens.get(at)) {
            if before.is_any(&[
                "are",
                "is",
                "were",
                "was",
                "as",
                "acting",
                "act",
                "acted",
                "serve",
                "serves",
                "served",
                "the",
                "joint",
                "main",
                "key",
                "two",
                "other",
                "played",
                "play",
                "plays",
                "role",
                "roles",
                "central",
                "crucial",
                "leading",
                "important",
                "major",
                "a",
                "one",
                "of",
            ]) || before.piece == Piece::Punct(',')
            {
                k -= 1;
            } else if before.piece == Piece::Punct(')')
                && let Some(open) = (k.saturating_sub(6)..k - 1)
                    .rev()
                    .find(|&i| tokens.get(i).is_some_and(|t| t.piece == Piece::Punct('(')))
            {
                // "IGAD (the Intergovernmental Authority on Development), acting as".
                k = open;
            } else {
                break;
            }
        }
        // "talks in Barbados, mediator Norway says": a place before the comma is
        // no mediator.
        let crossed_comma = tokens
            .get(k..index)
            .is_some_and(|walked| walked.iter().any(|t| t.piece == Piece::Punct(',')));
        let parties = k
            .checked_sub(1)
            .and_then(|last| list_ending_at(tokens, last))
            .filter(|(_, first)| {
                !crossed_comma
                    || !first
                        .checked_sub(1)
                        .and_then(|at| tokens.get(at))
                        .is_some_and(|t| t.is_any(&["in", "at", "to", "from"]))
            })
            .map(|(parties, _)| parties)
            .or_else(|| {
                // "mediators Egypt and Qatar".
                list_starting_at(tokens, index + 1).map(|(parties, _)| parties)
            })
            .unwrap_or_default();
        reading.mediating(&parties, has_meeting, attributed_to);
        return true;
    }
    false
}

/// "talks between Israel and Hamas", "a meeting of the Ukrainian and U.S. delegations",
/// "in the presence of Trump": those named take part. True when it read them.
fn read_talks_between(
    sentence: &Sentence<'_>,
    index: usize,
    token: &Token,
    reading: &mut SentenceReading,
) -> bool {
    let tokens = sentence.tokens;
    let has_meeting = sentence.has_meeting;
    let attributed_to = &sentence.attributed_to;
    // "talks between Israel and Hamas", "a meeting involving UN and Turkish officials":
    // those named take part.
    let talks_before = |back: usize| {
        index
            .checked_sub(back)
            .and_then(|at| tokens.get(at))
            .is_some_and(|before| before.is_any(TALK_NOUNS))
    };
    let comma_before = index
        .checked_sub(1)
        .and_then(|at| tokens.get(at))
        .is_some_and(|before| before.piece == Piece::Punct(','));
    // "a meeting of the Ukrainian and U.S. delegations", "in the presence of Trump".
    let meeting_of = token.is("of") && talks_before(1);
    let presence = token.is("of")
        && index
            .checked_sub(1)
            .and_then(|at| tokens.get(at))
            .is_some_and(|before| before.is("presence"));
    if has_meeting
        && (meeting_of
            || presence
            || (token.is_any(&["between", "involving"])
                && (talks_before(1) || (comma_before && talks_before(2)))))
    {
        let mut first = if tokens.get(index + 1).is_some_and(|t| t.is("the")) {
            index + 2
        } else {
            index + 1
        };
        // "between the warring Sudanese army and …".
        while tokens.get(first).is_some_and(|t| {
            t.is_any(&[
                "warring",
                "rival",
                "two",
                "paramilitary",
                "opposing",
                "feuding",
            ])
        }) {
            first += 1;
        }
        // The future of the talks' own clause ("will lift …, after a meeting of").
        let clause_start = tokens
            .get(..index)
            .unwrap_or(&[])
            .iter()
            .rposition(|t| t.piece == Piece::Punct(',') || t.is_hard_break())
            .map_or(0, |at| at + 1);
        let clause = tokens.get(clause_start..).unwrap_or(&[]);
        let clause_end = clause
            .iter()
            .position(|t| t.piece == Piece::Punct(',') || t.is_hard_break())
            .unwrap_or(clause.len());
        let modality = if clause
            .get(..clause_end)
            .unwrap_or(&[])
            .iter()
            .any(|t| t.is_any(FUTURE))
        {
            Modality::Expected
        } else {
            Modality::Asserted
        };
        for party in list_starting_at(tokens, first)
            .map(|(parties, _)| parties)
            .unwrap_or_default()
        {
            reading.add(meeting_relation(
                party,
                Relation::Attends,
                modality,
                attributed_to,
            ));
        }
        return true;
    }
    false
}

/// "Following talks in Jeddah, the United States and Ukraine agreed": the parties that
/// act after the talks took part in them.
fn read_following_talks(
    sentence: &Sentence<'_>,
    index: usize,
    token: &Token,
    reading: &mut SentenceReading,
) {
    let tokens = sentence.tokens;
    let has_meeting = sentence.has_meeting;
    let attributed_to = &sentence.attributed_to;
    // "Following talks in Jeddah, the United States and Ukraine agreed": the parties
    // that act after the talks took part in them.
    let opens_sentence = index == 0
        || index
            .checked_sub(1)
            .and_then(|at| tokens.get(at))
            .is_some_and(|before| before.piece == Piece::Punct(':'));
    if opens_sentence && has_meeting && token.is_any(&["after", "following"]) {
        let comma = tokens
            .iter()
            .take(12)
            .position(|t| t.piece == Piece::Punct(','));
        let talks = comma.is_some_and(|comma| {
            tokens
                .get(..comma)
                .is_some_and(|opening| opening.iter().any(|t| t.is_any(TALK_NOUNS)))
        });
        if let (Some(comma), true) = (comma, talks) {
            let first = if tokens.get(comma + 1).is_some_and(|t| t.is("the")) {
                comma + 2
            } else {
                comma + 1
            };
            if let Some((parties, last)) = list_starting_at(tokens, first)
                && tokens
                    .get(last + 1)
                    .is_some_and(|next| next.word().is_some() && !next.is_any(TALK_NOUNS))
            {
                // "…, Witkoff and Kushner are traveling to Egypt": not there yet.
                let verb_group = tokens.get(last + 1..(last + 4).min(tokens.len()));
                let ahead = verb_group.is_some_and(|group| {
                    group.iter().any(|t| {
                        t.is_any(FUTURE)
                            || t.is_any(&["traveling", "travelling", "heading", "flying"])
                    })
                });
                let modality = if ahead {
                    Modality::Expected
                } else {
                    Modality::Asserted
                };
                for party in parties {
                    reading.add(meeting_relation(
                        party,
                        Relation::Attends,
                        modality,
                        attributed_to,
                    ));
                }
            }
        }
    }
}

/// "Russia was represented by Deputy Foreign Minister Mikhail Galuzin, …": those named
/// are the party's. True when it read them.
fn read_represented_by(
    sentence: &Sentence<'_>,
    index: usize,
    token: &Token,
    carried: &[usize],
    reading: &mut SentenceReading,
) -> bool {
    let tokens = sentence.tokens;
    let attributed_to = &sentence.attributed_to;
    // "Russia was represented by Deputy Foreign Minister Mikhail Galuzin, …": those
    // named are the party's.
    if token.is("represented")
        && tokens.get(index + 1).is_some_and(|t| t.is("by"))
        && let Some(subject) = subject_of(tokens, index, carried)
        && subject.found != Found::Carried
    {
        let mut first = index + 2;
        while tokens.get(first).is_some_and(|t| t.is_any(TITLE_WORDS)) {
            first += 1;
        }
        let members = list_starting_at(tokens, first)
            .map(|(parties, _)| parties)
            .unwrap_or_default();
        for member in members {
            for &party in &subject.parties {
                reading.add(RelationFound {
                    subject: member,
                    relation: Relation::MemberOf,
                    object: End::Entity(party),
                    modality: Modality::Asserted,
                    attributed_to: attributed_to.clone(),
                    confidence: LOOSE_CONFIDENCE,
                });
            }
        }
        return true;
    }
    false
}

/// "Iran-backed Houthis", "a UN-mediated agreement", "EU-mediated talks": the party
/// glued to the participle stands in that relation to what follows. True when it did.
fn read_glued_participle(
    sentence: &Sentence<'_>,
    index: usize,
    token: &Token,
    reading: &mut SentenceReading,
) -> bool {
    let tokens = sentence.tokens;
    let kind_of = sentence.kind_of;
    let has_meeting = sentence.has_meeting;
    let attributed_to = &sentence.attributed_to;
    // "Iran-backed Houthis", "a UN-mediated agreement", "EU-mediated talks": the
    // party glued to the participle stands in that relation to what follows.
    if let Some(glued_party) = index
        .checked_sub(1)
        .and_then(|at| tokens.get(at))
        .filter(|before| glued(before, token))
        .and_then(Token::party)
        && let Some(relation) = compound_relation(token)
    {
        let next = if tokens
            .get(index + 1)
            .is_some_and(|t| t.is_any(&["the", "a", "an"]))
        {
            index + 2
        } else {
            index + 1
        };
        let object = match tokens.get(next).map(|t| &t.piece) {
            Some(Piece::Party(entity) | Piece::Thing(entity))
                if kind_of(*entity).is_some_and(|kind| fits(relation, kind)) =>
            {
                Some(End::Entity(*entity))
            }
            Some(Piece::Word(word))
                if TALK_NOUNS.contains(&word.as_str())
                    && has_meeting
                    && fits(relation, NodeKind::Meeting) =>
            {
                Some(End::Meeting)
            }
            _ => None,
        };
        if relation == Relation::Mediates && !reading.mediators.contains(&glued_party) {
            reading.mediators.push(glued_party);
        }
        if let Some(object) = object {
            reading.add(RelationFound {
                subject: glued_party,
                relation,
                object,
                modality: Modality::Asserted,
                attributed_to: attributed_to.clone(),
                confidence: LOOSE_CONFIDENCE,
            });
        }
        return true;
    }
    false
}

/// "under Norway's mediation", "with the mediation of Egypt", "under the aegis of Cuba":
/// the party mediates the sentence's meeting. True when it read one.
fn read_mediation_of(
    sentence: &Sentence<'_>,
    index: usize,
    token: &Token,
    reading: &mut SentenceReading,
) -> bool {
    let tokens = sentence.tokens;
    let has_meeting = sentence.has_meeting;
    let attributed_to = &sentence.attributed_to;
    // "under Norway's mediation", "with the mediation of Egypt": the party mediates
    // the sentence's meeting.
    let possessive_mediation = token.is("mediation")
        && index
            .checked_sub(1)
            .and_then(|at| tokens.get(at))
            .is_some_and(|before| before.is("s"))
        && index
            .checked_sub(2)
            .and_then(|at| tokens.get(at))
            .and_then(Token::party)
            .is_some();
    // "under the aegis of Cuba, Norway and Venezuela", "under the auspices of the UN".
    let mediation_of = token.is_any(&["mediation", "aegis", "auspices"])
        && tokens.get(index + 1).is_some_and(|t| t.is("of"));
    if possessive_mediation || mediation_of {
        let parties = if mediation_of {
            let first = if tokens.get(index + 2).is_some_and(|t| t.is("the")) {
                index + 3
            } else {
                index + 2
            };
            list_starting_at(tokens, first).map(|(parties, _)| parties)
        } else {
            list_ending_at(tokens, index - 2).map(|(parties, _)| parties)
        };
        reading.mediating(&parties.unwrap_or_default(), has_meeting, attributed_to);
        return true;
    }
    false
}

/// "saw no Israeli delegation in Cairo": that party did not attend. True when it read one.
fn read_no_delegation(
    sentence: &Sentence<'_>,
    index: usize,
    token: &Token,
    reading: &mut SentenceReading,
) -> bool {
    let tokens = sentence.tokens;
    let has_meeting = sentence.has_meeting;
    let attributed_to = &sentence.attributed_to;
    // "saw no Israeli delegation in Cairo": that party did not attend.
    if token.is("no")
        && has_meeting
        && let Some(party) = tokens.get(index + 1).and_then(Token::party)
    {
        reading.add(meeting_relation(
            party,
            Relation::Attends,
            Modality::Negated,
            attributed_to,
        ));
        return true;
    }
    false
}

/// A relation cue at `index`, read with its subject and objects: active or passive, its
/// modality and confidence; the parties of a mediating or hosting subject are mediators.
/// Returns the subject it read, whom a later "it" or "he" may stand for.
fn read_relation(
    sentence: &Sentence<'_>,
    index: usize,
    token: &Token,
    carried: &[usize],
    reading: &mut SentenceReading,
) -> Option<Subject> {
    let tokens = sentence.tokens;
    let kind_of = sentence.kind_of;
    let has_meeting = sentence.has_meeting;
    let attributed_to = &sentence.attributed_to;
    let mut relation = cue_at(tokens, index)?;
    // "refused to accept", "agreed to send": the verb after "to" is the one to read.
    if tokens.get(index + 1).is_some_and(|t| t.is("to"))
        && tokens
            .get(index + 2)
            .is_some_and(|t| t.word().is_some_and(|w| !OBJECT_LEAD.contains(&w)))
        && relation != Relation::Pressures
    {
        return None;
    }
    // "joined the mediation".
    if token.is_any(&["joined", "join", "joins"])
        && tokens
            .get(index + 1..(index + 4).min(tokens.len()))
            .is_some_and(|next| next.iter().any(|t| t.is("mediation")))
    {
        relation = Relation::Mediates;
    }
    let by = tokens.get(index + 1).is_some_and(|t| t.is("by"));
    if read_passive(sentence, index, relation, reading) {
        return None;
    }
    // A passive whose ends the rules cannot read is no active sentence either.
    if by {
        return None;
    }
    let subject = subject_of(tokens, index, carried)?;
    let (objects, skipped) = objects_after(tokens, index, relation, kind_of, has_meeting)?;
    let modality = modality_of(tokens, subject.first, index, subject.frame);
    let confidence = match subject.found {
        Found::Carried => CARRIED_CONFIDENCE,
        Found::Near => LOOSE_CONFIDENCE,
        Found::Adjacent if skipped <= 1 && objects.len() == 1 => STRICT_CONFIDENCE,
        Found::Adjacent => LOOSE_CONFIDENCE,
    };
    for &party in &subject.parties {
        for &object in &objects {
            reading.add(RelationFound {
                subject: party,
                relation,
                object,
                modality,
                attributed_to: attributed_to.clone(),
                confidence,
            });
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
    read_after_talks(sentence, index, relation, &subject, modality, reading);
    read_met_with(sentence, index, token, relation, modality, reading);
    Some(subject)
}

/// A passive ("talks mediated by Qatar", "hosted by Egypt"): its agents stand in
/// `relation` to its object. True when it read one.
fn read_passive(
    sentence: &Sentence<'_>,
    index: usize,
    relation: Relation,
    reading: &mut SentenceReading,
) -> bool {
    let tokens = sentence.tokens;
    let kind_of = sentence.kind_of;
    let has_meeting = sentence.has_meeting;
    let attributed_to = &sentence.attributed_to;
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
                reading.add(RelationFound {
                    subject,
                    relation,
                    object,
                    modality,
                    attributed_to: attributed_to.clone(),
                    confidence: LOOSE_CONFIDENCE,
                });
            }
        }
        return true;
    }
    false
}

/// "… agreed to free 887 detainees after ten days of negotiations in Switzerland": who
/// acts after the talks took part in them.
fn read_after_talks(
    sentence: &Sentence<'_>,
    index: usize,
    relation: Relation,
    subject: &Subject,
    modality: Modality,
    reading: &mut SentenceReading,
) {
    let tokens = sentence.tokens;
    let has_meeting = sentence.has_meeting;
    let attributed_to = &sentence.attributed_to;
    let after_talks = tokens
        .iter()
        .enumerate()
        .skip(index + 1)
        .find(|(_, t)| t.is_any(&["after", "following"]))
        .is_some_and(|(at, _)| {
            tokens
                .get(at + 1..(at + 7).min(tokens.len()))
                .is_some_and(|next| next.iter().any(|t| t.is_any(TALK_NOUNS)))
        });
    if after_talks
        && has_meeting
        && relation != Relation::Attends
        && matches!(modality, Modality::Asserted)
        && subject.found != Found::Carried
    {
        for &party in &subject.parties {
            reading.add(meeting_relation(
                party,
                Relation::Attends,
                modality,
                attributed_to,
            ));
        }
    }
}

/// "Burns met with Qatar's prime minister in Doha": those met attend too.
fn read_met_with(
    sentence: &Sentence<'_>,
    index: usize,
    token: &Token,
    relation: Relation,
    modality: Modality,
    reading: &mut SentenceReading,
) {
    let tokens = sentence.tokens;
    let has_meeting = sentence.has_meeting;
    let attributed_to = &sentence.attributed_to;
    if relation == Relation::Attends && token.is_any(&["met", "meet", "meets"]) && has_meeting {
        let first = if tokens.get(index + 1).is_some_and(|t| t.is("with")) {
            index + 2
        } else {
            index + 1
        };
        let first = if tokens.get(first).is_some_and(|t| t.is("the")) {
            first + 1
        } else {
            first
        };
        let met = list_starting_at(tokens, first).map(|(parties, _)| parties);
        for party in met.unwrap_or_default() {
            reading.add(meeting_relation(
                party,
                Relation::Attends,
                modality,
                attributed_to,
            ));
        }
    }
}

#[cfg(test)]
mod tests;
