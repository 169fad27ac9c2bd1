//! Regional labels: the documents on the wire (a network's label definitions at
//! `/places/{network}/labels/{slug}`, attestations at `/attestations/{id}`, 410 with a signed
//! `Tombstone` once revoked) and the JSON API (`/api/v1/networks/{network}/labels…`,
//! `/api/v1/places/{username}/labels…`, `/api/v1/labels/verify`).

use super::AppState;
use super::api::{Authenticated, JsonBody};
use crate::error::{AppError, AppResult};
use crate::negotiate::{activity_json, html_page, wants_activity_json};
use axum::extract::{OriginalUri, Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use chrono::{DateTime, Utc};
use galaxie_db::entities::{label_applications, label_attestations, labels};
use galaxie_domain::label::{NewLabel, RawLabel};
use galaxie_domain::text::escape_html;
use galaxie_federation::label::{self, Fetched};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use url::Url;

pub(super) fn router() -> Router<AppState> {
    Router::new()
        .route("/places/{username}/labels/{slug}", get(definition))
        .route("/attestations/{id}", get(attestation))
        .route(
            "/api/v1/networks/{username}/labels",
            get(list_labels).post(define),
        )
        .route(
            "/api/v1/networks/{username}/labels/{slug}/applications",
            get(list_applications),
        )
        .route(
            "/api/v1/networks/{username}/labels/{slug}/grant",
            post(grant),
        )
        .route(
            "/api/v1/networks/{username}/labels/{slug}/refuse",
            post(refuse),
        )
        .route(
            "/api/v1/networks/{username}/labels/{slug}/revoke",
            post(revoke),
        )
        .route("/api/v1/places/{username}/labels", get(held).post(apply))
        .route("/api/v1/labels/verify", post(verify))
}

// --- Documents ------------------------------------------------------------------------------

async fn definition(
    State(state): State<AppState>,
    OriginalUri(uri): OriginalUri,
    headers: HeaderMap,
) -> AppResult<Response> {
    document(&state, uri.path(), &headers).await
}

async fn attestation(
    State(state): State<AppState>,
    OriginalUri(uri): OriginalUri,
    headers: HeaderMap,
) -> AppResult<Response> {
    document(&state, uri.path(), &headers).await
}

async fn document(state: &AppState, path: &str, headers: &HeaderMap) -> AppResult<Response> {
    let data = state.data();
    let mut url = data.urls().base().clone();
    url.set_path(path);
    let fetched = label::local_document(&data, &url)
        .await?
        .ok_or(AppError::NotFound)?;
    let (value, gone) = match fetched {
        Fetched::Document(v) => (v, false),
        Fetched::Gone(Some(v)) => (v, true),
        Fetched::Gone(None) => return Err(AppError::NotFound),
    };
    let mut response = if wants_activity_json(headers) {
        activity_json(value)
    } else {
        html_page(&title(&value), &html(&value, gone), Some(url.as_str()))
    };
    if gone {
        *response.status_mut() = StatusCode::GONE;
    }
    Ok(response)
}

fn title(value: &Value) -> String {
    value
        .get("name")
        .and_then(Value::as_str)
        .unwrap_or("Label révoqué / revoked label")
        .to_string()
}

/// A plain page for browsers: what the document says, in French first.
fn html(value: &Value, gone: bool) -> String {
    let text = |k: &str| value.get(k).and_then(Value::as_str).map(escape_html);
    let mut body = format!("<h1>{}</h1>", escape_html(&title(value)));
    if gone {
        body.push_str(&format!(
            "<p><strong>Cette attestation a été révoquée le {} / This attestation was revoked.</strong></p>",
            text("deleted").unwrap_or_default()
        ));
    }
    if let Some(s) = text("summary") {
        body.push_str(&format!("<p>{s}</p>"));
    }
    if let Some(Value::Array(criteria)) = value.get("criteria") {
        body.push_str("<h2>Critères / Criteria</h2><ol>");
        for c in criteria.iter().filter_map(Value::as_str) {
            body.push_str(&format!("<li>{}</li>", escape_html(c)));
        }
        body.push_str("</ol>");
    }
    if let (Some(from), Some(until)) = (text("startTime"), text("endTime")) {
        body.push_str(&format!(
            "<p>Valable du / Valid from <time datetime=\"{from}\">{from}</time> au / to <time datetime=\"{until}\">{until}</time></p>"
        ));
    }
    if value.get("proof").is_some() {
        body.push_str("<p>Signée par le réseau (FEP-8b32, eddsa-jcs-2022). Vérifier : <code>galaxie label verify</code> avec l'adresse de cette page. / Signed by the network; verify with <code>galaxie label verify</code> and this page's address.</p>");
    }
    body
}

// --- API ------------------------------------------------------------------------------------

/// A label, as the API shows it.
#[derive(Serialize)]
pub struct LabelDto {
    pub id: String,
    pub slug: String,
    pub name: String,
    pub criteria: Vec<String>,
    pub validity_months: Option<i32>,
}

impl From<labels::Model> for LabelDto {
    fn from(row: labels::Model) -> Self {
        Self {
            criteria: row.criteria_list(),
            id: row.ap_id,
            slug: row.slug,
            name: row.name,
            validity_months: row.validity_months,
        }
    }
}

/// An application, as the API shows it.
#[derive(Serialize)]
pub struct ApplicationDto {
    pub id: String,
    pub label: String,
    pub network: String,
    pub applicant: String,
    pub answers: Vec<String>,
    pub status: &'static str,
    pub reason: Option<String>,
    pub attestation: Option<String>,
    pub created_at: DateTime<Utc>,
}

impl From<label_applications::Model> for ApplicationDto {
    fn from(row: label_applications::Model) -> Self {
        use galaxie_db::entities::label_applications::ApplicationStatus as S;
        Self {
            answers: row.answer_list(),
            status: match row.status {
                S::Pending => "pending",
                S::Approved => "approved",
                S::Refused => "refused",
            },
            id: row.ap_id,
            label: row.label_ap_id,
            network: row.network_ap_id,
            applicant: row.applicant_ap_id,
            reason: row.reason,
            attestation: row.attestation_ap_id,
            created_at: row.created_at,
        }
    }
}

/// An attestation, as the API shows it.
#[derive(Serialize)]
pub struct AttestationDto {
    pub id: String,
    pub label: String,
    pub label_name: String,
    pub issuer: String,
    pub holder: String,
    pub valid_from: DateTime<Utc>,
    pub valid_until: DateTime<Utc>,
    pub revoked_at: Option<DateTime<Utc>>,
    /// Not revoked and within its dates now.
    pub valid: bool,
}

impl From<label_attestations::Model> for AttestationDto {
    fn from(row: label_attestations::Model) -> Self {
        Self {
            valid: row.is_valid_at(galaxie_db::now()),
            id: row.ap_id,
            label: row.label_ap_id,
            label_name: row.label_name,
            issuer: row.issuer_ap_id,
            holder: row.holder_ap_id,
            valid_from: row.valid_from,
            valid_until: row.valid_until,
            revoked_at: row.revoked_at,
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LabelInput {
    slug: Option<String>,
    name: Option<String>,
    #[serde(default)]
    criteria: Vec<String>,
    validity_months: Option<u32>,
}

async fn list_labels(
    State(state): State<AppState>,
    Path(username): Path<String>,
) -> AppResult<Json<Vec<LabelDto>>> {
    let data = state.data();
    let network = galaxie_federation::network::network(&data, &username).await?;
    let rows = galaxie_db::labels::list(data.db().conn(), network.id).await?;
    Ok(Json(rows.into_iter().map(LabelDto::from).collect()))
}

async fn define(
    State(state): State<AppState>,
    _auth: Authenticated,
    Path(username): Path<String>,
    JsonBody(input): JsonBody<LabelInput>,
) -> AppResult<(StatusCode, Json<LabelDto>)> {
    let new = NewLabel::parse(RawLabel {
        slug: input.slug,
        name: input.name,
        criteria: input.criteria,
        validity_months: input.validity_months.map(|m| m.to_string()),
    })?;
    let row = label::define(&state.data(), &username, new).await?;
    Ok((StatusCode::CREATED, Json(row.into())))
}

async fn list_applications(
    State(state): State<AppState>,
    _auth: Authenticated,
    Path((username, slug)): Path<(String, String)>,
) -> AppResult<Json<Vec<ApplicationDto>>> {
    let rows = label::applications(&state.data(), &username, &slug, false).await?;
    Ok(Json(rows.into_iter().map(ApplicationDto::from).collect()))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GrantInput {
    place: String,
    from: Option<String>,
    until: Option<String>,
}

async fn grant(
    State(state): State<AppState>,
    _auth: Authenticated,
    Path((username, slug)): Path<(String, String)>,
    JsonBody(input): JsonBody<GrantInput>,
) -> AppResult<(StatusCode, Json<AttestationDto>)> {
    let row = label::grant(
        &state.data(),
        &username,
        &slug,
        &input.place,
        input.from.as_deref(),
        input.until.as_deref(),
    )
    .await?;
    Ok((StatusCode::CREATED, Json(row.into())))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RefuseInput {
    place: String,
    reason: Option<String>,
}

async fn refuse(
    State(state): State<AppState>,
    _auth: Authenticated,
    Path((username, slug)): Path<(String, String)>,
    JsonBody(input): JsonBody<RefuseInput>,
) -> AppResult<Json<ApplicationDto>> {
    let row = label::refuse(
        &state.data(),
        &username,
        &slug,
        &input.place,
        input.reason.as_deref(),
    )
    .await?;
    Ok(Json(row.into()))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RevokeInput {
    place: String,
}

async fn revoke(
    State(state): State<AppState>,
    _auth: Authenticated,
    Path((username, slug)): Path<(String, String)>,
    JsonBody(input): JsonBody<RevokeInput>,
) -> AppResult<Json<Vec<AttestationDto>>> {
    let rows = label::revoke(&state.data(), &username, &slug, &input.place).await?;
    Ok(Json(rows.into_iter().map(AttestationDto::from).collect()))
}

async fn held(
    State(state): State<AppState>,
    Path(username): Path<String>,
) -> AppResult<Json<Vec<AttestationDto>>> {
    let data = state.data();
    let place = galaxie_db::places::get_by_username(data.db().conn(), &username).await?;
    let holder = data.urls().place(&place.username);
    let rows = galaxie_db::labels::held_by(data.db().conn(), holder.as_str()).await?;
    Ok(Json(rows.into_iter().map(AttestationDto::from).collect()))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ApplyInput {
    label: String,
    #[serde(default)]
    answers: Vec<String>,
}

async fn apply(
    State(state): State<AppState>,
    _auth: Authenticated,
    Path(username): Path<String>,
    JsonBody(input): JsonBody<ApplyInput>,
) -> AppResult<(StatusCode, Json<ApplicationDto>)> {
    let data = state.data();
    let label_url = label::label_ref(&data, &input.label)?;
    let row = label::apply(&data, &username, &label_url, &input.answers).await?;
    Ok((StatusCode::ACCEPTED, Json(row.into())))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VerifyInput {
    url: Option<String>,
    document: Option<Value>,
}

async fn verify(
    State(state): State<AppState>,
    JsonBody(input): JsonBody<VerifyInput>,
) -> AppResult<Response> {
    let data = state.data();
    let outcome = match (input.url, input.document) {
        (Some(url), None) => {
            let url = Url::parse(url.trim()).map_err(|e| {
                galaxie_domain::ValidationErrors::single(
                    "url",
                    format!("URL invalide / invalid URL: {e}"),
                )
            })?;
            label::verify_url(&data, &url).await
        }
        (None, Some(doc)) => label::verify_document(&data, &doc).await,
        _ => {
            return Err(galaxie_domain::ValidationErrors::single(
                "url",
                "donnez url ou document, pas les deux / give url or document, not both",
            )
            .into());
        }
    };
    Ok(match outcome {
        Ok(v) => Json(json!({ "valid": true, "attestation": v })).into_response(),
        Err(e) => Json(json!({ "valid": false, "reason": e.to_string() })).into_response(),
    })
}

/// The OpenAPI description of these routes.
pub fn openapi_paths() -> Vec<(&'static str, Value)> {
    let network = json!({ "name": "username", "in": "path", "required": true, "description": "A local network's username.", "schema": { "type": "string" } });
    let slug = json!({ "name": "slug", "in": "path", "required": true, "description": "The label's slug.", "schema": { "type": "string", "pattern": "^[a-z0-9][a-z0-9-]{0,63}$" } });
    let place = json!({ "name": "username", "in": "path", "required": true, "description": "A local place's username.", "schema": { "type": "string" } });
    let err = |codes: &[&str]| -> Value {
        let mut m = serde_json::Map::new();
        for c in codes {
            let name = match *c {
                "401" => "Unauthorized",
                "404" => "NotFound",
                "422" => "Unprocessable",
                "502" => "BadGateway",
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
    let label_schema = json!({ "type": "object", "required": ["id", "slug", "name", "criteria"], "properties": {
        "id": { "type": "string", "format": "uri" }, "slug": { "type": "string" }, "name": { "type": "string" },
        "criteria": { "type": "array", "items": { "type": "string" } },
        "validity_months": { "type": ["integer", "null"] } } });
    let application = json!({ "type": "object", "required": ["id", "label", "network", "applicant", "answers", "status", "created_at"], "properties": {
        "id": { "type": "string", "format": "uri", "description": "The `Offer`'s id." },
        "label": { "type": "string", "format": "uri" }, "network": { "type": "string", "format": "uri" },
        "applicant": { "type": "string", "format": "uri" },
        "answers": { "type": "array", "items": { "type": "string" } },
        "status": { "type": "string", "enum": ["pending", "approved", "refused"] },
        "reason": { "type": ["string", "null"] }, "attestation": { "type": ["string", "null"], "format": "uri" },
        "created_at": { "type": "string", "format": "date-time" } } });
    let attestation = json!({ "type": "object", "required": ["id", "label", "label_name", "issuer", "holder", "valid_from", "valid_until", "valid"], "properties": {
        "id": { "type": "string", "format": "uri" }, "label": { "type": "string", "format": "uri" },
        "label_name": { "type": "string" }, "issuer": { "type": "string", "format": "uri" },
        "holder": { "type": "string", "format": "uri" },
        "valid_from": { "type": "string", "format": "date-time" }, "valid_until": { "type": "string", "format": "date-time" },
        "revoked_at": { "type": ["string", "null"], "format": "date-time" },
        "valid": { "type": "boolean", "description": "Not revoked and within its dates now." } } });
    let body = |required: &[&str], props: Value| json!({ "required": true, "content": { "application/json": { "schema": { "type": "object", "additionalProperties": false, "required": required, "properties": props } } } });
    let ok = |status: &str, description: &str, schema: Value| json!({ status: { "description": description, "content": { "application/json": { "schema": schema } } } });
    let place_input = json!({ "type": "string", "description": "`@place@host`, the place's URL, or a local place's username." });
    vec![
        (
            "/api/v1/networks/{username}/labels",
            json!({
                "parameters": [network],
                "get": { "tags": ["networks"], "operationId": "listLabels", "summary": "A network's labels",
                    "responses": with(ok("200", "The labels, by slug.", json!({ "type": "array", "items": label_schema })), &["404", "422", "500"]) },
                "post": { "tags": ["networks"], "operationId": "defineLabel", "summary": "Define a label (or change the one with this slug); the network's Ed25519 key is made on first use",
                    "security": [{ "bearer": [] }],
                    "requestBody": body(&["slug", "name"], json!({
                        "slug": { "type": "string" }, "name": { "type": "string", "maxLength": 120 },
                        "criteria": { "type": "array", "items": { "type": "string" }, "maxItems": 30 },
                        "validity_months": { "type": "integer", "minimum": 1, "maximum": 120 } })),
                    "responses": with(ok("201", "The label.", label_schema), &["401", "404", "422", "500"]) }
            }),
        ),
        (
            "/api/v1/networks/{username}/labels/{slug}/applications",
            json!({
                "parameters": [network, slug],
                "get": { "tags": ["networks"], "operationId": "listLabelApplications", "summary": "Applications for a label, oldest first",
                    "security": [{ "bearer": [] }],
                    "responses": with(ok("200", "Applications.", json!({ "type": "array", "items": application })), &["401", "404", "422", "500"]) }
            }),
        ),
        (
            "/api/v1/networks/{username}/labels/{slug}/grant",
            json!({
                "parameters": [network, slug],
                "post": { "tags": ["networks"], "operationId": "grantLabel", "summary": "Grant a label to a member place (approving its pending application): a signed attestation is sent to the place and the network's followers",
                    "security": [{ "bearer": [] }],
                    "requestBody": body(&["place"], json!({ "place": place_input,
                        "from": { "type": "string", "description": "Start: `YYYY-MM-DD` or RFC 3339 (default: now)." },
                        "until": { "type": "string", "description": "End: `YYYY-MM-DD` (its last second, UTC) or RFC 3339 (default: start plus the label's validity)." } })),
                    "responses": with(ok("201", "The attestation.", attestation.clone()), &["401", "404", "422", "500"]) }
            }),
        ),
        (
            "/api/v1/networks/{username}/labels/{slug}/refuse",
            json!({
                "parameters": [network, slug],
                "post": { "tags": ["networks"], "operationId": "refuseLabelApplication", "summary": "Refuse a pending application (`Reject` of its `Offer`)",
                    "security": [{ "bearer": [] }],
                    "requestBody": body(&["place"], json!({ "place": place_input, "reason": { "type": "string" } })),
                    "responses": with(ok("200", "The application.", application.clone()), &["401", "404", "422", "500"]) }
            }),
        ),
        (
            "/api/v1/networks/{username}/labels/{slug}/revoke",
            json!({
                "parameters": [network, slug],
                "post": { "tags": ["networks"], "operationId": "revokeLabel", "summary": "Revoke a place's current attestations of a label (`Delete` of a signed `Tombstone`)",
                    "security": [{ "bearer": [] }],
                    "requestBody": body(&["place"], json!({ "place": place_input })),
                    "responses": with(ok("200", "The revoked attestations.", json!({ "type": "array", "items": attestation.clone() })), &["401", "404", "422", "500"]) }
            }),
        ),
        (
            "/api/v1/places/{username}/labels",
            json!({
                "parameters": [place],
                "get": { "tags": ["networks"], "operationId": "placeLabels", "summary": "The attestations a place holds (`valid` says which count now)",
                    "responses": with(ok("200", "Attestations.", json!({ "type": "array", "items": attestation })), &["404", "500"]) },
                "post": { "tags": ["networks"], "operationId": "applyForLabel", "summary": "Apply for a label with one answer per criterion (`Offer` to the network); the place must be a member",
                    "security": [{ "bearer": [] }],
                    "requestBody": body(&["label"], json!({
                        "label": { "type": "string", "description": "The label's URL, or `network/slug` for a network of this instance." },
                        "answers": { "type": "array", "items": { "type": "string" } } })),
                    "responses": with(ok("202", "The application, pending.", application), &["401", "404", "422", "500", "502"]) }
            }),
        ),
        (
            "/api/v1/labels/verify",
            json!({
                "post": { "tags": ["networks"], "operationId": "verifyAttestation", "summary": "Verify an attestation by URL or as a document: proof (FEP-8b32, eddsa-jcs-2022) against the issuer's `assertionMethod`, dates, revocation",
                    "requestBody": body(&[], json!({ "url": { "type": "string", "format": "uri" }, "document": { "type": "object" } })),
                    "responses": with(ok("200", "The outcome: `valid` with the attestation, or the reason it is not.", json!({ "type": "object", "required": ["valid"], "properties": {
                        "valid": { "type": "boolean" }, "reason": { "type": "string" }, "attestation": { "type": "object" } } })), &["422", "500"]) }
            }),
        ),
    ]
}
