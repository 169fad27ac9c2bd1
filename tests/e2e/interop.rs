//! Independent implementations: a Fedify follower follows a Galaxie place and receives its
//! Create(Event); fediverse-pasture's verify_actor passes against a Galaxie place actor.
//! Their tools are installed by tests/interop/setup.sh (scripts/test and .ci/run call it).

use galaxie_domain::{NewEvent, NewPlace, RawEvent, RawPlace};
use galaxie_federation::service;
use galaxie_tests::{Backend, Instance, TestDb};
use serde_json::Value;
use std::process::Stdio;
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::Command;

fn interop_dir() -> String {
    format!("{}/interop", env!("CARGO_MANIFEST_DIR"))
}

async fn place(instance: &Instance) {
    let p = NewPlace::parse(RawPlace {
        username: Some("epn".into()),
        name: Some("EPN de Saint-Clair".into()),
        address: Some("12 rue de Leclercq".into()),
        postal_code: Some("51100".into()),
        city: Some("Reims".into()),
        lat: Some(49.25),
        lon: Some(4.03),
        phone: Some("01 80 05 98 80".into()),
        website: Some("https://epn.example".into()),
        hours: Some("Mo-Fr 09:00-12:00,14:00-18:00".into()),
        ..Default::default()
    })
    .expect("place");
    service::create_place(&instance.data, p)
        .await
        .expect("create");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_fedify_follower_receives_a_galaxie_event() {
    let db = TestDb::new(Backend::Sqlite).await;
    let galaxie = Instance::start(&db.url).await;
    place(&galaxie).await;
    let script = format!("{}/fedify-follower.mjs", interop_dir());
    assert!(
        std::path::Path::new(&format!("{}/node_modules/@fedify/fedify", interop_dir())).exists(),
        "Fedify is not installed: run tests/interop/setup.sh (scripts/test does)"
    );
    let mut child = Command::new("node")
        .arg(&script)
        .arg("--target")
        .arg(galaxie.place_url("epn"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .expect("node must be installed to run the Fedify interop test");
    let mut lines = BufReader::new(child.stdout.take().expect("stdout")).lines();
    let mut next_event = async || -> Value {
        let line = tokio::time::timeout(Duration::from_secs(60), lines.next_line())
            .await
            .expect("Fedify follower timed out")
            .expect("read")
            .expect("Fedify follower exited");
        serde_json::from_str(&line).unwrap_or_else(|e| panic!("{line}: {e}"))
    };
    let mut accepted = false;
    while !accepted {
        let event = next_event().await;
        match event["event"].as_str() {
            Some("accepted") => accepted = true,
            Some("error") => panic!("Fedify follower: {event}"),
            _ => {}
        }
    }
    let event = NewEvent::parse(RawEvent {
        name: Some("Atelier smartphone".into()),
        start: Some("2027-01-09T14:00:00+01:00".into()),
        end: Some("2027-01-09T16:00:00+01:00".into()),
        location_name: Some("Médiathèque de Saint-Clair".into()),
        price: Some("gratuit".into()),
        ..Default::default()
    })
    .expect("event");
    let published = service::publish_event(&galaxie.data, "epn", event)
        .await
        .expect("publish");
    loop {
        let event = next_event().await;
        match event["event"].as_str() {
            Some("activity") if event["type"] == "Create" => {
                assert_eq!(event["json"]["object"]["id"], published.ap_id.as_str());
                assert_eq!(event["json"]["object"]["type"], "Event");
                assert_eq!(event["json"]["object"]["name"], "Atelier smartphone");
                break;
            }
            Some("error") => panic!("Fedify follower: {event}"),
            _ => {}
        }
    }
    drop(child);
    galaxie.stop().await;
    db.cleanup().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn fediverse_pasture_verifies_a_galaxie_place_actor() {
    let db = TestDb::new(Backend::Sqlite).await;
    let galaxie = Instance::start(&db.url).await;
    place(&galaxie).await;
    let python = format!("{}/.venv/bin/python", interop_dir());
    assert!(
        std::path::Path::new(&python).exists(),
        "fediverse-pasture is not installed: run tests/interop/setup.sh (scripts/test does)"
    );
    let output = Command::new(&python)
        .arg(format!("{}/verify_actor.py", interop_dir()))
        .arg(galaxie.place_url("epn"))
        .output()
        .await
        .expect("run verify_actor");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let last = stdout.lines().last().unwrap_or_default();
    assert!(
        output.status.success(),
        "verify_actor failed: {last}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let result: Value = serde_json::from_str(last).expect("json result");
    assert_eq!(result["ok"], true);
    galaxie.stop().await;
    db.cleanup().await;
}
