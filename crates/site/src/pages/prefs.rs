//! The two switches in every page's header: the interface language and easy-read (FALC). Each
//! is a plain link (it works without JavaScript) that stores the choice in a cookie for a year
//! and goes back to the page it came from (a local path only: never an open redirect).

use crate::SiteState;
use crate::context::{FALC_COOKIE, LANG_COOKIE, safe_return_path, set_cookie};
use crate::error::SiteError;
use crate::i18n::Lang;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

/// A year, in seconds.
const YEAR: i64 = 365 * 24 * 3600;

/// `?retour=`: where to go back.
#[derive(Debug, Deserialize)]
pub struct Back {
    retour: Option<String>,
}

fn back_with_cookie(back: &Back, cookie: String) -> Response {
    let target = safe_return_path(back.retour.as_deref());
    let mut response = StatusCode::SEE_OTHER.into_response();
    let headers = response.headers_mut();
    if let Ok(v) = HeaderValue::from_str(&target) {
        headers.insert(header::LOCATION, v);
    }
    if let Ok(v) = HeaderValue::from_str(&cookie) {
        headers.append(header::SET_COOKIE, v);
    }
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// `/preferences/langue/{fr,en}`.
pub async fn language(
    State(state): State<SiteState>,
    Path(lang): Path<String>,
    Query(back): Query<Back>,
) -> Result<Response, SiteError> {
    let lang = Lang::parse(&lang).ok_or(SiteError::NotFound)?;
    let cookie = set_cookie(LANG_COOKIE, lang.tag(), Some(YEAR), state.secure_cookies());
    Ok(back_with_cookie(&back, cookie))
}

/// `/preferences/facile/{oui,non}`.
pub async fn easy_read(
    State(state): State<SiteState>,
    Path(on): Path<String>,
    Query(back): Query<Back>,
) -> Result<Response, SiteError> {
    let value = match on.as_str() {
        "oui" | "on" => "1",
        "non" | "off" => "0",
        _ => return Err(SiteError::NotFound),
    };
    let cookie = set_cookie(FALC_COOKIE, value, Some(YEAR), state.secure_cookies());
    Ok(back_with_cookie(&back, cookie))
}
