//! Lenient deserialisers for the shapes other servers send.

use serde::{Deserialize, Deserializer};
use serde_json::Value;
use url::Url;

/// The id of a value that is either an id string or an object with an `id`.
pub fn value_id(value: &Value) -> Option<Url> {
    match value {
        Value::String(s) => Url::parse(s).ok(),
        Value::Object(map) => map
            .get("id")
            .and_then(Value::as_str)
            .and_then(|s| Url::parse(s).ok()),
        _ => None,
    }
}

/// The first id of a value that is an id, an object, or an array of either.
/// `attributedTo` arrives in all three forms (Mastodon: string; Mobilizon and PeerTube:
/// array of `Person`/`Group`).
pub fn first_id<'de, D: Deserializer<'de>>(d: D) -> Result<Url, D::Error> {
    let value = Value::deserialize(d)?;
    let found = match &value {
        Value::Array(items) => items.iter().find_map(value_id),
        other => value_id(other),
    };
    found.ok_or_else(|| {
        serde::de::Error::custom("expected an id, an object with an id, or an array of them")
    })
}

/// Like [`first_id`], optional.
pub fn first_id_opt<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Url>, D::Error> {
    let value = Option::<Value>::deserialize(d)?;
    Ok(match value {
        None | Some(Value::Null) => None,
        Some(Value::Array(items)) => items.iter().find_map(value_id),
        Some(other) => value_id(&other),
    })
}

/// A URL given as a string, a `Link` object (`href`), or an array of them (the first
/// `text/html` one preferred).
pub fn link_url<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Url>, D::Error> {
    fn one(v: &Value) -> Option<(Url, bool)> {
        match v {
            Value::String(s) => Url::parse(s).ok().map(|u| (u, true)),
            Value::Object(m) => {
                let href = m.get("href").and_then(Value::as_str)?;
                let html = m
                    .get("mediaType")
                    .and_then(Value::as_str)
                    .is_none_or(|t| t == "text/html");
                Url::parse(href).ok().map(|u| (u, html))
            }
            _ => None,
        }
    }
    let value = Option::<Value>::deserialize(d)?;
    Ok(match value {
        None => None,
        Some(Value::Array(items)) => {
            let all: Vec<(Url, bool)> = items.iter().filter_map(one).collect();
            all.iter()
                .find(|(_, html)| *html)
                .or(all.first())
                .map(|(u, _)| u.clone())
        }
        Some(other) => one(&other).map(|(u, _)| u),
    })
}

/// A number given as a JSON number or a numeric string.
pub fn lenient_f64<'de, D: Deserializer<'de>>(d: D) -> Result<Option<f64>, D::Error> {
    let value = Option::<Value>::deserialize(d)?;
    Ok(match value {
        Some(Value::Number(n)) => n.as_f64(),
        Some(Value::String(s)) => s.trim().parse().ok(),
        _ => None,
    }
    .filter(|f| f.is_finite()))
}

/// Ids in `to`/`cc`: one or many, ids or objects; unparsable entries dropped.
pub fn audience<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Url>, D::Error> {
    let value = Option::<Value>::deserialize(d)?;
    Ok(match value {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(items)) => items.iter().filter_map(value_id).collect(),
        Some(other) => value_id(&other).into_iter().collect(),
    })
}

/// The ActivityStreams public collection, in its three spellings.
pub fn is_public(url: &Url) -> bool {
    matches!(
        url.as_str(),
        "https://www.w3.org/ns/activitystreams#Public" | "as:Public" | "Public"
    )
}

/// The public collection's canonical id.
pub fn public_collection() -> Url {
    #[allow(clippy::expect_used)]
    Url::parse("https://www.w3.org/ns/activitystreams#Public").expect("constant URL")
}

/// A URL given as a string or a `Link` (`href`).
pub fn value_url(value: Option<&Value>) -> Option<Url> {
    match value? {
        Value::String(s) => Url::parse(s).ok(),
        Value::Object(m) => m
            .get("href")
            .and_then(Value::as_str)
            .and_then(|s| Url::parse(s).ok()),
        _ => None,
    }
}
