//! Figures: the SVG has one shape per shown node, one path per shown edge, every label and
//! the legend; the PNG has the asked size, is not blank and shows every kind's colour; the
//! same inputs give the same bytes; nothing is cut at the border.

use std::collections::BTreeSet;
use std::path::Path;

use assert_cmd::Command;
use backchannel::dataset;
use backchannel::export::{RenderRequest, render_scene, text_size, to_svg};
use backchannel::graph::{Adjacency, neighborhood};
use backchannel::model::NodeKind;
use backchannel::model::{Model, Relation};
use backchannel::view::style::{Dash, kind_rgb, relation_style};

fn render(args: &[&str]) -> std::process::Output {
    Command::cargo_bin("backchannel")
        .unwrap()
        .arg("render")
        .args(args)
        .output()
        .unwrap()
}

fn render_ok(args: &[&str]) {
    let output = render(args);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

fn elements_with_class<'a>(
    document: &'a roxmltree::Document<'a>,
    class: &str,
) -> Vec<roxmltree::Node<'a, 'a>> {
    document
        .descendants()
        .filter(|node| node.attribute("class") == Some(class))
        .collect()
}

#[test]
fn svg_has_every_shown_node_edge_label_and_the_legend() {
    let folder = tempfile::tempdir().unwrap();
    let out = folder.path().join("figure.svg");
    let out_arg = out.to_str().unwrap();
    render_ok(&[
        "seeds/negotiations.json",
        "-o",
        out_arg,
        "--title",
        "Gaza talks",
        "--caption",
    ]);
    let text = std::fs::read_to_string(&out).unwrap();
    let document = roxmltree::Document::parse(&text).unwrap();
    let model = dataset::load_seed().unwrap().model;

    let nodes = elements_with_class(&document, "node");
    assert_eq!(nodes.len(), model.nodes.len());
    let ids: BTreeSet<&str> = nodes
        .iter()
        .filter_map(|n| n.attribute("data-id"))
        .collect();
    assert_eq!(ids, model.nodes.iter().map(|n| n.id.as_str()).collect());
    for node in &nodes {
        let kind = NodeKind::parse(node.attribute("data-kind").unwrap()).unwrap();
        let [r, g, b] = kind_rgb(kind);
        assert_eq!(
            node.attribute("fill").unwrap(),
            format!("#{r:02x}{g:02x}{b:02x}")
        );
        let tag = node.tag_name().name();
        assert_eq!(
            tag == "circle",
            kind == NodeKind::Actor,
            "actors are circles, others polygons"
        );
    }
    assert_eq!(
        elements_with_class(&document, "edge").len(),
        model.edges.len()
    );
    assert_eq!(
        elements_with_class(&document, "arrow").len(),
        model.edges.len()
    );

    let width: f32 = document
        .root_element()
        .attribute("width")
        .unwrap()
        .parse()
        .unwrap();
    let labels = elements_with_class(&document, "label");
    let label_texts: BTreeSet<String> = labels
        .iter()
        .filter_map(|l| l.text())
        .map(|t| t.to_owned())
        .collect();
    for node in &model.nodes {
        assert!(
            label_texts.contains(&node.label),
            "label {} missing",
            node.label
        );
    }
    // No label is cut at the border.
    for label in &labels {
        let x: f32 = label.attribute("x").unwrap().parse().unwrap();
        let size = text_size(label.text().unwrap(), 14.0);
        assert!(
            x >= 0.0 && x + size[0] <= width,
            "{:?} at {x} is cut (width {width})",
            label.text()
        );
    }

    let legend: Vec<&str> = elements_with_class(&document, "legend-kind")
        .iter()
        .filter_map(|n| n.text())
        .collect();
    assert_eq!(legend, ["Actor", "Mediator", "Meeting", "Demand"]);
    assert_eq!(elements_with_class(&document, "legend-marker").len(), 4);
    let relations: String = elements_with_class(&document, "legend-relation-name")
        .iter()
        .filter_map(|n| n.text())
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        relations.contains("demands")
            && relations.contains("member of")
            && relations.contains("blames"),
        "{relations}"
    );
    let title = elements_with_class(&document, "title");
    assert_eq!(title[0].text(), Some("Gaza talks"));
    let caption: String = elements_with_class(&document, "caption-line")
        .iter()
        .filter_map(|n| n.text())
        .collect::<Vec<_>>()
        .join(" ");
    for article in &model.articles {
        let words: Vec<&str> = article.title.split_whitespace().take(3).collect();
        assert!(
            caption.contains(&words.join(" ")),
            "caption lacks {}",
            article.title
        );
    }
    // The caption says how much rests only on unnamed sources.
    assert!(
        caption.contains("16 of 111 relations shown rest only on unnamed sources."),
        "{caption}"
    );
}

fn decode(path: &Path) -> (u32, u32, Vec<u8>) {
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(path).unwrap()));
    let mut reader = decoder.read_info().unwrap();
    let mut pixels = vec![0; reader.output_buffer_size()];
    let info = reader.next_frame(&mut pixels).unwrap();
    assert_eq!(info.color_type, png::ColorType::Rgba);
    pixels.truncate(info.buffer_size());
    (info.width, info.height, pixels)
}

#[test]
fn png_has_the_asked_width_every_kind_colour_and_is_not_blank() {
    let folder = tempfile::tempdir().unwrap();
    let out = folder.path().join("figure.png");
    render_ok(&[
        "seeds/negotiations.json",
        "-o",
        out.to_str().unwrap(),
        "--width",
        "1800",
    ]);
    let (width, height, pixels) = decode(&out);
    assert_eq!(width, 1800);
    assert!(height > 500);
    let colours: BTreeSet<[u8; 3]> = pixels
        .chunks_exact(4)
        .filter(|p| p[3] == 255)
        .map(|p| [p[0], p[1], p[2]])
        .collect();
    // Every kind the seed has (it has no imported entities).
    for kind in NodeKind::ALL
        .iter()
        .filter(|kind| **kind != NodeKind::Entity)
    {
        assert!(colours.contains(&kind_rgb(*kind)), "{kind} colour missing");
    }
    let white = pixels
        .chunks_exact(4)
        .filter(|p| p[..3] == [255, 255, 255])
        .count();
    let total = (width * height) as usize;
    assert!(
        white < total * 97 / 100,
        "almost blank: {white} of {total} white"
    );
    assert!(white > total / 2, "a white background");
}

#[test]
fn scale_transparent_and_dark_backgrounds() {
    let folder = tempfile::tempdir().unwrap();
    let svg = folder.path().join("f.svg");
    render_ok(&["seeds/negotiations.json", "-o", svg.to_str().unwrap()]);
    let svg_width: f32 = roxmltree::Document::parse(&std::fs::read_to_string(&svg).unwrap())
        .unwrap()
        .root_element()
        .attribute("width")
        .unwrap()
        .parse()
        .unwrap();
    let png = folder.path().join("f.png");
    render_ok(&[
        "seeds/negotiations.json",
        "-o",
        png.to_str().unwrap(),
        "--scale",
        "3",
        "--background",
        "transparent",
    ]);
    let (width, _, pixels) = decode(&png);
    assert_eq!(width, (svg_width * 3.0).round() as u32);
    assert_eq!(&pixels[..4], &[0, 0, 0, 0], "the corner is transparent");
    render_ok(&[
        "seeds/negotiations.json",
        "-o",
        png.to_str().unwrap(),
        "--background",
        "dark",
    ]);
    let (_, _, pixels) = decode(&png);
    assert_eq!(&pixels[..4], &[30, 30, 30, 255], "the corner is dark");
}

#[test]
fn the_same_inputs_give_the_same_bytes() {
    let folder = tempfile::tempdir().unwrap();
    for name in ["a.svg", "b.svg", "a.png", "b.png"] {
        let out = folder.path().join(name);
        render_ok(&[
            "seeds/negotiations.json",
            "-o",
            out.to_str().unwrap(),
            "--layout",
            "force",
            "--seed",
            "3",
            "--caption",
        ]);
    }
    let read = |name: &str| std::fs::read(folder.path().join(name)).unwrap();
    assert_eq!(read("a.svg"), read("b.svg"));
    assert_eq!(read("a.png"), read("b.png"));
    let other = folder.path().join("c.svg");
    render_ok(&[
        "seeds/negotiations.json",
        "-o",
        other.to_str().unwrap(),
        "--seed",
        "4",
        "--caption",
    ]);
    assert_ne!(
        read("a.svg"),
        read("c.svg"),
        "another seed, another arrangement"
    );
}

#[test]
fn focus_kinds_and_layouts_choose_what_is_drawn() {
    let model = dataset::load_seed().unwrap().model;
    let folder = tempfile::tempdir().unwrap();
    let out = folder.path().join("f.svg");
    let out_arg = out.to_str().unwrap();
    let count = |class: &str| {
        let text = std::fs::read_to_string(&out).unwrap();
        let document = roxmltree::Document::parse(&text).unwrap();
        elements_with_class(&document, class).len()
    };
    render_ok(&[
        "seeds/negotiations.json",
        "-o",
        out_arg,
        "--focus",
        "qatar",
        "--hops",
        "1",
    ]);
    let expected = neighborhood(
        &Adjacency::full(&model),
        model.node_position("qatar").unwrap(),
        1,
    )
    .len();
    assert_eq!(count("node"), expected);
    render_ok(&[
        "seeds/negotiations.json",
        "-o",
        out_arg,
        "--kinds",
        "actor,mediator",
    ]);
    let actors_and_mediators = model
        .nodes
        .iter()
        .filter(|n| matches!(n.kind, NodeKind::Actor | NodeKind::Mediator))
        .count();
    assert_eq!(count("node"), actors_and_mediators);
    assert_eq!(count("legend-kind"), 2);
    for layout in ["circular", "kind", "timeline"] {
        render_ok(&["seeds/negotiations.json", "-o", out_arg, "--layout", layout]);
        assert_eq!(count("node"), model.nodes.len(), "{layout}");
    }
}

#[test]
fn bad_options_and_input_files_are_refused() {
    let output = render(&[
        "seeds/negotiations.json",
        "-o",
        "/tmp/x.gif",
        "--layout",
        "spiral",
        "--kinds",
        "villain",
    ]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("must end in .svg or .png"), "{stderr}");
    assert!(stderr.contains("unknown layout \"spiral\""), "{stderr}");
    assert!(stderr.contains("unknown kind \"villain\""), "{stderr}");

    // A dataset file that happens to be named .svg is never written over.
    let folder = tempfile::tempdir().unwrap();
    let dataset = folder.path().join("dataset.svg");
    std::fs::copy("tests/fixtures/valid/inline-second.json", &dataset).unwrap();
    let before = std::fs::read(&dataset).unwrap();
    let output = render(&[dataset.to_str().unwrap(), "-o", dataset.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        String::from_utf8(output.stderr)
            .unwrap()
            .contains("never overwrites it")
    );
    assert_eq!(std::fs::read(&dataset).unwrap(), before);
}

#[test]
fn the_library_scene_and_svg_agree() {
    let model = dataset::load_seed().unwrap().model;
    let scene = render_scene(&model, &RenderRequest::default());
    let svg = to_svg(&scene, false);
    let document = roxmltree::Document::parse(&svg).unwrap();
    assert_eq!(
        elements_with_class(&document, "node").len(),
        scene.nodes.len()
    );
    for node in &scene.nodes {
        assert!(node.center[0] - node.radius >= 0.0 && node.center[0] + node.radius <= scene.width);
        assert!(
            node.label_origin[0] >= 0.0 && node.label_origin[0] + node.label_size[0] <= scene.width
        );
        assert!(node.label_origin[1] <= scene.height);
    }
}

fn hex([r, g, b]: [u8; 3]) -> String {
    format!("#{r:02x}{g:02x}{b:02x}")
}

#[test]
fn edges_are_drawn_by_relation_and_the_legend_counts_them() {
    let model = dataset::load_seed().unwrap().model;
    let scene = render_scene(&model, &RenderRequest::default());
    let svg = to_svg(&scene, false);
    let document = roxmltree::Document::parse(&svg).unwrap();
    let edges = elements_with_class(&document, "edge");
    assert_eq!(edges.len(), model.edges.len());
    for edge in &edges {
        let relation = Relation::parse(edge.attribute("data-relation").unwrap()).unwrap();
        let style = relation_style(relation);
        assert_eq!(edge.attribute("stroke"), Some(hex(style.rgb).as_str()));
        assert_eq!(
            edge.attribute("stroke-dasharray").is_some(),
            style.dash != Dash::Solid,
            "{relation:?}"
        );
    }
    // A reader tells demands from rejects without clicking: another colour, another line.
    let (demands, rejects) = (
        relation_style(Relation::Demands),
        relation_style(Relation::Rejects),
    );
    assert!(demands.rgb != rejects.rgb && demands.dash != rejects.dash);
    // The legend: one line sample per relation drawn, with its style and its count.
    let samples = elements_with_class(&document, "legend-relation");
    let names: Vec<String> = elements_with_class(&document, "legend-relation-name")
        .iter()
        .filter_map(|n| n.text())
        .map(str::to_owned)
        .collect();
    let drawn: BTreeSet<Relation> = model.edges.iter().map(|e| e.relation).collect();
    assert_eq!(samples.len(), drawn.len());
    assert_eq!(names.len(), drawn.len());
    for (sample, name) in samples.iter().zip(&names) {
        let relation = Relation::parse(sample.attribute("data-relation").unwrap()).unwrap();
        let count = model
            .edges
            .iter()
            .filter(|e| e.relation == relation)
            .count();
        assert_eq!(
            name,
            &format!("{} ({count})", relation.as_str().replace('_', " "))
        );
        assert_eq!(
            sample.attribute("stroke"),
            Some(hex(relation_style(relation).rgb).as_str())
        );
    }
}

#[test]
fn relation_names_are_written_along_edges_only_when_asked() {
    let model = dataset::load_seed().unwrap().model;
    let plain = to_svg(&render_scene(&model, &RenderRequest::default()), false);
    let plain = roxmltree::Document::parse(&plain).unwrap();
    assert!(elements_with_class(&plain, "edge-name").is_empty());
    let mut request = RenderRequest::default();
    request.options.relation_names = true;
    let named = to_svg(&render_scene(&model, &request), false);
    let named = roxmltree::Document::parse(&named).unwrap();
    let names = elements_with_class(&named, "edge-name");
    assert!(names.len() > model.edges.len() / 2, "{} names", names.len());
    for name in names {
        let id = name.attribute("data-id").unwrap();
        let edge = model.edges.iter().find(|e| e.id == id).unwrap();
        assert_eq!(
            name.text(),
            Some(edge.relation.as_str().replace('_', " ").as_str())
        );
        let angle: f32 = name
            .attribute("transform")
            .and_then(|t| t.strip_prefix("rotate("))
            .and_then(|t| t.split_whitespace().next())
            .and_then(|a| a.parse().ok())
            .unwrap();
        assert!(
            (-90.0..=90.0).contains(&angle),
            "upside-down name at {angle}"
        );
    }
    // The command line asks for the same.
    let folder = tempfile::tempdir().unwrap();
    let out = folder.path().join("named.svg");
    render_ok(&[
        "seeds/negotiations.json",
        "-o",
        out.to_str().unwrap(),
        "--relation-names",
    ]);
    let text = std::fs::read_to_string(&out).unwrap();
    assert!(text.contains("class=\"edge-name\""));
}

/// A model of `count` nodes all at one spot of a file (so "As in the file" stacks them),
/// joined in a path.
fn stacked(count: usize) -> Model {
    let nodes: Vec<serde_json::Value> = (0..count)
        .map(|i| {
            serde_json::json!({"id": format!("n{i}"), "label": format!("Node number {i}"),
                "kind": "entity", "position": {"x": 0.0, "y": 0.0}})
        })
        .collect();
    let edges: Vec<serde_json::Value> = (1..count)
        .map(|i| {
            serde_json::json!({"id": format!("e{i}"), "source": format!("n{}", i - 1),
                "target": format!("n{i}"), "relation": "link"})
        })
        .collect();
    let text = serde_json::json!({"format": "backchannel/1", "title": "Stacked", "articles": [],
        "nodes": nodes, "edges": edges})
    .to_string();
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("stacked.json");
    std::fs::write(&path, text).unwrap();
    std::sync::Arc::unwrap_or_clone(backchannel::interchange::load_file(&path).unwrap().model)
}

#[test]
fn a_figure_draws_each_label_whole_or_not_at_all() {
    let model = stacked(6);
    let request = RenderRequest {
        layout: backchannel::view::LayoutKind::File,
        ..RenderRequest::default()
    };
    let scene = render_scene(&model, &request);
    let shown: Vec<&str> = scene
        .nodes
        .iter()
        .filter(|n| n.label_shown)
        .map(|n| n.label.as_str())
        .collect();
    // Six labels on one spot: the best connected (an inner node of the path) is drawn.
    assert_eq!(shown, ["Node number 1"]);
    let svg = to_svg(&scene, false);
    let document = roxmltree::Document::parse(&svg).unwrap();
    let labels: Vec<&str> = elements_with_class(&document, "label")
        .iter()
        .filter_map(|l| l.text())
        .collect();
    assert_eq!(labels, shown);
    // In the seed's figure no two drawn labels overlap.
    let seed = dataset::load_seed().unwrap().model;
    let scene = render_scene(&seed, &RenderRequest::default());
    let boxes: Vec<[f32; 4]> = scene
        .nodes
        .iter()
        .filter(|n| n.label_shown)
        .map(|n| {
            let [x, y] = n.label_origin;
            [x, y - n.label_size[1], x + n.label_size[0], y]
        })
        .collect();
    for (i, a) in boxes.iter().enumerate() {
        for b in &boxes[i + 1..] {
            let overlap = a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
            assert!(!overlap, "labels at {a:?} and {b:?} overlap");
        }
    }
}
