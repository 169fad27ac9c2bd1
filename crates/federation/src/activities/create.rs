//! `Create` of a note, article, page or event. Stored when its author is followed by one of
//! our places (or it addresses one of them).

use crate::data::Data;
use crate::error::FederationError;
use crate::objects::post::{received_data, verify_origin};
use crate::protocol::post::Post;
use activitypub_federation::kinds::activity::CreateType;
use activitypub_federation::protocol::verification::verify_domains_match;
use activitypub_federation::traits::Activity;
use serde::{Deserialize, Serialize};
use url::Url;

/// A `Create`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Create {
    pub id: Url,
    #[serde(rename = "type")]
    pub kind: CreateType,
    pub actor: Url,
    #[serde(default, deserialize_with = "crate::protocol::helpers::audience")]
    pub to: Vec<Url>,
    #[serde(
        default,
        deserialize_with = "crate::protocol::helpers::audience",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub cc: Vec<Url>,
    pub object: Post,
}

/// Whether we keep content from `author`: one of our places follows it, or the object
/// addresses one of our places.
pub(crate) async fn wanted(
    data: &Data,
    author: &Url,
    post: &Post,
) -> Result<bool, FederationError> {
    if galaxie_db::follows::is_followed_locally(data.db().conn(), author.as_str()).await? {
        return Ok(true);
    }
    Ok(post
        .to
        .iter()
        .chain(&post.cc)
        .any(|u| data.urls().place_username(u).is_some()))
}

#[async_trait::async_trait]
impl Activity for Create {
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
        verify_origin(&self.object, &self.actor)?;
        Ok(())
    }

    async fn receive(self, data: &Data) -> Result<(), FederationError> {
        if !wanted(data, &self.actor, &self.object).await? {
            return Ok(());
        }
        if self.object.funding.is_call() {
            return crate::funding::receive_create(data, &self.object).await;
        }
        let (row, _) =
            galaxie_db::objects::upsert(data.db().conn(), received_data(&self.object)).await?;
        crate::timeline::received_directly(data, &row.ap_id, &self.actor).await?;
        Ok(())
    }
}
