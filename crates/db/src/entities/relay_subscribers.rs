//! Instances subscribed to this one acting as a relay.

pub use crate::entities::followers::FollowStatus;
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "relay_subscribers")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    #[sea_orm(unique)]
    pub actor_ap_id: String,
    /// Where relayed activities go (the subscriber's shared inbox, or its inbox).
    pub inbox: String,
    /// `mastodon` (it followed Public: it gets the original activities) or `litepub` (it
    /// followed the relay actor: it gets `Announce`s).
    pub kind: String,
    pub follow_ap_id: String,
    pub status: FollowStatus,
    pub created_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
