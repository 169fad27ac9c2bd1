//! The federated directory: one row per place known to this instance, local or remote, with
//! the columns its filters and exports read, and its cluster (the entries that are the same
//! place published by several instances).

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "directory")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    /// The place's actor id.
    #[sea_orm(unique)]
    pub ap_id: String,
    /// The local place, for entries of this instance.
    pub place_id: Option<i64>,
    /// Whether the place is one of this instance's.
    pub local: bool,
    pub name: String,
    /// `galaxie_domain::directory::name_key`: the order of the listing.
    pub name_key: String,
    /// SIRET, SIREN or RNA.
    pub pivot: Option<String>,
    /// `galaxie_domain::directory::address_key`.
    pub address_key: Option<String>,
    pub street_address: Option<String>,
    pub postal_code: Option<String>,
    pub locality: Option<String>,
    /// INSEE commune code.
    pub insee_code: Option<String>,
    /// Département code (`51`, `2A`, `974`).
    pub departement: Option<String>,
    /// Région code (`44`).
    pub region: Option<String>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    /// JSON object of concept slugs by scheme (`galaxie_domain::Concepts`).
    pub concepts: Option<String>,
    /// OSM syntax.
    pub opening_hours: Option<String>,
    /// The whole profile (`galaxie_domain::PlaceProfile`) as JSON, for the exports.
    pub profile: String,
    /// When the place says its profile last changed; never goes backwards.
    pub updated: DateTimeUtc,
    /// When this instance last read the profile.
    pub last_seen: DateTimeUtc,
    /// The id of an entry of its cluster; equal for the entries that are the same place.
    pub cluster_id: i64,
    /// Whether this entry is the one its cluster lists (the freshest).
    pub canonical: bool,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
