//! The home page: the timeline (what this instance's places published and what it received
//! from the places and networks it follows), newest first, with a filter form (GET, so a
//! filtered timeline is a link one can share).
//!
//! The filters (kind, need, town) are applied here to the rows `galaxie_db::objects::timeline`
//! returns, scanning at most [`SCAN_LIMIT`] rows per page; the SQL-side filtered timeline will
//! replace this scan when it lands in `galaxie-db`.

use crate::context::{Alternate, Ctx, Meta};
use crate::error::SiteResult;
use crate::forms::{Choice, Field};
use crate::view::{self, Image, Text, View, When};
use axum::extract::Query;
use axum::response::Response;
use chrono::DateTime;
use galaxie_db::entities::{objects, places};
use galaxie_domain::vocab::{self, Scheme};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// Items per page.
pub const PAGE_SIZE: usize = 20;
/// The most rows one filtered page reads.
pub const SCAN_LIMIT: usize = 1000;

/// The filters of the timeline and the map (query string).
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct Filters {
    /// `evenements`, `actualites`, `patrimoine` or `services`.
    #[serde(rename = "type", default)]
    pub kind: Option<String>,
    /// A need: a concept slug of the `service` scheme.
    #[serde(default)]
    pub besoin: Option<String>,
    /// A town or a postal code (or its start: `51` for the Marne).
    #[serde(default)]
    pub lieu: Option<String>,
    /// The page: a cursor from the previous page.
    #[serde(default)]
    pub avant: Option<String>,
}

impl Filters {
    /// The ActivityStreams type asked for.
    pub fn as_kind(&self) -> Option<&'static str> {
        match self.kind.as_deref().map(str::trim) {
            Some("evenements") => Some("Event"),
            Some("actualites") => Some("Note"),
            Some("patrimoine") => Some("Article"),
            Some("services") => Some("Page"),
            _ => None,
        }
    }

    /// The need asked for, when it is a known concept.
    pub fn need(&self) -> Option<&'static vocab::Concept> {
        self.besoin
            .as_deref()
            .map(str::trim)
            .filter(|b| !b.is_empty())
            .and_then(|b| vocab::by_slug(Scheme::Service, b))
    }

    /// The town or postal code asked for, trimmed and lower-cased.
    pub fn town(&self) -> Option<String> {
        self.lieu
            .as_deref()
            .map(|l| l.trim().to_lowercase())
            .filter(|l| !l.is_empty())
    }

    /// Whether any filter is set.
    pub fn any(&self) -> bool {
        self.as_kind().is_some() || self.need().is_some() || self.town().is_some()
    }

    /// The query string of these filters (without the page), for links.
    pub fn query(&self) -> String {
        let mut s = url::form_urlencoded::Serializer::new(String::new());
        if let Some(k) = &self.kind {
            s.append_pair("type", k);
        }
        if let Some(b) = &self.besoin {
            s.append_pair("besoin", b);
        }
        if let Some(l) = &self.lieu {
            s.append_pair("lieu", l);
        }
        s.finish()
    }

    /// The filter form's fields.
    pub fn fields(&self, v: &View) -> Vec<Field> {
        let kind = self.kind.clone().unwrap_or_default();
        let kinds = [
            ("", "filter-all"),
            ("evenements", "kind-events"),
            ("actualites", "kind-notes"),
            ("patrimoine", "kind-showcases"),
            ("services", "kind-services"),
        ];
        let need = self.besoin.clone().unwrap_or_default();
        let mut needs = vec![Choice {
            value: String::new(),
            label: v.t("filter-any-need"),
            picto: None,
            lang: None,
            checked: need.is_empty(),
        }];
        needs.extend(Scheme::Service.top_concepts().map(|c| {
            let p = v.picto(Scheme::Service, c.slug);
            Choice {
                value: c.slug.to_string(),
                label: p.map(|p| p.label.to_string()).unwrap_or_default(),
                picto: None,
                lang: None,
                checked: need == c.slug,
            }
        }));
        vec![
            Field::new("type", v.t("filter-kind"))
                .kind("select")
                .options(
                    kinds
                        .iter()
                        .map(|(value, key)| Choice {
                            value: value.to_string(),
                            label: v.t(key),
                            picto: None,
                            lang: None,
                            checked: kind == *value,
                        })
                        .collect(),
                ),
            Field::new("besoin", v.t("filter-need"))
                .kind("select")
                .options(needs),
            Field::new("lieu", v.t("filter-town"))
                .value(self.lieu.clone().unwrap_or_default())
                .hint(v.t("filter-town-hint"))
                .autocomplete("address-level2"),
        ]
    }
}

/// Whether a town filter matches a postal code or a town name.
pub fn town_matches(town: &str, postal_code: Option<&str>, locality: Option<&str>) -> bool {
    if town.chars().all(|c| c.is_ascii_digit()) {
        return postal_code.is_some_and(|p| p.starts_with(town));
    }
    locality.is_some_and(|l| l.to_lowercase().contains(town))
}

/// One entry of the timeline.
#[derive(Debug, Clone, Serialize)]
pub struct Item {
    /// `Event`, `Note`, `Article`, `Page`.
    pub kind: String,
    /// "Événement", "Actualité"…
    pub kind_label: String,
    pub title: Text,
    pub summary: Option<Text>,
    /// Sanitised HTML of a note (notes have no title).
    pub content: Option<view::Html>,
    pub when: Option<When>,
    pub published: When,
    pub place: Option<String>,
    pub href: String,
    /// Published by a place of this instance.
    pub local: bool,
    /// Who published it.
    pub author: Option<String>,
    pub author_href: Option<String>,
    pub image: Option<Image>,
    pub cancelled: bool,
}

/// The local places by id (names and usernames of authors).
pub async fn places_by_id(
    conn: &galaxie_db::DatabaseConnection,
) -> SiteResult<HashMap<galaxie_db::PlaceId, places::Model>> {
    Ok(galaxie_db::places::list_all(conn)
        .await?
        .into_iter()
        .map(|p| (p.id, p))
        .collect())
}

/// Whether a row passes the filters. A local row also matches a need its place offers.
pub fn matches(
    filters: &Filters,
    row: &objects::Model,
    places: &HashMap<galaxie_db::PlaceId, places::Model>,
) -> bool {
    if let Some(kind) = filters.as_kind()
        && row.kind != kind
    {
        return false;
    }
    let place = row.place_id.and_then(|id| places.get(&id));
    if let Some(need) = filters.need() {
        let own = view::object_concepts(row, "services");
        let of_place = place
            .map(|p| galaxie_db::places::profile(p).concepts.services)
            .unwrap_or_default();
        let offers = |slugs: &[String]| {
            slugs.iter().any(|s| {
                s == need.slug
                    || vocab::by_slug(Scheme::Service, s)
                        .is_some_and(|c| c.broader == Some(need.slug))
            })
        };
        if !offers(&own) && !offers(&of_place) {
            return false;
        }
    }
    if let Some(town) = filters.town() {
        let own = town_matches(&town, row.postal_code.as_deref(), row.locality.as_deref());
        let of_place = place
            .is_some_and(|p| town_matches(&town, p.postal_code.as_deref(), p.locality.as_deref()));
        if !own && !of_place {
            return false;
        }
    }
    true
}

/// A timeline cursor (`{received_at µs}_{id}`, as the JSON API's).
pub fn parse_cursor(raw: &str) -> Option<galaxie_db::objects::Cursor> {
    let (micros, id) = raw.split_once('_')?;
    Some(galaxie_db::objects::Cursor {
        received_at: DateTime::from_timestamp_micros(micros.parse().ok()?)?,
        id: id.parse().ok()?,
    })
}

fn cursor_of(row: &objects::Model) -> String {
    format!("{}_{}", row.received_at.timestamp_micros(), row.id)
}

/// A page of the filtered timeline and the cursor of the next one.
pub async fn filtered_timeline(
    ctx: &Ctx,
    filters: &Filters,
    places: &HashMap<galaxie_db::PlaceId, places::Model>,
) -> SiteResult<(Vec<objects::Model>, Option<String>)> {
    let data = ctx.state.data();
    let conn = data.db().conn();
    let mut before = filters.avant.as_deref().and_then(parse_cursor);
    let mut found = Vec::new();
    let mut scanned = 0usize;
    let batch: u64 = if filters.any() {
        100
    } else {
        PAGE_SIZE as u64 + 1
    };
    loop {
        let rows = galaxie_db::objects::timeline(conn, batch, before).await?;
        let exhausted = (rows.len() as u64) < batch;
        for row in rows {
            scanned += 1;
            before = Some(galaxie_db::objects::Cursor {
                received_at: row.received_at,
                id: row.id,
            });
            if row.series_id.is_none() && matches(filters, &row, places) {
                found.push(row);
                if found.len() > PAGE_SIZE {
                    break;
                }
            }
        }
        if found.len() > PAGE_SIZE || exhausted || scanned >= SCAN_LIMIT {
            break;
        }
    }
    let next = if found.len() > PAGE_SIZE {
        found.truncate(PAGE_SIZE);
        found.last().map(cursor_of)
    } else if scanned >= SCAN_LIMIT {
        before.map(|c| format!("{}_{}", c.received_at.timestamp_micros(), c.id))
    } else {
        None
    };
    Ok((found, next))
}

/// The label of a kind.
pub fn kind_label(v: &View, kind: &str) -> String {
    v.t(match kind {
        "Event" => "kind-event",
        "Article" => "kind-showcase",
        "Page" => "kind-service",
        _ => "kind-note",
    })
}

/// Rows turned into timeline entries (authors looked up once each).
pub async fn items(
    ctx: &Ctx,
    rows: Vec<objects::Model>,
    places: &HashMap<galaxie_db::PlaceId, places::Model>,
) -> SiteResult<Vec<Item>> {
    let v = ctx.view();
    let data = ctx.state.data();
    let conn = data.db().conn();
    let urls = data.urls();
    let mut remote_names: HashMap<String, Option<String>> = HashMap::new();
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let place = row.place_id.and_then(|id| places.get(&id));
        let (author, author_href) = match place {
            Some(p) => (Some(p.name.clone()), Some(view::place_path(&p.username))),
            None => {
                if !remote_names.contains_key(&row.attributed_to) {
                    let name = galaxie_db::actors::by_ap_id(conn, &row.attributed_to)
                        .await?
                        .and_then(|a| a.name.or(a.preferred_username));
                    remote_names.insert(row.attributed_to.clone(), name);
                }
                (
                    remote_names.get(&row.attributed_to).cloned().flatten(),
                    Some(row.attributed_to.clone()),
                )
            }
        };
        let image = if row.place_id.is_some() {
            galaxie_db::media::for_object(conn, row.id)
                .await?
                .first()
                .map(|m| view::image(urls, m))
        } else {
            None
        };
        let title = row
            .name
            .clone()
            .filter(|n| !n.trim().is_empty())
            .unwrap_or_else(|| kind_label(&v, &row.kind));
        let is_note = row.kind == "Note";
        out.push(Item {
            kind_label: kind_label(&v, &row.kind),
            title: v.text(&title, None),
            summary: if is_note {
                None
            } else {
                row.summary
                    .as_deref()
                    .map(|s| v.text(s, row.summary_falc.as_deref()))
            },
            content: if is_note {
                row.content
                    .as_deref()
                    .map(|c| v.html(c, row.content_falc.as_deref()))
            } else {
                None
            },
            when: row
                .start_time
                .map(|s| v.when(s, row.end_time, view::zone_of(&row))),
            published: v.date(row.published),
            place: view::object_where(&row),
            href: view::object_href(&row),
            local: row.place_id.is_some(),
            author,
            author_href,
            image,
            cancelled: row.event_status.as_deref() == Some("EventCancelled"),
            kind: row.kind,
        });
    }
    Ok(out)
}

#[derive(Serialize)]
struct HomeData {
    items: Vec<Item>,
    filters: Vec<Field>,
    filtered: bool,
    next: Option<String>,
    places: usize,
}

/// `/`.
pub async fn home(ctx: Ctx, Query(filters): Query<Filters>) -> SiteResult<Response> {
    let data = ctx.state.data();
    let conn = data.db().conn().clone();
    let places = places_by_id(&conn).await?;
    let (rows, next) = filtered_timeline(&ctx, &filters, &places).await?;
    let items = items(&ctx, rows, &places).await?;
    let next = next.map(|cursor| {
        let q = filters.query();
        let cursor = url::form_urlencoded::byte_serialize(cursor.as_bytes()).collect::<String>();
        if q.is_empty() {
            format!("/?avant={cursor}")
        } else {
            format!("/?{q}&avant={cursor}")
        }
    });
    let v = ctx.view();
    let meta = Meta {
        description: Some(ctx.t("home-description")),
        canonical: Some(ctx.absolute("/")),
        alternates: vec![
            Alternate {
                r#type: "application/atom+xml".into(),
                href: ctx.absolute("/feed.atom"),
                title: ctx.t("footer-feed"),
            },
            Alternate {
                r#type: "application/rss+xml".into(),
                href: ctx.absolute("/feed.rss"),
                title: "RSS".into(),
            },
            Alternate {
                r#type: "text/calendar".into(),
                href: ctx.absolute("/events.ics"),
                title: ctx.t("footer-calendar"),
            },
        ],
        og_type: "website",
        ..Default::default()
    };
    let base = ctx.base(&ctx.t("home-title"), "home", meta);
    ctx.page(
        "home.html",
        base,
        HomeData {
            filtered: filters.any(),
            filters: filters.fields(&v),
            places: places.values().filter(|p| p.kind == "place").count(),
            items,
            next,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn towns_match_by_postal_code_prefix_or_name() {
        assert!(town_matches("51", Some("51100"), Some("Reims")));
        assert!(!town_matches("35", Some("51100"), Some("Reims")));
        assert!(town_matches("reims", Some("51100"), Some("Reims")));
        assert!(!town_matches("rennes", None, Some("Reims")));
    }

    #[test]
    fn filters_round_trip_in_links() {
        let f = Filters {
            kind: Some("evenements".into()),
            besoin: None,
            lieu: Some("Saint-Clair & co".into()),
            avant: Some("1_2".into()),
        };
        assert_eq!(f.as_kind(), Some("Event"));
        assert_eq!(f.query(), "type=evenements&lieu=Saint-Clair+%26+co");
        assert!(parse_cursor("1700000000000000_12").is_some());
        assert!(parse_cursor("x").is_none());
    }
}
