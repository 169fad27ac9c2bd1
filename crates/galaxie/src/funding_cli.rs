//! `galaxie funding …`: the funding watch from the command line (import a funder's feed or an
//! Aides-territoires JSON file, list the calls a place may apply to), and the `[funding]`
//! configuration section whose sources are imported again on a schedule by `galaxie serve`.

use crate::app::App;
use crate::cli::CliError;
use clap::Subcommand;
use galaxie_federation::Data;
use galaxie_federation::funding::{self, ImportError, ImportReport, Source};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde::{Deserialize, Serialize};
use std::io::IsTerminal;
use tokio::sync::watch;

/// `[funding]`: the sources imported on a schedule.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct FundingConfig {
    /// Feeds (RSS, Atom, JSON Feed) and Aides-territoires JSON, by URL or file path.
    pub sources: Vec<FundingSource>,
    /// Hours between two imports of every source (at least 1).
    pub interval_hours: u64,
}

impl Default for FundingConfig {
    fn default() -> Self {
        Self {
            sources: Vec::new(),
            interval_hours: 6,
        }
    }
}

/// One source of `[funding]`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FundingSource {
    /// An http(s) URL or a file path.
    pub url: String,
    /// The local network or place that publishes its calls; default: the instance's first
    /// network, or its only place.
    #[serde(default, rename = "as")]
    pub publisher: Option<String>,
}

/// `funding …`
#[derive(Debug, Subcommand)]
pub enum FundingCommand {
    /// Import funding calls from an RSS/Atom/JSON feed or an Aides-territoires-style JSON file
    /// (URL or path, at most 5 MiB), publish the new and changed ones, and report what was
    /// added, updated, skipped (and why) and which terms could not be mapped.
    Import {
        /// An http(s) URL or a file path.
        source: String,
        /// The local network or place that publishes the calls (default: the first network,
        /// or the only place).
        #[arg(long = "as")]
        publisher: Option<String>,
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
    },
    /// List open funding calls: all of them, or those a place may apply to.
    List {
        /// A local place: only the calls it may apply to.
        #[arg(long)]
        place: Option<String>,
        /// The closed calls instead (the archive).
        #[arg(long)]
        archived: bool,
    },
}

/// The publisher of imported calls when none is named: the first local network, else the only
/// local place.
pub async fn default_publisher(data: &Data) -> Result<String, CliError> {
    let conn = data.db().conn();
    if let Some(network) = galaxie_db::networks::list(conn)
        .await
        .map_err(|e| CliError::Other(e.into()))?
        .into_iter()
        .next()
    {
        return Ok(network.username);
    }
    let places = galaxie_db::places::list(conn)
        .await
        .map_err(|e| CliError::Other(e.into()))?;
    match places.as_slice() {
        [only] => Ok(only.username.clone()),
        [] => Err(CliError::Invalid(
            "no place or network here to publish the calls: create one first".into(),
        )),
        _ => Err(CliError::Invalid(
            "several places here: say which publishes the calls with --as <username>".into(),
        )),
    }
}

fn import_error(e: ImportError) -> CliError {
    match e {
        ImportError::Federation(e) => e.into(),
        other => CliError::Invalid(other.to_string()),
    }
}

/// Imports one source as `publisher`, with a progress bar on a terminal.
pub async fn import(
    data: &Data,
    publisher: &str,
    source: &str,
    show_progress: bool,
) -> Result<ImportReport, CliError> {
    let bar = if show_progress && std::io::stderr().is_terminal() {
        let bar = ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::stderr());
        if let Ok(style) =
            ProgressStyle::with_template("{spinner} [{bar:40}] {pos}/{len} calls ({eta}) {msg}")
        {
            bar.set_style(style.progress_chars("=> "));
        }
        bar
    } else {
        ProgressBar::hidden()
    };
    let progress = {
        let bar = bar.clone();
        move |done: u64, total: u64| {
            bar.set_length(total);
            bar.set_position(done);
        }
    };
    let report = funding::import(data, publisher, &Source::parse(source), &progress)
        .await
        .map_err(import_error);
    bar.finish_and_clear();
    report
}

/// Runs `funding …`.
pub async fn run_funding(app: &App, command: FundingCommand) -> Result<(), CliError> {
    let data = app.data();
    match command {
        FundingCommand::Import {
            source,
            publisher,
            json,
        } => {
            let publisher = match publisher {
                Some(p) => p,
                None => default_publisher(&data).await?,
            };
            let report = import(&data, &publisher, &source, !json).await?;
            if json {
                println!(
                    "{}",
                    serde_json::to_string_pretty(&report).map_err(|e| CliError::Other(e.into()))?
                );
            } else {
                print!("{}", report.to_text());
            }
        }
        FundingCommand::List { place, archived } => {
            let today = funding::today();
            let rows: Vec<funding::Listed> = match place {
                Some(username) => {
                    let place = galaxie_federation::service::place(&data, &username).await?;
                    if archived {
                        funding::archived_for(&data, &place, today).await?
                    } else {
                        funding::eligible_for(&data, &place, today).await?
                    }
                }
                None => {
                    let conn = data.db().conn();
                    let rows = if archived {
                        galaxie_db::funding::archived(conn, today).await
                    } else {
                        galaxie_db::funding::open(conn, today).await
                    }
                    .map_err(|e| CliError::Other(e.into()))?;
                    rows.into_iter()
                        .map(|row| funding::Listed {
                            days_left: row
                                .deadline
                                .map(|d| galaxie_domain::funding::days_left(d, today)),
                            row,
                        })
                        .collect()
                }
            };
            for l in rows {
                let when = l
                    .days_left
                    .map(galaxie_domain::funding::closes_in_fr)
                    .unwrap_or_else(|| "Sans date limite".to_string());
                println!("{}\t{when}\t{}\t{}", l.row.id, l.row.summary, l.row.ap_id);
            }
        }
    }
    Ok(())
}

/// Imports every configured source once; each failure is logged and the others go on.
pub async fn refresh_all(data: &Data, config: &FundingConfig) -> Vec<Result<ImportReport, String>> {
    let mut out = Vec::new();
    for source in &config.sources {
        let publisher = match &source.publisher {
            Some(p) => Ok(p.clone()),
            None => default_publisher(data).await.map_err(|e| e.to_string()),
        };
        let result = match publisher {
            Ok(p) => import(data, &p, &source.url, false)
                .await
                .map_err(|e| e.to_string()),
            Err(e) => Err(e),
        };
        match &result {
            Ok(r) => tracing::info!(
                source = %source.url,
                added = r.added.len(),
                updated = r.updated.len(),
                skipped = r.skipped.len(),
                "funding source imported"
            ),
            Err(e) => {
                tracing::warn!(source = %source.url, error = %e, "funding source not imported")
            }
        }
        out.push(result);
    }
    out
}

/// Imports the configured sources at start and then every `interval_hours`, until `stop`.
pub async fn refresh_loop(
    federation: galaxie_federation::FederationContext,
    config: FundingConfig,
    mut stop: watch::Receiver<bool>,
) {
    if config.sources.is_empty() {
        return;
    }
    let every = std::time::Duration::from_secs(3600 * config.interval_hours.max(1));
    let mut tick = tokio::time::interval(every);
    loop {
        tokio::select! {
            _ = tick.tick() => {
                let data = federation.to_request_data();
                refresh_all(&data, &config).await;
            }
            _ = stop.changed() => return,
        }
    }
}
