//! What enters the timeline, and by which path.
//!
//! An object can arrive by its author's `Create`, by a network's `Announce` (of the activity,
//! FEP-1b12, or of the object, the boost Mastodon sends), or by a relay. It is stored once,
//! under its id; each path is recorded in `object_sources`. An `Announce`d object is always
//! fetched from its origin, so its content never rests on the announcer's word. When an
//! announcer withdraws its `Announce` (`Undo`), only that path is forgotten; an object that no
//! longer has any path, and whose author nobody here follows, leaves the timeline.

use crate::activities::announce::Announce;
use crate::activities::undo::Undo;
use crate::data::Data;
use crate::error::FederationError;
use crate::objects::post::ApubPost;
use crate::protocol::helpers::value_id;
use activitypub_federation::fetch::object_id::ObjectId;
use galaxie_db::networks as db;
use serde_json::Value;
use url::Url;

/// Whether content announced by `actor` is wanted: a local place, network or the instance
/// follows it, or it is a relay the instance subscribed to.
pub async fn follows_announcer(data: &Data, actor: &Url) -> Result<bool, FederationError> {
    let conn = data.db().conn();
    Ok(
        galaxie_db::follows::is_followed_locally(conn, actor.as_str()).await?
            || db::relay_of(conn, actor.as_str()).await?.is_some(),
    )
}

/// An `Announce` from someone we follow: fetch what it announces from its origin and record
/// the path.
pub async fn on_announce(data: &Data, announce: &Announce) -> Result<(), FederationError> {
    if !follows_announcer(data, &announce.actor).await? {
        return Ok(());
    }
    let conn = data.db().conn();
    let (object_id, inner_kind, inner_actor) = match &announce.object {
        Value::Object(inner) => match inner.get("type").and_then(Value::as_str) {
            Some(kind @ ("Create" | "Update" | "Delete")) => {
                let Some(object_id) = inner.get("object").and_then(value_id) else {
                    return Err(FederationError::Malformed(
                        "announced activity has no object".into(),
                    ));
                };
                (object_id, kind, inner.get("actor").and_then(value_id))
            }
            // An object embedded as such (some servers embed the boosted note).
            Some(_) if inner.get("attributedTo").is_some() || inner.get("content").is_some() => (
                super::activities::object_id(&announce.object)?,
                "Object",
                None,
            ),
            // Likes, follows, announces of announces: nothing for the timeline.
            _ => return Ok(()),
        },
        other => (super::activities::object_id(other)?, "Object", None),
    };
    if data.urls().is_local(&object_id) {
        return Ok(());
    }
    if let Some(actor) = &inner_actor
        && actor.host_str() != object_id.host_str()
    {
        return Err(FederationError::Forbidden(format!(
            "announced activity of {actor} is about {object_id}, on another host"
        )));
    }
    let id = ObjectId::<ApubPost>::from(object_id.clone());
    if inner_kind == "Delete" {
        // Deleted at its origin? Only then is it deleted here.
        if let Some(row) = galaxie_db::objects::by_ap_id(conn, object_id.as_str()).await?
            && row.place_id.is_none()
            && row.deleted_at.is_none()
        {
            match id.dereference_forced(data).await {
                Ok(_) => {}
                Err(FederationError::NotFound(_)) => {
                    galaxie_db::objects::mark_deleted(conn, row).await?;
                }
                Err(FederationError::Remote(why)) if why.contains("deleted") => {
                    if let Some(row) =
                        galaxie_db::objects::by_ap_id(conn, object_id.as_str()).await?
                        && row.deleted_at.is_none()
                    {
                        galaxie_db::objects::mark_deleted(conn, row).await?;
                    }
                }
                Err(e) => return Err(e),
            }
        }
        return Ok(());
    }
    let fetched = if inner_kind == "Update" {
        id.dereference_forced(data).await
    } else {
        id.dereference(data).await
    };
    let post = match fetched {
        Ok(post) => post,
        // Not a note, event, article or page: not for the timeline.
        Err(FederationError::Malformed(_)) => return Ok(()),
        // Gone, or never existed at its origin: nothing to store.
        Err(FederationError::NotFound(_)) => return Ok(()),
        Err(FederationError::Remote(why)) if why.contains("deleted") => return Ok(()),
        Err(FederationError::Remote(why)) if why.contains("parse") => return Ok(()),
        Err(e) => return Err(e),
    };
    if let Some(actor) = &inner_actor
        && post.row.attributed_to != actor.as_str()
    {
        return Err(FederationError::Forbidden(format!(
            "announced activity of {actor} is about an object of {}",
            post.row.attributed_to
        )));
    }
    db::add_source(
        conn,
        &post.row.ap_id,
        announce.actor.as_str(),
        Some(announce.id.as_str()),
    )
    .await?;
    know_author(data, &post.row.attributed_to).await;
    Ok(())
}

/// Reads (or refreshes) the author of an object that came through someone else, so that the
/// directory knows the place and the object is placed on its territory. A failure only
/// leaves the object unplaced.
pub async fn know_author(data: &Data, author: &str) {
    let Ok(url) = Url::parse(author) else {
        return;
    };
    if let Err(e) = ObjectId::<crate::objects::actor::ApubActor>::from(url)
        .dereference(data)
        .await
    {
        tracing::debug!(%author, error = %e, "cannot read the author of an announced object");
    }
}

/// An announcer withdrew an `Announce`: forget that path; an object left without any, whose
/// author nobody here follows, leaves the timeline.
pub async fn on_unannounce(data: &Data, undo: &Undo) -> Result<(), FederationError> {
    let Some(announce_id) = value_id(&undo.object) else {
        return Ok(());
    };
    let conn = data.db().conn();
    let Some(source) =
        db::source_by_announce(conn, announce_id.as_str(), undo.actor.as_str()).await?
    else {
        return Ok(());
    };
    let remaining = db::remove_source(conn, &source.object_ap_id, undo.actor.as_str()).await?;
    if remaining > 0 {
        return Ok(());
    }
    if let Some(row) = galaxie_db::objects::by_ap_id(conn, &source.object_ap_id).await?
        && row.place_id.is_none()
        && !galaxie_db::follows::is_followed_locally(conn, &row.attributed_to).await?
    {
        db::forget_received(conn, &row.ap_id).await?;
    }
    Ok(())
}

/// An object received from its author: record the direct path.
pub async fn received_directly(
    data: &Data,
    object_ap_id: &str,
    author: &Url,
) -> Result<(), FederationError> {
    db::add_source(data.db().conn(), object_ap_id, author.as_str(), None).await?;
    Ok(())
}
