//! Soak: minutes of mixed load on one instance (this binary started again with
//! `--child-instance`, on SQLite, so that only the instance is measured), with its resident
//! memory sampled every 10 s and the trend reported:
//! - inbox: signed `Create(Note)`s from a peer, 100 a second from 16 clients;
//! - deliveries: one note a second published by the instance's place, to 200 followers on 4
//!   fake hosts (200 deliveries a second), the notes told through the child's standard input;
//! - timeline: 50 `GET /api/v1/timeline` a second, keyset walks of 5 pages.
//!
//! Every loop is bounded by the run's deadline. The memory trend is the least-squares slope of
//! RSS over time, over the whole run and over its second half (after the caches, the SQLite
//! page cache and the allocator have warmed up): flat memory means a second-half slope near 0.

use crate::inbox::{Peer, post_all};
use crate::memory::{ChildInstance, spawn_child};
use crate::node::{CountingPeer, rss_mib};
use crate::report::{Quantity, Row, Target};
use galaxie_db::actors::ActorData;
use galaxie_db::entities::followers::FollowStatus;
use galaxie_tests::{Backend, TestDb};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};
use tokio::io::AsyncWriteExt;
use tokio::net::TcpListener;
use url::Url;

const HOSTS: usize = 4;
const PER_HOST: usize = 50;
const INBOX_PER_SECOND: usize = 100;
const TIMELINE_PER_SECOND: u64 = 50;
const SAMPLE_EVERY: Duration = Duration::from_secs(10);

/// What the load did.
#[derive(Debug, Default)]
struct Counts {
    inbox_accepted: AtomicUsize,
    inbox_failed: AtomicUsize,
    published: AtomicUsize,
    timeline_ok: AtomicUsize,
    timeline_failed: AtomicUsize,
}

/// The least-squares slope of `samples` (seconds, MiB), in MiB per minute.
pub fn slope_per_minute(samples: &[(f64, f64)]) -> f64 {
    let n = samples.len() as f64;
    if samples.len() < 2 {
        return 0.0;
    }
    let mean_t = samples.iter().map(|s| s.0).sum::<f64>() / n;
    let mean_m = samples.iter().map(|s| s.1).sum::<f64>() / n;
    let cov: f64 = samples
        .iter()
        .map(|s| (s.0 - mean_t) * (s.1 - mean_m))
        .sum();
    let var: f64 = samples.iter().map(|s| (s.0 - mean_t).powi(2)).sum();
    if var == 0.0 { 0.0 } else { cov / var * 60.0 }
}

/// Records the fake followers of the child's place `epn` in its database.
async fn add_followers(db_url: &str, inboxes: &[String]) -> anyhow::Result<()> {
    use galaxie_db::TransactionTrait;
    let db = galaxie_db::Db::connect(db_url).await?;
    let conn = db.conn();
    let place = galaxie_db::places::get_by_username(conn, "epn").await?;
    let keys = galaxie_federation::signatures::generate_keypair()?;
    let txn = conn.begin().await?;
    for inbox in inboxes {
        let actor = inbox.trim_end_matches("/inbox").to_string();
        galaxie_db::actors::upsert(
            &txn,
            ActorData {
                ap_id: actor.clone(),
                kind: "Person".into(),
                preferred_username: Some("soak".into()),
                name: None,
                summary: None,
                domain: "localhost".into(),
                inbox: inbox.clone(),
                shared_inbox: None,
                outbox: None,
                followers: None,
                url: None,
                icon_url: None,
                public_key_id: format!("{actor}#main-key"),
                public_key_pem: keys.public_key_pem.clone(),
                manually_approves_followers: false,
            },
        )
        .await?;
        galaxie_db::follows::upsert_follower(
            &txn,
            place.id,
            &actor,
            &format!("{actor}#follow"),
            FollowStatus::Accepted,
        )
        .await?;
    }
    txn.commit().await?;
    db.close().await?;
    Ok(())
}

/// Runs the soak for `minutes` and returns its rows.
pub async fn run(minutes: f64) -> anyhow::Result<Vec<Row>> {
    let db = TestDb::new(Backend::Sqlite).await;
    let result = async { soak(&db.url, spawn_child(&db.url).await?, minutes).await }.await;
    db.cleanup().await;
    result
}

async fn soak(db_url: &str, mut child: ChildInstance, minutes: f64) -> anyhow::Result<Vec<Row>> {
    let duration = Duration::from_secs_f64((minutes * 60.0).max(10.0));
    let origin = format!("http://localhost:{}", child.port);
    let delivered = Arc::new(AtomicUsize::new(0));
    let mut hosts = Vec::new();
    for _ in 0..HOSTS {
        let listener = TcpListener::bind("127.0.0.1:0").await?;
        hosts.push(CountingPeer::serve(listener, delivered.clone())?);
    }
    let inboxes: Vec<String> = hosts
        .iter()
        .flat_map(|h| (0..PER_HOST).map(move |n| h.inbox(n)))
        .collect();
    add_followers(db_url, &inboxes).await?;
    let peer = Peer::start().await?;
    let inbox = Url::parse(&format!("{origin}/places/epn/inbox"))?;
    let audience = format!("{origin}/places/epn");
    let counts = Arc::new(Counts::default());
    let start = Instant::now();
    let deadline = start + duration;
    let first_rss = rss_mib(&child.pid)?;

    // Inbox: one round of signed POSTs a second.
    let inbox_load = {
        let (counts, origin, peer, inbox, audience) =
            (counts.clone(), origin.clone(), &peer, &inbox, &audience);
        async move {
            let mut round = 0;
            let mut tick = tokio::time::interval(Duration::from_secs(1));
            while Instant::now() < deadline {
                tick.tick().await;
                let posts =
                    peer.sign_creates(inbox, audience, &format!("soak{round}"), INBOX_PER_SECOND);
                round += 1;
                let Ok(posts) = posts else {
                    counts
                        .inbox_failed
                        .fetch_add(INBOX_PER_SECOND, Ordering::Relaxed);
                    continue;
                };
                let load = post_all(&origin, posts, 16, deadline).await;
                counts
                    .inbox_accepted
                    .fetch_add(load.accepted, Ordering::Relaxed);
                counts
                    .inbox_failed
                    .fetch_add(load.failed, Ordering::Relaxed);
            }
        }
    };

    // Deliveries: the child publishes a note a second to its 200 followers.
    let mut stdin = child.process.stdin.take();
    let publish_load = {
        let counts = counts.clone();
        async move {
            let mut tick = tokio::time::interval(Duration::from_secs(1));
            let mut n = 0;
            while Instant::now() < deadline {
                tick.tick().await;
                if let Some(input) = stdin.as_mut()
                    && input
                        .write_all(format!("publish Note de charge n°{n}\n").as_bytes())
                        .await
                        .is_ok()
                {
                    counts.published.fetch_add(1, Ordering::Relaxed);
                }
                n += 1;
            }
            stdin
        }
    };

    // Timeline: keyset walks of 5 pages.
    let timeline_load = {
        let (counts, origin) = (counts.clone(), origin.clone());
        async move {
            let client = reqwest::Client::new();
            let mut tick = tokio::time::interval(Duration::from_millis(1000 / TIMELINE_PER_SECOND));
            let mut before: Option<String> = None;
            let mut page = 0;
            while Instant::now() < deadline {
                tick.tick().await;
                let mut url = format!("{origin}/api/v1/timeline?limit=20");
                if let Some(cursor) = &before {
                    url.push_str(&format!("&before={cursor}"));
                }
                let answer = client.get(&url).send().await;
                let next = match answer {
                    Ok(r) if r.status().is_success() => {
                        counts.timeline_ok.fetch_add(1, Ordering::Relaxed);
                        r.json::<serde_json::Value>()
                            .await
                            .ok()
                            .and_then(|v| v["next"].as_str().map(str::to_string))
                    }
                    _ => {
                        counts.timeline_failed.fetch_add(1, Ordering::Relaxed);
                        None
                    }
                };
                page += 1;
                before = if page % 5 == 0 { None } else { next };
            }
        }
    };

    // Memory: every 10 s.
    let sampler = {
        let pid = child.pid.clone();
        async move {
            let mut samples = vec![(0.0, first_rss)];
            let mut tick = tokio::time::interval(SAMPLE_EVERY);
            tick.tick().await;
            while Instant::now() < deadline {
                tick.tick().await;
                if let Ok(rss) = rss_mib(&pid) {
                    let t = start.elapsed().as_secs_f64();
                    eprintln!("[soak {t:>6.0} s] RSS {rss:.1} MiB");
                    samples.push((t, rss));
                }
            }
            samples
        }
    };

    let ((), stdin, (), samples) = tokio::join!(inbox_load, publish_load, timeline_load, sampler);
    peer.stop().await;
    let elapsed = start.elapsed().as_secs_f64();
    // Let the last deliveries go out, then stop the child.
    tokio::time::sleep(Duration::from_secs(3)).await;
    drop(stdin);
    let _ = tokio::time::timeout(Duration::from_secs(20), child.process.wait()).await;
    let _ = child.process.kill().await;

    let whole = slope_per_minute(&samples);
    let half: Vec<(f64, f64)> = samples
        .iter()
        .copied()
        .filter(|s| s.0 >= elapsed / 2.0)
        .collect();
    let second_half = slope_per_minute(&half);
    let max = samples.iter().map(|s| s.1).fold(0.0, f64::max);
    let last = samples.last().map_or(first_rss, |s| s.1);
    let g = "soak";
    let mib = |x: f64| Quantity::new(x, "MiB");
    let per_min = |x: f64| Quantity::new(x, "MiB/min");
    let c = |a: &AtomicUsize| a.load(Ordering::Relaxed);
    let load_note = format!(
        "{elapsed:.0} s of mixed load on one instance (SQLite): {} inbox POSTs accepted ({} \
         failed), {} notes published to {} followers ({} deliveries received by the fake \
         hosts), {} timeline pages ({} failed); RSS sampled every {}s: {}",
        c(&counts.inbox_accepted),
        c(&counts.inbox_failed),
        c(&counts.published),
        HOSTS * PER_HOST,
        delivered.load(Ordering::SeqCst),
        c(&counts.timeline_ok),
        c(&counts.timeline_failed),
        SAMPLE_EVERY.as_secs(),
        samples
            .iter()
            .map(|s| format!("{:.1}", s.1))
            .collect::<Vec<_>>()
            .join(" ")
    );
    drop(hosts);
    Ok(vec![
        Row::info(
            g,
            "soak_rss_first",
            mib(first_rss),
            "RSS when the load started",
        ),
        Row::info(g, "soak_rss_last", mib(last), &load_note),
        Row::info(g, "soak_rss_max", mib(max), "highest sample"),
        Row::info(
            g,
            "soak_rss_slope_whole",
            per_min(whole),
            "least-squares slope over the whole run (includes the warm-up)",
        ),
        Row::ratio(
            g,
            "soak_rss_slope_second_half",
            per_min(second_half),
            per_min(0.5),
            Target::Below(1.0),
            &format!(
                "least-squares slope over the second half ({} samples); flat memory: under \
                 0.5 MiB/min, i.e. under 2.5 MiB over five minutes",
                half.len()
            ),
        ),
    ])
}

#[cfg(test)]
mod tests {
    use super::slope_per_minute;

    #[test]
    fn slope_is_mib_per_minute() {
        let flat = [(0.0, 40.0), (10.0, 40.0), (20.0, 40.0)];
        assert_eq!(slope_per_minute(&flat), 0.0);
        let growing = [(0.0, 40.0), (60.0, 41.0), (120.0, 42.0)];
        assert!((slope_per_minute(&growing) - 1.0).abs() < 1e-9);
        assert_eq!(slope_per_minute(&[(0.0, 1.0)]), 0.0);
    }
}
