//! Counters exported at `/metrics` in the Prometheus text format. Plain atomics: no global
//! registry, so several instances can share a process (tests do).

use std::fmt::Write;
use std::sync::atomic::{AtomicU64, Ordering};

/// This instance's counters.
#[derive(Debug, Default)]
pub struct Metrics {
    /// Inbox POSTs verified and applied.
    pub inbox_accepted: AtomicU64,
    /// Inbox POSTs refused (bad signature, malformed, forbidden…).
    pub inbox_rejected: AtomicU64,
    /// Inbox POSTs of an activity already received (by another path, or a retry).
    pub inbox_duplicates: AtomicU64,
    /// Deliveries accepted by the receiving server.
    pub deliveries_ok: AtomicU64,
    /// Delivery attempts that failed and will be retried.
    pub deliveries_retried: AtomicU64,
    /// Deliveries refused for good (4xx) or given up (dead inbox).
    pub deliveries_failed: AtomicU64,
}

impl Metrics {
    /// Adds one to `counter`.
    pub fn inc(counter: &AtomicU64) {
        counter.fetch_add(1, Ordering::Relaxed);
    }

    /// The counters, and the given gauges, in the Prometheus text format.
    pub fn render(&self, gauges: &[(&str, &str, u64)]) -> String {
        let mut out = String::new();
        let counters = [
            (
                "galaxie_inbox_accepted_total",
                "Inbox activities verified and applied.",
                &self.inbox_accepted,
            ),
            (
                "galaxie_inbox_rejected_total",
                "Inbox requests refused.",
                &self.inbox_rejected,
            ),
            (
                "galaxie_inbox_duplicates_total",
                "Inbox activities received more than once.",
                &self.inbox_duplicates,
            ),
            (
                "galaxie_deliveries_ok_total",
                "Deliveries accepted by the receiving server.",
                &self.deliveries_ok,
            ),
            (
                "galaxie_deliveries_retried_total",
                "Delivery attempts that failed and will be retried.",
                &self.deliveries_retried,
            ),
            (
                "galaxie_deliveries_failed_total",
                "Deliveries refused for good or given up.",
                &self.deliveries_failed,
            ),
        ];
        for (name, help, value) in counters {
            let _ = writeln!(
                out,
                "# HELP {name} {help}\n# TYPE {name} counter\n{name} {}",
                value.load(Ordering::Relaxed)
            );
        }
        for (name, help, value) in gauges {
            let _ = writeln!(
                out,
                "# HELP {name} {help}\n# TYPE {name} gauge\n{name} {value}"
            );
        }
        out
    }
}
