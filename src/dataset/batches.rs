//! Elements checked in batches on every core: the edges of a file come a batch at a
//! time (as records, or as JSON text still to be read), each batch's records freed once
//! its edges are built, so that the records of every edge and the model's edges never
//! all live at once; the problems found keep the file's order.

use serde_json::value::RawValue;

use super::problem::Problems;
use super::schema::RawEdge;
use crate::background;
use crate::parallel::{map_chunks, workers_for};

/// An edge as a reader hands it to the check: its record, or its JSON text still to be
/// read into one.
pub(super) trait EdgeSource: Send {
    /// The record; `None` when the text does not read as one.
    fn take_record(&mut self) -> Option<RawEdge>;
}

impl EdgeSource for RawEdge {
    fn take_record(&mut self) -> Option<RawEdge> {
        Some(std::mem::take(self))
    }
}

impl EdgeSource for &RawValue {
    fn take_record(&mut self) -> Option<RawEdge> {
        serde_json::from_str(self.get()).ok()
    }
}

/// An edge the fast reader handed over as text did not read as a record: the slower
/// path reads the file again and names the problem's place.
#[derive(Debug)]
pub(super) struct NotRead;

/// Edge records checked at a time: enough to share among the cores, few enough that the
/// records of a batch take a few MiB, freed before the next batch.
pub(super) const CHECK_BATCH: usize = 16_384;

/// `elements` in batches of [`CHECK_BATCH`], each taken from `elements` only when the
/// previous one has been used.
pub(super) fn in_batches<T>(mut elements: impl Iterator<Item = T>) -> impl Iterator<Item = Vec<T>> {
    std::iter::from_fn(move || {
        let batch: Vec<T> = elements.by_ref().take(CHECK_BATCH).collect();
        (!batch.is_empty()).then_some(batch)
    })
}

/// Two lists of `(index, item)`, each in index order, merged in index order.
pub(super) fn in_index_order<T>(
    first: impl Iterator<Item = (usize, T)>,
    second: impl Iterator<Item = (usize, T)>,
) -> impl Iterator<Item = (usize, T)> {
    let (mut first, mut second) = (first.peekable(), second.peekable());
    std::iter::from_fn(move || match (first.peek(), second.peek()) {
        (Some((a, _)), Some((b, _))) if b < a => second.next(),
        (Some(_), _) => first.next(),
        (None, _) => second.next(),
    })
}

/// Checks elements on every core, and returns the ones that passed in file order; the
/// problems found are added to `problems` in file order too, as one pass over the
/// elements would find them. `check` may take what it needs out of each element.
pub(super) fn check_on_every_core<Raw: Send, Checked: Send>(
    elements: &mut [Raw],
    problems: &mut Problems,
    check: impl Fn(&mut Raw, &mut Problems) -> Option<Checked> + Sync,
) -> Vec<Checked> {
    /// Elements checked between two progress reports.
    const REPORT_EVERY: usize = 4_096;
    let report = &*problems;
    let progress = background::current();
    let workers = workers_for(elements.len());
    let chunks = map_chunks(elements, workers, |chunk| {
        let mut found = report.part();
        let mut checked = Vec::with_capacity(chunk.len());
        for part in chunk.chunks_mut(REPORT_EVERY) {
            checked.extend(
                part.iter_mut()
                    .filter_map(|element| check(element, &mut found)),
            );
            if let Some(progress) = &progress {
                progress.advance(part.len() as u64);
            }
        }
        (checked, found)
    });
    let mut all = Vec::with_capacity(elements.len());
    for (checked, found) in chunks {
        all.extend(checked);
        problems.append(found);
    }
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn batches_take_every_element_once_in_order() {
        let batches: Vec<Vec<usize>> = in_batches(0..CHECK_BATCH * 2 + 3).collect();
        assert_eq!(
            batches.iter().map(Vec::len).collect::<Vec<_>>(),
            [CHECK_BATCH, CHECK_BATCH, 3]
        );
        assert!(batches.concat().into_iter().eq(0..CHECK_BATCH * 2 + 3));
        assert_eq!(in_batches(0..0).count(), 0);
    }

    #[test]
    fn index_lists_merge_in_index_order() {
        let merged: Vec<(usize, char)> = in_index_order(
            [(0, 'a'), (3, 'b'), (4, 'c')].into_iter(),
            [(1, 'x'), (2, 'y'), (9, 'z')].into_iter(),
        )
        .collect();
        assert_eq!(
            merged,
            [(0, 'a'), (1, 'x'), (2, 'y'), (3, 'b'), (4, 'c'), (9, 'z')]
        );
    }
}
