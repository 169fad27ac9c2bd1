//! Events (ateliers, permanences, rencontres): validation and the one-line summary that
//! Mastodon shows.
//!
//! Mastodon renders an `Event` with only its `name`, `summary` and a link (FEP-8a8e,
//! "Compatibility"), so every event carries a human line: what, when, where, price —
//! "Atelier smartphone — sam. 10 janv. 14h–16h — Médiathèque de Saint-Clair — gratuit".

use crate::place::{GeoPoint, PostalAddress, parse_web_url};
use crate::validation::{ValidationErrors, non_empty, optional_text, required_text};
use chrono::{DateTime, Datelike, Timelike, Utc};
use chrono_tz::Tz;
use serde::Deserialize;
use url::Url;

/// Where an event happens.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EventLocation {
    /// Name of the venue ("Médiathèque de Saint-Clair").
    pub name: Option<String>,
    /// Postal address.
    pub address: PostalAddress,
    /// Position for maps.
    pub geo: Option<GeoPoint>,
}

impl EventLocation {
    /// Whether nothing is known about the location.
    pub fn is_empty(&self) -> bool {
        self.name.is_none() && self.address.is_empty() && self.geo.is_none()
    }
}

/// A validated event.
#[derive(Debug, Clone, PartialEq)]
pub struct NewEvent {
    /// What it is ("Atelier smartphone").
    pub name: String,
    /// A longer plain-text description, shown as the event's content.
    pub description: Option<String>,
    /// When it starts.
    pub start: DateTime<Utc>,
    /// When it ends, after `start`.
    pub end: Option<DateTime<Utc>>,
    /// IANA time zone in which times are shown (`Europe/Paris`).
    pub timezone: Tz,
    /// Where it happens.
    pub location: Option<EventLocation>,
    /// Link to follow it online, when it is (also) online.
    pub online_url: Option<Url>,
    /// Price in plain words ("gratuit", "5 €").
    pub price: Option<String>,
    /// Maximum number of participants.
    pub capacity: Option<u32>,
    /// Where to register, when registration happens elsewhere (Mobilizon's
    /// `externalParticipationUrl`).
    pub registration_url: Option<Url>,
    /// FEP-8a8e status.
    pub status: EventStatus,
    /// FEP-8a8e category (`WORKSHOP`… as in the vocabulary), when given.
    pub category: Option<String>,
    /// Easy-read one-line summary.
    pub summary_falc: Option<String>,
    /// Easy-read description.
    pub description_falc: Option<String>,
    /// The RRULE of a recurring permanence (checked, normalised), when it recurs.
    pub recurrence: Option<String>,
    /// An uploaded image (its public id) shown as the event's banner.
    pub banner: Option<String>,
}

/// FEP-8a8e `eventStatus`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum EventStatus {
    /// As planned.
    #[default]
    Scheduled,
    /// Will not happen.
    Cancelled,
    /// Will happen later, date unknown.
    Postponed,
    /// Moved to another date.
    Rescheduled,
    /// Now happens online.
    MovedOnline,
}

impl EventStatus {
    /// Parses `scheduled`, `cancelled`, `postponed`, `rescheduled`, `moved-online` (or the
    /// FEP-8a8e names).
    pub fn parse(raw: &str) -> Result<Self, String> {
        match raw.trim().to_ascii_lowercase().replace('_', "-").as_str() {
            "scheduled" | "eventscheduled" => Ok(EventStatus::Scheduled),
            "cancelled" | "canceled" | "eventcancelled" => Ok(EventStatus::Cancelled),
            "postponed" | "eventpostponed" => Ok(EventStatus::Postponed),
            "rescheduled" | "eventrescheduled" => Ok(EventStatus::Rescheduled),
            "moved-online" | "eventmovedonline" => Ok(EventStatus::MovedOnline),
            _ => Err(format!(
                "must be scheduled, cancelled, postponed, rescheduled or moved-online (found {raw:?})"
            )),
        }
    }

    /// The FEP-8a8e name.
    pub fn as_ap(self) -> &'static str {
        match self {
            EventStatus::Scheduled => "EventScheduled",
            EventStatus::Cancelled => "EventCancelled",
            EventStatus::Postponed => "EventPostponed",
            EventStatus::Rescheduled => "EventRescheduled",
            EventStatus::MovedOnline => "EventMovedOnline",
        }
    }

    /// Reads a stored FEP-8a8e name.
    pub fn from_ap(name: &str) -> Self {
        Self::parse(name).unwrap_or_default()
    }

    /// What the one-line summary starts with, so that Mastodon readers see it first.
    pub fn prefix(self) -> Option<&'static str> {
        match self {
            EventStatus::Cancelled => Some("ANNULÉ"),
            EventStatus::Postponed => Some("REPORTÉ"),
            EventStatus::MovedOnline => Some("EN LIGNE"),
            EventStatus::Scheduled | EventStatus::Rescheduled => None,
        }
    }
}

/// Raw input for an event.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawEvent {
    pub name: Option<String>,
    /// Short description; becomes the event's content.
    pub summary: Option<String>,
    pub start: Option<String>,
    pub end: Option<String>,
    pub timezone: Option<String>,
    pub location_name: Option<String>,
    pub address: Option<String>,
    pub postal_code: Option<String>,
    pub city: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub online_url: Option<String>,
    pub price: Option<String>,
    pub capacity: Option<u32>,
    pub registration_url: Option<String>,
    pub status: Option<String>,
    pub category: Option<String>,
    pub summary_falc: Option<String>,
    pub description_falc: Option<String>,
    /// RRULE of a recurring permanence (`FREQ=WEEKLY;BYDAY=TU`).
    pub rrule: Option<String>,
    /// Public id of an uploaded image to show as the banner.
    pub banner: Option<String>,
}

/// The largest capacity we accept (a stadium, not a typo).
pub const CAPACITY_MAX: u32 = 1_000_000;

/// The default time zone of a French place.
pub const DEFAULT_TIMEZONE: Tz = chrono_tz::Europe::Paris;

fn parse_time(
    errors: &mut ValidationErrors,
    field: &str,
    raw: Option<&str>,
    required: bool,
) -> Option<DateTime<Utc>> {
    match non_empty(raw) {
        None => {
            if required {
                errors.add(
                    field,
                    "is required (RFC 3339, like 2027-01-10T14:00:00+01:00)",
                );
            }
            None
        }
        Some(raw) => match DateTime::parse_from_rfc3339(&raw) {
            Ok(t) => Some(t.with_timezone(&Utc)),
            Err(err) => {
                errors.add(
                    field,
                    format!(
                        "is not an RFC 3339 date and time like 2027-01-10T14:00:00+01:00 ({err}; found {raw:?})"
                    ),
                );
                None
            }
        },
    }
}

impl NewEvent {
    /// Parses raw input, reporting every invalid field.
    pub fn parse(raw: RawEvent) -> Result<Self, ValidationErrors> {
        let mut errors = ValidationErrors::new();
        let name = required_text(&mut errors, "name", raw.name.as_deref(), 200);
        let description = optional_text(&mut errors, "summary", raw.summary.as_deref(), 5000);
        let start = parse_time(&mut errors, "start", raw.start.as_deref(), true);
        let end = parse_time(&mut errors, "end", raw.end.as_deref(), false);
        if let (Some(s), Some(e)) = (start, end)
            && e <= s
        {
            errors.add("end", "must be after the start");
        }
        let timezone = match non_empty(raw.timezone.as_deref()) {
            None => DEFAULT_TIMEZONE,
            Some(tz) => match tz.parse::<Tz>() {
                Ok(tz) => tz,
                Err(_) => {
                    errors.add(
                        "timezone",
                        format!("is not an IANA time zone like Europe/Paris (found {tz:?})"),
                    );
                    DEFAULT_TIMEZONE
                }
            },
        };
        let place = crate::place::RawPlaceUpdate {
            address: raw.address,
            postal_code: raw.postal_code,
            city: raw.city,
            lat: raw.lat,
            lon: raw.lon,
            ..Default::default()
        }
        .apply(Default::default());
        let mut location = EventLocation {
            name: optional_text(
                &mut errors,
                "location_name",
                raw.location_name.as_deref(),
                200,
            ),
            ..Default::default()
        };
        match place {
            Ok(p) => {
                location.address = p.address;
                location.geo = p.geo;
            }
            Err(e) => errors.errors.extend(e.errors),
        }
        let online_url = non_empty(raw.online_url.as_deref())
            .and_then(|u| errors.check("online_url", parse_web_url(&u)));
        let registration_url = non_empty(raw.registration_url.as_deref())
            .and_then(|u| errors.check("registration_url", parse_web_url(&u)));
        let price = optional_text(&mut errors, "price", raw.price.as_deref(), 80);
        match raw.capacity {
            Some(0) => errors.add("capacity", "must be at least 1 when given"),
            Some(c) if c > CAPACITY_MAX => {
                errors.add("capacity", format!("must be at most {CAPACITY_MAX}"))
            }
            _ => {}
        }
        let status = match non_empty(raw.status.as_deref()) {
            None => EventStatus::Scheduled,
            Some(s) => errors
                .check("status", EventStatus::parse(&s))
                .unwrap_or_default(),
        };
        let category = non_empty(raw.category.as_deref()).and_then(|c| {
            let concept = crate::vocab::from_fep_8a8e(&c.to_ascii_uppercase())
                .or_else(|| crate::vocab::resolve(crate::vocab::Scheme::EventCategory, &c));
            match concept.and_then(|k| k.fep_8a8e()) {
                Some(code) => Some(code.to_string()),
                None => {
                    errors.add(
                        "category",
                        format!(
                            "{c:?} is not a FEP-8a8e event category such as WORKSHOPS_SKILL_SHARING; the list is at /vocab"
                        ),
                    );
                    None
                }
            }
        });
        let summary_falc = optional_text(
            &mut errors,
            "summary_falc",
            raw.summary_falc.as_deref(),
            280,
        );
        let description_falc = optional_text(
            &mut errors,
            "description_falc",
            raw.description_falc.as_deref(),
            5000,
        );
        let recurrence =
            match (non_empty(raw.rrule.as_deref()), start) {
                (Some(rule), Some(start)) => {
                    let parsed = crate::recurrence::Recurrence::parse(&rule, start, timezone)
                        .and_then(|r| match end {
                            Some(end) if end > start => r.with_end(end),
                            _ => Ok(r),
                        });
                    errors.check("rrule", parsed).map(|r| r.rule_text())
                }
                _ => None,
            };
        match (name, start, errors.is_empty()) {
            (Some(name), Some(start), true) => Ok(NewEvent {
                banner: non_empty(raw.banner.as_deref()),
                recurrence,
                status,
                category,
                summary_falc,
                description_falc,
                name,
                description,
                start,
                end,
                timezone,
                location: (!location.is_empty()).then_some(location),
                online_url,
                price,
                capacity: raw.capacity,
                registration_url,
            }),
            _ => Err(errors),
        }
    }

    /// The one-line human summary Mastodon shows.
    pub fn summary_line(&self) -> String {
        let where_ = self.location.as_ref().and_then(|l| {
            l.name
                .clone()
                .or_else(|| l.address.locality.clone())
                .or_else(|| l.address.one_line())
        });
        let where_ = where_.or_else(|| self.online_url.as_ref().map(|_| "en ligne".to_string()));
        let line = summary_line(
            &self.name,
            self.start,
            self.end,
            self.timezone,
            where_.as_deref(),
            self.price.as_deref(),
        );
        match self.status.prefix() {
            Some(prefix) => format!("{prefix} — {line}"),
            None => line,
        }
    }
}

const WEEKDAYS: [&str; 7] = ["lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."];
const MONTHS: [&str; 12] = [
    "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.",
    "déc.",
];

fn french_day<T: Datelike>(t: &T) -> String {
    format!(
        "{} {} {}",
        WEEKDAYS[t.weekday().num_days_from_monday() as usize],
        t.day(),
        MONTHS[t.month0() as usize]
    )
}

fn french_time<T: Timelike>(t: &T) -> String {
    if t.minute() == 0 {
        format!("{}h", t.hour())
    } else {
        format!("{}h{:02}", t.hour(), t.minute())
    }
}

/// When, in plain French: "sam. 10 janv. 14h–16h", or across days
/// "sam. 10 janv. 14h – dim. 11 janv. 12h".
pub fn when_line(start: DateTime<Utc>, end: Option<DateTime<Utc>>, tz: Tz) -> String {
    let s = start.with_timezone(&tz);
    match end.map(|e| e.with_timezone(&tz)) {
        None => format!("{} {}", french_day(&s), french_time(&s)),
        Some(e) if e.date_naive() == s.date_naive() => {
            format!("{} {}–{}", french_day(&s), french_time(&s), french_time(&e))
        }
        Some(e) => format!(
            "{} {} – {} {}",
            french_day(&s),
            french_time(&s),
            french_day(&e),
            french_time(&e)
        ),
    }
}

/// Builds "what — when — where — price", leaving out what is unknown.
pub fn summary_line(
    name: &str,
    start: DateTime<Utc>,
    end: Option<DateTime<Utc>>,
    tz: Tz,
    where_: Option<&str>,
    price: Option<&str>,
) -> String {
    let mut parts = vec![name.to_string(), when_line(start, end, tz)];
    parts.extend(where_.map(str::to_string));
    parts.extend(price.map(str::to_string));
    parts.join(" — ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw() -> RawEvent {
        RawEvent {
            name: Some("Atelier smartphone".into()),
            start: Some("2027-01-09T14:00:00+01:00".into()),
            end: Some("2027-01-09T16:00:00+01:00".into()),
            location_name: Some("Médiathèque de Saint-Clair".into()),
            price: Some("gratuit".into()),
            ..Default::default()
        }
    }

    #[test]
    fn the_summary_says_what_when_where_and_price() {
        let event = NewEvent::parse(raw()).expect("valid");
        assert_eq!(
            event.summary_line(),
            "Atelier smartphone — sam. 9 janv. 14h–16h — Médiathèque de Saint-Clair — gratuit"
        );
    }

    #[test]
    fn times_are_shown_in_the_event_time_zone() {
        let event = NewEvent::parse(RawEvent {
            start: Some("2027-07-03T08:30:00Z".into()),
            end: Some("2027-07-04T10:00:00Z".into()),
            location_name: None,
            price: None,
            ..raw()
        })
        .expect("valid");
        assert_eq!(
            event.summary_line(),
            "Atelier smartphone — sam. 3 juil. 10h30 – dim. 4 juil. 12h"
        );
    }

    #[test]
    fn an_event_ending_before_it_starts_is_refused() {
        let errors = NewEvent::parse(RawEvent {
            end: Some("2027-01-09T13:00:00+01:00".into()),
            ..raw()
        })
        .expect_err("invalid");
        assert_eq!(errors.errors[0].field, "end");
        assert_eq!(errors.errors[0].message, "must be after the start");
    }

    #[test]
    fn a_bad_date_names_the_field_and_the_expected_form() {
        let errors = NewEvent::parse(RawEvent {
            start: Some("demain 14h".into()),
            ..raw()
        })
        .expect_err("invalid");
        assert_eq!(errors.errors[0].field, "start");
        assert!(errors.errors[0].message.contains("RFC 3339"));
    }

    #[test]
    fn a_cancelled_event_says_so_first() {
        let event = NewEvent::parse(RawEvent {
            status: Some("cancelled".into()),
            ..raw()
        })
        .expect("valid");
        assert_eq!(event.status.as_ap(), "EventCancelled");
        assert!(
            event
                .summary_line()
                .starts_with("ANNULÉ — Atelier smartphone — sam. 9 janv.")
        );
        let err = NewEvent::parse(RawEvent {
            status: Some("maybe".into()),
            ..raw()
        })
        .expect_err("invalid");
        assert_eq!(err.errors[0].field, "status");
    }

    #[test]
    fn a_permanence_recurs_and_an_absurd_rule_is_refused() {
        let event = NewEvent::parse(RawEvent {
            rrule: Some("RRULE:FREQ=WEEKLY;BYDAY=SA;COUNT=10".into()),
            ..raw()
        })
        .expect("valid");
        assert_eq!(
            event.recurrence.as_deref(),
            Some("FREQ=WEEKLY;COUNT=10;BYDAY=SA")
        );
        let err = NewEvent::parse(RawEvent {
            rrule: Some("FREQ=MINUTELY".into()),
            ..raw()
        })
        .expect_err("too frequent");
        assert_eq!(err.errors[0].field, "rrule");
    }

    #[test]
    fn an_unknown_time_zone_is_refused() {
        let errors = NewEvent::parse(RawEvent {
            timezone: Some("Europe/Atlantis".into()),
            ..raw()
        })
        .expect_err("invalid");
        assert_eq!(errors.errors[0].field, "timezone");
    }
}
