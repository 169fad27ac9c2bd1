//! Relays, both ways and of both kinds.
//!
//! **Subscribing** (the instance actor follows a relay):
//! - *Mastodon style*: a `Follow` whose object is the Public collection, sent to the relay's
//!   inbox (the URL one subscribes to ends in `/inbox`). The relay then forwards the original
//!   public activities of its other subscribers, signed with its own key.
//! - *LitePub style*: a `Follow` of the relay actor. The relay accepts and follows our
//!   instance actor back; it then sends `Announce`s of its subscribers' public objects.
//!
//! In both cases, once the relay has accepted, our places' public activities are delivered to
//! the relay's inbox too (see `galaxie_db::follows::follower_inboxes`).
//!
//! **Acting as a relay** (`federation.relay = true`): the instance actor accepts both kinds of
//! subscription. A public `Create`, `Update` or `Delete` that a subscriber sends us is passed
//! on to every other subscriber: unchanged to Mastodon-style ones, as an `Announce` of the
//! object to LitePub-style ones.

use crate::data::Data;
use crate::error::FederationError;
use crate::objects::actor::ApubActor;
use crate::outbox::{self, Outgoing, Prepared};
use crate::protocol::context::with_context;
use crate::protocol::helpers::{is_public, public_collection, value_id};
use activitypub_federation::fetch::object_id::ObjectId;
use galaxie_db::entities::followers::FollowStatus;
use galaxie_db::entities::subscriptions;
use galaxie_db::networks::{self as db, subscription_kind};
use galaxie_db::{ConnectionTrait, TransactionTrait};
use serde_json::{Value, json};
use url::Url;

/// A relay protocol.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RelayProtocol {
    /// `Follow` of Public, sent to the relay's inbox.
    Mastodon,
    /// `Follow` of the relay actor.
    LitePub,
}

/// Subscribers' kinds, as stored.
const SUBSCRIBER_MASTODON: &str = "mastodon";
const SUBSCRIBER_LITEPUB: &str = "litepub";

fn bad_url(url: &str) -> FederationError {
    galaxie_domain::ValidationErrors::single(
        "url",
        format!(
            "« {url} » n'est pas l'adresse d'un relais (https://relais.example/inbox ou https://relais.example/actor) / is not a relay URL"
        ),
    )
    .into()
}

/// Subscribes the instance to a relay. Without `protocol`, a URL ending in `/inbox` is a
/// Mastodon-style relay and anything else a LitePub relay actor.
pub async fn subscribe(
    data: &Data,
    url: &str,
    protocol: Option<RelayProtocol>,
) -> Result<subscriptions::Model, FederationError> {
    let parsed = Url::parse(url).map_err(|_| bad_url(url))?;
    if !matches!(parsed.scheme(), "https" | "http") || data.urls().is_local(&parsed) {
        return Err(bad_url(url));
    }
    let protocol = protocol.unwrap_or(if parsed.path().ends_with("/inbox") {
        RelayProtocol::Mastodon
    } else {
        RelayProtocol::LitePub
    });
    let urls = data.urls();
    let instance = urls.instance_actor();
    let follow_id = urls.new_activity();
    let (target, kind, inbox, object) = match protocol {
        RelayProtocol::Mastodon => (
            parsed.to_string(),
            subscription_kind::RELAY_MASTODON,
            parsed.to_string(),
            json!(public_collection()),
        ),
        RelayProtocol::LitePub => {
            let relay = ObjectId::<ApubActor>::from(parsed.clone())
                .dereference(data)
                .await?;
            (
                relay.row.ap_id.clone(),
                subscription_kind::RELAY_LITEPUB,
                relay
                    .row
                    .shared_inbox
                    .clone()
                    .unwrap_or(relay.row.inbox.clone()),
                json!(relay.row.ap_id),
            )
        }
    };
    let json = with_context(&json!({
        "id": follow_id,
        "type": "Follow",
        "actor": instance,
        "object": object,
    }))?;
    let txn = data
        .db()
        .conn()
        .begin_with_options(galaxie_db::WRITE)
        .await?;
    let row = db::upsert_subscription(&txn, &target, kind, &inbox, follow_id.as_str()).await?;
    outbox::publish(
        &txn,
        data,
        Outgoing::Prepared(Prepared {
            id: follow_id,
            kind: "Follow",
            place: None,
            object_id: Some(target.clone()),
            public: false,
            json,
            inboxes: vec![inbox],
        }),
    )
    .await?;
    txn.commit().await?;
    data.ring_delivery_bell();
    Ok(row)
}

/// The instance actor follows a place or a network for the regional timeline (no local place
/// needed).
pub async fn follow_actor(
    data: &Data,
    target: &str,
) -> Result<subscriptions::Model, FederationError> {
    let actor = crate::webfinger::resolve_actor(data, target).await?;
    let urls = data.urls();
    let follow_id = urls.new_activity();
    let json = with_context(&json!({
        "id": follow_id,
        "type": "Follow",
        "actor": urls.instance_actor(),
        "object": actor.row.ap_id,
    }))?;
    let txn = data
        .db()
        .conn()
        .begin_with_options(galaxie_db::WRITE)
        .await?;
    let row = db::upsert_subscription(
        &txn,
        &actor.row.ap_id,
        subscription_kind::ACTOR,
        &actor.row.inbox,
        follow_id.as_str(),
    )
    .await?;
    outbox::publish(
        &txn,
        data,
        Outgoing::Prepared(Prepared {
            id: follow_id,
            kind: "Follow",
            place: None,
            object_id: Some(actor.row.ap_id.clone()),
            public: false,
            json,
            inboxes: vec![actor.row.inbox.clone()],
        }),
    )
    .await?;
    txn.commit().await?;
    data.ring_delivery_bell();
    Ok(row)
}

/// Ends a subscription of the instance actor (a relay, a place or a network): `Undo(Follow)`.
pub async fn unsubscribe(data: &Data, target: &str) -> Result<(), FederationError> {
    let conn = data.db().conn();
    let row = match db::subscription(conn, target).await? {
        Some(row) => Some(row),
        None if !target.starts_with("http") => {
            let actor = crate::webfinger::resolve_actor(data, target).await?;
            db::subscription(conn, &actor.row.ap_id).await?
        }
        None => None,
    }
    .ok_or(FederationError::NotFound("subscription"))?;
    let urls = data.urls();
    let instance = urls.instance_actor();
    let object = if row.kind == subscription_kind::RELAY_MASTODON {
        json!(public_collection())
    } else {
        json!(row.target_ap_id)
    };
    let id = urls.new_activity();
    let json = with_context(&json!({
        "id": id,
        "type": "Undo",
        "actor": instance,
        "object": { "id": row.follow_ap_id, "type": "Follow", "actor": instance, "object": object },
    }))?;
    let txn = conn.begin_with_options(galaxie_db::WRITE).await?;
    db::remove_subscription(&txn, &row.target_ap_id).await?;
    outbox::publish(
        &txn,
        data,
        Outgoing::Prepared(Prepared {
            id,
            kind: "Undo",
            place: None,
            object_id: Some(row.target_ap_id.clone()),
            public: false,
            json,
            inboxes: vec![row.inbox.clone()],
        }),
    )
    .await?;
    txn.commit().await?;
    data.ring_delivery_bell();
    Ok(())
}

/// An `Accept` or `Reject` of one of the instance actor's follows. Returns whether it was one.
pub async fn on_follow_answered(
    data: &Data,
    _actor: &Url,
    object: &Value,
    accepted: bool,
) -> Result<bool, FederationError> {
    let Some(follow_id) = value_id(object) else {
        return Ok(false);
    };
    let conn = data.db().conn();
    let Some(row) = db::subscription_by_follow(conn, follow_id.as_str()).await? else {
        return Ok(false);
    };
    let status = if accepted {
        FollowStatus::Accepted
    } else {
        FollowStatus::Rejected
    };
    let backfill =
        accepted && row.kind == subscription_kind::ACTOR && row.status != FollowStatus::Accepted;
    let target = Url::parse(&row.target_ap_id)?;
    db::set_subscription_status(conn, row, status).await?;
    if backfill {
        crate::backfill::spawn(data, target);
    }
    Ok(true)
}

/// Answers a `Follow` addressed to the instance actor (or to Public) with the instance
/// actor's `Accept` or `Reject`.
async fn answer<C: ConnectionTrait>(
    conn: &C,
    data: &Data,
    follow: &Value,
    follower: &galaxie_db::entities::actors::Model,
    accept: bool,
) -> Result<(), FederationError> {
    let urls = data.urls();
    let id = urls.new_activity();
    let kind = if accept { "Accept" } else { "Reject" };
    let json = with_context(&json!({
        "id": id,
        "type": kind,
        "actor": urls.instance_actor(),
        "to": [follower.ap_id],
        "object": follow,
    }))?;
    outbox::publish(
        conn,
        data,
        Outgoing::Prepared(Prepared {
            id,
            kind,
            place: None,
            object_id: value_id(follow).map(|u| u.to_string()),
            public: false,
            json,
            inboxes: vec![follower.inbox.clone()],
        }),
    )
    .await?;
    Ok(())
}

/// A `Follow` of our instance actor or of Public: a relay we subscribed to following us back
/// (LitePub), or — when this instance is a relay — a new subscriber.
pub async fn on_follow(
    data: &Data,
    follow_id: &Url,
    actor: &Url,
    object: &Url,
) -> Result<(), FederationError> {
    let follower = ObjectId::<ApubActor>::from(actor.clone())
        .dereference(data)
        .await?;
    let urls = data.urls();
    let follow = json!({
        "id": follow_id, "type": "Follow", "actor": actor, "object": object,
    });
    let of_public = is_public(object);
    let conn = data.db().conn();
    let txn = conn.begin_with_options(galaxie_db::WRITE).await?;
    let ours = db::subscription(&txn, actor.as_str()).await?;
    if !of_public && ours.is_some() {
        // The LitePub relay we subscribed to follows us back.
        answer(&txn, data, &follow, &follower.row, true).await?;
    } else if data.settings().relay && (of_public || *object == urls.instance_actor()) {
        let kind = if of_public {
            SUBSCRIBER_MASTODON
        } else {
            SUBSCRIBER_LITEPUB
        };
        let inbox = follower
            .row
            .shared_inbox
            .clone()
            .unwrap_or(follower.row.inbox.clone());
        db::upsert_relay_subscriber(
            &txn,
            actor.as_str(),
            &inbox,
            kind,
            follow_id.as_str(),
            FollowStatus::Accepted,
        )
        .await?;
        answer(&txn, data, &follow, &follower.row, true).await?;
        if kind == SUBSCRIBER_LITEPUB {
            // The relay follows the subscriber back, so that its public activities come.
            let id = urls.new_activity();
            let json = with_context(&json!({
                "id": id, "type": "Follow", "actor": urls.instance_actor(), "object": actor,
            }))?;
            outbox::publish(
                &txn,
                data,
                Outgoing::Prepared(Prepared {
                    id,
                    kind: "Follow",
                    place: None,
                    object_id: Some(actor.to_string()),
                    public: false,
                    json,
                    inboxes: vec![follower.row.inbox.clone()],
                }),
            )
            .await?;
        }
    } else {
        answer(&txn, data, &follow, &follower.row, false).await?;
    }
    txn.commit().await?;
    data.ring_delivery_bell();
    Ok(())
}

/// An `Undo(Follow)` of our instance actor or of Public: a subscriber leaves our relay.
pub async fn on_unfollow(data: &Data, actor: &Url) -> Result<bool, FederationError> {
    Ok(db::remove_relay_subscriber(data.db().conn(), actor.as_str()).await?)
}

fn host_of(url: &Url) -> (Option<String>, Option<u16>) {
    (
        url.host_str().map(str::to_string),
        url.port_or_known_default(),
    )
}

/// When this instance is a relay: passes a subscriber's public activity on to the other
/// subscribers.
pub async fn forward(data: &Data, activity: &Value) -> Result<(), FederationError> {
    if !data.settings().relay {
        return Ok(());
    }
    let kind = activity.get("type").and_then(Value::as_str).unwrap_or("");
    if !matches!(kind, "Create" | "Update" | "Delete") {
        return Ok(());
    }
    let (Some(actor), Some(activity_id), Some(object_id)) = (
        activity.get("actor").and_then(value_id),
        activity.get("id").and_then(value_id),
        activity.get("object").and_then(value_id),
    ) else {
        return Ok(());
    };
    let public = ["to", "cc"]
        .iter()
        .filter_map(|k| activity.get(*k))
        .flat_map(|v| match v {
            Value::Array(items) => items.clone(),
            other => vec![other.clone()],
        })
        .any(|v| {
            v.as_str()
                .and_then(|s| Url::parse(s).ok())
                .is_some_and(|u| is_public(&u))
        });
    if !public {
        return Ok(());
    }
    let conn = data.db().conn();
    let subscribers = db::relay_subscribers(conn, None).await?;
    let origin = host_of(&actor);
    if !subscribers
        .iter()
        .any(|s| Url::parse(&s.actor_ap_id).is_ok_and(|u| host_of(&u) == origin))
    {
        // Only subscribers' activities are relayed.
        return Ok(());
    }
    let others = |kind: &str| -> Vec<String> {
        subscribers
            .iter()
            .filter(|s| s.kind == kind)
            .filter(|s| !Url::parse(&s.actor_ap_id).is_ok_and(|u| host_of(&u) == origin))
            .map(|s| s.inbox.clone())
            .collect()
    };
    let mastodon = others(SUBSCRIBER_MASTODON);
    let litepub = others(SUBSCRIBER_LITEPUB);
    let urls = data.urls();
    let txn = conn.begin_with_options(galaxie_db::WRITE).await?;
    if !mastodon.is_empty() {
        // Forwarded unchanged under our signature; recorded under an id of ours, which is not
        // served (the activity is the author's).
        outbox::publish(
            &txn,
            data,
            Outgoing::Prepared(Prepared {
                id: urls.new_activity(),
                kind: "Forward",
                place: None,
                object_id: Some(activity_id.to_string()),
                public: false,
                json: activity.clone(),
                inboxes: mastodon,
            }),
        )
        .await?;
    }
    if !litepub.is_empty() && kind == "Create" {
        let id = urls.new_activity();
        let json = with_context(&json!({
            "id": id,
            "type": "Announce",
            "actor": urls.instance_actor(),
            "to": [public_collection()],
            "object": object_id,
        }))?;
        outbox::publish(
            &txn,
            data,
            Outgoing::Prepared(Prepared {
                id,
                kind: "Announce",
                place: None,
                object_id: Some(object_id.to_string()),
                public: false,
                json,
                inboxes: litepub,
            }),
        )
        .await?;
    }
    txn.commit().await?;
    data.ring_delivery_bell();
    Ok(())
}

/// A public `Create`, `Update` or `Delete` that a Mastodon-style relay forwarded, read as the
/// relay's `Announce` of it: its id is minted on the relay's host from the activity's id, so a
/// second forward of the same activity is a duplicate. `None` for anything else.
pub fn forwarded_as_announce(relay: &Url, activity: &Value) -> Option<Value> {
    use sha2::{Digest, Sha256};
    let kind = activity.get("type").and_then(Value::as_str)?;
    if !matches!(kind, "Create" | "Update" | "Delete") {
        return None;
    }
    let id = activity.get("id").and_then(value_id)?;
    let actor = activity.get("actor").and_then(value_id)?;
    let object = activity.get("object").and_then(value_id)?;
    let digest: String = Sha256::digest(id.as_str().as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let mut announce_id = relay.clone();
    announce_id.set_fragment(Some(&format!("forwarded-{}", &digest[..32])));
    Some(json!({
        "id": announce_id,
        "type": "Announce",
        "actor": relay,
        "to": [public_collection()],
        "object": { "id": id, "type": kind, "actor": actor, "object": object },
    }))
}
