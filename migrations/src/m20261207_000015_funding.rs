//! Funding calls (veille des financements): local and received, with their deadline, who may
//! apply and where, their source and the key that finds the same call from another source.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum FundingCalls {
    Table,
    Id,
    ApId,
    PlaceId,
    AttributedTo,
    Name,
    Summary,
    SummaryFalc,
    Content,
    ContentFalc,
    Funder,
    Programme,
    Deadline,
    OpeningDate,
    LegalForms,
    StructureTypes,
    Territory,
    Themes,
    AmountMax,
    RateMax,
    AmountText,
    HowToApply,
    ApplicationUrl,
    SourceUrl,
    DedupKey,
    ImportedFrom,
    Published,
    Updated,
    DeletedAt,
    ReceivedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(FundingCalls::Table)
                    .col(big_pk_auto(FundingCalls::Id))
                    .col(string_uniq(FundingCalls::ApId))
                    // The local place or network that published it; NULL when received.
                    .col(big_integer_null(FundingCalls::PlaceId))
                    .col(string(FundingCalls::AttributedTo))
                    .col(text(FundingCalls::Name))
                    .col(text(FundingCalls::Summary))
                    .col(text_null(FundingCalls::SummaryFalc))
                    .col(text_null(FundingCalls::Content))
                    .col(text_null(FundingCalls::ContentFalc))
                    .col(text_null(FundingCalls::Funder))
                    .col(text_null(FundingCalls::Programme))
                    .col(date_null(FundingCalls::Deadline))
                    .col(date_null(FundingCalls::OpeningDate))
                    // JSON arrays of slugs and territory codes.
                    .col(text(FundingCalls::LegalForms))
                    .col(text(FundingCalls::StructureTypes))
                    .col(text(FundingCalls::Territory))
                    .col(text(FundingCalls::Themes))
                    .col(big_integer_null(FundingCalls::AmountMax))
                    .col(integer_null(FundingCalls::RateMax))
                    .col(text_null(FundingCalls::AmountText))
                    .col(text_null(FundingCalls::HowToApply))
                    .col(text_null(FundingCalls::ApplicationUrl))
                    .col(text_null(FundingCalls::SourceUrl))
                    .col(string(FundingCalls::DedupKey))
                    .col(text_null(FundingCalls::ImportedFrom))
                    .col(timestamp_with_time_zone(FundingCalls::Published))
                    .col(timestamp_with_time_zone_null(FundingCalls::Updated))
                    .col(timestamp_with_time_zone_null(FundingCalls::DeletedAt))
                    .col(timestamp_with_time_zone(FundingCalls::ReceivedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_funding_calls_deadline")
                    .table(FundingCalls::Table)
                    .col(FundingCalls::Deadline)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_funding_calls_dedup_key")
                    .table(FundingCalls::Table)
                    .col(FundingCalls::DedupKey)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(FundingCalls::Table).to_owned())
            .await
    }
}
