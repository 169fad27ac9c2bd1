//! A place that started from one of our places' code source and told it (`gx:forks`).

use crate::ids::PlaceId;
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "place_forks")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// Our place, the origin.
    pub place_id: PlaceId,
    /// The fork's actor id.
    pub fork_actor: String,
    pub fork_name: Option<String>,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
