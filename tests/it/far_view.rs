//! Zoomed far out, the canvas draws a large graph for overview: the unselected edges as
//! one mesh of lines, the plain disc nodes as one mesh of discs, and labels only where
//! they overlap nothing.

use crate::common;

use backchannel::ui::{AppOptions, BackchannelApp, Command, Selection};
use common::{harness_with, run_until};
use egui::epaint::{ClippedShape, Mesh, TextShape};
use egui::{Rect, Shape, TextureId};
use egui_kittest::Harness;

/// The window on `count` parties with two edges each, its layout settled and fitted.
fn settled(count: usize) -> Harness<'static, BackchannelApp> {
    let folder = tempfile::tempdir().unwrap();
    let path = common::write_large_dataset(folder.path(), count);
    let mut harness = harness_with(AppOptions {
        initial_file: Some(path),
        ..AppOptions::default()
    });
    run_until(&mut harness, |app| !app.document().canvas.is_animating());
    harness.run_steps(3);
    harness
}

/// Every shape of the last frame, with `Shape::Vec` opened up.
fn shapes(harness: &Harness<'static, BackchannelApp>) -> Vec<Shape> {
    fn open(shape: &Shape, into: &mut Vec<Shape>) {
        match shape {
            Shape::Vec(inner) => inner.iter().for_each(|s| open(s, into)),
            other => into.push(other.clone()),
        }
    }
    let mut all = Vec::new();
    for ClippedShape { shape, .. } in &harness.output().shapes {
        open(shape, &mut all);
    }
    all
}

fn meshes(shapes: &[Shape]) -> Vec<&Mesh> {
    shapes
        .iter()
        .filter_map(|shape| match shape {
            Shape::Mesh(mesh) => Some(&**mesh),
            _ => None,
        })
        .collect()
}

fn zoom(harness: &Harness<'static, BackchannelApp>) -> f32 {
    harness
        .state()
        .document()
        .canvas
        .zoom_and_pan()
        .expect("a drawn canvas")
        .0
}

#[test]
fn far_out_the_graph_is_two_meshes_holding_every_edge_and_node() {
    let harness = settled(1_500);
    assert!(zoom(&harness) < 0.4, "1,500 nodes fit only far out");
    let shapes = shapes(&harness);
    let meshes = meshes(&shapes);
    // Two meshes, each over a texture of its own: the edges over the line texture
    // (sampled along its middle row only), the nodes over the disc texture.
    let (lines, discs): (Vec<&&Mesh>, Vec<&&Mesh>) = meshes
        .iter()
        .filter(|mesh| mesh.texture_id != TextureId::default())
        .partition(|mesh| mesh.vertices.iter().all(|vertex| vertex.uv.y == 0.5));
    // The nodes: two quads per node (outline, fill).
    assert_eq!(discs.len(), 1);
    assert_eq!(discs[0].vertices.len(), 1_500 * 2 * 4);
    // The edges: one quad per line (one-point lines with one point of fringe, the fringe
    // drawn by the texture); an edge whose line would lie wholly under its two end discs
    // is left out, and nothing else.
    assert_eq!(lines.len(), 1);
    assert_ne!(lines[0].texture_id, discs[0].texture_id);
    assert_eq!(lines[0].indices.len() * 4, lines[0].vertices.len() * 6);
    let drawn_lines = lines[0].vertices.len() / 4;
    let edges = harness.state().model().edges.len();
    assert!(
        drawn_lines <= edges && drawn_lines * 10 >= edges * 9,
        "{drawn_lines} of {edges} edges drawn"
    );
    // No node or edge is drawn as a shape of its own on the canvas (between the side
    // panels).
    let canvas = canvas_rect(&harness);
    let circles = shapes
        .iter()
        .filter(|s| matches!(s, Shape::Circle(c) if canvas.contains(c.center)))
        .count();
    // (An unselected edge drawn on its own would be a grey line or curve.)
    let edge_grey = egui::Color32::from_gray(150);
    let segments = shapes
        .iter()
        .filter(|s| match s {
            Shape::LineSegment { points, stroke } => {
                stroke.color == edge_grey && points.iter().any(|p| canvas.contains(*p))
            }
            Shape::CubicBezier(curve) => curve.points.iter().any(|p| canvas.contains(*p)),
            _ => false,
        })
        .count();
    assert_eq!((circles, segments), (0, 0));
}

#[test]
fn far_out_labels_never_overlap_and_the_selected_node_keeps_its_own() {
    let mut harness = settled(1_500);
    let selected = harness
        .state()
        .model()
        .node_position("n42")
        .expect("node n42");
    harness
        .state_mut()
        .apply_command(Command::Select(Some(Selection::Node("n42".to_owned()))));
    harness.run_steps(3);
    assert!(zoom(&harness) < 0.4);
    let shapes = shapes(&harness);
    let labels: Vec<(Rect, String)> = shapes
        .iter()
        .filter_map(|shape| match shape {
            Shape::Text(TextShape { pos, galley, .. }) => Some((
                Rect::from_min_size(*pos, galley.size()),
                galley.text().to_owned(),
            )),
            _ => None,
        })
        .filter(|(rect, _)| rect.min.x > 250.0 && rect.max.x < 1150.0)
        .collect();
    let party_labels: Vec<&(Rect, String)> = labels
        .iter()
        .filter(|(_, text)| text.starts_with("Party "))
        .collect();
    assert!(
        party_labels.len() >= 10,
        "some labels fit: {}",
        party_labels.len()
    );
    assert!(
        party_labels.len() < 300,
        "not every label: {}",
        party_labels.len()
    );
    for (index, (a, text_a)) in party_labels.iter().enumerate() {
        for (b, text_b) in &party_labels[index + 1..] {
            assert!(!a.intersects(*b), "{text_a} overlaps {text_b}");
        }
    }
    let name = &harness.state().model().nodes[selected].label;
    assert_eq!(
        party_labels.iter().filter(|(_, text)| text == name).count(),
        1,
        "the selected node is labelled, once"
    );
}

/// How many lines the far-out edge mesh holds (one quad over the line texture each).
fn mesh_lines(shapes: &[Shape]) -> usize {
    meshes(shapes)
        .iter()
        .filter(|mesh| {
            mesh.texture_id != TextureId::default()
                && mesh.vertices.iter().all(|vertex| vertex.uv.y == 0.5)
        })
        .map(|mesh| mesh.vertices.len() / 4)
        .sum()
}

/// Edge-like shapes drawn on their own on the canvas (`canvas`, between the side panels).
fn edge_strokes(shapes: &[Shape], canvas: Rect) -> usize {
    shapes
        .iter()
        .filter(|shape| match shape {
            Shape::LineSegment { points, .. } => points.iter().any(|p| canvas.contains(*p)),
            Shape::CubicBezier(curve) => curve.points.iter().any(|p| canvas.contains(*p)),
            Shape::QuadraticBezier(curve) => curve.points.iter().any(|p| canvas.contains(*p)),
            _ => false,
        })
        .count()
}

#[test]
fn far_out_a_selected_edge_leaves_the_mesh_and_is_drawn_on_its_own() {
    let mut harness = settled(1_500);
    let before = shapes(&harness);
    // The longest edge: its line lies under no disc, so the mesh holds it.
    let document = harness.state().document();
    let model = &document.doc.loaded.model;
    let positions = document.canvas.positions();
    let place = |id: &str| {
        model
            .node_position(id)
            .and_then(|position| positions.get(position))
            .map(|p| egui::pos2(p[0], p[1]))
            .expect("a placed node")
    };
    let longest = model
        .edges
        .iter()
        .filter(|edge| edge.source != edge.target)
        .max_by(|a, b| {
            let length =
                |edge: &backchannel::model::Edge| place(&edge.source).distance(place(&edge.target));
            length(a).total_cmp(&length(b))
        })
        .expect("edges")
        .id
        .clone();
    harness
        .state_mut()
        .apply_command(Command::Select(Some(Selection::Edge(longest))));
    harness.run_steps(3);
    assert!(zoom(&harness) < 0.4);
    let after = shapes(&harness);
    let canvas = canvas_rect(&harness);
    assert_eq!(
        mesh_lines(&after) + 1,
        mesh_lines(&before),
        "the selected edge leaves the mesh"
    );
    assert!(
        edge_strokes(&after, canvas) > edge_strokes(&before, canvas),
        "and egui_graphs draws it ({} strokes before, {} after)",
        edge_strokes(&before, canvas),
        edge_strokes(&after, canvas)
    );
}

/// The line mesh of the last frame (its mesh is shared between frames while it is kept).
fn line_mesh(harness: &Harness<'static, BackchannelApp>) -> std::sync::Arc<Mesh> {
    harness
        .output()
        .shapes
        .iter()
        .find_map(|ClippedShape { shape, .. }| match shape {
            Shape::Mesh(mesh)
                if mesh.texture_id != TextureId::default()
                    && mesh.vertices.iter().all(|vertex| vertex.uv.y == 0.5) =>
            {
                Some(std::sync::Arc::clone(mesh))
            }
            _ => None,
        })
        .expect("far out, the edges are a line mesh")
}

/// Hovering over a node far out draws it on its own but keeps the edge mesh as it was
/// (building it again for every hover cost a frame 15 ms at 400,000 edges); selecting an
/// edge, which leaves the mesh, builds it again.
#[test]
fn far_out_hovering_keeps_the_edge_mesh_and_selecting_an_edge_rebuilds_it() {
    let mut harness = settled(1_500);
    assert!(zoom(&harness) < 0.4);
    let before = line_mesh(&harness);
    let node = harness.state().model().nodes[7].id.clone();
    let at = harness.state().node_screen_position(&node).expect("drawn");
    harness.event(egui::Event::PointerMoved(at));
    harness.run_steps(2);
    assert!(
        std::sync::Arc::ptr_eq(&before, &line_mesh(&harness)),
        "a hover built the edge mesh again"
    );
    let edge = harness.state().model().edges[3].id.clone();
    harness
        .state_mut()
        .apply_command(Command::Select(Some(Selection::Edge(edge))));
    harness.run_steps(2);
    assert!(!std::sync::Arc::ptr_eq(&before, &line_mesh(&harness)));
}

/// A graph with more edges than `far_image_from` is drawn far out into one image on a
/// worker instead of meshes: once the image arrives it is the only drawing of its edges
/// and plain nodes, a rectangle over the canvas, with a line where an edge is, a disc
/// where a node is, and nothing where the graph is not.
#[test]
fn far_out_a_big_graphs_edges_are_one_image_drawn_on_a_worker() {
    let folder = tempfile::tempdir().unwrap();
    let path = common::write_large_dataset(folder.path(), 1_500);
    let mut harness = harness_with(AppOptions {
        initial_file: Some(path),
        far_image_from: Some(100),
        ..AppOptions::default()
    });
    run_until(&mut harness, |app| !app.document().canvas.is_animating());
    assert!(zoom(&harness) < 0.4);
    let start = std::time::Instant::now();
    let (texture, image) = loop {
        harness.step();
        let uploaded = harness.state().document().canvas.far_image();
        if let Some(found) = uploaded {
            break found;
        }
        assert!(
            start.elapsed() < std::time::Duration::from_secs(60),
            "no image came"
        );
        std::thread::sleep(std::time::Duration::from_millis(2));
    };
    harness.run_steps(2);
    let shapes = shapes(&harness);
    let meshes = meshes(&shapes);
    // No line mesh and no disc mesh: the image holds the edges and the plain nodes.
    assert!(
        !meshes
            .iter()
            .any(|mesh| mesh.texture_id != TextureId::default() && mesh.vertices.len() > 4),
        "a mesh of lines or discs is drawn besides the image"
    );
    let drawn = meshes
        .iter()
        .find(|mesh| mesh.texture_id == texture)
        .expect("the image is drawn");
    assert_eq!(drawn.vertices.len(), 4);
    let rect = Rect::from_points(
        &drawn
            .vertices
            .iter()
            .map(|vertex| vertex.pos)
            .collect::<Vec<_>>(),
    );
    let pixels_per_point = image.size[0] as f32 / rect.width();
    assert!((pixels_per_point - image.size[1] as f32 / rect.height()).abs() < 0.01);
    let alpha_at = |point: egui::Pos2| {
        let pixel = (point - rect.min) * pixels_per_point;
        // The brightest of the pixel and its neighbours (a line's coverage is shared).
        let mut alpha = 0;
        for dx in -1..=1 {
            for dy in -1..=1 {
                let (x, y) = (pixel.x as i64 + dx, pixel.y as i64 + dy);
                if x >= 0 && y >= 0 && (x as usize) < image.size[0] && (y as usize) < image.size[1]
                {
                    alpha = alpha.max(image.pixels[y as usize * image.size[0] + x as usize].a());
                }
            }
        }
        alpha
    };
    // The longest edge (a short one may lie under its end discs, and is then left out):
    // its midpoint is on a line.
    let app = harness.state();
    let (from, to) = app
        .model()
        .edges
        .iter()
        .filter_map(|edge| {
            Some((
                app.node_screen_position(&edge.source)?,
                app.node_screen_position(&edge.target)?,
            ))
        })
        .max_by(|a, b| a.0.distance(a.1).total_cmp(&b.0.distance(b.1)))
        .expect("drawn edges");
    assert!(from.distance(to) > 10.0, "{}", from.distance(to));
    assert!(
        alpha_at(from.lerp(to, 0.5)) > 0,
        "no line at an edge's midpoint"
    );
    // The top-left corner of the canvas is outside the fitted graph; a node's centre is
    // its opaque disc.
    assert_eq!(alpha_at(rect.min + egui::vec2(2.0, 2.0)), 0);
    let node = &app.model().nodes[11].id;
    let centre = app.node_screen_position(node).expect("drawn");
    assert_eq!(alpha_at(centre), 255);
    // Selecting an edge draws no new image: the selected edge is drawn over it.
    let edge = harness.state().model().edges[3].id.clone();
    harness
        .state_mut()
        .apply_command(Command::Select(Some(Selection::Edge(edge))));
    harness.run_steps(3);
    let (_, after) = harness
        .state()
        .document()
        .canvas
        .far_image()
        .expect("the image stays up to date");
    assert!(
        std::sync::Arc::ptr_eq(&image, &after),
        "a selection drew a new image"
    );
    // A filter that hides every edge leaves the nodes in an image, not a disc mesh.
    let mut no_edges = backchannel::view::ViewFilter::default();
    no_edges
        .hidden_relations
        .extend(backchannel::model::Relation::ALL.iter().copied());
    harness
        .state_mut()
        .apply_command(Command::SetFilter(no_edges));
    run_until(&mut harness, |app| {
        app.document()
            .canvas
            .far_image()
            .is_some_and(|(_, image)| !std::sync::Arc::ptr_eq(&image, &after))
    });
    harness.run_steps(2);
    let edgeless = self::shapes(&harness);
    assert!(
        !self::meshes(&edgeless)
            .iter()
            .any(|mesh| mesh.texture_id != TextureId::default() && mesh.vertices.len() > 4),
        "the nodes of an edgeless view are a mesh"
    );
}

/// Where the canvas was drawn, a little inside its edges (between the side panels and
/// below the bar above it).
fn canvas_rect(harness: &egui_kittest::Harness<'static, backchannel::ui::BackchannelApp>) -> Rect {
    harness
        .state()
        .document()
        .canvas
        .view_rect()
        .expect("the canvas was drawn")
        .shrink(2.0)
}

/// The window on `count` parties batching the edges from `batch_edges_from` reaching the
/// view, its layout settled, zoomed in past the far-out view (0.4) to about 0.6.
fn zoomed_in(count: usize, batch_edges_from: usize) -> Harness<'static, BackchannelApp> {
    let folder = tempfile::tempdir().unwrap();
    let path = common::write_large_dataset(folder.path(), count);
    let mut harness = harness_with(AppOptions {
        initial_file: Some(path),
        batch_edges_from: Some(batch_edges_from),
        ..AppOptions::default()
    });
    run_until(&mut harness, |app| !app.document().canvas.is_animating());
    harness.run_steps(3);
    // The wheel turned over the first node, which stays under the pointer (the middle
    // of a ring graph's drawing is empty).
    let canvas = &harness.state().document().canvas;
    let (zoom, pan) = canvas.zoom_and_pan().unwrap();
    let [x, y] = canvas.positions()[0];
    let over = canvas.view_rect().unwrap().min + egui::vec2(pan[0] + x * zoom, pan[1] + y * zoom);
    harness.event(egui::Event::PointerMoved(over));
    harness.step();
    for _ in 0..60 {
        if harness.state().document().canvas.zoom_and_pan().unwrap().0 >= 0.6 {
            break;
        }
        harness.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Line,
            delta: egui::vec2(0.0, 1.0),
            phase: egui::TouchPhase::Move,
            modifiers: egui::Modifiers::NONE,
        });
        harness.run_steps(3);
    }
    harness.run_steps(3);
    let reached = harness.state().document().canvas.zoom_and_pan().unwrap().0;
    assert!((0.4..1.0).contains(&reached), "zoom {reached}");
    harness
}

#[test]
fn nearer_in_many_edges_in_view_are_one_batch_and_few_are_drawn_each_on_its_own() {
    // About 70 edges reach the view there. More than the limit: the unselected edges are one mesh of
    // lines, none drawn on its own, while the nodes are drawn each by its shape (no
    // far-out disc mesh, which only a far-out view has).
    let batched = zoomed_in(1_500, 20);
    assert!(batched.state().document().canvas.edges_batched());
    let shapes = shapes(&batched);
    let canvas = canvas_rect(&batched);
    assert!(mesh_lines(&shapes) >= 20, "{} lines", mesh_lines(&shapes));
    assert_eq!(edge_strokes(&shapes, canvas), 0);
    let circles = shapes
        .iter()
        .filter(|s| matches!(s, Shape::Circle(c) if canvas.contains(c.center)))
        .count();
    assert!(circles > 20, "{circles} nodes drawn on their own");
    // Fewer than the limit: each edge is drawn on its own, with its curve and arrow.
    let each = zoomed_in(1_500, 1_000_000);
    assert!(!each.state().document().canvas.edges_batched());
    let drawn = self::shapes(&each);
    assert_eq!(mesh_lines(&drawn), 0);
    assert!(edge_strokes(&drawn, canvas_rect(&each)) >= 20);
}

#[test]
fn far_out_a_big_graph_with_every_edge_hidden_keeps_its_nodes_in_the_image() {
    // 1,500 nodes count as 3,000 elements: over the limit of 2,000 with or without their
    // 3,000 edges, so hiding every edge leaves the nodes in the worker's image rather
    // than a disc mesh built on the window's thread.
    let folder = tempfile::tempdir().unwrap();
    let path = common::write_large_dataset(folder.path(), 1_500);
    let mut harness = harness_with(AppOptions {
        initial_file: Some(path),
        far_image_from: Some(2_000),
        ..AppOptions::default()
    });
    run_until(&mut harness, |app| !app.document().canvas.is_animating());
    let no_edges = backchannel::view::ViewFilter {
        hidden_relations: backchannel::model::Relation::ALL.iter().copied().collect(),
        ..Default::default()
    };
    harness
        .state_mut()
        .apply_command(Command::SetFilter(no_edges));
    harness.run_steps(3);
    assert_eq!(
        harness
            .state()
            .document()
            .canvas
            .visibility()
            .hidden_edges(),
        3_000
    );
    let start = std::time::Instant::now();
    while harness.state().document().canvas.far_image().is_none() {
        assert!(
            start.elapsed() < std::time::Duration::from_secs(60),
            "no image came"
        );
        harness.step();
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    assert!(zoom(&harness) < 0.4);
    let (image, _) = harness.state().document().canvas.far_image().unwrap();
    let shapes = shapes(&harness);
    let disc_meshes = meshes(&shapes)
        .iter()
        .filter(|mesh| mesh.texture_id != TextureId::default() && mesh.texture_id != image)
        .filter(|mesh| mesh.vertices.iter().any(|vertex| vertex.uv.y != 0.5))
        .count();
    assert_eq!(disc_meshes, 0, "the nodes are in the image, not a mesh");
}
