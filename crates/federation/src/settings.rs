//! The `[federation]` configuration section.

use serde::{Deserialize, Serialize};
use std::time::Duration;

/// How this instance federates.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct FederationSettings {
    /// Development and tests only: plain http, `localhost` ids with ports, synchronous
    /// checks relaxed. Never in production.
    pub debug: bool,
    /// Lets fetches and deliveries reach private and loopback addresses (a test federation
    /// whose names resolve to 127.0.0.x over https). Off by default: it is an SSRF guard.
    pub allow_private_addresses: bool,
    /// How long failed deliveries are retried before the inbox is marked dead, in hours.
    pub retry_window_hours: u64,
    /// Parallel deliveries per worker, all hosts together.
    pub delivery_concurrency: usize,
    /// Parallel deliveries to one host (`host:port`).
    pub delivery_per_host: usize,
    /// Inbox POSTs processed at once; beyond, senders get 503 with `Retry-After`.
    pub inbox_concurrency: usize,
    /// Timeout of one outgoing request, in seconds.
    pub request_timeout_secs: u64,
    /// Act as a relay of both kinds: instances may subscribe to the instance actor
    /// (Mastodon style, a `Follow` of Public; LitePub style, a `Follow` of the actor), and the
    /// public activities of each subscriber are passed on to the others.
    pub relay: bool,
}

impl Default for FederationSettings {
    fn default() -> Self {
        Self {
            debug: false,
            allow_private_addresses: false,
            retry_window_hours: 50,
            delivery_concurrency: 64,
            delivery_per_host: 4,
            inbox_concurrency: 64,
            request_timeout_secs: 10,
            relay: false,
        }
    }
}

impl FederationSettings {
    /// The retry window as a duration.
    pub fn retry_window(&self) -> chrono::Duration {
        chrono::Duration::hours(i64::try_from(self.retry_window_hours).unwrap_or(50))
    }

    /// The timeout of one outgoing request.
    pub fn request_timeout(&self) -> Duration {
        Duration::from_secs(self.request_timeout_secs.max(1))
    }
}
