//! Where an imported place comes from: the `id` and `source` of its row in an open-data file
//! (MedNum) and that row's `date_maj`, so that importing the same file again updates the place
//! instead of creating it twice.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Places {
    Table,
    ExternalId,
    ExternalSource,
    ExternalUpdatedOn,
}

fn columns() -> Vec<ColumnDef> {
    vec![
        string_null(Places::ExternalId),
        string_null(Places::ExternalSource),
        date_null(Places::ExternalUpdatedOn),
    ]
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // SQLite alters one column per statement.
        for column in columns() {
            manager
                .alter_table(
                    Table::alter()
                        .table(Places::Table)
                        .add_column(column)
                        .to_owned(),
                )
                .await?;
        }
        manager
            .create_index(
                Index::create()
                    .name("places_external_id")
                    .table(Places::Table)
                    .col(Places::ExternalId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name("places_external_id")
                    .table(Places::Table)
                    .to_owned(),
            )
            .await?;
        for column in [
            Places::ExternalId,
            Places::ExternalSource,
            Places::ExternalUpdatedOn,
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Places::Table)
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
