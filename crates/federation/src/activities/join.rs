//! `Join` and `Leave` of one of our networks (FEP-1b12 groups, Mobilizon's vocabulary).

use crate::data::Data;
use crate::error::FederationError;
use activitypub_federation::protocol::verification::verify_domains_match;
use activitypub_federation::traits::Activity;
use serde::{Deserialize, Serialize};
use url::Url;

/// A `Join` (asks for membership) or a `Leave` (ends it).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Membership {
    pub id: Url,
    #[serde(rename = "type")]
    pub kind: String,
    pub actor: Url,
    #[serde(deserialize_with = "crate::protocol::helpers::first_id")]
    pub object: Url,
}

#[async_trait::async_trait]
impl Activity for Membership {
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
        if !matches!(self.kind.as_str(), "Join" | "Leave") {
            return Err(FederationError::Malformed(format!(
                "{} is not a Join or a Leave",
                self.kind
            )));
        }
        Ok(())
    }

    /// A `Join` or `Leave` of anything but one of our networks (a Mobilizon event, a place)
    /// is acknowledged and ignored.
    async fn receive(self, data: &Data) -> Result<(), FederationError> {
        let Some(username) = data.urls().place_username(&self.object) else {
            return Ok(());
        };
        let Some(network) = galaxie_db::places::by_username(data.db().conn(), username).await?
        else {
            return Ok(());
        };
        if !galaxie_db::networks::is_network(&network) {
            return Ok(());
        }
        if self.kind == "Join" {
            crate::network::on_join(data, network, &self.id, &self.actor).await
        } else {
            crate::network::on_leave(data, network, &self.actor).await
        }
    }
}
