//! [`AppError`]: one type for every handler, mapped to a status in one `IntoResponse`.
//! Clients get a safe, helpful message; internal causes are logged with an id.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use galaxie_domain::ValidationErrors;
use galaxie_federation::FederationError;
use serde_json::json;

/// A handler error.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// From federation and storage.
    #[error(transparent)]
    Federation(#[from] FederationError),
    /// Missing or wrong bearer token.
    #[error("a valid bearer token is required for this request")]
    Unauthenticated,
    /// A request that does not make sense.
    #[error("{0}")]
    BadRequest(String),
    /// Nothing here.
    #[error("not found")]
    NotFound,
    /// A request refused before reaching the handler (body too large, wrong media type…).
    #[error("{1}")]
    Rejected(StatusCode, String),
    /// Query parameters that cannot be used (400), each named with the reason.
    #[error("{0}")]
    InvalidQuery(ValidationErrors),
}

impl From<ValidationErrors> for AppError {
    fn from(e: ValidationErrors) -> Self {
        AppError::Federation(FederationError::Invalid(e))
    }
}

impl From<galaxie_db::DbError> for AppError {
    fn from(e: galaxie_db::DbError) -> Self {
        AppError::Federation(e.into())
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let (status, body) = match &self {
            AppError::Federation(FederationError::Invalid(errors)) => (
                StatusCode::UNPROCESSABLE_ENTITY,
                json!({ "error": "invalid input", "fields": errors.errors }),
            ),
            AppError::Federation(FederationError::NotFound(what)) => (
                StatusCode::NOT_FOUND,
                json!({ "error": format!("{what} not found") }),
            ),
            AppError::Federation(FederationError::AlreadyExists(what)) => (
                StatusCode::CONFLICT,
                json!({ "error": format!("{what} already exists") }),
            ),
            AppError::Federation(e @ FederationError::Unauthorized(_)) => {
                (StatusCode::UNAUTHORIZED, json!({ "error": e.to_string() }))
            }
            AppError::Federation(e @ FederationError::Forbidden(_)) => {
                (StatusCode::FORBIDDEN, json!({ "error": e.to_string() }))
            }
            AppError::Federation(
                e @ (FederationError::Malformed(_) | FederationError::Unsupported(_)),
            ) => (StatusCode::BAD_REQUEST, json!({ "error": e.to_string() })),
            AppError::Federation(e @ FederationError::Remote(_)) => {
                (StatusCode::BAD_GATEWAY, json!({ "error": e.to_string() }))
            }
            AppError::Federation(e @ (FederationError::Db(_) | FederationError::Internal(_))) => {
                let id = uuid::Uuid::now_v7();
                tracing::error!(error_id = %id, error = %e, "internal error");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    json!({ "error": "internal error", "error_id": id.to_string() }),
                )
            }
            AppError::Unauthenticated => (
                StatusCode::UNAUTHORIZED,
                json!({ "error": self.to_string() }),
            ),
            AppError::BadRequest(why) => (StatusCode::BAD_REQUEST, json!({ "error": why })),
            AppError::NotFound => (StatusCode::NOT_FOUND, json!({ "error": "not found" })),
            AppError::Rejected(status, why) => (*status, json!({ "error": why })),
            AppError::InvalidQuery(errors) => (
                StatusCode::BAD_REQUEST,
                json!({ "error": "invalid query parameters", "fields": errors.errors }),
            ),
        };
        let mut response = (status, Json(body)).into_response();
        if status == StatusCode::UNAUTHORIZED && matches!(self, AppError::Unauthenticated) {
            response
                .headers_mut()
                .insert("www-authenticate", http::HeaderValue::from_static("Bearer"));
        }
        response
    }
}

/// Results of handlers.
pub type AppResult<T> = Result<T, AppError>;
