//! The complete place profile of MedNum's schema: pivot, legal form, address complement, INSEE
//! code, e-mails, more websites, detailed and easy-read presentations, mobility, parent
//! structure, vocabulary concepts, other labels, acceslibre and booking links.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Places {
    Table,
    Pivot,
    LegalForm,
    AddressComplement,
    InseeCode,
    Emails,
    OtherWebsites,
    Description,
    SummaryFalc,
    Mobility,
    ParentStructure,
    Concepts,
    OtherLabels,
    AcceslibreUrl,
    BookingUrl,
}

fn columns() -> Vec<ColumnDef> {
    vec![
        string_null(Places::Pivot),
        string_null(Places::LegalForm),
        string_null(Places::AddressComplement),
        string_null(Places::InseeCode),
        text_null(Places::Emails),
        text_null(Places::OtherWebsites),
        text_null(Places::Description),
        text_null(Places::SummaryFalc),
        string_null(Places::Mobility),
        string_null(Places::ParentStructure),
        text_null(Places::Concepts),
        text_null(Places::OtherLabels),
        string_null(Places::AcceslibreUrl),
        string_null(Places::BookingUrl),
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
                    .name("places_pivot")
                    .table(Places::Table)
                    .col(Places::Pivot)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name("places_pivot")
                    .table(Places::Table)
                    .to_owned(),
            )
            .await?;
        for column in columns() {
            let name = column.get_column_name();
            manager
                .alter_table(
                    Table::alter()
                        .table(Places::Table)
                        .drop_column(Alias::new(name))
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
