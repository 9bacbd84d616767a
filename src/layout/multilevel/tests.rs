//! The force layout's own tests: settling, packing, pins, refinements, determinism.
use super::component::lay_long_axis_flat;
use super::*;

fn distance(positions: &[[f32; 2]], a: usize, b: usize) -> f32 {
    (positions[a][0] - positions[b][0]).hypot(positions[a][1] - positions[b][1])
}

fn finite(positions: &[[f32; 2]]) -> bool {
    positions
        .iter()
        .all(|p| p[0].is_finite() && p[1].is_finite())
}

/// The edges of two cliques of five (nodes 0-4 and 5-9) joined by one edge.
fn two_clique_edges() -> Vec<(usize, usize)> {
    let mut edges = Vec::new();
    for offset in [0, 5] {
        for a in 0..5 {
            for b in (a + 1)..5 {
                edges.push((offset + a, offset + b));
            }
        }
    }
    edges.push((0, 5));
    edges
}

fn settled(node_count: usize, edges: Vec<(usize, usize)>) -> ForceLayout {
    let mut layout = ForceLayout::new(node_count, edges, ForceSettings::default());
    let steps = layout.run(100_000);
    assert!(layout.is_settled(), "not settled after {steps} steps");
    layout
}

#[test]
fn cliques_come_apart_and_edges_get_the_ideal_length() {
    let layout = settled(10, two_clique_edges());
    let positions = layout.positions();
    let within: f32 = [0, 2, 3, 4].map(|b| distance(positions, 1, b)).iter().sum();
    let across: f32 = (6..10).map(|b| distance(positions, 1, b)).sum();
    assert!(within * 1.5 < across, "within {within}, across {across}");
    let median = layout.median_edge_length().unwrap_or_default();
    assert!((median - 120.0).abs() < 1.0, "median edge {median}");
}

#[test]
fn a_big_component_is_laid_out_level_by_level_and_reports_progress() {
    // A ring of 1,000 with chords: several levels, more than one step.
    let edges: Vec<(usize, usize)> = (0..1_000)
        .flat_map(|n| [(n, (n + 1) % 1_000), (n, (n + 7) % 1_000)])
        .collect();
    let mut layout = ForceLayout::new(1_000, edges, ForceSettings::default());
    layout.step();
    let first = layout.progress();
    assert!(first.levels > 3, "{first:?}");
    assert_eq!(
        (first.laid_out, first.total, first.current),
        (0, 1_000, 1_000)
    );
    let mut fractions = vec![first.fraction()];
    while !layout.step() {
        fractions.push(layout.progress().fraction());
    }
    assert!(
        fractions.windows(2).all(|w| w[0] <= w[1]),
        "progress never goes back"
    );
    assert_eq!(layout.progress().laid_out, 1_000);
    assert_eq!(layout.progress().fraction(), 1.0);
    assert!(finite(layout.positions()));
}

#[test]
fn components_are_packed_apart_biggest_in_the_middle() {
    // A path of 30, then twenty pairs and ten isolated nodes.
    let mut edges: Vec<(usize, usize)> = (0..29).map(|n| (n, n + 1)).collect();
    edges.extend((0..20).map(|i| (30 + 2 * i, 31 + 2 * i)));
    let layout = settled(80, edges);
    let positions = layout.positions();
    let centre_of_path = positions[..30]
        .iter()
        .fold([0.0f32; 2], |c, p| [c[0] + p[0] / 30.0, c[1] + p[1] / 30.0]);
    assert!(centre_of_path[0].hypot(centre_of_path[1]) < 1.0);
    // Every node's nearest other node is in its own component, isolates aside.
    for a in 30..70 {
        let partner = if a % 2 == 0 { a + 1 } else { a - 1 };
        let nearest = (0..80)
            .filter(|&b| b != a)
            .min_by(|&b, &c| distance(positions, a, b).total_cmp(&distance(positions, a, c)));
        assert_eq!(nearest, Some(partner), "node {a}");
    }
}

#[test]
fn odd_graphs_give_finite_layouts() {
    for (count, edges) in [
        (0, vec![]),
        (1, vec![(0, 0)]),
        (2, vec![(0, 1), (0, 1), (1, 0), (1, 1), (5, 9)]),
        (50, vec![]),
        (2_001, (1..2_001).map(|leaf| (0, leaf)).collect()),
    ] {
        let layout = settled(count, edges);
        assert_eq!(layout.positions().len(), count);
        assert!(finite(layout.positions()), "{count} nodes");
    }
    // Nodes given the same spot come apart.
    let mut layout = ForceLayout::from_positions(
        vec![[5.0, 5.0]; 6],
        vec![false; 6],
        vec![(0, 1), (1, 2)],
        ForceSettings::default(),
    );
    layout.run(10_000);
    assert!(finite(layout.positions()));
    assert!(distance(layout.positions(), 0, 1) > 1.0);
}

#[test]
fn pinned_nodes_stay_where_they_were_put() {
    let mut layout = ForceLayout::new(10, two_clique_edges(), ForceSettings::default());
    layout.pin(3, [400.0, -250.0]);
    layout.run(100_000);
    assert_eq!(layout.positions()[3], [400.0, -250.0]);
    assert!(layout.is_pinned(3));
    // The others sit around it, not around the origin.
    assert!(distance(layout.positions(), 3, 1) < 300.0);
    layout.pin(4, [f32::NAN, 0.0]);
    assert!(!layout.is_pinned(4));
}

#[test]
fn a_refinement_around_a_node_moves_only_its_neighbourhood() {
    // A path 0-1-2-3-4-5: dropping 0 far away moves 1 and 2 toward it, 3-5 stay.
    let start: Vec<[f32; 2]> = (0..6).map(|n| [n as f32 * 120.0, 0.0]).collect();
    let mut pins = vec![false; 6];
    pins[0] = true;
    let mut moved = start.clone();
    moved[0] = [-400.0, 300.0];
    let edges: Vec<(usize, usize)> = (0..5).map(|n| (n, n + 1)).collect();
    let mut layout = ForceLayout::around(moved, pins, edges, ForceSettings::default(), 0, 2);
    layout.run(10_000);
    let after = layout.positions();
    assert_eq!(after[0], [-400.0, 300.0]);
    assert!(distance(after, 0, 1) < distance(&start, 0, 1) + 500.0 - 1.0);
    assert_ne!(after[1], start[1]);
    for n in 3..6 {
        assert_eq!(after[n], start[n], "node {n} is out of reach");
    }
}

#[test]
fn a_scaled_layout_keeps_its_size_when_it_runs_again() {
    let mut layout = settled(10, two_clique_edges());
    layout.scale(2.0);
    let before = distance(layout.positions(), 0, 9);
    layout.reheat();
    layout.run(10_000);
    let after = distance(layout.positions(), 0, 9);
    assert!((after / before - 1.0).abs() < 0.15, "{before} -> {after}");
}

#[test]
fn the_same_graph_and_seed_give_the_same_positions() {
    let edges: Vec<(usize, usize)> = (0..3_000)
        .flat_map(|n| [(n, (n + 1) % 3_000), (n, (n * 7 + 3) % 3_000)])
        .collect();
    let run = |seed| {
        let settings = ForceSettings {
            seed,
            ..ForceSettings::default()
        };
        let mut layout = ForceLayout::new(3_000, edges.clone(), settings);
        layout.run(100_000);
        layout.positions().to_vec()
    };
    let first = run(0);
    assert_eq!(first, run(0));
    assert_ne!(first, run(7));
}

#[test]
fn the_long_axis_is_laid_flat() {
    let mut places = vec![[0.0, -50.0], [1.0, 0.0], [0.0, 50.0], [-1.0, 0.0]];
    lay_long_axis_flat(&mut places);
    let width = places.iter().map(|p| p[0].abs()).fold(0.0f32, f32::max);
    let height = places.iter().map(|p| p[1].abs()).fold(0.0f32, f32::max);
    assert!(width > 49.0 && height < 2.0, "{places:?}");
}
