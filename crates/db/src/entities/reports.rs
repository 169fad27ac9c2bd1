//! A report (`Flag`) received from another server.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "reports")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The `Flag`'s id.
    #[sea_orm(unique)]
    pub ap_id: String,
    /// Who reported (often a server's instance actor).
    pub actor: String,
    /// A JSON array of the reported actors and objects.
    pub objects: String,
    /// The reporter's comment.
    pub content: Option<String>,
    pub created_at: DateTimeUtc,
    /// When an administrator marked it handled.
    pub resolved_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
