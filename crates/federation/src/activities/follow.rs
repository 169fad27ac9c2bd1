//! `Follow`: someone follows one of our places, or one of our places follows someone.

use crate::data::Data;
use crate::error::FederationError;
use crate::objects::actor::ApubActor;
use crate::outbox::{self, Outgoing};
use activitypub_federation::fetch::object_id::ObjectId;
use activitypub_federation::kinds::activity::FollowType;
use activitypub_federation::protocol::verification::verify_domains_match;
use activitypub_federation::traits::Activity;
use galaxie_db::TransactionTrait;
use galaxie_db::entities::followers::FollowStatus;
use serde::{Deserialize, Serialize};
use url::Url;

/// A `Follow`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Follow {
    pub id: Url,
    #[serde(rename = "type")]
    pub kind: FollowType,
    pub actor: Url,
    #[serde(deserialize_with = "crate::protocol::helpers::first_id")]
    pub object: Url,
}

impl Follow {
    /// A follow of `object` by `actor`.
    pub fn new(id: Url, actor: Url, object: Url) -> Self {
        Self {
            id,
            kind: FollowType::Follow,
            actor,
            object,
        }
    }
}

#[async_trait::async_trait]
impl Activity for Follow {
    type DataType = crate::AppData;
    type Error = FederationError;

    fn id(&self) -> &Url {
        &self.id
    }

    fn actor(&self) -> &Url {
        &self.actor
    }

    async fn verify(&self, _data: &Data) -> Result<(), FederationError> {
        verify_domains_match(&self.id, &self.actor)?;
        Ok(())
    }

    /// Records the follower; accepts at once unless the place approves followers by hand.
    async fn receive(self, data: &Data) -> Result<(), FederationError> {
        if self.object == data.urls().instance_actor()
            || crate::protocol::helpers::is_public(&self.object)
        {
            return crate::relay::on_follow(data, &self.id, &self.actor, &self.object).await;
        }
        let place = super::local_place(data, &self.object).await?;
        let follower = ObjectId::<ApubActor>::from(self.actor.clone())
            .dereference(data)
            .await?;
        // A network the place asked to join follows it to receive its activities.
        let joined =
            galaxie_db::networks::joined_by_us(data.db().conn(), place.id, self.actor.as_str())
                .await?;
        let status = if place.manually_approves_followers && !joined {
            FollowStatus::Pending
        } else {
            FollowStatus::Accepted
        };
        let txn = data
            .db()
            .conn()
            .begin_with_options(galaxie_db::WRITE)
            .await?;
        galaxie_db::follows::upsert_follower(
            &txn,
            place.id,
            self.actor.as_str(),
            self.id.as_str(),
            status,
        )
        .await?;
        if status == FollowStatus::Accepted {
            outbox::publish(
                &txn,
                data,
                Outgoing::FollowAccepted {
                    place: place.clone(),
                    follower: follower.row.clone(),
                    follow: self.clone(),
                },
            )
            .await?;
        }
        txn.commit().await?;
        data.ring_delivery_bell();
        Ok(())
    }
}
