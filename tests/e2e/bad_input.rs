//! Bad input gets a clear error and nothing is stored.

use galaxie_domain::{NewPlace, RawPlace};
use galaxie_federation::service;
use galaxie_federation::signatures::{KeyCache, sign_post};
use galaxie_tests::{Backend, Instance, TestDb, on_both_backends};
use serde_json::{Value, json};
use std::time::{Duration, SystemTime};

pub(crate) struct Signer {
    pub(crate) key_pem: String,
    pub(crate) key_id: String,
}

pub(crate) struct Counts {
    pub(crate) activities: u64,
    pub(crate) objects: u64,
    pub(crate) followers: usize,
}

pub(crate) async fn counts(alpha: &Instance) -> Counts {
    let conn = alpha.data.db().conn();
    Counts {
        activities: galaxie_db::activities::count_all(conn)
            .await
            .expect("count"),
        objects: galaxie_db::objects::count_all(conn).await.expect("count"),
        followers: service::followers(&alpha.data, "epn", None)
            .await
            .expect("followers")
            .len(),
    }
}

pub(crate) async fn post(
    inbox: &str,
    body: Vec<u8>,
    signer: Option<&Signer>,
    tweak: impl FnOnce(&mut reqwest::header::HeaderMap),
) -> (u16, String) {
    let url = url::Url::parse(inbox).expect("url");
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert(
        "content-type",
        "application/activity+json".parse().expect("h"),
    );
    if let Some(s) = signer {
        let key = KeyCache::default().private(&s.key_pem).expect("key");
        let signed = sign_post(&key, &s.key_id, &url, &body, SystemTime::now()).expect("sign");
        headers.insert("host", signed.host.parse().expect("h"));
        headers.insert("date", signed.date.parse().expect("h"));
        headers.insert("digest", signed.digest.expect("digest").parse().expect("h"));
        headers.insert("signature", signed.signature.parse().expect("h"));
    }
    tweak(&mut headers);
    let res = reqwest::Client::new()
        .post(url)
        .headers(headers)
        .body(body)
        .send()
        .await
        .expect("send");
    let status = res.status().as_u16();
    (status, res.text().await.unwrap_or_default())
}

fn follow(beta: &Instance, alpha: &Instance, n: u32) -> Value {
    json!({
        "@context": "https://www.w3.org/ns/activitystreams",
        "id": format!("{}/activities/bad-{n}", beta.base),
        "type": "Follow",
        "actor": beta.place_url("fablab"),
        "object": alpha.place_url("epn"),
    })
}

async fn bad_inbox_posts_are_refused(backend: Backend) {
    let (db_a, db_b) = (TestDb::new(backend).await, TestDb::new(backend).await);
    let alpha = Instance::start(&db_a.url).await;
    let beta = Instance::start(&db_b.url).await;
    alpha.create_place("epn").await;
    beta.create_place("fablab").await;
    beta.create_place("autre").await;
    let fablab = galaxie_db::places::get_by_username(beta.data.db().conn(), "fablab")
        .await
        .expect("p");
    let autre = galaxie_db::places::get_by_username(beta.data.db().conn(), "autre")
        .await
        .expect("p");
    let signer = Signer {
        key_pem: fablab.private_key_pem.clone(),
        key_id: format!("{}#main-key", beta.place_url("fablab")),
    };
    let other_key = Signer {
        key_pem: autre.private_key_pem.clone(),
        key_id: format!("{}#main-key", beta.place_url("autre")),
    };
    let inbox = format!("{}/places/epn/inbox", alpha.base);
    let before = counts(&alpha).await;
    let body = |v: &Value| serde_json::to_vec(v).expect("json");

    // Unsigned.
    let (status, text) = post(&inbox, body(&follow(&beta, &alpha, 1)), None, |_| {}).await;
    assert_eq!(status, 401, "{text}");
    assert!(text.contains("not signed"), "{text}");

    // Signed with another actor's key.
    let (status, text) = post(
        &inbox,
        body(&follow(&beta, &alpha, 2)),
        Some(&other_key),
        |_| {},
    )
    .await;
    assert_eq!(status, 401, "{text}");

    // Digest mismatch: the body changed after signing.
    let (status, text) = post(
        &inbox,
        body(&follow(&beta, &alpha, 3)),
        Some(&signer),
        |h| {
            h.insert(
                "digest",
                "SHA-256=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="
                    .parse()
                    .expect("h"),
            );
        },
    )
    .await;
    assert_eq!(status, 401, "{text}");
    assert!(text.contains("Digest"), "{text}");

    // Stale Date (the signature then does not cover the new date either).
    let (status, text) = post(
        &inbox,
        body(&follow(&beta, &alpha, 4)),
        Some(&signer),
        |h| {
            let old = httpdate::fmt_http_date(SystemTime::now() - Duration::from_secs(2 * 86_400));
            h.insert("date", old.parse().expect("h"));
        },
    )
    .await;
    assert_eq!(status, 401, "{text}");
    assert!(text.contains("12 hours"), "{text}");

    // Over 1 MiB.
    let mut huge = follow(&beta, &alpha, 5);
    huge["padding"] = json!("x".repeat(1_100_000));
    let (status, _) = post(&inbox, body(&huge), Some(&signer), |_| {}).await;
    assert_eq!(status, 413);

    // Malformed JSON.
    let (status, text) = post(
        &inbox,
        b"{\"type\": \"Follow\",".to_vec(),
        Some(&signer),
        |_| {},
    )
    .await;
    assert_eq!(status, 400, "{text}");

    // Deeply nested JSON.
    let nested = format!("{}{}", "[".repeat(5000), "]".repeat(5000));
    let (status, text) = post(&inbox, nested.into_bytes(), Some(&signer), |_| {}).await;
    assert_eq!(status, 400, "{text}");

    // Unknown activity type.
    let mut unknown = follow(&beta, &alpha, 6);
    unknown["type"] = json!("Frobnicate");
    let (status, text) = post(&inbox, body(&unknown), Some(&signer), |_| {}).await;
    assert_eq!(status, 400, "{text}");
    assert!(text.contains("Frobnicate"), "{text}");

    // An object whose id is on another host than its sender.
    let forged = json!({
        "@context": "https://www.w3.org/ns/activitystreams",
        "id": format!("{}/activities/bad-7", beta.base),
        "type": "Create",
        "actor": beta.place_url("fablab"),
        "to": ["https://www.w3.org/ns/activitystreams#Public"],
        "object": {
            "id": "https://victim.example/notes/1",
            "type": "Note",
            "attributedTo": "https://victim.example/users/v",
            "to": ["https://www.w3.org/ns/activitystreams#Public"],
            "content": "usurpation"
        }
    });
    let (status, text) = post(&inbox, body(&forged), Some(&signer), |_| {}).await;
    assert_eq!(status, 403, "{text}");

    let after = counts(&alpha).await;
    assert_eq!(after.activities, before.activities, "no activity stored");
    assert_eq!(after.objects, before.objects, "no object stored");
    assert_eq!(after.followers, before.followers, "no follower stored");

    // A blocked domain's activities are dropped.
    galaxie_db::blocks::block_domain(alpha.data.db().conn(), "localhost", Some("test"))
        .await
        .expect("block");
    let (status, _) = post(
        &inbox,
        body(&follow(&beta, &alpha, 8)),
        Some(&signer),
        |_| {},
    )
    .await;
    assert_eq!(status, 403);
    galaxie_db::blocks::unblock_domain(alpha.data.db().conn(), "localhost")
        .await
        .expect("unblock");
    assert_eq!(counts(&alpha).await.followers, 0);

    // The same Follow, properly signed, is accepted — the refusals above were for their faults.
    let (status, text) = post(
        &inbox,
        body(&follow(&beta, &alpha, 9)),
        Some(&signer),
        |_| {},
    )
    .await;
    assert_eq!(status, 202, "{text}");
    galaxie_tests::eventually(
        "the queued Follow is applied",
        Duration::from_secs(20),
        || async { (counts(&alpha).await.followers == 1).then_some(()) },
    )
    .await;

    // Hostile HTML from a followed actor is cleaned before it is stored.
    service::follow(&alpha.data, "epn", &beta.place_url("fablab"))
        .await
        .expect("follow");
    galaxie_tests::eventually(
        "alpha's follow accepted",
        Duration::from_secs(20),
        || async {
            galaxie_db::follows::is_followed_locally(
                alpha.data.db().conn(),
                &beta.place_url("fablab"),
            )
            .await
            .ok()?
            .then_some(())
        },
    )
    .await;
    let hostile = json!({
        "@context": "https://www.w3.org/ns/activitystreams",
        "id": format!("{}/activities/bad-10", beta.base),
        "type": "Create",
        "actor": beta.place_url("fablab"),
        "to": ["https://www.w3.org/ns/activitystreams#Public"],
        "object": {
            "id": format!("{}/objects/hostile", beta.base),
            "type": "Note",
            "attributedTo": beta.place_url("fablab"),
            "to": ["https://www.w3.org/ns/activitystreams#Public"],
            "content": "<p onclick=\"steal()\">Bonjour<script>alert(1)</script><img src=x onerror=alert(1)><a href=\"javascript:alert(1)\">x</a></p>"
        }
    });
    let (status, text) = post(&inbox, body(&hostile), Some(&signer), |_| {}).await;
    assert_eq!(status, 202, "{text}");
    let stored = galaxie_tests::eventually(
        "the queued Create is applied",
        Duration::from_secs(20),
        || async {
            galaxie_db::objects::by_ap_id(
                alpha.data.db().conn(),
                &format!("{}/objects/hostile", beta.base),
            )
            .await
            .ok()?
        },
    )
    .await;
    let content = stored.content.expect("content");
    for bad in ["script", "onclick", "onerror", "javascript", "<img"] {
        assert!(!content.contains(bad), "{bad} in {content}");
    }
    assert!(content.contains("Bonjour"));

    alpha.stop().await;
    beta.stop().await;
    db_a.cleanup().await;
    db_b.cleanup().await;
}

on_both_backends!(bad_inbox_posts_are_refused);

async fn api_validation_names_the_field(backend: Backend) {
    let db = TestDb::new(backend).await;
    let alpha = Instance::start(&db.url).await;
    let (_, token) = galaxie_db::tokens::create(alpha.data.db().conn(), "test")
        .await
        .expect("token");
    let client = reqwest::Client::new();
    let created = client
        .post(format!("{}/api/v1/places", alpha.base))
        .bearer_auth(&token)
        .json(&json!({ "username": "epn", "name": "EPN", "phone": "01 80 05 98 80" }))
        .send()
        .await
        .expect("send");
    assert_eq!(created.status(), 201);
    let place: Value = created.json().await.expect("json");
    assert_eq!(place["phone"], "+33180059880");

    let refused = client
        .post(format!("{}/api/v1/places/epn/events", alpha.base))
        .bearer_auth(&token)
        .json(&json!({ "name": "Atelier", "start": "2027-01-09T14:00:00+01:00", "end": "2027-01-09T13:00:00+01:00" }))
        .send()
        .await
        .expect("send");
    assert_eq!(refused.status(), 422);
    let body: Value = refused.json().await.expect("json");
    assert_eq!(body["fields"][0]["field"], "end");
    assert_eq!(body["fields"][0]["message"], "must be after the start");

    let broken_hours = client
        .post(format!("{}/api/v1/places", alpha.base))
        .bearer_auth(&token)
        .json(&json!({ "username": "autre", "name": "Autre", "hours": "Lu-Ve 9h-12h" }))
        .send()
        .await
        .expect("send");
    assert_eq!(broken_hours.status(), 422);
    let body: Value = broken_hours.json().await.expect("json");
    assert_eq!(body["fields"][0]["field"], "hours");
    assert!(
        body["fields"][0]["message"]
            .as_str()
            .expect("message")
            .contains("at character 1"),
        "{body}"
    );
    assert_eq!(
        galaxie_db::places::list(alpha.data.db().conn())
            .await
            .expect("list")
            .len(),
        1
    );

    let unauthenticated = client
        .post(format!("{}/api/v1/places/epn/notes", alpha.base))
        .json(&json!({ "text": "Bonjour" }))
        .send()
        .await
        .expect("send");
    assert_eq!(unauthenticated.status(), 401);
    let unknown_field = client
        .post(format!("{}/api/v1/places/epn/notes", alpha.base))
        .bearer_auth(&token)
        .json(&json!({ "text": "Bonjour", "colour": "red" }))
        .send()
        .await
        .expect("send");
    assert_eq!(unknown_field.status(), 422);
    assert!(unknown_field.text().await.expect("text").contains("colour"));
    assert_eq!(
        galaxie_db::objects::count_all(alpha.data.db().conn())
            .await
            .expect("count"),
        0
    );
    alpha.stop().await;
    db.cleanup().await;
}

on_both_backends!(api_validation_names_the_field);

#[tokio::test]
async fn fetching_a_private_address_is_refused_outside_debug() {
    let db = TestDb::new(Backend::Sqlite).await;
    let mut config = galaxie_tests::test_config(1, &db.url);
    config.federation.debug = false;
    config.instance.public_url = url::Url::parse("https://lieu.example").expect("url");
    let app = galaxie::App::build(config).await.expect("app");
    let p = NewPlace::parse(RawPlace {
        username: Some("epn".into()),
        name: Some("EPN".into()),
        ..Default::default()
    })
    .expect("p");
    service::create_place(&app.data(), p).await.expect("create");
    let err = service::follow(&app.data(), "epn", "https://localhost/users/admin")
        .await
        .expect_err("refused");
    let text = err.to_string();
    assert!(
        text.contains("local IP") || text.contains("public address") || text.contains("forbidden"),
        "{text}"
    );
    let place = galaxie_db::places::get_by_username(app.db.conn(), "epn")
        .await
        .expect("p");
    assert!(
        galaxie_db::follows::followings_of(app.db.conn(), place.id)
            .await
            .expect("q")
            .is_empty()
    );
}

async fn a_rotated_key_is_fetched_again(backend: Backend) {
    let (db_a, db_b) = (TestDb::new(backend).await, TestDb::new(backend).await);
    let alpha = Instance::start(&db_a.url).await;
    let beta = Instance::start(&db_b.url).await;
    alpha.create_place("epn").await;
    beta.create_place("fablab").await;
    let inbox = format!("{}/places/epn/inbox", alpha.base);
    let key_id = format!("{}#main-key", beta.place_url("fablab"));
    let fablab = galaxie_db::places::get_by_username(beta.data.db().conn(), "fablab")
        .await
        .expect("p");
    let old = Signer {
        key_pem: fablab.private_key_pem.clone(),
        key_id: key_id.clone(),
    };
    let (status, text) = post(
        &inbox,
        serde_json::to_vec(&follow(&beta, &alpha, 1)).expect("json"),
        Some(&old),
        |_| {},
    )
    .await;
    assert_eq!(status, 202, "{text}");
    let cached = galaxie_db::actors::by_ap_id(alpha.data.db().conn(), &beta.place_url("fablab"))
        .await
        .expect("q")
        .expect("actor");
    assert_eq!(cached.public_key_pem, fablab.public_key_pem);

    // Beta rotates its key; alpha still has the old one, fails, fetches the actor again once,
    // and accepts.
    let keys = galaxie_federation::signatures::generate_keypair().expect("keys");
    let rotated = galaxie_db::places::replace_keys(beta.data.db().conn(), &fablab, keys)
        .await
        .expect("rotate");
    let new = Signer {
        key_pem: rotated.private_key_pem.clone(),
        key_id,
    };
    let mut undo = json!({
        "@context": "https://www.w3.org/ns/activitystreams",
        "id": format!("{}/activities/undo-1", beta.base),
        "type": "Undo",
        "actor": beta.place_url("fablab"),
        "object": follow(&beta, &alpha, 1),
    });
    let (status, text) = post(
        &inbox,
        serde_json::to_vec(&undo).expect("json"),
        Some(&new),
        |_| {},
    )
    .await;
    assert_eq!(status, 202, "{text}");
    let refreshed = galaxie_db::actors::by_ap_id(alpha.data.db().conn(), &beta.place_url("fablab"))
        .await
        .expect("q")
        .expect("actor");
    assert_eq!(refreshed.public_key_pem, rotated.public_key_pem);
    galaxie_tests::eventually("the Undo is applied", Duration::from_secs(20), || async {
        (counts(&alpha).await.followers == 0).then_some(())
    })
    .await;

    // The old key no longer works, even after a refetch.
    undo["id"] = json!(format!("{}/activities/undo-2", beta.base));
    let (status, _) = post(
        &inbox,
        serde_json::to_vec(&undo).expect("json"),
        Some(&old),
        |_| {},
    )
    .await;
    assert_eq!(status, 401);

    alpha.stop().await;
    beta.stop().await;
    db_a.cleanup().await;
    db_b.cleanup().await;
}

on_both_backends!(a_rotated_key_is_fetched_again);

/// Above its concurrency limit the inbox answers 503 with `Retry-After` instead of queuing
/// without bound.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_busy_inbox_answers_503_with_retry_after() {
    // An actor whose server hangs keeps the only inbox permit busy while its key is fetched.
    let tarpit = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let tarpit_port = tarpit.local_addr().expect("addr").port();
    let tarpit_task = tokio::spawn(async move {
        let mut held = Vec::new();
        while let Ok((socket, _)) = tarpit.accept().await {
            held.push(socket);
        }
    });
    let db = TestDb::new(Backend::Sqlite).await;
    let alpha = Instance::start_with(&db.url, |c| c.federation.inbox_concurrency = 1).await;
    let p = NewPlace::parse(RawPlace {
        username: Some("epn".into()),
        name: Some("EPN".into()),
        ..Default::default()
    })
    .expect("p");
    service::create_place(&alpha.data, p).await.expect("create");
    let keys = galaxie_federation::signatures::generate_keypair().expect("keys");
    let sloth = format!("http://localhost:{tarpit_port}/users/sloth");
    let signer = Signer {
        key_pem: keys.private_key_pem,
        key_id: format!("{sloth}#main-key"),
    };
    let inbox = format!("{}/places/epn/inbox", alpha.base);
    let activity = |n: u32| {
        serde_json::to_vec(&json!({
            "@context": "https://www.w3.org/ns/activitystreams",
            "id": format!("http://localhost:{tarpit_port}/activities/{n}"),
            "type": "Follow",
            "actor": sloth,
            "object": alpha.place_url("epn"),
        }))
        .expect("json")
    };
    let slow = {
        let (inbox, body, signer) = (
            inbox.clone(),
            activity(1),
            Signer {
                key_pem: signer.key_pem.clone(),
                key_id: signer.key_id.clone(),
            },
        );
        tokio::spawn(async move { post(&inbox, body, Some(&signer), |_| {}).await })
    };
    // Wait until the first request holds the permit (its fetch reached the tarpit).
    tokio::time::sleep(Duration::from_millis(500)).await;
    let url = url::Url::parse(&inbox).expect("url");
    let res = reqwest::Client::new()
        .post(url)
        .header("content-type", "application/activity+json")
        .body(activity(2))
        .send()
        .await
        .expect("send");
    assert_eq!(res.status().as_u16(), 503);
    assert_eq!(
        res.headers()
            .get("retry-after")
            .and_then(|v| v.to_str().ok()),
        Some("5")
    );
    slow.abort();
    tarpit_task.abort();
    alpha.stop().await;
    db.cleanup().await;
}
