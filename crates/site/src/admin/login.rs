//! Signing in and out. A failed sign-in says only that the e-mail and password do not match
//! (never which one), keeps the e-mail typed, and counts towards the e-mail's lock.

use crate::auth::{self, SESSION_COOKIE, SESSION_DAYS};
use crate::context::{Ctx, safe_return_path, set_cookie};
use crate::error::SiteResult;
use crate::forms::{CheckedForm, Field};
use crate::messages::FieldMessage;
use axum::extract::Query;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::Response;
use serde::{Deserialize, Serialize};

/// `?retour=`.
#[derive(Debug, Default, Deserialize)]
pub struct Return {
    #[serde(default)]
    pub retour: Option<String>,
}

#[derive(Serialize)]
struct LoginData {
    email: Field,
    password: Field,
    retour: String,
    error: Option<String>,
}

fn fields(ctx: &Ctx, email: &str) -> (Field, Field) {
    (
        Field::new("email", ctx.t("login-email"))
            .kind("email")
            .value(email)
            .autocomplete("username")
            .required(),
        Field::new("password", ctx.t("login-password"))
            .kind("password")
            .autocomplete("current-password")
            .required(),
    )
}

fn render(ctx: &Ctx, email: &str, retour: &str, error: Option<String>) -> SiteResult<Response> {
    let (mut email_field, mut password) = fields(ctx, email);
    if let Some(e) = &error {
        for f in [&mut email_field, &mut password] {
            f.describedby = Some("login-error".to_string());
        }
        password.error = Some(FieldMessage {
            text: e.clone(),
            lang: None,
        });
        password.describedby = Some(format!("login-error {}-error", password.id));
    }
    let base = ctx.admin_base(&ctx.t("login-title"));
    ctx.page(
        "admin/login.html",
        base,
        LoginData {
            email: email_field,
            password,
            retour: retour.to_string(),
            error,
        },
    )
}

/// `GET /admin/connexion`.
pub async fn form(ctx: Ctx, Query(back): Query<Return>) -> SiteResult<Response> {
    if ctx.user.is_some() {
        return Ok(super::see_other(&safe_return_path(
            back.retour.as_deref().or(Some("/admin")),
        )));
    }
    render(
        &ctx,
        "",
        &safe_return_path(back.retour.as_deref().or(Some("/admin"))),
        None,
    )
}

/// `POST /admin/connexion`.
pub async fn submit(ctx: Ctx, form: CheckedForm) -> SiteResult<Response> {
    let email = form.form.get("email");
    let password = form.form.raw("password");
    let retour_raw = form.form.get("retour");
    let retour = safe_return_path(Some(if retour_raw.is_empty() {
        "/admin"
    } else {
        &retour_raw
    }));
    let throttle = &ctx.state.throttle;
    let failed = |message: String| -> SiteResult<Response> {
        let mut response = render(&ctx, &email, &retour, Some(message))?;
        *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
        Ok(response)
    };
    if email.is_empty() || password.is_empty() {
        return failed(ctx.t("login-missing"));
    }
    if throttle.is_locked(&email) {
        return failed(ctx.t("login-locked"));
    }
    let Some(account) = auth::sign_in(&ctx.state, &email, &password).await? else {
        throttle.failed(&email);
        return failed(ctx.t("login-wrong"));
    };
    throttle.succeeded(&email);
    let expires = galaxie_db::now() + chrono::Duration::days(SESSION_DAYS);
    let conn = ctx.state.data().db().conn().clone();
    // Expired sessions go when someone signs in: no separate task is needed.
    galaxie_db::accounts::purge_expired_sessions(&conn).await?;
    let (_, token) = galaxie_db::accounts::create_session(&conn, account.id, expires).await?;
    let mut response = super::see_other(&retour);
    let cookie = set_cookie(
        SESSION_COOKIE,
        &token,
        Some(SESSION_DAYS * 24 * 3600),
        ctx.state.secure_cookies(),
    );
    if let Ok(v) = HeaderValue::from_str(&cookie) {
        response.headers_mut().append(header::SET_COOKIE, v);
    }
    tracing::info!(account = account.id, "signed in");
    Ok(response)
}

/// `POST /admin/deconnexion`.
pub async fn sign_out(ctx: Ctx, _form: CheckedForm) -> SiteResult<Response> {
    if let Some(user) = &ctx.user {
        galaxie_db::accounts::end_session_id(ctx.state.data().db().conn(), user.session.id).await?;
    }
    let mut response = super::see_other("/");
    let cookie = set_cookie(SESSION_COOKIE, "", Some(0), ctx.state.secure_cookies());
    if let Ok(v) = HeaderValue::from_str(&cookie) {
        response.headers_mut().append(header::SET_COOKIE, v);
    }
    Ok(response)
}
