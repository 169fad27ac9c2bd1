//! The cooperation forms: publish an offer or a request, answer one, accept or reject an
//! agreement, publish a code-source article, start a new place from another's code source.
//! Each calls the same function as the API and the CLI; a refusal goes back to the page with
//! the reason (`?erreur=`), nothing half-done.

use super::see_other;
use crate::context::Ctx;
use crate::error::{SiteError, SiteResult};
use crate::forms::CheckedForm;
use axum::response::Response;
use galaxie_domain::cooperation::{NewAnswer, NewProposal, RawAnswer, RawProposal};
use galaxie_domain::source_code::{NewSourceArticle, RawSourceArticle};
use galaxie_federation::{FederationError, cooperation, fork};

fn opt(form: &CheckedForm, name: &str) -> Option<String> {
    let v = form.form.get(name);
    (!v.trim().is_empty()).then_some(v)
}

/// Back to `page` with the reason of a refusal, or the error itself when it is not one.
fn back_with(page: &str, e: FederationError) -> SiteResult<Response> {
    let why = match e {
        FederationError::Invalid(errors) => errors.to_string(),
        FederationError::NotFound(what) => format!("{what} introuvable / not found"),
        FederationError::AlreadyExists(what) => format!("{what} existe déjà / already exists"),
        FederationError::Forbidden(why) | FederationError::Remote(why) => why,
        other => return Err(other.into()),
    };
    let sep = if page.contains('?') { '&' } else { '?' };
    let why: String = url::form_urlencoded::byte_serialize(why.as_bytes()).collect();
    Ok(see_other(&format!("{page}{sep}erreur={why}")))
}

/// `POST /admin/cooperation/proposer`.
pub async fn propose(ctx: Ctx, form: CheckedForm) -> SiteResult<Response> {
    let place = ctx.editable_place(&form.form.get("place")).await?;
    let page = format!("/lieux/{}/cooperation", place.username);
    let raw = RawProposal {
        purpose: opt(&form, "purpose"),
        kind: opt(&form, "kind"),
        name: opt(&form, "name"),
        content: opt(&form, "content"),
        quantity: opt(&form, "quantity").and_then(|q| q.replace(',', ".").parse().ok()),
        unit: opt(&form, "unit"),
        reciprocal: opt(&form, "reciprocal"),
    };
    let proposal = match NewProposal::parse(raw) {
        Ok(p) => p,
        Err(e) => return back_with(&page, e.into()),
    };
    match cooperation::publish_proposal(&ctx.state.data(), &place.username, proposal).await {
        Ok(_) => Ok(see_other(&page)),
        Err(e) => back_with(&page, e),
    }
}

/// `POST /admin/cooperation/repondre`.
pub async fn answer(ctx: Ctx, form: CheckedForm) -> SiteResult<Response> {
    let place = ctx.editable_place(&form.form.get("place")).await?;
    let back = "/cooperations";
    let answer = match NewAnswer::parse(RawAnswer {
        proposal: opt(&form, "proposal"),
        message: opt(&form, "message"),
    }) {
        Ok(a) => a,
        Err(e) => return back_with(back, e.into()),
    };
    match cooperation::answer(&ctx.state.data(), &place.username, answer).await {
        Ok(_) => Ok(see_other(&format!("/lieux/{}/cooperation", place.username))),
        Err(e) => back_with(back, e),
    }
}

/// `POST /admin/cooperation/accord`: accept or reject an offered agreement.
pub async fn decide(ctx: Ctx, form: CheckedForm) -> SiteResult<Response> {
    ctx.require_user()?;
    let id: i64 = form
        .form
        .get("id")
        .parse()
        .map_err(|_| SiteError::BadRequest("bad agreement id".into()))?;
    let data = ctx.state.data();
    let row = cooperation::agreement(&data, id).await?;
    let proposer = url::Url::parse(&row.proposer).map_err(|_| SiteError::NotFound)?;
    let username = data
        .urls()
        .place_username(&proposer)
        .ok_or(SiteError::Forbidden)?
        .to_string();
    let place = ctx.editable_place(&username).await?;
    let page = format!("/lieux/{}/cooperation", place.username);
    let accept = match form.form.get("decision").as_str() {
        "accept" => true,
        "reject" => false,
        _ => return Err(SiteError::BadRequest("decision: accept or reject".into())),
    };
    match cooperation::decide(&data, id, accept).await {
        Ok(_) => Ok(see_other(&page)),
        Err(e) => back_with(&page, e),
    }
}

/// `POST /admin/cooperation/cadres`: a place's cooperation frameworks.
pub async fn frameworks(ctx: Ctx, form: CheckedForm) -> SiteResult<Response> {
    let place = ctx.editable_place(&form.form.get("place")).await?;
    let page = format!("/lieux/{}/cooperation", place.username);
    let chosen = form.form.all("frameworks");
    match cooperation::set_frameworks(&ctx.state.data(), &place.username, &chosen).await {
        Ok(_) => Ok(see_other(&page)),
        Err(e) => back_with(&page, e),
    }
}

/// `POST /admin/cooperation/code-source`.
pub async fn article(ctx: Ctx, form: CheckedForm) -> SiteResult<Response> {
    let place = ctx.editable_place(&form.form.get("place")).await?;
    let page = format!("/lieux/{}/code-source", place.username);
    let article = match NewSourceArticle::parse(RawSourceArticle {
        kind: opt(&form, "kind"),
        name: opt(&form, "name"),
        summary: opt(&form, "summary"),
        content: opt(&form, "content"),
        license: opt(&form, "license"),
    }) {
        Ok(a) => a,
        Err(e) => return back_with(&page, e.into()),
    };
    match fork::publish_article(&ctx.state.data(), &place.username, article).await {
        Ok(_) => Ok(see_other(&page)),
        Err(e) => back_with(&page, e),
    }
}

/// `POST /admin/cooperation/demarrer`: a new place from another's code source (administrators).
pub async fn fork_place(ctx: Ctx, form: CheckedForm) -> SiteResult<Response> {
    ctx.require_admin()?;
    let source = form.form.get("source");
    let back = opt(&form, "back")
        .filter(|b| b.starts_with("/lieux/") && !b.contains("//"))
        .unwrap_or_else(|| "/cooperations".into());
    let username = form.form.get("username");
    let name = opt(&form, "name");
    match fork::fork(&ctx.state.data(), &source, username.trim(), name.as_deref()).await {
        Ok(forked) => Ok(see_other(&format!(
            "/lieux/{}/code-source",
            forked.place.username
        ))),
        Err(e) => back_with(&back, e),
    }
}
