//! SVG -> PNG with resvg, using only the shipped font (no system fonts), so that the same
//! scene gives the same pixels, and the same bytes, on every machine.

use std::sync::Arc;

use super::font::FONT_BYTES;

/// The widest PNG made, in pixels.
pub const MAX_WIDTH: u32 = 8_000;

/// How big a PNG should be.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum PngSize {
    /// The figure's size times this factor (1 to 4).
    Scale(f32),
    /// This many pixels wide (at most [`MAX_WIDTH`]), the height in proportion.
    Width(u32),
}

/// Why a PNG could not be made.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum PngError {
    /// The size asked for is out of range.
    #[error("{0}")]
    Size(String),
    /// The SVG could not be read back (a bug).
    #[error("the figure could not be rasterised: {0}")]
    Render(String),
}

/// Rasterises `svg` (`width` pixels wide at scale 1) to PNG bytes.
pub fn svg_to_png(svg: &str, width: f32, size: PngSize) -> Result<Vec<u8>, PngError> {
    render(svg, width, size)?
        .encode_png()
        .map_err(|error| PngError::Render(error.to_string()))
}

/// Rasterises `svg` to straight (not premultiplied) RGBA pixels, for the clipboard:
/// `(width, height, bytes)`.
pub fn svg_to_rgba(svg: &str, width: f32, size: PngSize) -> Result<(u32, u32, Vec<u8>), PngError> {
    let pixmap = render(svg, width, size)?;
    let bytes = pixmap
        .pixels()
        .iter()
        .flat_map(|pixel| {
            let color = pixel.demultiply();
            [color.red(), color.green(), color.blue(), color.alpha()]
        })
        .collect();
    Ok((pixmap.width(), pixmap.height(), bytes))
}

fn render(svg: &str, width: f32, size: PngSize) -> Result<tiny_skia::Pixmap, PngError> {
    let scale = match size {
        PngSize::Scale(scale) if (1.0..=4.0).contains(&scale) => scale,
        PngSize::Scale(scale) => {
            return Err(PngError::Size(format!("scale {scale} is outside 1 to 4")));
        }
        PngSize::Width(pixels) if (16..=MAX_WIDTH).contains(&pixels) => {
            pixels as f32 / width.max(1.0)
        }
        PngSize::Width(pixels) => {
            return Err(PngError::Size(format!(
                "width {pixels} px is outside 16 to {MAX_WIDTH}"
            )));
        }
    };
    let mut database = usvg::fontdb::Database::new();
    database.load_font_data(FONT_BYTES.to_vec());
    let family = database
        .faces()
        .next()
        .and_then(|face| face.families.first().map(|(name, _)| name.clone()))
        .unwrap_or_else(|| "Ubuntu".to_owned());
    database.set_sans_serif_family(family.clone());
    let options = usvg::Options {
        font_family: family,
        fontdb: Arc::new(database),
        ..usvg::Options::default()
    };
    let tree =
        usvg::Tree::from_str(svg, &options).map_err(|error| PngError::Render(error.to_string()))?;
    let size = tree.size();
    let pixel_width = (size.width() * scale).round().max(1.0) as u32;
    let pixel_height = (size.height() * scale).round().max(1.0) as u32;
    if pixel_width > MAX_WIDTH || pixel_height > MAX_WIDTH * 4 {
        return Err(PngError::Size(format!(
            "{pixel_width} x {pixel_height} px is too large"
        )));
    }
    let mut pixmap = tiny_skia::Pixmap::new(pixel_width, pixel_height).ok_or_else(|| {
        PngError::Size(format!("{pixel_width} x {pixel_height} px cannot be made"))
    })?;
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    Ok(pixmap)
}
