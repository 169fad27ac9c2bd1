//! Regional networks: `Group` actors (FEP-1b12) that re-share their members' public
//! activities.
//!
//! - **Membership.** A place asks to join with `Join`. An `open` network accepts at once; an
//!   `approval` network waits for a moderator. On acceptance the network answers
//!   `Accept(Join)` and sends the member a `Follow`, so that the member's public activities
//!   reach the network's inbox. A member leaves with `Leave` (or `Undo(Join)`); a moderator
//!   removes it (`Remove`) or bars it (`Block`). Every decision goes to the public moderation
//!   log.
//! - **Announcing.** When a member's public `Create` (or an `Update`/`Delete` of something the
//!   network announced) has been applied, the network wraps the activity, unchanged, in an
//!   `Announce` to its followers. A `Create` is also announced by object id, the boost that
//!   Mastodon and other servers without FEP-1b12 show. A member that is itself a network
//!   passes on the activities it announced: the inner activity is announced again (never an
//!   `Announce` of an `Announce`), once per network whatever the number of paths, so a loop
//!   of networks stops at once.
//! - **Withdrawal.** A moderator withdraws an announced post: the network sends
//!   `Undo(Announce)` for each announcement of it, and does not announce it again.

use crate::data::Data;
use crate::error::FederationError;
use crate::objects::actor::ApubActor;
use crate::outbox::{self, Outgoing, Prepared};
use crate::protocol::context::with_context;
use crate::protocol::helpers::{public_collection, value_id};
use activitypub_federation::fetch::object_id::ObjectId;
use futures::future::BoxFuture;
use galaxie_db::entities::network_members::MemberStatus;
use galaxie_db::entities::{actors, memberships, network_members, places};
use galaxie_db::networks::{self as db, JoinPolicy, ModerationAction, NewAnnounce};
use galaxie_db::{ConnectionTrait, TransactionTrait};
use galaxie_domain::place::NewPlace;
use serde_json::{Value, json};
use url::Url;

/// Actor types that can be members of a network: places (`Organization`) and networks
/// (`Group`).
const MEMBER_KINDS: [&str; 2] = ["Organization", "Group"];

/// Activity types a network passes on from its members.
const ANNOUNCED_KINDS: [&str; 3] = ["Create", "Update", "Delete"];

fn not_a_network(username: &str) -> FederationError {
    galaxie_domain::ValidationErrors::single(
        "network",
        format!("« {username} » n'est pas un réseau de cette instance / is not a network of this instance"),
    )
    .into()
}

/// A local network by username.
pub async fn network(data: &Data, username: &str) -> Result<places::Model, FederationError> {
    let row = galaxie_db::places::get_by_username(data.db().conn(), username).await?;
    if !db::is_network(&row) {
        return Err(not_a_network(username));
    }
    Ok(row)
}

/// Creates a network: a `Group` actor with its key pair.
pub async fn create(
    data: &Data,
    new: NewPlace,
    policy: JoinPolicy,
) -> Result<places::Model, FederationError> {
    let row = crate::service::create_place(data, new).await?;
    Ok(db::make_network(data.db().conn(), row, policy).await?)
}

fn envelope(id: &Url, kind: &str, actor: &Url, to: Vec<Url>, object: Value) -> Value {
    json!({
        "id": id,
        "type": kind,
        "actor": actor,
        "to": to,
        "object": object,
        "published": galaxie_db::now(),
    })
}

fn actor_inbox(actor: &actors::Model) -> String {
    actor.inbox.clone()
}

fn join_json(join_id: &str, member: &str, network: &Url) -> Value {
    json!({ "id": join_id, "type": "Join", "actor": member, "object": network })
}

// --- A place joins, leaves ------------------------------------------------------------------

/// A local place asks to join a network (`@network@host` or URL; a local one too).
pub async fn join(
    data: &Data,
    place_username: &str,
    target: &str,
) -> Result<memberships::Model, FederationError> {
    let place = crate::service::place(data, place_username).await?;
    let urls = data.urls();
    if let Some(local) = local_network_named(data, target).await? {
        if local.id == place.id {
            return Err(galaxie_domain::ValidationErrors::single(
                "network",
                "un réseau ne peut pas être membre de lui-même / a network cannot join itself",
            )
            .into());
        }
        return join_local(data, &place, &local).await;
    }
    let network = crate::webfinger::resolve_actor(data, target).await?;
    if network.row.kind != "Group" {
        return Err(galaxie_domain::ValidationErrors::single(
            "network",
            format!(
                "{} n'est pas un réseau (type {}) / is not a network",
                network.row.ap_id, network.row.kind
            ),
        )
        .into());
    }
    let join_id = urls.new_activity();
    let actor = urls.place(&place.username);
    let txn = data
        .db()
        .conn()
        .begin_with_options(galaxie_db::WRITE)
        .await?;
    let row = db::upsert_membership(
        &txn,
        place.id,
        &network.row.ap_id,
        join_id.as_str(),
        MemberStatus::Pending,
    )
    .await?;
    let network_url = Url::parse(&network.row.ap_id)?;
    let json = with_context(&join_json(join_id.as_str(), actor.as_str(), &network_url))?;
    outbox::publish(
        &txn,
        data,
        Outgoing::Prepared(Prepared {
            id: join_id,
            kind: "Join",
            place: Some(place),
            object_id: Some(network.row.ap_id.clone()),
            public: false,
            json,
            inboxes: vec![actor_inbox(&network.row)],
        }),
    )
    .await?;
    txn.commit().await?;
    data.ring_delivery_bell();
    Ok(row)
}

async fn local_network_named(
    data: &Data,
    target: &str,
) -> Result<Option<places::Model>, FederationError> {
    let urls = data.urls();
    let username = if let Ok(url) = Url::parse(target) {
        match urls.place_username(&url) {
            Some(u) => u.to_string(),
            None => return Ok(None),
        }
    } else {
        let handle = target.trim_start_matches('@');
        match handle.split_once('@') {
            Some((user, host)) if host == urls.authority() => user.to_string(),
            Some(_) => return Ok(None),
            None => handle.to_string(),
        }
    };
    Ok(galaxie_db::places::by_username(data.db().conn(), &username)
        .await?
        .filter(db::is_network))
}

/// A place joins a network of the same instance: no message travels, both sides are written
/// at once.
async fn join_local(
    data: &Data,
    place: &places::Model,
    network: &places::Model,
) -> Result<memberships::Model, FederationError> {
    let urls = data.urls();
    let member = urls.place(&place.username);
    let network_url = urls.place(&network.username);
    let conn = data.db().conn();
    if let Some(existing) = db::member(conn, network.id, member.as_str()).await?
        && existing.status == MemberStatus::Blocked
    {
        return Err(galaxie_domain::ValidationErrors::single(
            "network",
            "ce réseau a exclu ce lieu / this network has barred this place",
        )
        .into());
    }
    let status = match JoinPolicy::of(network) {
        JoinPolicy::Open => MemberStatus::Accepted,
        JoinPolicy::Approval => MemberStatus::Pending,
    };
    let join_id = urls.new_activity();
    let kind = if db::is_network(place) {
        "Group"
    } else {
        "Organization"
    };
    let txn = conn.begin_with_options(galaxie_db::WRITE).await?;
    db::upsert_member(
        &txn,
        network.id,
        member.as_str(),
        Some(kind),
        join_id.as_str(),
        status,
    )
    .await?;
    let row = db::upsert_membership(
        &txn,
        place.id,
        network_url.as_str(),
        join_id.as_str(),
        status,
    )
    .await?;
    if status == MemberStatus::Accepted {
        db::log(
            &txn,
            network.id,
            ModerationAction::Accept,
            member.as_str(),
            None,
            None,
        )
        .await?;
    }
    txn.commit().await?;
    Ok(row)
}

/// A local place leaves a network.
pub async fn leave(data: &Data, place_username: &str, target: &str) -> Result<(), FederationError> {
    let place = crate::service::place(data, place_username).await?;
    let urls = data.urls();
    let conn = data.db().conn();
    if let Some(local) = local_network_named(data, target).await? {
        let member = urls.place(&place.username);
        let network_url = urls.place(&local.username);
        let row = db::membership(conn, place.id, network_url.as_str())
            .await?
            .ok_or(FederationError::NotFound("membership"))?;
        let txn = conn.begin_with_options(galaxie_db::WRITE).await?;
        db::set_membership_status(&txn, row, MemberStatus::Left).await?;
        if let Some(m) = db::member(&txn, local.id, member.as_str()).await? {
            db::set_member_status(&txn, m, MemberStatus::Left, None).await?;
            db::log(
                &txn,
                local.id,
                ModerationAction::Leave,
                member.as_str(),
                None,
                None,
            )
            .await?;
        }
        txn.commit().await?;
        return Ok(());
    }
    let network = crate::webfinger::resolve_actor(data, target).await?;
    let row = db::membership(conn, place.id, &network.row.ap_id)
        .await?
        .ok_or(FederationError::NotFound("membership"))?;
    let id = urls.new_activity();
    let actor = urls.place(&place.username);
    let json = with_context(&json!({
        "id": id,
        "type": "Leave",
        "actor": actor,
        "object": network.row.ap_id,
        "to": [network.row.ap_id],
    }))?;
    let txn = conn.begin_with_options(galaxie_db::WRITE).await?;
    db::set_membership_status(&txn, row, MemberStatus::Left).await?;
    outbox::publish(
        &txn,
        data,
        Outgoing::Prepared(Prepared {
            id,
            kind: "Leave",
            place: Some(place),
            object_id: Some(network.row.ap_id.clone()),
            public: false,
            json,
            inboxes: vec![actor_inbox(&network.row)],
        }),
    )
    .await?;
    txn.commit().await?;
    data.ring_delivery_bell();
    Ok(())
}

// --- The network side: requests, decisions --------------------------------------------------

/// A `Join` of one of our networks arrived (verified).
pub async fn on_join(
    data: &Data,
    network: places::Model,
    join_id: &Url,
    member: &Url,
) -> Result<(), FederationError> {
    let actor = ObjectId::<ApubActor>::from(member.clone())
        .dereference(data)
        .await?;
    let conn = data.db().conn();
    let existing = db::member(conn, network.id, member.as_str()).await?;
    let txn = conn.begin_with_options(galaxie_db::WRITE).await?;
    // Members are places and networks (people follow a network instead); a barred member
    // stays barred.
    let refusal = if !MEMBER_KINDS.contains(&actor.row.kind.as_str()) {
        Some(
            "seuls les lieux et les réseaux adhèrent ; suivez le réseau / only places and networks join; follow the network instead",
        )
    } else if existing
        .as_ref()
        .is_some_and(|m| m.status == MemberStatus::Blocked)
    {
        Some("membre exclu / barred member")
    } else {
        None
    };
    if let Some(why) = refusal {
        answer_join(&txn, data, &network, &actor.row, join_id, "Reject").await?;
        db::log(
            &txn,
            network.id,
            ModerationAction::Refuse,
            member.as_str(),
            Some(why),
            None,
        )
        .await?;
        txn.commit().await?;
        data.ring_delivery_bell();
        return Ok(());
    }
    if existing
        .as_ref()
        .is_some_and(|m| m.status == MemberStatus::Accepted)
    {
        // A repeated request: answer again, change nothing.
        answer_join(&txn, data, &network, &actor.row, join_id, "Accept").await?;
        txn.commit().await?;
        data.ring_delivery_bell();
        return Ok(());
    }
    let row = db::upsert_member(
        &txn,
        network.id,
        member.as_str(),
        Some(&actor.row.kind),
        join_id.as_str(),
        MemberStatus::Pending,
    )
    .await?;
    if JoinPolicy::of(&network) == JoinPolicy::Open {
        accept_member(&txn, data, &network, row, &actor.row).await?;
    }
    txn.commit().await?;
    data.ring_delivery_bell();
    Ok(())
}

async fn answer_join<C: ConnectionTrait>(
    conn: &C,
    data: &Data,
    network: &places::Model,
    member: &actors::Model,
    join_id: &Url,
    kind: &'static str,
) -> Result<(), FederationError> {
    let urls = data.urls();
    let actor = urls.place(&network.username);
    let id = urls.new_activity();
    let member_url = Url::parse(&member.ap_id)?;
    let json = with_context(&envelope(
        &id,
        kind,
        &actor,
        vec![member_url.clone()],
        join_json(join_id.as_str(), member_url.as_str(), &actor),
    ))?;
    outbox::publish(
        conn,
        data,
        Outgoing::Prepared(Prepared {
            id,
            kind,
            place: Some(network.clone()),
            object_id: Some(join_id.to_string()),
            public: false,
            json,
            inboxes: vec![actor_inbox(member)],
        }),
    )
    .await?;
    Ok(())
}

/// Accepts a member: `Accept(Join)`, then the network follows it.
async fn accept_member<C: ConnectionTrait>(
    conn: &C,
    data: &Data,
    network: &places::Model,
    row: network_members::Model,
    member: &actors::Model,
) -> Result<(), FederationError> {
    let join_id = Url::parse(&row.join_ap_id)?;
    answer_join(conn, data, network, member, &join_id, "Accept").await?;
    let follow_id = data.urls().new_activity();
    galaxie_db::follows::upsert_following(conn, network.id, &member.ap_id, follow_id.as_str())
        .await?;
    outbox::publish(
        conn,
        data,
        Outgoing::FollowRequested {
            place: network.clone(),
            target: member.clone(),
            follow_id: follow_id.clone(),
        },
    )
    .await?;
    db::set_member_status(
        conn,
        row,
        MemberStatus::Accepted,
        Some(Some(follow_id.to_string())),
    )
    .await?;
    db::log(
        conn,
        network.id,
        ModerationAction::Accept,
        &member.ap_id,
        None,
        None,
    )
    .await?;
    Ok(())
}

/// The network stops following a member that is no longer one.
async fn stop_following<C: ConnectionTrait>(
    conn: &C,
    data: &Data,
    network: &places::Model,
    member: &actors::Model,
) -> Result<(), FederationError> {
    let Some(row) = galaxie_db::follows::following(conn, network.id, &member.ap_id).await? else {
        return Ok(());
    };
    galaxie_db::follows::remove_following(conn, network.id, &member.ap_id).await?;
    outbox::publish(
        conn,
        data,
        Outgoing::Unfollowed {
            place: network.clone(),
            target: member.clone(),
            follow_id: Url::parse(&row.follow_ap_id)?,
        },
    )
    .await?;
    Ok(())
}

/// A member left (`Leave` or `Undo(Join)`).
pub async fn on_leave(
    data: &Data,
    network: places::Model,
    member: &Url,
) -> Result<(), FederationError> {
    let conn = data.db().conn();
    let Some(row) = db::member(conn, network.id, member.as_str()).await? else {
        return Ok(());
    };
    if !matches!(row.status, MemberStatus::Accepted | MemberStatus::Pending) {
        return Ok(());
    }
    let actor = galaxie_db::actors::by_ap_id(conn, member.as_str()).await?;
    let txn = conn.begin_with_options(galaxie_db::WRITE).await?;
    db::set_member_status(&txn, row, MemberStatus::Left, Some(None)).await?;
    if let Some(actor) = actor {
        stop_following(&txn, data, &network, &actor).await?;
    }
    db::log(
        &txn,
        network.id,
        ModerationAction::Leave,
        member.as_str(),
        None,
        None,
    )
    .await?;
    txn.commit().await?;
    data.ring_delivery_bell();
    Ok(())
}

/// What a moderator decides about a member.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MemberDecision {
    /// Accept a pending request.
    Approve,
    /// Refuse a pending request.
    Refuse,
    /// Remove a member.
    Remove,
    /// Remove a member and bar it from joining again.
    Block,
}

/// A moderator's decision about a member (`@place@host` or URL).
pub async fn decide_member(
    data: &Data,
    network_username: &str,
    member: &str,
    decision: MemberDecision,
    reason: Option<&str>,
) -> Result<network_members::Model, FederationError> {
    let network = network(data, network_username).await?;
    let conn = data.db().conn();
    let member_url = resolve_member(data, member).await?;
    let row = db::member(conn, network.id, member_url.as_str()).await?;
    let row = match (row, decision) {
        (Some(row), _) => row,
        // Blocking someone who never asked bars them in advance.
        (None, MemberDecision::Block) => {
            db::upsert_member(
                conn,
                network.id,
                member_url.as_str(),
                None,
                "",
                MemberStatus::Blocked,
            )
            .await?
        }
        (None, _) => return Err(FederationError::NotFound("member")),
    };
    let urls = data.urls();
    let local_member = urls.place_username(&member_url).map(str::to_string);
    let actor = match &local_member {
        Some(_) => None,
        None => Some(
            galaxie_db::actors::by_ap_id(conn, member_url.as_str())
                .await?
                .ok_or(FederationError::NotFound("member's actor"))?,
        ),
    };
    let txn = conn.begin_with_options(galaxie_db::WRITE).await?;
    let row = match decision {
        MemberDecision::Approve => {
            if row.status != MemberStatus::Pending {
                return Err(galaxie_domain::ValidationErrors::single(
                    "member",
                    "aucune demande en attente / no pending request",
                )
                .into());
            }
            match &actor {
                Some(actor) => {
                    accept_member(&txn, data, &network, row.clone(), actor).await?;
                }
                None => {
                    db::set_member_status(&txn, row.clone(), MemberStatus::Accepted, None).await?;
                    set_local_membership(
                        &txn,
                        data,
                        &local_member,
                        &network,
                        MemberStatus::Accepted,
                    )
                    .await?;
                    db::log(
                        &txn,
                        network.id,
                        ModerationAction::Accept,
                        member_url.as_str(),
                        reason,
                        None,
                    )
                    .await?;
                }
            }
            db::member(&txn, network.id, member_url.as_str())
                .await?
                .ok_or(FederationError::NotFound("member"))?
        }
        MemberDecision::Refuse => {
            if row.status != MemberStatus::Pending {
                return Err(galaxie_domain::ValidationErrors::single(
                    "member",
                    "aucune demande en attente : retirez le membre / no pending request: remove the member instead",
                )
                .into());
            }
            if let Some(actor) = &actor {
                let join_id = Url::parse(&row.join_ap_id)?;
                answer_join(&txn, data, &network, actor, &join_id, "Reject").await?;
            }
            set_local_membership(&txn, data, &local_member, &network, MemberStatus::Refused)
                .await?;
            db::log(
                &txn,
                network.id,
                ModerationAction::Refuse,
                member_url.as_str(),
                reason,
                None,
            )
            .await?;
            db::set_member_status(&txn, row, MemberStatus::Refused, None).await?
        }
        MemberDecision::Remove | MemberDecision::Block => {
            let (status, action, kind) = if decision == MemberDecision::Block {
                (
                    MemberStatus::Blocked,
                    ModerationAction::BlockMember,
                    "Block",
                )
            } else {
                (
                    MemberStatus::Removed,
                    ModerationAction::RemoveMember,
                    "Remove",
                )
            };
            let mut told = None;
            if let Some(actor) = &actor {
                stop_following(&txn, data, &network, actor).await?;
                let network_url = urls.place(&network.username);
                let id = urls.new_activity();
                let mut activity = envelope(
                    &id,
                    kind,
                    &network_url,
                    vec![Url::parse(&actor.ap_id)?],
                    json!(actor.ap_id),
                );
                if kind == "Remove" {
                    activity["target"] = json!(members_url(data, &network));
                }
                outbox::publish(
                    &txn,
                    data,
                    Outgoing::Prepared(Prepared {
                        id: id.clone(),
                        kind,
                        place: Some(network.clone()),
                        object_id: Some(actor.ap_id.clone()),
                        public: false,
                        json: with_context(&activity)?,
                        inboxes: vec![actor_inbox(actor)],
                    }),
                )
                .await?;
                told = Some(id.to_string());
            }
            set_local_membership(&txn, data, &local_member, &network, status).await?;
            db::log(
                &txn,
                network.id,
                action,
                member_url.as_str(),
                reason,
                told.as_deref(),
            )
            .await?;
            db::set_member_status(&txn, row, status, Some(None)).await?
        }
    };
    txn.commit().await?;
    data.ring_delivery_bell();
    Ok(row)
}

async fn set_local_membership<C: ConnectionTrait>(
    conn: &C,
    data: &Data,
    local_member: &Option<String>,
    network: &places::Model,
    status: MemberStatus,
) -> Result<(), FederationError> {
    let Some(username) = local_member else {
        return Ok(());
    };
    let place = galaxie_db::places::get_by_username(conn, username).await?;
    let network_url = data.urls().place(&network.username);
    if let Some(row) = db::membership(conn, place.id, network_url.as_str()).await? {
        db::set_membership_status(conn, row, status).await?;
    }
    Ok(())
}

async fn resolve_member(data: &Data, member: &str) -> Result<Url, FederationError> {
    if let Ok(url) = Url::parse(member) {
        return Ok(url);
    }
    let handle = member.trim_start_matches('@');
    let urls = data.urls();
    match handle.split_once('@') {
        Some((user, host)) if host == urls.authority() => Ok(urls.place(user)),
        Some(_) => Ok(Url::parse(
            &crate::webfinger::resolve_actor(data, member)
                .await?
                .row
                .ap_id,
        )?),
        None => Ok(urls.place(handle)),
    }
}

/// The URL of a network's members collection.
pub fn members_url(data: &Data, network: &places::Model) -> Url {
    data.urls().place_members(&network.username)
}

/// The URL of a network's public moderation log.
pub fn moderation_url(data: &Data, network: &places::Model) -> Url {
    data.urls().place_moderation(&network.username)
}

// --- Our places' side -----------------------------------------------------------------------

/// A network answered one of our places' `Join` (`Accept` or `Reject`). Returns whether the
/// answer was about a membership.
pub async fn on_join_answered(
    data: &Data,
    network: &Url,
    object: &Value,
    accepted: bool,
) -> Result<bool, FederationError> {
    let is_join = object.get("type").and_then(Value::as_str) == Some("Join");
    let join_id = value_id(object).map(|u| u.to_string());
    let place = match object.get("actor").and_then(value_id) {
        Some(actor) => match data.urls().place_username(&actor) {
            Some(username) => galaxie_db::places::by_username(data.db().conn(), username)
                .await?
                .map(|p| p.id),
            None => None,
        },
        None => None,
    };
    let conn = data.db().conn();
    let Some(row) =
        db::membership_answered(conn, network.as_str(), join_id.as_deref(), place).await?
    else {
        return Ok(is_join);
    };
    if !is_join && join_id.as_deref() != Some(row.join_ap_id.as_str()) {
        return Ok(false);
    }
    let status = if accepted {
        MemberStatus::Accepted
    } else {
        MemberStatus::Refused
    };
    db::set_membership_status(conn, row, status).await?;
    Ok(true)
}

/// A network removed or barred one of our places (`Remove` or `Block` from it).
pub async fn on_removed(
    data: &Data,
    network: &Url,
    object: &Value,
    blocked: bool,
) -> Result<(), FederationError> {
    let Some(target) = value_id(object) else {
        return Ok(());
    };
    let Some(username) = data.urls().place_username(&target) else {
        return Ok(());
    };
    let conn = data.db().conn();
    let Some(place) = galaxie_db::places::by_username(conn, username).await? else {
        return Ok(());
    };
    if let Some(row) = db::membership(conn, place.id, network.as_str()).await? {
        let status = if blocked {
            MemberStatus::Blocked
        } else {
            MemberStatus::Removed
        };
        db::set_membership_status(conn, row, status).await?;
    }
    Ok(())
}

// --- Announcing -----------------------------------------------------------------------------

/// Runs after a received activity was applied: the networks of which its actor is a member
/// announce it, and a relay passes it on.
pub async fn after_apply(data: &Data, activity: &Value) -> Result<(), FederationError> {
    let txn = data
        .db()
        .conn()
        .begin_with_options(galaxie_db::WRITE)
        .await?;
    announce_for_members(&txn, data, activity).await?;
    txn.commit().await?;
    data.ring_delivery_bell();
    crate::relay::forward(data, activity).await
}

/// After an activity from `actor` was applied (received, or published by a local place):
/// each local network of which `actor` is a member announces it, when it should. `conn` is the
/// caller's transaction for local publications.
pub fn announce_for_members<'a, C: ConnectionTrait>(
    conn: &'a C,
    data: &'a Data,
    activity: &'a Value,
) -> BoxFuture<'a, Result<(), FederationError>> {
    Box::pin(async move {
        let Some(actor) = activity.get("actor").and_then(value_id) else {
            return Ok(());
        };
        let networks = db::networks_of_member(conn, actor.as_str()).await?;
        if networks.is_empty() {
            return Ok(());
        }
        let kind = activity.get("type").and_then(Value::as_str).unwrap_or("");
        let inner = if ANNOUNCED_KINDS.contains(&kind) {
            activity
        } else if kind == "Announce" {
            // A member network passes on what it announced: announce the inner activity.
            match activity.get("object") {
                Some(inner @ Value::Object(_)) => inner,
                _ => return Ok(()),
            }
        } else {
            return Ok(());
        };
        for network in networks {
            announce(conn, data, &network, &actor, inner).await?;
        }
        Ok(())
    })
}

/// Whether an activity is addressed to the public.
fn is_public(activity: &Value) -> bool {
    ["to", "cc"]
        .iter()
        .filter_map(|k| activity.get(*k))
        .flat_map(|v| match v {
            Value::Array(items) => items.clone(),
            other => vec![other.clone()],
        })
        .any(|v| {
            v.as_str().is_some_and(|s| {
                s == "Public"
                    || s == "as:Public"
                    || Url::parse(s).is_ok_and(|u| crate::protocol::helpers::is_public(&u))
            })
        })
}

async fn reject<C: ConnectionTrait>(
    conn: &C,
    network: &places::Model,
    target: &str,
    why: &str,
) -> Result<(), FederationError> {
    tracing::info!(network = %network.username, %target, why, "not announced");
    db::log(
        conn,
        network.id,
        ModerationAction::RejectActivity,
        target,
        Some(why),
        None,
    )
    .await?;
    Ok(())
}

/// One network announces one activity of a member (`via`), if it should.
async fn announce<C: ConnectionTrait>(
    conn: &C,
    data: &Data,
    network: &places::Model,
    via: &Url,
    inner: &Value,
) -> Result<(), FederationError> {
    let urls = data.urls();
    let kind = inner.get("type").and_then(Value::as_str).unwrap_or("");
    let (Some(inner_id), Some(inner_actor)) = (
        inner.get("id").and_then(value_id),
        inner.get("actor").and_then(value_id),
    ) else {
        return Ok(());
    };
    if !ANNOUNCED_KINDS.contains(&kind) {
        return Ok(());
    }
    let network_url = urls.place(&network.username);
    if inner_actor == network_url {
        return Ok(());
    }
    let object_id = inner.get("object").and_then(value_id);
    let Some(object_id) = object_id else {
        return Ok(());
    };
    if db::announced(conn, network.id, inner_id.as_str())
        .await?
        .is_some()
    {
        // Already announced: it came by another path, or around a loop.
        return Ok(());
    }
    if db::object_withdrawn(conn, network.id, object_id.as_str()).await? {
        return reject(
            conn,
            network,
            inner_id.as_str(),
            "publication retirée par la modération / withdrawn by a moderator",
        )
        .await;
    }
    // A member network passes on other members' activities: what it wraps must come from
    // its members, which the origin of the object proves. A member place only speaks for
    // itself.
    if &inner_actor != via {
        let stored = galaxie_db::objects::by_ap_id(conn, object_id.as_str()).await?;
        let genuine = match kind {
            "Delete" => stored.is_some_and(|o| o.attributed_to == inner_actor.as_str()),
            _ => stored.is_some_and(|o| {
                o.attributed_to == inner_actor.as_str()
                    && Url::parse(&o.ap_id).is_ok_and(|u| u.host_str() == inner_actor.host_str())
            }),
        };
        if !genuine {
            return reject(
                conn,
                network,
                inner_id.as_str(),
                "l'objet annoncé ne vient pas de l'auteur indiqué / the announced object does not come from its stated author",
            )
            .await;
        }
    } else if inner_actor.host_str() != object_id.host_str() {
        return reject(
            conn,
            network,
            inner_id.as_str(),
            "objet d'un autre serveur que son auteur / object on another host than its author",
        )
        .await;
    }
    let standing = db::announces_of_object(conn, network.id, object_id.as_str()).await?;
    match kind {
        "Create" if !is_public(inner) => return Ok(()),
        "Update" | "Delete" if standing.is_empty() => return Ok(()),
        _ => {}
    }
    let announce_id = urls.new_activity();
    let recorded = db::record_announce(
        conn,
        NewAnnounce {
            network: network.id,
            inner_ap_id: inner_id.as_str(),
            inner_kind: kind,
            inner_actor: inner_actor.as_str(),
            object_ap_id: Some(object_id.as_str()),
            announce_ap_id: announce_id.as_str(),
        },
    )
    .await?;
    if !recorded {
        return Ok(());
    }
    let followers = urls.place_followers(&network.username);
    let inboxes = galaxie_db::follows::follower_inboxes(conn, network.id).await?;
    let mut activity = envelope(
        &announce_id,
        "Announce",
        &network_url,
        vec![public_collection()],
        inner.clone(),
    );
    activity["cc"] = json!([followers]);
    activity["audience"] = json!(network_url);
    outbox::publish(
        conn,
        data,
        Outgoing::Prepared(Prepared {
            id: announce_id.clone(),
            kind: "Announce",
            place: Some(network.clone()),
            object_id: Some(inner_id.to_string()),
            public: true,
            json: with_context(&activity)?,
            inboxes: inboxes.clone(),
        }),
    )
    .await?;
    if kind == "Create" {
        // The boost that servers without FEP-1b12 (Mastodon…) show.
        let compat_id = Url::parse(&format!("{announce_id}-boost"))?;
        let mut boost = envelope(
            &compat_id,
            "Announce",
            &network_url,
            vec![public_collection()],
            json!(object_id),
        );
        boost["cc"] = json!([followers]);
        outbox::publish(
            conn,
            data,
            Outgoing::Prepared(Prepared {
                id: compat_id,
                kind: "Announce",
                place: Some(network.clone()),
                object_id: Some(object_id.to_string()),
                public: false,
                json: with_context(&boost)?,
                inboxes,
            }),
        )
        .await?;
    }
    // A network that is itself a member of a local network passes it on: `outbox::publish`
    // calls `announce_for_members` with our `Announce`.
    Ok(())
}

/// A moderator withdraws an announced post: `Undo(Announce)` for each of its announcements;
/// the network will not announce it again.
pub async fn withdraw_post(
    data: &Data,
    network_username: &str,
    object: &str,
    reason: Option<&str>,
) -> Result<usize, FederationError> {
    let network = network(data, network_username).await?;
    let object = Url::parse(object).map_err(|_| {
        galaxie_domain::ValidationErrors::single(
            "object",
            "donnez l'adresse (URL) de la publication / give the post's URL",
        )
    })?;
    let urls = data.urls();
    let network_url = urls.place(&network.username);
    let txn = data
        .db()
        .conn()
        .begin_with_options(galaxie_db::WRITE)
        .await?;
    let withdrawn = db::withdraw_object(&txn, network.id, object.as_str()).await?;
    if withdrawn.is_empty() {
        return Err(FederationError::NotFound("announced post"));
    }
    let inboxes = galaxie_db::follows::follower_inboxes(&txn, network.id).await?;
    let mut told = Vec::new();
    for row in &withdrawn {
        let mut announces = vec![row.announce_ap_id.clone()];
        if row.inner_kind == "Create" {
            announces.push(format!("{}-boost", row.announce_ap_id));
        }
        for announce in announces {
            let id = urls.new_activity();
            let json = with_context(&json!({
                "id": id,
                "type": "Undo",
                "actor": network_url,
                "to": [public_collection()],
                "cc": [urls.place_followers(&network.username)],
                "object": { "id": announce, "type": "Announce", "actor": network_url, "object": object },
            }))?;
            outbox::publish(
                &txn,
                data,
                Outgoing::Prepared(Prepared {
                    id: id.clone(),
                    kind: "Undo",
                    place: Some(network.clone()),
                    object_id: Some(announce),
                    public: false,
                    json,
                    inboxes: inboxes.clone(),
                }),
            )
            .await?;
            told.push(id.to_string());
        }
    }
    db::log(
        &txn,
        network.id,
        ModerationAction::WithdrawPost,
        object.as_str(),
        reason,
        told.first().map(String::as_str),
    )
    .await?;
    txn.commit().await?;
    data.ring_delivery_bell();
    Ok(withdrawn.len())
}
