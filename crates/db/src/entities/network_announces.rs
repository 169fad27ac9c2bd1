//! What a local network announced: one row per announced activity.

use crate::ids::PlaceId;
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "network_announces")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub network_id: PlaceId,
    /// The announced activity (a member's `Create`, `Update` or `Delete`).
    pub inner_ap_id: String,
    pub inner_kind: String,
    /// The member who did it.
    pub inner_actor: String,
    /// The object the activity is about.
    pub object_ap_id: Option<String>,
    /// Our `Announce`.
    pub announce_ap_id: String,
    /// Set when a moderator withdrew it.
    pub withdrawn_at: Option<DateTimeUtc>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
