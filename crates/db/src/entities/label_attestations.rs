//! A label attestation: issued by a local network, or received and verified.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "label_attestations")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    #[sea_orm(unique)]
    pub ap_id: String,
    pub label_ap_id: String,
    pub label_name: String,
    /// The network that issued it.
    pub issuer_ap_id: String,
    /// The place that holds it.
    pub holder_ap_id: String,
    pub valid_from: DateTimeUtc,
    pub valid_until: DateTimeUtc,
    /// The signed JSON document, exactly as issued or received.
    pub document: String,
    pub issued_here: bool,
    pub revoked_at: Option<DateTimeUtc>,
    pub received_at: DateTimeUtc,
}

impl Model {
    /// Valid at `at`: not revoked, and within its dates.
    pub fn is_valid_at(&self, at: DateTimeUtc) -> bool {
        self.revoked_at.is_none() && self.valid_from <= at && at < self.valid_until
    }
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
