//! Notes, articles, pages and events on the wire: one shape, typed by `kind`.
//!
//! Events follow FEP-8a8e with Mobilizon's terms (`joinMode`, `externalParticipationUrl`,
//! `timezone`, `isOnline`, `category`, `maximumAttendeeCapacity`). Mastodon shows only
//! `name`, `summary` and a link for `Event`, `Page` and `Article`, so `summary` always
//! carries a one-line human description.

use super::helpers::{audience, first_id, first_id_opt, link_url};
use super::place::Locations;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use url::Url;

/// The object types we store.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum PostKind {
    Note,
    Article,
    Page,
    Event,
}

impl PostKind {
    /// The type's name.
    pub fn as_str(self) -> &'static str {
        match self {
            PostKind::Note => "Note",
            PostKind::Article => "Article",
            PostKind::Page => "Page",
            PostKind::Event => "Event",
        }
    }

    /// Parses a stored type name.
    pub fn parse(kind: &str) -> Option<Self> {
        match kind {
            "Note" => Some(PostKind::Note),
            "Article" => Some(PostKind::Article),
            "Page" => Some(PostKind::Page),
            "Event" => Some(PostKind::Event),
            _ => None,
        }
    }
}

/// A note, article, page or event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Post {
    pub id: Url,
    #[serde(rename = "type")]
    pub kind: PostKind,
    #[serde(deserialize_with = "first_id")]
    pub attributed_to: Url,
    #[serde(default, deserialize_with = "audience")]
    pub to: Vec<Url>,
    #[serde(
        default,
        deserialize_with = "audience",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub cc: Vec<Url>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary_map: Option<BTreeMap<String, String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_map: Option<BTreeMap<String, String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub media_type: Option<String>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "link_url"
    )]
    pub url: Option<Url>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "first_id_opt"
    )]
    pub in_reply_to: Option<Url>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<DateTime<Utc>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<DateTime<Utc>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sensitive: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start_time: Option<DateTime<Utc>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_time: Option<DateTime<Utc>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timezone: Option<String>,
    #[serde(default, skip_serializing_if = "Locations::is_empty")]
    pub location: Locations,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "lenient_string"
    )]
    pub join_mode: Option<String>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "link_url"
    )]
    pub external_participation_url: Option<Url>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_online: Option<bool>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "link_url"
    )]
    pub online_url: Option<Url>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "lenient_u32"
    )]
    pub maximum_attendee_capacity: Option<u32>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "lenient_string"
    )]
    pub category: Option<String>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "lenient_string"
    )]
    pub price: Option<String>,
    /// FEP-8a8e `eventStatus` (`EventScheduled`, `EventCancelled`, `EventPostponed`…).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "lenient_string"
    )]
    pub event_status: Option<String>,
    /// Licence of the content (FEP-c118), a URL.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "link_url"
    )]
    pub license: Option<Url>,
    /// Hashtags (and, from other servers, mentions and emoji, which we skip).
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "hashtags"
    )]
    pub tag: Vec<Hashtag>,
    /// The banner of an event (FEP-8a8e), or the lead image of an article.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "first_attachment"
    )]
    pub image: Option<super::attachment::Attachment>,
    /// Images, with their alternative text in `name`.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "super::attachment::attachments"
    )]
    pub attachment: Vec<super::attachment::Attachment>,
    /// Galaxie's catalogue terms (services and showcases).
    #[serde(flatten)]
    pub catalogue: CatalogueTerms,
    /// Galaxie's funding terms: a `Page` with `fundingCall: true` is a funding call
    /// (`crate::funding`).
    #[serde(flatten)]
    pub funding: crate::funding::FundingTerms,
}

/// What services and showcases carry beyond ActivityStreams (`gx:` and schema.org terms);
/// vocabulary values are concept IRIs.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct CatalogueTerms {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub service_types: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub publics: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fees: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub access_modes: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub support_modes: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub heritage_kinds: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub booking_url: Option<Url>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub opening_hours: Option<String>,
}

/// A `Hashtag` tag.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hashtag {
    #[serde(rename = "type")]
    pub kind: String,
    /// `#patrimoine`.
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub href: Option<Url>,
}

impl Hashtag {
    /// A hashtag `#tag`.
    pub fn new(tag: &str, href: Option<Url>) -> Self {
        Self {
            kind: "Hashtag".to_string(),
            name: format!("#{}", tag.trim_start_matches('#')),
            href,
        }
    }
}

fn hashtags<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<Hashtag>, D::Error> {
    use serde_json::Value;
    let items = match Option::<Value>::deserialize(d)? {
        Some(Value::Array(items)) => items,
        Some(v @ Value::Object(_)) => vec![v],
        _ => Vec::new(),
    };
    Ok(items
        .into_iter()
        .filter(|v| v.get("type").and_then(Value::as_str) == Some("Hashtag"))
        .filter_map(|v| serde_json::from_value::<Hashtag>(v).ok())
        .collect())
}

fn lenient_string<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
    use serde_json::Value;
    Ok(match Option::<Value>::deserialize(d)? {
        Some(Value::String(s)) => Some(s),
        Some(Value::Array(items)) => items
            .into_iter()
            .find_map(|v| v.as_str().map(str::to_string)),
        _ => None,
    })
}

fn lenient_u32<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<u32>, D::Error> {
    use serde_json::Value;
    Ok(match Option::<Value>::deserialize(d)? {
        Some(Value::Number(n)) => n.as_u64().and_then(|n| u32::try_from(n).ok()),
        Some(Value::String(s)) => s.trim().parse().ok(),
        _ => None,
    })
}

impl Post {
    /// Whether it is addressed to the public.
    pub fn is_public(&self) -> bool {
        self.to
            .iter()
            .chain(&self.cc)
            .any(super::helpers::is_public)
    }
}

fn first_attachment<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<Option<super::attachment::Attachment>, D::Error> {
    Ok(super::attachment::attachments(d)?.into_iter().next())
}
