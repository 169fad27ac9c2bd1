//! Orientation (the Passeport numérique, docs/orientation.md): a directory gathered from three
//! instances is ranked for a person's answers — the nearest open, free, wheelchair-accessible
//! place with support for deaf people comes first, with its reasons; each constraint changes
//! the order as it should; bad answers are refused naming their parameter; the passport link
//! round-trips its answers; and nothing about the person is stored (every table's row count is
//! unchanged, no cookie is set) or logged (the request log leaves out the query strings).

use galaxie_domain::orientation::Answers;
use galaxie_domain::{NewPlace, NewService, RawPlace, RawService};
use galaxie_federation::service;
use galaxie_tests::{Backend, Instance, TestDb, eventually, follow, on_both_backends};
use sea_orm::{ConnectionTrait, Statement};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

const WAIT: Duration = Duration::from_secs(30);
/// Where the person is: the centre of Reims.
const NEAR: &str = "49.25,4.03";
const NEED: &str = "aide-demarches-administratives";

struct Spot<'a> {
    username: &'a str,
    name: &'a str,
    lat: f64,
    postal_code: &'a str,
    fees: &'a [&'a str],
    hours: &'a str,
    support: &'a [&'a str],
    support_modes: &'a [&'a str],
    /// The need as a concept of the place itself (else it is its service's).
    need_on_place: bool,
}

fn place(s: &Spot<'_>) -> NewPlace {
    let list = |l: &[&str]| Some(l.iter().map(|x| x.to_string()).collect::<Vec<_>>());
    NewPlace::parse(RawPlace {
        username: Some(s.username.into()),
        name: Some(s.name.into()),
        address: Some(format!("1 rue {}", s.username)),
        postal_code: Some(s.postal_code.into()),
        city: Some("Reims".into()),
        lat: Some(s.lat),
        lon: Some(4.03),
        hours: Some(s.hours.into()),
        fees: list(s.fees),
        specific_support: list(s.support),
        support_modes: list(s.support_modes),
        services: s.need_on_place.then(|| vec![NEED.to_string()]),
        phone: Some("03 26 00 00 00".into()),
        ..Default::default()
    })
    .expect("place")
}

fn help_online() -> NewService {
    NewService::parse(RawService {
        name: Some("Aide aux démarches en ligne".into()),
        services: Some(vec![NEED.into()]),
        access_modes: Some(vec![
            "se-presenter".into(),
            "mobilisable-par-usagers".into(),
        ]),
        ..Default::default()
    })
    .expect("service")
}

async fn get(url: &str) -> (u16, Value) {
    let response = reqwest::get(url).await.expect("GET");
    let status = response.status().as_u16();
    (status, response.json().await.expect("JSON"))
}

async fn orientation(reader: &Instance, query: &str) -> Value {
    let url = format!("{}/api/v1/orientation?{query}", reader.base);
    let (status, body) = get(&url).await;
    assert_eq!(status, 200, "{url}: {body}");
    body
}

fn names(body: &Value) -> Vec<String> {
    body["results"]
        .as_array()
        .expect("results")
        .iter()
        .map(|r| r["place"]["name"].as_str().unwrap_or_default().to_string())
        .collect()
}

/// The number of rows of every table.
async fn row_counts(instance: &Instance) -> BTreeMap<String, i64> {
    let conn = instance.data.db().conn();
    let backend = conn.get_database_backend();
    let list = match backend {
        sea_orm::DatabaseBackend::Sqlite => {
            "SELECT name AS t FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        }
        _ => "SELECT tablename AS t FROM pg_tables WHERE schemaname = current_schema()",
    };
    let tables: Vec<String> = conn
        .query_all_raw(Statement::from_string(backend, list))
        .await
        .expect("tables")
        .iter()
        .map(|r| r.try_get::<String>("", "t").expect("name"))
        .collect();
    assert!(tables.len() > 10, "{tables:?}");
    let mut counts = BTreeMap::new();
    for t in tables {
        let row = conn
            .query_one_raw(Statement::from_string(
                backend,
                format!("SELECT COUNT(*) AS n FROM \"{t}\""),
            ))
            .await
            .expect("count")
            .expect("a row");
        counts.insert(t, row.try_get::<i64>("", "n").expect("n"));
    }
    counts
}

/// The row counts once two readings in a row agree (the instance's background work is done).
async fn settled_row_counts(instance: &Instance) -> BTreeMap<String, i64> {
    let mut previous = row_counts(instance).await;
    for _ in 0..100 {
        tokio::time::sleep(Duration::from_millis(300)).await;
        let now = row_counts(instance).await;
        if now == previous {
            return now;
        }
        previous = now;
    }
    panic!("the instance never settled: {previous:?}");
}

async fn the_directory_of_three_instances_is_ranked_for_a_person(backend: Backend) {
    let dbs = [
        TestDb::new(backend).await,
        TestDb::new(backend).await,
        TestDb::new(backend).await,
    ];
    let alpha = Instance::start(&dbs[0].url).await;
    let beta = Instance::start(&dbs[1].url).await;
    let reader = Instance::start(&dbs[2].url).await;

    // Alpha: an EPN 1.1 km away, free, open on Tuesday afternoons, accessible, with support
    // for deaf people; and a place 16.7 km away that also helps by phone.
    let epn = Spot {
        username: "epn-clair",
        name: "EPN Clair",
        lat: 49.26,
        postal_code: "51100",
        fees: &["gratuit"],
        hours: "Tu 14:00-18:00",
        support: &["handicaps-moteurs", "surdite"],
        support_modes: &[],
        need_on_place: false,
    };
    let far = Spot {
        username: "espace-loin",
        name: "Espace Loin",
        lat: 49.40,
        postal_code: "51200",
        fees: &["gratuit"],
        hours: "Mo-Fr 09:00-19:00",
        support: &["handicaps-moteurs"],
        support_modes: &["a-distance"],
        need_on_place: true,
    };
    // Beta: a médiathèque nearer (0.6 km) but closed on Tuesdays, and the nearest place of all
    // (0.2 km), open, accessible, but paid.
    let mediatheque = Spot {
        username: "mediatheque",
        name: "Médiathèque Vesle",
        lat: 49.255,
        postal_code: "51100",
        fees: &["gratuit"],
        hours: "Sa 10:00-12:00",
        support: &["handicaps-moteurs"],
        support_modes: &[],
        need_on_place: false,
    };
    let coworking = Spot {
        username: "coworking",
        name: "Coworking Payant",
        lat: 49.252,
        postal_code: "51100",
        fees: &["payant"],
        hours: "Mo-Fr 09:00-19:00",
        support: &["handicaps-moteurs"],
        support_modes: &[],
        need_on_place: false,
    };
    // The reader's own place: free and open, but with steps at the door.
    let maison = Spot {
        username: "maison-services",
        name: "Maison des services",
        lat: 49.27,
        postal_code: "51100",
        fees: &["gratuit"],
        hours: "Tu 09:00-17:00",
        support: &[],
        support_modes: &[],
        need_on_place: true,
    };
    for s in [&epn, &far] {
        service::create_place(&alpha.data, place(s))
            .await
            .expect("alpha place");
    }
    for s in [&mediatheque, &coworking] {
        service::create_place(&beta.data, place(s))
            .await
            .expect("beta place");
    }
    service::create_place(&reader.data, place(&maison))
        .await
        .expect("reader place");
    for (instance, username) in [
        (&alpha, "epn-clair"),
        (&alpha, "espace-loin"),
        (&beta, "mediatheque"),
        (&beta, "coworking"),
    ] {
        follow(&reader, "maison-services", instance, username).await;
    }
    // The services, published once the reader follows.
    for (instance, username) in [
        (&alpha, "epn-clair"),
        (&beta, "mediatheque"),
        (&beta, "coworking"),
    ] {
        service::publish_service(&instance.data, username, help_online())
            .await
            .expect("service");
    }
    let base = format!("need={NEED}&near={NEAR}&radius_km=10");
    eventually("the reader has the three services", WAIT, || async {
        let body = orientation(&reader, &format!("{base}&limit=50")).await;
        let services = body["results"]
            .as_array()?
            .iter()
            .filter(|r| !r["service"].is_null())
            .count();
        (services == 3).then_some(())
    })
    .await;
    // The directory is gathered: the other instances stop, and once the reader's own
    // background work is done (two readings alike), every table's row count is noted.
    let epn_url = alpha.place_url("epn-clair");
    alpha.stop().await;
    beta.stop().await;
    let before = settled_row_counts(&reader).await;

    // Every constraint: near, free, wheelchair, Tuesday at 14:00, support for deaf people.
    let full = format!("{base}&free=true&wheelchair=true&day=tuesday&time=14:00&support=surdite");
    let body = orientation(&reader, &full).await;
    assert_eq!(names(&body), ["EPN Clair", "Médiathèque Vesle"], "{body:#}");
    assert_eq!(
        body["excluded"],
        serde_json::json!({ "need": 0, "free_only": 1, "wheelchair": 1, "too_far": 1 })
    );
    let first = &body["results"][0];
    assert_eq!(first["rank"], 1);
    assert_eq!(first["place"]["id"], epn_url.as_str());
    assert_eq!(first["service"]["name"], "Aide aux démarches en ligne");
    assert_eq!(first["open_at_wanted_time"], true);
    let reasons: BTreeSet<&str> = first["reasons"]
        .as_array()
        .expect("reasons")
        .iter()
        .filter(|r| r["fits"] == true)
        .filter_map(|r| r["fr"].as_str())
        .collect();
    for expected in [
        "À 1,1 km",
        "Ouvert mardi à 14 h",
        "Gratuit",
        "Accessible en fauteuil roulant",
        "Accompagnement pour les personnes sourdes",
        "Vous pouvez y aller sans rendez-vous",
    ] {
        assert!(reasons.contains(expected), "{expected:?} in {reasons:?}");
    }
    let english: Vec<&str> = first["reasons"]
        .as_array()
        .expect("reasons")
        .iter()
        .filter_map(|r| r["en"].as_str())
        .collect();
    assert!(english.contains(&"Open on Tuesday at 14:00"), "{english:?}");
    let parts: i64 = first["score_parts"]
        .as_array()
        .expect("parts")
        .iter()
        .filter_map(|p| p["points"].as_i64())
        .sum();
    assert_eq!(Some(parts), first["score"].as_i64());
    assert!(first["score"].as_i64() > body["results"][1]["score"].as_i64());
    assert_eq!(first["how_to_go"][0]["mode"], "se-presenter");
    let second = &body["results"][1];
    assert_eq!(second["open_at_wanted_time"], false);
    assert!(
        second["reasons"]
            .as_array()
            .expect("reasons")
            .iter()
            .any(|r| r["fits"] == false && r["criterion"] == "open"),
        "{second:#}"
    );

    // Paying is possible: the paid coworking comes back, after the EPN (it is open, nearer,
    // but has no support for deaf people).
    let body = orientation(
        &reader,
        &format!("{base}&wheelchair=true&day=tuesday&time=14:00&support=surdite"),
    )
    .await;
    assert_eq!(
        names(&body),
        ["EPN Clair", "Coworking Payant", "Médiathèque Vesle"]
    );
    assert_eq!(body["excluded"]["free_only"], 0);
    // No time and no support asked: the nearer médiathèque comes first.
    let body = orientation(&reader, &format!("{base}&free=true&wheelchair=true")).await;
    assert_eq!(names(&body), ["Médiathèque Vesle", "EPN Clair"]);
    // No wheelchair: the reader's own place is in.
    let body = orientation(&reader, &format!("{base}&free=true")).await;
    assert!(
        names(&body).contains(&"Maison des services".to_string()),
        "{body:#}"
    );
    assert_eq!(body["excluded"]["wheelchair"], 0);
    // Help by phone is possible: the far place that helps remotely is kept, and says so.
    let body = orientation(&reader, &format!("{full}&remote=true")).await;
    assert_eq!(body["excluded"]["too_far"], 0);
    let remote = body["results"]
        .as_array()
        .expect("results")
        .iter()
        .find(|r| r["place"]["name"] == "Espace Loin")
        .expect("the far place helps remotely");
    assert!(
        remote["reasons"]
            .as_array()
            .expect("reasons")
            .iter()
            .any(|r| r["criterion"] == "remote" && r["fits"] == true)
    );
    assert_eq!(names(&body)[0], "EPN Clair");
    // A town instead of a position: located on the directory's places there.
    let body = orientation(&reader, &format!("need={NEED}&town=51100&radius_km=5")).await;
    assert!(body["origin"]["latitude"].as_f64().is_some(), "{body:#}");
    assert!(!names(&body).is_empty());

    // Bad answers: 422, each parameter named.
    let (status, body) = get(&format!(
        "{}/api/v1/orientation?need=inconnu&radius_km=abc&limit=0&colour=bleu&day=someday&near={NEAR}",
        reader.base
    ))
    .await;
    assert_eq!(status, 422, "{body}");
    let fields: BTreeSet<&str> = body["fields"]
        .as_array()
        .expect("fields")
        .iter()
        .filter_map(|f| f["field"].as_str())
        .collect();
    assert_eq!(
        fields,
        ["colour", "day", "limit", "need", "radius_km"]
            .into_iter()
            .collect()
    );
    let (status, body) = get(&format!(
        "{}/api/v1/orientation?need={NEED}&town=Atlantide",
        reader.base
    ))
    .await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(body["fields"][0]["field"], "town");

    // The passport link: the answers in its fragment, read back as they were given.
    let body = orientation(&reader, &format!("{full}&skill=courriel&by=usagers")).await;
    let link = body["passport_url"].as_str().expect("passport_url");
    let (page, fragment) = link.split_once('#').expect("a fragment");
    assert_eq!(page, format!("{}/passeport", reader.base));
    let given =
        Answers::parse_query(&format!("{full}&skill=courriel&by=usagers"), &[]).expect("answers");
    assert_eq!(
        Answers::parse_query(fragment, &[]).expect("fragment"),
        given
    );
    assert_eq!(fragment, body["answers"]);
    // The sheet of the passport, as its page's script asks for it: the chosen place only.
    let key = body["results"][0]["key"].as_str().expect("key");
    let client = reqwest::Client::new();
    let response = client
        .post(format!("{}/orientation/fiche", reader.base))
        .header("content-type", "application/x-www-form-urlencoded")
        .body(format!("{fragment}&choice={key}"))
        .send()
        .await
        .expect("POST");
    assert_eq!(response.status(), 200);
    assert!(response.headers().get("set-cookie").is_none());
    assert_eq!(response.headers()["cache-control"], "no-store");
    let sheet = response.text().await.expect("sheet");
    assert!(sheet.contains("EPN Clair"), "{sheet}");
    assert!(
        !sheet.contains("Médiathèque Vesle"),
        "only the chosen place"
    );
    assert!(sheet.contains("<svg class=\"qr\""), "a QR code");
    assert!(sheet.contains("Ouvert mardi à 14 h"));
    assert!(sheet.contains("class=\"map\""), "a map");
    // The pages: results, printable sheet, passport; none sets a cookie.
    for path in [
        format!("/orientation?{full}"),
        format!("/orientation/resultats?{full}"),
        format!("/orientation/fiche?{full}&choice={key}"),
        "/passeport".to_string(),
    ] {
        let response = reqwest::get(format!("{}{path}", reader.base))
            .await
            .expect("GET");
        assert_eq!(response.status(), 200, "{path}");
        assert!(
            response.headers().get("set-cookie").is_none(),
            "{path} sets no cookie"
        );
        let html = response.text().await.expect("page");
        if path.starts_with("/orientation/") {
            assert!(html.contains("EPN Clair"), "{path}");
        }
    }
    let response = reqwest::get(format!(
        "{}/orientation/resultats?need=inconnu",
        reader.base
    ))
    .await
    .expect("GET");
    assert_eq!(response.status(), 422);
    // Nothing was written.
    assert_eq!(row_counts(&reader).await, before);

    reader.stop().await;
    for db in dbs {
        db.cleanup().await;
    }
}

on_both_backends!(the_directory_of_three_instances_is_ranked_for_a_person);

// The log-capture test lives in its own test binary (`tests/logs.rs`): a global subscriber
// there, where here other tests' threads race tracing's global interest cache.

/// The questionnaire, the results, the passport link and the printable sheet in a real browser
/// (`tests/browser/orientation.mjs`: Chromium, axe-core, keyboard only, print media).
async fn orientation_in_a_real_browser(backend: Backend) {
    use std::process::Stdio;
    use tokio::io::{AsyncBufReadExt, BufReader};
    let browser_dir = format!("{}/browser", env!("CARGO_MANIFEST_DIR"));
    assert!(
        std::path::Path::new(&format!("{browser_dir}/node_modules/playwright-core")).exists(),
        "playwright-core is not installed: run tests/browser/setup.sh (scripts/test does)"
    );
    let db = TestDb::new(backend).await;
    let instance = Instance::start(&db.url).await;
    for s in [
        Spot {
            username: "epn-clair",
            name: "EPN Clair",
            lat: 49.26,
            postal_code: "51100",
            fees: &["gratuit"],
            hours: "Tu 14:00-18:00",
            support: &["handicaps-moteurs", "surdite"],
            support_modes: &[],
            need_on_place: false,
        },
        Spot {
            username: "mediatheque",
            name: "Médiathèque Vesle",
            lat: 49.255,
            postal_code: "51100",
            fees: &["gratuit"],
            hours: "Sa 10:00-12:00",
            support: &["handicaps-moteurs"],
            support_modes: &[],
            need_on_place: true,
        },
    ] {
        service::create_place(&instance.data, place(&s))
            .await
            .expect("place");
    }
    service::publish_service(&instance.data, "epn-clair", help_online())
        .await
        .expect("service");
    let before = settled_row_counts(&instance).await;
    let artefacts = format!(
        "{}/../target/browser-artefacts/orientation-{}",
        env!("CARGO_MANIFEST_DIR"),
        match backend {
            Backend::Sqlite => "sqlite",
            Backend::Postgres => "postgres",
        }
    );
    let mut child = tokio::process::Command::new("node")
        .arg(format!("{browser_dir}/orientation.mjs"))
        .args(["--base", &instance.base, "--artefacts", &artefacts])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .kill_on_drop(true)
        .spawn()
        .expect("node must be installed to run the browser tests");
    let mut lines = BufReader::new(child.stdout.take().expect("stdout")).lines();
    let mut steps = Vec::new();
    let done = loop {
        let line = tokio::time::timeout(Duration::from_secs(300), lines.next_line())
            .await
            .expect("the browser test timed out")
            .expect("read")
            .unwrap_or_else(|| panic!("the browser test stopped after {steps:?}"));
        let event: Value = serde_json::from_str(&line).unwrap_or_else(|e| panic!("{line}: {e}"));
        match event["event"].as_str() {
            Some("done") => break event,
            Some("error") => panic!(
                "browser test failed after {steps:?}:\n{}",
                event["message"].as_str().unwrap_or_default()
            ),
            _ => steps.push(line),
        }
    };
    assert!(child.wait().await.expect("wait").success());
    let pages: Vec<String> = serde_json::from_value(done["pages"].clone()).expect("pages");
    for page in [
        "orientation-questionnaire",
        "orientation-questionnaire-refused",
        "orientation-results",
        "orientation-passport",
        "orientation-sheet",
    ] {
        assert!(pages.iter().any(|p| p == page), "{page} was not audited");
    }
    assert!(std::path::Path::new(&format!("{artefacts}/orientation-sheet.pdf")).exists());
    // The browser's visits wrote nothing.
    assert_eq!(row_counts(&instance).await, before);
    instance.stop().await;
    db.cleanup().await;
}

on_both_backends!(orientation_in_a_real_browser);
