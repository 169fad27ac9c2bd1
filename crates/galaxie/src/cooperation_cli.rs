//! `galaxie coop …` and `galaxie place fork …`: cooperation between places (FEP-0837 offers
//! and requests, agreements) and the code source of a tiers-lieu (articles, forks).

use crate::app::App;
use crate::cli::CliError;
use clap::Subcommand;
use galaxie_db::cooperation::ProposalFilter;
use galaxie_domain::cooperation::{NewAnswer, NewProposal, RawAnswer, RawProposal};
use galaxie_domain::source_code::{NewSourceArticle, RawSourceArticle};
use galaxie_federation::{cooperation, fork};

/// `coop …`
#[derive(Debug, Subcommand)]
pub enum CoopCommand {
    /// Publish an offer or a request of a local place (a FEP-0837 `Proposal`).
    Propose {
        /// The local place.
        place: String,
        /// `offer` or `request`.
        #[arg(long)]
        purpose: String,
        /// The kind of cooperation: mecenat-competences, pret-materiel,
        /// mise-a-disposition-salle, accueil-permanence, benevolat, partenariat-scic-scop.
        #[arg(long)]
        kind: String,
        /// A short title.
        #[arg(long)]
        name: String,
        /// Details.
        #[arg(long)]
        content: Option<String>,
        /// How much (default 1).
        #[arg(long)]
        quantity: Option<f64>,
        /// `one`, `hour` or `day`.
        #[arg(long)]
        unit: Option<String>,
        /// What is expected in return.
        #[arg(long)]
        reciprocal: Option<String>,
    },
    /// List the proposals this instance knows (its own and received).
    List {
        /// `offer` or `request`.
        #[arg(long)]
        purpose: Option<String>,
        /// A kind of cooperation (repeatable).
        #[arg(long)]
        kind: Vec<String>,
        /// A département code (repeatable).
        #[arg(long)]
        departement: Vec<String>,
    },
    /// Answer a proposal for a local place: an `Agreement` is offered to the proposer.
    Answer {
        /// The local place.
        place: String,
        /// The proposal's URL.
        proposal: String,
        /// A message to the proposer.
        #[arg(long)]
        message: Option<String>,
    },
    /// List the agreements a local place takes part in.
    Agreements {
        /// The local place.
        place: String,
    },
    /// Accept an agreement offered to one of a local place's proposals (by its number).
    Accept {
        /// The agreement's number (from `coop agreements`).
        id: i64,
    },
    /// Reject an agreement offered to one of a local place's proposals.
    Reject {
        /// The agreement's number.
        id: i64,
    },
    /// Show a local place's cooperation frameworks, or set them (scic, scop, cae, mecenat,
    /// convention-partenariat, gip, groupement-employeurs, ptce); `--clear` removes them.
    Frameworks {
        /// The local place.
        place: String,
        /// The frameworks to set (all of them).
        frameworks: Vec<String>,
        /// Remove every framework.
        #[arg(long)]
        clear: bool,
    },
    /// Publish a code-source article (gouvernance, modele-economique, partenariats, charte,
    /// recette) of a local place.
    Source {
        /// The local place.
        place: String,
        /// gouvernance, modele-economique, partenariats, charte or recette.
        #[arg(long)]
        kind: String,
        /// Its title.
        #[arg(long)]
        name: String,
        /// Its text.
        #[arg(long)]
        content: String,
        /// One line (made from the kind and the title when absent).
        #[arg(long)]
        summary: Option<String>,
        /// A licence URL or name (CC-BY-SA-4.0 by default; CC-BY-4.0, CC0-1.0, Etalab-2.0…).
        #[arg(long)]
        license: Option<String>,
    },
}

/// Runs `coop …`.
pub async fn run_coop(app: &App, command: CoopCommand) -> Result<(), CliError> {
    let data = app.data();
    match command {
        CoopCommand::Propose {
            place,
            purpose,
            kind,
            name,
            content,
            quantity,
            unit,
            reciprocal,
        } => {
            let proposal = NewProposal::parse(RawProposal {
                purpose: Some(purpose),
                kind: Some(kind),
                name: Some(name),
                content,
                quantity,
                unit,
                reciprocal,
            })?;
            let row = cooperation::publish_proposal(&data, &place, proposal).await?;
            println!("{}\t{}", row.ap_id, row.summary);
        }
        CoopCommand::List {
            purpose,
            kind,
            departement,
        } => {
            let mut query = Vec::new();
            if let Some(p) = purpose {
                query.push(("purpose".to_string(), p));
            }
            query.extend(kind.into_iter().map(|k| ("kind".to_string(), k)));
            query.extend(
                departement
                    .into_iter()
                    .map(|d| ("departement".to_string(), d)),
            );
            let query = url::form_urlencoded::Serializer::new(String::new())
                .extend_pairs(query)
                .finish();
            let filter: ProposalFilter =
                galaxie_web::routes::cooperation::proposal_filter(Some(&query))?;
            for p in cooperation::list(&data, &filter).await? {
                println!(
                    "{}\t{}\t{}\t{}\t{}",
                    p.purpose,
                    p.kind,
                    p.departement.as_deref().unwrap_or("-"),
                    p.ap_id,
                    p.summary
                );
            }
        }
        CoopCommand::Answer {
            place,
            proposal,
            message,
        } => {
            let answer = NewAnswer::parse(RawAnswer {
                proposal: Some(proposal),
                message,
            })?;
            let row = cooperation::answer(&data, &place, answer).await?;
            println!("{}\t{}\t{}", row.id, row.status, row.ap_id);
        }
        CoopCommand::Agreements { place } => {
            let place = galaxie_federation::service::place(&data, &place).await?;
            for a in cooperation::agreements_of(&data, &place).await? {
                println!(
                    "{}\t{}\t{} → {}\t{}",
                    a.id, a.status, a.responder, a.proposer, a.proposal_ap_id
                );
            }
        }
        CoopCommand::Accept { id } => {
            let row = cooperation::decide(&data, id, true).await?;
            println!("{}\t{}", row.id, row.status);
        }
        CoopCommand::Reject { id } => {
            let row = cooperation::decide(&data, id, false).await?;
            println!("{}\t{}", row.id, row.status);
        }
        CoopCommand::Frameworks {
            place,
            frameworks,
            clear,
        } => {
            let row = if clear || !frameworks.is_empty() {
                cooperation::set_frameworks(&data, &place, &frameworks).await?
            } else {
                galaxie_federation::service::place(&data, &place).await?
            };
            for slug in galaxie_db::cooperation::frameworks(&row) {
                let label = galaxie_domain::vocab::by_slug(
                    galaxie_domain::vocab::Scheme::CooperationFramework,
                    &slug,
                )
                .map(|c| c.label_fr)
                .unwrap_or("");
                println!("{slug}\t{label}");
            }
        }
        CoopCommand::Source {
            place,
            kind,
            name,
            content,
            summary,
            license,
        } => {
            let article = NewSourceArticle::parse(RawSourceArticle {
                kind: Some(kind),
                name: Some(name),
                summary,
                content: Some(content),
                license,
            })?;
            let row = fork::publish_article(&data, &place, article).await?;
            println!("{}\t{}\t{}", row.ap_id, row.license, row.summary);
        }
    }
    Ok(())
}

/// Runs `place fork <source> <username>`.
pub async fn run_fork(
    app: &App,
    source: &str,
    username: &str,
    name: Option<&str>,
) -> Result<(), CliError> {
    let data = app.data();
    let forked = fork::fork(&data, source, username, name).await?;
    println!(
        "@{}@{}\t{}\t{}",
        forked.place.username,
        data.urls().authority(),
        forked.place.name,
        data.urls().place(&forked.place.username)
    );
    println!("origine / origin\t{}", forked.origin);
    for a in &forked.articles {
        println!(
            "{}\t{}\t{}",
            a.kind,
            a.name,
            a.attribution.as_deref().unwrap_or("")
        );
    }
    Ok(())
}
