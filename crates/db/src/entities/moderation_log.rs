//! A network's public moderation log.

use crate::ids::PlaceId;
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "moderation_log")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub network_id: PlaceId,
    /// `accept`, `refuse`, `leave`, `remove-member`, `block-member`, `withdraw-post`,
    /// `reject-activity`.
    pub action: String,
    /// The actor or object concerned.
    pub target: String,
    pub reason: Option<String>,
    /// The activity that told it, if any.
    pub activity_ap_id: Option<String>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
