//! Orientation (*Passeport numérique*): a person's answers — needs, where they are and how far
//! they can go, when they are free, what they can pay, the support and access they need — and
//! the rules that rank the services and places of the federated directory for them, each
//! result with its score parts and the reasons, in plain French and English, why it fits.
//!
//! Nothing here is stored: the answers travel in a URL (query string for the API and the
//! questionnaire, fragment for the passport link) and are read again with [`Answers::parse`];
//! [`Answers::to_query`] writes them back, so a link round-trips exactly.
//!
//! Hard constraints exclude a result (and are counted in [`Excluded`]): the need (when one is
//! given), free only, wheelchair access, and the distance (beyond the radius, unless remote
//! help is possible and the offer is given remotely). Everything else only moves a result up
//! or down, and what does not fit is said (`fits: false`).

use crate::hours::OpeningHours;
use crate::place::{Concepts, GeoPoint};
use crate::service::ServiceConcepts;
use crate::territory;
use crate::validation::ValidationErrors;
use crate::vocab::{self, Scheme};
use chrono::{DateTime, Datelike, Duration, NaiveTime, TimeZone, Utc, Weekday};
use serde::Serialize;

/// The parameters the answers are written with, in the API, the questionnaire and the
/// passport link.
pub const PARAMETERS: [&str; 15] = [
    "need",
    "public",
    "support",
    "free",
    "wheelchair",
    "near",
    "town",
    "radius_km",
    "remote",
    "day",
    "time",
    "access",
    "by",
    "skill",
    "choice",
];

/// Parameters that may be given several times.
const REPEATABLE: [&str; 8] = [
    "need", "public", "support", "day", "access", "skill", "choice", "time",
];

/// The default distance one can travel, in kilometres, when a place is given without one.
pub const DEFAULT_RADIUS_KM: f64 = 15.0;

/// The most results a ranking returns.
pub const MAX_RESULTS: usize = 50;

/// The short digital-skills checklist of the passport: slug, French, easy-read French,
/// English, pictogram.
pub const SKILLS: [Skill; 6] = [
    Skill {
        slug: "allumer",
        fr: "Allumer un ordinateur ou un téléphone",
        falc: "J’allume un ordinateur ou un téléphone",
        en: "Turn on a computer or a phone",
        pictogram: "smartphone.svg",
    },
    Skill {
        slug: "internet",
        fr: "Aller sur internet",
        falc: "Je vais sur internet",
        en: "Go on the internet",
        pictogram: "globe.svg",
    },
    Skill {
        slug: "courriel",
        fr: "Envoyer un courriel",
        falc: "J’envoie un mail",
        en: "Send an e-mail",
        pictogram: "envelope.svg",
    },
    Skill {
        slug: "mot-de-passe",
        fr: "Créer et retenir un mot de passe",
        falc: "Je crée un mot de passe et je m’en souviens",
        en: "Create and remember a password",
        pictogram: "shield.svg",
    },
    Skill {
        slug: "formulaire",
        fr: "Remplir un formulaire en ligne",
        falc: "Je remplis un formulaire sur internet",
        en: "Fill in an online form",
        pictogram: "document-pen.svg",
    },
    Skill {
        slug: "document",
        fr: "Scanner ou photographier un document",
        falc: "Je prends en photo un papier",
        en: "Scan or photograph a document",
        pictogram: "camera.svg",
    },
];

/// One skill of the checklist.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Skill {
    pub slug: &'static str,
    pub fr: &'static str,
    pub falc: &'static str,
    pub en: &'static str,
    pub pictogram: &'static str,
}

/// A part of the day one is free.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Period {
    /// 9 h to 12 h.
    Morning,
    /// 14 h to 17 h.
    Afternoon,
    /// 17 h to 20 h.
    Evening,
}

/// When one is free in a day: a part of the day or an exact time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeOfDay {
    Period(Period),
    At(NaiveTime),
}

impl TimeOfDay {
    fn parse(raw: &str) -> Result<TimeOfDay, String> {
        match raw.trim().to_lowercase().as_str() {
            "morning" | "matin" => Ok(TimeOfDay::Period(Period::Morning)),
            "afternoon" | "apres-midi" | "après-midi" => Ok(TimeOfDay::Period(Period::Afternoon)),
            "evening" | "soir" => Ok(TimeOfDay::Period(Period::Evening)),
            other => NaiveTime::parse_from_str(other, "%H:%M")
                .map(TimeOfDay::At)
                .map_err(|_| {
                    format!(
                        "must be morning, afternoon, evening or a time like 14:00 (found {raw:?})"
                    )
                }),
        }
    }

    fn text(self) -> String {
        match self {
            TimeOfDay::Period(Period::Morning) => "morning".into(),
            TimeOfDay::Period(Period::Afternoon) => "afternoon".into(),
            TimeOfDay::Period(Period::Evening) => "evening".into(),
            TimeOfDay::At(t) => t.format("%H:%M").to_string(),
        }
    }

    /// The times checked: each hour of a period, or the time given.
    fn slots(self) -> Vec<NaiveTime> {
        let hours: &[u32] = match self {
            TimeOfDay::Period(Period::Morning) => &[9, 10, 11],
            TimeOfDay::Period(Period::Afternoon) => &[14, 15, 16],
            TimeOfDay::Period(Period::Evening) => &[17, 18, 19],
            TimeOfDay::At(t) => return vec![t],
        };
        hours
            .iter()
            .filter_map(|h| NaiveTime::from_hms_opt(*h, 0, 0))
            .collect()
    }
}

/// Who asks for the service (data.inclusion `mobilisable_par`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Mobiliser {
    /// The person, alone (`usagers`).
    Usagers,
    /// A professional (a mediator) with or for the person (`professionnels`).
    Professionnels,
}

impl Mobiliser {
    fn slug(self) -> &'static str {
        match self {
            Mobiliser::Usagers => "usagers",
            Mobiliser::Professionnels => "professionnels",
        }
    }
}

/// Where the person is.
#[derive(Debug, Clone, PartialEq)]
pub enum Origin {
    /// A position.
    Point(GeoPoint),
    /// A town name or postal code, located on the directory's places.
    Town(String),
}

/// A person's answers to the questionnaire. Concepts are kept as slugs.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Answers {
    /// Needs (`service` concepts); a result must answer one.
    pub needs: Vec<String>,
    /// Who they are (`public` concepts).
    pub publics: Vec<String>,
    /// Specific support wanted (`specific-support` concepts: `surdite`, `illettrisme`…).
    pub supports: Vec<String>,
    /// Only free offers.
    pub free_only: bool,
    /// Wheelchair access required.
    pub wheelchair: bool,
    /// Where they are.
    pub origin: Option<Origin>,
    /// How far they can travel, in km (when `origin` is given).
    pub radius_km: Option<f64>,
    /// Help by phone or internet is possible.
    pub remote_ok: bool,
    /// Days they are free (every day when only a time is given).
    pub days: Vec<Weekday>,
    /// When in the day they are free.
    pub time: Option<TimeOfDay>,
    /// How they would like to go (`access-mode` concepts: `se-presenter`, `telephoner`…).
    pub access: Vec<String>,
    /// Who asks for the service.
    pub by: Option<Mobiliser>,
    /// The checklist: what they already know how to do ([`SKILLS`] slugs).
    pub skills: Vec<String>,
    /// The results kept on the passport (their [`Ranked::key`]).
    pub choices: Vec<String>,
}

const DAYS: [(Weekday, &str, &str, &str); 7] = [
    (Weekday::Mon, "monday", "lundi", "Monday"),
    (Weekday::Tue, "tuesday", "mardi", "Tuesday"),
    (Weekday::Wed, "wednesday", "mercredi", "Wednesday"),
    (Weekday::Thu, "thursday", "jeudi", "Thursday"),
    (Weekday::Fri, "friday", "vendredi", "Friday"),
    (Weekday::Sat, "saturday", "samedi", "Saturday"),
    (Weekday::Sun, "sunday", "dimanche", "Sunday"),
];

/// The parameter value of a day (`monday`).
pub fn day_slug(d: Weekday) -> &'static str {
    DAYS.iter().find(|x| x.0 == d).map_or("monday", |x| x.1)
}

/// A day in French (`lundi`).
pub fn day_fr(d: Weekday) -> &'static str {
    DAYS.iter().find(|x| x.0 == d).map_or("lundi", |x| x.2)
}

fn day_en(d: Weekday) -> &'static str {
    DAYS.iter().find(|x| x.0 == d).map_or("Monday", |x| x.3)
}

fn parse_day(raw: &str) -> Result<Weekday, String> {
    let v = raw.trim().to_lowercase();
    DAYS.iter()
        .find(|(_, en, fr, _)| *en == v || *fr == v || en[..2] == v)
        .map(|d| d.0)
        .ok_or_else(|| format!("must be a day: monday to sunday (found {raw:?})"))
}

fn boolean(raw: &str, field: &str, errors: &mut ValidationErrors) -> bool {
    match raw.trim() {
        "true" | "1" | "on" | "oui" => true,
        "false" | "0" | "" | "non" => false,
        other => {
            errors.add(field, format!("must be true or false (found {other:?})"));
            false
        }
    }
}

fn concept_slug(
    scheme: Scheme,
    raw: &str,
    field: &str,
    errors: &mut ValidationErrors,
) -> Option<String> {
    if raw.trim().is_empty() {
        return None;
    }
    match vocab::resolve(scheme, raw) {
        Some(c) => Some(c.slug.to_string()),
        None => {
            errors.add(
                field,
                format!(
                    "is not a concept of the {} vocabulary (found {raw:?}); see /vocab",
                    scheme.slug()
                ),
            );
            None
        }
    }
}

fn push_unique<T: PartialEq>(list: &mut Vec<T>, value: T) {
    if !list.contains(&value) {
        list.push(value);
    }
}

impl Answers {
    /// Reads the answers from name–value pairs (a query string or a URL fragment); `extra`
    /// names parameters the caller reads itself (the API's `limit`). Every problem is
    /// reported, each on its parameter.
    pub fn parse(pairs: &[(String, String)], extra: &[&str]) -> Result<Answers, ValidationErrors> {
        let mut errors = ValidationErrors::new();
        let mut a = Answers::default();
        let mut seen: Vec<&str> = Vec::new();
        for (name, value) in pairs {
            let name = name.as_str();
            if extra.contains(&name) {
                continue;
            }
            let Some(known) = PARAMETERS.iter().find(|p| **p == name) else {
                if !seen.contains(&name) {
                    errors.add(
                        name,
                        format!(
                            "is not an orientation parameter; they are {}",
                            PARAMETERS.join(", ")
                        ),
                    );
                    seen.push(name);
                }
                continue;
            };
            if !REPEATABLE.contains(known) && seen.contains(known) {
                errors.add(known, "is given more than once; give it once");
                continue;
            }
            seen.push(known);
            match *known {
                "need" => {
                    if let Some(s) = concept_slug(Scheme::Service, value, "need", &mut errors) {
                        push_unique(&mut a.needs, s);
                    }
                }
                "public" => {
                    if let Some(s) = concept_slug(Scheme::Public, value, "public", &mut errors) {
                        push_unique(&mut a.publics, s);
                    }
                }
                "support" => {
                    if let Some(s) =
                        concept_slug(Scheme::SpecificSupport, value, "support", &mut errors)
                    {
                        push_unique(&mut a.supports, s);
                    }
                }
                "access" => {
                    if let Some(s) = concept_slug(Scheme::AccessMode, value, "access", &mut errors)
                    {
                        push_unique(&mut a.access, s);
                    }
                }
                "free" => a.free_only = boolean(value, "free", &mut errors),
                "wheelchair" => a.wheelchair = boolean(value, "wheelchair", &mut errors),
                "remote" => a.remote_ok = boolean(value, "remote", &mut errors),
                "near" if !value.trim().is_empty() => {
                    if let Some(p) = errors.check("near", territory::parse_point(value)) {
                        if matches!(a.origin, Some(Origin::Town(_))) {
                            errors.add("near", "give near or town, not both");
                        }
                        a.origin = Some(Origin::Point(p));
                    }
                }
                "town" if !value.trim().is_empty() => {
                    let town = value.trim();
                    if town.chars().count() > 100 {
                        errors.add("town", "must be at most 100 characters");
                    } else if matches!(a.origin, Some(Origin::Point(_))) {
                        errors.add("town", "give near or town, not both");
                    } else {
                        a.origin = Some(Origin::Town(town.to_string()));
                    }
                }
                "radius_km" if !value.trim().is_empty() => {
                    a.radius_km = errors.check("radius_km", territory::parse_radius_km(value));
                }
                "day" => {
                    if let Some(d) = errors.check("day", parse_day(value)) {
                        push_unique(&mut a.days, d);
                    }
                }
                "time" if !value.trim().is_empty() => {
                    if a.time.is_some() {
                        errors.add("time", "is given more than once; give it once");
                    }
                    a.time = errors.check("time", TimeOfDay::parse(value));
                }
                "by" if !value.trim().is_empty() => match value.trim() {
                    "usagers" | "moi" => a.by = Some(Mobiliser::Usagers),
                    "professionnels" | "professionnel" => a.by = Some(Mobiliser::Professionnels),
                    other => errors.add(
                        "by",
                        format!("must be usagers or professionnels (found {other:?})"),
                    ),
                },
                "skill" => {
                    let v = value.trim();
                    if SKILLS.iter().any(|s| s.slug == v) {
                        push_unique(&mut a.skills, v.to_string());
                    } else if !v.is_empty() {
                        let all: Vec<&str> = SKILLS.iter().map(|s| s.slug).collect();
                        errors.add(
                            "skill",
                            format!("must be one of {} (found {v:?})", all.join(", ")),
                        );
                    }
                }
                "choice" => {
                    let v = value.trim();
                    if v.len() == 12 && v.chars().all(|c| c.is_ascii_alphanumeric()) {
                        push_unique(&mut a.choices, v.to_string());
                    } else if !v.is_empty() {
                        errors.add(
                            "choice",
                            format!("must be the key of a result (found {v:?})"),
                        );
                    }
                }
                _ => {}
            }
        }
        if a.radius_km.is_some() && a.origin.is_none() {
            errors.add(
                "radius_km",
                "needs a place to measure from: give town (a town or postal code) or near=lat,lon",
            );
        }
        if errors.is_empty() {
            Ok(a)
        } else {
            Err(errors)
        }
    }

    /// Reads a query string or a URL fragment (without `?` or `#`).
    pub fn parse_query(raw: &str, extra: &[&str]) -> Result<Answers, ValidationErrors> {
        let pairs: Vec<(String, String)> = url::form_urlencoded::parse(raw.as_bytes())
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        Answers::parse(&pairs, extra)
    }

    /// The answers as name–value pairs, in [`PARAMETERS`] order.
    pub fn to_pairs(&self) -> Vec<(&'static str, String)> {
        let mut out: Vec<(&'static str, String)> = Vec::new();
        out.extend(self.needs.iter().map(|s| ("need", s.clone())));
        out.extend(self.publics.iter().map(|s| ("public", s.clone())));
        out.extend(self.supports.iter().map(|s| ("support", s.clone())));
        if self.free_only {
            out.push(("free", "true".into()));
        }
        if self.wheelchair {
            out.push(("wheelchair", "true".into()));
        }
        match &self.origin {
            Some(Origin::Point(p)) => out.push(("near", format!("{},{}", p.latitude, p.longitude))),
            Some(Origin::Town(t)) => out.push(("town", t.clone())),
            None => {}
        }
        if let Some(r) = self.radius_km {
            out.push(("radius_km", r.to_string()));
        }
        if self.remote_ok {
            out.push(("remote", "true".into()));
        }
        out.extend(self.days.iter().map(|d| ("day", day_slug(*d).to_string())));
        if let Some(t) = self.time {
            out.push(("time", t.text()));
        }
        out.extend(self.access.iter().map(|s| ("access", s.clone())));
        if let Some(b) = self.by {
            out.push(("by", b.slug().to_string()));
        }
        out.extend(self.skills.iter().map(|s| ("skill", s.clone())));
        out.extend(self.choices.iter().map(|s| ("choice", s.clone())));
        out
    }

    /// The answers as a query string (also the passport link's fragment).
    pub fn to_query(&self) -> String {
        let mut s = url::form_urlencoded::Serializer::new(String::new());
        for (k, v) in self.to_pairs() {
            s.append_pair(k, &v);
        }
        s.finish()
    }

    /// The radius in force, when a place is given.
    pub fn radius(&self) -> f64 {
        self.radius_km.unwrap_or(DEFAULT_RADIUS_KM)
    }
}

/// A place of the directory, with its services, as the ranking reads it.
#[derive(Debug, Clone, Default)]
pub struct Candidate {
    /// Its actor id.
    pub id: String,
    pub name: String,
    pub geo: Option<GeoPoint>,
    /// Its département (for the time zone of its hours).
    pub departement: Option<String>,
    /// OSM syntax.
    pub opening_hours: Option<String>,
    pub concepts: Concepts,
    /// Its live services.
    pub services: Vec<CandidateService>,
}

/// A service of a candidate place.
#[derive(Debug, Clone, Default)]
pub struct CandidateService {
    /// Its object id.
    pub id: String,
    pub name: String,
    pub concepts: ServiceConcepts,
    /// Its own hours, when they differ from the place's.
    pub opening_hours: Option<String>,
}

/// What a score part or a reason is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Criterion {
    Need,
    Distance,
    Remote,
    Open,
    Fee,
    Accessibility,
    Support,
    Public,
    Access,
    Mobilisation,
}

/// Points given for one criterion.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ScorePart {
    pub criterion: Criterion,
    pub points: i32,
}

/// Why a result fits (or what does not fit), in plain words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Reason {
    pub criterion: Criterion,
    /// Whether this is in its favour.
    pub fits: bool,
    pub fr: String,
    pub en: String,
}

/// A ranked result: a place, and the service of it that answers the need when there is one.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Ranked {
    /// Index of the place in the candidates.
    #[serde(skip)]
    pub candidate: usize,
    /// Index of the service in the place's services.
    #[serde(skip)]
    pub service: Option<usize>,
    /// A short stable key (12 characters) naming this result in a passport's `choice`.
    pub key: String,
    pub score: i32,
    pub score_parts: Vec<ScorePart>,
    pub reasons: Vec<Reason>,
    pub distance_km: Option<f64>,
    /// Open at a time the person is free (`None` when no time was given or hours unknown).
    pub open_at_wanted_time: Option<bool>,
    /// How to go: the access modes of the offer (slugs).
    pub access_modes: Vec<String>,
}

/// How many offers each hard constraint left out.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Excluded {
    /// Answer none of the needs.
    pub need: usize,
    /// Not free (known to cost something).
    pub free_only: usize,
    /// Not known to be wheelchair accessible.
    pub wheelchair: usize,
    /// Beyond the distance, and not given remotely (or remote help not possible).
    pub too_far: usize,
}

/// The ranking: results, best first, and what was left out.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Ranking {
    pub results: Vec<Ranked>,
    pub excluded: Excluded,
}

/// A short key for a result: FNV-1a 64 of its ids, in base 36, 12 characters.
pub fn result_key(place_id: &str, service_id: Option<&str>) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in place_id
        .bytes()
        .chain(std::iter::once(0))
        .chain(service_id.unwrap_or_default().bytes())
    {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    let digits = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let mut out = Vec::with_capacity(12);
    for _ in 0..12 {
        out.push(digits[(h % 36) as usize]);
        h /= 36;
    }
    String::from_utf8(out).unwrap_or_default()
}

/// "2,3 km" (French), "2.3 km" (English); metres under one kilometre.
pub fn distance_words(km: f64) -> (String, String) {
    if km < 1.0 {
        let m = ((km * 1000.0) / 10.0).round() * 10.0;
        (format!("{m:.0} m"), format!("{m:.0} m"))
    } else {
        let en = format!("{km:.1} km");
        (en.replace('.', ","), en)
    }
}

fn time_fr(t: NaiveTime) -> String {
    use chrono::Timelike;
    if t.minute() == 0 {
        format!("{} h", t.hour())
    } else {
        format!("{} h {:02}", t.hour(), t.minute())
    }
}

/// The first instant, after `now`, on `day` at `time` in `zone`.
fn next_at(
    now: DateTime<Utc>,
    day: Weekday,
    time: NaiveTime,
    zone: chrono_tz::Tz,
) -> Option<DateTime<Utc>> {
    let local_today = now.with_timezone(&zone).date_naive();
    (0..8).find_map(|offset| {
        let date = local_today + Duration::days(offset);
        if date.weekday() != day {
            return None;
        }
        let at = zone
            .from_local_datetime(&date.and_time(time))
            .earliest()?
            .with_timezone(&Utc);
        (at > now).then_some(at)
    })
}

fn reason(
    criterion: Criterion,
    fits: bool,
    fr: impl Into<String>,
    en: impl Into<String>,
) -> Reason {
    Reason {
        criterion,
        fits,
        fr: fr.into(),
        en: en.into(),
    }
}

fn label_fr(scheme: Scheme, slug: &str) -> String {
    vocab::by_slug(scheme, slug).map_or(slug.to_string(), |c| c.label_fr.to_string())
}

fn label_en(scheme: Scheme, slug: &str) -> String {
    vocab::by_slug(scheme, slug).map_or(slug.to_string(), |c| c.label_en.to_string())
}

/// The concept and every narrower one (slugs).
fn with_narrower(scheme: Scheme, slug: &str) -> Vec<String> {
    crate::timeline::resolve_in(scheme, slug)
        .map(|f| {
            f.paths
                .iter()
                .filter_map(|p| p.split_once('/').map(|(_, s)| s.to_string()))
                .collect()
        })
        .unwrap_or_else(|_| vec![slug.to_string()])
}

/// What one offer (a place, or a service of it) says about itself.
struct Offer<'a> {
    services: &'a [String],
    publics: &'a [String],
    fees: &'a [String],
    access: &'a [String],
    support_modes: &'a [String],
    hours: Option<&'a str>,
}

/// Ranks `candidates` for `answers`. `origin` is where the person is (the answers' point, or
/// their town located by the caller); `now` decides which coming day is checked for "open".
pub fn rank(
    answers: &Answers,
    origin: Option<GeoPoint>,
    candidates: &[Candidate],
    now: DateTime<Utc>,
    limit: usize,
) -> Ranking {
    let mut excluded = Excluded::default();
    let mut results = Vec::new();
    let need_sets: Vec<Vec<String>> = answers
        .needs
        .iter()
        .map(|n| with_narrower(Scheme::Service, n))
        .collect();
    for (ci, c) in candidates.iter().enumerate() {
        // The offers of this place: the services that answer a need, or else the place
        // itself (when it answers a need by its own profile, or when no need is given).
        let mut offers: Vec<(Option<usize>, Offer<'_>)> = Vec::new();
        let place_offer = Offer {
            services: &c.concepts.services,
            publics: &c.concepts.publics,
            fees: &c.concepts.fees,
            access: &c.concepts.access_modes,
            support_modes: &c.concepts.support_modes,
            hours: c.opening_hours.as_deref(),
        };
        let answers_need = |services: &[String]| {
            need_sets
                .iter()
                .filter(|set| services.iter().any(|s| set.contains(s)))
                .count()
        };
        if !need_sets.is_empty() {
            for (si, s) in c.services.iter().enumerate() {
                if answers_need(&s.concepts.services) > 0 {
                    offers.push((
                        Some(si),
                        Offer {
                            services: &s.concepts.services,
                            publics: if s.concepts.publics.is_empty() {
                                &c.concepts.publics
                            } else {
                                &s.concepts.publics
                            },
                            fees: if s.concepts.fees.is_empty() {
                                &c.concepts.fees
                            } else {
                                &s.concepts.fees
                            },
                            access: if s.concepts.access_modes.is_empty() {
                                &c.concepts.access_modes
                            } else {
                                &s.concepts.access_modes
                            },
                            support_modes: if s.concepts.support_modes.is_empty() {
                                &c.concepts.support_modes
                            } else {
                                &s.concepts.support_modes
                            },
                            hours: s.opening_hours.as_deref().or(c.opening_hours.as_deref()),
                        },
                    ));
                }
            }
            if offers.is_empty() {
                if answers_need(&c.concepts.services) > 0 {
                    offers.push((None, place_offer));
                } else {
                    excluded.need += 1;
                    continue;
                }
            }
        } else {
            offers.push((None, place_offer));
        }
        for (si, offer) in offers {
            match score(answers, origin, c, &offer, &need_sets, now) {
                Ok(mut r) => {
                    r.candidate = ci;
                    r.service = si;
                    r.key = result_key(&c.id, si.map(|i| c.services[i].id.as_str()));
                    results.push(r);
                }
                Err(Exclusion::Free) => excluded.free_only += 1,
                Err(Exclusion::Wheelchair) => excluded.wheelchair += 1,
                Err(Exclusion::TooFar) => excluded.too_far += 1,
            }
        }
    }
    results.sort_by(|a, b| {
        b.score
            .cmp(&a.score)
            .then(
                a.distance_km
                    .unwrap_or(f64::MAX)
                    .total_cmp(&b.distance_km.unwrap_or(f64::MAX)),
            )
            .then(
                candidates[a.candidate]
                    .name
                    .cmp(&candidates[b.candidate].name),
            )
            .then(a.key.cmp(&b.key))
    });
    results.truncate(limit.min(MAX_RESULTS));
    Ranking { results, excluded }
}

enum Exclusion {
    Free,
    Wheelchair,
    TooFar,
}

fn score(
    answers: &Answers,
    origin: Option<GeoPoint>,
    c: &Candidate,
    offer: &Offer<'_>,
    need_sets: &[Vec<String>],
    now: DateTime<Utc>,
) -> Result<Ranked, Exclusion> {
    let mut parts = Vec::new();
    let mut reasons = Vec::new();
    let mut add = |criterion: Criterion, points: i32, r: Option<Reason>| {
        if points != 0 {
            parts.push(ScorePart { criterion, points });
        }
        if let Some(r) = r {
            reasons.push(r);
        }
    };

    // Need: which of the needs this offer answers.
    if !need_sets.is_empty() {
        let matched: Vec<&String> = answers
            .needs
            .iter()
            .zip(need_sets)
            .filter(|(_, set)| offer.services.iter().any(|s| set.contains(s)))
            .map(|(n, _)| n)
            .collect();
        let points = (40 * matched.len() / need_sets.len()) as i32;
        let fr: Vec<String> = matched
            .iter()
            .map(|n| label_fr(Scheme::Service, n))
            .collect();
        let en: Vec<String> = matched
            .iter()
            .map(|n| label_en(Scheme::Service, n))
            .collect();
        add(
            Criterion::Need,
            points,
            Some(reason(
                Criterion::Need,
                true,
                format!("Répond à votre besoin : {}", fr.join(", ")),
                format!("Answers your need: {}", en.join(", ")),
            )),
        );
    }

    // Fee.
    let free = offer.fees.iter().any(|f| f == "gratuit");
    let free_for_some = offer.fees.iter().any(|f| f == "gratuit-sous-condition");
    if free {
        add(
            Criterion::Fee,
            10,
            Some(reason(Criterion::Fee, true, "Gratuit", "Free")),
        );
    } else if free_for_some {
        add(
            Criterion::Fee,
            5,
            Some(reason(
                Criterion::Fee,
                true,
                "Gratuit pour certaines personnes : demandez",
                "Free for some people: ask",
            )),
        );
    } else if !offer.fees.is_empty() {
        if answers.free_only {
            return Err(Exclusion::Free);
        }
        add(
            Criterion::Fee,
            0,
            Some(reason(Criterion::Fee, false, "Payant", "Not free")),
        );
    } else if answers.free_only {
        add(
            Criterion::Fee,
            0,
            Some(reason(
                Criterion::Fee,
                false,
                "Le prix n’est pas indiqué : demandez",
                "The price is not given: ask",
            )),
        );
    }

    // Wheelchair access: the place says it supports people with physical disabilities.
    let accessible = c
        .concepts
        .specific_support
        .iter()
        .any(|s| s == "handicaps-moteurs");
    if answers.wheelchair {
        if !accessible {
            return Err(Exclusion::Wheelchair);
        }
        add(
            Criterion::Accessibility,
            10,
            Some(reason(
                Criterion::Accessibility,
                true,
                "Accessible en fauteuil roulant",
                "Wheelchair accessible",
            )),
        );
    }

    // Distance, or remote help.
    let remote = offer.support_modes.iter().any(|m| m == "a-distance");
    let distance_km = match (origin, c.geo) {
        (Some(o), Some(g)) => Some(territory::haversine_km(o, g)),
        _ => None,
    };
    if let Some(o) = origin {
        let radius = answers.radius();
        match distance_km {
            Some(d) if d <= radius => {
                let points = (30.0 * (1.0 - d / radius)).round() as i32;
                let (fr, en) = distance_words(d);
                add(
                    Criterion::Distance,
                    points.max(1),
                    Some(reason(
                        Criterion::Distance,
                        true,
                        format!("À {fr}"),
                        format!("{en} away"),
                    )),
                );
            }
            _ if answers.remote_ok && remote => {
                add(
                    Criterion::Remote,
                    10,
                    Some(reason(
                        Criterion::Remote,
                        true,
                        "Aide à distance : par téléphone ou par internet",
                        "Remote help: by phone or online",
                    )),
                );
            }
            _ => {
                let _ = o;
                return Err(Exclusion::TooFar);
            }
        }
    } else if answers.remote_ok && remote {
        add(
            Criterion::Remote,
            10,
            Some(reason(
                Criterion::Remote,
                true,
                "Aide à distance : par téléphone ou par internet",
                "Remote help: by phone or online",
            )),
        );
    }

    // Open at a time the person is free.
    let mut open_at_wanted_time = None;
    if !answers.days.is_empty() || answers.time.is_some() {
        let days: Vec<Weekday> = if answers.days.is_empty() {
            DAYS.iter().map(|d| d.0).collect()
        } else {
            answers.days.clone()
        };
        let slots = answers
            .time
            .unwrap_or(TimeOfDay::Period(Period::Morning))
            .slots();
        let slots: Vec<NaiveTime> = if answers.time.is_none() {
            // A day without a time: any hour from 9 h to 19 h.
            (9..20)
                .filter_map(|h| NaiveTime::from_hms_opt(h, 0, 0))
                .collect()
        } else {
            slots
        };
        let hours: Option<OpeningHours> = offer
            .hours
            .and_then(|h| crate::timeline::opening_hours_in(h, c.departement.as_deref()));
        match hours {
            Some(h) => {
                let zone = h.time_zone();
                let found = days.iter().find_map(|d| {
                    slots.iter().find_map(|t| {
                        next_at(now, *d, *t, zone)
                            .filter(|at| h.is_open(*at))
                            .map(|_| (*d, *t))
                    })
                });
                match found {
                    Some((d, t)) => {
                        open_at_wanted_time = Some(true);
                        add(
                            Criterion::Open,
                            15,
                            Some(reason(
                                Criterion::Open,
                                true,
                                format!("Ouvert {} à {}", day_fr(d), time_fr(t)),
                                format!("Open on {} at {}", day_en(d), t.format("%H:%M")),
                            )),
                        );
                    }
                    None => {
                        open_at_wanted_time = Some(false);
                        add(
                            Criterion::Open,
                            0,
                            Some(reason(
                                Criterion::Open,
                                false,
                                "Fermé quand vous êtes libre",
                                "Closed when you are free",
                            )),
                        );
                    }
                }
            }
            None => add(
                Criterion::Open,
                0,
                Some(reason(
                    Criterion::Open,
                    false,
                    "Horaires non connus : appelez avant",
                    "Opening hours unknown: call first",
                )),
            ),
        }
    }

    // Specific support (surdité, illettrisme…): the place's.
    for s in &answers.supports {
        let has = c.concepts.specific_support.iter().any(|x| x == s);
        let falc = vocab::by_slug(Scheme::SpecificSupport, s);
        let (fr, en) = match s.as_str() {
            "surdite" => (
                "Accompagnement pour les personnes sourdes",
                "Support for deaf people",
            ),
            "illettrisme" => (
                "Accompagnement pour les personnes qui lisent difficilement",
                "Support for people who find reading hard",
            ),
            "handicaps-moteurs" => (
                "Accompagnement pour les personnes qui bougent difficilement",
                "Support for people with physical disabilities",
            ),
            "deficience-visuelle" => (
                "Accompagnement pour les personnes qui voient mal",
                "Support for people with visual impairments",
            ),
            _ => (
                falc.map_or("", |c| c.label_falc),
                falc.map_or("", |c| c.label_en),
            ),
        };
        if has {
            add(
                Criterion::Support,
                10,
                Some(reason(Criterion::Support, true, fr, en)),
            );
        } else {
            add(
                Criterion::Support,
                0,
                Some(reason(
                    Criterion::Support,
                    false,
                    format!("Pas indiqué : {}", fr.to_lowercase()),
                    format!("Not stated: {}", en.to_lowercase()),
                )),
            );
        }
    }

    // Public: the offer is for everyone, or for them.
    if !answers.publics.is_empty() && !offer.publics.is_empty() {
        let fits = offer.publics.iter().any(|p| p == "tous-publics")
            || answers.publics.iter().any(|p| offer.publics.contains(p));
        if fits {
            let specific: Vec<String> = answers
                .publics
                .iter()
                .filter(|p| offer.publics.contains(p))
                .map(|p| label_fr(Scheme::Public, p))
                .collect();
            let (fr, en) = if specific.is_empty() {
                ("Pour tout le monde".to_string(), "For everyone".to_string())
            } else {
                (
                    format!("Pour vous : {}", specific.join(", ")),
                    format!(
                        "For you: {}",
                        answers
                            .publics
                            .iter()
                            .filter(|p| offer.publics.contains(p))
                            .map(|p| label_en(Scheme::Public, p))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                )
            };
            add(
                Criterion::Public,
                5,
                Some(reason(Criterion::Public, true, fr, en)),
            );
        } else {
            add(
                Criterion::Public,
                0,
                Some(reason(
                    Criterion::Public,
                    false,
                    "Pour d’autres publics : demandez",
                    "Meant for other people: ask",
                )),
            );
        }
    }

    // How to go.
    let access_modes: Vec<String> = offer
        .access
        .iter()
        .filter(|a| !a.starts_with("mobilisable-par-"))
        .cloned()
        .collect();
    if access_modes.iter().any(|a| a == "se-presenter") {
        let wanted = answers.access.iter().any(|a| a == "se-presenter");
        add(
            Criterion::Access,
            if wanted { 5 } else { 0 },
            Some(reason(
                Criterion::Access,
                true,
                "Vous pouvez y aller sans rendez-vous",
                "You can go there without an appointment",
            )),
        );
    }
    for a in answers.access.iter().filter(|a| *a != "se-presenter") {
        if access_modes.contains(a) {
            add(
                Criterion::Access,
                5,
                Some(reason(
                    Criterion::Access,
                    true,
                    format!(
                        "Comme vous le voulez : {}",
                        label_fr(Scheme::AccessMode, a).to_lowercase()
                    ),
                    format!(
                        "As you wish: {}",
                        label_en(Scheme::AccessMode, a).to_lowercase()
                    ),
                )),
            );
        }
    }

    // Who asks for it (data.inclusion `mobilisable_par`).
    let by_users = offer.access.iter().any(|a| a == "mobilisable-par-usagers");
    let by_pros = offer
        .access
        .iter()
        .any(|a| a == "mobilisable-par-professionnels");
    match answers.by {
        Some(Mobiliser::Usagers) if by_users => add(
            Criterion::Mobilisation,
            5,
            Some(reason(
                Criterion::Mobilisation,
                true,
                "Vous pouvez faire la demande vous-même",
                "You can ask for it yourself",
            )),
        ),
        Some(Mobiliser::Usagers) if by_pros => add(
            Criterion::Mobilisation,
            -10,
            Some(reason(
                Criterion::Mobilisation,
                false,
                "Un professionnel doit faire la demande pour vous",
                "A professional must ask for it for you",
            )),
        ),
        Some(Mobiliser::Professionnels) if by_pros => add(
            Criterion::Mobilisation,
            5,
            Some(reason(
                Criterion::Mobilisation,
                true,
                "Un professionnel peut faire la demande pour vous",
                "A professional can ask for it for you",
            )),
        ),
        _ => {}
    }

    let score = parts.iter().map(|p| p.points).sum();
    Ok(Ranked {
        candidate: 0,
        service: None,
        key: String::new(),
        score,
        score_parts: parts,
        reasons,
        distance_km: distance_km.map(|d| (d * 100.0).round() / 100.0),
        open_at_wanted_time,
        access_modes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(q: &str) -> Vec<(String, String)> {
        url::form_urlencoded::parse(q.as_bytes())
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect()
    }

    #[test]
    fn answers_round_trip_through_a_query_string() {
        let q = "need=aide-demarches-administratives&need=Maîtrise des outils numériques du quotidien&support=surdite&free=true&wheelchair=1&town=Saint-Clair&radius_km=8&remote=true&day=mardi&day=thursday&time=14:30&access=se-presenter&by=usagers&skill=courriel&choice=abcdefghijkl";
        let a = Answers::parse(&pairs(q), &[]).expect("valid");
        assert_eq!(
            a.needs,
            [
                "aide-demarches-administratives",
                "maitrise-outils-numeriques"
            ]
        );
        assert_eq!(a.days, [Weekday::Tue, Weekday::Thu]);
        assert_eq!(a.origin, Some(Origin::Town("Saint-Clair".into())));
        let again = Answers::parse_query(&a.to_query(), &[]).expect("valid");
        assert_eq!(again, a);
        assert_eq!(again.to_query(), a.to_query());
    }

    #[test]
    fn bad_answers_name_their_field() {
        let e = Answers::parse(
            &pairs("need=nothing&free=maybe&near=99,1&day=someday&radius_km=5&colour=blue"),
            &[],
        )
        .expect_err("invalid");
        let fields: Vec<&str> = e.errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            ["need", "free", "near", "day", "colour", "radius_km"]
        );
    }

    fn place(id: &str, lat: f64, fees: &[&str], hours: &str, support: &[&str]) -> Candidate {
        Candidate {
            id: id.into(),
            name: id.into(),
            geo: Some(GeoPoint {
                latitude: lat,
                longitude: 4.03,
            }),
            departement: Some("51".into()),
            opening_hours: Some(hours.into()),
            concepts: Concepts {
                services: vec!["aide-demarches-administratives".into()],
                fees: fees.iter().map(|f| f.to_string()).collect(),
                specific_support: support.iter().map(|f| f.to_string()).collect(),
                ..Default::default()
            },
            services: Vec::new(),
        }
    }

    #[test]
    fn the_nearest_open_free_accessible_place_comes_first_with_its_reasons() {
        let now = Utc
            .with_ymd_and_hms(2027, 1, 4, 8, 0, 0)
            .single()
            .expect("date");
        let candidates = [
            place(
                "far",
                49.40,
                &["gratuit"],
                "Mo-Fr 09:00-18:00",
                &["handicaps-moteurs"],
            ),
            place(
                "near-closed",
                49.26,
                &["gratuit"],
                "Sa 09:00-12:00",
                &["handicaps-moteurs"],
            ),
            place(
                "near",
                49.27,
                &["gratuit"],
                "Tu 14:00-17:00",
                &["handicaps-moteurs", "surdite"],
            ),
            place(
                "paid",
                49.25,
                &["payant"],
                "Tu 14:00-17:00",
                &["handicaps-moteurs"],
            ),
            place("steps", 49.25, &["gratuit"], "Tu 14:00-17:00", &[]),
        ];
        let answers = Answers::parse(
            &pairs("need=aide-demarches-administratives&near=49.25,4.03&radius_km=20&free=true&wheelchair=true&day=tuesday&time=14:00&support=surdite"),
            &[],
        )
        .expect("valid");
        let origin = Some(GeoPoint {
            latitude: 49.25,
            longitude: 4.03,
        });
        let r = rank(&answers, origin, &candidates, now, 10);
        let order: Vec<&str> = r
            .results
            .iter()
            .map(|x| candidates[x.candidate].id.as_str())
            .collect();
        assert_eq!(order, ["near", "near-closed", "far"]);
        assert_eq!(r.excluded.free_only, 1);
        assert_eq!(r.excluded.wheelchair, 1);
        let fr: Vec<&str> = r.results[0].reasons.iter().map(|x| x.fr.as_str()).collect();
        assert!(fr.contains(&"Gratuit"), "{fr:?}");
        assert!(fr.contains(&"Ouvert mardi à 14 h"), "{fr:?}");
        assert!(fr.contains(&"Accessible en fauteuil roulant"), "{fr:?}");
        assert!(
            fr.contains(&"Accompagnement pour les personnes sourdes"),
            "{fr:?}"
        );
        assert!(fr.contains(&"À 2,2 km"), "{fr:?}");
        let total: i32 = r.results[0].score_parts.iter().map(|p| p.points).sum();
        assert_eq!(total, r.results[0].score);

        // Far away and not remote: left out; remote possible and given remotely: kept.
        let tight = Answers::parse(
            &pairs("need=aide-demarches-administratives&near=49.25,4.03&radius_km=5"),
            &[],
        )
        .expect("valid");
        assert_eq!(
            rank(&tight, origin, &candidates, now, 10).excluded.too_far,
            1
        );
        let mut remote = candidates.clone();
        remote[0].concepts.support_modes = vec!["a-distance".into()];
        let mut with_remote = tight.clone();
        with_remote.remote_ok = true;
        let r = rank(&with_remote, origin, &remote, now, 10);
        assert_eq!(r.excluded.too_far, 0);
        assert!(
            r.results
                .iter()
                .any(|x| x.reasons.iter().any(|y| y.criterion == Criterion::Remote))
        );
    }

    #[test]
    fn keys_are_short_and_stable() {
        let k = result_key(
            "https://a.example/places/x",
            Some("https://a.example/objects/1"),
        );
        assert_eq!(k.len(), 12);
        assert_eq!(
            k,
            result_key(
                "https://a.example/places/x",
                Some("https://a.example/objects/1")
            )
        );
        assert_ne!(k, result_key("https://a.example/places/x", None));
        assert_eq!(distance_words(2.345).0, "2,3 km");
        assert_eq!(distance_words(0.234).0, "230 m");
    }
}
