//! A place's page: who it is, when it is open ("ouvert maintenant"), where, what it offers
//! (services with pictograms), its accessibility, upcoming events, heritage showcases, news,
//! labels, and how to follow it from Mastodon. It prints as a one-page orientation sheet.

use crate::context::{Alternate, Ctx, Meta};
use crate::error::{SiteError, SiteResult};
use crate::forms::Field;
use crate::jsonld;
use crate::map::{self, Marker, MarkerKind};
use crate::view::{self, Html, Image, OpenNow, Picto, Text, When};
use axum::extract::Path;
use axum::response::Response;
use galaxie_db::entities::{objects, places};
use galaxie_domain::vocab::Scheme;
use serde::Serialize;

/// Upcoming events shown.
const UPCOMING: usize = 10;
/// How far ahead upcoming events are looked for.
const UPCOMING_DAYS: i64 = 120;

/// A group of pictograms under a heading.
#[derive(Debug, Serialize)]
pub struct PictoGroup {
    pub heading: String,
    pub pictos: Vec<Picto>,
}

/// One service on the page.
#[derive(Debug, Serialize)]
pub struct ServiceView {
    pub name: Text,
    pub href: String,
    pub description: Option<Html>,
    pub pictos: Vec<Picto>,
    pub hours: Vec<String>,
    pub price: Option<String>,
    pub booking_url: Option<String>,
}

/// An event, a showcase or a note in a list.
#[derive(Debug, Serialize)]
pub struct Entry {
    pub title: Text,
    pub href: String,
    pub when: Option<When>,
    pub summary: Option<Text>,
    pub image: Option<Image>,
    pub cancelled: bool,
}

#[derive(Debug, Serialize)]
struct PlaceData {
    name: String,
    username: String,
    handle: String,
    actor: String,
    summary: Option<Text>,
    description: Option<Html>,
    hours: Vec<String>,
    open_now: Option<OpenNow>,
    address: Option<String>,
    address_complement: Option<String>,
    map: Option<String>,
    osm_url: Option<String>,
    phone: Option<String>,
    phone_href: Option<String>,
    website: Option<String>,
    emails: Vec<String>,
    booking_url: Option<String>,
    acceslibre_url: Option<String>,
    itinerant: bool,
    offers: Vec<PictoGroup>,
    access: Vec<PictoGroup>,
    labels: Vec<Picto>,
    other_labels: Option<String>,
    /// Regional labels held with a valid attestation (`crate::pages::labels`).
    regional_labels: Vec<super::labels::RegionalLabel>,
    services: Vec<ServiceView>,
    events: Vec<Entry>,
    showcases: Vec<Entry>,
    notes: Vec<Entry>,
    feeds: Vec<Alternate>,
    follow_field: Field,
    follow_action: String,
}

fn html_paragraphs(text: &str) -> String {
    galaxie_domain::text::plain_text_to_html(text)
}

/// `/lieux/{username}`.
pub async fn place(ctx: Ctx, Path(username): Path<String>) -> SiteResult<Response> {
    let data = ctx.state.data();
    let conn = data.db().conn().clone();
    let urls = data.urls().clone();
    let p = galaxie_db::places::by_username(&conn, &username)
        .await?
        .filter(|p| p.kind == "place")
        .ok_or(SiteError::NotFound)?;
    let v = ctx.view();
    let profile = galaxie_db::places::profile(&p);
    let (hours, open_now) = v.hours(p.opening_hours.as_deref());
    let c = &profile.concepts;

    let mut offers = Vec::new();
    for (scheme, slugs) in [
        (Scheme::Service, &c.services),
        (Scheme::Public, &c.publics),
        (Scheme::Fee, &c.fees),
        (Scheme::SupportMode, &c.support_modes),
    ] {
        let pictos = v.pictos(scheme, slugs);
        if !pictos.is_empty() {
            offers.push(PictoGroup {
                heading: v.scheme_label(scheme).to_string(),
                pictos,
            });
        }
    }
    let mut access = Vec::new();
    for (scheme, slugs) in [
        (Scheme::AccessMode, &c.access_modes),
        (Scheme::SpecificSupport, &c.specific_support),
    ] {
        let pictos = v.pictos(scheme, slugs);
        if !pictos.is_empty() {
            access.push(PictoGroup {
                heading: v.scheme_label(scheme).to_string(),
                pictos,
            });
        }
    }
    let mut labels = v.pictos(Scheme::Label, &c.labels);
    labels.extend(v.pictos(Scheme::Programme, &c.programmes));
    let regional_labels = super::labels::held(&data, urls.place(&p.username).as_str()).await?;

    let services = galaxie_db::objects::by_place(&conn, p.id, Some("Page"))
        .await?
        .into_iter()
        .map(|s| service_view(&ctx, &s, &p))
        .collect();
    let now = chrono::Utc::now();
    let events = galaxie_db::objects::events_between(
        &conn,
        p.id,
        now,
        now + chrono::Duration::days(UPCOMING_DAYS),
    )
    .await?;
    let mut event_entries = Vec::new();
    for e in events.iter().take(UPCOMING) {
        event_entries.push(entry(&ctx, e).await?);
    }
    let mut showcases = Vec::new();
    for s in galaxie_db::objects::by_place(&conn, p.id, Some("Article"))
        .await?
        .iter()
        .take(10)
    {
        showcases.push(entry(&ctx, s).await?);
    }
    let mut notes = Vec::new();
    for n in galaxie_db::objects::by_place(&conn, p.id, Some("Note"))
        .await?
        .iter()
        .take(5)
    {
        notes.push(entry(&ctx, n).await?);
    }

    let page_url = ctx.absolute(&view::place_path(&p.username));
    let actor = urls.place(&p.username).to_string();
    let feeds: Vec<Alternate> = galaxie_web::routes::feeds::place_alternates(&urls, &p.username)
        .into_iter()
        .map(|(media_type, url)| Alternate {
            r#type: media_type.to_string(),
            href: url.to_string(),
            title: feed_title(&ctx, media_type),
        })
        .collect();
    let mut alternates = vec![Alternate {
        r#type: "application/activity+json".into(),
        href: actor.clone(),
        title: "ActivityPub".into(),
    }];
    alternates.extend(feeds.iter().cloned());
    let map_svg = p.latitude.zip(p.longitude).map(|(lat, lon)| {
        map::svg(
            "place-map",
            &[Marker {
                number: 1,
                lat,
                lon,
                kind: MarkerKind::Place,
                label: v.text(&p.name, None),
                href: view::place_path(&p.username),
                detail: None,
            }],
            &ctx.tr("place-map-title", &[("name", p.name.clone().into())]),
            &view::place_address(&p).unwrap_or_default(),
        )
    });
    let osm_url = p.latitude.zip(p.longitude).map(|(lat, lon)| {
        format!("https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=17/{lat}/{lon}")
    });
    let meta = Meta {
        description: p.summary.clone().or_else(|| view::place_address(&p)),
        canonical: Some(page_url.clone()),
        alternates,
        jsonld: Some(jsonld::script_safe(&jsonld::place(&p, &page_url, &actor))),
        og_type: "profile",
        og_image: p.icon_url.clone(),
        og_image_alt: p.icon_url.as_ref().map(|_| p.name.clone()),
        noindex: false,
    };
    let base = ctx.base(&p.name, "", meta);
    let follow_field = Field::new("account", ctx.t("follow-account"))
        .hint(ctx.t("follow-account-hint"))
        .autocomplete("username")
        .required();
    let handle = format!("@{}@{}", p.username, urls.authority());
    let phone_href = p
        .phone
        .as_ref()
        .map(|ph| format!("tel:{}", ph.replace(' ', "")));
    let data = PlaceData {
        summary: p
            .summary
            .as_deref()
            .map(|s| v.text(s, p.summary_falc.as_deref())),
        description: p
            .description
            .as_deref()
            .map(|d| v.html(&html_paragraphs(d), None)),
        hours,
        open_now,
        address: view::place_address(&p),
        address_complement: p.address_complement.clone(),
        map: map_svg,
        osm_url,
        phone: p.phone.clone(),
        phone_href,
        website: p.website.clone(),
        emails: profile.emails.clone(),
        booking_url: p.booking_url.clone(),
        acceslibre_url: p.acceslibre_url.clone(),
        itinerant: matches!(
            profile.mobility,
            Some(galaxie_domain::Mobility::Itinerant | galaxie_domain::Mobility::Both)
        ),
        offers,
        access,
        labels,
        other_labels: p.other_labels.clone(),
        regional_labels,
        services,
        events: event_entries,
        showcases,
        notes,
        feeds,
        follow_field,
        follow_action: format!("/lieux/{}/suivre", p.username),
        handle,
        actor,
        name: p.name.clone(),
        username: p.username.clone(),
    };
    ctx.page("place.html", base, data)
}

fn feed_title(ctx: &Ctx, media_type: &str) -> String {
    match media_type {
        "application/atom+xml" => "Atom".into(),
        "application/rss+xml" => "RSS".into(),
        "application/feed+json" => "JSON Feed".into(),
        _ => ctx.t("feed-calendar"),
    }
}

/// A service of a place, with its pictograms and its own hours (or the place's).
pub fn service_view(ctx: &Ctx, s: &objects::Model, p: &places::Model) -> ServiceView {
    let v = ctx.view();
    let mut pictos = Vec::new();
    for (key, scheme) in [
        ("services", Scheme::Service),
        ("publics", Scheme::Public),
        ("fees", Scheme::Fee),
        ("access_modes", Scheme::AccessMode),
        ("support_modes", Scheme::SupportMode),
    ] {
        pictos.extend(v.pictos(scheme, &view::object_concepts(s, key)));
    }
    let (hours, _) = v.hours(s.opening_hours.as_deref().or(p.opening_hours.as_deref()));
    ServiceView {
        name: v.text(s.name.as_deref().unwrap_or_default(), None),
        href: view::object_href(s),
        description: s
            .content
            .as_deref()
            .map(|c| v.html(c, s.content_falc.as_deref())),
        pictos,
        hours,
        price: s.price.clone(),
        booking_url: s.booking_url.clone(),
    }
}

/// An event, showcase or note in a list, with its first image.
pub async fn entry(ctx: &Ctx, row: &objects::Model) -> SiteResult<Entry> {
    let v = ctx.view();
    let data = ctx.state.data();
    let image = galaxie_db::media::for_object(data.db().conn(), row.id)
        .await?
        .first()
        .map(|m| view::image(data.urls(), m));
    let title = row
        .name
        .clone()
        .filter(|n| !n.trim().is_empty())
        .or_else(|| {
            row.content
                .as_deref()
                .map(|c| galaxie_federation::sanitize::plain_text(c, 80))
        })
        .unwrap_or_default();
    Ok(Entry {
        title: v.text(&title, None),
        href: view::object_href(row),
        when: row
            .start_time
            .map(|s| v.when(s, row.end_time, view::zone_of(row))),
        summary: if row.kind == "Event" {
            row.summary_falc
                .as_deref()
                .filter(|_| v.falc)
                .map(|f| v.text(f, Some(f)))
        } else {
            row.summary
                .as_deref()
                .map(|s| v.text(s, row.summary_falc.as_deref()))
        },
        image,
        cancelled: row.event_status.as_deref() == Some("EventCancelled"),
    })
}
