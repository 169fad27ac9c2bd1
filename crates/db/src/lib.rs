//! Galaxie's storage: the only crate that speaks SQL. One code path for SQLite (the
//! zero-configuration default, a file in the data folder in WAL mode) and PostgreSQL.
//!
//! Modules:
//! - [`entities`]: sea-orm entities, one per table.
//! - [`ids`]: typed row ids.
//! - [`connect`]: opening a database and applying migrations.
//! - [`places`], [`actors`], [`objects`], [`activities`], [`deliveries`], [`follows`],
//!   [`blocks`], [`tokens`], [`instance`]: the queries, grouped by table.
//! - [`feeds`]: what the public feeds (Atom, RSS, JSON Feed, iCalendar, GeoJSON) read.
//! - [`directory`]: the federated directory of places, deduplicated across instances.
//! - [`labels`]: regional labels: network keys, definitions, applications, attestations.

pub mod accounts;
pub mod activities;
pub mod actors;
pub mod blocks;
pub mod connect;
pub mod cooperation;
pub mod deliveries;
pub mod directory;
pub mod entities;
pub mod feeds;
pub mod follows;
pub mod funding;
pub mod ids;
pub mod inbox_queue;
pub mod instance;
pub mod labels;
pub mod media;
pub mod networks;
pub mod objects;
pub mod opendata;
pub mod orientation;
pub mod places;
pub mod reports;
pub mod source_code;
pub mod tokens;

pub use connect::{Backend, Db};

/// Options of a transaction that writes: on SQLite it takes the write lock at `BEGIN`
/// (`BEGIN IMMEDIATE`), waiting for it up to the busy timeout, instead of failing with
/// `SQLITE_BUSY_SNAPSHOT` when another connection wrote between its first read and its first
/// write. PostgreSQL ignores it.
pub const WRITE: sea_orm::TransactionOptions = sea_orm::TransactionOptions {
    isolation_level: None,
    access_mode: None,
    sqlite_transaction_mode: Some(sea_orm::SqliteTransactionMode::Immediate),
};
pub use ids::PlaceId;
pub use sea_orm::{
    ConnectionTrait, DatabaseConnection, DatabaseTransaction, DbErr, TransactionTrait,
};

/// What can go wrong in storage.
#[derive(Debug, thiserror::Error)]
pub enum DbError {
    /// The row asked for does not exist.
    #[error("{0} not found")]
    NotFound(&'static str),
    /// A unique value is already taken.
    #[error("{0} already exists")]
    AlreadyExists(&'static str),
    /// The database URL is not one we support.
    #[error("unsupported database URL {0:?}: use sqlite://path or postgres://…")]
    UnsupportedUrl(String),
    /// Any database error.
    #[error(transparent)]
    Db(#[from] sea_orm::DbErr),
    /// Filesystem error while preparing the SQLite file.
    #[error("cannot prepare the data folder: {0}")]
    Io(#[from] std::io::Error),
}

impl DbError {
    /// Maps a unique-constraint violation to [`DbError::AlreadyExists`].
    pub(crate) fn unique(err: sea_orm::DbErr, what: &'static str) -> Self {
        match err.sql_err() {
            Some(sea_orm::SqlErr::UniqueConstraintViolation(_)) => DbError::AlreadyExists(what),
            _ => DbError::Db(err),
        }
    }
}

/// Results of this crate.
pub type Result<T, E = DbError> = std::result::Result<T, E>;

/// The current time, truncated to microseconds so that values read back from PostgreSQL and
/// SQLite compare equal to what was written.
pub fn now() -> chrono::DateTime<chrono::Utc> {
    use chrono::SubsecRound;
    chrono::Utc::now().trunc_subsecs(6)
}
