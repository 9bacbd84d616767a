//! Fuzz target: any bytes as a GraphMl file give a graph or a clear error, never a panic.
#![no_main]

use backchannel::dataset::{EmbeddedStore, Location};
use backchannel::interchange::{GraphFormat, load_bytes_as};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    match load_bytes_as(GraphFormat::GraphMl, "fuzz", data, &EmbeddedStore::new(&[])) {
        Ok(loaded) => {
            // Every edge's ends exist in what loaded.
            for edge in &loaded.model.edges {
                assert!(loaded.model.node(&edge.source).is_some());
                assert!(loaded.model.node(&edge.target).is_some());
            }
        }
        Err(error) => {
            // A refusal always says something, somewhere.
            assert!(!error.problems.is_empty());
            for problem in &error.problems {
                assert!(!problem.message.is_empty());
                if let Location::LineColumn { line, column } = problem.location {
                    assert!(line >= 1 && column >= 1);
                }
            }
        }
    }
});
