//! The query parameters of the timeline (`GET /api/v1/timeline`) and of the directory
//! (`GET /api/v1/directory`): read from the raw query string, every invalid or unknown
//! parameter reported at once (400, `InvalidQuery`), turned into the storage filters.
//!
//! | parameter | timeline | directory | value |
//! |---|---|---|---|
//! | `limit` | ✓ | ✓ | 1 to 100 (default 20) |
//! | `commune` | ✓ | ✓ | INSEE commune code (`51454`, `2A004`) |
//! | `departement` | ✓ | ✓ | département code (`51`, `2A`, `974`) |
//! | `region` | ✓ | ✓ | INSEE région code (`44`) |
//! | `bbox` | ✓ | ✓ | `minLon,minLat,maxLon,maxLat` |
//! | `near`, `radius_km` | ✓ | ✓ | `lat,lon` and a distance in km, together |
//! | `concept` | ✓ | ✓ | any concept (slug, `scheme/slug`, IRI); repeatable, all must match |
//! | `public`, `fee` | ✓ | ✓ | a concept of that scheme; repeatable |
//! | `label` | ✓ (the author place's) | ✓ | a label concept, or a regional label (its URL, or `@network@host/slug`) held with a valid attestation; repeatable |
//! | `open_now` | ✓ | ✓ | `true` or `false` |
//! | `type` | ✓ | | `Event`, `Note`, `Article`, `Page`; comma-separated or repeated |
//! | `from`, `to` | ✓ | | event start, RFC 3339 or a date (`2027-01-09`, Paris time) |
//! | `upcoming` | ✓ | | `true`: events from now, soonest first |
//! | `before` | ✓ | | the `next` cursor, newest-first order |
//! | `after` | ✓ (with `upcoming`) | ✓ | the `next` cursor |

use chrono::{DateTime, NaiveDate, NaiveTime, TimeZone, Utc};
use galaxie_db::directory::{DirectoryCursor, DirectoryFilter};
use galaxie_db::objects::{Cursor, TimelineCursor, TimelineFilter};
use galaxie_domain::ValidationErrors;
use galaxie_domain::territory::{self, BBox, Circle};
use galaxie_domain::timeline::{ConceptFilter, resolve_any, resolve_in};
use galaxie_domain::vocab::Scheme;

/// The parameters both endpoints take.
const COMMON: [&str; 13] = [
    "limit",
    "commune",
    "departement",
    "region",
    "bbox",
    "near",
    "radius_km",
    "concept",
    "public",
    "fee",
    "label",
    "open_now",
    "after",
];

/// The parameters only the timeline takes.
const TIMELINE_ONLY: [&str; 5] = ["type", "from", "to", "upcoming", "before"];

/// Parameters that may be given several times.
const REPEATABLE: [&str; 5] = ["concept", "public", "fee", "label", "type"];

/// The object types of the timeline.
pub const TYPES: [&str; 4] = ["Event", "Note", "Article", "Page"];

/// A query string read into name–value pairs.
pub struct Params {
    pairs: Vec<(String, String)>,
}

impl Params {
    /// Reads a raw query string (`None` when there is none).
    pub fn parse(raw: Option<&str>) -> Params {
        let pairs = raw
            .map(|q| {
                url::form_urlencoded::parse(q.as_bytes())
                    .map(|(k, v)| (k.into_owned(), v.into_owned()))
                    .collect()
            })
            .unwrap_or_default();
        Params { pairs }
    }

    /// Parameters given as name–value pairs (the CLI's options).
    pub fn from_pairs(pairs: Vec<(String, String)>) -> Params {
        Params { pairs }
    }

    fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.pairs
            .iter()
            .filter(move |(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// The one value of `name`; given twice is an error.
    fn one<'a>(&'a self, name: &'a str, errors: &mut ValidationErrors) -> Option<&'a str> {
        let mut values = self.all(name);
        let first = values.next();
        if values.next().is_some() {
            errors.add(
                name,
                "is given more than once; give it once (only concept, public, fee, label and type repeat)",
            );
        }
        first
    }

    /// Refuses parameters the endpoint does not know.
    fn known(&self, known: &[&str], errors: &mut ValidationErrors) {
        let mut reported: Vec<&str> = Vec::new();
        for (name, _) in &self.pairs {
            if !known.contains(&name.as_str()) && !reported.contains(&name.as_str()) {
                reported.push(name);
                errors.add(
                    name,
                    format!(
                        "is not a parameter of this endpoint; it takes {}",
                        known.join(", ")
                    ),
                );
            }
        }
        for name in known {
            if !REPEATABLE.contains(name) {
                let _ = self.one(name, errors);
            }
        }
    }
}

fn boolean(params: &Params, name: &str, errors: &mut ValidationErrors) -> bool {
    match params.all(name).next().map(str::trim) {
        None => false,
        Some("true" | "1") => true,
        Some("false" | "0") => false,
        Some(other) => {
            errors.add(name, format!("must be true or false (found {other:?})"));
            false
        }
    }
}

fn limit(params: &Params, errors: &mut ValidationErrors) -> u64 {
    match params.all("limit").next() {
        None => 20,
        Some(raw) => match raw.trim().parse::<u64>() {
            Ok(n) if (1..=100).contains(&n) => n,
            _ => {
                errors.add(
                    "limit",
                    format!("must be a whole number from 1 to 100 (found {raw:?})"),
                );
                20
            }
        },
    }
}

fn concepts(
    params: &Params,
    name: &str,
    scheme: Option<Scheme>,
    errors: &mut ValidationErrors,
) -> Vec<Vec<String>> {
    params
        .all(name)
        .filter_map(|value| {
            let resolved: Result<ConceptFilter, _> = match scheme {
                Some(scheme) => resolve_in(scheme, value),
                None => resolve_any(value),
            };
            errors.check(name, resolved).map(|f| f.paths)
        })
        .collect()
}

/// The territory, vocabulary and hours filters both endpoints share.
struct Common {
    limit: u64,
    insee_code: Option<String>,
    departement: Option<String>,
    region: Option<String>,
    bbox: Option<BBox>,
    near: Option<Circle>,
    concepts: Vec<Vec<String>>,
    labels: Vec<Vec<String>>,
    regional_labels: Vec<Vec<String>>,
    open_now: bool,
}

/// A regional label (`galaxie_federation::label`) named in `label=`: its URL (outside the
/// vocabulary's namespace), or `@network@host/slug`, read as the label URL a Galaxie network
/// publishes on that host (https or http). `None` for a vocabulary label.
fn regional_label(value: &str) -> Option<Vec<String>> {
    let value = value.trim();
    if value.starts_with("https://") || value.starts_with("http://") {
        return (!value.starts_with(galaxie_domain::vocab::NAMESPACE)
            && url::Url::parse(value).is_ok())
        .then(|| vec![value.to_string()]);
    }
    let (handle, slug) = value.strip_prefix('@')?.split_once('/')?;
    let (network, host) = handle.split_once('@')?;
    let ok = |s: &str| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.' | ':'))
    };
    (ok(network) && ok(host) && ok(slug)).then(|| {
        ["https", "http"]
            .iter()
            .map(|scheme| format!("{scheme}://{host}/places/{network}/labels/{slug}"))
            .collect()
    })
}

fn common(params: &Params, errors: &mut ValidationErrors) -> Common {
    let insee_code = params.all("commune").next().and_then(|raw| {
        errors.check(
            "commune",
            galaxie_domain::identity::parse_insee_code(raw).map_err(|_| {
                format!("must be an INSEE commune code like 51454 or 2A004 (found {raw:?})")
            }),
        )
    });
    let given_departement = params.all("departement").next().and_then(|raw| {
        let found = territory::departement(raw).map(|d| d.code.to_string());
        if found.is_none() {
            errors.add(
                "departement",
                format!(
                    "is not a département code: 01 to 95, 2A, 2B, or 971 to 976 (found {raw:?})"
                ),
            );
        }
        found
    });
    // A commune is in one département: saying so lets the query use the département's index.
    let departement = given_departement.or_else(|| {
        insee_code
            .as_deref()
            .and_then(territory::departement_of_commune)
            .map(|d| d.code.to_string())
    });
    let region = params
        .all("region")
        .next()
        .and_then(|raw| match territory::region(raw) {
            Some(r) => Some(r.code.to_string()),
            None => {
                let codes: Vec<&str> = territory::REGIONS.iter().map(|r| r.code).collect();
                errors.add(
                    "region",
                    format!(
                        "is not an INSEE région code: one of {} (found {raw:?})",
                        codes.join(", ")
                    ),
                );
                None
            }
        });
    let bbox = params
        .all("bbox")
        .next()
        .and_then(|raw| errors.check("bbox", BBox::parse(raw)));
    let center = params
        .all("near")
        .next()
        .and_then(|raw| errors.check("near", territory::parse_point(raw)));
    let radius = params
        .all("radius_km")
        .next()
        .and_then(|raw| errors.check("radius_km", territory::parse_radius_km(raw)));
    let near_given = params.all("near").next().is_some();
    let radius_given = params.all("radius_km").next().is_some();
    if near_given && !radius_given {
        errors.add(
            "radius_km",
            "is required with near: give the distance in kilometres (near=49.25,4.03&radius_km=10)",
        );
    }
    if radius_given && !near_given {
        errors.add(
            "radius_km",
            "needs near: give the centre as near=lat,lon (near=49.25,4.03&radius_km=10)",
        );
    }
    let near = match (center, radius) {
        (Some(center), Some(radius_km)) => Some(Circle { center, radius_km }),
        _ => None,
    };
    let mut all = concepts(params, "concept", None, errors);
    all.extend(concepts(params, "public", Some(Scheme::Public), errors));
    all.extend(concepts(params, "fee", Some(Scheme::Fee), errors));
    let (regional, vocabulary): (Vec<&str>, Vec<&str>) = params
        .all("label")
        .partition(|v| regional_label(v).is_some());
    let labels = vocabulary
        .into_iter()
        .filter_map(|value| {
            errors
                .check("label", resolve_in(Scheme::Label, value))
                .map(|f: ConceptFilter| f.paths)
        })
        .collect();
    let regional_labels = regional.into_iter().filter_map(regional_label).collect();
    Common {
        limit: limit(params, errors),
        insee_code,
        departement,
        region,
        bbox,
        near,
        concepts: all,
        labels,
        regional_labels,
        open_now: boolean(params, "open_now", errors),
    }
}

/// A date and time (RFC 3339), or a date: the start of that day in Paris (`end_of_day`: its
/// last microsecond).
fn instant(raw: &str, end_of_day: bool) -> Result<DateTime<Utc>, String> {
    let raw = raw.trim();
    if let Ok(at) = DateTime::parse_from_rfc3339(raw) {
        return Ok(at.with_timezone(&Utc));
    }
    let date = NaiveDate::parse_from_str(raw, "%Y-%m-%d").map_err(|_| {
        format!(
            "must be a date (2027-01-09) or a date and time (2027-01-09T14:00:00+01:00) (found {raw:?}); in a URL, write the + of an offset as %2B"
        )
    })?;
    let zone = galaxie_domain::hours::DEFAULT_TIME_ZONE;
    let day = if end_of_day {
        date.succ_opt().unwrap_or(date)
    } else {
        date
    };
    let start = zone
        .from_local_datetime(&day.and_time(NaiveTime::MIN))
        .earliest()
        .map(|t| t.with_timezone(&Utc))
        .ok_or_else(|| format!("{raw:?} has no midnight in Paris time"))?;
    Ok(if end_of_day && day != date {
        start - chrono::Duration::microseconds(1)
    } else {
        start
    })
}

fn cursor(raw: &str) -> Option<(DateTime<Utc>, i64)> {
    let (micros, id) = raw.split_once('_')?;
    Some((
        DateTime::from_timestamp_micros(micros.parse().ok()?)?,
        id.parse().ok()?,
    ))
}

/// The `next` cursor of a timeline page.
pub fn timeline_cursor_text(c: &TimelineCursor) -> String {
    match c {
        TimelineCursor::Received(c) => format!("{}_{}", c.received_at.timestamp_micros(), c.id),
        TimelineCursor::Start { start_time, id } => {
            format!("{}_{id}", start_time.timestamp_micros())
        }
    }
}

/// A timeline request.
pub struct TimelineQuery {
    /// The filters.
    pub filter: TimelineFilter,
    /// Page size.
    pub limit: u64,
    /// Where to go on from.
    pub after: Option<TimelineCursor>,
}

/// Reads the timeline's parameters; every problem is reported.
pub fn timeline(params: &Params, now: DateTime<Utc>) -> Result<TimelineQuery, ValidationErrors> {
    let mut errors = ValidationErrors::new();
    let known: Vec<&str> = COMMON.iter().chain(&TIMELINE_ONLY).copied().collect();
    params.known(&known, &mut errors);
    let c = common(params, &mut errors);
    let mut kinds: Vec<String> = Vec::new();
    for value in params.all("type") {
        for part in value.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            match TYPES.iter().find(|t| t.eq_ignore_ascii_case(part)) {
                Some(t) => {
                    if !kinds.iter().any(|k| k == t) {
                        kinds.push((*t).to_string());
                    }
                }
                None => errors.add(
                    "type",
                    format!("must be Event, Note, Article or Page (found {part:?})"),
                ),
            }
        }
    }
    let from = params
        .all("from")
        .next()
        .and_then(|raw| errors.check("from", instant(raw, false)));
    let to = params
        .all("to")
        .next()
        .and_then(|raw| errors.check("to", instant(raw, true)));
    if let (Some(from), Some(to)) = (from, to)
        && from > to
    {
        errors.add("to", "must not be before from: the date range is empty");
    }
    let upcoming = boolean(params, "upcoming", &mut errors);
    let before = params.all("before").next();
    let after_raw = params.all("after").next();
    let after = match (upcoming, before, after_raw) {
        (false, Some(raw), _) => match cursor(raw) {
            Some((received_at, id)) => Some(TimelineCursor::Received(Cursor { received_at, id })),
            None => {
                errors.add("before", "is not a cursor returned in `next`");
                None
            }
        },
        (true, Some(_), _) => {
            errors.add(
                "before",
                "goes with the newest-first order; with upcoming=true, pass `next` as after",
            );
            None
        }
        (true, None, Some(raw)) => match cursor(raw) {
            Some((start_time, id)) => Some(TimelineCursor::Start { start_time, id }),
            None => {
                errors.add("after", "is not a cursor returned in `next`");
                None
            }
        },
        (false, None, Some(_)) => {
            errors.add(
                "after",
                "goes with upcoming=true; in the newest-first order, pass `next` as before",
            );
            None
        }
        (_, None, None) => None,
    };
    let filter = TimelineFilter {
        kinds,
        insee_code: c.insee_code,
        departement: c.departement,
        region: c.region,
        bbox: c.bbox,
        near: c.near,
        concepts: c.concepts,
        author_concepts: c.labels,
        regional_labels: c.regional_labels,
        starts_from: from,
        starts_until: to,
        open_at: c.open_now.then_some(now),
        upcoming_from: upcoming.then_some(now),
    };
    errors.into_result(TimelineQuery {
        filter,
        limit: c.limit,
        after,
    })
}

/// The `next` cursor of a directory page: the id, then the name key with `-` for spaces
/// (name keys are lower-case ASCII words), safe in a URL as it is.
pub fn directory_cursor_text(c: &DirectoryCursor) -> String {
    format!("{}_{}", c.id, c.name_key.replace(' ', "-"))
}

/// A directory request.
pub struct DirectoryQuery {
    /// The filters.
    pub filter: DirectoryFilter,
    /// Page size.
    pub limit: u64,
    /// Where to go on from.
    pub after: Option<DirectoryCursor>,
}

/// Reads the directory's parameters; every problem is reported.
pub fn directory(params: &Params, now: DateTime<Utc>) -> Result<DirectoryQuery, ValidationErrors> {
    let mut errors = ValidationErrors::new();
    params.known(&COMMON, &mut errors);
    let c = common(params, &mut errors);
    let after = params.all("after").next().and_then(|raw| {
        let parsed = raw.split_once('_').and_then(|(id, key)| {
            let well_formed = key
                .chars()
                .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '-');
            well_formed.then_some(DirectoryCursor {
                id: id.parse().ok()?,
                name_key: key.replace('-', " "),
            })
        });
        if parsed.is_none() {
            errors.add("after", "is not a cursor returned in `next`");
        }
        parsed
    });
    let mut concepts = c.concepts;
    concepts.extend(c.labels);
    let filter = DirectoryFilter {
        insee_code: c.insee_code,
        departement: c.departement,
        region: c.region,
        bbox: c.bbox,
        near: c.near,
        concepts,
        regional_labels: c.regional_labels,
        open_at: c.open_now.then_some(now),
    };
    errors.into_result(DirectoryQuery {
        filter,
        limit: c.limit,
        after,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2027-01-12T10:00:00Z")
            .expect("date")
            .with_timezone(&Utc)
    }

    fn timeline_errors(query: &str) -> Vec<(String, String)> {
        match timeline(&Params::parse(Some(query)), now()) {
            Ok(_) => Vec::new(),
            Err(e) => e.errors.into_iter().map(|e| (e.field, e.message)).collect(),
        }
    }

    #[test]
    fn every_filter_is_read() {
        let q = timeline(
            &Params::parse(Some(
                "type=event,Note&departement=51&region=44&commune=51454&bbox=3.8,49.1,4.2,49.4\
                 &near=49.25,4.03&radius_km=10&concept=service/numerique&fee=gratuit&public=seniors\
                 &label=fabriques-de-territoire&open_now=true&from=2027-01-01&to=2027-01-31\
                 &limit=5",
            )),
            now(),
        )
        .expect("valid");
        let f = &q.filter;
        assert_eq!(f.kinds, ["Event", "Note"]);
        assert_eq!(f.departement.as_deref(), Some("51"));
        assert_eq!(f.insee_code.as_deref(), Some("51454"));
        assert_eq!(f.concepts.len(), 3);
        assert!(f.concepts[0].len() > 1, "narrower concepts are included");
        assert_eq!(
            f.author_concepts,
            [vec!["label/fabriques-de-territoire".to_string()]]
        );
        assert_eq!(f.open_at, Some(now()));
        assert_eq!(q.limit, 5);
        // Dates are whole days in Paris time.
        assert_eq!(
            f.starts_from.map(|t| t.to_rfc3339()),
            Some("2026-12-31T23:00:00+00:00".into())
        );
        assert_eq!(
            f.starts_until.map(|t| t.to_rfc3339()),
            Some("2027-01-31T22:59:59.999999+00:00".into())
        );
    }

    #[test]
    fn bad_input_names_the_parameter_and_says_why() {
        let e = timeline_errors("bbox=3.8,49.1,4.2");
        assert_eq!(e[0].0, "bbox");
        assert!(e[0].1.contains("4 comma-separated numbers"), "{}", e[0].1);
        let e = timeline_errors("radius_km=10");
        assert_eq!(e[0].0, "radius_km");
        assert!(e[0].1.contains("needs near"), "{}", e[0].1);
        let e = timeline_errors("near=49.25,4.03");
        assert!(e[0].1.contains("is required with near"), "{}", e[0].1);
        let e = timeline_errors("concept=martiens");
        assert_eq!(e[0].0, "concept");
        assert!(e[0].1.contains("/vocab"), "{}", e[0].1);
        let e = timeline_errors("from=2027-02-01&to=2027-01-01");
        assert_eq!(e[0].0, "to");
        assert!(e[0].1.contains("must not be before from"), "{}", e[0].1);
        let e = timeline_errors("departement=20&region=05&commune=20004&type=Person");
        let fields: Vec<&str> = e.iter().map(|(f, _)| f.as_str()).collect();
        assert_eq!(fields, ["commune", "departement", "region", "type"]);
        let e = timeline_errors("departemnt=51&limit=0&limit=3");
        let fields: Vec<&str> = e.iter().map(|(f, _)| f.as_str()).collect();
        assert_eq!(fields, ["departemnt", "limit", "limit"]);
        let e = timeline_errors("upcoming=true&before=1_2");
        assert_eq!(e[0].0, "before");
        let e = timeline_errors("after=1_2");
        assert_eq!(e[0].0, "after");
        let e = timeline_errors("open_now=maybe&from=demain");
        assert_eq!(e.len(), 2);
    }

    #[test]
    fn a_commune_is_looked_up_in_its_departement() {
        let q = timeline(&Params::parse(Some("commune=2A004")), now()).expect("valid");
        assert_eq!(q.filter.insee_code.as_deref(), Some("2A004"));
        assert_eq!(q.filter.departement.as_deref(), Some("2A"));
        let q = directory(&Params::parse(Some("commune=97411")), now()).expect("valid");
        assert_eq!(q.filter.departement.as_deref(), Some("974"));
    }

    #[test]
    fn cursors_round_trip() {
        let c = TimelineCursor::Start {
            start_time: now(),
            id: 42,
        };
        let q = timeline(
            &Params::parse(Some(&format!(
                "upcoming=true&after={}",
                timeline_cursor_text(&c)
            ))),
            now(),
        )
        .expect("valid");
        assert_eq!(q.after, Some(c));
        assert_eq!(q.filter.upcoming_from, Some(now()));
        let d = DirectoryCursor {
            name_key: "mediatheque saint clair".into(),
            id: 7,
        };
        let q = directory(
            &Params::parse(Some(&format!("after={}", directory_cursor_text(&d)))),
            now(),
        )
        .expect("valid");
        assert_eq!(q.after, Some(d));
        assert!(directory(&Params::parse(Some("after=7_a%20b")), now()).is_err());
        assert!(directory(&Params::parse(Some("type=Event")), now()).is_err());
    }
}
