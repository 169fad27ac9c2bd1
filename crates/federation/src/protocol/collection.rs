//! Paged `OrderedCollection`s (outbox, followers, following).

use serde::{Deserialize, Serialize};
use serde_json::Value;
use url::Url;

/// The collection itself, pointing to its first page.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OrderedCollection {
    pub id: Url,
    #[serde(rename = "type")]
    pub kind: String,
    pub total_items: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first: Option<Url>,
}

/// One page.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OrderedCollectionPage {
    pub id: Url,
    #[serde(rename = "type")]
    pub kind: String,
    pub part_of: Url,
    pub total_items: u64,
    pub ordered_items: Vec<Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next: Option<Url>,
}

impl OrderedCollection {
    /// A collection of `total` items whose first page is `first`.
    pub fn new(id: Url, total: u64, first: Url) -> Self {
        Self {
            id,
            kind: "OrderedCollection".to_string(),
            total_items: total,
            first: Some(first),
        }
    }
}

impl OrderedCollectionPage {
    /// A page of `items`.
    pub fn new(id: Url, part_of: Url, total: u64, items: Vec<Value>, next: Option<Url>) -> Self {
        Self {
            id,
            kind: "OrderedCollectionPage".to_string(),
            part_of,
            total_items: total,
            ordered_items: items,
            next,
        }
    }
}
