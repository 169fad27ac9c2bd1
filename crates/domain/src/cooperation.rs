//! Cooperation between places: offers and requests (mécénat de compétences, prêt de matériel,
//! salle, permanence, bénévolat, partenariat SCIC/SCOP) published as FEP-0837 `Proposal`s,
//! answered by another place, and agreed when the proposer accepts.
//!
//! The kinds are concepts of the vocabulary scheme `cooperation`; a proposal stores its slug
//! and carries the concept IRI on the wire.

use crate::validation::{ValidationErrors, non_empty, optional_text, required_text};
use crate::vocab::{self, Scheme};
use serde::{Deserialize, Serialize};
use std::fmt;

/// Whether a place offers something or asks for it (FEP-0837 `purpose`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Purpose {
    /// The place offers (`purpose: "offer"`).
    Offer,
    /// The place asks (`purpose: "request"`).
    Request,
}

impl Purpose {
    /// The FEP-0837 value.
    pub const fn as_str(self) -> &'static str {
        match self {
            Purpose::Offer => "offer",
            Purpose::Request => "request",
        }
    }

    /// In French, for summaries and pages.
    pub const fn label_fr(self) -> &'static str {
        match self {
            Purpose::Offer => "Offre",
            Purpose::Request => "Demande",
        }
    }

    /// Reads `offer` / `request` (and their French names).
    pub fn parse(raw: &str) -> Result<Self, CooperationError> {
        match raw.trim().to_lowercase().as_str() {
            "offer" | "offre" => Ok(Purpose::Offer),
            "request" | "demande" => Ok(Purpose::Request),
            other => Err(CooperationError::UnknownPurpose(other.to_string())),
        }
    }
}

impl fmt::Display for Purpose {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The unit of a quantity (om2 units as FEP-0837 writes them).
pub const UNITS: &[&str] = &["one", "hour", "day"];

/// What can be wrong in a cooperation input.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CooperationError {
    #[error("must be \"offer\" or \"request\" (found {0:?})")]
    UnknownPurpose(String),
    #[error("must be \"pending\", \"accepted\" or \"rejected\" (found {0:?})")]
    UnknownStatus(String),
}

/// The state of an agreement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AgreementStatus {
    /// Offered by the answering place, waiting for the proposer.
    Pending,
    /// Accepted by the proposer: both places show it.
    Accepted,
    /// Refused by the proposer.
    Rejected,
}

impl AgreementStatus {
    /// As stored.
    pub const fn as_str(self) -> &'static str {
        match self {
            AgreementStatus::Pending => "pending",
            AgreementStatus::Accepted => "accepted",
            AgreementStatus::Rejected => "rejected",
        }
    }

    /// In French.
    pub const fn label_fr(self) -> &'static str {
        match self {
            AgreementStatus::Pending => "En attente de réponse",
            AgreementStatus::Accepted => "Accord conclu",
            AgreementStatus::Rejected => "Refusé",
        }
    }

    /// Reads a stored value.
    pub fn parse(raw: &str) -> Result<Self, CooperationError> {
        match raw {
            "pending" => Ok(AgreementStatus::Pending),
            "accepted" => Ok(AgreementStatus::Accepted),
            "rejected" => Ok(AgreementStatus::Rejected),
            other => Err(CooperationError::UnknownStatus(other.to_string())),
        }
    }
}

/// Raw input for a proposal, as typed in a form, a CLI call or a JSON body.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawProposal {
    /// `offer` or `request`.
    pub purpose: Option<String>,
    /// A concept of the `cooperation` scheme (slug, IRI or `cooperation/slug`).
    pub kind: Option<String>,
    /// A short title ("Imprimante 3D à prêter le samedi").
    pub name: Option<String>,
    /// Details, plain text.
    pub content: Option<String>,
    /// How much (default 1).
    pub quantity: Option<f64>,
    /// `one`, `hour` or `day` (default `one`).
    pub unit: Option<String>,
    /// What is expected in return, in words (FEP-0837 `reciprocal`), if anything.
    pub reciprocal: Option<String>,
}

/// A validated proposal.
#[derive(Debug, Clone, PartialEq)]
pub struct NewProposal {
    pub purpose: Purpose,
    /// The cooperation kind's slug.
    pub kind: String,
    pub name: String,
    pub content: Option<String>,
    pub quantity: f64,
    pub unit: String,
    pub reciprocal: Option<String>,
}

/// The longest title.
pub const NAME_MAX: usize = 120;
/// The longest details.
pub const CONTENT_MAX: usize = 5_000;

impl NewProposal {
    /// Parses raw input, reporting every invalid field.
    pub fn parse(raw: RawProposal) -> Result<Self, ValidationErrors> {
        let mut errors = ValidationErrors::new();
        let purpose = match non_empty(raw.purpose.as_deref()) {
            None => {
                errors.add("purpose", "is required: \"offer\" or \"request\"");
                None
            }
            Some(p) => errors.check("purpose", Purpose::parse(&p)),
        };
        let kind = match non_empty(raw.kind.as_deref()) {
            None => {
                errors.add("kind", "is required: a kind of cooperation (see /vocab)");
                None
            }
            Some(k) => match vocab::resolve(Scheme::Cooperation, &k) {
                Some(c) => Some(c.slug.to_string()),
                None => {
                    errors.add(
                        "kind",
                        format!(
                            "{k:?} is not a kind of cooperation; one of: {}",
                            Scheme::Cooperation
                                .concepts()
                                .iter()
                                .map(|c| c.slug)
                                .collect::<Vec<_>>()
                                .join(", ")
                        ),
                    );
                    None
                }
            },
        };
        let name = required_text(&mut errors, "name", raw.name.as_deref(), NAME_MAX);
        let content = optional_text(&mut errors, "content", raw.content.as_deref(), CONTENT_MAX);
        let reciprocal = optional_text(&mut errors, "reciprocal", raw.reciprocal.as_deref(), 500);
        let quantity = raw.quantity.unwrap_or(1.0);
        if !quantity.is_finite() || quantity <= 0.0 || quantity > 1_000_000.0 {
            errors.add("quantity", "must be a number above 0");
        }
        let unit = non_empty(raw.unit.as_deref()).unwrap_or_else(|| "one".to_string());
        if !UNITS.contains(&unit.as_str()) {
            errors.add(
                "unit",
                format!("must be one of {} (found {unit:?})", UNITS.join(", ")),
            );
        }
        match (purpose, kind, name, errors.is_empty()) {
            (Some(purpose), Some(kind), Some(name), true) => Ok(NewProposal {
                purpose,
                kind,
                name,
                content,
                quantity,
                unit,
                reciprocal,
            }),
            _ => Err(errors),
        }
    }

    /// The one-line French summary Mastodon shows.
    pub fn summary_line(&self, place_name: &str) -> String {
        summary_line(self.purpose, &self.kind, &self.name, place_name)
    }
}

/// "Offre de coopération — Prêt de matériel : Imprimante 3D — Fablab de Saint-Clair".
pub fn summary_line(purpose: Purpose, kind: &str, name: &str, place_name: &str) -> String {
    let kind_label = vocab::resolve(Scheme::Cooperation, kind)
        .map(|c| c.label_fr)
        .unwrap_or(kind);
    format!(
        "{} de coopération — {kind_label} : {name} — {place_name}",
        purpose.label_fr()
    )
}

/// The valueflows action of a kind of cooperation (FEP-0837 `Intent.action`): a service
/// delivered, a resource used, or work.
pub fn action_of(kind: &str) -> &'static str {
    match kind {
        "pret-materiel" | "mise-a-disposition-salle" | "accueil-permanence" => "use",
        "benevolat" => "work",
        _ => "deliverService",
    }
}

/// Raw input for answering a proposal.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAnswer {
    /// The proposal's URL (its ActivityPub id).
    pub proposal: Option<String>,
    /// A message to the proposer.
    pub message: Option<String>,
}

/// A validated answer.
#[derive(Debug, Clone, PartialEq)]
pub struct NewAnswer {
    pub proposal: url::Url,
    pub message: Option<String>,
}

impl NewAnswer {
    /// Parses raw input, reporting every invalid field.
    pub fn parse(raw: RawAnswer) -> Result<Self, ValidationErrors> {
        let mut errors = ValidationErrors::new();
        let proposal = match non_empty(raw.proposal.as_deref()) {
            None => {
                errors.add("proposal", "is required: the proposal's URL");
                None
            }
            Some(p) => errors.check("proposal", crate::place::parse_web_url(&p)),
        };
        let message = optional_text(&mut errors, "message", raw.message.as_deref(), CONTENT_MAX);
        match (proposal, errors.is_empty()) {
            (Some(proposal), true) => Ok(NewAnswer { proposal, message }),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_proposal_is_parsed_with_its_kind_resolved() {
        let p = NewProposal::parse(RawProposal {
            purpose: Some("offre".into()),
            kind: Some("https://galaxie.tiers-lieux.fr/ns#cooperation/pret-materiel".into()),
            name: Some("Imprimante 3D".into()),
            ..Default::default()
        })
        .expect("valid");
        assert_eq!(p.purpose, Purpose::Offer);
        assert_eq!(p.kind, "pret-materiel");
        assert_eq!(p.unit, "one");
        assert_eq!(
            p.summary_line("Fablab"),
            "Offre de coopération — Prêt de matériel : Imprimante 3D — Fablab"
        );
        assert_eq!(action_of(&p.kind), "use");
    }

    #[test]
    fn every_bad_field_is_reported() {
        let errors = NewProposal::parse(RawProposal {
            purpose: Some("swap".into()),
            kind: Some("nope".into()),
            quantity: Some(-1.0),
            unit: Some("kg".into()),
            ..Default::default()
        })
        .expect_err("invalid");
        let fields: Vec<&str> = errors.errors.iter().map(|e| e.field.as_str()).collect();
        for f in ["purpose", "kind", "name", "quantity", "unit"] {
            assert!(fields.contains(&f), "{f} in {fields:?}");
        }
    }

    #[test]
    fn an_answer_needs_a_proposal_url() {
        let errors = NewAnswer::parse(RawAnswer::default()).expect_err("invalid");
        assert_eq!(errors.errors[0].field, "proposal");
        let errors = NewAnswer::parse(RawAnswer {
            proposal: Some("not a url".into()),
            message: None,
        })
        .expect_err("invalid");
        assert_eq!(errors.errors[0].field, "proposal");
    }
}
