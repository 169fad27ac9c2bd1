//! The inbox queue: activities verified at the door (signature, digest, origin) are stored
//! durably and answered 202 at once; a background worker applies them.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum InboxQueue {
    Table,
    Id,
    ApId,
    Kind,
    ActorApId,
    Payload,
    Status,
    Attempts,
    NextAttemptAt,
    ClaimedUntil,
    LastError,
    ReceivedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(InboxQueue::Table)
                    .col(big_pk_auto(InboxQueue::Id))
                    .col(string_uniq(InboxQueue::ApId))
                    .col(string(InboxQueue::Kind))
                    .col(string(InboxQueue::ActorApId))
                    .col(text(InboxQueue::Payload))
                    .col(string(InboxQueue::Status))
                    .col(integer(InboxQueue::Attempts))
                    .col(timestamp_with_time_zone(InboxQueue::NextAttemptAt))
                    .col(timestamp_with_time_zone_null(InboxQueue::ClaimedUntil))
                    .col(text_null(InboxQueue::LastError))
                    .col(timestamp_with_time_zone(InboxQueue::ReceivedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("inbox_queue_due")
                    .table(InboxQueue::Table)
                    .col(InboxQueue::Status)
                    .col(InboxQueue::NextAttemptAt)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(InboxQueue::Table).to_owned())
            .await
    }
}
