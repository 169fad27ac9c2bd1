//! A heritage showcase (valorisation du patrimoine): an `Article` with a location, images
//! with alternative text, hashtags and an open licence (FEP-c118; CC BY-SA 4.0 by default).

use crate::event::EventLocation;
use crate::place::{RawPlaceUpdate, parse_web_url};
use crate::validation::{ValidationErrors, non_empty, optional_text, required_text};
use serde::Deserialize;
use url::Url;

/// The default licence of a showcase.
pub const DEFAULT_LICENSE: &str = "https://creativecommons.org/licenses/by-sa/4.0/";

/// A validated showcase.
#[derive(Debug, Clone, PartialEq)]
pub struct NewShowcase {
    /// Its title.
    pub name: String,
    /// One line that says what it shows.
    pub summary: String,
    /// The article's text.
    pub content: String,
    /// Easy-read one-line summary.
    pub summary_falc: Option<String>,
    /// Easy-read text.
    pub content_falc: Option<String>,
    /// Where the heritage is.
    pub location: Option<EventLocation>,
    /// Its licence (a URL).
    pub license: Url,
    /// Hashtags, without `#`.
    pub hashtags: Vec<String>,
    /// Heritage kinds (vocabulary slugs: bati, immateriel, naturel, savoir-faire…).
    pub heritage_kinds: Vec<String>,
    /// Uploaded images to attach (their public ids), in order.
    pub media: Vec<String>,
}

/// Raw input for a showcase.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawShowcase {
    pub name: Option<String>,
    pub summary: Option<String>,
    pub content: Option<String>,
    pub summary_falc: Option<String>,
    pub content_falc: Option<String>,
    pub location_name: Option<String>,
    pub address: Option<String>,
    pub postal_code: Option<String>,
    pub city: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub license: Option<String>,
    pub hashtags: Option<Vec<String>>,
    pub heritage_kinds: Option<Vec<String>>,
    pub media: Option<Vec<String>>,
}

fn hashtag(errors: &mut ValidationErrors, raw: &str) -> Option<String> {
    let tag = raw.trim().trim_start_matches('#');
    if tag.is_empty() {
        return None;
    }
    if tag.chars().all(|c| c.is_alphanumeric() || c == '_') && tag.chars().count() <= 60 {
        Some(tag.to_string())
    } else {
        errors.add(
            "hashtags",
            format!("{raw:?} is not a hashtag: letters, digits and _ only"),
        );
        None
    }
}

impl NewShowcase {
    /// Parses raw input, reporting every invalid field.
    pub fn parse(raw: RawShowcase) -> Result<Self, ValidationErrors> {
        let mut errors = ValidationErrors::new();
        let name = required_text(&mut errors, "name", raw.name.as_deref(), 200);
        let summary = required_text(&mut errors, "summary", raw.summary.as_deref(), 280);
        let content = required_text(&mut errors, "content", raw.content.as_deref(), 50_000);
        let summary_falc = optional_text(
            &mut errors,
            "summary_falc",
            raw.summary_falc.as_deref(),
            280,
        );
        let content_falc = optional_text(
            &mut errors,
            "content_falc",
            raw.content_falc.as_deref(),
            50_000,
        );
        let place = RawPlaceUpdate {
            address: raw.address,
            postal_code: raw.postal_code,
            city: raw.city,
            lat: raw.lat,
            lon: raw.lon,
            ..Default::default()
        }
        .apply(Default::default());
        let mut location = EventLocation {
            name: optional_text(
                &mut errors,
                "location_name",
                raw.location_name.as_deref(),
                200,
            ),
            ..Default::default()
        };
        match place {
            Ok(p) => {
                location.address = p.address;
                location.geo = p.geo;
            }
            Err(e) => errors.errors.extend(e.errors),
        }
        let license = match non_empty(raw.license.as_deref()) {
            None => Url::parse(DEFAULT_LICENSE).ok(),
            Some(l) => errors.check("license", parse_web_url(&l)),
        };
        let mut hashtags: Vec<String> = Vec::new();
        for raw_tag in raw.hashtags.unwrap_or_default() {
            if let Some(tag) = hashtag(&mut errors, &raw_tag)
                && !hashtags.iter().any(|t| t.eq_ignore_ascii_case(&tag))
            {
                hashtags.push(tag);
            }
        }
        let heritage_kinds = crate::vocab::resolve_slugs(
            &mut errors,
            "heritage_kinds",
            crate::vocab::Scheme::Heritage,
            &raw.heritage_kinds.unwrap_or_default(),
        );
        let media: Vec<String> = raw
            .media
            .unwrap_or_default()
            .iter()
            .filter_map(|m| non_empty(Some(m)))
            .collect();
        match (name, summary, content, license, errors.is_empty()) {
            (Some(name), Some(summary), Some(content), Some(license), true) => Ok(NewShowcase {
                name,
                summary,
                content,
                summary_falc,
                content_falc,
                location: (!location.is_empty()).then_some(location),
                license,
                hashtags,
                heritage_kinds,
                media,
            }),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_showcase_defaults_to_cc_by_sa() {
        let s = NewShowcase::parse(RawShowcase {
            name: Some("Le lavoir de Saint-Clair".into()),
            summary: Some("Un lavoir du XIXe siècle restauré par les habitants".into()),
            content: Some("Histoire du lavoir…".into()),
            hashtags: Some(vec![
                "#patrimoine".into(),
                "Patrimoine".into(),
                "lavoir".into(),
            ]),
            ..Default::default()
        })
        .expect("valid");
        assert_eq!(s.license.as_str(), DEFAULT_LICENSE);
        assert_eq!(s.hashtags, ["patrimoine", "lavoir"]);
    }

    #[test]
    fn a_bad_hashtag_and_a_missing_text_are_named() {
        let e = NewShowcase::parse(RawShowcase {
            name: Some("Lavoir".into()),
            summary: Some("Un lavoir".into()),
            hashtags: Some(vec!["pas un tag".into()]),
            ..Default::default()
        })
        .expect_err("invalid");
        let fields: Vec<&str> = e.errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["content", "hashtags"]);
    }
}
