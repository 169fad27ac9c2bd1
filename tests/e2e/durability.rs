//! A process killed in the middle of delivery loses nothing: 50 deliveries queued for a peer
//! that is down; the app's runtime is dropped without graceful shutdown; a new app on the same
//! database, with the peer back up, delivers all 50, none twice.

use galaxie_db::entities::deliveries::DeliveryStatus;
use galaxie_domain::{NewNote, NewPlace, RawNote, RawPlace};
use galaxie_federation::service;
use galaxie_tests::{Backend, Instance, TestDb, eventually, on_both_backends};
use std::time::Duration;
use tokio::net::TcpListener;

async fn deliveries_survive_an_abrupt_stop(backend: Backend) {
    let db_a = TestDb::new(backend).await;
    let db_b = TestDb::new(backend).await;

    // Alpha runs on its own runtime, in its own thread, so that it can be killed.
    let alpha_std = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let alpha_port = alpha_std.local_addr().expect("addr").port();
    let alpha_url = format!("http://localhost:{alpha_port}");
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("rt");
    let alpha_db = db_a.url.clone();
    let alpha = runtime.block_on_in_thread(async move {
        alpha_std.set_nonblocking(true).expect("nonblocking");
        let listener = TcpListener::from_std(alpha_std).expect("listener");
        Instance::start_on(listener, &alpha_db).await
    });

    let beta_listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let beta_port = beta_listener.local_addr().expect("addr").port();
    let beta = Instance::start_on(beta_listener, &db_b.url).await;
    for (instance, name) in [(&alpha, "epn"), (&beta, "fablab")] {
        let place = NewPlace::parse(RawPlace {
            username: Some(name.into()),
            name: Some(name.into()),
            ..Default::default()
        })
        .expect("place");
        service::create_place(&instance.data, place)
            .await
            .expect("create");
    }
    service::follow(&beta.data, "fablab", &format!("{alpha_url}/places/epn"))
        .await
        .expect("follow");
    let alpha_data = alpha.data.clone();
    eventually(
        "alpha has beta as follower",
        Duration::from_secs(20),
        || {
            let alpha_data = alpha_data.clone();
            async move {
                let f = service::followers(&alpha_data, "epn", None).await.ok()?;
                (f.len() == 1).then_some(())
            }
        },
    )
    .await;
    // Wait for alpha's Accept to reach beta, so the only pending jobs are the 50 notes.
    eventually("alpha's queue is empty", Duration::from_secs(20), || {
        let alpha_data = alpha_data.clone();
        async move {
            let n = galaxie_db::deliveries::count_with_status(
                alpha_data.db().conn(),
                DeliveryStatus::Pending,
            )
            .await
            .ok()?;
            (n == 0).then_some(())
        }
    })
    .await;

    // The peer goes down; alpha queues 50 notes for it.
    beta.stop().await;
    for i in 0..50 {
        let note = NewNote::parse(RawNote {
            text_falc: None,
            text: Some(format!("Nouvelle n°{i}")),
        })
        .expect("note");
        service::publish_note(&alpha_data, "epn", note)
            .await
            .expect("publish");
    }
    assert_eq!(
        galaxie_db::deliveries::count_with_status(alpha_data.db().conn(), DeliveryStatus::Pending)
            .await
            .expect("count"),
        50
    );
    tokio::time::sleep(Duration::from_millis(500)).await;

    // Alpha is killed: its runtime is dropped, no graceful shutdown.
    drop(alpha);
    runtime.shutdown_background();

    // The peer comes back on the same port; a new alpha starts on the same database.
    let beta_listener = rebind(beta_port).await;
    let beta = Instance::start_on(beta_listener, &db_b.url).await;
    let alpha = Instance::start_on(rebind(alpha_port).await, &db_a.url).await;

    let conn = beta.data.db().conn().clone();
    let author = format!("{alpha_url}/places/epn");
    eventually("all 50 notes arrive", Duration::from_secs(60), || {
        let conn = conn.clone();
        let author = author.clone();
        async move {
            let n = galaxie_db::objects::count_by_author(&conn, &author)
                .await
                .ok()?;
            (n == 50).then_some(())
        }
    })
    .await;
    // The inbox worker records the activities it applied with each batch: wait for them.
    let creates = eventually(
        "the 50 Creates are recorded",
        Duration::from_secs(20),
        || {
            let conn = conn.clone();
            async move {
                let creates = galaxie_db::activities::received_of_kind(&conn, "Create")
                    .await
                    .ok()?;
                (creates.len() >= 50).then_some(creates)
            }
        },
    )
    .await;
    assert_eq!(creates.len(), 50, "each Create is recorded once");
    let mut ids: Vec<&str> = creates.iter().map(|a| a.ap_id.as_str()).collect();
    ids.dedup();
    assert_eq!(ids.len(), 50);
    eventually(
        "alpha marks all 50 delivered",
        Duration::from_secs(20),
        || {
            let data = alpha.data.clone();
            async move {
                let pending = galaxie_db::deliveries::count_with_status(
                    data.db().conn(),
                    DeliveryStatus::Pending,
                )
                .await
                .ok()?;
                (pending == 0).then_some(())
            }
        },
    )
    .await;
    alpha.stop().await;
    beta.stop().await;
    db_a.cleanup().await;
    db_b.cleanup().await;
}

async fn rebind(port: u16) -> TcpListener {
    for _ in 0..100 {
        if let Ok(l) = TcpListener::bind(("127.0.0.1", port)).await {
            return l;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("cannot rebind port {port}");
}

trait BlockOnInThread {
    fn block_on_in_thread<T: Send + 'static>(
        &self,
        fut: impl std::future::Future<Output = T> + Send + 'static,
    ) -> T;
}

impl BlockOnInThread for tokio::runtime::Runtime {
    /// Runs `fut` to completion on this runtime from inside another runtime.
    fn block_on_in_thread<T: Send + 'static>(
        &self,
        fut: impl std::future::Future<Output = T> + Send + 'static,
    ) -> T {
        let handle = self.spawn(fut);
        let rt = self.handle().clone();
        std::thread::spawn(move || rt.block_on(handle).expect("join"))
            .join()
            .expect("thread")
    }
}

on_both_backends!(deliveries_survive_an_abrupt_stop);
