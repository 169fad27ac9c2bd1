//! The durable delivery queue. Jobs are written in the transaction that caused them, claimed
//! with a lease (and `FOR UPDATE SKIP LOCKED` on PostgreSQL, so several processes share the
//! work), and retried with exponential backoff until the retry window closes.

use crate::connect::{Backend, backend_of};
use crate::entities::activities;
use crate::entities::dead_inboxes;
use crate::entities::deliveries::{ActiveModel, Column, DeliveryStatus, Entity, Model};
use crate::{Result, now};
use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::{Expr, LockBehavior, LockType, Query};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder,
};
use std::collections::HashSet;

/// Queues `activity_id` for each inbox (duplicates ignored). Inboxes marked dead get a job
/// already marked dead, so the record says why nothing was sent.
pub async fn enqueue<C: ConnectionTrait>(
    conn: &C,
    activity_id: i64,
    inboxes: &[String],
) -> Result<usize> {
    let unique: Vec<&String> = {
        let mut seen = HashSet::new();
        inboxes.iter().filter(|i| seen.insert(*i)).collect()
    };
    if unique.is_empty() {
        return Ok(0);
    }
    let dead: HashSet<String> = dead_inboxes::Entity::find()
        .filter(dead_inboxes::Column::Inbox.is_in(unique.iter().map(|s| s.as_str())))
        .all(conn)
        .await?
        .into_iter()
        .map(|d| d.inbox)
        .collect();
    let now = now();
    let rows = unique.iter().map(|inbox| {
        let is_dead = dead.contains(*inbox);
        ActiveModel {
            activity_id: Set(activity_id),
            inbox: Set((*inbox).clone()),
            status: Set(if is_dead {
                DeliveryStatus::Dead
            } else {
                DeliveryStatus::Pending
            }),
            attempts: Set(0),
            next_attempt_at: Set(now),
            claimed_until: Set(None),
            last_error: Set(is_dead.then(|| "inbox marked dead".to_string())),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        }
    });
    let count = unique.len();
    Entity::insert_many(rows)
        .on_conflict_do_nothing_on([Column::ActivityId, Column::Inbox])
        .exec(conn)
        .await?;
    Ok(count)
}

/// A claimed job with what is needed to send it.
#[derive(Debug, Clone)]
pub struct Claimed {
    pub delivery: Model,
    pub activity: activities::Model,
}

/// Claims up to `limit` due jobs for `lease`. A job whose lease expired (its worker died) is
/// due again. On PostgreSQL concurrent claimers skip each other's rows.
pub async fn claim_due<C: ConnectionTrait>(
    conn: &C,
    limit: u64,
    lease: Duration,
) -> Result<Vec<Claimed>> {
    let now = now();
    let mut due = Query::select();
    due.column(Column::Id)
        .from(Entity)
        .cond_where(
            Condition::all()
                .add(Column::Status.eq(DeliveryStatus::Pending))
                .add(Column::NextAttemptAt.lte(now))
                .add(
                    Condition::any()
                        .add(Column::ClaimedUntil.is_null())
                        .add(Column::ClaimedUntil.lt(now)),
                ),
        )
        .order_by(Column::NextAttemptAt, sea_orm::Order::Asc)
        .limit(limit);
    if backend_of(conn) == Backend::Postgres {
        due.lock_with_behavior(LockType::Update, LockBehavior::SkipLocked);
    }
    let claimed: Vec<Model> = Entity::update_many()
        .col_expr(Column::ClaimedUntil, Expr::value(Some(now + lease)))
        .filter(Column::Id.in_subquery(due))
        .exec_with_returning(conn)
        .await?;
    if claimed.is_empty() {
        return Ok(Vec::new());
    }
    let activity_ids: Vec<i64> = claimed.iter().map(|d| d.activity_id).collect();
    let activities: std::collections::HashMap<i64, activities::Model> = activities::Entity::find()
        .filter(activities::Column::Id.is_in(activity_ids))
        .all(conn)
        .await?
        .into_iter()
        .map(|a| (a.id, a))
        .collect();
    Ok(claimed
        .into_iter()
        .filter_map(|delivery| {
            let activity = activities.get(&delivery.activity_id)?.clone();
            Some(Claimed { delivery, activity })
        })
        .collect())
}

async fn set_outcome<C: ConnectionTrait>(
    conn: &C,
    id: i64,
    status: DeliveryStatus,
    attempts: i32,
    next_attempt_at: Option<DateTime<Utc>>,
    error: Option<String>,
) -> Result<()> {
    let mut update = Entity::update_many()
        .col_expr(Column::Status, Expr::value(status))
        .col_expr(Column::Attempts, Expr::value(attempts))
        .col_expr(
            Column::ClaimedUntil,
            Expr::value(Option::<DateTime<Utc>>::None),
        )
        .col_expr(Column::LastError, Expr::value(error))
        .col_expr(Column::UpdatedAt, Expr::value(now()));
    if let Some(next) = next_attempt_at {
        update = update.col_expr(Column::NextAttemptAt, Expr::value(next));
    }
    update.filter(Column::Id.eq(id)).exec(conn).await?;
    Ok(())
}

/// The receiving server accepted the job.
pub async fn mark_delivered<C: ConnectionTrait>(conn: &C, job: &Model) -> Result<()> {
    set_outcome(
        conn,
        job.id,
        DeliveryStatus::Delivered,
        job.attempts + 1,
        None,
        None,
    )
    .await
}

/// The receiving server refused the job for good.
pub async fn mark_rejected<C: ConnectionTrait>(conn: &C, job: &Model, error: String) -> Result<()> {
    set_outcome(
        conn,
        job.id,
        DeliveryStatus::Rejected,
        job.attempts + 1,
        None,
        Some(error),
    )
    .await
}

/// The attempt failed; try again at `next`.
pub async fn mark_retry<C: ConnectionTrait>(
    conn: &C,
    job: &Model,
    next: DateTime<Utc>,
    error: String,
) -> Result<()> {
    set_outcome(
        conn,
        job.id,
        DeliveryStatus::Pending,
        job.attempts + 1,
        Some(next),
        Some(error),
    )
    .await
}

/// Gives a claimed job back without an attempt (its host was busy or paused): due again at
/// `next`, its attempt count unchanged.
pub async fn release<C: ConnectionTrait>(conn: &C, job: &Model, next: DateTime<Utc>) -> Result<()> {
    Entity::update_many()
        .col_expr(
            Column::ClaimedUntil,
            Expr::value(Option::<DateTime<Utc>>::None),
        )
        .col_expr(Column::NextAttemptAt, Expr::value(next))
        .col_expr(Column::UpdatedAt, Expr::value(now()))
        .filter(Column::Id.eq(job.id))
        .exec(conn)
        .await?;
    Ok(())
}

/// The retry window closed: the job and its inbox are dead.
pub async fn mark_dead<C: ConnectionTrait>(
    conn: &C,
    job: &Model,
    domain: &str,
    error: String,
) -> Result<()> {
    set_outcome(
        conn,
        job.id,
        DeliveryStatus::Dead,
        job.attempts + 1,
        None,
        Some(error),
    )
    .await?;
    dead_inboxes::Entity::insert(dead_inboxes::ActiveModel {
        inbox: Set(job.inbox.clone()),
        domain: Set(domain.to_string()),
        dead_since: Set(now()),
    })
    .on_conflict_do_nothing_on([dead_inboxes::Column::Inbox])
    .exec(conn)
    .await?;
    Ok(())
}

/// A server was heard from: its inboxes are alive again.
pub async fn revive_domain<C: ConnectionTrait>(conn: &C, domain: &str) -> Result<u64> {
    let res = dead_inboxes::Entity::delete_many()
        .filter(dead_inboxes::Column::Domain.eq(domain))
        .exec(conn)
        .await?;
    Ok(res.rows_affected)
}

/// Whether `inbox` is marked dead.
pub async fn is_dead<C: ConnectionTrait>(conn: &C, inbox: &str) -> Result<bool> {
    Ok(dead_inboxes::Entity::find_by_id(inbox.to_string())
        .count(conn)
        .await?
        > 0)
}

/// How many jobs are in `status`.
pub async fn count_with_status<C: ConnectionTrait>(
    conn: &C,
    status: DeliveryStatus,
) -> Result<u64> {
    Ok(Entity::find()
        .filter(Column::Status.eq(status))
        .count(conn)
        .await?)
}

/// The earliest pending attempt time, to know how long a worker may sleep.
pub async fn next_due<C: ConnectionTrait>(conn: &C) -> Result<Option<DateTime<Utc>>> {
    Ok(Entity::find()
        .filter(Column::Status.eq(DeliveryStatus::Pending))
        .order_by_asc(Column::NextAttemptAt)
        .one(conn)
        .await?
        .map(|d| d.next_attempt_at))
}

/// Every job of an activity; for tests and diagnostics.
pub async fn for_activity<C: ConnectionTrait>(conn: &C, activity_id: i64) -> Result<Vec<Model>> {
    Ok(Entity::find()
        .filter(Column::ActivityId.eq(activity_id))
        .order_by_asc(Column::Id)
        .all(conn)
        .await?)
}

/// How many inboxes are marked dead.
pub async fn count_dead_inboxes<C: ConnectionTrait>(conn: &C) -> Result<u64> {
    Ok(dead_inboxes::Entity::find().count(conn).await?)
}
