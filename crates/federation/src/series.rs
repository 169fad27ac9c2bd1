//! Recurring permanences. A series keeps its RRULE and exceptions locally (and in iCalendar);
//! its upcoming occurrences are materialised as events of their own, each federated with
//! `Create`, `Update` (moved, cancelled, series changed) and `Delete` (no longer in the rule).
//! The horizon moves forward as time passes ([`extend_all`], run hourly by the server).

use crate::data::Data;
use crate::error::FederationError;
use crate::outbox::{self, Outgoing};
use chrono::{DateTime, Duration, Utc};
use galaxie_db::ConnectionTrait;
use galaxie_db::entities::{objects, places};
use galaxie_db::objects::ObjectData;
use galaxie_domain::event::{EventStatus, summary_line};
use galaxie_domain::recurrence::{Exception, Occurrence, OccurrenceStatus, Recurrence};
use std::collections::HashMap;

/// How far ahead occurrences are published.
pub fn horizon() -> Duration {
    Duration::weeks(8)
}

/// At most this many occurrences are published at once.
pub const MAX_PUBLISHED: usize = 20;

/// The exceptions stored on a series.
pub fn exceptions(series: &objects::Model) -> Vec<Exception> {
    series
        .exceptions
        .as_deref()
        .and_then(|e| serde_json::from_str(e).ok())
        .unwrap_or_default()
}

/// The series' rule with its exceptions.
pub fn recurrence(series: &objects::Model) -> Result<Recurrence, FederationError> {
    let rule = series
        .rrule
        .as_deref()
        .ok_or(FederationError::NotFound("recurring series"))?;
    let start = series
        .start_time
        .ok_or_else(|| FederationError::Internal("a series without a start".into()))?;
    let tz = series
        .timezone
        .as_deref()
        .and_then(|t| t.parse().ok())
        .unwrap_or(galaxie_domain::event::DEFAULT_TIMEZONE);
    let mut r = Recurrence::parse(rule, start, tz)
        .map_err(|e| FederationError::Internal(format!("stored rule: {e}")))?;
    if let Some(end) = series.end_time.filter(|e| *e > start) {
        r = r
            .with_end(end)
            .map_err(|e| FederationError::Internal(format!("stored rule: {e}")))?;
    }
    r.with_exceptions(exceptions(series))
        .map_err(|e| FederationError::Internal(format!("stored exceptions: {e}")))
}

fn occurrence_data(series: &objects::Model, occurrence: &Occurrence) -> ObjectData {
    let status = match occurrence.status {
        OccurrenceStatus::Cancelled => EventStatus::Cancelled,
        OccurrenceStatus::Moved => EventStatus::Rescheduled,
        OccurrenceStatus::Scheduled => {
            EventStatus::from_ap(series.event_status.as_deref().unwrap_or("EventScheduled"))
        }
    };
    let tz = series
        .timezone
        .as_deref()
        .and_then(|t| t.parse().ok())
        .unwrap_or(galaxie_domain::event::DEFAULT_TIMEZONE);
    let where_ = series
        .location_name
        .clone()
        .or_else(|| series.locality.clone())
        .or_else(|| series.online_url.as_ref().map(|_| "en ligne".to_string()));
    let line = summary_line(
        series.name.as_deref().unwrap_or_default(),
        occurrence.start,
        Some(occurrence.end),
        tz,
        where_.as_deref(),
        series.price.as_deref(),
    );
    let summary = match status.prefix() {
        Some(p) => format!("{p} — {line}"),
        None => line,
    };
    ObjectData {
        ap_id: format!(
            "{}-{}",
            series.ap_id,
            Recurrence::occurrence_id(occurrence.original_start)
        ),
        kind: "Event".into(),
        place_id: series.place_id,
        attributed_to: series.attributed_to.clone(),
        name: series.name.clone(),
        summary: Some(summary),
        content: series.content.clone(),
        url: None,
        start_time: Some(occurrence.start),
        end_time: Some(occurrence.end),
        timezone: series.timezone.clone(),
        location_name: series.location_name.clone(),
        street_address: series.street_address.clone(),
        postal_code: series.postal_code.clone(),
        locality: series.locality.clone(),
        country: series.country.clone(),
        latitude: series.latitude,
        longitude: series.longitude,
        online_url: series.online_url.clone(),
        price: series.price.clone(),
        capacity: series.capacity,
        registration_url: series.registration_url.clone(),
        in_reply_to: None,
        public: true,
        extra: None,
        published: None,
        updated: None,
        summary_falc: series.summary_falc.clone(),
        content_falc: series.content_falc.clone(),
        event_status: Some(status.as_ap().to_string()),
        category: series.category.clone(),
        license: None,
        hashtags: series.hashtags.clone(),
        concepts: series.concepts.clone(),
        booking_url: series.booking_url.clone(),
        opening_hours: None,
        rrule: None,
        exceptions: None,
        series_id: Some(series.id),
        occurrence_start: Some(occurrence.original_start),
    }
}

/// Whether two occurrence rows say the same thing (then no `Update` is sent).
fn same(row: &objects::Model, data: &ObjectData) -> bool {
    row.name == data.name
        && row.summary == data.summary
        && row.content == data.content
        && row.start_time == data.start_time
        && row.end_time == data.end_time
        && row.event_status == data.event_status
        && row.location_name == data.location_name
        && row.street_address == data.street_address
        && row.latitude == data.latitude
        && row.longitude == data.longitude
        && row.price == data.price
        && row.summary_falc == data.summary_falc
        && row.content_falc == data.content_falc
        && row.online_url == data.online_url
        && row.category == data.category
}

/// Brings a series' published occurrences in line with its rule, exceptions and fields, from
/// `now` to the horizon, in `conn` (a transaction): new occurrences are created, changed ones
/// updated, those the rule no longer gives deleted. Past occurrences are left alone.
pub async fn sync<C: ConnectionTrait>(
    conn: &C,
    data: &Data,
    place: &places::Model,
    series: &objects::Model,
    now: DateTime<Utc>,
) -> Result<(), FederationError> {
    // Two processes extending the same series at once would both publish its occurrences.
    galaxie_db::objects::lock_series(conn, series.id).await?;
    let wanted: Vec<Occurrence> = if series.deleted_at.is_some() {
        Vec::new()
    } else {
        recurrence(series)?.occurrences_between_with_cancelled(now, now + horizon(), MAX_PUBLISHED)
    };
    let existing = galaxie_db::objects::occurrences_of(conn, series.id).await?;
    let banner: Vec<i64> = galaxie_db::media::for_object(conn, series.id)
        .await?
        .iter()
        .map(|m| m.id)
        .collect();
    let mut by_start: HashMap<DateTime<Utc>, objects::Model> = existing
        .into_iter()
        .filter_map(|row| row.occurrence_start.map(|s| (s, row)))
        .collect();
    for occurrence in &wanted {
        let fields = occurrence_data(series, occurrence);
        match by_start.remove(&occurrence.original_start) {
            None => {
                let post = galaxie_db::objects::insert(conn, fields).await?;
                galaxie_db::media::attach(conn, post.id, &banner).await?;
                outbox::publish(
                    conn,
                    data,
                    Outgoing::PostCreated {
                        place: place.clone(),
                        post,
                    },
                )
                .await?;
            }
            Some(row) if row.deleted_at.is_none() && !same(&row, &fields) => {
                let mut fields = fields;
                fields.updated = Some(galaxie_db::now());
                let post = galaxie_db::objects::update(conn, row, fields).await?;
                outbox::publish(
                    conn,
                    data,
                    Outgoing::PostUpdated {
                        place: place.clone(),
                        post,
                    },
                )
                .await?;
            }
            Some(_) => {}
        }
    }
    // Occurrences the rule no longer gives (from now on) are withdrawn.
    for (start, row) in by_start {
        let still_future = row.end_time.map(|e| e > now).unwrap_or(start >= now);
        if row.deleted_at.is_none() && still_future {
            let post = galaxie_db::objects::mark_deleted(conn, row).await?;
            outbox::publish(
                conn,
                data,
                Outgoing::PostDeleted {
                    place: place.clone(),
                    post,
                },
            )
            .await?;
        }
    }
    Ok(())
}

/// Moves every series' horizon forward (run periodically).
pub async fn extend_all(data: &Data) -> Result<usize, FederationError> {
    use galaxie_db::TransactionTrait;
    let conn = data.db().conn();
    let series = galaxie_db::objects::live_series(conn).await?;
    let now = galaxie_db::now();
    for row in &series {
        let Some(place_id) = row.place_id else {
            continue;
        };
        let place = galaxie_db::places::by_id(conn, place_id).await?;
        let txn = conn.begin_with_options(galaxie_db::WRITE).await?;
        sync(&txn, data, &place, row, now).await?;
        txn.commit().await?;
    }
    data.ring_delivery_bell();
    Ok(series.len())
}
