//! Creating a place (instance administrator) and editing its profile (its editors): the MedNum
//! profile in plain words, the vocabulary as checkboxes with pictograms, opening hours with an
//! example. A refused form comes back with every message next to its field and everything that
//! was typed.

use crate::context::Ctx;
use crate::error::SiteResult;
use crate::forms::{CheckedForm, Choice, Field, Fieldset, Form, FormData};
use crate::view::{self, FALC, Image, View};
use axum::extract::{Path, Query};
use axum::http::StatusCode;
use axum::response::Response;
use galaxie_db::entities::places;
use galaxie_domain::vocab::Scheme;
use galaxie_domain::{NewPlace, RawPlaceUpdate, ValidationErrors};
use serde::Serialize;

/// A link to the place a form is about.
#[derive(Debug, Serialize)]
pub struct PlaceLink {
    pub name: String,
    pub href: String,
}

/// An administration form page (`admin/form.html`).
#[derive(Debug, Serialize)]
pub struct FormPage {
    pub form: Form,
    pub intro: Option<String>,
    pub place: Option<PlaceLink>,
    pub done: Option<String>,
    pub images: Vec<Image>,
    pub delete: Option<String>,
}

/// Renders a form page, with 422 when it holds errors.
pub fn render_form(ctx: &Ctx, title: &str, page: FormPage) -> SiteResult<Response> {
    let has_errors = !page.form.errors.is_empty();
    let title = if has_errors {
        ctx.tr("title-with-errors", &[("title", title.to_string().into())])
    } else {
        title.to_string()
    };
    let base = ctx.admin_base(&title);
    let mut response = ctx.page("admin/form.html", base, page)?;
    if has_errors {
        *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(response)
}

/// Checkboxes of a scheme's concepts with their pictograms; `top_only` keeps the broad ones.
pub fn concept_choices(
    v: &View,
    scheme: Scheme,
    checked: &[String],
    top_only: bool,
) -> Vec<Choice> {
    scheme
        .concepts()
        .iter()
        .filter(|c| !top_only || c.broader.is_none())
        .filter_map(|c| {
            let p = v.picto(scheme, c.slug)?;
            Some(Choice {
                value: c.slug.to_string(),
                label: p.label.to_string(),
                picto: Some(p.src),
                lang: p.lang,
                checked: checked.iter().any(|s| s == c.slug),
            })
        })
        .collect()
}

/// A number typed with a comma or a point.
pub fn parse_number(errors: &mut ValidationErrors, field: &str, raw: &str) -> Option<f64> {
    let raw = raw.trim();
    if raw.is_empty() {
        return None;
    }
    match raw.replace(',', ".").parse::<f64>() {
        Ok(n) if n.is_finite() => Some(n),
        _ => {
            errors.add(field, "must be a number, like 49.25");
            None
        }
    }
}

fn list(raw: &str) -> Vec<String> {
    raw.split([',', '\n', ';'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// The profile fields typed in a form, as an update that replaces every field (an emptied field
/// is cleared).
fn update_from(form: &FormData, errors: &mut ValidationErrors) -> RawPlaceUpdate {
    let text = |name: &str| Some(form.get(name));
    let lat = parse_number(errors, "lat", &form.get("lat"));
    let lon = parse_number(errors, "lon", &form.get("lon"));
    RawPlaceUpdate {
        name: text("name"),
        summary: text("summary"),
        address: text("address"),
        postal_code: text("postal_code"),
        city: text("city"),
        country: None,
        lat,
        lon,
        phone: text("phone"),
        website: text("website"),
        hours: text("hours"),
        icon: None,
        manually_approves_followers: Some(form.checked("manually_approves_followers")),
        pivot: text("pivot"),
        legal_form: text("legal_form"),
        address_complement: text("address_complement"),
        insee_code: None,
        emails: Some(list(&form.get("emails"))),
        other_websites: None,
        description: text("description"),
        summary_falc: text("summary_falc"),
        mobility: text("mobility"),
        parent_structure: None,
        structure_types: None,
        services: Some(form.all("services")),
        publics: Some(form.all("publics")),
        specific_support: Some(form.all("specific_support")),
        fees: Some(form.all("fees")),
        programmes: None,
        labels: Some(form.all("labels")),
        access_modes: Some(form.all("access_modes")),
        support_modes: Some(form.all("support_modes")),
        other_labels: text("other_labels"),
        acceslibre_url: text("acceslibre_url"),
        booking_url: text("booking_url"),
    }
}

/// The values of a stored place, as the form shows them.
fn values_of(p: &places::Model) -> FormData {
    let profile = galaxie_db::places::profile(p);
    let mut pairs: Vec<(String, String)> = vec![
        ("name".into(), p.name.clone()),
        ("username".into(), p.username.clone()),
        ("summary".into(), p.summary.clone().unwrap_or_default()),
        (
            "summary_falc".into(),
            p.summary_falc.clone().unwrap_or_default(),
        ),
        (
            "description".into(),
            p.description.clone().unwrap_or_default(),
        ),
        (
            "address".into(),
            p.street_address.clone().unwrap_or_default(),
        ),
        (
            "address_complement".into(),
            p.address_complement.clone().unwrap_or_default(),
        ),
        (
            "postal_code".into(),
            p.postal_code.clone().unwrap_or_default(),
        ),
        ("city".into(), p.locality.clone().unwrap_or_default()),
        (
            "lat".into(),
            p.latitude.map(|l| l.to_string()).unwrap_or_default(),
        ),
        (
            "lon".into(),
            p.longitude.map(|l| l.to_string()).unwrap_or_default(),
        ),
        ("phone".into(), p.phone.clone().unwrap_or_default()),
        ("website".into(), p.website.clone().unwrap_or_default()),
        ("emails".into(), profile.emails.join(", ")),
        ("hours".into(), p.opening_hours.clone().unwrap_or_default()),
        (
            "booking_url".into(),
            p.booking_url.clone().unwrap_or_default(),
        ),
        (
            "acceslibre_url".into(),
            p.acceslibre_url.clone().unwrap_or_default(),
        ),
        ("pivot".into(), p.pivot.clone().unwrap_or_default()),
        (
            "legal_form".into(),
            p.legal_form.clone().unwrap_or_default(),
        ),
        ("mobility".into(), p.mobility.clone().unwrap_or_default()),
        (
            "other_labels".into(),
            p.other_labels.clone().unwrap_or_default(),
        ),
    ];
    if p.manually_approves_followers {
        pairs.push(("manually_approves_followers".into(), "1".into()));
    }
    let c = &profile.concepts;
    for (name, slugs) in [
        ("services", &c.services),
        ("publics", &c.publics),
        ("specific_support", &c.specific_support),
        ("fees", &c.fees),
        ("labels", &c.labels),
        ("access_modes", &c.access_modes),
        ("support_modes", &c.support_modes),
    ] {
        for s in slugs {
            pairs.push((name.into(), s.clone()));
        }
    }
    let borrowed: Vec<(&str, &str)> = pairs
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    FormData::from_pairs(&borrowed)
}

/// The profile form's fields, filled with `values`.
fn fieldsets(ctx: &Ctx, values: &FormData, creating: bool) -> Vec<Fieldset> {
    let v = ctx.view();
    let t = |k: &str| ctx.t(k);
    let val = |name: &str| values.get(name);
    let mut identity = Vec::new();
    identity.push(
        Field::new("name", t("place-f-name"))
            .value(val("name"))
            .required()
            .maxlength(120)
            .autocomplete("organization"),
    );
    if creating {
        identity.push(
            Field::new("username", t("place-f-username"))
                .value(val("username"))
                .required()
                .hint(t("place-f-username-hint"))
                .autocomplete("off"),
        );
    }
    identity.extend([
        Field::new("summary", t("place-f-summary"))
            .kind("textarea")
            .rows(3)
            .value(val("summary"))
            .maxlength(280)
            .hint(t("place-f-summary-hint")),
        Field::new("summary_falc", t("place-f-summary-falc"))
            .kind("textarea")
            .rows(3)
            .value(val("summary_falc"))
            .lang(FALC)
            .maxlength(280)
            .hint(t("falc-hint")),
        Field::new("description", t("place-f-description"))
            .kind("textarea")
            .rows(6)
            .value(val("description")),
    ]);
    let mobility = val("mobility");
    let legal_form = val("legal_form");
    let mut legal_forms = vec![Choice {
        value: String::new(),
        label: t("choose-none"),
        picto: None,
        lang: None,
        checked: legal_form.is_empty(),
    }];
    legal_forms.extend(Scheme::LegalForm.concepts().iter().map(|c| Choice {
        value: c.slug.to_string(),
        label: c.label(v.lang.tag()).to_string(),
        picto: None,
        lang: None,
        checked: legal_form == c.slug,
    }));
    let where_ = vec![
        Field::new("address", t("f-address"))
            .value(val("address"))
            .autocomplete("street-address"),
        Field::new("address_complement", t("f-address-complement"))
            .value(val("address_complement")),
        Field::new("postal_code", t("f-postal-code"))
            .value(val("postal_code"))
            .inputmode("numeric")
            .autocomplete("postal-code")
            .maxlength(5),
        Field::new("city", t("f-city"))
            .value(val("city"))
            .autocomplete("address-level2"),
        Field::new("lat", t("f-lat"))
            .value(val("lat"))
            .inputmode("decimal")
            .hint(t("f-lat-hint")),
        Field::new("lon", t("f-lon"))
            .value(val("lon"))
            .inputmode("decimal"),
        Field::new("mobility", t("place-f-mobility"))
            .kind("select")
            .options(
                [
                    ("", "choose-none"),
                    ("fixed", "mobility-fixed"),
                    ("itinerant", "mobility-itinerant"),
                    ("both", "mobility-both"),
                ]
                .iter()
                .map(|(value, key)| Choice {
                    value: value.to_string(),
                    label: t(key),
                    picto: None,
                    lang: None,
                    checked: mobility == *value,
                })
                .collect(),
            ),
    ];
    let contact = vec![
        Field::new("hours", t("place-f-hours"))
            .value(val("hours"))
            .hint(t("place-f-hours-hint")),
        Field::new("phone", t("f-phone"))
            .kind("tel")
            .value(val("phone"))
            .autocomplete("tel"),
        Field::new("emails", t("place-f-emails"))
            .value(val("emails"))
            .hint(t("place-f-emails-hint"))
            .autocomplete("email"),
        Field::new("website", t("place-f-website"))
            .kind("url")
            .value(val("website"))
            .autocomplete("url"),
        Field::new("booking_url", t("place-f-booking"))
            .kind("url")
            .value(val("booking_url")),
        Field::new("acceslibre_url", t("place-f-acceslibre"))
            .kind("url")
            .value(val("acceslibre_url"))
            .hint(t("place-f-acceslibre-hint")),
    ];
    let mut offer = Vec::new();
    for (name, scheme, top) in [
        ("services", Scheme::Service, false),
        ("publics", Scheme::Public, false),
        ("fees", Scheme::Fee, false),
        ("access_modes", Scheme::AccessMode, false),
        ("support_modes", Scheme::SupportMode, false),
        ("specific_support", Scheme::SpecificSupport, false),
        ("labels", Scheme::Label, false),
    ] {
        offer.push(
            Field::new(name, v.scheme_label(scheme))
                .kind("checkboxes")
                .options(concept_choices(&v, scheme, &values.all(name), top)),
        );
    }
    offer.push(Field::new("other_labels", t("place-f-other-labels")).value(val("other_labels")));
    let admin = vec![
        Field::new("legal_form", t("place-f-legal-form"))
            .kind("select")
            .options(legal_forms),
        Field::new("pivot", t("place-f-pivot"))
            .value(val("pivot"))
            .inputmode("numeric")
            .hint(t("place-f-pivot-hint")),
        Field::new("manually_approves_followers", t("place-f-approval"))
            .kind("checkbox")
            .checked(values.checked("manually_approves_followers"))
            .hint(t("place-f-approval-hint")),
    ];
    vec![
        Fieldset::new(t("place-fs-identity"), identity),
        Fieldset::new(t("place-fs-where"), where_),
        Fieldset::new(t("place-fs-contact"), contact),
        Fieldset::new(t("place-fs-offer"), offer),
        Fieldset::new(t("place-fs-admin"), admin),
    ]
}

/// `GET /admin/lieux/nouveau`.
pub async fn new_form(ctx: Ctx) -> SiteResult<Response> {
    ctx.require_admin()?;
    let values = FormData::default();
    let mut form = Form::new(
        "/admin/lieux/nouveau",
        ctx.t("place-create-submit"),
        fieldsets(&ctx, &values, true),
    );
    form.link_descriptions();
    render_form(
        &ctx,
        &ctx.t("place-create-title"),
        FormPage {
            form,
            intro: Some(ctx.t("place-create-intro")),
            place: None,
            done: None,
            images: Vec::new(),
            delete: None,
        },
    )
}

/// `POST /admin/lieux/nouveau`.
pub async fn create(ctx: Ctx, form: CheckedForm) -> SiteResult<Response> {
    ctx.require_admin()?;
    let values = form.form;
    let mut errors = ValidationErrors::new();
    let update = update_from(&values, &mut errors);
    let username = values.get("username").to_lowercase();
    let parsed = NewPlace::from_parts(Some(&username), update);
    let result = match (parsed, errors.is_empty()) {
        (Ok(place), true) => galaxie_federation::service::create_place(&ctx.state.data(), place)
            .await
            .map_err(|e| match e {
                galaxie_federation::FederationError::Invalid(v) => Ok(v),
                other => Err(other),
            }),
        (Ok(_), false) => Err(Ok(errors)),
        (Err(mut e), _) => {
            e.errors.extend(errors.errors);
            Err(Ok(e))
        }
    };
    match result {
        Ok(place) => Ok(super::see_other(&format!(
            "/admin/lieux/{}?fait=cree",
            place.username
        ))),
        Err(Ok(errors)) => {
            let form = Form::new(
                "/admin/lieux/nouveau",
                ctx.t("place-create-submit"),
                fieldsets(&ctx, &values, true),
            )
            .with_errors(ctx.lang, &errors, &[]);
            render_form(
                &ctx,
                &ctx.t("place-create-title"),
                FormPage {
                    form,
                    intro: Some(ctx.t("place-create-intro")),
                    place: None,
                    done: None,
                    images: Vec::new(),
                    delete: None,
                },
            )
        }
        Err(Err(e)) => Err(e.into()),
    }
}

/// `GET /admin/lieux/{username}`.
pub async fn edit_form(
    ctx: Ctx,
    Path(username): Path<String>,
    Query(done): Query<super::Done>,
) -> SiteResult<Response> {
    let place = ctx.editable_place(&username).await?;
    let values = values_of(&place);
    let mut form = Form::new(
        format!("/admin/lieux/{}", place.username),
        ctx.t("save"),
        fieldsets(&ctx, &values, false),
    );
    form.link_descriptions();
    render_form(
        &ctx,
        &ctx.tr("place-edit-title", &[("name", place.name.clone().into())]),
        FormPage {
            form,
            intro: Some(ctx.t("place-edit-intro")),
            place: Some(PlaceLink {
                name: place.name.clone(),
                href: view::place_path(&place.username),
            }),
            done: super::done_message(done.fait.as_deref()).map(|k| ctx.t(k)),
            images: Vec::new(),
            delete: None,
        },
    )
}

/// `POST /admin/lieux/{username}`.
pub async fn update(
    ctx: Ctx,
    Path(username): Path<String>,
    form: CheckedForm,
) -> SiteResult<Response> {
    let place = ctx.editable_place(&username).await?;
    let values = form.form;
    let mut errors = ValidationErrors::new();
    let update = update_from(&values, &mut errors);
    let result = if errors.is_empty() {
        galaxie_federation::service::update_place(&ctx.state.data(), &place.username, update)
            .await
            .map_err(|e| match e {
                galaxie_federation::FederationError::Invalid(v) => Ok(v),
                other => Err(other),
            })
    } else {
        // Check the rest too, so that every message shows at once.
        if let Err(more) = update.apply(galaxie_db::places::profile(&place)) {
            errors.errors.extend(more.errors);
        }
        Err(Ok(errors))
    };
    match result {
        Ok(_) => Ok(super::see_other(&format!(
            "/admin/lieux/{}?fait=enregistre",
            place.username
        ))),
        Err(Ok(errors)) => {
            let form = Form::new(
                format!("/admin/lieux/{}", place.username),
                ctx.t("save"),
                fieldsets(&ctx, &values, false),
            )
            .with_errors(ctx.lang, &errors, &[]);
            render_form(
                &ctx,
                &ctx.tr("place-edit-title", &[("name", place.name.clone().into())]),
                FormPage {
                    form,
                    intro: Some(ctx.t("place-edit-intro")),
                    place: Some(PlaceLink {
                        name: place.name.clone(),
                        href: view::place_path(&place.username),
                    }),
                    done: None,
                    images: Vec::new(),
                    delete: None,
                },
            )
        }
        Err(Err(e)) => Err(e.into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_take_a_comma_or_a_point() {
        let mut e = ValidationErrors::new();
        assert_eq!(parse_number(&mut e, "lat", "49,25"), Some(49.25));
        assert_eq!(parse_number(&mut e, "lat", " 4.03 "), Some(4.03));
        assert_eq!(parse_number(&mut e, "lat", ""), None);
        assert!(e.is_empty());
        assert_eq!(parse_number(&mut e, "lat", "quarante"), None);
        assert_eq!(e.errors[0].field, "lat");
    }

    #[test]
    fn service_choices_carry_pictograms() {
        let v = View {
            lang: crate::i18n::Lang::Fr,
            falc: false,
            now: chrono::Utc::now(),
        };
        let choices = concept_choices(&v, Scheme::Service, &["numerique".to_string()], false);
        assert!(!choices.is_empty());
        assert!(choices.iter().all(|c| c.picto.is_some()));
        assert!(choices.iter().any(|c| c.checked));
    }
}
