//! Uploaded images (`media`: content-addressed files with their alternative text, focal point
//! and thumbnail) and their attachment to objects, in order (`object_media`).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// Column names follow the table: `media_type` is the media's type.
#[allow(clippy::enum_variant_names)]
#[derive(DeriveIden)]
enum Media {
    Table,
    Id,
    PublicId,
    PlaceId,
    Sha256,
    MediaType,
    Width,
    Height,
    Bytes,
    Alt,
    FocalX,
    FocalY,
    ThumbnailSha256,
    ThumbnailWidth,
    ThumbnailHeight,
    CreatedAt,
}

#[derive(DeriveIden)]
enum ObjectMedia {
    Table,
    ObjectId,
    MediaId,
    Position,
}

#[derive(DeriveIden)]
enum Places {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Objects {
    Table,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Media::Table)
                    .col(big_pk_auto(Media::Id))
                    .col(uuid_uniq(Media::PublicId))
                    .col(big_integer_null(Media::PlaceId))
                    .col(string_len(Media::Sha256, 64))
                    .col(string(Media::MediaType))
                    .col(integer(Media::Width))
                    .col(integer(Media::Height))
                    .col(big_integer(Media::Bytes))
                    .col(text(Media::Alt))
                    .col(double_null(Media::FocalX))
                    .col(double_null(Media::FocalY))
                    .col(string_len(Media::ThumbnailSha256, 64))
                    .col(integer(Media::ThumbnailWidth))
                    .col(integer(Media::ThumbnailHeight))
                    .col(timestamp_with_time_zone(Media::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Media::Table, Media::PlaceId)
                            .to(Places::Table, Places::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("media_sha256")
                    .table(Media::Table)
                    .col(Media::Sha256)
                    .to_owned(),
            )
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(ObjectMedia::Table)
                    .col(big_integer(ObjectMedia::ObjectId))
                    .col(big_integer(ObjectMedia::MediaId))
                    .col(integer(ObjectMedia::Position))
                    .primary_key(
                        Index::create()
                            .col(ObjectMedia::ObjectId)
                            .col(ObjectMedia::MediaId),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(ObjectMedia::Table, ObjectMedia::ObjectId)
                            .to(Objects::Table, Objects::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(ObjectMedia::Table, ObjectMedia::MediaId)
                            .to(Media::Table, Media::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("object_media_by_media")
                    .table(ObjectMedia::Table)
                    .col(ObjectMedia::MediaId)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_table(Table::drop().table(ObjectMedia::Table).to_owned())
            .await?;
        manager
            .drop_table(Table::drop().table(Media::Table).to_owned())
            .await
    }
}
