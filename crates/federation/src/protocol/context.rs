//! The JSON-LD `@context` of everything we publish: ActivityStreams, the security vocabulary,
//! and one inline object defining Galaxie's `gx:` terms, the schema.org terms (with the
//! `https://` IRI) and the Mastodon and FEP-8a8e (Mobilizon) extension terms we use.
//! The same inline object is served at `/ns` (FEP-67ff asks extensions to be documented; the
//! terms are listed in `FEDERATION.md`).

use serde_json::{Value, json};

/// The Galaxie vocabulary namespace. Stable across instances: a term means the same thing
/// wherever it is published.
pub const GX_NS: &str = galaxie_domain::vocab::NAMESPACE;

/// The inline context object.
pub fn galaxie_terms() -> Value {
    let set = |id: &str| json!({ "@id": id, "@type": "@id", "@container": "@set" });
    let id = |id: &str| json!({ "@id": id, "@type": "@id" });
    let mut m = serde_json::Map::new();
    let mut add = |k: &str, v: Value| {
        m.insert(k.to_string(), v);
    };
    add("gx", json!(GX_NS));
    add("schema", json!("https://schema.org/"));
    add("toot", json!("http://joinmastodon.org/ns#"));
    add("fep8a8e", json!("https://w3id.org/fep/8a8e/"));
    add(
        "manuallyApprovesFollowers",
        json!("as:manuallyApprovesFollowers"),
    );
    add("sensitive", json!("as:sensitive"));
    add("discoverable", json!("toot:discoverable"));
    add("indexable", json!("toot:indexable"));
    add("PropertyValue", json!("schema:PropertyValue"));
    add("value", json!("schema:value"));
    add("PostalAddress", json!("schema:PostalAddress"));
    add("address", json!("schema:address"));
    add("streetAddress", json!("schema:streetAddress"));
    add("postalCode", json!("schema:postalCode"));
    add("addressLocality", json!("schema:addressLocality"));
    add("addressRegion", json!("schema:addressRegion"));
    add("addressCountry", json!("schema:addressCountry"));
    add("telephone", json!("schema:telephone"));
    add("openingHours", json!("schema:openingHours"));
    add(
        "maximumAttendeeCapacity",
        json!("schema:maximumAttendeeCapacity"),
    );
    add("timezone", json!("fep8a8e:timezone"));
    add("joinMode", json!("fep8a8e:joinMode"));
    add(
        "externalParticipationUrl",
        json!("fep8a8e:externalParticipationUrl"),
    );
    add("category", json!("fep8a8e:category"));
    add(
        "eventStatus",
        json!({ "@id": "fep8a8e:eventStatus", "@type": "@vocab" }),
    );
    add("isOnline", json!("https://joinmobilizon.org/ns#isOnline"));
    add("price", json!("gx:price"));
    add("license", id("schema:license"));
    add(
        "focalPoint",
        json!({ "@id": "toot:focalPoint", "@container": "@list" }),
    );
    add("blurhash", json!("toot:blurhash"));
    add("VirtualLocation", json!("schema:VirtualLocation"));
    add("Hashtag", json!("as:Hashtag"));
    add("serviceTypes", set("gx:serviceTypes"));
    add("heritageKinds", set("gx:heritageKinds"));
    add("email", json!("schema:email"));
    add("pivot", json!("gx:pivot"));
    add("legalForm", id("gx:legalForm"));
    add("addressComplement", json!("gx:addressComplement"));
    add("inseeCode", json!("gx:inseeCode"));
    add("websites", set("gx:websites"));
    add("mobility", json!("gx:mobility"));
    add("parentStructure", json!("gx:parentStructure"));
    add("structureTypes", set("gx:structureTypes"));
    add("services", id("gx:services"));
    add("publics", set("gx:publics"));
    add("specificSupport", set("gx:specificSupport"));
    add("fees", set("gx:fees"));
    add("programmes", set("gx:programmes"));
    add("labels", set("gx:labels"));
    add("accessModes", set("gx:accessModes"));
    add("supportModes", set("gx:supportModes"));
    add("otherLabels", json!("gx:otherLabels"));
    add("acceslibre", id("gx:acceslibre"));
    add("bookingUrl", id("gx:bookingUrl"));
    add("members", id("gx:members"));
    add("moderationLog", id("gx:moderationLog"));
    add("joinPolicy", json!("gx:joinPolicy"));
    add("onlineUrl", id("gx:onlineUrl"));
    // The funding watch (`crate::funding`).
    add("fundingCall", json!("gx:fundingCall"));
    add("funder", json!("gx:funder"));
    add("programme", json!("gx:programme"));
    add(
        "deadline",
        json!({ "@id": "gx:deadline", "@type": "http://www.w3.org/2001/XMLSchema#date" }),
    );
    add(
        "openingDate",
        json!({ "@id": "gx:openingDate", "@type": "http://www.w3.org/2001/XMLSchema#date" }),
    );
    add("eligibleStructures", set("gx:eligibleStructures"));
    add(
        "territory",
        json!({ "@id": "gx:territory", "@container": "@set" }),
    );
    add("themes", set("gx:themes"));
    add("amountMax", json!("gx:amountMax"));
    add("rateMax", json!("gx:rateMax"));
    add("amountText", json!("gx:amountText"));
    add("howToApply", json!("gx:howToApply"));
    add("applicationUrl", id("gx:applicationUrl"));
    add("sourceLink", id("gx:sourceLink"));
    // Regional labels (`crate::label`).
    add("additionalType", id("schema:additionalType"));
    add(
        "criteria",
        json!({ "@id": "gx:criteria", "@container": "@list" }),
    );
    add(
        "answers",
        json!({ "@id": "gx:answers", "@container": "@list" }),
    );
    add("validityMonths", json!("gx:validityMonths"));
    add("issuer", id("gx:issuer"));
    add("holder", id("gx:holder"));
    add("label", id("gx:label"));
    // Cooperation (FEP-0837) and the code source (`crate::cooperation`, `crate::fork`).
    for (k, v) in crate::cooperation::context_terms() {
        m.insert(k.to_string(), v);
    }
    Value::Object(m)
}

/// The full `@context` value.
pub fn context() -> Value {
    json!([
        "https://www.w3.org/ns/activitystreams",
        "https://w3id.org/security/v1",
        galaxie_terms()
    ])
}

/// The document served at `/ns`: our terms, and the SKOS terms of the vocabulary.
pub fn context_document() -> Value {
    let mut terms = galaxie_terms();
    if let (Value::Object(ours), Value::Object(skos)) =
        (&mut terms, galaxie_domain::vocab::jsonld_context())
    {
        for (k, v) in skos {
            ours.entry(k).or_insert(v);
        }
    }
    json!({ "@context": terms })
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
