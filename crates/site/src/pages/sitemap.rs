//! `/sitemap.xml` (every public page of this instance: the home, map, directory, each place
//! and each live publication, with its last change) and `/robots.txt`, which points to it and
//! keeps crawlers out of the administration.

use crate::SiteState;
use crate::error::SiteResult;
use crate::view;
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Utc};
use std::fmt::Write;

fn escape(text: &str) -> String {
    galaxie_domain::text::escape_html(text)
}

fn url(out: &mut String, loc: &str, lastmod: Option<DateTime<Utc>>) {
    let _ = write!(out, "<url><loc>{}</loc>", escape(loc));
    if let Some(at) = lastmod {
        let _ = write!(
            out,
            "<lastmod>{}</lastmod>",
            at.format("%Y-%m-%dT%H:%M:%SZ")
        );
    }
    out.push_str("</url>\n");
}

/// `/sitemap.xml`.
pub async fn sitemap(State(state): State<SiteState>) -> SiteResult<Response> {
    let data = state.data();
    let conn = data.db().conn();
    let base = data
        .urls()
        .base()
        .as_str()
        .trim_end_matches('/')
        .to_string();
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for path in ["/", "/carte", "/annuaire", "/recherche"] {
        url(&mut out, &format!("{base}{path}"), None);
    }
    for place in galaxie_db::places::list(conn).await? {
        url(
            &mut out,
            &format!("{base}{}", view::place_path(&place.username)),
            Some(place.updated_at),
        );
        for row in galaxie_db::objects::by_place(conn, place.id, None).await? {
            if !row.public || row.rrule.is_some() {
                continue;
            }
            if let Some(path) = view::object_path(&row) {
                url(
                    &mut out,
                    &format!("{base}{path}"),
                    Some(row.updated.unwrap_or(row.published)),
                );
            }
        }
    }
    out.push_str("</urlset>\n");
    Ok((
        [
            (header::CONTENT_TYPE, "application/xml; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        out,
    )
        .into_response())
}

/// `/robots.txt`.
pub async fn robots(State(state): State<SiteState>) -> Response {
    let base = state
        .data()
        .urls()
        .base()
        .as_str()
        .trim_end_matches('/')
        .to_string();
    (
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        format!("User-agent: *\nDisallow: /admin\nDisallow: /preferences\n\nSitemap: {base}/sitemap.xml\n"),
    )
        .into_response()
}
