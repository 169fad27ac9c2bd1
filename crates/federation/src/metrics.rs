//! Counters and latency histograms exported at `/metrics` in the Prometheus text format
//! (<https://prometheus.io/docs/instrumenting/exposition_formats/>). Plain atomics: no global
//! registry, so several instances can share a process (tests do). Gauges that come from the
//! database (queue depths) are read by the route at scrape time and passed to [`Metrics::render`].

use crate::error::FederationError;
use std::fmt::Write;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

/// Why an inbox request was refused: the `reason` label of
/// `galaxie_inbox_rejections_total`. A bounded set, so the label cannot blow up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RejectReason {
    /// Over `federation.inbox_concurrency`: answered 503 with `Retry-After`.
    Busy,
    /// No signature, or a signature, date, digest or key that does not verify (401).
    Signature,
    /// Not a valid activity (400).
    Malformed,
    /// Blocked domain, object on another host, local actor (403).
    Forbidden,
    /// An activity type Galaxie does not know (400).
    Unsupported,
    /// Anything else: storage or an internal error (5xx).
    Error,
}

impl RejectReason {
    /// Every reason, in the order they are exported.
    pub const ALL: [RejectReason; 6] = [
        RejectReason::Busy,
        RejectReason::Signature,
        RejectReason::Malformed,
        RejectReason::Forbidden,
        RejectReason::Unsupported,
        RejectReason::Error,
    ];

    /// The label value.
    pub fn label(self) -> &'static str {
        match self {
            RejectReason::Busy => "busy",
            RejectReason::Signature => "signature",
            RejectReason::Malformed => "malformed",
            RejectReason::Forbidden => "forbidden",
            RejectReason::Unsupported => "unsupported",
            RejectReason::Error => "error",
        }
    }

    /// The reason of an inbox error.
    pub fn of(err: &FederationError) -> Self {
        match err {
            FederationError::Unauthorized(_) => RejectReason::Signature,
            FederationError::Malformed(_) | FederationError::Invalid(_) => RejectReason::Malformed,
            FederationError::Forbidden(_) => RejectReason::Forbidden,
            FederationError::Unsupported(_) => RejectReason::Unsupported,
            _ => RejectReason::Error,
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// Upper bounds of the latency buckets, in seconds (`+Inf` is implied).
const LATENCY_BUCKETS: [f64; 14] = [
    0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0,
];

/// A latency histogram with fixed buckets ([`LATENCY_BUCKETS`]).
#[derive(Debug, Default)]
pub struct Histogram {
    /// Observations per bucket (not cumulative; summed when rendered).
    buckets: [AtomicU64; LATENCY_BUCKETS.len()],
    /// Observations above the last bound.
    over: AtomicU64,
    count: AtomicU64,
    sum_micros: AtomicU64,
}

impl Histogram {
    /// Records one duration.
    pub fn observe(&self, elapsed: Duration) {
        let secs = elapsed.as_secs_f64();
        match LATENCY_BUCKETS.iter().position(|&b| secs <= b) {
            Some(i) => self.buckets[i].fetch_add(1, Ordering::Relaxed),
            None => self.over.fetch_add(1, Ordering::Relaxed),
        };
        self.count.fetch_add(1, Ordering::Relaxed);
        let micros = u64::try_from(elapsed.as_micros()).unwrap_or(u64::MAX);
        self.sum_micros.fetch_add(micros, Ordering::Relaxed);
    }

    /// How many durations were recorded.
    pub fn count(&self) -> u64 {
        self.count.load(Ordering::Relaxed)
    }

    fn render(&self, out: &mut String, name: &str, help: &str) {
        let _ = writeln!(out, "# HELP {name} {help}\n# TYPE {name} histogram");
        let mut cumulative = 0;
        for (bound, bucket) in LATENCY_BUCKETS.iter().zip(&self.buckets) {
            cumulative += bucket.load(Ordering::Relaxed);
            let _ = writeln!(out, "{name}_bucket{{le=\"{bound}\"}} {cumulative}");
        }
        cumulative += self.over.load(Ordering::Relaxed);
        let _ = writeln!(out, "{name}_bucket{{le=\"+Inf\"}} {cumulative}");
        let sum = self.sum_micros.load(Ordering::Relaxed) as f64 / 1e6;
        let _ = writeln!(out, "{name}_sum {sum}\n{name}_count {cumulative}");
    }
}

/// A gauge read at scrape time: one value, or one value per label value.
#[derive(Debug, Clone)]
pub struct Gauge<'a> {
    pub name: &'a str,
    pub help: &'a str,
    /// `None`: a single unlabelled value (`values` holds one entry, its label ignored).
    pub label: Option<&'a str>,
    pub values: Vec<(String, u64)>,
}

impl<'a> Gauge<'a> {
    /// A gauge without labels.
    pub fn single(name: &'a str, help: &'a str, value: u64) -> Self {
        Self {
            name,
            help,
            label: None,
            values: vec![(String::new(), value)],
        }
    }
}

/// A label value with `\`, `"` and line breaks escaped.
fn escape_label(value: &str) -> String {
    value
        .replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
}

/// This instance's counters and histograms.
#[derive(Debug, Default)]
pub struct Metrics {
    /// Inbox POSTs verified and queued (or known and ignored).
    pub inbox_accepted: AtomicU64,
    /// Inbox POSTs refused, all reasons together (bad signature, malformed, forbidden, busy…).
    pub inbox_rejected: AtomicU64,
    /// Inbox POSTs refused, per [`RejectReason`].
    inbox_rejections: [AtomicU64; RejectReason::ALL.len()],
    /// Inbox POSTs of an activity already received (by another path, or a retry).
    pub inbox_duplicates: AtomicU64,
    /// Deliveries accepted by the receiving server.
    pub deliveries_ok: AtomicU64,
    /// Delivery attempts that failed and will be retried.
    pub deliveries_retried: AtomicU64,
    /// Deliveries refused for good (4xx) or given up (dead inbox).
    pub deliveries_failed: AtomicU64,
    /// Deliveries given up after the retry window (their inbox is marked dead).
    pub deliveries_dead: AtomicU64,
    /// Time spent in `inbox::receive`: verification and the durable queue insert.
    pub inbox_request: Histogram,
    /// Outgoing delivery requests: signing, the POST and its answer.
    pub delivery_request: Histogram,
    /// Timeline queries of the API.
    pub timeline_query: Histogram,
}

impl Metrics {
    /// Adds one to `counter`.
    pub fn inc(counter: &AtomicU64) {
        counter.fetch_add(1, Ordering::Relaxed);
    }

    /// Counts a refused inbox request.
    pub fn inbox_refused(&self, reason: RejectReason) {
        Self::inc(&self.inbox_rejected);
        Self::inc(&self.inbox_rejections[reason.index()]);
    }

    /// Refused inbox requests for `reason`.
    pub fn inbox_refused_for(&self, reason: RejectReason) -> u64 {
        self.inbox_rejections[reason.index()].load(Ordering::Relaxed)
    }

    /// The counters, the histograms and the given gauges, in the Prometheus text format.
    pub fn render(&self, gauges: &[Gauge<'_>]) -> String {
        let mut out = String::new();
        let counters = [
            (
                "galaxie_inbox_accepted_total",
                "Inbox activities verified and queued.",
                &self.inbox_accepted,
            ),
            (
                "galaxie_inbox_rejected_total",
                "Inbox requests refused, all reasons together.",
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
            (
                "galaxie_deliveries_dead_total",
                "Deliveries given up after the retry window (inbox marked dead).",
                &self.deliveries_dead,
            ),
        ];
        for (name, help, value) in counters {
            let _ = writeln!(
                out,
                "# HELP {name} {help}\n# TYPE {name} counter\n{name} {}",
                value.load(Ordering::Relaxed)
            );
        }
        let name = "galaxie_inbox_rejections_total";
        let _ = writeln!(
            out,
            "# HELP {name} Inbox requests refused, by reason.\n# TYPE {name} counter"
        );
        for reason in RejectReason::ALL {
            let _ = writeln!(
                out,
                "{name}{{reason=\"{}\"}} {}",
                reason.label(),
                self.inbox_refused_for(reason)
            );
        }
        self.inbox_request.render(
            &mut out,
            "galaxie_inbox_request_seconds",
            "Time to verify an inbox POST and store it durably.",
        );
        self.delivery_request.render(
            &mut out,
            "galaxie_delivery_request_seconds",
            "Time of an outgoing delivery: signing, the POST and its answer.",
        );
        self.timeline_query.render(
            &mut out,
            "galaxie_timeline_query_seconds",
            "Time of a timeline query of the API.",
        );
        for gauge in gauges {
            let (name, help) = (gauge.name, gauge.help);
            let _ = writeln!(out, "# HELP {name} {help}\n# TYPE {name} gauge");
            match gauge.label {
                None => {
                    let value = gauge.values.first().map_or(0, |(_, v)| *v);
                    let _ = writeln!(out, "{name} {value}");
                }
                Some(label) => {
                    for (value_label, value) in &gauge.values {
                        let _ = writeln!(
                            out,
                            "{name}{{{label}=\"{}\"}} {value}",
                            escape_label(value_label)
                        );
                    }
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn histograms_are_cumulative_and_labels_escaped() {
        let m = Metrics::default();
        m.inbox_request.observe(Duration::from_micros(300));
        m.inbox_request.observe(Duration::from_millis(3));
        m.inbox_request.observe(Duration::from_secs(30));
        m.inbox_refused(RejectReason::Signature);
        m.inbox_refused(RejectReason::Busy);
        m.inbox_refused(RejectReason::Signature);
        let text = m.render(&[Gauge {
            name: "galaxie_delivery_queue_host",
            help: "Pending jobs per host.",
            label: Some("host"),
            values: vec![("a\"b".into(), 3)],
        }]);
        assert!(text.contains("galaxie_inbox_request_seconds_bucket{le=\"0.0005\"} 1\n"));
        assert!(text.contains("galaxie_inbox_request_seconds_bucket{le=\"0.005\"} 2\n"));
        assert!(text.contains("galaxie_inbox_request_seconds_bucket{le=\"10\"} 2\n"));
        assert!(text.contains("galaxie_inbox_request_seconds_bucket{le=\"+Inf\"} 3\n"));
        assert!(text.contains("galaxie_inbox_request_seconds_count 3\n"));
        assert!(
            text.contains("galaxie_inbox_request_seconds_sum 30.0033\n"),
            "{text}"
        );
        assert!(text.contains("galaxie_inbox_rejected_total 3\n"));
        assert!(text.contains("galaxie_inbox_rejections_total{reason=\"signature\"} 2\n"));
        assert!(text.contains("galaxie_inbox_rejections_total{reason=\"busy\"} 1\n"));
        assert!(text.contains("galaxie_delivery_queue_host{host=\"a\\\"b\"} 3\n"));
    }
}
