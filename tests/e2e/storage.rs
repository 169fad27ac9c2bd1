//! The durable queue on both engines: jobs are claimed once, leases expire, duplicates are
//! ignored, dead inboxes are not attempted.

use galaxie_db::Db;
use galaxie_db::activities::ActivityData;
use galaxie_db::deliveries;
use galaxie_db::entities::deliveries::DeliveryStatus;
use galaxie_tests::{Backend, TestDb, on_both_backends};
use std::collections::HashSet;

async fn activity(db: &Db, n: u32) -> i64 {
    galaxie_db::activities::insert(
        db.conn(),
        ActivityData {
            ap_id: format!("https://a.example/activities/{n}"),
            kind: "Create".into(),
            actor_ap_id: "https://a.example/places/p".into(),
            object_ap_id: None,
            place_id: None,
            local: true,
            public: true,
            payload: "{}".into(),
        },
    )
    .await
    .expect("activity")
    .id
}

async fn concurrent_claimers_never_share_a_job(backend: Backend) {
    let test_db = TestDb::new(backend).await;
    let db = Db::connect(&test_db.url).await.expect("connect");
    db.migrate().await.expect("migrate");
    let inboxes: Vec<String> = (0..200)
        .map(|i| format!("https://peer{i}.example/inbox"))
        .collect();
    let id = activity(&db, 1).await;
    assert_eq!(
        deliveries::enqueue(db.conn(), id, &inboxes)
            .await
            .expect("enqueue"),
        200
    );
    // Enqueuing again changes nothing.
    deliveries::enqueue(db.conn(), id, &inboxes)
        .await
        .expect("enqueue again");
    assert_eq!(
        deliveries::count_with_status(db.conn(), DeliveryStatus::Pending)
            .await
            .expect("count"),
        200
    );

    let lease = chrono::Duration::seconds(60);
    let mut tasks = Vec::new();
    for _ in 0..4 {
        let db = db.clone();
        tasks.push(tokio::spawn(async move {
            let mut mine = Vec::new();
            loop {
                let claimed = deliveries::claim_due(db.conn(), 7, lease)
                    .await
                    .expect("claim");
                if claimed.is_empty() {
                    break;
                }
                mine.extend(claimed.into_iter().map(|c| c.delivery.id));
            }
            mine
        }));
    }
    let mut all = Vec::new();
    for t in tasks {
        all.extend(t.await.expect("join"));
    }
    let unique: HashSet<i64> = all.iter().copied().collect();
    assert_eq!(all.len(), 200, "every job claimed");
    assert_eq!(unique.len(), 200, "no job claimed twice");

    // Claimed jobs are not due again until their lease expires.
    assert!(
        deliveries::claim_due(db.conn(), 10, lease)
            .await
            .expect("claim")
            .is_empty()
    );
    db.close().await.expect("close");
    test_db.cleanup().await;
}

on_both_backends!(concurrent_claimers_never_share_a_job);

async fn expired_leases_and_dead_inboxes(backend: Backend) {
    let test_db = TestDb::new(backend).await;
    let db = Db::connect(&test_db.url).await.expect("connect");
    db.migrate().await.expect("migrate");
    let inbox = "https://gone.example/inbox".to_string();
    let id = activity(&db, 1).await;
    deliveries::enqueue(db.conn(), id, std::slice::from_ref(&inbox))
        .await
        .expect("enqueue");

    // A worker claims the job and dies: after the lease, another worker gets it.
    let first = deliveries::claim_due(db.conn(), 10, chrono::Duration::milliseconds(200))
        .await
        .expect("claim");
    assert_eq!(first.len(), 1);
    tokio::time::sleep(std::time::Duration::from_millis(400)).await;
    let again = deliveries::claim_due(db.conn(), 10, chrono::Duration::seconds(60))
        .await
        .expect("claim");
    assert_eq!(again.len(), 1);
    assert_eq!(again[0].delivery.id, first[0].delivery.id);

    // Retry later, then give up: the inbox is dead and new jobs to it are not attempted.
    let job = &again[0].delivery;
    deliveries::mark_retry(
        db.conn(),
        job,
        galaxie_db::now() + chrono::Duration::hours(1),
        "down".into(),
    )
    .await
    .expect("retry");
    assert!(
        deliveries::claim_due(db.conn(), 10, chrono::Duration::seconds(60))
            .await
            .expect("claim")
            .is_empty()
    );
    deliveries::mark_dead(db.conn(), job, "gone.example", "down for two days".into())
        .await
        .expect("dead");
    assert!(deliveries::is_dead(db.conn(), &inbox).await.expect("dead?"));
    let id2 = activity(&db, 2).await;
    deliveries::enqueue(db.conn(), id2, std::slice::from_ref(&inbox))
        .await
        .expect("enqueue");
    assert!(
        deliveries::claim_due(db.conn(), 10, chrono::Duration::seconds(60))
            .await
            .expect("claim")
            .is_empty()
    );
    assert_eq!(
        deliveries::count_with_status(db.conn(), DeliveryStatus::Dead)
            .await
            .expect("count"),
        2
    );

    // Hearing from the server again revives its inboxes.
    assert_eq!(
        deliveries::revive_domain(db.conn(), "gone.example")
            .await
            .expect("revive"),
        1
    );
    assert!(!deliveries::is_dead(db.conn(), &inbox).await.expect("dead?"));
    db.close().await.expect("close");
    test_db.cleanup().await;
}

on_both_backends!(expired_leases_and_dead_inboxes);

async fn migrations_apply_twice_and_sqlite_uses_wal(backend: Backend) {
    let test_db = TestDb::new(backend).await;
    let db = Db::connect(&test_db.url).await.expect("connect");
    db.migrate().await.expect("migrate");
    db.migrate().await.expect("migrate again is a no-op");
    use galaxie_migrations::MigratorTrait;
    let expected: Vec<String> = galaxie_migrations::Migrator::migrations()
        .iter()
        .map(|m| m.name().to_string())
        .collect();
    assert_eq!(db.applied_migrations().await.expect("applied"), expected);
    assert_eq!(expected[0], "m20261129_000001_initial");
    if backend == Backend::Sqlite {
        use sea_orm::{ConnectionTrait, Statement};
        let row = db
            .conn()
            .query_one_raw(Statement::from_string(
                db.conn().get_database_backend(),
                "PRAGMA journal_mode",
            ))
            .await
            .expect("pragma")
            .expect("row");
        let mode: String = row.try_get_by_index(0).expect("mode");
        assert_eq!(mode, "wal");
    }
    db.close().await.expect("close");
    test_db.cleanup().await;
}

on_both_backends!(migrations_apply_twice_and_sqlite_uses_wal);
