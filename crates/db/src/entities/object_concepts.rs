//! The vocabulary concepts of each object (its tags and its event category), as
//! `scheme/slug` paths.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "object_concepts")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub concept: String,
    #[sea_orm(primary_key, auto_increment = false)]
    pub object_id: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
