//! API bearer tokens. The token is shown once; only its SHA-256 is stored.

use crate::entities::api_tokens::{ActiveModel, Column, Entity, Model};
use crate::{Result, now};
use rand::RngCore;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter,
};
use sha2::{Digest, Sha256};

fn hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// Creates a token named `name`; returns the row and the secret, which is not stored.
pub async fn create<C: ConnectionTrait>(conn: &C, name: &str) -> Result<(Model, String)> {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    let token = format!("gx_{}", hex::encode(bytes));
    let row = ActiveModel {
        name: Set(name.to_string()),
        token_hash: Set(hash(&token)),
        created_at: Set(now()),
        ..Default::default()
    }
    .insert(conn)
    .await?;
    Ok((row, token))
}

/// Checks a presented token; records its use.
pub async fn verify<C: ConnectionTrait>(conn: &C, token: &str) -> Result<Option<Model>> {
    let Some(row) = Entity::find()
        .filter(Column::TokenHash.eq(hash(token)))
        .one(conn)
        .await?
    else {
        return Ok(None);
    };
    let mut active: ActiveModel = row.into();
    active.last_used_at = Set(Some(now()));
    Ok(Some(active.update(conn).await?))
}
