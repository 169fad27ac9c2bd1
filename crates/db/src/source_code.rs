//! Our places' code-source articles and the forks their origins were told about.

use crate::entities::{place_forks, source_articles};
use crate::ids::PlaceId;
use crate::{DbError, Result, now};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter,
    QueryOrder,
};

/// An article to store.
#[derive(Debug, Clone)]
pub struct ArticleData {
    pub ap_id: String,
    pub place_id: PlaceId,
    pub kind: String,
    pub name: String,
    pub summary: String,
    /// Sanitised HTML.
    pub content: String,
    pub license: String,
    pub fork_of: Option<String>,
    pub original_author: Option<String>,
    pub attribution: Option<String>,
}

/// Stores an article.
pub async fn insert<C: ConnectionTrait>(
    conn: &C,
    data: ArticleData,
) -> Result<source_articles::Model> {
    source_articles::ActiveModel {
        ap_id: Set(data.ap_id),
        place_id: Set(data.place_id),
        kind: Set(data.kind),
        name: Set(data.name),
        summary: Set(data.summary),
        content: Set(data.content),
        license: Set(data.license),
        fork_of: Set(data.fork_of),
        original_author: Set(data.original_author),
        attribution: Set(data.attribution),
        published: Set(now()),
        ..Default::default()
    }
    .insert(conn)
    .await
    .map_err(|e| DbError::unique(e, "article"))
}

/// A place's articles, oldest first (the order they were written in).
pub async fn of_place<C: ConnectionTrait>(
    conn: &C,
    place_id: PlaceId,
) -> Result<Vec<source_articles::Model>> {
    Ok(source_articles::Entity::find()
        .filter(source_articles::Column::PlaceId.eq(place_id))
        .order_by_asc(source_articles::Column::Id)
        .all(conn)
        .await?)
}

/// An article by its ActivityPub id.
pub async fn by_ap_id<C: ConnectionTrait>(
    conn: &C,
    ap_id: &str,
) -> Result<Option<source_articles::Model>> {
    Ok(source_articles::Entity::find()
        .filter(source_articles::Column::ApId.eq(ap_id))
        .one(conn)
        .await?)
}

/// Records that `fork_actor` started from `place_id`; told twice, recorded once. Returns
/// whether it is new.
pub async fn record_fork<C: ConnectionTrait>(
    conn: &C,
    place_id: PlaceId,
    fork_actor: &str,
    fork_name: Option<&str>,
) -> Result<bool> {
    let existing = place_forks::Entity::find()
        .filter(place_forks::Column::PlaceId.eq(place_id))
        .filter(place_forks::Column::ForkActor.eq(fork_actor))
        .one(conn)
        .await?;
    if existing.is_some() {
        return Ok(false);
    }
    place_forks::ActiveModel {
        place_id: Set(place_id),
        fork_actor: Set(fork_actor.to_string()),
        fork_name: Set(fork_name.map(str::to_string)),
        created_at: Set(now()),
        ..Default::default()
    }
    .insert(conn)
    .await
    .map_err(|e| DbError::unique(e, "fork"))?;
    Ok(true)
}

/// The forks of a place, oldest first.
pub async fn forks_of<C: ConnectionTrait>(
    conn: &C,
    place_id: PlaceId,
) -> Result<Vec<place_forks::Model>> {
    Ok(place_forks::Entity::find()
        .filter(place_forks::Column::PlaceId.eq(place_id))
        .order_by_asc(place_forks::Column::Id)
        .all(conn)
        .await?)
}
