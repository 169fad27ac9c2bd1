//! `Announce` (boost, or a network re-sharing a member's post): the announced object is
//! fetched from its origin, so its authenticity does not rest on the announcer.

use crate::data::Data;
use crate::error::FederationError;
use activitypub_federation::kinds::activity::AnnounceType;
use activitypub_federation::protocol::verification::verify_domains_match;
use activitypub_federation::traits::Activity;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use url::Url;

/// An `Announce`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Announce {
    pub id: Url,
    #[serde(rename = "type")]
    pub kind: AnnounceType,
    pub actor: Url,
    #[serde(default, deserialize_with = "crate::protocol::helpers::audience")]
    pub to: Vec<Url>,
    #[serde(
        default,
        deserialize_with = "crate::protocol::helpers::audience",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub cc: Vec<Url>,
    pub object: Value,
}

#[async_trait::async_trait]
impl Activity for Announce {
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
        super::object_id(&self.object)?;
        Ok(())
    }

    async fn receive(self, data: &Data) -> Result<(), FederationError> {
        crate::timeline::on_announce(data, &self).await
    }
}
