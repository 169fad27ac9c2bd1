//! Fan-out: one note of a place followed by 1,000 remote actors whose inboxes are on 10 fake
//! servers on loopback (10 hosts `localhost:{port}`, 100 inbox paths each, counting the POSTs
//! they get); the time from `publish_note` to the 1,000th POST, compared with 1,000 signature
//! times. Then the same with an 11th host that accepts connections and never answers, with 100
//! jobs: once queued before the note's (by a note of another place, followed only on that
//! host, published before the clock starts and claimed: the host holds requests), so that
//! they are claimed before the 1,000 healthy ones; once queued
//! with the note's own jobs (the hanging host's followers follow the same place; jobs are
//! queued round-robin by host, the hanging host last in each round).
//! The instance runs the production worker tuning and `[federation]` defaults
//! (64 deliveries at once, 4 per host, 10 s request timeout).

use crate::Scale;
use crate::calibrate::Calibration;
use crate::node::{CountingPeer, Node, Tarpit, create_place};
use crate::report::{Quantity, Row, Target};
use anyhow::Context;
use galaxie_db::TransactionTrait;
use galaxie_db::actors::ActorData;
use galaxie_db::entities::followers::FollowStatus;
use galaxie_domain::{NewNote, RawNote};
use galaxie_tests::{Backend, TestDb};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};
use tokio::net::TcpListener;

/// Healthy hosts, and followers on each.
const HOSTS: usize = 10;
const PER_HOST: usize = 100;
const HEALTHY: usize = HOSTS * PER_HOST;
/// A plain fan-out slower than this skips the scenarios that build on it.
const SLOW: Duration = Duration::from_secs(10);

/// Where the hanging host is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hang {
    None,
    /// Its jobs are queued before the healthy ones (by an earlier note).
    First,
    /// Its jobs are queued with the healthy ones, last of each round of hosts.
    Last,
}

/// One fan-out.
#[derive(Debug)]
pub struct Outcome {
    /// Until `publish_note` returned (jobs queued).
    pub published: Duration,
    /// Until the 1,000th POST; `None` when the deadline passed first.
    pub elapsed: Option<Duration>,
    pub delivered: usize,
    pub deadline: Duration,
    /// Connections the hanging host held.
    pub held: usize,
}

async fn wait_for(counter: &AtomicUsize, target: usize, deadline: Instant) -> bool {
    while counter.load(Ordering::SeqCst) < target {
        if Instant::now() > deadline {
            return false;
        }
        tokio::time::sleep(Duration::from_millis(2)).await;
    }
    true
}

async fn publish(node: &Node, place: &str, text: &str) -> anyhow::Result<()> {
    let note = NewNote::parse(RawNote {
        text: Some(text.into()),
        text_falc: None,
    })
    .map_err(|e| anyhow::anyhow!("note: {e:?}"))?;
    galaxie_federation::service::publish_note(&node.data, place, note).await?;
    Ok(())
}

/// Records `inboxes` as accepted followers of `places`.
async fn add_followers(
    node: &Node,
    places: &[&str],
    inboxes: &[String],
    public_key_pem: &str,
) -> anyhow::Result<()> {
    let conn = node.data.db().conn();
    let txn = conn.begin().await?;
    let mut place_ids = Vec::new();
    for place in places {
        place_ids.push(galaxie_db::places::get_by_username(&txn, place).await?.id);
    }
    for inbox in inboxes {
        let actor = inbox.trim_end_matches("/inbox").to_string();
        galaxie_db::actors::upsert(
            &txn,
            ActorData {
                ap_id: actor.clone(),
                kind: "Person".into(),
                preferred_username: Some("bench".into()),
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
                public_key_pem: public_key_pem.to_string(),
                manually_approves_followers: false,
            },
        )
        .await?;
        for place_id in &place_ids {
            galaxie_db::follows::upsert_follower(
                &txn,
                *place_id,
                &actor,
                &format!("{actor}#follow"),
                FollowStatus::Accepted,
            )
            .await?;
        }
    }
    txn.commit().await?;
    Ok(())
}

/// One fan-out of a note to the 1,000 healthy followers, after a warm-up fan-out.
/// `per_host` overrides `federation.delivery_per_host` (4 by default).
pub async fn scenario(
    scale: Scale,
    backend: Backend,
    hang: Hang,
    per_host: Option<usize>,
) -> anyhow::Result<Outcome> {
    let mut listeners = Vec::new();
    for _ in 0..HOSTS + usize::from(hang != Hang::None) {
        listeners.push(TcpListener::bind("127.0.0.1:0").await?);
    }
    // Ephemeral ports have five digits, so numeric order is the inbox URLs' order.
    listeners.sort_by_key(|l| l.local_addr().map(|a| a.port()).unwrap_or(0));
    let tarpit = match hang {
        Hang::None => None,
        Hang::First => Some(Tarpit::serve(listeners.remove(0))?),
        Hang::Last => Some(Tarpit::serve(listeners.pop().context("listener")?)?),
    };
    let counter = Arc::new(AtomicUsize::new(0));
    let peers = listeners
        .into_iter()
        .map(|l| CountingPeer::serve(l, counter.clone()))
        .collect::<anyhow::Result<Vec<_>>>()?;

    let db = TestDb::new(backend).await;
    let node = Node::start_with(&db.url, |config| {
        if let Some(n) = per_host {
            config.federation.delivery_per_host = n;
        }
    })
    .await?;
    let result = async {
        create_place(&node.data, "warm").await?;
        create_place(&node.data, "bench").await?;
        create_place(&node.data, "slow").await?;
        let keys = galaxie_federation::signatures::generate_keypair()?;
        let healthy: Vec<String> = peers
            .iter()
            .flat_map(|p| (0..PER_HOST).map(move |n| p.inbox(n)))
            .collect();
        add_followers(&node, &["warm", "bench"], &healthy, &keys.public_key_pem).await?;
        if let Some(t) = &tarpit {
            let hanging: Vec<String> = (0..PER_HOST).map(|n| t.inbox(n)).collect();
            let followed = if hang == Hang::First { "slow" } else { "bench" };
            add_followers(&node, &[followed], &hanging, &keys.public_key_pem).await?;
        }

        // Warm-up: connections, parsed keys, prepared statements.
        publish(&node, "warm", "warm-up").await?;
        let warmed = wait_for(&counter, HEALTHY, Instant::now() + Duration::from_secs(60)).await;
        anyhow::ensure!(
            warmed,
            "warm-up fan-out: only {} of {HEALTHY} POSTs in 60 s",
            counter.load(Ordering::SeqCst)
        );
        counter.store(0, Ordering::SeqCst);

        let deadline = Duration::from_secs(match (hang, scale.quick) {
            (Hang::None, _) => 60,
            (_, true) => 30,
            (_, false) => 45,
        });
        if let (Hang::First, Some(t)) = (hang, &tarpit) {
            // The hanging host's jobs come first: queued and claimed before the note.
            publish(&node, "slow", "Atelier reporté").await?;
            let held = wait_for(&t.held, 1, Instant::now() + Duration::from_secs(10)).await;
            anyhow::ensure!(held, "the hanging host's jobs were not sent");
        }
        let start = Instant::now();
        publish(&node, "bench", "Fête du tiers-lieu samedi !").await?;
        let published = start.elapsed();
        let done = wait_for(&counter, HEALTHY, start + deadline).await;
        let elapsed = start.elapsed();
        Ok(Outcome {
            published,
            elapsed: done.then_some(elapsed),
            delivered: counter.load(Ordering::SeqCst),
            deadline,
            held: tarpit.as_ref().map_or(0, |t| t.held.load(Ordering::SeqCst)),
        })
    }
    .await;
    node.stop().await;
    db.cleanup().await;
    drop(tarpit);
    drop(peers);
    result
}

/// The fan-out rows: on SQLite the three scenarios, on PostgreSQL the plain one.
pub async fn run(scale: Scale, cal: &Calibration, backends: &[Backend]) -> Vec<Row> {
    let g = "fanout";
    let ms = |d: Duration| Quantity::new(d.as_secs_f64() * 1e3, "ms");
    let limit = ms(cal.sign * HEALTHY as u32);
    let mut rows = Vec::new();
    for &backend in backends {
        let label = match backend {
            Backend::Sqlite => "sqlite",
            Backend::Postgres => "postgres",
        };
        let name = format!("fanout_1000_{label}");
        let base = match scenario(scale, backend, Hang::None, None).await {
            Ok(Outcome {
                elapsed: Some(elapsed),
                published,
                ..
            }) => {
                rows.push(Row::ratio(
                    g,
                    &name,
                    ms(elapsed),
                    limit.clone(),
                    Target::AtMost(1.5),
                    &format!(
                        "publish_note to the 1,000th POST on {HOSTS} hosts x {PER_HOST} inboxes \
                         ({:.0} deliveries/s; publish_note itself, queuing the 1,000 jobs, \
                         took {:.0} ms); limit = 1,000 x one aws-lc-rs signature",
                        HEALTHY as f64 / elapsed.as_secs_f64(),
                        published.as_secs_f64() * 1e3
                    ),
                ));
                elapsed
            }
            Ok(o) => {
                rows.push(Row::failed(
                    g,
                    &name,
                    &format!(
                        "only {} of {HEALTHY} POSTs within {:?}",
                        o.delivered, o.deadline
                    ),
                ));
                continue;
            }
            Err(e) => {
                rows.push(Row::failed(g, &name, &format!("{e:#}")));
                continue;
            }
        };
        if backend != Backend::Sqlite {
            continue;
        }
        if base > SLOW {
            // Each scenario below would take as long, and their ratios would mean little.
            for which in ["per_host_16", "hang_last", "hang_first"] {
                rows.push(Row::skipped(
                    g,
                    &format!("fanout_1000_{which}_{label}"),
                    &format!(
                        "the plain fan-out took {:.1} s (over {SLOW:?}); keeps the run bounded",
                        base.as_secs_f64()
                    ),
                ));
            }
            continue;
        }
        let name = format!("fanout_1000_per_host_16_{label}");
        match scenario(scale, backend, Hang::None, Some(16)).await {
            Ok(Outcome {
                elapsed: Some(elapsed),
                ..
            }) => rows.push(Row::ratio(
                g,
                &name,
                ms(elapsed),
                limit.clone(),
                Target::None,
                &format!(
                    "diagnostic: the same with federation.delivery_per_host = 16 instead of 4 \
                     (plain fan-out: {:.0} ms)",
                    base.as_secs_f64() * 1e3
                ),
            )),
            Ok(o) => rows.push(Row::failed(
                g,
                &name,
                &format!("only {} of {HEALTHY} POSTs", o.delivered),
            )),
            Err(e) => rows.push(Row::failed(g, &name, &format!("{e:#}"))),
        }
        for (hang, which) in [(Hang::Last, "last"), (Hang::First, "first")] {
            let name = format!("fanout_1000_hang_{which}_{label}");
            match scenario(scale, backend, hang, None).await {
                Ok(o) => {
                    let (measured, reached) = match o.elapsed {
                        Some(e) => (e, "reached".to_string()),
                        None => (
                            o.deadline,
                            format!(
                                "NOT reached: {} of {HEALTHY} delivered when the {:?} deadline \
                                 passed (measured = deadline, a lower bound)",
                                o.delivered, o.deadline
                            ),
                        ),
                    };
                    rows.push(Row::ratio(
                        g,
                        &name,
                        ms(measured),
                        ms(base),
                        Target::AtMost(1.1),
                        &format!(
                            "same 1,000 healthy inboxes plus 100 jobs for a host that accepts \
                             and never answers, {}; limit = the plain fan-out; 1,000th healthy \
                             POST {reached}; the hanging host held {} connections",
                            match hang {
                                Hang::First =>
                                    "queued before the note's jobs (an earlier note of \
                                    another place, claimed and hanging when the clock \
                                    starts)",
                                _ => "queued with the note's jobs, last of each round of hosts",
                            },
                            o.held
                        ),
                    ));
                }
                Err(e) => rows.push(Row::failed(g, &name, &format!("{e:#}"))),
            }
        }
    }
    rows
}
