//! `Flag`: another server reports actors or posts (Mastodon sends one when a moderator
//! forwards a report to the reported account's server). The report is stored for the instance
//! administrator (`/admin/signalements`); nothing else happens on its own.

use crate::data::Data;
use crate::error::FederationError;
use activitypub_federation::protocol::verification::verify_domains_match;
use activitypub_federation::traits::Activity;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use url::Url;

/// At most this many reported URLs are kept from one report.
const MAX_OBJECTS: usize = 100;
/// At most this many characters of the reporter's comment are kept.
const MAX_CONTENT: usize = 5000;

/// A `Flag`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Flag {
    pub id: Url,
    #[serde(rename = "type")]
    pub kind: String,
    pub actor: Url,
    /// One URL, or an array of URLs (or embedded objects with an id).
    pub object: Value,
    #[serde(default)]
    pub content: Option<String>,
}

impl Flag {
    /// The reported URLs, in order, without repeats.
    pub fn objects(&self) -> Vec<String> {
        let items: Vec<&Value> = match &self.object {
            Value::Array(items) => items.iter().collect(),
            other => vec![other],
        };
        let mut out: Vec<String> = Vec::new();
        for item in items {
            if let Some(url) = crate::protocol::helpers::value_id(item) {
                let url = url.to_string();
                if !out.contains(&url) {
                    out.push(url);
                }
            }
            if out.len() == MAX_OBJECTS {
                break;
            }
        }
        out
    }

    /// The reporter's comment, trimmed and shortened.
    pub fn comment(&self) -> Option<String> {
        let text = self.content.as_deref()?.trim();
        (!text.is_empty()).then(|| text.chars().take(MAX_CONTENT).collect())
    }
}

#[async_trait::async_trait]
impl Activity for Flag {
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
        if self.objects().is_empty() {
            return Err(FederationError::Malformed("Flag: no object".into()));
        }
        Ok(())
    }

    async fn receive(self, data: &Data) -> Result<(), FederationError> {
        let objects = self.objects();
        let comment = self.comment();
        galaxie_db::reports::record(
            data.db().conn(),
            galaxie_db::reports::NewReport {
                ap_id: self.id.as_str(),
                actor: self.actor.as_str(),
                objects: &objects,
                content: comment.as_deref(),
            },
        )
        .await?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reported_urls_are_read_from_a_url_an_array_or_embedded_objects() {
        let flag: Flag = serde_json::from_value(json!({
            "id": "https://mastodon.example/flag/1",
            "type": "Flag",
            "actor": "https://mastodon.example/actor",
            "content": "  Spam  ",
            "object": [
                "https://lieu.example/places/epn",
                {"id": "https://lieu.example/objects/3", "type": "Note"},
                "https://lieu.example/places/epn"
            ]
        }))
        .expect("flag");
        assert_eq!(
            flag.objects(),
            vec![
                "https://lieu.example/places/epn".to_string(),
                "https://lieu.example/objects/3".to_string()
            ]
        );
        assert_eq!(flag.comment().as_deref(), Some("Spam"));
        let single: Flag = serde_json::from_value(json!({
            "id": "https://mastodon.example/flag/2",
            "type": "Flag",
            "actor": "https://mastodon.example/actor",
            "object": "https://lieu.example/places/epn"
        }))
        .expect("flag");
        assert_eq!(single.objects().len(), 1);
        assert_eq!(single.comment(), None);
    }
}
