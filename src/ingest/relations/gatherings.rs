//! Who takes part in talks without a verb of meeting: speakers at the talks, those
//! invited to them, observers.

use super::ends::modality_of;
use super::lists::{list_ending_at, list_starting_at, officials_of, past_the};
use super::subjects::{Subject, subject_of};
use super::words::TALK_NOUNS;
use super::{Sentence, SentenceReading};
use crate::ingest::tokens::{Piece, Token, before};
use crate::model::Modality;

/// "Beltrán said at the ceremony", "Petro said during Friday's signing": who speaks at
/// the talks takes part in them.
pub(super) fn read_spoke_at(
    sentence: &Sentence<'_>,
    index: usize,
    subject: &Subject,
    reading: &mut SentenceReading,
) {
    let tokens = sentence.tokens;
    if !sentence.has_meeting
        || !tokens
            .get(index + 1)
            .is_some_and(|t| t.is_any(&["at", "during"]))
    {
        return;
    }
    let talks = tokens
        .get(index + 2..(index + 5).min(tokens.len()))
        .is_some_and(|after| {
            after
                .iter()
                .take_while(|t| t.word().is_some() || matches!(t.piece, Piece::Place(_)))
                .any(|t| t.is_any(TALK_NOUNS))
        });
    if !talks {
        return;
    }
    let modality = modality_of(tokens, subject.first, index, subject.frame);
    reading.attending(
        subject.parties.iter().copied(),
        modality,
        &sentence.attributed_to,
    );
}

/// Whether talks are named within a few words from `from`: "to peace talks", "at the
/// talks", "status at the talks".
fn talks_within(tokens: &[Token], from: usize, reach: usize) -> bool {
    tokens
        .get(from..(from + reach).min(tokens.len()))
        .is_some_and(|after| {
            after
                .iter()
                .take_while(|t| t.word().is_some() || matches!(t.piece, Piece::Place(_)))
                .any(|t| t.is_any(TALK_NOUNS))
        })
}

/// "The African Union has invited Ethiopia's government and Tigray forces to peace talks
/// in South Africa": those invited are expected at the talks. True when it read them.
pub(super) fn read_invited(
    sentence: &Sentence<'_>,
    index: usize,
    token: &Token,
    reading: &mut SentenceReading,
) -> bool {
    let tokens = sentence.tokens;
    if !sentence.has_meeting || !token.is_any(&["invited", "invites", "invite", "inviting"]) {
        return false;
    }
    let first = past_the(tokens, index + 1);
    let Some((invited, last)) = list_starting_at(tokens, first) else {
        return false;
    };
    if !tokens.get(last + 1).is_some_and(|t| t.is("to")) || !talks_within(tokens, last + 2, 4) {
        return false;
    }
    // "had not invited": no one is expected.
    let modality = if tokens
        .get(index.saturating_sub(3)..index)
        .is_some_and(|before| before.iter().any(|t| t.is_any(&["not", "never"])))
    {
        Modality::Negated
    } else {
        Modality::Expected
    };
    reading.attending(invited, modality, &sentence.attributed_to);
    true
}

/// "The UN and the US had observer status at the talks", "Norway and Cuba were observers
/// at the talks": observers take part. True when it read them.
pub(super) fn read_observers(
    sentence: &Sentence<'_>,
    index: usize,
    token: &Token,
    carried: &[usize],
    reading: &mut SentenceReading,
) -> bool {
    let tokens = sentence.tokens;
    if !sentence.has_meeting || !token.is_any(&["observer", "observers"]) {
        return false;
    }
    let Some(verb) = index.checked_sub(1) else {
        return false;
    };
    if !tokens
        .get(verb)
        .is_some_and(|t| t.is_any(&["had", "has", "have", "were", "was", "are", "is"]))
        || !talks_within(tokens, index + 1, 4)
    {
        return false;
    }
    let Some(subject) = subject_of(tokens, verb, carried) else {
        return false;
    };
    let modality = modality_of(tokens, subject.first, verb, subject.frame);
    reading.attending(
        subject.parties.iter().copied(),
        modality,
        &sentence.attributed_to,
    );
    true
}

/// "Erdogan brought together Somalia's President Hassan Sheikh Mohamud and Ethiopian
/// Prime Minister Abiy Ahmed", "the meeting brought together …": those brought together
/// take part in the talks; a party that brings them together mediates. True when it read
/// them.
pub(super) fn read_brought_together(
    sentence: &Sentence<'_>,
    index: usize,
    token: &Token,
    carried: &[usize],
    reading: &mut SentenceReading,
) -> bool {
    let tokens = sentence.tokens;
    if !sentence.has_meeting
        || !token.is_any(&["brought", "brings", "bring", "bringing"])
        || !tokens.get(index + 1).is_some_and(|t| t.is("together"))
    {
        return false;
    }
    let first = past_the(tokens, index + 2);
    // "brought together national security advisers from the UK, …": whom they stand for.
    let first = officials_of(tokens, first).unwrap_or(first);
    let Some((parties, _)) = list_starting_at(tokens, first) else {
        return false;
    };
    let subject = subject_of(tokens, index, carried);
    let modality = match &subject {
        Some(subject) => modality_of(tokens, subject.first, index, subject.frame),
        None => modality_of(tokens, index.saturating_sub(3), index, None),
    };
    reading.attending(parties, modality, &sentence.attributed_to);
    if let Some(subject) = subject
        && modality == Modality::Asserted
    {
        reading.mediating(
            &subject.parties,
            true,
            Modality::Asserted,
            &sentence.attributed_to,
        );
    }
    true
}

/// "At the invitation of Turkish President Recep Tayyip Erdogan, …", "at Qatar's
/// invitation": who invites the parties to the talks hosts them. True when it read one.
pub(super) fn read_invitation_of(
    sentence: &Sentence<'_>,
    index: usize,
    token: &Token,
    reading: &mut SentenceReading,
) -> bool {
    let tokens = sentence.tokens;
    if !sentence.has_meeting || !token.is("invitation") {
        return false;
    }
    let at_the = index
        .checked_sub(2)
        .and_then(|at| tokens.get(at..index))
        .is_some_and(
            |before| matches!(before, [at, the] if at.is_any(&["at", "upon"]) && the.is("the")),
        );
    let hosts = if at_the && tokens.get(index + 1).is_some_and(|t| t.is("of")) {
        let first = past_the(tokens, index + 2);
        // Only the first element: the parties after its comma are the main clause's.
        list_starting_at(tokens, first).and_then(|(parties, _)| parties.first().map(|&p| vec![p]))
    } else {
        // "at Qatar's invitation".
        let possessive = index.checked_sub(1).and_then(|at| tokens.get(at));
        let party = index.checked_sub(2).and_then(|at| tokens.get(at));
        let at = index.checked_sub(3).and_then(|at| tokens.get(at));
        match (at, party.and_then(Token::party), possessive) {
            (Some(at), Some(party), Some(s)) if at.is_any(&["at", "upon"]) && s.is("s") => {
                Some(vec![party])
            }
            _ => None,
        }
    };
    let Some(hosts) = hosts else {
        return false;
    };
    for host in hosts {
        reading.add_mediator(host);
        reading.add(super::meeting_relation(
            host,
            crate::model::Relation::Hosts,
            Modality::Asserted,
            &sentence.attributed_to,
        ));
    }
    true
}

/// "The Geneva discussions involve Abkhazia, Georgia, Russia …", "the talks involve
/// participants from Georgia, Russia and the United States", "speakers at the ceremony
/// included …": those talks involve take part in them. True when it read them.
pub(super) fn read_involve(
    sentence: &Sentence<'_>,
    index: usize,
    token: &Token,
    reading: &mut SentenceReading,
) -> bool {
    let tokens = sentence.tokens;
    let involve = token.is_any(&["involve", "involves", "involved"]);
    // "Key speakers at the opening ceremony in Doha included …": those a meeting's
    // speakers or participants include take part.
    let include = token.is_any(&["include", "includes", "included"])
        && tokens.get(..index).is_some_and(|before| {
            before.iter().any(|t| {
                t.is_any(&[
                    "speakers",
                    "participants",
                    "attendees",
                    "delegates",
                    "delegations",
                ])
            })
        });
    if !sentence.has_meeting || !(involve || include) {
        return false;
    }
    let talks_before = include
        || tokens
            .get(index.saturating_sub(3)..index)
            .is_some_and(|before| before.iter().any(|t| t.is_any(TALK_NOUNS)));
    let first = index + 1;
    let officials = super::lists::officials_of(tokens, first);
    if !talks_before && officials.is_none() {
        return false;
    }
    let Some((parties, _)) = list_starting_at(tokens, officials.unwrap_or(first)) else {
        return false;
    };
    let ahead = tokens
        .get(index.saturating_sub(2)..index)
        .is_some_and(|before| before.iter().any(|t| t.is_any(super::words::FUTURE)));
    let modality = if ahead {
        Modality::Expected
    } else {
        Modality::Asserted
    };
    reading.attending(parties, modality, &sentence.attributed_to);
    true
}

/// "X and Y were also in attendance", "Also attending the meeting were X and Y", "Al
/// Shibani represented Damascus at the meeting": those named take part in the sentence's
/// talks. True when it read one.
pub(super) fn read_in_attendance(
    sentence: &Sentence<'_>,
    index: usize,
    token: &Token,
    reading: &mut SentenceReading,
) -> bool {
    let tokens = sentence.tokens;
    if !sentence.has_meeting {
        return false;
    }
    let parties =
        if token.is("attendance") && before(tokens, index, 1).is_some_and(|t| t.is("in")) {
            // Back over "were also in" to the list.
            let mut k = index - 1;
            while let Some(previous) = k.checked_sub(1)
                && tokens
                    .get(previous)
                    .is_some_and(|t| t.is_any(&["also", "all", "both", "were", "was"]))
            {
                k = previous;
            }
            k.checked_sub(1)
                .and_then(|last| list_ending_at(tokens, last))
                .map(|(parties, _)| parties)
        } else if token.is("attending")
            && tokens.get(index + 1).is_some_and(|t| t.is("the"))
            && tokens.get(index + 2).is_some_and(|t| t.is_any(TALK_NOUNS))
            && tokens
                .get(index + 3)
                .is_some_and(|t| t.is_any(&["were", "was"]))
        {
            list_starting_at(tokens, index + 4).map(|(parties, _)| parties)
        } else if token.is_any(&["included", "include", "includes"])
        // "Attendees included …", "the U.S. participants in the consultations included …".
        && (1..=6).any(|back| {
            before(tokens, index, back)
                .is_some_and(|t| t.is_any(&["participants", "attendees", "delegates"]))
        }) {
            let mut first = index + 1;
            while tokens
                .get(first)
                .is_some_and(|t| t.word().is_some() && t.is_any(super::lists::TITLE_WORDS))
            {
                first += 1;
            }
            list_starting_at(tokens, first).map(|(parties, _)| parties)
        } else if token.is("represented")
        // A capital stands for its state: "represented Damascus at the meeting".
        && tokens
            .get(index + 1)
            .is_some_and(|t| t.party().is_some() || matches!(t.piece, Piece::Place(_)))
        && tokens.get(index + 2).is_some_and(|t| t.is_any(&["at", "in"]))
        && talks_within(tokens, index + 3, 3)
        {
            subject_of(tokens, index, &[]).map(|subject| subject.parties)
        } else {
            None
        };
    let Some(parties) = parties else {
        return false;
    };
    reading.attending(parties, Modality::Asserted, &sentence.attributed_to);
    true
}
