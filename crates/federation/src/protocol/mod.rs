//! The JSON shapes on the wire, each defined once and reused by every module.

pub mod actor;
pub mod attachment;
pub mod collection;
pub mod context;
pub mod helpers;
pub mod place;
pub mod post;
