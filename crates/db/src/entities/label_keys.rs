//! The Ed25519 key a network signs its label attestations with (FEP-521a `assertionMethod`).

use crate::ids::PlaceId;
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "label_keys")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    #[sea_orm(unique)]
    pub place_id: PlaceId,
    /// PKCS#8 v1, base64.
    pub private_key: String,
    /// `z6Mk…`
    pub public_key_multibase: String,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
