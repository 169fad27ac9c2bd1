//! The operations the CLI and the JSON API share. Each validates its input, changes the
//! database and tells the outbox in one transaction, then rings the delivery worker.

use crate::data::Data;
use crate::error::FederationError;
use crate::outbox::{self, Outgoing};
use crate::signatures::generate_keypair;
use galaxie_db::TransactionTrait;
use galaxie_db::entities::followers::FollowStatus;
use galaxie_db::entities::{followers, followings, objects, places};
use galaxie_db::objects::ObjectData;
use galaxie_domain::{
    NewEvent, NewNote, NewPlace, NewService, NewShowcase, RawEvent, RawPlaceUpdate,
};
use serde_json::json;

/// Creates a place (and its key pair).
pub async fn create_place(data: &Data, place: NewPlace) -> Result<places::Model, FederationError> {
    let conn = data.db().conn();
    if galaxie_db::places::by_username(conn, place.username.as_str())
        .await?
        .is_some()
    {
        return Err(galaxie_domain::ValidationErrors::single(
            "username",
            format!("is already taken: a place named {} exists", place.username),
        )
        .into());
    }
    let keys = tokio::task::spawn_blocking(generate_keypair)
        .await
        .map_err(|e| FederationError::Internal(e.to_string()))??;
    let txn = conn.begin_with_options(galaxie_db::WRITE).await?;
    let created = galaxie_db::places::insert(&txn, &place, keys).await?;
    crate::directory::record_local(&txn, data.urls(), &created).await?;
    txn.commit().await?;
    Ok(created)
}

/// Finds a place by username.
pub async fn place(data: &Data, username: &str) -> Result<places::Model, FederationError> {
    Ok(galaxie_db::places::get_by_username(data.db().conn(), username).await?)
}

/// Updates a place's profile and tells its followers.
pub async fn update_place(
    data: &Data,
    username: &str,
    update: RawPlaceUpdate,
) -> Result<places::Model, FederationError> {
    let current = place(data, username).await?;
    let profile = update.apply(galaxie_db::places::profile(&current))?;
    let txn = data
        .db()
        .conn()
        .begin_with_options(galaxie_db::WRITE)
        .await?;
    let updated = galaxie_db::places::update_profile(&txn, &current, &profile).await?;
    crate::directory::record_local(&txn, data.urls(), &updated).await?;
    outbox::publish(
        &txn,
        data,
        Outgoing::PlaceUpdated {
            place: updated.clone(),
        },
    )
    .await?;
    txn.commit().await?;
    data.ring_delivery_bell();
    Ok(updated)
}

fn note_data(data: &Data, place: &places::Model, note: &NewNote) -> ObjectData {
    ObjectData {
        ap_id: data.urls().new_object().to_string(),
        kind: "Note".into(),
        place_id: Some(place.id),
        attributed_to: data.urls().place(&place.username).to_string(),
        content: Some(note.html()),
        content_falc: note
            .text_falc
            .as_deref()
            .map(galaxie_domain::text::plain_text_to_html),
        public: true,
        ..Default::default()
    }
}

fn event_data(data: &Data, place: &places::Model, event: &NewEvent) -> ObjectData {
    let location = event.location.clone().unwrap_or_default();
    ObjectData {
        ap_id: data.urls().new_object().to_string(),
        kind: "Event".into(),
        place_id: Some(place.id),
        attributed_to: data.urls().place(&place.username).to_string(),
        name: Some(event.name.clone()),
        summary: Some(event.summary_line()),
        content: event
            .description
            .as_deref()
            .map(galaxie_domain::text::plain_text_to_html),
        start_time: Some(event.start),
        end_time: event.end,
        timezone: Some(event.timezone.name().to_string()),
        location_name: location.name,
        street_address: location.address.street_address,
        postal_code: location.address.postal_code,
        locality: location.address.locality,
        country: location.address.country,
        latitude: location.geo.map(|g| g.latitude),
        longitude: location.geo.map(|g| g.longitude),
        online_url: event.online_url.as_ref().map(ToString::to_string),
        price: event.price.clone(),
        capacity: event.capacity.and_then(|c| i32::try_from(c).ok()),
        registration_url: event.registration_url.as_ref().map(ToString::to_string),
        public: true,
        event_status: Some(event.status.as_ap().to_string()),
        category: event.category.clone(),
        summary_falc: event.summary_falc.clone(),
        content_falc: event
            .description_falc
            .as_deref()
            .map(galaxie_domain::text::plain_text_to_html),
        rrule: event.recurrence.clone(),
        ..Default::default()
    }
}

fn service_data(data: &Data, place: &places::Model, service: &NewService) -> ObjectData {
    let profile = galaxie_db::places::profile(place);
    let hours = service
        .opening_hours
        .clone()
        .or(profile.opening_hours.clone());
    let hours_in_words = hours.as_deref().map(describe_hours);
    let concepts = json!({
        "services": service.concepts.services,
        "publics": service.concepts.publics,
        "fees": service.concepts.fees,
        "access_modes": service.concepts.access_modes,
        "support_modes": service.concepts.support_modes,
    });
    ObjectData {
        ap_id: data.urls().new_object().to_string(),
        kind: "Page".into(),
        place_id: Some(place.id),
        attributed_to: data.urls().place(&place.username).to_string(),
        name: Some(service.name.clone()),
        summary: Some(service.summary_line(&place.name, hours_in_words.as_deref())),
        content: service
            .description
            .as_deref()
            .map(galaxie_domain::text::plain_text_to_html),
        summary_falc: service.summary_falc.clone(),
        content_falc: service
            .description_falc
            .as_deref()
            .map(galaxie_domain::text::plain_text_to_html),
        location_name: Some(place.name.clone()),
        street_address: profile.address.street_address,
        postal_code: profile.address.postal_code,
        locality: profile.address.locality,
        country: profile.address.country,
        latitude: profile.geo.map(|g| g.latitude),
        longitude: profile.geo.map(|g| g.longitude),
        price: service.price.clone(),
        concepts: Some(concepts.to_string()),
        booking_url: service.booking_url.as_ref().map(ToString::to_string),
        opening_hours: service.opening_hours.clone(),
        public: true,
        ..Default::default()
    }
}

/// Opening hours in plain French ("du lundi au vendredi, de 9 h à 12 h"); as written when
/// they cannot be read (hours stored before validation existed).
pub fn describe_hours(hours: &str) -> String {
    galaxie_domain::hours::OpeningHours::parse(hours)
        .map(|h| h.describe_fr())
        .unwrap_or_else(|_| hours.to_string())
}

fn showcase_data(data: &Data, place: &places::Model, showcase: &NewShowcase) -> ObjectData {
    let location = showcase.location.clone().unwrap_or_default();
    ObjectData {
        ap_id: data.urls().new_object().to_string(),
        kind: "Article".into(),
        place_id: Some(place.id),
        attributed_to: data.urls().place(&place.username).to_string(),
        name: Some(showcase.name.clone()),
        summary: Some(showcase.summary.clone()),
        content: Some(galaxie_domain::text::plain_text_to_html(&showcase.content)),
        summary_falc: showcase.summary_falc.clone(),
        content_falc: showcase
            .content_falc
            .as_deref()
            .map(galaxie_domain::text::plain_text_to_html),
        location_name: location.name,
        street_address: location.address.street_address,
        postal_code: location.address.postal_code,
        locality: location.address.locality,
        country: location.address.country,
        latitude: location.geo.map(|g| g.latitude),
        longitude: location.geo.map(|g| g.longitude),
        license: Some(showcase.license.to_string()),
        hashtags: (!showcase.hashtags.is_empty()).then(|| json!(showcase.hashtags).to_string()),
        concepts: Some(json!({ "heritage_kinds": showcase.heritage_kinds }).to_string()),
        public: true,
        ..Default::default()
    }
}

/// Publishes a service of a place.
pub async fn publish_service(
    data: &Data,
    username: &str,
    service: NewService,
) -> Result<objects::Model, FederationError> {
    let place = place(data, username).await?;
    let row = service_data(data, &place, &service);
    insert_and_publish(data, place, row).await
}

/// Replaces a service.
pub async fn update_service(
    data: &Data,
    id: i64,
    service: NewService,
) -> Result<objects::Model, FederationError> {
    let (place, current) = local_object(data, id).await?;
    if current.kind != "Page" {
        return Err(FederationError::NotFound("service"));
    }
    let row = service_data(data, &place, &service);
    update_and_publish(data, place, current, row).await
}

/// Publishes a heritage showcase, with its images (uploaded first, each with its alt text).
pub async fn publish_showcase(
    data: &Data,
    username: &str,
    showcase: NewShowcase,
) -> Result<objects::Model, FederationError> {
    let place = place(data, username).await?;
    let media = own_media(data, &place, "media", &showcase.media).await?;
    let row = showcase_data(data, &place, &showcase);
    let txn = data
        .db()
        .conn()
        .begin_with_options(galaxie_db::WRITE)
        .await?;
    let post = galaxie_db::objects::insert(&txn, row).await?;
    galaxie_db::media::attach(&txn, post.id, &media).await?;
    outbox::publish(
        &txn,
        data,
        Outgoing::PostCreated {
            place,
            post: post.clone(),
        },
    )
    .await?;
    txn.commit().await?;
    data.ring_delivery_bell();
    Ok(post)
}

/// The row ids of uploaded images a place may attach: its own, or unassigned ones.
async fn own_media(
    data: &Data,
    place: &places::Model,
    field: &str,
    public_ids: &[String],
) -> Result<Vec<i64>, FederationError> {
    if public_ids.is_empty() {
        return Ok(Vec::new());
    }
    let rows = galaxie_db::media::by_public_ids(data.db().conn(), public_ids)
        .await
        .map_err(|_| {
            galaxie_domain::ValidationErrors::single(
                "media",
                "names an image that was not uploaded",
            )
        })?;
    if rows
        .iter()
        .any(|m| m.place_id.is_some_and(|p| p != place.id))
    {
        return Err(galaxie_domain::ValidationErrors::single(
            field,
            "names an image uploaded by another place",
        )
        .into());
    }
    Ok(rows.iter().map(|m| m.id).collect())
}

/// Replaces a showcase (and its images).
pub async fn update_showcase(
    data: &Data,
    id: i64,
    showcase: NewShowcase,
) -> Result<objects::Model, FederationError> {
    let (place, current) = local_object(data, id).await?;
    if current.kind != "Article" {
        return Err(FederationError::NotFound("showcase"));
    }
    let media = own_media(data, &place, "media", &showcase.media).await?;
    let mut row = showcase_data(data, &place, &showcase);
    row.ap_id = current.ap_id.clone();
    row.updated = Some(galaxie_db::now());
    let txn = data
        .db()
        .conn()
        .begin_with_options(galaxie_db::WRITE)
        .await?;
    let post = galaxie_db::objects::update(&txn, current, row).await?;
    galaxie_db::media::attach(&txn, post.id, &media).await?;
    outbox::publish(
        &txn,
        data,
        Outgoing::PostUpdated {
            place,
            post: post.clone(),
        },
    )
    .await?;
    txn.commit().await?;
    data.ring_delivery_bell();
    Ok(post)
}

async fn insert_and_publish(
    data: &Data,
    place: places::Model,
    row: ObjectData,
) -> Result<objects::Model, FederationError> {
    let txn = data
        .db()
        .conn()
        .begin_with_options(galaxie_db::WRITE)
        .await?;
    let post = galaxie_db::objects::insert(&txn, row).await?;
    outbox::publish(
        &txn,
        data,
        Outgoing::PostCreated {
            place,
            post: post.clone(),
        },
    )
    .await?;
    txn.commit().await?;
    data.ring_delivery_bell();
    Ok(post)
}

/// Tells followers about a change to `post` in `conn` (a transaction): a recurring series is
/// never federated itself, so its occurrences are brought in line instead.
async fn tell<C: galaxie_db::ConnectionTrait>(
    conn: &C,
    data: &Data,
    place: places::Model,
    post: &objects::Model,
    outgoing: fn(places::Model, objects::Model) -> Outgoing,
) -> Result<(), FederationError> {
    if post.rrule.is_some() {
        crate::series::sync(conn, data, &place, post, galaxie_db::now()).await
    } else {
        outbox::publish(conn, data, outgoing(place, post.clone()))
            .await
            .map(|_| ())
    }
}

fn created(place: places::Model, post: objects::Model) -> Outgoing {
    Outgoing::PostCreated { place, post }
}

fn updated(place: places::Model, post: objects::Model) -> Outgoing {
    Outgoing::PostUpdated { place, post }
}

fn deleted(place: places::Model, post: objects::Model) -> Outgoing {
    Outgoing::PostDeleted { place, post }
}

/// Publishes a note.
pub async fn publish_note(
    data: &Data,
    username: &str,
    note: NewNote,
) -> Result<objects::Model, FederationError> {
    let place = place(data, username).await?;
    let row = note_data(data, &place, &note);
    insert_and_publish(data, place, row).await
}

/// Publishes an event. A recurring permanence is kept as a series (with its RRULE) and its
/// upcoming occurrences are published as events of their own.
pub async fn publish_event(
    data: &Data,
    username: &str,
    event: NewEvent,
) -> Result<objects::Model, FederationError> {
    let place = place(data, username).await?;
    let banner = own_media(data, &place, "banner", event.banner.as_slice()).await?;
    let row = event_data(data, &place, &event);
    let txn = data
        .db()
        .conn()
        .begin_with_options(galaxie_db::WRITE)
        .await?;
    let post = galaxie_db::objects::insert(&txn, row).await?;
    galaxie_db::media::attach(&txn, post.id, &banner).await?;
    tell(&txn, data, place, &post, created).await?;
    txn.commit().await?;
    data.ring_delivery_bell();
    Ok(post)
}

/// Cancels one occurrence of a recurring permanence (its event says so; the series' iCalendar
/// gets an EXDATE).
pub async fn cancel_occurrence(
    data: &Data,
    occurrence_id: i64,
) -> Result<objects::Model, FederationError> {
    change_occurrence(data, occurrence_id, None).await
}

/// Moves one occurrence of a recurring permanence.
pub async fn move_occurrence(
    data: &Data,
    occurrence_id: i64,
    start: chrono::DateTime<chrono::Utc>,
    end: chrono::DateTime<chrono::Utc>,
) -> Result<objects::Model, FederationError> {
    if end <= start {
        return Err(
            galaxie_domain::ValidationErrors::single("end", "must be after the start").into(),
        );
    }
    if start <= galaxie_db::now() {
        return Err(galaxie_domain::ValidationErrors::single(
            "start",
            "must be in the future: an occurrence can only be moved ahead",
        )
        .into());
    }
    change_occurrence(data, occurrence_id, Some((start, end))).await
}

async fn change_occurrence(
    data: &Data,
    occurrence_id: i64,
    moved: Option<(chrono::DateTime<chrono::Utc>, chrono::DateTime<chrono::Utc>)>,
) -> Result<objects::Model, FederationError> {
    use galaxie_domain::recurrence::Exception;
    let (place, occurrence) = local_object(data, occurrence_id).await?;
    let (Some(series_id), Some(original_start)) =
        (occurrence.series_id, occurrence.occurrence_start)
    else {
        return Err(FederationError::NotFound("occurrence of a recurring event"));
    };
    let conn = data.db().conn();
    let series = galaxie_db::objects::by_row_id(conn, series_id)
        .await?
        .ok_or(FederationError::NotFound("recurring series"))?;
    let mut exceptions: Vec<Exception> = crate::series::exceptions(&series)
        .into_iter()
        .filter(|e| match e {
            Exception::Cancelled { original_start: o }
            | Exception::Moved {
                original_start: o, ..
            } => *o != original_start,
        })
        .collect();
    exceptions.push(match moved {
        None => Exception::Cancelled { original_start },
        Some((start, end)) => Exception::Moved {
            original_start,
            start,
            end,
        },
    });
    // Checked against the rule before anything is written.
    galaxie_domain::recurrence::Recurrence::parse(
        series.rrule.as_deref().unwrap_or_default(),
        series.start_time.unwrap_or(original_start),
        series
            .timezone
            .as_deref()
            .and_then(|t| t.parse().ok())
            .unwrap_or(galaxie_domain::event::DEFAULT_TIMEZONE),
    )
    .and_then(|r| r.with_exceptions(exceptions.clone()))
    .map_err(|e| galaxie_domain::ValidationErrors::single("occurrence", e.to_string()))?;
    let txn = conn.begin_with_options(galaxie_db::WRITE).await?;
    let series = galaxie_db::objects::set_exceptions(
        &txn,
        series,
        Some(serde_json::to_string(&exceptions)?),
    )
    .await?;
    crate::series::sync(&txn, data, &place, &series, galaxie_db::now()).await?;
    txn.commit().await?;
    data.ring_delivery_bell();
    galaxie_db::objects::by_row_id(conn, occurrence_id)
        .await?
        .ok_or(FederationError::NotFound("occurrence"))
}

/// A local, undeleted object by row id, with its place.
pub async fn local_object(
    data: &Data,
    id: i64,
) -> Result<(places::Model, objects::Model), FederationError> {
    let row = galaxie_db::objects::by_row_id(data.db().conn(), id)
        .await?
        .filter(|r| r.deleted_at.is_none())
        .ok_or(FederationError::NotFound("object"))?;
    let place_id = row
        .place_id
        .ok_or(FederationError::NotFound("local object"))?;
    let place = galaxie_db::places::by_id(data.db().conn(), place_id).await?;
    Ok((place, row))
}

async fn update_and_publish(
    data: &Data,
    place: places::Model,
    current: objects::Model,
    mut row: ObjectData,
) -> Result<objects::Model, FederationError> {
    row.ap_id = current.ap_id.clone();
    row.updated = Some(galaxie_db::now());
    let txn = data
        .db()
        .conn()
        .begin_with_options(galaxie_db::WRITE)
        .await?;
    let post = galaxie_db::objects::update(&txn, current, row).await?;
    outbox::publish(
        &txn,
        data,
        Outgoing::PostUpdated {
            place,
            post: post.clone(),
        },
    )
    .await?;
    txn.commit().await?;
    data.ring_delivery_bell();
    Ok(post)
}

/// Replaces an event (every field is given again, as in the creation form).
pub async fn update_event(
    data: &Data,
    id: i64,
    raw: RawEvent,
) -> Result<objects::Model, FederationError> {
    let (place, current) = local_object(data, id).await?;
    if current.kind != "Event" {
        return Err(FederationError::NotFound("event"));
    }
    if current.series_id.is_some() {
        return Err(galaxie_domain::ValidationErrors::single(
            "id",
            "is one occurrence of a recurring event: change the series, or cancel or move this occurrence",
        )
        .into());
    }
    let event = NewEvent::parse(raw)?;
    let banner = own_media(data, &place, "banner", event.banner.as_slice()).await?;
    let mut row = event_data(data, &place, &event);
    if current.rrule.is_some() != row.rrule.is_some() {
        return Err(galaxie_domain::ValidationErrors::single(
            "rrule",
            "an event cannot become recurring, nor a series a single event: create a new one",
        )
        .into());
    }
    row.ap_id = current.ap_id.clone();
    row.updated = Some(galaxie_db::now());
    let is_series = row.rrule.is_some();
    if is_series {
        // The series' cancellations and moves stay, unless the rule changed.
        if current.rrule == row.rrule && current.start_time == row.start_time {
            row.exceptions = current.exceptions.clone();
        }
    }
    let txn = data
        .db()
        .conn()
        .begin_with_options(galaxie_db::WRITE)
        .await?;
    let post = galaxie_db::objects::update(&txn, current, row).await?;
    galaxie_db::media::attach(&txn, post.id, &banner).await?;
    tell(&txn, data, place, &post, updated).await?;
    txn.commit().await?;
    data.ring_delivery_bell();
    Ok(post)
}

/// Replaces a note's text.
pub async fn update_note(
    data: &Data,
    id: i64,
    note: NewNote,
) -> Result<objects::Model, FederationError> {
    let (place, current) = local_object(data, id).await?;
    if current.kind != "Note" {
        return Err(FederationError::NotFound("note"));
    }
    let row = note_data(data, &place, &note);
    update_and_publish(data, place, current, row).await
}

/// Deletes a note or an event; its id then answers with a Tombstone. Deleting a recurring
/// series withdraws its upcoming occurrences.
pub async fn delete_object(data: &Data, id: i64) -> Result<objects::Model, FederationError> {
    let (place, current) = local_object(data, id).await?;
    let txn = data
        .db()
        .conn()
        .begin_with_options(galaxie_db::WRITE)
        .await?;
    let post = galaxie_db::objects::mark_deleted(&txn, current).await?;
    // mark_deleted keeps the rule, so a series withdraws its upcoming occurrences.
    tell(&txn, data, place, &post, deleted).await?;
    txn.commit().await?;
    data.ring_delivery_bell();
    Ok(post)
}

/// A place follows a remote actor (`@user@host` or URL).
pub async fn follow(
    data: &Data,
    username: &str,
    target: &str,
) -> Result<followings::Model, FederationError> {
    let place = place(data, username).await?;
    let actor = crate::webfinger::resolve_actor(data, target).await?;
    let follow_id = data.urls().new_activity();
    let txn = data
        .db()
        .conn()
        .begin_with_options(galaxie_db::WRITE)
        .await?;
    let row =
        galaxie_db::follows::upsert_following(&txn, place.id, &actor.row.ap_id, follow_id.as_str())
            .await?;
    outbox::publish(
        &txn,
        data,
        Outgoing::FollowRequested {
            place,
            target: actor.row.clone(),
            follow_id,
        },
    )
    .await?;
    txn.commit().await?;
    data.ring_delivery_bell();
    Ok(row)
}

/// A place stops following a remote actor.
pub async fn unfollow(data: &Data, username: &str, target: &str) -> Result<(), FederationError> {
    let place = place(data, username).await?;
    let actor = crate::webfinger::resolve_actor(data, target).await?;
    let conn = data.db().conn();
    let row = galaxie_db::follows::following(conn, place.id, &actor.row.ap_id)
        .await?
        .ok_or(FederationError::NotFound("follow"))?;
    let follow_id = url::Url::parse(&row.follow_ap_id)?;
    let txn = conn.begin_with_options(galaxie_db::WRITE).await?;
    galaxie_db::follows::remove_following(&txn, place.id, &actor.row.ap_id).await?;
    outbox::publish(
        &txn,
        data,
        Outgoing::Unfollowed {
            place,
            target: actor.row.clone(),
            follow_id,
        },
    )
    .await?;
    txn.commit().await?;
    data.ring_delivery_bell();
    Ok(())
}

/// A place's followers (all, or those in `status`).
pub async fn followers(
    data: &Data,
    username: &str,
    status: Option<FollowStatus>,
) -> Result<Vec<followers::Model>, FederationError> {
    let place = place(data, username).await?;
    Ok(galaxie_db::follows::followers_of(data.db().conn(), place.id, status).await?)
}

/// What a follow decision does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FollowerDecision {
    /// Accept a pending follower.
    Approve,
    /// Refuse a pending follower.
    Reject,
    /// Remove a follower (pending or accepted); they are told with a `Reject`.
    Remove,
}

/// Approves, rejects or removes a follower.
pub async fn decide_follower(
    data: &Data,
    username: &str,
    actor: &str,
    decision: FollowerDecision,
) -> Result<(), FederationError> {
    let place = place(data, username).await?;
    let conn = data.db().conn();
    let row = galaxie_db::follows::follower(conn, place.id, actor)
        .await?
        .ok_or(FederationError::NotFound("follower"))?;
    if decision == FollowerDecision::Approve && row.status == FollowStatus::Accepted {
        return Ok(());
    }
    if decision == FollowerDecision::Reject && row.status != FollowStatus::Pending {
        return Err(galaxie_domain::ValidationErrors::single(
            "actor",
            "is not a pending follower; remove it instead",
        )
        .into());
    }
    let follower = galaxie_db::actors::by_ap_id(conn, actor)
        .await?
        .ok_or(FederationError::NotFound("follower's actor"))?;
    let follow = crate::activities::follow::Follow::new(
        url::Url::parse(&row.follow_ap_id)?,
        url::Url::parse(actor)?,
        data.urls().place(&place.username),
    );
    let txn = conn.begin_with_options(galaxie_db::WRITE).await?;
    let event = match decision {
        FollowerDecision::Approve => {
            galaxie_db::follows::set_follower_status(&txn, row, FollowStatus::Accepted).await?;
            Outgoing::FollowAccepted {
                place,
                follower,
                follow,
            }
        }
        FollowerDecision::Reject | FollowerDecision::Remove => {
            galaxie_db::follows::remove_follower(&txn, place.id, actor).await?;
            Outgoing::FollowRejected {
                place,
                follower,
                follow,
            }
        }
    };
    outbox::publish(&txn, data, event).await?;
    txn.commit().await?;
    data.ring_delivery_bell();
    Ok(())
}

/// Where an itinerant place stops: its events with a location between `from` and `to`
/// (default: this week, Monday to Monday, Paris time), cancelled ones left out, in order.
pub async fn stops(
    data: &Data,
    username: &str,
    from: Option<chrono::DateTime<chrono::Utc>>,
    to: Option<chrono::DateTime<chrono::Utc>>,
) -> Result<Vec<objects::Model>, FederationError> {
    let place = place(data, username).await?;
    let (week_start, week_end) = this_week(chrono::Utc::now());
    let from = from.unwrap_or(week_start);
    let to = to.unwrap_or(week_end);
    if to <= from {
        return Err(galaxie_domain::ValidationErrors::single("to", "must be after from").into());
    }
    Ok(
        galaxie_db::objects::events_between(data.db().conn(), place.id, from, to)
            .await?
            .into_iter()
            .filter(|r| {
                r.latitude.is_some() || r.location_name.is_some() || r.street_address.is_some()
            })
            .filter(|r| r.event_status.as_deref() != Some("EventCancelled"))
            .collect(),
    )
}

/// Monday 00:00 to the next Monday 00:00, Paris time.
fn this_week(
    now: chrono::DateTime<chrono::Utc>,
) -> (chrono::DateTime<chrono::Utc>, chrono::DateTime<chrono::Utc>) {
    use chrono::{Datelike, Duration, TimeZone};
    let tz = galaxie_domain::event::DEFAULT_TIMEZONE;
    let local = now.with_timezone(&tz).date_naive();
    let monday = local - Duration::days(i64::from(local.weekday().num_days_from_monday()));
    let start = tz
        .from_local_datetime(&monday.and_time(chrono::NaiveTime::MIN))
        .earliest()
        .map(|t| t.with_timezone(&chrono::Utc))
        .unwrap_or(now);
    (start, start + Duration::days(7))
}
