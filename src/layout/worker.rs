//! A force layout running on its own thread, streaming positions to whoever shows them,
//! so that a window never waits for the layout.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

use super::{ForceLayout, Progress};

/// Least time between two published snapshots.
const PUBLISH_INTERVAL: Duration = Duration::from_millis(16);

/// The latest positions a worker published.
#[derive(Debug, Clone, PartialEq)]
pub struct Snapshot {
    /// Positions, by node.
    pub positions: Vec<[f32; 2]>,
    /// Steps run so far.
    pub steps: usize,
    /// Whether the layout has settled (the worker then stops).
    pub settled: bool,
    /// How far the layout had come.
    pub progress: Progress,
}

struct Shared {
    latest: Mutex<Option<Snapshot>>,
    paused: AtomicBool,
    stopped: AtomicBool,
}

/// A [`ForceLayout`] stepping on a background thread until it settles, `max_steps` have
/// run, or it is stopped (also when the worker is dropped).
pub struct LayoutWorker {
    shared: Arc<Shared>,
    thread: Option<JoinHandle<()>>,
    /// Whether the thread stopped on a panic (known once it was joined).
    failed: bool,
}

impl LayoutWorker {
    /// Starts stepping `layout`; `notify` is called (from the worker thread) after each
    /// published snapshot, for example to ask a window for a repaint.
    pub fn start(
        layout: ForceLayout,
        max_steps: usize,
        notify: impl Fn() + Send + 'static,
    ) -> Self {
        Self::start_with_finish(layout, max_steps, notify, |_| {})
    }

    /// Like [`LayoutWorker::start`], and once the layout is done (settled or out of
    /// steps, not when stopped) runs `finish` on it, still on the worker thread, before
    /// publishing the last snapshot: work such as removing label overlaps, which takes
    /// seconds at tens of thousands of nodes, never holds up the window.
    pub fn start_with_finish(
        mut layout: ForceLayout,
        max_steps: usize,
        notify: impl Fn() + Send + 'static,
        finish: impl FnOnce(&mut ForceLayout) + Send + 'static,
    ) -> Self {
        let mut finish = Some(finish);
        let shared = Arc::new(Shared {
            latest: Mutex::new(None),
            paused: AtomicBool::new(false),
            stopped: AtomicBool::new(false),
        });
        let worker_shared = Arc::clone(&shared);
        let thread = std::thread::Builder::new()
            .name("backchannel-layout".to_owned())
            .spawn(move || {
                let mut last_publish = std::time::Instant::now();
                let mut steps = 0;
                loop {
                    if worker_shared.stopped.load(Ordering::Relaxed) {
                        return;
                    }
                    if worker_shared.paused.load(Ordering::Relaxed) {
                        std::thread::sleep(Duration::from_millis(10));
                        continue;
                    }
                    layout.step();
                    steps += 1;
                    let done = layout.is_settled() || steps >= max_steps;
                    if done && let Some(finish) = finish.take() {
                        finish(&mut layout);
                    }
                    if done || last_publish.elapsed() >= PUBLISH_INTERVAL {
                        let snapshot = Snapshot {
                            positions: layout.positions().to_vec(),
                            steps,
                            settled: done,
                            progress: layout.progress(),
                        };
                        if let Ok(mut latest) = worker_shared.latest.lock() {
                            *latest = Some(snapshot);
                        }
                        last_publish = std::time::Instant::now();
                        notify();
                    }
                    if done {
                        return;
                    }
                }
            })
            .ok();
        Self {
            shared,
            thread,
            failed: false,
        }
    }

    /// The newest snapshot not yet taken, if any.
    pub fn take(&self) -> Option<Snapshot> {
        self.shared
            .latest
            .lock()
            .ok()
            .and_then(|mut latest| latest.take())
    }

    /// Pauses or resumes stepping.
    pub fn set_paused(&self, paused: bool) {
        self.shared.paused.store(paused, Ordering::Relaxed);
    }

    /// Whether it is paused.
    pub fn is_paused(&self) -> bool {
        self.shared.paused.load(Ordering::Relaxed)
    }

    /// Whether the thread has finished (settled, out of steps, stopped, or it could not
    /// start).
    pub fn is_finished(&self) -> bool {
        self.thread.as_ref().is_none_or(JoinHandle::is_finished)
    }

    /// Stops the thread and waits for it.
    /// Whether the thread stopped on a panic; joins it once it has finished. The last
    /// snapshot it streamed stays valid.
    pub fn panicked(&mut self) -> bool {
        if self.thread.as_ref().is_some_and(JoinHandle::is_finished)
            && let Some(thread) = self.thread.take()
        {
            self.failed = thread.join().is_err();
        }
        self.failed
    }

    pub fn stop(&mut self) {
        self.shared.stopped.store(true, Ordering::Relaxed);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl Drop for LayoutWorker {
    fn drop(&mut self) {
        self.stop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::ForceSettings;
    use std::sync::atomic::AtomicUsize;

    fn ring(count: usize) -> ForceLayout {
        let edges = (0..count).map(|node| (node, (node + 1) % count)).collect();
        ForceLayout::new(count, edges, ForceSettings::default())
    }

    fn wait_until(mut condition: impl FnMut() -> bool) {
        let start = std::time::Instant::now();
        while !condition() {
            assert!(start.elapsed() < Duration::from_secs(60), "timed out");
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    #[test]
    fn a_panic_on_the_thread_is_reported_and_keeps_the_last_snapshot() {
        let mut worker = LayoutWorker::start(ring(50), 5_000, || panic!("a failing observer"));
        wait_until(|| worker.is_finished());
        assert!(worker.panicked());
        let last = worker
            .take()
            .expect("the snapshot published before the panic");
        assert_eq!(last.positions.len(), 50);
    }

    #[test]
    fn streams_positions_until_settled_and_notifies() {
        let notified = Arc::new(AtomicUsize::new(0));
        let counter = Arc::clone(&notified);
        let worker = LayoutWorker::start(ring(200), 5_000, move || {
            counter.fetch_add(1, Ordering::Relaxed);
        });
        wait_until(|| worker.is_finished());
        let last = worker.take().expect("a final snapshot");
        assert!(last.settled);
        assert_eq!(last.positions.len(), 200);
        assert!(
            last.positions
                .iter()
                .all(|p| p[0].is_finite() && p[1].is_finite())
        );
        assert!(notified.load(Ordering::Relaxed) >= 1);
        // The same layout stepped on this thread ends in the same place.
        let mut here = ring(200);
        here.run(5_000);
        assert_eq!(here.positions(), last.positions.as_slice());
    }

    #[test]
    fn the_finishing_step_runs_once_on_the_thread_before_the_last_snapshot() {
        let finishes = Arc::new(AtomicUsize::new(0));
        let counter = Arc::clone(&finishes);
        let ui_thread = std::thread::current().id();
        let worker = LayoutWorker::start_with_finish(
            ring(200),
            5_000,
            || {},
            move |layout| {
                assert_ne!(std::thread::current().id(), ui_thread);
                counter.fetch_add(1, Ordering::Relaxed);
                layout.scale(2.0);
            },
        );
        wait_until(|| worker.is_finished());
        let last = worker.take().expect("a final snapshot");
        assert!(last.settled);
        assert_eq!(finishes.load(Ordering::Relaxed), 1);
        // The last snapshot is the finished layout: the settled one, scaled.
        let mut here = ring(200);
        here.run(5_000);
        here.scale(2.0);
        assert_eq!(here.positions(), last.positions.as_slice());
    }

    #[test]
    fn pauses_resumes_and_stops() {
        let mut worker = LayoutWorker::start(ring(2_000), usize::MAX, || {});
        worker.set_paused(true);
        assert!(worker.is_paused());
        std::thread::sleep(Duration::from_millis(50));
        let _ = worker.take();
        std::thread::sleep(Duration::from_millis(100));
        assert!(worker.take().is_none(), "nothing is published while paused");
        worker.set_paused(false);
        wait_until(|| worker.take().is_some());
        worker.stop();
        assert!(worker.is_finished());
    }
}
