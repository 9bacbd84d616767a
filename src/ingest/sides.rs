//! "The two sides", "both parties", "the two countries": within an article, the two
//! parties its talks are between. The pair is the last one a sentence named as such —
//! "talks between Afghanistan and Pakistan", or two parties opening a sentence as its
//! subject ("Russia and Ukraine wrapped up talks") — and a later "the two sides agreed"
//! is read as "A and B agreed". Conservative: only a list of exactly two parties, neither
//! a person nor a mediator of the sentence, makes a pair.

use super::references::REFERENCE_CONFIDENCE;
use super::tokens::{Piece, Token};

/// The nouns that, after "the two", "both" or "the", stand for the two sides.
const SIDE_NOUNS: &[&str] = &[
    "sides",
    "parties",
    "countries",
    "governments",
    "foes",
    "rivals",
    "adversaries",
    "neighbours",
    "neighbors",
    "nations",
];

/// Words between "the" (or "the two") and a side noun: "the arch foes", "the two
/// neighbouring countries".
const SIDE_MODIFIERS: &[&str] = &[
    "arch",
    "old",
    "longtime",
    "long-time",
    "warring",
    "rival",
    "neighbouring",
    "neighboring",
    "former",
];

/// The two parties `tokens` name as the sides of talks, if they name exactly two:
/// "between A and B", or "A and B" opening the sentence before a word. `excluded` says
/// which parties cannot be a side (people, the sentence's mediators).
pub fn pair_named(tokens: &[Token], excluded: &dyn Fn(usize) -> bool) -> Option<[usize; 2]> {
    let pair_at = |at: usize| -> Option<[usize; 2]> {
        let first = tokens.get(at)?.party()?;
        if !tokens.get(at + 1)?.is("and") {
            return None;
        }
        let second = tokens.get(at + 2)?.party()?;
        // Exactly two: no third party or list after them.
        let after = tokens.get(at + 3);
        if after.is_some_and(|t| t.party().is_some() || t.is("and") || t.piece == Piece::Punct(','))
        {
            return None;
        }
        (first != second && !excluded(first) && !excluded(second)).then_some([first, second])
    };
    // "A and B agreed": the sentence's subject, a word after it.
    if let Some(pair) = pair_at(0).filter(|_| tokens.get(3).is_some_and(|t| t.word().is_some())) {
        return Some(pair);
    }
    // "Delegations from Israel and Hamas began indirect negotiations": the sides' people
    // open the sentence.
    // After a dateline too: "Sharm El-Sheikh, Oct 7: Delegations from …".
    let opening = tokens
        .iter()
        .take(8)
        .position(|t| t.piece == Piece::Punct(':'))
        .map_or(0, |colon| colon + 1);
    let people_of = tokens.get(opening).is_some_and(|t| {
        t.is_any(&[
            "delegations",
            "representatives",
            "negotiators",
            "envoys",
            "officials",
        ])
    }) && tokens
        .get(opening + 1)
        .is_some_and(|t| t.is_any(&["from", "of"]));
    if let Some(pair) = people_of.then(|| pair_at(opening + 2)).flatten() {
        return Some(pair);
    }
    tokens.iter().enumerate().find_map(|(at, token)| {
        if !token.is("between") {
            return None;
        }
        let first = if tokens.get(at + 1).is_some_and(|t| t.is("the")) {
            at + 2
        } else {
            at + 1
        };
        pair_at(first)
    })
}

/// `tokens` with each "the two sides" ("both parties", "the sides", "the two countries")
/// read as the pair: "A and B", spanning the phrase, at the confidence of a reference.
pub fn with_sides_named(tokens: Vec<Token>, [first, second]: [usize; 2]) -> Vec<Token> {
    let mut out = Vec::with_capacity(tokens.len() + 2);
    let mut index = 0;
    while let Some(token) = tokens.get(index) {
        let length = side_phrase_at(&tokens, index);
        if length == 0 {
            out.push(token.clone());
            index += 1;
            continue;
        }
        let (start, end) = (
            token.start,
            tokens
                .get(index + length - 1)
                .map_or(token.end, |last| last.end),
        );
        let at = |piece: Piece| Token {
            piece,
            start,
            end,
            confidence: REFERENCE_CONFIDENCE,
        };
        out.push(at(Piece::Party(first)));
        out.push(Token {
            confidence: 1.0,
            ..at(Piece::Word("and".to_owned()))
        });
        out.push(at(Piece::Party(second)));
        index += length;
    }
    out
}

/// How many tokens from `at` spell "the two sides", "both sides", "the sides" or "the
/// arch foes" (with any of the side nouns and modifiers); 0 where they do not.
fn side_phrase_at(tokens: &[Token], at: usize) -> usize {
    let is =
        |offset: usize, words: &[&str]| tokens.get(at + offset).is_some_and(|t| t.is_any(words));
    let length = if is(0, &["both"]) && is(1, SIDE_NOUNS) {
        2
    } else if is(0, &["the"]) {
        // "the", "two" and a modifier, each but the noun may be left out.
        let mut next = 1;
        if is(next, &["two"]) {
            next += 1;
        }
        if is(next, SIDE_MODIFIERS) {
            next += 1;
        }
        if !is(next, SIDE_NOUNS) {
            return 0;
        }
        next + 1
    } else {
        return 0;
    };
    // "both sides of the border", "the parties' demands": places and possessions, no
    // sides acting.
    let next = tokens.get(at + length);
    if next.is_some_and(|t| {
        t.is("of") || t.piece == Piece::Punct('\'') || t.piece == Piece::Punct('’')
    }) {
        return 0;
    }
    length
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(text: &str, at: usize) -> Token {
        Token {
            piece: Piece::Word(text.to_owned()),
            start: at,
            end: at + 1,
            confidence: 1.0,
        }
    }

    fn party(entity: usize, at: usize) -> Token {
        Token {
            piece: Piece::Party(entity),
            start: at,
            end: at + 1,
            confidence: 0.9,
        }
    }

    /// Tokens from a pattern: "P3" a party, "," a comma, anything else a word.
    fn tokens(pattern: &str) -> Vec<Token> {
        pattern
            .split(' ')
            .enumerate()
            .map(
                |(at, piece)| match piece.strip_prefix('P').and_then(|n| n.parse().ok()) {
                    Some(entity) => party(entity, at),
                    None if piece == "," => Token {
                        piece: Piece::Punct(','),
                        ..word(piece, at)
                    },
                    None => word(piece, at),
                },
            )
            .collect()
    }

    #[test]
    fn a_pair_is_the_two_parties_talks_are_between_or_a_sentence_opens_with() {
        let none = |_: usize| false;
        assert_eq!(
            pair_named(&tokens("a ceasefire agreement between P1 and P2"), &none),
            Some([1, 2])
        );
        assert_eq!(
            pair_named(
                &tokens("negotiations between the P2 and P1 continued"),
                &none
            ),
            Some([2, 1])
        );
        assert_eq!(
            pair_named(&tokens("P3 and P4 wrapped up talks in Istanbul"), &none),
            Some([3, 4])
        );
        // Three parties, a list cut short, a party excluded, or no verb after them.
        assert_eq!(
            pair_named(&tokens("talks between P1 and P2 and P3"), &none),
            None
        );
        assert_eq!(pair_named(&tokens("P1 and P2 , P3 met"), &none), None);
        assert_eq!(
            pair_named(&tokens("talks between P1 and P2"), &|entity| entity == 2),
            None
        );
        assert_eq!(pair_named(&tokens("mediated by P5 and P6"), &none), None);
    }

    #[test]
    fn the_sides_people_opening_a_sentence_are_a_pair() {
        let excluded = |_: usize| false;
        assert_eq!(
            pair_named(&tokens("delegations from P1 and P2 began talks"), &excluded),
            Some([1, 2])
        );
        assert_eq!(
            pair_named(
                &tokens("delegations from P1 , P2 and P3 began talks"),
                &excluded
            ),
            None
        );
    }

    #[test]
    fn the_two_sides_are_read_as_the_pair_but_not_both_sides_of_a_border() {
        let read = |pattern: &str| {
            with_sides_named(tokens(pattern), [1, 2])
                .iter()
                .map(|token| match &token.piece {
                    Piece::Party(entity) => format!("P{entity}"),
                    Piece::Word(word) => word.clone(),
                    _ => "?".to_owned(),
                })
                .collect::<Vec<_>>()
                .join(" ")
        };
        assert_eq!(
            read("the two sides agreed on a ceasefire"),
            "P1 and P2 agreed on a ceasefire"
        );
        assert_eq!(read("both parties will meet"), "P1 and P2 will meet");
        assert_eq!(read("the sides agreed"), "P1 and P2 agreed");
        assert_eq!(read("the two countries signed"), "P1 and P2 signed");
        assert_eq!(
            read("clashes on both sides of the border"),
            "clashes on both sides of the border"
        );
        assert_eq!(read("the two delegations met"), "the two delegations met");
        assert_eq!(read("the arch foes agreed"), "P1 and P2 agreed");
        assert_eq!(read("the two neighbouring countries met"), "P1 and P2 met");
        assert_eq!(read("the arch delegations met"), "the arch delegations met");
    }
}
