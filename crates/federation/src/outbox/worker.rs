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
use futures::StreamExt;
use galaxie_db::deliveries::{self, Claimed};
use std::time::{Duration, SystemTime};
use tokio::sync::watch;
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
}

impl Default for WorkerOptions {
    fn default() -> Self {
        Self {
            batch: 64,
            lease: chrono::Duration::seconds(120),
            retry_base: chrono::Duration::seconds(30),
            retry_max: chrono::Duration::hours(6),
            poll: Duration::from_secs(2),
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

/// Runs until `shutdown` turns true.
pub async fn run(
    config: FederationContext,
    options: WorkerOptions,
    mut shutdown: watch::Receiver<bool>,
) {
    let data = config.to_request_data();
    let app: AppData = data.app_data().clone();
    loop {
        if *shutdown.borrow() {
            return;
        }
        let claimed =
            match deliveries::claim_due(app.db().conn(), options.batch, options.lease).await {
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
        let concurrency = app.settings().delivery_concurrency.max(1);
        futures::stream::iter(claimed)
            .for_each_concurrent(concurrency, |job| {
                let app = app.clone();
                let options = options.clone();
                async move {
                    if let Err(err) = deliver(&app, &options, job).await {
                        tracing::error!(error = %err, "delivery bookkeeping failed");
                    }
                }
            })
            .await;
    }
}

async fn deliver(
    app: &AppData,
    options: &WorkerOptions,
    job: Claimed,
) -> Result<(), FederationError> {
    let conn = app.db().conn();
    let inbox = match Url::parse(&job.delivery.inbox) {
        Ok(u) => u,
        Err(e) => {
            deliveries::mark_rejected(conn, &job.delivery, format!("invalid inbox URL: {e}"))
                .await?;
            return Ok(());
        }
    };
    let domain = inbox.host_str().unwrap_or_default().to_string();
    if galaxie_db::blocks::is_blocked(conn, &domain).await? {
        deliveries::mark_rejected(conn, &job.delivery, "domain blocked".into()).await?;
        return Ok(());
    }
    if !app.settings().debug && inbox.scheme() != "https" {
        deliveries::mark_rejected(
            conn,
            &job.delivery,
            "plain http inboxes are refused outside debug mode".into(),
        )
        .await?;
        return Ok(());
    }
    let outcome = attempt(app, &job, &inbox).await;
    let outcome = match outcome {
        Ok(o) => o,
        Err(err) => Outcome::Retry {
            error: err.to_string(),
            after: None,
        },
    };
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
    Ok(())
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
    fn retry_after_reads_seconds_and_dates() {
        assert_eq!(parse_retry_after("120"), Some(Duration::from_secs(120)));
        let later = httpdate::fmt_http_date(SystemTime::now() + Duration::from_secs(600));
        let d = parse_retry_after(&later).expect("date");
        assert!(d > Duration::from_secs(500) && d <= Duration::from_secs(600));
        assert_eq!(parse_retry_after("soon"), None);
    }
}
