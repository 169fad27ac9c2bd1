//! Regional labels: the Ed25519 keys networks sign attestations with, label definitions,
//! applications, and the attestations issued here or received and verified.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum LabelKeys {
    Table,
    Id,
    PlaceId,
    PrivateKey,
    PublicKeyMultibase,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Labels {
    Table,
    Id,
    NetworkId,
    Slug,
    ApId,
    Name,
    Criteria,
    ValidityMonths,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum LabelApplications {
    Table,
    Id,
    ApId,
    LabelApId,
    NetworkApId,
    ApplicantApId,
    Answers,
    Status,
    Reason,
    AttestationApId,
    CreatedAt,
    DecidedAt,
}

#[derive(DeriveIden)]
enum LabelAttestations {
    Table,
    Id,
    ApId,
    LabelApId,
    LabelName,
    IssuerApId,
    HolderApId,
    ValidFrom,
    ValidUntil,
    Document,
    IssuedHere,
    RevokedAt,
    ReceivedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(LabelKeys::Table)
                    .col(big_pk_auto(LabelKeys::Id))
                    .col(big_integer_uniq(LabelKeys::PlaceId))
                    // PKCS#8 v1, base64.
                    .col(text(LabelKeys::PrivateKey))
                    .col(string(LabelKeys::PublicKeyMultibase))
                    .col(timestamp_with_time_zone(LabelKeys::CreatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Labels::Table)
                    .col(big_pk_auto(Labels::Id))
                    .col(big_integer(Labels::NetworkId))
                    .col(string(Labels::Slug))
                    .col(string_uniq(Labels::ApId))
                    .col(string(Labels::Name))
                    // A JSON array of the criteria, each a line of text.
                    .col(text(Labels::Criteria))
                    .col(integer_null(Labels::ValidityMonths))
                    .col(timestamp_with_time_zone(Labels::CreatedAt))
                    .col(timestamp_with_time_zone(Labels::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("labels_network_slug")
                    .table(Labels::Table)
                    .col(Labels::NetworkId)
                    .col(Labels::Slug)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(LabelApplications::Table)
                    .col(big_pk_auto(LabelApplications::Id))
                    .col(string_uniq(LabelApplications::ApId))
                    .col(string(LabelApplications::LabelApId))
                    .col(string(LabelApplications::NetworkApId))
                    .col(string(LabelApplications::ApplicantApId))
                    // A JSON array of the answers, in the order of the criteria.
                    .col(text(LabelApplications::Answers))
                    .col(string(LabelApplications::Status))
                    .col(text_null(LabelApplications::Reason))
                    .col(string_null(LabelApplications::AttestationApId))
                    .col(timestamp_with_time_zone(LabelApplications::CreatedAt))
                    .col(timestamp_with_time_zone_null(LabelApplications::DecidedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("label_applications_label")
                    .table(LabelApplications::Table)
                    .col(LabelApplications::LabelApId)
                    .col(LabelApplications::Status)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(LabelAttestations::Table)
                    .col(big_pk_auto(LabelAttestations::Id))
                    .col(string_uniq(LabelAttestations::ApId))
                    .col(string(LabelAttestations::LabelApId))
                    .col(string(LabelAttestations::LabelName))
                    .col(string(LabelAttestations::IssuerApId))
                    .col(string(LabelAttestations::HolderApId))
                    .col(timestamp_with_time_zone(LabelAttestations::ValidFrom))
                    .col(timestamp_with_time_zone(LabelAttestations::ValidUntil))
                    // The signed document exactly as issued or received.
                    .col(text(LabelAttestations::Document))
                    .col(boolean(LabelAttestations::IssuedHere))
                    .col(timestamp_with_time_zone_null(LabelAttestations::RevokedAt))
                    .col(timestamp_with_time_zone(LabelAttestations::ReceivedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("label_attestations_holder")
                    .table(LabelAttestations::Table)
                    .col(LabelAttestations::HolderApId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("label_attestations_label")
                    .table(LabelAttestations::Table)
                    .col(LabelAttestations::LabelApId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            LabelAttestations::Table.into_iden(),
            LabelApplications::Table.into_iden(),
            Labels::Table.into_iden(),
            LabelKeys::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
