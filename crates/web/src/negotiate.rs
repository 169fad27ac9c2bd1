//! Content negotiation: ActivityPub JSON for `application/activity+json` and
//! `application/ld+json; profile="https://www.w3.org/ns/activitystreams"`, HTML otherwise.

use axum::http::HeaderMap;
use axum::response::{IntoResponse, Response};
use serde_json::Value;

/// Whether the client asks for ActivityPub JSON.
pub fn wants_activity_json(headers: &HeaderMap) -> bool {
    headers
        .get_all("accept")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .any(|part| {
            let part = part.trim().to_ascii_lowercase();
            part.starts_with("application/activity+json")
                || (part.starts_with("application/ld+json")
                    && part.contains("https://www.w3.org/ns/activitystreams"))
        })
}

/// An ActivityPub JSON response.
pub fn activity_json(value: Value) -> Response {
    (
        [
            ("content-type", "application/activity+json; charset=utf-8"),
            ("vary", "Accept"),
        ],
        value.to_string(),
    )
        .into_response()
}

/// A minimal accessible HTML page, with its ActivityPub JSON as the alternate when given.
pub fn html_page(title: &str, body_html: &str, alternate: Option<&str>) -> Response {
    let alternates: Vec<(&str, &str)> = alternate
        .map(|href| ("application/activity+json", href))
        .into_iter()
        .collect();
    html_page_with_alternates(title, body_html, &alternates)
}

/// A minimal accessible HTML page with `<link rel="alternate">` tags, as (media type, URL):
/// its ActivityPub JSON, its feeds (RSS/Atom autodiscovery, FEP-a5c5).
pub fn html_page_with_alternates(
    title: &str,
    body_html: &str,
    alternates: &[(&str, &str)],
) -> Response {
    let title = galaxie_domain::text::escape_html(title);
    let alternate: String = alternates
        .iter()
        .map(|(media_type, href)| {
            format!(
                r#"<link rel="alternate" type="{}" href="{}">"#,
                galaxie_domain::text::escape_html(media_type),
                galaxie_domain::text::escape_html(href)
            )
        })
        .collect();
    let page = format!(
        r#"<!doctype html>
<html lang="fr">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>{alternate}
<style>body{{font-family:system-ui,sans-serif;max-width:44rem;margin:auto;padding:1rem;line-height:1.5;font-size:1.1rem}}</style>
</head>
<body><main>{body_html}</main></body>
</html>"#
    );
    (
        [
            ("content-type", "text/html; charset=utf-8"),
            ("vary", "Accept"),
        ],
        page,
    )
        .into_response()
}
