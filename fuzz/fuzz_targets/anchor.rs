//! Fuzz target: re-anchoring a quote in any text with any offsets and context never
//! panics, and a found span holds the quote.
#![no_main]

use backchannel::dataset::{Anchoring, anchor_quote};
use backchannel::model::ArticleText;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut parts = text.splitn(4, '\u{1}');
    let article = ArticleText::new(parts.next().unwrap_or(""));
    let quote = parts.next().unwrap_or("");
    let prefix = parts.next().unwrap_or("");
    let suffix = parts.next().unwrap_or("");
    let start = data.first().copied().map_or(0, usize::from) * 7;
    let end = start + quote.chars().count();
    match anchor_quote(&article, quote, start, end, prefix, suffix) {
        Anchoring::Exact => assert_eq!(article.slice(start, end), Some(quote)),
        Anchoring::Moved { start, end } => assert_eq!(article.slice(start, end), Some(quote)),
        Anchoring::NotFound => {}
    }
});
