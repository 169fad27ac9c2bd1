//! A host that hangs never delays the others: alpha's place has a real follower (beta) and a
//! follower whose server accepts connections and never answers; every note reaches beta while
//! the hanging requests are still waiting for their timeout.

use galaxie_domain::{NewNote, RawNote};
use galaxie_federation::service;
use galaxie_tests::{Backend, Instance, TestDb, eventually, on_both_backends};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

async fn a_hanging_host_does_not_delay_the_others(backend: Backend) {
    // The tarpit: accepts, reads, never answers.
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
    let alpha = Instance::start(&db_a.url).await;
    let beta = Instance::start(&db_b.url).await;
    alpha.create_place("epn").await;
    beta.create_place("fablab").await;
    galaxie_tests::follow(&beta, "fablab", &alpha, "epn").await;

    // A follower on the hanging host.
    let hanging = format!("http://localhost:{tarpit_port}/users/sloth");
    alpha
        .add_remote_follower(
            "epn",
            &hanging,
            &format!("http://localhost:{tarpit_port}/inbox"),
        )
        .await;

    for i in 0..20 {
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
    // The hanging requests time out after 10 s (the default); all 20 notes must reach beta
    // well before, while the tarpit still holds connections.
    eventually(
        "beta receives all 20 notes while the tarpit hangs",
        Duration::from_secs(8),
        || async {
            let n = galaxie_db::objects::count_by_author(beta.data.db().conn(), &author)
                .await
                .ok()?;
            (n == 20).then_some(())
        },
    )
    .await;
    assert!(
        held.load(Ordering::SeqCst) >= 1,
        "the hanging host was contacted"
    );
    let per_host = alpha.data.settings().delivery_per_host;
    assert!(
        held.load(Ordering::SeqCst) <= per_host,
        "at most {per_host} requests at once to one host, found {}",
        held.load(Ordering::SeqCst)
    );

    tarpit_task.abort();
    alpha.stop().await;
    beta.stop().await;
    db_a.cleanup().await;
    db_b.cleanup().await;
}

on_both_backends!(a_hanging_host_does_not_delay_the_others);
