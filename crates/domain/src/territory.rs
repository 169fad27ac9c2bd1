//! French territory: the département of a postal code or an INSEE commune code, the région of
//! a département (INSEE's codes and French names, complete static tables), and the geometry the
//! filters need (great-circle distance, bounding boxes).
//!
//! - A **département** code is two characters (`01`…`95`, with `2A` and `2B` for Corsica) or,
//!   overseas, three digits (`971` Guadeloupe … `976` Mayotte): 101 in all.
//! - A **région** code is INSEE's: `11`, `24`, `27`, `28`, `32`, `44`, `52`, `53`, `75`, `76`,
//!   `84`, `93`, `94` in metropolitan France, `01`–`04` and `06` overseas (each overseas
//!   département is also a région).
//! - An INSEE commune code is authoritative: its first two characters (three overseas) are the
//!   département. A postal code says the same in almost every case, except Corsica, where the
//!   postal codes start with `20` for both départements (`200xx`/`201xx` → `2A`, `202xx`/`206xx`
//!   → `2B`), and the overseas collectivités that are not départements (Saint-Barthélemy
//!   `97133`, Saint-Martin `97150`, Saint-Pierre-et-Miquelon `975xx`, Monaco and the Pacific
//!   `98xxx`), which have none.
//!
//! Sources: INSEE, *Code officiel géographique* (départements and régions since 2016).

use crate::place::GeoPoint;
use serde::Serialize;
use std::fmt;

/// A French région.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Region {
    /// INSEE code (`44`).
    pub code: &'static str,
    /// French name (`Grand Est`).
    pub name: &'static str,
}

/// A French département.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct Departement {
    /// INSEE code (`51`, `2A`, `974`).
    pub code: &'static str,
    /// French name (`Marne`).
    pub name: &'static str,
    /// Its région's INSEE code.
    pub region: &'static str,
}

impl Departement {
    /// Its région.
    pub fn region(&self) -> &'static Region {
        // Every row of DEPARTEMENTS names a row of REGIONS (checked by a test).
        region(self.region).unwrap_or(&REGIONS[0])
    }
}

/// The 18 régions, by code.
pub const REGIONS: [Region; 18] = [
    Region {
        code: "01",
        name: "Guadeloupe",
    },
    Region {
        code: "02",
        name: "Martinique",
    },
    Region {
        code: "03",
        name: "Guyane",
    },
    Region {
        code: "04",
        name: "La Réunion",
    },
    Region {
        code: "06",
        name: "Mayotte",
    },
    Region {
        code: "11",
        name: "Île-de-France",
    },
    Region {
        code: "24",
        name: "Centre-Val de Loire",
    },
    Region {
        code: "27",
        name: "Bourgogne-Franche-Comté",
    },
    Region {
        code: "28",
        name: "Normandie",
    },
    Region {
        code: "32",
        name: "Hauts-de-France",
    },
    Region {
        code: "44",
        name: "Grand Est",
    },
    Region {
        code: "52",
        name: "Pays de la Loire",
    },
    Region {
        code: "53",
        name: "Bretagne",
    },
    Region {
        code: "75",
        name: "Nouvelle-Aquitaine",
    },
    Region {
        code: "76",
        name: "Occitanie",
    },
    Region {
        code: "84",
        name: "Auvergne-Rhône-Alpes",
    },
    Region {
        code: "93",
        name: "Provence-Alpes-Côte d'Azur",
    },
    Region {
        code: "94",
        name: "Corse",
    },
];

const fn d(code: &'static str, name: &'static str, region: &'static str) -> Departement {
    Departement { code, name, region }
}

/// The 101 départements, by code (`2A` and `2B` where `20` would be).
pub const DEPARTEMENTS: [Departement; 101] = [
    d("01", "Ain", "84"),
    d("02", "Aisne", "32"),
    d("03", "Allier", "84"),
    d("04", "Alpes-de-Haute-Provence", "93"),
    d("05", "Hautes-Alpes", "93"),
    d("06", "Alpes-Maritimes", "93"),
    d("07", "Ardèche", "84"),
    d("08", "Ardennes", "44"),
    d("09", "Ariège", "76"),
    d("10", "Aube", "44"),
    d("11", "Aude", "76"),
    d("12", "Aveyron", "76"),
    d("13", "Bouches-du-Rhône", "93"),
    d("14", "Calvados", "28"),
    d("15", "Cantal", "84"),
    d("16", "Charente", "75"),
    d("17", "Charente-Maritime", "75"),
    d("18", "Cher", "24"),
    d("19", "Corrèze", "75"),
    d("2A", "Corse-du-Sud", "94"),
    d("2B", "Haute-Corse", "94"),
    d("21", "Côte-d'Or", "27"),
    d("22", "Côtes-d'Armor", "53"),
    d("23", "Creuse", "75"),
    d("24", "Dordogne", "75"),
    d("25", "Doubs", "27"),
    d("26", "Drôme", "84"),
    d("27", "Eure", "28"),
    d("28", "Eure-et-Loir", "24"),
    d("29", "Finistère", "53"),
    d("30", "Gard", "76"),
    d("31", "Haute-Garonne", "76"),
    d("32", "Gers", "76"),
    d("33", "Gironde", "75"),
    d("34", "Hérault", "76"),
    d("35", "Ille-et-Vilaine", "53"),
    d("36", "Indre", "24"),
    d("37", "Indre-et-Loire", "24"),
    d("38", "Isère", "84"),
    d("39", "Jura", "27"),
    d("40", "Landes", "75"),
    d("41", "Loir-et-Cher", "24"),
    d("42", "Loire", "84"),
    d("43", "Haute-Loire", "84"),
    d("44", "Loire-Atlantique", "52"),
    d("45", "Loiret", "24"),
    d("46", "Lot", "76"),
    d("47", "Lot-et-Garonne", "75"),
    d("48", "Lozère", "76"),
    d("49", "Maine-et-Loire", "52"),
    d("50", "Manche", "28"),
    d("51", "Marne", "44"),
    d("52", "Haute-Marne", "44"),
    d("53", "Mayenne", "52"),
    d("54", "Meurthe-et-Moselle", "44"),
    d("55", "Meuse", "44"),
    d("56", "Morbihan", "53"),
    d("57", "Moselle", "44"),
    d("58", "Nièvre", "27"),
    d("59", "Nord", "32"),
    d("60", "Oise", "32"),
    d("61", "Orne", "28"),
    d("62", "Pas-de-Calais", "32"),
    d("63", "Puy-de-Dôme", "84"),
    d("64", "Pyrénées-Atlantiques", "75"),
    d("65", "Hautes-Pyrénées", "76"),
    d("66", "Pyrénées-Orientales", "76"),
    d("67", "Bas-Rhin", "44"),
    d("68", "Haut-Rhin", "44"),
    d("69", "Rhône", "84"),
    d("70", "Haute-Saône", "27"),
    d("71", "Saône-et-Loire", "27"),
    d("72", "Sarthe", "52"),
    d("73", "Savoie", "84"),
    d("74", "Haute-Savoie", "84"),
    d("75", "Paris", "11"),
    d("76", "Seine-Maritime", "28"),
    d("77", "Seine-et-Marne", "11"),
    d("78", "Yvelines", "11"),
    d("79", "Deux-Sèvres", "75"),
    d("80", "Somme", "32"),
    d("81", "Tarn", "76"),
    d("82", "Tarn-et-Garonne", "76"),
    d("83", "Var", "93"),
    d("84", "Vaucluse", "93"),
    d("85", "Vendée", "52"),
    d("86", "Vienne", "75"),
    d("87", "Haute-Vienne", "75"),
    d("88", "Vosges", "44"),
    d("89", "Yonne", "27"),
    d("90", "Territoire de Belfort", "27"),
    d("91", "Essonne", "11"),
    d("92", "Hauts-de-Seine", "11"),
    d("93", "Seine-Saint-Denis", "11"),
    d("94", "Val-de-Marne", "11"),
    d("95", "Val-d'Oise", "11"),
    d("971", "Guadeloupe", "01"),
    d("972", "Martinique", "02"),
    d("973", "Guyane", "03"),
    d("974", "La Réunion", "04"),
    d("976", "Mayotte", "06"),
];

/// The département with this code (`51`, `2a`, `974`; a single digit is read as `0` + digit).
pub fn departement(code: &str) -> Option<&'static Departement> {
    let code = code.trim().to_ascii_uppercase();
    let code = if code.len() == 1 && code.as_bytes()[0].is_ascii_digit() {
        format!("0{code}")
    } else {
        code
    };
    DEPARTEMENTS.iter().find(|d| d.code == code)
}

/// The région with this code (`44`, `4` and `04` alike).
pub fn region(code: &str) -> Option<&'static Region> {
    let code = code.trim();
    let code = if code.len() == 1 && code.as_bytes()[0].is_ascii_digit() {
        format!("0{code}")
    } else {
        code.to_string()
    };
    REGIONS.iter().find(|r| r.code == code)
}

/// The département of a French postal code (five digits), when it has one. A Corsican postal
/// code (`20xxx`) gives `2A` for `200xx`/`201xx` and `2B` for `202xx`/`206xx`; any other
/// `20xxx`, and the overseas collectivités outside the départements, give none.
///
/// A postal code can serve communes of a neighbouring département in rare cases: when the
/// INSEE code is known, use [`departement_of_commune`] or [`locate`].
pub fn departement_of_postal_code(postal_code: &str) -> Option<&'static Departement> {
    let code = postal_code.trim();
    let b = code.as_bytes();
    if b.len() != 5 || !b.iter().all(u8::is_ascii_digit) {
        return None;
    }
    match &code[..2] {
        "00" | "96" | "98" | "99" => None,
        "20" => match &code[..3] {
            "200" | "201" => departement("2A"),
            "202" | "206" => departement("2B"),
            _ => None,
        },
        "97" => match code {
            // Saint-Barthélemy and Saint-Martin share Guadeloupe's postal codes.
            "97133" | "97150" => None,
            _ => departement(&code[..3]),
        },
        two => departement(two),
    }
}

/// The département of an INSEE commune code (`51454` → `51`, `2A004` → `2A`, `97411` → `974`).
/// Overseas collectivités that are not départements (`975`, `977`, `978`, `98x`) have none.
pub fn departement_of_commune(insee_code: &str) -> Option<&'static Departement> {
    let code = crate::identity::parse_insee_code(insee_code).ok()?;
    if code.starts_with("97") {
        departement(&code[..3])
    } else {
        departement(&code[..2])
    }
}

/// The time zone of a département: overseas départements keep their own time; metropolitan
/// France, and anything unknown, Paris's.
pub fn time_zone(departement: Option<&str>) -> chrono_tz::Tz {
    use chrono_tz::{America, Europe, Indian};
    match departement.map(str::trim) {
        Some("971") => America::Guadeloupe,
        Some("972") => America::Martinique,
        Some("973") => America::Cayenne,
        Some("974") => Indian::Reunion,
        Some("976") => Indian::Mayotte,
        _ => Europe::Paris,
    }
}

/// Where a place or an object is, administratively.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Area {
    /// INSEE commune code, when known.
    pub insee_code: Option<String>,
    /// Département code.
    pub departement: Option<String>,
    /// Région code.
    pub region: Option<String>,
}

impl Area {
    /// The area of a département (and its région), without a commune.
    pub fn of_departement(d: &Departement) -> Area {
        Area {
            insee_code: None,
            departement: Some(d.code.to_string()),
            region: Some(d.region.to_string()),
        }
    }
}

/// The area of an address: the INSEE code, when valid, decides; otherwise the postal code.
pub fn locate(postal_code: Option<&str>, insee_code: Option<&str>) -> Area {
    let insee = insee_code.and_then(|c| crate::identity::parse_insee_code(c).ok());
    if let Some(code) = insee
        && let Some(d) = departement_of_commune(&code)
    {
        return Area {
            insee_code: Some(code),
            ..Area::of_departement(d)
        };
    }
    postal_code
        .and_then(departement_of_postal_code)
        .map(Area::of_departement)
        .unwrap_or_default()
}

/// The mean radius of the Earth, in kilometres (IUGG).
pub const EARTH_RADIUS_KM: f64 = 6371.0088;

/// The great-circle distance between two points, in kilometres (haversine formula).
pub fn haversine_km(a: GeoPoint, b: GeoPoint) -> f64 {
    let (lat1, lat2) = (a.latitude.to_radians(), b.latitude.to_radians());
    let dlat = lat2 - lat1;
    let dlon = (b.longitude - a.longitude).to_radians();
    let h = (dlat / 2.0).sin().powi(2) + lat1.cos() * lat2.cos() * (dlon / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_KM * h.sqrt().min(1.0).asin()
}

/// A bounding box, in degrees (WGS 84), as GeoJSON and OSM write it: west, south, east, north.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct BBox {
    /// Western edge (minimum longitude).
    pub min_lon: f64,
    /// Southern edge (minimum latitude).
    pub min_lat: f64,
    /// Eastern edge (maximum longitude).
    pub max_lon: f64,
    /// Northern edge (maximum latitude).
    pub max_lat: f64,
}

/// Why a bounding box, a point or a radius was refused.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum GeoError {
    /// Not the right count of numbers.
    #[error("must be {expected} comma-separated numbers ({what}), found {found}")]
    Count {
        /// How many were expected.
        expected: usize,
        /// Their names.
        what: &'static str,
        /// How many were found.
        found: usize,
    },
    /// Not a number.
    #[error("{0:?} is not a number")]
    NotANumber(String),
    /// A latitude out of -90..90 or a longitude out of -180..180.
    #[error("{what} {value} is out of range ({range})")]
    OutOfRange {
        /// `latitude` or `longitude`.
        what: &'static str,
        /// The value given.
        value: String,
        /// The allowed range.
        range: &'static str,
    },
    /// A minimum above its maximum.
    #[error("{0}")]
    Inverted(&'static str),
    /// A radius that is not positive or too large.
    #[error("must be a distance in kilometres, more than 0 and at most {max} (found {found})")]
    Radius {
        /// The largest radius accepted.
        max: f64,
        /// The value given.
        found: String,
    },
}

fn numbers(raw: &str, expected: usize, what: &'static str) -> Result<Vec<f64>, GeoError> {
    let parts: Vec<&str> = raw.split(',').map(str::trim).collect();
    if parts.len() != expected {
        return Err(GeoError::Count {
            expected,
            what,
            found: parts.len(),
        });
    }
    parts
        .iter()
        .map(|p| {
            p.parse::<f64>()
                .ok()
                .filter(|v| v.is_finite())
                .ok_or_else(|| GeoError::NotANumber((*p).to_string()))
        })
        .collect()
}

fn check_lat(v: f64) -> Result<f64, GeoError> {
    if (-90.0..=90.0).contains(&v) {
        Ok(v)
    } else {
        Err(GeoError::OutOfRange {
            what: "latitude",
            value: v.to_string(),
            range: "-90 to 90",
        })
    }
}

fn check_lon(v: f64) -> Result<f64, GeoError> {
    if (-180.0..=180.0).contains(&v) {
        Ok(v)
    } else {
        Err(GeoError::OutOfRange {
            what: "longitude",
            value: v.to_string(),
            range: "-180 to 180",
        })
    }
}

impl BBox {
    /// Parses `minLon,minLat,maxLon,maxLat` (`3.8,49.1,4.2,49.4`). A box that crosses the
    /// antimeridian (west > east) is refused: give two boxes' worth of queries instead.
    pub fn parse(raw: &str) -> Result<BBox, GeoError> {
        let n = numbers(raw, 4, "minLon,minLat,maxLon,maxLat")?;
        let b = BBox {
            min_lon: check_lon(n[0])?,
            min_lat: check_lat(n[1])?,
            max_lon: check_lon(n[2])?,
            max_lat: check_lat(n[3])?,
        };
        if b.min_lon > b.max_lon {
            return Err(GeoError::Inverted(
                "minLon must not be greater than maxLon (west edge first)",
            ));
        }
        if b.min_lat > b.max_lat {
            return Err(GeoError::Inverted(
                "minLat must not be greater than maxLat (south edge first)",
            ));
        }
        Ok(b)
    }

    /// Whether `p` is inside, edges included.
    pub fn contains(&self, p: GeoPoint) -> bool {
        (self.min_lat..=self.max_lat).contains(&p.latitude)
            && (self.min_lon..=self.max_lon).contains(&p.longitude)
    }

    /// The smallest box around the circle of `radius_km` around `center` (clamped to the
    /// globe; near a pole, or across the antimeridian, every longitude).
    pub fn around(center: GeoPoint, radius_km: f64) -> BBox {
        let dlat = (radius_km / EARTH_RADIUS_KM).to_degrees();
        let min_lat = (center.latitude - dlat).max(-90.0);
        let max_lat = (center.latitude + dlat).min(90.0);
        // The widest point of the circle in longitude is at the latitude nearest a pole.
        let widest = min_lat.abs().max(max_lat.abs());
        let cos = widest.to_radians().cos();
        let (min_lon, max_lon) = if widest >= 89.9 || cos <= 0.0 {
            (-180.0, 180.0)
        } else {
            let dlon = dlat / cos;
            let (w, e) = (center.longitude - dlon, center.longitude + dlon);
            if w < -180.0 || e > 180.0 {
                (-180.0, 180.0)
            } else {
                (w, e)
            }
        };
        BBox {
            min_lon,
            min_lat,
            max_lon,
            max_lat,
        }
    }

    /// Whether two boxes share any point.
    pub fn intersects(&self, other: &BBox) -> bool {
        self.min_lon <= other.max_lon
            && other.min_lon <= self.max_lon
            && self.min_lat <= other.max_lat
            && other.min_lat <= self.max_lat
    }
}

impl fmt::Display for BBox {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{},{},{},{}",
            self.min_lon, self.min_lat, self.max_lon, self.max_lat
        )
    }
}

/// A disc on the ground: what `near=lat,lon&radius_km=` asks for.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Circle {
    /// Its centre.
    pub center: GeoPoint,
    /// Its radius, in kilometres.
    pub radius_km: f64,
}

impl Circle {
    /// Whether `p` is inside, edge included (great-circle distance).
    pub fn contains(&self, p: GeoPoint) -> bool {
        haversine_km(self.center, p) <= self.radius_km
    }

    /// The bounding box that holds it (what an index can answer before the exact test).
    pub fn bbox(&self) -> BBox {
        BBox::around(self.center, self.radius_km)
    }
}

/// Parses a point `lat,lon` (`49.25,4.03`).
pub fn parse_point(raw: &str) -> Result<GeoPoint, GeoError> {
    let n = numbers(raw, 2, "lat,lon")?;
    Ok(GeoPoint {
        latitude: check_lat(n[0])?,
        longitude: check_lon(n[1])?,
    })
}

/// The largest search radius accepted, in kilometres (beyond, a département or a région is
/// the better filter).
pub const MAX_RADIUS_KM: f64 = 1000.0;

/// Parses a radius in kilometres: more than 0, at most [`MAX_RADIUS_KM`].
pub fn parse_radius_km(raw: &str) -> Result<f64, GeoError> {
    let value = raw
        .trim()
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
        .ok_or_else(|| GeoError::NotANumber(raw.trim().to_string()))?;
    if value > 0.0 && value <= MAX_RADIUS_KM {
        Ok(value)
    } else {
        Err(GeoError::Radius {
            max: MAX_RADIUS_KM,
            found: raw.trim().to_string(),
        })
    }
}

/// Where an object's own location says it is, before its author's is considered.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct OwnLocation<'a> {
    /// Its postal code.
    pub postal_code: Option<&'a str>,
    /// Its commune's name.
    pub locality: Option<&'a str>,
    /// Its coordinates.
    pub point: Option<GeoPoint>,
}

/// Where the author place of an object is (its directory entry).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct AuthorLocation<'a> {
    /// Its INSEE commune code.
    pub insee_code: Option<&'a str>,
    /// Its postal code.
    pub postal_code: Option<&'a str>,
    /// Its commune's name.
    pub locality: Option<&'a str>,
    /// Its coordinates.
    pub point: Option<GeoPoint>,
}

/// Where an object is, for the territory filters: its area and its point.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Placed {
    /// Commune, département, région.
    pub area: Area,
    /// The point the bounding-box and radius filters use.
    pub point: Option<GeoPoint>,
}

/// An object without its own postal code but with its own coordinates takes its author's
/// area only within this distance of its author's point.
pub const SAME_SITE_KM: f64 = 2.0;

fn same_commune_name(a: &str, b: &str) -> bool {
    let fold = |s: &str| crate::opendata::slugify(s);
    let (a, b) = (fold(a), fold(b));
    !a.is_empty() && a == b
}

/// Places an object (an event, a service, a note) on the territory:
///
/// - its **area** comes from its own postal code when it has a usable one (the commune code
///   only when the author is in the same postal code and commune, since a postal code can
///   cover several communes); without one, from its author's area, unless its own coordinates
///   are more than [`SAME_SITE_KM`] from its author's (an event elsewhere whose commune we
///   cannot tell);
/// - its **point** is its own coordinates, or else its author's when it happens at the
///   author's place (no own postal code, or the same postal code as its author).
pub fn place_object(own: OwnLocation<'_>, author: Option<AuthorLocation<'_>>) -> Placed {
    let own_departement = own.postal_code.and_then(departement_of_postal_code);
    let same_postal_code = match (own.postal_code, author.and_then(|a| a.postal_code)) {
        (Some(o), Some(a)) => o.trim() == a.trim(),
        _ => false,
    };
    let author_area = author.map(|a| locate(a.postal_code, a.insee_code));
    let area = match (own_departement, own.postal_code) {
        (Some(d), _) => {
            let same_commune = same_postal_code
                && matches!(
                    (own.locality, author.and_then(|a| a.locality)),
                    (Some(o), Some(a)) if same_commune_name(o, a)
                );
            match &author_area {
                // The author's INSEE code says more than the postal code (Corsica, or a postal
                // code that crosses a border).
                Some(a) if same_commune && a.insee_code.is_some() => a.clone(),
                _ => Area::of_departement(d),
            }
        }
        // A postal code we cannot read (a foreign one): no area of its own, and not the
        // author's either.
        (None, Some(code)) if !code.trim().is_empty() => Area::default(),
        (None, _) => {
            let near_author = match (own.point, author.and_then(|a| a.point)) {
                (Some(o), Some(a)) => haversine_km(o, a) <= SAME_SITE_KM,
                (Some(_), None) => false,
                (None, _) => true,
            };
            match author_area {
                Some(a) if near_author => a,
                _ => Area::default(),
            }
        }
    };
    let point = own.point.or_else(|| {
        let at_author = own.postal_code.is_none_or(|c| c.trim().is_empty()) || same_postal_code;
        if at_author {
            author.and_then(|a| a.point)
        } else {
            None
        }
    });
    Placed { area, point }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(latitude: f64, longitude: f64) -> GeoPoint {
        GeoPoint {
            latitude,
            longitude,
        }
    }

    #[test]
    fn the_tables_are_complete_and_consistent() {
        assert_eq!(DEPARTEMENTS.len(), 101);
        let metropolitan = DEPARTEMENTS.iter().filter(|d| d.code.len() == 2).count();
        assert_eq!(metropolitan, 96);
        for d in &DEPARTEMENTS {
            assert!(
                region(d.region).is_some(),
                "{} names région {}",
                d.code,
                d.region
            );
            assert_eq!(departement(d.code), Some(d), "{}", d.code);
        }
        let mut codes: Vec<&str> = DEPARTEMENTS.iter().map(|d| d.code).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), 101, "département codes are unique");
        for r in &REGIONS {
            assert!(
                DEPARTEMENTS.iter().any(|d| d.region == r.code),
                "région {} has no département",
                r.code
            );
        }
        // Région sizes in départements, as INSEE counts them.
        let count = |code: &str| DEPARTEMENTS.iter().filter(|d| d.region == code).count();
        assert_eq!(count("44"), 10, "Grand Est");
        assert_eq!(count("84"), 12, "Auvergne-Rhône-Alpes");
        assert_eq!(count("76"), 13, "Occitanie");
        assert_eq!(count("75"), 12, "Nouvelle-Aquitaine");
        assert_eq!(count("11"), 8, "Île-de-France");
        assert_eq!(count("94"), 2, "Corse");
        assert_eq!(count("28"), 5, "Normandie");
        assert_eq!(count("32"), 5, "Hauts-de-France");
        assert_eq!(count("27"), 8, "Bourgogne-Franche-Comté");
        assert_eq!(count("24"), 6, "Centre-Val de Loire");
        assert_eq!(count("52"), 5, "Pays de la Loire");
        assert_eq!(count("53"), 4, "Bretagne");
        assert_eq!(count("93"), 6, "Provence-Alpes-Côte d'Azur");
    }

    #[test]
    fn reims_is_in_the_marne_in_grand_est() {
        let d = departement_of_postal_code("51100").expect("51100");
        assert_eq!((d.code, d.name), ("51", "Marne"));
        assert_eq!(d.region().code, "44");
        assert_eq!(d.region().name, "Grand Est");
        let d = departement_of_commune("51454").expect("Reims");
        assert_eq!(d.code, "51");
        assert_eq!(
            locate(Some("51100"), Some("51454")),
            Area {
                insee_code: Some("51454".into()),
                departement: Some("51".into()),
                region: Some("44".into()),
            }
        );
    }

    #[test]
    fn corsica_is_told_apart_by_commune_code_then_postal_code() {
        let d = departement_of_commune("2A004").expect("Ajaccio");
        assert_eq!((d.code, d.name, d.region), ("2A", "Corse-du-Sud", "94"));
        assert_eq!(departement_of_commune("2b033").map(|d| d.code), Some("2B"));
        assert_eq!(
            departement_of_postal_code("20000").map(|d| d.code),
            Some("2A")
        );
        assert_eq!(
            departement_of_postal_code("20137").map(|d| d.code),
            Some("2A")
        );
        assert_eq!(
            departement_of_postal_code("20200").map(|d| d.code),
            Some("2B")
        );
        assert_eq!(
            departement_of_postal_code("20600").map(|d| d.code),
            Some("2B")
        );
        assert_eq!(departement_of_postal_code("20400"), None);
        // The commune code wins over the postal code when both are known.
        assert_eq!(
            locate(Some("20000"), Some("2B033")).departement.as_deref(),
            Some("2B")
        );
        // A "20" commune code is not a code at all.
        assert_eq!(departement_of_commune("20004"), None);
    }

    #[test]
    fn overseas_departements_have_three_digits() {
        let d = departement_of_commune("97411").expect("Saint-Denis de La Réunion");
        assert_eq!((d.code, d.name), ("974", "La Réunion"));
        assert_eq!(d.region().code, "04");
        assert_eq!(
            departement_of_postal_code("97400").map(|d| d.code),
            Some("974")
        );
        assert_eq!(
            departement_of_postal_code("97600").map(|d| d.code),
            Some("976")
        );
        assert_eq!(
            departement_of_postal_code("97600").map(|d| d.region().code),
            Some("06")
        );
        assert_eq!(
            departement_of_postal_code("97100").map(|d| d.code),
            Some("971")
        );
        // Collectivités that are not départements.
        assert_eq!(departement_of_postal_code("97500"), None);
        assert_eq!(departement_of_postal_code("97133"), None);
        assert_eq!(departement_of_postal_code("98000"), None);
        assert_eq!(departement_of_commune("97501"), None);
        assert_eq!(departement_of_commune("97701"), None);
        assert_eq!(time_zone(Some("974")), chrono_tz::Indian::Reunion);
        assert_eq!(time_zone(Some("51")), chrono_tz::Europe::Paris);
        assert_eq!(time_zone(None), chrono_tz::Europe::Paris);
    }

    #[test]
    fn malformed_codes_have_no_departement() {
        for bad in ["", "5110", "511000", "5I100", "00100", "ABCDE"] {
            assert_eq!(departement_of_postal_code(bad), None, "{bad}");
        }
        assert_eq!(locate(Some("5110"), Some("nope")), Area::default());
        assert_eq!(departement("1").map(|d| d.name), Some("Ain"));
        assert_eq!(departement("2a").map(|d| d.code), Some("2A"));
        assert_eq!(departement("20"), None);
        assert_eq!(departement("975"), None);
        assert_eq!(region("4").map(|r| r.name), Some("La Réunion"));
        assert_eq!(region("05"), None);
    }

    #[test]
    fn haversine_distances_match_known_values() {
        let reims = p(49.2583, 4.0317);
        let paris = p(48.8566, 2.3522);
        let d = haversine_km(reims, paris);
        assert!((d - 129.5).abs() < 1.5, "Reims–Paris {d}");
        assert_eq!(haversine_km(reims, reims), 0.0);
        // 0.001° of latitude is about 111 m.
        let d = haversine_km(p(49.0, 4.0), p(49.001, 4.0)) * 1000.0;
        assert!((d - 111.2).abs() < 0.5, "{d}");
        // Antipodes: half the circumference.
        let d = haversine_km(p(0.0, 0.0), p(0.0, 180.0));
        assert!((d - std::f64::consts::PI * EARTH_RADIUS_KM).abs() < 1e-6);
    }

    #[test]
    fn bounding_boxes_parse_and_contain() {
        let b = BBox::parse("3.8, 49.1,4.2,49.4").expect("box");
        assert!(b.contains(p(49.2583, 4.0317)));
        assert!(!b.contains(p(48.8566, 2.3522)));
        assert_eq!(
            BBox::parse("3.8,49.1,4.2"),
            Err(GeoError::Count {
                expected: 4,
                what: "minLon,minLat,maxLon,maxLat",
                found: 3
            })
        );
        assert!(matches!(
            BBox::parse("3.8,49.1,x,49.4"),
            Err(GeoError::NotANumber(_))
        ));
        assert!(matches!(
            BBox::parse("4.2,49.1,3.8,49.4"),
            Err(GeoError::Inverted(_))
        ));
        assert!(matches!(
            BBox::parse("3.8,91,4.2,92"),
            Err(GeoError::OutOfRange {
                what: "latitude",
                ..
            })
        ));
        assert!(matches!(
            BBox::parse("3.8,NaN,4.2,49"),
            Err(GeoError::NotANumber(_))
        ));
    }

    #[test]
    fn the_box_around_a_circle_holds_the_circle() {
        let reims = p(49.2583, 4.0317);
        let b = BBox::around(reims, 10.0);
        for bearing in 0..36 {
            let angle = f64::from(bearing * 10).to_radians();
            // A point about 9.9 km away in every direction is inside the box.
            let dlat = (9.9 / EARTH_RADIUS_KM).to_degrees() * angle.cos();
            let dlon = (9.9 / EARTH_RADIUS_KM).to_degrees() * angle.sin()
                / reims.latitude.to_radians().cos();
            let q = p(reims.latitude + dlat, reims.longitude + dlon);
            assert!(haversine_km(reims, q) < 10.0);
            assert!(b.contains(q), "{q:?} outside {b}");
        }
        assert!(!b.contains(p(49.0, 4.03)));
        let polar = BBox::around(p(89.95, 10.0), 20.0);
        assert_eq!((polar.min_lon, polar.max_lon), (-180.0, 180.0));
        assert!(b.intersects(&BBox::parse("4.0,49.0,5.0,50.0").expect("box")));
        assert!(!b.intersects(&BBox::parse("5.0,49.0,6.0,50.0").expect("box")));
    }

    #[test]
    fn points_and_radii_are_checked() {
        assert_eq!(parse_point("49.25,4.03"), Ok(p(49.25, 4.03)));
        assert!(matches!(
            parse_point("4.03"),
            Err(GeoError::Count { found: 1, .. })
        ));
        assert!(matches!(
            parse_point("95,4"),
            Err(GeoError::OutOfRange { .. })
        ));
        assert_eq!(parse_radius_km("12.5"), Ok(12.5));
        assert!(matches!(parse_radius_km("0"), Err(GeoError::Radius { .. })));
        assert!(matches!(
            parse_radius_km("-3"),
            Err(GeoError::Radius { .. })
        ));
        assert!(matches!(
            parse_radius_km("5000"),
            Err(GeoError::Radius { .. })
        ));
        assert!(matches!(
            parse_radius_km("dix"),
            Err(GeoError::NotANumber(_))
        ));
    }

    #[test]
    fn an_object_takes_its_own_area_or_its_authors() {
        let reims = p(49.2583, 4.0317);
        let author = AuthorLocation {
            insee_code: Some("51454"),
            postal_code: Some("51100"),
            locality: Some("Reims"),
            point: Some(reims),
        };
        // A note: all from the author.
        let placed = place_object(OwnLocation::default(), Some(author));
        assert_eq!(placed.area.insee_code.as_deref(), Some("51454"));
        assert_eq!(placed.area.region.as_deref(), Some("44"));
        assert_eq!(placed.point, Some(reims));
        // An event in the same commune: the author's commune code, its own point.
        let here = p(49.26, 4.02);
        let placed = place_object(
            OwnLocation {
                postal_code: Some("51100"),
                locality: Some("REIMS"),
                point: Some(here),
            },
            Some(author),
        );
        assert_eq!(placed.area.insee_code.as_deref(), Some("51454"));
        assert_eq!(placed.point, Some(here));
        // An event in the Ardennes: its own département, no commune code, no point.
        let placed = place_object(
            OwnLocation {
                postal_code: Some("08000"),
                locality: Some("Charleville-Mézières"),
                point: None,
            },
            Some(author),
        );
        assert_eq!(placed.area.departement.as_deref(), Some("08"));
        assert_eq!(placed.area.region.as_deref(), Some("44"));
        assert_eq!(placed.area.insee_code, None);
        assert_eq!(placed.point, None);
        // Coordinates far from the author and no postal code: no area can be told.
        let placed = place_object(
            OwnLocation {
                point: Some(p(48.85, 2.35)),
                ..Default::default()
            },
            Some(author),
        );
        assert_eq!(placed.area, Area::default());
        assert_eq!(placed.point, Some(p(48.85, 2.35)));
        // Coordinates next to the author: the author's area.
        let placed = place_object(
            OwnLocation {
                point: Some(p(49.259, 4.032)),
                ..Default::default()
            },
            Some(author),
        );
        assert_eq!(placed.area.departement.as_deref(), Some("51"));
        // No author known (a Mastodon account): only what the object says.
        let placed = place_object(OwnLocation::default(), None);
        assert_eq!(placed, Placed::default());
        // A foreign postal code: neither its own area nor the author's.
        let placed = place_object(
            OwnLocation {
                postal_code: Some("B-1000"),
                ..Default::default()
            },
            Some(author),
        );
        assert_eq!(placed.area, Area::default());
    }
}
