//! Regional networks, for the instance administrator: this instance's networks, their
//! members (approve, refuse, remove, block, with a reason), withdrawing an announced post and
//! the moderation log; and, for a place, joining or leaving a network. Every form calls
//! `galaxie_federation::network`, like the CLI.

use super::people::name_of;
use super::{Done, done_message, see_other};
use crate::context::Ctx;
use crate::error::{SiteError, SiteResult};
use crate::forms::{CheckedForm, Choice, Field, FormData};
use crate::i18n::Lang;
use crate::messages::FieldMessage;
use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::Response;
use galaxie_db::entities::network_members::MemberStatus;
use galaxie_db::entities::places;
use galaxie_db::networks::{self as db, JoinPolicy};
use galaxie_domain::ValidationErrors;
use galaxie_domain::place::{NewPlace, RawPlaceUpdate};
use galaxie_federation::FederationError;
use galaxie_federation::network::{self, MemberDecision};
use serde::Serialize;

/// A message of the federation layer, written "French / English", in the page's language.
pub(crate) fn bilingual(lang: Lang, message: &str) -> String {
    match message.split_once(" / ") {
        Some((fr, en)) => match lang {
            Lang::Fr => fr.trim().to_string(),
            Lang::En => en.trim().to_string(),
        },
        None => message.to_string(),
    }
}

/// Puts `message` under `field`, and points `aria-describedby` at its hint and message.
pub(crate) fn with_message(mut field: Field, message: Option<String>) -> Field {
    let mut ids = Vec::new();
    if field.hint.is_some() {
        ids.push(format!("{}-hint", field.id));
    }
    if let Some(text) = message {
        field.error = Some(FieldMessage { text, lang: None });
        ids.push(format!("{}-error", field.id));
    }
    field.describedby = (!ids.is_empty()).then(|| ids.join(" "));
    field
}

/// The label key of a member's (or a membership's) state.
fn status_key(status: &MemberStatus) -> &'static str {
    match status {
        MemberStatus::Pending => "member-status-pending",
        MemberStatus::Accepted => "member-status-accepted",
        MemberStatus::Refused => "member-status-refused",
        MemberStatus::Left => "member-status-left",
        MemberStatus::Removed => "member-status-removed",
        MemberStatus::Blocked => "member-status-blocked",
    }
}

/// The label key of a moderation log entry (`ModerationAction::as_str`).
fn log_key(action: &str) -> &'static str {
    match action {
        "accept" => "log-accept",
        "refuse" => "log-refuse",
        "leave" => "log-leave",
        "remove-member" => "log-remove-member",
        "block-member" => "log-block-member",
        "withdraw-post" => "log-withdraw-post",
        "reject-activity" => "log-reject-activity",
        _ => "log-other",
    }
}

fn policy_key(policy: JoinPolicy) -> &'static str {
    match policy {
        JoinPolicy::Open => "networks-policy-open",
        JoinPolicy::Approval => "networks-policy-approval",
    }
}

// --- The list of networks, and creating one -------------------------------------------------

#[derive(Debug, Serialize)]
struct NetworkRow {
    name: String,
    handle: String,
    policy: String,
    pending: usize,
    accepted: usize,
    href: String,
    public: String,
}

#[derive(Debug, Serialize)]
struct NetworksData {
    networks: Vec<NetworkRow>,
    fields: Vec<Field>,
    errors: Vec<Field>,
    done: Option<String>,
}

async fn networks_page(
    ctx: &Ctx,
    values: &FormData,
    errors: Option<&ValidationErrors>,
    done: Option<String>,
) -> SiteResult<Response> {
    let data = ctx.state.data();
    let conn = data.db().conn();
    let authority = data.urls().authority();
    let mut networks = Vec::new();
    for n in db::list(conn).await? {
        let members = db::members_of(conn, n.id, None).await?;
        networks.push(NetworkRow {
            handle: format!("@{}@{authority}", n.username),
            policy: ctx.t(policy_key(JoinPolicy::of(&n))),
            pending: members
                .iter()
                .filter(|m| m.status == MemberStatus::Pending)
                .count(),
            accepted: members
                .iter()
                .filter(|m| m.status == MemberStatus::Accepted)
                .count(),
            href: format!("/admin/reseaux/{}", n.username),
            public: crate::view::place_path(&n.username),
            name: n.name,
        });
    }
    let message = |field: &str| {
        errors.and_then(|e| {
            e.errors.iter().find(|f| f.field == field).map(|f| {
                if f.message.starts_with("networks-") {
                    ctx.t(&f.message)
                } else if f.message.contains(" / ") {
                    bilingual(ctx.lang, &f.message)
                } else {
                    crate::messages::for_field(ctx.lang, field, &f.message).text
                }
            })
        })
    };
    let policy = values.get("policy");
    let fields = vec![
        with_message(
            Field::new("username", ctx.t("networks-username"))
                .value(values.get("username"))
                .hint(ctx.t("networks-username-hint"))
                .required(),
            message("username"),
        ),
        with_message(
            Field::new("name", ctx.t("networks-name"))
                .value(values.get("name"))
                .required(),
            message("name"),
        ),
        with_message(
            Field::new("summary", ctx.t("networks-summary"))
                .kind("textarea")
                .value(values.get("summary")),
            message("summary"),
        ),
        with_message(
            Field::new("policy", ctx.t("networks-policy"))
                .kind("radios")
                .required()
                .options(
                    [JoinPolicy::Approval, JoinPolicy::Open]
                        .into_iter()
                        .map(|p| Choice {
                            value: p.as_str().to_string(),
                            label: ctx.t(policy_key(p)),
                            picto: None,
                            lang: None,
                            checked: policy == p.as_str()
                                || (policy.is_empty() && p == JoinPolicy::Approval),
                        })
                        .collect(),
                ),
            message("policy"),
        ),
    ];
    let has_errors = errors.is_some_and(|e| !e.errors.is_empty());
    let error_fields = fields
        .iter()
        .filter(|f| f.error.is_some())
        .cloned()
        .collect();
    let base = ctx.admin_base(&ctx.t("networks-title"));
    let mut response = ctx.page(
        "admin/networks.html",
        base,
        NetworksData {
            networks,
            fields,
            errors: error_fields,
            done,
        },
    )?;
    if has_errors {
        *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(response)
}

/// `GET /admin/reseaux`.
pub async fn list(ctx: Ctx, Query(done): Query<Done>) -> SiteResult<Response> {
    ctx.require_admin()?;
    let done = done_message(done.fait.as_deref()).map(|k| ctx.t(k));
    networks_page(&ctx, &FormData::default(), None, done).await
}

/// `POST /admin/reseaux`: a new network.
pub async fn create(ctx: Ctx, form: CheckedForm) -> SiteResult<Response> {
    ctx.require_admin()?;
    let values = form.form;
    let mut errors = ValidationErrors::new();
    let policy = JoinPolicy::parse(&values.get("policy"));
    if policy.is_none() {
        errors.add("policy", "networks-policy-missing");
    }
    let username = values.get("username").to_lowercase();
    let parsed = NewPlace::from_parts(
        Some(&username),
        RawPlaceUpdate {
            name: values.opt("name"),
            summary: values.opt("summary"),
            ..Default::default()
        },
    );
    let (new, policy) = match (parsed, policy) {
        (Ok(new), Some(policy)) => (new, policy),
        (parsed, _) => {
            if let Err(e) = parsed {
                errors.errors.extend(e.errors);
            }
            return networks_page(&ctx, &values, Some(&errors), None).await;
        }
    };
    match network::create(&ctx.state.data(), new, policy).await {
        Ok(row) => Ok(see_other(&format!(
            "/admin/reseaux/{}?fait=reseau-cree",
            row.username
        ))),
        Err(FederationError::Invalid(e)) => networks_page(&ctx, &values, Some(&e), None).await,
        Err(e) => Err(e.into()),
    }
}

// --- One network: members, withdrawal, log --------------------------------------------------

#[derive(Debug, Serialize)]
struct MemberRow {
    actor: String,
    name: String,
    status: String,
    since: String,
    /// `(decision, label)` of the buttons.
    actions: Vec<(String, String)>,
    reason_id: String,
}

#[derive(Debug, Serialize)]
struct LogRow {
    date: String,
    action: String,
    target: String,
    reason: Option<String>,
}

#[derive(Debug, Serialize)]
struct NetworkData {
    name: String,
    username: String,
    handle: String,
    policy: String,
    public: String,
    members: Vec<MemberRow>,
    object: Field,
    reason: Field,
    withdraw_error: bool,
    log: Vec<LogRow>,
    done: Option<String>,
}

async fn local_network(ctx: &Ctx, username: &str) -> SiteResult<places::Model> {
    galaxie_db::places::by_username(ctx.state.data().db().conn(), username)
        .await?
        .filter(db::is_network)
        .ok_or(SiteError::NotFound)
}

async fn network_page(
    ctx: &Ctx,
    network: &places::Model,
    values: &FormData,
    withdraw_error: Option<String>,
    done: Option<String>,
) -> SiteResult<Response> {
    let data = ctx.state.data();
    let conn = data.db().conn();
    let v = ctx.view();
    let mut members = Vec::new();
    for (i, m) in db::members_of(conn, network.id, None)
        .await?
        .into_iter()
        .enumerate()
    {
        let decisions: &[&str] = match m.status {
            MemberStatus::Pending => &["approve", "refuse", "block"],
            MemberStatus::Accepted => &["remove", "block"],
            MemberStatus::Refused | MemberStatus::Left | MemberStatus::Removed => &["block"],
            MemberStatus::Blocked => &[],
        };
        members.push(MemberRow {
            name: name_of(ctx, &m.member_ap_id).await?,
            status: ctx.t(status_key(&m.status)),
            since: v.date(m.updated_at).text,
            actions: decisions
                .iter()
                .map(|d| (d.to_string(), ctx.t(&format!("members-{d}"))))
                .collect(),
            reason_id: format!("f-reason-{}", i + 1),
            actor: m.member_ap_id,
        });
    }
    let log = db::log_page(conn, network.id, 100, None)
        .await?
        .into_iter()
        .map(|l| LogRow {
            date: v.date(l.created_at).text,
            action: ctx.t(log_key(&l.action)),
            target: l.target,
            reason: l.reason,
        })
        .collect();
    let has_error = withdraw_error.is_some();
    let object = with_message(
        Field::new("object", ctx.t("withdraw-object"))
            .value(values.get("object"))
            .hint(ctx.t("withdraw-object-hint"))
            .inputmode("url")
            .required(),
        withdraw_error,
    );
    let reason = Field::new("withdraw_reason", ctx.t("withdraw-reason"))
        .value(values.get("withdraw_reason"));
    let base =
        ctx.admin_base(&ctx.tr("network-title", &[("network", network.name.clone().into())]));
    let mut response = ctx.page(
        "admin/network.html",
        base,
        NetworkData {
            name: network.name.clone(),
            username: network.username.clone(),
            handle: format!("@{}@{}", network.username, data.urls().authority()),
            policy: ctx.t(policy_key(JoinPolicy::of(network))),
            public: crate::view::place_path(&network.username),
            members,
            object,
            reason,
            withdraw_error: has_error,
            log,
            done,
        },
    )?;
    if has_error {
        *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(response)
}

/// `GET /admin/reseaux/{username}`.
pub async fn show(
    ctx: Ctx,
    Path(username): Path<String>,
    Query(done): Query<Done>,
) -> SiteResult<Response> {
    ctx.require_admin()?;
    let network = local_network(&ctx, &username).await?;
    let done = done_message(done.fait.as_deref()).map(|k| ctx.t(k));
    network_page(&ctx, &network, &FormData::default(), None, done).await
}

/// `POST /admin/reseaux/{username}/membres`: a moderator's decision about a member.
pub async fn decide(
    ctx: Ctx,
    Path(username): Path<String>,
    form: CheckedForm,
) -> SiteResult<Response> {
    ctx.require_admin()?;
    let network = local_network(&ctx, &username).await?;
    let decision = match form.form.get("decision").as_str() {
        "approve" => MemberDecision::Approve,
        "refuse" => MemberDecision::Refuse,
        "remove" => MemberDecision::Remove,
        "block" => MemberDecision::Block,
        _ => return Err(SiteError::BadRequest("unknown decision".into())),
    };
    let reason = form.form.opt("reason");
    match network::decide_member(
        &ctx.state.data(),
        &network.username,
        &form.form.get("member"),
        decision,
        reason.as_deref(),
    )
    .await
    {
        Ok(_) => Ok(see_other(&format!(
            "/admin/reseaux/{}?fait=decide",
            network.username
        ))),
        Err(FederationError::NotFound(_) | FederationError::Invalid(_)) => {
            Err(SiteError::BadRequest("not a member".into()))
        }
        Err(e) => Err(e.into()),
    }
}

/// `POST /admin/reseaux/{username}/retrait`: withdraw an announced post.
pub async fn withdraw(
    ctx: Ctx,
    Path(username): Path<String>,
    form: CheckedForm,
) -> SiteResult<Response> {
    ctx.require_admin()?;
    let network = local_network(&ctx, &username).await?;
    let object = form.form.get("object");
    let reason = form.form.opt("withdraw_reason");
    let error = if url::Url::parse(&object).is_err() {
        Some(ctx.t("withdraw-invalid"))
    } else {
        match network::withdraw_post(
            &ctx.state.data(),
            &network.username,
            &object,
            reason.as_deref(),
        )
        .await
        {
            Ok(_) => None,
            Err(FederationError::Invalid(_)) => Some(ctx.t("withdraw-invalid")),
            Err(FederationError::NotFound(_)) => Some(ctx.t("withdraw-unknown")),
            Err(e) => return Err(e.into()),
        }
    };
    match error {
        None => Ok(see_other(&format!(
            "/admin/reseaux/{}?fait=retire",
            network.username
        ))),
        Some(message) => network_page(&ctx, &network, &form.form, Some(message), None).await,
    }
}

// --- A place's memberships ------------------------------------------------------------------

#[derive(Debug, Serialize)]
struct MembershipRow {
    network: String,
    name: String,
    status: String,
    can_leave: bool,
}

#[derive(Debug, Serialize)]
struct MembershipsData {
    place: super::place::PlaceLink,
    username: String,
    memberships: Vec<MembershipRow>,
    target: Field,
    done: Option<String>,
}

async fn memberships_page(
    ctx: &Ctx,
    place: &places::Model,
    target: &str,
    error: Option<String>,
    done: Option<String>,
) -> SiteResult<Response> {
    let conn = ctx.state.data().db().conn().clone();
    let mut memberships = Vec::new();
    for m in db::memberships_of(&conn, place.id).await? {
        memberships.push(MembershipRow {
            name: name_of(ctx, &m.network_ap_id).await?,
            status: ctx.t(status_key(&m.status)),
            can_leave: matches!(m.status, MemberStatus::Pending | MemberStatus::Accepted),
            network: m.network_ap_id,
        });
    }
    let has_error = error.is_some();
    let target = with_message(
        Field::new("network", ctx.t("memberships-network"))
            .value(target)
            .hint(ctx.t("memberships-network-hint"))
            .required(),
        error,
    );
    let base =
        ctx.admin_base(&ctx.tr("memberships-title", &[("place", place.name.clone().into())]));
    let mut response = ctx.page(
        "admin/memberships.html",
        base,
        MembershipsData {
            place: super::place::PlaceLink {
                name: place.name.clone(),
                href: crate::view::place_path(&place.username),
            },
            username: place.username.clone(),
            memberships,
            target,
            done,
        },
    )?;
    if has_error {
        *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(response)
}

/// A local place (not a network), for the administrator.
async fn admin_place(ctx: &Ctx, username: &str) -> SiteResult<places::Model> {
    ctx.require_admin()?;
    ctx.editable_place(username).await
}

/// `GET /admin/lieux/{username}/reseaux`.
pub async fn memberships(
    ctx: Ctx,
    Path(username): Path<String>,
    Query(done): Query<Done>,
) -> SiteResult<Response> {
    let place = admin_place(&ctx, &username).await?;
    let done = done_message(done.fait.as_deref()).map(|k| ctx.t(k));
    memberships_page(&ctx, &place, "", None, done).await
}

/// `POST /admin/lieux/{username}/reseaux`: the place asks to join a network.
pub async fn join(
    ctx: Ctx,
    Path(username): Path<String>,
    form: CheckedForm,
) -> SiteResult<Response> {
    let place = admin_place(&ctx, &username).await?;
    let target = form.form.get("network");
    if target.is_empty() {
        return memberships_page(
            &ctx,
            &place,
            &target,
            Some(ctx.t("memberships-empty")),
            None,
        )
        .await;
    }
    match network::join(&ctx.state.data(), &place.username, &target).await {
        Ok(_) => Ok(see_other(&format!(
            "/admin/lieux/{}/reseaux?fait=adhesion",
            place.username
        ))),
        Err(FederationError::Invalid(e)) => {
            let message = e
                .errors
                .first()
                .map(|f| bilingual(ctx.lang, &f.message))
                .unwrap_or_else(|| {
                    ctx.tr("memberships-failed", &[("target", target.clone().into())])
                });
            memberships_page(&ctx, &place, &target, Some(message), None).await
        }
        Err(
            FederationError::NotFound(_)
            | FederationError::Remote(_)
            | FederationError::Malformed(_)
            | FederationError::Unsupported(_)
            | FederationError::Forbidden(_)
            | FederationError::Unauthorized(_),
        ) => {
            let message = ctx.tr("memberships-failed", &[("target", target.clone().into())]);
            memberships_page(&ctx, &place, &target, Some(message), None).await
        }
        Err(e) => Err(e.into()),
    }
}

/// `POST /admin/lieux/{username}/reseaux/quitter`.
pub async fn leave(
    ctx: Ctx,
    Path(username): Path<String>,
    form: CheckedForm,
) -> SiteResult<Response> {
    let place = admin_place(&ctx, &username).await?;
    match network::leave(
        &ctx.state.data(),
        &place.username,
        &form.form.get("network"),
    )
    .await
    {
        Ok(()) => Ok(see_other(&format!(
            "/admin/lieux/{}/reseaux?fait=depart",
            place.username
        ))),
        Err(FederationError::NotFound(_) | FederationError::Invalid(_)) => {
            Err(SiteError::BadRequest("not a member".into()))
        }
        Err(e) => Err(e.into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn federation_messages_are_shown_in_the_page_language() {
        let m = "un réseau ne peut pas être membre de lui-même / a network cannot join itself";
        assert_eq!(
            bilingual(Lang::Fr, m),
            "un réseau ne peut pas être membre de lui-même"
        );
        assert_eq!(bilingual(Lang::En, m), "a network cannot join itself");
        assert_eq!(bilingual(Lang::Fr, "plain"), "plain");
    }

    #[test]
    fn a_message_points_aria_describedby_at_the_hint_and_the_error() {
        let f = with_message(Field::new("url", "Adresse").hint("h"), Some("faux".into()));
        assert_eq!(f.describedby.as_deref(), Some("f-url-hint f-url-error"));
        assert_eq!(f.error.map(|e| e.text).as_deref(), Some("faux"));
        let f = with_message(Field::new("url", "Adresse"), None);
        assert_eq!(f.describedby, None);
    }
}
