//! The JSON API under `/api/v1/`. Reads are public; writes need a bearer token
//! (`galaxie token create`). Handlers are thin: parse into a domain command, call the shared
//! service function, return a DTO.

use super::AppState;
use crate::error::{AppError, AppResult};
use axum::extract::{FromRequestParts, Path, Query, State};
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::routing::{get, post};
use axum::{Json, Router};
use chrono::{DateTime, Utc};
use galaxie_db::entities::followers::FollowStatus;
use galaxie_db::entities::{followers, objects, places};
use galaxie_domain::{
    NewEvent, NewNote, NewPlace, NewService, NewShowcase, RawEvent, RawNote, RawPlace,
    RawPlaceUpdate, RawService, RawShowcase,
};
use galaxie_federation::service::{self, FollowerDecision};
use serde::{Deserialize, Serialize};
use serde_json::Value;

pub(super) fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/api/openapi.json",
            get(|| async { Json(crate::openapi::document()) }),
        )
        .route("/api/v1/places", get(list_places).post(create_place))
        .route(
            "/api/v1/places/{username}",
            get(get_place).patch(update_place),
        )
        .route("/api/v1/places/{username}/notes", post(create_note))
        .route("/api/v1/places/{username}/events", post(create_event))
        .route("/api/v1/places/{username}/followers", get(list_followers))
        .route(
            "/api/v1/places/{username}/followers/{decision}",
            post(decide_follower),
        )
        .route(
            "/api/v1/places/{username}/following",
            post(follow).delete(unfollow),
        )
        .route(
            "/api/v1/notes/{id}",
            get(get_note).put(update_note).delete(delete_note),
        )
        .route(
            "/api/v1/events/{id}",
            get(get_event).put(update_event).delete(delete_event),
        )
        .route("/api/v1/places/{username}/services", post(create_service))
        .route("/api/v1/places/{username}/showcases", post(create_showcase))
        .route(
            "/api/v1/services/{id}",
            get(get_service).put(update_service).delete(delete_service),
        )
        .route(
            "/api/v1/showcases/{id}",
            get(get_showcase)
                .put(update_showcase)
                .delete(delete_showcase),
        )
        .route("/api/v1/events/{id}/cancel", post(cancel_occurrence))
        .route("/api/v1/events/{id}/move", post(move_occurrence))
        .route("/api/v1/places/{username}/stops", get(stops))
        .route("/api/v1/timeline", get(timeline))
}

/// A request carrying a valid bearer token.
pub struct Authenticated;

impl FromRequestParts<AppState> for Authenticated {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        let token = parts
            .headers
            .get("authorization")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .ok_or(AppError::Unauthenticated)?;
        match galaxie_db::tokens::verify(state.data().db().conn(), token.trim()).await? {
            Some(_) => Ok(Authenticated),
            None => Err(AppError::Unauthenticated),
        }
    }
}

/// A JSON body whose parse errors become clear 400s.
pub struct JsonBody<T>(pub T);

impl<T: serde::de::DeserializeOwned, S: Send + Sync> axum::extract::FromRequest<S> for JsonBody<T> {
    type Rejection = AppError;

    async fn from_request(req: axum::extract::Request, state: &S) -> Result<Self, AppError> {
        match Json::<T>::from_request(req, state).await {
            Ok(Json(v)) => Ok(JsonBody(v)),
            Err(rejection) => Err(AppError::Rejected(
                rejection.status(),
                rejection.body_text(),
            )),
        }
    }
}

/// A place, as the API shows it.
#[derive(Serialize)]
pub struct PlaceDto {
    pub username: String,
    pub handle: String,
    pub actor: String,
    pub name: String,
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
    /// The hours in plain French.
    pub hours_fr: Option<String>,
    /// "Ouvert maintenant — ferme à 12 h".
    pub open_now_fr: Option<String>,
    /// `open`, `closed` or `unknown`, now.
    pub open_now: Option<galaxie_domain::hours::HoursStatus>,
    pub icon: Option<String>,
    pub manually_approves_followers: bool,
    pub pivot: Option<String>,
    pub legal_form: Option<String>,
    pub address_complement: Option<String>,
    pub insee_code: Option<String>,
    pub emails: Vec<String>,
    pub other_websites: Vec<String>,
    pub description: Option<String>,
    pub summary_falc: Option<String>,
    pub mobility: Option<galaxie_domain::Mobility>,
    pub parent_structure: Option<String>,
    #[serde(flatten)]
    pub concepts: galaxie_domain::Concepts,
    pub other_labels: Option<String>,
    pub acceslibre_url: Option<String>,
    pub booking_url: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

fn place_dto(state: &AppState, p: places::Model) -> PlaceDto {
    let data = state.data();
    let profile = galaxie_db::places::profile(&p);
    let hours = p
        .opening_hours
        .as_deref()
        .and_then(|h| galaxie_domain::hours::OpeningHours::parse(h).ok());
    let now = chrono::Utc::now();
    PlaceDto {
        hours_fr: hours.as_ref().map(|h| h.describe_fr()),
        open_now_fr: hours.as_ref().map(|h| h.state_fr(now)),
        open_now: hours.as_ref().map(|h| h.state(now).status),
        pivot: profile.pivot.as_ref().map(ToString::to_string),
        legal_form: profile.legal_form,
        address_complement: profile.address_complement,
        insee_code: profile.insee_code,
        emails: profile.emails,
        other_websites: profile
            .other_websites
            .iter()
            .map(ToString::to_string)
            .collect(),
        description: profile.description,
        summary_falc: profile.summary_falc,
        mobility: profile.mobility,
        parent_structure: profile.parent_structure,
        concepts: profile.concepts,
        other_labels: profile.other_labels,
        acceslibre_url: profile.acceslibre_url.map(|u| u.to_string()),
        booking_url: profile.booking_url.map(|u| u.to_string()),
        handle: format!("@{}@{}", p.username, data.urls().authority()),
        actor: data.urls().place(&p.username).to_string(),
        username: p.username,
        name: p.name,
        summary: p.summary,
        address: p.street_address,
        postal_code: p.postal_code,
        city: p.locality,
        country: p.country,
        lat: p.latitude,
        lon: p.longitude,
        phone: p.phone,
        website: p.website,
        hours: p.opening_hours,
        icon: p.icon_url,
        manually_approves_followers: p.manually_approves_followers,
        created_at: p.created_at,
        updated_at: p.updated_at,
    }
}

/// An object (note, event, or received article/page), as the API shows it.
#[derive(Serialize)]
pub struct ObjectDto {
    pub id: i64,
    pub ap_id: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub local: bool,
    pub attributed_to: String,
    pub name: Option<String>,
    pub summary: Option<String>,
    pub content: Option<String>,
    pub url: Option<String>,
    pub start_time: Option<DateTime<Utc>>,
    pub end_time: Option<DateTime<Utc>>,
    pub timezone: Option<String>,
    pub location_name: Option<String>,
    pub address: Option<String>,
    pub postal_code: Option<String>,
    pub city: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    /// INSEE commune code of where it is (its own location, or its author place's).
    pub insee_code: Option<String>,
    /// Département code of where it is.
    pub departement: Option<String>,
    /// Région code of where it is.
    pub region: Option<String>,
    pub price: Option<String>,
    pub summary_falc: Option<String>,
    pub content_falc: Option<String>,
    pub event_status: Option<String>,
    pub category: Option<String>,
    pub license: Option<String>,
    pub hashtags: Vec<String>,
    pub booking_url: Option<String>,
    pub opening_hours: Option<String>,
    pub published: DateTime<Utc>,
    pub updated: Option<DateTime<Utc>>,
    pub received_at: DateTime<Utc>,
}

fn object_dto(o: objects::Model) -> ObjectDto {
    ObjectDto {
        id: o.id,
        local: o.place_id.is_some(),
        ap_id: o.ap_id,
        kind: o.kind,
        attributed_to: o.attributed_to,
        name: o.name,
        summary: o.summary,
        content: o.content,
        url: o.url,
        start_time: o.start_time,
        end_time: o.end_time,
        timezone: o.timezone,
        location_name: o.location_name,
        address: o.street_address,
        postal_code: o.postal_code,
        city: o.locality,
        lat: o.latitude,
        lon: o.longitude,
        insee_code: o.insee_code,
        departement: o.departement,
        region: o.region,
        price: o.price,
        summary_falc: o.summary_falc,
        content_falc: o.content_falc,
        event_status: o.event_status,
        category: o.category,
        license: o.license,
        hashtags: o
            .hashtags
            .as_deref()
            .and_then(|h| serde_json::from_str(h).ok())
            .unwrap_or_default(),
        booking_url: o.booking_url,
        opening_hours: o.opening_hours,
        published: o.published,
        updated: o.updated,
        received_at: o.received_at,
    }
}

async fn list_places(State(state): State<AppState>) -> AppResult<Json<Vec<PlaceDto>>> {
    let rows = galaxie_db::places::list(state.data().db().conn()).await?;
    Ok(Json(
        rows.into_iter().map(|p| place_dto(&state, p)).collect(),
    ))
}

async fn create_place(
    State(state): State<AppState>,
    _auth: Authenticated,
    JsonBody(raw): JsonBody<RawPlace>,
) -> AppResult<(StatusCode, Json<PlaceDto>)> {
    let place = NewPlace::parse(raw)?;
    let row = service::create_place(&state.data(), place).await?;
    Ok((StatusCode::CREATED, Json(place_dto(&state, row))))
}

async fn get_place(
    State(state): State<AppState>,
    Path(username): Path<String>,
) -> AppResult<Json<PlaceDto>> {
    let row = service::place(&state.data(), &username).await?;
    Ok(Json(place_dto(&state, row)))
}

async fn update_place(
    State(state): State<AppState>,
    _auth: Authenticated,
    Path(username): Path<String>,
    JsonBody(raw): JsonBody<RawPlaceUpdate>,
) -> AppResult<Json<PlaceDto>> {
    let row = service::update_place(&state.data(), &username, raw).await?;
    Ok(Json(place_dto(&state, row)))
}

async fn create_note(
    State(state): State<AppState>,
    _auth: Authenticated,
    Path(username): Path<String>,
    JsonBody(raw): JsonBody<RawNote>,
) -> AppResult<(StatusCode, Json<ObjectDto>)> {
    let note = NewNote::parse(raw)?;
    let row = service::publish_note(&state.data(), &username, note).await?;
    Ok((StatusCode::CREATED, Json(object_dto(row))))
}

async fn create_event(
    State(state): State<AppState>,
    _auth: Authenticated,
    Path(username): Path<String>,
    JsonBody(raw): JsonBody<RawEvent>,
) -> AppResult<(StatusCode, Json<ObjectDto>)> {
    let event = NewEvent::parse(raw)?;
    let row = service::publish_event(&state.data(), &username, event).await?;
    Ok((StatusCode::CREATED, Json(object_dto(row))))
}

async fn local_of_kind(state: &AppState, id: i64, kind: &'static str) -> AppResult<objects::Model> {
    let (_, row) = service::local_object(&state.data(), id).await?;
    if row.kind != kind {
        return Err(AppError::NotFound);
    }
    Ok(row)
}

async fn get_note(
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> AppResult<Json<ObjectDto>> {
    Ok(Json(object_dto(local_of_kind(&state, id, "Note").await?)))
}

async fn get_event(
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> AppResult<Json<ObjectDto>> {
    Ok(Json(object_dto(local_of_kind(&state, id, "Event").await?)))
}

async fn update_event(
    State(state): State<AppState>,
    _auth: Authenticated,
    Path(id): Path<i64>,
    JsonBody(raw): JsonBody<RawEvent>,
) -> AppResult<Json<ObjectDto>> {
    Ok(Json(object_dto(
        service::update_event(&state.data(), id, raw).await?,
    )))
}

async fn update_note(
    State(state): State<AppState>,
    _auth: Authenticated,
    Path(id): Path<i64>,
    JsonBody(raw): JsonBody<RawNote>,
) -> AppResult<Json<ObjectDto>> {
    let note = NewNote::parse(raw)?;
    Ok(Json(object_dto(
        service::update_note(&state.data(), id, note).await?,
    )))
}

async fn delete_note(
    State(state): State<AppState>,
    _auth: Authenticated,
    Path(id): Path<i64>,
) -> AppResult<StatusCode> {
    local_of_kind(&state, id, "Note").await?;
    service::delete_object(&state.data(), id).await?;
    Ok(StatusCode::NO_CONTENT)
}

async fn delete_event(
    State(state): State<AppState>,
    _auth: Authenticated,
    Path(id): Path<i64>,
) -> AppResult<StatusCode> {
    local_of_kind(&state, id, "Event").await?;
    service::delete_object(&state.data(), id).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize)]
struct FollowersQuery {
    status: Option<String>,
}

/// A follower, as the API shows it.
#[derive(Serialize)]
pub struct FollowerDto {
    pub actor: String,
    pub status: FollowStatus,
    pub since: DateTime<Utc>,
}

fn follower_dto(f: followers::Model) -> FollowerDto {
    FollowerDto {
        actor: f.actor_ap_id,
        status: f.status,
        since: f.created_at,
    }
}

async fn list_followers(
    State(state): State<AppState>,
    _auth: Authenticated,
    Path(username): Path<String>,
    Query(q): Query<FollowersQuery>,
) -> AppResult<Json<Vec<FollowerDto>>> {
    let status = match q.status.as_deref() {
        None | Some("all") => None,
        Some("pending") => Some(FollowStatus::Pending),
        Some("accepted") => Some(FollowStatus::Accepted),
        Some(other) => {
            return Err(galaxie_domain::ValidationErrors::single(
                "status",
                format!("must be pending, accepted or all (found {other:?})"),
            )
            .into());
        }
    };
    let rows = service::followers(&state.data(), &username, status).await?;
    Ok(Json(rows.into_iter().map(follower_dto).collect()))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ActorBody {
    actor: String,
}

async fn decide_follower(
    State(state): State<AppState>,
    _auth: Authenticated,
    Path((username, decision)): Path<(String, String)>,
    JsonBody(body): JsonBody<ActorBody>,
) -> AppResult<StatusCode> {
    let decision = match decision.as_str() {
        "approve" => FollowerDecision::Approve,
        "reject" => FollowerDecision::Reject,
        "remove" => FollowerDecision::Remove,
        _ => return Err(AppError::NotFound),
    };
    service::decide_follower(&state.data(), &username, &body.actor, decision).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TargetBody {
    target: String,
}

async fn follow(
    State(state): State<AppState>,
    _auth: Authenticated,
    Path(username): Path<String>,
    JsonBody(body): JsonBody<TargetBody>,
) -> AppResult<(StatusCode, Json<Value>)> {
    let row = service::follow(&state.data(), &username, &body.target).await?;
    Ok((
        StatusCode::ACCEPTED,
        Json(serde_json::json!({ "target": row.target_ap_id, "status": row.status })),
    ))
}

async fn unfollow(
    State(state): State<AppState>,
    _auth: Authenticated,
    Path(username): Path<String>,
    JsonBody(body): JsonBody<TargetBody>,
) -> AppResult<StatusCode> {
    service::unfollow(&state.data(), &username, &body.target).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// A page of the timeline.
#[derive(Serialize)]
pub struct TimelinePage {
    pub items: Vec<ObjectDto>,
    /// Pass as `before` to get the next (older) page; with `upcoming=true`, as `after` (the
    /// next, later, page).
    pub next: Option<String>,
}

/// The timeline, with its filters (`routes::filters`: territory, type, vocabulary, hours,
/// dates, upcoming events); every invalid parameter is a 400 naming it.
async fn timeline(
    State(state): State<AppState>,
    axum::extract::RawQuery(raw): axum::extract::RawQuery,
) -> AppResult<Json<TimelinePage>> {
    use super::filters;
    let query = filters::timeline(&filters::Params::parse(raw.as_deref()), Utc::now())
        .map_err(AppError::InvalidQuery)?;
    let started = std::time::Instant::now();
    let page = galaxie_db::objects::timeline_filtered(
        state.data().db().conn(),
        &query.filter,
        query.limit,
        query.after,
    )
    .await?;
    state
        .data()
        .metrics()
        .timeline_query
        .observe(started.elapsed());
    Ok(Json(TimelinePage {
        items: page.items.into_iter().map(object_dto).collect(),
        next: page.next.as_ref().map(filters::timeline_cursor_text),
    }))
}

async fn create_service(
    State(state): State<AppState>,
    _auth: Authenticated,
    Path(username): Path<String>,
    JsonBody(raw): JsonBody<RawService>,
) -> AppResult<(StatusCode, Json<ObjectDto>)> {
    let service = NewService::parse(raw)?;
    let row = service::publish_service(&state.data(), &username, service).await?;
    Ok((StatusCode::CREATED, Json(object_dto(row))))
}

async fn get_service(
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> AppResult<Json<ObjectDto>> {
    Ok(Json(object_dto(local_of_kind(&state, id, "Page").await?)))
}

async fn update_service(
    State(state): State<AppState>,
    _auth: Authenticated,
    Path(id): Path<i64>,
    JsonBody(raw): JsonBody<RawService>,
) -> AppResult<Json<ObjectDto>> {
    let service = NewService::parse(raw)?;
    Ok(Json(object_dto(
        service::update_service(&state.data(), id, service).await?,
    )))
}

async fn delete_service(
    State(state): State<AppState>,
    _auth: Authenticated,
    Path(id): Path<i64>,
) -> AppResult<StatusCode> {
    local_of_kind(&state, id, "Page").await?;
    service::delete_object(&state.data(), id).await?;
    Ok(StatusCode::NO_CONTENT)
}

async fn create_showcase(
    State(state): State<AppState>,
    _auth: Authenticated,
    Path(username): Path<String>,
    JsonBody(raw): JsonBody<RawShowcase>,
) -> AppResult<(StatusCode, Json<ObjectDto>)> {
    let showcase = NewShowcase::parse(raw)?;
    let row = service::publish_showcase(&state.data(), &username, showcase).await?;
    Ok((StatusCode::CREATED, Json(object_dto(row))))
}

async fn get_showcase(
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> AppResult<Json<ObjectDto>> {
    Ok(Json(object_dto(
        local_of_kind(&state, id, "Article").await?,
    )))
}

async fn update_showcase(
    State(state): State<AppState>,
    _auth: Authenticated,
    Path(id): Path<i64>,
    JsonBody(raw): JsonBody<RawShowcase>,
) -> AppResult<Json<ObjectDto>> {
    let showcase = NewShowcase::parse(raw)?;
    Ok(Json(object_dto(
        service::update_showcase(&state.data(), id, showcase).await?,
    )))
}

async fn delete_showcase(
    State(state): State<AppState>,
    _auth: Authenticated,
    Path(id): Path<i64>,
) -> AppResult<StatusCode> {
    local_of_kind(&state, id, "Article").await?;
    service::delete_object(&state.data(), id).await?;
    Ok(StatusCode::NO_CONTENT)
}

async fn cancel_occurrence(
    State(state): State<AppState>,
    _auth: Authenticated,
    Path(id): Path<i64>,
) -> AppResult<Json<ObjectDto>> {
    Ok(Json(object_dto(
        service::cancel_occurrence(&state.data(), id).await?,
    )))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MoveBody {
    start: DateTime<Utc>,
    end: DateTime<Utc>,
}

async fn move_occurrence(
    State(state): State<AppState>,
    _auth: Authenticated,
    Path(id): Path<i64>,
    JsonBody(body): JsonBody<MoveBody>,
) -> AppResult<Json<ObjectDto>> {
    Ok(Json(object_dto(
        service::move_occurrence(&state.data(), id, body.start, body.end).await?,
    )))
}

#[derive(Deserialize)]
struct StopsQuery {
    from: Option<DateTime<Utc>>,
    to: Option<DateTime<Utc>>,
}

/// Where an itinerant place is: its events with a location between `from` and `to` (default:
/// this week, Monday to Sunday, Paris time), in order.
async fn stops(
    State(state): State<AppState>,
    Path(username): Path<String>,
    Query(q): Query<StopsQuery>,
) -> AppResult<Json<Vec<ObjectDto>>> {
    let rows = service::stops(&state.data(), &username, q.from, q.to).await?;
    Ok(Json(rows.into_iter().map(object_dto).collect()))
}
