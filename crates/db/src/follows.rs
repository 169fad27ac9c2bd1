//! Follows both ways: followers of local places, and what local places follow.

use crate::entities::actors;
use crate::entities::followers::{self, FollowStatus};
use crate::entities::followings;
use crate::{PlaceId, Result, now};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect, TryIntoModel,
};

/// Records (or renews) a follow request of `actor` for a place.
pub async fn upsert_follower<C: ConnectionTrait>(
    conn: &C,
    place_id: PlaceId,
    actor: &str,
    follow_ap_id: &str,
    status: FollowStatus,
) -> Result<followers::Model> {
    let existing = follower(conn, place_id, actor).await?;
    let mut active: followers::ActiveModel = match existing {
        Some(row) => row.into(),
        None => followers::ActiveModel {
            place_id: Set(place_id),
            actor_ap_id: Set(actor.to_string()),
            created_at: Set(now()),
            ..Default::default()
        },
    };
    active.follow_ap_id = Set(follow_ap_id.to_string());
    active.status = Set(status);
    Ok(active.save(conn).await?.try_into_model()?)
}

/// One follower of a place.
pub async fn follower<C: ConnectionTrait>(
    conn: &C,
    place_id: PlaceId,
    actor: &str,
) -> Result<Option<followers::Model>> {
    Ok(followers::Entity::find()
        .filter(followers::Column::PlaceId.eq(place_id))
        .filter(followers::Column::ActorApId.eq(actor))
        .one(conn)
        .await?)
}

/// Changes a follower's status.
pub async fn set_follower_status<C: ConnectionTrait>(
    conn: &C,
    row: followers::Model,
    status: FollowStatus,
) -> Result<followers::Model> {
    let mut active: followers::ActiveModel = row.into();
    active.status = Set(status);
    Ok(active.update(conn).await?)
}

/// Removes a follower; returns whether there was one.
pub async fn remove_follower<C: ConnectionTrait>(
    conn: &C,
    place_id: PlaceId,
    actor: &str,
) -> Result<bool> {
    let res = followers::Entity::delete_many()
        .filter(followers::Column::PlaceId.eq(place_id))
        .filter(followers::Column::ActorApId.eq(actor))
        .exec(conn)
        .await?;
    Ok(res.rows_affected > 0)
}

/// Removes an actor from every place's followers (after the actor's `Delete`).
pub async fn remove_actor_everywhere<C: ConnectionTrait>(conn: &C, actor: &str) -> Result<()> {
    followers::Entity::delete_many()
        .filter(followers::Column::ActorApId.eq(actor))
        .exec(conn)
        .await?;
    followings::Entity::delete_many()
        .filter(followings::Column::TargetApId.eq(actor))
        .exec(conn)
        .await?;
    Ok(())
}

/// A place's followers, optionally only those in `status`, oldest first.
pub async fn followers_of<C: ConnectionTrait>(
    conn: &C,
    place_id: PlaceId,
    status: Option<FollowStatus>,
) -> Result<Vec<followers::Model>> {
    let mut query = followers::Entity::find().filter(followers::Column::PlaceId.eq(place_id));
    if let Some(status) = status {
        query = query.filter(followers::Column::Status.eq(status));
    }
    Ok(query.order_by_asc(followers::Column::Id).all(conn).await?)
}

/// A page of a place's accepted followers (actor ids), by row id after `after`.
pub async fn accepted_followers_page<C: ConnectionTrait>(
    conn: &C,
    place_id: PlaceId,
    limit: u64,
    after: Option<i64>,
) -> Result<Vec<followers::Model>> {
    let mut query = followers::Entity::find()
        .filter(followers::Column::PlaceId.eq(place_id))
        .filter(followers::Column::Status.eq(FollowStatus::Accepted));
    if let Some(after) = after {
        query = query.filter(followers::Column::Id.gt(after));
    }
    Ok(query
        .order_by_asc(followers::Column::Id)
        .limit(limit)
        .all(conn)
        .await?)
}

/// How many accepted followers a place has.
pub async fn accepted_followers_count<C: ConnectionTrait>(
    conn: &C,
    place_id: PlaceId,
) -> Result<u64> {
    Ok(followers::Entity::find()
        .filter(followers::Column::PlaceId.eq(place_id))
        .filter(followers::Column::Status.eq(FollowStatus::Accepted))
        .count(conn)
        .await?)
}

/// The inboxes to deliver a place's public activity to: each accepted follower's shared inbox
/// when it has one, its own inbox otherwise; each once.
pub async fn follower_inboxes<C: ConnectionTrait>(
    conn: &C,
    place_id: PlaceId,
) -> Result<Vec<String>> {
    let actor_ids: Vec<String> = followers_of(conn, place_id, Some(FollowStatus::Accepted))
        .await?
        .into_iter()
        .map(|f| f.actor_ap_id)
        .collect();
    if actor_ids.is_empty() {
        return relay_inboxes(conn).await;
    }
    let mut inboxes: Vec<String> = actors::Entity::find()
        .filter(actors::Column::ApId.is_in(actor_ids))
        .all(conn)
        .await?
        .into_iter()
        .map(|a| a.shared_inbox.unwrap_or(a.inbox))
        .collect();
    // Relays the instance subscribed to get every public activity too.
    inboxes.extend(relay_inboxes(conn).await?);
    inboxes.sort();
    inboxes.dedup();
    Ok(inboxes)
}

/// The inboxes of the relays the instance subscribed to (accepted).
async fn relay_inboxes<C: ConnectionTrait>(conn: &C) -> Result<Vec<String>> {
    use crate::entities::subscriptions;
    Ok(subscriptions::Entity::find()
        .filter(subscriptions::Column::Kind.ne(crate::networks::subscription_kind::ACTOR))
        .filter(subscriptions::Column::Status.eq(FollowStatus::Accepted))
        .all(conn)
        .await?
        .into_iter()
        .map(|s| s.inbox)
        .collect())
}

/// Records (or renews) a follow sent by a local place.
pub async fn upsert_following<C: ConnectionTrait>(
    conn: &C,
    place_id: PlaceId,
    target: &str,
    follow_ap_id: &str,
) -> Result<followings::Model> {
    let existing = following(conn, place_id, target).await?;
    let mut active: followings::ActiveModel = match existing {
        Some(row) => row.into(),
        None => followings::ActiveModel {
            place_id: Set(place_id),
            target_ap_id: Set(target.to_string()),
            created_at: Set(now()),
            ..Default::default()
        },
    };
    active.follow_ap_id = Set(follow_ap_id.to_string());
    active.status = Set(FollowStatus::Pending);
    Ok(active.save(conn).await?.try_into_model()?)
}

/// One follow of a local place.
pub async fn following<C: ConnectionTrait>(
    conn: &C,
    place_id: PlaceId,
    target: &str,
) -> Result<Option<followings::Model>> {
    Ok(followings::Entity::find()
        .filter(followings::Column::PlaceId.eq(place_id))
        .filter(followings::Column::TargetApId.eq(target))
        .one(conn)
        .await?)
}

/// The follow answered by an `Accept` or `Reject` of `follow_ap_id` from `target`.
pub async fn following_by_follow_id<C: ConnectionTrait>(
    conn: &C,
    follow_ap_id: &str,
    target: &str,
) -> Result<Option<followings::Model>> {
    Ok(followings::Entity::find()
        .filter(followings::Column::FollowApId.eq(follow_ap_id))
        .filter(followings::Column::TargetApId.eq(target))
        .one(conn)
        .await?)
}

/// The pending follows of `target` (for an `Accept` that names the follow only by actor).
pub async fn pending_followings_of_target<C: ConnectionTrait>(
    conn: &C,
    target: &str,
) -> Result<Vec<followings::Model>> {
    Ok(followings::Entity::find()
        .filter(followings::Column::TargetApId.eq(target))
        .filter(followings::Column::Status.eq(FollowStatus::Pending))
        .all(conn)
        .await?)
}

/// Changes a follow's status.
pub async fn set_following_status<C: ConnectionTrait>(
    conn: &C,
    row: followings::Model,
    status: FollowStatus,
) -> Result<followings::Model> {
    let mut active: followings::ActiveModel = row.into();
    active.status = Set(status);
    Ok(active.update(conn).await?)
}

/// Removes a follow of a local place.
pub async fn remove_following<C: ConnectionTrait>(
    conn: &C,
    place_id: PlaceId,
    target: &str,
) -> Result<bool> {
    let res = followings::Entity::delete_many()
        .filter(followings::Column::PlaceId.eq(place_id))
        .filter(followings::Column::TargetApId.eq(target))
        .exec(conn)
        .await?;
    Ok(res.rows_affected > 0)
}

/// Whether any local place (or network), or the instance actor, follows `target` with an
/// accepted follow.
pub async fn is_followed_locally<C: ConnectionTrait>(conn: &C, target: &str) -> Result<bool> {
    let by_place = followings::Entity::find()
        .filter(followings::Column::TargetApId.eq(target))
        .filter(followings::Column::Status.eq(FollowStatus::Accepted))
        .count(conn)
        .await?
        > 0;
    Ok(by_place || crate::networks::subscribed(conn, target).await?)
}

/// What a place follows.
pub async fn followings_of<C: ConnectionTrait>(
    conn: &C,
    place_id: PlaceId,
) -> Result<Vec<followings::Model>> {
    Ok(followings::Entity::find()
        .filter(followings::Column::PlaceId.eq(place_id))
        .order_by_asc(followings::Column::Id)
        .all(conn)
        .await?)
}
