//! `Announce` (boost, or a network re-sharing a member's post): the announced object is
//! fetched from its origin, so its authenticity does not rest on the announcer.

use crate::data::Data;
use crate::error::FederationError;
use crate::objects::post::ApubPost;
use activitypub_federation::fetch::object_id::ObjectId;
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
        if !galaxie_db::follows::is_followed_locally(data.db().conn(), self.actor.as_str()).await? {
            return Ok(());
        }
        let object_id = super::object_id(&self.object)?;
        if data.urls().is_local(&object_id) {
            return Ok(());
        }
        // Only notes, articles, pages and events are kept; a fetch of anything else fails to
        // parse and is ignored.
        match ObjectId::<ApubPost>::from(object_id)
            .dereference(data)
            .await
        {
            Ok(_) | Err(FederationError::Malformed(_)) => Ok(()),
            Err(FederationError::Remote(why)) if why.contains("parse") => Ok(()),
            Err(err) => Err(err),
        }
    }
}
