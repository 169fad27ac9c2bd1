//! Local places.

use crate::entities::places::{self, ActiveModel, Column, Entity, Model};
use crate::{DbError, PlaceId, Result, now};
use galaxie_domain::identity::Pivot;
use galaxie_domain::{Concepts, GeoPoint, Mobility, NewPlace, PlaceProfile, PostalAddress};
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter,
    QueryOrder,
};

/// A place's RSA key pair, PEM-encoded.
#[derive(Clone)]
pub struct KeyPair {
    /// SPKI PEM.
    pub public_key_pem: String,
    /// PKCS#8 PEM.
    pub private_key_pem: String,
}

fn apply_profile(active: &mut ActiveModel, p: &PlaceProfile) {
    active.name = Set(p.name.clone());
    active.summary = Set(p.summary.clone());
    active.street_address = Set(p.address.street_address.clone());
    active.postal_code = Set(p.address.postal_code.clone());
    active.locality = Set(p.address.locality.clone());
    active.country = Set(p.address.country.clone());
    active.latitude = Set(p.geo.map(|g| g.latitude));
    active.longitude = Set(p.geo.map(|g| g.longitude));
    active.phone = Set(p.phone.clone());
    active.website = Set(p.website.as_ref().map(ToString::to_string));
    active.opening_hours = Set(p.opening_hours.clone());
    active.icon_url = Set(p.icon.as_ref().map(ToString::to_string));
    active.manually_approves_followers = Set(p.manually_approves_followers);
    active.pivot = Set(p.pivot.as_ref().map(ToString::to_string));
    active.legal_form = Set(p.legal_form.clone());
    active.address_complement = Set(p.address_complement.clone());
    active.insee_code = Set(p.insee_code.clone());
    active.emails = Set(json_list(&p.emails));
    active.other_websites = Set(json_list(
        &p.other_websites
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>(),
    ));
    active.description = Set(p.description.clone());
    active.summary_falc = Set(p.summary_falc.clone());
    active.mobility = Set(p.mobility.map(|m| m.as_str().to_string()));
    active.parent_structure = Set(p.parent_structure.clone());
    active.concepts = Set((p.concepts != Concepts::default())
        .then(|| serde_json::to_string(&p.concepts).unwrap_or_default()));
    active.other_labels = Set(p.other_labels.clone());
    active.acceslibre_url = Set(p.acceslibre_url.as_ref().map(ToString::to_string));
    active.booking_url = Set(p.booking_url.as_ref().map(ToString::to_string));
}

fn json_list(values: &[String]) -> Option<String> {
    (!values.is_empty()).then(|| serde_json::to_string(values).unwrap_or_default())
}

fn read_list(value: &Option<String>) -> Vec<String> {
    value
        .as_deref()
        .and_then(|v| serde_json::from_str(v).ok())
        .unwrap_or_default()
}

/// Creates a place with its key pair.
pub async fn insert<C: ConnectionTrait>(
    conn: &C,
    place: &NewPlace,
    keys: KeyPair,
) -> Result<Model> {
    let now = now();
    let mut active = ActiveModel {
        username: Set(place.username.to_string()),
        public_key_pem: Set(keys.public_key_pem),
        private_key_pem: Set(keys.private_key_pem),
        created_at: Set(now),
        updated_at: Set(now),
        kind: Set(crate::networks::KIND_PLACE.to_string()),
        join_policy: Set(None),
        ..Default::default()
    };
    apply_profile(&mut active, &place.profile);
    active
        .insert(conn)
        .await
        .map_err(|e| DbError::unique(e, "a place with this username"))
}

/// Replaces a place's profile.
pub async fn update_profile<C: ConnectionTrait>(
    conn: &C,
    place: &Model,
    profile: &PlaceProfile,
) -> Result<Model> {
    let mut active: ActiveModel = place.clone().into();
    apply_profile(&mut active, profile);
    active.updated_at = Set(now());
    Ok(active.update(conn).await?)
}

/// Finds a place by username.
pub async fn by_username<C: ConnectionTrait>(conn: &C, username: &str) -> Result<Option<Model>> {
    Ok(Entity::find()
        .filter(Column::Username.eq(username))
        .one(conn)
        .await?)
}

/// Finds a place by username, or says it does not exist.
pub async fn get_by_username<C: ConnectionTrait>(conn: &C, username: &str) -> Result<Model> {
    by_username(conn, username)
        .await?
        .ok_or(DbError::NotFound("place"))
}

/// Finds a place by id.
pub async fn by_id<C: ConnectionTrait>(conn: &C, id: PlaceId) -> Result<Model> {
    Entity::find_by_id(id)
        .one(conn)
        .await?
        .ok_or(DbError::NotFound("place"))
}

/// Every local actor of this instance, places and networks, by username.
pub async fn list_all<C: ConnectionTrait>(conn: &C) -> Result<Vec<Model>> {
    Ok(Entity::find()
        .order_by_asc(Column::Username)
        .all(conn)
        .await?)
}

/// Every place of this instance (networks excepted), by username.
pub async fn list<C: ConnectionTrait>(conn: &C) -> Result<Vec<Model>> {
    Ok(Entity::find()
        .filter(Column::Kind.eq(crate::networks::KIND_PLACE))
        .order_by_asc(Column::Username)
        .all(conn)
        .await?)
}

/// The profile stored in a row.
pub fn profile(place: &places::Model) -> PlaceProfile {
    PlaceProfile {
        name: place.name.clone(),
        summary: place.summary.clone(),
        address: PostalAddress {
            street_address: place.street_address.clone(),
            postal_code: place.postal_code.clone(),
            locality: place.locality.clone(),
            country: place.country.clone(),
        },
        geo: match (place.latitude, place.longitude) {
            (Some(latitude), Some(longitude)) => Some(GeoPoint {
                latitude,
                longitude,
            }),
            _ => None,
        },
        phone: place.phone.clone(),
        website: place.website.as_deref().and_then(|w| w.parse().ok()),
        opening_hours: place.opening_hours.clone(),
        icon: place.icon_url.as_deref().and_then(|w| w.parse().ok()),
        manually_approves_followers: place.manually_approves_followers,
        pivot: place.pivot.as_deref().and_then(|p| Pivot::parse(p).ok()),
        legal_form: place.legal_form.clone(),
        address_complement: place.address_complement.clone(),
        insee_code: place.insee_code.clone(),
        emails: read_list(&place.emails),
        other_websites: read_list(&place.other_websites)
            .iter()
            .filter_map(|u| u.parse().ok())
            .collect(),
        description: place.description.clone(),
        summary_falc: place.summary_falc.clone(),
        mobility: place
            .mobility
            .as_deref()
            .and_then(|m| Mobility::parse(m).ok()),
        parent_structure: place.parent_structure.clone(),
        concepts: place
            .concepts
            .as_deref()
            .and_then(|c| serde_json::from_str(c).ok())
            .unwrap_or_default(),
        other_labels: place.other_labels.clone(),
        acceslibre_url: place.acceslibre_url.as_deref().and_then(|u| u.parse().ok()),
        booking_url: place.booking_url.as_deref().and_then(|u| u.parse().ok()),
    }
}

/// Replaces a place's key pair (key rotation). Peers refetch the actor when a signature made
/// with the new key fails against the old one.
pub async fn replace_keys<C: ConnectionTrait>(
    conn: &C,
    place: &Model,
    keys: KeyPair,
) -> Result<Model> {
    let mut active: ActiveModel = place.clone().into();
    active.public_key_pem = Set(keys.public_key_pem);
    active.private_key_pem = Set(keys.private_key_pem);
    active.updated_at = Set(now());
    Ok(active.update(conn).await?)
}
