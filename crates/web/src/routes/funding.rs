//! The funding watch over HTTP: `GET /api/v1/funding?place=<username>` (the calls a place may
//! apply to, soonest deadline first, and its archive), the JSON API to publish, change and
//! withdraw calls, a place's Atom feed and iCalendar of deadlines, and each call's
//! ActivityPub `Page` at its id (`/funding/{uuid}`).

use super::AppState;
use super::api::{Authenticated, JsonBody};
use crate::error::{AppError, AppResult};
use crate::negotiate::{activity_json, wants_activity_json};
use axum::extract::{OriginalUri, Path, Query, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;
use axum::{Json, Router};
use chrono::{DateTime, NaiveDate, Utc};
use galaxie_db::entities::{funding_calls, places};
use galaxie_domain::funding::{self as domain, NewFundingCall, RawFundingCall};
use galaxie_federation::funding::{self, Listed};
use galaxie_federation::protocol::context::with_context;
use galaxie_federation::{Data, FederationError};
use serde::{Deserialize, Serialize};
use serde_json::json;

pub(super) fn router() -> Router<AppState> {
    Router::new()
        .route("/api/v1/funding", get(list))
        .route(
            "/api/v1/places/{username}/funding",
            axum::routing::post(create),
        )
        .route(
            "/api/v1/funding/{id}",
            get(get_one).put(update).delete(delete),
        )
        .route("/funding/{key}", get(object))
        .route("/places/{username}/funding.atom", get(place_atom))
        .route("/places/{username}/funding.ics", get(place_calendar))
}

/// A funding call in the API.
#[derive(Debug, Serialize)]
pub struct FundingDto {
    pub id: i64,
    pub ap_id: String,
    /// Its page for people.
    pub url: String,
    pub local: bool,
    pub attributed_to: String,
    pub name: String,
    pub summary: String,
    pub summary_falc: Option<String>,
    pub content: Option<String>,
    pub funder: Option<String>,
    pub programme: Option<String>,
    pub deadline: Option<NaiveDate>,
    pub opening_date: Option<NaiveDate>,
    /// Days until the deadline (0: today; negative: closed).
    pub days_left: Option<i64>,
    /// "Ferme dans 12 jours".
    pub closes_in_fr: Option<String>,
    /// "Closes in 12 days".
    pub closes_in_en: Option<String>,
    pub archived: bool,
    pub legal_forms: Vec<String>,
    pub structure_types: Vec<String>,
    /// Territory codes (`region:44`…); empty: France.
    pub territory: Vec<String>,
    pub themes: Vec<String>,
    pub amount_max: Option<i64>,
    pub rate_max: Option<i32>,
    pub amount_text: Option<String>,
    pub how_to_apply: Option<String>,
    pub application_url: Option<String>,
    pub source_url: Option<String>,
    pub published: DateTime<Utc>,
    pub updated: Option<DateTime<Utc>>,
}

/// The DTO of a call, counted from `today`.
pub fn dto(data: &Data, row: &funding_calls::Model, today: NaiveDate) -> FundingDto {
    let c = funding::criteria(row);
    let days_left = row.deadline.map(|d| domain::days_left(d, today));
    FundingDto {
        id: row.id,
        ap_id: row.ap_id.clone(),
        url: funding::page_url(data, row).to_string(),
        local: row.place_id.is_some(),
        attributed_to: row.attributed_to.clone(),
        name: row.name.clone(),
        summary: row.summary.clone(),
        summary_falc: row.summary_falc.clone(),
        content: row.content.clone(),
        funder: row.funder.clone(),
        programme: row.programme.clone(),
        deadline: row.deadline,
        opening_date: row.opening_date,
        days_left,
        closes_in_fr: days_left.map(domain::closes_in_fr),
        closes_in_en: days_left.map(domain::closes_in_en),
        archived: days_left.is_some_and(|d| d < 0),
        legal_forms: c.legal_forms,
        structure_types: c.structure_types,
        territory: c.territory.iter().map(ToString::to_string).collect(),
        themes: c.themes,
        amount_max: row.amount_max,
        rate_max: row.rate_max,
        amount_text: row.amount_text.clone(),
        how_to_apply: row.how_to_apply.clone(),
        application_url: row.application_url.clone(),
        source_url: row.source_url.clone(),
        published: row.published,
        updated: row.updated,
    }
}

/// `?place=<username>&archived=true`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ListQuery {
    place: Option<String>,
    #[serde(default)]
    archived: Option<bool>,
}

/// The answer of `GET /api/v1/funding`.
#[derive(Debug, Serialize)]
struct ListDto {
    /// The place the list is for, when one was given.
    place: Option<String>,
    /// Open calls (the place may apply to), soonest deadline first.
    calls: Vec<FundingDto>,
    /// Closed calls (the place could have applied to), latest deadline first, when asked.
    #[serde(skip_serializing_if = "Option::is_none")]
    archived: Option<Vec<FundingDto>>,
}

async fn place_of(data: &Data, username: &str) -> AppResult<places::Model> {
    galaxie_db::places::by_username(data.db().conn(), username)
        .await?
        .ok_or(AppError::NotFound)
}

async fn list(
    State(state): State<AppState>,
    query: Result<Query<ListQuery>, axum::extract::rejection::QueryRejection>,
) -> AppResult<Json<ListDto>> {
    let Query(query) = query.map_err(|e| AppError::BadRequest(e.body_text()))?;
    let data = state.data();
    let today = funding::today();
    let rows = |listed: Vec<Listed>| -> Vec<FundingDto> {
        listed.iter().map(|l| dto(&data, &l.row, today)).collect()
    };
    let (calls, archived) = match &query.place {
        Some(username) => {
            let place = place_of(&data, username).await?;
            let open = rows(funding::eligible_for(&data, &place, today).await?);
            let archived = match query.archived {
                Some(true) => Some(rows(funding::archived_for(&data, &place, today).await?)),
                _ => None,
            };
            (open, archived)
        }
        None => {
            let conn = data.db().conn();
            let open = galaxie_db::funding::open(conn, today)
                .await?
                .iter()
                .map(|r| dto(&data, r, today))
                .collect();
            let archived = match query.archived {
                Some(true) => Some(
                    galaxie_db::funding::archived(conn, today)
                        .await?
                        .iter()
                        .map(|r| dto(&data, r, today))
                        .collect(),
                ),
                _ => None,
            };
            (open, archived)
        }
    };
    Ok(Json(ListDto {
        place: query.place,
        calls,
        archived,
    }))
}

async fn create(
    State(state): State<AppState>,
    _auth: Authenticated,
    Path(username): Path<String>,
    JsonBody(raw): JsonBody<RawFundingCall>,
) -> AppResult<(StatusCode, Json<FundingDto>)> {
    let call = NewFundingCall::parse(raw)?;
    let data = state.data();
    let row = funding::publish(&data, &username, call).await?;
    Ok((
        StatusCode::CREATED,
        Json(dto(&data, &row, funding::today())),
    ))
}

async fn live(data: &Data, id: i64) -> AppResult<funding_calls::Model> {
    galaxie_db::funding::by_id(data.db().conn(), id)
        .await?
        .filter(|r| r.deleted_at.is_none())
        .ok_or(AppError::NotFound)
}

async fn get_one(
    State(state): State<AppState>,
    Path(id): Path<i64>,
) -> AppResult<Json<FundingDto>> {
    let data = state.data();
    let row = live(&data, id).await?;
    Ok(Json(dto(&data, &row, funding::today())))
}

async fn update(
    State(state): State<AppState>,
    _auth: Authenticated,
    Path(id): Path<i64>,
    JsonBody(raw): JsonBody<RawFundingCall>,
) -> AppResult<Json<FundingDto>> {
    let call = NewFundingCall::parse(raw)?;
    let data = state.data();
    let row = funding::update(&data, id, call).await?;
    Ok(Json(dto(&data, &row, funding::today())))
}

async fn delete(
    State(state): State<AppState>,
    _auth: Authenticated,
    Path(id): Path<i64>,
) -> AppResult<StatusCode> {
    funding::delete(&state.data(), id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// A local call at its ActivityPub id: the `Page` for servers, its page for people.
async fn object(
    State(state): State<AppState>,
    OriginalUri(uri): OriginalUri,
    headers: HeaderMap,
) -> AppResult<Response> {
    let data = state.data();
    let mut url = data.urls().base().clone();
    url.set_path(uri.path());
    let row = galaxie_db::funding::by_ap_id(data.db().conn(), url.as_str())
        .await?
        .filter(|r| r.place_id.is_some())
        .ok_or(AppError::NotFound)?;
    if let Some(deleted) = row.deleted_at {
        let mut response = activity_json(json!({
            "@context": "https://www.w3.org/ns/activitystreams",
            "id": row.ap_id, "type": "Tombstone", "formerType": "Page", "deleted": deleted
        }));
        *response.status_mut() = StatusCode::GONE;
        return Ok(response);
    }
    if wants_activity_json(&headers) {
        let post = funding::to_post(data.db().conn(), &data, &row).await?;
        return Ok(activity_json(
            with_context(&post).map_err(FederationError::from)?,
        ));
    }
    Ok(Redirect::to(funding::page_url(&data, &row).as_str()).into_response())
}

fn internal(e: impl std::fmt::Display) -> AppError {
    AppError::Federation(FederationError::Internal(e.to_string()))
}

/// The Atom feed of the calls a place may apply to.
async fn place_atom(
    State(state): State<AppState>,
    Path(username): Path<String>,
) -> AppResult<Response> {
    use atom_syndication::{Content, Entry, Feed, Link, Person, Text};
    let username = username.trim_end_matches(".atom").to_string();
    let data = state.data();
    let place = place_of(&data, &username).await?;
    let today = funding::today();
    let listed = funding::eligible_for(&data, &place, today).await?;
    let mut self_url = data.urls().place(&place.username);
    self_url.set_path(&format!("/places/{}/funding.atom", place.username));
    let updated = listed
        .iter()
        .map(|l| l.row.updated.unwrap_or(l.row.published))
        .max()
        .unwrap_or(DateTime::<Utc>::UNIX_EPOCH);
    let entries = listed
        .iter()
        .map(|l| {
            let r = &l.row;
            let page = funding::page_url(&data, r).to_string();
            let mut summary = r.summary.clone();
            if let Some(days) = l.days_left {
                summary = format!("{} — {summary}", domain::closes_in_fr(days));
            }
            Entry {
                title: Text::plain(r.name.clone()),
                id: r.ap_id.clone(),
                updated: r.updated.unwrap_or(r.published).fixed_offset(),
                published: Some(r.published.fixed_offset()),
                authors: vec![Person {
                    name: r.funder.clone().unwrap_or_else(|| place.name.clone()),
                    ..Default::default()
                }],
                links: vec![Link {
                    href: page,
                    rel: "alternate".to_string(),
                    mime_type: Some("text/html".to_string()),
                    ..Default::default()
                }],
                summary: Some(Text::plain(summary)),
                content: r.content.clone().map(|html| Content {
                    value: Some(html),
                    content_type: Some("html".to_string()),
                    ..Default::default()
                }),
                ..Default::default()
            }
        })
        .collect();
    let feed = Feed {
        title: Text::plain(format!("Financements pour {}", place.name)),
        id: self_url.to_string(),
        updated: updated.fixed_offset(),
        links: vec![Link {
            href: self_url.to_string(),
            rel: "self".to_string(),
            mime_type: Some("application/atom+xml".to_string()),
            ..Default::default()
        }],
        entries,
        lang: Some("fr".to_string()),
        ..Default::default()
    };
    let body = feed.write_to(Vec::new()).map_err(internal)?;
    Ok((
        [(header::CONTENT_TYPE, "application/atom+xml; charset=utf-8")],
        body,
    )
        .into_response())
}

/// The deadlines of the calls a place may apply to, as all-day events in iCalendar.
pub fn deadlines_calendar(data: &Data, title: &str, listed: &[Listed]) -> String {
    use icalendar::{Calendar, Component, Event, EventLike};
    let mut calendar = Calendar::new();
    calendar.name(title);
    for l in listed {
        let r = &l.row;
        let Some(deadline) = r.deadline else {
            continue;
        };
        let mut description = r.summary.clone();
        if let Some(how) = &r.how_to_apply {
            description.push_str(&format!("\n{how}"));
        }
        let event = Event::new()
            .uid(&r.ap_id)
            .summary(&format!("Date limite : {}", r.name))
            .description(&description)
            .all_day(deadline)
            .url(
                r.application_url
                    .as_deref()
                    .unwrap_or(funding::page_url(data, r).as_str()),
            )
            .timestamp(r.updated.unwrap_or(r.published))
            .done();
        calendar.push(event);
    }
    calendar.done().to_string()
}

async fn place_calendar(
    State(state): State<AppState>,
    Path(username): Path<String>,
) -> AppResult<Response> {
    let data = state.data();
    let place = place_of(&data, &username).await?;
    let listed = funding::eligible_for(&data, &place, funding::today()).await?;
    let body = deadlines_calendar(
        &data,
        &format!("Dates limites des financements — {}", place.name),
        &listed,
    );
    Ok((
        [(header::CONTENT_TYPE, "text/calendar; charset=utf-8")],
        body,
    )
        .into_response())
}

/// The OpenAPI description of these routes (merged into `/api/openapi.json`).
pub fn openapi_paths() -> Vec<(&'static str, serde_json::Value)> {
    use serde_json::Value;
    let err = |codes: &[&str]| -> Value {
        let mut m = serde_json::Map::new();
        for c in codes {
            let name = match *c {
                "400" => "BadRequest",
                "401" => "Unauthorized",
                "404" => "NotFound",
                "422" => "Unprocessable",
                _ => "Internal",
            };
            m.insert(
                (*c).to_string(),
                json!({ "$ref": format!("#/components/responses/{name}") }),
            );
        }
        Value::Object(m)
    };
    let with = |mut ok: Value, codes: &[&str]| -> Value {
        if let (Value::Object(o), Value::Object(e)) = (&mut ok, err(codes)) {
            o.extend(e);
        }
        ok
    };
    let strings = json!({ "type": "array", "items": { "type": "string" } });
    let text = json!({ "type": ["string", "null"] });
    let call = json!({ "type": "object", "required": ["id", "ap_id", "url", "local", "name", "summary", "archived", "legal_forms", "structure_types", "territory", "themes", "published"], "properties": {
        "id": { "type": "integer" }, "ap_id": { "type": "string", "format": "uri" },
        "url": { "type": "string", "format": "uri", "description": "Its page for people." },
        "local": { "type": "boolean" }, "attributed_to": { "type": "string", "format": "uri" },
        "name": { "type": "string" },
        "summary": { "type": "string", "description": "One line: title — funder — date limite — amounts." },
        "summary_falc": text, "content": { "type": ["string", "null"], "description": "Sanitised HTML." },
        "funder": text, "programme": text,
        "deadline": { "type": ["string", "null"], "format": "date" },
        "opening_date": { "type": ["string", "null"], "format": "date" },
        "days_left": { "type": ["integer", "null"], "description": "Days until the deadline: 0 today, negative when closed." },
        "closes_in_fr": text, "closes_in_en": text,
        "archived": { "type": "boolean", "description": "Its deadline has passed." },
        "legal_forms": strings, "structure_types": strings,
        "territory": { "type": "array", "items": { "type": "string" }, "description": "`region:<code>`, `departement:<code>` or `commune:<INSEE>`; empty: all of France." },
        "themes": strings,
        "amount_max": { "type": ["integer", "null"], "description": "Euros." },
        "rate_max": { "type": ["integer", "null"], "description": "Percent." },
        "amount_text": text, "how_to_apply": text,
        "application_url": text, "source_url": text,
        "published": { "type": "string", "format": "date-time" },
        "updated": { "type": ["string", "null"], "format": "date-time" } } });
    let input = json!({ "type": "object", "additionalProperties": false, "required": ["name"], "properties": {
        "name": { "type": "string", "maxLength": 300 },
        "funder": { "type": "string", "maxLength": 200 }, "programme": { "type": "string", "maxLength": 200 },
        "description": { "type": "string", "maxLength": 20000 },
        "description_falc": { "type": "string", "maxLength": 10000 },
        "summary_falc": { "type": "string", "maxLength": 280 },
        "deadline": { "type": "string", "format": "date", "description": "`YYYY-MM-DD`; a past date is refused (422)." },
        "opening_date": { "type": "string", "format": "date" },
        "legal_forms": { "type": "array", "items": { "type": "string" }, "description": "Concepts of the `legal-form` scheme." },
        "structure_types": { "type": "array", "items": { "type": "string" }, "description": "Concepts of the `structure-type` scheme." },
        "territory": { "type": "array", "items": { "type": "string" }, "description": "`france`, `region:<code>`, `departement:<code>`, `commune:<INSEE>` (a bare 5-character code is a commune, a 2- or 3-character one a département)." },
        "themes": { "type": "array", "items": { "type": "string" }, "description": "Concepts of the `service` scheme." },
        "amount_max": { "type": "integer", "minimum": 0 },
        "rate_max": { "type": "integer", "minimum": 1, "maximum": 100 },
        "amount_text": { "type": "string", "maxLength": 300 },
        "how_to_apply": { "type": "string", "maxLength": 5000 },
        "application_url": { "type": "string", "format": "uri" },
        "source_url": { "type": "string", "format": "uri" } } });
    let id =
        json!({ "name": "id", "in": "path", "required": true, "schema": { "type": "integer" } });
    let place = json!({ "name": "username", "in": "path", "required": true, "description": "A local place's or network's username.", "schema": { "type": "string" } });
    let one = |description: &str| json!({ "200": { "description": description, "content": { "application/json": { "schema": call.clone() } } } });
    vec![
        (
            "/api/v1/funding",
            json!({ "get": {
                "tags": ["funding"], "operationId": "listFunding",
                "summary": "Funding calls: all open ones, or those a place may apply to",
                "description": "With `place`, the open calls the place may apply to by legal form or structure type, territory (its INSEE code, département, région) and themes (its services), soonest deadline first, those without a deadline last. `archived=true` adds the calls whose deadline has passed.",
                "parameters": [
                    { "name": "place", "in": "query", "required": false, "description": "A local place's username.", "schema": { "type": "string" } },
                    { "name": "archived", "in": "query", "required": false, "schema": { "type": "boolean" } }
                ],
                "responses": with(json!({ "200": { "description": "The calls.", "content": { "application/json": { "schema": { "type": "object", "required": ["calls"], "properties": {
                    "place": text, "calls": { "type": "array", "items": call.clone() },
                    "archived": { "type": "array", "items": call.clone() } } } } } } }), &["400", "404"])
            } }),
        ),
        (
            "/api/v1/places/{username}/funding",
            json!({ "post": {
                "tags": ["funding"], "operationId": "createFundingCall",
                "summary": "Publish a funding call as a place or a network",
                "description": "Published as a `Page` with the funding terms to the followers and, for a network, to each accepted member.",
                "security": [{ "bearer": [] }], "parameters": [place],
                "requestBody": { "required": true, "content": { "application/json": { "schema": input.clone() } } },
                "responses": with(json!({ "201": { "description": "Published.", "content": { "application/json": { "schema": call.clone() } } } }), &["401", "404", "422"])
            } }),
        ),
        (
            "/api/v1/funding/{id}",
            json!({
                "get": { "tags": ["funding"], "operationId": "getFundingCall", "summary": "A funding call", "parameters": [id.clone()],
                    "responses": with(one("The call."), &["404"]) },
                "put": { "tags": ["funding"], "operationId": "updateFundingCall", "summary": "Replace a local funding call", "security": [{ "bearer": [] }], "parameters": [id.clone()],
                    "requestBody": { "required": true, "content": { "application/json": { "schema": input } } },
                    "responses": with(one("Replaced and published again (`Update`)."), &["401", "404", "422"]) },
                "delete": { "tags": ["funding"], "operationId": "deleteFundingCall", "summary": "Withdraw a local funding call", "security": [{ "bearer": [] }], "parameters": [id],
                    "responses": with(json!({ "204": { "description": "Withdrawn (`Delete`)." } }), &["401", "404"]) }
            }),
        ),
    ]
}
