//! Cooperation between places and the code source of a tiers-lieu, for people:
//! `/cooperations` (every offer and request this instance knows, filtered by purpose, kind and
//! département, with a form to answer for signed-in editors), `/lieux/{username}/cooperation`
//! (a place's proposals and agreements, with the forms to propose and decide) and
//! `/lieux/{username}/code-source` (its openly licensed articles, its forks, the button that
//! starts a new place from it). No JavaScript.

use crate::context::{Ctx, Meta};
use crate::error::{SiteError, SiteResult};
use crate::view;
use axum::extract::{Path, RawQuery};
use axum::response::Response;
use galaxie_db::entities::{agreements, places, proposals};
use galaxie_domain::cooperation::{AgreementStatus, Purpose};
use galaxie_domain::source_code::{SourceCodeKind, license_name};
use galaxie_domain::vocab::{self, Scheme};
use galaxie_federation::{cooperation, fork};
use serde::Serialize;

/// One choice of a select.
#[derive(Debug, Serialize)]
pub struct Choice {
    value: String,
    label: String,
    selected: bool,
}

/// A proposal in a list.
#[derive(Debug, Serialize)]
pub struct ProposalView {
    ap_id: String,
    purpose: String,
    kind: String,
    pictogram: Option<String>,
    name: String,
    summary: String,
    content: Option<view::Html>,
    quantity: String,
    reciprocal: Option<String>,
    author: String,
    author_href: String,
    author_frameworks: Vec<String>,
    local: bool,
    date: String,
}

/// An agreement, seen from one of its places.
#[derive(Debug, Serialize)]
pub struct AgreementView {
    id: i64,
    status: String,
    status_key: String,
    proposal_name: String,
    proposal_href: String,
    other: String,
    other_href: String,
    we_proposed: bool,
    message: Option<view::Html>,
    date: String,
    can_decide: bool,
}

fn lang_tag(ctx: &Ctx) -> &'static str {
    if ctx.view().falc {
        "fr-x-falc"
    } else {
        ctx.view().lang.tag()
    }
}

fn kind_label(ctx: &Ctx, slug: &str) -> String {
    vocab::by_slug(Scheme::Cooperation, slug)
        .map(|c| c.label(lang_tag(ctx)).to_string())
        .unwrap_or_else(|| slug.to_string())
}

/// The kinds of cooperation, for selects.
pub fn kind_choices(ctx: &Ctx, selected: &[String]) -> Vec<Choice> {
    Scheme::Cooperation
        .concepts()
        .iter()
        .map(|c| Choice {
            value: c.slug.to_string(),
            label: c.label(lang_tag(ctx)).to_string(),
            selected: selected.iter().any(|s| s == c.slug),
        })
        .collect()
}

fn framework_labels(ctx: &Ctx, slugs: &[String]) -> Vec<String> {
    slugs
        .iter()
        .filter_map(|s| vocab::by_slug(Scheme::CooperationFramework, s))
        .map(|c| c.label(lang_tag(ctx)).to_string())
        .collect()
}

fn purpose_label(ctx: &Ctx, purpose: &str) -> String {
    ctx.t(if purpose == "request" {
        "coop-purpose-request"
    } else {
        "coop-purpose-offer"
    })
}

async fn name_of(ctx: &Ctx, actor: &str) -> SiteResult<String> {
    let data = ctx.state.data();
    if let Ok(url) = url::Url::parse(actor)
        && let Some(username) = data.urls().place_username(&url)
        && let Some(p) = galaxie_db::places::by_username(data.db().conn(), username).await?
    {
        return Ok(p.name);
    }
    crate::admin::people::name_of(ctx, actor).await
}

fn href_of(ctx: &Ctx, actor: &str) -> String {
    let data = ctx.state.data();
    url::Url::parse(actor)
        .ok()
        .and_then(|u| data.urls().place_username(&u).map(view::place_path))
        .unwrap_or_else(|| actor.to_string())
}

async fn proposal_view(ctx: &Ctx, p: &proposals::Model) -> SiteResult<ProposalView> {
    let v = ctx.view();
    let unit = match p.unit.as_str() {
        "hour" => ctx.t("coop-unit-hour"),
        "day" => ctx.t("coop-unit-day"),
        _ => ctx.t("coop-unit-one"),
    };
    Ok(ProposalView {
        ap_id: p.ap_id.clone(),
        purpose: purpose_label(ctx, &p.purpose),
        kind: kind_label(ctx, &p.kind),
        pictogram: vocab::by_slug(Scheme::Cooperation, &p.kind)
            .map(|c| format!("/vocab/pictograms/{}", c.pictogram)),
        name: p.name.clone(),
        summary: p.summary.clone(),
        content: p.content.as_deref().map(|h| v.html(h, None)),
        quantity: format!("{} {unit}", p.quantity),
        reciprocal: p.reciprocal.clone(),
        author: name_of(ctx, &p.actor).await?,
        author_href: href_of(ctx, &p.actor),
        author_frameworks: framework_labels(
            ctx,
            &cooperation::frameworks_of(&ctx.state.data(), &p.actor).await?,
        ),
        local: p.local,
        date: v.date(p.published).text,
    })
}

#[derive(Serialize)]
struct ListData {
    purposes: Vec<Choice>,
    kinds: Vec<Choice>,
    departement: String,
    error: Option<String>,
    proposals: Vec<ProposalView>,
    my_places: Vec<Choice>,
}

/// The local places the signed-in account may act for.
async fn my_places(ctx: &Ctx) -> SiteResult<Vec<Choice>> {
    let Some(user) = ctx.user.as_ref() else {
        return Ok(Vec::new());
    };
    let all = galaxie_db::places::list(ctx.state.data().db().conn()).await?;
    Ok(all
        .into_iter()
        .filter(|p| user.can_edit(p.id))
        .map(|p| Choice {
            value: p.username,
            label: p.name,
            selected: false,
        })
        .collect())
}

fn error_of(query: Option<&str>) -> Option<String> {
    url::form_urlencoded::parse(query.unwrap_or("").as_bytes())
        .find(|(k, _)| k == "erreur")
        .map(|(_, v)| v.chars().take(500).collect())
}

/// `/cooperations`: offers and requests, filtered.
pub async fn list(ctx: Ctx, RawQuery(query): RawQuery) -> SiteResult<Response> {
    let data = ctx.state.data();
    // The page's own parameters are read leniently: a bad filter is said, not a 400 page.
    let pairs: Vec<(String, String)> =
        url::form_urlencoded::parse(query.as_deref().unwrap_or("").as_bytes())
            .filter(|(k, v)| k != "erreur" && !v.is_empty())
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
    let clean = url::form_urlencoded::Serializer::new(String::new())
        .extend_pairs(&pairs)
        .finish();
    let (filter, error) = match galaxie_web::routes::cooperation::proposal_filter(Some(&clean)) {
        Ok(f) => (f, error_of(query.as_deref())),
        Err(e) => (Default::default(), Some(e.to_string())),
    };
    let rows = cooperation::list(&data, &filter).await?;
    let mut proposals = Vec::with_capacity(rows.len());
    for r in &rows {
        proposals.push(proposal_view(&ctx, r).await?);
    }
    let title = ctx.t("coop-list-title");
    let meta = Meta {
        description: Some(ctx.t("coop-list-intro")),
        canonical: Some(ctx.absolute("/cooperations")),
        og_type: "website",
        ..Default::default()
    };
    let base = ctx.base(&title, "cooperation", meta);
    let purposes = [Purpose::Offer, Purpose::Request]
        .into_iter()
        .map(|p| Choice {
            value: p.as_str().into(),
            label: purpose_label(&ctx, p.as_str()),
            selected: filter.purpose.as_deref() == Some(p.as_str()),
        })
        .collect();
    let data = ListData {
        purposes,
        kinds: kind_choices(&ctx, &filter.kinds),
        departement: filter.departements.join(","),
        error,
        proposals,
        my_places: my_places(&ctx).await?,
    };
    ctx.page("cooperation/list.html", base, data)
}

async fn place_of(ctx: &Ctx, username: &str) -> SiteResult<places::Model> {
    galaxie_db::places::by_username(ctx.state.data().db().conn(), username)
        .await?
        .ok_or(SiteError::NotFound)
}

async fn agreement_view(
    ctx: &Ctx,
    place_actor: &str,
    a: &agreements::Model,
    can_edit: bool,
) -> SiteResult<AgreementView> {
    let v = ctx.view();
    let conn = ctx.state.data().db().conn().clone();
    let proposal = galaxie_db::cooperation::proposal_by_ap_id(&conn, &a.proposal_ap_id).await?;
    let we_proposed = a.proposer == place_actor;
    let other = if we_proposed {
        &a.responder
    } else {
        &a.proposer
    };
    let status = AgreementStatus::parse(&a.status).unwrap_or(AgreementStatus::Pending);
    Ok(AgreementView {
        id: a.id,
        status_key: status.as_str().into(),
        status: ctx.t(match status {
            AgreementStatus::Pending => "coop-status-pending",
            AgreementStatus::Accepted => "coop-status-accepted",
            AgreementStatus::Rejected => "coop-status-rejected",
        }),
        proposal_name: proposal
            .as_ref()
            .map(|p| p.name.clone())
            .unwrap_or_else(|| a.proposal_ap_id.clone()),
        proposal_href: a.proposal_ap_id.clone(),
        other: name_of(ctx, other).await?,
        other_href: href_of(ctx, other),
        we_proposed,
        message: a.message.as_deref().map(|h| v.html(h, None)),
        date: v.date(a.decided_at.unwrap_or(a.created_at)).text,
        can_decide: can_edit && we_proposed && status == AgreementStatus::Pending,
    })
}

#[derive(Serialize)]
struct PlaceData {
    username: String,
    place_name: String,
    place_href: String,
    source_href: String,
    can_edit: bool,
    error: Option<String>,
    proposals: Vec<ProposalView>,
    agreements: Vec<AgreementView>,
    kinds: Vec<Choice>,
    frameworks: Vec<String>,
    framework_choices: Vec<Choice>,
}

fn can_edit(ctx: &Ctx, place: &places::Model) -> bool {
    ctx.user.as_ref().is_some_and(|u| u.can_edit(place.id))
}

/// `/lieux/{username}/cooperation`.
pub async fn place(
    ctx: Ctx,
    Path(username): Path<String>,
    RawQuery(query): RawQuery,
) -> SiteResult<Response> {
    let data = ctx.state.data();
    let place = place_of(&ctx, &username).await?;
    let actor = data.urls().place(&place.username).to_string();
    let editable = can_edit(&ctx, &place);
    let filter = galaxie_db::cooperation::ProposalFilter {
        actor: Some(actor.clone()),
        ..Default::default()
    };
    let mut proposals = Vec::new();
    for p in cooperation::list(&data, &filter).await? {
        proposals.push(proposal_view(&ctx, &p).await?);
    }
    let mut agreements = Vec::new();
    for a in cooperation::agreements_of(&data, &place).await? {
        agreements.push(agreement_view(&ctx, &actor, &a, editable).await?);
    }
    let title = ctx.tr("coop-place-title", &[("place", place.name.clone().into())]);
    let meta = Meta {
        description: Some(ctx.t("coop-place-intro")),
        canonical: Some(ctx.absolute(&format!("/lieux/{}/cooperation", place.username))),
        og_type: "website",
        ..Default::default()
    };
    let base = ctx.base(&title, "cooperation", meta);
    let page = PlaceData {
        username: place.username.clone(),
        place_name: place.name.clone(),
        place_href: view::place_path(&place.username),
        source_href: format!("/lieux/{}/code-source", place.username),
        can_edit: editable,
        error: error_of(query.as_deref()),
        proposals,
        agreements,
        kinds: kind_choices(&ctx, &[]),
        frameworks: framework_labels(&ctx, &galaxie_db::cooperation::frameworks(&place)),
        framework_choices: {
            let current = galaxie_db::cooperation::frameworks(&place);
            Scheme::CooperationFramework
                .concepts()
                .iter()
                .map(|c| Choice {
                    value: c.slug.to_string(),
                    label: c.label(lang_tag(&ctx)).to_string(),
                    selected: current.iter().any(|s| s == c.slug),
                })
                .collect()
        },
    };
    ctx.page("cooperation/place.html", base, page)
}

/// A code-source article on its place's page.
#[derive(Debug, Serialize)]
struct ArticleView {
    anchor: String,
    ap_id: String,
    kind: String,
    name: String,
    summary: String,
    content: view::Html,
    license: String,
    license_name: String,
    fork_of: Option<String>,
    date: String,
}

#[derive(Debug, Serialize)]
struct ForkView {
    name: String,
    href: String,
}

#[derive(Serialize)]
struct SourceData {
    username: String,
    place_name: String,
    place_href: String,
    cooperation_href: String,
    handle: String,
    can_edit: bool,
    can_fork: bool,
    error: Option<String>,
    articles: Vec<ArticleView>,
    forks: Vec<ForkView>,
    kinds: Vec<Choice>,
}

/// `/lieux/{username}/code-source`.
pub async fn source(
    ctx: Ctx,
    Path(username): Path<String>,
    RawQuery(query): RawQuery,
) -> SiteResult<Response> {
    let data = ctx.state.data();
    let v = ctx.view();
    let place = place_of(&ctx, &username).await?;
    let lang = lang_tag(&ctx);
    let articles = fork::articles_of(&data, &place)
        .await?
        .into_iter()
        .map(|a| ArticleView {
            anchor: format!("article-{}", a.id),
            kind: SourceCodeKind::parse(&a.kind)
                .map(|k| match lang {
                    "en" => k.label_en(),
                    "fr-x-falc" => k.label_falc(),
                    _ => k.label_fr(),
                })
                .unwrap_or("")
                .to_string(),
            ap_id: a.ap_id,
            name: a.name,
            summary: a.summary,
            content: v.html(&a.content, None),
            license_name: license_name(&a.license),
            license: a.license,
            fork_of: a.fork_of,
            date: v.date(a.published).text,
        })
        .collect();
    let mut forks = Vec::new();
    for f in fork::forks_of(&data, &place).await? {
        forks.push(ForkView {
            name: match &f.fork_name {
                Some(n) => format!("{n} — {}", f.fork_actor),
                None => f.fork_actor.clone(),
            },
            href: f.fork_actor,
        });
    }
    let title = ctx.tr("source-title", &[("place", place.name.clone().into())]);
    let meta = Meta {
        description: Some(ctx.t("source-intro")),
        canonical: Some(ctx.absolute(&format!("/lieux/{}/code-source", place.username))),
        og_type: "website",
        ..Default::default()
    };
    let base = ctx.base(&title, "cooperation", meta);
    let page = SourceData {
        handle: format!("@{}@{}", place.username, data.urls().authority()),
        username: place.username.clone(),
        place_name: place.name.clone(),
        place_href: view::place_path(&place.username),
        cooperation_href: format!("/lieux/{}/cooperation", place.username),
        can_edit: can_edit(&ctx, &place),
        can_fork: ctx.user.as_ref().is_some_and(|u| u.account.is_admin),
        error: error_of(query.as_deref()),
        articles,
        forks,
        kinds: SourceCodeKind::ALL
            .into_iter()
            .map(|k| Choice {
                value: k.slug().into(),
                label: match lang {
                    "en" => k.label_en(),
                    "fr-x-falc" => k.label_falc(),
                    _ => k.label_fr(),
                }
                .into(),
                selected: false,
            })
            .collect(),
    };
    ctx.page("cooperation/source.html", base, page)
}
