//! Galaxie's web interface for people: server-rendered HTML pages that work without JavaScript,
//! in French first and English second, with an easy-read (FALC) switch, pictograms, a
//! "listen" button and print sheets; and the administration where animateurs sign in to edit
//! their place and publish. Every change goes through `galaxie_federation::service`, the same
//! functions as the CLI and the JSON API.
//!
//! The binary merges [`router`] beside `galaxie_web::router`; the ActivityPub URLs of places
//! and objects send browsers here (`/lieux/{username}`, `/evenements/{uuid}`…).
//!
//! Modules:
//! - [`i18n`]: Fluent messages (French, English, easy-read overrides) and language choice.
//! - [`messages`]: validation messages in plain French.
//! - [`render`]: the minijinja templates (embedded at compile time) and the page frame.
//! - [`context`]: what every request knows: language, easy-read, account, CSRF token.
//! - [`auth`]: argon2 passwords, sessions, CSRF checks, roles.
//! - [`forms`]: forms as data, submitted fields, CSRF-checked POSTs.
//! - [`assets`]: the stylesheet and script, served under a content hash.
//! - [`error`]: [`SiteError`], shown as an HTML page.
//! - [`view`]: rows turned into what the templates show (dates, pictograms, easy-read text).
//! - [`map`]: the server-rendered SVG map.
//! - [`jsonld`]: schema.org JSON-LD for places, events and articles.
//! - [`pages`]: the public pages.
//! - [`admin`]: sign-in and the administration forms.

pub mod admin;
pub mod assets;
pub mod auth;
pub mod context;
pub mod error;
pub mod forms;
pub mod i18n;
pub mod jsonld;
pub mod map;
pub mod messages;
pub mod pages;
pub mod render;
pub mod view;

pub use error::SiteError;

use axum::Router;
use galaxie_federation::{Data, FederationContext};
use galaxie_web::routes::media::MediaSettings;
use std::sync::Arc;

/// What the site needs besides the federation context.
#[derive(Debug, Clone)]
pub struct SiteSettings {
    /// Where uploaded images go and how large they may be (the API's settings).
    pub media: MediaSettings,
}

/// State shared by every handler of the site.
#[derive(Clone)]
pub struct SiteState {
    /// The federation configuration (database, settings, URLs…).
    pub federation: FederationContext,
    /// The site's settings.
    pub settings: Arc<SiteSettings>,
    /// Failed sign-ins, to slow down password guessing.
    pub throttle: Arc<auth::Throttle>,
}

impl SiteState {
    /// Request-scoped federation data.
    pub fn data(&self) -> Data {
        self.federation.to_request_data()
    }

    /// Whether cookies must be `Secure`: the public URL is https.
    pub fn secure_cookies(&self) -> bool {
        self.data().urls().base().scheme() == "https"
    }
}

/// The site's router, to be merged beside `galaxie_web::router`.
pub fn router(federation: FederationContext, settings: SiteSettings) -> Router {
    let upload_limit = settings.media.limits.max_bytes;
    let state = SiteState {
        federation,
        settings: Arc::new(settings),
        throttle: Arc::new(auth::Throttle::default()),
    };
    Router::new()
        .merge(assets::router())
        .merge(pages::router())
        .merge(admin::router(upload_limit))
        .with_state(state)
}
