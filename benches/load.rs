//! Loading a 100,000-node dataset (parse, validate every quote, build the model) and the
//! 100,000-node GEXF beside networkx's `read_gexf` of it,
//! opening 5,000-node GEXF, GraphML and CSV files (read, check, model; and the window's
//! first frame on the GEXF), and start-up to the first frame on the seed dataset. Run
//! alone with `cargo bench --bench load`.

// A benchmark is a harness: a fixture that fails to build is a failed run.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::PathBuf;

use backchannel::dataset::{EmbeddedStore, load_bytes, synthetic_dataset};
use backchannel::interchange::load_file;
use backchannel::interchange::{GraphFormat, synthetic_gexf, write_graph};
use backchannel::ui::AppOptions;
use criterion::{Criterion, criterion_group, criterion_main};

/// The allocator the app itself uses (see `src/main.rs`).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn load(c: &mut Criterion) {
    let json = synthetic_dataset(100_000, 4);
    let mut group = c.benchmark_group("load");
    group.sample_size(10);
    let store = EmbeddedStore::new(&[]);
    // Loading ends when the model is ready; freeing it when the user closes it or opens
    // another file is not part of loading, so the first figure leaves it out and the
    // second counts it too.
    group.bench_function("100000_nodes_400000_edges", |bencher| {
        bencher.iter_with_large_drop(|| load_bytes("synthetic.json", json.as_bytes(), &store));
    });
    group.bench_function("100000_nodes_400000_edges_then_freed", |bencher| {
        bencher.iter(|| {
            let loaded = load_bytes("synthetic.json", json.as_bytes(), &store);
            loaded.map(|loaded| loaded.model.nodes.len()).unwrap_or(0)
        });
    });
    let folder = tempfile::tempdir().expect("a temporary folder");
    let gexf = gephi_like_gexf(folder.path().join("5000.gexf"), 5_000, 4);
    for (format, name) in [
        (GraphFormat::GraphMl, "5000.graphml"),
        (GraphFormat::Csv, "5000.csv"),
    ] {
        let model = load_file(&gexf).expect("the GEXF loads").model;
        write_graph(&model, format, &folder.path().join(name), &[]).expect("written");
    }
    for name in ["5000.gexf", "5000.graphml", "5000.csv"] {
        let path = folder.path().join(name);
        group.bench_function(format!("open_{name}_20000_edges"), |bencher| {
            bencher.iter(|| {
                load_file(&path)
                    .map(|loaded| loaded.model.nodes.len())
                    .unwrap_or(0)
            });
        });
    }
    // The big GEXF, timed with the allocator the app uses and nothing counting
    // around it (`--bench memory` counts every allocation for its peaks), side by side
    // with networkx's `read_gexf` of the same file in the same run.
    let big = gephi_like_gexf(folder.path().join("100000.gexf"), 100_000, 4);
    match common::networkx(&big) {
        Some((seconds, mib)) => println!(
            "peer: networkx read_gexf of the 100,000-node, 400,000-edge GEXF: {seconds:.2} s, peak resident {mib:.0} MiB"
        ),
        None => println!("peer: networkx is not installed; no comparison"),
    }
    // The model is dropped outside the timing, as networkx's graph is outside its
    // `read_gexf` timing.
    group.bench_function("open_100000.gexf_400000_edges", |bencher| {
        bencher.iter_with_large_drop(|| load_file(&big));
    });
    group.bench_function("open_5000.gexf_to_first_frame", |bencher| {
        bencher.iter(|| {
            let mut harness = common::window_on(&gexf);
            harness.step();
            harness.output().shapes.len()
        });
    });
    group.bench_function("seed_start_up_to_first_frame", |bencher| {
        bencher.iter(|| {
            let mut harness = common::window(AppOptions::default());
            harness.step();
            harness.output().shapes.len()
        });
    });
    group.finish();
}

/// A GEXF as Gephi writes it, `nodes` nodes with `edges_per_node` edges each, at `path`.
fn gephi_like_gexf(path: PathBuf, nodes: usize, edges_per_node: usize) -> PathBuf {
    std::fs::write(&path, synthetic_gexf(nodes, edges_per_node)).expect("the GEXF is written");
    path
}

criterion_group!(benches, load);
criterion_main!(benches);
