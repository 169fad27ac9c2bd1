//! Who follows a local place.

use crate::ids::PlaceId;
use sea_orm::entity::prelude::*;

/// A follow's state.
#[derive(Clone, Copy, Debug, PartialEq, Eq, EnumIter, DeriveActiveEnum, serde::Serialize)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::None)")]
#[serde(rename_all = "lowercase")]
pub enum FollowStatus {
    /// Waiting for approval (or, for our own follows, for the Accept).
    #[sea_orm(string_value = "pending")]
    Pending,
    /// In effect.
    #[sea_orm(string_value = "accepted")]
    Accepted,
    /// Refused by the followed actor.
    #[sea_orm(string_value = "rejected")]
    Rejected,
}

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "followers")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub place_id: PlaceId,
    pub actor_ap_id: String,
    /// The id of the `Follow` activity, for the `Accept` or `Reject` that answers it.
    pub follow_ap_id: String,
    pub status: FollowStatus,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
