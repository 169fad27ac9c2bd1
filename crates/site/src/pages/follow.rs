//! Following a place from Mastodon (or any server that offers OStatus's "subscribe"
//! template): the person types their own address (`@camille@mastodon.social`); we ask their
//! server by WebFinger where it lets people follow someone, and send them there with the
//! place's actor URL (Mastodon's `authorize_interaction?uri=…`), where they confirm while signed
//! in. The request goes through the federation HTTP client, which refuses private addresses
//! outside debug mode, follows no redirects and times out.

use crate::context::{Ctx, Meta};
use crate::error::{SiteError, SiteResult};
use crate::forms::{CheckedForm, Field};
use crate::messages::FieldMessage;
use axum::extract::Path;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};

/// The WebFinger relation of the "follow someone" URL template.
pub const SUBSCRIBE_REL: &str = "http://ostatus.org/schema/1.0/subscribe";

/// Why a remote follow could not start.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RemoteFollowError {
    /// Not `@user@host` (or `user@host`).
    #[error("not an address like @name@server")]
    NotAnAddress,
    /// The server did not answer WebFinger.
    #[error("the server {0} did not answer")]
    Unreachable(String),
    /// The server answered without a subscribe template.
    #[error("the server {0} does not offer remote following")]
    NoTemplate(String),
}

/// `user` and `host` of `@user@host`, `user@host`, `acct:user@host`.
pub fn parse_account(raw: &str) -> Result<(String, String), RemoteFollowError> {
    let handle = raw
        .trim()
        .trim_start_matches("acct:")
        .trim_start_matches('@');
    let (user, host) = handle
        .split_once('@')
        .ok_or(RemoteFollowError::NotAnAddress)?;
    let host_ok = !host.is_empty()
        && host.len() <= 253
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':'))
        && !host.starts_with(['.', '-', ':']);
    let user_ok = !user.is_empty()
        && user.len() <= 64
        && user
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '.' | '-'));
    if host_ok && user_ok {
        Ok((user.to_string(), host.to_ascii_lowercase()))
    } else {
        Err(RemoteFollowError::NotAnAddress)
    }
}

#[derive(Deserialize)]
struct Jrd {
    #[serde(default)]
    links: Vec<JrdLink>,
}

#[derive(Deserialize)]
struct JrdLink {
    rel: String,
    template: Option<String>,
}

/// The address on the person's server where they confirm following `actor`.
pub async fn subscribe_url(
    data: &galaxie_federation::Data,
    account: &str,
    actor: &str,
) -> Result<url::Url, RemoteFollowError> {
    let (user, host) = parse_account(account)?;
    let scheme = if data.settings().debug {
        "http"
    } else {
        "https"
    };
    let mut finger = url::Url::parse(&format!("{scheme}://{host}/.well-known/webfinger"))
        .map_err(|_| RemoteFollowError::NotAnAddress)?;
    finger
        .query_pairs_mut()
        .append_pair("resource", &format!("acct:{user}@{host}"));
    let response = data
        .http()
        .get(finger)
        .header("accept", "application/jrd+json, application/json")
        .send()
        .await
        .map_err(|_| RemoteFollowError::Unreachable(host.clone()))?;
    if !response.status().is_success() {
        return Err(RemoteFollowError::Unreachable(host));
    }
    let body = response
        .bytes()
        .await
        .map_err(|_| RemoteFollowError::Unreachable(host.clone()))?;
    if body.len() > 256 * 1024 {
        return Err(RemoteFollowError::NoTemplate(host));
    }
    let jrd: Jrd =
        serde_json::from_slice(&body).map_err(|_| RemoteFollowError::NoTemplate(host.clone()))?;
    let template = jrd
        .links
        .into_iter()
        .find(|l| l.rel == SUBSCRIBE_REL)
        .and_then(|l| l.template)
        .filter(|t| t.contains("{uri}"))
        .ok_or_else(|| RemoteFollowError::NoTemplate(host.clone()))?;
    let encoded: String = url::form_urlencoded::byte_serialize(actor.as_bytes()).collect();
    let target = url::Url::parse(&template.replace("{uri}", &encoded))
        .map_err(|_| RemoteFollowError::NoTemplate(host.clone()))?;
    if !matches!(target.scheme(), "https" | "http") {
        return Err(RemoteFollowError::NoTemplate(host));
    }
    Ok(target)
}

#[derive(Serialize)]
struct FollowData {
    name: String,
    handle: String,
    place_href: String,
    action: String,
    field: Field,
}

/// `POST /lieux/{username}/suivre`.
pub async fn remote_follow(
    ctx: Ctx,
    Path(username): Path<String>,
    form: CheckedForm,
) -> SiteResult<Response> {
    let data = ctx.state.data();
    let place = galaxie_db::places::by_username(data.db().conn(), &username)
        .await?
        .filter(|p| p.kind == "place")
        .ok_or(SiteError::NotFound)?;
    let account = form.form.get("account");
    let actor = data.urls().place(&place.username).to_string();
    let error = match subscribe_url(&data, &account, &actor).await {
        Ok(target) => {
            let mut response = StatusCode::SEE_OTHER.into_response();
            if let Ok(v) = HeaderValue::from_str(target.as_str()) {
                response.headers_mut().insert(header::LOCATION, v);
            }
            return Ok(response);
        }
        Err(e) => e,
    };
    let text = match &error {
        RemoteFollowError::NotAnAddress => ctx.t("follow-error-address"),
        RemoteFollowError::Unreachable(host) => {
            ctx.tr("follow-error-unreachable", &[("host", host.clone().into())])
        }
        RemoteFollowError::NoTemplate(host) => {
            ctx.tr("follow-error-no-template", &[("host", host.clone().into())])
        }
    };
    let mut field = Field::new("account", ctx.t("follow-account"))
        .hint(ctx.t("follow-account-hint"))
        .autocomplete("username")
        .required()
        .value(account);
    field.error = Some(FieldMessage { text, lang: None });
    field.describedby = Some(format!("{id}-hint {id}-error", id = field.id));
    let handle = format!("@{}@{}", place.username, data.urls().authority());
    let base = ctx.base(
        &ctx.tr("follow-page-title", &[("name", place.name.clone().into())]),
        "",
        Meta {
            noindex: true,
            og_type: "website",
            ..Default::default()
        },
    );
    let mut response = ctx.page(
        "follow.html",
        base,
        FollowData {
            name: place.name.clone(),
            handle,
            place_href: crate::view::place_path(&place.username),
            action: format!("/lieux/{}/suivre", place.username),
            field,
        },
    )?;
    *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    Ok(response)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_read_in_their_usual_forms() {
        for raw in [
            "@camille@mastodon.social",
            "camille@mastodon.social",
            " acct:camille@Mastodon.Social ",
        ] {
            assert_eq!(
                parse_account(raw),
                Ok(("camille".to_string(), "mastodon.social".to_string())),
                "{raw}"
            );
        }
        assert_eq!(
            parse_account("localhost:8080").map(|_| ()),
            Err(RemoteFollowError::NotAnAddress)
        );
        for bad in [
            "camille",
            "@camille@",
            "a@b/c",
            "a@evil.example/../x",
            "@a@.x",
        ] {
            assert!(parse_account(bad).is_err(), "{bad}");
        }
    }
}
