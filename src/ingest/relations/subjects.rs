//! The subject of a relation word: the parties before its verb group — a list, titled
//! people, across an appositive, an adverbial or a relative pronoun, the parties a party
//! noun stands for, a speaker carried from earlier in the sentence — and the wish or
//! request that may govern it.

use super::super::dates::is_date_word;
use super::super::tokens::{Piece, Token};
use super::lists::list_ending_at;
use super::words::*;
use crate::model::Modality;

/// How a subject was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Found {
    /// Next to the verb group.
    Adjacent,
    /// Across an appositive or a relative pronoun, or in a list.
    Near,
    /// Carried over from earlier in the sentence.
    Carried,
}

/// A subject: its parties, the index of its first token, how it was found, and the
/// modality its frame imposes (a wish: hypothetical).
pub(super) struct Subject {
    pub(super) parties: Vec<usize>,
    pub(super) first: usize,
    pub(super) found: Found,
    pub(super) frame: Option<Modality>,
}

/// A subject found across a word or a comma: the list of parties ending at `last`.
fn near_list(tokens: &[Token], last: usize) -> Option<Subject> {
    let (parties, first) = list_ending_at(tokens, last)?;
    Some(Subject {
        parties,
        first,
        found: Found::Near,
        frame: None,
    })
}

/// The subject of the verb at `verb`, reading left over its verb group.
pub(super) fn subject_of(tokens: &[Token], verb: usize, carried: &[usize]) -> Option<Subject> {
    // "shook hands in Damascus to seal the agreement", "met in Doha to sign it": a
    // purpose after a place or a meeting's word has the clause's subject.
    let purpose = verb
        .checked_sub(1)
        .and_then(|at| tokens.get(at))
        .is_some_and(|t| t.is("to"))
        && verb
            .checked_sub(2)
            .and_then(|at| tokens.get(at))
            .is_some_and(|before| {
                matches!(before.piece, Piece::Place(_))
                    || before.is_any(&["hands", "met", "gathered"])
            });
    if purpose && let Some(carried) = carried_subject(carried, verb - 1) {
        return Some(carried);
    }
    let k = verb_group_start(tokens, verb);
    let mut at = k.checked_sub(1)?;
    // "A, B and C—collectively known as the alliance, which …—met": past the aside
    // between dashes.
    let dash = |t: &Token| matches!(t.piece, Piece::Punct('—' | '–'));
    if tokens.get(at).is_some_and(dash)
        && let Some(open) = (at.saturating_sub(40)..at)
            .rev()
            .find(|&i| tokens.get(i).is_some_and(dash))
    {
        at = open.checked_sub(1)?;
    }
    // "Marco Rubio, second left, meets with …": past a photo caption's position.
    if let Some(person) = (at.saturating_sub(4)..at)
        .rev()
        .find(|&i| super::lists::past_caption_position(tokens, i) == Some(at))
    {
        at = person;
    }
    let token = tokens.get(at)?;
    // "B to VERB" after a wish: "wants Qatar and Egypt to press Hamas"; "B will VERB"
    // after a hope: "diplomats hope the junta will sign".
    let wished = tokens
        .get(k)
        .is_some_and(|t| t.is_any(&["to", "will", "would"]))
        .then(|| wish_before(tokens, at))
        .flatten();
    if token.party().is_some() {
        // "with Hamas insisting on …": an absolute clause, whose party acts.
        let participle = tokens
            .get(verb)
            .and_then(Token::word)
            .is_some_and(|word| word.ends_with("ing"));
        return party_subject(tokens, at, wished, participle);
    }
    // "Mohamud, Abiy Ahmed, and their respective foreign ministers were gathered": the
    // parties before "and their".
    if let Some(list_end) = list_before_their_own(tokens, at) {
        return near_list(tokens, list_end);
    }
    // "The leaders also signed": a plural noun opening the sentence, which the reading
    // carried the sentence before's subject for.
    if super::plural_reference_at(tokens) == Some(at)
        && let Some(carried) = carried_subject(carried, at)
    {
        return Some(carried);
    }
    // "Egyptian and Qatari officials said", "the Qatari and Egyptian mediators".
    if token.is_any(PARTY_NOUNS) || token.is_any(MEDIATOR_NOUNS) {
        // "Armenia's top diplomats", "Egyptian senior officials".
        let mut before = at.checked_sub(1)?;
        loop {
            let token = tokens.get(before)?;
            if token.is_any(&[
                "top",
                "senior",
                "chief",
                "lead",
                "s",
                "rebel",
                "armed",
                "militant",
                "paramilitary",
                "guerrilla",
            ]) {
                before = before.checked_sub(1)?;
            } else if token.is("and") && index_is_bare_noun(tokens, before) {
                // "The South Sudanese government and rebels signed": the named party.
                before = before.checked_sub(1)?;
                break;
            } else if token.piece == Piece::Punct(')') {
                // "the National Liberation Army (ELN) rebel group".
                before = (before.saturating_sub(5)..before)
                    .rev()
                    .find(|&i| tokens.get(i).is_some_and(|t| t.piece == Piece::Punct('(')))?
                    .checked_sub(1)?;
            } else {
                break;
            }
        }
        return near_list(tokens, before).or_else(|| own_group_after_and(tokens, at));
    }
    // "Egypt, which hosted", "Burns, who arrived".
    if token.is_any(&["which", "who"]) {
        let mut before = at.checked_sub(1)?;
        if tokens.get(before)?.piece == Piece::Punct(',') {
            before = before.checked_sub(1)?;
        }
        return near_list(tokens, before);
    }
    if token.piece == Piece::Punct(',') {
        // "Hamas remains steadfast …, rejecting temporary arrangements": a participle
        // after a comma has the main clause's subject.
        let participle = tokens
            .get(verb)
            .and_then(Token::word)
            .is_some_and(|word| word.ends_with("ing"));
        if participle && let Some(main) = main_subject(tokens, carried) {
            return Some(main);
        }
        return subject_before_commas(tokens, at);
    }
    // "it", "they", or a second verb ("said it was ready but demanded"): the sentence's
    // speaker or last subject.
    if token.is_any(&["it", "they", "and", "but"]) {
        return carried_subject(carried, at);
    }
    own_group_after_and(tokens, at)
}

/// The parties carried from earlier (`carried`) as the subject read at `first`, where
/// any are carried.
fn carried_subject(carried: &[usize], first: usize) -> Option<Subject> {
    (!carried.is_empty()).then(|| Subject {
        parties: carried.to_vec(),
        first,
        found: Found::Carried,
        frame: None,
    })
}

/// Where the list of parties ends before "and their (respective) ministers" that ends at
/// `last`: the people of the parties named come along with them.
fn list_before_their_own(tokens: &[Token], last: usize) -> Option<usize> {
    let their = (last.saturating_sub(4)..last)
        .rev()
        .find(|&at| tokens.get(at).is_some_and(|t| t.is("their")))?;
    let words_only = tokens
        .get(their + 1..=last)?
        .iter()
        .all(|t| t.word().is_some());
    let and = their.checked_sub(1)?;
    if !words_only || !tokens.get(and)?.is("and") {
        return None;
    }
    let mut end = and.checked_sub(1)?;
    if tokens.get(end)?.piece == Piece::Punct(',') {
        end = end.checked_sub(1)?;
    }
    tokens.get(end)?.party().map(|_| end)
}

/// The subject of the sentence's main clause, for a participle clause: the last subject
/// read, or the parties the sentence opens with when a verb follows them.
fn main_subject(tokens: &[Token], carried: &[usize]) -> Option<Subject> {
    if let Some(carried) = carried_subject(carried, 0) {
        return Some(carried);
    }
    let first = usize::from(tokens.first()?.is("the"));
    tokens.get(first)?.party()?;
    let (parties, last) = super::lists::list_starting_at(tokens, first)?;
    let verb_follows = tokens
        .get(last + 1)
        .and_then(Token::word)
        .is_some_and(|word| !matches!(word, "s" | "and" | "or" | "of"));
    verb_follows.then_some(Subject {
        parties,
        first,
        found: Found::Carried,
        frame: None,
    })
}

/// Where the verb group of the verb at `verb` starts: left over auxiliaries, negations,
/// dates, brackets and dashes.
fn verb_group_start(tokens: &[Token], verb: usize) -> usize {
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
        // "Israeli and Qatari delegations — including … — arrived": past the dashes.
        if matches!(token.piece, Piece::Punct('—' | '–'))
            && let Some(open) = (k.saturating_sub(40)..k - 1)
                .rev()
                .find(|&i| tokens.get(i).is_some_and(|t| t.piece == token.piece))
        {
            k = open;
            continue;
        }
        // "Trump responded by urging Israel": the subject of the verb the gerund says how.
        if token.is("by")
            && tokens
                .get(verb)
                .and_then(Token::word)
                .is_some_and(|word| word.ends_with("ing"))
            && k.checked_sub(2)
                .and_then(|at| tokens.get(at))
                .is_some_and(|t| {
                    t.is_any(&["responded", "reacted", "replied", "countered", "retaliated"])
                })
        {
            k -= 2;
            continue;
        }
        // "Qatar yesterday, July 19, 2025, hosted": a date between commas.
        let date_comma = token.piece == Piece::Punct(',')
            && k.checked_sub(2)
                .and_then(|at| tokens.get(at))
                .and_then(Token::word)
                .is_some_and(is_date_word);
        let skippable = token.is_any(VERB_GROUP)
            || token.word().is_some_and(is_manner_adverb)
            || token.word().is_some_and(is_date_word)
            || date_comma
            || token.is_any(NEGATING)
            || token.is_any(CONDITIONAL)
            || token.is_any(FUTURE)
            || (token.is_any(CATENATIVE) && tokens.get(k).is_some_and(|next| next.is("to")))
            // "Kenya and Norway are said to be facilitating": reported, still theirs.
            || (token.is_any(REPORTED_PARTICIPLES)
                && tokens.get(k).is_some_and(|next| next.is("to"))
                && k.checked_sub(2)
                    .and_then(|at| tokens.get(at))
                    .is_some_and(|before| before.is_any(&["is", "are", "was", "were"])))
            || token.word().is_some_and(|w| w.ends_with("n't"));
        if skippable && skipped < 10 {
            k -= 1;
            skipped += 1;
        } else {
            break;
        }
    }
    k
}

/// Participles of report between a subject's "is" and its verb's "to": "are said to be
/// facilitating", "is believed to have proposed".
const REPORTED_PARTICIPLES: &[&str] = &["said", "reported", "believed", "understood", "thought"];

/// "Colombia's government and its largest remaining guerrilla group have agreed": a
/// group the text names only by a noun after "and its" (or "their") is unnamed; the
/// parties before it still act. `noun` is the group's noun.
fn own_group_after_and(tokens: &[Token], noun: usize) -> Option<Subject> {
    // "Ethiopia's federal government and a rebel group from the country's Oromia region
    // opened": a group named only by an indefinite noun phrase is unnamed too.
    if let Some(and) = (noun.saturating_sub(10)..noun).rev().find(|&at| {
        tokens.get(at).is_some_and(|t| t.is("and"))
            && tokens.get(at + 1).is_some_and(|t| t.is_any(&["a", "an"]))
    }) && tokens.get(and + 1..=noun).is_some_and(|group| {
        group
            .iter()
            .all(|t| t.word().is_some() || matches!(t.piece, Piece::Place(_)))
    }) && let Some(last) = and.checked_sub(1)
        && tokens.get(last).is_some_and(|t| t.party().is_some())
    {
        return near_list(tokens, last);
    }
    let its = (noun.saturating_sub(5)..noun)
        .rev()
        .find(|&at| tokens.get(at).is_some_and(|t| t.is_any(&["its", "their"])))?;
    let between_words = tokens
        .get(its + 1..noun)?
        .iter()
        .all(|t| t.word().is_some());
    let and = its.checked_sub(1)?;
    if !between_words || !tokens.get(and)?.is("and") {
        return None;
    }
    let last = and.checked_sub(1)?;
    tokens.get(last)?.party()?;
    near_list(tokens, last)
}

/// The parties ending at `at` as the subject (after a wish, with its frame); `None` when
/// a preposition governs them ("between Israel and Hamas to broker a deal").
fn party_subject(
    tokens: &[Token],
    at: usize,
    wished: Option<Modality>,
    participle: bool,
) -> Option<Subject> {
    let (parties, first) = list_ending_at(tokens, at)?;
    let absolute = participle
        && first
            .checked_sub(1)
            .and_then(|before| tokens.get(before))
            .is_some_and(|before| before.is("with"));
    // "between Israel and Hamas to broker a deal": a list after a preposition is no
    // subject.
    // "travelling to Egypt to lead": "to" before a party is a preposition.
    let governed = first
        .checked_sub(1)
        .and_then(|before| tokens.get(before))
        .is_some_and(|before| before.is_any(PREPOSITIONS) || before.is("to"));
    if governed && wished.is_none() && !absolute {
        return represented(tokens, first, parties.clone())
            .or_else(|| after_adverbial(tokens, first, at, &parties));
    }
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
    Some(Subject {
        parties,
        first,
        found,
        frame: None,
    })
}

/// "Under the mediation of Angola, the DRC and Rwanda reached": a list read left into an
/// opening phrase ends at the phrase's comma; the parties after it (the list from
/// `first` to `last`) are the subject.
fn after_adverbial(
    tokens: &[Token],
    first: usize,
    last: usize,
    parties: &[usize],
) -> Option<Subject> {
    let comma = first
        + tokens
            .get(first..last)?
            .iter()
            .position(|t| t.piece == Piece::Punct(','))?;
    let clause = tokens.get(comma + 1..=last)?;
    let parties: Vec<usize> = parties
        .iter()
        .copied()
        .filter(|&party| clause.iter().any(|t| t.party() == Some(party)))
        .collect();
    let found = match parties.len() {
        0 => return None,
        1 => Found::Adjacent,
        _ => Found::Near,
    };
    Some(Subject {
        parties,
        first: super::lists::past_the(tokens, comma + 1),
        found,
        frame: None,
    })
}

/// Whether the party noun after the "and" at `and` stands alone ("… and rebels
/// signed"), with no party of its own before it.
fn index_is_bare_noun(tokens: &[Token], and: usize) -> bool {
    // "… and armed groups".
    let noun = if tokens
        .get(and + 1)
        .is_some_and(|t| t.is_any(&["armed", "rebel", "militant", "opposition"]))
    {
        and + 2
    } else {
        and + 1
    };
    tokens.get(noun).is_some_and(|t| t.is_any(PARTY_NOUNS))
        && and
            .checked_sub(1)
            .and_then(|at| tokens.get(at))
            .is_some_and(|t| t.party().is_some())
}

/// "Representatives of Yemen's government and the Houthis kicked off talks", "the
/// Colombian government and the guerrillas of the ELN began": parties after "of", "from"
/// or "for" act through the party noun before it, with any parties listed before that.
fn represented(tokens: &[Token], first: usize, parties: Vec<usize>) -> Option<Subject> {
    let mut k = first.checked_sub(1)?;
    if tokens.get(k)?.is("the") {
        k = k.checked_sub(1)?;
    }
    if !tokens.get(k)?.is_any(&["of", "from", "for"]) {
        return None;
    }
    let noun = k.checked_sub(1)?;
    if !tokens.get(noun)?.is_any(PARTY_NOUNS) {
        return None;
    }
    let mut start = noun;
    while start > 0
        && tokens
            .get(start - 1)
            .is_some_and(|t| t.is_any(&["the", "top", "senior", "chief"]))
    {
        start -= 1;
    }
    let mut subject = Subject {
        parties,
        first: start,
        found: Found::Near,
        frame: None,
    };
    // "the Colombian government and the guerrillas of the ELN".
    if let Some(joiner) = start.checked_sub(1)
        && tokens
            .get(joiner)
            .is_some_and(|t| t.is("and") || t.piece == Piece::Punct(','))
        && let Some(before) = joiner.checked_sub(1)
        && tokens.get(before).is_some_and(|t| t.party().is_some())
        && let Some((earlier, far)) = list_ending_at(tokens, before)
    {
        let mut all = earlier;
        for party in subject.parties {
            if !all.contains(&party) {
                all.push(party);
            }
        }
        subject.parties = all;
        subject.first = far;
    }
    // "Talks between representatives of X and Y": a preposition before the noun
    // governs it too.
    let governed = subject
        .first
        .checked_sub(1)
        .and_then(|at| tokens.get(at))
        .is_some_and(|t| t.is_any(PREPOSITIONS) || t.is("to"));
    (!governed).then_some(subject)
}

/// The subject before a comma at `at`: past an adverbial ("Aliyev and Pashinyan, in the
/// presence of Donald Trump, signed"), a list ("Egypt, along with Qatar and the United
/// States, has been leading") or an appositive ("Hamas, the group that runs Gaza,
/// rejected").
fn subject_before_commas(tokens: &[Token], at: usize) -> Option<Subject> {
    // "Aliyev and Pashinyan, in the presence of Donald Trump, signed": an adverbial
    // between commas is passed over, whoever it names.
    if let Some(open) = (at.saturating_sub(10)..at)
        .rev()
        .find(|&i| tokens.get(i).is_some_and(|t| t.piece == Piece::Punct(',')))
        && tokens.get(open + 1).is_some_and(|t| {
            t.is_any(&[
                "in",
                "at",
                "under",
                "during",
                "after",
                "following",
                "amid",
                "despite",
                "on",
            ])
        })
        && let Some(before) = open.checked_sub(1)
        && tokens.get(before).is_some_and(|t| t.party().is_some())
    {
        return near_list(tokens, before);
    }
    // "Egypt, along with Qatar and the United States, has been leading efforts".
    // Not "Dermer, … a close confidant of Netanyahu, will join": the list must be the
    // whole phrase after its comma, or join several parties.
    if let Some(before) = at.checked_sub(1)
        && tokens.get(before).is_some_and(|t| t.party().is_some())
        && let Some(subject) = near_list(tokens, before)
        && (subject.parties.len() > 1
            || subject
                .first
                .checked_sub(1)
                .and_then(|at| tokens.get(at))
                .is_none_or(|t| t.piece == Piece::Punct(',') || t.is_hard_break()))
    {
        return Some(subject);
    }
    // "Hamas, the group that runs Gaza, rejected", "Ron Dermer, the head of Israel's
    // team, will join": one appositive between commas, naming parties only after "of".
    let open = (at.saturating_sub(16)..at)
        .rev()
        .find(|&i| tokens.get(i).is_some_and(|t| t.piece == Piece::Punct(',')))?;
    let before = open.checked_sub(1)?;
    let inside = tokens.get(open + 1..at)?;
    let plain = inside.iter().enumerate().all(|(i, t)| {
        t.word().is_some()
            || matches!(t.piece, Piece::Place(_))
            || (t.party().is_some() && {
                // "the Norwegian facilitator": a demonym qualifying the appositive's noun.
                let qualifies = i
                    .checked_sub(1)
                    .and_then(|at| inside.get(at))
                    .is_some_and(|previous| previous.is_any(&["the", "a", "an"]))
                    && inside.get(i + 1).is_some_and(|next| {
                        next.is_any(super::lists::TITLE_WORDS) || next.is_any(MEDIATOR_NOUNS)
                    });
                // "of the Israeli war cabinet": past one determiner.
                let mut previous = i.checked_sub(1);
                if previous
                    .and_then(|at| inside.get(at))
                    .is_some_and(|t| t.is("the"))
                {
                    previous = previous.and_then(|at| at.checked_sub(1));
                }
                qualifies
                    || previous
                        .and_then(|at| inside.get(at))
                        .is_some_and(|previous| previous.is_any(&["of", "to", "for"]))
            })
    });
    if tokens.get(before)?.party().is_some() && plain {
        return near_list(tokens, before);
    }
    None
}

/// Whether a wish, a request or an expectation governs the party list ending at `last`:
/// "wants B and C", "called on Qatar", "urged Israel" (hypothetical), "expect China"
/// (expected).
pub(super) fn wish_before(tokens: &[Token], last: usize) -> Option<Modality> {
    let (_, first) = list_ending_at(tokens, last)?;
    let mut k = first.checked_sub(1)?;
    if tokens.get(k)?.is_any(&["on", "the"]) {
        k = k.checked_sub(1)?;
    }
    // "it is up to Russia to accept".
    let up_to = tokens.get(k)?.is("to")
        && k.checked_sub(1)
            .and_then(|at| tokens.get(at))
            .is_some_and(|t| t.is("up"));
    // "Many expect China to mediate": what others expect of a party is expected.
    if tokens.get(k)?.is_any(&["expect", "expects"]) {
        return Some(Modality::Expected);
    }
    (up_to || tokens.get(k)?.is_any(WISHES)).then_some(Modality::Hypothetical)
}
