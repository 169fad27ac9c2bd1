//! `galaxie export …` and `galaxie import …`: the places as open data (MedNum CSV,
//! data.inclusion JSON) and places created or updated from a MedNum CSV (docs/open-data.md).
//!
//! An import checks every row before it writes anything; each accepted row is written in its
//! own transaction (a new place with its keys and its origin, or an update told to followers),
//! so a refused row leaves nothing behind. Rows are matched to stored places by their `id` and
//! `source`, so importing the same file twice creates nothing the second time.

use crate::app::App;
use crate::cli::CliError;
use clap::Subcommand;
use galaxie_db::entities::places;
use galaxie_db::opendata::External;
use galaxie_db::{DbError, TransactionTrait};
use galaxie_domain::opendata::mednum::{self, CellError, Imported, MednumRow};
use galaxie_domain::opendata::{Export, data_inclusion};
use galaxie_domain::{NewPlace, Username};
use galaxie_federation::outbox::{self, Outgoing};
use galaxie_federation::{Data, FederationError};
use galaxie_web::routes::opendata::{producer, records};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde::Serialize;
use std::collections::{HashMap, HashSet};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

/// `export …`
#[derive(Debug, Subcommand)]
pub enum ExportCommand {
    /// The places as La MedNum's CSV of lieux de médiation numérique (Table Schema v1.0.2).
    Mednum {
        /// The CSV file to write (default: standard output).
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// The places and their services as data.inclusion v1 JSON: structures.json and
    /// services.json.
    DataInclusion {
        /// The folder to write both files into (created when missing).
        #[arg(long, short)]
        output: PathBuf,
    },
}

/// `import …`
#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// Create or update places from a MedNum CSV (`,` or `;`, UTF-8 or Windows-1252).
    Mednum {
        /// The CSV file.
        file: PathBuf,
        /// Check every row and say what would happen, without writing anything.
        #[arg(long)]
        dry_run: bool,
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
    },
}

fn internal(e: impl std::fmt::Display) -> CliError {
    CliError::Other(anyhow::anyhow!("{e}"))
}

/// The MedNum CSV of this instance's places, and what was left out.
pub async fn export_mednum(data: &Data) -> Result<(Vec<u8>, Export<MednumRow>), CliError> {
    let places = records(data).await?;
    let export = mednum::export(&places, &producer(data));
    let csv = mednum::write_csv(&export.items).map_err(internal)?;
    Ok((csv, export))
}

/// Writes `structures.json` and `services.json` into `dir`.
pub async fn export_data_inclusion(
    data: &Data,
    dir: &Path,
) -> Result<data_inclusion::Catalogue, CliError> {
    let places = records(data).await?;
    let catalogue = data_inclusion::export(&places, &producer(data));
    std::fs::create_dir_all(dir)
        .map_err(|e| CliError::Invalid(format!("cannot create {}: {e}", dir.display())))?;
    for (name, json) in [
        (
            "structures.json",
            serde_json::to_vec_pretty(&catalogue.structures.items),
        ),
        (
            "services.json",
            serde_json::to_vec_pretty(&catalogue.services.items),
        ),
    ] {
        let mut json = json.map_err(internal)?;
        json.push(b'\n');
        let path = dir.join(name);
        std::fs::write(&path, json)
            .map_err(|e| CliError::Invalid(format!("cannot write {}: {e}", path.display())))?;
    }
    Ok(catalogue)
}

fn report_export<T>(what: &str, export: &Export<T>) {
    for s in &export.skipped {
        eprintln!("skipped\t{}\t{}", s.id, s.reason);
    }
    for w in &export.warnings {
        eprintln!("warning\t{w}");
    }
    eprintln!(
        "{what}: {} exported, {} skipped",
        export.items.len(),
        export.skipped.len()
    );
}

/// Runs `galaxie export …`.
pub async fn run_export(app: &App, command: ExportCommand) -> Result<(), CliError> {
    let data = app.data();
    match command {
        ExportCommand::Mednum { output } => {
            let (csv, export) = export_mednum(&data).await?;
            match &output {
                Some(path) => std::fs::write(path, &csv).map_err(|e| {
                    CliError::Invalid(format!("cannot write {}: {e}", path.display()))
                })?,
                None => std::io::stdout().write_all(&csv).map_err(internal)?,
            }
            report_export("places", &export);
        }
        ExportCommand::DataInclusion { output } => {
            let catalogue = export_data_inclusion(&data, &output).await?;
            report_export("structures", &catalogue.structures);
            report_export("services", &catalogue.services);
            eprintln!(
                "wrote {} and {}",
                output.join("structures.json").display(),
                output.join("services.json").display()
            );
        }
    }
    Ok(())
}

/// How to import.
#[derive(Debug, Clone, Copy, Default)]
pub struct ImportOptions {
    /// Check and report without writing.
    pub dry_run: bool,
    /// Show a progress bar on standard error (only when it is a terminal).
    pub progress: bool,
}

/// A row that was accepted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Accepted {
    /// Its line in the file.
    pub line: u64,
    /// Its MedNum `id`.
    pub id: String,
    /// The place's username.
    pub username: String,
}

/// A row that was refused, with every reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Rejected {
    /// Its line in the file.
    pub line: u64,
    /// Its MedNum `id`, if it has one.
    pub id: String,
    /// Each refused cell: the column, its value and why.
    pub errors: Vec<CellError>,
}

/// What an import did, row by row.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ImportReport {
    /// Nothing was written.
    pub dry_run: bool,
    /// Rows read (blank lines aside).
    pub rows: usize,
    /// New places.
    pub created: Vec<Accepted>,
    /// Places whose profile changed.
    pub updated: Vec<Accepted>,
    /// Rows that matched a stored place without changing it.
    pub unchanged: Vec<Accepted>,
    /// Refused rows.
    pub rejected: Vec<Rejected>,
    /// What was odd about the file as a whole.
    pub warnings: Vec<String>,
}

impl ImportReport {
    /// "4 rows: 2 created, 1 updated, 0 unchanged, 1 rejected".
    pub fn summary(&self) -> String {
        format!(
            "{} rows: {} created, {} updated, {} unchanged, {} rejected{}",
            self.rows,
            self.created.len(),
            self.updated.len(),
            self.unchanged.len(),
            self.rejected.len(),
            if self.dry_run {
                " (dry run: nothing was written)"
            } else {
                ""
            }
        )
    }
}

/// What happened to one accepted row.
enum Outcome {
    Created(String),
    Updated(String),
    Unchanged(String),
}

/// How a row found its stored place.
#[derive(PartialEq, Eq)]
enum Match {
    /// Its `id` is one of our own actor URLs (our own export, imported back).
    OwnActor,
    /// Its `id` and `source`, recorded by an earlier import.
    External,
    /// The same pivot and name as a place that was not imported.
    PivotAndName,
}

fn same_name(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

async fn find_place(
    data: &Data,
    row: &Imported,
) -> Result<Option<(places::Model, Match)>, DbError> {
    let conn = data.db().conn();
    if let Ok(url) = url::Url::parse(&row.id)
        && let Some(username) = data.urls().place_username(&url)
        && let Some(place) = galaxie_db::places::by_username(conn, username).await?
    {
        return Ok(Some((place, Match::OwnActor)));
    }
    if let Some(place) =
        galaxie_db::opendata::by_external(conn, &row.id, row.source.as_deref()).await?
    {
        return Ok(Some((place, Match::External)));
    }
    if let Some(pivot) = &row.profile.pivot {
        let mut same: Vec<places::Model> = galaxie_db::opendata::by_pivot(conn, pivot.as_str())
            .await?
            .into_iter()
            .filter(|p| p.external_id.is_none() && same_name(&p.name, &row.profile.name))
            .collect();
        if same.len() == 1 {
            return Ok(same.pop().map(|p| (p, Match::PivotAndName)));
        }
    }
    Ok(None)
}

/// A free username made from `base`: `base`, then `base-2`, `base-3`…
async fn free_username(
    data: &Data,
    base: &str,
    reserved: &HashSet<String>,
) -> Result<Username, FederationError> {
    for n in 1..10_000u32 {
        let candidate = if n == 1 {
            base.to_string()
        } else {
            format!("{base}-{n}")
        };
        if reserved.contains(&candidate) {
            continue;
        }
        if galaxie_db::places::by_username(data.db().conn(), &candidate)
            .await?
            .is_none()
        {
            return Username::parse(&candidate)
                .map_err(|e| galaxie_domain::ValidationErrors::single("username", e.to_string()))
                .map_err(FederationError::from);
        }
    }
    Err(FederationError::Internal(format!(
        "no free username left for {base}"
    )))
}

async fn import_row(
    data: &Data,
    row: &Imported,
    reserved: &mut HashSet<String>,
    dry_run: bool,
    warnings: &mut Vec<String>,
    line: u64,
) -> Result<Outcome, FederationError> {
    let external = External {
        id: row.id.clone(),
        source: row.source.clone(),
        updated_on: row.updated_on,
    };
    if let Some((place, how)) = find_place(data, row).await? {
        if how == Match::OwnActor {
            // This instance's own export, read back: its places are kept as they are (the
            // export folds services into the place and some values into broader ones).
            warnings.push(format!(
                "line {line}: @{} is this instance's own place (its id is its actor URL): left as it is",
                place.username
            ));
            return Ok(Outcome::Unchanged(place.username));
        }
        let current = galaxie_db::places::profile(&place);
        let stored = galaxie_db::opendata::external(&place);
        if let Some(stored) = &stored
            && how == Match::External
            && stored.updated_on > row.updated_on
        {
            warnings.push(format!(
                "line {line}: kept @{}: its stored version (date_maj {}) is newer than this row's ({})",
                place.username, stored.updated_on, row.updated_on
            ));
            return Ok(Outcome::Unchanged(place.username));
        }
        let merged = mednum::merge(current.clone(), &row.profile);
        let profile_changed = merged != current;
        let external_changed = stored.as_ref() != Some(&external);
        if !profile_changed && !external_changed {
            return Ok(Outcome::Unchanged(place.username));
        }
        let username = place.username.clone();
        if dry_run {
            return Ok(if profile_changed {
                Outcome::Updated(username)
            } else {
                Outcome::Unchanged(username)
            });
        }
        let txn = data
            .db()
            .conn()
            .begin_with_options(galaxie_db::WRITE)
            .await?;
        let mut updated = place;
        if profile_changed {
            updated = galaxie_db::places::update_profile(&txn, &updated, &merged).await?;
        }
        if external_changed {
            updated = galaxie_db::opendata::set_external(&txn, updated, &external).await?;
        }
        if profile_changed {
            galaxie_federation::directory::record_local(&txn, data.urls(), &updated).await?;
            outbox::publish(&txn, data, Outgoing::PlaceUpdated { place: updated }).await?;
        }
        txn.commit().await?;
        if profile_changed {
            data.ring_delivery_bell();
            return Ok(Outcome::Updated(username));
        }
        return Ok(Outcome::Unchanged(username));
    }
    let username = free_username(data, &row.username, reserved).await?;
    reserved.insert(username.to_string());
    if dry_run {
        return Ok(Outcome::Created(username.to_string()));
    }
    let place = NewPlace {
        username,
        profile: row.profile.clone(),
    };
    let keys = tokio::task::spawn_blocking(galaxie_federation::signatures::generate_keypair)
        .await
        .map_err(|e| FederationError::Internal(e.to_string()))??;
    let txn = data
        .db()
        .conn()
        .begin_with_options(galaxie_db::WRITE)
        .await?;
    let created = galaxie_db::places::insert(&txn, &place, keys).await?;
    let created = galaxie_db::opendata::set_external(&txn, created, &external).await?;
    galaxie_federation::directory::record_local(&txn, data.urls(), &created).await?;
    txn.commit().await?;
    Ok(Outcome::Created(place.username.to_string()))
}

fn progress_bar(rows: usize, show: bool) -> ProgressBar {
    if !show || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(
        Some(u64::try_from(rows).unwrap_or(u64::MAX)),
        ProgressDrawTarget::stderr(),
    );
    if let Ok(style) =
        ProgressStyle::with_template("{spinner} [{bar:40}] {pos}/{len} rows ({eta}) {msg}")
    {
        bar.set_style(style.progress_chars("=> "));
    }
    bar
}

/// Imports a MedNum CSV: every row is checked, then each accepted row is written in its own
/// transaction. A file that cannot be read at all (no required column…) is an error; a row
/// that cannot be imported is reported and the others go on.
pub async fn import_mednum(
    data: &Data,
    bytes: &[u8],
    options: ImportOptions,
) -> Result<ImportReport, CliError> {
    let file = mednum::read(bytes).map_err(|e| CliError::Invalid(e.to_string()))?;
    let mut report = ImportReport {
        dry_run: options.dry_run,
        rows: file.rows.len(),
        warnings: file.warnings,
        ..ImportReport::default()
    };
    let bar = progress_bar(file.rows.len(), options.progress);
    let mut reserved: HashSet<String> = HashSet::new();
    let mut seen: HashMap<(String, Option<String>), u64> = HashMap::new();
    for file_row in file.rows {
        bar.inc(1);
        let line = file_row.line;
        let row = match file_row.row {
            Ok(row) => row,
            Err(error) => {
                report.rejected.push(Rejected {
                    line,
                    id: String::new(),
                    errors: vec![error],
                });
                continue;
            }
        };
        let id = row.id.trim().to_string();
        let imported = match row.parse() {
            Ok(imported) => imported,
            Err(errors) => {
                report.rejected.push(Rejected { line, id, errors });
                continue;
            }
        };
        let key = (imported.id.clone(), imported.source.clone());
        if let Some(first) = seen.get(&key) {
            report.rejected.push(Rejected {
                line,
                id: id.clone(),
                errors: vec![CellError {
                    column: "id".into(),
                    value: id,
                    message: format!(
                        "is already the id of line {first}: ids are unique in a MedNum file"
                    ),
                }],
            });
            continue;
        }
        seen.insert(key, line);
        bar.set_message(imported.profile.name.clone());
        let outcome = import_row(
            data,
            &imported,
            &mut reserved,
            options.dry_run,
            &mut report.warnings,
            line,
        )
        .await;
        match outcome {
            Ok(Outcome::Created(username)) => report.created.push(Accepted { line, id, username }),
            Ok(Outcome::Updated(username)) => report.updated.push(Accepted { line, id, username }),
            Ok(Outcome::Unchanged(username)) => {
                report.unchanged.push(Accepted { line, id, username })
            }
            Err(e) => report.rejected.push(Rejected {
                line,
                id,
                errors: vec![CellError {
                    column: String::new(),
                    value: String::new(),
                    message: format!("could not be stored: {e}"),
                }],
            }),
        }
    }
    bar.finish_and_clear();
    Ok(report)
}

fn print_report(report: &ImportReport, authority: &str) {
    let mut lines: Vec<(u64, String)> = Vec::new();
    for (what, rows) in [
        ("created", &report.created),
        ("updated", &report.updated),
        ("unchanged", &report.unchanged),
    ] {
        for a in rows {
            lines.push((
                a.line,
                format!(
                    "line {}\t{what}\t@{}@{authority}\t{}",
                    a.line, a.username, a.id
                ),
            ));
        }
    }
    for r in &report.rejected {
        for e in &r.errors {
            lines.push((r.line, format!("line {}\trejected\t{e}", r.line)));
        }
    }
    lines.sort_by_key(|(line, _)| *line);
    for (_, text) in lines {
        println!("{text}");
    }
    println!("{}", report.summary());
}

/// Runs `galaxie import …`. Rejected rows make it exit with status 2 after the report.
pub async fn run_import(app: &App, command: ImportCommand) -> Result<(), CliError> {
    match command {
        ImportCommand::Mednum {
            file,
            dry_run,
            json,
        } => {
            let bytes = std::fs::read(&file)
                .map_err(|e| CliError::Invalid(format!("cannot read {}: {e}", file.display())))?;
            let data = app.data();
            let report = import_mednum(
                &data,
                &bytes,
                ImportOptions {
                    dry_run,
                    progress: true,
                },
            )
            .await?;
            for w in &report.warnings {
                eprintln!("warning\t{w}");
            }
            if json {
                let text = serde_json::to_string_pretty(&report).map_err(internal)?;
                println!("{text}");
            } else {
                print_report(&report, &data.urls().authority());
            }
            if !report.rejected.is_empty() {
                return Err(CliError::Invalid(format!(
                    "{} of {} rows were rejected (see the report)",
                    report.rejected.len(),
                    report.rows
                )));
            }
        }
    }
    Ok(())
}
