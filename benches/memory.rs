//! Peak memory and time of opening a 100,000-node, 400,000-edge graph: `check` of a
//! GEXF as Gephi writes it, the same graph in our format, and the window showing the
//! GEXF (the app's heap, without painting), side by side with
//! networkx's `read_gexf` on the same file in the same run (when python3 with networkx
//! is installed). Peak bytes come from a counting allocator around mimalloc, the
//! allocator the app uses; networkx's from its process's peak resident memory. Run alone
//! with `cargo bench --bench memory`.

// A benchmark is a harness: a fixture that fails to build is a failed run.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::Path;
use std::time::Instant;

use backchannel::interchange::load_file;
use backchannel::interchange::{GraphFormat, synthetic_gexf, write_graph};
use criterion::{Criterion, criterion_group, criterion_main};
use peakmem_alloc::{PeakMemAlloc, PeakMemAllocTrait};

/// mimalloc, the allocator the app uses, with a count of the most bytes live at once
/// since the count was last reset (peakmem-alloc: the project itself has no unsafe code,
/// and a global allocator must be an `unsafe impl`).
#[global_allocator]
static ALLOCATOR: PeakMemAlloc<mimalloc::MiMalloc> = PeakMemAlloc::new(mimalloc::MiMalloc);

const MIB: f64 = 1024.0 * 1024.0;

/// Loads `path` once; the peak bytes above what was live before, the seconds, and the
/// nodes and edges read.
fn measured_load(path: &Path) -> (f64, f64, usize, usize) {
    ALLOCATOR.reset_peak_memory();
    let start = Instant::now();
    let loaded = load_file(path).expect("the graph loads");
    let seconds = start.elapsed().as_secs_f64();
    let peak = ALLOCATOR.get_peak_memory() as f64 / MIB;
    (
        peak,
        seconds,
        loaded.model.nodes.len(),
        loaded.model.edges.len(),
    )
}

fn memory(c: &mut Criterion) {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let gexf = folder.path().join("100000.gexf");
    std::fs::write(&gexf, synthetic_gexf(100_000, 4)).expect("the GEXF is written");
    let ours = folder.path().join("100000.json");
    let model = load_file(&gexf).expect("the GEXF loads").model;
    write_graph(&model, GraphFormat::Backchannel, &ours, &[]).expect("written");
    drop(model);
    for (name, path) in [("GEXF", &gexf), ("our format", &ours)] {
        let size = std::fs::metadata(path).map_or(0, |metadata| metadata.len()) as f64 / MIB;
        let (peak, seconds, nodes, edges) = measured_load(path);
        println!(
            "quality: {name} ({size:.0} MiB, {nodes} nodes, {edges} edges): peak {peak:.0} MiB, {seconds:.2} s"
        );
    }
    // The window on the same GEXF: the app's heap at its peak, from opening the file to
    // ten frames after it shows (egui_kittest's harness paints nothing, so a graphics
    // driver's own memory is not in it).
    ALLOCATOR.reset_peak_memory();
    let mut harness = common::window_on(&gexf);
    harness.run_steps(10);
    println!(
        "quality: the window showing the GEXF ({} nodes): peak {:.0} MiB allocated by the app",
        harness.state().model().nodes.len(),
        ALLOCATOR.get_peak_memory() as f64 / MIB
    );
    drop(harness);
    match common::networkx(&gexf) {
        Some((seconds, mib)) => println!(
            "peer: networkx read_gexf on the same GEXF: peak resident {mib:.0} MiB, {seconds:.2} s"
        ),
        None => println!("peer: networkx is not installed; no comparison"),
    }
    let mut group = c.benchmark_group("memory");
    group.sample_size(10);
    // The model is dropped outside the timing, as networkx's graph is outside its
    // `read_gexf` timing.
    group.bench_function("check_100000_nodes_400000_edges_gexf", |bencher| {
        bencher.iter_with_large_drop(|| load_file(&gexf));
    });
    group.finish();
}

criterion_group!(benches, memory);
criterion_main!(benches);
