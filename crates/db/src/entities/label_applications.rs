//! A place's application for a label (`Offer`), on the network's side, the place's, or both
//! when they share the instance.

use sea_orm::entity::prelude::*;

/// Where an application stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, EnumIter, DeriveActiveEnum, serde::Serialize)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::None)")]
#[serde(rename_all = "lowercase")]
pub enum ApplicationStatus {
    /// Waits for a moderator of the network.
    #[sea_orm(string_value = "pending")]
    Pending,
    /// Approved: an attestation was issued.
    #[sea_orm(string_value = "approved")]
    Approved,
    /// Refused by a moderator.
    #[sea_orm(string_value = "refused")]
    Refused,
}

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "label_applications")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The `Offer`'s id.
    #[sea_orm(unique)]
    pub ap_id: String,
    pub label_ap_id: String,
    pub network_ap_id: String,
    pub applicant_ap_id: String,
    /// A JSON array of the answers, in the order of the criteria.
    pub answers: String,
    pub status: ApplicationStatus,
    pub reason: Option<String>,
    /// The attestation issued on approval.
    pub attestation_ap_id: Option<String>,
    pub created_at: DateTimeUtc,
    pub decided_at: Option<DateTimeUtc>,
}

impl Model {
    /// The answers, in order.
    pub fn answer_list(&self) -> Vec<String> {
        serde_json::from_str(&self.answers).unwrap_or_default()
    }
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
