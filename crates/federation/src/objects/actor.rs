//! Remote actors, fetched and refreshed through `activitypub_federation`'s `ObjectId`.

use crate::data::Data;
use crate::error::FederationError;
use crate::protocol::actor::Actor;
use crate::sanitize::{clean_html, plain_text};
use activitypub_federation::protocol::verification::verify_domains_match;
use activitypub_federation::traits::{Actor as ActorTrait, Object};
use chrono::{DateTime, Utc};
use galaxie_db::actors::ActorData;
use galaxie_db::entities::actors;
use url::Url;

/// A remote actor.
#[derive(Debug, Clone)]
pub struct ApubActor {
    /// The stored row.
    pub row: actors::Model,
    id: Url,
    inbox: Url,
    shared_inbox: Option<Url>,
}

impl ApubActor {
    fn new(row: actors::Model) -> Result<Self, FederationError> {
        Ok(Self {
            id: Url::parse(&row.ap_id)?,
            inbox: Url::parse(&row.inbox)?,
            shared_inbox: row.shared_inbox.as_deref().and_then(|u| Url::parse(u).ok()),
            row,
        })
    }

    /// `@user@host`, for display.
    pub fn handle(&self) -> String {
        format!(
            "@{}@{}",
            self.row.preferred_username.as_deref().unwrap_or("?"),
            self.row.domain
        )
    }
}

#[async_trait::async_trait]
impl Object for ApubActor {
    type DataType = crate::AppData;
    type Kind = Actor;
    type Error = FederationError;

    fn id(&self) -> &Url {
        &self.id
    }

    fn last_refreshed_at(&self) -> Option<DateTime<Utc>> {
        Some(self.row.last_fetched_at)
    }

    async fn read_from_id(id: Url, data: &Data) -> Result<Option<Self>, FederationError> {
        galaxie_db::actors::by_ap_id(data.db().conn(), id.as_str())
            .await?
            .map(ApubActor::new)
            .transpose()
    }

    async fn delete(&self, data: &Data) -> Result<(), FederationError> {
        galaxie_db::actors::delete(data.db().conn(), &self.row.ap_id).await?;
        Ok(())
    }

    async fn into_json(self, _data: &Data) -> Result<Actor, FederationError> {
        Err(FederationError::Internal(
            "remote actors are not served".into(),
        ))
    }

    async fn verify(json: &Actor, expected: &Url, _data: &Data) -> Result<(), FederationError> {
        verify_domains_match(&json.id, expected)?;
        verify_domains_match(&json.inbox, &json.id)?;
        if json.public_key.owner != json.id {
            return Err(FederationError::Forbidden(format!(
                "public key {} is owned by {}, not by {}",
                json.public_key.id, json.public_key.owner, json.id
            )));
        }
        Ok(())
    }

    async fn from_json(json: Actor, data: &Data) -> Result<Self, FederationError> {
        let domain = json.id.host_str().unwrap_or_default().to_string();
        let row = galaxie_db::actors::upsert(
            data.db().conn(),
            ActorData {
                ap_id: json.id.to_string(),
                kind: plain_text(&json.kind, 40),
                preferred_username: json
                    .preferred_username
                    .as_deref()
                    .map(|u| plain_text(u, 100)),
                name: json.name.as_deref().map(|n| plain_text(n, 200)),
                summary: json.summary.as_deref().map(clean_html),
                domain,
                inbox: json.inbox.to_string(),
                shared_inbox: json.shared_inbox().map(ToString::to_string),
                outbox: json.outbox.as_ref().map(ToString::to_string),
                followers: json.followers.as_ref().map(ToString::to_string),
                url: json.url.as_ref().map(ToString::to_string),
                icon_url: json.icon.as_ref().map(|i| i.url.to_string()),
                public_key_id: json.public_key.id.clone(),
                public_key_pem: json.public_key.public_key_pem.clone(),
                manually_approves_followers: json.manually_approves_followers,
            },
        )
        .await?;
        // A place's profile also goes to the federated directory (fetch and `Update` alike).
        crate::directory::record_remote(data, &json).await;
        // Its cooperation frameworks, for the cooperation pages.
        crate::cooperation::record_remote_frameworks(data, &json).await;
        ApubActor::new(row)
    }
}

impl ActorTrait for ApubActor {
    fn public_key_pem(&self) -> &str {
        &self.row.public_key_pem
    }

    fn private_key_pem(&self) -> Option<String> {
        None
    }

    fn inbox(&self) -> Url {
        self.inbox.clone()
    }

    fn shared_inbox(&self) -> Option<Url> {
        self.shared_inbox.clone()
    }
}
