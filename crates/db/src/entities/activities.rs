//! Activities sent and received, with their JSON as sent.

use crate::ids::PlaceId;
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "activities")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    #[sea_orm(unique)]
    pub ap_id: String,
    pub kind: String,
    pub actor_ap_id: String,
    pub object_ap_id: Option<String>,
    /// The local place that sent it, if any.
    pub place_id: Option<PlaceId>,
    pub local: bool,
    /// Whether it is addressed to the public (and so listed in the outbox).
    pub public: bool,
    /// The activity's JSON, exactly as sent.
    pub payload: String,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
