//! The regional timeline's filters: three places on two instances, in two départements of
//! Grand Est (Reims and Épernay in the Marne, Charleville-Mézières in the Ardennes), followed by
//! a reader on a third instance. Every filter selects exactly the right objects, each with a
//! case that takes an object and one that leaves it out; pages have no gap and no repeat; bad
//! parameters are refused with 400 naming them.

use chrono::{Duration, Utc};
use galaxie_domain::{
    NewEvent, NewNote, NewPlace, NewService, NewShowcase, RawEvent, RawNote, RawPlace, RawService,
    RawShowcase,
};
use galaxie_federation::service;
use galaxie_tests::{Backend, Instance, TestDb, eventually, follow, on_both_backends};
use serde_json::Value;
use std::collections::BTreeSet;
use std::time::Duration as Wait;

const WAIT: Wait = Wait::from_secs(30);

fn place(raw: RawPlace) -> NewPlace {
    NewPlace::parse(raw).expect("valid place")
}

async fn get_json(url: &str) -> (u16, Value) {
    let response = reqwest::get(url).await.expect("GET");
    let status = response.status().as_u16();
    (status, response.json().await.expect("JSON"))
}

/// Every page of the reader's timeline for `query`, three items a page, in order. Panics on a
/// repeated item.
async fn timeline(reader: &Instance, query: &str) -> Vec<String> {
    let mut ids = Vec::new();
    let mut cursor: Option<String> = None;
    let upcoming = query.contains("upcoming=true");
    for _ in 0..50 {
        let mut url = format!("{}/api/v1/timeline?limit=3&{query}", reader.base);
        if let Some(c) = &cursor {
            url.push_str(&format!(
                "&{}={c}",
                if upcoming { "after" } else { "before" }
            ));
        }
        let (status, page) = get_json(&url).await;
        assert_eq!(status, 200, "{url}: {page}");
        for item in page["items"].as_array().expect("items") {
            let id = item["ap_id"].as_str().expect("ap_id").to_string();
            assert!(!ids.contains(&id), "{id} given twice for {query}");
            ids.push(id);
        }
        match page["next"].as_str() {
            Some(next) => cursor = Some(next.to_string()),
            None => return ids,
        }
    }
    panic!("more than 50 pages for {query}");
}

async fn set(reader: &Instance, query: &str) -> BTreeSet<String> {
    timeline(reader, query).await.into_iter().collect()
}

fn ids<const N: usize>(items: [&str; N]) -> BTreeSet<String> {
    items.iter().map(|s| s.to_string()).collect()
}

async fn bad_request(reader: &Instance, query: &str) -> Vec<(String, String)> {
    let (status, body) = get_json(&format!("{}/api/v1/timeline?{query}", reader.base)).await;
    assert_eq!(status, 400, "{query}: {body}");
    assert_eq!(body["error"], "invalid query parameters");
    body["fields"]
        .as_array()
        .expect("fields")
        .iter()
        .map(|f| {
            (
                f["field"].as_str().unwrap_or_default().to_string(),
                f["message"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

async fn the_timeline_filters_select_exactly_the_right_objects(backend: Backend) {
    let dbs = [
        TestDb::new(backend).await,
        TestDb::new(backend).await,
        TestDb::new(backend).await,
    ];
    let alpha = Instance::start(&dbs[0].url).await;
    let beta = Instance::start(&dbs[1].url).await;
    let reader = Instance::start(&dbs[2].url).await;

    // Alpha: an EPN in Reims (open every hour, labelled) and a médiathèque in Charleville.
    service::create_place(
        &alpha.data,
        place(RawPlace {
            username: Some("epn-reims".into()),
            name: Some("EPN de Reims".into()),
            address: Some("12 rue de Vesle".into()),
            postal_code: Some("51100".into()),
            city: Some("Reims".into()),
            insee_code: Some("51454".into()),
            lat: Some(49.2583),
            lon: Some(4.0317),
            hours: Some("24/7".into()),
            labels: Some(vec!["fabriques-de-territoire".into()]),
            ..Default::default()
        }),
    )
    .await
    .expect("epn");
    service::create_place(
        &alpha.data,
        place(RawPlace {
            username: Some("mediatheque".into()),
            name: Some("Médiathèque de Charleville".into()),
            address: Some("4 place Ducale".into()),
            postal_code: Some("08000".into()),
            city: Some("Charleville-Mézières".into()),
            insee_code: Some("08105".into()),
            lat: Some(49.7620),
            lon: Some(4.7263),
            ..Default::default()
        }),
    )
    .await
    .expect("mediatheque");
    // Beta: a tiers-lieu in Épernay, no hours.
    service::create_place(
        &beta.data,
        place(RawPlace {
            username: Some("tiers-lieu".into()),
            name: Some("Tiers-lieu d'Épernay".into()),
            address: Some("2 rue Flodoard".into()),
            postal_code: Some("51200".into()),
            city: Some("Épernay".into()),
            insee_code: Some("51230".into()),
            lat: Some(49.0403),
            lon: Some(3.9596),
            ..Default::default()
        }),
    )
    .await
    .expect("tiers-lieu");
    reader.create_place("lecteur").await;
    follow(&reader, "lecteur", &alpha, "epn-reims").await;
    follow(&reader, "lecteur", &alpha, "mediatheque").await;
    follow(&reader, "lecteur", &beta, "tiers-lieu").await;

    let when = |days: i64| (Utc::now() + Duration::days(days)).to_rfc3339();
    let event = |name: &str, days: i64| RawEvent {
        name: Some(name.into()),
        start: Some(when(days)),
        ..Default::default()
    };
    let atelier = service::publish_event(
        &alpha.data,
        "epn-reims",
        NewEvent::parse(RawEvent {
            category: Some("WORKSHOPS_SKILL_SHARING".into()),
            price: Some("gratuit".into()),
            ..event("Atelier smartphone", 3)
        })
        .expect("event"),
    )
    .await
    .expect("atelier")
    .ap_id;
    let demarches = service::publish_service(
        &alpha.data,
        "epn-reims",
        NewService::parse(RawService {
            name: Some("Aide aux démarches".into()),
            services: Some(vec!["aide-demarches-administratives".into()]),
            publics: Some(vec!["seniors".into()]),
            fees: Some(vec!["gratuit".into()]),
            hours: Some("24/7".into()),
            ..Default::default()
        })
        .expect("service"),
    )
    .await
    .expect("demarches")
    .ap_id;
    let horaires = service::publish_note(
        &alpha.data,
        "mediatheque",
        NewNote::parse(RawNote {
            text: Some("Nouveaux horaires à la médiathèque.".into()),
            ..Default::default()
        })
        .expect("note"),
    )
    .await
    .expect("note")
    .ap_id;
    // In Reims, published from Charleville: its own location decides.
    let conference = service::publish_event(
        &alpha.data,
        "mediatheque",
        NewEvent::parse(RawEvent {
            location_name: Some("Bibliothèque Carnegie".into()),
            address: Some("2 place Carnegie".into()),
            postal_code: Some("51100".into()),
            city: Some("Reims".into()),
            lat: Some(49.2553),
            lon: Some(4.0336),
            ..event("Conférence à Reims", 10)
        })
        .expect("event"),
    )
    .await
    .expect("conference")
    .ap_id;
    let internet = service::publish_service(
        &alpha.data,
        "mediatheque",
        NewService::parse(RawService {
            name: Some("Accès internet".into()),
            fees: Some(vec!["adhesion".into()]),
            hours: Some("off".into()),
            ..Default::default()
        })
        .expect("service"),
    )
    .await
    .expect("internet")
    .ap_id;
    let repair = service::publish_event(
        &beta.data,
        "tiers-lieu",
        NewEvent::parse(event("Repair café", 1)).expect("event"),
    )
    .await
    .expect("repair")
    .ap_id;
    let past = service::publish_event(
        &beta.data,
        "tiers-lieu",
        NewEvent::parse(event("Soirée passée", -2)).expect("event"),
    )
    .await
    .expect("past")
    .ap_id;
    let lavoir = service::publish_showcase(
        &beta.data,
        "tiers-lieu",
        NewShowcase::parse(RawShowcase {
            name: Some("Le pressoir".into()),
            summary: Some("Un pressoir restauré".into()),
            content: Some("Construit en 1880…".into()),
            heritage_kinds: Some(vec!["bati".into()]),
            ..Default::default()
        })
        .expect("showcase"),
    )
    .await
    .expect("showcase")
    .ap_id;
    let bienvenue = service::publish_note(
        &beta.data,
        "tiers-lieu",
        NewNote::parse(RawNote {
            text: Some("Bienvenue au tiers-lieu !".into()),
            ..Default::default()
        })
        .expect("note"),
    )
    .await
    .expect("note")
    .ap_id;
    let everything = ids([
        &atelier,
        &demarches,
        &horaires,
        &conference,
        &internet,
        &repair,
        &past,
        &lavoir,
        &bienvenue,
    ]);
    eventually("the reader receives all nine objects", WAIT, || async {
        let mut got = BTreeSet::new();
        for id in &everything {
            if galaxie_db::objects::by_ap_id(reader.data.db().conn(), id)
                .await
                .ok()??
                .deleted_at
                .is_none()
            {
                got.insert(id.clone());
            }
        }
        (got == everything).then_some(())
    })
    .await;

    // No filter: everything, newest received first, and the same through pages of any size.
    let all = timeline(&reader, "").await;
    assert_eq!(all.iter().cloned().collect::<BTreeSet<_>>(), everything);
    let (_, one_page) = get_json(&format!("{}/api/v1/timeline?limit=100", reader.base)).await;
    let one_page: Vec<String> = one_page["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|i| i["ap_id"].as_str().unwrap_or_default().to_string())
        .collect();
    assert_eq!(all, one_page, "pages of 3 give what one page of 100 gives");

    // Territory: the object's own location, or its author's.
    assert_eq!(
        set(&reader, "departement=51").await,
        ids([
            &atelier,
            &demarches,
            &conference,
            &repair,
            &past,
            &lavoir,
            &bienvenue
        ])
    );
    assert_eq!(
        set(&reader, "departement=08").await,
        ids([&horaires, &internet])
    );
    assert_eq!(set(&reader, "region=44").await, everything);
    assert!(set(&reader, "region=11").await.is_empty());
    assert_eq!(
        set(&reader, "commune=51454").await,
        ids([&atelier, &demarches])
    );
    assert_eq!(
        set(&reader, "commune=51230").await,
        ids([&repair, &past, &lavoir, &bienvenue])
    );
    assert_eq!(
        set(&reader, "bbox=3.9,49.2,4.1,49.3").await,
        ids([&atelier, &demarches, &conference])
    );
    assert_eq!(
        set(&reader, "near=49.2583,4.0317&radius_km=5").await,
        ids([&atelier, &demarches, &conference])
    );
    // Épernay is about 25 km from Reims, Charleville about 75 km.
    assert_eq!(
        set(&reader, "near=49.2583,4.0317&radius_km=40").await,
        ids([
            &atelier,
            &demarches,
            &conference,
            &repair,
            &past,
            &lavoir,
            &bienvenue
        ])
    );

    // Type.
    assert_eq!(
        set(&reader, "type=Event").await,
        ids([&atelier, &conference, &repair, &past])
    );
    assert_eq!(
        set(&reader, "type=note,Article").await,
        ids([&horaires, &bienvenue, &lavoir])
    );
    assert_eq!(
        set(&reader, "type=Page&departement=08").await,
        ids([&internet])
    );

    // Vocabulary: the object's own tags and category; the author's labels.
    assert_eq!(
        set(&reader, "concept=service/aide-demarches-administratives").await,
        ids([&demarches])
    );
    assert_eq!(
        set(
            &reader,
            "concept=https://galaxie.tiers-lieux.fr/ns%23event-category/workshops-skill-sharing"
        )
        .await,
        ids([&atelier])
    );
    assert_eq!(set(&reader, "concept=heritage/bati").await, ids([&lavoir]));
    assert_eq!(set(&reader, "public=seniors").await, ids([&demarches]));
    assert!(set(&reader, "public=jeunes").await.is_empty());
    assert_eq!(set(&reader, "fee=gratuit").await, ids([&demarches]));
    // Payant takes its narrower "adhésion".
    assert_eq!(set(&reader, "fee=payant").await, ids([&internet]));
    assert_eq!(
        set(&reader, "label=fabriques-de-territoire").await,
        ids([&atelier, &demarches])
    );
    assert!(set(&reader, "label=ordi-3-0").await.is_empty());

    // Open now: the service by its own hours (closed: "off"), the rest by their place's.
    assert_eq!(
        set(&reader, "open_now=true").await,
        ids([&atelier, &demarches])
    );
    assert_eq!(set(&reader, "open_now=false").await, everything);

    // Dates of events, and upcoming events soonest first.
    // Dates are read as days in Paris time.
    let paris_day = |days: i64| {
        (Utc::now() + Duration::days(days))
            .with_timezone(&chrono_tz::Europe::Paris)
            .format("%Y-%m-%d")
            .to_string()
    };
    let (from, to) = (paris_day(2), paris_day(12));
    assert_eq!(
        set(&reader, &format!("from={from}&to={to}")).await,
        ids([&atelier, &conference])
    );
    assert_eq!(
        set(&reader, &format!("to={from}")).await,
        ids([&repair, &past])
    );
    assert_eq!(
        timeline(&reader, "upcoming=true").await,
        [repair.clone(), atelier.clone(), conference.clone()]
    );
    assert_eq!(
        timeline(&reader, "upcoming=true&departement=51&type=Event").await,
        [repair.clone(), atelier.clone(), conference.clone()]
    );
    assert_eq!(
        timeline(&reader, "upcoming=true&departement=08").await,
        Vec::<String>::new()
    );
    // Filters combine.
    assert_eq!(
        set(
            &reader,
            "departement=51&type=Event&label=fabriques-de-territoire"
        )
        .await,
        ids([&atelier])
    );

    // Each item says where it is.
    let (_, page) = get_json(&format!(
        "{}/api/v1/timeline?limit=100&type=Note&departement=08",
        reader.base
    ))
    .await;
    assert_eq!(page["items"][0]["departement"], "08");
    assert_eq!(page["items"][0]["region"], "44");
    assert_eq!(page["items"][0]["insee_code"], "08105");

    // Bad input: 400, the parameter named, and why.
    let e = bad_request(&reader, "bbox=3.9,49.2,4.1").await;
    assert_eq!(e[0].0, "bbox");
    assert!(e[0].1.contains("4 comma-separated numbers"), "{}", e[0].1);
    let e = bad_request(&reader, "radius_km=10").await;
    assert_eq!(e[0].0, "radius_km");
    assert!(e[0].1.contains("needs near"), "{}", e[0].1);
    let e = bad_request(&reader, "concept=martiens").await;
    assert_eq!(e[0].0, "concept");
    assert!(e[0].1.contains("/vocab"), "{}", e[0].1);
    let e = bad_request(&reader, &format!("from={to}&to={from}")).await;
    assert_eq!(e[0].0, "to");
    assert!(e[0].1.contains("must not be before from"), "{}", e[0].1);
    let e = bad_request(
        &reader,
        "departement=99&type=Person&open_now=oui&colour=red",
    )
    .await;
    let fields: BTreeSet<&str> = e.iter().map(|(f, _)| f.as_str()).collect();
    assert_eq!(
        fields,
        ["colour", "departement", "open_now", "type"]
            .into_iter()
            .collect()
    );
    let e = bad_request(&reader, "upcoming=true&before=123_4").await;
    assert_eq!(e[0].0, "before");

    alpha.stop().await;
    beta.stop().await;
    reader.stop().await;
    for db in dbs {
        db.cleanup().await;
    }
}

on_both_backends!(the_timeline_filters_select_exactly_the_right_objects);
