//! The one stylesheet and the one script (the "listen" and "print" buttons, a progressive
//! enhancement), embedded at compile time and served under a name that carries their content
//! hash, so browsers may keep them for a year and still get a new version at once.

use crate::SiteState;
use axum::Router;
use axum::extract::Path;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use sha2::{Digest, Sha256};
use std::sync::LazyLock;

/// The stylesheet.
pub const CSS: &str = include_str!("../static/site.css");
/// The script.
pub const JS: &str = include_str!("../static/site.js");

struct Asset {
    name: String,
    body: &'static str,
    content_type: &'static str,
}

fn asset(stem: &str, ext: &str, body: &'static str, content_type: &'static str) -> Asset {
    let digest = hex::encode(Sha256::digest(body.as_bytes()));
    Asset {
        name: format!("{stem}.{}.{ext}", &digest[..12]),
        body,
        content_type,
    }
}

static ASSETS: LazyLock<[Asset; 2]> = LazyLock::new(|| {
    [
        asset("site", "css", CSS, "text/css; charset=utf-8"),
        asset("site", "js", JS, "text/javascript; charset=utf-8"),
    ]
});

/// `/static/site.<hash>.css`.
pub fn css_url() -> String {
    format!("/static/{}", ASSETS[0].name)
}

/// `/static/site.<hash>.js`.
pub fn js_url() -> String {
    format!("/static/{}", ASSETS[1].name)
}

pub(crate) fn router() -> Router<SiteState> {
    Router::new().route("/static/{name}", get(serve))
}

async fn serve(Path(name): Path<String>) -> Response {
    match ASSETS.iter().find(|a| a.name == name) {
        Some(a) => (
            [
                (header::CONTENT_TYPE, a.content_type),
                (header::CACHE_CONTROL, "public, max-age=31536000, immutable"),
                (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
            ],
            a.body,
        )
            .into_response(),
        None => (StatusCode::NOT_FOUND, "not found").into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn asset_names_change_with_their_content() {
        assert!(css_url().starts_with("/static/site.") && css_url().ends_with(".css"));
        assert_ne!(css_url(), js_url());
        let other = asset("site", "css", "body{}", "text/css");
        assert_ne!(format!("/static/{}", other.name), css_url());
    }
}
