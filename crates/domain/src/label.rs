//! Regional labels: what a network defines (name, criteria, validity), what a place answers
//! when it applies, the dates of a grant, and the one-line French summary of an attestation.

use crate::validation::{ValidationErrors, non_empty};

fn trimmed(value: Option<String>) -> Option<String> {
    non_empty(value.as_deref())
}
use chrono::{DateTime, Datelike, Months, NaiveDate, NaiveTime, TimeZone, Utc};

/// The longest label name.
pub const MAX_NAME: usize = 120;
/// The most criteria a label has.
pub const MAX_CRITERIA: usize = 30;
/// The longest criterion or answer.
pub const MAX_TEXT: usize = 2_000;
/// The longest validity, in months.
pub const MAX_VALIDITY_MONTHS: u32 = 120;

/// A label as typed (CLI, API, form).
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct RawLabel {
    pub slug: Option<String>,
    pub name: Option<String>,
    /// One criterion per entry (a form sends one per line).
    #[serde(default)]
    pub criteria: Vec<String>,
    /// Default validity of a grant, in months.
    pub validity_months: Option<String>,
}

/// A valid label definition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewLabel {
    pub slug: String,
    pub name: String,
    pub criteria: Vec<String>,
    pub validity_months: Option<u32>,
}

/// Checks a slug: 1 to 64 of `a-z`, `0-9`, `-`, starting with a letter or digit.
pub fn parse_slug(raw: &str) -> Result<String, String> {
    let slug = raw.trim();
    let ok = !slug.is_empty()
        && slug.len() <= 64
        && !slug.starts_with('-')
        && slug
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if ok {
        Ok(slug.to_string())
    } else {
        Err(format!(
            "« {slug} » : 1 à 64 lettres minuscules, chiffres ou tirets / 1 to 64 lowercase letters, digits or hyphens"
        ))
    }
}

impl NewLabel {
    /// Parses a typed label, reporting every invalid field.
    pub fn parse(raw: RawLabel) -> Result<Self, ValidationErrors> {
        let mut errors = ValidationErrors::new();
        let slug = match trimmed(raw.slug) {
            Some(s) => errors.check("slug", parse_slug(&s)),
            None => {
                errors.add("slug", "obligatoire / required");
                None
            }
        };
        let name = match trimmed(raw.name) {
            Some(n) if n.chars().count() > MAX_NAME => {
                errors.add(
                    "name",
                    format!("{MAX_NAME} caractères au plus / at most {MAX_NAME} characters"),
                );
                None
            }
            Some(n) => Some(n),
            None => {
                errors.add("name", "obligatoire / required");
                None
            }
        };
        let criteria: Vec<String> = raw
            .criteria
            .iter()
            .flat_map(|c| c.lines())
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .map(str::to_string)
            .collect();
        if criteria.len() > MAX_CRITERIA {
            errors.add(
                "criteria",
                format!("{MAX_CRITERIA} critères au plus / at most {MAX_CRITERIA} criteria"),
            );
        }
        if criteria.iter().any(|c| c.chars().count() > MAX_TEXT) {
            errors.add(
                "criteria",
                format!("un critère fait {MAX_TEXT} caractères au plus / a criterion is at most {MAX_TEXT} characters"),
            );
        }
        let validity_months = match trimmed(raw.validity_months) {
            None => None,
            Some(v) => match v.parse::<u32>() {
                Ok(m) if (1..=MAX_VALIDITY_MONTHS).contains(&m) => Some(m),
                _ => {
                    errors.add(
                        "validity_months",
                        format!("« {v} » : un nombre de mois de 1 à {MAX_VALIDITY_MONTHS} / a number of months from 1 to {MAX_VALIDITY_MONTHS}"),
                    );
                    None
                }
            },
        };
        let (Some(slug), Some(name)) = (slug, name) else {
            return Err(errors);
        };
        errors.into_result(NewLabel {
            slug,
            name,
            criteria,
            validity_months,
        })
    }
}

/// Checks an application's answers against the label's criteria: one non-empty answer per
/// criterion, in order.
pub fn parse_answers(
    criteria: &[String],
    answers: &[String],
) -> Result<Vec<String>, ValidationErrors> {
    let mut errors = ValidationErrors::new();
    let answers: Vec<String> = answers.iter().map(|a| a.trim().to_string()).collect();
    if answers.len() != criteria.len() {
        errors.add(
            "answers",
            format!(
                "{} réponse(s) attendue(s), une par critère, {} reçue(s) / {} answer(s) expected, one per criterion, {} given",
                criteria.len(),
                answers.len(),
                criteria.len(),
                answers.len()
            ),
        );
        return Err(errors);
    }
    for (i, a) in answers.iter().enumerate() {
        if a.is_empty() {
            errors.add(
                &format!("answers[{i}]"),
                format!(
                    "réponse au critère « {} » obligatoire / answer required",
                    criteria[i]
                ),
            );
        } else if a.chars().count() > MAX_TEXT {
            errors.add(
                &format!("answers[{i}]"),
                format!("{MAX_TEXT} caractères au plus / at most {MAX_TEXT} characters"),
            );
        }
    }
    errors.into_result(answers)
}

/// The validity of a grant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GrantDates {
    pub from: DateTime<Utc>,
    pub until: DateTime<Utc>,
}

/// Reads a date (`2027-12-31`) or a date-time (RFC 3339). A date alone means its start
/// (`from`) or its end (`until`, the last second of the day, UTC).
fn parse_when(raw: &str, end_of_day: bool) -> Result<DateTime<Utc>, String> {
    let raw = raw.trim();
    if let Ok(t) = DateTime::parse_from_rfc3339(raw) {
        return Ok(t.with_timezone(&Utc));
    }
    let day = NaiveDate::parse_from_str(raw, "%Y-%m-%d").map_err(|_| {
        format!("« {raw} » : une date AAAA-MM-JJ ou RFC 3339 / a date YYYY-MM-DD or RFC 3339")
    })?;
    let time = if end_of_day {
        NaiveTime::from_hms_opt(23, 59, 59)
    } else {
        NaiveTime::from_hms_opt(0, 0, 0)
    }
    .unwrap_or_default();
    Ok(Utc.from_utc_datetime(&day.and_time(time)))
}

impl GrantDates {
    /// Parses `from` (default: `now`) and `until` (default: `from` plus the label's validity).
    /// `until` must come after `from`, and one of `until` or a validity is needed.
    pub fn parse(
        from: Option<&str>,
        until: Option<&str>,
        validity_months: Option<u32>,
        now: DateTime<Utc>,
    ) -> Result<Self, ValidationErrors> {
        let mut errors = ValidationErrors::new();
        let from = match from.map(str::trim).filter(|s| !s.is_empty()) {
            Some(f) => errors.check("from", parse_when(f, false)),
            None => Some(now),
        };
        let until = match until.map(str::trim).filter(|s| !s.is_empty()) {
            Some(u) => errors.check("until", parse_when(u, true)),
            None => match (from, validity_months) {
                (Some(f), Some(m)) => f.checked_add_months(Months::new(m)),
                (Some(_), None) => {
                    errors.add(
                        "until",
                        "obligatoire : ce label n'a pas de durée par défaut / required: this label has no default validity",
                    );
                    None
                }
                (None, _) => None,
            },
        };
        if let (Some(f), Some(u)) = (from, until)
            && u <= f
        {
            errors.add(
                "until",
                "la fin doit venir après le début / the end must come after the start",
            );
        }
        match (from, until) {
            (Some(from), Some(until)) => errors.into_result(GrantDates { from, until }),
            _ => Err(errors),
        }
    }
}

const MONTHS: [&str; 12] = [
    "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.",
    "déc.",
];

/// A date in plain French: "31 déc. 2027".
pub fn french_date(t: DateTime<Utc>) -> String {
    format!("{} {} {}", t.day(), MONTHS[t.month0() as usize], t.year())
}

/// The one-line summary of an attestation, which is what Mastodon and others show:
/// "Label « Lieu numérique solidaire » — Médiathèque de Saint-Clair — décerné par Réseau des
/// tiers-lieux du Grand Est — du 1 janv. 2027 au 31 déc. 2027".
pub fn attestation_summary(label: &str, holder: &str, issuer: &str, dates: GrantDates) -> String {
    format!(
        "Label « {label} » — {holder} — décerné par {issuer} — du {} au {}",
        french_date(dates.from),
        french_date(dates.until)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 7, 10, 0, 0)
            .single()
            .expect("valid")
    }

    #[test]
    fn a_label_is_parsed_with_its_criteria_one_per_line() {
        let label = NewLabel::parse(RawLabel {
            slug: Some("lieu-solidaire".into()),
            name: Some(" Lieu numérique solidaire ".into()),
            criteria: vec!["Accueil gratuit\n\nOuvert 20 h par semaine".into()],
            validity_months: Some("24".into()),
        })
        .expect("valid");
        assert_eq!(label.name, "Lieu numérique solidaire");
        assert_eq!(label.criteria.len(), 2);
        assert_eq!(label.validity_months, Some(24));
    }

    #[test]
    fn every_bad_field_of_a_label_is_named() {
        let err = NewLabel::parse(RawLabel {
            slug: Some("Pas Bon".into()),
            name: None,
            criteria: vec![],
            validity_months: Some("jamais".into()),
        })
        .expect_err("invalid");
        let fields: Vec<_> = err.errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["slug", "name", "validity_months"]);
    }

    #[test]
    fn grant_dates_default_and_refuse_an_end_before_the_start() {
        let d = GrantDates::parse(None, Some("2027-12-31"), None, now()).expect("valid");
        assert_eq!(d.from, now());
        assert_eq!(d.until.to_rfc3339(), "2027-12-31T23:59:59+00:00");
        let d = GrantDates::parse(Some("2027-01-01"), None, Some(12), now()).expect("valid");
        assert_eq!(d.until.to_rfc3339(), "2028-01-01T00:00:00+00:00");
        let err = GrantDates::parse(None, Some("2026-01-01"), None, now()).expect_err("invalid");
        assert_eq!(err.errors[0].field, "until");
        let err = GrantDates::parse(Some("demain"), Some("31/12/2027"), None, now())
            .expect_err("invalid");
        let fields: Vec<_> = err.errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["from", "until"]);
        assert!(GrantDates::parse(None, None, None, now()).is_err());
    }

    #[test]
    fn answers_are_one_per_criterion() {
        let criteria = vec!["a".to_string(), "b".to_string()];
        assert!(parse_answers(&criteria, &["oui".into()]).is_err());
        let err = parse_answers(&criteria, &["oui".into(), " ".into()]).expect_err("invalid");
        assert_eq!(err.errors[0].field, "answers[1]");
        assert_eq!(
            parse_answers(&criteria, &[" oui".into(), "non".into()]).expect("valid"),
            ["oui", "non"]
        );
    }

    #[test]
    fn the_summary_says_what_who_by_whom_and_when() {
        let dates =
            GrantDates::parse(Some("2027-01-01"), Some("2027-12-31"), None, now()).expect("valid");
        assert_eq!(
            attestation_summary(
                "Lieu solidaire",
                "EPN Saint-Clair",
                "Réseau Grand Est",
                dates
            ),
            "Label « Lieu solidaire » — EPN Saint-Clair — décerné par Réseau Grand Est — du 1 janv. 2027 au 31 déc. 2027"
        );
    }
}
