//! Public feeds for readers, calendars and maps that do not speak ActivityPub: Atom, RSS 2.0
//! and JSON Feed 1.1 of each place's (and the whole instance's) notes and events, iCalendar of
//! their events, and GeoJSON of the places. Every document is built with its format's crate,
//! answered with `ETag`/`Last-Modified` and revalidated with `If-None-Match` (→ 304).
//!
//! FEP-a5c5 (Web Syndication Methods) also asks for the actor URL with `.atom`/`.rss`
//! appended (`/places/{username}.atom`); axum cannot route a suffix after a parameter, so the
//! actor handler hands those to [`by_suffix`].

use super::AppState;
use crate::error::{AppError, AppResult};
use axum::Router;
use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::Response;
use axum::routing::get;
use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, Offset, TimeZone, Utc};
use galaxie_db::entities::{objects, places};
use galaxie_federation::FederationError;
use galaxie_federation::sanitize::plain_text;
use galaxie_federation::urls::Urls;
use icalendar::{CalendarDateTime, Component, EventLike, EventStatus, Property};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::{self, Display};
use std::str::FromStr;
use url::Url;

/// The format crates, re-exported so that readers (the end-to-end tests) parse with the very
/// versions that wrote.
pub use atom_syndication;
pub use geojson;
pub use icalendar;
pub use rss;

/// Entries in an Atom, RSS or JSON feed.
pub const FEED_SIZE: u64 = 50;
/// Events in a calendar: the latest starts.
pub const CALENDAR_SIZE: u64 = 500;
/// Feed readers poll; five minutes of caching spares the database.
const CACHE_CONTROL: &str = "public, max-age=300";
/// How many characters of a note's text make its title.
const NOTE_TITLE_CHARS: usize = 80;

/// The media types served here.
pub mod media_type {
    /// Atom (RFC 4287).
    pub const ATOM: &str = "application/atom+xml";
    /// RSS 2.0.
    pub const RSS: &str = "application/rss+xml";
    /// JSON Feed 1.1.
    pub const JSON_FEED: &str = "application/feed+json";
    /// iCalendar (RFC 5545).
    pub const CALENDAR: &str = "text/calendar";
    /// GeoJSON (RFC 7946).
    pub const GEOJSON: &str = "application/geo+json";
}

pub(super) fn router() -> Router<AppState> {
    Router::new()
        .route("/feed.atom", get(instance_atom))
        .route("/feed.rss", get(instance_rss))
        .route("/feed.json", get(instance_json))
        .route("/events.ics", get(instance_calendar))
        .route("/places.geojson", get(places_geojson))
        .route("/places/{username}/feed.atom", get(place_atom))
        .route("/places/{username}/feed.rss", get(place_rss))
        .route("/places/{username}/feed.json", get(place_json))
        .route("/places/{username}/events.ics", get(place_calendar))
}

/// Answers `/places/{username}.atom` and `.rss` (FEP-a5c5), which reach the actor route;
/// anything else there is not found.
pub(super) async fn by_suffix(
    state: &AppState,
    name: &str,
    headers: &HeaderMap,
) -> AppResult<Response> {
    if let Some(username) = name.strip_suffix(".atom") {
        place_feed(state, username, headers, Format::Atom).await
    } else if let Some(username) = name.strip_suffix(".rss") {
        place_feed(state, username, headers, Format::Rss).await
    } else {
        Err(AppError::NotFound)
    }
}

/// The `<link rel="alternate">` of a place's HTML page: its feeds, as (media type, URL).
pub fn place_alternates(urls: &Urls, username: &str) -> Vec<(&'static str, Url)> {
    let feeds = FeedUrls::place(urls, username);
    vec![
        (media_type::ATOM, feeds.atom),
        (media_type::RSS, feeds.rss),
        (media_type::JSON_FEED, feeds.json),
        (media_type::CALENDAR, feeds.calendar),
    ]
}

/// One event alone as an iCalendar document ("add to my calendar" on its page; `source` is
/// where the file is served). A recurring series carries its rule.
pub fn event_calendar(row: &objects::Model, source: Url) -> AppResult<String> {
    let about = CalendarMeta {
        name: row.name.clone().unwrap_or_else(|| "Événement".to_string()),
        description: row.summary.clone(),
        source,
    };
    calendar(&about, std::slice::from_ref(row)).map_err(internal)
}

// ---------------------------------------------------------------------------------------------
// Handlers

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Atom,
    Rss,
    Json,
}

async fn place_atom(
    State(state): State<AppState>,
    Path(username): Path<String>,
    headers: HeaderMap,
) -> AppResult<Response> {
    place_feed(&state, &username, &headers, Format::Atom).await
}

async fn place_rss(
    State(state): State<AppState>,
    Path(username): Path<String>,
    headers: HeaderMap,
) -> AppResult<Response> {
    place_feed(&state, &username, &headers, Format::Rss).await
}

async fn place_json(
    State(state): State<AppState>,
    Path(username): Path<String>,
    headers: HeaderMap,
) -> AppResult<Response> {
    place_feed(&state, &username, &headers, Format::Json).await
}

async fn instance_atom(State(state): State<AppState>, headers: HeaderMap) -> AppResult<Response> {
    instance_feed(&state, &headers, Format::Atom).await
}

async fn instance_rss(State(state): State<AppState>, headers: HeaderMap) -> AppResult<Response> {
    instance_feed(&state, &headers, Format::Rss).await
}

async fn instance_json(State(state): State<AppState>, headers: HeaderMap) -> AppResult<Response> {
    instance_feed(&state, &headers, Format::Json).await
}

async fn place_feed(
    state: &AppState,
    username: &str,
    headers: &HeaderMap,
    format: Format,
) -> AppResult<Response> {
    let data = state.data();
    let conn = data.db().conn();
    let urls = data.urls();
    let place = galaxie_db::places::get_by_username(conn, username).await?;
    let rows = galaxie_db::feeds::latest_posts(conn, Some(place.id), FEED_SIZE).await?;
    let author = Author::of(urls, &place);
    let posts: Vec<Post> = rows
        .iter()
        .filter_map(|row| Post::from_row(row, author.clone()))
        .collect();
    let meta = FeedMeta {
        title: place.name.clone(),
        description: place.summary.clone(),
        home: urls.place(&place.username),
        urls: FeedUrls::place(urls, &place.username),
        icon: place.icon_url.as_deref().and_then(|u| u.parse().ok()),
        updated: newest(posts.iter().map(|p| p.updated), place.updated_at),
        author: Some(author),
    };
    render_feed(headers, format, &meta, &posts)
}

async fn instance_feed(
    state: &AppState,
    headers: &HeaderMap,
    format: Format,
) -> AppResult<Response> {
    let data = state.data();
    let conn = data.db().conn();
    let urls = data.urls();
    let places = galaxie_db::places::list(conn).await?;
    let authors: HashMap<_, _> = places.iter().map(|p| (p.id, Author::of(urls, p))).collect();
    let rows = galaxie_db::feeds::latest_posts(conn, None, FEED_SIZE).await?;
    let posts: Vec<Post> = rows
        .iter()
        .filter_map(|row| {
            let author = row.place_id.and_then(|id| authors.get(&id))?;
            Post::from_row(row, author.clone())
        })
        .collect();
    let authority = urls.authority();
    let meta = FeedMeta {
        title: format!("Galaxie — {authority}"),
        description: Some(format!("Actualités et événements des lieux de {authority}")),
        home: urls.base().clone(),
        urls: FeedUrls::instance(urls),
        icon: None,
        updated: newest(posts.iter().map(|p| p.updated), DateTime::<Utc>::UNIX_EPOCH),
        author: None,
    };
    render_feed(headers, format, &meta, &posts)
}

fn render_feed(
    headers: &HeaderMap,
    format: Format,
    meta: &FeedMeta,
    posts: &[Post],
) -> AppResult<Response> {
    let (media_type, body) = match format {
        Format::Atom => (
            "application/atom+xml; charset=utf-8",
            atom_feed(meta, posts)?,
        ),
        Format::Rss => ("application/rss+xml; charset=utf-8", rss_feed(meta, posts)?),
        Format::Json => (media_type::JSON_FEED, json_feed(meta, posts)?),
    };
    cached(headers, media_type, body, Some(meta.updated))
}

async fn place_calendar(
    State(state): State<AppState>,
    Path(username): Path<String>,
    headers: HeaderMap,
) -> AppResult<Response> {
    let data = state.data();
    let conn = data.db().conn();
    let urls = data.urls();
    let place = galaxie_db::places::get_by_username(conn, &username).await?;
    let rows = galaxie_db::feeds::events(conn, Some(place.id), CALENDAR_SIZE).await?;
    let about = CalendarMeta {
        name: place.name.clone(),
        description: place.summary.clone(),
        source: FeedUrls::place(urls, &place.username).calendar,
    };
    let last_modified = newest(rows.iter().map(changed_at), place.updated_at);
    calendar_response(&headers, &about, &rows, last_modified)
}

async fn instance_calendar(
    State(state): State<AppState>,
    headers: HeaderMap,
) -> AppResult<Response> {
    let data = state.data();
    let urls = data.urls();
    let rows = galaxie_db::feeds::events(data.db().conn(), None, CALENDAR_SIZE).await?;
    let authority = urls.authority();
    let about = CalendarMeta {
        name: format!("Galaxie — {authority}"),
        description: Some(format!("Événements des lieux de {authority}")),
        source: FeedUrls::instance(urls).calendar,
    };
    let last_modified = newest(rows.iter().map(changed_at), DateTime::<Utc>::UNIX_EPOCH);
    calendar_response(&headers, &about, &rows, last_modified)
}

fn calendar_response(
    headers: &HeaderMap,
    about: &CalendarMeta,
    rows: &[objects::Model],
    last_modified: DateTime<Utc>,
) -> AppResult<Response> {
    let body = calendar(about, rows).map_err(internal)?;
    cached(
        headers,
        "text/calendar; charset=utf-8",
        body.into_bytes(),
        Some(last_modified),
    )
}

async fn places_geojson(State(state): State<AppState>, headers: HeaderMap) -> AppResult<Response> {
    let data = state.data();
    let rows = galaxie_db::feeds::places_on_map(data.db().conn()).await?;
    let last_modified = newest(
        rows.iter().map(|p| p.updated_at),
        DateTime::<Utc>::UNIX_EPOCH,
    );
    let body = places_collection(data.urls(), &rows)?;
    cached(&headers, media_type::GEOJSON, body, Some(last_modified))
}

// ---------------------------------------------------------------------------------------------
// What every feed format says

/// Where a feed lives, in each format.
struct FeedUrls {
    atom: Url,
    rss: Url,
    json: Url,
    calendar: Url,
}

impl FeedUrls {
    fn place(urls: &Urls, username: &str) -> Self {
        let at = |file: &str| path(urls, &format!("/places/{username}/{file}"));
        FeedUrls {
            atom: at("feed.atom"),
            rss: at("feed.rss"),
            json: at("feed.json"),
            calendar: at("events.ics"),
        }
    }

    fn instance(urls: &Urls) -> Self {
        FeedUrls {
            atom: path(urls, "/feed.atom"),
            rss: path(urls, "/feed.rss"),
            json: path(urls, "/feed.json"),
            calendar: path(urls, "/events.ics"),
        }
    }
}

fn path(urls: &Urls, path: &str) -> Url {
    let mut url = urls.base().clone();
    url.set_path(path);
    url
}

/// A feed's own description.
struct FeedMeta {
    title: String,
    /// Plain text.
    description: Option<String>,
    /// The HTML page the feed stands for.
    home: Url,
    urls: FeedUrls,
    icon: Option<Url>,
    /// The place, for a place's feed.
    author: Option<Author>,
    /// The newest change of an entry or of the place.
    updated: DateTime<Utc>,
}

/// Who published an entry: a place, by name and actor URL.
#[derive(Debug, Clone)]
struct Author {
    name: String,
    url: Url,
}

impl Author {
    fn of(urls: &Urls, place: &places::Model) -> Self {
        Author {
            name: place.name.clone(),
            url: urls.place(&place.username),
        }
    }
}

/// A note or an event, as every feed format shows it.
#[derive(Debug, Clone)]
struct Post {
    /// The ActivityPub id, which is also the HTML page.
    id: Url,
    title: String,
    /// The one-line summary of an event, plain text.
    summary: Option<String>,
    /// Sanitised HTML.
    content_html: Option<String>,
    published: DateTime<Utc>,
    updated: DateTime<Utc>,
    author: Author,
}

impl Post {
    fn from_row(row: &objects::Model, author: Author) -> Option<Self> {
        let id = Url::parse(&row.ap_id).ok()?;
        let is_event = row.kind == "Event";
        let title = if is_event {
            row.name.clone().unwrap_or_else(|| "Événement".to_string())
        } else {
            let text = row.content.as_deref().map(html_to_text).unwrap_or_default();
            let title = excerpt(&text, NOTE_TITLE_CHARS);
            if title.is_empty() {
                "Note".to_string()
            } else {
                title
            }
        };
        Some(Post {
            id,
            title,
            summary: if is_event { row.summary.clone() } else { None },
            content_html: row.content.clone(),
            published: row.published,
            updated: changed_at(row),
            author,
        })
    }
}

/// When an object last changed.
fn changed_at(row: &objects::Model) -> DateTime<Utc> {
    row.updated.unwrap_or(row.published).max(row.published)
}

fn newest(times: impl Iterator<Item = DateTime<Utc>>, floor: DateTime<Utc>) -> DateTime<Utc> {
    times.fold(floor, DateTime::max)
}

// ---------------------------------------------------------------------------------------------
// Atom, RSS, JSON Feed

fn atom_feed(meta: &FeedMeta, posts: &[Post]) -> AppResult<Vec<u8>> {
    use atom_syndication::{Content, Entry, Feed, Generator, Link, Person, Text};
    let person = |a: &Author| Person {
        name: a.name.clone(),
        uri: Some(a.url.to_string()),
        ..Default::default()
    };
    let link = |href: &Url, rel: &str, mime_type: &str| Link {
        href: href.to_string(),
        rel: rel.to_string(),
        mime_type: Some(mime_type.to_string()),
        ..Default::default()
    };
    let entries = posts
        .iter()
        .map(|p| Entry {
            title: Text::plain(p.title.clone()),
            id: p.id.to_string(),
            updated: p.updated.fixed_offset(),
            published: Some(p.published.fixed_offset()),
            authors: vec![person(&p.author)],
            links: vec![link(&p.id, "alternate", "text/html")],
            summary: p.summary.clone().map(Text::plain),
            content: p.content_html.clone().map(|html| Content {
                value: Some(html),
                content_type: Some("html".to_string()),
                ..Default::default()
            }),
            ..Default::default()
        })
        .collect();
    let feed = Feed {
        title: Text::plain(meta.title.clone()),
        id: meta.urls.atom.to_string(),
        updated: meta.updated.fixed_offset(),
        authors: meta.author.iter().map(person).collect(),
        generator: Some(Generator {
            value: "Galaxie".to_string(),
            uri: None,
            version: Some(env!("CARGO_PKG_VERSION").to_string()),
        }),
        icon: meta.icon.as_ref().map(ToString::to_string),
        links: vec![
            link(&meta.urls.atom, "self", media_type::ATOM),
            link(&meta.home, "alternate", "text/html"),
        ],
        subtitle: meta.description.clone().map(Text::plain),
        entries,
        lang: Some("fr".to_string()),
        ..Default::default()
    };
    feed.write_to(Vec::new()).map_err(internal)
}

fn rss_feed(meta: &FeedMeta, posts: &[Post]) -> AppResult<Vec<u8>> {
    use rss::extension::dublincore::DublinCoreExtension;
    use rss::extension::{Extension, ExtensionMap};
    use rss::{Channel, Guid, Image, Item};
    const ATOM_NS: &str = "http://www.w3.org/2005/Atom";
    let items = posts
        .iter()
        .map(|p| Item {
            title: Some(p.title.clone()),
            link: Some(p.id.to_string()),
            // Readers show `description`: an event's one-line "what, when, where", or a
            // note's text; an event's longer text goes in `content:encoded`.
            description: p.summary.clone().or_else(|| p.content_html.clone()),
            content: p.summary.as_ref().and(p.content_html.clone()),
            guid: Some(Guid {
                value: p.id.to_string(),
                permalink: true,
            }),
            pub_date: Some(p.published.to_rfc2822()),
            dublin_core_ext: Some(DublinCoreExtension {
                creators: vec![p.author.name.clone()],
                ..Default::default()
            }),
            ..Default::default()
        })
        .collect();
    // `<atom:link rel="self">`, which RSS 2.0 lacks (RSS Advisory Board best practices).
    let self_link = Extension {
        name: "atom:link".to_string(),
        attrs: BTreeMap::from([
            ("href".to_string(), meta.urls.rss.to_string()),
            ("rel".to_string(), "self".to_string()),
            ("type".to_string(), media_type::RSS.to_string()),
        ]),
        ..Default::default()
    };
    let mut extensions = ExtensionMap::new();
    extensions
        .entry("atom".to_string())
        .or_default()
        .insert("link".to_string(), vec![self_link]);
    let channel = Channel {
        title: meta.title.clone(),
        link: meta.home.to_string(),
        description: meta
            .description
            .clone()
            .unwrap_or_else(|| meta.title.clone()),
        language: Some("fr".to_string()),
        generator: Some(format!("Galaxie {}", env!("CARGO_PKG_VERSION"))),
        last_build_date: Some(meta.updated.to_rfc2822()),
        ttl: Some("5".to_string()),
        image: meta.icon.as_ref().map(|icon| Image {
            url: icon.to_string(),
            title: meta.title.clone(),
            link: meta.home.to_string(),
            ..Default::default()
        }),
        items,
        extensions,
        namespaces: BTreeMap::from([("atom".to_string(), ATOM_NS.to_string())]),
        ..Default::default()
    };
    channel.write_to(Vec::new()).map_err(internal)
}

/// JSON Feed 1.1 (<https://www.jsonfeed.org/version/1.1/>).
#[derive(Serialize)]
struct JsonFeed<'a> {
    version: &'static str,
    title: &'a str,
    home_page_url: &'a Url,
    feed_url: &'a Url,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    icon: Option<&'a Url>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    authors: Vec<JsonFeedAuthor<'a>>,
    language: &'static str,
    items: Vec<JsonFeedItem<'a>>,
}

#[derive(Serialize)]
struct JsonFeedAuthor<'a> {
    name: &'a str,
    url: &'a Url,
}

impl<'a> From<&'a Author> for JsonFeedAuthor<'a> {
    fn from(a: &'a Author) -> Self {
        JsonFeedAuthor {
            name: &a.name,
            url: &a.url,
        }
    }
}

#[derive(Serialize)]
struct JsonFeedItem<'a> {
    id: &'a str,
    url: &'a Url,
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    summary: Option<&'a str>,
    /// One of `content_html` and `content_text` is required.
    #[serde(skip_serializing_if = "Option::is_none")]
    content_html: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    content_text: Option<&'a str>,
    date_published: DateTime<Utc>,
    date_modified: DateTime<Utc>,
    authors: Vec<JsonFeedAuthor<'a>>,
}

fn json_feed(meta: &FeedMeta, posts: &[Post]) -> AppResult<Vec<u8>> {
    let feed = JsonFeed {
        version: "https://jsonfeed.org/version/1.1",
        title: &meta.title,
        home_page_url: &meta.home,
        feed_url: &meta.urls.json,
        description: meta.description.as_deref(),
        icon: meta.icon.as_ref(),
        authors: meta.author.iter().map(Into::into).collect(),
        language: "fr",
        items: posts
            .iter()
            .map(|p| JsonFeedItem {
                id: p.id.as_str(),
                url: &p.id,
                title: &p.title,
                summary: p.summary.as_deref(),
                content_html: p.content_html.as_deref(),
                content_text: match p.content_html {
                    Some(_) => None,
                    None => Some(p.summary.as_deref().unwrap_or(&p.title)),
                },
                date_published: p.published,
                date_modified: p.updated,
                authors: vec![(&p.author).into()],
            })
            .collect(),
    };
    serde_json::to_vec(&feed).map_err(internal)
}

// ---------------------------------------------------------------------------------------------
// iCalendar

/// A calendar's own description.
struct CalendarMeta {
    name: String,
    description: Option<String>,
    /// Where the calendar is fetched from (RFC 7986 `SOURCE`).
    source: Url,
}

/// The recurrence of an event, as iCalendar lines: the `RRULE` value (without the `RRULE:`
/// name, like `FREQ=WEEKLY;BYDAY=WE`) and the cancelled occurrences (`EXDATE`), written in the
/// event's time zone. The recurrence module fills this in; until then every event is passed
/// `None` and is written as a single occurrence.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RecurrenceLines {
    pub rrule: String,
    pub exdates: Vec<DateTime<Utc>>,
}

/// chrono-tz's `Tz` for an IANA name. galaxie-web does not depend on chrono-tz, so the type
/// is reached through the domain crate's default zone rather than named.
fn zone(name: &str) -> Option<impl TimeZone<Offset: Display> + Copy> {
    fn parse_as<T: FromStr>(_like: T, text: &str) -> Option<T> {
        text.parse().ok()
    }
    parse_as(galaxie_domain::event::DEFAULT_TIMEZONE, name)
}

/// The time zone an event is written in: its IANA name when we know the zone, UTC otherwise.
fn event_zone(row: &objects::Model) -> Option<&str> {
    row.timezone.as_deref().filter(|name| zone(name).is_some())
}

/// A date and time of an event: local time with `TZID` in its zone, or UTC.
fn event_time(at: DateTime<Utc>, tzid: Option<&str>) -> CalendarDateTime {
    match tzid.and_then(|name| Some((name, zone(name)?))) {
        Some((name, tz)) => CalendarDateTime::WithTimezone {
            date_time: at.with_timezone(&tz).naive_local(),
            tzid: name.to_string(),
        },
        None => CalendarDateTime::Utc(at),
    }
}

/// One `VEVENT`: UID and URL are the ActivityPub id; start and end in the event's zone;
/// `recurrence` adds `RRULE`/`EXDATE` for a recurring series. `None` for an event without a
/// start.
pub(crate) fn vevent(
    row: &objects::Model,
    recurrence: Option<&RecurrenceLines>,
) -> Option<icalendar::Event> {
    let start = row.start_time?;
    let tzid = event_zone(row);
    let mut event = icalendar::Event::new();
    event
        .uid(&row.ap_id)
        .url(&row.ap_id)
        // Without METHOD, DTSTAMP is the last revision in the store (RFC 5545 §3.8.7.2):
        // stable, so the calendar's ETag is too.
        .timestamp(changed_at(row))
        .created(row.published)
        .starts(event_time(start, tzid))
        .summary(row.name.as_deref().unwrap_or("Événement"));
    if let Some(updated) = row.updated {
        event.last_modified(updated);
    }
    if let Some(end) = row.end_time {
        event.ends(event_time(end, tzid));
    }
    let text = row.content.as_deref().map(html_to_text);
    let description: Vec<&str> = [row.summary.as_deref(), text.as_deref()]
        .into_iter()
        .flatten()
        .filter(|s| !s.trim().is_empty())
        .collect();
    if !description.is_empty() {
        event.description(&description.join("\n\n"));
    }
    let locality = [row.postal_code.as_deref(), row.locality.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    let location: Vec<&str> = [
        row.location_name.as_deref(),
        row.street_address.as_deref(),
        Some(locality.as_str()),
        row.country.as_deref(),
    ]
    .into_iter()
    .flatten()
    .filter(|s| !s.trim().is_empty())
    .collect();
    if !location.is_empty() {
        event.location(&location.join(", "));
    }
    if let (Some(lat), Some(lon)) = (row.latitude, row.longitude) {
        event.add_property("GEO", format!("{lat};{lon}"));
    }
    // FEP-8a8e `eventStatus` → RFC 5545 `STATUS`.
    match row.event_status.as_deref() {
        Some("EventCancelled") => {
            event.status(EventStatus::Cancelled);
        }
        Some("EventPostponed") => {
            event.status(EventStatus::Tentative);
        }
        Some("EventScheduled" | "EventRescheduled") => {
            event.status(EventStatus::Confirmed);
        }
        _ => {}
    }
    if let Some(recurrence) = recurrence {
        add_recurrence(&mut event, recurrence, tzid);
    }
    Some(event.done())
}

/// Adds `RRULE` and one `EXDATE` per cancelled occurrence, in the event's zone (`tzid`) so that
/// they match its `DTSTART` (RFC 5545 §3.8.5.1).
fn add_recurrence(event: &mut icalendar::Event, recurrence: &RecurrenceLines, tzid: Option<&str>) {
    event.add_property("RRULE", recurrence.rrule.as_str());
    for exdate in &recurrence.exdates {
        event.append_multi_property(event_time(*exdate, tzid).to_property("EXDATE"));
    }
}

/// `CalendarDateTime` as a property of any name (icalendar only offers DTSTART/DTEND/DUE).
trait ToProperty {
    fn to_property(&self, name: &str) -> Property;
}

impl ToProperty for CalendarDateTime {
    fn to_property(&self, name: &str) -> Property {
        const LOCAL: &str = "%Y%m%dT%H%M%S";
        match self {
            CalendarDateTime::WithTimezone { date_time, tzid } => {
                Property::new(name, date_time.format(LOCAL).to_string())
                    .add_parameter("TZID", tzid)
                    .done()
            }
            CalendarDateTime::Utc(at) => {
                Property::new(name, at.format(&format!("{LOCAL}Z")).to_string())
            }
            CalendarDateTime::Floating(local) => {
                Property::new(name, local.format(LOCAL).to_string())
            }
        }
    }
}

/// The whole `VCALENDAR`: a `VTIMEZONE` for each zone the events use, then the events.
fn calendar(about: &CalendarMeta, rows: &[objects::Model]) -> Result<String, fmt::Error> {
    let mut calendar = icalendar::Calendar::empty();
    calendar
        .append_property(Property::new("VERSION", "2.0"))
        .append_property(Property::new(
            "PRODID",
            format!("-//Galaxie//Galaxie {}//FR", env!("CARGO_PKG_VERSION")),
        ))
        .append_property(Property::new("CALSCALE", "GREGORIAN"))
        .append_property(Property::new("METHOD", "PUBLISH"))
        .append_property(text("NAME", &about.name))
        .append_property(text("X-WR-CALNAME", &about.name));
    if let Some(description) = &about.description {
        calendar
            .append_property(Property::new("DESCRIPTION", description.as_str()))
            .append_property(text("X-WR-CALDESC", description));
    }
    calendar
        .append_property(
            Property::new("SOURCE", about.source.as_str())
                .add_parameter("VALUE", "URI")
                .done(),
        )
        .ttl(&chrono::Duration::hours(1));
    // The years each zone is used in, to write its transitions for those years.
    let mut zones: BTreeMap<&str, BTreeSet<i32>> = BTreeMap::new();
    for row in rows {
        let (Some(tzid), Some(start)) = (event_zone(row), row.start_time) else {
            continue;
        };
        let years = zones.entry(tzid).or_default();
        years.insert(start.year());
        years.extend(row.end_time.map(|e| e.year()));
    }
    let timezones: Vec<VTimezone> = zones
        .iter()
        .filter_map(|(tzid, years)| Some(VTimezone::new(tzid, &zone(tzid)?, years)))
        .collect();
    for row in rows {
        let recurrence = recurrence_lines(row);
        if let Some(event) = vevent(row, recurrence.as_ref()) {
            calendar.push(event);
        }
    }
    write_calendar(&calendar, &timezones)
}

/// The RRULE and the cancelled dates (EXDATE) of a recurring series.
fn recurrence_lines(row: &objects::Model) -> Option<RecurrenceLines> {
    use galaxie_domain::recurrence::Exception;
    let rule = row.rrule.clone()?;
    let exdates = galaxie_federation::series::exceptions(row)
        .into_iter()
        .filter_map(|e| match e {
            Exception::Cancelled { original_start } => Some(original_start),
            Exception::Moved { .. } => None,
        })
        .collect();
    Some(RecurrenceLines {
        rrule: rule,
        exdates,
    })
}

/// A text property that icalendar does not know as text (RFC 7986 `NAME`, `X-` names): the
/// explicit `VALUE=TEXT` makes it escape commas, semicolons and newlines.
fn text(name: &str, value: &str) -> Property {
    Property::new(name, value)
        .add_parameter("VALUE", "TEXT")
        .done()
}

/// Writes a calendar with its `VTIMEZONE`s. icalendar 0.16 builds no `VTIMEZONE` (a TODO in
/// its source) and its generic component writer adds `DTSTAMP` and `UID`, which RFC 5545
/// §3.6.5 does not allow there; so the calendar is written here, every line still produced by
/// icalendar's `Property` (escaping, folding) and every `VEVENT` by icalendar itself.
fn write_calendar(
    calendar: &icalendar::Calendar,
    timezones: &[VTimezone],
) -> Result<String, fmt::Error> {
    let mut out = String::new();
    line(&mut out, Property::new("BEGIN", "VCALENDAR"))?;
    for property in &calendar.properties {
        line(&mut out, property.clone())?;
    }
    for timezone in timezones {
        timezone.write(&mut out)?;
    }
    for event in calendar.iter().filter_map(|c| c.as_event()) {
        event.fmt_write(&mut out)?;
    }
    line(&mut out, Property::new("END", "VCALENDAR"))?;
    Ok(out)
}

fn line(out: &mut String, property: Property) -> fmt::Result {
    let text: String = property.try_into()?;
    out.push_str(&text);
    Ok(())
}

/// A `VTIMEZONE` (RFC 5545 §3.6.5) with one dated observance per offset change: chrono-tz
/// has the tz database's transitions but no rules, so they are found by scanning each year the
/// calendar uses (and the year before, so that its first weeks are covered).
#[derive(Debug, Clone, PartialEq, Eq)]
struct VTimezone {
    tzid: String,
    observances: Vec<Observance>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct Observance {
    /// `DAYLIGHT` when the offset grows, `STANDARD` otherwise.
    daylight: bool,
    /// The onset, in local time before it (as RFC 5545 wants).
    start: NaiveDateTime,
    /// Seconds east of UTC before and after.
    offset_from: i32,
    offset_to: i32,
    /// `CET`, `CEST`… (or `+03` where the tz database has no abbreviation).
    name: String,
}

impl VTimezone {
    fn new<Z: TimeZone<Offset: Display>>(tzid: &str, zone: &Z, years: &BTreeSet<i32>) -> Self {
        let offset_at = |seconds: i64| {
            DateTime::from_timestamp(seconds, 0)
                .map(|at| zone.offset_from_utc_datetime(&at.naive_utc()))
        };
        let seconds = |offset: &Z::Offset| offset.fix().local_minus_utc();
        let scanned: BTreeSet<i32> = years.iter().flat_map(|y| [y - 1, *y]).collect();
        let mut observances = Vec::new();
        for year in &scanned {
            let (Some(from), Some(to)) = (year_start(*year), year_start(year + 1)) else {
                continue;
            };
            let mut day = from;
            while day < to {
                let next = day + 86_400;
                if let (Some(a), Some(b)) = (offset_at(day), offset_at(next))
                    && seconds(&a) != seconds(&b)
                {
                    // The first second with the new offset.
                    let (mut lo, mut hi) = (day, next);
                    while hi - lo > 1 {
                        let mid = lo + (hi - lo) / 2;
                        match offset_at(mid) {
                            Some(o) if seconds(&o) == seconds(&a) => lo = mid,
                            _ => hi = mid,
                        }
                    }
                    let (offset_from, offset_to) = (seconds(&a), seconds(&b));
                    if let Some(onset) = DateTime::from_timestamp(hi + i64::from(offset_from), 0) {
                        observances.push(Observance {
                            daylight: offset_to > offset_from,
                            start: onset.naive_utc(),
                            offset_from,
                            offset_to,
                            name: b.to_string(),
                        });
                    }
                }
                day = next;
            }
        }
        if observances.is_empty() {
            // A zone without changes in those years: one standard observance.
            let first = scanned.first().copied().and_then(year_start);
            if let Some(offset) = first.and_then(offset_at) {
                observances.push(Observance {
                    daylight: false,
                    start: NaiveDate::from_ymd_opt(1970, 1, 1)
                        .and_then(|d| d.and_hms_opt(0, 0, 0))
                        .unwrap_or_default(),
                    offset_from: seconds(&offset),
                    offset_to: seconds(&offset),
                    name: offset.to_string(),
                });
            }
        }
        VTimezone {
            tzid: tzid.to_string(),
            observances,
        }
    }

    fn write(&self, out: &mut String) -> fmt::Result {
        line(out, Property::new("BEGIN", "VTIMEZONE"))?;
        line(out, Property::new("TZID", self.tzid.as_str()))?;
        for o in &self.observances {
            let kind = if o.daylight { "DAYLIGHT" } else { "STANDARD" };
            line(out, Property::new("BEGIN", kind))?;
            line(
                out,
                Property::new("DTSTART", o.start.format("%Y%m%dT%H%M%S").to_string()),
            )?;
            line(
                out,
                Property::new("TZOFFSETFROM", utc_offset(o.offset_from)),
            )?;
            line(out, Property::new("TZOFFSETTO", utc_offset(o.offset_to)))?;
            line(out, Property::new("TZNAME", o.name.as_str()))?;
            line(out, Property::new("END", kind))?;
        }
        line(out, Property::new("END", "VTIMEZONE"))
    }
}

/// January 1st, 00:00 UTC, as a timestamp.
fn year_start(year: i32) -> Option<i64> {
    NaiveDate::from_ymd_opt(year, 1, 1)
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map(|t| t.and_utc().timestamp())
}

/// An RFC 5545 `utc-offset`: `+0100`, `-0330`, `+053028`.
fn utc_offset(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let s = seconds.unsigned_abs();
    let (h, m, sec) = (s / 3600, s / 60 % 60, s % 60);
    if sec == 0 {
        format!("{sign}{h:02}{m:02}")
    } else {
        format!("{sign}{h:02}{m:02}{sec:02}")
    }
}

// ---------------------------------------------------------------------------------------------
// GeoJSON

/// The properties of a place on the map.
#[derive(Serialize)]
struct PlaceProperties<'a> {
    username: &'a str,
    name: &'a str,
    handle: String,
    actor: Url,
    summary: Option<&'a str>,
    address: Option<&'a str>,
    postal_code: Option<&'a str>,
    city: Option<&'a str>,
    phone: Option<&'a str>,
    website: Option<&'a str>,
    opening_hours: Option<&'a str>,
    updated: DateTime<Utc>,
}

fn places_collection(urls: &Urls, rows: &[places::Model]) -> AppResult<Vec<u8>> {
    use geojson::{Feature, FeatureCollection, Geometry, feature::Id};
    let authority = urls.authority();
    let mut features = Vec::with_capacity(rows.len());
    for p in rows {
        let (Some(lat), Some(lon)) = (p.latitude, p.longitude) else {
            continue;
        };
        let actor = urls.place(&p.username);
        let properties = PlaceProperties {
            username: &p.username,
            name: &p.name,
            handle: format!("@{}@{authority}", p.username),
            actor: actor.clone(),
            summary: p.summary.as_deref(),
            address: p.street_address.as_deref(),
            postal_code: p.postal_code.as_deref(),
            city: p.locality.as_deref(),
            phone: p.phone.as_deref(),
            website: p.website.as_deref(),
            opening_hours: p.opening_hours.as_deref(),
            updated: p.updated_at,
        };
        let properties = match serde_json::to_value(properties).map_err(internal)? {
            serde_json::Value::Object(map) => Some(map),
            _ => None,
        };
        features.push(Feature {
            bbox: None,
            // GeoJSON positions are [longitude, latitude] (RFC 7946 §3.1.1).
            geometry: Some(Geometry::new(geojson::Value::Point(vec![lon, lat]))),
            id: Some(Id::String(actor.to_string())),
            properties,
            foreign_members: None,
        });
    }
    let collection = FeatureCollection {
        bbox: None,
        features,
        foreign_members: None,
    };
    serde_json::to_vec(&collection).map_err(internal)
}

// ---------------------------------------------------------------------------------------------
// Text

/// Sanitised HTML to plain text: paragraphs and line breaks kept as newlines.
fn html_to_text(html: &str) -> String {
    let spaced = html
        .replace("<br>", "\n")
        .replace("<br/>", "\n")
        .replace("<br />", "\n")
        .replace("</p>", "</p>\n\n");
    let text = plain_text(&spaced, usize::MAX);
    let lines: Vec<&str> = text.lines().map(str::trim_end).collect();
    lines
        .join("\n")
        .split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// The first `max` characters of a text on one line, cut at a word, with "…" when cut.
fn excerpt(text: &str, max: usize) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= max {
        return flat;
    }
    let cut: String = flat.chars().take(max).collect();
    let cut = match cut.rfind(' ') {
        Some(i) if i > cut.len() / 2 => &cut[..i],
        _ => cut.as_str(),
    };
    format!("{}…", cut.trim_end())
}

// ---------------------------------------------------------------------------------------------
// Caching

fn internal(e: impl Display) -> AppError {
    AppError::Federation(FederationError::Internal(e.to_string()))
}

/// A strong validator from the body: any change to the document changes it.
fn etag(body: &[u8]) -> String {
    use std::hash::{DefaultHasher, Hash, Hasher};
    let mut hasher = DefaultHasher::new();
    body.hash(&mut hasher);
    format!("\"{:016x}\"", hasher.finish())
}

/// An HTTP date (RFC 9110 §5.6.7, IMF-fixdate).
fn http_date(at: DateTime<Utc>) -> String {
    at.format("%a, %d %b %Y %H:%M:%S GMT").to_string()
}

/// Whether the client's copy is current: `If-None-Match` when sent (weak comparison, as
/// RFC 9110 §13.1.2 wants for GET), otherwise `If-Modified-Since`.
fn not_modified(headers: &HeaderMap, etag: &str, last_modified: Option<DateTime<Utc>>) -> bool {
    let opaque = |tag: &str| tag.trim().trim_start_matches("W/").to_string();
    let mut if_none_match = headers
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .peekable();
    if if_none_match.peek().is_some() {
        let ours = opaque(etag);
        return if_none_match.any(|tag| tag.trim() == "*" || opaque(tag) == ours);
    }
    let since = headers
        .get(header::IF_MODIFIED_SINCE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| DateTime::parse_from_rfc2822(v).ok());
    match (since, last_modified) {
        (Some(since), Some(modified)) => modified.timestamp() <= since.timestamp(),
        _ => false,
    }
}

/// A cacheable document, or 304 when the client's copy is current.
fn cached(
    headers: &HeaderMap,
    content_type: &str,
    body: Vec<u8>,
    last_modified: Option<DateTime<Utc>>,
) -> AppResult<Response> {
    let tag = etag(&body);
    let fresh = not_modified(headers, &tag, last_modified);
    let mut response = Response::builder()
        .header(header::ETAG, &tag)
        .header(header::CACHE_CONTROL, CACHE_CONTROL);
    if let Some(at) = last_modified {
        response = response.header(header::LAST_MODIFIED, http_date(at));
    }
    let response = if fresh {
        response
            .status(StatusCode::NOT_MODIFIED)
            .body(Body::empty())
    } else {
        response
            .header(header::CONTENT_TYPE, content_type)
            .body(Body::from(body))
    };
    response.map_err(internal)
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn paris_2027() -> VTimezone {
        let paris = zone("Europe/Paris").expect("zone");
        VTimezone::new("Europe/Paris", &paris, &BTreeSet::from([2027]))
    }

    #[test]
    fn paris_switches_to_summer_time_on_the_last_sunday_of_march() {
        let tz = paris_2027();
        let onset = |s: &str| NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").expect("date");
        let summer_2027 = tz
            .observances
            .iter()
            .find(|o| o.start == onset("2027-03-28 02:00"))
            .expect("March 2027");
        assert!(summer_2027.daylight);
        assert_eq!(
            (summer_2027.offset_from, summer_2027.offset_to),
            (3600, 7200)
        );
        assert_eq!(summer_2027.name, "CEST");
        let winter_2027 = tz
            .observances
            .iter()
            .find(|o| o.start == onset("2027-10-31 03:00"))
            .expect("October 2027");
        assert!(!winter_2027.daylight);
        assert_eq!(winter_2027.name, "CET");
        // The year before is there too, so that January 2027 is covered.
        assert_eq!(tz.observances.len(), 4);
    }

    #[test]
    fn a_zone_without_summer_time_has_one_standard_observance() {
        let tokyo = zone("Asia/Tokyo").expect("zone");
        let tz = VTimezone::new("Asia/Tokyo", &tokyo, &BTreeSet::from([2027]));
        assert_eq!(tz.observances.len(), 1);
        assert!(!tz.observances[0].daylight);
        assert_eq!(tz.observances[0].offset_to, 9 * 3600);
        assert_eq!(tz.observances[0].name, "JST");
    }

    #[test]
    fn vtimezone_lines_follow_rfc_5545() {
        let mut out = String::new();
        paris_2027().write(&mut out).expect("write");
        assert!(
            out.starts_with("BEGIN:VTIMEZONE\r\nTZID:Europe/Paris\r\n"),
            "{out}"
        );
        assert!(out.contains(
            "BEGIN:DAYLIGHT\r\nDTSTART:20270328T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nTZNAME:CEST\r\nEND:DAYLIGHT\r\n"
        ), "{out}");
        assert!(!out.contains("UID") && !out.contains("DTSTAMP"), "{out}");
    }

    #[test]
    fn unknown_zones_are_not_zones() {
        assert!(zone("Europe/Atlantis").is_none());
        assert!(zone("America/Argentina/Buenos_Aires").is_some());
    }

    #[test]
    fn utc_offsets_have_a_sign_hours_minutes_and_seconds_when_needed() {
        assert_eq!(utc_offset(3600), "+0100");
        assert_eq!(utc_offset(0), "+0000");
        assert_eq!(utc_offset(-(3 * 3600 + 30 * 60)), "-0330");
        assert_eq!(utc_offset(561), "+000921");
    }

    #[test]
    fn a_note_title_is_its_first_words() {
        let html = "<p>Le repair café rouvre samedi : venez avec vos grille-pain, vos lampes et vos vélos, on répare ensemble !</p><p>Deuxième paragraphe.</p>";
        let title = excerpt(&html_to_text(html), NOTE_TITLE_CHARS);
        assert_eq!(
            title,
            "Le repair café rouvre samedi : venez avec vos grille-pain, vos lampes et vos…"
        );
        assert!(title.chars().count() <= NOTE_TITLE_CHARS + 1);
        assert_eq!(excerpt("Court", 80), "Court");
    }

    #[test]
    fn html_becomes_paragraphs_of_plain_text() {
        assert_eq!(
            html_to_text(
                "<p>Un &amp; deux<br>trois</p><p><a href=\"https://x.example\">lien</a></p>"
            ),
            "Un & deux\ntrois\n\nlien"
        );
    }

    #[test]
    fn if_none_match_accepts_lists_weak_tags_and_star() {
        let tag = "\"00ab\"";
        let with = |value: &'static str| {
            let mut h = HeaderMap::new();
            h.insert(header::IF_NONE_MATCH, HeaderValue::from_static(value));
            h
        };
        assert!(not_modified(&with("\"00ab\""), tag, None));
        assert!(not_modified(&with("\"zz\", W/\"00ab\""), tag, None));
        assert!(not_modified(&with("*"), tag, None));
        assert!(!not_modified(&with("\"zz\""), tag, None));
        assert!(!not_modified(&HeaderMap::new(), tag, None));
    }

    #[test]
    fn if_modified_since_is_used_without_if_none_match() {
        let at = DateTime::parse_from_rfc3339("2027-01-09T13:00:00Z")
            .expect("date")
            .with_timezone(&Utc);
        let mut h = HeaderMap::new();
        h.insert(
            header::IF_MODIFIED_SINCE,
            HeaderValue::from_str(&http_date(at)).expect("value"),
        );
        assert_eq!(http_date(at), "Sat, 09 Jan 2027 13:00:00 GMT");
        assert!(not_modified(&h, "\"x\"", Some(at)));
        assert!(!not_modified(
            &h,
            "\"x\"",
            Some(at + chrono::Duration::seconds(1))
        ));
    }

    #[test]
    fn recurrence_lines_are_written_in_the_event_zone() {
        let start = DateTime::parse_from_rfc3339("2027-01-13T14:00:00+01:00")
            .expect("date")
            .with_timezone(&Utc);
        let recurrence = RecurrenceLines {
            rrule: "FREQ=WEEKLY;BYDAY=WE".into(),
            exdates: vec![start + chrono::Duration::weeks(1)],
        };
        let mut event = icalendar::Event::new();
        event
            .uid("https://lieu.example/objects/1")
            .timestamp(start)
            .starts(event_time(start, Some("Europe/Paris")));
        add_recurrence(&mut event, &recurrence, Some("Europe/Paris"));
        let ics = event.try_into_string().expect("ics");
        assert!(ics.contains("RRULE:FREQ=WEEKLY;BYDAY=WE\r\n"), "{ics}");
        assert!(
            ics.contains("EXDATE;TZID=Europe/Paris:20270120T140000\r\n"),
            "{ics}"
        );
        assert!(
            ics.contains("DTSTART;TZID=Europe/Paris:20270113T140000\r\n"),
            "{ics}"
        );
        add_recurrence(&mut event, &recurrence, None);
        let ics = event.try_into_string().expect("ics");
        assert!(ics.contains("EXDATE:20270120T130000Z\r\n"), "{ics}");
    }
}
