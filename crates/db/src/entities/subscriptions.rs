//! What the instance actor follows: places and networks for the timeline, and relays.

pub use crate::entities::followers::FollowStatus;
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "subscriptions")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The followed actor, or the relay's inbox for a Mastodon-style relay.
    #[sea_orm(unique)]
    pub target_ap_id: String,
    /// `actor`, `relay-mastodon` (a `Follow` of Public) or `relay-litepub` (a `Follow` of the
    /// relay actor).
    pub kind: String,
    /// Where the `Follow` went.
    pub inbox: String,
    pub follow_ap_id: String,
    pub status: FollowStatus,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
