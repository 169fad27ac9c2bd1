//! A cooperation proposal (FEP-0837 `Proposal`): one of our places' offers or requests, or
//! one received from another instance.

use crate::ids::PlaceId;
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "proposals")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    #[sea_orm(unique)]
    pub ap_id: String,
    /// Set for our places' proposals.
    pub place_id: Option<PlaceId>,
    /// The proposing place's actor id.
    pub actor: String,
    /// `offer` or `request`.
    pub purpose: String,
    /// A slug of the `cooperation` vocabulary scheme.
    pub kind: String,
    pub name: String,
    /// The one-line French summary.
    pub summary: String,
    /// Sanitised HTML.
    pub content: Option<String>,
    pub quantity: f64,
    /// `one`, `hour` or `day`.
    pub unit: String,
    /// What is expected in return, in words.
    pub reciprocal: Option<String>,
    /// The proposer's département (INSEE code), from the directory.
    pub departement: Option<String>,
    pub local: bool,
    pub published: DateTimeUtc,
    pub received_at: DateTimeUtc,
    pub deleted_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
