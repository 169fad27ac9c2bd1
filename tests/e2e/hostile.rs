//! Hostile peers and clients, beyond malformed requests (`bad_input`): a replayed activity,
//! a redirect towards another address, an endless response, a client that never finishes
//! its request. Each checks that nothing is stored or done twice.

use crate::bad_input::{Signer, counts, post};
use axum::Router;
use axum::http::{StatusCode, header};
use axum::response::IntoResponse;
use galaxie_federation::service;
use galaxie_tests::{Backend, Instance, TestDb, eventually, on_both_backends};
use serde_json::{Value, json};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

/// Serves `router` on a free loopback port; returns the port.
async fn serve(router: Router) -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let port = listener.local_addr().expect("addr").port();
    tokio::spawn(async move {
        let _ = axum::serve(listener, router).await;
    });
    port
}

/// Deliveries recorded towards `inbox` (any status).
async fn deliveries_to(instance: &Instance, inbox: &str) -> u64 {
    use galaxie_db::entities::deliveries::{Column, Entity};
    use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
    Entity::find()
        .filter(Column::Inbox.eq(inbox))
        .count(instance.data.db().conn())
        .await
        .expect("deliveries")
}

/// Waits until `instance`'s inbox worker has gone through its queue.
async fn inbox_idle(instance: &Instance) {
    eventually(
        "the inbox queue is idle",
        Duration::from_secs(20),
        || async {
            let pending = galaxie_db::inbox_queue::count_with_status(
                instance.data.db().conn(),
                galaxie_db::entities::inbox_queue::InboxStatus::Pending,
            )
            .await
            .expect("pending");
            (pending == 0).then_some(())
        },
    )
    .await;
}

/// A `Follow`, its `Undo`, then the very same signed `Follow` request sent again (within the
/// signature's validity): the replay is answered like a duplicate and changes nothing — the
/// follower stays gone and no second `Accept` is sent.
async fn a_replayed_activity_changes_nothing(backend: Backend) {
    let (db_a, db_b) = (TestDb::new(backend).await, TestDb::new(backend).await);
    let alpha = Instance::start(&db_a.url).await;
    let beta = Instance::start(&db_b.url).await;
    alpha.create_place("epn").await;
    beta.create_place("fablab").await;
    let fablab = galaxie_db::places::get_by_username(beta.data.db().conn(), "fablab")
        .await
        .expect("p");
    let signer = Signer {
        key_pem: fablab.private_key_pem.clone(),
        key_id: format!("{}#main-key", beta.place_url("fablab")),
    };
    let inbox = format!("{}/places/epn/inbox", alpha.base);
    let fablab_inbox = format!("{}/inbox", beta.place_url("fablab"));
    let follow_id = format!("{}/activities/replayed-follow", beta.base);
    let follow: Value = json!({
        "@context": "https://www.w3.org/ns/activitystreams",
        "id": follow_id,
        "type": "Follow",
        "actor": beta.place_url("fablab"),
        "object": alpha.place_url("epn"),
    });
    let body = serde_json::to_vec(&follow).expect("json");
    let (status, text) = post(&inbox, body.clone(), Some(&signer), |_| {}).await;
    assert_eq!(status, 202, "{text}");
    eventually("the follow is applied", Duration::from_secs(20), || async {
        (counts(&alpha).await.followers == 1).then_some(())
    })
    .await;
    let accepts = deliveries_to(&alpha, &fablab_inbox).await;
    assert_eq!(accepts, 1, "one Accept");

    // The same activity again, while it is still followed: a duplicate.
    let (status, text) = post(&inbox, body.clone(), Some(&signer), |_| {}).await;
    assert!(status == 202 || status == 200, "{status} {text}");

    // Undo, then the original Follow replayed.
    let undo = json!({
        "@context": "https://www.w3.org/ns/activitystreams",
        "id": format!("{}/activities/replayed-undo", beta.base),
        "type": "Undo",
        "actor": beta.place_url("fablab"),
        "object": follow,
    });
    let (status, text) = post(
        &inbox,
        serde_json::to_vec(&undo).expect("json"),
        Some(&signer),
        |_| {},
    )
    .await;
    assert_eq!(status, 202, "{text}");
    eventually("the undo is applied", Duration::from_secs(20), || async {
        (counts(&alpha).await.followers == 0).then_some(())
    })
    .await;
    inbox_idle(&alpha).await;
    let before = counts(&alpha).await.activities;
    let (status, text) = post(&inbox, body, Some(&signer), |_| {}).await;
    assert!(status == 202 || status == 200, "{status} {text}");
    inbox_idle(&alpha).await;
    let after = counts(&alpha).await;
    assert_eq!(after.followers, 0, "the replayed follow did not come back");
    assert_eq!(after.activities, before, "nothing recorded for the replay");
    assert_eq!(
        deliveries_to(&alpha, &fablab_inbox).await,
        accepts,
        "no second Accept"
    );
    alpha.stop().await;
    beta.stop().await;
    db_a.cleanup().await;
    db_b.cleanup().await;
}

on_both_backends!(a_replayed_activity_changes_nothing);

/// A server that counts its requests and answers each with `status`, `Location: {to}` when
/// given; returns its port and its counter.
async fn redirector(to: Option<String>) -> (u16, Arc<AtomicUsize>) {
    let hits = Arc::new(AtomicUsize::new(0));
    let counter = hits.clone();
    let port = serve(Router::new().fallback(move || {
        let counter = counter.clone();
        let to = to.clone();
        async move {
            counter.fetch_add(1, Ordering::SeqCst);
            match to {
                Some(to) => {
                    (StatusCode::TEMPORARY_REDIRECT, [(header::LOCATION, to)]).into_response()
                }
                None => StatusCode::NOT_FOUND.into_response(),
            }
        }
    }))
    .await;
    (port, hits)
}

/// Redirects: a fetch follows one at most (and, outside debug mode, the crate checks its
/// target again: https, a public address, no explicit port), so a chain of redirects or a
/// loop ends at the second request; a delivery follows none, so its POST never reaches
/// the address a redirect names. Nothing is stored.
async fn redirect_chains_end_at_once(backend: Backend) {
    let db = TestDb::new(backend).await;
    let alpha = Instance::start(&db.url).await;
    let place = alpha.create_place("epn").await;
    let conn = alpha.data.db().conn();

    // A → B → C: C is never asked.
    let (c, c_hits) = redirector(None).await;
    let (b, b_hits) = redirector(Some(format!("http://localhost:{c}/users/x"))).await;
    let (a, a_hits) = redirector(Some(format!("http://localhost:{b}/users/x"))).await;
    service::follow(&alpha.data, "epn", &format!("http://localhost:{a}/users/x"))
        .await
        .expect_err("a chain of redirects is not an actor");
    assert_eq!(a_hits.load(Ordering::SeqCst), 1);
    assert_eq!(b_hits.load(Ordering::SeqCst), 1, "one redirect followed");
    assert_eq!(c_hits.load(Ordering::SeqCst), 0, "not two");

    // A loop: at most two requests.
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let l = listener.local_addr().expect("addr").port();
    let looped = Arc::new(AtomicUsize::new(0));
    let counter = looped.clone();
    tokio::spawn(async move {
        let router = Router::new().fallback(move || {
            let counter = counter.clone();
            async move {
                counter.fetch_add(1, Ordering::SeqCst);
                (
                    StatusCode::FOUND,
                    [(header::LOCATION, format!("http://localhost:{l}/loop"))],
                )
            }
        });
        let _ = axum::serve(listener, router).await;
    });
    service::follow(&alpha.data, "epn", &format!("http://localhost:{l}/loop"))
        .await
        .expect_err("a loop is not an actor");
    assert!(
        looped.load(Ordering::SeqCst) <= 2,
        "{}",
        looped.load(Ordering::SeqCst)
    );
    assert!(
        galaxie_db::follows::followings_of(conn, place.id)
            .await
            .expect("q")
            .is_empty()
    );

    // A follower whose inbox redirects: the POST is not repeated elsewhere.
    let (target, target_hits) = redirector(None).await;
    let (inbox, inbox_hits) = redirector(Some(format!("http://localhost:{target}/inbox"))).await;
    alpha
        .add_remote_follower(
            "epn",
            &format!("http://localhost:{inbox}/users/f"),
            &format!("http://localhost:{inbox}/inbox"),
        )
        .await;
    let note = galaxie_domain::NewNote::parse(galaxie_domain::RawNote {
        text: Some("Atelier réparation samedi".into()),
        text_falc: None,
    })
    .expect("note");
    service::publish_note(&alpha.data, "epn", note)
        .await
        .expect("publish");
    eventually(
        "the redirecting inbox is tried",
        Duration::from_secs(20),
        || async { (inbox_hits.load(Ordering::SeqCst) >= 2).then_some(()) },
    )
    .await;
    assert_eq!(
        target_hits.load(Ordering::SeqCst),
        0,
        "the redirect is not followed"
    );
    assert_eq!(
        galaxie_db::deliveries::count_with_status(
            conn,
            galaxie_db::entities::deliveries::DeliveryStatus::Delivered
        )
        .await
        .expect("count"),
        0,
        "a redirect is not a delivery"
    );
    alpha.stop().await;
    db.cleanup().await;
}

on_both_backends!(redirect_chains_end_at_once);

/// A peer whose actor document never ends: the fetch stops at the size limit with an error
/// instead of filling the memory, and nothing is stored.
#[tokio::test]
async fn an_endless_response_is_cut() {
    let db = TestDb::new(Backend::Sqlite).await;
    let alpha = Instance::start(&db.url).await;
    alpha.create_place("epn").await;
    // A raw server: headers without a length, then spaces for as long as anyone reads.
    let sent = Arc::new(AtomicUsize::new(0));
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let endless = listener.local_addr().expect("addr").port();
    let counter = sent.clone();
    tokio::spawn(async move {
        while let Ok((mut socket, _)) = listener.accept().await {
            let counter = counter.clone();
            tokio::spawn(async move {
                let mut request = [0u8; 4096];
                let _ = socket.read(&mut request).await;
                let head = "HTTP/1.1 200 OK\r\nContent-Type: application/activity+json\r\n\
                            Connection: close\r\n\r\n{\"type\":\"Person\",\"name\":\"";
                if socket.write_all(head.as_bytes()).await.is_err() {
                    return;
                }
                let chunk = vec![b' '; 64 * 1024];
                // Bounded, so that a fetcher that never stops cannot keep the test running.
                for _ in 0..4096 {
                    if socket.write_all(&chunk).await.is_err() {
                        return;
                    }
                    counter.fetch_add(chunk.len(), Ordering::SeqCst);
                }
            });
        }
    });
    let result = tokio::time::timeout(
        Duration::from_secs(60),
        service::follow(
            &alpha.data,
            "epn",
            &format!("http://localhost:{endless}/users/x"),
        ),
    )
    .await
    .expect("the fetch ends");
    let err = result.expect_err("an endless document is refused");
    // The fetcher stopped reading long before the server's 256 MiB.
    assert!(
        sent.load(Ordering::SeqCst) < 64 * 1024 * 1024,
        "read {} bytes: {err}",
        sent.load(Ordering::SeqCst)
    );
    assert!(
        galaxie_db::actors::by_ap_id(
            alpha.data.db().conn(),
            &format!("http://localhost:{endless}/users/x")
        )
        .await
        .expect("q")
        .is_none()
    );
    alpha.stop().await;
    db.cleanup().await;
}

/// A client that sends its headers and part of its body, then nothing: answered 408 once the
/// request timeout passes, and nothing is stored.
#[tokio::test]
async fn a_client_that_stalls_gets_408() {
    let db = TestDb::new(Backend::Sqlite).await;
    let alpha = Instance::start_with(&db.url, |c| c.server.request_timeout_secs = 1).await;
    alpha.create_place("epn").await;
    let before = counts(&alpha).await;
    let mut stream = tokio::net::TcpStream::connect(("127.0.0.1", alpha.port))
        .await
        .expect("connect");
    let head = format!(
        "POST /places/epn/inbox HTTP/1.1\r\nHost: localhost:{}\r\n\
         Content-Type: application/activity+json\r\nContent-Length: 1000\r\n\r\n{{\"type\":",
        alpha.port
    );
    stream.write_all(head.as_bytes()).await.expect("write");
    let mut answer = Vec::new();
    let read = tokio::time::timeout(Duration::from_secs(60), async {
        let mut buf = [0u8; 1024];
        loop {
            match stream.read(&mut buf).await {
                Ok(0) | Err(_) => break,
                Ok(n) => {
                    answer.extend_from_slice(&buf[..n]);
                    if answer.windows(4).any(|w| w == b"\r\n\r\n") {
                        break;
                    }
                }
            }
        }
    })
    .await;
    assert!(read.is_ok(), "the server answers a stalled client");
    let answer = String::from_utf8_lossy(&answer);
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    let after = counts(&alpha).await;
    assert_eq!(after.activities, before.activities);
    assert_eq!(after.followers, before.followers);
    alpha.stop().await;
    db.cleanup().await;
}
