//! The result table: one row per measurement, with the limit it is compared to, the ratio,
//! the target and whether it is met; printed as text and written as JSON.

use serde::Serialize;
use std::fmt::Write as _;

/// What a ratio must be for the target to be met.
#[derive(Debug, Clone, Copy, Serialize)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum Target {
    /// A calibration or an informative row: no target.
    None,
    /// The ratio must be at least this.
    AtLeast(f64),
    /// The ratio must be at most this.
    AtMost(f64),
    /// The ratio must be below this (strictly).
    Below(f64),
}

impl Target {
    fn met(self, ratio: Option<f64>) -> Option<bool> {
        let ratio = ratio?;
        match self {
            Target::None => None,
            Target::AtLeast(t) => Some(ratio >= t),
            Target::AtMost(t) => Some(ratio <= t),
            Target::Below(t) => Some(ratio < t),
        }
    }

    fn text(self) -> String {
        match self {
            Target::None => "-".into(),
            Target::AtLeast(t) => format!(">= {t}"),
            Target::AtMost(t) => format!("<= {t}"),
            Target::Below(t) => format!("< {t}"),
        }
    }
}

/// A value and its unit.
#[derive(Debug, Clone, Serialize)]
pub struct Quantity {
    pub value: f64,
    pub unit: String,
}

impl Quantity {
    pub fn new(value: f64, unit: &str) -> Self {
        Self {
            value,
            unit: unit.to_string(),
        }
    }

    fn text(&self) -> String {
        let v = self.value;
        let digits = if v == 0.0 || v.abs() >= 100.0 {
            0
        } else if v.abs() >= 10.0 {
            1
        } else if v.abs() >= 1.0 {
            2
        } else {
            3
        };
        format!("{v:.digits$} {}", self.unit)
    }
}

/// One line of the table.
#[derive(Debug, Clone, Serialize)]
pub struct Row {
    /// Which bench (`calibration`, `inbox`, `fanout`, `timeline`, `memory`).
    pub group: String,
    pub name: String,
    pub measured: Option<Quantity>,
    pub limit: Option<Quantity>,
    /// `measured / limit` (both in the same unit).
    pub ratio: Option<f64>,
    pub target: Target,
    pub met: Option<bool>,
    /// How it was measured, or why it failed.
    pub note: String,
}

impl Row {
    /// A calibration or informative row.
    pub fn info(group: &str, name: &str, measured: Quantity, note: &str) -> Self {
        Self {
            group: group.into(),
            name: name.into(),
            measured: Some(measured),
            limit: None,
            ratio: None,
            target: Target::None,
            met: None,
            note: note.into(),
        }
    }

    /// A measurement compared to a limit in the same unit.
    pub fn ratio(
        group: &str,
        name: &str,
        measured: Quantity,
        limit: Quantity,
        target: Target,
        note: &str,
    ) -> Self {
        let ratio = (limit.value != 0.0).then(|| measured.value / limit.value);
        Self {
            group: group.into(),
            name: name.into(),
            met: target.met(ratio),
            measured: Some(measured),
            limit: Some(limit),
            ratio,
            target,
            note: note.into(),
        }
    }

    /// A bench left out on purpose, and why.
    pub fn skipped(group: &str, name: &str, why: &str) -> Self {
        Self {
            group: group.into(),
            name: name.into(),
            measured: None,
            limit: None,
            ratio: None,
            target: Target::None,
            met: None,
            note: format!("skipped: {why}"),
        }
    }

    /// A bench that could not run.
    pub fn failed(group: &str, name: &str, why: &str) -> Self {
        Self {
            group: group.into(),
            name: name.into(),
            measured: None,
            limit: None,
            ratio: None,
            target: Target::None,
            met: Some(false),
            note: format!("FAILED: {why}"),
        }
    }
}

/// The whole report, as written to `--json`.
#[derive(Debug, Serialize)]
pub struct Report {
    pub date: String,
    pub mode: String,
    pub cores: usize,
    pub load_average_at_start: String,
    pub duration_secs: f64,
    pub rows: Vec<Row>,
}

/// The table as text.
pub fn table(rows: &[Row]) -> String {
    let header = ["name", "measured", "limit", "ratio", "target", "met"];
    let cells: Vec<[String; 6]> = rows
        .iter()
        .map(|r| {
            [
                r.name.clone(),
                r.measured.as_ref().map_or("-".into(), Quantity::text),
                r.limit.as_ref().map_or("-".into(), Quantity::text),
                r.ratio.map_or("-".into(), |x| format!("{x:.3}")),
                r.target.text(),
                match r.met {
                    Some(true) => "met".into(),
                    Some(false) => "NOT MET".into(),
                    None => "-".into(),
                },
            ]
        })
        .collect();
    let mut widths = header.map(str::len);
    for row in &cells {
        for (w, c) in widths.iter_mut().zip(row) {
            *w = (*w).max(c.chars().count());
        }
    }
    let mut out = String::new();
    let line = |out: &mut String, cols: &[String]| {
        let parts: Vec<String> = cols
            .iter()
            .zip(widths)
            .map(|(c, w)| format!("{c:<w$}"))
            .collect();
        let _ = writeln!(out, "| {} |", parts.join(" | "));
    };
    line(&mut out, &header.map(String::from));
    let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
    let _ = writeln!(out, "|-{}-|", rule.join("-|-"));
    for row in &cells {
        line(&mut out, row);
    }
    out
}

/// The notes under the table, one per row that has one.
pub fn notes(rows: &[Row]) -> String {
    let mut out = String::new();
    for r in rows.iter().filter(|r| !r.note.is_empty()) {
        let _ = writeln!(out, "- {}: {}", r.name, r.note);
    }
    out
}
