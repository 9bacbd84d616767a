//! Fuzz target: any text as a lexicon is read or refused at a line and column.
#![no_main]

use backchannel::ingest::Lexicon;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    match Lexicon::parse("fuzz.lexicon", &text) {
        Ok(lexicon) => assert!(lexicon.entries.iter().all(|entry| !entry.name.is_empty())),
        Err(error) => assert!(error.line >= 1 && error.column >= 1),
    }
});
