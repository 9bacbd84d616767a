//! Lists of parties as the relation rules read them: "Egypt, Qatar and the United
//! States", "Egypt, along with Qatar", titled people ("Armenian Prime Minister Nikol
//! Pashinyan"), and parties glued to participles ("Iran-backed Houthis").

use super::super::tokens::{Piece, Token};
use crate::model::Relation;

mod titled;

use titled::{
    HONORIFICS, office_of_party_then_person, past_apposed_title, past_possessive_office, titled,
};
pub(crate) use titled::{TITLE_WORDS, past_caption_position};

/// Words that join the parties of a list: "and", "or", "along with", "as well as",
/// "together with" (and "the", which joins nothing on its own).
const LIST_JOINERS: &[&str] = &[
    "and", "or", "plus", "the", "with", "along", "together", "as", "well",
];

/// The parties of a list that starts (reading right, `step` 1) or ends (reading left,
/// `step` -1) at token `from`: "Egypt, Qatar and the United States", "Egypt, along with
/// Qatar". Returns the parties in the order read and the index of the list's far end.
fn party_list(tokens: &[Token], from: usize, step: isize) -> Option<(Vec<usize>, usize)> {
    let (first, mut end) = if step > 0 {
        titled(tokens, from, step).or_else(|| office_of_party_then_person(tokens, from))?
    } else {
        titled(tokens, from, step)?
    };
    let mut parties = vec![first];
    loop {
        // Reading right, the party's noun is part of its element: "a top Polisario envoy
        // and …".
        if step > 0 {
            end = past_party_nouns(tokens, end);
        }
        let Some(mut k) = end.checked_add_signed(step) else {
            break;
        };
        // A photo caption's position after a person: "Steve Witkoff, left, Sergei
        // Lavrov, right, and …".
        if step > 0
            && let Some(after) = past_caption_position(tokens, end)
        {
            k = after;
        }
        // "…, and Téte António, Angolan Minister of Foreign Affairs.": a title that runs
        // to the list's end ends it.
        if step > 0 {
            match past_apposed_title(tokens, end) {
                Some(Some(after)) => k = after,
                Some(None) => break,
                None => {}
            }
        }
        // "Yemen's government and Iran-backed Houthis": a party glued to a participle
        // only qualifies the next element.
        if step < 0
            && let (Some(participle), Some(party_at)) = (tokens.get(k), k.checked_sub(1))
            && participle.is_any(COMPOUND_PARTICIPLES)
            && tokens
                .get(party_at)
                .is_some_and(|party| party.party().is_some() && glued(party, participle))
            && let Some(before) = party_at.checked_sub(1)
        {
            k = before;
        }
        // "Russia, Ukraine and the European security watchdog OSCE": a description
        // between "the" and the party joins nothing.
        if step < 0
            && let Some(the) = description_before(tokens, k)
        {
            k = the;
        }
        // Reading left, a title before the person just read: "Saudi Foreign Minister
        // Faisal … and National Security Advisor Musaid …".
        if step < 0 {
            let mut titles = 0;
            while titles < 4
                && tokens
                    .get(k)
                    .is_some_and(|t| t.is_any(TITLE_WORDS) && !t.is("of"))
                && let Some(before) = k.checked_sub(1)
            {
                k = before;
                titles += 1;
            }
            // "Rahmon and his Kyrgyz counterpart Japarov": a possessive after "and"
            // joins nothing.
            if tokens
                .get(k)
                .is_some_and(|t| t.is_any(&["his", "her", "their", "its"]))
                && let Some(before) = k.checked_sub(1)
                && tokens.get(before).is_some_and(|t| t.is("and"))
            {
                k = before;
            }
        }
        let mut connected = false;
        let mut and = false;
        while let Some(token) = tokens.get(k) {
            // "… and His Excellency Nicolas Maduro": an honorific joins nothing.
            let honorific = token.is_any(HONORIFICS);
            if !(token.is_any(LIST_JOINERS) || token.piece == Piece::Punct(',') || honorific) {
                break;
            }
            connected |= !token.is("the") && !honorific;
            and |= token.is_any(&["and", "plus"]);
            match k.checked_add_signed(step) {
                Some(next) => k = next,
                None => return Some((parties, end)),
            }
        }
        // Reading right, a title before the next person: "Mikhail Galuzin, Deputy
        // Defense Minister Alexander Fomin" (not "Dermer, the head of Israel").
        let after_the = k
            .checked_sub(1)
            .and_then(|at| tokens.get(at))
            .is_some_and(|t| t.is("the"));
        // "… and the foreign ministers of Morocco, Algeria and Mauritania": after "and",
        // whom the officials stand for (after a comma, "Dermer, the head of Israel", the
        // office is Dermer's).
        // "Yermak, national security advisers from the UK, France and Germany": officers
        // in the plural after a comma are no one's apposition.
        let plural_office = tokens.get(k..).is_some_and(|rest| {
            rest.iter()
                .take(4)
                .take_while(|t| !t.is_any(&["of", "from"]))
                .any(|t| {
                    t.word().is_some_and(|w| {
                        w.len() > 3
                            && w.strip_suffix('s')
                                .is_some_and(|one| TITLE_WORDS.contains(&one))
                    })
                })
        });
        if step > 0
            && (and || plural_office)
            && let Some(after_of) = officials_of(tokens, k)
        {
            k = after_of;
        } else if step > 0 && connected && !after_the {
            // "…, and hostages coordinator Gal Hirsch": a field's word before the title,
            // after a comma (not "Witkoff and included President …").
            let after_comma = (1..=2).any(|back| {
                k.checked_sub(back)
                    .and_then(|at| tokens.get(at))
                    .is_some_and(|t| t.piece == Piece::Punct(','))
            });
            if after_comma
                && tokens.get(k).is_some_and(|t| {
                    t.word().is_some_and(|w| {
                        w.chars().all(char::is_lowercase)
                            && !w.ends_with("ed")
                            && !w.ends_with("ing")
                    }) && !t.is_any(TITLE_WORDS)
                        && !t.is_any(LIST_JOINERS)
                })
                && tokens
                    .get(k + 1)
                    .is_some_and(|t| t.is_any(TITLE_WORDS) && !t.is("of"))
            {
                k += 1;
            }
            let mut title_words = 0;
            let mut last_title = k;
            while title_words < 4 && tokens.get(k).is_some_and(|t| t.is_any(TITLE_WORDS)) {
                last_title = k;
                k += 1;
                title_words += 1;
            }
            if title_words > 0 && tokens.get(last_title).is_some_and(|t| t.is("of")) {
                break;
            }
        }
        // "and Russian President Vladimir Putin’s foreign policy advisor Yuri Ushakov":
        // the element is the one after the possessive.
        if step > 0
            && connected
            && let Some(person) = past_possessive_office(tokens, k)
        {
            k = person;
        }
        match titled(tokens, k, step) {
            // "in Argyle, Saint Vincent and the Grenadines, …": a place's country, no
            // party of the list.
            Some((_, far_end)) if step < 0 && follows_place(tokens, far_end) => break,
            // "In a significant development in Myanmar, the Three Brotherhood Alliance
            // has agreed": an opening phrase's place, joined by a comma alone, is no
            // party of the list.
            Some((_, far_end))
                if step < 0
                    && !and
                    && far_end
                        .checked_sub(1)
                        .and_then(|at| tokens.get(at))
                        .is_some_and(|t| t.is_any(&["in", "at"])) =>
            {
                break;
            }
            // "At the invitation of Egypt, Hamas and Israel met": the opening phrase's
            // party is no part of the main clause's list.
            Some((_, far_end)) if step < 0 && opens_with_invitation(tokens, far_end) => break,
            Some((party, far_end)) if connected => {
                parties.push(party);
                end = far_end;
            }
            _ => break,
        }
    }
    Some((parties, end))
}

/// Nouns that describe the party named right after them: "the security watchdog OSCE".
const DESCRIPTION_NOUNS: &[&str] = &[
    "watchdog",
    "bloc",
    "body",
    "organisation",
    "organization",
    "alliance",
    "grouping",
    "neighbour",
    "neighbor",
    "ally",
];

/// Where "the" starts a description ending at token `noun` ("the European security
/// watchdog" before "OSCE"): up to three words or parties between them.
fn description_before(tokens: &[Token], noun: usize) -> Option<usize> {
    if !tokens.get(noun)?.is_any(DESCRIPTION_NOUNS) {
        return None;
    }
    (noun.saturating_sub(4)..noun)
        .rev()
        .find_map(|at| {
            let token = tokens.get(at)?;
            token.is("the").then_some(at)
        })
        .filter(|&the| {
            tokens.get(the + 1..noun).is_some_and(|words| {
                words
                    .iter()
                    .all(|t| (t.word().is_some() || t.party().is_some()) && !t.is_any(LIST_JOINERS))
            })
        })
}

/// Past the party nouns after a list element at `end`: "Polisario envoy", "Hamas
/// officials".
fn past_party_nouns(tokens: &[Token], end: usize) -> usize {
    let mut end = end;
    while tokens
        .get(end + 1)
        .is_some_and(|t| t.is_any(super::words::PARTY_NOUNS) && !t.is_any(&["side", "parties"]))
    {
        end += 1;
    }
    end
}

/// "foreign ministers of Morocco", "representatives from Egypt": where the parties start
/// after officials named by their office or noun (one to four words, then "of" or
/// "from").
pub(crate) fn officials_of(tokens: &[Token], from: usize) -> Option<usize> {
    // "ministers", "envoys": titles in the plural too.
    let office = |t: &Token| {
        t.word().is_some_and(|word| {
            let singular = word.strip_suffix('s').unwrap_or(word);
            TITLE_WORDS.contains(&word)
                || TITLE_WORDS.contains(&singular)
                || super::words::PARTY_NOUNS.contains(&word)
                || matches!(word, "participants" | "members")
        })
    };
    let words = tokens
        .get(from..)?
        .iter()
        .take(4)
        .take_while(|t| office(t) && !t.is("of"))
        .count();
    let of = from + words;
    if words == 0 || !tokens.get(of)?.is_any(&["of", "from"]) {
        return None;
    }
    let first = past_the(tokens, of + 1);
    tokens.get(first)?.party().map(|_| first)
}

/// Token `at`, or the one after it where `at` is "the": where a list or an object starts
/// after its preposition ("with the RSF", "of the UN").
pub(crate) fn past_the(tokens: &[Token], at: usize) -> usize {
    at + usize::from(tokens.get(at).is_some_and(|t| t.is("the")))
}

/// Whether the list element starting at `first` ends a phrase such as "at the invitation
/// of", "at the request of", "under the auspices of".
fn opens_with_invitation(tokens: &[Token], first: usize) -> bool {
    first
        .checked_sub(2)
        .and_then(|at| tokens.get(at..first))
        .is_some_and(|before| {
            matches!(before, [noun, of] if of.is("of")
                && noun.is_any(&["invitation", "request", "behest", "auspices", "initiative"]))
        })
}

/// Whether the list element starting at `first` follows a place and a comma.
fn follows_place(tokens: &[Token], first: usize) -> bool {
    first
        .checked_sub(2)
        .and_then(|at| tokens.get(at..first))
        .is_some_and(|before| {
            matches!(
                before,
                [place, comma] if matches!(place.piece, Piece::Place(_))
                    && comma.piece == Piece::Punct(',')
            )
        })
}

/// The second half of "Venezuelan-led", "EU-mediated": a party used as a modifier.
pub(crate) const COMPOUND_PARTICIPLES: &[&str] = &[
    "led",
    "backed",
    "brokered",
    "mediated",
    "sponsored",
    "hosted",
    "run",
    "controlled",
    "based",
    "born",
    "made",
    "allied",
    "aligned",
    "funded",
    "owned",
];

/// Whether `after` is glued to `before` by a hyphen ("Iran-backed"): the word token
/// starts at the hyphen, right where the party ends.
pub(crate) fn glued(before: &Token, after: &Token) -> bool {
    after.start == before.end && after.word().is_some()
}

/// The relation a participle glued to a party states: "Iran-backed" supports,
/// "UN-mediated" and "Qatar-brokered" mediate, "Saudi-led" leads.
pub(crate) fn compound_relation(participle: &Token) -> Option<Relation> {
    match participle.word()? {
        "backed" | "supported" | "sponsored" | "funded" | "allied" => Some(Relation::Supports),
        "mediated" | "brokered" | "facilitated" => Some(Relation::Mediates),
        "hosted" => Some(Relation::Hosts),
        "led" => Some(Relation::Leads),
        _ => None,
    }
}

/// The parties of a list ending at token `last` (inclusive), in text order, and the
/// index of its first token.
pub(crate) fn list_ending_at(tokens: &[Token], last: usize) -> Option<(Vec<usize>, usize)> {
    let (mut parties, first) = party_list(tokens, last, -1)?;
    parties.reverse();
    Some((parties, first))
}

/// The parties of a list starting at token `first`, and the index of its last token.
pub(crate) fn list_starting_at(tokens: &[Token], first: usize) -> Option<(Vec<usize>, usize)> {
    party_list(tokens, first, 1)
}
