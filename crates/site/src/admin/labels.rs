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

// --- A place applies ------------------------------------------------------------------------

/// A local place the signed-in account may edit (its editors, or the administrator).
async fn editable_place(ctx: &Ctx, username: &str) -> SiteResult<places::Model> {
    let user = ctx.require_user()?;
    let place = galaxie_db::places::by_username(ctx.state.data().db().conn(), username)
        .await?
        .filter(|p| !galaxie_db::networks::is_network(p))
        .ok_or(SiteError::NotFound)?;
    if user.can_edit(place.id) {
        Ok(place)
    } else {
        Err(SiteError::Forbidden)
    }
}

#[derive(Debug, Serialize)]
struct ChosenLabel {
    /// What was typed, kept in the form.
    typed: String,
    url: String,
    name: String,
    answers: Vec<Field>,
}

#[derive(Debug, Serialize)]
struct SentApplication {
    label: String,
    status: String,
    since: String,
    reason: Option<String>,
}

#[derive(Debug, Serialize)]
struct ApplyData {
    place: String,
    username: String,
    label: Field,
    chosen: Option<ChosenLabel>,
    applications: Vec<SentApplication>,
    errors: Vec<String>,
    done: Option<String>,
}

/// The query of the application page: the label chosen (its URL or `network/slug`).
#[derive(Debug, Default, serde::Deserialize)]
pub struct ApplyQuery {
    #[serde(default)]
    label: Option<String>,
    #[serde(default)]
    fait: Option<String>,
}

/// Reads the label a person typed: its URL and its definition's name and criteria.
async fn chosen_label(
    ctx: &Ctx,
    typed: &str,
) -> Result<(url::Url, String, Vec<String>), ValidationErrors> {
    let data = ctx.state.data();
    let read = async {
        let url = label::label_ref(&data, typed)?;
        let (name, criteria) = label::definition(&data, &url).await?;
        Ok::<_, FederationError>((url, name, criteria))
    };
    match Box::pin(read).await {
        Ok(found) => Ok(found),
        Err(FederationError::Invalid(e)) => Err(e),
        Err(e) => Err(ValidationErrors::single("label", e.to_string())),
    }
}

async fn apply_page(
    ctx: &Ctx,
    place: &places::Model,
    values: &FormData,
    refused: Option<&ValidationErrors>,
    done: Option<String>,
) -> SiteResult<Response> {
    let data = ctx.state.data();
    let conn = data.db().conn();
    let v = ctx.view();
    let mut errors: Vec<String> = refused.map(|e| messages(ctx, e)).unwrap_or_default();
    let field_error = |name: &str| {
        refused.and_then(|e| {
            e.errors
                .iter()
                .find(|f| f.field == name)
                .map(|f| bilingual(ctx.lang, &f.message))
        })
    };
    let typed = values.get("label");
    let mut chosen = None;
    let mut label_error = field_error("label");
    if !typed.is_empty() && label_error.is_none() {
        match chosen_label(ctx, &typed).await {
            Ok((url, name, criteria)) => {
                let answers = criteria
                    .iter()
                    .enumerate()
                    .map(|(i, criterion)| {
                        let name = format!("answer_{}", i + 1);
                        with_message(
                            Field::new(&name, criterion.clone())
                                .kind("textarea")
                                .rows(3)
                                .value(values.raw(&name))
                                .required(),
                            field_error(&format!("answers[{i}]")).or(field_error("answers")),
                        )
                    })
                    .collect();
                chosen = Some(ChosenLabel {
                    typed: typed.clone(),
                    url: url.to_string(),
                    name,
                    answers,
                });
            }
            Err(e) => {
                label_error = e.errors.first().map(|f| bilingual(ctx.lang, &f.message));
                errors.extend(messages(ctx, &e));
            }
        }
    }
    let label_field = with_message(
        Field::new("label", ctx.t("labels-apply-label"))
            .value(typed)
            .hint(ctx.t("labels-apply-label-hint"))
            .required(),
        label_error,
    );
    let applicant = data.urls().place(&place.username);
    let applications = galaxie_db::labels::applications_of(conn, applicant.as_str())
        .await?
        .into_iter()
        .map(|a| SentApplication {
            status: ctx.t(match a.status {
                ApplicationStatus::Pending => "labels-status-pending",
                ApplicationStatus::Approved => "labels-status-approved",
                ApplicationStatus::Refused => "labels-status-refused",
            }),
            since: v.date(a.created_at).text,
            reason: a.reason,
            label: a.label_ap_id,
        })
        .collect();
    let base = ctx.admin_base(&ctx.tr(
        "labels-apply-title",
        &[("place", place.name.clone().into())],
    ));
    let failed = !errors.is_empty();
    let mut response = ctx.page(
        "admin/label_apply.html",
        base,
        ApplyData {
            place: place.name.clone(),
            username: place.username.clone(),
            label: label_field,
            chosen,
            applications,
            errors,
            done,
        },
    )?;
    if failed {
        *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(response)
}

/// `GET /admin/lieux/{username}/labels`: a place's applications, and the form to apply
/// (`?label=` shows the label's criteria to answer).
pub async fn apply_form(
    ctx: Ctx,
    Path(username): Path<String>,
    Query(query): Query<ApplyQuery>,
) -> SiteResult<Response> {
    let place = editable_place(&ctx, &username).await?;
    let mut values = FormData::default();
    if let Some(typed) = query.label.filter(|l| !l.trim().is_empty()) {
        values.set("label", typed);
    }
    let done = (query.fait.as_deref() == Some("candidature")).then(|| ctx.t("labels-done-applied"));
    apply_page(&ctx, &place, &values, None, done).await
}

/// `POST /admin/lieux/{username}/labels`: the place applies, one answer per criterion.
pub async fn apply(
    ctx: Ctx,
    Path(username): Path<String>,
    form: CheckedForm,
) -> SiteResult<Response> {
    let place = editable_place(&ctx, &username).await?;
    let f = &form.form;
    let (url, _, criteria) = match chosen_label(&ctx, &f.get("label")).await {
        Ok(found) => found,
        Err(e) => return apply_page(&ctx, &place, f, Some(&e), None).await,
    };
    let answers: Vec<String> = (1..=criteria.len())
        .map(|i| f.raw(&format!("answer_{i}")))
        .collect();
    match Box::pin(label::apply(
        &ctx.state.data(),
        &place.username,
        &url,
        &answers,
    ))
    .await
    {
        Ok(_) => Ok(see_other(&format!(
            "/admin/lieux/{}/labels?fait=candidature",
            place.username
        ))),
        Err(FederationError::Invalid(e)) => apply_page(&ctx, &place, f, Some(&e), None).await,
        Err(
            e @ (FederationError::NotFound(_)
            | FederationError::Remote(_)
            | FederationError::Malformed(_)
            | FederationError::Forbidden(_)),
        ) => {
            let e = ValidationErrors::single("label", e.to_string());
            apply_page(&ctx, &place, f, Some(&e), None).await
        }
        Err(e) => Err(e.into()),
    }
}
