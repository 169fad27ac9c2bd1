//! The catalogue: services (`Page`), showcases (`Article`), complete events and recurring
//! permanences. Objects gain easy-read variants, an event status and category, a licence,
//! hashtags, vocabulary concepts, a booking link and their own opening hours, and the
//! recurrence of a series with its exceptions; an occurrence points to its series.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Objects {
    Table,
    SummaryFalc,
    ContentFalc,
    EventStatus,
    Category,
    License,
    Hashtags,
    Concepts,
    BookingUrl,
    OpeningHours,
    Rrule,
    Exceptions,
    SeriesId,
    OccurrenceStart,
}

fn columns() -> Vec<ColumnDef> {
    vec![
        text_null(Objects::SummaryFalc),
        text_null(Objects::ContentFalc),
        string_null(Objects::EventStatus),
        string_null(Objects::Category),
        string_null(Objects::License),
        text_null(Objects::Hashtags),
        text_null(Objects::Concepts),
        string_null(Objects::BookingUrl),
        text_null(Objects::OpeningHours),
        text_null(Objects::Rrule),
        text_null(Objects::Exceptions),
        big_integer_null(Objects::SeriesId),
        timestamp_with_time_zone_null(Objects::OccurrenceStart),
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
                        .table(Objects::Table)
                        .add_column(column)
                        .to_owned(),
                )
                .await?;
        }
        manager
            .create_index(
                Index::create()
                    .name("objects_series")
                    .table(Objects::Table)
                    .col(Objects::SeriesId)
                    .col(Objects::OccurrenceStart)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name("objects_series")
                    .table(Objects::Table)
                    .to_owned(),
            )
            .await?;
        for column in columns() {
            let name = column.get_column_name();
            manager
                .alter_table(
                    Table::alter()
                        .table(Objects::Table)
                        .drop_column(Alias::new(name))
                        .to_owned(),
                )
                .await?;
        }
        Ok(())
    }
}
