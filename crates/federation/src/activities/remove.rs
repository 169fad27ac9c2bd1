//! `Remove` and `Block` from a network one of our places belongs to: the network removed (or
//! barred) the place. Other uses (Mastodon's featured collection, user blocks) are
//! acknowledged and ignored.

use crate::data::Data;
use crate::error::FederationError;
use activitypub_federation::protocol::verification::verify_domains_match;
use activitypub_federation::traits::Activity;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use url::Url;

/// A `Remove` or a `Block`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Sanction {
    pub id: Url,
    #[serde(rename = "type")]
    pub kind: String,
    pub actor: Url,
    pub object: Value,
}

#[async_trait::async_trait]
impl Activity for Sanction {
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
        crate::network::on_removed(data, &self.actor, &self.object, self.kind == "Block").await
    }
}
