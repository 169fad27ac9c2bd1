//! `Delete` of a post we keep, or of an actor (account deleted).

use crate::data::Data;
use crate::error::FederationError;
use activitypub_federation::kinds::activity::DeleteType;
use activitypub_federation::protocol::verification::verify_domains_match;
use activitypub_federation::traits::Activity;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use url::Url;

/// A `Delete`; its object is an id or a `Tombstone`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Delete {
    pub id: Url,
    #[serde(rename = "type")]
    pub kind: DeleteType,
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
impl Activity for Delete {
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
        let object_id = super::object_id(&self.object)?;
        verify_domains_match(&object_id, &self.actor).map_err(|_| {
            FederationError::Forbidden(format!("object {object_id} is not on the sender's host"))
        })?;
        Ok(())
    }

    async fn receive(self, data: &Data) -> Result<(), FederationError> {
        let conn = data.db().conn();
        let object_id = super::object_id(&self.object)?;
        if object_id == self.actor {
            galaxie_db::follows::remove_actor_everywhere(conn, self.actor.as_str()).await?;
            galaxie_db::objects::delete_by_author(conn, self.actor.as_str()).await?;
            galaxie_db::actors::delete(conn, self.actor.as_str()).await?;
            return Ok(());
        }
        if crate::funding::receive_delete(data, &self.actor, object_id.as_str()).await? {
            return Ok(());
        }
        if let Some(row) = galaxie_db::objects::by_ap_id(conn, object_id.as_str()).await? {
            if row.attributed_to != self.actor.as_str() {
                return Err(FederationError::Forbidden(
                    "only the author can delete an object".into(),
                ));
            }
            if row.deleted_at.is_none() {
                galaxie_db::objects::mark_deleted(conn, row).await?;
            }
        }
        Ok(())
    }
}
