//! Loading a 100,000-node dataset (parse, validate every quote, build the model), and
//! start-up to the first frame on the seed dataset. Run alone with
//! `cargo bench --bench load`.

use backchannel::dataset::{EmbeddedStore, load_bytes, synthetic_dataset};
use backchannel::ui::{AppOptions, BackchannelApp};
use criterion::{Criterion, criterion_group, criterion_main};
use egui_kittest::Harness;

fn load(c: &mut Criterion) {
    let json = synthetic_dataset(100_000, 4);
    let mut group = c.benchmark_group("load");
    group.sample_size(10);
    group.bench_function("100000_nodes_400000_edges", |bencher| {
        bencher.iter(|| {
            let loaded = load_bytes("synthetic.json", json.as_bytes(), &EmbeddedStore::new(&[]));
            loaded.map(|loaded| loaded.model.nodes.len()).unwrap_or(0)
        });
    });
    group.bench_function("seed_start_up_to_first_frame", |bencher| {
        bencher.iter(|| {
            let mut harness = Harness::builder()
                .with_size(egui::Vec2::new(1600.0, 1000.0))
                .build_eframe(|_| BackchannelApp::new(AppOptions::default()));
            harness.step();
            harness.output().shapes.len()
        });
    });
    group.finish();
}

criterion_group!(benches, load);
criterion_main!(benches);
