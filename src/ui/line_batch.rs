//! Many straight lines of one stroke drawn as one mesh.
//!
//! Zoomed far out, every unselected edge of the canvas is a plain line of the same grey.
//! Handed to egui one shape per edge, 40,000 edges cost 40,000 shapes to clip, tessellate
//! and copy on every frame; built here into one mesh they cost one. The lines look as
//! egui draws them: the same widths, with the same anti-aliasing fringe (`feathering`).

use egui::epaint::{Mesh, Vertex, WHITE_UV};
use egui::{Color32, Pos2, Rect, Shape, Stroke, Vec2};

/// Lines of one stroke, collected into one mesh.
pub struct LineBatch {
    mesh: Mesh,
    stroke: Stroke,
    feathering: f32,
    clip: Rect,
}

impl LineBatch {
    /// An empty batch of lines drawn with `stroke`, anti-aliased over `feathering` points
    /// (0 for none), keeping only lines that cross `clip`; room for `capacity` lines.
    pub fn new(stroke: Stroke, feathering: f32, clip: Rect, capacity: usize) -> Self {
        let mut mesh = Mesh::default();
        mesh.vertices.reserve(capacity * 8);
        mesh.indices.reserve(capacity * 18);
        Self {
            mesh,
            stroke,
            feathering: feathering.max(0.0),
            clip,
        }
    }

    /// Adds the line from `from` to `to` (screen points); a line of no length, or one
    /// that misses the clip rectangle or has a coordinate that is not finite, is left out.
    pub fn add(&mut self, from: Pos2, to: Pos2) {
        let reach = self.stroke.width + self.feathering;
        if !(from.is_finite() && to.is_finite())
            || !Rect::from_two_pos(from, to)
                .expand(reach)
                .intersects(self.clip)
        {
            return;
        }
        let direction = to - from;
        if direction.length_sq() == 0.0 {
            return;
        }
        let normal = direction.normalized().rot90();
        let color = self.stroke.color;
        let width = self.stroke.width;
        let feathering = self.feathering;
        if feathering <= 0.0 {
            let half = normal * (width / 2.0);
            self.add_strip(from, to, &[(half, color), (-half, color)]);
        } else if width <= feathering {
            // A line thinner than the fringe: one faint core fading out on either side.
            let core = color.gamma_multiply(width / feathering);
            let outer = normal * feathering;
            self.add_strip(
                from,
                to,
                &[
                    (outer, Color32::TRANSPARENT),
                    (Vec2::ZERO, core),
                    (-outer, Color32::TRANSPARENT),
                ],
            );
        } else {
            let inner = normal * ((width - feathering) / 2.0);
            let outer = normal * ((width + feathering) / 2.0);
            self.add_strip(
                from,
                to,
                &[
                    (outer, Color32::TRANSPARENT),
                    (inner, color),
                    (-inner, color),
                    (-outer, Color32::TRANSPARENT),
                ],
            );
        }
    }

    /// Adds one row of vertices at each end, offset across the line by `across`, and the
    /// two triangles between each pair of neighbouring rows.
    fn add_strip(&mut self, from: Pos2, to: Pos2, across: &[(Vec2, Color32)]) {
        let Ok(base) = u32::try_from(self.mesh.vertices.len()) else {
            return;
        };
        let row = across.len() as u32;
        for end in [from, to] {
            for &(offset, color) in across {
                self.mesh.vertices.push(Vertex {
                    pos: end + offset,
                    uv: WHITE_UV,
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

#[cfg(test)]
mod tests {
    use super::*;

    impl LineBatch {
        /// How many lines the batch holds.
        pub fn len(&self) -> usize {
            let per_line = if self.feathering <= 0.0 {
                4
            } else if self.stroke.width <= self.feathering {
                6
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

    fn view() -> Rect {
        Rect::from_min_max(Pos2::ZERO, Pos2::new(100.0, 100.0))
    }

    fn grey(width: f32) -> Stroke {
        Stroke::new(width, Color32::from_gray(150))
    }

    #[test]
    fn a_thick_line_is_an_opaque_core_between_two_transparent_fringes() {
        let mut batch = LineBatch::new(grey(1.5), 1.0, view(), 1);
        batch.add(Pos2::new(10.0, 50.0), Pos2::new(90.0, 50.0));
        assert_eq!(batch.len(), 1);
        let Shape::Mesh(mesh) = batch.into_shape() else {
            panic!("a mesh")
        };
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
            vec![
                (51.25, Color32::TRANSPARENT),
                (50.25, grey),
                (49.75, grey),
                (48.75, Color32::TRANSPARENT)
            ]
        );
        assert!(mesh.vertices[4..].iter().all(|v| v.pos.x == 90.0));
    }

    #[test]
    fn a_line_thinner_than_the_fringe_is_a_fainter_core() {
        let mut batch = LineBatch::new(grey(0.5), 1.0, view(), 1);
        batch.add(Pos2::new(50.0, 10.0), Pos2::new(50.0, 90.0));
        let Shape::Mesh(mesh) = batch.into_shape() else {
            panic!("a mesh")
        };
        assert_eq!(mesh.vertices.len(), 6);
        assert_eq!(mesh.indices.len(), 12);
        let core = mesh.vertices[1].color;
        assert_eq!(core, Color32::from_gray(150).gamma_multiply(0.5));
        assert!(core.a() < 255);
        assert_eq!(mesh.vertices[0].color, Color32::TRANSPARENT);
    }

    #[test]
    fn without_feathering_a_line_is_a_quad_of_its_width() {
        let mut batch = LineBatch::new(grey(2.0), 0.0, view(), 1);
        batch.add(Pos2::new(10.0, 20.0), Pos2::new(30.0, 20.0));
        let Shape::Mesh(mesh) = batch.into_shape() else {
            panic!("a mesh")
        };
        assert_eq!(mesh.vertices.len(), 4);
        assert_eq!(mesh.indices, vec![0, 1, 2, 1, 3, 2]);
        let ys: Vec<f32> = mesh.vertices.iter().map(|v| v.pos.y).collect();
        assert_eq!(ys, vec![21.0, 19.0, 21.0, 19.0]);
    }

    #[test]
    fn lines_off_view_of_no_length_or_not_finite_are_left_out() {
        let mut batch = LineBatch::new(grey(1.0), 1.0, view(), 4);
        batch.add(Pos2::new(200.0, 200.0), Pos2::new(300.0, 250.0));
        batch.add(Pos2::new(40.0, 40.0), Pos2::new(40.0, 40.0));
        batch.add(Pos2::new(f32::NAN, 40.0), Pos2::new(40.0, 40.0));
        batch.add(Pos2::new(f32::INFINITY, 40.0), Pos2::new(40.0, 40.0));
        assert!(batch.is_empty());
        assert!(matches!(batch.into_shape(), Shape::Noop));
        // A line crossing the view with both ends outside it is kept.
        let mut batch = LineBatch::new(grey(1.0), 1.0, view(), 1);
        batch.add(Pos2::new(-50.0, 50.0), Pos2::new(150.0, 50.0));
        assert_eq!(batch.len(), 1);
    }

    #[test]
    fn every_line_indexes_its_own_vertices() {
        let mut batch = LineBatch::new(grey(1.5), 1.0, view(), 3);
        for y in [10.0, 20.0, 30.0] {
            batch.add(Pos2::new(0.0, y), Pos2::new(100.0, y + 5.0));
        }
        assert_eq!(batch.len(), 3);
        let Shape::Mesh(mesh) = batch.into_shape() else {
            panic!("a mesh")
        };
        assert!(mesh.is_valid());
        let last_line = &mesh.indices[36..];
        assert!(last_line.iter().all(|&i| (16..24).contains(&i)));
    }
}
