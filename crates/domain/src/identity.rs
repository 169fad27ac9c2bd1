//! French identifiers of a structure and its commune: SIREN/SIRET (checked with the Luhn key
//! INSEE uses), RNA association numbers, INSEE commune codes, e-mail addresses.

use serde::{Deserialize, Serialize};
use std::fmt;

/// The "pivot" of MedNum's schema: the identifier that ties a place to the national
/// registries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", content = "value", rename_all = "lowercase")]
pub enum Pivot {
    /// SIREN, 9 digits (a legal unit).
    Siren(String),
    /// SIRET, 14 digits (an establishment).
    Siret(String),
    /// RNA, `W` followed by 9 digits or letters (an association).
    Rna(String),
}

/// Why a pivot was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PivotError {
    /// Not 9 digits, 14 digits, or W + 9.
    #[error(
        "must be a SIRET (14 digits), a SIREN (9 digits) or an RNA number (W followed by 9 characters) (found {0:?})"
    )]
    Shape(String),
    /// The Luhn key does not match: a typo.
    #[error(
        "is not a valid {kind}: its check digit does not match, check for a typo (found {value:?})"
    )]
    CheckDigit {
        /// SIREN or SIRET.
        kind: &'static str,
        /// The value.
        value: String,
    },
}

fn luhn_ok(digits: &str) -> bool {
    let mut sum = 0u32;
    for (i, c) in digits.chars().rev().enumerate() {
        let Some(mut d) = c.to_digit(10) else {
            return false;
        };
        if i % 2 == 1 {
            d *= 2;
            if d > 9 {
                d -= 9;
            }
        }
        sum += d;
    }
    sum.is_multiple_of(10)
}

/// La Poste's establishments share SIREN 356000000; their SIRETs use a different key (the sum
/// of the digits is a multiple of 5).
fn la_poste_siret_ok(digits: &str) -> bool {
    digits.starts_with("356000000")
        && digits
            .chars()
            .filter_map(|c| c.to_digit(10))
            .sum::<u32>()
            .is_multiple_of(5)
}

impl Pivot {
    /// Parses a pivot; spaces are ignored.
    pub fn parse(raw: &str) -> Result<Pivot, PivotError> {
        let compact: String = raw.chars().filter(|c| !c.is_whitespace()).collect();
        let all_digits = compact.chars().all(|c| c.is_ascii_digit());
        match compact.len() {
            14 if all_digits => {
                if luhn_ok(&compact) || la_poste_siret_ok(&compact) {
                    Ok(Pivot::Siret(compact))
                } else {
                    Err(PivotError::CheckDigit {
                        kind: "SIRET",
                        value: compact,
                    })
                }
            }
            9 if all_digits => {
                if luhn_ok(&compact) {
                    Ok(Pivot::Siren(compact))
                } else {
                    Err(PivotError::CheckDigit {
                        kind: "SIREN",
                        value: compact,
                    })
                }
            }
            10 if compact.starts_with(['W', 'w'])
                && compact[1..].chars().all(|c| c.is_ascii_alphanumeric()) =>
            {
                Ok(Pivot::Rna(compact.to_ascii_uppercase()))
            }
            _ => Err(PivotError::Shape(raw.to_string())),
        }
    }

    /// The identifier as written in MedNum's `pivot` column.
    pub fn as_str(&self) -> &str {
        match self {
            Pivot::Siren(v) | Pivot::Siret(v) | Pivot::Rna(v) => v,
        }
    }

    /// The SIREN of a SIRET or SIREN (the legal unit), for deduplication.
    pub fn siren(&self) -> Option<&str> {
        match self {
            Pivot::Siren(v) => Some(v),
            Pivot::Siret(v) => Some(&v[..9]),
            Pivot::Rna(_) => None,
        }
    }
}

impl fmt::Display for Pivot {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Why an INSEE commune code was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("must be a five-character INSEE commune code like 51454 or 2A004 (found {0:?})")]
pub struct InseeCodeError(String);

/// Checks an INSEE commune code (MedNum's pattern `^([013-9]\d|2[AB1-9])\d{3}$`).
pub fn parse_insee_code(raw: &str) -> Result<String, InseeCodeError> {
    let code = raw.trim().to_ascii_uppercase();
    let b = code.as_bytes();
    let ok = b.len() == 5
        && matches!(
            (b[0], b[1]),
            (b'2', b'A' | b'B' | b'1'..=b'9') | (b'0' | b'1' | b'3'..=b'9', b'0'..=b'9')
        )
        && b[2..].iter().all(u8::is_ascii_digit);
    if ok {
        Ok(code)
    } else {
        Err(InseeCodeError(raw.to_string()))
    }
}

/// Why an e-mail address was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("must be an e-mail address like contact@lieu.fr (found {0:?})")]
pub struct EmailError(String);

/// A light check of an e-mail address: one `@`, a dotted domain, no spaces.
pub fn parse_email(raw: &str) -> Result<String, EmailError> {
    let email = raw.trim();
    let ok = email.split_once('@').is_some_and(|(local, domain)| {
        !local.is_empty()
            && domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains('@')
    }) && !email
        .chars()
        .any(|c| c.is_whitespace() || c == '|' || c == ',');
    if ok {
        Ok(email.to_string())
    } else {
        Err(EmailError(raw.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sirets_and_sirens_are_checked_with_their_key() {
        // The MedNum reference example.
        assert_eq!(
            Pivot::parse("43493312300029"),
            Ok(Pivot::Siret("43493312300029".into()))
        );
        assert_eq!(
            Pivot::parse("434 933 123"),
            Ok(Pivot::Siren("434933123".into()))
        );
        assert!(matches!(
            Pivot::parse("43493312300028"),
            Err(PivotError::CheckDigit { kind: "SIRET", .. })
        ));
        assert_eq!(
            Pivot::parse("43493312300029").expect("siret").siren(),
            Some("434933123")
        );
        // A La Poste establishment.
        assert!(Pivot::parse("35600000000048").is_ok());
    }

    #[test]
    fn rna_numbers_are_accepted() {
        assert_eq!(
            Pivot::parse("w751234567"),
            Ok(Pivot::Rna("W751234567".into()))
        );
        assert!(matches!(
            Pivot::parse("X751234567"),
            Err(PivotError::Shape(_))
        ));
        assert!(matches!(Pivot::parse("1234"), Err(PivotError::Shape(_))));
    }

    #[test]
    fn insee_codes_follow_the_mednum_pattern() {
        assert_eq!(parse_insee_code("51454").as_deref(), Ok("51454"));
        assert_eq!(parse_insee_code("2a004").as_deref(), Ok("2A004"));
        assert!(parse_insee_code("20004").is_err());
        assert!(parse_insee_code("5145").is_err());
    }

    #[test]
    fn emails_are_checked_lightly() {
        assert!(parse_email("contact@laquincaillerie.tl").is_ok());
        assert!(parse_email("contact@").is_err());
        assert!(parse_email("a b@c.fr").is_err());
        assert!(parse_email("a@b.fr|c@d.fr").is_err());
    }
}
