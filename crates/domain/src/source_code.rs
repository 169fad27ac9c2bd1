//! The "code source" of a tiers-lieu (Movilab, TiLiOS): its governance, economic model,
//! partnerships, charter and recipes, published as openly licensed `Article`s that another
//! place can start from (a fork), attribution and licence kept.

use crate::place::parse_web_url;
use crate::validation::{ValidationErrors, non_empty, optional_text, required_text};
use serde::{Deserialize, Serialize};
use std::fmt;
use url::Url;

/// The default licence of a code-source article: CC BY-SA 4.0.
pub const DEFAULT_LICENSE: &str = crate::showcase::DEFAULT_LICENSE;

/// What part of a place's model an article describes (`gx:sourceCodeKind`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum SourceCodeKind {
    /// Gouvernance: who decides, how.
    Gouvernance,
    /// Modèle économique.
    ModeleEconomique,
    /// Partenariats.
    Partenariats,
    /// Charte.
    Charte,
    /// Recette: a how-to others can reuse.
    Recette,
}

impl SourceCodeKind {
    /// Every kind, in display order.
    pub const ALL: [SourceCodeKind; 5] = [
        SourceCodeKind::Gouvernance,
        SourceCodeKind::ModeleEconomique,
        SourceCodeKind::Partenariats,
        SourceCodeKind::Charte,
        SourceCodeKind::Recette,
    ];

    /// Its slug, on the wire and in storage.
    pub const fn slug(self) -> &'static str {
        match self {
            SourceCodeKind::Gouvernance => "gouvernance",
            SourceCodeKind::ModeleEconomique => "modele-economique",
            SourceCodeKind::Partenariats => "partenariats",
            SourceCodeKind::Charte => "charte",
            SourceCodeKind::Recette => "recette",
        }
    }

    /// French label.
    pub const fn label_fr(self) -> &'static str {
        match self {
            SourceCodeKind::Gouvernance => "Gouvernance",
            SourceCodeKind::ModeleEconomique => "Modèle économique",
            SourceCodeKind::Partenariats => "Partenariats",
            SourceCodeKind::Charte => "Charte",
            SourceCodeKind::Recette => "Recette",
        }
    }

    /// Easy-read label.
    pub const fn label_falc(self) -> &'static str {
        match self {
            SourceCodeKind::Gouvernance => "Qui décide et comment",
            SourceCodeKind::ModeleEconomique => "D’où vient l’argent",
            SourceCodeKind::Partenariats => "Avec qui le lieu travaille",
            SourceCodeKind::Charte => "Les règles du lieu",
            SourceCodeKind::Recette => "Comment faire la même chose",
        }
    }

    /// English label.
    pub const fn label_en(self) -> &'static str {
        match self {
            SourceCodeKind::Gouvernance => "Governance",
            SourceCodeKind::ModeleEconomique => "Economic model",
            SourceCodeKind::Partenariats => "Partnerships",
            SourceCodeKind::Charte => "Charter",
            SourceCodeKind::Recette => "Recipe",
        }
    }

    /// The kind with this slug (or French label).
    pub fn parse(raw: &str) -> Result<Self, LicenseError> {
        let raw = raw.trim().to_lowercase();
        SourceCodeKind::ALL
            .into_iter()
            .find(|k| k.slug() == raw || k.label_fr().to_lowercase() == raw)
            .ok_or(LicenseError::UnknownKind(raw))
    }
}

impl fmt::Display for SourceCodeKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.slug())
    }
}

/// What is wrong with a kind or a licence.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LicenseError {
    #[error(
        "{0:?} is not a kind of code source; one of: gouvernance, modele-economique, partenariats, charte, recette"
    )]
    UnknownKind(String),
    #[error(
        "{0:?} is not a licence URL or a known licence name (CC-BY-SA-4.0, CC-BY-4.0, CC0-1.0, Etalab-2.0…)"
    )]
    Unknown(String),
    #[error(
        "the licence {0} does not allow derivatives (pas de modification / no derivatives): it cannot be forked"
    )]
    NoDerivatives(String),
}

/// Reads a licence: a URL, or a short SPDX-like name (`CC-BY-SA-4.0`, `CC0-1.0`,
/// `Etalab-2.0`), normalised to the licence's URL.
pub fn parse_license(raw: &str) -> Result<Url, LicenseError> {
    let raw = raw.trim();
    if raw.starts_with("http://") || raw.starts_with("https://") {
        return parse_web_url(raw).map_err(|_| LicenseError::Unknown(raw.to_string()));
    }
    let lower = raw.to_lowercase();
    let url = if lower == "cc0" || lower == "cc0-1.0" {
        "https://creativecommons.org/publicdomain/zero/1.0/".to_string()
    } else if lower == "etalab-2.0" || lower == "licence-ouverte-2.0" {
        "https://www.etalab.gouv.fr/licence-ouverte-open-licence/".to_string()
    } else if let Some(rest) = lower.strip_prefix("cc-") {
        // cc-by-sa-4.0 → by-sa / 4.0
        let (code, version) = rest
            .rsplit_once('-')
            .ok_or_else(|| LicenseError::Unknown(raw.to_string()))?;
        let known = ["by", "by-sa", "by-nc", "by-nc-sa", "by-nd", "by-nc-nd"];
        if !known.contains(&code) || !matches!(version, "2.0" | "3.0" | "4.0") {
            return Err(LicenseError::Unknown(raw.to_string()));
        }
        format!("https://creativecommons.org/licenses/{code}/{version}/")
    } else {
        return Err(LicenseError::Unknown(raw.to_string()));
    };
    Url::parse(&url).map_err(|_| LicenseError::Unknown(raw.to_string()))
}

/// Whether material under `license` may be adapted: Creative Commons licences without `nd`,
/// CC0 and the Etalab open licence do; `nd` licences, and anything else (all rights reserved
/// unless said otherwise), do not.
pub fn allows_derivatives(license: &Url) -> Result<(), LicenseError> {
    let host = license.host_str().unwrap_or("");
    let path = license.path().to_lowercase();
    let open = match host {
        "creativecommons.org" | "www.creativecommons.org" => {
            if path.starts_with("/publicdomain/") {
                true
            } else if let Some(rest) = path.strip_prefix("/licenses/") {
                let code = rest.split('/').next().unwrap_or("");
                code.starts_with("by") && !code.split('-').any(|part| part == "nd")
            } else {
                false
            }
        }
        "www.etalab.gouv.fr" | "etalab.gouv.fr" => path.contains("licence-ouverte"),
        _ => false,
    };
    if open {
        Ok(())
    } else {
        Err(LicenseError::NoDerivatives(license.to_string()))
    }
}

/// A short name of a licence, for pages ("CC BY-SA 4.0").
pub fn license_name(license: &str) -> String {
    let Ok(url) = Url::parse(license) else {
        return license.to_string();
    };
    let path = url.path().trim_matches('/');
    if let Some(rest) = path.strip_prefix("licenses/") {
        let mut parts = rest.split('/');
        let code = parts.next().unwrap_or("").to_uppercase();
        let version = parts.next().unwrap_or("");
        return format!("CC {code} {version}").trim().to_string();
    }
    if path.starts_with("publicdomain/zero") {
        return "CC0 1.0".to_string();
    }
    if path.contains("licence-ouverte") {
        return "Licence Ouverte (Etalab)".to_string();
    }
    license.to_string()
}

/// Raw input for a code-source article.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSourceArticle {
    /// gouvernance, modele-economique, partenariats, charte or recette.
    pub kind: Option<String>,
    pub name: Option<String>,
    /// One line; made from the kind and the title when absent.
    pub summary: Option<String>,
    /// The article, plain text.
    pub content: Option<String>,
    /// A licence URL or name; CC BY-SA 4.0 when absent.
    pub license: Option<String>,
}

/// A validated code-source article.
#[derive(Debug, Clone, PartialEq)]
pub struct NewSourceArticle {
    pub kind: SourceCodeKind,
    pub name: String,
    pub summary: String,
    /// Plain text.
    pub content: String,
    pub license: Url,
}

/// The longest text.
pub const CONTENT_MAX: usize = 50_000;

impl NewSourceArticle {
    /// Parses raw input, reporting every invalid field.
    pub fn parse(raw: RawSourceArticle) -> Result<Self, ValidationErrors> {
        let mut errors = ValidationErrors::new();
        let kind = match non_empty(raw.kind.as_deref()) {
            None => {
                errors.add(
                    "kind",
                    "is required: gouvernance, modele-economique, partenariats, charte or recette",
                );
                None
            }
            Some(k) => errors.check("kind", SourceCodeKind::parse(&k)),
        };
        let name = required_text(&mut errors, "name", raw.name.as_deref(), 120);
        let summary = optional_text(&mut errors, "summary", raw.summary.as_deref(), 280);
        let content = required_text(&mut errors, "content", raw.content.as_deref(), CONTENT_MAX);
        let license = match non_empty(raw.license.as_deref()) {
            None => Url::parse(DEFAULT_LICENSE).ok(),
            Some(l) => errors.check("license", parse_license(&l)),
        };
        match (kind, name, content, license, errors.is_empty()) {
            (Some(kind), Some(name), Some(content), Some(license), true) => {
                let summary = summary.unwrap_or_else(|| summary_line(kind, &name));
                Ok(NewSourceArticle {
                    kind,
                    name,
                    summary,
                    content,
                    license,
                })
            }
            _ => Err(errors),
        }
    }
}

/// "Code source — Gouvernance : Notre collège des usagers".
pub fn summary_line(kind: SourceCodeKind, name: &str) -> String {
    format!("Code source — {} : {name}", kind.label_fr())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn licences_are_read_and_checked_for_derivatives() {
        let by_sa = parse_license("CC-BY-SA-4.0").expect("known");
        assert_eq!(by_sa.as_str(), DEFAULT_LICENSE);
        assert!(allows_derivatives(&by_sa).is_ok());
        assert!(allows_derivatives(&parse_license("cc0").expect("known")).is_ok());
        assert!(allows_derivatives(&parse_license("Etalab-2.0").expect("known")).is_ok());
        let nd = parse_license("CC-BY-NC-ND-4.0").expect("known");
        assert!(matches!(
            allows_derivatives(&nd),
            Err(LicenseError::NoDerivatives(_))
        ));
        let reserved = Url::parse("https://lieu.example/tous-droits-reserves").expect("url");
        assert!(allows_derivatives(&reserved).is_err());
        assert!(parse_license("MIT-ish").is_err());
        assert_eq!(license_name(DEFAULT_LICENSE), "CC BY-SA 4.0");
    }

    #[test]
    fn an_article_gets_a_default_licence_and_summary() {
        let a = NewSourceArticle::parse(RawSourceArticle {
            kind: Some("gouvernance".into()),
            name: Some("Collège des usagers".into()),
            content: Some("Chaque usager vote.".into()),
            ..Default::default()
        })
        .expect("valid");
        assert_eq!(a.license.as_str(), DEFAULT_LICENSE);
        assert_eq!(a.summary, "Code source — Gouvernance : Collège des usagers");
        let errors = NewSourceArticle::parse(RawSourceArticle {
            kind: Some("secret".into()),
            license: Some("nope".into()),
            ..Default::default()
        })
        .expect_err("invalid");
        let fields: Vec<&str> = errors.errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["kind", "name", "content", "license"]);
    }
}
