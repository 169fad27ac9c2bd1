//! Galaxie's ActivityPub federation, built on `activitypub_federation`.
//!
//! Modules:
//! - [`settings`]: the `[federation]` configuration section.
//! - [`data`]: [`AppData`], the state every federation trait is generic over.
//! - [`urls`]: where each actor, object and collection lives.
//! - [`error`]: the crate's error type, `FederationError`.
//! - [`protocol`]: the JSON shapes on the wire, each defined once.
//! - [`objects`]: stored rows joined to their wire shapes (`impl Object`).
//! - [`activities`]: one activity per file, and the inbox dispatch.
//! - [`signatures`]: draft-cavage HTTP signatures, signing and verifying.
//! - [`inbox`]: the checks every inbox POST goes through.
//! - [`metrics`]: counters for `/metrics`.
//! - [`outbox`]: what happened → which activity, to whom; the durable delivery worker.
//! - [`service`]: the operations the CLI and the API share (create a place, publish, follow…).
//! - [`sanitize`]: remote HTML cleaning.
//! - [`series`]: recurring permanences and their published occurrences.
//! - [`webfinger`]: resolving `@user@host`.
//! - [`directory`]: the federated directory, fed by local places and fetched remote ones.
//! - [`cooperation`]: offers and requests between places (FEP-0837), agreements.
//! - [`fork`]: a place's code source (`sourceCode`) and forks of it.
//! - [`integrity`]: FEP-8b32 `eddsa-jcs-2022` proofs and Ed25519 multikeys.
//! - [`label`]: regional labels: definitions, applications, signed attestations.
//! - [`funding`]: the funding watch: calls published, received, imported and matched.

pub mod activities;
pub mod backfill;
pub mod cooperation;
pub mod data;
pub mod directory;
pub mod error;
pub mod fork;
pub mod funding;
pub mod inbox;
pub mod integrity;
pub mod label;
pub mod metrics;
pub mod network;
pub mod objects;
pub mod outbox;
pub mod protocol;
pub mod relay;
pub mod sanitize;
pub mod series;
pub mod service;
pub mod settings;
pub mod signatures;
pub mod timeline;
pub mod urls;
pub mod webfinger;

pub use data::{AppData, Data, FederationContext, build_federation_config};
pub use error::FederationError;
pub use settings::FederationSettings;

/// The software name announced in NodeInfo and the `User-Agent`.
pub const SOFTWARE: &str = "galaxie";
/// This build's version.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
/// The media type of ActivityPub documents.
pub const AP_CONTENT_TYPE: &str = "application/activity+json";
