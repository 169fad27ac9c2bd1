//! Local places: each is an `Organization` actor with its own key pair.

use crate::ids::PlaceId;
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "places")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: PlaceId,
    #[sea_orm(unique)]
    pub username: String,
    pub name: String,
    pub summary: Option<String>,
    pub street_address: Option<String>,
    pub postal_code: Option<String>,
    pub locality: Option<String>,
    pub country: Option<String>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub phone: Option<String>,
    pub website: Option<String>,
    pub opening_hours: Option<String>,
    pub icon_url: Option<String>,
    pub manually_approves_followers: bool,
    pub public_key_pem: String,
    pub private_key_pem: String,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub pivot: Option<String>,
    pub legal_form: Option<String>,
    pub address_complement: Option<String>,
    pub insee_code: Option<String>,
    /// JSON array of strings.
    pub emails: Option<String>,
    /// JSON array of URLs.
    pub other_websites: Option<String>,
    pub description: Option<String>,
    pub summary_falc: Option<String>,
    pub mobility: Option<String>,
    pub parent_structure: Option<String>,
    /// JSON object of concept slugs by scheme.
    pub concepts: Option<String>,
    pub other_labels: Option<String>,
    pub acceslibre_url: Option<String>,
    pub booking_url: Option<String>,
    /// The `id` of the open-data row (MedNum) the place was imported from.
    pub external_id: Option<String>,
    /// That row's `source`.
    pub external_source: Option<String>,
    /// That row's `date_maj`.
    pub external_updated_on: Option<Date>,
    /// `place` (an `Organization`) or `network` (a `Group`): see [`crate::networks`].
    pub kind: String,
    /// A network's membership policy: `open` or `approval`.
    pub join_policy: Option<String>,
    /// Cooperation frameworks (a JSON array of `cooperation-framework` slugs), set by
    /// `galaxie_db::cooperation::set_frameworks`.
    pub cooperation_frameworks: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
