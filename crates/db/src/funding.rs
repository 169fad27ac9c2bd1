//! Funding calls: storing local and received calls, finding the same call again (by id, by
//! source link, by funder + title + deadline), and listing open and archived calls.

use crate::entities::funding_calls::{ActiveModel, Column, Entity, Model};
use crate::{PlaceId, Result, now};
use chrono::{DateTime, NaiveDate, Utc};
use galaxie_domain::funding::{Criteria, Territory};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, Condition, ConnectionTrait, EntityTrait,
    QueryFilter, QueryOrder,
};

/// The fields of a funding call, as written by a publication, an import or a received
/// activity.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FundingData {
    pub ap_id: String,
    pub place_id: Option<PlaceId>,
    pub attributed_to: String,
    pub name: String,
    pub summary: String,
    pub summary_falc: Option<String>,
    pub content: Option<String>,
    pub content_falc: Option<String>,
    pub funder: Option<String>,
    pub programme: Option<String>,
    pub deadline: Option<NaiveDate>,
    pub opening_date: Option<NaiveDate>,
    pub criteria: Criteria,
    pub amount_max: Option<u64>,
    pub rate_max: Option<u8>,
    pub amount_text: Option<String>,
    pub how_to_apply: Option<String>,
    pub application_url: Option<String>,
    pub source_url: Option<String>,
    pub dedup_key: String,
    pub imported_from: Option<String>,
    pub published: Option<DateTime<Utc>>,
    pub updated: Option<DateTime<Utc>>,
}

fn json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_else(|_| "[]".to_string())
}

fn list<T: serde::de::DeserializeOwned>(text: &str) -> Vec<T> {
    // A territory code written by an older version and no longer known is left out.
    serde_json::from_str::<Vec<serde_json::Value>>(text)
        .unwrap_or_default()
        .into_iter()
        .filter_map(|v| serde_json::from_value(v).ok())
        .collect()
}

/// Who may apply, where, on what, as stored.
pub fn criteria(row: &Model) -> Criteria {
    Criteria {
        legal_forms: list(&row.legal_forms),
        structure_types: list(&row.structure_types),
        territory: list::<Territory>(&row.territory),
        themes: list(&row.themes),
    }
}

fn fill(active: &mut ActiveModel, data: FundingData) {
    active.place_id = Set(data.place_id);
    active.attributed_to = Set(data.attributed_to);
    active.name = Set(data.name);
    active.summary = Set(data.summary);
    active.summary_falc = Set(data.summary_falc);
    active.content = Set(data.content);
    active.content_falc = Set(data.content_falc);
    active.funder = Set(data.funder);
    active.programme = Set(data.programme);
    active.deadline = Set(data.deadline);
    active.opening_date = Set(data.opening_date);
    active.legal_forms = Set(json(&data.criteria.legal_forms));
    active.structure_types = Set(json(&data.criteria.structure_types));
    active.territory = Set(json(&data.criteria.territory));
    active.themes = Set(json(&data.criteria.themes));
    active.amount_max = Set(data.amount_max.and_then(|a| i64::try_from(a).ok()));
    active.rate_max = Set(data.rate_max.map(i32::from));
    active.amount_text = Set(data.amount_text);
    active.how_to_apply = Set(data.how_to_apply);
    active.application_url = Set(data.application_url);
    active.source_url = Set(data.source_url);
    active.dedup_key = Set(data.dedup_key);
    active.imported_from = Set(data.imported_from);
    active.updated = Set(data.updated);
}

/// Inserts a call.
pub async fn insert<C: ConnectionTrait>(conn: &C, data: FundingData) -> Result<Model> {
    let mut active = ActiveModel {
        ap_id: Set(data.ap_id.clone()),
        published: Set(data.published.unwrap_or_else(now)),
        received_at: Set(now()),
        deleted_at: Set(None),
        ..Default::default()
    };
    fill(&mut active, data);
    Ok(active.insert(conn).await?)
}

/// Replaces a call's fields (its id and first publication stay).
pub async fn update<C: ConnectionTrait>(conn: &C, row: Model, data: FundingData) -> Result<Model> {
    let mut active: ActiveModel = row.into();
    fill(&mut active, data);
    active.deleted_at = Set(None);
    Ok(active.update(conn).await?)
}

/// Inserts or replaces a received call by its id. Returns the row and whether it was new.
pub async fn upsert<C: ConnectionTrait>(conn: &C, data: FundingData) -> Result<(Model, bool)> {
    match by_ap_id(conn, &data.ap_id).await? {
        Some(row) => Ok((update(conn, row, data).await?, false)),
        None => Ok((insert(conn, data).await?, true)),
    }
}

/// Marks a call deleted: its id then answers with a `Tombstone`.
pub async fn mark_deleted<C: ConnectionTrait>(conn: &C, row: Model) -> Result<Model> {
    let mut active: ActiveModel = row.into();
    active.deleted_at = Set(Some(now()));
    Ok(active.update(conn).await?)
}

/// A call by its ActivityPub id (deleted ones included).
pub async fn by_ap_id<C: ConnectionTrait>(conn: &C, ap_id: &str) -> Result<Option<Model>> {
    Ok(Entity::find()
        .filter(Column::ApId.eq(ap_id))
        .one(conn)
        .await?)
}

/// A call by its row id (deleted ones included).
pub async fn by_id<C: ConnectionTrait>(conn: &C, id: i64) -> Result<Option<Model>> {
    Ok(Entity::find_by_id(id).one(conn).await?)
}

/// The live call published by one of our places or networks with this source link, or else
/// with this deduplication key: the same call from another feed.
pub async fn same_call<C: ConnectionTrait>(
    conn: &C,
    source_url: Option<&str>,
    dedup_key: &str,
) -> Result<Option<Model>> {
    let live = Entity::find()
        .filter(Column::DeletedAt.is_null())
        .filter(Column::PlaceId.is_not_null());
    if let Some(url) = source_url
        && let Some(row) = live
            .clone()
            .filter(Column::SourceUrl.eq(url))
            .one(conn)
            .await?
    {
        return Ok(Some(row));
    }
    Ok(live
        .filter(Column::DedupKey.eq(dedup_key))
        .one(conn)
        .await?)
}

/// Live calls still open on `today` (no deadline, or not past), soonest deadline first, those
/// without a deadline last.
pub async fn open<C: ConnectionTrait>(conn: &C, today: NaiveDate) -> Result<Vec<Model>> {
    let mut rows = Entity::find()
        .filter(Column::DeletedAt.is_null())
        .filter(
            Condition::any()
                .add(Column::Deadline.is_null())
                .add(Column::Deadline.gte(today)),
        )
        .order_by_asc(Column::Deadline)
        .order_by_asc(Column::Id)
        .all(conn)
        .await?;
    rows.sort_by_key(|r| (r.deadline.is_none(), r.deadline, r.id));
    Ok(rows)
}

/// Live calls whose deadline has passed on `today`: the archive, latest deadline first.
pub async fn archived<C: ConnectionTrait>(conn: &C, today: NaiveDate) -> Result<Vec<Model>> {
    Ok(Entity::find()
        .filter(Column::DeletedAt.is_null())
        .filter(Column::Deadline.lt(today))
        .order_by_desc(Column::Deadline)
        .order_by_desc(Column::Id)
        .all(conn)
        .await?)
}

/// The live calls a local place or network published, newest first.
pub async fn by_place<C: ConnectionTrait>(conn: &C, place: PlaceId) -> Result<Vec<Model>> {
    Ok(Entity::find()
        .filter(Column::DeletedAt.is_null())
        .filter(Column::PlaceId.eq(place))
        .order_by_desc(Column::Published)
        .order_by_desc(Column::Id)
        .all(conn)
        .await?)
}

/// Every live call, open or not (for counts and exports).
pub async fn count_live<C: ConnectionTrait>(conn: &C) -> Result<u64> {
    use sea_orm::PaginatorTrait;
    Ok(Entity::find()
        .filter(Column::DeletedAt.is_null())
        .count(conn)
        .await?)
}
