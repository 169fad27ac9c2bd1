//! Typed row ids, so a place id is never passed where an object id is expected.

use sea_orm::DeriveValueType;
use serde::{Deserialize, Serialize};

/// A local place's row id.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    DeriveValueType,
    Serialize,
    Deserialize,
)]
pub struct PlaceId(pub i64);

impl std::fmt::Display for PlaceId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}
