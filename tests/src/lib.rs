//! Test harness: several Galaxie instances in one process, each named `localhost:{port}` on a
//! fresh database — a temporary SQLite file or a new PostgreSQL database that is dropped after.
//! A PostgreSQL that cannot be reached fails the test loudly; it is never skipped.

use galaxie::{App, Config};
use galaxie_federation::Data;
use galaxie_federation::outbox::worker::WorkerOptions;
use sea_orm::{ConnectionTrait, Database};
use std::future::Future;
use std::time::Duration;
use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

/// Which database engine a test runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// The PostgreSQL server used by tests (`GALAXIE_TEST_POSTGRES` overrides it).
pub fn postgres_admin_url() -> String {
    std::env::var("GALAXIE_TEST_POSTGRES")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".to_string())
}

/// A fresh database.
pub struct TestDb {
    pub url: String,
    pg_name: Option<String>,
    _dir: Option<tempfile::TempDir>,
}

impl TestDb {
    /// Creates a fresh database on `backend`.
    pub async fn new(backend: Backend) -> TestDb {
        match backend {
            Backend::Sqlite => {
                let dir = tempfile::tempdir().expect("temporary directory");
                let url = format!("sqlite://{}", dir.path().join("galaxie.sqlite").display());
                TestDb {
                    url,
                    pg_name: None,
                    _dir: Some(dir),
                }
            }
            Backend::Postgres => {
                let admin = postgres_admin_url();
                let conn = Database::connect(&admin).await.unwrap_or_else(|e| {
                    panic!("PostgreSQL is required for the test suite and is not reachable at {admin}: {e}")
                });
                let name = format!("galaxie_test_{}", uuid_like());
                conn.execute_unprepared(&format!("CREATE DATABASE {name}"))
                    .await
                    .expect("create test database");
                let mut url = url::Url::parse(&admin).expect("admin URL");
                url.set_path(&format!("/{name}"));
                TestDb {
                    url: url.to_string(),
                    pg_name: Some(name),
                    _dir: None,
                }
            }
        }
    }

    /// Drops the PostgreSQL database (SQLite files go with their temporary folder).
    pub async fn cleanup(self) {
        if let Some(name) = &self.pg_name
            && let Ok(conn) = Database::connect(&postgres_admin_url()).await
        {
            let _ = conn
                .execute_unprepared(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                .await;
        }
    }
}

fn uuid_like() -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    format!(
        "{}_{}_{}",
        std::process::id(),
        nanos % 1_000_000_000_000,
        COUNTER.fetch_add(1, Ordering::Relaxed)
    )
}

/// Worker tuning for tests: quick retries and polls.
pub fn fast_worker() -> WorkerOptions {
    WorkerOptions {
        batch: 64,
        lease: chrono::Duration::seconds(3),
        retry_base: chrono::Duration::milliseconds(200),
        retry_max: chrono::Duration::seconds(1),
        poll: Duration::from_millis(100),
        breaker_base: Duration::from_millis(500),
        breaker_max: Duration::from_secs(2),
    }
}

/// The configuration of a test instance on `port` and `db_url`.
pub fn test_config(port: u16, db_url: &str) -> Config {
    let mut config = Config::default();
    config.instance.public_url = url::Url::parse(&format!("http://localhost:{port}")).expect("url");
    config.server.bind = std::net::SocketAddr::from(([127, 0, 0, 1], port));
    config.database.url = Some(db_url.to_string());
    config.federation.debug = true;
    config
}

/// A running instance.
pub struct Instance {
    pub port: u16,
    pub base: String,
    pub data: Data,
    pub db_url: String,
    stop: Option<oneshot::Sender<()>>,
    handle: Option<JoinHandle<anyhow::Result<()>>>,
    _data_dir: tempfile::TempDir,
}

impl Instance {
    /// Starts an instance on a free port.
    pub async fn start(db_url: &str) -> Instance {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        Self::start_on(listener, db_url).await
    }

    /// Starts an instance on `listener`.
    pub async fn start_on(listener: TcpListener, db_url: &str) -> Instance {
        let port = listener.local_addr().expect("addr").port();
        Self::start_as(listener, db_url, port).await
    }

    /// Starts an instance on a free port with a changed configuration.
    pub async fn start_with(db_url: &str, tweak: impl FnOnce(&mut Config)) -> Instance {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let port = listener.local_addr().expect("addr").port();
        Self::launch(listener, db_url, port, tweak).await
    }

    /// Starts an instance on a free port with a changed configuration and its delivery
    /// worker tuned by `worker` instead of [`fast_worker`] (e.g. the production defaults).
    pub async fn start_with_worker(
        db_url: &str,
        worker: WorkerOptions,
        tweak: impl FnOnce(&mut Config),
    ) -> Instance {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let port = listener.local_addr().expect("addr").port();
        Self::launch_tuned(listener, db_url, port, worker, tweak).await
    }

    /// Starts a process of the instance known as `localhost:{public_port}` on `listener`:
    /// several processes of one instance share its database (PostgreSQL).
    pub async fn start_as(listener: TcpListener, db_url: &str, public_port: u16) -> Instance {
        Self::launch(listener, db_url, public_port, |_| {}).await
    }

    async fn launch(
        listener: TcpListener,
        db_url: &str,
        public_port: u16,
        tweak: impl FnOnce(&mut Config),
    ) -> Instance {
        Self::launch_tuned(listener, db_url, public_port, fast_worker(), tweak).await
    }

    async fn launch_tuned(
        listener: TcpListener,
        db_url: &str,
        public_port: u16,
        worker: WorkerOptions,
        tweak: impl FnOnce(&mut Config),
    ) -> Instance {
        let port = public_port;
        let data_dir = tempfile::tempdir().expect("data folder");
        let mut config = test_config(port, db_url);
        config.data_dir = data_dir.path().to_path_buf();
        tweak(&mut config);
        let app = App::build(config)
            .await
            .expect("build app")
            .with_worker_options(worker);
        let data = app.data();
        let (stop, stopped) = oneshot::channel::<()>();
        let handle = tokio::spawn(app.serve(listener, async {
            let _ = stopped.await;
        }));
        Instance {
            port,
            base: format!("http://localhost:{port}"),
            data,
            db_url: db_url.to_string(),
            stop: Some(stop),
            handle: Some(handle),
            _data_dir: data_dir,
        }
    }

    /// Creates a place named after its username.
    pub async fn create_place(&self, username: &str) -> galaxie_db::entities::places::Model {
        let place = galaxie_domain::NewPlace::parse(galaxie_domain::RawPlace {
            username: Some(username.into()),
            name: Some(username.into()),
            ..Default::default()
        })
        .expect("valid place");
        galaxie_federation::service::create_place(&self.data, place)
            .await
            .expect("create place")
    }

    /// Records a remote actor (`actor`, whose inbox is `inbox`) as an accepted follower of
    /// the place `username`, without a `Follow`: for peers that are not instances (a tarpit,
    /// a counting server). The actor gets one public key shared by every such follower.
    pub async fn add_remote_follower(&self, username: &str, actor: &str, inbox: &str) {
        static KEY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
        let public_key_pem = KEY
            .get_or_init(|| {
                galaxie_federation::signatures::generate_keypair()
                    .expect("keys")
                    .public_key_pem
            })
            .clone();
        let conn = self.data.db().conn();
        let place = galaxie_db::places::get_by_username(conn, username)
            .await
            .expect("place");
        let host = url::Url::parse(actor)
            .ok()
            .and_then(|u| u.host_str().map(str::to_string))
            .unwrap_or_default();
        galaxie_db::actors::upsert(
            conn,
            galaxie_db::actors::ActorData {
                ap_id: actor.to_string(),
                kind: "Person".into(),
                preferred_username: actor.rsplit('/').next().map(str::to_string),
                name: None,
                summary: None,
                domain: host,
                inbox: inbox.to_string(),
                shared_inbox: None,
                outbox: None,
                followers: None,
                url: None,
                icon_url: None,
                public_key_id: format!("{actor}#main-key"),
                public_key_pem,
                manually_approves_followers: false,
            },
        )
        .await
        .expect("actor");
        galaxie_db::follows::upsert_follower(
            conn,
            place.id,
            actor,
            &format!("{actor}#follow"),
            galaxie_db::entities::followers::FollowStatus::Accepted,
        )
        .await
        .expect("follower");
    }

    /// The paths an object came by (`object_sources`), once at least one is recorded: an
    /// object row can be seen a moment before the path it came by.
    pub async fn sources_recorded(
        &self,
        ap_id: &str,
    ) -> Vec<galaxie_db::entities::object_sources::Model> {
        eventually(
            "the object's sources are recorded",
            Duration::from_secs(30),
            || async {
                let sources = galaxie_db::networks::sources_of(self.data.db().conn(), ap_id)
                    .await
                    .ok()?;
                (!sources.is_empty()).then_some(sources)
            },
        )
        .await
    }

    /// A place's actor URL on this instance.
    pub fn place_url(&self, username: &str) -> String {
        format!("{}/places/{username}", self.base)
    }

    /// The handle of a place.
    pub fn handle(&self, username: &str) -> String {
        format!("@{username}@localhost:{}", self.port)
    }

    /// Stops the instance gracefully.
    pub async fn stop(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(handle) = self.handle.take() {
            let _ = handle.await;
        }
    }
}

/// `follower`'s place follows `followed`'s place, and waits until the follow is accepted.
pub async fn follow(
    follower: &Instance,
    follower_place: &str,
    followed: &Instance,
    followed_place: &str,
) {
    galaxie_federation::service::follow(
        &follower.data,
        follower_place,
        &followed.handle(followed_place),
    )
    .await
    .expect("follow");
    let target = followed.place_url(followed_place);
    eventually(
        "the follow is accepted",
        Duration::from_secs(20),
        || async {
            galaxie_db::follows::is_followed_locally(follower.data.db().conn(), &target)
                .await
                .ok()?
                .then_some(())
        },
    )
    .await;
}

/// Waits until `check` returns `Some`, polling; panics with `what` after `timeout`.
pub async fn eventually<T, F, Fut>(what: &str, timeout: Duration, mut check: F) -> T
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Option<T>>,
{
    let deadline = tokio::time::Instant::now() + timeout;
    loop {
        if let Some(v) = check().await {
            return v;
        }
        if tokio::time::Instant::now() > deadline {
            panic!("timed out waiting for: {what}");
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Runs a test body on both backends.
#[macro_export]
macro_rules! on_both_backends {
    ($name:ident) => {
        mod $name {
            #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
            async fn sqlite() {
                super::$name($crate::Backend::Sqlite).await;
            }
            #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
            async fn postgres() {
                super::$name($crate::Backend::Postgres).await;
            }
        }
    };
}

/// Runs the browser script `tests/browser/{script}.mjs` (Debian's Chromium, playwright-core,
/// axe-core) with `args` and `--artefacts target/browser-artefacts/{script}-{backend}`;
/// panics with its output unless it succeeds and reports every one of `steps` as passed.
/// Returns its standard output (one JSON line a step).
pub async fn run_browser_script(
    script: &str,
    backend: Backend,
    args: &[&str],
    steps: &[&str],
) -> String {
    let dir = format!("{}/browser", env!("CARGO_MANIFEST_DIR"));
    assert!(
        std::path::Path::new(&format!("{dir}/node_modules/axe-core")).exists(),
        "axe-core is not installed: run tests/browser/setup.sh (scripts/test does)"
    );
    let artefacts = format!(
        "{}/../target/browser-artefacts/{script}-{}",
        env!("CARGO_MANIFEST_DIR"),
        match backend {
            Backend::Sqlite => "sqlite",
            Backend::Postgres => "postgres",
        }
    );
    let output = tokio::process::Command::new("node")
        .arg(format!("{dir}/{script}.mjs"))
        .args(args)
        .args(["--artefacts", &artefacts])
        .kill_on_drop(true)
        .output()
        .await
        .expect("node must be installed to run the browser tests");
    let stdout = String::from_utf8_lossy(&output.stdout).to_string();
    assert!(
        output.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    for step in steps {
        assert!(
            stdout.contains(&format!("\"step\":\"{step}\",\"ok\":true")),
            "{stdout}"
        );
    }
    stdout
}
