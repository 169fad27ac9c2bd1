//! An agreement answering a proposal: offered (FEP-0837 `Offer` of an `Agreement`) by the
//! responding place, accepted or rejected by the proposer. Both sides keep a row.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "agreements")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The `Agreement`'s id (minted by the responder).
    #[sea_orm(unique)]
    pub ap_id: String,
    /// The `Offer` activity's id.
    #[sea_orm(unique)]
    pub offer_ap_id: String,
    pub proposal_ap_id: String,
    /// The proposing place's actor id.
    pub proposer: String,
    /// The responding place's actor id.
    pub responder: String,
    /// The responder's message.
    pub message: Option<String>,
    /// `pending`, `accepted` or `rejected`.
    pub status: String,
    pub created_at: DateTimeUtc,
    pub decided_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
