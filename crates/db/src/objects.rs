//! Objects (notes, events, articles, pages), local and received, and the timeline.

use crate::entities::objects::{ActiveModel, Column, Entity, Model};
use crate::{DbError, PlaceId, Result, now};
use chrono::{DateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, EntityTrait,
    PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
};

/// The fields of an object, as written by a local publication or a received activity.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ObjectData {
    pub ap_id: String,
    pub kind: String,
    pub place_id: Option<PlaceId>,
    pub attributed_to: String,
    pub name: Option<String>,
    pub summary: Option<String>,
    pub content: Option<String>,
    pub url: Option<String>,
    pub start_time: Option<DateTime<Utc>>,
    pub end_time: Option<DateTime<Utc>>,
    pub timezone: Option<String>,
    pub location_name: Option<String>,
    pub street_address: Option<String>,
    pub postal_code: Option<String>,
    pub locality: Option<String>,
    pub country: Option<String>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub online_url: Option<String>,
    pub price: Option<String>,
    pub capacity: Option<i32>,
    pub registration_url: Option<String>,
    pub in_reply_to: Option<String>,
    pub public: bool,
    pub extra: Option<String>,
    pub published: Option<DateTime<Utc>>,
    pub updated: Option<DateTime<Utc>>,
    pub summary_falc: Option<String>,
    pub content_falc: Option<String>,
    pub event_status: Option<String>,
    pub category: Option<String>,
    pub license: Option<String>,
    pub hashtags: Option<String>,
    pub concepts: Option<String>,
    pub booking_url: Option<String>,
    pub opening_hours: Option<String>,
    pub rrule: Option<String>,
    pub exceptions: Option<String>,
    pub series_id: Option<i64>,
    pub occurrence_start: Option<DateTime<Utc>>,
}

fn apply(active: &mut ActiveModel, d: ObjectData) {
    active.kind = Set(d.kind);
    active.attributed_to = Set(d.attributed_to);
    active.name = Set(d.name);
    active.summary = Set(d.summary);
    active.content = Set(d.content);
    active.url = Set(d.url);
    active.start_time = Set(d.start_time);
    active.end_time = Set(d.end_time);
    active.timezone = Set(d.timezone);
    active.location_name = Set(d.location_name);
    active.street_address = Set(d.street_address);
    active.postal_code = Set(d.postal_code);
    active.locality = Set(d.locality);
    active.country = Set(d.country);
    active.latitude = Set(d.latitude);
    active.longitude = Set(d.longitude);
    active.online_url = Set(d.online_url);
    active.price = Set(d.price);
    active.capacity = Set(d.capacity);
    active.registration_url = Set(d.registration_url);
    active.in_reply_to = Set(d.in_reply_to);
    active.public = Set(d.public);
    active.extra = Set(d.extra);
    active.updated = Set(d.updated);
    active.summary_falc = Set(d.summary_falc);
    active.content_falc = Set(d.content_falc);
    active.event_status = Set(d.event_status);
    active.category = Set(d.category);
    active.license = Set(d.license);
    active.hashtags = Set(d.hashtags);
    active.concepts = Set(d.concepts);
    active.booking_url = Set(d.booking_url);
    active.opening_hours = Set(d.opening_hours);
    active.rrule = Set(d.rrule);
    active.exceptions = Set(d.exceptions);
}

/// Inserts a new object.
pub async fn insert<C: ConnectionTrait>(conn: &C, data: ObjectData) -> Result<Model> {
    let now = now();
    let mut active = ActiveModel {
        ap_id: Set(data.ap_id.clone()),
        place_id: Set(data.place_id),
        published: Set(data.published.unwrap_or(now)),
        received_at: Set(now),
        deleted_at: Set(None),
        series_id: Set(data.series_id),
        occurrence_start: Set(data.occurrence_start),
        ..Default::default()
    };
    apply(&mut active, data);
    active
        .insert(conn)
        .await
        .map_err(|e| DbError::unique(e, "an object with this id"))
}

/// What an upsert did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Upserted {
    /// A new object was stored.
    Created,
    /// A known object was changed.
    Updated,
    /// The object had been deleted; nothing was changed.
    WasDeleted,
}

/// Stores a received object, or refreshes it when already known. A deleted object stays
/// deleted: a late `Update` cannot bring it back.
pub async fn upsert<C: ConnectionTrait>(conn: &C, data: ObjectData) -> Result<(Model, Upserted)> {
    match by_ap_id(conn, &data.ap_id).await? {
        None => Ok((insert(conn, data).await?, Upserted::Created)),
        Some(row) if row.deleted_at.is_some() => Ok((row, Upserted::WasDeleted)),
        Some(row) => Ok((update(conn, row, data).await?, Upserted::Updated)),
    }
}

/// Replaces a known object's fields (its id, author place, publication and reception times
/// are kept).
pub async fn update<C: ConnectionTrait>(conn: &C, row: Model, data: ObjectData) -> Result<Model> {
    let mut active: ActiveModel = row.into();
    apply(&mut active, data);
    Ok(active.update(conn).await?)
}

/// Marks an object deleted and forgets its content and images; its id keeps answering with a
/// Tombstone.
pub async fn mark_deleted<C: ConnectionTrait>(conn: &C, row: Model) -> Result<Model> {
    crate::media::attach(conn, row.id, &[]).await?;
    let mut active: ActiveModel = row.into();
    let now = now();
    active.deleted_at = Set(Some(now));
    active.updated = Set(Some(now));
    active.name = Set(None);
    active.summary = Set(None);
    active.content = Set(None);
    active.extra = Set(None);
    active.summary_falc = Set(None);
    active.content_falc = Set(None);
    Ok(active.update(conn).await?)
}

/// Finds an object by its ActivityPub id (deleted ones included).
pub async fn by_ap_id<C: ConnectionTrait>(conn: &C, ap_id: &str) -> Result<Option<Model>> {
    Ok(Entity::find()
        .filter(Column::ApId.eq(ap_id))
        .one(conn)
        .await?)
}

/// Deletes every stored object of a remote author (after the author's `Delete`).
pub async fn delete_by_author<C: ConnectionTrait>(conn: &C, author: &str) -> Result<u64> {
    let res = Entity::delete_many()
        .filter(Column::AttributedTo.eq(author))
        .filter(Column::PlaceId.is_null())
        .exec(conn)
        .await?;
    Ok(res.rows_affected)
}

/// A position in the timeline, for keyset pagination.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cursor {
    pub received_at: DateTime<Utc>,
    pub id: i64,
}

/// Public, undeleted objects, newest first, strictly before `before`.
pub async fn timeline<C: ConnectionTrait>(
    conn: &C,
    limit: u64,
    before: Option<Cursor>,
) -> Result<Vec<Model>> {
    let mut query = Entity::find()
        .filter(Column::DeletedAt.is_null())
        .filter(Column::Public.eq(true))
        .filter(Column::Rrule.is_null());
    if let Some(c) = before {
        // A row-value comparison, which both engines answer from the (received_at, id) index;
        // the equivalent OR of two conditions made them scan.
        use sea_orm::sea_query::{Expr, ExprTrait};
        query = query.filter(
            Expr::tuple([Expr::col(Column::ReceivedAt), Expr::col(Column::Id)])
                .lt(Expr::tuple([Expr::value(c.received_at), Expr::value(c.id)])),
        );
    }
    Ok(query
        .order_by_desc(Column::ReceivedAt)
        .order_by_desc(Column::Id)
        .limit(limit)
        .all(conn)
        .await?)
}

/// A local place's objects of one kind, newest first (deleted ones excluded).
pub async fn by_place<C: ConnectionTrait>(
    conn: &C,
    place_id: PlaceId,
    kind: Option<&str>,
) -> Result<Vec<Model>> {
    let mut query = Entity::find()
        .filter(Column::PlaceId.eq(place_id))
        .filter(Column::DeletedAt.is_null());
    if let Some(kind) = kind {
        query = query.filter(Column::Kind.eq(kind));
    }
    Ok(query.order_by_desc(Column::Id).all(conn).await?)
}

/// How many live objects an author has (deleted excluded).
pub async fn count_by_author<C: ConnectionTrait>(conn: &C, author: &str) -> Result<u64> {
    Ok(Entity::find()
        .filter(Column::AttributedTo.eq(author))
        .filter(Column::DeletedAt.is_null())
        .count(conn)
        .await?)
}

/// How many objects are stored in all (deleted included); for tests and metrics.
pub async fn count_all<C: ConnectionTrait>(conn: &C) -> Result<u64> {
    Ok(Entity::find().count(conn).await?)
}

/// Finds an object by row id.
pub async fn by_row_id<C: ConnectionTrait>(conn: &C, id: i64) -> Result<Option<Model>> {
    Ok(Entity::find_by_id(id).one(conn).await?)
}

/// How many live objects this instance's places published.
pub async fn count_local<C: ConnectionTrait>(conn: &C) -> Result<u64> {
    Ok(Entity::find()
        .filter(Column::PlaceId.is_not_null())
        .filter(Column::DeletedAt.is_null())
        .count(conn)
        .await?)
}

/// The materialised occurrences of a recurring series (deleted ones included), by start.
pub async fn occurrences_of<C: ConnectionTrait>(conn: &C, series_id: i64) -> Result<Vec<Model>> {
    Ok(Entity::find()
        .filter(Column::SeriesId.eq(series_id))
        .order_by_asc(Column::OccurrenceStart)
        .all(conn)
        .await?)
}

/// Every live recurring series of this instance's places.
pub async fn live_series<C: ConnectionTrait>(conn: &C) -> Result<Vec<Model>> {
    Ok(Entity::find()
        .filter(Column::Rrule.is_not_null())
        .filter(Column::PlaceId.is_not_null())
        .filter(Column::DeletedAt.is_null())
        .order_by_asc(Column::Id)
        .all(conn)
        .await?)
}

/// Sets a series' exceptions (JSON).
pub async fn set_exceptions<C: ConnectionTrait>(
    conn: &C,
    row: Model,
    exceptions: Option<String>,
) -> Result<Model> {
    let mut active: ActiveModel = row.into();
    active.exceptions = Set(exceptions);
    active.updated = Set(Some(now()));
    Ok(active.update(conn).await?)
}

/// A local place's events that happen (start, or are under way) between `from` and `to`, by
/// start; recurring series themselves are left out (their occurrences are listed).
pub async fn events_between<C: ConnectionTrait>(
    conn: &C,
    place_id: PlaceId,
    from: DateTime<Utc>,
    to: DateTime<Utc>,
) -> Result<Vec<Model>> {
    Ok(Entity::find()
        .filter(Column::PlaceId.eq(place_id))
        .filter(Column::Kind.eq("Event"))
        .filter(Column::DeletedAt.is_null())
        .filter(Column::Rrule.is_null())
        .filter(Column::StartTime.lt(to))
        .filter(
            Condition::any().add(Column::EndTime.gte(from)).add(
                Condition::all()
                    .add(Column::EndTime.is_null())
                    .add(Column::StartTime.gte(from)),
            ),
        )
        .order_by_asc(Column::StartTime)
        .all(conn)
        .await?)
}

/// Serialises the extension of one recurring series across processes, until the end of the
/// transaction `conn` (PostgreSQL advisory lock; SQLite already has a single writer).
pub async fn lock_series<C: ConnectionTrait>(conn: &C, series_id: i64) -> Result<()> {
    if crate::connect::backend_of(conn) == crate::Backend::Postgres {
        conn.execute_raw(sea_orm::Statement::from_sql_and_values(
            sea_orm::DbBackend::Postgres,
            "SELECT pg_advisory_xact_lock($1)",
            [series_id.into()],
        ))
        .await?;
    }
    Ok(())
}
