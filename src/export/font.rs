//! The font figures are set in, shipped in assets/ (Ubuntu Light, the face egui draws the
//! window with, under the Ubuntu Font Licence in assets/fonts/UFL.txt), and text widths
//! measured with it, so that no label is cut at a figure's border on any machine.

/// The font file.
pub const FONT_BYTES: &[u8] = include_bytes!("../../assets/fonts/Ubuntu-Light.ttf");
/// The family name the SVG asks for.
pub const FONT_FAMILY: &str = "Ubuntu";

/// Width and height of `text` set at `size` pixels in the shipped font, in pixels. Widths
/// are advance sums plus 3% for kerning and hinting differences between renderers.
pub fn text_size(text: &str, size: f32) -> [f32; 2] {
    let Ok(face) = ttf_parser::Face::parse(FONT_BYTES, 0) else {
        // The shipped font always parses; a generous estimate otherwise.
        return [text.chars().count() as f32 * size * 0.6, size * 1.25];
    };
    let units = f32::from(face.units_per_em().max(1));
    let advance: f32 = text
        .chars()
        .map(|c| {
            face.glyph_index(c)
                .and_then(|glyph| face.glyph_hor_advance(glyph))
                .map_or(size * 0.6, |advance| f32::from(advance) * size / units)
        })
        .sum();
    let height = f32::from(face.ascender() - face.descender()) * size / units;
    [advance * 1.03, height]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wider_text_measures_wider() {
        let short = text_size("Hamas", 14.0);
        let long = text_size("Gaza ceasefire and hostage negotiations", 14.0);
        assert!(short[0] > 20.0 && short[0] < 60.0, "{short:?}");
        assert!(long[0] > 5.0 * short[0]);
        assert_eq!(text_size("", 14.0)[0], 0.0);
        assert!(text_size("Hamas", 28.0)[0] > 1.9 * short[0]);
    }
}
