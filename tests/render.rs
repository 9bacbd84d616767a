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
use backchannel::view::style::kind_rgb;

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
    let relations: String = elements_with_class(&document, "legend-relations")
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
