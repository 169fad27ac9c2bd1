//! The instance actor, an `Application` (FEP-2677, FEP-d556): it signs fetches (peers in
//! authorized-fetch mode require them) and is what relays and NodeInfo readers look up.

use crate::data::Data;
use crate::error::FederationError;
use crate::protocol::actor::{Actor, Endpoints};
use crate::urls::Urls;
use activitypub_federation::protocol::public_key::PublicKey;
use activitypub_federation::traits::{Actor as ActorTrait, Object};
use galaxie_db::entities::instance;
use url::Url;

/// The instance actor.
#[derive(Debug, Clone)]
pub struct ApubInstance {
    row: instance::Model,
    id: Url,
    urls: Urls,
}

impl ApubInstance {
    /// Wraps the instance row.
    pub fn new(row: instance::Model, urls: &Urls) -> Self {
        Self {
            id: urls.instance_actor(),
            row,
            urls: urls.clone(),
        }
    }

    /// The actor document.
    pub fn to_json(&self) -> Actor {
        let authority = self.urls.authority();
        Actor {
            id: self.id.clone(),
            kind: "Application".to_string(),
            preferred_username: Some(authority.clone()),
            name: Some(format!("Galaxie — {authority}")),
            summary: Some(
                "Acteur de l'instance Galaxie : signe les requêtes et gère les abonnements aux relais. / This Galaxie instance's actor."
                    .to_string(),
            ),
            url: Some(self.urls.base().clone()),
            icon: None,
            inbox: self.urls.instance_inbox(),
            outbox: Some(self.urls.instance_outbox()),
            followers: None,
            following: None,
            endpoints: Some(Endpoints {
                shared_inbox: Some(self.urls.shared_inbox()),
            }),
            public_key: PublicKey {
                id: self.urls.instance_key(),
                owner: self.id.clone(),
                public_key_pem: self.row.public_key_pem.clone(),
            },
            manually_approves_followers: true,
            discoverable: Some(false),
            indexable: Some(false),
            published: Some(self.row.created_at),
            updated: None,
            attachment: Vec::new(),
            location: None,
            telephone: None,
            opening_hours: None,
            summary_map: None,
            content: None,
            place: Default::default(),
            network: Default::default(),
            source_code: Default::default(),
        }
    }
}

#[async_trait::async_trait]
impl Object for ApubInstance {
    type DataType = crate::AppData;
    type Kind = Actor;
    type Error = FederationError;

    fn id(&self) -> &Url {
        &self.id
    }

    async fn read_from_id(id: Url, data: &Data) -> Result<Option<Self>, FederationError> {
        Ok((id == data.urls().instance_actor())
            .then(|| ApubInstance::new(data.instance().clone(), data.urls())))
    }

    async fn into_json(self, _data: &Data) -> Result<Actor, FederationError> {
        Ok(self.to_json())
    }

    async fn verify(_json: &Actor, _expected: &Url, _data: &Data) -> Result<(), FederationError> {
        Err(FederationError::Forbidden(
            "the instance actor is local".into(),
        ))
    }

    async fn from_json(_json: Actor, _data: &Data) -> Result<Self, FederationError> {
        Err(FederationError::Forbidden(
            "the instance actor is local".into(),
        ))
    }
}

impl ActorTrait for ApubInstance {
    fn public_key_pem(&self) -> &str {
        &self.row.public_key_pem
    }

    fn private_key_pem(&self) -> Option<String> {
        Some(self.row.private_key_pem.clone())
    }

    fn inbox(&self) -> Url {
        self.urls.instance_inbox()
    }
}
