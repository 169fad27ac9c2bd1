//! The instance's subscriptions, for the instance administrator: relays (Mastodon or LitePub
//! style), places and networks the instance follows for its regional timeline, and the
//! instances subscribed to this one when it acts as a relay. Every form calls
//! `galaxie_federation::relay`, like the CLI.

use super::networks::{bilingual, with_message};
use super::people::name_of;
use super::{Done, done_message, see_other};
use crate::context::Ctx;
use crate::error::{SiteError, SiteResult};
use crate::forms::{CheckedForm, Choice, Field, FormData};
use axum::extract::Query;
use axum::http::StatusCode;
use axum::response::Response;
use galaxie_db::entities::followers::FollowStatus;
use galaxie_db::networks::{self as db, subscription_kind};
use galaxie_federation::FederationError;
use galaxie_federation::relay::{self, RelayProtocol};
use serde::Serialize;

#[derive(Debug, Serialize)]
struct SubscriptionRow {
    target: String,
    name: String,
    kind: String,
    status: String,
    since: String,
}

#[derive(Debug, Serialize)]
struct SubscriberRow {
    actor: String,
    kind: String,
    since: String,
}

#[derive(Debug, Serialize)]
struct RelaysData {
    subscriptions: Vec<SubscriptionRow>,
    subscribers: Vec<SubscriberRow>,
    url: Field,
    protocol: Field,
    target: Field,
    done: Option<String>,
}

/// Which form was refused, with its message.
enum Refused {
    None,
    Relay(String),
    Actor(String),
}

async fn relays_page(
    ctx: &Ctx,
    values: &FormData,
    refused: Refused,
    done: Option<String>,
) -> SiteResult<Response> {
    let data = ctx.state.data();
    let conn = data.db().conn();
    let v = ctx.view();
    let mut subscriptions = Vec::new();
    for s in db::subscriptions(conn).await? {
        let kind = match s.kind.as_str() {
            subscription_kind::ACTOR => "relays-kind-actor",
            subscription_kind::RELAY_MASTODON => "relays-kind-mastodon",
            _ => "relays-kind-litepub",
        };
        let status = match s.status {
            FollowStatus::Pending => "relays-status-pending",
            FollowStatus::Accepted => "relays-status-accepted",
            FollowStatus::Rejected => "relays-status-rejected",
        };
        subscriptions.push(SubscriptionRow {
            name: if s.kind == subscription_kind::ACTOR {
                name_of(ctx, &s.target_ap_id).await?
            } else {
                s.target_ap_id.clone()
            },
            kind: ctx.t(kind),
            status: ctx.t(status),
            since: v.date(s.created_at).text,
            target: s.target_ap_id,
        });
    }
    let subscribers = db::relay_subscribers(conn, None)
        .await?
        .into_iter()
        .map(|s| SubscriberRow {
            kind: ctx.t(if s.kind == "mastodon" {
                "relays-kind-mastodon"
            } else {
                "relays-kind-litepub"
            }),
            since: v.date(s.created_at).text,
            actor: s.actor_ap_id,
        })
        .collect();
    let (relay_error, actor_error, has_error) = match refused {
        Refused::None => (None, None, false),
        Refused::Relay(m) => (Some(m), None, true),
        Refused::Actor(m) => (None, Some(m), true),
    };
    let protocol = values.get("protocol");
    let url = with_message(
        Field::new("url", ctx.t("relays-url"))
            .value(values.get("url"))
            .hint(ctx.t("relays-url-hint"))
            .inputmode("url")
            .required(),
        relay_error,
    );
    let protocol = Field::new("protocol", ctx.t("relays-protocol"))
        .kind("select")
        .options(
            [
                ("", "relays-protocol-auto"),
                ("mastodon", "relays-kind-mastodon"),
                ("litepub", "relays-kind-litepub"),
            ]
            .into_iter()
            .map(|(value, key)| Choice {
                value: value.to_string(),
                label: ctx.t(key),
                picto: None,
                lang: None,
                checked: protocol == value,
            })
            .collect(),
        );
    let target = with_message(
        Field::new("target", ctx.t("relays-target"))
            .value(values.get("target"))
            .hint(ctx.t("relays-target-hint"))
            .required(),
        actor_error,
    );
    let base = ctx.admin_base(&ctx.t("relays-title"));
    let mut response = ctx.page(
        "admin/relays.html",
        base,
        RelaysData {
            subscriptions,
            subscribers,
            url,
            protocol,
            target,
            done,
        },
    )?;
    if has_error {
        *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(response)
}

/// `GET /admin/relais`.
pub async fn list(ctx: Ctx, Query(done): Query<Done>) -> SiteResult<Response> {
    ctx.require_admin()?;
    let done = done_message(done.fait.as_deref()).map(|k| ctx.t(k));
    relays_page(&ctx, &FormData::default(), Refused::None, done).await
}

/// Whether `raw` looks like a relay's address: an http(s) URL with a host.
fn relay_url(raw: &str) -> Option<url::Url> {
    url::Url::parse(raw.trim())
        .ok()
        .filter(|u| matches!(u.scheme(), "https" | "http") && u.host_str().is_some())
}

/// `POST /admin/relais`: subscribe to a relay.
pub async fn subscribe(ctx: Ctx, form: CheckedForm) -> SiteResult<Response> {
    ctx.require_admin()?;
    let raw = form.form.get("url");
    let Some(url) = relay_url(&raw) else {
        let message = if raw.is_empty() {
            ctx.t("relays-url-empty")
        } else {
            ctx.t("relays-url-invalid")
        };
        return relays_page(&ctx, &form.form, Refused::Relay(message), None).await;
    };
    let protocol = match form.form.get("protocol").as_str() {
        "" => None,
        "mastodon" => Some(RelayProtocol::Mastodon),
        "litepub" => Some(RelayProtocol::LitePub),
        _ => return Err(SiteError::BadRequest("unknown protocol".into())),
    };
    match relay::subscribe(&ctx.state.data(), url.as_str(), protocol).await {
        Ok(_) => Ok(see_other("/admin/relais?fait=abonne")),
        Err(FederationError::Invalid(e)) => {
            let message = e
                .errors
                .first()
                .map(|f| bilingual(ctx.lang, &f.message))
                .unwrap_or_else(|| ctx.t("relays-url-invalid"));
            relays_page(&ctx, &form.form, Refused::Relay(message), None).await
        }
        Err(
            FederationError::NotFound(_)
            | FederationError::Remote(_)
            | FederationError::Malformed(_)
            | FederationError::Unsupported(_)
            | FederationError::Forbidden(_)
            | FederationError::Unauthorized(_),
        ) => {
            let message = ctx.tr("relays-failed", &[("target", raw.clone().into())]);
            relays_page(&ctx, &form.form, Refused::Relay(message), None).await
        }
        Err(e) => Err(e.into()),
    }
}

/// `POST /admin/relais/suivre`: the instance follows a place or a network.
pub async fn follow(ctx: Ctx, form: CheckedForm) -> SiteResult<Response> {
    ctx.require_admin()?;
    let target = form.form.get("target");
    if target.is_empty() {
        let message = ctx.t("relays-target-empty");
        return relays_page(&ctx, &form.form, Refused::Actor(message), None).await;
    }
    match relay::follow_actor(&ctx.state.data(), &target).await {
        Ok(_) => Ok(see_other("/admin/relais?fait=suivi")),
        Err(
            FederationError::Invalid(_)
            | FederationError::NotFound(_)
            | FederationError::Remote(_)
            | FederationError::Malformed(_)
            | FederationError::Unsupported(_)
            | FederationError::Forbidden(_)
            | FederationError::Unauthorized(_),
        ) => {
            let message = ctx.tr("following-failed", &[("target", target.clone().into())]);
            relays_page(&ctx, &form.form, Refused::Actor(message), None).await
        }
        Err(e) => Err(e.into()),
    }
}

/// `POST /admin/relais/retirer`: end a subscription.
pub async fn unsubscribe(ctx: Ctx, form: CheckedForm) -> SiteResult<Response> {
    ctx.require_admin()?;
    match relay::unsubscribe(&ctx.state.data(), &form.form.get("target")).await {
        Ok(()) => Ok(see_other("/admin/relais?fait=desabonne")),
        Err(FederationError::NotFound(_) | FederationError::Invalid(_)) => {
            Err(SiteError::BadRequest("not subscribed".into()))
        }
        Err(e) => Err(e.into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_relay_address_is_an_http_url() {
        assert!(relay_url("https://relay.example/inbox").is_some());
        assert!(relay_url(" http://relay.example/actor ").is_some());
        assert!(relay_url("relay.example").is_none());
        assert!(relay_url("ftp://relay.example/inbox").is_none());
        assert!(relay_url("pas une adresse").is_none());
    }
}
