//! What happened → which activity, to whom. [`publish`] is the one place that decides: it
//! builds the activity, records it, and writes one delivery job per inbox, all in the caller's
//! transaction, so a change and its deliveries are committed together or not at all.
//! [`worker`] sends the jobs.

pub mod worker;

use crate::activities::follow::Follow;
use crate::data::Data;
use crate::error::FederationError;
use crate::objects::place::ApubPlace;
use crate::objects::post::ApubPost;
use crate::protocol::context::with_context;
use crate::protocol::helpers::public_collection;
use activitypub_federation::kinds::activity::{
    AcceptType, CreateType, DeleteType, RejectType, UndoType, UpdateType,
};
use galaxie_db::ConnectionTrait;
use galaxie_db::activities::ActivityData;
use galaxie_db::entities::{actors, objects, places};
use serde::Serialize;
use serde_json::{Value, json};
use url::Url;

/// Something that happened and must be told.
#[derive(Debug)]
pub enum Outgoing {
    /// A place published a note or an event.
    PostCreated {
        place: places::Model,
        post: objects::Model,
    },
    /// A place changed one.
    PostUpdated {
        place: places::Model,
        post: objects::Model,
    },
    /// A place deleted one (the row is already marked deleted).
    PostDeleted {
        place: places::Model,
        post: objects::Model,
    },
    /// A place's profile changed.
    PlaceUpdated { place: places::Model },
    /// A place asks to follow a remote actor.
    FollowRequested {
        place: places::Model,
        target: actors::Model,
        follow_id: Url,
    },
    /// A place stops following a remote actor.
    Unfollowed {
        place: places::Model,
        target: actors::Model,
        follow_id: Url,
    },
    /// A place accepts a follower.
    FollowAccepted {
        place: places::Model,
        follower: actors::Model,
        follow: Follow,
    },
    /// A place refuses (or removes) a follower.
    FollowRejected {
        place: places::Model,
        follower: actors::Model,
        follow: Follow,
    },
    /// An activity built elsewhere (networks, relays, the instance actor's subscriptions),
    /// recorded and delivered as it is.
    Prepared(Prepared),
}

/// An activity ready to record and deliver.
#[derive(Debug)]
pub struct Prepared {
    /// The activity's id.
    pub id: Url,
    /// Its type, as recorded.
    pub kind: &'static str,
    /// Who acts: a local place or network; `None` for the instance actor.
    pub place: Option<places::Model>,
    /// The object's id, as recorded.
    pub object_id: Option<String>,
    /// Whether it is public (served in the outbox).
    pub public: bool,
    /// The activity, with its `@context`.
    pub json: Value,
    /// Where it goes.
    pub inboxes: Vec<String>,
}

/// The envelope every activity we send shares.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Envelope<K: Serialize> {
    id: Url,
    #[serde(rename = "type")]
    kind: K,
    actor: Url,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    to: Vec<Url>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    cc: Vec<Url>,
    object: Value,
    #[serde(skip_serializing_if = "Option::is_none")]
    published: Option<chrono::DateTime<chrono::Utc>>,
}

struct Planned {
    id: Url,
    kind: &'static str,
    actor: Url,
    object_id: Option<String>,
    place: Option<places::Model>,
    public: bool,
    json: Value,
    inboxes: Vec<String>,
}

fn actor_inbox(actor: &actors::Model) -> String {
    actor.inbox.clone()
}

fn answer_follow<K: Serialize>(
    data: &Data,
    kind: K,
    kind_name: &'static str,
    place: places::Model,
    follower: &actors::Model,
    follow: &Follow,
) -> Result<Planned, FederationError> {
    let urls = data.urls();
    let actor = urls.place(&place.username);
    let id = urls.new_activity();
    let json = with_context(&Envelope {
        id: id.clone(),
        kind,
        actor: actor.clone(),
        to: vec![Url::parse(&follower.ap_id)?],
        cc: Vec::new(),
        object: serde_json::to_value(follow)?,
        published: None,
    })?;
    Ok(Planned {
        id,
        kind: kind_name,
        actor,
        object_id: Some(follow.id.to_string()),
        inboxes: vec![actor_inbox(follower)],
        place: Some(place),
        public: false,
        json,
    })
}

/// Records the activity for `event` and queues its deliveries in `conn` (a transaction).
/// Returns the activity's id.
pub async fn publish<C: ConnectionTrait>(
    conn: &C,
    data: &Data,
    event: Outgoing,
) -> Result<Url, FederationError> {
    let urls = data.urls();
    let public = public_collection();
    let now = Some(galaxie_db::now());
    let planned = match event {
        Outgoing::PostCreated { place, post } | Outgoing::PostUpdated { place, post }
            if post.deleted_at.is_none() =>
        {
            let is_update = post.updated.is_some();
            let object = ApubPost::new(post)?.to_post(conn, data).await?;
            let actor = urls.place(&place.username);
            let followers = urls.place_followers(&place.username);
            let id = urls.new_activity();
            let json = if is_update {
                with_context(&Envelope {
                    id: id.clone(),
                    kind: UpdateType::Update,
                    actor: actor.clone(),
                    to: vec![public],
                    cc: vec![followers],
                    object: serde_json::to_value(&object)?,
                    published: now,
                })?
            } else {
                with_context(&Envelope {
                    id: id.clone(),
                    kind: CreateType::Create,
                    actor: actor.clone(),
                    to: vec![public],
                    cc: vec![followers],
                    object: serde_json::to_value(&object)?,
                    published: object.published,
                })?
            };
            Planned {
                id,
                kind: if is_update { "Update" } else { "Create" },
                actor,
                object_id: Some(object.id.to_string()),
                inboxes: galaxie_db::follows::follower_inboxes(conn, place.id).await?,
                place: Some(place),
                public: true,
                json,
            }
        }
        Outgoing::PostCreated { post, .. } | Outgoing::PostUpdated { post, .. } => {
            return Err(FederationError::Internal(format!(
                "{} is deleted and cannot be published",
                post.ap_id
            )));
        }
        Outgoing::PostDeleted { place, post } => {
            let actor = urls.place(&place.username);
            let id = urls.new_activity();
            let json = with_context(&Envelope {
                id: id.clone(),
                kind: DeleteType::Delete,
                actor: actor.clone(),
                to: vec![public],
                cc: vec![urls.place_followers(&place.username)],
                object: json!({ "id": post.ap_id, "type": "Tombstone", "formerType": post.kind }),
                published: now,
            })?;
            Planned {
                id,
                kind: "Delete",
                actor,
                object_id: Some(post.ap_id.clone()),
                inboxes: galaxie_db::follows::follower_inboxes(conn, place.id).await?,
                place: Some(place),
                public: true,
                json,
            }
        }
        Outgoing::PlaceUpdated { place } => {
            let actor_json = ApubPlace::new(place.clone(), urls).to_json(urls);
            let actor = urls.place(&place.username);
            let id = urls.new_activity();
            let json = with_context(&Envelope {
                id: id.clone(),
                kind: UpdateType::Update,
                actor: actor.clone(),
                to: vec![public],
                cc: vec![urls.place_followers(&place.username)],
                object: serde_json::to_value(&actor_json)?,
                published: now,
            })?;
            Planned {
                id,
                kind: "Update",
                actor: actor.clone(),
                object_id: Some(actor.to_string()),
                inboxes: galaxie_db::follows::follower_inboxes(conn, place.id).await?,
                place: Some(place),
                public: false,
                json,
            }
        }
        Outgoing::FollowRequested {
            place,
            target,
            follow_id,
        } => {
            let actor = urls.place(&place.username);
            let follow = Follow::new(follow_id.clone(), actor.clone(), Url::parse(&target.ap_id)?);
            Planned {
                id: follow_id,
                kind: "Follow",
                actor,
                object_id: Some(target.ap_id.clone()),
                inboxes: vec![actor_inbox(&target)],
                place: Some(place),
                public: false,
                json: with_context(&follow)?,
            }
        }
        Outgoing::Unfollowed {
            place,
            target,
            follow_id,
        } => {
            let actor = urls.place(&place.username);
            let follow = Follow::new(follow_id, actor.clone(), Url::parse(&target.ap_id)?);
            let id = urls.new_activity();
            let json = with_context(&Envelope {
                id: id.clone(),
                kind: UndoType::Undo,
                actor: actor.clone(),
                to: vec![Url::parse(&target.ap_id)?],
                cc: Vec::new(),
                object: serde_json::to_value(&follow)?,
                published: now,
            })?;
            Planned {
                id,
                kind: "Undo",
                actor,
                object_id: Some(target.ap_id.clone()),
                inboxes: vec![actor_inbox(&target)],
                place: Some(place),
                public: false,
                json,
            }
        }
        Outgoing::FollowAccepted {
            place,
            follower,
            follow,
        } => answer_follow(
            data,
            AcceptType::Accept,
            "Accept",
            place,
            &follower,
            &follow,
        )?,
        Outgoing::FollowRejected {
            place,
            follower,
            follow,
        } => answer_follow(
            data,
            RejectType::Reject,
            "Reject",
            place,
            &follower,
            &follow,
        )?,
        Outgoing::Prepared(prepared) => {
            let actor = prepared
                .json
                .get("actor")
                .and_then(crate::protocol::helpers::value_id)
                .ok_or_else(|| {
                    FederationError::Internal(format!("activity {} has no actor", prepared.id))
                })?;
            Planned {
                id: prepared.id,
                kind: prepared.kind,
                actor,
                object_id: prepared.object_id,
                place: prepared.place,
                public: prepared.public,
                json: prepared.json,
                inboxes: prepared.inboxes,
            }
        }
    };
    let activity = galaxie_db::activities::insert(
        conn,
        ActivityData {
            ap_id: planned.id.to_string(),
            kind: planned.kind.to_string(),
            actor_ap_id: planned.actor.to_string(),
            object_ap_id: planned.object_id,
            place_id: planned.place.as_ref().map(|p| p.id),
            local: true,
            public: planned.public,
            payload: planned.json.to_string(),
        },
    )
    .await?;
    let remote: Vec<String> = planned
        .inboxes
        .into_iter()
        .filter(|i| Url::parse(i).map(|u| !urls.is_local(&u)).unwrap_or(false))
        .collect();
    galaxie_db::deliveries::enqueue(conn, activity.id, &remote).await?;
    if matches!(planned.kind, "Create" | "Update" | "Delete" | "Announce") {
        // Local networks of which the actor is a member announce it, in this transaction.
        crate::network::announce_for_members(conn, data, &planned.json).await?;
    }
    Ok(planned.id)
}
