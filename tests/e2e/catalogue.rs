//! A place's catalogue federates: a service (`Page`), a heritage showcase (`Article`) and a
//! cancelled event reach a follower, each with a summary that reads well on its own and its
//! easy-read variant.

use galaxie_domain::{
    NewEvent, NewPlace, NewService, NewShowcase, RawEvent, RawPlace, RawService, RawShowcase,
};
use galaxie_federation::service;
use galaxie_tests::{Backend, Instance, TestDb, eventually, on_both_backends};
use serde_json::Value;
use std::time::Duration;

const WAIT: Duration = Duration::from_secs(20);

async fn object_on(
    instance: &Instance,
    ap_id: &str,
) -> Option<galaxie_db::entities::objects::Model> {
    galaxie_db::objects::by_ap_id(instance.data.db().conn(), ap_id)
        .await
        .expect("query")
}

async fn the_catalogue_reaches_a_follower(backend: Backend) {
    let (db_a, db_b) = (TestDb::new(backend).await, TestDb::new(backend).await);
    let alpha = Instance::start(&db_a.url).await;
    let beta = Instance::start(&db_b.url).await;
    let epn = NewPlace::parse(RawPlace {
        username: Some("epn".into()),
        name: Some("EPN de Saint-Clair".into()),
        city: Some("Reims".into()),
        postal_code: Some("51100".into()),
        lat: Some(49.25),
        lon: Some(4.03),
        hours: Some("Mo-Fr 09:00-12:00".into()),
        ..Default::default()
    })
    .expect("place");
    service::create_place(&alpha.data, epn)
        .await
        .expect("create");
    let fablab = NewPlace::parse(RawPlace {
        username: Some("fablab".into()),
        name: Some("Fablab".into()),
        ..Default::default()
    })
    .expect("place");
    service::create_place(&beta.data, fablab)
        .await
        .expect("create");
    galaxie_tests::follow(&beta, "fablab", &alpha, "epn").await;

    let page = service::publish_service(
        &alpha.data,
        "epn",
        NewService::parse(RawService {
            name: Some("Aide aux démarches administratives".into()),
            description: Some("Un médiateur vous aide pour vos démarches en ligne.".into()),
            summary_falc: Some("On vous aide à faire vos papiers sur internet.".into()),
            services: Some(vec!["aide-demarches-administratives".into()]),
            booking_url: Some("https://rdv.example/epn".into()),
            price: Some("gratuit".into()),
            ..Default::default()
        })
        .expect("service"),
    )
    .await
    .expect("publish");
    let article = service::publish_showcase(
        &alpha.data,
        "epn",
        NewShowcase::parse(RawShowcase {
            name: Some("Le lavoir de Saint-Clair".into()),
            summary: Some("Un lavoir du XIXe siècle restauré par les habitants".into()),
            content: Some("Construit en 1860, le lavoir…".into()),
            content_falc: Some("Le lavoir est très vieux. Les habitants l'ont réparé.".into()),
            location_name: Some("Lavoir de Saint-Clair".into()),
            lat: Some(49.26),
            lon: Some(4.02),
            hashtags: Some(vec!["patrimoine".into(), "Reims".into()]),
            heritage_kinds: Some(vec!["bati".into()]),
            ..Default::default()
        })
        .expect("showcase"),
    )
    .await
    .expect("publish");
    let cancelled = service::publish_event(
        &alpha.data,
        "epn",
        NewEvent::parse(RawEvent {
            name: Some("Atelier smartphone".into()),
            start: Some("2027-01-09T14:00:00+01:00".into()),
            end: Some("2027-01-09T16:00:00+01:00".into()),
            status: Some("cancelled".into()),
            category: Some("WORKSHOPS_SKILL_SHARING".into()),
            ..Default::default()
        })
        .expect("event"),
    )
    .await
    .expect("publish");

    let on_beta = eventually("beta receives the service", WAIT, || async {
        object_on(&beta, &page.ap_id).await
    })
    .await;
    assert_eq!(on_beta.kind, "Page");
    assert_eq!(
        on_beta.summary.as_deref(),
        Some(
            "Aide aux démarches administratives — EPN de Saint-Clair — du lundi au vendredi, de 9 h à 12 h — gratuit"
        )
    );
    assert_eq!(
        on_beta.summary_falc.as_deref(),
        Some("On vous aide à faire vos papiers sur internet.")
    );
    assert_eq!(
        on_beta.booking_url.as_deref(),
        Some("https://rdv.example/epn")
    );

    let on_beta = eventually("beta receives the showcase", WAIT, || async {
        object_on(&beta, &article.ap_id).await
    })
    .await;
    assert_eq!(on_beta.kind, "Article");
    assert_eq!(
        on_beta.license.as_deref(),
        Some("https://creativecommons.org/licenses/by-sa/4.0/")
    );
    assert_eq!(
        on_beta.hashtags.as_deref(),
        Some(r#"["patrimoine","Reims"]"#)
    );
    assert!(
        on_beta
            .content_falc
            .as_deref()
            .unwrap_or_default()
            .contains("très vieux")
    );
    assert_eq!(on_beta.latitude, Some(49.26));

    let on_beta = eventually("beta receives the cancelled event", WAIT, || async {
        object_on(&beta, &cancelled.ap_id).await
    })
    .await;
    assert_eq!(on_beta.event_status.as_deref(), Some("EventCancelled"));
    assert_eq!(on_beta.category.as_deref(), Some("WORKSHOPS_SKILL_SHARING"));
    assert!(
        on_beta
            .summary
            .as_deref()
            .unwrap_or_default()
            .starts_with("ANNULÉ — Atelier smartphone")
    );

    // The services collection lists the Page.
    let collection: Value = reqwest::Client::new()
        .get(format!("{}/services", alpha.place_url("epn")))
        .header("accept", "application/activity+json")
        .send()
        .await
        .expect("get")
        .json()
        .await
        .expect("json");
    assert_eq!(collection["totalItems"], 1);
    assert_eq!(collection["orderedItems"][0]["id"], page.ap_id.as_str());
    assert_eq!(collection["orderedItems"][0]["type"], "Page");
    assert_eq!(
        collection["orderedItems"][0]["summaryMap"]["fr-x-falc"],
        "On vous aide à faire vos papiers sur internet."
    );
    assert!(
        collection["orderedItems"][0]["serviceTypes"][0]
            .as_str()
            .expect("iri")
            .starts_with("https://galaxie.tiers-lieux.fr/ns#")
    );

    alpha.stop().await;
    beta.stop().await;
    db_a.cleanup().await;
    db_b.cleanup().await;
}

on_both_backends!(the_catalogue_reaches_a_follower);
