//! Reading a well-formed `backchannel/1` file on every core. The calling thread scans
//! the file for where each node and edge begins and ends and hands them out in batches
//! of raw JSON text. The other cores deserialize the nodes while the scan goes on (once
//! the scan is done the calling thread does too); the edges stay text until they are
//! checked, batch by batch, so that the records of every edge never live at once.
//!
//! Anything this reader does not take (malformed JSON, a wrong shape, another format
//! version) makes it give up, and the slower path in `validate` reads the file again and
//! names every problem's place.

use std::fmt;
use std::sync::Mutex;
use std::sync::mpsc::{Receiver, Sender, channel};

use serde::Deserializer;
use serde::de::{self, DeserializeOwned, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde_json::value::RawValue;

use crate::background::{self, Stage};

use super::schema::{FORMAT_VERSION, RawArticle, RawNode, TOP_LEVEL_FIELDS};
use crate::parallel::{cores, join_all};

/// Elements handed out at a time.
const BATCH_LEN: usize = 1_024;

/// Files smaller than this are read on the calling thread alone.
const MIN_BYTES_TO_SPLIT: usize = 1 << 20;

/// A dataset's records, each element with its index in the file.
pub(super) struct Records<'a> {
    pub(super) title: String,
    pub(super) description: Option<String>,
    pub(super) articles: Vec<(usize, RawArticle)>,
    pub(super) nodes: Vec<(usize, RawNode)>,
    /// The edges, still JSON text, in batches of consecutive elements in file order,
    /// each with the index of its first element.
    pub(super) edges: Vec<(usize, Vec<&'a RawValue>)>,
}

/// Reads a well-formed file of the current format into its records; `None` for
/// anything else.
pub(super) fn read_records(bytes: &[u8]) -> Option<Records<'_>> {
    let helpers = if bytes.len() < MIN_BYTES_TO_SPLIT {
        0
    } else {
        cores().saturating_sub(1)
    };
    background::report(Stage::Parsing, bytes.len() as u64);
    let (batches, queue) = channel();
    let queue = Mutex::new(queue);
    let (head, parsed) = join_all(
        helpers,
        || deserialize_batches(&queue),
        || {
            let head = scan(bytes, batches);
            (head, deserialize_batches(&queue))
        },
    );
    let (head, mine) = head;
    let mut parsed_batches = mine?;
    for theirs in parsed {
        parsed_batches.extend(theirs?);
    }
    let head = head?;
    if head.format.as_deref() != Some(FORMAT_VERSION) {
        return None;
    }
    let mut node_batches = Vec::new();
    let mut edge_batches = Vec::new();
    for batch in parsed_batches {
        match batch {
            Parsed::Nodes(first, nodes) => node_batches.push((first, nodes)),
            Parsed::Edges(first, edges) => edge_batches.push((first, edges)),
        }
    }
    Some(Records {
        title: head.title?,
        description: head.description,
        articles: head.articles.into_iter().enumerate().collect(),
        nodes: in_file_order(node_batches, head.node_count)?,
        edges: batches_in_file_order(edge_batches, head.edge_count)?,
    })
}

/// Which array of the file a batch comes from.
#[derive(Debug, Clone, Copy)]
enum Collection {
    Nodes,
    Edges,
}

/// Consecutive elements of one array, still JSON text.
struct Batch<'a> {
    collection: Collection,
    /// The index of the first element in its array.
    first: usize,
    elements: Vec<&'a RawValue>,
}

/// A batch as the readers give it back: nodes deserialized, edges still text.
enum Parsed<'a> {
    Nodes(usize, Vec<RawNode>),
    Edges(usize, Vec<&'a RawValue>),
}

/// Deserializes batches until the scan is over and every batch has been taken; `None`
/// as soon as an element does not deserialize.
fn deserialize_batches<'a>(queue: &Mutex<Receiver<Batch<'a>>>) -> Option<Vec<Parsed<'a>>> {
    let mut parsed = Vec::new();
    loop {
        let next = queue.lock().ok()?.recv();
        let Ok(batch) = next else {
            return Some(parsed);
        };
        parsed.push(match batch.collection {
            Collection::Nodes => Parsed::Nodes(batch.first, deserialize_all(&batch.elements)?),
            Collection::Edges => Parsed::Edges(batch.first, batch.elements),
        });
    }
}

fn deserialize_all<T: DeserializeOwned>(elements: &[&RawValue]) -> Option<Vec<T>> {
    let mut parsed = Vec::with_capacity(elements.len());
    for element in elements {
        parsed.push(serde_json::from_str(element.get()).ok()?);
    }
    Some(parsed)
}

/// The batches of one array in file order; `None` unless they follow each other
/// without a gap and hold exactly the `count` elements the scan found.
fn batches_in_file_order<T>(
    mut batches: Vec<(usize, Vec<T>)>,
    count: Option<usize>,
) -> Option<Vec<(usize, Vec<T>)>> {
    batches.sort_unstable_by_key(|(first, _)| *first);
    let mut next = 0;
    for (first, batch) in &batches {
        if *first != next {
            return None;
        }
        next += batch.len();
    }
    (next == count.unwrap_or(0)).then_some(batches)
}

/// Joins the batches of one array in file order, each element with its index; `None`
/// unless they hold exactly the `count` elements the scan found.
fn in_file_order<T>(
    batches: Vec<(usize, Vec<T>)>,
    count: Option<usize>,
) -> Option<Vec<(usize, T)>> {
    Some(indexed(batches_in_file_order(batches, count)?).collect())
}

/// The elements of `batches`, each with its index, in the order given.
pub(super) fn indexed<T>(batches: Vec<(usize, Vec<T>)>) -> impl Iterator<Item = (usize, T)> {
    batches.into_iter().flat_map(|(first, batch)| {
        batch
            .into_iter()
            .enumerate()
            .map(move |(offset, element)| (first + offset, element))
    })
}

/// The top-level fields, read on the calling thread, and how many nodes and edges were
/// handed out.
#[derive(Default)]
struct Head {
    format: Option<String>,
    title: Option<String>,
    description: Option<String>,
    articles: Vec<RawArticle>,
    node_count: Option<usize>,
    edge_count: Option<usize>,
}

/// Scans the file, reading its top-level fields and sending its nodes and edges out in
/// batches; `None` when it is not JSON of the dataset's shape.
fn scan<'a>(bytes: &'a [u8], batches: Sender<Batch<'a>>) -> Option<Head> {
    let mut deserializer = serde_json::Deserializer::from_slice(bytes);
    let head = TopLevel { batches }.deserialize(&mut deserializer).ok()?;
    deserializer.end().ok()?;
    Some(head)
}

/// Reads the top-level object, sending the node and edge arrays' elements out.
struct TopLevel<'a> {
    batches: Sender<Batch<'a>>,
}

impl<'de> DeserializeSeed<'de> for TopLevel<'de> {
    type Value = Head;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Head, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for TopLevel<'de> {
    type Value = Head;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("a dataset object")
    }

    fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<Head, M::Error> {
        fn once<T, E: de::Error>(
            slot: &mut Option<T>,
            value: T,
            field: &'static str,
        ) -> Result<(), E> {
            if slot.is_some() {
                return Err(E::duplicate_field(field));
            }
            *slot = Some(value);
            Ok(())
        }
        let mut head = Head::default();
        let mut articles = None;
        let mut description = None;
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "format" => once(&mut head.format, map.next_value()?, "format")?,
                "title" => once(&mut head.title, map.next_value()?, "title")?,
                "description" => once(
                    &mut description,
                    map.next_value::<Option<String>>()?,
                    "description",
                )?,
                "articles" => once(&mut articles, map.next_value()?, "articles")?,
                "nodes" => {
                    let sent = map.next_value_seed(Elements {
                        collection: Collection::Nodes,
                        batches: &self.batches,
                    })?;
                    once(&mut head.node_count, sent, "nodes")?;
                }
                "edges" => {
                    let sent = map.next_value_seed(Elements {
                        collection: Collection::Edges,
                        batches: &self.batches,
                    })?;
                    once(&mut head.edge_count, sent, "edges")?;
                }
                other => return Err(de::Error::unknown_field(other, &TOP_LEVEL_FIELDS)),
            }
        }
        head.description = description.flatten();
        head.articles = articles.unwrap_or_default();
        Ok(head)
    }
}

/// Reads one array of elements as raw JSON text and sends it out in batches; its value
/// is how many elements it sent.
struct Elements<'s, 'a> {
    collection: Collection,
    batches: &'s Sender<Batch<'a>>,
}

impl<'a> Elements<'_, 'a> {
    /// Sends a batch out. The readers' end of the queue lives until every reader is
    /// done, so sending cannot fail; were a batch lost, joining the batches would miss
    /// it and the slower path would read the file.
    fn send(&self, first: usize, elements: Vec<&'a RawValue>) {
        background::advance(
            elements
                .iter()
                .map(|element| element.get().len() as u64)
                .sum(),
        );
        let _ = self.batches.send(Batch {
            collection: self.collection,
            first,
            elements,
        });
    }
}

impl<'de> DeserializeSeed<'de> for Elements<'_, 'de> {
    type Value = usize;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<usize, D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for Elements<'_, 'de> {
    type Value = usize;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("an array of elements")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut array: A) -> Result<usize, A::Error> {
        let mut sent = 0;
        let mut batch = Vec::with_capacity(BATCH_LEN);
        while let Some(element) = array.next_element::<&'de RawValue>()? {
            batch.push(element);
            if batch.len() == BATCH_LEN {
                let full = std::mem::replace(&mut batch, Vec::with_capacity(BATCH_LEN));
                self.send(sent, full);
                sent += BATCH_LEN;
            }
        }
        let rest = batch.len();
        if rest > 0 {
            self.send(sent, batch);
        }
        Ok(sent + rest)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::schema::{RawDataset, RawEdge};
    use crate::dataset::synthetic_dataset;

    /// A file large enough to be read on every core.
    fn large_file() -> String {
        let json = synthetic_dataset(6_000, 4);
        assert!(json.len() > MIN_BYTES_TO_SPLIT);
        json
    }

    #[test]
    fn a_large_file_reads_as_serde_reads_it_in_file_order() {
        for json in [large_file(), synthetic_dataset(40, 4)] {
            let expected: RawDataset = serde_json::from_str(&json).unwrap();
            let records = read_records(json.as_bytes()).expect("a well-formed file");
            assert_eq!(records.title, expected.title);
            assert_eq!(records.articles.len(), expected.articles.len());
            assert_eq!(records.nodes.len(), expected.nodes.len());
            let edge_count: usize = records.edges.iter().map(|(_, batch)| batch.len()).sum();
            assert_eq!(edge_count, expected.edges.len());
            for (position, ((index, node), expected)) in
                records.nodes.iter().zip(&expected.nodes).enumerate()
            {
                assert_eq!(*index, position);
                assert_eq!(node.id, expected.id);
                assert_eq!(node.evidence[0].quote, expected.evidence[0].quote);
            }
            for (position, ((index, edge), expected)) in
                indexed(records.edges).zip(&expected.edges).enumerate()
            {
                let edge: RawEdge = serde_json::from_str(edge.get()).unwrap();
                assert_eq!(index, position);
                assert_eq!(edge.id, expected.id);
                assert_eq!(edge.target, expected.target);
            }
        }
    }

    #[test]
    fn anything_but_a_well_formed_dataset_is_left_to_the_slower_path() {
        let json = large_file();
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        let changed = |change: &dyn Fn(&mut serde_json::Value)| {
            let mut value = value.clone();
            change(&mut value);
            value.to_string()
        };
        let refused = [
            changed(&|value| value["format"] = "backchannel/2".into()),
            changed(&|value| value["colour"] = "red".into()),
            changed(&|value| {
                value.as_object_mut().unwrap().remove("title");
            }),
            changed(&|value| value["nodes"][3]["shape"] = "round".into()),
            changed(&|value| value["edges"] = serde_json::json!({})),
            format!("{json} trailing"),
            json.replacen("\"nodes\"", "\"nodes\":[],\"nodes\"", 1),
            json[..json.len() / 2].to_owned(),
        ];
        for (case, text) in refused.iter().enumerate() {
            assert!(
                read_records(text.as_bytes()).is_none(),
                "case {case} was read"
            );
        }
        assert!(read_records(changed(&|_| {}).as_bytes()).is_some());
    }
}
