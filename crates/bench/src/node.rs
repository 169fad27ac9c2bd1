//! What the benches run against: a Galaxie instance with the production worker tuning (the
//! test harness's `Instance` uses short test retries), fake peers that count the POSTs they
//! get, a tarpit that accepts and never answers, and reading a process's resident memory.

use anyhow::Context;
use galaxie::App;
use galaxie_domain::{NewPlace, RawPlace};
use galaxie_federation::Data;
use galaxie_federation::outbox::worker::WorkerOptions;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

/// A running Galaxie instance named `localhost:{port}`.
pub struct Node {
    pub port: u16,
    pub base: String,
    pub data: Data,
    stop: Option<oneshot::Sender<()>>,
    handle: Option<JoinHandle<anyhow::Result<()>>>,
    _data_dir: tempfile::TempDir,
}

impl Node {
    /// Starts an instance on a free loopback port, on `db_url`, with the default (production)
    /// delivery worker tuning.
    pub async fn start(db_url: &str) -> anyhow::Result<Node> {
        Self::start_with(db_url, |_| {}).await
    }

    /// Starts an instance like [`Node::start`], its configuration changed by `tweak`.
    pub async fn start_with(
        db_url: &str,
        tweak: impl FnOnce(&mut galaxie::Config),
    ) -> anyhow::Result<Node> {
        let listener = TcpListener::bind("127.0.0.1:0").await?;
        let port = listener.local_addr()?.port();
        let data_dir = tempfile::tempdir()?;
        let mut config = galaxie_tests::test_config(port, db_url);
        config.data_dir = data_dir.path().to_path_buf();
        tweak(&mut config);
        let app = App::build(config)
            .await?
            .with_worker_options(WorkerOptions::default());
        let data = app.data();
        let (stop, stopped) = oneshot::channel::<()>();
        let handle = tokio::spawn(app.serve(listener, async {
            let _ = stopped.await;
        }));
        Ok(Node {
            port,
            base: format!("http://localhost:{port}"),
            data,
            stop: Some(stop),
            handle: Some(handle),
            _data_dir: data_dir,
        })
    }

    /// A place's actor URL.
    pub fn place_url(&self, username: &str) -> String {
        format!("{}/places/{username}", self.base)
    }

    /// Stops the instance (the worker's in-flight requests are dropped with the runtime).
    pub async fn stop(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(handle) = self.handle.take() {
            let _ = tokio::time::timeout(std::time::Duration::from_secs(15), handle).await;
        }
    }
}

/// Creates a place on `data`.
pub async fn create_place(data: &Data, username: &str) -> anyhow::Result<()> {
    let place = NewPlace::parse(RawPlace {
        username: Some(username.into()),
        name: Some(username.into()),
        ..Default::default()
    })
    .map_err(|e| anyhow::anyhow!("place {username}: {e:?}"))?;
    galaxie_federation::service::create_place(data, place)
        .await
        .with_context(|| format!("create place {username}"))?;
    Ok(())
}

/// A fake peer: answers 202 to any POST on `/u/{n}/inbox` and counts them.
pub struct CountingPeer {
    pub port: u16,
    task: JoinHandle<()>,
}

impl CountingPeer {
    /// Serves on `listener`, adding each POST to `counter`.
    pub fn serve(listener: TcpListener, counter: Arc<AtomicUsize>) -> anyhow::Result<Self> {
        use axum::routing::post;
        let port = listener.local_addr()?.port();
        let router = axum::Router::new().route(
            "/u/{n}/inbox",
            post(move |_body: bytes::Bytes| {
                let counter = counter.clone();
                async move {
                    counter.fetch_add(1, Ordering::SeqCst);
                    http::StatusCode::ACCEPTED
                }
            }),
        );
        let task = tokio::spawn(async move {
            let _ = axum::serve(listener, router).await;
        });
        Ok(Self { port, task })
    }

    /// The inbox of fake actor `n` on this peer.
    pub fn inbox(&self, n: usize) -> String {
        format!("http://localhost:{}/u/{n}/inbox", self.port)
    }
}

impl Drop for CountingPeer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// A host that accepts connections, reads nothing back and never answers.
pub struct Tarpit {
    pub port: u16,
    pub held: Arc<AtomicUsize>,
    task: JoinHandle<()>,
}

impl Tarpit {
    /// Holds every connection made to `listener` until dropped.
    pub fn serve(listener: TcpListener) -> anyhow::Result<Self> {
        let port = listener.local_addr()?.port();
        let held = Arc::new(AtomicUsize::new(0));
        let counter = held.clone();
        let task = tokio::spawn(async move {
            let mut sockets = Vec::new();
            while let Ok((socket, _)) = listener.accept().await {
                counter.fetch_add(1, Ordering::SeqCst);
                sockets.push(socket);
            }
        });
        Ok(Self { port, held, task })
    }

    /// The inbox of fake actor `n` on this host.
    pub fn inbox(&self, n: usize) -> String {
        format!("http://localhost:{}/u/{n}/inbox", self.port)
    }
}

impl Drop for Tarpit {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// The resident set size of process `pid` (`"self"` for this one), in MiB, from
/// `/proc/{pid}/status` (`VmRSS`).
pub fn rss_mib(pid: &str) -> anyhow::Result<f64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status"))
        .with_context(|| format!("read /proc/{pid}/status"))?;
    let kib: f64 = status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.split_whitespace().next())
        .and_then(|v| v.parse().ok())
        .context("no VmRSS line")?;
    Ok(kib / 1024.0)
}

/// Percentiles of latencies, in milliseconds.
#[derive(Debug, Clone, Copy)]
pub struct Percentiles {
    pub p50: f64,
    pub p99: f64,
    pub max: f64,
}

impl Percentiles {
    /// Of `samples` (each a duration).
    pub fn of(samples: &mut [std::time::Duration]) -> Self {
        samples.sort();
        let at = |q: f64| -> f64 {
            if samples.is_empty() {
                return 0.0;
            }
            let i = ((samples.len() as f64 - 1.0) * q).round() as usize;
            samples[i.min(samples.len() - 1)].as_secs_f64() * 1e3
        };
        Self {
            p50: at(0.50),
            p99: at(0.99),
            max: at(1.0),
        }
    }
}
