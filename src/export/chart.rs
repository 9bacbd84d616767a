//! A chart: a figure that is not a node-link drawing (the positions of an actor along a
//! time axis, the matrix of who stands where) made of placed rectangles, circles, lines
//! and texts, with the same frame as a graph figure (title, background, embedded font,
//! legend and caption below) and written the same way: deterministic SVG, rasterised to
//! PNG with the shipped font.

use std::fmt::Write;

use super::scene::{Background, SceneText};
use super::svg::{Frame, escape, hex, n, text, write_header};
use crate::view::style::Rgb;

/// A shape's outline.
#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    /// A rectangle from its top-left corner, with rounded corners of `corner`.
    Rect {
        /// Top-left corner.
        min: [f32; 2],
        /// Width and height.
        size: [f32; 2],
        /// Radius of the rounded corners.
        corner: f32,
    },
    /// A circle.
    Circle {
        /// Its centre.
        centre: [f32; 2],
        /// Its radius.
        radius: f32,
    },
    /// A straight line.
    Line {
        /// One end.
        from: [f32; 2],
        /// The other end.
        to: [f32; 2],
    },
}

/// A shape as drawn: what it is (its class, and the edge it stands for), its fill and
/// outline, and what a viewer shows on hover.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartShape {
    /// Its class in the SVG (`stance`, `cell`, `grid`, `shift`, `legend-marker`).
    pub class: &'static str,
    /// The id of the element it stands for, written as `data-id`.
    pub id: Option<String>,
    /// Its outline.
    pub shape: Shape,
    /// Fill colour; `None`: not filled.
    pub fill: Option<Rgb>,
    /// Outline colour and width; `None`: no outline.
    pub stroke: Option<(Rgb, f32)>,
    /// A broken line.
    pub dashed: bool,
    /// Opacity of the fill, 0 to 1.
    pub fill_opacity: f32,
    /// What it stands for, in words (its `aria-label`; the window's name for it).
    pub name: Option<String>,
    /// What an SVG viewer shows on hover (its `<title>`).
    pub tooltip: Option<String>,
}

impl ChartShape {
    /// A shape of `class` filled with `fill`, opaque, with no outline, id or tooltip.
    pub fn filled(class: &'static str, shape: Shape, fill: Rgb) -> Self {
        Self {
            class,
            id: None,
            shape,
            fill: Some(fill),
            stroke: None,
            dashed: false,
            fill_opacity: 1.0,
            name: None,
            tooltip: None,
        }
    }

    /// A line of `class` in `rgb`, `width` wide.
    pub fn line(class: &'static str, from: [f32; 2], to: [f32; 2], rgb: Rgb, width: f32) -> Self {
        Self {
            class,
            id: None,
            shape: Shape::Line { from, to },
            fill: None,
            stroke: Some((rgb, width)),
            dashed: false,
            fill_opacity: 1.0,
            name: None,
            tooltip: None,
        }
    }
}

/// A line of text placed in a chart.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartText {
    /// Its class in the SVG (`row-label`, `tick`, `cell-text`, `legend`).
    pub class: &'static str,
    /// The text, where it starts and its size.
    pub text: SceneText,
    /// Its colour; `None`: the background's text colour.
    pub rgb: Option<Rgb>,
}

/// Everything a chart figure shows, in pixels at scale 1.
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    /// Width of the figure.
    pub width: f32,
    /// Height of the figure.
    pub height: f32,
    /// The background.
    pub background: Background,
    /// The title, if any.
    pub title: Option<SceneText>,
    /// Shapes, drawn in order.
    pub shapes: Vec<ChartShape>,
    /// Texts, drawn over the shapes.
    pub texts: Vec<ChartText>,
    /// The sources, as wrapped lines ("Sources:" first).
    pub caption: Vec<SceneText>,
    /// Width an SVG viewer should show the figure at; `None`: its own width.
    pub display_width: Option<f32>,
    /// The height the title takes at the top (0 without one).
    pub title_height: f32,
}

impl Chart {
    /// The chart without its title, everything moved up into its room (for a window
    /// that says the title itself).
    pub fn untitled(mut self) -> Self {
        if self.title.take().is_none() {
            return self;
        }
        let up = self.title_height;
        let lift = |[x, y]: [f32; 2]| [x, y - up];
        for shape in &mut self.shapes {
            shape.shape = match shape.shape.clone() {
                Shape::Rect { min, size, corner } => Shape::Rect {
                    min: lift(min),
                    size,
                    corner,
                },
                Shape::Circle { centre, radius } => Shape::Circle {
                    centre: lift(centre),
                    radius,
                },
                Shape::Line { from, to } => Shape::Line {
                    from: lift(from),
                    to: lift(to),
                },
            };
        }
        for text in self
            .texts
            .iter_mut()
            .map(|text| &mut text.text)
            .chain(&mut self.caption)
        {
            text.origin = lift(text.origin);
        }
        self.height -= up;
        self.title_height = 0.0;
        self
    }

    /// The chart as an SVG document; with `embed_font`, the shipped font is included.
    /// Deterministic: the same chart gives the same bytes.
    pub fn to_svg(&self, embed_font: bool) -> String {
        let mut svg = String::new();
        let frame = Frame {
            width: self.width,
            height: self.height,
            display_width: self.display_width,
            background: self.background,
            title: self.title.as_ref(),
        };
        write_header(&mut svg, &frame, embed_font);
        svg.push_str("<g class=\"chart\">\n");
        for shape in &self.shapes {
            write_shape(&mut svg, shape);
        }
        let text_rgb = self.background.text_rgb();
        for placed in &self.texts {
            text(
                &mut svg,
                placed.class,
                &placed.text,
                placed.rgb.unwrap_or(text_rgb),
                "",
            );
        }
        svg.push_str("</g>\n<g class=\"caption\">\n");
        for line in &self.caption {
            text(&mut svg, "caption-line", line, text_rgb, "");
        }
        svg.push_str("</g>\n</svg>\n");
        svg
    }
}

fn write_shape(svg: &mut String, shape: &ChartShape) {
    let mut attributes = format!(r#"class="{}""#, shape.class);
    if let Some(id) = &shape.id {
        let _ = write!(attributes, r#" data-id="{}""#, escape(id));
    }
    if let Some(name) = &shape.name {
        let _ = write!(attributes, r#" aria-label="{}""#, escape(name));
    }
    match shape.fill {
        Some(fill) => {
            let _ = write!(attributes, r#" fill="{}""#, hex(fill));
            if shape.fill_opacity < 1.0 {
                let _ = write!(attributes, r#" fill-opacity="{}""#, n(shape.fill_opacity));
            }
        }
        None => attributes.push_str(r#" fill="none""#),
    }
    if let Some((rgb, width)) = shape.stroke {
        let _ = write!(
            attributes,
            r#" stroke="{}" stroke-width="{}""#,
            hex(rgb),
            n(width)
        );
        if shape.dashed {
            let _ = write!(
                attributes,
                r#" stroke-dasharray="{} {}""#,
                n(width * 3.0),
                n(width * 2.0)
            );
        }
    }
    let element = match &shape.shape {
        Shape::Rect { min, size, corner } => format!(
            r#"<rect {attributes} x="{}" y="{}" width="{}" height="{}" rx="{}""#,
            n(min[0]),
            n(min[1]),
            n(size[0]),
            n(size[1]),
            n(*corner)
        ),
        Shape::Circle { centre, radius } => format!(
            r#"<circle {attributes} cx="{}" cy="{}" r="{}""#,
            n(centre[0]),
            n(centre[1]),
            n(*radius)
        ),
        Shape::Line { from, to } => format!(
            r#"<line {attributes} x1="{}" y1="{}" x2="{}" y2="{}""#,
            n(from[0]),
            n(from[1]),
            n(to[0]),
            n(to[1])
        ),
    };
    match &shape.tooltip {
        Some(tooltip) => {
            let _ = writeln!(svg, "{element}><title>{}</title></{}>", escape(tooltip), {
                match shape.shape {
                    Shape::Rect { .. } => "rect",
                    Shape::Circle { .. } => "circle",
                    Shape::Line { .. } => "line",
                }
            });
        }
        None => {
            let _ = writeln!(svg, "{element}/>");
        }
    }
}
