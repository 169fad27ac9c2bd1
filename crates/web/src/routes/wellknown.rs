//! WebFinger (RFC 7033) for `acct:user@host` and for the instance (FEP-d556), NodeInfo 2.1
//! with the instance actor linked (FEP-2677), and the JSON-LD context at `/ns`.

use super::AppState;
use crate::error::{AppError, AppResult};
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use galaxie_federation::{SOFTWARE, VERSION};
use serde::Deserialize;
use serde_json::json;

pub(super) fn router() -> Router<AppState> {
    Router::new()
        .route("/.well-known/webfinger", get(webfinger))
        .route("/.well-known/nodeinfo", get(nodeinfo_links))
        .route("/.well-known/host-meta", get(host_meta))
        .route("/nodeinfo/2.1", get(nodeinfo))
        .route("/ns", get(context))
        .route("/healthz", get(|| async { "ok" }))
        .route("/metrics", get(metrics))
        .route("/vocab", get(vocabulary))
        .route("/vocab/pictograms/{name}", get(pictogram))
}

#[derive(Deserialize)]
struct WebfingerQuery {
    resource: String,
}

async fn webfinger(
    State(state): State<AppState>,
    Query(q): Query<WebfingerQuery>,
) -> AppResult<Response> {
    let data = state.data();
    let urls = data.urls();
    let authority = urls.authority();
    let resource = q.resource.trim();
    let instance = || {
        json!({
            "subject": format!("acct:{authority}@{authority}"),
            "aliases": [urls.instance_actor()],
            "links": [
                { "rel": "self", "type": "application/activity+json", "href": urls.instance_actor() },
                { "rel": "https://www.w3.org/ns/activitystreams#Application", "type": "application/activity+json", "href": urls.instance_actor() }
            ]
        })
    };
    let base = urls.base().as_str();
    if resource == base
        || resource == base.trim_end_matches('/')
        || resource == urls.instance_actor().as_str()
    {
        return Ok(jrd(instance()));
    }
    let acct = resource.strip_prefix("acct:").unwrap_or(resource);
    let (user, host) = acct
        .trim_start_matches('@')
        .rsplit_once('@')
        .ok_or_else(|| AppError::BadRequest(format!("resource must be acct:user@{authority}")))?;
    if !host.eq_ignore_ascii_case(&authority) {
        return Err(AppError::NotFound);
    }
    if user == authority || user == "instance" {
        return Ok(jrd(instance()));
    }
    let place = galaxie_db::places::by_username(data.db().conn(), user)
        .await?
        .ok_or(AppError::NotFound)?;
    let actor = urls.place(&place.username);
    Ok(jrd(json!({
        "subject": format!("acct:{}@{authority}", place.username),
        "aliases": [actor],
        "links": [
            { "rel": "self", "type": "application/activity+json", "href": actor },
            { "rel": "http://webfinger.net/rel/profile-page", "type": "text/html", "href": actor },
            { "rel": "http://ostatus.org/schema/1.0/subscribe", "template": format!("{}authorize_interaction?uri={{uri}}", urls.base()) }
        ]
    })))
}

fn jrd(value: serde_json::Value) -> Response {
    (
        [
            ("content-type", "application/jrd+json; charset=utf-8"),
            ("access-control-allow-origin", "*"),
        ],
        value.to_string(),
    )
        .into_response()
}

async fn host_meta(State(state): State<AppState>) -> Response {
    let base = state.data().urls().base().to_string();
    (
        [("content-type", "application/xrd+xml; charset=utf-8")],
        format!(
            r#"<?xml version="1.0" encoding="UTF-8"?>
<XRD xmlns="http://docs.oasis-open.org/ns/xri/xrd-1.0"><Link rel="lrdd" template="{base}.well-known/webfinger?resource={{uri}}"/></XRD>"#
        ),
    )
        .into_response()
}

async fn nodeinfo_links(State(state): State<AppState>) -> Json<serde_json::Value> {
    let data = state.data();
    let urls = data.urls();
    let mut href = urls.base().clone();
    href.set_path("/nodeinfo/2.1");
    Json(json!({
        "links": [
            { "rel": "http://nodeinfo.diaspora.software/ns/schema/2.1", "href": href },
            { "rel": "https://www.w3.org/ns/activitystreams#Application", "href": urls.instance_actor() }
        ]
    }))
}

async fn nodeinfo(State(state): State<AppState>) -> AppResult<Response> {
    let data = state.data();
    let conn = data.db().conn();
    let places = galaxie_db::places::list(conn).await?.len();
    let posts = galaxie_db::objects::count_local(conn).await?;
    let body = json!({
        "version": "2.1",
        "software": {
            "name": SOFTWARE,
            "version": VERSION,
            "repository": "https://example.invalid/galaxie",
            "homepage": data.urls().base()
        },
        "protocols": ["activitypub"],
        "services": { "inbound": [], "outbound": ["atom1.0"] },
        "openRegistrations": false,
        "usage": {
            "users": { "total": places, "activeMonth": places, "activeHalfyear": places },
            "localPosts": posts
        },
        "metadata": {
            "nodeName": format!("Galaxie — {}", data.urls().authority()),
            "nodeDescription": "Réseau fédéré de tiers-lieux / a federated network of third places",
            "federation": { "enabled": true }
        }
    });
    Ok((
        [(
            "content-type",
            "application/json; profile=\"http://nodeinfo.diaspora.software/ns/schema/2.1#\"",
        )],
        body.to_string(),
    )
        .into_response())
}

async fn context() -> Response {
    (
        [
            ("content-type", "application/ld+json; charset=utf-8"),
            ("access-control-allow-origin", "*"),
        ],
        galaxie_federation::protocol::context::context_document().to_string(),
    )
        .into_response()
}

/// Hosts listed one by one in `galaxie_delivery_queue_host_pending`; the others are summed
/// under `host="(other)"`, so the number of series stays bounded.
const TOP_HOSTS: u64 = 20;

async fn metrics(State(state): State<AppState>) -> AppResult<Response> {
    use galaxie_db::entities::deliveries::DeliveryStatus;
    use galaxie_federation::metrics::Gauge;
    let data = state.data();
    let conn = data.db().conn();
    let pending = galaxie_db::deliveries::count_with_status(conn, DeliveryStatus::Pending).await?;
    let (by_host, others) = galaxie_db::deliveries::pending_by_host(conn, TOP_HOSTS).await?;
    let mut per_host: Vec<(String, u64)> = by_host;
    if others > 0 {
        per_host.push(("(other)".into(), others));
    }
    let inbox_pending = galaxie_db::inbox_queue::count_with_status(
        conn,
        galaxie_db::entities::inbox_queue::InboxStatus::Pending,
    )
    .await?;
    let dead = galaxie_db::deliveries::count_dead_inboxes(conn).await?;
    let places = galaxie_db::places::list(conn).await?.len() as u64;
    let body = data.metrics().render(&[
        Gauge::single(
            "galaxie_delivery_queue_pending",
            "Deliveries waiting to be sent.",
            pending,
        ),
        Gauge {
            name: "galaxie_delivery_queue_host_pending",
            help: "Deliveries waiting to be sent, for the 20 hosts with the most; the others summed under host=\"(other)\".",
            label: Some("host"),
            values: per_host,
        },
        Gauge::single(
            "galaxie_inbox_queue_pending",
            "Received activities waiting to be applied.",
            inbox_pending,
        ),
        Gauge::single(
            "galaxie_dead_inboxes",
            "Inboxes given up after the retry window.",
            dead,
        ),
        Gauge::single("galaxie_places", "Places hosted by this instance.", places),
    ]);
    Ok((
        [("content-type", "text/plain; version=0.0.4; charset=utf-8")],
        body,
    )
        .into_response())
}

/// The shared vocabulary as a SKOS JSON-LD document.
async fn vocabulary() -> Response {
    (
        [
            ("content-type", "application/ld+json; charset=utf-8"),
            ("access-control-allow-origin", "*"),
            ("cache-control", "public, max-age=3600"),
        ],
        galaxie_domain::vocab::to_json().to_string(),
    )
        .into_response()
}

/// A pictogram of the vocabulary (SVG made for the project, CC BY-SA 4.0).
async fn pictogram(axum::extract::Path(name): axum::extract::Path<String>) -> AppResult<Response> {
    let svg = galaxie_domain::vocab::pictogram(&name)
        .or_else(|| galaxie_domain::vocab::pictogram(&format!("{name}.svg")))
        .ok_or(AppError::NotFound)?;
    Ok((
        [
            ("content-type", "image/svg+xml"),
            ("cache-control", "public, max-age=86400"),
            ("x-content-type-options", "nosniff"),
            (
                "content-security-policy",
                "default-src 'none'; style-src 'unsafe-inline'",
            ),
        ],
        svg,
    )
        .into_response())
}
