//! Funding calls (veille des financements), local and received: a `Page` with Galaxie's
//! funding terms on the wire.

use crate::ids::PlaceId;
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "funding_calls")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    #[sea_orm(unique)]
    pub ap_id: String,
    /// The local place or network that published it; `None` when received.
    pub place_id: Option<PlaceId>,
    pub attributed_to: String,
    pub name: String,
    /// The one line Mastodon shows.
    pub summary: String,
    pub summary_falc: Option<String>,
    /// Sanitised HTML.
    pub content: Option<String>,
    /// Sanitised HTML, easy-read.
    pub content_falc: Option<String>,
    pub funder: Option<String>,
    pub programme: Option<String>,
    /// Last day to apply; `None`: no deadline.
    pub deadline: Option<Date>,
    pub opening_date: Option<Date>,
    /// JSON array of `legal-form` slugs.
    pub legal_forms: String,
    /// JSON array of `structure-type` slugs.
    pub structure_types: String,
    /// JSON array of territory codes (`region:44`…); empty: France.
    pub territory: String,
    /// JSON array of `service` slugs.
    pub themes: String,
    pub amount_max: Option<i64>,
    pub rate_max: Option<i32>,
    pub amount_text: Option<String>,
    pub how_to_apply: Option<String>,
    pub application_url: Option<String>,
    pub source_url: Option<String>,
    /// Normalised funder, title and deadline (`galaxie_domain::funding::dedup_key`).
    pub dedup_key: String,
    /// The feed or file it was imported from.
    pub imported_from: Option<String>,
    pub published: DateTimeUtc,
    pub updated: Option<DateTimeUtc>,
    pub deleted_at: Option<DateTimeUtc>,
    pub received_at: DateTimeUtc,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
