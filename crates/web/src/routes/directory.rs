//! The federated directory over HTTP (docs/directory.md): every place this instance knows,
//! its own and those it has read from other instances, one entry per place (the same place
//! published by several instances is listed once, with the others under `same_as`).
//!
//! - `GET /api/v1/directory`: JSON, with the timeline's territory, vocabulary and hours
//!   filters and keyset pages (`routes::filters`);
//! - `GET /directory.geojson`: the places with coordinates, for maps;
//! - `GET /directory.csv`: La MedNum's CSV of *lieux de médiation numérique*, as
//!   `/open-data/mednum.csv` writes it for this instance's places (`routes::opendata`).

use super::AppState;
use super::filters::{self, Params};
use crate::error::{AppError, AppResult};
use axum::extract::{RawQuery, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use chrono::{DateTime, Utc};
use galaxie_db::entities::directory::Model;
use galaxie_domain::opendata::{Export, PlaceRecord, Producer, mednum};
use galaxie_domain::territory;
use galaxie_federation::{Data, FederationError};
use serde::Serialize;
use std::collections::HashMap;
use url::Url;

pub(super) fn router() -> Router<AppState> {
    Router::new()
        .route("/api/v1/directory", get(list))
        .route("/directory.geojson", get(geojson))
        .route("/directory.csv", get(csv))
}

/// A place of the directory, as the API shows it.
#[derive(Debug, Serialize)]
pub struct DirectoryEntryDto {
    /// Its actor id.
    pub id: String,
    /// Whether it is one of this instance's places.
    pub local: bool,
    pub name: String,
    pub summary: Option<String>,
    pub address: Option<String>,
    pub address_complement: Option<String>,
    pub postal_code: Option<String>,
    pub city: Option<String>,
    pub insee_code: Option<String>,
    pub departement: Option<String>,
    pub departement_name: Option<String>,
    pub region: Option<String>,
    pub region_name: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub pivot: Option<String>,
    pub legal_form: Option<String>,
    pub phone: Option<String>,
    pub website: Option<String>,
    pub emails: Vec<String>,
    pub hours: Option<String>,
    /// The hours in plain French.
    pub hours_fr: Option<String>,
    /// `open`, `closed` or `unknown`, now.
    pub open_now: Option<galaxie_domain::hours::HoursStatus>,
    /// "Ouvert maintenant — ferme à 12 h".
    pub open_now_fr: Option<String>,
    pub mobility: Option<galaxie_domain::Mobility>,
    #[serde(flatten)]
    pub concepts: galaxie_domain::Concepts,
    /// When the place says its profile last changed.
    pub updated: DateTime<Utc>,
    /// When this instance last read it.
    pub last_seen: DateTime<Utc>,
    /// The same place as published by other instances (their actor ids).
    pub same_as: Vec<String>,
}

/// An entry as the API shows it, at `now`.
pub fn entry_dto(m: &Model, same_as: &[Model], now: DateTime<Utc>) -> DirectoryEntryDto {
    let p = galaxie_db::directory::profile(m);
    let hours = m
        .opening_hours
        .as_deref()
        .and_then(|h| galaxie_domain::timeline::opening_hours_in(h, m.departement.as_deref()));
    let departement = m.departement.as_deref().and_then(territory::departement);
    let region = m.region.as_deref().and_then(territory::region);
    DirectoryEntryDto {
        id: m.ap_id.clone(),
        local: m.local,
        name: m.name.clone(),
        summary: p.summary,
        address: m.street_address.clone(),
        address_complement: p.address_complement,
        postal_code: m.postal_code.clone(),
        city: m.locality.clone(),
        insee_code: m.insee_code.clone(),
        departement: m.departement.clone(),
        departement_name: departement.map(|d| d.name.to_string()),
        region: m.region.clone(),
        region_name: region.map(|r| r.name.to_string()),
        lat: m.latitude,
        lon: m.longitude,
        pivot: m.pivot.clone(),
        legal_form: p.legal_form,
        phone: p.phone,
        website: p.website.map(|u| u.to_string()),
        emails: p.emails,
        hours: m.opening_hours.clone(),
        hours_fr: hours.as_ref().map(|h| h.describe_fr()),
        open_now: hours.as_ref().map(|h| h.state(now).status),
        open_now_fr: hours.as_ref().map(|h| h.state_fr(now)),
        mobility: p.mobility,
        concepts: galaxie_db::directory::concepts(m),
        updated: m.updated,
        last_seen: m.last_seen,
        same_as: same_as.iter().map(|s| s.ap_id.clone()).collect(),
    }
}

/// A page of the directory.
#[derive(Debug, Serialize)]
pub struct DirectoryPage {
    pub items: Vec<DirectoryEntryDto>,
    /// Pass as `after` to get the next page.
    pub next: Option<String>,
}

async fn list(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
) -> AppResult<Json<DirectoryPage>> {
    let now = Utc::now();
    let query =
        filters::directory(&Params::parse(raw.as_deref()), now).map_err(AppError::InvalidQuery)?;
    let data = state.data();
    let conn = data.db().conn();
    let page = galaxie_db::directory::list(conn, &query.filter, query.limit, query.after).await?;
    let siblings = galaxie_db::directory::same_as(conn, &page.items).await?;
    Ok(Json(DirectoryPage {
        items: page
            .items
            .iter()
            .map(|m| {
                let same = siblings
                    .get(&m.cluster_id)
                    .map(Vec::as_slice)
                    .unwrap_or(&[]);
                entry_dto(m, same, now)
            })
            .collect(),
        next: page.next.as_ref().map(filters::directory_cursor_text),
    }))
}

fn internal(e: impl std::fmt::Display) -> AppError {
    AppError::Federation(FederationError::Internal(e.to_string()))
}

/// Open data may be read from any web page.
const CORS: (header::HeaderName, &str) = (header::ACCESS_CONTROL_ALLOW_ORIGIN, "*");

/// The properties of a place on the map.
#[derive(Serialize)]
struct MapProperties<'a> {
    name: &'a str,
    actor: &'a str,
    local: bool,
    same_as: Vec<&'a str>,
    address: Option<&'a str>,
    postal_code: Option<&'a str>,
    city: Option<&'a str>,
    insee_code: Option<&'a str>,
    departement: Option<&'a str>,
    region: Option<&'a str>,
    pivot: Option<&'a str>,
    opening_hours: Option<&'a str>,
    concepts: galaxie_domain::Concepts,
    updated: DateTime<Utc>,
}

/// The whole directory as a GeoJSON `FeatureCollection` (RFC 7946): one `Point` feature per
/// place with coordinates, its actor id as the feature id.
pub async fn geojson_bytes(data: &Data) -> Result<Vec<u8>, AppError> {
    use geojson::{Feature, FeatureCollection, Geometry, feature::Id};
    let conn = data.db().conn();
    let entries = galaxie_db::directory::all_canonical(conn).await?;
    let siblings = galaxie_db::directory::same_as(conn, &entries).await?;
    let mut features = Vec::new();
    for m in &entries {
        let (Some(lat), Some(lon)) = (m.latitude, m.longitude) else {
            continue;
        };
        let same = siblings
            .get(&m.cluster_id)
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        let properties = MapProperties {
            name: &m.name,
            actor: &m.ap_id,
            local: m.local,
            same_as: same.iter().map(|s| s.ap_id.as_str()).collect(),
            address: m.street_address.as_deref(),
            postal_code: m.postal_code.as_deref(),
            city: m.locality.as_deref(),
            insee_code: m.insee_code.as_deref(),
            departement: m.departement.as_deref(),
            region: m.region.as_deref(),
            pivot: m.pivot.as_deref(),
            opening_hours: m.opening_hours.as_deref(),
            concepts: galaxie_db::directory::concepts(m),
            updated: m.updated,
        };
        let properties = match serde_json::to_value(properties).map_err(internal)? {
            serde_json::Value::Object(map) => Some(map),
            _ => None,
        };
        features.push(Feature {
            bbox: None,
            // GeoJSON positions are [longitude, latitude] (RFC 7946 §3.1.1).
            geometry: Some(Geometry::new(geojson::Value::Point(vec![lon, lat]))),
            id: Some(Id::String(m.ap_id.clone())),
            properties,
            foreign_members: None,
        });
    }
    serde_json::to_vec(&FeatureCollection {
        bbox: None,
        features,
        foreign_members: None,
    })
    .map_err(internal)
}

/// The instance a remote place comes from, as a MedNum `source`.
fn origin(ap_id: &Url) -> Option<String> {
    let mut origin = ap_id.clone();
    origin.set_path("/");
    origin.set_query(None);
    origin.set_fragment(None);
    Some(Producer::for_instance(&origin).name)
}

/// The whole directory as open-data records: this instance's places exactly as the open-data
/// exports read them, and each remote place (canonical entries only, one per place) with the
/// services received from it.
pub async fn records(data: &Data) -> Result<Vec<PlaceRecord>, AppError> {
    let conn = data.db().conn();
    let entries = galaxie_db::directory::all_canonical(conn).await?;
    let mut local: HashMap<String, PlaceRecord> = super::opendata::records(data)
        .await?
        .into_iter()
        .map(|r| (r.url.to_string(), r))
        .collect();
    let remote: Vec<String> = entries
        .iter()
        .filter(|m| !m.local)
        .map(|m| m.ap_id.clone())
        .collect();
    let mut services = galaxie_db::directory::services_of(conn, &remote).await?;
    let mut records = Vec::with_capacity(entries.len());
    for m in &entries {
        if let Some(record) = local.remove(&m.ap_id) {
            records.push(record);
            continue;
        }
        let Ok(url) = Url::parse(&m.ap_id) else {
            continue;
        };
        let username = url
            .path_segments()
            .and_then(|mut s| s.next_back())
            .unwrap_or_default()
            .to_string();
        records.push(PlaceRecord {
            username,
            profile: galaxie_db::directory::profile(m),
            updated: m.updated.date_naive(),
            source: origin(&url),
            services: services
                .remove(&m.ap_id)
                .unwrap_or_default()
                .iter()
                .filter_map(super::opendata::service_record)
                .collect(),
            url,
        });
    }
    Ok(records)
}

/// The whole directory as La MedNum's CSV, and what was left out.
pub async fn mednum_csv(data: &Data) -> Result<(Vec<u8>, Export<mednum::MednumRow>), AppError> {
    let records = records(data).await?;
    let export = mednum::export(&records, &super::opendata::producer(data));
    let csv = mednum::write_csv(&export.items).map_err(internal)?;
    Ok((csv, export))
}

async fn geojson(State(state): State<AppState>) -> AppResult<Response> {
    let body = geojson_bytes(&state.data()).await?;
    Ok((
        [
            (header::CONTENT_TYPE, super::feeds::media_type::GEOJSON),
            (header::CACHE_CONTROL, "public, max-age=300"),
            CORS,
        ],
        body,
    )
        .into_response())
}

async fn csv(State(state): State<AppState>) -> AppResult<Response> {
    let (body, _) = mednum_csv(&state.data()).await?;
    Ok((
        [
            (header::CONTENT_TYPE, super::opendata::CSV),
            (
                header::CONTENT_DISPOSITION,
                "inline; filename=\"directory.csv\"",
            ),
            (header::CACHE_CONTROL, "public, max-age=300"),
            CORS,
        ],
        body,
    )
        .into_response())
}
