//! What the public feeds read (Atom, RSS, JSON Feed, iCalendar, GeoJSON): this instance's
//! public, live notes and events, one place's or every place's, and the places on a map.

use crate::entities::{objects, places};
use crate::{PlaceId, Result};
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

/// The ActivityStreams types the feeds carry.
pub const FEED_KINDS: [&str; 2] = ["Note", "Event"];

/// Local (published by one of our places), public and not deleted; one place's when given.
fn published_here(place: Option<PlaceId>) -> sea_orm::Select<objects::Entity> {
    let query = objects::Entity::find()
        .filter(objects::Column::PlaceId.is_not_null())
        .filter(objects::Column::Public.eq(true))
        .filter(objects::Column::DeletedAt.is_null());
    match place {
        Some(place) => query.filter(objects::Column::PlaceId.eq(place)),
        None => query,
    }
}

/// The latest notes and events, newest publication first, at most `limit`. A recurring series
/// appears through its published occurrences.
pub async fn latest_posts<C: ConnectionTrait>(
    conn: &C,
    place: Option<PlaceId>,
    limit: u64,
) -> Result<Vec<objects::Model>> {
    Ok(published_here(place)
        .filter(objects::Column::Kind.is_in(FEED_KINDS))
        .filter(objects::Column::Rrule.is_null())
        .order_by_desc(objects::Column::Published)
        .order_by_desc(objects::Column::Id)
        .limit(limit)
        .all(conn)
        .await?)
}

/// Events that have a start, latest start first, at most `limit`: what a calendar shows. A
/// recurring series is one event with its rule; its materialised occurrences are left out.
pub async fn events<C: ConnectionTrait>(
    conn: &C,
    place: Option<PlaceId>,
    limit: u64,
) -> Result<Vec<objects::Model>> {
    Ok(published_here(place)
        .filter(objects::Column::Kind.eq("Event"))
        .filter(objects::Column::SeriesId.is_null())
        .filter(objects::Column::StartTime.is_not_null())
        .order_by_desc(objects::Column::StartTime)
        .order_by_desc(objects::Column::Id)
        .limit(limit)
        .all(conn)
        .await?)
}

/// This instance's places that have both coordinates, by username.
pub async fn places_on_map<C: ConnectionTrait>(conn: &C) -> Result<Vec<places::Model>> {
    Ok(places::Entity::find()
        .filter(places::Column::Kind.eq(crate::networks::KIND_PLACE))
        .filter(places::Column::Latitude.is_not_null())
        .filter(places::Column::Longitude.is_not_null())
        .order_by_asc(places::Column::Username)
        .all(conn)
        .await?)
}
