//! What every page request knows before its handler runs ([`Ctx`]): the language (cookie, or
//! `Accept-Language`), whether easy-read is on, the signed-in account if any, and the CSRF
//! token its forms must carry. [`Ctx::page`] renders a template inside the page frame and sets
//! the headers every page has.

use crate::SiteState;
use crate::auth::{self, CurrentUser};
use crate::error::SiteError;
use crate::i18n::{self, Lang};
use crate::render;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{Html, IntoResponse, Response};
use serde::Serialize;

/// The language cookie (the visible switch).
pub const LANG_COOKIE: &str = "gx_lang";
/// The easy-read cookie.
pub const FALC_COOKIE: &str = "gx_falc";

/// The value of cookie `name` in the request's `Cookie` headers.
pub fn cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.trim().to_string())
}

/// A `Set-Cookie` value: `Path=/`, `SameSite=Lax`, `HttpOnly` unless the page's script must
/// read it (none does), `Secure` on https, `Max-Age` when it outlives the browser session.
pub fn set_cookie(name: &str, value: &str, max_age_secs: Option<i64>, secure: bool) -> String {
    let mut c = format!("{name}={value}; Path=/; SameSite=Lax; HttpOnly");
    if let Some(age) = max_age_secs {
        c.push_str(&format!("; Max-Age={age}"));
    }
    if secure {
        c.push_str("; Secure");
    }
    c
}

/// A link in `<head>`: `<link rel="alternate" type=… href=…>`.
#[derive(Debug, Clone, Serialize)]
pub struct Alternate {
    /// Its media type.
    pub r#type: String,
    /// Where.
    pub href: String,
    /// What it is, for people.
    pub title: String,
}

/// What a page says about itself in `<head>`.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Meta {
    /// One sentence for search engines and link previews.
    pub description: Option<String>,
    /// The page's own address.
    pub canonical: Option<String>,
    /// Feeds and the ActivityPub object.
    pub alternates: Vec<Alternate>,
    /// schema.org JSON-LD, already made safe for a `<script>` element.
    pub jsonld: Option<String>,
    /// OpenGraph `og:type`.
    pub og_type: &'static str,
    /// OpenGraph image (absolute URL).
    pub og_image: Option<String>,
    /// OpenGraph image's alt text.
    pub og_image_alt: Option<String>,
    /// Keep the page out of search engines (forms, administration).
    pub noindex: bool,
}

/// The page frame's data, under `base` in every template.
#[derive(Debug, Clone, Serialize)]
pub struct Base {
    /// `fr` or `en`.
    pub lang: &'static str,
    /// Easy-read on.
    pub falc: bool,
    /// The `<title>` and OpenGraph title.
    pub title: String,
    /// What the page says about itself.
    pub meta: Meta,
    /// The token forms carry.
    pub csrf: String,
    /// The signed-in person's e-mail, when someone is signed in.
    pub user: Option<String>,
    /// Whether they administer the instance.
    pub is_admin: bool,
    /// The current path and query.
    pub path: String,
    /// The link that switches language, back to this page.
    pub lang_switch_url: String,
    /// The switch's label, in its own language.
    pub lang_switch_label: &'static str,
    /// The switch label's language.
    pub lang_switch_lang: &'static str,
    /// The link that turns easy-read on or off.
    pub falc_switch_url: String,
    /// The stylesheet.
    pub css: String,
    /// The script.
    pub js: String,
    /// The instance's name (`host` or `host:port`).
    pub instance: String,
    /// The public base URL, without the final `/`.
    pub base_url: String,
    /// Which top-level section the page belongs to (for `aria-current`).
    pub section: &'static str,
}

/// A request's context.
pub struct Ctx {
    /// The site.
    pub state: SiteState,
    /// The interface language.
    pub lang: Lang,
    /// Easy-read on.
    pub falc: bool,
    /// Path and query of this request.
    pub path: String,
    /// The signed-in account, if any.
    pub user: Option<CurrentUser>,
    /// The CSRF token forms carry: the session's, or the anonymous cookie's.
    pub csrf: String,
    /// A new anonymous CSRF cookie to set with the response.
    new_csrf_cookie: Option<String>,
}

impl FromRequestParts<SiteState> for Ctx {
    type Rejection = SiteError;

    async fn from_request_parts(parts: &mut Parts, state: &SiteState) -> Result<Self, SiteError> {
        let headers = &parts.headers;
        let lang = cookie(headers, LANG_COOKIE)
            .and_then(|c| Lang::parse(&c))
            .unwrap_or_else(|| {
                headers
                    .get(header::ACCEPT_LANGUAGE)
                    .and_then(|v| v.to_str().ok())
                    .map(Lang::from_accept_language)
                    .unwrap_or(Lang::Fr)
            });
        let falc = cookie(headers, FALC_COOKIE).as_deref() == Some("1");
        let path = parts
            .uri
            .path_and_query()
            .map(|p| p.as_str().to_string())
            .unwrap_or_else(|| "/".to_string());
        let user = auth::current_user(state, headers).await?;
        let (csrf, new_csrf_cookie) = match &user {
            Some(u) => (u.session.csrf_token.clone(), None),
            None => {
                match cookie(headers, auth::CSRF_COOKIE).filter(|c| auth::looks_like_token(c)) {
                    Some(c) => (c, None),
                    None => {
                        let token = galaxie_db::accounts::random_token();
                        (token.clone(), Some(token))
                    }
                }
            }
        };
        Ok(Ctx {
            state: state.clone(),
            lang,
            falc,
            path,
            user,
            csrf,
            new_csrf_cookie,
        })
    }
}

/// A local path to come back to: starts with one `/`, no scheme, no backslash.
pub fn safe_return_path(raw: Option<&str>) -> String {
    match raw {
        Some(p)
            if p.starts_with('/')
                && !p.starts_with("//")
                && !p.contains('\\')
                && !p.chars().any(char::is_control) =>
        {
            p.to_string()
        }
        _ => "/".to_string(),
    }
}

fn encode(value: &str) -> String {
    url::form_urlencoded::byte_serialize(value.as_bytes()).collect()
}

impl Ctx {
    /// A message in the page's language.
    pub fn t(&self, key: &str) -> String {
        i18n::t(self.lang, self.falc, key)
    }

    /// A message with arguments.
    pub fn tr(&self, key: &str, args: &[(&str, fluent_bundle::FluentValue<'_>)]) -> String {
        i18n::translate(self.lang, self.falc, key, args)
    }

    /// This instance's public base URL without the final `/`.
    pub fn base_url(&self) -> String {
        self.state
            .data()
            .urls()
            .base()
            .as_str()
            .trim_end_matches('/')
            .to_string()
    }

    /// An absolute URL for a local path.
    pub fn absolute(&self, path: &str) -> String {
        format!("{}{path}", self.base_url())
    }

    /// The page frame for a page titled `title`.
    pub fn base(&self, title: &str, section: &'static str, meta: Meta) -> Base {
        let back = encode(&self.path);
        let other = self.lang.other();
        let data = self.state.data();
        Base {
            lang: self.lang.tag(),
            falc: self.falc,
            title: title.to_string(),
            meta,
            csrf: self.csrf.clone(),
            user: self.user.as_ref().map(|u| u.account.email.clone()),
            is_admin: self.user.as_ref().is_some_and(|u| u.account.is_admin),
            path: self.path.clone(),
            lang_switch_url: format!("/preferences/langue/{}?retour={back}", other.tag()),
            lang_switch_label: match other {
                Lang::Fr => "Français",
                Lang::En => "English",
            },
            lang_switch_lang: other.tag(),
            falc_switch_url: format!(
                "/preferences/facile/{}?retour={back}",
                if self.falc { "non" } else { "oui" }
            ),
            css: crate::assets::css_url(),
            js: crate::assets::js_url(),
            instance: data.urls().authority(),
            base_url: self.base_url(),
            section,
        }
    }

    /// Renders `template` with `data` under the frame `base`.
    pub fn page<T: Serialize>(
        &self,
        template: &str,
        base: Base,
        data: T,
    ) -> Result<Response, SiteError> {
        #[derive(Serialize)]
        struct Context<'a, T> {
            base: &'a Base,
            data: T,
        }
        let html = render::render(template, Context { base: &base, data })
            .map_err(|e| SiteError::Internal(format!("template {template}: {e:#}")))?;
        Ok(self.finish(Html(html).into_response()))
    }

    /// Adds what every response of the site carries: the anonymous CSRF cookie when new, and
    /// security and caching headers (pages depend on the language and the session).
    pub fn finish(&self, mut response: Response) -> Response {
        let headers = response.headers_mut();
        if let Some(token) = &self.new_csrf_cookie
            && let Ok(v) = HeaderValue::from_str(&set_cookie(
                auth::CSRF_COOKIE,
                token,
                None,
                self.state.secure_cookies(),
            ))
        {
            headers.append(header::SET_COOKIE, v);
        }
        security_headers(headers);
        response
    }
}

/// Headers of every HTML page: no framing, no sniffing, a content security policy that allows
/// only this site's script and stylesheet, and no shared caching (pages vary by language and
/// session).
pub fn security_headers(headers: &mut HeaderMap) {
    let pairs = [
        (header::CACHE_CONTROL, "private, no-cache"),
        (header::VARY, "Accept-Language, Cookie"),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::X_FRAME_OPTIONS, "DENY"),
        (header::REFERRER_POLICY, "strict-origin-when-cross-origin"),
        (
            header::CONTENT_SECURITY_POLICY,
            "default-src 'self'; img-src 'self' data: https: http:; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'",
        ),
    ];
    for (name, value) in pairs {
        headers.insert(name, HeaderValue::from_static(value));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_local_paths_are_returned_to() {
        assert_eq!(
            safe_return_path(Some("/carte?type=Event")),
            "/carte?type=Event"
        );
        assert_eq!(safe_return_path(Some("//evil.example/")), "/");
        assert_eq!(safe_return_path(Some("https://evil.example/")), "/");
        assert_eq!(safe_return_path(Some("/\\evil.example")), "/");
        assert_eq!(safe_return_path(None), "/");
    }

    #[test]
    fn cookies_are_read_among_others() {
        let mut h = HeaderMap::new();
        h.insert(
            header::COOKIE,
            HeaderValue::from_static("a=1; gx_lang=en; b=2"),
        );
        assert_eq!(cookie(&h, LANG_COOKIE).as_deref(), Some("en"));
        assert_eq!(cookie(&h, "c"), None);
        assert!(set_cookie("s", "v", Some(10), true).contains("; Secure"));
        assert!(!set_cookie("s", "v", None, false).contains("Secure"));
    }
}
