//! Synthetic graph files of any size, shaped as Gephi writes them, for benchmarks of
//! reading other tools' files.

use std::fmt::Write as _;

/// A GEXF 1.3 file as Gephi writes it: `nodes` nodes with a class attribute, colour,
/// size and position, and `edges_per_node` weighted undirected edges from each node to
/// nodes drawn at random (a fixed seed: the same arguments give the same bytes).
pub fn synthetic_gexf(nodes: usize, edges_per_node: usize) -> String {
    let mut text = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" version=\"1.3\">\n<graph defaultedgetype=\"undirected\">\n<attributes class=\"node\"><attribute id=\"c\" title=\"modularity_class\" type=\"integer\"/></attributes>\n<nodes>\n",
    );
    let mut state: u64 = 42;
    let mut next = || {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        state >> 33
    };
    for node in 0..nodes {
        let (x, y) = (
            (next() % 20_000) as f32 / 10.0,
            (next() % 20_000) as f32 / 10.0,
        );
        let _ = writeln!(
            text,
            "<node id=\"{node}\" label=\"Node {node}\"><attvalues><attvalue for=\"c\" value=\"{}\"/></attvalues><viz:color r=\"{}\" g=\"91\" b=\"91\"/><viz:size value=\"{}\"/><viz:position x=\"{x}\" y=\"{y}\"/></node>",
            node % 12,
            next() % 256,
            4 + next() % 40
        );
    }
    text.push_str("</nodes>\n<edges>\n");
    for edge in 0..nodes * edges_per_node {
        let source = edge / edges_per_node.max(1);
        let target = usize::try_from(next()).unwrap_or(0) % nodes.max(1);
        let _ = writeln!(
            text,
            "<edge id=\"e{edge}\" source=\"{source}\" target=\"{target}\" weight=\"{}\"/>",
            1 + next() % 9
        );
    }
    text.push_str("</edges>\n</graph>\n</gexf>\n");
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_synthetic_gexf_reads_back_with_every_node_and_edge() {
        let text = synthetic_gexf(300, 4);
        let loaded = crate::interchange::load_bytes_as(
            crate::interchange::GraphFormat::Gexf,
            "synthetic.gexf",
            text.as_bytes(),
            &crate::dataset::EmbeddedStore::new(&[]),
        )
        .unwrap();
        assert_eq!(loaded.model.nodes.len(), 300);
        assert_eq!(loaded.model.edges.len(), 1_200);
        assert_eq!(synthetic_gexf(300, 4), text);
    }
}
