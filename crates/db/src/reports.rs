//! Reports (`Flag`) received from other servers, for the instance administrator.

use crate::entities::reports::{ActiveModel, Column, Entity, Model};
use crate::{Result, now};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter,
    QueryOrder,
};

/// A report to record.
#[derive(Debug, Clone)]
pub struct NewReport<'a> {
    /// The `Flag`'s id.
    pub ap_id: &'a str,
    /// Who reported.
    pub actor: &'a str,
    /// The reported actors and objects.
    pub objects: &'a [String],
    /// The reporter's comment.
    pub content: Option<&'a str>,
}

/// Records a report; a `Flag` received twice is recorded once. Returns whether it was new.
pub async fn record<C: ConnectionTrait>(conn: &C, new: NewReport<'_>) -> Result<bool> {
    if by_ap_id(conn, new.ap_id).await?.is_some() {
        return Ok(false);
    }
    let objects = serde_json::to_string(new.objects)
        .map_err(|e| sea_orm::DbErr::Custom(format!("report objects: {e}")))?;
    ActiveModel {
        ap_id: Set(new.ap_id.to_string()),
        actor: Set(new.actor.to_string()),
        objects: Set(objects),
        content: Set(new.content.map(str::to_string)),
        created_at: Set(now()),
        resolved_at: Set(None),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    Ok(true)
}

/// A report by its `Flag`'s id.
pub async fn by_ap_id<C: ConnectionTrait>(conn: &C, ap_id: &str) -> Result<Option<Model>> {
    Ok(Entity::find()
        .filter(Column::ApId.eq(ap_id))
        .one(conn)
        .await?)
}

/// Reports still to handle (`resolved` false) or handled, newest first.
pub async fn list<C: ConnectionTrait>(conn: &C, resolved: bool) -> Result<Vec<Model>> {
    let query = if resolved {
        Entity::find().filter(Column::ResolvedAt.is_not_null())
    } else {
        Entity::find().filter(Column::ResolvedAt.is_null())
    };
    Ok(query.order_by_desc(Column::Id).all(conn).await?)
}

/// Marks a report handled; returns whether it was waiting.
pub async fn resolve<C: ConnectionTrait>(conn: &C, id: i64) -> Result<bool> {
    let Some(row) = Entity::find_by_id(id).one(conn).await? else {
        return Ok(false);
    };
    if row.resolved_at.is_some() {
        return Ok(false);
    }
    let mut active: ActiveModel = row.into();
    active.resolved_at = Set(Some(now()));
    active.update(conn).await?;
    Ok(true)
}

/// The reported URLs of a report.
pub fn objects_of(row: &Model) -> Vec<String> {
    serde_json::from_str(&row.objects).unwrap_or_default()
}
