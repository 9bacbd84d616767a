//! Fuzz target: any bytes as CSV give a graph or a clear error, never a panic.
#![no_main]

mod loader;

use backchannel::interchange::GraphFormat;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| loader::check(GraphFormat::Csv, data));
