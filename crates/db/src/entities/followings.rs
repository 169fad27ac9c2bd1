//! Whom a local place follows.

pub use crate::entities::followers::FollowStatus;
use crate::ids::PlaceId;
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "followings")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub place_id: PlaceId,
    pub target_ap_id: String,
    pub follow_ap_id: String,
    pub status: FollowStatus,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
