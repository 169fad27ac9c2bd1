//! Who follows a place (and who asks to), whom it follows, and, for the instance
//! administrator, the domains this instance refuses to talk to.

use super::{Done, done_message, see_other};
use crate::context::Ctx;
use crate::error::{SiteError, SiteResult};
use crate::forms::{CheckedForm, Field, FormData};
use crate::messages::FieldMessage;
use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::Response;
use galaxie_db::entities::followers::FollowStatus;
use galaxie_db::entities::places;
use galaxie_federation::FederationError;
use galaxie_federation::service::{self, FollowerDecision};
use serde::Serialize;

#[derive(Debug, Serialize)]
struct Person {
    actor: String,
    name: String,
    since: String,
}

#[derive(Debug, Serialize)]
struct Following {
    target: String,
    name: String,
    pending: bool,
}

#[derive(Debug, Serialize)]
struct FollowersData {
    place: super::place::PlaceLink,
    username: String,
    pending: Vec<Person>,
    accepted: Vec<Person>,
    following: Vec<Following>,
    follow_field: Field,
    done: Option<String>,
    approval: bool,
}

pub(crate) async fn name_of(ctx: &Ctx, actor: &str) -> SiteResult<String> {
    let row = galaxie_db::actors::by_ap_id(ctx.state.data().db().conn(), actor).await?;
    Ok(row
        .and_then(|a| {
            let handle = a.preferred_username.map(|u| format!("@{u}@{}", a.domain));
            match (a.name, handle) {
                (Some(n), Some(h)) => Some(format!("{n} ({h})")),
                (Some(n), None) => Some(n),
                (None, h) => h,
            }
        })
        .unwrap_or_else(|| actor.to_string()))
}

async fn followers_page(
    ctx: &Ctx,
    place: &places::Model,
    follow_value: &str,
    follow_error: Option<String>,
    done: Option<String>,
) -> SiteResult<Response> {
    let data = ctx.state.data();
    let v = ctx.view();
    let mut pending = Vec::new();
    let mut accepted = Vec::new();
    for f in service::followers(&data, &place.username, None).await? {
        let person = Person {
            name: name_of(ctx, &f.actor_ap_id).await?,
            since: v.date(f.created_at).text,
            actor: f.actor_ap_id,
        };
        match f.status {
            FollowStatus::Pending => pending.push(person),
            _ => accepted.push(person),
        }
    }
    let mut following = Vec::new();
    for f in galaxie_db::follows::followings_of(data.db().conn(), place.id).await? {
        following.push(Following {
            name: name_of(ctx, &f.target_ap_id).await?,
            pending: f.status == FollowStatus::Pending,
            target: f.target_ap_id,
        });
    }
    let mut follow_field = Field::new("target", ctx.t("following-target"))
        .value(follow_value)
        .hint(ctx.t("following-target-hint"))
        .required();
    let has_error = follow_error.is_some();
    if let Some(e) = follow_error {
        follow_field.error = Some(FieldMessage {
            text: e,
            lang: None,
        });
    }
    follow_field.describedby = Some(if has_error {
        format!("{id}-hint {id}-error", id = follow_field.id)
    } else {
        format!("{}-hint", follow_field.id)
    });
    let base = ctx.admin_base(&ctx.tr("followers-title", &[("place", place.name.clone().into())]));
    let mut response = ctx.page(
        "admin/followers.html",
        base,
        FollowersData {
            place: super::place::PlaceLink {
                name: place.name.clone(),
                href: crate::view::place_path(&place.username),
            },
            username: place.username.clone(),
            pending,
            accepted,
            following,
            follow_field,
            done,
            approval: place.manually_approves_followers,
        },
    )?;
    if has_error {
        *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(response)
}

/// `GET /admin/lieux/{username}/abonnes`.
pub async fn followers(
    ctx: Ctx,
    Path(username): Path<String>,
    Query(done): Query<Done>,
) -> SiteResult<Response> {
    let place = ctx.editable_place(&username).await?;
    let done = done_message(done.fait.as_deref()).map(|k| ctx.t(k));
    followers_page(&ctx, &place, "", None, done).await
}

/// `POST /admin/lieux/{username}/abonnes/decision`.
pub async fn decide(
    ctx: Ctx,
    Path(username): Path<String>,
    form: CheckedForm,
) -> SiteResult<Response> {
    let place = ctx.editable_place(&username).await?;
    let decision = match form.form.get("decision").as_str() {
        "approve" => FollowerDecision::Approve,
        "reject" => FollowerDecision::Reject,
        "remove" => FollowerDecision::Remove,
        _ => return Err(SiteError::BadRequest("unknown decision".into())),
    };
    match service::decide_follower(
        &ctx.state.data(),
        &place.username,
        &form.form.get("actor"),
        decision,
    )
    .await
    {
        Ok(()) => {}
        Err(FederationError::NotFound(_) | FederationError::Invalid(_)) => {
            return Err(SiteError::BadRequest("not a follower".into()));
        }
        Err(e) => return Err(e.into()),
    }
    Ok(see_other(&format!(
        "/admin/lieux/{}/abonnes?fait=decide",
        place.username
    )))
}

/// `POST /admin/lieux/{username}/abonnements`: the place follows someone.
pub async fn follow(
    ctx: Ctx,
    Path(username): Path<String>,
    form: CheckedForm,
) -> SiteResult<Response> {
    let place = ctx.editable_place(&username).await?;
    let target = form.form.get("target");
    if target.is_empty() {
        return followers_page(&ctx, &place, &target, Some(ctx.t("following-empty")), None).await;
    }
    match service::follow(&ctx.state.data(), &place.username, &target).await {
        Ok(_) => Ok(see_other(&format!(
            "/admin/lieux/{}/abonnes?fait=suivi",
            place.username
        ))),
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
            followers_page(&ctx, &place, &target, Some(message), None).await
        }
        Err(e) => Err(e.into()),
    }
}

/// `POST /admin/lieux/{username}/abonnements/retirer`.
pub async fn unfollow(
    ctx: Ctx,
    Path(username): Path<String>,
    form: CheckedForm,
) -> SiteResult<Response> {
    let place = ctx.editable_place(&username).await?;
    match service::unfollow(&ctx.state.data(), &place.username, &form.form.get("target")).await {
        Ok(()) => Ok(see_other(&format!(
            "/admin/lieux/{}/abonnes?fait=plus-suivi",
            place.username
        ))),
        Err(FederationError::NotFound(_) | FederationError::Invalid(_)) => {
            Err(SiteError::BadRequest("not followed".into()))
        }
        Err(e) => Err(e.into()),
    }
}

#[derive(Debug, Serialize)]
struct Block {
    domain: String,
    reason: Option<String>,
    since: String,
}

#[derive(Debug, Serialize)]
struct BlocksData {
    blocks: Vec<Block>,
    domain: Field,
    reason: Field,
    done: Option<String>,
    error: bool,
}

async fn blocks_page(
    ctx: &Ctx,
    values: &FormData,
    error: Option<String>,
    done: Option<String>,
) -> SiteResult<Response> {
    let v = ctx.view();
    let blocks = galaxie_db::blocks::list(ctx.state.data().db().conn())
        .await?
        .into_iter()
        .map(|b| Block {
            since: v.date(b.created_at).text,
            domain: b.domain,
            reason: b.reason,
        })
        .collect();
    let mut domain = Field::new("domain", ctx.t("blocks-domain"))
        .value(values.get("domain"))
        .hint(ctx.t("blocks-domain-hint"))
        .required();
    let has_error = error.is_some();
    domain.describedby = Some(format!("{}-hint", domain.id));
    if let Some(e) = error {
        domain.error = Some(FieldMessage {
            text: e,
            lang: None,
        });
        domain.describedby = Some(format!("{id}-hint {id}-error", id = domain.id));
    }
    let reason = Field::new("reason", ctx.t("blocks-reason")).value(values.get("reason"));
    let base = ctx.admin_base(&ctx.t("blocks-title"));
    let mut response = ctx.page(
        "admin/blocks.html",
        base,
        BlocksData {
            blocks,
            domain,
            reason,
            done,
            error: has_error,
        },
    )?;
    if has_error {
        *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(response)
}

/// A domain as typed (`https://spam.example/`, `Spam.Example`) reduced to its host.
pub fn normalise_domain(raw: &str) -> Option<String> {
    let raw = raw.trim().trim_end_matches('/');
    let host = match url::Url::parse(raw) {
        Ok(u) if u.host_str().is_some() => u.host_str().unwrap_or_default().to_string(),
        _ => raw.to_string(),
    };
    let host = host.to_ascii_lowercase();
    let ok = !host.is_empty()
        && host.contains('.')
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '.' || c == '-')
        && !host.starts_with(['.', '-'])
        && !host.ends_with(['.', '-']);
    ok.then_some(host)
}

/// `GET /admin/blocages`.
pub async fn blocks(ctx: Ctx, Query(done): Query<Done>) -> SiteResult<Response> {
    ctx.require_admin()?;
    let done = done_message(done.fait.as_deref()).map(|k| ctx.t(k));
    blocks_page(&ctx, &FormData::default(), None, done).await
}

/// `POST /admin/blocages`.
pub async fn block(ctx: Ctx, form: CheckedForm) -> SiteResult<Response> {
    ctx.require_admin()?;
    let Some(domain) = normalise_domain(&form.form.get("domain")) else {
        return blocks_page(&ctx, &form.form, Some(ctx.t("blocks-invalid")), None).await;
    };
    let reason = form.form.opt("reason");
    galaxie_db::blocks::block_domain(ctx.state.data().db().conn(), &domain, reason.as_deref())
        .await?;
    Ok(see_other("/admin/blocages?fait=bloque"))
}

/// `POST /admin/blocages/retirer`.
pub async fn unblock(ctx: Ctx, form: CheckedForm) -> SiteResult<Response> {
    ctx.require_admin()?;
    galaxie_db::blocks::unblock_domain(ctx.state.data().db().conn(), &form.form.get("domain"))
        .await?;
    Ok(see_other("/admin/blocages?fait=debloque"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn domains_are_reduced_to_their_host() {
        assert_eq!(
            normalise_domain("https://Spam.Example/").as_deref(),
            Some("spam.example")
        );
        assert_eq!(
            normalise_domain(" spam.example ").as_deref(),
            Some("spam.example")
        );
        assert_eq!(normalise_domain("pas un domaine"), None);
        assert_eq!(normalise_domain("localhost"), None);
    }
}
