//! Publishing: events (a date, a start and an end time in the place's zone rather than RFC 3339;
//! a repetition in words — every week, every two weeks, every month on the same weekday — rather
//! than an RRULE, which stays available for the rest), services, heritage showcases with their
//! images and alternative texts, and news; their list, their deletion, and cancelling one date
//! of a permanence.
//!
//! An image chosen in a form is cleaned and stored by the API's own code
//! (`galaxie_web::routes::media::save_image`) before the rest is checked; if the rest is
//! refused, the stored image is kept in the form (a hidden id), so it need not be chosen again.

use super::place::{FormPage, PlaceLink, concept_choices, parse_number, render_form};
use super::{Done, done_message, see_other};
use crate::context::Ctx;
use crate::error::{SiteError, SiteResult};
use crate::forms::{CheckedForm, Choice, Field, Fieldset, Form, FormData};
use crate::view::{self, FALC, Image};
use axum::extract::{Path, Query};
use axum::response::Response;
use chrono::{NaiveDate, NaiveTime, TimeZone};
use galaxie_db::entities::{media, objects, places};
use galaxie_domain::media::{NewUpload, RawUpload};
use galaxie_domain::vocab::Scheme;
use galaxie_domain::{
    NewEvent, NewNote, NewService, NewShowcase, RawEvent, RawNote, RawService, RawShowcase,
    ValidationErrors,
};
use galaxie_federation::{FederationError, service};
use serde::Serialize;

/// A service call's outcome: done, refused with field errors, or failed.
type Outcome<T> = Result<T, Result<ValidationErrors, SiteError>>;

fn outcome<T>(r: Result<T, FederationError>) -> Outcome<T> {
    r.map_err(|e| match e {
        FederationError::Invalid(v) => Ok(v),
        other => Err(other.into()),
    })
}

/// Stored HTML (our paragraphs and line breaks) back to the plain text that was typed.
pub fn html_to_plain(html: &str) -> String {
    let text = html
        .replace("</p><p>", "\n\n")
        .replace("<br>", "\n")
        .replace("<br/>", "\n")
        .replace("<br />", "\n");
    galaxie_federation::sanitize::plain_text(&text, 100_000)
        .trim()
        .to_string()
}

fn place_link(place: &places::Model) -> Option<PlaceLink> {
    Some(PlaceLink {
        name: place.name.clone(),
        href: view::place_path(&place.username),
    })
}

fn choices(ctx: &Ctx, current: &str, items: &[(&str, &str)]) -> Vec<Choice> {
    items
        .iter()
        .map(|(value, key)| Choice {
            value: value.to_string(),
            label: ctx.t(key),
            picto: None,
            lang: None,
            checked: current == *value,
        })
        .collect()
}

// -------------------------------------------------------------------------------------------
// Images

/// An image chosen in a form, saved; or why not.
async fn save_upload(
    ctx: &Ctx,
    place: &places::Model,
    bytes: &[u8],
    alt: &str,
    field: &str,
    alt_field: &str,
    errors: &mut ValidationErrors,
) -> Option<media::Model> {
    if alt.trim().is_empty() {
        errors.add(alt_field, "the image needs a description");
        return None;
    }
    let settings = &ctx.state.settings.media;
    if bytes.len() > settings.limits.max_bytes {
        errors.add(
            field,
            format!(
                "is too large: at most {:.1} MB",
                settings.limits.max_bytes as f64 / (1024.0 * 1024.0)
            ),
        );
        return None;
    }
    let upload = match NewUpload::parse(RawUpload {
        alt: Some(alt.to_string()),
        focal: None,
        place: Some(place.username.clone()),
    }) {
        Ok(u) => u,
        Err(e) => {
            for fe in e.errors {
                let name = if fe.field == "alt" { alt_field } else { field };
                errors.add(name, fe.message);
            }
            return None;
        }
    };
    match galaxie_web::routes::media::save_image(
        &ctx.state.data(),
        settings,
        bytes.to_vec(),
        upload,
    )
    .await
    {
        Ok(m) => Some(m),
        Err(galaxie_web::AppError::Federation(FederationError::Invalid(v))) => {
            for fe in v.errors {
                let name = if fe.field == "alt" { alt_field } else { field };
                errors.add(name, fe.message);
            }
            None
        }
        Err(galaxie_web::AppError::Rejected(status, _)) if status.as_u16() == 415 => {
            errors.add(field, "is not a JPEG, PNG or WebP image");
            None
        }
        Err(galaxie_web::AppError::Rejected(status, _)) if status.as_u16() == 413 => {
            errors.add(field, "is too large");
            None
        }
        Err(e) => {
            tracing::error!(error = %e, "cannot store an uploaded image");
            errors.add(field, "could not be saved; try again");
            None
        }
    }
}

async fn images_of(ctx: &Ctx, ids: &[String]) -> SiteResult<Vec<(media::Model, Image)>> {
    let data = ctx.state.data();
    let mut out = Vec::new();
    for id in ids {
        if let Some(m) = galaxie_db::media::by_public_id(data.db().conn(), id).await? {
            let image = view::image(data.urls(), &m);
            out.push((m, image));
        }
    }
    Ok(out)
}

// -------------------------------------------------------------------------------------------
// Events

fn paris() -> chrono_tz::Tz {
    galaxie_domain::event::DEFAULT_TIMEZONE
}

/// A date and a time typed in the place's zone, as RFC 3339.
fn local_time(
    errors: &mut ValidationErrors,
    date_field: &str,
    time_field: &str,
    date: &str,
    time: &str,
) -> Option<String> {
    let d = match NaiveDate::parse_from_str(date.trim(), "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(date.trim(), "%d/%m/%Y"))
    {
        Ok(d) => d,
        Err(_) => {
            errors.add(date_field, "must be a date");
            return None;
        }
    };
    let t = match NaiveTime::parse_from_str(time.trim(), "%H:%M")
        .or_else(|_| NaiveTime::parse_from_str(time.trim(), "%H:%M:%S"))
        .or_else(|_| NaiveTime::parse_from_str(&time.trim().replace('h', ":"), "%H:%M"))
    {
        Ok(t) => t,
        Err(_) => {
            errors.add(time_field, "must be a time");
            return None;
        }
    };
    paris()
        .from_local_datetime(&d.and_time(t))
        .earliest()
        .map(|at| at.to_rfc3339())
}

/// The RRULE of the repetition chosen in words.
fn rrule_from(form: &FormData, errors: &mut ValidationErrors) -> Option<String> {
    let advanced = form.get("rrule");
    if !advanced.is_empty() {
        return Some(advanced);
    }
    let freq = match form.get("repeat").as_str() {
        "weekly" => "FREQ=WEEKLY".to_string(),
        "biweekly" => "FREQ=WEEKLY;INTERVAL=2".to_string(),
        "monthly" => {
            let date = NaiveDate::parse_from_str(&form.get("start_date"), "%Y-%m-%d").ok()?;
            use chrono::Datelike;
            let nth = (date.day() - 1) / 7 + 1;
            let day = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
                [date.weekday().num_days_from_monday() as usize];
            let ordinal = if nth >= 5 { -1 } else { nth as i32 };
            format!("FREQ=MONTHLY;BYDAY={ordinal}{day}")
        }
        _ => return None,
    };
    let until = form.get("repeat_until");
    let count = form.get("repeat_count");
    if !until.is_empty() {
        match NaiveDate::parse_from_str(&until, "%Y-%m-%d") {
            Ok(d) => Some(format!("{freq};UNTIL={}", d.format("%Y%m%d"))),
            Err(_) => {
                errors.add("repeat_until", "must be a date");
                None
            }
        }
    } else if !count.is_empty() {
        match count.parse::<u32>() {
            Ok(n) if n > 0 => Some(format!("{freq};COUNT={n}")),
            _ => {
                errors.add("repeat_count", "must be a whole number");
                None
            }
        }
    } else {
        errors.add("repeat_until", "tell until when it repeats");
        None
    }
}

/// The event typed in the form.
fn raw_event(form: &FormData, errors: &mut ValidationErrors, banner: Option<String>) -> RawEvent {
    let date = form.get("start_date");
    let start = if date.is_empty() {
        errors.add("start_date", "is required");
        None
    } else if form.get("start_time").is_empty() {
        errors.add("start_time", "is required");
        None
    } else {
        local_time(
            errors,
            "start_date",
            "start_time",
            &date,
            &form.get("start_time"),
        )
    };
    let end = if form.get("end_time").is_empty() {
        None
    } else {
        let end_date = form.opt("end_date").unwrap_or_else(|| date.clone());
        local_time(
            errors,
            "end_date",
            "end_time",
            &end_date,
            &form.get("end_time"),
        )
    };
    let capacity = form.opt("capacity").and_then(|c| match c.parse::<u32>() {
        Ok(n) => Some(n),
        Err(_) => {
            errors.add("capacity", "must be a whole number");
            None
        }
    });
    RawEvent {
        name: form.opt("name"),
        summary: form.opt("summary"),
        start,
        end,
        timezone: None,
        location_name: form.opt("location_name"),
        address: form.opt("address"),
        postal_code: form.opt("postal_code"),
        city: form.opt("city"),
        lat: parse_number(errors, "lat", &form.get("lat")),
        lon: parse_number(errors, "lon", &form.get("lon")),
        online_url: form.opt("online_url"),
        price: form.opt("price"),
        capacity,
        registration_url: form.opt("registration_url"),
        status: form.opt("status"),
        category: form.opt("category"),
        summary_falc: form.opt("summary_falc"),
        description_falc: form.opt("description_falc"),
        rrule: rrule_from(form, errors),
        banner,
    }
}

/// The values of a new event: the place's address.
fn new_event_values(place: &places::Model) -> FormData {
    FormData::from_pairs(&[
        ("location_name", place.name.as_str()),
        (
            "address",
            place.street_address.as_deref().unwrap_or_default(),
        ),
        (
            "postal_code",
            place.postal_code.as_deref().unwrap_or_default(),
        ),
        ("city", place.locality.as_deref().unwrap_or_default()),
        (
            "lat",
            &place.latitude.map(|l| l.to_string()).unwrap_or_default(),
        ),
        (
            "lon",
            &place.longitude.map(|l| l.to_string()).unwrap_or_default(),
        ),
    ])
}

/// The form's values of a stored event.
async fn event_values(ctx: &Ctx, row: &objects::Model) -> SiteResult<FormData> {
    let tz = view::zone_of(row);
    let start = row.start_time.map(|s| s.with_timezone(&tz));
    let end = row.end_time.map(|e| e.with_timezone(&tz));
    let status = match row.event_status.as_deref() {
        Some("EventCancelled") => "cancelled",
        Some("EventPostponed") => "postponed",
        Some("EventRescheduled") => "rescheduled",
        Some("EventMovedOnline") => "moved-online",
        _ => "scheduled",
    };
    let mut pairs: Vec<(String, String)> = vec![
        ("name".into(), row.name.clone().unwrap_or_default()),
        (
            "summary".into(),
            row.content
                .as_deref()
                .map(html_to_plain)
                .unwrap_or_default(),
        ),
        (
            "summary_falc".into(),
            row.summary_falc.clone().unwrap_or_default(),
        ),
        (
            "description_falc".into(),
            row.content_falc
                .as_deref()
                .map(html_to_plain)
                .unwrap_or_default(),
        ),
        (
            "start_date".into(),
            start
                .map(|s| s.format("%Y-%m-%d").to_string())
                .unwrap_or_default(),
        ),
        (
            "start_time".into(),
            start
                .map(|s| s.format("%H:%M").to_string())
                .unwrap_or_default(),
        ),
        (
            "end_time".into(),
            end.map(|e| e.format("%H:%M").to_string())
                .unwrap_or_default(),
        ),
        (
            "end_date".into(),
            match (start, end) {
                (Some(s), Some(e)) if s.date_naive() != e.date_naive() => {
                    e.format("%Y-%m-%d").to_string()
                }
                _ => String::new(),
            },
        ),
        (
            "location_name".into(),
            row.location_name.clone().unwrap_or_default(),
        ),
        (
            "address".into(),
            row.street_address.clone().unwrap_or_default(),
        ),
        (
            "postal_code".into(),
            row.postal_code.clone().unwrap_or_default(),
        ),
        ("city".into(), row.locality.clone().unwrap_or_default()),
        (
            "lat".into(),
            row.latitude.map(|l| l.to_string()).unwrap_or_default(),
        ),
        (
            "lon".into(),
            row.longitude.map(|l| l.to_string()).unwrap_or_default(),
        ),
        (
            "online_url".into(),
            row.online_url.clone().unwrap_or_default(),
        ),
        ("price".into(), row.price.clone().unwrap_or_default()),
        (
            "capacity".into(),
            row.capacity.map(|c| c.to_string()).unwrap_or_default(),
        ),
        (
            "registration_url".into(),
            row.registration_url.clone().unwrap_or_default(),
        ),
        ("status".into(), status.into()),
        ("category".into(), row.category.clone().unwrap_or_default()),
    ];
    if let Some(rule) = &row.rrule {
        let (repeat, until, count) = describe_rule(rule);
        match repeat {
            Some(r) => {
                pairs.push(("repeat".into(), r.into()));
                pairs.push(("repeat_until".into(), until.unwrap_or_default()));
                pairs.push(("repeat_count".into(), count.unwrap_or_default()));
            }
            None => pairs.push(("rrule".into(), rule.clone())),
        }
    }
    let banner = galaxie_db::media::for_object(ctx.state.data().db().conn(), row.id).await?;
    if let Some(m) = banner.first() {
        pairs.push(("banner_id".into(), m.public_id.to_string()));
    }
    let borrowed: Vec<(&str, &str)> = pairs
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    Ok(FormData::from_pairs(&borrowed))
}

/// A stored rule in the form's words: (repeat, until date, count), or no words for it.
pub fn describe_rule(rule: &str) -> (Option<&'static str>, Option<String>, Option<String>) {
    let parts: Vec<(&str, &str)> = rule.split(';').filter_map(|p| p.split_once('=')).collect();
    let get = |k: &str| parts.iter().find(|(n, _)| *n == k).map(|(_, v)| *v);
    let known = |k: &str| ["FREQ", "INTERVAL", "UNTIL", "COUNT", "BYDAY"].contains(&k);
    if parts.iter().any(|(k, _)| !known(k)) {
        return (None, None, None);
    }
    let repeat = match (get("FREQ"), get("INTERVAL").unwrap_or("1"), get("BYDAY")) {
        (Some("WEEKLY"), "1", None) => Some("weekly"),
        (Some("WEEKLY"), "2", None) => Some("biweekly"),
        (Some("MONTHLY"), "1", Some(day)) if day.len() >= 3 => Some("monthly"),
        _ => None,
    };
    let until = get("UNTIL").and_then(|u| {
        NaiveDate::parse_from_str(u.get(..8).unwrap_or_default(), "%Y%m%d")
            .ok()
            .map(|d| d.format("%Y-%m-%d").to_string())
    });
    (repeat, until, get("COUNT").map(str::to_string))
}

fn event_fieldsets(
    ctx: &Ctx,
    values: &FormData,
    banner: &[(media::Model, Image)],
) -> Vec<Fieldset> {
    let t = |k: &str| ctx.t(k);
    let val = |n: &str| values.get(n);
    let v = ctx.view();
    let mut categories = vec![Choice {
        value: String::new(),
        label: t("choose-none"),
        picto: None,
        lang: None,
        checked: val("category").is_empty(),
    }];
    categories.extend(Scheme::EventCategory.concepts().iter().filter_map(|c| {
        let code = c.fep_8a8e()?;
        Some(Choice {
            value: code.to_string(),
            label: c.label(v.lang.tag()).to_string(),
            picto: None,
            lang: None,
            checked: val("category") == code,
        })
    }));
    let what = vec![
        Field::new("name", t("event-f-name"))
            .value(val("name"))
            .required()
            .maxlength(200)
            .hint(t("event-f-name-hint")),
        Field::new("summary", t("event-f-description"))
            .kind("textarea")
            .rows(5)
            .value(val("summary")),
        Field::new("summary_falc", t("event-f-summary-falc"))
            .value(val("summary_falc"))
            .lang(FALC)
            .maxlength(280)
            .hint(t("falc-hint")),
        Field::new("description_falc", t("event-f-description-falc"))
            .kind("textarea")
            .rows(4)
            .value(val("description_falc"))
            .lang(FALC),
        Field::new("category", t("event-f-category"))
            .kind("select")
            .options(categories),
    ];
    let when = vec![
        Field::new("start_date", t("event-f-date"))
            .kind("date")
            .value(val("start_date"))
            .required(),
        Field::new("start_time", t("event-f-start"))
            .kind("time")
            .value(val("start_time"))
            .required()
            .hint(t("event-f-time-hint")),
        Field::new("end_time", t("event-f-end"))
            .kind("time")
            .value(val("end_time")),
        Field::new("end_date", t("event-f-end-date"))
            .kind("date")
            .value(val("end_date"))
            .hint(t("event-f-end-date-hint")),
        Field::new("status", t("event-f-status"))
            .kind("select")
            .options(choices(
                ctx,
                &val("status"),
                &[
                    ("scheduled", "status-scheduled"),
                    ("cancelled", "status-cancelled"),
                    ("postponed", "status-postponed"),
                    ("rescheduled", "status-rescheduled"),
                    ("moved-online", "status-moved-online"),
                ],
            )),
    ];
    let repeat = vec![
        Field::new("repeat", t("event-f-repeat"))
            .kind("select")
            .options(choices(
                ctx,
                &val("repeat"),
                &[
                    ("", "repeat-none"),
                    ("weekly", "repeat-weekly"),
                    ("biweekly", "repeat-biweekly"),
                    ("monthly", "repeat-monthly"),
                ],
            ))
            .hint(t("event-f-repeat-hint")),
        Field::new("repeat_until", t("event-f-repeat-until"))
            .kind("date")
            .value(val("repeat_until")),
        Field::new("repeat_count", t("event-f-repeat-count"))
            .kind("number")
            .value(val("repeat_count"))
            .inputmode("numeric"),
        Field::new("rrule", t("event-f-rrule"))
            .value(val("rrule"))
            .hint(t("event-f-rrule-hint")),
    ];
    let where_ = vec![
        Field::new("location_name", t("event-f-location")).value(val("location_name")),
        Field::new("address", t("f-address"))
            .value(val("address"))
            .autocomplete("street-address"),
        Field::new("postal_code", t("f-postal-code"))
            .value(val("postal_code"))
            .inputmode("numeric")
            .maxlength(5),
        Field::new("city", t("f-city")).value(val("city")),
        Field::new("lat", t("f-lat"))
            .value(val("lat"))
            .inputmode("decimal")
            .hint(t("f-lat-hint")),
        Field::new("lon", t("f-lon"))
            .value(val("lon"))
            .inputmode("decimal"),
        Field::new("online_url", t("event-f-online"))
            .kind("url")
            .value(val("online_url")),
    ];
    let practical = vec![
        Field::new("price", t("event-f-price"))
            .value(val("price"))
            .hint(t("event-f-price-hint")),
        Field::new("capacity", t("event-f-capacity"))
            .kind("number")
            .value(val("capacity"))
            .inputmode("numeric"),
        Field::new("registration_url", t("event-f-registration"))
            .kind("url")
            .value(val("registration_url"))
            .hint(t("event-f-registration-hint")),
    ];
    let mut image = Vec::new();
    if let Some((m, _)) = banner.first() {
        image.push(
            Field::new(
                "remove_banner",
                ctx.tr("event-f-remove-banner", &[("alt", m.alt.clone().into())]),
            )
            .kind("checkbox")
            .checked(values.checked("remove_banner")),
        );
    }
    image.extend([
        Field::new("banner", t("event-f-banner"))
            .kind("file")
            .accept("image/jpeg,image/png,image/webp")
            .hint(t("image-hint")),
        Field::new("banner_alt", t("image-alt"))
            .value(val("banner_alt"))
            .hint(t("image-alt-hint")),
    ]);
    vec![
        Fieldset::new(t("event-fs-what"), what),
        Fieldset::new(t("event-fs-when"), when),
        Fieldset::new(t("event-fs-repeat"), repeat),
        Fieldset::new(t("event-fs-where"), where_),
        Fieldset::new(t("event-fs-practical"), practical),
        Fieldset::new(t("event-fs-image"), image),
    ]
}

const EVENT_ALIASES: &[(&str, &str)] = &[
    ("start", "start_date"),
    ("end", "end_time"),
    ("banner", "banner"),
    ("description_falc", "description_falc"),
    ("timezone", "start_date"),
];

#[allow(clippy::too_many_arguments)]
fn event_page(
    ctx: &Ctx,
    place: &places::Model,
    action: String,
    values: &FormData,
    banner: &[(media::Model, Image)],
    errors: Option<&ValidationErrors>,
    delete: Option<String>,
    done: Option<String>,
) -> SiteResult<Response> {
    let mut form = Form::new(
        action,
        if delete.is_some() {
            ctx.t("save")
        } else {
            ctx.t("event-publish")
        },
        event_fieldsets(ctx, values, banner),
    )
    .multipart();
    if let Some(id) = values.opt("banner_id") {
        form = form.hidden("banner_id", id);
    }
    form = match errors {
        Some(e) => form.with_errors(ctx.lang, e, EVENT_ALIASES),
        None => {
            form.link_descriptions();
            form
        }
    };
    let title = if delete.is_some() {
        ctx.t("event-edit-title")
    } else {
        ctx.tr("event-new-title", &[("place", place.name.clone().into())])
    };
    render_form(
        ctx,
        &title,
        FormPage {
            form,
            intro: Some(ctx.t("event-intro")),
            place: place_link(place),
            done,
            images: banner.iter().map(|(_, i)| i.clone()).collect(),
            delete,
        },
    )
}

/// The banner after the form: a new upload, the kept one, or none.
async fn banner_of(
    ctx: &Ctx,
    place: &places::Model,
    form: &FormData,
    errors: &mut ValidationErrors,
) -> Option<String> {
    if let Some(bytes) = form.file("banner") {
        return save_upload(
            ctx,
            place,
            bytes,
            &form.get("banner_alt"),
            "banner",
            "banner_alt",
            errors,
        )
        .await
        .map(|m| m.public_id.to_string());
    }
    if form.checked("remove_banner") {
        return None;
    }
    form.opt("banner_id")
}

/// `GET /admin/lieux/{username}/evenements/nouveau`.
pub async fn new_event(ctx: Ctx, Path(username): Path<String>) -> SiteResult<Response> {
    let place = ctx.editable_place(&username).await?;
    let values = new_event_values(&place);
    event_page(
        &ctx,
        &place,
        format!("/admin/lieux/{}/evenements/nouveau", place.username),
        &values,
        &[],
        None,
        None,
        None,
    )
}

/// `POST /admin/lieux/{username}/evenements/nouveau`.
pub async fn create_event(
    ctx: Ctx,
    Path(username): Path<String>,
    form: CheckedForm,
) -> SiteResult<Response> {
    let place = ctx.editable_place(&username).await?;
    let mut values = form.form;
    let mut errors = ValidationErrors::new();
    let banner = banner_of(&ctx, &place, &values, &mut errors).await;
    let raw = raw_event(&values, &mut errors, banner.clone());
    let result: Outcome<objects::Model> = match NewEvent::parse(raw) {
        Ok(event) if errors.is_empty() => {
            outcome(service::publish_event(&ctx.state.data(), &place.username, event).await)
        }
        Ok(_) => Err(Ok(errors)),
        Err(mut e) => {
            e.errors.extend(errors.errors);
            Err(Ok(e))
        }
    };
    match result {
        Ok(_) => Ok(see_other(&format!(
            "/admin/lieux/{}/publications?fait=publie",
            place.username
        ))),
        Err(Ok(errors)) => {
            values.set("banner_id", banner.unwrap_or_default());
            let shown = images_of(&ctx, &values.all("banner_id")).await?;
            event_page(
                &ctx,
                &place,
                format!("/admin/lieux/{}/evenements/nouveau", place.username),
                &values,
                &shown,
                Some(&errors),
                None,
                None,
            )
        }
        Err(Err(e)) => Err(e),
    }
}

/// `GET /admin/evenements/{id}`.
pub async fn edit_event(
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(done): Query<Done>,
) -> SiteResult<Response> {
    let (place, row) = ctx.editable_object(id, Some("Event")).await?;
    if row.series_id.is_some() {
        // One date of a permanence: the series is what is edited.
        return Ok(see_other(&format!(
            "/admin/evenements/{}",
            row.series_id.unwrap_or(id)
        )));
    }
    let values = event_values(&ctx, &row).await?;
    let banner = images_of(&ctx, &values.all("banner_id")).await?;
    event_page(
        &ctx,
        &place,
        format!("/admin/evenements/{id}"),
        &values,
        &banner,
        None,
        Some(format!("/admin/publications/{id}/supprimer")),
        done_message(done.fait.as_deref()).map(|k| ctx.t(k)),
    )
}

/// `POST /admin/evenements/{id}`.
pub async fn update_event(
    ctx: Ctx,
    Path(id): Path<i64>,
    form: CheckedForm,
) -> SiteResult<Response> {
    let (place, _) = ctx.editable_object(id, Some("Event")).await?;
    let mut values = form.form;
    let mut errors = ValidationErrors::new();
    let banner = banner_of(&ctx, &place, &values, &mut errors).await;
    let raw = raw_event(&values, &mut errors, banner.clone());
    let result: Outcome<objects::Model> = if errors.is_empty() {
        outcome(service::update_event(&ctx.state.data(), id, raw).await)
    } else {
        if let Err(e) = NewEvent::parse(raw) {
            errors.errors.extend(e.errors);
        }
        Err(Ok(errors))
    };
    match result {
        Ok(_) => Ok(see_other(&format!(
            "/admin/evenements/{id}?fait=enregistre"
        ))),
        Err(Ok(errors)) => {
            values.set("banner_id", banner.unwrap_or_default());
            let shown = images_of(&ctx, &values.all("banner_id")).await?;
            event_page(
                &ctx,
                &place,
                format!("/admin/evenements/{id}"),
                &values,
                &shown,
                Some(&errors),
                Some(format!("/admin/publications/{id}/supprimer")),
                None,
            )
        }
        Err(Err(e)) => Err(e),
    }
}

/// `POST /admin/evenements/{id}/annuler`: cancels one date of a permanence.
pub async fn cancel_occurrence(
    ctx: Ctx,
    Path(id): Path<i64>,
    _form: CheckedForm,
) -> SiteResult<Response> {
    let (place, _) = ctx.editable_object(id, Some("Event")).await?;
    match service::cancel_occurrence(&ctx.state.data(), id).await {
        Ok(_) => Ok(see_other(&format!(
            "/admin/lieux/{}/publications?fait=annule",
            place.username
        ))),
        Err(FederationError::Invalid(_) | FederationError::NotFound(_)) => {
            Err(SiteError::BadRequest("not an occurrence".into()))
        }
        Err(e) => Err(e.into()),
    }
}

// -------------------------------------------------------------------------------------------
// Services

fn service_values(row: &objects::Model) -> FormData {
    let mut pairs: Vec<(String, String)> = vec![
        ("name".into(), row.name.clone().unwrap_or_default()),
        (
            "description".into(),
            row.content
                .as_deref()
                .map(html_to_plain)
                .unwrap_or_default(),
        ),
        (
            "description_falc".into(),
            row.content_falc
                .as_deref()
                .map(html_to_plain)
                .unwrap_or_default(),
        ),
        (
            "summary_falc".into(),
            row.summary_falc.clone().unwrap_or_default(),
        ),
        (
            "hours".into(),
            row.opening_hours.clone().unwrap_or_default(),
        ),
        (
            "booking_url".into(),
            row.booking_url.clone().unwrap_or_default(),
        ),
        ("price".into(), row.price.clone().unwrap_or_default()),
    ];
    for key in [
        "services",
        "publics",
        "fees",
        "access_modes",
        "support_modes",
    ] {
        for slug in view::object_concepts(row, key) {
            pairs.push((key.into(), slug));
        }
    }
    let borrowed: Vec<(&str, &str)> = pairs
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    FormData::from_pairs(&borrowed)
}

fn raw_service(form: &FormData) -> RawService {
    RawService {
        name: form.opt("name"),
        description: form.opt("description"),
        description_falc: form.opt("description_falc"),
        summary_falc: form.opt("summary_falc"),
        services: Some(form.all("services")),
        publics: Some(form.all("publics")),
        fees: Some(form.all("fees")),
        access_modes: Some(form.all("access_modes")),
        support_modes: Some(form.all("support_modes")),
        hours: form.opt("hours"),
        booking_url: form.opt("booking_url"),
        price: form.opt("price"),
    }
}

fn service_fieldsets(ctx: &Ctx, values: &FormData) -> Vec<Fieldset> {
    let t = |k: &str| ctx.t(k);
    let val = |n: &str| values.get(n);
    let v = ctx.view();
    let what = vec![
        Field::new("name", t("service-f-name"))
            .value(val("name"))
            .required()
            .maxlength(200)
            .hint(t("service-f-name-hint")),
        Field::new("description", t("service-f-description"))
            .kind("textarea")
            .rows(5)
            .value(val("description")),
        Field::new("summary_falc", t("event-f-summary-falc"))
            .value(val("summary_falc"))
            .lang(FALC)
            .maxlength(280)
            .hint(t("falc-hint")),
        Field::new("description_falc", t("service-f-description-falc"))
            .kind("textarea")
            .rows(4)
            .value(val("description_falc"))
            .lang(FALC),
    ];
    let mut concepts = Vec::new();
    for (name, scheme) in [
        ("services", Scheme::Service),
        ("publics", Scheme::Public),
        ("fees", Scheme::Fee),
        ("access_modes", Scheme::AccessMode),
        ("support_modes", Scheme::SupportMode),
    ] {
        concepts.push(
            Field::new(name, v.scheme_label(scheme))
                .kind("checkboxes")
                .options(concept_choices(&v, scheme, &values.all(name), false)),
        );
    }
    let practical = vec![
        Field::new("hours", t("service-f-hours"))
            .value(val("hours"))
            .hint(t("place-f-hours-hint")),
        Field::new("price", t("event-f-price")).value(val("price")),
        Field::new("booking_url", t("place-f-booking"))
            .kind("url")
            .value(val("booking_url")),
    ];
    vec![
        Fieldset::new(t("service-fs-what"), what),
        Fieldset::new(t("service-fs-concepts"), concepts),
        Fieldset::new(t("service-fs-practical"), practical),
    ]
}

#[allow(clippy::too_many_arguments)]
fn simple_page(
    ctx: &Ctx,
    place: &places::Model,
    title: String,
    intro: String,
    action: String,
    submit: String,
    fieldsets: Vec<Fieldset>,
    errors: Option<&ValidationErrors>,
    delete: Option<String>,
    done: Option<String>,
    images: Vec<Image>,
    multipart: bool,
    hidden: Vec<(String, String)>,
) -> SiteResult<Response> {
    let mut form = Form::new(action, submit, fieldsets);
    if multipart {
        form = form.multipart();
    }
    for (k, v) in hidden {
        form = form.hidden(&k, v);
    }
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
            intro: Some(intro),
            place: place_link(place),
            done,
            images,
            delete,
        },
    )
}

/// `GET /admin/lieux/{username}/services/nouveau`.
pub async fn new_service(ctx: Ctx, Path(username): Path<String>) -> SiteResult<Response> {
    let place = ctx.editable_place(&username).await?;
    let values = FormData::default();
    simple_page(
        &ctx,
        &place,
        ctx.tr("service-new-title", &[("place", place.name.clone().into())]),
        ctx.t("service-intro"),
        format!("/admin/lieux/{}/services/nouveau", place.username),
        ctx.t("service-publish"),
        service_fieldsets(&ctx, &values),
        None,
        None,
        None,
        Vec::new(),
        false,
        Vec::new(),
    )
}

/// `POST /admin/lieux/{username}/services/nouveau`.
pub async fn create_service(
    ctx: Ctx,
    Path(username): Path<String>,
    form: CheckedForm,
) -> SiteResult<Response> {
    let place = ctx.editable_place(&username).await?;
    let values = form.form;
    let result = match NewService::parse(raw_service(&values)) {
        Ok(s) => outcome(service::publish_service(&ctx.state.data(), &place.username, s).await),
        Err(e) => Err(Ok(e)),
    };
    match result {
        Ok(_) => Ok(see_other(&format!(
            "/admin/lieux/{}/publications?fait=publie",
            place.username
        ))),
        Err(Ok(errors)) => simple_page(
            &ctx,
            &place,
            ctx.tr("service-new-title", &[("place", place.name.clone().into())]),
            ctx.t("service-intro"),
            format!("/admin/lieux/{}/services/nouveau", place.username),
            ctx.t("service-publish"),
            service_fieldsets(&ctx, &values),
            Some(&errors),
            None,
            None,
            Vec::new(),
            false,
            Vec::new(),
        ),
        Err(Err(e)) => Err(e),
    }
}

/// `GET /admin/services/{id}`.
pub async fn edit_service(
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(done): Query<Done>,
) -> SiteResult<Response> {
    let (place, row) = ctx.editable_object(id, Some("Page")).await?;
    let values = service_values(&row);
    simple_page(
        &ctx,
        &place,
        ctx.t("service-edit-title"),
        ctx.t("service-intro"),
        format!("/admin/services/{id}"),
        ctx.t("save"),
        service_fieldsets(&ctx, &values),
        None,
        Some(format!("/admin/publications/{id}/supprimer")),
        done_message(done.fait.as_deref()).map(|k| ctx.t(k)),
        Vec::new(),
        false,
        Vec::new(),
    )
}

/// `POST /admin/services/{id}`.
pub async fn update_service(
    ctx: Ctx,
    Path(id): Path<i64>,
    form: CheckedForm,
) -> SiteResult<Response> {
    let (place, _) = ctx.editable_object(id, Some("Page")).await?;
    let values = form.form;
    let result = match NewService::parse(raw_service(&values)) {
        Ok(s) => outcome(service::update_service(&ctx.state.data(), id, s).await),
        Err(e) => Err(Ok(e)),
    };
    match result {
        Ok(_) => Ok(see_other(&format!("/admin/services/{id}?fait=enregistre"))),
        Err(Ok(errors)) => simple_page(
            &ctx,
            &place,
            ctx.t("service-edit-title"),
            ctx.t("service-intro"),
            format!("/admin/services/{id}"),
            ctx.t("save"),
            service_fieldsets(&ctx, &values),
            Some(&errors),
            Some(format!("/admin/publications/{id}/supprimer")),
            None,
            Vec::new(),
            false,
            Vec::new(),
        ),
        Err(Err(e)) => Err(e),
    }
}

// -------------------------------------------------------------------------------------------
// Showcases

/// New images a showcase form offers at once.
const IMAGE_SLOTS: usize = 3;

const LICENSES: &[(&str, &str)] = &[
    (
        "https://creativecommons.org/licenses/by-sa/4.0/",
        "CC BY-SA 4.0",
    ),
    ("https://creativecommons.org/licenses/by/4.0/", "CC BY 4.0"),
    (
        "https://creativecommons.org/publicdomain/zero/1.0/",
        "CC0 1.0",
    ),
];

fn showcase_values(row: &objects::Model, media: &[media::Model]) -> FormData {
    let hashtags: Vec<String> = row
        .hashtags
        .as_deref()
        .and_then(|h| serde_json::from_str(h).ok())
        .unwrap_or_default();
    let mut pairs: Vec<(String, String)> = vec![
        ("name".into(), row.name.clone().unwrap_or_default()),
        ("summary".into(), row.summary.clone().unwrap_or_default()),
        (
            "content".into(),
            row.content
                .as_deref()
                .map(html_to_plain)
                .unwrap_or_default(),
        ),
        (
            "summary_falc".into(),
            row.summary_falc.clone().unwrap_or_default(),
        ),
        (
            "content_falc".into(),
            row.content_falc
                .as_deref()
                .map(html_to_plain)
                .unwrap_or_default(),
        ),
        (
            "location_name".into(),
            row.location_name.clone().unwrap_or_default(),
        ),
        (
            "address".into(),
            row.street_address.clone().unwrap_or_default(),
        ),
        (
            "postal_code".into(),
            row.postal_code.clone().unwrap_or_default(),
        ),
        ("city".into(), row.locality.clone().unwrap_or_default()),
        (
            "lat".into(),
            row.latitude.map(|l| l.to_string()).unwrap_or_default(),
        ),
        (
            "lon".into(),
            row.longitude.map(|l| l.to_string()).unwrap_or_default(),
        ),
        ("license".into(), row.license.clone().unwrap_or_default()),
        ("hashtags".into(), hashtags.join(", ")),
    ];
    for slug in view::object_concepts(row, "heritage_kinds") {
        pairs.push(("heritage_kinds".into(), slug));
    }
    for m in media {
        pairs.push(("media".into(), m.public_id.to_string()));
        pairs.push(("keep_media".into(), m.public_id.to_string()));
    }
    let borrowed: Vec<(&str, &str)> = pairs
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    FormData::from_pairs(&borrowed)
}

fn showcase_fieldsets(
    ctx: &Ctx,
    values: &FormData,
    current: &[(media::Model, Image)],
) -> Vec<Fieldset> {
    let t = |k: &str| ctx.t(k);
    let val = |n: &str| values.get(n);
    let v = ctx.view();
    let license = {
        let l = val("license");
        if l.is_empty() {
            LICENSES[0].0.to_string()
        } else {
            l
        }
    };
    let mut licenses: Vec<Choice> = LICENSES
        .iter()
        .map(|(url, name)| Choice {
            value: url.to_string(),
            label: name.to_string(),
            picto: None,
            lang: None,
            checked: license == *url,
        })
        .collect();
    if !LICENSES.iter().any(|(url, _)| *url == license) {
        licenses.push(Choice {
            value: license.clone(),
            label: license.clone(),
            picto: None,
            lang: None,
            checked: true,
        });
    }
    let what = vec![
        Field::new("name", t("showcase-f-name"))
            .value(val("name"))
            .required()
            .maxlength(200),
        Field::new("summary", t("showcase-f-summary"))
            .value(val("summary"))
            .required()
            .maxlength(280)
            .hint(t("showcase-f-summary-hint")),
        Field::new("content", t("showcase-f-content"))
            .kind("textarea")
            .rows(10)
            .value(val("content"))
            .required(),
        Field::new("summary_falc", t("event-f-summary-falc"))
            .value(val("summary_falc"))
            .lang(FALC)
            .maxlength(280)
            .hint(t("falc-hint")),
        Field::new("content_falc", t("showcase-f-content-falc"))
            .kind("textarea")
            .rows(6)
            .value(val("content_falc"))
            .lang(FALC),
        Field::new("heritage_kinds", v.scheme_label(Scheme::Heritage))
            .kind("checkboxes")
            .options(concept_choices(
                &v,
                Scheme::Heritage,
                &values.all("heritage_kinds"),
                false,
            )),
        Field::new("hashtags", t("showcase-f-hashtags"))
            .value(val("hashtags"))
            .hint(t("showcase-f-hashtags-hint")),
        Field::new("license", t("showcase-f-license"))
            .kind("radios")
            .options(licenses)
            .hint(t("showcase-f-license-hint")),
    ];
    let where_ = vec![
        Field::new("location_name", t("showcase-f-location")).value(val("location_name")),
        Field::new("address", t("f-address")).value(val("address")),
        Field::new("postal_code", t("f-postal-code"))
            .value(val("postal_code"))
            .inputmode("numeric")
            .maxlength(5),
        Field::new("city", t("f-city")).value(val("city")),
        Field::new("lat", t("f-lat"))
            .value(val("lat"))
            .inputmode("decimal")
            .hint(t("f-lat-hint")),
        Field::new("lon", t("f-lon"))
            .value(val("lon"))
            .inputmode("decimal"),
    ];
    let mut images = Vec::new();
    if !current.is_empty() {
        let kept = values.all("keep_media");
        images.push(
            Field::new("keep_media", t("showcase-f-keep"))
                .kind("checkboxes")
                .options(
                    current
                        .iter()
                        .map(|(m, i)| Choice {
                            value: m.public_id.to_string(),
                            label: m.alt.clone(),
                            picto: Some(i.thumb.clone()),
                            lang: None,
                            checked: kept.contains(&m.public_id.to_string()),
                        })
                        .collect(),
                ),
        );
    }
    for n in 1..=IMAGE_SLOTS {
        images.push(
            Field::new(
                &format!("image_{n}"),
                ctx.tr("showcase-f-image", &[("n", (n as i64).into())]),
            )
            .kind("file")
            .accept("image/jpeg,image/png,image/webp")
            .hint(t("image-hint")),
        );
        images.push(
            Field::new(
                &format!("image_{n}_alt"),
                ctx.tr("showcase-f-image-alt", &[("n", (n as i64).into())]),
            )
            .value(val(&format!("image_{n}_alt")))
            .hint(t("image-alt-hint")),
        );
    }
    vec![
        Fieldset::new(t("showcase-fs-what"), what),
        Fieldset::new(t("showcase-fs-images"), images),
        Fieldset::new(t("showcase-fs-where"), where_),
    ]
}

fn raw_showcase(form: &FormData, errors: &mut ValidationErrors, media: Vec<String>) -> RawShowcase {
    RawShowcase {
        name: form.opt("name"),
        summary: form.opt("summary"),
        content: form.opt("content"),
        summary_falc: form.opt("summary_falc"),
        content_falc: form.opt("content_falc"),
        location_name: form.opt("location_name"),
        address: form.opt("address"),
        postal_code: form.opt("postal_code"),
        city: form.opt("city"),
        lat: parse_number(errors, "lat", &form.get("lat")),
        lon: parse_number(errors, "lon", &form.get("lon")),
        license: form.opt("license"),
        hashtags: Some(
            form.get("hashtags")
                .split([',', ' '])
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string)
                .collect(),
        ),
        heritage_kinds: Some(form.all("heritage_kinds")),
        media: Some(media),
    }
}

/// The showcase's images after the form: those kept, then the new ones (saved now).
async fn showcase_media(
    ctx: &Ctx,
    place: &places::Model,
    form: &FormData,
    errors: &mut ValidationErrors,
) -> Vec<String> {
    let kept = form.all("keep_media");
    let mut media: Vec<String> = form
        .all("media")
        .into_iter()
        .filter(|m| kept.contains(m))
        .collect();
    for n in 1..=IMAGE_SLOTS {
        let field = format!("image_{n}");
        let alt_field = format!("image_{n}_alt");
        if let Some(bytes) = form.file(&field)
            && let Some(m) = save_upload(
                ctx,
                place,
                bytes,
                &form.get(&alt_field),
                &field,
                &alt_field,
                errors,
            )
            .await
        {
            media.push(m.public_id.to_string());
        }
    }
    media
}

#[allow(clippy::too_many_arguments)]
async fn showcase_form_page(
    ctx: &Ctx,
    place: &places::Model,
    action: String,
    mut values: FormData,
    media: &[String],
    errors: Option<&ValidationErrors>,
    delete: Option<String>,
    done: Option<String>,
) -> SiteResult<Response> {
    let current = images_of(ctx, media).await?;
    values.replace_all("media", media);
    if errors.is_some() {
        // What was just uploaded stays chosen.
        values.replace_all("keep_media", media);
    }
    let hidden = media
        .iter()
        .map(|m| ("media".to_string(), m.clone()))
        .collect();
    let editing = delete.is_some();
    simple_page(
        ctx,
        place,
        if editing {
            ctx.t("showcase-edit-title")
        } else {
            ctx.tr(
                "showcase-new-title",
                &[("place", place.name.clone().into())],
            )
        },
        ctx.t("showcase-intro"),
        action,
        if editing {
            ctx.t("save")
        } else {
            ctx.t("showcase-publish")
        },
        showcase_fieldsets(ctx, &values, &current),
        errors,
        delete,
        done,
        Vec::new(),
        true,
        hidden,
    )
}

/// `GET /admin/lieux/{username}/patrimoine/nouveau`.
pub async fn new_showcase(ctx: Ctx, Path(username): Path<String>) -> SiteResult<Response> {
    let place = ctx.editable_place(&username).await?;
    showcase_form_page(
        &ctx,
        &place,
        format!("/admin/lieux/{}/patrimoine/nouveau", place.username),
        FormData::default(),
        &[],
        None,
        None,
        None,
    )
    .await
}

/// `POST /admin/lieux/{username}/patrimoine/nouveau`.
pub async fn create_showcase(
    ctx: Ctx,
    Path(username): Path<String>,
    form: CheckedForm,
) -> SiteResult<Response> {
    let place = ctx.editable_place(&username).await?;
    let values = form.form;
    let mut errors = ValidationErrors::new();
    let media = showcase_media(&ctx, &place, &values, &mut errors).await;
    let raw = raw_showcase(&values, &mut errors, media.clone());
    let result: Outcome<objects::Model> = match NewShowcase::parse(raw) {
        Ok(s) if errors.is_empty() => {
            outcome(service::publish_showcase(&ctx.state.data(), &place.username, s).await)
        }
        Ok(_) => Err(Ok(errors)),
        Err(mut e) => {
            e.errors.extend(errors.errors);
            Err(Ok(e))
        }
    };
    match result {
        Ok(_) => Ok(see_other(&format!(
            "/admin/lieux/{}/publications?fait=publie",
            place.username
        ))),
        Err(Ok(errors)) => {
            showcase_form_page(
                &ctx,
                &place,
                format!("/admin/lieux/{}/patrimoine/nouveau", place.username),
                values,
                &media,
                Some(&errors),
                None,
                None,
            )
            .await
        }
        Err(Err(e)) => Err(e),
    }
}

/// `GET /admin/patrimoine/{id}`.
pub async fn edit_showcase(
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(done): Query<Done>,
) -> SiteResult<Response> {
    let (place, row) = ctx.editable_object(id, Some("Article")).await?;
    let media = galaxie_db::media::for_object(ctx.state.data().db().conn(), row.id).await?;
    let values = showcase_values(&row, &media);
    let ids: Vec<String> = media.iter().map(|m| m.public_id.to_string()).collect();
    showcase_form_page(
        &ctx,
        &place,
        format!("/admin/patrimoine/{id}"),
        values,
        &ids,
        None,
        Some(format!("/admin/publications/{id}/supprimer")),
        done_message(done.fait.as_deref()).map(|k| ctx.t(k)),
    )
    .await
}

/// `POST /admin/patrimoine/{id}`.
pub async fn update_showcase(
    ctx: Ctx,
    Path(id): Path<i64>,
    form: CheckedForm,
) -> SiteResult<Response> {
    let (place, _) = ctx.editable_object(id, Some("Article")).await?;
    let values = form.form;
    let mut errors = ValidationErrors::new();
    let media = showcase_media(&ctx, &place, &values, &mut errors).await;
    let raw = raw_showcase(&values, &mut errors, media.clone());
    let result: Outcome<objects::Model> = match NewShowcase::parse(raw) {
        Ok(s) if errors.is_empty() => {
            outcome(service::update_showcase(&ctx.state.data(), id, s).await)
        }
        Ok(_) => Err(Ok(errors)),
        Err(mut e) => {
            e.errors.extend(errors.errors);
            Err(Ok(e))
        }
    };
    match result {
        Ok(_) => Ok(see_other(&format!(
            "/admin/patrimoine/{id}?fait=enregistre"
        ))),
        Err(Ok(errors)) => {
            showcase_form_page(
                &ctx,
                &place,
                format!("/admin/patrimoine/{id}"),
                values,
                &media,
                Some(&errors),
                Some(format!("/admin/publications/{id}/supprimer")),
                None,
            )
            .await
        }
        Err(Err(e)) => Err(e),
    }
}

// -------------------------------------------------------------------------------------------
// Notes

fn note_fieldsets(ctx: &Ctx, values: &FormData) -> Vec<Fieldset> {
    vec![Fieldset::new(
        ctx.t("note-fs"),
        vec![
            Field::new("text", ctx.t("note-f-text"))
                .kind("textarea")
                .rows(6)
                .value(values.get("text"))
                .required()
                .hint(ctx.t("note-f-text-hint")),
            Field::new("text_falc", ctx.t("note-f-text-falc"))
                .kind("textarea")
                .rows(4)
                .value(values.get("text_falc"))
                .lang(FALC)
                .hint(ctx.t("falc-hint")),
        ],
    )]
}

fn raw_note(form: &FormData) -> RawNote {
    RawNote {
        text: form.opt("text"),
        text_falc: form.opt("text_falc"),
    }
}

/// `GET /admin/lieux/{username}/actualites/nouveau`.
pub async fn new_note(ctx: Ctx, Path(username): Path<String>) -> SiteResult<Response> {
    let place = ctx.editable_place(&username).await?;
    simple_page(
        &ctx,
        &place,
        ctx.tr("note-new-title", &[("place", place.name.clone().into())]),
        ctx.t("note-intro"),
        format!("/admin/lieux/{}/actualites/nouveau", place.username),
        ctx.t("note-publish"),
        note_fieldsets(&ctx, &FormData::default()),
        None,
        None,
        None,
        Vec::new(),
        false,
        Vec::new(),
    )
}

/// `POST /admin/lieux/{username}/actualites/nouveau`.
pub async fn create_note(
    ctx: Ctx,
    Path(username): Path<String>,
    form: CheckedForm,
) -> SiteResult<Response> {
    let place = ctx.editable_place(&username).await?;
    let values = form.form;
    let result = match NewNote::parse(raw_note(&values)) {
        Ok(n) => outcome(service::publish_note(&ctx.state.data(), &place.username, n).await),
        Err(e) => Err(Ok(e)),
    };
    match result {
        Ok(_) => Ok(see_other(&format!(
            "/admin/lieux/{}/publications?fait=publie",
            place.username
        ))),
        Err(Ok(errors)) => simple_page(
            &ctx,
            &place,
            ctx.tr("note-new-title", &[("place", place.name.clone().into())]),
            ctx.t("note-intro"),
            format!("/admin/lieux/{}/actualites/nouveau", place.username),
            ctx.t("note-publish"),
            note_fieldsets(&ctx, &values),
            Some(&errors),
            None,
            None,
            Vec::new(),
            false,
            Vec::new(),
        ),
        Err(Err(e)) => Err(e),
    }
}

/// `GET /admin/actualites/{id}`.
pub async fn edit_note(
    ctx: Ctx,
    Path(id): Path<i64>,
    Query(done): Query<Done>,
) -> SiteResult<Response> {
    let (place, row) = ctx.editable_object(id, Some("Note")).await?;
    let text = row
        .content
        .as_deref()
        .map(html_to_plain)
        .unwrap_or_default();
    let falc = row
        .content_falc
        .as_deref()
        .map(html_to_plain)
        .unwrap_or_default();
    let values = FormData::from_pairs(&[("text", &text), ("text_falc", &falc)]);
    simple_page(
        &ctx,
        &place,
        ctx.t("note-edit-title"),
        ctx.t("note-intro"),
        format!("/admin/actualites/{id}"),
        ctx.t("save"),
        note_fieldsets(&ctx, &values),
        None,
        Some(format!("/admin/publications/{id}/supprimer")),
        done_message(done.fait.as_deref()).map(|k| ctx.t(k)),
        Vec::new(),
        false,
        Vec::new(),
    )
}

/// `POST /admin/actualites/{id}`.
pub async fn update_note(ctx: Ctx, Path(id): Path<i64>, form: CheckedForm) -> SiteResult<Response> {
    let (place, _) = ctx.editable_object(id, Some("Note")).await?;
    let values = form.form;
    let result = match NewNote::parse(raw_note(&values)) {
        Ok(n) => outcome(service::update_note(&ctx.state.data(), id, n).await),
        Err(e) => Err(Ok(e)),
    };
    match result {
        Ok(_) => Ok(see_other(&format!(
            "/admin/actualites/{id}?fait=enregistre"
        ))),
        Err(Ok(errors)) => simple_page(
            &ctx,
            &place,
            ctx.t("note-edit-title"),
            ctx.t("note-intro"),
            format!("/admin/actualites/{id}"),
            ctx.t("save"),
            note_fieldsets(&ctx, &values),
            Some(&errors),
            Some(format!("/admin/publications/{id}/supprimer")),
            None,
            Vec::new(),
            false,
            Vec::new(),
        ),
        Err(Err(e)) => Err(e),
    }
}

// -------------------------------------------------------------------------------------------
// The list, deletion

/// A publication in the list.
#[derive(Debug, Serialize)]
struct Row {
    id: i64,
    title: String,
    detail: Option<String>,
    edit: Option<String>,
    delete: String,
    view: Option<String>,
    cancelled: bool,
    /// Upcoming dates of a permanence.
    dates: Vec<Date>,
}

#[derive(Debug, Serialize)]
struct Date {
    id: i64,
    when: String,
    cancel: Option<String>,
    cancelled: bool,
}

#[derive(Debug, Serialize)]
struct ListData {
    place: PlaceLink,
    username: String,
    events: Vec<Row>,
    services: Vec<Row>,
    showcases: Vec<Row>,
    notes: Vec<Row>,
    done: Option<String>,
}

fn edit_path(row: &objects::Model) -> String {
    let section = match row.kind.as_str() {
        "Event" => "evenements",
        "Page" => "services",
        "Article" => "patrimoine",
        _ => "actualites",
    };
    format!("/admin/{section}/{}", row.id)
}

/// `GET /admin/lieux/{username}/publications`.
pub async fn list(
    ctx: Ctx,
    Path(username): Path<String>,
    Query(done): Query<Done>,
) -> SiteResult<Response> {
    let place = ctx.editable_place(&username).await?;
    let conn = ctx.state.data().db().conn().clone();
    let v = ctx.view();
    let rows = galaxie_db::objects::by_place(&conn, place.id, None).await?;
    let now = chrono::Utc::now();
    let mut events = Vec::new();
    let mut services = Vec::new();
    let mut showcases = Vec::new();
    let mut notes = Vec::new();
    for row in rows.iter().filter(|r| r.series_id.is_none()) {
        let title = row
            .name
            .clone()
            .filter(|n| !n.is_empty())
            .or_else(|| {
                row.content
                    .as_deref()
                    .map(|c| galaxie_federation::sanitize::plain_text(c, 80))
            })
            .unwrap_or_default();
        let detail = row
            .start_time
            .map(|s| v.when(s, row.end_time, view::zone_of(row)).text);
        let dates = if row.rrule.is_some() {
            rows.iter()
                .filter(|o| o.series_id == Some(row.id))
                .filter(|o| o.start_time.is_some_and(|s| s >= now))
                .map(|o| {
                    let cancelled = o.event_status.as_deref() == Some("EventCancelled");
                    Date {
                        id: o.id,
                        when: o
                            .start_time
                            .map(|s| v.when(s, o.end_time, view::zone_of(o)).text)
                            .unwrap_or_default(),
                        cancel: (!cancelled).then(|| format!("/admin/evenements/{}/annuler", o.id)),
                        cancelled,
                    }
                })
                .collect()
        } else {
            Vec::new()
        };
        let entry = Row {
            id: row.id,
            title,
            detail,
            edit: Some(edit_path(row)),
            delete: format!("/admin/publications/{}/supprimer", row.id),
            view: (row.rrule.is_none()).then(|| view::object_href(row)),
            cancelled: row.event_status.as_deref() == Some("EventCancelled"),
            dates,
        };
        match row.kind.as_str() {
            "Event" => events.push(entry),
            "Page" => services.push(entry),
            "Article" => showcases.push(entry),
            _ => notes.push(entry),
        }
    }
    let base = ctx.admin_base(&ctx.tr(
        "publications-title",
        &[("place", place.name.clone().into())],
    ));
    ctx.page(
        "admin/publications.html",
        base,
        ListData {
            place: PlaceLink {
                name: place.name.clone(),
                href: view::place_path(&place.username),
            },
            username: place.username.clone(),
            events,
            services,
            showcases,
            notes,
            done: done_message(done.fait.as_deref()).map(|k| ctx.t(k)),
        },
    )
}

#[derive(Debug, Serialize)]
struct ConfirmData {
    what: String,
    kind: String,
    action: String,
    back: String,
    recurring: bool,
}

/// `GET /admin/publications/{id}/supprimer`.
pub async fn confirm_delete(ctx: Ctx, Path(id): Path<i64>) -> SiteResult<Response> {
    let (place, row) = ctx.editable_object(id, None).await?;
    let v = ctx.view();
    let what = row
        .name
        .clone()
        .filter(|n| !n.is_empty())
        .or_else(|| {
            row.content
                .as_deref()
                .map(|c| galaxie_federation::sanitize::plain_text(c, 80))
        })
        .unwrap_or_default();
    let base = ctx.admin_base(&ctx.t("delete-title"));
    ctx.page(
        "admin/confirm.html",
        base,
        ConfirmData {
            what,
            kind: crate::pages::home::kind_label(&v, &row.kind),
            action: format!("/admin/publications/{id}/supprimer"),
            back: format!("/admin/lieux/{}/publications", place.username),
            recurring: row.rrule.is_some(),
        },
    )
}

/// `POST /admin/publications/{id}/supprimer`.
pub async fn delete(ctx: Ctx, Path(id): Path<i64>, _form: CheckedForm) -> SiteResult<Response> {
    let (place, _) = ctx.editable_object(id, None).await?;
    service::delete_object(&ctx.state.data(), id).await?;
    Ok(see_other(&format!(
        "/admin/lieux/{}/publications?fait=supprime",
        place.username
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repetitions_in_words_become_rules_and_back() {
        let mut e = ValidationErrors::new();
        let form = FormData::from_pairs(&[
            ("start_date", "2027-01-12"),
            ("repeat", "monthly"),
            ("repeat_count", "6"),
        ]);
        assert_eq!(
            rrule_from(&form, &mut e).as_deref(),
            Some("FREQ=MONTHLY;BYDAY=2TU;COUNT=6")
        );
        let form = FormData::from_pairs(&[("repeat", "biweekly"), ("repeat_until", "2027-06-30")]);
        assert_eq!(
            rrule_from(&form, &mut e).as_deref(),
            Some("FREQ=WEEKLY;INTERVAL=2;UNTIL=20270630")
        );
        assert!(e.is_empty());
        let form = FormData::from_pairs(&[("repeat", "weekly")]);
        assert_eq!(rrule_from(&form, &mut e), None);
        assert_eq!(e.errors[0].field, "repeat_until");
        assert_eq!(
            describe_rule("FREQ=WEEKLY;INTERVAL=2;UNTIL=20270630T215959Z"),
            (Some("biweekly"), Some("2027-06-30".to_string()), None)
        );
        assert_eq!(describe_rule("FREQ=WEEKLY;BYDAY=TU,TH;COUNT=4").0, None);
    }

    #[test]
    fn dates_and_times_are_read_in_paris_time() {
        let mut e = ValidationErrors::new();
        assert_eq!(
            local_time(&mut e, "d", "t", "2027-01-09", "14:00").as_deref(),
            Some("2027-01-09T14:00:00+01:00")
        );
        assert_eq!(
            local_time(&mut e, "d", "t", "09/07/2027", "9h30").as_deref(),
            Some("2027-07-09T09:30:00+02:00")
        );
        assert!(e.is_empty());
        assert_eq!(local_time(&mut e, "d", "t", "demain", "14:00"), None);
        assert_eq!(e.errors[0].field, "d");
    }

    #[test]
    fn stored_html_comes_back_as_typed_text() {
        let html =
            galaxie_domain::text::plain_text_to_html("Premier.\nSuite.\n\nAutre paragraphe & co");
        assert_eq!(
            html_to_plain(&html),
            "Premier.\nSuite.\n\nAutre paragraphe & co"
        );
    }
}
