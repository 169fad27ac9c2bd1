//! Publishing a funding call by hand, as a place (its editors) or a network (the instance
//! administrator): `/admin/lieux/{username}/financements/nouveau`. The form calls
//! `galaxie_federation::funding::publish`, like the API; every invalid field is shown next to
//! it, and the call then appears on the publisher's funding page.

use super::place::{FormPage, PlaceLink, concept_choices, render_form};
use super::see_other;
use crate::context::Ctx;
use crate::error::{SiteError, SiteResult};
use crate::forms::{CheckedForm, Field, Fieldset, Form, FormData};
use crate::view;
use axum::extract::Path;
use axum::response::Response;
use galaxie_db::entities::places;
use galaxie_domain::ValidationErrors;
use galaxie_domain::funding::{NewFundingCall, RawFundingCall};
use galaxie_domain::vocab::Scheme;
use galaxie_federation::FederationError;

/// The place or network the signed-in account may publish for: a place's editors, or the
/// administrator for a network.
async fn publisher(ctx: &Ctx, username: &str) -> SiteResult<places::Model> {
    let user = ctx.require_user()?;
    let place = galaxie_db::places::by_username(ctx.state.data().db().conn(), username)
        .await?
        .ok_or(SiteError::NotFound)?;
    let allowed = if place.kind == "place" {
        user.can_edit(place.id)
    } else {
        user.account.is_admin
    };
    if allowed {
        Ok(place)
    } else {
        Err(SiteError::Forbidden)
    }
}

fn fieldsets(ctx: &Ctx, values: &FormData) -> Vec<Fieldset> {
    let t = |k: &str| ctx.t(k);
    let val = |n: &str| values.get(n);
    let v = ctx.view();
    let what = vec![
        Field::new("name", t("funding-f-name"))
            .value(val("name"))
            .required()
            .maxlength(300),
        Field::new("funder", t("funding-funder"))
            .value(val("funder"))
            .maxlength(200),
        Field::new("programme", t("funding-programme"))
            .value(val("programme"))
            .maxlength(200),
        Field::new("description", t("funding-f-description"))
            .kind("textarea")
            .rows(5)
            .value(val("description")),
        Field::new("summary_falc", t("event-f-summary-falc"))
            .value(val("summary_falc"))
            .lang(galaxie_federation::objects::place::FALC)
            .maxlength(280)
            .hint(t("falc-hint")),
    ];
    let when = vec![
        Field::new("deadline", t("funding-deadline"))
            .kind("date")
            .value(val("deadline"))
            .hint(t("funding-f-deadline-hint")),
        Field::new("opening_date", t("funding-opening"))
            .kind("date")
            .value(val("opening_date")),
    ];
    let who = vec![
        Field::new("legal_forms", v.scheme_label(Scheme::LegalForm))
            .kind("checkboxes")
            .options(concept_choices(
                &v,
                Scheme::LegalForm,
                &values.all("legal_forms"),
                false,
            )),
        Field::new("territory", t("funding-territory"))
            .value(val("territory"))
            .hint(t("funding-f-territory-hint")),
        Field::new("themes", v.scheme_label(Scheme::Service))
            .kind("checkboxes")
            .options(concept_choices(
                &v,
                Scheme::Service,
                &values.all("themes"),
                true,
            )),
    ];
    let how = vec![
        Field::new("amount_max", t("funding-f-amount-max"))
            .inputmode("numeric")
            .value(val("amount_max")),
        Field::new("amount_text", t("funding-amount"))
            .value(val("amount_text"))
            .maxlength(300),
        Field::new("how_to_apply", t("funding-how"))
            .kind("textarea")
            .rows(3)
            .value(val("how_to_apply")),
        Field::new("application_url", t("funding-apply"))
            .kind("url")
            .value(val("application_url")),
        Field::new("source_url", t("funding-source"))
            .kind("url")
            .value(val("source_url")),
    ];
    vec![
        Fieldset::new(t("funding-fs-what"), what),
        Fieldset::new(t("funding-fs-when"), when),
        Fieldset::new(t("funding-fs-who"), who),
        Fieldset::new(t("funding-fs-how"), how),
    ]
}

fn raw(values: &FormData) -> Result<RawFundingCall, ValidationErrors> {
    let opt = |n: &str| Some(values.get(n)).filter(|v| !v.is_empty());
    let amount_max = match opt("amount_max") {
        Some(a) => Some(
            a.replace([' ', '\u{202f}', '\u{a0}', '€'], "")
                .parse::<u64>()
                .map_err(|_| {
                    ValidationErrors::single("amount_max", "is not a whole number of euros")
                })?,
        ),
        None => None,
    };
    Ok(RawFundingCall {
        name: opt("name"),
        funder: opt("funder"),
        programme: opt("programme"),
        description: opt("description"),
        summary_falc: opt("summary_falc"),
        deadline: opt("deadline"),
        opening_date: opt("opening_date"),
        legal_forms: Some(values.all("legal_forms")),
        territory: Some(
            values
                .get("territory")
                .split([',', ' ', ';'])
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect(),
        ),
        themes: Some(values.all("themes")),
        amount_max,
        amount_text: opt("amount_text"),
        how_to_apply: opt("how_to_apply"),
        application_url: opt("application_url"),
        source_url: opt("source_url"),
        ..Default::default()
    })
}

/// Which form: a new call, or an existing one (by row id).
#[derive(Clone, Copy)]
enum Target {
    New,
    Edit(i64),
}

fn page(
    ctx: &Ctx,
    place: &places::Model,
    values: &FormData,
    errors: Option<&ValidationErrors>,
) -> SiteResult<Response> {
    form_page(ctx, place, values, errors, Target::New)
}

fn form_page(
    ctx: &Ctx,
    place: &places::Model,
    values: &FormData,
    errors: Option<&ValidationErrors>,
    target: Target,
) -> SiteResult<Response> {
    let (action, submit, title, delete) = match target {
        Target::New => (
            format!("/admin/lieux/{}/financements/nouveau", place.username),
            ctx.t("funding-f-publish"),
            ctx.tr("funding-new-title", &[("place", place.name.clone().into())]),
            None,
        ),
        Target::Edit(id) => (
            format!("/admin/financements/{id}"),
            ctx.t("funding-f-save"),
            ctx.tr(
                "funding-edit-title",
                &[("place", place.name.clone().into())],
            ),
            Some(format!("/admin/financements/{id}/retirer")),
        ),
    };
    let mut form = Form::new(action, submit, fieldsets(ctx, values));
    form = match errors {
        Some(e) => form.with_errors(ctx.lang, e, &[]),
        None => {
            form.link_descriptions();
            form
        }
    };
    render_form(
        ctx,
        &title,
        FormPage {
            form,
            intro: Some(ctx.t("funding-f-intro")),
            place: Some(PlaceLink {
                name: place.name.clone(),
                href: view::place_path(&place.username),
            }),
            done: None,
            images: Vec::new(),
            delete,
        },
    )
}

/// `GET /admin/lieux/{username}/financements/nouveau`.
pub async fn new(ctx: Ctx, Path(username): Path<String>) -> SiteResult<Response> {
    let place = publisher(&ctx, &username).await?;
    page(&ctx, &place, &FormData::default(), None)
}

/// `POST /admin/lieux/{username}/financements/nouveau`.
pub async fn create(
    ctx: Ctx,
    Path(username): Path<String>,
    form: CheckedForm,
) -> SiteResult<Response> {
    let place = publisher(&ctx, &username).await?;
    let values = form.form;
    let parsed = raw(&values).and_then(NewFundingCall::parse);
    let errors = match parsed {
        Ok(call) => {
            match galaxie_federation::funding::publish(&ctx.state.data(), &place.username, call)
                .await
            {
                Ok(row) => return Ok(see_other(&format!("/financements/{}", row.id))),
                Err(FederationError::Invalid(e)) => e,
                Err(e) => return Err(e.into()),
            }
        }
        Err(e) => e,
    };
    page(&ctx, &place, &values, Some(&errors))
}

/// A local call the signed-in account may change, with its publisher.
async fn editable_call(
    ctx: &Ctx,
    id: i64,
) -> SiteResult<(places::Model, galaxie_db::entities::funding_calls::Model)> {
    let (place, row) = galaxie_federation::funding::local_call(&ctx.state.data(), id)
        .await
        .map_err(|_| SiteError::NotFound)?;
    let place = publisher(ctx, &place.username).await?;
    Ok((place, row))
}

/// The form's values of a stored call.
fn values_of(row: &galaxie_db::entities::funding_calls::Model) -> FormData {
    let c = galaxie_federation::funding::criteria(row);
    let mut pairs: Vec<(String, String)> = vec![
        ("name".into(), row.name.clone()),
        ("funder".into(), row.funder.clone().unwrap_or_default()),
        (
            "programme".into(),
            row.programme.clone().unwrap_or_default(),
        ),
        (
            "description".into(),
            row.content
                .as_deref()
                .map(super::publish::html_to_plain)
                .unwrap_or_default(),
        ),
        (
            "summary_falc".into(),
            row.summary_falc.clone().unwrap_or_default(),
        ),
        (
            "deadline".into(),
            row.deadline.map(|d| d.to_string()).unwrap_or_default(),
        ),
        (
            "opening_date".into(),
            row.opening_date.map(|d| d.to_string()).unwrap_or_default(),
        ),
        (
            "territory".into(),
            c.territory
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", "),
        ),
        (
            "amount_max".into(),
            row.amount_max.map(|a| a.to_string()).unwrap_or_default(),
        ),
        (
            "amount_text".into(),
            row.amount_text.clone().unwrap_or_default(),
        ),
        (
            "how_to_apply".into(),
            row.how_to_apply.clone().unwrap_or_default(),
        ),
        (
            "application_url".into(),
            row.application_url.clone().unwrap_or_default(),
        ),
        (
            "source_url".into(),
            row.source_url.clone().unwrap_or_default(),
        ),
    ];
    pairs.extend(
        c.legal_forms
            .iter()
            .map(|f| ("legal_forms".to_string(), f.clone())),
    );
    pairs.extend(c.themes.iter().map(|t| ("themes".to_string(), t.clone())));
    let refs: Vec<(&str, &str)> = pairs
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    FormData::from_pairs(&refs)
}

/// `GET /admin/financements/{id}`.
pub async fn edit(ctx: Ctx, Path(id): Path<i64>) -> SiteResult<Response> {
    let (place, row) = editable_call(&ctx, id).await?;
    form_page(&ctx, &place, &values_of(&row), None, Target::Edit(id))
}

/// `POST /admin/financements/{id}`: every field again, published as an `Update`.
pub async fn save(ctx: Ctx, Path(id): Path<i64>, form: CheckedForm) -> SiteResult<Response> {
    let (place, _) = editable_call(&ctx, id).await?;
    let values = form.form;
    let errors = match raw(&values).and_then(NewFundingCall::parse) {
        Ok(call) => match galaxie_federation::funding::update(&ctx.state.data(), id, call).await {
            Ok(row) => return Ok(see_other(&format!("/financements/{}", row.id))),
            Err(FederationError::Invalid(e)) => e,
            Err(e) => return Err(e.into()),
        },
        Err(e) => e,
    };
    form_page(&ctx, &place, &values, Some(&errors), Target::Edit(id))
}

#[derive(serde::Serialize)]
struct ConfirmData {
    kind: String,
    what: String,
    action: String,
    back: String,
    recurring: bool,
}

/// `GET /admin/financements/{id}/retirer`: are you sure?
pub async fn confirm_withdraw(ctx: Ctx, Path(id): Path<i64>) -> SiteResult<Response> {
    let (_, row) = editable_call(&ctx, id).await?;
    let base = ctx.admin_base(&ctx.t("delete-title"));
    ctx.page(
        "admin/confirm.html",
        base,
        ConfirmData {
            kind: ctx.t("funding-kind-one"),
            what: row.name.clone(),
            action: format!("/admin/financements/{id}/retirer"),
            back: format!("/admin/financements/{id}"),
            recurring: false,
        },
    )
}

/// `POST /admin/financements/{id}/retirer`: withdrawn everywhere (`Delete`).
pub async fn withdraw(ctx: Ctx, Path(id): Path<i64>, _form: CheckedForm) -> SiteResult<Response> {
    let (place, _) = editable_call(&ctx, id).await?;
    galaxie_federation::funding::delete(&ctx.state.data(), id).await?;
    Ok(see_other(&format!(
        "/lieux/{}/financements",
        place.username
    )))
}
