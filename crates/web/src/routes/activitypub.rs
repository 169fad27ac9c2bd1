//! ActivityPub endpoints: actors, objects and activities (JSON for ActivityPub clients; browsers
//! are sent to the pages of the web interface, `galaxie-site`), inboxes, and paged outbox,
//! followers and following.

use super::AppState;
use crate::error::{AppError, AppResult};
use crate::negotiate::{activity_json, html_page, html_page_with_alternates, wants_activity_json};
use axum::Router;
use axum::body::Bytes;
use axum::extract::{OriginalUri, Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use galaxie_domain::text::escape_html;
use galaxie_federation::inbox::{self, InboxPost, Received};
use galaxie_federation::objects::instance::ApubInstance;
use galaxie_federation::objects::place::ApubPlace;
use galaxie_federation::objects::post::ApubPost;
use galaxie_federation::protocol::collection::{OrderedCollection, OrderedCollectionPage};
use galaxie_federation::protocol::context::with_context;
use serde::Deserialize;
use serde_json::{Value, json};

/// Items per collection page.
const PAGE_SIZE: u64 = 20;

pub(super) fn router() -> Router<AppState> {
    Router::new()
        .route("/actor", get(instance_actor))
        .route("/actor/inbox", post(shared_inbox))
        .route("/actor/outbox", get(instance_outbox))
        .route("/inbox", post(shared_inbox))
        .route("/places/{username}", get(place))
        .route("/places/{username}/inbox", post(place_inbox))
        .route("/places/{username}/outbox", get(outbox))
        .route("/places/{username}/followers", get(followers))
        .route("/places/{username}/following", get(following))
        .route("/places/{username}/services", get(services))
        .route("/objects/{id}", get(object))
        .route("/activities/{id}", get(activity))
}

async fn instance_actor(State(state): State<AppState>) -> AppResult<Response> {
    let data = state.data();
    let actor = ApubInstance::new(data.instance().clone(), data.urls()).to_json();
    Ok(activity_json(
        with_context(&actor).map_err(galaxie_federation::FederationError::from)?,
    ))
}

async fn instance_outbox(State(state): State<AppState>) -> Response {
    let data = state.data();
    let id = data.urls().instance_outbox();
    activity_json(json!({
        "@context": "https://www.w3.org/ns/activitystreams",
        "id": id, "type": "OrderedCollection", "totalItems": 0, "orderedItems": []
    }))
}

async fn place(
    State(state): State<AppState>,
    Path(username): Path<String>,
    headers: HeaderMap,
) -> AppResult<Response> {
    let data = state.data();
    let Some(row) = galaxie_db::places::by_username(data.db().conn(), &username).await? else {
        // FEP-a5c5 `/places/{username}.atom` and `.rss`: axum cannot route the suffix.
        return super::feeds::by_suffix(&state, &username, &headers).await;
    };
    let actor = ApubPlace::new(row.clone(), data.urls()).to_json(data.urls());
    if wants_activity_json(&headers) {
        let mut json = with_context(&actor).map_err(galaxie_federation::FederationError::from)?;
        // A network that issues labels publishes its Ed25519 key (FEP-521a).
        galaxie_federation::label::add_assertion_method(&data, &row, &mut json).await?;
        return Ok(activity_json(json));
    }
    // Browsers read the place's page in the web interface (`galaxie-site`).
    if row.kind == galaxie_db::networks::KIND_PLACE {
        return Ok(see_other(&format!("/lieux/{}", row.username)));
    }
    let handle = format!("@{}@{}", row.username, data.urls().authority());
    let mut body = format!(
        "<h1>{}</h1><p>{}</p>",
        escape_html(&row.name),
        escape_html(&handle)
    );
    if let Some(s) = &row.summary {
        body.push_str(&format!("<p>{}</p>", escape_html(s)));
    }
    body.push_str("<dl>");
    for field in &actor.attachment {
        body.push_str(&format!(
            "<dt>{}</dt><dd>{}</dd>",
            escape_html(&field.name),
            field.value
        ));
    }
    body.push_str("</dl>");
    let events = galaxie_db::objects::by_place(data.db().conn(), row.id, None).await?;
    body.push_str("<h2>Publications</h2><ul>");
    for e in events.iter().take(20) {
        let label = e
            .summary
            .clone()
            .or_else(|| e.name.clone())
            .unwrap_or_else(|| e.kind.clone());
        body.push_str(&format!(
            r#"<li><a href="{}">{}</a></li>"#,
            escape_html(&e.ap_id),
            escape_html(&label)
        ));
    }
    body.push_str("</ul>");
    let feeds = super::feeds::place_alternates(data.urls(), &row.username);
    let mut alternates = vec![("application/activity+json", actor.id.as_str())];
    alternates.extend(
        feeds
            .iter()
            .map(|(media_type, url)| (*media_type, url.as_str())),
    );
    Ok(html_page_with_alternates(&row.name, &body, &alternates))
}

async fn object(
    State(state): State<AppState>,
    OriginalUri(uri): OriginalUri,
    headers: HeaderMap,
) -> AppResult<Response> {
    let data = state.data();
    let mut url = data.urls().base().clone();
    url.set_path(uri.path());
    let row = galaxie_db::objects::by_ap_id(data.db().conn(), url.as_str())
        .await?
        .filter(|r| r.place_id.is_some())
        .ok_or(AppError::NotFound)?;
    if let Some(deleted) = row.deleted_at {
        let tombstone = json!({
            "@context": "https://www.w3.org/ns/activitystreams",
            "id": row.ap_id, "type": "Tombstone", "formerType": row.kind, "deleted": deleted
        });
        let mut response = activity_json(tombstone);
        *response.status_mut() = StatusCode::GONE;
        return Ok(response);
    }
    let post = ApubPost::new(row.clone())?
        .to_post(data.db().conn(), &data)
        .await?;
    if wants_activity_json(&headers) {
        return Ok(activity_json(
            with_context(&post).map_err(galaxie_federation::FederationError::from)?,
        ));
    }
    // Browsers read the object's page in the web interface (`galaxie-site`), by kind.
    if let Some(page) = html_page_of(&row) {
        return Ok(see_other(&page));
    }
    let title = row
        .name
        .clone()
        .or_else(|| row.summary.clone())
        .unwrap_or_else(|| row.kind.clone());
    let mut body = format!("<h1>{}</h1>", escape_html(&title));
    if let Some(s) = &row.summary {
        body.push_str(&format!("<p>{}</p>", escape_html(s)));
    }
    if let Some(c) = &row.content {
        body.push_str(c);
    }
    Ok(html_page(&title, &body, Some(&row.ap_id)))
}

/// Where the web interface shows a local object (`/evenements/{key}`…), by kind.
fn html_page_of(row: &galaxie_db::entities::objects::Model) -> Option<String> {
    let (_, key) = row.ap_id.rsplit_once("/objects/")?;
    let section = match row.kind.as_str() {
        "Event" => "evenements",
        "Article" => "patrimoine",
        "Page" => "services",
        "Note" => "actualites",
        _ => return None,
    };
    Some(format!("/{section}/{key}"))
}

/// A 303 to a page of the web interface; caches keep it apart from the JSON (`Vary: Accept`).
fn see_other(location: &str) -> Response {
    let mut response = StatusCode::SEE_OTHER.into_response();
    if let Ok(v) = axum::http::HeaderValue::from_str(location) {
        response.headers_mut().insert("location", v);
    }
    response
        .headers_mut()
        .insert("vary", axum::http::HeaderValue::from_static("Accept"));
    response
}

async fn activity(
    State(state): State<AppState>,
    OriginalUri(uri): OriginalUri,
) -> AppResult<Response> {
    let data = state.data();
    let mut url = data.urls().base().clone();
    url.set_path(uri.path());
    let row = galaxie_db::activities::by_ap_id(data.db().conn(), url.as_str())
        .await?
        .filter(|a| a.local && a.public)
        .ok_or(AppError::NotFound)?;
    let value: Value =
        serde_json::from_str(&row.payload).map_err(galaxie_federation::FederationError::from)?;
    Ok(activity_json(value))
}

#[derive(Deserialize)]
struct PageQuery {
    page: Option<bool>,
    before: Option<i64>,
    after: Option<i64>,
}

async fn outbox(
    State(state): State<AppState>,
    Path(username): Path<String>,
    Query(q): Query<PageQuery>,
) -> AppResult<Response> {
    let data = state.data();
    let conn = data.db().conn();
    let place = galaxie_db::places::get_by_username(conn, &username).await?;
    let id = data.urls().place_outbox(&username);
    let total = galaxie_db::activities::outbox_count(conn, place.id).await?;
    let page_url = |before: Option<i64>| {
        let mut u = id.clone();
        match before {
            Some(b) => u.set_query(Some(&format!("page=true&before={b}"))),
            None => u.set_query(Some("page=true")),
        }
        u
    };
    if q.page != Some(true) {
        let c = OrderedCollection::new(id.clone(), total, page_url(None));
        return Ok(activity_json(
            with_context(&c).map_err(galaxie_federation::FederationError::from)?,
        ));
    }
    let rows = galaxie_db::activities::outbox(conn, place.id, PAGE_SIZE, q.before).await?;
    let next = (rows.len() as u64 == PAGE_SIZE).then(|| page_url(rows.last().map(|r| r.id)));
    let items = rows
        .iter()
        .filter_map(|r| serde_json::from_str::<Value>(&r.payload).ok())
        .map(|mut v| {
            if let Some(m) = v.as_object_mut() {
                m.remove("@context");
            }
            v
        })
        .collect();
    let page = OrderedCollectionPage::new(page_url(q.before), id, total, items, next);
    Ok(activity_json(
        with_context(&page).map_err(galaxie_federation::FederationError::from)?,
    ))
}

async fn followers(
    State(state): State<AppState>,
    Path(username): Path<String>,
    Query(q): Query<PageQuery>,
) -> AppResult<Response> {
    let data = state.data();
    let conn = data.db().conn();
    let place = galaxie_db::places::get_by_username(conn, &username).await?;
    let id = data.urls().place_followers(&username);
    let total = galaxie_db::follows::accepted_followers_count(conn, place.id).await?;
    let page_url = |after: Option<i64>| {
        let mut u = id.clone();
        match after {
            Some(a) => u.set_query(Some(&format!("page=true&after={a}"))),
            None => u.set_query(Some("page=true")),
        }
        u
    };
    if q.page != Some(true) {
        let c = OrderedCollection::new(id.clone(), total, page_url(None));
        return Ok(activity_json(
            with_context(&c).map_err(galaxie_federation::FederationError::from)?,
        ));
    }
    let rows =
        galaxie_db::follows::accepted_followers_page(conn, place.id, PAGE_SIZE, q.after).await?;
    let next = (rows.len() as u64 == PAGE_SIZE).then(|| page_url(rows.last().map(|r| r.id)));
    let items = rows.iter().map(|r| json!(r.actor_ap_id)).collect();
    let page = OrderedCollectionPage::new(page_url(q.after), id, total, items, next);
    Ok(activity_json(
        with_context(&page).map_err(galaxie_federation::FederationError::from)?,
    ))
}

async fn following(
    State(state): State<AppState>,
    Path(username): Path<String>,
) -> AppResult<Response> {
    let data = state.data();
    let conn = data.db().conn();
    let place = galaxie_db::places::get_by_username(conn, &username).await?;
    let id = data.urls().place_following(&username);
    let rows: Vec<Value> = galaxie_db::follows::followings_of(conn, place.id)
        .await?
        .into_iter()
        .filter(|f| f.status == galaxie_db::entities::followers::FollowStatus::Accepted)
        .map(|f| json!(f.target_ap_id))
        .collect();
    let mut first = id.clone();
    first.set_query(Some("page=true"));
    let page = OrderedCollectionPage::new(first, id, rows.len() as u64, rows, None);
    Ok(activity_json(
        with_context(&page).map_err(galaxie_federation::FederationError::from)?,
    ))
}

async fn receive(
    state: AppState,
    uri: axum::http::Uri,
    headers: HeaderMap,
    body: Bytes,
) -> AppResult<Response> {
    let data = state.data();
    let Some(_permit) = data.try_inbox_permit() else {
        data.metrics()
            .inbox_refused(galaxie_federation::metrics::RejectReason::Busy);
        return Ok((
            StatusCode::SERVICE_UNAVAILABLE,
            [("retry-after", "5")],
            "the inbox is busy; retry later",
        )
            .into_response());
    };
    let path_and_query = uri.path_and_query().map(|p| p.as_str()).unwrap_or("/");
    let received = inbox::receive(
        &data,
        InboxPost {
            path_and_query,
            headers: &headers,
            body,
        },
    )
    .await;
    match received {
        Ok(Received::Queued | Received::Duplicate | Received::Ignored(_)) => {
            Ok(StatusCode::ACCEPTED.into_response())
        }
        Err(err) => {
            tracing::info!(error = %err, path = path_and_query, "inbox refused an activity");
            Err(err.into())
        }
    }
}

async fn shared_inbox(
    State(state): State<AppState>,
    OriginalUri(uri): OriginalUri,
    headers: HeaderMap,
    body: Bytes,
) -> AppResult<Response> {
    receive(state, uri, headers, body).await
}

async fn place_inbox(
    State(state): State<AppState>,
    Path(username): Path<String>,
    OriginalUri(uri): OriginalUri,
    headers: HeaderMap,
    body: Bytes,
) -> AppResult<Response> {
    galaxie_db::places::get_by_username(state.data().db().conn(), &username).await?;
    receive(state, uri, headers, body).await
}

/// The place's services, as an `OrderedCollection` of embedded `Page`s (small: a place offers
/// a handful of services).
async fn services(
    State(state): State<AppState>,
    Path(username): Path<String>,
) -> AppResult<Response> {
    let data = state.data();
    let conn = data.db().conn();
    let place = galaxie_db::places::get_by_username(conn, &username).await?;
    let id = data.urls().place_services(&username);
    let rows = galaxie_db::objects::by_place(conn, place.id, Some("Page")).await?;
    let mut items = Vec::with_capacity(rows.len());
    for row in rows {
        let post = ApubPost::new(row)?.to_post(data.db().conn(), &data).await?;
        items.push(serde_json::to_value(post).map_err(galaxie_federation::FederationError::from)?);
    }
    let collection = json!({
        "id": id,
        "type": "OrderedCollection",
        "totalItems": items.len(),
        "orderedItems": items,
    });
    Ok(activity_json(
        with_context(&collection).map_err(galaxie_federation::FederationError::from)?,
    ))
}
