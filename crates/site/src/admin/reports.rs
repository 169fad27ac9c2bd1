//! Reports (`Flag`) received from other servers, for the instance administrator: who reported
//! what, with their comment; a "traité" button files one away.

use super::people::name_of;
use super::{Done, done_message, see_other};
use crate::context::Ctx;
use crate::error::{SiteError, SiteResult};
use crate::forms::CheckedForm;
use axum::extract::Query;
use axum::response::Response;
use serde::Serialize;

#[derive(Debug, Serialize)]
struct ReportRow {
    id: i64,
    actor: String,
    reporter: String,
    objects: Vec<String>,
    content: Option<String>,
    date: String,
    resolved: Option<String>,
}

#[derive(Debug, Serialize)]
struct ReportsData {
    pending: Vec<ReportRow>,
    resolved: Vec<ReportRow>,
    done: Option<String>,
}

async fn rows(ctx: &Ctx, resolved: bool) -> SiteResult<Vec<ReportRow>> {
    let v = ctx.view();
    let mut out = Vec::new();
    for r in galaxie_db::reports::list(ctx.state.data().db().conn(), resolved).await? {
        out.push(ReportRow {
            id: r.id,
            reporter: name_of(ctx, &r.actor).await?,
            objects: galaxie_db::reports::objects_of(&r),
            date: v.date(r.created_at).text,
            resolved: r.resolved_at.map(|at| v.date(at).text),
            content: r.content,
            actor: r.actor,
        });
    }
    Ok(out)
}

/// `GET /admin/signalements`.
pub async fn list(ctx: Ctx, Query(done): Query<Done>) -> SiteResult<Response> {
    ctx.require_admin()?;
    let data = ReportsData {
        pending: rows(&ctx, false).await?,
        resolved: rows(&ctx, true).await?,
        done: done_message(done.fait.as_deref()).map(|k| ctx.t(k)),
    };
    let base = ctx.admin_base(&ctx.t("reports-title"));
    ctx.page("admin/reports.html", base, data)
}

/// `POST /admin/signalements/traite`: a report is handled.
pub async fn resolve(ctx: Ctx, form: CheckedForm) -> SiteResult<Response> {
    ctx.require_admin()?;
    let id: i64 = form
        .form
        .get("id")
        .parse()
        .map_err(|_| SiteError::BadRequest("bad report id".into()))?;
    if galaxie_db::reports::resolve(ctx.state.data().db().conn(), id).await? {
        Ok(see_other("/admin/signalements?fait=traite"))
    } else {
        Err(SiteError::BadRequest("no such report waiting".into()))
    }
}
