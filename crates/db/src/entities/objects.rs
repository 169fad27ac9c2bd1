//! Notes, events, articles and pages, local and received, in one table: the timeline's source.

use crate::ids::PlaceId;
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "objects")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i64,
    #[sea_orm(unique)]
    pub ap_id: String,
    /// ActivityStreams type: `Note`, `Event`, `Article`, `Page`.
    pub kind: String,
    /// The local place that published it; `None` for received objects.
    pub place_id: Option<PlaceId>,
    pub attributed_to: String,
    pub name: Option<String>,
    pub summary: Option<String>,
    /// Sanitised HTML.
    pub content: Option<String>,
    pub url: Option<String>,
    pub start_time: Option<DateTimeUtc>,
    pub end_time: Option<DateTimeUtc>,
    pub timezone: Option<String>,
    pub location_name: Option<String>,
    pub street_address: Option<String>,
    pub postal_code: Option<String>,
    pub locality: Option<String>,
    pub country: Option<String>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    pub online_url: Option<String>,
    pub price: Option<String>,
    pub capacity: Option<i32>,
    pub registration_url: Option<String>,
    pub in_reply_to: Option<String>,
    pub public: bool,
    /// Fields we keep but do not index, as JSON.
    pub extra: Option<String>,
    pub published: DateTimeUtc,
    pub updated: Option<DateTimeUtc>,
    /// Set when deleted: the id then answers with a `Tombstone`.
    pub deleted_at: Option<DateTimeUtc>,
    /// When this instance published or received it: the timeline's order.
    pub received_at: DateTimeUtc,
    /// Easy-read (FALC) one-line summary (`summaryMap["fr-x-falc"]`).
    pub summary_falc: Option<String>,
    /// Easy-read (FALC) content, sanitised HTML (`contentMap["fr-x-falc"]`).
    pub content_falc: Option<String>,
    /// FEP-8a8e event status (`EventScheduled`, `EventCancelled`…).
    pub event_status: Option<String>,
    /// FEP-8a8e category.
    pub category: Option<String>,
    /// Licence URL (FEP-c118).
    pub license: Option<String>,
    /// JSON array of hashtags, without `#`.
    pub hashtags: Option<String>,
    /// JSON object of vocabulary concept slugs by scheme.
    pub concepts: Option<String>,
    pub booking_url: Option<String>,
    /// Own opening hours (services), OSM syntax.
    pub opening_hours: Option<String>,
    /// RRULE of a recurring series.
    pub rrule: Option<String>,
    /// JSON array of a series' exceptions (cancelled or moved occurrences).
    pub exceptions: Option<String>,
    /// For an occurrence: its series' row id.
    pub series_id: Option<i64>,
    /// For an occurrence: its original start in the series.
    pub occurrence_start: Option<DateTimeUtc>,
    /// INSEE commune code of where it is (`galaxie_domain::territory::place_object`).
    pub insee_code: Option<String>,
    /// Département code of where it is.
    pub departement: Option<String>,
    /// Région code of where it is.
    pub region: Option<String>,
    /// The point the map filters use: its own, or its author place's.
    pub area_latitude: Option<f64>,
    /// See `area_latitude`.
    pub area_longitude: Option<f64>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
