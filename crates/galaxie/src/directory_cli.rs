//! `galaxie directory …`: the federated directory from the command line — the places this
//! instance knows (its own and those read from other instances, one line per place), and the
//! whole directory as GeoJSON or MedNum CSV (docs/directory.md).

use crate::app::App;
use crate::cli::CliError;
use clap::{Subcommand, ValueEnum};
use galaxie_web::error::AppError;
use galaxie_web::routes::directory::{entry_dto, geojson_bytes, mednum_csv};
use galaxie_web::routes::filters::{self, Params};
use std::io::Write;
use std::path::PathBuf;

/// `directory …`
#[derive(Debug, Subcommand)]
#[allow(clippy::large_enum_variant)]
pub enum DirectoryCommand {
    /// List the places of the directory, by name (the same place published by several
    /// instances once), with the API's filters.
    List {
        /// INSEE commune code (51454).
        #[arg(long)]
        commune: Option<String>,
        /// Département code (51, 2A, 974).
        #[arg(long)]
        departement: Option<String>,
        /// INSEE région code (44).
        #[arg(long)]
        region: Option<String>,
        /// A box: minLon,minLat,maxLon,maxLat.
        #[arg(long, allow_hyphen_values = true)]
        bbox: Option<String>,
        /// A centre, lat,lon (with --radius-km).
        #[arg(long, allow_hyphen_values = true)]
        near: Option<String>,
        /// The radius around --near, in kilometres.
        #[arg(long)]
        radius_km: Option<String>,
        /// A vocabulary concept (slug, scheme/slug or IRI); repeatable.
        #[arg(long)]
        concept: Vec<String>,
        /// A public (vocabulary); repeatable.
        #[arg(long)]
        public: Vec<String>,
        /// A fee (vocabulary); repeatable.
        #[arg(long)]
        fee: Vec<String>,
        /// A label (vocabulary); repeatable.
        #[arg(long)]
        label: Vec<String>,
        /// Only places open now.
        #[arg(long)]
        open_now: bool,
        /// One JSON object per line (as the API's items) instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Export the whole directory.
    Export {
        /// geojson (the places with coordinates) or csv (La MedNum's CSV).
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// The file to write (default: standard output).
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
}

/// The export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// GeoJSON FeatureCollection (RFC 7946).
    Geojson,
    /// La MedNum's CSV of lieux de médiation numérique.
    Csv,
}

fn cli_error(e: AppError) -> CliError {
    match e {
        AppError::Federation(e) => e.into(),
        AppError::InvalidQuery(errors) => CliError::Invalid(errors.to_string()),
        other => CliError::Other(anyhow::anyhow!("{other}")),
    }
}

/// Runs `galaxie directory …`.
pub async fn run_directory(app: &App, command: DirectoryCommand) -> Result<(), CliError> {
    let data = app.data();
    match command {
        DirectoryCommand::List {
            commune,
            departement,
            region,
            bbox,
            near,
            radius_km,
            concept,
            public,
            fee,
            label,
            open_now,
            json,
        } => {
            let mut pairs: Vec<(String, String)> = Vec::new();
            for (name, value) in [
                ("commune", commune),
                ("departement", departement),
                ("region", region),
                ("bbox", bbox),
                ("near", near),
                ("radius_km", radius_km),
            ] {
                if let Some(value) = value {
                    pairs.push((name.to_string(), value));
                }
            }
            for (name, values) in [
                ("concept", concept),
                ("public", public),
                ("fee", fee),
                ("label", label),
            ] {
                pairs.extend(values.into_iter().map(|v| (name.to_string(), v)));
            }
            if open_now {
                pairs.push(("open_now".into(), "true".into()));
            }
            pairs.push(("limit".into(), "100".into()));
            let now = chrono::Utc::now();
            let query = filters::directory(&Params::from_pairs(pairs), now)
                .map_err(|e| CliError::Invalid(e.to_string()))?;
            let conn = data.db().conn();
            let mut after = None;
            let mut count = 0usize;
            let mut out = std::io::stdout().lock();
            loop {
                let page =
                    galaxie_db::directory::list(conn, &query.filter, query.limit, after).await?;
                let siblings = galaxie_db::directory::same_as(conn, &page.items).await?;
                for m in &page.items {
                    let same = siblings
                        .get(&m.cluster_id)
                        .map(Vec::as_slice)
                        .unwrap_or(&[]);
                    let entry = entry_dto(m, same, now);
                    let line = if json {
                        serde_json::to_string(&entry)
                            .map_err(|e| CliError::Other(anyhow::anyhow!("{e}")))?
                    } else {
                        let place = [entry.postal_code.as_deref(), entry.city.as_deref()]
                            .into_iter()
                            .flatten()
                            .collect::<Vec<_>>()
                            .join(" ");
                        let same_as = if entry.same_as.is_empty() {
                            String::new()
                        } else {
                            format!("\talso {}", entry.same_as.join(" "))
                        };
                        format!(
                            "{}\t{}\t{}\t{}{same_as}",
                            entry.name,
                            entry.departement.as_deref().unwrap_or("-"),
                            if place.is_empty() { "-" } else { &place },
                            entry.id
                        )
                    };
                    writeln!(out, "{line}").map_err(|e| CliError::Other(e.into()))?;
                    count += 1;
                }
                match page.next {
                    Some(next) => after = Some(next),
                    None => break,
                }
            }
            if !json {
                let (entries, places) = galaxie_db::directory::counts(conn).await?;
                eprintln!(
                    "{count} places listed; the directory holds {places} places from {entries} records"
                );
            }
        }
        DirectoryCommand::Export { format, output } => {
            let body = match format {
                ExportFormat::Geojson => geojson_bytes(&data).await.map_err(cli_error)?,
                ExportFormat::Csv => {
                    let (csv, export) = mednum_csv(&data).await.map_err(cli_error)?;
                    for s in &export.skipped {
                        eprintln!("skipped\t{}\t{}", s.id, s.reason);
                    }
                    for w in &export.warnings {
                        eprintln!("warning\t{w}");
                    }
                    eprintln!(
                        "places: {} exported, {} skipped",
                        export.items.len(),
                        export.skipped.len()
                    );
                    csv
                }
            };
            match &output {
                Some(path) => std::fs::write(path, &body).map_err(|e| {
                    CliError::Invalid(format!("cannot write {}: {e}", path.display()))
                })?,
                None => std::io::stdout()
                    .write_all(&body)
                    .map_err(|e| CliError::Other(e.into()))?,
            }
        }
    }
    Ok(())
}
