//! The delivery worker: claims due jobs from the database, signs each POST with its actor's
//! key, sends it, and records the outcome. Retries back off exponentially; after the retry
//! window the inbox is marked dead. Because jobs live in the database and claims are leases,
//! a process killed at any instant loses nothing: the next start (or another process) picks
//! the jobs up again.

use crate::AP_CONTENT_TYPE;
use crate::data::{AppData, FederationContext};
use crate::error::FederationError;
use crate::metrics::Metrics;
use crate::signatures::sign_post;
use galaxie_db::deliveries::{self, Claimed};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Instant;
use std::time::{Duration, SystemTime};
use tokio::sync::{Semaphore, watch};
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

/// What one attempt gave.
enum Outcome {
    Delivered,
    Rejected(String),
    Retry {
        error: String,
        after: Option<Duration>,
    },
}

/// Per destination host: a bound on parallel requests and a circuit breaker.
struct Host {
    permits: Arc<Semaphore>,
    /// Jobs holding a worker slot while they wait for one of this host's permits.
    waiting: usize,
    consecutive_failures: u32,
    open_until: Option<Instant>,
}

/// The hosts this worker delivers to.
#[derive(Clone)]
struct Hosts {
    hosts: Arc<Mutex<HashMap<String, Host>>>,
    /// How long an open circuit stays open at first (doubling, up to `breaker_max`).
    breaker_base: Duration,
    /// Longest an open circuit stays open.
    breaker_max: Duration,
}

/// Consecutive failures after which a host's circuit opens.
const BREAKER_THRESHOLD: u32 = 5;

impl Hosts {
    fn new(options: &WorkerOptions) -> Self {
        Self {
            hosts: Arc::default(),
            breaker_base: options.breaker_base,
            breaker_max: options.breaker_max,
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<String, Host>> {
        self.hosts
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// The host's permits, or when its circuit opened until (then nothing is attempted).
    fn enter(&self, host: &str, per_host: usize) -> Result<Arc<Semaphore>, Instant> {
        let mut hosts = self.lock();
        let entry = hosts.entry(host.to_string()).or_insert_with(|| Host {
            permits: Arc::new(Semaphore::new(per_host)),
            waiting: 0,
            consecutive_failures: 0,
            open_until: None,
        });
        match entry.open_until {
            Some(until) if until > Instant::now() => Err(until),
            _ => Ok(entry.permits.clone()),
        }
    }

    /// Takes a place in the host's waiting line if it holds fewer than `limit` jobs.
    fn start_waiting(&self, host: &str, limit: usize) -> bool {
        let mut hosts = self.lock();
        match hosts.get_mut(host) {
            Some(entry) if entry.waiting < limit => {
                entry.waiting += 1;
                true
            }
            _ => false,
        }
    }

    fn stop_waiting(&self, host: &str) {
        if let Some(entry) = self.lock().get_mut(host) {
            entry.waiting = entry.waiting.saturating_sub(1);
        }
    }

    fn record(&self, host: &str, success: bool) {
        let mut hosts = self.lock();
        let Some(entry) = hosts.get_mut(host) else {
            return;
        };
        if success {
            entry.consecutive_failures = 0;
            entry.open_until = None;
        } else {
            entry.consecutive_failures += 1;
            if entry.consecutive_failures >= BREAKER_THRESHOLD {
                let doublings = (entry.consecutive_failures - BREAKER_THRESHOLD).min(5);
                let wait = (self.breaker_base * 2u32.pow(doublings)).min(self.breaker_max);
                entry.open_until = Some(Instant::now() + wait);
            }
        }
    }
}

/// Runs until `shutdown` turns true. Jobs are claimed as capacity frees up and each is sent
/// in its own task, so a slow or dead host only ever holds its own (bounded) share of the
/// worker: requests per host are bounded, a host that keeps failing is skipped for a while
/// (circuit breaker), and the other hosts go on.
pub async fn run(
    config: FederationContext,
    options: WorkerOptions,
    mut shutdown: watch::Receiver<bool>,
) {
    let data = config.to_request_data();
    let app: AppData = data.app_data().clone();
    let concurrency = app.settings().delivery_concurrency.max(1);
    let global = Arc::new(Semaphore::new(concurrency));
    let hosts = Hosts::new(&options);
    loop {
        if *shutdown.borrow() {
            return;
        }
        let free = global.available_permits();
        if free == 0 {
            tokio::select! {
                _ = tokio::time::sleep(Duration::from_millis(20)) => {}
                _ = shutdown.changed() => {}
            }
            continue;
        }
        let batch = options.batch.min(free as u64);
        let claimed = match deliveries::claim_due(app.db().conn(), batch, options.lease).await {
            Ok(c) => c,
            Err(err) => {
                tracing::error!(error = %err, "cannot claim deliveries");
                Vec::new()
            }
        };
        if claimed.is_empty() {
            tokio::select! {
                _ = app.delivery_bell() => {}
                _ = tokio::time::sleep(options.poll) => {}
                _ = shutdown.changed() => {}
            }
            continue;
        }
        for job in claimed {
            let Ok(permit) = global.clone().acquire_owned().await else {
                return;
            };
            let app = app.clone();
            let options = options.clone();
            let hosts = hosts.clone();
            tokio::spawn(async move {
                if let Err(err) = deliver_through_host(&app, &options, &hosts, job).await {
                    tracing::error!(error = %err, "delivery bookkeeping failed");
                }
                drop(permit);
            });
        }
    }
}

/// Waits for the destination host's permit (or skips the host while its circuit is open),
/// then delivers.
async fn deliver_through_host(
    app: &AppData,
    options: &WorkerOptions,
    hosts: &Hosts,
    job: Claimed,
) -> Result<(), FederationError> {
    let host = Url::parse(&job.delivery.inbox)
        .map(|u| crate::signatures::host_header(&u))
        .unwrap_or_default();
    let per_host = app.settings().delivery_per_host.max(1);
    let permits = match hosts.enter(&host, per_host) {
        Ok(permits) => permits,
        Err(until) => {
            // The circuit is open: try again when it half-opens, without a request now.
            let wait = chrono::Duration::from_std(until.saturating_duration_since(Instant::now()))
                .unwrap_or_else(|_| chrono::Duration::seconds(30));
            deliveries::release(app.db().conn(), &job.delivery, galaxie_db::now() + wait).await?;
            return Ok(());
        }
    };
    // Jobs wait for a busy host's permit while holding a worker slot (releasing them instead
    // made a 1,000-inbox fan-out take 40 s: see docs/benchmarks.md); the waiting line is
    // bounded so the bookkeeping stays honest. A host that hangs is paused by the circuit
    // breaker. Waiting longer than half the lease would risk another worker taking the job.
    let permit = match permits.clone().try_acquire_owned() {
        Ok(permit) => Some(permit),
        Err(_) if hosts.start_waiting(&host, app.settings().delivery_concurrency.max(1)) => {
            let patience = options.lease.to_std().unwrap_or(Duration::from_secs(60)) / 2;
            let waited = tokio::time::timeout(patience, permits.acquire_owned()).await;
            hosts.stop_waiting(&host);
            waited.ok().and_then(Result::ok)
        }
        Err(_) => None,
    };
    let Some(_permit) = permit else {
        let soon = chrono::Duration::from_std(options.poll)
            .unwrap_or_else(|_| chrono::Duration::seconds(1));
        deliveries::release(app.db().conn(), &job.delivery, galaxie_db::now() + soon).await?;
        return Ok(());
    };
    let succeeded = deliver(app, options, job).await?;
    hosts.record(&host, succeeded);
    Ok(())
}

/// Sends one job and records the outcome; returns whether the host answered (2xx or a
/// definitive 4xx), for the circuit breaker.
async fn deliver(
    app: &AppData,
    options: &WorkerOptions,
    job: Claimed,
) -> Result<bool, FederationError> {
    let conn = app.db().conn();
    let inbox = match Url::parse(&job.delivery.inbox) {
        Ok(u) => u,
        Err(e) => {
            deliveries::mark_rejected(conn, &job.delivery, format!("invalid inbox URL: {e}"))
                .await?;
            return Ok(true);
        }
    };
    let domain = inbox.host_str().unwrap_or_default().to_string();
    if galaxie_db::blocks::is_blocked(conn, &domain).await? {
        deliveries::mark_rejected(conn, &job.delivery, "domain blocked".into()).await?;
        return Ok(true);
    }
    if !app.settings().debug && inbox.scheme() != "https" {
        deliveries::mark_rejected(
            conn,
            &job.delivery,
            "plain http inboxes are refused outside debug mode".into(),
        )
        .await?;
        return Ok(true);
    }
    let outcome = attempt(app, &job, &inbox).await;
    let outcome = match outcome {
        Ok(o) => o,
        Err(err) => Outcome::Retry {
            error: err.to_string(),
            after: None,
        },
    };
    let answered = !matches!(outcome, Outcome::Retry { .. });
    match outcome {
        Outcome::Delivered => {
            deliveries::mark_delivered(conn, &job.delivery).await?;
            Metrics::inc(&app.metrics().deliveries_ok);
            tracing::debug!(inbox = %inbox, activity = %job.activity.ap_id, "delivered");
        }
        Outcome::Rejected(why) => {
            tracing::info!(inbox = %inbox, activity = %job.activity.ap_id, why = %why, "delivery refused");
            deliveries::mark_rejected(conn, &job.delivery, why).await?;
            Metrics::inc(&app.metrics().deliveries_failed);
        }
        Outcome::Retry { error, after } => {
            let now = galaxie_db::now();
            if now - job.delivery.created_at >= app.settings().retry_window() {
                tracing::warn!(inbox = %inbox, error = %error, "retry window closed; inbox marked dead");
                deliveries::mark_dead(conn, &job.delivery, &domain, error).await?;
                Metrics::inc(&app.metrics().deliveries_failed);
            } else {
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
                deliveries::mark_retry(conn, &job.delivery, next, error).await?;
                Metrics::inc(&app.metrics().deliveries_retried);
            }
        }
    }
    Ok(answered)
}

async fn attempt(app: &AppData, job: &Claimed, inbox: &Url) -> Result<Outcome, FederationError> {
    let (key_pem, key_id) = match job.activity.place_id {
        Some(place_id) => {
            let place = galaxie_db::places::by_id(app.db().conn(), place_id).await?;
            let key_id = app.urls().place_key(&place.username);
            (place.private_key_pem, key_id)
        }
        None => (
            app.instance().private_key_pem.clone(),
            app.urls().instance_key(),
        ),
    };
    let key = app.keys().private(&key_pem)?;
    let body = job.activity.payload.clone().into_bytes();
    let signed = sign_post(&key, &key_id, inbox, &body, SystemTime::now())?;
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
    let response = match request.body(body).send().await {
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

    #[test]
    fn a_host_that_keeps_failing_is_paused_then_tried_again() {
        let hosts = Hosts::new(&WorkerOptions::default());
        assert!(hosts.enter("slow.example", 4).is_ok());
        for _ in 0..BREAKER_THRESHOLD - 1 {
            hosts.record("slow.example", false);
        }
        assert!(hosts.enter("slow.example", 4).is_ok(), "not yet");
        hosts.record("slow.example", false);
        let until = hosts.enter("slow.example", 4).expect_err("open");
        assert!(until > Instant::now() + Duration::from_secs(25));
        assert!(hosts.enter("other.example", 4).is_ok(), "other hosts go on");
        // Half-open after the pause: one success closes it.
        if let Some(h) = hosts.lock().get_mut("slow.example") {
            h.open_until = Some(Instant::now());
        }
        assert!(hosts.enter("slow.example", 4).is_ok());
        hosts.record("slow.example", true);
        assert!(hosts.enter("slow.example", 4).is_ok());
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
