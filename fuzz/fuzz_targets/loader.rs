//! The check the six loader targets share: any bytes as a file of one format give a graph
//! whose edges all have their ends, or a refusal that says something, somewhere.

use backchannel::dataset::{EmbeddedStore, Location};
use backchannel::interchange::{GraphFormat, load_bytes_as};

/// Loads `data` as `format` and checks the outcome; panics (a finding) when it is wrong.
pub fn check(format: GraphFormat, data: &[u8]) {
    match load_bytes_as(format, "fuzz", data, &EmbeddedStore::new(&[])) {
        Ok(loaded) => {
            for edge in &loaded.model.edges {
                assert!(loaded.model.node(&edge.source).is_some());
                assert!(loaded.model.node(&edge.target).is_some());
            }
        }
        Err(error) => {
            assert!(!error.problems.is_empty());
            for problem in &error.problems {
                assert!(!problem.message.is_empty());
                if let Location::LineColumn { line, column } = problem.location {
                    assert!(line >= 1 && column >= 1);
                }
            }
        }
    }
}
