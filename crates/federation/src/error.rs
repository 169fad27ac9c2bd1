//! What can go wrong in federation. Variants say what happened; `web` picks the status.

use galaxie_db::DbError;
use galaxie_domain::ValidationErrors;

/// A federation error.
#[derive(Debug, thiserror::Error)]
pub enum FederationError {
    /// Input that failed validation, field by field.
    #[error(transparent)]
    Invalid(#[from] ValidationErrors),
    /// Something asked for does not exist.
    #[error("{0} not found")]
    NotFound(&'static str),
    /// Something to create already exists.
    #[error("{0} already exists")]
    AlreadyExists(&'static str),
    /// The request is not signed, or its signature, digest or date cannot be verified.
    /// Answered with 401 so that the sender can retry with another signature scheme.
    #[error("signature not accepted: {0}")]
    Unauthorized(String),
    /// The request is signed but not allowed (blocked domain, object on another host than its
    /// sender, actor mismatch).
    #[error("forbidden: {0}")]
    Forbidden(String),
    /// The body is not a valid activity.
    #[error("malformed activity: {0}")]
    Malformed(String),
    /// An activity type we do not handle.
    #[error("unsupported activity type {0:?}")]
    Unsupported(String),
    /// A remote server could not be reached or answered badly.
    #[error("remote server error: {0}")]
    Remote(String),
    /// Storage error.
    #[error(transparent)]
    Db(DbError),
    /// A bug or an unexpected condition.
    #[error("internal error: {0}")]
    Internal(String),
}

impl From<DbError> for FederationError {
    fn from(err: DbError) -> Self {
        match err {
            DbError::NotFound(what) => FederationError::NotFound(what),
            DbError::AlreadyExists(what) => FederationError::AlreadyExists(what),
            other => FederationError::Db(other),
        }
    }
}

impl From<galaxie_db::DbErr> for FederationError {
    fn from(err: galaxie_db::DbErr) -> Self {
        FederationError::Db(DbError::Db(err))
    }
}

impl From<activitypub_federation::error::Error> for FederationError {
    fn from(err: activitypub_federation::error::Error) -> Self {
        use activitypub_federation::error::Error as E;
        match err {
            E::NotFound => FederationError::NotFound("remote object"),
            E::UrlVerificationError(why) => FederationError::Forbidden(why.to_string()),
            E::DomainResolveError(domain) => FederationError::Forbidden(format!(
                "domain {domain} does not resolve to a public address"
            )),
            E::ActivitySignatureInvalid | E::ActivityBodyDigestInvalid => {
                FederationError::Unauthorized(err.to_string())
            }
            E::ParseReceivedActivity { .. } => FederationError::Malformed(err.to_string()),
            other => FederationError::Remote(other.to_string()),
        }
    }
}

impl From<serde_json::Error> for FederationError {
    fn from(err: serde_json::Error) -> Self {
        FederationError::Malformed(err.to_string())
    }
}

impl From<url::ParseError> for FederationError {
    fn from(err: url::ParseError) -> Self {
        FederationError::Malformed(format!("invalid URL: {err}"))
    }
}

/// Results of this crate.
pub type Result<T, E = FederationError> = std::result::Result<T, E>;
