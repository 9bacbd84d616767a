//! Node labels in the real window: each drawn whole or not at all at every zoom, at a
//! readable size that never grows past zoom 1's, the hovered node's first, and in a big
//! graph chosen around the view as it moves.

use crate::common;

use backchannel::ui::AppOptions;
use common::{drag, harness, harness_with, run_until, wheel_to_zoom};
use egui_kittest::kittest::Queryable;

/// The node labels painted on the canvas in the last frame (as the canvas labels nodes):
/// each one's text and the
/// backdrop it takes (its text's box with the backdrop's margins).
fn painted_labels(
    harness: &egui_kittest::Harness<'static, backchannel::ui::BackchannelApp>,
) -> Vec<(String, egui::Rect)> {
    fn open(shape: &egui::Shape, into: &mut Vec<egui::Shape>) {
        match shape {
            egui::Shape::Vec(inner) => inner.iter().for_each(|s| open(s, into)),
            other => into.push(other.clone()),
        }
    }
    let model = harness.state().model();
    let label_by = harness.state().document().canvas.label_by();
    let names: std::collections::BTreeSet<String> = (0..model.nodes.len())
        .map(|node| backchannel::view::label_by::node_label(model, node, label_by).into_owned())
        .collect();
    let view = harness
        .state()
        .document()
        .canvas
        .view_rect()
        .expect("drawn");
    let mut shapes = Vec::new();
    for clipped in &harness.output().shapes {
        open(&clipped.shape, &mut shapes);
    }
    shapes
        .iter()
        .filter_map(|shape| match shape {
            egui::Shape::Text(text) => Some((
                text.galley.text().to_owned(),
                egui::Rect::from_min_size(text.pos, text.galley.size())
                    .expand2(egui::vec2(3.0, 1.0)),
            )),
            _ => None,
        })
        .filter(|(text, rect)| names.contains(text) && view.contains_rect(*rect))
        .collect()
}

#[test]
fn labels_are_drawn_whole_at_every_zoom_and_more_of_them_nearer() {
    let mut harness = harness();
    run_until(&mut harness, |app| !app.document().canvas.is_animating());
    harness.run_steps(3);
    let nodes = harness.state().model().nodes.len();
    // The labels the canvas chose, and those painted, never overlap, at every zoom.
    let mut drawn_at = Vec::new();
    for target in [0.0, 1.0, 2.2, 0.5] {
        let zoom = if target == 0.0 {
            harness.state().document().canvas.zoom_and_pan().unwrap().0
        } else {
            wheel_to_zoom(&mut harness, target)
        };
        let boxes = harness.state().document().canvas.drawn_label_boxes();
        for (i, (a_node, a)) in boxes.iter().enumerate() {
            for (b_node, b) in &boxes[i + 1..] {
                let overlap = a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
                assert!(
                    !overlap,
                    "at zoom {zoom}, labels of {a_node} and {b_node} overlap"
                );
            }
        }
        let painted = painted_labels(&harness);
        assert!(!painted.is_empty(), "labels painted at zoom {zoom}");
        for (i, (a_text, a)) in painted.iter().enumerate() {
            // Never larger than at zoom 1 (14 points), never below a readable floor.
            let height = a.height() - 2.0;
            assert!(
                (10.0..=19.0).contains(&height),
                "at zoom {zoom}, {a_text} is {height} points high"
            );
            for (b_text, b) in &painted[i + 1..] {
                let cut = a.shrink(0.5).intersects(b.shrink(0.5));
                assert!(
                    !cut,
                    "at zoom {zoom}, {a_text} and {b_text} are painted over each other"
                );
            }
        }
        drawn_at.push((zoom, boxes.len()));
    }
    let [
        (fitted, at_fit),
        (one, at_one),
        (near, at_near),
        (far, at_far),
    ] = drawn_at[..]
    else {
        unreachable!()
    };
    // The layout keeps labels apart at zoom 1: most of them show there.
    assert!(
        at_one * 10 >= nodes * 8,
        "{at_one} of {nodes} labels at zoom {one}"
    );
    // Nearer, labels keep their size and get more room; farther out, less.
    assert!(
        at_near >= at_one && at_one >= at_fit && at_fit > at_far,
        "labels drawn: {at_fit} at zoom {fitted}, {at_one} at {one}, {at_near} at {near}, \
         {at_far} at {far}"
    );
}

#[test]
fn a_hovered_node_shows_its_label_and_its_neighbours_give_way() {
    let mut harness = harness();
    run_until(&mut harness, |app| !app.document().canvas.is_animating());
    harness.run_steps(3);
    let model = harness.state().model().clone();
    let shown: Vec<usize> = harness
        .state()
        .document()
        .canvas
        .drawn_label_boxes()
        .iter()
        .map(|(node, _)| *node)
        .collect();
    // Each node whose label gave way at the fitted zoom, hovered in turn.
    let hidden: Vec<usize> = (0..model.nodes.len())
        .filter(|node| !shown.contains(node))
        .collect();
    assert!(
        !hidden.is_empty(),
        "some labels give way at the fitted zoom"
    );
    for node in hidden {
        let label = &model.nodes[node].label;
        let place = harness
            .state()
            .node_screen_position(&model.nodes[node].id)
            .unwrap();
        harness.event(egui::Event::PointerMoved(place));
        harness.run_steps(3);
        let painted = painted_labels(&harness);
        assert_eq!(
            painted.iter().filter(|(text, _)| text == label).count(),
            1,
            "the hovered node's label ({label}) is drawn"
        );
        for (i, (a_text, a)) in painted.iter().enumerate() {
            for (b_text, b) in &painted[i + 1..] {
                let cut = a.shrink(0.5).intersects(b.shrink(0.5));
                assert!(
                    !cut,
                    "hovering {label}: {a_text} and {b_text} are painted over each other"
                );
            }
        }
    }
}

#[test]
fn a_big_graph_zoomed_in_labels_the_nodes_around_the_view_and_follows_a_pan() {
    // 6,400 nodes on a grid 60 units apart, placed by the file: labels are chosen around
    // the view, not over the whole graph.
    let mut gexf = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gexf xmlns=\"http://gexf.net/1.3\" \
         xmlns:viz=\"http://gexf.net/1.3/viz\" version=\"1.3\"><graph><nodes>\n",
    );
    for node in 0..6_400 {
        let (x, y) = ((node % 80) * 60, (node / 80) * 60);
        gexf.push_str(&format!(
            "<node id=\"{node}\" label=\"Node {node}\"><viz:position x=\"{x}\" y=\"{y}\"/></node>\n"
        ));
    }
    gexf.push_str("</nodes><edges/></graph></gexf>\n");
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("grid.gexf");
    std::fs::write(&path, gexf).unwrap();
    let mut harness = harness_with(AppOptions {
        initial_file: Some(path),
        ..AppOptions::default()
    });
    harness.run_steps(3);
    let zoom = wheel_to_zoom(&mut harness, 1.0);
    assert!(zoom >= 1.0, "zoomed in to {zoom}");
    let labelled_in_view =
        |harness: &egui_kittest::Harness<'static, backchannel::ui::BackchannelApp>| {
            let canvas = &harness.state().document().canvas;
            let (zoom, pan) = canvas.zoom_and_pan().unwrap();
            let view = canvas.view_rect().unwrap();
            let boxes = canvas.drawn_label_boxes();
            for (i, (a_node, a)) in boxes.iter().enumerate() {
                for (b_node, b) in &boxes[i + 1..] {
                    let overlap = a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
                    assert!(!overlap, "labels of {a_node} and {b_node} overlap");
                }
            }
            let positions = canvas.positions();
            // Screen places of the labelled nodes, relative to the view.
            let places: Vec<egui::Vec2> = boxes
                .iter()
                .map(|(node, _)| {
                    let p = positions[*node];
                    egui::vec2(p[0] * zoom + pan[0], p[1] * zoom + pan[1])
                })
                .collect();
            let (width, height) = (view.width(), view.height());
            // Labels are chosen around the view where they were last chosen (the view and
            // as much again on every side), and the view may have moved within that since:
            // none further than two views' size from it; some inside it.
            for place in &places {
                assert!(
                    (-2.0 * width..=3.0 * width).contains(&place.x)
                        && (-2.0 * height..=3.0 * height).contains(&place.y),
                    "a node labelled far from the view, at {place:?}"
                );
            }
            places
                .iter()
                .filter(|p| (0.0..width).contains(&p.x) && (0.0..height).contains(&p.y))
                .count()
        };
    let before = labelled_in_view(&harness);
    assert!(before >= 50, "{before} nodes labelled in the view");
    assert!(
        harness.state().document().canvas.drawn_label_boxes().len() < 6_400 / 2,
        "not every node of the graph is considered"
    );
    // Pan by two views' widths, in steps from between nodes.
    let view = harness.state().document().canvas.view_rect().unwrap();
    let (_, pan_before) = harness.state().document().canvas.zoom_and_pan().unwrap();
    for _ in 0..4 {
        let from = view.center() + egui::vec2(view.width() * 0.3, 0.0);
        // Between grid nodes: a node's centre is never within 25 points of it.
        let (zoom, pan) = harness.state().document().canvas.zoom_and_pan().unwrap();
        let canvas_x = (from.x - view.min.x - pan[0]) / zoom;
        let canvas_y = (from.y - view.min.y - pan[1]) / zoom;
        let snap = |v: f32| (v / 60.0).floor() * 60.0 + 30.0;
        let from = egui::pos2(
            view.min.x + snap(canvas_x) * zoom + pan[0],
            view.min.y + snap(canvas_y) * zoom + pan[1],
        );
        drag(
            &mut harness,
            from,
            from - egui::vec2(view.width() * 0.5, 0.0),
        );
        harness.run_steps(3);
    }
    let (_, pan) = harness.state().document().canvas.zoom_and_pan().unwrap();
    assert!(
        pan[0] - pan_before[0] < -1.5 * view.width(),
        "the view moved: pan {pan_before:?} -> {pan:?}"
    );
    let after = labelled_in_view(&harness);
    assert!(
        after >= 50,
        "{after} nodes labelled in the view after the pan"
    );
}

#[test]
fn an_imported_graph_can_be_labelled_by_an_attribute_in_the_window_its_figure_and_its_session() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("airports.graphml");
    let mut graphml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n\
         <key id=\"code\" for=\"node\" attr.name=\"code\" attr.type=\"string\"/>\n\
         <graph edgedefault=\"directed\">\n",
    );
    let codes = ["LIT", "CAK", "ORD", "ATL", "DFW", "DEN"];
    for (node, code) in codes.iter().enumerate() {
        graphml.push_str(&format!(
            "<node id=\"{node}\"><data key=\"code\">{code}</data></node>\n"
        ));
    }
    for node in 1..codes.len() {
        graphml.push_str(&format!("<edge source=\"0\" target=\"{node}\"/>\n"));
    }
    graphml.push_str("</graph>\n</graphml>\n");
    std::fs::write(&path, graphml).unwrap();
    let sessions = tempfile::tempdir().unwrap();
    let options = AppOptions {
        initial_file: Some(path),
        session_folder: Some(sessions.path().to_path_buf()),
        ..AppOptions::default()
    };
    let mut harness = harness_with(options.clone());
    harness.run_steps(3);
    // Labelled by id at first: the nodes have no label of their own.
    let texts = |harness: &egui_kittest::Harness<'static, backchannel::ui::BackchannelApp>| {
        painted_labels(harness)
            .into_iter()
            .map(|(text, _)| text)
            .collect::<std::collections::BTreeSet<String>>()
    };
    assert!(texts(&harness).contains("0"));
    harness.get_by_label("Filters").click();
    harness.run_steps(2);
    // The second choice box of the tab, after Colour by.
    harness
        .get_all_by_role(egui::accesskit::Role::ComboBox)
        .nth(1)
        .expect("the Label by box")
        .click();
    harness.run_steps(2);
    harness.get_by_label("Attribute: code").click();
    harness.run_steps(4);
    let shown = texts(&harness);
    for code in codes {
        assert!(shown.contains(code), "{code} labels its node: {shown:?}");
    }
    assert!(!shown.contains("0"));
    // The figure says what the window says.
    let scene = backchannel::ui::SceneInputs::of(harness.state().document(), true)
        .owned_scene(&backchannel::export::SceneOptions::default())
        .unwrap();
    let labels: Vec<&str> = scene.nodes.iter().map(|n| n.label.as_str()).collect();
    assert_eq!(labels, codes);
    // And the session keeps it.
    harness.state_mut().save_session();
    let again = harness_with(options);
    assert_eq!(
        again.state().document().doc.label_by,
        backchannel::view::label_by::LabelBy::Attribute("code".to_owned())
    );
}
