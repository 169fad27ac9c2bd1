//! The JSON-LD `@context` of everything we publish: ActivityStreams, the security vocabulary,
//! and one inline object defining Galaxie's `gx:` terms, the schema.org terms (with the
//! `https://` IRI) and the Mastodon and FEP-8a8e (Mobilizon) extension terms we use.
//! The same inline object is served at `/ns` (FEP-67ff asks extensions to be documented; the
//! terms are listed in `FEDERATION.md`).

use serde_json::{Value, json};

/// The Galaxie vocabulary namespace. Stable across instances: a term means the same thing
/// wherever it is published.
pub const GX_NS: &str = "https://galaxie.tiers-lieux.fr/ns#";

/// The inline context object.
pub fn galaxie_terms() -> Value {
    json!({
        "gx": GX_NS,
        "schema": "https://schema.org/",
        "toot": "http://joinmastodon.org/ns#",
        "fep8a8e": "https://w3id.org/fep/8a8e/",
        "manuallyApprovesFollowers": "as:manuallyApprovesFollowers",
        "sensitive": "as:sensitive",
        "discoverable": "toot:discoverable",
        "indexable": "toot:indexable",
        "PropertyValue": "schema:PropertyValue",
        "value": "schema:value",
        "PostalAddress": "schema:PostalAddress",
        "address": "schema:address",
        "streetAddress": "schema:streetAddress",
        "postalCode": "schema:postalCode",
        "addressLocality": "schema:addressLocality",
        "addressRegion": "schema:addressRegion",
        "addressCountry": "schema:addressCountry",
        "telephone": "schema:telephone",
        "openingHours": "schema:openingHours",
        "maximumAttendeeCapacity": "schema:maximumAttendeeCapacity",
        "timezone": "fep8a8e:timezone",
        "joinMode": "fep8a8e:joinMode",
        "externalParticipationUrl": "fep8a8e:externalParticipationUrl",
        "category": "fep8a8e:category",
        "eventStatus": { "@id": "fep8a8e:eventStatus", "@type": "@vocab" },
        "isOnline": "https://joinmobilizon.org/ns#isOnline",
        "price": "gx:price",
        "onlineUrl": { "@id": "gx:onlineUrl", "@type": "@id" }
    })
}

/// The full `@context` value.
pub fn context() -> Value {
    json!([
        "https://www.w3.org/ns/activitystreams",
        "https://w3id.org/security/v1",
        galaxie_terms()
    ])
}

/// The document served at `/ns`.
pub fn context_document() -> Value {
    json!({ "@context": galaxie_terms() })
}

/// Wraps a serialised object with our `@context` as its first key.
pub fn with_context<T: serde::Serialize>(object: &T) -> Result<Value, serde_json::Error> {
    let mut map = serde_json::Map::new();
    map.insert("@context".to_string(), context());
    match serde_json::to_value(object)? {
        Value::Object(fields) => {
            for (k, v) in fields {
                if k != "@context" {
                    map.insert(k, v);
                }
            }
            Ok(Value::Object(map))
        }
        other => Ok(other),
    }
}
