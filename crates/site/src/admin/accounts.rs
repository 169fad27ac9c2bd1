//! Accounts (instance administrator): who may sign in, and which places each edits. The
//! first administrator comes from `galaxie admin create`; the others are made here.

use super::place::FormPage;
use super::{Done, done_message, see_other};
use crate::auth::{self, PasswordError};
use crate::context::Ctx;
use crate::error::SiteResult;
use crate::forms::{CheckedForm, Choice, Field, Fieldset, Form, FormData};
use axum::extract::Query;
use axum::response::Response;
use galaxie_domain::ValidationErrors;
use serde::Serialize;

#[derive(Debug, Serialize)]
struct AccountRow {
    email: String,
    is_admin: bool,
    places: Vec<String>,
    last_login: Option<String>,
}

#[derive(Debug, Serialize)]
struct AccountsData {
    accounts: Vec<AccountRow>,
    page: FormPage,
}

fn fieldsets(ctx: &Ctx, values: &FormData, places: &[(String, String)]) -> Vec<Fieldset> {
    let chosen = values.all("places");
    vec![Fieldset::new(
        ctx.t("accounts-new"),
        vec![
            Field::new("email", ctx.t("login-email"))
                .kind("email")
                .value(values.get("email"))
                .autocomplete("off")
                .required(),
            Field::new("password", ctx.t("accounts-password"))
                .kind("password")
                .autocomplete("new-password")
                .required()
                .hint(ctx.tr(
                    "accounts-password-hint",
                    &[("count", (auth::PASSWORD_MIN_CHARS as i64).into())],
                )),
            Field::new("is_admin", ctx.t("accounts-is-admin"))
                .kind("checkbox")
                .checked(values.checked("is_admin"))
                .hint(ctx.t("accounts-is-admin-hint")),
            Field::new("places", ctx.t("accounts-places"))
                .kind("checkboxes")
                .options(
                    places
                        .iter()
                        .map(|(username, name)| Choice {
                            value: username.clone(),
                            label: name.clone(),
                            picto: None,
                            lang: None,
                            checked: chosen.contains(username),
                        })
                        .collect(),
                ),
        ],
    )]
}

async fn page(
    ctx: &Ctx,
    values: &FormData,
    errors: Option<&ValidationErrors>,
    done: Option<String>,
) -> SiteResult<Response> {
    let conn = ctx.state.data().db().conn().clone();
    let places = galaxie_db::places::list(&conn).await?;
    let names: Vec<(String, String)> = places
        .iter()
        .map(|p| (p.username.clone(), p.name.clone()))
        .collect();
    let v = ctx.view();
    let mut accounts = Vec::new();
    for a in galaxie_db::accounts::list(&conn).await? {
        let ids = galaxie_db::accounts::places_of(&conn, a.id).await?;
        accounts.push(AccountRow {
            places: places
                .iter()
                .filter(|p| ids.contains(&p.id))
                .map(|p| p.name.clone())
                .collect(),
            last_login: a.last_login_at.map(|t| v.date(t).text),
            is_admin: a.is_admin,
            email: a.email,
        });
    }
    let mut form = Form::new(
        "/admin/comptes",
        ctx.t("accounts-submit"),
        fieldsets(ctx, values, &names),
    );
    form = match errors {
        Some(e) => form.with_errors(ctx.lang, e, &[]),
        None => {
            form.link_descriptions();
            form
        }
    };
    let page = FormPage {
        form,
        intro: None,
        place: None,
        done,
        images: Vec::new(),
        delete: None,
    };
    let has_errors = errors.is_some();
    let title = ctx.t("accounts-title");
    let title = if has_errors {
        ctx.tr("title-with-errors", &[("title", title.into())])
    } else {
        title
    };
    let base = ctx.admin_base(&title);
    let mut response = ctx.page("admin/accounts.html", base, AccountsData { accounts, page })?;
    if has_errors {
        *response.status_mut() = axum::http::StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(response)
}

/// `GET /admin/comptes`.
pub async fn list(ctx: Ctx, Query(done): Query<Done>) -> SiteResult<Response> {
    ctx.require_admin()?;
    let done = done_message(done.fait.as_deref()).map(|k| ctx.t(k));
    page(&ctx, &FormData::default(), None, done).await
}

/// `POST /admin/comptes`.
pub async fn create(ctx: Ctx, form: CheckedForm) -> SiteResult<Response> {
    ctx.require_admin()?;
    let values = form.form;
    let conn = ctx.state.data().db().conn().clone();
    let mut errors = ValidationErrors::new();
    let email = match galaxie_domain::identity::parse_email(&values.get("email")) {
        Ok(e) => Some(e),
        Err(e) => {
            errors.add("email", e.to_string());
            None
        }
    };
    let hash = match auth::hash_password(&values.raw("password")).await {
        Ok(h) => Some(h),
        Err(PasswordError::TooShort) => {
            errors.add(
                "password",
                format!(
                    "is too short: at least {} characters",
                    auth::PASSWORD_MIN_CHARS
                ),
            );
            None
        }
        Err(e) => return Err(crate::SiteError::Internal(e.to_string())),
    };
    let mut place_ids = Vec::new();
    for username in values.all("places") {
        match galaxie_db::places::by_username(&conn, &username).await? {
            Some(p) => place_ids.push(p.id),
            None => errors.add("places", "names a place that does not exist"),
        }
    }
    if let (Some(email), Some(hash), true) = (email, hash, errors.is_empty()) {
        match galaxie_db::accounts::create(&conn, &email, &hash, values.checked("is_admin")).await {
            Ok(account) => {
                for id in place_ids {
                    galaxie_db::accounts::grant_place(&conn, account.id, id).await?;
                }
                return Ok(see_other("/admin/comptes?fait=compte"));
            }
            Err(galaxie_db::DbError::AlreadyExists(_)) => {
                errors.add("email", "is already used by another account");
            }
            Err(e) => return Err(e.into()),
        }
    }
    page(&ctx, &values, Some(&errors), None).await
}
