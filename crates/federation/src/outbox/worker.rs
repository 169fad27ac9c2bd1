//! The delivery worker: claims due jobs from the database, signs each POST with its actor's
//! key, sends it, and records the outcome. Retries back off exponentially; after the retry
//! window the inbox is marked dead. Because jobs live in the database and claims are leases,
//! a process killed at any instant loses nothing: the next start (or another process) picks
//! the jobs up again.
//!
//! How the work is shared between hosts (docs/benchmarks.md tells how each part was found):
//! - Claimed jobs wait in memory in their destination host's line. Each host has at most
//!   `delivery_per_host` senders, each taking the next job of its line; requests of all
//!   hosts together are bounded by `delivery_concurrency`. A job holds nothing while it waits:
//!   a hanging host's jobs wait in their own line and never keep other hosts' jobs from a
//!   request slot.
//! - Claims are made host by host: a host whose line runs low (under two rounds of its
//!   requests) is refilled with a claim of its own jobs (the `deliveries_host_due` index),
//!   while it may have more; a second kind of claim takes the jobs of hosts not in memory yet,
//!   skipping the known ones. That one reads past the skipped hosts' jobs, so it is not
//!   repeated until new jobs ring or a known host is forgotten; when the poll interval has
//!   passed, the hosts with due jobs are listed from the index instead (one seek per host)
//!   and the unknown ones claimed. Jobs are also queued round-robin by host. So one host's
//!   jobs never fill the memory, a backlog of a few hosts is not read again and again, and
//!   at most `16 × delivery_concurrency` jobs (at least 1,024) are held at once.
//! - On SQLite, claims and outcome batches take turns with the inbox's writes in this process
//!   ([`crate::inbox::WriteGate`]) instead of meeting in SQLite's busy handler.
//! - A job that waited in memory more than half its lease is given back (due again soon)
//!   rather than sent, so a lease never expires on a job about to be sent: another process
//!   may take it then without sending it twice.
//! - Outcomes go to one writer task that records them in batches (one transaction, one
//!   `UPDATE` for all the delivered ones). A sender waits until its outcome is stored before
//!   taking its host's next job, so no more than `delivery_per_host` requests per host are
//!   ever sent and not yet recorded (what a crash could send twice).
//! - Each activity is read once and kept in memory (body, digest) while its jobs are sent;
//!   the signing key of each place is parsed once; domain blocks are read once per claim.

use crate::AP_CONTENT_TYPE;
use crate::data::{AppData, FederationContext};
use crate::error::FederationError;
use crate::metrics::Metrics;
use crate::signatures::{SigningKey, digest_header, sign_post_with_digest};
use bytes::Bytes;
use galaxie_db::deliveries::{self, Finished, HostFilter};
use galaxie_db::entities::deliveries::Model as Delivery;
use std::collections::{HashMap, HashSet, VecDeque};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime};
use tokio::sync::{Notify, Semaphore, mpsc, oneshot, watch};
use url::Url;

/// Tuning of the worker.
#[derive(Debug, Clone)]
pub struct WorkerOptions {
    /// Jobs claimed at once.
    pub batch: u64,
    /// How long a claim lasts before another worker may take the job.
    pub lease: chrono::Duration,
    /// First retry delay; doubled at each attempt.
    pub retry_base: chrono::Duration,
    /// Longest delay between two attempts.
    pub retry_max: chrono::Duration,
    /// How often the queue is polled when nothing rings (jobs queued by another process).
    pub poll: Duration,
    /// How long a failing host is first paused (circuit breaker), doubling on.
    pub breaker_base: Duration,
    /// Longest pause of a failing host.
    pub breaker_max: Duration,
}

impl Default for WorkerOptions {
    fn default() -> Self {
        Self {
            batch: 64,
            lease: chrono::Duration::seconds(120),
            retry_base: chrono::Duration::seconds(30),
            retry_max: chrono::Duration::hours(6),
            poll: Duration::from_secs(2),
            breaker_base: Duration::from_secs(30),
            breaker_max: Duration::from_secs(600),
        }
    }
}

/// Consecutive failures after which a host's circuit opens.
const BREAKER_THRESHOLD: u32 = 5;
/// Hosts left out of one claim, at most (the busiest are the ones that matter).
const MAX_SKIPPED_HOSTS: usize = 500;

/// What one attempt gave.
enum Outcome {
    Delivered,
    Rejected(String),
    Retry {
        error: String,
        after: Option<Duration>,
    },
}

/// An activity ready to send to many inboxes: its body (shared by every request), the body's
/// digest, and who signs it.
struct Prepared {
    ap_id: String,
    body: Bytes,
    digest: String,
    place_id: Option<galaxie_db::PlaceId>,
}

/// A claimed job waiting in its host's line.
struct Job {
    delivery: Delivery,
    activity: Arc<Prepared>,
    inbox: Url,
    claimed_at: Instant,
}

/// One destination host: its line of claimed jobs, its senders, its circuit breaker.
#[derive(Default)]
struct Host {
    line: VecDeque<Job>,
    senders: usize,
    consecutive_failures: u32,
    open_until: Option<Instant>,
    /// The queue may hold more due jobs for it: its last claim brought some, or new jobs
    /// rang. A claim of this host alone that comes back short clears it.
    more: bool,
}

/// The hosts this worker delivers to.
struct Hosts {
    hosts: Mutex<HashMap<String, Host>>,
    /// How long an open circuit stays open at first (doubling, up to `breaker_max`).
    breaker_base: Duration,
    /// Longest an open circuit stays open.
    breaker_max: Duration,
}

impl Hosts {
    fn new(options: &WorkerOptions) -> Self {
        Self {
            hosts: Mutex::default(),
            breaker_base: options.breaker_base,
            breaker_max: options.breaker_max,
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Host>> {
        self.hosts
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Until when the host's circuit is open, if it is.
    fn open_until(host: &Host) -> Option<Instant> {
        host.open_until.filter(|until| *until > Instant::now())
    }

    /// Records an attempt: a success closes the circuit, the `BREAKER_THRESHOLD`-th failure
    /// in a row opens it (30 s, doubling). Returns until when it is open, if it just opened.
    fn record(&self, host: &str, success: bool) -> Option<Instant> {
        let mut hosts = self.lock();
        let entry = hosts.get_mut(host)?;
        if success {
            entry.consecutive_failures = 0;
            entry.open_until = None;
            return None;
        }
        entry.consecutive_failures += 1;
        if entry.consecutive_failures < BREAKER_THRESHOLD {
            return None;
        }
        let doublings = (entry.consecutive_failures - BREAKER_THRESHOLD).min(5);
        let wait = (self.breaker_base * 2u32.pow(doublings)).min(self.breaker_max);
        let until = Instant::now() + wait;
        entry.open_until = Some(until);
        Some(until)
    }

    /// Forgets the hosts with nothing in memory and no failures to remember.
    fn forget_idle(hosts: &mut HashMap<String, Host>) {
        hosts.retain(|_, h| h.senders > 0 || !h.line.is_empty() || h.consecutive_failures > 0);
    }

    /// The hosts this worker knows (jobs in memory, or a circuit to remember): a claim of new
    /// hosts' jobs leaves theirs in the queue (the busiest first, at most
    /// [`MAX_SKIPPED_HOSTS`]); their lines are refilled host by host.
    fn known(&self) -> Vec<String> {
        let mut hosts = self.lock();
        Self::forget_idle(&mut hosts);
        let mut known: Vec<(usize, &String)> = hosts
            .iter()
            .map(|(name, h)| (h.line.len() + h.senders, name))
            .collect();
        known.sort_by_key(|k| std::cmp::Reverse(k.0));
        known
            .into_iter()
            .take(MAX_SKIPPED_HOSTS)
            .map(|(_, name)| name.clone())
            .collect()
    }

    /// Hosts whose line is down to fewer than `low` jobs (waiting and being sent), that may
    /// have more due jobs in the queue, and whose circuit is closed.
    fn to_refill(&self, low: usize) -> Vec<String> {
        self.lock()
            .iter()
            .filter(|(_, h)| {
                h.more && h.line.len() + h.senders < low && Self::open_until(h).is_none()
            })
            .map(|(name, _)| name.clone())
            .collect()
    }

    /// New jobs may be due for every known host (new jobs rang, or time passed).
    fn all_may_have_more(&self) {
        for host in self.lock().values_mut() {
            host.more = true;
        }
    }

    /// A claim of `host` alone came back short: it has no more due jobs for now.
    fn no_more(&self, host: &str) {
        if let Some(h) = self.lock().get_mut(host) {
            h.more = false;
        }
    }
}

/// An outcome to store, and who waits for it to be stored.
type Recorded = (Finished, Option<oneshot::Sender<()>>);

/// What the claim loop and the senders share.
struct Worker {
    app: AppData,
    options: WorkerOptions,
    hosts: Hosts,
    /// Requests in flight, all hosts together (`delivery_concurrency`).
    requests: Arc<Semaphore>,
    /// Jobs claimed and not yet finished.
    held: AtomicUsize,
    /// Rung when a job finishes (there is room to claim, a host's line may have room).
    finished: Notify,
    outcomes: mpsc::Sender<Recorded>,
    /// Activities being sent, by row id (immutable once stored), up to 64 MiB of bodies.
    activities: moka::sync::Cache<i64, Arc<Prepared>>,
    /// Signing keys and key ids, by place (`None`: the instance actor).
    signers: moka::sync::Cache<Option<galaxie_db::PlaceId>, Arc<(Arc<SigningKey>, String)>>,
}

impl Worker {
    fn per_host(&self) -> usize {
        self.app.settings().delivery_per_host.max(1)
    }

    /// Jobs held in memory at most (a few hundred bytes each, the activity shared): enough
    /// that hosts that hang, each holding a line until its circuit opens, leave room for the
    /// others.
    fn max_held(&self) -> usize {
        (self.app.settings().delivery_concurrency.max(1) * 16).max(1024)
    }

    /// A host's line is refilled when it holds fewer jobs than this (waiting and being
    /// sent): two rounds of its requests.
    fn refill_below(&self) -> usize {
        self.per_host() * 2
    }

    /// Stores an outcome without waiting, and frees the job's place.
    fn finish_now(&self, finished: Finished) {
        if self.outcomes.try_send((finished.clone(), None)).is_err() {
            // The writer is behind or gone: the claim expires and the job is tried again.
            tracing::warn!(outcome = ?finished, "delivery outcome not recorded");
        }
        self.release_slot();
    }

    /// Stores an outcome and waits until it is stored (or the writer failed: then the claim
    /// expires and the job is tried again), then frees the job's place.
    async fn finish(&self, finished: Finished) {
        let (stored, wait) = oneshot::channel();
        if self.outcomes.send((finished, Some(stored))).await.is_ok() {
            let _ = wait.await;
        }
        self.release_slot();
    }

    fn release_slot(&self) {
        self.held.fetch_sub(1, Ordering::SeqCst);
        self.finished.notify_one();
    }

    /// The signing key and key id of an activity's actor.
    async fn signer(
        &self,
        place_id: Option<galaxie_db::PlaceId>,
    ) -> Result<Arc<(Arc<SigningKey>, String)>, FederationError> {
        if let Some(found) = self.signers.get(&place_id) {
            return Ok(found);
        }
        let app = &self.app;
        let (pem, key_id) = match place_id {
            Some(id) => {
                let place = galaxie_db::places::by_id(app.db().conn(), id).await?;
                (place.private_key_pem, app.urls().place_key(&place.username))
            }
            None => (
                app.instance().private_key_pem.clone(),
                app.urls().instance_key(),
            ),
        };
        let signer = Arc::new((app.keys().private(&pem)?, key_id));
        self.signers.insert(place_id, signer.clone());
        Ok(signer)
    }

    /// The activities of `jobs`, from memory or read at once.
    async fn activities(
        &self,
        jobs: &[Delivery],
    ) -> Result<HashMap<i64, Arc<Prepared>>, FederationError> {
        let mut found = HashMap::new();
        let mut missing = Vec::new();
        for job in jobs {
            match self.activities.get(&job.activity_id) {
                Some(a) => {
                    found.insert(job.activity_id, a);
                }
                None if !missing.contains(&job.activity_id) => missing.push(job.activity_id),
                None => {}
            }
        }
        for row in deliveries::activities_by_id(self.app.db().conn(), &missing).await? {
            let prepared = Arc::new(Prepared {
                digest: digest_header(row.payload.as_bytes()),
                body: Bytes::from(row.payload),
                ap_id: row.ap_id,
                place_id: row.place_id,
            });
            self.activities.insert(row.id, prepared.clone());
            found.insert(row.id, prepared);
        }
        Ok(found)
    }
}

/// Runs until `shutdown` turns true (jobs being sent then finish on their own).
pub async fn run(
    config: FederationContext,
    options: WorkerOptions,
    mut shutdown: watch::Receiver<bool>,
) {
    let app: AppData = config.to_request_data().app_data().clone();
    let (outcomes, recorded) = mpsc::channel(4096);
    tokio::spawn(record_outcomes(app.clone(), recorded));
    let worker = Arc::new(Worker {
        requests: Arc::new(Semaphore::new(app.settings().delivery_concurrency.max(1))),
        hosts: Hosts::new(&options),
        held: AtomicUsize::new(0),
        finished: Notify::new(),
        outcomes,
        // Bounded by size: 64 MiB of activity bodies at most.
        activities: moka::sync::Cache::builder()
            .weigher(|_, activity: &Arc<Prepared>| {
                u32::try_from(activity.body.len() + 256).unwrap_or(u32::MAX)
            })
            .max_capacity(64 * 1024 * 1024)
            .time_to_idle(Duration::from_secs(600))
            .build(),
        signers: moka::sync::Cache::builder()
            .max_capacity(10_000)
            .time_to_live(Duration::from_secs(60))
            .build(),
        options,
        app,
    });
    // The hosts the last short claim of new hosts skipped, and when. Until one of them is
    // forgotten (nothing left in memory), new jobs ring, or the poll interval passes, such a
    // claim would only read the same skipped jobs again: with a backlog for a few hosts, the
    // whole backlog (measured: a 100,000-job backlog drained at 500 jobs/s instead of 2,000+).
    let mut exhausted: Option<(Vec<String>, Instant)> = None;
    loop {
        if *shutdown.borrow() {
            return;
        }
        let batch = usize::try_from(worker.options.batch).unwrap_or(64).max(1);
        let room = || {
            worker
                .max_held()
                .saturating_sub(worker.held.load(Ordering::SeqCst))
        };
        let mut claimed_any = false;
        // Refill the lines that ran low, host by host (an index read each).
        for host in worker.hosts.to_refill(worker.refill_below()) {
            let limit = room().min(batch);
            if limit == 0 {
                break;
            }
            match claim(&worker, limit, HostFilter::Only(&host)).await {
                Ok(n) => {
                    claimed_any |= n > 0;
                    if n < limit {
                        worker.hosts.no_more(&host);
                    }
                }
                Err(err) => tracing::error!(error = %err, host, "cannot claim deliveries"),
            }
        }
        // Then jobs of hosts not in memory yet: one claim skipping the known hosts, unless
        // the last one came back short and nothing changed since. Once the poll interval has
        // passed, the hosts with due jobs are listed from the index instead (other processes'
        // jobs, retries coming due), and the unknown ones claimed one by one.
        let known = worker.hosts.known();
        let limit = room().min(batch);
        let (general, scan) = match &exhausted {
            None => (true, false),
            Some((skipped, _)) if !skipped.iter().all(|host| known.contains(host)) => (true, false),
            Some((_, since)) => (false, since.elapsed() >= worker.options.poll),
        };
        if general && limit > 0 {
            match claim(&worker, limit, HostFilter::Skip(&known)).await {
                Ok(n) => {
                    claimed_any |= n > 0;
                    exhausted = (n < limit).then(|| (known, Instant::now()));
                }
                Err(err) => {
                    tracing::error!(error = %err, "cannot claim deliveries");
                    exhausted = Some((known, Instant::now()));
                }
            }
        } else if scan && limit > 0 {
            let due = deliveries::hosts_with_due_jobs(worker.app.db().conn(), 1_000).await;
            match due {
                Ok(hosts) => {
                    for host in hosts.iter().filter(|h| !known.contains(h)) {
                        let limit = room().min(batch);
                        if limit == 0 {
                            break;
                        }
                        match claim(&worker, limit, HostFilter::Only(host)).await {
                            Ok(n) => claimed_any |= n > 0,
                            Err(err) => {
                                tracing::error!(error = %err, host, "cannot claim deliveries");
                            }
                        }
                    }
                }
                Err(err) => tracing::error!(error = %err, "cannot list hosts with due jobs"),
            }
            exhausted = Some((known, Instant::now()));
        }
        if claimed_any {
            continue;
        }
        let poll = match &exhausted {
            Some((_, since)) => worker.options.poll.saturating_sub(since.elapsed()),
            None => worker.options.poll,
        };
        let (something_new, rang) = tokio::select! {
            _ = worker.app.delivery_bell() => (true, true),
            _ = worker.finished.notified() => (false, false),
            _ = tokio::time::sleep(poll) => (true, false),
            _ = shutdown.changed() => (true, false),
        };
        if something_new {
            worker.hosts.all_may_have_more();
        }
        if rang {
            exhausted = None;
        }
    }
}

/// Claims up to `limit` jobs and puts each in its host's line (or settles it at once);
/// returns how many were claimed.
async fn claim(
    worker: &Arc<Worker>,
    limit: usize,
    hosts: HostFilter<'_>,
) -> Result<usize, FederationError> {
    let app = &worker.app;
    let conn = app.db().conn();
    let turn = app.write_gate().turn().await;
    let jobs = deliveries::claim_jobs(conn, limit as u64, worker.options.lease, hosts).await;
    drop(turn);
    let jobs = jobs?;
    if jobs.is_empty() {
        return Ok(0);
    }
    let claimed_at = Instant::now();
    let count = jobs.len();
    worker.held.fetch_add(count, Ordering::SeqCst);
    let activities = match worker.activities(&jobs).await {
        Ok(a) => a,
        Err(err) => {
            // The claims expire and the jobs are tried again.
            worker.held.fetch_sub(count, Ordering::SeqCst);
            return Err(err);
        }
    };
    let blocked: HashSet<String> = match galaxie_db::blocks::list(conn).await {
        Ok(rows) => rows.into_iter().map(|b| b.domain).collect(),
        Err(err) => {
            worker.held.fetch_sub(count, Ordering::SeqCst);
            return Err(err.into());
        }
    };
    let mut start: Vec<String> = Vec::new();
    {
        let mut hosts = worker.hosts.lock();
        for delivery in jobs {
            let id = delivery.id;
            let rejected = |error: String| Finished::Rejected { id, error };
            let Some(activity) = activities.get(&delivery.activity_id).cloned() else {
                worker.finish_now(rejected("its activity no longer exists".into()));
                continue;
            };
            let inbox = match Url::parse(&delivery.inbox) {
                Ok(u) => u,
                Err(e) => {
                    worker.finish_now(rejected(format!("invalid inbox URL: {e}")));
                    continue;
                }
            };
            let domain = inbox.host_str().unwrap_or_default().to_ascii_lowercase();
            if blocked.contains(&domain) {
                worker.finish_now(rejected("domain blocked".into()));
                continue;
            }
            if !app.settings().debug && inbox.scheme() != "https" {
                worker.finish_now(rejected(
                    "plain http inboxes are refused outside debug mode".into(),
                ));
                continue;
            }
            let name = deliveries::host_of(&delivery.inbox);
            let host = hosts.entry(name.clone()).or_default();
            if let Some(until) = Hosts::open_until(host) {
                // The circuit is open: try again when it half-opens, without a request now.
                worker.finish_now(Finished::Released {
                    id,
                    next: at(until),
                });
                continue;
            }
            host.more = true;
            host.line.push_back(Job {
                delivery,
                activity,
                inbox,
                claimed_at,
            });
            if host.senders < worker.per_host() {
                host.senders += 1;
                start.push(name);
            }
        }
    }
    for host in start {
        tokio::spawn(send_line(worker.clone(), host));
    }
    Ok(count)
}

/// The wall-clock time of an `Instant` ahead.
fn at(instant: Instant) -> chrono::DateTime<chrono::Utc> {
    let ahead = instant.saturating_duration_since(Instant::now());
    galaxie_db::now() + chrono::Duration::from_std(ahead).unwrap_or(chrono::Duration::seconds(30))
}

/// One sender of `host`: sends the jobs of the host's line one after the other, until the
/// line is empty or the host's circuit opens (then the waiting jobs are given back).
async fn send_line(worker: Arc<Worker>, host: String) {
    let patience = worker
        .options
        .lease
        .to_std()
        .unwrap_or(Duration::from_secs(60))
        / 2;
    loop {
        let (job, paused) = {
            let mut hosts = worker.hosts.lock();
            let Some(entry) = hosts.get_mut(&host) else {
                return;
            };
            match Hosts::open_until(entry) {
                Some(until) => {
                    let waiting: Vec<Job> = entry.line.drain(..).collect();
                    entry.senders -= 1;
                    (waiting, Some(until))
                }
                None => match entry.line.pop_front() {
                    Some(job) => (vec![job], None),
                    None => {
                        entry.senders -= 1;
                        return;
                    }
                },
            }
        };
        if let Some(until) = paused {
            for job in job {
                worker.finish_now(Finished::Released {
                    id: job.delivery.id,
                    next: at(until),
                });
            }
            return;
        }
        for job in job {
            if job.claimed_at.elapsed() > patience {
                // Sending now would risk the lease expiring mid-request: give it back.
                let soon = chrono::Duration::from_std(worker.options.poll)
                    .unwrap_or_else(|_| chrono::Duration::seconds(1));
                worker.finish_now(Finished::Released {
                    id: job.delivery.id,
                    next: galaxie_db::now() + soon,
                });
                continue;
            }
            let (finished, answered) = deliver(&worker, &job).await;
            worker.hosts.record(&host, answered);
            worker.finish(finished).await;
        }
    }
}

/// Sends one job; returns its outcome to record and whether the host answered (2xx or a
/// definitive 4xx), for the circuit breaker.
async fn deliver(worker: &Worker, job: &Job) -> (Finished, bool) {
    let app = &worker.app;
    let outcome = match worker.requests.clone().acquire_owned().await {
        Ok(_permit) => {
            let started = Instant::now();
            let outcome = attempt(worker, job).await;
            app.metrics().delivery_request.observe(started.elapsed());
            outcome
        }
        Err(_) => Err(FederationError::Internal("the worker is stopping".into())),
    };
    let outcome = outcome.unwrap_or_else(|err| Outcome::Retry {
        error: err.to_string(),
        after: None,
    });
    let id = job.delivery.id;
    let inbox = &job.inbox;
    match outcome {
        Outcome::Delivered => {
            Metrics::inc(&app.metrics().deliveries_ok);
            tracing::debug!(inbox = %inbox, activity = %job.activity.ap_id, "delivered");
            (Finished::Delivered { id }, true)
        }
        Outcome::Rejected(error) => {
            tracing::info!(inbox = %inbox, activity = %job.activity.ap_id, why = %error, "delivery refused");
            Metrics::inc(&app.metrics().deliveries_failed);
            (Finished::Rejected { id, error }, true)
        }
        Outcome::Retry { error, after } => {
            let now = galaxie_db::now();
            if now - job.delivery.created_at >= app.settings().retry_window() {
                let domain = inbox.host_str().unwrap_or_default().to_string();
                tracing::warn!(inbox = %inbox, error = %error, "retry window closed; inbox marked dead");
                Metrics::inc(&app.metrics().deliveries_failed);
                Metrics::inc(&app.metrics().deliveries_dead);
                app.inbox_state().domain_died(&domain);
                let finished = Finished::Dead {
                    id,
                    inbox: job.delivery.inbox.clone(),
                    domain,
                    error,
                };
                return (finished, false);
            }
            let options = &worker.options;
            let exp = job.delivery.attempts.clamp(0, 20) as u32;
            let backoff = options
                .retry_base
                .checked_mul(2i32.saturating_pow(exp))
                .unwrap_or(options.retry_max)
                .min(options.retry_max);
            let asked = after
                .and_then(|d| chrono::Duration::from_std(d).ok())
                .unwrap_or_else(chrono::Duration::zero);
            let next = now + backoff.max(asked);
            tracing::debug!(inbox = %inbox, error = %error, next = %next, "delivery failed; will retry");
            Metrics::inc(&app.metrics().deliveries_retried);
            (Finished::Retry { id, next, error }, false)
        }
    }
}

async fn attempt(worker: &Worker, job: &Job) -> Result<Outcome, FederationError> {
    let app = &worker.app;
    let signer = worker.signer(job.activity.place_id).await?;
    let (key, key_id) = (&signer.0, &signer.1);
    let inbox = &job.inbox;
    let signed =
        sign_post_with_digest(key, key_id, inbox, &job.activity.digest, SystemTime::now())?;
    let mut request = app
        .http()
        .post(inbox.clone())
        .header("content-type", AP_CONTENT_TYPE)
        .header("accept", AP_CONTENT_TYPE)
        .header("host", &signed.host)
        .header("date", &signed.date)
        .header("signature", &signed.signature);
    if let Some(digest) = &signed.digest {
        request = request.header("digest", digest);
    }
    let response = match request.body(job.activity.body.clone()).send().await {
        Ok(r) => r,
        Err(err) => {
            return Ok(Outcome::Retry {
                error: format!("cannot reach {inbox}: {err}"),
                after: None,
            });
        }
    };
    let status = response.status();
    let retry_after = response
        .headers()
        .get("retry-after")
        .and_then(|v| v.to_str().ok())
        .and_then(parse_retry_after);
    if status.is_success() {
        return Ok(Outcome::Delivered);
    }
    let text: String = response
        .text()
        .await
        .unwrap_or_default()
        .chars()
        .take(300)
        .collect();
    let error = format!("{inbox} answered {status}: {text}");
    Ok(
        if status.is_client_error() && status.as_u16() != 408 && status.as_u16() != 429 {
            Outcome::Rejected(error)
        } else {
            Outcome::Retry {
                error,
                after: retry_after,
            }
        },
    )
}

/// The outcome writer: stores what is waiting (up to 512 outcomes) in one transaction, tells
/// the senders waiting for theirs, and again. Outcomes pile up while a batch is written, so
/// batches grow with the load and a lone outcome is written at once.
async fn record_outcomes(app: AppData, mut rx: mpsc::Receiver<Recorded>) {
    while let Some(first) = rx.recv().await {
        let mut batch = vec![first];
        while batch.len() < 512 {
            match rx.try_recv() {
                Ok(next) => batch.push(next),
                Err(_) => break,
            }
        }
        let finished: Vec<Finished> = batch.iter().map(|(f, _)| f.clone()).collect();
        let turn = app.write_gate().turn().await;
        let recorded = deliveries::record(app.db().conn(), &finished).await;
        drop(turn);
        if let Err(err) = recorded {
            // The jobs keep their claims, which expire: they are tried again then.
            tracing::error!(error = %err, jobs = finished.len(), "cannot record delivery outcomes");
        }
        for (_, waiting) in batch {
            if let Some(waiting) = waiting {
                let _ = waiting.send(());
            }
        }
    }
}

/// `Retry-After` in seconds or as an HTTP date.
fn parse_retry_after(value: &str) -> Option<Duration> {
    if let Ok(secs) = value.trim().parse::<u64>() {
        return Some(Duration::from_secs(secs.min(86_400)));
    }
    let when = httpdate::parse_http_date(value).ok()?;
    when.duration_since(SystemTime::now()).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn busy(senders: usize, more: bool) -> Host {
        Host {
            senders,
            more,
            ..Host::default()
        }
    }

    #[test]
    fn a_host_that_keeps_failing_is_paused_then_tried_again() {
        let hosts = Hosts::new(&WorkerOptions::default());
        hosts.lock().insert("slow.example".into(), busy(0, true));
        hosts.lock().insert("other.example".into(), busy(1, true));
        for _ in 0..BREAKER_THRESHOLD - 1 {
            assert!(hosts.record("slow.example", false).is_none(), "not yet");
        }
        assert_eq!(hosts.to_refill(8).len(), 2);
        let until = hosts.record("slow.example", false).expect("open");
        assert!(until > Instant::now() + Duration::from_secs(25));
        assert_eq!(
            hosts.to_refill(8),
            vec!["other.example".to_string()],
            "a paused host is not refilled"
        );
        assert!(
            hosts.known().contains(&"slow.example".to_string()),
            "nor are its jobs claimed with new hosts'"
        );
        // Half-open after the pause: refilled again; one success closes it.
        if let Some(h) = hosts.lock().get_mut("slow.example") {
            h.open_until = Some(Instant::now());
        }
        assert!(hosts.to_refill(8).contains(&"slow.example".to_string()));
        assert!(hosts.record("slow.example", true).is_none());
        assert!(
            !hosts.known().contains(&"slow.example".to_string()),
            "an idle host without failures is forgotten"
        );
    }

    #[test]
    fn lines_running_low_are_refilled_while_their_host_may_have_more() {
        let hosts = Hosts::new(&WorkerOptions::default());
        hosts.lock().insert("busy.example".into(), busy(8, true));
        hosts.lock().insert("low.example".into(), busy(2, true));
        hosts
            .lock()
            .insert("drained.example".into(), busy(2, false));
        assert_eq!(hosts.to_refill(8), vec!["low.example".to_string()]);
        hosts.no_more("low.example");
        assert!(hosts.to_refill(8).is_empty());
        hosts.all_may_have_more();
        let mut refill = hosts.to_refill(8);
        refill.sort();
        assert_eq!(refill, ["drained.example", "low.example"]);
        let known = hosts.known();
        assert_eq!(known.len(), 3);
        assert_eq!(known[0], "busy.example", "the busiest first");
    }

    #[test]
    fn retry_after_reads_seconds_and_dates() {
        assert_eq!(parse_retry_after("120"), Some(Duration::from_secs(120)));
        let later = httpdate::fmt_http_date(SystemTime::now() + Duration::from_secs(600));
        let d = parse_retry_after(&later).expect("date");
        assert!(d > Duration::from_secs(500) && d <= Duration::from_secs(600));
        assert_eq!(parse_retry_after("soon"), None);
    }
}
