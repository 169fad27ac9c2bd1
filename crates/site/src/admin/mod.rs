//! The administration: animateurs sign in, edit their place's profile, publish and change
//! events (recurring permanences too), services, heritage showcases and news, answer follow
//! requests and follow other places; the instance administrator also creates places, accounts
//! and domain blocks. Every change calls `galaxie_federation::service`, like the CLI and the
//! API, so followers hear of it. Every form carries the session's CSRF token.
//!
//! | path | page |
//! |---|---|
//! | `/admin/connexion`, `/admin/deconnexion` | sign in, sign out |
//! | `/admin` | the places one may edit |
//! | `/admin/lieux/nouveau` | create a place (administrator) |
//! | `/admin/lieux/{u}` | edit a place's profile |
//! | `/admin/lieux/{u}/publications` | its publications |
//! | `/admin/lieux/{u}/{evenements,services,patrimoine,actualites}/nouveau` | publish |
//! | `/admin/{evenements,services,patrimoine,actualites}/{id}` | change |
//! | `/admin/publications/{id}/supprimer` | delete (with a confirmation page) |
//! | `/admin/evenements/{id}/annuler` | cancel one date of a permanence |
//! | `/admin/lieux/{u}/abonnes` | followers, requests, and whom the place follows |
//! | `/admin/blocages` | domain blocks (administrator) |
//! | `/admin/comptes` | accounts (administrator) |
//! | `/admin/reseaux`, `/admin/reseaux/{u}` | networks, their members, withdrawals, log (administrator) |
//! | `/admin/reseaux/{u}/labels` | a network's regional labels: define, applications, grant, refuse, revoke (administrator) |
//! | `/admin/lieux/{u}/labels` | a place applies for a regional label, answering its criteria; its applications (its editors) |
//! | `/admin/lieux/{u}/reseaux` | a place joins or leaves networks (administrator) |
//! | `/admin/relais` | relays and the instance's subscriptions (administrator) |
//! | `/admin/signalements` | reports (`Flag`) received from other servers (administrator) |

pub mod accounts;
pub mod cooperation;
pub mod funding;
pub mod labels;
pub mod login;
pub mod networks;
pub mod people;
pub mod place;
pub mod publish;
pub mod relays;
pub mod reports;

use crate::SiteState;
use crate::auth::CurrentUser;
use crate::context::{Ctx, Meta};
use crate::error::{SiteError, SiteResult};
use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use galaxie_db::entities::{objects, places};
use serde::Serialize;

pub(crate) fn router(upload_limit: usize) -> Router<SiteState> {
    // Forms with images may be as large as the media limit, plus the other fields.
    let body_limit = upload_limit.saturating_mul(3).saturating_add(256 * 1024);
    Router::new()
        .route("/admin", get(dashboard))
        .route("/admin/connexion", get(login::form).post(login::submit))
        .route("/admin/deconnexion", post(login::sign_out))
        .route(
            "/admin/lieux/nouveau",
            get(place::new_form).post(place::create),
        )
        .route(
            "/admin/lieux/{username}",
            get(place::edit_form).post(place::update),
        )
        .route("/admin/lieux/{username}/publications", get(publish::list))
        .route(
            "/admin/lieux/{username}/financements/nouveau",
            get(funding::new).post(funding::create),
        )
        .route(
            "/admin/financements/{id}",
            get(funding::edit).post(funding::save),
        )
        .route(
            "/admin/financements/{id}/retirer",
            get(funding::confirm_withdraw).post(funding::withdraw),
        )
        .route(
            "/admin/lieux/{username}/evenements/nouveau",
            get(publish::new_event).post(publish::create_event),
        )
        .route(
            "/admin/evenements/{id}",
            get(publish::edit_event).post(publish::update_event),
        )
        .route(
            "/admin/evenements/{id}/annuler",
            post(publish::cancel_occurrence),
        )
        .route(
            "/admin/lieux/{username}/services/nouveau",
            get(publish::new_service).post(publish::create_service),
        )
        .route(
            "/admin/services/{id}",
            get(publish::edit_service).post(publish::update_service),
        )
        .route(
            "/admin/lieux/{username}/patrimoine/nouveau",
            get(publish::new_showcase).post(publish::create_showcase),
        )
        .route(
            "/admin/patrimoine/{id}",
            get(publish::edit_showcase).post(publish::update_showcase),
        )
        .route(
            "/admin/lieux/{username}/actualites/nouveau",
            get(publish::new_note).post(publish::create_note),
        )
        .route(
            "/admin/actualites/{id}",
            get(publish::edit_note).post(publish::update_note),
        )
        .route(
            "/admin/publications/{id}/supprimer",
            get(publish::confirm_delete).post(publish::delete),
        )
        .route("/admin/lieux/{username}/abonnes", get(people::followers))
        .route(
            "/admin/lieux/{username}/abonnes/decision",
            post(people::decide),
        )
        .route("/admin/lieux/{username}/abonnements", post(people::follow))
        .route(
            "/admin/lieux/{username}/abonnements/retirer",
            post(people::unfollow),
        )
        .route("/admin/blocages", get(people::blocks).post(people::block))
        .route("/admin/blocages/retirer", post(people::unblock))
        .route("/admin/comptes", get(accounts::list).post(accounts::create))
        .route("/admin/reseaux", get(networks::list).post(networks::create))
        .route("/admin/reseaux/{username}", get(networks::show))
        .route("/admin/reseaux/{username}/membres", post(networks::decide))
        .route(
            "/admin/reseaux/{username}/labels",
            get(labels::list).post(labels::define),
        )
        .route(
            "/admin/lieux/{username}/labels",
            get(labels::apply_form).post(labels::apply),
        )
        .route(
            "/admin/reseaux/{username}/labels/{slug}/decerner",
            post(labels::grant),
        )
        .route(
            "/admin/reseaux/{username}/labels/{slug}/refuser",
            post(labels::refuse),
        )
        .route(
            "/admin/reseaux/{username}/labels/{slug}/retirer",
            post(labels::revoke),
        )
        .route(
            "/admin/reseaux/{username}/retrait",
            post(networks::withdraw),
        )
        .route(
            "/admin/lieux/{username}/reseaux",
            get(networks::memberships).post(networks::join),
        )
        .route(
            "/admin/lieux/{username}/reseaux/quitter",
            post(networks::leave),
        )
        .route("/admin/relais", get(relays::list).post(relays::subscribe))
        .route("/admin/relais/suivre", post(relays::follow))
        .route("/admin/relais/retirer", post(relays::unsubscribe))
        .route("/admin/signalements", get(reports::list))
        .route("/admin/signalements/traite", post(reports::resolve))
        .route("/admin/cooperation/proposer", post(cooperation::propose))
        .route("/admin/cooperation/repondre", post(cooperation::answer))
        .route("/admin/cooperation/accord", post(cooperation::decide))
        .route("/admin/cooperation/cadres", post(cooperation::frameworks))
        .route("/admin/cooperation/code-source", post(cooperation::article))
        .route("/admin/cooperation/demarrer", post(cooperation::fork_place))
        .layer(DefaultBodyLimit::max(body_limit))
}

impl Ctx {
    /// The signed-in account, or a redirect to the sign-in page that comes back here.
    pub fn require_user(&self) -> SiteResult<&CurrentUser> {
        self.user
            .as_ref()
            .ok_or_else(|| SiteError::SignInRequired(self.path.clone()))
    }

    /// The signed-in instance administrator.
    pub fn require_admin(&self) -> SiteResult<&CurrentUser> {
        let user = self.require_user()?;
        if user.account.is_admin {
            Ok(user)
        } else {
            Err(SiteError::Forbidden)
        }
    }

    /// A place the signed-in account may edit.
    pub async fn editable_place(&self, username: &str) -> SiteResult<places::Model> {
        let user = self.require_user()?;
        let place = galaxie_db::places::by_username(self.state.data().db().conn(), username)
            .await?
            .filter(|p| p.kind == "place")
            .ok_or(SiteError::NotFound)?;
        if user.can_edit(place.id) {
            Ok(place)
        } else {
            Err(SiteError::Forbidden)
        }
    }

    /// A live local object of `kind` that the signed-in account may edit, with its place.
    pub async fn editable_object(
        &self,
        id: i64,
        kind: Option<&str>,
    ) -> SiteResult<(places::Model, objects::Model)> {
        let user = self.require_user()?;
        let (place, row) = galaxie_federation::service::local_object(&self.state.data(), id)
            .await
            .map_err(|_| SiteError::NotFound)?;
        if kind.is_some_and(|k| row.kind != k) {
            return Err(SiteError::NotFound);
        }
        if !user.can_edit(place.id) {
            return Err(SiteError::Forbidden);
        }
        Ok((place, row))
    }

    /// The frame of an administration page (never indexed).
    pub fn admin_base(&self, title: &str) -> crate::context::Base {
        self.base(
            title,
            "admin",
            Meta {
                noindex: true,
                og_type: "website",
                ..Default::default()
            },
        )
    }
}

/// A 303 redirect (after a form POST).
pub fn see_other(location: &str) -> Response {
    let mut response = StatusCode::SEE_OTHER.into_response();
    if let Ok(v) = HeaderValue::from_str(location) {
        response.headers_mut().insert(header::LOCATION, v);
    }
    response
}

/// The message key of a `?fait=` confirmation.
pub fn done_message(done: Option<&str>) -> Option<&'static str> {
    match done? {
        "enregistre" => Some("done-saved"),
        "publie" => Some("done-published"),
        "supprime" => Some("done-deleted"),
        "annule" => Some("done-cancelled"),
        "decide" => Some("done-decided"),
        "suivi" => Some("done-followed"),
        "plus-suivi" => Some("done-unfollowed"),
        "bloque" => Some("done-blocked"),
        "debloque" => Some("done-unblocked"),
        "compte" => Some("done-account"),
        "cree" => Some("done-created"),
        "reseau-cree" => Some("done-network-created"),
        "retire" => Some("done-withdrawn"),
        "adhesion" => Some("done-joined"),
        "depart" => Some("done-left"),
        "abonne" => Some("done-subscribed"),
        "desabonne" => Some("done-unsubscribed"),
        "traite" => Some("done-resolved"),
        _ => None,
    }
}

/// `?fait=…`.
#[derive(Debug, Default, serde::Deserialize)]
pub struct Done {
    #[serde(default)]
    pub fait: Option<String>,
}

#[derive(Serialize)]
struct PlaceRow {
    name: String,
    username: String,
    href: String,
    edit: String,
    publications: String,
    new_event: String,
    followers: String,
    networks: String,
}

#[derive(Serialize)]
struct Dashboard {
    places: Vec<PlaceRow>,
    is_admin: bool,
    done: Option<String>,
}

/// `/admin`.
pub async fn dashboard(
    ctx: Ctx,
    axum::extract::Query(done): axum::extract::Query<Done>,
) -> SiteResult<Response> {
    let user = ctx.require_user()?;
    let conn = ctx.state.data().db().conn().clone();
    let places = galaxie_db::places::list(&conn)
        .await?
        .into_iter()
        .filter(|p| user.can_edit(p.id))
        .map(|p| PlaceRow {
            href: crate::view::place_path(&p.username),
            edit: format!("/admin/lieux/{}", p.username),
            publications: format!("/admin/lieux/{}/publications", p.username),
            new_event: format!("/admin/lieux/{}/evenements/nouveau", p.username),
            followers: format!("/admin/lieux/{}/abonnes", p.username),
            networks: format!("/admin/lieux/{}/reseaux", p.username),
            name: p.name,
            username: p.username,
        })
        .collect();
    let is_admin = user.account.is_admin;
    let base = ctx.admin_base(&ctx.t("admin-title"));
    ctx.page(
        "admin/dashboard.html",
        base,
        Dashboard {
            places,
            is_admin,
            done: done_message(done.fait.as_deref()).map(|k| ctx.t(k)),
        },
    )
}
