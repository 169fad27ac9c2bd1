//! Images attached to posts, on the wire (`attachment`), and where this instance serves them.
//!
//! Mastodon reads `type` (`Image` or `Document`), `mediaType`, `url`, `name` (the alternative
//! text), `width`, `height` and `focalPoint` (`toot:focalPoint`, a two-number list from -1 to 1:
//! <https://docs.joinmastodon.org/spec/activitypub/#focalPoint>). Lemmy sends a bare `Link`
//! with `href`.

use super::helpers::link_url;
use crate::urls::Urls;
use galaxie_db::entities::media;
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;
use url::Url;

/// The attachment types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum AttachmentKind {
    Image,
    Document,
    Audio,
    Video,
    Link,
    /// Anything else other servers send.
    #[serde(other)]
    Other,
}

/// One attachment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Attachment {
    #[serde(rename = "type")]
    pub kind: AttachmentKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub media_type: Option<String>,
    /// `url`, or a `Link`'s `href`.
    #[serde(alias = "href", deserialize_with = "required_link_url")]
    pub url: Url,
    /// The alternative text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub width: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub height: Option<u32>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "focal_point"
    )]
    pub focal_point: Option<[f64; 2]>,
}

impl Attachment {
    /// A local image, served at `url`.
    pub fn image(row: &media::Model, url: Url) -> Self {
        Self {
            kind: AttachmentKind::Image,
            media_type: Some(row.media_type.clone()),
            url,
            name: Some(row.alt.clone()),
            width: u32::try_from(row.width).ok(),
            height: u32::try_from(row.height).ok(),
            focal_point: row.focal_x.zip(row.focal_y).map(|(x, y)| [x, y]),
        }
    }

    /// A local image, at its URL on this instance.
    pub fn local(urls: &Urls, row: &media::Model) -> Self {
        Self::image(row, media_url(urls, &row.sha256))
    }
}

/// Where this instance serves the image whose cleaned file is `sha256`: `/media/{sha256}`.
pub fn media_url(urls: &Urls, sha256: &str) -> Url {
    let mut url = urls.base().clone();
    url.set_path(&format!("/media/{sha256}"));
    url
}

/// Where this instance serves the thumbnail of the image `sha256`: `/media/{sha256}/thumbnail`.
pub fn thumbnail_url(urls: &Urls, sha256: &str) -> Url {
    let mut url = urls.base().clone();
    url.set_path(&format!("/media/{sha256}/thumbnail"));
    url
}

/// A post's `attachment`: one or many; entries we cannot read (no URL…) are dropped rather
/// than failing the whole post.
pub fn attachments<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Attachment>, D::Error> {
    let items = match Option::<Value>::deserialize(d)? {
        Some(Value::Array(items)) => items,
        Some(v @ Value::Object(_)) => vec![v],
        _ => Vec::new(),
    };
    Ok(items
        .into_iter()
        .filter_map(|v| serde_json::from_value(v).ok())
        .collect())
}

fn required_link_url<'de, D: Deserializer<'de>>(d: D) -> Result<Url, D::Error> {
    link_url(d)?.ok_or_else(|| serde::de::Error::custom("an attachment needs a url"))
}

/// A `focalPoint` that is not two numbers in [-1, 1] is ignored.
fn focal_point<'de, D: Deserializer<'de>>(d: D) -> Result<Option<[f64; 2]>, D::Error> {
    let value = Option::<Value>::deserialize(d)?;
    let Some(Value::Array(items)) = value else {
        return Ok(None);
    };
    let coords: Vec<f64> = items.iter().filter_map(Value::as_f64).collect();
    Ok(match coords.as_slice() {
        [x, y] if galaxie_domain::media::FocalPoint::new(*x, *y).is_ok() => Some([*x, *y]),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn row() -> media::Model {
        media::Model {
            id: 1,
            public_id: Default::default(),
            place_id: None,
            sha256: "ab".repeat(32),
            media_type: "image/png".into(),
            width: 800,
            height: 600,
            bytes: 1234,
            alt: "La grande salle du fablab".into(),
            focal_x: Some(0.25),
            focal_y: Some(-0.5),
            thumbnail_sha256: "cd".repeat(32),
            thumbnail_width: 400,
            thumbnail_height: 300,
            created_at: chrono::Utc::now(),
        }
    }

    #[test]
    fn a_local_image_has_mastodons_shape_and_round_trips() {
        let urls = Urls::new(&Url::parse("https://lieu.example").expect("url"));
        let attachment = Attachment::local(&urls, &row());
        let json = serde_json::to_value(&attachment).expect("json");
        assert_eq!(
            json,
            json!({
                "type": "Image",
                "mediaType": "image/png",
                "url": format!("https://lieu.example/media/{}", "ab".repeat(32)),
                "name": "La grande salle du fablab",
                "width": 800,
                "height": 600,
                "focalPoint": [0.25, -0.5],
            })
        );
        let back: Attachment = serde_json::from_value(json).expect("parse");
        assert_eq!(back, attachment);
        assert_eq!(
            thumbnail_url(&urls, &row().sha256).path(),
            format!("/media/{}/thumbnail", "ab".repeat(32))
        );
    }

    #[test]
    fn other_servers_attachments_are_read_leniently() {
        #[derive(Deserialize)]
        struct Post {
            #[serde(default, deserialize_with = "attachments")]
            attachment: Vec<Attachment>,
        }
        let post: Post = serde_json::from_value(json!({
            "attachment": [
                {
                    "type": "Document",
                    "mediaType": "image/jpeg",
                    "url": "https://mastodon.example/system/media/1.jpg",
                    "name": "Un chat",
                    "blurhash": "UBL_:rOpGG-oBUNG,qRj2so|=eE1w^n4S5NH",
                    "focalPoint": [0.0, 2.0],
                    "width": 1200,
                    "height": 900
                },
                { "type": "Link", "href": "https://enterprise.lemmy.ml/pictrs/image/eOtYb9iEiB.png" },
                { "type": "PropertyValue", "name": "no url" },
                { "type": "Hologram", "url": "https://x.example/h" }
            ]
        }))
        .expect("parse");
        assert_eq!(post.attachment.len(), 3);
        assert_eq!(post.attachment[0].kind, AttachmentKind::Document);
        assert_eq!(post.attachment[0].focal_point, None);
        assert_eq!(post.attachment[0].width, Some(1200));
        assert_eq!(post.attachment[1].kind, AttachmentKind::Link);
        assert_eq!(
            post.attachment[1].url.as_str(),
            "https://enterprise.lemmy.ml/pictrs/image/eOtYb9iEiB.png"
        );
        assert_eq!(post.attachment[2].kind, AttachmentKind::Other);
    }
}
