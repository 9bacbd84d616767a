//! Long work off the window's thread: a [`Job`] runs a closure on a thread of its own,
//! and reports through a shared [`Progress`] what stage it is at, how far along, and
//! whether the user cancelled it.
//!
//! The loaders and measures report to the progress of the job they run in without a
//! parameter for it: [`Job::spawn`] makes the job's progress the thread's *current*
//! one, which [`report`], [`advance`] and [`cancelled`] reach (and which helper
//! threads take along with [`current`]). Outside a job they do nothing and say "not
//! cancelled", so the same loaders serve the command line, the tests and the window.
//!
//! Cancelling is cooperative: the work looks at [`cancelled`] between stages and every
//! few thousand elements, and stops early with an error nobody reads; the window has
//! already forgotten the job and kept what it had open.

use std::cell::RefCell;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU8, AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError, channel};

/// The message of the error a cancelled job stops with (nobody reads it: the window
/// forgets a job it cancels).
pub const CANCELLED: &str = "cancelled";

/// What a job is doing now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Stage {
    /// Waiting to start.
    Starting,
    /// Reading the file's bytes (counted in bytes).
    Reading,
    /// Parsing them into elements (counted in bytes or elements).
    Parsing,
    /// Checking each element and building the model (counted in elements).
    Checking,
    /// Building the graph and its first drawing.
    Drawing,
    /// Computing a measure (counted in nodes).
    Measuring,
    /// Extracting a dataset from articles (counted in the ingest's steps).
    Extracting,
}

impl Stage {
    const ALL: [Stage; 7] = [
        Stage::Starting,
        Stage::Reading,
        Stage::Parsing,
        Stage::Checking,
        Stage::Drawing,
        Stage::Measuring,
        Stage::Extracting,
    ];

    /// The stage as a verb, for a progress line.
    pub fn verb(self) -> &'static str {
        match self {
            Stage::Starting => "Starting",
            Stage::Reading => "Reading",
            Stage::Parsing => "Parsing",
            Stage::Checking => "Checking",
            Stage::Drawing => "Drawing",
            Stage::Measuring => "Measuring",
            Stage::Extracting => "Extracting",
        }
    }

    /// What `done` and `total` count in this stage.
    pub fn unit(self) -> &'static str {
        match self {
            Stage::Reading | Stage::Parsing => "bytes",
            Stage::Checking => "elements",
            Stage::Drawing | Stage::Measuring => "nodes",
            Stage::Extracting => "steps",
            Stage::Starting => "",
        }
    }
}

/// How far a job has come, shared between the job and whoever watches it.
#[derive(Debug)]
pub struct Progress {
    stage: AtomicU8,
    done: AtomicU64,
    total: AtomicU64,
    cancelled: AtomicBool,
}

/// One reading of a [`Progress`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reading {
    /// The stage the job is at.
    pub stage: Stage,
    /// How much of the stage is done.
    pub done: u64,
    /// How much there is in all; 0 when not known.
    pub total: u64,
}

impl Reading {
    /// The share done, in 0..=1, when the total is known.
    pub fn fraction(&self) -> Option<f32> {
        (self.total > 0).then(|| (self.done.min(self.total) as f64 / self.total as f64) as f32)
    }

    /// "Checking 230,000 of 500,000 elements".
    pub fn describe(&self) -> String {
        let unit = self.stage.unit();
        match (self.total, self.stage.unit()) {
            (_, "") => self.stage.verb().to_owned(),
            (0, _) if self.done == 0 => self.stage.verb().to_owned(),
            (0, _) => format!("{} {} {unit}", self.stage.verb(), grouped(self.done)),
            (total, _) => format!(
                "{} {} of {} {unit}",
                self.stage.verb(),
                grouped(self.done.min(total)),
                grouped(total)
            ),
        }
    }
}

/// A count with thousands separated by commas.
pub fn grouped(count: u64) -> String {
    let digits = count.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (position, digit) in digits.chars().enumerate() {
        if position > 0 && (digits.len() - position).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

impl Default for Progress {
    fn default() -> Self {
        Self {
            stage: AtomicU8::new(Stage::Starting as u8),
            done: AtomicU64::new(0),
            total: AtomicU64::new(0),
            cancelled: AtomicBool::new(false),
        }
    }
}

impl Progress {
    /// Enters `stage`, of `total` units (0 when not known), none done yet.
    pub fn start(&self, stage: Stage, total: u64) {
        self.done.store(0, Ordering::Relaxed);
        self.total.store(total, Ordering::Relaxed);
        self.stage.store(stage as u8, Ordering::Relaxed);
    }

    /// Sets the stage, how much of it is done and how much there is, at once.
    pub fn set(&self, stage: Stage, done: u64, total: u64) {
        self.done.store(done, Ordering::Relaxed);
        self.total.store(total, Ordering::Relaxed);
        self.stage.store(stage as u8, Ordering::Relaxed);
    }

    /// Counts `units` more done.
    pub fn advance(&self, units: u64) {
        self.done.fetch_add(units, Ordering::Relaxed);
    }

    /// Sets how much of the stage is done.
    pub fn set_done(&self, done: u64) {
        self.done.store(done, Ordering::Relaxed);
    }

    /// Asks the job to stop.
    pub fn cancel(&self) {
        self.cancelled.store(true, Ordering::Relaxed);
    }

    /// Whether the job was asked to stop.
    pub fn is_cancelled(&self) -> bool {
        self.cancelled.load(Ordering::Relaxed)
    }

    /// Where the job is now.
    pub fn read(&self) -> Reading {
        let stage = self.stage.load(Ordering::Relaxed);
        Reading {
            stage: Stage::ALL
                .into_iter()
                .find(|candidate| *candidate as u8 == stage)
                .unwrap_or(Stage::Starting),
            done: self.done.load(Ordering::Relaxed),
            total: self.total.load(Ordering::Relaxed),
        }
    }
}

thread_local! {
    static CURRENT: RefCell<Option<Arc<Progress>>> = const { RefCell::new(None) };
}

/// The progress of the job this thread works for, to hand to helper threads.
pub fn current() -> Option<Arc<Progress>> {
    CURRENT.with(|current| current.borrow().clone())
}

/// Runs `work` with `progress` as this thread's current progress (for helper threads
/// that work for a job, and for tests).
pub fn with_progress<T>(progress: Option<Arc<Progress>>, work: impl FnOnce() -> T) -> T {
    let before = CURRENT.with(|current| current.replace(progress));
    let result = work();
    CURRENT.with(|current| *current.borrow_mut() = before);
    result
}

/// Enters `stage` of the current job, of `total` units.
pub fn report(stage: Stage, total: u64) {
    if let Some(progress) = current() {
        progress.start(stage, total);
    }
}

/// Counts `units` more done in the current job's stage.
pub fn advance(units: u64) {
    CURRENT.with(|current| {
        if let Some(progress) = current.borrow().as_ref() {
            progress.advance(units);
        }
    });
}

/// Whether the current job was cancelled; false outside a job.
pub fn cancelled() -> bool {
    CURRENT.with(|current| {
        current
            .borrow()
            .as_ref()
            .is_some_and(|progress| progress.is_cancelled())
    })
}

/// How a job ended, when it has.
#[derive(Debug)]
pub enum Outcome<T> {
    /// Still working.
    Running,
    /// Done, with its result.
    Done(T),
    /// The work panicked (a bug): there is no result.
    Failed,
}

/// Work running on a thread of its own.
#[derive(Debug)]
pub struct Job<T> {
    progress: Arc<Progress>,
    result: Receiver<T>,
}

impl<T: Send + 'static> Job<T> {
    /// Starts `work` on a new thread named `name`; `finished` is called on that thread
    /// once the result can be taken (the window asks for a frame there).
    pub fn spawn(
        name: &str,
        work: impl FnOnce() -> T + Send + 'static,
        finished: impl FnOnce() + Send + 'static,
    ) -> Self {
        let progress = Arc::new(Progress::default());
        let (sender, result) = channel();
        let shared = Arc::clone(&progress);
        let spawned = std::thread::Builder::new()
            .name(name.to_owned())
            .spawn(move || {
                let outcome = with_progress(Some(shared), || {
                    std::panic::catch_unwind(std::panic::AssertUnwindSafe(work))
                });
                if let Ok(value) = outcome {
                    // The watcher may have gone (cancelled): nobody wants the result.
                    let _ = sender.send(value);
                }
                finished();
            });
        if let Err(error) = spawned {
            log::error!("could not start a thread for {name}: {error}");
        }
        Self { progress, result }
    }
}

impl<T> Job<T> {
    /// Where the job is.
    pub fn progress(&self) -> Reading {
        self.progress.read()
    }

    /// Asks the job to stop; its result, if it still comes, is never taken.
    pub fn cancel(&self) {
        self.progress.cancel();
    }

    /// Takes the result if the job has ended, without waiting.
    pub fn poll(&self) -> Outcome<T> {
        match self.result.try_recv() {
            Ok(value) => Outcome::Done(value),
            Err(TryRecvError::Empty) => Outcome::Running,
            Err(TryRecvError::Disconnected) => Outcome::Failed,
        }
    }

    /// Waits for the job to end (for the command line and tests).
    pub fn wait(self) -> Option<T> {
        self.result.recv().ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_job_reports_its_stages_and_hands_back_its_result() {
        let (go, wait) = channel::<()>();
        let job = Job::spawn(
            "test job",
            move || {
                report(Stage::Checking, 10);
                advance(4);
                let _ = wait.recv();
                7
            },
            || {},
        );
        // The job has reported and waits: its reading is fixed now.
        let reading = loop {
            let reading = job.progress();
            if reading.done == 4 {
                break reading;
            }
            std::thread::yield_now();
        };
        assert_eq!(reading.stage, Stage::Checking);
        assert_eq!(reading.total, 10);
        assert_eq!(reading.fraction(), Some(0.4));
        assert_eq!(reading.describe(), "Checking 4 of 10 elements");
        assert!(matches!(job.poll(), Outcome::Running));
        go.send(()).unwrap();
        assert_eq!(job.wait(), Some(7));
    }

    #[test]
    fn cancelling_is_seen_by_the_work_and_a_panic_gives_no_result() {
        let job = Job::spawn(
            "cancelled job",
            || {
                while !cancelled() {
                    std::thread::yield_now();
                }
                "stopped"
            },
            || {},
        );
        job.cancel();
        assert_eq!(job.wait(), Some("stopped"));
        let job: Job<u8> = Job::spawn("failing job", || panic!("a bug"), || {});
        while matches!(job.poll(), Outcome::Running) {
            std::thread::yield_now();
        }
        assert!(matches!(job.poll(), Outcome::Failed));
        assert!(!cancelled(), "outside a job nothing is cancelled");
    }

    #[test]
    fn counts_are_grouped_by_thousands() {
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(1_000), "1,000");
        assert_eq!(grouped(43_325_733), "43,325,733");
    }
}
