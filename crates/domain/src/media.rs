//! Uploaded images, without IO: which formats are taken (sniffed from the first bytes, never
//! from a file name or a `Content-Type`), the size and dimension limits, the required
//! alternative text, the optional focal point, thumbnail sizes and content-addressed names.

use crate::username::Username;
use crate::validation::{ValidationErrors, required_text};
use serde::{Deserialize, Serialize};
use std::fmt;

/// Alternative text limit; Mastodon's is 1500 characters too.
pub const ALT_MAX: usize = 1500;
/// Thumbnails fit in a square of this many pixels.
pub const THUMBNAIL_MAX: u32 = 400;
/// Default largest upload: 8 MiB.
pub const DEFAULT_MAX_BYTES: usize = 8 * 1024 * 1024;
/// Default largest image: 40 megapixels (a decompressed RGBA image of 160 MB).
pub const DEFAULT_MAX_PIXELS: u64 = 40_000_000;

/// The image formats we accept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ImageType {
    Jpeg,
    Png,
    Webp,
}

impl ImageType {
    /// The format of `bytes`, from their magic numbers only.
    pub fn sniff(bytes: &[u8]) -> Option<Self> {
        if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
            Some(ImageType::Jpeg)
        } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
            Some(ImageType::Png)
        } else if bytes.len() >= 12 && bytes.starts_with(b"RIFF") && &bytes[8..12] == b"WEBP" {
            Some(ImageType::Webp)
        } else {
            None
        }
    }

    /// The IANA media type.
    pub fn mime(self) -> &'static str {
        match self {
            ImageType::Jpeg => "image/jpeg",
            ImageType::Png => "image/png",
            ImageType::Webp => "image/webp",
        }
    }

    /// Parses a stored media type.
    pub fn from_mime(mime: &str) -> Option<Self> {
        match mime {
            "image/jpeg" => Some(ImageType::Jpeg),
            "image/png" => Some(ImageType::Png),
            "image/webp" => Some(ImageType::Webp),
            _ => None,
        }
    }
}

impl fmt::Display for ImageType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ImageType::Jpeg => "JPEG",
            ImageType::Png => "PNG",
            ImageType::Webp => "WebP",
        })
    }
}

/// What a refused file looks like, so the error can say it ("looks like HTML").
pub fn describe_unknown(bytes: &[u8]) -> &'static str {
    let head = &bytes[..bytes.len().min(512)];
    let text = String::from_utf8_lossy(head)
        .trim_start()
        .to_ascii_lowercase();
    if bytes.is_empty() {
        "an empty file"
    } else if text.starts_with("<svg") || (text.starts_with("<?xml") && text.contains("<svg")) {
        "an SVG drawing (SVG can carry scripts and is not accepted)"
    } else if text.starts_with("<!doctype html") || text.starts_with("<html") {
        "an HTML page"
    } else if text.starts_with("<?xml") {
        "an XML document"
    } else if bytes.starts_with(b"GIF8") {
        "a GIF image"
    } else if bytes.starts_with(b"%PDF") {
        "a PDF document"
    } else if std::str::from_utf8(head).is_ok() {
        "text"
    } else {
        "unrecognised data"
    }
}

/// The `[media]` section of the configuration: upload limits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct MediaLimits {
    /// Largest accepted upload body, in bytes.
    pub max_bytes: usize,
    /// Largest accepted image, in pixels (width × height), checked from the file's header
    /// before anything is decoded, so a small file that would decompress to gigabytes (a
    /// "decompression bomb") is refused cheaply.
    pub max_pixels: u64,
}

impl Default for MediaLimits {
    fn default() -> Self {
        Self {
            max_bytes: DEFAULT_MAX_BYTES,
            max_pixels: DEFAULT_MAX_PIXELS,
        }
    }
}

/// Why an image's dimensions are refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DimensionError {
    /// Width or height is zero.
    #[error("has no pixels ({width}×{height})")]
    Empty { width: u32, height: u32 },
    /// More pixels than allowed.
    #[error("is {width}×{height} pixels ({pixels} pixels); at most {max} pixels are accepted")]
    TooLarge {
        width: u32,
        height: u32,
        pixels: u64,
        max: u64,
    },
}

impl MediaLimits {
    /// Whether an image of `width`×`height` may be decoded.
    pub fn check_dimensions(&self, width: u32, height: u32) -> Result<(), DimensionError> {
        let pixels = u64::from(width) * u64::from(height);
        if pixels == 0 {
            Err(DimensionError::Empty { width, height })
        } else if pixels > self.max_pixels {
            Err(DimensionError::TooLarge {
                width,
                height,
                pixels,
                max: self.max_pixels,
            })
        } else {
            Ok(())
        }
    }

    /// Cross-field checks for the configuration.
    pub fn check(&self) -> Result<(), String> {
        if self.max_bytes == 0 || self.max_pixels == 0 {
            return Err("media.max_bytes and media.max_pixels must be greater than 0".to_string());
        }
        Ok(())
    }
}

/// Mastodon's `focalPoint`: `x` from -1 (left edge) to 1 (right edge), `y` from -1 (bottom)
/// to 1 (top); `(0, 0)` is the centre. Crops keep this point in view.
/// <https://docs.joinmastodon.org/api/guidelines/#focal-points>
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct FocalPoint {
    pub x: f64,
    pub y: f64,
}

/// Why a focal point was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FocalPointError {
    /// Not two numbers separated by a comma.
    #[error("must be two numbers separated by a comma, such as 0.25,-0.5")]
    Syntax,
    /// A coordinate outside [-1, 1].
    #[error("each coordinate must be between -1 and 1")]
    OutOfRange,
}

impl FocalPoint {
    /// A focal point, checked.
    pub fn new(x: f64, y: f64) -> Result<Self, FocalPointError> {
        let ok = |v: f64| v.is_finite() && (-1.0..=1.0).contains(&v);
        if ok(x) && ok(y) {
            Ok(Self { x, y })
        } else {
            Err(FocalPointError::OutOfRange)
        }
    }

    /// Parses `x,y`.
    pub fn parse(raw: &str) -> Result<Self, FocalPointError> {
        let (x, y) = raw.split_once(',').ok_or(FocalPointError::Syntax)?;
        let number = |s: &str| s.trim().parse::<f64>().map_err(|_| FocalPointError::Syntax);
        Self::new(number(x)?, number(y)?)
    }
}

/// The parameters of an upload, as received (query string).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawUpload {
    /// Alternative text: what the image shows, for people who cannot see it.
    pub alt: Option<String>,
    /// `x,y`, see [`FocalPoint`].
    pub focal: Option<String>,
    /// The local place the image belongs to.
    pub place: Option<String>,
}

/// Validated upload parameters.
#[derive(Debug, Clone, PartialEq)]
pub struct NewUpload {
    /// Alternative text, trimmed.
    pub alt: String,
    pub focal_point: Option<FocalPoint>,
    pub place: Option<Username>,
}

impl NewUpload {
    /// Parses raw parameters; every invalid field is reported.
    pub fn parse(raw: RawUpload) -> Result<Self, ValidationErrors> {
        let mut errors = ValidationErrors::new();
        let alt = required_text(&mut errors, "alt", raw.alt.as_deref(), ALT_MAX);
        let focal_point = match raw.focal.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(focal) => errors.check("focal", FocalPoint::parse(focal)),
        };
        let place = match raw.place.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(place) => errors.check("place", Username::parse(place)),
        };
        match alt {
            Some(alt) if errors.is_empty() => Ok(NewUpload {
                alt,
                focal_point,
                place,
            }),
            _ => Err(errors),
        }
    }
}

/// The size of the thumbnail of a `width`×`height` image: it fits in a
/// [`THUMBNAIL_MAX`]-pixel square, keeps the proportions, and is never larger than the image.
pub fn thumbnail_size(width: u32, height: u32) -> (u32, u32) {
    let longest = width.max(height);
    if longest <= THUMBNAIL_MAX {
        return (width, height);
    }
    let scale = |side: u32| {
        let scaled = u64::from(side) * u64::from(THUMBNAIL_MAX) / u64::from(longest);
        u32::try_from(scaled).unwrap_or(THUMBNAIL_MAX).max(1)
    };
    (scale(width), scale(height))
}

/// Whether `name` is a content-addressed file name: a SHA-256 as 64 lowercase hex digits.
/// Nothing else reaches the file system, so no path can escape the media folder.
pub fn is_content_name(name: &str) -> bool {
    name.len() == 64
        && name
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_are_sniffed_from_magic_bytes() {
        assert_eq!(
            ImageType::sniff(b"\x89PNG\r\n\x1a\n...."),
            Some(ImageType::Png)
        );
        assert_eq!(
            ImageType::sniff(&[0xFF, 0xD8, 0xFF, 0xE0]),
            Some(ImageType::Jpeg)
        );
        assert_eq!(
            ImageType::sniff(b"RIFF\x10\0\0\0WEBPVP8L"),
            Some(ImageType::Webp)
        );
        assert_eq!(ImageType::sniff(b"RIFF\x10\0\0\0WAVEfmt "), None);
        assert_eq!(ImageType::sniff(b"<html><body>"), None);
        assert_eq!(ImageType::sniff(b""), None);
    }

    #[test]
    fn refused_files_are_described() {
        assert_eq!(describe_unknown(b"<!DOCTYPE html><p>"), "an HTML page");
        assert!(describe_unknown(b"<?xml version=\"1.0\"?><svg>").starts_with("an SVG"));
        assert!(describe_unknown(b"  <svg xmlns=").starts_with("an SVG"));
        assert_eq!(describe_unknown(b"GIF89a"), "a GIF image");
        assert_eq!(describe_unknown(b"hello"), "text");
        assert_eq!(describe_unknown(b""), "an empty file");
    }

    #[test]
    fn decompression_bombs_are_refused_from_their_dimensions() {
        let limits = MediaLimits::default();
        assert!(limits.check_dimensions(8000, 5000).is_ok());
        assert!(matches!(
            limits.check_dimensions(65_535, 65_535),
            Err(DimensionError::TooLarge { .. })
        ));
        assert!(matches!(
            limits.check_dimensions(0, 10),
            Err(DimensionError::Empty { .. })
        ));
    }

    #[test]
    fn alt_text_is_required_and_bounded() {
        let errors = NewUpload::parse(RawUpload::default()).expect_err("no alt");
        assert_eq!(errors.errors[0].field, "alt");
        let errors = NewUpload::parse(RawUpload {
            alt: Some("   ".into()),
            ..Default::default()
        })
        .expect_err("blank alt");
        assert_eq!(errors.errors[0].field, "alt");
        let errors = NewUpload::parse(RawUpload {
            alt: Some("a".repeat(ALT_MAX + 1)),
            ..Default::default()
        })
        .expect_err("long alt");
        assert!(errors.errors[0].message.contains("too long"));
    }

    #[test]
    fn focal_points_are_validated() {
        assert_eq!(
            FocalPoint::parse(" 0.5, -1 "),
            Ok(FocalPoint { x: 0.5, y: -1.0 })
        );
        assert_eq!(FocalPoint::parse("1.5,0"), Err(FocalPointError::OutOfRange));
        assert_eq!(FocalPoint::parse("NaN,0"), Err(FocalPointError::OutOfRange));
        assert_eq!(FocalPoint::parse("0"), Err(FocalPointError::Syntax));
        assert_eq!(FocalPoint::parse("a,b"), Err(FocalPointError::Syntax));
        let upload = NewUpload::parse(RawUpload {
            alt: Some("La façade".into()),
            focal: Some("0.1,0.2".into()),
            place: Some("epn".into()),
        })
        .expect("valid");
        assert_eq!(upload.focal_point, Some(FocalPoint { x: 0.1, y: 0.2 }));
        assert_eq!(upload.place.as_ref().map(Username::as_str), Some("epn"));
        let errors = NewUpload::parse(RawUpload {
            alt: None,
            focal: Some("2,2".into()),
            place: Some("Not Valid".into()),
        })
        .expect_err("three errors");
        let fields: Vec<&str> = errors.errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["alt", "focal", "place"]);
    }

    #[test]
    fn thumbnails_fit_a_square_and_never_grow() {
        assert_eq!(thumbnail_size(1600, 1200), (400, 300));
        assert_eq!(thumbnail_size(1200, 1600), (300, 400));
        assert_eq!(thumbnail_size(100, 50), (100, 50));
        assert_eq!(thumbnail_size(40_000, 1), (400, 1));
    }

    #[test]
    fn content_names_are_sha256_hex_only() {
        assert!(is_content_name(&"ab01".repeat(16)));
        assert!(!is_content_name(&"AB01".repeat(16)));
        assert!(!is_content_name("../../etc/passwd"));
        assert!(!is_content_name(&format!("{}/..", "a".repeat(61))));
        assert!(!is_content_name(""));
    }
}
