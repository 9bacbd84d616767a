//! One step of the force layout at 1,000, 10,000 and 50,000 nodes with four edges per
//! node (Barnes-Hut repulsion above 500 nodes). Run alone with
//! `cargo bench --bench layout`.

use backchannel::layout::{ForceLayout, ForceSettings};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};

/// The allocator the app itself uses (see `src/main.rs`).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// A connected random graph: a ring plus three random edges per node (xorshift, seeded).
fn edges(count: usize) -> Vec<(usize, usize)> {
    let mut state = 0x2545_F491_4F6C_DD1Du64;
    let mut edges: Vec<(usize, usize)> =
        (0..count).map(|node| (node, (node + 1) % count)).collect();
    for node in 0..count {
        for _ in 0..3 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            edges.push((node, (state % count as u64) as usize));
        }
    }
    edges
}

fn layout_step(c: &mut Criterion) {
    let mut group = c.benchmark_group("force_layout_step");
    group.sample_size(10);
    for count in [1_000usize, 10_000, 50_000] {
        let mut layout = ForceLayout::new(count, edges(count), ForceSettings::default());
        // Start from a partly settled state, as a running layout is.
        for _ in 0..5 {
            layout.step();
        }
        group.bench_with_input(BenchmarkId::from_parameter(count), &count, |bencher, _| {
            bencher.iter(|| layout.step());
        });
    }
    group.finish();
}

criterion_group!(benches, layout_step);
criterion_main!(benches);
