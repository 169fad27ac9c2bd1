//! By which paths a received object came.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "object_sources")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    pub object_ap_id: String,
    /// The author (received directly), or the network or relay that announced it.
    pub via_ap_id: String,
    /// The `Announce` that brought it, if any.
    pub announce_ap_id: Option<String>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
