//! `Place` with a schema.org `PostalAddress` and float `latitude`/`longitude`: the location of
//! places and events, as Mobilizon sends and reads it.

use super::helpers::lenient_f64;
use galaxie_domain::{GeoPoint, PostalAddress as DomainAddress};
use serde::{Deserialize, Deserializer, Serialize};
use serde_json::Value;

/// An ActivityStreams `Place`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Place {
    #[serde(rename = "type", default = "place_kind")]
    pub kind: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<url::Url>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "address"
    )]
    pub address: Option<PostalAddress>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "lenient_f64"
    )]
    pub latitude: Option<f64>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "lenient_f64"
    )]
    pub longitude: Option<f64>,
}

fn place_kind() -> String {
    "Place".to_string()
}

/// A schema.org `PostalAddress`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PostalAddress {
    #[serde(rename = "type", default = "address_kind")]
    pub kind: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub street_address: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postal_code: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address_locality: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address_region: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address_country: Option<String>,
}

fn address_kind() -> String {
    "PostalAddress".to_string()
}

/// An address is an object, or (some servers) a plain string, kept as the street.
fn address<'de, D: Deserializer<'de>>(d: D) -> Result<Option<PostalAddress>, D::Error> {
    Ok(match Option::<Value>::deserialize(d)? {
        Some(Value::String(s)) if !s.trim().is_empty() => Some(PostalAddress {
            kind: address_kind(),
            street_address: Some(s),
            ..Default::default()
        }),
        Some(v @ Value::Object(_)) => serde_json::from_value(v).ok(),
        _ => None,
    })
}

impl Place {
    /// Builds a place from our domain types.
    pub fn new(name: Option<String>, address: &DomainAddress, geo: Option<GeoPoint>) -> Self {
        Place {
            kind: place_kind(),
            id: None,
            name,
            address: (!address.is_empty()).then(|| PostalAddress::from(address)),
            latitude: geo.map(|g| g.latitude),
            longitude: geo.map(|g| g.longitude),
        }
    }

    /// The domain address.
    pub fn domain_address(&self) -> DomainAddress {
        self.address
            .as_ref()
            .map(|a| DomainAddress {
                street_address: a.street_address.clone(),
                postal_code: a.postal_code.clone(),
                locality: a.address_locality.clone(),
                country: a.address_country.clone(),
            })
            .unwrap_or_default()
    }

    /// The position, when both coordinates are known and valid.
    pub fn geo(&self) -> Option<GeoPoint> {
        match (self.latitude, self.longitude) {
            (Some(latitude), Some(longitude))
                if (-90.0..=90.0).contains(&latitude) && (-180.0..=180.0).contains(&longitude) =>
            {
                Some(GeoPoint {
                    latitude,
                    longitude,
                })
            }
            _ => None,
        }
    }
}

impl From<&DomainAddress> for PostalAddress {
    fn from(a: &DomainAddress) -> Self {
        PostalAddress {
            kind: address_kind(),
            street_address: a.street_address.clone(),
            postal_code: a.postal_code.clone(),
            address_locality: a.locality.clone(),
            address_region: None,
            address_country: a.country.clone(),
        }
    }
}

/// A location is one `Place` or (rarely) an array of them; the first usable one is kept.
pub fn location<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Place>, D::Error> {
    Ok(match Option::<Value>::deserialize(d)? {
        Some(Value::Array(items)) => items
            .into_iter()
            .find_map(|v| serde_json::from_value(v).ok()),
        Some(v @ Value::Object(_)) => serde_json::from_value(v).ok(),
        _ => None,
    })
}

/// An event's `location`: a physical `Place`, a `VirtualLocation` (FEP-8a8e: the event can be
/// followed online), or both for a hybrid event — then serialised as an array of the two.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Locations {
    /// Where it happens physically.
    pub place: Option<Place>,
    /// Where to follow it online.
    pub online: Option<url::Url>,
}

impl Locations {
    /// Neither physical nor online.
    pub fn is_empty(&self) -> bool {
        self.place.is_none() && self.online.is_none()
    }
}

fn virtual_location(url: &url::Url) -> Value {
    serde_json::json!({ "type": "VirtualLocation", "url": url })
}

impl Serialize for Locations {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match (&self.place, &self.online) {
            (Some(place), Some(url)) => {
                let place = serde_json::to_value(place).map_err(serde::ser::Error::custom)?;
                Value::Array(vec![place, virtual_location(url)]).serialize(s)
            }
            (Some(place), None) => place.serialize(s),
            (None, Some(url)) => virtual_location(url).serialize(s),
            (None, None) => s.serialize_none(),
        }
    }
}

impl<'de> Deserialize<'de> for Locations {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let items = match Option::<Value>::deserialize(d)? {
            Some(Value::Array(items)) => items,
            Some(v @ Value::Object(_)) => vec![v],
            _ => Vec::new(),
        };
        let mut found = Locations::default();
        for item in items {
            let kind = item.get("type").and_then(Value::as_str).unwrap_or("Place");
            if kind == "VirtualLocation" {
                if found.online.is_none() {
                    found.online = crate::protocol::helpers::value_url(item.get("url"));
                }
            } else if found.place.is_none() {
                found.place = serde_json::from_value(item).ok();
            }
        }
        Ok(found)
    }
}
