//! Regional networks and relays.
//!
//! - `places.kind`: a local actor is a `place` (an `Organization`) or a `network` (a `Group`,
//!   FEP-1b12); `places.join_policy` says whether a network accepts members at once (`open`)
//!   or after a moderator's approval (`approval`).
//! - `network_members`: who is a member of a local network, and in which state.
//! - `network_announces`: what a local network has announced, one row per announced activity,
//!   so that an activity arriving by several paths (or around a loop of networks) is
//!   announced once, and a moderator can withdraw it.
//! - `moderation_log`: the public log of a network's moderation decisions.
//! - `memberships`: the networks our places have joined.
//! - `object_sources`: by which paths a received object came (its author directly, a network's
//!   `Announce`, a relay), so that a withdrawn announcement only hides what came that way.
//! - `subscriptions`: what the instance actor follows (places and networks for the regional
//!   timeline, relays of both protocols).
//! - `relay_subscribers`: the instances subscribed to this instance when it acts as a relay.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Places {
    Table,
    Kind,
    JoinPolicy,
}

#[derive(DeriveIden)]
enum NetworkMembers {
    Table,
    Id,
    NetworkId,
    MemberApId,
    MemberKind,
    JoinApId,
    FollowApId,
    Status,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum NetworkAnnounces {
    Table,
    Id,
    NetworkId,
    InnerApId,
    InnerKind,
    InnerActor,
    ObjectApId,
    AnnounceApId,
    WithdrawnAt,
    CreatedAt,
}

#[derive(DeriveIden)]
enum ModerationLog {
    Table,
    Id,
    NetworkId,
    Action,
    Target,
    Reason,
    ActivityApId,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Memberships {
    Table,
    Id,
    PlaceId,
    NetworkApId,
    JoinApId,
    Status,
    CreatedAt,
}

#[derive(DeriveIden)]
enum ObjectSources {
    Table,
    Id,
    ObjectApId,
    ViaApId,
    AnnounceApId,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Subscriptions {
    Table,
    Id,
    TargetApId,
    Kind,
    Inbox,
    FollowApId,
    Status,
    CreatedAt,
}

#[derive(DeriveIden)]
enum RelaySubscribers {
    Table,
    Id,
    ActorApId,
    Inbox,
    Kind,
    FollowApId,
    Status,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // SQLite alters one column per statement.
        for column in [
            string(Places::Kind).default("place").to_owned(),
            string_null(Places::JoinPolicy),
        ] {
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
            .create_table(
                Table::create()
                    .table(NetworkMembers::Table)
                    .col(big_pk_auto(NetworkMembers::Id))
                    .col(big_integer(NetworkMembers::NetworkId))
                    .col(string(NetworkMembers::MemberApId))
                    .col(string_null(NetworkMembers::MemberKind))
                    .col(string(NetworkMembers::JoinApId))
                    .col(string_null(NetworkMembers::FollowApId))
                    .col(string(NetworkMembers::Status))
                    .col(timestamp_with_time_zone(NetworkMembers::CreatedAt))
                    .col(timestamp_with_time_zone(NetworkMembers::UpdatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("network_members_unique")
                    .table(NetworkMembers::Table)
                    .col(NetworkMembers::NetworkId)
                    .col(NetworkMembers::MemberApId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("network_members_member")
                    .table(NetworkMembers::Table)
                    .col(NetworkMembers::MemberApId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(NetworkAnnounces::Table)
                    .col(big_pk_auto(NetworkAnnounces::Id))
                    .col(big_integer(NetworkAnnounces::NetworkId))
                    .col(string(NetworkAnnounces::InnerApId))
                    .col(string(NetworkAnnounces::InnerKind))
                    .col(string(NetworkAnnounces::InnerActor))
                    .col(string_null(NetworkAnnounces::ObjectApId))
                    .col(string(NetworkAnnounces::AnnounceApId))
                    .col(timestamp_with_time_zone_null(NetworkAnnounces::WithdrawnAt))
                    .col(timestamp_with_time_zone(NetworkAnnounces::CreatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("network_announces_unique")
                    .table(NetworkAnnounces::Table)
                    .col(NetworkAnnounces::NetworkId)
                    .col(NetworkAnnounces::InnerApId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("network_announces_object")
                    .table(NetworkAnnounces::Table)
                    .col(NetworkAnnounces::NetworkId)
                    .col(NetworkAnnounces::ObjectApId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ModerationLog::Table)
                    .col(big_pk_auto(ModerationLog::Id))
                    .col(big_integer(ModerationLog::NetworkId))
                    .col(string(ModerationLog::Action))
                    .col(string(ModerationLog::Target))
                    .col(text_null(ModerationLog::Reason))
                    .col(string_null(ModerationLog::ActivityApId))
                    .col(timestamp_with_time_zone(ModerationLog::CreatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("moderation_log_network")
                    .table(ModerationLog::Table)
                    .col(ModerationLog::NetworkId)
                    .col(ModerationLog::Id)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Memberships::Table)
                    .col(big_pk_auto(Memberships::Id))
                    .col(big_integer(Memberships::PlaceId))
                    .col(string(Memberships::NetworkApId))
                    .col(string(Memberships::JoinApId))
                    .col(string(Memberships::Status))
                    .col(timestamp_with_time_zone(Memberships::CreatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("memberships_unique")
                    .table(Memberships::Table)
                    .col(Memberships::PlaceId)
                    .col(Memberships::NetworkApId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(ObjectSources::Table)
                    .col(big_pk_auto(ObjectSources::Id))
                    .col(string(ObjectSources::ObjectApId))
                    .col(string(ObjectSources::ViaApId))
                    .col(string_null(ObjectSources::AnnounceApId))
                    .col(timestamp_with_time_zone(ObjectSources::CreatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("object_sources_unique")
                    .table(ObjectSources::Table)
                    .col(ObjectSources::ObjectApId)
                    .col(ObjectSources::ViaApId)
                    .unique()
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("object_sources_announce")
                    .table(ObjectSources::Table)
                    .col(ObjectSources::AnnounceApId)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Subscriptions::Table)
                    .col(big_pk_auto(Subscriptions::Id))
                    .col(string_uniq(Subscriptions::TargetApId))
                    .col(string(Subscriptions::Kind))
                    .col(string(Subscriptions::Inbox))
                    .col(string(Subscriptions::FollowApId))
                    .col(string(Subscriptions::Status))
                    .col(timestamp_with_time_zone(Subscriptions::CreatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(RelaySubscribers::Table)
                    .col(big_pk_auto(RelaySubscribers::Id))
                    .col(string_uniq(RelaySubscribers::ActorApId))
                    .col(string(RelaySubscribers::Inbox))
                    .col(string(RelaySubscribers::Kind))
                    .col(string(RelaySubscribers::FollowApId))
                    .col(string(RelaySubscribers::Status))
                    .col(timestamp_with_time_zone(RelaySubscribers::CreatedAt))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in [
            RelaySubscribers::Table.into_iden(),
            Subscriptions::Table.into_iden(),
            ObjectSources::Table.into_iden(),
            Memberships::Table.into_iden(),
            ModerationLog::Table.into_iden(),
            NetworkAnnounces::Table.into_iden(),
            NetworkMembers::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        for column in [Places::JoinPolicy, Places::Kind] {
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
