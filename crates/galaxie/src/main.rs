//! The `galaxie` binary: parses the command line, loads the configuration, starts logging and
//! runs the command.

use clap::Parser;
use galaxie::cli::{Cli, CliError, run};
use galaxie::config::{Config, LogFormat};
use std::process::ExitCode;

fn init_logging(config: &Config) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(&config.log.level));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    match config.log.format {
        LogFormat::Json => builder.json().init(),
        LogFormat::Text => builder.init(),
    }
}

/// `activitypub_federation` checks, outside its debug mode, that fetched hosts resolve to
/// public addresses, and only an environment variable relaxes that. With
/// `federation.allow_private_addresses` (a test federation over https on 127.0.0.x) we set it
/// here, before any thread exists, so the crate's fetches and our deliveries agree.
#[allow(unsafe_code)]
fn allow_private_addresses_in_the_federation_crate() {
    // SAFETY: called from `main` before the tokio runtime and any other thread are started,
    // so no other thread can read the environment concurrently.
    unsafe { std::env::set_var("DANGER_FEDERATION_ALLOW_LOCAL_IP", "1") };
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let mut config = match Config::load(cli.config.as_deref()) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    if config.federation.allow_private_addresses {
        allow_private_addresses_in_the_federation_crate();
    }
    if matches!(cli.command, galaxie::cli::Command::Demo(_)) {
        // The demo prints the URLs to open: the five instances' routine logs would bury them
        // (RUST_LOG still overrides this).
        config.log.level = "warn".to_string();
    }
    init_logging(&config);
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("error: cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(cli.command, config)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(CliError::Invalid(why)) => {
            eprintln!("error: {why}");
            ExitCode::from(2)
        }
        Err(CliError::Other(e)) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}
