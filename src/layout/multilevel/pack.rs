//! Packing connected components: each component's bounding circle is placed against
//! those already placed, as close to the first (the biggest, at the origin) as it fits,
//! by the front-chain method of Wang et al. (2006), as d3-hierarchy's `packSiblings` does.
//! Placing is incremental: a circle's place depends only on the circles before it, so a
//! layout can show each component in its final place as soon as it is laid out.

/// A placed circle.
#[derive(Debug, Clone, Copy)]
struct Circle {
    x: f64,
    y: f64,
    r: f64,
}

/// Circles placed one after another, each touching earlier ones and overlapping none,
/// the first at the origin.
///
/// Complexity: O(f) per circle, f the length of the front chain (about the square root
/// of the number of circles placed).
#[derive(Debug, Clone, Default)]
pub struct CirclePacker {
    circles: Vec<Circle>,
    /// The front chain, as a ring of circle indices: the next and previous of each.
    next: Vec<usize>,
    previous: Vec<usize>,
    /// The pair of the chain nearest the origin, where the next circle is tried first.
    a: usize,
    b: usize,
}

impl CirclePacker {
    /// A packer with no circle yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Places a circle of `radius` (a tiny positive one if it is not finite and
    /// positive) and returns its centre.
    pub fn add(&mut self, radius: f32) -> [f32; 2] {
        let r = f64::from(radius);
        let r = if r.is_finite() { r.max(1e-3) } else { 1e-3 };
        let index = self.circles.len();
        let (x, y, between) = match index {
            0 => (0.0, 0.0, None),
            1 => (self.circles[0].r + r, 0.0, None),
            2 => {
                let (x, y) = place(self.circles[1], self.circles[0], r);
                (x, y, None)
            }
            _ => self.find_place(r),
        };
        self.circles.push(Circle { x, y, r });
        self.next.push(index);
        self.previous.push(index);
        if index == 2 {
            // The first front chain: 0 -> 1 -> 2 -> 0, tried first at (0, 1).
            self.next = vec![1, 2, 0];
            self.previous = vec![2, 0, 1];
            (self.a, self.b) = (0, 1);
        }
        if let Some((a, b)) = between {
            self.next[index] = b;
            self.previous[index] = a;
            self.next[a] = index;
            self.previous[b] = index;
            self.nearest_pair_from(a, index);
        }
        [x as f32, y as f32]
    }

    /// Where a circle of radius `r` goes (three or more circles placed), and the two
    /// chain circles it goes between; circles it closes off leave the chain.
    fn find_place(&mut self, r: f64) -> (f64, f64, Option<(usize, usize)>) {
        // Each retry drops at least one circle from the chain, so the number of circles
        // bounds the retries; the cap only guards against rounding.
        for _ in 0..=(self.circles.len() * 2 + 8) {
            let (a, b) = (self.a, self.b);
            let (x, y) = place(self.circles[a], self.circles[b], r);
            let candidate = Circle { x, y, r };
            let (mut j, mut k) = (self.next[b], self.previous[a]);
            let (mut sj, mut sk) = (self.circles[b].r, self.circles[a].r);
            let mut fits = true;
            loop {
                if sj <= sk {
                    if intersects(self.circles[j], candidate) {
                        // Close off the chain between a and j.
                        self.b = j;
                        self.next[a] = j;
                        self.previous[j] = a;
                        fits = false;
                        break;
                    }
                    sj += self.circles[j].r;
                    j = self.next[j];
                } else {
                    if intersects(self.circles[k], candidate) {
                        // Close off the chain between k and b.
                        self.a = k;
                        self.next[k] = b;
                        self.previous[b] = k;
                        fits = false;
                        break;
                    }
                    sk += self.circles[k].r;
                    k = self.previous[k];
                }
                if j == self.next[k] {
                    break;
                }
            }
            if fits {
                return (x, y, Some((a, b)));
            }
        }
        // Rounding defeated the chain: beyond everything, on the x axis, off the chain.
        let right = self
            .circles
            .iter()
            .map(|c| c.x + c.r)
            .fold(0.0f64, f64::max);
        (right + r, 0.0, None)
    }

    /// Sets the pair of the chain nearest the origin: `start` and every circle around
    /// the ring from the one after `newest` (the circle just placed) back to `start`.
    fn nearest_pair_from(&mut self, start: usize, newest: usize) {
        let mut best = start;
        let mut best_score = self.score(start);
        let mut node = self.next[newest];
        let mut guard = self.circles.len();
        while node != start && guard > 0 {
            let score = self.score(node);
            if score < best_score {
                (best, best_score) = (node, score);
            }
            node = self.next[node];
            guard -= 1;
        }
        self.a = best;
        self.b = self.next[best];
    }

    /// Squared distance from the origin of the point between `node` and its next,
    /// weighted by their radii.
    fn score(&self, node: usize) -> f64 {
        let a = self.circles[node];
        let b = self.circles[self.next[node]];
        let ab = a.r + b.r;
        let x = (a.x * b.r + b.x * a.r) / ab;
        let y = (a.y * b.r + b.y * a.r) / ab;
        x * x + y * y
    }
}

/// The centre of a circle of radius `r` touching both `b` and `a`.
fn place(b: Circle, a: Circle, r: f64) -> (f64, f64) {
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let d2 = dx * dx + dy * dy;
    if d2 <= 0.0 {
        return (a.x + r, a.y);
    }
    let a2 = (a.r + r) * (a.r + r);
    let b2 = (b.r + r) * (b.r + r);
    if a2 > b2 {
        let x = (d2 + b2 - a2) / (2.0 * d2);
        let y = (b2 / d2 - x * x).max(0.0).sqrt();
        (b.x - x * dx - y * dy, b.y - x * dy + y * dx)
    } else {
        let x = (d2 + a2 - b2) / (2.0 * d2);
        let y = (a2 / d2 - x * x).max(0.0).sqrt();
        (a.x + x * dx - y * dy, a.y + x * dy + y * dx)
    }
}

/// Whether two circles overlap by more than rounding.
fn intersects(a: Circle, b: Circle) -> bool {
    let reach = a.r + b.r - 1e-6;
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    reach > 0.0 && reach * reach > dx * dx + dy * dy
}

#[cfg(test)]
mod tests {
    use super::*;

    fn packed(radii: &[f32]) -> Vec<[f32; 2]> {
        let mut packer = CirclePacker::new();
        radii.iter().map(|&r| packer.add(r)).collect()
    }

    fn assert_no_overlap(radii: &[f32], centres: &[[f32; 2]]) {
        for a in 0..radii.len() {
            for b in (a + 1)..radii.len() {
                let d = ((centres[a][0] - centres[b][0]).powi(2)
                    + (centres[a][1] - centres[b][1]).powi(2))
                .sqrt();
                assert!(
                    d >= (radii[a] + radii[b]) * 0.999,
                    "{a} and {b} overlap: {d} < {} + {}",
                    radii[a],
                    radii[b]
                );
            }
        }
    }

    #[test]
    fn circles_never_overlap_and_the_first_is_at_the_centre() {
        let radii: Vec<f32> = (0..300)
            .map(|i| 50.0 / (1.0 + i as f32).sqrt() + (i % 7) as f32)
            .collect();
        let centres = packed(&radii);
        assert_eq!(centres[0], [0.0, 0.0]);
        assert_no_overlap(&radii, &centres);
    }

    #[test]
    fn the_pack_is_compact() {
        // 400 equal circles of radius 1 fill a disc whose area is not much more than
        // theirs (hexagonal packing fills about 91%).
        let radii = vec![1.0f32; 400];
        let centres = packed(&radii);
        assert_no_overlap(&radii, &centres);
        let reach = centres
            .iter()
            .map(|c| (c[0] * c[0] + c[1] * c[1]).sqrt() + 1.0)
            .fold(0.0f32, f32::max);
        let density = 400.0 / (reach * reach);
        assert!(density > 0.6, "density {density}, reach {reach}");
    }

    #[test]
    fn odd_radii_are_safe() {
        let radii = [0.0, f32::NAN, 5.0, f32::INFINITY, 1e-9, 2.0, 2.0];
        let centres = packed(&radii);
        assert!(centres.iter().all(|c| c[0].is_finite() && c[1].is_finite()));
    }
}
