//! Cooperation between places and the "code source" of a tiers-lieu: proposals (FEP-0837
//! offers and requests, ours and received), agreements answering them, code-source articles
//! of our places, the forks of our places that their origin was told about, and the
//! cooperation frameworks of places (ours in `places`, remote ones in `actor_frameworks`).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Proposals {
    Table,
    Id,
    ApId,
    PlaceId,
    Actor,
    Purpose,
    Kind,
    Name,
    Summary,
    Content,
    Quantity,
    Unit,
    Reciprocal,
    Departement,
    Local,
    Published,
    ReceivedAt,
    DeletedAt,
}

#[derive(DeriveIden)]
enum Agreements {
    Table,
    Id,
    ApId,
    OfferApId,
    ProposalApId,
    Proposer,
    Responder,
    Message,
    Status,
    CreatedAt,
    DecidedAt,
}

#[derive(DeriveIden)]
enum SourceArticles {
    Table,
    Id,
    ApId,
    PlaceId,
    Kind,
    Name,
    Summary,
    Content,
    License,
    ForkOf,
    OriginalAuthor,
    Attribution,
    Published,
}

#[derive(DeriveIden)]
enum Places {
    Table,
    CooperationFrameworks,
}

#[derive(DeriveIden)]
enum ActorFrameworks {
    Table,
    Id,
    Actor,
    Slugs,
}

#[derive(DeriveIden)]
enum PlaceForks {
    Table,
    Id,
    PlaceId,
    ForkActor,
    ForkName,
    CreatedAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Proposals::Table)
                    .col(big_pk_auto(Proposals::Id))
                    .col(string_uniq(Proposals::ApId))
                    // Set for our places' proposals.
                    .col(big_integer_null(Proposals::PlaceId))
                    .col(string(Proposals::Actor))
                    .col(string(Proposals::Purpose))
                    .col(string(Proposals::Kind))
                    .col(string(Proposals::Name))
                    .col(text(Proposals::Summary))
                    .col(text_null(Proposals::Content))
                    .col(double(Proposals::Quantity))
                    .col(string(Proposals::Unit))
                    .col(text_null(Proposals::Reciprocal))
                    .col(string_null(Proposals::Departement))
                    .col(boolean(Proposals::Local))
                    .col(timestamp_with_time_zone(Proposals::Published))
                    .col(timestamp_with_time_zone(Proposals::ReceivedAt))
                    .col(timestamp_with_time_zone_null(Proposals::DeletedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_proposals_actor")
                    .table(Proposals::Table)
                    .col(Proposals::Actor)
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Agreements::Table)
                    .col(big_pk_auto(Agreements::Id))
                    .col(string_uniq(Agreements::ApId))
                    .col(string_uniq(Agreements::OfferApId))
                    .col(string(Agreements::ProposalApId))
                    .col(string(Agreements::Proposer))
                    .col(string(Agreements::Responder))
                    .col(text_null(Agreements::Message))
                    .col(string(Agreements::Status))
                    .col(timestamp_with_time_zone(Agreements::CreatedAt))
                    .col(timestamp_with_time_zone_null(Agreements::DecidedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(SourceArticles::Table)
                    .col(big_pk_auto(SourceArticles::Id))
                    .col(string_uniq(SourceArticles::ApId))
                    .col(big_integer(SourceArticles::PlaceId))
                    .col(string(SourceArticles::Kind))
                    .col(string(SourceArticles::Name))
                    .col(text(SourceArticles::Summary))
                    .col(text(SourceArticles::Content))
                    .col(string(SourceArticles::License))
                    // The article this one was forked from, its author and the credit line.
                    .col(string_null(SourceArticles::ForkOf))
                    .col(string_null(SourceArticles::OriginalAuthor))
                    .col(text_null(SourceArticles::Attribution))
                    .col(timestamp_with_time_zone(SourceArticles::Published))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(PlaceForks::Table)
                    .col(big_pk_auto(PlaceForks::Id))
                    .col(big_integer(PlaceForks::PlaceId))
                    .col(string(PlaceForks::ForkActor))
                    .col(string_null(PlaceForks::ForkName))
                    .col(timestamp_with_time_zone(PlaceForks::CreatedAt))
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_place_forks_unique")
                    .table(PlaceForks::Table)
                    .col(PlaceForks::PlaceId)
                    .col(PlaceForks::ForkActor)
                    .unique()
                    .to_owned(),
            )
            .await?;
        // A place's cooperation frameworks (a JSON array of concept slugs).
        manager
            .alter_table(
                Table::alter()
                    .table(Places::Table)
                    .add_column(text_null(Places::CooperationFrameworks))
                    .to_owned(),
            )
            .await?;
        // Remote places' cooperation frameworks, read from their actors.
        manager
            .create_table(
                Table::create()
                    .table(ActorFrameworks::Table)
                    .col(big_pk_auto(ActorFrameworks::Id))
                    .col(string_uniq(ActorFrameworks::Actor))
                    .col(text(ActorFrameworks::Slugs))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Places::Table)
                    .drop_column(Places::CooperationFrameworks)
                    .to_owned(),
            )
            .await?;
        for table in [
            ActorFrameworks::Table.into_iden(),
            PlaceForks::Table.into_iden(),
            SourceArticles::Table.into_iden(),
            Agreements::Table.into_iden(),
            Proposals::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
