//! Domain blocks.

use crate::entities::domain_blocks::{ActiveModel, Column, Entity, Model};
use crate::{DbError, Result, now};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder,
};

/// Blocks a domain (lowercased).
pub async fn block_domain<C: ConnectionTrait>(
    conn: &C,
    domain: &str,
    reason: Option<&str>,
) -> Result<Model> {
    ActiveModel {
        domain: Set(domain.to_ascii_lowercase()),
        reason: Set(reason.map(str::to_string)),
        created_at: Set(now()),
        ..Default::default()
    }
    .insert(conn)
    .await
    .map_err(|e| DbError::unique(e, "a block of this domain"))
}

/// Lifts a domain block; returns whether one existed.
pub async fn unblock_domain<C: ConnectionTrait>(conn: &C, domain: &str) -> Result<bool> {
    let res = Entity::delete_many()
        .filter(Column::Domain.eq(domain.to_ascii_lowercase()))
        .exec(conn)
        .await?;
    Ok(res.rows_affected > 0)
}

/// Whether `domain` is blocked.
pub async fn is_blocked<C: ConnectionTrait>(conn: &C, domain: &str) -> Result<bool> {
    Ok(Entity::find()
        .filter(Column::Domain.eq(domain.to_ascii_lowercase()))
        .count(conn)
        .await?
        > 0)
}

/// Every blocked domain.
pub async fn list<C: ConnectionTrait>(conn: &C) -> Result<Vec<Model>> {
    Ok(Entity::find()
        .order_by_asc(Column::Domain)
        .all(conn)
        .await?)
}
