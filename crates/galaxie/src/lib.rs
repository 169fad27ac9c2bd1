//! The `galaxie` application: configuration, [`App::build`] / [`App::serve`], and the command
//! line.
//!
//! Modules:
//! - [`config`]: the typed configuration from `galaxie.toml` and `GALAXIE__…` variables.
//! - [`app`]: building an instance on a database and serving it on a listener.
//! - [`cli`]: the commands.
//! - [`demo`]: `galaxie demo`, a small galaxy of five federating instances on this machine.
//! - [`admin_cli`]: `galaxie admin`, the accounts of the web administration.
//! - [`directory_cli`]: `galaxie directory`, the federated directory: list and export.
//! - [`cooperation_cli`]: `galaxie coop` and `galaxie place fork`: cooperation, code source.
//! - [`funding_cli`]: `galaxie funding`, the funding watch: import, list; `[funding]` sources.
//! - [`label_cli`]: `galaxie label`, regional labels: define, apply, grant, revoke, verify.

pub mod admin_cli;
pub mod app;
pub mod cli;
pub mod config;
pub mod cooperation_cli;
pub mod demo;
pub mod directory_cli;
pub mod funding_cli;
pub mod label_cli;
pub mod network_cli;
pub mod opendata;

pub use app::App;
pub use config::Config;
