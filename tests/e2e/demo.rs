//! `galaxie demo`: the galaxy starts (five instances on loopback), every URL it prints
//! answers, the network lists its four members, the network instance's timeline holds every
//! seeded post once, and it stops with its ports free again. Also its `--help`, a port in use
//! and a `--keep` folder that is not empty.

use clap::Parser;
use galaxie::cli::{Cli, Command};
use galaxie::demo::{self, DemoError, DemoOptions, Role};
use galaxie_tests::{Backend, TestDb, eventually, on_both_backends};
use serde_json::Value;
use std::collections::{BTreeSet, HashMap};
use std::time::Duration;

const SETTLE: Duration = Duration::from_secs(90);

/// The ids of a place instance's public posts as they federate, read from its own database
/// (a recurring series is represented by its occurrences).
async fn posts_of(instance: &demo::DemoInstance) -> Vec<galaxie_db::entities::objects::Model> {
    let conn = instance.data.db().conn();
    let place = galaxie_db::places::get_by_username(conn, &instance.username)
        .await
        .expect("place");
    galaxie_db::objects::by_place(conn, place.id, None)
        .await
        .expect("posts")
        .into_iter()
        .filter(|o| o.public && o.rrule.is_none())
        .collect()
}

/// Every item of the timeline of `base`, following `next`, as (ap_id, how many times).
async fn timeline(client: &reqwest::Client, base: &str) -> Option<HashMap<String, usize>> {
    let mut seen = HashMap::new();
    let mut next: Option<String> = None;
    loop {
        let mut url = url::Url::parse(&format!("{base}/api/v1/timeline")).ok()?;
        url.query_pairs_mut().append_pair("limit", "100");
        if let Some(cursor) = &next {
            url.query_pairs_mut().append_pair("before", cursor);
        }
        let request = client.get(url);
        let page: Value = request.send().await.ok()?.json().await.ok()?;
        for item in page["items"].as_array()? {
            *seen.entry(item["ap_id"].as_str()?.to_string()).or_insert(0) += 1;
        }
        match page["next"].as_str() {
            Some(cursor) => next = Some(cursor.to_string()),
            None => return Some(seen),
        }
    }
}

async fn the_demo_starts_federates_and_stops(backend: Backend) {
    // SQLite: the demo's own files, kept in a folder; PostgreSQL: one database per instance,
    // and a temporary data folder removed at the end.
    let (dbs, keep_root) = match backend {
        Backend::Sqlite => (Vec::new(), Some(tempfile::tempdir().expect("dir"))),
        Backend::Postgres => {
            let mut dbs = Vec::new();
            for _ in 0..demo::INSTANCES {
                dbs.push(TestDb::new(backend).await);
            }
            (dbs, None)
        }
    };
    let keep = keep_root.as_ref().map(|d| d.path().join("galaxie"));
    let running = demo::start(DemoOptions {
        base_port: None,
        keep: keep.clone(),
        databases: (!dbs.is_empty()).then(|| dbs.iter().map(|d| d.url.clone()).collect()),
        settle_timeout: SETTLE,
        verbose: false,
    })
    .await
    .expect("the demo starts");
    let data_dir = running.data_dir.clone();
    let ports: Vec<u16> = running.instances.iter().map(|i| i.port).collect();
    assert_eq!(running.instances.len(), 5);
    assert_eq!(
        running.instances.iter().map(|i| i.role).collect::<Vec<_>>(),
        Role::ALL
    );
    let distinct: BTreeSet<u16> = ports.iter().copied().collect();
    assert_eq!(distinct.len(), 5, "five separate instances");
    let network = running.network().expect("network");
    let client = reqwest::Client::new();

    // Every URL the demo prints answers, on every instance, and each says who it is.
    for instance in &running.instances {
        for (label, url) in instance.urls() {
            let response = client.get(&url).send().await.expect("get");
            assert!(
                response.status().is_success(),
                "{label}: {url} answered {}",
                response.status()
            );
        }
        let node: Value = client
            .get(format!("{}/.well-known/nodeinfo", instance.base))
            .send()
            .await
            .expect("nodeinfo")
            .json()
            .await
            .expect("json");
        assert!(node["links"].is_array(), "{}", instance.base);
        let described = running.describe();
        assert!(described.contains(&instance.base), "{described}");
    }

    // The network is a Group whose members collection lists the four places.
    let actor: Value = client
        .get(network.actor_url())
        .header("accept", "application/activity+json")
        .send()
        .await
        .expect("get")
        .json()
        .await
        .expect("json");
    assert_eq!(actor["type"], "Group");
    assert_eq!(actor["joinPolicy"], "open");
    let members: Value = client
        .get(actor["members"].as_str().expect("members"))
        .header("accept", "application/activity+json")
        .send()
        .await
        .expect("get")
        .json()
        .await
        .expect("json");
    assert_eq!(members["totalItems"], 4);
    let listed: BTreeSet<&str> = members["orderedItems"]
        .as_array()
        .expect("items")
        .iter()
        .filter_map(Value::as_str)
        .collect();
    let places: Vec<&demo::DemoInstance> = running
        .instances
        .iter()
        .filter(|i| i.role != Role::Network)
        .collect();
    for place in &places {
        assert!(
            listed.contains(place.actor_url().as_str()),
            "{} in {listed:?}",
            place.actor_url()
        );
    }

    // What the places published, from their own databases: the promised content is there.
    let mut expected = BTreeSet::new();
    let mut all = Vec::new();
    for place in &places {
        let posts = posts_of(place).await;
        assert!(!posts.is_empty(), "{} published", place.username);
        expected.extend(posts.iter().map(|p| p.ap_id.clone()));
        all.extend(posts);
    }
    assert_eq!(running.seeded, expected, "the demo knows what it seeded");
    assert!(
        all.iter().filter(|p| p.series_id.is_some()).count() >= 2,
        "a weekly permanence publishes its occurrences"
    );
    assert!(
        all.iter().any(|p| p.kind == "Article"),
        "a heritage showcase"
    );
    assert!(all.iter().any(|p| p.kind == "Page"), "services");
    assert!(all.iter().any(|p| p.kind == "Note"), "news");
    assert!(
        all.iter()
            .any(|p| p.summary_falc.is_some() || p.content_falc.is_some()),
        "easy-read variants"
    );
    let truck = running.instance(Role::Truck).expect("truck");
    let stops = galaxie_federation::service::stops(
        &truck.data,
        &truck.username,
        Some(chrono::Utc::now()),
        Some(chrono::Utc::now() + chrono::Duration::days(15)),
    )
    .await
    .expect("stops");
    assert!(stops.len() >= 3, "the truck's stops: {}", stops.len());
    let now = chrono::Utc::now();
    assert!(
        all.iter()
            .filter_map(|p| p.start_time)
            .all(|start| start > now),
        "the events are upcoming"
    );

    // Once federation settles, the network instance's timeline holds every post once.
    eventually(
        "the network's timeline holds every seeded post once",
        SETTLE,
        || async {
            let seen = timeline(&client, &network.base).await?;
            expected
                .iter()
                .all(|id| seen.get(id) == Some(&1))
                .then_some(())
        },
    )
    .await;
    let seen = timeline(&client, &network.base).await.expect("timeline");
    assert!(seen.values().all(|n| *n == 1), "nothing twice: {seen:?}");

    running.stop().await.expect("stops cleanly");
    for port in ports {
        tokio::net::TcpListener::bind(("127.0.0.1", port))
            .await
            .unwrap_or_else(|e| panic!("port {port} is free again: {e}"));
    }
    match keep {
        Some(kept) => {
            assert_eq!(data_dir, kept.canonicalize().expect("kept"));
            for role in Role::ALL {
                assert!(
                    kept.join(role.slug()).join("galaxie.sqlite").is_file(),
                    "{role:?}'s database is kept"
                );
            }
        }
        None => assert!(!data_dir.exists(), "temporary data removed"),
    }
    for db in dbs {
        db.cleanup().await;
    }
}

on_both_backends!(the_demo_starts_federates_and_stops);

#[tokio::test]
async fn a_port_in_use_is_refused_in_french_and_english() {
    let taken = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let port = taken.local_addr().expect("addr").port();
    let err = match demo::start(DemoOptions {
        base_port: Some(port),
        ..DemoOptions::default()
    })
    .await
    {
        Ok(running) => {
            running.stop().await.expect("stop");
            panic!("started on a port in use");
        }
        Err(e) => e,
    };
    assert!(
        matches!(err, DemoError::PortTaken { port: p } if p == port),
        "{err}"
    );
    let message = err.to_string();
    assert!(message.contains("déjà utilisé"), "{message}");
    assert!(message.contains("already in use"), "{message}");
    assert!(message.contains("--base-port"), "{message}");
    assert!(message.contains(&port.to_string()), "{message}");
    // The CLI reports it as a usage error (exit status 2).
    assert!(matches!(
        galaxie::cli::CliError::from(err),
        galaxie::cli::CliError::Invalid(_)
    ));
}

#[tokio::test]
async fn a_keep_folder_that_is_not_empty_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().expect("dir");
    std::fs::write(dir.path().join("notes.txt"), "à garder").expect("write");
    let err = match demo::start(DemoOptions {
        base_port: None,
        keep: Some(dir.path().to_path_buf()),
        ..DemoOptions::default()
    })
    .await
    {
        Ok(running) => {
            running.stop().await.expect("stop");
            panic!("used a folder that is not empty");
        }
        Err(e) => e,
    };
    assert!(matches!(err, DemoError::Keep { .. }), "{err}");
    assert!(err.to_string().contains("not empty"), "{err}");
    let left: Vec<_> = std::fs::read_dir(dir.path())
        .expect("read")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(left, vec![std::ffi::OsString::from("notes.txt")]);
}

#[test]
fn demo_help_documents_its_options() {
    let err = Cli::try_parse_from(["galaxie", "demo", "--help"]).expect_err("help");
    assert_eq!(err.kind(), clap::error::ErrorKind::DisplayHelp);
    let help = err.render().to_string();
    for expected in ["--base-port", "8081", "--keep", "<DIR>", "Ctrl-C", "n+4"] {
        assert!(help.contains(expected), "{expected} in:\n{help}");
    }
    let top = Cli::try_parse_from(["galaxie", "--help"]).expect_err("help");
    assert!(top.render().to_string().contains("demo"));

    match Cli::try_parse_from(["galaxie", "demo"])
        .expect("defaults")
        .command
    {
        Command::Demo(args) => {
            assert_eq!(args.base_port, 8081);
            assert!(args.keep.is_none());
        }
        other => panic!("{other:?}"),
    }
    match Cli::try_parse_from([
        "galaxie",
        "demo",
        "--base-port",
        "9001",
        "--keep",
        "/tmp/galaxie-demo",
    ])
    .expect("options")
    .command
    {
        Command::Demo(args) => {
            assert_eq!(args.base_port, 9001);
            assert_eq!(
                args.keep.as_deref(),
                Some(std::path::Path::new("/tmp/galaxie-demo"))
            );
        }
        other => panic!("{other:?}"),
    }
    // Five ports must fit below 65536.
    let err = Cli::try_parse_from(["galaxie", "demo", "--base-port", "65533"]).expect_err("range");
    assert_eq!(err.kind(), clap::error::ErrorKind::ValueValidation);
}
