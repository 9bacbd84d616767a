//! Many thin lines, and discs over them, drawn into one image on the CPU.
//!
//! Zoomed far out on a graph of hundreds of thousands of edges, a mesh of one quad a line
//! costs the window about a hundred bytes a line, and as much again in the graphics
//! driver, which bins every triangle of every frame (470 MB at 400,000 edges, most of it
//! in a software driver). The same lines drawn into an image of the view cost four bytes
//! a pixel whatever their number, and the driver one textured rectangle. The drawing runs
//! on workers (a second or two at 400,000 long lines on two cores), never on the
//! window's thread, and leaves one core to the window.
//!
//! Lines are one pixel wide and anti-aliased as Xiaolin Wu draws them: along the major
//! axis each step covers the two pixels across the line in proportion to their distance
//! from it, so a line's total coverage is one pixel a step, as the mesh's one-pixel line
//! with its one-pixel fringe has. Discs have a one-pixel smooth edge, as the canvas's
//! disc texture draws them. Colours blend over what is drawn before (premultiplied
//! alpha), in the order given: the lines, then the discs.

use egui::{Color32, ColorImage, Pos2};

/// One line to draw: its ends in the image's pixels (x to the right, y down, pixel
/// centres at half-integers) and its colour.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RasterLine {
    /// Where it starts.
    pub from: Pos2,
    /// Where it ends.
    pub to: Pos2,
    /// Its colour (opaque for a plain line; its alpha scales the coverage).
    pub colour: Color32,
}

/// Rows of the image drawn at a time: a band of them stays in the processor's cache
/// while every line crossing it is drawn (lines drawn across the whole image at once
/// wait on memory at nearly every pixel).
const BAND_ROWS: usize = 32;

/// One pixel in the fixed-point positions lines are stepped in.
const FIXED: f32 = 65_536.0;

/// One disc to draw: its centre in the image's pixels, its radius in pixels, and its
/// colour. An outlined node is two discs: the outline's colour, then the fill, smaller.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RasterDisc {
    /// Where its centre is.
    pub centre: Pos2,
    /// How far its edge is from the centre.
    pub radius: f32,
    /// Its colour.
    pub colour: Color32,
}

/// Draws `lines` into a transparent image of `size` pixels (width, height) (the tests'
/// shorthand for [`draw_scene`] without discs).
#[cfg(test)]
pub fn draw_lines(
    size: [usize; 2],
    lines: &[RasterLine],
    cancelled: impl Fn() -> bool + Sync,
) -> Option<ColorImage> {
    draw_scene(size, lines, &[], cancelled)
}

/// Draws `lines`, then `discs` over them, into a transparent image of `size` pixels
/// (width, height), on every core but one, each drawing bands of rows. Lines, discs or
/// their parts outside the image are left out, as are those with a coordinate that is not
/// finite. `cancelled` is asked before each band; when it says yes the drawing stops and
/// `None` comes back.
pub fn draw_scene(
    size: [usize; 2],
    lines: &[RasterLine],
    discs: &[RasterDisc],
    cancelled: impl Fn() -> bool + Sync,
) -> Option<ColorImage> {
    let [width, height] = size;
    let mut pixels = vec![Color32::TRANSPARENT; width.saturating_mul(height)];
    let band_len = width.saturating_mul(BAND_ROWS).max(1);
    // Every core but one, which stays the window's.
    let cores = std::thread::available_parallelism()
        .map_or(1, std::num::NonZeroUsize::get)
        .saturating_sub(1)
        .max(1);
    let bands = pixels.len().div_ceil(band_len);
    let bands_each = bands.div_ceil(cores.max(1)).max(1);
    let cancelled = &cancelled;
    let finished = std::thread::scope(|scope| {
        let workers: Vec<_> = pixels
            .chunks_mut(band_len * bands_each)
            .enumerate()
            .map(|(part, rows)| {
                scope.spawn(move || {
                    for (band, pixels) in rows.chunks_mut(band_len).enumerate() {
                        if cancelled() {
                            return false;
                        }
                        let top = (part * bands_each + band) * BAND_ROWS;
                        let mut canvas = Canvas { width, top, pixels };
                        for line in lines {
                            canvas.line(line);
                        }
                        for disc in discs {
                            canvas.disc(disc);
                        }
                    }
                    true
                })
            })
            .collect();
        workers
            .into_iter()
            .all(|worker| worker.join().unwrap_or(false))
    });
    finished.then(|| ColorImage::new(size, pixels))
}

/// A band of the image's rows, from row `top`.
struct Canvas<'a> {
    width: usize,
    top: usize,
    pixels: &'a mut [Color32],
}

impl Canvas<'_> {
    /// Blends `colour` at `coverage` (0 to 256 for none to all) over the pixel at column
    /// `x`, row `y`; nothing outside the image.
    #[inline]
    fn plot(&mut self, x: i64, y: i64, colour: [u32; 4], coverage: u32) {
        let (Ok(x), Some(y)) = (
            usize::try_from(x),
            usize::try_from(y)
                .ok()
                .and_then(|y| y.checked_sub(self.top)),
        ) else {
            return;
        };
        if x >= self.width || coverage == 0 {
            return;
        }
        let Some(pixel) = self.pixels.get_mut(y * self.width + x) else {
            return;
        };
        // Premultiplied "over" in integers: the source scaled by its coverage, the
        // destination by what the source leaves of it.
        let [r, g, b, a] = colour.map(|channel| (channel * coverage) >> 8);
        let keep = 255 - a;
        // `d * keep / 255`, rounded, without a division.
        let over = |s: u32, d: u8| {
            let scaled = u32::from(d) * keep + 128;
            (s + ((scaled + (scaled >> 8)) >> 8)).min(255) as u8
        };
        *pixel = Color32::from_rgba_premultiplied(
            over(r, pixel.r()),
            over(g, pixel.g()),
            over(b, pixel.b()),
            over(a, pixel.a()),
        );
    }

    /// Draws the part of one disc in this band, its edge anti-aliased over a pixel (as the
    /// canvas's disc texture draws it).
    fn disc(&mut self, disc: &RasterDisc) {
        let RasterDisc {
            centre,
            radius,
            colour,
        } = *disc;
        if !(centre.is_finite() && radius.is_finite()) || radius <= 0.0 {
            return;
        }
        let rows = self.pixels.len() / self.width.max(1);
        let reach = radius + 0.5;
        let top = ((centre.y - reach).floor() as i64).max(self.top as i64);
        let bottom = ((centre.y + reach).ceil() as i64).min((self.top + rows) as i64 - 1);
        let left = ((centre.x - reach).floor() as i64).max(0);
        let right = ((centre.x + reach).ceil() as i64).min(self.width as i64 - 1);
        let colour = colour.to_array().map(u32::from);
        for y in top..=bottom {
            for x in left..=right {
                let distance = (x as f32 + 0.5 - centre.x).hypot(y as f32 + 0.5 - centre.y);
                let coverage = ((reach - distance).clamp(0.0, 1.0) * 256.0) as u32;
                self.plot(x, y, colour, coverage);
            }
        }
    }

    /// Draws the part of one line in this band (with two pixels of margin, for its
    /// fringe and the rounding of its first and last steps).
    fn line(&mut self, line: &RasterLine) {
        let rows = self.pixels.len() / self.width.max(1);
        let bounds = [
            -2.0,
            self.top as f32 - 2.0,
            self.width as f32 + 2.0,
            (self.top + rows) as f32 + 2.0,
        ];
        let Some((from, to)) = clip(line.from, line.to, bounds) else {
            return;
        };
        let (dx, dy) = (to.x - from.x, to.y - from.y);
        if dx == 0.0 && dy == 0.0 {
            return;
        }
        // Pixel centres sit at half-integers; the stepping runs on whole numbers.
        let (from, to) = (from - egui::vec2(0.5, 0.5), to - egui::vec2(0.5, 0.5));
        let steep = dy.abs() > dx.abs();
        // Along the major axis (`u`), across it (`v`).
        let (mut u0, mut v0, mut u1, mut v1) = if steep {
            (from.y, from.x, to.y, to.x)
        } else {
            (from.x, from.y, to.x, to.y)
        };
        if u0 > u1 {
            std::mem::swap(&mut u0, &mut u1);
            std::mem::swap(&mut v0, &mut v1);
        }
        let gradient = (v1 - v0) / (u1 - u0);
        let first = u0.round() as i64;
        let last = u1.round() as i64;
        let colour = line.colour.to_array().map(u32::from);
        // The position across, in 1/65536ths of a pixel, stepped without floating point
        // (rounding and flooring a float are library calls on a plain x86-64 target).
        let mut v = ((v0 + gradient * (first as f32 - u0)) * FIXED) as i64;
        let step = (gradient * FIXED) as i64;
        for u in first..=last {
            let below = v >> 16;
            // The share of the pixel below the line's centre that the next one takes,
            // in 256ths.
            let share = ((v >> 8) & 0xff) as u32;
            v += step;
            if steep {
                self.plot(below, u, colour, 256 - share);
                self.plot(below + 1, u, colour, share);
            } else {
                self.plot(u, below, colour, 256 - share);
                self.plot(u, below + 1, colour, share);
            }
        }
    }
}

/// The part of the segment `from`–`to` inside `[left, top, right, bottom]`
/// (Liang–Barsky, in double precision: a segment reaching far off screen would lose its
/// place on screen to rounding in single precision); `None` when none is, or an end is
/// not finite.
fn clip(from: Pos2, to: Pos2, bounds: [f32; 4]) -> Option<(Pos2, Pos2)> {
    if !(from.is_finite() && to.is_finite()) {
        return None;
    }
    let [left, top, right, bottom] = bounds.map(f64::from);
    let (x0, y0) = (f64::from(from.x), f64::from(from.y));
    let (dx, dy) = (f64::from(to.x) - x0, f64::from(to.y) - y0);
    let (mut enter, mut leave) = (0.0f64, 1.0f64);
    for (p, q) in [
        (-dx, x0 - left),
        (dx, right - x0),
        (-dy, y0 - top),
        (dy, bottom - y0),
    ] {
        if p == 0.0 {
            if q < 0.0 {
                return None;
            }
        } else {
            let t = q / p;
            if p < 0.0 {
                enter = enter.max(t);
            } else {
                leave = leave.min(t);
            }
        }
    }
    let at = |t: f64| Pos2::new((x0 + t * dx) as f32, (y0 + t * dy) as f32);
    (enter <= leave).then(|| (at(enter), at(leave)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn alpha_at(image: &ColorImage, x: usize, y: usize) -> u8 {
        image.pixels[y * image.size[0] + x].a()
    }

    fn line(from: (f32, f32), to: (f32, f32)) -> RasterLine {
        RasterLine {
            from: Pos2::new(from.0, from.1),
            to: Pos2::new(to.0, to.1),
            colour: Color32::from_rgb(200, 40, 40),
        }
    }

    #[test]
    fn a_line_on_pixel_centres_covers_one_row_fully_and_nothing_else() {
        let image = draw_lines([10, 5], &[line((1.5, 2.5), (8.5, 2.5))], || false).unwrap();
        for x in 0..10 {
            for y in 0..5 {
                let expected = if y == 2 && (1..=8).contains(&x) {
                    255
                } else {
                    0
                };
                assert_eq!(alpha_at(&image, x, y), expected, "pixel {x},{y}");
            }
        }
        assert_eq!(image.pixels[2 * 10 + 4], Color32::from_rgb(200, 40, 40));
    }

    #[test]
    fn a_line_between_rows_shares_its_coverage_and_keeps_one_pixel_a_step() {
        let image = draw_lines([10, 5], &[line((1.5, 2.0), (8.5, 2.0))], || false).unwrap();
        for x in 1..=8 {
            let (upper, lower) = (alpha_at(&image, x, 1), alpha_at(&image, x, 2));
            assert!((127..=128).contains(&upper) && (127..=128).contains(&lower));
            assert!((254..=256).contains(&(u32::from(upper) + u32::from(lower))));
        }
    }

    #[test]
    fn steep_lines_step_along_rows_and_diagonals_touch_every_column() {
        let image = draw_lines([6, 20], &[line((3.5, 1.5), (3.5, 18.5))], || false).unwrap();
        assert!((1..=18).all(|y| alpha_at(&image, 3, y) == 255));
        let image = draw_lines([20, 20], &[line((0.5, 0.5), (19.5, 19.5))], || false).unwrap();
        assert!((0..20).all(|i| alpha_at(&image, i, i) == 255));
    }

    #[test]
    fn lines_outside_or_not_finite_draw_nothing_and_long_ones_are_clipped() {
        let outside = [
            line((-50.0, -50.0), (-10.0, -3.0)),
            line((20.0, 2.0), (90.0, 2.0)),
            line((f32::NAN, 1.0), (3.0, 3.0)),
            line((1.0, f32::INFINITY), (3.0, 3.0)),
        ];
        let image = draw_lines([10, 5], &outside, || false).unwrap();
        assert!(
            image
                .pixels
                .iter()
                .all(|pixel| *pixel == Color32::TRANSPARENT)
        );
        let image = draw_lines([10, 5], &[line((-1e9, 2.5), (1e9, 2.5))], || false).unwrap();
        assert!((0..10).all(|x| alpha_at(&image, x, 2) == 255));
    }

    #[test]
    fn discs_cover_their_inside_fade_at_their_edge_and_sit_over_the_lines() {
        let disc = RasterDisc {
            centre: Pos2::new(10.0, 10.0),
            radius: 4.0,
            colour: Color32::from_rgb(0, 90, 200),
        };
        let under = line((0.5, 10.5), (19.5, 10.5));
        let image = draw_scene([20, 40], &[under], &[disc], || false).unwrap();
        // Inside: the disc's colour, over the line.
        assert_eq!(image.pixels[10 * 20 + 10], Color32::from_rgb(0, 90, 200));
        assert_eq!(image.pixels[8 * 20 + 11], Color32::from_rgb(0, 90, 200));
        // Its edge: partly covered; outside: nothing, or the line alone.
        let edge = alpha_at(&image, 12, 6);
        assert!(edge > 0 && edge < 255, "{edge}");
        assert_eq!(alpha_at(&image, 10, 3), 0);
        assert_eq!(image.pixels[10 * 20 + 1], Color32::from_rgb(200, 40, 40));
        // Discs off the image or without a size draw nothing; one across two bands of
        // rows is drawn in both.
        let nothing = [
            RasterDisc {
                centre: Pos2::new(-30.0, 5.0),
                ..disc
            },
            RasterDisc {
                radius: 0.0,
                ..disc
            },
            RasterDisc {
                centre: Pos2::new(f32::NAN, 5.0),
                ..disc
            },
        ];
        let image = draw_scene([20, 40], &[], &nothing, || false).unwrap();
        assert!(
            image
                .pixels
                .iter()
                .all(|pixel| *pixel == Color32::TRANSPARENT)
        );
        let across = RasterDisc {
            centre: Pos2::new(10.0, BAND_ROWS as f32),
            ..disc
        };
        let image = draw_scene([20, 2 * BAND_ROWS], &[], &[across], || false).unwrap();
        assert_eq!(alpha_at(&image, 10, BAND_ROWS - 2), 255);
        assert_eq!(alpha_at(&image, 10, BAND_ROWS + 1), 255);
    }

    #[test]
    fn later_lines_blend_over_earlier_ones_and_cancelling_stops_the_drawing() {
        let under = line((0.5, 0.5), (9.5, 0.5));
        let over = RasterLine {
            colour: Color32::from_rgba_premultiplied(0, 0, 100, 100),
            ..under
        };
        let image = draw_lines([10, 1], &[under, over], || false).unwrap();
        let pixel = image.pixels[5];
        assert_eq!(pixel.a(), 255);
        assert!(
            pixel.b() > 90 && pixel.r() < 200 && pixel.r() > 100,
            "{pixel:?}"
        );
        assert!(draw_lines([10, 1], &[under], || true).is_none());
    }
}
