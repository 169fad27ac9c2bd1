//! Galaxie's HTTP layer (axum): WebFinger, NodeInfo, ActivityPub actors, objects, collections
//! and inboxes with content negotiation, the JSON API under `/api/v1/` and its OpenAPI
//! document.
//!
//! Modules:
//! - [`error`]: [`AppError`], mapped to a status in one place.
//! - [`negotiate`]: ActivityPub JSON or HTML, from `Accept`.
//! - [`routes`]: the routers.
//! - [`openapi`]: the OpenAPI document.

pub mod error;
pub mod negotiate;
pub mod openapi;
pub mod routes;

pub use error::AppError;
pub use routes::router;

/// Largest accepted request body (inbox and API).
pub const MAX_BODY_BYTES: usize = 1024 * 1024;
