//! The federated directory and the territory of objects.
//!
//! - `directory`: one row per place known to this instance, local or remote (an
//!   `Organization` actor), with what the filters and the exports read as columns: commune,
//!   département and région codes, position, pivot, normalised name and address keys, opening
//!   hours, concepts; the whole profile as JSON; the profile's `updated` and when it was last
//!   seen. `cluster_id` groups the entries that are the same place published by several
//!   instances; `canonical` marks the one listed (the freshest).
//! - `directory_concepts`: the vocabulary concepts of each entry (`scheme/slug`), for the
//!   directory's filters and the timeline's `label` filter.
//! - `objects` gains `insee_code`, `departement`, `region` and a position (`area_latitude`,
//!   `area_longitude`: its own, or its author place's) for the timeline's territory filters,
//!   with indexes on (`departement`, `received_at`, `id`), (`departement`, `start_time`, `id`)
//!   and (`start_time`, `id`).
//! - `object_concepts`: the vocabulary concepts of each object (its tags and its event
//!   category), for the `concept`, `public` and `fee` filters.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Directory {
    Table,
    Id,
    ApId,
    PlaceId,
    Local,
    Name,
    NameKey,
    Pivot,
    AddressKey,
    StreetAddress,
    PostalCode,
    Locality,
    InseeCode,
    Departement,
    Region,
    Latitude,
    Longitude,
    Concepts,
    OpeningHours,
    Profile,
    Updated,
    LastSeen,
    ClusterId,
    Canonical,
}

#[derive(DeriveIden)]
enum DirectoryConcepts {
    Table,
    DirectoryId,
    Concept,
}

#[derive(DeriveIden)]
enum ObjectConcepts {
    Table,
    ObjectId,
    Concept,
}

#[derive(DeriveIden)]
enum Objects {
    Table,
    Id,
    InseeCode,
    Departement,
    Region,
    AreaLatitude,
    AreaLongitude,
    ReceivedAt,
    StartTime,
}

fn index(name: &str, table: impl IntoIden, columns: Vec<DynIden>) -> IndexCreateStatement {
    let mut index = Index::create();
    index.name(name).table(table);
    for column in columns {
        index.col(column);
    }
    index.to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Directory::Table)
                    .col(big_pk_auto(Directory::Id))
                    .col(string_uniq(Directory::ApId))
                    .col(big_integer_null(Directory::PlaceId))
                    .col(boolean(Directory::Local))
                    .col(string(Directory::Name))
                    .col(string(Directory::NameKey))
                    .col(string_null(Directory::Pivot))
                    .col(string_null(Directory::AddressKey))
                    .col(string_null(Directory::StreetAddress))
                    .col(string_null(Directory::PostalCode))
                    .col(string_null(Directory::Locality))
                    .col(string_null(Directory::InseeCode))
                    .col(string_null(Directory::Departement))
                    .col(string_null(Directory::Region))
                    .col(double_null(Directory::Latitude))
                    .col(double_null(Directory::Longitude))
                    .col(text_null(Directory::Concepts))
                    .col(text_null(Directory::OpeningHours))
                    .col(text(Directory::Profile))
                    .col(timestamp_with_time_zone(Directory::Updated))
                    .col(timestamp_with_time_zone(Directory::LastSeen))
                    .col(big_integer(Directory::ClusterId))
                    .col(boolean(Directory::Canonical))
                    .to_owned(),
            )
            .await?;
        let d = |c: Directory| -> DynIden { c.into_iden() };
        for statement in [
            index(
                "directory_pivot",
                Directory::Table,
                vec![d(Directory::Pivot)],
            ),
            index(
                "directory_address_key",
                Directory::Table,
                vec![d(Directory::AddressKey)],
            ),
            index(
                "directory_position",
                Directory::Table,
                vec![d(Directory::Latitude), d(Directory::Longitude)],
            ),
            index(
                "directory_cluster",
                Directory::Table,
                vec![d(Directory::ClusterId)],
            ),
            // The listing: canonical entries by name, keyset on (name_key, id).
            index(
                "directory_listing",
                Directory::Table,
                vec![
                    d(Directory::Canonical),
                    d(Directory::NameKey),
                    d(Directory::Id),
                ],
            ),
            index(
                "directory_departement",
                Directory::Table,
                vec![d(Directory::Departement)],
            ),
            index(
                "directory_region",
                Directory::Table,
                vec![d(Directory::Region)],
            ),
            index(
                "directory_insee_code",
                Directory::Table,
                vec![d(Directory::InseeCode)],
            ),
            index(
                "directory_postal_code",
                Directory::Table,
                vec![d(Directory::PostalCode)],
            ),
        ] {
            manager.create_index(statement).await?;
        }

        manager
            .create_table(
                Table::create()
                    .table(DirectoryConcepts::Table)
                    .col(big_integer(DirectoryConcepts::DirectoryId))
                    .col(string(DirectoryConcepts::Concept))
                    .primary_key(
                        Index::create()
                            .col(DirectoryConcepts::Concept)
                            .col(DirectoryConcepts::DirectoryId),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(DirectoryConcepts::Table, DirectoryConcepts::DirectoryId)
                            .to(Directory::Table, Directory::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "directory_concepts_entry",
                DirectoryConcepts::Table,
                vec![DirectoryConcepts::DirectoryId.into_iden()],
            ))
            .await?;

        manager
            .create_table(
                Table::create()
                    .table(ObjectConcepts::Table)
                    .col(big_integer(ObjectConcepts::ObjectId))
                    .col(string(ObjectConcepts::Concept))
                    .primary_key(
                        Index::create()
                            .col(ObjectConcepts::Concept)
                            .col(ObjectConcepts::ObjectId),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(ObjectConcepts::Table, ObjectConcepts::ObjectId)
                            .to(Objects::Table, Objects::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .to_owned(),
            )
            .await?;
        manager
            .create_index(index(
                "object_concepts_object",
                ObjectConcepts::Table,
                vec![ObjectConcepts::ObjectId.into_iden()],
            ))
            .await?;

        // SQLite alters one column per statement.
        for column in [
            string_null(Objects::InseeCode),
            string_null(Objects::Departement),
            string_null(Objects::Region),
            double_null(Objects::AreaLatitude),
            double_null(Objects::AreaLongitude),
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Objects::Table)
                        .add_column(column)
                        .to_owned(),
                )
                .await?;
        }
        let o = |c: Objects| -> DynIden { c.into_iden() };
        // Every index here is written by every stored object (the inbox's hot path): only the
        // département gets its own. A commune filter is narrowed by its département too; a
        // région (a large share of the rows) or a box reads the existing timeline index.
        for statement in [
            // The newest-first timeline of a département, keyset on (received_at, id).
            index(
                "objects_departement_timeline",
                Objects::Table,
                vec![
                    o(Objects::Departement),
                    o(Objects::ReceivedAt),
                    o(Objects::Id),
                ],
            ),
            // Upcoming events of a département, keyset on (start_time, id).
            index(
                "objects_departement_start",
                Objects::Table,
                vec![
                    o(Objects::Departement),
                    o(Objects::StartTime),
                    o(Objects::Id),
                ],
            ),
            // Upcoming events and date ranges anywhere.
            index(
                "objects_start",
                Objects::Table,
                vec![o(Objects::StartTime), o(Objects::Id)],
            ),
        ] {
            manager.create_index(statement).await?;
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for name in [
            "objects_departement_timeline",
            "objects_departement_start",
            "objects_start",
        ] {
            manager
                .drop_index(Index::drop().name(name).table(Objects::Table).to_owned())
                .await?;
        }
        for column in [
            Objects::InseeCode,
            Objects::Departement,
            Objects::Region,
            Objects::AreaLatitude,
            Objects::AreaLongitude,
        ] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Objects::Table)
                        .drop_column(column)
                        .to_owned(),
                )
                .await?;
        }
        for table in [
            ObjectConcepts::Table.into_iden(),
            DirectoryConcepts::Table.into_iden(),
            Directory::Table.into_iden(),
        ] {
            manager
                .drop_table(Table::drop().table(table).to_owned())
                .await?;
        }
        Ok(())
    }
}
