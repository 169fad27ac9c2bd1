//! A network's regional labels, for the instance administrator (the network's moderator):
//! define a label, read the applications with their answers, grant (a signed attestation),
//! refuse, revoke. Every form calls `galaxie_federation::label`, like the CLI.

use super::networks::{bilingual, with_message};
use super::see_other;
use crate::context::Ctx;
use crate::error::{SiteError, SiteResult};
use crate::forms::{CheckedForm, Field, FormData};
use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::Response;
use galaxie_db::entities::label_applications::ApplicationStatus;
use galaxie_db::entities::places;
use galaxie_domain::ValidationErrors;
use galaxie_domain::label::{NewLabel, RawLabel};
use galaxie_federation::FederationError;
use galaxie_federation::label;
use serde::Serialize;

#[derive(Debug, Serialize)]
struct Answer {
    criterion: String,
    answer: String,
}

#[derive(Debug, Serialize)]
struct ApplicationRow {
    applicant: String,
    answers: Vec<Answer>,
    since: String,
    /// A unique suffix for the form's field ids.
    key: String,
}

#[derive(Debug, Serialize)]
struct HolderRow {
    holder: String,
    until: String,
    attestation: String,
    key: String,
}

#[derive(Debug, Serialize)]
struct LabelRow {
    slug: String,
    name: String,
    url: String,
    criteria: Vec<String>,
    validity: Option<i32>,
    pending: Vec<ApplicationRow>,
    holders: Vec<HolderRow>,
}

#[derive(Debug, Serialize)]
struct LabelsData {
    network: String,
    username: String,
    labels: Vec<LabelRow>,
    slug: Field,
    name: Field,
    criteria: Field,
    validity: Field,
    errors: Vec<String>,
    done: Option<String>,
}

#[derive(Debug, Default, serde::Deserialize)]
pub struct Done {
    #[serde(default)]
    fait: Option<String>,
}

async fn network_of(ctx: &Ctx, username: &str) -> SiteResult<places::Model> {
    galaxie_db::places::by_username(ctx.state.data().db().conn(), username)
        .await?
        .filter(galaxie_db::networks::is_network)
        .ok_or(SiteError::NotFound)
}

/// The field errors of a refused form, each "field: message" in the page's language.
fn messages(ctx: &Ctx, errors: &ValidationErrors) -> Vec<String> {
    errors
        .errors
        .iter()
        .map(|e| {
            ctx.tr(
                "labels-field-error",
                &[
                    ("field", e.field.clone().into()),
                    ("message", bilingual(ctx.lang, &e.message).into()),
                ],
            )
        })
        .collect()
}

async fn labels_page(
    ctx: &Ctx,
    network: &places::Model,
    values: &FormData,
    refused: Option<&ValidationErrors>,
    done: Option<String>,
) -> SiteResult<Response> {
    let data = ctx.state.data();
    let conn = data.db().conn();
    let v = ctx.view();
    let now = galaxie_db::now();
    let mut labels = Vec::new();
    for (i, row) in galaxie_db::labels::list(conn, network.id)
        .await?
        .into_iter()
        .enumerate()
    {
        let criteria = row.criteria_list();
        let pending =
            galaxie_db::labels::applications(conn, &row.ap_id, Some(ApplicationStatus::Pending))
                .await?
                .into_iter()
                .enumerate()
                .map(|(j, a)| ApplicationRow {
                    answers: criteria
                        .iter()
                        .cloned()
                        .zip(a.answer_list())
                        .map(|(criterion, answer)| Answer { criterion, answer })
                        .collect(),
                    since: v.date(a.created_at).text,
                    applicant: a.applicant_ap_id,
                    key: format!("{i}-{j}"),
                })
                .collect();
        let holders = galaxie_db::labels::of_label(conn, &row.ap_id)
            .await?
            .into_iter()
            .filter(|a| a.issued_here && a.is_valid_at(now))
            .enumerate()
            .map(|(j, a)| HolderRow {
                until: galaxie_domain::label::french_date(a.valid_until),
                holder: a.holder_ap_id,
                attestation: a.ap_id,
                key: format!("{i}-{j}"),
            })
            .collect();
        labels.push(LabelRow {
            url: row.ap_id.clone(),
            validity: row.validity_months,
            criteria,
            pending,
            holders,
            slug: row.slug,
            name: row.name,
        });
    }
    let field_error = |name: &str| {
        refused.and_then(|e| {
            e.errors
                .iter()
                .find(|f| f.field == name)
                .map(|f| bilingual(ctx.lang, &f.message))
        })
    };
    let slug = with_message(
        Field::new("slug", ctx.t("labels-slug"))
            .value(values.get("slug"))
            .hint(ctx.t("labels-slug-hint"))
            .required(),
        field_error("slug"),
    );
    let name = with_message(
        Field::new("name", ctx.t("labels-name"))
            .value(values.get("name"))
            .required(),
        field_error("name"),
    );
    let criteria = with_message(
        Field::new("criteria", ctx.t("labels-criteria"))
            .kind("textarea")
            .value(values.raw("criteria"))
            .hint(ctx.t("labels-criteria-hint")),
        field_error("criteria"),
    );
    let validity = with_message(
        Field::new("validity_months", ctx.t("labels-validity"))
            .value(values.get("validity_months"))
            .hint(ctx.t("labels-validity-hint"))
            .inputmode("numeric"),
        field_error("validity_months"),
    );
    let base = ctx.admin_base(&ctx.tr("labels-title", &[("network", network.name.clone().into())]));
    let mut response = ctx.page(
        "admin/labels.html",
        base,
        LabelsData {
            network: network.name.clone(),
            username: network.username.clone(),
            labels,
            slug,
            name,
            criteria,
            validity,
            errors: refused.map(|e| messages(ctx, e)).unwrap_or_default(),
            done,
        },
    )?;
    if refused.is_some() {
        *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(response)
}

fn done_key(done: Option<&str>) -> Option<&'static str> {
    match done? {
        "defini" => Some("labels-done-defined"),
        "decerne" => Some("labels-done-granted"),
        "refuse" => Some("labels-done-refused"),
        "retire" => Some("labels-done-revoked"),
        _ => None,
    }
}

/// `GET /admin/reseaux/{username}/labels`.
pub async fn list(
    ctx: Ctx,
    Path(username): Path<String>,
    Query(done): Query<Done>,
) -> SiteResult<Response> {
    ctx.require_admin()?;
    let network = network_of(&ctx, &username).await?;
    let done = done_key(done.fait.as_deref()).map(|k| ctx.t(k));
    labels_page(&ctx, &network, &FormData::default(), None, done).await
}

/// What a form's call gave: done, refused with field errors, or failed.
async fn outcome<T>(
    ctx: &Ctx,
    network: &places::Model,
    form: &FormData,
    result: Result<T, FederationError>,
    done: &str,
) -> SiteResult<Response> {
    match result {
        Ok(_) => Ok(see_other(&format!(
            "/admin/reseaux/{}/labels?fait={done}",
            network.username
        ))),
        Err(FederationError::Invalid(e)) => labels_page(ctx, network, form, Some(&e), None).await,
        Err(
            e @ (FederationError::NotFound(_)
            | FederationError::Remote(_)
            | FederationError::Malformed(_)
            | FederationError::Forbidden(_)),
        ) => {
            let e = ValidationErrors::single("place", e.to_string());
            labels_page(ctx, network, form, Some(&e), None).await
        }
        Err(e) => Err(e.into()),
    }
}

/// `POST /admin/reseaux/{username}/labels`: define (or change) a label.
pub async fn define(
    ctx: Ctx,
    Path(username): Path<String>,
    form: CheckedForm,
) -> SiteResult<Response> {
    ctx.require_admin()?;
    let network = network_of(&ctx, &username).await?;
    let f = &form.form;
    let parsed = NewLabel::parse(RawLabel {
        slug: f.opt("slug"),
        name: f.opt("name"),
        criteria: vec![f.raw("criteria")],
        validity_months: f.opt("validity_months"),
    });
    let result = match parsed {
        Ok(new) => label::define(&ctx.state.data(), &network.username, new).await,
        Err(e) => Err(e.into()),
    };
    outcome(&ctx, &network, f, result, "defini").await
}

/// `POST /admin/reseaux/{username}/labels/{slug}/decerner`: grant the label to a member.
pub async fn grant(
    ctx: Ctx,
    Path((username, slug)): Path<(String, String)>,
    form: CheckedForm,
) -> SiteResult<Response> {
    ctx.require_admin()?;
    let network = network_of(&ctx, &username).await?;
    let f = &form.form;
    let result = Box::pin(label::grant(
        &ctx.state.data(),
        &network.username,
        &slug,
        &f.get("place"),
        f.opt("from").as_deref(),
        f.opt("until").as_deref(),
    ))
    .await;
    outcome(&ctx, &network, f, result, "decerne").await
}

/// `POST /admin/reseaux/{username}/labels/{slug}/refuser`: refuse a pending application.
pub async fn refuse(
    ctx: Ctx,
    Path((username, slug)): Path<(String, String)>,
    form: CheckedForm,
) -> SiteResult<Response> {
    ctx.require_admin()?;
    let network = network_of(&ctx, &username).await?;
    let f = &form.form;
    let result = Box::pin(label::refuse(
        &ctx.state.data(),
        &network.username,
        &slug,
        &f.get("place"),
        f.opt("reason").as_deref(),
    ))
    .await;
    outcome(&ctx, &network, f, result, "refuse").await
}

/// `POST /admin/reseaux/{username}/labels/{slug}/retirer`: revoke a place's label.
pub async fn revoke(
    ctx: Ctx,
    Path((username, slug)): Path<(String, String)>,
    form: CheckedForm,
) -> SiteResult<Response> {
    ctx.require_admin()?;
    let network = network_of(&ctx, &username).await?;
    let f = &form.form;
    let result = Box::pin(label::revoke(
        &ctx.state.data(),
        &network.username,
        &slug,
        &f.get("place"),
    ))
    .await;
    outcome(&ctx, &network, f, result, "retire").await
}
