//! Work split over the machine's cores (loading, a big model's edge ends): contiguous chunks, one per worker,
//! whose results come back in the order of the items, so that a load finds the same
//! problems in the same order on one core or on many.
//!
//! `std::thread::scope` is enough here: a load splits its work a few times, each into
//! as many chunks as there are cores, so there is no pool to keep and no crate to add.

use std::num::NonZeroUsize;

/// Below this many items per worker a job is not split: starting a thread costs more
/// than it saves.
const MIN_ITEMS_PER_WORKER: usize = 2_048;

/// The most workers a job is split into.
const MAX_WORKERS: usize = 16;

/// How many cores work may be split over: the machine's, at most [`MAX_WORKERS`]; one
/// fewer for work done for the window (in a [`crate::background`] job), which leaves a
/// core to the window's thread so that its frames never wait for the load.
pub(crate) fn cores() -> usize {
    let all = std::thread::available_parallelism().map_or(1, NonZeroUsize::get);
    let usable = if crate::background::current().is_some() {
        all.saturating_sub(1).max(1)
    } else {
        all
    };
    usable.min(MAX_WORKERS)
}

/// How many workers to split `len` items over on this machine: one per core, but never
/// fewer than [`MIN_ITEMS_PER_WORKER`] items each.
pub(crate) fn workers_for(len: usize) -> usize {
    cores().min(len / MIN_ITEMS_PER_WORKER).max(1)
}

/// Applies `work` to `items` split into `workers` contiguous chunks and returns the
/// chunks' results in the items' order. With one worker (or one item) it runs on the calling thread; a panic in a worker is
/// raised again on the calling thread, as if the work had run there.
pub(crate) fn map_chunks<T, R>(
    items: &mut [T],
    workers: usize,
    work: impl Fn(&mut [T]) -> R + Sync,
) -> Vec<R>
where
    T: Send,
    R: Send,
{
    let workers = workers.clamp(1, items.len().max(1));
    if workers == 1 {
        return vec![work(items)];
    }
    let chunk_len = items.len().div_ceil(workers);
    let work = &work;
    std::thread::scope(|scope| {
        let handles: Vec<_> = items
            .chunks_mut(chunk_len)
            .map(|items| scope.spawn(move || work(items)))
            .collect();
        handles
            .into_iter()
            .map(|handle| {
                handle
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    })
}

/// Runs `main` on the calling thread and `helper` on `helpers` more threads at the same
/// time, and returns `main`'s result and the helpers'. A panic in a helper is raised
/// again on the calling thread.
pub(crate) fn join_all<A: Send, B>(
    helpers: usize,
    helper: impl Fn() -> A + Sync,
    main: impl FnOnce() -> B,
) -> (B, Vec<A>) {
    let helper = &helper;
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..helpers).map(|_| scope.spawn(helper)).collect();
        let mine = main();
        let theirs = handles
            .into_iter()
            .map(|handle| {
                handle
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect();
        (mine, theirs)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunks_come_back_in_order_and_cover_every_item_once() {
        for workers in [1, 2, 3, 7, 100] {
            let mut items: Vec<usize> = (0..20).collect();
            let chunks = map_chunks(&mut items, workers, |chunk| {
                for item in chunk.iter_mut() {
                    *item *= 10;
                }
                chunk.to_vec()
            });
            let joined: Vec<usize> = chunks.into_iter().flatten().collect();
            assert_eq!(joined, (0..20).map(|item| item * 10).collect::<Vec<_>>());
            assert_eq!(items, joined, "the work changed the items in place");
            assert!(map_chunks(&mut items, workers, |_| ()).len() <= workers);
        }
    }

    #[test]
    fn no_items_is_one_empty_chunk() {
        let mut items: Vec<u8> = Vec::new();
        assert_eq!(map_chunks(&mut items, 4, |chunk| chunk.len()), vec![0]);
    }

    #[test]
    fn small_jobs_are_not_split() {
        assert_eq!(workers_for(0), 1);
        assert_eq!(workers_for(MIN_ITEMS_PER_WORKER - 1), 1);
        assert!(workers_for(MIN_ITEMS_PER_WORKER * 64) <= MAX_WORKERS);
    }
}
