//! A sentence as the relation rules read it: words (lower-case), the punctuation that
//! separates clauses, and the entities, things and places found in it, each one token.

use super::mentions::{Mention, PlaceMention};
use crate::model::NodeKind;

/// What a token is.
#[derive(Debug, Clone, PartialEq)]
pub enum Piece {
    /// A word, lower-case, trimmed of punctuation.
    Word(String),
    /// A comma, semicolon, colon, bracket, dash or quotation mark.
    Punct(char),
    /// A party (actor or mediator): the entity.
    Party(usize),
    /// A demand, proposal, deal or condition: the entity.
    Thing(usize),
    /// A place: its lexicon entry.
    Place(usize),
}

/// A token with its char span in the article.
#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    /// What it is.
    pub piece: Piece,
    /// First char.
    pub start: usize,
    /// Just past its last char.
    pub end: usize,
    /// How sure the mention is (1 for words).
    pub confidence: f32,
}

impl Token {
    /// The word, if the token is one.
    pub fn word(&self) -> Option<&str> {
        match &self.piece {
            Piece::Word(word) => Some(word),
            _ => None,
        }
    }

    /// Whether the token is the word `text`.
    pub fn is(&self, text: &str) -> bool {
        self.word() == Some(text)
    }

    /// Whether the token is one of `words`.
    pub fn is_any(&self, words: &[&str]) -> bool {
        self.word().is_some_and(|word| words.contains(&word))
    }

    /// The party entity, if the token is one.
    pub fn party(&self) -> Option<usize> {
        match self.piece {
            Piece::Party(entity) => Some(entity),
            _ => None,
        }
    }

    /// The thing entity, if the token is one.
    pub fn thing(&self) -> Option<usize> {
        match self.piece {
            Piece::Thing(entity) => Some(entity),
            _ => None,
        }
    }

    /// Whether the token ends a clause for the rules: `;`, `:`, a bracket or a dash.
    pub fn is_hard_break(&self) -> bool {
        matches!(self.piece, Piece::Punct(';' | ':' | '(' | ')' | '—' | '–'))
    }
}

const PUNCTUATION: [char; 12] = [',', ';', ':', '(', ')', '—', '–', '"', '“', '”', '‘', '?'];

/// The tokens of `sentence`, which starts at char `offset` of its article. `mentions`
/// and `places` (article offsets) become one token each; `kind_of` tells parties from
/// things. Where spans overlap, the first one found wins.
pub fn tokenize(
    sentence: &str,
    offset: usize,
    mentions: &[Mention],
    places: &[PlaceMention],
    kind_of: &dyn Fn(usize) -> Option<NodeKind>,
) -> Vec<Token> {
    let mut spans: Vec<(usize, usize, Piece, f32)> = Vec::new();
    for mention in mentions {
        let piece = match kind_of(mention.entity) {
            Some(NodeKind::Actor | NodeKind::Mediator | NodeKind::Entity) => {
                Piece::Party(mention.entity)
            }
            Some(NodeKind::Demand) => Piece::Thing(mention.entity),
            _ => continue,
        };
        spans.push((mention.start, mention.end, piece, mention.confidence));
    }
    for place in places {
        spans.push((place.start, place.end, Piece::Place(place.entry), 1.0));
    }
    // Longer spans first at the same start, so "Israeli delegation" beats "Israeli".
    spans.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    let mut kept: Vec<(usize, usize, Piece, f32)> = Vec::new();
    for span in spans {
        if kept.last().is_some_and(|last| span.0 < last.1) {
            continue;
        }
        kept.push(span);
    }

    let mut tokens = Vec::new();
    let mut word = String::new();
    let mut word_start: Option<usize> = None;
    let mut spans = kept.into_iter().peekable();
    let flush =
        |word: &mut String, word_start: &mut Option<usize>, at: usize, tokens: &mut Vec<Token>| {
            if let Some(start) = word_start.take() {
                let text = word.trim_matches(|c: char| !c.is_alphanumeric()).to_owned();
                if !text.is_empty() {
                    tokens.push(Token {
                        piece: Piece::Word(text),
                        start,
                        end: at,
                        confidence: 1.0,
                    });
                }
                word.clear();
            }
        };
    let mut skip_until = 0;
    for (index, character) in sentence.chars().enumerate() {
        let character = super::cues::as_hyphen(character);
        let at = offset + index;
        if at < skip_until {
            continue;
        }
        if let Some(&(start, end, _, _)) = spans.peek()
            && start <= at
        {
            flush(&mut word, &mut word_start, at, &mut tokens);
            if let Some((start, end, piece, confidence)) = spans.next() {
                tokens.push(Token {
                    piece,
                    start,
                    end,
                    confidence,
                });
            }
            skip_until = end;
            continue;
        }
        if character.is_alphanumeric() || matches!(character, '\'' | '’' | '-') {
            if word_start.is_none() {
                word_start = Some(at);
            }
            word.extend(character.to_lowercase());
            continue;
        }
        flush(&mut word, &mut word_start, at, &mut tokens);
        if PUNCTUATION.contains(&character) {
            tokens.push(Token {
                piece: Piece::Punct(character),
                start: at,
                end: at + 1,
                confidence: 1.0,
            });
        }
    }
    flush(
        &mut word,
        &mut word_start,
        offset + sentence.chars().count(),
        &mut tokens,
    );
    with_acronyms_folded(tokens)
}

/// The token `back` places before `index` in `tokens`, if there is one.
pub fn before(tokens: &[Token], index: usize, back: usize) -> Option<&Token> {
    index.checked_sub(back).and_then(|at| tokens.get(at))
}

/// The tokens with a party's acronym, given right after its name, folded into the name's
/// token: "the National Liberation Army (ELN)", "… Army [ELN]" (square brackets are no
/// tokens), "… Army, or ELN," are one party, as a list or a subject reads them.
fn with_acronyms_folded(tokens: Vec<Token>) -> Vec<Token> {
    let mut folded: Vec<Token> = Vec::with_capacity(tokens.len());
    let mut at = 0;
    while let Some(token) = tokens.get(at) {
        at += 1;
        let mut merged = token.clone();
        if let Some(party) = token.party() {
            let ahead = tokens.get(at..).unwrap_or_default();
            let same = |k: usize| ahead.get(k).is_some_and(|t| t.party() == Some(party));
            let punct =
                |k: usize, mark: char| ahead.get(k).is_some_and(|t| t.piece == Piece::Punct(mark));
            let bracketed = punct(0, '(') && same(1) && punct(2, ')');
            let or_acronym = punct(0, ',') && ahead.get(1).is_some_and(|t| t.is("or")) && same(2);
            let swallowed = if same(0) {
                1
            } else if bracketed || or_acronym {
                3
            } else {
                0
            };
            if let Some(last) = ahead.get(..swallowed).and_then(<[Token]>::last) {
                merged.end = last.end;
            }
            at += swallowed;
        }
        folded.push(merged);
    }
    folded
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mentions_become_one_token_and_words_are_lower_case() {
        let sentence = "Egypt and Qatar, the mediators, met in Cairo.";
        let mention = |text: &str, entity: usize| {
            let start = sentence.find(text).unwrap();
            Mention {
                start: start + 10,
                end: start + 10 + text.len(),
                entity,
                confidence: 0.9,
            }
        };
        let cairo = sentence.find("Cairo").unwrap() + 10;
        let tokens = tokenize(
            sentence,
            10,
            &[mention("Egypt", 0), mention("Qatar", 1)],
            &[PlaceMention {
                start: cairo,
                end: cairo + 5,
                entry: 4,
            }],
            &|_| Some(NodeKind::Actor),
        );
        let pieces: Vec<Piece> = tokens.iter().map(|t| t.piece.clone()).collect();
        assert_eq!(
            pieces,
            [
                Piece::Party(0),
                Piece::Word("and".into()),
                Piece::Party(1),
                Piece::Punct(','),
                Piece::Word("the".into()),
                Piece::Word("mediators".into()),
                Piece::Punct(','),
                Piece::Word("met".into()),
                Piece::Word("in".into()),
                Piece::Place(4),
            ]
        );
        assert_eq!((tokens[0].start, tokens[0].end), (10, 15));
    }

    #[test]
    fn an_acronym_after_its_name_folds_into_the_name_s_token() {
        for (sentence, acronym) in [
            ("The National Liberation Army (ELN) agreed.", "ELN"),
            ("The National Liberation Army [ELN] agreed.", "ELN"),
            ("The National Liberation Army, or ELN, agreed.", "ELN"),
        ] {
            let name = sentence.find("National").unwrap();
            let short = sentence.find(acronym).unwrap();
            let tokens = tokenize(
                sentence,
                0,
                &[
                    Mention {
                        start: name,
                        end: name + "National Liberation Army".len(),
                        entity: 3,
                        confidence: 0.9,
                    },
                    Mention {
                        start: short,
                        end: short + acronym.len(),
                        entity: 3,
                        confidence: 0.9,
                    },
                ],
                &[],
                &|_| Some(NodeKind::Actor),
            );
            let pieces: Vec<Piece> = tokens.iter().map(|t| t.piece.clone()).collect();
            let comma = sentence.contains(", or");
            let mut expected = vec![Piece::Word("the".into()), Piece::Party(3)];
            if comma {
                expected.push(Piece::Punct(','));
            }
            expected.push(Piece::Word("agreed".into()));
            assert_eq!(pieces, expected, "{sentence}");
            assert_eq!(
                tokens[1].end,
                short + acronym.len() + usize::from(sentence.contains('('))
            );
        }
    }
}
