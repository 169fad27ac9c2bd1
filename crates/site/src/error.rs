//! [`SiteError`]: what can stop a page, shown as an HTML page in French and English with a way
//! back. Internal causes are logged with an id that the page shows; the details never are.

use crate::context::{Base, Meta, security_headers};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use galaxie_federation::FederationError;

/// A page that cannot be shown.
#[derive(Debug, thiserror::Error)]
pub enum SiteError {
    /// Nothing here.
    #[error("not found")]
    NotFound,
    /// Signed in, but not allowed.
    #[error("forbidden")]
    Forbidden,
    /// A form without the right CSRF token, or posted from another site.
    #[error("the form's security token is missing or wrong")]
    Csrf,
    /// The page needs a signed-in account; the path to come back to.
    #[error("sign-in required")]
    SignInRequired(String),
    /// A request that does not make sense.
    #[error("{0}")]
    BadRequest(String),
    /// Anything else; logged, never shown.
    #[error("{0}")]
    Internal(String),
}

impl From<FederationError> for SiteError {
    fn from(e: FederationError) -> Self {
        match e {
            FederationError::NotFound(_) => SiteError::NotFound,
            FederationError::Forbidden(_) => SiteError::Forbidden,
            FederationError::Invalid(errors) => SiteError::BadRequest(errors.to_string()),
            other => SiteError::Internal(other.to_string()),
        }
    }
}

impl From<galaxie_db::DbError> for SiteError {
    fn from(e: galaxie_db::DbError) -> Self {
        match e {
            galaxie_db::DbError::NotFound(_) => SiteError::NotFound,
            other => SiteError::Internal(other.to_string()),
        }
    }
}

fn frame(title: &str) -> Base {
    Base {
        lang: "fr",
        falc: false,
        title: title.to_string(),
        meta: Meta {
            noindex: true,
            og_type: "website",
            ..Default::default()
        },
        csrf: String::new(),
        user: None,
        is_admin: false,
        path: "/".to_string(),
        lang_switch_url: "/preferences/langue/en?retour=%2F".to_string(),
        lang_switch_label: "English",
        lang_switch_lang: "en",
        falc_switch_url: "/preferences/facile/oui?retour=%2F".to_string(),
        css: crate::assets::css_url(),
        js: crate::assets::js_url(),
        instance: String::new(),
        base_url: String::new(),
        section: "",
    }
}

impl IntoResponse for SiteError {
    fn into_response(self) -> Response {
        let (status, fr, en, id) = match &self {
            SiteError::SignInRequired(back) => {
                let target = format!(
                    "/admin/connexion?retour={}",
                    url::form_urlencoded::byte_serialize(back.as_bytes()).collect::<String>()
                );
                let mut response = StatusCode::SEE_OTHER.into_response();
                if let Ok(v) = HeaderValue::from_str(&target) {
                    response.headers_mut().insert(header::LOCATION, v);
                }
                return response;
            }
            SiteError::NotFound => (
                StatusCode::NOT_FOUND,
                "Cette page n’existe pas, ou plus.",
                "This page does not exist, or no longer.",
                None,
            ),
            SiteError::Forbidden => (
                StatusCode::FORBIDDEN,
                "Votre compte ne permet pas de faire cela. Demandez à l’administrateur de l’instance.",
                "Your account cannot do this. Ask the instance's administrator.",
                None,
            ),
            SiteError::Csrf => (
                StatusCode::FORBIDDEN,
                "Le formulaire a expiré ou ne vient pas de ce site. Revenez en arrière, rechargez la page et envoyez-le de nouveau.",
                "The form has expired or does not come from this site. Go back, reload the page and send it again.",
                None,
            ),
            SiteError::BadRequest(_) => (
                StatusCode::BAD_REQUEST,
                "La demande n’a pas pu être comprise.",
                "The request could not be understood.",
                None,
            ),
            SiteError::Internal(cause) => {
                let id = uuid::Uuid::now_v7();
                tracing::error!(error_id = %id, error = %cause, "page failed");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "Un problème est survenu de notre côté. Réessayez dans un moment.",
                    "Something went wrong on our side. Try again in a moment.",
                    Some(id.to_string()),
                )
            }
        };
        if let SiteError::BadRequest(why) = &self {
            tracing::info!(reason = %why, "bad request");
        }
        #[derive(serde::Serialize)]
        struct Data<'a> {
            status: u16,
            fr: &'a str,
            en: &'a str,
            error_id: Option<String>,
        }
        let base = frame(fr);
        let html = crate::render::render(
            "error.html",
            serde_json::json!({
                "base": base,
                "data": Data { status: status.as_u16(), fr, en, error_id: id },
            }),
        )
        .unwrap_or_else(|_| {
            format!("<!doctype html><html lang=\"fr\"><title>Erreur</title><p>{fr}</p></html>")
        });
        let mut response = (status, Html(html)).into_response();
        security_headers(response.headers_mut());
        response
    }
}

/// Results of handlers.
pub type SiteResult<T> = Result<T, SiteError>;
