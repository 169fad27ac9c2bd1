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
//! | `/lieux/{username}/financements`, `…/archives` | the funding calls a place may apply to; the closed ones |
//! | `/financements/{id}` | a funding call |
//! | `/carte` | the map of places and events, with the same filters |
//! | `/cooperations` | offers and requests between places (FEP-0837), filtered; answer one |
//! | `/lieux/{username}/cooperation`, `…/code-source` | a place's proposals and agreements; its code source and forks |
//! | `/annuaire` | places by need, with pictograms |
//! | `/orientation`, `/passeport` | the Passeport numérique: questionnaire, results, printable sheet |
//! | `/recherche` | search |
//! | `/sitemap.xml`, `/robots.txt` | for search engines |
//! | `/preferences/langue/{fr,en}`, `/preferences/facile/{oui,non}` | the two switches |

pub mod cooperation;
pub mod directory;
pub mod follow;
pub mod funding;
pub mod home;
pub mod labels;
pub mod map;
pub mod object;
pub mod orientation;
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
        .route("/lieux/{username}/financements", get(funding::list))
        .route(
            "/lieux/{username}/financements/archives",
            get(funding::archive),
        )
        .route("/financements/{id}", get(funding::call))
        .route("/carte", get(map::map))
        .route("/cooperations", get(cooperation::list))
        .route("/lieux/{username}/cooperation", get(cooperation::place))
        .route("/lieux/{username}/code-source", get(cooperation::source))
        .route("/annuaire", get(directory::directory))
        .route("/recherche", get(search::search))
        .route("/sitemap.xml", get(sitemap::sitemap))
        .route("/robots.txt", get(sitemap::robots))
        .route("/preferences/langue/{lang}", get(prefs::language))
        .route("/preferences/facile/{on}", get(prefs::easy_read))
        .merge(orientation::router())
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
