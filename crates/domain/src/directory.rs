//! The federated directory's rules: when two places published by different instances are the
//! same place, and the keys that let storage find the candidates quickly.
//!
//! Two entries are the **same place** when
//! 1. they carry the same pivot (the same SIRET, the same SIREN or the same RNA number); or
//! 2. they have the same normalised **address key** (postal code + street with its number); or
//! 3. they are at most [`NEARBY_METRES`] apart and their names are similar: the Jaccard index
//!    of their normalised name tokens is at least [`NAME_SIMILARITY`].
//!
//! Two different pivots of the same kind (two SIRETs, two SIRENs, two RNA numbers), or a SIRET
//! and a SIREN of another legal unit, say the opposite: those entries are never merged, even at
//! the same address (a commune's mairie and its médiathèque are two establishments of one
//! SIREN, often in one building). An address without a house number has no key (`Place de la
//! Mairie` would merge half a village).
//!
//! Merging is transitive: the entries linked by these rules form one cluster, listed once.

use crate::identity::Pivot;
use crate::opendata::slugify;
use crate::place::GeoPoint;
use crate::territory::haversine_km;
use std::collections::BTreeSet;

/// Entries closer than this, with similar names, are the same place.
pub const NEARBY_METRES: f64 = 100.0;

/// The least Jaccard index of name tokens for two nearby entries to be the same place.
pub const NAME_SIMILARITY: f64 = 0.6;

/// Words that say nothing about which place it is.
const NAME_STOP_WORDS: [&str; 20] = [
    "a", "au", "aux", "d", "de", "des", "du", "en", "et", "l", "la", "le", "les", "of", "sur",
    "sous", "the", "un", "une", "pour",
];

/// Street words and their abbreviations (La Poste's list, the common ones).
const STREET_ABBREVIATIONS: [(&str, &str); 24] = [
    ("r", "rue"),
    ("av", "avenue"),
    ("ave", "avenue"),
    ("bd", "boulevard"),
    ("bld", "boulevard"),
    ("boul", "boulevard"),
    ("pl", "place"),
    ("ch", "chemin"),
    ("chem", "chemin"),
    ("rte", "route"),
    ("imp", "impasse"),
    ("all", "allee"),
    ("sq", "square"),
    ("crs", "cours"),
    ("fg", "faubourg"),
    ("fbg", "faubourg"),
    ("qu", "quai"),
    ("pass", "passage"),
    ("st", "saint"),
    ("ste", "sainte"),
    ("res", "residence"),
    ("lot", "lotissement"),
    ("zi", "zone-industrielle"),
    ("za", "zone-activite"),
];

/// Words left out of an address key.
const ADDRESS_STOP_WORDS: [&str; 9] = ["d", "de", "des", "du", "l", "la", "le", "les", "et"];

/// The words of a name: lower-case ASCII (accents folded), `st`/`ste` spelt out, stop words
/// left out.
fn name_words(name: &str) -> impl Iterator<Item = String> {
    slugify(name)
        .split('-')
        .filter(|t| !t.is_empty() && !NAME_STOP_WORDS.contains(t))
        .map(|t| match t {
            "st" => "saint".to_string(),
            "ste" => "sainte".to_string(),
            other => other.to_string(),
        })
        .collect::<Vec<_>>()
        .into_iter()
}

/// The tokens of a name: its words (see [`name_key`]) as a set.
pub fn name_tokens(name: &str) -> BTreeSet<String> {
    name_words(name).collect()
}

/// A normalised name, for sorting and searching (`Médiathèque de St-Clair` →
/// `mediatheque saint clair`).
pub fn name_key(name: &str) -> String {
    name_words(name).collect::<Vec<_>>().join(" ")
}

/// The Jaccard index of two names' token sets (0 when either has none).
pub fn name_similarity(a: &str, b: &str) -> f64 {
    let (a, b) = (name_tokens(a), name_tokens(b));
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let common = a.intersection(&b).count();
    let all = a.union(&b).count();
    // Both counts are small; the conversion is exact.
    common as f64 / all as f64
}

/// Splits `12bis` into `12` and `bis`.
fn split_number(token: &str) -> Vec<String> {
    let digits: String = token.chars().take_while(char::is_ascii_digit).collect();
    if digits.is_empty() || digits.len() == token.len() {
        return vec![token.to_string()];
    }
    vec![digits.clone(), token[digits.len()..].to_string()]
}

/// The address key of a street and postal code: `51100 12 bis rue leclercq` for `12 bis, r. de
/// Leclercq` in 51100. None without a five-digit postal code or without a house number.
pub fn address_key(street: Option<&str>, postal_code: Option<&str>) -> Option<String> {
    let postal_code = postal_code?.trim();
    if postal_code.len() != 5 || !postal_code.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let mut tokens: Vec<String> = Vec::new();
    for token in slugify(street?).split('-').filter(|t| !t.is_empty()) {
        for part in split_number(token) {
            let expanded = STREET_ABBREVIATIONS
                .iter()
                .find(|(short, _)| *short == part)
                .map(|(_, long)| (*long).to_string())
                .unwrap_or(part);
            for word in expanded.split('-') {
                if !ADDRESS_STOP_WORDS.contains(&word) {
                    tokens.push(word.to_string());
                }
            }
        }
    }
    if !tokens.iter().any(|t| t.chars().all(|c| c.is_ascii_digit())) {
        return None;
    }
    Some(format!("{postal_code} {}", tokens.join(" ")))
}

/// What the rules compare of an entry.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// SIRET, SIREN or RNA, as published.
    pub pivot: Option<String>,
    /// [`address_key`].
    pub address_key: Option<String>,
    /// Display name.
    pub name: String,
    /// Position.
    pub point: Option<GeoPoint>,
}

/// Why two entries are the same place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Same {
    /// The same SIRET, SIREN or RNA number.
    Pivot,
    /// The same address key.
    Address,
    /// Within [`NEARBY_METRES`], with similar names.
    NearbyWithSimilarName,
}

/// What two pivots say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PivotVerdict {
    Same,
    Different,
    Unknown,
}

fn pivots(a: Option<&str>, b: Option<&str>) -> PivotVerdict {
    let (Some(a), Some(b)) = (a, b) else {
        return PivotVerdict::Unknown;
    };
    let (Ok(a), Ok(b)) = (Pivot::parse(a), Pivot::parse(b)) else {
        let (a, b) = (a.trim().to_ascii_uppercase(), b.trim().to_ascii_uppercase());
        return if a == b {
            PivotVerdict::Same
        } else {
            PivotVerdict::Unknown
        };
    };
    match (&a, &b) {
        (Pivot::Siret(x), Pivot::Siret(y))
        | (Pivot::Siren(x), Pivot::Siren(y))
        | (Pivot::Rna(x), Pivot::Rna(y)) => {
            if x == y {
                PivotVerdict::Same
            } else {
                PivotVerdict::Different
            }
        }
        // A SIRET and a SIREN: of the same legal unit tells nothing (one of its
        // establishments, or another); of another legal unit, different places.
        (Pivot::Siret(_), Pivot::Siren(_)) | (Pivot::Siren(_), Pivot::Siret(_)) => {
            if a.siren() == b.siren() {
                PivotVerdict::Unknown
            } else {
                PivotVerdict::Different
            }
        }
        // An association has an RNA number and may have a SIREN too.
        _ => PivotVerdict::Unknown,
    }
}

/// Whether two entries are the same place, and why (see the module's rules).
pub fn same_place(a: &Candidate, b: &Candidate) -> Option<Same> {
    match pivots(a.pivot.as_deref(), b.pivot.as_deref()) {
        PivotVerdict::Same => return Some(Same::Pivot),
        PivotVerdict::Different => return None,
        PivotVerdict::Unknown => {}
    }
    if let (Some(x), Some(y)) = (&a.address_key, &b.address_key)
        && x == y
    {
        return Some(Same::Address);
    }
    if let (Some(p), Some(q)) = (a.point, b.point)
        && haversine_km(p, q) * 1000.0 <= NEARBY_METRES
        && name_similarity(&a.name, &b.name) >= NAME_SIMILARITY
    {
        return Some(Same::NearbyWithSimilarName);
    }
    None
}

/// Groups entries into clusters (connected components of [`same_place`]): the result gives,
/// for each entry, the index of the first entry of its cluster.
pub fn clusters(entries: &[Candidate]) -> Vec<usize> {
    let mut parent: Vec<usize> = (0..entries.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    for i in 0..entries.len() {
        for j in (i + 1)..entries.len() {
            if same_place(&entries[i], &entries[j]).is_some() {
                let (ri, rj) = (root(&mut parent, i), root(&mut parent, j));
                if ri != rj {
                    let (low, high) = if ri < rj { (ri, rj) } else { (rj, ri) };
                    parent[high] = low;
                }
            }
        }
    }
    (0..entries.len()).map(|i| root(&mut parent, i)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(
        pivot: Option<&str>,
        street: Option<&str>,
        name: &str,
        point: Option<(f64, f64)>,
    ) -> Candidate {
        Candidate {
            pivot: pivot.map(str::to_string),
            address_key: address_key(street, Some("51100")),
            name: name.to_string(),
            point: point.map(|(latitude, longitude)| GeoPoint {
                latitude,
                longitude,
            }),
        }
    }

    /// About 0.0009° of latitude per 100 m.
    const REIMS: (f64, f64) = (49.2583, 4.0317);
    fn north_of_reims(metres: f64) -> Option<(f64, f64)> {
        Some((REIMS.0 + metres / 111_195.0, REIMS.1))
    }

    #[test]
    fn names_are_folded_into_tokens() {
        assert_eq!(
            name_key("Médiathèque de Saint-Clair"),
            "mediatheque saint clair"
        );
        assert_eq!(
            name_tokens("L'Œuvre — Tiers-lieu"),
            ["oeuvre", "tiers", "lieu"]
                .iter()
                .map(|s| s.to_string())
                .collect()
        );
        assert_eq!(
            name_similarity("Médiathèque Saint-Clair", "MEDIATHEQUE DE ST CLAIR"),
            1.0
        );
        assert!(
            (name_similarity("Médiathèque Saint-Clair", "Médiathèque Saint-Rémi") - 0.5).abs()
                < 1e-9
        );
        assert_eq!(name_similarity("EPN", "***"), 0.0);
    }

    #[test]
    fn address_keys_expand_abbreviations_and_need_a_number() {
        let a = address_key(Some("12 bis rue de Leclercq"), Some("51100"));
        assert_eq!(a.as_deref(), Some("51100 12 bis rue leclercq"));
        assert_eq!(address_key(Some("12bis, R. Leclercq"), Some("51100")), a);
        assert_eq!(
            address_key(Some("3 bd de la Paix"), Some("51100")).as_deref(),
            Some("51100 3 boulevard paix")
        );
        assert_eq!(address_key(Some("Place de la Mairie"), Some("51100")), None);
        assert_eq!(address_key(Some("12 rue Leclercq"), None), None);
        assert_eq!(address_key(Some("12 rue Leclercq"), Some("5110")), None);
        assert_ne!(
            address_key(Some("12 rue Leclercq"), Some("51100")),
            address_key(Some("14 rue Leclercq"), Some("51100"))
        );
    }

    #[test]
    fn the_same_siret_is_the_same_place_wherever_it_is() {
        let a = entry(
            Some("43493312300029"),
            None,
            "EPN de Saint-Clair",
            Some(REIMS),
        );
        let b = entry(Some("434 933 123 00029"), None, "Espace numérique", None);
        assert_eq!(same_place(&a, &b), Some(Same::Pivot));
        let rna_a = entry(Some("W751234567"), None, "Asso", None);
        let rna_b = entry(Some("w751234567"), None, "Association", None);
        assert_eq!(same_place(&rna_a, &rna_b), Some(Same::Pivot));
    }

    #[test]
    fn the_same_address_is_the_same_place() {
        let a = entry(
            None,
            Some("12 bis rue de Leclercq"),
            "La Quincaillerie",
            None,
        );
        let b = entry(
            Some("43493312300029"),
            Some("12 BIS R. LECLERCQ"),
            "Quincaillerie numérique",
            None,
        );
        assert_eq!(same_place(&a, &b), Some(Same::Address));
    }

    #[test]
    fn nearby_places_with_similar_names_are_the_same_place() {
        let a = entry(None, None, "Médiathèque de Saint-Clair", Some(REIMS));
        let b = entry(None, None, "Mediatheque Saint Clair", north_of_reims(80.0));
        assert_eq!(same_place(&a, &b), Some(Same::NearbyWithSimilarName));
        // Two of three tokens in common is 0.67.
        let c = entry(
            None,
            None,
            "Médiathèque Saint-Clair Reims",
            north_of_reims(60.0),
        );
        assert!(name_similarity(&a.name, &c.name) >= NAME_SIMILARITY);
        assert_eq!(same_place(&a, &c), Some(Same::NearbyWithSimilarName));
    }

    #[test]
    fn near_misses_are_not_merged() {
        let a = entry(None, None, "Médiathèque de Saint-Clair", Some(REIMS));
        // The same name 150 m away.
        let far = entry(
            None,
            None,
            "Médiathèque de Saint-Clair",
            north_of_reims(150.0),
        );
        assert_eq!(same_place(&a, &far), None);
        // Next door, another name.
        let other = entry(
            None,
            None,
            "France Services Reims Centre",
            north_of_reims(30.0),
        );
        assert_eq!(same_place(&a, &other), None);
        // Next door, one word in common out of four (0.25 < 0.6).
        let half = entry(
            None,
            None,
            "Ludothèque de Saint-Clair",
            north_of_reims(20.0),
        );
        assert!(name_similarity(&a.name, &half.name) < NAME_SIMILARITY);
        assert_eq!(same_place(&a, &half), None);
        // No coordinates: a similar name alone is not enough.
        let blind = entry(None, None, "Médiathèque de Saint-Clair", None);
        assert_eq!(same_place(&blind, &a), None);
        // The same building, two establishments of one SIREN: two places.
        let mairie = entry(
            Some("21510454600019"),
            Some("9 place de l'Hôtel de Ville"),
            "Mairie",
            Some(REIMS),
        );
        let media = entry(
            Some("21510454600027"),
            Some("9 pl. de l'Hôtel de Ville"),
            "Médiathèque",
            Some(REIMS),
        );
        assert_eq!(mairie.address_key, media.address_key);
        assert_eq!(same_place(&mairie, &media), None);
        // Different SIRETs veto even a similar name next door.
        let a2 = entry(
            Some("43493312300029"),
            None,
            "Médiathèque de Saint-Clair",
            Some(REIMS),
        );
        let b2 = entry(
            Some("21510454600019"),
            None,
            "Médiathèque de Saint-Clair",
            north_of_reims(10.0),
        );
        assert_eq!(same_place(&a2, &b2), None);
        // The same street number on another street, or in another postal code.
        let x = entry(None, Some("12 rue Leclercq"), "A", None);
        let y = entry(None, Some("12 rue Lecocq"), "A", None);
        assert_eq!(same_place(&x, &y), None);
        let z = Candidate {
            address_key: address_key(Some("12 rue Leclercq"), Some("51200")),
            ..x.clone()
        };
        assert_eq!(same_place(&x, &z), None);
    }

    #[test]
    fn a_siret_and_a_siren_of_the_same_unit_decide_nothing() {
        let siret = entry(Some("43493312300029"), None, "EPN", Some(REIMS));
        let siren = entry(Some("434933123"), None, "EPN", north_of_reims(10.0));
        // Not the pivot, but the nearby-name rule applies.
        assert_eq!(
            same_place(&siret, &siren),
            Some(Same::NearbyWithSimilarName)
        );
        let other_unit = entry(Some("552100554"), None, "EPN", north_of_reims(10.0));
        assert_eq!(same_place(&siret, &other_unit), None);
    }

    #[test]
    fn clusters_are_transitive() {
        let entries = [
            entry(Some("43493312300029"), None, "A", None),
            entry(None, Some("12 rue Leclercq"), "B", None),
            entry(Some("43493312300029"), Some("12 r. Leclercq"), "C", None),
            entry(None, None, "D", Some(REIMS)),
        ];
        assert_eq!(clusters(&entries), [0, 0, 0, 3]);
        assert!(clusters(&[]).is_empty());
    }
}
