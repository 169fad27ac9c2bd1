//! One typed configuration, from an optional `galaxie.toml` overlaid by environment variables
//! `GALAXIE__SECTION__KEY` (e.g. `GALAXIE__INSTANCE__PUBLIC_URL`). Defaults run a place on
//! SQLite with no configuration at all.

use figment::Figment;
use figment::providers::{Env, Format, Serialized, Toml};
use galaxie_domain::media::MediaLimits;
use galaxie_federation::FederationSettings;
use serde::{Deserialize, Serialize};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use url::Url;

/// The whole configuration.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// Where SQLite and uploaded files live.
    pub data_dir: PathBuf,
    /// `[instance]`.
    pub instance: InstanceConfig,
    /// `[server]`.
    pub server: ServerConfig,
    /// `[database]`.
    pub database: DatabaseConfig,
    /// `[federation]`.
    pub federation: FederationSettings,
    /// `[log]`.
    pub log: LogConfig,
    /// `[media]`: upload limits.
    pub media: MediaLimits,
    /// `[funding]`: funders' feeds imported on a schedule.
    pub funding: crate::funding_cli::FundingConfig,
}

/// `[instance]`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct InstanceConfig {
    /// The URL the world uses to reach this instance; every id is minted from it.
    pub public_url: Url,
}

/// `[server]`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ServerConfig {
    /// Address to listen on (plain http; TLS is the reverse proxy's job).
    pub bind: SocketAddr,
    /// Longest time one request may take, body included, in seconds (slow clients get 408).
    pub request_timeout_secs: u64,
}

/// `[database]`.
#[derive(Clone, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DatabaseConfig {
    /// `sqlite://path` or `postgres://…`; default: `sqlite://<data_dir>/galaxie.sqlite`.
    /// It may hold a password: `Debug` hides it.
    pub url: Option<String>,
}

impl std::fmt::Debug for DatabaseConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DatabaseConfig")
            .field("url", &self.url.as_deref().map(redact_password))
            .finish()
    }
}

/// A URL with its password, if any, replaced by `********`.
pub fn redact_password(url: &str) -> String {
    match Url::parse(url) {
        Ok(mut parsed) if parsed.password().is_some() => {
            let _ = parsed.set_password(Some("********"));
            parsed.to_string()
        }
        _ => url.to_string(),
    }
}

/// `[log]`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LogConfig {
    /// `text` or `json`.
    pub format: LogFormat,
    /// A `RUST_LOG`-style filter.
    pub level: String,
}

/// Log output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum LogFormat {
    /// Human-readable lines.
    Text,
    /// One JSON object per line.
    Json,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            data_dir: PathBuf::from("data"),
            instance: InstanceConfig::default(),
            server: ServerConfig::default(),
            database: DatabaseConfig::default(),
            federation: FederationSettings::default(),
            log: LogConfig::default(),
            media: MediaLimits::default(),
            funding: crate::funding_cli::FundingConfig::default(),
        }
    }
}

impl Default for InstanceConfig {
    fn default() -> Self {
        Self {
            #[allow(clippy::expect_used)]
            public_url: Url::parse("http://localhost:8080").expect("constant URL"),
        }
    }
}

impl Default for ServerConfig {
    fn default() -> Self {
        Self {
            bind: SocketAddr::from(([127, 0, 0, 1], 8080)),
            request_timeout_secs: 60,
        }
    }
}

impl Default for LogConfig {
    fn default() -> Self {
        Self {
            format: LogFormat::Text,
            level: "info".to_string(),
        }
    }
}

/// Why the configuration was refused.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// A file or variable could not be read or has the wrong type.
    #[error("cannot read the configuration: {0}")]
    Load(#[from] Box<figment::Error>),
    /// Values that do not go together.
    #[error("invalid configuration: {0}")]
    Invalid(String),
}

impl Config {
    /// Loads `file` (when given, it must exist; otherwise `./galaxie.toml` if present) and the
    /// `GALAXIE__…` environment, then checks the result.
    pub fn load(file: Option<&Path>) -> Result<Self, ConfigError> {
        let mut figment = Figment::from(Serialized::defaults(Config::default()));
        match file {
            Some(path) => {
                if !path.exists() {
                    return Err(ConfigError::Invalid(format!(
                        "configuration file {} does not exist",
                        path.display()
                    )));
                }
                figment = figment.merge(Toml::file(path));
            }
            None => figment = figment.merge(Toml::file("galaxie.toml")),
        }
        let config: Config = figment
            .merge(Env::prefixed("GALAXIE__").split("__"))
            .extract()
            .map_err(Box::new)?;
        config.check()?;
        Ok(config)
    }

    /// Cross-field checks.
    pub fn check(&self) -> Result<(), ConfigError> {
        let url = &self.instance.public_url;
        if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none() {
            return Err(ConfigError::Invalid(format!(
                "instance.public_url must be an http(s) URL with a host (found {url})"
            )));
        }
        if url.path() != "/" || url.query().is_some() {
            return Err(ConfigError::Invalid(format!(
                "instance.public_url must not have a path or query: Galaxie is served at the root of its domain (found {url})"
            )));
        }
        let is_localhost = url.host_str() == Some("localhost");
        if url.scheme() == "http" && !(self.federation.debug || is_localhost) {
            return Err(ConfigError::Invalid(format!(
                "instance.public_url is plain http ({url}); the fediverse needs https. Put Galaxie behind a TLS proxy (docs/tls-proxy.md), or set federation.debug = true for development"
            )));
        }
        if matches!(url.host(), Some(url::Host::Ipv4(_) | url::Host::Ipv6(_))) {
            return Err(ConfigError::Invalid(format!(
                "instance.public_url must use a domain name, not an IP address (found {url}); use localhost for development"
            )));
        }
        if let Some(db) = &self.database.url
            && !(db.starts_with("sqlite:")
                || db.starts_with("postgres://")
                || db.starts_with("postgresql://"))
        {
            return Err(ConfigError::Invalid(
                "database.url must start with sqlite:// or postgres://".to_string(),
            ));
        }
        self.media.check().map_err(ConfigError::Invalid)?;
        Ok(())
    }

    /// The database URL, defaulting to a SQLite file in the data folder.
    pub fn database_url(&self) -> String {
        match &self.database.url {
            Some(url) => url.clone(),
            None => format!(
                "sqlite://{}",
                self.data_dir.join("galaxie.sqlite").display()
            ),
        }
    }

    /// The configuration as shown to people: the database password hidden.
    pub fn redacted(&self) -> String {
        let mut shown = self.clone();
        shown.database.url = shown.database.url.as_deref().map(redact_password);
        toml_like(&shown)
    }
}

fn toml_like(config: &Config) -> String {
    serde_json::to_string_pretty(config).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_run_a_place_on_sqlite() {
        let c = Config::default();
        c.check().expect("valid");
        assert_eq!(c.instance.public_url.as_str(), "http://localhost:8080/");
        assert_eq!(c.server.bind.to_string(), "127.0.0.1:8080");
        assert!(c.database_url().starts_with("sqlite://"));
        assert!(!c.federation.debug);
    }

    #[test]
    fn plain_http_on_a_public_name_is_refused_outside_debug() {
        let mut c = Config::default();
        c.instance.public_url = Url::parse("http://lieu.example").expect("url");
        assert!(c.check().is_err());
        c.federation.debug = true;
        assert!(c.check().is_ok());
    }

    #[test]
    fn https_behind_a_proxy_is_the_normal_setup() {
        let mut c = Config::default();
        c.instance.public_url = Url::parse("https://lieu.example").expect("url");
        c.check().expect("valid");
    }

    #[test]
    #[allow(clippy::result_large_err)]
    fn file_and_environment_are_merged() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("galaxie.toml");
        std::fs::write(
            &path,
            "data_dir = \"/srv/galaxie\"\n[instance]\npublic_url = \"https://lieu.example\"\n[federation]\ndelivery_concurrency = 4\n",
        )
        .expect("write");
        figment::Jail::expect_with(|jail| {
            jail.set_env("GALAXIE__SERVER__BIND", "0.0.0.0:9000");
            jail.set_env(
                "GALAXIE__DATABASE__URL",
                "postgres://galaxie:secret@db/galaxie",
            );
            let c = Config::load(Some(&path)).expect("load");
            assert_eq!(c.instance.public_url.as_str(), "https://lieu.example/");
            assert_eq!(c.server.bind.to_string(), "0.0.0.0:9000");
            assert_eq!(c.federation.delivery_concurrency, 4);
            assert_eq!(c.database_url(), "postgres://galaxie:secret@db/galaxie");
            assert!(!c.redacted().contains("secret"));
            assert!(
                !format!("{c:?}").contains("secret"),
                "Debug hides the password"
            );
            Ok(())
        });
    }

    #[test]
    fn a_missing_file_named_explicitly_is_an_error() {
        assert!(Config::load(Some(Path::new("/nonexistent/galaxie.toml"))).is_err());
    }
}
