//! Titled people as list elements: "Armenian Prime Minister Nikol Pashinyan", "the
//! President of Rwanda, Paul Kagame", "Colombia's president, Gustavo Petro", a minister
//! listed with a portfolio between commas, a photo caption's position after a name.

use super::super::super::tokens::{Piece, Token};
use super::{LIST_JOINERS, past_the};

/// The party named after a possessive party and an office at token `at` ("Putin’s
/// foreign policy advisor Yuri Ushakov", "President Vladimir Putin’s aide Ushakov"):
/// the person whose office it is.
pub(super) fn past_possessive_office(tokens: &[Token], at: usize) -> Option<usize> {
    // Past the titled person who owns the office: "Russian President Vladimir Putin’s".
    let (_, owner_end) = titled(tokens, at, 1)?;
    if !tokens.get(owner_end + 1)?.is_any(&["’s", "'s", "s"]) {
        return None;
    }
    let office = owner_end + 2;
    let words = tokens
        .get(office..)?
        .iter()
        .take(4)
        .take_while(|t| t.word().is_some() && !t.is_any(LIST_JOINERS))
        .count();
    let person = office + words;
    (words > 0 && tokens.get(person)?.party().is_some()).then_some(person)
}

/// Where a photo caption's position after the person ending at token `end` stops: the
/// token after ", left", ", second right" or ", third left" (its closing comma), if one
/// follows.
pub(crate) fn past_caption_position(tokens: &[Token], end: usize) -> Option<usize> {
    if tokens.get(end + 1)?.piece != Piece::Punct(',') {
        return None;
    }
    let mut at = end + 2;
    if tokens.get(at)?.is_any(&[
        "second", "third", "fourth", "fifth", "far", "front", "back", "top", "bottom",
    ]) {
        at += 1;
    }
    let position = tokens
        .get(at)?
        .is_any(&["left", "right", "center", "centre"]);
    let closed = tokens
        .get(at + 1)
        .is_some_and(|t| t.piece == Piece::Punct(','));
    (position && closed).then_some(at + 1)
}

/// Words of a minister's portfolio besides those of `TITLE_WORDS`: "Minister of State,
/// Foreign Affairs, International Cooperation and Francophonie".
const PORTFOLIO_WORDS: &[&str] = &[
    "affairs",
    "international",
    "cooperation",
    "francophonie",
    "interior",
    "justice",
    "trade",
    "finance",
    "economy",
    "development",
    "relations",
    "planning",
    "public",
    "home",
    "external",
    "regional",
    "integration",
    "communication",
    "information",
    "and",
    "the",
    "for",
];

/// A person's title between commas in a list: "Thérèse Kayikwamba Wagner, Minister of
/// State, Foreign Affairs, International Cooperation and Francophonie of the DRC, Olivier
/// Nduhungirehe, …". `None` where no title follows the party at `end`; else where the
/// title (its own commas and the party it is of included) closes with a comma before the
/// next party, that comma's index, or `Some(None)` where the title ends the list.
pub(super) fn past_apposed_title(tokens: &[Token], end: usize) -> Option<Option<usize>> {
    if tokens.get(end + 1)?.piece != Piece::Punct(',') {
        return None;
    }
    let first = end + 2;
    // The title opens with an office ("Minister"), or a party's ("Angolan Minister").
    let office_at = if tokens.get(first)?.party().is_some() {
        first + 1
    } else {
        first
    };
    let office = tokens.get(office_at)?;
    if !office.is_any(TITLE_WORDS) || office.is_any(&["of", "state", "foreign", "national"]) {
        return None;
    }
    let mut k = office_at + 1;
    while k < first + 20 {
        let Some(token) = tokens.get(k) else {
            return Some(None);
        };
        if token.piece == Piece::Punct(',') {
            let next = tokens.get(k + 1);
            let after_and = next.is_some_and(|next| next.is("and"))
                && tokens.get(k + 2).is_some_and(|t| t.party().is_some());
            if next.is_some_and(|next| next.party().is_some()) || after_and {
                return Some(Some(k));
            }
        } else if token.is_hard_break() || (token.word().is_none() && token.party().is_none()) {
            return Some(None);
        } else if token.party().is_some()
            && tokens
                .get(k - 1)
                .is_some_and(|before| !before.is_any(&["of", "the", "and", "for"]))
        {
            // "Ilham Aliyev, Turkey Commission Chairperson Nikol Pashinyan and …": the
            // title names the next person of the list, it is not the last one's.
            return None;
        } else if !(token.is_any(TITLE_WORDS)
            || token.is_any(PORTFOLIO_WORDS)
            || token.party().is_some())
        {
            return None;
        }
        k += 1;
    }
    None
}

/// Honorifics before a name, which join no list element.
pub(super) const HONORIFICS: &[&str] = &[
    "his",
    "her",
    "excellency",
    "excellencies",
    "honourable",
    "honorable",
    "mr",
    "mrs",
    "ms",
    "dr",
];

/// Words of a title between a party and a person: "Azerbaijani President Ilham Aliyev",
/// "U.S. Secretary of State Marco Rubio".
pub(crate) const TITLE_WORDS: &[&str] = &[
    "president",
    "prime",
    "minister",
    "foreign",
    "secretary",
    "of",
    "state",
    "chancellor",
    "king",
    "emir",
    "crown",
    "prince",
    "envoy",
    "special",
    "defence",
    "defense",
    "chief",
    "leader",
    "vice",
    "deputy",
    // "First Vice President Riek Machar".
    "first",
    "national",
    "security",
    "adviser",
    "advisor",
    "spokesman",
    "official",
    "negotiator",
    "ambassador",
    "general",
    "commander",
    "director",
    "premier",
    "sheikh",
    "interior",
    "affairs",
    "political",
    "intelligence",
    "mullah",
    "diplomat",
    "top",
    "senior",
    "press",
    "acting",
    "interim",
    "head",
    "guerrilla",
    "rebel",
    "commission",
    "chairperson",
    "chairman",
    "chair",
    "commissioner",
    "under-secretary-general",
    "aide",
    "presidential",
    "staff",
    // "U.S. Middle East envoy Steve Witkoff", "special Mideast envoy".
    "middle",
    "east",
    "mideast",
    // "the Kenya former head of state, Uhuru Kenyatta".
    "former",
    // "M23 Permanent Secretary Benjamin Mbonimpa".
    "permanent",
    // "foreign policy adviser Ophir Falk", "hostages coordinator Gal Hirsch".
    "policy",
    "coordinator",
    "representative",
    // Portfolios: "U.S. Treasury Secretary Scott Bessent", "Swiss Economy Minister".
    "treasury",
    "trade",
    "economy",
    "finance",
    "commerce",
    // "Israeli Minister of Strategic Affairs Ron Dermer".
    "strategic",
    // "his son-in-law Jared Kushner", "his Kyrgyz counterpart Sadyr Japarov".
    "son-in-law",
    "counterpart",
];

/// The list element at token `at`, read in direction `step`: a party, or a titled
/// person with the party of the title ("Armenian Prime Minister Nikol Pashinyan"), which
/// stands for the person alone. Returns the element's party and its far end.
pub(super) fn titled(tokens: &[Token], at: usize, step: isize) -> Option<(usize, usize)> {
    tokens.get(at)?.party()?;
    // "the Libyan 5+5 Joint Military Commission": reading right, a party right before
    // another (numbers aside) only qualifies it.
    let mut at = at;
    while step > 0
        && let Some(next) = party_right_after(tokens, at)
    {
        at = next;
    }
    let party = tokens.get(at)?.party()?;
    if step > 0
        && let Some(found) = possessive_title(tokens, at)
    {
        return Some(found);
    }
    if step < 0
        && let Some(found) = title_of_party_after_name(tokens, at)
    {
        return Some(found);
    }
    let mut k = at;
    let mut title_words = 0;
    // "the Houthis of Yemen" is no title: one of its words must be more than "of".
    let mut office = false;
    while let Some(next) = k.checked_add_signed(step)
        && let Some(word) = tokens.get(next).filter(|t| t.is_any(TITLE_WORDS))
        && title_words < 4
    {
        office |= !word.is("of");
        k = next;
        title_words += 1;
    }
    // "US Ambassador to Malaysia Edgard Kagan": past the state the ambassador is posted
    // to, the person.
    if step > 0
        && office
        && tokens
            .get(k)
            .is_some_and(|t| t.is_any(&["ambassador", "envoy"]))
        && tokens.get(k + 1).is_some_and(|t| t.is_any(&["to", "for"]))
        && tokens.get(k + 2).and_then(Token::party).is_some()
        && let Some(person) = tokens.get(k + 3).and_then(Token::party)
    {
        return Some((person, k + 3));
    }
    if office
        && let Some(other_at) = k.checked_add_signed(step)
        && let Some(other) = tokens.get(other_at).and_then(Token::party)
    {
        // Reading left the party found is the person's; reading right, the one after.
        let person = if step < 0 { party } else { other };
        return Some((person, other_at));
    }
    Some((party, at))
}

/// "the President of Rwanda, Paul Kagame": reading right from a title, the person named
/// after its party and a comma. Returns the person and their token.
pub(super) fn office_of_party_then_person(tokens: &[Token], at: usize) -> Option<(usize, usize)> {
    let mut k = at;
    while tokens
        .get(k)
        .is_some_and(|t| t.is_any(TITLE_WORDS) && !t.is("of"))
        && k < at + 4
    {
        k += 1;
    }
    if k == at || !tokens.get(k)?.is("of") {
        return None;
    }
    let party_at = past_the(tokens, k + 1);
    tokens.get(party_at)?.party()?;
    if tokens.get(party_at + 1)?.piece != Piece::Punct(',') {
        return None;
    }
    let person = tokens.get(party_at + 2)?.party()?;
    Some((person, party_at + 2))
}

/// The party right after the one at `at`, past numbers ("Libyan 5+5 Joint Military
/// Commission"), if one follows.
pub(super) fn party_right_after(tokens: &[Token], at: usize) -> Option<usize> {
    let mut next = at + 1;
    while tokens
        .get(next)
        .and_then(Token::word)
        .is_some_and(|word| word.chars().all(|c| c.is_ascii_digit()))
    {
        next += 1;
    }
    tokens.get(next)?.party().map(|_| next)
}

/// "Colombia's president, Gustavo Petro": a party's title, then the person between
/// commas, who stands for the element. Returns the person and their token.
/// Also a demonym's title ("the Russian President, Vladimir Putin,") and, without the
/// commas, a possessive's ("Somalia's President Hassan Sheikh Mohamud").
pub(super) fn possessive_title(tokens: &[Token], at: usize) -> Option<(usize, usize)> {
    let possessive = tokens.get(at + 1)?.is("s");
    let title_start = at + 1 + usize::from(possessive);
    let mut k = title_start;
    while tokens.get(k).is_some_and(|t| t.is_any(TITLE_WORDS)) && k < title_start + 4 {
        k += 1;
    }
    // "the Houthis of Yemen": "of" alone is no title.
    let office = tokens
        .get(title_start..k)
        .is_some_and(|title| title.iter().any(|t| !t.is("of")));
    if !office {
        return None;
    }
    match tokens.get(k)?.piece {
        Piece::Punct(',') => {
            let person = tokens.get(k + 1)?.party()?;
            Some((person, k + 1))
        }
        Piece::Party(person) if possessive => Some((person, k)),
        _ => None,
    }
}

/// "Nicolas Maduro, president of the Bolivarian Republic of Venezuela": reading left
/// from the party, the person the title after the comma belongs to. Returns the person
/// and their token.
pub(super) fn title_of_party_after_name(tokens: &[Token], at: usize) -> Option<(usize, usize)> {
    let mut k = at.checked_sub(1)?;
    if tokens.get(k)?.is("the") {
        k = k.checked_sub(1)?;
    }
    if !tokens.get(k)?.is("of") {
        return None;
    }
    let mut titles = 0;
    while let Some(before) = k.checked_sub(1)
        && tokens
            .get(before)
            .is_some_and(|t| t.is_any(TITLE_WORDS) && !t.is("of"))
        && titles < 4
    {
        k = before;
        titles += 1;
    }
    let comma = k.checked_sub(1)?;
    if titles == 0 || tokens.get(comma)?.piece != Piece::Punct(',') {
        return None;
    }
    let person_at = comma.checked_sub(1)?;
    let person = tokens.get(person_at)?.party()?;
    Some((person, person_at))
}
