//! The directory by need: a grid of needs, each a pictogram and a plain label ("Faire mes
//! démarches", "Utiliser un ordinateur"…), and the places that answer the chosen one, with
//! whether they are open now: this instance's places and those it knows from the federation
//! (the federated directory, `galaxie_db::directory`, one entry per place). A person and a
//! mediator can pick a need together and print the list.

use crate::context::{Ctx, Meta};
use crate::error::SiteResult;
use crate::view::{self, OpenNow, Picto, Text};
use axum::extract::Query;
use axum::response::Response;
use galaxie_db::directory::DirectoryFilter;
use galaxie_db::entities::{directory, places};
use galaxie_domain::vocab::{self, Scheme};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// The directory's query string.
#[derive(Debug, Default, Deserialize)]
pub struct DirectoryQuery {
    /// A need (a `service` concept slug).
    #[serde(default)]
    pub besoin: Option<String>,
    /// A town or postal code.
    #[serde(default)]
    pub lieu: Option<String>,
    /// Only places open now.
    #[serde(default)]
    pub ouvert: Option<String>,
}

/// A need in the grid.
#[derive(Debug, Serialize)]
pub struct Need {
    pub picto: Picto,
    pub href: String,
    pub current: bool,
}

/// A place in the list.
#[derive(Debug, Serialize)]
pub struct PlaceCard {
    pub name: Text,
    pub href: String,
    pub summary: Option<Text>,
    pub address: Option<String>,
    pub open: Option<OpenNow>,
    pub pictos: Vec<Picto>,
}

/// A place as a card with its service pictograms.
pub fn card(v: &view::View, p: &places::Model) -> PlaceCard {
    let profile = galaxie_db::places::profile(p);
    let (_, open) = v.hours(p.opening_hours.as_deref());
    let mut pictos = v.pictos(Scheme::Service, &profile.concepts.services);
    pictos.extend(v.pictos(Scheme::Fee, &profile.concepts.fees));
    PlaceCard {
        name: v.text(&p.name, None),
        href: view::place_path(&p.username),
        summary: p
            .summary
            .as_deref()
            .map(|s| v.text(s, p.summary_falc.as_deref())),
        address: view::place_address(p),
        open,
        pictos,
    }
}

/// An entry of the federated directory as a card: this instance's places link to their page
/// here, the others to their actor (their own instance's page).
pub fn entry_card(
    v: &view::View,
    e: &directory::Model,
    usernames: &HashMap<i64, String>,
) -> PlaceCard {
    let profile = galaxie_db::directory::profile(e);
    let concepts = galaxie_db::directory::concepts(e);
    let (_, open) = v.hours(e.opening_hours.as_deref());
    let mut pictos = v.pictos(Scheme::Service, &concepts.services);
    pictos.extend(v.pictos(Scheme::Fee, &concepts.fees));
    let city = [e.postal_code.as_deref(), e.locality.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    let address = [e.street_address.as_deref(), Some(city.as_str())]
        .into_iter()
        .flatten()
        .filter(|s| !s.trim().is_empty())
        .collect::<Vec<_>>()
        .join(", ");
    let href = e
        .place_id
        .filter(|_| e.local)
        .and_then(|id| usernames.get(&id))
        .map(|u| view::place_path(u))
        .unwrap_or_else(|| e.ap_id.clone());
    PlaceCard {
        name: v.text(&e.name, None),
        href,
        summary: profile
            .summary
            .as_deref()
            .map(|s| v.text(s, profile.summary_falc.as_deref())),
        address: (!address.is_empty()).then_some(address),
        open,
        pictos,
    }
}

/// Whether a place offers `need` (or one of its narrower services).
pub fn offers(p: &places::Model, need: &vocab::Concept) -> bool {
    galaxie_db::places::profile(p)
        .concepts
        .services
        .iter()
        .any(|s| {
            s == need.slug
                || vocab::by_slug(Scheme::Service, s).is_some_and(|c| c.broader == Some(need.slug))
        })
}

/// The directory filter of a need and a town: the need (with its narrower services) and, when
/// the town is a département code (`51`, `2A`), that département; a town name or a postal code
/// is checked on the entries with [`town_of_entry_matches`].
pub fn directory_filter(need: Option<&vocab::Concept>, town: &str) -> DirectoryFilter {
    let mut filter = DirectoryFilter::default();
    if let Some(n) = need
        && let Ok(f) = galaxie_domain::timeline::resolve_in(Scheme::Service, n.slug)
    {
        filter.concepts.push(f.paths);
    }
    let town = town.trim();
    if (1..=3).contains(&town.len())
        && let Some(d) = galaxie_domain::territory::departement(town)
    {
        filter.departement = Some(d.code.to_string());
    }
    filter
}

/// Whether an entry is in the town asked for (a name, a postal code or its start).
pub fn town_of_entry_matches(town: &str, e: &directory::Model) -> bool {
    town.is_empty()
        || crate::pages::home::town_matches(town, e.postal_code.as_deref(), e.locality.as_deref())
        || e.departement
            .as_deref()
            .is_some_and(|d| d.eq_ignore_ascii_case(town))
}

/// This instance's place usernames by row id.
pub async fn usernames(conn: &galaxie_db::DatabaseConnection) -> SiteResult<HashMap<i64, String>> {
    Ok(galaxie_db::places::list_all(conn)
        .await?
        .into_iter()
        .map(|p| (p.id.0, p.username))
        .collect())
}

/// The most places one directory page lists.
pub const MAX_PLACES: u64 = 200;

#[derive(Serialize)]
struct DirectoryData {
    needs: Vec<Need>,
    need: Option<Picto>,
    places: Vec<PlaceCard>,
    town: String,
    open_only: bool,
    town_field: crate::forms::Field,
    open_field: crate::forms::Field,
    besoin: String,
}

/// `/annuaire`.
pub async fn directory(ctx: Ctx, Query(q): Query<DirectoryQuery>) -> SiteResult<Response> {
    let data = ctx.state.data();
    let conn = data.db().conn().clone();
    let v = ctx.view();
    let need = q
        .besoin
        .as_deref()
        .map(str::trim)
        .and_then(|b| vocab::by_slug(Scheme::Service, b));
    let town = q.lieu.clone().unwrap_or_default().trim().to_lowercase();
    let open_only = q.ouvert.as_deref().is_some_and(|o| !o.is_empty());
    let needs = Scheme::Service
        .top_concepts()
        .filter_map(|c| {
            let picto = v.picto(Scheme::Service, c.slug)?;
            let mut href = url::form_urlencoded::Serializer::new(String::from("/annuaire?"));
            href.append_pair("besoin", c.slug);
            if !town.is_empty() {
                href.append_pair("lieu", &town);
            }
            Some(Need {
                picto,
                href: href.finish(),
                current: need.is_some_and(|n| n.slug == c.slug),
            })
        })
        .collect();
    // The federated directory: this instance's places and those it has read elsewhere, one
    // entry per place.
    let mut filter = directory_filter(need, &town);
    if open_only {
        filter.open_at = Some(chrono::Utc::now());
    }
    let names = usernames(&conn).await?;
    let places: Vec<PlaceCard> = galaxie_db::directory::list(&conn, &filter, MAX_PLACES, None)
        .await?
        .items
        .iter()
        .filter(|e| town_of_entry_matches(&town, e))
        .map(|e| entry_card(&v, e, &names))
        .collect();
    let title = match need.and_then(|n| v.picto(Scheme::Service, n.slug)) {
        Some(p) => ctx.tr("directory-title-need", &[("need", p.label.into())]),
        None => ctx.t("directory-title"),
    };
    let meta = Meta {
        description: Some(ctx.t("directory-intro")),
        canonical: Some(ctx.absolute("/annuaire")),
        og_type: "website",
        ..Default::default()
    };
    let base = ctx.base(&title, "directory", meta);
    let town_field = crate::forms::Field::new("lieu", ctx.t("filter-town"))
        .value(q.lieu.clone().unwrap_or_default())
        .hint(ctx.t("filter-town-hint"))
        .autocomplete("address-level2");
    let open_field = crate::forms::Field::new("ouvert", ctx.t("directory-open-now"))
        .kind("checkbox")
        .checked(open_only);
    ctx.page(
        "directory.html",
        base,
        DirectoryData {
            needs,
            need: need.and_then(|n| v.picto(Scheme::Service, n.slug)),
            places,
            town,
            open_only,
            town_field,
            open_field,
            besoin: need.map(|n| n.slug.to_string()).unwrap_or_default(),
        },
    )
}
