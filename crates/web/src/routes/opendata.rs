//! Open data over HTTP, public and reusable under the Licence Ouverte (docs/open-data.md):
//!
//! - `GET /open-data/mednum.csv`: the places as La MedNum's *lieux de médiation numérique*
//!   CSV (`text/csv; charset=utf-8`);
//! - `GET /open-data/data-inclusion/structures.json` and `…/services.json`: the places and
//!   their services as data.inclusion v1 JSON arrays.
//!
//! [`records`] reads what every export (these routes and `galaxie export`) starts from.

use super::AppState;
use crate::error::{AppError, AppResult};
use axum::Router;
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use galaxie_db::entities::objects;
use galaxie_domain::ServiceConcepts;
use galaxie_domain::opendata::{
    PlaceRecord, Producer, ServiceRecord, data_inclusion, html_to_text, mednum,
};
use galaxie_federation::{Data, FederationError};
use url::Url;

/// The media type of the MedNum CSV.
pub const CSV: &str = "text/csv; charset=utf-8";

pub(super) fn router() -> Router<AppState> {
    Router::new()
        .route("/open-data/mednum.csv", get(mednum_csv))
        .route(
            "/open-data/data-inclusion/structures.json",
            get(structures_json),
        )
        .route(
            "/open-data/data-inclusion/services.json",
            get(services_json),
        )
}

/// This instance as a producer of open data.
pub fn producer(data: &Data) -> Producer {
    Producer::for_instance(data.urls().base())
}

/// Every place of this instance with its live services, as the exports read them.
pub async fn records(data: &Data) -> Result<Vec<PlaceRecord>, galaxie_db::DbError> {
    let catalogue = galaxie_db::opendata::catalogue(data.db().conn()).await?;
    Ok(catalogue
        .into_iter()
        .map(|(place, pages)| PlaceRecord {
            url: data.urls().place(&place.username),
            profile: galaxie_db::places::profile(&place),
            updated: place.updated_at.date_naive(),
            source: place.external_source.clone(),
            services: pages.iter().filter_map(service_record).collect(),
            username: place.username,
        })
        .collect())
}

/// A stored service (`Page`) as the exports see it.
pub(crate) fn service_record(page: &objects::Model) -> Option<ServiceRecord> {
    let url = Url::parse(&page.ap_id).ok()?;
    let key = url
        .path_segments()
        .and_then(|mut s| s.next_back())
        .filter(|k| !k.is_empty())?
        .to_string();
    Some(ServiceRecord {
        key,
        name: page.name.clone()?,
        description: page
            .content
            .as_deref()
            .map(html_to_text)
            .filter(|d| !d.is_empty()),
        summary: page.summary.clone(),
        concepts: page
            .concepts
            .as_deref()
            .and_then(|c| serde_json::from_str::<ServiceConcepts>(c).ok())
            .unwrap_or_default(),
        opening_hours: page.opening_hours.clone(),
        booking_url: page.booking_url.as_deref().and_then(|u| u.parse().ok()),
        price: page.price.clone(),
        updated: page.updated.unwrap_or(page.published).date_naive(),
        url,
    })
}

/// Open data may be read from any web page.
const CORS: (header::HeaderName, &str) = (header::ACCESS_CONTROL_ALLOW_ORIGIN, "*");

async fn mednum_csv(State(state): State<AppState>) -> AppResult<Response> {
    let data = state.data();
    let places = records(&data).await?;
    let export = mednum::export(&places, &producer(&data));
    let csv = mednum::write_csv(&export.items)
        .map_err(|e| AppError::Federation(FederationError::Internal(e.to_string())))?;
    Ok((
        [
            (header::CONTENT_TYPE, CSV),
            (
                header::CONTENT_DISPOSITION,
                "inline; filename=\"mednum.csv\"",
            ),
            CORS,
        ],
        csv,
    )
        .into_response())
}

async fn structures_json(State(state): State<AppState>) -> AppResult<Response> {
    let data = state.data();
    let places = records(&data).await?;
    let export = data_inclusion::export(&places, &producer(&data));
    Ok(([CORS], axum::Json(export.structures.items)).into_response())
}

async fn services_json(State(state): State<AppState>) -> AppResult<Response> {
    let data = state.data();
    let places = records(&data).await?;
    let export = data_inclusion::export(&places, &producer(&data));
    Ok(([CORS], axum::Json(export.services.items)).into_response())
}
