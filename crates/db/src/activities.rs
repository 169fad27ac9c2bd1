//! Activities sent and received.

use crate::entities::activities::{ActiveModel, Column, Entity, Model};
use crate::{DbError, PlaceId, Result, now};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, QuerySelect,
};

/// An activity to record.
#[derive(Debug, Clone)]
pub struct ActivityData {
    pub ap_id: String,
    pub kind: String,
    pub actor_ap_id: String,
    pub object_ap_id: Option<String>,
    pub place_id: Option<PlaceId>,
    pub local: bool,
    pub public: bool,
    pub payload: String,
}

/// Records an activity.
pub async fn insert<C: ConnectionTrait>(conn: &C, data: ActivityData) -> Result<Model> {
    ActiveModel {
        ap_id: Set(data.ap_id),
        kind: Set(data.kind),
        actor_ap_id: Set(data.actor_ap_id),
        object_ap_id: Set(data.object_ap_id),
        place_id: Set(data.place_id),
        local: Set(data.local),
        public: Set(data.public),
        payload: Set(data.payload),
        created_at: Set(now()),
        ..Default::default()
    }
    .insert(conn)
    .await
    .map_err(|e| DbError::unique(e, "an activity with this id"))
}

impl ActivityData {
    fn into_active(self) -> ActiveModel {
        ActiveModel {
            ap_id: Set(self.ap_id),
            kind: Set(self.kind),
            actor_ap_id: Set(self.actor_ap_id),
            object_ap_id: Set(self.object_ap_id),
            place_id: Set(self.place_id),
            local: Set(self.local),
            public: Set(self.public),
            payload: Set(self.payload),
            created_at: Set(now()),
            ..Default::default()
        }
    }
}

/// Records several activities in one statement per 128 (padded to a few statement shapes,
/// see `deliveries::padded`); ids already recorded are skipped.
pub async fn insert_new<C: ConnectionTrait>(conn: &C, rows: Vec<ActivityData>) -> Result<()> {
    let mut rows = rows.into_iter().peekable();
    while rows.peek().is_some() {
        let chunk: Vec<ActivityData> = rows.by_ref().take(128).collect();
        Entity::insert_many(
            crate::deliveries::padded(chunk)
                .into_iter()
                .map(ActivityData::into_active),
        )
        .on_conflict_do_nothing_on([Column::ApId])
        .exec(conn)
        .await?;
    }
    Ok(())
}

/// Which of these activity ids are already recorded.
pub async fn existing<C: ConnectionTrait>(
    conn: &C,
    ap_ids: &[&str],
) -> Result<std::collections::HashSet<String>> {
    if ap_ids.is_empty() {
        return Ok(Default::default());
    }
    let found: Vec<String> = Entity::find()
        .select_only()
        .column(Column::ApId)
        .filter(Column::ApId.is_in(crate::deliveries::padded(ap_ids.to_vec())))
        .into_tuple()
        .all(conn)
        .await?;
    Ok(found.into_iter().collect())
}

/// Whether an activity with this id was already recorded (received twice, by several paths).
pub async fn exists<C: ConnectionTrait>(conn: &C, ap_id: &str) -> Result<bool> {
    Ok(Entity::find()
        .filter(Column::ApId.eq(ap_id))
        .count(conn)
        .await?
        > 0)
}

/// Finds an activity by id.
pub async fn by_ap_id<C: ConnectionTrait>(conn: &C, ap_id: &str) -> Result<Option<Model>> {
    Ok(Entity::find()
        .filter(Column::ApId.eq(ap_id))
        .one(conn)
        .await?)
}

/// A place's public outbox, newest first, strictly before row id `before`.
pub async fn outbox<C: ConnectionTrait>(
    conn: &C,
    place_id: PlaceId,
    limit: u64,
    before: Option<i64>,
) -> Result<Vec<Model>> {
    let mut query = Entity::find()
        .filter(Column::PlaceId.eq(place_id))
        .filter(Column::Local.eq(true))
        .filter(Column::Public.eq(true));
    if let Some(before) = before {
        query = query.filter(Column::Id.lt(before));
    }
    Ok(query
        .order_by_desc(Column::Id)
        .limit(limit)
        .all(conn)
        .await?)
}

/// How many public activities a place's outbox holds.
pub async fn outbox_count<C: ConnectionTrait>(conn: &C, place_id: PlaceId) -> Result<u64> {
    Ok(Entity::find()
        .filter(Column::PlaceId.eq(place_id))
        .filter(Column::Local.eq(true))
        .filter(Column::Public.eq(true))
        .count(conn)
        .await?)
}

/// Received activities of one kind; for tests and diagnostics.
pub async fn received_of_kind<C: ConnectionTrait>(conn: &C, kind: &str) -> Result<Vec<Model>> {
    Ok(Entity::find()
        .filter(Column::Local.eq(false))
        .filter(Column::Kind.eq(kind))
        .order_by_asc(Column::Id)
        .all(conn)
        .await?)
}

/// How many activities are stored; for tests and metrics.
pub async fn count_all<C: ConnectionTrait>(conn: &C) -> Result<u64> {
    Ok(Entity::find().count(conn).await?)
}
