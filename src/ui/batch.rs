//! Many lines, or many discs, drawn as one mesh each.
//!
//! Zoomed far out, every unselected edge of the canvas is a plain line of the same grey
//! and most nodes are plain outlined discs. Handed to egui one shape each, 40,000 edges
//! and 10,000 nodes cost 50,000 shapes to clip, tessellate and copy on every frame; built
//! here into two meshes they cost two. They look as egui draws them: lines with egui's
//! widths and anti-aliasing fringe (`feathering`), discs from a smooth disc texture, the
//! outline a slightly larger darker disc under the fill.
//!
//! egui copies every vertex of a mesh on every frame, so vertices count: a thin line's
//! fringe comes from a three-texel line texture (transparent, white, transparent) sampled
//! linearly across it, which makes it one quad (4 vertices) where a strip of untextured
//! vertices needs three rows (6); the picture is the same, the fading being linear in both.

use egui::epaint::{Mesh, Vertex};
use egui::{
    Color32, ColorImage, Context, Pos2, Rect, Shape, Stroke, TextureHandle, TextureId,
    TextureOptions, Vec2,
};

/// Texture coordinate across the line texture where it is transparent (the first texel's
/// centre); its mirror `1 - LINE_EDGE_U` is transparent too.
const LINE_EDGE_U: f32 = 1.0 / 6.0;
/// Texture coordinate where the line texture is opaque white (the middle texel's centre).
const LINE_CORE_U: f32 = 0.5;

/// The line texture: transparent, white, transparent, premultiplied, for tinting.
pub fn line_image() -> ColorImage {
    ColorImage::new(
        [3, 1],
        vec![Color32::TRANSPARENT, Color32::WHITE, Color32::TRANSPARENT],
    )
}

/// Loads the line texture into `ctx`, sampled linearly (no mipmaps: a line is drawn at
/// about one texel per pixel across).
pub fn load_line_texture(ctx: &Context) -> TextureHandle {
    ctx.load_texture("backchannel-line", line_image(), TextureOptions::LINEAR)
}

/// Lines of one stroke, collected into one mesh over the line texture.
pub struct LineBatch {
    mesh: Mesh,
    stroke: Stroke,
    feathering: f32,
    clip: Rect,
}

impl LineBatch {
    /// An empty batch of lines drawn with `stroke`, anti-aliased over `feathering` points
    /// (0 for none), keeping only lines that cross `clip`; room for `capacity` lines.
    /// `texture` is the line texture (see [`load_line_texture`]).
    pub fn new(
        texture: TextureId,
        stroke: Stroke,
        feathering: f32,
        clip: Rect,
        capacity: usize,
    ) -> Self {
        let mut mesh = Mesh::with_texture(texture);
        let quad = is_one_quad(stroke.width, feathering);
        mesh.vertices.reserve(capacity * if quad { 4 } else { 8 });
        mesh.indices.reserve(capacity * if quad { 6 } else { 18 });
        Self {
            mesh,
            stroke,
            feathering: feathering.max(0.0),
            clip,
        }
    }

    /// Adds the line from `from` to `to` (screen points) in the batch's colour (the tests'
    /// shorthand for [`LineBatch::add_coloured`]).
    #[cfg(test)]
    pub fn add(&mut self, from: Pos2, to: Pos2) {
        self.add_coloured(from, to, self.stroke.color);
    }

    /// Adds the line from `from` to `to` (screen points) in `color`, with the batch's
    /// width and anti-aliasing; a line of no length, or one that misses the clip rectangle
    /// or has a coordinate that is not finite, is left out.
    pub fn add_coloured(&mut self, from: Pos2, to: Pos2, color: Color32) {
        let reach = self.stroke.width + self.feathering;
        let in_view = from.is_finite()
            && to.is_finite()
            && Rect::from_two_pos(from, to)
                .expand(reach)
                .intersects(self.clip);
        if !in_view {
            return;
        }
        let direction = to - from;
        if direction.length_sq() == 0.0 {
            return;
        }
        let normal = unit(direction).rot90();
        let width = self.stroke.width;
        let feathering = self.feathering;
        if feathering <= 0.0 {
            let half = normal * (width / 2.0);
            self.add_strip(
                from,
                to,
                color,
                &[(half, LINE_CORE_U), (-half, LINE_CORE_U)],
            );
        } else if width <= feathering {
            // A line thinner than the fringe: one faint core fading out on either side,
            // the fading done by the texture across one quad.
            let core = color.gamma_multiply(width / feathering);
            let outer = normal * feathering;
            self.add_strip(
                from,
                to,
                core,
                &[(outer, LINE_EDGE_U), (-outer, 1.0 - LINE_EDGE_U)],
            );
        } else {
            let inner = normal * ((width - feathering) / 2.0);
            let outer = normal * ((width + feathering) / 2.0);
            self.add_strip(
                from,
                to,
                color,
                &[
                    (outer, LINE_EDGE_U),
                    (inner, LINE_CORE_U),
                    (-inner, LINE_CORE_U),
                    (-outer, 1.0 - LINE_EDGE_U),
                ],
            );
        }
    }

    /// Adds one row of vertices at each end, offset across the line and placed across
    /// the line texture by `across`, and the two triangles between each pair of
    /// neighbouring rows.
    fn add_strip(&mut self, from: Pos2, to: Pos2, color: Color32, across: &[(Vec2, f32)]) {
        let Ok(base) = u32::try_from(self.mesh.vertices.len()) else {
            return;
        };
        let row = across.len() as u32;
        for end in [from, to] {
            for &(offset, u) in across {
                self.mesh.vertices.push(Vertex {
                    pos: end + offset,
                    uv: Pos2::new(u, 0.5),
                    color,
                });
            }
        }
        for lane in 0..row.saturating_sub(1) {
            let (a, b) = (base + lane, base + lane + 1);
            let (c, d) = (a + row, b + row);
            self.mesh.indices.extend_from_slice(&[a, b, c, b, d, c]);
        }
    }

    /// The mesh, as one shape.
    pub fn into_shape(self) -> Shape {
        if self.mesh.is_empty() {
            Shape::Noop
        } else {
            Shape::mesh(self.mesh)
        }
    }
}

/// Whether a line of `width` with `feathering` is one quad (4 vertices): without a fringe,
/// or thinner than it; otherwise it is a core and two fringes (8 vertices).
fn is_one_quad(width: f32, feathering: f32) -> bool {
    feathering <= 0.0 || width <= feathering
}

/// `direction` scaled to length 1 (unchanged when it has no length). egui's
/// `Vec2::normalized` measures length with `hypot`, a libm call guarding against overflow
/// that cost a fifth of drawing 200,000 lines; a square root of the sum of squares does
/// where that sum is a normal number, as it is for anything on screen.
pub fn unit(direction: Vec2) -> Vec2 {
    let length_sq = direction.length_sq();
    if length_sq.is_normal() {
        direction / length_sq.sqrt()
    } else {
        // No length, or one whose square underflows or overflows.
        direction.normalized()
    }
}

/// Side of the disc texture, in texels.
const DISC_TEXELS: usize = 64;
/// Radius of the disc in its texture, in texels (the rest is its smooth edge and room).
const DISC_RADIUS_TEXELS: f32 = 30.0;

/// A white disc with a smooth edge on a transparent square, premultiplied, for tinting.
pub fn disc_image() -> ColorImage {
    let centre = DISC_TEXELS as f32 / 2.0;
    let pixels = (0..DISC_TEXELS * DISC_TEXELS)
        .map(|index| {
            let x = (index % DISC_TEXELS) as f32 + 0.5 - centre;
            let y = (index / DISC_TEXELS) as f32 + 0.5 - centre;
            let coverage = (DISC_RADIUS_TEXELS + 0.5 - x.hypot(y)).clamp(0.0, 1.0);
            Color32::from_white_alpha((coverage * 255.0).round() as u8)
        })
        .collect();
    ColorImage::new([DISC_TEXELS, DISC_TEXELS], pixels)
}

/// Loads the disc texture into `ctx` (mipmapped, so that small discs stay smooth).
pub fn load_disc_texture(ctx: &Context) -> TextureHandle {
    let options = TextureOptions {
        mipmap_mode: Some(egui::TextureFilter::Linear),
        ..TextureOptions::LINEAR
    };
    ctx.load_texture("backchannel-disc", disc_image(), options)
}

/// Discs of any colour and size, collected into one mesh over the disc texture.
pub struct DiscBatch {
    mesh: Mesh,
    clip: Rect,
}

impl DiscBatch {
    /// An empty batch drawing from the disc texture `texture` (see [`load_disc_texture`]),
    /// keeping only discs that reach into `clip`; room for `capacity` discs.
    pub fn new(texture: TextureId, clip: Rect, capacity: usize) -> Self {
        let mut mesh = Mesh::with_texture(texture);
        mesh.vertices.reserve(capacity * 4);
        mesh.indices.reserve(capacity * 6);
        Self { mesh, clip }
    }

    /// Adds a disc of `radius` (screen points) centred on `centre`; one that misses the
    /// clip rectangle, has no size or has a coordinate that is not finite is left out.
    pub fn add(&mut self, centre: Pos2, radius: f32, color: Color32) {
        if !(centre.is_finite() && radius.is_finite()) || radius <= 0.0 {
            return;
        }
        // The quad is larger than the disc by the texture's margin.
        let half = radius * (DISC_TEXELS as f32 / 2.0) / DISC_RADIUS_TEXELS;
        let quad = Rect::from_center_size(centre, Vec2::splat(2.0 * half));
        if !quad.intersects(self.clip) {
            return;
        }
        let uv = Rect::from_min_max(Pos2::ZERO, Pos2::new(1.0, 1.0));
        self.mesh.add_rect_with_uv(quad, uv, color);
    }

    /// Adds a disc of `fill` with an outline of `stroke` around it, drawn as the outline's
    /// colour at `radius` plus the outline's width, under the fill at `radius`.
    pub fn add_outlined(&mut self, centre: Pos2, radius: f32, fill: Color32, stroke: Stroke) {
        if stroke.width > 0.0 {
            self.add(centre, radius + stroke.width, stroke.color);
        }
        self.add(centre, radius, fill);
    }

    /// The mesh, as one shape.
    pub fn into_shape(self) -> Shape {
        if self.mesh.is_empty() {
            Shape::Noop
        } else {
            Shape::mesh(self.mesh)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    impl LineBatch {
        /// How many lines the batch holds.
        pub fn len(&self) -> usize {
            let per_line = if is_one_quad(self.stroke.width, self.feathering) {
                4
            } else {
                8
            };
            self.mesh.vertices.len() / per_line
        }

        /// Whether the batch holds no line.
        pub fn is_empty(&self) -> bool {
            self.mesh.vertices.is_empty()
        }
    }

    impl DiscBatch {
        /// How many discs the batch holds.
        pub fn len(&self) -> usize {
            self.mesh.vertices.len() / 4
        }
    }

    /// The mesh a batch drew into; panics (failing the test) for any other shape.
    fn mesh_of(shape: Shape) -> std::sync::Arc<Mesh> {
        match shape {
            Shape::Mesh(mesh) => mesh,
            other => panic!("a mesh, not {other:?}"),
        }
    }

    /// The line texture's id, as the canvas would have loaded it.
    const LINES: TextureId = TextureId::User(7);

    fn view() -> Rect {
        Rect::from_min_max(Pos2::ZERO, Pos2::new(100.0, 100.0))
    }

    fn grey(width: f32) -> Stroke {
        Stroke::new(width, Color32::from_gray(150))
    }

    #[test]
    fn each_line_takes_its_own_colour() {
        let mut batch = LineBatch::new(LINES, grey(2.0), 0.0, view(), 2);
        batch.add_coloured(Pos2::new(10.0, 20.0), Pos2::new(90.0, 20.0), Color32::RED);
        batch.add_coloured(Pos2::new(10.0, 60.0), Pos2::new(90.0, 60.0), Color32::BLUE);
        let mesh = mesh_of(batch.into_shape());
        assert_eq!(mesh.vertices.len(), 8);
        assert!(mesh.vertices[..4].iter().all(|v| v.color == Color32::RED));
        assert!(mesh.vertices[4..].iter().all(|v| v.color == Color32::BLUE));
    }

    #[test]
    fn a_thick_line_is_an_opaque_core_between_two_transparent_fringes() {
        let mut batch = LineBatch::new(LINES, grey(1.5), 1.0, view(), 1);
        batch.add(Pos2::new(10.0, 50.0), Pos2::new(90.0, 50.0));
        assert_eq!(batch.len(), 1);
        let mesh = mesh_of(batch.into_shape());
        assert!(mesh.is_valid());
        assert_eq!(mesh.vertices.len(), 8);
        assert_eq!(mesh.indices.len(), 18);
        let at_start: Vec<(f32, Color32)> = mesh.vertices[..4]
            .iter()
            .map(|v| (v.pos.y, v.color))
            .collect();
        // Core half-width (1.5 - 1) / 2, fringe half-width (1.5 + 1) / 2, across the line.
        let grey = Color32::from_gray(150);
        assert_eq!(
            at_start,
            vec![(48.75, grey), (49.75, grey), (50.25, grey), (51.25, grey)]
        );
        // The fringes fade through the texture: transparent at the outer rows, opaque at
        // the inner ones.
        let u: Vec<f32> = mesh.vertices[..4].iter().map(|v| v.uv.x).collect();
        assert_eq!(
            u,
            vec![LINE_EDGE_U, LINE_CORE_U, LINE_CORE_U, 1.0 - LINE_EDGE_U]
        );
        assert!(mesh.vertices[4..].iter().all(|v| v.pos.x == 90.0));
    }

    #[test]
    fn a_line_thinner_than_the_fringe_is_one_quad_of_a_fainter_core() {
        let mut batch = LineBatch::new(LINES, grey(0.5), 1.0, view(), 1);
        batch.add(Pos2::new(50.0, 10.0), Pos2::new(50.0, 90.0));
        assert_eq!(batch.len(), 1);
        let mesh = mesh_of(batch.into_shape());
        assert_eq!(mesh.texture_id, LINES);
        assert_eq!(mesh.vertices.len(), 4);
        assert_eq!(mesh.indices, vec![0, 1, 2, 1, 3, 2]);
        let core = Color32::from_gray(150).gamma_multiply(0.5);
        assert!(core.a() < 255);
        assert!(mesh.vertices.iter().all(|v| v.color == core));
        // One fringe's width either side of the line, from the texture's transparent
        // first texel to its transparent last one.
        let across: Vec<(f32, f32)> = mesh.vertices[..2]
            .iter()
            .map(|v| (v.pos.x, v.uv.x))
            .collect();
        assert_eq!(across, vec![(51.0, LINE_EDGE_U), (49.0, 1.0 - LINE_EDGE_U)]);
    }

    /// Samples the line texture at `u` as a GPU does with linear filtering and edges
    /// clamped: the coverage (0 to 1) there.
    fn sample_line_texture(u: f32) -> f32 {
        let image = line_image();
        let alpha = |texel: usize| f32::from(image.pixels[texel.min(2)].a()) / 255.0;
        let x = (u * 3.0 - 0.5).clamp(0.0, 2.0);
        let left = x.floor() as usize;
        let t = x - x.floor();
        alpha(left) * (1.0 - t) + alpha(left + 1) * t
    }

    #[test]
    fn unit_vectors_have_length_one_and_keep_their_direction() {
        for direction in [
            Vec2::new(3.0, 4.0),
            Vec2::new(-1e-20, 0.0),
            Vec2::new(0.0, -7.5),
            Vec2::new(1e30, 1e30),
        ] {
            let unit = unit(direction);
            assert!(
                (unit.length() - 1.0).abs() < 1e-6,
                "{direction:?} -> {unit:?}"
            );
            assert!((unit - direction.normalized()).length() < 1e-6);
        }
        assert_eq!(unit(Vec2::ZERO), Vec2::ZERO);
    }

    #[test]
    fn the_line_texture_fades_a_thin_line_as_the_three_row_strip_did() {
        // Across a thin line, from one outer edge (0) to the other (1), coverage rises
        // linearly from 0 at the edge to 1 on the line and falls back: egui's fringe.
        for step in 0..=20 {
            let across = step as f32 / 20.0;
            let u = LINE_EDGE_U + (1.0 - 2.0 * LINE_EDGE_U) * across;
            let expected = 1.0 - (2.0 * across - 1.0).abs();
            let sampled = sample_line_texture(u);
            assert!(
                (sampled - expected).abs() < 1e-5,
                "at {across}: {sampled} != {expected}"
            );
        }
        assert_eq!(sample_line_texture(LINE_CORE_U), 1.0);
    }

    #[test]
    fn without_feathering_a_line_is_a_quad_of_its_width() {
        let mut batch = LineBatch::new(LINES, grey(2.0), 0.0, view(), 1);
        batch.add(Pos2::new(10.0, 20.0), Pos2::new(30.0, 20.0));
        let mesh = mesh_of(batch.into_shape());
        assert_eq!(mesh.vertices.len(), 4);
        assert_eq!(mesh.indices, vec![0, 1, 2, 1, 3, 2]);
        let ys: Vec<f32> = mesh.vertices.iter().map(|v| v.pos.y).collect();
        assert_eq!(ys, vec![19.0, 21.0, 19.0, 21.0]);
    }

    #[test]
    fn lines_off_view_of_no_length_or_not_finite_are_left_out() {
        let mut batch = LineBatch::new(LINES, grey(1.0), 1.0, view(), 4);
        batch.add(Pos2::new(200.0, 200.0), Pos2::new(300.0, 250.0));
        batch.add(Pos2::new(40.0, 40.0), Pos2::new(40.0, 40.0));
        batch.add(Pos2::new(f32::NAN, 40.0), Pos2::new(40.0, 40.0));
        batch.add(Pos2::new(f32::INFINITY, 40.0), Pos2::new(40.0, 40.0));
        assert!(batch.is_empty());
        assert!(matches!(batch.into_shape(), Shape::Noop));
        // A line crossing the view with both ends outside it is kept.
        let mut batch = LineBatch::new(LINES, grey(1.0), 1.0, view(), 1);
        batch.add(Pos2::new(-50.0, 50.0), Pos2::new(150.0, 50.0));
        assert_eq!(batch.len(), 1);
    }

    #[test]
    fn every_line_indexes_its_own_vertices() {
        let mut batch = LineBatch::new(LINES, grey(1.5), 1.0, view(), 3);
        for y in [10.0, 20.0, 30.0] {
            batch.add(Pos2::new(0.0, y), Pos2::new(100.0, y + 5.0));
        }
        assert_eq!(batch.len(), 3);
        let mesh = mesh_of(batch.into_shape());
        assert!(mesh.is_valid());
        let last_line = &mesh.indices[36..];
        assert!(last_line.iter().all(|&i| (16..24).contains(&i)));
    }

    #[test]
    fn the_disc_texture_is_opaque_inside_transparent_outside_and_smooth_between() {
        let image = disc_image();
        let alpha = |x: usize, y: usize| image.pixels[y * DISC_TEXELS + x].a();
        let middle = DISC_TEXELS / 2;
        assert_eq!(alpha(middle, middle), 255);
        assert_eq!(alpha(0, 0), 0);
        assert_eq!(alpha(middle, 0), 0);
        // Along a radius the alpha falls from opaque to transparent through a value
        // in between, within a texel or two of the disc's radius.
        let column: Vec<u8> = (0..middle).map(|y| alpha(middle, y)).collect();
        assert!(column.windows(2).all(|pair| pair[0] <= pair[1]));
        let partial: Vec<usize> = (0..middle)
            .filter(|&y| (1..255).contains(&column[y]))
            .collect();
        assert!(!partial.is_empty() && partial.len() <= 2, "{partial:?}");
        // Premultiplied white: colour equals alpha.
        assert!(image.pixels.iter().all(|p| p.r() == p.a()));
    }

    #[test]
    fn an_outlined_disc_is_the_outline_colour_a_stroke_wider_under_the_fill() {
        let texture = TextureId::Managed(7);
        let mut batch = DiscBatch::new(texture, view(), 2);
        let fill = Color32::from_rgb(30, 100, 200);
        let stroke = Stroke::new(1.0, Color32::from_gray(70));
        batch.add_outlined(Pos2::new(50.0, 50.0), 4.0, fill, stroke);
        assert_eq!(batch.len(), 2);
        let mesh = mesh_of(batch.into_shape());
        assert_eq!(mesh.texture_id, texture);
        assert!(mesh.is_valid());
        // Outline first (drawn under), 5 points across its disc; then the fill, 4.
        let width = |quad: &[Vertex]| {
            let xs = quad.iter().map(|v| v.pos.x);
            xs.clone().fold(f32::MIN, f32::max) - xs.fold(f32::MAX, f32::min)
        };
        let scale = DISC_TEXELS as f32 / DISC_RADIUS_TEXELS;
        assert!((width(&mesh.vertices[..4]) - 5.0 * scale).abs() < 1e-4);
        assert!((width(&mesh.vertices[4..]) - 4.0 * scale).abs() < 1e-4);
        assert!(mesh.vertices[..4].iter().all(|v| v.color == stroke.color));
        assert!(mesh.vertices[4..].iter().all(|v| v.color == fill));
    }

    #[test]
    fn discs_off_view_without_size_or_not_finite_are_left_out() {
        let mut batch = DiscBatch::new(TextureId::Managed(7), view(), 4);
        batch.add(Pos2::new(300.0, 300.0), 4.0, Color32::RED);
        batch.add(Pos2::new(50.0, 50.0), 0.0, Color32::RED);
        batch.add(Pos2::new(f32::NAN, 50.0), 4.0, Color32::RED);
        batch.add(Pos2::new(50.0, 50.0), f32::INFINITY, Color32::RED);
        assert_eq!(batch.len(), 0);
        assert!(matches!(batch.into_shape(), Shape::Noop));
        // A disc whose centre is just outside the view but which reaches into it is kept.
        let mut batch = DiscBatch::new(TextureId::Managed(7), view(), 1);
        batch.add(Pos2::new(-3.0, 50.0), 4.0, Color32::RED);
        assert_eq!(batch.len(), 1);
    }
}
