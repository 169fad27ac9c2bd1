//! A local place as an `Organization` actor: Mastodon follows Organization like any account.
//! Its `location` is a `Place` with a schema.org `PostalAddress` and float coordinates; its
//! profile fields come first in the order Mastodon shows them (Adresse, Horaires, Téléphone,
//! Site).

use crate::data::Data;
use crate::error::FederationError;
use crate::protocol::actor::{Actor, Endpoints, Image, NetworkTerms, PlaceTerms, PropertyValue};
use crate::protocol::place::Place;
use crate::urls::Urls;
use activitypub_federation::protocol::public_key::PublicKey;
use activitypub_federation::traits::{Actor as ActorTrait, Object};
use galaxie_db::entities::places;
use galaxie_domain::PlaceProfile;
use galaxie_domain::text::escape_html;
use galaxie_domain::vocab::{self, Scheme};
use std::collections::BTreeMap;
use url::Url;

/// A local place.
#[derive(Debug, Clone)]
pub struct ApubPlace {
    /// The stored row.
    pub row: places::Model,
    id: Url,
    inbox: Url,
}

impl ApubPlace {
    /// Wraps a place row.
    pub fn new(row: places::Model, urls: &Urls) -> Self {
        Self {
            id: urls.place(&row.username),
            inbox: urls.place_inbox(&row.username),
            row,
        }
    }

    /// The actor document.
    pub fn to_json(&self, urls: &Urls) -> Actor {
        let p = &self.row;
        let is_network = galaxie_db::networks::is_network(p);
        let profile = galaxie_db::places::profile(p);
        let mut fields = Vec::new();
        if let Some(address) = profile.address.one_line() {
            fields.push(PropertyValue::new("Adresse", escape_html(&address)));
        }
        if let Some(hours) = &p.opening_hours {
            fields.push(PropertyValue::new(
                "Horaires",
                escape_html(&crate::service::describe_hours(hours)),
            ));
        }
        if let Some(phone) = &p.phone {
            let phone = escape_html(phone);
            fields.push(PropertyValue::new(
                "Téléphone",
                format!(r#"<a href="tel:{phone}">{phone}</a>"#),
            ));
        }
        if let Some(site) = &p.website {
            let site = escape_html(site);
            let shown = site
                .trim_start_matches("https://")
                .trim_start_matches("http://")
                .trim_end_matches('/');
            fields.push(PropertyValue::new(
                "Site",
                format!(r#"<a href="{site}" rel="me nofollow noopener noreferrer" target="_blank">{shown}</a>"#),
            ));
        }
        let location = (!profile.address.is_empty() || profile.geo.is_some())
            .then(|| Place::new(Some(p.name.clone()), &profile.address, profile.geo));
        Actor {
            id: self.id.clone(),
            kind: if is_network { "Group" } else { "Organization" }.to_string(),
            preferred_username: Some(p.username.clone()),
            name: Some(p.name.clone()),
            summary: p
                .summary
                .as_deref()
                .map(galaxie_domain::text::plain_text_to_html),
            url: Some(self.id.clone()),
            icon: p
                .icon_url
                .as_deref()
                .and_then(|u| Url::parse(u).ok())
                .map(|url| Image {
                    kind: "Image".to_string(),
                    url,
                    media_type: None,
                    name: Some(format!("Logo de {}", p.name)),
                }),
            inbox: self.inbox.clone(),
            outbox: Some(urls.place_outbox(&p.username)),
            followers: Some(urls.place_followers(&p.username)),
            following: Some(urls.place_following(&p.username)),
            endpoints: Some(Endpoints {
                shared_inbox: Some(urls.shared_inbox()),
            }),
            public_key: PublicKey {
                id: urls.place_key(&p.username),
                owner: self.id.clone(),
                public_key_pem: p.public_key_pem.clone(),
            },
            manually_approves_followers: p.manually_approves_followers,
            discoverable: Some(true),
            indexable: Some(true),
            published: Some(p.created_at),
            updated: Some(p.updated_at),
            attachment: fields,
            location,
            telephone: p.phone.clone(),
            opening_hours: p.opening_hours.clone(),
            summary_map: summary_map(&profile),
            content: profile
                .description
                .as_deref()
                .map(galaxie_domain::text::plain_text_to_html),
            place: PlaceTerms {
                services: Some(urls.place_services(&p.username)),
                ..place_terms(&profile)
            },
            network: if is_network {
                NetworkTerms {
                    members: Some(urls.place_members(&p.username)),
                    moderation_log: Some(urls.place_moderation(&p.username)),
                    join_policy: Some(galaxie_db::networks::JoinPolicy::of(p).as_str().to_string()),
                }
            } else {
                NetworkTerms::default()
            },
            source_code: crate::fork::terms(urls, p),
        }
    }
}

/// `summaryMap`: the summary in French, and its easy-read variant under `fr-x-falc`.
fn summary_map(p: &PlaceProfile) -> Option<BTreeMap<String, String>> {
    let falc = p.summary_falc.as_deref()?;
    let mut map = BTreeMap::new();
    if let Some(summary) = &p.summary {
        map.insert(
            "fr".to_string(),
            galaxie_domain::text::plain_text_to_html(summary),
        );
    }
    map.insert(
        FALC.to_string(),
        galaxie_domain::text::plain_text_to_html(falc),
    );
    Some(map)
}

/// The language tag of easy-read (FALC) variants.
pub const FALC: &str = "fr-x-falc";

/// The IRI of a vocabulary concept (slugs were checked against the vocabulary on input).
pub fn concept_iri(scheme: Scheme, slug: &str) -> String {
    vocab::by_slug(scheme, slug)
        .map(|c| c.iri())
        .unwrap_or_else(|| format!("{}{}/{slug}", vocab::NAMESPACE, scheme.slug()))
}

fn iris(scheme: Scheme, slugs: &[String]) -> Vec<String> {
    slugs.iter().map(|s| concept_iri(scheme, s)).collect()
}

fn place_terms(p: &PlaceProfile) -> PlaceTerms {
    let c = &p.concepts;
    PlaceTerms {
        pivot: p.pivot.as_ref().map(ToString::to_string),
        legal_form: p
            .legal_form
            .as_deref()
            .map(|f| concept_iri(Scheme::LegalForm, f)),
        address_complement: p.address_complement.clone(),
        insee_code: p.insee_code.clone(),
        email: p.emails.clone(),
        websites: p.other_websites.clone(),
        mobility: p.mobility.map(|m| m.as_str().to_string()),
        parent_structure: p.parent_structure.clone(),
        structure_types: iris(Scheme::StructureType, &c.structure_types),
        service_types: iris(Scheme::Service, &c.services),
        services: None,
        publics: iris(Scheme::Public, &c.publics),
        specific_support: iris(Scheme::SpecificSupport, &c.specific_support),
        fees: iris(Scheme::Fee, &c.fees),
        programmes: iris(Scheme::Programme, &c.programmes),
        labels: iris(Scheme::Label, &c.labels),
        access_modes: iris(Scheme::AccessMode, &c.access_modes),
        support_modes: iris(Scheme::SupportMode, &c.support_modes),
        other_labels: p.other_labels.clone(),
        acceslibre: p.acceslibre_url.clone(),
        booking_url: p.booking_url.clone(),
    }
}

#[async_trait::async_trait]
impl Object for ApubPlace {
    type DataType = crate::AppData;
    type Kind = Actor;
    type Error = FederationError;

    fn id(&self) -> &Url {
        &self.id
    }

    async fn read_from_id(id: Url, data: &Data) -> Result<Option<Self>, FederationError> {
        let Some(username) = data.urls().place_username(&id) else {
            return Ok(None);
        };
        Ok(galaxie_db::places::by_username(data.db().conn(), username)
            .await?
            .map(|row| ApubPlace::new(row, data.urls())))
    }

    async fn into_json(self, data: &Data) -> Result<Actor, FederationError> {
        Ok(self.to_json(data.urls()))
    }

    async fn verify(_json: &Actor, _expected: &Url, _data: &Data) -> Result<(), FederationError> {
        Err(FederationError::Forbidden("places are local".into()))
    }

    async fn from_json(_json: Actor, _data: &Data) -> Result<Self, FederationError> {
        Err(FederationError::Forbidden("places are local".into()))
    }
}

impl ActorTrait for ApubPlace {
    fn public_key_pem(&self) -> &str {
        &self.row.public_key_pem
    }

    fn private_key_pem(&self) -> Option<String> {
        Some(self.row.private_key_pem.clone())
    }

    fn inbox(&self) -> Url {
        self.inbox.clone()
    }
}
