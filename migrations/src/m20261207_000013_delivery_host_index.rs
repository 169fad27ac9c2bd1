//! An index of due deliveries by host (`status`, `host`, `next_attempt_at`), so that the
//! worker refills one host's line with a seek, and lists the hosts that have due jobs with one
//! seek per host (a loose index scan) instead of reading every queued job.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Deliveries {
    Table,
    Status,
    Host,
    NextAttemptAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_index(
                Index::create()
                    .name("deliveries_host_due")
                    .table(Deliveries::Table)
                    .col(Deliveries::Status)
                    .col(Deliveries::Host)
                    .col(Deliveries::NextAttemptAt)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name("deliveries_host_due")
                    .table(Deliveries::Table)
                    .to_owned(),
            )
            .await
    }
}
