//! Several processes of one instance on one PostgreSQL deliver every job exactly once: their
//! workers claim jobs with `FOR UPDATE SKIP LOCKED` leases. One process killed in the middle
//! loses nothing: the other finishes its jobs when their leases expire.

use galaxie_domain::{NewNote, RawNote};
use galaxie_federation::service;
use galaxie_tests::{Backend, Instance, TestDb, eventually};
use std::sync::atomic::Ordering;
use std::time::Duration;
use tokio::net::TcpListener;

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_processes_on_postgresql_deliver_each_job_once() {
    let (db_a, db_b) = (
        TestDb::new(Backend::Postgres).await,
        TestDb::new(Backend::Postgres).await,
    );
    let first = Instance::start(&db_a.url).await;
    let port = first.port;
    let beta = Instance::start(&db_b.url).await;
    first.create_place("epn").await;
    beta.create_place("fablab").await;
    galaxie_tests::follow(&beta, "fablab", &first, "epn").await;

    // A second process of the same instance (same identity, same database), on its own
    // runtime so that it can be killed.
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("rt");
    let url = db_a.url.clone();
    let second = {
        let handle = runtime.spawn(async move {
            let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
            Instance::start_as(listener, &url, port).await
        });
        let rt = runtime.handle().clone();
        std::thread::spawn(move || rt.block_on(handle).expect("join"))
            .join()
            .expect("thread")
    };

    // Both processes publish (as the web API behind a proxy would) and deliver 100 notes:
    // each exactly once.
    for i in 0..100 {
        let note = NewNote::parse(RawNote {
            text: Some(format!("Note {i}")),
            text_falc: None,
        })
        .expect("note");
        let data = if i % 2 == 0 {
            &first.data
        } else {
            &second.data
        };
        service::publish_note(data, "epn", note)
            .await
            .expect("publish");
    }
    let author = first.place_url("epn");
    eventually("all 100 notes arrive", Duration::from_secs(60), || async {
        let n = galaxie_db::objects::count_by_author(beta.data.db().conn(), &author)
            .await
            .ok()?;
        (n == 100).then_some(())
    })
    .await;
    assert_eq!(
        beta.data.metrics().inbox_duplicates.load(Ordering::SeqCst),
        0,
        "no job was sent twice"
    );
    let by_first = first.data.metrics().deliveries_ok.load(Ordering::SeqCst);
    let by_second = second.data.metrics().deliveries_ok.load(Ordering::SeqCst);
    assert!(
        by_second > 0 && by_first > 0,
        "both processes delivered: {by_first} and {by_second}"
    );
    assert_eq!(
        by_first + by_second,
        101,
        "100 notes and the Accept, each by one process"
    );

    // 50 more; the second process is killed in the middle: nothing is lost. (A request it
    // had sent but not yet recorded may be sent again by the other process; the receiver
    // keeps each activity once.)
    for i in 100..150 {
        let note = NewNote::parse(RawNote {
            text: Some(format!("Note {i}")),
            text_falc: None,
        })
        .expect("note");
        service::publish_note(&first.data, "epn", note)
            .await
            .expect("publish");
    }
    drop(second);
    runtime.shutdown_background();
    eventually("all 150 notes arrive", Duration::from_secs(60), || async {
        let n = galaxie_db::objects::count_by_author(beta.data.db().conn(), &author)
            .await
            .ok()?;
        (n == 150).then_some(())
    })
    .await;
    // The inbox worker records the activities it applied with each batch: wait for them.
    let creates = eventually(
        "the 150 Creates are recorded",
        Duration::from_secs(20),
        || async {
            let creates = galaxie_db::activities::received_of_kind(beta.data.db().conn(), "Create")
                .await
                .ok()?;
            (creates.len() >= 150).then_some(creates)
        },
    )
    .await;
    assert_eq!(creates.len(), 150, "each activity kept once");
    let resent = beta.data.metrics().inbox_duplicates.load(Ordering::SeqCst);
    assert!(
        resent <= first.data.settings().delivery_per_host as u64,
        "only requests in flight at the kill may be sent again: {resent}"
    );

    first.stop().await;
    beta.stop().await;
    db_a.cleanup().await;
    db_b.cleanup().await;
}

/// Two processes extending the same recurring series at once publish each occurrence once.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_processes_extend_a_series_once() {
    use galaxie_db::TransactionTrait;
    use galaxie_domain::{NewEvent, RawEvent};
    let db = TestDb::new(Backend::Postgres).await;
    let first = Instance::start(&db.url).await;
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let second = Instance::start_as(listener, &db.url, first.port).await;
    let place = first.create_place("truck").await;
    let series = service::publish_event(
        &first.data,
        "truck",
        NewEvent::parse(RawEvent {
            name: Some("Permanence".into()),
            start: Some("2027-01-05T14:00:00+01:00".into()),
            end: Some("2027-01-05T17:00:00+01:00".into()),
            rrule: Some("FREQ=WEEKLY;BYDAY=TU;COUNT=40".into()),
            ..Default::default()
        })
        .expect("event"),
    )
    .await
    .expect("publish");
    // Both processes move the horizon to the same later date at the same time.
    let later = chrono::DateTime::parse_from_rfc3339("2027-04-01T00:00:00Z")
        .expect("date")
        .with_timezone(&chrono::Utc);
    let extend = |data: galaxie_federation::Data,
                  place: galaxie_db::entities::places::Model,
                  series: galaxie_db::entities::objects::Model| async move {
        let txn = data.db().conn().begin().await.expect("begin");
        galaxie_federation::series::sync(&txn, &data, &place, &series, later)
            .await
            .expect("sync");
        txn.commit().await.expect("commit");
    };
    tokio::join!(
        extend(first.data.clone(), place.clone(), series.clone()),
        extend(second.data.clone(), place.clone(), series.clone()),
    );
    let occurrences = galaxie_db::objects::occurrences_of(first.data.db().conn(), series.id)
        .await
        .expect("occurrences");
    let mut starts: Vec<_> = occurrences
        .iter()
        .filter_map(|o| o.occurrence_start)
        .collect();
    let total = starts.len();
    starts.dedup();
    assert_eq!(starts.len(), total, "each occurrence once");
    assert!(starts.iter().any(|s| *s > later), "the horizon moved");
    second.stop().await;
    first.stop().await;
    db.cleanup().await;
}
