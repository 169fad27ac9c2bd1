//! Activities accepted at the inbox, waiting to be applied.

use sea_orm::entity::prelude::*;

/// Where a queued activity stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, EnumIter, DeriveActiveEnum)]
#[sea_orm(rs_type = "String", db_type = "String(StringLen::None)")]
pub enum InboxStatus {
    /// Waiting to be applied.
    #[sea_orm(string_value = "pending")]
    Pending,
    /// Applied.
    #[sea_orm(string_value = "done")]
    Done,
    /// Could not be applied after several attempts; kept for inspection.
    #[sea_orm(string_value = "failed")]
    Failed,
}

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "inbox_queue")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    #[sea_orm(unique)]
    pub ap_id: String,
    pub kind: String,
    pub actor_ap_id: String,
    /// The activity's JSON as received.
    pub payload: String,
    pub status: InboxStatus,
    pub attempts: i32,
    pub next_attempt_at: DateTimeUtc,
    pub claimed_until: Option<DateTimeUtc>,
    pub last_error: Option<String>,
    pub received_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
