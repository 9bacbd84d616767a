//! Reading a relation at its cue word: the verb's subject and objects, active or
//! passive, with modality and confidence, and what the same sentence says of the
//! meeting (those who act after talks, those met).

use super::cue::cue_at;
use super::ends::{modality_of, objects_after};
use super::lists::{list_ending_at, list_starting_at, officials_of, past_the};
use super::passive::{by_at, leaders_of_delegations, passive, passive_between, passive_mediators};
use super::stances::demonstrative_object;
use super::subjects::{Found, Subject, subject_of};
use super::words::{OBJECT_LEAD, TALK_NOUNS};
use super::{
    CARRIED_CONFIDENCE, End, LOOSE_CONFIDENCE, RelationFound, STRICT_CONFIDENCE, Sentence,
    SentenceReading,
};
use crate::ingest::tokens::{Piece, Token};
use crate::model::{Modality, NodeKind, Relation};

/// Whether "until" opens the clause of the subject starting at token `first`, a few
/// words before it ("until Trump and Ukrainian President Volodymyr Zelensky meet"): what
/// it says is awaited.
fn awaited_meeting(tokens: &[Token], first: usize) -> bool {
    tokens
        .get(first.saturating_sub(6)..first)
        .unwrap_or(&[])
        .iter()
        .rev()
        .take_while(|t| t.piece != Piece::Punct(',') && !t.is_hard_break())
        .any(|t| t.is_any(&["until", "till"]))
}

/// A relation cue at `index`, read with its subject and objects: active or passive, its
/// modality and confidence; the parties of a mediating or hosting subject are mediators.
/// Returns the subject it read, whom a later "it" or "he" may stand for.
pub(super) fn read_relation(
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
    // Not "agreed to by Hamas", a passive.
    if tokens.get(index + 1).is_some_and(|t| t.is("to"))
        && tokens.get(index + 2).is_some_and(|t| {
            t.word()
                .is_some_and(|w| !OBJECT_LEAD.contains(&w) && w != "by")
        })
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
    let by = by_at(tokens, index).is_some();
    if read_passive(sentence, index, relation, reading) {
        return None;
    }
    if read_thanked_for_hosting(sentence, index, relation, reading) {
        return None;
    }
    // A passive whose ends the rules cannot read is no active sentence either.
    if by {
        return None;
    }
    let subject = subject_of(tokens, index, carried)?;
    let modality = modality_of(tokens, subject.first, index, subject.frame);
    // "As Iran refuses to hold direct talks with the US, Mora will shuttle": refusing
    // talks face to face says nothing of the talks held otherwise.
    if relation == Relation::Attends
        && modality == Modality::Negated
        && tokens
            .get(index + 1..(index + 4).min(tokens.len()))
            .is_some_and(|after| after.iter().any(|t| t.is_any(&["direct", "face-to-face"])))
    {
        return None;
    }
    if announces_a_deal_of_others(tokens, index, relation, &subject.parties) {
        return None;
    }
    // "no agreement until Trump and Zelensky meet directly": a meeting awaited in an
    // "until" clause is none of the sentence's talks.
    if relation == Relation::Attends && awaited_meeting(tokens, subject.first) {
        return None;
    }
    read_acting_at_meeting(
        sentence, index, token, relation, &subject, modality, reading,
    );
    // "refused all proposals that do not include the withdrawal": what every refused
    // deal lacks is demanded; no one deal is rejected.
    if relation == Relation::Rejects
        && let Some(lacking) = lacked_by_every_refused(tokens, index)
    {
        let demanded = objects_after(tokens, lacking, Relation::Demands, kind_of, has_meeting);
        for &party in &subject.parties {
            for &object in demanded.iter().flat_map(|(objects, _)| objects) {
                reading.relate(party, Relation::Demands, object, modality, attributed_to);
            }
        }
        return Some(subject);
    }
    let (objects, skipped) = match objects_after(tokens, index, relation, kind_of, has_meeting) {
        Some(found) => found,
        None => match relative_object(tokens, subject.first, relation, kind_of) {
            // "the draft agreement that the EU had presented".
            Some(object) => (vec![object], 2),
            // "Netanyahu opposes this": the thing named before.
            None => (
                vec![demonstrative_object(tokens, index, relation, kind_of)?],
                2,
            ),
        },
    };
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
            reading.add_mediator(party);
        }
    }
    read_after_talks(sentence, index, relation, &subject, modality, reading);
    read_met_with(sentence, index, token, relation, modality, reading);
    read_signed_with(
        sentence, index, token, relation, &objects, modality, reading,
    );
    Some(subject)
}

/// "rejected any deal that does not include a permanent ceasefire", "refused all
/// proposals that do not include the withdrawal": where the refusal at `verb` is of
/// every deal that lacks something, the index of the verb of lacking ("include"), after
/// which the thing demanded is named.
fn lacked_by_every_refused(tokens: &[Token], verb: usize) -> Option<usize> {
    let mut k = verb + 1;
    if !tokens.get(k)?.is_any(&["any", "all", "every"]) {
        return None;
    }
    k += 1;
    // "any deal", "all proposals", "any agreement or proposal": up to three words.
    let pronoun =
        (k..k + 4).find(|&at| tokens.get(at).is_some_and(|t| t.is_any(&["that", "which"])))?;
    let mut at = pronoun + 1;
    if !tokens.get(at)?.is_any(&["do", "does", "did", "would"]) {
        return None;
    }
    at += 1;
    if !tokens.get(at)?.is("not") {
        return None;
    }
    at += 1;
    tokens
        .get(at)?
        .is_any(&[
            "include",
            "includes",
            "guarantee",
            "ensure",
            "contain",
            "provide",
            "secure",
        ])
        .then_some(at)
}

/// "the draft agreement that the EU had presented": the thing a relative clause, whose
/// subject starts at `first`, says its verb of.
fn relative_object(
    tokens: &[Token],
    first: usize,
    relation: Relation,
    kind_of: &dyn Fn(usize) -> Option<NodeKind>,
) -> Option<End> {
    let mut pronoun = first.checked_sub(1)?;
    if tokens.get(pronoun)?.is("the") {
        pronoun = pronoun.checked_sub(1)?;
    }
    if !tokens.get(pronoun)?.is_any(&["that", "which"]) {
        return None;
    }
    let thing = tokens.get(pronoun.checked_sub(1)?)?.thing()?;
    kind_of(thing)
        .is_some_and(|kind| super::fits(relation, kind))
        .then_some(End::Entity(thing))
}

/// "thank Iraq and Oman for hosting several rounds of dialogue", "grateful to Norway for
/// facilitating the talks": those thanked for it are mediators. The talks thanked for are
/// often not the sentence's meeting ("the talks held between the two sides in 2021 and
/// 2022"), so they are related to none. True when it read them.
fn read_thanked_for_hosting(
    sentence: &Sentence<'_>,
    index: usize,
    relation: Relation,
    reading: &mut SentenceReading,
) -> bool {
    let tokens = sentence.tokens;
    let after_for = index
        .checked_sub(1)
        .and_then(|at| tokens.get(at))
        .is_some_and(|t| t.is("for"));
    let of_talks = tokens
        .get(index + 1..(index + 7).min(tokens.len()))
        .is_some_and(|next| next.iter().any(|t| t.is_any(TALK_NOUNS) || t.is("rounds")));
    if !matches!(relation, Relation::Hosts | Relation::Mediates) || !after_for || !of_talks {
        return false;
    }
    let Some((parties, _)) = index
        .checked_sub(2)
        .and_then(|last| list_ending_at(tokens, last))
    else {
        return false;
    };
    for &party in &parties {
        reading.add_mediator(party);
    }
    true
}

/// "Santos signed a peace treaty two years earlier with the FARC", "agreed a truce with
/// Hamas": those the subject signed or agreed it with accept it too.
fn read_signed_with(
    sentence: &Sentence<'_>,
    index: usize,
    token: &Token,
    relation: Relation,
    objects: &[End],
    modality: Modality,
    reading: &mut SentenceReading,
) {
    let tokens = sentence.tokens;
    let signing = token.is_any(crate::ingest::cues::SIGNING)
        || token.is_any(&["agreed", "reached", "struck", "concluded"]);
    if relation != Relation::Accepts || !signing {
        return;
    }
    let [End::Entity(thing)] = objects else {
        return;
    };
    let Some(thing_at) = (index + 1..(index + 6).min(tokens.len()))
        .find(|&at| tokens.get(at).and_then(Token::thing) == Some(*thing))
    else {
        return;
    };
    // Past where it was signed ("an agreement in Beijing with"): the partners were there
    // too.
    let mut k = thing_at + 1;
    let placed = tokens.get(k).is_some_and(|t| t.is_any(&["in", "at"]))
        && tokens
            .get(k + 1)
            .is_some_and(|t| matches!(t.piece, Piece::Place(_)));
    if placed {
        k += 2;
    }
    // Past when it was signed: "two years earlier", "on Friday", "last year".
    let dated_from = k;
    while k < dated_from + 4
        && tokens.get(k).is_some_and(|t| {
            t.word().is_some_and(|word| {
                crate::ingest::dates::is_date_word(word)
                    || matches!(word, "earlier" | "later" | "ago" | "last" | "this" | "on")
                    || word.chars().all(|c| c.is_ascii_digit())
                    || matches!(word, "two" | "three" | "four" | "five" | "years" | "months")
            })
        })
    {
        k += 1;
    }
    if !tokens.get(k).is_some_and(|t| t.is("with")) {
        return;
    }
    let mut first = past_the(tokens, k + 1);
    // "with other Palestinian organisations including rivals Fatah": the partners the
    // group includes.
    if let Some(including) = (first..(first + 4).min(tokens.len()))
        .take_while(|&at| {
            tokens
                .get(at)
                .is_some_and(|t| t.word().is_some() && t.party().is_none())
        })
        .find(|&at| tokens.get(at).is_some_and(|t| t.is("including")))
    {
        first = including + 1;
        if tokens
            .get(first)
            .is_some_and(|t| t.is_any(&["rivals", "rival"]))
        {
            first += 1;
        }
    }
    // "the larger Marxist Revolutionary Armed Forces": a few words before the party.
    let Some(first) = (first..(first + 3).min(tokens.len()))
        .find(|&at| tokens.get(at).is_some_and(|t| t.party().is_some()))
        .filter(|&at| {
            tokens.get(first..at).is_some_and(|between| {
                // Not "with the help of Qatar": whose help is no partner.
                between
                    .iter()
                    .all(|t| t.word().is_some() && !t.is_any(&["of", "from", "by"]))
            })
        })
    else {
        return;
    };
    let Some((partners, _)) = list_starting_at(tokens, first) else {
        return;
    };
    for &partner in &partners {
        reading.relate(
            partner,
            Relation::Accepts,
            End::Entity(*thing),
            modality,
            &sentence.attributed_to,
        );
    }
    if placed && sentence.has_meeting {
        reading.attending(partners, modality, &sentence.attributed_to);
    }
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
                reading.add_mediator(party);
            }
        }
        for subject in subjects {
            if kind_of(subject)
                .is_some_and(|kind| matches!(kind, NodeKind::Actor | NodeKind::Mediator))
            {
                reading.relate(subject, relation, object, modality, attributed_to);
            }
        }
        return true;
    }
    if relation == Relation::Leads
        && has_meeting
        && let Some(leaders) = leaders_of_delegations(tokens, index)
    {
        reading.attending(leaders, Modality::Asserted, attributed_to);
        return true;
    }
    if let Some((parties, thing, modality, placed)) =
        passive_between(tokens, index, relation, kind_of)
    {
        // "The declaration signed in Doha between A and B": they signed it there.
        if placed && has_meeting {
            reading.attending(parties.clone(), modality, attributed_to);
        }
        for party in parties {
            reading.relate(party, relation, End::Entity(thing), modality, attributed_to);
        }
        return true;
    }
    if relation == Relation::Mediates
        && let Some(agents) = passive_mediators(tokens, index)
    {
        reading.mediating(
            &agents,
            sentence.has_meeting,
            Modality::Asserted,
            attributed_to,
        );
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
        reading.attending(subject.parties.iter().copied(), modality, attributed_to);
    }
}

/// "Russia and Ukraine signed a deal in Istanbul", "finalized the agreement in a joint
/// ceremony", "agreed in Caracas to ratify": who signs at the meeting, or acts right
/// "in" its place, takes part in it.
fn read_acting_at_meeting(
    sentence: &Sentence<'_>,
    index: usize,
    token: &Token,
    relation: Relation,
    subject: &Subject,
    modality: Modality,
    reading: &mut SentenceReading,
) {
    let tokens = sentence.tokens;
    // "Hamas announced it had signed an agreement in Beijing": a speaker's "it" or
    // "they" is the speaker, sure enough; a verb after "and" may have another subject.
    let pronoun = tokens
        .get(subject.first)
        .is_some_and(|t| t.is_any(&["it", "they"]));
    if !sentence.has_meeting
        || relation == Relation::Attends
        || (subject.found == Found::Carried && !pronoun)
        || !matches!(modality, Modality::Asserted | Modality::Expected)
    {
        return;
    }
    let clause = tokens
        .iter()
        .skip(index + 1)
        .take_while(|t| !t.is_hard_break() && t.piece != Piece::Punct(','))
        .take(25);
    let signing = token.is_any(crate::ingest::cues::SIGNING)
        || relation == Relation::Accepts && token.is_any(&["reached", "reach", "reaches"]);
    let signed_there = signing
        && clause
            .clone()
            .any(|t| matches!(t.piece, Piece::Place(_)) || t.is_any(&["ceremony", "summit"]));
    // "agreed in Caracas", "agreed in the Qatari capital, Doha".
    let acted_there = tokens
        .get(index + 1)
        .is_some_and(|t| t.is_any(&["in", "at"]))
        && clause.take(4).any(|t| matches!(t.piece, Piece::Place(_)));
    // "agreed to a six-month ceasefire at talks in Cuba".
    let clause: Vec<&Token> = tokens
        .iter()
        .skip(index + 1)
        .take_while(|t| !t.is_hard_break() && t.piece != Piece::Punct(','))
        .take(25)
        .collect();
    let at_talks = clause.windows(3).any(|window| {
        window.first().is_some_and(|t| t.is_any(&["at", "during"]))
            && window.iter().skip(1).any(|t| t.is_any(TALK_NOUNS))
    });
    if signed_there || acted_there || at_talks {
        reading.attending(
            subject.parties.iter().copied(),
            modality,
            &sentence.attributed_to,
        );
    }
}

/// "Burns met with Qatar's prime minister in Doha", "held a meeting with Mora": those
/// met attend too; so do those "alongside" whom the subject met ("met at the airport in
/// Kingstown alongside representatives from CARICOM, Brazil and the United Nations").
fn read_met_with(
    sentence: &Sentence<'_>,
    index: usize,
    token: &Token,
    relation: Relation,
    modality: Modality,
    reading: &mut SentenceReading,
) {
    let tokens = sentence.tokens;
    // "Wang Yi, who hosted senior Hamas official Musa Abu Marzuk, Fatah envoy Mahmud
    // al-Aloul and …": those hosted are at the talks.
    if relation == Relation::Hosts
        && sentence.has_meeting
        && token.is_any(&["hosted", "hosts", "hosting"])
    {
        let mut first = past_the(tokens, index + 1);
        if tokens
            .get(first)
            .is_some_and(|t| t.is_any(&["senior", "top"]))
        {
            first += 1;
        }
        let hosted = super::memberships::members_listed(tokens, first);
        reading.attending(hosted, modality, &sentence.attributed_to);
        return;
    }
    if relation != Relation::Attends || !sentence.has_meeting {
        return;
    }
    let mut met: Vec<usize> = Vec::new();
    // "held an eight-hour meeting with": one word may qualify the meeting.
    let held_meeting = |at: usize| {
        tokens
            .get(at)
            .is_some_and(|t| t.is_any(&["meeting", "talks"]))
            .then_some(at + 1)
    };
    let with_at = if token.is_any(&["met", "meet", "meets", "meeting"]) {
        // "will meet this weekend in Geneva with …": when and where may come first.
        let later_with = (index + 1..(index + 8).min(tokens.len()))
            .take_while(|&at| {
                tokens.get(at).is_some_and(|t| {
                    t.party().is_none() && !t.is_hard_break() && t.piece != Piece::Punct(',')
                })
            })
            .find(|&at| tokens.get(at).is_some_and(|t| t.is("with")));
        Some(later_with.unwrap_or(index + 1))
    } else if token.is_any(&["held", "hold", "holds", "holding"])
        && tokens
            .get(index + 1)
            .is_some_and(|t| t.is_any(&["a", "an"]))
    {
        held_meeting(index + 2).or_else(|| held_meeting(index + 3))
    } else {
        None
    };
    if let Some(at) = with_at {
        let first = if tokens.get(at).is_some_and(|t| t.is("with")) {
            at + 1
        } else {
            at
        };
        let first = past_the(tokens, first);
        // "meeting with foreign ministers from Algeria, Morocco and Mauritania".
        let first = officials_of(tokens, first).unwrap_or(first);
        // "met with Foreign Minister Wang Yi": past a title no party opens.
        met.extend(super::memberships::members_listed(tokens, first));
    }
    if let Some(alongside) = tokens
        .iter()
        .skip(index + 1)
        .take_while(|t| !t.is_hard_break())
        .position(|t| t.is_any(&["alongside"]))
    {
        let first = past_the(tokens, index + 2 + alongside);
        let first = officials_of(tokens, first).unwrap_or(first);
        met.extend(list_starting_at(tokens, first).map_or_else(Vec::new, |(parties, _)| parties));
    }
    reading.attending(met, modality, &sentence.attributed_to);
}

/// "The Qatari Foreign Ministry announced a ceasefire agreement between Afghanistan and
/// Pakistan": who announces a deal between others is no side to it (those who announce
/// their own deal accept it: "Tehran and Riyadh announced an agreement").
fn announces_a_deal_of_others(
    tokens: &[Token],
    verb: usize,
    relation: Relation,
    subjects: &[usize],
) -> bool {
    if relation != Relation::Accepts
        || !tokens
            .get(verb)
            .is_some_and(|t| t.is_any(&["announced", "announce", "announces"]))
    {
        return false;
    }
    let Some(between) = (verb + 1..(verb + 8).min(tokens.len()))
        .find(|&at| tokens.get(at).is_some_and(|t| t.is("between")))
    else {
        return false;
    };
    let sides: Vec<usize> = tokens
        .get(between + 1..(between + 8).min(tokens.len()))
        .unwrap_or_default()
        .iter()
        .filter_map(Token::party)
        .collect();
    !subjects.iter().any(|subject| sides.contains(subject))
}
