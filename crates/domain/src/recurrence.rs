//! Recurring permanences ("tous les mardis de 14 h à 17 h") from an iCalendar RRULE: occurrences
//! in the place's local time, cancelled and moved occurrences, the ICS lines, a stable id per
//! occurrence for the federation layer, and plain French and English descriptions.
//!
//! Expansion is the `rrule` crate's (RFC 5545 §3.3.10 / §3.8.5.3). Occurrences are computed in
//! the place's time zone, so a 14:00 weekly permanence stays at 14:00 local time across the
//! daylight-saving changes; each lasts as long as the first one.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::str::FromStr;

use chrono::{
    DateTime, Datelike, NaiveDate, NaiveTime, SubsecRound, TimeDelta, TimeZone, Timelike, Utc,
    Weekday,
};
use chrono_tz::Tz;
use rrule::{Frequency, NWeekday, RRule, RRuleError, RRuleSet, Unvalidated};
use serde::{Deserialize, Serialize};

use crate::hours::words;

/// At most this many occurrences are expanded from the start of a rule to answer one query:
/// a daily open-ended rule covers 27 years of it. Later occurrences are not returned.
pub const MAX_EXPANSION: usize = 10_000;

/// The longest an occurrence may last.
pub const MAX_DURATION_DAYS: i64 = 31;

/// The rule parts a permanence may use (RFC 5545 names; `BYEASTER` and the like are refused).
const KNOWN_PARTS: &[&str] = &[
    "FREQ",
    "INTERVAL",
    "COUNT",
    "UNTIL",
    "BYMONTH",
    "BYWEEKNO",
    "BYYEARDAY",
    "BYMONTHDAY",
    "BYDAY",
    "BYHOUR",
    "BYMINUTE",
    "BYSECOND",
    "BYSETPOS",
    "WKST",
];

/// A recurring permanence: a rule, its first occurrence, its time zone and its exceptions.
#[derive(Debug, Clone)]
pub struct Recurrence {
    /// The rule as parsed (UNTIL in UTC), for the RRULE line and the descriptions.
    rule: RRule<Unvalidated>,
    /// The validated rule anchored at `dtstart` in local time, for expansion.
    set: RRuleSet,
    dtstart: DateTime<Utc>,
    time_zone: Tz,
    duration: TimeDelta,
    exceptions: BTreeMap<DateTime<Utc>, Exception>,
}

/// A change to one occurrence, named by the start the rule gives it (`RECURRENCE-ID`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Exception {
    /// The occurrence does not take place (`EXDATE`).
    Cancelled {
        /// The start the rule gives the occurrence.
        original_start: DateTime<Utc>,
    },
    /// The occurrence takes place at another time.
    Moved {
        /// The start the rule gives the occurrence.
        original_start: DateTime<Utc>,
        /// The new start.
        start: DateTime<Utc>,
        /// The new end.
        end: DateTime<Utc>,
    },
}

impl Exception {
    /// The same exception with whole seconds, as occurrences have.
    fn trunc_subsecs(self) -> Self {
        match self {
            Self::Cancelled { original_start } => Self::Cancelled {
                original_start: original_start.trunc_subsecs(0),
            },
            Self::Moved {
                original_start,
                start,
                end,
            } => Self::Moved {
                original_start: original_start.trunc_subsecs(0),
                start,
                end,
            },
        }
    }

    /// The start the rule gives the occurrence this exception changes.
    pub fn original_start(&self) -> DateTime<Utc> {
        match self {
            Self::Cancelled { original_start } | Self::Moved { original_start, .. } => {
                *original_start
            }
        }
    }
}

/// What happens to one occurrence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum OccurrenceStatus {
    /// Takes place as the rule says.
    Scheduled,
    /// Does not take place.
    Cancelled,
    /// Takes place at another time.
    Moved,
}

/// One occurrence of a permanence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Occurrence {
    /// The start the rule gives it: its identity, even when moved.
    pub original_start: DateTime<Utc>,
    /// When it starts (the new start when moved).
    pub start: DateTime<Utc>,
    /// When it ends.
    pub end: DateTime<Utc>,
    /// Scheduled, cancelled or moved.
    pub status: OccurrenceStatus,
}

impl Occurrence {
    /// The stable id suffix of this occurrence: see [`Recurrence::occurrence_id`].
    pub fn id(&self) -> String {
        Recurrence::occurrence_id(self.original_start)
    }
}

/// Why a recurrence or its exceptions were refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RecurrenceError {
    /// No rule at all.
    #[error("the recurrence rule is empty")]
    Empty,
    /// Something other than one RRULE value (a DTSTART line, several lines…).
    #[error("expected only a recurrence rule like FREQ=WEEKLY;BYDAY=TU, found \"{0}\"")]
    NotARule(String),
    /// A part that is not `NAME=VALUE`.
    #[error("\"{0}\" is not a rule part: expected NAME=VALUE, like BYDAY=TU")]
    MalformedPart(String),
    /// A part name the rule does not know.
    #[error(
        "{0} is not a recurrence rule part: expected FREQ, INTERVAL, COUNT, UNTIL, BYDAY, BYMONTHDAY, BYMONTH, BYSETPOS…"
    )]
    UnknownPart(String),
    /// A part given twice.
    #[error("{0} is given twice")]
    DuplicatePart(String),
    /// No `FREQ`.
    #[error("FREQ is missing: say how often it happens, like FREQ=WEEKLY")]
    MissingFrequency,
    /// `FREQ=HOURLY` and finer.
    #[error("FREQ={0} is too frequent for a permanence: use DAILY, WEEKLY, MONTHLY or YEARLY")]
    TooFrequent(String),
    /// Several times a day (`BYHOUR=9,14`).
    #[error(
        "{0} lists several times: a permanence happens at most once a day, so create one permanence per time slot"
    )]
    SeveralTimesADay(String),
    /// Both `COUNT` and `UNTIL` (RFC 5545 forbids it).
    #[error("COUNT and UNTIL cannot be used together: keep one of them")]
    CountAndUntil,
    /// `UNTIL` before the first occurrence.
    #[error("UNTIL ({until}) is before the first occurrence ({start})")]
    UntilBeforeStart {
        /// The end of the rule.
        until: DateTime<Utc>,
        /// The first occurrence.
        start: DateTime<Utc>,
    },
    /// A part with a value it cannot take.
    #[error("{part} is not valid: {reason}")]
    InvalidPart {
        /// The part, as `NAME=VALUE`.
        part: String,
        /// What it should be.
        reason: String,
    },
    /// What the `rrule` crate refused, in its words.
    #[error("the recurrence rule is not valid: {0}")]
    Invalid(String),
    /// An occurrence lasting less than nothing.
    #[error("an occurrence cannot end ({end}) before it starts ({start})")]
    EndsBeforeStart {
        /// The start.
        start: DateTime<Utc>,
        /// The end.
        end: DateTime<Utc>,
    },
    /// An occurrence lasting more than [`MAX_DURATION_DAYS`].
    #[error("an occurrence cannot last more than {MAX_DURATION_DAYS} days")]
    TooLong,
    /// An exception naming a start the rule does not give.
    #[error("no occurrence of the rule starts at {0}: an exception must name one of them")]
    NotAnOccurrence(DateTime<Utc>),
    /// Two exceptions for one occurrence.
    #[error("the occurrence starting at {0} has two exceptions")]
    DuplicateException(DateTime<Utc>),
}

impl Recurrence {
    /// Parse an RRULE value (`FREQ=WEEKLY;BYDAY=TU;COUNT=10`, with or without the `RRULE:`
    /// prefix) for a permanence whose first occurrence starts at `dtstart`, in `tz`.
    ///
    /// Refuses rules more frequent than daily, several times a day, `COUNT` with `UNTIL`, and
    /// anything malformed, naming the part at fault. `UNTIL` may be a UTC time
    /// (`20270630T220000Z`), a local time (`20270630T235959`) or a date (`20270630`, the whole
    /// day included). Open-ended rules are allowed; expansion stops at [`MAX_EXPANSION`].
    /// The occurrences last no time until [`Recurrence::with_end`] or
    /// [`Recurrence::with_duration`] says otherwise.
    pub fn parse(rule: &str, dtstart: DateTime<Utc>, tz: Tz) -> Result<Self, RecurrenceError> {
        // iCalendar times have whole seconds; so do occurrence ids.
        let dtstart = dtstart.trunc_subsecs(0);
        let text = rule.trim();
        let text = match text.get(..6) {
            Some(prefix) if prefix.eq_ignore_ascii_case("RRULE:") => text[6..].trim(),
            _ => text,
        };
        if text.is_empty() {
            return Err(RecurrenceError::Empty);
        }
        if !text.is_ascii() || text.contains(['\n', '\r', ':']) {
            return Err(RecurrenceError::NotARule(text.to_owned()));
        }

        let mut parts: Vec<(String, String)> = Vec::new();
        for part in text.split(';').map(str::trim).filter(|p| !p.is_empty()) {
            let Some((name, value)) = part.split_once('=') else {
                return Err(RecurrenceError::MalformedPart(part.to_owned()));
            };
            let name = name.trim().to_ascii_uppercase();
            let value = value.trim().to_ascii_uppercase();
            if !KNOWN_PARTS.contains(&name.as_str()) {
                return Err(RecurrenceError::UnknownPart(name));
            }
            if parts.iter().any(|(n, _)| *n == name) {
                return Err(RecurrenceError::DuplicatePart(name));
            }
            if value.is_empty() {
                return Err(RecurrenceError::MalformedPart(part.to_owned()));
            }
            parts.push((name, value));
        }
        let value_of = |name: &str| {
            parts
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, v)| v.as_str())
        };

        match value_of("FREQ") {
            None => return Err(RecurrenceError::MissingFrequency),
            Some(freq @ ("HOURLY" | "MINUTELY" | "SECONDLY")) => {
                return Err(RecurrenceError::TooFrequent(freq.to_owned()));
            }
            Some("DAILY" | "WEEKLY" | "MONTHLY" | "YEARLY") => {}
            Some(other) => {
                return Err(invalid_part(
                    "FREQ",
                    other,
                    "expected DAILY, WEEKLY, MONTHLY or YEARLY",
                ));
            }
        }
        if value_of("COUNT").is_some() && value_of("UNTIL").is_some() {
            return Err(RecurrenceError::CountAndUntil);
        }
        for name in ["COUNT", "INTERVAL"] {
            if let Some(value) = value_of(name)
                && !value.parse::<u32>().is_ok_and(|n| n >= 1)
            {
                return Err(invalid_part(
                    name,
                    value,
                    "expected a whole number of at least 1",
                ));
            }
        }
        for name in ["BYHOUR", "BYMINUTE", "BYSECOND"] {
            if value_of(name).is_some_and(|v| v.contains(',')) {
                return Err(RecurrenceError::SeveralTimesADay(name.to_owned()));
            }
        }
        if let Some(days) = value_of("BYDAY")
            && let Some(day) = days.split(',').find(|d| !is_rrule_weekday(d))
        {
            return Err(invalid_part(
                "BYDAY",
                days,
                &format!(
                    "\"{day}\" is not a day: expected MO, TU, WE, TH, FR, SA or SU, \
                     optionally with a position like 1MO or -1FR"
                ),
            ));
        }

        let mut normalized = Vec::with_capacity(parts.len());
        for (name, value) in &parts {
            let value = if name == "UNTIL" {
                let until = parse_until(value, tz)?;
                if until < dtstart {
                    return Err(RecurrenceError::UntilBeforeStart {
                        until,
                        start: dtstart,
                    });
                }
                ics_utc(until)
            } else {
                value.clone()
            };
            normalized.push(format!("{name}={value}"));
        }
        let rule = RRule::<Unvalidated>::from_str(&normalized.join(";")).map_err(from_rrule)?;
        let local_start = dtstart.with_timezone(&rrule::Tz::Tz(tz));
        let validated = rule.clone().validate(local_start).map_err(from_rrule)?;
        // `limit` stops rules that never match (BYMONTHDAY=30;BYMONTH=2) after a bounded search.
        let set = RRuleSet::new(local_start).rrule(validated).limit();
        Ok(Self {
            rule,
            set,
            dtstart,
            time_zone: tz,
            duration: TimeDelta::zero(),
            exceptions: BTreeMap::new(),
        })
    }

    /// Occurrences that end when the first one (starting at `dtstart`) ends.
    pub fn with_end(self, end: DateTime<Utc>) -> Result<Self, RecurrenceError> {
        if end < self.dtstart {
            return Err(RecurrenceError::EndsBeforeStart {
                start: self.dtstart,
                end,
            });
        }
        let duration = end - self.dtstart;
        self.with_duration(duration)
    }

    /// Occurrences that last `duration`, at most [`MAX_DURATION_DAYS`] days.
    pub fn with_duration(self, duration: TimeDelta) -> Result<Self, RecurrenceError> {
        if duration < TimeDelta::zero() {
            return Err(RecurrenceError::EndsBeforeStart {
                start: self.dtstart,
                end: self
                    .dtstart
                    .checked_add_signed(duration)
                    .unwrap_or(self.dtstart),
            });
        }
        if duration > TimeDelta::days(MAX_DURATION_DAYS) {
            return Err(RecurrenceError::TooLong);
        }
        Ok(Self { duration, ..self })
    }

    /// The same rule with these exceptions, replacing any given before. Each must name an
    /// occurrence of the rule, once; a moved occurrence must not end before it starts.
    pub fn with_exceptions(self, exceptions: Vec<Exception>) -> Result<Self, RecurrenceError> {
        let mut by_start = BTreeMap::new();
        for exception in exceptions {
            let exception = exception.trunc_subsecs();
            let original = exception.original_start();
            if let Exception::Moved { start, end, .. } = exception
                && end < start
            {
                return Err(RecurrenceError::EndsBeforeStart { start, end });
            }
            if by_start.insert(original, exception).is_some() {
                return Err(RecurrenceError::DuplicateException(original));
            }
        }
        // One pass over the occurrences, in order, checks every exception.
        let mut pending = by_start.keys().copied().peekable();
        for start in self.starts() {
            while let Some(&next) = pending.peek() {
                if next < start {
                    return Err(RecurrenceError::NotAnOccurrence(next));
                }
                if next > start {
                    break;
                }
                pending.next();
            }
            if pending.peek().is_none() {
                break;
            }
        }
        if let Some(missing) = pending.next() {
            return Err(RecurrenceError::NotAnOccurrence(missing));
        }
        Ok(Self {
            exceptions: by_start,
            ..self
        })
    }

    /// The start of the first occurrence as given.
    pub fn dtstart(&self) -> DateTime<Utc> {
        self.dtstart
    }

    /// The time zone the rule is expanded in.
    pub fn time_zone(&self) -> Tz {
        self.time_zone
    }

    /// How long each occurrence lasts.
    pub fn duration(&self) -> TimeDelta {
        self.duration
    }

    /// The exceptions, by original start.
    pub fn exceptions(&self) -> impl Iterator<Item = &Exception> {
        self.exceptions.values()
    }

    /// The rule value in a stable form (`FREQ=WEEKLY;COUNT=10;BYDAY=TU`), UNTIL in UTC.
    pub fn rule_text(&self) -> String {
        let rule = &self.rule;
        let mut parts = vec![format!("FREQ={}", rule.get_freq())];
        if rule.get_interval() != 1 {
            parts.push(format!("INTERVAL={}", rule.get_interval()));
        }
        if let Some(count) = rule.get_count() {
            parts.push(format!("COUNT={count}"));
        }
        if let Some(until) = rule.get_until() {
            parts.push(format!("UNTIL={}", ics_utc(until.with_timezone(&Utc))));
        }
        push_list(&mut parts, "BYMONTH", rule.get_by_month());
        push_list(&mut parts, "BYWEEKNO", rule.get_by_week_no());
        push_list(&mut parts, "BYYEARDAY", rule.get_by_year_day());
        push_list(&mut parts, "BYMONTHDAY", rule.get_by_month_day());
        if !rule.get_by_weekday().is_empty() {
            // Written by hand: rrule 0.14 prints `Nth(1, MO)` as "MO", which means every Monday.
            let days: Vec<String> = rule
                .get_by_weekday()
                .iter()
                .map(|day| match day {
                    NWeekday::Every(wd) => ics_weekday(*wd).to_owned(),
                    NWeekday::Nth(n, wd) => format!("{n}{}", ics_weekday(*wd)),
                })
                .collect();
            parts.push(format!("BYDAY={}", days.join(",")));
        }
        push_list(&mut parts, "BYHOUR", rule.get_by_hour());
        push_list(&mut parts, "BYMINUTE", rule.get_by_minute());
        push_list(&mut parts, "BYSECOND", rule.get_by_second());
        push_list(&mut parts, "BYSETPOS", rule.get_by_set_pos());
        if rule.get_week_start() != Weekday::Mon {
            parts.push(format!("WKST={}", ics_weekday(rule.get_week_start())));
        }
        parts.join(";")
    }

    /// The scheduled and moved occurrences that overlap `from..to` (an instant occurrence counts
    /// when it starts in it), by start, at most `limit`. Cancelled ones are left out.
    pub fn occurrences_between(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        limit: usize,
    ) -> Vec<Occurrence> {
        self.collect(from, to, limit, false)
    }

    /// Like [`Recurrence::occurrences_between`], with the cancelled occurrences reported at
    /// their original time, status [`OccurrenceStatus::Cancelled`].
    pub fn occurrences_between_with_cancelled(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        limit: usize,
    ) -> Vec<Occurrence> {
        self.collect(from, to, limit, true)
    }

    /// The first occurrence that has not ended at `at`, cancelled ones left out.
    pub fn next_occurrence(&self, at: DateTime<Utc>) -> Option<Occurrence> {
        self.collect(at, DateTime::<Utc>::MAX_UTC, 1, false)
            .into_iter()
            .next()
    }

    /// The lines a VEVENT needs for the rule: `RRULE:…`, then `EXDATE;TZID=…:…` listing the
    /// cancelled occurrences in local time when there are any. Moved occurrences are not in
    /// EXDATE: in ICS each is its own VEVENT with [`Recurrence::recurrence_id_line`]. Lines are
    /// not folded.
    pub fn to_ics_lines(&self) -> Vec<String> {
        let mut lines = vec![format!("RRULE:{}", self.rule_text())];
        let cancelled: Vec<DateTime<Utc>> = self
            .exceptions
            .values()
            .filter(|e| matches!(e, Exception::Cancelled { .. }))
            .map(Exception::original_start)
            .collect();
        if !cancelled.is_empty() {
            let dates: Vec<String> = cancelled.iter().map(|d| self.ics_value(*d)).collect();
            lines.push(format!("EXDATE{}:{}", self.tzid_param(), dates.join(",")));
        }
        lines
    }

    /// `DTSTART;TZID=Europe/Paris:20270105T140000`.
    pub fn dtstart_line(&self) -> String {
        format!(
            "DTSTART{}:{}",
            self.tzid_param(),
            self.ics_value(self.dtstart)
        )
    }

    /// `RECURRENCE-ID;TZID=Europe/Paris:20270112T140000`: names an occurrence in the VEVENT
    /// that overrides it (a moved occurrence).
    pub fn recurrence_id_line(&self, original_start: DateTime<Utc>) -> String {
        format!(
            "RECURRENCE-ID{}:{}",
            self.tzid_param(),
            self.ics_value(original_start)
        )
    }

    /// The stable suffix that names one occurrence: its original start in UTC, basic ISO 8601
    /// (`20270112T130000Z`). It does not change when the occurrence is moved, so the federation
    /// layer can mint one ActivityPub `Event` id per occurrence from it.
    pub fn occurrence_id(original_start: DateTime<Utc>) -> String {
        ics_utc(original_start)
    }

    /// "tous les mardis de 14 h à 17 h", "le premier lundi du mois de 10 h à 12 h, 10 fois";
    /// "récurrence : FREQ=…" for rules it cannot put in words.
    pub fn describe_fr(&self) -> String {
        self.describe(Lang::Fr)
    }

    /// "every Tuesday from 14:00 to 17:00"; "recurrence: FREQ=…" for rules it cannot put in words.
    pub fn describe_en(&self) -> String {
        self.describe(Lang::En)
    }

    // --
    // -- Expansion
    // --

    /// The original starts, in order, at most [`MAX_EXPANSION`].
    fn starts(&self) -> impl Iterator<Item = DateTime<Utc>> + '_ {
        (&self.set)
            .into_iter()
            .take(MAX_EXPANSION)
            .map(|start| start.with_timezone(&Utc))
    }

    fn collect(
        &self,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        limit: usize,
        with_cancelled: bool,
    ) -> Vec<Occurrence> {
        if limit == 0 || from >= to {
            return Vec::new();
        }
        let overlaps = |start: DateTime<Utc>, end: DateTime<Utc>| {
            start < to && (end > from || (start >= from && start == end))
        };
        let mut found = Vec::new();
        for start in self.starts() {
            if start >= to || found.len() >= limit {
                break;
            }
            let end = start + self.duration;
            let status = match self.exceptions.get(&start) {
                // Added below at their new time, wherever that is.
                Some(Exception::Moved { .. }) => continue,
                Some(Exception::Cancelled { .. }) if !with_cancelled => continue,
                Some(Exception::Cancelled { .. }) => OccurrenceStatus::Cancelled,
                None => OccurrenceStatus::Scheduled,
            };
            if overlaps(start, end) {
                found.push(Occurrence {
                    original_start: start,
                    start,
                    end,
                    status,
                });
            }
        }
        for exception in self.exceptions.values() {
            if let Exception::Moved {
                original_start,
                start,
                end,
            } = *exception
                && overlaps(start, end)
            {
                found.push(Occurrence {
                    original_start,
                    start,
                    end,
                    status: OccurrenceStatus::Moved,
                });
            }
        }
        found.sort_by_key(|o| (o.start, o.original_start));
        found.truncate(limit);
        found
    }

    // --
    // -- ICS
    // --

    fn tzid_param(&self) -> String {
        if self.time_zone == chrono_tz::UTC {
            String::new()
        } else {
            format!(";TZID={}", self.time_zone.name())
        }
    }

    /// A date-time value for a TZID line (local) or a UTC one.
    fn ics_value(&self, at: DateTime<Utc>) -> String {
        if self.time_zone == chrono_tz::UTC {
            ics_utc(at)
        } else {
            at.with_timezone(&self.time_zone)
                .format("%Y%m%dT%H%M%S")
                .to_string()
        }
    }

    // --
    // -- Descriptions
    // --

    fn describe(&self, lang: Lang) -> String {
        // The first occurrence gives the time of day (BYHOUR may move it from dtstart's).
        let first = self
            .starts()
            .next()
            .unwrap_or(self.dtstart)
            .with_timezone(&self.time_zone);
        match self.pattern(first.date_naive(), lang) {
            Some(pattern) => {
                let mut text = pattern;
                text.push_str(&self.time_words(first.time(), lang));
                text.push_str(&self.bounds_words(lang));
                text
            }
            None => match lang {
                Lang::Fr => format!("récurrence : {}", self.rule_text()),
                Lang::En => format!("recurrence: {}", self.rule_text()),
            },
        }
    }

    /// The days, in words, or `None` for a rule beyond the common forms.
    fn pattern(&self, first: NaiveDate, lang: Lang) -> Option<String> {
        let rule = &self.rule;
        let interval = u32::from(rule.get_interval());
        let months = rule.get_by_month();
        let month_days = rule.get_by_month_day();
        let weekdays = rule.get_by_weekday();
        let set_pos = rule.get_by_set_pos();
        if !rule.get_by_year_day().is_empty() || !rule.get_by_week_no().is_empty() {
            return None;
        }
        let every_day: Option<Vec<Weekday>> = weekdays
            .iter()
            .map(|d| match d {
                NWeekday::Every(wd) => Some(*wd),
                NWeekday::Nth(..) => None,
            })
            .collect();
        match rule.get_freq() {
            Frequency::Daily => {
                if !months.is_empty() || !month_days.is_empty() || !set_pos.is_empty() {
                    return None;
                }
                if weekdays.is_empty() {
                    return Some(match (lang, interval) {
                        (Lang::Fr, 1) => "tous les jours".to_owned(),
                        (Lang::Fr, n) => format!("tous les {n} jours"),
                        (Lang::En, 1) => "every day".to_owned(),
                        (Lang::En, n) => format!("every {n} days"),
                    });
                }
                if interval != 1 {
                    return None;
                }
                weekly_words(&every_day?, 1, lang)
            }
            Frequency::Weekly => {
                if !months.is_empty() || !month_days.is_empty() || !set_pos.is_empty() {
                    return None;
                }
                let days = if weekdays.is_empty() {
                    vec![first.weekday()]
                } else {
                    every_day?
                };
                weekly_words(&days, interval, lang)
            }
            Frequency::Monthly => {
                if !months.is_empty() {
                    return None;
                }
                let nth = match (weekdays, set_pos, month_days) {
                    ([NWeekday::Nth(n, wd)], [], []) => Some((i32::from(*n), *wd)),
                    ([NWeekday::Every(wd)], [n], []) => Some((*n, *wd)),
                    _ => None,
                };
                let day_words = if let Some((n, wd)) = nth {
                    match lang {
                        Lang::Fr => format!(
                            "le {} {} du mois",
                            words::fr_ordinal(n)?,
                            words::fr_weekday(wd)
                        ),
                        Lang::En => format!(
                            "on the {} {} of the month",
                            words::en_ordinal(n)?,
                            words::en_weekday(wd)
                        ),
                    }
                } else {
                    let day = match (weekdays, set_pos, month_days) {
                        ([], [], []) => i32::try_from(first.day()).ok()?,
                        ([], [], [day]) => i32::from(*day),
                        _ => return None,
                    };
                    month_day_words(day, lang)?
                };
                Some(match (lang, interval) {
                    (_, 1) => day_words,
                    (Lang::Fr, 2) => format!("{day_words}, un mois sur deux"),
                    (Lang::Fr, n) => format!("{day_words}, tous les {n} mois"),
                    (Lang::En, 2) => format!("{day_words}, every other month"),
                    (Lang::En, n) => format!("{day_words}, every {n} months"),
                })
            }
            Frequency::Yearly => {
                if !weekdays.is_empty() || !set_pos.is_empty() {
                    return None;
                }
                let month = match months {
                    [] => first.month(),
                    [month] => u32::from(*month),
                    _ => return None,
                };
                let day = match month_days {
                    [] => first.day(),
                    [day] => u32::try_from(*day).ok()?,
                    _ => return None,
                };
                let date = NaiveDate::from_ymd_opt(2000, month, day)?;
                Some(match (lang, interval) {
                    (Lang::Fr, 1) => format!("tous les ans, le {}", words::fr_date(date, false)),
                    (Lang::Fr, n) => {
                        format!("tous les {n} ans, le {}", words::fr_date(date, false))
                    }
                    (Lang::En, 1) => format!("every year on {}", words::en_date(date, false)),
                    (Lang::En, n) => format!("every {n} years on {}", words::en_date(date, false)),
                })
            }
            _ => None,
        }
    }

    /// " de 14 h à 17 h" / " from 14:00 to 17:00", or " à 14 h" / " at 14:00".
    fn time_words(&self, start: NaiveTime, lang: Lang) -> String {
        let (h, m) = (start.hour(), start.minute());
        let lasts = self.duration > TimeDelta::zero() && self.duration < TimeDelta::days(1);
        let end = start + self.duration;
        match (lang, lasts) {
            (Lang::Fr, true) => format!(
                " de {} à {}",
                words::fr_time(h, m),
                words::fr_time(end.hour(), end.minute())
            ),
            (Lang::En, true) => format!(
                " from {} to {}",
                words::en_time(h, m),
                words::en_time(end.hour(), end.minute())
            ),
            (Lang::Fr, false) => format!(" à {}", words::fr_time(h, m)),
            (Lang::En, false) => format!(" at {}", words::en_time(h, m)),
        }
    }

    /// ", 10 fois" / ", jusqu'au 30 juin 2027".
    fn bounds_words(&self, lang: Lang) -> String {
        let mut text = String::new();
        if let Some(count) = self.rule.get_count() {
            let _ = match (lang, count) {
                (Lang::Fr, 1) => write!(text, ", une seule fois"),
                (Lang::Fr, n) => write!(text, ", {n} fois"),
                (Lang::En, 1) => write!(text, ", once"),
                (Lang::En, n) => write!(text, ", {n} times"),
            };
        }
        if let Some(until) = self.rule.get_until() {
            let day = until.with_timezone(&self.time_zone).date_naive();
            let _ = match lang {
                Lang::Fr => write!(text, ", jusqu'au {}", words::fr_date(day, true)),
                Lang::En => write!(text, ", until {}", words::en_date(day, true)),
            };
        }
        text
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lang {
    Fr,
    En,
}

/// "tous les mardis", "un mardi sur deux", "du lundi au vendredi", "toutes les 3 semaines, le
/// mardi".
fn weekly_words(days: &[Weekday], interval: u32, lang: Lang) -> Option<String> {
    let mut days = days.to_vec();
    days.sort_by_key(Weekday::num_days_from_monday);
    days.dedup();
    let working_week = days
        == [
            Weekday::Mon,
            Weekday::Tue,
            Weekday::Wed,
            Weekday::Thu,
            Weekday::Fri,
        ];
    let singular_fr: Vec<String> = days
        .iter()
        .map(|d| format!("le {}", words::fr_weekday(*d)))
        .collect();
    let names_en: Vec<String> = days
        .iter()
        .map(|d| words::en_weekday(*d).to_owned())
        .collect();
    Some(match (lang, interval) {
        (_, 1) if days.len() == 7 => match lang {
            Lang::Fr => "tous les jours".to_owned(),
            Lang::En => "every day".to_owned(),
        },
        (Lang::Fr, 1) if working_week => "du lundi au vendredi".to_owned(),
        (Lang::En, 1) if working_week => "every weekday".to_owned(),
        (Lang::Fr, 1) => {
            let plural: Vec<String> = days
                .iter()
                .map(|d| format!("{}s", words::fr_weekday(*d)))
                .collect();
            format!("tous les {}", words::join_fr(&plural))
        }
        (Lang::En, 1) => format!("every {}", words::join_en(&names_en)),
        (Lang::Fr, 2) if days.len() == 1 => format!("un {} sur deux", words::fr_weekday(days[0])),
        (Lang::Fr, 2) => format!("une semaine sur deux, {}", words::join_fr(&singular_fr)),
        (Lang::En, 2) => format!("every other {}", words::join_en(&names_en)),
        (Lang::Fr, n) => format!("toutes les {n} semaines, {}", words::join_fr(&singular_fr)),
        (Lang::En, n) => format!("every {n} weeks on {}", words::join_en(&names_en)),
    })
}

/// "le 15 de chaque mois", "le 1er de chaque mois", "le dernier jour du mois".
fn month_day_words(day: i32, lang: Lang) -> Option<String> {
    Some(match (lang, day) {
        (Lang::Fr, -1) => "le dernier jour du mois".to_owned(),
        (Lang::En, -1) => "on the last day of the month".to_owned(),
        (Lang::Fr, 1) => "le 1er de chaque mois".to_owned(),
        (Lang::Fr, 2..=31) => format!("le {day} de chaque mois"),
        (Lang::En, 1..=31) => {
            let suffix = match (day % 10, day) {
                (_, 11..=13) => "th",
                (1, _) => "st",
                (2, _) => "nd",
                (3, _) => "rd",
                _ => "th",
            };
            format!("on the {day}{suffix} of each month")
        }
        _ => return None,
    })
}

fn invalid_part(name: &str, value: &str, reason: &str) -> RecurrenceError {
    RecurrenceError::InvalidPart {
        part: format!("{name}={value}"),
        reason: reason.to_owned(),
    }
}

fn from_rrule(err: RRuleError) -> RecurrenceError {
    match err {
        RRuleError::ParserError(err) => RecurrenceError::Invalid(err.to_string()),
        RRuleError::ValidationError(err) => RecurrenceError::Invalid(err.to_string()),
        RRuleError::IterError(err) => RecurrenceError::Invalid(err),
    }
}

/// `TU`, `1MO`, `-1FR`, `+2WE`.
fn is_rrule_weekday(text: &str) -> bool {
    let Some(split) = text.len().checked_sub(2) else {
        return false;
    };
    let (position, day) = text.split_at(split);
    let day_ok = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"].contains(&day);
    let digits = position.strip_prefix(['+', '-']).unwrap_or(position);
    let position_ok = position.is_empty()
        || ((1..=2).contains(&digits.len())
            && digits.chars().all(|c| c.is_ascii_digit())
            && digits.parse::<u8>().is_ok_and(|n| n >= 1));
    day_ok && position_ok
}

/// `UNTIL` as UTC: `…Z` as is, a local date-time in `tz`, a date as the end of that local day.
fn parse_until(value: &str, tz: Tz) -> Result<DateTime<Utc>, RecurrenceError> {
    let invalid = || {
        invalid_part(
            "UNTIL",
            value,
            "expected a date like 20270630, or a time like 20270630T235959 or 20270630T215959Z",
        )
    };
    if let Some(utc) = value.strip_suffix('Z') {
        let naive =
            chrono::NaiveDateTime::parse_from_str(utc, "%Y%m%dT%H%M%S").map_err(|_| invalid())?;
        return Ok(naive.and_utc());
    }
    let naive = if value.len() == 8 {
        NaiveDate::parse_from_str(value, "%Y%m%d")
            .map_err(|_| invalid())?
            .and_hms_opt(23, 59, 59)
            .ok_or_else(invalid)?
    } else {
        chrono::NaiveDateTime::parse_from_str(value, "%Y%m%dT%H%M%S").map_err(|_| invalid())?
    };
    // In a daylight-saving gap no local time exists: take the next one that does.
    tz.from_local_datetime(&naive)
        .latest()
        .or_else(|| {
            tz.from_local_datetime(&(naive + TimeDelta::hours(1)))
                .earliest()
        })
        .map(|local| local.with_timezone(&Utc))
        .ok_or_else(invalid)
}

/// `20270112T130000Z`.
fn ics_utc(at: DateTime<Utc>) -> String {
    at.format("%Y%m%dT%H%M%SZ").to_string()
}

fn ics_weekday(day: Weekday) -> &'static str {
    match day {
        Weekday::Mon => "MO",
        Weekday::Tue => "TU",
        Weekday::Wed => "WE",
        Weekday::Thu => "TH",
        Weekday::Fri => "FR",
        Weekday::Sat => "SA",
        Weekday::Sun => "SU",
    }
}

fn push_list<T: ToString>(parts: &mut Vec<String>, name: &str, values: &[T]) {
    if !values.is_empty() {
        let values: Vec<String> = values.iter().map(ToString::to_string).collect();
        parts.push(format!("{name}={}", values.join(",")));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono_tz::Europe::Paris;

    fn utc(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, h, min, 0)
            .single()
            .expect("valid")
    }

    fn paris(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        Paris
            .with_ymd_and_hms(y, m, d, h, min, 0)
            .single()
            .expect("valid")
            .with_timezone(&Utc)
    }

    /// Tuesday 5 January 2027, 14 h in Paris.
    fn tuesday() -> DateTime<Utc> {
        paris(2027, 1, 5, 14, 0)
    }

    /// A permanence from 14 h to 17 h starting on Tuesday 5 January 2027.
    fn permanence(rule: &str) -> Recurrence {
        Recurrence::parse(rule, tuesday(), Paris)
            .expect("valid")
            .with_duration(TimeDelta::hours(3))
            .expect("valid")
    }

    fn refused(rule: &str) -> RecurrenceError {
        Recurrence::parse(rule, tuesday(), Paris).expect_err("refused")
    }

    fn all(recurrence: &Recurrence) -> Vec<Occurrence> {
        recurrence.occurrences_between(utc(2000, 1, 1, 0, 0), utc(2100, 1, 1, 0, 0), 1000)
    }

    fn starts(occurrences: &[Occurrence]) -> Vec<DateTime<Utc>> {
        occurrences.iter().map(|o| o.start).collect()
    }

    #[test]
    fn a_weekly_permanence_stays_at_14h_across_the_march_change() {
        let start = paris(2027, 3, 16, 14, 0);
        let weekly = Recurrence::parse("FREQ=WEEKLY;BYDAY=TU;COUNT=4", start, Paris)
            .expect("valid")
            .with_duration(TimeDelta::hours(3))
            .expect("valid");
        let occurrences = all(&weekly);
        assert_eq!(
            starts(&occurrences),
            [
                utc(2027, 3, 16, 13, 0),
                utc(2027, 3, 23, 13, 0),
                utc(2027, 3, 30, 12, 0), // summer time since 28 March
                utc(2027, 4, 6, 12, 0),
            ]
        );
        assert_eq!(occurrences[2].end, utc(2027, 3, 30, 15, 0));
        assert!(
            occurrences
                .iter()
                .all(|o| o.status == OccurrenceStatus::Scheduled && o.original_start == o.start)
        );
    }

    #[test]
    fn a_weekly_permanence_stays_at_14h_across_the_october_change() {
        let start = paris(2027, 10, 19, 14, 0);
        let weekly = Recurrence::parse("FREQ=WEEKLY;COUNT=3", start, Paris).expect("valid");
        assert_eq!(
            starts(&all(&weekly)),
            [
                utc(2027, 10, 19, 12, 0),
                utc(2027, 10, 26, 12, 0),
                utc(2027, 11, 2, 13, 0), // winter time since 31 October
            ]
        );
    }

    #[test]
    fn count_bounds_the_occurrences() {
        assert_eq!(all(&permanence("FREQ=WEEKLY;BYDAY=TU;COUNT=10")).len(), 10);
    }

    #[test]
    fn until_bounds_the_occurrences_in_every_form() {
        // A date includes that whole local day.
        assert_eq!(all(&permanence("FREQ=WEEKLY;UNTIL=20270202")).len(), 5);
        // A UTC time before the 2 February occurrence (13:00 UTC) excludes it.
        assert_eq!(
            all(&permanence("FREQ=WEEKLY;UNTIL=20270202T120000Z")).len(),
            4
        );
        // A local time is read in the place's time zone.
        assert_eq!(
            all(&permanence("FREQ=WEEKLY;UNTIL=20270202T140000")).len(),
            5
        );
        assert_eq!(
            all(&permanence("FREQ=WEEKLY;UNTIL=20270202T135959")).len(),
            4
        );
    }

    #[test]
    fn open_ended_rules_are_expanded_window_by_window() {
        let weekly = permanence("FREQ=WEEKLY;BYDAY=TU");
        let march =
            weekly.occurrences_between(paris(2027, 3, 1, 0, 0), paris(2027, 4, 1, 0, 0), 10);
        assert_eq!(
            starts(&march),
            [
                paris(2027, 3, 2, 14, 0),
                paris(2027, 3, 9, 14, 0),
                paris(2027, 3, 16, 14, 0),
                paris(2027, 3, 23, 14, 0),
                paris(2027, 3, 30, 14, 0),
            ]
        );
        let two = weekly.occurrences_between(paris(2027, 3, 1, 0, 0), paris(2027, 4, 1, 0, 0), 2);
        assert_eq!(starts(&two), starts(&march[..2]));
        assert!(
            weekly
                .occurrences_between(paris(2027, 3, 1, 0, 0), paris(2027, 4, 1, 0, 0), 0)
                .is_empty()
        );
    }

    #[test]
    fn an_occurrence_under_way_at_the_window_start_is_included() {
        let weekly = permanence("FREQ=WEEKLY;BYDAY=TU");
        let found =
            weekly.occurrences_between(paris(2027, 1, 12, 15, 0), paris(2027, 1, 12, 16, 0), 10);
        assert_eq!(starts(&found), [paris(2027, 1, 12, 14, 0)]);
        let after =
            weekly.occurrences_between(paris(2027, 1, 12, 17, 0), paris(2027, 1, 13, 0, 0), 10);
        assert!(after.is_empty());
    }

    #[test]
    fn expansion_stops_at_the_cap() {
        let daily = Recurrence::parse("FREQ=DAILY", tuesday(), Paris).expect("valid");
        assert_eq!(
            daily
                .occurrences_between(utc(2027, 1, 1, 0, 0), utc(2200, 1, 1, 0, 0), usize::MAX)
                .len(),
            MAX_EXPANSION
        );
    }

    #[test]
    fn a_rule_that_never_matches_gives_nothing() {
        let never = Recurrence::parse("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", tuesday(), Paris)
            .expect("valid");
        assert!(all(&never).is_empty());
        assert_eq!(never.next_occurrence(tuesday()), None);
    }

    #[test]
    fn the_first_monday_of_each_month() {
        let first_monday = Recurrence::parse(
            "FREQ=MONTHLY;BYDAY=1MO;COUNT=3",
            paris(2027, 1, 4, 10, 0),
            Paris,
        )
        .expect("valid");
        assert_eq!(
            starts(&all(&first_monday)),
            [
                paris(2027, 1, 4, 10, 0),
                paris(2027, 2, 1, 10, 0),
                paris(2027, 3, 1, 10, 0),
            ]
        );
        let last_friday = Recurrence::parse(
            "FREQ=MONTHLY;BYDAY=-1FR;COUNT=2",
            paris(2027, 1, 29, 10, 0),
            Paris,
        )
        .expect("valid");
        assert_eq!(
            starts(&all(&last_friday)),
            [paris(2027, 1, 29, 10, 0), paris(2027, 2, 26, 10, 0)]
        );
    }

    #[test]
    fn a_cancelled_occurrence_is_left_out_or_reported() {
        let weekly = permanence("FREQ=WEEKLY;BYDAY=TU;COUNT=4")
            .with_exceptions(vec![Exception::Cancelled {
                original_start: paris(2027, 1, 12, 14, 0),
            }])
            .expect("valid");
        assert_eq!(
            starts(&all(&weekly)),
            [
                paris(2027, 1, 5, 14, 0),
                paris(2027, 1, 19, 14, 0),
                paris(2027, 1, 26, 14, 0),
            ]
        );
        let reported = weekly.occurrences_between_with_cancelled(
            utc(2027, 1, 1, 0, 0),
            utc(2027, 2, 1, 0, 0),
            10,
        );
        assert_eq!(reported.len(), 4);
        assert_eq!(
            reported[1],
            Occurrence {
                original_start: paris(2027, 1, 12, 14, 0),
                start: paris(2027, 1, 12, 14, 0),
                end: paris(2027, 1, 12, 17, 0),
                status: OccurrenceStatus::Cancelled,
            }
        );
        assert_eq!(
            weekly
                .next_occurrence(paris(2027, 1, 6, 0, 0))
                .map(|o| o.start),
            Some(paris(2027, 1, 19, 14, 0))
        );
    }

    #[test]
    fn a_moved_occurrence_keeps_its_id_and_appears_at_its_new_time() {
        let weekly = permanence("FREQ=WEEKLY;BYDAY=TU;COUNT=4")
            .with_exceptions(vec![Exception::Moved {
                original_start: paris(2027, 1, 19, 14, 0),
                start: paris(2027, 1, 21, 9, 0),
                end: paris(2027, 1, 21, 12, 0),
            }])
            .expect("valid");
        let occurrences = all(&weekly);
        assert_eq!(occurrences.len(), 4);
        let moved = &occurrences[2];
        assert_eq!(moved.status, OccurrenceStatus::Moved);
        assert_eq!(moved.start, paris(2027, 1, 21, 9, 0));
        assert_eq!(moved.end, paris(2027, 1, 21, 12, 0));
        assert_eq!(moved.id(), "20270119T130000Z");
        // Looked for on its original day, it is not there; on its new day, it is.
        assert!(
            weekly
                .occurrences_between(paris(2027, 1, 19, 0, 0), paris(2027, 1, 20, 0, 0), 10)
                .is_empty()
        );
        assert_eq!(
            weekly
                .occurrences_between(paris(2027, 1, 21, 0, 0), paris(2027, 1, 22, 0, 0), 10)
                .len(),
            1
        );
    }

    #[test]
    fn an_occurrence_moved_earlier_sorts_first_and_counts_in_the_limit() {
        let weekly = permanence("FREQ=WEEKLY;BYDAY=TU")
            .with_exceptions(vec![Exception::Moved {
                original_start: paris(2027, 1, 26, 14, 0),
                start: paris(2027, 1, 4, 14, 0),
                end: paris(2027, 1, 4, 17, 0),
            }])
            .expect("valid");
        let first_two = weekly.occurrences_between(utc(2027, 1, 1, 0, 0), utc(2027, 3, 1, 0, 0), 2);
        assert_eq!(
            starts(&first_two),
            [paris(2027, 1, 4, 14, 0), paris(2027, 1, 5, 14, 0)]
        );
    }

    #[test]
    fn exceptions_must_name_real_occurrences_once() {
        let weekly = permanence("FREQ=WEEKLY;BYDAY=TU;COUNT=4");
        let wednesday = paris(2027, 1, 13, 14, 0);
        assert_eq!(
            weekly
                .clone()
                .with_exceptions(vec![Exception::Cancelled {
                    original_start: wednesday
                }])
                .expect_err("refused"),
            RecurrenceError::NotAnOccurrence(wednesday)
        );
        let after_the_end = paris(2027, 2, 2, 14, 0);
        assert_eq!(
            weekly
                .clone()
                .with_exceptions(vec![Exception::Cancelled {
                    original_start: after_the_end
                }])
                .expect_err("refused"),
            RecurrenceError::NotAnOccurrence(after_the_end)
        );
        let twelfth = paris(2027, 1, 12, 14, 0);
        assert_eq!(
            weekly
                .clone()
                .with_exceptions(vec![
                    Exception::Cancelled {
                        original_start: twelfth
                    },
                    Exception::Moved {
                        original_start: twelfth,
                        start: twelfth,
                        end: twelfth,
                    },
                ])
                .expect_err("refused"),
            RecurrenceError::DuplicateException(twelfth)
        );
        assert!(matches!(
            weekly.with_exceptions(vec![Exception::Moved {
                original_start: twelfth,
                start: twelfth,
                end: twelfth - TimeDelta::hours(1),
            }]),
            Err(RecurrenceError::EndsBeforeStart { .. })
        ));
    }

    #[test]
    fn the_rrule_prefix_and_lowercase_are_accepted() {
        for rule in [
            "RRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=10",
            "rrule:freq=weekly;byday=tu;count=10",
            " FREQ=WEEKLY ; BYDAY=TU ; COUNT=10 ; ",
        ] {
            assert_eq!(
                permanence(rule).rule_text(),
                "FREQ=WEEKLY;COUNT=10;BYDAY=TU",
                "{rule}"
            );
        }
    }

    #[test]
    fn invalid_rules_are_refused_naming_what_is_wrong() {
        assert_eq!(refused(""), RecurrenceError::Empty);
        assert_eq!(refused("RRULE:"), RecurrenceError::Empty);
        assert_eq!(
            refused("FREQ=HOURLY"),
            RecurrenceError::TooFrequent("HOURLY".into())
        );
        assert_eq!(
            refused("FREQ=MINUTELY;BYSECOND=0").to_string(),
            "FREQ=MINUTELY is too frequent for a permanence: use DAILY, WEEKLY, MONTHLY or YEARLY"
        );
        assert_eq!(
            refused("FREQ=SECONDLY"),
            RecurrenceError::TooFrequent("SECONDLY".into())
        );
        assert_eq!(refused("BYDAY=TU"), RecurrenceError::MissingFrequency);
        assert_eq!(
            refused("FREQ=WEEKLY;BYDAY=XX").to_string(),
            "BYDAY=XX is not valid: \"XX\" is not a day: expected MO, TU, WE, TH, FR, SA or SU, \
             optionally with a position like 1MO or -1FR"
        );
        assert_eq!(
            refused("FREQ=WEEKLY;BYDAY=TU,MA"),
            RecurrenceError::InvalidPart {
                part: "BYDAY=TU,MA".into(),
                reason: "\"MA\" is not a day: expected MO, TU, WE, TH, FR, SA or SU, \
                         optionally with a position like 1MO or -1FR"
                    .into(),
            }
        );
        assert!(matches!(
            refused("FREQ=WEEKLY;COUNT=0"),
            RecurrenceError::InvalidPart { part, .. } if part == "COUNT=0"
        ));
        assert!(matches!(
            refused("FREQ=WEEKLY;INTERVAL=-2"),
            RecurrenceError::InvalidPart { part, .. } if part == "INTERVAL=-2"
        ));
        assert!(matches!(
            refused("FREQ=FORTNIGHTLY"),
            RecurrenceError::InvalidPart { part, .. } if part == "FREQ=FORTNIGHTLY"
        ));
        assert_eq!(
            refused("FREQ=WEEKLY;COUNT=3;UNTIL=20270601"),
            RecurrenceError::CountAndUntil
        );
        assert_eq!(
            refused("FREQ=WEEKLY;FOO=1"),
            RecurrenceError::UnknownPart("FOO".into())
        );
        assert_eq!(
            refused("FREQ=WEEKLY;BYDAY"),
            RecurrenceError::MalformedPart("BYDAY".into())
        );
        assert_eq!(
            refused("FREQ=WEEKLY;freq=DAILY"),
            RecurrenceError::DuplicatePart("FREQ".into())
        );
        assert_eq!(
            refused("FREQ=DAILY;BYHOUR=9,14"),
            RecurrenceError::SeveralTimesADay("BYHOUR".into())
        );
        assert_eq!(
            refused("FREQ=WEEKLY;UNTIL=20261201"),
            RecurrenceError::UntilBeforeStart {
                until: paris(2026, 12, 1, 23, 59) + TimeDelta::seconds(59),
                start: tuesday(),
            }
        );
        assert!(matches!(
            refused("FREQ=WEEKLY;UNTIL=2027-06-30"),
            RecurrenceError::InvalidPart { part, .. } if part == "UNTIL=2027-06-30"
        ));
        assert!(matches!(
            refused("DTSTART:20270105T130000Z\nRRULE:FREQ=WEEKLY"),
            RecurrenceError::NotARule(_)
        ));
        assert!(matches!(
            refused("FREQ=WEEKLY;BYDAY=éa"),
            RecurrenceError::NotARule(_)
        ));
        let month_day = refused("FREQ=MONTHLY;BYMONTHDAY=40").to_string();
        assert!(month_day.contains("BYMONTHDAY"), "{month_day}");
        let week_number = refused("FREQ=WEEKLY;BYWEEKNO=1").to_string();
        assert!(week_number.contains("BYWEEKNO"), "{week_number}");
    }

    #[test]
    fn an_end_before_the_start_or_too_late_is_refused() {
        let weekly = Recurrence::parse("FREQ=WEEKLY", tuesday(), Paris).expect("valid");
        assert!(matches!(
            weekly.clone().with_end(tuesday() - TimeDelta::minutes(1)),
            Err(RecurrenceError::EndsBeforeStart { .. })
        ));
        assert!(matches!(
            weekly.clone().with_duration(TimeDelta::MIN),
            Err(RecurrenceError::EndsBeforeStart { .. })
        ));
        assert_eq!(
            weekly
                .clone()
                .with_duration(TimeDelta::MAX)
                .expect_err("refused"),
            RecurrenceError::TooLong
        );
        assert_eq!(
            weekly
                .with_end(tuesday() + TimeDelta::hours(3))
                .expect("valid")
                .duration(),
            TimeDelta::hours(3)
        );
    }

    #[test]
    fn ics_lines_carry_the_rule_and_the_cancellations() {
        let weekly = permanence("RRULE:FREQ=WEEKLY;BYDAY=TU;COUNT=10")
            .with_exceptions(vec![
                Exception::Cancelled {
                    original_start: paris(2027, 1, 26, 14, 0),
                },
                Exception::Cancelled {
                    original_start: paris(2027, 1, 12, 14, 0),
                },
                Exception::Moved {
                    original_start: paris(2027, 1, 19, 14, 0),
                    start: paris(2027, 1, 21, 14, 0),
                    end: paris(2027, 1, 21, 17, 0),
                },
            ])
            .expect("valid");
        assert_eq!(
            weekly.to_ics_lines(),
            [
                "RRULE:FREQ=WEEKLY;COUNT=10;BYDAY=TU",
                "EXDATE;TZID=Europe/Paris:20270112T140000,20270126T140000",
            ]
        );
        assert_eq!(
            weekly.dtstart_line(),
            "DTSTART;TZID=Europe/Paris:20270105T140000"
        );
        assert_eq!(
            weekly.recurrence_id_line(paris(2027, 1, 19, 14, 0)),
            "RECURRENCE-ID;TZID=Europe/Paris:20270119T140000"
        );
        assert_eq!(
            permanence("FREQ=WEEKLY").to_ics_lines(),
            ["RRULE:FREQ=WEEKLY"]
        );
    }

    #[test]
    fn ics_lines_in_utc_and_with_positions_and_until() {
        let in_utc = Recurrence::parse(
            "FREQ=WEEKLY;COUNT=3",
            utc(2027, 1, 5, 13, 0),
            chrono_tz::UTC,
        )
        .expect("valid")
        .with_exceptions(vec![Exception::Cancelled {
            original_start: utc(2027, 1, 12, 13, 0),
        }])
        .expect("valid");
        assert_eq!(
            in_utc.to_ics_lines(),
            ["RRULE:FREQ=WEEKLY;COUNT=3", "EXDATE:20270112T130000Z"]
        );
        assert_eq!(
            permanence("FREQ=MONTHLY;BYDAY=1TU").rule_text(),
            "FREQ=MONTHLY;BYDAY=1TU"
        );
        assert_eq!(
            permanence("FREQ=MONTHLY;BYDAY=TU;BYSETPOS=-1;INTERVAL=2;WKST=SU").rule_text(),
            "FREQ=MONTHLY;INTERVAL=2;BYDAY=TU;BYSETPOS=-1;WKST=SU"
        );
        assert_eq!(
            permanence("FREQ=WEEKLY;UNTIL=20270630").rule_text(),
            "FREQ=WEEKLY;UNTIL=20270630T215959Z"
        );
    }

    #[test]
    fn sub_second_starts_are_truncated_to_whole_seconds() {
        let start = tuesday() + TimeDelta::milliseconds(250);
        let weekly = Recurrence::parse("FREQ=WEEKLY;COUNT=2", start, Paris)
            .expect("valid")
            .with_exceptions(vec![Exception::Cancelled {
                original_start: paris(2027, 1, 12, 14, 0) + TimeDelta::milliseconds(250),
            }])
            .expect("valid");
        assert_eq!(weekly.dtstart(), tuesday());
        assert_eq!(starts(&all(&weekly)), [tuesday()]);
    }

    #[test]
    fn occurrence_ids_are_the_original_start_in_utc() {
        assert_eq!(
            Recurrence::occurrence_id(paris(2027, 1, 12, 14, 0)),
            "20270112T130000Z"
        );
    }

    #[test]
    fn exceptions_round_trip_through_json() {
        let moved = Exception::Moved {
            original_start: utc(2027, 1, 19, 13, 0),
            start: utc(2027, 1, 21, 13, 0),
            end: utc(2027, 1, 21, 16, 0),
        };
        let json = serde_json::to_value(&moved).expect("valid");
        assert_eq!(json["kind"], "moved");
        assert_eq!(
            serde_json::from_value::<Exception>(json).expect("valid"),
            moved
        );
    }

    #[test]
    fn describes_common_permanences_in_french() {
        for (rule, expected) in [
            ("FREQ=WEEKLY;BYDAY=TU", "tous les mardis de 14 h à 17 h"),
            ("FREQ=WEEKLY", "tous les mardis de 14 h à 17 h"),
            ("FREQ=WEEKLY;INTERVAL=2", "un mardi sur deux de 14 h à 17 h"),
            (
                "FREQ=WEEKLY;INTERVAL=3",
                "toutes les 3 semaines, le mardi de 14 h à 17 h",
            ),
            (
                "FREQ=WEEKLY;BYDAY=MO,TH",
                "tous les lundis et jeudis de 14 h à 17 h",
            ),
            (
                "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH",
                "une semaine sur deux, le mardi et le jeudi de 14 h à 17 h",
            ),
            (
                "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
                "du lundi au vendredi de 14 h à 17 h",
            ),
            ("FREQ=DAILY", "tous les jours de 14 h à 17 h"),
            ("FREQ=DAILY;INTERVAL=2", "tous les 2 jours de 14 h à 17 h"),
            (
                "FREQ=MONTHLY;BYDAY=1MO",
                "le premier lundi du mois de 14 h à 17 h",
            ),
            (
                "FREQ=MONTHLY;BYDAY=FR;BYSETPOS=-1",
                "le dernier vendredi du mois de 14 h à 17 h",
            ),
            (
                "FREQ=MONTHLY;BYMONTHDAY=15",
                "le 15 de chaque mois de 14 h à 17 h",
            ),
            ("FREQ=MONTHLY", "le 5 de chaque mois de 14 h à 17 h"),
            (
                "FREQ=MONTHLY;BYMONTHDAY=-1",
                "le dernier jour du mois de 14 h à 17 h",
            ),
            (
                "FREQ=MONTHLY;INTERVAL=2;BYDAY=2WE",
                "le deuxième mercredi du mois, un mois sur deux de 14 h à 17 h",
            ),
            ("FREQ=YEARLY", "tous les ans, le 5 janvier de 14 h à 17 h"),
            (
                "FREQ=WEEKLY;COUNT=10",
                "tous les mardis de 14 h à 17 h, 10 fois",
            ),
            (
                "FREQ=WEEKLY;UNTIL=20270630",
                "tous les mardis de 14 h à 17 h, jusqu'au 30 juin 2027",
            ),
            ("FREQ=WEEKLY;BYHOUR=10", "tous les mardis de 10 h à 13 h"),
            (
                "FREQ=MONTHLY;BYMONTH=1,7;BYDAY=2TU",
                "récurrence : FREQ=MONTHLY;BYMONTH=1,7;BYDAY=2TU",
            ),
            (
                "FREQ=YEARLY;BYWEEKNO=1",
                "récurrence : FREQ=YEARLY;BYWEEKNO=1",
            ),
        ] {
            assert_eq!(permanence(rule).describe_fr(), expected, "{rule}");
        }
        let instant = Recurrence::parse("FREQ=MONTHLY;BYDAY=1MO", paris(2027, 1, 4, 9, 30), Paris)
            .expect("valid");
        assert_eq!(instant.describe_fr(), "le premier lundi du mois à 9 h 30");
    }

    #[test]
    fn describes_common_permanences_in_english() {
        for (rule, expected) in [
            ("FREQ=WEEKLY;BYDAY=TU", "every Tuesday from 14:00 to 17:00"),
            (
                "FREQ=WEEKLY;INTERVAL=2",
                "every other Tuesday from 14:00 to 17:00",
            ),
            (
                "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
                "every weekday from 14:00 to 17:00",
            ),
            ("FREQ=DAILY", "every day from 14:00 to 17:00"),
            (
                "FREQ=MONTHLY;BYDAY=1MO",
                "on the first Monday of the month from 14:00 to 17:00",
            ),
            (
                "FREQ=MONTHLY;BYMONTHDAY=22",
                "on the 22nd of each month from 14:00 to 17:00",
            ),
            ("FREQ=YEARLY", "every year on 5 January from 14:00 to 17:00"),
            (
                "FREQ=WEEKLY;COUNT=1",
                "every Tuesday from 14:00 to 17:00, once",
            ),
            (
                "FREQ=WEEKLY;UNTIL=20270630",
                "every Tuesday from 14:00 to 17:00, until 30 June 2027",
            ),
            (
                "FREQ=MONTHLY;BYMONTH=1,7;BYDAY=2TU",
                "recurrence: FREQ=MONTHLY;BYMONTH=1,7;BYDAY=2TU",
            ),
        ] {
            assert_eq!(permanence(rule).describe_en(), expected, "{rule}");
        }
    }
}
