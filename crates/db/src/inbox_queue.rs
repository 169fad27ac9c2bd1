//! The inbox queue: verified activities stored before the 202, applied by a background worker
//! (claimed with leases, as deliveries are, so several processes share the work).

use crate::activities::ActivityData;
use crate::connect::{Backend, backend_of};
use crate::entities::inbox_queue::{ActiveModel, Column, Entity, InboxStatus, Model};
use crate::{DbError, Result, now};
use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::ExprTrait;
use sea_orm::sea_query::{Expr, LockBehavior, LockType, Query};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, EntityTrait,
    PaginatorTrait, QueryFilter, TransactionSession, TransactionTrait, TryInsertResult,
};
use std::collections::HashSet;

/// An activity to queue.
pub struct Queued<'a> {
    pub ap_id: &'a str,
    pub kind: &'a str,
    pub actor_ap_id: &'a str,
    pub payload: &'a str,
}

/// Queues an activity. `Ok(false)` when it was already queued (received twice).
pub async fn enqueue<C: ConnectionTrait>(conn: &C, activity: Queued<'_>) -> Result<bool> {
    let now = now();
    let inserted = ActiveModel {
        ap_id: Set(activity.ap_id.to_string()),
        kind: Set(activity.kind.to_string()),
        actor_ap_id: Set(activity.actor_ap_id.to_string()),
        payload: Set(activity.payload.to_string()),
        status: Set(InboxStatus::Pending),
        attempts: Set(0),
        next_attempt_at: Set(now),
        claimed_until: Set(None),
        last_error: Set(None),
        received_at: Set(now),
        ..Default::default()
    }
    .insert(conn)
    .await;
    match inserted {
        Ok(_) => Ok(true),
        Err(e) => match DbError::unique(e, "a queued activity with this id") {
            DbError::AlreadyExists(_) => Ok(false),
            other => Err(other),
        },
    }
}

impl Queued<'_> {
    fn active(&self, now: DateTime<Utc>) -> ActiveModel {
        ActiveModel {
            ap_id: Set(self.ap_id.to_string()),
            kind: Set(self.kind.to_string()),
            actor_ap_id: Set(self.actor_ap_id.to_string()),
            payload: Set(self.payload.to_string()),
            status: Set(InboxStatus::Pending),
            attempts: Set(0),
            next_attempt_at: Set(now),
            claimed_until: Set(None),
            last_error: Set(None),
            received_at: Set(now),
            ..Default::default()
        }
    }
}

/// Queues several activities at once (the inbox's group commit): one read of the activities
/// already applied, then one `INSERT … ON CONFLICT (ap_id) DO NOTHING RETURNING` per 100, each
/// atomic and durable when it returns. For each activity, in order, whether it was queued:
/// `false` when it was applied or queued before, or appears earlier in `batch`.
pub async fn enqueue_batch<C: ConnectionTrait>(
    conn: &C,
    batch: &[Queued<'_>],
) -> Result<Vec<bool>> {
    let ids: Vec<&str> = batch.iter().map(|q| q.ap_id).collect();
    let applied = crate::activities::existing(conn, &ids).await?;
    let mut seen = HashSet::new();
    let fresh: Vec<&Queued<'_>> = batch
        .iter()
        .filter(|q| !applied.contains(q.ap_id) && seen.insert(q.ap_id))
        .collect();
    let now = now();
    let mut inserted: HashSet<String> = HashSet::new();
    for chunk in fresh.chunks(128) {
        let rows = Entity::insert_many(
            crate::deliveries::padded(chunk.to_vec())
                .iter()
                .map(|q| q.active(now)),
        )
        .on_conflict_do_nothing_on([Column::ApId])
        .exec_with_returning_many(conn)
        .await?;
        if let TryInsertResult::Inserted(rows) = rows {
            inserted.extend(rows.into_iter().map(|r| r.ap_id));
        }
    }
    Ok(batch.iter().map(|q| inserted.remove(q.ap_id)).collect())
}

/// Claims up to `limit` due activities for `lease`, oldest first.
pub async fn claim_due<C: ConnectionTrait>(
    conn: &C,
    limit: u64,
    lease: Duration,
) -> Result<Vec<Model>> {
    let now = now();
    let mut due = Query::select();
    due.column(Column::Id)
        .from(Entity)
        .cond_where(
            Condition::all()
                .add(Column::Status.eq(InboxStatus::Pending))
                .add(Column::NextAttemptAt.lte(now))
                .add(
                    Condition::any()
                        .add(Column::ClaimedUntil.is_null())
                        .add(Column::ClaimedUntil.lt(now)),
                ),
        )
        .order_by(Column::Id, sea_orm::Order::Asc)
        .limit(limit);
    if backend_of(conn) == Backend::Postgres {
        due.lock_with_behavior(LockType::Update, LockBehavior::SkipLocked);
    }
    let mut claimed: Vec<Model> = Entity::update_many()
        .col_expr(Column::ClaimedUntil, Expr::value(Some(now + lease)))
        .filter(Column::Id.in_subquery(due))
        .exec_with_returning(conn)
        .await?;
    // Apply in arrival order (a Create before the Update that follows it).
    claimed.sort_by_key(|m| m.id);
    Ok(claimed)
}

async fn set_status<C: ConnectionTrait>(
    conn: &C,
    row: &Model,
    status: InboxStatus,
    next: Option<DateTime<Utc>>,
    error: Option<String>,
) -> Result<()> {
    let mut active: ActiveModel = row.clone().into();
    active.status = Set(status);
    active.attempts = Set(row.attempts + 1);
    active.claimed_until = Set(None);
    active.last_error = Set(error);
    if let Some(next) = next {
        active.next_attempt_at = Set(next);
    }
    active.update(conn).await?;
    Ok(())
}

/// Applied.
pub async fn mark_done<C: ConnectionTrait>(conn: &C, row: &Model) -> Result<()> {
    set_status(conn, row, InboxStatus::Done, None, None).await
}

/// Applied, several at once: records their activities (ids already recorded are skipped) and
/// marks their queue rows done, in one transaction. On PostgreSQL its commit does not wait
/// for the WAL flush (`synchronous_commit = off`, this transaction only): if PostgreSQL
/// itself crashes and forgets it, the activities are applied again, which applying tolerates.
pub async fn finish_batch<C: ConnectionTrait + TransactionTrait>(
    conn: &C,
    done: Vec<(i64, ActivityData)>,
) -> Result<()> {
    if done.is_empty() {
        return Ok(());
    }
    let ids: Vec<i64> = done.iter().map(|(id, _)| *id).collect();
    let txn = conn.begin().await?;
    if backend_of(&txn) == Backend::Postgres {
        txn.execute_unprepared("SET LOCAL synchronous_commit TO OFF")
            .await?;
    }
    for ids in ids.chunks(512) {
        Entity::update_many()
            .col_expr(Column::Status, Expr::value(InboxStatus::Done))
            .col_expr(Column::Attempts, Expr::col(Column::Attempts).add(1))
            .col_expr(
                Column::ClaimedUntil,
                Expr::value(Option::<DateTime<Utc>>::None),
            )
            .col_expr(Column::LastError, Expr::value(Option::<String>::None))
            .filter(Column::Id.is_in(crate::deliveries::padded(ids.to_vec())))
            .exec(&txn)
            .await?;
    }
    crate::activities::insert_new(&txn, done.into_iter().map(|(_, a)| a).collect()).await?;
    txn.commit().await?;
    Ok(())
}

/// Failed; try again at `next`.
pub async fn mark_retry<C: ConnectionTrait>(
    conn: &C,
    row: &Model,
    next: DateTime<Utc>,
    error: String,
) -> Result<()> {
    set_status(conn, row, InboxStatus::Pending, Some(next), Some(error)).await
}

/// Given up.
pub async fn mark_failed<C: ConnectionTrait>(conn: &C, row: &Model, error: String) -> Result<()> {
    set_status(conn, row, InboxStatus::Failed, None, Some(error)).await
}

/// How many activities are in `status`.
pub async fn count_with_status<C: ConnectionTrait>(conn: &C, status: InboxStatus) -> Result<u64> {
    Ok(Entity::find()
        .filter(Column::Status.eq(status))
        .count(conn)
        .await?)
}

/// Forgets applied activities received before `before` (the activities table keeps what
/// matters; this table is a queue, not an archive).
pub async fn purge_done<C: ConnectionTrait>(conn: &C, before: DateTime<Utc>) -> Result<u64> {
    let res = Entity::delete_many()
        .filter(Column::Status.eq(InboxStatus::Done))
        .filter(Column::ReceivedAt.lt(before))
        .exec(conn)
        .await?;
    Ok(res.rows_affected)
}
