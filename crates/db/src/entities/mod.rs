//! sea-orm entities: one module per table, rows as the database stores them.

pub mod activities;
pub mod actors;
pub mod api_tokens;
pub mod dead_inboxes;
pub mod deliveries;
pub mod domain_blocks;
pub mod followers;
pub mod followings;
pub mod inbox_queue;
pub mod instance;
pub mod media;
pub mod objects;
pub mod places;
