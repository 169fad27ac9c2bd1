//! Regional networks, relays and the instance's subscriptions: the JSON API
//! (`/api/v1/networks…`, `/api/v1/places/{username}/memberships`, `/api/v1/relays`,
//! `/api/v1/subscriptions`) and the networks' public ActivityPub collections (members and the
//! moderation log).

use super::AppState;
use super::api::{Authenticated, JsonBody};
use crate::error::{AppError, AppResult};
use crate::negotiate::activity_json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::routing::{get, post};
use axum::{Json, Router};
use chrono::{DateTime, Utc};
use galaxie_db::entities::network_members::MemberStatus;
use galaxie_db::entities::{memberships, moderation_log, network_members, places, subscriptions};
use galaxie_db::networks::{self as db, JoinPolicy, ModerationAction};
use galaxie_domain::{NewPlace, RawPlaceUpdate};
use galaxie_federation::network::{self, MemberDecision};
use galaxie_federation::relay::{self, RelayProtocol};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

/// Members and log entries listed at most.
const MAX_LISTED: u64 = 5000;

pub(super) fn router() -> Router<AppState> {
    Router::new()
        .route("/api/v1/networks", get(list_networks).post(create_network))
        .route("/api/v1/networks/{username}", get(get_network))
        .route("/api/v1/networks/{username}/members", get(list_members))
        .route(
            "/api/v1/networks/{username}/members/{decision}",
            post(decide_member),
        )
        .route("/api/v1/networks/{username}/withdraw", post(withdraw))
        .route("/api/v1/networks/{username}/moderation", get(moderation))
        .route(
            "/api/v1/places/{username}/memberships",
            get(list_memberships).post(join).delete(leave),
        )
        .route(
            "/api/v1/relays",
            get(list_relays).post(subscribe_relay).delete(unsubscribe),
        )
        .route(
            "/api/v1/subscriptions",
            get(list_subscriptions).post(subscribe).delete(unsubscribe),
        )
        .route("/places/{username}/members", get(members_collection))
        .route("/places/{username}/moderation", get(moderation_collection))
}

/// A network, as the API shows it.
#[derive(Serialize)]
pub struct NetworkDto {
    pub username: String,
    pub handle: String,
    pub name: String,
    pub summary: Option<String>,
    pub url: String,
    /// `open` or `approval`.
    pub policy: &'static str,
    /// Accepted members.
    pub members: usize,
    /// Requests waiting for a moderator.
    pub pending: usize,
}

async fn network_dto(state: &AppState, row: places::Model) -> AppResult<NetworkDto> {
    let data = state.data();
    let conn = data.db().conn();
    let all = db::members_of(conn, row.id, None).await?;
    Ok(NetworkDto {
        handle: format!("@{}@{}", row.username, data.urls().authority()),
        url: data.urls().place(&row.username).to_string(),
        policy: JoinPolicy::of(&row).as_str(),
        members: all
            .iter()
            .filter(|m| m.status == MemberStatus::Accepted)
            .count(),
        pending: all
            .iter()
            .filter(|m| m.status == MemberStatus::Pending)
            .count(),
        username: row.username,
        name: row.name,
        summary: row.summary,
    })
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NetworkInput {
    username: String,
    name: String,
    summary: Option<String>,
    policy: Option<String>,
}

fn policy(value: Option<&str>) -> Result<JoinPolicy, AppError> {
    match value {
        None => Ok(JoinPolicy::Open),
        Some(v) => JoinPolicy::parse(v).ok_or_else(|| {
            galaxie_domain::ValidationErrors::single(
                "policy",
                "choisissez open ou approval / choose open or approval",
            )
            .into()
        }),
    }
}

async fn create_network(
    State(state): State<AppState>,
    _auth: Authenticated,
    JsonBody(input): JsonBody<NetworkInput>,
) -> AppResult<(StatusCode, Json<NetworkDto>)> {
    let policy = policy(input.policy.as_deref())?;
    let new = NewPlace::from_parts(
        Some(&input.username),
        RawPlaceUpdate {
            name: Some(input.name),
            summary: input.summary,
            ..Default::default()
        },
    )?;
    let row = network::create(&state.data(), new, policy).await?;
    Ok((StatusCode::CREATED, Json(network_dto(&state, row).await?)))
}

async fn list_networks(State(state): State<AppState>) -> AppResult<Json<Vec<NetworkDto>>> {
    let rows = db::list(state.data().db().conn()).await?;
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        out.push(network_dto(&state, row).await?);
    }
    Ok(Json(out))
}

async fn get_network(
    State(state): State<AppState>,
    Path(username): Path<String>,
) -> AppResult<Json<NetworkDto>> {
    let row = network::network(&state.data(), &username).await?;
    Ok(Json(network_dto(&state, row).await?))
}

/// A member of a network.
#[derive(Serialize)]
pub struct MemberDto {
    pub actor: String,
    pub kind: Option<String>,
    pub status: MemberStatus,
    pub since: DateTime<Utc>,
}

fn member_dto(m: network_members::Model) -> MemberDto {
    MemberDto {
        actor: m.member_ap_id,
        kind: m.member_kind,
        status: m.status,
        since: m.created_at,
    }
}

async fn list_members(
    State(state): State<AppState>,
    Path(username): Path<String>,
) -> AppResult<Json<Vec<MemberDto>>> {
    let data = state.data();
    let row = network::network(&data, &username).await?;
    let members = db::members_of(data.db().conn(), row.id, None).await?;
    Ok(Json(members.into_iter().map(member_dto).collect()))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DecisionInput {
    member: String,
    reason: Option<String>,
}

async fn decide_member(
    State(state): State<AppState>,
    _auth: Authenticated,
    Path((username, decision)): Path<(String, String)>,
    JsonBody(input): JsonBody<DecisionInput>,
) -> AppResult<Json<MemberDto>> {
    let decision = match decision.as_str() {
        "approve" => MemberDecision::Approve,
        "refuse" => MemberDecision::Refuse,
        "remove" => MemberDecision::Remove,
        "block" => MemberDecision::Block,
        _ => return Err(AppError::NotFound),
    };
    let row = network::decide_member(
        &state.data(),
        &username,
        &input.member,
        decision,
        input.reason.as_deref(),
    )
    .await?;
    Ok(Json(member_dto(row)))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WithdrawInput {
    object: String,
    reason: Option<String>,
}

async fn withdraw(
    State(state): State<AppState>,
    _auth: Authenticated,
    Path(username): Path<String>,
    JsonBody(input): JsonBody<WithdrawInput>,
) -> AppResult<Json<Value>> {
    let count = network::withdraw_post(
        &state.data(),
        &username,
        &input.object,
        input.reason.as_deref(),
    )
    .await?;
    Ok(Json(json!({ "object": input.object, "withdrawn": count })))
}

/// One entry of a network's public moderation log.
#[derive(Serialize)]
pub struct ModerationDto {
    pub id: i64,
    pub action: String,
    /// The decision in plain French.
    pub label: &'static str,
    pub target: String,
    pub reason: Option<String>,
    pub activity: Option<String>,
    pub at: DateTime<Utc>,
}

fn moderation_dto(e: moderation_log::Model) -> ModerationDto {
    ModerationDto {
        id: e.id,
        label: ModerationAction::label_fr(&e.action),
        action: e.action,
        target: e.target,
        reason: e.reason,
        activity: e.activity_ap_id,
        at: e.created_at,
    }
}

async fn moderation(
    State(state): State<AppState>,
    Path(username): Path<String>,
) -> AppResult<Json<Vec<ModerationDto>>> {
    let data = state.data();
    let row = network::network(&data, &username).await?;
    let entries = db::log_page(data.db().conn(), row.id, MAX_LISTED, None).await?;
    Ok(Json(entries.into_iter().map(moderation_dto).collect()))
}

/// A place's membership in a network.
#[derive(Serialize)]
pub struct MembershipDto {
    pub network: String,
    pub status: MemberStatus,
    pub since: DateTime<Utc>,
}

fn membership_dto(m: memberships::Model) -> MembershipDto {
    MembershipDto {
        network: m.network_ap_id,
        status: m.status,
        since: m.created_at,
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NetworkTarget {
    network: String,
}

async fn list_memberships(
    State(state): State<AppState>,
    Path(username): Path<String>,
) -> AppResult<Json<Vec<MembershipDto>>> {
    let data = state.data();
    let place = galaxie_federation::service::place(&data, &username).await?;
    let rows = db::memberships_of(data.db().conn(), place.id).await?;
    Ok(Json(rows.into_iter().map(membership_dto).collect()))
}

async fn join(
    State(state): State<AppState>,
    _auth: Authenticated,
    Path(username): Path<String>,
    JsonBody(input): JsonBody<NetworkTarget>,
) -> AppResult<(StatusCode, Json<MembershipDto>)> {
    let row = network::join(&state.data(), &username, &input.network).await?;
    Ok((StatusCode::ACCEPTED, Json(membership_dto(row))))
}

async fn leave(
    State(state): State<AppState>,
    _auth: Authenticated,
    Path(username): Path<String>,
    JsonBody(input): JsonBody<NetworkTarget>,
) -> AppResult<StatusCode> {
    network::leave(&state.data(), &username, &input.network).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// A subscription of the instance actor.
#[derive(Serialize)]
pub struct SubscriptionDto {
    pub target: String,
    /// `actor`, `relay-mastodon` or `relay-litepub`.
    pub kind: String,
    pub status: galaxie_db::entities::followers::FollowStatus,
    pub since: DateTime<Utc>,
}

fn subscription_dto(s: subscriptions::Model) -> SubscriptionDto {
    SubscriptionDto {
        target: s.target_ap_id,
        kind: s.kind,
        status: s.status,
        since: s.created_at,
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RelayInput {
    url: String,
    protocol: Option<String>,
}

async fn subscribe_relay(
    State(state): State<AppState>,
    _auth: Authenticated,
    JsonBody(input): JsonBody<RelayInput>,
) -> AppResult<(StatusCode, Json<SubscriptionDto>)> {
    let protocol = match input.protocol.as_deref() {
        None => None,
        Some("mastodon") => Some(RelayProtocol::Mastodon),
        Some("litepub") => Some(RelayProtocol::LitePub),
        Some(_) => {
            return Err(galaxie_domain::ValidationErrors::single(
                "protocol",
                "choisissez mastodon ou litepub / choose mastodon or litepub",
            )
            .into());
        }
    };
    let row = relay::subscribe(&state.data(), &input.url, protocol).await?;
    Ok((StatusCode::ACCEPTED, Json(subscription_dto(row))))
}

async fn list_relays(State(state): State<AppState>) -> AppResult<Json<Value>> {
    let conn = state.data().db().conn().clone();
    let subscriptions: Vec<SubscriptionDto> = db::subscriptions(&conn)
        .await?
        .into_iter()
        .filter(|s| s.kind != db::subscription_kind::ACTOR)
        .map(subscription_dto)
        .collect();
    let subscribers: Vec<Value> = db::relay_subscribers(&conn, None)
        .await?
        .into_iter()
        .map(|s| json!({ "actor": s.actor_ap_id, "kind": s.kind, "since": s.created_at }))
        .collect();
    Ok(Json(json!({
        "relay": state.data().settings().relay,
        "subscriptions": subscriptions,
        "subscribers": subscribers,
    })))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TargetInput {
    #[serde(alias = "url")]
    target: String,
}

async fn unsubscribe(
    State(state): State<AppState>,
    _auth: Authenticated,
    JsonBody(input): JsonBody<TargetInput>,
) -> AppResult<StatusCode> {
    relay::unsubscribe(&state.data(), &input.target).await?;
    Ok(StatusCode::NO_CONTENT)
}

async fn subscribe(
    State(state): State<AppState>,
    _auth: Authenticated,
    JsonBody(input): JsonBody<TargetInput>,
) -> AppResult<(StatusCode, Json<SubscriptionDto>)> {
    let row = relay::follow_actor(&state.data(), &input.target).await?;
    Ok((StatusCode::ACCEPTED, Json(subscription_dto(row))))
}

async fn list_subscriptions(
    State(state): State<AppState>,
) -> AppResult<Json<Vec<SubscriptionDto>>> {
    let rows = db::subscriptions(state.data().db().conn()).await?;
    Ok(Json(
        rows.into_iter()
            .filter(|s| s.kind == db::subscription_kind::ACTOR)
            .map(subscription_dto)
            .collect(),
    ))
}

/// `GET /places/{username}/members`: the accepted members' actor ids (FEP-1b12 groups have
/// followers; members are Galaxie's addition, `gx:members`).
async fn members_collection(
    State(state): State<AppState>,
    Path(username): Path<String>,
) -> AppResult<Response> {
    let data = state.data();
    let row = network::network(&data, &username)
        .await
        .map_err(|_| AppError::NotFound)?;
    let members = db::members_of(data.db().conn(), row.id, Some(MemberStatus::Accepted)).await?;
    let items: Vec<&str> = members.iter().map(|m| m.member_ap_id.as_str()).collect();
    Ok(activity_json(json!({
        "@context": "https://www.w3.org/ns/activitystreams",
        "id": data.urls().place_members(&row.username),
        "type": "OrderedCollection",
        "totalItems": items.len(),
        "orderedItems": items,
    })))
}

/// `GET /places/{username}/moderation`: the public moderation log, each decision as the
/// ActivityStreams activity it amounts to, newest first.
async fn moderation_collection(
    State(state): State<AppState>,
    Path(username): Path<String>,
) -> AppResult<Response> {
    let data = state.data();
    let row = network::network(&data, &username)
        .await
        .map_err(|_| AppError::NotFound)?;
    let log_url = data.urls().place_moderation(&row.username);
    let actor = data.urls().place(&row.username);
    let entries = db::log_page(data.db().conn(), row.id, MAX_LISTED, None).await?;
    let items: Vec<Value> = entries
        .into_iter()
        .map(|e| {
            let kind = match e.action.as_str() {
                "accept" => "Accept",
                "refuse" | "reject-activity" => "Reject",
                "leave" => "Leave",
                "remove-member" => "Remove",
                "block-member" => "Block",
                _ => "Undo",
            };
            json!({
                "id": format!("{log_url}#{}", e.id),
                "type": kind,
                "actor": actor,
                "object": e.target,
                "name": ModerationAction::label_fr(&e.action),
                "summary": e.reason,
                "published": e.created_at,
            })
        })
        .collect();
    Ok(activity_json(json!({
        "@context": "https://www.w3.org/ns/activitystreams",
        "id": log_url,
        "type": "OrderedCollection",
        "totalItems": items.len(),
        "orderedItems": items,
    })))
}
