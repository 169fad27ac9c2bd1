//! Backfill: when one of our places, networks or the instance actor starts following a place or
//! a network (its `Follow` is accepted), the recent items of its outbox are fetched, so that a
//! new timeline is not empty.
//!
//! Every loop is bounded, because an outbox is someone else's document: at most
//! [`MAX_PAGES`] pages and [`MAX_ITEMS`] items are read, a page seen twice ends the walk, and
//! the fetches share the federation crate's per-task request limit. Each object is fetched
//! from its origin (never trusted from the outbox), checked like any received object, and
//! stored once. It runs in the background; a failure is logged and loses nothing.

use crate::data::Data;
use crate::error::FederationError;
use crate::objects::post::ApubPost;
use crate::protocol::helpers::value_id;
use activitypub_federation::fetch::fetch_object_http;
use activitypub_federation::fetch::object_id::ObjectId;
use serde_json::Value;
use std::collections::HashSet;
use url::Url;

/// Pages of an outbox read at most.
pub const MAX_PAGES: usize = 3;
/// Items of an outbox considered at most.
pub const MAX_ITEMS: usize = 20;

/// What a backfill did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Backfilled {
    /// Pages read.
    pub pages: usize,
    /// Objects stored (new or refreshed).
    pub stored: usize,
    /// Items skipped (not public, not an object we keep, unreachable).
    pub skipped: usize,
}

/// Starts a backfill of `actor` in the background.
pub fn spawn(data: &Data, actor: Url) {
    let data = data.reset_request_count();
    tokio::spawn(async move {
        match run(&data, &actor).await {
            Ok(done) => tracing::info!(%actor, ?done, "backfill done"),
            Err(e) => tracing::warn!(%actor, error = %e, "backfill failed"),
        }
    });
}

async fn fetch(data: &Data, url: &Url) -> Result<Value, FederationError> {
    Ok(fetch_object_http::<_, Value>(url, data).await?.object)
}

/// Items of a collection or page, and the next page to read.
fn items_and_next(page: &Value) -> (Vec<Value>, Option<Url>) {
    let items = ["orderedItems", "items"]
        .iter()
        .find_map(|k| page.get(*k))
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let next = if items.is_empty() {
        page.get("first").and_then(|f| match f {
            Value::Object(_) => None,
            other => value_id(other),
        })
    } else {
        page.get("next").and_then(value_id)
    };
    (items, next)
}

/// Reads `actor`'s outbox and stores its recent public objects.
pub async fn run(data: &Data, actor: &Url) -> Result<Backfilled, FederationError> {
    let conn = data.db().conn();
    let row = galaxie_db::actors::by_ap_id(conn, actor.as_str())
        .await?
        .ok_or(FederationError::NotFound("actor"))?;
    let Some(outbox) = row.outbox.as_deref().and_then(|u| Url::parse(u).ok()) else {
        return Ok(Backfilled::default());
    };
    if outbox.host_str() != actor.host_str() {
        return Err(FederationError::Forbidden(format!(
            "outbox {outbox} is not on its actor's host"
        )));
    }
    let mut done = Backfilled::default();
    let mut seen = HashSet::new();
    let mut next = Some(outbox);
    let mut items = Vec::new();
    while let Some(url) = next.take() {
        if done.pages >= MAX_PAGES || items.len() >= MAX_ITEMS || !seen.insert(url.clone()) {
            break;
        }
        if url.host_str() != actor.host_str() {
            break;
        }
        let page = fetch(data, &url).await?;
        done.pages += 1;
        // An embedded first page.
        let page = match page.get("first") {
            Some(first @ Value::Object(_)) => first.clone(),
            _ => page,
        };
        let (page_items, page_next) = items_and_next(&page);
        items.extend(page_items);
        next = page_next;
    }
    items.truncate(MAX_ITEMS);
    for item in items {
        match store_item(data, actor, &item).await {
            Ok(true) => done.stored += 1,
            Ok(false) => done.skipped += 1,
            Err(e) => {
                tracing::debug!(%actor, error = %e, "backfill item skipped");
                done.skipped += 1;
            }
        }
    }
    Ok(done)
}

/// Stores one outbox item: the object of a public `Create` by the actor, or of an `Announce`
/// (a network's). Returns whether something was stored.
async fn store_item(data: &Data, actor: &Url, item: &Value) -> Result<bool, FederationError> {
    let kind = item.get("type").and_then(Value::as_str).unwrap_or("");
    let public = ["to", "cc"]
        .iter()
        .filter_map(|k| item.get(*k))
        .flat_map(|v| match v {
            Value::Array(items) => items.clone(),
            other => vec![other.clone()],
        })
        .any(|v| {
            v.as_str()
                .and_then(|s| Url::parse(s).ok())
                .is_some_and(|u| crate::protocol::helpers::is_public(&u))
        });
    if !public {
        return Ok(false);
    }
    let (object, via) = match kind {
        "Create" => (item.get("object").and_then(value_id), actor.clone()),
        "Announce" => {
            let inner = item.get("object");
            let object = match inner {
                Some(Value::Object(o))
                    if o.get("type").and_then(Value::as_str) == Some("Create") =>
                {
                    o.get("object").and_then(value_id)
                }
                Some(Value::Object(_)) => None,
                Some(other) => value_id(other),
                None => None,
            };
            (object, actor.clone())
        }
        _ => return Ok(false),
    };
    let Some(object) = object else {
        return Ok(false);
    };
    if data.urls().is_local(&object) {
        return Ok(false);
    }
    if kind == "Create" && object.host_str() != actor.host_str() {
        return Ok(false);
    }
    let post = match ObjectId::<ApubPost>::from(object).dereference(data).await {
        Ok(post) => post,
        Err(FederationError::Malformed(_)) | Err(FederationError::NotFound(_)) => {
            return Ok(false);
        }
        Err(e) => return Err(e),
    };
    if post.row.deleted_at.is_some() {
        return Ok(false);
    }
    let announce = (kind == "Announce")
        .then(|| item.get("id").and_then(Value::as_str))
        .flatten();
    galaxie_db::networks::add_source(data.db().conn(), &post.row.ap_id, via.as_str(), announce)
        .await?;
    if kind == "Announce" {
        crate::timeline::know_author(data, &post.row.attributed_to).await;
    }
    Ok(true)
}
