//! schema.org JSON-LD for the pages of places (`Place`), events (`Event`) and showcases
//! (`Article`), so that search engines and other tools read them without scraping.

use crate::view;
use galaxie_db::entities::{media, objects, places};
use serde_json::{Map, Value, json};

/// A JSON-LD document made safe to sit inside `<script type="application/ld+json">`: `<`, `>`
/// and `&` are written as JSON escapes, so no text can close the element.
pub fn script_safe(value: &Value) -> String {
    value
        .to_string()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

fn insert_some(map: &mut Map<String, Value>, key: &str, value: Option<Value>) {
    if let Some(v) = value {
        map.insert(key.to_string(), v);
    }
}

fn address(
    street: Option<&str>,
    postal_code: Option<&str>,
    locality: Option<&str>,
    country: Option<&str>,
) -> Option<Value> {
    if street.is_none() && postal_code.is_none() && locality.is_none() {
        return None;
    }
    let mut a = Map::new();
    a.insert("@type".into(), json!("PostalAddress"));
    insert_some(&mut a, "streetAddress", street.map(|s| json!(s)));
    insert_some(&mut a, "postalCode", postal_code.map(|s| json!(s)));
    insert_some(&mut a, "addressLocality", locality.map(|s| json!(s)));
    insert_some(&mut a, "addressCountry", country.map(|s| json!(s)));
    Some(Value::Object(a))
}

fn geo(lat: Option<f64>, lon: Option<f64>) -> Option<Value> {
    Some(json!({ "@type": "GeoCoordinates", "latitude": lat?, "longitude": lon? }))
}

/// A place: its name, address, position, contact, hours (OSM syntax is schema.org's
/// `openingHours` text form for simple rules) and its ActivityPub id as `sameAs`.
pub fn place(p: &places::Model, page_url: &str, actor_url: &str) -> Value {
    let mut m = Map::new();
    m.insert("@context".into(), json!("https://schema.org"));
    m.insert("@type".into(), json!("Place"));
    m.insert("@id".into(), json!(page_url));
    m.insert("url".into(), json!(page_url));
    m.insert("name".into(), json!(p.name));
    insert_some(&mut m, "description", p.summary.as_ref().map(|s| json!(s)));
    insert_some(
        &mut m,
        "address",
        address(
            p.street_address.as_deref(),
            p.postal_code.as_deref(),
            p.locality.as_deref(),
            p.country.as_deref(),
        ),
    );
    insert_some(&mut m, "geo", geo(p.latitude, p.longitude));
    insert_some(&mut m, "telephone", p.phone.as_ref().map(|s| json!(s)));
    insert_some(
        &mut m,
        "openingHours",
        p.opening_hours.as_ref().map(|s| json!(s)),
    );
    let mut same_as = vec![json!(actor_url)];
    same_as.extend(p.website.iter().map(|w| json!(w)));
    m.insert("sameAs".into(), Value::Array(same_as));
    Value::Object(m)
}

fn image_list(images: &[view::Image]) -> Option<Value> {
    (!images.is_empty()).then(|| {
        Value::Array(
            images
                .iter()
                .map(|i| json!({ "@type": "ImageObject", "url": i.src, "description": i.alt }))
                .collect(),
        )
    })
}

/// An event: dates, status, place, price, registration, organiser.
pub fn event(
    row: &objects::Model,
    page_url: &str,
    organiser: Option<(&str, &str)>,
    images: &[view::Image],
) -> Value {
    let mut m = Map::new();
    m.insert("@context".into(), json!("https://schema.org"));
    m.insert("@type".into(), json!("Event"));
    m.insert("@id".into(), json!(page_url));
    m.insert("url".into(), json!(page_url));
    m.insert("name".into(), json!(row.name.clone().unwrap_or_default()));
    insert_some(
        &mut m,
        "description",
        row.summary.as_ref().map(|s| json!(s)),
    );
    insert_some(
        &mut m,
        "startDate",
        row.start_time.map(|t| json!(t.to_rfc3339())),
    );
    insert_some(
        &mut m,
        "endDate",
        row.end_time.map(|t| json!(t.to_rfc3339())),
    );
    insert_some(
        &mut m,
        "eventStatus",
        row.event_status
            .as_ref()
            .map(|s| json!(format!("https://schema.org/{s}"))),
    );
    let online = row.online_url.is_some();
    let physical = row.location_name.is_some()
        || row.street_address.is_some()
        || row.locality.is_some()
        || row.latitude.is_some();
    m.insert(
        "eventAttendanceMode".into(),
        json!(match (physical, online) {
            (true, true) => "https://schema.org/MixedEventAttendanceMode",
            (false, true) => "https://schema.org/OnlineEventAttendanceMode",
            _ => "https://schema.org/OfflineEventAttendanceMode",
        }),
    );
    let mut locations = Vec::new();
    if physical {
        let mut place = Map::new();
        place.insert("@type".into(), json!("Place"));
        insert_some(
            &mut place,
            "name",
            row.location_name.as_ref().map(|s| json!(s)),
        );
        insert_some(
            &mut place,
            "address",
            address(
                row.street_address.as_deref(),
                row.postal_code.as_deref(),
                row.locality.as_deref(),
                row.country.as_deref(),
            ),
        );
        insert_some(&mut place, "geo", geo(row.latitude, row.longitude));
        locations.push(Value::Object(place));
    }
    if let Some(url) = &row.online_url {
        locations.push(json!({ "@type": "VirtualLocation", "url": url }));
    }
    if !locations.is_empty() {
        m.insert("location".into(), Value::Array(locations));
    }
    if let Some(price) = &row.price {
        let free = price.to_lowercase().contains("gratuit") || price.trim() == "0";
        m.insert("isAccessibleForFree".into(), json!(free));
        let mut offer = json!({ "@type": "Offer", "description": price });
        if let Some(r) = &row.registration_url {
            offer["url"] = json!(r);
        }
        m.insert("offers".into(), offer);
    }
    insert_some(
        &mut m,
        "maximumAttendeeCapacity",
        row.capacity.map(|c| json!(c)),
    );
    if let Some((name, url)) = organiser {
        m.insert(
            "organizer".into(),
            json!({ "@type": "Organization", "name": name, "url": url }),
        );
    }
    insert_some(&mut m, "image", image_list(images));
    m.insert("sameAs".into(), json!(row.ap_id));
    Value::Object(m)
}

/// A heritage showcase: an article with its licence, images and author.
pub fn article(
    row: &objects::Model,
    page_url: &str,
    author: Option<(&str, &str)>,
    images: &[view::Image],
) -> Value {
    let mut m = Map::new();
    m.insert("@context".into(), json!("https://schema.org"));
    m.insert("@type".into(), json!("Article"));
    m.insert("@id".into(), json!(page_url));
    m.insert("url".into(), json!(page_url));
    m.insert(
        "headline".into(),
        json!(row.name.clone().unwrap_or_default()),
    );
    insert_some(
        &mut m,
        "description",
        row.summary.as_ref().map(|s| json!(s)),
    );
    m.insert("datePublished".into(), json!(row.published.to_rfc3339()));
    insert_some(
        &mut m,
        "dateModified",
        row.updated.map(|t| json!(t.to_rfc3339())),
    );
    insert_some(&mut m, "license", row.license.as_ref().map(|s| json!(s)));
    if let Some((name, url)) = author {
        m.insert(
            "author".into(),
            json!({ "@type": "Organization", "name": name, "url": url }),
        );
    }
    insert_some(&mut m, "image", image_list(images));
    let keywords: Vec<String> = row
        .hashtags
        .as_deref()
        .and_then(|h| serde_json::from_str(h).ok())
        .unwrap_or_default();
    if !keywords.is_empty() {
        m.insert("keywords".into(), json!(keywords.join(", ")));
    }
    m.insert("sameAs".into(), json!(row.ap_id));
    Value::Object(m)
}

/// Image rows as the pages and their JSON-LD show them.
pub fn images(urls: &galaxie_federation::urls::Urls, rows: &[media::Model]) -> Vec<view::Image> {
    rows.iter().map(|m| view::image(urls, m)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_cannot_be_closed_from_inside() {
        let v = json!({ "name": "</script><script>alert(1)</script> & co" });
        let safe = script_safe(&v);
        assert!(!safe.contains('<') && !safe.contains('>'), "{safe}");
        let back: Value = serde_json::from_str(&safe).expect("still JSON");
        assert_eq!(back, v);
    }
}
