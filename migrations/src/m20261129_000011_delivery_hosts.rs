//! The destination host of each delivery (`host[:port]` of its inbox, as the `Host` header
//! writes it), so that the worker can claim jobs for the hosts that have room and leave the
//! others in the queue, and `/metrics` can count the queue per host. Rows queued before are
//! filled from their inbox URL.

use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Deliveries {
    Table,
    Host,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Deliveries::Table)
                    .add_column(
                        ColumnDef::new(Deliveries::Host)
                            .string()
                            .not_null()
                            .default(""),
                    )
                    .to_owned(),
            )
            .await?;
        // `scheme://host[:port]/path…` → `host[:port]`. Inbox URLs are stored normalised by
        // the `url` crate (lowercase host, no default port, no user info).
        let fill = match manager.get_database_backend() {
            DbBackend::Postgres => {
                "UPDATE deliveries SET host = split_part(split_part(inbox, '://', 2), '/', 1)"
            }
            _ => {
                "UPDATE deliveries SET host = CASE \
                   WHEN instr(substr(inbox, instr(inbox, '://') + 3), '/') = 0 \
                     THEN substr(inbox, instr(inbox, '://') + 3) \
                   ELSE substr(substr(inbox, instr(inbox, '://') + 3), 1, \
                     instr(substr(inbox, instr(inbox, '://') + 3), '/') - 1) \
                 END"
            }
        };
        manager.get_connection().execute_unprepared(fill).await?;
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(Deliveries::Table)
                    .drop_column(Deliveries::Host)
                    .to_owned(),
            )
            .await
    }
}
