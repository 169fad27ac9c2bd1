//! The instance's own key pair (its `Application` actor).

use crate::entities::instance::{ActiveModel, Entity, Model};
use crate::places::KeyPair;
use crate::{Result, now};
use sea_orm::{ActiveModelTrait, ActiveValue::Set, ConnectionTrait, EntityTrait};

/// The instance row, once created.
pub async fn get<C: ConnectionTrait>(conn: &C) -> Result<Option<Model>> {
    Ok(Entity::find_by_id(1i64).one(conn).await?)
}

/// Creates the instance row with `keys` on first start. Two processes starting together on
/// one database agree on one key pair: the loser of the insert race reads the winner's row.
pub async fn insert_or_get<C: ConnectionTrait>(conn: &C, keys: KeyPair) -> Result<Model> {
    let inserted = ActiveModel {
        id: Set(1),
        public_key_pem: Set(keys.public_key_pem),
        private_key_pem: Set(keys.private_key_pem),
        created_at: Set(now()),
    }
    .insert(conn)
    .await;
    match inserted {
        Ok(row) => Ok(row),
        Err(err) => Entity::find_by_id(1i64)
            .one(conn)
            .await?
            .ok_or(crate::DbError::Db(err)),
    }
}
