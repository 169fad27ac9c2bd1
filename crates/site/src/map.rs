//! The server-rendered map: an SVG drawn here (no tiles, no script), with a coarse outline of
//! metropolitan France for orientation (what lies outside it is shaded) and numbered markers that match the accessible list
//! printed beside it. Places are circles, events squares; the SVG is one image for assistive
//! technologies (`role="img"`, a title and a description), the list carries the links.

use crate::view::Text;
use serde::Serialize;
use std::fmt::Write;

/// Width of the drawing, in SVG units.
const WIDTH: f64 = 640.0;
/// Height of the drawing.
const HEIGHT: f64 = 480.0;

/// What a marker stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum MarkerKind {
    /// A place.
    Place,
    /// An event.
    Event,
}

/// One marker, numbered as in the list.
#[derive(Debug, Clone, Serialize)]
pub struct Marker {
    /// Its number in the list (from 1).
    pub number: usize,
    /// Latitude.
    pub lat: f64,
    /// Longitude.
    pub lon: f64,
    /// What it is.
    pub kind: MarkerKind,
    /// Its name.
    pub label: Text,
    /// Where its page is.
    pub href: String,
    /// A second line (city, date…).
    pub detail: Option<String>,
}

/// A coarse outline of metropolitan France (longitude, latitude), drawn for orientation only.
const FRANCE: &[(f64, f64)] = &[
    (2.55, 51.09),
    (3.1, 50.78),
    (4.15, 50.28),
    (4.85, 50.15),
    (5.8, 49.55),
    (6.36, 49.46),
    (7.6, 49.05),
    (8.22, 48.97),
    (7.55, 47.58),
    (6.85, 47.4),
    (6.1, 46.4),
    (6.8, 46.0),
    (7.0, 45.2),
    (6.65, 44.6),
    (7.5, 43.78),
    (6.6, 43.1),
    (5.37, 43.3),
    (4.1, 43.5),
    (3.1, 42.95),
    (3.17, 42.44),
    (1.75, 42.5),
    (0.0, 42.7),
    (-1.78, 43.37),
    (-1.25, 44.6),
    (-1.2, 46.0),
    (-2.2, 47.1),
    (-3.36, 47.75),
    (-4.4, 47.8),
    (-4.75, 48.35),
    (-4.0, 48.7),
    (-3.0, 48.8),
    (-1.6, 48.65),
    (-1.94, 49.72),
    (-1.25, 49.65),
    (-0.2, 49.3),
    (0.1, 49.5),
    (1.4, 50.05),
    (1.6, 50.7),
    (1.85, 50.95),
];

/// Corsica, as coarsely.
const CORSICA: &[(f64, f64)] = &[
    (9.4, 43.0),
    (9.55, 42.1),
    (9.2, 41.37),
    (8.6, 41.9),
    (8.7, 42.6),
];

/// Web Mercator's y, in degrees, so that shapes keep their proportions.
fn mercator(lat: f64) -> f64 {
    let lat = lat.clamp(-85.0, 85.0).to_radians();
    (std::f64::consts::FRAC_PI_4 + lat / 2.0)
        .tan()
        .ln()
        .to_degrees()
}

struct Frame {
    min_x: f64,
    min_y: f64,
    scale: f64,
}

impl Frame {
    /// A frame around the markers (or all of France when there are none).
    fn around(markers: &[Marker]) -> Frame {
        let points: Vec<(f64, f64)> = if markers.is_empty() {
            FRANCE
                .iter()
                .map(|(lon, lat)| (*lon, -mercator(*lat)))
                .collect()
        } else {
            markers.iter().map(|m| (m.lon, -mercator(m.lat))).collect()
        };
        let (mut min_x, mut max_x, mut min_y, mut max_y) = (f64::MAX, f64::MIN, f64::MAX, f64::MIN);
        for (x, y) in &points {
            min_x = min_x.min(*x);
            max_x = max_x.max(*x);
            min_y = min_y.min(*y);
            max_y = max_y.max(*y);
        }
        // Room around the markers; one marker alone is shown in its region, so that the
        // outline of the coast and borders says where it is.
        let least = if points.len() == 1 { 2.0 } else { 0.5 };
        let pad_x = ((max_x - min_x) * 0.15).max(least);
        let pad_y = ((max_y - min_y) * 0.15).max(least * 0.75);
        min_x -= pad_x;
        max_x += pad_x;
        min_y -= pad_y;
        max_y += pad_y;
        let (mut span_x, mut span_y) = (max_x - min_x, max_y - min_y);
        if span_x / span_y > WIDTH / HEIGHT {
            let grown = span_x * HEIGHT / WIDTH;
            min_y -= (grown - span_y) / 2.0;
            span_y = grown;
        } else {
            let grown = span_y * WIDTH / HEIGHT;
            min_x -= (grown - span_x) / 2.0;
            span_x = grown;
        }
        let _ = span_y;
        Frame {
            min_x,
            min_y,
            scale: WIDTH / span_x,
        }
    }

    fn project(&self, lon: f64, lat: f64) -> (f64, f64) {
        (
            (lon - self.min_x) * self.scale,
            (-mercator(lat) - self.min_y) * self.scale,
        )
    }

    fn path(&self, outline: &[(f64, f64)]) -> String {
        let mut d = String::new();
        for (i, (lon, lat)) in outline.iter().enumerate() {
            let (x, y) = self.project(*lon, *lat);
            let _ = write!(d, "{}{x:.1},{y:.1} ", if i == 0 { "M" } else { "L" });
        }
        d.push('Z');
        d
    }
}

/// Escapes text for SVG content and attributes.
fn esc(text: &str) -> String {
    galaxie_domain::text::escape_html(text)
}

/// The SVG of a map of `markers`, titled `title` and described by `description` (say where the
/// list is); `id` makes its element ids unique in the page.
pub fn svg(id: &str, markers: &[Marker], title: &str, description: &str) -> String {
    let frame = Frame::around(markers);
    let mut out = String::new();
    let _ = write!(
        out,
        r##"<svg class="map" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-labelledby="{id}-title {id}-desc" xmlns="http://www.w3.org/2000/svg"><title id="{id}-title">{}</title><desc id="{id}-desc">{}</desc><rect class="map-sea" x="0" y="0" width="{WIDTH}" height="{HEIGHT}"/><path class="map-land" d="{}"/><path class="map-land" d="{}"/>"##,
        esc(title),
        esc(description),
        frame.path(FRANCE),
        frame.path(CORSICA),
    );
    for m in markers {
        let (x, y) = frame.project(m.lon, m.lat);
        let n = m.number;
        match m.kind {
            MarkerKind::Place => {
                let _ = write!(
                    out,
                    r#"<g class="marker marker-place"><circle cx="{x:.1}" cy="{y:.1}" r="17"/><text x="{x:.1}" y="{:.1}" text-anchor="middle">{n}</text></g>"#,
                    y + 6.5
                );
            }
            MarkerKind::Event => {
                let _ = write!(
                    out,
                    r#"<g class="marker marker-event"><rect x="{:.1}" y="{:.1}" width="32" height="32" rx="4"/><text x="{x:.1}" y="{:.1}" text-anchor="middle">{n}</text></g>"#,
                    x - 16.0,
                    y - 16.0,
                    y + 6.5
                );
            }
        }
    }
    out.push_str("</svg>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marker(number: usize, lat: f64, lon: f64, label: &str) -> Marker {
        Marker {
            number,
            lat,
            lon,
            kind: MarkerKind::Place,
            label: Text {
                text: label.to_string(),
                lang: None,
            },
            href: "/".into(),
            detail: None,
        }
    }

    #[test]
    fn markers_fall_inside_the_drawing_and_labels_are_escaped() {
        let markers = [
            marker(1, 49.25, 4.03, "Reims"),
            marker(2, 48.11, -1.68, "Rennes"),
            marker(3, 43.6, 1.44, "Toulouse"),
        ];
        let frame = Frame::around(&markers);
        for m in &markers {
            let (x, y) = frame.project(m.lon, m.lat);
            assert!(
                (0.0..=WIDTH).contains(&x) && (0.0..=HEIGHT).contains(&y),
                "{x},{y}"
            );
        }
        let svg = svg("m", &markers, "Carte <des> lieux", "La liste suit");
        assert!(svg.contains("Carte &lt;des&gt; lieux"));
        assert_eq!(svg.matches("class=\"marker marker-place\"").count(), 3);
    }

    #[test]
    fn a_single_marker_is_centred() {
        let markers = [marker(1, 49.25, 4.03, "Reims")];
        let frame = Frame::around(&markers);
        let (x, y) = frame.project(4.03, 49.25);
        assert!((x - WIDTH / 2.0).abs() < 1.0 && (y - HEIGHT / 2.0).abs() < 1.0);
    }
}
