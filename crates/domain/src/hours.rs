//! Opening hours in OpenStreetMap `opening_hours` syntax (`Mo-Fr 09:00-12:00,14:00-18:00; PH off`):
//! parsing with errors that point at the faulty character, evaluation in the place's time zone
//! with French public holidays and exceptional closures, and plain French and English renderings.
//!
//! Parsing and evaluation belong to the `opening-hours` crate; this module adds what a French
//! public-service place needs around them. Syntax:
//! <https://wiki.openstreetmap.org/wiki/Key:opening_hours/specification>.
//!
//! `opening-hours-syntax` (the crate that defines the rule tree) is not one of our direct
//! dependencies, so its types cannot be named here: the renderer reads the rule tree through its
//! public fields and `Display` impls inside closures, and parse errors through their `Display`
//! (pest's ` --> line:column` format).

use std::collections::BTreeSet;
use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Datelike, NaiveDate, TimeDelta, Utc, Weekday};
use chrono_tz::Tz;
use opening_hours::localization::{Country, TzLocation};
use opening_hours::{Context, RuleKind};
use serde::Serialize;

/// The time zone of a place when none is given: metropolitan France.
pub const DEFAULT_TIME_ZONE: Tz = chrono_tz::Europe::Paris;

/// How far `state_fr` / `state_en` look for the next opening or closing.
const STATE_HORIZON_DAYS: i64 = 366;

/// The years the `opening-hours` crate evaluates (its `DATE_START`..`DATE_END`).
const SUPPORTED_YEARS: std::ops::RangeInclusive<i32> = 1900..=9999;

type Engine = opening_hours::OpeningHours<TzLocation<Tz>>;

/// A place's opening hours: the rule text as written, its time zone and its exceptional closures.
///
/// Evaluation (`is_open`, `state`, `next_change`) happens in the place's local time, so
/// `Mo-Fr 09:00-18:00` means 9 h in Paris in winter and in summer alike. `PH` uses the French
/// public holidays (national list; Alsace-Moselle's extra days are not included).
#[derive(Clone, Debug)]
pub struct OpeningHours {
    raw: String,
    time_zone: Tz,
    closures: BTreeSet<NaiveDate>,
    /// The rules as written, without closures: what the renderers describe.
    rules: opening_hours::OpeningHours,
    /// The rules plus closures, with the French holiday calendar and the time zone.
    engine: Engine,
}

impl PartialEq for OpeningHours {
    fn eq(&self, other: &Self) -> bool {
        self.raw == other.raw
            && self.time_zone == other.time_zone
            && self.closures == other.closures
    }
}

impl fmt::Display for OpeningHours {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.raw)
    }
}

impl FromStr for OpeningHours {
    type Err = HoursError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

/// Whether a place is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum HoursStatus {
    /// Open.
    Open,
    /// Closed.
    Closed,
    /// The rules say it may be open (`unknown`, or a rule with only a comment).
    Unknown,
}

/// The state of a place at an instant, with the rule's comment (`"sur rendez-vous"`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HoursState {
    /// Open, closed or unknown.
    pub status: HoursStatus,
    /// The comment of the rule that applies, if any.
    pub comment: Option<String>,
}

/// Opening hours that could not be read: where, why, and what was found there.
///
/// Displays as `at character 7: expected a time like 09:00 (found "9h")`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HoursError {
    /// The text as given.
    pub input: String,
    /// 1-based character column in `input` of the problem, when it has a place.
    pub position: Option<usize>,
    /// What was expected, in plain English.
    pub reason: String,
    /// The text found at `position`, if any (none at the end of the text).
    pub found: Option<String>,
}

impl fmt::Display for HoursError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(position) = self.position {
            write!(f, "at character {position}: ")?;
        }
        f.write_str(&self.reason)?;
        if let Some(found) = &self.found {
            write!(f, " (found \"{found}\")")?;
        }
        Ok(())
    }
}

impl std::error::Error for HoursError {}

impl OpeningHours {
    /// Parse opening hours for a place in [`DEFAULT_TIME_ZONE`] (Europe/Paris).
    pub fn parse(input: &str) -> Result<Self, HoursError> {
        Self::parse_in(input, DEFAULT_TIME_ZONE)
    }

    /// Parse opening hours for a place in `time_zone`.
    pub fn parse_in(input: &str, time_zone: Tz) -> Result<Self, HoursError> {
        let lead = input.chars().take_while(|c| c.is_whitespace()).count();
        let raw = input.trim();
        if raw.is_empty() {
            return Err(HoursError {
                input: input.to_owned(),
                position: None,
                reason: "the opening hours are empty".to_owned(),
                found: None,
            });
        }
        if let Some(index) = raw.chars().position(|c| c == '\n' || c == '\r') {
            return Err(HoursError {
                input: input.to_owned(),
                position: Some(lead + index + 1),
                reason: "opening hours must be written on one line; separate rules with \";\""
                    .to_owned(),
                found: None,
            });
        }
        let rules = raw
            .parse::<opening_hours::OpeningHours>()
            .map_err(|err| error_from_parser(input, lead, raw, &err))?;
        // Easter-relative dates make the crate's evaluation scan for seconds (found by fuzzing):
        // refused, since hours are evaluated on every page and API read.
        if let Some(index) = raw.to_ascii_lowercase().find("easter") {
            let position = lead + raw[..index].chars().count() + 1;
            return Err(HoursError {
                input: input.to_owned(),
                position: Some(position),
                reason: "dates relative to Easter are not supported: write the dates (\"2027 Mar 29 off\")"
                    .to_owned(),
                found: Some("easter".to_owned()),
            });
        }
        let engine = rules.clone().with_context(evaluation_context(time_zone));
        Ok(Self {
            raw: raw.to_owned(),
            time_zone,
            closures: BTreeSet::new(),
            rules,
            engine,
        })
    }

    /// The same hours evaluated in another time zone (an overseas place, for instance).
    pub fn with_time_zone(self, time_zone: Tz) -> Self {
        Self {
            engine: self.engine.with_context(evaluation_context(time_zone)),
            time_zone,
            ..self
        }
    }

    /// The same hours with these days closed all day (exceptional closures), replacing any
    /// closures given before. Refused for dates outside the years 1900 to 9999.
    pub fn with_closures(self, dates: &[NaiveDate]) -> Result<Self, HoursError> {
        let closures: BTreeSet<NaiveDate> = dates.iter().copied().collect();
        if let Some(date) = closures
            .iter()
            .find(|d| !SUPPORTED_YEARS.contains(&d.year()))
        {
            return Err(HoursError {
                input: date.to_string(),
                position: None,
                reason: format!("the closure date {date} is outside the years 1900 to 9999"),
                found: None,
            });
        }
        let text = if closures.is_empty() {
            self.raw.clone()
        } else {
            // A trailing normal rule overrides everything before it on the days it selects,
            // including a night span that spills over from the day before.
            let selector = closure_runs(&closures)
                .iter()
                .map(|&(first, last)| {
                    if first == last {
                        osm_date(first)
                    } else {
                        format!("{}-{}", osm_date(first), osm_date(last))
                    }
                })
                .collect::<Vec<_>>()
                .join(",");
            format!("{} ; {selector} off", self.raw)
        };
        let engine = text
            .parse::<opening_hours::OpeningHours>()
            .map_err(|err| error_from_parser(&text, 0, &text, &err))?
            .with_context(evaluation_context(self.time_zone));
        Ok(Self {
            engine,
            closures,
            ..self
        })
    }

    /// The rule text as written (trimmed).
    pub fn as_str(&self) -> &str {
        &self.raw
    }

    /// The time zone the rules are evaluated in.
    pub fn time_zone(&self) -> Tz {
        self.time_zone
    }

    /// The exceptional closures, in date order.
    pub fn closures(&self) -> impl Iterator<Item = NaiveDate> + '_ {
        self.closures.iter().copied()
    }

    /// Open, closed or unknown at `at`, with the comment of the rule that applies.
    pub fn state(&self, at: DateTime<Utc>) -> HoursState {
        let (kind, comment) = self.engine.state(self.local(at));
        HoursState {
            status: status_of(kind),
            comment: (!comment.is_empty()).then(|| comment.to_string()),
        }
    }

    /// Whether the place is open at `at`.
    pub fn is_open(&self, at: DateTime<Utc>) -> bool {
        self.engine.is_open(self.local(at))
    }

    /// The next instant after `at` when the state (or its comment) changes; `None` if it does
    /// not change within a year ([`STATE_HORIZON_DAYS`]).
    ///
    /// The search is bounded: the crate's own `next_change` looks up to the year 9999, which
    /// for rules that stop changing (a rule bounded by a year, "2028 Dec Tu" after 2028) walks
    /// every day to the end and takes most of a second (found by fuzzing: a timeout).
    pub fn next_change(&self, at: DateTime<Utc>) -> Option<DateTime<Utc>> {
        let local = self.local(at);
        let horizon = local + TimeDelta::days(STATE_HORIZON_DAYS);
        let first = self.engine.iter_range(local, horizon).next()?;
        (first.range.end < horizon).then(|| first.range.end.with_timezone(&Utc))
    }

    /// "Ouvert maintenant — ferme à 12 h", "Fermé — ouvre lundi à 9 h".
    pub fn state_fr(&self, at: DateTime<Utc>) -> String {
        self.state_sentence(at, Lang::Fr)
    }

    /// "Open now — closes at 12:00", "Closed — opens Monday at 09:00".
    pub fn state_en(&self, at: DateTime<Utc>) -> String {
        self.state_sentence(at, Lang::En)
    }

    /// The rules in plain French, one phrase per rule joined with " ; ":
    /// "du lundi au vendredi, de 9 h à 12 h et de 14 h à 18 h ; le samedi, de 9 h à 12 h".
    pub fn describe_fr(&self) -> String {
        self.describe_fr_lines().join(" ; ")
    }

    /// One French phrase per rule, then one per exceptional closure. A rule the renderer does
    /// not understand is given as written.
    pub fn describe_fr_lines(&self) -> Vec<String> {
        self.describe_lines(Lang::Fr)
    }

    /// The rules in plain English, joined with "; ".
    pub fn describe_en(&self) -> String {
        self.describe_en_lines().join("; ")
    }

    /// One English phrase per rule, then one per exceptional closure.
    pub fn describe_en_lines(&self) -> Vec<String> {
        self.describe_lines(Lang::En)
    }

    fn describe_lines(&self, lang: Lang) -> Vec<String> {
        let mut lines: Vec<String> = rule_views(&self.rules)
            .iter()
            .map(|rule| describe_rule(rule, lang).unwrap_or_else(|| rule.text.clone()))
            .collect();
        for (first, last) in closure_runs(&self.closures) {
            lines.push(match lang {
                Lang::Fr => format!(
                    "fermeture exceptionnelle {}",
                    words::fr_date_span(first, last, true)
                ),
                Lang::En => format!(
                    "exceptionally closed {}",
                    words::en_date_span(first, last, true)
                ),
            });
        }
        lines
    }

    /// `at` in the place's time zone, kept inside the years the crate evaluates (1900–9999) so
    /// that no date arithmetic overflows.
    fn local(&self, at: DateTime<Utc>) -> DateTime<Tz> {
        let earliest = NaiveDate::from_ymd_opt(1900, 1, 2)
            .and_then(|d| d.and_hms_opt(0, 0, 0))
            .map(|d| d.and_utc());
        let latest = NaiveDate::from_ymd_opt(9998, 12, 31)
            .and_then(|d| d.and_hms_opt(0, 0, 0))
            .map(|d| d.and_utc());
        let at = match (earliest, latest) {
            (Some(earliest), Some(latest)) => at.clamp(earliest, latest),
            _ => at,
        };
        at.with_timezone(&self.time_zone)
    }

    fn state_sentence(&self, at: DateTime<Utc>, lang: Lang) -> String {
        let local = self.local(at);
        let state = self.state(at);
        let horizon = local + TimeDelta::days(STATE_HORIZON_DAYS);
        let mut ranges = self.engine.iter_range(local, horizon);
        let comment = state
            .comment
            .as_deref()
            .map(|c| format!(" ({c})"))
            .unwrap_or_default();
        let today = local.date_naive();
        match (state.status, lang) {
            (HoursStatus::Open, _) => {
                let closes = ranges
                    .find(|r| r.kind != RuleKind::Open)
                    .map(|r| r.range.start.naive_local());
                match (closes, lang) {
                    (Some(when), Lang::Fr) => format!(
                        "Ouvert maintenant{comment} — ferme {}",
                        words::fr_when(today, when, true)
                    ),
                    (Some(when), Lang::En) => format!(
                        "Open now{comment} — closes {}",
                        words::en_when(today, when, true)
                    ),
                    (None, Lang::Fr) => format!("Ouvert maintenant{comment}"),
                    (None, Lang::En) => format!("Open now{comment}"),
                }
            }
            (status, _) => {
                let opens = ranges
                    .find(|r| r.kind == RuleKind::Open)
                    .map(|r| r.range.start.naive_local());
                let head = match (status, lang) {
                    (HoursStatus::Unknown, Lang::Fr) => match &state.comment {
                        Some(c) => capitalize(c),
                        None => "Ouverture non garantie".to_owned(),
                    },
                    (HoursStatus::Unknown, Lang::En) => match &state.comment {
                        Some(c) => capitalize(c),
                        None => "Opening not guaranteed".to_owned(),
                    },
                    (_, Lang::Fr) => format!("Fermé{comment}"),
                    (_, Lang::En) => format!("Closed{comment}"),
                };
                match (opens, lang) {
                    (Some(when), Lang::Fr) => {
                        format!("{head} — ouvre {}", words::fr_when(today, when, false))
                    }
                    (Some(when), Lang::En) => {
                        format!("{head} — opens {}", words::en_when(today, when, false))
                    }
                    (None, _) => head,
                }
            }
        }
    }
}

/// The French public holidays of a year: the fixed days plus lundi de Pâques, Ascension and
/// lundi de Pentecôte. The `opening-hours` crate ships the same list for 2000–2076 (`PH` uses
/// it); this one is computed, for any year of the Gregorian calendar.
pub fn french_public_holidays(year: i32) -> Vec<NaiveDate> {
    let fixed = [
        (1, 1),
        (5, 1),
        (5, 8),
        (7, 14),
        (8, 15),
        (11, 1),
        (11, 11),
        (12, 25),
    ];
    let mut days: Vec<NaiveDate> = fixed
        .iter()
        .filter_map(|&(month, day)| NaiveDate::from_ymd_opt(year, month, day))
        .collect();
    if let Some(easter) = easter_sunday(year) {
        days.extend([
            easter + TimeDelta::days(1),  // lundi de Pâques
            easter + TimeDelta::days(39), // Ascension
            easter + TimeDelta::days(50), // lundi de Pentecôte
        ]);
    }
    days.sort_unstable();
    days
}

/// Easter Sunday in the Gregorian calendar (anonymous Gregorian algorithm).
fn easter_sunday(year: i32) -> Option<NaiveDate> {
    let a = year.rem_euclid(19);
    let b = year.div_euclid(100);
    let c = year.rem_euclid(100);
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

fn evaluation_context(time_zone: Tz) -> Context<TzLocation<Tz>> {
    Context::default()
        .with_holidays(Country::FR.holidays())
        .with_locale(TzLocation::new(time_zone))
}

fn status_of(kind: RuleKind) -> HoursStatus {
    match kind {
        RuleKind::Open => HoursStatus::Open,
        RuleKind::Closed => HoursStatus::Closed,
        RuleKind::Unknown => HoursStatus::Unknown,
    }
}

/// Consecutive days grouped into inclusive runs.
fn closure_runs(dates: &BTreeSet<NaiveDate>) -> Vec<(NaiveDate, NaiveDate)> {
    let mut runs: Vec<(NaiveDate, NaiveDate)> = Vec::new();
    for &date in dates {
        match runs.last_mut() {
            Some((_, last)) if last.succ_opt() == Some(date) => *last = date,
            _ => runs.push((date, date)),
        }
    }
    runs
}

/// `2026 Dec 24`, the date form of the `opening_hours` syntax.
fn osm_date(date: NaiveDate) -> String {
    format!(
        "{} {} {}",
        date.year(),
        words::OSM_MONTHS[date.month0() as usize],
        date.day()
    )
}

fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lang {
    Fr,
    En,
}

// --
// -- Parse errors
// --

/// Turn the crate's parse error into a position, a reason and the text found there.
///
/// `input` is the text as the user gave it; `raw` is what was parsed, `lead` characters into it.
fn error_from_parser(input: &str, lead: usize, raw: &str, err: &impl fmt::Display) -> HoursError {
    let message = err.to_string();
    let chars: Vec<char> = raw.chars().collect();
    let Some(column) = pest_column(&message) else {
        return semantic_error(input, lead, raw, &message);
    };
    let index = column.saturating_sub(1).min(chars.len());
    let expectation = Expectation::from_pest(&message);
    let (start, found) = match word_at(&chars, index) {
        Some((start, word)) => (start, Some(word)),
        None => (index, None),
    };
    let reason = syntax_reason(&expectation, found.as_deref(), &chars);
    // An unclosed comment is named by the reason; quoting it again would only confuse.
    let found = found.filter(|word| !word.starts_with('"'));
    HoursError {
        input: input.to_owned(),
        position: Some(lead + start + 1),
        reason,
        found,
    }
}

/// The column of pest's ` --> line:column` header (one-line input: it is the character offset).
fn pest_column(message: &str) -> Option<usize> {
    let header = message
        .lines()
        .find_map(|l| l.trim_start().strip_prefix("--> "))?;
    let (_line, column) = header.trim().split_once(':')?;
    column.trim().parse().ok()
}

/// What pest expected and did not expect at the error, from its `= expected a, b, or c` line.
#[derive(Debug, Default)]
struct Expectation {
    expected: Vec<String>,
    unexpected: Vec<String>,
}

impl Expectation {
    fn from_pest(message: &str) -> Self {
        let mut expectation = Self::default();
        let Some(note) = message
            .lines()
            .find_map(|l| l.trim_start().strip_prefix("= "))
        else {
            return expectation;
        };
        for part in note.split("; ") {
            if let Some(rest) = part.strip_prefix("expected ") {
                expectation.expected = split_rule_names(rest);
            } else if let Some(rest) = part.strip_prefix("unexpected ") {
                expectation.unexpected = split_rule_names(rest);
            }
        }
        expectation
    }

    fn expects(&self, name: &str) -> bool {
        self.expected.iter().any(|n| n == name)
    }

    fn expects_only(&self, names: &[&str]) -> bool {
        !self.expected.is_empty() && self.expected.iter().all(|n| names.contains(&n.as_str()))
    }
}

fn split_rule_names(list: &str) -> Vec<String> {
    list.split(", ")
        .flat_map(|item| item.split(" or "))
        .map(|item| item.trim().trim_start_matches("or ").trim().to_owned())
        .filter(|item| !item.is_empty())
        .collect()
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == ':' || c == '.'
}

/// The word around `index` and where it starts; a lone symbol is its own word.
fn word_at(chars: &[char], index: usize) -> Option<(usize, String)> {
    let &c = chars.get(index)?;
    if !is_word_char(c) {
        if c == '"' {
            let rest: String = chars[index..].iter().take(20).collect();
            return Some((index, rest));
        }
        return Some((index, c.to_string()));
    }
    let mut start = index;
    while start > 0 && is_word_char(chars[start - 1]) {
        start -= 1;
    }
    let mut end = index;
    while end < chars.len() && is_word_char(chars[end]) {
        end += 1;
    }
    Some((start, chars[start..end].iter().collect()))
}

const TIME_RULES: &[&str] = &[
    "time",
    "extended_time",
    "hour_minutes",
    "extended_hour_minutes",
    "hour",
    "extended_hour",
    "minute",
    "timespan",
    "variable_time",
];

const EXAMPLE_RULE: &str = "days like Mo-Fr, months like Jan-Mar, a time range like 09:00-18:00, \
                            24/7, or a comment in double quotes";

/// Plain-English reason for a syntax error, with hints for French habits (9h, Lu-Ve, fermé).
fn syntax_reason(expectation: &Expectation, found: Option<&str>, chars: &[char]) -> String {
    if let Some(word) = found {
        let lower = word.to_lowercase();
        let bare = lower.trim_end_matches('.');
        if looks_like_french_time(bare) {
            return "expected a time like 09:00".to_owned();
        }
        if ['–', '—', '‑', '−', '‒']
            .iter()
            .any(|d| word.starts_with(*d))
        {
            return "expected a plain hyphen \"-\" between two days or two times".to_owned();
        }
        if word.starts_with('"') {
            return "a comment must end with a double quote".to_owned();
        }
        if words::FRENCH_DAY_WORDS.contains(&bare) {
            return "expected an English day abbreviation: Mo, Tu, We, Th, Fr, Sa or Su".to_owned();
        }
        if words::FRENCH_MONTH_WORDS.contains(&bare) {
            return "expected an English month abbreviation: Jan, Feb, Mar, Apr, May, Jun, Jul, \
                    Aug, Sep, Oct, Nov or Dec"
                .to_owned();
        }
        if ["fermé", "ferme", "fermée", "fermeture", "fermés", "fermées"].contains(&bare) {
            return "expected \"off\" or \"closed\" to mark a closing".to_owned();
        }
        if ["ouvert", "ouverte", "ouverture"].contains(&bare) {
            return "expected \"open\", or nothing, to mark an opening".to_owned();
        }
        if ["férié", "fériés", "ferie", "feries", "jf", "jours"].contains(&bare) {
            return "expected \"PH\" for public holidays".to_owned();
        }
        if ["h", "heures", "heure"].contains(&bare) {
            return "expected a time like 09:00".to_owned();
        }
        // `9 h`, `09.00`: a number where a time could start.
        let expects_time = expectation
            .expected
            .iter()
            .any(|n| TIME_RULES.contains(&n.as_str()));
        if expects_time && word.starts_with(|c: char| c.is_ascii_digit()) {
            return "expected a time like 09:00".to_owned();
        }
    }
    let separator_at_end = expectation.unexpected.iter().any(|n| n == "EOI");
    if separator_at_end && expectation.expected.is_empty() {
        return "expected another rule after the separator; remove the trailing separator"
            .to_owned();
    }
    if expectation
        .unexpected
        .iter()
        .any(|n| n.ends_with("rule_separator"))
    {
        return "expected a rule between two separators".to_owned();
    }
    if expectation.expects_only(&["timespan_plus"]) {
        return "expected a time range like 14:00-18:00, not a time alone".to_owned();
    }
    if expectation.expects_only(TIME_RULES) {
        return "expected a time like 09:00".to_owned();
    }
    if expectation.expects("nth_entry") {
        return "expected which week of the month, from 1 to 5 or -1 for the last, like Mo[1]"
            .to_owned();
    }
    if expectation.expects("always_open") {
        return format!("expected {EXAMPLE_RULE}");
    }
    if expectation.expects("rules_modifier") || expectation.expects("any_rule_separator") {
        let times = if expectation.expects("timespan") {
            "a time range like 09:00-12:00, "
        } else {
            ""
        };
        return format!(
            "expected {times}\";\" before the next rule, \"off\", \"closed\", \"open\", \
             or a comment in double quotes"
        );
    }
    if expectation.expects("daynum") {
        return "expected a day of the month like 25".to_owned();
    }
    if found.is_none() && !chars.is_empty() {
        return "the opening hours end too early".to_owned();
    }
    "this is not valid opening hours syntax".to_owned()
}

/// `9h`, `9h30`, `09h00`, `12H`.
fn looks_like_french_time(word: &str) -> bool {
    let Some((hours, minutes)) = word.split_once('h') else {
        return false;
    };
    (1..=2).contains(&hours.len())
        && hours.chars().all(|c| c.is_ascii_digit())
        && (minutes.is_empty()
            || (minutes.len() == 2 && minutes.chars().all(|c| c.is_ascii_digit())))
}

/// Errors raised after the grammar matched (the crate gives them no position): place them by
/// finding the offending text.
fn semantic_error(input: &str, lead: usize, raw: &str, message: &str) -> HoursError {
    let locate = |needle: &str| {
        raw.find(needle)
            .map(|byte| lead + raw[..byte].chars().count() + 1)
    };
    let (position, reason, found) = if let Some(time) =
        message.strip_prefix("invalid extended time for ")
    {
        let time = time.trim();
        (
            locate(time),
            "expected a time no later than 48:00".to_owned(),
            Some(time.to_owned()),
        )
    } else if message.starts_with("Inverted year ranges") {
        let suggestion = message.split('\'').nth(1).unwrap_or_default();
        let written = suggestion
            .split_once('-')
            .map(|(a, b)| format!("{b}-{a}"))
            .unwrap_or_default();
        (
            locate(&written).filter(|_| !written.is_empty()),
            format!("a year range goes from the earlier year to the later one, like {suggestion}"),
            (!written.is_empty()).then_some(written),
        )
    } else if let Some(feature) = message.strip_prefix("using an unsupported feature: ") {
        (None, format!("this is not supported: {feature}"), None)
    } else {
        (None, message.to_owned(), None)
    };
    HoursError {
        input: input.to_owned(),
        position,
        reason,
        found,
    }
}

// --
// -- Rendering
// --

/// What the renderer needs from one rule of the crate's tree, read through public fields and
/// `Display` (the tree's types live in `opening-hours-syntax`, which we cannot name).
#[derive(Debug, Clone)]
struct RuleView {
    operator: Operator,
    kind: RuleKind,
    comment: String,
    /// `(first, last, step)` per year range.
    years: Vec<(i32, i32, u16)>,
    monthdays: Vec<String>,
    has_weeks: bool,
    weekdays: Vec<String>,
    spans: Vec<SpanView>,
    /// The rule as the crate prints it: the fallback when we cannot describe it.
    text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Operator {
    Normal,
    Additional,
    Fallback,
}

#[derive(Debug, Clone)]
struct SpanView {
    start: String,
    end: String,
    open_end: bool,
    repeats: bool,
}

impl RuleView {
    fn is_full_day(&self) -> bool {
        matches!(self.spans.as_slice(), [span] if span.start == "00:00" && span.end == "24:00" && !span.open_end && !span.repeats)
    }
}

fn rule_views(hours: &opening_hours::OpeningHours) -> Vec<RuleView> {
    let expression = hours.get_expression();
    expression
        .rules
        .iter()
        .map(|rule| {
            let days = &rule.day_selector;
            RuleView {
                // `RuleOperator` derives `Debug`; its variant names are the only way to read
                // it without naming the type.
                operator: match format!("{:?}", rule.operator).as_str() {
                    "Additional" => Operator::Additional,
                    "Fallback" => Operator::Fallback,
                    _ => Operator::Normal,
                },
                kind: rule.kind,
                comment: rule.comment.to_string(),
                years: days
                    .year
                    .iter()
                    .map(|range| {
                        let (years, step) = range.into_parts();
                        (years.start().0, years.end().0, step)
                    })
                    .collect(),
                monthdays: days.monthday.iter().map(ToString::to_string).collect(),
                has_weeks: !days.week.is_empty(),
                weekdays: days.weekday.iter().map(ToString::to_string).collect(),
                spans: rule
                    .time_selector
                    .spans
                    .iter()
                    .map(|span| SpanView {
                        start: span.range.start.to_string(),
                        end: span.range.end.to_string(),
                        open_end: span.open_end,
                        repeats: span.repeats.is_some(),
                    })
                    .collect(),
                text: rule.to_string(),
            }
        })
        .collect()
}

/// One rule in plain words, or `None` when it uses something the renderer does not know.
fn describe_rule(rule: &RuleView, lang: Lang) -> Option<String> {
    if rule.has_weeks {
        return None;
    }
    let mut day_parts = Vec::new();
    for &(first, last, step) in &rule.years {
        day_parts.push(match (lang, first == last, step) {
            (Lang::Fr, true, _) => format!("en {first}"),
            (Lang::En, true, _) => format!("in {first}"),
            (Lang::Fr, false, 1) => format!("de {first} à {last}"),
            (Lang::En, false, 1) => format!("from {first} to {last}"),
            _ => return None,
        });
    }
    let monthdays = rule
        .monthdays
        .iter()
        .map(|text| describe_monthday(text, lang))
        .collect::<Option<Vec<_>>>()?;
    if !monthdays.is_empty() {
        day_parts.push(join(&monthdays, lang));
    }
    let weekdays = rule
        .weekdays
        .iter()
        .map(|text| describe_weekday(text, lang))
        .collect::<Option<Vec<_>>>()?;
    if !weekdays.is_empty() {
        day_parts.push(join(&weekdays, lang));
    }
    let days = day_parts.join(", ");

    let times = if rule.is_full_day() {
        None
    } else {
        let spans = rule
            .spans
            .iter()
            .map(|span| describe_span(span, lang))
            .collect::<Option<Vec<_>>>()?;
        Some(join(&spans, lang))
    };
    let comment = (!rule.comment.is_empty()).then_some(rule.comment.as_str());

    let phrase = match rule.kind {
        RuleKind::Closed => {
            let closed = match lang {
                Lang::Fr => "fermé",
                Lang::En => "closed",
            };
            let mut phrase = match (days.is_empty(), times) {
                (true, None) => closed.to_owned(),
                (false, None) => format!("{closed} {days}"),
                (true, Some(times)) => format!("{closed} {times}"),
                (false, Some(times)) => format!("{days}, {closed} {times}"),
            };
            if let Some(comment) = comment {
                phrase.push_str(&format!(" ({comment})"));
            }
            phrase
        }
        RuleKind::Open | RuleKind::Unknown => {
            let unknown = rule.kind == RuleKind::Unknown;
            let every_day = match lang {
                Lang::Fr => "tous les jours",
                Lang::En => "every day",
            };
            match (days.is_empty(), times, comment) {
                (true, None, None) if unknown => match lang {
                    Lang::Fr => "ouverture non garantie".to_owned(),
                    Lang::En => "opening not guaranteed".to_owned(),
                },
                (true, None, None) => match lang {
                    Lang::Fr => "ouvert tout le temps".to_owned(),
                    Lang::En => "open 24/7".to_owned(),
                },
                (true, None, Some(comment)) => comment.to_owned(),
                (false, None, Some(comment)) => match lang {
                    Lang::Fr => format!("{days} : {comment}"),
                    Lang::En => format!("{days}: {comment}"),
                },
                (false, None, None) => {
                    let all_day = match lang {
                        Lang::Fr => "toute la journée",
                        Lang::En => "all day",
                    };
                    with_note(format!("{days}, {all_day}"), unknown, None, lang)
                }
                (no_days, Some(times), comment) => {
                    let days = if no_days { every_day } else { days.as_str() };
                    with_note(format!("{days}, {times}"), unknown, comment, lang)
                }
            }
        }
    };
    Some(match (rule.operator, lang) {
        (Operator::Normal, _) => phrase,
        (Operator::Additional, Lang::Fr) => format!("ainsi que {phrase}"),
        (Operator::Additional, Lang::En) => format!("and also {phrase}"),
        (Operator::Fallback, Lang::Fr) => format!("sinon, {phrase}"),
        (Operator::Fallback, Lang::En) => format!("otherwise, {phrase}"),
    })
}

fn with_note(phrase: String, unknown: bool, comment: Option<&str>, lang: Lang) -> String {
    match (comment, unknown, lang) {
        (Some(comment), _, _) => format!("{phrase} ({comment})"),
        (None, true, Lang::Fr) => format!("{phrase} (ouverture non garantie)"),
        (None, true, Lang::En) => format!("{phrase} (opening not guaranteed)"),
        (None, false, _) => phrase,
    }
}

fn join(items: &[String], lang: Lang) -> String {
    match lang {
        Lang::Fr => words::join_fr(items),
        Lang::En => words::join_en(items),
    }
}

/// `09:00-12:00` → "de 9 h à 12 h" / "09:00–12:00"; `18:00+` → "à partir de 18 h".
fn describe_span(span: &SpanView, lang: Lang) -> Option<String> {
    if span.repeats {
        return None;
    }
    let (start_h, start_m) = clock(&span.start)?;
    if span.open_end {
        return Some(match lang {
            Lang::Fr => format!("à partir de {}", words::fr_clock(start_h, start_m)),
            Lang::En => format!("from {}", words::en_clock(start_h, start_m)),
        });
    }
    let (end_h, end_m) = clock(&span.end)?;
    Some(match lang {
        Lang::Fr => format!(
            "de {} à {}",
            words::fr_clock(start_h, start_m),
            words::fr_clock(end_h, end_m)
        ),
        Lang::En => format!(
            "{}–{}",
            words::en_clock(start_h, start_m),
            words::en_clock(end_h, end_m)
        ),
    })
}

/// `HH:MM` (hours up to 48) → (hours, minutes); `None` for sunrise and the like.
fn clock(text: &str) -> Option<(u32, u32)> {
    let (hours, minutes) = text.split_once(':')?;
    Some((hours.parse().ok()?, minutes.parse().ok()?))
}

/// `Mo-Fr`, `Sa`, `Mo[1]`, `Sa[1,3]`, `Fr[-1]`, `PH`, `SH`.
fn describe_weekday(text: &str, lang: Lang) -> Option<String> {
    match text {
        "PH" => {
            return Some(match lang {
                Lang::Fr => "les jours fériés".to_owned(),
                Lang::En => "on public holidays".to_owned(),
            });
        }
        "SH" => {
            return Some(match lang {
                Lang::Fr => "pendant les vacances scolaires".to_owned(),
                Lang::En => "during school holidays".to_owned(),
            });
        }
        _ => {}
    }
    if let Some((day, nths)) = text.split_once('[') {
        let day = words::osm_weekday(day)?;
        let nths = nths
            .strip_suffix(']')?
            .split(',')
            .map(|n| n.parse::<i32>().ok())
            .collect::<Option<Vec<_>>>()?;
        return Some(match lang {
            Lang::Fr => {
                let ordinals = nths
                    .iter()
                    .map(|&n| words::fr_ordinal(n).map(|o| format!("le {o}")))
                    .collect::<Option<Vec<_>>>()?;
                format!(
                    "{} {} du mois",
                    words::join_fr(&ordinals),
                    words::fr_weekday(day)
                )
            }
            Lang::En => {
                let ordinals = nths
                    .iter()
                    .map(|&n| words::en_ordinal(n).map(str::to_owned))
                    .collect::<Option<Vec<_>>>()?;
                format!(
                    "on the {} {} of the month",
                    words::join_en(&ordinals),
                    words::en_weekday(day)
                )
            }
        });
    }
    match text.split_once('-') {
        Some((first, last)) => {
            let (first, last) = (words::osm_weekday(first)?, words::osm_weekday(last)?);
            if first == Weekday::Mon && last == Weekday::Sun {
                return Some(match lang {
                    Lang::Fr => "tous les jours".to_owned(),
                    Lang::En => "every day".to_owned(),
                });
            }
            Some(match lang {
                Lang::Fr => format!(
                    "du {} au {}",
                    words::fr_weekday(first),
                    words::fr_weekday(last)
                ),
                Lang::En => format!(
                    "{} to {}",
                    words::en_weekday(first),
                    words::en_weekday(last)
                ),
            })
        }
        None => {
            let day = words::osm_weekday(text)?;
            Some(match lang {
                Lang::Fr => format!("le {}", words::fr_weekday(day)),
                Lang::En => format!("on {}", words::en_weekday(day)),
            })
        }
    }
}

/// A year written before a month, with or without a space (`2026 Dec 24`, `2026Jul`).
fn take_year(text: &str) -> (Option<i32>, &str) {
    let digits = text.chars().take_while(char::is_ascii_digit).count();
    if digits == 4
        && let Ok(year) = text[..4].parse()
    {
        return (Some(year), text[4..].trim_start());
    }
    (None, text)
}

/// `Dec 24` or `2026 Dec 24` → (year, month, day).
fn parse_osm_date(text: &str) -> Option<(Option<i32>, u32, u32)> {
    let (year, rest) = take_year(text.trim());
    let (month, day) = rest.split_once(' ')?;
    Some((year, words::osm_month(month)?, day.trim().parse().ok()?))
}

/// `Jul`, `Jan-Mar`, `Dec 25`, `Dec 24-Dec 26`, `2026 Dec 24-2026 Dec 26`.
fn describe_monthday(text: &str, lang: Lang) -> Option<String> {
    let (year, rest) = take_year(text);
    // Month or month range, no day.
    if !rest.contains(' ') {
        let (first, last) = match rest.split_once('-') {
            Some((first, last)) => (words::osm_month(first)?, words::osm_month(last)?),
            None => (words::osm_month(rest)?, words::osm_month(rest)?),
        };
        let year_fr = year.map(|y| format!(" {y}")).unwrap_or_default();
        return Some(match (lang, first == last) {
            (Lang::Fr, true) => {
                format!("en {}{year_fr}", words::fr_month(first))
            }
            (Lang::En, true) => format!("in {}{year_fr}", words::en_month(first)),
            (Lang::Fr, false) => format!(
                "de {} à {}{year_fr}",
                words::fr_month(first),
                words::fr_month(last)
            ),
            (Lang::En, false) => format!(
                "from {} to {}{year_fr}",
                words::en_month(first),
                words::en_month(last)
            ),
        });
    }
    // Dates: split on the hyphen that separates two dates (dates themselves have none).
    let (start, end) = match text.split_once('-') {
        Some((start, end)) => (parse_osm_date(start)?, Some(end)),
        None => (parse_osm_date(text)?, None),
    };
    let end = match end {
        None => start,
        Some(end) => match parse_osm_date(end) {
            Some(date) => date,
            // `Dec 24-26`: a bare day in the same month.
            None => (start.0, start.1, end.trim().parse().ok()?),
        },
    };
    let dated = start.0.is_some() || end.0.is_some();
    // Without a year the dates come back every year: any leap year validates Feb 29.
    let to_date = |(year, month, day): (Option<i32>, u32, u32)| {
        NaiveDate::from_ymd_opt(year.unwrap_or(2000), month, day)
    };
    let (first, last) = (to_date(start)?, to_date(end)?);
    Some(match lang {
        Lang::Fr => words::fr_date_span(first, last, dated),
        Lang::En => words::en_date_span(first, last, dated),
    })
}

/// Words shared by the hours and recurrence renderings.
pub(crate) mod words {
    use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike, Weekday};

    pub(crate) const OSM_MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];

    const FR_MONTHS: [&str; 12] = [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ];

    const EN_MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];

    /// French day names and abbreviations people type instead of `Mo`..`Su`.
    pub(crate) const FRENCH_DAY_WORDS: &[&str] = &[
        "lu",
        "lun",
        "lundi",
        "ma",
        "mardi",
        "me",
        "mer",
        "mercredi",
        "je",
        "jeu",
        "jeudi",
        "ve",
        "ven",
        "vendredi",
        "sam",
        "samedi",
        "di",
        "dim",
        "dimanche",
        "lundis",
        "mardis",
        "mercredis",
        "jeudis",
        "vendredis",
        "samedis",
        "dimanches",
    ];

    /// French month names and abbreviations people type instead of `Jan`..`Dec`.
    pub(crate) const FRENCH_MONTH_WORDS: &[&str] = &[
        "janvier",
        "janv",
        "février",
        "fevrier",
        "févr",
        "fevr",
        "fév",
        "fev",
        "mars",
        "avril",
        "avr",
        "mai",
        "juin",
        "juillet",
        "juil",
        "août",
        "aout",
        "septembre",
        "sept",
        "octobre",
        "novembre",
        "décembre",
        "decembre",
        "déc",
    ];

    pub(crate) fn osm_weekday(text: &str) -> Option<Weekday> {
        Some(match text {
            "Mo" => Weekday::Mon,
            "Tu" => Weekday::Tue,
            "We" => Weekday::Wed,
            "Th" => Weekday::Thu,
            "Fr" => Weekday::Fri,
            "Sa" => Weekday::Sat,
            "Su" => Weekday::Sun,
            _ => return None,
        })
    }

    /// `Jan` → 1.
    pub(crate) fn osm_month(text: &str) -> Option<u32> {
        let index = OSM_MONTHS.iter().position(|m| *m == text)?;
        u32::try_from(index).ok().map(|i| i + 1)
    }

    pub(crate) fn fr_weekday(day: Weekday) -> &'static str {
        match day {
            Weekday::Mon => "lundi",
            Weekday::Tue => "mardi",
            Weekday::Wed => "mercredi",
            Weekday::Thu => "jeudi",
            Weekday::Fri => "vendredi",
            Weekday::Sat => "samedi",
            Weekday::Sun => "dimanche",
        }
    }

    pub(crate) fn en_weekday(day: Weekday) -> &'static str {
        match day {
            Weekday::Mon => "Monday",
            Weekday::Tue => "Tuesday",
            Weekday::Wed => "Wednesday",
            Weekday::Thu => "Thursday",
            Weekday::Fri => "Friday",
            Weekday::Sat => "Saturday",
            Weekday::Sun => "Sunday",
        }
    }

    /// 1 → "janvier"; out of range → "".
    pub(crate) fn fr_month(month: u32) -> &'static str {
        month
            .checked_sub(1)
            .and_then(|i| FR_MONTHS.get(i as usize))
            .copied()
            .unwrap_or_default()
    }

    /// 1 → "January"; out of range → "".
    pub(crate) fn en_month(month: u32) -> &'static str {
        month
            .checked_sub(1)
            .and_then(|i| EN_MONTHS.get(i as usize))
            .copied()
            .unwrap_or_default()
    }

    /// 1 → "premier", -1 → "dernier".
    pub(crate) fn fr_ordinal(n: i32) -> Option<&'static str> {
        Some(match n {
            1 => "premier",
            2 => "deuxième",
            3 => "troisième",
            4 => "quatrième",
            5 => "cinquième",
            -1 => "dernier",
            -2 => "avant-dernier",
            _ => return None,
        })
    }

    /// 1 → "first", -1 → "last".
    pub(crate) fn en_ordinal(n: i32) -> Option<&'static str> {
        Some(match n {
            1 => "first",
            2 => "second",
            3 => "third",
            4 => "fourth",
            5 => "fifth",
            -1 => "last",
            -2 => "second to last",
            _ => return None,
        })
    }

    /// 9:00 → "9 h", 9:30 → "9 h 30" (the French typographic form).
    pub(crate) fn fr_time(hour: u32, minute: u32) -> String {
        if minute == 0 {
            format!("{hour} h")
        } else {
            format!("{hour} h {minute:02}")
        }
    }

    /// Like [`fr_time`] for rule times: 00:00 and 24:00 are "minuit", 25:00 is "1 h".
    pub(crate) fn fr_clock(hour: u32, minute: u32) -> String {
        if minute == 0 && (hour == 0 || hour == 24) {
            "minuit".to_owned()
        } else {
            fr_time(hour % 24, minute)
        }
    }

    /// 9:00 → "09:00".
    pub(crate) fn en_time(hour: u32, minute: u32) -> String {
        format!("{hour:02}:{minute:02}")
    }

    /// Like [`en_time`] for rule times: 00:00 and 24:00 are "midnight", 25:00 is "01:00".
    pub(crate) fn en_clock(hour: u32, minute: u32) -> String {
        if minute == 0 && (hour == 0 || hour == 24) {
            "midnight".to_owned()
        } else {
            en_time(hour % 24, minute)
        }
    }

    /// "1er mai", "25 décembre 2026".
    pub(crate) fn fr_date(date: NaiveDate, with_year: bool) -> String {
        let day = if date.day() == 1 {
            "1er".to_owned()
        } else {
            date.day().to_string()
        };
        let year = if with_year {
            format!(" {}", date.year())
        } else {
            String::new()
        };
        format!("{day} {}{year}", fr_month(date.month()))
    }

    /// "1 May", "25 December 2026".
    pub(crate) fn en_date(date: NaiveDate, with_year: bool) -> String {
        let year = if with_year {
            format!(" {}", date.year())
        } else {
            String::new()
        };
        format!("{} {}{year}", date.day(), en_month(date.month()))
    }

    /// "le 25 décembre", "du 24 au 26 décembre 2026", "du 30 décembre 2026 au 2 janvier 2027".
    pub(crate) fn fr_date_span(first: NaiveDate, last: NaiveDate, with_year: bool) -> String {
        if first == last {
            return format!("le {}", fr_date(first, with_year));
        }
        let same_month = first.year() == last.year() && first.month() == last.month();
        let start = if same_month {
            fr_date(first, false)
                .split(' ')
                .next()
                .unwrap_or_default()
                .to_owned()
        } else {
            fr_date(first, with_year && first.year() != last.year())
        };
        format!("du {start} au {}", fr_date(last, with_year))
    }

    /// "on 25 December", "from 24 to 26 December 2026".
    pub(crate) fn en_date_span(first: NaiveDate, last: NaiveDate, with_year: bool) -> String {
        if first == last {
            return format!("on {}", en_date(first, with_year));
        }
        let same_month = first.year() == last.year() && first.month() == last.month();
        let start = if same_month {
            first.day().to_string()
        } else {
            en_date(first, with_year && first.year() != last.year())
        };
        format!("from {start} to {}", en_date(last, with_year))
    }

    /// "à 12 h", "demain à 9 h", "lundi à 9 h", "le 2 janvier à 9 h", relative to `today`.
    /// A closing at 00:00 is said as midnight of the day before ("ferme à minuit").
    pub(crate) fn fr_when(today: NaiveDate, when: NaiveDateTime, closing: bool) -> String {
        let (day, time) = day_and_time(when, closing, fr_time, "minuit");
        let days = (day - today).num_days();
        match days {
            0 => format!("à {time}"),
            1 => format!("demain à {time}"),
            2..=6 => format!("{} à {time}", fr_weekday(day.weekday())),
            _ => format!("le {} à {time}", fr_date(day, day.year() != today.year())),
        }
    }

    /// "at 12:00", "tomorrow at 09:00", "Monday at 09:00", "on 2 January at 09:00".
    pub(crate) fn en_when(today: NaiveDate, when: NaiveDateTime, closing: bool) -> String {
        let (day, time) = day_and_time(when, closing, en_time, "midnight");
        let days = (day - today).num_days();
        match days {
            0 => format!("at {time}"),
            1 => format!("tomorrow at {time}"),
            2..=6 => format!("{} at {time}", en_weekday(day.weekday())),
            _ => format!("on {} at {time}", en_date(day, day.year() != today.year())),
        }
    }

    fn day_and_time(
        when: NaiveDateTime,
        closing: bool,
        format: impl Fn(u32, u32) -> String,
        midnight: &str,
    ) -> (NaiveDate, String) {
        let date = when.date();
        if closing
            && when.hour() == 0
            && when.minute() == 0
            && let Some(previous) = date.pred_opt()
        {
            return (previous, midnight.to_owned());
        }
        (date, format(when.hour(), when.minute()))
    }

    /// "a", "a et b", "a, b et c".
    pub(crate) fn join_fr(items: &[String]) -> String {
        join_with(items, " et ")
    }

    /// "a", "a and b", "a, b and c".
    pub(crate) fn join_en(items: &[String]) -> String {
        join_with(items, " and ")
    }

    fn join_with(items: &[String], last_separator: &str) -> String {
        match items {
            [] => String::new(),
            [only] => only.clone(),
            [init @ .., last] => format!("{}{last_separator}{last}", init.join(", ")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use chrono_tz::Europe::Paris;

    fn hours(text: &str) -> OpeningHours {
        OpeningHours::parse(text).expect("valid")
    }

    /// A wall-clock time in Paris, as UTC.
    fn paris(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        Paris
            .with_ymd_and_hms(y, m, d, h, min, 0)
            .single()
            .expect("valid")
            .with_timezone(&Utc)
    }

    fn utc(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, h, min, 0)
            .single()
            .expect("valid")
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid")
    }

    fn error(text: &str) -> HoursError {
        OpeningHours::parse(text).expect_err("refused")
    }

    const WEEK: &str = "Mo-Fr 09:00-12:00,14:00-18:00; Sa 09:00-12:00";

    // -- parsing

    #[test]
    fn common_forms_of_french_public_places_parse() {
        for text in [
            WEEK,
            "24/7",
            "PH off",
            "Mo-Fr 09:00-12:00; PH off",
            "Mo,We,Fr 14:00-17:00",
            "Su,PH off",
            "Jan-Mar Mo 10:00-12:00",
            "Aug off",
            "2026 Dec 24-2026 Dec 26 off",
            "Mo-Fr 09:00-12:00 \"sur rendez-vous\"",
            "\"sur rendez-vous\"",
            "closed",
            "off",
            "Mo[1] 14:00-17:00",
            "Mo-Fr 18:00+",
            "Mo-Fr 08:00-12:00, We 14:00-18:00",
            "Mo-Fr 09:00-18:00 || \"sur rendez-vous\"",
            "Mo 9:00-12:00",
            "  Mo-Fr 09:00-12:00  ",
        ] {
            assert!(OpeningHours::parse(text).is_ok(), "{text}");
        }
    }

    #[test]
    fn the_text_is_kept_as_written_but_trimmed() {
        let parsed = hours("  Mo-Fr 09:00-12:00 ");
        assert_eq!(parsed.as_str(), "Mo-Fr 09:00-12:00");
        assert_eq!(parsed.to_string(), "Mo-Fr 09:00-12:00");
        assert_eq!(parsed.time_zone(), Paris);
        assert_eq!(
            "Mo-Fr 09:00-12:00".parse::<OpeningHours>().expect("valid"),
            parsed
        );
    }

    #[test]
    fn a_french_time_is_refused_where_it_is_written() {
        let err = error("Mo-Fr 9h-12h");
        assert_eq!(err.position, Some(7));
        assert_eq!(err.found.as_deref(), Some("9h"));
        assert_eq!(
            err.to_string(),
            "at character 7: expected a time like 09:00 (found \"9h\")"
        );
        assert_eq!(err.input, "Mo-Fr 9h-12h");
    }

    #[test]
    fn a_french_end_time_is_refused_too() {
        let err = error("Mo-Fr 09:00-12h");
        assert_eq!(err.position, Some(13));
        assert_eq!(err.found.as_deref(), Some("12h"));
        assert_eq!(err.reason, "expected a time like 09:00");
    }

    #[test]
    fn positions_count_the_spaces_that_were_trimmed() {
        assert_eq!(error("  Mo-Fr 9h-12h").position, Some(9));
    }

    #[test]
    fn positions_count_characters_not_bytes() {
        let err = error("Mo-Fr 09:00-12:00 \"café\"; Sa 9h");
        assert_eq!(err.position, Some(30));
        assert_eq!(err.found.as_deref(), Some("9h"));
    }

    #[test]
    fn french_day_names_are_refused_with_the_english_ones_suggested() {
        let err = error("Lu-Ve 09:00-12:00");
        assert_eq!(err.position, Some(1));
        assert_eq!(err.found.as_deref(), Some("Lu"));
        assert!(err.reason.contains("Mo, Tu, We, Th, Fr, Sa or Su"), "{err}");
    }

    #[test]
    fn french_month_names_are_refused_with_the_english_ones_suggested() {
        let err = error("janvier-mars Mo 10:00-12:00");
        assert_eq!(err.position, Some(1));
        assert!(err.reason.contains("Jan, Feb"), "{err}");
    }

    #[test]
    fn ferme_is_refused_with_off_suggested() {
        let err = error("Mo-Fr 09:00-12:00 fermé");
        assert_eq!(err.position, Some(19));
        assert_eq!(err.found.as_deref(), Some("fermé"));
        assert!(err.reason.contains("\"off\""), "{err}");
    }

    #[test]
    fn an_en_dash_is_refused() {
        let err = error("Mo–Fr 09:00-12:00");
        assert_eq!(err.position, Some(3));
        assert_eq!(err.found.as_deref(), Some("–"));
        assert!(err.reason.contains("hyphen"), "{err}");
    }

    #[test]
    fn a_trailing_separator_is_refused_at_the_end() {
        let err = error("Mo-Fr 09:00-12:00;");
        assert_eq!(err.position, Some(19));
        assert_eq!(err.found, None);
        assert!(err.reason.contains("trailing separator"), "{err}");
    }

    #[test]
    fn a_time_without_its_end_is_refused() {
        let err = error("Mo-Fr 09:00-12:00,14:00");
        assert_eq!(err.position, Some(24));
        assert!(err.reason.contains("time range"), "{err}");
    }

    #[test]
    fn a_time_without_colon_is_refused() {
        let err = error("Mo-Fr 09:00-1200");
        assert_eq!(err.position, Some(13));
        assert_eq!(err.found.as_deref(), Some("1200"));
        assert_eq!(err.reason, "expected a time like 09:00");
    }

    #[test]
    fn times_with_a_space_or_a_dot_are_refused() {
        let err = error("Mo-Fr 9 h-12 h");
        assert_eq!(err.position, Some(7));
        assert_eq!(err.reason, "expected a time like 09:00");
        let err = error("Mo-Fr 09.00-12.00");
        assert_eq!(err.found.as_deref(), Some("09.00"));
        assert_eq!(err.reason, "expected a time like 09:00");
    }

    #[test]
    fn an_unclosed_comment_is_refused() {
        let err = error("Mo 10:00-12:00 \"sur rendez-vous");
        assert_eq!(err.position, Some(16));
        assert_eq!(err.reason, "a comment must end with a double quote");
        assert_eq!(err.found, None);
    }

    #[test]
    fn unknown_words_get_a_general_hint() {
        let err = error("Mo-Fr 09:00-12:00 toto");
        assert_eq!(err.position, Some(19));
        assert!(err.reason.contains("\";\" before the next rule"), "{err}");
        let err = error("n'importe quoi");
        assert_eq!(err.position, Some(1));
        assert!(err.reason.contains("Mo-Fr"), "{err}");
    }

    #[test]
    fn a_time_past_48_hours_is_refused_where_it_is_written() {
        let err = error("Mo 10:00-48:30");
        assert_eq!(err.position, Some(10));
        assert_eq!(err.found.as_deref(), Some("48:30"));
    }

    #[test]
    fn an_inverted_year_range_is_refused_where_it_is_written() {
        let err = error("2027-2026 Mo 10:00-12:00");
        assert_eq!(err.position, Some(1));
        assert_eq!(err.found.as_deref(), Some("2027-2026"));
        assert!(err.reason.contains("2026-2027"), "{err}");
    }

    #[test]
    fn empty_and_multiline_hours_are_refused() {
        assert_eq!(error("").reason, "the opening hours are empty");
        assert_eq!(error("   ").position, None);
        let err = error("Mo 10:00-12:00\nTu 10:00-12:00");
        assert_eq!(err.position, Some(15));
    }

    // -- evaluation

    #[test]
    fn open_and_closed_on_a_weekday() {
        let week = hours(WEEK);
        assert!(week.is_open(paris(2026, 3, 10, 10, 0))); // mardi
        assert!(!week.is_open(paris(2026, 3, 10, 12, 30)));
        assert!(week.is_open(paris(2026, 3, 10, 17, 59)));
        assert!(!week.is_open(paris(2026, 3, 10, 18, 0)));
        assert!(week.is_open(paris(2026, 3, 14, 11, 0))); // samedi
        assert!(!week.is_open(paris(2026, 3, 14, 15, 0)));
        assert!(!week.is_open(paris(2026, 3, 15, 10, 0))); // dimanche
    }

    #[test]
    fn hours_follow_paris_wall_clock_across_the_march_change() {
        let daily = hours("Mo-Su 09:00-18:00");
        // Saturday 28 March 2026, UTC+1: 9 h is 08:00 UTC.
        assert!(!daily.is_open(utc(2026, 3, 28, 7, 30)));
        assert!(daily.is_open(utc(2026, 3, 28, 8, 30)));
        // Sunday 29 March 2026, UTC+2 from 2 h: 9 h is 07:00 UTC.
        assert!(!daily.is_open(utc(2026, 3, 29, 6, 30)));
        assert!(daily.is_open(utc(2026, 3, 29, 7, 30)));
        assert_eq!(
            daily.next_change(utc(2026, 3, 28, 18, 0)),
            Some(utc(2026, 3, 29, 7, 0))
        );
    }

    #[test]
    fn a_night_span_lasts_one_hour_more_across_the_october_change() {
        let night = hours("Sa 22:00-04:00");
        // Saturday 24 October 2026 22 h (UTC+2) to Sunday 4 h (UTC+1): 7 real hours.
        let opens = paris(2026, 10, 24, 22, 0);
        assert_eq!(opens, utc(2026, 10, 24, 20, 0));
        assert!(night.is_open(utc(2026, 10, 25, 2, 30)));
        assert_eq!(
            night.next_change(utc(2026, 10, 24, 21, 0)),
            Some(utc(2026, 10, 25, 3, 0))
        );
    }

    #[test]
    fn next_change_finds_the_next_opening_and_closing() {
        let week = hours(WEEK);
        assert_eq!(
            week.next_change(paris(2026, 3, 10, 10, 0)),
            Some(paris(2026, 3, 10, 12, 0))
        );
        assert_eq!(
            week.next_change(paris(2026, 3, 13, 18, 30)), // vendredi soir
            Some(paris(2026, 3, 14, 9, 0))
        );
        assert_eq!(
            week.next_change(paris(2026, 3, 14, 12, 0)), // samedi midi
            Some(paris(2026, 3, 16, 9, 0))
        );
        assert_eq!(hours("24/7").next_change(paris(2026, 3, 10, 10, 0)), None);
        assert_eq!(hours("closed").next_change(paris(2026, 3, 10, 10, 0)), None);
    }

    #[test]
    fn next_change_looks_one_year_ahead_at_most() {
        // Found by fuzzing ("2028DecTu", a timeout): the crate's own search walks every day to
        // the year 9999 when a rule bounded by a year stops changing.
        let bounded = hours("2028 Dec Tu");
        assert_eq!(
            bounded.next_change(paris(2028, 6, 1, 10, 0)),
            Some(paris(2028, 12, 5, 0, 0))
        );
        assert_eq!(
            bounded.next_change(paris(2026, 3, 10, 10, 0)),
            None,
            "more than a year ahead"
        );
        assert_eq!(
            bounded.next_change(paris(2029, 3, 10, 10, 0)),
            None,
            "never again"
        );
        assert_eq!(
            hours("2028DecTu").next_change(paris(2029, 3, 10, 10, 0)),
            None
        );
    }

    #[test]
    fn public_holidays_are_french_ones() {
        let daily = hours("Mo-Su 09:00-18:00; PH off");
        assert!(!daily.is_open(paris(2026, 7, 14, 10, 0))); // 14 juillet
        assert!(!daily.is_open(paris(2027, 3, 29, 10, 0))); // lundi de Pâques 2027
        assert!(daily.is_open(paris(2027, 3, 30, 10, 0)));
        assert!(!daily.is_open(paris(2027, 5, 6, 10, 0))); // Ascension 2027
        assert!(!daily.is_open(paris(2027, 5, 17, 10, 0))); // lundi de Pentecôte 2027
        assert!(daily.is_open(paris(2027, 7, 13, 10, 0)));
        let holidays_only = hours("PH 10:00-12:00");
        assert!(holidays_only.is_open(paris(2026, 11, 11, 11, 0)));
        assert!(!holidays_only.is_open(paris(2026, 11, 12, 11, 0)));
    }

    #[test]
    fn computed_holidays_match_the_crate_calendar() {
        let calendar = Country::FR.holidays();
        for year in 2024..=2040 {
            let ours = french_public_holidays(year);
            assert_eq!(ours.len(), 11);
            let mut day = date(year, 1, 1);
            while day.year() == year {
                assert_eq!(
                    calendar.get_public().contains(day),
                    ours.contains(&day),
                    "{day}"
                );
                day = day.succ_opt().expect("valid");
            }
        }
        assert!(french_public_holidays(2027).contains(&date(2027, 3, 29)));
    }

    #[test]
    fn native_closure_syntax_closes_those_days() {
        let hours = hours("Mo-Fr 09:00-18:00; 2026 Dec 24-2026 Dec 26 off");
        assert!(hours.is_open(paris(2026, 12, 23, 10, 0)));
        assert!(!hours.is_open(paris(2026, 12, 24, 10, 0)));
        assert!(hours.is_open(paris(2027, 12, 24, 10, 0)));
    }

    #[test]
    fn closures_close_whole_days() {
        let week = hours("Mo-Fr 09:00-18:00")
            .with_closures(&[date(2026, 5, 15)])
            .expect("valid");
        assert!(week.is_open(paris(2026, 5, 14, 10, 0)));
        assert!(!week.is_open(paris(2026, 5, 15, 10, 0)));
        assert_eq!(
            week.state(paris(2026, 5, 15, 10, 0)).status,
            HoursStatus::Closed
        );
        assert_eq!(
            week.next_change(paris(2026, 5, 14, 18, 30)),
            Some(paris(2026, 5, 18, 9, 0))
        );
        assert_eq!(week.closures().collect::<Vec<_>>(), [date(2026, 5, 15)]);
        // The rule text is unchanged; the closure is its own line.
        assert_eq!(week.as_str(), "Mo-Fr 09:00-18:00");
    }

    #[test]
    fn a_closure_cuts_a_night_span_from_the_day_before() {
        let night = hours("Fr 22:00-02:00")
            .with_closures(&[date(2026, 5, 16)])
            .expect("valid");
        assert!(night.is_open(paris(2026, 5, 15, 23, 0)));
        assert!(!night.is_open(paris(2026, 5, 16, 1, 0)));
    }

    #[test]
    fn closures_apply_after_a_fallback_rule() {
        let hours = hours("Mo-Fr 10:00-12:00 || \"sur rendez-vous\"")
            .with_closures(&[date(2026, 12, 24)])
            .expect("valid");
        assert_eq!(
            hours.state(paris(2026, 12, 24, 11, 0)).status,
            HoursStatus::Closed
        );
        assert!(hours.is_open(paris(2026, 12, 23, 11, 0)));
    }

    #[test]
    fn closures_replace_earlier_ones_and_refuse_impossible_years() {
        let week = hours("Mo-Fr 09:00-18:00")
            .with_closures(&[date(2026, 5, 15)])
            .expect("valid")
            .with_closures(&[])
            .expect("valid");
        assert!(week.is_open(paris(2026, 5, 15, 10, 0)));
        assert!(hours("24/7").with_closures(&[date(1850, 1, 1)]).is_err());
    }

    #[test]
    fn instants_far_outside_the_calendar_do_not_panic() {
        let week = hours(WEEK);
        for at in [DateTime::<Utc>::MIN_UTC, DateTime::<Utc>::MAX_UTC] {
            assert!(!week.is_open(at));
            let _ = week.next_change(at);
            let _ = week.state_fr(at);
        }
    }

    #[test]
    fn state_carries_the_comment() {
        let appointment = hours("Mo-Fr 09:00-12:00 \"sur rendez-vous\"");
        assert_eq!(
            appointment.state(paris(2026, 3, 10, 10, 0)),
            HoursState {
                status: HoursStatus::Open,
                comment: Some("sur rendez-vous".to_owned()),
            }
        );
        let unsure = hours("Mo-Fr 09:00-12:00 unknown");
        assert_eq!(
            unsure.state(paris(2026, 3, 10, 10, 0)).status,
            HoursStatus::Unknown
        );
        assert_eq!(
            unsure.state(paris(2026, 3, 10, 13, 0)),
            HoursState {
                status: HoursStatus::Closed,
                comment: None
            }
        );
    }

    #[test]
    fn another_time_zone_moves_the_hours() {
        let martinique =
            OpeningHours::parse_in("Mo-Fr 09:00-12:00", chrono_tz::America::Martinique)
                .expect("valid");
        // 9 h in Martinique (UTC-4) is 13:00 UTC.
        assert!(!martinique.is_open(utc(2026, 3, 10, 12, 30)));
        assert!(martinique.is_open(utc(2026, 3, 10, 13, 30)));
        let back = martinique.with_time_zone(Paris);
        assert!(back.is_open(utc(2026, 3, 10, 9, 0)));
    }

    #[test]
    fn state_in_french() {
        let week = hours(WEEK);
        assert_eq!(
            week.state_fr(paris(2026, 3, 10, 10, 0)),
            "Ouvert maintenant — ferme à 12 h"
        );
        assert_eq!(
            week.state_fr(paris(2026, 3, 10, 12, 30)),
            "Fermé — ouvre à 14 h"
        );
        assert_eq!(
            week.state_fr(paris(2026, 3, 10, 19, 0)),
            "Fermé — ouvre demain à 9 h"
        );
        assert_eq!(
            week.state_fr(paris(2026, 3, 14, 13, 0)),
            "Fermé — ouvre lundi à 9 h"
        );
        assert_eq!(
            hours("Mo-Fr 09:30-12:00").state_fr(paris(2026, 3, 10, 8, 0)),
            "Fermé — ouvre à 9 h 30"
        );
        assert_eq!(
            hours("Mo-Fr 18:00-24:00").state_fr(paris(2026, 3, 10, 19, 0)),
            "Ouvert maintenant — ferme à minuit"
        );
        assert_eq!(
            hours("24/7").state_fr(paris(2026, 3, 10, 19, 0)),
            "Ouvert maintenant"
        );
        assert_eq!(hours("closed").state_fr(paris(2026, 3, 10, 19, 0)), "Fermé");
        assert_eq!(
            hours("Jul 10:00-12:00").state_fr(paris(2026, 3, 10, 19, 0)),
            "Fermé — ouvre le 1er juillet à 10 h"
        );
        assert_eq!(
            hours("Mo-Fr 09:00-12:00 \"sur rendez-vous\"").state_fr(paris(2026, 3, 10, 10, 0)),
            "Ouvert maintenant (sur rendez-vous) — ferme à 12 h"
        );
    }

    #[test]
    fn state_in_english() {
        let week = hours(WEEK);
        assert_eq!(
            week.state_en(paris(2026, 3, 10, 10, 0)),
            "Open now — closes at 12:00"
        );
        assert_eq!(
            week.state_en(paris(2026, 3, 14, 13, 0)),
            "Closed — opens Monday at 09:00"
        );
        assert_eq!(
            week.state_en(paris(2026, 3, 10, 19, 0)),
            "Closed — opens tomorrow at 09:00"
        );
    }

    #[test]
    fn state_on_an_exceptional_closure_day() {
        let week = hours(WEEK)
            .with_closures(&[date(2026, 3, 10)])
            .expect("valid");
        assert_eq!(
            week.state_fr(paris(2026, 3, 10, 10, 0)),
            "Fermé — ouvre demain à 9 h"
        );
    }

    // -- descriptions

    fn fr(text: &str) -> String {
        hours(text).describe_fr()
    }

    fn en(text: &str) -> String {
        hours(text).describe_en()
    }

    #[test]
    fn describes_a_week_in_french_and_english() {
        assert_eq!(
            fr(WEEK),
            "du lundi au vendredi, de 9 h à 12 h et de 14 h à 18 h ; le samedi, de 9 h à 12 h"
        );
        assert_eq!(
            en(WEEK),
            "Monday to Friday, 09:00–12:00 and 14:00–18:00; on Saturday, 09:00–12:00"
        );
        assert_eq!(
            hours(WEEK).describe_fr_lines(),
            [
                "du lundi au vendredi, de 9 h à 12 h et de 14 h à 18 h",
                "le samedi, de 9 h à 12 h"
            ]
        );
    }

    #[test]
    fn describes_the_common_forms_in_french() {
        for (text, expected) in [
            ("PH off", "fermé les jours fériés"),
            ("24/7", "ouvert tout le temps"),
            ("closed", "fermé"),
            ("off", "fermé"),
            (
                "Mo-Fr 09:30-12:00",
                "du lundi au vendredi, de 9 h 30 à 12 h",
            ),
            (
                "Mo,We,Fr 14:00-17:00",
                "le lundi, le mercredi et le vendredi, de 14 h à 17 h",
            ),
            ("Su,PH off", "fermé le dimanche et les jours fériés"),
            (
                "Jan-Mar Mo 10:00-12:00",
                "de janvier à mars, le lundi, de 10 h à 12 h",
            ),
            ("Aug off", "fermé en août"),
            (
                "2026 Dec 24-2026 Dec 26 off",
                "fermé du 24 au 26 décembre 2026",
            ),
            ("Dec 24-26 off", "fermé du 24 au 26 décembre"),
            ("Dec 25 off", "fermé le 25 décembre"),
            ("May 1 off", "fermé le 1er mai"),
            (
                "Mo-Fr 09:00-12:00 \"sur rendez-vous\"",
                "du lundi au vendredi, de 9 h à 12 h (sur rendez-vous)",
            ),
            ("\"sur rendez-vous\"", "sur rendez-vous"),
            ("Tu \"sur rendez-vous\"", "le mardi : sur rendez-vous"),
            (
                "Mo[1] 14:00-17:00",
                "le premier lundi du mois, de 14 h à 17 h",
            ),
            (
                "Sa[1,3] 10:00-12:00",
                "le premier et le troisième samedi du mois, de 10 h à 12 h",
            ),
            (
                "Fr[-1] 14:00-17:00",
                "le dernier vendredi du mois, de 14 h à 17 h",
            ),
            ("Mo-Fr 18:00+", "du lundi au vendredi, à partir de 18 h"),
            ("10:00-18:00", "tous les jours, de 10 h à 18 h"),
            ("Mo-Su 10:00-18:00", "tous les jours, de 10 h à 18 h"),
            (
                "Mo-Fr 18:00-24:00",
                "du lundi au vendredi, de 18 h à minuit",
            ),
            ("Mo 22:00-02:00", "le lundi, de 22 h à 2 h"),
            (
                "Mo-Fr 09:00-12:00 unknown",
                "du lundi au vendredi, de 9 h à 12 h (ouverture non garantie)",
            ),
            ("Mo 12:00-14:00 off", "le lundi, fermé de 12 h à 14 h"),
            ("Sa", "le samedi, toute la journée"),
            (
                "Mo-Fr 08:00-12:00, We 14:00-18:00",
                "du lundi au vendredi, de 8 h à 12 h ; ainsi que le mercredi, de 14 h à 18 h",
            ),
            (
                "Mo-Fr 09:00-18:00 || \"sur rendez-vous\"",
                "du lundi au vendredi, de 9 h à 18 h ; sinon, sur rendez-vous",
            ),
            (
                "2026 Jul-Aug Mo-Fr 10:00-12:00",
                "en 2026, de juillet à août, du lundi au vendredi, de 10 h à 12 h",
            ),
            (
                "Mo-Fr 09:00-12:00; PH off",
                "du lundi au vendredi, de 9 h à 12 h ; fermé les jours fériés",
            ),
        ] {
            assert_eq!(fr(text), expected, "{text}");
        }
    }

    #[test]
    fn describes_the_common_forms_in_english() {
        for (text, expected) in [
            ("PH off", "closed on public holidays"),
            ("24/7", "open 24/7"),
            ("closed", "closed"),
            ("Su,PH off", "closed on Sunday and on public holidays"),
            (
                "Jan-Mar Mo 10:00-12:00",
                "from January to March, on Monday, 10:00–12:00",
            ),
            (
                "2026 Dec 24-2026 Dec 26 off",
                "closed from 24 to 26 December 2026",
            ),
            (
                "Mo[1] 14:00-17:00",
                "on the first Monday of the month, 14:00–17:00",
            ),
            ("Mo-Fr 18:00+", "Monday to Friday, from 18:00"),
            ("10:00-18:00", "every day, 10:00–18:00"),
            ("Mo-Fr 18:00-24:00", "Monday to Friday, 18:00–midnight"),
            (
                "Mo-Fr 09:00-12:00 \"sur rendez-vous\"",
                "Monday to Friday, 09:00–12:00 (sur rendez-vous)",
            ),
            (
                "Mo-Fr 08:00-12:00, We 14:00-18:00",
                "Monday to Friday, 08:00–12:00; and also on Wednesday, 14:00–18:00",
            ),
        ] {
            assert_eq!(en(text), expected, "{text}");
        }
    }

    #[test]
    fn rules_it_cannot_describe_are_given_as_written() {
        assert_eq!(fr("Mo sunrise-sunset"), "Mo sunrise-sunset");
        assert_eq!(
            fr("week 01-10 Mo 10:00-12:00; Sa 10:00-12:00"),
            "week01-10 Mo 10:00-12:00 ; le samedi, de 10 h à 12 h"
        );
        assert_eq!(en("Mo 10:00-12:00/01:00"), "Mo 10:00-12:00/01:00");
    }

    #[test]
    fn closures_are_described_after_the_rules() {
        let week = hours("Mo-Fr 09:00-18:00")
            .with_closures(&[
                date(2026, 12, 24),
                date(2026, 12, 25),
                date(2026, 12, 26),
                date(2027, 1, 1),
            ])
            .expect("valid");
        assert_eq!(
            week.describe_fr_lines(),
            [
                "du lundi au vendredi, de 9 h à 18 h",
                "fermeture exceptionnelle du 24 au 26 décembre 2026",
                "fermeture exceptionnelle le 1er janvier 2027",
            ]
        );
        assert_eq!(
            week.describe_en(),
            "Monday to Friday, 09:00–18:00; exceptionally closed from 24 to 26 December 2026; \
             exceptionally closed on 1 January 2027"
        );
    }
}

#[cfg(test)]
mod fuzz_regressions {
    use super::*;

    /// Inputs the fuzzer found (fuzz/crashes-found) made evaluation run for seconds: Easter
    /// rules are refused, with their position.
    #[test]
    fn easter_rules_are_refused_with_their_position() {
        for input in ["easter Mo 10:00-12:00", "easterweek 01-53/2 Mo 10:00-12:00"] {
            let err = OpeningHours::parse(input).expect_err("refused");
            assert_eq!(err.position, Some(1), "{input}");
            assert!(err.reason.contains("Easter"), "{}", err.reason);
        }
        let err = OpeningHours::parse("Mo-Fr 09:00-12:00; easter off").expect_err("refused");
        assert_eq!(err.position, Some(20));
    }
}
