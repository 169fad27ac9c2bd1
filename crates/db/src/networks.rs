//! Regional networks (`Group` actors, FEP-1b12): their members, what they announced, their
//! moderation log; our places' memberships in networks; the paths by which received objects
//! came; the instance actor's subscriptions (timeline and relays) and, when this instance acts
//! as a relay, its subscribers.

use crate::entities::followers::FollowStatus;
use crate::entities::network_members::MemberStatus;
use crate::entities::{
    memberships, moderation_log, network_announces, network_members, object_sources, places,
    relay_subscribers, subscriptions,
};
use crate::{DbError, PlaceId, Result, now};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect, TryIntoModel,
};

/// `places.kind` of a place.
pub const KIND_PLACE: &str = "place";
/// `places.kind` of a network.
pub const KIND_NETWORK: &str = "network";

/// How a network takes new members.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum JoinPolicy {
    /// Every request is accepted at once (blocked actors excepted).
    Open,
    /// A moderator approves or refuses each request.
    Approval,
}

impl JoinPolicy {
    /// The stored value.
    pub fn as_str(self) -> &'static str {
        match self {
            JoinPolicy::Open => "open",
            JoinPolicy::Approval => "approval",
        }
    }

    /// Reads a stored or typed value.
    pub fn parse(value: &str) -> Option<Self> {
        match value {
            "open" | "ouvert" => Some(JoinPolicy::Open),
            "approval" | "validation" => Some(JoinPolicy::Approval),
            _ => None,
        }
    }

    /// A network row's policy (open when unset).
    pub fn of(network: &places::Model) -> Self {
        network
            .join_policy
            .as_deref()
            .and_then(JoinPolicy::parse)
            .unwrap_or(JoinPolicy::Open)
    }
}

/// Whether a `places` row is a network.
pub fn is_network(row: &places::Model) -> bool {
    row.kind == KIND_NETWORK
}

/// Turns a freshly inserted `places` row into a network.
pub async fn make_network<C: ConnectionTrait>(
    conn: &C,
    row: places::Model,
    policy: JoinPolicy,
) -> Result<places::Model> {
    let mut active: places::ActiveModel = row.into();
    active.kind = Set(KIND_NETWORK.to_string());
    active.join_policy = Set(Some(policy.as_str().to_string()));
    Ok(active.update(conn).await?)
}

/// Changes a network's membership policy.
pub async fn set_join_policy<C: ConnectionTrait>(
    conn: &C,
    row: places::Model,
    policy: JoinPolicy,
) -> Result<places::Model> {
    let mut active: places::ActiveModel = row.into();
    active.join_policy = Set(Some(policy.as_str().to_string()));
    active.updated_at = Set(now());
    Ok(active.update(conn).await?)
}

/// Every local network, by username.
pub async fn list<C: ConnectionTrait>(conn: &C) -> Result<Vec<places::Model>> {
    Ok(places::Entity::find()
        .filter(places::Column::Kind.eq(KIND_NETWORK))
        .order_by_asc(places::Column::Username)
        .all(conn)
        .await?)
}

// --- Members of a local network ---------------------------------------------------------

/// One member (in any state) of a local network.
pub async fn member<C: ConnectionTrait>(
    conn: &C,
    network: PlaceId,
    actor: &str,
) -> Result<Option<network_members::Model>> {
    Ok(network_members::Entity::find()
        .filter(network_members::Column::NetworkId.eq(network))
        .filter(network_members::Column::MemberApId.eq(actor))
        .one(conn)
        .await?)
}

/// Records a request to join (or renews one), in `status`.
pub async fn upsert_member<C: ConnectionTrait>(
    conn: &C,
    network: PlaceId,
    actor: &str,
    actor_kind: Option<&str>,
    join_ap_id: &str,
    status: MemberStatus,
) -> Result<network_members::Model> {
    let now = now();
    let mut active: network_members::ActiveModel = match member(conn, network, actor).await? {
        Some(row) => row.into(),
        None => network_members::ActiveModel {
            network_id: Set(network),
            member_ap_id: Set(actor.to_string()),
            created_at: Set(now),
            follow_ap_id: Set(None),
            ..Default::default()
        },
    };
    active.member_kind = Set(actor_kind.map(str::to_string));
    active.join_ap_id = Set(join_ap_id.to_string());
    active.status = Set(status);
    active.updated_at = Set(now);
    Ok(active.save(conn).await?.try_into_model()?)
}

/// Changes a member's state, and the network's `Follow` of it when given.
pub async fn set_member_status<C: ConnectionTrait>(
    conn: &C,
    row: network_members::Model,
    status: MemberStatus,
    follow_ap_id: Option<Option<String>>,
) -> Result<network_members::Model> {
    let mut active: network_members::ActiveModel = row.into();
    active.status = Set(status);
    if let Some(follow) = follow_ap_id {
        active.follow_ap_id = Set(follow);
    }
    active.updated_at = Set(now());
    Ok(active.update(conn).await?)
}

/// A network's members, oldest first, all or in `status`.
pub async fn members_of<C: ConnectionTrait>(
    conn: &C,
    network: PlaceId,
    status: Option<MemberStatus>,
) -> Result<Vec<network_members::Model>> {
    let mut query =
        network_members::Entity::find().filter(network_members::Column::NetworkId.eq(network));
    if let Some(status) = status {
        query = query.filter(network_members::Column::Status.eq(status));
    }
    Ok(query
        .order_by_asc(network_members::Column::Id)
        .all(conn)
        .await?)
}

/// The local networks of which `actor` is an accepted member.
pub async fn networks_of_member<C: ConnectionTrait>(
    conn: &C,
    actor: &str,
) -> Result<Vec<places::Model>> {
    let ids: Vec<PlaceId> = network_members::Entity::find()
        .filter(network_members::Column::MemberApId.eq(actor))
        .filter(network_members::Column::Status.eq(MemberStatus::Accepted))
        .all(conn)
        .await?
        .into_iter()
        .map(|m| m.network_id)
        .collect();
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(places::Entity::find()
        .filter(places::Column::Id.is_in(ids))
        .filter(places::Column::Kind.eq(KIND_NETWORK))
        .all(conn)
        .await?)
}

// --- What a network announced ---------------------------------------------------------------

/// An announcement to record.
#[derive(Debug, Clone)]
pub struct NewAnnounce<'a> {
    pub network: PlaceId,
    pub inner_ap_id: &'a str,
    pub inner_kind: &'a str,
    pub inner_actor: &'a str,
    pub object_ap_id: Option<&'a str>,
    pub announce_ap_id: &'a str,
}

/// Records that a network announces an activity. Returns `false`, and records nothing, when
/// the network has announced that activity already (it came by another path, or around a
/// loop of networks).
pub async fn record_announce<C: ConnectionTrait>(conn: &C, new: NewAnnounce<'_>) -> Result<bool> {
    if announced(conn, new.network, new.inner_ap_id)
        .await?
        .is_some()
    {
        return Ok(false);
    }
    let inserted = network_announces::ActiveModel {
        network_id: Set(new.network),
        inner_ap_id: Set(new.inner_ap_id.to_string()),
        inner_kind: Set(new.inner_kind.to_string()),
        inner_actor: Set(new.inner_actor.to_string()),
        object_ap_id: Set(new.object_ap_id.map(str::to_string)),
        announce_ap_id: Set(new.announce_ap_id.to_string()),
        withdrawn_at: Set(None),
        created_at: Set(now()),
        ..Default::default()
    }
    .insert(conn)
    .await;
    match inserted.map_err(|e| DbError::unique(e, "this announcement")) {
        Ok(_) => Ok(true),
        Err(DbError::AlreadyExists(_)) => Ok(false),
        Err(e) => Err(e),
    }
}

/// The announcement of an activity by a network, if any.
pub async fn announced<C: ConnectionTrait>(
    conn: &C,
    network: PlaceId,
    inner_ap_id: &str,
) -> Result<Option<network_announces::Model>> {
    Ok(network_announces::Entity::find()
        .filter(network_announces::Column::NetworkId.eq(network))
        .filter(network_announces::Column::InnerApId.eq(inner_ap_id))
        .one(conn)
        .await?)
}

/// The standing announcements of an object by a network (its `Create`, then `Update`s).
pub async fn announces_of_object<C: ConnectionTrait>(
    conn: &C,
    network: PlaceId,
    object_ap_id: &str,
) -> Result<Vec<network_announces::Model>> {
    Ok(network_announces::Entity::find()
        .filter(network_announces::Column::NetworkId.eq(network))
        .filter(network_announces::Column::ObjectApId.eq(object_ap_id))
        .filter(network_announces::Column::WithdrawnAt.is_null())
        .order_by_asc(network_announces::Column::Id)
        .all(conn)
        .await?)
}

/// Whether a network withdrew an object (a moderator removed it): later activities about it
/// are not announced again.
pub async fn object_withdrawn<C: ConnectionTrait>(
    conn: &C,
    network: PlaceId,
    object_ap_id: &str,
) -> Result<bool> {
    Ok(network_announces::Entity::find()
        .filter(network_announces::Column::NetworkId.eq(network))
        .filter(network_announces::Column::ObjectApId.eq(object_ap_id))
        .filter(network_announces::Column::WithdrawnAt.is_not_null())
        .one(conn)
        .await?
        .is_some())
}

/// Marks a network's announcements of an object withdrawn.
pub async fn withdraw_object<C: ConnectionTrait>(
    conn: &C,
    network: PlaceId,
    object_ap_id: &str,
) -> Result<Vec<network_announces::Model>> {
    let rows = announces_of_object(conn, network, object_ap_id).await?;
    let now = now();
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let mut active: network_announces::ActiveModel = row.into();
        active.withdrawn_at = Set(Some(now));
        out.push(active.update(conn).await?);
    }
    Ok(out)
}

/// A network's standing announcements, newest first, before the row id `before`.
pub async fn announces_page<C: ConnectionTrait>(
    conn: &C,
    network: PlaceId,
    limit: u64,
    before: Option<i64>,
) -> Result<Vec<network_announces::Model>> {
    let mut query = network_announces::Entity::find()
        .filter(network_announces::Column::NetworkId.eq(network))
        .filter(network_announces::Column::WithdrawnAt.is_null());
    if let Some(before) = before {
        query = query.filter(network_announces::Column::Id.lt(before));
    }
    Ok(query
        .order_by_desc(network_announces::Column::Id)
        .limit(limit)
        .all(conn)
        .await?)
}

// --- The moderation log ---------------------------------------------------------------------

/// A moderation decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ModerationAction {
    /// A request to join was accepted.
    Accept,
    /// A request to join was refused.
    Refuse,
    /// A member left.
    Leave,
    /// A moderator removed a member.
    RemoveMember,
    /// A moderator removed a member and barred it.
    BlockMember,
    /// A moderator withdrew an announced post.
    WithdrawPost,
    /// An activity was not announced (not from a member, withdrawn object…).
    RejectActivity,
}

impl ModerationAction {
    /// The stored value.
    pub fn as_str(self) -> &'static str {
        match self {
            ModerationAction::Accept => "accept",
            ModerationAction::Refuse => "refuse",
            ModerationAction::Leave => "leave",
            ModerationAction::RemoveMember => "remove-member",
            ModerationAction::BlockMember => "block-member",
            ModerationAction::WithdrawPost => "withdraw-post",
            ModerationAction::RejectActivity => "reject-activity",
        }
    }

    /// The decision in plain French, for the public log.
    pub fn label_fr(action: &str) -> &'static str {
        match action {
            "accept" => "adhésion acceptée",
            "refuse" => "adhésion refusée",
            "leave" => "départ du réseau",
            "remove-member" => "membre retiré",
            "block-member" => "membre exclu",
            "withdraw-post" => "publication retirée",
            "reject-activity" => "activité refusée",
            _ => "décision",
        }
    }
}

/// Appends to a network's moderation log.
pub async fn log<C: ConnectionTrait>(
    conn: &C,
    network: PlaceId,
    action: ModerationAction,
    target: &str,
    reason: Option<&str>,
    activity: Option<&str>,
) -> Result<moderation_log::Model> {
    Ok(moderation_log::ActiveModel {
        network_id: Set(network),
        action: Set(action.as_str().to_string()),
        target: Set(target.to_string()),
        reason: Set(reason.map(str::to_string)),
        activity_ap_id: Set(activity.map(str::to_string)),
        created_at: Set(now()),
        ..Default::default()
    }
    .insert(conn)
    .await?)
}

/// A network's moderation log, newest first, before the row id `before`.
pub async fn log_page<C: ConnectionTrait>(
    conn: &C,
    network: PlaceId,
    limit: u64,
    before: Option<i64>,
) -> Result<Vec<moderation_log::Model>> {
    let mut query =
        moderation_log::Entity::find().filter(moderation_log::Column::NetworkId.eq(network));
    if let Some(before) = before {
        query = query.filter(moderation_log::Column::Id.lt(before));
    }
    Ok(query
        .order_by_desc(moderation_log::Column::Id)
        .limit(limit)
        .all(conn)
        .await?)
}

// --- Our places' memberships ----------------------------------------------------------------

/// A place's membership in a network, if any.
pub async fn membership<C: ConnectionTrait>(
    conn: &C,
    place: PlaceId,
    network_ap_id: &str,
) -> Result<Option<memberships::Model>> {
    Ok(memberships::Entity::find()
        .filter(memberships::Column::PlaceId.eq(place))
        .filter(memberships::Column::NetworkApId.eq(network_ap_id))
        .one(conn)
        .await?)
}

/// Records a place's request to join a network (or renews it).
pub async fn upsert_membership<C: ConnectionTrait>(
    conn: &C,
    place: PlaceId,
    network_ap_id: &str,
    join_ap_id: &str,
    status: MemberStatus,
) -> Result<memberships::Model> {
    let mut active: memberships::ActiveModel = match membership(conn, place, network_ap_id).await? {
        Some(row) => row.into(),
        None => memberships::ActiveModel {
            place_id: Set(place),
            network_ap_id: Set(network_ap_id.to_string()),
            created_at: Set(now()),
            ..Default::default()
        },
    };
    active.join_ap_id = Set(join_ap_id.to_string());
    active.status = Set(status);
    Ok(active.save(conn).await?.try_into_model()?)
}

/// The membership a network's answer is about: by the `Join`'s id, else by place.
pub async fn membership_answered<C: ConnectionTrait>(
    conn: &C,
    network_ap_id: &str,
    join_ap_id: Option<&str>,
    place: Option<PlaceId>,
) -> Result<Option<memberships::Model>> {
    if let Some(join) = join_ap_id {
        let found = memberships::Entity::find()
            .filter(memberships::Column::NetworkApId.eq(network_ap_id))
            .filter(memberships::Column::JoinApId.eq(join))
            .one(conn)
            .await?;
        if found.is_some() {
            return Ok(found);
        }
    }
    match place {
        Some(place) => membership(conn, place, network_ap_id).await,
        None => Ok(None),
    }
}

/// Changes a membership's state.
pub async fn set_membership_status<C: ConnectionTrait>(
    conn: &C,
    row: memberships::Model,
    status: MemberStatus,
) -> Result<memberships::Model> {
    let mut active: memberships::ActiveModel = row.into();
    active.status = Set(status);
    Ok(active.update(conn).await?)
}

/// A place's memberships.
pub async fn memberships_of<C: ConnectionTrait>(
    conn: &C,
    place: PlaceId,
) -> Result<Vec<memberships::Model>> {
    Ok(memberships::Entity::find()
        .filter(memberships::Column::PlaceId.eq(place))
        .order_by_asc(memberships::Column::Id)
        .all(conn)
        .await?)
}

/// Whether any of our places asked to join `network_ap_id` and has not left it.
pub async fn joined_by_us<C: ConnectionTrait>(
    conn: &C,
    place: PlaceId,
    network_ap_id: &str,
) -> Result<bool> {
    Ok(membership(conn, place, network_ap_id)
        .await?
        .is_some_and(|m| matches!(m.status, MemberStatus::Pending | MemberStatus::Accepted)))
}

// --- Paths of received objects --------------------------------------------------------------

/// Records that an object came by `via` (its author, or a network or relay that announced
/// it). Recording the same path twice changes nothing.
pub async fn add_source<C: ConnectionTrait>(
    conn: &C,
    object_ap_id: &str,
    via: &str,
    announce_ap_id: Option<&str>,
) -> Result<()> {
    let exists = object_sources::Entity::find()
        .filter(object_sources::Column::ObjectApId.eq(object_ap_id))
        .filter(object_sources::Column::ViaApId.eq(via))
        .one(conn)
        .await?;
    if exists.is_some() {
        return Ok(());
    }
    let inserted = object_sources::ActiveModel {
        object_ap_id: Set(object_ap_id.to_string()),
        via_ap_id: Set(via.to_string()),
        announce_ap_id: Set(announce_ap_id.map(str::to_string)),
        created_at: Set(now()),
        ..Default::default()
    }
    .insert(conn)
    .await;
    match inserted.map_err(|e| DbError::unique(e, "this source")) {
        Ok(_) | Err(DbError::AlreadyExists(_)) => Ok(()),
        Err(e) => Err(e),
    }
}

/// The paths by which an object came.
pub async fn sources_of<C: ConnectionTrait>(
    conn: &C,
    object_ap_id: &str,
) -> Result<Vec<object_sources::Model>> {
    Ok(object_sources::Entity::find()
        .filter(object_sources::Column::ObjectApId.eq(object_ap_id))
        .order_by_asc(object_sources::Column::Id)
        .all(conn)
        .await?)
}

/// Forgets one path of an object (its announcer withdrew it). Returns how many paths remain.
pub async fn remove_source<C: ConnectionTrait>(
    conn: &C,
    object_ap_id: &str,
    via: &str,
) -> Result<usize> {
    object_sources::Entity::delete_many()
        .filter(object_sources::Column::ObjectApId.eq(object_ap_id))
        .filter(object_sources::Column::ViaApId.eq(via))
        .exec(conn)
        .await?;
    Ok(sources_of(conn, object_ap_id).await?.len())
}

/// The object an `Announce` brought from `via`, if it is known.
pub async fn source_by_announce<C: ConnectionTrait>(
    conn: &C,
    announce_ap_id: &str,
    via: &str,
) -> Result<Option<object_sources::Model>> {
    Ok(object_sources::Entity::find()
        .filter(object_sources::Column::AnnounceApId.eq(announce_ap_id))
        .filter(object_sources::Column::ViaApId.eq(via))
        .one(conn)
        .await?)
}

/// Forgets a received object (no path brings it any more) and its paths.
pub async fn forget_received<C: ConnectionTrait>(conn: &C, object_ap_id: &str) -> Result<()> {
    use crate::entities::objects;
    objects::Entity::delete_many()
        .filter(objects::Column::ApId.eq(object_ap_id))
        .filter(objects::Column::PlaceId.is_null())
        .exec(conn)
        .await?;
    object_sources::Entity::delete_many()
        .filter(object_sources::Column::ObjectApId.eq(object_ap_id))
        .exec(conn)
        .await?;
    Ok(())
}

// --- The instance actor's subscriptions -----------------------------------------------------

/// Kinds of subscription of the instance actor.
pub mod subscription_kind {
    /// A place or a network, for the timeline.
    pub const ACTOR: &str = "actor";
    /// A Mastodon-style relay (`Follow` of Public).
    pub const RELAY_MASTODON: &str = "relay-mastodon";
    /// A LitePub-style relay (`Follow` of the relay actor).
    pub const RELAY_LITEPUB: &str = "relay-litepub";
}

/// Records (or renews) a subscription, pending until accepted.
pub async fn upsert_subscription<C: ConnectionTrait>(
    conn: &C,
    target: &str,
    kind: &str,
    inbox: &str,
    follow_ap_id: &str,
) -> Result<subscriptions::Model> {
    let existing = subscription(conn, target).await?;
    let mut active: subscriptions::ActiveModel = match existing {
        Some(row) => row.into(),
        None => subscriptions::ActiveModel {
            target_ap_id: Set(target.to_string()),
            created_at: Set(now()),
            ..Default::default()
        },
    };
    active.kind = Set(kind.to_string());
    active.inbox = Set(inbox.to_string());
    active.follow_ap_id = Set(follow_ap_id.to_string());
    active.status = Set(FollowStatus::Pending);
    Ok(active.save(conn).await?.try_into_model()?)
}

/// A subscription, by its target.
pub async fn subscription<C: ConnectionTrait>(
    conn: &C,
    target: &str,
) -> Result<Option<subscriptions::Model>> {
    Ok(subscriptions::Entity::find()
        .filter(subscriptions::Column::TargetApId.eq(target))
        .one(conn)
        .await?)
}

/// The subscription a `Follow` answered by an `Accept` or `Reject` is about.
pub async fn subscription_by_follow<C: ConnectionTrait>(
    conn: &C,
    follow_ap_id: &str,
) -> Result<Option<subscriptions::Model>> {
    Ok(subscriptions::Entity::find()
        .filter(subscriptions::Column::FollowApId.eq(follow_ap_id))
        .one(conn)
        .await?)
}

/// Changes a subscription's state.
pub async fn set_subscription_status<C: ConnectionTrait>(
    conn: &C,
    row: subscriptions::Model,
    status: FollowStatus,
) -> Result<subscriptions::Model> {
    let mut active: subscriptions::ActiveModel = row.into();
    active.status = Set(status);
    Ok(active.update(conn).await?)
}

/// Ends a subscription; returns whether there was one.
pub async fn remove_subscription<C: ConnectionTrait>(conn: &C, target: &str) -> Result<bool> {
    let res = subscriptions::Entity::delete_many()
        .filter(subscriptions::Column::TargetApId.eq(target))
        .exec(conn)
        .await?;
    Ok(res.rows_affected > 0)
}

/// Every subscription, oldest first.
pub async fn subscriptions<C: ConnectionTrait>(conn: &C) -> Result<Vec<subscriptions::Model>> {
    Ok(subscriptions::Entity::find()
        .order_by_asc(subscriptions::Column::Id)
        .all(conn)
        .await?)
}

/// Whether the instance is subscribed (accepted) to `target` as an actor or a LitePub relay.
pub async fn subscribed<C: ConnectionTrait>(conn: &C, target: &str) -> Result<bool> {
    Ok(subscription(conn, target)
        .await?
        .is_some_and(|s| s.status == FollowStatus::Accepted))
}

/// The accepted relay subscriptions whose relay is `actor` (LitePub: the relay actor) or
/// lives on `actor`'s host (Mastodon style: the relay is known by its inbox).
pub async fn relay_of<C: ConnectionTrait>(
    conn: &C,
    actor: &str,
) -> Result<Option<subscriptions::Model>> {
    let host = url::Url::parse(actor)
        .ok()
        .and_then(|u| u.host_str().map(|h| (h.to_string(), u.port())));
    let rows = subscriptions::Entity::find()
        .filter(subscriptions::Column::Kind.ne(subscription_kind::ACTOR))
        .filter(subscriptions::Column::Status.eq(FollowStatus::Accepted))
        .all(conn)
        .await?;
    Ok(rows.into_iter().find(|s| {
        s.target_ap_id == actor
            || url::Url::parse(&s.target_ap_id)
                .ok()
                .and_then(|u| u.host_str().map(|h| (h.to_string(), u.port())))
                == host
    }))
}

// --- Relay subscribers (this instance as a relay) -------------------------------------------

/// Records (or renews) a subscriber of our relay.
pub async fn upsert_relay_subscriber<C: ConnectionTrait>(
    conn: &C,
    actor: &str,
    inbox: &str,
    kind: &str,
    follow_ap_id: &str,
    status: FollowStatus,
) -> Result<relay_subscribers::Model> {
    let existing = relay_subscribers::Entity::find()
        .filter(relay_subscribers::Column::ActorApId.eq(actor))
        .one(conn)
        .await?;
    let mut active: relay_subscribers::ActiveModel = match existing {
        Some(row) => row.into(),
        None => relay_subscribers::ActiveModel {
            actor_ap_id: Set(actor.to_string()),
            created_at: Set(now()),
            ..Default::default()
        },
    };
    active.inbox = Set(inbox.to_string());
    active.kind = Set(kind.to_string());
    active.follow_ap_id = Set(follow_ap_id.to_string());
    active.status = Set(status);
    Ok(active.save(conn).await?.try_into_model()?)
}

/// A subscriber of our relay.
pub async fn relay_subscriber<C: ConnectionTrait>(
    conn: &C,
    actor: &str,
) -> Result<Option<relay_subscribers::Model>> {
    Ok(relay_subscribers::Entity::find()
        .filter(relay_subscribers::Column::ActorApId.eq(actor))
        .one(conn)
        .await?)
}

/// Accepted subscribers of our relay, all or of one `kind`.
pub async fn relay_subscribers<C: ConnectionTrait>(
    conn: &C,
    kind: Option<&str>,
) -> Result<Vec<relay_subscribers::Model>> {
    let mut query = relay_subscribers::Entity::find()
        .filter(relay_subscribers::Column::Status.eq(FollowStatus::Accepted));
    if let Some(kind) = kind {
        query = query.filter(relay_subscribers::Column::Kind.eq(kind));
    }
    Ok(query
        .order_by_asc(relay_subscribers::Column::Id)
        .all(conn)
        .await?)
}

/// Forgets a subscriber of our relay; returns whether there was one.
pub async fn remove_relay_subscriber<C: ConnectionTrait>(conn: &C, actor: &str) -> Result<bool> {
    let res = relay_subscribers::Entity::delete_many()
        .filter(relay_subscribers::Column::ActorApId.eq(actor))
        .exec(conn)
        .await?;
    Ok(res.rows_affected > 0)
}
