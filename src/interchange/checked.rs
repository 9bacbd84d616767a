//! A graph read from a file, checked as a dataset and built into a model: the problems
//! the check finds at JSON paths of the converted dataset are moved to the element's
//! place in the file.

use std::path::Path;

use super::graph_file::{Checked, FileEdge, GraphFile};
use super::xml;
use crate::dataset::{
    FolderStore, LoadError, Loaded, Location, Problem, ProblemKind, Problems, Severity,
};

/// The error of a file with one problem.
pub(super) fn single(
    file: &str,
    kind: ProblemKind,
    location: Location,
    message: String,
) -> LoadError {
    LoadError {
        file: file.to_owned(),
        problems: vec![Problem {
            severity: Severity::Error,
            kind,
            file: file.to_owned(),
            location,
            message,
        }],
    }
}

/// A graph file read by an XML reader, checked; or the reader's problem.
pub(super) fn from_xml(
    file: &str,
    read: Result<GraphFile, xml::XmlProblem>,
) -> Result<Loaded, LoadError> {
    match read {
        Ok(graph) => finish(file, graph, 0, None),
        Err(problem) => Err(malformed(file, problem)),
    }
}

/// The error of an XML file that does not read.
pub(super) fn malformed(file: &str, problem: xml::XmlProblem) -> LoadError {
    single(
        file,
        ProblemKind::MalformedXml,
        problem.location,
        problem.message,
    )
}

/// Checks a graph read from a file and builds its model. Problems at JSON paths of the
/// converted dataset are moved to the element's place in the file. The first
/// `from_node_table` nodes were read from `node_file`.
pub(super) fn finish(
    file: &str,
    graph: GraphFile,
    from_node_table: usize,
    node_file: Option<&str>,
) -> Result<Loaded, LoadError> {
    let mut problems = Problems::new(file);
    let converted = graph.into_model(
        &fallback_title(file),
        &FolderStore::beside(Path::new(file)),
        &mut problems,
    );
    conclude(file, converted, problems, from_node_table, node_file)
}

/// The title of a graph file that names none: its file name without the extension.
fn fallback_title(file: &str) -> String {
    Path::new(file)
        .file_stem()
        .map(|stem| stem.to_string_lossy().into_owned())
        .unwrap_or_else(|| file.to_owned())
}

/// As [`finish`], for a graph whose edges come apart from it, as many as `edges` says
/// ([`streamed`]).
pub(super) fn check_graph(
    file: &str,
    graph: GraphFile,
    edges: (usize, impl Iterator<Item = FileEdge>),
) -> Result<Loaded, LoadError> {
    let mut problems = Problems::new(file);
    let converted = graph.into_model_with_edges(
        &fallback_title(file),
        &FolderStore::beside(Path::new(file)),
        &mut problems,
        edges,
    );
    conclude(file, converted, problems, 0, None)
}

/// The loaded graph, or the error, with every problem placed in the file.
fn conclude(
    file: &str,
    converted: Checked,
    problems: Problems,
    from_node_table: usize,
    node_file: Option<&str>,
) -> Result<Loaded, LoadError> {
    let model = converted.model;
    let relocate = |mut problem: Problem| {
        let element = match &problem.location {
            Location::JsonPath(path) => split_element_path(path)
                .map(|(collection, index, rest)| (collection == "nodes", index, rest.to_owned())),
            _ => None,
        };
        if let Some((is_node, index, rest)) = element {
            let collection = if is_node { "nodes" } else { "edges" };
            let place = match collection {
                "nodes" => converted.node_places.get(index),
                _ => converted.edge_places.get(index),
            };
            if let Some(place) = place {
                problem.location = match place {
                    Location::JsonPath(original) => Location::JsonPath(format!("{original}{rest}")),
                    other => other.clone(),
                };
                if collection == "nodes"
                    && index < from_node_table
                    && let Some(node_file) = node_file
                {
                    problem.file = node_file.to_owned();
                }
            }
        }
        problem
    };
    let list: Vec<Problem> = problems.into_vec().into_iter().map(relocate).collect();
    match model {
        Some(model) => Ok(Loaded {
            model: std::sync::Arc::new(model),
            warnings: list,
            file: file.to_owned(),
        }),
        None => Err(LoadError {
            file: file.to_owned(),
            problems: list,
        }),
    }
}

/// `$.nodes[3].colour` → `("nodes", 3, ".colour")`.
fn split_element_path(path: &str) -> Option<(&str, usize, &str)> {
    let rest = path.strip_prefix("$.")?;
    let (collection, rest) = rest.split_once('[')?;
    if !matches!(collection, "nodes" | "edges") {
        return None;
    }
    let (index, rest) = rest.split_once(']')?;
    Some((collection, index.parse().ok()?, rest))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn element_paths_split_into_collection_index_and_rest() {
        assert_eq!(
            split_element_path("$.nodes[12].colour"),
            Some(("nodes", 12, ".colour"))
        );
        assert_eq!(split_element_path("$.edges[0]"), Some(("edges", 0, "")));
        assert_eq!(split_element_path("$.articles[0]"), None);
    }
}
