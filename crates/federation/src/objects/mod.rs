//! Stored rows joined to their wire shapes by `activitypub_federation`'s `Object` trait.

pub mod actor;
pub mod instance;
pub mod place;
pub mod post;
