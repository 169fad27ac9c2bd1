//! The federated directory, fed from both sides: this instance's places when they are created
//! or changed ([`record_local`], and [`sync_local`] at start), and every remote
//! `Organization` actor each time it is fetched or `Update`d ([`record_remote`], called from
//! `ApubActor::from_json`). What is kept, deduplicated and listed is `galaxie_db::directory`'s.
//!
//! A remote profile is read from the wire as carefully as any remote content: names and free
//! text are made plain, identifiers, hours, e-mails and URLs are kept only when they parse, and
//! vocabulary IRIs become concepts only when they are in our vocabulary.

use crate::data::Data;
use crate::error::FederationError;
use crate::protocol::actor::Actor;
use crate::sanitize::{clean_html, plain_text};
use crate::urls::Urls;
use galaxie_db::directory::{self as db, EntryData, Recorded};
use galaxie_db::entities::places;
use galaxie_db::{ConnectionTrait, TransactionTrait};
use galaxie_domain::identity::{Pivot, parse_email, parse_insee_code};
use galaxie_domain::opendata::html_to_text;
use galaxie_domain::timeline::slugs_from_iris;
use galaxie_domain::vocab::Scheme;
use galaxie_domain::{Concepts, Mobility, PlaceProfile};
use url::Url;

/// The actor type of a place.
pub const PLACE_TYPE: &str = "Organization";

/// Records one of this instance's places (networks are not places and stay out).
pub async fn record_local<C: ConnectionTrait + TransactionTrait>(
    conn: &C,
    urls: &Urls,
    place: &places::Model,
) -> Result<(), FederationError> {
    let ap_id = urls.place(&place.username).to_string();
    if galaxie_db::networks::is_network(place) {
        db::remove(conn, &ap_id).await?;
        return Ok(());
    }
    db::record(
        conn,
        EntryData {
            ap_id,
            place_id: Some(place.id.0),
            profile: galaxie_db::places::profile(place),
            updated: Some(place.updated_at),
        },
    )
    .await?;
    Ok(())
}

/// Records every local place whose entry is missing or behind, and forgets the entries of
/// places that are gone or became networks. Returns how many entries changed.
pub async fn sync_local(data: &Data) -> Result<u64, FederationError> {
    let conn = data.db().conn();
    let entries = db::local_entries(conn).await?;
    let places = galaxie_db::places::list(conn).await?;
    let mut changed = 0;
    let mut kept = std::collections::HashSet::new();
    for place in &places {
        let id: i64 = place.id.0;
        let ap_id = data.urls().place(&place.username).to_string();
        let current = entries.get(&id).is_some_and(|e| {
            e.ap_id == ap_id
                && e.updated == place.updated_at
                && db::profile(e) == galaxie_db::places::profile(place)
        });
        if !galaxie_db::networks::is_network(place) {
            kept.insert(ap_id);
        }
        if !current {
            record_local(conn, data.urls(), place).await?;
            changed += 1;
        }
    }
    for entry in entries.values() {
        if !kept.contains(&entry.ap_id) && db::remove(conn, &entry.ap_id).await? {
            changed += 1;
        }
    }
    Ok(changed)
}

/// Records a remote actor that is a place; an actor that is not (any more) leaves the
/// directory. A failure is logged, never passed on: the directory must not stop an actor
/// from being read.
pub async fn record_remote(data: &Data, actor: &Actor) {
    let conn = data.db().conn();
    let outcome = if actor.kind == PLACE_TYPE {
        db::record(
            conn,
            EntryData {
                ap_id: actor.id.to_string(),
                place_id: None,
                profile: profile_of(actor),
                updated: actor.updated,
            },
        )
        .await
        .map(|(_, recorded)| recorded)
    } else {
        db::remove(conn, actor.id.as_str())
            .await
            .map(|_| Recorded::Unchanged)
    };
    match outcome {
        Ok(Recorded::Stale) => tracing::debug!(
            actor = %actor.id,
            "an older profile than the one in the directory: kept the newer one"
        ),
        Ok(_) => {}
        Err(e) => tracing::warn!(actor = %actor.id, error = %e, "cannot update the directory"),
    }
}

/// The `href` of the first link in a profile field's HTML value.
fn link_in(value: &str) -> Option<Url> {
    let start = value.find("href=\"")? + "href=\"".len();
    let end = value[start..].find('"')? + start;
    let url = Url::parse(&value[start..end].replace("&amp;", "&")).ok()?;
    matches!(url.scheme(), "http" | "https").then_some(url)
}

fn web_url(url: &Url) -> Option<Url> {
    matches!(url.scheme(), "http" | "https").then(|| url.clone())
}

fn text(html: &str, max: usize) -> Option<String> {
    let text = html_to_text(&clean_html(html));
    let text = text.trim();
    (!text.is_empty()).then(|| text.chars().take(max).collect())
}

fn plain(value: &Option<String>, max: usize) -> Option<String> {
    value
        .as_deref()
        .map(|v| plain_text(v, max))
        .filter(|v| !v.trim().is_empty())
}

/// A remote place's profile, as far as its actor document says it (see the module).
pub fn profile_of(actor: &Actor) -> PlaceProfile {
    let terms = &actor.place;
    let location = actor.location.as_ref();
    let mut address = location.map(|l| l.domain_address()).unwrap_or_default();
    address.street_address = plain(&address.street_address, 200);
    address.postal_code = plain(&address.postal_code, 20);
    address.locality = plain(&address.locality, 120);
    address.country = plain(&address.country, 60);
    let site = actor
        .attachment
        .iter()
        .find(|f| f.name == "Site")
        .and_then(|f| link_in(&f.value));
    let slugs = |scheme: Scheme, iris: &[String]| slugs_from_iris(scheme, iris);
    PlaceProfile {
        name: actor
            .name
            .as_deref()
            .or(actor.preferred_username.as_deref())
            .map(|n| plain_text(n, 200))
            .unwrap_or_default(),
        summary: actor.summary.as_deref().and_then(|s| text(s, 280)),
        address,
        geo: location.and_then(|l| l.geo()),
        phone: plain(&actor.telephone, 40),
        website: site,
        opening_hours: actor
            .opening_hours
            .as_deref()
            .map(|h| plain_text(h, 500))
            .filter(|h| galaxie_domain::hours::OpeningHours::parse(h).is_ok()),
        icon: actor.icon.as_ref().and_then(|i| web_url(&i.url)),
        manually_approves_followers: actor.manually_approves_followers,
        pivot: terms.pivot.as_deref().and_then(|p| Pivot::parse(p).ok()),
        legal_form: terms
            .legal_form
            .as_ref()
            .and_then(|f| slugs(Scheme::LegalForm, std::slice::from_ref(f)).pop()),
        address_complement: plain(&terms.address_complement, 200),
        insee_code: terms
            .insee_code
            .as_deref()
            .and_then(|c| parse_insee_code(c).ok()),
        emails: terms
            .email
            .iter()
            .filter_map(|e| parse_email(e).ok())
            .collect(),
        other_websites: terms.websites.iter().filter_map(web_url).collect(),
        description: actor.content.as_deref().and_then(|c| text(c, 10_000)),
        summary_falc: actor
            .summary_map
            .as_ref()
            .and_then(|m| m.get(galaxie_domain::vocab::FALC_LANGUAGE))
            .and_then(|s| text(s, 280)),
        mobility: terms
            .mobility
            .as_deref()
            .and_then(|m| Mobility::parse(m).ok()),
        parent_structure: plain(&terms.parent_structure, 200),
        concepts: Concepts {
            structure_types: slugs(Scheme::StructureType, &terms.structure_types),
            services: slugs(Scheme::Service, &terms.service_types),
            publics: slugs(Scheme::Public, &terms.publics),
            specific_support: slugs(Scheme::SpecificSupport, &terms.specific_support),
            fees: slugs(Scheme::Fee, &terms.fees),
            programmes: slugs(Scheme::Programme, &terms.programmes),
            labels: slugs(Scheme::Label, &terms.labels),
            access_modes: slugs(Scheme::AccessMode, &terms.access_modes),
            support_modes: slugs(Scheme::SupportMode, &terms.support_modes),
        },
        other_labels: plain(&terms.other_labels, 500),
        acceslibre_url: terms.acceslibre.as_ref().and_then(web_url),
        booking_url: terms.booking_url.as_ref().and_then(web_url),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::objects::place::ApubPlace;

    fn urls() -> Urls {
        Urls::new(&Url::parse("https://lieu.example").expect("url"))
    }

    /// A place's actor document read back by another instance gives the same profile: the
    /// directory of a remote instance knows what the place's own instance knows.
    #[test]
    fn a_place_profile_survives_the_wire() {
        let profile = galaxie_domain::NewPlace::parse(galaxie_domain::RawPlace {
            username: Some("quincaillerie".into()),
            name: Some("La Quincaillerie numérique".into()),
            summary: Some("Tiers-lieu numérique : ateliers & accès libre.".into()),
            address: Some("12 bis rue de Leclercq".into()),
            address_complement: Some("Le patio".into()),
            postal_code: Some("51100".into()),
            city: Some("Reims".into()),
            insee_code: Some("51454".into()),
            lat: Some(49.2583),
            lon: Some(4.0317),
            phone: Some("03 26 00 00 00".into()),
            website: Some("https://www.laquincaillerie.tl/".into()),
            other_websites: Some(vec!["https://m.facebook.com/laquincaillerie/".into()]),
            emails: Some(vec!["contact@laquincaillerie.tl".into()]),
            hours: Some("Mo-Fr 09:00-12:00,14:00-18:30".into()),
            pivot: Some("43493312300029".into()),
            legal_form: Some("association".into()),
            description: Some("Un parcours d'initiation.".into()),
            summary_falc: Some("Un lieu pour apprendre l'ordinateur.".into()),
            mobility: Some("both".into()),
            parent_structure: Some("Ville de Reims".into()),
            structure_types: Some(vec!["tiers-lieux".into()]),
            services: Some(vec!["aide-demarches-administratives".into()]),
            publics: Some(vec!["seniors".into()]),
            fees: Some(vec!["gratuit".into()]),
            labels: Some(vec!["fabriques-de-territoire".into()]),
            access_modes: Some(vec!["se-presenter".into()]),
            other_labels: Some("Label local".into()),
            acceslibre_url: Some("https://acceslibre.beta.gouv.fr/x/".into()),
            booking_url: Some("https://rdv.example/".into()),
            ..Default::default()
        })
        .expect("place")
        .profile;
        let row = places::Model {
            id: galaxie_db::PlaceId(1),
            username: "quincaillerie".into(),
            name: profile.name.clone(),
            summary: profile.summary.clone(),
            street_address: profile.address.street_address.clone(),
            postal_code: profile.address.postal_code.clone(),
            locality: profile.address.locality.clone(),
            country: profile.address.country.clone(),
            latitude: profile.geo.map(|g| g.latitude),
            longitude: profile.geo.map(|g| g.longitude),
            phone: profile.phone.clone(),
            website: profile.website.as_ref().map(ToString::to_string),
            opening_hours: profile.opening_hours.clone(),
            icon_url: None,
            manually_approves_followers: false,
            public_key_pem: String::new(),
            private_key_pem: String::new(),
            created_at: chrono::Utc::now(),
            updated_at: chrono::Utc::now(),
            pivot: profile.pivot.as_ref().map(ToString::to_string),
            legal_form: profile.legal_form.clone(),
            address_complement: profile.address_complement.clone(),
            insee_code: profile.insee_code.clone(),
            emails: Some(serde_json::to_string(&profile.emails).expect("json")),
            other_websites: Some(
                serde_json::to_string(
                    &profile
                        .other_websites
                        .iter()
                        .map(ToString::to_string)
                        .collect::<Vec<_>>(),
                )
                .expect("json"),
            ),
            description: profile.description.clone(),
            summary_falc: profile.summary_falc.clone(),
            mobility: profile.mobility.map(|m| m.as_str().to_string()),
            parent_structure: profile.parent_structure.clone(),
            concepts: Some(serde_json::to_string(&profile.concepts).expect("json")),
            other_labels: profile.other_labels.clone(),
            acceslibre_url: profile.acceslibre_url.as_ref().map(ToString::to_string),
            booking_url: profile.booking_url.as_ref().map(ToString::to_string),
            external_id: None,
            external_source: None,
            external_updated_on: None,
            kind: galaxie_db::networks::KIND_PLACE.into(),
            join_policy: None,
            cooperation_frameworks: None,
        };
        let urls = urls();
        let json = ApubPlace::new(row, &urls).to_json(&urls);
        let wire: Actor =
            serde_json::from_value(serde_json::to_value(&json).expect("json")).expect("actor");
        assert_eq!(profile_of(&wire), profile);
    }

    #[test]
    fn hostile_or_broken_values_are_left_out() {
        let wire: Actor = serde_json::from_value(serde_json::json!({
            "id": "https://autre.example/places/x",
            "type": "Organization",
            "name": "<b>Lieu</b> <script>alert(1)</script>",
            "inbox": "https://autre.example/inbox",
            "publicKey": { "id": "https://autre.example/places/x#key", "owner": "https://autre.example/places/x", "publicKeyPem": "" },
            "openingHours": "9h-12h",
            "pivot": "12345678901234",
            "inseeCode": "20004",
            "email": ["pas-un-courriel", "contact@autre.example"],
            "fees": ["https://galaxie.tiers-lieux.fr/ns#fee/gratuit", "https://galaxie.tiers-lieux.fr/ns#fee/inexistant"],
            "websites": ["javascript:alert(1)", "https://autre.example/"],
            "icon": { "type": "Image", "url": "ftp://autre.example/logo.png" }
        }))
        .expect("actor");
        let p = profile_of(&wire);
        assert!(!p.name.contains('<'), "{}", p.name);
        assert_eq!(p.opening_hours, None);
        assert_eq!(p.pivot, None);
        assert_eq!(p.insee_code, None);
        assert_eq!(p.emails, ["contact@autre.example"]);
        assert_eq!(p.concepts.fees, ["gratuit"]);
        assert_eq!(p.other_websites.len(), 1);
        assert_eq!(p.icon, None);
    }
}
