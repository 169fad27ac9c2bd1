//! One row per occurrence of a recurring series, even when several processes extend the
//! series at the same time.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Objects {
    Table,
    SeriesId,
    OccurrenceStart,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // Rows that are not occurrences have NULLs here, which unique indexes do not compare
        // (SQLite and PostgreSQL alike).
        manager
            .create_index(
                Index::create()
                    .name("objects_unique_occurrence")
                    .table(Objects::Table)
                    .col(Objects::SeriesId)
                    .col(Objects::OccurrenceStart)
                    .unique()
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name("objects_unique_occurrence")
                    .table(Objects::Table)
                    .to_owned(),
            )
            .await
    }
}
