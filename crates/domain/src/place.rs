//! A place (tiers-lieu): its public profile and the parsing of raw input into it.
//!
//! Field limits follow the MedNum schema of *lieux de médiation numérique*
//! (`presentation_resume` ≤ 280 characters, `code_postal` of five digits, telephone in
//! E.164 form with a French prefix) so that every profile exports without loss.

use crate::identity::{Pivot, parse_email, parse_insee_code};
use crate::username::Username;
use crate::validation::{ValidationErrors, non_empty, optional_text, required_text};
use serde::{Deserialize, Serialize};
use url::Url;

/// A point on Earth, WGS 84.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct GeoPoint {
    /// Latitude in degrees, -90 to 90.
    pub latitude: f64,
    /// Longitude in degrees, -180 to 180.
    pub longitude: f64,
}

/// A postal address, schema.org `PostalAddress`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PostalAddress {
    /// Street and number (`adresse`).
    pub street_address: Option<String>,
    /// Five-digit French postal code (`code_postal`).
    pub postal_code: Option<String>,
    /// Commune (`commune`).
    pub locality: Option<String>,
    /// ISO 3166 country code, `FR` unless said otherwise.
    pub country: Option<String>,
}

impl PostalAddress {
    /// Whether no part of the address is known.
    pub fn is_empty(&self) -> bool {
        self.street_address.is_none() && self.postal_code.is_none() && self.locality.is_none()
    }

    /// "12 rue de Leclercq, 51100 Reims".
    pub fn one_line(&self) -> Option<String> {
        let town = match (&self.postal_code, &self.locality) {
            (Some(p), Some(l)) => Some(format!("{p} {l}")),
            (Some(p), None) => Some(p.clone()),
            (None, Some(l)) => Some(l.clone()),
            (None, None) => None,
        };
        let parts: Vec<String> = [self.street_address.clone(), town]
            .into_iter()
            .flatten()
            .collect();
        (!parts.is_empty()).then(|| parts.join(", "))
    }
}

/// Everything a place says about itself publicly.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct PlaceProfile {
    /// Display name ("Médiathèque de Saint-Clair").
    pub name: String,
    /// Short presentation, at most 280 characters.
    pub summary: Option<String>,
    /// Postal address.
    pub address: PostalAddress,
    /// Position for maps.
    pub geo: Option<GeoPoint>,
    /// Telephone, E.164 (`+33180059880`).
    pub phone: Option<String>,
    /// Website.
    pub website: Option<Url>,
    /// Opening hours in the OpenStreetMap `opening_hours` syntax.
    pub opening_hours: Option<String>,
    /// Avatar image.
    pub icon: Option<Url>,
    /// Whether follow requests wait for a person's approval.
    pub manually_approves_followers: bool,
    /// SIRET, SIREN or RNA (MedNum's `pivot`).
    pub pivot: Option<Pivot>,
    /// Legal form, a vocabulary slug (`association`, `scic`, `commune`…).
    pub legal_form: Option<String>,
    /// Address complement (`complement_adresse`).
    pub address_complement: Option<String>,
    /// INSEE commune code (`code_insee`).
    pub insee_code: Option<String>,
    /// Contact e-mails (`courriels`).
    pub emails: Vec<String>,
    /// Further websites beyond the main one (`site_web`).
    pub other_websites: Vec<Url>,
    /// Detailed presentation (`presentation_detail`).
    pub description: Option<String>,
    /// Easy-read (FALC) summary, published as the `fr-x-falc` variant.
    pub summary_falc: Option<String>,
    /// Fixed, itinerant, or both (`itinerance`).
    pub mobility: Option<Mobility>,
    /// Parent structure (`structure_parente`).
    pub parent_structure: Option<String>,
    /// Vocabulary concepts the place is tagged with.
    pub concepts: Concepts,
    /// Other trainings and labels, free text (`autres_formations_labels`).
    pub other_labels: Option<String>,
    /// Its acceslibre record (`fiche_acces_libre`).
    pub acceslibre_url: Option<Url>,
    /// Where to book an appointment (`prise_rdv`).
    pub booking_url: Option<Url>,
}

/// Whether a place stays put or travels (a "truck numérique").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Mobility {
    /// A fixed address (`Fixe`).
    Fixed,
    /// Travels between stops (`Itinérant`).
    Itinerant,
    /// A fixed address and stops elsewhere.
    Both,
}

impl Mobility {
    /// Parses `fixed`, `itinerant`, `both` (or MedNum's `Fixe`, `Itinérant`, `Fixe|Itinérant`).
    pub fn parse(raw: &str) -> Result<Mobility, String> {
        let parts: Vec<String> = raw
            .split('|')
            .map(|p| p.trim().to_lowercase())
            .filter(|p| !p.is_empty())
            .collect();
        let fixed = parts.iter().any(|p| p == "fixed" || p == "fixe");
        let itinerant = parts.iter().any(|p| p == "itinerant" || p == "itinérant");
        let both = parts.iter().any(|p| p == "both");
        let known = parts.iter().all(|p| {
            matches!(
                p.as_str(),
                "fixed" | "fixe" | "itinerant" | "itinérant" | "both"
            )
        });
        match (known, both || (fixed && itinerant), fixed, itinerant) {
            (false, ..) | (true, false, false, false) => {
                Err(format!("must be fixed, itinerant or both (found {raw:?})"))
            }
            (true, true, ..) => Ok(Mobility::Both),
            (true, false, true, false) => Ok(Mobility::Fixed),
            (true, false, false, true) => Ok(Mobility::Itinerant),
            (true, false, true, true) => Ok(Mobility::Both),
        }
    }

    /// MedNum's `itinerance` value.
    pub fn mednum(self) -> &'static str {
        match self {
            Mobility::Fixed => "Fixe",
            Mobility::Itinerant => "Itinérant",
            Mobility::Both => "Fixe|Itinérant",
        }
    }

    /// The configuration name.
    pub fn as_str(self) -> &'static str {
        match self {
            Mobility::Fixed => "fixed",
            Mobility::Itinerant => "itinerant",
            Mobility::Both => "both",
        }
    }
}

/// The vocabulary concepts of a place, by scheme, as concept slugs.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Concepts {
    /// Structure types (`typologie`: TIERS_LIEUX, EPN…).
    pub structure_types: Vec<String>,
    /// Services offered (`services`).
    pub services: Vec<String>,
    /// Publics specifically addressed.
    pub publics: Vec<String>,
    /// Specific support (`prise_en_charge_specifique`).
    pub specific_support: Vec<String>,
    /// Fees (`frais_a_charge`).
    pub fees: Vec<String>,
    /// National programmes (`dispositif_programmes_nationaux`).
    pub programmes: Vec<String>,
    /// Trainings and labels (`formations_labels`).
    pub labels: Vec<String>,
    /// Access modes (`modalites_acces`).
    pub access_modes: Vec<String>,
    /// Support modes (`modalites_accompagnement`).
    pub support_modes: Vec<String>,
}

/// A new place to create.
#[derive(Debug, Clone, PartialEq)]
pub struct NewPlace {
    /// Its local username.
    pub username: Username,
    /// Its profile.
    pub profile: PlaceProfile,
}

/// Raw input for a new place, as typed in a form, a CLI call or a JSON body.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPlace {
    pub username: Option<String>,
    pub name: Option<String>,
    pub summary: Option<String>,
    pub address: Option<String>,
    pub postal_code: Option<String>,
    pub city: Option<String>,
    pub country: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub phone: Option<String>,
    pub website: Option<String>,
    pub hours: Option<String>,
    pub icon: Option<String>,
    #[serde(default)]
    pub manually_approves_followers: Option<bool>,
    pub pivot: Option<String>,
    pub legal_form: Option<String>,
    pub address_complement: Option<String>,
    pub insee_code: Option<String>,
    pub emails: Option<Vec<String>>,
    pub other_websites: Option<Vec<String>>,
    pub description: Option<String>,
    pub summary_falc: Option<String>,
    pub mobility: Option<String>,
    pub parent_structure: Option<String>,
    pub structure_types: Option<Vec<String>>,
    pub services: Option<Vec<String>>,
    pub publics: Option<Vec<String>>,
    pub specific_support: Option<Vec<String>>,
    pub fees: Option<Vec<String>>,
    pub programmes: Option<Vec<String>>,
    pub labels: Option<Vec<String>>,
    pub access_modes: Option<Vec<String>>,
    pub support_modes: Option<Vec<String>>,
    pub other_labels: Option<String>,
    pub acceslibre_url: Option<String>,
    pub booking_url: Option<String>,
}

/// A partial update: a missing field is kept; an empty string clears an optional field.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPlaceUpdate {
    pub name: Option<String>,
    pub summary: Option<String>,
    pub address: Option<String>,
    pub postal_code: Option<String>,
    pub city: Option<String>,
    pub country: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub phone: Option<String>,
    pub website: Option<String>,
    pub hours: Option<String>,
    pub icon: Option<String>,
    pub manually_approves_followers: Option<bool>,
    pub pivot: Option<String>,
    pub legal_form: Option<String>,
    pub address_complement: Option<String>,
    pub insee_code: Option<String>,
    pub emails: Option<Vec<String>>,
    pub other_websites: Option<Vec<String>>,
    pub description: Option<String>,
    pub summary_falc: Option<String>,
    pub mobility: Option<String>,
    pub parent_structure: Option<String>,
    pub structure_types: Option<Vec<String>>,
    pub services: Option<Vec<String>>,
    pub publics: Option<Vec<String>>,
    pub specific_support: Option<Vec<String>>,
    pub fees: Option<Vec<String>>,
    pub programmes: Option<Vec<String>>,
    pub labels: Option<Vec<String>>,
    pub access_modes: Option<Vec<String>>,
    pub support_modes: Option<Vec<String>>,
    pub other_labels: Option<String>,
    pub acceslibre_url: Option<String>,
    pub booking_url: Option<String>,
}

/// The longest name we accept.
pub const NAME_MAX: usize = 120;
/// MedNum's `presentation_resume` limit.
pub const SUMMARY_MAX: usize = 280;

impl NewPlace {
    /// Parses raw input, reporting every invalid field.
    pub fn parse(raw: RawPlace) -> Result<Self, ValidationErrors> {
        let username = raw.username.clone();
        let update = RawPlaceUpdate {
            name: raw.name,
            summary: raw.summary,
            address: raw.address,
            postal_code: raw.postal_code,
            city: raw.city,
            country: raw.country,
            lat: raw.lat,
            lon: raw.lon,
            phone: raw.phone,
            website: raw.website,
            hours: raw.hours,
            icon: raw.icon,
            manually_approves_followers: raw.manually_approves_followers,
            pivot: raw.pivot,
            legal_form: raw.legal_form,
            address_complement: raw.address_complement,
            insee_code: raw.insee_code,
            emails: raw.emails,
            other_websites: raw.other_websites,
            description: raw.description,
            summary_falc: raw.summary_falc,
            mobility: raw.mobility,
            parent_structure: raw.parent_structure,
            structure_types: raw.structure_types,
            services: raw.services,
            publics: raw.publics,
            specific_support: raw.specific_support,
            fees: raw.fees,
            programmes: raw.programmes,
            labels: raw.labels,
            access_modes: raw.access_modes,
            support_modes: raw.support_modes,
            other_labels: raw.other_labels,
            acceslibre_url: raw.acceslibre_url,
            booking_url: raw.booking_url,
        };
        Self::from_parts(username.as_deref(), update)
    }

    /// Parses a username and profile fields (as the CLI gives them).
    pub fn from_parts(
        username: Option<&str>,
        update: RawPlaceUpdate,
    ) -> Result<Self, ValidationErrors> {
        let mut errors = ValidationErrors::new();
        let username = match username {
            None => {
                errors.add("username", "is required");
                None
            }
            Some(u) => errors.check("username", Username::parse(u)),
        };
        if update.name.is_none() {
            errors.add("name", "is required");
        }
        let profile = update.apply_to(PlaceProfile::default(), &mut errors);
        match (username, errors.is_empty()) {
            (Some(username), true) => Ok(NewPlace { username, profile }),
            _ => Err(errors),
        }
    }
}

impl RawPlaceUpdate {
    /// Applies this update to a profile, returning the new profile or every invalid field.
    pub fn apply(self, current: PlaceProfile) -> Result<PlaceProfile, ValidationErrors> {
        let mut errors = ValidationErrors::new();
        let profile = self.apply_to(current, &mut errors);
        errors.into_result(profile)
    }

    fn apply_to(self, mut p: PlaceProfile, errors: &mut ValidationErrors) -> PlaceProfile {
        if let Some(name) = self.name.as_deref()
            && let Some(name) = required_text(errors, "name", Some(name), NAME_MAX)
        {
            p.name = name;
        }
        if let Some(summary) = self.summary.as_deref() {
            p.summary = optional_text(errors, "summary", Some(summary), SUMMARY_MAX);
        }
        if let Some(address) = self.address.as_deref() {
            p.address.street_address = optional_text(errors, "address", Some(address), 200);
        }
        if let Some(code) = self.postal_code.as_deref() {
            p.address.postal_code = non_empty(Some(code));
            if let Some(code) = &p.address.postal_code
                && !(code.len() == 5 && code.chars().all(|c| c.is_ascii_digit()))
            {
                errors.add("postal_code", "must be five digits, like 51100");
            }
        }
        if let Some(city) = self.city.as_deref() {
            p.address.locality = optional_text(errors, "city", Some(city), 120);
        }
        if let Some(country) = self.country.as_deref() {
            p.address.country = non_empty(Some(country)).map(|c| c.to_ascii_uppercase());
            if let Some(c) = &p.address.country
                && !(c.len() == 2 && c.chars().all(|c| c.is_ascii_alphabetic()))
            {
                errors.add("country", "must be a two-letter ISO 3166 code, like FR");
            }
        }
        if !p.address.is_empty() && p.address.country.is_none() {
            p.address.country = Some("FR".to_string());
        }
        match (self.lat, self.lon) {
            (None, None) => {}
            (Some(lat), Some(lon)) => {
                let mut ok = true;
                if !(-90.0..=90.0).contains(&lat) || !lat.is_finite() {
                    errors.add("lat", "must be a latitude between -90 and 90");
                    ok = false;
                }
                if !(-180.0..=180.0).contains(&lon) || !lon.is_finite() {
                    errors.add("lon", "must be a longitude between -180 and 180");
                    ok = false;
                }
                if ok {
                    p.geo = Some(GeoPoint {
                        latitude: lat,
                        longitude: lon,
                    });
                }
            }
            (Some(_), None) => errors.add("lon", "is required when lat is given"),
            (None, Some(_)) => errors.add("lat", "is required when lon is given"),
        }
        if let Some(phone) = self.phone.as_deref() {
            p.phone = match non_empty(Some(phone)) {
                None => None,
                Some(raw) => errors.check("phone", normalize_phone(&raw)),
            };
        }
        if let Some(website) = self.website.as_deref() {
            p.website = match non_empty(Some(website)) {
                None => None,
                Some(raw) => errors.check("website", parse_web_url(&raw)),
            };
        }
        if let Some(icon) = self.icon.as_deref() {
            p.icon = match non_empty(Some(icon)) {
                None => None,
                Some(raw) => errors.check("icon", parse_web_url(&raw)),
            };
        }
        if let Some(hours) = self.hours.as_deref() {
            p.opening_hours = optional_text(errors, "hours", Some(hours), 500)
                .and_then(|h| errors.check("hours", crate::hours::OpeningHours::parse(&h)))
                .map(|h| h.as_str().to_string());
        }
        if let Some(pivot) = self.pivot.as_deref() {
            p.pivot = match non_empty(Some(pivot)) {
                None => None,
                Some(raw) => errors.check("pivot", Pivot::parse(&raw)),
            };
        }
        if let Some(form) = self.legal_form.as_deref() {
            p.legal_form = non_empty(Some(form)).and_then(|f| {
                crate::vocab::resolve_slugs(
                    errors,
                    "legal_form",
                    crate::vocab::Scheme::LegalForm,
                    &[f],
                )
                .into_iter()
                .next()
            });
        }
        if let Some(c) = self.address_complement.as_deref() {
            p.address_complement = optional_text(errors, "address_complement", Some(c), 200);
        }
        if let Some(code) = self.insee_code.as_deref() {
            p.insee_code = match non_empty(Some(code)) {
                None => None,
                Some(raw) => errors.check("insee_code", parse_insee_code(&raw)),
            };
        }
        if let Some(emails) = self.emails {
            p.emails = emails
                .iter()
                .filter_map(|e| non_empty(Some(e)))
                .filter_map(|e| errors.check("emails", parse_email(&e)))
                .collect();
        }
        if let Some(sites) = self.other_websites {
            p.other_websites = sites
                .iter()
                .filter_map(|e| non_empty(Some(e)))
                .filter_map(|e| errors.check("other_websites", parse_web_url(&e)))
                .collect();
        }
        if let Some(d) = self.description.as_deref() {
            p.description = optional_text(errors, "description", Some(d), 10_000);
        }
        if let Some(f) = self.summary_falc.as_deref() {
            p.summary_falc = optional_text(errors, "summary_falc", Some(f), SUMMARY_MAX);
        }
        if let Some(m) = self.mobility.as_deref() {
            p.mobility = match non_empty(Some(m)) {
                None => None,
                Some(raw) => errors.check("mobility", Mobility::parse(&raw)),
            };
        }
        if let Some(parent) = self.parent_structure.as_deref() {
            p.parent_structure = optional_text(errors, "parent_structure", Some(parent), 200);
        }
        use crate::vocab::{Scheme, resolve_slugs};
        let lists = [
            (
                "structure_types",
                Scheme::StructureType,
                self.structure_types,
                &mut p.concepts.structure_types,
            ),
            (
                "services",
                Scheme::Service,
                self.services,
                &mut p.concepts.services,
            ),
            (
                "publics",
                Scheme::Public,
                self.publics,
                &mut p.concepts.publics,
            ),
            (
                "specific_support",
                Scheme::SpecificSupport,
                self.specific_support,
                &mut p.concepts.specific_support,
            ),
            ("fees", Scheme::Fee, self.fees, &mut p.concepts.fees),
            (
                "programmes",
                Scheme::Programme,
                self.programmes,
                &mut p.concepts.programmes,
            ),
            ("labels", Scheme::Label, self.labels, &mut p.concepts.labels),
            (
                "access_modes",
                Scheme::AccessMode,
                self.access_modes,
                &mut p.concepts.access_modes,
            ),
            (
                "support_modes",
                Scheme::SupportMode,
                self.support_modes,
                &mut p.concepts.support_modes,
            ),
        ];
        for (field, scheme, given, target) in lists {
            if let Some(values) = given {
                *target = resolve_slugs(errors, field, scheme, &values);
            }
        }
        if let Some(o) = self.other_labels.as_deref() {
            p.other_labels = optional_text(errors, "other_labels", Some(o), 500);
        }
        if let Some(u) = self.acceslibre_url.as_deref() {
            p.acceslibre_url = match non_empty(Some(u)) {
                None => None,
                Some(raw) => errors.check("acceslibre_url", parse_web_url(&raw)),
            };
        }
        if let Some(u) = self.booking_url.as_deref() {
            p.booking_url = match non_empty(Some(u)) {
                None => None,
                Some(raw) => errors.check("booking_url", parse_web_url(&raw)),
            };
        }
        if let Some(manual) = self.manually_approves_followers {
            p.manually_approves_followers = manual;
        }
        p
    }
}

/// Why a telephone number was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "must be a French telephone number such as 01 80 05 98 80 or +33 1 80 05 98 80 (found {0:?})"
)]
pub struct PhoneError(String);

/// Normalises a French number to the E.164 form MedNum requires: `01 80 05 98 80` →
/// `+33180059880`. Numbers already in international form with a French prefix are kept.
pub fn normalize_phone(raw: &str) -> Result<String, PhoneError> {
    let compact: String = raw
        .chars()
        .filter(|c| !matches!(c, ' ' | '.' | '-' | '(' | ')'))
        .collect();
    let international = if let Some(rest) = compact.strip_prefix("00") {
        format!("+{rest}")
    } else if compact.len() == 10 && compact.starts_with('0') {
        format!("+33{}", &compact[1..])
    } else {
        compact.clone()
    };
    const PREFIXES: [&str; 10] = [
        "+33", "+590", "+594", "+262", "+596", "+269", "+687", "+689", "+508", "+681",
    ];
    let valid = PREFIXES.iter().any(|prefix| {
        international.strip_prefix(prefix).is_some_and(|rest| {
            (6..=9).contains(&rest.len()) && rest.chars().all(|c| c.is_ascii_digit())
        })
    });
    if valid {
        Ok(international)
    } else {
        Err(PhoneError(raw.to_string()))
    }
}

/// Why a web address was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("must be a web address starting with https:// or http:// (found {0:?})")]
pub struct WebUrlError(String);

/// Parses an http(s) URL.
pub fn parse_web_url(raw: &str) -> Result<Url, WebUrlError> {
    match Url::parse(raw) {
        Ok(url) if matches!(url.scheme(), "http" | "https") && url.host().is_some() => Ok(url),
        _ => Err(WebUrlError(raw.to_string())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw() -> RawPlace {
        RawPlace {
            username: Some("epn-saint-clair".into()),
            name: Some("EPN de Saint-Clair".into()),
            ..Default::default()
        }
    }

    #[test]
    fn a_minimal_place_parses() {
        let place = NewPlace::parse(raw()).expect("valid");
        assert_eq!(place.username.as_str(), "epn-saint-clair");
        assert_eq!(place.profile.name, "EPN de Saint-Clair");
        assert!(!place.profile.manually_approves_followers);
    }

    #[test]
    fn every_invalid_field_is_named() {
        let errors = NewPlace::parse(RawPlace {
            username: Some("Bad Name".into()),
            name: None,
            postal_code: Some("5110".into()),
            lat: Some(95.0),
            lon: Some(2.0),
            phone: Some("12".into()),
            website: Some("ftp://x".into()),
            summary: Some("x".repeat(281)),
            ..Default::default()
        })
        .expect_err("invalid");
        let fields: Vec<&str> = errors.errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "username",
                "name",
                "summary",
                "postal_code",
                "lat",
                "phone",
                "website"
            ]
        );
    }

    #[test]
    fn phones_become_e164() {
        assert_eq!(
            normalize_phone("01 80 05 98 80").as_deref(),
            Ok("+33180059880")
        );
        assert_eq!(
            normalize_phone("+33 1.80.05.98.80").as_deref(),
            Ok("+33180059880")
        );
        assert_eq!(
            normalize_phone("0033180059880").as_deref(),
            Ok("+33180059880")
        );
        assert_eq!(
            normalize_phone("+262 262 12 34 56").as_deref(),
            Ok("+262262123456")
        );
        assert!(normalize_phone("+1 555 0100").is_err());
    }

    #[test]
    fn broken_hours_are_refused_with_their_position() {
        let errors = NewPlace::parse(RawPlace {
            hours: Some("Mo-Fr 9h-12h".into()),
            ..raw()
        })
        .expect_err("invalid");
        assert_eq!(errors.errors[0].field, "hours");
        assert!(
            errors.errors[0].message.contains("at character"),
            "{}",
            errors.errors[0].message
        );
    }

    #[test]
    fn vocabulary_values_are_resolved_to_concepts_or_refused() {
        let place = NewPlace::parse(RawPlace {
            fees: Some(vec!["Gratuit".into(), "gratuit".into()]),
            services: Some(vec!["Aide aux démarches administratives".into()]),
            structure_types: Some(vec!["TIERS_LIEUX".into()]),
            ..raw()
        })
        .expect("valid");
        assert_eq!(place.profile.concepts.fees, ["gratuit"]);
        assert_eq!(place.profile.concepts.services.len(), 1);
        assert_eq!(place.profile.concepts.structure_types, ["tiers-lieux"]);
        let errors = NewPlace::parse(RawPlace {
            publics: Some(vec!["martiens".into()]),
            ..raw()
        })
        .expect_err("invalid");
        assert_eq!(errors.errors[0].field, "publics");
        assert!(errors.errors[0].message.contains("/vocab"));
    }

    #[test]
    fn lat_without_lon_is_refused() {
        let errors = NewPlace::parse(RawPlace {
            lat: Some(45.0),
            ..raw()
        })
        .expect_err("invalid");
        assert_eq!(errors.errors[0].field, "lon");
    }

    #[test]
    fn an_update_keeps_missing_fields_and_clears_empty_ones() {
        let current = NewPlace::parse(RawPlace {
            phone: Some("0180059880".into()),
            city: Some("Reims".into()),
            ..raw()
        })
        .expect("valid")
        .profile;
        let updated = RawPlaceUpdate {
            phone: Some(String::new()),
            summary: Some("Ateliers numériques".into()),
            ..Default::default()
        }
        .apply(current)
        .expect("valid");
        assert_eq!(updated.phone, None);
        assert_eq!(updated.address.locality.as_deref(), Some("Reims"));
        assert_eq!(updated.address.country.as_deref(), Some("FR"));
        assert_eq!(updated.summary.as_deref(), Some("Ateliers numériques"));
    }

    #[test]
    fn address_on_one_line() {
        let a = PostalAddress {
            street_address: Some("12 rue de Leclercq".into()),
            postal_code: Some("51100".into()),
            locality: Some("Reims".into()),
            country: Some("FR".into()),
        };
        assert_eq!(
            a.one_line().as_deref(),
            Some("12 rue de Leclercq, 51100 Reims")
        );
    }
}
