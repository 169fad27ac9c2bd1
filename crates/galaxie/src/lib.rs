//! The `galaxie` application: configuration, [`App::build`] / [`App::serve`], and the command
//! line.
//!
//! Modules:
//! - [`config`]: the typed configuration from `galaxie.toml` and `GALAXIE__…` variables.
//! - [`app`]: building an instance on a database and serving it on a listener.
//! - [`cli`]: the commands.

pub mod app;
pub mod cli;
pub mod config;
pub mod opendata;

pub use app::App;
pub use config::Config;
