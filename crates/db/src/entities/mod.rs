//! sea-orm entities: one module per table, rows as the database stores them.

pub mod accounts;
pub mod activities;
pub mod actors;
pub mod api_tokens;
pub mod dead_inboxes;
pub mod deliveries;
pub mod directory;
pub mod directory_concepts;
pub mod domain_blocks;
pub mod followers;
pub mod followings;
pub mod inbox_queue;
pub mod instance;
pub mod media;
pub mod memberships;
pub mod moderation_log;
pub mod network_announces;
pub mod network_members;
pub mod object_concepts;
pub mod object_sources;
pub mod objects;
pub mod places;
pub mod relay_subscribers;
pub mod reports;
pub mod subscriptions;
