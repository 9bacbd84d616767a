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
use super::tokens::Token;
use crate::model::{Modality, NodeKind, Relation};

mod cue;
mod cued;
mod ends;
mod gatherings;
mod lists;
mod memberships;
mod passive;
mod phrases;
mod stances;
mod subjects;
mod talks;
mod words;

use cued::read_relation;
use gatherings::{
    read_brought_together, read_in_attendance, read_invitation_of, read_invited, read_involve,
    read_observers, read_spoke_at,
};
pub(crate) use lists::TITLE_WORDS;
use memberships::{read_included, read_membership, read_on_behalf_of, read_represented_by};
use phrases::{read_glued_participle, read_mediation_of, read_mediator_noun, read_no_delegation};
use stances::{
    read_blame_on, read_each_other, read_refusal, read_signed_between, read_stance_noun,
};
use subjects::{Found, subject_of};
use talks::{read_following_talks, read_talks_between};
use words::SPEECH;

/// Confidence of a relation read from a strict pattern: subject and object next to the
/// relation word. Below the 0.8 band: on the blind sets 5 to 16 such relations were right
/// about half the time, the object being a thing or meeting named otherwise in the gold
/// (docs/extraction.md, calibration).
pub const STRICT_CONFIDENCE: f32 = 0.75;
/// Confidence of a person's membership read from their title ("CIA Director William
/// Burns", "Transnistrian Foreign Minister Vitaly Ignatyev"): the pattern right most
/// often on the blind sets.
pub const TITLE_MEMBERSHIP_CONFIDENCE: f32 = 0.8;
/// Confidence of a membership read from a head's title ("Prime Minister Benjamin
/// Netanyahu", "Hamas leader Ismail Haniyeh") or from a possessive without a title
/// ("Israel's Netanyahu"): readers write it as leading the party, or its government, as
/// often as being its member.
pub const HEAD_MEMBERSHIP_CONFIDENCE: f32 = 0.7;
/// Confidence of a group's membership in the party it is named after ("the Israeli
/// delegation"): true, but the gold often names the group otherwise or not at all.
pub const GROUP_MEMBERSHIP_CONFIDENCE: f32 = 0.7;
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
    /// The parties of the sentence's last subject where it names two or more ("Vucic and
    /// Kurti have reached an agreement"): whom a "They" opening the next sentence means.
    pub plural_subject: Vec<usize>,
}

impl SentenceReading {
    /// Adds `found` unless it is there already or relates a party to itself.
    fn add(&mut self, found: RelationFound) {
        if End::Entity(found.subject) == found.object {
            return;
        }
        // The same relation read twice ("headed to Cairo to launch talks"): once, as
        // sure as the surer reading.
        let same = self.relations.iter_mut().find(|known| {
            (known.subject, known.relation, known.object, known.modality)
                == (found.subject, found.relation, found.object, found.modality)
                && known.attributed_to == found.attributed_to
        });
        match same {
            Some(known) => known.confidence = known.confidence.max(found.confidence),
            None => self.relations.push(found),
        }
    }

    /// `subject` has `relation` to `object`, read from a looser pattern than subject, verb
    /// and object side by side.
    fn relate(
        &mut self,
        subject: usize,
        relation: Relation,
        object: End,
        modality: Modality,
        attributed_to: &Option<String>,
    ) {
        self.add(loose_relation(
            subject,
            relation,
            object,
            modality,
            attributed_to,
        ));
    }

    /// `party` is presented as a mediator.
    fn add_mediator(&mut self, party: usize) {
        if !self.mediators.contains(&party) {
            self.mediators.push(party);
        }
    }

    /// `parties` take part in the sentence's meeting, with `modality`.
    fn attending(
        &mut self,
        parties: impl IntoIterator<Item = usize>,
        modality: Modality,
        attributed_to: &Option<String>,
    ) {
        for party in parties {
            self.add(meeting_relation(
                party,
                Relation::Attends,
                modality,
                attributed_to,
            ));
        }
    }

    /// `parties` are presented as mediating: mediators, and mediating the sentence's
    /// meeting where it names one.
    fn mediating(
        &mut self,
        parties: &[usize],
        has_meeting: bool,
        modality: Modality,
        attributed_to: &Option<String>,
    ) {
        for &party in parties {
            self.add_mediator(party);
            if has_meeting {
                self.add(meeting_relation(
                    party,
                    Relation::Mediates,
                    modality,
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
        // "welcomed the talks in Abu Dhabi": a meeting is welcomed or opposed too.
        Relation::Supports | Relation::Opposes => &[
            NodeKind::Demand,
            NodeKind::Actor,
            NodeKind::Mediator,
            NodeKind::Meeting,
        ],
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
pub(super) fn meeting_relation(
    subject: usize,
    relation: Relation,
    modality: Modality,
    attributed_to: &Option<String>,
) -> RelationFound {
    loose_relation(subject, relation, End::Meeting, modality, attributed_to)
}

/// A relation read from a looser pattern than subject, verb and object side by side.
pub(super) fn loose_relation(
    subject: usize,
    relation: Relation,
    object: End,
    modality: Modality,
    attributed_to: &Option<String>,
) -> RelationFound {
    RelationFound {
        subject,
        relation,
        object,
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

/// Nouns that, opening a sentence after "the" or "both", stand for the parties the
/// sentence before had as its subject: "The leaders also signed a joint statement".
const PLURAL_REFERENCES: &[&str] = &["leaders", "presidents", "ministers", "heads"];

/// Where the noun is when the sentence opens with one of [`PLURAL_REFERENCES`]: "The
/// leaders", "Both presidents", "The two leaders".
fn plural_reference_at(tokens: &[Token]) -> Option<usize> {
    let mut words = tokens
        .iter()
        .enumerate()
        .filter(|(_, token)| token.word().is_some() || token.party().is_some());
    let (_, first) = words.next()?;
    if !first.is_any(&["the", "both"]) {
        return None;
    }
    let (mut at, mut noun) = words.next()?;
    if noun.is("two") {
        (at, noun) = words.next()?;
    }
    noun.is_any(PLURAL_REFERENCES).then_some(at)
}

/// Reads one sentence. `kind_of` gives an entity's kind; `has_meeting` says whether the
/// sentence names a meeting.
///
/// `previous_plural` is the plural subject of the sentence before (its reading's
/// `plural_subject`): a "They" that opens this sentence stands for it.
pub fn read_sentence(
    sentence: &str,
    tokens: &[Token],
    kind_of: &dyn Fn(usize) -> Option<NodeKind>,
    has_meeting: bool,
    previous_plural: &[usize],
) -> SentenceReading {
    let sentence = Sentence {
        tokens,
        kind_of,
        has_meeting,
        attributed_to: cues::attribution(sentence),
    };
    let mut reading = SentenceReading::default();
    // The parties of the last subject read, for "it" and "he" later in the sentence; at
    // first, for a "They" that opens it, the last sentence's plural subject.
    // "They", "The leaders", "Both presidents", "The two leaders".
    let opens_with_they = tokens
        .iter()
        .find(|token| token.word().is_some() || token.party().is_some())
        .is_some_and(|first| first.is("they"))
        || plural_reference_at(tokens).is_some();
    let mut carried: Vec<usize> = if opens_with_they && previous_plural.len() >= 2 {
        previous_plural.to_vec()
    } else {
        Vec::new()
    };
    for (index, token) in tokens.iter().enumerate() {
        // Speakers, for "it" later in the sentence.
        if token.is_any(SPEECH)
            && let Some(subject) = subject_of(tokens, index, &carried)
            && subject.found != Found::Carried
        {
            read_spoke_at(&sentence, index, &subject, &mut reading);
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
            || read_included(reader, index, token, &mut reading)
            || read_on_behalf_of(reader, index, token, &carried, &mut reading)
            || read_glued_participle(reader, index, token, &mut reading)
            || read_mediation_of(reader, index, token, &mut reading)
            || read_no_delegation(reader, index, token, &mut reading)
        {
            continue;
        }
        if read_invited(reader, index, token, &mut reading)
            || read_brought_together(reader, index, token, &carried, &mut reading)
            || read_invitation_of(reader, index, token, &mut reading)
            || read_involve(reader, index, token, &mut reading)
            || read_observers(reader, index, token, &carried, &mut reading)
            || read_in_attendance(reader, index, token, &mut reading)
        {
            continue;
        }
        if read_stance_noun(reader, index, token, &carried, &mut reading)
            || read_blame_on(reader, index, token, &carried, &mut reading)
            || read_each_other(reader, index, token, &carried, &mut reading)
            || read_refusal(reader, index, token, &mut reading)
            || read_signed_between(reader, index, token, &mut reading)
            || read_membership(reader, index, token, &mut reading)
        {
            continue;
        }
        if let Some(subject) = read_relation(reader, index, token, &carried, &mut reading)
            && subject.found != Found::Carried
        {
            carried = subject.parties;
        }
    }
    if carried.len() >= 2 {
        reading.plural_subject = carried;
    }
    read_in_exchange_for(&sentence, &mut reading);
    reading
}

/// "Israel offered a truce in exchange for the release of the hostages", "Hamas
/// reiterates its demands for an end to the attacks in exchange for the release of
/// prisoners": what one party offers, proposes or demands something in exchange for, it
/// demands. Only where one party offers, proposes or demands in the sentence.
fn read_in_exchange_for(sentence: &Sentence<'_>, reading: &mut SentenceReading) {
    let tokens = sentence.tokens;
    let Some(for_at) = tokens.windows(3).position(|words| {
        matches!(words, [in_, exchange, for_] if in_.is("in") && exchange.is("exchange") && for_.is("for"))
    }) else {
        return;
    };
    let bargains: Vec<RelationFound> = reading
        .relations
        .iter()
        .filter(|found| {
            matches!(
                found.relation,
                Relation::Offers | Relation::Proposes | Relation::Demands
            )
        })
        .cloned()
        .collect();
    let Some(first) = bargains.first() else {
        return;
    };
    if bargains.iter().any(|found| found.subject != first.subject) {
        return;
    }
    let Some((demanded, _)) = ends::objects_after(
        tokens,
        for_at + 2,
        Relation::Demands,
        sentence.kind_of,
        sentence.has_meeting,
    ) else {
        return;
    };
    for object in demanded {
        if bargains.iter().any(|found| found.object == object) {
            continue;
        }
        reading.add(RelationFound {
            object,
            relation: Relation::Demands,
            ..first.clone()
        });
    }
}

#[cfg(test)]
mod tests;
