//! Cooperation between places and the code source of a tiers-lieu: the JSON API
//! (`/api/v1/proposals`, `/api/v1/places/{username}/proposals`, `…/agreements`,
//! `/api/v1/agreements/{id}/{decision}`, `…/source-code`, `/api/v1/forks`) and the
//! ActivityPub documents (`/proposals/{id}`, `/agreements/{id}`, `/source/{id}`, a place's
//! `sourceCode` and `forks` collections).

use super::AppState;
use super::api::{Authenticated, JsonBody};
use crate::error::{AppError, AppResult};
use crate::negotiate::activity_json;
use axum::extract::{Path, RawQuery, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use axum::{Json, Router};
use chrono::{DateTime, Utc};
use galaxie_db::cooperation::ProposalFilter;
use galaxie_db::entities::{agreements, place_forks, proposals, source_articles};
use galaxie_domain::ValidationErrors;
use galaxie_domain::cooperation::{NewAnswer, NewProposal, Purpose, RawAnswer, RawProposal};
use galaxie_domain::source_code::{NewSourceArticle, RawSourceArticle};
use galaxie_domain::vocab::{self, Scheme};
use galaxie_federation::protocol::context::with_context;
use galaxie_federation::{cooperation, fork};
use serde::{Deserialize, Serialize};

pub(super) fn router() -> Router<AppState> {
    Router::new()
        .route("/api/v1/proposals", get(list_proposals))
        .route(
            "/api/v1/places/{username}/proposals",
            get(place_proposals).post(create_proposal),
        )
        .route(
            "/api/v1/places/{username}/agreements",
            get(place_agreements).post(answer_proposal),
        )
        .route("/api/v1/agreements/{id}/{decision}", post(decide))
        .route(
            "/api/v1/places/{username}/source-code",
            get(place_articles).post(create_article),
        )
        .route("/api/v1/places/{username}/forks", get(place_forks))
        .route(
            "/api/v1/places/{username}/frameworks",
            get(place_frameworks).put(set_frameworks),
        )
        .route("/api/v1/forks", post(create_fork))
        .route("/proposals/{id}", get(proposal_document))
        .route("/agreements/{id}", get(agreement_document))
        .route("/source/{id}", get(article_document))
        .route(
            "/places/{username}/source-code",
            get(source_code_collection),
        )
        .route("/places/{username}/forks", get(forks_collection))
}

/// A proposal, as the API shows it.
#[derive(Serialize)]
pub struct ProposalDto {
    pub id: i64,
    /// Its ActivityPub id.
    pub ap_id: String,
    /// The proposing place's actor id.
    pub actor: String,
    pub local: bool,
    /// `offer` or `request`.
    pub purpose: String,
    /// The kind of cooperation (a slug of the `cooperation` scheme) and its concept IRI.
    pub kind: String,
    pub kind_iri: Option<String>,
    pub kind_label_fr: Option<String>,
    pub name: String,
    pub summary: String,
    pub content: Option<String>,
    pub quantity: f64,
    pub unit: String,
    pub reciprocal: Option<String>,
    pub departement: Option<String>,
    pub published: DateTime<Utc>,
}

impl From<proposals::Model> for ProposalDto {
    fn from(m: proposals::Model) -> Self {
        let concept = vocab::resolve(Scheme::Cooperation, &m.kind);
        ProposalDto {
            id: m.id,
            ap_id: m.ap_id,
            actor: m.actor,
            local: m.local,
            purpose: m.purpose,
            kind_iri: concept.map(|c| c.iri()),
            kind_label_fr: concept.map(|c| c.label_fr.to_string()),
            kind: m.kind,
            name: m.name,
            summary: m.summary,
            content: m.content,
            quantity: m.quantity,
            unit: m.unit,
            reciprocal: m.reciprocal,
            departement: m.departement,
            published: m.published,
        }
    }
}

/// An agreement, as the API shows it.
#[derive(Serialize)]
pub struct AgreementDto {
    pub id: i64,
    pub ap_id: String,
    pub proposal: String,
    pub proposer: String,
    pub responder: String,
    pub message: Option<String>,
    /// `pending`, `accepted` or `rejected`.
    pub status: String,
    pub created_at: DateTime<Utc>,
    pub decided_at: Option<DateTime<Utc>>,
}

impl From<agreements::Model> for AgreementDto {
    fn from(m: agreements::Model) -> Self {
        AgreementDto {
            id: m.id,
            ap_id: m.ap_id,
            proposal: m.proposal_ap_id,
            proposer: m.proposer,
            responder: m.responder,
            message: m.message,
            status: m.status,
            created_at: m.created_at,
            decided_at: m.decided_at,
        }
    }
}

/// A code-source article, as the API shows it.
#[derive(Serialize)]
pub struct ArticleDto {
    pub id: i64,
    pub ap_id: String,
    pub kind: String,
    pub name: String,
    pub summary: String,
    pub content: String,
    pub license: String,
    pub fork_of: Option<String>,
    pub original_author: Option<String>,
    pub attribution: Option<String>,
    pub published: DateTime<Utc>,
}

impl From<source_articles::Model> for ArticleDto {
    fn from(m: source_articles::Model) -> Self {
        ArticleDto {
            id: m.id,
            ap_id: m.ap_id,
            kind: m.kind,
            name: m.name,
            summary: m.summary,
            content: m.content,
            license: m.license,
            fork_of: m.fork_of,
            original_author: m.original_author,
            attribution: m.attribution,
            published: m.published,
        }
    }
}

/// A fork, as its origin lists it.
#[derive(Serialize)]
pub struct ForkDto {
    pub actor: String,
    pub name: Option<String>,
    pub created_at: DateTime<Utc>,
}

impl From<place_forks::Model> for ForkDto {
    fn from(m: place_forks::Model) -> Self {
        ForkDto {
            actor: m.fork_actor,
            name: m.fork_name,
            created_at: m.created_at,
        }
    }
}

/// Reads the filters of `/api/v1/proposals`: `purpose`, `kind` and `departement` (each may be
/// repeated or comma-separated), `limit`. Every bad value is reported at once (400).
pub fn proposal_filter(query: Option<&str>) -> Result<ProposalFilter, ValidationErrors> {
    let mut filter = ProposalFilter::default();
    let mut errors = ValidationErrors::new();
    for (key, value) in url::form_urlencoded::parse(query.unwrap_or("").as_bytes()) {
        let values = value
            .split(',')
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(str::to_string)
            .collect::<Vec<_>>();
        match key.as_ref() {
            "purpose" => {
                for v in values {
                    match Purpose::parse(&v) {
                        Ok(p) => filter.purpose = Some(p.as_str().into()),
                        Err(e) => errors.add("purpose", e.to_string()),
                    }
                }
            }
            "kind" => {
                for v in values {
                    match vocab::resolve(Scheme::Cooperation, &v) {
                        Some(c) => filter.kinds.push(c.slug.into()),
                        None => errors.add(
                            "kind",
                            format!(
                                "{v:?} is not a kind of cooperation (scheme cooperation); the list is at /vocab"
                            ),
                        ),
                    }
                }
            }
            "departement" => {
                for v in values {
                    match galaxie_domain::territory::departement(&v) {
                        Some(_) => filter.departements.push(v),
                        None => errors.add(
                            "departement",
                            format!("{v:?} is not a French département code (01…95, 2A, 2B, 971…)"),
                        ),
                    }
                }
            }
            "limit" => match value.parse::<u64>() {
                Ok(n) if (1..=500).contains(&n) => filter.limit = Some(n),
                _ => errors.add("limit", "must be a number from 1 to 500"),
            },
            other => errors.add(
                other,
                "is not a filter of proposals (purpose, kind, departement, limit)",
            ),
        }
    }
    errors.into_result(filter)
}

async fn list_proposals(
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
) -> AppResult<Json<Vec<ProposalDto>>> {
    let filter = proposal_filter(query.as_deref()).map_err(AppError::InvalidQuery)?;
    let rows = cooperation::list(&state.data(), &filter).await?;
    Ok(Json(rows.into_iter().map(ProposalDto::from).collect()))
}

async fn place_proposals(
    State(state): State<AppState>,
    Path(username): Path<String>,
) -> AppResult<Json<Vec<ProposalDto>>> {
    let data = state.data();
    let place = galaxie_federation::service::place(&data, &username).await?;
    let filter = ProposalFilter {
        actor: Some(data.urls().place(&place.username).to_string()),
        ..Default::default()
    };
    let rows = cooperation::list(&data, &filter).await?;
    Ok(Json(rows.into_iter().map(ProposalDto::from).collect()))
}

async fn create_proposal(
    _auth: Authenticated,
    State(state): State<AppState>,
    Path(username): Path<String>,
    JsonBody(raw): JsonBody<RawProposal>,
) -> AppResult<(StatusCode, Json<ProposalDto>)> {
    let proposal = NewProposal::parse(raw)?;
    let row = cooperation::publish_proposal(&state.data(), &username, proposal).await?;
    Ok((StatusCode::CREATED, Json(row.into())))
}

async fn place_agreements(
    State(state): State<AppState>,
    Path(username): Path<String>,
) -> AppResult<Json<Vec<AgreementDto>>> {
    let data = state.data();
    let place = galaxie_federation::service::place(&data, &username).await?;
    let rows = cooperation::agreements_of(&data, &place).await?;
    Ok(Json(rows.into_iter().map(AgreementDto::from).collect()))
}

async fn answer_proposal(
    _auth: Authenticated,
    State(state): State<AppState>,
    Path(username): Path<String>,
    JsonBody(raw): JsonBody<RawAnswer>,
) -> AppResult<(StatusCode, Json<AgreementDto>)> {
    let answer = NewAnswer::parse(raw)?;
    let row = cooperation::answer(&state.data(), &username, answer).await?;
    Ok((StatusCode::CREATED, Json(row.into())))
}

async fn decide(
    _auth: Authenticated,
    State(state): State<AppState>,
    Path((id, decision)): Path<(i64, String)>,
) -> AppResult<Json<AgreementDto>> {
    let accept = match decision.as_str() {
        "accept" => true,
        "reject" => false,
        _ => return Err(AppError::NotFound),
    };
    let row = cooperation::decide(&state.data(), id, accept).await?;
    Ok(Json(row.into()))
}

async fn place_articles(
    State(state): State<AppState>,
    Path(username): Path<String>,
) -> AppResult<Json<Vec<ArticleDto>>> {
    let data = state.data();
    let place = galaxie_federation::service::place(&data, &username).await?;
    let rows = fork::articles_of(&data, &place).await?;
    Ok(Json(rows.into_iter().map(ArticleDto::from).collect()))
}

async fn create_article(
    _auth: Authenticated,
    State(state): State<AppState>,
    Path(username): Path<String>,
    JsonBody(raw): JsonBody<RawSourceArticle>,
) -> AppResult<(StatusCode, Json<ArticleDto>)> {
    let article = NewSourceArticle::parse(raw)?;
    let row = fork::publish_article(&state.data(), &username, article).await?;
    Ok((StatusCode::CREATED, Json(row.into())))
}

async fn place_forks(
    State(state): State<AppState>,
    Path(username): Path<String>,
) -> AppResult<Json<Vec<ForkDto>>> {
    let data = state.data();
    let place = galaxie_federation::service::place(&data, &username).await?;
    let rows = fork::forks_of(&data, &place).await?;
    Ok(Json(rows.into_iter().map(ForkDto::from).collect()))
}

/// A cooperation framework, as the API shows it.
#[derive(Serialize)]
pub struct FrameworkDto {
    pub slug: String,
    pub iri: String,
    pub label_fr: String,
    pub label_en: String,
}

fn framework_dtos(slugs: &[String]) -> Vec<FrameworkDto> {
    slugs
        .iter()
        .filter_map(|s| vocab::by_slug(Scheme::CooperationFramework, s))
        .map(|c| FrameworkDto {
            slug: c.slug.into(),
            iri: c.iri(),
            label_fr: c.label_fr.into(),
            label_en: c.label_en.into(),
        })
        .collect()
}

async fn place_frameworks(
    State(state): State<AppState>,
    Path(username): Path<String>,
) -> AppResult<Json<Vec<FrameworkDto>>> {
    let data = state.data();
    let place = galaxie_federation::service::place(&data, &username).await?;
    Ok(Json(framework_dtos(&galaxie_db::cooperation::frameworks(
        &place,
    ))))
}

/// The body of `PUT /api/v1/places/{username}/frameworks`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FrameworksBody {
    /// Concepts of the `cooperation-framework` scheme; empty clears them.
    pub frameworks: Vec<String>,
}

async fn set_frameworks(
    _auth: Authenticated,
    State(state): State<AppState>,
    Path(username): Path<String>,
    JsonBody(body): JsonBody<FrameworksBody>,
) -> AppResult<Json<Vec<FrameworkDto>>> {
    let place = cooperation::set_frameworks(&state.data(), &username, &body.frameworks).await?;
    Ok(Json(framework_dtos(&galaxie_db::cooperation::frameworks(
        &place,
    ))))
}

/// The body of `POST /api/v1/forks`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ForkRequest {
    /// `@place@host` or the URL of the place to start from.
    pub source: Option<String>,
    /// The new place's username.
    pub username: Option<String>,
    /// The new place's name.
    pub name: Option<String>,
}

/// What a fork made.
#[derive(Serialize)]
pub struct ForkedDto {
    pub username: String,
    pub actor: String,
    pub name: String,
    pub origin: String,
    pub articles: Vec<ArticleDto>,
}

async fn create_fork(
    _auth: Authenticated,
    State(state): State<AppState>,
    JsonBody(body): JsonBody<ForkRequest>,
) -> AppResult<(StatusCode, Json<ForkedDto>)> {
    let mut errors = ValidationErrors::new();
    let source = body.source.unwrap_or_default();
    let username = body.username.unwrap_or_default();
    if source.trim().is_empty() {
        errors.add("source", "is required: @place@host or the URL of a place");
    }
    if username.trim().is_empty() {
        errors.add("username", "is required: the new place's username");
    }
    if !errors.is_empty() {
        return Err(errors.into());
    }
    let data = state.data();
    let forked = fork::fork(&data, &source, username.trim(), body.name.as_deref()).await?;
    Ok((
        StatusCode::CREATED,
        Json(ForkedDto {
            actor: data.urls().place(&forked.place.username).to_string(),
            username: forked.place.username,
            name: forked.place.name,
            origin: forked.origin.to_string(),
            articles: forked.articles.into_iter().map(ArticleDto::from).collect(),
        }),
    ))
}

fn json_doc(value: serde_json::Value) -> AppResult<Response> {
    Ok(activity_json(value))
}

async fn proposal_document(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let data = state.data();
    let ap_id = data.urls().base().join(&format!("proposals/{id}"));
    let ap_id = ap_id.map_err(|_| AppError::NotFound)?;
    let row = galaxie_db::cooperation::proposal_by_ap_id(data.db().conn(), ap_id.as_str())
        .await?
        .filter(|r| r.local && r.deleted_at.is_none())
        .ok_or(AppError::NotFound)?;
    let doc = cooperation::proposal_json(&data, &row)?;
    json_doc(with_context(&doc).map_err(galaxie_federation::FederationError::from)?)
}

async fn agreement_document(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let data = state.data();
    let ap_id = data
        .urls()
        .base()
        .join(&format!("agreements/{id}"))
        .map_err(|_| AppError::NotFound)?;
    let conn = data.db().conn();
    let row = galaxie_db::cooperation::agreement_by_ap_id(conn, ap_id.as_str())
        .await?
        .ok_or(AppError::NotFound)?;
    let proposal = galaxie_db::cooperation::proposal_by_ap_id(conn, &row.proposal_ap_id).await?;
    json_doc(cooperation::agreement_document(&row, proposal.as_ref()))
}

async fn article_document(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> AppResult<Response> {
    let data = state.data();
    let ap_id = data
        .urls()
        .base()
        .join(&format!("source/{id}"))
        .map_err(|_| AppError::NotFound)?;
    let (place, row) = fork::article(&data, ap_id.as_str()).await?;
    let doc = fork::article_json(data.urls(), &place, &row)?;
    json_doc(with_context(&doc).map_err(galaxie_federation::FederationError::from)?)
}

async fn source_code_collection(
    State(state): State<AppState>,
    Path(username): Path<String>,
) -> AppResult<Response> {
    let data = state.data();
    let place = galaxie_federation::service::place(&data, &username).await?;
    json_doc(fork::collection(&data, &place).await?)
}

async fn forks_collection(
    State(state): State<AppState>,
    Path(username): Path<String>,
) -> AppResult<Response> {
    let data = state.data();
    let place = galaxie_federation::service::place(&data, &username).await?;
    json_doc(fork::forks_collection(&data, &place).await?)
}

/// The OpenAPI description of these routes (merged into `crate::openapi::document`).
pub fn openapi_paths() -> Vec<(&'static str, serde_json::Value)> {
    use serde_json::{Value, json};
    let err = |codes: &[&str]| -> Value {
        let mut m = serde_json::Map::new();
        for c in codes {
            let name = match *c {
                "400" => "BadRequest",
                "401" => "Unauthorized",
                "404" => "NotFound",
                "403" => "Forbidden",
                "409" => "Conflict",
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
    let text = json!({ "type": ["string", "null"] });
    let uri = json!({ "type": "string", "format": "uri" });
    let time = json!({ "type": "string", "format": "date-time" });
    let proposal = json!({ "type": "object", "required": ["id", "ap_id", "actor", "local", "purpose", "kind", "name", "summary", "quantity", "unit", "published"], "properties": {
        "id": { "type": "integer" }, "ap_id": uri, "actor": uri, "local": { "type": "boolean" },
        "purpose": { "type": "string", "enum": ["offer", "request"] },
        "kind": { "type": "string", "description": "A concept of the `cooperation` scheme." },
        "kind_iri": text, "kind_label_fr": text,
        "name": { "type": "string" },
        "summary": { "type": "string", "description": "One French line, as Mastodon shows it." },
        "content": { "type": ["string", "null"], "description": "Sanitised HTML." },
        "quantity": { "type": "number" }, "unit": { "type": "string", "enum": ["one", "hour", "day"] },
        "reciprocal": text, "departement": text, "published": time } });
    let agreement = json!({ "type": "object", "required": ["id", "ap_id", "proposal", "proposer", "responder", "status", "created_at"], "properties": {
        "id": { "type": "integer" }, "ap_id": uri, "proposal": uri, "proposer": uri, "responder": uri,
        "message": text, "status": { "type": "string", "enum": ["pending", "accepted", "rejected"] },
        "created_at": time, "decided_at": { "type": ["string", "null"], "format": "date-time" } } });
    let article = json!({ "type": "object", "required": ["id", "ap_id", "kind", "name", "summary", "content", "license", "published"], "properties": {
        "id": { "type": "integer" }, "ap_id": uri,
        "kind": { "type": "string", "enum": ["gouvernance", "modele-economique", "partenariats", "charte", "recette"] },
        "name": { "type": "string" }, "summary": { "type": "string" },
        "content": { "type": "string", "description": "Sanitised HTML; a fork's copy ends with its credit line." },
        "license": uri, "fork_of": text, "original_author": text, "attribution": text, "published": time } });
    let framework = json!({ "type": "object", "required": ["slug", "iri", "label_fr", "label_en"], "properties": {
        "slug": { "type": "string" }, "iri": uri, "label_fr": { "type": "string" }, "label_en": { "type": "string" } } });
    let list = |item: &Value, what: &str| json!({ "description": what, "content": { "application/json": { "schema": { "type": "array", "items": item } } } });
    let one = |item: &Value, what: &str| json!({ "description": what, "content": { "application/json": { "schema": item } } });
    let body = |schema: Value| json!({ "required": true, "content": { "application/json": { "schema": schema } } });
    let username = json!({ "name": "username", "in": "path", "required": true, "schema": { "type": "string" } });
    let bearer = json!([{ "bearer": [] }]);
    vec![
        (
            "/api/v1/proposals",
            json!({ "get": {
            "tags": ["cooperation"], "operationId": "listProposals",
            "summary": "Cooperation offers and requests known to this instance (ours and received), newest first",
            "parameters": [
                { "name": "purpose", "in": "query", "schema": { "type": "string", "enum": ["offer", "request"] } },
                { "name": "kind", "in": "query", "description": "Concepts of the `cooperation` scheme; repeat or separate with commas.", "schema": { "type": "string" } },
                { "name": "departement", "in": "query", "description": "Département codes of the proposing place.", "schema": { "type": "string" } },
                { "name": "limit", "in": "query", "schema": { "type": "integer", "minimum": 1, "maximum": 500 } } ],
            "responses": with(json!({ "200": list(&proposal, "The proposals.") }), &["400"]) } }),
        ),
        (
            "/api/v1/places/{username}/proposals",
            json!({ "parameters": [username.clone()],
            "get": { "tags": ["cooperation"], "operationId": "placeProposals", "summary": "A place's live proposals",
                "responses": with(json!({ "200": list(&proposal, "Its proposals.") }), &["404"]) },
            "post": { "tags": ["cooperation"], "operationId": "createProposal", "security": bearer.clone(),
                "summary": "Publish an offer or a request (a FEP-0837 `Proposal` sent to the place's followers)",
                "requestBody": body(json!({ "type": "object", "additionalProperties": false, "required": ["purpose", "kind", "name"], "properties": {
                    "purpose": { "type": "string", "enum": ["offer", "request"] },
                    "kind": { "type": "string", "description": "A concept of the `cooperation` scheme (slug or IRI)." },
                    "name": { "type": "string", "maxLength": 120 }, "content": { "type": "string", "maxLength": 5000 },
                    "quantity": { "type": "number", "exclusiveMinimum": 0 }, "unit": { "type": "string", "enum": ["one", "hour", "day"] },
                    "reciprocal": { "type": "string", "maxLength": 500, "description": "What is expected in return." } } })),
                "responses": with(json!({ "201": one(&proposal, "Published.") }), &["400", "401", "404", "422"]) } }),
        ),
        (
            "/api/v1/places/{username}/agreements",
            json!({ "parameters": [username.clone()],
            "get": { "tags": ["cooperation"], "operationId": "placeAgreements", "summary": "The agreements a place takes part in, as proposer or responder",
                "responses": with(json!({ "200": list(&agreement, "Its agreements.") }), &["404"]) },
            "post": { "tags": ["cooperation"], "operationId": "answerProposal", "security": bearer.clone(),
                "summary": "Answer a proposal: an `Offer` of an `Agreement` is sent to the proposer",
                "requestBody": body(json!({ "type": "object", "additionalProperties": false, "required": ["proposal"], "properties": {
                    "proposal": { "type": "string", "format": "uri", "description": "The proposal's id (fetched if unknown)." },
                    "message": { "type": "string", "maxLength": 5000 } } })),
                "responses": with(json!({ "201": one(&agreement, "Offered, pending.") }), &["400", "401", "404", "422", "502"]) } }),
        ),
        (
            "/api/v1/agreements/{id}/{decision}",
            json!({ "parameters": [
                { "name": "id", "in": "path", "required": true, "schema": { "type": "integer" } },
                { "name": "decision", "in": "path", "required": true, "schema": { "type": "string", "enum": ["accept", "reject"] } } ],
            "post": { "tags": ["cooperation"], "operationId": "decideAgreement", "security": bearer.clone(),
                "summary": "The proposer accepts or rejects an agreement offered to one of its proposals (`Accept` / `Reject` sent)",
                "responses": with(json!({ "200": one(&agreement, "Decided.") }), &["401", "404", "422"]) } }),
        ),
        (
            "/api/v1/places/{username}/source-code",
            json!({ "parameters": [username.clone()],
            "get": { "tags": ["cooperation"], "operationId": "placeSourceCode", "summary": "A place's code-source articles",
                "responses": with(json!({ "200": list(&article, "Its articles.") }), &["404"]) },
            "post": { "tags": ["cooperation"], "operationId": "createSourceArticle", "security": bearer.clone(),
                "summary": "Publish a code-source article (an openly licensed `Article` in the place's `sourceCode` collection)",
                "requestBody": body(json!({ "type": "object", "additionalProperties": false, "required": ["kind", "name", "content"], "properties": {
                    "kind": { "type": "string", "enum": ["gouvernance", "modele-economique", "partenariats", "charte", "recette"] },
                    "name": { "type": "string", "maxLength": 120 }, "summary": { "type": "string", "maxLength": 280 },
                    "content": { "type": "string", "maxLength": 50000, "description": "Plain text." },
                    "license": { "type": "string", "description": "A licence URL or name (CC-BY-SA-4.0, CC-BY-4.0, CC0-1.0, Etalab-2.0…); CC BY-SA 4.0 by default." } } })),
                "responses": with(json!({ "201": one(&article, "Published.") }), &["400", "401", "404", "422"]) } }),
        ),
        (
            "/api/v1/places/{username}/forks",
            json!({ "parameters": [username],
            "get": { "tags": ["cooperation"], "operationId": "placeForks", "summary": "The places that started from this place's code source and told it",
                "responses": with(json!({ "200": { "description": "Its forks.", "content": { "application/json": { "schema": { "type": "array", "items": { "type": "object", "properties": {
                    "actor": uri, "name": text, "created_at": time } } } } } } }), &["404"]) } }),
        ),
        (
            "/api/v1/places/{username}/frameworks",
            json!({ "parameters": [{ "name": "username", "in": "path", "required": true, "schema": { "type": "string" } }],
            "get": { "tags": ["cooperation"], "operationId": "placeFrameworks", "summary": "A place's cooperation frameworks (cadres de coopération: SCIC, SCOP, mécénat…)",
                "responses": with(json!({ "200": list(&framework, "Its frameworks.") }), &["404"]) },
            "put": { "tags": ["cooperation"], "operationId": "setPlaceFrameworks", "security": bearer.clone(),
                "summary": "Set a place's cooperation frameworks (its followers get an `Update` of the actor, with `cooperationFrameworks`)",
                "requestBody": body(json!({ "type": "object", "additionalProperties": false, "required": ["frameworks"], "properties": {
                    "frameworks": { "type": "array", "items": { "type": "string" }, "description": "Concepts of the `cooperation-framework` scheme (slug or IRI); empty clears them." } } })),
                "responses": with(json!({ "200": list(&framework, "Its frameworks now.") }), &["400", "401", "404", "422"]) } }),
        ),
        (
            "/api/v1/forks",
            json!({ "post": { "tags": ["cooperation"], "operationId": "forkPlace", "security": bearer,
            "summary": "Start a new local place from another place's published code source (attribution and licence kept; the origin is told)",
            "requestBody": body(json!({ "type": "object", "additionalProperties": false, "required": ["source", "username"], "properties": {
                "source": { "type": "string", "description": "`@place@host` or the place's URL." },
                "username": { "type": "string" }, "name": { "type": "string", "maxLength": 120 } } })),
            "responses": with(json!({ "201": { "description": "The new place and its copied articles.", "content": { "application/json": { "schema": { "type": "object", "properties": {
                "username": { "type": "string" }, "actor": uri, "name": { "type": "string" }, "origin": uri,
                "articles": { "type": "array", "items": article } } } } } } }), &["400", "401", "403", "404", "422", "502"]) } }),
        ),
    ]
}
