//! A recurring permanence: its upcoming occurrences reach a follower as events of their own;
//! one is cancelled, one moved; the series keeps its RRULE (and EXDATE) in iCalendar; an
//! itinerant place answers where it stops this week; deleting the series withdraws them.

use chrono::{Datelike, Duration, Utc};
use galaxie_domain::{NewEvent, NewPlace, RawEvent, RawPlace};
use galaxie_federation::service;
use galaxie_tests::{Backend, Instance, TestDb, eventually, on_both_backends};
use serde_json::Value;

const WAIT: std::time::Duration = std::time::Duration::from_secs(20);

async fn count_from(instance: &Instance, author: &str) -> u64 {
    galaxie_db::objects::count_by_author(instance.data.db().conn(), author)
        .await
        .expect("count")
}

async fn a_permanence_publishes_its_occurrences(backend: Backend) {
    let (db_a, db_b) = (TestDb::new(backend).await, TestDb::new(backend).await);
    let alpha = Instance::start(&db_a.url).await;
    let beta = Instance::start(&db_b.url).await;
    let truck = NewPlace::parse(RawPlace {
        username: Some("truck".into()),
        name: Some("Truck numérique".into()),
        mobility: Some("itinerant".into()),
        ..Default::default()
    })
    .expect("place");
    service::create_place(&alpha.data, truck)
        .await
        .expect("create");
    let fablab = NewPlace::parse(RawPlace {
        username: Some("fablab".into()),
        name: Some("Fablab".into()),
        ..Default::default()
    })
    .expect("place");
    service::create_place(&beta.data, fablab)
        .await
        .expect("create");
    galaxie_tests::follow(&beta, "fablab", &alpha, "truck").await;

    // Every Tuesday 14:00–17:00 (Paris) for 6 weeks, starting next Tuesday.
    let today = Utc::now()
        .with_timezone(&chrono_tz::Europe::Paris)
        .date_naive();
    let days_to_tuesday = (7 + 1 - i64::from(today.weekday().num_days_from_monday())) % 7;
    let first = today
        + Duration::days(if days_to_tuesday == 0 {
            7
        } else {
            days_to_tuesday
        });
    let start = format!("{first}T14:00:00+01:00");
    let end = format!("{first}T17:00:00+01:00");
    let series = service::publish_event(
        &alpha.data,
        "truck",
        NewEvent::parse(RawEvent {
            name: Some("Permanence numérique".into()),
            start: Some(start.clone()),
            end: Some(end.clone()),
            location_name: Some("Place de la mairie, Bétheny".into()),
            lat: Some(49.28),
            lon: Some(4.05),
            price: Some("gratuit".into()),
            rrule: Some("FREQ=WEEKLY;BYDAY=TU;COUNT=6".into()),
            ..Default::default()
        })
        .expect("event"),
    )
    .await
    .expect("publish");
    assert_eq!(
        series.rrule.as_deref(),
        Some("FREQ=WEEKLY;COUNT=6;BYDAY=TU")
    );
    let author = alpha.place_url("truck");
    eventually("beta receives 6 occurrences", WAIT, || async {
        (count_from(&beta, &author).await == 6).then_some(())
    })
    .await;
    let occurrences = galaxie_db::objects::occurrences_of(alpha.data.db().conn(), series.id)
        .await
        .expect("occurrences");
    assert_eq!(occurrences.len(), 6);
    assert!(occurrences[0].ap_id.starts_with(&series.ap_id));
    assert!(
        occurrences[0]
            .summary
            .as_deref()
            .unwrap_or_default()
            .starts_with("Permanence numérique — mar. ")
    );

    // Cancel the second, move the third.
    service::cancel_occurrence(&alpha.data, occurrences[1].id)
        .await
        .expect("cancel");
    let moved_start = occurrences[2].start_time.expect("start") + Duration::hours(24);
    let moved_end = occurrences[2].end_time.expect("end") + Duration::hours(24);
    service::move_occurrence(&alpha.data, occurrences[2].id, moved_start, moved_end)
        .await
        .expect("move");
    let cancelled_id = occurrences[1].ap_id.clone();
    let moved_id = occurrences[2].ap_id.clone();
    eventually("beta sees the cancellation", WAIT, || async {
        galaxie_db::objects::by_ap_id(beta.data.db().conn(), &cancelled_id)
            .await
            .ok()??
            .event_status
            .filter(|s| s == "EventCancelled")
    })
    .await;
    let moved = eventually("beta sees the move", WAIT, || async {
        galaxie_db::objects::by_ap_id(beta.data.db().conn(), &moved_id)
            .await
            .ok()?
            .filter(|o| o.start_time == Some(moved_start))
    })
    .await;
    assert_eq!(moved.event_status.as_deref(), Some("EventRescheduled"));
    assert!(
        moved
            .summary
            .as_deref()
            .unwrap_or_default()
            .contains("mer. "),
        "{:?}",
        moved.summary
    );

    // An occurrence cannot be moved into the past.
    let err = service::move_occurrence(
        &alpha.data,
        occurrences[3].id,
        Utc::now() - Duration::days(1),
        Utc::now() - Duration::days(1) + Duration::hours(3),
    )
    .await
    .expect_err("past");
    assert!(err.to_string().contains("start"), "{err}");

    // Changing the series (a new description) keeps its cancellation and move.
    service::update_event(
        &alpha.data,
        series.id,
        RawEvent {
            name: Some("Permanence numérique".into()),
            summary: Some("Venez avec vos papiers.".into()),
            start: Some(start.clone()),
            end: Some(end.clone()),
            location_name: Some("Place de la mairie, Bétheny".into()),
            lat: Some(49.28),
            lon: Some(4.05),
            price: Some("gratuit".into()),
            rrule: Some("FREQ=WEEKLY;BYDAY=TU;COUNT=6".into()),
            ..Default::default()
        },
    )
    .await
    .expect("update series");
    eventually(
        "beta sees the new description on the occurrences",
        WAIT,
        || async {
            galaxie_db::objects::by_ap_id(beta.data.db().conn(), &occurrences[0].ap_id)
                .await
                .ok()??
                .content
                .filter(|c| c.contains("papiers"))
        },
    )
    .await;
    let still_cancelled = galaxie_db::objects::by_ap_id(alpha.data.db().conn(), &cancelled_id)
        .await
        .expect("q")
        .expect("row");
    assert_eq!(
        still_cancelled.event_status.as_deref(),
        Some("EventCancelled")
    );
    let still_moved = galaxie_db::objects::by_ap_id(alpha.data.db().conn(), &moved_id)
        .await
        .expect("q")
        .expect("row");
    assert_eq!(still_moved.start_time, Some(moved_start));
    // An occurrence is changed through its series, not on its own.
    assert!(
        service::update_event(&alpha.data, occurrences[4].id, RawEvent::default())
            .await
            .is_err()
    );

    // The series' calendar carries the rule and the cancelled date.
    let ics = reqwest::get(format!("{}/places/truck/events.ics", alpha.base))
        .await
        .expect("get")
        .text()
        .await
        .expect("text");
    assert!(ics.contains("RRULE:FREQ=WEEKLY;COUNT=6;BYDAY=TU"), "{ics}");
    assert!(ics.contains("EXDATE"), "{ics}");

    // Where is the truck during the first week?
    let from = occurrences[0].start_time.expect("start") - Duration::hours(1);
    let to = from + Duration::days(1);
    let stops: Value = reqwest::get(format!(
        "{}/api/v1/places/truck/stops?from={}&to={}",
        alpha.base,
        urlencode(&from.to_rfc3339()),
        urlencode(&to.to_rfc3339())
    ))
    .await
    .expect("get")
    .json()
    .await
    .expect("json");
    assert_eq!(stops.as_array().expect("list").len(), 1, "{stops}");
    assert_eq!(stops[0]["location_name"], "Place de la mairie, Bétheny");

    // A bad rule is refused and nothing is written.
    let before = galaxie_db::objects::count_all(alpha.data.db().conn())
        .await
        .expect("count");
    let err = NewEvent::parse(RawEvent {
        name: Some("Trop souvent".into()),
        start: Some(start),
        rrule: Some("FREQ=HOURLY".into()),
        ..Default::default()
    })
    .expect_err("refused");
    assert_eq!(err.errors[0].field, "rrule");
    assert_eq!(
        galaxie_db::objects::count_all(alpha.data.db().conn())
            .await
            .expect("count"),
        before
    );

    // Deleting the series withdraws its upcoming occurrences.
    service::delete_object(&alpha.data, series.id)
        .await
        .expect("delete");
    eventually("beta sees the occurrences withdrawn", WAIT, || async {
        (count_from(&beta, &author).await == 0).then_some(())
    })
    .await;

    alpha.stop().await;
    beta.stop().await;
    db_a.cleanup().await;
    db_b.cleanup().await;
}

fn urlencode(s: &str) -> String {
    s.replace('+', "%2B").replace(':', "%3A")
}

on_both_backends!(a_permanence_publishes_its_occurrences);
