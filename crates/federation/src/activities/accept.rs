//! `Accept` of one of our places' follows.

use crate::data::Data;
use crate::error::FederationError;
use activitypub_federation::kinds::activity::AcceptType;
use activitypub_federation::protocol::verification::verify_domains_match;
use activitypub_federation::traits::Activity;
use galaxie_db::entities::followers::FollowStatus;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use url::Url;

/// An `Accept` whose object is our `Follow` (embedded or by id).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Accept {
    pub id: Url,
    #[serde(rename = "type")]
    pub kind: AcceptType,
    pub actor: Url,
    pub object: Value,
}

/// Finds the follow answered by an `Accept` or `Reject` from `actor`.
pub(crate) async fn answered_following(
    data: &Data,
    actor: &Url,
    object: &Value,
) -> Result<Option<galaxie_db::entities::followings::Model>, FederationError> {
    let conn = data.db().conn();
    if let Some(follow_id) = crate::protocol::helpers::value_id(object)
        && let Some(row) =
            galaxie_db::follows::following_by_follow_id(conn, follow_id.as_str(), actor.as_str())
                .await?
    {
        return Ok(Some(row));
    }
    // Some servers answer with a Follow whose id they do not echo: match by the embedded
    // follow's actor (our place) instead.
    let Some(follower) = object
        .get("actor")
        .and_then(crate::protocol::helpers::value_id)
    else {
        return Ok(None);
    };
    let Some(username) = data.urls().place_username(&follower) else {
        return Ok(None);
    };
    let Some(place) = galaxie_db::places::by_username(conn, username).await? else {
        return Ok(None);
    };
    let pending = galaxie_db::follows::pending_followings_of_target(conn, actor.as_str()).await?;
    Ok(pending.into_iter().find(|f| f.place_id == place.id))
}

#[async_trait::async_trait]
impl Activity for Accept {
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
        if crate::network::on_join_answered(data, &self.actor, &self.object, true).await? {
            return Ok(());
        }
        if crate::relay::on_follow_answered(data, &self.actor, &self.object, true).await? {
            return Ok(());
        }
        if let Some(row) = answered_following(data, &self.actor, &self.object).await? {
            let first = row.status != FollowStatus::Accepted;
            galaxie_db::follows::set_following_status(
                data.db().conn(),
                row,
                FollowStatus::Accepted,
            )
            .await?;
            if first {
                // A new timeline is not empty: fetch the recent items of its outbox.
                crate::backfill::spawn(data, self.actor.clone());
            }
        }
        Ok(())
    }
}
