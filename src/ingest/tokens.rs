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
    tokens
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
}
