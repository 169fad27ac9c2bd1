//! Memory: the resident set (`VmRSS` of `/proc/{pid}/status`) of a process that runs only a
//! Galaxie instance (this binary started again with `--child-instance`, on SQLite), so that
//! the load generator and the other benches do not count:
//! - idle, 2 s after start;
//! - the highest value under inbox load (the ingest bench's signed POSTs, sampled every 50 ms);
//! - the highest value while a backlog of 100,000 pending deliveries sits in its database and
//!   the worker drains it to 10 fake hosts, minus the value just before the backlog was
//!   written.

use crate::Scale;
use crate::inbox::{Peer, post_all};
use crate::node::{CountingPeer, Node, create_place, rss_mib};
use crate::report::{Quantity, Row, Target};
use anyhow::Context;
use galaxie_db::activities::ActivityData;
use galaxie_tests::{Backend, TestDb};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::net::TcpListener;
use tokio::process::{Child, Command};
use url::Url;

const BACKLOG: usize = 100_000;

/// The child side: runs an instance with a place `epn` on `db_url`, prints `READY {port}`,
/// logs errors to standard error, publishes a note of `epn` for each `publish <text>` line
/// of its standard input (the soak's deliveries), and stops when its standard input closes.
pub async fn child(db_url: &str) -> anyhow::Result<()> {
    // Errors only (a 500 under load says why on standard error); `RUST_LOG` overrides.
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("error"));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .init();
    let node = Node::start(db_url).await?;
    create_place(&node.data, "epn").await?;
    println!("READY {}", node.port);
    let mut lines = BufReader::new(tokio::io::stdin()).lines();
    while let Ok(Some(line)) = lines.next_line().await {
        if let Some(text) = line.strip_prefix("publish ") {
            let published = match galaxie_domain::NewNote::parse(galaxie_domain::RawNote {
                text: Some(text.to_string()),
                text_falc: None,
            }) {
                Ok(note) => galaxie_federation::service::publish_note(&node.data, "epn", note)
                    .await
                    .map(|_| ())
                    .map_err(|e| e.to_string()),
                Err(e) => Err(format!("{e:?}")),
            };
            if let Err(e) = published {
                eprintln!("child instance: cannot publish: {e}");
            }
        }
    }
    node.stop().await;
    Ok(())
}

/// The instance process.
pub struct ChildInstance {
    pub process: Child,
    pub pid: String,
    pub port: u16,
}

/// Starts this binary again as an instance on `db_url` and waits for it to listen.
pub async fn spawn_child(db_url: &str) -> anyhow::Result<ChildInstance> {
    let exe = std::env::current_exe().context("current executable")?;
    let mut process = Command::new(exe)
        .arg("--child-instance")
        .arg(db_url)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .context("start the child instance")?;
    let pid = process.id().context("child pid")?.to_string();
    let stdout = process.stdout.take().context("child stdout")?;
    let mut lines = BufReader::new(stdout).lines();
    let line = tokio::time::timeout(Duration::from_secs(60), lines.next_line())
        .await
        .context("the child instance did not start within 60 s")??
        .context("the child instance exited")?;
    let port = line
        .strip_prefix("READY ")
        .and_then(|p| p.trim().parse().ok())
        .with_context(|| format!("unexpected child output {line:?}"))?;
    Ok(ChildInstance { process, pid, port })
}

/// Samples the RSS of `pid` every 50 ms until `stop`; returns the highest.
fn sample_max(pid: String, stop: Arc<AtomicBool>) -> tokio::task::JoinHandle<f64> {
    tokio::spawn(async move {
        let mut max: f64 = 0.0;
        while !stop.load(Ordering::SeqCst) {
            if let Ok(v) = rss_mib(&pid) {
                max = max.max(v);
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        max
    })
}

/// The memory rows.
pub async fn run(scale: Scale) -> anyhow::Result<Vec<Row>> {
    let db = TestDb::new(Backend::Sqlite).await;
    let child = spawn_child(&db.url).await?;
    let result = measure(scale, &db.url, &child).await;
    let ChildInstance { mut process, .. } = child;
    drop(process.stdin.take());
    if tokio::time::timeout(Duration::from_secs(20), process.wait())
        .await
        .is_err()
    {
        let _ = process.kill().await;
    }
    db.cleanup().await;
    result
}

async fn measure(scale: Scale, db_url: &str, child: &ChildInstance) -> anyhow::Result<Vec<Row>> {
    tokio::time::sleep(Duration::from_secs(2)).await;
    let idle = rss_mib(&child.pid)?;

    // Under inbox load.
    let peer = Peer::start().await?;
    let origin = format!("http://localhost:{}", child.port);
    let inbox = Url::parse(&format!("{origin}/places/epn/inbox"))?;
    let audience = format!("{origin}/places/epn");
    let count = if scale.quick { 1000 } else { 3000 };
    let posts = peer.sign_creates(&inbox, &audience, "memory", count)?;
    let stop = Arc::new(AtomicBool::new(false));
    let sampler = sample_max(child.pid.clone(), stop.clone());
    let load = post_all(
        &origin,
        posts,
        32,
        Instant::now() + Duration::from_secs(120),
    )
    .await;
    stop.store(true, Ordering::SeqCst);
    let under_load = sampler.await?;
    peer.stop().await;

    // A backlog of pending deliveries, written by this process into the child's database.
    let counter = Arc::new(AtomicUsize::new(0));
    let mut hosts = Vec::new();
    for _ in 0..10 {
        let listener = TcpListener::bind("127.0.0.1:0").await?;
        hosts.push(CountingPeer::serve(listener, counter.clone())?);
    }
    tokio::time::sleep(Duration::from_secs(1)).await;
    let before_backlog = rss_mib(&child.pid)?;
    let written = write_backlog(db_url, &origin, &hosts).await?;
    let stop = Arc::new(AtomicBool::new(false));
    let sampler = sample_max(child.pid.clone(), stop.clone());
    let window = Duration::from_secs(if scale.quick { 15 } else { 30 });
    tokio::time::sleep(window).await;
    stop.store(true, Ordering::SeqCst);
    let with_backlog = sampler.await?;
    let drained = counter.load(Ordering::SeqCst);
    drop(hosts);

    let g = "memory";
    let mib = |x: f64| Quantity::new(x, "MiB");
    Ok(vec![
        Row::ratio(
            g,
            "rss_idle",
            mib(idle),
            mib(50.0),
            Target::Below(1.0),
            "instance process (SQLite, one place), 2 s after start",
        ),
        Row::ratio(
            g,
            "rss_under_inbox_load",
            mib(under_load),
            mib(150.0),
            Target::Below(1.0),
            &format!(
                "highest RSS while {} of {count} signed Create(Note) were accepted over HTTP \
                 from 32 concurrent clients in {:.1} s ({} failed, {} retried after 503{})",
                load.accepted,
                load.elapsed.as_secs_f64(),
                load.failed,
                load.busy,
                load.first_error
                    .map(|e| format!("; first error: {e}"))
                    .unwrap_or_default()
            ),
        ),
        Row::ratio(
            g,
            "rss_backlog_added",
            mib(with_backlog - before_backlog),
            mib(50.0),
            Target::Below(1.0),
            &format!(
                "highest RSS over {window:?} with {written} pending deliveries queued \
                 ({with_backlog:.1} MiB) minus RSS before ({before_backlog:.1} MiB); the \
                 worker delivered {drained} of them in that time"
            ),
        ),
    ])
}

/// Writes one activity of the child's place and `BACKLOG` pending deliveries of it, to
/// inboxes spread over `hosts`.
async fn write_backlog(
    db_url: &str,
    origin: &str,
    hosts: &[CountingPeer],
) -> anyhow::Result<usize> {
    use galaxie_db::TransactionTrait;
    let db = galaxie_db::Db::connect(db_url).await?;
    let conn = db.conn();
    let place = galaxie_db::places::get_by_username(conn, "epn").await?;
    let txn = conn.begin().await?;
    let activity = galaxie_db::activities::insert(
        &txn,
        ActivityData {
            ap_id: format!("{origin}/activities/backlog"),
            kind: "Create".into(),
            actor_ap_id: format!("{origin}/places/epn"),
            object_ap_id: Some(format!("{origin}/objects/backlog")),
            place_id: Some(place.id),
            local: true,
            public: true,
            payload: serde_json::json!({
                "@context": "https://www.w3.org/ns/activitystreams",
                "id": format!("{origin}/activities/backlog"),
                "type": "Create",
                "actor": format!("{origin}/places/epn"),
                "to": ["https://www.w3.org/ns/activitystreams#Public"],
                "object": {
                    "id": format!("{origin}/objects/backlog"),
                    "type": "Note",
                    "attributedTo": format!("{origin}/places/epn"),
                    "content": "<p>Backlog</p>",
                },
            })
            .to_string(),
        },
    )
    .await?;
    let per_host = BACKLOG / hosts.len();
    let inboxes: Vec<String> = hosts
        .iter()
        .flat_map(|h| (0..per_host).map(move |n| h.inbox(n)))
        .collect();
    for chunk in inboxes.chunks(2000) {
        galaxie_db::deliveries::enqueue(&txn, activity.id, chunk).await?;
    }
    txn.commit().await?;
    db.close().await?;
    Ok(inboxes.len())
}
