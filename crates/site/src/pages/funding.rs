//! The funding watch for people: the calls a place may apply to, soonest deadline first, with
//! « Ferme dans 12 jours » (`/lieux/{username}/financements`), the closed ones
//! (`…/financements/archives`), and one call (`/financements/{id}`). No JavaScript; the lists
//! link the Atom feed and the calendar of deadlines.

use crate::context::{Alternate, Ctx, Meta};
use crate::error::{SiteError, SiteResult};
use crate::view;
use axum::extract::Path;
use axum::response::Response;
use galaxie_db::entities::{funding_calls, places};
use galaxie_domain::funding::{self as domain, Territory};
use galaxie_domain::vocab::{self, Scheme};
use galaxie_federation::funding::{self, Listed};
use serde::Serialize;

/// One call in a list or on its page.
#[derive(Debug, Serialize)]
pub struct CallView {
    href: String,
    name: String,
    summary: view::Text,
    funder: Option<String>,
    programme: Option<String>,
    deadline: Option<String>,
    deadline_iso: Option<String>,
    opening: Option<String>,
    closes: Option<String>,
    urgent: bool,
    amount: Option<String>,
    structures: Vec<String>,
    territory: Vec<String>,
    themes: Vec<String>,
    content: Option<view::Html>,
    how_to_apply: Option<String>,
    application_url: Option<String>,
    source_url: Option<String>,
}

fn labels(ctx: &Ctx, scheme: Scheme, slugs: &[String]) -> Vec<String> {
    let lang = if ctx.view().falc {
        "fr-x-falc"
    } else {
        ctx.view().lang.tag()
    };
    slugs
        .iter()
        .map(|s| {
            vocab::by_slug(scheme, s)
                .map(|c| c.label(lang).to_string())
                .unwrap_or_else(|| s.clone())
        })
        .collect()
}

fn closes(ctx: &Ctx, days: i64) -> String {
    if days < 0 {
        return ctx.t("funding-closed");
    }
    ctx.tr("funding-closes-in", &[("days", days.into())])
}

fn call_view(ctx: &Ctx, row: &funding_calls::Model, days_left: Option<i64>) -> CallView {
    let v = ctx.view();
    let c = funding::criteria(row);
    let mut structures = labels(ctx, Scheme::LegalForm, &c.legal_forms);
    structures.extend(labels(ctx, Scheme::StructureType, &c.structure_types));
    let territory = if c.territory.is_empty() {
        vec![Territory::France.label_fr()]
    } else {
        c.territory.iter().map(Territory::label_fr).collect()
    };
    CallView {
        href: format!("/financements/{}", row.id),
        name: row.name.clone(),
        summary: v.text(&row.summary, row.summary_falc.as_deref()),
        funder: row.funder.clone(),
        programme: row.programme.clone(),
        deadline: row.deadline.map(domain::french_date_long),
        deadline_iso: row.deadline.map(|d| d.to_string()),
        opening: row.opening_date.map(domain::french_date_long),
        closes: days_left.map(|d| closes(ctx, d)),
        urgent: days_left.is_some_and(|d| (0..=7).contains(&d)),
        amount: domain::amount_line(
            row.amount_max.and_then(|a| u64::try_from(a).ok()),
            row.rate_max.and_then(|r| u8::try_from(r).ok()),
            row.amount_text.as_deref(),
        ),
        structures,
        territory,
        themes: labels(ctx, Scheme::Service, &c.themes),
        content: row
            .content
            .as_deref()
            .map(|html| v.html(html, row.content_falc.as_deref())),
        how_to_apply: row.how_to_apply.clone(),
        application_url: row.application_url.clone(),
        source_url: row.source_url.clone(),
    }
}

#[derive(Serialize)]
struct ListData {
    place_name: String,
    place_href: String,
    archive: bool,
    other_href: String,
    atom: String,
    ics: String,
    /// The form to publish one, for a signed-in editor.
    publish_href: Option<String>,
    calls: Vec<CallView>,
}

async fn place_of(ctx: &Ctx, username: &str) -> SiteResult<places::Model> {
    let data = ctx.state.data();
    galaxie_db::places::by_username(data.db().conn(), username)
        .await?
        .ok_or(SiteError::NotFound)
}

async fn list_page(ctx: Ctx, username: String, archive: bool) -> SiteResult<Response> {
    let data = ctx.state.data();
    let place = place_of(&ctx, &username).await?;
    let today = funding::today();
    let listed: Vec<Listed> = if archive {
        funding::archived_for(&data, &place, today).await?
    } else {
        funding::eligible_for(&data, &place, today).await?
    };
    let path = format!("/lieux/{}/financements", place.username);
    let atom = format!("/places/{}/funding.atom", place.username);
    let ics = format!("/places/{}/funding.ics", place.username);
    let title = ctx.tr(
        if archive {
            "funding-archive-title"
        } else {
            "funding-title"
        },
        &[("place", place.name.clone().into())],
    );
    let meta = Meta {
        description: Some(ctx.t("funding-intro")),
        canonical: Some(ctx.absolute(&if archive {
            format!("{path}/archives")
        } else {
            path.clone()
        })),
        alternates: vec![
            Alternate {
                r#type: "application/atom+xml".into(),
                href: ctx.absolute(&atom),
                title: ctx.t("funding-atom"),
            },
            Alternate {
                r#type: "text/calendar".into(),
                href: ctx.absolute(&ics),
                title: ctx.t("funding-ics"),
            },
        ],
        og_type: "website",
        ..Default::default()
    };
    let base = ctx.base(&title, "", meta);
    let calls = listed
        .iter()
        .map(|l| call_view(&ctx, &l.row, l.days_left))
        .collect();
    ctx.page(
        "funding/list.html",
        base,
        ListData {
            place_name: place.name.clone(),
            place_href: view::place_path(&place.username),
            archive,
            other_href: if archive {
                path
            } else {
                format!("{path}/archives")
            },
            atom,
            ics,
            publish_href: ctx
                .user
                .as_ref()
                .map(|_| format!("/admin/lieux/{}/financements/nouveau", place.username)),
            calls,
        },
    )
}

/// `/lieux/{username}/financements`.
pub async fn list(ctx: Ctx, Path(username): Path<String>) -> SiteResult<Response> {
    list_page(ctx, username, false).await
}

/// `/lieux/{username}/financements/archives`.
pub async fn archive(ctx: Ctx, Path(username): Path<String>) -> SiteResult<Response> {
    list_page(ctx, username, true).await
}

#[derive(Serialize)]
struct CallData {
    call: CallView,
    publisher: Option<String>,
    publisher_href: Option<String>,
    /// The form to change it, for a signed-in account, when it is local.
    edit_href: Option<String>,
}

/// `/financements/{id}`.
pub async fn call(ctx: Ctx, Path(id): Path<i64>) -> SiteResult<Response> {
    let data = ctx.state.data();
    let row = galaxie_db::funding::by_id(data.db().conn(), id)
        .await?
        .filter(|r| r.deleted_at.is_none())
        .ok_or(SiteError::NotFound)?;
    let publisher = match row.place_id {
        Some(p) => Some(galaxie_db::places::by_id(data.db().conn(), p).await?),
        None => None,
    };
    let days = row.deadline.map(|d| domain::days_left(d, funding::today()));
    let meta = Meta {
        description: Some(row.summary.clone()),
        canonical: Some(ctx.absolute(&format!("/financements/{id}"))),
        alternates: vec![Alternate {
            r#type: "application/activity+json".into(),
            href: row.ap_id.clone(),
            title: "ActivityPub".into(),
        }],
        og_type: "article",
        ..Default::default()
    };
    let base = ctx.base(&row.name, "", meta);
    ctx.page(
        "funding/call.html",
        base,
        CallData {
            call: call_view(&ctx, &row, days),
            publisher: publisher.as_ref().map(|p| p.name.clone()),
            publisher_href: publisher.as_ref().map(|p| view::place_path(&p.username)),
            edit_href: (ctx.user.is_some() && publisher.is_some())
                .then(|| format!("/admin/financements/{id}")),
        },
    )
}
