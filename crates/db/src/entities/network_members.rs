//! Members of a local network (a `Group`).

use crate::ids::PlaceId;
use sea_orm::entity::prelude::*;

/// Where a membership stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, EnumIter, DeriveActiveEnum, serde::Serialize)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::None)")]
#[serde(rename_all = "lowercase")]
pub enum MemberStatus {
    /// Asked to join; waits for a moderator.
    #[sea_orm(string_value = "pending")]
    Pending,
    /// A member: its public activities are announced.
    #[sea_orm(string_value = "accepted")]
    Accepted,
    /// Refused by a moderator.
    #[sea_orm(string_value = "refused")]
    Refused,
    /// Left on its own.
    #[sea_orm(string_value = "left")]
    Left,
    /// Removed by a moderator.
    #[sea_orm(string_value = "removed")]
    Removed,
    /// Removed and barred from joining again.
    #[sea_orm(string_value = "blocked")]
    Blocked,
}

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "network_members")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The network (a `places` row of kind `network`).
    pub network_id: PlaceId,
    pub member_ap_id: String,
    /// The member's actor type (`Organization`, `Group`…), when known.
    pub member_kind: Option<String>,
    /// The `Join` that asked.
    pub join_ap_id: String,
    /// The network's `Follow` of the member, which brings its activities to the network.
    pub follow_ap_id: Option<String>,
    pub status: MemberStatus,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
