//! Relays of both kinds. No independent relay runs here over plain http (the Pleroma relay
//! on PyPI, `activityrelay`, writes `https://` into its own actor and inbox ids), so the relay
//! is a Galaxie instance with `federation.relay = true`, and three instances subscribe to it:
//! two Mastodon style (a `Follow` of Public sent to its inbox), one LitePub style (a `Follow`
//! of its actor, followed back). Each one's public posts reach the others once, by the path its
//! protocol defines, and an unsubscribed instance stops receiving.

use galaxie_db::entities::followers::FollowStatus;
use galaxie_db::networks::{self as db, subscription_kind};
use galaxie_domain::{NewNote, NewPlace, RawNote, RawPlace};
use galaxie_federation::relay::{self, RelayProtocol};
use galaxie_federation::service;
use galaxie_tests::{Backend, Instance, TestDb, eventually, on_both_backends};
use std::time::Duration;

const WAIT: Duration = Duration::from_secs(30);

async fn place(instance: &Instance, username: &str) {
    let place = NewPlace::parse(RawPlace {
        username: Some(username.into()),
        name: Some(username.into()),
        ..Default::default()
    })
    .expect("valid place");
    service::create_place(&instance.data, place)
        .await
        .expect("create place");
}

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

async fn accepted(instance: &Instance, target: &str) {
    eventually("the relay accepts the subscription", WAIT, || async {
        let row = db::subscription(instance.data.db().conn(), target)
            .await
            .ok()??;
        (row.status == FollowStatus::Accepted).then_some(())
    })
    .await;
}

async fn relays_of_both_kinds(backend: Backend) {
    let dbs = [
        TestDb::new(backend).await,
        TestDb::new(backend).await,
        TestDb::new(backend).await,
        TestDb::new(backend).await,
    ];
    let hub = Instance::start_with(&dbs[0].url, |c| c.federation.relay = true).await;
    let alpha = Instance::start(&dbs[1].url).await;
    let beta = Instance::start(&dbs[2].url).await;
    let gamma = Instance::start(&dbs[3].url).await;
    place(&alpha, "epn").await;
    place(&beta, "fablab").await;
    place(&gamma, "mediatheque").await;

    // NodeInfo and the instance actor, which relays check, answer.
    let nodeinfo = reqwest::get(format!("{}/.well-known/nodeinfo", hub.base))
        .await
        .expect("nodeinfo");
    assert_eq!(nodeinfo.status(), 200);

    let inbox = format!("{}/inbox", hub.base);
    let actor = format!("{}/actor", hub.base);
    let a = relay::subscribe(&alpha.data, &inbox, None)
        .await
        .expect("subscribe");
    assert_eq!(a.kind, subscription_kind::RELAY_MASTODON);
    let b = relay::subscribe(&beta.data, &actor, None)
        .await
        .expect("subscribe");
    assert_eq!(b.kind, subscription_kind::RELAY_LITEPUB);
    relay::subscribe(&gamma.data, &inbox, Some(RelayProtocol::Mastodon))
        .await
        .expect("subscribe");
    accepted(&alpha, &inbox).await;
    accepted(&beta, &actor).await;
    accepted(&gamma, &inbox).await;
    eventually("the relay knows its three subscribers", WAIT, || async {
        let subs = db::relay_subscribers(hub.data.db().conn(), None)
            .await
            .ok()?;
        (subs.len() == 3).then_some(())
    })
    .await;

    // Alpha (Mastodon style) posts: gamma gets the forwarded Create, beta the relay's Announce.
    let from_alpha = service::publish_note(&alpha.data, "epn", note("Atelier CV mardi"))
        .await
        .expect("publish");
    for (who, instance) in [("beta", &beta), ("gamma", &gamma)] {
        eventually(&format!("{who} gets alpha's post"), WAIT, || async {
            has(instance, &from_alpha.ap_id).await.then_some(())
        })
        .await;
    }
    let via = gamma.sources_recorded(&from_alpha.ap_id).await;
    assert_eq!(via.len(), 1);
    assert_eq!(via[0].via_ap_id, actor, "gamma got it through the relay");

    // Beta (LitePub style) posts: both Mastodon-style subscribers get it.
    let from_beta = service::publish_note(&beta.data, "fablab", note("Impression 3D"))
        .await
        .expect("publish");
    for (who, instance) in [("alpha", &alpha), ("gamma", &gamma)] {
        eventually(&format!("{who} gets beta's post"), WAIT, || async {
            has(instance, &from_beta.ap_id).await.then_some(())
        })
        .await;
    }
    // The relay stores nothing of its own.
    assert!(!has(&hub, &from_beta.ap_id).await);

    // Gamma leaves the relay: the next post does not reach it.
    relay::unsubscribe(&gamma.data, &inbox)
        .await
        .expect("unsubscribe");
    eventually("the relay forgets gamma", WAIT, || async {
        let subs = db::relay_subscribers(hub.data.db().conn(), None)
            .await
            .ok()?;
        (subs.len() == 2).then_some(())
    })
    .await;
    let later = service::publish_note(&alpha.data, "epn", note("Plus tard"))
        .await
        .expect("publish");
    eventually("beta gets the later post", WAIT, || async {
        has(&beta, &later.ap_id).await.then_some(())
    })
    .await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert!(!has(&gamma, &later.ap_id).await, "gamma still receives");

    // Bad input: a relay URL that is not one.
    let err = relay::subscribe(&alpha.data, "ftp://relay.example/inbox", None)
        .await
        .expect_err("refused");
    assert!(err.to_string().contains("relais"), "{err}");

    for i in [hub, alpha, beta, gamma] {
        i.stop().await;
    }
    for d in dbs {
        d.cleanup().await;
    }
}
on_both_backends!(relays_of_both_kinds);

async fn an_instance_without_relay_mode_refuses_subscribers(backend: Backend) {
    let (db_a, db_b) = (TestDb::new(backend).await, TestDb::new(backend).await);
    let plain = Instance::start(&db_a.url).await;
    let other = Instance::start(&db_b.url).await;
    let inbox = format!("{}/inbox", plain.base);
    relay::subscribe(&other.data, &inbox, None)
        .await
        .expect("subscribe");
    eventually("the subscription is rejected", WAIT, || async {
        let row = db::subscription(other.data.db().conn(), &inbox)
            .await
            .ok()??;
        (row.status == FollowStatus::Rejected).then_some(())
    })
    .await;
    assert!(
        db::relay_subscribers(plain.data.db().conn(), None)
            .await
            .expect("subscribers")
            .is_empty()
    );
    plain.stop().await;
    other.stop().await;
    db_a.cleanup().await;
    db_b.cleanup().await;
}
on_both_backends!(an_instance_without_relay_mode_refuses_subscribers);
