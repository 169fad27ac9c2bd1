//! The durable delivery queue. Jobs are written in the transaction that caused them, claimed
//! with a lease (and `FOR UPDATE SKIP LOCKED` on PostgreSQL, so several processes share the
//! work), and retried with exponential backoff until the retry window closes.

use crate::connect::{Backend, backend_of};
use crate::entities::activities;
use crate::entities::dead_inboxes;
use crate::entities::deliveries::{ActiveModel, Column, DeliveryStatus, Entity, Model};
use crate::{Result, now};
use chrono::{DateTime, Duration, Utc};
use sea_orm::sea_query::ExprTrait;
use sea_orm::sea_query::{Expr, LockBehavior, LockType, Query};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect, TransactionSession, TransactionTrait,
};
use std::collections::{BTreeMap, HashSet};

/// `items` padded to the next power of two by repeating the last one, so that the queries
/// built from them (`IN (…)` lists, multi-row inserts that ignore conflicts) come in a few
/// shapes. Each shape is a prepared statement that every pooled connection keeps in its
/// statement cache: lists of every length from 1 to 500 made a backlog of deliveries add
/// tens of MiB of cached statements (docs/benchmarks.md). Repeats change nothing in an
/// `IN` list, and a repeated row is skipped as a conflict.
pub(crate) fn padded<T: Clone>(mut items: Vec<T>) -> Vec<T> {
    if let Some(last) = items.last().cloned() {
        let size = items.len().next_power_of_two();
        items.resize(size, last);
    }
    items
}

/// `host[:port]` of an inbox URL, as its `Host` header writes it: the key of the worker's
/// per-host limits and of the queue depth per host. Inbox URLs are stored normalised by the
/// `url` crate (lowercase host, no default port), so this is a plain cut.
pub fn host_of(inbox: &str) -> String {
    let rest = inbox.split_once("://").map_or(inbox, |(_, rest)| rest);
    let end = rest.find('/').unwrap_or(rest.len());
    rest[..end].to_string()
}

/// Queues `activity_id` for each inbox (duplicates ignored). Inboxes marked dead get a job
/// already marked dead, so the record says why nothing was sent.
pub async fn enqueue<C: ConnectionTrait>(
    conn: &C,
    activity_id: i64,
    inboxes: &[String],
) -> Result<usize> {
    let unique: Vec<&String> = {
        let mut seen = HashSet::new();
        interleave_hosts(inboxes.iter().filter(|i| seen.insert(*i)).collect())
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
            host: Set(host_of(inbox)),
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

/// Orders inboxes round-robin by host (one of each host, then the second of each…), keeping
/// each host's own order: jobs are claimed in this order, so that a claim spreads over the
/// hosts instead of holding one host's jobs (100 inboxes of one server queued together
/// would fill a claim that only that server's 4 request slots can work through).
fn interleave_hosts(inboxes: Vec<&String>) -> Vec<&String> {
    let mut by_host: Vec<(String, std::collections::VecDeque<&String>)> = Vec::new();
    let mut index: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for inbox in inboxes {
        let host = host_of(inbox);
        let i = *index.entry(host.clone()).or_insert_with(|| {
            by_host.push((host, Default::default()));
            by_host.len() - 1
        });
        by_host[i].1.push_back(inbox);
    }
    let mut out = Vec::new();
    while by_host.iter().any(|(_, q)| !q.is_empty()) {
        for (_, queue) in &mut by_host {
            if let Some(inbox) = queue.pop_front() {
                out.push(inbox);
            }
        }
    }
    out
}

/// A claimed job with what is needed to send it.
#[derive(Debug, Clone)]
pub struct Claimed {
    pub delivery: Model,
    pub activity: activities::Model,
}

/// Claims up to `limit` due jobs for `lease`, with their activities. A job whose lease expired
/// (its worker died) is due again. On PostgreSQL concurrent claimers skip each other's rows.
pub async fn claim_due<C: ConnectionTrait + TransactionTrait>(
    conn: &C,
    limit: u64,
    lease: Duration,
) -> Result<Vec<Claimed>> {
    let claimed = claim_jobs(conn, limit, lease, HostFilter::Skip(&[])).await?;
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

/// Which hosts' jobs a claim takes.
#[derive(Debug, Clone, Copy)]
pub enum HostFilter<'a> {
    /// Every host but these (the worker's hosts that already have jobs in memory, or whose
    /// circuit is open): finds the jobs of hosts it does not deliver to yet. It reads past
    /// the skipped hosts' jobs, so the worker does not repeat it without cause.
    Skip(&'a [String]),
    /// This host only: refills a host's line (the `deliveries_host_due` index).
    Only(&'a str),
}

/// Claims up to `limit` due jobs for `lease`, oldest due first, of the hosts `hosts` selects.
/// Returns the jobs only: the worker keeps the activities it sends in memory
/// ([`activities_by_id`] for the ones it lacks).
pub async fn claim_jobs<C: ConnectionTrait + TransactionTrait>(
    conn: &C,
    limit: u64,
    lease: Duration,
    hosts: HostFilter<'_>,
) -> Result<Vec<Model>> {
    let now = now();
    let mut due = Query::select();
    let mut condition = Condition::all()
        .add(Column::Status.eq(DeliveryStatus::Pending))
        .add(Column::NextAttemptAt.lte(now))
        .add(
            Condition::any()
                .add(Column::ClaimedUntil.is_null())
                .add(Column::ClaimedUntil.lt(now)),
        );
    match hosts {
        HostFilter::Skip([]) => {}
        HostFilter::Skip(skip) => {
            condition = condition.add(Column::Host.is_not_in(padded(skip.to_vec())));
        }
        HostFilter::Only(host) => condition = condition.add(Column::Host.eq(host)),
    }
    due.column(Column::Id)
        .from(Entity)
        .cond_where(condition)
        .order_by(Column::NextAttemptAt, sea_orm::Order::Asc)
        .order_by(Column::Id, sea_orm::Order::Asc)
        .limit(limit);
    if backend_of(conn) == Backend::Postgres {
        due.lock_with_behavior(LockType::Update, LockBehavior::SkipLocked);
    }
    // Only the ids come back, read by position: on SQLite, the name of a column added by
    // `ALTER TABLE` (here `host`) sometimes comes back quoted (`"host"`) in a `RETURNING`
    // clause, which reading the whole row by name then misses. The rows are read after.
    let mut claim = Query::update();
    claim
        .table(Entity)
        .value(Column::ClaimedUntil, Some(now + lease))
        .and_where(Column::Id.in_subquery(due))
        .returning_col(Column::Id);
    let rows = if backend_of(conn) == Backend::Postgres {
        // Like outcomes (see [`record`]), a claim does not wait for its WAL flush: a crash of
        // PostgreSQL itself may forget it, and the job is then claimed (and sent) again.
        let txn = conn.begin().await?;
        txn.execute_unprepared("SET LOCAL synchronous_commit TO OFF")
            .await?;
        let rows = txn.query_all(&claim).await?;
        txn.commit().await?;
        rows
    } else {
        conn.query_all(&claim).await?
    };
    let ids: Vec<i64> = rows
        .iter()
        .map(|row| row.try_get_by_index::<i64>(0))
        .collect::<std::result::Result<_, _>>()?;
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let mut claimed = Vec::with_capacity(ids.len());
    for ids in ids.chunks(512) {
        claimed.extend(
            Entity::find()
                .filter(Column::Id.is_in(padded(ids.to_vec())))
                .all(conn)
                .await?,
        );
    }
    claimed.sort_by_key(|d| (d.next_attempt_at, d.id));
    Ok(claimed)
}

/// The hosts that have due jobs, in host order, at most `limit`: a loose index scan of
/// `deliveries_host_due` (one seek per host, in one statement), where a claim skipping the
/// known hosts would read all of their jobs.
pub async fn hosts_with_due_jobs<C: ConnectionTrait>(conn: &C, limit: u64) -> Result<Vec<String>> {
    let sql = |p: &str| {
        format!(
            "WITH RECURSIVE due(host) AS ( \
               SELECT MIN(host) FROM deliveries \
                 WHERE status = 'pending' AND next_attempt_at <= {p} \
               UNION ALL \
               SELECT (SELECT MIN(host) FROM deliveries \
                 WHERE status = 'pending' AND next_attempt_at <= {p} AND host > due.host) \
               FROM due WHERE due.host IS NOT NULL \
             ) SELECT host FROM due WHERE host IS NOT NULL LIMIT {limit}"
        )
    };
    let backend = conn.get_database_backend();
    let sql = match backend_of(conn) {
        Backend::Postgres => sql("$1"),
        Backend::Sqlite => sql("?1"),
    };
    let statement = sea_orm::Statement::from_sql_and_values(backend, sql, [now().into()]);
    conn.query_all_raw(statement)
        .await?
        .iter()
        .map(|row| Ok(row.try_get_by_index::<String>(0)?))
        .collect()
}

/// The activities of these ids.
pub async fn activities_by_id<C: ConnectionTrait>(
    conn: &C,
    ids: &[i64],
) -> Result<Vec<activities::Model>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(activities::Entity::find()
        .filter(activities::Column::Id.is_in(padded(ids.to_vec())))
        .all(conn)
        .await?)
}

/// How a claimed job ended, for [`record`].
#[derive(Debug, Clone)]
pub enum Finished {
    /// Accepted by the receiving server.
    Delivered { id: i64 },
    /// Refused for good.
    Rejected { id: i64, error: String },
    /// Failed; try again at `next`.
    Retry {
        id: i64,
        next: DateTime<Utc>,
        error: String,
    },
    /// The retry window closed: the job and its inbox are dead.
    Dead {
        id: i64,
        inbox: String,
        domain: String,
        error: String,
    },
    /// Given back without an attempt (its host paused, or it waited too long in memory): due
    /// again at `next`, its attempt count unchanged.
    Released { id: i64, next: DateTime<Utc> },
}

/// Records the outcomes of finished jobs in one transaction: one `UPDATE` for all the
/// delivered ones (the common case), one per distinct release time, one per other outcome.
///
/// On PostgreSQL the commit does not wait for its WAL flush (`synchronous_commit = off`, for
/// this transaction only): the outcome is safe from a crash of Galaxie at once, and a crash of
/// PostgreSQL itself may forget the last fraction of a second of outcomes, whose jobs are then
/// sent again when their leases expire (receivers keep each activity once). Waiting for the
/// flush made each batch of outcomes cost a disk flush, and the senders wait for it.
pub async fn record<C: ConnectionTrait + TransactionTrait>(
    conn: &C,
    finished: &[Finished],
) -> Result<()> {
    if finished.is_empty() {
        return Ok(());
    }
    let now = now();
    let txn = conn.begin().await?;
    if backend_of(&txn) == Backend::Postgres {
        txn.execute_unprepared("SET LOCAL synchronous_commit TO OFF")
            .await?;
    }
    let delivered: Vec<i64> = finished
        .iter()
        .filter_map(|f| match f {
            Finished::Delivered { id } => Some(*id),
            _ => None,
        })
        .collect();
    for ids in delivered.chunks(512) {
        Entity::update_many()
            .col_expr(Column::Status, Expr::value(DeliveryStatus::Delivered))
            .col_expr(Column::Attempts, Expr::col(Column::Attempts).add(1))
            .col_expr(
                Column::ClaimedUntil,
                Expr::value(Option::<DateTime<Utc>>::None),
            )
            .col_expr(Column::LastError, Expr::value(Option::<String>::None))
            .col_expr(Column::UpdatedAt, Expr::value(now))
            .filter(Column::Id.is_in(padded(ids.to_vec())))
            .exec(&txn)
            .await?;
    }
    let mut released: BTreeMap<DateTime<Utc>, Vec<i64>> = BTreeMap::new();
    for f in finished {
        match f {
            Finished::Delivered { .. } => {}
            Finished::Released { id, next } => released.entry(*next).or_default().push(*id),
            Finished::Rejected { id, error } => {
                bump(&txn, *id, DeliveryStatus::Rejected, None, error.clone()).await?;
            }
            Finished::Retry { id, next, error } => {
                bump(
                    &txn,
                    *id,
                    DeliveryStatus::Pending,
                    Some(*next),
                    error.clone(),
                )
                .await?;
            }
            Finished::Dead {
                id,
                inbox,
                domain,
                error,
            } => {
                bump(&txn, *id, DeliveryStatus::Dead, None, error.clone()).await?;
                mark_inbox_dead(&txn, inbox, domain).await?;
            }
        }
    }
    for (next, ids) in released {
        for ids in ids.chunks(512) {
            Entity::update_many()
                .col_expr(
                    Column::ClaimedUntil,
                    Expr::value(Option::<DateTime<Utc>>::None),
                )
                .col_expr(Column::NextAttemptAt, Expr::value(next))
                .col_expr(Column::UpdatedAt, Expr::value(now))
                .filter(Column::Id.is_in(padded(ids.to_vec())))
                .exec(&txn)
                .await?;
        }
    }
    txn.commit().await?;
    Ok(())
}

/// One attempt more, with this status, error and next attempt.
async fn bump<C: ConnectionTrait>(
    conn: &C,
    id: i64,
    status: DeliveryStatus,
    next_attempt_at: Option<DateTime<Utc>>,
    error: String,
) -> Result<()> {
    let mut update = Entity::update_many()
        .col_expr(Column::Status, Expr::value(status))
        .col_expr(Column::Attempts, Expr::col(Column::Attempts).add(1))
        .col_expr(
            Column::ClaimedUntil,
            Expr::value(Option::<DateTime<Utc>>::None),
        )
        .col_expr(Column::LastError, Expr::value(Some(error)))
        .col_expr(Column::UpdatedAt, Expr::value(now()));
    if let Some(next) = next_attempt_at {
        update = update.col_expr(Column::NextAttemptAt, Expr::value(next));
    }
    update.filter(Column::Id.eq(id)).exec(conn).await?;
    Ok(())
}

async fn mark_inbox_dead<C: ConnectionTrait>(conn: &C, inbox: &str, domain: &str) -> Result<()> {
    dead_inboxes::Entity::insert(dead_inboxes::ActiveModel {
        inbox: Set(inbox.to_string()),
        domain: Set(domain.to_string()),
        dead_since: Set(now()),
    })
    .on_conflict_do_nothing_on([dead_inboxes::Column::Inbox])
    .exec(conn)
    .await?;
    Ok(())
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
    mark_inbox_dead(conn, &job.inbox, domain).await
}

/// A server was heard from: its inboxes are alive again.
pub async fn revive_domain<C: ConnectionTrait>(conn: &C, domain: &str) -> Result<u64> {
    let res = dead_inboxes::Entity::delete_many()
        .filter(dead_inboxes::Column::Domain.eq(domain))
        .exec(conn)
        .await?;
    Ok(res.rows_affected)
}

/// Whether any inbox of `domain` is marked dead (a read: the inbox asks this before
/// [`revive_domain`]'s write, and caches the answer).
pub async fn domain_has_dead_inboxes<C: ConnectionTrait>(conn: &C, domain: &str) -> Result<bool> {
    Ok(dead_inboxes::Entity::find()
        .filter(dead_inboxes::Column::Domain.eq(domain))
        .one(conn)
        .await?
        .is_some())
}

/// Pending jobs per destination host, the `top` largest first, and the number of pending jobs
/// of every other host together.
pub async fn pending_by_host<C: ConnectionTrait>(
    conn: &C,
    top: u64,
) -> Result<(Vec<(String, u64)>, u64)> {
    let counts: Vec<(String, i64)> = Entity::find()
        .select_only()
        .column(Column::Host)
        .column_as(Column::Id.count(), "jobs")
        .filter(Column::Status.eq(DeliveryStatus::Pending))
        .group_by(Column::Host)
        .into_tuple()
        .all(conn)
        .await?;
    let mut counts: Vec<(String, u64)> = counts
        .into_iter()
        .map(|(host, n)| (host, u64::try_from(n).unwrap_or(0)))
        .collect();
    counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let rest = counts
        .iter()
        .skip(usize::try_from(top).unwrap_or(usize::MAX))
        .map(|(_, n)| n)
        .sum();
    counts.truncate(usize::try_from(top).unwrap_or(usize::MAX));
    Ok((counts, rest))
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::activities::{ActivityData, insert};

    #[test]
    fn lists_are_padded_to_a_few_shapes() {
        assert_eq!(padded(Vec::<i64>::new()), Vec::<i64>::new());
        assert_eq!(padded(vec![7]), vec![7]);
        assert_eq!(padded(vec![1, 2, 3]), vec![1, 2, 3, 3]);
        assert_eq!(padded((1..=5).collect::<Vec<i64>>()).len(), 8);
        let shapes: std::collections::HashSet<usize> = (1..=512)
            .map(|n| padded((0..n).collect::<Vec<usize>>()).len())
            .collect();
        assert_eq!(shapes.len(), 10, "1, 2, 4 … 512");
    }

    #[test]
    fn hosts_are_cut_from_inbox_urls_and_interleaved() {
        assert_eq!(host_of("https://a.example/inbox"), "a.example");
        assert_eq!(host_of("http://localhost:8080/u/1/inbox"), "localhost:8080");
        assert_eq!(host_of("https://a.example"), "a.example");
        let inboxes: Vec<String> = [
            "https://a.example/1",
            "https://a.example/2",
            "https://a.example/3",
            "https://b.example/1",
            "https://c.example/1",
            "https://c.example/2",
        ]
        .map(String::from)
        .to_vec();
        let order: Vec<&str> = interleave_hosts(inboxes.iter().collect())
            .into_iter()
            .map(String::as_str)
            .collect();
        assert_eq!(
            order,
            [
                "https://a.example/1",
                "https://b.example/1",
                "https://c.example/1",
                "https://a.example/2",
                "https://c.example/2",
                "https://a.example/3",
            ]
        );
    }

    /// Claims read every column of fresh databases, the `host` column added by a migration
    /// included (SQLite sometimes names it `"host"`, quoted, in a `RETURNING` clause), and
    /// skip the hosts they are told to.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn claims_read_the_host_and_skip_hosts() {
        for round in 0..10 {
            let dir = tempfile::tempdir().expect("dir");
            let url = format!("sqlite://{}/db.sqlite", dir.path().display());
            let db = crate::Db::connect(&url).await.expect("connect");
            db.migrate().await.expect("migrate");
            let activity = insert(
                db.conn(),
                ActivityData {
                    ap_id: "https://here.example/activities/1".into(),
                    kind: "Create".into(),
                    actor_ap_id: "https://here.example/places/epn".into(),
                    object_ap_id: None,
                    place_id: None,
                    local: true,
                    public: true,
                    payload: "{}".into(),
                },
            )
            .await
            .expect("activity");
            let inboxes = [
                "https://slow.example/inbox".to_string(),
                "https://fast.example:8443/inbox".to_string(),
            ];
            enqueue(db.conn(), activity.id, &inboxes)
                .await
                .expect("enqueue");
            let lease = Duration::seconds(60);
            assert_eq!(
                hosts_with_due_jobs(db.conn(), 10).await.expect("hosts"),
                ["fast.example:8443", "slow.example"]
            );
            assert_eq!(
                hosts_with_due_jobs(db.conn(), 1).await.expect("hosts"),
                ["fast.example:8443"]
            );
            let skip = ["slow.example".to_string()];
            let claimed = claim_jobs(db.conn(), 10, lease, HostFilter::Skip(&skip))
                .await
                .unwrap_or_else(|e| panic!("round {round}: {e}"));
            assert_eq!(claimed.len(), 1);
            assert_eq!(claimed[0].host, "fast.example:8443");
            let none = claim_jobs(db.conn(), 10, lease, HostFilter::Only("fast.example:8443"))
                .await
                .expect("claim");
            assert!(none.is_empty(), "already claimed");
            let rest = claim_jobs(db.conn(), 10, lease, HostFilter::Only("slow.example"))
                .await
                .expect("claim");
            assert_eq!(rest.len(), 1);
            assert_eq!(rest[0].host, "slow.example");
            let (by_host, others) = pending_by_host(db.conn(), 1).await.expect("by host");
            assert_eq!(by_host.len(), 1);
            assert_eq!(others, 1);
            db.close().await.expect("close");
        }
    }
}
