//! Uploaded images and their attachment to objects. Only rows live here; the files are the web
//! layer's, in the media folder, named by [`Model::sha256`] and [`Model::thumbnail_sha256`].

use crate::entities::media::object_media;
use crate::entities::media::{ActiveModel, Column, Entity, Model};
use crate::{DbError, PlaceId, Result, now};
use galaxie_domain::media::{FocalPoint, ImageType};
use rand::RngCore;
use sea_orm::prelude::Uuid;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder,
};
use sha2::{Digest, Sha256};

/// A cleaned, stored image and its thumbnail, to be recorded.
#[derive(Debug, Clone, PartialEq)]
pub struct NewMedia {
    pub place_id: Option<PlaceId>,
    pub sha256: String,
    pub media_type: ImageType,
    pub width: u32,
    pub height: u32,
    pub bytes: u64,
    pub alt: String,
    pub focal_point: Option<FocalPoint>,
    pub thumbnail_sha256: String,
    pub thumbnail_width: u32,
    pub thumbnail_height: u32,
}

/// The name a file is stored under: the SHA-256 of its bytes, as 64 lowercase hex digits.
pub fn content_name(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

fn int(v: u32) -> i32 {
    i32::try_from(v).unwrap_or(i32::MAX)
}

/// A random (version 4) UUID.
fn new_public_id() -> Uuid {
    let mut bytes = [0u8; 16];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    Uuid::from_bytes(bytes)
}

/// Records an uploaded image, with a new public id.
pub async fn insert<C: ConnectionTrait>(conn: &C, media: NewMedia) -> Result<Model> {
    ActiveModel {
        public_id: Set(new_public_id()),
        place_id: Set(media.place_id),
        sha256: Set(media.sha256),
        media_type: Set(media.media_type.mime().to_string()),
        width: Set(int(media.width)),
        height: Set(int(media.height)),
        bytes: Set(i64::try_from(media.bytes).unwrap_or(i64::MAX)),
        alt: Set(media.alt),
        focal_x: Set(media.focal_point.map(|f| f.x)),
        focal_y: Set(media.focal_point.map(|f| f.y)),
        thumbnail_sha256: Set(media.thumbnail_sha256),
        thumbnail_width: Set(int(media.thumbnail_width)),
        thumbnail_height: Set(int(media.thumbnail_height)),
        created_at: Set(now()),
        ..Default::default()
    }
    .insert(conn)
    .await
    .map_err(|e| DbError::unique(e, "a media with this id"))
}

/// Finds an image by the id the API shows (a UUID); a malformed id is simply not found.
pub async fn by_public_id<C: ConnectionTrait>(conn: &C, public_id: &str) -> Result<Option<Model>> {
    let Ok(public_id) = Uuid::parse_str(public_id.trim()) else {
        return Ok(None);
    };
    Ok(Entity::find()
        .filter(Column::PublicId.eq(public_id))
        .one(conn)
        .await?)
}

/// Finds images by their public ids, in the order given (duplicates dropped);
/// [`DbError::NotFound`] when one is unknown.
pub async fn by_public_ids<C: ConnectionTrait>(
    conn: &C,
    public_ids: &[String],
) -> Result<Vec<Model>> {
    let mut found: Vec<Model> = Vec::with_capacity(public_ids.len());
    for public_id in public_ids {
        let row = by_public_id(conn, public_id)
            .await?
            .ok_or(DbError::NotFound("media"))?;
        if !found.iter().any(|m| m.id == row.id) {
            found.push(row);
        }
    }
    Ok(found)
}

/// Finds an image by row id.
pub async fn by_row_id<C: ConnectionTrait>(conn: &C, id: i64) -> Result<Option<Model>> {
    Ok(Entity::find_by_id(id).one(conn).await?)
}

/// An image whose cleaned file is `sha256` (uploads of the same picture share one file; any of
/// their rows is returned).
pub async fn by_sha256<C: ConnectionTrait>(conn: &C, sha256: &str) -> Result<Option<Model>> {
    Ok(Entity::find()
        .filter(Column::Sha256.eq(sha256))
        .order_by_asc(Column::Id)
        .one(conn)
        .await?)
}

/// Replaces the images attached to `object_id` with `media_ids`, in that order (duplicates
/// dropped). [`DbError::NotFound`] when an image does not exist. Run it in the transaction
/// that writes the object.
pub async fn attach<C: ConnectionTrait>(conn: &C, object_id: i64, media_ids: &[i64]) -> Result<()> {
    let mut ids: Vec<i64> = Vec::with_capacity(media_ids.len());
    for id in media_ids {
        if !ids.contains(id) {
            ids.push(*id);
        }
    }
    let known = Entity::find()
        .filter(Column::Id.is_in(ids.clone()))
        .count(conn)
        .await?;
    if known != ids.len() as u64 {
        return Err(DbError::NotFound("media"));
    }
    object_media::Entity::delete_many()
        .filter(object_media::Column::ObjectId.eq(object_id))
        .exec(conn)
        .await?;
    if ids.is_empty() {
        return Ok(());
    }
    let rows = ids
        .iter()
        .enumerate()
        .map(|(position, media_id)| object_media::ActiveModel {
            object_id: Set(object_id),
            media_id: Set(*media_id),
            position: Set(i32::try_from(position).unwrap_or(i32::MAX)),
        });
    object_media::Entity::insert_many(rows).exec(conn).await?;
    Ok(())
}

/// The images attached to `object_id`, in order.
pub async fn for_object<C: ConnectionTrait>(conn: &C, object_id: i64) -> Result<Vec<Model>> {
    let links = object_media::Entity::find()
        .filter(object_media::Column::ObjectId.eq(object_id))
        .order_by_asc(object_media::Column::Position)
        .all(conn)
        .await?;
    if links.is_empty() {
        return Ok(Vec::new());
    }
    let mut rows = Entity::find()
        .filter(Column::Id.is_in(links.iter().map(|l| l.media_id)))
        .all(conn)
        .await?;
    Ok(links
        .iter()
        .filter_map(|link| {
            let at = rows.iter().position(|m| m.id == link.media_id)?;
            Some(rows.swap_remove(at))
        })
        .collect())
}

/// How many images are recorded; for tests and metrics.
pub async fn count_all<C: ConnectionTrait>(conn: &C) -> Result<u64> {
    Ok(Entity::find().count(conn).await?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn public_ids_are_version_4_uuids() {
        let id = new_public_id();
        assert_eq!(id.get_version_num(), 4);
        assert_ne!(id, new_public_id());
    }
}
