//! The force layout, timed to a settled drawing and judged by what the drawing shows,
//! beside the peers a user would pick instead, on the same graphs in the same run.
//!
//! First a side-by-side table, one run each: grids, random geometric graphs and
//! scale-free graphs (Barabási-Albert, four links a node) of 1,000 to 100,000 nodes; for
//! each, Backchannel's time to settle and its quality figures (distance correlation,
//! edge ratio: `backchannel::layout::quality`), then Graphviz sfdp's (`sfdp -Tplain`,
//! when `sfdp` is on the PATH) and igraph's Fruchterman-Reingold with 500 iterations
//! (`python3` with `igraph`, up to 10,000 nodes: beyond, one run takes minutes), their
//! positions judged by the same code. Then criterion's timing of the settled layout at
//! 1,000 and 10,000 nodes. Run alone with `cargo bench --bench layout`
//! (`LAYOUT_TABLE=only` prints the table without the criterion part; `LAYOUT_TABLE=no`
//! the reverse).

// A benchmark is a harness: a fixture that fails to build is a failed run.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::Write;
use std::process::{Command, Stdio};
use std::time::Instant;

use backchannel::layout::quality::{Quality, quality};
use backchannel::layout::sample::{self, SampleGraph};
use backchannel::layout::{ForceLayout, ForceSettings};
use criterion::{BenchmarkId, Criterion};

/// The allocator the app itself uses (see `src/main.rs`).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The graphs of the table: name and graph.
fn graphs(sizes: &[usize]) -> Vec<(String, SampleGraph)> {
    let mut graphs = Vec::new();
    for &size in sizes {
        let side = (size as f32).sqrt().round() as usize;
        graphs.push((format!("grid {side}x{side}"), sample::grid(side, side)));
        // About ten neighbours a node, as in a road or sensor network.
        let radius = (10.0 / (size as f32 * std::f32::consts::PI)).sqrt();
        let (geometric, _) = sample::random_geometric(size, radius, 7);
        graphs.push((format!("random geometric {size}"), geometric));
        graphs.push((format!("scale-free {size}"), sample::scale_free(size, 4, 9)));
    }
    graphs
}

fn settle(graph: &SampleGraph) -> Vec<[f32; 2]> {
    let mut layout = ForceLayout::new(
        graph.node_count,
        graph.edges.clone(),
        ForceSettings::default(),
    );
    layout.run(usize::MAX);
    layout.positions().to_vec()
}

/// Graphviz sfdp's positions, or `None` when it is not installed or fails.
fn sfdp(graph: &SampleGraph) -> Option<Vec<[f32; 2]>> {
    let mut dot = String::from("graph G {\n");
    for node in 0..graph.node_count {
        dot.push_str(&format!("{node};\n"));
    }
    for &(a, b) in &graph.edges {
        dot.push_str(&format!("{a} -- {b};\n"));
    }
    dot.push_str("}\n");
    let plain = run_with_input("sfdp", &["-Tplain"], &dot)?;
    let mut positions = vec![[f32::NAN; 2]; graph.node_count];
    for line in plain.lines() {
        let parts: Vec<&str> = line.split_whitespace().collect();
        if let ["node", id, x, y, ..] = parts.as_slice()
            && let (Ok(id), Ok(x), Ok(y)) =
                (id.trim_matches('"').parse::<usize>(), x.parse(), y.parse())
            && let Some(slot) = positions.get_mut(id)
        {
            *slot = [x, y];
        }
    }
    Some(positions)
}

/// igraph's Fruchterman-Reingold (500 iterations) positions, or `None` without python3
/// and igraph.
fn igraph(graph: &SampleGraph) -> Option<Vec<[f32; 2]>> {
    let script = "import sys, igraph\n\
        n = int(sys.stdin.readline())\n\
        edges = [tuple(map(int, l.split())) for l in sys.stdin if l.strip()]\n\
        g = igraph.Graph(n=n, edges=edges)\n\
        for x, y in g.layout_fruchterman_reingold(niter=500): print(x, y)\n";
    let mut input = format!("{}\n", graph.node_count);
    for &(a, b) in &graph.edges {
        input.push_str(&format!("{a} {b}\n"));
    }
    let output = run_with_input("python3", &["-c", script], &input)?;
    let positions: Vec<[f32; 2]> = output
        .lines()
        .filter_map(|line| {
            let mut parts = line.split_whitespace().map(str::parse::<f32>);
            Some([parts.next()?.ok()?, parts.next()?.ok()?])
        })
        .collect();
    (positions.len() == graph.node_count).then_some(positions)
}

fn run_with_input(program: &str, args: &[&str], input: &str) -> Option<String> {
    let mut child = Command::new(program)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .ok()?;
    let mut stdin = child.stdin.take()?;
    let input = input.to_owned();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let output = child.wait_with_output().ok()?;
    let _ = writer.join();
    output
        .status
        .success()
        .then(|| String::from_utf8_lossy(&output.stdout).into_owned())
}

fn cell(result: Option<(Quality, f64)>) -> String {
    match result {
        Some((q, seconds)) => format!(
            "{:.2}, {:.3}, {seconds:.2} s",
            q.distance_correlation, q.edge_ratio
        ),
        None => "not run".to_owned(),
    }
}

fn table() {
    println!(
        "| graph | nodes | edges | Backchannel (corr, ratio, time) | Graphviz sfdp | igraph FR, 500 iterations |"
    );
    println!("|---|---|---|---|---|---|");
    for (name, graph) in graphs(&[1_000, 10_000, 50_000, 100_000]) {
        let judge = |positions: Vec<[f32; 2]>, seconds: f64| {
            (
                quality(graph.node_count, &graph.edges, &positions, 1),
                seconds,
            )
        };
        let start = Instant::now();
        let ours = settle(&graph);
        let ours = judge(ours, start.elapsed().as_secs_f64());
        let start = Instant::now();
        let theirs = sfdp(&graph).map(|p| judge(p, start.elapsed().as_secs_f64()));
        let start = Instant::now();
        let fr = (graph.node_count <= 10_000)
            .then(|| igraph(&graph))
            .flatten()
            .map(|p| judge(p, start.elapsed().as_secs_f64()));
        println!(
            "| {name} | {} | {} | {} | {} | {} |",
            graph.node_count,
            graph.edges.len(),
            cell(Some(ours)),
            cell(theirs),
            cell(fr)
        );
    }
}

fn settled_layout(c: &mut Criterion) {
    let mut group = c.benchmark_group("settled_layout");
    group.sample_size(10);
    for (name, graph) in graphs(&[1_000, 10_000]) {
        group.bench_with_input(
            BenchmarkId::from_parameter(&name),
            &graph,
            |bencher, graph| {
                bencher.iter(|| settle(graph));
            },
        );
    }
    group.finish();
}

fn main() {
    let choice = std::env::var("LAYOUT_TABLE").unwrap_or_default();
    if choice != "no" {
        table();
    }
    if choice != "only" {
        let mut criterion = Criterion::default().configure_from_args();
        settled_layout(&mut criterion);
        criterion.final_summary();
    }
}
