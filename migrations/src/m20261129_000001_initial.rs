//! The first schema: the instance, places, remote actors, objects, activities, the durable
//! delivery queue, follows both ways, domain blocks and API tokens.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Instance {
    Table,
    Id,
    PublicKeyPem,
    PrivateKeyPem,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Places {
    Table,
    Id,
    Username,
    Name,
    Summary,
    StreetAddress,
    PostalCode,
    Locality,
    Country,
    Latitude,
    Longitude,
    Phone,
    Website,
    OpeningHours,
    IconUrl,
    ManuallyApprovesFollowers,
    PublicKeyPem,
    PrivateKeyPem,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum Actors {
    Table,
    Id,
    ApId,
    Kind,
    PreferredUsername,
    Name,
    Summary,
    Domain,
    Inbox,
    SharedInbox,
    Outbox,
    Followers,
    Url,
    IconUrl,
    PublicKeyId,
    PublicKeyPem,
    ManuallyApprovesFollowers,
    LastFetchedAt,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Objects {
    Table,
    Id,
    ApId,
    Kind,
    PlaceId,
    AttributedTo,
    Name,
    Summary,
    Content,
    Url,
    StartTime,
    EndTime,
    Timezone,
    LocationName,
    StreetAddress,
    PostalCode,
    Locality,
    Country,
    Latitude,
    Longitude,
    OnlineUrl,
    Price,
    Capacity,
    RegistrationUrl,
    InReplyTo,
    Public,
    Extra,
    Published,
    Updated,
    DeletedAt,
    ReceivedAt,
}

#[derive(DeriveIden)]
enum Activities {
    Table,
    Id,
    ApId,
    Kind,
    ActorApId,
    ObjectApId,
    PlaceId,
    Local,
    Public,
    Payload,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Deliveries {
    Table,
    Id,
    ActivityId,
    Inbox,
    Status,
    Attempts,
    NextAttemptAt,
    ClaimedUntil,
    LastError,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum DeadInboxes {
    Table,
    Inbox,
    Domain,
    DeadSince,
}

#[derive(DeriveIden)]
enum Followers {
    Table,
    Id,
    PlaceId,
    ActorApId,
    FollowApId,
    Status,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Followings {
    Table,
    Id,
    PlaceId,
    TargetApId,
    FollowApId,
    Status,
    CreatedAt,
}

#[derive(DeriveIden)]
enum DomainBlocks {
    Table,
    Id,
    Domain,
    Reason,
    CreatedAt,
}

#[derive(DeriveIden)]
enum ApiTokens {
    Table,
    Id,
    Name,
    TokenHash,
    CreatedAt,
    LastUsedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Instance::Table)
                    .col(big_integer(Instance::Id).primary_key())
                    .col(text(Instance::PublicKeyPem))
                    .col(text(Instance::PrivateKeyPem))
                    .col(timestamp_with_time_zone(Instance::CreatedAt))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Places::Table)
                    .col(big_pk_auto(Places::Id))
                    .col(string_uniq(Places::Username))
                    .col(string(Places::Name))
                    .col(text_null(Places::Summary))
                    .col(string_null(Places::StreetAddress))
                    .col(string_null(Places::PostalCode))
                    .col(string_null(Places::Locality))
                    .col(string_null(Places::Country))
                    .col(double_null(Places::Latitude))
                    .col(double_null(Places::Longitude))
                    .col(string_null(Places::Phone))
                    .col(string_null(Places::Website))
                    .col(text_null(Places::OpeningHours))
                    .col(string_null(Places::IconUrl))
                    .col(boolean(Places::ManuallyApprovesFollowers))
                    .col(text(Places::PublicKeyPem))
                    .col(text(Places::PrivateKeyPem))
                    .col(timestamp_with_time_zone(Places::CreatedAt))
                    .col(timestamp_with_time_zone(Places::UpdatedAt))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Actors::Table)
                    .col(big_pk_auto(Actors::Id))
                    .col(string_uniq(Actors::ApId))
                    .col(string(Actors::Kind))
                    .col(string_null(Actors::PreferredUsername))
                    .col(string_null(Actors::Name))
                    .col(text_null(Actors::Summary))
                    .col(string(Actors::Domain))
                    .col(string(Actors::Inbox))
                    .col(string_null(Actors::SharedInbox))
                    .col(string_null(Actors::Outbox))
                    .col(string_null(Actors::Followers))
                    .col(string_null(Actors::Url))
                    .col(string_null(Actors::IconUrl))
                    .col(string(Actors::PublicKeyId))
                    .col(text(Actors::PublicKeyPem))
                    .col(boolean(Actors::ManuallyApprovesFollowers))
                    .col(timestamp_with_time_zone(Actors::LastFetchedAt))
                    .col(timestamp_with_time_zone(Actors::CreatedAt))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Objects::Table)
                    .col(big_pk_auto(Objects::Id))
                    .col(string_uniq(Objects::ApId))
                    .col(string(Objects::Kind))
                    .col(big_integer_null(Objects::PlaceId))
                    .col(string(Objects::AttributedTo))
                    .col(text_null(Objects::Name))
                    .col(text_null(Objects::Summary))
                    .col(text_null(Objects::Content))
                    .col(string_null(Objects::Url))
                    .col(timestamp_with_time_zone_null(Objects::StartTime))
                    .col(timestamp_with_time_zone_null(Objects::EndTime))
                    .col(string_null(Objects::Timezone))
                    .col(string_null(Objects::LocationName))
                    .col(string_null(Objects::StreetAddress))
                    .col(string_null(Objects::PostalCode))
                    .col(string_null(Objects::Locality))
                    .col(string_null(Objects::Country))
                    .col(double_null(Objects::Latitude))
                    .col(double_null(Objects::Longitude))
                    .col(string_null(Objects::OnlineUrl))
                    .col(string_null(Objects::Price))
                    .col(integer_null(Objects::Capacity))
                    .col(string_null(Objects::RegistrationUrl))
                    .col(string_null(Objects::InReplyTo))
                    .col(boolean(Objects::Public))
                    .col(text_null(Objects::Extra))
                    .col(timestamp_with_time_zone(Objects::Published))
                    .col(timestamp_with_time_zone_null(Objects::Updated))
                    .col(timestamp_with_time_zone_null(Objects::DeletedAt))
                    .col(timestamp_with_time_zone(Objects::ReceivedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Objects::Table, Objects::PlaceId)
                            .to(Places::Table, Places::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("objects_timeline")
                    .table(Objects::Table)
                    .col(Objects::ReceivedAt)
                    .col(Objects::Id)
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("objects_by_author")
                    .table(Objects::Table)
                    .col(Objects::AttributedTo)
                    .col(Objects::ReceivedAt)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Activities::Table)
                    .col(big_pk_auto(Activities::Id))
                    .col(string_uniq(Activities::ApId))
                    .col(string(Activities::Kind))
                    .col(string(Activities::ActorApId))
                    .col(string_null(Activities::ObjectApId))
                    .col(big_integer_null(Activities::PlaceId))
                    .col(boolean(Activities::Local))
                    .col(boolean(Activities::Public))
                    .col(text(Activities::Payload))
                    .col(timestamp_with_time_zone(Activities::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Activities::Table, Activities::PlaceId)
                            .to(Places::Table, Places::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("activities_outbox")
                    .table(Activities::Table)
                    .col(Activities::PlaceId)
                    .col(Activities::Id)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Deliveries::Table)
                    .col(big_pk_auto(Deliveries::Id))
                    .col(big_integer(Deliveries::ActivityId))
                    .col(string(Deliveries::Inbox))
                    .col(string(Deliveries::Status))
                    .col(integer(Deliveries::Attempts))
                    .col(timestamp_with_time_zone(Deliveries::NextAttemptAt))
                    .col(timestamp_with_time_zone_null(Deliveries::ClaimedUntil))
                    .col(text_null(Deliveries::LastError))
                    .col(timestamp_with_time_zone(Deliveries::CreatedAt))
                    .col(timestamp_with_time_zone(Deliveries::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Deliveries::Table, Deliveries::ActivityId)
                            .to(Activities::Table, Activities::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("deliveries_unique_inbox")
                    .table(Deliveries::Table)
                    .col(Deliveries::ActivityId)
                    .col(Deliveries::Inbox)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("deliveries_due")
                    .table(Deliveries::Table)
                    .col(Deliveries::Status)
                    .col(Deliveries::NextAttemptAt)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(DeadInboxes::Table)
                    .col(string(DeadInboxes::Inbox).primary_key())
                    .col(string(DeadInboxes::Domain))
                    .col(timestamp_with_time_zone(DeadInboxes::DeadSince))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Followers::Table)
                    .col(big_pk_auto(Followers::Id))
                    .col(big_integer(Followers::PlaceId))
                    .col(string(Followers::ActorApId))
                    .col(string(Followers::FollowApId))
                    .col(string(Followers::Status))
                    .col(timestamp_with_time_zone(Followers::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Followers::Table, Followers::PlaceId)
                            .to(Places::Table, Places::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("followers_unique")
                    .table(Followers::Table)
                    .col(Followers::PlaceId)
                    .col(Followers::ActorApId)
                    .unique()
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(Followings::Table)
                    .col(big_pk_auto(Followings::Id))
                    .col(big_integer(Followings::PlaceId))
                    .col(string(Followings::TargetApId))
                    .col(string(Followings::FollowApId))
                    .col(string(Followings::Status))
                    .col(timestamp_with_time_zone(Followings::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Followings::Table, Followings::PlaceId)
                            .to(Places::Table, Places::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("followings_unique")
                    .table(Followings::Table)
                    .col(Followings::PlaceId)
                    .col(Followings::TargetApId)
                    .unique()
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(DomainBlocks::Table)
                    .col(big_pk_auto(DomainBlocks::Id))
                    .col(string_uniq(DomainBlocks::Domain))
                    .col(text_null(DomainBlocks::Reason))
                    .col(timestamp_with_time_zone(DomainBlocks::CreatedAt))
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(ApiTokens::Table)
                    .col(big_pk_auto(ApiTokens::Id))
                    .col(string(ApiTokens::Name))
                    .col(string_uniq(ApiTokens::TokenHash))
                    .col(timestamp_with_time_zone(ApiTokens::CreatedAt))
                    .col(timestamp_with_time_zone_null(ApiTokens::LastUsedAt))
                    .to_owned(),
            )
            .await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            ApiTokens::Table.into_iden(),
            DomainBlocks::Table.into_iden(),
            Followings::Table.into_iden(),
            Followers::Table.into_iden(),
            DeadInboxes::Table.into_iden(),
            Deliveries::Table.into_iden(),
            Activities::Table.into_iden(),
            Objects::Table.into_iden(),
            Actors::Table.into_iden(),
            Places::Table.into_iden(),
            Instance::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
