//! Remote actors.

use crate::entities::actors::{ActiveModel, Column, Entity, Model};
use crate::{Result, now};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter,
    TryIntoModel,
};

/// What we keep of a remote actor.
#[derive(Debug, Clone)]
pub struct ActorData {
    pub ap_id: String,
    pub kind: String,
    pub preferred_username: Option<String>,
    pub name: Option<String>,
    pub summary: Option<String>,
    pub domain: String,
    pub inbox: String,
    pub shared_inbox: Option<String>,
    pub outbox: Option<String>,
    pub followers: Option<String>,
    pub url: Option<String>,
    pub icon_url: Option<String>,
    pub public_key_id: String,
    pub public_key_pem: String,
    pub manually_approves_followers: bool,
}

/// Inserts or refreshes a remote actor.
pub async fn upsert<C: ConnectionTrait>(conn: &C, data: ActorData) -> Result<Model> {
    let existing = by_ap_id(conn, &data.ap_id).await?;
    let now = now();
    let mut active = match existing {
        Some(row) => row.into(),
        None => ActiveModel {
            ap_id: Set(data.ap_id.clone()),
            created_at: Set(now),
            ..Default::default()
        },
    };
    active.kind = Set(data.kind);
    active.preferred_username = Set(data.preferred_username);
    active.name = Set(data.name);
    active.summary = Set(data.summary);
    active.domain = Set(data.domain);
    active.inbox = Set(data.inbox);
    active.shared_inbox = Set(data.shared_inbox);
    active.outbox = Set(data.outbox);
    active.followers = Set(data.followers);
    active.url = Set(data.url);
    active.icon_url = Set(data.icon_url);
    active.public_key_id = Set(data.public_key_id);
    active.public_key_pem = Set(data.public_key_pem);
    active.manually_approves_followers = Set(data.manually_approves_followers);
    active.last_fetched_at = Set(now);
    Ok(active.save(conn).await?.try_into_model()?)
}

/// Finds a remote actor by its ActivityPub id.
pub async fn by_ap_id<C: ConnectionTrait>(conn: &C, ap_id: &str) -> Result<Option<Model>> {
    Ok(Entity::find()
        .filter(Column::ApId.eq(ap_id))
        .one(conn)
        .await?)
}

/// Forgets a remote actor (after its `Delete`).
pub async fn delete<C: ConnectionTrait>(conn: &C, ap_id: &str) -> Result<()> {
    Entity::delete_many()
        .filter(Column::ApId.eq(ap_id))
        .exec(conn)
        .await?;
    Ok(())
}
