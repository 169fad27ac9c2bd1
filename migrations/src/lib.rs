//! Galaxie's database migrations. One file per change; a landed migration is never edited,
//! a new one is added. The same migrations run on SQLite and PostgreSQL.

pub use sea_orm_migration::prelude::*;

mod m20261129_000001_initial;
mod m20261129_000002_place_profile;
mod m20261129_000003_catalogue;
mod m20261129_000004_media;
mod m20261129_000005_external_ids;
mod m20261129_000006_inbox_queue;
mod m20261129_000007_unique_occurrences;
mod m20261129_000008_directory;
mod m20261129_000009_networks;
mod m20261129_000010_accounts;
mod m20261129_000011_delivery_hosts;
mod m20261129_000012_reports;
mod m20261207_000013_delivery_host_index;
mod m20261207_000014_labels;
mod m20261207_000015_funding;
mod m20261207_000016_cooperation;

/// Every migration, in order.
pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261129_000001_initial::Migration),
            Box::new(m20261129_000002_place_profile::Migration),
            Box::new(m20261129_000003_catalogue::Migration),
            Box::new(m20261129_000004_media::Migration),
            Box::new(m20261129_000005_external_ids::Migration),
            Box::new(m20261129_000006_inbox_queue::Migration),
            Box::new(m20261129_000007_unique_occurrences::Migration),
            Box::new(m20261129_000008_directory::Migration),
            Box::new(m20261129_000009_networks::Migration),
            Box::new(m20261129_000010_accounts::Migration),
            Box::new(m20261129_000011_delivery_hosts::Migration),
            Box::new(m20261129_000012_reports::Migration),
            Box::new(m20261207_000013_delivery_host_index::Migration),
            Box::new(m20261207_000014_labels::Migration),
            Box::new(m20261207_000015_funding::Migration),
            Box::new(m20261207_000016_cooperation::Migration),
        ]
    }
}
