//! `Update` of a post we keep, or of an actor's profile.

use crate::data::Data;
use crate::error::FederationError;
use crate::objects::actor::ApubActor;
use crate::objects::post::{received_data, verify_origin};
use crate::protocol::actor::Actor;
use crate::protocol::post::Post;
use activitypub_federation::kinds::activity::UpdateType;
use activitypub_federation::protocol::verification::verify_domains_match;
use activitypub_federation::traits::{Activity, Object};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use url::Url;

/// An `Update`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Update {
    pub id: Url,
    #[serde(rename = "type")]
    pub kind: UpdateType,
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

const ACTOR_TYPES: &[&str] = &["Person", "Organization", "Group", "Service", "Application"];

#[async_trait::async_trait]
impl Activity for Update {
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
        let kind = super::object_type(&self.object)
            .unwrap_or_default()
            .to_string();
        if ACTOR_TYPES.contains(&kind.as_str()) {
            let actor: Actor = serde_json::from_value(self.object)?;
            if actor.id != self.actor {
                return Err(FederationError::Forbidden(
                    "an actor can only update itself".into(),
                ));
            }
            ApubActor::verify(&actor, &self.actor, data).await?;
            ApubActor::from_json(actor, data).await?;
            return Ok(());
        }
        if crate::protocol::post::PostKind::parse(&kind).is_none() {
            return Ok(());
        }
        let post: Post = serde_json::from_value(self.object)?;
        verify_origin(&post, &self.actor)?;
        if post.funding.is_call() {
            return crate::funding::receive_update(data, &self.actor, &post).await;
        }
        let conn = data.db().conn();
        let known = galaxie_db::objects::by_ap_id(conn, post.id.as_str()).await?;
        match known {
            Some(row) if row.attributed_to != post.attributed_to.as_str() => Err(
                FederationError::Forbidden("the update changes the object's author".into()),
            ),
            Some(_) => {
                galaxie_db::objects::upsert(conn, received_data(&post)).await?;
                Ok(())
            }
            None if super::create::wanted(data, &self.actor, &post).await? => {
                galaxie_db::objects::upsert(conn, received_data(&post)).await?;
                Ok(())
            }
            None => Ok(()),
        }
    }
}
