//! data.inclusion v1 (`reference/data-inclusion/v1/`): places become `structure`s, their
//! services (`Page`s) become `service`s, their concepts the v1 enumerations.
//!
//! Each file is one JSON array of objects, as data.inclusion's API and its published datasets
//! list them; every key of the schema is present, `null` when unknown.

use super::{
    Export, Fallback, PlaceRecord, Producer, ServiceRecord, Skipped, codes, concepts, truncate,
};
use crate::identity::Pivot;
use crate::vocab::{CodeList, Scheme};
use serde::Serialize;

/// The schema's bounds on `nom`.
const NAME_MIN: usize = 3;
const NAME_MAX: usize = 150;
/// The schema's bounds on `description`.
const DESCRIPTION_MIN: usize = 5;
const DESCRIPTION_MAX: usize = 10_000;

/// A `structure` (data.inclusion v1).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Structure {
    pub source: String,
    pub id: String,
    pub nom: String,
    pub date_maj: String,
    pub siret: Option<String>,
    pub commune: Option<String>,
    pub code_postal: Option<String>,
    pub code_insee: Option<String>,
    pub adresse: Option<String>,
    pub complement_adresse: Option<String>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub telephone: Option<String>,
    pub courriel: Option<String>,
    pub site_web: Option<String>,
    pub description: Option<String>,
    pub lien_source: Option<String>,
    pub horaires_accueil: Option<String>,
    pub accessibilite_lieu: Option<String>,
    pub reseaux_porteurs: Option<Vec<&'static str>>,
}

/// A `service` (data.inclusion v1).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Service {
    pub source: String,
    pub id: String,
    pub structure_id: String,
    pub nom: String,
    pub description: String,
    pub date_maj: String,
    pub lien_source: Option<String>,
    #[serde(rename = "type")]
    pub kind: Option<&'static str>,
    pub thematiques: Option<Vec<&'static str>>,
    pub frais: Option<&'static str>,
    pub frais_precisions: Option<String>,
    pub publics: Option<Vec<&'static str>>,
    pub publics_precisions: Option<String>,
    pub conditions_acces: Option<String>,
    pub commune: Option<String>,
    pub code_postal: Option<String>,
    pub code_insee: Option<String>,
    pub adresse: Option<String>,
    pub complement_adresse: Option<String>,
    pub longitude: Option<f64>,
    pub latitude: Option<f64>,
    pub telephone: Option<String>,
    pub courriel: Option<String>,
    pub contact_nom_prenom: Option<String>,
    pub modes_accueil: Option<Vec<&'static str>>,
    pub zone_eligibilite: Option<Vec<String>>,
    pub lien_mobilisation: Option<String>,
    pub modes_mobilisation: Option<Vec<&'static str>>,
    pub mobilisable_par: Option<Vec<&'static str>>,
    pub mobilisation_precisions: Option<String>,
    pub horaires_accueil: Option<String>,
    pub volume_horaire_hebdomadaire: Option<f64>,
    pub nombre_semaines: Option<u32>,
}

/// What a place exports: its structure and its services.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Catalogue {
    /// The structures file.
    pub structures: Export<Structure>,
    /// The services file.
    pub services: Export<Service>,
}

fn non_empty<T>(values: Vec<T>) -> Option<Vec<T>> {
    (!values.is_empty()).then_some(values)
}

/// A `nom` within the schema's bounds ("3 to 150 characters, not ending with a full stop"),
/// or `None` when too short.
fn name(raw: &str) -> Option<String> {
    let trimmed = raw.trim().trim_end_matches('.').trim_end();
    (trimmed.chars().count() >= NAME_MIN).then(|| truncate(trimmed, NAME_MAX))
}

fn description(raw: Option<&str>) -> Option<String> {
    raw.map(str::trim)
        .filter(|d| d.chars().count() >= DESCRIPTION_MIN)
        .map(|d| truncate(d, DESCRIPTION_MAX))
}

fn structure_id(producer: &Producer, place: &PlaceRecord) -> String {
    format!("{}--{}", producer.slug, place.username)
}

fn structure(
    place: &PlaceRecord,
    producer: &Producer,
    warnings: &mut Vec<String>,
) -> Result<Structure, String> {
    let p = &place.profile;
    let nom = name(&p.name).ok_or_else(|| {
        format!(
            "its name {:?} is shorter than the {NAME_MIN} characters data.inclusion requires",
            p.name
        )
    })?;
    let c = &p.concepts;
    let networks_from = concepts(Scheme::Programme, &c.programmes)
        .into_iter()
        .chain(concepts(Scheme::Label, &c.labels))
        .chain(concepts(Scheme::StructureType, &c.structure_types))
        .flat_map(|concept| concept.close_concepts())
        .filter(|close| close.scheme == Scheme::Network);
    let (networks, _) = codes(
        networks_from,
        CodeList::DiReseauxPorteurs,
        Fallback::Broader,
    );
    if p.emails.len() > 1 {
        warnings.push(format!(
            "{}: only the first e-mail is exported (data.inclusion has one `courriel`)",
            place.url
        ));
    }
    Ok(Structure {
        source: producer.slug.clone(),
        id: structure_id(producer, place),
        nom,
        date_maj: place.updated.format("%Y-%m-%d").to_string(),
        siret: match &p.pivot {
            Some(Pivot::Siret(siret)) => Some(siret.clone()),
            _ => None,
        },
        commune: p.address.locality.clone(),
        code_postal: p.address.postal_code.clone(),
        code_insee: p.insee_code.clone(),
        adresse: p.address.street_address.clone(),
        complement_adresse: p.address_complement.clone(),
        latitude: p.geo.map(|g| g.latitude),
        longitude: p.geo.map(|g| g.longitude),
        telephone: p.phone.clone(),
        courriel: p.emails.first().cloned(),
        site_web: p.website.as_ref().map(ToString::to_string),
        description: description(p.description.as_deref().or(p.summary.as_deref())),
        lien_source: Some(place.url.to_string()),
        horaires_accueil: p.opening_hours.clone(),
        accessibilite_lieu: p.acceslibre_url.as_ref().map(ToString::to_string),
        reseaux_porteurs: non_empty(networks),
    })
}

fn service(
    place: &PlaceRecord,
    s: &ServiceRecord,
    producer: &Producer,
    warnings: &mut Vec<String>,
) -> Result<Service, String> {
    let p = &place.profile;
    let nom = name(&s.name).ok_or_else(|| {
        format!(
            "its name {:?} is shorter than the {NAME_MIN} characters data.inclusion requires",
            s.name
        )
    })?;
    let description = description(s.description.as_deref())
        .or_else(|| description(s.summary.as_deref()))
        .ok_or_else(|| {
            format!(
                "it has no description of at least {DESCRIPTION_MIN} characters, which data.inclusion requires"
            )
        })?;
    let c = &s.concepts;
    let who = s.url.as_str();
    let mut left_out = |field: &str, list: Vec<&crate::vocab::Concept>| {
        for concept in list {
            warnings.push(format!(
                "{who}: {field}: «{}» has no data.inclusion value and was left out",
                concept.label_fr
            ));
        }
    };
    let (thematiques, missing) = codes(
        concepts(Scheme::Service, &c.services),
        CodeList::DiThematiques,
        Fallback::Close,
    );
    left_out("thematiques", missing);
    let (publics, missing_publics) = codes(
        concepts(Scheme::Public, &c.publics),
        CodeList::DiPublics,
        Fallback::Broader,
    );
    let (fees, missing_fees) = codes(
        concepts(Scheme::Fee, &c.fees),
        CodeList::DiFrais,
        Fallback::Broader,
    );
    let access = concepts(Scheme::AccessMode, &c.access_modes);
    let (modes_mobilisation, _) = codes(
        access.iter().copied(),
        CodeList::DiModesMobilisation,
        Fallback::Broader,
    );
    let (mobilisable_par, _) = codes(
        access.iter().copied(),
        CodeList::DiPersonnesMobilisatrices,
        Fallback::Broader,
    );
    let unmapped_access: Vec<_> = access
        .iter()
        .copied()
        .filter(|a| {
            a.code(CodeList::DiModesMobilisation).is_none()
                && a.code(CodeList::DiPersonnesMobilisatrices).is_none()
        })
        .collect();
    left_out("modes_mobilisation", unmapped_access);
    let (modes_accueil, missing_modes) = codes(
        concepts(Scheme::SupportMode, &c.support_modes),
        CodeList::DiModesAccueil,
        Fallback::Broader,
    );
    left_out("modes_accueil", missing_modes);
    // `frais` holds one value: both "gratuit" and "payant" (free for some) say nothing alone.
    let frais = match fees.as_slice() {
        [one] => Some(*one),
        _ => None,
    };
    let mut price_words: Vec<String> = s.price.iter().cloned().collect();
    if frais.is_none() {
        price_words.extend(
            concepts(Scheme::Fee, &c.fees)
                .iter()
                .map(|f| f.label_fr.to_string()),
        );
    } else {
        price_words.extend(missing_fees.iter().map(|f| f.label_fr.to_string()));
    }
    let publics_words: Vec<&str> = missing_publics.iter().map(|c| c.label_fr).collect();
    Ok(Service {
        source: producer.slug.clone(),
        id: format!("{}--{}", producer.slug, s.key),
        structure_id: structure_id(producer, place),
        nom,
        description,
        date_maj: s.updated.format("%Y-%m-%d").to_string(),
        lien_source: Some(s.url.to_string()),
        kind: None,
        thematiques: non_empty(thematiques),
        frais,
        frais_precisions: non_empty(price_words).map(|w| w.join(" ; ")),
        publics: non_empty(publics),
        publics_precisions: non_empty(publics_words).map(|w| w.join(" ; ")),
        conditions_acces: None,
        commune: p.address.locality.clone(),
        code_postal: p.address.postal_code.clone(),
        code_insee: p.insee_code.clone(),
        adresse: p.address.street_address.clone(),
        complement_adresse: p.address_complement.clone(),
        longitude: p.geo.map(|g| g.longitude),
        latitude: p.geo.map(|g| g.latitude),
        telephone: p.phone.clone(),
        courriel: p.emails.first().cloned(),
        contact_nom_prenom: None,
        modes_accueil: non_empty(modes_accueil),
        zone_eligibilite: None,
        lien_mobilisation: s
            .booking_url
            .as_ref()
            .or(p.booking_url.as_ref())
            .map(ToString::to_string),
        modes_mobilisation: non_empty(modes_mobilisation),
        mobilisable_par: non_empty(mobilisable_par),
        mobilisation_precisions: None,
        horaires_accueil: s.opening_hours.clone().or(p.opening_hours.clone()),
        volume_horaire_hebdomadaire: None,
        nombre_semaines: None,
    })
}

/// Every place as a structure and every service of theirs as a service. A place whose
/// structure cannot be exported takes its services with it.
pub fn export(places: &[PlaceRecord], producer: &Producer) -> Catalogue {
    let mut out = Catalogue::default();
    for place in places {
        match structure(place, producer, &mut out.structures.warnings) {
            Ok(s) => out.structures.items.push(s),
            Err(reason) => {
                for s in &place.services {
                    out.services.skipped.push(Skipped {
                        id: s.url.to_string(),
                        reason: "its place is not exported".to_string(),
                    });
                }
                out.structures.skipped.push(Skipped {
                    id: place.url.to_string(),
                    reason,
                });
                continue;
            }
        }
        for s in &place.services {
            match service(place, s, producer, &mut out.services.warnings) {
                Ok(item) => out.services.items.push(item),
                Err(reason) => out.services.skipped.push(Skipped {
                    id: s.url.to_string(),
                    reason,
                }),
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::service::ServiceConcepts;
    use crate::{NewPlace, RawPlace};
    use chrono::NaiveDate;
    use url::Url;

    fn place() -> PlaceRecord {
        let profile = NewPlace::parse(RawPlace {
            username: Some("epn".into()),
            name: Some("EPN de Saint-Clair.".into()),
            description: Some("Un espace public numérique ouvert à tous.".into()),
            city: Some("Reims".into()),
            postal_code: Some("51100".into()),
            pivot: Some("43493312300029".into()),
            emails: Some(vec!["a@epn.fr".into(), "b@epn.fr".into()]),
            programmes: Some(vec!["conseillers-numeriques".into()]),
            structure_types: Some(vec!["epn".into()]),
            ..Default::default()
        })
        .expect("place")
        .profile;
        PlaceRecord {
            username: "epn".into(),
            url: Url::parse("https://lieux.example/places/epn").expect("url"),
            profile,
            updated: NaiveDate::from_ymd_opt(2026, 1, 2).expect("date"),
            source: None,
            services: vec![ServiceRecord {
                key: "0193abc".into(),
                url: Url::parse("https://lieux.example/objects/0193abc").expect("url"),
                name: "Aide aux démarches administratives".into(),
                description: None,
                summary: Some("Aide aux démarches administratives — EPN — gratuit".into()),
                concepts: ServiceConcepts {
                    services: vec!["aide-demarches-administratives".into()],
                    publics: vec!["seniors".into(), "tous-publics".into()],
                    fees: vec!["gratuit".into()],
                    access_modes: vec![
                        "telephoner".into(),
                        "mobilisable-par-usagers".into(),
                        "prendre-rdv-en-ligne".into(),
                    ],
                    support_modes: vec!["a-distance".into(), "accompagnement-individuel".into()],
                },
                opening_hours: Some("Mo 09:00-12:00".into()),
                booking_url: None,
                price: None,
                updated: NaiveDate::from_ymd_opt(2026, 1, 3).expect("date"),
            }],
        }
    }

    fn producer() -> Producer {
        Producer::for_instance(&Url::parse("https://lieux.example").expect("url"))
    }

    #[test]
    fn a_place_becomes_a_structure() {
        let out = export(&[place()], &producer());
        let s = &out.structures.items[0];
        assert_eq!(s.id, "galaxie-lieux-example--epn");
        assert_eq!(s.source, "galaxie-lieux-example");
        assert_eq!(s.nom, "EPN de Saint-Clair");
        assert_eq!(s.siret.as_deref(), Some("43493312300029"));
        assert_eq!(s.courriel.as_deref(), Some("a@epn.fr"));
        assert_eq!(
            s.reseaux_porteurs.as_deref(),
            Some(&["conseillers-numeriques", "espaces-publics-numeriques"][..])
        );
        assert_eq!(s.date_maj, "2026-01-02");
        let json = serde_json::to_value(s).expect("json");
        assert!(json["code_insee"].is_null());
        assert!(out.structures.warnings[0].contains("first e-mail"));
    }

    #[test]
    fn a_page_becomes_a_service_with_the_v1_values() {
        let out = export(&[place()], &producer());
        let s = &out.services.items[0];
        assert_eq!(s.id, "galaxie-lieux-example--0193abc");
        assert_eq!(s.structure_id, "galaxie-lieux-example--epn");
        assert_eq!(
            s.description,
            "Aide aux démarches administratives — EPN — gratuit"
        );
        assert_eq!(s.thematiques.as_ref().map(Vec::len), Some(2));
        assert_eq!(s.frais, Some("gratuit"));
        assert_eq!(s.publics.as_deref(), Some(&["seniors", "tous-publics"][..]));
        assert_eq!(s.modes_mobilisation.as_deref(), Some(&["telephoner"][..]));
        assert_eq!(s.mobilisable_par.as_deref(), Some(&["usagers"][..]));
        assert_eq!(s.modes_accueil.as_deref(), Some(&["a-distance"][..]));
        assert_eq!(s.horaires_accueil.as_deref(), Some("Mo 09:00-12:00"));
        let json = serde_json::to_value(s).expect("json");
        assert!(json["type"].is_null());
        assert!(
            out.services
                .warnings
                .iter()
                .any(|w| w.contains("Prendre rendez-vous en ligne")),
            "{:?}",
            out.services.warnings
        );
    }

    #[test]
    fn a_place_with_a_too_short_name_is_skipped_with_its_services() {
        let mut p = place();
        p.profile.name = "Lo".into();
        let out = export(&[p], &producer());
        assert!(out.structures.items.is_empty());
        assert!(out.services.items.is_empty());
        assert!(out.structures.skipped[0].reason.contains("3 characters"));
        assert_eq!(out.services.skipped.len(), 1);
    }
}
