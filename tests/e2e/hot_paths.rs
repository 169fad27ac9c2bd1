//! The hot paths under concurrency: the inbox's group commit (202 only once the activity is
//! stored, duplicates acknowledged once), a new actor's first burst, the delivery worker with
//! a hanging host whose jobs come first, and `/metrics` scraped after all of it.

use galaxie_db::actors::ActorData;
use galaxie_db::entities::inbox_queue::InboxStatus;
use galaxie_domain::{NewNote, RawNote};
use galaxie_federation::outbox::worker::WorkerOptions;
use galaxie_federation::service;
use galaxie_federation::signatures::{KeyCache, sign_post};
use galaxie_tests::{Backend, Instance, TestDb, eventually, on_both_backends};
use serde_json::json;
use std::collections::HashMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, SystemTime};

/// A signed POST of `body` to `inbox`, as `key_id` with `key_pem`.
async fn signed_post(
    client: &reqwest::Client,
    inbox: &str,
    body: Vec<u8>,
    key_pem: &str,
    key_id: &str,
) -> (u16, String) {
    let url = url::Url::parse(inbox).expect("url");
    let key = KeyCache::default().private(key_pem).expect("key");
    let signed = sign_post(&key, key_id, &url, &body, SystemTime::now()).expect("sign");
    let res = client
        .post(url)
        .header("content-type", "application/activity+json")
        .header("host", signed.host)
        .header("date", signed.date)
        .header("digest", signed.digest.expect("digest"))
        .header("signature", signed.signature)
        .body(body)
        .send()
        .await
        .expect("send");
    let status = res.status().as_u16();
    (status, res.text().await.unwrap_or_default())
}

fn note_activity(beta: &Instance, alpha: &Instance, n: usize) -> Vec<u8> {
    let actor = beta.place_url("fablab");
    serde_json::to_vec(&json!({
        "@context": "https://www.w3.org/ns/activitystreams",
        "id": format!("{}/activities/burst-{n}", beta.base),
        "type": "Create",
        "actor": actor,
        "to": ["https://www.w3.org/ns/activitystreams#Public"],
        "cc": [alpha.place_url("epn")],
        "object": {
            "id": format!("{}/objects/burst-{n}", beta.base),
            "type": "Note",
            "attributedTo": actor,
            "to": ["https://www.w3.org/ns/activitystreams#Public"],
            "cc": [alpha.place_url("epn")],
            "content": format!("<p>Note {n}</p>"),
        },
    }))
    .expect("json")
}

/// 48 activities from an actor alpha does not know yet arrive at once, plus 16 repeats of
/// one of them: every request is answered 202, each only once its activity is in the queue
/// (checked as each answer arrives), the actor is stored once, and each activity is queued
/// and applied once.
async fn a_burst_of_posts_is_stored_before_each_answer(backend: Backend) {
    let (db_a, db_b) = (TestDb::new(backend).await, TestDb::new(backend).await);
    let alpha = Instance::start(&db_a.url).await;
    let beta = Instance::start(&db_b.url).await;
    alpha.create_place("epn").await;
    let fablab = beta.create_place("fablab").await;
    let inbox = format!("{}/places/epn/inbox", alpha.base);
    let key_id = format!("{}#main-key", beta.place_url("fablab"));
    let client = reqwest::Client::new();

    let mut tasks = Vec::new();
    for n in (0..48).chain(std::iter::repeat_n(7, 16)) {
        let (client, inbox, key_pem, key_id) = (
            client.clone(),
            inbox.clone(),
            fablab.private_key_pem.clone(),
            key_id.clone(),
        );
        let body = note_activity(&beta, &alpha, n);
        let id = format!("{}/activities/burst-{n}", beta.base);
        let conn = alpha.data.db().conn().clone();
        tasks.push(tokio::spawn(async move {
            let (status, text) = signed_post(&client, &inbox, body, &key_pem, &key_id).await;
            // The answer came: the activity must already be durable (queued, or applied).
            let stored = in_queue(&conn, &id).await
                || galaxie_db::activities::exists(&conn, &id).await.expect("q");
            (status, text, stored)
        }));
    }
    for task in tasks {
        let (status, text, stored) = task.await.expect("join");
        assert_eq!(status, 202, "{text}");
        assert!(stored, "a 202 was sent before its activity was stored");
    }
    let metrics = alpha.data.metrics();
    assert_eq!(metrics.inbox_accepted.load(Ordering::SeqCst), 48);
    assert_eq!(metrics.inbox_duplicates.load(Ordering::SeqCst), 16);
    assert_eq!(metrics.inbox_rejected.load(Ordering::SeqCst), 0);
    let conn = alpha.data.db().conn();
    assert!(
        galaxie_db::actors::by_ap_id(conn, &beta.place_url("fablab"))
            .await
            .expect("q")
            .is_some()
    );
    eventually(
        "the 48 activities are applied",
        Duration::from_secs(30),
        || async {
            let done = galaxie_db::inbox_queue::count_with_status(conn, InboxStatus::Done)
                .await
                .ok()?;
            (done == 48).then_some(())
        },
    )
    .await;
    assert_eq!(
        galaxie_db::objects::count_by_author(conn, &beta.place_url("fablab"))
            .await
            .expect("count"),
        48
    );
    assert_eq!(
        galaxie_db::activities::received_of_kind(conn, "Create")
            .await
            .expect("creates")
            .len(),
        48,
        "each activity recorded once"
    );
    alpha.stop().await;
    beta.stop().await;
    db_a.cleanup().await;
    db_b.cleanup().await;
}

async fn in_queue(conn: &galaxie_db::DatabaseConnection, id: &str) -> bool {
    use galaxie_db::entities::inbox_queue::{Column, Entity};
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    Entity::find()
        .filter(Column::ApId.eq(id))
        .one(conn)
        .await
        .expect("q")
        .is_some()
}

on_both_backends!(a_burst_of_posts_is_stored_before_each_answer);

/// Concurrent upserts of one new actor (the first burst of POSTs of an actor fetched by
/// several requests at once) all succeed and leave one row, with the last data.
async fn concurrent_upserts_of_a_new_actor_all_succeed(backend: Backend) {
    let test_db = TestDb::new(backend).await;
    let db = galaxie_db::Db::connect(&test_db.url)
        .await
        .expect("connect");
    db.migrate().await.expect("migrate");
    let data = |n: usize| ActorData {
        ap_id: "https://new.example/users/ada".into(),
        kind: "Person".into(),
        preferred_username: Some("ada".into()),
        name: Some(format!("Ada {n}")),
        summary: None,
        domain: "new.example".into(),
        inbox: "https://new.example/users/ada/inbox".into(),
        shared_inbox: None,
        outbox: None,
        followers: None,
        url: None,
        icon_url: None,
        public_key_id: "https://new.example/users/ada#main-key".into(),
        public_key_pem: "-----BEGIN PUBLIC KEY-----".into(),
        manually_approves_followers: false,
    };
    let mut tasks = Vec::new();
    for n in 0..16 {
        let db = db.clone();
        let row = data(n);
        tasks.push(tokio::spawn(async move {
            galaxie_db::actors::upsert(db.conn(), row).await
        }));
    }
    let mut ids = Vec::new();
    for task in tasks {
        ids.push(task.await.expect("join").expect("upsert").id);
    }
    ids.dedup();
    assert_eq!(ids.len(), 1, "one row for the actor: {ids:?}");
    let first = galaxie_db::actors::by_ap_id(db.conn(), "https://new.example/users/ada")
        .await
        .expect("q")
        .expect("actor");
    // A later refresh changes the data and keeps the row and its creation time.
    let again = galaxie_db::actors::upsert(db.conn(), data(99))
        .await
        .expect("upsert");
    assert_eq!(again.id, first.id);
    assert_eq!(again.created_at, first.created_at);
    assert_eq!(again.name.as_deref(), Some("Ada 99"));
    assert!(again.last_fetched_at >= first.last_fetched_at);
    db.close().await.expect("close");
    test_db.cleanup().await;
}

on_both_backends!(concurrent_upserts_of_a_new_actor_all_succeed);

/// Records `inboxes` (fake actors) as accepted followers of alpha's `epn`.
async fn add_followers(alpha: &Instance, inboxes: &[String]) {
    for inbox in inboxes {
        let actor = inbox.trim_end_matches("/inbox");
        alpha.add_remote_follower("epn", actor, inbox).await;
    }
}

/// A hanging host with many followers, whose jobs are claimed before the others, never holds
/// the worker: with 8 deliveries at once and 24 followers on a host that never answers, every
/// note reaches the real follower while the hanging requests wait for their 10 s timeout.
/// (Before, each claimed job took one of the 8 request slots before waiting for its host's:
/// the hanging host's jobs held all 8, and the real follower waited for the timeouts.)
async fn a_hanging_host_with_many_jobs_first_does_not_hold_the_worker(backend: Backend) {
    let tarpit = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let tarpit_port = tarpit.local_addr().expect("addr").port();
    let held = Arc::new(AtomicUsize::new(0));
    let counter = held.clone();
    let tarpit_task = tokio::spawn(async move {
        let mut sockets = Vec::new();
        while let Ok((socket, _)) = tarpit.accept().await {
            counter.fetch_add(1, Ordering::SeqCst);
            sockets.push(socket);
        }
    });
    let (db_a, db_b) = (TestDb::new(backend).await, TestDb::new(backend).await);
    // The production tuning: 2-minute leases, so that a job waiting for its host's slot could
    // wait for the hanging requests' timeout.
    let alpha = Instance::start_with_worker(&db_a.url, WorkerOptions::default(), |c| {
        c.federation.delivery_concurrency = 8
    })
    .await;
    let beta = Instance::start(&db_b.url).await;
    alpha.create_place("epn").await;
    beta.create_place("fablab").await;
    galaxie_tests::follow(&beta, "fablab", &alpha, "epn").await;
    let hanging: Vec<String> = (0..24)
        .map(|n| format!("http://localhost:{tarpit_port}/users/sloth{n}/inbox"))
        .collect();
    add_followers(&alpha, &hanging).await;

    // The hanging host's jobs are queued first: their notes are published before the real
    // follower's jobs of the same notes can be claimed (claims take the oldest first).
    for i in 0..5 {
        let note = NewNote::parse(RawNote {
            text: Some(format!("Note {i}")),
            text_falc: None,
        })
        .expect("note");
        service::publish_note(&alpha.data, "epn", note)
            .await
            .expect("publish");
    }
    let author = alpha.place_url("epn");
    eventually(
        "beta receives the 5 notes while the hanging host holds its requests",
        Duration::from_secs(6),
        || async {
            let n = galaxie_db::objects::count_by_author(beta.data.db().conn(), &author)
                .await
                .ok()?;
            (n == 5).then_some(())
        },
    )
    .await;
    let per_host = alpha.data.settings().delivery_per_host;
    let connections = held.load(Ordering::SeqCst);
    assert!(
        connections >= 1 && connections <= per_host,
        "the hanging host got between 1 and {per_host} requests at once: {connections}"
    );
    tarpit_task.abort();
    alpha.stop().await;
    beta.stop().await;
    db_a.cleanup().await;
    db_b.cleanup().await;
}

on_both_backends!(a_hanging_host_with_many_jobs_first_does_not_hold_the_worker);

/// Parses the Prometheus text format: every sample is `name{labels} value`, every metric has
/// a `# TYPE`. Returns the samples by `name{labels}`.
fn parse_metrics(text: &str) -> HashMap<String, f64> {
    let mut typed = std::collections::HashSet::new();
    let mut samples = HashMap::new();
    for line in text.lines() {
        if let Some(rest) = line.strip_prefix("# TYPE ") {
            let mut parts = rest.split(' ');
            let name = parts.next().expect("name");
            let kind = parts.next().expect("type");
            assert!(
                ["counter", "gauge", "histogram"].contains(&kind),
                "type of {name}: {kind}"
            );
            typed.insert(name.to_string());
            continue;
        }
        if line.starts_with('#') || line.is_empty() {
            continue;
        }
        let (series, value) = line.rsplit_once(' ').expect("a sample is `series value`");
        let value: f64 = value.parse().unwrap_or_else(|_| panic!("value of {line}"));
        let name = series.split('{').next().expect("name");
        let base = ["_bucket", "_sum", "_count"]
            .iter()
            .find_map(|s| name.strip_suffix(s).filter(|b| typed.contains(*b)))
            .unwrap_or(name);
        assert!(typed.contains(base), "{name} has no # TYPE line");
        if let Some(labels) = series.strip_prefix(name)
            && !labels.is_empty()
        {
            assert!(
                labels.starts_with('{') && labels.ends_with('}') && labels.contains("=\""),
                "labels of {line}"
            );
        }
        samples.insert(series.to_string(), value);
    }
    samples
}

/// `/metrics` after some traffic: inbox counters by reason, latency histograms of the inbox,
/// of deliveries and of timeline queries, delivery counters, and the queue per host.
async fn metrics_are_scraped_in_the_prometheus_format(backend: Backend) {
    let (db_a, db_b) = (TestDb::new(backend).await, TestDb::new(backend).await);
    let alpha = Instance::start(&db_a.url).await;
    let beta = Instance::start(&db_b.url).await;
    alpha.create_place("epn").await;
    let fablab = beta.create_place("fablab").await;
    galaxie_tests::follow(&beta, "fablab", &alpha, "epn").await;
    // A follower whose server is down: its jobs stay in the queue.
    let down = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let down_port = down.local_addr().expect("addr").port();
    drop(down);
    add_followers(
        &alpha,
        &[format!("http://localhost:{down_port}/users/gone/inbox")],
    )
    .await;
    for i in 0..3 {
        let note = NewNote::parse(RawNote {
            text: Some(format!("Note {i}")),
            text_falc: None,
        })
        .expect("note");
        service::publish_note(&alpha.data, "epn", note)
            .await
            .expect("publish");
    }
    let author = alpha.place_url("epn");
    eventually(
        "beta receives the notes",
        Duration::from_secs(20),
        || async {
            let n = galaxie_db::objects::count_by_author(beta.data.db().conn(), &author)
                .await
                .ok()?;
            (n == 3).then_some(())
        },
    )
    .await;
    // Inbox traffic: two accepted, one badly signed, one unsigned.
    let client = reqwest::Client::new();
    let inbox = format!("{}/places/epn/inbox", alpha.base);
    let key_id = format!("{}#main-key", beta.place_url("fablab"));
    for n in 0..2 {
        let (status, text) = signed_post(
            &client,
            &inbox,
            note_activity(&beta, &alpha, n),
            &fablab.private_key_pem,
            &key_id,
        )
        .await;
        assert_eq!(status, 202, "{text}");
    }
    let other = galaxie_federation::signatures::generate_keypair().expect("keys");
    let (status, _) = signed_post(
        &client,
        &inbox,
        note_activity(&beta, &alpha, 9),
        &other.private_key_pem,
        &key_id,
    )
    .await;
    assert_eq!(status, 401);
    let status = client
        .post(&inbox)
        .header("content-type", "application/activity+json")
        .body(note_activity(&beta, &alpha, 10))
        .send()
        .await
        .expect("send")
        .status();
    assert_eq!(status.as_u16(), 401);
    let timeline = client
        .get(format!("{}/api/v1/timeline", alpha.base))
        .send()
        .await
        .expect("timeline");
    assert_eq!(timeline.status().as_u16(), 200);

    let res = client
        .get(format!("{}/metrics", alpha.base))
        .send()
        .await
        .expect("metrics");
    assert_eq!(res.status().as_u16(), 200);
    assert!(
        res.headers()["content-type"]
            .to_str()
            .expect("type")
            .starts_with("text/plain; version=0.0.4")
    );
    let text = res.text().await.expect("text");
    let m = parse_metrics(&text);
    let get = |series: &str| {
        *m.get(series)
            .unwrap_or_else(|| panic!("{series} is missing:\n{text}"))
    };
    assert_eq!(
        get("galaxie_inbox_accepted_total"),
        3.0,
        "the Follow and two notes"
    );
    assert_eq!(get("galaxie_inbox_rejected_total"), 2.0);
    assert_eq!(
        get("galaxie_inbox_rejections_total{reason=\"signature\"}"),
        2.0
    );
    assert_eq!(get("galaxie_inbox_rejections_total{reason=\"busy\"}"), 0.0);
    assert_eq!(get("galaxie_inbox_request_seconds_count"), 5.0);
    assert_eq!(
        get("galaxie_inbox_request_seconds_bucket{le=\"+Inf\"}"),
        5.0
    );
    assert!(get("galaxie_inbox_request_seconds_sum") > 0.0);
    // 3 notes and the Accept reached beta; the down follower's attempts failed.
    assert_eq!(get("galaxie_deliveries_ok_total"), 4.0);
    assert!(get("galaxie_delivery_request_seconds_count") >= 4.0);
    assert!(get("galaxie_deliveries_retried_total") >= 1.0);
    assert_eq!(get("galaxie_deliveries_dead_total"), 0.0);
    assert_eq!(get("galaxie_timeline_query_seconds_count"), 1.0);
    let down_host =
        format!("galaxie_delivery_queue_host_pending{{host=\"localhost:{down_port}\"}}");
    assert_eq!(get(&down_host), 3.0, "{text}");
    assert_eq!(get("galaxie_delivery_queue_pending"), 3.0);
    assert_eq!(get("galaxie_places"), 1.0);
    // Buckets are cumulative.
    let buckets: Vec<f64> = text
        .lines()
        .filter(|l| l.starts_with("galaxie_delivery_request_seconds_bucket"))
        .map(|l| l.rsplit_once(' ').expect("sample").1.parse().expect("n"))
        .collect();
    assert!(buckets.windows(2).all(|w| w[0] <= w[1]), "{buckets:?}");

    alpha.stop().await;
    beta.stop().await;
    db_a.cleanup().await;
    db_b.cleanup().await;
}

on_both_backends!(metrics_are_scraped_in_the_prometheus_format);
