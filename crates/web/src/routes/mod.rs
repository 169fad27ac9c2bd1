//! The routers: discovery (`/.well-known`), ActivityPub, the JSON API, media, feeds, open data
//! (the pages for people are `galaxie-site`'s).

pub mod activitypub;
pub mod api;
pub mod cooperation;
pub mod directory;
pub mod feeds;
pub mod filters;
pub mod funding;
pub mod labels;
pub mod media;
pub mod networks;
pub mod opendata;
pub mod orientation;
pub mod wellknown;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use galaxie_federation::{Data, FederationContext};

/// State shared by every handler.
#[derive(Clone)]
pub struct AppState {
    /// The federation configuration (database, settings, keys…).
    pub federation: FederationContext,
}

impl AppState {
    /// Request-scoped federation data.
    pub fn data(&self) -> Data {
        self.federation.to_request_data()
    }
}

/// The whole application router.
pub fn router(federation: FederationContext) -> Router {
    let state = AppState { federation };
    Router::new()
        .merge(wellknown::router())
        .merge(activitypub::router())
        .merge(api::router())
        .merge(media::router())
        .merge(feeds::router())
        .merge(opendata::router())
        .merge(directory::router())
        .merge(orientation::router())
        .merge(networks::router())
        .merge(cooperation::router())
        .merge(funding::router())
        .merge(labels::router())
        .layer(DefaultBodyLimit::max(crate::MAX_BODY_BYTES))
        .with_state(state)
}
