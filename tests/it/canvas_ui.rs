//! The canvas in the real window: every layout, a large graph laid out on its own thread
//! with its progress, dragging and pinning, the relation legend, and figures that show
//! what the window shows (labels: `labels_ui`).

use crate::common;

use backchannel::ui::AppOptions;
use backchannel::view::LayoutKind;
use common::{
    drag, harness, harness_with, replace_field_text, run_until, select_in_entity_list,
    wheel_to_zoom,
};
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

fn choose_layout(
    harness: &mut egui_kittest::Harness<'static, backchannel::ui::BackchannelApp>,
    title: &str,
) {
    harness.get_by_label("View").click();
    harness.run_steps(2);
    harness.get_by_label(title).click();
    harness.run_steps(3);
}

#[test]
fn layouts_arrange_without_overlapping_labels_and_timeline_follows_dates() {
    let mut harness = harness();
    for (title, kind) in [
        ("Circular", LayoutKind::Circular),
        ("Grouped (by colour)", LayoutKind::Kind),
        ("Timeline", LayoutKind::Timeline),
    ] {
        choose_layout(&mut harness, title);
        assert_eq!(harness.state().document().canvas.layout_kind(), kind);
        let positions = harness.state().document().canvas.positions().to_vec();
        for a in 0..positions.len() {
            for b in (a + 1)..positions.len() {
                let apart = (positions[a][0] - positions[b][0]).abs() > 1.0
                    || (positions[a][1] - positions[b][1]).abs() > 1.0;
                assert!(apart, "{title}: nodes {a} and {b} share a spot");
            }
        }
    }
    let model = harness.state().model().clone();
    let positions = harness.state().document().canvas.positions().to_vec();
    let x = |id: &str| positions[model.node_position(id).unwrap()][0];
    // Paris (May 2024, month precision) starts on 1 May, before 28 May.
    assert!(x("paris-talks") < x("talks-resume-may-28"));
    // Force-directed again: it animates, and settles.
    choose_layout(&mut harness, "Force-directed");
    run_until(&mut harness, |app| !app.document().canvas.is_animating());
}

#[test]
fn dragging_pins_a_node_and_unpin_all_releases_it_with_undo() {
    let mut harness = harness();
    let from = harness
        .state()
        .node_screen_position("palestinian-authority")
        .unwrap();
    drag(&mut harness, from, from + egui::vec2(60.0, -40.0));
    let model = harness.state().model().clone();
    let position = model.node_position("palestinian-authority").unwrap();
    assert!(harness.state().document().canvas.pinned()[position]);
    let moved = harness
        .state()
        .node_screen_position("palestinian-authority")
        .unwrap();
    assert!((moved - from).length() > 30.0);
    choose_layout(&mut harness, "Unpin all");
    assert!(
        harness
            .state()
            .document()
            .canvas
            .pinned()
            .iter()
            .all(|&p| !p)
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run_steps(2);
    assert!(
        harness.state().document().canvas.pinned()[position],
        "undo pins it again"
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run_steps(2);
    let back = harness
        .state()
        .node_screen_position("palestinian-authority")
        .unwrap();
    assert!(
        (back - from).length() < 2.0,
        "undo puts it back: {back:?} vs {from:?}"
    );
}

#[test]
fn a_large_graph_lays_out_on_its_own_thread_and_pauses_and_resumes() {
    let folder = tempfile::tempdir().unwrap();
    let path = common::write_large_dataset(folder.path(), 800);
    let mut harness = harness_with(AppOptions {
        initial_file: Some(path),
        ..AppOptions::default()
    });
    assert_eq!(harness.state().model().nodes.len(), 800);
    // The window draws while the layout runs: frames keep coming and positions stream in.
    assert!(harness.state().document().canvas.is_animating());
    let start = harness.state().document().canvas.positions().to_vec();
    run_until(&mut harness, |app| {
        app.document().canvas.positions() != start.as_slice()
    });
    choose_layout(&mut harness, "Pause layout");
    assert!(harness.state().document().canvas.is_paused());
    let before = harness.state().document().canvas.positions().to_vec();
    for _ in 0..20 {
        harness.step();
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    assert_eq!(
        harness.state().document().canvas.positions(),
        before.as_slice(),
        "paused: nothing moves"
    );
    choose_layout(&mut harness, "Resume layout");
    run_until(&mut harness, |app| {
        app.document().canvas.positions() != before.as_slice()
    });
    run_until(&mut harness, |app| !app.document().canvas.is_animating());
    let positions = harness.state().document().canvas.positions();
    assert!(
        positions
            .iter()
            .all(|p| p[0].is_finite() && p[1].is_finite())
    );
}

#[test]
fn export_figure_writes_what_the_window_shows() {
    let mut harness = harness();
    // Hide the demands first: the figure shows what the window shows.
    harness.get_by_label("Filters").click();
    harness.run_steps(2);
    harness
        .get_by_role_and_label(Role::CheckBox, "Demand (16)")
        .click();
    harness.run_steps(3);
    harness.get_by_label("File").click();
    harness.run_steps(2);
    harness.get_by_label("Export figure…").click();
    harness.run_steps(2);
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("talks.svg");
    replace_field_text(&mut harness, "figure.png", &path.display().to_string());
    harness.get_by_label("Export").click();
    harness.run_steps(1);
    // Drawn and written on a worker; the outcome shows when it is done.
    run_until(&mut harness, |app| !app.is_exporting());
    harness.run_steps(2);
    assert!(harness.query_by_label_contains("Wrote").is_some());
    let svg = std::fs::read_to_string(&path).expect("the figure was written");
    let document = roxmltree::Document::parse(&svg).unwrap();
    let nodes = document
        .descendants()
        .filter(|n| n.attribute("class") == Some("node"))
        .count();
    let shown = harness
        .state()
        .document()
        .canvas
        .visibility()
        .nodes
        .iter()
        .filter(|&&s| s)
        .count();
    assert_eq!(nodes, shown);
    let demands = harness
        .state()
        .model()
        .nodes
        .iter()
        .filter(|node| node.kind == backchannel::model::NodeKind::Demand)
        .count();
    assert_eq!(shown, harness.state().model().nodes.len() - demands);
    assert!(harness.query_by_label_contains("Wrote").is_some());
}

#[test]
fn the_figure_scene_agrees_with_the_screen() {
    let mut harness = harness();
    select_in_entity_list(&mut harness, "Qatar");
    harness.get_by_label("2 hops").click();
    harness.run_steps(3);
    let state = harness.state();
    let document = state.document();
    let scene = backchannel::ui::document_scene(document, &Default::default());
    let model = state.model();
    let shown: Vec<usize> = (0..model.nodes.len())
        .filter(|&n| document.canvas.visibility().nodes[n])
        .collect();
    assert_eq!(scene.nodes.len(), shown.len());
    // The figure is the screen's layout, moved: every node keeps its offset from the first.
    let first = &scene.nodes[0];
    let first_canvas = document.canvas.positions()[model.node_position(&first.id).unwrap()];
    let zoom = document.canvas.zoom_and_pan().unwrap().0;
    for node in &scene.nodes {
        let position = model.node_position(&node.id).unwrap();
        let canvas = document.canvas.positions()[position];
        let figure = [
            node.center[0] - first.center[0],
            node.center[1] - first.center[1],
        ];
        let screen = [canvas[0] - first_canvas[0], canvas[1] - first_canvas[1]];
        assert!(
            (figure[0] - screen[0]).abs() < 0.01 && (figure[1] - screen[1]).abs() < 0.01,
            "{}",
            node.id
        );
        // Drawn where the screen draws it, at the screen's zoom.
        let on_screen = state.node_screen_position(&node.id).unwrap();
        let first_on_screen = state.node_screen_position(&first.id).unwrap();
        assert!(((on_screen.x - first_on_screen.x) - figure[0] * zoom).abs() < 0.5);
        assert_eq!(node.fill, backchannel::view::style::kind_rgb(node.kind));
    }
}

#[test]
fn dropping_a_node_pulls_its_neighbours_and_leaves_the_rest() {
    let mut harness = harness();
    let model = harness.state().model().clone();
    let place = |harness: &egui_kittest::Harness<'static, backchannel::ui::BackchannelApp>,
                 id: &str| {
        let position = model.node_position(id).unwrap();
        harness.state().document().canvas.positions()[position]
    };
    let abbas_before = place(&harness, "mahmoud-abbas");
    let far_before = place(&harness, "icc");
    let from = harness
        .state()
        .node_screen_position("palestinian-authority")
        .unwrap();
    drag(&mut harness, from, from + egui::vec2(-150.0, 120.0));
    let authority = place(&harness, "palestinian-authority");
    let abbas_after = place(&harness, "mahmoud-abbas");
    let distance = |a: [f32; 2], b: [f32; 2]| (a[0] - b[0]).hypot(a[1] - b[1]);
    assert!(
        distance(abbas_after, authority) < distance(abbas_before, authority),
        "the neighbour follows the dropped node"
    );
    assert_eq!(
        place(&harness, "icc"),
        far_before,
        "a node far from the dropped one stays"
    );
}

#[test]
fn the_relation_legend_counts_each_relation_and_names_can_go_on_edges() {
    let mut harness = harness();
    let model = harness.state().model().clone();
    for relation in ["demands", "rejects", "member of"] {
        let count = model
            .edges
            .iter()
            .filter(|e| e.relation.as_str().replace('_', " ") == relation)
            .count();
        assert!(count > 0);
        harness.get_by_label(&format!("{relation} ({count})"));
    }
    assert!(!harness.state().document().canvas.relation_names());
    harness.get_by_label("Names on edges").click();
    harness.run_steps(2);
    assert!(harness.state().document().canvas.relation_names());
}

#[test]
fn a_running_layout_shows_its_progress_and_settles_by_itself() {
    let folder = tempfile::tempdir().unwrap();
    let path = common::write_large_dataset(folder.path(), 3_000);
    let mut harness = harness_with(AppOptions {
        initial_file: Some(path),
        ..AppOptions::default()
    });
    let mut fractions = Vec::new();
    let mut bar_seen = false;
    run_until(&mut harness, |app| {
        if let Some(progress) = app.document().canvas.layout_progress() {
            fractions.push(progress.fraction());
        }
        !app.document().canvas.is_animating()
    });
    // While it ran, the bar said so (checked on a fresh run: the first one may be over).
    choose_layout(&mut harness, "Force-directed (re-run)");
    for _ in 0..200 {
        harness.step();
        if harness.query_by_label_contains("Laying out").is_some() {
            bar_seen = true;
            break;
        }
        if !harness.state().document().canvas.is_animating() {
            break;
        }
    }
    assert!(bar_seen, "no progress bar while the layout ran");
    run_until(&mut harness, |app| !app.document().canvas.is_animating());
    assert!(
        harness
            .state()
            .document()
            .canvas
            .layout_progress()
            .is_none()
    );
    assert!(harness.query_by_label_contains("Laying out").is_none());
    assert!(
        fractions.windows(2).all(|w| w[0] <= w[1]),
        "progress never goes back: {fractions:?}"
    );
}

#[test]
fn a_selection_lights_up_its_relations_and_the_rest_recedes() {
    use backchannel::ui::{Command, Selection};
    let mut harness = harness();
    let model = harness.state().model().clone();
    let hamas = model
        .nodes
        .iter()
        .position(|node| node.label == "Hamas")
        .unwrap();
    select_in_entity_list(&mut harness, "Hamas");
    harness.run_steps(2);
    let incident: Vec<usize> = (0..model.edges.len())
        .filter(|&edge| {
            model
                .edge_ends(edge)
                .is_some_and(|(a, b)| a == hamas || b == hamas)
        })
        .collect();
    assert!(incident.len() >= 20, "Hamas has its 28 relations");
    let mut lit_nodes: Vec<usize> = incident
        .iter()
        .filter_map(|&edge| model.edge_ends(edge))
        .flat_map(|(a, b)| [a, b])
        .collect();
    lit_nodes.sort_unstable();
    lit_nodes.dedup();
    let (receding_nodes, receding_edges) = harness.state().document().canvas.receding();
    let expected_nodes: Vec<usize> = (0..model.nodes.len())
        .filter(|node| lit_nodes.binary_search(node).is_err())
        .collect();
    let expected_edges: Vec<usize> = (0..model.edges.len())
        .filter(|edge| !incident.contains(edge))
        .collect();
    assert_eq!(receding_nodes, expected_nodes);
    assert_eq!(receding_edges, expected_edges);

    // An edge's selection lights up its two ends, and only it among the edges.
    let edge = incident[0];
    let (a, b) = model.edge_ends(edge).unwrap();
    harness
        .state_mut()
        .apply_command(Command::Select(Some(Selection::Edge(
            model.edges[edge].id.clone(),
        ))));
    harness.run_steps(2);
    let (receding_nodes, receding_edges) = harness.state().document().canvas.receding();
    assert_eq!(receding_nodes.len(), model.nodes.len() - 2);
    assert!(!receding_nodes.contains(&a) && !receding_nodes.contains(&b));
    assert_eq!(receding_edges.len(), model.edges.len() - 1);
    assert!(!receding_edges.contains(&edge));

    // Nothing selected: nothing recedes.
    harness.state_mut().apply_command(Command::Select(None));
    harness.run_steps(2);
    assert_eq!(
        harness.state().document().canvas.receding(),
        (Vec::new(), Vec::new())
    );

    // "Dim the rest" of a focus dims the edges that leave it, not only its nodes.
    let filter = backchannel::view::ViewFilter {
        focus: Some(backchannel::view::Focus {
            node: model.nodes[hamas].id.clone(),
            hops: 1,
            mode: backchannel::view::FocusMode::Dim,
        }),
        ..Default::default()
    };
    harness
        .state_mut()
        .apply_command(Command::SetFilter(filter));
    harness.run_steps(2);
    let (_, receding_edges) = harness.state().document().canvas.receding();
    let leaving: Vec<usize> = (0..model.edges.len())
        .filter(|&edge| {
            model.edge_ends(edge).is_some_and(|(a, b)| {
                lit_nodes.binary_search(&a).is_err() || lit_nodes.binary_search(&b).is_err()
            })
        })
        .collect();
    assert_eq!(receding_edges, leaving);
}

#[test]
fn a_filter_keeps_what_stays_in_place_and_brings_nodes_back_beside_their_neighbours() {
    use backchannel::model::NodeKind;
    use backchannel::ui::Command;
    use backchannel::view::ViewFilter;
    let mut harness = harness();
    let model = harness.state().model().clone();
    assert_eq!(
        harness.state().document().canvas.layout_kind(),
        LayoutKind::Force
    );
    let before = harness.state().document().canvas.positions().to_vec();
    let demand = |node: usize| model.nodes[node].kind == NodeKind::Demand;
    let filter = ViewFilter {
        hidden_kinds: [NodeKind::Demand].into_iter().collect(),
        ..ViewFilter::default()
    };
    harness
        .state_mut()
        .apply_command(Command::SetFilter(filter));
    harness.run_steps(3);
    let hidden = harness.state().document().canvas.positions().to_vec();
    harness
        .state_mut()
        .apply_command(Command::SetFilter(ViewFilter::default()));
    harness.run_steps(3);
    let back = harness.state().document().canvas.positions().to_vec();
    for node in (0..model.nodes.len()).filter(|&node| !demand(node)) {
        assert_eq!(
            hidden[node], before[node],
            "{} moved when demands hid",
            model.nodes[node].label
        );
        assert_eq!(
            back[node], before[node],
            "{} moved when demands came back",
            model.nodes[node].label
        );
    }
    // Each demand that came back lies among its neighbours: nearer the middle of them
    // than most nodes that stayed are (labels kept whole push it out of a crowded hub).
    for node in (0..model.nodes.len()).filter(|&node| demand(node)) {
        let neighbours: Vec<usize> = (0..model.edges.len())
            .filter_map(|edge| model.edge_ends(edge))
            .filter_map(|(a, b)| (a == node).then_some(b).or((b == node).then_some(a)))
            .filter(|&other| !demand(other))
            .collect();
        if neighbours.is_empty() {
            continue;
        }
        let n = neighbours.len() as f32;
        let middle = neighbours.iter().fold([0.0f32; 2], |sum, &other| {
            [sum[0] + back[other][0] / n, sum[1] + back[other][1] / n]
        });
        let from_middle = |place: [f32; 2]| {
            ((place[0] - middle[0]).powi(2) + (place[1] - middle[1]).powi(2)).sqrt()
        };
        let mut others: Vec<f32> = (0..model.nodes.len())
            .filter(|&other| !demand(other))
            .map(|other| from_middle(back[other]))
            .collect();
        others.sort_by(f32::total_cmp);
        let third = others[others.len() / 3];
        assert!(
            from_middle(back[node]) <= third,
            "{} came back {:.0} from its neighbours, farther than a third of the nodes ({third:.0})",
            model.nodes[node].label,
            from_middle(back[node])
        );
    }
    for a in 0..back.len() {
        for b in a + 1..back.len() {
            assert!(back[a] != back[b], "nodes {a} and {b} share a spot");
        }
    }
}

#[test]
fn a_rule_layout_keeps_every_place_while_nodes_hide_and_puts_them_back_where_they_were() {
    use backchannel::model::NodeKind;
    use backchannel::ui::Command;
    use backchannel::view::ViewFilter;
    let mut harness = harness();
    let model = harness.state().model().clone();
    for (title, kind) in [
        ("Circular", LayoutKind::Circular),
        ("Timeline", LayoutKind::Timeline),
    ] {
        choose_layout(&mut harness, title);
        assert_eq!(harness.state().document().canvas.layout_kind(), kind);
        let before = harness.state().document().canvas.positions().to_vec();
        let filter = ViewFilter {
            hidden_kinds: [NodeKind::Demand].into_iter().collect(),
            ..ViewFilter::default()
        };
        harness
            .state_mut()
            .apply_command(Command::SetFilter(filter));
        harness.run_steps(3);
        let hidden = harness.state().document().canvas.positions().to_vec();
        for node in (0..model.nodes.len()).filter(|&n| model.nodes[n].kind != NodeKind::Demand) {
            assert_eq!(
                hidden[node], before[node],
                "{title}: {} moved when demands hid",
                model.nodes[node].label
            );
        }
        harness
            .state_mut()
            .apply_command(Command::SetFilter(ViewFilter::default()));
        harness.run_steps(3);
        let back = harness.state().document().canvas.positions().to_vec();
        for node in 0..model.nodes.len() {
            let moved = (back[node][0] - before[node][0]).hypot(back[node][1] - before[node][1]);
            assert!(
                moved < 0.5,
                "{title}: {} is {moved} from where it was",
                model.nodes[node].label
            );
        }
    }
}

#[test]
fn zoomed_in_edges_and_arrowheads_keep_their_size_on_screen() {
    let mut harness = harness();
    run_until(&mut harness, |app| !app.document().canvas.is_animating());
    let view = harness.state().document().canvas.view_rect().unwrap();
    // The widest line and the longest arrowhead side drawn in the view.
    let measure = |harness: &egui_kittest::Harness<'static, backchannel::ui::BackchannelApp>| {
        fn open(shape: &egui::Shape, into: &mut Vec<egui::Shape>) {
            match shape {
                egui::Shape::Vec(inner) => inner.iter().for_each(|s| open(s, into)),
                other => into.push(other.clone()),
            }
        }
        let mut shapes = Vec::new();
        for clipped in &harness.output().shapes {
            open(&clipped.shape, &mut shapes);
        }
        let (mut widest, mut longest_tip) = (0.0f32, 0.0f32);
        for shape in &shapes {
            match shape {
                egui::Shape::LineSegment { points, stroke } if view.contains(points[0]) => {
                    widest = widest.max(stroke.width);
                }
                // An arrowhead: a closed triangle filled with its outline's colour (a demand
                // node's triangle has an outline of its own).
                egui::Shape::Path(path)
                    if path.closed
                        && path.points.len() == 3
                        && path.stroke.color == egui::epaint::ColorMode::Solid(path.fill)
                        && view.contains(path.points[0]) =>
                {
                    let side = (path.points[0] - path.points[1]).length();
                    longest_tip = longest_tip.max(side);
                }
                _ => {}
            }
        }
        (widest, longest_tip)
    };
    let (width_at_fit, tip_at_fit) = measure(&harness);
    assert!(tip_at_fit > 0.0, "arrowheads are drawn");
    let zoom = wheel_to_zoom(&mut harness, 3.0);
    assert!(zoom >= 3.0);
    let (width, tip) = measure(&harness);
    assert!(
        width <= 2.5,
        "lines {width} points wide at zoom {zoom} ({width_at_fit} fitted)"
    );
    assert!(
        tip <= 16.0,
        "arrowheads {tip} points long at zoom {zoom} ({tip_at_fit} fitted)"
    );
}
