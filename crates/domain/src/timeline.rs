//! The vocabulary side of the timeline and directory filters: which concepts an object or a
//! place carries, as `scheme/slug` paths (what storage indexes), and what a `concept=`,
//! `public=`, `fee=` or `label=` parameter asks for.
//!
//! A filter on a concept also matches its narrower concepts: `concept=service/numerique`
//! finds what is tagged with any of its sub-services.

use crate::place::Concepts;
use crate::vocab::{self, Concept, Scheme};
use std::collections::BTreeSet;

/// The keys of an object's stored concepts (a JSON object of slug lists), with their schemes.
pub const OBJECT_CONCEPT_KEYS: [(&str, Scheme); 6] = [
    ("services", Scheme::Service),
    ("publics", Scheme::Public),
    ("fees", Scheme::Fee),
    ("access_modes", Scheme::AccessMode),
    ("support_modes", Scheme::SupportMode),
    ("heritage_kinds", Scheme::Heritage),
];

/// `scheme/slug`, the form storage indexes (`fee/gratuit`).
pub fn path(concept: &Concept) -> String {
    format!("{}/{}", concept.scheme.slug(), concept.slug)
}

/// The concepts of an object: its stored concepts (JSON object of slug lists under
/// [`OBJECT_CONCEPT_KEYS`]) and, for an event, its FEP-8a8e category. Each path once, sorted.
pub fn object_concept_paths(concepts_json: Option<&str>, category: Option<&str>) -> Vec<String> {
    let mut paths = BTreeSet::new();
    let stored: std::collections::BTreeMap<String, Vec<String>> = concepts_json
        .and_then(|j| serde_json::from_str(j).ok())
        .unwrap_or_default();
    for (key, scheme) in OBJECT_CONCEPT_KEYS {
        for slug in stored.get(key).into_iter().flatten() {
            if let Some(c) = vocab::by_slug(scheme, slug) {
                paths.insert(path(c));
            }
        }
    }
    if let Some(c) = category.and_then(|c| vocab::from_fep_8a8e(&c.trim().to_ascii_uppercase())) {
        paths.insert(path(c));
    }
    paths.into_iter().collect()
}

/// The concepts of a place profile, every scheme, and its legal form. Each path once, sorted.
pub fn place_concept_paths(c: &Concepts, legal_form: Option<&str>) -> Vec<String> {
    let lists: [(Scheme, &Vec<String>); 9] = [
        (Scheme::StructureType, &c.structure_types),
        (Scheme::Service, &c.services),
        (Scheme::Public, &c.publics),
        (Scheme::SpecificSupport, &c.specific_support),
        (Scheme::Fee, &c.fees),
        (Scheme::Programme, &c.programmes),
        (Scheme::Label, &c.labels),
        (Scheme::AccessMode, &c.access_modes),
        (Scheme::SupportMode, &c.support_modes),
    ];
    let mut paths = BTreeSet::new();
    for (scheme, slugs) in lists {
        for slug in slugs {
            if let Some(concept) = vocab::by_slug(scheme, slug) {
                paths.insert(path(concept));
            }
        }
    }
    if let Some(concept) = legal_form.and_then(|f| vocab::by_slug(Scheme::LegalForm, f)) {
        paths.insert(path(concept));
    }
    paths.into_iter().collect()
}

/// Slugs of `scheme` from concept IRIs as they arrive on the wire; IRIs of other schemes and
/// unknown ones are left out.
pub fn slugs_from_iris(scheme: Scheme, iris: &[String]) -> Vec<String> {
    let mut slugs: Vec<String> = Vec::new();
    for iri in iris {
        if let Some(c) = vocab::by_iri(iri.trim()).filter(|c| c.scheme == scheme)
            && !slugs.iter().any(|s| s == c.slug)
        {
            slugs.push(c.slug.to_string());
        }
    }
    slugs
}

/// Opening hours read in the time zone of their département (overseas places keep their own
/// time); `None` when they cannot be read.
pub fn opening_hours_in(
    hours: &str,
    departement: Option<&str>,
) -> Option<crate::hours::OpeningHours> {
    crate::hours::OpeningHours::parse_in(hours, crate::territory::time_zone(departement)).ok()
}

/// What a concept parameter asks for: the concept and its narrower ones.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConceptFilter {
    /// The concept named.
    pub concept: &'static Concept,
    /// Its path and its narrower concepts' paths: any of them matches.
    pub paths: Vec<String>,
}

impl ConceptFilter {
    fn of(concept: &'static Concept) -> ConceptFilter {
        let mut paths = vec![path(concept)];
        let mut queue = vec![concept];
        while let Some(c) = queue.pop() {
            for child in c.children() {
                let p = path(child);
                if !paths.contains(&p) {
                    paths.push(p);
                    queue.push(child);
                }
            }
        }
        ConceptFilter { concept, paths }
    }
}

/// Why a concept parameter was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConceptFilterError {
    /// No concept has this name.
    #[error(
        "{given:?} is not a concept of the vocabulary{}; the concepts are listed at /vocab",
        scheme.map(|s| format!(" ({})", s.slug())).unwrap_or_default()
    )]
    Unknown {
        /// The value given.
        given: String,
        /// The scheme looked in, for `public`, `fee` and `label`.
        scheme: Option<Scheme>,
    },
    /// A slug that names concepts in several schemes.
    #[error("{given:?} names several concepts: give one of {}", candidates.join(", "))]
    Ambiguous {
        /// The value given.
        given: String,
        /// Their `scheme/slug` paths.
        candidates: Vec<String>,
    },
}

/// Resolves a `concept=` value in any scheme: an IRI, a `scheme/slug` path, or what
/// [`vocab::resolve`] reads (a slug, a MedNum or data.inclusion value). A slug found in several
/// schemes is ambiguous.
pub fn resolve_any(given: &str) -> Result<ConceptFilter, ConceptFilterError> {
    let trimmed = given.trim();
    if let Some(c) = vocab::by_iri(trimmed).or_else(|| vocab::by_path(trimmed)) {
        return Ok(ConceptFilter::of(c));
    }
    let mut found: Vec<&'static Concept> = Vec::new();
    for scheme in Scheme::ALL {
        if let Some(c) = vocab::resolve(scheme, trimmed)
            && !found.iter().any(|f| std::ptr::eq(*f, c))
        {
            found.push(c);
        }
    }
    match found.as_slice() {
        [] => Err(ConceptFilterError::Unknown {
            given: given.to_string(),
            scheme: None,
        }),
        [one] => Ok(ConceptFilter::of(one)),
        many => Err(ConceptFilterError::Ambiguous {
            given: given.to_string(),
            candidates: many.iter().map(|c| path(c)).collect(),
        }),
    }
}

/// Resolves a value of one scheme (`public=seniors`, `fee=Gratuit`, `label=…`) with
/// [`vocab::resolve`].
pub fn resolve_in(scheme: Scheme, given: &str) -> Result<ConceptFilter, ConceptFilterError> {
    vocab::resolve(scheme, given)
        .map(ConceptFilter::of)
        .ok_or_else(|| ConceptFilterError::Unknown {
            given: given.to_string(),
            scheme: Some(scheme),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_objects_concepts_are_its_tags_and_its_category() {
        let json = r#"{"services":["aide-demarches-administratives"],"fees":["gratuit"],"publics":[],"unknown":["x"],"access_modes":["nope"]}"#;
        assert_eq!(
            object_concept_paths(Some(json), Some("workshops_skill_sharing")),
            [
                "event-category/workshops-skill-sharing",
                "fee/gratuit",
                "service/aide-demarches-administratives"
            ]
        );
        assert!(object_concept_paths(None, None).is_empty());
        assert!(object_concept_paths(Some("not json"), Some("NOT_A_CATEGORY")).is_empty());
    }

    #[test]
    fn a_places_concepts_cover_every_scheme() {
        let c = Concepts {
            labels: vec!["fabriques-de-territoire".into()],
            fees: vec!["gratuit".into()],
            structure_types: vec!["tiers-lieux".into()],
            ..Default::default()
        };
        assert_eq!(
            place_concept_paths(&c, Some("association")),
            [
                "fee/gratuit",
                "label/fabriques-de-territoire",
                "legal-form/association",
                "structure-type/tiers-lieux"
            ]
        );
    }

    #[test]
    fn hours_are_read_in_the_time_zone_of_their_departement() {
        // 10:00 UTC in January: 11:00 in Reims, 14:00 in Saint-Denis de La Réunion.
        let at = chrono::DateTime::parse_from_rfc3339("2027-01-12T10:00:00Z")
            .expect("date")
            .with_timezone(&chrono::Utc);
        let reims = opening_hours_in("Mo-Fr 09:00-12:00", Some("51")).expect("hours");
        let reunion = opening_hours_in("Mo-Fr 09:00-12:00", Some("974")).expect("hours");
        assert!(reims.is_open(at));
        assert!(!reunion.is_open(at));
        assert!(opening_hours_in("9h-12h", None).is_none());
    }

    #[test]
    fn iris_become_slugs_of_their_scheme() {
        let iris = vec![
            "https://galaxie.tiers-lieux.fr/ns#fee/gratuit".to_string(),
            "gx:fee/payant".to_string(),
            "https://galaxie.tiers-lieux.fr/ns#public/seniors".to_string(),
            "https://example.org/other".to_string(),
            "https://galaxie.tiers-lieux.fr/ns#fee/gratuit".to_string(),
        ];
        assert_eq!(slugs_from_iris(Scheme::Fee, &iris), ["gratuit", "payant"]);
    }

    #[test]
    fn concept_parameters_resolve_with_their_narrower_concepts() {
        let f = resolve_any("https://galaxie.tiers-lieux.fr/ns#fee/gratuit").expect("iri");
        assert_eq!(f.paths[0], "fee/gratuit");
        let f = resolve_any("fee/payant").expect("path");
        assert!(
            f.paths.contains(&"fee/adhesion".to_string()),
            "{:?}",
            f.paths
        );
        let f = resolve_any("aide-demarches-administratives").expect("slug");
        assert_eq!(f.concept.scheme, Scheme::Service);
        let f = resolve_in(Scheme::Fee, "Gratuit").expect("MedNum value");
        assert_eq!(f.concept.slug, "gratuit");
        let f = resolve_in(Scheme::Public, "seniors").expect("public");
        assert_eq!(f.paths, ["public/seniors"]);
    }

    #[test]
    fn unknown_concepts_are_refused_with_a_pointer_to_the_vocabulary() {
        let e = resolve_any("martiens").expect_err("unknown");
        assert!(e.to_string().contains("/vocab"), "{e}");
        let e = resolve_in(Scheme::Fee, "seniors").expect_err("not a fee");
        assert!(e.to_string().contains("(fee)"), "{e}");
    }

    #[test]
    fn a_slug_of_several_schemes_must_be_told_apart() {
        let e = resolve_any("conseillers-numeriques").expect_err("ambiguous");
        let ConceptFilterError::Ambiguous { candidates, .. } = &e else {
            panic!("{e:?}");
        };
        assert!(candidates.contains(&"programme/conseillers-numeriques".to_string()));
        assert!(candidates.contains(&"network/conseillers-numeriques".to_string()));
        let f = resolve_any("programme/conseillers-numeriques").expect("path");
        assert_eq!(f.concept.scheme, Scheme::Programme);
    }
}
