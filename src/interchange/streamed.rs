//! A GEXF file read and checked at once: one thread reads the XML while the other
//! checks what has been read. The nodes go over first (a GEXF file gives them before its
//! edges), then the edges in chunks, each with its declared defaults; the checking of a
//! chunk overlaps the reading of the next. A file that does not suit this — a node, a
//! declaration, a title or a warning after the first edge, or an edge without an id
//! (made-up ids must avoid every id of the file) — is read again the plain way, so the
//! result is always the one [`super::finish`] gives for the whole file.

use std::sync::mpsc::{Receiver, SyncSender, sync_channel};

use super::graph_file::{FileEdge, GraphFile};
use super::xml::XmlProblem;
use super::xml_graph::{GraphReading, Owner};

/// Edges handed over at a time: as many as the plain way converts between two returns
/// of memory.
const CHUNK: usize = super::graph_file::EDGE_CHUNK;

/// The size from which a GEXF file is read and checked at once: below it, a second
/// thread costs more than it saves.
pub(super) const FROM_BYTES: usize = 4 << 20;

/// What the reading thread hands over.
enum Part {
    /// The graph's head and every node, no edges.
    Start(GraphFile),
    /// The next edges, in file order.
    Edges(Vec<FileEdge>),
}

/// How the reading ended.
enum Ended {
    /// The whole file was read and handed over.
    Whole,
    /// The file does not suit reading and checking at once, or the checking stopped.
    Unsuited,
}

/// The reading thread's side: what it has handed over and what it watches for.
struct Handing {
    sender: SyncSender<Part>,
    started: bool,
    declarations: usize,
    unsuited: bool,
}

impl Handing {
    /// After each item: hands the nodes over at the first edge, then each full chunk of
    /// edges; false to stop reading (unsuited, or nobody checks any more).
    fn after_item(&mut self, reading: &mut GraphReading) -> bool {
        if !self.started {
            return reading.graph.edges.is_empty() || self.start(reading);
        }
        let graph = &reading.graph;
        let late = !graph.nodes.is_empty()
            || reading.declarations() != self.declarations
            || graph.title.is_some()
            || graph.description.is_some()
            || graph.carried.is_some()
            || !graph.warnings.is_empty();
        if late {
            self.unsuited = true;
            return false;
        }
        let edge_open = matches!(reading.owner(), Some(Owner::Edge(_)));
        if reading.graph.edges.len() >= CHUNK && !edge_open {
            return self.hand_edges(reading);
        }
        true
    }

    /// Hands over the head and the nodes.
    fn start(&mut self, reading: &mut GraphReading) -> bool {
        self.started = true;
        self.declarations = reading.declarations();
        let graph = &mut reading.graph;
        let mut head = GraphFile {
            title: graph.title.take(),
            description: graph.description.take(),
            carried: graph.carried.take(),
            nodes: std::mem::take(&mut graph.nodes),
            edges: Vec::new(),
            node_table_rows: 0,
            warnings: std::mem::take(&mut graph.warnings),
        };
        reading.default_nodes(&mut head.nodes);
        self.sender.send(Part::Start(head)).is_ok()
    }

    /// Hands over the edges read so far, with their defaults.
    fn hand_edges(&mut self, reading: &mut GraphReading) -> bool {
        let mut edges = std::mem::take(&mut reading.graph.edges);
        if edges.iter().any(|edge| edge.id.is_none()) {
            self.unsuited = true;
            return false;
        }
        reading.default_edges(&mut edges);
        self.sender.send(Part::Edges(edges)).is_ok()
    }
}

/// Reads `bytes` on this thread, handing the graph over through `sender`.
fn read(bytes: &[u8], sender: SyncSender<Part>) -> Result<Ended, XmlProblem> {
    let mut handing = Handing {
        sender,
        started: false,
        declarations: 0,
        unsuited: false,
    };
    let mut reading = super::gexf::read_with(bytes, |reading| handing.after_item(reading))?;
    if handing.unsuited {
        return Ok(Ended::Unsuited);
    }
    let handed = (handing.started || handing.start(&mut reading))
        && (reading.graph.edges.is_empty() || handing.hand_edges(&mut reading));
    Ok(if handed && !handing.unsuited {
        Ended::Whole
    } else {
        Ended::Unsuited
    })
}

/// The edges handed over after the head, as one sequence.
fn edges_of(receiver: &Receiver<Part>) -> impl Iterator<Item = FileEdge> + '_ {
    receiver
        .iter()
        .map_while(|part| match part {
            Part::Edges(edges) => Some(edges),
            Part::Start(_) => None,
        })
        .flatten()
}

/// Loads the GEXF `bytes` of `file`, reading and checking at once; `None` when the file
/// does not suit that (the caller reads it the plain way).
pub(super) fn load_gexf(
    file: &str,
    bytes: &[u8],
) -> Option<Result<super::Loaded, super::LoadError>> {
    std::thread::scope(|scope| {
        let (sender, receiver) = sync_channel::<Part>(2);
        // The reading thread reports no progress: the checking reports every element it
        // checks, and a cancelled check stops taking edges, which stops the reading.
        let reader = scope.spawn(move || read(bytes, sender));
        // How many edges, for the lists that hold them and the progress bar (counted
        // while the nodes are read): every `<edge` that is an element's name.
        let edge_estimate = memchr::memmem::find_iter(bytes, b"<edge")
            .filter(|&at| {
                bytes
                    .get(at + 5)
                    .is_some_and(|next| next.is_ascii_whitespace() || matches!(next, b'>' | b'/'))
            })
            .count();
        let checked = match receiver.recv() {
            Ok(Part::Start(head)) => Some(super::checked::check_graph(
                file,
                head,
                (edge_estimate, edges_of(&receiver)),
            )),
            _ => None,
        };
        // Nobody takes edges any more: a reader still handing some over stops.
        drop(receiver);
        match reader.join() {
            Ok(Ok(Ended::Whole)) => checked,
            // A cancelled check stopped the reading: the cancellation is the answer.
            Ok(Ok(Ended::Unsuited)) if crate::background::cancelled() => checked,
            Ok(Ok(Ended::Unsuited)) | Err(_) => None,
            Ok(Err(problem)) => Some(Err(super::checked::malformed(file, problem))),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn big() -> String {
        super::super::synthetic_gexf(12_000, 4)
    }

    #[test]
    fn a_plain_gexf_is_read_at_once_and_others_are_left_to_the_plain_way() {
        let text = big();
        let loaded = load_gexf("big.gexf", text.as_bytes());
        assert!(
            matches!(&loaded, Some(Ok(loaded)) if loaded.model.edges.len() == 48_000),
            "read at once"
        );
        let no_id = text.replacen("<edge id=\"e40000\" ", "<edge ", 1);
        assert!(load_gexf("big.gexf", no_id.as_bytes()).is_none(), "no id");
        let late = text.replacen(
            "</edges>",
            "</edges>\n<attributes class=\"edge\"><attribute id=\"w\" title=\"late\" type=\"string\"/></attributes>",
            1,
        );
        assert!(load_gexf("big.gexf", late.as_bytes()).is_none(), "late");
        let cut = text.find("<edge id=\"e30000\"").unwrap_or(0);
        let broken = format!(
            "{}<edge id=\"x\" source=\"1\"",
            text.get(..cut).unwrap_or("")
        );
        assert!(
            matches!(load_gexf("big.gexf", broken.as_bytes()), Some(Err(_))),
            "broken after its first edges"
        );
    }
}
