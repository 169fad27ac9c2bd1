//! A label defined by a local network.

use crate::ids::PlaceId;
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "labels")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The network (a `places` row of kind `network`).
    pub network_id: PlaceId,
    pub slug: String,
    #[sea_orm(unique)]
    pub ap_id: String,
    pub name: String,
    /// A JSON array of the criteria.
    pub criteria: String,
    /// How long a grant lasts by default, in months.
    pub validity_months: Option<i32>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
}

impl Model {
    /// The criteria, in order.
    pub fn criteria_list(&self) -> Vec<String> {
        serde_json::from_str(&self.criteria).unwrap_or_default()
    }
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
