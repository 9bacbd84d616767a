//! The force layout judged by what its drawings show, on graphs whose shape is known,
//! generated here: grids and random geometric graphs drawn with their shape, communities
//! and components kept apart, and hostile graphs laid out finite and in bounded time.

use backchannel::layout::quality::{neighbour_agreement, quality};
use backchannel::layout::sample::{self, SampleGraph};
use backchannel::layout::{ForceLayout, ForceSettings};

fn laid_out(graph: &SampleGraph) -> Vec<[f32; 2]> {
    let mut layout = ForceLayout::new(
        graph.node_count,
        graph.edges.clone(),
        ForceSettings::default(),
    );
    layout.run(usize::MAX);
    assert!(layout.is_settled());
    let positions = layout.positions().to_vec();
    assert!(
        positions
            .iter()
            .all(|p| p[0].is_finite() && p[1].is_finite()),
        "a position is not finite"
    );
    positions
}

#[test]
fn a_grid_is_drawn_as_a_grid() {
    let grid = sample::grid(60, 60);
    let drawn = quality(grid.node_count, &grid.edges, &laid_out(&grid), 1);
    println!("60x60 grid: {drawn:?}");
    assert!(drawn.distance_correlation >= 0.9, "{drawn:?}");
    assert!(drawn.edge_ratio <= 0.05, "{drawn:?}");
}

#[test]
fn a_random_geometric_graph_keeps_its_geometry() {
    let radius = (10.0f32 / (3_000.0 * std::f32::consts::PI)).sqrt();
    let (graph, _) = sample::random_geometric(3_000, radius, 7);
    let drawn = quality(graph.node_count, &graph.edges, &laid_out(&graph), 1);
    println!("random geometric, 3,000 nodes: {drawn:?}");
    assert!(drawn.distance_correlation >= 0.9, "{drawn:?}");
    assert!(drawn.edge_ratio <= 0.05, "{drawn:?}");
}

#[test]
fn dense_communities_come_out_as_separate_clusters() {
    let graph = sample::communities(20, 100, 0.3, 100, 3);
    let agreement = neighbour_agreement(&laid_out(&graph), &graph.groups);
    println!("20 communities of 100: nearest drawn node in the same community for {agreement}");
    assert!(agreement >= 0.9, "{agreement}");
}

#[test]
fn components_are_kept_apart() {
    let graph = sample::components(300, 12, 5);
    let agreement = neighbour_agreement(&laid_out(&graph), &graph.groups);
    println!("300 components: nearest drawn node in the same component for {agreement}");
    assert!(agreement >= 0.9, "{agreement}");
}

#[test]
fn hostile_graphs_give_finite_layouts() {
    // A star whose hub has 100,000 neighbours, with a loop and a repeated edge.
    let mut star: Vec<(usize, usize)> = (1..=100_000).map(|leaf| (0, leaf)).collect();
    star.extend([(0, 0), (0, 1), (1, 0)]);
    let star = SampleGraph {
        node_count: 100_001,
        edges: star,
        groups: Vec::new(),
    };
    let positions = laid_out(&star);
    // The leaves spread around the hub, none on top of it.
    let hub = positions[0];
    let nearest = positions[1..]
        .iter()
        .map(|p| (p[0] - hub[0]).hypot(p[1] - hub[1]))
        .fold(f32::MAX, f32::min);
    assert!(nearest > 1.0, "a leaf sits on the hub: {nearest}");
    for graph in [
        SampleGraph {
            node_count: 1,
            edges: vec![(0, 0)],
            groups: Vec::new(),
        },
        SampleGraph {
            node_count: 500,
            edges: Vec::new(),
            groups: Vec::new(),
        },
        SampleGraph {
            node_count: 3,
            edges: vec![(0, 1), (0, 1), (1, 2), (7, 0), (2, 2)],
            groups: Vec::new(),
        },
    ] {
        assert_eq!(laid_out(&graph).len(), graph.node_count);
    }
}

#[test]
fn a_file_with_odd_weights_stacked_nodes_and_loops_renders_finite() {
    // Huge, negative and zero weights, a self-loop, parallel edges, an isolated node and
    // two nodes on one spot: every edge pulls alike, and the figure is finite.
    let gml = r#"graph [
  node [ id 0 label "A" graphics [ x 5.0 y 5.0 ] ]
  node [ id 1 label "B" graphics [ x 5.0 y 5.0 ] ]
  node [ id 2 label "C" ]
  node [ id 3 label "Alone" ]
  edge [ source 0 target 1 weight 1e300 ]
  edge [ source 1 target 2 weight -5 ]
  edge [ source 1 target 2 weight 0 ]
  edge [ source 2 target 2 weight 7 ]
]"#;
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("odd.gml");
    std::fs::write(&path, gml).unwrap();
    let model = backchannel::interchange::load_file(&path).unwrap().model;
    let request = backchannel::export::RenderRequest {
        layout: backchannel::view::LayoutKind::Force,
        ..Default::default()
    };
    let scene = backchannel::export::render_scene(&model, &request);
    assert_eq!(scene.nodes.len(), 4);
    for node in &scene.nodes {
        assert!(node.center.iter().all(|v| v.is_finite()), "{node:?}");
    }
    let distance = |a: usize, b: usize| {
        let (p, q) = (scene.nodes[a].center, scene.nodes[b].center);
        (p[0] - q[0]).hypot(p[1] - q[1])
    };
    assert!(distance(0, 1) > 1.0, "stacked nodes were set apart");
}
