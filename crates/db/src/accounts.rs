//! Accounts of the web administration, the places they edit, and their sessions. Passwords are
//! hashed by the caller (argon2, in `galaxie-site`); session tokens are made here, shown once
//! (in the cookie) and stored as their SHA-256, like API tokens.

use crate::entities::accounts::{ActiveModel, Column, Entity, Model, account_places, sessions};
use crate::{DbError, PlaceId, Result, now};
use chrono::{DateTime, Utc};
use rand::RngCore;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder,
};
use sha2::{Digest, Sha256};

fn hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// 32 random bytes as 64 hex digits.
pub fn random_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    hex::encode(bytes)
}

/// Creates an account; the e-mail is stored lower-cased. [`DbError::AlreadyExists`] when the
/// e-mail is taken.
pub async fn create<C: ConnectionTrait>(
    conn: &C,
    email: &str,
    password_hash: &str,
    is_admin: bool,
) -> Result<Model> {
    ActiveModel {
        email: Set(email.trim().to_lowercase()),
        password_hash: Set(password_hash.to_string()),
        is_admin: Set(is_admin),
        created_at: Set(now()),
        last_login_at: Set(None),
        ..Default::default()
    }
    .insert(conn)
    .await
    .map_err(|e| DbError::unique(e, "an account with this e-mail"))
}

/// Finds an account by e-mail (case-insensitive).
pub async fn by_email<C: ConnectionTrait>(conn: &C, email: &str) -> Result<Option<Model>> {
    Ok(Entity::find()
        .filter(Column::Email.eq(email.trim().to_lowercase()))
        .one(conn)
        .await?)
}

/// Finds an account by id.
pub async fn by_id<C: ConnectionTrait>(conn: &C, id: i64) -> Result<Option<Model>> {
    Ok(Entity::find_by_id(id).one(conn).await?)
}

/// Every account, by e-mail.
pub async fn list<C: ConnectionTrait>(conn: &C) -> Result<Vec<Model>> {
    Ok(Entity::find().order_by_asc(Column::Email).all(conn).await?)
}

/// How many accounts exist.
pub async fn count<C: ConnectionTrait>(conn: &C) -> Result<u64> {
    Ok(Entity::find().count(conn).await?)
}

/// Replaces an account's password hash and ends its sessions.
pub async fn set_password<C: ConnectionTrait>(
    conn: &C,
    account: Model,
    password_hash: &str,
) -> Result<Model> {
    let id = account.id;
    let mut active: ActiveModel = account.into();
    active.password_hash = Set(password_hash.to_string());
    let updated = active.update(conn).await?;
    end_sessions_of(conn, id).await?;
    Ok(updated)
}

/// Makes an account an instance administrator, or not.
pub async fn set_admin<C: ConnectionTrait>(
    conn: &C,
    account: Model,
    is_admin: bool,
) -> Result<Model> {
    let mut active: ActiveModel = account.into();
    active.is_admin = Set(is_admin);
    Ok(active.update(conn).await?)
}

/// Records a successful sign-in.
pub async fn touch_login<C: ConnectionTrait>(conn: &C, account: Model) -> Result<Model> {
    let mut active: ActiveModel = account.into();
    active.last_login_at = Set(Some(now()));
    Ok(active.update(conn).await?)
}

/// Lets an account edit a place (idempotent).
pub async fn grant_place<C: ConnectionTrait>(
    conn: &C,
    account_id: i64,
    place_id: PlaceId,
) -> Result<()> {
    if can_edit_place(conn, account_id, place_id).await? {
        return Ok(());
    }
    account_places::ActiveModel {
        account_id: Set(account_id),
        place_id: Set(place_id),
    }
    .insert(conn)
    .await?;
    Ok(())
}

/// Stops an account from editing a place.
pub async fn revoke_place<C: ConnectionTrait>(
    conn: &C,
    account_id: i64,
    place_id: PlaceId,
) -> Result<()> {
    account_places::Entity::delete_many()
        .filter(account_places::Column::AccountId.eq(account_id))
        .filter(account_places::Column::PlaceId.eq(place_id))
        .exec(conn)
        .await?;
    Ok(())
}

/// Whether an account is an editor of a place (administrators are not listed: they edit all).
pub async fn can_edit_place<C: ConnectionTrait>(
    conn: &C,
    account_id: i64,
    place_id: PlaceId,
) -> Result<bool> {
    Ok(account_places::Entity::find()
        .filter(account_places::Column::AccountId.eq(account_id))
        .filter(account_places::Column::PlaceId.eq(place_id))
        .count(conn)
        .await?
        > 0)
}

/// The places an account edits.
pub async fn places_of<C: ConnectionTrait>(conn: &C, account_id: i64) -> Result<Vec<PlaceId>> {
    Ok(account_places::Entity::find()
        .filter(account_places::Column::AccountId.eq(account_id))
        .all(conn)
        .await?
        .into_iter()
        .map(|r| r.place_id)
        .collect())
}

/// The accounts that edit a place.
pub async fn editors_of<C: ConnectionTrait>(conn: &C, place_id: PlaceId) -> Result<Vec<Model>> {
    let ids: Vec<i64> = account_places::Entity::find()
        .filter(account_places::Column::PlaceId.eq(place_id))
        .all(conn)
        .await?
        .into_iter()
        .map(|r| r.account_id)
        .collect();
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(Entity::find()
        .filter(Column::Id.is_in(ids))
        .order_by_asc(Column::Email)
        .all(conn)
        .await?)
}

/// Opens a session for `account_id` until `expires_at`; returns the row and the token for the
/// cookie, which is not stored.
pub async fn create_session<C: ConnectionTrait>(
    conn: &C,
    account_id: i64,
    expires_at: DateTime<Utc>,
) -> Result<(sessions::Model, String)> {
    let token = random_token();
    let row = sessions::ActiveModel {
        token_hash: Set(hash(&token)),
        account_id: Set(account_id),
        csrf_token: Set(random_token()),
        created_at: Set(now()),
        expires_at: Set(expires_at),
        ..Default::default()
    }
    .insert(conn)
    .await
    .map_err(|e| DbError::unique(e, "a session with this token"))?;
    Ok((row, token))
}

/// The live session of a cookie token, with its account; `None` when unknown or expired.
pub async fn session<C: ConnectionTrait>(
    conn: &C,
    token: &str,
) -> Result<Option<(sessions::Model, Model)>> {
    let Some(session) = sessions::Entity::find()
        .filter(sessions::Column::TokenHash.eq(hash(token)))
        .filter(sessions::Column::ExpiresAt.gt(now()))
        .one(conn)
        .await?
    else {
        return Ok(None);
    };
    let Some(account) = by_id(conn, session.account_id).await? else {
        return Ok(None);
    };
    Ok(Some((session, account)))
}

/// Ends the session of a cookie token (signing out).
pub async fn end_session<C: ConnectionTrait>(conn: &C, token: &str) -> Result<()> {
    sessions::Entity::delete_many()
        .filter(sessions::Column::TokenHash.eq(hash(token)))
        .exec(conn)
        .await?;
    Ok(())
}

/// Ends a session by its row id (signing out of the current session).
pub async fn end_session_id<C: ConnectionTrait>(conn: &C, session_id: i64) -> Result<()> {
    sessions::Entity::delete_by_id(session_id)
        .exec(conn)
        .await?;
    Ok(())
}

/// Ends every session of an account (password changed).
pub async fn end_sessions_of<C: ConnectionTrait>(conn: &C, account_id: i64) -> Result<()> {
    sessions::Entity::delete_many()
        .filter(sessions::Column::AccountId.eq(account_id))
        .exec(conn)
        .await?;
    Ok(())
}

/// Deletes expired sessions; returns how many.
pub async fn purge_expired_sessions<C: ConnectionTrait>(conn: &C) -> Result<u64> {
    Ok(sessions::Entity::delete_many()
        .filter(sessions::Column::ExpiresAt.lte(now()))
        .exec(conn)
        .await?
        .rows_affected)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn sessions_are_found_by_token_until_they_end() {
        let dir = tempfile::tempdir().expect("dir");
        let db = crate::Db::connect(&format!(
            "sqlite://{}",
            dir.path().join("t.sqlite").display()
        ))
        .await
        .expect("connect");
        db.migrate().await.expect("migrate");
        let conn = db.conn();
        let account = create(conn, " Camille@Example.ORG ", "$argon2id$x", true)
            .await
            .expect("create");
        assert_eq!(account.email, "camille@example.org");
        assert!(matches!(
            create(conn, "camille@example.org", "$argon2id$y", false).await,
            Err(DbError::AlreadyExists(_))
        ));
        let (row, token) = create_session(conn, account.id, now() + chrono::Duration::hours(1))
            .await
            .expect("session");
        assert_ne!(row.token_hash, token, "only the hash is stored");
        let (found, who) = session(conn, &token).await.expect("find").expect("live");
        assert_eq!((found.id, who.id), (row.id, account.id));
        assert!(session(conn, "not-a-token").await.expect("find").is_none());
        end_session(conn, &token).await.expect("end");
        assert!(session(conn, &token).await.expect("find").is_none());

        let (_, expired) = create_session(conn, account.id, now() - chrono::Duration::seconds(1))
            .await
            .expect("session");
        assert!(session(conn, &expired).await.expect("find").is_none());
        assert_eq!(purge_expired_sessions(conn).await.expect("purge"), 1);
    }
}
