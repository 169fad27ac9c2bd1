//! Inboxes that failed for the whole retry window; new deliveries to them are not attempted
//! until their server is heard from again.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "dead_inboxes")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub inbox: String,
    pub domain: String,
    pub dead_since: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
