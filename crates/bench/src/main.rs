//! `galaxie-bench`: Galaxie's benchmarks, on loopback only, every loop bounded in count and
//! time. Each run first measures its own calibration (RSA sign and verify, an SQLite commit,
//! a no-op HTTP route), then reports every result as a ratio to a limit measured in the same
//! run, because the machine is shared and absolute numbers are noisy. See docs/benchmarks.md.
//!
//! Modules:
//! - [`calibrate`]: what the machine does right now;
//! - [`inbox`]: signed POSTs to an inbox vs. verify + digest + parse + insert;
//! - [`fanout`]: one note to 1,000 inboxes, then with a hanging host;
//! - [`timeline`]: keyset timeline pages and a territory + time query over many objects;
//! - [`memory`]: resident memory of an instance idle, under load, with a delivery backlog;
//! - [`soak`]: minutes of mixed load, memory sampled (`--soak`, not in the table run);
//! - [`node`]: the instance, fake peers and a tarpit the benches run against;
//! - [`report`]: the table and its JSON.

mod calibrate;
mod fanout;
mod inbox;
mod memory;
mod node;
mod report;
mod soak;
mod timeline;

use clap::{Parser, ValueEnum};
use galaxie_tests::Backend;
use report::{Report, Row};
use std::path::PathBuf;
use std::time::Instant;

/// Galaxie's benchmarks, reported as ratios to limits measured in the same run.
#[derive(Debug, Parser)]
#[command(version)]
struct Args {
    /// A short run: fewer requests and 100,000 objects instead of 1,000,000.
    #[arg(long)]
    quick: bool,
    /// Run only these benches (the calibration always runs); comma-separated or repeated.
    #[arg(long, value_enum, value_delimiter = ',')]
    only: Vec<Bench>,
    /// Also write the table as JSON to this file.
    #[arg(long)]
    json: Option<PathBuf>,
    /// Skip the PostgreSQL rows (otherwise `GALAXIE_TEST_POSTGRES` or
    /// postgres://postgres@127.0.0.1:5432/test must be reachable).
    #[arg(long)]
    no_postgres: bool,
    /// Soak mode instead of the benchmark table: `--minutes` of mixed load (inbox POSTs,
    /// deliveries, timeline reads) on one instance, its memory sampled every 10 s.
    #[arg(long)]
    soak: bool,
    /// How long the soak runs, in minutes.
    #[arg(long, default_value_t = 10.0, requires = "soak")]
    minutes: f64,
    /// Internal: run only an instance on this database, for the memory bench.
    #[arg(long, hide = true)]
    child_instance: Option<String>,
}

/// A bench that `--only` can pick.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Bench {
    Inbox,
    Fanout,
    Timeline,
    Memory,
}

/// How big a run is.
#[derive(Debug, Clone, Copy)]
pub struct Scale {
    pub quick: bool,
}

fn progress(start: Instant, what: &str) {
    eprintln!("[{:>6.1} s] {what}", start.elapsed().as_secs_f64());
}

fn label(backend: Backend) -> &'static str {
    match backend {
        Backend::Sqlite => "sqlite",
        Backend::Postgres => "postgres",
    }
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    if let Some(db_url) = &args.child_instance {
        return memory::child(db_url).await;
    }
    if args.soak {
        let start = Instant::now();
        eprintln!(
            "galaxie-bench: soak, {} minutes, load average {}",
            args.minutes,
            std::fs::read_to_string("/proc/loadavg")
                .unwrap_or_default()
                .trim()
        );
        let rows = soak::run(args.minutes).await?;
        progress(start, "done");
        println!("{}", report::table(&rows));
        println!("{}", report::notes(&rows));
        if let Some(path) = &args.json {
            std::fs::write(path, serde_json::to_string_pretty(&rows)?)?;
        }
        return Ok(());
    }
    let scale = Scale { quick: args.quick };
    let wants = |b: Bench| args.only.is_empty() || args.only.contains(&b);
    let backends: Vec<Backend> = if args.no_postgres {
        vec![Backend::Sqlite]
    } else {
        vec![Backend::Sqlite, Backend::Postgres]
    };
    let start = Instant::now();
    let load_average = std::fs::read_to_string("/proc/loadavg")
        .unwrap_or_default()
        .trim()
        .to_string();
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    eprintln!(
        "galaxie-bench: {} run, {cores} cores, load average {load_average}",
        if scale.quick { "quick" } else { "full" }
    );

    let mut rows: Vec<Row> = Vec::new();
    progress(start, "calibration");
    let (cal, cal_rows) = calibrate::run(scale).await?;
    rows.extend(cal_rows);

    if wants(Bench::Inbox) {
        progress(start, "inbox ingest");
        rows.extend(inbox::run(scale, &backends).await);
    }
    if wants(Bench::Fanout) {
        progress(start, "fan-out");
        rows.extend(fanout::run(scale, &cal, &backends).await);
    }
    if wants(Bench::Timeline) {
        for &backend in &backends {
            progress(start, &format!("timeline on {}", label(backend)));
            match timeline::run(scale, backend).await {
                Ok(r) => rows.extend(r),
                Err(e) => rows.push(Row::failed(
                    "timeline",
                    &format!("timeline_{}", label(backend)),
                    &format!("{e:#}"),
                )),
            }
        }
    }
    if wants(Bench::Memory) {
        progress(start, "memory");
        match memory::run(scale).await {
            Ok(r) => rows.extend(r),
            Err(e) => rows.push(Row::failed("memory", "memory", &format!("{e:#}"))),
        }
    }
    progress(start, "done");

    let report = Report {
        date: chrono::Utc::now().to_rfc3339(),
        mode: if scale.quick { "quick" } else { "full" }.into(),
        cores,
        load_average_at_start: load_average,
        duration_secs: start.elapsed().as_secs_f64(),
        rows,
    };
    println!("{}", report::table(&report.rows));
    println!("{}", report::notes(&report.rows));
    if let Some(path) = &args.json {
        std::fs::write(path, serde_json::to_string_pretty(&report)?)?;
        eprintln!("written {}", path.display());
    }
    Ok(())
}
