//! Uploaded images: one row per upload, pointing to content-addressed files (the cleaned image
//! and its thumbnail, named by their SHA-256) in the media folder. [`object_media`] attaches
//! them to objects, in order.

use crate::ids::PlaceId;
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "media")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The id shown by the API.
    #[sea_orm(unique)]
    pub public_id: Uuid,
    /// The local place it was uploaded for, if any.
    pub place_id: Option<PlaceId>,
    /// SHA-256 of the cleaned image, 64 lowercase hex digits: its file name and URL.
    pub sha256: String,
    /// `image/jpeg`, `image/png` or `image/webp`.
    pub media_type: String,
    pub width: i32,
    pub height: i32,
    /// Size of the cleaned file.
    pub bytes: i64,
    /// Alternative text (ActivityPub `name`).
    pub alt: String,
    /// Mastodon's `focalPoint`, both set or both `None`.
    pub focal_x: Option<f64>,
    pub focal_y: Option<f64>,
    /// SHA-256 of the thumbnail, same format as the image.
    pub thumbnail_sha256: String,
    pub thumbnail_width: i32,
    pub thumbnail_height: i32,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}

/// The images attached to an object, in order.
pub mod object_media {
    use sea_orm::entity::prelude::*;

    #[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
    #[sea_orm(table_name = "object_media")]
    pub struct Model {
        #[sea_orm(primary_key, auto_increment = false)]
        pub object_id: i64,
        #[sea_orm(primary_key, auto_increment = false)]
        pub media_id: i64,
        /// 0 for the first image.
        pub position: i32,
    }

    #[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
    pub enum Relation {}

    impl ActiveModelBehavior for ActiveModel {}
}
