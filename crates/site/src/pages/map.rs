//! The map page: places (from the federated directory) and upcoming events on a
//! server-rendered SVG map, numbered, with the
//! same list beside it (names, towns, dates, links) for people who do not see the map, and the
//! timeline's filters. Without a filter it shows the places and the events to come; with a
//! kind, the publications of that kind that have a position ("services" shows the places).

use crate::context::{Alternate, Ctx, Meta};
use crate::error::SiteResult;
use crate::map::{self, Marker, MarkerKind};
use crate::pages::home::{Filters, SCAN_LIMIT, matches, places_by_id};
use crate::view;
use axum::extract::Query;
use axum::response::Response;
use serde::Serialize;

/// The most markers on one map.
pub const MAX_MARKERS: usize = 150;

#[derive(Serialize)]
struct MapData {
    svg: String,
    markers: Vec<Marker>,
    filters: Vec<crate::forms::Field>,
    filtered: bool,
    places: usize,
    events: usize,
}

/// `/carte`.
pub async fn map(ctx: Ctx, Query(filters): Query<Filters>) -> SiteResult<Response> {
    let data = ctx.state.data();
    let conn = data.db().conn().clone();
    let v = ctx.view();
    let places = places_by_id(&conn).await?;
    let mut markers: Vec<Marker> = Vec::new();
    let kind = filters.as_kind();
    let show_places = matches!(kind, None | Some("Page"));
    if show_places {
        // The federated directory: this instance's places and those it knows elsewhere.
        let town = filters.town().unwrap_or_default();
        let filter = crate::pages::directory::directory_filter(filters.need(), &town);
        let names = crate::pages::directory::usernames(&conn).await?;
        let entries = galaxie_db::directory::list(&conn, &filter, MAX_MARKERS as u64 * 4, None)
            .await?
            .items;
        for e in entries
            .iter()
            .filter(|e| crate::pages::directory::town_of_entry_matches(&town, e))
        {
            let (Some(lat), Some(lon)) = (e.latitude, e.longitude) else {
                continue;
            };
            let card = crate::pages::directory::entry_card(&v, e, &names);
            let detail = [e.locality.clone(), card.open.map(|o| o.text)]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(" — ");
            markers.push(Marker {
                number: markers.len() + 1,
                lat,
                lon,
                kind: MarkerKind::Place,
                label: card.name,
                href: card.href,
                detail: (!detail.is_empty()).then_some(detail),
            });
            if markers.len() >= MAX_MARKERS / 2 {
                break;
            }
        }
    }
    let place_count = markers.len();
    if kind != Some("Page") {
        let wanted = kind.unwrap_or("Event");
        let now = chrono::Utc::now();
        let mut before = None;
        let mut scanned = 0usize;
        'scan: loop {
            let rows = galaxie_db::objects::timeline(&conn, 200, before).await?;
            let exhausted = rows.len() < 200;
            for row in rows {
                scanned += 1;
                before = Some(galaxie_db::objects::Cursor {
                    received_at: row.received_at,
                    id: row.id,
                });
                let upcoming = row.kind != "Event"
                    || row.end_time.or(row.start_time).is_some_and(|t| t >= now);
                if row.kind != wanted || !upcoming {
                    continue;
                }
                let (Some(lat), Some(lon)) = (row.latitude, row.longitude) else {
                    continue;
                };
                if !matches(&filters, &row, &places) {
                    continue;
                }
                let when = row
                    .start_time
                    .map(|s| v.when(s, row.end_time, view::zone_of(&row)).text);
                let detail = [view::object_where(&row), when]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(" — ");
                markers.push(Marker {
                    number: markers.len() + 1,
                    lat,
                    lon,
                    kind: MarkerKind::Event,
                    label: v.text(row.name.as_deref().unwrap_or_default(), None),
                    href: view::object_href(&row),
                    detail: (!detail.is_empty()).then_some(detail),
                });
                if markers.len() >= MAX_MARKERS {
                    break 'scan;
                }
            }
            if exhausted || scanned >= SCAN_LIMIT {
                break;
            }
        }
    }
    let event_count = markers.len() - place_count;
    let title = ctx.t("map-title");
    let svg = map::svg(
        "main-map",
        &markers,
        &ctx.tr("map-count", &[("count", (markers.len() as i64).into())]),
        &ctx.t("map-description"),
    );
    let meta = Meta {
        description: Some(ctx.t("map-intro")),
        canonical: Some(ctx.absolute("/carte")),
        alternates: vec![Alternate {
            r#type: "application/geo+json".into(),
            href: ctx.absolute("/places.geojson"),
            title: "GeoJSON".into(),
        }],
        og_type: "website",
        ..Default::default()
    };
    let base = ctx.base(&title, "map", meta);
    ctx.page(
        "map.html",
        base,
        MapData {
            svg,
            filters: filters.fields(&v),
            filtered: filters.any(),
            places: place_count,
            events: event_count,
            markers,
        },
    )
}
