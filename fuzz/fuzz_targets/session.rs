//! Fuzz target: any bytes as a session file are read or refused, never a panic, and a
//! session that reads applies to the seed dataset.
#![no_main]

use backchannel::dataset::load_seed;
use backchannel::view::Session;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(session) = Session::from_bytes("fuzz-session.json", data)
        && let Ok(seed) = load_seed()
    {
        let kept = session.applicable_to(&seed.model);
        assert!(kept.nodes.keys().all(|id| seed.model.node(id).is_some()));
    }
});
