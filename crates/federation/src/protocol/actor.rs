//! Actors on the wire: our places (`Organization`), our instance (`Application`), and the
//! remote actors we read (Mastodon `Person`, Mobilizon `Group`, relays' `Application`…).

use super::helpers::link_url;
use super::place::{Place, location};
use activitypub_federation::protocol::public_key::PublicKey;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;
use url::Url;

/// `endpoints` of an actor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Endpoints {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shared_inbox: Option<Url>,
}

/// An image (`icon`, `image`, attachments), with its alternative text in `name`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Image {
    #[serde(rename = "type", default = "image_kind")]
    pub kind: String,
    pub url: Url,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub media_type: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

fn image_kind() -> String {
    "Image".to_string()
}

/// A profile field, as Mastodon shows four of them under the bio.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PropertyValue {
    #[serde(rename = "type")]
    pub kind: String,
    pub name: String,
    pub value: String,
}

impl PropertyValue {
    /// A field; `value` may hold simple HTML (links).
    pub fn new(name: &str, value: String) -> Self {
        Self {
            kind: "PropertyValue".to_string(),
            name: name.to_string(),
            value,
        }
    }
}

/// An actor document.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Actor {
    pub id: Url,
    /// The actor type; some servers send an array (`["Person", "vcard:individual"]`): the first
    /// ActivityStreams type is kept.
    #[serde(rename = "type", deserialize_with = "actor_kind")]
    pub kind: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub preferred_username: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "link_url"
    )]
    pub url: Option<Url>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "first_image"
    )]
    pub icon: Option<Image>,
    pub inbox: Url,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outbox: Option<Url>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub followers: Option<Url>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub following: Option<Url>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub endpoints: Option<Endpoints>,
    pub public_key: PublicKey,
    #[serde(default)]
    pub manually_approves_followers: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub discoverable: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub indexable: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<DateTime<Utc>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<DateTime<Utc>>,
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "property_values"
    )]
    pub attachment: Vec<PropertyValue>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "location"
    )]
    pub location: Option<Place>,
    #[serde(default, skip_serializing_if = "Option::is_none", rename = "telephone")]
    pub telephone: Option<String>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        rename = "openingHours"
    )]
    pub opening_hours: Option<String>,
    /// Language variants of `summary`; the easy-read one under `fr-x-falc`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary_map: Option<std::collections::BTreeMap<String, String>>,
    /// The detailed presentation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content: Option<String>,
    /// Galaxie's place terms (`gx:`), absent on other servers' actors.
    #[serde(flatten)]
    pub place: PlaceTerms,
    /// Galaxie's network terms, on `Group` actors.
    #[serde(flatten)]
    pub network: NetworkTerms,
    /// The code source of a place and its forks (`crate::fork`).
    #[serde(flatten)]
    pub source_code: crate::fork::SourceCodeTerms,
}

/// A network's terms (`gx:`): its members, its public moderation log and how it takes
/// members.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct NetworkTerms {
    /// The collection of its members' actor ids.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub members: Option<Url>,
    /// The collection of its moderation decisions.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub moderation_log: Option<Url>,
    /// `open` or `approval`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub join_policy: Option<String>,
}

/// A place's profile beyond ActivityStreams, in Galaxie's `gx:` terms and schema.org (see
/// FEDERATION.md). Vocabulary values are concept IRIs.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct PlaceTerms {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pivot: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub legal_form: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address_complement: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub insee_code: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub email: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub websites: Vec<Url>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mobility: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent_structure: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub structure_types: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub service_types: Vec<String>,
    /// The collection of the place's services (`Page`s).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub services: Option<Url>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub publics: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub specific_support: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fees: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub programmes: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub labels: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub access_modes: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub support_modes: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub other_labels: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub acceslibre: Option<Url>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub booking_url: Option<Url>,
}

fn actor_kind<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    const KNOWN: [&str; 5] = ["Person", "Organization", "Group", "Service", "Application"];
    match Value::deserialize(d)? {
        Value::String(s) => Ok(s),
        Value::Array(items) => {
            let names: Vec<&str> = items.iter().filter_map(Value::as_str).collect();
            names
                .iter()
                .find(|n| KNOWN.contains(n))
                .or(names.first())
                .map(|n| (*n).to_string())
                .ok_or_else(|| serde::de::Error::custom("actor type array has no type name"))
        }
        _ => Err(serde::de::Error::custom(
            "actor type must be a string or an array",
        )),
    }
}

fn first_image<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Image>, D::Error> {
    Ok(match Option::<Value>::deserialize(d)? {
        Some(Value::Array(items)) => items
            .into_iter()
            .find_map(|v| serde_json::from_value(v).ok()),
        Some(v @ Value::Object(_)) => serde_json::from_value(v).ok(),
        Some(Value::String(s)) => Url::parse(&s).ok().map(|url| Image {
            kind: image_kind(),
            url,
            media_type: None,
            name: None,
        }),
        _ => None,
    })
}

fn property_values<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<PropertyValue>, D::Error> {
    Ok(match Option::<Value>::deserialize(d)? {
        Some(Value::Array(items)) => items
            .into_iter()
            .filter_map(|v| serde_json::from_value::<PropertyValue>(v).ok())
            .filter(|p| p.kind == "PropertyValue")
            .collect(),
        _ => Vec::new(),
    })
}

impl Actor {
    /// The shared inbox, if the actor has one.
    pub fn shared_inbox(&self) -> Option<&Url> {
        self.endpoints
            .as_ref()
            .and_then(|e| e.shared_inbox.as_ref())
    }
}
