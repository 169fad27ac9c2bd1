//! The web interface in a real browser: two live instances, and `tests/browser/site.mjs`
//! driving Debian's Chromium through playwright-core, with axe-core on every page type (see
//! the script for the story). Screenshots go to `target/browser-artefacts/<backend>/`.
//! Its tools are installed by tests/browser/setup.sh (scripts/test calls it; .ci/run installs
//! Chromium from Debian's packages).

use galaxie_tests::{Backend, Instance, TestDb, on_both_backends};
use serde_json::Value;
use std::process::Stdio;
use std::time::Duration;
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::Command;

const EMAIL: &str = "admin@example.org";
const PASSWORD: &str = "un mot de passe pour le navigateur";

fn browser_dir() -> String {
    format!("{}/browser", env!("CARGO_MANIFEST_DIR"))
}

async fn admin(instance: &Instance) {
    let hash = galaxie_site::auth::hash_password(PASSWORD)
        .await
        .expect("hash");
    galaxie_db::accounts::create(instance.data.db().conn(), EMAIL, &hash, true)
        .await
        .expect("account");
}

async fn the_site_in_a_real_browser(backend: Backend) {
    let (db_a, db_b) = (TestDb::new(backend).await, TestDb::new(backend).await);
    let alpha = Instance::start(&db_a.url).await;
    let beta = Instance::start(&db_b.url).await;
    admin(&alpha).await;
    admin(&beta).await;
    // A report waiting on alpha, so that its page shows one with its button.
    galaxie_db::reports::record(
        alpha.data.db().conn(),
        galaxie_db::reports::NewReport {
            ap_id: "https://mastodon.example/flags/1",
            actor: "https://mastodon.example/actor",
            objects: &["https://mastodon.example/users/spam".to_string()],
            content: Some("Des publicités répétées"),
        },
    )
    .await
    .expect("report");
    assert!(
        std::path::Path::new(&format!("{}/node_modules/playwright-core", browser_dir())).exists(),
        "playwright-core is not installed: run tests/browser/setup.sh (scripts/test does)"
    );
    let chromium = std::env::var("GALAXIE_CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    assert!(
        std::path::Path::new(&chromium).exists(),
        "{chromium} is missing: apt-get install -y chromium (.ci/run does)"
    );
    let artefacts = format!(
        "{}/../target/browser-artefacts/{}",
        env!("CARGO_MANIFEST_DIR"),
        match backend {
            Backend::Sqlite => "sqlite",
            Backend::Postgres => "postgres",
        }
    );
    let mut child = Command::new("node")
        .arg(format!("{}/site.mjs", browser_dir()))
        .args(["--alpha", &alpha.base, "--beta", &beta.base])
        .args(["--email", EMAIL, "--password", PASSWORD])
        .args(["--artefacts", &artefacts])
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
            _ => steps.push(
                event["step"]
                    .as_str()
                    .or(event["name"].as_str())
                    .unwrap_or_default()
                    .to_string(),
            ),
        }
    };
    let status = child.wait().await.expect("wait");
    assert!(status.success(), "the browser test exited with {status}");
    let pages: Vec<String> = serde_json::from_value(done["pages"].clone()).expect("pages");
    for page_type in [
        "home",
        "place",
        "event",
        "showcase",
        "map",
        "directory",
        "search",
        "admin-login",
        "admin-place-new",
        "admin-event-new",
        "admin-service-new",
        "admin-showcase-new",
        "admin-note-new",
        "admin-followers",
        "admin-blocks",
        "admin-accounts",
        "admin-networks",
        "admin-network",
        "admin-memberships",
        "admin-relays",
        "admin-relays-refused",
        "admin-reports",
        "cooperations",
        "cooperation-place",
        "code-source",
    ] {
        assert!(
            pages.iter().any(|p| p == page_type),
            "{page_type} was not audited"
        );
        assert!(
            std::path::Path::new(&format!("{artefacts}/{page_type}.png")).exists(),
            "no screenshot of {page_type}"
        );
    }
    // What the browser did is in the databases: the place, its event with the image's alt text,
    // and beta's copy of the event.
    let conn = alpha.data.db().conn();
    let place = galaxie_db::places::get_by_username(conn, "epn-saint-clair")
        .await
        .expect("the place the browser created");
    let events = galaxie_db::objects::by_place(conn, place.id, Some("Event"))
        .await
        .expect("events");
    let event = events
        .iter()
        .find(|e| e.name.as_deref() == Some("Atelier smartphone"))
        .expect("the event the browser published");
    let media = galaxie_db::media::for_object(conn, event.id)
        .await
        .expect("media");
    assert_eq!(media[0].alt, "Des mains tiennent un smartphone");
    let received = galaxie_db::objects::by_ap_id(beta.data.db().conn(), &event.ap_id)
        .await
        .expect("query");
    assert!(received.is_some(), "beta stored alpha's event");
    alpha.stop().await;
    beta.stop().await;
    db_a.cleanup().await;
    db_b.cleanup().await;
}
on_both_backends!(the_site_in_a_real_browser);
