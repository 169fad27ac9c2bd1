//! `Reject` of one of our places' follows (or the removal of an accepted one).

use crate::data::Data;
use crate::error::FederationError;
use activitypub_federation::kinds::activity::RejectType;
use activitypub_federation::protocol::verification::verify_domains_match;
use activitypub_federation::traits::Activity;
use galaxie_db::entities::followers::FollowStatus;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use url::Url;

/// A `Reject` whose object is our `Follow`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Reject {
    pub id: Url,
    #[serde(rename = "type")]
    pub kind: RejectType,
    pub actor: Url,
    pub object: Value,
}

#[async_trait::async_trait]
impl Activity for Reject {
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

    async fn receive(self, data: &Data) -> Result<(), FederationError> {
        if crate::network::on_join_answered(data, &self.actor, &self.object, false).await? {
            return Ok(());
        }
        if crate::relay::on_follow_answered(data, &self.actor, &self.object, false).await? {
            return Ok(());
        }
        if let Some(row) =
            super::accept::answered_following(data, &self.actor, &self.object).await?
        {
            galaxie_db::follows::set_following_status(
                data.db().conn(),
                row,
                FollowStatus::Rejected,
            )
            .await?;
        }
        Ok(())
    }
}
