//! The public pages.
//!
//! | path | page |
//! |---|---|
//! | `/` | the timeline, with its filters |
//! | `/lieux/{username}` | a place |
//! | `/lieux/{username}/suivre` | (POST) follow it from Mastodon |
//! | `/evenements/{id}` | an event; `/evenements/{id}/agenda.ics` adds it to a calendar |
//! | `/patrimoine/{id}` | a heritage showcase |
//! | `/actualites/{id}` | a piece of news |
//! | `/services/{id}` | a service |
//! | `/carte` | the map of places and events, with the same filters |
//! | `/annuaire` | places by need, with pictograms |
//! | `/recherche` | search |
//! | `/sitemap.xml`, `/robots.txt` | for search engines |
//! | `/preferences/langue/{fr,en}`, `/preferences/facile/{oui,non}` | the two switches |

pub mod directory;
pub mod follow;
pub mod home;
pub mod map;
pub mod object;
pub mod place;
pub mod prefs;
pub mod search;
pub mod sitemap;

use crate::SiteState;
use crate::context::Ctx;
use crate::view::View;
use axum::Router;
use axum::routing::{get, post};

pub(crate) fn router() -> Router<SiteState> {
    Router::new()
        .route("/", get(home::home))
        .route("/lieux/{username}", get(place::place))
        .route("/lieux/{username}/suivre", post(follow::remote_follow))
        .route("/evenements/{key}", get(object::event))
        .route("/evenements/{key}/agenda.ics", get(object::event_calendar))
        .route("/patrimoine/{key}", get(object::showcase))
        .route("/actualites/{key}", get(object::note))
        .route("/services/{key}", get(object::service))
        .route("/carte", get(map::map))
        .route("/annuaire", get(directory::directory))
        .route("/recherche", get(search::search))
        .route("/sitemap.xml", get(sitemap::sitemap))
        .route("/robots.txt", get(sitemap::robots))
        .route("/preferences/langue/{lang}", get(prefs::language))
        .route("/preferences/facile/{on}", get(prefs::easy_read))
}

impl Ctx {
    /// The view settings of this request.
    pub fn view(&self) -> View {
        View {
            lang: self.lang,
            falc: self.falc,
            now: chrono::Utc::now(),
        }
    }
}
