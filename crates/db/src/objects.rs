//! Objects (notes, events, articles, pages), local and received, and the timeline.

use crate::entities::object_concepts;
use crate::entities::objects::{ActiveModel, Column, Entity, Model};
use crate::{DbError, PlaceId, Result, now};
use chrono::{DateTime, Utc};
use galaxie_domain::GeoPoint;
use galaxie_domain::territory::{self, AuthorLocation, BBox, Circle, OwnLocation, Placed};
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
    // Microseconds, as PostgreSQL keeps them: SQLite would keep nanoseconds, and the keyset
    // cursor of upcoming events (`start_time`, in microseconds) would then fall between rows.
    active.start_time = Set(d.start_time.map(micros));
    active.end_time = Set(d.end_time.map(micros));
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

fn micros(at: DateTime<Utc>) -> DateTime<Utc> {
    use chrono::SubsecRound;
    at.trunc_subsecs(6)
}

/// Inserts a new object, placed on the territory (its own location or its author's directory
/// entry) and indexed by its vocabulary concepts.
pub async fn insert<C: ConnectionTrait>(conn: &C, data: ObjectData) -> Result<Model> {
    let now = now();
    let placed = placed_with_author(conn, &data).await?;
    let concepts = galaxie_domain::timeline::object_concept_paths(
        data.concepts.as_deref(),
        data.category.as_deref(),
    );
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
    set_area(&mut active, placed);
    let row = active
        .insert(conn)
        .await
        .map_err(|e| DbError::unique(e, "an object with this id"))?;
    add_concepts(conn, row.id, &concepts).await?;
    Ok(row)
}

/// Where an object is (`galaxie_domain::territory::place_object`), from its own location and
/// its author's directory entry.
fn place_with(
    author: Option<&crate::entities::directory::Model>,
    postal_code: Option<&str>,
    locality: Option<&str>,
    latitude: Option<f64>,
    longitude: Option<f64>,
) -> Placed {
    let point = |lat: Option<f64>, lon: Option<f64>| match (lat, lon) {
        (Some(latitude), Some(longitude)) => Some(GeoPoint {
            latitude,
            longitude,
        }),
        _ => None,
    };
    territory::place_object(
        OwnLocation {
            postal_code,
            locality,
            point: point(latitude, longitude),
        },
        author.map(|a| AuthorLocation {
            insee_code: a.insee_code.as_deref(),
            postal_code: a.postal_code.as_deref(),
            locality: a.locality.as_deref(),
            point: point(a.latitude, a.longitude),
        }),
    )
}

async fn placed_with_author<C: ConnectionTrait>(conn: &C, d: &ObjectData) -> Result<Placed> {
    let author = crate::directory::by_ap_id(conn, &d.attributed_to).await?;
    Ok(place_with(
        author.as_ref(),
        d.postal_code.as_deref(),
        d.locality.as_deref(),
        d.latitude,
        d.longitude,
    ))
}

fn set_area(active: &mut ActiveModel, placed: Placed) {
    active.insee_code = Set(placed.area.insee_code);
    active.departement = Set(placed.area.departement);
    active.region = Set(placed.area.region);
    active.area_latitude = Set(placed.point.map(|p| p.latitude));
    active.area_longitude = Set(placed.point.map(|p| p.longitude));
}

async fn add_concepts<C: ConnectionTrait>(conn: &C, id: i64, paths: &[String]) -> Result<()> {
    if paths.is_empty() {
        return Ok(());
    }
    object_concepts::Entity::insert_many(paths.iter().map(|p| object_concepts::ActiveModel {
        concept: Set(p.clone()),
        object_id: Set(id),
    }))
    .exec(conn)
    .await?;
    Ok(())
}

/// Places the objects of `author` again after its directory entry changed (it moved, or it
/// was first seen). Only the rows whose territory changes are written.
pub async fn refresh_area_of_author<C: ConnectionTrait>(conn: &C, author: &str) -> Result<u64> {
    let entry = crate::directory::by_ap_id(conn, author).await?;
    let mut changed = 0;
    let mut after = 0i64;
    loop {
        let rows = Entity::find()
            .filter(Column::AttributedTo.eq(author))
            .filter(Column::Id.gt(after))
            .order_by_asc(Column::Id)
            .limit(500)
            .all(conn)
            .await?;
        let Some(last) = rows.last() else {
            return Ok(changed);
        };
        after = last.id;
        for row in rows {
            let placed = place_with(
                entry.as_ref(),
                row.postal_code.as_deref(),
                row.locality.as_deref(),
                row.latitude,
                row.longitude,
            );
            let same = row.insee_code == placed.area.insee_code
                && row.departement == placed.area.departement
                && row.region == placed.area.region
                && row.area_latitude == placed.point.map(|p| p.latitude)
                && row.area_longitude == placed.point.map(|p| p.longitude);
            if !same {
                let mut active: ActiveModel = row.into();
                set_area(&mut active, placed);
                active.update(conn).await?;
                changed += 1;
            }
        }
    }
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
    let placed = placed_with_author(conn, &data).await?;
    let before = galaxie_domain::timeline::object_concept_paths(
        row.concepts.as_deref(),
        row.category.as_deref(),
    );
    let after = galaxie_domain::timeline::object_concept_paths(
        data.concepts.as_deref(),
        data.category.as_deref(),
    );
    let id = row.id;
    let mut active: ActiveModel = row.into();
    apply(&mut active, data);
    set_area(&mut active, placed);
    let row = active.update(conn).await?;
    if before != after {
        object_concepts::Entity::delete_many()
            .filter(object_concepts::Column::ObjectId.eq(id))
            .exec(conn)
            .await?;
        add_concepts(conn, id, &after).await?;
    }
    Ok(row)
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

/// Filters of the regional timeline, all optional, all combined (`GET /api/v1/timeline`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TimelineFilter {
    /// ActivityStreams types (`Event`, `Note`, `Article`, `Page`); any of them.
    pub kinds: Vec<String>,
    /// INSEE commune code.
    pub insee_code: Option<String>,
    /// Département code.
    pub departement: Option<String>,
    /// Région code.
    pub region: Option<String>,
    /// Its point (own or its author's) inside this box.
    pub bbox: Option<BBox>,
    /// Its point inside this circle.
    pub near: Option<Circle>,
    /// The object's own vocabulary concepts: each list is a concept with its narrower ones
    /// (any matches); every list must match.
    pub concepts: Vec<Vec<String>>,
    /// The author place's concepts (its labels), through the directory, any entry of its
    /// cluster; same shape as `concepts`.
    pub author_concepts: Vec<Vec<String>>,
    /// Regional labels (`crate::labels`): each list is the possible ids of one label; the
    /// author must hold a valid (unrevoked, current) attestation of every one.
    pub regional_labels: Vec<Vec<String>>,
    /// Events starting at or after this instant.
    pub starts_from: Option<DateTime<Utc>>,
    /// Events starting at or before this instant.
    pub starts_until: Option<DateTime<Utc>>,
    /// Open at this instant: by the object's own opening hours, or else its author place's.
    pub open_at: Option<DateTime<Utc>>,
    /// Upcoming events from this instant, soonest first (instead of newest received first).
    pub upcoming_from: Option<DateTime<Utc>>,
}

/// A position in a filtered timeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimelineCursor {
    /// Newest received first: go on with older ones.
    Received(Cursor),
    /// Upcoming events: go on with later starts.
    Start {
        /// The event's start.
        start_time: DateTime<Utc>,
        /// Its row id.
        id: i64,
    },
}

impl TimelineFilter {
    /// Whether some filter is evaluated after the query, in Rust (exact distance, hours).
    fn needs_check(&self) -> bool {
        self.near.is_some() || self.open_at.is_some()
    }

    fn position(&self, row: &Model) -> Option<TimelineCursor> {
        if self.upcoming_from.is_some() {
            row.start_time.map(|start_time| TimelineCursor::Start {
                start_time,
                id: row.id,
            })
        } else {
            Some(TimelineCursor::Received(Cursor {
                received_at: row.received_at,
                id: row.id,
            }))
        }
    }

    fn query(&self) -> sea_orm::Select<Entity> {
        use crate::entities::{directory, directory_concepts};
        use sea_orm::sea_query::{Expr, ExprTrait, Query};
        let mut query = Entity::find()
            .filter(Column::DeletedAt.is_null())
            .filter(Column::Public.eq(true))
            .filter(Column::Rrule.is_null());
        if !self.kinds.is_empty() {
            query = query.filter(Column::Kind.is_in(self.kinds.iter().cloned()));
        }
        if let Some(code) = &self.insee_code {
            query = query.filter(Column::InseeCode.eq(code.as_str()));
        }
        if let Some(code) = &self.departement {
            query = query.filter(Column::Departement.eq(code.as_str()));
        }
        if let Some(code) = &self.region {
            query = query.filter(Column::Region.eq(code.as_str()));
        }
        for b in self.bbox.iter().copied().chain(self.near.map(|c| c.bbox())) {
            query = query
                .filter(Column::AreaLatitude.between(b.min_lat, b.max_lat))
                .filter(Column::AreaLongitude.between(b.min_lon, b.max_lon));
        }
        for paths in &self.concepts {
            query = query.filter(
                Column::Id.in_subquery(
                    Query::select()
                        .column(object_concepts::Column::ObjectId)
                        .from(object_concepts::Entity)
                        .and_where(
                            Expr::col(object_concepts::Column::Concept)
                                .is_in(paths.iter().cloned()),
                        )
                        .to_owned(),
                ),
            );
        }
        for ids in &self.regional_labels {
            query = query.filter(
                Column::AttributedTo
                    .in_subquery(crate::labels::valid_holders_query(ids, crate::now())),
            );
        }
        for paths in &self.author_concepts {
            // The actors of the clusters that hold one of these concepts.
            let tagged = Query::select()
                .column(directory_concepts::Column::DirectoryId)
                .from(directory_concepts::Entity)
                .and_where(
                    Expr::col(directory_concepts::Column::Concept).is_in(paths.iter().cloned()),
                )
                .to_owned();
            let clusters = Query::select()
                .column(directory::Column::ClusterId)
                .from(directory::Entity)
                .and_where(Expr::col(directory::Column::Id).in_subquery(tagged))
                .to_owned();
            let actors = Query::select()
                .column(directory::Column::ApId)
                .from(directory::Entity)
                .and_where(Expr::col(directory::Column::ClusterId).in_subquery(clusters))
                .to_owned();
            query = query.filter(Column::AttributedTo.in_subquery(actors));
        }
        if let Some(from) = self.starts_from {
            query = query.filter(Column::StartTime.gte(from));
        }
        if let Some(until) = self.starts_until {
            query = query.filter(Column::StartTime.lte(until));
        }
        if let Some(now) = self.upcoming_from {
            query = query.filter(Column::StartTime.gte(now));
        }
        query
    }

    fn page(&self, after: Option<TimelineCursor>, n: u64) -> sea_orm::Select<Entity> {
        use sea_orm::sea_query::{Expr, ExprTrait};
        let mut query = self.query();
        match after {
            // Row-value comparisons, which the (…, received_at, id) and (…, start_time, id)
            // indexes answer.
            Some(TimelineCursor::Received(c)) => {
                query = query.filter(
                    Expr::tuple([Expr::col(Column::ReceivedAt), Expr::col(Column::Id)])
                        .lt(Expr::tuple([Expr::value(c.received_at), Expr::value(c.id)])),
                );
            }
            Some(TimelineCursor::Start { start_time, id }) => {
                query = query.filter(
                    Expr::tuple([Expr::col(Column::StartTime), Expr::col(Column::Id)])
                        .gt(Expr::tuple([Expr::value(start_time), Expr::value(id)])),
                );
            }
            None => {}
        }
        if self.upcoming_from.is_some() {
            query = query
                .order_by_asc(Column::StartTime)
                .order_by_asc(Column::Id);
        } else {
            query = query
                .order_by_desc(Column::ReceivedAt)
                .order_by_desc(Column::Id);
        }
        query.limit(n)
    }

    fn keeps(
        &self,
        row: &Model,
        authors: &std::collections::HashMap<String, crate::entities::directory::Model>,
    ) -> bool {
        if let Some(circle) = self.near {
            let inside = match (row.area_latitude, row.area_longitude) {
                (Some(latitude), Some(longitude)) => circle.contains(GeoPoint {
                    latitude,
                    longitude,
                }),
                _ => false,
            };
            if !inside {
                return false;
            }
        }
        if let Some(at) = self.open_at {
            let own = row
                .opening_hours
                .as_deref()
                .map(|h| (h, row.departement.as_deref()));
            let author = authors.get(&row.attributed_to).and_then(|a| {
                a.opening_hours
                    .as_deref()
                    .map(|h| (h, a.departement.as_deref()))
            });
            let open = own.or(author).is_some_and(|(hours, departement)| {
                galaxie_domain::timeline::opening_hours_in(hours, departement)
                    .is_some_and(|h| h.is_open(at))
            });
            if !open {
                return false;
            }
        }
        true
    }
}

/// One page of the timeline with filters: public, undeleted objects (not recurring series),
/// newest received first, or upcoming events soonest first; strictly after `after`.
///
/// The SQL query answers every filter but two, which are checked here on the rows it gives:
/// the exact distance of `near` (the query keeps its bounding box) and `open_at` (opening
/// hours are evaluated with `galaxie_domain::hours`). With those, rows are read in batches and
/// at most [`SCAN_BUDGET`](crate::directory::SCAN_BUDGET) of them per page: a page may then
/// hold fewer items than `limit` and still have a `next` cursor, from where the reading
/// stopped, so that no object is skipped or given twice.
pub async fn timeline_filtered<C: ConnectionTrait>(
    conn: &C,
    filter: &TimelineFilter,
    limit: u64,
    after: Option<TimelineCursor>,
) -> Result<crate::directory::Page<Model, TimelineCursor>> {
    use crate::directory::{Page, SCAN_BUDGET};
    if !filter.needs_check() {
        let items = filter.page(after, limit).all(conn).await?;
        let next = (items.len() as u64 == limit)
            .then(|| items.last().and_then(|r| filter.position(r)))
            .flatten();
        return Ok(Page { items, next });
    }
    let batch = (limit * 4).clamp(50, 500);
    let mut items = Vec::new();
    let mut position = after;
    let mut read = 0u64;
    loop {
        let rows = filter.page(position, batch).all(conn).await?;
        let exhausted = (rows.len() as u64) < batch;
        let authors = if filter.open_at.is_some() {
            let mut ids: Vec<String> = rows.iter().map(|r| r.attributed_to.clone()).collect();
            ids.sort_unstable();
            ids.dedup();
            crate::directory::by_ap_ids(conn, &ids).await?
        } else {
            Default::default()
        };
        for row in rows {
            read += 1;
            position = filter.position(&row);
            if filter.keeps(&row, &authors) {
                items.push(row);
                if items.len() as u64 == limit {
                    return Ok(Page {
                        items,
                        next: position,
                    });
                }
            }
        }
        if exhausted {
            return Ok(Page { items, next: None });
        }
        if read >= SCAN_BUDGET {
            return Ok(Page {
                items,
                next: position,
            });
        }
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::directory::test_support::both;
    use crate::directory::{EntryData, record};
    use chrono::TimeZone;
    use galaxie_domain::PlaceProfile;

    fn day(d: u32, h: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2027, 1, d, h, 0, 0)
            .single()
            .expect("date")
    }

    fn author(name: &str, postal_code: &str, insee: &str, geo: (f64, f64)) -> PlaceProfile {
        PlaceProfile {
            name: name.into(),
            address: galaxie_domain::PostalAddress {
                street_address: Some("1 rue de la Poste".into()),
                postal_code: Some(postal_code.into()),
                locality: Some(name.into()),
                country: Some("FR".into()),
            },
            insee_code: Some(insee.into()),
            geo: Some(GeoPoint {
                latitude: geo.0,
                longitude: geo.1,
            }),
            ..Default::default()
        }
    }

    async fn ids<C: ConnectionTrait>(conn: &C, filter: &TimelineFilter, limit: u64) -> Vec<String> {
        let mut out = Vec::new();
        let mut after = None;
        loop {
            let page = timeline_filtered(conn, filter, limit, after)
                .await
                .expect("page");
            out.extend(page.items.iter().map(|r| r.ap_id.clone()));
            match page.next {
                Some(next) => after = Some(next),
                None => return out,
            }
        }
    }

    #[tokio::test]
    async fn objects_are_placed_by_their_location_or_their_author() {
        for t in both().await {
            let conn = t.db.conn();
            let reims = "https://a.example/places/reims";
            let mut profile = author("Reims", "51100", "51454", (49.2583, 4.0317));
            profile.opening_hours = Some("Mo-Fr 09:00-12:00".into());
            profile.concepts.labels = vec!["fabriques-de-territoire".into()];
            record(
                conn,
                EntryData {
                    ap_id: reims.into(),
                    place_id: None,
                    profile: profile.clone(),
                    updated: Some(day(1, 0)),
                },
            )
            .await
            .expect("author");
            let note = insert(
                conn,
                ObjectData {
                    ap_id: "https://a.example/o/note".into(),
                    kind: "Note".into(),
                    attributed_to: reims.into(),
                    public: true,
                    ..Default::default()
                },
            )
            .await
            .expect("note");
            assert_eq!(
                (
                    note.insee_code.as_deref(),
                    note.departement.as_deref(),
                    note.region.as_deref()
                ),
                (Some("51454"), Some("51"), Some("44"))
            );
            assert_eq!(note.area_latitude, Some(49.2583));
            let away = insert(
                conn,
                ObjectData {
                    ap_id: "https://a.example/o/away".into(),
                    kind: "Event".into(),
                    attributed_to: reims.into(),
                    postal_code: Some("08000".into()),
                    start_time: Some(day(20, 14)),
                    category: Some("WORKSHOPS_SKILL_SHARING".into()),
                    concepts: Some(r#"{"fees":["gratuit"]}"#.into()),
                    public: true,
                    ..Default::default()
                },
            )
            .await
            .expect("event");
            assert_eq!(away.departement.as_deref(), Some("08"));
            assert_eq!(away.insee_code, None);
            assert_eq!(away.area_latitude, None);

            // The place moves to Ajaccio: its note follows, the event in the Ardennes stays.
            record(
                conn,
                EntryData {
                    ap_id: reims.into(),
                    place_id: None,
                    profile: PlaceProfile {
                        concepts: profile.concepts.clone(),
                        opening_hours: profile.opening_hours.clone(),
                        ..author("Ajaccio", "20000", "2A004", (41.92, 8.74))
                    },
                    updated: Some(day(2, 0)),
                },
            )
            .await
            .expect("moved");
            let note = by_ap_id(conn, &note.ap_id)
                .await
                .expect("get")
                .expect("note");
            assert_eq!(
                (note.departement.as_deref(), note.region.as_deref()),
                (Some("2A"), Some("94"))
            );
            let away = by_ap_id(conn, &away.ap_id)
                .await
                .expect("get")
                .expect("event");
            assert_eq!(away.departement.as_deref(), Some("08"));

            // The object's own concepts, and its author's labels through the directory.
            let gratuit =
                galaxie_domain::timeline::resolve_in(galaxie_domain::vocab::Scheme::Fee, "gratuit")
                    .expect("fee")
                    .paths;
            let filter = TimelineFilter {
                concepts: vec![gratuit.clone()],
                ..Default::default()
            };
            assert_eq!(
                ids(conn, &filter, 10).await,
                std::slice::from_ref(&away.ap_id)
            );
            let workshop = galaxie_domain::timeline::resolve_any("workshops-skill-sharing")
                .expect("category")
                .paths;
            let filter = TimelineFilter {
                concepts: vec![workshop, gratuit],
                departement: Some("2A".into()),
                ..Default::default()
            };
            assert!(ids(conn, &filter, 10).await.is_empty());
            let labelled = TimelineFilter {
                author_concepts: vec![vec!["label/fabriques-de-territoire".into()]],
                ..Default::default()
            };
            assert_eq!(ids(conn, &labelled, 10).await.len(), 2);
            let other_label = TimelineFilter {
                author_concepts: vec![vec!["label/france-services".into()]],
                ..Default::default()
            };
            assert!(ids(conn, &other_label, 10).await.is_empty());
            // Open on a Tuesday at 10:00 in Corsica (9:00 UTC), closed at 13:00.
            let open = TimelineFilter {
                open_at: Some(day(12, 9)),
                ..Default::default()
            };
            assert_eq!(ids(conn, &open, 10).await.len(), 2);
            let closed = TimelineFilter {
                open_at: Some(day(12, 13)),
                ..Default::default()
            };
            assert!(ids(conn, &closed, 10).await.is_empty());
            t.cleanup().await;
        }
    }

    #[tokio::test]
    async fn filtered_pages_have_no_gap_and_upcoming_events_come_soonest_first() {
        for t in both().await {
            let conn = t.db.conn();
            let mut events = Vec::new();
            for i in 0..9u32 {
                // Starts in an order unlike the insertion order; every third one is far away.
                let start = day(1 + (i * 5) % 9, 10);
                let (lat, lon) = if i % 3 == 0 {
                    (43.6, 1.44)
                } else {
                    (49.25, 4.03)
                };
                let row = insert(
                    conn,
                    ObjectData {
                        ap_id: format!("https://a.example/o/{i}"),
                        kind: "Event".into(),
                        attributed_to: "https://a.example/places/x".into(),
                        start_time: Some(start),
                        postal_code: Some(if i % 3 == 0 { "31000" } else { "51100" }.into()),
                        latitude: Some(lat),
                        longitude: Some(lon),
                        public: true,
                        ..Default::default()
                    },
                )
                .await
                .expect("event");
                events.push(row);
            }
            insert(
                conn,
                ObjectData {
                    ap_id: "https://a.example/o/note".into(),
                    kind: "Note".into(),
                    attributed_to: "https://a.example/places/x".into(),
                    public: true,
                    ..Default::default()
                },
            )
            .await
            .expect("note");
            let newest: Vec<String> = ids(conn, &TimelineFilter::default(), 10).await;
            assert_eq!(newest.len(), 10);
            for limit in [1, 2, 3, 4] {
                assert_eq!(ids(conn, &TimelineFilter::default(), limit).await, newest);
            }
            let upcoming = TimelineFilter {
                upcoming_from: Some(day(3, 0)),
                ..Default::default()
            };
            let mut expected: Vec<&Model> = events
                .iter()
                .filter(|e| e.start_time >= Some(day(3, 0)))
                .collect();
            expected.sort_by_key(|e| (e.start_time, e.id));
            let expected: Vec<String> = expected.iter().map(|e| e.ap_id.clone()).collect();
            assert_eq!(expected.len(), 7);
            for limit in [1, 2, 3, 7] {
                assert_eq!(ids(conn, &upcoming, limit).await, expected, "limit {limit}");
            }
            let near_reims = TimelineFilter {
                near: Some(Circle {
                    center: GeoPoint {
                        latitude: 49.25,
                        longitude: 4.0,
                    },
                    radius_km: 5.0,
                }),
                kinds: vec!["Event".into()],
                ..Default::default()
            };
            let reims: Vec<String> = events
                .iter()
                .rev()
                .filter(|e| e.departement.as_deref() == Some("51"))
                .map(|e| e.ap_id.clone())
                .collect();
            assert_eq!(reims.len(), 6);
            for limit in [1, 2, 5] {
                assert_eq!(ids(conn, &near_reims, limit).await, reims, "limit {limit}");
            }
            let range = TimelineFilter {
                starts_from: Some(day(2, 0)),
                starts_until: Some(day(4, 10)),
                ..Default::default()
            };
            let in_range = ids(conn, &range, 10).await;
            assert_eq!(in_range.len(), 3, "{in_range:?}");
            let haute_garonne = TimelineFilter {
                departement: Some("31".into()),
                region: Some("76".into()),
                ..Default::default()
            };
            assert_eq!(ids(conn, &haute_garonne, 2).await.len(), 3);
            t.cleanup().await;
        }
    }
}
