//! Scene -> SVG text. Deterministic: the same scene gives the same bytes. The shipped font
//! is embedded, so the SVG looks the same in every viewer; every element has a class
//! (`node`, `edge`, `label`, `legend`, `caption`, `title`) and nodes and edges carry their
//! ids, for scripts and tests.

use std::fmt::Write;

use base64::Engine;

use super::edges::EDGE_NAME_SIZE;
use super::font::{FONT_BYTES, FONT_FAMILY};
use super::scene::{Background, RELATION_MARKER_WIDTH, Scene, SceneText};
use crate::view::style::{
    Dash, HIGHLIGHT_RGB, LABEL_FONT_SIZE, OUTLINE_RGB, Outline, Rgb, kind_outline,
};

/// How text is written in the SVG: the embedded face first.
pub const FONT_STACK: &str = "Ubuntu, 'Ubuntu Light', sans-serif";

/// Writes `scene` as an SVG document. With `embed_font`, the shipped font is included as a
/// data URL (about 480 kB) so that viewers without it show the same text.
pub fn to_svg(scene: &Scene, embed_font: bool) -> String {
    let mut svg = String::new();
    let frame = Frame {
        width: scene.width,
        height: scene.height,
        display_width: scene.display_width,
        background: scene.background,
        title: scene.title.as_ref(),
    };
    write_header(&mut svg, &frame, embed_font);
    write_edges(&mut svg, scene);
    write_nodes(&mut svg, scene);
    write_labels(&mut svg, scene);
    write_legend(&mut svg, scene);
    let text_color = scene.background.text_rgb();
    svg.push_str("<g class=\"caption\">\n");
    for line in &scene.caption {
        text(&mut svg, "caption-line", line, text_color, "");
    }
    svg.push_str("</g>\n</svg>\n");
    svg
}

/// What every figure has around its drawing: its size, background and title.
pub(super) struct Frame<'a> {
    pub(super) width: f32,
    pub(super) height: f32,
    /// Width an SVG viewer should show it at; `None`: its own width.
    pub(super) display_width: Option<f32>,
    pub(super) background: Background,
    pub(super) title: Option<&'a SceneText>,
}

/// The root element, the embedded font, the background and the title.
pub(super) fn write_header(svg: &mut String, frame: &Frame<'_>, embed_font: bool) {
    let (w, h) = (frame.width, frame.height);
    let (shown_w, shown_h) = match frame.display_width {
        Some(display) if display > 0.0 => (display, h * display / w.max(1.0)),
        _ => (w, h),
    };
    let _ = writeln!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{}" height="{}" viewBox="0 0 {w} {h}" font-family="{FONT_STACK}">"#,
        n(shown_w),
        n(shown_h)
    );
    if embed_font {
        let encoded = base64::engine::general_purpose::STANDARD.encode(FONT_BYTES);
        let _ = writeln!(
            svg,
            "<style>@font-face{{font-family:{FONT_FAMILY};font-weight:normal;src:url(data:font/ttf;base64,{encoded}) format('truetype');}}</style>"
        );
    }
    let text_color = frame.background.text_rgb();
    match frame.background {
        Background::White => {
            let _ = writeln!(
                svg,
                r##"<rect class="background" x="0" y="0" width="{w}" height="{h}" fill="#ffffff"/>"##
            );
        }
        Background::Dark => {
            let _ = writeln!(
                svg,
                r##"<rect class="background" x="0" y="0" width="{w}" height="{h}" fill="#1e1e1e"/>"##
            );
        }
        Background::Transparent => {}
    }
    if let Some(title) = frame.title {
        text(svg, "title", title, text_color, "");
    }
}

/// Every edge as a path (with its arrowhead), then the relation names along the edges,
/// each on a halo of the background's colour.
fn write_edges(svg: &mut String, scene: &Scene) {
    let name_halo: Rgb = match scene.background {
        Background::Dark => [30, 30, 30],
        _ => [255, 255, 255],
    };
    svg.push_str("<g class=\"edges\" fill=\"none\">\n");
    for edge in &scene.edges {
        let d = match edge.control {
            Some(control) => format!(
                "M{} {} Q{} {} {} {}",
                n(edge.start[0]),
                n(edge.start[1]),
                n(control[0]),
                n(control[1]),
                n(edge.end[0]),
                n(edge.end[1])
            ),
            None => format!(
                "M{} {} L{} {}",
                n(edge.start[0]),
                n(edge.start[1]),
                n(edge.end[0]),
                n(edge.end[1])
            ),
        };
        let _ = writeln!(
            svg,
            r#"<path class="edge" data-id="{}" data-relation="{}" d="{d}" stroke="{}" stroke-width="{}"{}/>"#,
            escape(&edge.id),
            edge.relation,
            hex(edge.stroke),
            n(edge.width),
            dash_attribute(edge.dash, edge.width)
        );
        if let Some(arrow) = &edge.arrow {
            let _ = writeln!(
                svg,
                r#"<polygon class="arrow" points="{}" fill="{}"/>"#,
                points(arrow),
                hex(edge.stroke)
            );
        }
    }
    for edge in &scene.edges {
        if let Some(([x, y], angle)) = edge.name_at {
            let _ = writeln!(
                svg,
                r#"<text class="edge-name" data-id="{}" x="{}" y="{}" font-size="{}" fill="{}" text-anchor="middle" transform="rotate({} {} {})" stroke="{}" stroke-width="3" paint-order="stroke">{}</text>"#,
                escape(&edge.id),
                n(x),
                n(y - 2.0),
                n(EDGE_NAME_SIZE),
                hex(edge.stroke),
                n(angle),
                n(x),
                n(y),
                hex(name_halo),
                escape(&edge.relation.words())
            );
        }
    }
    svg.push_str("</g>\n");
}

/// Every node as its kind's shape.
fn write_nodes(svg: &mut String, scene: &Scene) {
    svg.push_str("<g class=\"nodes\">\n");
    for node in &scene.nodes {
        let opacity = if node.dimmed {
            r#" opacity="0.25""#
        } else {
            ""
        };
        let (stroke, stroke_width) = if node.highlighted {
            (HIGHLIGHT_RGB, 3.0)
        } else {
            (OUTLINE_RGB, 1.0)
        };
        let common = format!(
            r#"class="node" data-id="{}" data-kind="{}" fill="{}" stroke="{}" stroke-width="{}"{opacity}"#,
            escape(&node.id),
            node.kind,
            hex(node.fill),
            hex(stroke),
            n(stroke_width)
        );
        match kind_outline(node.kind, node.radius) {
            Outline::Circle(radius) => {
                let _ = writeln!(
                    svg,
                    r#"<circle {common} cx="{}" cy="{}" r="{}"/>"#,
                    n(node.center[0]),
                    n(node.center[1]),
                    n(radius)
                );
            }
            Outline::Polygon(corners) => {
                let placed: Vec<[f32; 2]> = corners
                    .iter()
                    .map(|[x, y]| [node.center[0] + x, node.center[1] + y])
                    .collect();
                let _ = writeln!(svg, r#"<polygon {common} points="{}"/>"#, points(&placed));
            }
        }
    }
    svg.push_str("</g>\n");
}

/// Every shown label on its box.
fn write_labels(svg: &mut String, scene: &Scene) {
    let text_color = scene.background.text_rgb();
    svg.push_str("<g class=\"labels\">\n");
    let label_box = match scene.background {
        Background::Dark => ("#2a2a2a", text_color),
        _ => ("#ffffff", [20, 20, 20]),
    };
    for node in scene.nodes.iter().filter(|node| node.label_shown) {
        let [x, y] = node.label_origin;
        let [width, _] = node.label_size;
        let opacity = if node.dimmed {
            r#" opacity="0.35""#
        } else {
            ""
        };
        let _ = writeln!(
            svg,
            r#"<rect class="label-bg" x="{}" y="{}" width="{}" height="{}" rx="3" fill="{}" fill-opacity="0.8"{opacity}/>"#,
            n(x - 3.0),
            n(y - LABEL_FONT_SIZE * 0.95),
            n(width + 6.0),
            n(LABEL_FONT_SIZE * 1.25),
            label_box.0
        );
        let _ = writeln!(
            svg,
            r#"<text class="label" data-id="{}" x="{}" y="{}" font-size="{}" fill="{}"{opacity}>{}</text>"#,
            escape(&node.id),
            n(x),
            n(y),
            n(LABEL_FONT_SIZE),
            hex(label_box.1),
            escape(&node.label)
        );
    }
    svg.push_str("</g>\n");
}

/// The legend: each kind with its shape, the colours, each relation with its line.
fn write_legend(svg: &mut String, scene: &Scene) {
    let text_color = scene.background.text_rgb();
    svg.push_str("<g class=\"legend\">\n");
    for entry in &scene.legend_kinds {
        let [cx, cy] = entry.marker;
        match kind_outline(entry.kind, 7.0) {
            Outline::Circle(radius) => {
                let _ = writeln!(
                    svg,
                    r#"<circle class="legend-marker" data-kind="{}" cx="{}" cy="{}" r="{}" fill="{}" stroke="{}"/>"#,
                    entry.kind,
                    n(cx),
                    n(cy),
                    n(radius),
                    hex(entry.fill),
                    hex(OUTLINE_RGB)
                );
            }
            Outline::Polygon(corners) => {
                let placed: Vec<[f32; 2]> = corners.iter().map(|[x, y]| [cx + x, cy + y]).collect();
                let _ = writeln!(
                    svg,
                    r#"<polygon class="legend-marker" data-kind="{}" points="{}" fill="{}" stroke="{}"/>"#,
                    entry.kind,
                    points(&placed),
                    hex(entry.fill),
                    hex(OUTLINE_RGB)
                );
            }
        }
        text(svg, "legend-kind", &entry.text, text_color, "");
    }
    if let Some(heading) = &scene.legend_colour_heading {
        text(svg, "legend-colours", heading, text_color, "");
    }
    for swatch in &scene.legend_colours {
        let [cx, cy] = swatch.marker;
        let _ = writeln!(
            svg,
            r#"<circle class="legend-swatch" cx="{}" cy="{}" r="6" fill="{}" stroke="{}"/>"#,
            n(cx),
            n(cy),
            hex(swatch.rgb),
            hex(OUTLINE_RGB)
        );
        text(svg, "legend-colour", &swatch.text, text_color, "");
    }
    if let Some(heading) = &scene.legend_relation_heading {
        text(svg, "legend-relations", heading, text_color, "");
    }
    for entry in &scene.legend_relations {
        let [cx, cy] = entry.marker;
        let half = RELATION_MARKER_WIDTH / 2.0;
        let _ = writeln!(
            svg,
            r#"<path class="legend-relation" data-relation="{}" d="M{} {} L{} {}" stroke="{}" stroke-width="2"{}/>"#,
            entry.relation,
            n(cx - half),
            n(cy),
            n(cx + half - 5.0),
            n(cy),
            hex(entry.style.rgb),
            dash_attribute(entry.style.dash, 2.0)
        );
        let tip = [cx + half, cy];
        let _ = writeln!(
            svg,
            r#"<polygon class="legend-arrow" points="{}" fill="{}"/>"#,
            points(&[
                tip,
                [tip[0] - 6.0, tip[1] - 3.5],
                [tip[0] - 6.0, tip[1] + 3.5]
            ]),
            hex(entry.style.rgb)
        );
        text(svg, "legend-relation-name", &entry.text, text_color, "");
    }
    if let Some(heading) = &scene.legend_edge_colour_heading {
        text(svg, "legend-edge-colours", heading, text_color, "");
    }
    for swatch in &scene.legend_edge_colours {
        let [cx, cy] = swatch.marker;
        let half = RELATION_MARKER_WIDTH / 2.0;
        let _ = writeln!(
            svg,
            r#"<path class="legend-edge-colour" d="M{} {} L{} {}" stroke="{}" stroke-width="3"/>"#,
            n(cx - half),
            n(cy),
            n(cx + half),
            n(cy),
            hex(swatch.rgb)
        );
        text(svg, "legend-edge-colour-name", &swatch.text, text_color, "");
    }
    svg.push_str("</g>\n");
}

pub(super) fn text(svg: &mut String, class: &str, text: &SceneText, color: Rgb, extra: &str) {
    let _ = writeln!(
        svg,
        r#"<text class="{class}" x="{}" y="{}" font-size="{}" fill="{}"{extra}>{}</text>"#,
        n(text.origin[0]),
        n(text.origin[1]),
        n(text.size),
        hex(color),
        escape(&text.text)
    );
}

/// The `stroke-dasharray` attribute of a line broken by `dash` (nothing for a solid one).
fn dash_attribute(dash: Dash, width: f32) -> String {
    dash.pattern(width).map_or_else(String::new, |[on, off]| {
        format!(r#" stroke-dasharray="{} {}""#, n(on), n(off))
    })
}

/// A number with at most two decimals and no trailing zeros.
pub(super) fn n(value: f32) -> String {
    let value = if value.is_finite() { value } else { 0.0 };
    let text = format!("{value:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" {
        "0".to_owned()
    } else {
        text.to_owned()
    }
}

fn points(corners: &[[f32; 2]]) -> String {
    corners
        .iter()
        .map(|[x, y]| format!("{},{}", n(*x), n(*y)))
        .collect::<Vec<_>>()
        .join(" ")
}

pub(super) fn hex([r, g, b]: Rgb) -> String {
    format!("#{r:02x}{g:02x}{b:02x}")
}

/// Escapes text for XML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&apos;"),
            // Characters XML 1.0 does not allow are dropped.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c => escaped.push(c),
        }
    }
    escaped
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_short_and_stable() {
        assert_eq!(n(1.0), "1");
        assert_eq!(n(1.256), "1.26");
        assert_eq!(n(-0.001), "0");
        assert_eq!(n(f32::NAN), "0");
    }

    #[test]
    fn escapes_markup() {
        assert_eq!(escape(r#"A & "B" <c>"#), "A &amp; &quot;B&quot; &lt;c&gt;");
        assert_eq!(escape("tab\tbell\u{7}"), "tab\tbell");
    }
}
