//! Backfill: a new follower's timeline starts with the followed actor's recent posts, from a
//! place's outbox (its `Create`s) and from a network's (its `Announce`s); a hostile outbox
//! (endless pages, a loop, foreign objects) is read within bounds.

use axum::Router;
use axum::extract::{Path, State};
use axum::response::IntoResponse;
use axum::routing::get;
use galaxie_db::networks::JoinPolicy;
use galaxie_domain::{NewNote, NewPlace, RawNote, RawPlace};
use galaxie_federation::backfill::{self, MAX_PAGES};
use galaxie_federation::{network, relay, service};
use galaxie_tests::{Backend, Instance, TestDb, eventually, on_both_backends};
use serde_json::{Value, json};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

const WAIT: Duration = Duration::from_secs(30);

fn note(text: &str) -> NewNote {
    NewNote::parse(RawNote {
        text: Some(text.into()),
        text_falc: None,
    })
    .expect("valid note")
}

async fn has(instance: &Instance, ap_id: &str) -> bool {
    galaxie_db::objects::by_ap_id(instance.data.db().conn(), ap_id)
        .await
        .expect("query")
        .is_some()
}

async fn a_new_follower_gets_recent_posts(backend: Backend) {
    let (db_a, db_b, db_c) = (
        TestDb::new(backend).await,
        TestDb::new(backend).await,
        TestDb::new(backend).await,
    );
    let source = Instance::start(&db_a.url).await;
    let net = Instance::start(&db_b.url).await;
    let reader = Instance::start(&db_c.url).await;
    source.create_place("epn").await;
    let new = NewPlace::parse(RawPlace {
        username: Some("reseau".into()),
        name: Some("Réseau".into()),
        ..Default::default()
    })
    .expect("valid");
    network::create(&net.data, new, JoinPolicy::Open)
        .await
        .expect("network");
    network::join(&source.data, "epn", &net.handle("reseau"))
        .await
        .expect("join");
    let epn = source.place_url("epn");
    eventually("the network follows its member", WAIT, || async {
        let id = galaxie_db::places::get_by_username(net.data.db().conn(), "reseau")
            .await
            .ok()?
            .id;
        let f = galaxie_db::follows::following(net.data.db().conn(), id, &epn)
            .await
            .ok()??;
        (f.status == galaxie_db::entities::followers::FollowStatus::Accepted).then_some(())
    })
    .await;

    // Posts published before the reader follows anyone.
    let mut posts = Vec::new();
    for text in ["Atelier un", "Atelier deux", "Atelier trois"] {
        posts.push(
            service::publish_note(&source.data, "epn", note(text))
                .await
                .expect("publish")
                .ap_id,
        );
    }
    let network_id = galaxie_db::places::get_by_username(net.data.db().conn(), "reseau")
        .await
        .expect("network")
        .id;
    eventually("the network announced them", WAIT, || async {
        for p in &posts {
            if galaxie_db::networks::announces_of_object(net.data.db().conn(), network_id, p)
                .await
                .ok()?
                .is_empty()
            {
                return None;
            }
        }
        Some(())
    })
    .await;

    // The reader subscribes to the network only: its outbox's announces fill the timeline.
    relay::follow_actor(&reader.data, &net.handle("reseau"))
        .await
        .expect("subscribe");
    for p in &posts {
        eventually("the reader backfills the network's posts", WAIT, || async {
            has(&reader, p).await.then_some(())
        })
        .await;
    }
    let via = reader.sources_recorded(&posts[0]).await;
    assert_eq!(via[0].via_ap_id, net.place_url("reseau"));

    // A place of the reader follows the place: already stored, stored once.
    reader.create_place("lecteur").await;
    galaxie_tests::follow(&reader, "lecteur", &source, "epn").await;
    let done = backfill::run(&reader.data, &url::Url::parse(&epn).expect("url"))
        .await
        .expect("backfill");
    assert_eq!(done.stored, 3, "{done:?}");
    for p in &posts {
        let rows = galaxie_db::objects::by_ap_id(reader.data.db().conn(), p)
            .await
            .expect("query");
        assert!(rows.is_some());
    }

    for i in [source, net, reader] {
        i.stop().await;
    }
    for d in [db_a, db_b, db_c] {
        d.cleanup().await;
    }
}
on_both_backends!(a_new_follower_gets_recent_posts);

fn activity(value: Value) -> impl IntoResponse {
    (
        [("content-type", "application/activity+json")],
        value.to_string(),
    )
}

#[derive(Clone)]
struct Hostile {
    base: String,
    pages: Arc<AtomicUsize>,
}

/// Every page links to a next one, forever; items are foreign objects or not public.
async fn endless_page(State(h): State<Hostile>, Path(n): Path<usize>) -> impl IntoResponse {
    h.pages.fetch_add(1, Ordering::SeqCst);
    activity(json!({
        "@context": "https://www.w3.org/ns/activitystreams",
        "id": format!("{}/outbox/{n}", h.base),
        "type": "OrderedCollectionPage",
        "next": format!("{}/outbox/{}", h.base, n + 1),
        "orderedItems": [
            {
                "id": format!("{}/activities/{n}-a", h.base),
                "type": "Create",
                "actor": format!("{}/actor", h.base),
                "to": ["https://www.w3.org/ns/activitystreams#Public"],
                // An object on another host: never fetched for a Create.
                "object": "https://elsewhere.invalid/objects/1",
            },
            {
                "id": format!("{}/activities/{n}-b", h.base),
                "type": "Create",
                "actor": format!("{}/actor", h.base),
                "to": [format!("{}/followers", h.base)],
                "object": format!("{}/objects/private-{n}", h.base),
            }
        ]
    }))
}

async fn loop_page(State(h): State<Hostile>) -> impl IntoResponse {
    h.pages.fetch_add(1, Ordering::SeqCst);
    activity(json!({
        "id": format!("{}/loop", h.base),
        "type": "OrderedCollectionPage",
        "next": format!("{}/loop", h.base),
        "orderedItems": [],
    }))
}

async fn hostile_outboxes_are_read_within_bounds(backend: Backend) {
    let db = TestDb::new(backend).await;
    let reader = Instance::start(&db.url).await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let port = listener.local_addr().expect("addr").port();
    let hostile = Hostile {
        base: format!("http://localhost:{port}"),
        pages: Arc::new(AtomicUsize::new(0)),
    };
    let app = Router::new()
        .route("/outbox/{n}", get(endless_page))
        .route("/loop", get(loop_page))
        .with_state(hostile.clone());
    let server = tokio::spawn(async move { axum::serve(listener, app).await });

    for (outbox, bound) in [
        (format!("{}/outbox/0", hostile.base), MAX_PAGES),
        (format!("{}/loop", hostile.base), 1),
    ] {
        hostile.pages.store(0, Ordering::SeqCst);
        let actor = format!("{}/actor-{}", hostile.base, bound);
        galaxie_db::actors::upsert(
            reader.data.db().conn(),
            galaxie_db::actors::ActorData {
                ap_id: actor.clone(),
                kind: "Organization".into(),
                preferred_username: Some("hostile".into()),
                name: None,
                summary: None,
                domain: "localhost".into(),
                inbox: format!("{}/inbox", hostile.base),
                shared_inbox: None,
                outbox: Some(outbox),
                followers: None,
                url: None,
                icon_url: None,
                public_key_id: format!("{actor}#key"),
                public_key_pem: String::new(),
                manually_approves_followers: false,
            },
        )
        .await
        .expect("actor");
        let done = backfill::run(&reader.data, &url::Url::parse(&actor).expect("url"))
            .await
            .expect("bounded backfill");
        assert_eq!(done.stored, 0, "{done:?}");
        assert!(done.pages <= bound, "{done:?}");
        assert_eq!(hostile.pages.load(Ordering::SeqCst), done.pages);
    }
    assert_eq!(
        galaxie_db::objects::count_all(reader.data.db().conn())
            .await
            .expect("count"),
        0
    );

    server.abort();
    reader.stop().await;
    db.cleanup().await;
}
on_both_backends!(hostile_outboxes_are_read_within_bounds);
