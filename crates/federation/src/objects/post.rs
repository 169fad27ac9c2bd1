//! Notes, articles, pages and events, joined to their stored rows.

use crate::data::Data;
use crate::error::FederationError;
use crate::objects::place::{FALC, concept_iri};
use crate::protocol::attachment::Attachment;
use crate::protocol::helpers::public_collection;
use crate::protocol::place::{Locations, Place};
use crate::protocol::post::{CatalogueTerms, Hashtag, Post, PostKind};
use crate::sanitize::{clean_html, plain_text};
use activitypub_federation::protocol::verification::verify_domains_match;
use activitypub_federation::traits::Object;
use galaxie_db::entities::objects;
use galaxie_db::objects::ObjectData;
use galaxie_domain::vocab::Scheme;
use galaxie_domain::{GeoPoint, PostalAddress};
use serde_json::json;
use url::Url;

/// A stored object.
#[derive(Debug, Clone)]
pub struct ApubPost {
    /// The stored row.
    pub row: objects::Model,
    id: Url,
}

impl ApubPost {
    /// Wraps a row.
    pub fn new(row: objects::Model) -> Result<Self, FederationError> {
        Ok(Self {
            id: Url::parse(&row.ap_id)?,
            row,
        })
    }

    /// The wire shape of a stored object. Local objects are addressed to the public and to
    /// their place's followers.
    pub async fn to_post<C: galaxie_db::ConnectionTrait>(
        &self,
        conn: &C,
        data: &Data,
    ) -> Result<Post, FederationError> {
        let attachment: Vec<Attachment> = galaxie_db::media::for_object(conn, self.row.id)
            .await?
            .iter()
            .map(|m| Attachment::local(data.urls(), m))
            .collect();
        let image = matches!(self.row.kind.as_str(), "Event" | "Article")
            .then(|| attachment.first().cloned())
            .flatten();
        let r = &self.row;
        let kind = PostKind::parse(&r.kind)
            .ok_or_else(|| FederationError::Internal(format!("stored kind {}", r.kind)))?;
        let attributed_to = Url::parse(&r.attributed_to)?;
        let followers = data
            .urls()
            .place_username(&attributed_to)
            .map(|u| data.urls().place_followers(u));
        let address = PostalAddress {
            street_address: r.street_address.clone(),
            postal_code: r.postal_code.clone(),
            locality: r.locality.clone(),
            country: r.country.clone(),
        };
        let geo = match (r.latitude, r.longitude) {
            (Some(latitude), Some(longitude)) => Some(GeoPoint {
                latitude,
                longitude,
            }),
            _ => None,
        };
        let has_location = r.location_name.is_some() || !address.is_empty() || geo.is_some();
        let is_event = kind == PostKind::Event;
        let parse = |u: &Option<String>| u.as_deref().and_then(|u| Url::parse(u).ok());
        Ok(Post {
            id: self.id.clone(),
            kind,
            attributed_to,
            to: vec![public_collection()],
            cc: followers.into_iter().collect(),
            name: r.name.clone(),
            summary: r.summary.clone(),
            summary_map: falc_map(r.summary.as_deref(), r.summary_falc.as_deref()),
            content: r.content.clone(),
            content_map: falc_map(r.content.as_deref(), r.content_falc.as_deref()),
            media_type: r.content.as_ref().map(|_| "text/html".to_string()),
            url: parse(&r.url).or_else(|| Some(self.id.clone())),
            in_reply_to: parse(&r.in_reply_to),
            published: Some(r.published),
            updated: r.updated,
            sensitive: (kind == PostKind::Note).then_some(false),
            start_time: r.start_time,
            end_time: r.end_time,
            timezone: r.timezone.clone(),
            location: Locations {
                place: has_location.then(|| Place::new(r.location_name.clone(), &address, geo)),
                online: is_event.then(|| parse(&r.online_url)).flatten(),
            },
            join_mode: is_event.then(|| {
                if r.registration_url.is_some() {
                    "external"
                } else {
                    "free"
                }
                .to_string()
            }),
            external_participation_url: parse(&r.registration_url),
            is_online: is_event.then_some(r.online_url.is_some()),
            online_url: parse(&r.online_url),
            maximum_attendee_capacity: r.capacity.and_then(|c| u32::try_from(c).ok()),
            category: r.category.clone(),
            price: r.price.clone(),
            event_status: r.event_status.clone(),
            license: parse(&r.license),
            tag: string_list(&r.hashtags)
                .iter()
                .map(|t| Hashtag::new(t, None))
                .collect(),
            image,
            attachment,
            catalogue: catalogue_terms(r),
            funding: Default::default(),
        })
    }
}

/// `{"fr": …, "fr-x-falc": …}` when an easy-read variant exists.
fn falc_map(
    text: Option<&str>,
    falc: Option<&str>,
) -> Option<std::collections::BTreeMap<String, String>> {
    let falc = falc?;
    let mut map = std::collections::BTreeMap::new();
    if let Some(text) = text {
        map.insert("fr".to_string(), text.to_string());
    }
    map.insert(FALC.to_string(), falc.to_string());
    Some(map)
}

fn string_list(json: &Option<String>) -> Vec<String> {
    json.as_deref()
        .and_then(|j| serde_json::from_str(j).ok())
        .unwrap_or_default()
}

/// The stored concepts of an object, by scheme.
pub fn stored_concepts(row: &objects::Model) -> std::collections::BTreeMap<String, Vec<String>> {
    row.concepts
        .as_deref()
        .and_then(|j| serde_json::from_str(j).ok())
        .unwrap_or_default()
}

fn catalogue_terms(r: &objects::Model) -> CatalogueTerms {
    let concepts = stored_concepts(r);
    let iris = |scheme: Scheme, key: &str| -> Vec<String> {
        concepts
            .get(key)
            .map(|slugs| slugs.iter().map(|s| concept_iri(scheme, s)).collect())
            .unwrap_or_default()
    };
    CatalogueTerms {
        service_types: iris(Scheme::Service, "services"),
        publics: iris(Scheme::Public, "publics"),
        fees: iris(Scheme::Fee, "fees"),
        access_modes: iris(Scheme::AccessMode, "access_modes"),
        support_modes: iris(Scheme::SupportMode, "support_modes"),
        heritage_kinds: iris(Scheme::Heritage, "heritage_kinds"),
        booking_url: r.booking_url.as_deref().and_then(|u| Url::parse(u).ok()),
        opening_hours: r.opening_hours.clone(),
    }
}

/// The vocabulary concepts of a received service or showcase, stored as ours are (slugs by
/// key); IRIs outside our vocabulary are left out.
fn received_concepts(terms: &CatalogueTerms) -> Option<String> {
    use galaxie_domain::timeline::slugs_from_iris;
    let lists = [
        (
            "services",
            slugs_from_iris(Scheme::Service, &terms.service_types),
        ),
        ("publics", slugs_from_iris(Scheme::Public, &terms.publics)),
        ("fees", slugs_from_iris(Scheme::Fee, &terms.fees)),
        (
            "access_modes",
            slugs_from_iris(Scheme::AccessMode, &terms.access_modes),
        ),
        (
            "support_modes",
            slugs_from_iris(Scheme::SupportMode, &terms.support_modes),
        ),
        (
            "heritage_kinds",
            slugs_from_iris(Scheme::Heritage, &terms.heritage_kinds),
        ),
    ];
    let map: serde_json::Map<String, serde_json::Value> = lists
        .into_iter()
        .filter(|(_, slugs)| !slugs.is_empty())
        .map(|(key, slugs)| (key.to_string(), json!(slugs)))
        .collect();
    (!map.is_empty()).then(|| serde_json::Value::Object(map).to_string())
}

/// What we store of a received object: HTML cleaned, names made plain, unknown extras kept.
pub fn received_data(post: &Post) -> ObjectData {
    let location = post.location.place.as_ref();
    let address = location.map(Place::domain_address).unwrap_or_default();
    let geo = location.and_then(Place::geo);
    let mut extra = serde_json::Map::new();
    if let Some(map) = &post.content_map {
        let cleaned: serde_json::Map<String, serde_json::Value> = map
            .iter()
            .map(|(k, v)| (k.clone(), json!(clean_html(v))))
            .collect();
        extra.insert("contentMap".into(), cleaned.into());
    }
    if let Some(map) = &post.summary_map {
        let cleaned: serde_json::Map<String, serde_json::Value> = map
            .iter()
            .map(|(k, v)| (k.clone(), json!(clean_html(v))))
            .collect();
        extra.insert("summaryMap".into(), cleaned.into());
    }
    if !post.attachment.is_empty() {
        extra.insert(
            "attachment".into(),
            serde_json::to_value(&post.attachment).unwrap_or_default(),
        );
    }
    if let Some(mode) = &post.join_mode {
        extra.insert("joinMode".into(), json!(plain_text(mode, 40)));
    }
    if let Some(category) = &post.category {
        extra.insert("category".into(), json!(plain_text(category, 80)));
    }
    ObjectData {
        ap_id: post.id.to_string(),
        kind: post.kind.as_str().to_string(),
        place_id: None,
        attributed_to: post.attributed_to.to_string(),
        name: post.name.as_deref().map(|n| plain_text(n, 500)),
        summary: post.summary.as_deref().map(clean_html),
        content: post.content.as_deref().map(clean_html),
        url: post.url.as_ref().map(ToString::to_string),
        start_time: post.start_time,
        end_time: post.end_time,
        timezone: post.timezone.as_deref().map(|t| plain_text(t, 60)),
        location_name: location
            .and_then(|l| l.name.as_deref())
            .map(|n| plain_text(n, 200)),
        street_address: address.street_address.map(|s| plain_text(&s, 200)),
        postal_code: address.postal_code.map(|s| plain_text(&s, 20)),
        locality: address.locality.map(|s| plain_text(&s, 120)),
        country: address.country.map(|s| plain_text(&s, 60)),
        latitude: geo.map(|g| g.latitude),
        longitude: geo.map(|g| g.longitude),
        online_url: post
            .online_url
            .as_ref()
            .or(post.location.online.as_ref())
            .map(ToString::to_string),
        price: post.price.as_deref().map(|p| plain_text(p, 80)),
        capacity: post
            .maximum_attendee_capacity
            .and_then(|c| i32::try_from(c).ok()),
        registration_url: post
            .external_participation_url
            .as_ref()
            .map(ToString::to_string),
        in_reply_to: post.in_reply_to.as_ref().map(ToString::to_string),
        public: post.is_public(),
        extra: (!extra.is_empty()).then(|| serde_json::Value::Object(extra).to_string()),
        published: post.published,
        updated: post.updated,
        summary_falc: post
            .summary_map
            .as_ref()
            .and_then(|m| m.get(FALC))
            .map(|v| clean_html(v)),
        content_falc: post
            .content_map
            .as_ref()
            .and_then(|m| m.get(FALC))
            .map(|v| clean_html(v)),
        event_status: post.event_status.as_deref().map(|s| plain_text(s, 40)),
        category: post.category.as_deref().map(|c| plain_text(c, 80)),
        license: post.license.as_ref().map(ToString::to_string),
        hashtags: (!post.tag.is_empty()).then(|| {
            let tags: Vec<String> = post
                .tag
                .iter()
                .map(|t| plain_text(t.name.trim_start_matches('#'), 60))
                .collect();
            json!(tags).to_string()
        }),
        concepts: received_concepts(&post.catalogue),
        booking_url: post.catalogue.booking_url.as_ref().map(ToString::to_string),
        opening_hours: post
            .catalogue
            .opening_hours
            .as_deref()
            .map(|h| plain_text(h, 500)),
        rrule: None,
        exceptions: None,
        series_id: None,
        occurrence_start: None,
    }
}

/// Checks that a received object belongs to the host it came from: its id and its author are
/// on the expected domain.
pub fn verify_origin(post: &Post, expected: &Url) -> Result<(), FederationError> {
    verify_domains_match(&post.id, expected).map_err(|_| {
        FederationError::Forbidden(format!(
            "object {} is not on the sender's host {}",
            post.id,
            expected.host_str().unwrap_or_default()
        ))
    })?;
    verify_domains_match(&post.attributed_to, &post.id).map_err(|_| {
        FederationError::Forbidden(format!(
            "object {} is attributed to {} on another host",
            post.id, post.attributed_to
        ))
    })?;
    Ok(())
}

#[async_trait::async_trait]
impl Object for ApubPost {
    type DataType = crate::AppData;
    type Kind = Post;
    type Error = FederationError;

    fn id(&self) -> &Url {
        &self.id
    }

    async fn read_from_id(id: Url, data: &Data) -> Result<Option<Self>, FederationError> {
        galaxie_db::objects::by_ap_id(data.db().conn(), id.as_str())
            .await?
            .map(ApubPost::new)
            .transpose()
    }

    fn is_deleted(&self) -> bool {
        self.row.deleted_at.is_some()
    }

    async fn into_json(self, data: &Data) -> Result<Post, FederationError> {
        self.to_post(data.db().conn(), data).await
    }

    async fn verify(json: &Post, expected: &Url, _data: &Data) -> Result<(), FederationError> {
        verify_origin(json, expected)
    }

    async fn from_json(json: Post, data: &Data) -> Result<Self, FederationError> {
        if json.funding.is_call() {
            // Announced or backfilled funding calls are kept with the others, apart from the
            // timeline; the caller then reads this as "not a timeline object".
            crate::funding::receive_create(data, &json).await?;
            return Err(FederationError::Malformed(
                "a funding call is kept apart from the timeline".into(),
            ));
        }
        let (row, _) = galaxie_db::objects::upsert(data.db().conn(), received_data(&json)).await?;
        ApubPost::new(row)
    }
}
