//! The pages of this instance's publications: an event (date, place, map, "add to my
//! calendar", how to take part), a heritage showcase (images with their alternative text,
//! licence), a piece of news, a service. Remote objects are read where they were published.

use crate::context::{Alternate, Ctx, Meta};
use crate::error::{SiteError, SiteResult};
use crate::jsonld;
use crate::map::{self, Marker, MarkerKind};
use crate::view::{self, Html, Image, Picto, Text, When};
use axum::extract::Path;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use galaxie_db::entities::{objects, places};
use galaxie_domain::vocab::Scheme;
use serde::Serialize;

/// A local, live object of `kind` by the key of its id (`/objects/{key}`), with its place.
async fn local_object(
    ctx: &Ctx,
    key: &str,
    kind: &str,
) -> SiteResult<(objects::Model, places::Model)> {
    if key.is_empty() || !key.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
        return Err(SiteError::NotFound);
    }
    let data = ctx.state.data();
    let conn = data.db().conn();
    let mut id = data.urls().base().clone();
    id.set_path(&format!("/objects/{key}"));
    let row = galaxie_db::objects::by_ap_id(conn, id.as_str())
        .await?
        .filter(|r| r.kind == kind && r.deleted_at.is_none() && r.public)
        .ok_or(SiteError::NotFound)?;
    let place_id = row.place_id.ok_or(SiteError::NotFound)?;
    let place = galaxie_db::places::by_id(conn, place_id).await?;
    Ok((row, place))
}

fn alternates(row: &objects::Model) -> Vec<Alternate> {
    vec![Alternate {
        r#type: "application/activity+json".into(),
        href: row.ap_id.clone(),
        title: "ActivityPub".into(),
    }]
}

async fn images(ctx: &Ctx, row: &objects::Model) -> SiteResult<Vec<Image>> {
    let data = ctx.state.data();
    Ok(galaxie_db::media::for_object(data.db().conn(), row.id)
        .await?
        .iter()
        .map(|m| view::image(data.urls(), m))
        .collect())
}

#[derive(Serialize)]
struct PlaceLink {
    name: String,
    href: String,
}

#[derive(Serialize)]
struct EventData {
    name: Text,
    summary: Option<Text>,
    description: Option<Html>,
    when: Option<When>,
    status: Option<String>,
    cancelled: bool,
    location: Option<String>,
    map: Option<String>,
    osm_url: Option<String>,
    online_url: Option<String>,
    price: Option<String>,
    capacity: Option<i32>,
    registration_url: Option<String>,
    ics: String,
    place: PlaceLink,
    images: Vec<Image>,
    category: Option<Picto>,
    recurring: bool,
}

fn status_key(status: Option<&str>) -> Option<&'static str> {
    match status {
        Some("EventCancelled") => Some("event-cancelled"),
        Some("EventPostponed") => Some("event-postponed"),
        Some("EventRescheduled") => Some("event-rescheduled"),
        Some("EventMovedOnline") => Some("event-moved-online"),
        _ => None,
    }
}

/// `/evenements/{key}`.
pub async fn event(ctx: Ctx, Path(key): Path<String>) -> SiteResult<Response> {
    let (row, place) = local_object(&ctx, &key, "Event").await?;
    let v = ctx.view();
    let page_url = ctx.absolute(&format!("/evenements/{key}"));
    let images = images(&ctx, &row).await?;
    let place_url = ctx.absolute(&view::place_path(&place.username));
    let title = row.name.clone().unwrap_or_default();
    let location = view::object_where(&row);
    let map = row.latitude.zip(row.longitude).map(|(lat, lon)| {
        map::svg(
            "event-map",
            &[Marker {
                number: 1,
                lat,
                lon,
                kind: MarkerKind::Event,
                label: v.text(&title, None),
                href: page_url.clone(),
                detail: None,
            }],
            &ctx.tr("event-map-title", &[("name", title.clone().into())]),
            &location.clone().unwrap_or_default(),
        )
    });
    let osm_url = row.latitude.zip(row.longitude).map(|(lat, lon)| {
        format!("https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=17/{lat}/{lon}")
    });
    let category = row.category.as_deref().and_then(|c| {
        galaxie_domain::vocab::from_fep_8a8e(c).and_then(|k| v.picto(Scheme::EventCategory, k.slug))
    });
    let meta = Meta {
        description: row.summary.clone(),
        canonical: Some(page_url.clone()),
        alternates: alternates(&row),
        jsonld: Some(jsonld::script_safe(&jsonld::event(
            &row,
            &page_url,
            Some((&place.name, &place_url)),
            &images,
        ))),
        og_type: "article",
        og_image: images.first().map(|i| i.src.clone()),
        og_image_alt: images.first().map(|i| i.alt.clone()),
        noindex: false,
    };
    let base = ctx.base(&title, "", meta);
    let data = EventData {
        name: v.text(&title, None),
        summary: row
            .summary_falc
            .as_deref()
            .filter(|_| v.falc)
            .map(|f| v.text(f, Some(f))),
        description: row
            .content
            .as_deref()
            .map(|c| v.html(c, row.content_falc.as_deref()))
            .or_else(|| {
                row.content_falc
                    .as_deref()
                    .filter(|_| v.falc)
                    .map(|f| v.html(f, Some(f)))
            }),
        when: row
            .start_time
            .map(|s| v.when(s, row.end_time, view::zone_of(&row))),
        status: status_key(row.event_status.as_deref()).map(|k| ctx.t(k)),
        cancelled: row.event_status.as_deref() == Some("EventCancelled"),
        location,
        map,
        osm_url,
        online_url: row.online_url.clone(),
        price: row.price.clone(),
        capacity: row.capacity,
        registration_url: row.registration_url.clone(),
        ics: format!("/evenements/{key}/agenda.ics"),
        place: PlaceLink {
            name: place.name.clone(),
            href: view::place_path(&place.username),
        },
        images,
        category,
        recurring: row.series_id.is_some(),
    };
    ctx.page("event.html", base, data)
}

/// `/evenements/{key}/agenda.ics`: the event alone, as an iCalendar file to open in one's
/// calendar.
pub async fn event_calendar(ctx: Ctx, Path(key): Path<String>) -> SiteResult<Response> {
    let (row, _) = local_object(&ctx, &key, "Event").await?;
    let source = url::Url::parse(&ctx.absolute(&format!("/evenements/{key}/agenda.ics")))
        .map_err(|e| SiteError::Internal(e.to_string()))?;
    let body = galaxie_web::routes::feeds::event_calendar(&row, source)
        .map_err(|e| SiteError::Internal(e.to_string()))?;
    let mut response = body.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/calendar; charset=utf-8"),
    );
    if let Ok(v) = HeaderValue::from_str(&format!(
        "attachment; filename=\"evenement-{}.ics\"",
        key.chars().take(40).collect::<String>()
    )) {
        headers.insert(header::CONTENT_DISPOSITION, v);
    }
    Ok(response)
}

#[derive(Serialize)]
struct ShowcaseData {
    name: Text,
    summary: Option<Text>,
    content: Option<Html>,
    images: Vec<Image>,
    license_url: Option<String>,
    license_name: Option<String>,
    hashtags: Vec<String>,
    kinds: Vec<Picto>,
    location: Option<String>,
    published: When,
    place: PlaceLink,
}

/// A licence URL's short name ("CC BY-SA 4.0").
pub fn license_name(url: &str) -> Option<String> {
    let rest = url
        .trim_end_matches('/')
        .strip_prefix("https://creativecommons.org/")
        .or_else(|| {
            url.trim_end_matches('/')
                .strip_prefix("http://creativecommons.org/")
        })?;
    let parts: Vec<&str> = rest.split('/').collect();
    match parts.as_slice() {
        ["licenses", kind, version, ..] => {
            Some(format!("CC {} {version}", kind.to_ascii_uppercase()))
        }
        ["publicdomain", "zero", version, ..] => Some(format!("CC0 {version}")),
        _ => None,
    }
}

/// `/patrimoine/{key}`.
pub async fn showcase(ctx: Ctx, Path(key): Path<String>) -> SiteResult<Response> {
    let (row, place) = local_object(&ctx, &key, "Article").await?;
    let v = ctx.view();
    let page_url = ctx.absolute(&format!("/patrimoine/{key}"));
    let place_url = ctx.absolute(&view::place_path(&place.username));
    let images = images(&ctx, &row).await?;
    let title = row.name.clone().unwrap_or_default();
    let meta = Meta {
        description: row.summary.clone(),
        canonical: Some(page_url.clone()),
        alternates: alternates(&row),
        jsonld: Some(jsonld::script_safe(&jsonld::article(
            &row,
            &page_url,
            Some((&place.name, &place_url)),
            &images,
        ))),
        og_type: "article",
        og_image: images.first().map(|i| i.src.clone()),
        og_image_alt: images.first().map(|i| i.alt.clone()),
        noindex: false,
    };
    let base = ctx.base(&title, "", meta);
    let data = ShowcaseData {
        name: v.text(&title, None),
        summary: row
            .summary
            .as_deref()
            .map(|s| v.text(s, row.summary_falc.as_deref())),
        content: row
            .content
            .as_deref()
            .map(|c| v.html(c, row.content_falc.as_deref())),
        images,
        license_name: row.license.as_deref().and_then(license_name),
        license_url: row.license.clone(),
        hashtags: row
            .hashtags
            .as_deref()
            .and_then(|h| serde_json::from_str(h).ok())
            .unwrap_or_default(),
        kinds: v.pictos(
            Scheme::Heritage,
            &view::object_concepts(&row, "heritage_kinds"),
        ),
        location: view::object_where(&row),
        published: v.date(row.published),
        place: PlaceLink {
            name: place.name.clone(),
            href: view::place_path(&place.username),
        },
    };
    ctx.page("showcase.html", base, data)
}

#[derive(Serialize)]
struct NoteData {
    content: Option<Html>,
    published: When,
    place: PlaceLink,
    images: Vec<Image>,
}

/// `/actualites/{key}`.
pub async fn note(ctx: Ctx, Path(key): Path<String>) -> SiteResult<Response> {
    let (row, place) = local_object(&ctx, &key, "Note").await?;
    let v = ctx.view();
    let page_url = ctx.absolute(&format!("/actualites/{key}"));
    let title = ctx.tr("note-title", &[("place", place.name.clone().into())]);
    let meta = Meta {
        description: row
            .content
            .as_deref()
            .map(|c| galaxie_federation::sanitize::plain_text(c, 200)),
        canonical: Some(page_url),
        alternates: alternates(&row),
        og_type: "article",
        ..Default::default()
    };
    let base = ctx.base(&title, "", meta);
    let data = NoteData {
        content: row
            .content
            .as_deref()
            .map(|c| v.html(c, row.content_falc.as_deref())),
        published: v.date(row.published),
        images: images(&ctx, &row).await?,
        place: PlaceLink {
            name: place.name.clone(),
            href: view::place_path(&place.username),
        },
    };
    ctx.page("note.html", base, data)
}

#[derive(Serialize)]
struct ServiceData {
    service: crate::pages::place::ServiceView,
    summary: Option<Text>,
    place: PlaceLink,
}

/// `/services/{key}`.
pub async fn service(ctx: Ctx, Path(key): Path<String>) -> SiteResult<Response> {
    let (row, place) = local_object(&ctx, &key, "Page").await?;
    let v = ctx.view();
    let page_url = ctx.absolute(&format!("/services/{key}"));
    let title = row.name.clone().unwrap_or_default();
    let meta = Meta {
        description: row.summary.clone(),
        canonical: Some(page_url),
        alternates: alternates(&row),
        og_type: "article",
        ..Default::default()
    };
    let base = ctx.base(&title, "", meta);
    let data = ServiceData {
        service: crate::pages::place::service_view(&ctx, &row, &place),
        summary: row
            .summary
            .as_deref()
            .map(|s| v.text(s, row.summary_falc.as_deref())),
        place: PlaceLink {
            name: place.name.clone(),
            href: view::place_path(&place.username),
        },
    };
    ctx.page("service.html", base, data)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn creative_commons_licences_have_short_names() {
        assert_eq!(
            license_name("https://creativecommons.org/licenses/by-sa/4.0/").as_deref(),
            Some("CC BY-SA 4.0")
        );
        assert_eq!(
            license_name("https://creativecommons.org/publicdomain/zero/1.0/").as_deref(),
            Some("CC0 1.0")
        );
        assert_eq!(license_name("https://example.org/licence"), None);
    }
}
