//! Rows turned into what templates show: texts marked with their language (easy-read variants
//! are `fr-x-falc`; French content on an English page is `fr`), dates in words, pictograms with
//! their labels, opening hours with "open now", image attachments.

use crate::i18n::{self, Lang};
use chrono::{DateTime, Datelike, Timelike, Utc};
use chrono_tz::Tz;
use galaxie_db::entities::{media, objects, places};
use galaxie_domain::vocab::{self, Scheme};
use serde::Serialize;

/// The language tag of easy-read fragments.
pub const FALC: &str = "fr-x-falc";

/// A piece of text and its language when it is not the page's.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Text {
    /// The text (escaped by the template).
    pub text: String,
    /// Its `lang` attribute, when needed.
    pub lang: Option<&'static str>,
}

/// Sanitised HTML (stored content: our own plain-text rendering, or remote HTML cleaned by
/// `galaxie_federation::sanitize` when it was received) and its language.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Html {
    /// The HTML, shown as is.
    pub html: String,
    /// Its `lang` attribute, when needed.
    pub lang: Option<&'static str>,
}

/// A pictogram beside its label.
#[derive(Debug, Clone, Serialize)]
pub struct Picto {
    /// The concept's slug.
    pub slug: &'static str,
    /// `/vocab/pictograms/{file}`.
    pub src: String,
    /// The label in the page's language (easy-read when on).
    pub label: &'static str,
    /// The label's language when it is easy-read.
    pub lang: Option<&'static str>,
}

/// Opening hours now.
#[derive(Debug, Clone, Serialize)]
pub struct OpenNow {
    /// "Ouvert maintenant — ferme à 12 h".
    pub text: String,
    /// `open`, `closed` or `unknown`.
    pub status: &'static str,
}

/// When something happens.
#[derive(Debug, Clone, Serialize)]
pub struct When {
    /// In words, in the page's language.
    pub text: String,
    /// RFC 3339 start, for `<time datetime>`.
    pub start: String,
    /// RFC 3339 end.
    pub end: Option<String>,
}

/// An image with its alternative text.
#[derive(Debug, Clone, Serialize)]
pub struct Image {
    /// The image.
    pub src: String,
    /// Its thumbnail.
    pub thumb: String,
    /// What it shows.
    pub alt: String,
    pub width: i32,
    pub height: i32,
    pub thumb_width: i32,
    pub thumb_height: i32,
}

/// The view's language settings and the current time.
#[derive(Debug, Clone, Copy)]
pub struct View {
    /// The page's language.
    pub lang: Lang,
    /// Easy-read on.
    pub falc: bool,
    /// Now.
    pub now: DateTime<Utc>,
}

const DAYS_FR: [&str; 7] = [
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
];
const MONTHS_FR: [&str; 12] = [
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
const DAYS_EN: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const MONTHS_EN: [&str; 12] = [
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

impl View {
    /// The `lang` of French content on this page.
    pub fn content_lang(&self) -> Option<&'static str> {
        match self.lang {
            Lang::Fr => None,
            Lang::En => Some("fr"),
        }
    }

    /// A message.
    pub fn t(&self, key: &str) -> String {
        i18n::t(self.lang, self.falc, key)
    }

    /// French content, or its easy-read variant when easy-read is on and there is one.
    pub fn text(&self, text: &str, falc: Option<&str>) -> Text {
        match falc.filter(|f| self.falc && !f.trim().is_empty()) {
            Some(f) => Text {
                text: f.to_string(),
                lang: Some(FALC),
            },
            None => Text {
                text: text.to_string(),
                lang: self.content_lang(),
            },
        }
    }

    /// Sanitised HTML content, or its easy-read variant.
    pub fn html(&self, html: &str, falc: Option<&str>) -> Html {
        match falc.filter(|f| self.falc && !f.trim().is_empty()) {
            Some(f) => Html {
                html: f.to_string(),
                lang: Some(FALC),
            },
            None => Html {
                html: html.to_string(),
                lang: self.content_lang(),
            },
        }
    }

    /// The pictogram and label of a concept.
    pub fn picto(&self, scheme: Scheme, slug: &str) -> Option<Picto> {
        let c = vocab::by_slug(scheme, slug)?;
        let (label, lang) = match self.lang {
            Lang::En => (c.label_en, None),
            Lang::Fr if self.falc => (c.label_falc, Some(FALC)),
            Lang::Fr => (c.label_fr, None),
        };
        Some(Picto {
            slug: c.slug,
            src: format!("/vocab/pictograms/{}", c.pictogram),
            label,
            lang,
        })
    }

    /// Pictograms of several concepts (unknown slugs skipped).
    pub fn pictos(&self, scheme: Scheme, slugs: &[String]) -> Vec<Picto> {
        slugs.iter().filter_map(|s| self.picto(scheme, s)).collect()
    }

    /// A scheme's heading.
    pub fn scheme_label(&self, scheme: Scheme) -> &'static str {
        match self.lang {
            Lang::En => scheme.label_en(),
            Lang::Fr if self.falc => scheme.label_falc(),
            Lang::Fr => scheme.label_fr(),
        }
    }

    fn day(&self, t: &DateTime<Tz>) -> String {
        let weekday = t.weekday().num_days_from_monday() as usize;
        let month = t.month0() as usize;
        match self.lang {
            Lang::Fr => format!(
                "{} {} {} {}",
                DAYS_FR[weekday],
                t.day(),
                MONTHS_FR[month],
                t.year()
            ),
            Lang::En => format!(
                "{} {} {} {}",
                DAYS_EN[weekday],
                t.day(),
                MONTHS_EN[month],
                t.year()
            ),
        }
    }

    fn time(&self, t: &DateTime<Tz>) -> String {
        match self.lang {
            Lang::Fr if t.minute() == 0 => format!("{} h", t.hour()),
            Lang::Fr => format!("{} h {:02}", t.hour(), t.minute()),
            Lang::En => format!("{:02}:{:02}", t.hour(), t.minute()),
        }
    }

    /// "samedi 9 janvier 2027, de 14 h à 16 h".
    pub fn when(&self, start: DateTime<Utc>, end: Option<DateTime<Utc>>, tz: Tz) -> When {
        let s = start.with_timezone(&tz);
        let e = end.map(|e| e.with_timezone(&tz));
        let text = match (self.lang, e) {
            (Lang::Fr, None) => format!("{}, à {}", self.day(&s), self.time(&s)),
            (Lang::En, None) => format!("{}, at {}", self.day(&s), self.time(&s)),
            (Lang::Fr, Some(e)) if e.date_naive() == s.date_naive() => {
                format!("{}, de {} à {}", self.day(&s), self.time(&s), self.time(&e))
            }
            (Lang::En, Some(e)) if e.date_naive() == s.date_naive() => {
                format!("{}, {} to {}", self.day(&s), self.time(&s), self.time(&e))
            }
            (Lang::Fr, Some(e)) => format!(
                "du {} à {} au {} à {}",
                self.day(&s),
                self.time(&s),
                self.day(&e),
                self.time(&e)
            ),
            (Lang::En, Some(e)) => format!(
                "from {} at {} to {} at {}",
                self.day(&s),
                self.time(&s),
                self.day(&e),
                self.time(&e)
            ),
        };
        When {
            text,
            start: s.to_rfc3339(),
            end: e.map(|e| e.to_rfc3339()),
        }
    }

    /// A date without time ("9 janvier 2027").
    pub fn date(&self, at: DateTime<Utc>) -> When {
        let s = at.with_timezone(&galaxie_domain::event::DEFAULT_TIMEZONE);
        let month = s.month0() as usize;
        let text = match self.lang {
            Lang::Fr => format!("{} {} {}", s.day(), MONTHS_FR[month], s.year()),
            Lang::En => format!("{} {} {}", s.day(), MONTHS_EN[month], s.year()),
        };
        When {
            text,
            start: s.date_naive().to_string(),
            end: None,
        }
    }

    /// Opening hours in words, one line per rule, and whether it is open now.
    pub fn hours(&self, raw: Option<&str>) -> (Vec<String>, Option<OpenNow>) {
        let Some(hours) = raw.and_then(|h| galaxie_domain::hours::OpeningHours::parse(h).ok())
        else {
            return (raw.map(|r| vec![r.to_string()]).unwrap_or_default(), None);
        };
        let state = hours.state(self.now);
        let status = match state.status {
            galaxie_domain::hours::HoursStatus::Open => "open",
            galaxie_domain::hours::HoursStatus::Closed => "closed",
            galaxie_domain::hours::HoursStatus::Unknown => "unknown",
        };
        match self.lang {
            Lang::Fr => (
                hours.describe_fr_lines(),
                Some(OpenNow {
                    text: hours.state_fr(self.now),
                    status,
                }),
            ),
            Lang::En => (
                hours.describe_en_lines(),
                Some(OpenNow {
                    text: hours.state_en(self.now),
                    status,
                }),
            ),
        }
    }
}

/// The time zone of an object (Paris when unknown).
pub fn zone_of(row: &objects::Model) -> Tz {
    row.timezone
        .as_deref()
        .and_then(|t| t.parse().ok())
        .unwrap_or(galaxie_domain::event::DEFAULT_TIMEZONE)
}

/// The uuid of a local object's id (`…/objects/{uuid}`).
pub fn object_key(ap_id: &str) -> Option<&str> {
    ap_id.rsplit_once("/objects/").map(|(_, k)| k)
}

/// The page of a local object, by kind.
pub fn object_path(row: &objects::Model) -> Option<String> {
    let key = object_key(&row.ap_id)?;
    let section = match row.kind.as_str() {
        "Event" => "evenements",
        "Article" => "patrimoine",
        "Page" => "services",
        _ => "actualites",
    };
    Some(format!("/{section}/{key}"))
}

/// Where to read an object: its page here when local, its own address when remote.
pub fn object_href(row: &objects::Model) -> String {
    if row.place_id.is_some()
        && let Some(path) = object_path(row)
    {
        return path;
    }
    row.url.clone().unwrap_or_else(|| row.ap_id.clone())
}

/// A place's page.
pub fn place_path(username: &str) -> String {
    format!("/lieux/{username}")
}

/// An image row for the templates.
pub fn image(urls: &galaxie_federation::urls::Urls, m: &media::Model) -> Image {
    Image {
        src: galaxie_federation::protocol::attachment::media_url(urls, &m.sha256).to_string(),
        thumb: galaxie_federation::protocol::attachment::thumbnail_url(urls, &m.sha256).to_string(),
        alt: m.alt.clone(),
        width: m.width,
        height: m.height,
        thumb_width: m.thumbnail_width,
        thumb_height: m.thumbnail_height,
    }
}

/// The concept slugs of an object, by scheme key (`services`, `publics`…).
pub fn object_concepts(row: &objects::Model, key: &str) -> Vec<String> {
    row.concepts
        .as_deref()
        .and_then(|c| serde_json::from_str::<serde_json::Value>(c).ok())
        .and_then(|v| v.get(key).cloned())
        .and_then(|v| serde_json::from_value(v).ok())
        .unwrap_or_default()
}

/// One line of a place's address.
pub fn place_address(p: &places::Model) -> Option<String> {
    let city = [p.postal_code.as_deref(), p.locality.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    let parts: Vec<&str> = [p.street_address.as_deref(), Some(city.as_str())]
        .into_iter()
        .flatten()
        .filter(|s| !s.trim().is_empty())
        .collect();
    (!parts.is_empty()).then(|| parts.join(", "))
}

/// One line of an object's location.
pub fn object_where(row: &objects::Model) -> Option<String> {
    let city = [row.postal_code.as_deref(), row.locality.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    let parts: Vec<&str> = [
        row.location_name.as_deref(),
        row.street_address.as_deref(),
        Some(city.as_str()),
    ]
    .into_iter()
    .flatten()
    .filter(|s| !s.trim().is_empty())
    .collect();
    (!parts.is_empty()).then(|| parts.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn view(lang: Lang, falc: bool) -> View {
        View {
            lang,
            falc,
            now: Utc::now(),
        }
    }

    #[test]
    fn dates_read_in_words_in_the_event_zone() {
        let start = Utc
            .with_ymd_and_hms(2027, 1, 9, 13, 0, 0)
            .single()
            .expect("date");
        let end = start + chrono::Duration::hours(2);
        let tz = galaxie_domain::event::DEFAULT_TIMEZONE;
        assert_eq!(
            view(Lang::Fr, false).when(start, Some(end), tz).text,
            "samedi 9 janvier 2027, de 14 h à 16 h"
        );
        assert_eq!(
            view(Lang::En, false).when(start, Some(end), tz).text,
            "Saturday 9 January 2027, 14:00 to 16:00"
        );
    }

    #[test]
    fn easy_read_variants_are_marked_with_their_language() {
        let v = view(Lang::Fr, true);
        assert_eq!(v.text("Texte", Some("Facile")).lang, Some(FALC));
        assert_eq!(v.text("Texte", None).lang, None);
        assert_eq!(
            view(Lang::En, false).text("Texte", Some("Facile")).lang,
            Some("fr")
        );
        let p = v.picto(Scheme::Fee, "gratuit").expect("known concept");
        assert!(p.src.starts_with("/vocab/pictograms/"));
        assert_eq!(p.lang, Some(FALC));
    }
}
