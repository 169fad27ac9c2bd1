//! `galaxie label …`: regional labels. A network defines labels, member places apply, the
//! network grants (a signed attestation), refuses or revokes; anyone verifies an attestation.

use crate::app::App;
use crate::cli::CliError;
use clap::Subcommand;
use galaxie_domain::label::{NewLabel, RawLabel};
use galaxie_federation::label;
use url::Url;

/// `label …`
#[derive(Debug, Subcommand)]
pub enum LabelCommand {
    /// Define a label of a local network (or change the one with this slug).
    Define {
        /// The network (a local network's username).
        network: String,
        /// The label's slug (`lieu-solidaire`): lowercase letters, digits, hyphens.
        slug: String,
        /// Its name (« Lieu numérique solidaire »).
        #[arg(long)]
        name: String,
        /// A criterion the place answers when it applies. Repeatable, in order.
        #[arg(long = "criterion")]
        criteria: Vec<String>,
        /// How long a grant lasts by default, in months (1 to 120).
        #[arg(long)]
        validity_months: Option<String>,
    },
    /// List a local network's labels.
    List {
        /// The network.
        network: String,
    },
    /// Make a local place apply for a label, with one answer per criterion (`Offer`).
    Apply {
        /// The local place.
        place: String,
        /// The label: its URL, or network/slug for a network of this instance.
        label: String,
        /// An answer, one per criterion, in order. Repeatable.
        #[arg(long = "answer")]
        answers: Vec<String>,
    },
    /// List the applications for a label.
    Applications {
        /// The network.
        network: String,
        /// The label's slug.
        slug: String,
    },
    /// Grant a label to a member place: a signed attestation, sent to the place and the
    /// network's followers (approves its pending application, if any).
    Grant {
        /// The network.
        network: String,
        /// The label's slug.
        slug: String,
        /// The place: @place@host, its URL, or a local place's username.
        place: String,
        /// The end: YYYY-MM-DD (its last second, UTC) or RFC 3339. Default: the label's
        /// validity from the start.
        #[arg(long)]
        until: Option<String>,
        /// The start: YYYY-MM-DD or RFC 3339. Default: now.
        #[arg(long)]
        from: Option<String>,
    },
    /// Refuse a pending application.
    Refuse {
        /// The network.
        network: String,
        /// The label's slug.
        slug: String,
        /// The place: @place@host, its URL, or a local place's username.
        place: String,
        /// Why (sent to the place).
        #[arg(long)]
        reason: Option<String>,
    },
    /// Revoke a place's current attestations of a label (federated `Delete`).
    Revoke {
        /// The network.
        network: String,
        /// The label's slug.
        slug: String,
        /// The place: @place@host, its URL, or a local place's username.
        place: String,
    },
    /// The labels a local place holds (all, with their state).
    Held {
        /// The local place.
        place: String,
    },
    /// Verify an attestation: exit status 0 only for a valid, unexpired, unrevoked one.
    Verify {
        /// The attestation's URL, or a file holding a copy of it (`-` for standard input).
        attestation: String,
    },
}

/// Runs `label …`.
pub async fn run_label(app: &App, command: LabelCommand) -> Result<(), CliError> {
    let data = app.data();
    let conn = app.db.conn();
    match command {
        LabelCommand::Define {
            network,
            slug,
            name,
            criteria,
            validity_months,
        } => {
            let new = NewLabel::parse(RawLabel {
                slug: Some(slug),
                name: Some(name),
                criteria,
                validity_months,
            })?;
            let row = label::define(&data, &network, new).await?;
            println!("{}\t{}\t{}", row.slug, row.name, row.ap_id);
        }
        LabelCommand::List { network } => {
            let network = galaxie_federation::network::network(&data, &network).await?;
            for row in galaxie_db::labels::list(conn, network.id).await? {
                let n = row.criteria_list().len();
                println!("{}\t{}\t{n} critère(s)\t{}", row.slug, row.name, row.ap_id);
            }
        }
        LabelCommand::Apply {
            place,
            label: target,
            answers,
        } => {
            let url = label::label_ref(&data, &target)?;
            let row = label::apply(&data, &place, &url, &answers).await?;
            println!("{}\tpending\t{}", row.ap_id, row.label_ap_id);
        }
        LabelCommand::Applications { network, slug } => {
            for row in label::applications(&data, &network, &slug, false).await? {
                println!(
                    "{}\t{:?}\t{}\t{}",
                    row.applicant_ap_id,
                    row.status,
                    row.answer_list().join(" | "),
                    row.ap_id
                );
            }
        }
        LabelCommand::Grant {
            network,
            slug,
            place,
            until,
            from,
        } => {
            let row = label::grant(
                &data,
                &network,
                &slug,
                &place,
                from.as_deref(),
                until.as_deref(),
            )
            .await?;
            println!(
                "{}\t{}\t{}\t{}",
                row.ap_id,
                row.holder_ap_id,
                row.valid_from.to_rfc3339(),
                row.valid_until.to_rfc3339()
            );
        }
        LabelCommand::Refuse {
            network,
            slug,
            place,
            reason,
        } => {
            let row = label::refuse(&data, &network, &slug, &place, reason.as_deref()).await?;
            println!("{}\trefused", row.applicant_ap_id);
        }
        LabelCommand::Revoke {
            network,
            slug,
            place,
        } => {
            for row in label::revoke(&data, &network, &slug, &place).await? {
                println!("{}\trevoked", row.ap_id);
            }
        }
        LabelCommand::Held { place } => {
            let place = galaxie_federation::service::place(&data, &place).await?;
            let holder = data.urls().place(&place.username);
            let now = galaxie_db::now();
            for row in galaxie_db::labels::held_by(conn, holder.as_str()).await? {
                let state = if row.revoked_at.is_some() {
                    "revoked"
                } else if row.is_valid_at(now) {
                    "valid"
                } else {
                    "expired"
                };
                println!(
                    "{}\t{state}\t{}\t{}\t{}",
                    row.label_name,
                    row.valid_until.to_rfc3339(),
                    row.issuer_ap_id,
                    row.ap_id
                );
            }
        }
        LabelCommand::Verify { attestation } => {
            let outcome = if attestation.starts_with("http://")
                || attestation.starts_with("https://")
            {
                let url = Url::parse(&attestation)
                    .map_err(|e| CliError::Invalid(format!("invalid input: attestation: {e}")))?;
                label::verify_url(&data, &url).await
            } else {
                let text = if attestation == "-" {
                    std::io::read_to_string(std::io::stdin())
                } else {
                    std::fs::read_to_string(&attestation)
                }
                .map_err(|e| {
                    CliError::Invalid(format!("invalid input: attestation: {attestation}: {e}"))
                })?;
                let doc: serde_json::Value = serde_json::from_str(&text).map_err(|e| {
                    CliError::Invalid(format!("invalid input: attestation: not JSON ({e})"))
                })?;
                label::verify_document(&data, &doc).await
            };
            match outcome {
                Ok(v) => {
                    println!(
                        "VALIDE / VALID\t{}\t{}\t{} → {}\t{}",
                        v.summary.as_deref().unwrap_or_default(),
                        v.holder,
                        v.valid_from.to_rfc3339(),
                        v.valid_until.to_rfc3339(),
                        v.id
                    );
                }
                Err(e) => {
                    return Err(CliError::Other(anyhow::anyhow!(
                        "NON VALIDE / NOT VALID: {e}"
                    )));
                }
            }
        }
    }
    Ok(())
}
