//! Three instances — alpha, beta, gamma — federate: follow through WebFinger, an event's
//! whole life, follower approval, and Undo.

use galaxie_db::entities::followers::FollowStatus;
use galaxie_domain::{NewEvent, NewNote, NewPlace, RawEvent, RawNote, RawPlace, RawPlaceUpdate};
use galaxie_federation::service::{self, FollowerDecision};
use galaxie_tests::{Backend, Instance, TestDb, eventually, on_both_backends};
use std::time::Duration;

const WAIT: Duration = Duration::from_secs(20);

async fn place(instance: &Instance, username: &str, name: &str) {
    let place = NewPlace::parse(RawPlace {
        username: Some(username.into()),
        name: Some(name.into()),
        city: Some("Reims".into()),
        postal_code: Some("51100".into()),
        ..Default::default()
    })
    .expect("valid place");
    service::create_place(&instance.data, place)
        .await
        .expect("create place");
}

fn event(name: &str) -> NewEvent {
    NewEvent::parse(RawEvent {
        name: Some(name.into()),
        start: Some("2027-01-09T14:00:00+01:00".into()),
        end: Some("2027-01-09T16:00:00+01:00".into()),
        location_name: Some("Médiathèque de Saint-Clair".into()),
        address: Some("12 rue de Leclercq".into()),
        postal_code: Some("51100".into()),
        city: Some("Reims".into()),
        lat: Some(49.25),
        lon: Some(4.03),
        price: Some("gratuit".into()),
        ..Default::default()
    })
    .expect("valid event")
}

fn note(text: &str) -> NewNote {
    NewNote::parse(RawNote {
        text: Some(text.into()),
        text_falc: None,
    })
    .expect("valid note")
}

async fn object_on(
    instance: &Instance,
    ap_id: &str,
) -> Option<galaxie_db::entities::objects::Model> {
    galaxie_db::objects::by_ap_id(instance.data.db().conn(), ap_id)
        .await
        .expect("query")
}

async fn three_instances_federate(backend: Backend) {
    let (db_a, db_b, db_g) = (
        TestDb::new(backend).await,
        TestDb::new(backend).await,
        TestDb::new(backend).await,
    );
    let alpha = Instance::start(&db_a.url).await;
    let beta = Instance::start(&db_b.url).await;
    let gamma = Instance::start(&db_g.url).await;
    place(&alpha, "epn", "EPN de Saint-Clair").await;
    place(&beta, "fablab", "Fablab des Chaussées").await;
    place(&gamma, "mediatheque", "Médiathèque Croix-Rouge").await;

    // Beta's place follows alpha's place through WebFinger; alpha accepts at once.
    service::follow(&beta.data, "fablab", &alpha.handle("epn"))
        .await
        .expect("follow");
    eventually("beta's follow is accepted", WAIT, || async {
        let row = galaxie_db::follows::following(
            beta.data.db().conn(),
            galaxie_db::places::get_by_username(beta.data.db().conn(), "fablab")
                .await
                .ok()?
                .id,
            &alpha.place_url("epn"),
        )
        .await
        .ok()??;
        (row.status == FollowStatus::Accepted).then_some(())
    })
    .await;
    let followers = service::followers(&alpha.data, "epn", Some(FollowStatus::Accepted))
        .await
        .expect("followers");
    assert_eq!(followers.len(), 1);
    assert_eq!(followers[0].actor_ap_id, beta.place_url("fablab"));

    // Alpha publishes an event; beta has it, with its one-line summary and its location.
    let published = service::publish_event(&alpha.data, "epn", event("Atelier smartphone"))
        .await
        .expect("publish");
    let received = eventually("beta receives the event", WAIT, || async {
        object_on(&beta, &published.ap_id).await
    })
    .await;
    assert_eq!(received.kind, "Event");
    assert_eq!(received.name.as_deref(), Some("Atelier smartphone"));
    assert_eq!(
        received.summary.as_deref(),
        Some("Atelier smartphone — sam. 9 janv. 14h–16h — Médiathèque de Saint-Clair — gratuit")
    );
    assert_eq!(
        received.location_name.as_deref(),
        Some("Médiathèque de Saint-Clair")
    );
    assert_eq!(received.postal_code.as_deref(), Some("51100"));
    assert_eq!(received.latitude, Some(49.25));
    assert_eq!(received.start_time, published.start_time);
    assert_eq!(received.attributed_to, alpha.place_url("epn"));

    // Alpha updates it; beta follows.
    service::update_event(
        &alpha.data,
        published.id,
        RawEvent {
            name: Some("Atelier smartphone débutants".into()),
            start: Some("2027-01-09T14:00:00+01:00".into()),
            end: Some("2027-01-09T17:00:00+01:00".into()),
            ..Default::default()
        },
    )
    .await
    .expect("update");
    let updated = eventually("beta sees the update", WAIT, || async {
        object_on(&beta, &published.ap_id)
            .await
            .filter(|o| o.name.as_deref() == Some("Atelier smartphone débutants"))
    })
    .await;
    assert_eq!(
        updated.summary.as_deref(),
        Some("Atelier smartphone débutants — sam. 9 janv. 14h–17h")
    );

    // Alpha deletes it; beta marks it deleted, and alpha answers with a Tombstone.
    service::delete_object(&alpha.data, published.id)
        .await
        .expect("delete");
    eventually("beta sees the deletion", WAIT, || async {
        object_on(&beta, &published.ap_id)
            .await
            .filter(|o| o.deleted_at.is_some())
    })
    .await;
    let tombstone = reqwest::Client::new()
        .get(&published.ap_id)
        .header("accept", "application/activity+json")
        .send()
        .await
        .expect("fetch");
    assert_eq!(tombstone.status(), 410);
    let body: serde_json::Value = tombstone.json().await.expect("json");
    assert_eq!(body["type"], "Tombstone");

    // Alpha now approves followers by hand: gamma's follow waits, and gamma gets nothing.
    service::update_place(
        &alpha.data,
        "epn",
        RawPlaceUpdate {
            manually_approves_followers: Some(true),
            ..Default::default()
        },
    )
    .await
    .expect("update place");
    service::follow(&gamma.data, "mediatheque", &alpha.place_url("epn"))
        .await
        .expect("follow");
    eventually("gamma's request is pending on alpha", WAIT, || async {
        let pending = service::followers(&alpha.data, "epn", Some(FollowStatus::Pending))
            .await
            .ok()?;
        (pending.len() == 1).then_some(())
    })
    .await;
    let while_pending =
        service::publish_note(&alpha.data, "epn", note("Fermeture exceptionnelle lundi"))
            .await
            .expect("note");
    eventually("beta receives the note", WAIT, || async {
        object_on(&beta, &while_pending.ap_id).await
    })
    .await;
    assert!(
        object_on(&gamma, &while_pending.ap_id).await.is_none(),
        "gamma must get nothing while pending"
    );
    let gamma_following = galaxie_db::follows::following(
        gamma.data.db().conn(),
        galaxie_db::places::get_by_username(gamma.data.db().conn(), "mediatheque")
            .await
            .expect("p")
            .id,
        &alpha.place_url("epn"),
    )
    .await
    .expect("q")
    .expect("row");
    assert_eq!(gamma_following.status, FollowStatus::Pending);

    // Approved: gamma's follow is accepted and the next note reaches both.
    service::decide_follower(
        &alpha.data,
        "epn",
        &gamma.place_url("mediatheque"),
        FollowerDecision::Approve,
    )
    .await
    .expect("approve");
    eventually("gamma's follow is accepted", WAIT, || async {
        let row = galaxie_db::follows::following(
            gamma.data.db().conn(),
            gamma_following.place_id,
            &alpha.place_url("epn"),
        )
        .await
        .ok()??;
        (row.status == FollowStatus::Accepted).then_some(())
    })
    .await;
    let after_approval =
        service::publish_note(&alpha.data, "epn", note("Nouvel atelier <b>CV</b> !"))
            .await
            .expect("note");
    let on_gamma = eventually("gamma receives the note", WAIT, || async {
        object_on(&gamma, &after_approval.ap_id).await
    })
    .await;
    assert!(
        on_gamma
            .content
            .as_deref()
            .unwrap_or_default()
            .contains("&lt;b&gt;CV&lt;/b&gt;")
    );
    eventually("beta receives the note", WAIT, || async {
        object_on(&beta, &after_approval.ap_id).await
    })
    .await;

    // Beta leaves (Undo): alpha stops delivering to it.
    service::unfollow(&beta.data, "fablab", &alpha.handle("epn"))
        .await
        .expect("unfollow");
    eventually("alpha forgets beta", WAIT, || async {
        let accepted = service::followers(&alpha.data, "epn", Some(FollowStatus::Accepted))
            .await
            .ok()?;
        (!accepted
            .iter()
            .any(|f| f.actor_ap_id == beta.place_url("fablab")))
        .then_some(())
    })
    .await;
    let after_undo = service::publish_note(&alpha.data, "epn", note("Après le départ de beta"))
        .await
        .expect("note");
    eventually("gamma receives the last note", WAIT, || async {
        object_on(&gamma, &after_undo.ap_id).await
    })
    .await;
    assert!(
        object_on(&beta, &after_undo.ap_id).await.is_none(),
        "beta must not receive after Undo"
    );
    let activity = galaxie_db::activities::by_ap_id(
        alpha.data.db().conn(),
        &after_undo_activity(&alpha, &after_undo.ap_id).await,
    )
    .await
    .expect("q")
    .expect("activity");
    let jobs = galaxie_db::deliveries::for_activity(alpha.data.db().conn(), activity.id)
        .await
        .expect("jobs");
    assert_eq!(jobs.len(), 1, "one delivery, to gamma only: {jobs:?}");

    // The timeline lists what alpha published, newest first.
    let timeline: serde_json::Value =
        reqwest::get(format!("{}/api/v1/timeline?limit=2", alpha.base))
            .await
            .expect("get")
            .json()
            .await
            .expect("json");
    assert_eq!(timeline["items"][0]["ap_id"], after_undo.ap_id);
    assert_eq!(timeline["items"][1]["ap_id"], after_approval.ap_id);
    assert!(timeline["next"].is_string());
    let page2: serde_json::Value = reqwest::get(format!(
        "{}/api/v1/timeline?limit=2&before={}",
        alpha.base,
        timeline["next"].as_str().expect("cursor")
    ))
    .await
    .expect("get")
    .json()
    .await
    .expect("json");
    assert_eq!(page2["items"][0]["ap_id"], while_pending.ap_id);

    for i in [alpha, beta, gamma] {
        i.stop().await;
    }
    for d in [db_a, db_b, db_g] {
        d.cleanup().await;
    }
}

async fn after_undo_activity(alpha: &Instance, object: &str) -> String {
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    galaxie_db::entities::activities::Entity::find()
        .filter(galaxie_db::entities::activities::Column::ObjectApId.eq(object))
        .one(alpha.data.db().conn())
        .await
        .expect("q")
        .expect("activity")
        .ap_id
}

on_both_backends!(three_instances_federate);
