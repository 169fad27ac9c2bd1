//! Remote actors.

use crate::entities::actors::{ActiveModel, Column, Entity, Model};
use crate::{Result, now};
use sea_orm::sea_query::OnConflict;
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};

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

/// Inserts or refreshes a remote actor, in one statement (`INSERT … ON CONFLICT (ap_id) DO
/// UPDATE … RETURNING`): concurrent fetches of a new actor (its first burst of POSTs) both
/// succeed instead of one failing on the unique id. The creation time is kept.
pub async fn upsert<C: ConnectionTrait>(conn: &C, data: ActorData) -> Result<Model> {
    let now = now();
    let active = ActiveModel {
        ap_id: Set(data.ap_id),
        kind: Set(data.kind),
        preferred_username: Set(data.preferred_username),
        name: Set(data.name),
        summary: Set(data.summary),
        domain: Set(data.domain),
        inbox: Set(data.inbox),
        shared_inbox: Set(data.shared_inbox),
        outbox: Set(data.outbox),
        followers: Set(data.followers),
        url: Set(data.url),
        icon_url: Set(data.icon_url),
        public_key_id: Set(data.public_key_id),
        public_key_pem: Set(data.public_key_pem),
        manually_approves_followers: Set(data.manually_approves_followers),
        last_fetched_at: Set(now),
        created_at: Set(now),
        ..Default::default()
    };
    let refreshed = OnConflict::column(Column::ApId)
        .update_columns([
            Column::Kind,
            Column::PreferredUsername,
            Column::Name,
            Column::Summary,
            Column::Domain,
            Column::Inbox,
            Column::SharedInbox,
            Column::Outbox,
            Column::Followers,
            Column::Url,
            Column::IconUrl,
            Column::PublicKeyId,
            Column::PublicKeyPem,
            Column::ManuallyApprovesFollowers,
            Column::LastFetchedAt,
        ])
        .to_owned();
    Ok(Entity::insert(active)
        .on_conflict(refreshed)
        .exec_with_returning(conn)
        .await?)
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
    // A deleted place leaves the federated directory too.
    crate::directory::remove(conn, ap_id).await?;
    Ok(())
}
