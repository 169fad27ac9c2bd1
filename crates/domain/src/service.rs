//! A service a place offers (aide aux démarches, accès internet…), published as a `Page`
//! with vocabulary concepts, its own hours and booking link. Mastodon shows only a `Page`'s
//! name, summary and link, so the summary is one line that reads well on its own.

use crate::place::parse_web_url;
use crate::validation::{ValidationErrors, non_empty, optional_text, required_text};
use serde::{Deserialize, Serialize};
use url::Url;

/// The vocabulary concepts of a service, as concept slugs.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ServiceConcepts {
    /// What it is about (`service` scheme: MedNum services and data.inclusion thématiques).
    pub services: Vec<String>,
    /// Who it is for.
    pub publics: Vec<String>,
    /// What it costs.
    pub fees: Vec<String>,
    /// How to get it (se présenter, téléphoner, prendre rendez-vous…).
    pub access_modes: Vec<String>,
    /// How it is given (individuel, atelier collectif, à distance…).
    pub support_modes: Vec<String>,
}

/// A validated service.
#[derive(Debug, Clone, PartialEq)]
pub struct NewService {
    /// Its name ("Aide aux démarches administratives").
    pub name: String,
    /// What it offers, in plain words.
    pub description: Option<String>,
    /// Easy-read (FALC) version of the description.
    pub description_falc: Option<String>,
    /// Easy-read one-line summary.
    pub summary_falc: Option<String>,
    /// Vocabulary concepts.
    pub concepts: ServiceConcepts,
    /// Its own opening hours (OSM syntax), when they differ from the place's.
    pub opening_hours: Option<String>,
    /// Where to book.
    pub booking_url: Option<Url>,
    /// Price in plain words.
    pub price: Option<String>,
}

/// Raw input for a service.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawService {
    pub name: Option<String>,
    pub description: Option<String>,
    pub description_falc: Option<String>,
    pub summary_falc: Option<String>,
    pub services: Option<Vec<String>>,
    pub publics: Option<Vec<String>>,
    pub fees: Option<Vec<String>>,
    pub access_modes: Option<Vec<String>>,
    pub support_modes: Option<Vec<String>>,
    pub hours: Option<String>,
    pub booking_url: Option<String>,
    pub price: Option<String>,
}

fn slugs(values: Option<Vec<String>>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for v in values
        .unwrap_or_default()
        .iter()
        .filter_map(|v| non_empty(Some(v)))
    {
        if !out.contains(&v) {
            out.push(v);
        }
    }
    out
}

impl NewService {
    /// Parses raw input, reporting every invalid field.
    pub fn parse(raw: RawService) -> Result<Self, ValidationErrors> {
        let mut errors = ValidationErrors::new();
        let name = required_text(&mut errors, "name", raw.name.as_deref(), 200);
        let description = optional_text(
            &mut errors,
            "description",
            raw.description.as_deref(),
            10_000,
        );
        let description_falc = optional_text(
            &mut errors,
            "description_falc",
            raw.description_falc.as_deref(),
            10_000,
        );
        let summary_falc = optional_text(
            &mut errors,
            "summary_falc",
            raw.summary_falc.as_deref(),
            280,
        );
        let opening_hours = optional_text(&mut errors, "hours", raw.hours.as_deref(), 500)
            .and_then(|h| errors.check("hours", crate::hours::OpeningHours::parse(&h)))
            .map(|h| h.as_str().to_string());
        let booking_url = non_empty(raw.booking_url.as_deref())
            .and_then(|u| errors.check("booking_url", parse_web_url(&u)));
        let price = optional_text(&mut errors, "price", raw.price.as_deref(), 80);
        use crate::vocab::{Scheme, resolve_slugs};
        let concepts = ServiceConcepts {
            services: resolve_slugs(
                &mut errors,
                "services",
                Scheme::Service,
                &slugs(raw.services),
            ),
            publics: resolve_slugs(&mut errors, "publics", Scheme::Public, &slugs(raw.publics)),
            fees: resolve_slugs(&mut errors, "fees", Scheme::Fee, &slugs(raw.fees)),
            access_modes: resolve_slugs(
                &mut errors,
                "access_modes",
                Scheme::AccessMode,
                &slugs(raw.access_modes),
            ),
            support_modes: resolve_slugs(
                &mut errors,
                "support_modes",
                Scheme::SupportMode,
                &slugs(raw.support_modes),
            ),
        };
        match name {
            Some(name) if errors.is_empty() => Ok(NewService {
                name,
                description,
                description_falc,
                summary_falc,
                concepts,
                opening_hours,
                booking_url,
                price,
            }),
            _ => Err(errors),
        }
    }

    /// "Aide aux démarches — EPN de Saint-Clair — du lundi au vendredi, de 9 h à 12 h — gratuit".
    pub fn summary_line(&self, place_name: &str, hours_in_words: Option<&str>) -> String {
        let mut parts = vec![self.name.clone(), place_name.to_string()];
        parts.extend(hours_in_words.map(str::to_string));
        parts.extend(self.price.clone());
        parts.join(" — ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_service_reads_well_on_one_line() {
        let s = NewService::parse(RawService {
            name: Some("Aide aux démarches administratives".into()),
            price: Some("gratuit".into()),
            services: Some(vec![
                "aide-demarches-administratives".into(),
                "Aide aux démarches administratives".into(),
            ]),
            ..Default::default()
        })
        .expect("valid");
        assert_eq!(s.concepts.services.len(), 1);
        assert_eq!(
            s.summary_line(
                "EPN de Saint-Clair",
                Some("du lundi au vendredi, de 9 h à 12 h")
            ),
            "Aide aux démarches administratives — EPN de Saint-Clair — du lundi au vendredi, de 9 h à 12 h — gratuit"
        );
    }

    #[test]
    fn a_service_needs_a_name_and_a_real_booking_link() {
        let e = NewService::parse(RawService {
            booking_url: Some("rdv".into()),
            ..Default::default()
        })
        .expect_err("invalid");
        let fields: Vec<&str> = e.errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["name", "booking_url"]);
    }
}
