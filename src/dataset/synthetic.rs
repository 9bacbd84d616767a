//! Synthetic datasets of any size, valid and fully evidenced, for benchmarks and tests of
//! large graphs.

use serde_json::json;

/// A `backchannel/1` dataset (as JSON text) of `count` actors with `edges_per_node` edges
/// each (a ring, then chords at fixed strides), every element quoted from one inline
/// article.
pub fn synthetic_dataset(count: usize, edges_per_node: usize) -> String {
    let mut text = String::new();
    let mut spans = Vec::with_capacity(count);
    let mut offset = 0;
    for node in 0..count {
        let sentence = format!("Party {node} met its neighbours.");
        let length = sentence.chars().count();
        spans.push((sentence.clone(), offset, offset + length));
        text.push_str(&sentence);
        text.push(' ');
        offset += length + 1;
    }
    let evidence = |node: usize| {
        let (quote, start, end) = &spans[node % spans.len().max(1)];
        json!([{ "article": "a", "quote": quote, "start": start, "end": end }])
    };
    let nodes: Vec<serde_json::Value> = (0..count)
        .map(|node| {
            json!({ "id": format!("n{node}"), "label": format!("Party {node}"), "kind": "actor", "evidence": evidence(node) })
        })
        .collect();
    let strides = [1usize, 7, 31, 127, 509, 2039];
    let mut edges = Vec::with_capacity(count * edges_per_node);
    if count > 1 {
        for node in 0..count {
            for stride in strides.iter().take(edges_per_node) {
                let target = (node + stride) % count;
                edges.push(json!({
                    "id": format!("e{node}-{target}"),
                    "source": format!("n{node}"),
                    "target": format!("n{target}"),
                    "relation": "supports",
                    "evidence": evidence(node),
                }));
            }
        }
    }
    json!({
        "format": "backchannel/1",
        "title": format!("{count} parties"),
        "articles": [{ "id": "a", "title": "Many parties", "outlet": "Test Wire", "published": "2024", "text": text }],
        "nodes": nodes,
        "edges": edges,
    })
    .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::{EmbeddedStore, load_bytes};

    #[test]
    fn synthetic_datasets_are_valid() {
        let json = synthetic_dataset(300, 4);
        let loaded =
            load_bytes("synthetic.json", json.as_bytes(), &EmbeddedStore::new(&[])).unwrap();
        assert_eq!(loaded.model.nodes.len(), 300);
        assert_eq!(loaded.model.edges.len(), 1_200);
        assert!(
            loaded
                .warnings
                .iter()
                .all(|w| w.kind == crate::dataset::ProblemKind::MissingHash)
        );
    }
}
