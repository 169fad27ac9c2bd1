//! Timeline queries over many stored objects, on SQLite and PostgreSQL:
//! - `galaxie_db::objects::timeline`, 20 per page, keyset pages: walks of 25 pages from the
//!   top or from a random point in time;
//! - "territory + time": `galaxie_db::objects::timeline_filtered` with a département and a
//!   30-day window of event starts, soonest first (20 a page), as `/api/v1/timeline?
//!   departement=…&type=Event&from=…&until=…&upcoming=true` asks it; the migrations' index
//!   `objects_departement_start` (`departement`, `start_time`, `id`) serves it.
//!
//! Rows are loaded with multi-row inserts (1,000 rows a statement, 50 statements a
//! transaction), then `ANALYZE` is run as autovacuum or an operator would.

use crate::Scale;
use crate::node::Percentiles;
use crate::report::{Quantity, Row, Target};
use chrono::{DateTime, Duration as Days, TimeZone, Utc};
use galaxie_db::entities::objects::{ActiveModel, Column, Entity};
use galaxie_db::objects::Cursor;
use galaxie_tests::{Backend, TestDb};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use sea_orm::ActiveValue::Set;
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DbBackend, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, QueryTrait, Select, Statement, TransactionTrait,
};
use std::time::{Duration, Instant};

const ROWS_PER_STATEMENT: usize = 1_000;
const STATEMENTS_PER_TRANSACTION: usize = 50;
/// The loaded rows' `received_at` span this many days, ending at `epoch()`.
const SPAN_DAYS: i64 = 365;

fn epoch() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 1, 0, 0, 0)
        .single()
        .unwrap_or_else(Utc::now)
}

fn row(i: usize, total: usize, rng: &mut StdRng) -> ActiveModel {
    let span = Days::days(SPAN_DAYS);
    let received =
        epoch() - span + Days::milliseconds(span.num_milliseconds() * i as i64 / total as i64);
    let host = i % 200;
    let event = i.is_multiple_of(2);
    let start = event
        .then(|| epoch() - Days::days(180) + Days::minutes(rng.gen_range(0..(2 * 365 * 24 * 60))));
    let dept = rng.gen_range(1..=95);
    ActiveModel {
        ap_id: Set(format!("https://peer{host}.example/objects/{i}")),
        kind: Set(if event { "Event" } else { "Note" }.into()),
        attributed_to: Set(format!("https://peer{host}.example/users/u{}", i % 5000)),
        name: Set(event.then(|| format!("Atelier n°{i}"))),
        content: Set(Some(format!(
            "<p>Réparation, couture et numérique au tiers-lieu, rendez-vous {i}.</p>"
        ))),
        start_time: Set(start),
        postal_code: Set(Some(format!("{dept:02}{:03}", rng.gen_range(0..1000)))),
        departement: Set(Some(format!("{dept:02}"))),
        public: Set(!i.is_multiple_of(20)),
        published: Set(received),
        received_at: Set(received),
        deleted_at: Set(i.is_multiple_of(100).then_some(received)),
        ..Default::default()
    }
}

/// Loads `total` objects; returns the time taken.
async fn load(conn: &sea_orm::DatabaseConnection, total: usize) -> anyhow::Result<Duration> {
    let mut rng = StdRng::seed_from_u64(7);
    let start = Instant::now();
    let mut i = 0;
    while i < total {
        let txn = conn.begin().await?;
        for _ in 0..STATEMENTS_PER_TRANSACTION {
            if i >= total {
                break;
            }
            let end = (i + ROWS_PER_STATEMENT).min(total);
            let rows: Vec<ActiveModel> = (i..end).map(|j| row(j, total, &mut rng)).collect();
            Entity::insert_many(rows)
                .exec_without_returning(&txn)
                .await?;
            i = end;
        }
        txn.commit().await?;
    }
    conn.execute_unprepared("ANALYZE").await?;
    Ok(start.elapsed())
}

/// The timeline page as `galaxie_db::objects::timeline` reads it, or (`sargable`) with the
/// cursor written `received_at <= ? AND (received_at < ? OR id < ?)`: the alternative to the
/// db crate's row-value comparison (its former `a < x OR (a = x AND id < y)` alone was only a
/// filter for SQLite and PostgreSQL, and deep pages scanned).
async fn page<C: ConnectionTrait>(
    conn: &C,
    cursor: Option<Cursor>,
    sargable: bool,
) -> anyhow::Result<Vec<galaxie_db::entities::objects::Model>> {
    if !sargable {
        return Ok(galaxie_db::objects::timeline(conn, 20, cursor).await?);
    }
    let mut query = Entity::find()
        .filter(Column::DeletedAt.is_null())
        .filter(Column::Public.eq(true))
        .filter(Column::Rrule.is_null());
    if let Some(c) = cursor {
        query = query.filter(Column::ReceivedAt.lte(c.received_at)).filter(
            Condition::any()
                .add(Column::ReceivedAt.lt(c.received_at))
                .add(Column::Id.lt(c.id)),
        );
    }
    Ok(query
        .order_by_desc(Column::ReceivedAt)
        .order_by_desc(Column::Id)
        .limit(20)
        .all(conn)
        .await?)
}

/// `queries` timeline pages: walks of 25 pages, from the top or from a random instant.
async fn timeline_latencies<C: ConnectionTrait>(
    conn: &C,
    queries: usize,
    sargable: bool,
) -> anyhow::Result<Vec<Duration>> {
    let mut rng = StdRng::seed_from_u64(11);
    let mut samples = Vec::with_capacity(queries);
    let mut cursor: Option<Cursor> = None;
    for q in 0..queries {
        if q.is_multiple_of(25) {
            cursor = if q.is_multiple_of(50) {
                None
            } else {
                let back = Days::minutes(rng.gen_range(0..SPAN_DAYS * 24 * 60));
                Some(Cursor {
                    received_at: epoch() - back,
                    id: i64::MAX,
                })
            };
        }
        let start = Instant::now();
        let rows = page(conn, cursor, sargable).await?;
        samples.push(start.elapsed());
        cursor = rows.last().map(|o| Cursor {
            received_at: o.received_at,
            id: o.id,
        });
    }
    Ok(samples)
}

/// The filter of a "territory + time" query: events of a département starting within
/// `[from, to]`, soonest first.
fn territory_filter(
    dept: &str,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> galaxie_db::objects::TimelineFilter {
    galaxie_db::objects::TimelineFilter {
        kinds: vec!["Event".into()],
        departement: Some(dept.into()),
        starts_until: Some(to),
        upcoming_from: Some(from),
        ..Default::default()
    }
}

/// The statement `timeline_filtered` builds for [`territory_filter`]'s first page (the same
/// conditions and order), for its plan only.
fn territory_query(dept: &str, from: DateTime<Utc>, to: DateTime<Utc>) -> Select<Entity> {
    Entity::find()
        .filter(Column::DeletedAt.is_null())
        .filter(Column::Public.eq(true))
        .filter(Column::Rrule.is_null())
        .filter(Column::Kind.is_in(["Event"]))
        .filter(Column::Departement.eq(dept))
        .filter(Column::StartTime.lte(to))
        .filter(Column::StartTime.gte(from))
        .order_by_asc(Column::StartTime)
        .order_by_asc(Column::Id)
        .limit(20)
}

/// The same query as `galaxie_db::objects::timeline` with a cursor (a row-value comparison
/// since b53bae8), for its plan only.
fn timeline_query(before: DateTime<Utc>) -> Select<Entity> {
    use sea_orm::sea_query::{Expr, ExprTrait};
    Entity::find()
        .filter(Column::DeletedAt.is_null())
        .filter(Column::Public.eq(true))
        .filter(Column::Rrule.is_null())
        .filter(
            Expr::tuple([Expr::col(Column::ReceivedAt), Expr::col(Column::Id)])
                .lt(Expr::tuple([Expr::value(before), Expr::value(i64::MAX)])),
        )
        .order_by_desc(Column::ReceivedAt)
        .order_by_desc(Column::Id)
        .limit(20)
}

/// The query plan of `query`, on one line.
async fn plan<C: ConnectionTrait>(conn: &C, query: Select<Entity>) -> anyhow::Result<String> {
    let backend = conn.get_database_backend();
    let stmt = query.build(backend);
    let (prefix, column) = match backend {
        DbBackend::Postgres => ("EXPLAIN", "QUERY PLAN"),
        _ => ("EXPLAIN QUERY PLAN", "detail"),
    };
    let explain = Statement {
        sql: format!("{prefix} {}", stmt.sql),
        values: stmt.values,
        db_backend: backend,
    };
    let lines: Vec<String> = conn
        .query_all_raw(explain)
        .await?
        .iter()
        .filter_map(|r| r.try_get::<String>("", column).ok())
        .map(|l| l.trim().to_string())
        .collect();
    Ok(lines.join(" / "))
}

/// `queries` territory + time queries; returns the latencies and the mean number of rows.
async fn territory_latencies<C: ConnectionTrait>(
    conn: &C,
    queries: usize,
    budget: Duration,
) -> anyhow::Result<(Vec<Duration>, f64)> {
    let mut rng = StdRng::seed_from_u64(13);
    let mut samples = Vec::with_capacity(queries);
    let mut found = 0usize;
    let stop_at = Instant::now() + budget;
    for _ in 0..queries {
        if Instant::now() > stop_at && samples.len() >= 5 {
            break;
        }
        let dept = format!("{:02}", rng.gen_range(1..=95));
        let from = epoch() - Days::days(180) + Days::days(rng.gen_range(0..700));
        let to = from + Days::days(30);
        let filter = territory_filter(&dept, from, to);
        let start = Instant::now();
        let page = galaxie_db::objects::timeline_filtered(conn, &filter, 20, None).await?;
        samples.push(start.elapsed());
        found += page.items.len();
    }
    let mean = found as f64 / samples.len().max(1) as f64;
    Ok((samples, mean))
}

/// The timeline rows for `backend`.
pub async fn run(scale: Scale, backend: Backend) -> anyhow::Result<Vec<Row>> {
    let label = match backend {
        Backend::Sqlite => "sqlite",
        Backend::Postgres => "postgres",
    };
    let total = if scale.quick { 100_000 } else { 1_000_000 };
    let queries = if scale.quick { 500 } else { 2_000 };
    let territory_queries = if scale.quick { 30 } else { 60 };
    let budget = Duration::from_secs(if scale.quick { 20 } else { 40 });
    let db = TestDb::new(backend).await;
    let result = async {
        let galaxie = galaxie_db::Db::connect(&db.url).await?;
        galaxie.migrate().await?;
        let conn = galaxie.conn();
        let loaded = load(conn, total).await?;
        // Warm the cache as a running server's would be.
        let _ = timeline_latencies(conn, 50, false).await?;
        let mut timeline = timeline_latencies(conn, queries, false).await?;
        let mut sargable = timeline_latencies(conn, queries, true).await?;
        let (mut territory, found) = territory_latencies(conn, territory_queries, budget).await?;
        let middle = epoch() - Days::days(SPAN_DAYS / 2);
        let plans = [
            plan(conn, timeline_query(middle)).await?,
            plan(conn, territory_query("75", middle, middle + Days::days(30))).await?,
        ];
        galaxie.close().await?;
        anyhow::Ok((
            loaded,
            Percentiles::of(&mut timeline),
            Percentiles::of(&mut sargable),
            Percentiles::of(&mut territory),
            territory.len(),
            found,
            plans,
        ))
    }
    .await;
    db.cleanup().await;
    let (loaded, tl, ts, tt, tt_n, found, [tl_plan, tt_plan]) = result?;

    let g = "timeline";
    let ms = |x: f64| Quantity::new(x, "ms");
    let five = ms(5.0);
    let thousands = total / 1000;
    Ok(vec![
        Row::info(
            g,
            &format!("objects_load_{label}"),
            Quantity::new(loaded.as_secs_f64(), "s"),
            &format!(
                "{thousands}k objects, multi-row inserts ({ROWS_PER_STATEMENT} rows/statement, \
                 {STATEMENTS_PER_TRANSACTION} statements/transaction) + ANALYZE: {:.0} rows/s",
                total as f64 / loaded.as_secs_f64()
            ),
        ),
        Row::info(
            g,
            &format!("timeline_p50_{label}"),
            ms(tl.p50),
            &format!("objects::timeline, 20 a page, {queries} keyset pages over {thousands}k"),
        ),
        Row::ratio(
            g,
            &format!("timeline_p99_{label}"),
            ms(tl.p99),
            five.clone(),
            Target::Below(1.0),
            &format!("max {:.2} ms; plan: {tl_plan}", tl.max),
        ),
        Row::ratio(
            g,
            &format!("timeline_sargable_p99_{label}"),
            ms(ts.p99),
            five,
            Target::Below(1.0),
            &format!(
                "diagnostic: the same pages with the cursor written `received_at <= ? AND \
                 (received_at < ? OR id < ?)` instead of the db crate's row value; p50 {:.2} \
                 ms, max {:.2} ms",
                ts.p50, ts.max
            ),
        ),
        Row::info(
            g,
            &format!("territory_time_p50_{label}"),
            ms(tt.p50),
            &format!(
                "objects::timeline_filtered: events of a département starting in a 30-day \
                 window, soonest first, 20 a page; {tt_n} queries, {found:.1} rows each on \
                 average"
            ),
        ),
        Row::ratio(
            g,
            &format!("territory_time_p99_{label}"),
            ms(tt.p99),
            ms(20.0),
            Target::Below(1.0),
            &format!("max {:.2} ms; plan: {tt_plan}", tt.max),
        ),
    ])
}
