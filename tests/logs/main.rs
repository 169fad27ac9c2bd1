//! What the request log writes, in a test binary of its own: one global subscriber captures
//! every line at every level (a thread's own subscriber, among other tests' threads, can miss
//! lines while tracing's global interest cache is rebuilt).
//!
//! Answers to the orientation questionnaire never reach the log: the request lines of the
//! orientation paths (and of the language switch, whose return link carries the answers) are
//! written without their query string, while other endpoints' query strings are kept.

use galaxie_domain::{NewPlace, RawPlace};
use galaxie_federation::service;
use galaxie_tests::{Backend, Instance, TestDb};
use std::sync::{Arc, Mutex, OnceLock};

/// A log writer into a shared buffer.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if let Ok(mut v) = self.0.lock() {
            v.extend_from_slice(buf);
        }
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl<'a> tracing_subscriber::fmt::MakeWriter<'a> for Captured {
    type Writer = Captured;
    fn make_writer(&'a self) -> Self::Writer {
        self.clone()
    }
}

/// The process's log, captured from the first test on.
fn captured() -> &'static Captured {
    static LOG: OnceLock<Captured> = OnceLock::new();
    LOG.get_or_init(|| {
        let captured = Captured::default();
        let subscriber = tracing_subscriber::fmt()
            .with_max_level(tracing::Level::TRACE)
            .with_ansi(false)
            .with_writer(captured.clone())
            .finish();
        tracing::subscriber::set_global_default(subscriber).expect("the only subscriber");
        captured
    })
}

const NEED: &str = "aide-demarches-administratives";

async fn orientation_answers_are_never_logged(backend: Backend) {
    let captured = captured();
    let db = TestDb::new(backend).await;
    let instance = Instance::start(&db.url).await;
    let place = NewPlace::parse(RawPlace {
        username: Some("epn".into()),
        name: Some("EPN".into()),
        postal_code: Some("51100".into()),
        ..Default::default()
    })
    .expect("place");
    service::create_place(&instance.data, place)
        .await
        .expect("place");
    let secret_town = "Sainte-Confidentialite";
    for path in [
        format!("/api/v1/orientation?need={NEED}&near=49.2512,4.0377&support=surdite"),
        format!("/api/v1/orientation?need={NEED}&town={secret_town}"),
        format!("/orientation/resultats?need={NEED}&near=49.2512,4.0377&support=surdite"),
        format!("/orientation/fiche?need={NEED}&near=49.2512,4.0377&support=surdite"),
        format!("/preferences/langue/en?retour=%2Forientation%2Fresultats%3Ftown%3D{secret_town}"),
        "/api/v1/directory?departement=51".to_string(),
    ] {
        let response = reqwest::get(format!("{}{path}", instance.base))
            .await
            .expect("GET");
        assert!(response.status().as_u16() < 500, "{path}");
    }
    instance.stop().await;
    db.cleanup().await;
    let log = String::from_utf8_lossy(&captured.0.lock().expect("log")).to_string();
    assert!(
        log.contains("uri=/api/v1/orientation") && log.contains("uri=/orientation/resultats"),
        "the requests were logged, without their query"
    );
    assert!(
        log.contains("uri=/api/v1/directory?departement=51"),
        "other query strings are logged as before"
    );
    for secret in ["49.2512", "4.0377", "surdite", secret_town] {
        assert!(!log.contains(secret), "{secret} was logged");
    }
}

#[tokio::test]
async fn orientation_answers_are_never_logged_sqlite() {
    orientation_answers_are_never_logged(Backend::Sqlite).await;
}

#[tokio::test]
async fn orientation_answers_are_never_logged_postgres() {
    orientation_answers_are_never_logged(Backend::Postgres).await;
}
