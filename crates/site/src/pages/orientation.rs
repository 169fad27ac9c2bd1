//! Orientation, the *Passeport numérique* (docs/orientation.md): a questionnaire in plain
//! French with pictograms that a person fills in alone or with a mediator, the places and
//! services of the federated directory ranked for the answers with the reasons each fits, and
//! the passport: a printable easy-read A4 sheet (chosen places, map, hours, how to go, the
//! digital-skills checklist, a QR code) and a link that carries the answers in its fragment.
//!
//! | path | page |
//! |---|---|
//! | `/orientation` | the questionnaire (GET form; prefilled from its query string) |
//! | `/orientation/resultats` | the results, the choice of places, the passport link |
//! | `/orientation/fiche` | the printable sheet (GET: the answers in the query string; POST: in the body, the sheet alone, for the passport's script) |
//! | `/passeport` | the passport link's page: its script reads the fragment and shows the sheet |
//!
//! Nothing about the person is written: no row, no cookie (the anonymous CSRF cookie of other
//! pages is not set here), and the request log leaves out these paths' query strings.

use crate::SiteState;
use crate::context::{Ctx, Meta};
use crate::error::{SiteError, SiteResult};
use crate::forms::{Choice, Field};
use crate::i18n::Lang;
use crate::map::{self, Marker, MarkerKind};
use crate::view::{OpenNow, Text};
use axum::Router;
use axum::extract::RawQuery;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use chrono::{Utc, Weekday};
use galaxie_domain::ValidationErrors;
use galaxie_domain::orientation::{
    self, Answers, Mobiliser, Origin, Period, Ranked, SKILLS, TimeOfDay,
};
use galaxie_domain::vocab::{self, Scheme};
use galaxie_web::AppError;
use galaxie_web::routes::orientation::{Outcome, passport_url, run};
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::sync::LazyLock;

/// The sheet's stylesheet (the site's own, plus the sheet's A4 layout).
pub const CSS: &str = include_str!("../../static/orientation.css");
/// The passport page's script: reads the fragment, asks for the sheet.
pub const JS: &str = include_str!("../../static/passeport.js");

static VERSIONS: LazyLock<(String, String)> = LazyLock::new(|| {
    let v = |s: &str| hex::encode(Sha256::digest(s.as_bytes()))[..12].to_string();
    (v(CSS), v(JS))
});

pub(crate) fn router() -> Router<SiteState> {
    Router::new()
        .route("/orientation", get(questionnaire))
        .route("/orientation/resultats", get(results))
        .route("/orientation/fiche", get(sheet).post(sheet_alone))
        .route("/passeport", get(passport))
        .route("/orientation/orientation.css", get(css))
        .route("/orientation/passeport.js", get(js))
}

/// The needs the questionnaire offers: the nine services of La MedNum.
fn need_concepts() -> impl Iterator<Item = &'static vocab::Concept> {
    Scheme::Service
        .concepts()
        .iter()
        .filter(|c| c.mednum().is_some())
}

const PUBLICS: [&str; 6] = [
    "seniors",
    "jeunes",
    "familles",
    "demandeurs-emploi",
    "personnes-en-situation-de-handicap",
    "personnes-exilees",
];
const SUPPORTS: [&str; 5] = [
    "surdite",
    "illettrisme",
    "deficience-visuelle",
    "handicaps-mentaux",
    "langues-etrangeres-autres",
];
const ACCESS: [&str; 4] = [
    "se-presenter",
    "telephoner",
    "prendre-rdv-en-ligne",
    "envoyer-un-courriel",
];
const RADII: [u32; 6] = [2, 5, 10, 15, 30, 50];
const DAYS: [Weekday; 7] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
    Weekday::Sun,
];
const DAY_EN: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

fn concept_choice(ctx: &Ctx, scheme: Scheme, slug: &str, checked: bool) -> Option<Choice> {
    let p = ctx.view().picto(scheme, slug)?;
    Some(Choice {
        value: slug.to_string(),
        label: p.label.to_string(),
        picto: Some(p.src),
        lang: p.lang,
        checked,
    })
}

fn plain_choice(value: &str, label: String, checked: bool) -> Choice {
    Choice {
        value: value.to_string(),
        label,
        picto: None,
        lang: None,
        checked,
    }
}

fn day_label(lang: Lang, d: Weekday) -> String {
    match lang {
        Lang::Fr => {
            let fr = orientation::day_fr(d);
            let mut c = fr.chars();
            c.next()
                .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
                .unwrap_or_default()
        }
        Lang::En => DAY_EN[d.num_days_from_monday() as usize].to_string(),
    }
}

/// A fieldset of the questionnaire: a heading with its pictogram, and fields.
#[derive(Debug, Serialize)]
struct Step {
    id: &'static str,
    legend: String,
    picto: Option<String>,
    fields: Vec<Field>,
}

fn with_error(mut f: Field, errors: &ValidationErrors, lang: Lang, ctx: &Ctx) -> Field {
    let name = f.name.clone();
    if let Some(e) = errors.errors.iter().find(|e| e.field == name) {
        let message = if name == "town" && !e.message.starts_with("must") {
            crate::messages::FieldMessage {
                text: ctx.t("orientation-town-unknown"),
                lang: None,
            }
        } else {
            crate::messages::for_field(lang, &name, &e.message)
        };
        f.error = Some(message);
    }
    let mut ids = Vec::new();
    if f.hint.is_some() {
        ids.push(format!("{}-hint", f.id));
    }
    if f.error.is_some() {
        ids.push(format!("{}-error", f.id));
    }
    f.describedby = (!ids.is_empty()).then(|| ids.join(" "));
    f
}

fn steps(ctx: &Ctx, a: &Answers, errors: &ValidationErrors) -> Vec<Step> {
    let lang = ctx.lang;
    let has = |list: &[String], s: &str| list.iter().any(|x| x == s);
    let fix = |f: Field| with_error(f, errors, lang, ctx);
    let needs = Field::new("need", ctx.t("orientation-need"))
        .kind("checkboxes")
        .hint(ctx.t("orientation-need-hint"))
        .options(
            need_concepts()
                .filter_map(|c| concept_choice(ctx, Scheme::Service, c.slug, has(&a.needs, c.slug)))
                .collect(),
        );
    let town = Field::new("town", ctx.t("orientation-town"))
        .hint(ctx.t("orientation-town-hint"))
        .autocomplete("postal-code")
        .value(match &a.origin {
            Some(Origin::Town(t)) => t.clone(),
            _ => String::new(),
        });
    let radius = a.radius_km.map(|r| r.round() as u32);
    let radius = Field::new("radius_km", ctx.t("orientation-radius"))
        .kind("radios")
        .options(
            RADII
                .iter()
                .map(|km| {
                    plain_choice(
                        &km.to_string(),
                        ctx.tr("orientation-radius-km", &[("km", (*km as i64).into())]),
                        radius == Some(*km) || (radius.is_none() && *km == 15),
                    )
                })
                .collect(),
        );
    let remote = Field::new("remote", ctx.t("orientation-remote"))
        .kind("checkbox")
        .checked(a.remote_ok);
    let days = Field::new("day", ctx.t("orientation-days"))
        .kind("checkboxes")
        .options(
            DAYS.iter()
                .map(|d| {
                    plain_choice(
                        orientation::day_slug(*d),
                        day_label(lang, *d),
                        a.days.contains(d),
                    )
                })
                .collect(),
        );
    let time_value = match a.time {
        Some(TimeOfDay::Period(Period::Morning)) => "morning",
        Some(TimeOfDay::Period(Period::Afternoon)) => "afternoon",
        Some(TimeOfDay::Period(Period::Evening)) => "evening",
        _ => "",
    };
    let time = Field::new("time", ctx.t("orientation-time"))
        .kind("radios")
        .options(
            [
                ("", "orientation-time-any"),
                ("morning", "orientation-time-morning"),
                ("afternoon", "orientation-time-afternoon"),
                ("evening", "orientation-time-evening"),
            ]
            .iter()
            .map(|(v, k)| plain_choice(v, ctx.t(k), *v == time_value))
            .collect(),
        );
    let free = Field::new("free", ctx.t("orientation-free"))
        .kind("checkbox")
        .checked(a.free_only);
    let wheelchair = Field::new("wheelchair", ctx.t("orientation-wheelchair"))
        .kind("checkbox")
        .checked(a.wheelchair);
    let supports = Field::new("support", ctx.t("orientation-supports"))
        .kind("checkboxes")
        .options(
            SUPPORTS
                .iter()
                .filter_map(|s| {
                    concept_choice(ctx, Scheme::SpecificSupport, s, has(&a.supports, s))
                })
                .collect(),
        );
    let publics = Field::new("public", ctx.t("orientation-publics"))
        .kind("checkboxes")
        .options(
            PUBLICS
                .iter()
                .filter_map(|s| concept_choice(ctx, Scheme::Public, s, has(&a.publics, s)))
                .collect(),
        );
    let access = Field::new("access", ctx.t("orientation-access"))
        .kind("checkboxes")
        .options(
            ACCESS
                .iter()
                .filter_map(|s| concept_choice(ctx, Scheme::AccessMode, s, has(&a.access, s)))
                .collect(),
        );
    let by = Field::new("by", ctx.t("orientation-by"))
        .kind("radios")
        .options(vec![
            plain_choice(
                "usagers",
                ctx.t("orientation-by-usagers"),
                a.by == Some(Mobiliser::Usagers),
            ),
            plain_choice(
                "professionnels",
                ctx.t("orientation-by-professionnels"),
                a.by == Some(Mobiliser::Professionnels),
            ),
        ]);
    let skills = Field::new("skill", ctx.t("orientation-skills"))
        .kind("checkboxes")
        .options(
            SKILLS
                .iter()
                .map(|s| Choice {
                    value: s.slug.to_string(),
                    label: skill_label(ctx, s).0,
                    picto: Some(format!("/vocab/pictograms/{}", s.pictogram)),
                    lang: skill_label(ctx, s).1,
                    checked: has(&a.skills, s.slug),
                })
                .collect(),
        );
    let picto = |f: &str| Some(format!("/vocab/pictograms/{f}"));
    vec![
        Step {
            id: "need",
            legend: ctx.t("orientation-step-need"),
            picto: picto("magnifier.svg"),
            fields: vec![fix(needs)],
        },
        Step {
            id: "where",
            legend: ctx.t("orientation-step-where"),
            picto: picto("map-pin.svg"),
            fields: vec![fix(town), fix(radius), fix(remote)],
        },
        Step {
            id: "when",
            legend: ctx.t("orientation-step-when"),
            picto: picto("calendar.svg"),
            fields: vec![fix(days), fix(time)],
        },
        Step {
            id: "matters",
            legend: ctx.t("orientation-step-matters"),
            picto: picto("heart.svg"),
            fields: vec![fix(free), fix(wheelchair), fix(supports), fix(publics)],
        },
        Step {
            id: "how",
            legend: ctx.t("orientation-step-how"),
            picto: picto("door.svg"),
            fields: vec![fix(access), fix(by)],
        },
        Step {
            id: "skills",
            legend: ctx.t("orientation-step-skills"),
            picto: picto("smartphone.svg"),
            fields: vec![fix(skills)],
        },
    ]
}

fn skill_label(ctx: &Ctx, s: &orientation::Skill) -> (String, Option<&'static str>) {
    match ctx.lang {
        Lang::En => (s.en.to_string(), None),
        Lang::Fr if ctx.falc => (s.falc.to_string(), Some(crate::view::FALC)),
        Lang::Fr => (s.fr.to_string(), None),
    }
}

/// The pairs of a raw query string.
fn pairs(raw: Option<&str>) -> Vec<(String, String)> {
    raw.map(|q| {
        url::form_urlencoded::parse(q.as_bytes())
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect()
    })
    .unwrap_or_default()
}

/// Answers from a query string: what could be read, and the problems.
fn read(raw: Option<&str>) -> (Answers, ValidationErrors) {
    let given = pairs(raw);
    match Answers::parse(&given, &[]) {
        Ok(a) => (a, ValidationErrors::new()),
        Err(errors) => {
            // Keep what is valid, so that the form shows it again.
            let bad: Vec<&str> = errors.errors.iter().map(|e| e.field.as_str()).collect();
            let kept: Vec<(String, String)> = given
                .iter()
                .filter(|(k, _)| !bad.contains(&k.as_str()))
                .cloned()
                .collect();
            (Answers::parse(&kept, &[]).unwrap_or_default(), errors)
        }
    }
}

/// A page of this module: no anonymous CSRF cookie (these pages post nothing), not indexed,
/// not kept by caches, no referrer (the URL holds the answers).
fn private(mut response: Response) -> Response {
    let headers = response.headers_mut();
    headers.remove(header::SET_COOKIE);
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    response
}

fn meta(ctx: &Ctx) -> Meta {
    Meta {
        description: Some(ctx.t("orientation-intro")),
        canonical: Some(ctx.absolute("/orientation")),
        og_type: "website",
        noindex: true,
        ..Default::default()
    }
}

#[derive(Serialize)]
struct QuestionnaireData {
    steps: Vec<Step>,
    errors: Vec<(String, String)>,
    css: String,
}

fn css_href() -> String {
    format!("/orientation/orientation.css?v={}", VERSIONS.0)
}

fn js_href() -> String {
    format!("/orientation/passeport.js?v={}", VERSIONS.1)
}

fn questionnaire_page(ctx: &Ctx, a: &Answers, errors: &ValidationErrors) -> SiteResult<Response> {
    let title = ctx.t("orientation-title");
    let base = ctx.base(&title, "orientation", meta(ctx));
    let steps = steps(ctx, a, errors);
    let summary: Vec<(String, String)> = errors
        .errors
        .iter()
        .map(|e| {
            steps
                .iter()
                .flat_map(|s| s.fields.iter())
                .find(|f| f.name == e.field)
                .map(|f| (f.id.clone(), f.label.clone()))
                .unwrap_or_else(|| (String::new(), e.field.clone()))
        })
        .collect();
    let mut response = ctx.page(
        "orientation/questionnaire.html",
        base,
        QuestionnaireData {
            steps,
            errors: summary,
            css: css_href(),
        },
    )?;
    if !errors.is_empty() {
        *response.status_mut() = StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(private(response))
}

/// `/orientation`: the questionnaire, prefilled from its query string (the "Modifier" link).
pub async fn questionnaire(ctx: Ctx, RawQuery(raw): RawQuery) -> SiteResult<Response> {
    let (a, errors) = read(raw.as_deref());
    questionnaire_page(&ctx, &a, &errors)
}

/// A reason, in the page's language.
#[derive(Debug, Serialize)]
struct ReasonView {
    fits: bool,
    text: String,
}

/// A way to go, with its pictogram.
#[derive(Debug, Serialize)]
struct HowView {
    src: String,
    label: String,
    lang: Option<&'static str>,
}

/// A result as the pages show it.
#[derive(Debug, Serialize)]
struct ResultView {
    number: usize,
    key: String,
    name: Text,
    service: Option<Text>,
    href: String,
    address: Option<String>,
    reasons: Vec<ReasonView>,
    hours: Vec<String>,
    open: Option<OpenNow>,
    how: Vec<HowView>,
    phone: Option<String>,
    booking_url: Option<String>,
    chosen: bool,
    score: i32,
}

fn result_view(
    ctx: &Ctx,
    outcome: &Outcome,
    number: usize,
    r: &Ranked,
    chosen: bool,
) -> ResultView {
    let v = ctx.view();
    let dto = galaxie_web::routes::orientation::result_dto(outcome, number, r);
    let e = &outcome.found[r.candidate].entry;
    let service = r
        .service
        .and_then(|i| outcome.found[r.candidate].services.get(i));
    let hours_raw = service
        .and_then(|s| s.opening_hours.clone())
        .or(e.opening_hours.clone());
    let (hours, open) = v.hours(hours_raw.as_deref());
    let city = [dto.place.postal_code.as_deref(), dto.place.city.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    let address = [dto.place.address.as_deref(), Some(city.as_str())]
        .into_iter()
        .flatten()
        .filter(|s| !s.trim().is_empty())
        .collect::<Vec<_>>()
        .join(", ");
    ResultView {
        number,
        key: r.key.clone(),
        name: v.text(&dto.place.name, None),
        service: dto.service.as_ref().map(|s| v.text(&s.name, None)),
        href: dto.place.id.clone(),
        address: (!address.is_empty()).then_some(address),
        reasons: r
            .reasons
            .iter()
            .map(|x| ReasonView {
                fits: x.fits,
                text: match ctx.lang {
                    Lang::Fr => x.fr.clone(),
                    Lang::En => x.en.clone(),
                },
            })
            .collect(),
        hours,
        open,
        how: dto
            .how_to_go
            .iter()
            .map(|h| match ctx.lang {
                Lang::En => HowView {
                    src: h.pictogram.clone(),
                    label: h.en.clone(),
                    lang: None,
                },
                Lang::Fr if ctx.falc => HowView {
                    src: h.pictogram.clone(),
                    label: h.fr_falc.clone(),
                    lang: Some(crate::view::FALC),
                },
                Lang::Fr => HowView {
                    src: h.pictogram.clone(),
                    label: h.fr.clone(),
                    lang: None,
                },
            })
            .collect(),
        phone: dto.place.phone.clone(),
        booking_url: dto
            .service
            .as_ref()
            .and_then(|s| s.booking_url.clone())
            .or(dto.place.booking_url.clone()),
        chosen,
        score: r.score,
    }
}

async fn rank(ctx: &Ctx, a: &Answers) -> Result<Outcome, ValidationErrors> {
    match run(&ctx.state.data(), a, orientation::MAX_RESULTS, Utc::now()).await {
        Ok(o) => Ok(o),
        Err(AppError::Federation(galaxie_federation::FederationError::Invalid(e))) => Err(e),
        Err(e) => {
            let mut errors = ValidationErrors::new();
            tracing::error!(error = %e, "orientation failed");
            errors.add("need", "could not be searched now; try again");
            Err(errors)
        }
    }
}

#[derive(Serialize)]
struct ResultsData {
    results: Vec<ResultView>,
    excluded: orientation::Excluded,
    any_excluded: bool,
    hidden: Vec<(&'static str, String)>,
    passport: String,
    edit: String,
    css: String,
}

/// `/orientation/resultats`: the places ranked for the answers, with their reasons.
pub async fn results(ctx: Ctx, RawQuery(raw): RawQuery) -> SiteResult<Response> {
    let (a, errors) = read(raw.as_deref());
    if !errors.is_empty() {
        return questionnaire_page(&ctx, &a, &errors);
    }
    let outcome = match rank(&ctx, &a).await {
        Ok(o) => o,
        Err(errors) => return questionnaire_page(&ctx, &a, &errors),
    };
    let results: Vec<ResultView> = outcome
        .ranking
        .results
        .iter()
        .take(galaxie_web::routes::orientation::DEFAULT_LIMIT)
        .enumerate()
        .map(|(i, r)| result_view(&ctx, &outcome, i + 1, r, a.choices.contains(&r.key)))
        .collect();
    let title = ctx.t("orientation-results-title");
    let base = ctx.base(&title, "orientation", meta(&ctx));
    let mut without_choices = a.clone();
    without_choices.choices.clear();
    let ex = outcome.ranking.excluded;
    let response = ctx.page(
        "orientation/results.html",
        base,
        ResultsData {
            results,
            excluded: ex,
            any_excluded: ex.free_only + ex.wheelchair + ex.too_far > 0,
            hidden: without_choices.to_pairs(),
            passport: passport_url(&ctx.state.data(), &a),
            edit: format!("/orientation?{}", a.to_query()),
            css: css_href(),
        },
    )?;
    Ok(private(response))
}

/// An answer shown on the sheet, with its pictogram.
#[derive(Debug, Serialize)]
struct AnswerView {
    src: String,
    label: String,
    lang: Option<&'static str>,
}

/// A skill of the checklist on the sheet.
#[derive(Debug, Serialize)]
struct SkillView {
    src: String,
    label: String,
    lang: Option<&'static str>,
    known: bool,
}

#[derive(Serialize)]
struct SheetData {
    answers: Vec<AnswerView>,
    places: Vec<ResultView>,
    map: Option<String>,
    skills: Vec<SkillView>,
    qr: Option<String>,
    passport: String,
    edit: String,
    all_results: String,
    printed: String,
    css: String,
}

fn answers_view(ctx: &Ctx, a: &Answers) -> Vec<AnswerView> {
    let v = ctx.view();
    let mut out = Vec::new();
    let mut concept = |scheme: Scheme, slugs: &[String]| {
        for p in v.pictos(scheme, slugs) {
            out.push(AnswerView {
                src: p.src,
                label: p.label.to_string(),
                lang: p.lang,
            });
        }
    };
    concept(Scheme::Service, &a.needs);
    concept(Scheme::SpecificSupport, &a.supports);
    concept(Scheme::Public, &a.publics);
    concept(Scheme::AccessMode, &a.access);
    let icon = |f: &str| format!("/vocab/pictograms/{f}");
    if let Some(o) = &a.origin {
        let place = match o {
            Origin::Town(t) => t.clone(),
            Origin::Point(p) => format!("{:.4}, {:.4}", p.latitude, p.longitude),
        };
        out.push(AnswerView {
            src: icon("map-pin.svg"),
            label: ctx.tr(
                "orientation-answer-where",
                &[
                    ("place", place.into()),
                    ("km", (a.radius().round() as i64).into()),
                ],
            ),
            lang: None,
        });
    }
    if a.remote_ok {
        out.push(AnswerView {
            src: icon("headset.svg"),
            label: ctx.t("orientation-remote"),
            lang: None,
        });
    }
    if !a.days.is_empty() || a.time.is_some() {
        let days: Vec<String> = a.days.iter().map(|d| day_label(ctx.lang, *d)).collect();
        let time = match a.time {
            Some(TimeOfDay::Period(Period::Morning)) => ctx.t("orientation-time-morning"),
            Some(TimeOfDay::Period(Period::Afternoon)) => ctx.t("orientation-time-afternoon"),
            Some(TimeOfDay::Period(Period::Evening)) => ctx.t("orientation-time-evening"),
            Some(TimeOfDay::At(t)) => t.format("%H:%M").to_string(),
            None => String::new(),
        };
        out.push(AnswerView {
            src: icon("calendar.svg"),
            label: [days.join(", "), time]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(" — "),
            lang: None,
        });
    }
    if a.free_only {
        out.push(AnswerView {
            src: icon("gift.svg"),
            label: ctx.t("orientation-free"),
            lang: None,
        });
    }
    if a.wheelchair {
        out.push(AnswerView {
            src: icon("wheelchair.svg"),
            label: ctx.t("orientation-wheelchair"),
            lang: None,
        });
    }
    if let Some(b) = a.by {
        out.push(AnswerView {
            src: icon("person.svg"),
            label: match b {
                Mobiliser::Usagers => ctx.t("orientation-by-usagers"),
                Mobiliser::Professionnels => ctx.t("orientation-by-professionnels"),
            },
            lang: None,
        });
    }
    out
}

/// A QR code of `text` as an inline SVG image, or `None` when it does not fit in one.
pub fn qr_svg(text: &str, label: &str) -> Option<String> {
    use qrcode::render::svg;
    let code =
        qrcode::QrCode::with_error_correction_level(text.as_bytes(), qrcode::EcLevel::L).ok()?;
    let image = code
        .render::<svg::Color<'_>>()
        .min_dimensions(200, 200)
        .quiet_zone(true)
        .build();
    let start = image.find("<svg")?;
    let label = galaxie_domain::text::escape_html(label);
    Some(image[start..].replacen(
        "<svg",
        &format!("<svg class=\"qr\" role=\"img\" aria-label=\"{label}\""),
        1,
    ))
}

async fn sheet_data(ctx: &Ctx, a: &Answers) -> Result<SheetData, ValidationErrors> {
    let outcome = rank(ctx, a).await?;
    // The chosen places, or else the first three.
    let chosen: Vec<&Ranked> = if a.choices.is_empty() {
        outcome.ranking.results.iter().take(3).collect()
    } else {
        a.choices
            .iter()
            .filter_map(|k| outcome.ranking.results.iter().find(|r| &r.key == k))
            .collect()
    };
    let places: Vec<ResultView> = chosen
        .iter()
        .enumerate()
        .map(|(i, r)| result_view(ctx, &outcome, i + 1, r, true))
        .collect();
    let markers: Vec<Marker> = chosen
        .iter()
        .enumerate()
        .filter_map(|(i, r)| {
            let e = &outcome.found[r.candidate].entry;
            Some(Marker {
                number: i + 1,
                lat: e.latitude?,
                lon: e.longitude?,
                kind: MarkerKind::Place,
                label: Text {
                    text: e.name.clone(),
                    lang: None,
                },
                href: e.ap_id.clone(),
                detail: e.locality.clone(),
            })
        })
        .collect();
    let map = (!markers.is_empty()).then(|| {
        map::svg(
            "sheet-map",
            &markers,
            &ctx.t("orientation-sheet-map"),
            &ctx.t("orientation-sheet-map-desc"),
        )
    });
    let passport = passport_url(&ctx.state.data(), a);
    let skills = SKILLS
        .iter()
        .map(|s| {
            let (label, lang) = skill_label(ctx, s);
            SkillView {
                src: format!("/vocab/pictograms/{}", s.pictogram),
                label,
                lang,
                known: a.skills.iter().any(|k| k == s.slug),
            }
        })
        .collect();
    let now = ctx.view().date(Utc::now());
    Ok(SheetData {
        answers: answers_view(ctx, a),
        places,
        map,
        skills,
        qr: qr_svg(&passport, &ctx.t("orientation-sheet-qr")),
        passport,
        edit: format!("/orientation?{}", a.to_query()),
        all_results: format!("/orientation/resultats?{}", a.to_query()),
        printed: ctx.tr("orientation-sheet-printed", &[("date", now.text.into())]),
        css: css_href(),
    })
}

/// `GET /orientation/fiche`: the printable sheet of the answers in the query string.
pub async fn sheet(ctx: Ctx, RawQuery(raw): RawQuery) -> SiteResult<Response> {
    let (a, errors) = read(raw.as_deref());
    if !errors.is_empty() {
        return questionnaire_page(&ctx, &a, &errors);
    }
    let data = match sheet_data(&ctx, &a).await {
        Ok(d) => d,
        Err(errors) => return questionnaire_page(&ctx, &a, &errors),
    };
    let title = ctx.t("orientation-sheet-title");
    let base = ctx.base(&title, "orientation", meta(&ctx));
    Ok(private(ctx.page(
        "orientation/sheet_page.html",
        base,
        data,
    )?))
}

/// `POST /orientation/fiche`: the sheet alone (an HTML fragment), for the passport page's
/// script; the answers come in the body (the link's fragment), never in a URL.
pub async fn sheet_alone(ctx: Ctx, body: String) -> SiteResult<Response> {
    let answers = Answers::parse_query(body.trim().trim_start_matches('#'), &[]);
    let title = ctx.t("orientation-sheet-title");
    let base = ctx.base(&title, "orientation", meta(&ctx));
    #[derive(Serialize)]
    struct Fragment<'a> {
        base: &'a crate::context::Base,
        data: Option<SheetData>,
        error: bool,
    }
    let (data, status) = match answers {
        Ok(a) => match sheet_data(&ctx, &a).await {
            Ok(d) => (Some(d), StatusCode::OK),
            Err(_) => (None, StatusCode::UNPROCESSABLE_ENTITY),
        },
        Err(_) => (None, StatusCode::UNPROCESSABLE_ENTITY),
    };
    let error = data.is_none();
    let html = crate::render::render(
        "orientation/sheet_alone.html",
        Fragment {
            base: &base,
            data,
            error,
        },
    )
    .map_err(|e| SiteError::Internal(format!("template orientation/sheet_alone.html: {e:#}")))?;
    let mut response = (status, axum::response::Html(html)).into_response();
    crate::context::security_headers(response.headers_mut());
    Ok(private(response))
}

#[derive(Serialize)]
struct PassportData {
    css: String,
    js: String,
}

/// `/passeport`: the page of the passport link. The answers are in the fragment, which the
/// browser keeps to itself; the page's script reads it and asks for the sheet.
pub async fn passport(ctx: Ctx) -> SiteResult<Response> {
    let title = ctx.t("orientation-passport-title");
    let mut meta = meta(&ctx);
    meta.canonical = Some(ctx.absolute("/passeport"));
    let base = ctx.base(&title, "orientation", meta);
    Ok(private(ctx.page(
        "orientation/passport.html",
        base,
        PassportData {
            css: css_href(),
            js: js_href(),
        },
    )?))
}

fn asset(body: &'static str, content_type: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type),
            (header::CACHE_CONTROL, "public, max-age=31536000, immutable"),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        ],
        body,
    )
        .into_response()
}

async fn css() -> Response {
    asset(CSS, "text/css; charset=utf-8")
}

async fn js() -> Response {
    asset(JS, "text/javascript; charset=utf-8")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_qr_code_is_an_accessible_svg() {
        let svg = qr_svg(
            "http://localhost:8080/passeport#need=aide-demarches-administratives&town=Reims",
            "Scannez « ce » code",
        )
        .expect("fits");
        assert!(
            svg.starts_with("<svg class=\"qr\" role=\"img\" aria-label=\"Scannez « ce » code\"")
        );
        assert!(svg.ends_with("</svg>"), "{svg}");
    }
}
