//! `Undo`: a follower leaves (Undo Follow), or one of our places stops following.

use crate::data::Data;
use crate::error::FederationError;
use activitypub_federation::kinds::activity::UndoType;
use activitypub_federation::protocol::verification::verify_domains_match;
use activitypub_federation::traits::Activity;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use url::Url;

/// An `Undo` of an earlier activity (embedded or by id).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Undo {
    pub id: Url,
    #[serde(rename = "type")]
    pub kind: UndoType,
    pub actor: Url,
    pub object: Value,
}

#[async_trait::async_trait]
impl Activity for Undo {
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
        if let Some(inner_actor) = self
            .object
            .get("actor")
            .and_then(crate::protocol::helpers::value_id)
            && inner_actor != self.actor
        {
            return Err(FederationError::Forbidden(
                "an actor can only undo its own activities".into(),
            ));
        }
        Ok(())
    }

    async fn receive(self, data: &Data) -> Result<(), FederationError> {
        let target = self
            .object
            .get("object")
            .and_then(crate::protocol::helpers::value_id);
        match super::object_type(&self.object) {
            Some("Announce") => return crate::timeline::on_unannounce(data, &self).await,
            Some("Join") => {
                if let Some(network) = target.as_ref().and_then(|t| data.urls().place_username(t))
                    && let Some(row) =
                        galaxie_db::places::by_username(data.db().conn(), network).await?
                    && galaxie_db::networks::is_network(&row)
                {
                    crate::network::on_leave(data, row, &self.actor).await?;
                }
                return Ok(());
            }
            Some("Follow") | None => {}
            Some(_) => return Ok(()),
        }
        if target.as_ref().is_some_and(|t| {
            *t == data.urls().instance_actor() || crate::protocol::helpers::is_public(t)
        }) {
            crate::relay::on_unfollow(data, &self.actor).await?;
            return Ok(());
        }
        let conn = data.db().conn();
        let follow_id = crate::protocol::helpers::value_id(&self.object);
        if follow_id.is_some() && target.is_none() {
            // Undo by id only: perhaps a relay subscriber leaving.
            crate::relay::on_unfollow(data, &self.actor).await?;
        }
        for place in galaxie_db::places::list_all(conn).await? {
            let Some(row) =
                galaxie_db::follows::follower(conn, place.id, self.actor.as_str()).await?
            else {
                continue;
            };
            let names_place = target
                .as_ref()
                .is_some_and(|t| data.urls().place_username(t) == Some(place.username.as_str()));
            let same_follow = follow_id
                .as_ref()
                .is_some_and(|f| f.as_str() == row.follow_ap_id);
            if names_place || same_follow {
                galaxie_db::follows::remove_follower(conn, place.id, self.actor.as_str()).await?;
            }
        }
        Ok(())
    }
}
