//! Orientation over HTTP (docs/orientation.md): `GET /api/v1/orientation` takes a person's
//! answers as query parameters (`galaxie_domain::orientation::Answers`) and returns the
//! services and places of the federated directory ranked for them, each with its score parts
//! and its reasons in plain French and English.
//!
//! Nothing about the person is kept: the handler only reads, the response may not be cached
//! (`Cache-Control: no-store`), and the request log never records the query string of an
//! orientation path ([`is_private_path`], used by the binary's trace layer).

use super::AppState;
use crate::error::AppResult;
use axum::extract::{RawQuery, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use chrono::{DateTime, Utc};
use galaxie_db::orientation::Found;
use galaxie_domain::ValidationErrors;
use galaxie_domain::orientation::{self, Answers, Excluded, Origin, Ranked, Ranking};
use galaxie_domain::vocab::{self, Scheme};
use galaxie_domain::{GeoPoint, ServiceConcepts};
use galaxie_federation::Data;
use serde::Serialize;
use serde_json::{Value, json};

pub(super) fn router() -> Router<AppState> {
    Router::new().route("/api/v1/orientation", get(orientation))
}

/// Paths whose query string (a person's answers) must never be logged: the orientation API
/// and pages, and the language and easy-read switches (their `retour` is the page's own path
/// and query, answers included).
pub fn is_private_path(path: &str) -> bool {
    path == "/api/v1/orientation"
        || path == "/passeport"
        || path.starts_with("/orientation")
        || path.starts_with("/preferences/")
}

/// The span of a request, for the binary's trace layer: tower-http's default one (method,
/// URI, version), except that an orientation path is recorded without its query string.
pub fn request_span<B>(req: &axum::http::Request<B>) -> tracing::Span {
    let path = req.uri().path();
    let shown = if is_private_path(path) {
        path.to_string()
    } else {
        req.uri().to_string()
    };
    tracing::debug_span!("request", method = %req.method(), uri = %shown, version = ?req.version())
}

/// The number of results by default, and the most.
pub const DEFAULT_LIMIT: usize = 10;

/// What a ranking found: the candidates read and their ranking.
pub struct Outcome {
    /// Where the person is (their point, or their town located on the directory).
    pub origin: Option<GeoPoint>,
    /// The places read.
    pub found: Vec<Found>,
    /// Best first.
    pub ranking: Ranking,
}

/// Ranks the directory for `answers` at `now`. A town that no known place is in is refused on
/// `town` (422).
pub async fn run(
    data: &Data,
    answers: &Answers,
    limit: usize,
    now: DateTime<Utc>,
) -> AppResult<Outcome> {
    let conn = data.db().conn();
    let origin = match &answers.origin {
        Some(Origin::Point(p)) => Some(*p),
        Some(Origin::Town(t)) => match galaxie_db::orientation::town_position(conn, t).await? {
            Some(p) => Some(p),
            None => {
                let mut errors = ValidationErrors::new();
                errors.add(
                    "town",
                    format!(
                        "no place of the directory is in {t:?}: give a postal code (51100), a town name as the places write it, or near=lat,lon"
                    ),
                );
                return Err(errors.into());
            }
        },
        None => None,
    };
    // Every place is read and the answers are checked here: none of them goes into a
    // statement, which the database layer may log.
    let found = galaxie_db::orientation::candidates(conn).await?;
    let candidates: Vec<_> = found.iter().map(|f| f.candidate.clone()).collect();
    let ranking = orientation::rank(answers, origin, &candidates, now, limit);
    Ok(Outcome {
        origin,
        found,
        ranking,
    })
}

/// A place of a result.
#[derive(Debug, Serialize)]
pub struct OrientationPlaceDto {
    /// Its actor id (browsers are sent to its page).
    pub id: String,
    pub name: String,
    pub address: Option<String>,
    pub postal_code: Option<String>,
    pub city: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub phone: Option<String>,
    pub website: Option<String>,
    pub emails: Vec<String>,
    /// Where to book an appointment.
    pub booking_url: Option<String>,
    /// Its acceslibre record.
    pub acceslibre_url: Option<String>,
}

/// The service of a result.
#[derive(Debug, Serialize)]
pub struct OrientationServiceDto {
    /// Its object id.
    pub id: String,
    pub name: String,
    pub summary: Option<String>,
    pub price: Option<String>,
    pub booking_url: Option<String>,
}

/// One way to go (an access mode).
#[derive(Debug, Serialize)]
pub struct HowToGoDto {
    /// The access-mode slug (`se-presenter`, `telephoner`, `prendre-rdv-en-ligne`…).
    pub mode: String,
    pub fr: String,
    pub fr_falc: String,
    pub en: String,
    /// `/vocab/pictograms/{file}`.
    pub pictogram: String,
}

/// A ranked result.
#[derive(Debug, Serialize)]
pub struct OrientationResultDto {
    /// 1 for the best.
    pub rank: usize,
    #[serde(flatten)]
    pub ranked: Ranked,
    pub place: OrientationPlaceDto,
    /// The service that answers the need, or `null` when the place does by itself.
    pub service: Option<OrientationServiceDto>,
    /// The hours that apply (the service's, else the place's), OSM syntax.
    pub hours: Option<String>,
    pub hours_fr: Option<String>,
    pub hours_en: Option<String>,
    pub how_to_go: Vec<HowToGoDto>,
}

/// The answer of `GET /api/v1/orientation`.
#[derive(Debug, Serialize)]
pub struct OrientationResponse {
    /// The answers as read, written back as a query string (also the passport's fragment).
    pub answers: String,
    /// The passport link: the answers in the fragment, which browsers never send.
    pub passport_url: String,
    /// Where distances are measured from.
    pub origin: Option<GeoPoint>,
    /// How far the person can travel, in km, when a place is given.
    pub radius_km: Option<f64>,
    pub results: Vec<OrientationResultDto>,
    /// How many offers each hard constraint left out.
    pub excluded: Excluded,
}

/// The ways to go of a result, with their labels and pictograms.
pub fn how_to_go(modes: &[String]) -> Vec<HowToGoDto> {
    modes
        .iter()
        .filter_map(|m| vocab::by_slug(Scheme::AccessMode, m))
        .map(|c| HowToGoDto {
            mode: c.slug.to_string(),
            fr: c.label_fr.to_string(),
            fr_falc: c.label_falc.to_string(),
            en: c.label_en.to_string(),
            pictogram: format!("/vocab/pictograms/{}", c.pictogram),
        })
        .collect()
}

/// A result with its place and service, as the API shows it.
pub fn result_dto(outcome: &Outcome, rank: usize, r: &Ranked) -> OrientationResultDto {
    let f = &outcome.found[r.candidate];
    let e = &f.entry;
    let p = galaxie_db::directory::profile(e);
    let service = r.service.and_then(|i| f.services.get(i));
    let hours_raw = service
        .and_then(|s| s.opening_hours.clone())
        .or(e.opening_hours.clone());
    let hours = hours_raw
        .as_deref()
        .and_then(|h| galaxie_domain::timeline::opening_hours_in(h, e.departement.as_deref()));
    OrientationResultDto {
        rank,
        ranked: r.clone(),
        place: OrientationPlaceDto {
            id: e.ap_id.clone(),
            name: e.name.clone(),
            address: e.street_address.clone(),
            postal_code: e.postal_code.clone(),
            city: e.locality.clone(),
            lat: e.latitude,
            lon: e.longitude,
            phone: p.phone,
            website: p.website.map(|u| u.to_string()),
            emails: p.emails,
            booking_url: p.booking_url.map(|u| u.to_string()),
            acceslibre_url: p.acceslibre_url.map(|u| u.to_string()),
        },
        service: service.map(|s| OrientationServiceDto {
            id: s.ap_id.clone(),
            name: s.name.clone().unwrap_or_default(),
            summary: s.summary.clone(),
            price: s.price.clone(),
            booking_url: s.booking_url.clone(),
        }),
        hours: hours_raw,
        hours_fr: hours.as_ref().map(|h| h.describe_fr()),
        hours_en: hours.as_ref().map(|h| h.describe_en()),
        how_to_go: how_to_go(&r.access_modes),
    }
}

/// The passport link of `answers` on this instance.
pub fn passport_url(data: &Data, answers: &Answers) -> String {
    format!(
        "{}/passeport#{}",
        data.urls().base().as_str().trim_end_matches('/'),
        answers.to_query()
    )
}

/// The concepts of a service row (used by the pages).
pub fn service_concepts(s: &galaxie_db::entities::objects::Model) -> ServiceConcepts {
    s.concepts
        .as_deref()
        .and_then(|c| serde_json::from_str(c).ok())
        .unwrap_or_default()
}

fn limit(pairs: &[(String, String)], errors: &mut ValidationErrors) -> usize {
    match pairs.iter().find(|(k, _)| k == "limit") {
        None => DEFAULT_LIMIT,
        Some((_, raw)) => match raw.trim().parse::<usize>() {
            Ok(n) if (1..=orientation::MAX_RESULTS).contains(&n) => n,
            _ => {
                errors.add(
                    "limit",
                    format!(
                        "must be a whole number from 1 to {} (found {raw:?})",
                        orientation::MAX_RESULTS
                    ),
                );
                DEFAULT_LIMIT
            }
        },
    }
}

async fn orientation(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
) -> AppResult<Response> {
    let pairs: Vec<(String, String)> = raw
        .as_deref()
        .map(|q| {
            url::form_urlencoded::parse(q.as_bytes())
                .map(|(k, v)| (k.into_owned(), v.into_owned()))
                .collect()
        })
        .unwrap_or_default();
    let mut errors = ValidationErrors::new();
    let limit = limit(&pairs, &mut errors);
    let answers = match Answers::parse(&pairs, &["limit"]) {
        Ok(a) if errors.is_empty() => a,
        Ok(_) => return Err(errors.into()),
        Err(mut e) => {
            e.errors.extend(errors.errors);
            return Err(e.into());
        }
    };
    let data = state.data();
    let outcome = run(&data, &answers, limit, Utc::now()).await?;
    let body = OrientationResponse {
        answers: answers.to_query(),
        passport_url: passport_url(&data, &answers),
        origin: outcome.origin,
        radius_km: outcome.origin.map(|_| answers.radius()),
        results: outcome
            .ranking
            .results
            .iter()
            .enumerate()
            .map(|(i, r)| result_dto(&outcome, i + 1, r))
            .collect(),
        excluded: outcome.ranking.excluded,
    };
    Ok((
        [
            (header::CACHE_CONTROL, "no-store"),
            (header::REFERRER_POLICY, "no-referrer"),
        ],
        Json(body),
    )
        .into_response())
}

// --- OpenAPI --------------------------------------------------------------------------------

fn param(name: &str, description: &str, schema: Value) -> Value {
    json!({ "name": name, "in": "query", "required": false, "description": description, "schema": schema })
}

/// The OpenAPI path item of `GET /api/v1/orientation`.
pub fn openapi_path() -> Value {
    let repeat = |items: Value| json!({ "type": "array", "items": items });
    json!({
        "get": {
            "tags": ["directory"],
            "operationId": "orientation",
            "summary": "Orientation (Passeport numérique): the offers of the directory ranked for a person",
            "description": "Ranks the services and places of the federated directory for a person's answers, and says in plain French and English why each result fits (`reasons`) with the points of each criterion (`score_parts`, summing to `score`). A result is a place's service that answers a need, or the place itself when its own profile does (or when no need is given).\n\nHard constraints leave an offer out, counted in `excluded`: answering none of the `need`s; with `free=true`, a known price; with `wheelchair=true`, a place not known to support physical disabilities; beyond `radius_km` of `near`/`town`, unless `remote=true` and the offer is given remotely. The rest only moves results up or down: distance (up to 30 points), open on a day and time the person is free (15), free (10), each wanted specific support (10), the public (5), the wanted access modes (5), who may ask for it (data.inclusion `mobilisable_par`: +5, or −10 when only a professional may and the person is alone). Ties: nearer first, then by name.\n\nNothing about the person is stored or logged: the response is `Cache-Control: no-store` and the request log leaves out this path's query string. `passport_url` carries the answers in its fragment. Every invalid or unknown parameter is refused at once with 422 and a `ValidationError` naming each one.",
            "parameters": [
                param("need", "A need: a concept of the `service` vocabulary (slug, `scheme/slug`, IRI, MedNum or data.inclusion value), with its narrower ones. Repeatable.", repeat(json!({ "type": "string", "examples": ["aide-demarches-administratives"] }))),
                param("public", "Who the person is: a `public` concept. Repeatable.", repeat(json!({ "type": "string", "examples": ["seniors"] }))),
                param("support", "Specific support wanted: a `specific-support` concept (`surdite`, `illettrisme`, `deficience-visuelle`…). Repeatable.", repeat(json!({ "type": "string", "examples": ["surdite"] }))),
                param("free", "`true`: only free offers.", json!({ "type": "boolean" })),
                param("wheelchair", "`true`: only places that support physical disabilities (wheelchair access).", json!({ "type": "boolean" })),
                param("near", "Where the person is, `lat,lon`. Not with `town`.", json!({ "type": "string", "examples": ["49.25,4.03"] })),
                param("town", "Where the person is: a postal code or a town name, located on the directory's places there. Unknown: 422 on `town`.", json!({ "type": "string", "examples": ["51100", "Reims"] })),
                param("radius_km", "How far the person can travel, in km (default 15; at most 1000). Needs `near` or `town`.", json!({ "type": "number", "exclusiveMinimum": 0, "maximum": 1000 })),
                param("remote", "`true`: help by phone or internet is possible; remote offers are kept beyond the radius.", json!({ "type": "boolean" })),
                param("day", "A day the person is free: `monday` … `sunday` (or in French). Repeatable.", repeat(json!({ "type": "string", "examples": ["tuesday"] }))),
                param("time", "When in the day: `morning` (9–12 h), `afternoon` (14–17 h), `evening` (17–20 h) or `HH:MM`, checked on the coming days given (every day when no day is given).", json!({ "type": "string", "examples": ["14:00", "afternoon"] })),
                param("access", "How the person would like to go: an `access-mode` concept (`se-presenter`, `telephoner`, `prendre-rdv-en-ligne`…). Repeatable.", repeat(json!({ "type": "string", "examples": ["se-presenter"] }))),
                param("by", "Who asks for the service: `usagers` (the person alone) or `professionnels` (a mediator), as data.inclusion's `mobilisable_par`.", json!({ "type": "string", "enum": ["usagers", "professionnels"] })),
                param("skill", "The passport's digital-skills checklist: what the person already knows how to do. Repeatable; not used for ranking.", repeat(json!({ "type": "string", "enum": orientation::SKILLS.iter().map(|s| s.slug).collect::<Vec<_>>() }))),
                param("choice", "The `key` of a result kept on the passport. Repeatable; not used for ranking.", repeat(json!({ "type": "string", "pattern": "^[a-z0-9]{12}$" }))),
                param("limit", "How many results, 1 to 50 (default 10).", json!({ "type": "integer", "minimum": 1, "maximum": 50 }))
            ],
            "responses": {
                "200": {
                    "description": "The results, best first.",
                    "headers": { "Cache-Control": { "schema": { "type": "string", "const": "no-store" } } },
                    "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Orientation" } } }
                },
                "422": {
                    "description": "Invalid or unknown parameters, each named.",
                    "content": { "application/json": { "schema": { "$ref": "#/components/schemas/ValidationError" } } }
                }
            }
        }
    })
}

/// The OpenAPI schemas of the orientation answer, by name.
pub fn openapi_schemas() -> Vec<(&'static str, Value)> {
    let text = json!({ "type": ["string", "null"] });
    let number = json!({ "type": ["number", "null"] });
    let criterion = json!({ "type": "string", "enum": ["need", "distance", "remote", "open", "fee", "accessibility", "support", "public", "access", "mobilisation"] });
    vec![
        (
            "Orientation",
            json!({
                "type": "object",
                "description": "The offers of the federated directory ranked for a person's answers.",
                "required": ["answers", "passport_url", "origin", "radius_km", "results", "excluded"],
                "properties": {
                    "answers": { "type": "string", "description": "The answers as read, as a query string." },
                    "passport_url": { "type": "string", "format": "uri", "description": "`/passeport#<answers>`: the fragment is never sent to a server." },
                    "origin": { "type": ["object", "null"], "properties": { "latitude": { "type": "number" }, "longitude": { "type": "number" } } },
                    "radius_km": number,
                    "results": { "type": "array", "items": { "$ref": "#/components/schemas/OrientationResult" } },
                    "excluded": {
                        "type": "object",
                        "description": "How many offers each hard constraint left out.",
                        "properties": { "need": { "type": "integer" }, "free_only": { "type": "integer" }, "wheelchair": { "type": "integer" }, "too_far": { "type": "integer" } }
                    }
                }
            }),
        ),
        (
            "OrientationResult",
            json!({
                "type": "object",
                "description": "A ranked offer: a place, and its service that answers the need (or `null`).",
                "properties": {
                    "rank": { "type": "integer", "minimum": 1 },
                    "key": { "type": "string", "pattern": "^[a-z0-9]{12}$", "description": "Names the result in a passport's `choice`." },
                    "score": { "type": "integer" },
                    "score_parts": { "type": "array", "items": { "type": "object", "properties": { "criterion": criterion, "points": { "type": "integer" } } } },
                    "reasons": { "type": "array", "items": { "type": "object", "properties": { "criterion": criterion, "fits": { "type": "boolean" }, "fr": { "type": "string" }, "en": { "type": "string" } } } },
                    "distance_km": number,
                    "open_at_wanted_time": { "type": ["boolean", "null"] },
                    "access_modes": { "type": "array", "items": { "type": "string" } },
                    "place": {
                        "type": "object",
                        "properties": {
                            "id": { "type": "string", "format": "uri" }, "name": { "type": "string" },
                            "address": text, "postal_code": text, "city": text, "lat": number, "lon": number,
                            "phone": text, "website": text, "emails": { "type": "array", "items": { "type": "string" } },
                            "booking_url": text, "acceslibre_url": text
                        }
                    },
                    "service": {
                        "type": ["object", "null"],
                        "properties": { "id": { "type": "string" }, "name": { "type": "string" }, "summary": text, "price": text, "booking_url": text }
                    },
                    "hours": text, "hours_fr": text, "hours_en": text,
                    "how_to_go": { "type": "array", "items": { "type": "object", "properties": { "mode": { "type": "string" }, "fr": { "type": "string" }, "fr_falc": { "type": "string" }, "en": { "type": "string" }, "pictogram": { "type": "string" } } } }
                }
            }),
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn only_orientation_paths_are_private() {
        assert!(is_private_path("/api/v1/orientation"));
        assert!(is_private_path("/orientation/resultats"));
        assert!(is_private_path("/passeport"));
        assert!(is_private_path("/preferences/langue/en"));
        assert!(!is_private_path("/api/v1/directory"));
    }

    #[test]
    fn the_result_schema_names_every_key_the_api_writes() {
        let answers =
            Answers::parse_query("need=aide-demarches-administratives&near=49.25,4.03", &[])
                .expect("answers");
        let candidate = galaxie_domain::orientation::Candidate {
            id: "https://a.example/places/x".into(),
            name: "X".into(),
            concepts: galaxie_domain::Concepts {
                services: vec!["aide-demarches-administratives".into()],
                ..Default::default()
            },
            ..Default::default()
        };
        let ranking = orientation::rank(&answers, None, &[candidate], Utc::now(), 5);
        let dto = OrientationResultDto {
            rank: 1,
            ranked: ranking.results[0].clone(),
            place: OrientationPlaceDto {
                id: String::new(),
                name: String::new(),
                address: None,
                postal_code: None,
                city: None,
                lat: None,
                lon: None,
                phone: None,
                website: None,
                emails: Vec::new(),
                booking_url: None,
                acceslibre_url: None,
            },
            service: None,
            hours: None,
            hours_fr: None,
            hours_en: None,
            how_to_go: Vec::new(),
        };
        let written: BTreeSet<String> = serde_json::to_value(&dto)
            .expect("json")
            .as_object()
            .expect("object")
            .keys()
            .cloned()
            .collect();
        let schemas = openapi_schemas();
        let documented: BTreeSet<String> = schemas[1].1["properties"]
            .as_object()
            .expect("properties")
            .keys()
            .cloned()
            .collect();
        assert_eq!(written, documented);
        let top: BTreeSet<String> = schemas[0].1["properties"]
            .as_object()
            .expect("properties")
            .keys()
            .cloned()
            .collect();
        let response = OrientationResponse {
            answers: String::new(),
            passport_url: String::new(),
            origin: None,
            radius_km: None,
            results: Vec::new(),
            excluded: Excluded::default(),
        };
        let written: BTreeSet<String> = serde_json::to_value(&response)
            .expect("json")
            .as_object()
            .expect("object")
            .keys()
            .cloned()
            .collect();
        assert_eq!(written, top);
    }
}
